//! The summary: needs, open questions, actors with consent, export.

use std::path::PathBuf;

use ratatui::crossterm::event::KeyEvent;

use crate::answers::Answer;

use crate::session::Session;
use crate::tui::app::*;
use crate::tui::keymap::{
    self, Action, BACKTAB, Binding, ENTER, ESC, Keymap, LEFT, PGDN, PGUP, SPACE, TAB, UP, ch, ctrl,
    f,
};
use crate::tui::update::*;
use crate::tui::widgets::input::Input;
use crate::tui::widgets::input::draw_input;
use crate::tui::widgets::needs::need_spans;
use crate::tui::widgets::notice::notice_lines;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, List, ListItem, ListState, Paragraph};

use crate::questionnaire::Cost;
use crate::scoring::Reason;
use crate::text::{fmt_num, sanitize_line};

use crate::i18n::Lang;
use crate::i18n::tui::{self, Words};
use crate::tui::theme::Theme;
use crate::tui::widgets::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SummaryFocus {
    Actors,
    Path,
}

#[derive(Debug, Clone)]
pub struct SummaryState {
    pub cursor: usize,
    pub focus: SummaryFocus,
    /// The folder exports are written to.
    pub path: Input,
    pub scroll: u16,
}

impl SummaryState {
    pub fn new(export_dir: &str) -> SummaryState {
        SummaryState {
            cursor: 0,
            focus: SummaryFocus::Actors,
            path: Input::new(export_dir),
            scroll: 0,
        }
    }
}

/// What an export writes.
#[derive(Debug, Clone)]
pub struct ExportJob {
    pub dir: PathBuf,
    pub session: Box<Session>,
    pub lang: Lang,
    /// Actors (ids) with consent: one referral each.
    pub actors: Vec<String>,
    /// Self-assessment: also write the answers file for the advisor.
    pub self_file: bool,
    /// The documents' date (`YYYY-MM-DD`; default today).
    pub date: Option<String>,
}

fn on_actors(app: &App) -> bool {
    app.summary.focus == SummaryFocus::Actors
}

fn on_path(app: &App) -> bool {
    app.summary.focus == SummaryFocus::Path
}

pub const KEYS: Keymap = Keymap {
    bindings: &[
        // The export folder (first: its Enter is the one the hint names).
        Binding::new(
            &[ENTER, f(10)],
            Action::Export,
            |w| w.h_ok,
            |w| w.help_export,
        )
        .when(on_path),
        Binding::new(
            &[TAB, ESC, BACKTAB, UP],
            Action::Back,
            |w| w.h_to_question,
            |w| w.help_to_actors,
        )
        .show(2)
        .when(on_path),
        // The actors.
        keymap::MOVE_UP.when(on_actors),
        keymap::MOVE_DOWN.when(on_actors),
        Binding::new(
            &[SPACE, ENTER],
            Action::Space,
            |w| w.h_consent,
            |w| w.help_consent,
        )
        .when(on_actors),
        Binding::new(
            &[TAB, BACKTAB],
            Action::Tab,
            |w| w.h_to_folder,
            |w| w.help_to_folder,
        )
        .when(on_actors),
        Binding::new(
            &[ch('x'), f(10)],
            Action::Export,
            |w| w.h_export,
            |w| w.help_export,
        )
        .when(on_actors),
        Binding::new(
            &[PGUP, ctrl('p')],
            Action::Prev,
            |w| w.h_scroll,
            |w| w.help_scroll_up,
        )
        .when(on_actors),
        Binding::new(
            &[PGDN, ctrl('n')],
            Action::Next,
            |w| w.h_scroll,
            |w| w.help_scroll_down,
        )
        .when(on_actors),
        Binding::new(
            &[ESC, LEFT, ch('h')],
            Action::Back,
            |w| w.h_back,
            |w| w.help_back_questions,
        )
        .when(on_actors),
        Binding::quiet(&[ch('b'), f(7)], Action::Needs, |w| w.help_needs).when(on_actors),
        keymap::LANG,
        keymap::HELP,
        keymap::QUIT,
    ],
    in_field: on_path,
};

