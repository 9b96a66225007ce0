//! The store's errors, in either language.

use crate::diag::FileError;

use super::lock::Holder;

/// Why the store could not do something. `Display` is English;
/// [`StoreError::render`] speaks either language.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{}", self.render(crate::i18n::Lang::En))]
    NoDataDir,
    #[error("{}", self.render(crate::i18n::Lang::En))]
    Io {
        action: &'static str,
        path: String,
        err: std::io::Error,
    },
    #[error("{}", self.render(crate::i18n::Lang::En))]
    NotFound(String),
    #[error("{}", self.render(crate::i18n::Lang::En))]
    BadId(String),
    #[error("{}", self.render(crate::i18n::Lang::En))]
    Locked { id: String, holder: Option<Holder> },
    #[error("{}", self.render(crate::i18n::Lang::En))]
    Lock { id: String, err: std::io::Error },
    #[error("{}", self.render(crate::i18n::Lang::En))]
    Quarantined {
        id: String,
        to: String,
        reason: String,
    },
    #[error("{}", self.render(crate::i18n::Lang::En))]
    Exists(String),
    /// The file was imported before (its `[meta] id`, or the same content
    /// when it has none): `session` holds it.
    #[error("{}", self.render(crate::i18n::Lang::En))]
    AlreadyImported { session: String },
    #[error("{}", self.render(crate::i18n::Lang::En))]
    File(#[from] FileError),
}

impl StoreError {
    /// The message in `lang` (ids and paths are printable; a quarantine
    /// reason is shown as it was recorded).
    pub fn render(&self, lang: crate::i18n::Lang) -> String {
        use crate::i18n::diag::store as w;
        use crate::text::sanitize_line as s;
        match self {
            StoreError::NoDataDir => w::no_data_dir(lang),
            StoreError::Io { action, path, err } => format!(
                "{} {}: {}",
                w::action(lang, action),
                s(path),
                s(&err.to_string())
            ),
            StoreError::NotFound(id) => w::not_found(lang, &s(id)),
            StoreError::BadId(id) => w::bad_id(lang, &s(id)),
            StoreError::Locked { id, holder } => {
                let h = match holder {
                    Some(h) => h.text(lang),
                    None => w::holder_unknown(lang),
                };
                w::locked(lang, &s(id), &h)
            }
            StoreError::Lock { id, err } => w::lock_failed(lang, &s(id), &s(&err.to_string())),
            StoreError::Quarantined { id, to, reason } => format!(
                "{}\n{}",
                w::quarantined(lang, &s(id), &s(to)),
                short_reason(lang, reason, to)
            ),
            StoreError::Exists(id) => w::exists(lang, &s(id)),
            StoreError::AlreadyImported { session } => {
                crate::i18n::diag::already_imported(lang, &s(session))
            }
            StoreError::File(f) => f.render(lang),
        }
    }
}

/// The first lines of a (possibly long) quarantine reason.
fn short_reason(lang: crate::i18n::Lang, reason: &str, to: &str) -> String {
    const MAX_LINES: usize = 12;
    let lines: Vec<&str> = reason.lines().collect();
    if lines.len() <= MAX_LINES {
        return reason.to_string();
    }
    format!(
        "{}\n{}",
        lines[..MAX_LINES].join("\n"),
        crate::i18n::diag::store::more_lines(lang, lines.len() - MAX_LINES, to)
    )
}
