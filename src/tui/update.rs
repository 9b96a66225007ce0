//! `update(&mut App, Msg) -> Vec<Effect>`: every state change of the
//! wizard. Pure — no I/O, no clock except the injected one; the run loop
//! executes the returned effects.

use std::path::PathBuf;

use ratatui::crossterm::event::{KeyEvent, KeyEventKind};

use crate::answers::{Answer, AnswersFile};
use crate::questionnaire::Kind;
use crate::scoring;
use crate::session::{Listing, Meta, Session};

use super::app::*;
use super::input::Input;
use super::keymap::{self, Action};
use super::{OpenError, OpenKind, OpenRequest, Opened};

#[derive(Debug, Clone)]
pub enum Msg {
    Key(KeyEvent),
    Paste(String),
    /// The resume list was read.
    SessionsListed(Result<Listing, String>),
    /// A session was opened and locked (resumed, follow-up, imported), or why not.
    Opened(Result<Box<Opened>, OpenError>),
    /// The lock of the new session could not be taken.
    LockFailed(OpenError),
    /// Files written by an export, or why it failed.
    Exported(Result<Vec<String>, String>),
    /// The writer could not save (it keeps retrying).
    SaveFailed(String),
    /// The writer saved after a failure.
    Saved,
}

#[derive(Debug, Clone)]
pub enum Effect {
    /// Save this snapshot of the session (coalesced by the writer; only
    /// while its lock is held).
    Save(Box<Session>),
    /// Take the editing lock of a new session (before its first save).
    Lock(String),
    /// Lock and open a saved session, start a follow-up, import a file.
    Open(OpenRequest),
    /// The session was left: write what is pending, release its lock.
    Close,
    LoadSessionList,
    Export(Box<ExportJob>),
    Quit,
}

pub fn update(app: &mut App, msg: Msg) -> Vec<Effect> {
    match msg {
        Msg::Key(key) if key.kind == KeyEventKind::Press => on_key(app, key),
        Msg::Key(_) => vec![],
        Msg::Paste(text) => on_paste(app, &text),
        Msg::SessionsListed(rows) => {
            app.resume_cursor = 0;
            app.sessions = Some(rows);
            vec![]
        }
        Msg::Opened(Ok(opened)) => on_opened(app, *opened),
        Msg::Opened(Err(e)) => {
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
            app.notice = Some(match r {
                Ok(files) => Notice::Exported(files),
                Err(e) => Notice::ExportFailed(e),
            });
            vec![]
        }
        Msg::SaveFailed(e) => {
            app.save_error = Some(e);
            vec![]
        }
        Msg::Saved => {
            if app.save_error.take().is_some() {
                app.notice = Some(Notice::SavedAgain);
            }
            vec![]
        }
    }
}

fn on_paste(app: &mut App, text: &str) -> Vec<Effect> {
    if let Popup::Note(_, input) = &mut app.popup {
        input.insert_str(text);
        return vec![];
    }
    match app.screen {
        Screen::OpenFile => app.open_path.insert_str(text.trim()),
        Screen::Company => {
            let focus = app.company.focus;
            if let Some(i) = app.company.input_mut(focus) {
                i.insert_str(text);
                return apply_company(app);
            }
        }
        Screen::Questions if text_question(app) => {
            app.qs.input.insert_str(text);
            app.qs.input_error = None;
        }
        Screen::Summary if app.summary.focus == SummaryFocus::Path => {
            app.summary.path.insert_str(text.trim())
        }
        _ => {}
    }
    vec![]
}

fn on_key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    match &mut app.popup {
        Popup::ConfirmQuit => {
            match keymap::confirm(&key) {
                Some(Action::Yes) => {
                    app.popup = Popup::None;
                    app.quit = true;
                    return vec![Effect::Quit];
                }
                Some(Action::No) => app.popup = Popup::None,
                _ => {}
            }
            return vec![];
        }
        Popup::Help => {
            app.popup = Popup::None;
            return vec![];
        }
        Popup::Note(kind, input) => {
            let kind = *kind;
            match keymap::global(&key) {
                Some(Action::Enter) => {
                    let text = input.text().trim().to_string();
                    app.popup = Popup::None;
                    return set_note(app, kind, text);
                }
                Some(Action::Esc) => app.popup = Popup::None,
                Some(Action::Interrupt) => app.popup = Popup::ConfirmQuit,
                _ => {
                    input.handle_key(key);
                }
            }
            return vec![];
        }
        Popup::None => {}
    }
    if keymap::global(&key) == Some(Action::Lang) {
        toggle_lang(app);
        return vec![];
    }
    match app.screen {
        Screen::Start => start_key(app, key),
        Screen::Resume => resume_key(app, key),
        Screen::OpenFile => open_key(app, key),
        Screen::Company => company_key(app, key),
        Screen::Questions => question_key(app, key),
        Screen::Summary => summary_key(app, key),
    }
}

