//! The wizard's state: which screen, cursors, inputs, the session being
//! filled in and its cached evaluation.

use std::path::PathBuf;
use std::sync::Arc;

use crate::answers::{Answer, AnswersFile};
use crate::questionnaire::{Audience, Questionnaire};
use crate::scoring::{self, Evaluation};
use crate::session::{
    Attendee, Comparison, DriftReport, Listing, Meta, Session, SessionMode, Summary,
};

use super::widgets::input::Input;
use super::{OpenError, Previous};

/// Clock and id source, injected so that tests are reproducible.
#[derive(Clone, Copy)]
pub struct Clock {
    pub now: fn() -> String,
    pub new_id: fn() -> String,
}

impl Default for Clock {
    fn default() -> Self {
        Clock {
            now: crate::time::now_rfc3339,
            new_id: crate::session::new_id,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Start,
    Resume,
    OpenFile,
    Company,
    Questions,
    Summary,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StartItem {
    New,
    Resume,
    Open,
    Lang,
    Quit,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Question,
    Sections,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoteKind {
    Shared,
    Private,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Popup {
    None,
    Help,
    ConfirmQuit,
    Note(NoteKind, Input),
}

/// A message shown once in the status line.
#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    /// A self-assessment file became a new session.
    Imported {
        file: String,
        /// A session with the file's id existed; this is a new one.
        existing: Option<String>,
        warnings: Vec<String>,
    },
    /// A session could not be opened (locked elsewhere, unreadable …).
    OpenFailed(OpenError),
    /// The sessions could not be listed.
    ListFailed(String),
    /// The questionnaire changed since the session was saved (and the
    /// version in use).
    Drift(DriftReport, String),
    /// A follow-up visit was started from the visit of this date.
    FollowUp {
        previous_date: String,
    },
    Exported(Vec<String>),
    ExportFailed(String),
    SavedAgain,
}

#[derive(Debug, Clone, PartialEq)]
pub enum InputError {
    NotANumber,
    OutOfRange,
}

/// Company form fields, in focus order.
pub const F_NAME: usize = 0;
pub const F_ORG: usize = 1;
pub const F_MUNI: usize = 2;
pub const F_SNI: usize = 3;
pub const F_EMPLOYEES: usize = 4;
pub const COMPANY_FIELDS: usize = 5;

#[derive(Debug, Clone, Default)]
pub struct CompanyForm {
    pub fields: Vec<Input>,
    /// Name and organisation per attendee; the last pair is always empty.
    pub attendees: Vec<(Input, Input)>,
    pub focus: usize,
}

impl CompanyForm {
    pub fn from_session(s: &Session, with_attendees: bool) -> Self {
        let c = &s.answers.company;
        let f = |x: &Option<String>| Input::new(x.as_deref().unwrap_or(""));
        let mut fields = vec![
            f(&c.name),
            f(&c.org_number),
            f(&c.municipality),
            f(&c.sni),
            Input::new(&c.employees.map(|n| n.to_string()).unwrap_or_default()),
        ];
        fields.truncate(COMPANY_FIELDS);
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
            focus: 0,
        }
    }

    /// Focusable items: the company fields, two per attendee, the button.
    pub fn items(&self) -> usize {
        COMPANY_FIELDS + 2 * self.attendees.len() + 1
    }

    pub fn on_button(&self) -> bool {
        self.focus + 1 == self.items()
    }

    pub fn input_mut(&mut self, i: usize) -> Option<&mut Input> {
        if i < COMPANY_FIELDS {
            return self.fields.get_mut(i);
        }
        let k = i - COMPANY_FIELDS;
        let pair = self.attendees.get_mut(k / 2)?;
        Some(if k.is_multiple_of(2) {
            &mut pair.0
        } else {
            &mut pair.1
        })
    }

    pub fn field(&self, i: usize) -> &str {
        self.fields.get(i).map(Input::text).unwrap_or("")
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
    /// The input of a number or text question.
    pub input: Input,
    pub input_error: Option<InputError>,
    /// Show the whole section at once.
    pub compact: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SummaryFocus {
    Actors,
    Path,
}

#[derive(Debug, Clone)]
pub struct SummaryState {
    pub cursor: usize,
    pub focus: SummaryFocus,
    pub path: Input,
    pub scroll: u16,
}

/// What an export writes.
#[derive(Debug, Clone)]
pub struct ExportJob {
    pub dir: PathBuf,
    pub session: Box<Session>,
    pub lang: String,
    /// Actors (ids) with consent: one referral each.
    pub actors: Vec<String>,
    /// Self-assessment: also write the answers file for the advisor.
    pub self_file: bool,
    /// The documents' date (`YYYY-MM-DD`; default today).
    pub date: Option<String>,
}

pub struct App {
    pub q: Arc<Questionnaire>,
    pub lang: String,
    pub mode: SessionMode,
    pub clock: Clock,
    pub screen: Screen,
    pub start_cursor: usize,
    /// The resume list: `None` while it is read.
    pub sessions: Option<Result<Listing, String>>,
    pub resume_cursor: usize,
    pub open_path: Input,
    pub session: Option<Session>,
    pub eval: Option<Evaluation>,
    /// The earlier visit a follow-up compares with.
    pub previous: Option<Box<Previous>>,
    /// The comparison with it, refreshed when the summary is shown.
    pub comparison: Option<Comparison>,
    /// The date of exported documents (`BEHOVSANALYS_DATE`); default today.
    pub export_date: Option<String>,
    pub company: CompanyForm,
    pub qs: QuestionState,
    pub summary: SummaryState,
    pub show_needs: bool,
    pub popup: Popup,
    pub notice: Option<Notice>,
    pub save_error: Option<String>,
    pub quit: bool,
}

impl App {
    /// A new app on the start screen. `export_dir` is the default folder
    /// for exports (normally the current directory).
    pub fn new(
        q: impl Into<Arc<Questionnaire>>,
        lang: &str,
        mode: SessionMode,
        export_dir: &str,
    ) -> App {
        let q = q.into();
        let lang = if q.languages.iter().any(|l| l == lang) {
            lang.to_string()
        } else {
            q.default_lang().to_string()
        };
        App {
            q,
            lang,
            mode,
            clock: Clock::default(),
            screen: Screen::Start,
            start_cursor: 0,
            sessions: None,
            resume_cursor: 0,
            open_path: Input::default(),
            session: None,
            eval: None,
            previous: None,
            comparison: None,
            export_date: None,
            company: CompanyForm::default(),
            qs: QuestionState {
                cur: 0,
                focus: Focus::Question,
                sec_cursor: 1,
                opt: 0,
                moved: false,
                input: Input::default(),
                input_error: None,
                compact: false,
            },
            summary: SummaryState {
                cursor: 0,
                focus: SummaryFocus::Actors,
                path: Input::new(export_dir),
                scroll: 0,
            },
            show_needs: false,
            popup: Popup::None,
            notice: None,
            save_error: None,
            quit: false,
        }
    }

    pub fn is_self(&self) -> bool {
        self.mode == SessionMode::SelfAssessment
    }

    pub fn start_items(&self) -> Vec<StartItem> {
        let mut v = vec![StartItem::New, StartItem::Resume];
        if !self.is_self() {
            v.push(StartItem::Open);
        }
        if self.q.languages.len() > 1 {
            v.push(StartItem::Lang);
        }
        v.push(StartItem::Quit);
        v
    }

    /// True when question `i` is shown: its `show_if` and its section's
    /// hold, and its audience fits the mode.
    pub fn shown(&self, i: usize) -> bool {
        shown(&self.q, self.eval.as_ref(), self.mode, i)
    }

    pub fn answers(&self) -> Option<&AnswersFile> {
        self.session.as_ref().map(|s| &s.answers)
    }

    pub fn answer(&self, i: usize) -> Option<&Answer> {
        let id = &self.q.questions.get(i)?.id;
        self.answers()?.answers.get(id)
    }

    /// Shown questions that have any answer, and all shown questions.
    pub fn progress(&self) -> (usize, usize) {
        match (&self.session, &self.eval) {
            (Some(s), Some(e)) => progress(&self.q, e, self.mode, &s.answers),
            _ => (0, 0),
        }
    }

    /// Shown questions of a section.
    pub fn section_questions(&self, sec: usize) -> Vec<usize> {
        self.q
            .sections
            .get(sec)
            .map(|s| s.questions.clone().filter(|&i| self.shown(i)).collect())
            .unwrap_or_default()
    }

    pub fn first_shown(&self) -> Option<usize> {
        (0..self.q.questions.len()).find(|&i| self.shown(i))
    }

    pub fn next_shown(&self, from: usize) -> Option<usize> {
        (from + 1..self.q.questions.len()).find(|&i| self.shown(i))
    }

    pub fn prev_shown(&self, from: usize) -> Option<usize> {
        (0..from.min(self.q.questions.len()))
            .rev()
            .find(|&i| self.shown(i))
    }

    /// Referrals in display order: recommended first, then by score.
    pub fn ranked(&self) -> Vec<&scoring::Referral> {
        let Some(e) = &self.eval else { return vec![] };
        let mut v: Vec<&scoring::Referral> = e.referrals.iter().collect();
        v.sort_by_key(|r| !r.recommended);
        v
    }

    /// The sessions of the resume list: in self-assessment mode only
    /// self-assessments.
    pub fn resume_rows(&self) -> Vec<&Summary> {
        match &self.sessions {
            Some(Ok(l)) => l
                .sessions
                .iter()
                .filter(|s| !self.is_self() || s.mode == SessionMode::SelfAssessment)
                .collect(),
            _ => Vec::new(),
        }
    }

    pub fn meta(&self) -> Option<&Meta> {
        self.session.as_ref().map(|s| &s.meta)
    }
}

/// Whether question `i` is shown, given an evaluation and a mode.
pub fn shown(q: &Questionnaire, eval: Option<&Evaluation>, mode: SessionMode, i: usize) -> bool {
    let Some(question) = q.questions.get(i) else {
        return false;
    };
    let audience_ok = match question.audience {
        Audience::Both => true,
        Audience::Advisor => mode == SessionMode::Advisor,
        Audience::Company => mode == SessionMode::SelfAssessment,
    };
    audience_ok && eval.is_some_and(|e| e.visible.get(i).copied().unwrap_or(false))
}

/// Answered and total shown questions.
pub fn progress(
    q: &Questionnaire,
    eval: &Evaluation,
    mode: SessionMode,
    answers: &AnswersFile,
) -> (usize, usize) {
    let mut done = 0;
    let mut total = 0;
    for (i, question) in q.questions.iter().enumerate() {
        if shown(q, Some(eval), mode, i) {
            total += 1;
            if answers.answers.contains_key(&question.id) {
                done += 1;
            }
        }
    }
    (done, total)
}
