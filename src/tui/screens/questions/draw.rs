//! Drawing of the question screen and the help popup.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::answers::Answer;
use crate::i18n::tui::{self, Words};
use crate::i18n::{Lang, room, tui_lists};
use crate::questionnaire::{Kind, Question};
use crate::text::fmt_num;

use super::sections::{self, SectionCounts};
use crate::tui::app::*;
use crate::tui::handover;
use crate::tui::keymap::Action;
use crate::tui::theme::Theme;
use crate::tui::widgets::needs::{draw_needs, needs_width};
use crate::tui::widgets::notice::screen_notice;
use crate::tui::widgets::progress::draw_progress;
use crate::tui::widgets::textbox;
use crate::tui::widgets::*;

pub fn draw(app: &App, s: &Words, theme: &Theme, frame: &mut Frame, area: Rect) {
    let [progress_area, body] =
        Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(area);
    let counts = SectionCounts::of(app);
    draw_progress(counts.progress(), app.lang, theme, frame, progress_area);
    let wide = body.width >= 110;
    // The section list as wide as its longest name (on a wide screen),
    // else 28 columns; below 72 columns only while it has focus, then
    // alone and whole.
    let side_w = match (wide, app.show_needs && body.width < 160) {
        (true, false) => (sections::width(app, 44) as u16).clamp(28, 44),
        // Beside the needs panel: long names take two lines.
        (true, true) => 30,
        _ => 28,
    };
    let needs_w = if body.width >= 160 {
        (needs_width(app) as u16).clamp(32, 60)
    } else if wide {
        // Each area's name whole on a line of its own, its bar under it:
        // the longest name, the border and the padding.
        (needs_width(app) as u16).saturating_sub(15).clamp(32, 47)
    } else {
        32
    };
    if body.width < 72 && app.qs.focus == Focus::Sections {
        sections::draw(app, &counts, s, theme, frame, body);
        return;
    }
    let (left, main, right) = match (app.show_needs, wide) {
        (false, _) if body.width < 72 => (None, body, None),
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
        sections::draw(app, &counts, s, theme, frame, l);
    }
    if let Some(r) = right {
        draw_needs(app, s, theme, frame, r);
    }
    draw_question_pane(app, s, theme, frame, main);
}

pub fn answer_summary(app: &App, s: &Words, q: &Question, a: Option<&Answer>) -> String {
    match a {
        None => s.not_answered.to_string(),
        Some(Answer::Unknown) => s.unknown.to_string(),
        Some(Answer::NotApplicable) => s.na.to_string(),
        Some(Answer::Choice(id)) => q
            .kind
            .option_index(id)
            .map(|o| q.kind.options()[o].label.get(app.lang.code()).to_string())
            .unwrap_or_else(|| id.clone()),
        Some(Answer::Choices(ids)) => ids
            .iter()
            .map(|id| {
                q.kind
                    .option_index(id)
                    .map(|o| q.kind.options()[o].label.get(app.lang.code()).to_string())
                    .unwrap_or_else(|| id.clone())
            })
            .collect::<Vec<_>>()
            .join(", "),
        Some(Answer::Number(x)) => fmt_num(*x),
        Some(Answer::Text(t)) => t.clone(),
    }
}

