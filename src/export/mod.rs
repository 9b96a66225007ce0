//! Referral summaries (per actor, only with consent), the company's own
//! summary and the hand-over file of a self-assessment. (The region's
//! statistics are [`crate::report`].)
//!
//! This is the stable entry point used by both the `export` command and the
//! wizard's summary screen.

use std::path::{Path, PathBuf};

mod build;
mod csv;
pub mod doc;
pub mod escape;
pub mod handover;
mod render;
mod words;

pub mod sni;

use crate::answers::AnswersFile;
use crate::diag::NodeKind;
use crate::questionnaire::Questionnaire;
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
    #[error(
        "the company has not consented to sending its data to {0}; record the company's consent first (in the wizard, or under [consent] in the answers file)"
    )]
    NoConsent(String),
    #[error("{0} already exists; use --force to overwrite it")]
    Exists(String),
    #[error(transparent)]
    BadDate(#[from] crate::time::DateError),
    /// `--force` was given, but what is there is not a regular file (a
    /// symlink, even a dangling one, a FIFO, a device, a directory): never
    /// replaced.
    #[error("{path} is not a regular file ({kind:?}); it is never replaced, not even with --force")]
    NotRegular { path: String, kind: NodeKind },
    #[error("cannot write {path}: {err}")]
    Io { path: String, err: std::io::Error },
}

/// What is at a path where an export was to be written, when it is not a
/// regular file (`None` for a regular file). A symlink is itself, never
/// what it points to.
pub fn not_a_file(t: std::fs::FileType) -> Option<NodeKind> {
    #[cfg(unix)]
    use std::os::unix::fs::FileTypeExt as _;
    if t.is_file() {
        return None;
    }
    if t.is_symlink() {
        return Some(NodeKind::Symlink);
    }
    if t.is_dir() {
        return Some(NodeKind::Folder);
    }
    #[cfg(unix)]
    {
        if t.is_fifo() {
            return Some(NodeKind::Fifo);
        }
        if t.is_block_device() || t.is_char_device() {
            return Some(NodeKind::Device);
        }
        if t.is_socket() {
            return Some(NodeKind::Socket);
        }
    }
    Some(NodeKind::Other)
}

/// What a summary is made from.
pub struct Input<'a> {
    pub questionnaire: &'a Questionnaire,
    pub answers: &'a AnswersFile,
    /// Session metadata when the answers come from a saved session.
    pub meta: Option<&'a Meta>,
    pub lang: &'a str,
}

/// Choices that do not come from the answers.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The document's date, `YYYY-MM-DD` (default: today in Sweden).
    /// Strings, not dates, because the wizard passes `BEHOVSANALYS_DATE`
    /// through; they are parsed strictly ([`crate::time::parse_ymd`]).
    pub date: Option<String>,
    /// The follow-up date, `YYYY-MM-DD` (default: the date + 14 days).
    pub follow_up: Option<String>,
}

/// The referral summary for one actor. Refuses without consent for it.
pub fn referral(input: &Input<'_>, actor_id: &str, format: Format) -> Result<String, ExportError> {
    referral_with(input, actor_id, format, &Options::default())
}

/// [`referral`] with explicit dates.
pub fn referral_with(
    input: &Input<'_>,
    actor_id: &str,
    format: Format,
    opts: &Options,
) -> Result<String, ExportError> {
    let d = doc::referral_doc(input, actor_id, opts)?;
    Ok(match format {
        Format::Md => render::referral_md(&d),
        Format::Html => render::referral_html(&d),
        Format::Json => json(&d),
        Format::Csv => csv::referral_csv(&d),
    })
}

/// The company's own summary: all needs, recommended actors, open questions.
pub fn company_summary(input: &Input<'_>, format: Format) -> Result<String, ExportError> {
    company_summary_with(input, format, &Options::default())
}

/// [`company_summary`] with explicit dates.
pub fn company_summary_with(
    input: &Input<'_>,
    format: Format,
    opts: &Options,
) -> Result<String, ExportError> {
    let d = doc::company_doc(input, opts)?;
    Ok(match format {
        Format::Md => render::company_md(&d),
        Format::Html => render::company_html(&d),
        Format::Json => json(&d),
        Format::Csv => csv::company_csv(&d),
    })
}

