//! The country data behind `kind = "country"` questions and the conditions
//! `any(QUESTION, TAGS)` / `all(QUESTION, TAGS)`: ISO 3166-1 alpha-2 codes
//! with Swedish and English names, memberships (EU, EEA, EFTA, OECD …) and
//! the country-linked EU sanctions regimes as of a date.
//!
//! The data is a TOML file shipped with the program
//! (`questionnaires/countries.toml`, embedded) and checked like every other
//! file: each mistake is a `country-data` diagnostic with its position.

use std::sync::OnceLock;

use crate::diag::{Diagnostic, Diagnostics, FileError, FileKind, SourceFile, msg};
use crate::i18n::Lang;
use crate::i18n::format as w;
use crate::tomlread::{Place, Span, Table, parse_document};

/// The built-in country data, embedded in the binary.
pub const COUNTRIES_TOML: &str = include_str!("../../questionnaires/countries.toml");
/// The name the built-in country data has in messages.
pub const COUNTRIES_NAME: &str = "questionnaires/countries.toml";

/// Membership and region tags a country may carry (`member = [...]`).
pub const MEMBER_TAGS: &[&str] = &[
    "eu",
    "eea",
    "efta",
    "oecd",
    "un",
    "marketable_risk",
    "nordic",
    "europe",
    "africa",
    "asia",
    "middle_east",
    "north_america",
    "central_america",
    "caribbean",
    "south_america",
    "latin_america",
    "oceania",
    "eu_special_territory",
];

/// Tags computed from a country's sanctions regimes.
pub const SANCTION_TAGS: &[&str] = &[
    "sanctioned",
    "sanction_broad",
    "sanction_targeted",
    "sanction_regional",
];

/// Every tag a condition may name (besides `sanction.REGIME`).
pub fn all_tags() -> impl Iterator<Item = &'static str> {
    MEMBER_TAGS.iter().chain(SANCTION_TAGS).copied()
}

/// The index of a tag in [`MEMBER_TAGS`] followed by [`SANCTION_TAGS`].
pub fn tag_index(name: &str) -> Option<u8> {
    all_tags().position(|t| t == name).map(|i| i as u8)
}

/// The name of a tag index.
pub fn tag_name(i: u8) -> &'static str {
    all_tags().nth(usize::from(i)).unwrap_or("?")
}

/// What an EU sanctions regime restricts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RegimeKind {
    /// Trade or sector restrictions: exports may be prohibited or need a licence.
    Broad,
    /// Arms embargo and/or listed persons and entities only.
    Targeted,
    /// Only part of the country's territory.
    Regional,
}

