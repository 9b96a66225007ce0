//! The company form: name, organisation number, municipality, SNI code,
//! employees, the company's contact person and (at a visit) who is
//! present.

mod draw;

pub use draw::draw;

use ratatui::crossterm::event::KeyEvent;

use crate::answers::{Answer, Contact};
use crate::questionnaire::{Kind, Role};
use crate::session::{Attendee, Session};
use crate::store::lookup::EarlierVisit;

use crate::tui::app::*;
use crate::tui::keymap::{
    self, Action, BACKTAB, Binding, DOWN, ENTER, ESC, Keymap, PGDN, SPACE, TAB, UP, ch, ctrl, f,
};
use crate::tui::update::*;
use crate::tui::widgets::input::Input;

/// The company form's fields, in focus order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Name,
    OrgNumber,
    Municipality,
    Sni,
    Employees,
    ContactName,
    ContactRole,
    ContactPhone,
    ContactEmail,
}

impl Field {
    pub const ALL: [Field; 9] = [
        Field::Name,
        Field::OrgNumber,
        Field::Municipality,
        Field::Sni,
        Field::Employees,
        Field::ContactName,
        Field::ContactRole,
        Field::ContactPhone,
        Field::ContactEmail,
    ];

    /// The contact person's fields.
    pub fn is_contact(self) -> bool {
        matches!(
            self,
            Field::ContactName | Field::ContactRole | Field::ContactPhone | Field::ContactEmail
        )
    }
}

/// The contact checks are the ones the web form uses.
pub use crate::answers::input::{email_valid, phone_valid};

/// Whether a field's text is saved: `None` for an empty field, else
/// whether it is valid.
pub fn field_ok(field: Field, text: &str) -> Option<bool> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    Some(match field {
        Field::OrgNumber => crate::answers::org_number_valid(text),
        Field::Sni => crate::answers::sni_valid(text),
        Field::Employees => text.parse::<u64>().is_ok(),
        Field::ContactPhone => phone_valid(text),
        Field::ContactEmail => email_valid(text),
        _ => true,
    })
}

/// What has focus in the company form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompanyFocus {
    Field(Field),
    /// The name of attendee `n`.
    AttendeeName(usize),
    /// The organisation of attendee `n`.
    AttendeeOrg(usize),
    /// The button that goes on to the questions.
    Continue,
}

#[derive(Debug, Clone)]
pub struct CompanyForm {
    fields: [Input; 9],
    /// Name and organisation per attendee; the last pair is always empty.
    pub attendees: Vec<(Input, Input)>,
    pub focus: CompanyFocus,
    /// Earlier visits to the company with the typed organisation number
    /// (from this laptop's sessions, which hold what sync pulled).
    pub met_before: Vec<EarlierVisit>,
    /// The organisation number last looked up.
    pub looked_up: Option<String>,
}

impl Default for CompanyForm {
    fn default() -> Self {
        CompanyForm {
            fields: Default::default(),
            attendees: Vec::new(),
            focus: CompanyFocus::Field(Field::Name),
            met_before: Vec::new(),
            looked_up: None,
        }
    }
}

impl CompanyForm {
    pub fn from_session(s: &Session, with_attendees: bool) -> Self {
        let c = &s.answers.company;
        let f = |x: &Option<String>| Input::new(x.as_deref().unwrap_or(""));
        let contact = c.contact.clone().unwrap_or_default();
        let fields = [
            f(&c.name),
            f(&c.org_number),
            f(&c.municipality),
            f(&c.sni),
            Input::new(&c.employees.map(|n| n.to_string()).unwrap_or_default()),
            f(&contact.name),
            f(&contact.role),
            f(&contact.phone),
            f(&contact.email),
        ];
        let mut attendees: Vec<(Input, Input)> = s
            .meta
            .attendees
            .iter()
            .map(|a| (Input::new(&a.name), Input::new(&a.organisation)))
            .collect();
        if with_attendees {
            attendees.push((Input::default(), Input::default()));
        } else {
            attendees.clear();
        }
        CompanyForm {
            fields,
            attendees,
            focus: CompanyFocus::Field(Field::Name),
            met_before: Vec::new(),
            looked_up: None,
        }
    }

