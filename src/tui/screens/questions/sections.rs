//! The section list beside the questions.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::{Block, Borders, List, ListItem, ListState};

use crate::i18n::tui::Words;

use crate::tui::app::*;
use crate::tui::keymap::Action;
use crate::tui::theme::Theme;
use crate::tui::update::*;
use crate::tui::widgets::*;

/// An action while the section list has focus (its keys are in the
/// question screen's keymap).
pub fn act(app: &mut App, action: Action) -> Vec<Effect> {
    let last = app.q.sections.len() + 1;
    match action {
        Action::Up => app.qs.sec_cursor = app.qs.sec_cursor.saturating_sub(1),
        Action::Down => app.qs.sec_cursor = (app.qs.sec_cursor + 1).min(last),
        Action::Enter => {
            let c = app.qs.sec_cursor;
            if c == 0 {
                goto(app, Screen::Company);
                app.qs.focus = Focus::Question;
            } else if c == last {
                goto(app, Screen::Summary);
                app.qs.focus = Focus::Question;
            } else if let Some(&first) = app.section_questions(c - 1).first() {
                app.qs.focus = Focus::Question;
                load_question(app, first);
                return save(app).into_iter().collect();
            }
        }
        Action::Digit(d) if d > 0 => {
            app.qs.sec_cursor = usize::from(d).min(last);
        }
        Action::Back => app.qs.focus = Focus::Question,
        Action::Needs => app.show_needs = !app.show_needs,
        Action::Summary => goto(app, Screen::Summary),
        Action::Quit => ask_quit(app),
        _ => {}
    }
    vec![]
}

/// Answered and shown questions per section, counted in one pass per
/// frame (a map lookup per answer rather than per question: this keeps a
/// frame of a 2,000-question questionnaire cheap).
pub struct SectionCounts {
    done: Vec<usize>,
    total: Vec<usize>,
}

impl SectionCounts {
    pub fn of(app: &App) -> SectionCounts {
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
        // The evaluation and the view once, not per question.
        let (eval, view) = (app.eval(), app.view());
        for (i, q) in app.q.questions.iter().enumerate() {
            if shown(&app.q, eval, view, i)
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

    pub fn get(&self, sec: usize) -> (usize, usize) {
        (
            self.done.get(sec).copied().unwrap_or(0),
            self.total.get(sec).copied().unwrap_or(0),
        )
    }

    /// Answered and shown questions of the whole questionnaire.
    pub fn progress(&self) -> (usize, usize) {
        (self.done.iter().sum(), self.total.iter().sum())
    }
}

/// The columns the list takes with every section's name whole, up to
/// `max` (it stops looking there: this runs on every frame).
pub fn width(app: &App, max: usize) -> usize {
    // Marker, tick, space, name, space, count (up to 99/99), border.
    let extra = 3 + 1 + 5 + 1;
    let mut name = 0;
    for x in &app.q.sections {
        name = name.max(text_width_up_to(x.title.get(app.lang.code()), max));
        if name + extra >= max {
            break;
        }
    }
    name + extra
}

pub fn draw(
    app: &App,
    counts: &SectionCounts,
    s: &Words,
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
    let eval = app.eval();
    let selected = if app.qs.focus == Focus::Sections {
        app.qs.sec_cursor
    } else {
        cur_sec.map_or(0, |c| c + 1)
    };
    // Rows past the window cannot be shown (the list scrolls only as far as
    // the selected row): do not build them.
    let window = (inner.height as usize).max(selected + 1);
    // Names too long for the list take two lines when every row still fits.
    let h = inner.height as usize;
    // (Only names too long for a line are wrapped to count them: this runs
    // on every frame.)
    let title_w = w.saturating_sub(9);
    let two_lines = app.q.sections.len() + 2 <= h && {
        let rows: usize = app
            .q
            .sections
            .iter()
            .map(|x| {
                let t = x.title.get(app.lang.code());
                if text_width_up_to(t, title_w + 1) <= title_w {
                    1
                } else {
                    wrap(&clean(t), title_w).len()
                }
            })
            .sum();
        rows + 2 <= h
    };
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
        let full = clean(sec.title.get(app.lang.code()));
        let text = if two_lines && text_width(&full) > title_w {
            // Whole, on as many lines as it takes; the count on the last.
            let parts = wrap(&full, title_w);
            let n = parts.len();
            parts
                .iter()
                .enumerate()
                .map(|(i, p)| match (i, i + 1 == n) {
                    (0, false) => format!("{cur}{mark} {p}"),
                    (0, true) => format!("{cur}{mark} {} {count}", pad(p, title_w)),
                    (_, false) => format!("   {p}"),
                    (_, true) => format!("   {} {count}", pad(p, title_w)),
                })
                .collect::<Vec<_>>()
                .join("\n")
        } else {
            let title = truncate(&full, title_w);
            format!("{cur}{mark} {} {count}", pad(&title, title_w))
        };
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
