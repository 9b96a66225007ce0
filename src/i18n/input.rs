//! What a front end says about input it does not accept
//! ([`crate::answers::input::InputError`]): the wizard and the web form
//! use the same sentences. See the convention in [`crate::i18n`].

use super::Lang;
use crate::answers::input::InputError;
use crate::text::fmt_num;

/// A number's range in words: "mellan 0 och 100", "≥ 0", "≤ 10".
pub fn range(l: Lang, min: Option<f64>, max: Option<f64>) -> String {
    match (min, max) {
        (Some(a), Some(b)) => super::tui::number_range(l, fmt_num(a), fmt_num(b)),
        (Some(a), None) => format!("≥ {}", fmt_num(a)),
        (None, Some(b)) => format!("≤ {}", fmt_num(b)),
        (None, None) => String::new(),
    }
}

/// The sentence for an input error, one line, ending with a full stop.
pub fn message(l: Lang, e: &InputError) -> String {
    match e {
        InputError::NotANumber => super::tui::words(l).bad_number.to_string(),
        InputError::OutOfRange { min, max } => super::tui::out_of_range(l, range(l, *min, *max)),
        InputError::NotAWholeNumber => l
            .pick(
                "Skriv ett heltal, t.ex. 24.",
                "Type a whole number, e.g. 24.",
            )
            .to_string(),
        InputError::TooLong { max } => match l {
            Lang::Sv => format!("Texten får vara högst {max} tecken."),
            Lang::En => format!("The text may be at most {max} characters."),
        },
        InputError::OrgNumber => l
            .pick(
                "Inte ett giltigt organisationsnummer (NNNNNN-NNNN, t.ex. 556036-0793).",
                "Not a valid organisation number (NNNNNN-NNNN, e.g. 556036-0793).",
            )
            .to_string(),
        InputError::Sni => l
            .pick(
                "En SNI-kod har 2–5 siffror, t.ex. 25.620.",
                "An SNI code has 2–5 digits, e.g. 25.620.",
            )
            .to_string(),
        InputError::Phone => l
            .pick(
                "Ett telefonnummer har siffror, mellanslag och + - ( ), t.ex. 070-123 45 67.",
                "A phone number has digits, spaces and + - ( ), e.g. +46 70 123 45 67.",
            )
            .to_string(),
        InputError::Email => l
            .pick(
                "En e-postadress ser ut som namn@foretag.se.",
                "An e-mail address looks like name@company.com.",
            )
            .to_string(),
        InputError::UnknownOption => l
            .pick("Välj ett av alternativen.", "Choose one of the options.")
            .to_string(),
        InputError::TooManyChoices { max } => super::tui_lists::too_many(l, max),
        InputError::Exclusive { label } => {
            super::tui_lists::exclusive_replaced(l, label.get(l.code()))
        }
        InputError::OneOnly => l
            .pick("Välj bara ett alternativ.", "Choose only one option.")
            .to_string(),
        InputError::NotOffered => l
            .pick(
                "Välj antingen alternativ eller ”Vet ej”/”Ej relevant”, inte båda.",
                "Choose either options or “Don't know”/“Not relevant”, not both.",
            )
            .to_string(),
    }
}
