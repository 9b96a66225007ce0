//! Drawing: `view(&App, &Theme, &mut Frame)`. Reads the state, never
//! changes it. All text from files is sanitised before it is drawn. Each
//! screen draws itself (see [`super::screens`]); this draws the frame
//! around them: header, save-error banner, footer and popups.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::questionnaire::Kind;
use crate::text::sanitize_line;

use super::app::*;
use super::screens;
use super::strings::{self, Strings, fill};
use super::theme::Theme;
use super::widgets::footer::pack;
use super::widgets::{pad, popup, wrap};

/// Smallest usable terminal.
pub const MIN_W: u16 = 60;
pub const MIN_H: u16 = 16;

pub fn view(app: &App, theme: &Theme, frame: &mut Frame) {
    let area = frame.area();
    let s = strings::get(&app.lang);
    if area.width < MIN_W || area.height < MIN_H {
        too_small(s, theme, frame, area);
        return;
    }
    let hints = pack(&footer_hints(app, s), area.width as usize);
    let footer_h = hints.len().clamp(1, 2) as u16;
    let banner_h = u16::from(app.save_error.is_some());
    let [header, banner, body, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(banner_h),
        Constraint::Min(1),
        Constraint::Length(footer_h),
    ])
    .areas(area);
    draw_header(app, s, theme, frame, header);
    if let Some(e) = &app.save_error {
        let text = format!(" {} {}", s.save_failed, sanitize_line(e));
        frame.render_widget(Paragraph::new(text).style(theme.banner()), banner);
    }
    frame.render_widget(
        Paragraph::new(hints.into_iter().map(Line::from).collect::<Vec<_>>()).style(theme.dim()),
        footer,
    );
    match app.screen {
        Screen::Start => screens::start::draw(app, s, theme, frame, body),
        Screen::Resume => screens::resume::draw(app, s, theme, frame, body),
        Screen::OpenFile => screens::open_file::draw(app, s, theme, frame, body),
        Screen::Company => screens::company::draw(app, s, theme, frame, body),
        Screen::Questions => screens::questions::draw(app, s, theme, frame, body),
        Screen::Summary => screens::summary::draw(app, s, theme, frame, body),
    }
    match &app.popup {
        Popup::None => {}
        Popup::Help => screens::questions::draw_help(app, s, theme, frame, area),
        Popup::ConfirmQuit => {
            let lines = vec![
                Line::styled(s.quit_confirm, theme.strong()),
                Line::raw(""),
                Line::styled(s.yes_no, theme.dim()),
            ];
            popup(frame, theme, area, "", lines, 50, None);
        }
        Popup::Note(kind, input) => {
            let title = match kind {
                NoteKind::Shared => s.note_edit,
                NoteKind::Private => s.private_note_edit,
            };
            let w = (area.width.saturating_sub(8)).min(76);
            let inner_w = w.saturating_sub(4) as usize;
            let (shown, col) = input.visible(inner_w);
            let lines = vec![
                Line::styled(pad(&shown, inner_w), theme.field()),
                Line::raw(""),
                Line::styled(format!("{} · {}", s.k_save, s.k_cancel), theme.dim()),
            ];
            popup(frame, theme, area, title, lines, w, Some((0, col)));
        }
    }
}

