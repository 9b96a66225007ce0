//! `update(&mut App, Msg) -> Vec<Effect>`: every state change of the
//! wizard. Pure — no I/O, no clock except the injected one; the run loop
//! executes the returned effects.

use std::sync::Arc;

use ratatui::crossterm::event::{KeyEvent, KeyEventKind};

use crate::answers::{Answer, AnswersFile};
use crate::questionnaire::{Kind, Role};
use crate::session::{Listing, Meta, Session, StoreError};

use super::advisor;
use super::app::*;
use super::errors::{ExportFailure, OpenError, SaveError};
use super::jobs::{OpenKind, OpenRequest, Opened, Previous};
use super::keymap::Action;
use super::popups;
use super::screens;
use super::widgets::input::Input;
use super::widgets::textbox::TextBox;

#[derive(Debug, Clone)]
pub enum Msg {
    Key(KeyEvent),
    Paste(String),
    /// The resume list was read.
    SessionsListed(Result<Listing, Arc<StoreError>>),
    /// A session was opened and locked (resumed, follow-up, imported), or why not.
    Opened(Result<Box<Opened>, OpenError>),
    /// The lock of the new session could not be taken.
    LockFailed(OpenError),
    /// Files written by an export, or why it failed.
    Exported(Result<Vec<String>, ExportFailure>),
    /// The writer could not save (it keeps retrying).
    SaveFailed(SaveError),
    /// The writer saved after a failure.
    Saved,
    /// Time passes (the run loop sends it every round): typed text is
    /// saved about a second after it changed.
    Tick(std::time::Instant),
    /// Earlier visits to the company with this organisation number.
    CompanyKnown {
        org: String,
        visits: Vec<crate::store::lookup::EarlierVisit>,
    },
    /// The earlier visit a session now follows up, or why it could not be read.
    PreviousLoaded(Result<Box<Previous>, OpenError>),
    /// A background sync with the shared store ended, or why it could not.
    Synced(Result<crate::store::SyncReport, Arc<crate::store::SyncError>>),
    /// The referrals of every session were read ([`Effect::ListReferrals`]).
    ReferralsListed(Result<Vec<crate::session::referral::Row>, Arc<StoreError>>),
    /// A referral of another session was marked, or why not.
    ReferralMarked {
        actor: String,
        mark: screens::referrals::Mark,
        result: Result<(), screens::referrals::MarkFailure>,
    },
    /// The session was written elsewhere (the path), or why not.
    CopySaved(Result<String, String>),
}

#[derive(Debug, Clone)]
pub enum Effect {
    /// Save this snapshot of the session (coalesced by the writer; only
    /// while its lock is held).
    Save(Box<Session>),
    /// Take the editing lock of a new session (before its first save).
    Lock(String),
    /// Lock and open a saved session, start a follow-up, import a file;
    /// the result comes back as [`Msg::Opened`] if the app still waits for
    /// `ticket`.
    Open {
        ticket: u64,
        req: OpenRequest,
    },
    /// The session was left: write what is pending, release its lock.
    Close,
    /// Read the resume list ([`Msg::SessionsListed`]).
    ListSessions {
        ticket: u64,
    },
    Export(Box<ExportJob>),
    /// Look for earlier visits to a company, except the open session
    /// ([`Msg::CompanyKnown`]).
    LookupCompany {
        org: String,
        except: String,
    },
    /// Read the earlier visit a session now follows up ([`Msg::PreviousLoaded`]).
    LoadPrevious(String),
    /// Read the referrals of every session ([`Msg::ReferralsListed`]).
    ListReferrals,
    /// Mark a referral of a session that is not open here, under its lock
    /// ([`Msg::ReferralMarked`]).
    MarkReferral {
        session: String,
        actor: String,
        mark: screens::referrals::Mark,
        at: i64,
    },
    /// Write the session to a file of the user's choosing, whole or not at
    /// all, never over an existing file ([`Msg::CopySaved`]).
    SaveCopy {
        path: std::path::PathBuf,
        session: Box<Session>,
    },
    Quit,
}

