//! Words of the wizard. See the convention in [`crate::i18n`]: fixed words
//! in [`Words`] (one const per language), messages with arguments as
//! functions of a [`Lang`]. Key names in hints come from the keymap, so the
//! hint labels here carry no keys.

use std::fmt::Display;

use super::Lang;

/// Fixed words of the wizard, by language.
pub struct Words {
    /// The language of these words (for [`super::room::words`]).
    pub lang: Lang,
    /// Long lists, choice limits, coverage and advice.
    pub lists: &'static super::tui_lists::Words,
    pub app_title: &'static str,
    pub mode_advisor: &'static str,
    pub mode_self: &'static str,
    // start
    pub start_heading: &'static str,
    pub start_new: &'static str,
    pub start_new_self: &'static str,
    pub start_resume: &'static str,
    pub start_open: &'static str,
    pub start_lang: &'static str,
    pub start_quit: &'static str,
    pub start_intro: &'static str,
    pub start_intro_self: &'static str,
    // resume / open
    pub resume_heading: &'static str,
    pub resume_loading: &'static str,
    pub resume_empty: &'static str,
    pub resume_unnamed: &'static str,
    pub open_heading: &'static str,
    pub open_help: &'static str,
    pub open_path: &'static str,
    // company
    pub company_heading: &'static str,
    pub f_name: &'static str,
    pub f_org: &'static str,
    pub f_municipality: &'static str,
    pub f_sni: &'static str,
    pub f_employees: &'static str,
    pub f_attendees: &'static str,
    pub f_att_name: &'static str,
    pub f_att_org: &'static str,
    pub f_continue: &'static str,
    pub org_ok: &'static str,
    pub org_bad: &'static str,
    pub sni_ok: &'static str,
    pub sni_bad: &'static str,
    pub employees_bad: &'static str,
    pub company_help: &'static str,
    // questions
    pub sections: &'static str,
    pub company_entry: &'static str,
    pub summary_entry: &'static str,
    pub required: &'static str,
    pub unknown: &'static str,
    pub na: &'static str,
    pub not_answered: &'static str,
    pub note: &'static str,
    pub private_note: &'static str,
    pub note_edit: &'static str,
    pub private_note_edit: &'static str,
    pub help_heading: &'static str,
    pub no_help: &'static str,
    pub bad_number: &'static str,
    pub has_help: &'static str,
    pub type_answer: &'static str,
    // needs panel
    pub needs_heading: &'static str,
    pub top_actors: &'static str,
    // summary
    pub summary_heading: &'static str,
    pub needs_per_area: &'static str,
    pub recommended: &'static str,
    pub not_recommended: &'static str,
    pub reasons: &'static str,
    pub services: &'static str,
    pub undecided: &'static str,
    pub next_step: &'static str,
    pub open_questions: &'static str,
    pub none: &'static str,
    pub consent: &'static str,
    pub export_dir: &'static str,
    pub export_button: &'static str,
    pub export_self_button: &'static str,
    pub exported_to: &'static str,
    pub export_failed: &'static str,
    pub no_consent_note: &'static str,
    pub cost_free: &'static str,
    pub cost_subsidised: &'static str,
    pub cost_unknown: &'static str,
    pub cost_paid: &'static str,
    pub score: &'static str,
    // misc
    pub quit_confirm: &'static str,
    pub save_failed: &'static str,
    pub saved_ok: &'static str,
    // sessions, follow-up, drift
    pub resume_problem: &'static str,
    pub resume_follow_up: &'static str,
    /// A self-assessment sent from the web form.
    pub resume_from_web: &'static str,
    pub open_session_failed: &'static str,
    pub list_failed: &'static str,
    pub drift_heading: &'static str,
    pub referred_then: &'static str,
    // key hints (the keys come from the keymap) and the help
    pub key_any: &'static str,
    pub key_space: &'static str,
    pub h_move: &'static str,
    pub h_choose: &'static str,
    pub h_ok: &'static str,
    pub h_next: &'static str,
    pub h_back: &'static str,
    pub h_quit: &'static str,
    pub h_lang: &'static str,
    pub h_help: &'static str,
    pub h_unknown: &'static str,
    pub h_na: &'static str,
    pub h_note: &'static str,
    pub h_private: &'static str,
    pub h_needs: &'static str,
    pub h_summary: &'static str,
    pub h_sections: &'static str,
    pub h_tick: &'static str,
    pub h_field: &'static str,
    pub h_save: &'static str,
    pub h_cancel: &'static str,
    pub h_export: &'static str,
    pub h_consent: &'static str,
    pub h_compact: &'static str,
    pub h_jump: &'static str,
    pub h_clear: &'static str,
    pub h_follow_up: &'static str,
    pub h_to_question: &'static str,
    pub h_to_folder: &'static str,
    pub h_scroll: &'static str,
    pub h_browse: &'static str,
    pub h_yes: &'static str,
    pub h_no: &'static str,
    pub h_close: &'static str,
    pub keys_heading: &'static str,
    pub help_lang: &'static str,
    pub help_help: &'static str,
    pub help_quit: &'static str,
    pub help_quit_now: &'static str,
    pub help_up: &'static str,
    pub help_down: &'static str,
    pub help_start_digit: &'static str,
    pub help_start_ok: &'static str,
    pub help_resume_open: &'static str,
    pub help_follow_up: &'static str,
    pub help_back_start: &'static str,
    pub help_import: &'static str,
    pub help_field_prev: &'static str,
    pub help_field_next: &'static str,
    pub help_company_enter: &'static str,
    pub help_to_questions: &'static str,
    pub help_leave: &'static str,
    pub help_summary: &'static str,
    pub help_opt_up: &'static str,
    pub help_opt_down: &'static str,
    pub help_scale_down: &'static str,
    pub help_scale_up: &'static str,
    pub help_digit_choose: &'static str,
    pub help_digit_tick: &'static str,
    pub help_tick: &'static str,
    pub help_space_choose: &'static str,
    pub help_enter_next: &'static str,
    pub help_next: &'static str,
    pub help_prev: &'static str,
    pub help_unknown: &'static str,
    pub help_na: &'static str,
    pub help_note: &'static str,
    pub help_private: &'static str,
    pub help_needs: &'static str,
    pub help_sections: &'static str,
    pub help_compact: &'static str,
    pub help_clear: &'static str,
    pub help_jump: &'static str,
    pub help_section_digit: &'static str,
    pub help_to_question: &'static str,
    pub help_consent: &'static str,
    pub help_to_folder: &'static str,
    pub help_export: &'static str,
    pub help_scroll_up: &'static str,
    pub help_scroll_down: &'static str,
    pub help_back_questions: &'static str,
    pub help_to_actors: &'static str,
    pub help_note_save: &'static str,
    pub help_note_cancel: &'static str,
    pub help_yes: &'static str,
    pub help_no: &'static str,
    pub help_close: &'static str,
    // errors and work in progress
    pub holder_unknown: &'static str,
    pub someone: &'static str,
    pub unknown_host: &'static str,
    pub writer_stopped: &'static str,
    pub no_data_dir: &'static str,
    pub opening: &'static str,
    /// The referrals view (in [`super::referral`]).
    pub referrals: &'static super::referral::Tui,
}

