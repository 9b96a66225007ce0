//! Consent to a referral at a visit: given by a named representative of
//! the company, recorded by the advisor ([`Session::record_consent`] with
//! `given_by` and `recorded_by`). The first time consent is ticked after a
//! session is opened, a small form asks for both names, filled in with the
//! best guesses (the contact person or a company attendee; the first
//! attendee from another organisation) so that Enter is usually enough;
//! the names hold for the rest of the sitting (`w` changes them). In a
//! self-assessment a tick is the company's own request to be referred,
//! given by its contact person (or the company) and recorded by no one.
//!
//! [`Session::record_consent`]: crate::session::Session::record_consent

use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use ratatui::text::Line;

use crate::i18n::room;
use crate::i18n::tui::Words;

use super::app::{App, Popup};
use super::keymap::{Action, BACKTAB, Binding, DOWN, ENTER, ESC, Keymap, TAB, UP, ctrl};
use super::theme::Theme;
use super::update::{Effect, save};
use super::widgets::input::{Input, draw_input};
use super::widgets::{popup, wrapped};

/// The form asking who gives and who records consent.
#[derive(Debug, Clone, PartialEq)]
pub struct WhoForm {
    pub given_by: Input,
    pub recorded_by: Input,
    /// 0: given by, 1: recorded by.
    pub focus: usize,
    /// The consent to record once the names are confirmed: actor id and
    /// given (true) or withdrawn.
    pub pending: Option<(String, bool)>,
    /// Enter was pressed with a name missing.
    pub missing: bool,
    given_opts: Vec<String>,
    recorded_opts: Vec<String>,
}

impl WhoForm {
    /// The form, filled in with the first suggestion for each name.
    pub fn new(app: &App, pending: Option<(String, bool)>) -> WhoForm {
        let (given_opts, recorded_opts) = suggestions(app);
        let first = |v: &Vec<String>| v.first().cloned().unwrap_or_default();
        let (given, recorded) = match &app.consent_who {
            Some((g, r)) => (g.clone(), r.clone()),
            None => (first(&given_opts), first(&recorded_opts)),
        };
        WhoForm {
            given_by: Input::new(&given),
            recorded_by: Input::new(&recorded),
            focus: 0,
            pending,
            missing: false,
            given_opts,
            recorded_opts,
        }
    }

    fn field(&mut self) -> &mut Input {
        if self.focus == 0 {
            &mut self.given_by
        } else {
            &mut self.recorded_by
        }
    }

    /// The next suggestion for the focused name.
    fn suggest(&mut self) {
        let opts = if self.focus == 0 {
            &self.given_opts
        } else {
            &self.recorded_opts
        };
        if opts.is_empty() {
            return;
        }
        let now = self.field_text();
        let next = opts
            .iter()
            .position(|o| *o == now)
            .map_or(0, |i| (i + 1) % opts.len());
        let pick = opts[next].clone();
        self.field().set(&pick);
    }

    fn field_text(&self) -> String {
        let f = if self.focus == 0 {
            &self.given_by
        } else {
            &self.recorded_by
        };
        f.text().trim().to_string()
    }
}

/// Names for the form, best first: who gives consent (the contact person,
/// attendees from the company, the others, the last log entry's) and who
/// records it (attendees from another organisation, the last log entry's,
/// the others).
fn suggestions(app: &App) -> (Vec<String>, Vec<String>) {
    let Some(s) = app.session() else {
        return (vec![], vec![]);
    };
    let company = s
        .answers
        .company
        .name
        .as_deref()
        .map(norm)
        .unwrap_or_default();
    let of_company = |org: &str| {
        let org = norm(org);
        !org.is_empty() && !company.is_empty() && (org.contains(&company) || company.contains(&org))
    };
    let log = s.consent_log();
    let last = log
        .iter()
        .rev()
        .find(|e| e.given_by.is_some() || e.recorded_by.is_some());
    let mut given = Vec::new();
    let mut recorded = Vec::new();
    if let Some(c) = &s.answers.company.contact
        && let Some(n) = &c.name
    {
        given.push(n.clone());
    }
    let named = s
        .meta
        .attendees
        .iter()
        .filter(|a| !a.name.trim().is_empty());
    for a in named.clone().filter(|a| of_company(&a.organisation)) {
        given.push(a.name.trim().to_string());
    }
    for a in named.clone().filter(|a| !of_company(&a.organisation)) {
        recorded.push(a.name.trim().to_string());
    }
    if let Some(e) = last {
        given.extend(e.given_by.clone());
        recorded.extend(e.recorded_by.clone());
    }
    for a in named.filter(|a| of_company(&a.organisation)) {
        recorded.push(a.name.trim().to_string());
    }
    let dedup = |v: Vec<String>| {
        let mut out: Vec<String> = Vec::new();
        for x in v {
            if !x.trim().is_empty() && !out.contains(&x) {
                out.push(x);
            }
        }
        out
    };
    (dedup(given), dedup(recorded))
}

fn norm(s: &str) -> String {
    s.trim().to_lowercase()
}

