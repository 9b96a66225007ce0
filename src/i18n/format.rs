//! Words of the diagnostics of the questionnaire format's later features:
//! the country data and country conditions (`any`, `all`), `max_choices`,
//! `exclusive`, `advice`, `source`, `min_coverage` and `extends`. Same
//! convention as [`crate::i18n::diag`]: codes and positions are the same in
//! every language; only the words change.

use super::Lang;
use super::diag::did_you_mean;

macro_rules! sv_en {
    ($l:expr, $sv:expr, $en:expr $(,)?) => {
        match $l {
            Lang::Sv => $sv,
            Lang::En => $en,
        }
    };
}

// ----- country data -------------------------------------------------------

pub fn bad_date(l: Lang, key: &str, s: &str) -> String {
    sv_en!(
        l,
        format!(
            "`{key}` ska vara ett datum skrivet ÅÅÅÅ-MM-DD, t.ex. \"2026-12-01\", inte \"{s}\""
        ),
        format!("`{key}` must be a date written YYYY-MM-DD, e.g. \"2026-12-01\", not \"{s}\"")
    )
}

pub fn bad_url(l: Lang, s: &str) -> String {
    sv_en!(
        l,
        format!("\"{s}\" är ingen webbadress: skriv hela adressen med https://, utan mellanslag"),
        format!("\"{s}\" is not a web address: write the whole address with https://, no spaces")
    )
}

pub fn countries_no_meta(l: Lang) -> String {
    sv_en!(
        l,
        "landfilen saknar [meta] med as_of och sanctions_as_of".to_string(),
        "the countries file has no [meta] with as_of and sanctions_as_of".to_string()
    )
}

pub fn countries_none(l: Lang) -> String {
    sv_en!(
        l,
        "landfilen har inga [country.XX]-tabeller".to_string(),
        "the countries file has no [country.XX] tables".to_string()
    )
}

pub fn bad_regime_kind(l: Lang, s: &str) -> String {
    sv_en!(
        l,
        format!("okänd sanktionstyp `{s}`: skriv broad, targeted eller regional"),
        format!("unknown sanctions kind `{s}`: write broad, targeted or regional")
    )
}

pub fn bad_verification(l: Lang, s: &str) -> String {
    sv_en!(
        l,
        format!(
            "`verification = \"{s}\"` är inte tillåtet: verified eller secondary (en regim vars status inte kunnat bekräftas hör inte hemma i filen)"
        ),
        format!(
            "`verification = \"{s}\"` is not allowed: verified or secondary (a regime whose status could not be confirmed does not belong in the file)"
        )
    )
}

pub fn bad_regime_id(l: Lang, s: &str) -> String {
    sv_en!(
        l,
        format!("`{s}` är inget giltigt regim-id: små a–z, siffror och `_`"),
        format!("`{s}` is not a valid regime id: lower-case a–z, digits and `_`")
    )
}

pub fn bad_country_code(l: Lang, s: &str) -> String {
    sv_en!(
        l,
        format!("`{s}` är ingen landkod: två små bokstäver enligt ISO 3166-1 alfa-2, t.ex. `no`"),
        format!(
            "`{s}` is not a country code: two lower-case letters (ISO 3166-1 alpha-2), e.g. `no`"
        )
    )
}

pub fn empty_country_name(l: Lang, code: &str, key: &str) -> String {
    sv_en!(
        l,
        format!("landet `{code}` saknar namn på `{key}`"),
        format!("country `{code}` has no `{key}` name")
    )
}

pub fn unknown_member_tag(l: Lang, tag: &str, hint: Option<&str>) -> String {
    let hint = did_you_mean(l, hint);
    sv_en!(
        l,
        format!("okänd tagg `{tag}`{hint}"),
        format!("unknown tag `{tag}`{hint}")
    )
}

pub fn unknown_regime(l: Lang, id: &str) -> String {
    sv_en!(
        l,
        format!("sanktionsregimen `{id}` finns inte under [regime]"),
        format!("sanctions regime `{id}` is not declared under [regime]")
    )
}

pub fn implied_tag(l: Lang, code: &str, has: &str, needs: &str) -> String {
    sv_en!(
        l,
        format!("landet `{code}` har `{has}` men inte `{needs}`"),
        format!("country `{code}` has `{has}` but not `{needs}`")
    )
}

pub fn eu_and_efta(l: Lang, code: &str) -> String {
    sv_en!(
        l,
        format!("landet `{code}` kan inte vara med i både EU och EFTA"),
        format!("country `{code}` cannot be in both the EU and EFTA")
    )
}

pub fn regime_unused(l: Lang, id: &str) -> String {
    sv_en!(
        l,
        format!("sanktionsregimen `{id}` används inte av något land"),
        format!("sanctions regime `{id}` is used by no country")
    )
}

pub fn countries_broken(l: Lang, first: &str) -> String {
    sv_en!(
        l,
        format!("den inbyggda landdatan är felaktig: {first}"),
        format!("the built-in country data is invalid: {first}")
    )
}

