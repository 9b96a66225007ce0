//! A small reader over toml's spanned document tree that records every
//! problem as a [`Diagnostic`] instead of stopping at the first one.
//!
//! serde's `deny_unknown_fields` stops at the first mistake; a coordinator
//! editing a checklist wants all of them in one run, with line and column.

use std::ops::Range;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::diag::{Diagnostic, Diagnostics};
use crate::text::did_you_mean;

pub type Span = Range<usize>;
pub type Value<'i> = Spanned<DeValue<'i>>;

/// Parses TOML text, recording syntax errors (all of them the parser can
/// recover from) as `syntax` diagnostics.
pub fn parse_document<'i>(text: &'i str, diags: &mut Diagnostics) -> Spanned<DeTable<'i>> {
    let (doc, errors) = DeTable::parse_recoverable(text);
    for e in errors {
        let span = e.span().unwrap_or(0..0);
        diags.push(Diagnostic::error(
            "syntax",
            Some(span),
            syntax_message(e.message()),
        ));
    }
    doc
}

/// toml's messages are terse and sometimes multi-line; keep them on one line
/// and say what it is about.
fn syntax_message(msg: &str) -> String {
    let msg = msg.trim().replace('\n', "; ");
    let msg = msg.trim_end_matches(';').trim();
    if msg.contains("duplicate key") {
        format!("{msg} (each key may appear only once in a table)")
    } else {
        format!("TOML syntax: {msg}")
    }
}

/// A human name of a value's type for messages.
pub fn type_name(v: &DeValue<'_>) -> &'static str {
    match v {
        DeValue::String(_) => "a string",
        DeValue::Integer(_) => "an integer",
        DeValue::Float(_) => "a decimal number",
        DeValue::Boolean(_) => "true/false",
        DeValue::Datetime(_) => "a date",
        DeValue::Array(_) => "a list",
        DeValue::Table(_) => "a table",
    }
}

/// Reads a number (integer or float) from a value; `Err` says why not.
pub fn as_number(v: &DeValue<'_>) -> Result<f64, String> {
    match v {
        DeValue::Integer(i) => {
            let digits = i.as_str();
            let (neg, body) = match digits.strip_prefix('-') {
                Some(rest) => (true, rest),
                None => (false, digits.strip_prefix('+').unwrap_or(digits)),
            };
            match i64::from_str_radix(body, i.radix()) {
                Ok(n) => Ok(if neg { -(n as f64) } else { n as f64 }),
                Err(_) => Err(format!("the number `{digits}` is too large")),
            }
        }
        DeValue::Float(f) => match f.as_str().parse::<f64>() {
            Ok(x) if x.is_finite() => Ok(x),
            _ => Err(format!("`{}` is not a finite number", f.as_str())),
        },
        other => Err(format!("expected a number, found {}", type_name(other))),
    }
}

/// A table being read, with the name it has in messages.
#[derive(Clone)]
pub struct Table<'a, 'i> {
    pub map: &'a DeTable<'i>,
    pub span: Span,
    pub what: &'a str,
}

impl<'a, 'i> Table<'a, 'i> {
    /// Views a value as a table, or records `wrong-type`.
    pub fn of(v: &'a Value<'i>, what: &'a str, d: &mut Diagnostics) -> Option<Self> {
        match v.get_ref() {
            DeValue::Table(map) => Some(Table {
                map,
                span: v.span(),
                what,
            }),
            other => {
                d.error(
                    "wrong-type",
                    v.span(),
                    format!("{what} must be a table, found {}", type_name(other)),
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
                d.push(
                    Diagnostic::error(
                        "unknown-key",
                        Some(k.span()),
                        format!(
                            "unknown key `{key}` in {}{}",
                            self.what,
                            did_you_mean(key, allowed.iter().copied())
                        ),
                    )
                    .with_help(format!("allowed keys here: {}", allowed.join(", "))),
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
            format!("{} is missing the required key `{key}`", self.what),
        );
    }

    pub fn str(&self, key: &str, d: &mut Diagnostics) -> Option<(&'a str, Span)> {
        let v = self.get(key)?;
        match v.get_ref() {
            DeValue::String(s) => Some((s.as_ref(), v.span())),
            other => {
                d.error(
                    "wrong-type",
                    v.span(),
                    format!("`{key}` must be a string, found {}", type_name(other)),
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
                d.error(
                    "wrong-type",
                    v.span(),
                    format!("`{key}` must be true or false, found {}", type_name(other)),
                );
                None
            }
        }
    }

    pub fn number(&self, key: &str, d: &mut Diagnostics) -> Option<(f64, Span)> {
        let v = self.get(key)?;
        match as_number(v.get_ref()) {
            Ok(x) => Some((x, v.span())),
            Err(msg) => {
                d.error("wrong-type", v.span(), format!("`{key}`: {msg}"));
                None
            }
        }
    }

    pub fn integer(&self, key: &str, d: &mut Diagnostics) -> Option<(i64, Span)> {
        let v = self.get(key)?;
        match v.get_ref() {
            DeValue::Integer(_) => match as_number(v.get_ref()) {
                Ok(x) => Some((x as i64, v.span())),
                Err(msg) => {
                    d.error("wrong-type", v.span(), format!("`{key}`: {msg}"));
                    None
                }
            },
            other => {
                d.error(
                    "wrong-type",
                    v.span(),
                    format!("`{key}` must be a whole number, found {}", type_name(other)),
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
                let hint = if matches!(other, DeValue::Table(_)) {
                    format!(" (write `[[{key}]]` for each entry, not `[{key}]`)")
                } else {
                    String::new()
                };
                d.error(
                    "wrong-type",
                    v.span(),
                    format!("`{key}` must be a list, found {}{hint}", type_name(other)),
                );
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
                other => d.error(
                    "wrong-type",
                    item.span(),
                    format!("`{key}` must list strings, found {}", type_name(other)),
                ),
            }
        }
        Some(out)
    }
}
