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
//!          | ("any" | "all") "(" id "," tags ")"
//!          | id | number | 'text' | true | false
//! tags    := tand ("or" tand)*        tand := tunary ("and" tunary)*
//! tunary  := "not" tunary | "(" tags ")" | tag | "sanction" "." regime
//! ```

//!
//! By phase: [`ast`] (the checked [`Expr`] and the parsed syntax tree),
//! [`lex`], [`parse`], [`check`] (ids resolved, types checked), [`eval`]
//! and [`display`] (back to text that parses to the same expression).

pub mod ast;
pub mod check;
pub mod display;
pub mod eval;
mod lex;
pub mod parse;

pub use ast::{CmpOp, Expr, ExprError, TagExpr, Val};
pub use check::{Scope, compile};
pub use display::{display, display_tags};
pub use eval::{Env, eval, eval_kleene, questions_in, uses_sanctions};
pub use parse::parse_only;

/// Longest expression accepted, in bytes.
pub const MAX_EXPR_LEN: usize = 4096;
/// Deepest nesting of parentheses and `not` accepted.
pub const MAX_DEPTH: usize = 32;
