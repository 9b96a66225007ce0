//! A small reader over toml's spanned document tree that records every
//! problem as a [`Diagnostic`] instead of stopping at the first one.
//!
//! serde's `deny_unknown_fields` stops at the first mistake; a coordinator
//! editing a checklist wants all of them in one run, with line and column.

use std::ops::Range;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::diag::{Diagnostic, Diagnostics, msg};
use crate::i18n::{Lang, diag as w};
use crate::text::suggest;

pub type Span = Range<usize>;
pub type Value<'i> = Spanned<DeValue<'i>>;

/// Parses TOML text, recording syntax errors (all of them the parser can
/// recover from) as `syntax` diagnostics.
pub fn parse_document<'i>(text: &'i str, diags: &mut Diagnostics) -> Spanned<DeTable<'i>> {
    let (doc, errors) = DeTable::parse_recoverable(text);
    for e in errors {
        let span = e.span().unwrap_or(0..0);
        let m = e.message();
        diags.push(Diagnostic::error(
            "syntax",
            Some(span),
            msg(|l| syntax_message(l, m)),
        ));
    }
    doc
}

/// toml's messages are terse and sometimes multi-line; keep them on one line
/// and say what it is about.
fn syntax_message(l: Lang, msg: &str) -> String {
    let msg = msg.trim().replace('\n', "; ");
    let msg = msg.trim_end_matches(';').trim();
    w::toml_syntax(l, msg, msg.contains("duplicate key"))
}

/// The type of a TOML value, for messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TomlType {
    String,
    Integer,
    Float,
    Boolean,
    Datetime,
    Array,
    Table,
}

/// The type of a value.
pub fn type_of(v: &DeValue<'_>) -> TomlType {
    match v {
        DeValue::String(_) => TomlType::String,
        DeValue::Integer(_) => TomlType::Integer,
        DeValue::Float(_) => TomlType::Float,
        DeValue::Boolean(_) => TomlType::Boolean,
        DeValue::Datetime(_) => TomlType::Datetime,
        DeValue::Array(_) => TomlType::Array,
        DeValue::Table(_) => TomlType::Table,
    }
}

/// A human name of a value's type for messages ("a string", "en sträng").
pub fn type_name(l: Lang, v: &DeValue<'_>) -> &'static str {
    w::type_name(l, type_of(v))
}

/// Why a value is not a number.
#[derive(Debug, Clone, PartialEq)]
pub enum NumError {
    /// An integer beyond 64 bits (the digits as written).
    TooLarge(String),
    /// `inf`, `nan` or a float that overflows (as written).
    NotFinite(String),
    /// Not a number at all.
    NotANumber(TomlType),
}

impl NumError {
    /// The reason in `l`.
    pub fn text(&self, l: Lang) -> String {
        match self {
            NumError::TooLarge(d) => w::number_too_large(l, d),
            NumError::NotFinite(d) => w::not_finite(l, d),
            NumError::NotANumber(t) => w::expected_number(l, *t),
        }
    }
}

/// Reads a number (integer or float) from a value; `Err` says why not.
pub fn as_number(v: &DeValue<'_>) -> Result<f64, NumError> {
    match v {
        DeValue::Integer(i) => {
            let digits = i.as_str();
            let (neg, body) = match digits.strip_prefix('-') {
                Some(rest) => (true, rest),
                None => (false, digits.strip_prefix('+').unwrap_or(digits)),
            };
            match i64::from_str_radix(body, i.radix()) {
                Ok(n) => Ok(if neg { -(n as f64) } else { n as f64 }),
                Err(_) => Err(NumError::TooLarge(digits.to_string())),
            }
        }
        DeValue::Float(f) => match f.as_str().parse::<f64>() {
            Ok(x) if x.is_finite() => Ok(x),
            _ => Err(NumError::NotFinite(f.as_str().to_string())),
        },
        other => Err(NumError::NotANumber(type_of(other))),
    }
}

/// Where a table is, as messages name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place<'a> {
    /// A table header or key as written, e.g. `[[section.question]]`,
    /// `` `weights` `` (the same in every language).
    Named(&'a str),
    /// The top level of a questionnaire file.
    QuestionnaireTop,
    /// The top level of an answers file.
    AnswersTop,
}

impl Place<'_> {
    /// The place in `l`.
    pub fn name(self, l: Lang) -> String {
        match self {
            Place::Named(s) => s.to_string(),
            Place::QuestionnaireTop => w::words(l).top_level.to_string(),
            Place::AnswersTop => w::words(l).answers_top_level.to_string(),
        }
    }
}

/// A table being read, with the name it has in messages.
#[derive(Clone)]
pub struct Table<'a, 'i> {
    pub map: &'a DeTable<'i>,
    pub span: Span,
    pub what: Place<'a>,
}

impl<'a, 'i> Table<'a, 'i> {
    /// Views a value as a table, or records `wrong-type`.
    pub fn of(v: &'a Value<'i>, what: &'a str, d: &mut Diagnostics) -> Option<Self> {
        match v.get_ref() {
            DeValue::Table(map) => Some(Table {
                map,
                span: v.span(),
                what: Place::Named(what),
            }),
            other => {
                let t = type_of(other);
                d.error(
                    "wrong-type",
                    v.span(),
                    msg(|l| w::must_be_table(l, what, t)),
                );
                None
            }
        }
    }

