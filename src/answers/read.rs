//! Reading an answers file: every key and answer checked against the
//! questionnaire, with file positions.

use std::collections::BTreeMap;

use toml::de::{DeTable, DeValue};

use super::{
    Answer, AnswersFile, Company, Contact, MAX_TEXT_CHARS, META_ARRAYS_LEAN, META_KEYS_LEAN, Mode,
    Orphan, org_number_valid, sni_valid, table_to_plain, to_plain,
};
use crate::diag::{Diagnostic, Diagnostics, Message, msg};
use crate::i18n::diag::{self as w, AnswerKind};
use crate::questionnaire::{Kind, Questionnaire};
use crate::text::{fmt_num, suggest};
use crate::tomlread::{Place, Span, Table, as_number, type_of};

/// A rejected answer: code, span, message.
type Rejected = (&'static str, Span, Message);

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
const COMPANY_KEYS: &[&str] = &[
    "name",
    "org_number",
    "municipality",
    "sni",
    "employees",
    "contact",
];
const CONTACT_KEYS: &[&str] = &["name", "role", "phone", "email"];

impl Reader<'_, '_> {
    /// An error in strict mode, a warning in lenient mode.
    fn problem(&mut self, code: &'static str, span: Span, msg: Message) {
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
            what: Place::AnswersTop,
        };
        let mut out = AnswersFile::default();
        self.keep_unknown(&top, TOP_KEYS, &mut out.extra);
        match top.str("questionnaire", self.d) {
            Some((id, span)) => {
                if !self.q.accepts(id) {
                    self.d.push(
                        Diagnostic::error(
                            "wrong-questionnaire",
                            Some(span),
                            msg(|l| w::wrong_questionnaire(l, id, &self.q.id)),
                        )
                        .with_help(msg(|l| w::words(l).wrong_questionnaire_help.to_string())),
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
                            msg(|l| w::words(l).no_questionnaire_key.to_string()),
                        )
                        .with_help(msg(|l| w::add_questionnaire_key(l, &self.q.id))),
                    );
                }
            }
        }
        if let Some((v, span)) = top.str("version", self.d) {
            // A file for the questionnaire a region extends carries that
            // one's version.
            let expected = self.q.version_for(&out.questionnaire);
            if v != expected {
                self.d.warning(
                    "version-differs",
                    span,
                    msg(|l| w::version_differs(l, v, expected)),
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
                    Diagnostic::error(
                        "missing-key",
                        Some(0..0),
                        msg(|l| w::words(l).no_answers_table.to_string()),
                    )
                    .with_help(msg(|l| w::words(l).no_answers_table_help.to_string())),
                );
            }
            None => {}
        }
        if let Some(c) = top.table("consent", "[consent]", self.d) {
            for (actor, span, v) in c.entries() {
                if self.q.actor(actor).is_none() && !self.lean {
                    let hint = suggest(actor, self.q.actors.iter().map(|a| a.id.as_str()));
                    self.problem(
                        "unknown-actor",
                        span,
                        msg(|l| w::consent_unknown_actor(l, actor, hint)),
                    );
                }
                match v.get_ref() {
                    DeValue::Boolean(b) => {
                        out.consent.insert(actor.to_string(), *b);
                    }
                    other => {
                        let t = type_of(other);
                        self.d.error(
                            "wrong-type",
                            v.span(),
                            msg(|l| w::consent_not_bool(l, actor, t)),
                        )
                    }
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
                    .chain(META_ARRAYS_LEAN.iter().filter_map(|k| {
                        let v = m.get(k)?;
                        matches!(v.get_ref(), DeValue::Array(_))
                            .then(|| (k.to_string(), to_plain(v.get_ref())))
                    }))
                    .collect()
            } else {
                table_to_plain(m.map)
            };
        }
        out
    }

    fn company(&mut self, c: &Table<'_, '_>) -> Company {
        let mut company = Company::default();
        self.keep_unknown(c, COMPANY_KEYS, &mut company.extra);
        if let Some(t) = c.table("contact", "[company.contact]", self.d) {
            let mut contact = Contact::default();
            self.keep_unknown(&t, CONTACT_KEYS, &mut contact.extra);
            for (key, field) in [
                ("name", &mut contact.name),
                ("role", &mut contact.role),
                ("phone", &mut contact.phone),
                ("email", &mut contact.email),
            ] {
                self.check_len(&t, key);
                *field = t.str(key, self.d).map(|(s, _)| s.to_string());
            }
            if !contact.is_empty() {
                company.contact = Some(contact);
            }
        }
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
                        msg(|l| w::bad_org_number(l, org)),
                    )
                    .with_help(msg(|l| w::words(l).org_number_help.to_string())),
                );
            }
            company.org_number = Some(org.to_string());
        }
        if let Some((sni, span)) = c.str("sni", self.d) {
            if !sni_valid(sni) {
                self.d.push(
                    Diagnostic::error("invalid-value", Some(span), msg(|l| w::bad_sni(l, sni)))
                        .with_help(msg(|l| w::words(l).sni_help.to_string())),
                );
            }
            company.sni = Some(sni.to_string());
        }
        if let Some((n, span)) = c.integer("employees", self.d) {
            if n < 0 {
                self.d.error(
                    "invalid-value",
                    span,
                    msg(|l| w::words(l).negative_employees.to_string()),
                );
            } else {
                company.employees = Some(n as u64);
            }
        }
        company
    }

    /// Keys of `t` not in `allowed` are kept in `into` (a file from a newer
    /// version keeps what it knows and we do not) with a warning that names
    /// them; never an error, never a reason to quarantine.
    fn keep_unknown(&mut self, t: &Table<'_, '_>, allowed: &[&str], into: &mut toml::Table) {
        for (key, span, v) in t.entries() {
            if allowed.contains(&key) {
                continue;
            }
            into.insert(key.to_string(), to_plain(v.get_ref()));
            if self.lean {
                continue;
            }
            let hint = suggest(key, allowed.iter().copied());
            let place = t.what;
            self.d.warning(
                "unknown-key",
                span,
                msg(|l| w::unknown_key_kept(l, key, &place.name(l), hint)),
            );
        }
    }

    fn check_len(&mut self, t: &Table<'_, '_>, key: &str) {
        if let Some(v) = t.get(key)
            && let DeValue::String(s) = v.get_ref()
            && s.chars().count() > MAX_TEXT_CHARS
        {
            self.d.error(
                "too-long",
                v.span(),
                msg(|l| w::key_too_long(l, key, MAX_TEXT_CHARS)),
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
                let hint = suggest(id, self.q.questions.iter().map(|q| q.id.as_str()));
                self.problem(
                    "unknown-question",
                    span,
                    msg(|l| w::note_unknown_question(l, id, hint)),
                );
            }
            self.check_len(&t, id);
            match v.get_ref() {
                DeValue::String(_) if self.lean => {}
                DeValue::String(s) => {
                    out.insert(resolved.unwrap_or_else(|| id.to_string()), s.to_string());
                }
                other => {
                    let t = type_of(other);
                    self.d.error(
                        "wrong-type",
                        v.span(),
                        msg(|l| w::note_not_string(l, id, t)),
                    )
                }
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
                let hint = suggest(id, self.q.questions.iter().map(|q| q.id.as_str()));
                self.problem(
                    "unknown-question",
                    key_span,
                    msg(|l| w::not_a_question_of(l, id, &self.q.id, hint)),
                );
                out.orphans.push(Orphan::new(
                    id,
                    to_plain(v.get_ref()),
                    msg(|l| w::words(l).orphan_no_question.to_string()),
                ));
                continue;
            };
            let question = &self.q.questions[qi];
            if seen.get(qi).copied().unwrap_or(true) || out.answers.contains_key(&question.id) {
                if self.lean {
                    continue;
                }
                let m = msg(|l| w::answered_twice(l, id, &question.id));
                if self.mode == Mode::Lenient {
                    self.d.warning("duplicate-id", key_span, m.clone());
                    out.orphans.push(Orphan::new(id, to_plain(v.get_ref()), m));
                } else {
                    self.d.error("duplicate-id", key_span, m);
                }
                continue;
            }
            match self.answer(qi, v) {
                Ok(a) => {
                    seen[qi] = true;
                    found.push((question.id.clone(), a));
                }
                Err(_) if self.lean => {}
                Err((code, span, m)) => {
                    // A saved session keeps every answer that no longer fits
                    // (removed option, changed kind or range) as an orphan.
                    if self.mode == Mode::Lenient {
                        self.d.warning(code, span, m.clone());
                        out.orphans.push(Orphan::new(id, to_plain(v.get_ref()), m));
                    } else {
                        self.d.error(code, span, m);
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

    /// Checks one answer. `Err` carries (code, span, message).
    fn answer(&mut self, qi: usize, v: &toml::Spanned<DeValue<'_>>) -> Result<Answer, Rejected> {
        let q = &self.q.questions[qi];
        let span = v.span();
        let t = type_of(v.get_ref());
        let wrong = |kind: AnswerKind| {
            Err((
                "wrong-type",
                span.clone(),
                msg(|l| w::wrong_answer_type(l, &q.id, kind, t)),
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
                        Err(("invalid-answer", span, msg(|l| w::no_unknown(l, &q.id))))
                    }
                }
                (Some(("not_applicable", DeValue::Boolean(true))), None) => {
                    if q.allow_na {
                        Ok(Answer::NotApplicable)
                    } else {
                        Err(("invalid-answer", span, msg(|l| w::no_na(l, &q.id))))
                    }
                }
                _ => Err((
                    "invalid-answer",
                    span,
                    msg(|l| w::words(l).table_answer.to_string()),
                )),
            };
        }
        let check_option = |id: &str, span: Span| -> Result<(), Rejected> {
            if q.kind.option_index(id).is_some() {
                return Ok(());
            }
            if q.country {
                let hint = crate::questionnaire::Countries::builtin()
                    .ok()
                    .and_then(|c| c.by_name(id));
                return Err((
                    "unknown-country",
                    span,
                    msg(|l| {
                        crate::i18n::format::unknown_country(
                            l,
                            &q.id,
                            id,
                            hint.map(|c| (c.code.as_str(), c.name(l))),
                        )
                    }),
                ));
            }
            let ids: Vec<&str> = q.kind.options().iter().map(|o| o.id.as_str()).collect();
            let hint = suggest(id, ids.iter().copied());
            let list = ids.join(", ");
            Err((
                "unknown-option",
                span,
                msg(|l| w::answer_unknown_option(l, &q.id, id, hint, &list)),
            ))
        };
        match (&q.kind, v.get_ref()) {
            (Kind::Single { .. }, DeValue::String(s)) => {
                check_option(s, span)?;
                Ok(Answer::Choice(s.to_string()))
            }
            (Kind::Single { .. }, _) => wrong(AnswerKind::Single),
            (Kind::Multi { options }, DeValue::Array(_) | DeValue::String(_)) => {
                // One option id where a list belongs is a list of one (a
                // question that was a single choice in an earlier version).
                let items: Vec<&toml::Spanned<DeValue<'_>>> = match v.get_ref() {
                    DeValue::Array(items) => items.iter().collect(),
                    _ => vec![v],
                };
                let mut list: Vec<String> = Vec::new();
                let mut exclusive: Option<(String, Span)> = None;
                for item in items {
                    match item.get_ref() {
                        DeValue::String(s) => {
                            // Country codes may be written in capitals ("NO").
                            let s: String = if q.country {
                                s.to_ascii_lowercase()
                            } else {
                                s.to_string()
                            };
                            check_option(&s, item.span())?;
                            if options.iter().any(|o| o.exclusive && o.id == s) {
                                exclusive.get_or_insert((s.clone(), item.span()));
                            }
                            if !list.contains(&s) {
                                list.push(s);
                            }
                        }
                        other => {
                            let t = type_of(other);
                            return Err((
                                "wrong-type",
                                item.span(),
                                msg(|l| w::multi_item_type(l, &q.id, t)),
                            ));
                        }
                    }
                }
                if let Some((ex, ex_span)) = exclusive
                    && list.len() > 1
                {
                    let label = options
                        .iter()
                        .find(|o| o.id == ex)
                        .map(|o| o.label.get(self.q.default_lang()).to_string())
                        .unwrap_or_default();
                    return Err((
                        "exclusive-conflict",
                        ex_span,
                        msg(|l| crate::i18n::format::exclusive_conflict(l, &q.id, &ex, &label)),
                    ));
                }
                if let Some(max) = q.max_choices
                    && list.len() > max
                {
                    let n = list.len();
                    return Err((
                        "too-many-choices",
                        span,
                        msg(|l| crate::i18n::format::too_many_choices(l, &q.id, n, max)),
                    ));
                }
                // Keep questionnaire order.
                list.sort_by_key(|id| q.kind.option_index(id));
                Ok(Answer::Choices(list))
            }
            (Kind::Multi { .. }, _) => wrong(AnswerKind::Multi),
            (Kind::Scale { min, max, .. }, DeValue::Integer(_)) => {
                let x = as_number(v.get_ref())
                    .map_err(|e| ("wrong-type", span.clone(), msg(|l| e.text(l))))?;
                if x < *min as f64 || x > *max as f64 {
                    let (lo, hi) = (min.to_string(), max.to_string());
                    return Err((
                        "out-of-range",
                        span,
                        msg(|l| w::outside_scale(l, &fmt_num(x), &q.id, &lo, &hi)),
                    ));
                }
                Ok(Answer::Number(x))
            }
            (Kind::Scale { .. }, _) => wrong(AnswerKind::Scale),
            (Kind::Number { min, max, .. }, DeValue::Integer(_) | DeValue::Float(_)) => {
                let x = as_number(v.get_ref())
                    .map_err(|e| ("invalid-answer", span.clone(), msg(|l| e.text(l))))?;
                if min.is_some_and(|m| x < m) || max.is_some_and(|m| x > m) {
                    let lo = min.map(fmt_num).unwrap_or_default();
                    let hi = max.map(fmt_num).unwrap_or_default();
                    return Err((
                        "out-of-range",
                        span,
                        msg(|l| w::outside_range(l, &fmt_num(x), &q.id, &lo, &hi)),
                    ));
                }
                Ok(Answer::Number(x))
            }
            (Kind::Number { .. }, _) => wrong(AnswerKind::Number),
            (Kind::Text, DeValue::String(s)) => {
                if s.chars().count() > MAX_TEXT_CHARS {
                    return Err((
                        "too-long",
                        span,
                        msg(|l| w::answer_too_long(l, MAX_TEXT_CHARS)),
                    ));
                }
                Ok(Answer::Text(s.to_string()))
            }
            (Kind::Text, _) => wrong(AnswerKind::Text),
        }
    }
}
