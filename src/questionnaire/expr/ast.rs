//! The expression trees: [`Expr`], checked and resolved to indices (what
//! the model holds and evaluates), and [`Ast`], the parsed syntax before ids
//! are resolved.

use std::ops::Range;

use crate::diag::Message;

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
}

pub(crate) type Spanned = (Operand, Range<usize>);
