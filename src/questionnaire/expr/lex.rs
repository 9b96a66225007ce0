//! The lexer: expression text to tokens with byte spans.

use std::ops::Range;

use super::ast::{CmpOp, ExprError};

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
