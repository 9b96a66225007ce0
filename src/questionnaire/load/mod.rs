//! Reads questionnaire TOML into a validated [`Questionnaire`], reporting
//! every problem in the file with its position and a stable code.
//!
//! In phases: [`read`] turns each table into a raw item (checking keys,
//! types and values, with [`keys`] naming what each table may hold);
//! [`link`] resolves ids across the file (duplicates, references,
//! conditions) and builds the model.

mod actor;
pub mod keys;
mod link;
mod read;

use std::path::Path;

use super::{Actor, Question, Questionnaire, Rule, Section, Service, content_hash};
use crate::diag::{Diagnostic, Diagnostics, FileError, FileKind, SourceFile, msg, read_text_file};
use crate::i18n::diag::{self as w, Item};
use crate::tomlread::{Span, parse_document};

/// The built-in questionnaire, embedded in the binary.
pub const BUILTIN_TOML: &str = include_str!("../../../questionnaires/exportbehov.toml");
/// The name the built-in questionnaire has in messages.
pub const BUILTIN_NAME: &str = "questionnaires/exportbehov.toml";

/// Largest questionnaire file accepted.
pub const MAX_QUESTIONNAIRE_BYTES: u64 = 16 * 1024 * 1024;

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
        "text" | "reason" | "next_step" | "contact" | "url" => MAX_TEXT,
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
    pub source: SourceFile,
}

/// The built-in questionnaire. It is checked by the test suite, so failing
/// here is a build defect; the error is still returned, never panicked on.
pub fn builtin() -> Result<Loaded, LoadError> {
    load_str(BUILTIN_NAME, BUILTIN_TOML)
}

/// Loads a questionnaire file from disk.
pub fn load_file(path: &Path) -> Result<Loaded, LoadError> {
    let (name, text) = read_text_file(path, MAX_QUESTIONNAIRE_BYTES, FileKind::Questionnaire)?;
    load_str(&name, &text)
}

/// Loads a questionnaire from text; `name` is used in messages.
pub fn load_str(name: &str, text: &str) -> Result<Loaded, LoadError> {
    let mut d = Diagnostics::default();
    let q = {
        let doc = parse_document(text, &mut d);
        let mut reader = Reader {
            src: text,
            d: &mut d,
            langs: vec!["sv".into(), "en".into()],
            line_starts: Vec::new(),
        };
        reader.document(doc.get_ref(), doc.span())
    };
    d.sort();
    let file = SourceFile::new(name, text);
    match q {
        Some(mut q) if !d.has_errors() => {
            q.hash = content_hash(text);
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
}

pub(super) struct Reader<'s, 'd> {
    pub(super) src: &'s str,
    pub(super) d: &'d mut Diagnostics,
    pub(super) langs: Vec<String>,
    /// Byte offsets of line starts, made the first time a message names a
    /// line (counting from the start for each message was quadratic).
    pub(super) line_starts: Vec<usize>,
}

impl Reader<'_, '_> {
    /// The 1-based line of a byte offset.
    pub(super) fn line_of(&mut self, offset: usize) -> usize {
        if self.line_starts.is_empty() {
            self.line_starts.push(0);
            let src = self.src;
            self.line_starts
                .extend(src.match_indices('\n').map(|(i, _)| i + 1));
        }
        match self.line_starts.binary_search(&offset) {
            Ok(i) => i + 1,
            Err(i) => i,
        }
    }
}
