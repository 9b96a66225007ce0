//! The wizard's state: which screen, each screen's own state, the open
//! session with its evaluation, popups and notices.

use std::sync::Arc;

use crate::answers::{Answer, AnswersFile};
use crate::diag::Diagnostic;
use crate::i18n::Lang;
use crate::questionnaire::{Audience, Questionnaire};
use crate::scoring::{self, Evaluation};
use crate::session::{Comparison, DriftReport, Meta, Session, SessionMode};

use super::errors::{ExportFailure, OpenError, SaveError};
use super::jobs::Previous;
use super::widgets::input::Input;
use super::widgets::textbox::TextBox;

pub use super::screens::company::{CompanyFocus, CompanyForm, Field};
pub use super::screens::open_file::OpenFileState;
pub use super::screens::questions::{Focus, InputError, QuestionState};
pub use super::screens::referrals::{ReferralsState, ReferralsView};
pub use super::screens::resume::ResumeState;
pub use super::screens::start::{StartItem, StartState};
pub use super::screens::summary::{ExportJob, SummaryFocus, SummaryState};

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
    Referrals,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoteKind {
    Shared,
    Private,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Popup {
    None,
    /// The help, scrolled by this many lines.
    Help {
        scroll: usize,
    },
    ConfirmQuit,
    /// The note editor: the note's kind, the text being written and the
    /// note as it was (Esc puts it back, also after a draft was saved).
    Note(NoteKind, Box<TextBox>, String),
    /// Who gives and who records consent.
    ConsentWho(Box<super::consent::WhoForm>),
    /// Where to write the session when it cannot be saved.
    SaveAs {
        path: Input,
        /// Why the last try failed.
        error: Option<String>,
        /// A write is under way.
        writing: bool,
    },
}

/// Typed text not yet saved (a text answer or a note being written): saved
/// by itself about a second after it changed, so that a crash loses at
/// most that.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Draft {
    /// The text changed since it was last saved.
    pub dirty: bool,
    /// When a tick first saw it changed.
    pub since: Option<std::time::Instant>,
}

/// How long typed text waits before it is saved as a draft.
pub const DRAFT_AFTER: std::time::Duration = std::time::Duration::from_millis(1000);

/// A message shown once in the status line.
#[derive(Debug, Clone)]
pub enum Notice {
    /// A session is being opened (a job runs).
    Opening,
    /// A self-assessment file became a new session.
    Imported {
        file: String,
        /// A session with the file's id existed; this is a new one.
        existing: Option<String>,
        /// Lenient-reading warnings.
        warnings: Vec<Diagnostic>,
        /// What came from the company and when: its answers, when it
        /// filled them in and when they were imported (Swedish time), and
        /// the questions left for the advisor.
        from: ImportedFrom,
    },
    /// A session could not be opened (locked elsewhere, unreadable …).
    OpenFailed(OpenError),
    /// The questionnaire changed since the session was saved (and the
    /// version in use).
    Drift(DriftReport, String),
    /// A follow-up visit was started from the visit of this date.
    FollowUp {
        previous_date: String,
    },
    Exported(Vec<String>),
    ExportFailed(ExportFailure),
    SavedAgain,
    /// `p` in the shared view: private notes are in the advisor view
    /// (`field`: pressed in a text field, where the key named is F12).
    PrivateInAdvisorView {
        field: bool,
    },
}

/// What an imported self-assessment brought (see [`Notice::Imported`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportedFrom {
    pub answers: usize,
    pub filled: String,
    pub imported: String,
    pub left: usize,
}

/// The session being filled in, with everything derived from it.
#[derive(Debug, Clone)]
pub struct OpenSession {
    pub session: Session,
    /// Needs, referrals and visibility for all the answers (the advisor
    /// view's).
    pub eval: Evaluation,
    /// The same for what the company may see: without the answers to
    /// advisor-only questions. `None` when there are none (then it is
    /// [`OpenSession::eval`]).
    pub shared: Option<Evaluation>,
    /// The earlier visit a follow-up compares with.
    pub previous: Option<Box<Previous>>,
    /// The comparison with it, refreshed when the summary is shown (all
    /// answers, and only what the company may see).
    pub comparison: Option<Comparison>,
    pub shared_comparison: Option<Comparison>,
}

impl OpenSession {
    pub fn new(q: &Questionnaire, session: Session) -> OpenSession {
        let mut o = OpenSession {
            eval: scoring::evaluate(q, &session.answers.answers),
            shared: None,
            session,
            previous: None,
            comparison: None,
            shared_comparison: None,
        };
        o.shared = shared_answers(q, &o.session.answers).map(|a| scoring::evaluate(q, &a.answers));
        o
    }

    /// Evaluates the answers again (after a change).
    pub fn rescore(&mut self, q: &Questionnaire) {
        self.eval = scoring::evaluate(q, &self.session.answers.answers);
        self.shared =
            shared_answers(q, &self.session.answers).map(|a| scoring::evaluate(q, &a.answers));
    }

