//! The wizard's screens, each with its key handling and drawing.

pub mod company;
pub mod open_file;
pub mod questions;
pub mod resume;
pub mod start;
pub mod summary;
