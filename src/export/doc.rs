//! The content of a referral summary and of the company's own summary, as a
//! plain data model built once from the answers and rendered to every format
//! (the JSON output is this model serialised; see docs/EXPORT.md).
//!
//! Every text taken from a file is cleaned of control characters here;
//! renderers escape for their format. Private notes are never read.

use std::collections::BTreeSet;

use serde::Serialize;

use super::escape::clean;
use super::sni;
use super::{ExportError, Input, Options};
use crate::answers::Answer;
use crate::questionnaire::{Actor, Kind, Questionnaire, Role, expr};
use crate::score_output::round;
use crate::scoring::{self, Evaluation, Reason};
use crate::session::Meta;
use crate::text::fmt_num;
use crate::time;

/// Version of the JSON layout; raised only on incompatible changes.
pub const FORMAT_VERSION: u32 = 1;

/// Most answers listed under one need.
const TRIGGERS_PER_AREA: usize = 4;
/// Days from the document date to the follow-up date, unless given.
pub const FOLLOW_UP_DAYS: i32 = 14;

#[derive(Debug, Clone, Serialize)]
pub struct QuestionnaireRef {
    pub id: String,
    pub version: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Person {
    pub name: String,
    pub organisation: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Industry {
    pub sni: String,
    /// SNI 2007 section letter, when the code's division is known.
    pub section: Option<String>,
    pub section_title: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct CompanyInfo {
    pub name: Option<String>,
    pub org_number: Option<String>,
    pub municipality: Option<String>,
    pub industry: Option<Industry>,
    pub employees: Option<u64>,
    /// `0-9`, `10-49`, `50-249`, `250+` or null.
    pub size_class: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ActorRef {
    pub id: String,
    pub name: String,
    pub url: Option<String>,
    pub contact: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Consent {
    pub actor: String,
    pub given: bool,
    /// When consent was recorded (`[[meta.consent_log]]`), if known.
    pub at: Option<String>,
    /// Who recorded it, if known.
    pub recorded_by: Option<String>,
    /// The consent statement as printed.
    pub statement: String,
}

/// An answer that gave points to a need.
#[derive(Debug, Clone, Serialize)]
pub struct Trigger {
    pub question: String,
    pub question_text: String,
    /// Option id (a string) or number (a JSON number) as answered.
    pub answer: AnswerValue,
    /// The answer as shown (option label, or number with unit).
    pub answer_label: String,
    pub points: f64,
}

/// An answer as data: an option id, or a number (whole numbers without a
/// fraction: `4`, not `4.0` or `"4"`).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum AnswerValue {
    Option(String),
    Int(i64),
    Number(f64),
}

impl AnswerValue {
    fn of(c: &crate::scoring::Contribution, q: &Questionnaire, answer: Option<&Answer>) -> Self {
        match (c.option, answer) {
            (None, Some(Answer::Number(x))) if x.fract() == 0.0 && x.abs() < 1e15 => {
                AnswerValue::Int(*x as i64)
            }
            (None, Some(Answer::Number(x))) => AnswerValue::Number(*x),
            _ => AnswerValue::Option(clean(&c.answer_text(q, answer))),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Need {
    pub area: String,
    pub title: String,
    /// 0–100, or null when nothing in the area was answered.
    pub need: Option<i64>,
    pub answered: usize,
    pub total: usize,
    pub answers: Vec<Trigger>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ServiceItem {
    pub id: String,
    pub name: String,
    pub description: String,
    /// `free`, `subsidised` or `paid`.
    pub cost: String,
    pub price: Option<String>,
    /// Eligibility depends on questions answered "vet ej" or not answered.
    pub undecided: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct Note {
    pub question: String,
    pub question_text: String,
    pub note: String,
}

/// A referral summary for one actor (`export --actor`; docs/EXPORT.md).
#[derive(Debug, Clone, Serialize)]
pub struct ReferralDoc {
    pub kind: &'static str,
    pub format_version: u32,
    pub id: String,
    pub date: String,
    pub follow_up: String,
    pub language: String,
    pub questionnaire: QuestionnaireRef,
    pub session: Option<String>,
    pub from: Option<Person>,
    pub to: ActorRef,
    pub company: CompanyInfo,
    pub consent: Consent,
    pub situation: Vec<String>,
    pub score: i64,
    pub recommended: bool,
    pub needs: Vec<Need>,
    pub reasons: Vec<String>,
    pub services: Vec<ServiceItem>,
    pub notes: Vec<Note>,
    pub already_tried: Vec<String>,
    pub other: Option<String>,
    pub next_step: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct ActorSummary {
    pub id: String,
    pub name: String,
    pub score: i64,
    pub url: Option<String>,
    pub contact: Option<String>,
    pub next_step: String,
    pub reasons: Vec<String>,
    pub services: Vec<ServiceItem>,
    pub consent: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct OpenQuestion {
    pub id: String,
    pub text: String,
    /// True when answered "vet ej", false when not answered.
    pub unknown: bool,
}

/// The company's own summary (`export --company`; docs/EXPORT.md).
#[derive(Debug, Clone, Serialize)]
pub struct CompanyDoc {
    pub kind: &'static str,
    pub format_version: u32,
    pub id: String,
    pub date: String,
    pub follow_up: String,
    pub language: String,
    pub questionnaire: QuestionnaireRef,
    pub session: Option<String>,
    pub from: Option<Person>,
    pub company: CompanyInfo,
    pub situation: Vec<String>,
    pub needs: Vec<Need>,
    pub actors: Vec<ActorSummary>,
    pub open_questions: Vec<OpenQuestion>,
}

/// Size class of a number of employees.
pub fn size_class(employees: Option<u64>) -> Option<&'static str> {
    employees.map(|n| match n {
        0..=9 => "0-9",
        10..=49 => "10-49",
        50..=249 => "50-249",
        _ => "250+",
    })
}

/// Employees from `[company]`, else from the `employees` question's answer.
pub fn employees(q: &Questionnaire, input_answers: &crate::answers::AnswersFile) -> Option<u64> {
    input_answers.employees(q)
}

fn opt_clean(s: Option<&String>) -> Option<String> {
    s.map(|s| clean(s.trim())).filter(|s| !s.is_empty())
}

fn dates(opts: &Options) -> Result<(String, String), ExportError> {
    let day = match &opts.date {
        Some(d) => time::parse_ymd(d)?,
        None => time::today(),
    };
    let follow = match &opts.follow_up {
        Some(d) => time::parse_ymd(d)?,
        None => time::add_days(day, FOLLOW_UP_DAYS),
    };
    Ok((day.to_string(), follow.to_string()))
}

/// Everything both documents share.
struct Common<'a> {
    q: &'a Questionnaire,
    lang: &'a str,
    eval: Evaluation,
    meta: Meta,
    session: Option<String>,
    date: String,
    follow_up: String,
}

impl<'a> Common<'a> {
    fn new(input: &'a Input<'a>, opts: &Options) -> Result<Self, ExportError> {
        let (date, follow_up) = dates(opts)?;
        let file_id = input
            .answers
            .meta
            .get("id")
            .and_then(|v| v.as_str())
            .unwrap_or_default()
            .to_string();
        let meta = match input.meta {
            Some(m) => m.clone(),
            None => Meta::from_table(&input.answers.meta, &file_id),
        };
        let session = Some(meta.id.clone()).filter(|s| crate::session::valid_id(s));
        Ok(Common {
            q: input.questionnaire,
            lang: input.lang,
            eval: scoring::evaluate(input.questionnaire, &input.answers.answers),
            meta,
            session,
            date,
            follow_up,
        })
    }

    fn base_id(&self, input: &Input<'_>) -> String {
        match &self.session {
            Some(id) => id.clone(),
            None => {
                let c = &input.answers.company;
                let key = format!(
                    "{}|{}|{}",
                    c.name.as_deref().unwrap_or(""),
                    c.org_number.as_deref().unwrap_or(""),
                    self.date
                );
                let h = crate::questionnaire::content_hash(&key);
                format!("A{}", &h[..10])
            }
        }
    }

    fn from(&self) -> Option<Person> {
        self.meta.attendees.first().map(|a| Person {
            name: clean(a.name.trim()),
            organisation: clean(a.organisation.trim()),
        })
    }

    fn company(&self, input: &Input<'_>) -> CompanyInfo {
        let c = &input.answers.company;
        let employees = employees(input.questionnaire, input.answers);
        CompanyInfo {
            name: opt_clean(c.name.as_ref()),
            org_number: opt_clean(c.org_number.as_ref()),
            municipality: opt_clean(c.municipality.as_ref()),
            industry: c.sni.as_ref().map(|code| {
                let letter = sni::section(code);
                Industry {
                    sni: clean(code),
                    section: letter.map(String::from),
                    section_title: letter.map(|l| {
                        sni::title(l, crate::i18n::Lang::of_content(self.lang)).to_string()
                    }),
                }
            }),
            employees,
            size_class: size_class(employees).map(String::from),
        }
    }

    fn questionnaire(&self) -> QuestionnaireRef {
        QuestionnaireRef {
            id: self.q.id.clone(),
            version: clean(&self.q.version),
        }
    }

    /// The need of an area with the answers that gave it points.
    fn need(&self, input: &Input<'_>, area: usize) -> Option<Need> {
        let a = self.eval.areas.get(area)?;
        let mut triggers: Vec<&scoring::Contribution> = self
            .eval
            .contributions
            .iter()
            .filter(|c| c.area == area && c.points > 0.0)
            .collect();
        triggers.sort_by(|x, y| y.points.total_cmp(&x.points));
        triggers.truncate(TRIGGERS_PER_AREA);
        Some(Need {
            area: self.q.areas[area].id.clone(),
            title: clean(self.q.areas[area].title.get(self.lang)),
            need: a.need.map(round),
            answered: a.answered,
            total: a.total,
            answers: triggers
                .into_iter()
                .map(|c| {
                    let question = &self.q.questions[c.question];
                    let answer = input.answers.answers.get(&question.id);
                    Trigger {
                        question: question.id.clone(),
                        question_text: clean(question.text.get(self.lang)),
                        answer: AnswerValue::of(c, self.q, answer),
                        answer_label: answer_label(self.q, c.question, c.option, answer, self.lang),
                        points: (c.points * 100.0).round() / 100.0,
                    }
                })
                .collect(),
        })
    }

    fn services(&self, actor: &Actor, r: &scoring::Referral) -> Vec<ServiceItem> {
        r.services
            .iter()
            .filter_map(|o| actor.services.get(o.service).map(|s| (o, s)))
            .map(|(o, s)| ServiceItem {
                id: s.id.clone(),
                name: clean(s.name.get(self.lang)),
                description: clean(s.description.get(self.lang)),
                cost: s.cost.as_str().to_string(),
                price: s.price.as_ref().map(|p| clean(p.get(self.lang))),
                undecided: o.undecided,
            })
            .collect()
    }

    fn rule_reasons(&self, actor: &Actor, r: &scoring::Referral) -> Vec<String> {
        r.reasons
            .iter()
            .filter_map(|x| match x {
                Reason::Rule { rule } => actor.rules.get(*rule),
                Reason::Answer(_) => None,
            })
            .map(|rule| clean(rule.reason.get(self.lang)))
            .collect()
    }

    fn next_step(&self, actor: &Actor) -> String {
        clean(
            actor
                .next_step
                .as_ref()
                .unwrap_or(&actor.description)
                .get(self.lang),
        )
    }
}

/// The answer as shown: option label(s), or the number with its unit.
fn answer_label(
    q: &Questionnaire,
    qi: usize,
    option: Option<usize>,
    answer: Option<&Answer>,
    lang: &str,
) -> String {
    let question = &q.questions[qi];
    if let Some(o) = option.and_then(|o| question.kind.options().get(o)) {
        return clean(o.label.get(lang));
    }
    match (answer, &question.kind) {
        (Some(Answer::Number(x)), Kind::Number { unit: Some(u), .. }) => {
            format!("{} {}", fmt_num(*x), clean(u.get(lang)))
        }
        (Some(Answer::Number(x)), Kind::Scale { min, max, .. }) => {
            format!("{} ({min}–{max})", fmt_num(*x))
        }
        (Some(Answer::Number(x)), _) => fmt_num(*x),
        (Some(Answer::Choice(id)), _) => match question.kind.option_index(id) {
            Some(o) => clean(question.kind.options()[o].label.get(lang)),
            None => clean(id),
        },
        (Some(Answer::Text(t)), _) => clean(t),
        _ => String::new(),
    }
}

/// The question with `role` and its answer, if answered.
fn role_answer<'a>(input: &'a Input<'_>, role: Role) -> Option<(usize, &'a Answer)> {
    let q = input.questionnaire;
    let qi = q.question_with_role(role)?;
    Some((qi, input.answers.answers.get(&q.questions[qi].id)?))
}

/// The label of the single-choice answer to the question with `role`, with
/// the option's summary sentence when it has one.
fn choice_label(input: &Input<'_>, role: Role, lang: &str) -> Option<(String, Option<String>)> {
    let (qi, Answer::Choice(opt)) = role_answer(input, role)? else {
        return None;
    };
    let kind = &input.questionnaire.questions[qi].kind;
    let o = &kind.options()[kind.option_index(opt)?];
    Some((
        clean(o.label.get(lang)),
        o.summary.as_ref().map(|t| clean(t.get(lang))),
    ))
}

/// The labels of the multiple-choice answer to the question with `role`.
fn choice_labels(input: &Input<'_>, role: Role, lang: &str) -> Option<Vec<String>> {
    let (qi, Answer::Choices(ids)) = role_answer(input, role)? else {
        return None;
    };
    let kind = &input.questionnaire.questions[qi].kind;
    Some(
        ids.iter()
            .filter_map(|id| kind.option_index(id))
            .map(|o| clean(kind.options()[o].label.get(lang)))
            .collect(),
    )
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

fn text_answer(input: &Input<'_>, role: Role) -> Option<String> {
    match role_answer(input, role)? {
        (_, Answer::Text(t)) if !t.trim().is_empty() => Some(clean(t.trim())),
        _ => None,
    }
}

/// The export situation in a few sentences, from the questions the
/// questionnaire gives roles (`exports_today`, `export_share`,
/// `export_countries`, `target_markets`, `payment_terms`) and their
/// options' summary sentences.
pub fn situation(input: &Input<'_>, lang: &str) -> Vec<String> {
    use crate::i18n::export as words;
    let w = crate::i18n::Lang::of_content(lang);
    let mut out = Vec::new();
    let exports =
        choice_label(input, Role::ExportsToday, lang).map(|(label, summary)| match summary {
            Some(s) => s.trim_end_matches('.').to_string(),
            None => words::exports_today(w, &lower_first(&label)),
        });
    let share = choice_label(input, Role::ExportShare, lang)
        .map(|(l, _)| lower_first(&l))
        .or_else(|| match role_answer(input, Role::ExportShare)? {
            (_, Answer::Number(x)) => Some(format!("{} %", fmt_num(*x))),
            _ => None,
        });
    match (exports, share) {
        (e, Some(s)) => out.push(words::export_share(w, e.as_deref(), &s)),
        (Some(e), None) => out.push(format!("{e}.")),
        (None, None) => {}
    }
    let countries = text_answer(input, Role::ExportCountries)
        .map(|c| c.trim_end_matches('.').replace('\n', ", "))
        .or_else(|| {
            let labels = choice_labels(input, Role::ExportCountries, lang)?;
            (!labels.is_empty()).then(|| words::join_and(w, &labels))
        });
    if let Some(countries) = countries {
        out.push(words::sells_to(w, &countries));
    }
    if let Some(labels) = choice_labels(input, Role::TargetMarkets, lang)
        && !labels.is_empty()
    {
        out.push(words::wants_to_sell_in(w, &words::join_and(w, &labels)));
    }
    if let Some((terms, _)) = choice_label(input, Role::PaymentTerms, lang) {
        let terms = lower_first(terms.trim_end_matches('.'));
        out.push(words::payment_terms(w, &terms));
    }
    out
}

/// Questions relevant to an actor: those that give points to an area it
/// weighs, and those its rules and services look at.
fn relevant_questions(q: &Questionnaire, actor: &Actor) -> BTreeSet<usize> {
    let weighted: BTreeSet<usize> = actor
        .weights
        .iter()
        .map(|(a, _)| *a)
        .chain(actor.services.iter().flat_map(|s| s.areas.iter().copied()))
        .collect();
    let mut out: BTreeSet<usize> = q
        .questions
        .iter()
        .enumerate()
        .filter(|(_, question)| {
            question
                .max_points
                .iter()
                .any(|(a, _)| weighted.contains(a))
        })
        .map(|(i, _)| i)
        .collect();
    let mut refs = Vec::new();
    for r in &actor.rules {
        expr::questions_in(&r.when, &mut refs);
    }
    for s in &actor.services {
        if let Some(e) = &s.eligibility {
            expr::questions_in(e, &mut refs);
        }
    }
    out.extend(refs);
    out
}

/// The most recent `[[meta.consent_log]]` entry giving consent to an actor:
/// (when, who recorded it).
fn consent_log(input: &Input<'_>, actor: &str) -> Option<(Option<String>, Option<String>)> {
    crate::session::consent_log(&input.answers.meta)
        .into_iter()
        .filter(|r| r.actor == actor)
        .rfind(|r| r.given)
        .map(|r| {
            let c = |s: String| Some(clean(s.trim())).filter(|s| !s.is_empty());
            (c(r.at), r.recorded_by.and_then(c))
        })
}

pub fn referral_doc(
    input: &Input<'_>,
    actor_id: &str,
    opts: &Options,
) -> Result<ReferralDoc, ExportError> {
    let q = input.questionnaire;
    let ai = q
        .actor(actor_id)
        .ok_or_else(|| ExportError::UnknownActor(actor_id.to_string()))?;
    let actor = &q.actors[ai];
    if input.answers.consent.get(actor_id) != Some(&true) {
        return Err(ExportError::NoConsent(clean(&actor.name)));
    }
    let c = Common::new(input, opts)?;
    let lang = c.lang;
    let r = c
        .eval
        .referral(ai)
        .ok_or_else(|| ExportError::UnknownActor(actor_id.to_string()))?;
    let from = c.from();
    let (at, by) = consent_log(input, actor_id).unwrap_or((None, None));
    let by = by.or_else(|| {
        from.as_ref()
            .map(|p| p.name.clone())
            .filter(|n| !n.is_empty())
    });
    let actor_name = clean(&actor.name);
    let at_local = at.as_deref().map(time::local_time);
    let statement = crate::i18n::export::consent_statement(
        crate::i18n::Lang::of_content(lang),
        &actor_name,
        at_local.as_deref(),
        by.as_deref(),
    );

    let mut areas: Vec<(usize, f64)> = actor.weights.clone();
    areas.sort_by(|x, y| {
        let nx = c.eval.need(x.0).unwrap_or(-1.0) * x.1;
        let ny = c.eval.need(y.0).unwrap_or(-1.0) * y.1;
        ny.total_cmp(&nx).then(x.0.cmp(&y.0))
    });
    let needs: Vec<Need> = areas
        .iter()
        .filter(|(a, _)| c.eval.need(*a).is_some_and(|n| n > 0.0))
        .filter_map(|(a, _)| c.need(input, *a))
        .collect();

    let relevant = relevant_questions(q, actor);
    let tried_id = q.question_with_role(Role::AlreadyTried);
    let other_id = q.question_with_role(Role::AnythingElse);
    let mut notes = Vec::new();
    let mut already_tried: Vec<String> =
        text_answer(input, Role::AlreadyTried).into_iter().collect();
    for (qid, note) in &input.answers.notes {
        let note = clean(note.trim());
        if note.is_empty() {
            continue;
        }
        let Some(qi) = q.question(qid) else { continue };
        if Some(qi) == tried_id {
            already_tried.push(note);
        } else if relevant.contains(&qi) || Some(qi) == other_id {
            notes.push((
                qi,
                Note {
                    question: qid.clone(),
                    question_text: clean(q.questions[qi].text.get(lang)),
                    note,
                },
            ));
        }
    }
    notes.sort_by_key(|(qi, _)| *qi);

    Ok(ReferralDoc {
        kind: "referral",
        format_version: FORMAT_VERSION,
        id: format!("{}-{}", c.base_id(input), actor.id),
        date: c.date.clone(),
        follow_up: c.follow_up.clone(),
        language: lang.to_string(),
        questionnaire: c.questionnaire(),
        session: c.session.clone(),
        from,
        to: ActorRef {
            id: actor.id.clone(),
            name: actor_name.clone(),
            url: opt_clean(actor.url.as_ref()),
            contact: opt_clean(actor.contact.as_ref()),
        },
        company: c.company(input),
        consent: Consent {
            actor: actor.id.clone(),
            given: true,
            at,
            recorded_by: by,
            statement,
        },
        situation: situation(input, lang),
        score: round(r.score),
        recommended: r.recommended,
        needs,
        reasons: c.rule_reasons(actor, r),
        services: c.services(actor, r),
        notes: notes.into_iter().map(|(_, n)| n).collect(),
        already_tried,
        other: text_answer(input, Role::AnythingElse),
        next_step: c.next_step(actor),
    })
}

pub fn company_doc(input: &Input<'_>, opts: &Options) -> Result<CompanyDoc, ExportError> {
    let c = Common::new(input, opts)?;
    let q = c.q;
    let needs: Vec<Need> = (0..q.areas.len())
        .filter(|a| c.eval.need(*a).is_some())
        .filter_map(|a| c.need(input, a))
        .collect();
    let actors = c
        .eval
        .referrals
        .iter()
        .filter(|r| r.recommended)
        .filter_map(|r| q.actors.get(r.actor).map(|a| (a, r)))
        .map(|(actor, r)| ActorSummary {
            id: actor.id.clone(),
            name: clean(&actor.name),
            score: round(r.score),
            url: opt_clean(actor.url.as_ref()),
            contact: opt_clean(actor.contact.as_ref()),
            next_step: c.next_step(actor),
            reasons: c.rule_reasons(actor, r),
            services: c.services(actor, r),
            consent: input.answers.consent.get(&actor.id) == Some(&true),
        })
        .collect();
    let open_questions = c
        .eval
        .open_questions
        .iter()
        .filter_map(|&i| q.questions.get(i))
        .map(|question| OpenQuestion {
            id: question.id.clone(),
            text: clean(question.text.get(c.lang)),
            unknown: matches!(
                input.answers.answers.get(&question.id),
                Some(Answer::Unknown)
            ),
        })
        .collect();
    Ok(CompanyDoc {
        kind: "company_summary",
        format_version: FORMAT_VERSION,
        id: format!("{}-company", c.base_id(input)),
        date: c.date.clone(),
        follow_up: c.follow_up.clone(),
        language: c.lang.to_string(),
        questionnaire: c.questionnaire(),
        session: c.session.clone(),
        from: c.from(),
        company: c.company(input),
        situation: situation(input, c.lang),
        needs,
        actors,
        open_questions,
    })
}
