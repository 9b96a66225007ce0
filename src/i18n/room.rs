//! More words of the wizard — those of the visit room: the shared and the
//! advisor view, the company's contact person, who gives and who records
//! consent, referral requests in a self-assessment, what came from the
//! company, scrolling, text areas and an honest quit. The same convention
//! as [`super::tui`]: fixed words in [`Room`] (one const per language),
//! messages with arguments as functions of a [`Lang`].

use std::fmt::Display;

use super::Lang;

/// Fixed words, by language.
pub struct Room {
    // the advisor view
    pub advisor_tag: &'static str,
    pub advisor_banner: &'static str,
    pub h_advisor_on: &'static str,
    pub h_advisor_off: &'static str,
    pub help_advisor_on: &'static str,
    pub help_advisor_off: &'static str,
    pub advisor_question: &'static str,
    pub advisor_answers: &'static str,
    pub private_notes: &'static str,
    pub notes_heading: &'static str,
    // the contact person
    pub f_contact: &'static str,
    pub f_contact_name: &'static str,
    pub f_contact_role: &'static str,
    pub f_contact_phone: &'static str,
    pub f_contact_email: &'static str,
    pub phone_bad: &'static str,
    pub email_bad: &'static str,
    pub attendees_hint: &'static str,
    // consent
    pub consent_who_heading: &'static str,
    pub consent_given_by: &'static str,
    pub consent_recorded_by: &'static str,
    pub consent_who_help: &'static str,
    pub consent_names_needed: &'static str,
    pub h_who: &'static str,
    pub help_who: &'static str,
    pub h_suggest: &'static str,
    pub help_suggest: &'static str,
    pub help_confirm_who: &'static str,
    pub help_cancel_who: &'static str,
    // self-assessment: referral requests
    pub request_heading: &'static str,
    pub h_request: &'static str,
    pub help_request: &'static str,
    pub self_files_note: &'static str,
    pub requested_tag: &'static str,
    // from the company
    pub company_answer: &'static str,
    // scrolling and text areas
    pub h_newline: &'static str,
    pub help_newline: &'static str,
    pub type_text: &'static str,
    pub h_page: &'static str,
    pub help_page_up: &'static str,
    pub help_page_down: &'static str,
    // quit
    pub quit_unsaved: &'static str,
    pub quit_saved_elsewhere: &'static str,
    pub h_retry: &'static str,
    pub help_retry: &'static str,
    pub h_save_elsewhere: &'static str,
    pub help_save_elsewhere: &'static str,
    pub h_quit_anyway: &'static str,
    pub help_quit_anyway: &'static str,
    pub retrying: &'static str,
    pub save_as_heading: &'static str,
    pub save_as_help: &'static str,
    pub help_save_as: &'static str,
    pub writing: &'static str,
}

pub const SV: Room = Room {
    advisor_tag: "RÅDGIVARVY",
    advisor_banner: "bara för rådgivaren: privata anteckningar, rådgivarens frågor och svar",
    h_advisor_on: "rådgivarvy",
    h_advisor_off: "lämna rådgivarvyn",
    help_advisor_on: "rådgivarvyn: visar privata anteckningar och rådgivarens egna frågor och svar (stängs av sig själv när nästa gemensamma fråga eller en annan sida visas)",
    help_advisor_off: "tillbaka till den gemensamma vyn (det företaget får se)",
    advisor_question: "Rådgivarens fråga – visas inte för företaget",
    advisor_answers: "Rådgivarens svar",
    private_notes: "Privata anteckningar",
    notes_heading: "Anteckningar till rådgivarens frågor",
    f_contact: "Kontaktperson på företaget",
    f_contact_name: "Namn",
    f_contact_role: "Roll (t.ex. vd)",
    f_contact_phone: "Telefon",
    f_contact_email: "E-post",
    phone_bad: "✗ ett telefonnummer har siffror, mellanslag och + - ( ) – sparas inte",
    email_bad: "✗ en e-postadress ser ut som namn@foretag.se – sparas inte",
    attendees_hint: "Vilka är med vid besöket? Rådgivaren som registrerar samtycken först.",
    consent_who_heading: "Vem ger och vem registrerar samtycket?",
    consent_given_by: "Ges av (företagets företrädare)",
    consent_recorded_by: "Registreras av (rådgivaren)",
    consent_who_help: "Namnen skrivs i samtyckesloggen och i remissen. De gäller resten av besöket.",
    consent_names_needed: "Skriv båda namnen.",
    h_who: "vem ger samtycket",
    help_who: "ändra vem som ger och vem som registrerar samtycket",
    h_suggest: "förslag",
    help_suggest: "nästa förslag (kontaktpersonen och de närvarande)",
    help_confirm_who: "bekräfta namnen och registrera samtycket",
    help_cancel_who: "avbryt (inget samtycke registreras)",
    request_heading: "Önskar remiss",
    h_request: "önska remiss",
    help_request: "be rådgivaren om en remiss till den markerade aktören",
    self_files_note: "Du sparar din sammanfattning och filen till rådgivaren. Remisser skriver rådgivaren tillsammans med dig.",
    requested_tag: "företaget önskar remiss",
    company_answer: "svar från företaget",
    h_newline: "ny rad",
    help_newline: "ny rad i texten",
    type_text: "Skriv svaret – texten radbryts. Enter sparar och går vidare.",
    h_page: "sida",
    help_page_up: "en sida upp",
    help_page_down: "en sida ned",
    quit_unsaved: "Avsluta? De senaste ändringarna är INTE sparade:",
    quit_saved_elsewhere: "Avsluta? Behovsanalysen är inte sparad i datamappen, men en kopia finns i",
    h_retry: "försök igen",
    help_retry: "försök spara igen",
    h_save_elsewhere: "spara någon annanstans",
    help_save_elsewhere: "spara behovsanalysen som en fil någon annanstans",
    h_quit_anyway: "avsluta ändå",
    help_quit_anyway: "avsluta utan att de senaste ändringarna är sparade",
    retrying: "Försöker spara igen …",
    save_as_heading: "Spara behovsanalysen någon annanstans",
    save_as_help: "Filen skrivs helt eller inte alls; en befintlig fil skrivs inte över. Lägg den senare i datamappens sessions/ för att fortsätta med den.",
    help_save_as: "skriv filen",
    writing: "Skriver …",
};

