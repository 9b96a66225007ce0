//! Words of the diagnostics of questionnaire and answers files (`check`,
//! `score --answers`, `import`, sessions that cannot be read). See the
//! convention in [`crate::i18n`]. Codes (`unknown-key` …) and positions are
//! the same in every language; only the words change.
//!
//! Messages are functions of a [`Lang`]; a finding builds its
//! [`crate::diag::Message`] from one of them in every language at once.

use super::Lang;
use crate::diag::{FileKind, NodeKind};

/// Picks the Swedish or the English expression, evaluating only that one.
macro_rules! sv_en {
    ($l:expr, $sv:expr, $en:expr $(,)?) => {
        match $l {
            Lang::Sv => $sv,
            Lang::En => $en,
        }
    };
}

mod answers;
pub mod explain;
mod expr;
mod questionnaire;
pub mod store;

pub use answers::*;
pub use expr::*;
pub use questionnaire::*;

/// Fixed words, by language.
pub struct Words {
    pub error: &'static str,
    pub warning: &'static str,
    pub help: &'static str,
    pub is_folder: &'static str,
    pub not_utf8_help: &'static str,
    pub top_level: &'static str,
    pub answers_top_level: &'static str,
    pub no_languages: &'static str,
    pub empty_version: &'static str,
    pub unknown_language_help: &'static str,
    pub kind_help: &'static str,
    pub empty_options: &'static str,
    pub empty_options_help: &'static str,
    pub band_overlap_help: &'static str,
    pub cost_help: &'static str,
    pub no_meta_table: &'static str,
    pub no_sections: &'static str,
    pub single_equals: &'static str,
    pub single_equals_help: &'static str,
    pub bang: &'static str,
    pub bang_help: &'static str,
    pub text_not_closed: &'static str,
    pub unexpected_char_help: &'static str,
    pub answered_needs_id: &'static str,
    pub answered_not_closed: &'static str,
    pub comma_or_bracket: &'static str,
    pub list_not_closed: &'static str,
    pub ends_early_value: &'static str,
    pub need_area: &'static str,
    pub expected_value: &'static str,
    pub expr_empty: &'static str,
    pub trailing: &'static str,
    pub trailing_help: &'static str,
    pub forward_help: &'static str,
    pub need_outside_rule: &'static str,
    pub bool_compare: &'static str,
    pub two_literals: &'static str,
    pub number_vs_text: &'static str,
    pub bare_value: &'static str,
    pub in_list_ids: &'static str,
    pub contains_left: &'static str,
    pub contains_right: &'static str,
    pub wrong_questionnaire_help: &'static str,
    pub no_questionnaire_key: &'static str,
    pub no_answers_table: &'static str,
    pub no_answers_table_help: &'static str,
    pub org_number_help: &'static str,
    pub sni_help: &'static str,
    pub negative_employees: &'static str,
    pub orphan_no_question: &'static str,
    pub table_answer: &'static str,
}

