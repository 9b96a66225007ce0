//! A plain page for a refused or failed request: what happened in words,
//! never a stack trace or an internal message.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::{DOCTYPE, html};

use crate::i18n::{Lang, web};

/// The page for `status` (no questionnaire needed: it is also the page
/// of requests refused before any handler ran).
pub fn page(lang: Lang, status: StatusCode) -> Response {
    let w = web::words(lang);
    let (title, text) = web::status_words(lang, status.as_u16());
    let body = html! {
        (DOCTYPE)
        html lang=(lang.code()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) }
                link rel="stylesheet" href=(super::super::assets::CSS_PATH);
            }
            body {
                a.skip-link href="#main" { (w.skip) }
                header.header { div.container.header-inner { a.service href="/" { (w.service_short) } } }
                div.container {
                    main #main tabindex="-1" {
                        h1 { (title) }
                        p { (text) }
                        p { a href="/" { (w.to_start) } }
                    }
                }
            }
        }
    };
    (status, body).into_response()
}
