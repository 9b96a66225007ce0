//! The report as data: what the JSON output is, and what the other formats
//! render.

use std::collections::BTreeMap;

use serde::Serialize;

/// A count, or null when suppressed (fewer than `min_group`, but not zero).
pub type Count = Option<u64>;

#[derive(Debug, Clone, Serialize)]
pub struct AreaRef {
    pub id: String,
    pub title: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct AreaStat {
    pub area: String,
    /// Assessments in the group where the area's need is known.
    pub n: Count,
    /// Mean need 0–100 (one decimal), null when suppressed or unknown.
    pub mean: Option<f64>,
    /// Share (percent, one decimal) with need >= 67.
    pub high_share: Option<f64>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Group {
    pub key: String,
    pub label: String,
    pub assessments: Count,
    pub suppressed: bool,
    pub areas: Vec<AreaStat>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Breakdown {
    /// `all`, `industry`, `size` or `municipality`.
    pub dimension: String,
    pub groups: Vec<Group>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ActorStat {
    pub id: String,
    pub name: String,
    pub recommended: Count,
    pub consent: Count,
    pub recommended_with_consent: Count,
    /// Recommendations by size class (`SIZE_CLASSES` order).
    pub recommended_by_size: Vec<Count>,
    /// Recommendations by SNI section letter (`?` = unknown industry).
    pub recommended_by_industry: BTreeMap<String, Count>,
}

#[derive(Debug, Clone, Serialize)]
pub struct UnknownStat {
    pub question: String,
    pub text: String,
    pub unknown: Count,
    /// Assessments in which the question was shown.
    pub shown: u64,
    pub share: Option<f64>,
}

#[derive(Debug, Clone, Serialize)]
pub struct FollowUpArea {
    pub area: String,
    pub n: Count,
    pub first_mean: Option<f64>,
    pub latest_mean: Option<f64>,
    pub change: Option<f64>,
    /// Companies whose need fell by 10 points or more.
    pub improved: Count,
    /// Companies whose need rose by 10 points or more.
    pub worsened: Count,
}

#[derive(Debug, Clone, Serialize)]
pub struct FollowUp {
    /// Companies with at least two visits.
    pub companies: Count,
    pub suppressed: bool,
    pub mean_days_between: Option<f64>,
    pub areas: Vec<FollowUpArea>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Files {
    pub assessments: u64,
    pub unreadable: u64,
    pub other_questionnaire: u64,
    pub filtered_out: u64,
}

#[derive(Debug, Clone, Serialize)]
pub struct Filters {
    pub from: Option<String>,
    pub to: Option<String>,
    pub municipality: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Stats {
    pub kind: &'static str,
    pub format_version: u32,
    pub date: String,
    pub language: String,
    pub questionnaire: crate::export::doc::QuestionnaireRef,
    pub min_group: u64,
    pub filters: Filters,
    pub files: Files,
    pub assessments: u64,
    pub advisor_visits: Count,
    pub self_assessments: Count,
    pub areas: Vec<AreaRef>,
    pub needs: Vec<Breakdown>,
    pub actors: Vec<ActorStat>,
    pub unknown_questions: Vec<UnknownStat>,
    pub follow_up: FollowUp,
}