pub const SV: Words = Words {
    error: "fel",
    warning: "varning",
    help: "hjälp",
    is_folder: "det är en mapp, inte en fil",
    not_utf8_help: "spara filen som UTF-8-text; de flesta redigerare har det under 'Spara som' / 'Teckenkodning'",
    top_level: "filens översta nivå",
    answers_top_level: "svarsfilens översta nivå",
    no_languages: "`languages` måste ange minst ett språk, t.ex. [\"sv\", \"en\"]",
    empty_version: "`version` får inte vara tom",
    unknown_language_help: "lägg till språket i `languages` under [questionnaire], eller rätta stavningen",
    kind_help: "kind är en av: single, multi, country, scale, number, text",
    empty_options: "en flervalsfråga behöver minst ett alternativ",
    empty_options_help: "lägg till [[section.question.option]] med id och label",
    band_overlap_help: "`from` räknas med och `to` räknas inte med: [0, 10) och [10, 50) överlappar inte",
    cost_help: "cost är en av: free, subsidised, paid, unknown (ingen källa anger kostnaden; skriv beloppet i `price`)",
    no_meta_table: "filen har ingen [questionnaire]-tabell (med id, version, languages och title)",
    no_sections: "frågeformuläret har inget [[section]] med frågor",
    single_equals: "`=` är ingen jämförelse",
    single_equals_help: "använd `==` för att jämföra, t.ex. `exporterar == 'ja'`",
    bang: "`!` är ingen operator här",
    bang_help: "använd `not` för att negera och `!=` för 'är inte'",
    text_not_closed: "texten avslutas aldrig",
    unexpected_char_help: "id består bara av a–z, 0–9, `_` och `-`; sätt texter inom 'citattecken'",
    answered_needs_id: "här ska det stå ett fråge-id i `answered(…)`",
    answered_not_closed: "`answered(` avslutas aldrig",
    comma_or_bracket: "här ska det stå `,` eller `]` i listan",
    list_not_closed: "listan avslutas aldrig med `]`",
    ends_early_value: "villkoret slutar för tidigt: här ska det stå ett värde",
    need_area: "här ska det stå ett områdes-id efter `need.`",
    expected_value: "här ska det stå ett fråge-id, ett tal eller en 'text'",
    expr_empty: "villkoret är tomt",
    trailing: "oväntad text efter villkorets slut",
    trailing_help: "foga ihop villkor med `and` / `or`",
    forward_help: "flytta frågan tidigare, eller villkoret senare",
    need_outside_rule: "`need.…` kan bara användas i aktörers regler",
    bool_compare: "true/false kan inte jämföras med ett svar; använd `answered(id)` eller jämför svaret",
    two_literals: "här jämförs två fasta texter; ena sidan ska vara ett fråge-id",
    number_vs_text: "ett tal jämförs med en text; sifferfrågor jämförs med tal",
    bare_value: "det här är ett värde, inte ett villkor",
    in_list_ids: "listan efter `in` innehåller fasta värden ('alternativ' eller tal), inte fråge-id",
    contains_left: "`contains` behöver en flervalsfråga till vänster",
    contains_right: "`contains` tar ett alternativ-id inom citattecken, t.ex. `marknader contains 'eu'`",
    wrong_questionnaire_help: "ange det frågeformulär som svaren hör till med --questionnaire FIL",
    no_questionnaire_key: "filen säger inte vilket frågeformulär den besvarar",
    no_answers_table: "filen har ingen [answers]-tabell",
    no_answers_table_help: "lägg till en [answers]-tabell (den får vara tom)",
    org_number_help: "skriv 10 siffror som NNNNNN-NNNN; den sista siffran är en kontrollsiffra (Luhn)",
    sni_help: "en SNI 2007-kod har två till fem siffror, t.ex. \"25.620\" eller \"62\"",
    negative_employees: "`employees` kan inte vara negativt",
    orphan_no_question: "frågan finns inte i frågeformuläret",
    table_answer: "ett svar i tabellform ska vara `{ unknown = true }` eller `{ not_applicable = true }`",
};

pub const EN: Words = Words {
    error: "error",
    warning: "warning",
    help: "help",
    is_folder: "it is a folder, not a file",
    not_utf8_help: "save the file as UTF-8 text; most editors offer this under 'Save as' / 'Encoding'",
    top_level: "the questionnaire file",
    answers_top_level: "the answers file",
    no_languages: "`languages` must name at least one language, e.g. [\"sv\", \"en\"]",
    empty_version: "`version` must not be empty",
    unknown_language_help: "add it to `languages` in [questionnaire], or fix the spelling",
    kind_help: "kind is one of: single, multi, country, scale, number, text",
    empty_options: "a choice question needs at least one option",
    empty_options_help: "add [[section.question.option]] entries with id and label",
    band_overlap_help: "`from` is inclusive and `to` exclusive: [0, 10) and [10, 50) do not overlap",
    cost_help: "cost is one of: free, subsidised, paid, unknown (no source states it; put the amount in `price`)",
    no_meta_table: "the file has no [questionnaire] table (with id, version, languages and title)",
    no_sections: "the questionnaire has no [[section]] with questions",
    single_equals: "`=` is not a comparison",
    single_equals_help: "use `==` to compare, e.g. `exporterar == 'ja'`",
    bang: "`!` is not an operator here",
    bang_help: "use `not` to negate and `!=` for 'is not'",
    text_not_closed: "this text is never closed",
    unexpected_char_help: "ids use only a–z, 0–9, `_` and `-`; put texts in 'quotes'",
    answered_needs_id: "expected a question id in `answered(…)`",
    answered_not_closed: "`answered(` is never closed",
    comma_or_bracket: "expected `,` or `]` in the list",
    list_not_closed: "the list is never closed with `]`",
    ends_early_value: "the expression ends too early: expected a value",
    need_area: "expected an area id after `need.`",
    expected_value: "expected a question id, a number or a 'text' here",
    expr_empty: "the expression is empty",
    trailing: "unexpected text after the end of the condition",
    trailing_help: "join conditions with `and` / `or`",
    forward_help: "move the question earlier, or the condition later",
    need_outside_rule: "`need.…` can only be used in actor rules",
    bool_compare: "true/false cannot be compared with an answer; use `answered(id)` or compare the answer",
    two_literals: "this compares two fixed texts; one side should be a question id",
    number_vs_text: "a number is compared with a text; numeric questions compare with numbers",
    bare_value: "this is a value, not a condition",
    in_list_ids: "a list after `in` holds fixed values ('option' or numbers), not question ids",
    contains_left: "`contains` needs a multiple-choice question on its left",
    contains_right: "`contains` takes an option id in quotes, e.g. `marknader contains 'eu'`",
    wrong_questionnaire_help: "pass the matching questionnaire with --questionnaire FILE",
    no_questionnaire_key: "the file does not say which questionnaire it answers",
    no_answers_table: "the file has no [answers] table",
    no_answers_table_help: "add an [answers] table (it may be empty)",
    org_number_help: "write 10 digits as NNNNNN-NNNN; the last digit is a check digit (Luhn)",
    sni_help: "an SNI 2007 code has two to five digits, e.g. \"25.620\" or \"62\"",
    negative_employees: "`employees` cannot be negative",
    orphan_no_question: "the question is not in the questionnaire",
    table_answer: "a table answer must be `{ unknown = true }` or `{ not_applicable = true }`",
};