pub const SV: Words = Words {
    lang: Lang::Sv,
    lists: &super::tui_lists::SV,
    app_title: "Gemensam behovsanalys",
    mode_advisor: "företagsbesök",
    mode_self: "självskattning",
    start_heading: "Välkommen",
    start_new: "Ny behovsanalys",
    start_new_self: "Starta självskattningen",
    start_resume: "Fortsätt en sparad behovsanalys",
    start_open: "Öppna en självskattning som ett företag skickat",
    start_lang: "Language: English",
    start_quit: "Avsluta",
    start_intro: "Frågorna går igenom företagets exportbehov avsnitt för avsnitt. Varje svar sparas direkt. På slutet får ni behoven per område, vilka aktörer som kan hjälpa och underlag för remisser.",
    start_intro_self: "Svara på frågorna i lugn och ro – varje svar sparas direkt och du kan fortsätta senare. På slutet sparar du en fil som du skickar till din exportrådgivare.",
    resume_heading: "Sparade behovsanalyser",
    resume_loading: "Läser in …",
    resume_empty: "Det finns inga sparade behovsanalyser ännu.",
    resume_unnamed: "(företagsnamn saknas)",
    open_heading: "Öppna en självskattning",
    open_help: "Skriv sökvägen till filen som företaget skickade (t.ex. sjalvskattning_exempel-ab.toml). Svaren, företagsuppgifterna och anteckningarna kopieras till en ny behovsanalys.",
    open_path: "Fil",
    company_heading: "Företagsuppgifter",
    f_name: "Företagsnamn",
    f_org: "Organisationsnummer",
    f_municipality: "Kommun",
    f_sni: "Bransch (SNI-kod)",
    f_employees: "Antal anställda",
    f_attendees: "Närvarande vid besöket",
    f_att_name: "Namn",
    f_att_org: "Organisation",
    f_continue: "Fortsätt till frågorna →",
    org_ok: "✓ giltigt organisationsnummer",
    org_bad: "✗ inte ett giltigt organisationsnummer (NNNNNN-NNNN) – sparas inte",
    sni_ok: "✓ giltig SNI-kod",
    sni_bad: "✗ en SNI-kod har 2–5 siffror, t.ex. 25.620 – sparas inte",
    employees_bad: "✗ skriv ett heltal – sparas inte",
    company_help: "Allt är frivilligt. Ogiltiga värden sparas inte.",
    sections: "Avsnitt",
    company_entry: "Företagsuppgifter",
    summary_entry: "Sammanfattning",
    required: "obligatorisk",
    unknown: "Vet ej",
    na: "Ej relevant",
    not_answered: "inte besvarad",
    note: "Anteckning",
    private_note: "Privat anteckning",
    note_edit: "Anteckning (följer med sammanfattningen)",
    private_note_edit: "Privat anteckning (bara för rådgivaren, exporteras aldrig)",
    help_heading: "Hjälp",
    no_help: "Frågan har ingen hjälptext.",
    bad_number: "Skriv ett tal, t.ex. 24.",
    has_help: "visar hjälp till frågan",
    type_answer: "Skriv svaret och tryck Enter.",
    needs_heading: "Behov per område",
    top_actors: "Aktörer just nu",
    summary_heading: "Sammanfattning",
    needs_per_area: "Behov per område",
    recommended: "rekommenderas",
    not_recommended: "inte rekommenderad",
    reasons: "Varför",
    services: "Erbjudanden",
    undecided: "kan inte avgöras ännu (vet ej eller obesvarade frågor)",
    next_step: "Nästa steg",
    open_questions: "Öppna frågor",
    none: "inga",
    consent: "Samtycke till remiss",
    export_dir: "Spara i mapp",
    export_button: "Exportera remisser (för aktörer med samtycke) och företagets sammanfattning",
    export_self_button: "Spara filen att skicka till rådgivaren",
    exported_to: "Sparat:",
    export_failed: "Exporten misslyckades",
    no_consent_note: "Inga aktörer har samtycke ännu – bara företagets sammanfattning skrivs.",
    cost_free: "kostnadsfritt",
    cost_subsidised: "subventionerat",
    cost_unknown: "kostnad ej angiven",
    cost_paid: "avgift",
    score: "poäng",
    quit_confirm: "Avsluta? Alla svar är sparade.",
    save_failed: "Kunde inte spara – försöker igen. Svaren finns kvar i minnet. Fel:",
    saved_ok: "Sparat igen.",
    resume_problem: "kan inte läsas nu:",
    resume_follow_up: "uppföljning",
    resume_from_web: "från webben",
    open_session_failed: "Kunde inte öppna behovsanalysen",
    list_failed: "Kunde inte läsa de sparade behovsanalyserna",
    drift_heading: "Frågeformuläret har ändrats sedan behovsanalysen sparades:",
    referred_then: "Rekommenderades då:",
    key_any: "valfri tangent",
    key_space: "Mellanslag",
    h_move: "flytta",
    h_choose: "välj",
    h_ok: "OK",
    h_next: "nästa",
    h_back: "tillbaka",
    h_quit: "avsluta",
    h_lang: "språk",
    h_help: "hjälp",
    h_unknown: "vet ej",
    h_na: "ej relevant",
    h_note: "anteckning",
    h_private: "privat",
    h_needs: "behov",
    h_summary: "sammanfattning",
    h_sections: "avsnitt",
    h_tick: "kryssa",
    h_field: "fält",
    h_save: "spara",
    h_cancel: "avbryt",
    h_export: "exportera",
    h_consent: "samtycke",
    h_compact: "kompakt",
    h_jump: "gå dit",
    h_clear: "rensa",
    h_follow_up: "uppföljningsbesök",
    h_to_question: "←",
    h_to_folder: "→ Spara i mapp",
    h_scroll: "↕",
    h_browse: "bläddra",
    h_yes: "ja",
    h_no: "nej",
    h_close: "stänger",
    keys_heading: "Tangenter",
    help_lang: "byt språk (svenska/engelska)",
    help_help: "den här hjälpen",
    help_quit: "avsluta (frågar först; allt är sparat)",
    help_quit_now: "avsluta",
    help_up: "flytta upp",
    help_down: "flytta ned",
    help_start_digit: "välj ett alternativ direkt",
    help_start_ok: "välj det markerade alternativet",
    help_resume_open: "fortsätt den markerade behovsanalysen",
    help_follow_up: "starta ett uppföljningsbesök hos samma företag",
    help_back_start: "tillbaka till startsidan",
    help_import: "läs in filen som en ny behovsanalys",
    help_field_prev: "föregående fält",
    help_field_next: "nästa fält",
    help_company_enter: "nästa fält; på knappen: vidare till frågorna",
    help_to_questions: "vidare till frågorna",
    help_leave: "tillbaka till startsidan (allt är sparat)",
    help_summary: "sammanfattningen",
    help_opt_up: "föregående alternativ",
    help_opt_down: "nästa alternativ",
    help_scale_down: "lägre värde",
    help_scale_up: "högre värde",
    help_digit_choose: "välj alternativ eller värde direkt",
    help_digit_tick: "kryssa i eller ur ett alternativ",
    help_tick: "kryssa i eller ur det markerade alternativet",
    help_space_choose: "välj det markerade alternativet",
    help_enter_next: "spara svaret och gå till nästa fråga",
    help_next: "nästa fråga utan att ändra svaret",
    help_prev: "föregående fråga utan att ändra svaret",
    help_unknown: "svara ”vet ej” (igen: ta bort)",
    help_na: "svara ”ej relevant” (igen: ta bort)",
    help_note: "anteckning till frågan (följer med sammanfattningen)",
    help_private: "privat anteckning (bara för rådgivaren, exporteras aldrig)",
    help_needs: "visa eller dölj behoven per område",
    help_sections: "avsnittslistan",
    help_compact: "hela avsnittet på en gång",
    help_clear: "ta bort svaret",
    help_jump: "gå till avsnittet",
    help_section_digit: "markera avsnitt nummer",
    help_to_question: "tillbaka till frågan",
    help_consent: "samtycke till remiss till den markerade aktören",
    help_to_folder: "mappen att spara i",
    help_export: "exportera remisser och sammanfattning",
    help_scroll_up: "bläddra upp i detaljerna",
    help_scroll_down: "bläddra ned i detaljerna",
    help_back_questions: "tillbaka till frågorna",
    help_to_actors: "tillbaka till aktörerna",
    help_note_save: "spara anteckningen",
    help_note_cancel: "stäng utan att spara",
    help_yes: "ja, avsluta",
    help_no: "nej, fortsätt",
    help_close: "stäng hjälpen",
    holder_unknown: "okänt vem",
    someone: "någon",
    unknown_host: "okänd dator",
    writer_stopped: "tråden som sparar har stannat",
    no_data_dir: "ingen datamapp kunde bestämmas; ange --data-dir eller BEHOVSANALYS_DATA_DIR",
    opening: "Öppnar …",
    referrals: &super::referral::TUI_SV,
};