fn toggle_lang(app: &mut App) {
    let langs = &app.q.languages;
    if let Some(i) = langs.iter().position(|l| *l == app.lang) {
        app.lang = langs[(i + 1) % langs.len()].clone();
    } else if let Some(l) = langs.first() {
        app.lang = l.clone();
    }
}

fn goto(app: &mut App, screen: Screen) {
    app.screen = screen;
    app.notice = None;
    if screen == Screen::Summary {
        refresh_comparison(app);
    }
}

/// Compares with the previous visit (a follow-up), for the summary.
fn refresh_comparison(app: &mut App) {
    app.comparison = match (&app.previous, &app.session) {
        (Some(p), Some(s)) => Some(crate::session::compare(&app.q, &p.answers, &s.answers)),
        _ => None,
    };
}

/// Forgets the open session (its lock is released by [`Effect::Close`]).
fn close_session(app: &mut App) {
    app.session = None;
    app.eval = None;
    app.previous = None;
    app.comparison = None;
}

/// Leaves the open session for the start screen.
fn leave_session(app: &mut App) -> Vec<Effect> {
    goto(app, Screen::Start);
    if app.session.is_none() {
        return vec![];
    }
    close_session(app);
    vec![Effect::Close]
}

fn ask_quit(app: &mut App) {
    app.popup = Popup::ConfirmQuit;
}

// ---------------------------------------------------------------- start

fn start_key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    let items = app.start_items();
    match keymap::normal(&key) {
        Some(Action::Up) => app.start_cursor = app.start_cursor.saturating_sub(1),
        Some(Action::Down) => app.start_cursor = (app.start_cursor + 1).min(items.len() - 1),
        Some(Action::Digit(d)) if (1..=items.len()).contains(&usize::from(d)) => {
            app.start_cursor = usize::from(d) - 1;
            return activate_start(app, items[app.start_cursor]);
        }
        Some(Action::Enter | Action::Space) => {
            let item = items
                .get(app.start_cursor)
                .copied()
                .unwrap_or(StartItem::Quit);
            return activate_start(app, item);
        }
        Some(Action::Quit | Action::Interrupt | Action::Esc) => {
            app.quit = true;
            return vec![Effect::Quit];
        }
        _ => {}
    }
    vec![]
}

fn activate_start(app: &mut App, item: StartItem) -> Vec<Effect> {
    match item {
        StartItem::New => {
            let s = new_session(app);
            let id = s.meta.id.clone();
            open_session(app, s);
            goto(app, Screen::Company);
            vec![Effect::Lock(id)]
        }
        StartItem::Resume => {
            app.sessions = None;
            goto(app, Screen::Resume);
            vec![Effect::LoadSessionList]
        }
        StartItem::Open => {
            goto(app, Screen::OpenFile);
            vec![]
        }
        StartItem::Lang => {
            toggle_lang(app);
            vec![]
        }
        StartItem::Quit => {
            app.quit = true;
            vec![Effect::Quit]
        }
    }
}

