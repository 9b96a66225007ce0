//! The summary: needs, open questions, actors with consent, export.

mod blocks;
mod draw;

pub use draw::{draw, window};

use std::cell::Cell;
use std::path::PathBuf;

use ratatui::crossterm::event::KeyEvent;

use crate::i18n::{Lang, room};
use crate::session::Session;

use crate::tui::app::*;
use crate::tui::consent;
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
    /// The line the scrolled parts start at (PgDn/PgUp).
    pub scroll: u16,
    /// Keep the selected actor in view (after ↑↓) rather than `scroll`.
    pub follow: bool,
    /// The line the last frame started at, and the lines of a page there
    /// (the drawing tells; paging goes on from what was seen).
    pub drawn: Cell<u16>,
    pub page: Cell<u16>,
    /// The furthest the last frame could scroll.
    pub max: Cell<u16>,
}

impl SummaryState {
    pub fn new(export_dir: &str) -> SummaryState {
        SummaryState {
            cursor: 0,
            focus: SummaryFocus::Actors,
            path: Input::new(export_dir),
            scroll: 0,
            follow: true,
            drawn: Cell::new(0),
            page: Cell::new(10),
            max: Cell::new(u16::MAX),
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
        .when(|a| on_actors(a) && !a.is_self()),
        Binding::new(
            &[SPACE, ENTER],
            Action::Space,
            |w| room::words(w.lang).h_request,
            |w| room::words(w.lang).help_request,
        )
        .when(|a| on_actors(a) && a.is_self()),
        Binding::new(
            &[ch('w')],
            Action::ConsentWho,
            |w| room::words(w.lang).h_who,
            |w| room::words(w.lang).help_who,
        )
        .when(|a| on_actors(a) && !a.is_self()),
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
        keymap::ADVISOR_ON.when(|a| on_actors(a) && (keymap::ADVISOR_ON.when)(a)),
        keymap::ADVISOR_OFF,
        keymap::LANG,
        keymap::HELP,
        Binding::new(
            &[ch('r')],
            Action::Referrals,
            |w| w.referrals.h_referrals,
            |w| w.referrals.help_referrals,
        )
        .when(|a| on_actors(a) && !a.is_self()),
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
    // The actors, then the advice for the company (when there is any).
    let n = app.ranked().len() + usize::from(!advice(app).is_empty());
    match action {
        Action::Up => {
            app.summary.cursor = app.summary.cursor.saturating_sub(1);
            follow(app);
        }
        Action::Down => {
            app.summary.cursor = (app.summary.cursor + 1).min(n.saturating_sub(1));
            follow(app);
        }
        Action::Space => return toggle_consent(app),
        Action::ConsentWho => consent::ask(app),
        Action::Tab => app.summary.focus = SummaryFocus::Path,
        Action::Export => return export(app),
        Action::Next | Action::Prev => {
            let sm = &mut app.summary;
            let step = sm.page.get().saturating_sub(1).max(1);
            let from = if sm.follow { sm.drawn.get() } else { sm.scroll };
            sm.scroll = if action == Action::Next {
                from.saturating_add(step).min(sm.max.get())
            } else {
                from.min(sm.max.get()).saturating_sub(step)
            };
            sm.follow = false;
        }
        Action::Back => {
            goto(app, Screen::Questions);
            app.qs.focus = Focus::Question;
        }
        Action::Referrals => return super::referrals::show_session(app),
        Action::Quit => ask_quit(app),
        _ => {}
    }
    vec![]
}

/// After ↑↓: the selected actor in view, its details from the top.
fn follow(app: &mut App) {
    app.summary.follow = true;
    app.summary.scroll = 0;
}

/// The advice for the company (indices into the questionnaire's advice),
/// in the order it came up.
pub fn advice(app: &App) -> Vec<usize> {
    app.eval()
        .map(|e| e.advice.iter().map(|h| h.advice).collect())
        .unwrap_or_default()
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
    consent::toggle(app, &id)
}

fn export(app: &mut App) -> Vec<Effect> {
    let Some(s) = app.session() else {
        return vec![];
    };
    let dir = app.summary.path.text().trim();
    let dir = if dir.is_empty() { "." } else { dir };
    // A company writes no referrals: its ticks are requests, carried in
    // the hand-over file.
    let actors: Vec<String> = app
        .ranked()
        .iter()
        .map(|r| app.q.actors[r.actor].id.clone())
        .filter(|id| !app.is_self() && s.answers.consent.get(id) == Some(&true))
        .collect();
    // The documents are as of now (the hand-over says when it was filled
    // in).
    let mut session = Box::new(s.clone());
    session.meta.updated = (app.clock.now)();
    let job = ExportJob {
        dir: PathBuf::from(dir),
        session,
        lang: app.lang,
        actors,
        self_file: app.is_self(),
        date: app.export_date.clone(),
    };
    // The referrals are recorded as sent when the export succeeds.
    super::referrals::exporting(app, &job.actors);
    vec![Effect::Export(Box::new(job))]
}
