//! The routes. Each handler reads what it needs from the request and does
//! its work on a blocking thread (drafts are files, saves are fsynced,
//! the shared store's client is synchronous), under the draft's lock.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use maud::Markup;

use crate::export::{self, Format, Input, Options};
use crate::i18n::{Lang, web as words};

use super::AppState;
use super::codes::{self, Code};
use super::draft::{Draft, SENT_TTL_HOURS, TTL_DAYS};
use super::flow::{self, Form, Outcome, Step};
use super::http::{self, CSRF_COOKIE, DRAFT_COOKIE, LANG_COOKIE};
use super::pages;

type St = State<Arc<AppState>>;

/// What a handler knows about its request.
struct Ctx {
    lang: Lang,
    headers: HeaderMap,
    code: Option<Code>,
    /// The form token: the cookie's, or a new one to set.
    token: String,
    new_token: bool,
}

impl Ctx {
    fn new(state: &AppState, headers: HeaderMap) -> Ctx {
        let lang = http::lang_of(&headers, state);
        let code = http::draft_code(&headers);
        let existing = http::cookie(&headers, CSRF_COOKIE)
            .filter(|t| t.len() == 32 && t.bytes().all(|b| b.is_ascii_hexdigit()))
            .map(String::from);
        let new_token = existing.is_none();
        let token = existing.or_else(|| codes::token().ok()).unwrap_or_default();
        Ctx {
            lang,
            headers,
            code,
            token,
            new_token,
        }
    }

    /// A page with the form token's cookie set when it is new.
    fn page(&self, status: StatusCode, m: Markup) -> Response {
        let mut r = (status, m).into_response();
        if self.new_token {
            http::set_cookie(&mut r, &self.headers, CSRF_COOKIE, &self.token, 86_400 * 2);
        }
        r
    }

    /// Whether a posted form carries the token of its cookie.
    fn csrf_ok(&self, form: &Form) -> bool {
        !self.new_token
            && form
                .get("csrf")
                .is_some_and(|t| codes::same(t, &self.token))
    }
}

/// 303 to a path of this site (never a panic on a strange one: anything
/// that cannot be a header goes to the start).
fn see_other(to: &str) -> Response {
    let to = if to.starts_with('/') && to.chars().all(|c| c.is_ascii_graphic()) {
        to
    } else {
        "/"
    };
    let mut r = StatusCode::SEE_OTHER.into_response();
    r.headers_mut().insert(
        header::LOCATION,
        HeaderValue::from_str(to).unwrap_or(HeaderValue::from_static("/")),
    );
    r
}

/// The value of `name` in a query string (absent or unreadable: `None`).
fn query_value(raw: Option<&str>, name: &str) -> Option<String> {
    form_urlencoded::parse(raw?.as_bytes())
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.into_owned())
}

fn error(lang: Lang, status: StatusCode) -> Response {
    pages::error::page(lang, status)
}

/// Runs `f` on a blocking thread; a panic or a lost thread is a plain 500.
async fn blocking<F>(state: Arc<AppState>, headers: HeaderMap, f: F) -> Response
where
    F: FnOnce(&AppState, Ctx) -> Response + Send + 'static,
{
    let lang = http::lang_of(&headers, &state);
    let r = tokio::task::spawn_blocking(move || {
        let ctx = Ctx::new(&state, headers);
        f(&state, ctx)
    })
    .await;
    r.unwrap_or_else(|_| error(lang, StatusCode::INTERNAL_SERVER_ERROR))
}

/// A posted form: parsed, and refused (403) unless it carries the form
/// token of its cookie — every POST handler goes through here.
async fn posted<F>(state: Arc<AppState>, headers: HeaderMap, body: Bytes, f: F) -> Response
where
    F: FnOnce(&AppState, Ctx, Form) -> Response + Send + 'static,
{
    blocking(state, headers, move |state, ctx| {
        let form = Form::parse(&body);
        if !ctx.csrf_ok(&form) {
            return error(ctx.lang, StatusCode::FORBIDDEN);
        }
        f(state, ctx, form)
    })
    .await
}

/// A failure of the server's own disk or store: logged without personal
/// data, shown as a plain page.
fn failed(lang: Lang, what: &str, e: &dyn std::fmt::Display) -> Response {
    let line =
        serde_json::json!({"t": crate::time::now_rfc3339(), "error": what, "why": e.to_string()});
    eprintln!("{line}");
    error(lang, StatusCode::SERVICE_UNAVAILABLE)
}