pub fn update(app: &mut App, msg: Msg) -> Vec<Effect> {
    match msg {
        Msg::Key(key) => on_key(app, key),
        Msg::Paste(text) => on_paste(app, &text),
        Msg::SessionsListed(rows) => {
            app.pending = None;
            app.resume.cursor = 0;
            app.resume.list = Some(rows);
            vec![]
        }
        Msg::Opened(Ok(opened)) => {
            app.pending = None;
            on_opened(app, *opened)
        }
        Msg::CompanyKnown { org, visits } => {
            screens::company::company_known(app, &org, visits);
            vec![]
        }
        Msg::PreviousLoaded(Ok(p)) => screens::company::previous_loaded(app, p),
        Msg::PreviousLoaded(Err(e)) => {
            app.notice = Some(Notice::OpenFailed(e));
            vec![]
        }
        Msg::Synced(outcome) => {
            app.sync_outcome = Some(outcome);
            vec![]
        }
        Msg::Opened(Err(e)) => {
            app.pending = None;
            app.notice = Some(Notice::OpenFailed(e));
            vec![]
        }
        Msg::LockFailed(e) => {
            close_session(app);
            goto(app, Screen::Start);
            app.notice = Some(Notice::OpenFailed(e));
            vec![]
        }
        Msg::Exported(r) => {
            let recorded = match &r {
                Ok(_) => screens::referrals::exported(app),
                Err(_) => vec![],
            };
            app.notice = Some(match r {
                Ok(files) => Notice::Exported(files),
                Err(e) => Notice::ExportFailed(e),
            });
            recorded
        }
        Msg::ReferralsListed(rows) => screens::referrals::listed(app, rows),
        Msg::ReferralMarked {
            actor,
            mark,
            result,
        } => screens::referrals::marked(app, &actor, mark, result),
        Msg::SaveFailed(e) => {
            app.save_error = Some(e);
            app.retrying = false;
            vec![]
        }
        Msg::CopySaved(r) => {
            super::quit::copy_saved(app, r);
            vec![]
        }
        Msg::Tick(now) => on_tick(app, now),
        Msg::Saved => {
            app.retrying = false;
            if app.save_error.take().is_some() {
                app.notice = Some(Notice::SavedAgain);
            }
            vec![]
        }
    }
}

/// Saves typed text once it has waited [`DRAFT_AFTER`].
fn on_tick(app: &mut App, now: std::time::Instant) -> Vec<Effect> {
    if !app.draft.dirty {
        return vec![];
    }
    match app.draft.since {
        None => {
            app.draft.since = Some(now);
            vec![]
        }
        Some(t) if now.saturating_duration_since(t) >= DRAFT_AFTER => {
            screens::questions::save_draft(app)
        }
        Some(_) => vec![],
    }
}

fn on_paste(app: &mut App, text: &str) -> Vec<Effect> {
    if let Popup::Note(_, input, _) = &mut app.popup {
        input.insert_str(text);
        app.draft.dirty = true;
        return vec![];
    }
    if matches!(app.popup, Popup::ConsentWho(_)) {
        super::consent::paste(app, text);
        return vec![];
    }
    if let Popup::SaveAs { path, error, .. } = &mut app.popup {
        path.insert_str(text.trim());
        *error = None;
        return vec![];
    }
    if app.popup != Popup::None {
        return vec![];
    }
    screens::paste(app, text)
}

/// A key goes to the open popup, else through the screen's keymap: an
/// action, or typing into the focused text field.
fn on_key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    if key.kind != KeyEventKind::Press {
        // Releases (Windows sends them) and repeats of other kinds.
        return vec![];
    }
    if app.popup != Popup::None {
        let fx = popups::key(app, key);
        changed(app, &fx);
        return fx;
    }
    let fx = screen_key(app, key);
    changed(app, &fx);
    fx
}

/// A copy written elsewhere is out of date once the session changes.
fn changed(app: &mut App, fx: &[Effect]) {
    if !app.retrying && fx.iter().any(|e| matches!(e, Effect::Save(_))) {
        app.saved_elsewhere = None;
    }
}

fn screen_key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    let map = screens::keymap(app.screen);
    match map.action(app, &key) {
        Some(Action::Lang) => {
            toggle_lang(app);
            vec![]
        }
        Some(Action::Help) => {
            app.popup = Popup::Help { scroll: 0 };
            vec![]
        }
        Some(Action::AdvisorView) => advisor::toggle(app),
        Some(action) => screens::act(app, action),
        None if (map.in_field)(app) => screens::typed(app, key),
        None => vec![],
    }
}

/// What a background sync ended with ([`Msg::Synced`]).
pub type SyncOutcome = Result<crate::store::SyncReport, Arc<crate::store::SyncError>>;

pub(crate) fn toggle_lang(app: &mut App) {
    let langs = app.langs();
    if let Some(i) = langs.iter().position(|l| *l == app.lang) {
        app.lang = langs[(i + 1) % langs.len()];
    } else if let Some(l) = langs.first() {
        app.lang = *l;
    }
}