pub fn words(lang: Lang) -> &'static Words {
    sv_en!(lang, &SV, &EN)
}

// ---------------------------------------------------------------- files

fn kind(l: Lang, what: FileKind) -> &'static str {
    match (what, l) {
        (FileKind::Questionnaire, Lang::Sv) => "frågeformuläret",
        (FileKind::Questionnaire, Lang::En) => "questionnaire",
        (FileKind::Answers, Lang::Sv) => "svarsfilen",
        (FileKind::Answers, Lang::En) => "answers file",
        (FileKind::Note, Lang::Sv) => "anteckningen",
        (FileKind::Note, Lang::En) => "note",
    }
}

fn node(l: Lang, n: NodeKind) -> &'static str {
    match (n, l) {
        (NodeKind::Folder, _) => words(l).is_folder,
        (NodeKind::Fifo, Lang::Sv) => "det är en namngiven rörledning (FIFO), inte en vanlig fil",
        (NodeKind::Fifo, Lang::En) => "it is a named pipe (FIFO), not a regular file",
        (NodeKind::Device, Lang::Sv) => "det är en enhetsfil, inte en vanlig fil",
        (NodeKind::Device, Lang::En) => "it is a device, not a regular file",
        (NodeKind::Socket, Lang::Sv) => "det är en socket, inte en vanlig fil",
        (NodeKind::Socket, Lang::En) => "it is a socket, not a regular file",
        (NodeKind::Symlink, Lang::Sv) => "det är en symbolisk länk, och länkar här följs aldrig",
        (NodeKind::Symlink, Lang::En) => "it is a symbolic link, and links here are never followed",
        (NodeKind::Other, Lang::Sv) => "det är inte en vanlig fil",
        (NodeKind::Other, Lang::En) => "it is not a regular file",
    }
}

pub fn cannot_read(l: Lang, path: &str, err: &str) -> String {
    sv_en!(
        l,
        format!("kan inte läsa {path}: {err}"),
        format!("cannot read {path}: {err}")
    )
}

pub fn not_a_file(l: Lang, path: &str, n: NodeKind) -> String {
    cannot_read(l, path, node(l, n))
}

pub fn too_large(l: Lang, path: &str, size: u64, max: u64, what: FileKind) -> String {
    let k = kind(l, what);
    sv_en!(
        l,
        format!("{path} är {size} byte; {k} får vara högst {max} byte"),
        format!("{path} is {size} bytes; at most {max} bytes are accepted for {k}")
    )
}

pub fn not_loaded(l: Lang, name: &str, n: usize, what: FileKind) -> String {
    let k = kind(l, what);
    sv_en!(
        l,
        format!("{name}: {n} fel hittades; {k} lästes inte in"),
        format!(
            "{name}: {n} error{} found; the {k} was not loaded",
            if n == 1 { "" } else { "s" }
        )
    )
}

pub fn not_utf8(l: Lang, at: usize) -> String {
    sv_en!(
        l,
        format!("filen är inte UTF-8-text (ogiltig byte vid position {at})"),
        format!("the file is not UTF-8 text (invalid byte at offset {at})")
    )
}

// ---------------------------------------------------------------- TOML values

pub fn type_name(l: Lang, t: crate::tomlread::TomlType) -> &'static str {
    use crate::tomlread::TomlType as T;
    match (t, l) {
        (T::String, Lang::Sv) => "en sträng",
        (T::String, Lang::En) => "a string",
        (T::Integer, Lang::Sv) => "ett heltal",
        (T::Integer, Lang::En) => "an integer",
        (T::Float, Lang::Sv) => "ett decimaltal",
        (T::Float, Lang::En) => "a decimal number",
        (T::Boolean, _) => "true/false",
        (T::Datetime, Lang::Sv) => "ett datum",
        (T::Datetime, Lang::En) => "a date",
        (T::Array, Lang::Sv) => "en lista",
        (T::Array, Lang::En) => "a list",
        (T::Table, Lang::Sv) => "en tabell",
        (T::Table, Lang::En) => "a table",
    }
}

