//! Values at the argument boundary: the language of the program's words,
//! decided before parsing, and typed values that clap parses (so a bad
//! value is a usage error, exit 2, that names the option).

use std::ffi::OsString;
use std::sync::OnceLock;

use behovsanalys::i18n::{Lang, cli};
use behovsanalys::time::{self, Date, DateError};
use clap::builder::{PossibleValuesParser, TypedValueParser};

static UI: OnceLock<Lang> = OnceLock::new();

/// The language of the program's own words: `--lang` (or `--lang=…`) if
/// the command line has a valid one, else the locale's language
/// (`LC_ALL`, `LC_MESSAGES`, `LANG`), else English.
pub fn ui_lang_of(args: &[OsString]) -> Lang {
    let mut it = args.iter().skip(1).map(|a| a.to_string_lossy());
    let mut given = None;
    while let Some(a) = it.next() {
        if a == "--" {
            break;
        }
        if a == "--lang" {
            given = it.next().and_then(|v| Lang::from_code(&v));
        } else if let Some(v) = a.strip_prefix("--lang=") {
            given = Lang::from_code(v);
        }
    }
    given.or_else(Lang::from_env).unwrap_or(Lang::En)
}

/// Fixes the language of the program's words for this process (before
/// the command line is parsed: the value parsers below use it).
pub fn set_ui_lang(lang: Lang) {
    let _ = UI.set(lang);
}

/// The language fixed by [`set_ui_lang`] (English before that).
pub fn ui_lang() -> Lang {
    UI.get().copied().unwrap_or(Lang::En)
}

/// `--lang sv|en`.
pub fn lang() -> impl TypedValueParser<Value = Lang> {
    PossibleValuesParser::new(Lang::ALL.map(Lang::code))
        .map(|s| Lang::from_code(&s).unwrap_or_default())
}

/// `YYYY-MM-DD`, exactly: `2026-11-25junk` and `2026-02-30` are refused.
pub fn date(s: &str) -> Result<Date, String> {
    time::parse_ymd(s).map_err(|e| date_error(&e, ui_lang()))
}

/// A time: RFC 3339, or Swedish local time `YYYY-MM-DD HH:MM`
/// (seconds since the Unix epoch).
pub fn time(s: &str) -> Result<i64, String> {
    behovsanalys::session::referral::parse_time(s)
        .map_err(|e| behovsanalys::i18n::referral::time_error(ui_lang(), &e))
}

/// A [`DateError`] in words.
pub fn date_error(e: &DateError, lang: Lang) -> String {
    match e {
        DateError::Format(s) => cli::not_a_date(lang, s),
        DateError::NoSuchDay(s) => cli::no_such_day(lang, s),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(a: &[&str]) -> Vec<OsString> {
        a.iter().map(OsString::from).collect()
    }

    #[test]
    fn lang_from_the_command_line_wins() {
        assert_eq!(ui_lang_of(&args(&["b", "--lang", "sv", "check"])), Lang::Sv);
        assert_eq!(ui_lang_of(&args(&["b", "check", "--lang=en"])), Lang::En);
        // After `--` it is a file name, not an option.
        let l = ui_lang_of(&args(&["b", "check", "--", "--lang=sv"]));
        assert_eq!(l, Lang::from_env().unwrap_or(Lang::En));
    }
}
