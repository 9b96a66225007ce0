//! What every response gets and every request passes: security headers,
//! a rate limit per client, and one JSON access-log line per request.

use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};
use std::sync::{Arc, Mutex};
use std::time::Instant;

use axum::extract::{ConnectInfo, MatchedPath, Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::AppState;

/// The Content-Security-Policy of every page: nothing but this server's
/// own files, no inline script or style, no framing, forms only to here.
pub const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; \
font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; \
base-uri 'none'; object-src 'none'";

/// Sets the security headers on a response (unless the handler set its
/// own Content-Security-Policy, as the downloaded summary does).
pub fn secure_headers(h: &mut HeaderMap, https: bool) {
    let set = |h: &mut HeaderMap, k: header::HeaderName, v: &'static str| {
        if !h.contains_key(&k) {
            h.insert(k, HeaderValue::from_static(v));
        }
    };
    set(h, header::CONTENT_SECURITY_POLICY, CSP);
    set(h, header::X_CONTENT_TYPE_OPTIONS, "nosniff");
    set(h, header::REFERRER_POLICY, "no-referrer");
    set(h, header::X_FRAME_OPTIONS, "DENY");
    set(
        h,
        header::HeaderName::from_static("permissions-policy"),
        "camera=(), microphone=(), geolocation=(), payment=(), usb=(), fullscreen=()",
    );
    set(
        h,
        header::HeaderName::from_static("cross-origin-opener-policy"),
        "same-origin",
    );
    set(
        h,
        header::HeaderName::from_static("cross-origin-resource-policy"),
        "same-origin",
    );
    set(h, header::CACHE_CONTROL, "no-store");
    if https {
        set(
            h,
            header::STRICT_TRANSPORT_SECURITY,
            "max-age=31536000; includeSubDomains",
        );
    }
}

/// Whether the request reached the proxy over HTTPS (`X-Forwarded-Proto`
/// or `Forwarded: proto=https`, as a TLS-terminating proxy sets it).
pub fn forwarded_https(h: &HeaderMap) -> bool {
    let xfp = h
        .get("x-forwarded-proto")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| {
            v.split(',')
                .next()
                .is_some_and(|p| p.trim().eq_ignore_ascii_case("https"))
        });
    let fwd = h
        .get(header::FORWARDED)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.to_ascii_lowercase().contains("proto=https"));
    xfp || fwd
}

/// The client's address: the peer's, or behind a trusted proxy the last
/// address of `X-Forwarded-For` (the one the proxy itself saw; earlier
/// entries can be written by anyone).
pub fn client_ip(h: &HeaderMap, peer: IpAddr, trust_proxy: bool) -> IpAddr {
    if !trust_proxy {
        return peer;
    }
    h.get("x-forwarded-for")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.rsplit(',').next())
        .and_then(|ip| ip.trim().parse().ok())
        .unwrap_or(peer)
}

/// A token bucket per client address: `burst` requests at once, refilled
/// at `per_second`. Buckets that are full again are forgotten, so memory
/// stays bounded by the clients of the last minute or so.
pub struct RateLimit {
    burst: f64,
    per_second: f64,
    buckets: Mutex<HashMap<IpAddr, (f64, Instant)>>,
}

impl RateLimit {
    pub fn new(per_minute: u32) -> RateLimit {
        let per_second = f64::from(per_minute) / 60.0;
        RateLimit {
            burst: (f64::from(per_minute) / 2.0).max(10.0),
            per_second,
            buckets: Mutex::new(HashMap::new()),
        }
    }