/// The company's draft, under its lock; without one, back to the start.
/// A sent draft goes to its receipt unless `sent_ok`.
fn with_draft(
    state: &AppState,
    ctx: &Ctx,
    sent_ok: bool,
    f: impl FnOnce(&Code, Draft) -> Response,
) -> Response {
    let Some(code) = ctx.code.as_ref() else {
        return see_other("/");
    };
    match state.drafts.load(code, &state.q, crate::time::now_secs()) {
        Ok(Some(d)) if d.sent_as.is_some() && !sent_ok => see_other("/receipt"),
        Ok(Some(d)) => f(code, d),
        Ok(None) => see_other("/"),
        Err(e) => failed(ctx.lang, "read draft", &e),
    }
}

/// [`with_draft`] for a change: under the draft's lock, so that two
/// requests (two tabs, a double click) never save over each other. A page
/// that only reads needs no lock: a draft file is replaced whole.
fn changing_draft(
    state: &AppState,
    ctx: &Ctx,
    f: impl FnOnce(&Code, Draft) -> Response,
) -> Response {
    let Some(code) = ctx.code.as_ref() else {
        return see_other("/");
    };
    state
        .drafts
        .locked(code, || with_draft(state, ctx, false, f))
}

/// Saves the draft and goes on: to the code page for "save and come back
/// later", else to `next`.
fn save_and_go(
    state: &AppState,
    ctx: &Ctx,
    code: &Code,
    d: &mut Draft,
    form: &Form,
    next: &str,
) -> Response {
    d.at = Some(next.split(['?', '#']).next().unwrap_or(next).to_string());
    if let Err(e) = state
        .drafts
        .save(code, d, &state.q, crate::time::now_secs())
    {
        return failed(ctx.lang, "save draft", &e);
    }
    if form.get("action") == Some("later") {
        see_other("/code")
    } else {
        see_other(next)
    }
}

/// (number of the step, number of steps).
fn step_no(state: &AppState, d: &Draft, step: Step) -> (usize, usize) {
    let all = flow::steps(&state.q, &d.answers.answers);
    let n = all.iter().position(|s| *s == step).map_or(1, |i| i + 1);
    (n, all.len())
}

fn back_of(state: &AppState, d: &Draft, step: Step) -> String {
    flow::previous(&state.q, &d.answers.answers, step)
        .map_or_else(|| "/".into(), |s| s.path(&state.q))
}

pub async fn start(State(state): St, headers: HeaderMap) -> Response {
    blocking(state, headers, |state, ctx| {
        let now = crate::time::now_secs();
        let resume = ctx.code.as_ref().and_then(|code| {
            let d = state.drafts.load(code, &state.q, now).ok()??;
            Some(match d.sent_as {
                Some(_) => "/receipt".to_string(),
                None => flow::resume_at(&state.q, &d).path(&state.q),
            })
        });
        ctx.page(
            StatusCode::OK,
            pages::start::start(ctx.lang, &state.q, &ctx.token, resume.as_deref()),
        )
    })
    .await
}

pub async fn start_post(State(state): St, headers: HeaderMap, body: Bytes) -> Response {
    posted(state, headers, body, move |state, ctx, _form| {
        match state.drafts.create(&state.q, crate::time::now_secs()) {
            Ok((code, _)) => {
                let mut r = see_other("/code");
                http::set_cookie(
                    &mut r,
                    &ctx.headers,
                    DRAFT_COOKIE,
                    code.as_str(),
                    TTL_DAYS * 86_400,
                );
                r
            }
            Err(e) => failed(ctx.lang, "create draft", &e),
        }
    })
    .await
}

pub async fn code(State(state): St, headers: HeaderMap) -> Response {
    blocking(state, headers, |state, ctx| {
        with_draft(state, &ctx, false, |code, d| {
            let scheme = if super::guard::forwarded_https(&ctx.headers) {
                "https"
            } else {
                "http"
            };
            let link = format!(
                "{scheme}://{}/resume?code={}",
                http::host(&ctx.headers, state.config.trust_proxy),
                code.as_str()
            );
            let expires = crate::time::local_time(&crate::time::rfc3339(d.expires));
            let next = flow::resume_at(&state.q, &d).path(&state.q);
            ctx.page(
                StatusCode::OK,
                pages::start::code_page(ctx.lang, &state.q, code, &link, &expires, &next),
            )
        })
    })
    .await
}

