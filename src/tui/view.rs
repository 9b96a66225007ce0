//! Drawing: `view(&App, &Theme, &mut Frame)`. Reads the state, never
//! changes it. All text from files is sanitised before it is drawn.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, List, ListItem, ListState, Paragraph};

use crate::answers::Answer;
use crate::questionnaire::{Cost, Kind, Question};
use crate::scoring::Reason;
use crate::text::{fmt_num, sanitize_line};

use super::app::*;
use super::input::Input;
use super::strings::{self, Strings, fill};
use super::theme::Theme;

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
        Screen::Start => draw_start(app, s, theme, frame, body),
        Screen::Resume => draw_resume(app, s, theme, frame, body),
        Screen::OpenFile => draw_open(app, s, theme, frame, body),
        Screen::Company => draw_company(app, s, theme, frame, body),
        Screen::Questions => draw_questions(app, s, theme, frame, body),
        Screen::Summary => draw_summary(app, s, theme, frame, body),
    }
    match &app.popup {
        Popup::None => {}
        Popup::Help => draw_help(app, s, theme, frame, area),
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

/// Packs key hints into lines of `width` columns, two spaces apart.
fn pack(parts: &[String], width: usize) -> Vec<String> {
    let mut lines: Vec<String> = vec![];
    let mut line = String::new();
    for p in parts {
        let need = text_width(p) + if line.is_empty() { 1 } else { 2 };
        if !line.is_empty() && text_width(&line) + need > width {
            lines.push(std::mem::take(&mut line));
        }
        line.push_str(if line.is_empty() { " " } else { "  " });
        line.push_str(p);
    }
    lines.push(line);
    lines
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

// ---------------------------------------------------------------- helpers

fn text_width(s: &str) -> usize {
    Span::raw(s).width()
}

fn pad(s: &str, width: usize) -> String {
    let w = text_width(s);
    format!("{s}{}", " ".repeat(width.saturating_sub(w)))
}

/// Cuts `s` to `width` columns, with an ellipsis when cut.
fn truncate(s: &str, width: usize) -> String {
    if text_width(s) <= width {
        return s.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let cw = text_width(&c.to_string());
        if used + cw + 1 > width {
            break;
        }
        used += cw;
        out.push(c);
    }
    if width > 0 {
        out.push('…');
    }
    out
}

/// Greedy word wrap by display width; words longer than a line are split.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    for para in text.split('\n') {
        let mut line = String::new();
        let mut used = 0;
        for word in para.split(' ').filter(|w| !w.is_empty()) {
            let mut word = word.to_string();
            let mut ww = text_width(&word);
            if used > 0 && used + 1 + ww > width {
                lines.push(std::mem::take(&mut line));
                used = 0;
            }
            while ww > width {
                // Split a long word.
                let mut head = String::new();
                let mut hw = 0;
                let room = if used == 0 { width } else { width - used - 1 };
                for c in word.chars() {
                    let cw = text_width(&c.to_string());
                    if hw + cw > room {
                        break;
                    }
                    hw += cw;
                    head.push(c);
                }
                if head.is_empty() {
                    break;
                }
                if used > 0 {
                    line.push(' ');
                }
                line.push_str(&head);
                lines.push(std::mem::take(&mut line));
                used = 0;
                word = word[head.len()..].to_string();
                ww = text_width(&word);
            }
            if used > 0 {
                line.push(' ');
                used += 1;
            }
            line.push_str(&word);
            used += ww;
        }
        lines.push(line);
    }
    lines
}

fn wrapped<'a>(text: &str, width: usize, style: Style) -> Vec<Line<'a>> {
    wrap(text, width)
        .into_iter()
        .map(|l| Line::styled(l, style))
        .collect()
}

fn popup(
    frame: &mut Frame,
    theme: &Theme,
    area: Rect,
    title: &str,
    lines: Vec<Line>,
    width: u16,
    cursor: Option<(u16, usize)>,
) {
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
}

/// An input field: its visible text, underlined, and the cursor if focused.
fn draw_input(frame: &mut Frame, theme: &Theme, input: &Input, area: Rect, focused: bool) {
    let (shown, col) = input.visible(area.width.saturating_sub(1) as usize);
    let style = if focused {
        theme.field().patch(theme.strong())
    } else {
        theme.field()
    };
    frame.render_widget(
        Paragraph::new(pad(&shown, area.width as usize)).style(style),
        area,
    );
    if focused {
        frame.set_cursor_position(Position::new(area.x + col as u16, area.y));
    }
}

