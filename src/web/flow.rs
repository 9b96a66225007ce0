//! The form's steps and what a posted page changes in a draft: the
//! company's details, one section per page (only questions the company
//! may see, whose conditions hold — evaluated here, on the server), the
//! referrals the company asks for, and the check before sending. Input is
//! checked with the rules every front end uses
//! ([`crate::answers::input`]); what is valid is saved even when something
//! else on the page is not, and what is not is shown again as typed.

use std::collections::BTreeMap;

use crate::answers::input::{self, InputError};
use crate::answers::{Answer, Contact};
use crate::i18n::{Lang, web as words};
use crate::questionnaire::{Audience, Kind, Question, Questionnaire};
use crate::scoring;

use super::draft::Draft;

/// Form values of `name` for "vet ej" and "ej relevant".
pub const UNKNOWN: &str = "__unknown";
pub const NA: &str = "__na";

/// A step of the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Company,
    /// A section, by index.
    Section(usize),
    Consent,
    Check,
}

impl Step {
    pub fn path(self, q: &Questionnaire) -> String {
        match self {
            Step::Company => "/company".into(),
            Step::Section(s) => format!("/section/{}", q.sections[s].id),
            Step::Consent => "/consent".into(),
            Step::Check => "/check".into(),
        }
    }
}

/// Whether the web shows a question at all: never an advisor-only one.
pub fn for_company(q: &Question) -> bool {
    q.audience != Audience::Advisor
}

/// The questions of section `s` shown now: visible by the answers and
/// not advisor-only.
pub fn shown(q: &Questionnaire, visible: &[bool], s: usize) -> Vec<usize> {
    q.sections[s]
        .questions
        .clone()
        .filter(|&i| visible.get(i).copied().unwrap_or(false) && for_company(&q.questions[i]))
        .collect()
}

/// Every step for these answers, in order: the company, each section with
/// a question to show, the referral requests (when the questionnaire has
/// actors), the check.
pub fn steps(q: &Questionnaire, answers: &BTreeMap<String, Answer>) -> Vec<Step> {
    let (visible, _) = scoring::visibility(q, answers);
    let mut out = vec![Step::Company];
    out.extend(
        (0..q.sections.len())
            .filter(|&s| !shown(q, &visible, s).is_empty())
            .map(Step::Section),
    );
    if !q.actors.is_empty() {
        out.push(Step::Consent);
    }
    out.push(Step::Check);
    out
}

/// The step after `step` (the check when `step` is no longer shown).
pub fn next(q: &Questionnaire, answers: &BTreeMap<String, Answer>, step: Step) -> Step {
    let all = steps(q, answers);
    match all.iter().position(|s| *s == step) {
        Some(i) => all.get(i + 1).copied().unwrap_or(Step::Check),
        None => {
            // A section hidden by the answers just given: the first shown
            // section after it.
            if let Step::Section(x) = step {
                all.iter()
                    .copied()
                    .find(|s| matches!(s, Step::Section(y) if *y > x) || *s == Step::Consent)
                    .unwrap_or(Step::Check)
            } else {
                Step::Check
            }
        }
    }
}

/// The step before `step` (for the back link).
pub fn previous(q: &Questionnaire, answers: &BTreeMap<String, Answer>, step: Step) -> Option<Step> {
    let all = steps(q, answers);
    let i = all.iter().position(|s| *s == step)?;
    i.checked_sub(1).and_then(|p| all.get(p).copied())
}

/// Where a company that comes back continues: the page after the last
/// one it saved, while that page is still a step; else the first section
/// with a shown question left unanswered, else the check.
pub fn resume_at(q: &Questionnaire, d: &Draft) -> Step {
    if d.answers.company.name.is_none() {
        return Step::Company;
    }
    let all = steps(q, &d.answers.answers);
    if let Some(at) = d.at.as_deref()
        && let Some(step) = all.iter().find(|s| s.path(q) == at)
    {
        return *step;
    }
    let (visible, _) = scoring::visibility(q, &d.answers.answers);
    for s in 0..q.sections.len() {
        if shown(q, &visible, s)
            .iter()
            .any(|&i| !d.answers.answers.contains_key(&q.questions[i].id))
        {
            return Step::Section(s);
        }
    }
    Step::Check
}

