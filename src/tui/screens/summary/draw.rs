//! Drawing of the summary.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, List, ListItem, ListState, Paragraph};

use crate::answers::Answer;
use crate::i18n::room;
use crate::i18n::tui::{self, Words};
use crate::questionnaire::Cost;
use crate::scoring::Reason;
use crate::text::fmt_num;

use super::{KEYS, SummaryFocus};
use crate::tui::app::*;
use crate::tui::keymap::Action;
use crate::tui::theme::Theme;
use crate::tui::widgets::input::draw_input;
use crate::tui::widgets::needs::need_spans;
use crate::tui::widgets::notice::notice_lines;
use crate::tui::widgets::*;

pub fn draw(app: &App, s: &Words, theme: &Theme, frame: &mut Frame, area: Rect) {
    let (Some(open), Some(eval)) = (&app.open, app.eval()) else {
        return;
    };
    let sess = &open.session;
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
    let cmp = open.comparison_for(app.advisor_view);
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
    if let (Some(c), Some(p)) = (cmp, &open.previous) {
        use crate::session::Direction;
        let count = |d: Direction| c.areas.iter().filter(|x| x.direction == d).count();
        lines.push(Line::raw(""));
        lines.push(Line::styled(
            truncate(
                &tui::since_last(app.lang, clean(p.updated.get(..10).unwrap_or(&p.updated))),
                w,
            ),
            theme.title(),
        ));
        lines.push(Line::raw(truncate(
            &tui::needs_moved(
                app.lang,
                count(Direction::Up),
                count(Direction::Down),
                count(Direction::New),
            ),
            w,
        )));
        let then: Vec<String> = c
            .referred_before()
            .map(|r| clean(&app.q.actors[r.actor].name))
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
            &format!("{mark} {}", clean(q.text.get(app.lang.code()))),
            w,
        )));
    }
    if app.advisor_view {
        lines.extend(advisor_lines(app, theme, w));
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
                pad(&truncate(&clean(&actor.name), name_w), name_w)
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
        let key = |a, in_field| KEYS.key_of(a, in_field, s).unwrap_or_default();
        format!(
            "{}, {}: {}",
            key(Action::Tab, false),
            key(Action::Export, true),
            s.export_self_button
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
            Paragraph::new(notice_lines(n, app.lang, theme, notice_area.width as usize)),
            notice_area,
        );
    }
}

fn actor_details(
    app: &App,
    s: &Words,
    theme: &Theme,
    r: &crate::scoring::Referral,
    w: usize,
) -> Vec<Line<'static>> {
    let lang = app.lang.code();
    let actor = &app.q.actors[r.actor];
    let mut lines = vec![Line::styled(
        format!(
            "{} — {} {}",
            clean(&actor.name),
            s.score,
            crate::output::round(r.score)
        ),
        theme.strong(),
    )];
    if let Some(then) = app
        .open
        .as_ref()
        .and_then(|o| o.comparison_for(app.advisor_view))
        .and_then(|c| c.referrals.get(r.actor))
    {
        let status = if then.was_recommended {
            s.recommended
        } else {
            s.not_recommended
        };
        lines.push(Line::styled(
            tui::last_visit_actor(app.lang, status, crate::output::round(then.before)),
            theme.accent(),
        ));
    }
    lines.extend(wrapped(&clean(actor.description.get(lang)), w, theme.dim()));
    if !r.reasons.is_empty() {
        lines.push(Line::styled(format!("{}:", s.reasons), theme.title()));
    }
    for reason in &r.reasons {
        let text = match reason {
            Reason::Rule { rule } => actor
                .rules
                .get(*rule)
                .map(|x| clean(x.reason.get(lang)))
                .unwrap_or_default(),
            Reason::Answer(c) => {
                let q = &app.q.questions[c.question];
                let ans = crate::tui::screens::questions::answer_summary(
                    app,
                    s,
                    q,
                    app.answer(c.question),
                );
                format!(
                    "{} → {} (+{} {})",
                    clean(q.text.get(lang)),
                    clean(&ans),
                    fmt_num(c.points),
                    clean(app.q.areas[c.area].title.get(lang))
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
        let mut text = format!("{} ({cost})", clean(svc.name.get(lang)));
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
            &format!("{}: {}", s.next_step, clean(next.get(lang))),
            w,
            theme.accent(),
        ));
    }
    lines
}

/// The advisor view's part of the summary: the answers to advisor-only
/// questions, private notes, and notes on advisor-only questions.
pub fn advisor_lines(app: &App, theme: &Theme, w: usize) -> Vec<Line<'static>> {
    let r = room::words(app.lang);
    let s = tui::words(app.lang);
    let lang = app.lang.code();
    let Some(a) = app.answers() else {
        return vec![];
    };
    let mut lines = Vec::new();
    let mut block = |title: &str, items: Vec<(String, String)>| {
        if items.is_empty() {
            return;
        }
        lines.push(Line::raw(""));
        lines.push(Line::styled(format!("◆ {title}"), theme.advisor()));
        for (q, text) in items {
            lines.extend(
                wrap(&format!("{q}: {text}"), w.saturating_sub(2))
                    .into_iter()
                    .enumerate()
                    .map(|(n, l)| Line::raw(format!("{}{l}", if n == 0 { "• " } else { "  " }))),
            );
        }
    };
    let text_of = |id: &str| {
        app.q
            .question(id)
            .map(|i| clean(app.q.questions[i].text.get(lang)))
            .unwrap_or_else(|| clean(id))
    };
    let answers: Vec<(String, String)> = app
        .q
        .questions
        .iter()
        .enumerate()
        .filter(|(i, _)| advisor_only(&app.q, *i))
        .filter_map(|(i, q)| {
            let ans = app.answer(i)?;
            let text = crate::tui::screens::questions::answer_summary(app, s, q, Some(ans));
            Some((clean(q.text.get(lang)), clean(&text)))
        })
        .collect();
    block(r.advisor_answers, answers);
    let advisor_notes: Vec<(String, String)> = a
        .notes
        .iter()
        .filter(|(id, _)| app.q.question(id).is_some_and(|i| advisor_only(&app.q, i)))
        .map(|(id, n)| (text_of(id), clean(n)))
        .collect();
    block(r.notes_heading, advisor_notes);
    let private: Vec<(String, String)> = a
        .private_notes
        .iter()
        .map(|(id, n)| (text_of(id), clean(n)))
        .collect();
    block(r.private_notes, private);
    lines
}