    /// Every focusable item, in order: the fields, two per attendee, the
    /// button.
    fn order(&self) -> impl Iterator<Item = CompanyFocus> + '_ {
        Field::ALL
            .into_iter()
            .map(CompanyFocus::Field)
            .chain(
                (0..self.attendees.len())
                    .flat_map(|k| [CompanyFocus::AttendeeName(k), CompanyFocus::AttendeeOrg(k)]),
            )
            .chain([CompanyFocus::Continue])
    }

    /// Moves the focus to the next item (after the button: the first field).
    pub fn focus_next(&mut self) {
        let now = self.focus;
        let next = self.order().skip_while(|f| *f != now).nth(1);
        self.focus = next.unwrap_or(CompanyFocus::Field(Field::Name));
    }

    /// Moves the focus to the previous item (before the first: the button).
    pub fn focus_prev(&mut self) {
        let now = self.focus;
        let prev = self.order().take_while(|f| *f != now).last();
        self.focus = prev.unwrap_or(CompanyFocus::Continue);
    }

    pub fn on_button(&self) -> bool {
        self.focus == CompanyFocus::Continue
    }

    pub fn input(&self, f: Field) -> &Input {
        &self.fields[f as usize]
    }

    pub fn input_mut(&mut self, f: Field) -> &mut Input {
        &mut self.fields[f as usize]
    }

    /// The trimmed text of a field.
    pub fn field(&self, f: Field) -> &str {
        self.input(f).text()
    }

    /// The input that has focus (none on the button).
    pub fn focused_input_mut(&mut self) -> Option<&mut Input> {
        match self.focus {
            CompanyFocus::Field(f) => Some(self.input_mut(f)),
            CompanyFocus::AttendeeName(k) => self.attendees.get_mut(k).map(|p| &mut p.0),
            CompanyFocus::AttendeeOrg(k) => self.attendees.get_mut(k).map(|p| &mut p.1),
            CompanyFocus::Continue => None,
        }
    }

    pub fn attendee_list(&self) -> Vec<Attendee> {
        self.attendees
            .iter()
            .filter(|(n, o)| !n.text().trim().is_empty() || !o.text().trim().is_empty())
            .map(|(n, o)| Attendee {
                name: n.text().trim().to_string(),
                organisation: o.text().trim().to_string(),
            })
            .collect()
    }
}

pub const KEYS: Keymap = Keymap {
    bindings: &[
        Binding::new(
            &[UP, BACKTAB],
            Action::Up,
            |w| w.h_field,
            |w| w.help_field_prev,
        ),
        Binding::new(
            &[DOWN, TAB],
            Action::Down,
            |w| w.h_field,
            |w| w.help_field_next,
        )
        .show(2),
        Binding::new(
            &[ENTER],
            Action::Enter,
            |w| w.h_next,
            |w| w.help_company_enter,
        ),
        Binding::new(
            &[SPACE, PGDN, ctrl('n')],
            Action::Next,
            |w| w.h_next,
            |w| w.help_to_questions,
        ),
        Binding::new(&[ESC], Action::Back, |w| w.h_back, |w| w.help_leave),
        Binding::quiet(&[ch('s'), f(8)], Action::Summary, |w| w.help_summary),
        Binding::quiet(&[f(9)], Action::FollowUp, |w| w.help_follow_up),
        keymap::LANG,
        keymap::HELP,
        keymap::QUIT,
    ],
    in_field: |a| !a.company.on_button(),
};

pub fn act(app: &mut App, action: Action) -> Vec<Effect> {
    match action {
        Action::Up => app.company.focus_prev(),
        Action::Down => app.company.focus_next(),
        Action::Enter if !app.company.on_button() => app.company.focus_next(),
        Action::Enter | Action::Next => return to_questions(app),
        Action::Back => return leave_session(app),
        Action::Quit => ask_quit(app),
        Action::Summary => goto(app, Screen::Summary),
        Action::FollowUp => return become_follow_up(app),
        _ => {}
    }
    vec![]
}

/// "Start a follow-up instead": the session being filled in becomes a
/// follow-up of the latest earlier visit to the company (compared with it
/// in the summary); company details it lacks are taken from that visit.
fn become_follow_up(app: &mut App) -> Vec<Effect> {
    let Some(prev) = app.company.met_before.first().map(|v| v.id.clone()) else {
        return vec![];
    };
    let Some(o) = app.open.as_mut() else {
        return vec![];
    };
    o.session.meta.previous = Some(prev.clone());
    o.session.meta.origin = Some(crate::session::ORIGIN_FOLLOW_UP.into());
    app.company.met_before.clear();
    let mut effects = vec![Effect::LoadPrevious(prev)];
    effects.extend(save(app));
    effects
}

/// Typing into the focused field.
pub fn typed(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    if let Some(input) = app.company.focused_input_mut()
        && input.handle_key(key)
    {
        return apply_company(app);
    }
    vec![]
}

