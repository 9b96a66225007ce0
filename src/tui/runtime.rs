//! The runtime: the event loop, and the execution of effects. The UI
//! thread never waits on the store: saves go to the background writer
//! ([`crate::session::writer`]); listing, opening, importing, locking a new
//! session and exporting run as [`jobs`](super::jobs) on threads of their
//! own, whose results come back as messages. Keys (`q`, Ctrl-C) are read
//! and handled while a job is pending.
//!
//! The runtime holds the editing lock of the open session: taken before a
//! session is first saved or shown, released when the user leaves it, when
//! another session is opened, and by the operating system when the process
//! dies. It only saves a session whose lock it holds.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, Sender};
use std::time::{Duration, Instant};

use ratatui::crossterm::event::{self, Event};

use crate::questionnaire::Questionnaire;
use crate::session::writer::{WriteError, Writer, WriterEvent};
use crate::session::{Session, SessionLock, Store};

use super::TuiError;
use super::app::App;
use super::errors::{OpenError, SaveError};
use super::jobs::{self, Done, Job, Outcome, Previous};
use super::theme;
use super::update::{Effect, Msg, update};
use super::view;

pub(crate) fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    app: &mut App,
    theme: &theme::Theme,
    rt: &mut Runtime,
) -> Result<(), TuiError> {
    loop {
        terminal.draw(|f| view::view(app, theme, f))?;
        // While a job runs, look for its result often.
        let wait = if rt.busy() { 50 } else { 250 };
        let mut msgs = Vec::new();
        if event::poll(Duration::from_millis(wait))? {
            // Take everything that is waiting (fast typing, paste) before
            // the next draw.
            loop {
                match event::read()? {
                    Event::Key(k) => msgs.push(Msg::Key(k)),
                    Event::Paste(p) => msgs.push(Msg::Paste(p)),
                    _ => {}
                }
                if msgs.len() > 256 || !event::poll(Duration::ZERO)? {
                    break;
                }
            }
        }
        msgs.push(Msg::Tick(Instant::now()));
        for msg in msgs {
            if rt.dispatch(app, msg) {
                return Ok(());
            }
        }
        if rt.pump(app) {
            return Ok(());
        }
    }
}

/// A new session whose lock a job is taking, and its newest snapshot,
/// saved once the lock is held.
struct Locking {
    ticket: u64,
    id: String,
    snapshot: Option<Box<Session>>,
}

/// Executes effects: owns the writer thread, the lock of the open session
/// and the jobs in flight. Everything is set up when first needed, so that
/// start-up does no I/O beyond drawing the first screen.
pub struct Runtime {
    data_dir: Option<PathBuf>,
    /// The store, once a job has opened it.
    store: Option<Store>,
    q: Arc<Questionnaire>,
    writer: Option<Writer>,
    lock: Option<SessionLock>,
    locking: Option<Locking>,
    done_tx: Sender<Done>,
    done_rx: Receiver<Done>,
    /// Jobs started and not yet answered.
    in_flight: usize,
    /// Numbers the runtime's own jobs (lock, export); the app numbers the
    /// ones it waits for (see [`App::pending`]).
    next_ticket: u64,
    /// Sync with the shared store in the background, when one is configured.
    sync: Option<super::sync::BackgroundSync>,
    /// Answers of the company lookup and of reading an earlier visit.
    side_tx: Sender<Msg>,
    side_rx: Receiver<Msg>,
    side_in_flight: usize,
}

/// The runtime's own tickets count down from the top, the app's up from 1.
const OWN_TICKETS: u64 = u64::MAX / 2;

impl Runtime {
    pub fn new(data_dir: Option<PathBuf>, q: Arc<Questionnaire>) -> Runtime {
        let (done_tx, done_rx) = mpsc::channel();
        let (side_tx, side_rx) = mpsc::channel();
        Runtime {
            data_dir,
            store: None,
            q,
            writer: None,
            lock: None,
            locking: None,
            done_tx,
            done_rx,
            in_flight: 0,
            next_ticket: OWN_TICKETS,
            sync: None,
            side_tx,
            side_rx,
            side_in_flight: 0,
        }
    }

