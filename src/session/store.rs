//! The folder of sessions: atomic saves, loading with quarantine of files
//! that are not sessions, import of self-assessments, follow-up visits and
//! deletion.

use std::path::{Path, PathBuf};

use crate::answers::{self, AnswersFile, Mode};
use crate::diag::{Diagnostic, FileError, Links, Severity};
use crate::questionnaire::Questionnaire;
use crate::time;

use super::compare::{Comparison, compare};
use super::drift::{DriftReport, drift};
pub use super::error::StoreError;
use super::lock::{self, SessionLock};
use super::{Meta, Session, SessionMode, atomic};

/// A session read from the store, with what the reader should know.
#[derive(Debug, Clone)]
pub struct LoadedSession {
    pub session: Session,
    /// Lenient-reading warnings (file:line:col diagnostics).
    pub warnings: Vec<Diagnostic>,
    pub drift: DriftReport,
}

/// Files removed by [`Store::delete`].
#[derive(Debug, Clone, Default)]
pub struct Deleted {
    pub files: Vec<PathBuf>,
}

/// The store of sessions in a data directory.
#[derive(Debug, Clone)]
pub struct Store {
    root: PathBuf,
    /// The clock: RFC 3339 "now" for `created`/`updated` and quarantine notes.
    clock: fn() -> String,
    notices: Vec<StoreNotice>,
}

/// Something about the data folder worth telling the user, found when the
/// store was opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreNotice {
    /// A folder others could write to was made owner-only (old mode given).
    Tightened { path: String, mode: u32 },
    /// A folder others can write to that is not ours to change.
    OpenToOthers { path: String },
    /// A folder could not be created (a read-only disk): reading works,
    /// saving will not.
    CannotCreate { path: String, err: String },
}

impl StoreNotice {
    /// The notice in `lang`, one line.
    pub fn text(&self, lang: crate::i18n::Lang) -> String {
        use crate::i18n::diag as w;
        match self {
            StoreNotice::Tightened { path, mode } => w::folder_tightened(lang, path, *mode),
            StoreNotice::OpenToOthers { path } => w::folder_open_to_others(lang, path),
            StoreNotice::CannotCreate { path, err } => w::folder_not_created(lang, path, err),
        }
    }
}

impl std::fmt::Display for StoreNotice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text(crate::i18n::Lang::En))
    }
}

/// Makes a folder of ours owner-only when someone else may write to it
/// (`mask`: the write bits that count); says so, or that it cannot (not
/// ours, shared, not allowed).
#[cfg(unix)]
fn tighten(dir: &Path, mask: u32, notices: &mut Vec<StoreNotice>) {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let Ok(meta) = std::fs::symlink_metadata(dir) else {
        return;
    };
    let mode = meta.mode() & 0o7777;
    if !meta.is_dir() || mode & mask == 0 {
        return;
    }
    let path = crate::text::display_path(dir);
    // SAFETY: geteuid has no preconditions and cannot fail.
    let ours = meta.uid() == unsafe { libc::geteuid() };
    // A shared folder with the sticky bit (as /tmp) is meant to be shared.
    let shared = mode & 0o1000 != 0;
    if ours && !shared {
        let tightened = std::fs::File::open(dir)
            .and_then(|f| f.set_permissions(std::fs::Permissions::from_mode(0o700)));
        if tightened.is_ok() {
            notices.push(StoreNotice::Tightened { path, mode });
            return;
        }
    }
    notices.push(StoreNotice::OpenToOthers { path });
}

/// The platform's data directory for behovsanalys.
pub fn default_data_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("se", "exportcenter", "behovsanalys")
        .map(|d| d.data_dir().to_path_buf())
}

pub(super) fn io_err<'a>(
    action: &'static str,
    path: &'a Path,
) -> impl FnOnce(std::io::Error) -> StoreError + 'a {
    move |err| StoreError::Io {
        action,
        path: crate::text::display_path(path),
        err,
    }
}

/// True for ids that are safe as file names.
pub fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 80
        && !id.starts_with('.')
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// A new, unique-enough session id: `YYYYMMDD-HHMMSS-xxxx`.
pub fn new_id() -> String {
    use std::time::{SystemTime, UNIX_EPOCH};
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default();
    let stamp = time::rfc3339(now.as_secs() as i64);
    let digits: String = stamp.chars().filter(|c| c.is_ascii_digit()).collect();
    let mut h: u64 = u64::from(now.subsec_nanos()) ^ (u64::from(std::process::id()) << 32);
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    format!("{}-{}-{:04x}", &digits[..8], &digits[8..14], h & 0xffff)
}

