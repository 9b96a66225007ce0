//! The key hints at the bottom.

use crate::tui::widgets::text_width;

/// Packs key hints into lines of `width` columns, two spaces apart.
pub fn pack(parts: &[String], width: usize) -> Vec<String> {
    let mut lines: Vec<String> = vec![];
    let mut line = String::new();
    for p in parts {
        let need = text_width(p) + if line.is_empty() { 1 } else { 2 };
        if !line.is_empty() && text_width(&line) + need > width {
            lines.push(std::mem::take(&mut line));
        }
        line.push_str(if line.is_empty() { " " } else { "  " });
        line.push_str(p);
    }
    lines.push(line);
    lines
}
