//! Crash-safe file writing: a temporary file in the same directory, created
//! with `create_new` (`O_CREAT|O_EXCL`: never opens an existing file and never
//! follows a symlink, even a dangling one), owner-only on Unix, written,
//! fsynced, renamed over the target, and the directory fsynced where the
//! platform allows it. Readers see the old or the new content, never a mix;
//! a process killed half-way leaves at most a temp file, which readers ignore
//! (see [`is_temp_name`]) and [`remove_stale_temps`] cleans up.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime};

static COUNTER: AtomicU64 = AtomicU64::new(0);

/// Temp files older than this are left over from a killed process.
pub const STALE_TEMP_AGE: Duration = Duration::from_secs(15 * 60);

/// Creates a directory (and parents) readable only by the owner on Unix.
pub fn create_private_dir(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir)
    }
    #[cfg(not(unix))]
    {
        fs::create_dir_all(dir)
    }
}

/// Creates a new file (never an existing one, never through a symlink),
/// readable and writable only by the owner on Unix.
pub fn open_new_private(path: &Path) -> io::Result<File> {
    let mut opts = OpenOptions::new();
    opts.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600);
    }
    opts.open(path)
}

/// True for the names of our temp files (`.NAME.PID.N.tmp`): never a
/// session, safe to ignore when listing.
pub fn is_temp_name(name: &str) -> bool {
    name.starts_with('.') && name.ends_with(".tmp")
}

fn dir_and_name(path: &Path) -> io::Result<(&Path, &str)> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "no file name"))?;
    Ok((dir, name))
}

/// Writes `bytes` to a fresh temp file next to `path` and fsyncs it.
fn write_temp(dir: &Path, name: &str, bytes: &[u8]) -> io::Result<PathBuf> {
    let pid = std::process::id();
    let mut last = None;
    for _ in 0..16 {
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let nanos = SystemTime::now()
            .duration_since(SystemTime::UNIX_EPOCH)
            .map(|d| d.subsec_nanos())
            .unwrap_or(0);
        let tmp = dir.join(format!(".{name}.{pid}.{n}-{nanos:x}.tmp"));
        match open_new_private(&tmp) {
            Ok(mut f) => {
                let r = f.write_all(bytes).and_then(|()| f.sync_all());
                drop(f);
                return match r {
                    Ok(()) => Ok(tmp),
                    Err(e) => {
                        let _ = fs::remove_file(&tmp);
                        Err(e)
                    }
                };
            }
            // Someone (or something) holds that name: take another.
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => last = Some(e),
            Err(e) => return Err(e),
        }
    }
    Err(last.unwrap_or_else(|| io::Error::other("no free temp file name")))
}

/// Atomically replaces `path` with `bytes`. Readers see either the old or
/// the new content, never a mix, whatever happens to the process.
pub fn write(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_no_dir_sync(path, bytes)?;
    sync_dir(dir_and_name(path)?.0);
    Ok(())
}

/// [`write`] without the fsync of the folder: the file is whole (old or
/// new content, never a mix) but the rename may not survive a power cut
/// until the caller calls [`sync_dir`] — for many files written in a row
/// whose loss is harmless (sync writes each file once and syncs the folder
/// at the end: a lost rename is redone by the next sync).
pub fn write_no_dir_sync(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let (dir, name) = dir_and_name(path)?;
    let tmp = write_temp(dir, name, bytes)?;
    if let Err(e) = fs::rename(&tmp, path) {
        let _ = fs::remove_file(&tmp);
        return Err(e);
    }
    Ok(())
}

/// Like [`write`], but fails with `AlreadyExists` instead of replacing an
/// existing file (a hard link is atomic no-clobber; where links are not
/// supported, the existence check and the rename are two steps).
pub fn write_new(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let (dir, name) = dir_and_name(path)?;
    let exists = || io::Error::new(io::ErrorKind::AlreadyExists, "the file exists already");
    if fs::symlink_metadata(path).is_ok() {
        return Err(exists());
    }
    let tmp = write_temp(dir, name, bytes)?;
    let result = match fs::hard_link(&tmp, path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Err(e),
        Err(_) => {
            if fs::symlink_metadata(path).is_ok() {
                Err(exists())
            } else {
                fs::rename(&tmp, path)
            }
        }
    };
    let _ = fs::remove_file(&tmp);
    if result.is_ok() {
        sync_dir(dir);
    }
    result
}