pub async fn company(State(state): St, headers: HeaderMap) -> Response {
    blocking(state, headers, |state, ctx| {
        with_draft(state, &ctx, false, |_, d| {
            let step = step_no(state, &d, Step::Company);
            let m = pages::start::company(
                ctx.lang,
                &state.q,
                &d,
                &ctx.token,
                &Outcome::default(),
                step,
            );
            ctx.page(StatusCode::OK, m)
        })
    })
    .await
}

pub async fn company_post(State(state): St, headers: HeaderMap, body: Bytes) -> Response {
    posted(state, headers, body, move |state, ctx, form| {
        changing_draft(state, &ctx, |code, mut d| {
            let out = flow::apply_company(&mut d, &form, ctx.lang);
            if out.errors.is_empty() {
                let next = flow::next(&state.q, &d.answers.answers, Step::Company).path(&state.q);
                return save_and_go(state, &ctx, code, &mut d, &form, &next);
            }
            // What was valid is kept even so.
            if let Err(e) = state
                .drafts
                .save(code, &mut d, &state.q, crate::time::now_secs())
            {
                return failed(ctx.lang, "save draft", &e);
            }
            let step = step_no(state, &d, Step::Company);
            let m = pages::start::company(ctx.lang, &state.q, &d, &ctx.token, &out, step);
            ctx.page(StatusCode::UNPROCESSABLE_ENTITY, m)
        })
    })
    .await
}

fn section_index(state: &AppState, id: &str) -> Option<usize> {
    state.q.sections.iter().position(|s| s.id == id)
}

fn section_page(
    state: &AppState,
    ctx: &Ctx,
    d: &Draft,
    s: usize,
    out: &Outcome,
    appeared: bool,
    status: StatusCode,
) -> Response {
    let (visible, _) = crate::scoring::visibility(&state.q, &d.answers.answers);
    let shown = flow::shown(&state.q, &visible, s);
    if shown.is_empty() {
        // Hidden by the answers: on to the next step.
        return see_other(
            &flow::next(&state.q, &d.answers.answers, Step::Section(s)).path(&state.q),
        );
    }
    let view = pages::question::SectionView {
        section: s,
        shown: &shown,
        appeared,
        step: step_no(state, d, Step::Section(s)),
        back: back_of(state, d, Step::Section(s)),
    };
    ctx.page(
        status,
        pages::question::section(ctx.lang, &state.q, d, &ctx.token, out, &view),
    )
}

pub async fn section(
    State(state): St,
    headers: HeaderMap,
    Path(id): Path<String>,
    RawQuery(raw): RawQuery,
) -> Response {
    let more = query_value(raw.as_deref(), "more").is_some();
    blocking(state, headers, move |state, ctx| {
        let Some(s) = section_index(state, &id) else {
            return error(ctx.lang, StatusCode::NOT_FOUND);
        };
        with_draft(state, &ctx, false, |_, d| {
            section_page(
                state,
                &ctx,
                &d,
                s,
                &Outcome::default(),
                more,
                StatusCode::OK,
            )
        })
    })
    .await
}

pub async fn section_post(
    State(state): St,
    headers: HeaderMap,
    Path(id): Path<String>,
    body: Bytes,
) -> Response {
    posted(state, headers, body, move |state, ctx, form| {
        let Some(s) = section_index(state, &id) else {
            return error(ctx.lang, StatusCode::NOT_FOUND);
        };
        changing_draft(state, &ctx, |code, mut d| {
            let q = &state.q;
            let (before, _) = crate::scoring::visibility(q, &d.answers.answers);
            let shown = flow::shown(q, &before, s);
            let out = flow::apply_section(q, &mut d, &shown, &form, ctx.lang);
            if !out.errors.is_empty() {
                if let Err(e) = state.drafts.save(code, &mut d, q, crate::time::now_secs()) {
                    return failed(ctx.lang, "save draft", &e);
                }
                return section_page(
                    state,
                    &ctx,
                    &d,
                    s,
                    &out,
                    false,
                    StatusCode::UNPROCESSABLE_ENTITY,
                );
            }
            // Questions of this section that the answers just given show
            // and that are not answered yet: the same page again.
            let (after, _) = crate::scoring::visibility(q, &d.answers.answers);
            let appeared = flow::shown(q, &after, s).into_iter().find(|i| {
                !shown.contains(i) && !d.answers.answers.contains_key(&q.questions[*i].id)
            });
            let next = match appeared {
                Some(i) => format!(
                    "/section/{}?more=1#question-{}",
                    q.sections[s].id, q.questions[i].id
                ),
                None => flow::next(q, &d.answers.answers, Step::Section(s)).path(q),
            };
            save_and_go(state, &ctx, code, &mut d, &form, &next)
        })
    })
    .await
}

