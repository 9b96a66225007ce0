//! Diagnostics with file positions, rendered as `FILE:LINE:COL: error[CODE]: message`
//! followed by a caret excerpt of the offending line.

use std::fmt::Write as _;
use std::ops::Range;

use crate::i18n::Lang;
use crate::i18n::diag as words;
use crate::text::{display_name, display_path, sanitize_line};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    /// The English word, as in `error[CODE]`.
    pub fn as_str(self) -> &'static str {
        self.word(Lang::En)
    }

    /// The word in `lang`, as in `fel[CODE]`.
    pub fn word(self, lang: Lang) -> &'static str {
        let w = words::words(lang);
        match self {
            Severity::Error => w.error,
            Severity::Warning => w.warning,
        }
    }
}

/// A message in every language the program speaks, made when the finding
/// is made (the arguments are at hand then) and picked when it is shown.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Message(Box<[String; 2]>);

impl Message {
    /// Builds the message in each language from one function (a function of
    /// [`crate::i18n::diag`]).
    pub fn new(f: impl Fn(Lang) -> String) -> Self {
        Message(Box::new([f(Lang::Sv), f(Lang::En)]))
    }

    /// The message in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Sv => &self.0[0],
            Lang::En => &self.0[1],
        }
    }

    /// True when the English text contains `s` (for tests and filters).
    pub fn contains(&self, s: &str) -> bool {
        self.0[1].contains(s)
    }
}

/// A text that is the same in every language (a name, a quoted value).
impl From<String> for Message {
    fn from(s: String) -> Self {
        Message(Box::new([s.clone(), s]))
    }
}

impl From<&str> for Message {
    fn from(s: &str) -> Self {
        Message::from(s.to_string())
    }
}

/// English, as `Display` has always shown it.
impl std::fmt::Display for Message {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0[1])
    }
}

/// Shorthand for [`Message::new`].
pub fn msg(f: impl Fn(Lang) -> String) -> Message {
    Message::new(f)
}

/// Widest excerpt of a source line shown under a diagnostic.
const EXCERPT_WIDTH: usize = 100;

/// One finding about a file. `span` is a byte range into the file's text.
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Stable, documented code such as `unknown-key`.
    pub code: &'static str,
    pub message: Message,
    pub span: Option<Range<usize>>,
    pub help: Option<Message>,
}

