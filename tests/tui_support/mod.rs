//! Shared helpers of the wizard tests: an app with a fixed clock and ids,
//! and key presses.
#![allow(dead_code)]

use behovsanalys::questionnaire;
use behovsanalys::session::SessionMode;
use behovsanalys::tui::app::{App, Clock};
use behovsanalys::tui::{Effect, Msg, update};
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
