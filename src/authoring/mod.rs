//! Tools for the people who write the questionnaire: `check --explain`
//! ([`explain`]), the JSON Schema of the format ([`schema`]), a readable
//! preview ([`preview`]), the service catalogue ([`catalogue`]), what a new
//! version changes for saved sessions ([`diff`]) and conditions in plain
//! words ([`words`]).

pub mod catalogue;
pub mod diff;
pub mod doc;
pub mod explain;
pub mod preview;
pub mod schema;
pub mod words;

pub use diff::{Change, Diff, diff};
pub use explain::{Explanation, explain};

/// Escapes a text for HTML element content and attribute values.
pub fn html_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in crate::text::sanitize(s).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}
