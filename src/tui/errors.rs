//! What can go wrong in the wizard, as types: opening a session, saving,
//! exporting. Each is shown in the user's language (one line, sanitised)
//! from its parts, never by picking lines out of a rendered English text.

use std::path::PathBuf;
use std::sync::Arc;

use crate::diag::{FileError, Severity};
use crate::export::ExportError;
use crate::i18n::Lang;
use crate::i18n::{room, tui};
use crate::session::writer::WriteError;
use crate::session::{Holder, StoreError};
use crate::text::{display_name, display_path, sanitize_line};

/// Why a session could not be opened, imported or locked.
#[derive(Debug, Clone)]
pub enum OpenError {
    /// Another wizard has it open.
    Locked { id: String, holder: Option<Holder> },
    /// The self-assessment was imported before, as this session.
    AlreadyImported(String),
    /// `--self` on a session that is not a self-assessment.
    NotSelfAssessment(String),
    /// The store could not do it (no such session, unreadable, I/O …).
    Store(Arc<StoreError>),
}

impl From<StoreError> for OpenError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::Locked { id, holder } => OpenError::Locked { id, holder },
            other => OpenError::Store(Arc::new(other)),
        }
    }
}

impl OpenError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            OpenError::Locked { id, holder } => tui::locked(
                lang,
                sanitize_line(id),
                holder.as_ref().map_or_else(
                    || tui::words(lang).holder_unknown.to_string(),
                    |h| holder_text(lang, h),
                ),
            ),
            OpenError::AlreadyImported(id) => room::already_imported(lang, sanitize_line(id)),
            OpenError::NotSelfAssessment(id) => room::not_self(lang, sanitize_line(id)),
            OpenError::Store(e) => store_message(lang, e),
        }
    }
}

/// Why the last save is not on disk (the writer keeps trying).
#[derive(Debug, Clone)]
pub enum SaveError {
    /// The session is not locked by this window: never written.
    NotLocked(String),
    /// The store failed.
    Store(Arc<StoreError>),
    /// The writer thread stopped.
    Writer(WriteError),
}

impl From<WriteError> for SaveError {
    fn from(e: WriteError) -> Self {
        match e {
            WriteError::Store(e) => SaveError::Store(e),
            other => SaveError::Writer(other),
        }
    }
}

impl SaveError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            SaveError::NotLocked(id) => tui::not_locked(lang, sanitize_line(id)),
            SaveError::Store(e) => store_message(lang, e),
            SaveError::Writer(_) => tui::words(lang).writer_stopped.to_string(),
        }
    }
}

impl std::fmt::Display for SaveError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

/// Why an export did not write its files.
#[derive(Debug, Clone, thiserror::Error)]
pub enum ExportFailure {
    #[error("cannot create {}: {err}", display_path(dir))]
    CreateDir {
        dir: PathBuf,
        err: Arc<std::io::Error>,
    },
    #[error(transparent)]
    Export(Arc<ExportError>),
}

impl ExportFailure {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            ExportFailure::CreateDir { dir, err } => {
                tui::cannot_create(lang, display_path(dir), sanitize_line(&err.to_string()))
            }
            ExportFailure::Export(e) => match &**e {
                ExportError::Exists(path) => tui::file_exists(lang, sanitize_line(path)),
                ExportError::Io { path, err } => {
                    tui::cannot_write(lang, sanitize_line(path), sanitize_line(&err.to_string()))
                }
                other => sanitize_line(&other.to_string()),
            },
        }
    }
}

/// Who holds a lock, in words.
fn holder_text(lang: Lang, h: &Holder) -> String {
    let w = tui::words(lang);
    let user = if h.user.is_empty() {
        w.someone
    } else {
        &h.user
    };
    let host = if h.host.is_empty() {
        w.unknown_host
    } else {
        &h.host
    };
    tui::holder(
        lang,
        sanitize_line(user),
        sanitize_line(host),
        h.pid,
        &h.since,
    )
}

/// Most diagnostics of an invalid file named in one message.
const MAX_DIAGNOSTICS: usize = 3;

/// A store error in one line of the user's language.
pub fn store_message(lang: Lang, e: &StoreError) -> String {
    let w = tui::words(lang);
    match e {
        StoreError::NoDataDir => w.no_data_dir.to_string(),
        StoreError::Io { path, err, .. } => {
            format!(
                "{}: {}",
                sanitize_line(path),
                sanitize_line(&err.to_string())
            )
        }
        StoreError::NotFound(id) => tui::not_found(lang, sanitize_line(id)),
        StoreError::BadId(id) => tui::bad_id(lang, sanitize_line(id)),
        StoreError::Locked { id, holder } => OpenError::Locked {
            id: id.clone(),
            holder: holder.clone(),
        }
        .message(lang),
        StoreError::Lock { id, err } => {
            tui::lock_failed(lang, sanitize_line(id), sanitize_line(&err.to_string()))
        }
        StoreError::Quarantined { id, to, .. } => {
            tui::quarantined(lang, sanitize_line(id), sanitize_line(to))
        }
        StoreError::Exists(id) => tui::exists(lang, sanitize_line(id)),
        StoreError::AlreadyImported { session } => {
            crate::i18n::diag::already_imported(lang, &sanitize_line(session))
        }
        StoreError::File(f) => file_message(lang, f),
    }
}

/// A file error in one line: the first errors of an invalid file as
/// `FILE:LINE:COL: message`, else the problem with the file.
fn file_message(lang: Lang, f: &FileError) -> String {
    match f {
        FileError::Invalid {
            file, diagnostics, ..
        } => {
            let name = display_name(&file.name);
            let errors: Vec<String> = diagnostics
                .iter()
                .filter(|d| d.severity == Severity::Error)
                .take(MAX_DIAGNOSTICS)
                .map(|d| {
                    let message = sanitize_line(d.message.get(lang));
                    match &d.span {
                        Some(span) => {
                            let (line, col) = file.line_col(span.start);
                            format!("{name}:{line}:{col}: {message}")
                        }
                        None => format!("{name}: {message}"),
                    }
                })
                .collect();
            errors.join(" · ")
        }
        other => sanitize_line(other.render(lang).lines().next().unwrap_or("")),
    }
}

/// A lenient-reading warning of an imported file, in one line.
pub fn warning_message(lang: Lang, file: &str, d: &crate::diag::Diagnostic) -> String {
    format!(
        "{}: {}",
        sanitize_line(file),
        sanitize_line(d.message.get(lang))
    )
}
