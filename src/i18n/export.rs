//! Words of the referral summaries and the company's summary
//! (`behovsanalys export`, the wizard's exports). See the convention in
//! [`crate::i18n`].

use super::Lang;

/// Fixed words of the documents, by language.
pub struct Words {
    pub referral_to: &'static str,
    pub company_title: &'static str,
    pub reference: &'static str,
    pub date: &'static str,
    pub follow_up: &'static str,
    pub from: &'static str,
    pub to: &'static str,
    pub company: &'static str,
    pub org_number: &'static str,
    pub municipality: &'static str,
    pub industry: &'static str,
    pub size: &'static str,
    pub employees: &'static str,
    pub consent: &'static str,
    pub situation: &'static str,
    pub no_situation: &'static str,
    pub needs: &'static str,
    pub need: &'static str,
    pub no_needs: &'static str,
    pub why: &'static str,
    pub services: &'static str,
    pub undecided: &'static str,
    pub notes: &'static str,
    pub tried: &'static str,
    pub other: &'static str,
    pub next_step: &'static str,
    pub follow_up_text: &'static str,
    pub actors: &'static str,
    pub no_actors: &'static str,
    pub open: &'static str,
    pub no_open: &'static str,
    /// Heading of the advice: what the company can do itself.
    pub advice: &'static str,
    /// Before the pages the actor's and services' facts come from.
    pub sources: &'static str,
    /// "read" before the date a source was checked.
    pub checked: &'static str,
    pub unknown_answer: &'static str,
    pub contact: &'static str,
    pub web: &'static str,
    pub contact_person: &'static str,
    pub phone: &'static str,
    pub email: &'static str,
    pub not_given: &'static str,
    pub unknown_advisor: &'static str,
    pub free: &'static str,
    pub subsidised: &'static str,
    pub cost_unknown: &'static str,
    pub paid: &'static str,
    pub made_with: &'static str,
}

pub const SV: Words = Words {
    referral_to: "Remiss till",
    company_title: "Sammanfattning av behovsanalysen",
    reference: "Referens",
    date: "Datum",
    follow_up: "Uppföljning",
    from: "Från",
    to: "Till",
    company: "Företag",
    org_number: "Org.nr",
    municipality: "Kommun",
    industry: "Bransch (SNI)",
    size: "Storlek",
    employees: "anställda",
    consent: "Samtycke",
    situation: "Exportläget",
    no_situation: "Exportläget framgår inte av svaren.",
    needs: "Behov inom aktörens områden",
    need: "Behov",
    no_needs: "Inga behov inom aktörens områden framgår av svaren.",
    why: "Därför remitteras företaget",
    services: "Tjänster som kan passa",
    undecided: "beror på frågor som är obesvarade eller besvarade med ”vet ej”",
    notes: "Anteckningar från besöket",
    tried: "Redan provat",
    other: "Övrigt",
    next_step: "Nästa steg",
    follow_up_text: "Planerad uppföljning av remissen:",
    actors: "Aktörer som kan hjälpa er",
    no_actors: "Ingen aktör rekommenderas utifrån svaren.",
    open: "Öppna frågor att ta reda på",
    no_open: "Inga – alla frågor är besvarade.",
    advice: "Det här kan ni göra själva",
    sources: "Uppgifterna om aktören och tjänsterna bygger på",
    checked: "läst",
    unknown_answer: "vet ej",
    contact: "Kontakt",
    web: "Webb",
    contact_person: "Kontaktperson",
    phone: "Telefon",
    email: "E-post",
    not_given: "ej angiven",
    unknown_advisor: "(rådgivare ej angiven)",
    free: "kostnadsfritt",
    subsidised: "subventionerat",
    cost_unknown: "kostnad ej angiven",
    paid: "avgiftsbelagt",
    made_with: "Skapad med behovsanalys",
};

pub const EN: Words = Words {
    referral_to: "Referral to",
    company_title: "Summary of the needs analysis",
    reference: "Reference",
    date: "Date",
    follow_up: "Follow-up",
    from: "From",
    to: "To",
    company: "Company",
    org_number: "Org. no.",
    municipality: "Municipality",
    industry: "Industry (SNI)",
    size: "Size",
    employees: "employees",
    consent: "Consent",
    situation: "Export situation",
    no_situation: "The answers do not describe the export situation.",
    needs: "Needs in the actor's areas",
    need: "Need",
    no_needs: "The answers show no needs in the actor's areas.",
    why: "Why the company is referred",
    services: "Services that may fit",
    undecided: "depends on questions not answered or answered “don't know”",
    notes: "Notes from the visit",
    tried: "Already tried",
    other: "Other",
    next_step: "Next step",
    follow_up_text: "Follow-up of the referral planned for",
    actors: "Actors that can help you",
    no_actors: "No actor is recommended from the answers.",
    open: "Open questions to find out",
    no_open: "None – all questions are answered.",
    advice: "What you can do yourselves",
    sources: "The facts about the actor and the services are based on",
    checked: "read",
    unknown_answer: "don't know",
    contact: "Contact",
    web: "Web",
    contact_person: "Contact person",
    phone: "Phone",
    email: "E-mail",
    not_given: "not given",
    unknown_advisor: "(advisor not recorded)",
    free: "free of charge",
    subsidised: "subsidised",
    cost_unknown: "cost not stated",
    paid: "paid",
    made_with: "Made with behovsanalys",
};