    /// The evaluation the screen shows: everything in the advisor view,
    /// else what the company may see.
    pub fn eval_for(&self, advisor_view: bool) -> &Evaluation {
        match &self.shared {
            Some(shared) if !advisor_view => shared,
            _ => &self.eval,
        }
    }

    /// Compares with the previous visit (a follow-up), for the summary.
    pub fn refresh_comparison(&mut self, q: &Questionnaire) {
        let Some(p) = self.previous.as_ref() else {
            self.comparison = None;
            self.shared_comparison = None;
            return;
        };
        self.comparison = Some(crate::session::compare(
            q,
            &p.answers,
            &self.session.answers,
        ));
        let then = shared_answers(q, &p.answers);
        let now = shared_answers(q, &self.session.answers);
        self.shared_comparison = match (then, now) {
            (None, None) => None,
            (then, now) => Some(crate::session::compare(
                q,
                then.as_ref().unwrap_or(&p.answers),
                now.as_ref().unwrap_or(&self.session.answers),
            )),
        };
    }

    /// The comparison the screen shows (see [`OpenSession::eval_for`]).
    pub fn comparison_for(&self, advisor_view: bool) -> Option<&Comparison> {
        match &self.shared_comparison {
            Some(shared) if !advisor_view => Some(shared),
            _ => self.comparison.as_ref(),
        }
    }
}

/// True for a question only the advisor may see (`audience = "advisor"`).
pub fn advisor_only(q: &Questionnaire, i: usize) -> bool {
    q.questions
        .get(i)
        .is_some_and(|x| x.audience == Audience::Advisor)
}

/// The answers without those to advisor-only questions (and without their
/// notes), or `None` when there are none to leave out.
pub fn shared_answers(q: &Questionnaire, a: &AnswersFile) -> Option<AnswersFile> {
    let hidden = |id: &String| {
        q.question(id)
            .is_some_and(|i| q.questions[i].audience == Audience::Advisor)
    };
    if !a.answers.keys().any(hidden) {
        return None;
    }
    let mut out = AnswersFile {
        answers: a
            .answers
            .iter()
            .filter(|(k, _)| !hidden(k))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect(),
        ..AnswersFile::default()
    };
    out.questionnaire = a.questionnaire.clone();
    Some(out)
}

pub struct App {
    pub q: Arc<Questionnaire>,
    /// The language of the program's words and of the questionnaire's
    /// texts (a text missing in it falls back to the questionnaire's first).
    pub lang: Lang,
    pub mode: SessionMode,
    pub clock: Clock,
    pub screen: Screen,
    pub start: StartState,
    pub resume: ResumeState,
    pub open_file: OpenFileState,
    /// The session being filled in.
    pub open: Option<OpenSession>,
    /// The date of exported documents (`BEHOVSANALYS_DATE`); default today.
    pub export_date: Option<String>,
    pub company: CompanyForm,
    pub qs: QuestionState,
    pub summary: SummaryState,
    pub referrals: ReferralsState,
    pub show_needs: bool,
    /// The advisor view is on: private notes, advisor-only questions and
    /// their answers are shown. Off by default; off again as soon as the
    /// screen would show a question the company may see, or another screen.
    pub advisor_view: bool,
    /// Who gives consent (the company's representative) and who records
    /// it (the advisor), once asked in this sitting.
    pub consent_who: Option<(String, String)>,
    pub popup: Popup,
    pub draft: Draft,
    pub notice: Option<Notice>,
    /// The last save failed (the writer keeps trying): a banner.
    pub save_error: Option<SaveError>,
    /// A save was asked for again from the quit dialog; no news yet.
    pub retrying: bool,
    /// The session was written to this file (because it could not be
    /// saved); cleared when it changes again.
    pub saved_elsewhere: Option<String>,
    /// The job whose result the app waits for (listing or opening); any
    /// other result that comes back is dropped.
    pub pending: Option<Pending>,
    /// The number of the last job asked for.
    pub last_ticket: u64,
    /// What the last background sync with the shared store ended with
    /// (worded by [`App::sync_line`] in the language shown).
    pub sync_outcome: Option<crate::tui::update::SyncOutcome>,
    pub quit: bool,
}

/// What the app waits for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Waiting {
    /// The resume list.
    List,
    /// A session being opened, imported or started as a follow-up.
    Open,
}

/// A job the app waits for, by its number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pending {
    pub ticket: u64,
    pub what: Waiting,
}

