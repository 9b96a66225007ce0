//! The live needs panel and one area's need row.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use crate::i18n::tui::Words;

use crate::tui::app::App;
use crate::tui::theme::Theme;
use crate::tui::widgets::{clean, pad, text_width_up_to, truncate};

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
    // A name that does not fit beside its bar gets a line of its own, when
    // the panel is tall enough for every area that way (the actors below
    // get the rows left). (Widths counted only as far as it matters: this
    // runs on every frame.)
    let long: Vec<bool> = eval
        .areas
        .iter()
        .map(|a| {
            text_width_up_to(app.q.areas[a.area].title.get(app.lang.code()), title_w + 1) > title_w
        })
        .collect();
    let n_long = long.iter().filter(|l| **l).count();
    let two_lines = n_long > 0
        && name_width(app, w + 1) <= w
        && eval.areas.len() + n_long + 2 <= inner.height as usize;
    for (a, long) in eval.areas.iter().zip(long) {
        if two_lines && long {
            lines.push(Line::raw(clean(
                app.q.areas[a.area].title.get(app.lang.code()),
            )));
            let pad_w = w.saturating_sub(bar_w + 4 + COVERAGE_W);
            let mut spans = vec![Span::raw(" ".repeat(pad_w))];
            spans.extend(need_spans(app, theme, a, 0, bar_w).into_iter().skip(2));
            lines.push(Line::from(spans));
        } else {
            lines.push(Line::from(need_spans(app, theme, a, title_w, bar_w)));
        }
    }
    lines.push(Line::styled(
        truncate(s.lists.coverage_legend, w),
        theme.dim(),
    ));
    // The actors just now, as many (up to 4) as the rows left hold with
    // the blank line, the heading and the legend.
    let left = (inner.height as usize).saturating_sub(lines.len());
    let ranked = app.ranked();
    let mut n_actors = left.saturating_sub(2).min(4).min(ranked.len());
    if ranked.iter().take(n_actors).any(|r| r.provisional) && left < n_actors + 3 {
        n_actors = n_actors.saturating_sub(1);
    }
    if n_actors == 0 {
        frame.render_widget(Paragraph::new(lines), inner);
        return;
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(s.top_actors, theme.title()));
    // A star only when the engine recommends: a high score from too
    // little of what the actor weighs is marked "?" instead.
    for r in ranked.iter().take(n_actors) {
        let name = truncate(
            &clean(app.q.actors[r.actor].name.get(app.lang.code())),
            w.saturating_sub(6),
        );
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
                crate::score_output::round(r.score)
            ),
            style,
        ));
    }
    if ranked.iter().take(n_actors).any(|r| r.provisional) {
        lines.push(Line::styled(
            truncate(s.lists.actors_legend, w),
            theme.dim(),
        ));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

/// The widest area name, counted up to `limit`.
fn name_width(app: &App, limit: usize) -> usize {
    app.q
        .areas
        .iter()
        .map(|a| text_width_up_to(a.title.get(app.lang.code()), limit))
        .max()
        .unwrap_or(0)
}

/// The columns the panel takes with every area's name whole beside its bar
/// (counted up to 60).
pub fn needs_width(app: &App) -> usize {
    name_width(app, 60) + 1 + 8 + 4 + COVERAGE_W + 3
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
    let num = a.need.map_or("–".to_string(), |n| {
        crate::score_output::round(n).to_string()
    });
    vec![
        Span::raw(pad(&title, title_w)),
        Span::raw(" "),
        Span::styled(crate::score_output::bar(a.need, bar_w), theme.bar()),
        Span::raw(format!("{num:>4}")),
        Span::styled(format!(" {}", coverage_mark(a.coverage)), theme.dim()),
    ]
}