pub fn words(lang: Lang) -> &'static Words {
    lang.pick(&SV, &EN)
}

/// What a referral's consent sentence says: to whom, who gave consent
/// (the company's representative, with their role when known), who
/// recorded it (the advisor) and when (Swedish date and time of day).
#[derive(Debug, Clone, Copy, Default)]
pub struct ConsentFacts<'a> {
    pub actor: &'a str,
    pub given_by: Option<&'a str>,
    pub given_by_role: Option<&'a str>,
    pub recorded_by: Option<&'a str>,
    /// `(YYYY-MM-DD, HH:MM)` in Swedish local time.
    pub when: Option<(&'a str, &'a str)>,
}

/// The consent sentences of a referral.
pub fn consent_statement(lang: Lang, f: &ConsentFacts<'_>) -> String {
    let actor = f.actor;
    let mut s = match lang {
        Lang::Sv => format!(
            "Företaget har samtyckt till att uppgifterna i den här remissen lämnas till {actor}."
        ),
        Lang::En => format!(
            "The company has consented to the information in this referral being passed on to {actor}."
        ),
    };
    let giver = f.given_by.map(|g| match f.given_by_role {
        Some(r) => format!("{g} ({r})"),
        None => g.to_string(),
    });
    let when = f.when.map(|(d, t)| match lang {
        Lang::Sv => format!(" den {d} kl. {t} (svensk tid)"),
        Lang::En => format!(" on {d} at {t} (Swedish time)"),
    });
    let when = when.as_deref().unwrap_or("");
    let rest = match (lang, giver.as_deref(), f.recorded_by) {
        (Lang::Sv, Some(g), Some(r)) => {
            format!(" Samtycket gavs av {g} och registrerades av {r}{when}.")
        }
        (Lang::Sv, Some(g), None) => format!(" Samtycket gavs av {g}{when}."),
        (Lang::Sv, None, Some(r)) => format!(" Samtycket registrerades av {r}{when}."),
        (Lang::Sv, None, None) if !when.is_empty() => format!(" Samtycket registrerades{when}."),
        (Lang::Sv, None, None) => " Vem som gav samtycket och när är inte antecknat.".to_string(),
        (Lang::En, Some(g), Some(r)) => {
            format!(" Consent was given by {g} and recorded by {r}{when}.")
        }
        (Lang::En, Some(g), None) => format!(" Consent was given by {g}{when}."),
        (Lang::En, None, Some(r)) => format!(" Consent was recorded by {r}{when}."),
        (Lang::En, None, None) if !when.is_empty() => format!(" Consent was recorded{when}."),
        (Lang::En, None, None) => " Who gave consent, and when, is not recorded.".to_string(),
    };
    s.push_str(&rest);
    s
}

// The export situation, in short sentences (`situation` in a referral).

/// An answer about exporting today without a summary sentence of its own.
pub fn exports_today(lang: Lang, answer: &str) -> String {
    match lang {
        Lang::Sv => format!("Export i dag: {answer}"),
        Lang::En => format!("Exports today: {answer}"),
    }
}

/// The share of turnover, after the sentence about exporting when there is one.
pub fn export_share(lang: Lang, exports: Option<&str>, share: &str) -> String {
    match (lang, exports) {
        (Lang::Sv, Some(e)) => format!("{e}; exporten står för {share} av omsättningen."),
        (Lang::En, Some(e)) => format!("{e}; exports are {share} of turnover."),
        (Lang::Sv, None) => format!("Exporten står för {share} av omsättningen."),
        (Lang::En, None) => format!("Exports are {share} of turnover."),
    }
}

pub fn sells_to(lang: Lang, countries: &str) -> String {
    match lang {
        Lang::Sv => format!("I dag säljer företaget till {countries}."),
        Lang::En => format!("Today the company sells to {countries}."),
    }
}

pub fn wants_to_sell_in(lang: Lang, markets: &str) -> String {
    match lang {
        Lang::Sv => format!("De närmaste två–tre åren vill företaget sälja i: {markets}."),
        Lang::En => {
            format!("Over the next two to three years the company wants to sell in: {markets}.")
        }
    }
}

pub fn payment_terms(lang: Lang, terms: &str) -> String {
    match lang {
        Lang::Sv => format!("Betalningsvillkor till utländska kunder: {terms}."),
        Lang::En => format!("Payment terms for foreign customers: {terms}."),
    }
}

/// `a, b och c` / `a, b and c`.
pub fn join_and(lang: Lang, items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} {} {last}", init.join(", "), lang.pick("och", "and")),
    }
}
