//! Words of the web self-assessment (`behovsanalys serve`). See the
//! convention in [`crate::i18n`]. Plain language: the company fills this
//! in alone, without an advisor to explain.

use super::Lang;

pub struct Words {
    pub error_prefix: &'static str,
    pub skip: &'static str,
    pub language_nav: &'static str,
    /// This language's own name, for the switch.
    pub language_name: &'static str,
    pub back: &'static str,
    pub footer_cookies: &'static str,
    pub footer_privacy: &'static str,
    pub error_summary_title: &'static str,
    pub service_short: &'static str,
    pub to_start: &'static str,
    // start
    pub start_title: &'static str,
    pub start_intro: &'static str,
    pub start_time: &'static str,
    pub start_save: &'static str,
    pub start_after: &'static str,
    pub start_have_draft: &'static str,
    pub continue_draft: &'static str,
    pub start_button: &'static str,
    pub resume_heading: &'static str,
    pub resume_intro: &'static str,
    pub resume_link: &'static str,
    pub resume_hint: &'static str,
    pub privacy_heading: &'static str,
    pub privacy_text: &'static str,
    // the code
    pub code_title: &'static str,
    pub code_intro: &'static str,
    pub your_code: &'static str,
    pub code_link_intro: &'static str,
    pub warning: &'static str,
    pub code_keep_secret: &'static str,
    pub code_missing: &'static str,
    pub code_wrong: &'static str,
    pub continue_button: &'static str,
    pub save_later: &'static str,
    // the company
    pub company_title: &'static str,
    pub company_intro: &'static str,
    pub contact_legend: &'static str,
    pub contact_hint: &'static str,
    pub name_needed: &'static str,
    // questions
    pub more_questions: &'static str,
    pub choose_any: &'static str,
    pub country_filter: &'static str,
    pub chosen: &'static str,
    pub unknown: &'static str,
    pub not_applicable: &'static str,
    pub or: &'static str,
    // referral requests
    pub consent_title: &'static str,
    pub consent_intro: &'static str,
    pub consent_confirm: &'static str,
    pub recommended_for_you: &'static str,
    // check
    pub check_title: &'static str,
    pub not_answered: &'static str,
    pub change: &'static str,
    pub not_given: &'static str,
    pub consent_asked: &'static str,
    pub nobody: &'static str,
    pub send_heading: &'static str,
    pub send_text: &'static str,
    pub send_button: &'static str,
    // receipt
    pub receipt_title: &'static str,
    pub your_reference: &'static str,
    pub next_heading: &'static str,
    pub next_text: &'static str,
    pub reference_text: &'static str,
    pub download_summary: &'static str,
    pub print_summary: &'static str,
    pub print_hint: &'static str,
    pub area: &'static str,
    /// The company's summary when the answers show no need yet.
    pub no_needs: &'static str,
    /// The first part of the downloaded file's name.
    pub summary_file: &'static str,
}