impl Diagnostic {
    pub fn error(
        code: &'static str,
        span: Option<Range<usize>>,
        message: impl Into<Message>,
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
        message: impl Into<Message>,
    ) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(code, span, message)
        }
    }

    pub fn with_help(mut self, help: impl Into<Message>) -> Self {
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

    pub fn error(&mut self, code: &'static str, span: Range<usize>, message: impl Into<Message>) {
        self.items
            .push(Diagnostic::error(code, Some(span), message));
    }

    pub fn warning(&mut self, code: &'static str, span: Range<usize>, message: impl Into<Message>) {
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
///
/// A questionnaire that extends another is read as several files laid out
/// one after the other in one offset space: each file's text starts at
/// `start`, and `others` holds the files it builds on, so a diagnostic's
/// offset finds its own file and line.
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub name: String,
    pub text: String,
    /// Offset of this file's first byte in the layout (0 for a lone file).
    pub start: usize,
    /// The other files of the layout (those this one extends).
    pub others: Vec<SourceFile>,
    /// Byte offsets of line starts, computed on first use (most files
    /// load without a single diagnostic).
    line_starts: std::sync::OnceLock<Vec<usize>>,
}

impl SourceFile {
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Self {
        SourceFile {
            name: name.into(),
            text: text.into(),
            start: 0,
            others: Vec::new(),
            line_starts: std::sync::OnceLock::new(),
        }
    }

    /// A file whose text starts at `start` in a layout, after `others`.
    pub fn layered(
        name: impl Into<String>,
        text: impl Into<String>,
        start: usize,
        others: Vec<SourceFile>,
    ) -> Self {
        SourceFile {
            start,
            others,
            ..SourceFile::new(name, text)
        }
    }

    /// The file of the layout that holds `offset`, and the offset in it.
    pub fn locate(&self, offset: usize) -> (&SourceFile, usize) {
        if offset >= self.start {
            return (self, offset - self.start);
        }
        self.others
            .iter()
            .filter(|f| f.start <= offset)
            .max_by_key(|f| f.start)
            .map_or((self, 0), |f| (f, offset - f.start))
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

    /// `FILE:LINE:COL: error[CODE]: message` with a caret excerpt and help,
    /// in English.
    pub fn render(&self, d: &Diagnostic) -> String {
        self.render_in(d, Lang::En)
    }

    /// [`SourceFile::render`] in `lang`: the message, `error`/`warning` and
    /// `help` in that language; the code and the position are the same in
    /// every language.
    pub fn render_in(&self, d: &Diagnostic, lang: Lang) -> String {
        match &d.span {
            Some(span) if !self.others.is_empty() || self.start > 0 => {
                let (file, local) = self.locate(span.start);
                let len = span.end.saturating_sub(span.start);
                file.render_local(d, lang, Some(local..local + len))
            }
            span => self.render_local(d, lang, span.clone()),
        }
    }

    fn render_local(&self, d: &Diagnostic, lang: Lang, span: Option<Range<usize>>) -> String {
        let mut out = String::new();
        let message = sanitize_line(d.message.get(lang));
        let name = display_name(&self.name);
        let severity = d.severity.word(lang);
        let help_word = words::words(lang).help;
        let Some(span) = &span else {
            let _ = writeln!(out, "{}: {}[{}]: {}", name, severity, d.code, message);
            if let Some(help) = &d.help {
                let _ = writeln!(out, "  = {help_word}: {}", sanitize_line(help.get(lang)));
            }
            return out;
        };
        let (line, col) = self.line_col(span.start);
        let _ = writeln!(
            out,
            "{}:{}:{}: {}[{}]: {}",
            name, line, col, severity, d.code, message
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
            let _ = writeln!(out, "  = {help_word}: {}", sanitize_line(help.get(lang)));
        }
        out
    }

    /// Renders every diagnostic, in English.
    pub fn render_all(&self, diags: &[Diagnostic]) -> String {
        self.render_all_in(diags, Lang::En)
    }

    /// Renders every diagnostic in `lang`.
    pub fn render_all_in(&self, diags: &[Diagnostic], lang: Lang) -> String {
        let mut out = String::new();
        for d in diags {
            out.push_str(&self.render_in(d, lang));
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

/// What kind of file is being read (for messages).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Questionnaire,
    Answers,
    /// A short text file of the program's own (a quarantine note).
    Note,
}

/// Why a file could not be used: unreadable, too large, or invalid (with
/// every diagnostic found in it). `Display` is English; [`FileError::render`]
/// speaks either language.
#[derive(Debug, thiserror::Error)]
pub enum FileError {
    #[error("{}", self.render(Lang::En))]
    Io { path: String, err: std::io::Error },
    /// Not a regular file: a folder, a FIFO, a device, a socket, or a
    /// symbolic link where none is followed. Never opened for reading.
    #[error("{}", self.render(Lang::En))]
    NotAFile { path: String, node: NodeKind },
    #[error("{}", self.render(Lang::En))]
    TooLarge {
        path: String,
        size: u64,
        max: u64,
        what: FileKind,
    },
    #[error("{}", self.render(Lang::En))]
    Invalid {
        file: Box<SourceFile>,
        diagnostics: Vec<Diagnostic>,
        what: FileKind,
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

    /// The whole message in `lang`: every diagnostic (`FILE:LINE:COL: …`
    /// with its excerpt) and a closing count line, or the I/O problem.
    pub fn render(&self, lang: Lang) -> String {
        match self {
            FileError::Io { path, err } => words::cannot_read(lang, path, &err.to_string()),
            FileError::NotAFile { path, node } => words::not_a_file(lang, path, *node),
            FileError::TooLarge {
                path,
                size,
                max,
                what,
            } => words::too_large(lang, path, *size, *max, *what),
            FileError::Invalid {
                file,
                diagnostics,
                what,
            } => {
                let mut s = file.render_all_in(diagnostics, lang);
                let n = diagnostics
                    .iter()
                    .filter(|d| d.severity == Severity::Error)
                    .count();
                s.push_str(&words::not_loaded(
                    lang,
                    &display_name(&file.name),
                    n,
                    *what,
                ));
                s
            }
        }
    }
}

/// What a path is when it is not a regular file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NodeKind {
    Folder,
    Fifo,
    Device,
    Socket,
    Symlink,
    Other,
}

impl NodeKind {
    fn of(ft: &std::fs::FileType) -> Option<NodeKind> {
        if ft.is_file() {
            return None;
        }
        if ft.is_dir() {
            return Some(NodeKind::Folder);
        }
        if ft.is_symlink() {
            return Some(NodeKind::Symlink);
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::FileTypeExt;
            if ft.is_fifo() {
                return Some(NodeKind::Fifo);
            }
            if ft.is_block_device() || ft.is_char_device() {
                return Some(NodeKind::Device);
            }
            if ft.is_socket() {
                return Some(NodeKind::Socket);
            }
        }
        Some(NodeKind::Other)
    }
}

/// Whether [`open_data_file`] follows a symbolic link.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Links {
    /// A file named on the command line: the user chose it, links included.
    Follow,
    /// A file found in a folder the program manages (`sessions/`,
    /// `quarantine/`): a link there is never followed.
    NoFollow,
}

/// Why [`open_data_file`] did not give a file.
#[derive(Debug)]
pub enum OpenError {
    Io(std::io::Error),
    /// Not a regular file (never read, never blocked on).
    NotAFile(NodeKind),
}

/// Opens a data file for reading, safely: only a regular file is opened,
/// never through a symbolic link with [`Links::NoFollow`], and never in a
/// way that blocks (a FIFO in `sessions/` hung every command that read it).
/// On Unix the file is opened with `O_NONBLOCK` (and `O_NOFOLLOW`), the
/// handle's own `fstat` must say "regular file", and non-blocking mode is
/// then cleared. The one way every data file is opened.
pub fn open_data_file(path: &std::path::Path, links: Links) -> Result<std::fs::File, OpenError> {
    // Look first, so that a device or FIFO is not even opened.
    let meta = match links {
        Links::Follow => std::fs::metadata(path),
        Links::NoFollow => std::fs::symlink_metadata(path),
    }
    .map_err(OpenError::Io)?;
    if let Some(node) = NodeKind::of(&meta.file_type()) {
        return Err(OpenError::NotAFile(node));
    }
    let mut opts = std::fs::OpenOptions::new();
    opts.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        let mut flags = libc::O_NONBLOCK;
        if links == Links::NoFollow {
            flags |= libc::O_NOFOLLOW;
        }
        opts.custom_flags(flags);
    }
    let file = opts.open(path).map_err(|e| {
        #[cfg(unix)]
        if e.raw_os_error() == Some(libc::ELOOP) {
            return OpenError::NotAFile(NodeKind::Symlink);
        }
        OpenError::Io(e)
    })?;
    // The name may have been swapped since we looked: trust the handle.
    let meta = file.metadata().map_err(OpenError::Io)?;
    if let Some(node) = NodeKind::of(&meta.file_type()) {
        return Err(OpenError::NotAFile(node));
    }
    #[cfg(unix)]
    {
        use std::os::fd::AsRawFd;
        let fd = file.as_raw_fd();
        // SAFETY: `fd` is a valid descriptor owned by `file` for this call;
        // F_GETFL/F_SETFL only read and set its status flags.
        unsafe {
            let fl = libc::fcntl(fd, libc::F_GETFL);
            if fl >= 0 {
                libc::fcntl(fd, libc::F_SETFL, fl & !libc::O_NONBLOCK);
            }
        }
    }
    Ok(file)
}

/// Reads a text file of at most `max` bytes as UTF-8 (a leading BOM is
/// dropped); invalid UTF-8 is reported with its position. A symbolic link
/// is followed (a file named on the command line); see [`read_data_file`].
pub fn read_text_file(
    path: &std::path::Path,
    max: u64,
    what: FileKind,
) -> Result<(String, String), FileError> {
    read_data_file(path, max, what, Links::Follow)
}

/// [`read_text_file`] through [`open_data_file`] with the given link policy.
pub fn read_data_file(
    path: &std::path::Path,
    max: u64,
    what: FileKind,
    links: Links,
) -> Result<(String, String), FileError> {
    let name = display_path(path);
    let io = |err| FileError::Io {
        path: name.clone(),
        err,
    };
    let f = open_data_file(path, links).map_err(|e| match e {
        OpenError::Io(err) => FileError::Io {
            path: name.clone(),
            err,
        },
        OpenError::NotAFile(node) => FileError::NotAFile {
            path: name.clone(),
            node,
        },
    })?;
    let len = f.metadata().map_err(io)?.len();
    if len > max {
        return Err(FileError::TooLarge {
            path: name,
            size: len,
            max,
            what,
        });
    }
    let mut bytes = Vec::with_capacity(usize::try_from(len).unwrap_or(0));
    {
        use std::io::Read;
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
pub fn decode_text(name: &str, bytes: Vec<u8>, what: FileKind) -> Result<String, FileError> {
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
                msg(|l| words::not_utf8(l, at)),
            )
            .with_help(msg(|l| words::words(l).not_utf8_help.to_string()));
            Err(FileError::Invalid {
                file: Box::new(file),
                diagnostics: vec![d],
                what,
            })
        }
    }
}