/// Error codes of a file that is not a session whatever the questionnaire:
/// such a file is moved to quarantine. (A session of another questionnaire,
/// or one with a mistyped organisation number, stays where it is.)
const QUARANTINE_CODES: &[&str] = &[
    "syntax",
    "not-utf8",
    "missing-key",
    "wrong-type",
    "too-long",
];

/// What reading one session file gave.
pub(crate) enum Read {
    Ok(Box<answers::Parsed>),
    /// Not a session file at all: belongs in quarantine (reason rendered).
    Broken(String),
    /// A session this questionnaire cannot read, or an I/O error: reported, left in place.
    Unusable(StoreError),
}

pub(super) fn classify(err: FileError) -> Read {
    match err {
        FileError::Io { .. } | FileError::NotAFile { .. } => Read::Unusable(StoreError::File(err)),
        FileError::TooLarge { .. } => Read::Broken(err.to_string()),
        FileError::Invalid { .. } => {
            let broken = err
                .diagnostics()
                .iter()
                .any(|d| d.severity == Severity::Error && QUARANTINE_CODES.contains(&d.code));
            if broken {
                Read::Broken(err.to_string())
            } else {
                Read::Unusable(StoreError::File(err))
            }
        }
    }
}

/// The file's modification time, RFC 3339.
pub(super) fn mtime(path: &Path) -> Option<String> {
    let m = std::fs::metadata(path).ok()?.modified().ok()?;
    let secs = m.duration_since(std::time::UNIX_EPOCH).ok()?.as_secs();
    Some(time::rfc3339(i64::try_from(secs).ok()?))
}

impl Store {
    /// Opens (and creates) the store in `dir`, or in the platform data
    /// directory. Cheap: creates the folders if needed, reads nothing.
    pub fn open(dir: Option<&Path>) -> Result<Store, StoreError> {
        let root = match dir {
            Some(d) => d.to_path_buf(),
            None => default_data_dir().ok_or(StoreError::NoDataDir)?,
        };
        let mut store = Store {
            root,
            clock: time::now_rfc3339,
            notices: Vec::new(),
        };
        // Created when possible; a read-only disk can still be read (saving
        // then fails with its own message).
        for d in [store.sessions_dir(), store.quarantine_dir()] {
            if let Err(e) = atomic::create_private_dir(&d)
                && !d.is_dir()
            {
                store.notices.push(StoreNotice::CannotCreate {
                    path: crate::text::display_path(&d),
                    err: e.to_string(),
                });
            }
        }
        #[cfg(unix)]
        {
            let mut notices = std::mem::take(&mut store.notices);
            // The root may be a folder the user chose: only a world-writable
            // one is tightened (a group-writable home with a private group
            // is common and harmless); the program's own folders are
            // owner-only, as they were created.
            tighten(&store.root, 0o002, &mut notices);
            tighten(&store.sessions_dir(), 0o022, &mut notices);
            tighten(&store.quarantine_dir(), 0o022, &mut notices);
            store.notices = notices;
        }
        Ok(store)
    }

    /// The store with another clock (tests, or a caller that owns the time).
    pub fn with_clock(mut self, clock: fn() -> String) -> Store {
        self.clock = clock;
        self
    }

    /// The time now, by the store's clock.
    pub fn now(&self) -> String {
        (self.clock)()
    }

