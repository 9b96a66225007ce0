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

// ---------------------------------------------------------------- conditions

/// What the parser expected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    CloseParen,
    ParenAfterAnswered,
    BracketAfterIn,
    DotAfterNeed,
}

fn expected(l: Lang, e: Expected) -> &'static str {
    match (e, l) {
        (Expected::CloseParen, _) => "`)`",
        (Expected::ParenAfterAnswered, Lang::Sv) => "`(` efter `answered`",
        (Expected::ParenAfterAnswered, Lang::En) => "`(` after `answered`",
        (Expected::BracketAfterIn, Lang::Sv) => "`[` som inleder listan efter `in`",
        (Expected::BracketAfterIn, Lang::En) => "`[` to start the list after `in`",
        (Expected::DotAfterNeed, Lang::Sv) => "`.` efter `need` (som i `need.finansiering`)",
        (Expected::DotAfterNeed, Lang::En) => "`.` after `need` (as in `need.finansiering`)",
    }
}

pub fn expected_here(l: Lang, e: Expected) -> String {
    let e = expected(l, e);
    sv_en!(
        l,
        format!("här ska det stå {e}"),
        format!("expected {e} here")
    )
}

pub fn ends_early(l: Lang, e: Expected) -> String {
    let e = expected(l, e);
    sv_en!(
        l,
        format!("villkoret slutar för tidigt: här ska det stå {e}"),
        format!("the expression ends too early: expected {e}")
    )
}

pub fn nested_too_deep(l: Lang, max: usize) -> String {
    sv_en!(
        l,
        format!("villkoret är nästlat i fler än {max} nivåer"),
        format!("the expression is nested more than {max} levels deep")
    )
}

pub fn expr_too_long(l: Lang, len: usize, max: usize) -> String {
    sv_en!(
        l,
        format!("villkoret är {len} byte långt; högst {max} är tillåtet"),
        format!("the expression is {len} bytes long; at most {max} are allowed")
    )
}

pub fn not_an_operator(l: Lang, op: &str) -> String {
    sv_en!(
        l,
        format!("`{op}` är ingen operator här"),
        format!("`{op}` is not an operator here")
    )
}

pub fn write_instead(l: Lang, word: &str) -> String {
    sv_en!(l, format!("skriv `{word}`"), format!("write `{word}`"))
}

pub fn end_with(l: Lang, quote: char) -> String {
    sv_en!(
        l,
        format!("avsluta den med {quote}"),
        format!("end it with {quote}")
    )
}

pub fn not_a_number(l: Lang, text: &str) -> String {
    sv_en!(
        l,
        format!("`{text}` är inget tal"),
        format!("`{text}` is not a number")
    )
}

pub fn unexpected_char(l: Lang, ch: &str) -> String {
    sv_en!(
        l,
        format!("oväntat tecken `{ch}`"),
        format!("unexpected character `{ch}`")
    )
}

pub fn keyword_here(l: Lang, kw: &str) -> String {
    sv_en!(
        l,
        format!("`{kw}` kan inte stå här; här ska det stå ett värde"),
        format!("`{kw}` cannot stand here; expected a value")
    )
}

pub fn no_such_question(l: Lang, id: &str, hint: Option<&str>) -> String {
    let hint = did_you_mean(l, hint);
    sv_en!(
        l,
        format!("det finns ingen fråga `{id}`{hint}"),
        format!("there is no question `{id}`{hint}")
    )
}

pub fn forward_reference(l: Lang, id: &str, owner: &str) -> String {
    sv_en!(
        l,
        format!("`{id}` ställs senare än {owner}; ett villkor får bara använda tidigare frågor"),
        format!("`{id}` is asked later than {owner}; a condition may only use earlier questions")
    )
}

pub fn no_such_option(l: Lang, question: &str, opt: &str, hint: Option<&str>) -> String {
    let hint = did_you_mean(l, hint);
    sv_en!(
        l,
        format!("frågan `{question}` har inget alternativ `{opt}`{hint}"),
        format!("question `{question}` has no option `{opt}`{hint}")
    )
}

