//! Shared helpers of the wizard tests: an app with a fixed clock and ids,
//! and key presses.
#![allow(dead_code)]

use behovsanalys::i18n::Lang;
use behovsanalys::questionnaire;
use behovsanalys::session::{Meta, Session, SessionMode};
use behovsanalys::tui::app::{App, Clock};
use behovsanalys::tui::keymap::parse_keys;
use behovsanalys::tui::theme::Theme;
use behovsanalys::tui::view;
use behovsanalys::tui::{Effect, Msg, OpenKind, Opened, update};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// The whole frame as text, `w`×`h`, without colour.
pub fn draw(app: &App, w: u16, h: u16) -> String {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| view::view(app, &Theme { color: false }, f))
        .unwrap();
    t.backend().to_string()
}

pub fn app(lang: &str, mode: SessionMode) -> App {
    let q = questionnaire::builtin().unwrap().questionnaire;
    let mut a = App::new(q, Lang::from_code(lang).unwrap(), mode, "/tmp/export");
    a.clock = Clock {
        now: || "2026-01-15T09:00:00Z".to_string(),
        new_id: || "20260115-090000-abcd".to_string(),
    };
    a
}

/// Presses keys written as a string, e.g. `"1 Down Down Space Enter v
/// C-n PgDn ?"` (see `keymap::parse_keys`); the effects of all of them.
pub fn press(app: &mut App, keys: &str) -> Vec<Effect> {
    let events = parse_keys(keys).unwrap_or_else(|e| panic!("{keys:?}: {e}"));
    events
        .into_iter()
        .flat_map(|k| update(app, Msg::Key(k)))
        .collect()
}

/// Types text into the focused field, character by character.
pub fn typ(app: &mut App, text: &str) -> Vec<Effect> {
    let mut fx = vec![];
    for c in text.chars() {
        fx.extend(update(
            app,
            Msg::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)),
        ));
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
    press(app, "Enter PgDn");
}

/// Pages forward to question `id`.
pub fn goto(app: &mut App, id: &str) {
    for _ in 0..200 {
        if current_id(app) == id {
            return;
        }
        press(app, "PgDn");
    }
    panic!("question {id} not reached");
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

/// Who holds a lock: Anna, process `pid`.
pub fn holder(pid: u32) -> behovsanalys::session::Holder {
    behovsanalys::session::Holder {
        user: "anna".into(),
        host: "laptop".into(),
        pid,
        since: "2026-01-15T09:00:00Z".into(),
    }
}
pub mod runtime;
pub mod secret;
