//! The receipt: the reference for the advisor, what happens next, and the
//! company's own summary (to print or download) — the company summary of
//! [`crate::export`], which never holds anything of the advisor's.

use maud::{Markup, html};

use crate::export::doc::CompanyDoc;
use crate::i18n::{Lang, export as doc_words, web};
use crate::questionnaire::Questionnaire;

use super::{Page, layout};

pub fn receipt(
    lang: Lang,
    q: &Questionnaire,
    reference: &str,
    sent_at: &str,
    doc: Option<&CompanyDoc>,
) -> Markup {
    let w = web::words(lang);
    let dw = doc_words::words(lang);
    let page = Page {
        lang,
        q,
        title: w.receipt_title.to_string(),
        errors: &[],
        path: "/receipt",
        back: None,
    };
    layout(
        &page,
        html! {
            div.panel.confirmation {
                h1 { (w.receipt_title) }
                p { (w.your_reference) }
                p.reference { strong { (reference) } }
            }
            p { (web::sent_at(lang, &crate::time::local_time(sent_at))) }
            h2 { (w.next_heading) }
            p { (w.next_text) }
            p { (w.reference_text) }
            div.no-print.button-group {
                a.button.secondary href="/summary.html" download { (w.download_summary) }
                button.button.secondary.print-button type="button" hidden { (w.print_summary) }
            }
            p.no-print { (w.print_hint) }
            @if let Some(d) = doc {
                section.summary aria-labelledby="summary-title" {
                    h2 #summary-title { (dw.company_title) }
                    h3 { (dw.need) }
                    @if d.needs.is_empty() { p { (w.no_needs) } }
                    @else {
                        table.table {
                            caption.visually-hidden { (dw.need) }
                            thead { tr { th scope="col" { (w.area) } th scope="col" { (dw.need) } } }
                            tbody {
                                @for n in &d.needs {
                                    tr {
                                        th scope="row" { (n.title) }
                                        td { (web::need_words(lang, n.need)) }
                                    }
                                }
                            }
                        }
                    }
                    h3 { (dw.actors) }
                    @if d.actors.is_empty() { p { (dw.no_actors) } }
                    @for a in &d.actors {
                        div.actor {
                            h4 { (a.name) }
                            @if !a.reasons.is_empty() {
                                ul { @for r in &a.reasons { li { (r) } } }
                            }
                            @if let Some(n) = &a.next_step { p { strong { (dw.next_step) ": " } (n) } }
                            @if let Some(c) = &a.contact { p { strong { (dw.contact) ": " } (c) } }
                            @if let Some(u) = &a.url { p { a href=(u) rel="noopener noreferrer" { (u) } } }
                        }
                    }
                    @if !d.advice.is_empty() {
                        h3 { (dw.advice) }
                        ul { @for a in &d.advice { li { (a.text) } } }
                    }
                    h3 { (dw.open) }
                    @if d.open_questions.is_empty() { p { (dw.no_open) } }
                    @else {
                        ul { @for o in &d.open_questions {
                            li { (o.text) @if o.unknown { " (" (dw.unknown_answer) ")" } }
                        } }
                    }
                }
            }
            p.no-print { a href="/" { (w.to_start) } }
        },
    )
}
