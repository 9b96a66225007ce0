//! Back to text, for previews and messages.

use super::ast::{Expr, Val};
use crate::questionnaire::Question;
use crate::text::fmt_num;

/// Renders a checked expression back to text (for previews and messages).
pub fn display(e: &Expr, questions: &[Question], area_ids: &[&str]) -> String {
    let val = |v: &Val| match v {
        Val::Answer(q) => questions.get(*q).map(|q| q.id.clone()).unwrap_or_default(),
        Val::Need(a) => format!("need.{}", area_ids.get(*a).copied().unwrap_or("?")),
        Val::Num(x) => fmt_num(*x),
        Val::Str(s) => format!("'{s}'"),
    };
    match e {
        Expr::Const(b) => b.to_string(),
        Expr::Not(inner) => format!("not {}", display(inner, questions, area_ids)),
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
            format!("{} contains '{option}'", val(&Val::Answer(*question)))
        }
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