pub fn its_options(l: Lang, list: &str) -> String {
    match (list.is_empty(), l) {
        (true, Lang::Sv) => "frågan har inga alternativ än".into(),
        (true, Lang::En) => "that question has no options yet".into(),
        (false, Lang::Sv) => format!("dess alternativ är: {list}"),
        (false, Lang::En) => format!("its options are: {list}"),
    }
}

pub fn single_needs_equality(l: Lang, id: &str) -> String {
    sv_en!(
        l,
        format!("frågan `{id}` är ett enkelval; jämför den med `==`, `!=` eller `in`"),
        format!("question `{id}` is a single choice; compare it with `==`, `!=` or `in`")
    )
}

pub fn multi_needs_contains(l: Lang, id: &str) -> String {
    sv_en!(
        l,
        format!("frågan `{id}` är ett flerval; använd `{id} contains 'alternativ'`"),
        format!("question `{id}` is a multiple choice; use `{id} contains 'option'`")
    )
}

pub fn single_vs_number(l: Lang, id: &str) -> String {
    sv_en!(
        l,
        format!(
            "frågan `{id}` är ett enkelval: jämför den med ett alternativ-id inom citattecken, inte med ett tal"
        ),
        format!(
            "question `{id}` is a single choice: compare it with an option id in quotes, not a number"
        )
    )
}

pub fn incomparable(l: Lang, op: Option<&str>) -> String {
    match (op, l) {
        (Some(op), Lang::Sv) => format!("de här två värdena kan inte jämföras med `{op}`"),
        (Some(op), Lang::En) => format!("these two values cannot be compared with `{op}`"),
        (None, Lang::Sv) => "de här två värdena kan inte jämföras".into(),
        (None, Lang::En) => "these two values cannot be compared".into(),
    }
}

pub fn bare_value_help(l: Lang, id: Option<&str>) -> String {
    match (id, l) {
        (Some(id), Lang::Sv) => {
            format!("jämför den, t.ex. `{id} == 'ja'`, eller skriv `answered({id})`")
        }
        (Some(id), Lang::En) => {
            format!("compare it, e.g. `{id} == 'ja'`, or write `answered({id})`")
        }
        (None, Lang::Sv) => {
            "ett villkor jämför en fråga med ett värde, t.ex. `exporterar == 'ja'`".into()
        }
        (None, Lang::En) => {
            "a condition compares a question with a value, e.g. `exporterar == 'ja'`".into()
        }
    }
}

pub fn contains_on_single(l: Lang, id: &str) -> String {
    sv_en!(
        l,
        format!(
            "`contains` behöver en flervalsfråga; `{id}` är ett enkelval (använd `{id} == '…'`)"
        ),
        format!(
            "`contains` needs a multiple-choice question; `{id}` is a single choice (use `{id} == '…'`)"
        )
    )
}

pub fn contains_on_other(l: Lang, id: &str) -> String {
    sv_en!(
        l,
        format!("`contains` behöver en flervalsfråga, och `{id}` är ingen"),
        format!("`contains` needs a multiple-choice question, and `{id}` is not one")
    )
}

// ---------------------------------------------------------------- answers files

/// What a question takes, for "wrong type" messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnswerKind {
    Single,
    Multi,
    Scale,
    Number,
    Text,
}

pub fn wrong_answer_type(
    l: Lang,
    id: &str,
    kind: AnswerKind,
    found: crate::tomlread::TomlType,
) -> String {
    let t = type_name(l, found);
    let (sv_kind, sv_takes, en_kind, en_takes) = match kind {
        AnswerKind::Single => (
            "ett enkelval",
            "ett alternativ-id inom citattecken",
            "a single choice",
            "one option id in quotes",
        ),
        AnswerKind::Multi => (
            "ett flerval",
            "en lista av alternativ-id, t.ex. [\"eu\", \"usa\"]",
            "a multiple choice",
            "a list of option ids, e.g. [\"eu\", \"usa\"]",
        ),
        AnswerKind::Scale => (
            "en skala",
            "ett heltal på skalan",
            "a scale",
            "a whole number on its scale",
        ),
        AnswerKind::Number => ("en sifferfråga", "ett tal", "a number question", "a number"),
        AnswerKind::Text => (
            "en textfråga",
            "en text inom citattecken",
            "a text question",
            "a text in quotes",
        ),
    };
    sv_en!(
        l,
        format!("frågan `{id}` är {sv_kind} och tar {sv_takes}, men svaret är {t}"),
        format!("question `{id}` is {en_kind} and takes {en_takes}, found {t}")
    )
}

