//! The live needs panel and one area's need row.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use crate::i18n::tui::Words;

use crate::tui::app::App;
use crate::tui::theme::Theme;
use crate::tui::widgets::{clean, pad, truncate};

pub fn draw_needs(app: &App, s: &Words, theme: &Theme, frame: &mut Frame, area: Rect) {
    let block = Block::new()
        .borders(Borders::LEFT)
        .padding(ratatui::widgets::Padding::horizontal(1));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let w = inner.width as usize;
    let mut lines = vec![Line::styled(s.needs_heading, theme.title())];
    let Some(eval) = app.eval() else { return };
    let bar_w = 8;
    let title_w = w.saturating_sub(bar_w + 5);
    for a in &eval.areas {
        lines.push(Line::from(need_spans(app, theme, a, title_w, bar_w)));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(s.top_actors, theme.title()));
    for r in app.ranked().iter().take(4) {
        let name = truncate(&clean(&app.q.actors[r.actor].name), w.saturating_sub(6));
        let style = if r.recommended {
            theme.strong()
        } else {
            theme.dim()
        };
        let mark = if r.recommended { '★' } else { ' ' };
        lines.push(Line::styled(
            format!(
                "{mark} {} {:>3}",
                pad(&name, w.saturating_sub(6)),
                crate::output::round(r.score)
            ),
            style,
        ));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

/// One area's row of a needs list: title, bar and need (0–100 or "–").
pub fn need_spans(
    app: &App,
    theme: &Theme,
    a: &crate::scoring::AreaNeed,
    title_w: usize,
    bar_w: usize,
) -> Vec<Span<'static>> {
    let title = truncate(
        &clean(app.q.areas[a.area].title.get(app.lang.code())),
        title_w,
    );
    let num = a
        .need
        .map_or("–".to_string(), |n| crate::output::round(n).to_string());
    vec![
        Span::raw(pad(&title, title_w)),
        Span::raw(" "),
        Span::styled(crate::output::bar(a.need, bar_w), theme.bar()),
        Span::raw(format!("{num:>4}")),
    ]
}