impl RegimeKind {
    pub fn as_str(self) -> &'static str {
        match self {
            RegimeKind::Broad => "broad",
            RegimeKind::Targeted => "targeted",
            RegimeKind::Regional => "regional",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Regime {
    pub id: String,
    pub kind: RegimeKind,
    /// `verified` (an official source) or `secondary` (a third-party or
    /// older source).
    pub verification: String,
}

#[derive(Debug, Clone)]
pub struct Country {
    /// ISO 3166-1 alpha-2, lower case.
    pub code: String,
    pub sv: String,
    pub en: String,
    /// Bit `i` set when the country has tag `i` (see [`tag_index`]).
    tags: u32,
    /// Indices into [`Countries::regimes`].
    pub regimes: Vec<usize>,
    pub aliases: Vec<String>,
    pub note: Option<String>,
}

impl Country {
    pub fn name(&self, lang: Lang) -> &str {
        match lang {
            Lang::Sv => &self.sv,
            Lang::En => &self.en,
        }
    }

    /// Whether the country has tag `i` (a member tag or a sanctions tag).
    pub fn has_tag(&self, i: u8) -> bool {
        i < 32 && self.tags & (1 << i) != 0
    }

    /// The member tags, in [`MEMBER_TAGS`] order.
    pub fn member_tags(&self) -> impl Iterator<Item = &'static str> + '_ {
        MEMBER_TAGS
            .iter()
            .enumerate()
            .filter(|(i, _)| self.tags & (1 << i) != 0)
            .map(|(_, t)| *t)
    }
}

/// Where a fact in the data comes from.
#[derive(Debug, Clone)]
pub struct DataSource {
    pub what: String,
    pub url: String,
    pub checked: String,
}

/// The validated country data.
#[derive(Debug, Clone)]
pub struct Countries {
    /// The date the memberships were checked (`YYYY-MM-DD`).
    pub as_of: String,
    /// The date the sanctions regimes were checked (`YYYY-MM-DD`).
    pub sanctions_as_of: String,
    pub sources: Vec<DataSource>,
    pub regimes: Vec<Regime>,
    /// Sorted by code.
    pub countries: Vec<Country>,
    /// `index[(a-'a')*26 + (b-'a')]` = position in `countries` + 1, 0 = none.
    index: Vec<u16>,
}

/// A set of countries (by index in [`Countries::countries`]).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CountrySet(Vec<u64>);

impl CountrySet {
    pub fn with_len(n: usize) -> Self {
        CountrySet(vec![0; n.div_ceil(64)])
    }

    pub fn insert(&mut self, i: usize) {
        if let Some(w) = self.0.get_mut(i / 64) {
            *w |= 1 << (i % 64);
        }
    }

    pub fn contains(&self, i: usize) -> bool {
        self.0.get(i / 64).is_some_and(|w| w & (1 << (i % 64)) != 0)
    }

    pub fn len(&self) -> usize {
        self.0.iter().map(|w| w.count_ones() as usize).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.0.iter().all(|w| *w == 0)
    }

    pub fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        self.0.iter().enumerate().flat_map(|(k, w)| {
            (0..64)
                .filter(move |b| w & (1u64 << b) != 0)
                .map(move |b| k * 64 + b)
        })
    }
}

fn slot(code: &str) -> Option<usize> {
    let b = code.as_bytes();
    if b.len() != 2 {
        return None;
    }
    let (x, y) = (b[0].to_ascii_lowercase(), b[1].to_ascii_lowercase());
    (x.is_ascii_lowercase() && y.is_ascii_lowercase())
        .then(|| usize::from(x - b'a') * 26 + usize::from(y - b'a'))
}

impl Countries {
    /// The position of a code (case-insensitive), if it is a country.
    pub fn get(&self, code: &str) -> Option<usize> {
        let s = slot(code)?;
        match self.index.get(s).copied() {
            Some(0) | None => None,
            Some(i) => Some(usize::from(i) - 1),
        }
    }

    pub fn country(&self, code: &str) -> Option<&Country> {
        self.get(code).map(|i| &self.countries[i])
    }

    pub fn regime(&self, id: &str) -> Option<usize> {
        self.regimes.iter().position(|r| r.id == id)
    }

    /// A country whose name or alias is `text` (case-insensitive), for
    /// "did you mean `gb`" hints.
    pub fn by_name(&self, text: &str) -> Option<&Country> {
        let t = text.trim().to_lowercase();
        if t.is_empty() {
            return None;
        }
        self.countries.iter().find(|c| {
            c.sv.to_lowercase() == t
                || c.en.to_lowercase() == t
                || c.aliases.iter().any(|a| a.to_lowercase() == t)
        })
    }

    /// The built-in data. It is checked by the test suite; should it ever
    /// be invalid, the error is returned (and reported by the loader).
    pub fn builtin() -> Result<&'static Countries, &'static FileError> {
        static DATA: OnceLock<Result<Countries, FileError>> = OnceLock::new();
        DATA.get_or_init(|| Countries::load_str(COUNTRIES_NAME, COUNTRIES_TOML))
            .as_ref()
    }

    /// Reads and checks country data; `name` is used in messages.
    pub fn load_str(name: &str, text: &str) -> Result<Countries, FileError> {
        let mut d = Diagnostics::default();
        let data = {
            let doc = parse_document(text, &mut d);
            read(doc.get_ref(), doc.span(), &mut d)
        };
        d.sort();
        let file = SourceFile::new(name, text);
        match data {
            Some(c) if !d.has_errors() => Ok(c),
            _ => Err(FileError::Invalid {
                file: Box::new(file),
                diagnostics: d.items,
                what: FileKind::Questionnaire,
            }),
        }
    }
}

/// A real calendar date written `YYYY-MM-DD`.
pub fn valid_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        let t = s.get(r)?;
        t.bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| t.parse().ok())?
    };
    let (Some(y), Some(m), Some(day)) = (num(0..4), num(5..7), num(8..10)) else {
        return false;
    };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1900..=2999).contains(&y) && (1..=days).contains(&day)
}

