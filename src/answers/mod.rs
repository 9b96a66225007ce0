//! The answers / session file (docs/ANSWERS.md): types, a parser that checks
//! every answer against the questionnaire with file positions, and a writer.//!
//! [`read`] checks a file against the questionnaire; [`write`] renders one.

pub mod input;
mod read;
mod write;

use std::collections::BTreeMap;
use std::path::Path;

use toml::de::{DeTable, DeValue};

use read::Reader;
use write::{flag_table, number_value};

use crate::diag::{
    Diagnostic, Diagnostics, FileError, FileKind, Links, Message, SourceFile, read_data_file,
};
use crate::questionnaire::Questionnaire;
use crate::tomlread::{as_number, parse_document};

/// Largest answers/session file accepted.
pub const MAX_ANSWERS_BYTES: u64 = 8 * 1024 * 1024;
/// Longest text answer or note accepted, in characters.
pub const MAX_TEXT_CHARS: usize = 20_000;

/// One answer.
#[derive(Debug, Clone, PartialEq)]
pub enum Answer {
    /// Single choice: an option id.
    Choice(String),
    /// Multiple choice: option ids.
    Choices(Vec<String>),
    /// Scale or number.
    Number(f64),
    Text(String),
    /// "vet ej".
    Unknown,
    /// "ej relevant".
    NotApplicable,
}

impl Answer {
    /// A real answer: not unknown, not applicable.
    pub fn is_real(&self) -> bool {
        !matches!(self, Answer::Unknown | Answer::NotApplicable)
    }

    /// The answer as TOML.
    pub fn to_toml(&self) -> toml::Value {
        match self {
            Answer::Choice(s) | Answer::Text(s) => toml::Value::String(s.clone()),
            Answer::Choices(list) => toml::Value::Array(
                list.iter()
                    .map(|s| toml::Value::String(s.clone()))
                    .collect(),
            ),
            Answer::Number(x) => number_value(*x),
            Answer::Unknown => flag_table("unknown"),
            Answer::NotApplicable => flag_table("not_applicable"),
        }
    }
}

/// The `[company]` table.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Company {
    pub name: Option<String>,
    pub org_number: Option<String>,
    pub municipality: Option<String>,
    pub sni: Option<String>,
    pub employees: Option<u64>,
    /// `[company.contact]`: the company's contact person.
    pub contact: Option<Contact>,
    /// Keys of `[company]` this version does not know, kept as they are.
    pub extra: toml::Table,
}

/// `[company.contact]`: who at the company to contact.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Contact {
    pub name: Option<String>,
    pub role: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    /// Keys this version does not know, kept as they are.
    pub extra: toml::Table,
}

impl Contact {
    pub fn is_empty(&self) -> bool {
        self == &Contact::default()
    }
}

/// An answer kept in the file that the questionnaire cannot use (removed
/// question or option): shown, kept when saving, never scored.
#[derive(Debug, Clone, PartialEq)]
pub struct Orphan {
    pub question: String,
    pub value: toml::Value,
    /// Why, in English.
    pub reason: String,
}

impl Orphan {
    pub fn new(question: &str, value: toml::Value, why: Message) -> Self {
        Orphan {
            question: question.to_string(),
            value,
            reason: why.get(crate::i18n::Lang::En).to_string(),
        }
    }
}

/// A parsed answers file or session.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AnswersFile {
    pub questionnaire: String,
    pub version: Option<String>,
    pub company: Company,
    /// Answers by (current) question id.
    pub answers: BTreeMap<String, Answer>,
    pub consent: BTreeMap<String, bool>,
    pub notes: BTreeMap<String, String>,
    pub private_notes: BTreeMap<String, String>,
    /// `[meta]` as written; readers ignore keys they do not know.
    pub meta: toml::Table,
    pub orphans: Vec<Orphan>,
    /// Top-level keys this version does not know (a file from a newer
    /// version), kept as they are and written back.
    pub extra: toml::Table,
}

