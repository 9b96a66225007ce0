//! Reading an answers file: every key and answer checked against the
//! questionnaire, with file positions.

use std::collections::BTreeMap;

use toml::de::{DeTable, DeValue};

use super::{
    Answer, AnswersFile, Company, MAX_TEXT_CHARS, META_KEYS_LEAN, Mode, Orphan, org_number_valid,
    sni_valid, table_to_plain, to_plain,
};
use crate::diag::{Diagnostic, Diagnostics};
use crate::questionnaire::{Kind, Questionnaire};
use crate::text::{did_you_mean, fmt_num};
use crate::tomlread::{Span, Table, as_number, type_name};

pub(super) struct Reader<'q, 'd> {
    pub(super) q: &'q Questionnaire,
    pub(super) d: &'d mut Diagnostics,
    pub(super) mode: Mode,
    /// Statistics only: skip warnings, orphans, notes' texts and most of
    /// `[meta]` (see [`parse_lean`]). Errors are found all the same.
    pub(super) lean: bool,
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

    pub(super) fn document(&mut self, map: &DeTable<'_>, span: Span) -> AnswersFile {
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
