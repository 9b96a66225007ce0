//! Presenter-safe mode. At a visit the screen is often shared or projected,
//! so by default it shows only what the company may see: no private notes,
//! no advisor-only questions (`audience = "advisor"`) or their answers or
//! notes, and needs and recommendations computed without those answers.
//! The advisor view shows everything; it is entered and left with one key,
//! marked by a banner and a border while it is on, and left by itself as
//! soon as the screen would show a question the company may see, or
//! another screen.
//!
//! In the advisor view the flow of questions includes the advisor-only
//! ones (Enter and PgDn visit them); in the shared view they are skipped,
//! left out of the progress, the section counts and the open questions.

use std::borrow::Cow;

use super::app::{App, Notice, Screen, View, advisor_only};
use super::update::{Effect, load_question, save};

/// Enters or leaves the advisor view. Entering it while the cursor is on a
/// question neither view shows moves it to one the advisor view shows.
/// Leaving it while an advisor-only
/// question is on screen moves on to the next question the company may see
/// (or back to the one before, at the end).
pub fn toggle(app: &mut App) -> Vec<Effect> {
    if app.is_self() || app.open.is_none() {
        return vec![];
    }
    app.advisor_view = !app.advisor_view;
    if app.advisor_view {
        // "Private notes are in the advisor view" no longer applies.
        forget_private_hint(app);
    }
    // Either way the set of questions on screen changed: a cursor left on
    // a question the screen no longer shows (e.g. a shared screen with no
    // question for the company, then the advisor view) moves to one it
    // does show.
    if app.screen == Screen::Questions && !app.shown(app.qs.cur) {
        settle_on_shown(app);
        return save(app).into_iter().collect();
    }
    vec![]
}

/// Puts the question cursor on a question the screen may show: the current
/// one, else the next shown one, else the one before, else the first.
pub fn settle_on_shown(app: &mut App) {
    let cur = app.qs.cur;
    if app.shown(cur) {
        return;
    }
    let to = app
        .next_shown(cur)
        .or_else(|| app.prev_shown(cur))
        .or_else(|| app.first_shown());
    if let Some(i) = to {
        load_question(app, i);
    }
}

/// Clears the hint that private notes belong to the advisor view (shown
/// for the question where `p` was pressed, not for the rest of the visit).
pub fn forget_private_hint(app: &mut App) {
    if matches!(app.notice, Some(Notice::PrivateInAdvisorView { .. })) {
        app.notice = None;
    }
}

/// Called when question `i` is about to be shown: the advisor view ends
/// unless `i` is an advisor-only question; the private-note hint goes.
pub fn before_question(app: &mut App, i: usize) {
    if i != app.qs.cur {
        forget_private_hint(app);
    }
    if app.advisor_view && !advisor_only(&app.q, i) {
        app.advisor_view = false;
    }
}

/// Called when the screen changes: the advisor view ends.
pub fn before_screen(app: &mut App, screen: Screen) {
    if screen != app.screen {
        app.advisor_view = false;
    }
}

/// A notice as the screen may show it: on the shared screen a drift
/// report leaves out kept answers to advisor-only questions and to
/// questions the questionnaire no longer has (whose they were cannot be
/// told); the advisor view shows them all.
pub fn for_screen<'a>(app: &App, n: &'a Notice) -> Cow<'a, Notice> {
    match n {
        Notice::Drift(d, v) if app.view() == View::Shared => {
            let mut d = d.clone();
            d.orphans.retain(|o| {
                app.q
                    .question(&o.question)
                    .is_some_and(|i| !advisor_only(&app.q, i))
            });
            Cow::Owned(Notice::Drift(d, v.clone()))
        }
        n => Cow::Borrowed(n),
    }
}