impl AnswersFile {
    /// The number of employees: `[company] employees`, else the answer to
    /// the question with the `employees` role.
    pub fn employees(&self, q: &Questionnaire) -> Option<u64> {
        self.company.employees.or_else(|| {
            let qi = q.question_with_role(crate::questionnaire::Role::Employees)?;
            match self.answers.get(&q.questions[qi].id) {
                Some(Answer::Number(x)) if *x >= 0.0 && x.is_finite() => Some(*x as u64),
                _ => None,
            }
        })
    }

    /// Every key kept without being understood, as dotted paths
    /// (`fax`, `company.linkedin`, `company.contact.badge`), for notices.
    pub fn unknown_keys(&self) -> Vec<String> {
        let mut out: Vec<String> = self.extra.keys().cloned().collect();
        out.extend(self.company.extra.keys().map(|k| format!("company.{k}")));
        if let Some(c) = &self.company.contact {
            out.extend(c.extra.keys().map(|k| format!("company.contact.{k}")));
        }
        out
    }
}

/// How strictly to read: a hand-written answers file is checked strictly;
/// a saved session is read leniently so that questionnaire drift keeps
/// answers (as orphans) instead of refusing the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Strict,
    Lenient,
}

/// A parsed file with its warnings.
#[derive(Debug, Clone)]
pub struct Parsed {
    pub answers: AnswersFile,
    pub warnings: Vec<Diagnostic>,
    pub source: SourceFile,
}

/// Reads and checks an answers file from disk.
pub fn load_file(path: &Path, q: &Questionnaire, mode: Mode) -> Result<Parsed, FileError> {
    load_file_with(path, q, mode, Links::Follow)
}

/// [`load_file`] with a link policy: a session in the store is read with
/// [`Links::NoFollow`] (see [`crate::diag::open_data_file`]).
pub fn load_file_with(
    path: &Path,
    q: &Questionnaire,
    mode: Mode,
    links: Links,
) -> Result<Parsed, FileError> {
    let (name, text) = read_data_file(path, MAX_ANSWERS_BYTES, FileKind::Answers, links)?;
    parse(&name, &text, q, mode)
}

/// Parses answers text against a questionnaire; `name` is used in messages.
pub fn parse(name: &str, text: &str, q: &Questionnaire, mode: Mode) -> Result<Parsed, FileError> {
    let mut d = Diagnostics::default();
    let file = {
        let doc = parse_document(text, &mut d);
        let mut r = Reader {
            q,
            d: &mut d,
            mode,
            lean: false,
        };
        r.document(doc.get_ref(), doc.span())
    };
    d.sort();
    let source = SourceFile::new(name, text);
    if d.has_errors() {
        return Err(FileError::Invalid {
            file: Box::new(source),
            diagnostics: d.items,
            what: FileKind::Answers,
        });
    }
    Ok(Parsed {
        answers: file,
        warnings: d.items,
        source,
    })
}

/// Why [`parse_lean`] refused a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LeanError {
    /// The file answers another questionnaire.
    OtherQuestionnaire,
    /// Anything else that makes `parse(…, Mode::Lenient)` refuse it.
    Invalid,
}

/// The `[meta]` keys [`parse_lean`] keeps when they are strings (what
/// `report` reads).
pub const META_KEYS_LEAN: &[&str] = &[
    "updated",
    "created",
    "mode",
    "previous",
    "origin",
    "imported_id",
];

/// The `[meta]` arrays [`parse_lean`] keeps as they are: the referral
/// records (`[[meta.referral]]`) and the questions a company answered
/// itself (`self_answers`: a self-assessment nobody has continued is no
/// visit).
pub const META_ARRAYS_LEAN: &[&str] = &["referral", "self_answers"];

