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
    pub unknown_answer: &'static str,
    pub contact: &'static str,
    pub score: &'static str,
    pub points: &'static str,
    pub unknown_advisor: &'static str,
    pub free: &'static str,
    pub subsidised: &'static str,
    pub cost_unknown: &'static str,
    pub paid: &'static str,
    pub made_with: &'static str,
}

pub const SV: Words = Words {
    referral_to: "Hänvisning till",
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
    why: "Därför hänvisas företaget",
    services: "Tjänster som kan passa",
    undecided: "beror på frågor som är obesvarade eller besvarade med ”vet ej”",
    notes: "Anteckningar från besöket",
    tried: "Redan provat",
    other: "Övrigt",
    next_step: "Nästa steg",
    follow_up_text: "Rådgivaren följer upp hänvisningen senast",
    actors: "Aktörer som kan hjälpa er",
    no_actors: "Ingen aktör rekommenderas utifrån svaren.",
    open: "Öppna frågor att ta reda på",
    no_open: "Inga – alla frågor är besvarade.",
    unknown_answer: "vet ej",
    contact: "Kontakt",
    score: "poäng",
    points: "p",
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
    follow_up_text: "The advisor follows up the referral by",
    actors: "Actors that can help you",
    no_actors: "No actor is recommended from the answers.",
    open: "Open questions to find out",
    no_open: "None – all questions are answered.",
    unknown_answer: "don't know",
    contact: "Contact",
    score: "score",
    points: "p",
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

/// The consent sentence of a referral: to whom, when (local time) and
/// recorded by whom, when known.
pub fn consent_statement(lang: Lang, actor: &str, at: Option<&str>, by: Option<&str>) -> String {
    let mut s = match lang {
        Lang::Sv => format!(
            "Företaget har samtyckt till att uppgifterna i den här hänvisningen lämnas till {actor}"
        ),
        Lang::En => format!(
            "The company has consented to the information in this referral being passed on to {actor}"
        ),
    };
    if let Some(at) = at {
        s.push_str(&format!(" ({at})"));
    }
    if let Some(by) = by {
        s.push_str(&match lang {
            Lang::Sv => format!("; samtycket registrerades av {by}"),
            Lang::En => format!("; consent recorded by {by}"),
        });
    }
    s.push('.');
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
