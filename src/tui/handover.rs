//! The hand-over from a company's self-assessment to the advisor, as the
//! wizard shows it: which answers came from the company. The hand-over
//! file itself is [`crate::export::handover`]; the import and the
//! referral requests it carries are the store's
//! ([`crate::session::Store::import`], [`Session::pending_requests`]).

use crate::session::Session;

/// True when question `id`'s answer is the company's own (from its
/// self-assessment, not changed since the import).
pub fn from_company(s: &Session, id: &str) -> bool {
    let m = &s.meta;
    if !m.self_answers.iter().any(|x| x == id) {
        return false;
    }
    let since = m.imported_at.as_deref().unwrap_or("");
    !m.history
        .iter()
        .any(|h| h.question == id && h.at.as_str() > since)
}
