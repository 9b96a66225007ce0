//! Work on the store that may take long (a slow disk, a network folder, a
//! file that blocks), done on threads of its own so that the UI never
//! waits: listing sessions, opening, importing, locking a new session,
//! exporting. Each job sends one [`Done`] back.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::Sender;

use crate::answers::AnswersFile;
use crate::diag::Diagnostic;
use crate::export::{self, ExportError, Format};
use crate::questionnaire::Questionnaire;
use crate::session::{DriftReport, Listing, Session, SessionLock, Store, StoreError};

use super::errors::{ExportFailure, OpenError};
use super::screens::summary::ExportJob;

/// What the runtime should open (see [`super::Effect::Open`]).
#[derive(Debug, Clone, PartialEq)]
pub enum OpenRequest {
    /// A saved session, by id.
    Resume(String),
    /// A follow-up visit to the company of this session.
    FollowUp(String),
    /// A self-assessment file a company sent.
    Import(PathBuf),
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
        /// Lenient-reading warnings.
        warnings: Vec<Diagnostic>,
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

/// A job for a worker thread.
pub enum Job {
    /// Read the resume list.
    List,
    /// Open a session; `held` when this window holds its lock already.
    Open {
        req: OpenRequest,
        held: bool,
    },
    /// Take the lock of a new session.
    Lock(String),
    Export(Box<ExportJob>),
}

/// What a job did. `ticket` is the job's number.
pub struct Done {
    pub ticket: u64,
    /// The store, when it could be opened (the writer needs it).
    pub store: Option<Store>,
    pub outcome: Outcome,
}

pub enum Outcome {
    Listed(Result<Listing, Arc<StoreError>>),
    Opened(Result<(Box<Opened>, Option<SessionLock>), OpenError>),
    Locked(String, Result<SessionLock, OpenError>),
    Exported(Result<Vec<String>, ExportFailure>),
}

/// Starts `job` on a thread of its own; its [`Done`] goes to `tx`. False
/// when no thread could be started.
pub fn spawn(
    ticket: u64,
    job: Job,
    data_dir: Option<PathBuf>,
    q: Arc<Questionnaire>,
    tx: Sender<Done>,
) -> bool {
    std::thread::Builder::new()
        .name("behovsanalys-store".into())
        .spawn(move || {
            let store = Store::open(data_dir.as_deref()).map_err(Arc::new);
            let outcome = run(job, &store, &q);
            let _ = tx.send(Done {
                ticket,
                store: store.ok(),
                outcome,
            });
        })
        .is_ok()
}

fn run(job: Job, store: &Result<Store, Arc<StoreError>>, q: &Questionnaire) -> Outcome {
    let store_or = |e: &Arc<StoreError>| Arc::clone(e);
    match job {
        Job::List => Outcome::Listed(match store {
            Ok(s) => list(s, q),
            Err(e) => Err(store_or(e)),
        }),
        Job::Open { req, held } => Outcome::Opened(match store {
            Ok(s) => open(s, q, req, held),
            Err(e) => Err(OpenError::Store(store_or(e))),
        }),
        Job::Lock(id) => {
            let lock = match store {
                Ok(s) => s.lock(&id).map_err(OpenError::from),
                Err(e) => Err(OpenError::Store(store_or(e))),
            };
            Outcome::Locked(id, lock)
        }
        Job::Export(job) => Outcome::Exported(run_export(&job, q)),
    }
}

fn list(store: &Store, q: &Questionnaire) -> Result<Listing, Arc<StoreError>> {
    if !store.sessions_dir().exists() {
        return Ok(Listing::default());
    }
    store.list(q).map_err(Arc::new)
}

/// [`Store::load_for_edit`], waiting a little while this process's own
/// background sync holds the session's lock for a moment.
fn load_for_edit(
    store: &Store,
    id: &str,
    q: &Questionnaire,
) -> Result<(crate::session::LoadedSession, SessionLock), StoreError> {
    let mut tries = 0;
    loop {
        match store.load_for_edit(id, q) {
            Err(StoreError::Locked { .. }) if crate::store::sync::holds(id) && tries < 40 => {
                tries += 1;
                std::thread::sleep(std::time::Duration::from_millis(50));
            }
            other => return other,
        }
    }
}

/// Opens (and locks) what `req` asks for; the lock is `None` when this
/// window held it already (`held`).
pub fn open(
    store: &Store,
    q: &Questionnaire,
    req: OpenRequest,
    held: bool,
) -> Result<(Box<Opened>, Option<SessionLock>), OpenError> {
    let (session, kind, drift, lock) = match req {
        OpenRequest::Resume(id) => {
            let (loaded, lock) = if held {
                (store.load_full(&id, q)?, None)
            } else {
                let (loaded, lock) = load_for_edit(store, &id, q)?;
                (loaded, Some(lock))
            };
            (loaded.session, OpenKind::Resumed, loaded.drift, lock)
        }
        OpenRequest::FollowUp(prev) => {
            let s = store.follow_up(&prev, q)?;
            let lock = store.lock(&s.meta.id)?;
            (s, OpenKind::FollowUp, DriftReport::default(), Some(lock))
        }
        OpenRequest::Import(path) => {
            let file = path
                .file_name()
                .map(|n| crate::text::sanitize_line(&n.to_string_lossy()))
                .unwrap_or_default();
            // The one import of the command line: the same file twice is
            // refused (never a second copy of the company), the company's
            // ticks become requests.
            let imported = store.import(&path, q, false).map_err(|e| match e {
                StoreError::AlreadyImported { session } => OpenError::AlreadyImported(session),
                e => OpenError::from(e),
            })?;
            // Imported beside a session with the file's id (the company's
            // own, in the same data folder): under a new id.
            let m = &imported.session.meta;
            let existing = m.imported_id.clone().filter(|f| *f != m.id);
            let lock = store.lock(&imported.session.meta.id)?;
            let kind = OpenKind::Imported {
                file,
                existing,
                warnings: imported.warnings,
            };
            (imported.session, kind, DriftReport::default(), Some(lock))
        }
    };
    let previous = session.meta.previous.as_deref().and_then(|id| {
        let p = store.load_full(id, q).ok()?;
        Some(Previous {
            id: id.to_string(),
            updated: p.session.meta.updated,
            answers: p.session.answers,
        })
    });
    let opened = Box::new(Opened {
        session,
        kind,
        drift,
        previous,
    });
    Ok((opened, lock))
}

/// Writes the session file to `path` (into it, as `<id>.toml`, when it is
/// a folder): whole or not at all, never over an existing file. The path
/// written, or why not (one line).
pub fn write_copy(path: &Path, s: &Session, q: &Questionnaire) -> Result<String, String> {
    let path = if path.is_dir() {
        path.join(format!("{}.toml", s.meta.id))
    } else {
        path.to_path_buf()
    };
    crate::session::atomic::write_new(&path, s.to_toml(q).as_bytes())
        .map(|()| crate::text::display_path(&path))
        .map_err(|e| crate::text::sanitize_line(&e.to_string()))
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
pub fn run_export(job: &ExportJob, q: &Questionnaire) -> Result<Vec<String>, ExportFailure> {
    std::fs::create_dir_all(&job.dir).map_err(|e| ExportFailure::CreateDir {
        dir: job.dir.clone(),
        err: Arc::new(e),
    })?;
    let failed = |e: ExportError| ExportFailure::Export(Arc::new(e));
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
    let mut put = |name: String, content: String| -> Result<(), ExportFailure> {
        let p = write_unique(&job.dir, &name, &content).map_err(failed)?;
        written.push(p.display().to_string());
        Ok(())
    };
    if job.self_file {
        // The hand-over file, as `export --handover` writes it.
        put(
            export::handover::file_name(&job.session),
            export::handover::render(&job.session, q),
        )?;
    }
    for actor in &job.actors {
        let content = export::referral_with(&input, actor, Format::Html, &opts).map_err(failed)?;
        put(export::file_name(&[company, actor], Format::Html), content)?;
    }
    let content = export::company_summary_with(&input, Format::Html, &opts).map_err(failed)?;
    put(
        export::file_name(&[company, "foretaget"], Format::Html),
        content,
    )?;
    Ok(written)
}
