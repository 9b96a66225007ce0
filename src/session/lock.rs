//! One editor per session: an OS file lock on `sessions/<id>.lock`
//! (`File::try_lock`: `flock` on Unix, `LockFileEx` on Windows), which the
//! operating system releases when the holding process ends, however it ends.
//! The file holds the holder's user@host, pid and start time so that the
//! second instance can say who has the session open.

use std::fs::{File, OpenOptions, TryLockError};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use crate::time;

/// Who holds a lock, as written in the lock file.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Holder {
    pub user: String,
    pub host: String,
    pub pid: u32,
    /// When the holder took the lock (RFC 3339, UTC).
    pub since: String,
}

impl Holder {
    /// This process.
    pub fn current() -> Holder {
        Holder {
            user: current_user(),
            host: current_host(),
            pid: std::process::id(),
            since: time::now_rfc3339(),
        }
    }

    fn to_text(&self) -> String {
        let mut t = toml::Table::new();
        t.insert("user".into(), self.user.clone().into());
        t.insert("host".into(), self.host.clone().into());
        t.insert("pid".into(), i64::from(self.pid).into());
        t.insert("since".into(), self.since.clone().into());
        toml::to_string(&t).unwrap_or_default()
    }

    fn parse(text: &str) -> Option<Holder> {
        let t: toml::Table = toml::from_str(text).ok()?;
        let s = |k: &str| {
            t.get(k)
                .and_then(|v| v.as_str())
                .map(crate::text::sanitize_line)
                .unwrap_or_default()
        };
        Some(Holder {
            user: s("user"),
            host: s("host"),
            pid: t
                .get("pid")
                .and_then(|v| v.as_integer())
                .and_then(|p| u32::try_from(p).ok())
                .unwrap_or(0),
            since: s("since"),
        })
    }
}

impl Holder {
    /// "anna@laptop, process 4242, since …" in `lang`.
    pub fn text(&self, lang: crate::i18n::Lang) -> String {
        crate::i18n::diag::store::holder(lang, &self.user, &self.host, self.pid, &self.since)
    }
}

impl std::fmt::Display for Holder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text(crate::i18n::Lang::En))
    }
}

fn current_user() -> String {
    ["USER", "USERNAME", "LOGNAME"]
        .iter()
        .find_map(|k| std::env::var(k).ok().filter(|v| !v.is_empty()))
        .unwrap_or_default()
}

fn current_host() -> String {
    if let Some(h) = ["HOSTNAME", "COMPUTERNAME"]
        .iter()
        .find_map(|k| std::env::var(k).ok().filter(|v| !v.is_empty()))
    {
        return h;
    }
    for f in ["/proc/sys/kernel/hostname", "/etc/hostname"] {
        if let Ok(h) = std::fs::read_to_string(f) {
            let h = h.trim();
            if !h.is_empty() {
                return h.to_string();
            }
        }
    }
    String::new()
}

/// Why a lock could not be taken.
#[derive(Debug)]
pub enum LockFailure {
    /// Another process holds it (its holder, when the file says).
    Held(Option<Holder>),
    Io(std::io::Error),
}

/// A held session lock; released (and the holder info cleared) on drop, and
/// by the operating system if the process dies.
#[derive(Debug)]
pub struct SessionLock {
    file: File,
    path: PathBuf,
    id: String,
}

impl SessionLock {
    /// The session this lock is for.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The lock file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Takes the lock on `path` without waiting.
    pub fn acquire(path: &Path, id: &str) -> Result<SessionLock, LockFailure> {
        Self::acquire_with(path, id, true)
    }

    /// Takes the lock for a moment, to erase the session: the holder note
    /// is written when there is room for it, but a full disk (where
    /// erasing is what frees space) does not stop it.
    pub fn acquire_to_erase(path: &Path, id: &str) -> Result<SessionLock, LockFailure> {
        Self::acquire_with(path, id, false)
    }

