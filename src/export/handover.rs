//! The hand-over file: what a company sends its advisor after a
//! self-assessment (`behovsanalys export --handover`, the wizard's `x` in
//! `--self`). An answers file (docs/sessions.md) with only what is the
//! company's own:
//!
//! - `[company]` with `[company.contact]`;
//! - `[answers]` to questions that are not advisor-only (an answer kept
//!   for a question the questionnaire no longer has is left out: nobody
//!   can tell whose it was);
//! - `[consent]`: the actors the company asks to be referred to (the
//!   advisor's import turns them into requests, never into consent);
//! - `[notes]` on questions that are not advisor-only;
//! - a minimal `[meta]` (`id`, `created`, `updated`, `mode = "self"`,
//!   `origin`) so that importing the same file twice is recognised.
//!
//! Never `[private_notes]`, advisor-only answers or notes, the history of
//! changes (it holds every answer ever given), attendees, the consent log
//! or keys this version does not know.

use crate::answers::{AnswersFile, Company, Contact};
use crate::questionnaire::{Audience, Questionnaire};
use crate::session::Session;

/// `[meta] origin` of a hand-over file.
pub const ORIGIN: &str = crate::session::ORIGIN_SELF_ASSESSMENT;

/// Whether a question id is the company's: a question of `q` that is not
/// advisor-only.
fn company_question(q: &Questionnaire, id: &str) -> bool {
    q.question(id)
        .is_some_and(|qi| q.questions[qi].audience != Audience::Advisor)
}

/// The hand-over file's content as an answers file.
pub fn answers(s: &Session, q: &Questionnaire) -> AnswersFile {
    let a = &s.answers;
    let c = &a.company;
    let contact = c.contact.as_ref().map(|p| Contact {
        name: p.name.clone(),
        role: p.role.clone(),
        phone: p.phone.clone(),
        email: p.email.clone(),
        extra: toml::Table::new(),
    });
    let mut file = AnswersFile::new(q);
    file.company = Company {
        name: c.name.clone(),
        org_number: c.org_number.clone(),
        municipality: c.municipality.clone(),
        sni: c.sni.clone(),
        employees: c.employees,
        contact: contact.filter(|p| !p.is_empty()),
        extra: toml::Table::new(),
    };
    file.answers = a
        .answers
        .iter()
        .filter(|(id, _)| company_question(q, id))
        .map(|(id, v)| (id.clone(), v.clone()))
        .collect();
    file.consent = a
        .consent
        .iter()
        .filter(|(actor, given)| **given && q.actor(actor).is_some())
        .map(|(actor, _)| (actor.clone(), true))
        .collect();
    file.notes = a
        .notes
        .iter()
        .filter(|(id, note)| company_question(q, id) && !note.trim().is_empty())
        .map(|(id, note)| (id.clone(), note.clone()))
        .collect();
    let mut meta = toml::Table::new();
    let m = &s.meta;
    if crate::session::valid_id(&m.id) {
        meta.insert("id".into(), m.id.clone().into());
    }
    for (k, v) in [("created", &m.created), ("updated", &m.updated)] {
        if !v.is_empty() {
            meta.insert(k.into(), v.clone().into());
        }
    }
    meta.insert(
        "mode".into(),
        crate::session::SessionMode::SelfAssessment.as_str().into(),
    );
    meta.insert("origin".into(), ORIGIN.into());
    file.meta = meta;
    file
}

/// The hand-over file (TOML, the answers-file format).
pub fn render(s: &Session, q: &Questionnaire) -> String {
    answers(s, q).to_toml(Some(q))
}

/// The file's name: `sjalvskattning_<company>.toml`.
pub fn file_name(s: &Session) -> String {
    let company = s.answers.company.name.as_deref().unwrap_or("foretag");
    super::file_name_with(&["självskattning", company], "toml")
}
