//! The expression language of `show_if`, actor rule `when` and service
//! `eligibility`: a hand-written lexer and precedence-climbing parser, a type
//! checker that resolves ids against the questionnaire, and an evaluator.
//!
//! ```text
//! expr    := or
//! or      := and ("or" and)*
//! and     := unary ("and" unary)*
//! unary   := "not" unary | compare
//! compare := operand (("==" | "!=" | "<" | "<=" | ">" | ">=") operand
//!                    | "in" "[" literal ("," literal)* "]"
//!                    | "contains" operand)?
//! operand := "(" expr ")" | "answered" "(" id ")" | "need" "." id
//!          | id | number | 'text' | true | false
//! ```

use std::collections::HashMap;
use std::ops::Range;

use crate::answers::Answer;
use crate::questionnaire::{Kind, Question};
use crate::text::{did_you_mean, fmt_num};

/// Longest expression accepted, in bytes.
pub const MAX_EXPR_LEN: usize = 4096;
/// Deepest nesting of parentheses and `not` accepted.
pub const MAX_DEPTH: usize = 32;

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
    pub message: String,
    pub help: Option<String>,
}

impl ExprError {
    fn new(code: &'static str, span: Range<usize>, message: impl Into<String>) -> Self {
        ExprError {
            code,
            span,
            message: message.into(),
            help: None,
        }
    }

    fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
}

// ---------------------------------------------------------------- lexer

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    LParen,
    RParen,
    LBracket,
    RBracket,
    Comma,
    Dot,
    Op(CmpOp),
    Ident(String),
    Num(f64),
    Str(String),
}

fn lex(src: &str) -> Result<Vec<(Tok, Range<usize>)>, ExprError> {
    let bytes = src.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        let start = i;
        match c {
            b' ' | b'\t' | b'\n' | b'\r' => {
                i += 1;
                continue;
            }
            b'(' => out.push((Tok::LParen, i..i + 1)),
            b')' => out.push((Tok::RParen, i..i + 1)),
            b'[' => out.push((Tok::LBracket, i..i + 1)),
            b']' => out.push((Tok::RBracket, i..i + 1)),
            b',' => out.push((Tok::Comma, i..i + 1)),
            b'.' => out.push((Tok::Dot, i..i + 1)),
            b'=' | b'!' | b'<' | b'>' => {
                let next = bytes.get(i + 1).copied();
                let (op, len) = match (c, next) {
                    (b'=', Some(b'=')) => (CmpOp::Eq, 2),
                    (b'!', Some(b'=')) => (CmpOp::Ne, 2),
                    (b'<', Some(b'=')) => (CmpOp::Le, 2),
                    (b'>', Some(b'=')) => (CmpOp::Ge, 2),
                    (b'<', _) => (CmpOp::Lt, 1),
                    (b'>', _) => (CmpOp::Gt, 1),
                    (b'=', _) => {
                        return Err(ExprError::new(
                            "expr-syntax",
                            i..i + 1,
                            "`=` is not a comparison",
                        )
                        .help("use `==` to compare, e.g. `exporterar == 'ja'`"));
                    }
                    _ => {
                        return Err(ExprError::new(
                            "expr-syntax",
                            i..i + 1,
                            "`!` is not an operator here",
                        )
                        .help("use `not` to negate and `!=` for 'is not'"));
                    }
                };
                out.push((Tok::Op(op), i..i + len));
                i += len;
                continue;
            }
            b'&' | b'|' => {
                let word = if c == b'&' { "and" } else { "or" };
                let len = if bytes.get(i + 1) == Some(&c) { 2 } else { 1 };
                return Err(ExprError::new(
                    "expr-syntax",
                    i..i + len,
                    format!("`{}` is not an operator here", &src[i..i + len]),
                )
                .help(format!("write `{word}`")));
            }
            b'\'' | b'"' => {
                let quote = c;
                let mut j = i + 1;
                while j < bytes.len() && bytes[j] != quote {
                    j += 1;
                }
                if j >= bytes.len() {
                    return Err(ExprError::new(
                        "expr-syntax",
                        i..bytes.len(),
                        "this text is never closed",
                    )
                    .help(format!("end it with {}", quote as char)));
                }
                out.push((Tok::Str(src[i + 1..j].to_string()), i..j + 1));
                i = j + 1;
                continue;
            }
            b'0'..=b'9' | b'-' => {
                let mut j = i + 1;
                while j < bytes.len()
                    && (bytes[j].is_ascii_digit() || bytes[j] == b'.' || bytes[j] == b'_')
                {
                    j += 1;
                }
                let text: String = src[i..j].chars().filter(|c| *c != '_').collect();
                match text.parse::<f64>() {
                    Ok(x) if x.is_finite() => out.push((Tok::Num(x), i..j)),
                    _ => {
                        return Err(ExprError::new(
                            "expr-syntax",
                            i..j,
                            format!("`{}` is not a number", &src[i..j]),
                        ));
                    }
                }
                i = j;
                continue;
            }
            c if c.is_ascii_alphabetic() || c == b'_' => {
                let mut j = i + 1;
                while j < bytes.len()
                    && (bytes[j].is_ascii_alphanumeric() || bytes[j] == b'_' || bytes[j] == b'-')
                {
                    j += 1;
                }
                out.push((Tok::Ident(src[i..j].to_string()), i..j));
                i = j;
                continue;
            }
            _ => {
                let ch = src[i..].chars().next().unwrap_or('?');
                let len = ch.len_utf8();
                return Err(ExprError::new(
                    "expr-syntax",
                    start..start + len,
                    format!("unexpected character `{}`", ch.escape_default()),
                )
                .help("ids use only a–z, 0–9, `_` and `-`; put texts in 'quotes'"));
            }
        }
        i += 1;
    }
    Ok(out)
}

