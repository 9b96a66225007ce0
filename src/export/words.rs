//! Answers in words for the documents: the answer as shown (option labels,
//! numbers with their unit), the answers to the questions the program
//! knows by role, and the export situation in short sentences. Every
//! lookup goes through the reader's [`Allowed`] list, so a question a
//! document may not show is never put into words.

use super::doc::{AnswerValue, Trigger};
use super::escape::clean;
use crate::answers::{Answer, AnswersFile};
use crate::i18n::Lang;
use crate::questionnaire::{Kind, Questionnaire, Role};
use crate::text::fmt_num;

/// Per question: whether the document being built may show it.
pub(super) type Allowed = [bool];

/// The answer as shown: the option's label (or the labels of several),
/// the number with its unit, the text.
pub(super) fn answer_label(
    q: &Questionnaire,
    qi: usize,
    option: Option<usize>,
    answer: Option<&Answer>,
    lang: &str,
) -> String {
    let question = &q.questions[qi];
    let label = |o: usize| clean(question.kind.options()[o].label.get(lang));
    if let Some(o) = option.filter(|o| *o < question.kind.options().len()) {
        return label(o);
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
            Some(o) => label(o),
            None => clean(id),
        },
        (Some(Answer::Choices(ids)), _) => ids
            .iter()
            .map(|id| match question.kind.option_index(id) {
                Some(o) => label(o),
                None => clean(id),
            })
            .collect::<Vec<_>>()
            .join(", "),
        (Some(Answer::Text(t)), _) => clean(t),
        _ => String::new(),
    }
}

fn number_value(x: f64) -> AnswerValue {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        AnswerValue::Int(x as i64)
    } else {
        AnswerValue::Number(x)
    }
}

/// An answer that gave points (through `option`, or a number).
pub(super) fn contribution(
    q: &Questionnaire,
    answers: &AnswersFile,
    qi: usize,
    option: Option<usize>,
    lang: &str,
) -> Trigger {
    let question = &q.questions[qi];
    let answer = answers.answers.get(&question.id);
    let value = match (option, answer) {
        (Some(o), _) => AnswerValue::Option(
            question
                .kind
                .options()
                .get(o)
                .map(|o| clean(&o.id))
                .unwrap_or_default(),
        ),
        (None, Some(Answer::Number(x))) => number_value(*x),
        _ => AnswerValue::Option(String::new()),
    };
    Trigger {
        question: question.id.clone(),
        question_text: clean(question.text.get(lang)),
        answer: value,
        answer_label: answer_label(q, qi, option, answer, lang),
    }
}

/// A whole answer to a question, in words; `None` for no real answer
/// (unanswered, "vet ej", "ej relevant") and for free text.
pub(super) fn whole_answer(
    q: &Questionnaire,
    answers: &AnswersFile,
    qi: usize,
    lang: &str,
) -> Option<Trigger> {
    let question = &q.questions[qi];
    let answer = answers.answers.get(&question.id)?;
    let value = match answer {
        Answer::Choice(id) => AnswerValue::Option(clean(id)),
        Answer::Choices(ids) if !ids.is_empty() => {
            AnswerValue::Options(ids.iter().map(|i| clean(i)).collect())
        }
        Answer::Number(x) => number_value(*x),
        _ => return None,
    };
    Some(Trigger {
        question: question.id.clone(),
        question_text: clean(question.text.get(lang)),
        answer: value,
        answer_label: answer_label(q, qi, None, Some(answer), lang),
    })
}

/// The question with `role` and its answer, if answered and allowed.
fn role_answer<'a>(
    q: &Questionnaire,
    answers: &'a AnswersFile,
    allowed: &Allowed,
    role: Role,
) -> Option<(usize, &'a Answer)> {
    let qi = q.question_with_role(role)?;
    if !allowed.get(qi).copied().unwrap_or(false) {
        return None;
    }
    Some((qi, answers.answers.get(&q.questions[qi].id)?))
}

/// The text answer to the question with `role`, if any.
pub(super) fn text_answer(
    q: &Questionnaire,
    answers: &AnswersFile,
    allowed: &Allowed,
    role: Role,
) -> Option<String> {
    match role_answer(q, answers, allowed, role)? {
        (_, Answer::Text(t)) if !t.trim().is_empty() => Some(clean(t.trim())),
        _ => None,
    }
}

/// The label of the single-choice answer to the question with `role`, with
/// the option's summary sentence when it has one.
fn choice_label(
    q: &Questionnaire,
    answers: &AnswersFile,
    allowed: &Allowed,
    role: Role,
    lang: &str,
) -> Option<(String, Option<String>)> {
    let (qi, Answer::Choice(opt)) = role_answer(q, answers, allowed, role)? else {
        return None;
    };
    let kind = &q.questions[qi].kind;
    let o = &kind.options()[kind.option_index(opt)?];
    Some((
        clean(o.label.get(lang)),
        o.summary.as_ref().map(|t| clean(t.get(lang))),
    ))
}

/// The labels of the multiple-choice answer to the question with `role`.
fn choice_labels(
    q: &Questionnaire,
    answers: &AnswersFile,
    allowed: &Allowed,
    role: Role,
    lang: &str,
) -> Option<Vec<String>> {
    let (qi, Answer::Choices(ids)) = role_answer(q, answers, allowed, role)? else {
        return None;
    };
    let kind = &q.questions[qi].kind;
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

/// The export situation in a few sentences, from the questions the
/// questionnaire gives roles (`exports_today`, `export_share`,
/// `export_countries`, `target_markets`, `payment_terms`) and their
/// options' summary sentences.
pub(super) fn situation(
    q: &Questionnaire,
    answers: &AnswersFile,
    allowed: &Allowed,
    lang: &str,
) -> Vec<String> {
    use crate::i18n::export as words;
    let w = Lang::of_content(lang);
    let mut out = Vec::new();
    let exports =
        choice_label(q, answers, allowed, Role::ExportsToday, lang).map(|(label, summary)| {
            match summary {
                Some(s) => s.trim_end_matches('.').to_string(),
                None => words::exports_today(w, &lower_first(&label)),
            }
        });
    let share = choice_label(q, answers, allowed, Role::ExportShare, lang)
        .map(|(l, _)| lower_first(&l))
        .or_else(
            || match role_answer(q, answers, allowed, Role::ExportShare)? {
                (_, Answer::Number(x)) => Some(format!("{} %", fmt_num(*x))),
                _ => None,
            },
        );
    match (exports, share) {
        (e, Some(s)) => out.push(words::export_share(w, e.as_deref(), &s)),
        (Some(e), None) => out.push(format!("{e}.")),
        (None, None) => {}
    }
    let countries = text_answer(q, answers, allowed, Role::ExportCountries)
        .map(|c| c.trim_end_matches('.').replace('\n', ", "))
        .or_else(|| {
            let labels = choice_labels(q, answers, allowed, Role::ExportCountries, lang)?;
            (!labels.is_empty()).then(|| words::join_and(w, &labels))
        });
    if let Some(countries) = countries {
        out.push(words::sells_to(w, &countries));
    }
    if let Some(labels) = choice_labels(q, answers, allowed, Role::TargetMarkets, lang)
        && !labels.is_empty()
    {
        out.push(words::wants_to_sell_in(w, &words::join_and(w, &labels)));
    }
    if let Some((terms, _)) = choice_label(q, answers, allowed, Role::PaymentTerms, lang) {
        let terms = lower_first(terms.trim_end_matches('.'));
        out.push(words::payment_terms(w, &terms));
    }
    out
}
