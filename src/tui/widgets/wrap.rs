//! Text measured and cut by display width: pad, truncate, word wrap; and
//! texts from files made safe and short enough to draw.
//!
//! Drawing costs the same for a text of a megabyte as for a screenful: a
//! text is cut to [`MAX_DRAWN_CHARS`] characters before anything else is
//! done with it, and every function here does work in proportion to what
//! it returns, not to the length of its input.

use std::borrow::Cow;

use ratatui::style::Style;
use ratatui::text::{Line, Span};

/// Most characters of one text that are ever drawn: more than the largest
/// screen holds (and as many as an answer or a note can have).
pub const MAX_DRAWN_CHARS: usize = crate::answers::MAX_TEXT_CHARS;

/// Most lines a text is wrapped into.
pub const MAX_WRAPPED_LINES: usize = 1_000;

/// The first `max` characters of `s` (with `…` when cut).
pub fn clip(s: &str, max: usize) -> Cow<'_, str> {
    match s.char_indices().nth(max) {
        None => Cow::Borrowed(s),
        Some((at, _)) => Cow::Owned(format!("{}…", &s[..at])),
    }
}

/// A text from a file, ready for one line: cut to [`MAX_DRAWN_CHARS`],
/// newlines and tabs folded, control and bidi characters replaced.
pub fn clean(s: &str) -> String {
    crate::text::sanitize_line(&clip(s, MAX_DRAWN_CHARS))
}

/// Like [`clean`], but keeps newlines (help texts have paragraphs).
pub fn clean_block(s: &str) -> String {
    crate::text::sanitize(&clip(s, MAX_DRAWN_CHARS)).into_owned()
}

pub fn text_width(s: &str) -> usize {
    Span::raw(s).width()
}

/// The display width of one character.
fn char_width(c: char) -> usize {
    let mut b = [0u8; 4];
    text_width(c.encode_utf8(&mut b))
}

pub fn pad(s: &str, width: usize) -> String {
    let w = text_width(s);
    format!("{s}{}", " ".repeat(width.saturating_sub(w)))
}

/// Cuts `s` to `width` columns, with an ellipsis when cut. Looks at no
/// more of `s` than fits.
pub fn truncate(s: &str, width: usize) -> String {
    let mut out = String::new();
    let mut used = 0;
    // Where the text stands when an ellipsis would still fit after it.
    let mut fits_with_ellipsis = 0;
    for c in s.chars() {
        let cw = char_width(c);
        if used + cw > width {
            if width > 0 {
                out.truncate(fits_with_ellipsis);
                out.push('…');
            }
            return out;
        }
        used += cw;
        out.push(c);
        if used < width {
            fits_with_ellipsis = out.len();
        }
    }
    out
}

/// Greedy word wrap by display width; words longer than a line are split.
/// At most [`MAX_WRAPPED_LINES`] lines.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    wrap_at_most(text, width, MAX_WRAPPED_LINES)
}

/// [`wrap`] into at most `max_lines` lines; stops reading there.
pub fn wrap_at_most(text: &str, width: usize, max_lines: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines: Vec<String> = Vec::new();
    for para in text.split('\n') {
        if lines.len() >= max_lines {
            break;
        }
        let mut line = String::new();
        let mut used = 0;
        for word in para.split(' ').filter(|w| !w.is_empty()) {
            if lines.len() >= max_lines {
                break;
            }
            let ww = text_width_up_to(word, width + 1);
            if used > 0 && used + 1 + ww > width {
                lines.push(std::mem::take(&mut line));
                used = 0;
            }
            if ww <= width {
                if used > 0 {
                    line.push(' ');
                    used += 1;
                }
                line.push_str(word);
                used += ww;
                continue;
            }
            // A word longer than a line: fill the line, go on in the next.
            if used > 0 {
                line.push(' ');
                used += 1;
            }
            for c in word.chars() {
                let cw = char_width(c);
                if used + cw > width && used > 0 {
                    lines.push(std::mem::take(&mut line));
                    used = 0;
                    if lines.len() >= max_lines {
                        break;
                    }
                }
                line.push(c);
                used += cw;
            }
        }
        if lines.len() < max_lines {
            lines.push(line);
        }
    }
    lines
}

/// The display width of `s`, counting no further than `limit`.
pub fn text_width_up_to(s: &str, limit: usize) -> usize {
    let mut w = 0;
    for c in s.chars() {
        w += char_width(c);
        if w >= limit {
            break;
        }
    }
    w
}

pub fn wrapped<'a>(text: &str, width: usize, style: Style) -> Vec<Line<'a>> {
    wrap(text, width)
        .into_iter()
        .map(|l| Line::styled(l, style))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_words_and_splits_long_ones() {
        assert_eq!(wrap("ett två tre", 7), ["ett två", "tre"]);
        assert_eq!(wrap("abcdefghij", 4), ["abcd", "efgh", "ij"]);
        assert_eq!(wrap("ab cdefghij", 4), ["ab", "cdef", "ghij"]);
        assert_eq!(wrap("a\n\nb", 4), ["a", "", "b"]);
        assert_eq!(wrap("", 4), [""]);
        assert_eq!(wrap_at_most(&"ord ".repeat(1000), 10, 3).len(), 3);
    }

    #[test]
    fn truncates_and_clips() {
        assert_eq!(truncate("abcdef", 4), "abc…");
        assert_eq!(truncate("abcd", 4), "abcd");
        assert_eq!(truncate("åäö", 0), "");
        assert_eq!(clip("abcdef", 3), "abc…");
        assert_eq!(clip("abc", 3), "abc");
        assert_eq!(clean("a\u{1b}b\nc"), "a\u{FFFD}b c");
    }
}
