//! Escaping for the output formats. Every text that comes from a file
//! (answers, notes, company data, the questionnaire) passes through these.

use std::fmt::Write as _;

use crate::text::is_dangerous_char;

/// Replaces control and bidi-override characters (keeps newlines and tabs).
pub fn clean(s: &str) -> String {
    crate::text::sanitize(s).into_owned()
}

/// Escapes text for HTML element content and quoted attribute values —
/// the one HTML escape of the program (exports, report, catalogue, preview).
/// Control and bidi characters become U+FFFD.
pub fn html(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if is_dangerous_char(c) => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// HTML text with newlines kept as `<br>`.
pub fn html_multiline(s: &str) -> String {
    html(s.trim()).replace('\n', "<br>")
}

/// Escapes text for inline Markdown: one line, and every character that
/// Markdown or embedded HTML could interpret is backslash-escaped.
pub fn md(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.trim().chars() {
        match c {
            '\n' | '\r' | '\t' => out.push(' '),
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '#' | '!' => {
                out.push('\\');
                out.push(c);
            }
            c if is_dangerous_char(c) => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// One CSV cell (RFC 4180): a cell that a spreadsheet could read as a
/// formula (starting with `= + - @`, tab or CR) gets a leading `'`; cells
/// with commas, quotes or line breaks are quoted with doubled quotes.
pub fn csv_cell(s: &str) -> String {
    let s = crate::text::sanitize(s);
    let mut value = String::with_capacity(s.len() + 2);
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        value.push('\'');
    }
    value.push_str(&s);
    if value.contains([',', '"', '\n', '\r']) || value.starts_with(' ') || value.ends_with(' ') {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value
    }
}

/// One CSV record of text cells, terminated by CRLF (RFC 4180).
pub fn csv_row<S: AsRef<str>>(out: &mut String, cells: &[S]) {
    for (i, c) in cells.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&csv_cell(c.as_ref()));
    }
    out.push_str("\r\n");
}

/// A CSV cell by what it holds: text (from files or words; escaped and
/// guarded against formulas by [`csv_cell`]) or a number the program
/// computed, written as a plain number (`-11.7`, not `'-11.7`) so that a
/// spreadsheet reads it as one.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Cell<'a> {
    Text(&'a str),
    Num(f64),
}

impl<'a> From<&'a str> for Cell<'a> {
    fn from(s: &'a str) -> Self {
        Cell::Text(s)
    }
}

impl<'a> From<&'a String> for Cell<'a> {
    fn from(s: &'a String) -> Self {
        Cell::Text(s)
    }
}

/// One CSV record of typed cells, terminated by CRLF.
pub fn csv_record(out: &mut String, cells: &[Cell<'_>]) {
    for (i, c) in cells.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        match c {
            Cell::Text(s) => out.push_str(&csv_cell(s)),
            // Never NaN or infinite in practice; an empty cell if it were.
            Cell::Num(x) if x.is_finite() => out.push_str(&crate::text::fmt_num(*x)),
            Cell::Num(_) => {}
        }
    }
    out.push_str("\r\n");
}

/// A number shown with one decimal (`12.5`), whole numbers without.
pub fn dec1(x: f64) -> String {
    let r = (x * 10.0).round() / 10.0;
    let mut s = String::new();
    if r.fract() == 0.0 {
        let _ = write!(s, "{}", r as i64);
    } else {
        let _ = write!(s, "{r:.1}");
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_escapes_markup() {
        assert_eq!(
            html("<script>alert('x')</script> & \"q\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"
        );
        assert_eq!(html("a\x1b[31m"), "a\u{FFFD}[31m");
    }

    #[test]
    fn csv_neutralises_formulas_and_quotes() {
        assert_eq!(csv_cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_cell("+1"), "'+1");
        assert_eq!(csv_cell("-1"), "'-1");
        assert_eq!(csv_cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_cell("\tx"), "'\tx");
        assert_eq!(csv_cell("a,b"), "\"a,b\"");
        assert_eq!(csv_cell("rad 1\nrad 2"), "\"rad 1\nrad 2\"");
        assert_eq!(csv_cell("vanlig text"), "vanlig text");
        let mut row = String::new();
        csv_row(&mut row, &["a", "b c"]);
        assert_eq!(row, "a,b c\r\n");
        // A computed number is a number; the same text from a file is not.
        let mut row = String::new();
        csv_record(
            &mut row,
            &[Cell::Num(-11.7), Cell::Text("-11.7"), Cell::Num(5.0)],
        );
        assert_eq!(row, "-11.7,'-11.7,5\r\n");
    }

    #[test]
    fn md_escapes_markup() {
        assert_eq!(
            md("<script>*x*</script>"),
            "\\<script\\>\\*x\\*\\</script\\>"
        );
        assert_eq!(md("[a](javascript:x)"), "\\[a\\](javascript:x)");
        assert_eq!(md("rad 1\nrad 2"), "rad 1 rad 2");
    }
}