fn centered_box(area: Rect, width: u16, height: u16) -> Rect {
    let w = width.min(area.width);
    let h = height.min(area.height);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

// ---------------------------------------------------------------- start

fn draw_start(app: &App, s: &Strings, theme: &Theme, frame: &mut Frame, area: Rect) {
    let w = area.width.saturating_sub(4).min(72);
    let inner_w = w.saturating_sub(4) as usize;
    let mut lines = vec![
        Line::styled(sanitize_line(app.q.title.get(&app.lang)), theme.title()),
        Line::raw(""),
    ];
    let intro = if app.is_self() {
        s.start_intro_self
    } else {
        s.start_intro
    };
    lines.extend(wrapped(intro, inner_w, Style::new()));
    lines.push(Line::raw(""));
    for (k, item) in app.start_items().iter().enumerate() {
        let label = match item {
            StartItem::New if app.is_self() => s.start_new_self,
            StartItem::New => s.start_new,
            StartItem::Resume => s.start_resume,
            StartItem::Open => s.start_open,
            StartItem::Lang => s.start_lang,
            StartItem::Quit => s.start_quit,
        };
        let mark = if k == app.start_cursor { '›' } else { ' ' };
        let text = pad(&format!("{mark}{}  {label}", k + 1), inner_w);
        let style = if k == app.start_cursor {
            theme.selected()
        } else {
            Style::new()
        };
        lines.push(Line::styled(text, style));
    }
    if let Some(n) = &app.notice {
        lines.push(Line::raw(""));
        lines.extend(notice_lines(n, s, theme, inner_w));
    }
    let h = lines.len() as u16 + 2;
    let rect = centered_box(area, w, h);
    let block = Block::bordered()
        .title(Span::styled(
            format!(" {} ", s.start_heading),
            theme.title(),
        ))
        .padding(ratatui::widgets::Padding::horizontal(1));
    frame.render_widget(Paragraph::new(lines).block(block), rect);
}

fn notice_lines<'a>(n: &Notice, s: &Strings, theme: &Theme, width: usize) -> Vec<Line<'a>> {
    // "What failed: why", in the error style.
    let failed = |what: &str, why: &str| {
        wrapped(
            &format!("{what}: {}", sanitize_line(why)),
            width,
            theme.error(),
        )
    };
    match n {
        Notice::Imported {
            file,
            existing,
            warnings,
        } => {
            let mut v = wrapped(
                &fill(s.imported, &[("file", &sanitize_line(file))]),
                width,
                theme.ok(),
            );
            if let Some(id) = existing {
                v.extend(wrapped(
                    &fill(s.imported_new_id, &[("id", &sanitize_line(id))]),
                    width,
                    theme.dim(),
                ));
            }
            for w in warnings {
                v.extend(wrapped(&sanitize_line(w), width, theme.warn()));
            }
            v
        }
        Notice::OpenFailed(super::OpenError::Locked { id, holder }) => wrapped(
            &fill(
                s.locked,
                &[
                    ("id", &sanitize_line(id)),
                    ("holder", &sanitize_line(holder)),
                ],
            ),
            width,
            theme.error(),
        ),
        Notice::OpenFailed(super::OpenError::Failed(e)) => failed(s.open_session_failed, e),
        Notice::ListFailed(e) => failed(s.list_failed, e),
        Notice::Drift(d, version) => drift_lines(d, version, s, theme, width),
        Notice::FollowUp { previous_date } => wrapped(
            &fill(
                s.follow_up_started,
                &[("date", &sanitize_line(previous_date))],
            ),
            width,
            theme.ok(),
        ),
        Notice::ExportFailed(e) => failed(s.export_failed, e),
        Notice::SavedAgain => wrapped(s.saved_ok, width, theme.ok()),
        Notice::Exported(files) => {
            let mut v = vec![Line::styled(format!(" {}", s.exported_to), theme.ok())];
            for f in files {
                v.push(Line::styled(
                    format!(
                        "   {}",
                        truncate(&sanitize_line(f), width.saturating_sub(3))
                    ),
                    theme.ok(),
                ));
            }
            v
        }
    }
}

/// What changed in the questionnaire, in the user's language.
fn drift_lines<'a>(
    d: &crate::session::DriftReport,
    version: &str,
    s: &Strings,
    theme: &Theme,
    width: usize,
) -> Vec<Line<'a>> {
    let mut v = wrapped(s.drift_heading, width, theme.warn());
    let mut items = Vec::new();
    if let Some(old) = &d.version_before {
        items.push(fill(
            s.drift_version,
            &[
                ("old", &sanitize_line(old)),
                ("new", &sanitize_line(version)),
            ],
        ));
    } else if d.hash_changed {
        items.push(fill(s.drift_hash, &[("v", &sanitize_line(version))]));
    }
    for (old, new) in &d.renamed {
        items.push(fill(
            s.drift_renamed,
            &[("old", &sanitize_line(old)), ("new", &sanitize_line(new))],
        ));
    }
    for o in &d.orphans {
        items.push(fill(
            s.drift_orphan,
            &[
                ("q", &sanitize_line(&o.question)),
                ("v", &sanitize_line(&o.value.to_string())),
                ("reason", &sanitize_line(&o.reason)),
            ],
        ));
    }
    for item in items {
        v.extend(
            wrap(&item, width.saturating_sub(2))
                .into_iter()
                .enumerate()
                .map(|(n, l)| {
                    Line::styled(
                        format!("{}{l}", if n == 0 { "• " } else { "  " }),
                        theme.warn(),
                    )
                }),
        );
    }
    v
}

fn draw_resume(app: &App, s: &Strings, theme: &Theme, frame: &mut Frame, area: Rect) {
    let block = Block::bordered().title(Span::styled(
        format!(" {} ", s.resume_heading),
        theme.title(),
    ));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let w = inner.width as usize;
    // Below the list: files set aside, files that cannot be read now, and
    // the last notice (e.g. the session is open elsewhere).
    let mut extra: Vec<Line> = Vec::new();
    if let Some(Ok(l)) = &app.sessions {
        let new = l.quarantined.iter().filter(|f| f.new).count();
        let dir = "quarantine/";
        if new > 0 {
            extra.extend(wrapped(
                &fill(
                    s.resume_quarantined,
                    &[("n", &new.to_string()), ("dir", dir)],
                ),
                w,
                theme.warn(),
            ));
        } else if !l.quarantined.is_empty() {
            extra.extend(wrapped(
                &fill(
                    s.resume_quarantine_old,
                    &[("n", &l.quarantined.len().to_string()), ("dir", dir)],
                ),
                w,
                theme.dim(),
            ));
        }
        for p in l.problems.iter().take(3) {
            extra.push(Line::styled(
                truncate(
                    &format!(
                        "{} {} {}",
                        s.resume_problem,
                        sanitize_line(&p.file),
                        sanitize_line(&p.message)
                    ),
                    w,
                ),
                theme.dim(),
            ));
        }
    }
    if let Some(n) = &app.notice {
        extra.extend(notice_lines(n, s, theme, w));
    }
    let extra_h = (extra.len() as u16).min(inner.height / 2);
    let [list_area, extra_area] =
        Layout::vertical([Constraint::Min(1), Constraint::Length(extra_h)]).areas(inner);
    frame.render_widget(Paragraph::new(extra), extra_area);
    let rows = match &app.sessions {
        None => {
            frame.render_widget(Paragraph::new(s.resume_loading), list_area);
            return;
        }
        Some(Err(e)) => {
            frame.render_widget(
                Paragraph::new(wrapped(
                    &format!("{}: {}", s.list_failed, sanitize_line(e)),
                    w,
                    theme.error(),
                )),
                list_area,
            );
            return;
        }
        Some(Ok(_)) => app.resume_rows(),
    };
    if rows.is_empty() {
        frame.render_widget(Paragraph::new(s.resume_empty), list_area);
        return;
    }
    let items: Vec<ListItem> = rows
        .iter()
        .map(|r| {
            let mut name = r
                .company
                .as_deref()
                .map(sanitize_line)
                .unwrap_or_else(|| s.resume_unnamed.to_string());
            if r.previous.is_some() {
                name = format!("{name} ({})", s.resume_follow_up);
            }
            let right = format!(
                "{}  {:>3}/{:<3}  {}",
                r.updated.get(..10).unwrap_or(&r.updated),
                r.answered,
                r.total,
                sanitize_line(&r.id)
            );
            // The highlight symbol takes the first column.
            let name_w = w.saturating_sub(text_width(&right) + 2);
            ListItem::new(format!("{} {right}", pad(&truncate(&name, name_w), name_w)))
        })
        .collect();
    let mut state = ListState::default().with_selected(Some(app.resume_cursor));
    frame.render_stateful_widget(
        List::new(items)
            .highlight_style(theme.selected())
            .highlight_symbol("›"),
        list_area,
        &mut state,
    );
}

