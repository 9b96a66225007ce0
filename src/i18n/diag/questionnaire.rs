//! Words of questionnaire diagnostics: ids, texts, areas, kinds, bands, roles, limits.

use super::{did_you_mean, type_name};
use crate::i18n::Lang;

// ---------------------------------------------------------------- questionnaire

/// The kinds of things a questionnaire names by id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Item {
    Questionnaire,
    Area,
    Actor,
    Section,
    Question,
    Option,
    Service,
    Alias,
    Advice,
}

impl Item {
    pub fn name(self, l: Lang) -> &'static str {
        match (self, l) {
            (Item::Questionnaire, Lang::Sv) => "frågeformulär",
            (Item::Questionnaire, Lang::En) => "questionnaire",
            (Item::Area, Lang::Sv) => "område",
            (Item::Area, Lang::En) => "area",
            (Item::Actor, Lang::Sv) => "aktör",
            (Item::Actor, Lang::En) => "actor",
            (Item::Section, Lang::Sv) => "avsnitt",
            (Item::Section, Lang::En) => "section",
            (Item::Question, Lang::Sv) => "fråga",
            (Item::Question, Lang::En) => "question",
            (Item::Option, Lang::Sv) => "alternativ",
            (Item::Option, Lang::En) => "option",
            (Item::Service, Lang::Sv) => "tjänst",
            (Item::Service, Lang::En) => "service",
            (Item::Alias, _) => "alias",
            (Item::Advice, Lang::Sv) => "råd",
            (Item::Advice, Lang::En) => "advice",
        }
    }
}

/// What a condition belongs to (named in forward-reference messages).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Owner<'a> {
    Question(&'a str),
    Section(&'a str),
    Actor,
    Rule,
    Service,
}

impl Owner<'_> {
    pub fn name(self, l: Lang) -> String {
        match (self, l) {
            (Owner::Question(id), Lang::Sv) => format!("frågan `{id}`"),
            (Owner::Question(id), Lang::En) => format!("question `{id}`"),
            (Owner::Section(id), Lang::Sv) => format!("avsnittet `{id}`"),
            (Owner::Section(id), Lang::En) => format!("section `{id}`"),
            (Owner::Actor, Lang::Sv) => "aktören".into(),
            (Owner::Actor, Lang::En) => "the actor".into(),
            (Owner::Rule, Lang::Sv) => "regeln".into(),
            (Owner::Rule, Lang::En) => "the rule".into(),
            (Owner::Service, Lang::Sv) => "tjänsten".into(),
            (Owner::Service, Lang::En) => "the service".into(),
        }
    }
}

pub fn invalid_id(l: Lang, id: &str, what: Item, chars_ok: bool) -> String {
    let w = what.name(l);
    match (chars_ok, l) {
        (false, Lang::Sv) => format!(
            "`{id}` är inget giltigt id ({w}): id får bara innehålla små a–z, siffror, `_` och `-` (inga mellanslag, versaler eller å/ä/ö)"
        ),
        (false, Lang::En) => format!(
            "`{id}` is not a valid {w} id: ids may only use lower-case a–z, digits, `_` and `-` (no spaces, capitals or å/ä/ö)"
        ),
        (true, Lang::Sv) => format!(
            "`{id}` är inget giltigt id ({w}): id:t används i villkor och måste därför börja med en bokstav"
        ),
        (true, Lang::En) => format!(
            "`{id}` is not a valid {w} id: this id is used in conditions, so it must start with a letter"
        ),
    }
}

pub fn id_twice(l: Lang, what: Item, id: &str) -> String {
    let w = what.name(l);
    sv_en!(
        l,
        format!("id:t `{id}` används två gånger ({w})"),
        format!("{w} id `{id}` is used twice")
    )
}

pub fn question_twice(l: Lang, id: &str, first_line: impl std::fmt::Display) -> String {
    sv_en!(
        l,
        format!("fråge-id:t `{id}` används två gånger (första gången på rad {first_line})"),
        format!("question id `{id}` is used twice (first on line {first_line})")
    )
}

pub fn alias_taken(l: Lang, alias: &str, question: &str) -> String {
    sv_en!(
        l,
        format!("aliaset `{alias}` för frågan `{question}` används redan av en annan fråga"),
        format!("alias `{alias}` of question `{question}` is already used by another question")
    )
}

pub fn not_a_language_code(l: Lang, code: &str) -> String {
    sv_en!(
        l,
        format!("`{code}` är ingen språkkod; använd två bokstäver som \"sv\" eller \"en\""),
        format!("`{code}` is not a language code; use two letters such as \"sv\" or \"en\"")
    )
}

pub fn language_twice(l: Lang, code: &str) -> String {
    sv_en!(
        l,
        format!("språket `{code}` står två gånger"),
        format!("language `{code}` is listed twice")
    )
}

pub fn text_empty(l: Lang, key: &str) -> String {
    sv_en!(l, format!("`{key}` är tom"), format!("`{key}` is empty"))
}

