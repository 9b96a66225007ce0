//! The questions, one at a time (or a section at once), with the section
//! list beside them.

mod draw;
mod filter;
mod sections;

pub use draw::{answer_summary, draw};

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use crate::answers::Answer;
use crate::i18n::room;
use crate::questionnaire::Kind;

use crate::tui::app::*;
use crate::tui::keymap::{
    self, Action, BACKSPACE, BACKTAB, Binding, DEL, DOWN, ENTER, ESC, Key, Keymap, LEFT, PGDN,
    PGUP, RIGHT, SPACE, TAB, UP, alt, ch, ctrl, f,
};
use crate::tui::update::*;
use crate::tui::widgets::input::Input;
use crate::tui::widgets::textbox::TextBox;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Question,
    Sections,
}

#[derive(Debug, Clone, PartialEq)]
pub enum InputError {
    NotANumber,
    OutOfRange,
    /// A tick refused: `max_choices` (this many) are ticked already.
    TooMany(usize),
    /// An exclusive option ("none of these", this option index) and other
    /// choices: the newest tick replaced the others.
    Exclusive(usize),
}

#[derive(Debug, Clone)]
pub struct QuestionState {
    /// Index of the current question.
    pub cur: usize,
    pub focus: Focus,
    /// Cursor in the section list (0 = company details, 1.. = sections).
    pub sec_cursor: usize,
    /// Option cursor (single/multi) or value cursor (scale).
    pub opt: usize,
    /// True once the option cursor was moved on this question.
    pub moved: bool,
    /// The input of a number question.
    pub input: Input,
    /// The text area of a text question.
    pub text: TextBox,
    /// The text answer was saved as a draft since the question was loaded
    /// (its history entry is replaced, not added to, by the next save).
    pub drafted: bool,
    pub input_error: Option<InputError>,
    /// Show the whole section at once.
    pub compact: bool,
    /// What was typed to search a long option list.
    pub filter: Input,
}

impl Default for QuestionState {
    fn default() -> Self {
        QuestionState {
            cur: 0,
            focus: Focus::Question,
            sec_cursor: 1,
            opt: 0,
            moved: false,
            input: Input::default(),
            text: TextBox::default(),
            drafted: false,
            input_error: None,
            compact: false,
            filter: Input::default(),
        }
    }
}

/// True when the current question is a free-text one and has focus (its
/// text area takes the keys).
pub fn free_text(app: &App) -> bool {
    app.qs.focus == Focus::Question
        && matches!(
            app.q.questions.get(app.qs.cur).map(|q| &q.kind),
            Some(Kind::Text)
        )
}

/// True when the current question takes typed input and has focus.
pub fn text_question(app: &App) -> bool {
    app.qs.focus == Focus::Question
        && matches!(
            app.q.questions.get(app.qs.cur).map(|q| &q.kind),
            Some(Kind::Number { .. } | Kind::Text)
        )
}

/// True when the current question is a long option list with focus:
/// typed letters search it.
pub fn filtering(app: &App) -> bool {
    current(app).is_some_and(filter::is_long)
}

/// A long list with something typed into its search.
fn filter_typed(app: &App) -> bool {
    filtering(app) && !app.qs.filter.is_empty()
}

/// The options of the current question in the order shown: all of them,
/// or those matching the search of a long list.
pub fn view(app: &App) -> Vec<usize> {
    let Some(q) = app.q.questions.get(app.qs.cur) else {
        return vec![];
    };
    if filter::is_long(q) {
        filter::view(q, app.lang.code(), app.qs.filter.text())
    } else {
        (0..q.kind.options().len()).collect()
    }
}

/// Commits the typed answer of a number or text question. `Err` when the
/// text is not acceptable (the error is shown, the cursor stays).
fn commit_input(app: &mut App) -> Result<Vec<Effect>, ()> {
    let i = app.qs.cur;
    let Some(q) = app.q.questions.get(i) else {
        return Ok(vec![]);
    };
    let text = match &q.kind {
        Kind::Text => app.qs.text.text().trim().to_string(),
        _ => app.qs.input.text().trim().to_string(),
    };
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
            use crate::answers::input::{InputError as E, parse_number};
            match parse_number(&text, *min, *max) {
                Ok(x) => Answer::Number(x),
                Err(e) => {
                    app.qs.input_error = Some(match e {
                        E::OutOfRange { .. } => InputError::OutOfRange,
                        _ => InputError::NotANumber,
                    });
                    return Err(());
                }
            }
        }
        Kind::Text => Answer::Text(text),
        _ => return Ok(vec![]),
    };
    app.qs.input_error = None;
    if matches!(q.kind, Kind::Text) {
        return Ok(set_text_answer(app, i, Some(answer)));
    }
    Ok(set_answer(app, i, Some(answer)))
}

