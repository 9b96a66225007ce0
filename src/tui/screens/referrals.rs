//! Following up referrals: the referrals sent from the open session (from
//! the summary, `r`), or the open referrals of every session (from the
//! start screen). A referral is marked contacted (`c`, Enter) or given an
//! outcome (1–4) at the app's clock; in the open session the change is
//! saved with the session, across sessions through the store under each
//! session's lock (the same as `behovsanalys referrals mark`).

use std::sync::Arc;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, ListItem, Paragraph};

use crate::i18n::referral as words;
use crate::i18n::tui::Words;
use crate::session::referral::{self, Outcome, Referral, ReferralError, Row};
use crate::session::{SessionMode, StoreError};

use crate::tui::app::*;
use crate::tui::errors::store_message;
use crate::tui::keymap::{self, Action, Binding, ENTER, ESC, Key, Keymap, ch};
use crate::tui::theme::Theme;
use crate::tui::update::*;
use crate::tui::widgets::list;
use crate::tui::widgets::*;

/// Which referrals the view shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ReferralsView {
    /// Those sent from the open session.
    #[default]
    Session,
    /// The open ones of every session.
    Open,
}

/// Why a referral could not be marked.
#[derive(Debug, Clone)]
pub enum MarkFailure {
    Store(Arc<StoreError>),
    Refused(ReferralError),
}

#[derive(Debug, Clone, Default)]
pub struct ReferralsState {
    pub view: ReferralsView,
    pub cursor: usize,
    /// The open referrals of every session; `None` while they are read.
    pub rows: Option<Result<Vec<Row>, Arc<StoreError>>>,
    /// What the last mark did, or why it was refused.
    pub message: Option<Result<String, String>>,
    /// The session and actors of the export under way: recorded as sent
    /// when it succeeds.
    pub exporting: Option<(String, Vec<String>)>,
}

/// A mark to make: contacted (`None`) or an outcome.
pub type Mark = Option<Outcome>;

/// The outcome keys, 1 to this: one per outcome.
const OUTCOME_KEYS: u8 = Outcome::ALL.len() as u8;

fn advisor(app: &App) -> bool {
    !app.is_self()
}

/// An advisor with a referral to mark: the marking keys act.
fn can_mark(app: &App) -> bool {
    advisor(app) && app.has_referral_rows()
}

pub const KEYS: Keymap = Keymap {
    bindings: &[
        keymap::MOVE_UP,
        keymap::MOVE_DOWN,
        Binding::new(
            &[ch('c'), ENTER],
            Action::Contacted,
            |w| w.referrals.h_contacted,
            |w| w.referrals.help_contacted,
        )
        .when(can_mark),
        Binding::new(
            &[Key::DigitTo(OUTCOME_KEYS)],
            Action::Digit(0),
            |w| w.referrals.h_outcome,
            |w| w.referrals.help_outcome,
        )
        .when(can_mark),
        Binding::new(
            &[ESC],
            Action::Back,
            |w| w.h_back,
            |w| w.referrals.help_back_summary,
        )
        .when(|a| a.referrals.view == ReferralsView::Session),
        Binding::new(
            &[ESC],
            Action::Back,
            |w| w.h_back,
            |w| w.referrals.help_back_start,
        )
        .when(|a| a.referrals.view == ReferralsView::Open),
        keymap::LANG,
        keymap::HELP,
        keymap::QUIT,
    ],
    in_field: |_| false,
};

impl App {
    /// Whether the view lists any referral.
    pub fn has_referral_rows(&self) -> bool {
        match self.referrals.view {
            ReferralsView::Session => self.session().is_some_and(|s| !s.referrals().is_empty()),
            ReferralsView::Open => {
                matches!(&self.referrals.rows, Some(Ok(rows)) if !rows.is_empty())
            }
        }
    }

    /// The referrals the view lists, with the session and company of each.
    pub fn referral_rows(&self) -> Vec<Row> {
        match self.referrals.view {
            ReferralsView::Session => self
                .session()
                .map(|s| {
                    s.referrals()
                        .into_iter()
                        .map(|r| Row {
                            session: s.meta.id.clone(),
                            company: s.answers.company.name.clone(),
                            referral: r,
                        })
                        .collect()
                })
                .unwrap_or_default(),
            ReferralsView::Open => match &self.referrals.rows {
                Some(Ok(rows)) => rows.clone(),
                _ => Vec::new(),
            },
        }
    }
}