fn json<T: serde::Serialize>(v: &T) -> String {
    let mut s =
        serde_json::to_string_pretty(v).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    s.push('\n');
    s
}

/// A safe file name (no path separators, no leading dots) from free text
/// such as a company name, e.g. `exempel-ab_ekn.html`.
pub fn file_name(parts: &[&str], format: Format) -> String {
    file_name_with(parts, format.extension())
}

/// [`file_name`] with any extension (`toml`).
pub fn file_name_with(parts: &[&str], extension: &str) -> String {
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
    format!("{}.{extension}", s.chars().take(100).collect::<String>())
}

/// Writes `content` to `dir/name` (see [`write_to`]). `name` must be a
/// plain file name.
pub fn write_file(
    dir: &Path,
    name: &str,
    content: &str,
    force: bool,
) -> Result<PathBuf, ExportError> {
    let path = dir.join(name);
    if !plain_file_name(name) {
        return Err(ExportError::Io {
            path: crate::text::display_path(&path),
            err: std::io::Error::new(std::io::ErrorKind::InvalidInput, "not a plain file name"),
        });
    }
    write_to(&path, content, force)?;
    Ok(path)
}

/// Writes `content` to `path` atomically (a temp file next to it, then a
/// link or rename): a new name is created without ever replacing a file
/// that appears meanwhile; an existing regular file is replaced only with
/// `force`. Anything else at `path` — a symlink (even a dangling one), a
/// FIFO, a device, a directory — is never written through or replaced:
/// [`ExportError::Exists`] without `force` (so a caller can pick another
/// name), [`ExportError::NotRegular`] with it.
pub fn write_to(path: &Path, content: &str, force: bool) -> Result<(), ExportError> {
    use crate::session::atomic;
    let shown = || crate::text::display_path(path);
    let io = |err| ExportError::Io { path: shown(), err };
    match std::fs::symlink_metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            atomic::write_new(path, content.as_bytes()).map_err(|e| {
                if e.kind() == std::io::ErrorKind::AlreadyExists {
                    ExportError::Exists(shown())
                } else {
                    io(e)
                }
            })
        }
        Err(e) => Err(io(e)),
        Ok(_) if !force => Err(ExportError::Exists(shown())),
        Ok(m) => match not_a_file(m.file_type()) {
            Some(kind) => Err(ExportError::NotRegular {
                path: shown(),
                kind,
            }),
            None => atomic::write(path, content.as_bytes()).map_err(io),
        },
    }
}

/// True for a name that stays inside the directory it is joined to: one
/// normal path component, no separators, no leading dot, no control or
/// Windows-reserved characters.
pub fn plain_file_name(name: &str) -> bool {
    use std::path::Component;
    !name.is_empty()
        && name.len() <= 255
        && !name.starts_with('.')
        && !name.contains(['/', '\\', ':', '*', '?', '"', '<', '>', '|'])
        && !name.chars().any(char::is_control)
        && matches!(
            Path::new(name).components().collect::<Vec<_>>().as_slice(),
            [Component::Normal(_)]
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_stay_in_the_directory() {
        let n = file_name(&["../../x", "ekn"], Format::Html);
        assert_eq!(n, "x_ekn.html");
        assert!(plain_file_name(&n));
        assert_eq!(
            file_name(&["Åkesson & Öberg AB"], Format::Md),
            "akesson-oberg-ab.md"
        );
        assert_eq!(file_name(&["..", "/"], Format::Csv), "export.csv");
        assert!(!plain_file_name("../x"));
        assert!(!plain_file_name("..\\x"));
        assert!(!plain_file_name(".hidden"));
        assert!(!plain_file_name("a/b"));
        assert!(!plain_file_name("c:x"));
        let dir = tempfile::tempdir().unwrap();
        assert!(write_file(dir.path(), "../x.md", "x", true).is_err());
        let p = write_file(dir.path(), "a.md", "1", false).unwrap();
        assert!(matches!(
            write_file(dir.path(), "a.md", "2", false),
            Err(ExportError::Exists(_))
        ));
        write_file(dir.path(), "a.md", "2", true).unwrap();
        assert_eq!(std::fs::read_to_string(p).unwrap(), "2");
    }
}
