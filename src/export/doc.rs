//! The content of a referral summary and of the company's own summary, as a
//! plain data model built once from the answers ([`super::build`]) and
//! rendered to every format (the JSON output is this model serialised; see
//! docs/EXPORT.md).
//!
//! Every text taken from a file is cleaned of control characters when the
//! model is built; renderers escape for their format. Private notes are
//! never read. No answer carries points: a reason is the answer in words.

use serde::Serialize;

pub use super::build::{company_doc, referral_doc};

/// Version of the statistics report's JSON layout (`report`).
pub const FORMAT_VERSION: u32 = 1;

/// Version of the JSON layout of a referral and of the company's summary;
/// raised only on incompatible changes (2: answers without points, reasons
/// with the answers behind them, consent with who gave and who recorded
/// it, the company's contact person, `next_step` null when the actor has
/// none).
pub const DOC_FORMAT_VERSION: u32 = 2;

/// Most answers listed under one need.
pub(super) const TRIGGERS_PER_AREA: usize = 4;
/// Days from the document date to the follow-up date, unless given.
pub const FOLLOW_UP_DAYS: i32 = 14;

#[derive(Debug, Clone, Serialize)]
pub struct QuestionnaireRef {
    pub id: String,
    pub version: String,
}

/// The advisor a document comes from.
#[derive(Debug, Clone, Serialize)]
pub struct Person {
    pub name: String,
    /// From the session's attendees, when the advisor is one of them.
    pub organisation: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Industry {
    pub sni: String,
    /// SNI 2007 section letter, when the code's division is known.
    pub section: Option<String>,
    pub section_title: Option<String>,
}

/// The company's contact person (`[company.contact]`).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ContactPerson {
    pub name: Option<String>,
    pub role: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct CompanyInfo {
    pub name: Option<String>,
    pub org_number: Option<String>,
    pub municipality: Option<String>,
    pub industry: Option<Industry>,
    pub employees: Option<u64>,
    /// `0-9`, `10-49`, `50-249`, `250+` or null.
    pub size_class: Option<String>,
    /// Who at the company to contact; null when not recorded.
    pub contact: Option<ContactPerson>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ActorRef {
    pub id: String,
    pub name: String,
    pub url: Option<String>,
    /// How to reach the actor, in the document's language.
    pub contact: Option<String>,
    /// Where the questionnaire's facts about the actor come from.
    pub source: Option<SourceRef>,
}

/// A page the questionnaire's facts come from, and when it was read.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct SourceRef {
    pub url: String,
    /// `YYYY-MM-DD`.
    pub checked: String,
}

impl SourceRef {
    pub fn of(s: &crate::questionnaire::Source) -> SourceRef {
        SourceRef {
            url: super::escape::clean(&s.url),
            checked: s.checked.clone(),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Consent {
    pub actor: String,
    pub given: bool,
    /// When consent was recorded (`[[meta.consent_log]]`), as in the file.
    pub at: Option<String>,
    /// The same time in Swedish local time, RFC 3339 with Stockholm's
    /// offset (`+01:00` in winter, `+02:00` in summer).
    pub at_local: Option<String>,
    /// The company's representative who gave it, if recorded.
    pub given_by: Option<String>,
    /// The advisor who recorded it, if recorded.
    pub recorded_by: Option<String>,
    /// The consent statement as printed.
    pub statement: String,
}

/// An answer in words: the question and the answer as shown.
#[derive(Debug, Clone, Serialize)]
pub struct Trigger {
    pub question: String,
    pub question_text: String,
    /// Option id (a string), option ids (multi: a list) or number (a JSON
    /// number) as answered.
    pub answer: AnswerValue,
    /// The answer as shown (option label(s), or number with unit).
    pub answer_label: String,
}

/// An answer as data: an option id, option ids, or a number (whole
/// numbers without a fraction: `4`, not `4.0` or `"4"`).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum AnswerValue {
    Option(String),
    Options(Vec<String>),
    Int(i64),
    Number(f64),
}

#[derive(Debug, Clone, Serialize)]
pub struct Need {
    pub area: String,
    pub title: String,
    /// 0–100, or null when nothing in the area was answered.
    pub need: Option<i64>,
    pub answered: usize,
    pub total: usize,
    /// The answers that raised the need most, largest first.
    pub answers: Vec<Trigger>,
}

/// Why an actor is recommended: a rule that fired, in the questionnaire's
/// words, with the answers the rule looks at.
#[derive(Debug, Clone, Serialize)]
pub struct Reason {
    pub text: String,
    pub answers: Vec<Trigger>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ServiceItem {
    pub id: String,
    pub name: String,
    pub description: String,
    /// `free`, `subsidised` or `paid`.
    pub cost: String,
    pub price: Option<String>,
    /// Eligibility depends on questions answered "vet ej" or not answered.
    pub undecided: bool,
    /// Where the facts about the service come from.
    pub source: Option<SourceRef>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Note {
    pub question: String,
    pub question_text: String,
    pub note: String,
}

/// A referral summary for one actor (`export --actor`; docs/EXPORT.md).
#[derive(Debug, Clone, Serialize)]
pub struct ReferralDoc {
    pub kind: &'static str,
    pub format_version: u32,
    pub id: String,
    pub date: String,
    pub follow_up: String,
    pub language: String,
    pub questionnaire: QuestionnaireRef,
    pub session: Option<String>,
    /// The advisor who refers the company: who recorded the consent, with
    /// their organisation from the attendees.
    pub from: Option<Person>,
    pub to: ActorRef,
    pub company: CompanyInfo,
    pub consent: Consent,
    pub situation: Vec<String>,
    pub score: i64,
    pub recommended: bool,
    pub needs: Vec<Need>,
    pub reasons: Vec<Reason>,
    pub services: Vec<ServiceItem>,
    pub notes: Vec<Note>,
    pub already_tried: Vec<String>,
    pub other: Option<String>,
    /// The actor's `next_step`; null when the questionnaire gives none.
    pub next_step: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ActorSummary {
    pub id: String,
    pub name: String,
    pub score: i64,
    pub url: Option<String>,
    pub contact: Option<String>,
    pub next_step: Option<String>,
    pub reasons: Vec<String>,
    pub services: Vec<ServiceItem>,
    pub consent: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct AdviceItem {
    /// The advice's id in the questionnaire.
    pub id: String,
    pub text: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct OpenQuestion {
    pub id: String,
    pub text: String,
    /// True when answered "vet ej", false when not answered.
    pub unknown: bool,
}

/// The company's own summary (`export --company`; docs/EXPORT.md). Only
/// what the company may see: no advisor-only question, answer or note.
#[derive(Debug, Clone, Serialize)]
pub struct CompanyDoc {
    pub kind: &'static str,
    pub format_version: u32,
    pub id: String,
    pub date: String,
    pub follow_up: String,
    pub language: String,
    pub questionnaire: QuestionnaireRef,
    pub session: Option<String>,
    /// The advisor (null in the company's own self-assessment).
    pub from: Option<Person>,
    pub company: CompanyInfo,
    pub situation: Vec<String>,
    pub needs: Vec<Need>,
    pub actors: Vec<ActorSummary>,
    /// What the company can do itself (advice; never a referral), from
    /// answers and rules the company may see.
    pub advice: Vec<AdviceItem>,
    pub open_questions: Vec<OpenQuestion>,
}

impl ReferralDoc {
    /// The pages behind the actor's and its offered services' facts, each
    /// once, the actor's first.
    pub fn sources(&self) -> Vec<&SourceRef> {
        let mut out: Vec<&SourceRef> = Vec::new();
        let all = self
            .to
            .source
            .iter()
            .chain(self.services.iter().filter_map(|s| s.source.as_ref()));
        for s in all {
            if !out.iter().any(|o| o.url == s.url) {
                out.push(s);
            }
        }
        out
    }
}

/// Size class of a number of employees.
pub fn size_class(employees: Option<u64>) -> Option<&'static str> {
    employees.map(|n| match n {
        0..=9 => "0-9",
        10..=49 => "10-49",
        50..=249 => "50-249",
        _ => "250+",
    })
}

/// Employees from `[company]`, else from the `employees` question's answer.
pub fn employees(
    q: &crate::questionnaire::Questionnaire,
    input_answers: &crate::answers::AnswersFile,
) -> Option<u64> {
    input_answers.employees(q)
}