/// Text pasted into the focused field.
pub fn paste(app: &mut App, text: &str) -> Vec<Effect> {
    match app.company.focused_input_mut() {
        Some(input) => {
            input.insert_str(text);
            apply_company(app)
        }
        None => vec![],
    }
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
pub fn apply_company(app: &mut App) -> Vec<Effect> {
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
    // A field's text when it is filled in and valid.
    let opt = |f: Field| {
        let s = form.field(f).trim();
        (field_ok(f, s) == Some(true)).then(|| s.to_string())
    };
    let name = opt(Field::Name);
    let org = opt(Field::OrgNumber);
    let muni = opt(Field::Municipality);
    let sni = opt(Field::Sni);
    let employees = opt(Field::Employees).and_then(|n| n.parse::<u64>().ok());
    let (cname, crole, cphone, cemail) = (
        opt(Field::ContactName),
        opt(Field::ContactRole),
        opt(Field::ContactPhone),
        opt(Field::ContactEmail),
    );
    let attendees = form.attendee_list();
    // "Has anyone met this company?" (advisors only; once per number).
    let mut effects = Vec::new();
    let already_follow_up = app
        .open
        .as_ref()
        .is_some_and(|o| o.session.meta.previous.is_some());
    match &org {
        Some(o) if !is_self && !already_follow_up && form.looked_up.as_ref() != Some(o) => {
            form.looked_up = Some(o.clone());
            form.met_before.clear();
            if let Some(open) = &app.open {
                effects.push(Effect::LookupCompany {
                    org: o.clone(),
                    except: open.session.meta.id.clone(),
                });
            }
        }
        Some(_) => {}
        None => {
            form.looked_up = None;
            form.met_before.clear();
        }
    }
    let Some(s) = app.open.as_mut().map(|o| &mut o.session) else {
        return effects;
    };
    let before = s.answers.company.employees;
    let c = &mut s.answers.company;
    c.name = name;
    c.org_number = org;
    c.municipality = muni;
    c.sni = sni;
    c.employees = employees;
    // Keys of [company.contact] this version does not know are kept.
    let contact = Contact {
        name: cname,
        role: crole,
        phone: cphone,
        email: cemail,
        extra: c.contact.take().map(|x| x.extra).unwrap_or_default(),
    };
    c.contact = (!contact.is_empty()).then_some(contact);
    s.meta.attendees = attendees;
    if let Some(n) = employees
        && before != Some(n)
    {
        sync_employees_to_question(app, n, before);
    }
    effects.extend(save(app));
    effects
}

/// The earlier visit a session now follows up was read: compared with it
/// from now on; company details still empty in the form are taken from it.
pub fn previous_loaded(app: &mut App, p: Box<crate::tui::jobs::Previous>) -> Vec<Effect> {
    let q = std::sync::Arc::clone(&app.q);
    let Some(o) = app.open.as_mut() else {
        return vec![];
    };
    if o.session.meta.previous.as_deref() != Some(p.id.as_str()) {
        return vec![];
    }
    let c = p.answers.company.clone();
    o.previous = Some(p);
    o.refresh_comparison(&q);
    let employees = c.employees.map(|n| n.to_string());
    let contact = c.contact.clone().unwrap_or_default();
    for (field, value) in [
        (Field::Name, &c.name),
        (Field::OrgNumber, &c.org_number),
        (Field::Municipality, &c.municipality),
        (Field::Sni, &c.sni),
        (Field::Employees, &employees),
        (Field::ContactName, &contact.name),
        (Field::ContactRole, &contact.role),
        (Field::ContactPhone, &contact.phone),
        (Field::ContactEmail, &contact.email),
    ] {
        if let Some(v) = value
            && app.company.field(field).trim().is_empty()
        {
            *app.company.input_mut(field) = Input::new(v);
        }
    }
    apply_company(app)
}

/// Earlier visits found for a number (kept when it is still the one typed).
pub fn company_known(app: &mut App, org: &str, visits: Vec<EarlierVisit>) {
    if app.company.looked_up.as_deref() == Some(org) {
        app.company.met_before = visits;
    }
}

/// The company form's employees fill the question with the `employees`
/// role when it is shown, a number question and still unanswered (or
/// still holds the form's previous value, as while the number is being
/// typed).
fn sync_employees_to_question(app: &mut App, n: u64, before: Option<u64>) {
    let Some(i) = app.q.question_with_role(Role::Employees) else {
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
    let now = (app.clock.now)();
    let id = app.q.questions[i].id.clone();
    if let Some(o) = app.open.as_mut() {
        o.session
            .set_answer_at(&id, Some(Answer::Number(n as f64)), &now);
    }
    rescore(app);
    if app.qs.cur == i {
        app.qs.input = Input::new(&n.to_string());
    }
}