pub const EN: Words = Words {
    lang: Lang::En,
    lists: &super::tui_lists::EN,
    app_title: "Shared needs analysis",
    mode_advisor: "company visit",
    mode_self: "self-assessment",
    start_heading: "Welcome",
    start_new: "New needs analysis",
    start_new_self: "Start the self-assessment",
    start_resume: "Continue a saved needs analysis",
    start_open: "Open a self-assessment a company sent",
    start_lang: "Språk: svenska",
    start_quit: "Quit",
    start_intro: "The questions go through the company's export needs section by section. Every answer is saved at once. At the end you get the needs per area, the actors that can help, and referral notes.",
    start_intro_self: "Answer the questions at your own pace – every answer is saved at once and you can continue later. At the end you save a file that you send to your export advisor.",
    resume_heading: "Saved needs analyses",
    resume_loading: "Loading …",
    resume_empty: "There are no saved needs analyses yet.",
    resume_unnamed: "(no company name)",
    open_heading: "Open a self-assessment",
    open_help: "Type the path of the file the company sent (e.g. sjalvskattning_example-ab.toml). Its answers, company details and notes are copied into a new needs analysis.",
    open_path: "File",
    company_heading: "Company details",
    f_name: "Company name",
    f_org: "Organisation number",
    f_municipality: "Municipality",
    f_sni: "Industry (SNI code)",
    f_employees: "Employees",
    f_attendees: "Present at the visit",
    f_att_name: "Name",
    f_att_org: "Organisation",
    f_continue: "Continue to the questions →",
    org_ok: "✓ valid organisation number",
    org_bad: "✗ not a valid organisation number (NNNNNN-NNNN) – not saved",
    sni_ok: "✓ valid SNI code",
    sni_bad: "✗ an SNI code has 2–5 digits, e.g. 25.620 – not saved",
    employees_bad: "✗ type a whole number – not saved",
    company_help: "Everything is optional. Invalid values are not saved.",
    sections: "Sections",
    company_entry: "Company details",
    summary_entry: "Summary",
    required: "required",
    unknown: "Don't know",
    na: "Not applicable",
    not_answered: "not answered",
    note: "Note",
    private_note: "Private note",
    note_edit: "Note (goes with the summary)",
    private_note_edit: "Private note (advisor only, never exported)",
    help_heading: "Help",
    no_help: "This question has no help text.",
    bad_number: "Type a number, e.g. 24.",
    has_help: "shows help for the question",
    type_answer: "Type the answer and press Enter.",
    needs_heading: "Needs per area",
    top_actors: "Actors right now",
    summary_heading: "Summary",
    needs_per_area: "Needs per area",
    recommended: "recommended",
    not_recommended: "not recommended",
    reasons: "Why",
    services: "Offers",
    undecided: "cannot be decided yet (don't know or unanswered questions)",
    next_step: "Next step",
    open_questions: "Open questions",
    none: "none",
    consent: "Consent to referral",
    export_dir: "Save in folder",
    export_button: "Export referrals (for actors with consent) and the company's summary",
    export_self_button: "Save the file to send to the advisor",
    exported_to: "Saved:",
    export_failed: "The export failed",
    no_consent_note: "No actor has consent yet – only the company's summary is written.",
    cost_free: "free",
    cost_subsidised: "subsidised",
    cost_unknown: "cost not stated",
    cost_paid: "fee",
    score: "score",
    quit_confirm: "Quit? All answers are saved.",
    save_failed: "Could not save – retrying. The answers are kept in memory. Error:",
    saved_ok: "Saved again.",
    resume_problem: "cannot be read now:",
    resume_follow_up: "follow-up",
    resume_from_web: "from the web",
    open_session_failed: "Could not open the session",
    list_failed: "Could not read the saved sessions",
    drift_heading: "The questionnaire changed since this session was saved:",
    referred_then: "Recommended then:",
    key_any: "any key",
    key_space: "Space",
    h_move: "move",
    h_choose: "choose",
    h_ok: "OK",
    h_next: "next",
    h_back: "back",
    h_quit: "quit",
    h_lang: "language",
    h_help: "help",
    h_unknown: "don't know",
    h_na: "N/A",
    h_note: "note",
    h_private: "private",
    h_needs: "needs",
    h_summary: "summary",
    h_sections: "sections",
    h_tick: "tick",
    h_field: "field",
    h_save: "save",
    h_cancel: "cancel",
    h_export: "export",
    h_consent: "consent",
    h_compact: "compact",
    h_jump: "go",
    h_clear: "clear",
    h_follow_up: "follow-up visit",
    h_to_question: "←",
    h_to_folder: "→ Save in folder",
    h_scroll: "↕",
    h_browse: "scroll",
    h_yes: "yes",
    h_no: "no",
    h_close: "closes",
    keys_heading: "Keys",
    help_lang: "switch language (Swedish/English)",
    help_help: "this help",
    help_quit: "quit (asks first; everything is saved)",
    help_quit_now: "quit",
    help_up: "move up",
    help_down: "move down",
    help_start_digit: "choose an item directly",
    help_start_ok: "choose the selected item",
    help_resume_open: "continue the selected needs analysis",
    help_follow_up: "start a follow-up visit to the same company",
    help_back_start: "back to the start screen",
    help_import: "import the file as a new needs analysis",
    help_field_prev: "previous field",
    help_field_next: "next field",
    help_company_enter: "next field; on the button: on to the questions",
    help_to_questions: "on to the questions",
    help_leave: "back to the start screen (everything is saved)",
    help_summary: "the summary",
    help_opt_up: "previous option",
    help_opt_down: "next option",
    help_scale_down: "lower value",
    help_scale_up: "higher value",
    help_digit_choose: "choose an option or value directly",
    help_digit_tick: "tick or untick an option",
    help_tick: "tick or untick the selected option",
    help_space_choose: "choose the selected option",
    help_enter_next: "save the answer and go to the next question",
    help_next: "next question without changing the answer",
    help_prev: "previous question without changing the answer",
    help_unknown: "answer \"don't know\" (again: remove it)",
    help_na: "answer \"not applicable\" (again: remove it)",
    help_note: "note on the question (goes with the summary)",
    help_private: "private note (advisor only, never exported)",
    help_needs: "show or hide the needs per area",
    help_sections: "the section list",
    help_compact: "the whole section at once",
    help_clear: "remove the answer",
    help_jump: "go to the section",
    help_section_digit: "select section number",
    help_to_question: "back to the question",
    help_consent: "consent to a referral to the selected actor",
    help_to_folder: "the folder to save in",
    help_export: "export referrals and the summary",
    help_scroll_up: "scroll the details up",
    help_scroll_down: "scroll the details down",
    help_back_questions: "back to the questions",
    help_to_actors: "back to the actors",
    help_note_save: "save the note",
    help_note_cancel: "close without saving",
    help_yes: "yes, quit",
    help_no: "no, go on",
    help_close: "close the help",
    holder_unknown: "holder unknown",
    someone: "someone",
    unknown_host: "unknown host",
    writer_stopped: "the thread that saves has stopped",
    no_data_dir: "no data directory could be determined; pass --data-dir or set BEHOVSANALYS_DATA_DIR",
    opening: "Opening …",
    referrals: &super::referral::TUI_EN,
};

