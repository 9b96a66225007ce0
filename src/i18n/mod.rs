//! Every word the program itself says, in Swedish and English — one place.
//!
//! Texts that come from a questionnaire (question texts, help, actor names)
//! are [`crate::text::Text`]; everything else the program prints, draws or
//! writes into a file is here, one submodule per part of the program:
//!
//! | module | words of |
//! |---|---|
//! | [`cli`] | the command line: `--help`, messages, prompts, errors, `score`/`sessions` text output |
//! | [`diag`] | questionnaire and answers-file diagnostics (`check`, `score --answers`, `import`) |
//! | [`format`] | diagnostics of countries, choices, advice, sources and `extends` |
//! | [`tui`] | the wizard |
//! | [`room`] | the wizard in the visit room: shared and advisor view, contact person, consent, hand-over, honest quit |
//! | [`tui_lists`] | the wizard's long lists, choice limits, coverage and advice |
//! | [`export`] | referral summaries and the company's summary |
//! | [`input`] | input a front end does not accept (the wizard and the web form alike) |
//! | [`web`] | the web self-assessment (`serve`) |
//! | [`report`] | the statistics report |
//! | [`referral`] | the referral follow-up (`referrals list\|mark`, outcomes) |
//! | [`authoring`] | `catalogue`, `preview`, `diff`, `explain`, conditions in words |
//!
//! Convention: a submodule holds a `struct` of `&'static str` fields with one
//! `const` per language (so a missing translation is a compile error), plus
//! functions for messages with arguments that `match` on [`Lang`]. Code
//! elsewhere never compares language codes (`== "sv"`); it asks a [`Lang`].

pub mod authoring;
pub mod cli;
pub mod diag;
pub mod export;
pub mod format;
pub mod input;
pub mod referral;
pub mod report;
pub mod room;
pub mod store;
pub mod tui;
pub mod tui_lists;
pub mod web;

/// A language the program speaks. Questionnaires may carry more languages
/// for their own texts; the program's own words exist in these two.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    Sv,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Sv, Lang::En];

    /// The ISO 639-1 code, as used for a questionnaire's texts.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Sv => "sv",
            Lang::En => "en",
        }
    }

    /// `sv`, `sv-SE`, `sv_SE.UTF-8`, `SV` … → Swedish; the same for English.
    /// Anything else is `None`.
    pub fn from_code(s: &str) -> Option<Lang> {
        let head: String = s
            .trim()
            .chars()
            .take_while(|c| c.is_ascii_alphabetic())
            .collect::<String>()
            .to_ascii_lowercase();
        match head.as_str() {
            "sv" | "swe" => Some(Lang::Sv),
            "en" | "eng" => Some(Lang::En),
            _ => None,
        }
    }

    /// The language of the user's locale (`LC_ALL`, then `LC_MESSAGES`, then
    /// `LANG`, as POSIX orders them), when it is one of ours. `C`/`POSIX`
    /// and unset give `None`.
    pub fn from_env() -> Option<Lang> {
        Self::from_locale_vars(|k| std::env::var(k).ok())
    }

    /// [`Lang::from_env`] over any variable source (testable).
    pub fn from_locale_vars(get: impl Fn(&str) -> Option<String>) -> Option<Lang> {
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let Some(v) = get(key).filter(|v| !v.is_empty()) {
                return Lang::from_code(&v);
            }
        }
        None
    }

    /// A key that sorts names alphabetically as a reader of this language
    /// expects: case and accents do not count (é as e, ü as y in Swedish),
    /// except that Swedish puts å, ä (æ) and ö (ø) after z, in that order.
    pub fn collation_key(self, s: &str) -> Vec<u32> {
        s.chars()
            .flat_map(char::to_lowercase)
            .map(|c| match (self, c) {
                (Lang::Sv, 'å') => u32::from('z') + 1,
                (Lang::Sv, 'ä' | 'æ') => u32::from('z') + 2,
                (Lang::Sv, 'ö' | 'ø') => u32::from('z') + 3,
                (Lang::Sv, 'ü') => u32::from('y'),
                (_, 'å' | 'ä' | 'á' | 'à' | 'â' | 'ã' | 'æ') => u32::from('a'),
                (_, 'ö' | 'ó' | 'ò' | 'ô' | 'õ' | 'ø') => u32::from('o'),
                (_, 'é' | 'è' | 'ê' | 'ë') => u32::from('e'),
                (_, 'í' | 'ì' | 'î' | 'ï') => u32::from('i'),
                (_, 'ú' | 'ù' | 'û' | 'ü') => u32::from('u'),
                (_, 'ç') => u32::from('c'),
                (_, 'ñ') => u32::from('n'),
                (_, 'ý' | 'ÿ') => u32::from('y'),
                (_, c) => u32::from(c),
            })
            .collect()
    }

    /// The language of the program's own words in a document whose texts
    /// are in `code` (a questionnaire language): Swedish for `sv`, English
    /// for every other language.
    pub fn of_content(code: &str) -> Lang {
        Lang::from_code(code).unwrap_or(Lang::En)
    }

    /// Picks the Swedish or the English value.
    pub fn pick<T>(self, sv: T, en: T) -> T {
        match self {
            Lang::Sv => sv,
            Lang::En => en,
        }
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::Lang;

    #[test]
    fn codes_and_locales() {
        assert_eq!(Lang::from_code("sv_SE.UTF-8"), Some(Lang::Sv));
        assert_eq!(Lang::from_code("en-GB"), Some(Lang::En));
        assert_eq!(Lang::from_code("de_DE"), None);
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |k: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == k)
                    .map(|(_, v)| v.to_string())
            }
        };
        assert_eq!(
            Lang::from_locale_vars(env(&[("LANG", "sv_SE.UTF-8")])),
            Some(Lang::Sv)
        );
        // LC_ALL wins over LANG; C means "no preference".
        assert_eq!(
            Lang::from_locale_vars(env(&[("LC_ALL", "C"), ("LANG", "sv_SE")])),
            None
        );
        assert_eq!(
            Lang::from_locale_vars(env(&[("LC_MESSAGES", "en_US"), ("LANG", "sv_SE")])),
            Some(Lang::En)
        );
    }
}
