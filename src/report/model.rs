//! The report as data: what the JSON output is (schema version
//! [`SCHEMA_VERSION`]), and what the other formats render. Every count that
//! is `null` is suppressed (see [`super::disclosure`]); the renderers get
//! only this model, so no format can show more than the JSON.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// The version of the report's JSON and CSV layout.
pub const SCHEMA_VERSION: u32 = 3;

/// A count, or null when suppressed.
pub type Count = Option<u64>;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AreaRef {
    pub id: String,
    pub title: String,
}

/// Counts of the selection: companies, sessions by kind, complete and
/// partial. The additive relations are listed in docs/EXPORT.md.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Counts {
    /// Distinct companies with at least one counted session.
    pub companies: Count,
    /// Sessions counted: visits + follow-up visits + self-assessments not
    /// imported = complete + partial.
    pub sessions: Count,
    pub visits: Count,
    pub follow_up_visits: Count,
    /// Self-assessments: imported at a visit + not imported.
    pub self_assessments: Count,
    pub self_assessments_imported: Count,
    pub self_assessments_not_imported: Count,
    pub complete: Count,
    pub partial: Count,
    /// Companies with at least one follow-up visit.
    pub companies_with_follow_up: Count,
    /// Sessions without a single answer: not counted anywhere else.
    pub empty_sessions: Count,
}

/// Files the report could not use (technical counts, never suppressed:
/// they do not depend on the selection).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Files {
    pub unreadable: u64,
    pub other_questionnaire: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Filters {
    pub from: Option<String>,
    pub to: Option<String>,
    pub municipality: Option<String>,
}

/// One group of a breakdown of the companies reached.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CompanyGroup {
    pub key: String,
    pub label: String,
    pub companies: Count,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CompanyBreakdown {
    /// `municipality`, `industry` or `size`.
    pub dimension: String,
    pub groups: Vec<CompanyGroup>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AreaStat {
    pub area: String,
    /// Companies in the group whose need in the area is known.
    pub n: Count,
    /// Mean need 0–100 (one decimal); null when suppressed.
    pub mean: Option<f64>,
    /// Percentage (one decimal) with a need ≥ 67.
    pub high_share: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Group {
    pub key: String,
    pub label: String,
    /// Companies of the group in the needs statistics.
    pub companies: Count,
    pub suppressed: bool,
    pub areas: Vec<AreaStat>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Breakdown {
    /// `all`, `industry`, `size` or `municipality`.
    pub dimension: String,
    pub groups: Vec<Group>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActorStat {
    pub id: String,
    pub name: String,
    /// Companies for which the actor was recommended.
    pub recommended: Count,
    pub consent: Count,
    pub recommended_with_consent: Count,
    /// Recommendations by size class (`SIZE_CLASSES` order).
    pub recommended_by_size: Vec<Count>,
    /// Recommendations by SNI section letter (`?` = unknown industry).
    pub recommended_by_industry: BTreeMap<String, Count>,
}

/// Outcomes of the referrals sent; `open` have none yet.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Outcomes {
    pub helped: Count,
    pub not_relevant: Count,
    pub declined: Count,
    pub no_answer: Count,
    pub open: Count,
}

/// The referrals sent to one actor (or to all: `id = "all"`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReferralStat {
    pub id: String,
    pub name: String,
    pub sent: Count,
    pub contacted: Count,
    /// Referrals whose 24 hours had passed (or that were contacted within
    /// them) at `as_of`: the base of the share.
    pub due_24h: Count,
    pub contacted_within_24h: Count,
    /// Percentage (one decimal) of `due_24h` contacted within 24 hours.
    pub share_within_24h: Option<f64>,
    /// Median time from sent to contact, in hours (one decimal).
    pub median_hours_to_contact: Option<f64>,
    pub outcomes: Outcomes,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Referrals {
    /// The time the 24 hours are judged at (RFC 3339): the end of the
    /// report's date, or now. Events after it are not counted.
    pub as_of: String,
    /// Calendar hours, not business hours.
    pub window_hours: u32,
    pub actors: Vec<ReferralStat>,
    pub total: ReferralStat,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UnknownStat {
    pub question: String,
    pub text: String,
    pub unknown: Count,
    /// Sessions in which the question was shown.
    pub shown: Count,
    pub share: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FollowUpArea {
    pub area: String,
    /// Companies whose first and latest visit both have a need in the area.
    pub n: Count,
    pub first_mean: Option<f64>,
    pub latest_mean: Option<f64>,
    pub change: Option<f64>,
    /// Companies whose need fell by 10 points or more.
    pub improved: Count,
    /// Companies whose need rose by 10 points or more.
    pub worsened: Count,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FollowUp {
    /// Companies with two or more visits in the selection.
    pub companies: Count,
    pub mean_days_between: Option<f64>,
    pub areas: Vec<FollowUpArea>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuestionnaireRef {
    pub id: String,
    pub version: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Stats {
    pub kind: String,
    pub schema_version: u32,
    /// The same as `schema_version` (earlier reports had only this field).
    pub format_version: u32,
    pub date: String,
    pub language: String,
    pub questionnaire: QuestionnaireRef,
    pub min_group: u64,
    pub filters: Filters,
    pub files: Files,
    pub counts: Counts,
    pub companies: Vec<CompanyBreakdown>,
    /// The need areas (weighed by at least one actor), in questionnaire order.
    pub areas: Vec<AreaRef>,
    /// Areas no actor weighs (context such as experience): not needs.
    pub context_areas: Vec<AreaRef>,
    pub needs: Vec<Breakdown>,
    pub actors: Vec<ActorStat>,
    pub referrals: Referrals,
    pub unknown_questions: Vec<UnknownStat>,
    pub follow_up: FollowUp,
}