/// Sets a text answer; a draft saved before is replaced in the history
/// rather than followed by another entry.
fn set_text_answer(app: &mut App, i: usize, answer: Option<Answer>) -> Vec<Effect> {
    if app.answer(i) == answer.as_ref() {
        return vec![];
    }
    let id = app.q.questions.get(i).map(|q| q.id.clone());
    if app.qs.drafted
        && let (Some(o), Some(id)) = (app.open.as_mut(), id)
        && o.session
            .meta
            .history
            .last()
            .is_some_and(|h| h.question == id)
    {
        o.session.meta.history.pop();
    }
    app.draft = Draft::default();
    set_answer(app, i, answer)
}

/// Saves what is typed but not yet saved (a tick's work, about a second
/// after the text changed): the text answer of the current question, or
/// the note being written. Nothing is checked or moved; the cursor stays.
pub fn save_draft(app: &mut App) -> Vec<Effect> {
    app.draft = Draft::default();
    if let Popup::Note(kind, text, _) = &app.popup {
        let (kind, text) = (*kind, text.text().trim().to_string());
        return set_note(app, kind, text);
    }
    let i = app.qs.cur;
    if !matches!(app.q.questions.get(i).map(|q| &q.kind), Some(Kind::Text)) || !app.shown(i) {
        return vec![];
    }
    let text = app.qs.text.text().trim().to_string();
    let answer = match app.answer(i) {
        _ if !text.is_empty() => Some(Answer::Text(text)),
        Some(a) if !a.is_real() => return vec![],
        _ => None,
    };
    let fx = set_text_answer(app, i, answer);
    app.qs.drafted = true;
    fx
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

fn on_sections(app: &App) -> bool {
    app.qs.focus == Focus::Sections
}

fn on_question(app: &App) -> bool {
    app.qs.focus == Focus::Question
}

/// The current question, when it has focus.
fn current(app: &App) -> Option<&crate::questionnaire::Question> {
    app.q.questions.get(app.qs.cur).filter(|_| on_question(app))
}

fn is_list(app: &App) -> bool {
    current(app).is_some_and(|q| matches!(q.kind, Kind::Single { .. } | Kind::Multi { .. }))
}

fn is_scale(app: &App) -> bool {
    current(app).is_some_and(|q| matches!(q.kind, Kind::Scale { .. }))
}

fn is_multi(app: &App) -> bool {
    current(app).is_some_and(|q| matches!(q.kind, Kind::Multi { .. }))
}

fn chooses_one(app: &App) -> bool {
    current(app).is_some_and(|q| matches!(q.kind, Kind::Single { .. } | Kind::Scale { .. }))
}

pub const KEYS: Keymap = Keymap {
    bindings: &[
        // The section list.
        keymap::MOVE_UP.when(on_sections),
        keymap::MOVE_DOWN.when(on_sections),
        Binding::new(
            &[ENTER, SPACE, RIGHT, ch('l')],
            Action::Enter,
            |w| w.h_jump,
            |w| w.help_jump,
        )
        .when(on_sections),
        Binding::quiet(&[Key::Digit], Action::Digit(0), |w| w.help_section_digit).when(on_sections),
        Binding::new(
            &[TAB, ESC, BACKTAB, LEFT, ch('h')],
            Action::Back,
            |w| w.h_to_question,
            |w| w.help_to_question,
        )
        .show(2)
        .when(on_sections),
        // The question. With a search typed into a long list, Enter ticks
        // and Esc clears the search.
        Binding::new(
            &[ENTER],
            Action::Space,
            |w| w.lists.h_filter_tick,
            |w| w.lists.help_filter_enter,
        )
        .when(filter_typed),
        Binding::new(
            &[ESC],
            Action::Left,
            |w| w.h_clear,
            |w| w.lists.help_filter_esc,
        )
        .when(filter_typed),
        Binding::new(&[UP, ch('k')], Action::Up, |w| w.h_move, |w| w.help_opt_up).when(is_list),
        Binding::new(
            &[DOWN, ch('j')],
            Action::Down,
            |w| w.h_move,
            |w| w.help_opt_down,
        )
        .when(is_list),
        Binding::quiet(&[LEFT, ch('h')], Action::Up, |w| w.help_opt_up).when(is_list),
        Binding::quiet(&[RIGHT, ch('l')], Action::Down, |w| w.help_opt_down).when(is_list),
        Binding::new(
            &[LEFT, ch('h'), UP, ch('k')],
            Action::Up,
            |w| w.h_move,
            |w| w.help_scale_down,
        )
        .when(is_scale),
        Binding::new(
            &[RIGHT, ch('l'), DOWN, ch('j')],
            Action::Down,
            |w| w.h_move,
            |w| w.help_scale_up,
        )
        .when(is_scale),
        Binding::new(
            &[Key::Digit],
            Action::Digit(0),
            |w| w.h_choose,
            |w| w.help_digit_choose,
        )
        .when(chooses_one),
        Binding::quiet(&[Key::Digit], Action::Digit(0), |w| w.help_digit_tick).when(is_multi),
        Binding::new(&[SPACE], Action::Space, |w| w.h_tick, |w| w.help_tick).when(is_multi),
        Binding::quiet(&[SPACE], Action::Space, |w| w.help_space_choose).when(chooses_one),
        Binding::new(
            &[alt(KeyCode::Enter), ctrl('j')],
            Action::Newline,
            |w| room::words(w.lang).h_newline,
            |w| room::words(w.lang).help_newline,
        )
        .when(free_text),
        Binding::new(&[ENTER], Action::Enter, |w| w.h_next, |w| w.help_enter_next)
            .when(|a| on_question(a) && !filter_typed(a)),
        Binding::quiet(&[PGDN, ctrl('n')], Action::Next, |w| w.help_next).when(on_question),
        Binding::new(
            &[ESC, PGUP, ctrl('p')],
            Action::Prev,
            |w| w.h_back,
            |w| w.help_prev,
        )
        .when(|a| on_question(a) && !filter_typed(a)),
        Binding::quiet(&[PGUP, ctrl('p')], Action::Prev, |w| w.help_prev).when(filter_typed),
        Binding::new(
            &[ch('v'), ch('u'), f(5)],
            Action::Unknown,
            |w| w.h_unknown,
            |w| w.help_unknown,
        )
        .when(|a| current(a).is_some_and(|q| q.allow_unknown)),
        Binding::new(
            &[ch('e'), f(6)],
            Action::NotApplicable,
            |w| w.h_na,
            |w| w.help_na,
        )
        .when(|a| current(a).is_some_and(|q| q.allow_na)),
        keymap::HELP,
        Binding::new(
            &[ch('n'), f(3)],
            Action::Note,
            |w| w.h_note,
            |w| w.help_note,
        )
        .when(on_question),
        Binding::new(
            &[ch('p'), f(4)],
            Action::PrivateNote,
            |w| w.h_private,
            |w| w.help_private,
        )
        .when(|a| on_question(a) && a.advisor_view),
        // In the shared view `p` says where private notes are.
        Binding::quiet(&[ch('p'), f(4)], Action::PrivateNote, |w| w.help_private)
            .when(|a| on_question(a) && !a.is_self() && !a.advisor_view),
        keymap::ADVISOR_ON,
        keymap::ADVISOR_OFF,
        Binding::new(
            &[ch('b'), f(7)],
            Action::Needs,
            |w| w.h_needs,
            |w| w.help_needs,
        ),
        Binding::new(
            &[ch('s'), f(8)],
            Action::Summary,
            |w| w.h_summary,
            |w| w.help_summary,
        ),
        keymap::QUIT,
        Binding::new(
            &[TAB, BACKTAB],
            Action::Tab,
            |w| w.h_sections,
            |w| w.help_sections,
        )
        .when(on_question),
        keymap::LANG,
        Binding::new(
            &[ch('c'), f(9)],
            Action::Compact,
            |w| w.h_compact,
            |w| w.help_compact,
        )
        .when(on_question),
        Binding::new(
            &[DEL, BACKSPACE],
            Action::Clear,
            |w| w.h_clear,
            |w| w.help_clear,
        )
        .when(on_question),
    ],
    in_field: |a| text_question(a) || filtering(a),
};

/// Typing into a number or text question, or the search of a long list
/// (where Space with nothing typed ticks, as in other lists).
pub fn typed(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    if filtering(app) {
        if key.code == ratatui::crossterm::event::KeyCode::Char(' ') && app.qs.filter.is_empty() {
            let q = std::sync::Arc::clone(&app.q);
            return match q.questions.get(app.qs.cur) {
                Some(q) => choose_cursor(app, &q.kind, true),
                None => vec![],
            };
        }
        if app.qs.filter.handle_key(key) {
            filter_changed(app);
        }
        return vec![];
    }
    if free_text(app) {
        let before = app.qs.text.text();
        if app.qs.text.handle_key(key) && app.qs.text.text() != before {
            app.draft.dirty = true;
        }
    } else if app.qs.input.handle_key(key) {
        app.qs.input_error = None;
    }
    vec![]
}

/// Text pasted into a number or text question, or a long list's search.
pub fn paste(app: &mut App, text: &str) {
    if filtering(app) {
        app.qs.filter.insert_str(text.trim());
        filter_changed(app);
    } else if free_text(app) {
        app.qs.text.insert_str(text);
        app.draft.dirty = true;
    } else if text_question(app) {
        app.qs.input.insert_str(text);
        app.qs.input_error = None;
    }
}

/// The search changed: the cursor goes to the best match.
fn filter_changed(app: &mut App) {
    app.qs.input_error = None;
    if let Some(&first) = view(app).first() {
        app.qs.opt = first;
        app.qs.moved = true;
    }
}

/// Moves the option cursor `step` places through the options shown.
fn move_in_view(app: &mut App, down: bool) {
    let v = view(app);
    let pos = v.iter().position(|&k| k == app.qs.opt);
    let next = match (pos, down) {
        (None, _) => v.first(),
        (Some(p), true) => v.get(p + 1).or(v.last()),
        (Some(p), false) => v.get(p.saturating_sub(1)),
    };
    if let Some(&k) = next {
        app.qs.opt = k;
    }
    app.qs.moved = true;
    app.qs.input_error = None;
}

pub fn act(app: &mut App, action: Action) -> Vec<Effect> {
    if on_sections(app) {
        return sections::act(app, action);
    }
    let i = app.qs.cur;
    let q = std::sync::Arc::clone(&app.q);
    let Some(q) = q.questions.get(i) else {
        return vec![];
    };
    let typed = text_question(app);
    // Leaving a typed question commits what was typed.
    let commit = |app: &mut App| -> Result<Vec<Effect>, ()> {
        if typed { commit_input(app) } else { Ok(vec![]) }
    };
    let answer = app.answer(i).cloned();
    let n_opts = q.kind.options().len();
    let long = filter::is_long(q);
    match action {
        Action::Up | Action::Down if long => move_in_view(app, action == Action::Down),
        Action::Space if long => {
            // Enter with a search (or Space): tick the one shown, then
            // search again from scratch.
            let fx = choose_cursor(app, &q.kind, true);
            app.qs.filter = Input::default();
            return fx;
        }
        Action::Left if long => {
            app.qs.filter = Input::default();
            app.qs.input_error = None;
        }
        Action::Up => {
            app.qs.opt = app.qs.opt.saturating_sub(1);
            app.qs.moved = true;
            app.qs.input_error = None;
        }
        Action::Down => {
            let last = match &q.kind {
                Kind::Scale { min, max, .. } => (max - min).max(0) as usize,
                _ => n_opts.saturating_sub(1),
            };
            app.qs.opt = (app.qs.opt + 1).min(last);
            app.qs.moved = true;
            app.qs.input_error = None;
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
        Action::Prev => {
            let Ok(fx) = commit(app) else { return vec![] };
            return go_prev(app, fx);
        }
        Action::Newline => {
            app.qs.text.newline();
            app.draft.dirty = true;
        }
        Action::Clear => {
            app.qs.input = Input::default();
            app.qs.text = TextBox::default();
            app.draft = Draft::default();
            return set_answer(app, i, None);
        }
        Action::Unknown => {
            let new = (answer != Some(Answer::Unknown)).then_some(Answer::Unknown);
            app.qs.input = Input::default();
            app.qs.text = TextBox::default();
            app.draft = Draft::default();
            app.qs.input_error = None;
            return set_answer(app, i, new);
        }
        Action::NotApplicable => {
            let new = (answer != Some(Answer::NotApplicable)).then_some(Answer::NotApplicable);
            app.qs.input = Input::default();
            app.qs.text = TextBox::default();
            app.draft = Draft::default();
            app.qs.input_error = None;
            return set_answer(app, i, new);
        }
        Action::Tab => {
            let Ok(fx) = commit(app) else { return vec![] };
            app.qs.focus = Focus::Sections;
            app.qs.sec_cursor = q.section + 1;
            return fx;
        }
        Action::Note => {
            let text = app.answers().and_then(|a| a.notes.get(&q.id)).cloned();
            let text = text.unwrap_or_default();
            app.popup = Popup::Note(NoteKind::Shared, Box::new(TextBox::new(&text)), text);
        }
        Action::PrivateNote if !app.advisor_view => {
            app.notice = Some(Notice::PrivateInAdvisorView {
                field: (KEYS.in_field)(app),
            });
        }
        Action::PrivateNote => {
            let text = app
                .answers()
                .and_then(|a| a.private_notes.get(&q.id))
                .cloned();
            let text = text.unwrap_or_default();
            app.popup = Popup::Note(NoteKind::Private, Box::new(TextBox::new(&text)), text);
        }
        Action::Needs => app.show_needs = !app.show_needs,
        Action::Compact => app.qs.compact = !app.qs.compact,
        Action::Summary => {
            let Ok(fx) = commit(app) else { return vec![] };
            goto(app, Screen::Summary);
            return fx;
        }
        Action::Quit => {
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

/// Ticks or unticks option `opt`. An exclusive option ("none of these")
/// replaces the other ticks and another tick replaces it (saying so);
/// beyond `max_choices` a tick is refused with a message.
fn toggle_multi(app: &mut App, kind: &Kind, opt: usize) -> Vec<Effect> {
    let i = app.qs.cur;
    let Some(o) = kind.options().get(opt) else {
        return vec![];
    };
    let max = app.q.questions.get(i).and_then(|q| q.max_choices);
    let mut list = match app.answer(i) {
        Some(Answer::Choices(l)) => l.clone(),
        _ => vec![],
    };
    app.qs.input_error = None;
    let exclusive = |id: &String| {
        kind.option_index(id)
            .is_some_and(|k| kind.options()[k].exclusive)
    };
    if let Some(p) = list.iter().position(|x| *x == o.id) {
        list.remove(p);
    } else if o.exclusive {
        if !list.is_empty() {
            app.qs.input_error = Some(InputError::Exclusive(opt));
        }
        list = vec![o.id.clone()];
    } else {
        if let Some(k) = list
            .iter()
            .find(|id| exclusive(id))
            .and_then(|id| kind.option_index(id))
        {
            app.qs.input_error = Some(InputError::Exclusive(k));
            list.retain(|id| !exclusive(id));
        }
        if let Some(max) = max
            && list.len() >= max
        {
            app.qs.input_error = Some(InputError::TooMany(max));
            return vec![];
        }
        list.push(o.id.clone());
        // Keep questionnaire order.
        list.sort_by_key(|id| kind.option_index(id).unwrap_or(usize::MAX));
    }
    let new = (!list.is_empty()).then_some(Answer::Choices(list));
    set_answer(app, i, new)
}

pub fn set_note(app: &mut App, kind: NoteKind, text: String) -> Vec<Effect> {
    let Some(id) = app.q.questions.get(app.qs.cur).map(|q| q.id.clone()) else {
        return vec![];
    };
    let Some(s) = app.open.as_mut().map(|o| &mut o.session) else {
        return vec![];
    };
    let map = match kind {
        NoteKind::Shared => &mut s.answers.notes,
        NoteKind::Private => &mut s.answers.private_notes,
    };
    if map.get(&id).map_or(text.is_empty(), |t| *t == text) {
        return vec![];
    }
    if text.is_empty() {
        map.remove(&id);
    } else {
        map.insert(id, text);
    }
    save(app).into_iter().collect()
}
