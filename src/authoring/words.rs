//! Expressions in plain words ("fewer than 250 employees" for
//! `anstallda < 250`), using the questionnaire's question texts and option
//! labels, for catalogues, previews and explanations.

use crate::i18n::Lang;
use crate::i18n::authoring::Conditions as W;
use crate::questionnaire::expr::{self, CmpOp, Expr, Val};
use crate::questionnaire::{Kind, Questionnaire};
use crate::text::fmt_num;

fn words(lang: &str) -> &'static W {
    crate::i18n::authoring::conditions(Lang::of_content(lang))
}

/// The expression `e` in plain words in `lang`. Texts come from the
/// questionnaire (untrusted): callers sanitise or escape for their medium.
pub fn describe(e: &Expr, q: &Questionnaire, lang: &str) -> String {
    let w = words(lang);
    match e {
        Expr::Const(true) => w.yes.to_string(),
        Expr::Const(false) => w.no.to_string(),
        Expr::And(items) => join(items, q, lang, w.and),
        Expr::Or(items) => join(items, q, lang, w.or),
        Expr::Not(inner) => format!("{} ({})", w.not, describe(inner, q, lang)),
        Expr::Answered(qi) => format!("{} {}", subject(q, *qi, lang), w.answered),
        Expr::Contains { question, option } => format!(
            "{} {} {}",
            subject(q, *question, lang),
            w.includes,
            option_label(q, *question, option, lang)
        ),
        Expr::In {
            val: Val::Answer(qi),
            list,
        } => {
            let items: Vec<String> = list.iter().map(|v| value(q, *qi, v, lang)).collect();
            format!(
                "{} {} {}",
                subject(q, *qi, lang),
                w.is,
                items.join(&format!(" {} ", w.or))
            )
        }
        Expr::Cmp {
            lhs: Val::Answer(qi),
            op,
            rhs: rhs @ (Val::Num(_) | Val::Str(_)),
        } => compare(q, *qi, *op, rhs, lang),
        Expr::Cmp {
            lhs: Val::Need(a),
            op,
            rhs: Val::Num(x),
        } => format!(
            "{} “{}” {} {}",
            w.need,
            q.areas.get(*a).map(|a| a.title.get(lang)).unwrap_or("?"),
            op.as_str(),
            fmt_num(*x)
        ),
        _ => fallback(e, q),
    }
}

fn join(items: &[Expr], q: &Questionnaire, lang: &str, word: &str) -> String {
    items
        .iter()
        .map(|i| match i {
            Expr::And(_) | Expr::Or(_) => format!("({})", describe(i, q, lang)),
            _ => describe(i, q, lang),
        })
        .collect::<Vec<_>>()
        .join(&format!(" {word} "))
}

/// `expr::display` of the expression: the author's own syntax.
pub fn fallback(e: &Expr, q: &Questionnaire) -> String {
    let area_ids: Vec<&str> = q.areas.iter().map(|a| a.id.as_str()).collect();
    expr::display(e, &q.questions, &area_ids)
}

fn subject(q: &Questionnaire, qi: usize, lang: &str) -> String {
    match q.questions.get(qi) {
        Some(question) => format!("“{}”", question.text.get(lang).trim()),
        None => "?".into(),
    }
}

fn option_label(q: &Questionnaire, qi: usize, option: &str, lang: &str) -> String {
    let label = q
        .questions
        .get(qi)
        .and_then(|question| question.kind.options().iter().find(|o| o.id == option))
        .map(|o| o.label.get(lang).trim().to_string())
        .unwrap_or_else(|| option.to_string());
    format!("“{label}”")
}

fn value(q: &Questionnaire, qi: usize, v: &Val, lang: &str) -> String {
    match v {
        Val::Str(s) => option_label(q, qi, s, lang),
        Val::Num(x) => fmt_num(*x),
        other => fallback(
            &Expr::In {
                val: other.clone(),
                list: Vec::new(),
            },
            q,
        ),
    }
}

fn compare(q: &Questionnaire, qi: usize, op: CmpOp, rhs: &Val, lang: &str) -> String {
    let w = words(lang);
    let Some(question) = q.questions.get(qi) else {
        return "?".into();
    };
    let unit = match &question.kind {
        Kind::Number { unit: Some(u), .. } => Some(u.get(lang).trim()),
        _ => None,
    };
    match (rhs, unit) {
        // "fewer than 250 employees": the unit names what is counted.
        (Val::Num(x), Some(unit)) if !unit.is_empty() => {
            let phrase = match op {
                CmpOp::Lt => w.lt_count,
                CmpOp::Le => w.le,
                CmpOp::Gt => w.gt_count,
                CmpOp::Ge => w.ge,
                CmpOp::Eq => w.eq,
                CmpOp::Ne => w.ne,
            };
            format!("{phrase} {} {unit}", fmt_num(*x))
        }
        (Val::Num(x), _) => {
            let phrase = match op {
                CmpOp::Lt => w.lt,
                CmpOp::Le => w.le,
                CmpOp::Gt => w.gt,
                CmpOp::Ge => w.ge,
                CmpOp::Eq => w.eq,
                CmpOp::Ne => w.ne,
            };
            format!("{} {phrase} {}", subject(q, qi, lang), fmt_num(*x))
        }
        (v, _) => {
            let verb = if op == CmpOp::Ne { w.is_not } else { w.is };
            format!("{} {verb} {}", subject(q, qi, lang), value(q, qi, v, lang))
        }
    }
}
