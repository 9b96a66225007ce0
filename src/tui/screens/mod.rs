//! The wizard's screens. Each holds its state, its keymap, what its
//! actions do, how typing into its fields works, and its drawing.

pub mod company;
pub mod open_file;
pub mod questions;
pub mod referrals;
pub mod resume;
pub mod start;
pub mod summary;

use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;

use crate::i18n::tui::Words;

use super::app::{App, Screen};
use super::keymap::{Action, Keymap};
use super::theme::Theme;
use super::update::Effect;

/// The keymap of a screen.
pub fn keymap(screen: Screen) -> &'static Keymap {
    match screen {
        Screen::Start => &start::KEYS,
        Screen::Resume => &resume::KEYS,
        Screen::OpenFile => &open_file::KEYS,
        Screen::Company => &company::KEYS,
        Screen::Questions => &questions::KEYS,
        Screen::Summary => &summary::KEYS,
        Screen::Referrals => &referrals::KEYS,
    }
}

/// An action on the current screen.
pub fn act(app: &mut App, action: Action) -> Vec<Effect> {
    match app.screen {
        Screen::Start => start::act(app, action),
        Screen::Resume => resume::act(app, action),
        Screen::OpenFile => open_file::act(app, action),
        Screen::Company => company::act(app, action),
        Screen::Questions => questions::act(app, action),
        Screen::Summary => summary::act(app, action),
        Screen::Referrals => referrals::act(app, action),
    }
}

/// A key typed into the focused text field of the current screen.
pub fn typed(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    match app.screen {
        Screen::OpenFile => open_file::typed(app, key),
        Screen::Company => company::typed(app, key),
        Screen::Questions => questions::typed(app, key),
        Screen::Summary => summary::typed(app, key),
        Screen::Start | Screen::Resume | Screen::Referrals => vec![],
    }
}

/// Text pasted into the focused text field, if any.
pub fn paste(app: &mut App, text: &str) -> Vec<Effect> {
    match app.screen {
        Screen::OpenFile => open_file::paste(app, text),
        Screen::Company => return company::paste(app, text),
        Screen::Questions => questions::paste(app, text),
        Screen::Summary => summary::paste(app, text),
        Screen::Start | Screen::Resume | Screen::Referrals => {}
    }
    vec![]
}

/// Draws the current screen into `area`.
pub fn draw(app: &App, s: &Words, theme: &Theme, frame: &mut Frame, area: Rect) {
    match app.screen {
        Screen::Start => start::draw(app, s, theme, frame, area),
        Screen::Resume => resume::draw(app, s, theme, frame, area),
        Screen::OpenFile => open_file::draw(app, s, theme, frame, area),
        Screen::Company => company::draw(app, s, theme, frame, area),
        Screen::Questions => questions::draw(app, s, theme, frame, area),
        Screen::Summary => summary::draw(app, s, theme, frame, area),
        Screen::Referrals => referrals::draw(app, s, theme, frame, area),
    }
}
