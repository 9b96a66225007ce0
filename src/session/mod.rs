//! The session store: one TOML file per assessment in `<data>/sessions/`,
//! written atomically. (Locking, quarantine, drift, import and follow-up
//! visits build on this.)

pub mod atomic;

use std::path::{Path, PathBuf};

use crate::answers::{self, AnswersFile, Mode};
use crate::diag::FileError;
use crate::questionnaire::Questionnaire;
use crate::time;

/// Who fills the assessment in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SessionMode {
    /// An advisor at a (joint) company visit.
    #[default]
    Advisor,
    /// The company alone, before a visit.
    SelfAssessment,
}

impl SessionMode {
    pub fn as_str(self) -> &'static str {
        match self {
            SessionMode::Advisor => "advisor",
            SessionMode::SelfAssessment => "self",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "advisor" => Some(SessionMode::Advisor),
            "self" => Some(SessionMode::SelfAssessment),
            _ => None,
        }
    }
}

/// A person present at a visit.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Attendee {
    pub name: String,
    pub organisation: String,
}

/// One change of an answer.
#[derive(Debug, Clone, PartialEq)]
pub struct HistoryEntry {
    pub at: String,
    pub question: String,
    /// The new answer as TOML (absent when the answer was cleared).
    pub value: Option<toml::Value>,
}

/// Session metadata, kept in `[meta]`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Meta {
    pub id: String,
    pub created: String,
    pub updated: String,
    pub mode: SessionMode,
    pub attendees: Vec<Attendee>,
    pub questionnaire_id: String,
    pub questionnaire_version: String,
    pub questionnaire_hash: String,
    /// The question the wizard was on, to resume there.
    pub current: Option<String>,
    pub history: Vec<HistoryEntry>,
}

/// Most history entries kept in a session file.
pub const MAX_HISTORY: usize = 2000;

/// An assessment: its answers and its metadata.
#[derive(Debug, Clone, PartialEq)]
pub struct Session {
    pub answers: AnswersFile,
    pub meta: Meta,
}

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("no data directory could be determined; pass --data-dir or set BEHOVSANALYS_DATA_DIR")]
    NoDataDir,
    #[error("{action} {path}: {err}")]
    Io {
        action: &'static str,
        path: String,
        err: std::io::Error,
    },
    #[error("there is no session `{0}`")]
    NotFound(String),
    #[error("`{0}` is not a session id (letters, digits, `-` and `_` only)")]
    BadId(String),
    #[error(transparent)]
    File(#[from] FileError),
}

/// The store of sessions in a data directory.
#[derive(Debug, Clone)]
pub struct Store {
    root: PathBuf,
}

/// The platform's data directory for behovsanalys.
pub fn default_data_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("se", "exportcenter", "behovsanalys")
        .map(|d| d.data_dir().to_path_buf())
}