fn new_session(app: &App) -> Session {
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
fn open_session(app: &mut App, s: Session) {
    app.eval = Some(scoring::evaluate(&app.q, &s.answers.answers));
    app.company = CompanyForm::from_session(&s, !app.is_self());
    let current = s.meta.current.as_deref().and_then(|id| app.q.question(id));
    app.session = Some(s);
    let cur = current
        .filter(|&i| app.shown(i))
        .or_else(|| app.first_shown())
        .unwrap_or(0);
    load_question(app, cur);
    app.qs.focus = Focus::Question;
    app.summary.cursor = 0;
    app.summary.focus = SummaryFocus::Actors;
    app.previous = None;
    app.comparison = None;
}

/// A session the runtime opened and locked becomes the current one.
fn on_opened(app: &mut App, o: Opened) -> Vec<Effect> {
    let previous_date = o
        .previous
        .as_ref()
        .map(|p| p.updated.get(..10).unwrap_or(&p.updated).to_string());
    open_session(app, o.session);
    app.previous = o.previous.map(Box::new);
    match o.kind {
        OpenKind::Resumed => {
            goto(app, Screen::Questions);
            if !o.drift.is_empty() {
                app.notice = Some(Notice::Drift(o.drift, app.q.version.clone()));
            }
        }
        OpenKind::FollowUp => {
            goto(app, Screen::Company);
            app.notice = Some(Notice::FollowUp {
                previous_date: previous_date.unwrap_or_default(),
            });
        }
        OpenKind::Imported {
            file,
            existing,
            warnings,
        } => {
            goto(app, Screen::Company);
            app.notice = Some(Notice::Imported {
                file,
                existing,
                warnings,
            });
        }
    }
    save(app).into_iter().collect()
}

// ---------------------------------------------------------------- resume / open

fn resume_key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    let selected = app
        .resume_rows()
        .get(app.resume_cursor)
        .map(|r| r.id.clone());
    let n = app.resume_rows().len();
    match keymap::normal(&key) {
        Some(Action::Up) => app.resume_cursor = app.resume_cursor.saturating_sub(1),
        Some(Action::Down) => app.resume_cursor = (app.resume_cursor + 1).min(n.saturating_sub(1)),
        Some(Action::Enter | Action::Space) => {
            if let Some(id) = selected {
                app.notice = None;
                return vec![Effect::Open(OpenRequest::Resume(id))];
            }
        }
        Some(Action::FollowUp) if !app.is_self() => {
            if let Some(id) = selected {
                app.notice = None;
                return vec![Effect::Open(OpenRequest::FollowUp(id))];
            }
        }
        Some(Action::Esc) => goto(app, Screen::Start),
        Some(Action::Quit | Action::Interrupt) => ask_quit(app),
        _ => {}
    }
    vec![]
}

fn open_key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    match keymap::global(&key) {
        Some(Action::Enter) => {
            let path = app.open_path.text().trim().to_string();
            if !path.is_empty() {
                app.notice = None;
                return vec![Effect::Open(OpenRequest::Import(PathBuf::from(path)))];
            }
        }
        Some(Action::Esc) => goto(app, Screen::Start),
        Some(Action::Interrupt) => ask_quit(app),
        _ => {
            app.open_path.handle_key(key);
        }
    }
    vec![]
}

// ---------------------------------------------------------------- company

fn company_key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
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
fn apply_company(app: &mut App) -> Vec<Effect> {
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

const EMPLOYEES_QUESTION: &str = "anstallda";

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

// ---------------------------------------------------------------- questions

/// True when the current question takes typed input and has focus.
fn text_question(app: &App) -> bool {
    app.qs.focus == Focus::Question
        && matches!(
            app.q.questions.get(app.qs.cur).map(|q| &q.kind),
            Some(Kind::Number { .. } | Kind::Text)
        )
}

/// Moves to question `i` and records it as the place to resume.
fn load_question(app: &mut App, i: usize) {
    app.qs.cur = i;
    app.qs.moved = false;
    app.qs.input_error = None;
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
        Some(Answer::Number(x)) => Input::new(&crate::text::fmt_num(*x)),
        Some(Answer::Text(t)) => Input::new(t),
        _ => Input::default(),
    };
    let id = q.id.clone();
    if let Some(s) = app.session.as_mut() {
        s.meta.current = Some(id);
    }
}

fn rescore(app: &mut App) {
    if let Some(s) = &app.session {
        app.eval = Some(scoring::evaluate(&app.q, &s.answers.answers));
    }
}

fn save(app: &App) -> Option<Effect> {
    app.session
        .as_ref()
        .map(|s| Effect::Save(Box::new(s.clone())))
}

