//! The checker: ids resolved against the questionnaire, types checked,
//! every mistake in `and`/`or` branches reported.

use std::collections::HashMap;
use std::ops::Range;

use super::ast::{Ast, CmpOp, Expr, ExprError, Operand, Spanned, TagAst, TagExpr, Val};
use super::parse::parse;
use crate::diag::{Message, msg};
use crate::i18n::diag::{self as w, Owner};
use crate::questionnaire::countries::{self, Countries, CountrySet};
use crate::questionnaire::{Kind, Question};
use crate::text::suggest;

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
    pub owner: Owner<'a>,
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
            let hint = suggest(id, self.question_index.keys().map(String::as_str));
            return Err(ExprError::new(
                "unknown-question",
                span.clone(),
                msg(|l| w::no_such_question(l, id, hint)),
            ));
        };
        if q >= self.before {
            return Err(ExprError::new(
                "forward-reference",
                span.clone(),
                msg(|l| w::forward_reference(l, id, &self.owner.name(l))),
            )
            .help(msg(|l| w::words(l).forward_help.to_string())));
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
                        msg(|l| w::words(l).need_outside_rule.to_string()),
                    ));
                }
                match self.area_index.get(area) {
                    Some(&a) => Ok((Val::Need(a), Ty::Num)),
                    None => {
                        let hint = suggest(area, self.area_index.keys().map(String::as_str));
                        Err(ExprError::new(
                            "unknown-area",
                            span.clone(),
                            msg(|l| w::no_such_area(l, area, hint)),
                        ))
                    }
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
        if question.country {
            let data = Countries::builtin().ok();
            let hint = data.and_then(|c| c.by_name(opt));
            let id = &question.id;
            return Err(ExprError::new(
                "unknown-country",
                span.clone(),
                msg(|l| {
                    crate::i18n::format::unknown_country(
                        l,
                        id,
                        opt,
                        hint.map(|c| (c.code.as_str(), c.name(l))),
                    )
                }),
            ));
        }
        let ids: Vec<&str> = question
            .kind
            .options()
            .iter()
            .map(|o| o.id.as_str())
            .collect();
        let hint = suggest(opt, ids.iter().copied());
        let list = ids.join(", ");
        Err(ExprError::new(
            "unknown-option",
            span.clone(),
            msg(|l| w::no_such_option(l, &question.id, opt, hint)),
        )
        .help(msg(|l| w::its_options(l, &list))))
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
        let type_err = |m: Message| Err(ExprError::new("type-error", ls.start..rs.end, m));
        match (lt, rt) {
            (Ty::Num, Ty::Num) => Ok(()),
            (Ty::Option(q), Ty::Str) | (Ty::Str, Ty::Option(q)) => {
                if !equality {
                    let id = &self.questions[q].id;
                    return type_err(msg(|l| w::single_needs_equality(l, id)));
                }
                let span = if matches!(lt, Ty::Str) { ls } else { rs };
                self.check_option(q, rhs_text.unwrap_or_default(), span)
            }
            (Ty::Option(a), Ty::Option(b)) if equality => {
                let _ = (a, b);
                Ok(())
            }
            (Ty::Text, Ty::Str) | (Ty::Str, Ty::Text) | (Ty::Text, Ty::Text) if equality => Ok(()),
            (Ty::Set(q), _) | (_, Ty::Set(q)) => {
                let id = &self.questions[q].id;
                type_err(msg(|l| w::multi_needs_contains(l, id)))
            }
            (Ty::Bool, _) | (_, Ty::Bool) => {
                type_err(msg(|l| w::words(l).bool_compare.to_string()))
            }
            (Ty::Str, Ty::Str) => type_err(msg(|l| w::words(l).two_literals.to_string())),
            (Ty::Option(q), Ty::Num) | (Ty::Num, Ty::Option(q)) => {
                let id = &self.questions[q].id;
                type_err(msg(|l| w::single_vs_number(l, id)))
            }
            (Ty::Num, Ty::Str) | (Ty::Str, Ty::Num) => {
                type_err(msg(|l| w::words(l).number_vs_text.to_string()))
            }
            _ => type_err(msg(|l| w::incomparable(l, op.map(CmpOp::as_str)))),
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
            Ast::Countries {
                all,
                question,
                tags,
                ..
            } => self.countries_call(*all, question, tags),
            other => self.check(other).map_err(|e| vec![e]),
        }
    }

    fn check(&self, ast: &Ast) -> Result<Expr, ExprError> {
        Ok(match ast {
            Ast::Or(_) | Ast::And(_) | Ast::Not(_) => {
                return self.check_all(ast).map_err(|mut e| e.remove(0));
            }
            Ast::Answered(id, span) => Expr::Answered(self.question(id, span)?),
            Ast::Countries {
                all,
                question,
                tags,
                ..
            } => {
                return self
                    .countries_call(*all, question, tags)
                    .map_err(|mut e| e.remove(0));
            }
            Ast::Bare((Operand::Bool(b), _)) => Expr::Const(*b),
            Ast::Bare((op, span)) => {
                let id = match op {
                    Operand::Ident(id) => Some(id.as_str()),
                    _ => None,
                };
                return Err(ExprError::new(
                    "type-error",
                    span.clone(),
                    msg(|l| w::words(l).bare_value.to_string()),
                )
                .help(msg(|l| w::bare_value_help(l, id))));
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
                            msg(|l| w::words(l).in_list_ids.to_string()),
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
                            msg(|l| w::contains_on_single(l, id))
                        }
                        (Operand::Ident(id), _) => msg(|l| w::contains_on_other(l, id)),
                        _ => msg(|l| w::words(l).contains_left.to_string()),
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
                            msg(|l| w::words(l).contains_right.to_string()),
                        ));
                    }
                }
            }
        })
    }
}

