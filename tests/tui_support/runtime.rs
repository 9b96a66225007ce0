//! The wizard with its runtime on a real data directory: keys go through
//! [`Runtime::dispatch`] as the event loop sends them, each followed by the
//! store work it started.

use std::path::Path;
use std::sync::Arc;

use behovsanalys::i18n::Lang;
use behovsanalys::questionnaire::Questionnaire;
use behovsanalys::session::SessionMode;
use behovsanalys::tui::app::{App, Clock};
use behovsanalys::tui::keymap::parse_keys;
use behovsanalys::tui::{Msg, Runtime};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// An app in `lang` and `mode` and its runtime on the data directory
/// `dir`, at a fixed time (documents dated 2026-11-25); new sessions get
/// `id`.
pub fn wizard(
    dir: &Path,
    q: &Arc<Questionnaire>,
    lang: &str,
    mode: SessionMode,
    id: fn() -> String,
) -> (App, Runtime) {
    let mut a = App::new(Arc::clone(q), Lang::from_code(lang).unwrap(), mode, "/tmp");
    a.clock = Clock {
        now: || "2026-11-25T10:42:00Z".to_string(),
        new_id: id,
    };
    a.export_date = Some("2026-11-25".into());
    (a, Runtime::new(Some(dir.to_path_buf()), Arc::clone(q)))
}

/// Presses keys written as a string (`"Enter Tab C-c"`), each through the
/// runtime, waiting for the store work each starts.
pub fn press(a: &mut App, rt: &mut Runtime, keys: &str) {
    for k in parse_keys(keys).unwrap() {
        rt.dispatch(a, Msg::Key(k));
        rt.settle(a);
    }
}

/// Types text into the focused field.
pub fn typ(a: &mut App, rt: &mut Runtime, text: &str) {
    for c in text.chars() {
        rt.dispatch(
            a,
            Msg::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)),
        );
    }
}
