//! A multi-line text area for free-text answers and notes: the text wraps
//! at word boundaries (long words at any character) instead of scrolling
//! sideways, and the area scrolls up and down to keep the cursor in view.
//!
//! Editing and drawing come from `ratatui-textarea` (the maintained ratatui
//! fork of `tui-textarea`, with soft wrapping since 0.9); this wrapper
//! keeps what goes in safe (no control or bidi characters, at most
//! [`MAX_CHARS`] characters) and decides which keys it gets: the screen's
//! keymap acts first, so Enter saves and Alt-Enter / Ctrl-J start a new
//! line.

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui_textarea::{CursorMove, TextArea, WrapMode};

use crate::tui::theme::Theme;
use crate::tui::widgets::wrap::wrap_at_most;

/// Longest text accepted, in characters (as answers and notes).
pub const MAX_CHARS: usize = crate::answers::MAX_TEXT_CHARS;

/// Most rows a text area grows to before it scrolls.
pub const MAX_ROWS: usize = 8;

#[derive(Clone)]
pub struct TextBox {
    area: TextArea<'static>,
    /// Characters in the text (newlines count as one).
    chars: usize,
}

impl Default for TextBox {
    fn default() -> Self {
        TextBox::new("")
    }
}

impl std::fmt::Debug for TextBox {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TextBox")
            .field("text", &self.text())
            .field("cursor", &self.area.cursor())
            .finish()
    }
}

impl PartialEq for TextBox {
    fn eq(&self, other: &Self) -> bool {
        self.area.lines() == other.area.lines() && self.area.cursor() == other.area.cursor()
    }
}

impl TextBox {
    /// A text area holding `text` (made safe), the cursor at its end.
    pub fn new(text: &str) -> TextBox {
        let text = clean(text);
        let text: String = text.chars().take(MAX_CHARS).collect();
        let chars = text.chars().count();
        let lines: Vec<String> = text.split('\n').map(String::from).collect();
        let mut area = TextArea::new(lines);
        area.set_wrap_mode(WrapMode::WordOrGlyph);
        area.set_cursor_line_style(Style::new());
        area.set_max_histories(100);
        // Styled for focus; an unfocused area is drawn from a restyled copy.
        let style = Theme::field_style().add_modifier(Modifier::BOLD);
        area.set_style(style);
        area.set_cursor_style(style.add_modifier(Modifier::REVERSED));
        area.set_placeholder_text("");
        area.move_cursor(CursorMove::Bottom);
        area.move_cursor(CursorMove::End);
        TextBox { area, chars }
    }

    /// The text, lines joined with `\n`.
    pub fn text(&self) -> String {
        self.area.lines().join("\n")
    }

    pub fn is_empty(&self) -> bool {
        self.area.is_empty()
    }

    /// Inserts text at the cursor (pasted: newlines kept, other control
    /// characters replaced, cut at [`MAX_CHARS`]).
    pub fn insert_str(&mut self, s: &str) {
        let s = clean(s);
        let room = MAX_CHARS.saturating_sub(self.chars);
        let s: String = s.chars().take(room).collect();
        if s.is_empty() {
            return;
        }
        self.chars += s.chars().count();
        self.area.insert_str(s);
    }

    /// Starts a new line at the cursor.
    pub fn newline(&mut self) {
        if self.chars < MAX_CHARS {
            self.area.insert_newline();
            self.chars += 1;
        }
    }