/// The fixed words of a language.
pub fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::Sv => &SV,
        Lang::En => &EN,
    }
}

pub fn too_small(
    l: Lang,
    w: impl Display,
    h: impl Display,
    mw: impl Display,
    mh: impl Display,
) -> String {
    match l {
        Lang::Sv => format!("Fönstret är för litet ({w}×{h}). Gör det minst {mw}×{mh}."),
        Lang::En => format!("The window is too small ({w}×{h}). Make it at least {mw}×{mh}."),
    }
}

pub fn question_of(l: Lang, i: impl Display, n: impl Display) -> String {
    match l {
        Lang::Sv => format!("Fråga {i} av {n}"),
        Lang::En => format!("Question {i} of {n}"),
    }
}

pub fn progress(l: Lang, done: impl Display, total: impl Display) -> String {
    match l {
        Lang::Sv => format!("{done} av {total} frågor besvarade"),
        Lang::En => format!("{done} of {total} questions answered"),
    }
}

pub fn number_range(l: Lang, min: impl Display, max: impl Display) -> String {
    match l {
        Lang::Sv => format!("mellan {min} och {max}"),
        Lang::En => format!("between {min} and {max}"),
    }
}

pub fn out_of_range(l: Lang, range: impl Display) -> String {
    match l {
        Lang::Sv => format!("Talet måste vara {range}."),
        Lang::En => format!("The number must be {range}."),
    }
}

