//! Evaluation against answers: two-valued (the contract) and three-valued
//! ("vet ej" and unanswered as undecided).

use super::ast::{CmpOp, Expr, Val};
use crate::answers::Answer;

/// Where an expression finds answers and needs.
pub trait Env {
    /// The answer of a visible question; `None` when unanswered or hidden.
    fn answer(&self, question: usize) -> Option<&Answer>;
    /// The need (0–100) of an area, `None` when unknown.
    fn need(&self, _area: usize) -> Option<f64> {
        None
    }
}

#[derive(Debug, Clone, PartialEq)]
enum V<'a> {
    Num(f64),
    Str(&'a str),
}

/// Outcome of looking a value up: a value, a definite "no value" (not
/// applicable) or an undecided one ("vet ej" or unanswered).
enum Look<'a> {
    Val(V<'a>),
    None,
    Undecided,
}

fn look<'a>(v: &'a Val, env: &'a dyn Env) -> Look<'a> {
    match v {
        Val::Num(x) => Look::Val(V::Num(*x)),
        Val::Str(s) => Look::Val(V::Str(s)),
        Val::Need(a) => match env.need(*a) {
            Some(x) => Look::Val(V::Num(x)),
            None => Look::Undecided,
        },
        Val::Answer(q) => match env.answer(*q) {
            Some(Answer::Choice(s)) | Some(Answer::Text(s)) => Look::Val(V::Str(s)),
            Some(Answer::Number(x)) => Look::Val(V::Num(*x)),
            Some(Answer::NotApplicable) => Look::None,
            Some(Answer::Choices(_)) => Look::None,
            Some(Answer::Unknown) | None => Look::Undecided,
        },
    }
}

fn compare(a: &V<'_>, op: CmpOp, b: &V<'_>) -> bool {
    match (a, b) {
        (V::Num(x), V::Num(y)) => match op {
            CmpOp::Eq => x == y,
            CmpOp::Ne => x != y,
            CmpOp::Lt => x < y,
            CmpOp::Le => x <= y,
            CmpOp::Gt => x > y,
            CmpOp::Ge => x >= y,
        },
        (V::Str(x), V::Str(y)) => match op {
            CmpOp::Eq => x == y,
            CmpOp::Ne => x != y,
            _ => false,
        },
        _ => false,
    }
}

/// Three-valued evaluation: `None` when the result depends on an answer that
/// is "vet ej" or missing. With `strict`, such comparisons are simply false
/// (the contract's two-valued semantics).
fn eval3(e: &Expr, env: &dyn Env, strict: bool) -> Option<bool> {
    let undecided = if strict { Some(false) } else { None };
    match e {
        Expr::Const(b) => Some(*b),
        Expr::Not(inner) => eval3(inner, env, strict).map(|b| !b),
        Expr::And(items) => {
            let mut result = Some(true);
            for item in items {
                match eval3(item, env, strict) {
                    Some(false) => return Some(false),
                    Some(true) => {}
                    None => result = None,
                }
            }
            result
        }
        Expr::Or(items) => {
            let mut result = Some(false);
            for item in items {
                match eval3(item, env, strict) {
                    Some(true) => return Some(true),
                    Some(false) => {}
                    None => result = None,
                }
            }
            result
        }
        Expr::Answered(q) => Some(matches!(
            env.answer(*q),
            Some(Answer::Choice(_) | Answer::Choices(_) | Answer::Number(_) | Answer::Text(_))
        )),
        Expr::Contains { question, option } => match env.answer(*question) {
            Some(Answer::Choices(list)) => Some(list.iter().any(|o| o == option)),
            Some(Answer::Unknown) | None => undecided,
            Some(_) => Some(false),
        },
        Expr::Countries {
            question, all, set, ..
        } => match env.answer(*question) {
            Some(Answer::Choices(list)) => {
                let data = crate::questionnaire::countries::Countries::builtin().ok();
                let inside = |code: &String| {
                    data.and_then(|d| d.get(code))
                        .is_some_and(|i| set.contains(i))
                };
                Some(if *all {
                    !list.is_empty() && list.iter().all(inside)
                } else {
                    list.iter().any(inside)
                })
            }
            Some(Answer::Unknown) | None => undecided,
            Some(_) => Some(false),
        },
        Expr::Cmp { lhs, op, rhs } => match (look(lhs, env), look(rhs, env)) {
            (Look::Val(a), Look::Val(b)) => Some(compare(&a, *op, &b)),
            (Look::None, _) | (_, Look::None) => Some(false),
            _ => undecided,
        },
        Expr::In { val, list } => match look(val, env) {
            Look::Val(a) => Some(list.iter().any(|item| match look(item, env) {
                Look::Val(b) => compare(&a, CmpOp::Eq, &b),
                _ => false,
            })),
            Look::None => Some(false),
            Look::Undecided => undecided,
        },
    }
}

/// Evaluates with the contract's semantics: comparisons on an unanswered,
/// unknown or not-applicable answer are false.
pub fn eval(e: &Expr, env: &dyn Env) -> bool {
    eval3(e, env, true).unwrap_or(false)
}

/// Evaluates with "vet ej"/unanswered as undecided: `None` when the
/// result cannot be known until those questions are answered.
pub fn eval_kleene(e: &Expr, env: &dyn Env) -> Option<bool> {
    eval3(e, env, false)
}

/// The question indices an expression refers to.
pub fn questions_in(e: &Expr, out: &mut Vec<usize>) {
    let val = |v: &Val, out: &mut Vec<usize>| {
        if let Val::Answer(q) = v {
            out.push(*q);
        }
    };
    match e {
        Expr::Const(_) => {}
        Expr::Not(inner) => questions_in(inner, out),
        Expr::And(items) | Expr::Or(items) => items.iter().for_each(|i| questions_in(i, out)),
        Expr::Answered(q)
        | Expr::Contains { question: q, .. }
        | Expr::Countries { question: q, .. } => out.push(*q),
        Expr::Cmp { lhs, rhs, .. } => {
            val(lhs, out);
            val(rhs, out);
        }
        Expr::In { val: v, .. } => val(v, out),
    }
}

/// Whether an expression tests the sanctions tags of the country data
/// (`sanctioned`, `sanction_broad`, `sanction.russia` …): then the date of
/// that data belongs next to what the expression decides.
pub fn uses_sanctions(e: &Expr) -> bool {
    fn tags(t: &super::ast::TagExpr) -> bool {
        use super::ast::TagExpr;
        match t {
            TagExpr::Tag(i) => {
                usize::from(*i) >= crate::questionnaire::countries::MEMBER_TAGS.len()
            }
            TagExpr::Regime(_) => true,
            TagExpr::Not(x) => tags(x),
            TagExpr::And(items) | TagExpr::Or(items) => items.iter().any(tags),
        }
    }
    match e {
        Expr::Countries { tags: t, .. } => tags(t),
        Expr::Not(inner) => uses_sanctions(inner),
        Expr::And(items) | Expr::Or(items) => items.iter().any(uses_sanctions),
        _ => false,
    }
}
