//! Reading phase: each table of the file becomes a raw item, its keys,
//! types and values checked where they stand.

use std::collections::HashMap;

use toml::de::DeValue;

use super::keys::*;
use super::{
    MAX_POINTS, MAX_WEIGHT, PendingExpr, RawQuestion, RawSection, Reader, check_id, text_limit,
};
use crate::diag::{Diagnostic, Diagnostics, msg};
use crate::i18n::diag::{self as w, Item};
use crate::questionnaire::{Area, Audience, Band, Kind, Needs, Question, Role, Section};
use crate::text::{LangCode, Text, suggest};
use crate::tomlread::{Span, Table, as_number, type_of};

impl Reader<'_, '_> {
    pub(super) fn pending(&mut self, t: &Table<'_, '_>, key: &str) -> Option<PendingExpr> {
        let (src, span) = t.str(key, self.d)?;
        let raw = self.src.get(span.clone()).unwrap_or("");
        let exact_start = ['"', '\''].iter().find_map(|q| {
            let inner = raw.strip_prefix(*q)?.strip_suffix(*q)?;
            (inner == src && !raw.starts_with("\"\"\"") && !raw.starts_with("'''"))
                .then_some(span.start + 1)
        });
        Some(PendingExpr {
            src: src.to_string(),
            span,
            exact_start,
        })
    }

    /// Reads an array of tables `key`, calling `f` for each entry.
    pub(super) fn list<T>(
        &mut self,
        t: &Table<'_, '_>,
        key: &str,
        what: &str,
        mut f: impl FnMut(&mut Self, &Table<'_, '_>) -> Option<T>,
    ) -> Vec<T> {
        let Some(items) = t.array(key, self.d) else {
            return Vec::new();
        };
        let mut out = Vec::with_capacity(items.len());
        for item in items {
            if let Some(tbl) = Table::of(item, what, self.d)
                && let Some(x) = f(self, &tbl)
            {
                out.push(x);
            }
        }
        out
    }

    pub(super) fn meta(
        &mut self,
        t: &Table<'_, '_>,
        base_langs: Option<&[String]>,
        extending: bool,
    ) -> (Option<String>, Option<String>, Option<Text>, Option<Text>) {
        t.check_keys(META_KEYS, self.d);
        // Its value was followed before this file was read; here only its type.
        let _ = t.str("extends", self.d);
        if let (Some(base), Some(list)) = (base_langs, t.str_list("languages", self.d)) {
            let own: Vec<&str> = list.iter().map(|(l, _)| *l).collect();
            if own != base.iter().map(String::as_str).collect::<Vec<_>>() {
                let span = t
                    .get("languages")
                    .map(|v| v.span())
                    .unwrap_or(t.header_span());
                let (own, base) = (own.join(", "), base.join(", "));
                self.d.error(
                    "extends",
                    span,
                    msg(|l| crate::i18n::format::languages_differ(l, &own, &base)),
                );
            }
        } else if let Some(langs) = t.str_list("languages", self.d) {
            let mut seen = Vec::new();
            for (l, span) in &langs {
                let valid = (2..=3).contains(&l.len()) && l.bytes().all(|b| b.is_ascii_lowercase());
                if !valid {
                    self.d.error(
                        "invalid-value",
                        span.clone(),
                        msg(|lang| w::not_a_language_code(lang, l)),
                    );
                } else if seen.contains(l) {
                    self.d.error(
                        "duplicate-id",
                        span.clone(),
                        msg(|lang| w::language_twice(lang, l)),
                    );
                } else {
                    seen.push(*l);
                }
            }
            if seen.is_empty() {
                let span = t
                    .get("languages")
                    .map(|v| v.span())
                    .unwrap_or(t.header_span());
                self.d.error(
                    "invalid-value",
                    span,
                    msg(|l| w::words(l).no_languages.to_string()),
                );
            } else {
                self.langs = seen.into_iter().map(String::from).collect();
            }
        }
        let id = t.req_str("id", self.d).and_then(|(id, span)| {
            check_id(id, span, Item::Questionnaire, false, self.d).then(|| id.to_string())
        });
        let version = t.req_str("version", self.d).map(|(v, span)| {
            if v.trim().is_empty() {
                self.d.error(
                    "invalid-value",
                    span,
                    msg(|l| w::words(l).empty_version.to_string()),
                );
            }
            v.to_string()
        });
        let title = self.text(t, "title", !extending);
        let description = self.text(t, "description", false);
        (id, version, title, description)
    }

