//! The runtime: the event loop, and the execution of effects (locking and
//! opening sessions, saving through a dedicated writer thread, listing
//! sessions, importing, exporting).

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread::JoinHandle;
use std::time::Duration;

use ratatui::crossterm::event::{self, Event};

use crate::answers::AnswersFile;
use crate::export::{self, ExportError, Format};
use crate::questionnaire::Questionnaire;
use crate::session::{DriftReport, Listing, Session, SessionLock, Store, StoreError};

use super::TuiError;
use super::app::{App, ExportJob};
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
        let mut msgs = Vec::new();
        if event::poll(Duration::from_millis(250))? {
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
        msgs.extend(rt.writer_status());
        for msg in msgs {
            if rt.dispatch(app, msg) {
                return Ok(());
            }
        }
    }
}

// ---------------------------------------------------------------- runtime

/// What the runtime should open (see [`Effect::Open`]).
#[derive(Debug, Clone, PartialEq)]
pub enum OpenRequest {
    /// A saved session, by id.
    Resume(String),
    /// A follow-up visit to the company of this session.
    FollowUp(String),
    /// A self-assessment file a company sent.
    Import(PathBuf),
}

/// Why a session could not be opened.
#[derive(Debug, Clone, PartialEq)]
pub enum OpenError {
    /// Another wizard has it open.
    Locked {
        id: String,
        holder: String,
    },
    Failed(String),
}

impl From<StoreError> for OpenError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::Locked { id, holder } => OpenError::Locked {
                id,
                holder: holder.map_or_else(
                    || "holder unknown".to_string(),
                    |h| crate::text::sanitize_line(&h.to_string()),
                ),
            },
            other => OpenError::Failed(first_lines(&other.to_string())),
        }
    }
}

/// How an opened session came about.
#[derive(Debug, Clone, PartialEq)]
pub enum OpenKind {
    Resumed,
    FollowUp,
    Imported {
        /// The file name.
        file: String,
        /// A session with the file's id existed; this one got a new id.
        existing: Option<String>,
        /// Lenient-reading warnings (rendered, first lines).
        warnings: Vec<String>,
    },
}

/// The earlier visit a follow-up is compared with.
#[derive(Debug, Clone)]
pub struct Previous {
    pub id: String,
    /// When it was last saved (RFC 3339).
    pub updated: String,
    pub answers: AnswersFile,
}

/// A session opened (and locked) by the runtime.
#[derive(Debug, Clone)]
pub struct Opened {
    pub session: Session,
    pub kind: OpenKind,
    pub drift: DriftReport,
    pub previous: Option<Previous>,
}

/// Executes effects: owns the store, the writer thread and the lock of the
/// open session. Everything is set up when first needed, so that start-up
/// does no I/O beyond drawing the first screen.
pub struct Runtime {
    data_dir: Option<PathBuf>,
    store: Option<Store>,
    q: Arc<Questionnaire>,
    writer: Option<Writer>,
    lock: Option<SessionLock>,
    sync: Option<super::sync::BackgroundSync>,
}

impl Runtime {
    pub fn new(data_dir: Option<PathBuf>, q: Arc<Questionnaire>) -> Runtime {
        Runtime {
            data_dir,
            store: None,
            q,
            writer: None,
            lock: None,
            sync: None,
        }
    }

    /// Syncs with the shared store at `url` in the background (now, when a
    /// session is left, and every `every`).
    pub fn start_sync(&mut self, url: &str, every: Duration) {
        if let Ok(store) = self.store() {
            self.sync = Some(super::sync::BackgroundSync::spawn(
                url,
                store,
                Arc::clone(&self.q),
                every,
            ));
        }
    }

    fn store(&mut self) -> Result<Store, StoreError> {
        if let Some(s) = &self.store {
            return Ok(s.clone());
        }
        let s = Store::open(self.data_dir.as_deref())?;
        self.store = Some(s.clone());
        Ok(s)
    }

    /// The id of the session whose lock this runtime holds.
    pub fn locked_id(&self) -> Option<&str> {
        self.lock.as_ref().map(SessionLock::id)
    }

