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