// ----- country conditions --------------------------------------------------

fn fname(all: bool) -> &'static str {
    if all { "all" } else { "any" }
}

pub fn any_needs_question(l: Lang, all: bool) -> String {
    let f = fname(all);
    sv_en!(
        l,
        format!("`{f}(` ska följas av id:t för en landfråga, t.ex. `{f}(marknader, eu)`"),
        format!(
            "`{f}(` must be followed by the id of a country question, e.g. `{f}(marknader, eu)`"
        )
    )
}

pub fn any_needs_comma(l: Lang, all: bool) -> String {
    let f = fname(all);
    sv_en!(
        l,
        format!("här ska det stå `,` och sedan taggarna, t.ex. `{f}(marknader, not eu)`"),
        format!("expected `,` and then the tags here, e.g. `{f}(marknader, not eu)`")
    )
}

pub fn regime_after_dot(l: Lang) -> String {
    sv_en!(
        l,
        "här ska det stå en sanktionsregim efter `sanction.`, t.ex. `sanction.russia`".to_string(),
        "expected a sanctions regime after `sanction.`, e.g. `sanction.russia`".to_string()
    )
}

pub fn expected_tag(l: Lang) -> String {
    sv_en!(
        l,
        "här ska det stå en tagg, t.ex. `eu`, `oecd` eller `sanction_broad`".to_string(),
        "expected a tag here, e.g. `eu`, `oecd` or `sanction_broad`".to_string()
    )
}

pub fn unknown_tag(l: Lang, tag: &str, hint: Option<&str>, list: &str) -> String {
    let hint = did_you_mean(l, hint);
    sv_en!(
        l,
        format!("okänd landtagg `{tag}`{hint}; taggarna är: {list}, sanction.REGIM"),
        format!("unknown country tag `{tag}`{hint}; the tags are: {list}, sanction.REGIME")
    )
}

pub fn unknown_regime_tag(l: Lang, regime: &str, hint: Option<&str>, list: &str) -> String {
    let hint = did_you_mean(l, hint);
    sv_en!(
        l,
        format!("okänd sanktionsregim `sanction.{regime}`{hint}; landdatan har: {list}"),
        format!("unknown sanctions regime `sanction.{regime}`{hint}; the country data has: {list}")
    )
}

pub fn dotted_not_sanction(l: Lang, name: &str) -> String {
    sv_en!(
        l,
        format!("bara `sanction.REGIM` har punkt, inte `{name}.…`"),
        format!("only `sanction.REGIME` has a dot, not `{name}.…`")
    )
}

pub fn any_on_non_country(l: Lang, all: bool, id: &str, kind: &str) -> String {
    let f = fname(all);
    sv_en!(
        l,
        format!(
            "`{f}(…)` gäller bara landfrågor (kind = \"country\"), men `{id}` är av typen {kind}"
        ),
        format!(
            "`{f}(…)` only works on country questions (kind = \"country\"), but `{id}` is a {kind} question"
        )
    )
}

pub fn any_on_non_country_help(l: Lang, id: &str) -> String {
    sv_en!(
        l,
        format!("för en flervalsfråga: `{id} contains 'alternativ'`"),
        format!("for a multi-choice question: `{id} contains 'option'`")
    )
}

pub fn unknown_country(l: Lang, question: &str, code: &str, hint: Option<(&str, &str)>) -> String {
    match (hint, l) {
        (Some((c, name)), Lang::Sv) => {
            format!("`{code}` är ingen landkod för `{question}` (menade du `{c}`, {name}?)")
        }
        (Some((c, name)), Lang::En) => {
            format!("`{code}` is not a country code for `{question}` (did you mean `{c}`, {name}?)")
        }
        (None, Lang::Sv) => format!(
            "`{code}` är ingen landkod för `{question}`: skriv ISO 3166-1 alfa-2 med små bokstäver, t.ex. 'no', 'de', 'cn'"
        ),
        (None, Lang::En) => format!(
            "`{code}` is not a country code for `{question}`: write ISO 3166-1 alpha-2 in lower case, e.g. 'no', 'de', 'cn'"
        ),
    }
}

// ----- extends -----------------------------------------------------------

pub fn line_in_file(l: Lang, line: usize, file: &str) -> String {
    sv_en!(l, format!("{line} i {file}"), format!("{line} of {file}"))
}

pub fn extends_cycle(l: Lang, target: &str) -> String {
    sv_en!(
        l,
        format!("`extends = \"{target}\"` leder tillbaka till den här filen (en ring av filer)"),
        format!("`extends = \"{target}\"` leads back to this file (a cycle of files)")
    )
}

pub fn extends_too_deep(l: Lang, max: usize) -> String {
    sv_en!(
        l,
        format!("för många nivåer av `extends` (högst {max})"),
        format!("too many levels of `extends` (at most {max})")
    )
}

pub fn extends_unusable(l: Lang, target: &str) -> String {
    sv_en!(
        l,
        format!("frågeformuläret \"{target}\" som filen bygger på kunde inte läsas"),
        format!("the questionnaire \"{target}\" this file builds on could not be read")
    )
}

