//! Words of the wizard for long option lists (type to filter), choice
//! limits (`max_choices`, `exclusive`), how much of an area is answered
//! (coverage), provisional actors and the company's advice. (Beside
//! [`super::tui`], which holds the rest of the wizard's words.)

use std::fmt::Display;

use super::Lang;

pub struct Words {
    /// Label of the filter field of a long list.
    pub filter: &'static str,
    /// Under an empty filter field: how to use it.
    pub filter_hint: &'static str,
    /// No option matches the filter.
    pub no_match: &'static str,
    /// Before the options ticked so far (a long list shows only some).
    pub chosen: &'static str,
    /// Legend of the coverage marks in the needs panel.
    pub coverage_legend: &'static str,
    /// Mark of an actor whose score is high but rests on too little.
    pub provisional_mark: &'static str,
    /// Legend of the actor marks in the needs panel.
    pub actors_legend: &'static str,
    /// Status of a provisional actor in the summary.
    pub provisional: &'static str,
    /// The entry for the advice in the summary's list.
    pub advice: &'static str,
    /// Above the advice texts.
    pub advice_intro: &'static str,
    // help texts of the keys
    pub h_filter_tick: &'static str,
    pub help_filter: &'static str,
    pub help_filter_enter: &'static str,
    pub help_filter_esc: &'static str,
}

pub const SV: Words = Words {
    filter: "Sök",
    filter_hint: "Skriv för att söka, t.ex. \"nor\"; Enter kryssar i eller ur det markerade.",
    no_match: "Inget alternativ passar sökningen.",
    chosen: "Valda",
    coverage_legend: "● besvarat  ◑ delvis  ○ inte",
    provisional_mark: "?",
    actors_legend: "★ rekommenderas  ? för tidigt",
    provisional: "för lite besvarat",
    advice: "Råd till företaget",
    advice_intro: "Det här kan företaget göra själv – inga remisser:",
    h_filter_tick: "kryssa",
    help_filter: "bokstäver söker bland alternativen (på namn eller landskod)",
    help_filter_enter: "med en sökning: kryssa i eller ur det markerade och töm sökningen; utan: nästa fråga",
    help_filter_esc: "med en sökning: töm den; utan: föregående fråga",
};

pub const EN: Words = Words {
    filter: "Search",
    filter_hint: "Type to search, e.g. \"nor\"; Enter ticks or unticks the selected one.",
    no_match: "No option matches the search.",
    chosen: "Chosen",
    coverage_legend: "● answered  ◑ partly  ○ not",
    provisional_mark: "?",
    actors_legend: "★ recommended  ? too early",
    provisional: "too little answered",
    advice: "Advice for the company",
    advice_intro: "What the company can do itself – no referrals:",
    h_filter_tick: "tick",
    help_filter: "letters search the options (by name or country code)",
    help_filter_enter: "with a search: tick or untick the selected one and clear the search; without: next question",
    help_filter_esc: "with a search: clear it; without: previous question",
};

pub fn words(l: Lang) -> &'static Words {
    match l {
        Lang::Sv => &SV,
        Lang::En => &EN,
    }
}

/// How many options match the filter.
pub fn matches(l: Lang, n: usize, of: usize) -> String {
    match l {
        Lang::Sv => format!("{n} av {of}"),
        Lang::En => format!("{n} of {of}"),
    }
}

/// Under a multi choice with `max_choices`: how many are ticked.
pub fn chosen_of_max(l: Lang, n: impl Display, max: impl Display) -> String {
    match l {
        Lang::Sv => format!("{n} valda av högst {max}"),
        Lang::En => format!("{n} chosen of at most {max}"),
    }
}

/// A tick refused: the limit is reached.
pub fn too_many(l: Lang, max: impl Display) -> String {
    match l {
        Lang::Sv => format!("Högst {max} val – kryssa ur ett först."),
        Lang::En => format!("At most {max} choices – untick one first."),
    }
}

/// An exclusive option ("none of these") replaced the others, or the
/// other way round.
pub fn exclusive_replaced(l: Lang, label: impl Display) -> String {
    match l {
        Lang::Sv => format!("”{label}” kan inte kombineras med andra val."),
        Lang::En => format!("“{label}” cannot be combined with other choices."),
    }
}

/// More options than the window shows.
pub fn more_options(l: Lang, n: usize) -> String {
    match l {
        Lang::Sv => format!("… och {n} till (↑↓ eller sök)"),
        Lang::En => format!("… and {n} more (↑↓ or search)"),
    }
}
