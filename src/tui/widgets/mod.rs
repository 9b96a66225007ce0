//! Pieces of drawing that several screens share.

pub mod footer;
pub mod input;
pub mod list;
pub mod needs;
pub mod notice;
pub mod popup;
pub mod progress;
pub mod textbox;
pub mod wrap;

pub use popup::{centered_box, popup};
pub use wrap::{clean, clean_block, pad, text_width, text_width_up_to, truncate, wrap, wrapped};
