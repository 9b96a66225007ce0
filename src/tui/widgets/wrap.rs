//! Text measured and cut by display width: pad, truncate, word wrap.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

pub fn text_width(s: &str) -> usize {
    Span::raw(s).width()
}

pub fn pad(s: &str, width: usize) -> String {
    let w = text_width(s);
    format!("{s}{}", " ".repeat(width.saturating_sub(w)))
}

/// Cuts `s` to `width` columns, with an ellipsis when cut.
pub fn truncate(s: &str, width: usize) -> String {
    if text_width(s) <= width {
        return s.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let cw = text_width(&c.to_string());
        if used + cw + 1 > width {
            break;
        }
        used += cw;
        out.push(c);
    }
    if width > 0 {
        out.push('…');
    }
    out
}

/// Greedy word wrap by display width; words longer than a line are split.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    for para in text.split('\n') {
        let mut line = String::new();
        let mut used = 0;
        for word in para.split(' ').filter(|w| !w.is_empty()) {
            let mut word = word.to_string();
            let mut ww = text_width(&word);
            if used > 0 && used + 1 + ww > width {
                lines.push(std::mem::take(&mut line));
                used = 0;
            }
            while ww > width {
                // Split a long word.
                let mut head = String::new();
                let mut hw = 0;
                let room = if used == 0 { width } else { width - used - 1 };
                for c in word.chars() {
                    let cw = text_width(&c.to_string());
                    if hw + cw > room {
                        break;
                    }
                    hw += cw;
                    head.push(c);
                }
                if head.is_empty() {
                    break;
                }
                if used > 0 {
                    line.push(' ');
                }
                line.push_str(&head);
                lines.push(std::mem::take(&mut line));
                used = 0;
                word = word[head.len()..].to_string();
                ww = text_width(&word);
            }
            if used > 0 {
                line.push(' ');
                used += 1;
            }
            line.push_str(&word);
            used += ww;
        }
        lines.push(line);
    }
    lines
}

pub fn wrapped<'a>(text: &str, width: usize, style: Style) -> Vec<Line<'a>> {
    wrap(text, width)
        .into_iter()
        .map(|l| Line::styled(l, style))
        .collect()
}
