//! A session: its answers and its metadata, and the changes made to it.

use crate::answers::{self, AnswersFile};
use crate::questionnaire::Questionnaire;
use crate::time;

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
        // Only the last MAX_HISTORY entries are saved; keeping more in
        // memory would make every autosave snapshot of a long session
        // slower to clone. Trimmed in batches so the cost is amortised.
        if self.meta.history.len() >= MAX_HISTORY + MAX_HISTORY / 8 {
            let excess = self.meta.history.len() - MAX_HISTORY;
            self.meta.history.drain(..excess);
        }
    }

    /// The session file's text.
    pub fn to_toml(&self, q: &Questionnaire) -> String {
        let mut file = self.answers.clone();
        self.meta.write_into(&mut file.meta);
        file.to_toml(Some(q))
    }
}