// ---------------------------------------------------------------- parser

#[derive(Debug, Clone, PartialEq)]
enum Operand {
    Ident(String),
    Need(String),
    Num(f64),
    Str(String),
    Bool(bool),
}

#[derive(Debug, Clone, PartialEq)]
enum Ast {
    Or(Vec<Ast>),
    And(Vec<Ast>),
    Not(Box<Ast>),
    Cmp(Spanned, CmpOp, Spanned),
    In(Spanned, Vec<Spanned>),
    Contains(Spanned, Spanned),
    Answered(String, Range<usize>),
    Bare(Spanned),
}

type Spanned = (Operand, Range<usize>);

struct Parser<'s> {
    toks: Vec<(Tok, Range<usize>)>,
    pos: usize,
    depth: usize,
    src_len: usize,
    _src: &'s str,
}

const KEYWORDS: &[&str] = &[
    "and", "or", "not", "in", "contains", "true", "false", "answered", "need",
];

impl Parser<'_> {
    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.pos).map(|(t, _)| t)
    }

    fn span(&self) -> Range<usize> {
        self.toks
            .get(self.pos)
            .map(|(_, s)| s.clone())
            .unwrap_or(self.src_len..self.src_len)
    }

    fn is_kw(&self, kw: &str) -> bool {
        matches!(self.peek(), Some(Tok::Ident(s)) if s == kw)
    }

    fn bump(&mut self) -> Option<(Tok, Range<usize>)> {
        let t = self.toks.get(self.pos).cloned();
        self.pos += 1;
        t
    }

    fn expect(&mut self, want: Tok, what: &str) -> Result<Range<usize>, ExprError> {
        match self.bump() {
            Some((t, s)) if t == want => Ok(s),
            Some((_, s)) => Err(ExprError::new(
                "expr-syntax",
                s,
                format!("expected {what} here"),
            )),
            None => Err(ExprError::new(
                "expr-syntax",
                self.src_len..self.src_len,
                format!("the expression ends too early: expected {what}"),
            )),
        }
    }

    fn enter(&mut self) -> Result<(), ExprError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(ExprError::new(
                "expr-too-complex",
                self.span(),
                format!("the expression is nested more than {MAX_DEPTH} levels deep"),
            ));
        }
        Ok(())
    }

    fn or(&mut self) -> Result<Ast, ExprError> {
        let mut items = vec![self.and()?];
        while self.is_kw("or") {
            self.bump();
            items.push(self.and()?);
        }
        Ok(if items.len() == 1 {
            items.remove(0)
        } else {
            Ast::Or(items)
        })
    }

    fn and(&mut self) -> Result<Ast, ExprError> {
        let mut items = vec![self.unary()?];
        while self.is_kw("and") {
            self.bump();
            items.push(self.unary()?);
        }
        Ok(if items.len() == 1 {
            items.remove(0)
        } else {
            Ast::And(items)
        })
    }

    fn unary(&mut self) -> Result<Ast, ExprError> {
        if self.is_kw("not") {
            self.bump();
            self.enter()?;
            let inner = self.unary()?;
            self.depth -= 1;
            return Ok(Ast::Not(Box::new(inner)));
        }
        self.compare()
    }

    fn compare(&mut self) -> Result<Ast, ExprError> {
        if self.peek() == Some(&Tok::LParen) {
            self.bump();
            self.enter()?;
            let inner = self.or()?;
            self.depth -= 1;
            self.expect(Tok::RParen, "`)`")?;
            return Ok(inner);
        }
        if self.is_kw("answered") {
            let start = self.span();
            self.bump();
            self.expect(Tok::LParen, "`(` after `answered`")?;
            let (id, span) = match self.bump() {
                Some((Tok::Ident(id), s)) => (id, s),
                Some((_, s)) => {
                    return Err(ExprError::new(
                        "expr-syntax",
                        s,
                        "expected a question id in `answered(…)`",
                    ));
                }
                None => {
                    return Err(ExprError::new(
                        "expr-syntax",
                        start,
                        "`answered(` is never closed",
                    ));
                }
            };
            self.expect(Tok::RParen, "`)`")?;
            return Ok(Ast::Answered(id, span));
        }
        let lhs = self.operand()?;
        match self.peek() {
            Some(Tok::Op(op)) => {
                let op = *op;
                self.bump();
                let rhs = self.operand()?;
                Ok(Ast::Cmp(lhs, op, rhs))
            }
            Some(Tok::Ident(k)) if k == "in" => {
                self.bump();
                self.expect(Tok::LBracket, "`[` to start the list after `in`")?;
                let mut list = Vec::new();
                loop {
                    if self.peek() == Some(&Tok::RBracket) && !list.is_empty() {
                        self.bump();
                        break;
                    }
                    list.push(self.operand()?);
                    match self.bump() {
                        Some((Tok::Comma, _)) => continue,
                        Some((Tok::RBracket, _)) => break,
                        Some((_, s)) => {
                            return Err(ExprError::new(
                                "expr-syntax",
                                s,
                                "expected `,` or `]` in the list",
                            ));
                        }
                        None => {
                            return Err(ExprError::new(
                                "expr-syntax",
                                self.src_len..self.src_len,
                                "the list is never closed with `]`",
                            ));
                        }
                    }
                }
                Ok(Ast::In(lhs, list))
            }
            Some(Tok::Ident(k)) if k == "contains" => {
                self.bump();
                let rhs = self.operand()?;
                Ok(Ast::Contains(lhs, rhs))
            }
            _ => Ok(Ast::Bare(lhs)),
        }
    }

    fn operand(&mut self) -> Result<Spanned, ExprError> {
        let Some((tok, span)) = self.bump() else {
            return Err(ExprError::new(
                "expr-syntax",
                self.src_len..self.src_len,
                "the expression ends too early: expected a value",
            ));
        };
        match tok {
            Tok::Num(x) => Ok((Operand::Num(x), span)),
            Tok::Str(s) => Ok((Operand::Str(s), span)),
            Tok::Ident(id) if id == "true" => Ok((Operand::Bool(true), span)),
            Tok::Ident(id) if id == "false" => Ok((Operand::Bool(false), span)),
            Tok::Ident(id) if id == "need" => {
                self.expect(Tok::Dot, "`.` after `need` (as in `need.finansiering`)")?;
                match self.bump() {
                    Some((Tok::Ident(area), s)) => Ok((Operand::Need(area), span.start..s.end)),
                    Some((_, s)) => Err(ExprError::new(
                        "expr-syntax",
                        s,
                        "expected an area id after `need.`",
                    )),
                    None => Err(ExprError::new(
                        "expr-syntax",
                        span,
                        "expected an area id after `need.`",
                    )),
                }
            }
            Tok::Ident(id) if KEYWORDS.contains(&id.as_str()) => Err(ExprError::new(
                "expr-syntax",
                span,
                format!("`{id}` cannot stand here; expected a value"),
            )),
            Tok::Ident(id) => Ok((Operand::Ident(id), span)),
            _ => Err(ExprError::new(
                "expr-syntax",
                span,
                "expected a question id, a number or a 'text' here",
            )),
        }
    }
}

