//! Drawing of the summary. The layout follows the width:
//!
//! - 160 columns and more: the overview (needs, open questions), the
//!   actors and the selected actor's reasons side by side;
//! - 110–159: the actors above the overview, the reasons beside them;
//! - narrower: one column — actors, reasons, overview — scrolled as one.
//!
//! PgDn/PgUp move the scrolled parts a page; `▲ N`/`▼ N` say how many
//! lines are hidden above and below. Moving among the actors brings the
//! selected one into view.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Paragraph};

use crate::i18n::room;
use crate::i18n::tui::Words;

use super::blocks::{self, actor_row_width, need_row_width};
use super::{KEYS, SummaryFocus};
use crate::tui::app::*;
use crate::tui::keymap::Action;
use crate::tui::theme::Theme;
use crate::tui::widgets::input::draw_input;
use crate::tui::widgets::notice::screen_notice;
use crate::tui::widgets::*;

pub fn draw(app: &App, s: &Words, theme: &Theme, frame: &mut Frame, area: Rect) {
    let (Some(open), Some(eval)) = (&app.open, app.eval()) else {
        return;
    };
    let notice_h = app.notice.as_ref().map_or(0, |n| match n {
        Notice::Exported(f) => f.len() as u16 + 1,
        _ => 2,
    });
    let [body, path_area, notice_area] = Layout::vertical([
        Constraint::Min(4),
        Constraint::Length(2),
        Constraint::Length(notice_h.min(area.height / 3)),
    ])
    .areas(area);
    let cmp = open.comparison_for(app.advisor_view).is_some();
    let need_w = need_row_width(app, eval, cmp) as u16 + 3;
    let actor_w = actor_row_width(app, s) as u16 + 3;
    let fixed = Scroll::Fixed(app.summary.scroll as usize);
    let mut drawn = Vec::new();
    if body.width >= 160 {
        let ow = need_w.min(body.width / 3);
        let aw = actor_w.min(body.width / 3);
        let [o, a, d] = Layout::horizontal([
            Constraint::Length(ow),
            Constraint::Length(aw),
            Constraint::Min(20),
        ])
        .areas(body);
        let (o, a, d) = (bordered(frame, o), bordered(frame, a), inset(d));
        let actors = blocks::actors(app, s, theme, a.width as usize);
        pane(app, theme, frame, a, actors, Scroll::Follow(0, 0));
        let overview = blocks::overview(app, s, theme, eval, o.width as usize);
        drawn.push(pane(app, theme, frame, o, overview, fixed));
        let details = with_notes(app, s, theme, d.width as usize);
        drawn.push(pane(app, theme, frame, d, details, fixed));
    } else if body.width >= 110 {
        let lw = need_w.max(actor_w).min(body.width / 2);
        let [l, d] = Layout::horizontal([Constraint::Length(lw), Constraint::Min(20)]).areas(body);
        let (l, d) = (bordered(frame, l), inset(d));
        let actors = blocks::actors(app, s, theme, l.width as usize);
        let ah = (actors.len() as u16 + 1).min(l.height / 2);
        let [a, o] = Layout::vertical([Constraint::Length(ah), Constraint::Min(1)]).areas(l);
        pane(app, theme, frame, a, actors, Scroll::Follow(0, 0));
        let overview = blocks::overview(app, s, theme, eval, o.width as usize);
        drawn.push(pane(app, theme, frame, o, overview, fixed));
        let details = with_notes(app, s, theme, d.width as usize);
        drawn.push(pane(app, theme, frame, d, details, fixed));
    } else {
        let d = inset(body);
        let w = d.width as usize;
        // What the company asked for and who gives consent first, then the
        // actors, the selected one's details and the overview.
        let mut lines = blocks::actor_notes(app, s, theme, w);
        if !lines.is_empty() {
            lines.push(Line::raw(""));
        }
        let before = lines.len();
        lines.extend(blocks::actors(app, s, theme, w));
        lines.push(Line::raw(""));
        lines.extend(blocks::details(app, s, theme, w));
        lines.push(Line::raw(""));
        lines.extend(blocks::overview(app, s, theme, eval, w));
        let at = if app.summary.follow {
            Scroll::Follow(app.summary.drawn.get() as usize, before)
        } else {
            fixed
        };
        drawn.push(pane(app, theme, frame, d, lines, at));
    }
    // Paging goes on from what this frame showed, a page of the lines
    // shown at a time (a line is kept for context).
    let start = drawn.iter().map(|(s, ..)| *s).max().unwrap_or(0);
    let page = drawn
        .iter()
        .map(|(_, n, _)| *n)
        .filter(|n| *n > 0)
        .min()
        .unwrap_or(1);
    let max = drawn.iter().map(|(.., m)| *m).max().unwrap_or(0);
    app.summary.drawn.set(start as u16);
    app.summary.page.set(page as u16);
    app.summary.max.set(max as u16);
    draw_bottom(app, s, theme, frame, path_area, notice_area);
}

/// Where a pane starts.
#[derive(Clone, Copy)]
enum Scroll {
    /// At this line (as far as the lines go).
    Fixed(usize),
    /// As near this line as keeps the selected actor's row in view (the
    /// actors' lines start at the second number: the row is that + 1 + the
    /// cursor).
    Follow(usize, usize),
}