    /// Syncs with the shared store at `url` in the background (now, when a
    /// session is left, and every `every`).
    pub fn start_sync(&mut self, url: &str, every: Duration) {
        if let Ok(store) = Store::open(self.data_dir.as_deref()) {
            self.sync = Some(super::sync::BackgroundSync::spawn(
                url,
                store,
                Arc::clone(&self.q),
                every,
            ));
        }
    }

    /// Runs `work` on a thread of its own; its message comes back through
    /// [`Runtime::pump`].
    fn side_job(
        &mut self,
        work: impl FnOnce(Option<Store>, &Questionnaire) -> Msg + Send + 'static,
    ) {
        let tx = self.side_tx.clone();
        let data_dir = self.data_dir.clone();
        let q = Arc::clone(&self.q);
        let started = std::thread::Builder::new()
            .name("behovsanalys-lookup".into())
            .spawn(move || {
                let store = Store::open(data_dir.as_deref()).ok();
                let _ = tx.send(work(store, &q));
            })
            .is_ok();
        if started {
            self.side_in_flight += 1;
        }
    }

    /// Takes over a session opened (and locked) before the wizard started,
    /// and its store.
    pub fn adopt(&mut self, lock: SessionLock, store: Store) {
        self.release();
        self.lock = Some(lock);
        self.store.get_or_insert(store);
    }

    /// The id of the session whose lock this runtime holds.
    pub fn locked_id(&self) -> Option<&str> {
        self.lock.as_ref().map(SessionLock::id)
    }

    /// True while a job is running.
    pub fn busy(&self) -> bool {
        self.in_flight > 0
    }

    /// Runs `msg` through `update` and executes the effects. Answers of
    /// the writer come back at once; those of jobs later, through
    /// [`Runtime::pump`]. True when the wizard should end.
    pub fn dispatch(&mut self, app: &mut App, msg: Msg) -> bool {
        for effect in update(app, msg) {
            if self.execute(app, effect) {
                return true;
            }
        }
        app.quit
    }