/// Shows `screen`; what the app waited for is no longer wanted.
pub(crate) fn goto(app: &mut App, screen: Screen) {
    advisor::before_screen(app, screen);
    app.screen = screen;
    app.notice = None;
    app.pending = None;
    if screen == Screen::Questions {
        advisor::settle_on_shown(app);
    }
    if screen == Screen::Summary {
        app.summary.scroll = 0;
        app.summary.follow = true;
    }
    if screen == Screen::Summary
        && let Some(o) = app.open.as_mut()
    {
        o.refresh_comparison(&app.q);
    }
}

/// Forgets the open session (its lock is released by [`Effect::Close`]).
pub(crate) fn close_session(app: &mut App) {
    app.open = None;
}

/// Leaves the open session for the start screen.
pub(crate) fn leave_session(app: &mut App) -> Vec<Effect> {
    goto(app, Screen::Start);
    if app.open.is_none() {
        return vec![];
    }
    close_session(app);
    vec![Effect::Close]
}

pub(crate) fn ask_quit(app: &mut App) {
    app.popup = Popup::ConfirmQuit;
}

pub(crate) fn new_session(app: &App) -> Session {
    let now = (app.clock.now)();
    Session {
        answers: AnswersFile::new(&app.q),
        meta: Meta {
            id: (app.clock.new_id)(),
            created: now.clone(),
            updated: now,
            mode: app.mode,
            questionnaire_id: app.q.id.clone(),
            questionnaire_version: app.q.version.clone(),
            questionnaire_hash: app.q.hash.clone(),
            ..Meta::default()
        },
    }
}

/// Makes `s` the current session and puts the question cursor where the
/// session was left.
pub(crate) fn open_session(app: &mut App, s: Session) {
    app.advisor_view = false;
    app.consent_who = None;
    app.company = CompanyForm::from_session(&s, !app.is_self());
    let current = s.meta.current.as_deref().and_then(|id| app.q.question(id));
    app.open = Some(OpenSession::new(&app.q, s));
    let cur = current
        .filter(|&i| app.shown(i))
        .or_else(|| app.first_shown())
        .unwrap_or(0);
    load_question(app, cur);
    app.qs.focus = Focus::Question;
    app.summary.cursor = 0;
    app.summary.focus = SummaryFocus::Actors;
}

/// A session the runtime opened and locked becomes the current one.
pub(crate) fn on_opened(app: &mut App, o: Opened) -> Vec<Effect> {
    let previous_date = o
        .previous
        .as_ref()
        .map(|p| p.updated.get(..10).unwrap_or(&p.updated).to_string());
    open_session(app, o.session);
    if let Some(open) = app.open.as_mut() {
        open.previous = o.previous.map(Box::new);
    }
    match o.kind {
        OpenKind::Resumed => {
            goto(app, Screen::Questions);
            if !o.drift.is_empty() {
                app.notice = Some(Notice::Drift(o.drift, app.q.version.clone()));
            }
        }
        OpenKind::FollowUp => {
            goto(app, Screen::Company);
            // The company and its contact are copied: who is present?
            app.company.focus = CompanyFocus::AttendeeName(0);
            app.notice = Some(Notice::FollowUp {
                previous_date: previous_date.unwrap_or_default(),
            });
        }
        OpenKind::Imported {
            file,
            existing,
            warnings,
        } => {
            // Where the advisor continues: the first question left
            // unanswered in the advisor's flow (normally an advisor-only
            // one: then in the advisor view).
            goto(app, Screen::Questions);
            app.advisor_view = true;
            let first =
                (0..app.q.questions.len()).find(|&i| app.shown(i) && app.answer(i).is_none());
            match first {
                Some(i) => load_question(app, i),
                None => {
                    app.advisor_view = false;
                    goto(app, Screen::Summary);
                }
            }
            app.qs.focus = Focus::Question;
            let from = imported_from(app);
            app.notice = Some(Notice::Imported {
                file,
                existing,
                warnings,
                from,
            });
        }
    }
    save(app).into_iter().collect()
}