    /// Takes a token for `ip`; `Err(seconds)` to wait when there is none.
    pub fn take(&self, ip: IpAddr) -> Result<(), u64> {
        if self.per_second <= 0.0 {
            return Ok(());
        }
        let now = Instant::now();
        let mut b = self
            .buckets
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if b.len() > 10_000 {
            let (burst, rate) = (self.burst, self.per_second);
            b.retain(|_, (tokens, at)| {
                *tokens + now.duration_since(*at).as_secs_f64() * rate < burst
            });
        }
        let (tokens, at) = b.entry(ip).or_insert((self.burst, now));
        *tokens =
            (*tokens + now.duration_since(*at).as_secs_f64() * self.per_second).min(self.burst);
        *at = now;
        if *tokens >= 1.0 {
            *tokens -= 1.0;
            Ok(())
        } else {
            Err(((1.0 - *tokens) / self.per_second).ceil() as u64)
        }
    }
}

/// The outermost layer: rate limit, security headers, access log.
pub async fn layer(
    State(state): State<Arc<AppState>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    req: Request,
    next: Next,
) -> Response {
    let started = Instant::now();
    let method = req.method().clone();
    // The route's template (`/section/{id}`), never the raw path: no ids,
    // codes or query strings in the log.
    let path = req
        .extensions()
        .get::<MatchedPath>()
        .map_or("(unmatched)", |m| m.as_str())
        .to_string();
    let https = forwarded_https(req.headers());
    let ip = client_ip(req.headers(), peer.ip(), state.config.trust_proxy);
    let lang = super::http::lang_of(req.headers(), &state);
    let mut res = match state.limit.take(ip) {
        Ok(()) => next.run(req).await,
        Err(wait) => {
            let mut r = super::pages::error::page(lang, StatusCode::TOO_MANY_REQUESTS);
            if let Ok(v) = HeaderValue::from_str(&wait.to_string()) {
                r.headers_mut().insert(header::RETRY_AFTER, v);
            }
            r
        }
    };
    // What the framework answers by itself (an empty 413 from the body
    // limit, 405, a 400 for an unreadable path) in plain text: the plain
    // page instead, never an internal message.
    let status = res.status();
    let html = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    if (status.is_client_error() || status.is_server_error()) && !html {
        let allow = res.headers().get(header::ALLOW).cloned();
        res = status_page(lang, status);
        if let Some(a) = allow {
            res.headers_mut().insert(header::ALLOW, a);
        }
    }
    secure_headers(res.headers_mut(), https);
    let line = serde_json::json!({
        "t": crate::time::now_rfc3339(),
        "method": method.as_str(),
        "path": path,
        "status": res.status().as_u16(),
        "ms": (started.elapsed().as_secs_f64() * 1000.0 * 100.0).round() / 100.0,
    });
    if state.config.access_log {
        eprintln!("{line}");
    }
    res
}

/// The plain page for a request that is refused before any handler: an
/// oversized body (413) keeps the security headers through [`layer`].
pub fn status_page(lang: crate::i18n::Lang, status: StatusCode) -> Response {
    super::pages::error::page(lang, status).into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn buckets_refill_and_refuse() {
        let r = RateLimit::new(60);
        let ip: IpAddr = "127.0.0.9".parse().unwrap();
        let other: IpAddr = "127.0.0.10".parse().unwrap();
        for _ in 0..30 {
            assert!(r.take(ip).is_ok());
        }
        assert!(r.take(ip).is_err());
        assert!(r.take(other).is_ok());
        assert!(RateLimit::new(0).take(ip).is_ok());
    }

    #[test]
    fn proxies_are_believed_only_when_trusted() {
        let mut h = HeaderMap::new();
        h.insert(
            "x-forwarded-for",
            HeaderValue::from_static("6.6.6.6, 10.0.0.7"),
        );
        let peer: IpAddr = "127.0.0.1".parse().unwrap();
        assert_eq!(client_ip(&h, peer, false), peer);
        assert_eq!(
            client_ip(&h, peer, true),
            "10.0.0.7".parse::<IpAddr>().unwrap()
        );
        h.insert("x-forwarded-proto", HeaderValue::from_static("https"));
        assert!(forwarded_https(&h));
    }
}