    /// Executes one effect. True when the wizard should end.
    pub fn execute(&mut self, app: &mut App, effect: Effect) -> bool {
        match effect {
            Effect::Quit => return true,
            Effect::Save(s) => {
                if let Some(l) = self.locking.as_mut().filter(|l| l.id == s.meta.id) {
                    // Saved as soon as the lock is held.
                    l.snapshot = Some(s);
                    return false;
                }
                if self.locked_id() != Some(s.meta.id.as_str()) {
                    // Never write a session another wizard may have open.
                    let e = SaveError::NotLocked(s.meta.id.clone());
                    return self.dispatch(app, Msg::SaveFailed(e));
                }
                if let Some(w) = self.writer() {
                    w.save(s);
                }
            }
            Effect::Lock(id) => {
                self.release();
                let ticket = self.own_ticket();
                self.locking = Some(Locking {
                    ticket,
                    id: id.clone(),
                    snapshot: None,
                });
                self.spawn(ticket, Job::Lock(id));
            }
            Effect::Open { ticket, req } => {
                let held = match &req {
                    jobs::OpenRequest::Resume(id) => self.locked_id() == Some(id.as_str()),
                    _ => false,
                };
                self.spawn(ticket, Job::Open { req, held });
            }
            Effect::Close => {
                self.locking = None;
                self.release();
                if let Some(s) = &self.sync {
                    s.poke();
                }
            }
            Effect::LookupCompany { org, except } => self.side_job(move |store, q| {
                let visits = store.map_or_else(Vec::new, |s| {
                    crate::store::lookup::earlier_visits(&s, q, &org, Some(&except))
                });
                Msg::CompanyKnown { org, visits }
            }),
            Effect::LoadPrevious(id) => self.side_job(move |store, q| {
                let read = match store {
                    Some(s) => s.load_full(&id, q).map_err(OpenError::from),
                    None => Err(OpenError::from(crate::session::StoreError::NotFound(
                        id.clone(),
                    ))),
                };
                Msg::PreviousLoaded(read.map(|p| {
                    Box::new(Previous {
                        id: id.clone(),
                        updated: p.session.meta.updated,
                        answers: p.session.answers,
                    })
                }))
            }),
            Effect::SaveCopy { path, session } => {
                self.side_job(move |_, q| Msg::CopySaved(jobs::write_copy(&path, &session, q)))
            }
            Effect::ListSessions { ticket } => self.spawn(ticket, Job::List),
            Effect::ListReferrals => self.side_job(|store, q| {
                Msg::ReferralsListed(match store {
                    Some(s) => s.referral_rows(q).map(|r| r.rows).map_err(Arc::new),
                    None => Err(Arc::new(crate::session::StoreError::NoDataDir)),
                })
            }),
            Effect::MarkReferral {
                session,
                actor,
                mark,
                at,
            } => self.side_job(move |store, q| {
                use super::screens::referrals::{MarkFailure, apply};
                let result = match store {
                    Some(s) => match s.mark_referral(&session, q, |x| apply(x, &actor, mark, at)) {
                        Ok(Ok(_)) => Ok(()),
                        Ok(Err(e)) => Err(MarkFailure::Refused(e)),
                        Err(e) => Err(MarkFailure::Store(Arc::new(e))),
                    },
                    None => Err(MarkFailure::Store(Arc::new(
                        crate::session::StoreError::NoDataDir,
                    ))),
                };
                Msg::ReferralMarked {
                    actor,
                    mark,
                    result,
                }
            }),
            Effect::Export(job) => {
                let ticket = self.own_ticket();
                self.spawn(ticket, Job::Export(job));
            }
        }
        false
    }

    fn own_ticket(&mut self) -> u64 {
        self.next_ticket += 1;
        self.next_ticket
    }

    fn spawn(&mut self, ticket: u64, job: Job) {
        let tx = self.done_tx.clone();
        if jobs::spawn(ticket, job, self.data_dir.clone(), Arc::clone(&self.q), tx) {
            self.in_flight += 1;
        }
    }

    /// Hands the results of finished jobs and the writer's news to the app,
    /// without waiting. True when the wizard should end.
    pub fn pump(&mut self, app: &mut App) -> bool {
        while let Ok(done) = self.done_rx.try_recv() {
            if self.finished(app, done) {
                return true;
            }
        }
        if self.side_news(app, false) {
            return true;
        }
        self.writer_news(app)
    }

    /// Answers of side jobs and of the background sync (waiting for the
    /// side jobs when `wait`).
    fn side_news(&mut self, app: &mut App, wait: bool) -> bool {
        let mut msgs: Vec<Msg> = self
            .sync
            .as_ref()
            .map(super::sync::BackgroundSync::status)
            .unwrap_or_default();
        loop {
            let next = if wait && self.side_in_flight > 0 {
                self.side_rx.recv().ok()
            } else {
                self.side_rx.try_recv().ok()
            };
            let Some(m) = next else { break };
            self.side_in_flight = self.side_in_flight.saturating_sub(1);
            msgs.push(m);
        }
        for m in msgs {
            if self.dispatch(app, m) {
                return true;
            }
        }
        false
    }

    /// Waits until every job is done and handed over (for tests and
    /// scripted runs; the event loop uses [`Runtime::pump`]). True when the
    /// wizard should end.
    pub fn settle(&mut self, app: &mut App) -> bool {
        loop {
            while self.in_flight > 0 {
                let Ok(done) = self.done_rx.recv() else { break };
                if self.finished(app, done) {
                    return true;
                }
            }
            if self.side_news(app, true) {
                return true;
            }
            // A side answer may have started a job (and the other way round).
            if self.in_flight == 0 && self.side_in_flight == 0 {
                break;
            }
        }
        self.writer_news(app)
    }