/// An `http(s)://host/…` address without spaces.
pub fn valid_url(s: &str) -> bool {
    let rest = s
        .strip_prefix("https://")
        .or_else(|| s.strip_prefix("http://"));
    let Some(rest) = rest else { return false };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host_ok = !host.is_empty()
        && host.contains('.')
        && host
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b':'));
    host_ok && !s.chars().any(|c| c.is_whitespace() || c.is_control())
}

const TOP_KEYS: &[&str] = &["meta", "regime", "country"];
const META_KEYS: &[&str] = &[
    "as_of",
    "sanctions_as_of",
    "sanctions_compiled",
    "sources",
    "names_note",
    "sanctions_note",
    "un_members",
];
const SOURCE_KEYS: &[&str] = &["what", "url", "checked", "page_date", "says"];
const REGIME_KEYS: &[&str] = &["kind", "verification"];
const COUNTRY_KEYS: &[&str] = &["sv", "en", "member", "sanctions", "aliases", "note"];

fn err(d: &mut Diagnostics, span: Span, m: crate::diag::Message) {
    d.push(Diagnostic::error("country-data", Some(span), m));
}

fn date(t: &Table<'_, '_>, key: &str, d: &mut Diagnostics, required: bool) -> Option<String> {
    if t.get(key).is_none() {
        if required {
            t.missing(key, d);
        }
        return None;
    }
    let (s, span) = t.str(key, d)?;
    if !valid_date(s) {
        err(d, span, msg(|l| w::bad_date(l, key, s)));
    }
    Some(s.to_string())
}

