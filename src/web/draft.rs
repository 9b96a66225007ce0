//! Drafts: a company's answers between pages, on the server's disk, until
//! they are sent. One file per draft, `<data>/web/drafts/<hash>.toml`,
//! named by the SHA-256 of the resume code (the code itself is never
//! stored), in the answers-file format with `[meta]` keys of its own;
//! written atomically (temp file, fsync, rename) and private to the
//! server's user. A draft expires [`TTL_DAYS`] days after it was last
//! saved and is then removed; a sent draft is kept [`SENT_TTL_HOURS`]
//! hours for its receipt and summary, then removed. Drafts are not
//! sessions: `sessions list`, `report` and `sync` never see them.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use crate::answers::{self, AnswersFile, Mode};
use crate::diag::{FileKind, Links, read_data_file};
use crate::questionnaire::Questionnaire;
use crate::session::atomic;

use super::codes::Code;

/// Days a draft lives after its last save.
pub const TTL_DAYS: i64 = 30;
/// Hours a sent draft lives (its receipt and summary).
pub const SENT_TTL_HOURS: i64 = 24;

/// A company's answers between pages.
#[derive(Debug, Clone)]
pub struct Draft {
    pub answers: AnswersFile,
    /// RFC 3339.
    pub created: String,
    pub updated: String,
    /// Unix seconds after which the draft is gone.
    pub expires: i64,
    /// The page to continue at (the step after the last one saved).
    pub at: Option<String>,
    /// The reference (session id) once sent.
    pub sent_as: Option<String>,
    pub sent_at: Option<String>,
}

impl Draft {
    fn new(q: &Questionnaire, now: i64) -> Draft {
        let t = crate::time::rfc3339(now);
        Draft {
            answers: AnswersFile::new(q),
            created: t.clone(),
            updated: t,
            expires: now + TTL_DAYS * 86_400,
            at: None,
            sent_as: None,
            sent_at: None,
        }
    }

    fn to_toml(&self, q: &Questionnaire) -> String {
        let mut file = self.answers.clone();
        let mut meta = toml::Table::new();
        meta.insert("created".into(), self.created.clone().into());
        meta.insert("updated".into(), self.updated.clone().into());
        meta.insert("expires".into(), crate::time::rfc3339(self.expires).into());
        if let Some(s) = &self.at {
            meta.insert("at".into(), s.clone().into());
        }
        if let Some(s) = &self.sent_as {
            meta.insert("sent_as".into(), s.clone().into());
        }
        if let Some(s) = &self.sent_at {
            meta.insert("sent_at".into(), s.clone().into());
        }
        file.meta = meta;
        file.to_toml(Some(q))
    }

    fn from_text(name: &str, text: &str, q: &Questionnaire) -> Option<Draft> {
        let parsed = answers::parse(name, text, q, Mode::Lenient).ok()?;
        let mut a = parsed.answers;
        let meta = std::mem::take(&mut a.meta);
        let s = |k: &str| meta.get(k).and_then(|v| v.as_str()).map(String::from);
        let expires = s("expires").and_then(|e| crate::time::parse_secs(&e))?;
        Some(Draft {
            answers: a,
            created: s("created").unwrap_or_default(),
            updated: s("updated").unwrap_or_default(),
            expires,
            at: s("at"),
            sent_as: s("sent_as"),
            sent_at: s("sent_at"),
        })
    }
}

/// Stripes of locks: one draft is changed by one request at a time (two
/// tabs, a double click), different drafts in parallel.
const STRIPES: usize = 1024;

/// The folder of drafts.
pub struct Drafts {
    data: PathBuf,
    dir: PathBuf,
    locks: Vec<Mutex<()>>,
}