pub fn extends_not_a_file(l: Lang, target: &str, builtin: &str) -> String {
    sv_en!(
        l,
        format!(
            "`extends = \"{target}\"`: skriv \"{builtin}\" för det inbyggda frågeformuläret eller en sökväg till en .toml-fil (relativ till den här filen)"
        ),
        format!(
            "`extends = \"{target}\"`: write \"{builtin}\" for the built-in questionnaire or a path to a .toml file (relative to this file)"
        )
    )
}

pub fn extends_unreadable(l: Lang, target: &str, why: &str) -> String {
    sv_en!(
        l,
        format!("filen \"{target}\" i `extends` kan inte läsas: {why}"),
        format!("the file \"{target}\" in `extends` cannot be read: {why}")
    )
}

pub fn languages_differ(l: Lang, own: &str, base: &str) -> String {
    sv_en!(
        l,
        format!(
            "`languages` ({own}) måste vara samma som i frågeformuläret filen bygger på ({base}); utelämna nyckeln så ärvs den"
        ),
        format!(
            "`languages` ({own}) must be the same as in the questionnaire this file builds on ({base}); leave the key out to inherit it"
        )
    )
}

pub fn extension_key(l: Lang, key: &str, what: &str, id: &str, allowed: &str) -> String {
    sv_en!(
        l,
        format!(
            "`{key}` kan inte ändras här: {what} `{id}` finns redan i frågeformuläret filen bygger på, och ett tillägg till den får bara ha {allowed}"
        ),
        format!(
            "`{key}` cannot be changed here: {what} `{id}` already exists in the questionnaire this file builds on, and an addition to it may only have {allowed}"
        )
    )
}

// ----- choices, advice, sources, coverage -----------------------------------

pub fn exclusive_on_single(l: Lang) -> String {
    sv_en!(
        l,
        "`exclusive` gäller bara flervalsfrågor (kind = \"multi\"): i en envalsfråga utesluter alternativen redan varandra".to_string(),
        "`exclusive` only applies to multi-choice questions (kind = \"multi\"): in a single choice the options already exclude each other".to_string()
    )
}

pub fn max_choices_range(l: Lang, n: i64, options: usize) -> String {
    sv_en!(
        l,
        format!("`max_choices = {n}` måste vara minst 1 och högst antalet alternativ ({options})"),
        format!(
            "`max_choices = {n}` must be at least 1 and at most the number of options ({options})"
        )
    )
}

pub fn min_coverage_range(l: Lang, x: f64) -> String {
    let x = crate::text::fmt_num(x);
    sv_en!(
        l,
        format!("`min_coverage = {x}` ska vara en andel i procent, 0–100"),
        format!("`min_coverage = {x}` must be a share in per cent, 0–100")
    )
}

pub fn advice_not_table(l: Lang, t: crate::tomlread::TomlType) -> String {
    let t = super::diag::type_name(l, t);
    sv_en!(
        l,
        format!("`advice` ska vara en tabell med texter per språk, men är {t}"),
        format!("`advice` must be a table of texts per language, found {t}")
    )
}

pub fn advice_help(l: Lang) -> String {
    sv_en!(
        l,
        "skriv `advice = { id = \"eori\", sv = \"…\", en = \"…\" }`; id är frivilligt, och `advice = { id = \"eori\" }` upprepar ett råd som står på ett annat ställe".to_string(),
        "write `advice = { id = \"eori\", sv = \"…\", en = \"…\" }`; the id is optional, and `advice = { id = \"eori\" }` repeats advice written elsewhere".to_string()
    )
}

pub fn advice_unknown(l: Lang, id: &str, hint: Option<&str>) -> String {
    let hint = did_you_mean(l, hint);
    sv_en!(
        l,
        format!("inget råd med id `{id}` har en text{hint}"),
        format!("no advice with id `{id}` has a text{hint}")
    )
}

pub fn advice_twice(l: Lang, id: &str, first: &str) -> String {
    sv_en!(
        l,
        format!(
            "rådet `{id}` har redan en text (rad {first}); upprepa det med bara `advice = {{ id = \"{id}\" }}`"
        ),
        format!(
            "advice `{id}` already has a text (line {first}); repeat it with just `advice = {{ id = \"{id}\" }}`"
        )
    )
}

pub fn exclusive_conflict(l: Lang, question: &str, option: &str, label: &str) -> String {
    sv_en!(
        l,
        format!(
            "`{question}`: alternativet `{option}` (”{label}”) kan inte väljas tillsammans med andra alternativ"
        ),
        format!(
            "`{question}`: option `{option}` (“{label}”) cannot be chosen together with other options"
        )
    )
}

pub fn too_many_choices(l: Lang, question: &str, n: usize, max: usize) -> String {
    sv_en!(
        l,
        format!("`{question}` har {n} val men högst {max} får väljas"),
        format!("`{question}` has {n} choices but at most {max} may be chosen")
    )
}
