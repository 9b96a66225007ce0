//! Reads questionnaire TOML into a validated [`Questionnaire`], reporting
//! every problem in the file with its position and a stable code.
//!
//! In phases: [`read`] turns each table into a raw item (checking keys,
//! types and values, with [`keys`] naming what each table may hold;
//! [`kinds`] reads what a question offers, [`actor`] actors and services);
//! [`layout`] follows `extends` and merges a region's additions into the
//! file it builds on; [`link`] resolves ids across the whole (duplicates,
//! references, conditions) and builds the model.
//!
//! A questionnaire that extends another is read as several files laid out
//! in one offset space (see [`SourceFile`]): every span is global, so a
//! diagnostic names the file and line where the item is written.

mod actor;
pub mod keys;
mod kinds;
mod layout;
mod link;
mod read;

use std::path::Path;

use super::{Actor, Question, Questionnaire, Rule, Section, Service, Text, content_hash};
use crate::diag::{Diagnostic, Diagnostics, FileError, FileKind, SourceFile, msg, read_text_file};
use crate::i18n::diag::{self as w, Item};
use crate::tomlread::Span;

/// The built-in questionnaire, embedded in the binary.
pub const BUILTIN_TOML: &str = include_str!("../../../questionnaires/exportbehov.toml");
/// The name the built-in questionnaire has in messages.
pub const BUILTIN_NAME: &str = "questionnaires/exportbehov.toml";
/// The id by which an extending file names the built-in questionnaire
/// (`extends = "exportbehov"`).
pub const BUILTIN_ID: &str = "exportbehov";

/// Largest questionnaire file accepted.
pub const MAX_QUESTIONNAIRE_BYTES: u64 = 16 * 1024 * 1024;
/// Longest chain of `extends` followed.
pub const MAX_EXTENDS_DEPTH: usize = 8;

/// Most points an option, band or scale end may give an area (either sign).
pub const MAX_POINTS: f64 = 1000.0;
/// Largest weight of an area for an actor.
pub const MAX_WEIGHT: f64 = 1000.0;
/// Largest boost of a rule (either sign): a score is 0–100.
pub const MAX_BOOST: f64 = 100.0;
/// Largest end of a scale (either sign).
pub const MAX_SCALE_END: i64 = 1_000_000;
/// Longest id, in bytes.
pub const MAX_ID_LEN: usize = 100;
/// Longest short text (titles, labels, names, units, prices, summaries), in characters.
pub const MAX_SHORT_TEXT: usize = 500;
/// Longest question text, rule reason or next step, in characters.
pub const MAX_TEXT: usize = 2_000;
/// Longest help or description, in characters.
pub const MAX_LONG_TEXT: usize = 8_000;

/// The longest text accepted under `key` (see the `MAX_*TEXT` limits).
pub fn text_limit(key: &str) -> usize {
    match key {
        "help" | "description" => MAX_LONG_TEXT,
        "text" | "reason" | "advice" | "next_step" | "contact" | "url" => MAX_TEXT,
        _ => MAX_SHORT_TEXT,
    }
}

/// Why a questionnaire could not be loaded.
pub type LoadError = FileError;

/// A loaded questionnaire with the warnings found on the way.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub questionnaire: Questionnaire,
    pub warnings: Vec<Diagnostic>,
    /// The file (with the files it extends, see [`SourceFile::locate`]).
    pub source: SourceFile,
}

/// The built-in questionnaire. It is checked by the test suite, so failing
/// here is a build defect; the error is still returned, never panicked on.
pub fn builtin() -> Result<Loaded, LoadError> {
    load_str(BUILTIN_NAME, BUILTIN_TOML)
}

/// Loads a questionnaire file from disk; `extends = "path"` is relative to
/// the file's folder.
pub fn load_file(path: &Path) -> Result<Loaded, LoadError> {
    let (name, text) = read_text_file(path, MAX_QUESTIONNAIRE_BYTES, FileKind::Questionnaire)?;
    load_layered(&name, &text, path.parent())
}

/// Loads a questionnaire from text; `name` is used in messages, and its
/// folder (when it is a path) is where `extends = "path"` is looked for.
pub fn load_str(name: &str, text: &str) -> Result<Loaded, LoadError> {
    load_layered(name, text, Path::new(name).parent())
}

fn load_layered(name: &str, text: &str, dir: Option<&Path>) -> Result<Loaded, LoadError> {
    let mut d = Diagnostics::default();
    let mut files: Vec<SourceFile> = Vec::new();
    let mut advice = Vec::new();
    let mut chain = Vec::new();
    let parts = layout::read_file(
        layout::Input { name, text, dir },
        &mut files,
        &mut advice,
        &mut d,
        &mut chain,
    );
    let q = parts.and_then(|p| {
        let mut reader = Reader {
            src: "",
            d: &mut d,
            langs: p.langs.clone(),
            files: &files,
            advice: &mut advice,
        };
        reader.link(p)
    });
    d.sort();
    let hash = content_hash(&files.iter().map(|f| f.text.as_str()).collect::<String>());
    let main = files
        .pop()
        .unwrap_or_else(|| SourceFile::new(name, text.to_string()));
    let file = SourceFile::layered(main.name, main.text, main.start, files);
    match q {
        Some(mut q) if !d.has_errors() => {
            q.hash = hash;
            q.source_name = name.to_string();
            Ok(Loaded {
                questionnaire: q,
                warnings: d.items,
                source: file,
            })
        }
        _ => Err(LoadError::Invalid {
            file: Box::new(file),
            diagnostics: d.items,
            what: FileKind::Questionnaire,
        }),
    }
}