fn read(map: &toml::de::DeTable<'_>, span: Span, d: &mut Diagnostics) -> Option<Countries> {
    let top = Table {
        map,
        span,
        what: Place::Named("countries file"),
    };
    top.check_keys(TOP_KEYS, d);
    let meta = match top.get("meta") {
        Some(v) => Table::of(v, "[meta]", d),
        None => {
            d.error("missing-key", 0..0, msg(w::countries_no_meta));
            None
        }
    };
    let (mut as_of, mut sanctions_as_of, mut sources) = (None, None, Vec::new());
    if let Some(m) = &meta {
        m.check_keys(META_KEYS, d);
        as_of = date(m, "as_of", d, true);
        sanctions_as_of = date(m, "sanctions_as_of", d, true);
        if let Some(items) = m.array("sources", d) {
            for item in items {
                let Some(st) = Table::of(item, "a source in `sources`", d) else {
                    continue;
                };
                st.check_keys(SOURCE_KEYS, d);
                let what = st.req_str("what", d).map(|(s, _)| s.to_string());
                let url = st.req_str("url", d).map(|(s, sp)| {
                    if !valid_url(s) {
                        err(d, sp, msg(|l| w::bad_url(l, s)));
                    }
                    s.to_string()
                });
                let checked = date(&st, "checked", d, true);
                if let (Some(what), Some(url), Some(checked)) = (what, url, checked) {
                    sources.push(DataSource { what, url, checked });
                }
            }
        }
    }

    // Regimes.
    let mut regimes: Vec<Regime> = Vec::new();
    if let Some(rt) = top.table("regime", "[regime]", d) {
        for (id, id_span, v) in rt.entries() {
            let Some(t) = Table::of(v, "a regime", d) else {
                continue;
            };
            t.check_keys(REGIME_KEYS, d);
            let kind = match t.req_str("kind", d) {
                Some(("broad", _)) => Some(RegimeKind::Broad),
                Some(("targeted", _)) => Some(RegimeKind::Targeted),
                Some(("regional", _)) => Some(RegimeKind::Regional),
                Some((other, sp)) => {
                    err(d, sp, msg(|l| w::bad_regime_kind(l, other)));
                    None
                }
                None => None,
            };
            let verification = match t.req_str("verification", d) {
                Some((v @ ("verified" | "secondary"), _)) => Some(v.to_string()),
                Some((other, sp)) => {
                    err(d, sp, msg(|l| w::bad_verification(l, other)));
                    None
                }
                None => None,
            };
            if !valid_tag_id(id) {
                err(d, id_span, msg(|l| w::bad_regime_id(l, id)));
                continue;
            }
            if let (Some(kind), Some(verification)) = (kind, verification) {
                regimes.push(Regime {
                    id: id.to_string(),
                    kind,
                    verification,
                });
            }
        }
    }

    // Countries.
    let mut countries: Vec<Country> = Vec::new();
    let mut used_regimes = vec![false; regimes.len()];
    match top.table("country", "[country]", d) {
        Some(ct) => {
            for (code, code_span, v) in ct.entries() {
                let Some(t) = Table::of(v, "a country", d) else {
                    continue;
                };
                t.check_keys(COUNTRY_KEYS, d);
                let code_ok = code.len() == 2 && code.bytes().all(|b| b.is_ascii_lowercase());
                if !code_ok {
                    err(d, code_span.clone(), msg(|l| w::bad_country_code(l, code)));
                }
                let name = |key: &str, d: &mut Diagnostics| match t.req_str(key, d) {
                    Some((s, sp)) if s.trim().is_empty() => {
                        err(d, sp, msg(|l| w::empty_country_name(l, code, key)));
                        None
                    }
                    Some((s, _)) => Some(s.to_string()),
                    None => None,
                };
                let sv = name("sv", d);
                let en = name("en", d);
                let mut tags = 0u32;
                if t.get("member").is_none() {
                    t.missing("member", d);
                }
                for (tag, sp) in t.str_list("member", d).unwrap_or_default() {
                    match MEMBER_TAGS.iter().position(|x| *x == tag) {
                        Some(i) => tags |= 1 << i,
                        None => {
                            let hint = crate::text::suggest(tag, MEMBER_TAGS.iter().copied());
                            err(d, sp, msg(|l| w::unknown_member_tag(l, tag, hint)));
                        }
                    }
                }
                let mut country_regimes = Vec::new();
                for (rid, sp) in t.str_list("sanctions", d).unwrap_or_default() {
                    match regimes.iter().position(|r| r.id == rid) {
                        Some(i) => {
                            used_regimes[i] = true;
                            country_regimes.push(i);
                            tags |= 1 << (MEMBER_TAGS.len());
                            let kind_tag = match regimes[i].kind {
                                RegimeKind::Broad => 1,
                                RegimeKind::Targeted => 2,
                                RegimeKind::Regional => 3,
                            };
                            tags |= 1 << (MEMBER_TAGS.len() + kind_tag);
                        }
                        None => err(d, sp, msg(|l| w::unknown_regime(l, rid))),
                    }
                }
                // Memberships that imply each other.
                let has = |n: &str| {
                    MEMBER_TAGS
                        .iter()
                        .position(|x| *x == n)
                        .is_some_and(|i| tags & (1 << i) != 0)
                };
                if has("eu") && !has("eea") {
                    err(
                        d,
                        code_span.clone(),
                        msg(|l| w::implied_tag(l, code, "eu", "eea")),
                    );
                }
                if has("eu") && has("efta") {
                    err(d, code_span.clone(), msg(|l| w::eu_and_efta(l, code)));
                }
                if has("eea") && !has("eu") && !has("efta") {
                    err(
                        d,
                        code_span.clone(),
                        msg(|l| w::implied_tag(l, code, "eea (outside the EU)", "efta")),
                    );
                }
                let aliases = t
                    .str_list("aliases", d)
                    .unwrap_or_default()
                    .into_iter()
                    .map(|(a, _)| a.to_string())
                    .collect();
                let note = t.str("note", d).map(|(s, _)| s.to_string());
                if let (true, Some(sv), Some(en)) = (code_ok, sv, en) {
                    countries.push(Country {
                        code: code.to_string(),
                        sv,
                        en,
                        tags,
                        regimes: country_regimes,
                        aliases,
                        note,
                    });
                }
            }
        }
        None => {
            if top.get("country").is_none() {
                d.error("missing-key", 0..0, msg(w::countries_none));
            }
        }
    }
    if let Some(rt) = top.table("regime", "[regime]", d) {
        for (i, (id, sp, _)) in rt.entries().enumerate() {
            if regimes.get(i).is_some_and(|r| r.id == id) && !used_regimes[i] {
                d.warning("country-data", sp, msg(|l| w::regime_unused(l, id)));
            }
        }
    }
    countries.sort_by(|a, b| a.code.cmp(&b.code));
    if countries.len() >= usize::from(u16::MAX) {
        return None;
    }
    let mut index = vec![0u16; 26 * 26];
    for (i, c) in countries.iter().enumerate() {
        if let Some(s) = slot(&c.code) {
            index[s] = i as u16 + 1;
        }
    }
    Some(Countries {
        as_of: as_of?,
        sanctions_as_of: sanctions_as_of?,
        sources,
        regimes,
        countries,
        index,
    })
}