fn parse(src: &str) -> Result<Ast, ExprError> {
    if src.len() > MAX_EXPR_LEN {
        return Err(ExprError::new(
            "expr-too-complex",
            0..src.len().min(1),
            format!(
                "the expression is {} bytes long; at most {MAX_EXPR_LEN} are allowed",
                src.len()
            ),
        ));
    }
    let toks = lex(src)?;
    if toks.is_empty() {
        return Err(ExprError::new(
            "expr-syntax",
            0..0,
            "the expression is empty",
        ));
    }
    let mut p = Parser {
        toks,
        pos: 0,
        depth: 0,
        src_len: src.len(),
        _src: src,
    };
    let ast = p.or()?;
    if let Some((_, s)) = p.toks.get(p.pos) {
        return Err(ExprError::new(
            "expr-syntax",
            s.clone(),
            "unexpected text after the end of the condition",
        )
        .help("join conditions with `and` / `or`"));
    }
    Ok(ast)
}

// ---------------------------------------------------------------- checker

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

/// Parses without checking (for fuzzing and tooling): `Ok` when the syntax is valid.
pub fn parse_only(src: &str) -> Result<(), ExprError> {
    parse(src).map(|_| ())
}

// ---------------------------------------------------------------- evaluation

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
        Expr::Answered(q) | Expr::Contains { question: q, .. } => out.push(*q),
        Expr::Cmp { lhs, rhs, .. } => {
            val(lhs, out);
            val(rhs, out);
        }
        Expr::In { val: v, .. } => val(v, out),
    }
}

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
