//! The parts of the summary as lines for a given width: the actors with
//! their consent (or, in a self-assessment, referral requests), the
//! selected actor's details, and the overview (needs per area, changes
//! since the last visit, open questions and, in the advisor view, what
//! only the advisor sees). Names are never cut where the width allows:
//! a need row whose area name does not fit beside its bar takes two lines.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::answers::Answer;
use crate::i18n::room;
use crate::i18n::tui::{self, Words};
use crate::questionnaire::Cost;
use crate::scoring::{Evaluation, Reason, Referral};
use crate::session::{Comparison, Direction};

use super::SummaryFocus;
use crate::tui::app::*;
use crate::tui::handover;
use crate::tui::keymap::Action;
use crate::tui::theme::Theme;
use crate::tui::widgets::needs::{COVERAGE_W, coverage_mark};
use crate::tui::widgets::*;

/// Columns of a need bar.
pub const BAR_W: usize = 10;

/// The width a needs row takes with its area name whole.
pub fn need_row_width(app: &App, eval: &Evaluation, cmp: bool) -> usize {
    let name = eval
        .areas
        .iter()
        .map(|a| text_width(&clean(app.q.areas[a.area].title.get(app.lang.code()))))
        .max()
        .unwrap_or(0);
    name + 1 + BAR_W + 4 + COVERAGE_W + if cmp { 2 } else { 0 }
}

/// The width an actor row takes with the actor's name whole.
pub fn actor_row_width(app: &App, s: &Words) -> usize {
    let name = app
        .ranked()
        .iter()
        .map(|r| text_width(&clean(app.q.actors[r.actor].name.get(app.lang.code()))))
        .max()
        .unwrap_or(0);
    5 + name + 1 + 3 + 2 + status_width(s)
}

/// The widest actor status.
fn status_width(s: &Words) -> usize {
    text_width(s.recommended)
        .max(text_width(s.not_recommended))
        .max(text_width(s.lists.provisional))
}

/// The actors with their boxes: heading, one row each, then what the
/// company asked for and who gives and records consent. The first actor's
/// row is line 1.
pub fn actors(app: &App, s: &Words, theme: &Theme, w: usize) -> Vec<Line<'static>> {
    let r = room::words(app.lang);
    let Some(a) = app.answers() else {
        return vec![];
    };
    let heading = if app.is_self() {
        r.request_heading
    } else {
        s.consent
    };
    let mut lines = vec![Line::styled(
        truncate(&format!("{} · {heading}", s.summary_heading), w),
        theme.title(),
    )];
    let ranked = app.ranked();
    let name_w = ranked
        .iter()
        .map(|x| text_width(&clean(app.q.actors[x.actor].name.get(app.lang.code()))))
        .max()
        .unwrap_or(0);
    let status_w = status_width(s);
    let pending: Vec<&str> = app
        .session()
        .map(|s| s.pending_requests())
        .unwrap_or_default();
    let focused = app.summary.focus == SummaryFocus::Actors;
    for (k, x) in ranked.iter().enumerate() {
        let actor = &app.q.actors[x.actor];
        let given = a.consent.get(&actor.id) == Some(&true);
        let asked = !given && pending.contains(&actor.id.as_str());
        let mark = if focused && k == app.summary.cursor {
            '›'
        } else {
            ' '
        };
        let tick = match (given, asked) {
            (true, _) => "[x]",
            (false, true) => "[?]",
            _ => "[ ]",
        };
        let score = format!("{:>3}", crate::score_output::round(x.score));
        // A star only when the engine recommends; a high score from too
        // little of what the actor weighs is provisional.
        let (status, star) = if x.recommended {
            (s.recommended, "★")
        } else if x.provisional {
            (s.lists.provisional, s.lists.provisional_mark)
        } else {
            (s.not_recommended, " ")
        };
        // Name whole; the status in words when it fits, else a star.
        let fixed = 5 + 1 + 3 + 2;
        let (nw, tail) = if fixed + name_w + status_w <= w {
            (name_w, pad(status, status_w))
        } else if fixed + name_w <= w {
            (name_w, star.to_string())
        } else {
            (w.saturating_sub(fixed), star.to_string())
        };
        let name = pad(&truncate(&clean(actor.name.get(app.lang.code())), nw), nw);
        let text = format!("{mark}{tick} {name} {score}  {tail}");
        let style = if focused && k == app.summary.cursor {
            theme.selected()
        } else if x.recommended {
            theme.strong()
        } else {
            theme.dim()
        };
        lines.push(Line::styled(pad(&truncate(&text, w), w), style));
    }
    // The company's own to-dos: not an actor, no consent box.
    let advice = super::advice(app);
    if !advice.is_empty() {
        let here = focused && app.summary.cursor == ranked.len();
        let text = format!(
            "{}    {} ({})",
            if here { '›' } else { ' ' },
            s.lists.advice,
            advice.len()
        );
        let style = if here {
            theme.selected()
        } else {
            theme.accent()
        };
        lines.push(Line::styled(pad(&truncate(&text, w), w), style));
    }
    lines
}