fn draw_open(app: &App, s: &Strings, theme: &Theme, frame: &mut Frame, area: Rect) {
    let w = area.width.saturating_sub(4).min(90);
    let inner_w = w.saturating_sub(4) as usize;
    let mut lines = wrapped(s.open_help, inner_w, Style::new());
    lines.push(Line::raw(""));
    let input_row = lines.len() as u16 + 1;
    lines.push(Line::styled(format!("{}:", s.open_path), theme.strong()));
    lines.push(Line::raw(""));
    if let Some(n) = &app.notice {
        lines.push(Line::raw(""));
        lines.extend(notice_lines(n, s, theme, inner_w));
    }
    let rect = centered_box(area, w, lines.len() as u16 + 2);
    let block = Block::bordered()
        .title(Span::styled(format!(" {} ", s.open_heading), theme.title()))
        .padding(ratatui::widgets::Padding::horizontal(1));
    let inner = block.inner(rect);
    frame.render_widget(Paragraph::new(lines).block(block), rect);
    if inner.height > input_row {
        let r = Rect::new(inner.x, inner.y + input_row, inner.width, 1);
        draw_input(frame, theme, &app.open_path, r, app.popup == Popup::None);
    }
}

// ---------------------------------------------------------------- company

fn draw_company(app: &App, s: &Strings, theme: &Theme, frame: &mut Frame, area: Rect) {
    let block = Block::bordered()
        .title(Span::styled(
            format!(" {} ", s.company_heading),
            theme.title(),
        ))
        .padding(ratatui::widgets::Padding::horizontal(1));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let form = &app.company;
    let label_w: u16 = 22;
    let field_w = inner.width.saturating_sub(label_w + 1).min(50);
    let mut y = inner.y;
    let bottom = inner.y + inner.height;
    let focused = |i: usize| form.focus == i && app.popup == Popup::None;
    let labels = [s.f_name, s.f_org, s.f_municipality, s.f_sni, s.f_employees];
    for (i, label) in labels.iter().enumerate() {
        if y >= bottom {
            return;
        }
        let style = if form.focus == i {
            theme.strong()
        } else {
            Style::new()
        };
        frame.render_widget(
            Paragraph::new(truncate(label, label_w as usize)).style(style),
            Rect::new(inner.x, y, label_w, 1),
        );
        if let Some(input) = form.fields.get(i) {
            draw_input(
                frame,
                theme,
                input,
                Rect::new(inner.x + label_w + 1, y, field_w, 1),
                focused(i),
            );
            let text = input.text().trim();
            let status = match i {
                F_ORG if !text.is_empty() => Some(crate::answers::org_number_valid(text))
                    .map(|ok| (ok, if ok { s.org_ok } else { s.org_bad })),
                F_SNI if !text.is_empty() => Some(crate::answers::sni_valid(text))
                    .map(|ok| (ok, if ok { s.sni_ok } else { s.sni_bad })),
                F_EMPLOYEES if !text.is_empty() && text.parse::<u64>().is_err() => {
                    Some((false, s.employees_bad))
                }
                _ => None,
            };
            if let Some((ok, msg)) = status {
                y += 1;
                if y < bottom {
                    frame.render_widget(
                        Paragraph::new(truncate(msg, field_w as usize + 10)).style(if ok {
                            theme.ok()
                        } else {
                            theme.error()
                        }),
                        Rect::new(
                            inner.x + label_w + 1,
                            y,
                            inner.width.saturating_sub(label_w + 1),
                            1,
                        ),
                    );
                }
            }
        }
        y += 1;
    }
    if !app.is_self() {
        y += 1;
        if y < bottom {
            frame.render_widget(
                Paragraph::new(s.f_attendees).style(theme.title()),
                Rect::new(inner.x, y, inner.width, 1),
            );
        }
        let half = inner.width.saturating_sub(label_w + 1).min(64) / 2;
        let x = inner.x + label_w + 1;
        if y < bottom {
            frame.render_widget(
                Paragraph::new(s.f_att_name).style(theme.dim()),
                Rect::new(x, y, half, 1),
            );
            frame.render_widget(
                Paragraph::new(s.f_att_org).style(theme.dim()),
                Rect::new(x + half, y, half, 1),
            );
        }
        y += 1;
        for (k, (name, org)) in form.attendees.iter().enumerate() {
            if y >= bottom {
                return;
            }
            let base = COMPANY_FIELDS + 2 * k;
            let style = if (base..base + 2).contains(&form.focus) {
                theme.strong()
            } else {
                Style::new()
            };
            frame.render_widget(
                Paragraph::new(format!("{:>3}.", k + 1)).style(style),
                Rect::new(inner.x, y, label_w, 1),
            );
            draw_input(
                frame,
                theme,
                name,
                Rect::new(x, y, half.saturating_sub(1), 1),
                focused(base),
            );
            draw_input(
                frame,
                theme,
                org,
                Rect::new(x + half, y, half.saturating_sub(1), 1),
                focused(base + 1),
            );
            y += 1;
        }
    }
    y += 1;
    if y < bottom {
        let style = if form.on_button() {
            theme.selected()
        } else {
            theme.strong()
        };
        frame.render_widget(
            Paragraph::new(format!(" {} ", s.f_continue)).style(style),
            Rect::new(
                inner.x,
                y,
                (text_width(s.f_continue) as u16 + 2).min(inner.width),
                1,
            ),
        );
    }
    y += 2;
    let mut extra = wrapped(s.company_help, inner.width as usize, theme.dim());
    if let Some(n) = &app.notice {
        extra.extend(notice_lines(n, s, theme, inner.width as usize));
    }
    if y < bottom {
        frame.render_widget(
            Paragraph::new(extra),
            Rect::new(inner.x, y, inner.width, bottom - y),
        );
    }
}