/// Opens the view on the open session's referrals.
pub fn show_session(app: &mut App) -> Vec<Effect> {
    goto(app, Screen::Referrals);
    app.referrals.view = ReferralsView::Session;
    app.referrals.cursor = 0;
    app.referrals.message = None;
    vec![]
}

/// Opens the view on the open referrals of every session.
pub fn show_open(app: &mut App) -> Vec<Effect> {
    goto(app, Screen::Referrals);
    app.referrals.view = ReferralsView::Open;
    app.referrals.cursor = 0;
    app.referrals.message = None;
    app.referrals.rows = None;
    vec![Effect::ListReferrals]
}

pub fn act(app: &mut App, action: Action) -> Vec<Effect> {
    let n = app.referral_rows().len();
    match action {
        Action::Up => app.referrals.cursor = app.referrals.cursor.saturating_sub(1),
        Action::Down => {
            app.referrals.cursor = (app.referrals.cursor + 1).min(n.saturating_sub(1));
        }
        Action::Contacted => return mark(app, None),
        Action::Digit(d) if (1..=OUTCOME_KEYS).contains(&d) => {
            return mark(app, Outcome::ALL.get(usize::from(d) - 1).copied());
        }
        Action::Back => match app.referrals.view {
            ReferralsView::Session => goto(app, Screen::Summary),
            ReferralsView::Open => goto(app, Screen::Start),
        },
        Action::Quit => ask_quit(app),
        _ => {}
    }
    vec![]
}

/// The app's clock in epoch seconds.
fn now(app: &App) -> i64 {
    let stamp = (app.clock.now)();
    stamp
        .parse::<jiff::Timestamp>()
        .map_or_else(|_| crate::time::now_secs(), |t| t.as_second())
}

/// Applies a mark to a session.
pub fn apply(
    s: &mut crate::session::Session,
    actor: &str,
    mark: Mark,
    at: i64,
) -> Result<(), ReferralError> {
    match mark {
        None => s.mark_contacted(actor, at),
        Some(o) => s.mark_outcome(actor, o, at, None),
    }
}

fn what(app: &App, mark: Mark) -> String {
    let w = crate::i18n::tui::words(app.lang).referrals;
    match mark {
        None => w.contacted.to_string(),
        Some(o) => words::outcome(app.lang, o).to_string(),
    }
}

fn actor_name(app: &App, id: &str) -> String {
    app.q.actor(id).map_or_else(
        || id.to_string(),
        |i| clean(app.q.actors[i].name.get(app.lang.code())),
    )
}

fn mark(app: &mut App, mark: Mark) -> Vec<Effect> {
    let Some(row) = app.referral_rows().get(app.referrals.cursor).cloned() else {
        return vec![];
    };
    let at = now(app);
    let actor = row.referral.actor.clone();
    match app.referrals.view {
        ReferralsView::Session => {
            let Some(s) = app.open.as_mut().map(|o| &mut o.session) else {
                return vec![];
            };
            match apply(s, &actor, mark, at) {
                Ok(()) => {
                    let text = words::marked(app.lang, &actor_name(app, &actor), &what(app, mark));
                    app.referrals.message = Some(Ok(text));
                    save(app).into_iter().collect()
                }
                Err(e) => {
                    app.referrals.message = Some(Err(words::error(app.lang, &e)));
                    vec![]
                }
            }
        }
        ReferralsView::Open => {
            app.referrals.message = None;
            vec![Effect::MarkReferral {
                session: row.session,
                actor,
                mark,
                at,
            }]
        }
    }
}

/// The open referrals of every session were read.
pub fn listed(app: &mut App, rows: Result<Vec<Row>, Arc<StoreError>>) -> Vec<Effect> {
    let rows = rows.map(|r| r.into_iter().filter(|x| x.referral.is_open()).collect());
    app.referrals.rows = Some(rows);
    let n = app.referral_rows().len();
    app.referrals.cursor = app.referrals.cursor.min(n.saturating_sub(1));
    vec![]
}

/// A referral of another session was marked (or why not); the list is
/// read again.
pub fn marked(
    app: &mut App,
    actor: &str,
    mark: Mark,
    result: Result<(), MarkFailure>,
) -> Vec<Effect> {
    app.referrals.message = Some(match result {
        Ok(()) => Ok(words::marked(
            app.lang,
            &actor_name(app, actor),
            &what(app, mark),
        )),
        Err(MarkFailure::Refused(e)) => Err(words::error(app.lang, &e)),
        Err(MarkFailure::Store(e)) => Err(store_message(app.lang, &e)),
    });
    vec![Effect::ListReferrals]
}

