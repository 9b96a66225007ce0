//! Standard output of every command: one writer that makes the text safe
//! for a terminal and treats a closed pipe (`behovsanalys report | head`)
//! as the reader having had enough, not as an error.

use std::borrow::Cow;
use std::io::Write as _;

use anyhow::Result;

/// The reader of standard output went away (EPIPE). `main` ends the
/// program quietly with exit 0 when a command returns this.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("standard output was closed")]
pub struct StdoutClosed;

/// Writes `text` to stdout and flushes. A closed pipe is [`StdoutClosed`];
/// other write errors (a full disk behind `> file`) are errors.
pub fn emit(text: &str) -> Result<()> {
    let text = terminal_safe(text);
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Err(StdoutClosed.into()),
        Err(e) => Err(e.into()),
    }
}

/// The last line of defence before stdout: terminal control and bidi
/// characters become U+FFFD (CRLF line ends of CSV are kept). Outputs
/// sanitise their texts already, and JSON goes through
/// [`behovsanalys::text::json_terminal_safe`] first, so this is normally a
/// no-op that does not allocate.
pub fn terminal_safe(text: &str) -> Cow<'_, str> {
    use behovsanalys::text::{is_dangerous_char, sanitize};
    if !text.chars().any(|c| c != '\r' && is_dangerous_char(c)) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.split("\r\n")
            .map(sanitize)
            .collect::<Vec<_>>()
            .join("\r\n"),
    )
}
