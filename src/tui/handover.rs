//! The hand-over from a company's self-assessment to the advisor, as the
//! wizard sees it: the file the company saves (`x` in `--self`) and the
//! referrals it asked for, which the advisor confirms with the company's
//! representative after the import.
//!
//! Stand-ins until the domain's hand-over lands: [`handover_toml`] keeps
//! only what the company may send (its own answers, company details and
//! contact, its referral requests as `[consent]`, a minimal `[meta]`), and
//! [`take_requests`] turns an imported file's `[consent]` into
//! `meta.requested_referrals` instead of carrying it into the advisor's
//! session as consent.

use crate::answers::AnswersFile;
use crate::questionnaire::{Audience, Questionnaire};
use crate::session::Session;

/// The `[meta]` key holding the actors an imported self-assessment asked
/// to be referred to.
pub const REQUESTED: &str = "requested_referrals";

/// The actors (ids) the company asked to be referred to.
pub fn requested(a: &AnswersFile) -> Vec<String> {
    a.meta
        .get(REQUESTED)
        .and_then(|v| v.as_array())
        .map(|v| {
            v.iter()
                .filter_map(|x| x.as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default()
}

/// An imported self-assessment: the company's ticks become requests (the
/// advisor confirms each with the representative); nothing is consent yet.
pub fn take_requests(s: &mut Session) {
    if s.answers.meta.contains_key(REQUESTED) || s.answers.consent.is_empty() {
        return;
    }
    let asked: Vec<toml::Value> = std::mem::take(&mut s.answers.consent)
        .into_iter()
        .filter(|(_, v)| *v)
        .map(|(k, _)| toml::Value::String(k))
        .collect();
    s.answers.meta.remove("consent_log");
    s.answers
        .meta
        .insert(REQUESTED.into(), toml::Value::Array(asked));
}

/// The file a company sends its advisor: its own answers (none to
/// advisor-only questions), notes on them, company details and contact,
/// referral requests as `[consent]`, and a minimal `[meta]` (id, mode,
/// when, questionnaire). No private notes, history, attendees or log.
pub fn handover_toml(s: &Session, q: &Questionnaire) -> String {
    let advisor_only = |id: &String| {
        q.question(id)
            .is_some_and(|i| q.questions[i].audience == Audience::Advisor)
    };
    let a = &s.answers;
    let mut file = AnswersFile {
        questionnaire: a.questionnaire.clone(),
        version: a.version.clone(),
        company: a.company.clone(),
        answers: a
            .answers
            .iter()
            .filter(|(k, _)| !advisor_only(k))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect(),
        consent: a.consent.clone(),
        notes: a
            .notes
            .iter()
            .filter(|(k, _)| !advisor_only(k))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect(),
        ..AnswersFile::default()
    };
    let m = &s.meta;
    for (k, v) in [
        ("id", &m.id),
        ("mode", &m.mode.as_str().to_string()),
        ("created", &m.created),
        ("updated", &m.updated),
        ("questionnaire_id", &m.questionnaire_id),
        ("questionnaire_version", &m.questionnaire_version),
    ] {
        file.meta.insert(k.into(), toml::Value::String(v.clone()));
    }
    file.to_toml(Some(q))
}

/// True when question `id`'s answer is the company's own (from its
/// self-assessment, not changed since the import).
pub fn from_company(s: &Session, id: &str) -> bool {
    let m = &s.meta;
    if !m.self_answers.iter().any(|x| x == id) {
        return false;
    }
    let since = m.imported_at.as_deref().unwrap_or("");
    !m.history
        .iter()
        .any(|h| h.question == id && h.at.as_str() > since)
}