/// An export of referrals is starting: remember which, to record them as
/// sent when it succeeds (an advisor's visit only).
pub fn exporting(app: &mut App, actors: &[String]) {
    app.referrals.exporting = match app.session() {
        Some(s) if app.mode == SessionMode::Advisor && !actors.is_empty() => {
            Some((s.meta.id.clone(), actors.to_vec()))
        }
        _ => None,
    };
}

/// The export succeeded: its referrals are recorded as sent (once each).
pub fn exported(app: &mut App) -> Vec<Effect> {
    let Some((id, actors)) = app.referrals.exporting.take() else {
        return vec![];
    };
    let at = now(app);
    let Some(s) = app
        .open
        .as_mut()
        .map(|o| &mut o.session)
        .filter(|s| s.meta.id == id)
    else {
        return vec![];
    };
    let mut added = false;
    for a in &actors {
        added |= s.record_sent(a, at);
    }
    if added {
        save(app).into_iter().collect()
    } else {
        vec![]
    }
}

fn row_line(app: &App, r: &Referral, company: Option<&str>, w: usize) -> String {
    let t = crate::i18n::tui::words(app.lang).referrals;
    let mut parts = vec![actor_name(app, &r.actor)];
    if let Some(c) = company {
        parts.push(clean(c));
    }
    parts.push(format!("{} {}", t.sent, referral::shown(r.sent_at)));
    parts.push(match r.contacted_at {
        Some(c) => format!("{} {}", t.contacted, referral::shown(c)),
        None => t.not_contacted.to_string(),
    });
    if let Some(o) = r.outcome {
        parts.push(words::outcome(app.lang, o).to_string());
    }
    truncate(&parts.join(" · "), w)
}

pub fn draw(app: &App, s: &Words, theme: &Theme, frame: &mut Frame, area: Rect) {
    let t = s.referrals;
    let title = match app.referrals.view {
        ReferralsView::Session => t.heading_session,
        ReferralsView::Open => t.heading_open,
    };
    let block = Block::bordered().title(Span::styled(format!(" {title} "), theme.title()));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let w = inner.width as usize;
    let mut extra: Vec<Line> = Vec::new();
    match &app.referrals.message {
        Some(Ok(m)) => extra.extend(wrapped(m, w, theme.dim())),
        Some(Err(m)) => extra.extend(wrapped(m, w, theme.error())),
        None => {}
    }
    if app.is_self() {
        extra.extend(wrapped(t.self_note, w, theme.dim()));
    } else if app.has_referral_rows() {
        extra.push(Line::styled(truncate(t.outcome_keys, w), theme.dim()));
    }
    let extra_h = (extra.len() as u16).min(inner.height / 2);
    let [list_area, extra_area] =
        Layout::vertical([Constraint::Min(1), Constraint::Length(extra_h)]).areas(inner);
    frame.render_widget(Paragraph::new(extra), extra_area);
    if app.referrals.view == ReferralsView::Open {
        match &app.referrals.rows {
            None => {
                frame.render_widget(Paragraph::new(t.loading), list_area);
                return;
            }
            Some(Err(e)) => {
                let m = format!("{}: {}", s.list_failed, store_message(app.lang, e));
                frame.render_widget(Paragraph::new(wrapped(&m, w, theme.error())), list_area);
                return;
            }
            Some(Ok(_)) => {}
        }
    }
    let rows = app.referral_rows();
    if rows.is_empty() {
        let empty = match app.referrals.view {
            ReferralsView::Session => t.empty_session,
            ReferralsView::Open => t.empty_open,
        };
        frame.render_widget(Paragraph::new(wrapped(empty, w, Style::new())), list_area);
        return;
    }
    let with_company = app.referrals.view == ReferralsView::Open;
    let items: Vec<ListItem> = rows
        .iter()
        .map(|r| {
            let company = r.company.as_deref().filter(|_| with_company);
            ListItem::new(row_line(
                app,
                &r.referral,
                company,
                w.saturating_sub(list::MARK_WIDTH),
            ))
        })
        .collect();
    list::cursor_list(frame, list_area, items, app.referrals.cursor, theme);
}
