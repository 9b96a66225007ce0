//! The start page, the page with the resume code, the resume form and the
//! company's details.

use maud::{Markup, html};

use crate::i18n::{Lang, web};
use crate::questionnaire::Questionnaire;

use super::super::codes::Code;
use super::super::draft::Draft;
use super::super::flow::{COMPANY_FIELDS, FieldError, Outcome, company_value};
use super::{Page, csrf, error_summary, layout};

/// The start page: what this is, how long it takes, what happens to the
/// answers; start, or continue with a code.
pub fn start(lang: Lang, q: &Questionnaire, token: &str, resume: Option<&str>) -> Markup {
    let w = web::words(lang);
    let page = Page {
        lang,
        q,
        title: w.start_title.to_string(),
        errors: &[],
        path: "/",
        back: None,
    };
    layout(
        &page,
        html! {
            h1 { (q.title.get(lang.code())) }
            p.lead { (w.start_intro) }
            ul {
                li { (w.start_time) }
                li { (w.start_save) }
                li { (w.start_after) }
            }
            @if let Some(next) = resume {
                p { (w.start_have_draft) }
                a.button href=(next) { (w.continue_draft) }
            } @else {
                form method="post" action="/start" novalidate {
                    (csrf(token))
                    button.button.start type="submit" { (w.start_button) }
                }
            }
            h2 { (w.resume_heading) }
            p { (w.resume_intro) " " a href="/resume" { (w.resume_link) } }
            h2 { (w.privacy_heading) }
            p { (w.privacy_text) }
        },
    )
}

/// The resume code, to write down (after starting, and "save and come
/// back later").
pub fn code_page(
    lang: Lang,
    q: &Questionnaire,
    code: &Code,
    link: &str,
    expires: &str,
    next: &str,
) -> Markup {
    let w = web::words(lang);
    let page = Page {
        lang,
        q,
        title: w.code_title.to_string(),
        errors: &[],
        path: "/code",
        back: None,
    };
    layout(
        &page,
        html! {
            h1 { (w.code_title) }
            p { (w.code_intro) }
            div.panel {
                p.code-label #code-label { (w.your_code) }
                p.code aria-labelledby="code-label" { (code.grouped()) }
            }
            p { (w.code_link_intro) }
            p.link-box { a href=(link) { (link) } }
            p { (web::code_expires(lang, expires)) }
            div.warning {
                p { strong { (w.warning) ": " } (w.code_keep_secret) }
            }
            a.button href=(next) { (w.continue_button) }
        },
    )
}

/// The form for a resume code.
pub fn resume(
    lang: Lang,
    q: &Questionnaire,
    token: &str,
    typed: &str,
    errors: &[FieldError],
) -> Markup {
    let w = web::words(lang);
    let page = Page {
        lang,
        q,
        title: w.resume_heading.to_string(),
        errors,
        path: "/resume",
        back: Some("/".into()),
    };
    let err = errors.first();
    let described = if err.is_some() {
        "code-hint code-error"
    } else {
        "code-hint"
    };
    layout(
        &page,
        html! {
            (error_summary(lang, errors))
            form method="post" action="/resume" novalidate {
                (csrf(token))
                div.form-group.has-error[err.is_some()] {
                    h1 { label for="code" { (w.resume_heading) } }
                    div.hint #code-hint { (w.resume_hint) }
                    @if let Some(e) = err {
                        p.error-message #code-error { span.visually-hidden { (w.error_prefix) " " } (e.message) }
                    }
                    input.input.code-input #code name="code" type="text" value=(typed)
                        autocomplete="off" spellcheck="false" autocapitalize="characters"
                        aria-describedby=(described) aria-invalid=[err.map(|_| "true")];
                }
                button.button type="submit" { (w.continue_button) }
            }
        },
    )
}

/// The company's details and contact person.
pub fn company(
    lang: Lang,
    q: &Questionnaire,
    d: &Draft,
    token: &str,
    out: &Outcome,
    step: (usize, usize),
) -> Markup {
    let w = web::words(lang);
    let page = Page {
        lang,
        q,
        title: web::step_title(lang, w.company_title, step.0, step.1),
        errors: &out.errors,
        path: "/company",
        back: Some("/".into()),
    };
    let field = |name: &'static str| {
        let (label, hint, autocomplete, kind) = web::company_field(lang, name);
        let id = format!("f-{name}");
        let err = out.errors.iter().find(|e| e.target == id);
        let value = out
            .typed
            .get(name)
            .cloned()
            .or_else(|| company_value(d, name))
            .unwrap_or_default();
        let hint_id = format!("{id}-hint");
        let err_id = format!("{id}-error");
        let mut described = Vec::new();
        if hint.is_some() {
            described.push(hint_id.clone());
        }
        if err.is_some() {
            described.push(err_id.clone());
        }
        let described = described.join(" ");
        html! {
            div.form-group.has-error[err.is_some()] {
                label.label for=(id) { (label) }
                @if let Some(h) = hint { div.hint id=(hint_id) { (h) } }
                @if let Some(e) = err {
                    p.error-message id=(err_id) { span.visually-hidden { (w.error_prefix) " " } (e.message) }
                }
                input.input id=(id) name=(name) type=(kind) value=(value) autocomplete=(autocomplete)
                    spellcheck="false"
                    aria-describedby=[(!described.is_empty()).then_some(described.as_str())]
                    aria-invalid=[err.map(|_| "true")];
            }
        }
    };
    layout(
        &page,
        html! {
            (error_summary(lang, &out.errors))
            (super::caption(lang, step.0, step.1))
            h1 { (w.company_title) }
            p.lead { (w.company_intro) }
            form method="post" action="/company" novalidate {
                (csrf(token))
                @for name in &COMPANY_FIELDS[..4] { (field(name)) }
                fieldset.fieldset aria-describedby="contact-hint" {
                    legend.legend { (w.contact_legend) }
                    div.hint #contact-hint { (w.contact_hint) }
                    @for name in &COMPANY_FIELDS[4..] { (field(name)) }
                }
                (buttons(lang))
            }
        },
    )
}

/// Continue, and save-and-come-back-later.
pub fn buttons(lang: Lang) -> Markup {
    let w = web::words(lang);
    html! {
        div.button-group {
            button.button type="submit" name="action" value="continue" { (w.continue_button) }
            button.button.secondary type="submit" name="action" value="later" { (w.save_later) }
        }
    }
}