/// What goes with the actors, shown first beside them (the top of the
/// details): the legend of provisional scores, what the company asked for
/// and who gives and records consent (or, in a self-assessment, what the
/// company writes).
pub fn actor_notes(app: &App, s: &Words, theme: &Theme, w: usize) -> Vec<Line<'static>> {
    let r = room::words(app.lang);
    let mut lines = Vec::new();
    if app.ranked().iter().any(|x| x.provisional) {
        lines.extend(wrapped(s.lists.actors_legend, w, theme.dim()));
    }
    if app.is_self() {
        lines.extend(wrapped(r.self_files_note, w, theme.dim()));
        return lines;
    }
    let pending: Vec<&str> = app
        .session()
        .map(|x| x.pending_requests())
        .unwrap_or_default();
    let open: Vec<String> = pending
        .iter()
        .filter_map(|id| app.q.actors.iter().find(|x| x.id == *id))
        .map(|x| clean(x.name.get(app.lang.code())))
        .collect();
    if !open.is_empty() {
        let key = super::KEYS
            .key_of(Action::Space, false, s)
            .unwrap_or_default();
        lines.extend(wrapped(
            &room::requested(app.lang, open.join(", "), key),
            w,
            theme.warn(),
        ));
    }
    if let Some((g, rec)) = &app.consent_who {
        lines.extend(wrapped(
            &room::consent_by(app.lang, clean(g), clean(rec)),
            w,
            theme.dim(),
        ));
    }
    lines
}

/// The selected actor: score, last visit, description, reasons (answers
/// in words), offers and the next step.
pub fn details(app: &App, s: &Words, theme: &Theme, w: usize) -> Vec<Line<'static>> {
    let Some(r) = app.ranked().get(app.summary.cursor).copied() else {
        return advice_details(app, s, theme, w);
    };
    let lang = app.lang.code();
    let actor = &app.q.actors[r.actor];
    let mut lines = wrapped(
        &format!(
            "{} — {} {}",
            clean(actor.name.get(app.lang.code())),
            s.score,
            crate::score_output::round(r.score)
        ),
        w,
        theme.strong(),
    );
    if let Some(then) = comparison(app).and_then(|c| c.referrals.get(r.actor)) {
        let status = if then.was_recommended {
            s.recommended
        } else {
            s.not_recommended
        };
        lines.extend(wrapped(
            &tui::last_visit_actor(app.lang, status, crate::score_output::round(then.before)),
            w,
            theme.accent(),
        ));
    }
    lines.extend(wrapped(&clean(actor.description.get(lang)), w, theme.dim()));
    if !r.reasons.is_empty() {
        lines.push(Line::styled(format!("{}:", s.reasons), theme.title()));
    }
    for text in reasons(app, s, r) {
        lines.extend(bullet(&text, w));
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
            Cost::Unknown => s.cost_unknown,
        };
        let mut text = format!("{} ({cost})", clean(svc.name.get(lang)));
        if offer.undecided {
            text.push_str(&format!(" – {}", s.undecided));
        }
        lines.extend(bullet(&text, w));
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

/// The advice for the company, each wrapped in full (the entry after the
/// actors).
fn advice_details(app: &App, s: &Words, theme: &Theme, w: usize) -> Vec<Line<'static>> {
    let advice = super::advice(app);
    if advice.is_empty() {
        return vec![];
    }
    let mut lines = vec![Line::styled(s.lists.advice.to_string(), theme.strong())];
    lines.extend(wrapped(s.lists.advice_intro, w, theme.dim()));
    for a in advice {
        let text = clean(app.q.advice[a].text.get(app.lang.code()));
        lines.extend(bullet(&text, w));
    }
    lines
}

/// Why an actor is recommended, in words: a fired rule's reason, or the
/// question and the answer given (marked when the company gave it).
fn reasons(app: &App, s: &Words, r: &Referral) -> Vec<String> {
    let lang = app.lang.code();
    let actor = &app.q.actors[r.actor];
    let session = app.session();
    r.reasons
        .iter()
        .map(|reason| match reason {
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
                let mut text = format!("{} → {}", clean(q.text.get(lang)), clean(&ans));
                if session.is_some_and(|x| handover::from_company(x, &q.id)) {
                    text.push_str(&format!(" ({})", room::words(app.lang).company_answer));
                }
                text
            }
        })
        .collect()
}

fn bullet(text: &str, w: usize) -> Vec<Line<'static>> {
    wrap(text, w.saturating_sub(2))
        .into_iter()
        .enumerate()
        .map(|(n, l)| Line::raw(format!("{}{l}", if n == 0 { "• " } else { "  " })))
        .collect()
}

