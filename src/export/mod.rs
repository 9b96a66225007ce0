//! Referral summaries (per actor, only with consent), the company's own
//! summary, and the region's anonymised statistics.
//!
//! This is the stable entry point used by both the `export` command and the
//! wizard's summary screen.

use std::path::{Path, PathBuf};

use crate::answers::AnswersFile;
use crate::questionnaire::Questionnaire;
use crate::scoring;
use crate::session::Meta;

/// Output formats of a referral summary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Md,
    Html,
    Json,
    Csv,
}

impl Format {
    pub fn extension(self) -> &'static str {
        match self {
            Format::Md => "md",
            Format::Html => "html",
            Format::Json => "json",
            Format::Csv => "csv",
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("there is no actor `{0}` in the questionnaire")]
    UnknownActor(String),
    #[error("the company has not consented to sending its data to {0}; record consent first")]
    NoConsent(String),
    #[error("{0} already exists; use --force to overwrite it")]
    Exists(String),
    #[error("cannot write {path}: {err}")]
    Io { path: String, err: std::io::Error },
}

/// What a summary is made from.
pub struct Input<'a> {
    pub questionnaire: &'a Questionnaire,
    pub answers: &'a AnswersFile,
    /// Session metadata when the answers come from a saved session.
    pub meta: Option<&'a Meta>,
    pub lang: &'a str,
}

/// The referral summary for one actor. Refuses without consent for it.
pub fn referral(input: &Input<'_>, actor_id: &str, format: Format) -> Result<String, ExportError> {
    let q = input.questionnaire;
    let actor = q
        .actor(actor_id)
        .ok_or_else(|| ExportError::UnknownActor(actor_id.to_string()))?;
    if input.answers.consent.get(actor_id) != Some(&true) {
        return Err(ExportError::NoConsent(q.actors[actor].name.clone()));
    }
    let eval = scoring::evaluate(q, &input.answers.answers);
    let _ = format;
    Ok(crate::output::score_text(
        q,
        &eval,
        &input.answers.answers,
        input.lang,
    ))
}

/// The company's own summary: all needs, recommended actors, open questions.
pub fn company_summary(input: &Input<'_>, format: Format) -> Result<String, ExportError> {
    let q = input.questionnaire;
    let eval = scoring::evaluate(q, &input.answers.answers);
    let _ = format;
    Ok(crate::output::score_text(
        q,
        &eval,
        &input.answers.answers,
        input.lang,
    ))
}

/// A safe file name (no path separators, no leading dots) from free text
/// such as a company name, e.g. `exempel-ab_ekn.html`.
pub fn file_name(parts: &[&str], format: Format) -> String {
    let mut s = String::new();
    for part in parts {
        if !s.is_empty() {
            s.push('_');
        }
        for c in part.chars().flat_map(char::to_lowercase) {
            let c = match c {
                'å' | 'ä' => 'a',
                'ö' => 'o',
                c if c.is_ascii_alphanumeric() => c,
                _ => '-',
            };
            if !(c == '-' && s.ends_with('-')) {
                s.push(c);
            }
        }
    }
    let s = s.trim_matches(['-', '_', '.']).to_string();
    let s = if s.is_empty() {
        "export".to_string()
    } else {
        s
    };
    format!(
        "{}.{}",
        s.chars().take(100).collect::<String>(),
        format.extension()
    )
}

/// Writes `content` to `dir/name` atomically; refuses to overwrite an
/// existing file unless `force`. `name` must be a plain file name.
pub fn write_file(
    dir: &Path,
    name: &str,
    content: &str,
    force: bool,
) -> Result<PathBuf, ExportError> {
    let path = dir.join(name);
    let io = |err| ExportError::Io {
        path: path.display().to_string(),
        err,
    };
    if name.contains(['/', '\\']) || name.starts_with('.') || name.is_empty() {
        return Err(io(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            "not a plain file name",
        )));
    }
    if path.exists() && !force {
        return Err(ExportError::Exists(path.display().to_string()));
    }
    crate::session::atomic::write(&path, content.as_bytes()).map_err(io)?;
    Ok(path)
}