pub const EN: Room = Room {
    advisor_tag: "ADVISOR VIEW",
    advisor_banner: "for the advisor only: private notes, the advisor's questions and answers",
    h_advisor_on: "advisor view",
    h_advisor_off: "leave advisor view",
    help_advisor_on: "the advisor view: shows private notes and the advisor's own questions and answers (ends by itself when the next shared question or another screen is shown)",
    help_advisor_off: "back to the shared view (what the company may see)",
    advisor_question: "The advisor's question – not shown to the company",
    advisor_answers: "The advisor's answers",
    private_notes: "Private notes",
    notes_heading: "Notes on the advisor's questions",
    f_contact: "Contact person at the company",
    f_contact_name: "Name",
    f_contact_role: "Role (e.g. CEO)",
    f_contact_phone: "Phone",
    f_contact_email: "E-mail",
    phone_bad: "✗ a phone number has digits, spaces and + - ( ) – not saved",
    email_bad: "✗ an e-mail address looks like name@company.com – not saved",
    attendees_hint: "Who is at the visit? The advisor who records consent first.",
    consent_who_heading: "Who gives and who records the consent?",
    consent_given_by: "Given by (the company's representative)",
    consent_recorded_by: "Recorded by (the advisor)",
    consent_who_help: "The names go into the consent log and the referral. They hold for the rest of the visit.",
    consent_names_needed: "Type both names.",
    h_who: "who gives consent",
    help_who: "change who gives and who records consent",
    h_suggest: "suggestions",
    help_suggest: "next suggestion (the contact person and those present)",
    help_confirm_who: "confirm the names and record the consent",
    help_cancel_who: "cancel (no consent is recorded)",
    request_heading: "Ask to be referred",
    h_request: "ask for referral",
    help_request: "ask the advisor for a referral to the selected actor",
    self_files_note: "You save your summary and the file for the advisor. Referrals are written by the advisor together with you.",
    requested_tag: "the company asked for a referral",
    company_answer: "answer from the company",
    h_newline: "new line",
    help_newline: "a new line in the text",
    type_text: "Type the answer – the text wraps. Enter saves and goes on.",
    h_page: "page",
    help_page_up: "a page up",
    help_page_down: "a page down",
    quit_unsaved: "Quit? The latest changes are NOT saved:",
    quit_saved_elsewhere: "Quit? The session is not saved in the data folder, but a copy is in",
    h_retry: "try again",
    help_retry: "try to save again",
    h_save_elsewhere: "save elsewhere",
    help_save_elsewhere: "save the session as a file somewhere else",
    h_quit_anyway: "quit anyway",
    help_quit_anyway: "quit without the latest changes saved",
    retrying: "Trying to save again …",
    save_as_heading: "Save the session somewhere else",
    save_as_help: "The file is written whole or not at all; an existing file is not overwritten. Put it into the data folder's sessions/ later to continue with it.",
    help_save_as: "write the file",
    writing: "Writing …",
};

/// The fixed words of a language.
pub fn words(lang: Lang) -> &'static Room {
    match lang {
        Lang::Sv => &SV,
        Lang::En => &EN,
    }
}

