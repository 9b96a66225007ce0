//! The expression trees: [`Expr`], checked and resolved to indices (what
//! the model holds and evaluates), and [`Ast`], the parsed syntax before ids
//! are resolved.

use std::ops::Range;

use crate::diag::Message;
use crate::questionnaire::countries::{Country, CountrySet};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CmpOp {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

impl CmpOp {
    pub fn as_str(self) -> &'static str {
        match self {
            CmpOp::Eq => "==",
            CmpOp::Ne => "!=",
            CmpOp::Lt => "<",
            CmpOp::Le => "<=",
            CmpOp::Gt => ">",
            CmpOp::Ge => ">=",
        }
    }
}

/// A value in a comparison, resolved to indices.
#[derive(Debug, Clone, PartialEq)]
pub enum Val {
    /// The answer of a question (option id, number or text).
    Answer(usize),
    /// The need (0–100) of an area; only in actor rules.
    Need(usize),
    Num(f64),
    Str(String),
}

/// A checked expression.
#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    Const(bool),
    Or(Vec<Expr>),
    And(Vec<Expr>),
    Not(Box<Expr>),
    Cmp {
        lhs: Val,
        op: CmpOp,
        rhs: Val,
    },
    /// `x in [..]`: equal to one of the values.
    In {
        val: Val,
        list: Vec<Val>,
    },
    /// `multi contains 'option'`.
    Contains {
        question: usize,
        option: String,
    },
    Answered(usize),
    /// `any(q, TAGS)` / `all(q, TAGS)` on a country question: some / every
    /// chosen country is in `set` (the countries `tags` matches, computed
    /// once when the condition is checked). `all` is false for an empty
    /// answer.
    Countries {
        question: usize,
        all: bool,
        tags: TagExpr,
        set: CountrySet,
    },
}

/// A condition on one country's memberships, inside `any(…)` / `all(…)`.
#[derive(Debug, Clone, PartialEq)]
pub enum TagExpr {
    /// A member or sanctions tag (index per [`crate::questionnaire::countries::tag_index`]).
    Tag(u8),
    /// `sanction.REGIME`: the country is under that regime.
    Regime(usize),
    Not(Box<TagExpr>),
    And(Vec<TagExpr>),
    Or(Vec<TagExpr>),
}

impl TagExpr {
    pub fn matches(&self, c: &Country) -> bool {
        match self {
            TagExpr::Tag(i) => c.has_tag(*i),
            TagExpr::Regime(r) => c.regimes.contains(r),
            TagExpr::Not(inner) => !inner.matches(c),
            TagExpr::And(items) => items.iter().all(|i| i.matches(c)),
            TagExpr::Or(items) => items.iter().any(|i| i.matches(c)),
        }
    }
}

/// An error in an expression; `span` is relative to the expression text.
#[derive(Debug, Clone, PartialEq)]
pub struct ExprError {
    pub code: &'static str,
    pub span: Range<usize>,
    pub message: Message,
    pub help: Option<Message>,
}

impl ExprError {
    pub(crate) fn new(code: &'static str, span: Range<usize>, message: impl Into<Message>) -> Self {
        ExprError {
            code,
            span,
            message: message.into(),
            help: None,
        }
    }

    pub(crate) fn help(mut self, help: impl Into<Message>) -> Self {
        self.help = Some(help.into());
        self
    }
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Operand {
    Ident(String),
    Need(String),
    Num(f64),
    Str(String),
    Bool(bool),
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Ast {
    Or(Vec<Ast>),
    And(Vec<Ast>),
    Not(Box<Ast>),
    Cmp(Spanned, CmpOp, Spanned),
    In(Spanned, Vec<Spanned>),
    Contains(Spanned, Spanned),
    Answered(String, Range<usize>),
    Bare(Spanned),
    /// `any(q, TAGS)` (`all` false) or `all(q, TAGS)`; the span is the
    /// whole call.
    Countries {
        all: bool,
        question: Spanned,
        tags: TagAst,
        span: Range<usize>,
    },
}

/// A parsed tag expression, before tags are resolved.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum TagAst {
    /// A tag, or `sanction.REGIME` (then `regime` is set).
    Name {
        name: String,
        regime: Option<String>,
        span: Range<usize>,
    },
    Not(Box<TagAst>),
    And(Vec<TagAst>),
    Or(Vec<TagAst>),
}

pub(crate) type Spanned = (Operand, Range<usize>);