impl Scope<'_> {
    fn countries_call(
        &self,
        all: bool,
        (op, qspan): &Spanned,
        tags: &TagAst,
    ) -> Result<Expr, Vec<ExprError>> {
        let Operand::Ident(id) = op else {
            return Err(vec![ExprError::new(
                "expr-syntax",
                qspan.clone(),
                msg(|l| crate::i18n::format::any_needs_question(l, all)),
            )]);
        };
        let q = self.question(id, qspan).map_err(|e| vec![e])?;
        let question = &self.questions[q];
        if !question.country {
            let kind = question.kind_name();
            return Err(vec![
                ExprError::new(
                    "type-error",
                    qspan.clone(),
                    msg(|l| crate::i18n::format::any_on_non_country(l, all, id, kind)),
                )
                .help(msg(|l| crate::i18n::format::any_on_non_country_help(l, id))),
            ]);
        }
        let data = countries_data(qspan).map_err(|e| vec![e])?;
        let tags = resolve_tags(tags, data)?;
        let mut set = CountrySet::with_len(data.countries.len());
        for (i, c) in data.countries.iter().enumerate() {
            if tags.matches(c) {
                set.insert(i);
            }
        }
        Ok(Expr::Countries {
            question: q,
            all,
            tags,
            set,
        })
    }
}

fn countries_data(span: &Range<usize>) -> Result<&'static Countries, ExprError> {
    Countries::builtin().map_err(|e| {
        let first = e
            .diagnostics()
            .first()
            .map(|d| d.message.get(crate::i18n::Lang::En).to_string())
            .unwrap_or_default();
        ExprError::new(
            "country-data",
            span.clone(),
            msg(|l| crate::i18n::format::countries_broken(l, &first)),
        )
    })
}

/// Every item resolved, or every mistake among them.
fn resolve_all(items: &[TagAst], data: &Countries) -> Result<Vec<TagExpr>, Vec<ExprError>> {
    let mut ok = Vec::with_capacity(items.len());
    let mut errors = Vec::new();
    for i in items {
        match resolve_tags(i, data) {
            Ok(t) => ok.push(t),
            Err(mut e) => errors.append(&mut e),
        }
    }
    if errors.is_empty() {
        Ok(ok)
    } else {
        Err(errors)
    }
}

fn resolve_tags(t: &TagAst, data: &Countries) -> Result<TagExpr, Vec<ExprError>> {
    let one = |e: ExprError| vec![e];
    Ok(match t {
        TagAst::Not(inner) => TagExpr::Not(Box::new(resolve_tags(inner, data)?)),
        TagAst::And(items) => TagExpr::And(resolve_all(items, data)?),
        TagAst::Or(items) => TagExpr::Or(resolve_all(items, data)?),
        TagAst::Name {
            name,
            regime: Some(regime),
            span,
        } => {
            if name != "sanction" {
                return Err(one(ExprError::new(
                    "unknown-tag",
                    span.clone(),
                    msg(|l| crate::i18n::format::dotted_not_sanction(l, name)),
                )));
            }
            match data.regime(regime) {
                Some(r) => TagExpr::Regime(r),
                None => {
                    let ids: Vec<&str> = data.regimes.iter().map(|r| r.id.as_str()).collect();
                    let hint = suggest(regime, ids.iter().copied());
                    let list = ids.join(", ");
                    return Err(one(ExprError::new(
                        "unknown-tag",
                        span.clone(),
                        msg(|l| crate::i18n::format::unknown_regime_tag(l, regime, hint, &list)),
                    )));
                }
            }
        }
        TagAst::Name {
            name,
            regime: None,
            span,
        } => match countries::tag_index(name) {
            Some(i) => TagExpr::Tag(i),
            None => {
                let hint = suggest(name, countries::all_tags());
                let list = countries::all_tags().collect::<Vec<_>>().join(", ");
                return Err(one(ExprError::new(
                    "unknown-tag",
                    span.clone(),
                    msg(|l| crate::i18n::format::unknown_tag(l, name, hint, &list)),
                )));
            }
        },
    })
}

/// Parses and checks an expression in one step, reporting every mistake
/// found (syntax errors stop at the first).
pub fn compile(src: &str, scope: &Scope<'_>) -> Result<Expr, Vec<ExprError>> {
    let ast = parse(src).map_err(|e| vec![e])?;
    scope.check_all(&ast)
}
