//! The company form: name, organisation number, municipality, SNI code,
//! employees and (advisor) who is present.

use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Span;
use ratatui::widgets::{Block, Paragraph};

use crate::answers::Answer;
use crate::i18n::tui::Words;
use crate::questionnaire::{Kind, Role};
use crate::session::{Attendee, Session};
use crate::store::lookup::EarlierVisit;

use crate::tui::app::*;
use crate::tui::keymap::{
    self, Action, BACKTAB, Binding, DOWN, ENTER, ESC, Keymap, PGDN, SPACE, TAB, UP, ch, ctrl, f,
};
use crate::tui::theme::Theme;
use crate::tui::update::*;
use crate::tui::widgets::input::{Input, draw_input};
use crate::tui::widgets::notice::notice_lines;
use crate::tui::widgets::*;

/// The company form's fields, in focus order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Name,
    OrgNumber,
    Municipality,
    Sni,
    Employees,
}

impl Field {
    pub const ALL: [Field; 5] = [
        Field::Name,
        Field::OrgNumber,
        Field::Municipality,
        Field::Sni,
        Field::Employees,
    ];
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
    fields: [Input; 5],
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
        let fields = [
            f(&c.name),
            f(&c.org_number),
            f(&c.municipality),
            f(&c.sni),
            Input::new(&c.employees.map(|n| n.to_string()).unwrap_or_default()),
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
    o.session.meta.origin = Some("follow-up".into());
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
    let opt = |s: &str| {
        let s = s.trim();
        (!s.is_empty()).then(|| s.to_string())
    };
    let name = opt(form.field(Field::Name));
    let org = opt(form.field(Field::OrgNumber)).filter(|s| crate::answers::org_number_valid(s));
    let muni = opt(form.field(Field::Municipality));
    let sni = opt(form.field(Field::Sni)).filter(|s| crate::answers::sni_valid(s));
    let employees = form.field(Field::Employees).trim().parse::<u64>().ok();
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
    for (field, value) in [
        (Field::Name, &c.name),
        (Field::OrgNumber, &c.org_number),
        (Field::Municipality, &c.municipality),
        (Field::Sni, &c.sni),
        (Field::Employees, &employees),
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

pub fn draw(app: &App, s: &Words, theme: &Theme, frame: &mut Frame, area: Rect) {
    let block = Block::bordered()
        .title(Span::styled(
            format!(" {} ", s.company_heading),
            theme.title(),
        ))
        .padding(ratatui::widgets::Padding::horizontal(1));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let form = &app.company;
    let label_w: u16 = 22;
    let field_w = inner.width.saturating_sub(label_w + 1).min(50);
    let mut y = inner.y;
    let bottom = inner.y + inner.height;
    let focused = |f: CompanyFocus| form.focus == f && app.popup == Popup::None;
    for field in Field::ALL {
        if y >= bottom {
            return;
        }
        let label = match field {
            Field::Name => s.f_name,
            Field::OrgNumber => s.f_org,
            Field::Municipality => s.f_municipality,
            Field::Sni => s.f_sni,
            Field::Employees => s.f_employees,
        };
        let style = if form.focus == CompanyFocus::Field(field) {
            theme.strong()
        } else {
            Style::new()
        };
        frame.render_widget(
            Paragraph::new(truncate(label, label_w as usize)).style(style),
            Rect::new(inner.x, y, label_w, 1),
        );
        {
            let input = form.input(field);
            draw_input(
                frame,
                theme,
                input,
                Rect::new(inner.x + label_w + 1, y, field_w, 1),
                focused(CompanyFocus::Field(field)),
            );
            let text = input.text().trim();
            let status = match field {
                Field::OrgNumber if !text.is_empty() => {
                    Some(crate::answers::org_number_valid(text))
                        .map(|ok| (ok, if ok { s.org_ok } else { s.org_bad }))
                }
                Field::Sni if !text.is_empty() => Some(crate::answers::sni_valid(text))
                    .map(|ok| (ok, if ok { s.sni_ok } else { s.sni_bad })),
                Field::Employees if !text.is_empty() && text.parse::<u64>().is_err() => {
                    Some((false, s.employees_bad))
                }
                _ => None,
            };
            if let Some((ok, msg)) = status {
                y += 1;
                if y < bottom {
                    frame.render_widget(
                        Paragraph::new(truncate(msg, field_w as usize + 10)).style(if ok {
                            theme.ok()
                        } else {
                            theme.error()
                        }),
                        Rect::new(
                            inner.x + label_w + 1,
                            y,
                            inner.width.saturating_sub(label_w + 1),
                            1,
                        ),
                    );
                }
            }
        }
        y += 1;
    }
    if !app.is_self() {
        y += 1;
        if y < bottom {
            frame.render_widget(
                Paragraph::new(s.f_attendees).style(theme.title()),
                Rect::new(inner.x, y, inner.width, 1),
            );
        }
        let half = inner.width.saturating_sub(label_w + 1).min(64) / 2;
        let x = inner.x + label_w + 1;
        if y < bottom {
            frame.render_widget(
                Paragraph::new(s.f_att_name).style(theme.dim()),
                Rect::new(x, y, half, 1),
            );
            frame.render_widget(
                Paragraph::new(s.f_att_org).style(theme.dim()),
                Rect::new(x + half, y, half, 1),
            );
        }
        y += 1;
        for (k, (name, org)) in form.attendees.iter().enumerate() {
            if y >= bottom {
                return;
            }
            let here = [CompanyFocus::AttendeeName(k), CompanyFocus::AttendeeOrg(k)];
            let style = if here.contains(&form.focus) {
                theme.strong()
            } else {
                Style::new()
            };
            frame.render_widget(
                Paragraph::new(format!("{:>3}.", k + 1)).style(style),
                Rect::new(inner.x, y, label_w, 1),
            );
            draw_input(
                frame,
                theme,
                name,
                Rect::new(x, y, half.saturating_sub(1), 1),
                focused(here[0]),
            );
            draw_input(
                frame,
                theme,
                org,
                Rect::new(x + half, y, half.saturating_sub(1), 1),
                focused(here[1]),
            );
            y += 1;
        }
    }
    y += 1;
    if y < bottom {
        let style = if form.on_button() {
            theme.selected()
        } else {
            theme.strong()
        };
        frame.render_widget(
            Paragraph::new(format!(" {} ", s.f_continue)).style(style),
            Rect::new(
                inner.x,
                y,
                (text_width(s.f_continue) as u16 + 2).min(inner.width),
                1,
            ),
        );
    }
    y += 2;
    let mut extra = met_before_lines(app, theme, inner.width as usize);
    if let Some(p) = app.open.as_ref().and_then(|o| o.previous.as_ref()) {
        let date = crate::time::local_date(&p.updated)
            .map(|d| d.to_string())
            .unwrap_or_default();
        extra.push(ratatui::text::Line::styled(
            truncate(
                &crate::i18n::store::follow_up_of(app.lang, &date),
                inner.width as usize,
            ),
            theme.ok(),
        ));
        extra.push(ratatui::text::Line::raw(""));
    }
    extra.extend(wrapped(s.company_help, inner.width as usize, theme.dim()));
    if let Some(n) = &app.notice {
        extra.extend(notice_lines(n, app.lang, theme, inner.width as usize));
    }
    if y < bottom {
        frame.render_widget(
            Paragraph::new(extra),
            Rect::new(inner.x, y, inner.width, bottom - y),
        );
    }
}

/// "This company was visited before": the latest three visits and the offer.
fn met_before_lines(app: &App, theme: &Theme, width: usize) -> Vec<ratatui::text::Line<'static>> {
    use crate::i18n::store as w;
    let visits = &app.company.met_before;
    if visits.is_empty() {
        return Vec::new();
    }
    let mut out = vec![ratatui::text::Line::styled(
        truncate(&w::met_before(app.lang, visits.len()), width),
        theme.strong(),
    )];
    for v in visits.iter().take(3) {
        let date = crate::time::local_date(&v.updated)
            .map(|d| d.to_string())
            .unwrap_or_else(|| v.updated.chars().take(10).collect());
        let text = w::visit_line(app.lang, &date, &v.met_by, &v.referrals);
        out.push(ratatui::text::Line::raw(truncate(
            &crate::text::sanitize_line(&format!("  {text}")),
            width,
        )));
    }
    out.push(ratatui::text::Line::styled(
        truncate(w::offer_follow_up(app.lang), width),
        theme.ok(),
    ));
    out.push(ratatui::text::Line::raw(""));
    out
}