impl App {
    /// A new app on the start screen. `export_dir` is the default folder
    /// for exports (normally the current directory).
    pub fn new(
        q: impl Into<Arc<Questionnaire>>,
        lang: Lang,
        mode: SessionMode,
        export_dir: &str,
    ) -> App {
        let q = q.into();
        // A language the questionnaire lacks gives way to its first one
        // (when that is one the program speaks).
        let lang = if q.languages.iter().any(|l| l == lang.code()) {
            lang
        } else {
            Lang::from_code(q.default_lang()).unwrap_or(lang)
        };
        App {
            q,
            lang,
            mode,
            clock: Clock::default(),
            screen: Screen::Start,
            start: StartState::default(),
            resume: ResumeState::default(),
            open_file: OpenFileState::default(),
            open: None,
            export_date: None,
            company: CompanyForm::default(),
            qs: QuestionState::default(),
            summary: SummaryState::new(export_dir),
            referrals: ReferralsState::default(),
            show_needs: false,
            advisor_view: false,
            consent_who: None,
            popup: Popup::None,
            draft: Draft::default(),
            notice: None,
            save_error: None,
            retrying: false,
            saved_elsewhere: None,
            pending: None,
            last_ticket: 0,
            sync_outcome: None,
            quit: false,
        }
    }

    /// The program's languages that the questionnaire has too, in order:
    /// what the language key cycles through.
    pub fn langs(&self) -> Vec<Lang> {
        Lang::ALL
            .into_iter()
            .filter(|l| self.q.languages.iter().any(|c| c == l.code()))
            .collect()
    }

    /// Numbers a job the app will wait for; its result replaces any
    /// earlier one's.
    pub fn wait_for(&mut self, what: Waiting) -> u64 {
        self.last_ticket += 1;
        self.pending = Some(Pending {
            ticket: self.last_ticket,
            what,
        });
        self.last_ticket
    }

    /// True while a session is being opened.
    pub fn opening(&self) -> bool {
        self.pending.is_some_and(|p| p.what == Waiting::Open)
    }

    /// The last background sync in words, in the language shown.
    pub fn sync_line(&self) -> Option<String> {
        self.sync_outcome
            .as_ref()
            .map(|o| crate::i18n::store::background(self.lang, o))
    }

    pub fn is_self(&self) -> bool {
        self.mode == SessionMode::SelfAssessment
    }

    pub fn session(&self) -> Option<&Session> {
        self.open.as_ref().map(|o| &o.session)
    }

    /// The evaluation the screen shows: what the company may see, or (in
    /// the advisor view) everything.
    pub fn eval(&self) -> Option<&Evaluation> {
        self.open.as_ref().map(|o| o.eval_for(self.advisor_view))
    }

    pub fn answers(&self) -> Option<&AnswersFile> {
        self.session().map(|s| &s.answers)
    }

    pub fn meta(&self) -> Option<&Meta> {
        self.session().map(|s| &s.meta)
    }

    pub fn answer(&self, i: usize) -> Option<&Answer> {
        let id = &self.q.questions.get(i)?.id;
        self.answers()?.answers.get(id)
    }

    /// True when question `i` is shown: its `show_if` and its section's
    /// hold, and its audience fits the mode and the view (advisor-only
    /// questions only in the advisor view).
    pub fn shown(&self, i: usize) -> bool {
        shown(&self.q, self.eval(), self.view(), i)
    }

    /// Who the screen is for now.
    pub fn view(&self) -> View {
        match self.mode {
            SessionMode::SelfAssessment => View::Company,
            SessionMode::Advisor if self.advisor_view => View::Advisor,
            SessionMode::Advisor => View::Shared,
        }
    }

    /// Shown questions that have any answer, and all shown questions.
    pub fn progress(&self) -> (usize, usize) {
        match (&self.open, self.eval()) {
            (Some(o), Some(e)) => progress(&self.q, e, self.view(), &o.session.answers),
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
        let Some(e) = self.eval() else { return vec![] };
        let mut v: Vec<&scoring::Referral> = e.referrals.iter().collect();
        v.sort_by_key(|r| !r.recommended);
        v
    }
}

/// Who the screen is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    /// A visit, on the shared (projected) screen: what the company may see.
    Shared,
    /// A visit, in the advisor view: everything.
    Advisor,
    /// The company's own self-assessment.
    Company,
}

/// Whether question `i` is shown, given an evaluation and the view.
pub fn shown(q: &Questionnaire, eval: Option<&Evaluation>, view: View, i: usize) -> bool {
    let Some(question) = q.questions.get(i) else {
        return false;
    };
    let audience_ok = match question.audience {
        Audience::Both => true,
        Audience::Advisor => view == View::Advisor,
        Audience::Company => view == View::Company,
    };
    audience_ok && eval.is_some_and(|e| e.visible.get(i).copied().unwrap_or(false))
}

/// Answered and total shown questions.
pub fn progress(
    q: &Questionnaire,
    eval: &Evaluation,
    view: View,
    answers: &AnswersFile,
) -> (usize, usize) {
    let mut done = 0;
    let mut total = 0;
    for (i, question) in q.questions.iter().enumerate() {
        if shown(q, Some(eval), view, i) {
            total += 1;
            if answers.answers.contains_key(&question.id) {
                done += 1;
            }
        }
    }
    (done, total)
}
