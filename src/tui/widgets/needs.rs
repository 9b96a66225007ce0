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
    let title_w = w.saturating_sub(bar_w + 5 + COVERAGE_W);
    for a in &eval.areas {
        lines.push(Line::from(need_spans(app, theme, a, title_w, bar_w)));
    }
    lines.push(Line::styled(
        truncate(s.lists.coverage_legend, w),
        theme.dim(),
    ));
    lines.push(Line::raw(""));
    lines.push(Line::styled(s.top_actors, theme.title()));
    // A star only when the engine recommends: a high score from too
    // little of what the actor weighs is marked "?" instead.
    for r in app.ranked().iter().take(4) {
        let name = truncate(&clean(&app.q.actors[r.actor].name), w.saturating_sub(6));
        let style = if r.recommended {
            theme.strong()
        } else {
            theme.dim()
        };
        let mark = if r.recommended {
            "★"
        } else if r.provisional {
            s.lists.provisional_mark
        } else {
            " "
        };
        lines.push(Line::styled(
            format!(
                "{mark} {} {:>3}",
                pad(&name, w.saturating_sub(6)),
                crate::output::round(r.score)
            ),
            style,
        ));
    }
    if app.ranked().iter().take(4).any(|r| r.provisional) {
        lines.push(Line::styled(
            truncate(s.lists.actors_legend, w),
            theme.dim(),
        ));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

/// Width of the coverage mark after a need (space and mark).
pub const COVERAGE_W: usize = 2;

/// How much of an area is answered, as a mark: ○ nothing, ◔ under half,
/// ◑ half, ◕ three quarters, ● all (blank without visible questions).
pub fn coverage_mark(coverage: Option<f64>) -> &'static str {
    match coverage {
        None => " ",
        Some(c) if c <= 0.0 => "○",
        Some(c) if c < 50.0 => "◔",
        Some(c) if c < 75.0 => "◑",
        Some(c) if c < 100.0 => "◕",
        Some(_) => "●",
    }
}

/// One area's row of a needs list: title, bar, need (0–100 or "–") and how
/// much of the area is answered ([`coverage_mark`]).
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
        Span::styled(format!(" {}", coverage_mark(a.coverage)), theme.dim()),
    ]
}
