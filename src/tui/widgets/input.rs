//! A small one-line text input: cursor, editing, word moves, paste.

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::{Position, Rect};
use ratatui::text::Span;
use ratatui::widgets::Paragraph;

use crate::tui::theme::Theme;
use crate::tui::widgets::pad;

/// Longest input accepted, in characters (answers and notes are capped the
/// same way by the answers file).
pub const MAX_CHARS: usize = crate::answers::MAX_TEXT_CHARS;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Input {
    text: String,
    /// Cursor position in characters.
    cursor: usize,
    /// The whole text is selected (an earlier answer shown again): typing
    /// or pasting replaces it, Backspace/Delete clear it, a move keeps it.
    selected: bool,
}

impl Input {
    pub fn new(text: &str) -> Self {
        let text = clean(text);
        let cursor = text.chars().count();
        Input {
            text,
            cursor,
            selected: false,
        }
    }

    /// An input showing an earlier answer, selected as a whole: typing
    /// a new value replaces it instead of appending to it ("40" then "45"
    /// gives 45, not 4045).
    pub fn selected(text: &str) -> Self {
        let mut i = Input::new(text);
        i.selected = !i.text.is_empty();
        i
    }

    /// Whether the whole text is selected (drawn as a selection).
    pub fn is_selected(&self) -> bool {
        self.selected
    }