pub const KEYS: Keymap = Keymap {
    bindings: &[
        Binding::new(
            &[ENTER],
            Action::Enter,
            |w| w.h_ok,
            |w| room::words(w.lang).help_confirm_who,
        ),
        Binding::new(
            &[UP, DOWN, BACKTAB],
            Action::Down,
            |w| w.h_field,
            |w| w.help_field_next,
        )
        .show(2),
        Binding::new(
            &[TAB],
            Action::Suggest,
            |w| room::words(w.lang).h_suggest,
            |w| room::words(w.lang).help_suggest,
        ),
        Binding::new(
            &[ESC],
            Action::Back,
            |w| w.h_cancel,
            |w| room::words(w.lang).help_cancel_who,
        ),
        Binding::quiet(&[ctrl('c')], Action::Quit, |w| w.help_quit),
    ],
    in_field: |_| true,
};

/// A key while the form is open.
pub fn key(app: &mut App, key: KeyEvent, action: Option<Action>) -> Vec<Effect> {
    let Popup::ConsentWho(form) = &mut app.popup else {
        return vec![];
    };
    match action {
        Some(Action::Down) => form.focus = 1 - form.focus.min(1),
        Some(Action::Suggest) => form.suggest(),
        Some(Action::Back) => app.popup = Popup::None,
        Some(Action::Quit) => app.popup = Popup::ConfirmQuit,
        Some(Action::Enter) => {
            let given_by = form.given_by.text().trim().to_string();
            let recorded_by = form.recorded_by.text().trim().to_string();
            if given_by.is_empty() || recorded_by.is_empty() {
                form.missing = true;
                form.focus = usize::from(!given_by.is_empty());
                return vec![];
            }
            let pending = form.pending.take();
            app.popup = Popup::None;
            app.consent_who = Some((given_by, recorded_by));
            if let Some((actor, given)) = pending {
                return record(app, &actor, given);
            }
        }
        _ => {
            if form.field().handle_key(key) {
                form.missing = false;
            }
        }
    }
    vec![]
}

/// Text pasted into the focused name.
pub fn paste(app: &mut App, text: &str) {
    if let Popup::ConsentWho(form) = &mut app.popup {
        form.field().insert_str(text.trim());
    }
}

/// Ticks or unticks consent for `actor` (or, in a self-assessment, the
/// request to be referred). At a visit the names are asked for first if
/// this sitting has none yet.
pub fn toggle(app: &mut App, actor: &str) -> Vec<Effect> {
    let given = app
        .answers()
        .is_some_and(|a| a.consent.get(actor) != Some(&true));
    if app.is_self() || app.consent_who.is_some() {
        return record(app, actor, given);
    }
    app.popup = Popup::ConsentWho(Box::new(WhoForm::new(
        app,
        Some((actor.to_string(), given)),
    )));
    vec![]
}

/// Opens the form to change the names.
pub fn ask(app: &mut App) {
    if !app.is_self() && app.open.is_some() {
        app.popup = Popup::ConsentWho(Box::new(WhoForm::new(app, None)));
    }
}

/// Records consent (or a request) with the sitting's names.
fn record(app: &mut App, actor: &str, given: bool) -> Vec<Effect> {
    let now = (app.clock.now)();
    let (given_by, recorded_by) = if app.is_self() {
        // The company asks itself: its contact person, else its name.
        let a = app.answers();
        let who = a
            .and_then(|a| a.company.contact.as_ref())
            .and_then(|c| c.name.clone())
            .or_else(|| a.and_then(|a| a.company.name.clone()));
        (who, None)
    } else {
        match app.consent_who.clone() {
            Some((g, r)) => (Some(g), Some(r)),
            None => return vec![],
        }
    };
    let Some(s) = app.open.as_mut().map(|o| &mut o.session) else {
        return vec![];
    };
    s.record_consent(
        actor,
        given,
        &now,
        given_by.as_deref(),
        recorded_by.as_deref(),
    );
    save(app).into_iter().collect()
}

pub fn draw(app: &App, form: &WhoForm, s: &Words, theme: &Theme, frame: &mut Frame, area: Rect) {
    let r = room::words(app.lang);
    let w = area.width.saturating_sub(8).min(72);
    let inner_w = w.saturating_sub(4) as usize;
    let mut lines = Vec::new();
    lines.push(Line::styled(r.consent_given_by, theme.strong()));
    let given_row = lines.len();
    lines.push(Line::raw(""));
    lines.push(Line::raw(""));
    lines.push(Line::styled(r.consent_recorded_by, theme.strong()));
    let recorded_row = lines.len();
    lines.push(Line::raw(""));
    lines.push(Line::raw(""));
    if form.missing {
        lines.extend(wrapped(r.consent_names_needed, inner_w, theme.error()));
    }
    lines.extend(wrapped(r.consent_who_help, inner_w, theme.dim()));
    lines.push(Line::raw(""));
    lines.extend(wrapped(
        &KEYS.hints(app, s).join(" · "),
        inner_w,
        theme.dim(),
    ));
    let inner = popup(frame, theme, area, r.consent_who_heading, lines, w, None);
    for (k, (row, input)) in [
        (given_row, &form.given_by),
        (recorded_row, &form.recorded_by),
    ]
    .into_iter()
    .enumerate()
    {
        if (row as u16) < inner.height {
            let r = Rect::new(inner.x, inner.y + row as u16, inner.width, 1);
            draw_input(frame, theme, input, r, form.focus == k);
        }
    }
}