pub fn resume_quarantined(l: Lang, n: impl Display, dir: impl Display) -> String {
    match l {
        Lang::Sv => format!("{n} fil(er) kunde inte läsas och lades åt sidan i {dir}"),
        Lang::En => format!("{n} file(s) could not be read and were set aside in {dir}"),
    }
}

pub fn resume_quarantine_old(l: Lang, n: impl Display, dir: impl Display) -> String {
    match l {
        Lang::Sv => format!("{n} fil(er) som inte kunde läsas ligger i {dir}"),
        Lang::En => format!("{n} file(s) that could not be read are in {dir}"),
    }
}

pub fn locked(l: Lang, id: impl Display, holder: impl Display) -> String {
    match l {
        Lang::Sv => format!(
            "Behovsanalysen {id} är öppen i ett annat fönster ({holder}). Stäng den där först."
        ),
        Lang::En => format!(
            "Session {id} is open in another behovsanalys ({holder}); close it there first."
        ),
    }
}

pub fn drift_version(l: Lang, old: impl Display, new: impl Display) -> String {
    match l {
        Lang::Sv => format!("besvarad med version {old}, nu gäller version {new}"),
        Lang::En => format!("answered with version {old}; the version in use is {new}"),
    }
}

pub fn drift_hash(l: Lang, v: impl Display) -> String {
    match l {
        Lang::Sv => format!("innehållet har ändrats (samma version {v})"),
        Lang::En => format!("its content changed (same version {v})"),
    }
}

