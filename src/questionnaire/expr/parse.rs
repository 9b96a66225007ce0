//! The parser: precedence climbing over the tokens, with a depth limit.

use std::ops::Range;

use super::ast::{Ast, ExprError, Operand, Spanned, TagAst};
use super::lex::{Tok, lex};
use super::{MAX_DEPTH, MAX_EXPR_LEN};
use crate::diag::msg;
use crate::i18n::diag::{self as w, Expected};

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

    fn expect(&mut self, want: Tok, what: Expected) -> Result<Range<usize>, ExprError> {
        match self.bump() {
            Some((t, s)) if t == want => Ok(s),
            Some((_, s)) => Err(ExprError::new(
                "expr-syntax",
                s,
                msg(|l| w::expected_here(l, what)),
            )),
            None => Err(ExprError::new(
                "expr-syntax",
                self.src_len..self.src_len,
                msg(|l| w::ends_early(l, what)),
            )),
        }
    }

    fn enter(&mut self) -> Result<(), ExprError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(ExprError::new(
                "expr-too-complex",
                self.span(),
                msg(|l| w::nested_too_deep(l, MAX_DEPTH)),
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
            self.expect(Tok::RParen, Expected::CloseParen)?;
            return Ok(inner);
        }
        if (self.is_kw("any") || self.is_kw("all"))
            && matches!(self.toks.get(self.pos + 1), Some((Tok::LParen, _)))
        {
            return self.countries();
        }
        if self.is_kw("answered") {
            let start = self.span();
            self.bump();
            self.expect(Tok::LParen, Expected::ParenAfterAnswered)?;
            let (id, span) = match self.bump() {
                Some((Tok::Ident(id), s)) => (id, s),
                Some((_, s)) => {
                    return Err(ExprError::new(
                        "expr-syntax",
                        s,
                        msg(|l| w::words(l).answered_needs_id.to_string()),
                    ));
                }
                None => {
                    return Err(ExprError::new(
                        "expr-syntax",
                        start,
                        msg(|l| w::words(l).answered_not_closed.to_string()),
                    ));
                }
            };
            self.expect(Tok::RParen, Expected::CloseParen)?;
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
                self.expect(Tok::LBracket, Expected::BracketAfterIn)?;
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
                                msg(|l| w::words(l).comma_or_bracket.to_string()),
                            ));
                        }
                        None => {
                            return Err(ExprError::new(
                                "expr-syntax",
                                self.src_len..self.src_len,
                                msg(|l| w::words(l).list_not_closed.to_string()),
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

    /// `any(QUESTION, TAGS)` / `all(QUESTION, TAGS)`.
    fn countries(&mut self) -> Result<Ast, ExprError> {
        let Some((Tok::Ident(word), start)) = self.bump() else {
            return Err(ExprError::new(
                "expr-syntax",
                self.span(),
                msg(|l| w::words(l).expected_value.to_string()),
            ));
        };
        let all = word == "all";
        self.expect(Tok::LParen, Expected::CloseParen)?;
        let question = match self.bump() {
            Some((Tok::Ident(id), s)) if !KEYWORDS.contains(&id.as_str()) => {
                (Operand::Ident(id), s)
            }
            Some((_, s)) => {
                return Err(ExprError::new(
                    "expr-syntax",
                    s,
                    msg(|l| crate::i18n::format::any_needs_question(l, all)),
                ));
            }
            None => {
                return Err(ExprError::new(
                    "expr-syntax",
                    self.src_len..self.src_len,
                    msg(|l| crate::i18n::format::any_needs_question(l, all)),
                ));
            }
        };
        match self.bump() {
            Some((Tok::Comma, _)) => {}
            Some((_, s)) => {
                return Err(ExprError::new(
                    "expr-syntax",
                    s,
                    msg(|l| crate::i18n::format::any_needs_comma(l, all)),
                ));
            }
            None => {
                return Err(ExprError::new(
                    "expr-syntax",
                    self.src_len..self.src_len,
                    msg(|l| crate::i18n::format::any_needs_comma(l, all)),
                ));
            }
        }
        let tags = self.tag_or()?;
        let end = self.expect(Tok::RParen, Expected::CloseParen)?;
        Ok(Ast::Countries {
            all,
            question,
            tags,
            span: start.start..end.end,
        })
    }

    fn tag_or(&mut self) -> Result<TagAst, ExprError> {
        let mut items = vec![self.tag_and()?];
        while self.is_kw("or") {
            self.bump();
            items.push(self.tag_and()?);
        }
        Ok(if items.len() == 1 {
            items.remove(0)
        } else {
            TagAst::Or(items)
        })
    }

    fn tag_and(&mut self) -> Result<TagAst, ExprError> {
        let mut items = vec![self.tag_unary()?];
        while self.is_kw("and") {
            self.bump();
            items.push(self.tag_unary()?);
        }
        Ok(if items.len() == 1 {
            items.remove(0)
        } else {
            TagAst::And(items)
        })
    }

    fn tag_unary(&mut self) -> Result<TagAst, ExprError> {
        if self.is_kw("not") {
            self.bump();
            self.enter()?;
            let inner = self.tag_unary()?;
            self.depth -= 1;
            return Ok(TagAst::Not(Box::new(inner)));
        }
        match self.bump() {
            Some((Tok::LParen, _)) => {
                self.enter()?;
                let inner = self.tag_or()?;
                self.depth -= 1;
                self.expect(Tok::RParen, Expected::CloseParen)?;
                Ok(inner)
            }
            Some((Tok::Ident(name), span)) if !KEYWORDS.contains(&name.as_str()) => {
                if self.peek() == Some(&Tok::Dot) {
                    self.bump();
                    match self.bump() {
                        Some((Tok::Ident(regime), s)) => Ok(TagAst::Name {
                            name,
                            regime: Some(regime),
                            span: span.start..s.end,
                        }),
                        Some((_, s)) => Err(ExprError::new(
                            "expr-syntax",
                            s,
                            msg(crate::i18n::format::regime_after_dot),
                        )),
                        None => Err(ExprError::new(
                            "expr-syntax",
                            self.src_len..self.src_len,
                            msg(crate::i18n::format::regime_after_dot),
                        )),
                    }
                } else {
                    Ok(TagAst::Name {
                        name,
                        regime: None,
                        span,
                    })
                }
            }
            Some((_, s)) => Err(ExprError::new(
                "expr-syntax",
                s,
                msg(crate::i18n::format::expected_tag),
            )),
            None => Err(ExprError::new(
                "expr-syntax",
                self.src_len..self.src_len,
                msg(crate::i18n::format::expected_tag),
            )),
        }
    }

    fn operand(&mut self) -> Result<Spanned, ExprError> {
        let Some((tok, span)) = self.bump() else {
            return Err(ExprError::new(
                "expr-syntax",
                self.src_len..self.src_len,
                msg(|l| w::words(l).ends_early_value.to_string()),
            ));
        };
        match tok {
            Tok::Num(x) => Ok((Operand::Num(x), span)),
            Tok::Str(s) => Ok((Operand::Str(s), span)),
            Tok::Ident(id) if id == "true" => Ok((Operand::Bool(true), span)),
            Tok::Ident(id) if id == "false" => Ok((Operand::Bool(false), span)),
            Tok::Ident(id) if id == "need" => {
                self.expect(Tok::Dot, Expected::DotAfterNeed)?;
                match self.bump() {
                    Some((Tok::Ident(area), s)) => Ok((Operand::Need(area), span.start..s.end)),
                    Some((_, s)) => Err(ExprError::new(
                        "expr-syntax",
                        s,
                        msg(|l| w::words(l).need_area.to_string()),
                    )),
                    None => Err(ExprError::new(
                        "expr-syntax",
                        span,
                        msg(|l| w::words(l).need_area.to_string()),
                    )),
                }
            }
            Tok::Ident(id) if KEYWORDS.contains(&id.as_str()) => Err(ExprError::new(
                "expr-syntax",
                span,
                msg(|l| w::keyword_here(l, &id)),
            )),
            Tok::Ident(id) => Ok((Operand::Ident(id), span)),
            _ => Err(ExprError::new(
                "expr-syntax",
                span,
                msg(|l| w::words(l).expected_value.to_string()),
            )),
        }
    }
}

pub(crate) fn parse(src: &str) -> Result<Ast, ExprError> {
    if src.len() > MAX_EXPR_LEN {
        return Err(ExprError::new(
            "expr-too-complex",
            0..src.len().min(1),
            msg(|l| w::expr_too_long(l, src.len(), MAX_EXPR_LEN)),
        ));
    }
    let toks = lex(src)?;
    if toks.is_empty() {
        return Err(ExprError::new(
            "expr-syntax",
            0..0,
            msg(|l| w::words(l).expr_empty.to_string()),
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
            msg(|l| w::words(l).trailing.to_string()),
        )
        .help(msg(|l| w::words(l).trailing_help.to_string())));
    }
    Ok(ast)
}

/// Parses without checking (for fuzzing and tooling): `Ok` when the syntax is valid.
pub fn parse_only(src: &str) -> Result<(), ExprError> {
    parse(src).map(|_| ())
}