    /// Runs `msg` through `update` and executes the effects, feeding their
    /// answers back at once (before any later key). True when the wizard
    /// should end.
    pub fn dispatch(&mut self, app: &mut App, msg: Msg) -> bool {
        for effect in update(app, msg) {
            if matches!(effect, Effect::Quit) {
                return true;
            }
            if let Some(m) = self.execute(effect)
                && self.dispatch(app, m)
            {
                return true;
            }
        }
        app.quit
    }

    /// Executes one effect; some answer with a message.
    pub fn execute(&mut self, effect: Effect) -> Option<Msg> {
        match effect {
            Effect::Save(s) => {
                if self.locked_id() != Some(s.meta.id.as_str()) {
                    // Never write a session another wizard may have open.
                    return Some(Msg::SaveFailed(format!(
                        "session {} is not locked by this window; not saved",
                        s.meta.id
                    )));
                }
                match self.writer() {
                    Some(w) => {
                        w.save(s);
                        None
                    }
                    None => Some(Msg::SaveFailed("the store is not open".into())),
                }
            }
            Effect::Lock(id) => match self.take_lock(&id) {
                Ok(()) => None,
                Err(e) => Some(Msg::LockFailed(e)),
            },
            Effect::Open(req) => Some(Msg::Opened(self.open(req).map(Box::new))),
            Effect::Close => {
                self.release();
                if let Some(s) = &self.sync {
                    s.poke();
                }
                None
            }
            Effect::LookupCompany { org, except } => {
                let visits = match self.store() {
                    Ok(store) => {
                        crate::store::lookup::earlier_visits(&store, &self.q, &org, Some(&except))
                    }
                    Err(_) => Vec::new(),
                };
                Some(Msg::CompanyKnown { org, visits })
            }
            Effect::LoadPrevious(id) => Some(Msg::PreviousLoaded(self.previous(&id))),
            Effect::LoadSessionList => Some(Msg::SessionsListed(self.list())),
            Effect::Export(job) => Some(Msg::Exported(run_export(&job, &self.q))),
            Effect::Quit => None,
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

    /// Messages from the writer thread (failed and recovered saves) and
    /// the background sync.
    pub fn writer_status(&self) -> Vec<Msg> {
        let mut out: Vec<Msg> = match &self.writer {
            Some(w) => w.status.try_iter().collect(),
            None => Vec::new(),
        };
        if let Some(s) = &self.sync {
            out.extend(s.status());
        }
        out
    }

    /// The earlier visit `id`, for a session that now follows it up.
    fn previous(&mut self, id: &str) -> Result<Box<Previous>, String> {
        let store = self.store().map_err(|e| first_lines(&e.to_string()))?;
        let p = store
            .load_full(id, &self.q)
            .map_err(|e| first_lines(&e.to_string()))?;
        Ok(Box::new(Previous {
            id: id.to_string(),
            updated: p.session.meta.updated,
            answers: p.session.answers,
        }))
    }

    /// Waits until every save asked for so far is on disk (or failed).
    pub fn flush(&self) -> Result<(), String> {
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

    /// Locks session `id` for this window, letting go of any other.
    fn take_lock(&mut self, id: &str) -> Result<(), OpenError> {
        if self.locked_id() == Some(id) {
            return Ok(());
        }
        self.release();
        let lock = self.store()?.lock(id)?;
        self.lock = Some(lock);
        Ok(())
    }

    fn list(&mut self) -> Result<Listing, String> {
        let store = self.store().map_err(|e| first_lines(&e.to_string()))?;
        if !store.sessions_dir().exists() {
            return Ok(Listing::default());
        }
        store.list(&self.q).map_err(|e| first_lines(&e.to_string()))
    }

    fn open(&mut self, req: OpenRequest) -> Result<Opened, OpenError> {
        let store = self.store()?;
        let q = Arc::clone(&self.q);
        let (session, kind, drift) = match req {
            OpenRequest::Resume(id) => {
                let loaded = if self.locked_id() == Some(id.as_str()) {
                    store.load_full(&id, &q)?
                } else {
                    self.release();
                    let (loaded, lock) = store.load_for_edit(&id, &q)?;
                    self.lock = Some(lock);
                    loaded
                };
                (loaded.session, OpenKind::Resumed, loaded.drift)
            }
            OpenRequest::FollowUp(prev) => {
                let s = store.follow_up(&prev, &q)?;
                self.take_lock(&s.meta.id)?;
                (s, OpenKind::FollowUp, DriftReport::default())
            }
            OpenRequest::Import(path) => {
                let file = path
                    .file_name()
                    .map(|n| crate::text::sanitize_line(&n.to_string_lossy()))
                    .unwrap_or_default();
                let (imported, existing) = match store.import(&path, &q, false) {
                    Err(StoreError::Exists(id)) => (store.import(&path, &q, true)?, Some(id)),
                    other => (other?, None),
                };
                self.take_lock(&imported.session.meta.id)?;
                let warnings = imported
                    .warnings_text
                    .lines()
                    .filter(|l| l.contains("warning"))
                    .take(3)
                    .map(crate::text::sanitize_line)
                    .collect();
                (
                    imported.session,
                    OpenKind::Imported {
                        file,
                        existing,
                        warnings,
                    },
                    DriftReport::default(),
                )
            }
        };
        let previous = session.meta.previous.as_deref().and_then(|id| {
            let p = store.load_full(id, &q).ok()?;
            Some(Previous {
                id: id.to_string(),
                updated: p.session.meta.updated,
                answers: p.session.answers,
            })
        });
        Ok(Opened {
            session,
            kind,
            drift,
            previous,
        })
    }

    /// Writes what is pending, stops the writer and lets go of the lock.
    pub fn finish(mut self) -> Result<(), String> {
        let r = match self.writer.take() {
            Some(w) => w.finish(),
            None => Ok(()),
        };
        self.lock = None;
        r
    }
}

fn first_lines(e: &str) -> String {
    let lines: Vec<&str> = e
        .lines()
        .filter(|l| l.contains("error") || l.contains("cannot"))
        .take(3)
        .collect();
    let text = if lines.is_empty() {
        e.lines().next().unwrap_or("").to_string()
    } else {
        lines.join(" · ")
    };
    crate::text::sanitize_line(&text)
}

/// Writes a file under a free name: `name`, `name-2`, `name-3`, …
fn write_unique(dir: &Path, name: &str, content: &str) -> Result<PathBuf, ExportError> {
    let (stem, ext) = name.rsplit_once('.').unwrap_or((name, ""));
    for n in 1..100 {
        let candidate = if n == 1 {
            name.to_string()
        } else {
            format!("{stem}-{n}.{ext}")
        };
        match export::write_file(dir, &candidate, content, false) {
            Err(ExportError::Exists(_)) => continue,
            other => return other,
        }
    }
    export::write_file(dir, name, content, true)
}

/// Writes the referrals, the company summary and (self-assessment) the
/// answers file for the advisor, with the same content and names as
/// `behovsanalys export --session ID --format html --out-dir DIR`.
pub fn run_export(job: &ExportJob, q: &Questionnaire) -> Result<Vec<String>, String> {
    std::fs::create_dir_all(&job.dir)
        .map_err(|e| format!("cannot create {}: {e}", job.dir.display()))?;
    let input = export::Input {
        questionnaire: q,
        answers: &job.session.answers,
        meta: Some(&job.session.meta),
        lang: job.lang.code(),
    };
    let opts = export::Options {
        date: job.date.clone(),
        follow_up: None,
    };
    let company = job
        .session
        .answers
        .company
        .name
        .as_deref()
        .unwrap_or("foretag");
    let mut written = Vec::new();
    let mut put = |name: String, content: String| -> Result<(), String> {
        let p = write_unique(&job.dir, &name, &content).map_err(|e| e.to_string())?;
        written.push(p.display().to_string());
        Ok(())
    };
    if job.self_file {
        let name = export::file_name(&["självskattning", company], Format::Md);
        let name = format!("{}.toml", name.trim_end_matches(".md"));
        put(name, job.session.to_toml(q))?;
    }
    for actor in &job.actors {
        let content =
            export::referral_with(&input, actor, Format::Html, &opts).map_err(|e| e.to_string())?;
        put(export::file_name(&[company, actor], Format::Html), content)?;
    }
    let content =
        export::company_summary_with(&input, Format::Html, &opts).map_err(|e| e.to_string())?;
    put(
        export::file_name(&[company, "foretaget"], Format::Html),
        content,
    )?;
    Ok(written)
}

// ---------------------------------------------------------------- writer

enum WriterCmd {
    Save(Box<Session>),
    /// Answer once everything before is written (or failed).
    Flush(Sender<Result<(), String>>),
    Shutdown,
}

/// Saves sessions on a thread of its own so that the UI never waits on
/// fsync. Always writes the latest snapshot; a failed write is retried
/// (every second) until it succeeds or a newer snapshot replaces it.
pub struct Writer {
    tx: Sender<WriterCmd>,
    pub status: Receiver<Msg>,
    handle: Option<JoinHandle<Result<(), String>>>,
}

const RETRY: Duration = Duration::from_secs(1);

impl Writer {
    pub fn spawn(store: Store, q: Arc<Questionnaire>) -> Writer {
        let (tx, rx) = mpsc::channel::<WriterCmd>();
        let (status_tx, status) = mpsc::channel::<Msg>();
        let handle = std::thread::Builder::new()
            .name("behovsanalys-writer".into())
            .spawn(move || writer_loop(&store, &q, &rx, &status_tx))
            .ok();
        Writer { tx, status, handle }
    }

    pub fn save(&self, s: Box<Session>) {
        let _ = self.tx.send(WriterCmd::Save(s));
    }

    /// Waits until what was asked for is written; the error of a save that
    /// is still failing.
    pub fn flush(&self) -> Result<(), String> {
        let (tx, rx) = mpsc::channel();
        if self.tx.send(WriterCmd::Flush(tx)).is_err() {
            return Err("the writer thread stopped".into());
        }
        rx.recv()
            .unwrap_or_else(|_| Err("the writer thread stopped".into()))
    }

    /// Writes what is pending and stops the thread.
    pub fn finish(mut self) -> Result<(), String> {
        let _ = self.tx.send(WriterCmd::Shutdown);
        match self.handle.take() {
            Some(h) => h
                .join()
                .unwrap_or_else(|_| Err("the writer thread panicked".into())),
            None => Err("the writer thread could not be started".into()),
        }
    }
}

fn writer_loop(
    store: &Store,
    q: &Questionnaire,
    rx: &Receiver<WriterCmd>,
    status: &Sender<Msg>,
) -> Result<(), String> {
    let mut pending: Option<Box<Session>> = None;
    let mut last_error: Option<String> = None;
    let mut shutdown = false;
    let mut flushes: Vec<Sender<Result<(), String>>> = Vec::new();
    loop {
        let first = if pending.is_some() {
            rx.recv_timeout(RETRY)
        } else {
            rx.recv().map_err(|_| RecvTimeoutError::Disconnected)
        };
        let mut take = |cmd: WriterCmd| match cmd {
            WriterCmd::Save(s) => pending = Some(s),
            WriterCmd::Flush(tx) => flushes.push(tx),
            WriterCmd::Shutdown => shutdown = true,
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
                        let _ = status.send(Msg::Saved);
                    }
                }
                Err(e) => {
                    let e = e.to_string();
                    let _ = status.send(Msg::SaveFailed(e.clone()));
                    last_error = Some(e);
                    pending = Some(s);
                    if attempt + 1 < attempts {
                        std::thread::sleep(Duration::from_millis(200));
                    }
                }
            }
        }
        let outcome = match (&pending, &last_error) {
            (Some(_), Some(e)) => Err(e.clone()),
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