pub fn act(app: &mut App, action: Action) -> Vec<Effect> {
    if on_path(app) {
        match action {
            Action::Export => return export(app),
            Action::Back => app.summary.focus = SummaryFocus::Actors,
            Action::Quit => ask_quit(app),
            _ => {}
        }
        return vec![];
    }
    let n = app.ranked().len();
    match action {
        Action::Up => app.summary.cursor = app.summary.cursor.saturating_sub(1),
        Action::Down => app.summary.cursor = (app.summary.cursor + 1).min(n.saturating_sub(1)),
        Action::Space => return toggle_consent(app),
        Action::Tab => app.summary.focus = SummaryFocus::Path,
        Action::Export => return export(app),
        Action::Next => app.summary.scroll = app.summary.scroll.saturating_add(5),
        Action::Prev => app.summary.scroll = app.summary.scroll.saturating_sub(5),
        Action::Back => {
            goto(app, Screen::Questions);
            app.qs.focus = Focus::Question;
        }
        Action::Needs => app.show_needs = !app.show_needs,
        Action::Quit => ask_quit(app),
        _ => {}
    }
    vec![]
}

/// Typing into the export folder.
pub fn typed(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    app.summary.path.handle_key(key);
    vec![]
}

/// A pasted folder.
pub fn paste(app: &mut App, text: &str) {
    if on_path(app) {
        app.summary.path.insert_str(text.trim());
    }
}

fn toggle_consent(app: &mut App) -> Vec<Effect> {
    let Some(actor) = app.ranked().get(app.summary.cursor).map(|r| r.actor) else {
        return vec![];
    };
    let id = app.q.actors[actor].id.clone();
    let now = (app.clock.now)();
    let company_word = tui::words(app.lang).the_company;
    let is_self = app.is_self();
    let Some(s) = app.open.as_mut().map(|o| &mut o.session) else {
        return vec![];
    };
    let given = s.answers.consent.get(&id) != Some(&true);
    if given {
        s.answers.consent.insert(id.clone(), true);
    } else {
        s.answers.consent.remove(&id);
    }
    // Who recorded it: the first attendee (normally the advisor), or the
    // company itself in a self-assessment.
    let by = s
        .meta
        .attendees
        .first()
        .map(|a| a.name.trim().to_string())
        .filter(|n| !n.is_empty())
        .or_else(|| is_self.then(|| company_word.to_string()));
    log_consent(&mut s.answers.meta, &id, given, &now, by);
    save(app).into_iter().collect()
}

/// Most consent log entries kept (the newest).
const MAX_CONSENT_LOG: usize = 500;

/// Appends `{actor, given, at, by}` to `[[meta.consent_log]]` (docs/EXPORT.md).
fn log_consent(meta: &mut toml::Table, actor: &str, given: bool, at: &str, by: Option<String>) {
    let mut entry = toml::Table::new();
    entry.insert("actor".into(), actor.into());
    entry.insert("given".into(), given.into());
    entry.insert("at".into(), at.into());
    if let Some(by) = by {
        entry.insert("by".into(), by.into());
    }
    let log = meta
        .entry("consent_log")
        .or_insert_with(|| toml::Value::Array(Vec::new()));
    if !log.is_array() {
        *log = toml::Value::Array(Vec::new());
    }
    if let toml::Value::Array(a) = log {
        a.push(toml::Value::Table(entry));
        if a.len() > MAX_CONSENT_LOG {
            a.drain(..a.len() - MAX_CONSENT_LOG);
        }
    }
}

fn export(app: &mut App) -> Vec<Effect> {
    let Some(s) = app.session() else {
        return vec![];
    };
    let dir = app.summary.path.text().trim();
    let dir = if dir.is_empty() { "." } else { dir };
    let actors = app
        .ranked()
        .iter()
        .map(|r| app.q.actors[r.actor].id.clone())
        .filter(|id| s.answers.consent.get(id) == Some(&true))
        .collect();
    vec![Effect::Export(Box::new(ExportJob {
        dir: PathBuf::from(dir),
        session: Box::new(s.clone()),
        lang: app.lang,
        actors,
        self_file: app.is_self(),
        date: app.export_date.clone(),
    }))]
}

pub fn draw(app: &App, s: &Words, theme: &Theme, frame: &mut Frame, area: Rect) {
    let Some(open) = &app.open else { return };
    let (eval, sess) = (&open.eval, &open.session);
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
    let cmp = open.comparison.as_ref();
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
                &tui::since_last(
                    app.lang,
                    sanitize_line(p.updated.get(..10).unwrap_or(&p.updated)),
                ),
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
            &format!("{mark} {}", sanitize_line(q.text.get(app.lang.code()))),
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
            sanitize_line(&actor.name),
            s.score,
            crate::output::round(r.score)
        ),
        theme.strong(),
    )];
    if let Some(then) = app
        .open
        .as_ref()
        .and_then(|o| o.comparison.as_ref())
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
                let ans = crate::tui::screens::questions::answer_summary(
                    app,
                    s,
                    q,
                    app.answer(c.question),
                );
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
