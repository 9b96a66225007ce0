//! Back to text, for previews and messages: what is shown parses to the same
//! expression (tested in tests/properties.rs).

use super::ast::{Expr, TagExpr, Val};
use crate::questionnaire::Question;

/// A number as the lexer reads it: whole numbers without a decimal part,
/// others in Rust's shortest exact form (never an exponent).
fn number(x: f64) -> String {
    if x.is_finite() && x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{}", x as i64)
    } else {
        format!("{x}")
    }
}

/// A text in quotes that the lexer reads back: `'…'`, or `"…"` when the
/// text holds a `'` (the language has no escapes, so a text holding both
/// kinds of quote cannot come from a file).
fn quoted(s: &str) -> String {
    if s.contains('\'') {
        format!("\"{s}\"")
    } else {
        format!("'{s}'")
    }
}

/// Renders a checked expression back to text (for previews and messages).
pub fn display(e: &Expr, questions: &[Question], area_ids: &[&str]) -> String {
    let val = |v: &Val| match v {
        Val::Answer(q) => questions.get(*q).map(|q| q.id.clone()).unwrap_or_default(),
        Val::Need(a) => format!("need.{}", area_ids.get(*a).copied().unwrap_or("?")),
        Val::Num(x) => number(*x),
        Val::Str(s) => quoted(s),
    };
    match e {
        Expr::Const(b) => b.to_string(),
        // `not` binds tighter than `and`/`or`: keep their parentheses.
        Expr::Not(inner) => format!("not {}", paren(inner, questions, area_ids)),
        Expr::And(items) => items
            .iter()
            .map(|i| paren(i, questions, area_ids))
            .collect::<Vec<_>>()
            .join(" and "),
        Expr::Or(items) => items
            .iter()
            .map(|i| paren(i, questions, area_ids))
            .collect::<Vec<_>>()
            .join(" or "),
        Expr::Answered(q) => format!("answered({})", val(&Val::Answer(*q))),
        Expr::Contains { question, option } => {
            format!(
                "{} contains {}",
                val(&Val::Answer(*question)),
                quoted(option)
            )
        }
        Expr::Countries {
            question,
            all,
            tags,
            ..
        } => format!(
            "{}({}, {})",
            if *all { "all" } else { "any" },
            val(&Val::Answer(*question)),
            display_tags(tags)
        ),
        Expr::Cmp { lhs, op, rhs } => format!("{} {} {}", val(lhs), op.as_str(), val(rhs)),
        Expr::In { val: v, list } => format!(
            "{} in [{}]",
            val(v),
            list.iter().map(val).collect::<Vec<_>>().join(", ")
        ),
    }
}

fn paren(e: &Expr, questions: &[Question], area_ids: &[&str]) -> String {
    match e {
        Expr::And(_) | Expr::Or(_) => format!("({})", display(e, questions, area_ids)),
        _ => display(e, questions, area_ids),
    }
}

/// A tag expression back to text.
pub fn display_tags(t: &TagExpr) -> String {
    let inner = |t: &TagExpr| match t {
        TagExpr::And(_) | TagExpr::Or(_) => format!("({})", display_tags(t)),
        _ => display_tags(t),
    };
    match t {
        TagExpr::Tag(i) => crate::questionnaire::countries::tag_name(*i).to_string(),
        TagExpr::Regime(r) => {
            let id = crate::questionnaire::countries::Countries::builtin()
                .ok()
                .and_then(|c| c.regimes.get(*r))
                .map(|r| r.id.as_str())
                .unwrap_or("?");
            format!("sanction.{id}")
        }
        TagExpr::Not(x) => format!("not {}", inner(x)),
        TagExpr::And(items) => items.iter().map(inner).collect::<Vec<_>>().join(" and "),
        TagExpr::Or(items) => items.iter().map(inner).collect::<Vec<_>>().join(" or "),
    }
}
