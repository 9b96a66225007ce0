//! How an error that ends a command is printed: diagnostics of a file as
//! they are (`FILE:LINE:COL: error[CODE]: …`), everything else as
//! `behovsanalys: what: why`, in the language of the program's words for
//! the errors this crate words itself.

use behovsanalys::diag::FileError;
use behovsanalys::export::ExportError;
use behovsanalys::i18n::{Lang, cli};
use behovsanalys::report::ReportError;
use behovsanalys::session::StoreError;
use behovsanalys::text::{sanitize, sanitize_line};
use behovsanalys::time::DateError;

/// Prints `e` to stderr.
pub fn print(e: &anyhow::Error, lang: Lang) {
    let file_report = |f: &FileError| !f.diagnostics().is_empty();
    let file = match e.downcast_ref::<StoreError>() {
        Some(StoreError::File(f)) => Some(f),
        _ => e.downcast_ref::<FileError>(),
    };
    if let Some(f) = file.filter(|f| file_report(f)) {
        eprintln!("{}", f.render(lang));
        return;
    }
    let parts: Vec<String> = e.chain().map(|x| words(x, lang)).collect();
    eprintln!("{}: {}", cli::PROGRAM, sanitize(&parts.join(": ")));
}

/// One link of an error chain in words: ours in `lang`, others as they
/// display themselves.
fn words(e: &(dyn std::error::Error + 'static), lang: Lang) -> String {
    if let Some(e) = e.downcast_ref::<ExportError>() {
        return match e {
            ExportError::UnknownActor(id) => cli::unknown_actor(lang, &sanitize_line(id)),
            ExportError::NoConsent(name) => cli::no_consent(lang, name),
            ExportError::Exists(path) => cli::exists_use_force(lang, path),
            ExportError::BadDate(d) => crate::cmd::args::date_error(d, lang),
            ExportError::NotRegular { path, kind } => cli::not_a_regular_file(lang, path, *kind),
            ExportError::Io { path, err } => format!("{}: {err}", cli::cannot_write(lang, path)),
        };
    }
    if let Some(e) = e.downcast_ref::<ReportError>() {
        return match e {
            ReportError::NoSessions(path) => cli::no_sessions_folder(lang, path),
            ReportError::List { path, err } => format!("{}: {err}", cli::cannot_list(lang, path)),
            ReportError::Reversed { from, to } => {
                cli::period_reversed(lang, &from.to_string(), &to.to_string())
            }
            ReportError::MinGroup => cli::min_group(lang).to_string(),
            ReportError::Source(why) => why.clone(),
        };
    }
    if let Some(e) = e.downcast_ref::<behovsanalys::store::SyncError>() {
        return behovsanalys::i18n::store::error(lang, e);
    }
    if let Some(d) = e.downcast_ref::<DateError>() {
        return crate::cmd::args::date_error(d, lang);
    }
    if let Some(f) = e.downcast_ref::<FileError>() {
        return f.render(lang);
    }
    match e.downcast_ref::<StoreError>() {
        Some(StoreError::File(f)) => return f.render(lang),
        Some(StoreError::AlreadyImported { session }) => {
            let s = behovsanalys::i18n::diag::already_imported(lang, &sanitize_line(session));
            return format!("{s} {}", cli::keep_both_hint(lang));
        }
        Some(StoreError::Exists(id)) => {
            let s = behovsanalys::i18n::diag::session_exists(lang, &sanitize_line(id));
            return format!("{s} {}", cli::keep_both_hint(lang));
        }
        Some(other) => return other.render(lang),
        None => {}
    }
    e.to_string()
}