/// What can go wrong with a draft on disk.
#[derive(Debug, thiserror::Error)]
pub enum DraftError {
    #[error("cannot {action} {path}: {err}")]
    Io {
        action: &'static str,
        path: String,
        err: std::io::Error,
    },
    #[error(transparent)]
    Random(#[from] super::codes::RandomError),
}

fn io<'a>(action: &'static str, path: &'a Path) -> impl FnOnce(std::io::Error) -> DraftError + 'a {
    move |err| DraftError::Io {
        action,
        path: crate::text::display_path(path),
        err,
    }
}

impl Drafts {
    /// The drafts of data directory `data` (`<data>/web/drafts`, created
    /// owner-only).
    pub fn open(data: &Path) -> Result<Drafts, DraftError> {
        let drafts = Drafts {
            data: data.to_path_buf(),
            dir: data.join("web").join("drafts"),
            locks: (0..STRIPES).map(|_| Mutex::new(())).collect(),
        };
        drafts.make_dirs()?;
        Ok(drafts)
    }

    /// `<data>/web/drafts`, each folder owner-only.
    fn make_dirs(&self) -> Result<(), DraftError> {
        let web = self.data.join("web");
        for d in [&self.data, &web, &self.dir] {
            atomic::create_private_dir(d).map_err(io("create", d))?;
        }
        Ok(())
    }

    /// Runs `write`; when the folder is gone (removed while the server
    /// runs), makes it again and tries once more.
    fn writing(
        &self,
        write: impl Fn() -> std::io::Result<()>,
    ) -> Result<std::io::Result<()>, DraftError> {
        match write() {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                self.make_dirs()?;
                Ok(write())
            }
            r => Ok(r),
        }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn path(&self, code: &Code) -> PathBuf {
        self.dir.join(format!("{}.toml", code.hash()))
    }

    /// Runs `f` holding the lock of `code`'s draft.
    pub fn locked<T>(&self, code: &Code, f: impl FnOnce() -> T) -> T {
        let h = code.hash();
        let stripe = usize::from_str_radix(&h[..4], 16).unwrap_or(0) % STRIPES;
        // A poisoned lock only means another request panicked; the file
        // on disk is whole either way (atomic writes).
        let _g = self.locks[stripe]
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        f()
    }

    /// A new draft (saved) and its code.
    pub fn create(&self, q: &Questionnaire, now: i64) -> Result<(Code, Draft), DraftError> {
        loop {
            let code = Code::new()?;
            let path = self.path(&code);
            let draft = Draft::new(q, now);
            let text = draft.to_toml(q);
            match self.writing(|| atomic::write_new(&path, text.as_bytes()))? {
                Ok(()) => return Ok((code, draft)),
                // 2^-140: never, but never overwrite either.
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
                Err(e) => return Err(io("save", &path)(e)),
            }
        }
    }

    /// The draft of `code`, when there is one that has not expired (an
    /// expired one is removed here).
    pub fn load(
        &self,
        code: &Code,
        q: &Questionnaire,
        now: i64,
    ) -> Result<Option<Draft>, DraftError> {
        let path = self.path(code);
        let (name, text) = match read_data_file(
            &path,
            answers::MAX_ANSWERS_BYTES,
            FileKind::Answers,
            Links::NoFollow,
        ) {
            Ok(x) => x,
            Err(crate::diag::FileError::Io { err, .. })
                if err.kind() == std::io::ErrorKind::NotFound =>
            {
                return Ok(None);
            }
            Err(e) => {
                return Err(DraftError::Io {
                    action: "read",
                    path: crate::text::display_path(&path),
                    err: std::io::Error::other(e.to_string()),
                });
            }
        };
        match Draft::from_text(&name, &text, q) {
            Some(d) if d.expires > now => Ok(Some(d)),
            // Expired, or unreadable (another questionnaire): gone.
            _ => {
                let _ = std::fs::remove_file(&path);
                Ok(None)
            }
        }
    }

    /// Saves a draft; an unsent one lives [`TTL_DAYS`] from now.
    pub fn save(
        &self,
        code: &Code,
        d: &mut Draft,
        q: &Questionnaire,
        now: i64,
    ) -> Result<(), DraftError> {
        d.updated = crate::time::rfc3339(now);
        if d.sent_as.is_none() {
            d.expires = now + TTL_DAYS * 86_400;
        }
        let path = self.path(code);
        let text = d.to_toml(q);
        self.writing(|| atomic::write(&path, text.as_bytes()))?
            .map_err(io("save", &path))
    }

    /// Removes a draft (after it was sent and its time is over, or on request).
    pub fn remove(&self, code: &Code) {
        let _ = std::fs::remove_file(self.path(code));
    }

