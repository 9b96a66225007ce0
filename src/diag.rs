//! Diagnostics with file positions, rendered as `FILE:LINE:COL: error[CODE]: message`
//! followed by a caret excerpt of the offending line.

use std::fmt::Write as _;
use std::ops::Range;

use crate::text::{display_name, display_path, sanitize_line};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// Widest excerpt of a source line shown under a diagnostic.
const EXCERPT_WIDTH: usize = 100;

/// One finding about a file. `span` is a byte range into the file's text.
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Stable, documented code such as `unknown-key`.
    pub code: &'static str,
    pub message: String,
    pub span: Option<Range<usize>>,
    pub help: Option<String>,
}

impl Diagnostic {
    pub fn error(
        code: &'static str,
        span: Option<Range<usize>>,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            severity: Severity::Error,
            code,
            message: message.into(),
            span,
            help: None,
        }
    }

    pub fn warning(
        code: &'static str,
        span: Option<Range<usize>>,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(code, span, message)
        }
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
}

/// A collection of diagnostics being gathered while reading one file.
#[derive(Debug, Default, Clone)]
pub struct Diagnostics {
    pub items: Vec<Diagnostic>,
}

impl Diagnostics {
    pub fn push(&mut self, d: Diagnostic) {
        self.items.push(d);
    }

    pub fn error(&mut self, code: &'static str, span: Range<usize>, message: impl Into<String>) {
        self.items
            .push(Diagnostic::error(code, Some(span), message));
    }

    pub fn warning(&mut self, code: &'static str, span: Range<usize>, message: impl Into<String>) {
        self.items
            .push(Diagnostic::warning(code, Some(span), message));
    }

    pub fn has_errors(&self) -> bool {
        self.items.iter().any(|d| d.severity == Severity::Error)
    }

    pub fn error_count(&self) -> usize {
        self.items
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count()
    }

    /// Sorts by position (errors without a position first) and drops exact duplicates.
    pub fn sort(&mut self) {
        self.items
            .sort_by_key(|d| (d.span.as_ref().map(|s| s.start), d.severity, d.code));
        self.items.dedup();
    }
}

/// The text of a file together with its name, able to turn byte offsets
/// into 1-based line and column numbers (columns count characters).
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub name: String,
    pub text: String,
    /// Byte offsets of line starts, computed on first use (most files
    /// load without a single diagnostic).
    line_starts: std::sync::OnceLock<Vec<usize>>,
}

impl SourceFile {
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Self {
        SourceFile {
            name: name.into(),
            text: text.into(),
            line_starts: std::sync::OnceLock::new(),
        }
    }

    fn line_starts(&self) -> &[usize] {
        self.line_starts.get_or_init(|| {
            let mut starts = vec![0];
            starts.extend(self.text.match_indices('\n').map(|(i, _)| i + 1));
            starts
        })
    }

