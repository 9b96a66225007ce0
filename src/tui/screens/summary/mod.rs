//! The summary: needs, open questions, actors with consent, export.

mod draw;

pub use draw::draw;

use std::path::PathBuf;

use ratatui::crossterm::event::KeyEvent;

use crate::i18n::Lang;
use crate::session::Session;

use crate::tui::app::*;
use crate::tui::keymap::{
    self, Action, BACKTAB, Binding, ENTER, ESC, Keymap, LEFT, PGDN, PGUP, SPACE, TAB, UP, ch, ctrl,
    f,
};
use crate::tui::update::*;
use crate::tui::widgets::input::Input;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SummaryFocus {
    Actors,
    Path,
}

#[derive(Debug, Clone)]
pub struct SummaryState {
    pub cursor: usize,
    pub focus: SummaryFocus,
    /// The folder exports are written to.
    pub path: Input,
    pub scroll: u16,
}

impl SummaryState {
    pub fn new(export_dir: &str) -> SummaryState {
        SummaryState {
            cursor: 0,
            focus: SummaryFocus::Actors,
            path: Input::new(export_dir),
            scroll: 0,
        }
    }
}

/// What an export writes.
#[derive(Debug, Clone)]
pub struct ExportJob {
    pub dir: PathBuf,
    pub session: Box<Session>,
    pub lang: Lang,
    /// Actors (ids) with consent: one referral each.
    pub actors: Vec<String>,
    /// Self-assessment: also write the answers file for the advisor.
    pub self_file: bool,
    /// The documents' date (`YYYY-MM-DD`; default today).
    pub date: Option<String>,
}

fn on_actors(app: &App) -> bool {
    app.summary.focus == SummaryFocus::Actors
}

fn on_path(app: &App) -> bool {
    app.summary.focus == SummaryFocus::Path
}

pub const KEYS: Keymap = Keymap {
    bindings: &[
        // The export folder (first: its Enter is the one the hint names).
        Binding::new(
            &[ENTER, f(10)],
            Action::Export,
            |w| w.h_ok,
            |w| w.help_export,
        )
        .when(on_path),
        Binding::new(
            &[TAB, ESC, BACKTAB, UP],
            Action::Back,
            |w| w.h_to_question,
            |w| w.help_to_actors,
        )
        .show(2)
        .when(on_path),
        // The actors.
        keymap::MOVE_UP.when(on_actors),
        keymap::MOVE_DOWN.when(on_actors),
        Binding::new(
            &[SPACE, ENTER],
            Action::Space,
            |w| w.h_consent,
            |w| w.help_consent,
        )
        .when(on_actors),
        Binding::new(
            &[TAB, BACKTAB],
            Action::Tab,
            |w| w.h_to_folder,
            |w| w.help_to_folder,
        )
        .when(on_actors),
        Binding::new(
            &[ch('x'), f(10)],
            Action::Export,
            |w| w.h_export,
            |w| w.help_export,
        )
        .when(on_actors),
        Binding::new(
            &[PGUP, ctrl('p')],
            Action::Prev,
            |w| w.h_scroll,
            |w| w.help_scroll_up,
        )
        .when(on_actors),
        Binding::new(
            &[PGDN, ctrl('n')],
            Action::Next,
            |w| w.h_scroll,
            |w| w.help_scroll_down,
        )
        .when(on_actors),
        Binding::new(
            &[ESC, LEFT, ch('h')],
            Action::Back,
            |w| w.h_back,
            |w| w.help_back_questions,
        )
        .when(on_actors),
        Binding::quiet(&[ch('b'), f(7)], Action::Needs, |w| w.help_needs).when(on_actors),
        keymap::ADVISOR_ON.when(|a| on_actors(a) && (keymap::ADVISOR_ON.when)(a)),
        keymap::ADVISOR_OFF,
        keymap::LANG,
        keymap::HELP,
        keymap::QUIT,
    ],
    in_field: on_path,
};

pub fn act(app: &mut App, action: Action) -> Vec<Effect> {
    if on_path(app) {
        match action {
            Action::Export => return export(app),
            Action::Back => app.summary.focus = SummaryFocus::Actors,
            Action::Quit => ask_quit(app),
            _ => {}
        }
        return vec![];
    }
    let n = app.ranked().len();
    match action {
        Action::Up => app.summary.cursor = app.summary.cursor.saturating_sub(1),
        Action::Down => app.summary.cursor = (app.summary.cursor + 1).min(n.saturating_sub(1)),
        Action::Space => return toggle_consent(app),
        Action::Tab => app.summary.focus = SummaryFocus::Path,
        Action::Export => return export(app),
        Action::Next => app.summary.scroll = app.summary.scroll.saturating_add(5),
        Action::Prev => app.summary.scroll = app.summary.scroll.saturating_sub(5),
        Action::Back => {
            goto(app, Screen::Questions);
            app.qs.focus = Focus::Question;
        }
        Action::Needs => app.show_needs = !app.show_needs,
        Action::Quit => ask_quit(app),
        _ => {}
    }
    vec![]
}

/// Typing into the export folder.
pub fn typed(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    app.summary.path.handle_key(key);
    vec![]
}

/// A pasted folder.
pub fn paste(app: &mut App, text: &str) {
    if on_path(app) {
        app.summary.path.insert_str(text.trim());
    }
}

fn toggle_consent(app: &mut App) -> Vec<Effect> {
    let Some(actor) = app.ranked().get(app.summary.cursor).map(|r| r.actor) else {
        return vec![];
    };
    let id = app.q.actors[actor].id.clone();
    let now = (app.clock.now)();
    let is_self = app.is_self();
    let Some(s) = app.open.as_mut().map(|o| &mut o.session) else {
        return vec![];
    };
    let given = s.answers.consent.get(&id) != Some(&true);
    // Recorded by the first attendee (normally the advisor); in a
    // self-assessment the company gives it itself.
    let advisor = s
        .meta
        .attendees
        .first()
        .map(|a| a.name.trim().to_string())
        .filter(|n| !n.is_empty());
    let company = s.answers.company.name.clone().filter(|_| is_self);
    s.record_consent(&id, given, &now, company.as_deref(), advisor.as_deref());
    save(app).into_iter().collect()
}

fn export(app: &mut App) -> Vec<Effect> {
    let Some(s) = app.session() else {
        return vec![];
    };
    let dir = app.summary.path.text().trim();
    let dir = if dir.is_empty() { "." } else { dir };
    let actors = app
        .ranked()
        .iter()
        .map(|r| app.q.actors[r.actor].id.clone())
        .filter(|id| s.answers.consent.get(id) == Some(&true))
        .collect();
    vec![Effect::Export(Box::new(ExportJob {
        dir: PathBuf::from(dir),
        session: Box::new(s.clone()),
        lang: app.lang,
        actors,
        self_file: app.is_self(),
        date: app.export_date.clone(),
    }))]
}
