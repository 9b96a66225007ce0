//! `behovsanalys serve`: the company's self-assessment as an accessible
//! web form — the only part of the program that knows HTTP.
//!
//! Server-rendered HTML that works without JavaScript: conditions are
//! evaluated here, one section per page, "check your answers" before
//! sending; Swedish and English. A draft is saved on every page and can
//! be resumed with a code; sending makes it a session in the configured
//! store, as an imported hand-over file (see [`submit`]).
//!
//! - [`codes`]: resume codes, form tokens, references;
//! - [`draft`]: drafts on disk (by the hash of their code), expiry;
//! - [`flow`]: the steps and what a posted page changes;
//! - [`submit`]: a sent draft as a session in the store;
//! - [`guard`]: security headers, rate limit, access log;
//! - [`http`]: cookies, language, host;
//! - [`pages`]: the maud templates; [`assets`]: CSS and the small script;
//! - [`handlers`]: the routes.

pub mod assets;
pub mod codes;
pub mod draft;
pub mod flow;
pub mod guard;
mod handlers;
pub mod http;
pub mod pages;
pub mod submit;

use std::net::SocketAddr;
use std::sync::Arc;

use axum::Router;
use axum::routing::{get, post};

use crate::questionnaire::Questionnaire;

/// Largest request body accepted (413 beyond): a section's text answers
/// at their longest fit with room to spare.
pub const MAX_BODY: usize = 256 * 1024;

/// How the server runs.
#[derive(Debug, Clone)]
pub struct Config {
    /// Believe `X-Forwarded-For` / `X-Forwarded-Host` (behind a reverse
    /// proxy that sets them); never on a server reached directly.
    pub trust_proxy: bool,
    /// Requests per minute per client (0: no limit).
    pub rate_per_minute: u32,
    /// One JSON line per request on stderr.
    pub access_log: bool,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            trust_proxy: false,
            rate_per_minute: 120,
            access_log: true,
        }
    }
}

/// What every request shares.
pub struct AppState {
    pub q: Questionnaire,
    pub drafts: draft::Drafts,
    pub target: submit::Target,
    pub limit: guard::RateLimit,
    pub config: Config,
}

impl AppState {
    pub fn new(
        q: Questionnaire,
        drafts: draft::Drafts,
        target: submit::Target,
        config: Config,
    ) -> AppState {
        AppState {
            q,
            drafts,
            target,
            limit: guard::RateLimit::new(config.rate_per_minute),
            config,
        }
    }
}

/// Every route, with the body limit and the guard around them.
pub fn router(state: Arc<AppState>) -> Router {
    use handlers as h;
    Router::new()
        .route("/", get(h::start))
        .route("/start", post(h::start_post))
        .route("/code", get(h::code))
        .route("/company", get(h::company).post(h::company_post))
        .route("/section/{id}", get(h::section).post(h::section_post))
        .route("/consent", get(h::consent).post(h::consent_post))
        .route("/check", get(h::check))
        .route("/submit", post(h::submit))
        .route("/receipt", get(h::receipt))
        .route("/summary.html", get(h::summary))
        .route("/resume", get(h::resume).post(h::resume_post))
        .route("/lang/{lang}", get(h::lang))
        .route(assets::CSS_PATH, get(assets::css))
        .route(assets::JS_PATH, get(assets::js))
        .route("/health", get(h::health))
        .fallback(h::not_found)
        .layer(tower_http::limit::RequestBodyLimitLayer::new(MAX_BODY))
        .layer(axum::extract::DefaultBodyLimit::max(MAX_BODY))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            guard::layer,
        ))
        .with_state(state)
}

/// Serves until `shutdown` completes; expired drafts are removed every
/// hour meanwhile.
pub async fn serve(
    listener: tokio::net::TcpListener,
    state: Arc<AppState>,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let sweeper = {
        let state = state.clone();
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(std::time::Duration::from_secs(3600));
            loop {
                tick.tick().await;
                let s = state.clone();
                let _ =
                    tokio::task::spawn_blocking(move || s.drafts.sweep(crate::time::now_secs()))
                        .await;
            }
        })
    };
    let app = router(state).into_make_service_with_connect_info::<SocketAddr>();
    let r = axum::serve(listener, app)
        .with_graceful_shutdown(shutdown)
        .await;
    sweeper.abort();
    r
}