/// Moves `from` to `to` without ever replacing an existing `to`.
pub fn rename_new(from: &Path, to: &Path) -> io::Result<()> {
    match fs::hard_link(from, to) {
        Ok(()) => fs::remove_file(from),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Err(e),
        Err(_) => {
            if fs::symlink_metadata(to).is_ok() {
                Err(io::Error::new(
                    io::ErrorKind::AlreadyExists,
                    "the file exists already",
                ))
            } else {
                fs::rename(from, to)
            }
        }
    }
}

/// Removes our temp files in `dir` that are older than `age` (left over by
/// a killed process; a live save takes milliseconds). Returns how many
/// were removed. Errors are ignored: a temp file is never read anyway.
pub fn remove_stale_temps(dir: &Path, age: Duration) -> usize {
    let Ok(entries) = fs::read_dir(dir) else {
        return 0;
    };
    let now = SystemTime::now();
    let mut removed = 0;
    for entry in entries.flatten() {
        let name = entry.file_name();
        if !name.to_str().is_some_and(is_temp_name) {
            continue;
        }
        let Ok(meta) = entry.metadata() else { continue };
        if !meta.is_file() {
            continue;
        }
        let old = meta
            .modified()
            .ok()
            .and_then(|m| now.duration_since(m).ok())
            .is_some_and(|d| d >= age);
        if old && fs::remove_file(entry.path()).is_ok() {
            removed += 1;
        }
    }
    removed
}

/// Fsyncs a directory so a rename in it is durable (Unix only; elsewhere a
/// no-op, as the platform does not allow opening directories).
pub fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    {
        if let Ok(d) = File::open(dir) {
            let _ = d.sync_all();
        }
    }
    #[cfg(not(unix))]
    {
        let _ = dir;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_content_and_leaves_no_temp_files() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.toml");
        write(&p, b"one").unwrap();
        write(&p, b"two").unwrap();
        assert_eq!(fs::read_to_string(&p).unwrap(), "two");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn write_new_never_replaces() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.toml");
        write_new(&p, b"one").unwrap();
        let e = write_new(&p, b"two").unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::AlreadyExists);
        assert_eq!(fs::read_to_string(&p).unwrap(), "one");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn rename_new_never_replaces() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a");
        let b = dir.path().join("b");
        fs::write(&a, "a").unwrap();
        fs::write(&b, "b").unwrap();
        assert!(rename_new(&a, &b).is_err());
        assert_eq!(fs::read_to_string(&b).unwrap(), "b");
        assert_eq!(fs::read_to_string(&a).unwrap(), "a");
        let c = dir.path().join("c");
        rename_new(&a, &c).unwrap();
        assert!(!a.exists());
        assert_eq!(fs::read_to_string(&c).unwrap(), "a");
    }

    #[cfg(unix)]
    #[test]
    fn files_are_owner_only_and_symlinks_are_not_followed() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.toml");
        write(&p, b"x").unwrap();
        let mode = fs::metadata(&p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        // A symlink planted at a name we create is never written through.
        let victim = dir.path().join("victim");
        fs::write(&victim, "keep").unwrap();
        let link = dir.path().join("link");
        std::os::unix::fs::symlink(&victim, &link).unwrap();
        assert!(open_new_private(&link).is_err());
        // Replacing a symlinked target replaces the link, not the file it points to.
        write(&link, b"new").unwrap();
        assert_eq!(fs::read_to_string(&victim).unwrap(), "keep");
    }

    #[test]
    fn stale_temps_are_removed_fresh_ones_kept() {
        let dir = tempfile::tempdir().unwrap();
        let t = dir.path().join(".a.toml.1.2.tmp");
        fs::write(&t, "partial").unwrap();
        fs::write(dir.path().join("a.toml"), "x").unwrap();
        assert_eq!(remove_stale_temps(dir.path(), STALE_TEMP_AGE), 0);
        assert!(t.exists());
        assert_eq!(remove_stale_temps(dir.path(), Duration::ZERO), 1);
        assert!(!t.exists());
        assert!(dir.path().join("a.toml").exists());
    }
}
