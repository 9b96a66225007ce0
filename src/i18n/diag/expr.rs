//! Words of condition (`show_if`, `when`, `eligibility`) diagnostics.

use super::did_you_mean;
use crate::i18n::Lang;

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