/// A posted form: name → values, in order.
#[derive(Debug, Default)]
pub struct Form(Vec<(String, String)>);

impl Form {
    pub fn parse(body: &[u8]) -> Form {
        Form(
            form_urlencoded::parse(body)
                .map(|(k, v)| (k.into_owned(), v.into_owned()))
                .collect(),
        )
    }

    pub fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    pub fn all(&self, name: &str) -> Vec<&str> {
        self.0
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .collect()
    }

    /// A text field, trimmed, with line ends as `\n`; `None` when empty.
    pub fn text(&self, name: &str) -> Option<String> {
        let t = self.get(name)?.replace("\r\n", "\n").replace('\r', "\n");
        let t = t.trim();
        (!t.is_empty()).then(|| t.to_string())
    }
}

/// A problem with one field: the element to link to and the sentence.
#[derive(Debug, Clone)]
pub struct FieldError {
    /// The id of the element the error summary links to.
    pub target: String,
    /// The question or field it belongs to (`q:<id>`, `company:<field>`).
    pub key: String,
    pub message: String,
}

/// What a posted page left to show: its errors and the text as typed.
#[derive(Debug, Default)]
pub struct Outcome {
    pub errors: Vec<FieldError>,
    /// Typed text by field name, shown again where it was not accepted.
    pub typed: BTreeMap<String, String>,
}

impl Outcome {
    fn fail(&mut self, lang: Lang, key: String, target: String, e: &InputError) {
        self.errors.push(FieldError {
            target,
            key,
            message: crate::i18n::input::message(lang, e),
        });
    }
}

/// The element id of question `id`'s first control.
pub fn question_target(q: &Question) -> String {
    match q.kind {
        Kind::Number { .. } | Kind::Text => format!("q-{}", q.id),
        _ => format!("q-{}-0", q.id),
    }
}

/// Applies a section page to the draft (only the questions it showed).
pub fn apply_section(
    q: &Questionnaire,
    d: &mut Draft,
    shown: &[usize],
    form: &Form,
    lang: Lang,
) -> Outcome {
    let mut out = Outcome::default();
    for &i in shown {
        let question = &q.questions[i];
        let name = format!("q.{}", question.id);
        let key = format!("q:{}", question.id);
        let target = question_target(question);
        let result = read_answer(question, form, &name);
        match result {
            Ok(Some(a)) => {
                d.answers.answers.insert(question.id.clone(), a);
            }
            Ok(None) => {
                d.answers.answers.remove(&question.id);
            }
            Err(e) => {
                if let Some(t) = form.get(&name) {
                    out.typed.insert(name.clone(), t.to_string());
                }
                out.fail(lang, key, target, &e);
            }
        }
    }
    out
}

/// One question's answer from the form (`None`: not answered).
fn read_answer(question: &Question, form: &Form, name: &str) -> Result<Option<Answer>, InputError> {
    let special = |v: &str| match v {
        UNKNOWN => Some(Answer::Unknown),
        NA => Some(Answer::NotApplicable),
        _ => None,
    };
    match &question.kind {
        Kind::Single { .. } | Kind::Multi { .. } | Kind::Scale { .. } => {
            let values = form.all(name);
            let specials: Vec<Answer> = values.iter().filter_map(|v| special(v)).collect();
            let ids: Vec<String> = values
                .iter()
                .filter(|v| special(v).is_none())
                .map(|v| v.to_string())
                .collect();
            match (specials.as_slice(), ids.is_empty()) {
                ([], _) => match &question.kind {
                    Kind::Scale { .. } => match ids.as_slice() {
                        [] => Ok(None),
                        [one] => input::scale(question, one).map(Some),
                        _ => Err(InputError::OneOnly),
                    },
                    _ => input::choices(question, &ids),
                },
                ([s], true) => input::special(question, s.clone()).map(Some),
                _ => Err(InputError::NotOffered),
            }
        }
        Kind::Number { min, max, .. } => {
            let typed = form.text(name);
            let special = form.get(&format!("s.{}", question.id)).and_then(special);
            match (typed, special) {
                (Some(_), Some(_)) => Err(InputError::NotOffered),
                (None, Some(s)) => input::special(question, s).map(Some),
                (None, None) => Ok(None),
                (Some(t), None) => {
                    input::parse_number(&t, *min, *max).map(|x| Some(Answer::Number(x)))
                }
            }
        }
        Kind::Text => {
            let typed = form.text(name);
            let special = form.get(&format!("s.{}", question.id)).and_then(special);
            match (typed, special) {
                (Some(_), Some(_)) => Err(InputError::NotOffered),
                (None, Some(s)) => input::special(question, s).map(Some),
                (None, None) => Ok(None),
                (Some(t), None) => {
                    input::check_text(&t)?;
                    Ok(Some(Answer::Text(crate::text::sanitize(&t).into_owned())))
                }
            }
        }
    }
}