// ---------------------------------------------------------------- questions

fn draw_questions(app: &App, s: &Strings, theme: &Theme, frame: &mut Frame, area: Rect) {
    let [progress_area, body] =
        Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(area);
    let counts = SectionCounts::of(app);
    draw_progress(counts.progress(), s, theme, frame, progress_area);
    let wide = body.width >= 110;
    let side_w = if body.width >= 140 { 34 } else { 28 };
    let needs_w = if body.width >= 140 { 40 } else { 32 };
    let (left, main, right) = match (app.show_needs, wide) {
        (false, _) => {
            let [l, m] =
                Layout::horizontal([Constraint::Length(side_w), Constraint::Min(20)]).areas(body);
            (Some(l), m, None)
        }
        (true, true) => {
            let [l, m, r] = Layout::horizontal([
                Constraint::Length(side_w),
                Constraint::Min(20),
                Constraint::Length(needs_w),
            ])
            .areas(body);
            (Some(l), m, Some(r))
        }
        (true, false) => {
            let [m, r] =
                Layout::horizontal([Constraint::Min(20), Constraint::Length(needs_w)]).areas(body);
            (None, m, Some(r))
        }
    };
    if let Some(l) = left {
        draw_sections(app, &counts, s, theme, frame, l);
    }
    if let Some(r) = right {
        draw_needs(app, s, theme, frame, r);
    }
    draw_question_pane(app, s, theme, frame, main);
}

fn draw_progress(
    (done, total): (usize, usize),
    s: &Strings,
    theme: &Theme,
    frame: &mut Frame,
    area: Rect,
) {
    let label = fill(
        s.progress,
        &[("done", &done.to_string()), ("total", &total.to_string())],
    );
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
        Span::styled(crate::output::bar(Some(pct), bar_w), theme.bar()),
        Span::raw(" "),
        Span::styled(label, theme.dim()),
    ]);
    frame.render_widget(line, area);
}

/// Answered and shown questions per section, counted in one pass per
/// frame (a map lookup per answer rather than per question: this keeps a
/// frame of a 2,000-question questionnaire cheap).
struct SectionCounts {
    done: Vec<usize>,
    total: Vec<usize>,
}

impl SectionCounts {
    fn of(app: &App) -> SectionCounts {
        let n = app.q.sections.len();
        let mut c = SectionCounts {
            done: vec![0; n],
            total: vec![0; n],
        };
        let mut answered = vec![false; app.q.questions.len()];
        if let Some(a) = app.answers() {
            for id in a.answers.keys() {
                if let Some(flag) = app.q.question(id).and_then(|i| answered.get_mut(i)) {
                    *flag = true;
                }
            }
        }
        for (i, q) in app.q.questions.iter().enumerate() {
            if app.shown(i)
                && let (Some(t), Some(d)) = (c.total.get_mut(q.section), c.done.get_mut(q.section))
            {
                *t += 1;
                if answered[i] {
                    *d += 1;
                }
            }
        }
        c
    }

    fn get(&self, sec: usize) -> (usize, usize) {
        (
            self.done.get(sec).copied().unwrap_or(0),
            self.total.get(sec).copied().unwrap_or(0),
        )
    }

    /// Answered and shown questions of the whole questionnaire.
    fn progress(&self) -> (usize, usize) {
        (self.done.iter().sum(), self.total.iter().sum())
    }
}

fn draw_sections(
    app: &App,
    counts: &SectionCounts,
    s: &Strings,
    theme: &Theme,
    frame: &mut Frame,
    area: Rect,
) {
    let block = Block::new().borders(Borders::RIGHT);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let w = inner.width as usize;
    let cur_sec = app.q.questions.get(app.qs.cur).map(|q| q.section);
    let cursor = (app.qs.focus == Focus::Sections).then_some(app.qs.sec_cursor);
    let cur_mark = |idx: usize, other: char| if cursor == Some(idx) { '›' } else { other };
    let mut items = vec![ListItem::new(format!(
        "{}{}",
        cur_mark(0, ' '),
        truncate(s.company_entry, w.saturating_sub(1))
    ))];
    let eval = app.eval.as_ref();
    let selected = if app.qs.focus == Focus::Sections {
        app.qs.sec_cursor
    } else {
        cur_sec.map_or(0, |c| c + 1)
    };
    // Rows past the window cannot be shown (the list scrolls only as far as
    // the selected row): do not build them.
    let window = (inner.height as usize).max(selected + 1);
    for (k, sec) in app
        .q
        .sections
        .iter()
        .enumerate()
        .take(window.saturating_sub(1))
    {
        let (done, total) = counts.get(k);
        let visible = eval.is_some_and(|e| e.section_visible.get(k).copied().unwrap_or(false));
        let (mark, count) = if !visible || total == 0 {
            (' ', "–".to_string())
        } else if done == total {
            ('✓', format!("{done}/{total}"))
        } else {
            (' ', format!("{done}/{total}"))
        };
        let cur = cur_mark(k + 1, if cur_sec == Some(k) { '▸' } else { ' ' });
        let title_w = w.saturating_sub(text_width(&count) + 4);
        let title = truncate(&sanitize_line(sec.title.get(&app.lang)), title_w);
        let text = format!("{cur}{mark} {} {count}", pad(&title, title_w));
        let style = if !visible || total == 0 {
            theme.dim()
        } else if cur_sec == Some(k) {
            theme.strong()
        } else if done == total {
            theme.ok()
        } else {
            Style::new()
        };
        items.push(ListItem::new(text).style(style));
    }
    let last = app.q.sections.len() + 1;
    if last < window {
        items.push(ListItem::new(format!(
            "{}{}",
            cur_mark(last, ' '),
            truncate(s.summary_entry, w.saturating_sub(1))
        )));
    }
    let mut state = ListState::default().with_selected(Some(selected));
    let hl = if app.qs.focus == Focus::Sections {
        theme.selected()
    } else {
        Style::new()
    };
    frame.render_stateful_widget(List::new(items).highlight_style(hl), inner, &mut state);
}

