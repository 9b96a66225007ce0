//! Shared helpers of the wizard tests: an app with a fixed clock and ids,
//! and key presses.
#![allow(dead_code)]

use behovsanalys::questionnaire;
use behovsanalys::session::{Meta, Session, SessionMode};
use behovsanalys::tui::app::{App, Clock};
use behovsanalys::tui::{Effect, Msg, OpenKind, Opened, update};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

pub fn app(lang: &str, mode: SessionMode) -> App {
    let q = questionnaire::builtin().unwrap().questionnaire;
    let mut a = App::new(q, lang, mode, "/tmp/export");
    a.clock = Clock {
        now: || "2026-01-15T09:00:00Z".to_string(),
        new_id: || "20260115-090000-abcd".to_string(),
    };
    a
}

pub fn press(app: &mut App, code: KeyCode) -> Vec<Effect> {
    update(app, Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)))
}

pub fn ctrl(app: &mut App, c: char) -> Vec<Effect> {
    update(
        app,
        Msg::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)),
    )
}

pub fn typ(app: &mut App, text: &str) -> Vec<Effect> {
    let mut fx = vec![];
    for c in text.chars() {
        fx.extend(press(app, KeyCode::Char(c)));
    }
    fx
}

/// A key release (Windows sends these too): must be ignored.
pub fn release(app: &mut App, code: KeyCode) -> Vec<Effect> {
    let mut k = KeyEvent::new(code, KeyModifiers::NONE);
    k.kind = KeyEventKind::Release;
    update(app, Msg::Key(k))
}

pub fn current_id(app: &App) -> String {
    app.q.questions[app.qs.cur].id.clone()
}

/// Start → new session → skip the company form → first question.
pub fn to_questions(app: &mut App) {
    press(app, KeyCode::Enter);
    press(app, KeyCode::PageDown);
}

/// A session with these answers, as the runtime would hand it over after
/// opening (and locking) it.
pub fn session_with(app: &App, answers: behovsanalys::answers::AnswersFile) -> Session {
    Session {
        answers,
        meta: Meta {
            id: "20260115-090000-abcd".into(),
            created: "2026-01-15T09:00:00Z".into(),
            updated: "2026-01-15T09:30:00Z".into(),
            mode: app.mode,
            questionnaire_id: app.q.id.clone(),
            questionnaire_version: app.q.version.clone(),
            questionnaire_hash: app.q.hash.clone(),
            ..Meta::default()
        },
    }
}

/// The message of a session opened by the runtime.
pub fn opened(session: Session, kind: OpenKind) -> Msg {
    Msg::Opened(Ok(Box::new(Opened {
        session,
        kind,
        drift: Default::default(),
        previous: None,
    })))
}

/// How an imported file is reported.
pub fn imported_kind() -> OpenKind {
    OpenKind::Imported {
        file: "självskattning.toml".into(),
        existing: None,
        warnings: vec![],
    }
}
