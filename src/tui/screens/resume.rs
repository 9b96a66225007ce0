//! The list of saved sessions: resume one, or start a follow-up visit.

use std::sync::Arc;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, ListItem, Paragraph};

use crate::i18n::tui::{self, Words};
use crate::session::{Listing, SessionMode, StoreError, Summary};

use crate::tui::app::*;
use crate::tui::errors::store_message;
use crate::tui::jobs::OpenRequest;
use crate::tui::keymap::{self, Action, Binding, ENTER, ESC, Keymap, SPACE, ch};
use crate::tui::theme::Theme;
use crate::tui::update::*;
use crate::tui::widgets::list;
use crate::tui::widgets::notice::screen_notice;
use crate::tui::widgets::*;

/// The resume list: `None` while it is read.
#[derive(Debug, Clone, Default)]
pub struct ResumeState {
    pub list: Option<Result<Listing, Arc<StoreError>>>,
    pub cursor: usize,
}

impl App {
    /// The sessions of the resume list: in self-assessment mode only
    /// self-assessments.
    pub fn resume_rows(&self) -> Vec<&Summary> {
        match &self.resume.list {
            Some(Ok(l)) => l
                .sessions
                .iter()
                .filter(|s| !self.is_self() || s.mode == SessionMode::SelfAssessment)
                .collect(),
            _ => Vec::new(),
        }
    }
}

pub const KEYS: Keymap = Keymap {
    bindings: &[
        keymap::MOVE_UP,
        keymap::MOVE_DOWN,
        Binding::new(
            &[ENTER, SPACE],
            Action::Enter,
            |w| w.h_ok,
            |w| w.help_resume_open,
        ),
        Binding::new(
            &[ch('f')],
            Action::FollowUp,
            |w| w.h_follow_up,
            |w| w.help_follow_up,
        )
        .when(|a| !a.is_self()),
        Binding::new(&[ESC], Action::Back, |w| w.h_back, |w| w.help_back_start),
        keymap::LANG,
        keymap::HELP,
        keymap::QUIT,
    ],
    in_field: |_| false,
};

pub fn act(app: &mut App, action: Action) -> Vec<Effect> {
    let selected = app
        .resume_rows()
        .get(app.resume.cursor)
        .map(|r| r.id.clone());
    let n = app.resume_rows().len();
    match action {
        Action::Up => app.resume.cursor = app.resume.cursor.saturating_sub(1),
        Action::Down => app.resume.cursor = (app.resume.cursor + 1).min(n.saturating_sub(1)),
        Action::Enter | Action::FollowUp if !app.opening() => {
            if let Some(id) = selected {
                let ticket = app.wait_for(Waiting::Open);
                app.notice = Some(Notice::Opening);
                let req = match action {
                    Action::Enter => OpenRequest::Resume(id),
                    _ => OpenRequest::FollowUp(id),
                };
                return vec![Effect::Open { ticket, req }];
            }
        }
        Action::Back => goto(app, Screen::Start),
        Action::Quit => ask_quit(app),
        _ => {}
    }
    vec![]
}

pub fn draw(app: &App, s: &Words, theme: &Theme, frame: &mut Frame, area: Rect) {
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
    if let Some(Ok(l)) = &app.resume.list {
        let new = l.quarantined.iter().filter(|f| f.new).count();
        let dir = "quarantine/";
        if new > 0 {
            extra.extend(wrapped(
                &tui::resume_quarantined(app.lang, new, dir),
                w,
                theme.warn(),
            ));
        } else if !l.quarantined.is_empty() {
            extra.extend(wrapped(
                &tui::resume_quarantine_old(app.lang, l.quarantined.len(), dir),
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
                        clean(&p.file),
                        clean(&p.summary(app.lang))
                    ),
                    w,
                ),
                theme.dim(),
            ));
        }
    }
    if let Some(n) = &app.notice {
        extra.extend(screen_notice(app, n, theme, w));
    }
    let extra_h = (extra.len() as u16).min(inner.height / 2);
    let [list_area, extra_area] =
        Layout::vertical([Constraint::Min(1), Constraint::Length(extra_h)]).areas(inner);
    frame.render_widget(Paragraph::new(extra), extra_area);
    let rows = match &app.resume.list {
        None => {
            frame.render_widget(Paragraph::new(s.resume_loading), list_area);
            return;
        }
        Some(Err(e)) => {
            frame.render_widget(
                Paragraph::new(wrapped(
                    &format!("{}: {}", s.list_failed, store_message(app.lang, e)),
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
                .map(clean)
                .unwrap_or_else(|| s.resume_unnamed.to_string());
            if r.previous.is_some() {
                name = format!("{name} ({})", s.resume_follow_up);
            }
            if r.origin.as_deref() == Some(crate::session::ORIGIN_WEB) {
                name = format!("{name} ({})", s.resume_from_web);
            }
            if r.conflict {
                name = format!("{name} ({})", crate::i18n::store::conflict_short(app.lang));
            }
            // A shared screen: what the company may see is counted, as on
            // the questions screen (not the advisor-only questions).
            let right = format!(
                "{}  {:>3}/{:<3}  {}",
                r.updated.get(..10).unwrap_or(&r.updated),
                r.answered.saturating_sub(r.advisor_answered),
                r.total.saturating_sub(r.advisor_total),
                clean(&r.id)
            );
            // The cursor mark takes the first column; a space before `right`.
            let name_w = w.saturating_sub(text_width(&right) + list::MARK_WIDTH + 1);
            ListItem::new(format!("{} {right}", pad(&truncate(&name, name_w), name_w)))
        })
        .collect();
    list::cursor_list(frame, list_area, items, app.resume.cursor, theme);
}
