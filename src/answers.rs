//! The answers / session file (DESIGN.md §3): types, a parser that checks
//! every answer against the questionnaire with file positions, and a writer.

use std::collections::BTreeMap;
use std::path::Path;

use toml::de::{DeTable, DeValue};

use crate::diag::{Diagnostic, Diagnostics, FileError, SourceFile, read_text_file};
use crate::questionnaire::{Kind, Questionnaire};
use crate::text::{did_you_mean, fmt_num};
use crate::tomlread::{Span, Table, as_number, parse_document, type_name};

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

fn flag_table(key: &str) -> toml::Value {
    let mut t = toml::Table::new();
    t.insert(key.into(), toml::Value::Boolean(true));
    toml::Value::Table(t)
}

fn number_value(x: f64) -> toml::Value {
    if x.fract() == 0.0 && x.abs() < 9.0e15 {
        toml::Value::Integer(x as i64)
    } else {
        toml::Value::Float(x)
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
}

/// An answer kept in the file that the questionnaire cannot use (removed
/// question or option): shown, kept when saving, never scored.
#[derive(Debug, Clone, PartialEq)]
pub struct Orphan {
    pub question: String,
    pub value: toml::Value,
    pub reason: String,
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
    let (name, text) = read_text_file(path, MAX_ANSWERS_BYTES, "answers file")?;
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
            what: "answers file",
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

/// The `[meta]` keys [`parse_lean`] keeps (what `report` reads).
pub const META_KEYS_LEAN: &[&str] = &["updated", "created", "mode", "previous"];

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

struct Reader<'q, 'd> {
    q: &'q Questionnaire,
    d: &'d mut Diagnostics,
    mode: Mode,
    /// Statistics only: skip warnings, orphans, notes' texts and most of
    /// `[meta]` (see [`parse_lean`]). Errors are found all the same.
    lean: bool,
}

const TOP_KEYS: &[&str] = &[
    "questionnaire",
    "version",
    "company",
    "answers",
    "consent",
    "notes",
    "private_notes",
    "meta",
];
const COMPANY_KEYS: &[&str] = &["name", "org_number", "municipality", "sni", "employees"];

impl Reader<'_, '_> {
    /// An error in strict mode, a warning in lenient mode.
    fn problem(&mut self, code: &'static str, span: Span, msg: String) {
        if self.lean && self.mode == Mode::Lenient {
            return;
        }
        match self.mode {
            Mode::Strict => self.d.error(code, span, msg),
            Mode::Lenient => self.d.warning(code, span, msg),
        }
    }

    fn document(&mut self, map: &DeTable<'_>, span: Span) -> AnswersFile {
        let top = Table {
            map,
            span,
            what: "the answers file",
        };
        top.check_keys(TOP_KEYS, self.d);
        let mut out = AnswersFile::default();
        match top.str("questionnaire", self.d) {
            Some((id, span)) => {
                if id != self.q.id {
                    self.d.push(
                        Diagnostic::error(
                            "wrong-questionnaire",
                            Some(span),
                            format!(
                                "these answers belong to questionnaire `{id}`, but the questionnaire in use is `{}`",
                                self.q.id
                            ),
                        )
                        .with_help("pass the matching questionnaire with --questionnaire FILE"),
                    );
                }
                out.questionnaire = id.to_string();
            }
            None => {
                if top.get("questionnaire").is_none() {
                    self.d.push(
                        Diagnostic::error(
                            "missing-key",
                            Some(0..0),
                            "the file does not say which questionnaire it answers",
                        )
                        .with_help(format!(
                            "add `questionnaire = \"{}\"` at the top",
                            self.q.id
                        )),
                    );
                }
            }
        }
        if let Some((v, span)) = top.str("version", self.d) {
            if v != self.q.version {
                self.d.warning(
                    "version-differs",
                    span,
                    format!(
                        "answered with version {v} of the questionnaire; the version in use is {}",
                        self.q.version
                    ),
                );
            }
            out.version = Some(v.to_string());
        }
        if let Some(c) = top.table("company", "[company]", self.d) {
            out.company = self.company(&c);
        }
        match top.table("answers", "[answers]", self.d) {
            Some(a) => self.answers(&a, &mut out),
            None if top.get("answers").is_none() => {
                self.d.push(
                    Diagnostic::error("missing-key", Some(0..0), "the file has no [answers] table")
                        .with_help("add an [answers] table (it may be empty)"),
                );
            }
            None => {}
        }
        if let Some(c) = top.table("consent", "[consent]", self.d) {
            for (actor, span, v) in c.entries() {
                if self.q.actor(actor).is_none() && !self.lean {
                    let hint = did_you_mean(actor, self.q.actors.iter().map(|a| a.id.as_str()));
                    self.problem(
                        "unknown-actor",
                        span,
                        format!("consent for `{actor}`, but there is no such actor{hint}"),
                    );
                }
                match v.get_ref() {
                    DeValue::Boolean(b) => {
                        out.consent.insert(actor.to_string(), *b);
                    }
                    other => self.d.error(
                        "wrong-type",
                        v.span(),
                        format!(
                            "consent for `{actor}` must be true or false, found {}",
                            type_name(other)
                        ),
                    ),
                }
            }
        }
        out.notes = self.notes(&top, "notes");
        out.private_notes = self.notes(&top, "private_notes");
        if let Some(m) = top.table("meta", "[meta]", self.d) {
            out.meta = if self.lean {
                META_KEYS_LEAN
                    .iter()
                    .filter_map(|k| {
                        let v = m.get(k)?;
                        matches!(v.get_ref(), DeValue::String(_))
                            .then(|| (k.to_string(), to_plain(v.get_ref())))
                    })
                    .collect()
            } else {
                table_to_plain(m.map)
            };
        }
        out
    }

    fn company(&mut self, c: &Table<'_, '_>) -> Company {
        c.check_keys(COMPANY_KEYS, self.d);
        let mut company = Company::default();
        let text = |r: &mut Self, key: &str| {
            r.check_len(c, key);
            c.str(key, r.d).map(|(s, _)| s.to_string())
        };
        company.name = text(self, "name");
        company.municipality = text(self, "municipality");
        if let Some((org, span)) = c.str("org_number", self.d) {
            if !org_number_valid(org) {
                self.d.push(
                    Diagnostic::error(
                        "invalid-org-number",
                        Some(span),
                        format!("`{org}` is not a valid Swedish organisation number"),
                    )
                    .with_help(
                        "write 10 digits as NNNNNN-NNNN; the last digit is a check digit (Luhn)",
                    ),
                );
            }
            company.org_number = Some(org.to_string());
        }
        if let Some((sni, span)) = c.str("sni", self.d) {
            if !sni_valid(sni) {
                self.d.push(
                    Diagnostic::error(
                        "invalid-value",
                        Some(span),
                        format!("`{sni}` is not an SNI industry code"),
                    )
                    .with_help(
                        "an SNI 2007 code has two to five digits, e.g. \"25.620\" or \"62\"",
                    ),
                );
            }
            company.sni = Some(sni.to_string());
        }
        if let Some((n, span)) = c.integer("employees", self.d) {
            if n < 0 {
                self.d
                    .error("invalid-value", span, "`employees` cannot be negative");
            } else {
                company.employees = Some(n as u64);
            }
        }
        company
    }

    fn check_len(&mut self, t: &Table<'_, '_>, key: &str) {
        if let Some(v) = t.get(key)
            && let DeValue::String(s) = v.get_ref()
            && s.chars().count() > MAX_TEXT_CHARS
        {
            self.d.error(
                "too-long",
                v.span(),
                format!("`{key}` is longer than {MAX_TEXT_CHARS} characters"),
            );
        }
    }

    fn notes(&mut self, top: &Table<'_, '_>, key: &'static str) -> BTreeMap<String, String> {
        let mut out = BTreeMap::new();
        let what = if key == "notes" {
            "[notes]"
        } else {
            "[private_notes]"
        };
        let Some(t) = top.table(key, what, self.d) else {
            return out;
        };
        for (id, span, v) in t.entries() {
            let resolved = self
                .q
                .question_or_alias(id)
                .map(|i| self.q.questions[i].id.clone());
            if resolved.is_none() && !self.lean {
                let hint = did_you_mean(id, self.q.questions.iter().map(|q| q.id.as_str()));
                self.problem(
                    "unknown-question",
                    span,
                    format!("a note for `{id}`, but there is no such question{hint}"),
                );
            }
            self.check_len(&t, id);
            match v.get_ref() {
                DeValue::String(_) if self.lean => {}
                DeValue::String(s) => {
                    out.insert(resolved.unwrap_or_else(|| id.to_string()), s.to_string());
                }
                other => self.d.error(
                    "wrong-type",
                    v.span(),
                    format!(
                        "the note for `{id}` must be a string, found {}",
                        type_name(other)
                    ),
                ),
            }
        }
        out
    }

    fn answers(&mut self, t: &Table<'_, '_>, out: &mut AnswersFile) {
        // Collected, then built into the map in one go: inserting into a
        // BTreeMap one by one was a tenth of reading a session.
        let mut seen = vec![false; self.q.questions.len()];
        let mut found: Vec<(String, Answer)> = Vec::with_capacity(t.map.len());
        for (id, key_span, v) in t.entries() {
            let Some(qi) = self.q.question_or_alias(id) else {
                if self.lean {
                    continue;
                }
                let hint = did_you_mean(id, self.q.questions.iter().map(|q| q.id.as_str()));
                self.problem(
                    "unknown-question",
                    key_span,
                    format!("`{id}` is not a question of `{}`{hint}", self.q.id),
                );
                out.orphans.push(Orphan {
                    question: id.to_string(),
                    value: to_plain(v.get_ref()),
                    reason: "the question is not in the questionnaire".into(),
                });
                continue;
            };
            let question = &self.q.questions[qi];
            if seen.get(qi).copied().unwrap_or(true) || out.answers.contains_key(&question.id) {
                let msg = format!(
                    "`{id}` answers question `{}`, which is already answered under its other name",
                    question.id
                );
                if self.lean {
                    continue;
                }
                if self.mode == Mode::Lenient {
                    self.d.warning("duplicate-id", key_span, msg.clone());
                    out.orphans.push(Orphan {
                        question: id.to_string(),
                        value: to_plain(v.get_ref()),
                        reason: msg,
                    });
                } else {
                    self.d.error("duplicate-id", key_span, msg);
                }
                continue;
            }
            match self.answer(qi, v) {
                Ok(a) => {
                    seen[qi] = true;
                    found.push((question.id.clone(), a));
                }
                Err(_) if self.lean => {}
                Err((code, span, msg, _orphan)) => {
                    // A saved session keeps every answer that no longer fits
                    // (removed option, changed kind or range) as an orphan.
                    if self.mode == Mode::Lenient {
                        self.d.warning(code, span, msg.clone());
                        out.orphans.push(Orphan {
                            question: id.to_string(),
                            value: to_plain(v.get_ref()),
                            reason: msg,
                        });
                    } else {
                        self.d.error(code, span, msg);
                    }
                }
            }
        }
        if out.answers.is_empty() {
            out.answers = found.into_iter().collect();
        } else {
            out.answers.extend(found);
        }
    }

    /// Checks one answer. `Err` carries (code, span, message, whether it is
    /// an orphan — a removed option — rather than a malformed value).
    #[allow(clippy::type_complexity)]
    fn answer(
        &mut self,
        qi: usize,
        v: &toml::Spanned<DeValue<'_>>,
    ) -> Result<Answer, (&'static str, Span, String, bool)> {
        let q = &self.q.questions[qi];
        let span = v.span();
        let wrong = |expected: &str| {
            Err((
                "wrong-type",
                span.clone(),
                format!(
                    "question `{}` is {} and takes {expected}, found {}",
                    q.id,
                    kind_article(&q.kind),
                    type_name(v.get_ref())
                ),
                false,
            ))
        };
        // { unknown = true } / { not_applicable = true }
        if let DeValue::Table(t) = v.get_ref() {
            let mut keys = t.iter().map(|(k, v)| (k.get_ref().as_ref(), v.get_ref()));
            return match (keys.next(), keys.next()) {
                (Some(("unknown", DeValue::Boolean(true))), None) => {
                    if q.allow_unknown {
                        Ok(Answer::Unknown)
                    } else {
                        Err((
                            "invalid-answer",
                            span,
                            format!("question `{}` does not offer \"vet ej\" (unknown)", q.id),
                            false,
                        ))
                    }
                }
                (Some(("not_applicable", DeValue::Boolean(true))), None) => {
                    if q.allow_na {
                        Ok(Answer::NotApplicable)
                    } else {
                        Err((
                            "invalid-answer",
                            span,
                            format!(
                                "question `{}` does not offer \"ej relevant\" (not applicable)",
                                q.id
                            ),
                            false,
                        ))
                    }
                }
                _ => Err((
                    "invalid-answer",
                    span,
                    "a table answer must be `{ unknown = true }` or `{ not_applicable = true }`"
                        .into(),
                    false,
                )),
            };
        }
        let check_option =
            |id: &str, span: Span| -> Result<(), (&'static str, Span, String, bool)> {
                if q.kind.option_index(id).is_some() {
                    return Ok(());
                }
                let ids: Vec<&str> = q.kind.options().iter().map(|o| o.id.as_str()).collect();
                Err((
                    "unknown-option",
                    span,
                    format!(
                        "question `{}` has no option `{id}`{} (options: {})",
                        q.id,
                        did_you_mean(id, ids.iter().copied()),
                        ids.join(", ")
                    ),
                    true,
                ))
            };
        match (&q.kind, v.get_ref()) {
            (Kind::Single { .. }, DeValue::String(s)) => {
                check_option(s, span)?;
                Ok(Answer::Choice(s.to_string()))
            }
            (Kind::Single { .. }, _) => wrong("one option id in quotes"),
            (Kind::Multi { .. }, DeValue::Array(items)) => {
                let mut list: Vec<String> = Vec::new();
                for item in items.iter() {
                    match item.get_ref() {
                        DeValue::String(s) => {
                            check_option(s, item.span())?;
                            if !list.iter().any(|x| x == s.as_ref()) {
                                list.push(s.to_string());
                            }
                        }
                        other => {
                            return Err((
                                "wrong-type",
                                item.span(),
                                format!(
                                    "the options of `{}` must be option ids in quotes, found {}",
                                    q.id,
                                    type_name(other)
                                ),
                                false,
                            ));
                        }
                    }
                }
                // Keep questionnaire order.
                list.sort_by_key(|id| q.kind.option_index(id));
                Ok(Answer::Choices(list))
            }
            (Kind::Multi { .. }, _) => wrong("a list of option ids, e.g. [\"eu\", \"usa\"]"),
            (Kind::Scale { min, max, .. }, DeValue::Integer(_)) => {
                let x =
                    as_number(v.get_ref()).map_err(|m| ("wrong-type", span.clone(), m, false))?;
                if x < *min as f64 || x > *max as f64 {
                    return Err((
                        "out-of-range",
                        span,
                        format!(
                            "{} is outside the scale of `{}` ({min}–{max})",
                            fmt_num(x),
                            q.id
                        ),
                        false,
                    ));
                }
                Ok(Answer::Number(x))
            }
            (Kind::Scale { .. }, _) => wrong("a whole number on its scale"),
            (Kind::Number { min, max, .. }, DeValue::Integer(_) | DeValue::Float(_)) => {
                let x = as_number(v.get_ref())
                    .map_err(|m| ("invalid-answer", span.clone(), m, false))?;
                if min.is_some_and(|m| x < m) || max.is_some_and(|m| x > m) {
                    return Err((
                        "out-of-range",
                        span,
                        format!(
                            "{} is outside the allowed range of `{}` ({}–{})",
                            fmt_num(x),
                            q.id,
                            min.map(fmt_num).unwrap_or_default(),
                            max.map(fmt_num).unwrap_or_default()
                        ),
                        false,
                    ));
                }
                Ok(Answer::Number(x))
            }
            (Kind::Number { .. }, _) => wrong("a number"),
            (Kind::Text, DeValue::String(s)) => {
                if s.chars().count() > MAX_TEXT_CHARS {
                    return Err((
                        "too-long",
                        span,
                        format!("the answer is longer than {MAX_TEXT_CHARS} characters"),
                        false,
                    ));
                }
                Ok(Answer::Text(s.to_string()))
            }
            (Kind::Text, _) => wrong("a text in quotes"),
        }
    }
}

fn kind_article(k: &Kind) -> &'static str {
    match k {
        Kind::Single { .. } => "a single choice",
        Kind::Multi { .. } => "a multiple choice",
        Kind::Scale { .. } => "a scale",
        Kind::Number { .. } => "a number question",
        Kind::Text => "a text question",
    }
}

/// Writes a key bare when TOML allows it, quoted otherwise.
fn key(k: &str) -> String {
    if !k.is_empty()
        && k.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
    {
        k.to_string()
    } else {
        toml::Value::String(k.to_string()).to_string()
    }
}

fn inline(v: &toml::Value) -> String {
    match v {
        toml::Value::Table(t) => {
            let parts: Vec<String> = t
                .iter()
                .map(|(k, v)| format!("{} = {}", key(k), inline(v)))
                .collect();
            format!("{{ {} }}", parts.join(", "))
        }
        toml::Value::Array(a) => {
            let parts: Vec<String> = a.iter().map(inline).collect();
            format!("[{}]", parts.join(", "))
        }
        other => other.to_string(),
    }
}

impl AnswersFile {
    /// A new, empty answers file for a questionnaire.
    pub fn new(q: &Questionnaire) -> Self {
        AnswersFile {
            questionnaire: q.id.clone(),
            version: Some(q.version.clone()),
            ..Default::default()
        }
    }

    /// Serialises to the TOML format of DESIGN.md §3. Answers come in
    /// questionnaire order when `q` is given; orphans are kept.
    pub fn to_toml(&self, q: Option<&Questionnaire>) -> String {
        let mut s = String::with_capacity(1024);
        let str_val = |x: &str| toml::Value::String(x.to_string()).to_string();
        s.push_str(&format!(
            "questionnaire = {}\n",
            str_val(&self.questionnaire)
        ));
        if let Some(v) = &self.version {
            s.push_str(&format!("version = {}\n", str_val(v)));
        }
        let c = &self.company;
        if c != &Company::default() {
            s.push_str("\n[company]\n");
            for (k, v) in [
                ("name", &c.name),
                ("org_number", &c.org_number),
                ("municipality", &c.municipality),
                ("sni", &c.sni),
            ] {
                if let Some(v) = v {
                    s.push_str(&format!("{k} = {}\n", str_val(v)));
                }
            }
            if let Some(n) = c.employees {
                s.push_str(&format!("employees = {n}\n"));
            }
        }
        s.push_str("\n[answers]\n");
        let mut ids: Vec<&String> = self.answers.keys().collect();
        if let Some(q) = q {
            ids.sort_by_key(|id| q.question(id).unwrap_or(usize::MAX));
        }
        for id in ids {
            s.push_str(&format!(
                "{} = {}\n",
                key(id),
                inline(&self.answers[id].to_toml())
            ));
        }
        for o in &self.orphans {
            if !self.answers.contains_key(&o.question) {
                s.push_str(&format!("{} = {}\n", key(&o.question), inline(&o.value)));
            }
        }
        if !self.consent.is_empty() {
            s.push_str("\n[consent]\n");
            for (k, v) in &self.consent {
                s.push_str(&format!("{} = {v}\n", key(k)));
            }
        }
        for (title, notes) in [
            ("notes", &self.notes),
            ("private_notes", &self.private_notes),
        ] {
            if notes.values().any(|n| !n.is_empty()) {
                s.push_str(&format!("\n[{title}]\n"));
                for (k, v) in notes.iter().filter(|(_, v)| !v.is_empty()) {
                    s.push_str(&format!("{} = {}\n", key(k), str_val(v)));
                }
            }
        }
        if !self.meta.is_empty() {
            let mut wrapper = toml::Table::new();
            wrapper.insert("meta".into(), toml::Value::Table(self.meta.clone()));
            s.push('\n');
            s.push_str(&toml::to_string(&wrapper).unwrap_or_default());
        }
        s
    }
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
