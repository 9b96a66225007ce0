//! Long option lists (a country question, or more than [`LONG_LIST`]
//! options): typed letters filter them, so a country is found by keyboard
//! in a second ("nor", Enter).

use crate::questionnaire::{Kind, Question};

/// Lists with more options than this are searched by typing.
pub const LONG_LIST: usize = 16;

/// How many options of a long list are drawn at once.
pub const WINDOW: usize = 9;

/// Whether `q` is a long list (searched by typing).
pub fn is_long(q: &Question) -> bool {
    match &q.kind {
        Kind::Single { options } | Kind::Multi { options } => {
            q.country || options.len() > LONG_LIST
        }
        _ => false,
    }
}

/// Lower case without diacritics, so "ost" finds "Österrike" and "mex"
/// "México".
pub fn fold(s: &str) -> String {
    s.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'å' | 'ä' | 'á' | 'à' | 'â' | 'ã' => 'a',
            'ö' | 'ó' | 'ò' | 'ô' | 'õ' | 'ø' => 'o',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'í' | 'ì' | 'î' | 'ï' => 'i',
            'ú' | 'ù' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            'ñ' => 'n',
            'ý' | 'ÿ' => 'y',
            _ => c,
        })
        .collect()
}

/// The options (indices) that match `filter`, best first: the option's id
/// exactly (a country code: "us", "de"), then labels that start with it,
/// then labels with a word that starts with it, then labels that contain
/// it, then countries whose other names match; the shortest label first
/// within each ("nor" → Norge before
/// Nordkorea), then questionnaire order. All options for an empty
/// filter: in order, a country list by name.
pub fn view(q: &Question, lang: &str, filter: &str) -> Vec<usize> {
    let options = q.kind.options();
    let f = fold(filter.trim());
    if f.is_empty() {
        let mut all: Vec<usize> = (0..options.len()).collect();
        // Countries come by code from their data: shown by name.
        if q.country {
            let l = crate::i18n::Lang::of_content(lang);
            all.sort_by_cached_key(|&k| l.collation_key(options[k].label.get(lang)));
        }
        return all;
    }
    let countries = crate::questionnaire::Countries::builtin().ok();
    let mut ranked: Vec<(u8, usize, usize)> = options
        .iter()
        .enumerate()
        .filter_map(|(k, o)| {
            let label = fold(o.label.get(lang));
            if o.id.eq_ignore_ascii_case(&f) {
                return Some((0, label.chars().count(), k));
            }
            // A country is also found by its name in the other language
            // and the names people type ("Vitryssland", "Ivory Coast"),
            // after every match of the label itself.
            let mut rank = rank_of(&label, &f);
            if rank.is_none()
                && q.country
                && let Some(c) = countries.and_then(|c| c.country(&o.id))
            {
                rank = [fold(&c.sv), fold(&c.en)]
                    .into_iter()
                    .chain(c.aliases.iter().map(|a| fold(a)))
                    .filter_map(|n| rank_of(&n, &f))
                    .min()
                    .map(|r| r + 3);
            }
            let rank = rank?;
            Some((rank, label.chars().count(), k))
        })
        .collect();
    ranked.sort();
    ranked.into_iter().map(|(_, _, k)| k).collect()
}

/// How well `name` (folded) matches `f`: 1 starts with it, 2 a word
/// starts with it, 3 contains it.
fn rank_of(name: &str, f: &str) -> Option<u8> {
    if name.starts_with(f) {
        Some(1)
    } else if name
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| w.starts_with(f))
    {
        Some(2)
    } else if name.contains(f) {
        Some(3)
    } else {
        None
    }
}

/// The first option of the window that shows `cursor` (a position in the
/// view), `WINDOW` wide, in a view of `n`.
pub fn window_start(cursor: usize, n: usize) -> usize {
    cursor
        .saturating_sub(WINDOW / 2)
        .min(n.saturating_sub(WINDOW))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_ignores_case_and_accents() {
        assert_eq!(fold("Österrike"), "osterrike");
        assert_eq!(fold("MÉXICO"), "mexico");
        assert_eq!(fold("Åland"), "aland");
    }

    #[test]
    fn countries_are_found_by_name_code_and_word() {
        let q = crate::questionnaire::builtin().unwrap().questionnaire;
        let m = &q.questions[q.question("marknader").unwrap()];
        assert!(is_long(m));
        let label = |k: usize| m.kind.options()[k].label.get("sv").to_string();
        let first = |f: &str| label(view(m, "sv", f)[0]);
        assert_eq!(first("nor"), "Norge");
        assert_eq!(first("de"), "Tyskland");
        assert_eq!(first("us"), "USA");
        assert_eq!(first("öster"), "Österrike");
        assert_eq!(first("fin"), "Finland");
        assert!(
            view(m, "sv", "zeeland")
                .iter()
                .any(|&k| label(k) == "Nya Zeeland")
        );
        assert!(view(m, "sv", "xyzzy").is_empty());
        // Other names: English in a Swedish list, and aliases.
        assert_eq!(first("germany"), "Tyskland");
        assert_eq!(first("vitryss"), "Belarus");
        assert_eq!(view(m, "sv", "").len(), m.kind.options().len());
    }

    #[test]
    fn the_whole_country_list_is_in_alphabetical_order() {
        let q = crate::questionnaire::builtin().unwrap().questionnaire;
        let m = &q.questions[q.question("marknader").unwrap()];
        for (lang, first, names) in [
            (
                "sv",
                "Afghanistan",
                ["Albanien", "Tyskland", "Zimbabwe", "Österrike"],
            ),
            (
                "en",
                "Afghanistan",
                ["Albania", "Austria", "Germany", "Zimbabwe"],
            ),
        ] {
            let shown: Vec<String> = view(m, lang, "")
                .into_iter()
                .map(|k| m.kind.options()[k].label.get(lang).to_string())
                .collect();
            assert_eq!(shown[0], first, "{shown:?}");
            let at = |n: &str| shown.iter().position(|s| s == n).unwrap();
            for pair in names.windows(2) {
                assert!(at(pair[0]) < at(pair[1]), "{lang}: {pair:?} in {shown:?}");
            }
        }
    }
}
