//! Drawing: `view(&App, &Theme, &mut Frame)`. Reads the state, never
//! changes it. All text from files is sanitised before it is drawn. Each
//! screen draws itself (see [`super::screens`]); this draws the frame
//! around them: header, save-error banner, footer and popups.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph};

use crate::i18n::tui::{self, Words};
use crate::i18n::{Lang, room};

use super::app::*;
use super::keymap::Action;
use super::popups;
use super::screens;
use super::theme::Theme;
use super::widgets::footer::pack;
use super::widgets::{clean, pad, text_width, truncate, wrap};

/// Smallest usable terminal.
pub const MIN_W: u16 = 60;
pub const MIN_H: u16 = 16;

pub fn view(app: &App, theme: &Theme, frame: &mut Frame) {
    let area = frame.area();
    let s = tui::words(app.lang);
    if area.width < MIN_W || area.height < MIN_H {
        too_small(app.lang, theme, frame, area);
        return;
    }
    let hints = pack(&footer_hints(app, s), area.width as usize);
    let footer_h = hints.len().clamp(1, 2) as u16;
    let banner_h = u16::from(app.save_error.is_some());
    let advisor_h = u16::from(app.advisor_view);
    let [header, advisor, banner, body, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(advisor_h),
        Constraint::Length(banner_h),
        Constraint::Min(1),
        Constraint::Length(footer_h),
    ])
    .areas(area);
    draw_header(app, s, theme, frame, header);
    if let Some(e) = &app.save_error {
        let text = format!(" {} {}", s.save_failed, e.message(app.lang));
        frame.render_widget(Paragraph::new(text).style(theme.banner()), banner);
    }
    frame.render_widget(
        Paragraph::new(hints.into_iter().map(Line::from).collect::<Vec<_>>()).style(theme.dim()),
        footer,
    );
    let body = if app.advisor_view {
        advisor_frame(app, theme, frame, advisor, body)
    } else {
        body
    };
    screens::draw(app, s, theme, frame, body);
    popups::draw(app, s, theme, frame, area);
}

/// The advisor view's marker: a banner saying what is shown and a double
/// border titled with it around the screen. Returns the area inside.
fn advisor_frame(app: &App, theme: &Theme, frame: &mut Frame, banner: Rect, body: Rect) -> Rect {
    let r = room::words(app.lang);
    let key = screens::keymap(app.screen)
        .key_of(Action::AdvisorView, false, tui::words(app.lang))
        .unwrap_or_default();
    let text = format!(
        " ◆ {} – {} · {key} {}",
        r.advisor_tag, r.advisor_banner, r.h_advisor_off
    );
    frame.render_widget(
        Paragraph::new(pad(
            &truncate(&text, banner.width as usize),
            banner.width as usize,
        ))
        .style(theme.advisor()),
        banner,
    );
    let block = Block::bordered()
        .border_type(BorderType::Double)
        .border_style(theme.advisor_border())
        .title(Span::styled(
            format!(" {} ", r.advisor_tag),
            theme.advisor(),
        ));
    let inner = block.inner(body);
    frame.render_widget(block, body);
    inner
}

fn too_small(lang: Lang, theme: &Theme, frame: &mut Frame, area: Rect) {
    let msg = tui::too_small(lang, area.width, area.height, MIN_W, MIN_H);
    let lines: Vec<Line> = wrap(&msg, area.width.max(1) as usize)
        .into_iter()
        .map(|l| Line::styled(l, theme.warn()))
        .collect();
    let h = (lines.len() as u16).min(area.height);
    let y = area.y + area.height.saturating_sub(h) / 2;
    frame.render_widget(
        Paragraph::new(lines).centered(),
        Rect::new(area.x, y, area.width, h),
    );
}

fn draw_header(app: &App, s: &Words, theme: &Theme, frame: &mut Frame, area: Rect) {
    let mode = if app.is_self() {
        s.mode_self
    } else {
        s.mode_advisor
    };
    let right = format!("{} ", app.lang.code().to_uppercase());
    let title = format!(" {}", s.app_title);
    let mode = format!(" · {mode}");
    let name = app
        .answers()
        .and_then(|a| a.company.name.as_deref())
        .map(|n| format!(" · {}", clean(n)))
        .unwrap_or_default();
    // Narrow: the mode goes first, then the name is cut (with "…").
    let w = area.width as usize;
    let fits = |parts: usize| parts + right.len() < w;
    let mode = if fits(text_width(&title) + text_width(&mode) + text_width(&name)) {
        mode
    } else {
        String::new()
    };
    let room = w.saturating_sub(text_width(&title) + text_width(&mode) + right.len() + 1);
    let mut spans = vec![
        Span::styled(title, theme.title()),
        Span::styled(mode, theme.dim()),
    ];
    if !name.is_empty() {
        spans.push(Span::styled(truncate(&name, room), theme.strong()));
    }
    let used: usize = spans.iter().map(Span::width).sum();
    let room = (area.width as usize).saturating_sub(used + right.len());
    spans.push(Span::raw(" ".repeat(room)));
    spans.push(Span::styled(right, theme.dim()));
    frame.render_widget(Line::from(spans), area);
}

/// The footer: the hints of the open popup's keymap, else the screen's.
fn footer_hints(app: &App, s: &Words) -> Vec<String> {
    popups::keymap(&app.popup)
        .unwrap_or_else(|| screens::keymap(app.screen))
        .hints(app, s)
}