/// The comparison with the last visit the screen shows.
fn comparison(app: &App) -> Option<&Comparison> {
    app.open
        .as_ref()
        .and_then(|o| o.comparison_for(app.advisor_view))
}

/// Needs per area, the changes since the last visit, open questions and,
/// in the advisor view, the advisor's part.
pub fn overview(
    app: &App,
    s: &Words,
    theme: &Theme,
    eval: &Evaluation,
    w: usize,
) -> Vec<Line<'static>> {
    let cmp = comparison(app);
    // A follow-up: what changed since the last visit, first.
    let mut lines = Vec::new();
    if let (Some(c), Some(p)) = (cmp, app.open.as_ref().and_then(|o| o.previous.as_ref())) {
        let count = |d: Direction| c.areas.iter().filter(|x| x.direction == d).count();
        lines.extend(wrapped(
            &tui::since_last(app.lang, clean(p.updated.get(..10).unwrap_or(&p.updated))),
            w,
            theme.title(),
        ));
        lines.extend(wrapped(
            &tui::needs_moved(
                app.lang,
                count(Direction::Up),
                count(Direction::Down),
                count(Direction::New),
            ),
            w,
            Style::new(),
        ));
        let then: Vec<String> = c
            .referred_before()
            .map(|r| clean(app.q.actors[r.actor].name.get(app.lang.code())))
            .collect();
        let then = if then.is_empty() {
            s.none.to_string()
        } else {
            then.join(", ")
        };
        lines.extend(wrapped(
            &format!("{} {then}", s.referred_then),
            w,
            Style::new(),
        ));
        lines.push(Line::raw(""));
    }
    lines.push(Line::styled(s.needs_per_area, theme.title()));
    let full = need_row_width(app, eval, cmp.is_some());
    for a in &eval.areas {
        let title = clean(app.q.areas[a.area].title.get(app.lang.code()));
        let num = a.need.map_or("–".to_string(), |n| {
            crate::score_output::round(n).to_string()
        });
        let arrow = cmp.map(|c| match c.areas.get(a.area).map(|x| x.direction) {
            Some(Direction::Up) => " ↑",
            Some(Direction::Down) => " ↓",
            Some(Direction::New) => " +",
            _ => "  ",
        });
        let bar = |bar_w: usize| {
            let mut spans = vec![
                Span::styled(crate::score_output::bar(a.need, bar_w), theme.bar()),
                Span::raw(format!("{num:>4}")),
                Span::styled(format!(" {}", coverage_mark(a.coverage)), theme.dim()),
            ];
            if let Some(x) = arrow {
                spans.push(Span::styled(x, theme.accent()));
            }
            spans
        };
        // Beside the bar when the name fits (all names padded alike), else
        // on a line of its own.
        let tail = 1 + BAR_W + 4 + COVERAGE_W + if cmp.is_some() { 2 } else { 0 };
        let name_w = full.min(w).saturating_sub(tail);
        if text_width(&title) <= name_w {
            let mut spans = vec![Span::raw(pad(&title, name_w)), Span::raw(" ")];
            spans.extend(bar(BAR_W));
            lines.push(Line::from(spans));
        } else {
            // The name on a line of its own (wrapped, never cut), the bar
            // under it.
            lines.extend(wrapped(&title, w, Style::new()));
            let bar_w = w.saturating_sub(2 + 4 + COVERAGE_W + 2).clamp(1, BAR_W);
            let mut spans = vec![Span::raw("  ")];
            spans.extend(bar(bar_w));
            lines.push(Line::from(spans));
        }
    }
    lines.extend(wrapped(s.lists.coverage_legend, w, theme.dim()));
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
        let text = format!("{mark} {}", clean(q.text.get(app.lang.code())));
        lines.extend(
            wrap(&text, w.saturating_sub(2))
                .into_iter()
                .enumerate()
                .map(|(n, l)| Line::raw(if n == 0 { l } else { format!("  {l}") })),
        );
    }
    if app.advisor_view {
        lines.extend(advisor(app, theme, w));
    }
    lines
}

/// The advisor view's part: the answers to advisor-only questions, notes
/// on them, and the private notes.
pub fn advisor(app: &App, theme: &Theme, w: usize) -> Vec<Line<'static>> {
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
        lines.extend(wrapped(&format!("◆ {title}"), w, theme.advisor()));
        for (q, text) in items {
            lines.extend(bullet(&format!("{q}: {text}"), w));
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
    let notes: Vec<(String, String)> = a
        .notes
        .iter()
        .filter(|(id, _)| app.q.question(id).is_some_and(|i| advisor_only(&app.q, i)))
        .map(|(id, n)| (text_of(id), clean(n)))
        .collect();
    block(r.notes_heading, notes);
    let private: Vec<(String, String)> = a
        .private_notes
        .iter()
        .map(|(id, n)| (text_of(id), clean(n)))
        .collect();
    block(r.private_notes, private);
    lines
}