pub const SV: Words = Words {
    error_prefix: "Fel:",
    skip: "Hoppa till innehållet",
    language_nav: "Språk",
    language_name: "Svenska",
    back: "Tillbaka",
    footer_cookies: "Vi använder bara nödvändiga kakor (cookies): en som håller reda på era svar medan ni fyller i, en som skyddar formuläret och en som minns språket.",
    footer_privacy: "Era svar sparas på servern tills ni skickar dem, och raderas 30 dagar efter att ni senast sparade om ni inte skickar dem.",
    error_summary_title: "Det finns ett problem",
    service_short: "Behovsanalys export",
    to_start: "Till startsidan",
    start_title: "Start",
    start_intro: "Svara på frågor om företagets export. Svaren visar var företaget behöver stöd och vilka offentliga aktörer – till exempel Almi, Business Sweden, EKN och Enterprise Europe Network – som kan hjälpa till. Ni skickar svaren till det regionala exportcentret.",
    start_time: "Det tar ungefär 20–30 minuter.",
    start_save: "Svaren sparas på varje sida. Ni kan sluta när ni vill och fortsätta senare med en kod.",
    start_after: "Innan ni skickar ser ni alla svar och kan ändra dem. Efteråt får ni en sammanfattning att skriva ut eller spara.",
    start_have_draft: "Ni har redan börjat fylla i.",
    continue_draft: "Fortsätt där ni var",
    start_button: "Börja nu",
    resume_heading: "Fortsätt med en kod",
    resume_intro: "Har ni börjat tidigare och fått en kod?",
    resume_link: "Fortsätt med koden",
    resume_hint: "Koden har 28 tecken, till exempel 7K3M-Q9TD-… Stora eller små bokstäver och bindestreck spelar ingen roll.",
    privacy_heading: "Vad händer med svaren?",
    privacy_text: "Svaren går bara till exportcentrets rådgivare. Om ni vill att en aktör ska kontakta er kryssar ni i det på slutet; rådgivaren bekräftar det med er innan något skickas vidare.",
    code_title: "Spara er kod",
    code_intro: "Med koden kan ni fortsätta senare, från vilken dator som helst. Skriv ner den eller spara länken.",
    your_code: "Er kod",
    code_link_intro: "Eller spara den här länken:",
    warning: "Viktigt",
    code_keep_secret: "Den som har koden kan se och ändra era svar. Dela den inte.",
    code_missing: "Skriv koden ni fick när ni började.",
    code_wrong: "Koden stämmer inte, eller har slutat gälla. Kontrollera att ni skrev av den rätt.",
    continue_button: "Fortsätt",
    save_later: "Spara och fortsätt senare",
    company_title: "Om företaget",
    company_intro: "Uppgifterna behövs för att rådgivaren ska veta vilket företag svaren gäller och vem som ska kontaktas.",
    contact_legend: "Kontaktperson",
    contact_hint: "Den som rådgivaren ska höra av sig till.",
    name_needed: "Skriv företagets namn.",
    more_questions: "Era svar gav fler frågor i det här avsnittet. De står under frågorna ni redan svarat på.",
    choose_any: "Välj alla som stämmer.",
    country_filter: "Sök land",
    chosen: "Valda",
    unknown: "Vet ej",
    not_applicable: "Ej relevant",
    or: "eller",
    consent_title: "Vilka får kontakta er?",
    consent_intro: "Kryssa i de aktörer som ni vill ska kontakta er. Ni kan lämna alla tomma: då går svaren bara till exportcentrets rådgivare.",
    consent_confirm: "Det här är en önskan, inte ett samtycke som skickas vidare direkt: rådgivaren bekräftar det med er innan något lämnas till en aktör.",
    recommended_for_you: "Passar utifrån era svar.",
    check_title: "Kontrollera svaren",
    not_answered: "Inte besvarad",
    change: "Ändra",
    not_given: "Inte angivet",
    consent_asked: "Får kontakta er",
    nobody: "Ingen vald",
    send_heading: "Skicka svaren",
    send_text: "När ni skickar går svaren till det regionala exportcentrets rådgivare. Ni kan inte ändra dem här efteråt, men rådgivaren går igenom dem med er.",
    send_button: "Skicka",
    receipt_title: "Svaren är skickade",
    your_reference: "Er referens",
    next_heading: "Vad händer nu",
    next_text: "En rådgivare på exportcentret går igenom svaren och använder dem som underlag när ni träffas.",
    reference_text: "Ange referensen om ni kontaktar exportcentret.",
    download_summary: "Ladda ner sammanfattningen (HTML)",
    print_summary: "Skriv ut sammanfattningen",
    print_hint: "Sammanfattningen nedan kan ni skriva ut med webbläsarens utskrift (Ctrl+P eller Cmd+P). Den finns kvar här i ett dygn.",
    area: "Område",
    no_needs: "Svaren visar inga behov ännu.",
    summary_file: "sammanfattning",
};