fn io_err<'a>(
    action: &'static str,
    path: &'a Path,
) -> impl FnOnce(std::io::Error) -> StoreError + 'a {
    move |err| StoreError::Io {
        action,
        path: path.display().to_string(),
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

impl Store {
    /// Opens (and creates) the store in `dir`, or in the platform data directory.
    pub fn open(dir: Option<&Path>) -> Result<Store, StoreError> {
        let root = match dir {
            Some(d) => d.to_path_buf(),
            None => default_data_dir().ok_or(StoreError::NoDataDir)?,
        };
        let store = Store { root };
        for d in [store.sessions_dir(), store.quarantine_dir()] {
            atomic::create_private_dir(&d).map_err(io_err("cannot create", &d))?;
        }
        Ok(store)
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

    /// A new session (not yet saved).
    pub fn create(&self, q: &Questionnaire, mode: SessionMode) -> Session {
        let now = time::now_rfc3339();
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

    /// Writes a session atomically (temp file, fsync, rename, fsync dir).
    pub fn save(&self, s: &mut Session, q: &Questionnaire) -> Result<(), StoreError> {
        s.meta.updated = time::now_rfc3339();
        let path = self.path_of(&s.meta.id)?;
        let text = s.to_toml(q);
        atomic::write(&path, text.as_bytes()).map_err(io_err("cannot save", &path))
    }

    /// Loads a session by id (leniently: answers that no longer fit the
    /// questionnaire are kept as orphans).
    pub fn load(
        &self,
        id: &str,
        q: &Questionnaire,
    ) -> Result<(Session, Vec<crate::diag::Diagnostic>), StoreError> {
        let path = self.path_of(id)?;
        if !path.exists() {
            return Err(StoreError::NotFound(id.to_string()));
        }
        let parsed = answers::load_file(&path, q, Mode::Lenient)?;
        let meta = Meta::from_table(&parsed.answers.meta, id);
        Ok((
            Session {
                answers: parsed.answers,
                meta,
            },
            parsed.warnings,
        ))
    }

    /// Ids of all session files, sorted (newest ids last).
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
}

fn get_str(t: &toml::Table, k: &str) -> String {
    t.get(k)
        .and_then(|v| v.as_str())
        .unwrap_or_default()
        .to_string()
}

impl Meta {
    /// Reads `[meta]`, tolerating missing or odd keys (a hand-copied answers
    /// file is a session too). `id` comes from the file name.
    pub fn from_table(t: &toml::Table, id: &str) -> Meta {
        let attendees = t
            .get("attendees")
            .and_then(|v| v.as_array())
            .map(|a| {
                a.iter()
                    .filter_map(|x| x.as_table())
                    .map(|x| Attendee {
                        name: get_str(x, "name"),
                        organisation: get_str(x, "organisation"),
                    })
                    .collect()
            })
            .unwrap_or_default();
        let history = t
            .get("history")
            .and_then(|v| v.as_array())
            .map(|a| {
                a.iter()
                    .filter_map(|x| x.as_table())
                    .map(|x| HistoryEntry {
                        at: get_str(x, "at"),
                        question: get_str(x, "question"),
                        value: x.get("value").cloned(),
                    })
                    .collect()
            })
            .unwrap_or_default();
        Meta {
            id: id.to_string(),
            created: get_str(t, "created"),
            updated: get_str(t, "updated"),
            mode: t
                .get("mode")
                .and_then(|v| v.as_str())
                .and_then(SessionMode::parse)
                .unwrap_or_default(),
            attendees,
            questionnaire_id: get_str(t, "questionnaire_id"),
            questionnaire_version: get_str(t, "questionnaire_version"),
            questionnaire_hash: get_str(t, "questionnaire_hash"),
            current: t.get("current").and_then(|v| v.as_str()).map(String::from),
            history,
        }
    }

    /// Writes the known keys into `t`, keeping keys this version does not know.
    pub fn write_into(&self, t: &mut toml::Table) {
        use toml::Value as V;
        let s = |x: &str| V::String(x.to_string());
        t.insert("id".into(), s(&self.id));
        t.insert("created".into(), s(&self.created));
        t.insert("updated".into(), s(&self.updated));
        t.insert("mode".into(), s(self.mode.as_str()));
        t.insert("questionnaire_id".into(), s(&self.questionnaire_id));
        t.insert(
            "questionnaire_version".into(),
            s(&self.questionnaire_version),
        );
        t.insert("questionnaire_hash".into(), s(&self.questionnaire_hash));
        match &self.current {
            Some(c) => t.insert("current".into(), s(c)),
            None => t.remove("current"),
        };
        let attendees: Vec<V> = self
            .attendees
            .iter()
            .map(|a| {
                let mut x = toml::Table::new();
                x.insert("name".into(), s(&a.name));
                x.insert("organisation".into(), s(&a.organisation));
                V::Table(x)
            })
            .collect();
        t.insert("attendees".into(), V::Array(attendees));
        let start = self.history.len().saturating_sub(MAX_HISTORY);
        let history: Vec<V> = self.history[start..]
            .iter()
            .map(|h| {
                let mut x = toml::Table::new();
                x.insert("at".into(), s(&h.at));
                x.insert("question".into(), s(&h.question));
                if let Some(v) = &h.value {
                    x.insert("value".into(), v.clone());
                }
                V::Table(x)
            })
            .collect();
        t.insert("history".into(), V::Array(history));
    }
}

impl Session {
    /// Sets (or clears) an answer and records it in the history.
    pub fn set_answer(&mut self, question: &str, answer: Option<answers::Answer>) {
        let value = answer.as_ref().map(answers::Answer::to_toml);
        match answer {
            Some(a) => self.answers.answers.insert(question.to_string(), a),
            None => self.answers.answers.remove(question),
        };
        self.meta.history.push(HistoryEntry {
            at: time::now_rfc3339(),
            question: question.to_string(),
            value,
        });
    }

    /// The session file's text.
    pub fn to_toml(&self, q: &Questionnaire) -> String {
        let mut file = self.answers.clone();
        self.meta.write_into(&mut file.meta);
        file.to_toml(Some(q))
    }
}