pub fn drift_renamed(l: Lang, old: impl Display, new: impl Display) -> String {
    match l {
        Lang::Sv => format!("svaret på {old} flyttades till den omdöpta frågan {new}"),
        Lang::En => format!("the answer to {old} was carried over to the renamed question {new}"),
    }
}

pub fn drift_orphan(l: Lang, q: impl Display, v: impl Display, reason: impl Display) -> String {
    match l {
        Lang::Sv => format!("svaret {q} = {v} sparas men räknas inte: {reason}"),
        Lang::En => format!("the answer {q} = {v} is kept but not scored: {reason}"),
    }
}

pub fn follow_up_started(l: Lang, date: impl Display) -> String {
    match l {
        Lang::Sv => format!(
            "Uppföljning av besöket {date}: företagsuppgifterna och kontaktpersonen är kopierade. Vilka är med i dag? Alla frågor besvaras på nytt; sammanfattningen visar vad som ändrats."
        ),
        Lang::En => format!(
            "Follow-up of the visit of {date}: the company details and the contact person are copied. Who is here today? Every question is answered anew; the summary shows what changed."
        ),
    }
}

pub fn imported_new_id(l: Lang, id: impl Display) -> String {
    match l {
        Lang::Sv => {
            format!("En behovsanalys med filens id ({id}) fanns redan; den här fick ett nytt id.")
        }
        Lang::En => {
            format!("A session with the file's id ({id}) already existed; this one got a new id.")
        }
    }
}