pub const EN: Words = Words {
    error_prefix: "Error:",
    skip: "Skip to main content",
    language_nav: "Language",
    language_name: "English",
    back: "Back",
    footer_cookies: "We only use necessary cookies: one that keeps track of your answers while you fill them in, one that protects the form, and one that remembers the language.",
    footer_privacy: "Your answers are kept on the server until you send them, and deleted 30 days after you last saved if you do not send them.",
    error_summary_title: "There is a problem",
    service_short: "Export needs analysis",
    to_start: "Go to the start page",
    start_title: "Start",
    start_intro: "Answer questions about your company's exports. The answers show where your company needs support and which public organisations – for example Almi, Business Sweden, EKN and the Enterprise Europe Network – can help. You send the answers to the regional export centre.",
    start_time: "It takes about 20–30 minutes.",
    start_save: "Your answers are saved on every page. You can stop at any time and continue later with a code.",
    start_after: "Before you send, you see all your answers and can change them. Afterwards you get a summary to print or save.",
    start_have_draft: "You have already started.",
    continue_draft: "Continue where you left off",
    start_button: "Start now",
    resume_heading: "Continue with a code",
    resume_intro: "Did you start before and get a code?",
    resume_link: "Continue with your code",
    resume_hint: "The code has 28 characters, for example 7K3M-Q9TD-… Capital or small letters and dashes do not matter.",
    privacy_heading: "What happens to your answers?",
    privacy_text: "Your answers only go to the export centre's advisers. If you want an organisation to contact you, you tick it at the end; the adviser confirms it with you before anything is passed on.",
    code_title: "Save your code",
    code_intro: "With the code you can continue later, from any computer. Write it down or save the link.",
    your_code: "Your code",
    code_link_intro: "Or save this link:",
    warning: "Important",
    code_keep_secret: "Anyone who has the code can see and change your answers. Do not share it.",
    code_missing: "Enter the code you got when you started.",
    code_wrong: "The code is not right, or it is no longer valid. Check that you copied it correctly.",
    continue_button: "Continue",
    save_later: "Save and continue later",
    company_title: "About the company",
    company_intro: "The adviser needs these details to know which company the answers are about and whom to contact.",
    contact_legend: "Contact person",
    contact_hint: "The person the adviser should get in touch with.",
    name_needed: "Enter the company's name.",
    more_questions: "Your answers led to more questions in this section. They are below the questions you have already answered.",
    choose_any: "Select all that apply.",
    country_filter: "Search for a country",
    chosen: "Chosen",
    unknown: "Don't know",
    not_applicable: "Not relevant",
    or: "or",
    consent_title: "Who may contact you?",
    consent_intro: "Tick the organisations you would like to contact you. You can leave them all empty: then your answers only go to the export centre's advisers.",
    consent_confirm: "This is a request, not a consent that is passed on at once: the adviser confirms it with you before anything is given to an organisation.",
    recommended_for_you: "Fits your answers.",
    check_title: "Check your answers",
    not_answered: "Not answered",
    change: "Change",
    not_given: "Not given",
    consent_asked: "May contact you",
    nobody: "None chosen",
    send_heading: "Send your answers",
    send_text: "When you send, your answers go to the regional export centre's advisers. You cannot change them here afterwards, but the adviser goes through them with you.",
    send_button: "Send",
    receipt_title: "Your answers have been sent",
    your_reference: "Your reference",
    next_heading: "What happens next",
    next_text: "An adviser at the export centre goes through your answers and uses them to prepare when you meet.",
    reference_text: "Give the reference if you contact the export centre.",
    download_summary: "Download the summary (HTML)",
    print_summary: "Print the summary",
    print_hint: "You can print the summary below with your browser's print command (Ctrl+P or Cmd+P). It stays here for a day.",
    area: "Area",
    no_needs: "The answers show no needs yet.",
    summary_file: "summary",
};

pub fn words(lang: Lang) -> &'static Words {
    lang.pick(&SV, &EN)
}

/// "Steg 3 av 12".
pub fn step_of(l: Lang, n: usize, of: usize) -> String {
    match l {
        Lang::Sv => format!("Steg {n} av {of}"),
        Lang::En => format!("Step {n} of {of}"),
    }
}

/// A page title that says the step: "Export i dag (steg 3 av 12)".
pub fn step_title(l: Lang, title: &str, n: usize, of: usize) -> String {
    match l {
        Lang::Sv => format!("{title} (steg {n} av {of})"),
        Lang::En => format!("{title} (step {n} of {of})"),
    }
}