    fn acquire_with(path: &Path, id: &str, note_needed: bool) -> Result<SessionLock, LockFailure> {
        // A few attempts: the lock file may be removed (session deleted)
        // between our open and our lock; then we lock a fresh one.
        for _ in 0..5 {
            let file = open_lock_file(path).map_err(LockFailure::Io)?;
            match file.try_lock() {
                Ok(()) => {}
                Err(TryLockError::WouldBlock) => {
                    let mut text = String::new();
                    let holder = (&file)
                        .take(4096)
                        .read_to_string(&mut text)
                        .ok()
                        .and_then(|_| Holder::parse(&text));
                    return Err(LockFailure::Held(holder));
                }
                Err(TryLockError::Error(e)) => return Err(LockFailure::Io(e)),
            }
            if !same_file(&file, path) {
                continue;
            }
            let mut lock = SessionLock {
                file,
                path: path.to_path_buf(),
                id: id.to_string(),
            };
            match lock.write_holder(&Holder::current()) {
                Err(e) if note_needed => return Err(LockFailure::Io(e)),
                _ => return Ok(lock),
            }
        }
        Err(LockFailure::Io(std::io::Error::other(
            "the lock file keeps changing",
        )))
    }

    fn write_holder(&mut self, h: &Holder) -> std::io::Result<()> {
        self.file.set_len(0)?;
        self.file.seek(SeekFrom::Start(0))?;
        self.file.write_all(h.to_text().as_bytes())?;
        self.file.flush()
    }
}

impl SessionLock {
    /// Releases the lock and removes its file (what dropping does).
    pub fn remove(self) {
        drop(self);
    }
}

impl Drop for SessionLock {
    fn drop(&mut self) {
        // Clear the holder (it names a person), remove the file while still
        // holding the lock — only when the name still is our file — and
        // release. A process that opened the old file meanwhile finds it
        // unlinked after locking it (`same_file`) and takes a fresh one, so
        // two processes never hold "the" lock at once.
        let _ = self.file.set_len(0);
        if same_file(&self.file, &self.path) {
            let _ = std::fs::remove_file(&self.path);
        }
        let _ = self.file.unlock();
    }
}

fn open_lock_file(path: &Path) -> std::io::Result<File> {
    let mut opts = OpenOptions::new();
    // Never truncate on open: the file holds the current holder's name.
    opts.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600);
        // Never through a link, never blocking on a FIFO.
        opts.custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK);
    }
    if std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) {
        return Err(std::io::Error::other("the lock file is a symbolic link"));
    }
    let file = opts.open(path)?;
    if !file.metadata()?.is_file() {
        return Err(std::io::Error::other("the lock file is not a regular file"));
    }
    Ok(file)
}

/// Whether the open file is still the one at `path` (it may have been
/// deleted and re-created in between).
fn same_file(file: &File, path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        match (file.metadata(), std::fs::metadata(path)) {
            (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        // Windows does not delete a file that is open.
        let _ = (file, path);
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn second_lock_names_the_holder_and_drop_releases() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("x.lock");
        let a = SessionLock::acquire(&p, "x").unwrap();
        match SessionLock::acquire(&p, "x") {
            Err(LockFailure::Held(Some(h))) => assert_eq!(h.pid, std::process::id()),
            other => panic!("expected a held lock, got {other:?}"),
        }
        drop(a);
        assert!(!p.exists(), "a released lock leaves no file");
        let b = SessionLock::acquire(&p, "x").unwrap();
        assert_eq!(b.id(), "x");
    }

    #[test]
    fn holder_text_round_trips_and_is_sanitised() {
        let h = Holder {
            user: "anna\x1b[31m".into(),
            host: "laptop".into(),
            pid: 42,
            since: "2026-01-01T00:00:00Z".into(),
        };
        let back = Holder::parse(&h.to_text()).unwrap();
        assert_eq!(back.pid, 42);
        assert_eq!(back.user, "anna\u{FFFD}[31m");
        assert_eq!(
            back.to_string(),
            "anna\u{FFFD}[31m@laptop, process 42, since 2026-01-01 01:00 Swedish time"
        );
    }
}