    /// Reads a plain string (a name, a URL), bounded like a text.
    pub(super) fn short_str<'a>(
        &mut self,
        t: &Table<'a, '_>,
        key: &str,
        required: bool,
    ) -> Option<&'a str> {
        let (s, span) = if required {
            t.req_str(key, self.d)?
        } else {
            t.str(key, self.d)?
        };
        check_len(self.d, key, s, span);
        Some(s)
    }

    /// Reads a text: a plain string or a `{ sv = …, en = … }` table.
    pub(super) fn text(&mut self, t: &Table<'_, '_>, key: &str, required: bool) -> Option<Text> {
        let Some(v) = t.get(key) else {
            if required {
                t.missing(key, self.d);
            }
            return None;
        };
        // Borrowed, not cloned: this runs for every text of the file.
        let default: &str = self.langs.first().map_or("", String::as_str);
        match v.get_ref() {
            DeValue::String(s) => {
                check_len(self.d, key, s, v.span());
                if required && s.trim().is_empty() {
                    self.d
                        .error("missing-text", v.span(), msg(|l| w::text_empty(l, key)));
                }
                Some(Text::from_codes(vec![(
                    LangCode::new(default).unwrap_or_default(),
                    s.to_string(),
                )]))
            }
            DeValue::Table(map) => {
                let mut entries: Vec<(LangCode, String)> = Vec::with_capacity(map.len());
                for (k, val) in map.iter() {
                    let lang: &str = k.get_ref();
                    if !self.langs.iter().any(|l| l == lang) {
                        let list = self.langs.join(", ");
                        let hint = suggest(lang, self.langs.iter().map(String::as_str));
                        self.d.push(
                            Diagnostic::error(
                                "unknown-language",
                                Some(k.span()),
                                msg(|l| w::unknown_language(l, lang, &list, hint)),
                            )
                            .with_help(msg(|l| w::words(l).unknown_language_help.to_string())),
                        );
                        continue;
                    }
                    match val.get_ref() {
                        // Languages were checked to be 2–3 letters.
                        DeValue::String(s) => {
                            check_len(self.d, key, s, val.span());
                            entries.push((LangCode::new(lang).unwrap_or_default(), s.to_string()))
                        }
                        other => {
                            let t = type_of(other);
                            self.d.error(
                                "wrong-type",
                                val.span(),
                                msg(|l| w::lang_text_not_string(l, lang, key, t)),
                            )
                        }
                    }
                }
                let has_default = entries
                    .iter()
                    .any(|(l, s)| l.as_str() == default && !s.trim().is_empty());
                if !has_default {
                    self.d.push(
                        Diagnostic::error(
                            "missing-text",
                            Some(v.span()),
                            msg(|l| w::no_default_text(l, key, default)),
                        )
                        .with_help(msg(|l| w::no_default_text_help(l, default))),
                    );
                }
                // Default language first, so it is the fallback.
                let rank = |l: &LangCode| {
                    self.langs
                        .iter()
                        .position(|x| x == l.as_str())
                        .unwrap_or(usize::MAX)
                };
                if !entries.is_sorted_by_key(|(l, _)| rank(l)) {
                    entries.sort_by_key(|(l, _)| rank(l));
                }
                Some(Text::from_codes(entries))
            }
            other => {
                let t = type_of(other);
                self.d.error(
                    "wrong-type",
                    v.span(),
                    msg(|l| w::must_be_text(l, key, default, t)),
                );
                None
            }
        }
    }

    pub(super) fn id(
        &mut self,
        t: &Table<'_, '_>,
        what: Item,
        letter_first: bool,
    ) -> Option<(String, Span)> {
        let (id, span) = t.req_str("id", self.d)?;
        check_id(id, span.clone(), what, letter_first, self.d).then(|| (id.to_string(), span))
    }

    pub(super) fn area(&mut self, t: &Table<'_, '_>) -> Option<(Area, Span)> {
        t.check_keys(AREA_KEYS, self.d);
        let id = self.id(t, Item::Area, true);
        let title = self.text(t, "title", true);
        let description = self.text(t, "description", false);
        let (id, span) = id?;
        Some((
            Area {
                id,
                title: title.unwrap_or_default(),
                description,
                span: span.clone(),
            },
            span,
        ))
    }

    /// Reads `{ area = points }`.
    pub(super) fn needs(
        &mut self,
        t: &Table<'_, '_>,
        key: &str,
        areas: &HashMap<String, usize>,
    ) -> Needs {
        let Some(v) = t.get(key) else {
            return Vec::new();
        };
        let DeValue::Table(map) = v.get_ref() else {
            let t = type_of(v.get_ref());
            self.d.error(
                "wrong-type",
                v.span(),
                msg(|l| w::needs_not_table(l, key, t)),
            );
            return Vec::new();
        };
        let mut out = Vec::new();
        for (k, val) in map.iter() {
            let area: &str = k.get_ref();
            let Some(&a) = areas.get(area) else {
                let hint = suggest(area, areas.keys().map(String::as_str));
                self.d.error(
                    "unknown-area",
                    k.span(),
                    msg(|l| w::no_such_area(l, area, hint)),
                );
                continue;
            };
            match as_number(val.get_ref()) {
                Ok(x) if x.abs() > MAX_POINTS && key != "weights" => self.d.error(
                    "invalid-value",
                    val.span(),
                    msg(|l| w::points_out_of_range(l, area, x, MAX_POINTS)),
                ),
                Ok(x) if x > MAX_WEIGHT && key == "weights" => self.d.error(
                    "invalid-value",
                    val.span(),
                    msg(|l| w::weight_too_large(l, area, x, MAX_WEIGHT)),
                ),
                Ok(x) => out.push((a, x)),
                Err(e) => self.d.error(
                    "wrong-type",
                    val.span(),
                    msg(|l| w::points_for(l, area, &e.text(l))),
                ),
            }
        }
        out
    }

    pub(super) fn section(
        &mut self,
        t: &Table<'_, '_>,
        areas: &HashMap<String, usize>,
        base_sections: &[&str],
    ) -> (RawSection, Vec<RawQuestion>) {
        let extension = self.check_keys_of(
            t,
            base_sections,
            (SECTION_KEYS, SECTION_EXTENSION_KEYS),
            Item::Section,
        );
        let id = self.id(t, Item::Section, false);
        let title = self.text(t, "title", !extension);
        let help = self.text(t, "help", false);
        let show_if = self.pending(t, "show_if");
        let mut questions = Vec::new();
        if let Some(items) = t.array("question", self.d) {
            for item in items {
                if let Some(qt) = Table::of(item, "[[section.question]]", self.d)
                    && let Some(q) = self.question(&qt, areas)
                {
                    questions.push(q);
                }
            }
        }
        if t.get("question").is_none() {
            let sid = id.as_ref().map(|(i, _)| i.as_str()).unwrap_or("?");
            self.d.warning(
                "empty-section",
                t.header_span(),
                msg(|l| w::empty_section(l, sid)),
            );
        }
        let (id, span) = id.unwrap_or_else(|| (String::new(), t.header_span()));
        (
            RawSection {
                s: Section {
                    id,
                    title: title.unwrap_or_default(),
                    help,
                    show_if: None,
                    questions: 0..0,
                },
                show_if,
                span,
                extension,
            },
            questions,
        )
    }

    /// Checks a section's or actor's keys: those of an extension when its
    /// id is one of `base` (a region adding to the file it extends), else
    /// the full set. True for an extension.
    pub(super) fn check_keys_of(
        &mut self,
        t: &Table<'_, '_>,
        base: &[&str],
        (keys, extension_keys): (&[&str], &[&str]),
        what: Item,
    ) -> bool {
        let extension = t
            .get("id")
            .and_then(|v| match v.get_ref() {
                DeValue::String(s) => Some(base.contains(&s.as_ref())),
                _ => None,
            })
            .unwrap_or(false);
        if extension {
            self.extension_keys(t, extension_keys, what);
        } else {
            t.check_keys(keys, self.d);
        }
        extension
    }

    /// In an extending file, the keys of an addition to an item of the
    /// base: only `allowed`; anything else would change the base's item.
    pub(super) fn extension_keys(&mut self, t: &Table<'_, '_>, allowed: &[&str], what: Item) {
        let id = t
            .get("id")
            .and_then(|v| match v.get_ref() {
                DeValue::String(s) => Some(s.to_string()),
                _ => None,
            })
            .unwrap_or_default();
        let list = allowed
            .iter()
            .map(|k| format!("`{k}`"))
            .collect::<Vec<_>>()
            .join(", ");
        for (key, span, _) in t.entries() {
            if !allowed.contains(&key) {
                self.d.error(
                    "extends",
                    span,
                    msg(|l| crate::i18n::format::extension_key(l, key, what.name(l), &id, &list)),
                );
            }
        }
    }

    pub(super) fn question(
        &mut self,
        t: &Table<'_, '_>,
        areas: &HashMap<String, usize>,
    ) -> Option<RawQuestion> {
        let kind_name = t.req_str("kind", self.d).and_then(|(k, span)| {
            if KINDS.contains(&k) {
                Some(k)
            } else {
                let hint = suggest(k, KINDS.iter().copied());
                self.d.push(
                    Diagnostic::error(
                        "invalid-value",
                        Some(span),
                        msg(|l| w::not_a_kind(l, k, hint)),
                    )
                    .with_help(msg(|l| w::words(l).kind_help.to_string())),
                );
                None
            }
        });
        // Keys of another kind get a message that says so; keys of no kind
        // at all are reported by `check_keys`.
        let kind_keys: &[&str] = match kind_name {
            Some("single") => CHOICE_KEYS,
            Some("multi") => &["option", "max_choices"],
            Some("country") => MULTI_KEYS,
            Some("scale") => SCALE_KEYS,
            Some("number") => NUMBER_KEYS,
            _ => &[],
        };
        if let Some(kind) = kind_name {
            for (key, span, _) in t.entries() {
                let other_kind = CHOICE_KEYS.contains(&key)
                    || MULTI_KEYS.contains(&key)
                    || SCALE_KEYS.contains(&key)
                    || NUMBER_KEYS.contains(&key);
                if other_kind && !kind_keys.contains(&key) {
                    self.d.error(
                        "unknown-key",
                        span,
                        msg(|l| w::key_of_other_kind(l, key, kind)),
                    );
                }
            }
        }
        t.check_keys(QUESTION_ALL_KEYS, self.d);

        let id = self.id(t, Item::Question, true);
        let text = self.text(t, "text", true);
        let help = self.text(t, "help", false);
        let required = t.bool("required", self.d).unwrap_or(false);
        let show_if = self.pending(t, "show_if");
        let audience = match t.str("audience", self.d) {
            None => Audience::Both,
            Some(("both", _)) => Audience::Both,
            Some(("advisor", _)) => Audience::Advisor,
            Some(("company", _)) => Audience::Company,
            Some((other, span)) => {
                self.d.error(
                    "invalid-value",
                    span,
                    msg(|l| w::unknown_audience(l, other)),
                );
                Audience::Both
            }
        };
        let allow_unknown = t.bool("allow_unknown", self.d).unwrap_or(true);
        let allow_na = t.bool("allow_na", self.d).unwrap_or(false);
        let mut aliases = Vec::new();
        if let Some(list) = t.str_list("aliases", self.d) {
            for (a, span) in list {
                if check_id(a, span, Item::Alias, true, self.d) {
                    aliases.push(a.to_string());
                }
            }
        }
        let role = match t.str("role", self.d) {
            None => None,
            Some((name, span)) => match Role::parse(name) {
                Some(role) => {
                    if let Some(kind) = kind_name
                        && !role.kinds().contains(&kind)
                    {
                        let kinds = role.kinds().join(", ");
                        self.d.error(
                            "role-kind",
                            span,
                            msg(|l| w::role_kind(l, name, kind, &kinds)),
                        );
                    }
                    Some(role)
                }
                None => {
                    let names: Vec<&str> = Role::ALL.iter().map(|r| r.as_str()).collect();
                    let hint = suggest(name, names.iter().copied());
                    let list = names.join(", ");
                    self.d.push(
                        Diagnostic::error(
                            "invalid-value",
                            Some(span),
                            msg(|l| w::unknown_role(l, name, hint)),
                        )
                        .with_help(msg(|l| w::roles_are(l, &list))),
                    );
                    None
                }
            },
        };
        let qid = id
            .as_ref()
            .map(|(i, _)| i.as_str())
            .unwrap_or("?")
            .to_string();
        let share_with = t.str_list("share_with", self.d).map(|list| {
            list.into_iter()
                .map(|(a, span)| (a.to_string(), span))
                .collect::<Vec<_>>()
        });
        let kind = match kind_name {
            Some(k @ ("single" | "multi")) => {
                let options = self.options(t, areas, &qid, k == "single");
                if k == "single" {
                    Kind::Single { options }
                } else {
                    Kind::Multi { options }
                }
            }
            Some("country") => Kind::Multi {
                options: self.country_options(t),
            },
            Some("scale") => self.scale(t, areas),
            Some("number") => self.number(t, areas),
            Some("text") => Kind::Text,
            _ => Kind::Text,
        };
        let max_choices = self.max_choices(t, &kind);
        let (id, span) = id?;
        let country = kind_name? == "country";
        Some(RawQuestion {
            q: Question {
                id,
                section: 0,
                kind,
                text: text.unwrap_or_default(),
                help,
                required,
                show_if: None,
                audience,
                allow_unknown,
                allow_na,
                aliases,
                role,
                country,
                max_choices,
                share_with: None,
                max_points: Vec::new(),
                span,
            },
            show_if,
            share_with,
        })
    }
}

/// Reports a text longer than its key allows ([`text_limit`]).
pub(super) fn check_len(d: &mut Diagnostics, key: &str, s: &str, span: Span) {
    let max = text_limit(key);
    // Bytes first: a text has at most as many characters as bytes.
    if s.len() > max {
        let n = s.chars().count();
        if n > max {
            d.error("too-long", span, msg(|l| w::text_too_long(l, key, n, max)));
        }
    }
}

pub(super) fn band_text(l: crate::i18n::Lang, b: &Band) -> String {
    let f = b
        .from
        .map(crate::text::fmt_num)
        .unwrap_or_else(|| "−∞".into());
    let t = b.to.map(crate::text::fmt_num).unwrap_or_else(|| "∞".into());
    w::band_text(l, &f, &t)
}