fn draw_question_pane(app: &App, s: &Words, theme: &Theme, frame: &mut Frame, area: Rect) {
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
    // An advisor-only question is drawn only in the advisor view.
    if advisor_only(&app.q, i) && !app.advisor_view {
        return;
    }
    let sec_qs = app.section_questions(q.section);
    let pos = sec_qs.iter().position(|&x| x == i).map_or(0, |p| p + 1);
    let sec_title = clean(app.q.sections[q.section].title.get(app.lang.code()));
    let mut lines: Vec<Line> = Vec::new();
    let mut marks = Marks::default();
    let head = format!(
        "{} · {}",
        sec_title,
        tui::question_of(app.lang, pos, sec_qs.len())
    );
    // What came from the company, above the question (a banner).
    let banner = matches!(app.notice, Some(Notice::Imported { .. }));
    if let (true, Some(n)) = (banner, &app.notice) {
        lines.extend(screen_notice(app, n, theme, w));
        lines.push(Line::raw(""));
    }
    lines.push(Line::styled(truncate(&head, w), theme.accent()));
    lines.push(Line::raw(""));
    let mut current_start = lines.len().saturating_sub(2);
    if app.qs.compact {
        for &k in &sec_qs {
            let qk = &app.q.questions[k];
            if k == i {
                current_start = lines.len();
                question_block(app, s, theme, qk, w, &mut lines, &mut marks);
                lines.push(Line::raw(""));
            } else {
                let ans = answer_summary(app, s, qk, app.answer(k));
                let mark = if app.answer(k).is_some() { '✓' } else { '·' };
                let text = format!(
                    "{mark} {} — {}",
                    clean(qk.text.get(app.lang.code())),
                    clean(&ans)
                );
                lines.push(Line::styled(truncate(&text, w), theme.dim()));
            }
        }
    } else {
        question_block(app, s, theme, q, w, &mut lines, &mut marks);
    }
    if let (false, Some(n)) = (banner, &app.notice) {
        lines.push(Line::raw(""));
        lines.extend(screen_notice(app, n, theme, w));
    }
    // Scroll so that the current question (and its cursor) is visible.
    let h = area.height as usize;
    let Marks { cursor, field } = marks;
    let focus_line = cursor
        .map(|(r, _)| r)
        .or(field.map(|(r, n)| r + n - 1))
        .unwrap_or(current_start + 2);
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
    if let Some((row, rows)) = field
        && row >= scroll
        && row - scroll < h
    {
        let top = row - scroll;
        let r = Rect::new(
            area.x + 1,
            area.y + top as u16,
            area.width.saturating_sub(2),
            rows.min(h - top) as u16,
        );
        let focused = app.popup == Popup::None && app.qs.focus == Focus::Question;
        app.qs.text.draw(frame, theme, r, focused);
    }
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

/// Where in the lines of the question pane the typed input is: the
/// terminal cursor of a number field (line, column), the rows of a text
/// area (first line, rows).
#[derive(Default)]
struct Marks {
    cursor: Option<(usize, usize)>,
    field: Option<(usize, usize)>,
}

/// The full block of one question: text, its answer widget, "vet ej"/"ej
/// relevant", notes. Sets `cursor` (line, column) for typed questions.
fn question_block(
    app: &App,
    s: &Words,
    theme: &Theme,
    q: &Question,
    w: usize,
    lines: &mut Vec<Line<'static>>,
    marks: &mut Marks,
) {
    let lang = app.lang.code();
    let i = app.q.question(&q.id).unwrap_or(0);
    let answer = app.answer(i);
    let mut text = clean(q.text.get(lang));
    if q.required {
        text.push_str(" *");
    }
    if advisor_only(&app.q, i) {
        let tag = room::words(app.lang).advisor_question;
        lines.push(Line::styled(
            truncate(&format!("◆ {tag}"), w),
            theme.advisor(),
        ));
    }
    lines.extend(wrapped(&text, w, theme.strong()));
    if answer.is_some()
        && app
            .session()
            .is_some_and(|s| handover::from_company(s, &q.id))
    {
        let tag = room::words(app.lang).company_answer;
        lines.push(Line::styled(
            truncate(&format!("↳ {tag}"), w),
            theme.accent(),
        ));
    }
    lines.push(Line::raw(""));
    let focused = app.qs.focus == Focus::Question;
    match &q.kind {
        Kind::Single { options } | Kind::Multi { options } => {
            let multi = matches!(q.kind, Kind::Multi { .. });
            let long = super::filter::is_long(q);
            let shown: Vec<usize> = if long {
                super::view(app)
            } else {
                (0..options.len()).collect()
            };
            let mut window = 0..shown.len();
            if long {
                // The search field, and a window of the matches around the
                // cursor.
                let l = s.lists;
                let label = format!(" {}: ", l.filter);
                let lw = text_width(&label);
                let field_w = 24.min(w.saturating_sub(lw + 12)).max(4);
                let (typed, col) = app.qs.filter.visible(field_w.saturating_sub(1));
                if focused {
                    marks.cursor = Some((lines.len(), lw + col));
                }
                lines.push(Line::from(vec![
                    Span::styled(label, theme.strong()),
                    Span::styled(pad(&typed, field_w), theme.field().patch(theme.strong())),
                    Span::styled(
                        format!(
                            "  {}",
                            tui_lists::matches(app.lang, shown.len(), options.len())
                        ),
                        theme.dim(),
                    ),
                ]));
                if app.qs.filter.is_empty() {
                    lines.extend(wrapped(&format!(" {}", l.filter_hint), w, theme.dim()));
                }
                if shown.is_empty() {
                    lines.push(Line::styled(format!(" {}", l.no_match), theme.error()));
                }
                let pos = shown.iter().position(|&k| k == app.qs.opt).unwrap_or(0);
                let start = super::filter::window_start(pos, shown.len());
                window = start..(start + super::filter::WINDOW).min(shown.len());
            }
            for &k in &shown[window.clone()] {
                let o = &options[k];
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
                let key = if k < 9 && !long {
                    format!("{}", k + 1)
                } else {
                    " ".into()
                };
                let label = clean(o.label.get(lang));
                let prefix = if long {
                    format!(" {mark} ")
                } else {
                    format!(" {mark} {key}  ")
                };
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
            if window.end < shown.len() {
                lines.push(Line::styled(
                    format!(
                        "      {}",
                        tui_lists::more_options(app.lang, shown.len() - window.end)
                    ),
                    theme.dim(),
                ));
            }
            choice_lines(app, s, theme, q, answer, long, w, lines);
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
            let lo = low.as_ref().map(|t| clean(t.get(lang)));
            let hi = high.as_ref().map(|t| clean(t.get(lang)));
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
                .map(|u| clean(u.get(lang)))
                .unwrap_or_default();
            marks.cursor = Some((lines.len(), 1 + col));
            lines.push(Line::from(vec![
                Span::raw(" "),
                Span::styled(pad(&shown, field_w), theme.field().patch(theme.strong())),
                Span::raw(format!(" {unit}")),
            ]));
            let range = range_text(app.lang, *min, *max);
            if let Some(e) = &app.qs.input_error {
                let msg = match e {
                    InputError::OutOfRange => tui::out_of_range(app.lang, &range),
                    _ => s.bad_number.to_string(),
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
            // A text area, drawn over these rows after the text.
            let field_w = w.saturating_sub(2);
            let rows = app.qs.text.rows(field_w, textbox::MAX_ROWS).max(3);
            marks.field = Some((lines.len(), rows));
            lines.extend(std::iter::repeat_n(Line::raw(""), rows));
            let key = |a| super::KEYS.key_of(a, true, s).unwrap_or_default();
            let hint = room::text_keys(app.lang, key(Action::Enter), key(Action::Newline));
            lines.extend(wrapped(&format!(" {hint}"), w, theme.dim()));
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
        let key_of = |a| super::KEYS.key_of(a, typed, s).unwrap_or_default();
        if q.allow_unknown {
            add(
                &key_of(Action::Unknown),
                s.unknown,
                answer == Some(&Answer::Unknown),
            );
        }
        if q.allow_na {
            add(
                &key_of(Action::NotApplicable),
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
            &format!("{}: {}", s.note, clean_block(n)),
            w,
            theme.accent(),
        ));
    }
    // Private notes only in the advisor view (never on the shared screen).
    if app.advisor_view
        && let Some(n) = notes.and_then(|a| a.private_notes.get(&q.id))
    {
        lines.extend(wrapped(
            &format!("{}: {}", s.private_note, clean_block(n)),
            w,
            theme.dim(),
        ));
    }
    if q.help.is_some() {
        lines.push(Line::raw(""));
        let key = super::KEYS
            .key_of(Action::Help, typed, s)
            .unwrap_or_default();
        let hint = format!("{key} {}", s.has_help);
        lines.push(Line::styled(truncate(&hint, w), theme.dim()));
    }
}

/// Under a list: what is ticked in a long list (whose window hides most
/// options), how many of `max_choices`, and a refused or replaced tick.
#[allow(clippy::too_many_arguments)]
fn choice_lines(
    app: &App,
    s: &Words,
    theme: &Theme,
    q: &Question,
    answer: Option<&Answer>,
    long: bool,
    w: usize,
    lines: &mut Vec<Line<'static>>,
) {
    let lang = app.lang.code();
    let ticked: Vec<&String> = match answer {
        Some(Answer::Choices(ids)) => ids.iter().collect(),
        Some(Answer::Choice(id)) => vec![id],
        _ => vec![],
    };
    if long && !ticked.is_empty() {
        let names: Vec<String> = ticked
            .iter()
            .map(|id| {
                q.kind
                    .option_index(id)
                    .map_or_else(|| clean(id), |k| clean(q.kind.options()[k].label.get(lang)))
            })
            .collect();
        lines.extend(wrapped(
            &format!(" {}: {}", s.lists.chosen, names.join(", ")),
            w,
            theme.accent(),
        ));
    }
    if let Some(max) = q.max_choices {
        let n = if matches!(answer, Some(Answer::Choices(_))) {
            ticked.len()
        } else {
            0
        };
        lines.push(Line::styled(
            format!(" {}", tui_lists::chosen_of_max(app.lang, n, max)),
            theme.dim(),
        ));
    }
    if app.q.question(&q.id) != Some(app.qs.cur) {
        return;
    }
    let msg = match &app.qs.input_error {
        Some(InputError::TooMany(max)) => tui_lists::too_many(app.lang, max),
        Some(InputError::Exclusive(k)) => match q.kind.options().get(*k) {
            Some(o) => tui_lists::exclusive_replaced(app.lang, clean(o.label.get(lang))),
            None => return,
        },
        _ => return,
    };
    lines.extend(wrapped(&format!(" {msg}"), w, theme.error()));
}

fn range_text(lang: Lang, min: Option<f64>, max: Option<f64>) -> String {
    match (min, max) {
        (Some(a), Some(b)) => tui::number_range(lang, fmt_num(a), fmt_num(b)),
        (Some(a), None) => format!("≥ {}", fmt_num(a)),
        (None, Some(b)) => format!("≤ {}", fmt_num(b)),
        (None, None) => String::new(),
    }
}
