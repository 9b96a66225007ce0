//! A visit holding what only the advisor may see: a private note, answers
//! to every advisor-only question, a note and a private note on one of
//! them. The advisor-only questions' texts and labels carry a marker so
//! that a test can look for them whatever the questionnaire says.

use std::sync::Arc;

use behovsanalys::answers::{self, Answer, Mode};
use behovsanalys::questionnaire::{Audience, Kind, Questionnaire};
use behovsanalys::session::SessionMode;
use behovsanalys::text::Text;
use behovsanalys::tui::app::App;
use behovsanalys::tui::update;

use super::*;

/// The private note of the issue.
pub const PRIVATE_NOTE: &str = "Vd antydde att checkkrediten är nästan fullt utnyttjad";
/// A (shared) note on an advisor-only question.
pub const ADVISOR_Q_NOTE: &str = "Likviditetsbudgeten saknas helt";
/// A private note on an advisor-only question.
pub const ADVISOR_Q_PRIVATE: &str = "Revisorn flaggade fortlevnaden";
/// Marks an advisor-only question's text.
pub const Q_MARK: &str = "QADV";
/// Marks an advisor-only question's option labels and scale ends.
pub const A_MARK: &str = "AADV";

/// Words that must never be on the shared screen (one word each, so that
/// wrapping cannot hide them).
pub const PROBES: &[&str] = &[
    "checkkrediten",
    "utnyttjad",
    "Likviditetsbudgeten",
    "Revisorn",
    Q_MARK,
    A_MARK,
];

fn marked(t: &Text, mark: &str) -> Text {
    Text::from_entries(
        t.entries()
            .map(|(l, s)| (l.to_string(), format!("{s} {mark}")))
            .collect(),
    )
}

/// The built-in questionnaire with the advisor-only questions marked.
pub fn marked_questionnaire() -> Questionnaire {
    let mut q = behovsanalys::questionnaire::builtin()
        .unwrap()
        .questionnaire;
    for question in q.questions.iter_mut() {
        if question.audience != Audience::Advisor {
            continue;
        }
        question.text = marked(&question.text, Q_MARK);
        if let Some(h) = &question.help {
            question.help = Some(marked(h, Q_MARK));
        }
        match &mut question.kind {
            Kind::Single { options } | Kind::Multi { options } => {
                for o in options {
                    o.label = marked(&o.label, A_MARK);
                }
            }
            Kind::Scale { low, high, .. } => {
                *low = low.as_ref().map(|t| marked(t, A_MARK));
                *high = high.as_ref().map(|t| marked(t, A_MARK));
            }
            _ => {}
        }
    }
    q
}

/// Ids of the advisor-only questions.
pub fn advisor_questions(q: &Questionnaire) -> Vec<String> {
    q.questions
        .iter()
        .filter(|x| x.audience == Audience::Advisor)
        .map(|x| x.id.clone())
        .collect()
}

/// An advisor's app on a visit with a company profile's answers, the
/// advisor-only questions answered (the last option: "weak") but one, a
/// private note on a shared question and notes on an advisor-only one.
pub fn secret_visit(lang: &str) -> App {
    let q = marked_questionnaire();
    let mut a = app(lang, SessionMode::Advisor);
    a.q = Arc::new(q);
    let path = format!(
        "{}/tests/fixtures/profiles/maskin_tyskland.toml",
        env!("CARGO_MANIFEST_DIR")
    );
    let mut file = answers::load_file(std::path::Path::new(&path), &a.q, Mode::Lenient)
        .unwrap()
        .answers;
    let advisor = advisor_questions(&a.q);
    assert!(
        !advisor.is_empty(),
        "the questionnaire has advisor-only questions"
    );
    // Every advisor-only question answered but the last (left open: it
    // must not be among the shared summary's open questions either).
    let (open, answered) = advisor.split_last().unwrap();
    file.answers.remove(open);
    for id in answered {
        let i = a.q.question(id).unwrap();
        let answer = match &a.q.questions[i].kind {
            Kind::Single { options } => Answer::Choice(options.last().unwrap().id.clone()),
            Kind::Multi { options } => Answer::Choices(vec![options.last().unwrap().id.clone()]),
            Kind::Scale { min, .. } => Answer::Number(*min as f64),
            Kind::Number { .. } => Answer::Number(1.0),
            Kind::Text => Answer::Text(format!("fritext {A_MARK}")),
        };
        file.answers.insert(id.clone(), answer);
    }
    file.private_notes
        .insert("exporterar".into(), PRIVATE_NOTE.into());
    file.notes.insert(advisor[0].clone(), ADVISOR_Q_NOTE.into());
    file.private_notes
        .insert(advisor[0].clone(), ADVISOR_Q_PRIVATE.into());
    file.company.name = Some("Exempel AB".into());
    let s = session_with(&a, file);
    update(&mut a, opened(s, behovsanalys::tui::OpenKind::Resumed));
    a.notice = None;
    a
}

/// The probes found in `screen`.
pub fn leaks(screen: &str) -> Vec<&'static str> {
    PROBES
        .iter()
        .copied()
        .filter(|p| screen.contains(p))
        .collect()
}
