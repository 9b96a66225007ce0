//! "Check your answers": every step's answers with a link to change
//! them, then sending.

use maud::{Markup, html};

use crate::answers::Answer;
use crate::i18n::{Lang, web};
use crate::questionnaire::{Kind, Question, Questionnaire};
use crate::text::fmt_num;

use super::super::draft::Draft;
use super::super::flow::{self, COMPANY_FIELDS, Step, company_value};
use super::{Page, csrf, layout};

/// An answer in words.
pub fn answer_text(lang: Lang, q: &Question, a: Option<&Answer>) -> String {
    let w = web::words(lang);
    let l = lang.code();
    let label = |id: &str| {
        q.kind
            .options()
            .iter()
            .find(|o| o.id == id)
            .map_or_else(|| id.to_string(), |o| o.label.get(l).to_string())
    };
    match a {
        None => w.not_answered.to_string(),
        Some(Answer::Unknown) => w.unknown.to_string(),
        Some(Answer::NotApplicable) => w.not_applicable.to_string(),
        Some(Answer::Choice(id)) => label(id),
        Some(Answer::Choices(ids)) => ids.iter().map(|i| label(i)).collect::<Vec<_>>().join(", "),
        Some(Answer::Number(x)) => match &q.kind {
            Kind::Number { unit: Some(u), .. } => format!("{} {}", fmt_num(*x), u.get(l)),
            _ => fmt_num(*x),
        },
        Some(Answer::Text(t)) => t.clone(),
    }
}

pub fn check(
    lang: Lang,
    q: &Questionnaire,
    d: &Draft,
    token: &str,
    step: (usize, usize),
    back: String,
) -> Markup {
    let w = web::words(lang);
    let l = lang.code();
    let page = Page {
        lang,
        q,
        title: web::step_title(lang, w.check_title, step.0, step.1),
        errors: &[],
        path: "/check",
        back: Some(back),
    };
    let (visible, _) = crate::scoring::visibility(q, &d.answers.answers);
    let steps = flow::steps(q, &d.answers.answers);
    let change = |href: String, what: &str| {
        html! { a href=(href) { (w.change) span.visually-hidden { " " (what) } } }
    };
    layout(
        &page,
        html! {
            (super::caption(lang, step.0, step.1))
            h1 { (w.check_title) }
            h2 { (w.company_title) }
            dl.summary-list {
                @for name in COMPANY_FIELDS {
                    @let (label, _, _, _) = web::company_field(lang, name);
                    div.summary-row {
                        dt { (label) }
                        dd { (company_value(d, name).unwrap_or_else(|| w.not_given.to_string())) }
                        dd.actions { (change(format!("/company#f-{name}"), label)) }
                    }
                }
            }
            @for st in &steps {
                @if let Step::Section(s) = st {
                    h2 { (q.sections[*s].title.get(l)) }
                    dl.summary-list {
                        @for i in flow::shown(q, &visible, *s) {
                            @let question = &q.questions[i];
                            @let text = question.text.get(l);
                            div.summary-row {
                                dt { (text) }
                                dd.answer { (answer_text(lang, question, d.answers.answers.get(&question.id))) }
                                dd.actions { (change(format!("{}#question-{}", st.path(q), question.id), text)) }
                            }
                        }
                    }
                }
            }
            @if steps.contains(&Step::Consent) {
                h2 { (w.consent_title) }
                dl.summary-list {
                    div.summary-row {
                        dt { (w.consent_asked) }
                        dd {
                            @let asked: Vec<&str> = q.actors.iter()
                                .filter(|a| d.answers.consent.get(&a.id) == Some(&true))
                                .map(|a| a.name.get(l)).collect();
                            @if asked.is_empty() { (w.nobody) } @else { (asked.join(", ")) }
                        }
                        dd.actions { (change("/consent".into(), w.consent_title)) }
                    }
                }
            }
            h2 { (w.send_heading) }
            p { (w.send_text) }
            form method="post" action="/submit" novalidate {
                (csrf(token))
                button.button type="submit" { (w.send_button) }
            }
        },
    )
}