pub fn unknown_language(l: Lang, lang: &str, list: &str, hint: Option<&str>) -> String {
    let hint = did_you_mean(l, hint);
    sv_en!(
        l,
        format!("`{lang}` är inte ett av frågeformulärets språk ({list}){hint}"),
        format!("`{lang}` is not one of the questionnaire's languages ({list}){hint}")
    )
}

pub fn lang_text_not_string(
    l: Lang,
    lang: &str,
    key: &str,
    t: crate::tomlread::TomlType,
) -> String {
    let t = type_name(l, t);
    sv_en!(
        l,
        format!("texten på {lang} i `{key}` ska vara en sträng, men är {t}"),
        format!("the {lang} text of `{key}` must be a string, found {t}")
    )
}

pub fn no_default_text(l: Lang, key: &str, default: &str) -> String {
    sv_en!(
        l,
        format!("`{key}` har ingen text på standardspråket `{default}`"),
        format!("`{key}` has no text in the default language `{default}`")
    )
}

pub fn no_default_text_help(l: Lang, default: &str) -> String {
    sv_en!(
        l,
        format!(
            "det första språket i `languages` är standardspråket och varje text behöver det: lägg till `{default} = \"…\"`"
        ),
        format!(
            "the first language in `languages` is the default and every text needs it: add `{default} = \"…\"`"
        )
    )
}

pub fn must_be_text(l: Lang, key: &str, default: &str, t: crate::tomlread::TomlType) -> String {
    let t = type_name(l, t);
    sv_en!(
        l,
        format!("`{key}` ska vara en text (\"…\" eller {{ {default} = \"…\" }}), men är {t}"),
        format!("`{key}` must be a text (\"…\" or {{ {default} = \"…\" }}), found {t}")
    )
}

pub fn needs_not_table(l: Lang, key: &str, t: crate::tomlread::TomlType) -> String {
    let t = type_name(l, t);
    sv_en!(
        l,
        format!(
            "`{key}` ska vara en tabell med område = poäng, t.ex. {{ finansiering = 3 }}, men är {t}"
        ),
        format!("`{key}` must be a table of area = points, e.g. {{ finansiering = 3 }}, found {t}")
    )
}

pub fn no_such_area(l: Lang, area: &str, hint: Option<&str>) -> String {
    let hint = did_you_mean(l, hint);
    sv_en!(
        l,
        format!("det finns inget område `{area}`{hint}"),
        format!("there is no area `{area}`{hint}")
    )
}

pub fn no_such_actor(l: Lang, actor: &str, hint: Option<&str>) -> String {
    let hint = did_you_mean(l, hint);
    sv_en!(
        l,
        format!("det finns ingen aktör `{actor}`{hint}"),
        format!("there is no actor `{actor}`{hint}")
    )
}

pub fn points_for(l: Lang, area: &str, reason: &str) -> String {
    sv_en!(
        l,
        format!("poäng för `{area}`: {reason}"),
        format!("points for `{area}`: {reason}")
    )
}

pub fn empty_section(l: Lang, id: &str) -> String {
    sv_en!(
        l,
        format!("avsnittet `{id}` har inga frågor"),
        format!("section `{id}` has no questions")
    )
}

pub fn not_a_kind(l: Lang, kind: &str, hint: Option<&str>) -> String {
    let hint = did_you_mean(l, hint);
    sv_en!(
        l,
        format!("`{kind}` är ingen frågetyp{hint}"),
        format!("`{kind}` is not a question kind{hint}")
    )
}

pub fn key_of_other_kind(l: Lang, key: &str, kind: &str) -> String {
    sv_en!(
        l,
        format!("`{key}` används inte av en fråga av typen `{kind}`"),
        format!("`{key}` is not used by a `{kind}` question")
    )
}

pub fn unknown_audience(l: Lang, other: &str) -> String {
    sv_en!(
        l,
        format!(
            "målgruppen (audience) `{other}` finns inte; använd \"both\", \"advisor\" eller \"company\""
        ),
        format!("audience `{other}` is not known; use \"both\", \"advisor\" or \"company\"")
    )
}

pub fn scale_min_max(l: Lang, lo: i64, hi: i64) -> String {
    sv_en!(
        l,
        format!("skalans min ({lo}) måste vara mindre än dess max ({hi})"),
        format!("the scale's min ({lo}) must be less than its max ({hi})")
    )
}

pub fn scale_steps(l: Lang, lo: i64, hi: i64) -> String {
    let n = hi.saturating_sub(lo).saturating_add(1);
    sv_en!(
        l,
        format!("en skala har högst 21 steg; {lo}–{hi} har {n}"),
        format!("a scale has at most 21 steps; {lo}–{hi} has {n}")
    )
}

pub fn min_above_max(l: Lang, lo: f64, hi: f64) -> String {
    sv_en!(
        l,
        format!("min ({lo}) är större än max ({hi})"),
        format!("min ({lo}) is greater than max ({hi})")
    )
}