/// What the open session (just imported) brought from the company.
fn imported_from(app: &App) -> ImportedFrom {
    let Some(s) = app.session() else {
        return ImportedFrom::default();
    };
    let date = |stamp: &str| {
        crate::time::local_date(stamp).map_or_else(|| stamp.to_string(), |d| d.to_string())
    };
    // When the company last answered (its history came along), else when
    // it began.
    let imported_at = s.meta.imported_at.as_deref().unwrap_or("");
    let last = s
        .meta
        .history
        .iter()
        .map(|h| h.at.as_str())
        .filter(|at| !at.is_empty() && *at <= imported_at)
        .max();
    let began = s.answers.meta.get("self_created").and_then(|v| v.as_str());
    let asked = s.meta.requested_at.as_deref();
    let filled = last.max(asked).or(began).map(date).unwrap_or_default();
    let imported = date(imported_at);
    // Unanswered in the advisor's flow.
    let full = &app.open.as_ref().map(|o| &o.eval);
    let left = full.map_or(0, |e| {
        (0..app.q.questions.len())
            .filter(|&i| {
                shown(&app.q, Some(e), View::Advisor, i)
                    && !s.answers.answers.contains_key(&app.q.questions[i].id)
            })
            .count()
    });
    ImportedFrom {
        answers: s.meta.self_answers.len(),
        filled,
        imported,
        left,
    }
}

/// Moves to question `i` and records it as the place to resume.
pub(crate) fn load_question(app: &mut App, i: usize) {
    advisor::before_question(app, i);
    app.qs.cur = i;
    app.qs.moved = false;
    app.qs.input_error = None;
    app.qs.filter = Input::default();
    app.qs.sec_cursor = app.q.questions.get(i).map_or(1, |q| q.section + 1);
    let answer = app.answer(i).cloned();
    let Some(q) = app.q.questions.get(i) else {
        return;
    };
    app.qs.opt = match (&q.kind, &answer) {
        (Kind::Single { .. }, Some(Answer::Choice(id))) => q.kind.option_index(id).unwrap_or(0),
        (Kind::Scale { min, max, .. }, Some(Answer::Number(x))) => {
            (x.round() as i64).clamp(*min, *max).saturating_sub(*min) as usize
        }
        (Kind::Scale { min, max, .. }, _) => ((max - min) / 2).max(0) as usize,
        _ => 0,
    };
    app.qs.input = match &answer {
        // Typing a new number replaces the one shown.
        Some(Answer::Number(x)) => Input::selected(&crate::text::fmt_num(*x)),
        _ => Input::default(),
    };
    app.qs.text = match &answer {
        Some(Answer::Text(t)) => TextBox::new(t),
        _ => TextBox::default(),
    };
    app.qs.drafted = false;
    app.draft = Draft::default();
    let id = q.id.clone();
    if let Some(o) = app.open.as_mut() {
        o.session.meta.current = Some(id);
    }
}

pub(crate) fn rescore(app: &mut App) {
    if let Some(o) = app.open.as_mut() {
        o.rescore(&app.q);
    }
}

/// A snapshot of the session for the writer.
pub(crate) fn save(app: &App) -> Option<Effect> {
    app.session().map(|s| Effect::Save(Box::new(s.clone())))
}

/// Sets (or clears) the answer of question `i`, rescoring and saving.
pub(crate) fn set_answer(app: &mut App, i: usize, answer: Option<Answer>) -> Vec<Effect> {
    let Some(q) = app.q.questions.get(i) else {
        return vec![];
    };
    // With no question shown in this mode the cursor rests on a hidden
    // one; it must not be answered (found by tests/fuzz_wizard.rs).
    if app.answer(i) == answer.as_ref() || !app.shown(i) {
        return vec![];
    }
    let id = q.id.clone();
    let employees = if q.role == Some(Role::Employees) {
        head_count(answer.as_ref())
    } else {
        None
    };
    let Some(o) = app.open.as_mut() else {
        return vec![];
    };
    let s = &mut o.session;
    // The company's employees follow the question while they agree with
    // its earlier answer (or are not given): the two never disagree.
    let follows = employees.is_some() && {
        let form = s.answers.company.employees;
        form.is_none() || form == head_count(s.answers.answers.get(&id))
    };
    s.set_answer_at(&id, answer, &(app.clock.now)());
    if let Some(n) = employees
        && follows
    {
        s.answers.company.employees = Some(n);
        *app.company.input_mut(Field::Employees) = Input::new(&n.to_string());
    }
    rescore(app);
    save(app).into_iter().collect()
}

/// A whole, non-negative number answer as a head count.
fn head_count(a: Option<&Answer>) -> Option<u64> {
    match a {
        Some(Answer::Number(x)) if *x >= 0.0 && x.fract() == 0.0 => Some(*x as u64),
        _ => None,
    }
}