/// Sets (or clears) the answer of question `i`, rescoring and saving.
fn set_answer(app: &mut App, i: usize, answer: Option<Answer>) -> Vec<Effect> {
    let Some(q) = app.q.questions.get(i) else {
        return vec![];
    };
    // With no question shown in this mode the cursor rests on a hidden
    // one; it must not be answered (found by tests/fuzz_wizard.rs).
    if app.answer(i) == answer.as_ref() || !app.shown(i) {
        return vec![];
    }
    let id = q.id.clone();
    let employees = match (&answer, id == EMPLOYEES_QUESTION) {
        (Some(Answer::Number(x)), true) if *x >= 0.0 && x.fract() == 0.0 => Some(*x as u64),
        _ => None,
    };
    let Some(s) = app.session.as_mut() else {
        return vec![];
    };
    s.set_answer(&id, answer);
    if let Some(n) = employees
        && s.answers.company.employees.is_none()
    {
        s.answers.company.employees = Some(n);
        if let Some(f) = app.company.fields.get_mut(F_EMPLOYEES) {
            *f = Input::new(&n.to_string());
        }
    }
    rescore(app);
    save(app).into_iter().collect()
}

/// Commits the typed answer of a number or text question. `Err` when the
/// text is not acceptable (the error is shown, the cursor stays).
fn commit_input(app: &mut App) -> Result<Vec<Effect>, ()> {
    let i = app.qs.cur;
    let Some(q) = app.q.questions.get(i) else {
        return Ok(vec![]);
    };
    let text = app.qs.input.text().trim().to_string();
    let current = app.answer(i).cloned();
    if text.is_empty() {
        // An empty field clears a typed answer but keeps "vet ej"/"ej relevant".
        return Ok(match current {
            Some(a) if a.is_real() => set_answer(app, i, None),
            _ => vec![],
        });
    }
    let answer = match &q.kind {
        Kind::Number { min, max, .. } => {
            let cleaned: String = text
                .chars()
                .filter(|c| !c.is_whitespace() && *c != '\u{a0}')
                .map(|c| if c == ',' { '.' } else { c })
                .collect();
            let Ok(x) = cleaned.parse::<f64>() else {
                app.qs.input_error = Some(InputError::NotANumber);
                return Err(());
            };
            if !x.is_finite() {
                app.qs.input_error = Some(InputError::NotANumber);
                return Err(());
            }
            if min.is_some_and(|m| x < m) || max.is_some_and(|m| x > m) {
                app.qs.input_error = Some(InputError::OutOfRange);
                return Err(());
            }
            Answer::Number(x)
        }
        Kind::Text => Answer::Text(text),
        _ => return Ok(vec![]),
    };
    app.qs.input_error = None;
    Ok(set_answer(app, i, Some(answer)))
}

fn go_next(app: &mut App, mut fx: Vec<Effect>) -> Vec<Effect> {
    match app.next_shown(app.qs.cur) {
        Some(n) => load_question(app, n),
        None => {
            goto(app, Screen::Summary);
            app.summary.cursor = 0;
        }
    }
    fx.extend(save(app));
    fx
}

fn go_prev(app: &mut App, mut fx: Vec<Effect>) -> Vec<Effect> {
    match app.prev_shown(app.qs.cur) {
        Some(p) => load_question(app, p),
        None => goto(app, Screen::Company),
    }
    fx.extend(save(app));
    fx
}