    fn writer_news(&mut self, app: &mut App) -> bool {
        let news: Vec<WriterEvent> = match &self.writer {
            Some(w) => w.events.try_iter().collect(),
            None => return false,
        };
        for n in news {
            let msg = match n {
                WriterEvent::Failed(e) => Msg::SaveFailed(SaveError::Store(e)),
                WriterEvent::Saved => Msg::Saved,
            };
            if self.dispatch(app, msg) {
                return true;
            }
        }
        false
    }

    /// A job's result: to the app if it still waits for it (else dropped,
    /// and a lock it took is let go).
    fn finished(&mut self, app: &mut App, done: Done) -> bool {
        self.in_flight = self.in_flight.saturating_sub(1);
        if self.store.is_none() {
            self.store = done.store;
        }
        let wanted = app.pending.as_ref().map(|p| p.ticket) == Some(done.ticket);
        match done.outcome {
            Outcome::Listed(result) if wanted => self.dispatch(app, Msg::SessionsListed(result)),
            Outcome::Opened(Ok((opened, lock))) if wanted => {
                if lock.is_some() {
                    self.release();
                    self.lock = lock;
                }
                self.dispatch(app, Msg::Opened(Ok(opened)))
            }
            Outcome::Opened(Err(e)) if wanted => self.dispatch(app, Msg::Opened(Err(e))),
            Outcome::Locked(id, result) => {
                let Some(l) = self
                    .locking
                    .take_if(|l| l.ticket == done.ticket && l.id == id)
                else {
                    return false;
                };
                match result {
                    Ok(lock) => {
                        self.release();
                        self.lock = Some(lock);
                        if let (Some(s), Some(w)) = (l.snapshot, self.writer()) {
                            w.save(s);
                        }
                        false
                    }
                    Err(e) => self.dispatch(app, Msg::LockFailed(e)),
                }
            }
            Outcome::Exported(result) => self.dispatch(app, Msg::Exported(result)),
            _ => false,
        }
    }

    /// The writer thread, started on the first save.
    fn writer(&mut self) -> Option<&Writer> {
        if self.writer.is_none() {
            let store = self.store.clone()?;
            self.writer = Some(Writer::spawn(store, Arc::clone(&self.q)));
        }
        self.writer.as_ref()
    }

    /// Waits until every save asked for so far is on disk (or failed).
    pub fn flush(&self) -> Result<(), WriteError> {
        match &self.writer {
            Some(w) => w.flush(),
            None => Ok(()),
        }
    }

    /// Writes what is pending, then lets go of the lock.
    pub fn release(&mut self) {
        if self.lock.is_some() {
            let _ = self.flush();
            self.lock = None;
        }
    }

    /// Writes what is pending, stops the writer and lets go of the lock. A
    /// new session whose lock is still being taken gets two seconds to get
    /// it, so that its first answers are saved too.
    pub fn finish(mut self) -> Result<(), SaveError> {
        let deadline = Instant::now() + Duration::from_secs(2);
        while let Some(l) = &self.locking {
            let ticket = l.ticket;
            let Some(left) = deadline.checked_duration_since(Instant::now()) else {
                break;
            };
            let Ok(done) = self.done_rx.recv_timeout(left) else {
                break;
            };
            if done.ticket != ticket {
                continue;
            }
            if self.store.is_none() {
                self.store = done.store;
            }
            if let (Outcome::Locked(_, Ok(lock)), Some(l)) = (done.outcome, self.locking.take()) {
                self.lock = Some(lock);
                if let (Some(s), Some(w)) = (l.snapshot, self.writer()) {
                    w.save(s);
                }
            }
            self.locking = None;
        }
        let r = match self.writer.take() {
            Some(w) => w.finish().map_err(SaveError::from),
            None => Ok(()),
        };
        self.lock = None;
        r
    }
}