/// The title and sentence of a plain error page.
pub fn status_words(l: Lang, status: u16) -> (&'static str, &'static str) {
    match (l, status) {
        (Lang::Sv, 403) => (
            "Formuläret gick inte att skicka",
            "Sidan var för gammal eller kom inte från den här webbplatsen. Gå tillbaka, ladda om sidan och försök igen. Det ni sparat tidigare finns kvar.",
        ),
        (Lang::En, 403) => (
            "The form could not be sent",
            "The page was too old or did not come from this website. Go back, reload the page and try again. What you saved before is kept.",
        ),
        (Lang::Sv, 404) => (
            "Sidan finns inte",
            "Kontrollera adressen, eller börja från startsidan.",
        ),
        (Lang::En, 404) => (
            "Page not found",
            "Check the address, or begin from the start page.",
        ),
        (Lang::Sv, 400 | 405) => (
            "Det gick inte att läsa frågan",
            "Adressen eller formuläret var inte det vi väntade oss. Gå tillbaka och försök igen, eller börja från startsidan.",
        ),
        (Lang::En, 400 | 405) => (
            "The request could not be read",
            "The address or the form was not what we expected. Go back and try again, or begin from the start page.",
        ),
        (Lang::Sv, 413) => (
            "För mycket text",
            "Det ni skickade var för stort. Korta ner de längsta svaren och försök igen.",
        ),
        (Lang::En, 413) => (
            "Too much text",
            "What you sent was too large. Shorten the longest answers and try again.",
        ),
        (Lang::Sv, 429) => ("För många försök", "Vänta en stund och försök igen."),
        (Lang::En, 429) => ("Too many attempts", "Wait a moment and try again."),
        (Lang::Sv, _) => (
            "Något gick fel hos oss",
            "Era sparade svar finns kvar. Försök igen om en stund.",
        ),
        (Lang::En, _) => (
            "Something went wrong on our side",
            "Your saved answers are kept. Try again in a while.",
        ),
    }
}

/// "Koden gäller till …".
pub fn code_expires(l: Lang, when: &str) -> String {
    match l {
        Lang::Sv => format!("Koden gäller till {when}, och 30 dagar till varje gång ni sparar."),
        Lang::En => {
            format!("The code is valid until {when}, and for another 30 days each time you save.")
        }
    }
}

/// A company field: (label, hint, autocomplete, input type).
pub fn company_field(
    l: Lang,
    name: &str,
) -> (
    &'static str,
    Option<&'static str>,
    &'static str,
    &'static str,
) {
    let sv = l == Lang::Sv;
    match name {
        "name" => (
            if sv {
                "Företagets namn"
            } else {
                "Company name"
            },
            None,
            "organization",
            "text",
        ),
        "org_number" => (
            if sv {
                "Organisationsnummer (om ni vill)"
            } else {
                "Organisation number (optional)"
            },
            Some(if sv {
                "Tio siffror, till exempel 556036-0793."
            } else {
                "Ten digits, for example 556036-0793."
            }),
            "off",
            "text",
        ),
        "municipality" => (
            if sv { "Kommun" } else { "Municipality" },
            Some(if sv {
                "Där företaget har sin verksamhet."
            } else {
                "Where the company operates."
            }),
            "address-level2",
            "text",
        ),
        "sni" => (
            if sv {
                "Bransch, SNI-kod (om ni vill)"
            } else {
                "Industry, SNI code (optional)"
            },
            Some(if sv {
                "Finns i registreringsbeviset, till exempel 25.620."
            } else {
                "On the registration certificate, for example 25.620."
            }),
            "off",
            "text",
        ),
        "contact_name" => (if sv { "Namn" } else { "Name" }, None, "name", "text"),
        "contact_role" => (
            if sv { "Roll" } else { "Role" },
            Some(if sv {
                "Till exempel vd eller exportansvarig."
            } else {
                "For example CEO or export manager."
            }),
            "organization-title",
            "text",
        ),
        "contact_phone" => (if sv { "Telefon" } else { "Phone" }, None, "tel", "tel"),
        _ => (if sv { "E-post" } else { "Email" }, None, "email", "email"),
    }
}

/// The hint of a number question's range.
pub fn answer_range(l: Lang, range: &str) -> String {
    match l {
        Lang::Sv => format!("Svara med ett tal {range}."),
        Lang::En => format!("Answer with a number {range}."),
    }
}