fn too_small(s: &Strings, theme: &Theme, frame: &mut Frame, area: Rect) {
    let msg = fill(
        s.too_small,
        &[
            ("w", &area.width.to_string()),
            ("h", &area.height.to_string()),
            ("mw", &MIN_W.to_string()),
            ("mh", &MIN_H.to_string()),
        ],
    );
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

fn draw_header(app: &App, s: &Strings, theme: &Theme, frame: &mut Frame, area: Rect) {
    let mode = if app.is_self() {
        s.mode_self
    } else {
        s.mode_advisor
    };
    let mut spans = vec![
        Span::styled(format!(" {}", s.app_title), theme.title()),
        Span::styled(format!(" · {mode}"), theme.dim()),
    ];
    if let Some(name) = app.answers().and_then(|a| a.company.name.as_deref()) {
        spans.push(Span::styled(
            format!(" · {}", sanitize_line(name)),
            theme.strong(),
        ));
    }
    let right = format!("{} ", app.lang.to_uppercase());
    let used: usize = spans.iter().map(Span::width).sum();
    let room = (area.width as usize).saturating_sub(used + right.len());
    spans.push(Span::raw(" ".repeat(room)));
    spans.push(Span::styled(right, theme.dim()));
    frame.render_widget(Line::from(spans), area);
}

fn footer_hints(app: &App, s: &Strings) -> Vec<String> {
    let fkey = |hint: &str, key: &str| match hint.split_once(' ') {
        Some((_, rest)) => format!("{key} {rest}"),
        None => hint.to_string(),
    };
    let ctrl_c = |hint: &str| fkey(hint, "Ctrl-C");
    let parts: Vec<String> = match (&app.popup, app.screen) {
        (Popup::Note(..), _) => vec![s.k_save.into(), s.k_cancel.into()],
        (Popup::ConfirmQuit, _) => vec![s.yes_no.into()],
        (Popup::Help, _) => vec![s.help_keys.into()],
        (_, Screen::Start) => vec![
            s.k_move.into(),
            "Enter OK".into(),
            s.k_lang.into(),
            s.k_quit.into(),
        ],
        (_, Screen::Resume) if !app.is_self() => vec![
            s.k_move.into(),
            "Enter OK".into(),
            s.k_follow_up.into(),
            s.k_back.into(),
            s.k_quit.into(),
        ],
        (_, Screen::Resume) => vec![
            s.k_move.into(),
            "Enter OK".into(),
            s.k_back.into(),
            s.k_quit.into(),
        ],
        (_, Screen::OpenFile) => vec!["Enter OK".into(), s.k_back.into(), ctrl_c(s.k_quit)],
        (_, Screen::Company) => vec![
            s.k_field.into(),
            s.k_next.into(),
            fkey(s.k_next, "PgDn"),
            s.k_back.into(),
            s.k_lang.into(),
            ctrl_c(s.k_quit),
        ],
        (_, Screen::Questions) if app.qs.focus == Focus::Sections => vec![
            s.k_move.into(),
            s.k_jump.into(),
            "Tab/Esc ←".into(),
            s.k_needs.into(),
            s.k_summary.into(),
            s.k_quit.into(),
        ],
        (_, Screen::Questions) => {
            let q = app.q.questions.get(app.qs.cur);
            let typed = matches!(q.map(|q| &q.kind), Some(Kind::Number { .. } | Kind::Text));
            let k = |hint: &str, f: &str| {
                if typed {
                    fkey(hint, f)
                } else {
                    hint.to_string()
                }
            };
            let mut v: Vec<String> = Vec::new();
            match q.map(|q| &q.kind) {
                Some(Kind::Single { .. }) => {
                    v.push(s.k_move.into());
                    v.push(s.k_choose.into());
                }
                Some(Kind::Multi { .. }) => {
                    v.push(s.k_move.into());
                    v.push(s.k_toggle.into());
                }
                Some(Kind::Scale { .. }) => {
                    v.push(fkey(s.k_move, "←→"));
                    v.push(s.k_choose.into());
                }
                _ => {}
            }
            v.push(s.k_next.into());
            v.push(s.k_back.into());
            if q.is_some_and(|q| q.allow_unknown) {
                v.push(k(s.k_unknown, "F5"));
            }
            if q.is_some_and(|q| q.allow_na) {
                v.push(k(s.k_na, "F6"));
            }
            v.push(k(s.k_help, "F1"));
            v.push(k(s.k_note, "F3"));
            if !app.is_self() {
                v.push(k(s.k_private, "F4"));
            }
            v.push(k(s.k_needs, "F7"));
            v.push(k(s.k_summary, "F8"));
            v.push(if typed {
                ctrl_c(s.k_quit)
            } else {
                s.k_quit.into()
            });
            v.push(s.k_sections.into());
            v.push(s.k_lang.into());
            if !typed {
                v.push(s.k_compact.into());
                v.push(s.k_clear.into());
            }
            v
        }
        (_, Screen::Summary) if app.summary.focus == SummaryFocus::Path => vec![
            "Enter OK".into(),
            "Tab/Esc ←".into(),
            s.k_lang.into(),
            ctrl_c(s.k_quit),
        ],
        (_, Screen::Summary) => vec![
            s.k_move.into(),
            s.k_consent.into(),
            "Tab →".to_string() + " " + s.export_dir,
            s.k_export.into(),
            "PgUp/PgDn ↕".into(),
            s.k_back.into(),
            s.k_lang.into(),
            s.k_quit.into(),
        ],
    };
    parts
}
