//! Localised texts and sanitising of text that comes from files.

use std::borrow::Cow;

/// A language code of up to three ASCII letters, stored inline (a text has
/// one per language, and questionnaires have tens of thousands of texts).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct LangCode {
    bytes: [u8; 3],
    len: u8,
}

impl LangCode {
    /// The code, or `None` when it is longer than three bytes.
    pub fn new(code: &str) -> Option<Self> {
        let b = code.as_bytes();
        if b.len() > 3 {
            return None;
        }
        let mut bytes = [0; 3];
        bytes[..b.len()].copy_from_slice(b);
        Some(LangCode {
            bytes,
            len: b.len() as u8,
        })
    }

    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.bytes[..usize::from(self.len)]).unwrap_or("")
    }
}

/// A text in one or more languages. The first entry is the questionnaire's
/// default language; a missing language falls back to it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Text {
    entries: Vec<(LangCode, String)>,
}

impl Text {
    /// A text that is the same in every language.
    pub fn plain(s: impl Into<String>) -> Self {
        Text {
            entries: vec![(LangCode::default(), s.into())],
        }
    }

    /// Builds a text from `(language, text)` pairs; the first is the
    /// fallback. Language codes longer than three letters are dropped.
    pub fn from_entries(entries: Vec<(String, String)>) -> Self {
        Text {
            entries: entries
                .into_iter()
                .filter_map(|(l, t)| Some((LangCode::new(&l)?, t)))
                .collect(),
        }
    }

    /// Builds a text from already checked codes; the first is the fallback.
    pub fn from_codes(entries: Vec<(LangCode, String)>) -> Self {
        Text { entries }
    }

    /// The text in `lang`, or in the default language when it has none.
    pub fn get(&self, lang: &str) -> &str {
        self.entries
            .iter()
            .find(|(l, _)| l.as_str() == lang)
            .or_else(|| self.entries.first())
            .map(|(_, t)| t.as_str())
            .unwrap_or("")
    }

    /// Every `(language, text)` pair, default language first.
    pub fn entries(&self) -> impl Iterator<Item = (&str, &str)> {
        self.entries.iter().map(|(l, t)| (l.as_str(), t.as_str()))
    }

    pub fn is_empty(&self) -> bool {
        self.entries.iter().all(|(_, t)| t.trim().is_empty())
    }
}

/// True for characters that must never reach a terminal or a document from
/// user data: C0/C1 controls (except newline and tab) and the Unicode
/// bidirectional overrides/isolates that can make text display differently
/// from what it is ("Trojan Source").
pub fn is_dangerous_char(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// Replaces terminal control and bidi-override characters with U+FFFD, so
/// that a text from a file can be shown safely. Newlines and tabs are kept.
pub fn sanitize(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_dangerous_char) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .map(|c| if is_dangerous_char(c) { '\u{FFFD}' } else { c })
            .collect(),
    )
}

/// Like [`sanitize`], but also folds newlines and tabs into spaces: for
/// one-line contexts such as table cells and diagnostics.
pub fn sanitize_line(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\n' | '\r' | '\t' => ' ',
            c if is_dangerous_char(c) => '\u{FFFD}',
            c => c,
        })
        .collect()
}

/// A file name or path as it may be printed: not-UTF-8 bytes become U+FFFD
/// and control characters (an `ESC ]52;…` in a file name would reach the
/// terminal through a `FILE:LINE:COL` prefix), bidi overrides, newlines and
/// tabs are replaced, so the path stays on one line and changes nothing on
/// the screen. Use it for every path in a message.
pub fn display_path(path: &std::path::Path) -> String {
    display_name(&path.to_string_lossy())
}

/// [`display_path`] for a name already held as text (e.g. a source name).
pub fn display_name(name: &str) -> String {
    sanitize_line(name)
}

/// Makes JSON text safe to print on a terminal without changing what it
/// means: serde_json already escapes C0 controls, but leaves DEL, the C1
/// controls (U+009B is a CSI on many terminals) and the bidi overrides raw.
/// Those can only occur inside JSON strings, where `\uXXXX` is equivalent.
pub fn json_terminal_safe(json: &str) -> Cow<'_, str> {
    if !json.chars().any(is_dangerous_char) {
        return Cow::Borrowed(json);
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if is_dangerous_char(c) {
            // All dangerous characters are in the Basic Multilingual Plane.
            out.push_str(&format!("\\u{:04x}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Levenshtein distance, for "did you mean" suggestions.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// The candidate closest to `word`, when it is close enough to be a likely typo.
pub fn suggest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let limit = (word.chars().count() / 3).max(1);
    candidates
        .into_iter()
        .map(|c| (edit_distance(word, c), c))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// A "did you mean" suffix for messages, empty when nothing is close.
pub fn did_you_mean<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> String {
    match suggest(word, candidates) {
        Some(s) => format!(" (did you mean `{s}`?)"),
        None => String::new(),
    }
}

/// Formats a number without a trailing `.0` when it is whole.
pub fn fmt_num(x: f64) -> String {
    if x.is_finite() && x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{}", x as i64)
    } else {
        let s = format!("{x:.2}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fallback_to_default_language() {
        let t = Text::from_entries(vec![("sv".into(), "Hej".into())]);
        assert_eq!(t.get("en"), "Hej");
        assert_eq!(t.get("sv"), "Hej");
    }

    #[test]
    fn sanitize_removes_escapes_and_bidi() {
        assert_eq!(sanitize("a\x1b[31mb"), "a\u{FFFD}[31mb");
        assert_eq!(sanitize("x\u{202E}y"), "x\u{FFFD}y");
        assert_eq!(sanitize("rad 1\nrad 2\tå"), "rad 1\nrad 2\tå");
        assert_eq!(sanitize_line("a\nb\x07"), "a b\u{FFFD}");
    }

    #[test]
    fn paths_are_printable_on_one_line() {
        let p = std::path::Path::new("/tmp/a\x1b]52;c;aGk=\x07b\x1b[2J\nc.toml");
        let shown = display_path(p);
        assert!(!shown.chars().any(is_dangerous_char), "{shown:?}");
        assert!(!shown.contains('\n'));
        assert!(shown.starts_with("/tmp/a") && shown.ends_with("c.toml"));
        assert_eq!(
            display_path(std::path::Path::new("sessions/x.toml")),
            "sessions/x.toml"
        );
    }

    #[test]
    fn json_stays_valid_and_equal_but_terminal_safe() {
        let v = serde_json::json!({ "name": "a\u{1b}[2J\u{9b}31m\u{7f}\u{202e}b\u{2066}" });
        let raw = serde_json::to_string(&v).unwrap();
        assert!(raw.contains('\u{9b}'), "serde_json leaves C1 raw: {raw:?}");
        let safe = json_terminal_safe(&raw);
        assert!(!safe.chars().any(is_dangerous_char), "{safe}");
        let back: serde_json::Value = serde_json::from_str(&safe).unwrap();
        assert_eq!(back, v);
        assert!(matches!(json_terminal_safe("{\"a\":1}"), Cow::Borrowed(_)));
    }

    #[test]
    fn suggestions() {
        assert_eq!(
            suggest("finansering", ["finansiering", "valuta"]),
            Some("finansiering")
        );
        assert_eq!(suggest("xyz", ["finansiering"]), None);
        assert_eq!(fmt_num(5.0), "5");
        assert_eq!(fmt_num(2.5), "2.5");
    }
}
