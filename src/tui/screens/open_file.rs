//! Open a self-assessment file a company sent (advisor mode).

use std::path::PathBuf;

use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use crate::i18n::tui::Words;

use crate::tui::app::*;
use crate::tui::jobs::OpenRequest;
use crate::tui::keymap::{self, Action, Binding, ENTER, ESC, Keymap};
use crate::tui::theme::Theme;
use crate::tui::update::*;
use crate::tui::widgets::input::Input;
use crate::tui::widgets::input::draw_input;
use crate::tui::widgets::notice::screen_notice;
use crate::tui::widgets::*;

#[derive(Debug, Clone, Default)]
pub struct OpenFileState {
    /// The path of the file to import.
    pub path: Input,
}

pub const KEYS: Keymap = Keymap {
    bindings: &[
        Binding::new(&[ENTER], Action::Enter, |w| w.h_ok, |w| w.help_import),
        Binding::new(&[ESC], Action::Back, |w| w.h_back, |w| w.help_back_start),
        keymap::LANG,
        keymap::HELP,
        keymap::QUIT,
    ],
    in_field: |_| true,
};

pub fn act(app: &mut App, action: Action) -> Vec<Effect> {
    match action {
        Action::Enter => {
            let path = app.open_file.path.text().trim().to_string();
            if !path.is_empty() && !app.opening() {
                let ticket = app.wait_for(Waiting::Open);
                app.notice = Some(Notice::Opening);
                let req = OpenRequest::Import(PathBuf::from(path));
                return vec![Effect::Open { ticket, req }];
            }
        }
        Action::Back => goto(app, Screen::Start),
        Action::Quit => ask_quit(app),
        _ => {}
    }
    vec![]
}

/// Typing into the path.
pub fn typed(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    app.open_file.path.handle_key(key);
    vec![]
}

/// A pasted path.
pub fn paste(app: &mut App, text: &str) {
    app.open_file.path.insert_str(text.trim());
}

pub fn draw(app: &App, s: &Words, theme: &Theme, frame: &mut Frame, area: Rect) {
    let w = area.width.saturating_sub(4).min(90);
    let inner_w = w.saturating_sub(4) as usize;
    let mut lines = wrapped(s.open_help, inner_w, Style::new());
    lines.push(Line::raw(""));
    let input_row = lines.len() as u16 + 1;
    lines.push(Line::styled(format!("{}:", s.open_path), theme.strong()));
    lines.push(Line::raw(""));
    if let Some(n) = &app.notice {
        lines.push(Line::raw(""));
        lines.extend(screen_notice(app, n, theme, inner_w));
    }
    let rect = centered_box(area, w, lines.len() as u16 + 2);
    let block = Block::bordered()
        .title(Span::styled(format!(" {} ", s.open_heading), theme.title()))
        .padding(ratatui::widgets::Padding::horizontal(1));
    let inner = block.inner(rect);
    frame.render_widget(Paragraph::new(lines).block(block), rect);
    if inner.height > input_row {
        let r = Rect::new(inner.x, inner.y + input_row, inner.width, 1);
        draw_input(
            frame,
            theme,
            &app.open_file.path,
            r,
            app.popup == Popup::None,
        );
    }
}
