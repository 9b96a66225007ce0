//! "Has anyone met this company?": earlier visits to a company, by its
//! organisation number, from the sessions on this laptop (which hold what
//! the last sync pulled from the region), with the referrals made then.

use crate::questionnaire::Questionnaire;
use crate::scoring;
use crate::session::Store;
use crate::text::Text;

use super::local::org_key;

/// An earlier visit to the company.
#[derive(Debug, Clone, PartialEq)]
pub struct EarlierVisit {
    pub id: String,
    pub company: Option<String>,
    /// RFC 3339.
    pub updated: String,
    /// Attendees' organisations (who met the company).
    pub met_by: Vec<String>,
    /// Actors recommended then with the company's consent: referrals, by
    /// name in each language (shown in the language of the screen).
    pub referrals: Vec<Text>,
}

/// Visits to the company with this organisation number, newest first,
/// except `except` (the session being filled in).
pub fn earlier_visits(
    store: &Store,
    q: &Questionnaire,
    org_number: &str,
    except: Option<&str>,
) -> Vec<EarlierVisit> {
    let Some(key) = org_key(org_number) else {
        return Vec::new();
    };
    let Ok(listing) = store.list(q) else {
        return Vec::new();
    };
    listing
        .sessions
        .iter()
        .filter(|s| Some(s.id.as_str()) != except)
        .filter(|s| s.org_number.as_deref().and_then(org_key).as_deref() == Some(key.as_str()))
        .filter_map(|s| {
            let (session, _) = store.load(&s.id, q).ok()?;
            let eval = scoring::evaluate_lean(q, &session.answers.answers);
            let referrals = q
                .actors
                .iter()
                .enumerate()
                .filter(|(i, a)| {
                    eval.referral(*i).is_some_and(|r| r.recommended)
                        && session.answers.consent.get(&a.id) == Some(&true)
                })
                .map(|(_, a)| a.name.clone())
                .collect();
            let mut met_by: Vec<String> = session
                .meta
                .attendees
                .iter()
                .map(|a| a.organisation.clone())
                .filter(|o| !o.is_empty())
                .collect();
            met_by.dedup();
            Some(EarlierVisit {
                id: s.id.clone(),
                company: s.company.clone(),
                updated: s.updated.clone(),
                met_by,
                referrals,
            })
        })
        .collect()
}
