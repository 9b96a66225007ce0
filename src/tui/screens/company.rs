//! The company form: name, organisation number, municipality, SNI code,
//! employees and (advisor) who is present.

use ratatui::crossterm::event::KeyEvent;

use crate::answers::Answer;

use crate::tui::app::*;
use crate::tui::keymap::{self, Action};
use crate::tui::update::*;
use crate::tui::widgets::input::{Input, draw_input};
use crate::tui::widgets::notice::notice_lines;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Span;
use ratatui::widgets::{Block, Paragraph};

use crate::questionnaire::Kind;

use crate::tui::strings::Strings;
use crate::tui::theme::Theme;
use crate::tui::widgets::*;

pub fn keys(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    let items = app.company.items();
    let on_button = app.company.on_button();
    let action = if on_button {
        keymap::normal(&key)
    } else {
        keymap::global(&key)
    };
    match action {
        Some(Action::Up | Action::BackTab) => {
            app.company.focus = app.company.focus.checked_sub(1).unwrap_or(items - 1)
        }
        Some(Action::Down | Action::Tab) => app.company.focus = (app.company.focus + 1) % items,
        Some(Action::Enter) if !on_button => app.company.focus += 1,
        Some(Action::Enter | Action::Space | Action::Next) => return to_questions(app),
        Some(Action::Esc) => return leave_session(app),
        Some(Action::Quit | Action::Interrupt) => ask_quit(app),
        Some(Action::Summary) => {
            goto(app, Screen::Summary);
        }
        _ if !on_button => {
            let focus = app.company.focus;
            if let Some(input) = app.company.input_mut(focus)
                && input.handle_key(key)
            {
                return apply_company(app);
            }
        }
        _ => {}
    }
    vec![]
}

fn to_questions(app: &mut App) -> Vec<Effect> {
    let cur = app.qs.cur;
    let cur = if app.shown(cur) {
        cur
    } else {
        app.first_shown().unwrap_or(0)
    };
    goto(app, Screen::Questions);
    app.qs.focus = Focus::Question;
    load_question(app, cur);
    save(app).into_iter().collect()
}

/// Copies the form into the session (valid values only) and keeps one
/// empty attendee row at the end.
pub fn apply_company(app: &mut App) -> Vec<Effect> {
    let is_self = app.is_self();
    let form = &mut app.company;
    if !is_self
        && form
            .attendees
            .last()
            .is_none_or(|(n, o)| !n.is_empty() || !o.is_empty())
    {
        form.attendees.push((Input::default(), Input::default()));
    }
    let opt = |s: &str| {
        let s = s.trim();
        (!s.is_empty()).then(|| s.to_string())
    };
    let name = opt(form.field(F_NAME));
    let org = opt(form.field(F_ORG)).filter(|s| crate::answers::org_number_valid(s));
    let muni = opt(form.field(F_MUNI));
    let sni = opt(form.field(F_SNI)).filter(|s| crate::answers::sni_valid(s));
    let employees = form.field(F_EMPLOYEES).trim().parse::<u64>().ok();
    let attendees = form.attendee_list();
    let Some(s) = app.session.as_mut() else {
        return vec![];
    };
    let before = s.answers.company.employees;
    let c = &mut s.answers.company;
    c.name = name;
    c.org_number = org;
    c.municipality = muni;
    c.sni = sni;
    c.employees = employees;
    s.meta.attendees = attendees;
    if let Some(n) = employees
        && before != Some(n)
    {
        sync_employees_to_question(app, n, before);
    }
    save(app).into_iter().collect()
}

pub const EMPLOYEES_QUESTION: &str = "anstallda";

/// The company form's employees fill the `anstallda` question when it is
/// shown, a number question and still unanswered (or still holds the
/// form's previous value, as while the number is being typed).
fn sync_employees_to_question(app: &mut App, n: u64, before: Option<u64>) {
    let Some(i) = app.q.question(EMPLOYEES_QUESTION) else {
        return;
    };
    let follows_form = match (app.answer(i), before) {
        (None, _) => true,
        (Some(Answer::Number(x)), Some(b)) => *x == b as f64,
        _ => false,
    };
    if !matches!(app.q.questions[i].kind, Kind::Number { .. }) || !app.shown(i) || !follows_form {
        return;
    }
    if let Some(s) = app.session.as_mut() {
        s.set_answer(EMPLOYEES_QUESTION, Some(Answer::Number(n as f64)));
    }
    rescore(app);
    if app.qs.cur == i {
        app.qs.input = Input::new(&n.to_string());
    }
}

pub fn draw(app: &App, s: &Strings, theme: &Theme, frame: &mut Frame, area: Rect) {
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
