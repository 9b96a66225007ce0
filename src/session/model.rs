//! A session: its answers and its metadata, and the changes made to it.

use crate::answers::{self, AnswersFile};
use crate::questionnaire::Questionnaire;

use super::Meta;

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

/// Most history entries kept in a session file.
pub const MAX_HISTORY: usize = 2000;

/// An assessment: its answers and its metadata.
#[derive(Debug, Clone, PartialEq)]
pub struct Session {
    pub answers: AnswersFile,
    pub meta: Meta,
}

/// Most `[[meta.consent_log]]` entries kept (the newest).
pub const MAX_CONSENT_LOG: usize = 500;

/// One entry of `[[meta.consent_log]]`: consent given or withdrawn.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ConsentRecord {
    pub actor: String,
    pub given: bool,
    /// RFC 3339 with a UTC offset.
    pub at: String,
    /// The company's representative who gave (or withdrew) it.
    pub given_by: Option<String>,
    /// The advisor who recorded it (older files: `by`).
    pub recorded_by: Option<String>,
}

impl ConsentRecord {
    fn to_value(&self) -> toml::Value {
        let mut t = toml::Table::new();
        t.insert("actor".into(), self.actor.clone().into());
        t.insert("given".into(), self.given.into());
        t.insert("at".into(), self.at.clone().into());
        if let Some(g) = &self.given_by {
            t.insert("given_by".into(), g.clone().into());
        }
        if let Some(r) = &self.recorded_by {
            t.insert("recorded_by".into(), r.clone().into());
        }
        toml::Value::Table(t)
    }

    /// Reads an entry; `by` (written by earlier versions) is `recorded_by`.
    /// Entries without an actor or `given` are skipped.
    fn from_value(v: &toml::Value) -> Option<ConsentRecord> {
        let t = v.as_table()?;
        let s = |k: &str| {
            t.get(k)
                .and_then(|v| v.as_str())
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(String::from)
        };
        Some(ConsentRecord {
            actor: s("actor")?,
            given: t.get("given")?.as_bool()?,
            at: s("at").unwrap_or_default(),
            given_by: s("given_by"),
            recorded_by: s("recorded_by").or_else(|| s("by")),
        })
    }
}

/// The consent log kept in a `[meta]` table, oldest first (entries that
/// cannot be read are skipped).
pub fn consent_log(meta: &toml::Table) -> Vec<ConsentRecord> {
    meta.get("consent_log")
        .and_then(|v| v.as_array())
        .map(|a| a.iter().filter_map(ConsentRecord::from_value).collect())
        .unwrap_or_default()
}

/// Trims text from a person (a name) to one line; `None` when empty.
fn person(s: Option<&str>) -> Option<String> {
    s.map(crate::text::sanitize_line)
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
}

impl Session {
    /// Sets (or clears) an answer and records it in the history at the
    /// time `at` (RFC 3339), which the caller's clock gives.
    pub fn set_answer_at(&mut self, question: &str, answer: Option<answers::Answer>, at: &str) {
        let value = answer.as_ref().map(answers::Answer::to_toml);
        match answer {
            Some(a) => self.answers.answers.insert(question.to_string(), a),
            None => self.answers.answers.remove(question),
        };
        self.meta.history.push(HistoryEntry {
            at: at.to_string(),
            question: question.to_string(),
            value,
        });
        // Only the last MAX_HISTORY entries are saved; keeping more in
        // memory would make every autosave snapshot of a long session
        // slower to clone. Trimmed in batches so the cost is amortised.
        if self.meta.history.len() >= MAX_HISTORY + MAX_HISTORY / 8 {
            let excess = self.meta.history.len() - MAX_HISTORY;
            self.meta.history.drain(..excess);
        }
    }

    /// Records consent for `actor` given (or withdrawn) at `at` (RFC 3339
    /// with a UTC offset): `[consent]` is set (a withdrawal removes the
    /// actor) and an entry is appended to `[[meta.consent_log]]` with who
    /// gave it (`given_by`, the company's representative) and who recorded
    /// it (`recorded_by`, the advisor). The newest [`MAX_CONSENT_LOG`]
    /// entries are kept.
    pub fn record_consent(
        &mut self,
        actor: &str,
        given: bool,
        at: &str,
        given_by: Option<&str>,
        recorded_by: Option<&str>,
    ) {
        if given {
            self.answers.consent.insert(actor.to_string(), true);
        } else {
            self.answers.consent.remove(actor);
        }
        let entry = ConsentRecord {
            actor: actor.to_string(),
            given,
            at: at.to_string(),
            given_by: person(given_by),
            recorded_by: person(recorded_by),
        };
        let log = self
            .answers
            .meta
            .entry("consent_log")
            .or_insert_with(|| toml::Value::Array(Vec::new()));
        if !log.is_array() {
            *log = toml::Value::Array(Vec::new());
        }
        if let toml::Value::Array(a) = log {
            a.push(entry.to_value());
            if a.len() > MAX_CONSENT_LOG {
                a.drain(..a.len() - MAX_CONSENT_LOG);
            }
        }
    }

    /// The consent log, oldest first.
    pub fn consent_log(&self) -> Vec<ConsentRecord> {
        consent_log(&self.answers.meta)
    }

    /// The referrals the company asked for in its self-assessment that the
    /// advisor has not yet confirmed (`meta.requested_referrals` without
    /// consent): "the company asked to be referred to …". Confirming one is
    /// [`Session::record_consent`] with the representative as `given_by`.
    pub fn pending_requests(&self) -> Vec<&str> {
        self.meta
            .requested_referrals
            .iter()
            .filter(|a| self.answers.consent.get(a.as_str()) != Some(&true))
            .map(String::as_str)
            .collect()
    }

    /// The session file's text.
    pub fn to_toml(&self, q: &Questionnaire) -> String {
        let mut file = self.answers.clone();
        self.meta.write_into(&mut file.meta);
        file.to_toml(Some(q))
    }
}
