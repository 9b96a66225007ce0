//! The lexer: expression text to tokens with byte spans.

use std::ops::Range;

use super::ast::{CmpOp, ExprError};
use crate::diag::msg;
use crate::i18n::diag as w;

#[derive(Debug, Clone, PartialEq)]
pub(super) enum Tok {
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

pub(super) fn lex(src: &str) -> Result<Vec<(Tok, Range<usize>)>, ExprError> {
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
                            msg(|l| w::words(l).single_equals.to_string()),
                        )
                        .help(msg(|l| w::words(l).single_equals_help.to_string())));
                    }
                    _ => {
                        return Err(ExprError::new(
                            "expr-syntax",
                            i..i + 1,
                            msg(|l| w::words(l).bang.to_string()),
                        )
                        .help(msg(|l| w::words(l).bang_help.to_string())));
                    }
                };
                out.push((Tok::Op(op), i..i + len));
                i += len;
                continue;
            }
            b'&' | b'|' => {
                let word = if c == b'&' { "and" } else { "or" };
                let len = if bytes.get(i + 1) == Some(&c) { 2 } else { 1 };
                let op = &src[i..i + len];
                return Err(ExprError::new(
                    "expr-syntax",
                    i..i + len,
                    msg(|l| w::not_an_operator(l, op)),
                )
                .help(msg(|l| w::write_instead(l, word))));
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
                        msg(|l| w::words(l).text_not_closed.to_string()),
                    )
                    .help(msg(|l| w::end_with(l, quote as char))));
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
                            msg(|l| w::not_a_number(l, &src[i..j])),
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
                    msg(|l| w::unexpected_char(l, &ch.escape_default().to_string())),
                )
                .help(msg(|l| w::words(l).unexpected_char_help.to_string())));
            }
        }
        i += 1;
    }
    Ok(out)
}