fn question_key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    if app.qs.focus == Focus::Sections {
        return sections_key(app, key);
    }
    let i = app.qs.cur;
    let Some(q) = app.q.questions.get(i).cloned() else {
        return vec![];
    };
    let typed = text_question(app);
    let action = if typed {
        match keymap::global(&key) {
            Some(a) => Some(a),
            None => {
                if app.qs.input.handle_key(key) {
                    app.qs.input_error = None;
                }
                return vec![];
            }
        }
    } else {
        keymap::normal(&key)
    };
    let Some(action) = action else {
        return vec![];
    };
    // Leaving a typed question commits what was typed.
    let commit = |app: &mut App| -> Result<Vec<Effect>, ()> {
        if typed { commit_input(app) } else { Ok(vec![]) }
    };
    let answer = app.answer(i).cloned();
    let n_opts = q.kind.options().len();
    match action {
        Action::Up | Action::Left if !typed => {
            app.qs.opt = app.qs.opt.saturating_sub(1);
            app.qs.moved = true;
        }
        Action::Down | Action::Right if !typed => {
            let last = match &q.kind {
                Kind::Scale { min, max, .. } => (max - min).max(0) as usize,
                _ => n_opts.saturating_sub(1),
            };
            app.qs.opt = (app.qs.opt + 1).min(last);
            app.qs.moved = true;
        }
        Action::Digit(d) => return choose_digit(app, &q.kind, d),
        Action::Space => return choose_cursor(app, &q.kind, true),
        Action::Enter => {
            let mut fx = match commit(app) {
                Ok(fx) => fx,
                Err(()) => return vec![],
            };
            if matches!(q.kind, Kind::Single { .. } | Kind::Scale { .. })
                && (app.qs.moved || answer.is_none())
            {
                fx.extend(choose_cursor(app, &q.kind, false));
            }
            return go_next(app, fx);
        }
        Action::Next => {
            let Ok(fx) = commit(app) else { return vec![] };
            return go_next(app, fx);
        }
        Action::Esc | Action::Prev => {
            let Ok(fx) = commit(app) else { return vec![] };
            return go_prev(app, fx);
        }
        Action::Clear => {
            app.qs.input = Input::default();
            return set_answer(app, i, None);
        }
        Action::Unknown if q.allow_unknown => {
            let new = (answer != Some(Answer::Unknown)).then_some(Answer::Unknown);
            app.qs.input = Input::default();
            app.qs.input_error = None;
            return set_answer(app, i, new);
        }
        Action::NotApplicable if q.allow_na => {
            let new = (answer != Some(Answer::NotApplicable)).then_some(Answer::NotApplicable);
            app.qs.input = Input::default();
            app.qs.input_error = None;
            return set_answer(app, i, new);
        }
        Action::Tab | Action::BackTab => {
            let Ok(fx) = commit(app) else { return vec![] };
            app.qs.focus = Focus::Sections;
            app.qs.sec_cursor = q.section + 1;
            return fx;
        }
        Action::Help => app.popup = Popup::Help,
        Action::Note => {
            let text = app.answers().and_then(|a| a.notes.get(&q.id)).cloned();
            app.popup = Popup::Note(NoteKind::Shared, Input::new(text.as_deref().unwrap_or("")));
        }
        Action::PrivateNote if !app.is_self() => {
            let text = app
                .answers()
                .and_then(|a| a.private_notes.get(&q.id))
                .cloned();
            app.popup = Popup::Note(NoteKind::Private, Input::new(text.as_deref().unwrap_or("")));
        }
        Action::Needs => app.show_needs = !app.show_needs,
        Action::Compact => app.qs.compact = !app.qs.compact,
        Action::Summary => {
            let Ok(fx) = commit(app) else { return vec![] };
            goto(app, Screen::Summary);
            return fx;
        }
        Action::Quit | Action::Interrupt => {
            let Ok(fx) = commit(app) else {
                ask_quit(app);
                return vec![];
            };
            ask_quit(app);
            return fx;
        }
        _ => {}
    }
    vec![]
}

fn choose_digit(app: &mut App, kind: &Kind, d: u8) -> Vec<Effect> {
    let i = app.qs.cur;
    let d = usize::from(d);
    match kind {
        Kind::Single { options } if (1..=options.len()).contains(&d) => {
            app.qs.opt = d - 1;
            set_answer(app, i, Some(Answer::Choice(options[d - 1].id.clone())))
        }
        Kind::Multi { options } if (1..=options.len()).contains(&d) => {
            app.qs.opt = d - 1;
            toggle_multi(app, kind, d - 1)
        }
        Kind::Scale { min, max, .. } if (*min..=*max).contains(&(d as i64)) => {
            app.qs.opt = (d as i64 - min) as usize;
            set_answer(app, i, Some(Answer::Number(d as f64)))
        }
        _ => vec![],
    }
}

/// Chooses the option under the cursor (Space/Enter). `toggle` ticks
/// multi-choice options.
fn choose_cursor(app: &mut App, kind: &Kind, toggle: bool) -> Vec<Effect> {
    let i = app.qs.cur;
    let opt = app.qs.opt;
    match kind {
        Kind::Single { options } => match options.get(opt) {
            Some(o) => set_answer(app, i, Some(Answer::Choice(o.id.clone()))),
            None => vec![],
        },
        Kind::Multi { .. } if toggle => toggle_multi(app, kind, opt),
        Kind::Scale { min, max, .. } => {
            let v = (*min + opt as i64).min(*max);
            set_answer(app, i, Some(Answer::Number(v as f64)))
        }
        _ => vec![],
    }
}