/// The actors recommended by the answers so far, best first.
fn recommended(state: &AppState, d: &Draft) -> Vec<usize> {
    crate::scoring::evaluate(&state.q, &d.answers.answers)
        .referrals
        .iter()
        .filter(|r| r.recommended)
        .map(|r| r.actor)
        .collect()
}

pub async fn consent(State(state): St, headers: HeaderMap) -> Response {
    blocking(state, headers, |state, ctx| {
        with_draft(state, &ctx, false, |_, d| {
            let step = step_no(state, &d, Step::Consent);
            let back = back_of(state, &d, Step::Consent);
            let m = pages::question::consent(
                ctx.lang,
                &state.q,
                &d,
                &ctx.token,
                &recommended(state, &d),
                step,
                back,
            );
            ctx.page(StatusCode::OK, m)
        })
    })
    .await
}

pub async fn consent_post(State(state): St, headers: HeaderMap, body: Bytes) -> Response {
    posted(state, headers, body, move |state, ctx, form| {
        changing_draft(state, &ctx, |code, mut d| {
            flow::apply_consent(&state.q, &mut d, &form);
            save_and_go(state, &ctx, code, &mut d, &form, "/check")
        })
    })
    .await
}

pub async fn check(State(state): St, headers: HeaderMap) -> Response {
    blocking(state, headers, |state, ctx| {
        with_draft(state, &ctx, false, |_, d| {
            let step = step_no(state, &d, Step::Check);
            let back = back_of(state, &d, Step::Check);
            ctx.page(
                StatusCode::OK,
                pages::check::check(ctx.lang, &state.q, &d, &ctx.token, step, back),
            )
        })
    })
    .await
}

pub async fn submit(State(state): St, headers: HeaderMap, body: Bytes) -> Response {
    posted(state, headers, body, move |state, ctx, _form| {
        changing_draft(state, &ctx, |code, mut d| {
            if d.answers.company.name.is_none() {
                return see_other("/company");
            }
            let now = crate::time::now_secs();
            let at = crate::time::rfc3339(now);
            let mut reference = String::new();
            for _ in 0..8 {
                match codes::reference(&crate::time::today().to_string()) {
                    Ok(r) if !state.target.exists(&r) => {
                        reference = r;
                        break;
                    }
                    Ok(_) => continue,
                    Err(e) => return failed(ctx.lang, "make reference", &e),
                }
            }
            let mut session = super::submit::session_of(&state.q, &d, &reference, &at);
            if let Err(e) = state.target.store(&mut session, &state.q) {
                return failed(ctx.lang, "store submission", &e);
            }
            d.sent_as = Some(reference);
            d.sent_at = Some(at);
            d.expires = now + SENT_TTL_HOURS * 3600;
            if let Err(e) = state.drafts.save(code, &mut d, &state.q, now) {
                // Sent all the same: the receipt cannot be shown again.
                return failed(ctx.lang, "mark draft sent", &e);
            }
            see_other("/receipt")
        })
    })
    .await
}

fn company_doc(state: &AppState, d: &Draft, lang: Lang) -> Option<crate::export::doc::CompanyDoc> {
    let input = Input {
        questionnaire: &state.q,
        answers: &d.answers,
        meta: None,
        lang: lang.code(),
    };
    export::doc::company_doc(&input, &Options::default()).ok()
}

pub async fn receipt(State(state): St, headers: HeaderMap) -> Response {
    blocking(state, headers, |state, ctx| {
        with_draft(state, &ctx, true, |_, d| {
            let (Some(reference), Some(at)) = (&d.sent_as, &d.sent_at) else {
                return see_other("/check");
            };
            let doc = company_doc(state, &d, ctx.lang);
            ctx.page(
                StatusCode::OK,
                pages::receipt::receipt(ctx.lang, &state.q, reference, at, doc.as_ref()),
            )
        })
    })
    .await
}