pub fn since_last(l: Lang, date: impl Display) -> String {
    match l {
        Lang::Sv => format!("Förra besöket {date}"),
        Lang::En => format!("Last visit {date}"),
    }
}

pub fn needs_moved(l: Lang, up: impl Display, down: impl Display, new: impl Display) -> String {
    match l {
        Lang::Sv => format!("Behov: {up} upp, {down} ned, {new} nya"),
        Lang::En => format!("Needs: {up} up, {down} down, {new} new"),
    }
}

pub fn last_visit_actor(l: Lang, status: impl Display, score: impl Display) -> String {
    match l {
        Lang::Sv => format!("Förra besöket: {status}, poäng {score}"),
        Lang::En => format!("Last visit: {status}, score {score}"),
    }
}

pub fn not_locked(l: Lang, id: impl Display) -> String {
    match l {
        Lang::Sv => format!("behovsanalysen {id} är inte låst av det här fönstret och sparas inte"),
        Lang::En => format!("session {id} is not locked by this window; not saved"),
    }
}

pub fn cannot_create(l: Lang, dir: impl Display, err: impl Display) -> String {
    match l {
        Lang::Sv => format!("kan inte skapa {dir}: {err}"),
        Lang::En => format!("cannot create {dir}: {err}"),
    }
}