fn valid_tag_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_data_is_valid_and_knows_the_special_cases() {
        let c = Countries::builtin().expect("built-in country data");
        assert!(c.countries.len() >= 195, "{}", c.countries.len());
        let tag = |t: &str| tag_index(t).unwrap();
        let no = c.country("no").unwrap();
        assert!(no.has_tag(tag("eea")) && !no.has_tag(tag("eu")));
        let ch = c.country("CH").unwrap();
        assert!(ch.has_tag(tag("efta")) && !ch.has_tag(tag("eea")));
        let gb = c.country("gb").unwrap();
        assert!(!gb.has_tag(tag("eu")) && gb.has_tag(tag("oecd")));
        let tr = c.country("tr").unwrap();
        assert!(tr.has_tag(tag("oecd")) && !tr.has_tag(tag("sanction_broad")));
        let ru = c.country("ru").unwrap();
        assert!(ru.has_tag(tag("sanction_broad")) && ru.has_tag(tag("sanctioned")));
        let ax = c.country("ax").unwrap();
        assert!(ax.has_tag(tag("eu")) && ax.has_tag(tag("eu_special_territory")));
        assert_eq!(
            c.countries
                .iter()
                .filter(|x| x.has_tag(tag("eu")) && !x.has_tag(tag("eu_special_territory")))
                .count(),
            27
        );
        assert_eq!(
            c.countries
                .iter()
                .filter(|x| x.has_tag(tag("oecd")))
                .count(),
            38
        );
        assert!(valid_date(&c.as_of) && valid_date(&c.sanctions_as_of));
        assert_eq!(c.by_name("uk").map(|x| x.code.as_str()), Some("gb"));
    }

    #[test]
    fn dates_and_urls() {
        assert!(valid_date("2026-12-01"));
        assert!(valid_date("2024-02-29"));
        assert!(!valid_date("2025-02-29"));
        assert!(!valid_date("2026-13-01"));
        assert!(!valid_date("1.12.2026"));
        assert!(valid_url("https://www.ekn.se/lander/"));
        assert!(!valid_url("www.ekn.se"));
        assert!(!valid_url("https://ekn se"));
        assert!(!valid_url("https:///x"));
    }

    #[test]
    fn mistakes_in_the_data_are_reported_where_they_are() {
        let text = "[meta]\nas_of = \"2026-02-30\"\nsanctions_as_of = \"2026-12-01\"\n\n[regime]\nx = { kind = \"wide\", verification = \"verified\" }\n\n[country.se]\nsv = \"Sverige\"\nen = \"Sweden\"\nmember = [\"eu\", \"europe\"]\nsanctions = [\"nope\"]\n\n[country.XX]\nsv = \"\"\nen = \"X\"\nmember = [\"eu_member\"]\n";
        let e = Countries::load_str("c.toml", text).unwrap_err();
        let out = e.render(Lang::En);
        assert!(out.contains("c.toml:2:9: error[country-data]"), "{out}");
        assert!(out.contains("c.toml:6:14: error[country-data]"), "{out}");
        assert!(out.contains("`eea`"), "{out}");
        assert!(out.contains("c.toml:12:14: error[country-data]"), "{out}");
        assert!(out.contains("c.toml:14:10: error[country-data]"), "{out}");
        assert!(out.contains("eu_member"), "{out}");
    }
}
