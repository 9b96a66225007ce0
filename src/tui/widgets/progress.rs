//! The progress bar above the questions.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::i18n::Lang;
use crate::i18n::tui::{self};

use crate::tui::theme::Theme;
use crate::tui::widgets::text_width;

pub fn draw_progress(
    (done, total): (usize, usize),
    lang: Lang,
    theme: &Theme,
    frame: &mut Frame,
    area: Rect,
) {
    let label = tui::progress(lang, done, total);
    let bar_w = (area.width as usize)
        .saturating_sub(text_width(&label) + 3)
        .min(60);
    let pct = if total == 0 {
        0.0
    } else {
        100.0 * done as f64 / total as f64
    };
    let line = Line::from(vec![
        Span::raw(" "),
        Span::styled(crate::score_output::bar(Some(pct), bar_w), theme.bar()),
        Span::raw(" "),
        Span::styled(label, theme.dim()),
    ]);
    frame.render_widget(line, area);
}