pub fn file_exists(l: Lang, path: impl Display) -> String {
    match l {
        Lang::Sv => format!("{path} finns redan"),
        Lang::En => format!("{path} already exists"),
    }
}

pub fn cannot_write(l: Lang, path: impl Display, err: impl Display) -> String {
    match l {
        Lang::Sv => format!("kan inte skriva {path}: {err}"),
        Lang::En => format!("cannot write {path}: {err}"),
    }
}

pub fn holder(
    l: Lang,
    user: impl Display,
    host: impl Display,
    pid: impl Display,
    since: impl Display,
) -> String {
    format!(
        "{user}@{host}, process {pid}{}",
        super::diag::store::since_text(l, &since.to_string())
    )
}

pub fn not_found(l: Lang, id: impl Display) -> String {
    match l {
        Lang::Sv => format!("det finns ingen behovsanalys {id}"),
        Lang::En => format!("there is no session {id}"),
    }
}

pub fn bad_id(l: Lang, id: impl Display) -> String {
    match l {
        Lang::Sv => format!("{id} är inte ett id för en behovsanalys"),
        Lang::En => format!("{id} is not a session id"),
    }
}

pub fn lock_failed(l: Lang, id: impl Display, err: impl Display) -> String {
    match l {
        Lang::Sv => format!("kan inte låsa behovsanalysen {id}: {err}"),
        Lang::En => format!("cannot lock session {id}: {err}"),
    }
}

pub fn quarantined(l: Lang, id: impl Display, to: impl Display) -> String {
    match l {
        Lang::Sv => format!("behovsanalysen {id} kunde inte läsas och flyttades till {to}"),
        Lang::En => format!("session {id} could not be read and was moved to {to}"),
    }
}

pub fn exists(l: Lang, id: impl Display) -> String {
    match l {
        Lang::Sv => format!("det finns redan en behovsanalys {id}"),
        Lang::En => format!("there is already a session {id}"),
    }
}