    /// Removes every expired draft; how many. Reads only `[meta]`'s
    /// `expires` line of each file.
    pub fn sweep(&self, now: i64) -> usize {
        let Ok(rd) = std::fs::read_dir(&self.dir) else {
            return 0;
        };
        let mut removed = 0;
        for e in rd.flatten() {
            let path = e.path();
            let name = e.file_name();
            let Some(name) = name.to_str() else { continue };
            if atomic::is_temp_name(name) {
                // A save killed half-way, older than a day.
                let old = e
                    .metadata()
                    .and_then(|m| m.modified())
                    .ok()
                    .and_then(|m| m.elapsed().ok())
                    .is_some_and(|age| age.as_secs() > 86_400);
                if old && std::fs::remove_file(&path).is_ok() {
                    removed += 1;
                }
                continue;
            }
            if !name.ends_with(".toml") {
                continue;
            }
            let expired = std::fs::read_to_string(&path)
                .ok()
                .is_none_or(|t| expires_of(&t).is_none_or(|x| x <= now));
            if expired && std::fs::remove_file(&path).is_ok() {
                removed += 1;
            }
        }
        removed
    }

    /// How many drafts are on disk, and their bytes (for the benchmark).
    pub fn usage(&self) -> (usize, u64) {
        let Ok(rd) = std::fs::read_dir(&self.dir) else {
            return (0, 0);
        };
        rd.flatten()
            .filter_map(|e| e.metadata().ok())
            .filter(|m| m.is_file())
            .fold((0, 0), |(n, b), m| (n + 1, b + m.len()))
    }
}

/// The `expires = "…"` of a draft's `[meta]`, without parsing the file.
fn expires_of(text: &str) -> Option<i64> {
    let meta = text.find("\n[meta]")?;
    text[meta..]
        .lines()
        .find_map(|l| l.trim().strip_prefix("expires = "))
        .and_then(|v| crate::time::parse_secs(v.trim().trim_matches('"')))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drafts_are_saved_found_by_code_and_expire() {
        let dir = tempfile::tempdir().unwrap();
        let q = crate::questionnaire::builtin().unwrap().questionnaire;
        let drafts = Drafts::open(dir.path()).unwrap();
        let now = 1_800_000_000;
        let (code, mut d) = drafts.create(&q, now).unwrap();
        d.answers.company.name = Some("Hallbergs AB".into());
        drafts.save(&code, &mut d, &q, now + 10).unwrap();
        let back = drafts.load(&code, &q, now + 20).unwrap().unwrap();
        assert_eq!(back.answers.company.name.as_deref(), Some("Hallbergs AB"));
        // The code is not on disk; its hash names the file.
        let names: Vec<String> = std::fs::read_dir(drafts.dir())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, [format!("{}.toml", code.hash())]);
        let text = std::fs::read_to_string(drafts.dir().join(&names[0])).unwrap();
        assert!(!text.contains(code.as_str()));
        assert_eq!(drafts.sweep(now + 100), 0);
        let later = now + 10 + TTL_DAYS * 86_400;
        assert_eq!(drafts.sweep(later), 1);
        assert!(drafts.load(&code, &q, later).unwrap().is_none());
        let other = Code::new().unwrap();
        assert!(drafts.load(&other, &q, now).unwrap().is_none());
    }

    #[test]
    fn a_drafts_folder_removed_while_serving_is_made_again() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let q = crate::questionnaire::builtin().unwrap().questionnaire;
        let drafts = Drafts::open(dir.path()).unwrap();
        let now = 1_800_000_000;
        let (code, mut d) = drafts.create(&q, now).unwrap();
        std::fs::remove_dir_all(dir.path().join("web")).unwrap();
        drafts.save(&code, &mut d, &q, now + 1).unwrap();
        assert!(drafts.load(&code, &q, now + 2).unwrap().is_some());
        std::fs::remove_dir_all(dir.path().join("web")).unwrap();
        let (code, _) = drafts.create(&q, now).unwrap();
        assert!(drafts.load(&code, &q, now + 2).unwrap().is_some());
        let mode = std::fs::metadata(drafts.dir())
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o700);
    }
}
