//! The pages, as maud templates: every value is escaped unless marked
//! otherwise (nothing here is). One layout: a skip link, the service's
//! name, the language switch, one `main`, a footer.

pub mod check;
pub mod error;
pub mod question;
pub mod receipt;
pub mod start;

use maud::{DOCTYPE, Markup, html};

use crate::i18n::{Lang, web};
use crate::questionnaire::Questionnaire;

use super::flow::FieldError;

/// What the layout needs to know about a page.
pub struct Page<'a> {
    pub lang: Lang,
    pub q: &'a Questionnaire,
    /// The page's own title (the step), without the service's name.
    pub title: String,
    /// Errors on the page: the title starts with "Fel: ".
    pub errors: &'a [FieldError],
    /// The page's path, for the language switch to come back to.
    pub path: &'a str,
    /// The back link, when the page has one.
    pub back: Option<String>,
}

/// The whole document around `body`.
pub fn layout(p: &Page<'_>, body: Markup) -> Markup {
    let w = web::words(p.lang);
    let service = p.q.title.get(p.lang.code());
    let title = if p.errors.is_empty() {
        format!("{} – {service}", p.title)
    } else {
        format!("{} {} – {service}", w.error_prefix, p.title)
    };
    let other = match p.lang {
        Lang::Sv => Lang::En,
        Lang::En => Lang::Sv,
    };
    let switch = format!(
        "/lang/{}?next={}",
        other.code(),
        form_urlencoded::byte_serialize(p.path.as_bytes()).collect::<String>()
    );
    html! {
        (DOCTYPE)
        html lang=(p.lang.code()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) }
                link rel="stylesheet" href=(super::assets::CSS_PATH);
                script src=(super::assets::JS_PATH) defer {}
            }
            body {
                a.skip-link href="#main" { (w.skip) }
                header.header {
                    div.container.header-inner {
                        a.service href="/" { (service) }
                        nav aria-label=(w.language_nav) {
                            a.lang-switch href=(switch) lang=(other.code()) hreflang=(other.code()) {
                                (web::words(other).language_name)
                            }
                        }
                    }
                }
                div.container {
                    main #main tabindex="-1" {
                        @if let Some(back) = &p.back {
                            a.back-link href=(back) { (w.back) }
                        }
                        (body)
                    }
                }
                footer.footer {
                    div.container {
                        p { (w.footer_cookies) }
                        p { (w.footer_privacy) }
                    }
                }
            }
        }
    }
}

/// The error summary at the top of a page: each error a link to its field.
pub fn error_summary(lang: Lang, errors: &[FieldError]) -> Markup {
    let w = web::words(lang);
    html! {
        @if !errors.is_empty() {
            div.error-summary role="alert" aria-labelledby="error-summary-title" tabindex="-1" autofocus {
                h2 #error-summary-title { (w.error_summary_title) }
                ul {
                    @for e in errors {
                        li { a href=(format!("#{}", e.target)) { (e.message) } }
                    }
                }
            }
        }
    }
}

/// The hidden form token.
pub fn csrf(token: &str) -> Markup {
    html! { input type="hidden" name="csrf" value=(token); }
}

/// "Steg 3 av 12" above a heading.
pub fn caption(lang: Lang, n: usize, of: usize) -> Markup {
    html! { span.caption { (web::step_of(lang, n, of)) } }
}