/// The notes that go with the actors (requests, who gives consent), then
/// the selected actor's details.
fn with_notes(app: &App, s: &Words, theme: &Theme, w: usize) -> Vec<Line<'static>> {
    let mut lines = blocks::actor_notes(app, s, theme, w);
    if !lines.is_empty() {
        lines.push(Line::raw(""));
    }
    lines.extend(blocks::details(app, s, theme, w));
    lines
}

/// A column with a border on its right; the area inside (one column of
/// padding on the left).
fn bordered(frame: &mut Frame, area: Rect) -> Rect {
    let block = Block::new()
        .borders(Borders::RIGHT)
        .padding(ratatui::widgets::Padding::horizontal(1));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    inner
}

/// An area with a column of padding each side.
fn inset(area: Rect) -> Rect {
    Rect::new(
        area.x + 1,
        area.y,
        area.width.saturating_sub(2),
        area.height,
    )
}

/// Draws `lines` into `area` (see [`Scroll`]) with markers for hidden
/// lines. Returns the first line shown, how many show, and the furthest
/// it can scroll.
fn pane(
    app: &App,
    theme: &Theme,
    frame: &mut Frame,
    area: Rect,
    lines: Vec<Line<'static>>,
    scroll: Scroll,
) -> (usize, usize, usize) {
    let h = area.height as usize;
    let n = lines.len();
    if h == 0 {
        return (0, 0, 0);
    }
    let max = if n <= h || h < 3 { 0 } else { n - (h - 1) };
    let (start, top, count) = match scroll {
        Scroll::Fixed(s) => window(n, h, s),
        Scroll::Follow(from, offset) => {
            let row = offset + 1 + app.summary.cursor;
            let mut at = window(n, h, from);
            for _ in 0..3 {
                let (start, _, count) = at;
                if row < start {
                    // From the top when the row is on the first page,
                    // else with the line before it.
                    let top = if row + 2 < h { 0 } else { row - 1 };
                    at = window(n, h, top);
                } else if row >= start + count {
                    at = window(n, h, start + row + 1 - (start + count));
                } else {
                    break;
                }
            }
            at
        }
    };
    let mut y = area.y;
    if top {
        let r = Rect::new(area.x, y, area.width, 1);
        marker(frame, theme, r, &room::more_above(app.lang, start));
        y += 1;
    }
    let shown: Vec<Line> = lines.into_iter().skip(start).take(count).collect();
    frame.render_widget(
        Paragraph::new(shown),
        Rect::new(area.x, y, area.width, count as u16),
    );
    let below = n.saturating_sub(start + count);
    if below > 0 {
        let r = Rect::new(area.x, y + count as u16, area.width, 1);
        marker(frame, theme, r, &room::more_below(app.lang, below));
    }
    (start, count, max)
}

/// Which of `n` lines show in `h` rows from line `scroll`: the first line
/// (clamped so that the end fills the pane), whether a marker row for
/// lines above is used, and how many lines show (the rows left for a
/// marker below when more follow).
pub fn window(n: usize, h: usize, scroll: usize) -> (usize, bool, usize) {
    if n <= h || h < 3 {
        return (0, false, n.min(h));
    }
    // The furthest one can scroll: the last lines under a marker row.
    let max = n - (h - 1);
    let start = scroll.min(max);
    let top = start > 0;
    let rows = h - usize::from(top);
    if start + rows >= n {
        (start, top, n - start)
    } else {
        (start, top, rows - 1)
    }
}

/// A scroll marker, right-aligned.
fn marker(frame: &mut Frame, theme: &Theme, area: Rect, text: &str) {
    frame.render_widget(
        Paragraph::new(format!("{text} "))
            .style(theme.accent())
            .right_aligned(),
        area,
    );
}

/// The export folder, what an export writes, and the notice.
fn draw_bottom(
    app: &App,
    s: &Words,
    theme: &Theme,
    frame: &mut Frame,
    path_area: Rect,
    notice_area: Rect,
) {
    let label = format!(" {}: ", s.export_dir);
    let lw = (text_width(&label) as u16).min(path_area.width / 2);
    frame.render_widget(
        Paragraph::new(truncate(&label, lw as usize)).style(theme.strong()),
        Rect::new(path_area.x, path_area.y, lw, 1),
    );
    draw_input(
        frame,
        theme,
        &app.summary.path,
        Rect::new(
            path_area.x + lw,
            path_area.y,
            path_area.width.saturating_sub(lw + 1),
            1,
        ),
        app.summary.focus == SummaryFocus::Path && app.popup == Popup::None,
    );
    let consenting = app
        .answers()
        .map_or(0, |a| a.consent.values().filter(|v| **v).count());
    let hint = if app.is_self() {
        let key = |a, in_field| KEYS.key_of(a, in_field, s).unwrap_or_default();
        format!(
            "{}, {}: {}",
            key(Action::Tab, false),
            key(Action::Export, true),
            s.export_self_button,
        )
    } else if consenting == 0 {
        s.no_consent_note.to_string()
    } else {
        s.export_button.to_string()
    };
    frame.render_widget(
        Paragraph::new(truncate(&format!(" {hint}"), path_area.width as usize)).style(theme.dim()),
        Rect::new(path_area.x, path_area.y + 1, path_area.width, 1),
    );
    if let Some(n) = &app.notice {
        frame.render_widget(
            Paragraph::new(screen_notice(app, n, theme, notice_area.width as usize)),
            notice_area,
        );
    }
}