/// The company's summary as a file (the same HTML as `export --company`).
pub async fn summary(State(state): St, headers: HeaderMap) -> Response {
    blocking(state, headers, |state, ctx| {
        with_draft(state, &ctx, true, |_, d| {
            let input = Input {
                questionnaire: &state.q,
                answers: &d.answers,
                meta: None,
                lang: ctx.lang.code(),
            };
            let html = match export::company_summary_with(&input, Format::Html, &Options::default()) {
                Ok(h) => h,
                Err(e) => return failed(ctx.lang, "company summary", &e),
            };
            let name = export::file_name(&[words::words(ctx.lang).summary_file, d.answers.company.name.as_deref().unwrap_or("")], Format::Html);
            let csp = format!(
                "default-src 'none'; style-src '{}'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
                style_hash(&html)
            );
            let mut r = html.into_response();
            let h = r.headers_mut();
            h.insert(header::CONTENT_TYPE, HeaderValue::from_static("text/html; charset=utf-8"));
            if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{name}\"")) {
                h.insert(header::CONTENT_DISPOSITION, v);
            }
            if let Ok(v) = HeaderValue::from_str(&csp) {
                h.insert(header::CONTENT_SECURITY_POLICY, v);
            }
            r
        })
    })
    .await
}

/// `sha256-…` of the document's one `<style>` element, for its CSP.
fn style_hash(html: &str) -> String {
    use base64::Engine as _;
    use sha2::Digest as _;
    let css = html
        .split_once("<style>")
        .and_then(|(_, rest)| rest.split_once("</style>"))
        .map_or("", |(css, _)| css);
    let digest = sha2::Sha256::digest(css.as_bytes());
    format!(
        "sha256-{}",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

pub async fn resume(State(state): St, headers: HeaderMap, RawQuery(raw): RawQuery) -> Response {
    let code = query_value(raw.as_deref(), "code");
    blocking(state, headers, move |state, ctx| {
        // The link's code only fills the field: resuming is a POST.
        let typed = code
            .as_deref()
            .and_then(Code::parse)
            .map(|c| c.grouped())
            .unwrap_or_default();
        ctx.page(
            StatusCode::OK,
            pages::start::resume(ctx.lang, &state.q, &ctx.token, &typed, &[]),
        )
    })
    .await
}

pub async fn resume_post(State(state): St, headers: HeaderMap, body: Bytes) -> Response {
    posted(state, headers, body, move |state, ctx, form| {
        let typed = form.get("code").unwrap_or_default();
        let found = Code::parse(typed).and_then(|code| {
            let d = state
                .drafts
                .locked(&code, || {
                    state.drafts.load(&code, &state.q, crate::time::now_secs())
                })
                .ok()??;
            Some((code, d))
        });
        match found {
            Some((code, d)) => {
                let next = match d.sent_as {
                    Some(_) => "/receipt".to_string(),
                    None => flow::resume_at(&state.q, &d).path(&state.q),
                };
                let mut r = see_other(&next);
                http::set_cookie(
                    &mut r,
                    &ctx.headers,
                    DRAFT_COOKIE,
                    code.as_str(),
                    TTL_DAYS * 86_400,
                );
                r
            }
            None => {
                let w = words::words(ctx.lang);
                let errors = [flow::FieldError {
                    target: "code".into(),
                    key: "code".into(),
                    message: if typed.trim().is_empty() {
                        w.code_missing
                    } else {
                        w.code_wrong
                    }
                    .to_string(),
                }];
                let m = pages::start::resume(ctx.lang, &state.q, &ctx.token, typed, &errors);
                ctx.page(StatusCode::UNPROCESSABLE_ENTITY, m)
            }
        }
    })
    .await
}

/// The language switch: a cookie, and back to the page (only a path on
/// this site).
pub async fn lang(
    State(state): St,
    headers: HeaderMap,
    Path(code): Path<String>,
    RawQuery(raw): RawQuery,
) -> Response {
    let Some(lang) = Lang::from_code(&code).filter(|l| l.code() == code) else {
        return error(http::lang_of(&headers, &state), StatusCode::NOT_FOUND);
    };
    let next = query_value(raw.as_deref(), "next")
        .filter(|n| {
            n.starts_with('/') && !n.starts_with("//") && !n.contains('\\') && n.len() < 200
        })
        .unwrap_or_else(|| "/".into());
    let mut r = see_other(&next);
    http::set_cookie(&mut r, &headers, LANG_COOKIE, lang.code(), 365 * 86_400);
    r
}

pub async fn health() -> &'static str {
    "ok\n"
}

pub async fn not_found(State(state): St, headers: HeaderMap) -> Response {
    error(http::lang_of(&headers, &state), StatusCode::NOT_FOUND)
}