fn draw_needs(app: &App, s: &Strings, theme: &Theme, frame: &mut Frame, area: Rect) {
    let block = Block::new()
        .borders(Borders::LEFT)
        .padding(ratatui::widgets::Padding::horizontal(1));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let w = inner.width as usize;
    let mut lines = vec![Line::styled(s.needs_heading, theme.title())];
    let Some(eval) = &app.eval else { return };
    let bar_w = 8;
    let title_w = w.saturating_sub(bar_w + 5);
    for a in &eval.areas {
        lines.push(Line::from(need_spans(app, theme, a, title_w, bar_w)));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(s.top_actors, theme.title()));
    for r in app.ranked().iter().take(4) {
        let name = truncate(
            &sanitize_line(&app.q.actors[r.actor].name),
            w.saturating_sub(6),
        );
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

fn answer_summary(app: &App, s: &Strings, q: &Question, a: Option<&Answer>) -> String {
    match a {
        None => s.not_answered.to_string(),
        Some(Answer::Unknown) => s.unknown.to_string(),
        Some(Answer::NotApplicable) => s.na.to_string(),
        Some(Answer::Choice(id)) => q
            .kind
            .option_index(id)
            .map(|o| q.kind.options()[o].label.get(&app.lang).to_string())
            .unwrap_or_else(|| id.clone()),
        Some(Answer::Choices(ids)) => ids
            .iter()
            .map(|id| {
                q.kind
                    .option_index(id)
                    .map(|o| q.kind.options()[o].label.get(&app.lang).to_string())
                    .unwrap_or_else(|| id.clone())
            })
            .collect::<Vec<_>>()
            .join(", "),
        Some(Answer::Number(x)) => fmt_num(*x),
        Some(Answer::Text(t)) => t.clone(),
    }
}

fn draw_question_pane(app: &App, s: &Strings, theme: &Theme, frame: &mut Frame, area: Rect) {
    let area = Rect::new(
        area.x + 1,
        area.y,
        area.width.saturating_sub(2),
        area.height,
    );
    let w = area.width as usize;
    let i = app.qs.cur;
    let Some(q) = app.q.questions.get(i) else {
        return;
    };
    let sec_qs = app.section_questions(q.section);
    let pos = sec_qs.iter().position(|&x| x == i).map_or(0, |p| p + 1);
    let sec_title = sanitize_line(app.q.sections[q.section].title.get(&app.lang));
    let mut lines: Vec<Line> = Vec::new();
    let mut cursor: Option<(usize, usize)> = None;
    let head = format!(
        "{} · {}",
        sec_title,
        fill(
            s.question_of,
            &[("i", &pos.to_string()), ("n", &sec_qs.len().to_string())]
        )
    );
    lines.push(Line::styled(truncate(&head, w), theme.accent()));
    lines.push(Line::raw(""));
    let mut current_start = 0;
    if app.qs.compact {
        for &k in &sec_qs {
            let qk = &app.q.questions[k];
            if k == i {
                current_start = lines.len();
                question_block(app, s, theme, qk, w, &mut lines, &mut cursor);
                lines.push(Line::raw(""));
            } else {
                let ans = answer_summary(app, s, qk, app.answer(k));
                let mark = if app.answer(k).is_some() { '✓' } else { '·' };
                let text = format!(
                    "{mark} {} — {}",
                    sanitize_line(qk.text.get(&app.lang)),
                    sanitize_line(&ans)
                );
                lines.push(Line::styled(truncate(&text, w), theme.dim()));
            }
        }
    } else {
        question_block(app, s, theme, q, w, &mut lines, &mut cursor);
    }
    if let Some(n) = &app.notice {
        lines.push(Line::raw(""));
        lines.extend(notice_lines(n, s, theme, w));
    }
    // Scroll so that the current question (and its cursor) is visible.
    let h = area.height as usize;
    let focus_line = cursor.map_or(current_start + 2, |(r, _)| r);
    let scroll =
        if app.qs.compact && current_start + (focus_line - current_start.min(focus_line)) >= h {
            current_start
                .saturating_sub(1)
                .min(focus_line.saturating_sub(h / 2))
        } else if focus_line >= h {
            focus_line + 1 - h
        } else {
            0
        };
    frame.render_widget(Paragraph::new(lines).scroll((scroll as u16, 0)), area);
    if let Some((row, col)) = cursor
        && app.popup == Popup::None
        && app.qs.focus == Focus::Question
        && row >= scroll
        && row - scroll < h
    {
        frame.set_cursor_position(Position::new(
            area.x + col as u16,
            area.y + (row - scroll) as u16,
        ));
    }
}

/// The full block of one question: text, its answer widget, "vet ej"/"ej
/// relevant", notes. Sets `cursor` (line, column) for typed questions.
fn question_block(
    app: &App,
    s: &Strings,
    theme: &Theme,
    q: &Question,
    w: usize,
    lines: &mut Vec<Line<'static>>,
    cursor: &mut Option<(usize, usize)>,
) {
    let lang = &app.lang;
    let i = app.q.question(&q.id).unwrap_or(0);
    let answer = app.answer(i);
    let mut text = sanitize_line(q.text.get(lang));
    if q.required {
        text.push_str(" *");
    }
    lines.extend(wrapped(&text, w, theme.strong()));
    lines.push(Line::raw(""));
    let focused = app.qs.focus == Focus::Question;
    match &q.kind {
        Kind::Single { options } | Kind::Multi { options } => {
            let multi = matches!(q.kind, Kind::Multi { .. });
            for (k, o) in options.iter().enumerate() {
                let chosen = match answer {
                    Some(Answer::Choice(id)) => *id == o.id,
                    Some(Answer::Choices(ids)) => ids.contains(&o.id),
                    _ => false,
                };
                let mark = match (multi, chosen) {
                    (false, true) => "(•)",
                    (false, false) => "( )",
                    (true, true) => "[x]",
                    (true, false) => "[ ]",
                };
                let key = if k < 9 {
                    format!("{}", k + 1)
                } else {
                    " ".into()
                };
                let label = sanitize_line(o.label.get(lang));
                let prefix = format!(" {mark} {key}  ");
                let pw = text_width(&prefix);
                let body = wrap(&label, w.saturating_sub(pw).max(10));
                for (n, part) in body.iter().enumerate() {
                    let p = if n == 0 {
                        prefix.clone()
                    } else {
                        " ".repeat(pw)
                    };
                    let p = if n == 0 && k == app.qs.opt && focused {
                        p.replacen(' ', "›", 1)
                    } else {
                        p
                    };
                    let style = if k == app.qs.opt && focused {
                        theme.selected()
                    } else if chosen {
                        theme.accent().patch(theme.strong())
                    } else {
                        Style::new()
                    };
                    lines.push(Line::styled(pad(&format!("{p}{part}"), w), style));
                }
            }
        }
        Kind::Scale {
            min,
            max,
            low,
            high,
            ..
        } => {
            let mut spans = vec![Span::raw(" ")];
            for (k, v) in (*min..=*max).enumerate() {
                let chosen =
                    matches!(answer, Some(Answer::Number(x)) if (*x - v as f64).abs() < 1e-9);
                let cell = if chosen {
                    format!("[{v}]")
                } else {
                    format!(" {v} ")
                };
                if k == app.qs.opt && focused {
                    spans.pop();
                    spans.push(Span::raw(" ›"));
                }
                let style = if k == app.qs.opt && focused {
                    theme.selected()
                } else if chosen {
                    theme.accent().patch(theme.strong())
                } else {
                    Style::new()
                };
                spans.push(Span::styled(cell, style));
                spans.push(Span::raw("  "));
            }
            lines.push(Line::from(spans));
            let lo = low.as_ref().map(|t| sanitize_line(t.get(lang)));
            let hi = high.as_ref().map(|t| sanitize_line(t.get(lang)));
            if let Some(lo) = lo {
                lines.extend(wrapped(&format!(" {min} = {lo}"), w, theme.dim()));
            }
            if let Some(hi) = hi {
                lines.extend(wrapped(&format!(" {max} = {hi}"), w, theme.dim()));
            }
        }
        Kind::Number { min, max, unit, .. } => {
            let field_w = 16.min(w.saturating_sub(4));
            let (shown, col) = app.qs.input.visible(field_w.saturating_sub(1));
            let unit = unit
                .as_ref()
                .map(|u| sanitize_line(u.get(lang)))
                .unwrap_or_default();
            *cursor = Some((lines.len(), 1 + col));
            lines.push(Line::from(vec![
                Span::raw(" "),
                Span::styled(pad(&shown, field_w), theme.field().patch(theme.strong())),
                Span::raw(format!(" {unit}")),
            ]));
            let range = range_text(s, *min, *max);
            if let Some(e) = &app.qs.input_error {
                let msg = match e {
                    InputError::NotANumber => s.bad_number.to_string(),
                    InputError::OutOfRange => fill(s.out_of_range, &[("range", &range)]),
                };
                lines.extend(wrapped(&format!(" {msg}"), w, theme.error()));
            } else {
                lines.extend(wrapped(
                    &format!(" {} ({range})", s.type_answer),
                    w,
                    theme.dim(),
                ));
            }
        }
        Kind::Text => {
            let field_w = w.saturating_sub(2);
            let (shown, col) = app.qs.input.visible(field_w.saturating_sub(1));
            *cursor = Some((lines.len(), 1 + col));
            lines.push(Line::from(vec![
                Span::raw(" "),
                Span::styled(pad(&shown, field_w), theme.field().patch(theme.strong())),
            ]));
            lines.extend(wrapped(&format!(" {}", s.type_answer), w, theme.dim()));
        }
    }
    let typed = matches!(q.kind, Kind::Number { .. } | Kind::Text);
    if q.allow_unknown || q.allow_na {
        let mut spans = vec![Span::raw(" ")];
        let mut add = |key: &str, label: &str, on: bool| {
            let mark = if on { "(•)" } else { "( )" };
            let style = if on {
                theme.accent().patch(theme.strong())
            } else {
                theme.dim()
            };
            spans.push(Span::styled(format!("{mark} {key}  {label}"), style));
            spans.push(Span::raw("    "));
        };
        if q.allow_unknown {
            add(
                if typed { "F5" } else { "v" },
                s.unknown,
                answer == Some(&Answer::Unknown),
            );
        }
        if q.allow_na {
            add(
                if typed { "F6" } else { "e" },
                s.na,
                answer == Some(&Answer::NotApplicable),
            );
        }
        lines.push(Line::raw(""));
        lines.push(Line::from(spans));
    }
    let notes = app.answers();
    if let Some(n) = notes.and_then(|a| a.notes.get(&q.id)) {
        lines.push(Line::raw(""));
        lines.extend(wrapped(
            &format!("{}: {}", s.note, sanitize_line(n)),
            w,
            theme.accent(),
        ));
    }
    if !app.is_self()
        && let Some(n) = notes.and_then(|a| a.private_notes.get(&q.id))
    {
        lines.extend(wrapped(
            &format!("{}: {}", s.private_note, sanitize_line(n)),
            w,
            theme.dim(),
        ));
    }
    if q.help.is_some() {
        lines.push(Line::raw(""));
        let hint = if typed {
            s.has_help.replacen('?', "F1", 1)
        } else {
            s.has_help.to_string()
        };
        lines.push(Line::styled(truncate(&hint, w), theme.dim()));
    }
}

fn range_text(s: &Strings, min: Option<f64>, max: Option<f64>) -> String {
    match (min, max) {
        (Some(a), Some(b)) => fill(
            s.number_range,
            &[("min", &fmt_num(a)), ("max", &fmt_num(b))],
        ),
        (Some(a), None) => format!("≥ {}", fmt_num(a)),
        (None, Some(b)) => format!("≤ {}", fmt_num(b)),
        (None, None) => String::new(),
    }
}

fn draw_help(app: &App, s: &Strings, theme: &Theme, frame: &mut Frame, area: Rect) {
    let w = area.width.saturating_sub(8).min(76);
    let inner_w = w.saturating_sub(4) as usize;
    let mut lines = Vec::new();
    if let Some(q) = app.q.questions.get(app.qs.cur) {
        lines.extend(wrapped(
            &sanitize_line(q.text.get(&app.lang)),
            inner_w,
            theme.strong(),
        ));
        lines.push(Line::raw(""));
        match &q.help {
            Some(h) => lines.extend(wrapped(
                &crate::text::sanitize(h.get(&app.lang)),
                inner_w,
                Style::new(),
            )),
            None => lines.push(Line::raw(s.no_help)),
        }
        for o in q.kind.options() {
            if let Some(h) = &o.help {
                lines.push(Line::raw(""));
                lines.extend(wrapped(
                    &format!(
                        "{}: {}",
                        sanitize_line(o.label.get(&app.lang)),
                        sanitize_line(h.get(&app.lang))
                    ),
                    inner_w,
                    Style::new(),
                ));
            }
        }
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(s.help_keys, theme.dim()));
    let max_h = area.height.saturating_sub(4) as usize;
    lines.truncate(max_h);
    popup(frame, theme, area, s.help_heading, lines, w, None);
}

// ---------------------------------------------------------------- summary

fn draw_summary(app: &App, s: &Strings, theme: &Theme, frame: &mut Frame, area: Rect) {
    let Some(eval) = &app.eval else { return };
    let Some(sess) = &app.session else { return };
    let notice_h = app.notice.as_ref().map_or(0, |n| match n {
        Notice::Exported(f) => f.len() as u16 + 1,
        _ => 2,
    });
    let [body, path_area, notice_area] = Layout::vertical([
        Constraint::Min(6),
        Constraint::Length(2),
        Constraint::Length(notice_h.min(area.height / 3)),
    ])
    .areas(area);
    let left_w = if body.width >= 120 {
        46
    } else {
        body.width * 2 / 5
    };
    let [left, right] =
        Layout::horizontal([Constraint::Length(left_w), Constraint::Min(20)]).areas(body);

    // Needs and open questions.
    let block = Block::new()
        .borders(Borders::RIGHT)
        .padding(ratatui::widgets::Padding::horizontal(1));
    let inner = block.inner(left);
    frame.render_widget(block, left);
    let w = inner.width as usize;
    let mut lines = vec![Line::styled(s.needs_per_area, theme.title())];
    let cmp = app.comparison.as_ref();
    let bar_w = if w > 40 { 12 } else { 6 };
    let title_w = w.saturating_sub(bar_w + 5 + if cmp.is_some() { 2 } else { 0 });
    for a in &eval.areas {
        let mut spans = need_spans(app, theme, a, title_w, bar_w);
        if let Some(c) = cmp {
            use crate::session::Direction;
            let arrow = match c.areas.get(a.area).map(|x| x.direction) {
                Some(Direction::Up) => "↑",
                Some(Direction::Down) => "↓",
                Some(Direction::New) => "+",
                _ => " ",
            };
            spans.push(Span::styled(format!(" {arrow}"), theme.accent()));
        }
        lines.push(Line::from(spans));
    }
    if let (Some(c), Some(p)) = (cmp, &app.previous) {
        use crate::session::Direction;
        let count = |d: Direction| c.areas.iter().filter(|x| x.direction == d).count();
        lines.push(Line::raw(""));
        lines.push(Line::styled(
            truncate(
                &fill(
                    s.since_last,
                    &[(
                        "date",
                        &sanitize_line(p.updated.get(..10).unwrap_or(&p.updated)),
                    )],
                ),
                w,
            ),
            theme.title(),
        ));
        lines.push(Line::raw(truncate(
            &fill(
                s.needs_moved,
                &[
                    ("up", &count(Direction::Up).to_string()),
                    ("down", &count(Direction::Down).to_string()),
                    ("new", &count(Direction::New).to_string()),
                ],
            ),
            w,
        )));
        let then: Vec<String> = c
            .referred_before()
            .map(|r| sanitize_line(&app.q.actors[r.actor].name))
            .collect();
        lines.extend(wrapped(
            &format!(
                "{} {}",
                s.referred_then,
                if then.is_empty() {
                    s.none.to_string()
                } else {
                    then.join(", ")
                }
            ),
            w,
            Style::new(),
        ));
    }
    let open: Vec<usize> = eval
        .open_questions
        .iter()
        .copied()
        .filter(|&i| app.shown(i))
        .collect();
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        format!("{} ({})", s.open_questions, open.len()),
        theme.title(),
    ));
    if open.is_empty() {
        lines.push(Line::styled(s.none, theme.dim()));
    }
    for i in open {
        let q = &app.q.questions[i];
        let mark = if app.answer(i) == Some(&Answer::Unknown) {
            "?"
        } else {
            "·"
        };
        lines.push(Line::raw(truncate(
            &format!("{mark} {}", sanitize_line(q.text.get(&app.lang))),
            w,
        )));
    }
    frame.render_widget(Paragraph::new(lines), inner);

    // Actors with consent boxes, and the selected one's details.
    let ranked = app.ranked();
    let inner = Rect::new(
        right.x + 1,
        right.y,
        right.width.saturating_sub(2),
        right.height,
    );
    let w = inner.width as usize;
    let list_h = (ranked.len() as u16 + 1).min(inner.height / 2);
    let [list_area, detail_area] =
        Layout::vertical([Constraint::Length(list_h), Constraint::Min(1)]).areas(inner);
    frame.render_widget(
        Paragraph::new(Line::styled(
            format!("{} · {}", s.summary_heading, s.consent),
            theme.title(),
        )),
        Rect::new(list_area.x, list_area.y, list_area.width, 1),
    );
    let actors_focused = app.summary.focus == SummaryFocus::Actors;
    let status_w = text_width(s.recommended).max(text_width(s.not_recommended));
    let items: Vec<ListItem> = ranked
        .iter()
        .enumerate()
        .map(|(k, r)| {
            let actor = &app.q.actors[r.actor];
            let consent = sess.answers.consent.get(&actor.id) == Some(&true);
            let status = if r.recommended {
                s.recommended
            } else {
                s.not_recommended
            };
            let right = format!(
                "{:>3}  {}",
                crate::output::round(r.score),
                pad(status, status_w)
            );
            let name_w = w.saturating_sub(text_width(&right) + 7);
            let text = format!(
                "{}{} {} {right}",
                if actors_focused && k == app.summary.cursor {
                    '›'
                } else {
                    ' '
                },
                if consent { "[x]" } else { "[ ]" },
                pad(&truncate(&sanitize_line(&actor.name), name_w), name_w)
            );
            let style = if r.recommended {
                theme.strong()
            } else {
                theme.dim()
            };
            ListItem::new(text).style(style)
        })
        .collect();
    let mut state = ListState::default().with_selected(Some(app.summary.cursor));
    let hl = if app.summary.focus == SummaryFocus::Actors {
        theme.selected()
    } else {
        Style::new()
    };
    frame.render_stateful_widget(
        List::new(items).highlight_style(hl),
        Rect::new(
            list_area.x,
            list_area.y + 1,
            list_area.width,
            list_area.height.saturating_sub(1),
        ),
        &mut state,
    );
    if let Some(r) = ranked.get(app.summary.cursor) {
        let lines = actor_details(app, s, theme, r, w);
        frame.render_widget(
            Paragraph::new(lines).scroll((app.summary.scroll, 0)),
            Rect::new(
                detail_area.x,
                detail_area.y + 1,
                detail_area.width,
                detail_area.height.saturating_sub(1),
            ),
        );
    }

    // Export folder.
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
    let consenting = sess.answers.consent.values().filter(|v| **v).count();
    let hint = if app.is_self() {
        format!("Tab, Enter: {}", s.export_self_button)
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
            Paragraph::new(notice_lines(n, s, theme, notice_area.width as usize)),
            notice_area,
        );
    }
}