/// Said when `p` is pressed in the shared view.
pub fn private_in_advisor_view(l: Lang, key: impl Display) -> String {
    match l {
        Lang::Sv => format!("Privata anteckningar skrivs och visas i rådgivarvyn ({key})."),
        Lang::En => format!("Private notes are written and shown in the advisor view ({key})."),
    }
}

/// Who gave and who recorded consent, on the summary.
pub fn consent_by(l: Lang, given_by: impl Display, recorded_by: impl Display) -> String {
    match l {
        Lang::Sv => format!("Samtycke ges av {given_by} och registreras av {recorded_by}."),
        Lang::En => format!("Consent is given by {given_by} and recorded by {recorded_by}."),
    }
}

/// The company asked to be referred (an imported self-assessment).
pub fn requested(l: Lang, actors: impl Display, key: impl Display) -> String {
    match l {
        Lang::Sv => format!(
            "Företaget bad om remiss till {actors}. Bekräfta samtycket med företagets företrädare ({key} på aktören)."
        ),
        Lang::En => format!(
            "The company asked to be referred to {actors}. Confirm the consent with the company's representative ({key} on the actor)."
        ),
    }
}

/// What came from the company, on an imported self-assessment.
pub fn from_company(
    l: Lang,
    file: impl Display,
    answered: impl Display,
    imported: impl Display,
    n: usize,
) -> String {
    match l {
        Lang::Sv => format!(
            "Från företaget ({file}, ifylld {answered}, importerad {imported}): {n} svar, företagsuppgifter, kontaktperson – märkta ”svar från företaget”."
        ),
        Lang::En => format!(
            "From the company ({file}, filled in {answered}, imported {imported}): {n} answers, company details, contact person – marked \"answer from the company\"."
        ),
    }
}

/// What is left after an import.
pub fn left_for_advisor(l: Lang, n: usize) -> String {
    match l {
        Lang::Sv => format!("Kvar för rådgivaren: {n} obesvarade frågor."),
        Lang::En => format!("Left for the advisor: {n} unanswered questions."),
    }
}

/// The same file imported again.
pub fn already_imported(l: Lang, id: impl Display) -> String {
    match l {
        Lang::Sv => format!(
            "Den här självskattningen är redan importerad (behovsanalys {id}). Öppna den under Fortsätt en sparad behovsanalys."
        ),
        Lang::En => format!(
            "This self-assessment was imported already (session {id}). Open it under Continue a saved needs analysis."
        ),
    }
}

/// Scroll markers: lines above and below what is shown.
pub fn more_above(l: Lang, n: usize) -> String {
    match l {
        Lang::Sv => format!("▲ {n} till"),
        Lang::En => format!("▲ {n} more"),
    }
}

pub fn more_below(l: Lang, n: usize) -> String {
    match l {
        Lang::Sv => format!("▼ {n} till"),
        Lang::En => format!("▼ {n} more"),
    }
}

/// A text answer's hint with the keys of the keymap.
pub fn text_keys(l: Lang, enter: impl Display, newline: impl Display) -> String {
    match l {
        Lang::Sv => {
            format!("Texten radbryts. {enter} sparar och går vidare, {newline} ger ny rad.")
        }
        Lang::En => {
            format!("The text wraps. {enter} saves and goes on, {newline} starts a new line.")
        }
    }
}

/// The session was written elsewhere.
pub fn saved_as(l: Lang, path: impl Display) -> String {
    match l {
        Lang::Sv => format!("Sparad i {path}."),
        Lang::En => format!("Saved in {path}."),
    }
}

pub fn save_as_failed(l: Lang, path: impl Display, err: impl Display) -> String {
    match l {
        Lang::Sv => format!("Kunde inte spara i {path}: {err}"),
        Lang::En => format!("Could not save in {path}: {err}"),
    }
}

/// `--self open ID` on an advisor's session.
pub fn not_self(l: Lang, id: impl Display) -> String {
    match l {
        Lang::Sv => format!("{id} är ingen självskattning; öppna den utan --self"),
        Lang::En => format!("{id} is not a self-assessment; open it without --self"),
    }
}

/// Said at exit when the last save failed.
pub fn unsaved_at_exit(l: Lang, why: impl Display, copy: Option<&str>) -> String {
    match (l, copy) {
        (Lang::Sv, None) => format!("de senaste svaren kunde inte sparas: {why}"),
        (Lang::Sv, Some(c)) => format!(
            "de senaste svaren kunde inte sparas i datamappen ({why}); en kopia finns i {c}"
        ),
        (Lang::En, None) => format!("the last answers could not be saved: {why}"),
        (Lang::En, Some(c)) => format!(
            "the last answers could not be saved in the data folder ({why}); a copy is in {c}"
        ),
    }
}
