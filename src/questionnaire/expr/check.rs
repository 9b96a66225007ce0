//! The checker: ids resolved against the questionnaire, types checked,
//! every mistake in `and`/`or` branches reported.

use std::collections::HashMap;
use std::ops::Range;

use super::ast::{Ast, CmpOp, Expr, ExprError, Operand, Spanned, Val};
use super::parse::parse;
use crate::questionnaire::{Kind, Question};
use crate::text::did_you_mean;

/// What an expression may refer to.
pub struct Scope<'a> {
    pub questions: &'a [Question],
    pub question_index: &'a HashMap<String, usize>,
    pub area_index: &'a HashMap<String, usize>,
    /// Questions at this index and later may not be referred to
    /// (`show_if` only looks back). `usize::MAX` allows all.
    pub before: usize,
    /// Whether `need.AREA` is allowed (actor rules only).
    pub allow_need: bool,
    /// Describes `before` in forward-reference messages.
    pub owner: &'a str,
}

/// The static type of a value.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Ty {
    /// Answer of a single-choice question.
    Option(usize),
    /// Answer of a multi-choice question.
    Set(usize),
    Num,
    Text,
    Str,
    Bool,
}

impl Scope<'_> {
    fn question(&self, id: &str, span: &Range<usize>) -> Result<usize, ExprError> {
        let Some(&q) = self.question_index.get(id) else {
            return Err(ExprError::new(
                "unknown-question",
                span.clone(),
                format!(
                    "there is no question `{id}`{}",
                    did_you_mean(id, self.question_index.keys().map(String::as_str))
                ),
            ));
        };
        if q >= self.before {
            return Err(ExprError::new(
                "forward-reference",
                span.clone(),
                format!(
                    "`{id}` is asked later than {}; a condition may only use earlier questions",
                    self.owner
                ),
            )
            .help("move the question earlier, or the condition later"));
        }
        Ok(q)
    }

    fn operand(&self, (op, span): &Spanned) -> Result<(Val, Ty), ExprError> {
        match op {
            Operand::Num(x) => Ok((Val::Num(*x), Ty::Num)),
            Operand::Str(s) => Ok((Val::Str(s.clone()), Ty::Str)),
            Operand::Bool(b) => Ok((Val::Num(f64::from(u8::from(*b))), Ty::Bool)),
            Operand::Need(area) => {
                if !self.allow_need {
                    return Err(ExprError::new(
                        "type-error",
                        span.clone(),
                        "`need.…` can only be used in actor rules",
                    ));
                }
                match self.area_index.get(area) {
                    Some(&a) => Ok((Val::Need(a), Ty::Num)),
                    None => Err(ExprError::new(
                        "unknown-area",
                        span.clone(),
                        format!(
                            "there is no area `{area}`{}",
                            did_you_mean(area, self.area_index.keys().map(String::as_str))
                        ),
                    )),
                }
            }
            Operand::Ident(id) => {
                let q = self.question(id, span)?;
                let ty = match &self.questions[q].kind {
                    Kind::Single { .. } => Ty::Option(q),
                    Kind::Multi { .. } => Ty::Set(q),
                    Kind::Scale { .. } | Kind::Number { .. } => Ty::Num,
                    Kind::Text => Ty::Text,
                };
                Ok((Val::Answer(q), ty))
            }
        }
    }

    fn check_option(&self, q: usize, opt: &str, span: &Range<usize>) -> Result<(), ExprError> {
        let question = &self.questions[q];
        if question.kind.option_index(opt).is_some() {
            return Ok(());
        }
        let ids: Vec<&str> = question
            .kind
            .options()
            .iter()
            .map(|o| o.id.as_str())
            .collect();
        Err(ExprError::new(
            "unknown-option",
            span.clone(),
            format!(
                "question `{}` has no option `{opt}`{}",
                question.id,
                did_you_mean(opt, ids.iter().copied())
            ),
        )
        .help(if ids.is_empty() {
            "that question has no options yet".to_string()
        } else {
            format!("its options are: {}", ids.join(", "))
        }))
    }

    /// Checks that `lhs op rhs` makes sense; `rhs_span` is where to point.
    fn compatible(
        &self,
        (lt, ls): (Ty, &Range<usize>),
        op: Option<CmpOp>,
        (rt, rs): (Ty, &Range<usize>),
        rhs_text: Option<&str>,
    ) -> Result<(), ExprError> {
        let equality = matches!(op, None | Some(CmpOp::Eq) | Some(CmpOp::Ne));
        let type_err = |msg: String| Err(ExprError::new("type-error", ls.start..rs.end, msg));
        match (lt, rt) {
            (Ty::Num, Ty::Num) => Ok(()),
            (Ty::Option(q), Ty::Str) | (Ty::Str, Ty::Option(q)) => {
                if !equality {
                    return type_err(format!(
                        "question `{}` is a single choice; compare it with `==`, `!=` or `in`",
                        self.questions[q].id
                    ));
                }
                let span = if matches!(lt, Ty::Str) { ls } else { rs };
                self.check_option(q, rhs_text.unwrap_or_default(), span)
            }
            (Ty::Option(a), Ty::Option(b)) if equality => {
                let _ = (a, b);
                Ok(())
            }
            (Ty::Text, Ty::Str) | (Ty::Str, Ty::Text) | (Ty::Text, Ty::Text) if equality => Ok(()),
            (Ty::Set(q), _) | (_, Ty::Set(q)) => type_err(format!(
                "question `{}` is a multiple choice; use `{} contains 'option'`",
                self.questions[q].id, self.questions[q].id
            )),
            (Ty::Bool, _) | (_, Ty::Bool) => type_err(
                "true/false cannot be compared with an answer; use `answered(id)` or compare the answer".into(),
            ),
            (Ty::Str, Ty::Str) => type_err("this compares two fixed texts; one side should be a question id".into()),
            (Ty::Option(q), Ty::Num) | (Ty::Num, Ty::Option(q)) => type_err(format!(
                "question `{}` is a single choice: compare it with an option id in quotes, not a number",
                self.questions[q].id
            )),
            (Ty::Num, Ty::Str) | (Ty::Str, Ty::Num) => {
                type_err("a number is compared with a text; numeric questions compare with numbers".into())
            }
            _ => type_err(format!(
                "these two values cannot be compared{}",
                op.map(|o| format!(" with `{}`", o.as_str())).unwrap_or_default()
            )),
        }
    }

    /// Checks every branch of `and`/`or`, so that all mistakes are reported.
    fn check_all(&self, ast: &Ast) -> Result<Expr, Vec<ExprError>> {
        match ast {
            Ast::Or(items) | Ast::And(items) => {
                let mut ok = Vec::with_capacity(items.len());
                let mut errors = Vec::new();
                for item in items {
                    match self.check_all(item) {
                        Ok(e) => ok.push(e),
                        Err(mut e) => errors.append(&mut e),
                    }
                }
                if !errors.is_empty() {
                    return Err(errors);
                }
                Ok(if matches!(ast, Ast::Or(_)) {
                    Expr::Or(ok)
                } else {
                    Expr::And(ok)
                })
            }
            Ast::Not(inner) => Ok(Expr::Not(Box::new(self.check_all(inner)?))),
            other => self.check(other).map_err(|e| vec![e]),
        }
    }

    fn check(&self, ast: &Ast) -> Result<Expr, ExprError> {
        Ok(match ast {
            Ast::Or(_) | Ast::And(_) | Ast::Not(_) => {
                return self.check_all(ast).map_err(|mut e| e.remove(0));
            }
            Ast::Answered(id, span) => Expr::Answered(self.question(id, span)?),
            Ast::Bare((Operand::Bool(b), _)) => Expr::Const(*b),
            Ast::Bare((op, span)) => {
                let hint = match op {
                    Operand::Ident(id) => {
                        format!("compare it, e.g. `{id} == 'ja'`, or write `answered({id})`")
                    }
                    _ => "a condition compares a question with a value, e.g. `exporterar == 'ja'`"
                        .into(),
                };
                return Err(ExprError::new(
                    "type-error",
                    span.clone(),
                    "this is a value, not a condition",
                )
                .help(hint));
            }
            Ast::Cmp(l, op, r) => {
                let (lv, lt) = self.operand(l)?;
                let (rv, rt) = self.operand(r)?;
                let text = match (&l.0, &r.0) {
                    (_, Operand::Str(s)) | (Operand::Str(s), _) => Some(s.as_str()),
                    _ => None,
                };
                self.compatible((lt, &l.1), Some(*op), (rt, &r.1), text)?;
                Expr::Cmp {
                    lhs: lv,
                    op: *op,
                    rhs: rv,
                }
            }
            Ast::In(l, list) => {
                let (lv, lt) = self.operand(l)?;
                let mut vals = Vec::with_capacity(list.len());
                for item in list {
                    let (iv, it) = self.operand(item)?;
                    if matches!(item.0, Operand::Ident(_) | Operand::Need(_)) {
                        return Err(ExprError::new(
                            "type-error",
                            item.1.clone(),
                            "a list after `in` holds fixed values ('option' or numbers), not question ids",
                        ));
                    }
                    let text = match &item.0 {
                        Operand::Str(s) => Some(s.as_str()),
                        _ => None,
                    };
                    self.compatible((lt, &l.1), None, (it, &item.1), text)?;
                    vals.push(iv);
                }
                Expr::In {
                    val: lv,
                    list: vals,
                }
            }
            Ast::Contains(l, r) => {
                let (lv, lt) = self.operand(l)?;
                let Ty::Set(q) = lt else {
                    let what = match (&l.0, lt) {
                        (Operand::Ident(id), Ty::Option(_)) => {
                            format!(
                                "`contains` needs a multiple-choice question; `{id}` is a single choice (use `{id} == '…'`)"
                            )
                        }
                        (Operand::Ident(id), _) => {
                            format!(
                                "`contains` needs a multiple-choice question, and `{id}` is not one"
                            )
                        }
                        _ => "`contains` needs a multiple-choice question on its left".to_string(),
                    };
                    return Err(ExprError::new("type-error", l.1.start..r.1.end, what));
                };
                let _ = lv;
                match &r.0 {
                    Operand::Str(opt) => {
                        self.check_option(q, opt, &r.1)?;
                        Expr::Contains {
                            question: q,
                            option: opt.clone(),
                        }
                    }
                    _ => {
                        return Err(ExprError::new(
                            "type-error",
                            r.1.clone(),
                            "`contains` takes an option id in quotes, e.g. `marknader contains 'eu'`",
                        ));
                    }
                }
            }
        })
    }
}

/// Parses and checks an expression in one step, reporting every mistake
/// found (syntax errors stop at the first).
pub fn compile(src: &str, scope: &Scope<'_>) -> Result<Expr, Vec<ExprError>> {
    let ast = parse(src).map_err(|e| vec![e])?;
    scope.check_all(&ast)
}