fn actor_details(
    app: &App,
    s: &Strings,
    theme: &Theme,
    r: &crate::scoring::Referral,
    w: usize,
) -> Vec<Line<'static>> {
    let lang = &app.lang;
    let actor = &app.q.actors[r.actor];
    let mut lines = vec![Line::styled(
        format!(
            "{} — {} {}",
            sanitize_line(&actor.name),
            s.score,
            crate::output::round(r.score)
        ),
        theme.strong(),
    )];
    if let Some(then) = app
        .comparison
        .as_ref()
        .and_then(|c| c.referrals.get(r.actor))
    {
        let status = if then.was_recommended {
            s.recommended
        } else {
            s.not_recommended
        };
        lines.push(Line::styled(
            fill(
                s.last_visit_actor,
                &[
                    ("status", status),
                    ("score", &crate::output::round(then.before).to_string()),
                ],
            ),
            theme.accent(),
        ));
    }
    lines.extend(wrapped(
        &sanitize_line(actor.description.get(lang)),
        w,
        theme.dim(),
    ));
    if !r.reasons.is_empty() {
        lines.push(Line::styled(format!("{}:", s.reasons), theme.title()));
    }
    for reason in &r.reasons {
        let text = match reason {
            Reason::Rule { rule } => actor
                .rules
                .get(*rule)
                .map(|x| sanitize_line(x.reason.get(lang)))
                .unwrap_or_default(),
            Reason::Answer(c) => {
                let q = &app.q.questions[c.question];
                let ans = answer_summary(app, s, q, app.answer(c.question));
                format!(
                    "{} → {} (+{} {})",
                    sanitize_line(q.text.get(lang)),
                    sanitize_line(&ans),
                    fmt_num(c.points),
                    sanitize_line(app.q.areas[c.area].title.get(lang))
                )
            }
        };
        lines.extend(
            wrap(&text, w.saturating_sub(2))
                .into_iter()
                .enumerate()
                .map(|(n, l)| Line::raw(format!("{}{l}", if n == 0 { "• " } else { "  " }))),
        );
    }
    if !r.services.is_empty() {
        lines.push(Line::styled(format!("{}:", s.services), theme.title()));
    }
    for offer in &r.services {
        let Some(svc) = actor.services.get(offer.service) else {
            continue;
        };
        let cost = match svc.cost {
            Cost::Free => s.cost_free,
            Cost::Subsidised => s.cost_subsidised,
            Cost::Paid => s.cost_paid,
        };
        let mut text = format!("{} ({cost})", sanitize_line(svc.name.get(lang)));
        if offer.undecided {
            text.push_str(&format!(" – {}", s.undecided));
        }
        lines.extend(
            wrap(&text, w.saturating_sub(2))
                .into_iter()
                .enumerate()
                .map(|(n, l)| Line::raw(format!("{}{l}", if n == 0 { "• " } else { "  " }))),
        );
    }
    if let Some(next) = &actor.next_step {
        lines.extend(wrapped(
            &format!("{}: {}", s.next_step, sanitize_line(next.get(lang))),
            w,
            theme.accent(),
        ));
    }
    lines
}

/// One area's row of a needs list: title, bar and need (0–100 or "–").
fn need_spans(
    app: &App,
    theme: &Theme,
    a: &crate::scoring::AreaNeed,
    title_w: usize,
    bar_w: usize,
) -> Vec<Span<'static>> {
    let title = truncate(
        &sanitize_line(app.q.areas[a.area].title.get(&app.lang)),
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