    /// Drops a selection: the selected text goes, the cursor at the start.
    fn take_selection(&mut self) {
        if std::mem::take(&mut self.selected) {
            self.text.clear();
            self.cursor = 0;
        }
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn cursor(&self) -> usize {
        self.cursor
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    fn len(&self) -> usize {
        self.text.chars().count()
    }

    fn byte(&self, char_idx: usize) -> usize {
        self.text
            .char_indices()
            .nth(char_idx)
            .map_or(self.text.len(), |(i, _)| i)
    }

    pub fn insert_str(&mut self, s: &str) {
        self.take_selection();
        let s = clean(s);
        let room = MAX_CHARS.saturating_sub(self.len());
        let s: String = s.chars().take(room).collect();
        let at = self.byte(self.cursor);
        self.text.insert_str(at, &s);
        self.cursor += s.chars().count();
    }

    pub fn set(&mut self, s: &str) {
        *self = Input::new(s);
    }

    /// Handles an editing key; returns false when the key is not an editing key.
    pub fn handle_key(&mut self, key: KeyEvent) -> bool {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        let alt = key.modifiers.contains(KeyModifiers::ALT);
        if self.selected {
            match key.code {
                KeyCode::Char(_) if !ctrl && !alt => {}
                KeyCode::Backspace | KeyCode::Delete => {
                    self.take_selection();
                    return true;
                }
                // Any other editing key works on the text as it is.
                _ => self.selected = false,
            }
        }
        match key.code {
            KeyCode::Char(c) if !ctrl && !alt => {
                let mut b = [0u8; 4];
                self.insert_str(c.encode_utf8(&mut b));
            }
            KeyCode::Char('a') if ctrl => self.cursor = 0,
            KeyCode::Char('e') if ctrl => self.cursor = self.len(),
            KeyCode::Char('u') if ctrl => {
                let at = self.byte(self.cursor);
                self.text.replace_range(..at, "");
                self.cursor = 0;
            }
            KeyCode::Char('k') if ctrl => {
                let at = self.byte(self.cursor);
                self.text.truncate(at);
            }
            KeyCode::Char('w') if ctrl => self.delete_word_back(),
            KeyCode::Backspace if ctrl || alt => self.delete_word_back(),
            KeyCode::Backspace => {
                if self.cursor > 0 {
                    let (a, b) = (self.byte(self.cursor - 1), self.byte(self.cursor));
                    self.text.replace_range(a..b, "");
                    self.cursor -= 1;
                }
            }
            KeyCode::Delete => {
                if self.cursor < self.len() {
                    let (a, b) = (self.byte(self.cursor), self.byte(self.cursor + 1));
                    self.text.replace_range(a..b, "");
                }
            }
            KeyCode::Left if ctrl || alt => self.cursor = self.word_left(),
            KeyCode::Right if ctrl || alt => self.cursor = self.word_right(),
            KeyCode::Left => self.cursor = self.cursor.saturating_sub(1),
            KeyCode::Right => self.cursor = (self.cursor + 1).min(self.len()),
            KeyCode::Home => self.cursor = 0,
            KeyCode::End => self.cursor = self.len(),
            _ => return false,
        }
        true
    }

    fn chars(&self) -> Vec<char> {
        self.text.chars().collect()
    }

    fn word_left(&self) -> usize {
        let c = self.chars();
        let mut i = self.cursor.min(c.len());
        while i > 0 && c[i - 1].is_whitespace() {
            i -= 1;
        }
        while i > 0 && !c[i - 1].is_whitespace() {
            i -= 1;
        }
        i
    }

    fn word_right(&self) -> usize {
        let c = self.chars();
        let mut i = self.cursor.min(c.len());
        while i < c.len() && c[i].is_whitespace() {
            i += 1;
        }
        while i < c.len() && !c[i].is_whitespace() {
            i += 1;
        }
        i
    }

    fn delete_word_back(&mut self) {
        let to = self.word_left();
        let (a, b) = (self.byte(to), self.byte(self.cursor));
        self.text.replace_range(a..b, "");
        self.cursor = to;
    }

    /// The visible part of the text in `width` columns and the cursor's
    /// column in it (the view scrolls so that the cursor stays visible).
    pub fn visible(&self, width: usize) -> (String, usize) {
        let width = width.max(1);
        let chars = self.chars();
        let w = |c: &char| {
            let mut b = [0u8; 4];
            Span::raw(&*c.encode_utf8(&mut b)).width()
        };
        // Start as far left as possible while keeping the cursor in view:
        // walk back from the cursor while the text before it fits.
        let cursor = self.cursor.min(chars.len());
        let mut start = cursor;
        let mut col = 0;
        while start > 0 && col + w(&chars[start - 1]) < width {
            start -= 1;
            col += w(&chars[start]);
        }
        let mut out = String::new();
        let mut used = 0;
        for c in &chars[start..] {
            let cw = w(c);
            if used + cw > width {
                break;
            }
            used += cw;
            out.push(*c);
        }
        (out, col)
    }
}

/// An input field: its visible text, underlined, and the cursor if focused.
pub fn draw_input(frame: &mut Frame, theme: &Theme, input: &Input, area: Rect, focused: bool) {
    let (shown, col) = input.visible(area.width.saturating_sub(1) as usize);
    let style = if focused && input.is_selected() {
        // Reversed (visible without colour): the next key replaces it.
        theme
            .field()
            .patch(theme.strong())
            .add_modifier(ratatui::style::Modifier::REVERSED)
    } else if focused {
        theme.field().patch(theme.strong())
    } else {
        theme.field()
    };
    frame.render_widget(
        Paragraph::new(pad(&shown, area.width as usize)).style(style),
        area,
    );
    if focused {
        frame.set_cursor_position(Position::new(area.x + col as u16, area.y));
    }
}

/// Input text is one line: newlines and tabs become spaces, control and
/// bidi-override characters are replaced.
fn clean(s: &str) -> String {
    let s = s.replace("\r\n", " ");
    crate::text::sanitize_line(&s)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn edits_with_unicode() {
        let mut i = Input::new("");
        for c in "Växjö".chars() {
            i.handle_key(key(KeyCode::Char(c)));
        }
        assert_eq!(i.text(), "Växjö");
        i.handle_key(key(KeyCode::Left));
        i.handle_key(key(KeyCode::Backspace));
        assert_eq!(i.text(), "Växö");
        assert_eq!(i.cursor(), 3);
        i.handle_key(key(KeyCode::Home));
        i.handle_key(key(KeyCode::Delete));
        assert_eq!(i.text(), "äxö");
        i.handle_key(key(KeyCode::End));
        i.insert_str("a\nb\u{1b}");
        assert_eq!(i.text(), "äxöa b\u{FFFD}");
    }

    #[test]
    fn an_answer_shown_again_is_replaced_by_typing() {
        let mut i = Input::selected("40");
        assert!(i.is_selected());
        i.handle_key(key(KeyCode::Char('4')));
        i.handle_key(key(KeyCode::Char('5')));
        assert_eq!(i.text(), "45");
        assert!(!i.is_selected());
        // Backspace clears a selection whole.
        let mut i = Input::selected("40");
        i.handle_key(key(KeyCode::Backspace));
        assert_eq!((i.text(), i.cursor()), ("", 0));
        // A move ends the selection and edits the text as it is.
        let mut i = Input::selected("40");
        i.handle_key(key(KeyCode::Left));
        i.handle_key(key(KeyCode::Char('1')));
        assert_eq!(i.text(), "410");
        // A paste replaces it too.
        let mut i = Input::selected("40");
        i.insert_str("12");
        assert_eq!(i.text(), "12");
    }

    #[test]
    fn word_delete_and_scroll() {
        let mut i = Input::new("hej på dig");
        i.handle_key(KeyEvent::new(KeyCode::Char('w'), KeyModifiers::CONTROL));
        assert_eq!(i.text(), "hej på ");
        let (shown, col) = Input::new("abcdefghij").visible(5);
        assert_eq!(shown, "ghij");
        assert_eq!(col, 4);
        let (shown, col) = Input::new("").visible(5);
        assert_eq!((shown.as_str(), col), ("", 0));
    }
}
