//! What a handler reads from a request (cookies, the language, the host)
//! and the cookies it sets.

use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::Response;

use crate::i18n::Lang;

use super::AppState;
use super::codes::Code;

/// The cookie that holds the resume code of the company's draft.
pub const DRAFT_COOKIE: &str = "ba_draft";
/// The cookie of the form token (double submit).
pub const CSRF_COOKIE: &str = "ba_csrf";
/// The language chosen with the switch.
pub const LANG_COOKIE: &str = "ba_lang";

/// The value of cookie `name`.
pub fn cookie<'a>(h: &'a HeaderMap, name: &str) -> Option<&'a str> {
    h.get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|kv| kv.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.trim())
}

/// The language: the switch's cookie, else the browser's
/// `Accept-Language` (the first of Swedish and English by preference),
/// else the questionnaire's first language.
pub fn lang_of(h: &HeaderMap, state: &AppState) -> Lang {
    if let Some(l) = cookie(h, LANG_COOKIE).and_then(Lang::from_code) {
        return l;
    }
    accept_language(h).unwrap_or_else(|| Lang::of_content(state.q.default_lang()))
}

/// The preferred one of our languages in `Accept-Language`.
fn accept_language(h: &HeaderMap) -> Option<Lang> {
    let v = h.get(header::ACCEPT_LANGUAGE)?.to_str().ok()?;
    let mut best: Option<(f32, Lang)> = None;
    for (i, part) in v.split(',').enumerate().take(20) {
        let mut it = part.split(';');
        let tag = it.next().unwrap_or("").trim();
        let q = it
            .find_map(|p| p.trim().strip_prefix("q="))
            .and_then(|q| q.parse::<f32>().ok())
            .unwrap_or(1.0);
        let Some(lang) = Lang::from_code(tag) else {
            continue;
        };
        // Earlier entries win ties.
        let score = q - i as f32 * 1e-4;
        if q > 0.0 && best.is_none_or(|(b, _)| score > b) {
            best = Some((score, lang));
        }
    }
    best.map(|(_, l)| l)
}

/// The company's resume code from its cookie.
pub fn draft_code(h: &HeaderMap) -> Option<Code> {
    cookie(h, DRAFT_COOKIE).and_then(Code::parse)
}

/// Whether cookies must be `Secure`: always, except on a loopback host
/// reached over plain HTTP (trying the server on one's own machine).
pub fn secure_cookies(h: &HeaderMap) -> bool {
    if super::guard::forwarded_https(h) {
        return true;
    }
    let host = h
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let name = match host.rsplit_once(':') {
        Some((n, port)) if port.bytes().all(|b| b.is_ascii_digit()) => n,
        _ => host,
    };
    !matches!(name, "localhost" | "127.0.0.1" | "[::1]")
}

/// Adds a `Set-Cookie`: HttpOnly, SameSite=Strict, Path=/, Secure unless
/// on loopback over HTTP; `max_age` in seconds (0 removes it).
pub fn set_cookie(res: &mut Response, h: &HeaderMap, name: &str, value: &str, max_age: i64) {
    let secure = if secure_cookies(h) { "; Secure" } else { "" };
    let c = format!("{name}={value}; Path=/; Max-Age={max_age}; HttpOnly; SameSite=Strict{secure}");
    if let Ok(v) = HeaderValue::from_str(&c) {
        res.headers_mut().append(header::SET_COOKIE, v);
    }
}

/// The host the company reached, for the resume link.
pub fn host(h: &HeaderMap, trust_proxy: bool) -> String {
    let forwarded = trust_proxy
        .then(|| h.get("x-forwarded-host"))
        .flatten()
        .and_then(|v| v.to_str().ok());
    let host = forwarded
        .or_else(|| h.get(header::HOST).and_then(|v| v.to_str().ok()))
        .unwrap_or("localhost");
    // Only what a host name can hold (it is printed into the page).
    host.chars()
        .filter(|c| c.is_ascii_alphanumeric() || "-.:[]".contains(*c))
        .take(255)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_language_picks_by_weight() {
        let mut h = HeaderMap::new();
        h.insert(
            header::ACCEPT_LANGUAGE,
            HeaderValue::from_static("de-DE, en;q=0.8, sv;q=0.9"),
        );
        assert_eq!(accept_language(&h), Some(Lang::Sv));
        h.insert(
            header::ACCEPT_LANGUAGE,
            HeaderValue::from_static("en-GB,en;q=0.9,sv;q=0.9"),
        );
        assert_eq!(accept_language(&h), Some(Lang::En));
        h.insert(header::ACCEPT_LANGUAGE, HeaderValue::from_static("fi"));
        assert_eq!(accept_language(&h), None);
    }

    #[test]
    fn cookies_are_read_and_secure_off_loopback() {
        let mut h = HeaderMap::new();
        h.insert(header::COOKIE, HeaderValue::from_static("a=1; ba_lang=en"));
        assert_eq!(cookie(&h, LANG_COOKIE), Some("en"));
        h.insert(header::HOST, HeaderValue::from_static("127.0.0.1:8080"));
        assert!(!secure_cookies(&h));
        h.insert(
            header::HOST,
            HeaderValue::from_static("behovsanalys.example.se"),
        );
        assert!(secure_cookies(&h));
    }
}
