//! A bordered box over the screen, and centring.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use crate::tui::theme::Theme;

/// Draws `lines` in a bordered box of `width` centred in `area`, with the
/// terminal's cursor at `cursor` (row, column) inside; returns the inside.
pub fn popup(
    frame: &mut Frame,
    theme: &Theme,
    area: Rect,
    title: &str,
    lines: Vec<Line>,
    width: u16,
    cursor: Option<(u16, usize)>,
) -> Rect {
    let w = width.min(area.width.saturating_sub(2)).max(10);
    let h = (lines.len() as u16 + 2).min(area.height.saturating_sub(2));
    let rect = Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height.saturating_sub(h)) / 2,
        w,
        h,
    );
    frame.render_widget(Clear, rect);
    let block = Block::bordered()
        .title(Span::styled(format!(" {title} "), theme.title()))
        .padding(ratatui::widgets::Padding::horizontal(1));
    let inner = block.inner(rect);
    frame.render_widget(Paragraph::new(lines).block(block), rect);
    if let Some((row, col)) = cursor {
        frame.set_cursor_position(Position::new(inner.x + col as u16, inner.y + row));
    }
    inner
}

pub fn centered_box(area: Rect, width: u16, height: u16) -> Rect {
    let w = width.min(area.width);
    let h = height.min(area.height);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}
