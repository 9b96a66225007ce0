//! behovsanalys — the shared export-needs analysis ("gemensam behovsanalys")
//! of a Swedish regional export centre: questionnaire engine, scoring,
//! answers/session files. The terminal UI lives in [`tui`] only.

pub mod answers;
pub mod authoring;
pub mod diag;
pub mod export;
pub mod i18n;
pub mod questionnaire;
pub mod report;
pub mod score_output;
pub mod scoring;
pub mod session;
pub mod store;
pub mod text;
pub mod time;
pub mod tomlread;
pub mod tui;
pub mod web;