pub fn wrong_questionnaire(l: Lang, id: &str, in_use: &str) -> String {
    sv_en!(
        l,
        format!(
            "svaren hör till frågeformuläret `{id}`, men frågeformuläret som används är `{in_use}`"
        ),
        format!(
            "these answers belong to questionnaire `{id}`, but the questionnaire in use is `{in_use}`"
        )
    )
}

pub fn add_questionnaire_key(l: Lang, id: &str) -> String {
    sv_en!(
        l,
        format!("lägg till `questionnaire = \"{id}\"` överst"),
        format!("add `questionnaire = \"{id}\"` at the top")
    )
}

pub fn version_differs(l: Lang, v: &str, in_use: &str) -> String {
    sv_en!(
        l,
        format!("besvarad med version {v} av frågeformuläret; versionen som används är {in_use}"),
        format!("answered with version {v} of the questionnaire; the version in use is {in_use}")
    )
}

pub fn consent_unknown_actor(l: Lang, actor: &str, hint: Option<&str>) -> String {
    let hint = did_you_mean(l, hint);
    sv_en!(
        l,
        format!("samtycke för `{actor}`, men det finns ingen sådan aktör{hint}"),
        format!("consent for `{actor}`, but there is no such actor{hint}")
    )
}

pub fn consent_not_bool(l: Lang, actor: &str, t: crate::tomlread::TomlType) -> String {
    let t = type_name(l, t);
    sv_en!(
        l,
        format!("samtycket för `{actor}` ska vara true eller false, men är {t}"),
        format!("consent for `{actor}` must be true or false, found {t}")
    )
}

pub fn bad_org_number(l: Lang, org: &str) -> String {
    sv_en!(
        l,
        format!("`{org}` är inget giltigt svenskt organisationsnummer"),
        format!("`{org}` is not a valid Swedish organisation number")
    )
}

pub fn bad_sni(l: Lang, sni: &str) -> String {
    sv_en!(
        l,
        format!("`{sni}` är ingen SNI-kod"),
        format!("`{sni}` is not an SNI industry code")
    )
}

pub fn key_too_long(l: Lang, key: &str, max: usize) -> String {
    sv_en!(
        l,
        format!("`{key}` är längre än {max} tecken"),
        format!("`{key}` is longer than {max} characters")
    )
}

pub fn answer_too_long(l: Lang, max: usize) -> String {
    sv_en!(
        l,
        format!("svaret är längre än {max} tecken"),
        format!("the answer is longer than {max} characters")
    )
}

pub fn note_unknown_question(l: Lang, id: &str, hint: Option<&str>) -> String {
    let hint = did_you_mean(l, hint);
    sv_en!(
        l,
        format!("en anteckning till `{id}`, men det finns ingen sådan fråga{hint}"),
        format!("a note for `{id}`, but there is no such question{hint}")
    )
}

pub fn note_not_string(l: Lang, id: &str, t: crate::tomlread::TomlType) -> String {
    let t = type_name(l, t);
    sv_en!(
        l,
        format!("anteckningen till `{id}` ska vara en sträng, men är {t}"),
        format!("the note for `{id}` must be a string, found {t}")
    )
}

pub fn not_a_question_of(l: Lang, id: &str, questionnaire: &str, hint: Option<&str>) -> String {
    let hint = did_you_mean(l, hint);
    sv_en!(
        l,
        format!("`{id}` är ingen fråga i `{questionnaire}`{hint}"),
        format!("`{id}` is not a question of `{questionnaire}`{hint}")
    )
}

