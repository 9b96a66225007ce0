//! The region's anonymised statistics over all saved sessions
//! (`behovsanalys report`).
//!
//! Streaming: worker threads pull one directory entry (or a batch of texts
//! from another store) at a time, parse and score it, and keep a small
//! numeric record per session ([`collect`]). [`link`] works out companies,
//! kinds of session, the session that stands for each company in the needs
//! and the follow-ups; [`summary`] makes every figure a cell of the
//! disclosure control ([`disclosure`]: primary and secondary suppression)
//! and builds the output model ([`model`]) from what may be published; the
//! `render_*` modules write it as Markdown, CSV or HTML (JSON is the model
//! serialised). No company name or organisation number reaches the output.

mod collect;
mod disclosure;
mod link;
pub mod model;
mod render_csv;
mod render_html;
mod render_md;
mod render_svg;
mod render_tables;
mod sets;
mod summary;

pub use collect::{compute, compute_stream};
pub use model::*;

use crate::time::Date;

/// A need at or above this is "high".
pub const HIGH_NEED: f64 = 67.0;
/// Size classes in order; the last is "unknown".
pub const SIZE_CLASSES: [&str; 5] = ["0-9", "10-49", "50-249", "250+", "unknown"];
/// Most distinct municipalities counted separately; the rest are pooled.
pub(crate) const MAX_MUNICIPALITIES: usize = 2000;
/// Most "vet ej" questions listed.
pub(crate) const TOP_UNKNOWN: usize = 10;
/// Most referral records read from one session.
pub(crate) const MAX_REFERRALS_PER_SESSION: usize = 200;

#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    /// The sessions folder does not exist: a data directory given by
    /// mistake, or one where nothing was ever saved.
    #[error("there is no sessions folder in {0}: is it the data directory?")]
    NoSessions(String),
    #[error("cannot list {path}: {err}")]
    List { path: String, err: std::io::Error },
    #[error("the period ends ({to}) before it starts ({from})")]
    Reversed { from: Date, to: Date },
    #[error("--min-group must be at least 1")]
    MinGroup,
    /// Reading the sessions from their source (the shared store) failed.
    /// Reading the sessions from their source (a shared store) failed.
    #[error("{0}")]
    Source(String),
}

/// What to include and how to show it.
#[derive(Debug, Clone)]
pub struct ReportOptions {
    pub min_group: u64,
    /// Only sessions updated (else created) on or after this Swedish date.
    pub from: Option<Date>,
    /// Only sessions updated (else created) on or before this Swedish date.
    pub to: Option<Date>,
    pub municipality: Option<String>,
    /// The report's date (default: today in Sweden).
    pub date: Option<Date>,
    /// When referrals are judged (epoch seconds): events after it do not
    /// count. Default: the end of `date` when it is given, else now.
    pub as_of: Option<i64>,
    /// The language of the report (a code of the questionnaire's texts).
    pub lang: String,
    /// Worker threads (default: available parallelism, at most 8).
    pub threads: Option<usize>,
}

impl Default for ReportOptions {
    fn default() -> Self {
        ReportOptions {
            min_group: 5,
            from: None,
            to: None,
            municipality: None,
            date: None,
            as_of: None,
            lang: crate::i18n::Lang::Sv.code().into(),
            threads: None,
        }
    }
}

/// Output formats of the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportFormat {
    Md,
    Csv,
    Json,
    Html,
}

/// The report as text in a format.
pub fn render(stats: &Stats, format: ReportFormat) -> String {
    match format {
        ReportFormat::Md => render_md::md_report(stats),
        ReportFormat::Csv => render_csv::csv_report(stats),
        ReportFormat::Html => render_html::html_report(stats),
        ReportFormat::Json => {
            let mut s = serde_json::to_string_pretty(stats).unwrap_or_default();
            s.push('\n');
            s
        }
    }
}