    /// 1-based (line, column) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = match self.line_starts().binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let start = self.line_starts()[line];
        let col = self
            .text
            .get(start..offset)
            .map(|s| s.chars().count())
            .unwrap_or(offset - start);
        (line + 1, col + 1)
    }

    fn line_text(&self, line: usize) -> &str {
        let start = self.line_starts()[line - 1];
        let end = self
            .line_starts()
            .get(line)
            .copied()
            .unwrap_or(self.text.len());
        self.text
            .get(start..end)
            .unwrap_or("")
            .trim_end_matches(['\n', '\r'])
    }

    /// `FILE:LINE:COL: error[CODE]: message` with a caret excerpt and help.
    pub fn render(&self, d: &Diagnostic) -> String {
        let mut out = String::new();
        let message = sanitize_line(&d.message);
        let name = display_name(&self.name);
        let Some(span) = &d.span else {
            let _ = writeln!(
                out,
                "{}: {}[{}]: {}",
                name,
                d.severity.as_str(),
                d.code,
                message
            );
            if let Some(help) = &d.help {
                let _ = writeln!(out, "  = help: {}", sanitize_line(help));
            }
            return out;
        };
        let (line, col) = self.line_col(span.start);
        let _ = writeln!(
            out,
            "{}:{}:{}: {}[{}]: {}",
            name,
            line,
            col,
            d.severity.as_str(),
            d.code,
            message
        );
        let text = self.line_text(line);
        if !text.trim().is_empty() {
            let shown: Vec<char> = sanitize_line(text).chars().collect();
            let gutter = " ".repeat(line.to_string().len());
            // Underline the span, but never past the end of this line.
            let (end_line, end_col) = self.line_col(span.end.max(span.start + 1));
            let width = if end_line == line {
                end_col.saturating_sub(col).max(1)
            } else {
                shown.len().saturating_sub(col - 1).max(1)
            };
            // Long lines are cut to a window around the column.
            let start = (col - 1).saturating_sub(40).min(shown.len());
            let end = (start + EXCERPT_WIDTH).min(shown.len());
            let mut excerpt: String = shown[start..end].iter().collect();
            let mut caret_col = col - 1 - start;
            if start > 0 {
                excerpt.insert(0, '…');
                caret_col += 1;
            }
            if end < shown.len() {
                excerpt.push('…');
            }
            let width = width.min(EXCERPT_WIDTH.saturating_sub(caret_col).max(1));
            let _ = writeln!(out, "{gutter} |");
            let _ = writeln!(out, "{line} | {excerpt}");
            let _ = writeln!(
                out,
                "{gutter} | {}{}",
                " ".repeat(caret_col),
                "^".repeat(width)
            );
        }
        if let Some(help) = &d.help {
            let _ = writeln!(out, "  = help: {}", sanitize_line(help));
        }
        out
    }

    /// Renders every diagnostic and a closing count line.
    pub fn render_all(&self, diags: &[Diagnostic]) -> String {
        let mut out = String::new();
        for d in diags {
            out.push_str(&self.render(d));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_count_characters() {
        let f = SourceFile::new("f.toml", "a = 1\nåäö = 2\n");
        assert_eq!(f.line_col(0), (1, 1));
        assert_eq!(f.line_col(6), (2, 1));
        // "åäö" is 6 bytes; " =" starts at column 4.
        assert_eq!(f.line_col(12), (2, 4));
    }

    #[test]
    fn renders_caret_under_span() {
        let f = SourceFile::new("f.toml", "x = 1\nfoo = 2\n");
        let d = Diagnostic::error("unknown-key", Some(6..9), "unknown key `foo`");
        let r = f.render(&d);
        assert!(
            r.starts_with("f.toml:2:1: error[unknown-key]: unknown key `foo`\n"),
            "{r}"
        );
        assert!(r.contains("2 | foo = 2\n  | ^^^\n"), "{r}");
    }
}

/// Why a file could not be used: unreadable, too large, or invalid (with
/// every diagnostic found in it).
#[derive(Debug, thiserror::Error)]
pub enum FileError {
    #[error("cannot read {path}: {err}")]
    Io { path: String, err: std::io::Error },
    #[error("{path} is {size} bytes; at most {max} bytes are accepted for {what}")]
    TooLarge {
        path: String,
        size: u64,
        max: u64,
        what: &'static str,
    },
    #[error("{}", render_invalid(.file, .diagnostics, .what))]
    Invalid {
        file: Box<SourceFile>,
        diagnostics: Vec<Diagnostic>,
        what: &'static str,
    },
}

impl FileError {
    /// The diagnostics of an invalid file (empty for I/O errors).
    pub fn diagnostics(&self) -> &[Diagnostic] {
        match self {
            FileError::Invalid { diagnostics, .. } => diagnostics,
            _ => &[],
        }
    }
}

fn render_invalid(file: &SourceFile, diags: &[Diagnostic], what: &str) -> String {
    let mut s = file.render_all(diags);
    let n = diags
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    s.push_str(&format!(
        "{}: {n} error{} found; the {what} was not loaded",
        display_name(&file.name),
        if n == 1 { "" } else { "s" }
    ));
    s
}

/// Reads a text file of at most `max` bytes as UTF-8 (a leading BOM is
/// dropped); invalid UTF-8 is reported with its position.
pub fn read_text_file(
    path: &std::path::Path,
    max: u64,
    what: &'static str,
) -> Result<(String, String), FileError> {
    let name = display_path(path);
    let io = |err| FileError::Io {
        path: name.clone(),
        err,
    };
    let meta = std::fs::metadata(path).map_err(io)?;
    if meta.is_dir() {
        return Err(FileError::Io {
            path: name.clone(),
            err: std::io::Error::other("it is a folder, not a file"),
        });
    }
    if meta.len() > max {
        return Err(FileError::TooLarge {
            path: name,
            size: meta.len(),
            max,
            what,
        });
    }
    let mut bytes = Vec::new();
    {
        use std::io::Read;
        let f = std::fs::File::open(path).map_err(io)?;
        // Read at most max+1 bytes, in case the file grows while we read.
        f.take(max + 1).read_to_end(&mut bytes).map_err(io)?;
    }
    if bytes.len() as u64 > max {
        return Err(FileError::TooLarge {
            path: name,
            size: bytes.len() as u64,
            max,
            what,
        });
    }
    let text = decode_text(&name, bytes, what)?;
    Ok((name, text))
}

/// Turns bytes into text, reporting the position of invalid UTF-8.
pub fn decode_text(name: &str, bytes: Vec<u8>, what: &'static str) -> Result<String, FileError> {
    match String::from_utf8(bytes) {
        Ok(mut s) => {
            if s.starts_with('\u{feff}') {
                s.drain(..'\u{feff}'.len_utf8());
            }
            Ok(s)
        }
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let lossy = String::from_utf8_lossy(e.as_bytes()).into_owned();
            let file = SourceFile::new(name, lossy);
            let d = Diagnostic::error(
                "not-utf8",
                Some(at..at + 1),
                format!("the file is not UTF-8 text (invalid byte at offset {at})"),
            )
            .with_help(
                "save the file as UTF-8 text; most editors offer this under 'Save as' / 'Encoding'",
            );
            Err(FileError::Invalid {
                file: Box::new(file),
                diagnostics: vec![d],
                what,
            })
        }
    }
}