pub fn band_from_to(l: Lang, from: f64, to: f64) -> String {
    sv_en!(
        l,
        format!("intervallets `from` ({from}) måste vara mindre än dess `to` ({to})"),
        format!("the band's `from` ({from}) must be less than its `to` ({to})")
    )
}

pub fn band_text(l: Lang, from: &str, to: &str) -> String {
    sv_en!(
        l,
        format!("från {from} till {to}"),
        format!("from {from} to {to}")
    )
}

pub fn band_overlap(l: Lang, this: &str, line: impl std::fmt::Display, other: &str) -> String {
    sv_en!(
        l,
        format!("det här intervallet ({this}) överlappar intervallet på rad {line} ({other})"),
        format!("this band ({this}) overlaps the band on line {line} ({other})")
    )
}

pub fn threshold_range(l: Lang, x: f64) -> String {
    sv_en!(
        l,
        format!("tröskeln {x} ligger utanför 0–100"),
        format!("threshold {x} is outside 0–100")
    )
}

pub fn weight_not_positive(l: Lang, key: &str) -> String {
    sv_en!(
        l,
        format!("vikten för `{key}` måste vara större än 0"),
        format!("the weight of `{key}` must be greater than 0")
    )
}

pub fn unknown_cost(l: Lang, other: &str, hint: Option<&str>) -> String {
    let hint = did_you_mean(l, hint);
    sv_en!(
        l,
        format!("kostnaden (cost) `{other}` finns inte{hint}"),
        format!("cost `{other}` is not known{hint}")
    )
}

pub fn in_condition(l: Lang, shown: &str, message: &str) -> String {
    sv_en!(
        l,
        format!("i `{shown}`: {message}"),
        format!("in `{shown}`: {message}")
    )
}

// ---------------------------------------------------------------- roles

pub fn unknown_role(l: Lang, name: &str, hint: Option<&str>) -> String {
    let hint = did_you_mean(l, hint);
    sv_en!(
        l,
        format!("rollen `{name}` finns inte{hint}"),
        format!("role `{name}` is not known{hint}")
    )
}

pub fn roles_are(l: Lang, list: &str) -> String {
    sv_en!(l, format!("roller: {list}"), format!("roles are: {list}"))
}

pub fn role_kind(l: Lang, role: &str, kind: &str, kinds: &str) -> String {
    sv_en!(
        l,
        format!("rollen `{role}` passar inte en fråga av typen `{kind}`; den kräver {kinds}"),
        format!("role `{role}` does not fit a `{kind}` question; it takes {kinds}")
    )
}

pub fn duplicate_role(l: Lang, role: &str, first: &str, line: impl std::fmt::Display) -> String {
    sv_en!(
        l,
        format!(
            "rollen `{role}` har redan frågan `{first}` (rad {line}); en roll hör till en fråga"
        ),
        format!(
            "role `{role}` already belongs to question `{first}` (line {line}); a role belongs to one question"
        )
    )
}

// ---------------------------------------------------------------- limits

/// A whole number with thousands separators ("1,000" / "1 000").
fn thousands(l: Lang, n: usize) -> String {
    let digits = n.to_string();
    let sep = sv_en!(l, '\u{a0}', ',');
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

pub fn text_too_long(l: Lang, key: &str, n: usize, max: usize) -> String {
    let (n, max) = (thousands(l, n), thousands(l, max));
    sv_en!(
        l,
        format!("`{key}` är {n} tecken lång; högst {max} är tillåtet här"),
        format!("`{key}` is {n} characters long; at most {max} are allowed here")
    )
}

pub fn id_too_long(l: Lang, what: Item, len: usize, max: usize) -> String {
    let w = what.name(l);
    sv_en!(
        l,
        format!("id:t ({w}) är {len} byte långt; högst {max} är tillåtet"),
        format!("the {w} id is {len} bytes long; at most {max} are allowed")
    )
}

pub fn points_out_of_range(l: Lang, area: &str, x: f64, max: f64) -> String {
    sv_en!(
        l,
        format!("poängen för `{area}` ({x:e}) ligger utanför −{max}–{max}"),
        format!("the points for `{area}` ({x:e}) are outside −{max}–{max}")
    )
}

pub fn weight_too_large(l: Lang, area: &str, x: f64, max: f64) -> String {
    sv_en!(
        l,
        format!("vikten för `{area}` ({x:e}) är större än {max}"),
        format!("the weight of `{area}` ({x:e}) is greater than {max}")
    )
}

pub fn boost_out_of_range(l: Lang, x: f64, max: f64) -> String {
    sv_en!(
        l,
        format!("boost {x:e} ligger utanför −{max}–{max} (en poäng är 0–100)"),
        format!("boost {x:e} is outside −{max}–{max} (a score is 0–100)")
    )
}

pub fn scale_end_out_of_range(l: Lang, x: i64, max: i64) -> String {
    sv_en!(
        l,
        format!("skalans ände {x} ligger utanför −{max}–{max}"),
        format!("the scale end {x} is outside −{max}–{max}")
    )
}