    /// What opening the store found worth telling (see [`StoreNotice`]).
    pub fn notices(&self) -> &[StoreNotice] {
        &self.notices
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    pub fn sessions_dir(&self) -> PathBuf {
        self.root.join("sessions")
    }

    pub fn quarantine_dir(&self) -> PathBuf {
        self.root.join("quarantine")
    }

    pub fn path_of(&self, id: &str) -> Result<PathBuf, StoreError> {
        if !valid_id(id) {
            return Err(StoreError::BadId(id.to_string()));
        }
        Ok(self.sessions_dir().join(format!("{id}.toml")))
    }

    /// The lock file of a session.
    pub fn lock_path(&self, id: &str) -> Result<PathBuf, StoreError> {
        if !valid_id(id) {
            return Err(StoreError::BadId(id.to_string()));
        }
        Ok(self.sessions_dir().join(format!("{id}.lock")))
    }

    /// Whether a session file exists.
    pub fn exists(&self, id: &str) -> Result<bool, StoreError> {
        Ok(std::fs::symlink_metadata(self.path_of(id)?).is_ok())
    }

    /// A new session (not yet saved).
    pub fn create(&self, q: &Questionnaire, mode: SessionMode) -> Session {
        let now = self.now();
        Session {
            answers: AnswersFile::new(q),
            meta: Meta {
                id: new_id(),
                created: now.clone(),
                updated: now,
                mode,
                questionnaire_id: q.id.clone(),
                questionnaire_version: q.version.clone(),
                questionnaire_hash: q.hash.clone(),
                ..Meta::default()
            },
        }
    }

    /// Takes the editing lock of a session (whether or not it is saved
    /// yet); released when the guard is dropped or the process dies.
    /// Another holder gives [`StoreError::Locked`] naming it.
    pub fn lock(&self, id: &str) -> Result<SessionLock, StoreError> {
        let path = self.lock_path(id)?;
        Self::lock_error(id, lock::SessionLock::acquire(&path, id))
    }

    fn lock_error(
        id: &str,
        r: Result<SessionLock, lock::LockFailure>,
    ) -> Result<SessionLock, StoreError> {
        r.map_err(|f| match f {
            lock::LockFailure::Held(holder) => StoreError::Locked {
                id: id.to_string(),
                holder,
            },
            lock::LockFailure::Io(err) => StoreError::Lock {
                id: id.to_string(),
                err,
            },
        })
    }

    /// Writes a session atomically (temp file, fsync, rename, fsync dir),
    /// recording the questionnaire it is now saved with. Orphaned answers
    /// are written back. The caller should hold the session's lock.
    pub fn save(&self, s: &mut Session, q: &Questionnaire) -> Result<(), StoreError> {
        let (path, text) = self.prepare_save(s, q)?;
        atomic::write(&path, text.as_bytes()).map_err(io_err("cannot save", &path))
    }

    /// Stamps the session with the time and the questionnaire it is saved
    /// with, and renders it: what `save` and `save_new` write.
    fn prepare_save(
        &self,
        s: &mut Session,
        q: &Questionnaire,
    ) -> Result<(PathBuf, String), StoreError> {
        let path = self.path_of(&s.meta.id)?;
        let dir = self.sessions_dir();
        atomic::create_private_dir(&dir).map_err(io_err("cannot save into", &dir))?;
        s.meta.updated = self.now();
        if s.meta.created.is_empty() {
            s.meta.created = s.meta.updated.clone();
        }
        s.meta.questionnaire_id = q.id.clone();
        s.meta.questionnaire_version = q.version.clone();
        s.meta.questionnaire_hash = q.hash.clone();
        s.answers.questionnaire = q.id.clone();
        s.answers.version = Some(q.version.clone());
        s.meta.write_into(&mut s.answers.meta);
        let text = s.answers.to_toml(Some(q));
        Ok((path, text))
    }

    /// Saves a session that must not exist yet, atomically and without ever
    /// replacing a file ([`StoreError::Exists`] if one appeared).
    pub fn save_new(&self, s: &mut Session, q: &Questionnaire) -> Result<(), StoreError> {
        let (path, text) = self.prepare_save(s, q)?;
        atomic::write_new(&path, text.as_bytes()).map_err(|e| {
            if e.kind() == std::io::ErrorKind::AlreadyExists {
                StoreError::Exists(s.meta.id.clone())
            } else {
                io_err("cannot save", &path)(e)
            }
        })
    }

    /// Reads one session file, quarantining it when it is not a session.
    pub(crate) fn read(&self, id: &str, path: &Path, q: &Questionnaire) -> Read {
        match answers::load_file_with(path, q, Mode::Lenient, Links::NoFollow) {
            Ok(p) => Read::Ok(Box::new(p)),
            Err(e) => Read::Unusable(self.settle(id, path, classify(e))),
        }
    }

    /// Moves a broken session file to `quarantine/` (never replacing a file
    /// there) and writes the reason next to it as `<name>.why`.
    pub(crate) fn quarantine(
        &self,
        id: &str,
        path: &Path,
        reason: &str,
    ) -> Result<PathBuf, StoreError> {
        let qdir = self.quarantine_dir();
        atomic::create_private_dir(&qdir).map_err(io_err("cannot create", &qdir))?;
        for n in 0..10_000u32 {
            let name = if n == 0 {
                format!("{id}.toml")
            } else {
                format!("{id}.{n}.toml")
            };
            let to = qdir.join(&name);
            if std::fs::symlink_metadata(&to).is_ok() {
                continue;
            }
            match atomic::rename_new(path, &to) {
                Ok(()) => {
                    // Through the handle (fchmod) of the file itself: a path
                    // would follow a link planted in its place.
                    #[cfg(unix)]
                    if let Ok(f) = crate::diag::open_data_file(&to, Links::NoFollow) {
                        use std::os::unix::fs::PermissionsExt;
                        let _ = f.set_permissions(std::fs::Permissions::from_mode(0o600));
                    }
                    let why = format!(
                        "moved from sessions/{id}.toml at {}\n{reason}\n",
                        self.now()
                    );
                    let _ = atomic::write(&qdir.join(format!("{name}.why")), why.as_bytes());
                    atomic::sync_dir(&self.sessions_dir());
                    return Ok(to);
                }
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
                Err(e) => return Err(io_err("cannot move to quarantine", path)(e)),
            }
        }
        Err(StoreError::Io {
            action: "cannot move to quarantine",
            path: crate::text::display_path(path),
            err: std::io::Error::other("no free name in the quarantine folder"),
        })
    }

    /// Loads a session by id (leniently: answers that no longer fit the
    /// questionnaire are kept as orphans). A file that is not a session is
    /// moved to quarantine ([`StoreError::Quarantined`]).
    pub fn load(
        &self,
        id: &str,
        q: &Questionnaire,
    ) -> Result<(Session, Vec<Diagnostic>), StoreError> {
        let l = self.load_full(id, q)?;
        Ok((l.session, l.warnings))
    }

    /// Like [`Store::load`], with the drift report.
    pub fn load_full(&self, id: &str, q: &Questionnaire) -> Result<LoadedSession, StoreError> {
        let path = self.path_of(id)?;
        if std::fs::symlink_metadata(&path).is_err() {
            return Err(StoreError::NotFound(id.to_string()));
        }
        let parsed = match self.read(id, &path, q) {
            Read::Ok(p) => *p,
            Read::Broken(reason) => {
                return Err(StoreError::Quarantined {
                    id: id.to_string(),
                    to: String::new(),
                    reason,
                });
            }
            Read::Unusable(e) => return Err(e),
        };
        let mut meta = Meta::from_table(&parsed.answers.meta, id);
        if meta.created.is_empty() || meta.updated.is_empty() {
            let t = mtime(&path).unwrap_or_default();
            if meta.created.is_empty() {
                meta.created = t.clone();
            }
            if meta.updated.is_empty() {
                meta.updated = t;
            }
        }
        if meta.questionnaire_id.is_empty() {
            meta.questionnaire_id = parsed.answers.questionnaire.clone();
        }
        if meta.questionnaire_version.is_empty() {
            meta.questionnaire_version = parsed.answers.version.clone().unwrap_or_default();
        }
        let drift = drift(q, &meta, &parsed);
        // History follows renamed questions too.
        for h in &mut meta.history {
            if q.question(&h.question).is_none()
                && let Some(i) = q.question_or_alias(&h.question)
            {
                h.question = q.questions[i].id.clone();
            }
        }
        Ok(LoadedSession {
            session: Session {
                answers: parsed.answers,
                meta,
            },
            warnings: parsed.warnings,
            drift,
        })
    }

    /// Locks and loads a session for editing (the wizard). Answers carried
    /// over to renamed questions are saved under their new ids at once.
    pub fn load_for_edit(
        &self,
        id: &str,
        q: &Questionnaire,
    ) -> Result<(LoadedSession, SessionLock), StoreError> {
        let path = self.path_of(id)?;
        // A row deleted since the list was read: no lock file for it.
        if std::fs::symlink_metadata(&path).is_err() {
            return Err(StoreError::NotFound(id.to_string()));
        }
        let lock = self.lock(id)?;
        let loaded = self.load_full(id, q).and_then(|mut loaded| {
            if !loaded.drift.renamed.is_empty() {
                self.save(&mut loaded.session, q)?;
            }
            Ok(loaded)
        });
        match loaded {
            Ok(loaded) => Ok((loaded, lock)),
            Err(e) => {
                // Deleted (or moved to quarantine) meanwhile: leave no lock.
                if std::fs::symlink_metadata(&path).is_err() {
                    lock.remove();
                }
                Err(e)
            }
        }
    }

    /// Ids of all session files, sorted (newest ids last). Temp files, lock
    /// files and names that are not ids are skipped.
    pub fn ids(&self) -> Result<Vec<String>, StoreError> {
        let dir = self.sessions_dir();
        let mut ids = Vec::new();
        for entry in std::fs::read_dir(&dir).map_err(io_err("cannot list", &dir))? {
            let entry = entry.map_err(io_err("cannot list", &dir))?;
            let name = entry.file_name();
            let Some(name) = name.to_str() else { continue };
            if let Some(id) = name.strip_suffix(".toml")
                && valid_id(id)
            {
                ids.push(id.to_string());
            }
        }
        ids.sort();
        Ok(ids)
    }

    /// The earlier visit a session follows up, if it names one and it can
    /// be read, with the comparison of the two.
    pub fn compare_with_previous(
        &self,
        s: &Session,
        q: &Questionnaire,
    ) -> Option<Result<(LoadedSession, Comparison), StoreError>> {
        let prev = s.meta.previous.as_deref()?;
        Some(self.load_full(prev, q).map(|p| {
            let c = compare(q, &p.session.answers, &s.answers);
            (p, c)
        }))
    }

    /// Every file [`Store::delete`] would remove: the session, its lock,
    /// quarantined copies (and their `.why`) and leftover temp files.
    pub fn files_of(&self, id: &str) -> Result<Vec<PathBuf>, StoreError> {
        let path = self.path_of(id)?;
        let mut files = Vec::new();
        if std::fs::symlink_metadata(&path).is_ok() {
            files.push(path);
        }
        // The server's side of a conflict (see `crate::store::local`).
        let conflict = self.sessions_dir().join(format!("{id}.conflict.toml"));
        if std::fs::symlink_metadata(&conflict).is_ok() {
            files.push(conflict);
        }
        let temp_prefix = format!(".{id}.toml.");
        if let Ok(rd) = std::fs::read_dir(self.sessions_dir()) {
            for e in rd.flatten() {
                let n = e.file_name();
                if n.to_str()
                    .is_some_and(|n| n.starts_with(&temp_prefix) && atomic::is_temp_name(n))
                {
                    files.push(e.path());
                }
            }
        }
        if let Ok(rd) = std::fs::read_dir(self.quarantine_dir()) {
            for e in rd.flatten() {
                let n = e.file_name();
                if n.to_str()
                    .is_some_and(|n| quarantine_name_of(n) == Some(id))
                {
                    files.push(e.path());
                }
            }
        }
        files.sort();
        Ok(files)
    }

    /// Erases a session for good (a company's data on request): the session
    /// file, quarantined copies, temp files and the lock file. Refuses while
    /// the session is open elsewhere.
    pub fn delete(&self, id: &str) -> Result<Deleted, StoreError> {
        let files = self.files_of(id)?;
        if files.is_empty() {
            return Err(StoreError::NotFound(id.to_string()));
        }
        // Nothing is written first: erasing must work on a full disk.
        let lock_path = self.lock_path(id)?;
        let lock = match lock::SessionLock::acquire_to_erase(&lock_path, id) {
            // Not even an empty lock file fits, and there is none: nobody
            // holds the session (a holder keeps its lock file).
            Err(lock::LockFailure::Io(e))
                if e.kind() == std::io::ErrorKind::StorageFull
                    && std::fs::symlink_metadata(&lock_path).is_err() =>
            {
                None
            }
            other => Some(Self::lock_error(id, other)?),
        };
        let mut deleted = Deleted::default();
        for f in files {
            match std::fs::remove_file(&f) {
                Ok(()) => deleted.files.push(f),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => return Err(io_err("cannot delete", &f)(e)),
            }
        }
        if lock.is_some() && std::fs::remove_file(&lock_path).is_ok() {
            deleted.files.push(lock_path);
        }
        drop(lock);
        atomic::sync_dir(&self.sessions_dir());
        atomic::sync_dir(&self.quarantine_dir());
        // A data directory that syncs tells the shared store at the next sync.
        crate::store::local::record_tombstone(&self.root, id)
            .map_err(io_err("cannot record the deletion for sync", &self.root))?;
        Ok(deleted)
    }
}

/// `<id>.toml`, `<id>.N.toml` and their `.why` in quarantine → `id`.
fn quarantine_name_of(name: &str) -> Option<&str> {
    let name = name.strip_suffix(".why").unwrap_or(name);
    let stem = name.strip_suffix(".toml")?;
    let (id, n) = match stem.split_once('.') {
        Some((id, n)) => (id, n),
        None => (stem, ""),
    };
    (n.bytes().all(|b| b.is_ascii_digit()) && valid_id(id)).then_some(id)
}
