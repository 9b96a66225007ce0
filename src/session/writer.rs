//! A background writer: saves sessions on a thread of its own so that an
//! interactive caller never waits on fsync. It always writes the newest
//! snapshot (older ones still queued are dropped), in the order asked; a
//! failed write is retried every second until it succeeds or a newer
//! snapshot replaces it; [`Writer::flush`] waits until what was asked for
//! is on disk, and [`Writer::finish`] writes what is pending (three tries)
//! before the thread ends.

use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread::JoinHandle;
use std::time::Duration;

use crate::questionnaire::Questionnaire;

use super::{Session, Store, StoreError};

/// What the writer tells its owner, on [`Writer::events`].
#[derive(Debug, Clone)]
pub enum WriterEvent {
    /// A save failed; it is retried.
    Failed(Arc<StoreError>),
    /// A save succeeded after one failed.
    Saved,
}

/// Why what was asked for is not on disk.
#[derive(Debug, Clone, thiserror::Error)]
pub enum WriteError {
    /// The last save is still failing.
    #[error(transparent)]
    Store(Arc<StoreError>),
    #[error("the writer thread stopped")]
    Stopped,
    #[error("the writer thread could not be started")]
    NotStarted,
}

enum Cmd {
    Save(Box<Session>),
    /// Answer once everything before is written (or failed).
    Flush(Sender<Result<(), WriteError>>),
    Shutdown,
}

/// The handle of the writer thread.
pub struct Writer {
    tx: Sender<Cmd>,
    /// Failed and recovered saves, as they happen.
    pub events: Receiver<WriterEvent>,
    handle: Option<JoinHandle<Result<(), WriteError>>>,
}

/// How long a failed save waits before it is tried again.
const RETRY: Duration = Duration::from_secs(1);

impl Writer {
    pub fn spawn(store: Store, q: Arc<Questionnaire>) -> Writer {
        let (tx, rx) = mpsc::channel::<Cmd>();
        let (events_tx, events) = mpsc::channel::<WriterEvent>();
        let handle = std::thread::Builder::new()
            .name("behovsanalys-writer".into())
            .spawn(move || run(&store, &q, &rx, &events_tx))
            .ok();
        Writer { tx, events, handle }
    }

    /// Queues a snapshot; returns at once.
    pub fn save(&self, s: Box<Session>) {
        let _ = self.tx.send(Cmd::Save(s));
    }

    /// Waits until what was asked for is written; the error of a save that
    /// is still failing.
    pub fn flush(&self) -> Result<(), WriteError> {
        let (tx, rx) = mpsc::channel();
        if self.tx.send(Cmd::Flush(tx)).is_err() {
            return Err(WriteError::Stopped);
        }
        rx.recv().unwrap_or(Err(WriteError::Stopped))
    }

    /// Writes what is pending and stops the thread.
    pub fn finish(mut self) -> Result<(), WriteError> {
        let _ = self.tx.send(Cmd::Shutdown);
        match self.handle.take() {
            Some(h) => h.join().unwrap_or(Err(WriteError::Stopped)),
            None => Err(WriteError::NotStarted),
        }
    }
}

fn run(
    store: &Store,
    q: &Questionnaire,
    rx: &Receiver<Cmd>,
    events: &Sender<WriterEvent>,
) -> Result<(), WriteError> {
    let mut pending: Option<Box<Session>> = None;
    let mut last_error: Option<Arc<StoreError>> = None;
    let mut shutdown = false;
    let mut flushes: Vec<Sender<Result<(), WriteError>>> = Vec::new();
    loop {
        let first = if pending.is_some() {
            rx.recv_timeout(RETRY)
        } else {
            rx.recv().map_err(|_| RecvTimeoutError::Disconnected)
        };
        let mut take = |cmd: Cmd| match cmd {
            Cmd::Save(s) => pending = Some(s),
            Cmd::Flush(tx) => flushes.push(tx),
            Cmd::Shutdown => shutdown = true,
        };
        let mut disconnected = false;
        match first {
            Ok(cmd) => take(cmd),
            Err(RecvTimeoutError::Disconnected) => disconnected = true,
            Err(RecvTimeoutError::Timeout) => {}
        }
        // Coalesce: only the newest snapshot matters.
        while let Ok(cmd) = rx.try_recv() {
            take(cmd);
        }
        shutdown |= disconnected;
        let attempts = if shutdown || !flushes.is_empty() {
            3
        } else {
            1
        };
        for attempt in 0..attempts {
            let Some(mut s) = pending.take() else { break };
            match store.save(&mut s, q) {
                Ok(()) => {
                    if last_error.take().is_some() {
                        let _ = events.send(WriterEvent::Saved);
                    }
                }
                Err(e) => {
                    let e = Arc::new(e);
                    let _ = events.send(WriterEvent::Failed(Arc::clone(&e)));
                    last_error = Some(e);
                    pending = Some(s);
                    if attempt + 1 < attempts {
                        std::thread::sleep(Duration::from_millis(200));
                    }
                }
            }
        }
        let outcome = match (&pending, &last_error) {
            (Some(_), Some(e)) => Err(WriteError::Store(Arc::clone(e))),
            _ => Ok(()),
        };
        for tx in flushes.drain(..) {
            let _ = tx.send(outcome.clone());
        }
        if shutdown {
            return outcome;
        }
    }
}