/// The label of an actor's checkbox.
pub fn contact_me(l: Lang, actor: &str) -> String {
    match l {
        Lang::Sv => format!("{actor} får kontakta oss"),
        Lang::En => format!("{actor} may contact us"),
    }
}

/// What ticking an actor means.
pub fn consent_means(l: Lang, actor: &str) -> String {
    match l {
        Lang::Sv => format!(
            "Om ni kryssar i: när rådgivaren har bekräftat det med er får {actor} de svar som gäller dem och er kontaktperson, och kan höra av sig."
        ),
        Lang::En => format!(
            "If you tick it: once the adviser has confirmed it with you, {actor} gets the answers that concern it and your contact person, and may get in touch."
        ),
    }
}

/// "Skickade 2026-11-25 kl. 14:02."
pub fn sent_at(l: Lang, when: &str) -> String {
    match l {
        Lang::Sv => format!("Skickade {when}."),
        Lang::En => format!("Sent {when}."),
    }
}

/// A need in words, never by colour: "Stort (73 av 100)".
pub fn need_words(l: Lang, need: Option<i64>) -> String {
    let Some(n) = need else {
        return l.pick("Inte känt", "Not known").to_string();
    };
    let level = match n {
        67.. => l.pick("Stort behov", "Large need"),
        34..=66 => l.pick("Visst behov", "Some need"),
        _ => l.pick("Litet behov", "Small need"),
    };
    match l {
        Lang::Sv => format!("{level} ({n} av 100)"),
        Lang::En => format!("{level} ({n} of 100)"),
    }
}

/// The line `serve` prints when it is ready (the first line on stderr);
/// `beyond_loopback`: it listens on an address other computers reach,
/// where browsers keep its Secure cookies only over HTTPS.
pub fn listening(l: Lang, url: &str, target: &str, swept: usize, beyond_loopback: bool) -> String {
    let swept = match (l, swept) {
        (_, 0) => String::new(),
        (Lang::Sv, n) => format!(" ({n} utgångna utkast borttagna)"),
        (Lang::En, n) => format!(" ({n} expired drafts removed)"),
    };
    let proxy = match (l, beyond_loopback) {
        (_, false) => "",
        (Lang::Sv, true) => {
            "; webbläsare sparar formulärets kakor bara över HTTPS – låt regionens TLS-proxy \
             stå framför (docs/WEB.md)"
        }
        (Lang::En, true) => {
            "; browsers keep the form's cookies only over HTTPS – put the region's TLS proxy \
             in front (docs/WEB.md)"
        }
    };
    match l {
        Lang::Sv => format!(
            "behovsanalys serve: lyssnar på {url}; inskickade svar hamnar i {target}{swept}{proxy}"
        ),
        Lang::En => format!(
            "behovsanalys serve: listening on {url}; sent answers land in {target}{swept}{proxy}"
        ),
    }
}

/// "Välj högst 5."
pub fn choose_at_most(l: Lang, max: usize) -> String {
    match l {
        Lang::Sv => format!("Välj högst {max}."),
        Lang::En => format!("Choose at most {max}."),
    }
}

/// The regions a country list is grouped by (country data tags), in order.
pub const REGIONS: [&str; 10] = [
    "nordic",
    "europe",
    "middle_east",
    "asia",
    "africa",
    "north_america",
    "central_america",
    "caribbean",
    "south_america",
    "oceania",
];

/// The name of region `i` of [`REGIONS`] (past the end: the others).
pub fn region_name(l: Lang, i: usize) -> &'static str {
    let sv = [
        "Norden",
        "Europa",
        "Mellanöstern",
        "Asien",
        "Afrika",
        "Nordamerika",
        "Centralamerika",
        "Karibien",
        "Sydamerika",
        "Oceanien",
    ];
    let en = [
        "The Nordic countries",
        "Europe",
        "The Middle East",
        "Asia",
        "Africa",
        "North America",
        "Central America",
        "The Caribbean",
        "South America",
        "Oceania",
    ];
    let names = l.pick(&sv, &en);
    names.get(i).copied().unwrap_or(l.pick("Övriga", "Others"))
}

/// What the country filter says it found; `{n}` and `{of}` are filled in
/// by the script.
pub fn matches_template(l: Lang) -> &'static str {
    l.pick("{n} av {of} länder visas", "{n} of {of} countries shown")
}
