//! Keys → actions. Letters are shortcuts only outside text fields; the
//! function keys and Ctrl combinations work everywhere, so `q` and `v`
//! stay typeable inside a field.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Up,
    Down,
    Left,
    Right,
    Enter,
    Esc,
    Tab,
    BackTab,
    Space,
    Digit(u8),
    Help,
    Lang,
    Note,
    PrivateNote,
    Unknown,
    NotApplicable,
    Needs,
    Summary,
    Compact,
    Quit,
    Interrupt,
    Next,
    Prev,
    Clear,
    Export,
    /// Start a follow-up visit (resume list).
    FollowUp,
    Yes,
    No,
}

/// Keys that act even while a text field has focus.
pub fn global(key: &KeyEvent) -> Option<Action> {
    if key.kind != KeyEventKind::Press {
        return None;
    }
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    Some(match key.code {
        KeyCode::Char('c') if ctrl => Action::Interrupt,
        KeyCode::Char('n') if ctrl => Action::Next,
        KeyCode::Char('p') if ctrl => Action::Prev,
        KeyCode::PageDown => Action::Next,
        KeyCode::PageUp => Action::Prev,
        KeyCode::F(1) => Action::Help,
        KeyCode::F(2) => Action::Lang,
        KeyCode::F(3) => Action::Note,
        KeyCode::F(4) => Action::PrivateNote,
        KeyCode::F(5) => Action::Unknown,
        KeyCode::F(6) => Action::NotApplicable,
        KeyCode::F(7) => Action::Needs,
        KeyCode::F(8) => Action::Summary,
        KeyCode::F(9) => Action::Compact,
        KeyCode::F(10) => Action::Export,
        KeyCode::Enter => Action::Enter,
        KeyCode::Esc => Action::Esc,
        KeyCode::Tab => Action::Tab,
        KeyCode::BackTab => Action::BackTab,
        KeyCode::Up => Action::Up,
        KeyCode::Down => Action::Down,
        _ => return None,
    })
}

/// Keys outside text fields: the global ones plus letter shortcuts.
pub fn normal(key: &KeyEvent) -> Option<Action> {
    if let Some(a) = global(key) {
        return Some(a);
    }
    if key.kind != KeyEventKind::Press
        || key
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
    {
        return None;
    }
    Some(match key.code {
        KeyCode::Left | KeyCode::Char('h') => Action::Left,
        KeyCode::Right | KeyCode::Char('l') => Action::Right,
        KeyCode::Char('k') => Action::Up,
        KeyCode::Char('j') => Action::Down,
        KeyCode::Char(' ') => Action::Space,
        KeyCode::Char(c @ '0'..='9') => Action::Digit(c as u8 - b'0'),
        KeyCode::Char('?') => Action::Help,
        KeyCode::Char('n') => Action::Note,
        KeyCode::Char('p') => Action::PrivateNote,
        KeyCode::Char('v') | KeyCode::Char('u') => Action::Unknown,
        KeyCode::Char('e') => Action::NotApplicable,
        KeyCode::Char('b') => Action::Needs,
        KeyCode::Char('s') => Action::Summary,
        KeyCode::Char('c') => Action::Compact,
        KeyCode::Char('q') => Action::Quit,
        KeyCode::Char('x') => Action::Export,
        KeyCode::Char('f') => Action::FollowUp,
        KeyCode::Delete | KeyCode::Backspace => Action::Clear,
        _ => return None,
    })
}

/// Keys of a yes/no question.
pub fn confirm(key: &KeyEvent) -> Option<Action> {
    if key.kind != KeyEventKind::Press {
        return None;
    }
    match key.code {
        KeyCode::Char('y' | 'Y' | 'j' | 'J' | 'q') | KeyCode::Enter => Some(Action::Yes),
        KeyCode::Char('c') if key.modifiers.contains(KeyModifiers::CONTROL) => Some(Action::Yes),
        KeyCode::Char('n' | 'N') | KeyCode::Esc => Some(Action::No),
        _ => None,
    }
}