    /// An editing key: typed characters, ←→↑↓ Home End, Backspace, Delete,
    /// word moves and deletes (Ctrl/Alt), Ctrl-A/E line start and end,
    /// Ctrl-K/U delete to the line's end/start, Ctrl-Z/Y undo and redo.
    /// False when the key is not one of them (or changed nothing it could).
    pub fn handle_key(&mut self, key: KeyEvent) -> bool {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        let alt = key.modifiers.contains(KeyModifiers::ALT);
        let a = &mut self.area;
        let handled = match key.code {
            KeyCode::Char(c) if !ctrl && !alt => {
                if !c.is_control() && !crate::text::is_dangerous_char(c) && self.chars < MAX_CHARS {
                    a.insert_char(c);
                }
                true
            }
            KeyCode::Char('a') if ctrl => {
                a.move_cursor(CursorMove::Head);
                true
            }
            KeyCode::Char('e') if ctrl => {
                a.move_cursor(CursorMove::End);
                true
            }
            KeyCode::Char('k') if ctrl => a.delete_line_by_end(),
            KeyCode::Char('u') if ctrl => a.delete_line_by_head(),
            KeyCode::Char('w') if ctrl => a.delete_word(),
            KeyCode::Char('z') if ctrl => a.undo(),
            KeyCode::Char('y') if ctrl => a.redo(),
            KeyCode::Backspace if ctrl || alt => a.delete_word(),
            KeyCode::Backspace => a.delete_char(),
            KeyCode::Delete if ctrl || alt => a.delete_next_word(),
            KeyCode::Delete => a.delete_next_char(),
            KeyCode::Left if ctrl || alt => {
                a.move_cursor(CursorMove::WordBack);
                true
            }
            KeyCode::Right if ctrl || alt => {
                a.move_cursor(CursorMove::WordForward);
                true
            }
            KeyCode::Left => {
                a.move_cursor(CursorMove::Back);
                true
            }
            KeyCode::Right => {
                a.move_cursor(CursorMove::Forward);
                true
            }
            KeyCode::Up => {
                a.move_cursor(CursorMove::Up);
                true
            }
            KeyCode::Down => {
                a.move_cursor(CursorMove::Down);
                true
            }
            KeyCode::Home => {
                a.move_cursor(CursorMove::Head);
                true
            }
            KeyCode::End => {
                a.move_cursor(CursorMove::End);
                true
            }
            _ => false,
        };
        self.recount();
        handled
    }

    fn recount(&mut self) {
        let lines = self.area.lines();
        self.chars = lines.iter().map(|l| l.chars().count()).sum::<usize>() + lines.len() - 1;
    }

    /// The rows the text takes wrapped at `width` columns: at least 1, at
    /// most `max` (the area scrolls beyond).
    pub fn rows(&self, width: usize, max: usize) -> usize {
        let mut n = 0;
        for line in self.area.lines() {
            if n >= max {
                break;
            }
            n += wrap_at_most(line, width.max(1), max).len().max(1);
        }
        n.clamp(1, max.max(1))
    }

    /// Draws the text area into `area`; the cursor is shown when
    /// `focused`.
    pub fn draw(&self, frame: &mut Frame, theme: &Theme, area: Rect, focused: bool) {
        if focused {
            frame.render_widget(&self.area, area);
            return;
        }
        let mut a = self.area.clone();
        a.set_style(theme.field());
        a.set_cursor_style(theme.field());
        frame.render_widget(&a, area);
    }
}

/// Text for a text area: newlines kept (`\r\n` and `\r` become `\n`),
/// tabs become spaces, other control and bidi characters are replaced.
fn clean(s: &str) -> String {
    let s = s.replace("\r\n", "\n").replace('\r', "\n");
    s.split('\n')
        .map(crate::text::sanitize_line)
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn types_pastes_and_keeps_lines() {
        let mut t = TextBox::new("");
        for c in "Växjö".chars() {
            t.handle_key(key(KeyCode::Char(c)));
        }
        t.newline();
        t.insert_str("rad två\r\nrad\u{1b}tre");
        assert_eq!(t.text(), "Växjö\nrad två\nrad\u{FFFD}tre");
        t.handle_key(key(KeyCode::Backspace));
        assert_eq!(t.text(), "Växjö\nrad två\nrad\u{FFFD}tr");
        assert!(!t.handle_key(key(KeyCode::F(5))));
        assert_eq!(TextBox::new("a\nb"), TextBox::new("a\nb"));
    }

    #[test]
    fn capped_and_measured() {
        let mut t = TextBox::new(&"x".repeat(MAX_CHARS - 1));
        t.insert_str("abc");
        assert_eq!(t.text().chars().count(), MAX_CHARS);
        t.handle_key(key(KeyCode::Char('z')));
        assert_eq!(t.text().chars().count(), MAX_CHARS);
        let t = TextBox::new("ett två tre fyra fem sex");
        assert_eq!(t.rows(10, 8), 3);
        assert_eq!(t.rows(100, 8), 1);
        assert_eq!(TextBox::new(&"ord ".repeat(1000)).rows(10, 8), 8);
    }
}
