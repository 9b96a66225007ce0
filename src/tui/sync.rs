//! Sync with the shared store in the background: the wizard never waits on
//! the network. A thread syncs when the wizard starts, when a session is
//! left, and every few minutes; the session open in the wizard is skipped
//! (its lock is held here) and synced the next time. A store that cannot
//! be reached is reported in one line; nothing else changes.

use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::time::Duration;

use crate::questionnaire::Questionnaire;
use crate::session::Store;
use crate::store::{PgStore, StoreConfig, SyncError, SyncReport, sync};

use super::update::Msg;

/// How often the wizard syncs when nothing else asks it to.
pub const EVERY: Duration = Duration::from_secs(300);

pub struct BackgroundSync {
    results: Receiver<Result<SyncReport, Arc<SyncError>>>,
    wake: Sender<()>,
}

impl BackgroundSync {
    /// Starts the thread; the first sync begins at once.
    pub fn spawn(
        url: &str,
        store: Store,
        q: Arc<Questionnaire>,
        every: Duration,
    ) -> BackgroundSync {
        let (tx, results) = mpsc::channel();
        let (wake, woken) = mpsc::channel::<()>();
        let cfg = StoreConfig::parse(url).map_err(Arc::new);
        let _ = std::thread::Builder::new()
            .name("sync".into())
            .spawn(move || {
                loop {
                    let outcome = match &cfg {
                        Ok(cfg) => PgStore::open(cfg)
                            .and_then(|mut pg| sync(&store, &mut pg, &q))
                            .map_err(Arc::new),
                        Err(e) => Err(Arc::clone(e)),
                    };
                    if tx.send(outcome).is_err() {
                        return;
                    }
                    match woken.recv_timeout(every) {
                        Ok(()) | Err(RecvTimeoutError::Timeout) => {
                            // Several pokes while syncing: one more sync.
                            while woken.try_recv().is_ok() {}
                        }
                        Err(RecvTimeoutError::Disconnected) => return,
                    }
                }
            });
        BackgroundSync { results, wake }
    }

    /// Sync again soon (a session was left).
    pub fn poke(&self) {
        let _ = self.wake.send(());
    }

    /// Results of syncs that ended since the last call.
    pub fn status(&self) -> Vec<Msg> {
        self.results.try_iter().map(Msg::Synced).collect()
    }
}