/// ` (did you mean `x`?)` or nothing.
pub fn did_you_mean(l: Lang, suggestion: Option<&str>) -> String {
    match suggestion {
        Some(s) => sv_en!(
            l,
            format!(" (menade du `{s}`?)"),
            format!(" (did you mean `{s}`?)")
        ),
        None => String::new(),
    }
}

pub fn toml_syntax(l: Lang, msg: &str, duplicate_key: bool) -> String {
    match (duplicate_key, l) {
        (true, Lang::Sv) => format!("{msg} (varje nyckel får bara finnas en gång i en tabell)"),
        (true, Lang::En) => format!("{msg} (each key may appear only once in a table)"),
        (false, Lang::Sv) => format!("TOML-syntax: {msg}"),
        (false, Lang::En) => format!("TOML syntax: {msg}"),
    }
}

pub fn number_too_large(l: Lang, digits: &str) -> String {
    sv_en!(
        l,
        format!("talet `{digits}` är för stort"),
        format!("the number `{digits}` is too large")
    )
}

pub fn not_finite(l: Lang, text: &str) -> String {
    sv_en!(
        l,
        format!("`{text}` är inte ett ändligt tal"),
        format!("`{text}` is not a finite number")
    )
}

pub fn expected_number(l: Lang, t: crate::tomlread::TomlType) -> String {
    let t = type_name(l, t);
    sv_en!(
        l,
        format!("här ska det stå ett tal, men det står {t}"),
        format!("expected a number, found {t}")
    )
}

pub fn must_be_table(l: Lang, what: &str, t: crate::tomlread::TomlType) -> String {
    let t = type_name(l, t);
    sv_en!(
        l,
        format!("{what} ska vara en tabell, men är {t}"),
        format!("{what} must be a table, found {t}")
    )
}

pub fn unknown_key(l: Lang, key: &str, place: &str, suggestion: Option<&str>) -> String {
    let hint = did_you_mean(l, suggestion);
    sv_en!(
        l,
        format!("okänd nyckel `{key}` i {place}{hint}"),
        format!("unknown key `{key}` in {place}{hint}")
    )
}

pub fn allowed_keys(l: Lang, list: &str) -> String {
    sv_en!(
        l,
        format!("tillåtna nycklar här: {list}"),
        format!("allowed keys here: {list}")
    )
}

pub fn missing_key(l: Lang, place: &str, key: &str) -> String {
    sv_en!(
        l,
        format!("{place} saknar den obligatoriska nyckeln `{key}`"),
        format!("{place} is missing the required key `{key}`")
    )
}

pub fn must_be_string(l: Lang, key: &str, t: crate::tomlread::TomlType) -> String {
    let t = type_name(l, t);
    sv_en!(
        l,
        format!("`{key}` ska vara en sträng, men är {t}"),
        format!("`{key}` must be a string, found {t}")
    )
}

pub fn must_be_bool(l: Lang, key: &str, t: crate::tomlread::TomlType) -> String {
    let t = type_name(l, t);
    sv_en!(
        l,
        format!("`{key}` ska vara true eller false, men är {t}"),
        format!("`{key}` must be true or false, found {t}")
    )
}

pub fn must_be_integer(l: Lang, key: &str, t: crate::tomlread::TomlType) -> String {
    let t = type_name(l, t);
    sv_en!(
        l,
        format!("`{key}` ska vara ett heltal, men är {t}"),
        format!("`{key}` must be a whole number, found {t}")
    )
}

pub fn must_be_list(l: Lang, key: &str, t: crate::tomlread::TomlType) -> String {
    let is_table = t == crate::tomlread::TomlType::Table;
    let t = type_name(l, t);
    match (is_table, l) {
        (true, Lang::Sv) => format!(
            "`{key}` ska vara en lista, men är {t} (skriv `[[{key}]]` för varje post, inte `[{key}]`)"
        ),
        (true, Lang::En) => format!(
            "`{key}` must be a list, found {t} (write `[[{key}]]` for each entry, not `[{key}]`)"
        ),
        (false, Lang::Sv) => format!("`{key}` ska vara en lista, men är {t}"),
        (false, Lang::En) => format!("`{key}` must be a list, found {t}"),
    }
}

pub fn must_list_strings(l: Lang, key: &str, t: crate::tomlread::TomlType) -> String {
    let t = type_name(l, t);
    sv_en!(
        l,
        format!("`{key}` ska vara en lista av strängar, men innehåller {t}"),
        format!("`{key}` must list strings, found {t}")
    )
}

/// "`key`: reason".
pub fn key_reason(_l: Lang, key: &str, reason: &str) -> String {
    format!("`{key}`: {reason}")
}