/// Checks `[a-z0-9_-]+`; with `letter_first`, also that it starts with a
/// letter or `_` (ids used in expressions).
pub fn check_id(id: &str, span: Span, what: Item, letter_first: bool, d: &mut Diagnostics) -> bool {
    if id.len() > MAX_ID_LEN {
        d.push(Diagnostic::error(
            "invalid-id",
            Some(span),
            msg(|l| w::id_too_long(l, what, id.len(), MAX_ID_LEN)),
        ));
        return false;
    }
    let ok_chars = !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-');
    let ok_first = !letter_first
        || id
            .bytes()
            .next()
            .is_some_and(|b| b.is_ascii_lowercase() || b == b'_');
    if ok_chars && ok_first {
        return true;
    }
    d.push(Diagnostic::error(
        "invalid-id",
        Some(span),
        msg(|l| w::invalid_id(l, id, what, ok_chars)),
    ));
    false
}

/// An expression waiting to be checked once all questions are known.
pub(super) struct PendingExpr {
    pub(super) src: String,
    pub(super) span: Span,
    /// Offset of the expression's first character in the file, when the
    /// TOML string has no escapes (so positions inside it are exact).
    pub(super) exact_start: Option<usize>,
}

pub(super) struct RawQuestion {
    pub(super) q: Question,
    pub(super) show_if: Option<PendingExpr>,
    /// `share_with` as written, checked against the actors once they are read.
    pub(super) share_with: Option<Vec<(String, Span)>>,
}

pub(super) struct RawSection {
    pub(super) s: Section,
    pub(super) span: Span,
    pub(super) show_if: Option<PendingExpr>,
    /// In an extending file: this `[[section]]` adds questions to the base's
    /// section with the same id.
    pub(super) extension: bool,
}

pub(super) struct RawRule {
    pub(super) when: Option<PendingExpr>,
    pub(super) rule: Rule,
}

pub(super) struct RawService {
    pub(super) eligibility: Option<PendingExpr>,
    pub(super) service: Service,
}

pub(super) struct RawActor {
    pub(super) actor: Actor,
    pub(super) eligibility: Option<PendingExpr>,
    pub(super) rules: Vec<RawRule>,
    pub(super) services: Vec<RawService>,
    /// In an extending file: this `[[actor]]` adds rules and services to the
    /// base's actor with the same id.
    pub(super) extension: bool,
}

/// An `advice = {…}` as written: a definition (with text) or a reference
/// to one by `id` (without text).
pub(super) struct RawAdvice {
    /// The id written in the table, with its span.
    pub(super) id: Option<(String, Span)>,
    /// The id made from where the advice is, when none is written.
    pub(super) place: String,
    pub(super) text: Option<Text>,
    pub(super) span: Span,
}

/// Everything read from one file (or from a file and the files it
/// extends, merged), before ids are linked.
pub(super) struct Parts {
    pub(super) id: Option<String>,
    pub(super) version: Option<String>,
    pub(super) title: Option<Text>,
    pub(super) description: Option<Text>,
    pub(super) langs: Vec<String>,
    /// Ids and versions of the questionnaires extended, nearest first.
    pub(super) extends: Vec<(String, String)>,
    pub(super) areas: Vec<(super::Area, Span)>,
    pub(super) sections: Vec<(RawSection, Vec<RawQuestion>)>,
    pub(super) actors: Vec<RawActor>,
}

pub(super) struct Reader<'s, 'd> {
    /// The text being read, laid out so that spans are global (see
    /// [`layout`]); empty while linking.
    pub(super) src: &'s str,
    pub(super) d: &'d mut Diagnostics,
    pub(super) langs: Vec<String>,
    /// The files read so far, for "line N of FILE" in messages.
    pub(super) files: &'s [SourceFile],
    pub(super) advice: &'d mut Vec<RawAdvice>,
}

impl Reader<'_, '_> {
    /// Where `offset` is, for messages: its line, and its file when the
    /// questionnaire is made of several.
    pub(super) fn place(&self, offset: usize) -> Place {
        match self.files.iter().rfind(|f| f.start <= offset) {
            Some(f) => Place {
                line: f.line_col(offset - f.start).0,
                file: (self.files.len() > 1).then(|| crate::text::display_name(&f.name)),
            },
            None => Place {
                line: 1,
                file: None,
            },
        }
    }
}

/// A line, and the file it is in when that is worth saying.
pub(super) struct Place {
    pub(super) line: usize,
    pub(super) file: Option<String>,
}

impl Place {
    pub(super) fn show(&self, l: crate::i18n::Lang) -> String {
        match &self.file {
            None => self.line.to_string(),
            Some(f) => crate::i18n::format::line_in_file(l, self.line, f),
        }
    }
}