/// Reads a saved session for statistics (`report`): the same checks as
/// `parse(…, Mode::Lenient)` decide whether the file is valid and the same
/// answers come out, but nothing statistics do not use is built — no
/// messages for warnings, no orphans, no notes, only the
/// [`META_KEYS_LEAN`] of `[meta]`, no copy of the text. About a fifth
/// cheaper than [`parse`] per file.
pub fn parse_lean(text: &str, q: &Questionnaire) -> Result<AnswersFile, LeanError> {
    let mut d = Diagnostics::default();
    let file = {
        let doc = parse_document(text, &mut d);
        let mut r = Reader {
            q,
            d: &mut d,
            mode: Mode::Lenient,
            lean: true,
        };
        r.document(doc.get_ref(), doc.span())
    };
    if !d.has_errors() {
        Ok(file)
    } else if d.items.iter().any(|x| x.code == "wrong-questionnaire") {
        Err(LeanError::OtherQuestionnaire)
    } else {
        Err(LeanError::Invalid)
    }
}

/// Swedish organisation number: 10 digits (optionally `NNNNNN-NNNN`, or
/// 12 digits with a century prefix) whose last digit is a Luhn check digit.
pub fn org_number_valid(s: &str) -> bool {
    let s = s.trim();
    let digits: String = s.chars().filter(|c| *c != '-' && *c != '+').collect();
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    let ten = match digits.len() {
        10 => digits.as_str(),
        12 if matches!(&digits[..2], "16" | "18" | "19" | "20") => &digits[2..],
        _ => return false,
    };
    if s.contains('-')
        && !(s.len() == 11 && s.as_bytes()[6] == b'-' || s.len() == 13 && s.as_bytes()[8] == b'-')
    {
        return false;
    }
    luhn(ten)
}

fn luhn(digits: &str) -> bool {
    let sum: u32 = digits
        .bytes()
        .rev()
        .enumerate()
        .map(|(i, b)| {
            let d = u32::from(b - b'0');
            if i % 2 == 1 {
                let x = d * 2;
                if x > 9 { x - 9 } else { x }
            } else {
                d
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

/// SNI 2007 codes: two to five digits, optionally with a dot after two ("25.620").
pub fn sni_valid(s: &str) -> bool {
    let digits: String = s.chars().filter(|c| *c != '.').collect();
    let dot_ok = match s.find('.') {
        None => true,
        Some(i) => i == 2 && s.matches('.').count() == 1,
    };
    dot_ok && (2..=5).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit())
}

/// Converts a spanned TOML value into a plain one (for `[meta]` and orphans).
pub fn to_plain(v: &DeValue<'_>) -> toml::Value {
    match v {
        DeValue::String(s) => toml::Value::String(s.to_string()),
        DeValue::Integer(_) | DeValue::Float(_) => match as_number(v) {
            Ok(x) if matches!(v, DeValue::Integer(_)) => toml::Value::Integer(x as i64),
            Ok(x) => toml::Value::Float(x),
            Err(_) => toml::Value::String(String::new()),
        },
        DeValue::Boolean(b) => toml::Value::Boolean(*b),
        DeValue::Datetime(dt) => toml::Value::Datetime(*dt),
        DeValue::Array(a) => toml::Value::Array(a.iter().map(|x| to_plain(x.get_ref())).collect()),
        DeValue::Table(t) => toml::Value::Table(table_to_plain(t)),
    }
}

fn table_to_plain(t: &DeTable<'_>) -> toml::Table {
    t.iter()
        .map(|(k, v)| (k.get_ref().to_string(), to_plain(v.get_ref())))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn org_numbers() {
        assert!(org_number_valid("556036-0793"));
        assert!(org_number_valid("5560360793"));
        assert!(org_number_valid("16556036-0793"));
        assert!(!org_number_valid("556036-0794"));
        assert!(!org_number_valid("55603-60793"));
        assert!(!org_number_valid("abc"));
        assert!(!org_number_valid(""));
    }

    #[test]
    fn sni_codes() {
        assert!(sni_valid("25.620"));
        assert!(sni_valid("62"));
        assert!(sni_valid("46190"));
        assert!(!sni_valid("2.5620"));
        assert!(!sni_valid("abc"));
        assert!(!sni_valid("1"));
    }
}