/// The company's fields on the company page: (form name, element id).
pub const COMPANY_FIELDS: [&str; 8] = [
    "name",
    "org_number",
    "municipality",
    "sni",
    "contact_name",
    "contact_role",
    "contact_phone",
    "contact_email",
];

/// Applies the company page: every valid field is saved; the company's
/// name is needed (the advisor must know who answered).
pub fn apply_company(d: &mut Draft, form: &Form, lang: Lang) -> Outcome {
    let mut out = Outcome::default();
    let c = &mut d.answers.company;
    let mut contact = c.contact.clone().unwrap_or_default();
    for field in COMPANY_FIELDS {
        let value = form.text(field).map(|v| crate::text::sanitize_line(&v));
        let check = match (field, value.as_deref()) {
            (_, Some(v)) if input::check_text(v).is_err() => input::check_text(v),
            ("org_number", Some(v)) => input::check_org_number(v),
            ("sni", Some(v)) => input::check_sni(v),
            ("contact_phone", Some(v)) => input::check_phone(v),
            ("contact_email", Some(v)) => input::check_email(v),
            _ => Ok(()),
        };
        if field == "name" && value.is_none() {
            out.errors.push(FieldError {
                target: format!("f-{field}"),
                key: format!("company:{field}"),
                message: words::words(lang).name_needed.to_string(),
            });
            continue;
        }
        if let Err(e) = check {
            out.typed.insert(
                field.to_string(),
                form.get(field).unwrap_or_default().to_string(),
            );
            out.fail(lang, format!("company:{field}"), format!("f-{field}"), &e);
            continue;
        }
        let slot = match field {
            "name" => &mut c.name,
            "org_number" => &mut c.org_number,
            "municipality" => &mut c.municipality,
            "sni" => &mut c.sni,
            "contact_name" => &mut contact.name,
            "contact_role" => &mut contact.role,
            "contact_phone" => &mut contact.phone,
            _ => &mut contact.email,
        };
        *slot = value;
    }
    c.contact = Some(contact).filter(|p: &Contact| !p.is_empty());
    out
}

/// The company's value of a company field.
pub fn company_value(d: &Draft, field: &str) -> Option<String> {
    let c = &d.answers.company;
    let contact = c.contact.as_ref();
    match field {
        "name" => c.name.clone(),
        "org_number" => c.org_number.clone(),
        "municipality" => c.municipality.clone(),
        "sni" => c.sni.clone(),
        "contact_name" => contact.and_then(|p| p.name.clone()),
        "contact_role" => contact.and_then(|p| p.role.clone()),
        "contact_phone" => contact.and_then(|p| p.phone.clone()),
        "contact_email" => contact.and_then(|p| p.email.clone()),
        _ => None,
    }
}

/// Applies the referral requests: one checkbox per actor (`actor`).
pub fn apply_consent(q: &Questionnaire, d: &mut Draft, form: &Form) {
    let ticked = form.all("actor");
    d.answers.consent = q
        .actors
        .iter()
        .filter(|a| ticked.contains(&a.id.as_str()))
        .map(|a| (a.id.clone(), true))
        .collect();
}