fn toggle_multi(app: &mut App, kind: &Kind, opt: usize) -> Vec<Effect> {
    let i = app.qs.cur;
    let Some(o) = kind.options().get(opt) else {
        return vec![];
    };
    let mut list = match app.answer(i) {
        Some(Answer::Choices(l)) => l.clone(),
        _ => vec![],
    };
    if let Some(p) = list.iter().position(|x| *x == o.id) {
        list.remove(p);
    } else {
        list.push(o.id.clone());
        // Keep questionnaire order.
        list.sort_by_key(|id| kind.option_index(id).unwrap_or(usize::MAX));
    }
    let new = (!list.is_empty()).then_some(Answer::Choices(list));
    set_answer(app, i, new)
}

fn sections_key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    let last = app.q.sections.len() + 1;
    match keymap::normal(&key) {
        Some(Action::Up) => app.qs.sec_cursor = app.qs.sec_cursor.saturating_sub(1),
        Some(Action::Down) => app.qs.sec_cursor = (app.qs.sec_cursor + 1).min(last),
        Some(Action::Enter | Action::Space | Action::Right) => {
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
        Some(Action::Digit(d)) if d > 0 => {
            app.qs.sec_cursor = usize::from(d).min(last);
        }
        Some(Action::Tab | Action::BackTab | Action::Esc | Action::Left) => {
            app.qs.focus = Focus::Question
        }
        Some(Action::Needs) => app.show_needs = !app.show_needs,
        Some(Action::Summary) => goto(app, Screen::Summary),
        Some(Action::Quit | Action::Interrupt) => ask_quit(app),
        _ => {}
    }
    vec![]
}

fn set_note(app: &mut App, kind: NoteKind, text: String) -> Vec<Effect> {
    let Some(id) = app.q.questions.get(app.qs.cur).map(|q| q.id.clone()) else {
        return vec![];
    };
    let Some(s) = app.session.as_mut() else {
        return vec![];
    };
    let map = match kind {
        NoteKind::Shared => &mut s.answers.notes,
        NoteKind::Private => &mut s.answers.private_notes,
    };
    if text.is_empty() {
        map.remove(&id);
    } else {
        map.insert(id, text);
    }
    save(app).into_iter().collect()
}

// ---------------------------------------------------------------- summary

fn summary_key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    if app.summary.focus == SummaryFocus::Path {
        match keymap::global(&key) {
            Some(Action::Enter | Action::Export) => return export(app),
            Some(Action::Tab | Action::BackTab | Action::Esc | Action::Up) => {
                app.summary.focus = SummaryFocus::Actors
            }
            Some(Action::Interrupt) => ask_quit(app),
            Some(Action::Summary) => {}
            _ => {
                app.summary.path.handle_key(key);
            }
        }
        return vec![];
    }
    let n = app.ranked().len();
    match keymap::normal(&key) {
        Some(Action::Up) => app.summary.cursor = app.summary.cursor.saturating_sub(1),
        Some(Action::Down) => {
            app.summary.cursor = (app.summary.cursor + 1).min(n.saturating_sub(1))
        }
        Some(Action::Space | Action::Enter) => return toggle_consent(app),
        Some(Action::Tab | Action::BackTab) => app.summary.focus = SummaryFocus::Path,
        Some(Action::Export) => return export(app),
        Some(Action::Next) => app.summary.scroll = app.summary.scroll.saturating_add(5),
        Some(Action::Prev) => app.summary.scroll = app.summary.scroll.saturating_sub(5),
        Some(Action::Esc | Action::Left) => {
            goto(app, Screen::Questions);
            app.qs.focus = Focus::Question;
        }
        Some(Action::Needs) => app.show_needs = !app.show_needs,
        Some(Action::Quit | Action::Interrupt) => ask_quit(app),
        _ => {}
    }
    vec![]
}

fn toggle_consent(app: &mut App) -> Vec<Effect> {
    let Some(actor) = app.ranked().get(app.summary.cursor).map(|r| r.actor) else {
        return vec![];
    };
    let id = app.q.actors[actor].id.clone();
    let now = (app.clock.now)();
    let company_word = super::strings::get(&app.lang).the_company;
    let is_self = app.is_self();
    let Some(s) = app.session.as_mut() else {
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
    let Some(s) = &app.session else {
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
        lang: app.lang.clone(),
        actors,
        self_file: app.is_self(),
        date: app.export_date.clone(),
    }))]
}