pub fn answered_twice(l: Lang, id: &str, question: &str) -> String {
    sv_en!(
        l,
        format!("`{id}` besvarar frågan `{question}`, som redan är besvarad under sitt andra namn"),
        format!(
            "`{id}` answers question `{question}`, which is already answered under its other name"
        )
    )
}

pub fn no_unknown(l: Lang, id: &str) -> String {
    sv_en!(
        l,
        format!("frågan `{id}` erbjuder inte \"vet ej\""),
        format!("question `{id}` does not offer \"vet ej\" (unknown)")
    )
}

pub fn no_na(l: Lang, id: &str) -> String {
    sv_en!(
        l,
        format!("frågan `{id}` erbjuder inte \"ej relevant\""),
        format!("question `{id}` does not offer \"ej relevant\" (not applicable)")
    )
}

pub fn answer_unknown_option(
    l: Lang,
    id: &str,
    opt: &str,
    hint: Option<&str>,
    list: &str,
) -> String {
    let hint = did_you_mean(l, hint);
    sv_en!(
        l,
        format!("frågan `{id}` har inget alternativ `{opt}`{hint} (alternativ: {list})"),
        format!("question `{id}` has no option `{opt}`{hint} (options: {list})")
    )
}

pub fn multi_item_type(l: Lang, id: &str, t: crate::tomlread::TomlType) -> String {
    let t = type_name(l, t);
    sv_en!(
        l,
        format!("alternativen i `{id}` ska vara alternativ-id inom citattecken, men ett är {t}"),
        format!("the options of `{id}` must be option ids in quotes, found {t}")
    )
}

pub fn outside_scale(l: Lang, x: &str, id: &str, lo: &str, hi: &str) -> String {
    sv_en!(
        l,
        format!("{x} ligger utanför skalan för `{id}` ({lo}–{hi})"),
        format!("{x} is outside the scale of `{id}` ({lo}–{hi})")
    )
}

pub fn outside_range(l: Lang, x: &str, id: &str, lo: &str, hi: &str) -> String {
    sv_en!(
        l,
        format!("{x} ligger utanför det tillåtna intervallet för `{id}` ({lo}–{hi})"),
        format!("{x} is outside the allowed range of `{id}` ({lo}–{hi})")
    )
}

// ---------------------------------------------------------------- the data folder

pub fn folder_tightened(l: Lang, path: &str, mode: u32) -> String {
    sv_en!(
        l,
        format!(
            "mappen {path} gick att skriva i för andra (läge {mode:o}); nu får bara du läsa och skriva i den (700)"
        ),
        format!(
            "the folder {path} was writable by others (mode {mode:o}); it is now yours only (700)"
        )
    )
}

pub fn folder_open_to_others(l: Lang, path: &str) -> String {
    sv_en!(
        l,
        format!(
            "varning: andra kan skriva i mappen {path}, och de kan byta ut sessioner där; använd en egen mapp (chmod 700)"
        ),
        format!(
            "warning: others can write to the folder {path} and could swap sessions there; use a folder of your own (chmod 700)"
        )
    )
}

pub fn folder_not_created(l: Lang, path: &str, err: &str) -> String {
    sv_en!(
        l,
        format!("mappen {path} kunde inte skapas ({err}); sessioner kan läsas men inte sparas"),
        format!(
            "the folder {path} could not be created ({err}); sessions can be read but not saved"
        )
    )
}

pub fn unknown_key_kept(l: Lang, key: &str, place: &str, suggestion: Option<&str>) -> String {
    let hint = did_you_mean(l, suggestion);
    sv_en!(
        l,
        format!(
            "okänd nyckel `{key}` i {place}{hint}; den sparas som den är men används inte (kanske från en nyare version)"
        ),
        format!(
            "unknown key `{key}` in {place}{hint}; it is kept as it is but not used (perhaps from a newer version)"
        )
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