    /// The span at which to report a missing key: the table's own position.
    pub fn header_span(&self) -> Span {
        self.span.clone()
    }

    /// Records an `unknown-key` error for every key not in `allowed`.
    pub fn check_keys(&self, allowed: &[&str], d: &mut Diagnostics) {
        for (k, _) in self.map.iter() {
            let key: &str = k.get_ref();
            if !allowed.contains(&key) {
                let hint = suggest(key, allowed.iter().copied());
                let list = allowed.join(", ");
                d.push(
                    Diagnostic::error(
                        "unknown-key",
                        Some(k.span()),
                        msg(|l| w::unknown_key(l, key, &self.what.name(l), hint)),
                    )
                    .with_help(msg(|l| w::allowed_keys(l, &list))),
                );
            }
        }
    }

    pub fn get(&self, key: &str) -> Option<&'a Value<'i>> {
        self.map.get(key)
    }

    pub fn key_span(&self, key: &str) -> Option<Span> {
        self.map.get_key_value(key).map(|(k, _)| k.span())
    }

    /// Iterates `(key, key span, value)`.
    pub fn entries(&self) -> impl Iterator<Item = (&'a str, Span, &'a Value<'i>)> + 'a {
        self.map
            .iter()
            .map(|(k, v)| (k.get_ref().as_ref(), k.span(), v))
    }

    pub fn missing(&self, key: &str, d: &mut Diagnostics) {
        d.error(
            "missing-key",
            self.header_span(),
            msg(|l| w::missing_key(l, &self.what.name(l), key)),
        );
    }

    pub fn str(&self, key: &str, d: &mut Diagnostics) -> Option<(&'a str, Span)> {
        let v = self.get(key)?;
        match v.get_ref() {
            DeValue::String(s) => Some((s.as_ref(), v.span())),
            other => {
                let t = type_of(other);
                d.error(
                    "wrong-type",
                    v.span(),
                    msg(|l| w::must_be_string(l, key, t)),
                );
                None
            }
        }
    }

    pub fn req_str(&self, key: &str, d: &mut Diagnostics) -> Option<(&'a str, Span)> {
        if self.get(key).is_none() {
            self.missing(key, d);
            return None;
        }
        self.str(key, d)
    }

    pub fn bool(&self, key: &str, d: &mut Diagnostics) -> Option<bool> {
        let v = self.get(key)?;
        match v.get_ref() {
            DeValue::Boolean(b) => Some(*b),
            other => {
                let t = type_of(other);
                d.error("wrong-type", v.span(), msg(|l| w::must_be_bool(l, key, t)));
                None
            }
        }
    }

    pub fn number(&self, key: &str, d: &mut Diagnostics) -> Option<(f64, Span)> {
        let v = self.get(key)?;
        match as_number(v.get_ref()) {
            Ok(x) => Some((x, v.span())),
            Err(e) => {
                d.error(
                    "wrong-type",
                    v.span(),
                    msg(|l| w::key_reason(l, key, &e.text(l))),
                );
                None
            }
        }
    }

    pub fn integer(&self, key: &str, d: &mut Diagnostics) -> Option<(i64, Span)> {
        let v = self.get(key)?;
        match v.get_ref() {
            DeValue::Integer(_) => match as_number(v.get_ref()) {
                Ok(x) => Some((x as i64, v.span())),
                Err(e) => {
                    d.error(
                        "wrong-type",
                        v.span(),
                        msg(|l| w::key_reason(l, key, &e.text(l))),
                    );
                    None
                }
            },
            other => {
                let t = type_of(other);
                d.error(
                    "wrong-type",
                    v.span(),
                    msg(|l| w::must_be_integer(l, key, t)),
                );
                None
            }
        }
    }

    pub fn table(&self, key: &str, what: &'a str, d: &mut Diagnostics) -> Option<Table<'a, 'i>> {
        let v = self.get(key)?;
        Table::of(v, what, d)
    }

    /// A list value (`[..]` or `[[..]]`); records `wrong-type` otherwise.
    pub fn array(&self, key: &str, d: &mut Diagnostics) -> Option<&'a [Value<'i>]> {
        let v = self.get(key)?;
        match v.get_ref() {
            DeValue::Array(a) => Some(a),
            other => {
                let t = type_of(other);
                d.error("wrong-type", v.span(), msg(|l| w::must_be_list(l, key, t)));
                None
            }
        }
    }

    /// A list of strings with their spans.
    pub fn str_list(&self, key: &str, d: &mut Diagnostics) -> Option<Vec<(&'a str, Span)>> {
        let items = self.array(key, d)?;
        let mut out = Vec::with_capacity(items.len());
        for item in items {
            match item.get_ref() {
                DeValue::String(s) => out.push((s.as_ref(), item.span())),
                other => {
                    let t = type_of(other);
                    d.error(
                        "wrong-type",
                        item.span(),
                        msg(|l| w::must_list_strings(l, key, t)),
                    )
                }
            }
        }
        Some(out)
    }
}
