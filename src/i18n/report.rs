//! Words and number formats of the statistics report (`behovsanalys
//! report`). See the convention in [`crate::i18n`].
//!
//! Numbers people read follow the language: Swedish has a decimal comma, a
//! non-breaking space between thousands and before `%` (`1 234`,
//! `15,8 %`) and a real minus sign; English `1,234`, `15.8%`. CSV and JSON
//! never use these (they are for machines: a dot and no separators).

use super::Lang;

/// A suppressed figure, as statistics offices write it.
pub const SUPPRESSED: &str = "..";

/// No-break space: thousands and `%` stay on the line of their number.
const NBSP: char = '\u{a0}';

/// Fixed words of the report, by language.
pub struct Words {
    pub title: &'static str,
    pub date: &'static str,
    pub questionnaire: &'static str,
    pub min_group: &'static str,
    pub selection: &'static str,
    pub all_sessions: &'static str,
    pub overview: &'static str,
    pub item: &'static str,
    pub number: &'static str,
    pub companies_reached: &'static str,
    pub visits: &'static str,
    pub follow_up_visits: &'static str,
    pub self_assessments: &'static str,
    pub self_imported: &'static str,
    pub self_not_imported: &'static str,
    pub sessions: &'static str,
    pub complete: &'static str,
    pub partial: &'static str,
    pub with_follow_up: &'static str,
    pub complete_note: &'static str,
    pub empty: &'static str,
    pub unreadable: &'static str,
    pub other_q: &'static str,
    /// Headings of the companies reached, by municipality, industry, size.
    pub companies_by: [&'static str; 3],
    /// Column heads of those groups.
    pub group_by: [&'static str; 3],
    pub companies: &'static str,
    pub needs_all: &'static str,
    pub needs_note: &'static str,
    pub context_note: &'static str,
    /// Headings of the largest needs by municipality, industry, size.
    pub top_needs_by: [&'static str; 3],
    pub top_needs: &'static str,
    pub area: &'static str,
    pub mean: &'static str,
    pub high: &'static str,
    pub referrals: &'static str,
    pub referrals_note: &'static str,
    pub actor: &'static str,
    pub sent: &'static str,
    pub contacted: &'static str,
    pub within_24h: &'static str,
    pub median_to_contact: &'static str,
    pub of: &'static str,
    pub outcomes: &'static str,
    pub open: &'static str,
    pub all_actors: &'static str,
    pub actors: &'static str,
    pub recommended: &'static str,
    pub consent: &'static str,
    pub rec_consent: &'static str,
    pub map_size: &'static str,
    pub map_industry: &'static str,
    pub industries: &'static str,
    pub unknown: &'static str,
    pub question: &'static str,
    pub unknown_n: &'static str,
    pub shown: &'static str,
    pub share: &'static str,
    pub none: &'static str,
    pub follow: &'static str,
    pub first: &'static str,
    pub latest: &'static str,
    pub change: &'static str,
    pub improved: &'static str,
    pub worsened: &'static str,
    pub unknown_industry: &'static str,
    pub tables: &'static str,
    /// Group labels of the statistics (`needs[].groups[].label`).
    pub group_all: &'static str,
    pub group_industry_unknown: &'static str,
    pub group_size_unknown: &'static str,
    /// After a size class: "10-49 anställda".
    pub employees: &'static str,
    pub group_municipality_other: &'static str,
    pub group_municipality_unknown: &'static str,
    /// Chart texts.
    pub chart_needs: &'static str,
    pub chart_referrals: &'static str,
    pub chart_follow: &'static str,
    pub referrals_sent: &'static str,
    pub legend_follow: &'static str,
    pub hours_unit: &'static str,
    pub days_unit: &'static str,
    pub more: &'static str,
}

pub const SV: Words = Words {
    title: "Behovsanalyser – regional uppföljning",
    date: "Datum",
    questionnaire: "Frågeformulär",
    min_group: "Minsta redovisade grupp",
    selection: "Urval",
    all_sessions: "alla sparade behovsanalyser",
    overview: "Översikt",
    item: "Uppgift",
    number: "Antal",
    companies_reached: "Företag som nåtts",
    visits: "Besök",
    follow_up_visits: "Uppföljningsbesök",
    self_assessments: "Självskattningar",
    self_imported: "– varav inför ett besök (importerade)",
    self_not_imported: "– varav inte (ännu) importerade",
    sessions: "Behovsanalyser (besök, uppföljningar och självskattningar som inte importerats)",
    complete: "– kompletta",
    partial: "– ofullständiga",
    with_follow_up: "Företag med uppföljningsbesök",
    complete_note: "Komplett: varje visad fråga som inte är en fritextfråga är besvarad eller markerad ”vet ej” eller ”ej relevant”. Ett besök som började med företagets självskattning är ett besök och en självskattning.",
    empty: "tomma sessioner (inga svar) räknas inte",
    unreadable: "filer kunde inte läsas",
    other_q: "filer hör till ett annat frågeformulär",
    companies_by: [
        "Företag per bransch (SNI-avdelning)",
        "Företag per storlek",
        "Företag per kommun",
    ],
    group_by: ["Bransch", "Storlek", "Kommun"],
    companies: "Företag",
    needs_all: "Behov per område",
    needs_note: "Varje företag räknas en gång, med sin första kompletta behovsanalys (annars sin första; besök före självskattning). Medelbehov 0–100; högt behov är 67 eller mer. Företag: de som har ett känt behov i området.",
    context_note: "Inte behov (ingen aktör väger in området; det är sammanhang)",
    top_needs_by: [
        "Största behoven per bransch",
        "Största behoven per storlek",
        "Största behoven per kommun",
    ],
    top_needs: "Största behov (medelbehov)",
    area: "Område",
    mean: "Medelbehov",
    high: "Högt behov (≥ 67)",
    referrals: "Remisser per aktör",
    referrals_note: "Kontakt inom 24 timmar räknas i kalendertimmar (inte arbetstid) från att remissen skickades. Andelen gäller remisser vars 24 timmar hade gått",
    actor: "Aktör",
    sent: "Skickade",
    contacted: "Kontaktade",
    within_24h: "Kontaktade inom 24 h",
    median_to_contact: "Median till kontakt",
    of: "av",
    outcomes: "Utfall",
    open: "Pågår",
    all_actors: "Alla aktörer",
    actors: "Rekommendationer och samtycken per aktör",
    recommended: "Rekommenderad",
    consent: "Samtycke",
    rec_consent: "Rekommenderad med samtycke",
    map_size: "Rekommendationer efter storlek",
    map_industry: "Rekommendationer efter bransch",
    industries: "Vanligaste branscherna (antal)",
    unknown: "Vanligaste ”vet ej”-frågorna",
    question: "Fråga",
    unknown_n: "Vet ej",
    shown: "Visad",
    share: "Andel",
    none: "Inga.",
    follow: "Uppföljningsbesök: hur behoven förändrades",
    first: "Första besöket",
    latest: "Senaste besöket",
    change: "Förändring",
    improved: "Minskat ≥ 10",
    worsened: "Ökat ≥ 10",
    unknown_industry: "okänd",
    tables: "Tabeller",
    group_all: "Alla",
    group_industry_unknown: "Okänd bransch",
    group_size_unknown: "Okänt antal anställda",
    employees: "anställda",
    group_municipality_other: "Övriga kommuner",
    group_municipality_unknown: "Okänd kommun",
    chart_needs: "Medelbehov per område, 0–100",
    chart_referrals: "Remisser per aktör och andelen kontaktade inom 24 timmar",
    chart_follow: "Medelbehov vid första och senaste besöket",
    referrals_sent: "Remisser skickade",
    legend_follow: "○ första besöket · ● senaste besöket · siffrorna: första → senaste (förändring)",
    hours_unit: "h",
    days_unit: "dagar",
    more: "fler",
};

pub const EN: Words = Words {
    title: "Needs analyses – regional follow-up",
    date: "Date",
    questionnaire: "Questionnaire",
    min_group: "Smallest group shown",
    selection: "Selection",
    all_sessions: "all saved assessments",
    overview: "Overview",
    item: "Item",
    number: "Number",
    companies_reached: "Companies reached",
    visits: "Visits",
    follow_up_visits: "Follow-up visits",
    self_assessments: "Self-assessments",
    self_imported: "– of which before a visit (imported)",
    self_not_imported: "– of which not (yet) imported",
    sessions: "Assessments (visits, follow-ups and self-assessments not imported)",
    complete: "– complete",
    partial: "– partial",
    with_follow_up: "Companies with a follow-up visit",
    complete_note: "Complete: every question shown that is not a free-text question is answered or marked “don't know” or “not applicable”. A visit that began with the company's self-assessment is a visit and a self-assessment.",
    empty: "empty sessions (no answers) are not counted",
    unreadable: "files could not be read",
    other_q: "files belong to another questionnaire",
    companies_by: [
        "Companies by industry (SNI section)",
        "Companies by size",
        "Companies by municipality",
    ],
    group_by: ["Industry", "Size", "Municipality"],
    companies: "Companies",
    needs_all: "Needs per area",
    needs_note: "Each company counts once, with its first complete assessment (else its first; visits before self-assessments). Mean need 0–100; a high need is 67 or more. Companies: those with a known need in the area.",
    context_note: "Not needs (no actor weighs the area; it is context)",
    top_needs_by: [
        "Largest needs by industry",
        "Largest needs by size",
        "Largest needs by municipality",
    ],
    top_needs: "Largest needs (mean need)",
    area: "Area",
    mean: "Mean need",
    high: "High need (≥ 67)",
    referrals: "Referrals per actor",
    referrals_note: "Contact within 24 hours is counted in calendar hours (not business hours) from when the referral was sent. The share is of the referrals whose 24 hours had passed",
    actor: "Actor",
    sent: "Sent",
    contacted: "Contacted",
    within_24h: "Contacted within 24 h",
    median_to_contact: "Median to contact",
    of: "of",
    outcomes: "Outcomes",
    open: "Open",
    all_actors: "All actors",
    actors: "Recommendations and consents per actor",
    recommended: "Recommended",
    consent: "Consent",
    rec_consent: "Recommended with consent",
    map_size: "Recommendations by size",
    map_industry: "Recommendations by industry",
    industries: "Most frequent industries (number)",
    unknown: "Most frequent “don't know” questions",
    question: "Question",
    unknown_n: "Don't know",
    shown: "Shown",
    share: "Share",
    none: "None.",
    follow: "Follow-up visits: how the needs moved",
    first: "First visit",
    latest: "Latest visit",
    change: "Change",
    improved: "Fell ≥ 10",
    worsened: "Rose ≥ 10",
    unknown_industry: "unknown",
    tables: "Tables",
    group_all: "All",
    group_industry_unknown: "Unknown industry",
    group_size_unknown: "Unknown number of employees",
    employees: "employees",
    group_municipality_other: "Other municipalities",
    group_municipality_unknown: "Unknown municipality",
    chart_needs: "Mean need per area, 0–100",
    chart_referrals: "Referrals per actor and the share contacted within 24 hours",
    chart_follow: "Mean need at the first and the latest visit",
    referrals_sent: "Referrals sent",
    legend_follow: "○ first visit · ● latest visit · numbers: first → latest (change)",
    hours_unit: "h",
    days_unit: "days",
    more: "more",
};

pub fn words(lang: Lang) -> &'static Words {
    lang.pick(&SV, &EN)
}

/// The note under the title: what `..` means.
pub fn suppressed_note(lang: Lang, min: u64) -> String {
    match lang {
        Lang::Sv => format!(
            "{SUPPRESSED} = redovisas inte: färre än {min} företag, behovsanalyser eller remisser, eller dolt för att en annan dold uppgift inte ska kunna räknas fram ur summorna."
        ),
        Lang::En => format!(
            "{SUPPRESSED} = not shown: fewer than {min} companies, assessments or referrals, or hidden so that another hidden figure cannot be worked out from the totals."
        ),
    }
}

/// The end of the referrals note: "at 2026-12-31 24:00".
pub fn as_of(lang: Lang, when: &str) -> String {
    match lang {
        Lang::Sv => format!(" vid {when}, eller som redan kontaktats inom 24 timmar."),
        Lang::En => format!(" at {when}, or that were already contacted within 24 hours."),
    }
}

/// Companies compared at follow-up visits, and the days between visits.
pub fn follow_line(lang: Lang, companies: &str, days: Option<&str>) -> String {
    match (lang, days) {
        (Lang::Sv, Some(d)) => format!(
            "{companies} företag med både första och senaste besöket i urvalet; i genomsnitt {d} dagar mellan besöken. Jämförelsen per område gäller företag där båda besöken har ett behov i området."
        ),
        (Lang::Sv, None) => {
            format!("{companies} företag med både första och senaste besöket i urvalet.")
        }
        (Lang::En, Some(d)) => format!(
            "{companies} companies with both their first and latest visit in the selection; {d} days between the visits on average. Each area compares the companies where both visits have a need in it."
        ),
        (Lang::En, None) => {
            format!(
                "{companies} companies with both their first and latest visit in the selection."
            )
        }
    }
}

/// `+ N more in the tables`.
pub fn more_in_tables(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Sv => format!("+ {n} fler i tabellerna"),
        Lang::En => format!("+ {n} more in the tables"),
    }
}

/// A referral bar's text: `23 · 87,5 % inom 24 h · 9 hjälpta`.
pub fn referral_bar(lang: Lang, sent: &str, share: Option<&str>, helped: Option<&str>) -> String {
    let mut s = sent.to_string();
    if let Some(x) = share {
        s.push_str(&match lang {
            Lang::Sv => format!(" · {x} inom 24 h"),
            Lang::En => format!(" · {x} within 24 h"),
        });
    }
    if let Some(h) = helped {
        s.push_str(&match lang {
            Lang::Sv => format!(" · {h} hjälpta"),
            Lang::En => format!(" · {h} helped"),
        });
    }
    s
}

/// `x of n (share)`: the referrals contacted within 24 hours.
pub fn share_of(lang: Lang, within: &str, due: &str, share: &str) -> String {
    format!("{share} ({within} {} {due})", words(lang).of)
}

fn group_thousands(digits: &str, sep: char) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// A whole number: `1 234` (Swedish, no-break space), `1,234`.
pub fn int(lang: Lang, n: u64) -> String {
    group_thousands(&n.to_string(), lang.pick(NBSP, ','))
}

/// A number with one decimal: `1 234,5`, `−3,2` (Swedish); `1,234.5`.
pub fn dec(lang: Lang, x: f64) -> String {
    let r = (x * 10.0).round() / 10.0;
    let s = format!("{:.1}", r.abs());
    let (whole, frac) = s.split_once('.').unwrap_or((&s, "0"));
    let sign = if r < 0.0 {
        lang.pick("\u{2212}", "-")
    } else {
        ""
    };
    let point = lang.pick(",", ".");
    format!(
        "{sign}{}{point}{frac}",
        group_thousands(whole, lang.pick(NBSP, ','))
    )
}

/// A change with its sign: `+3,2`, `−11,7`, `0,0`.
pub fn signed(lang: Lang, x: f64) -> String {
    let s = dec(lang, x);
    if (x * 10.0).round() > 0.0 {
        format!("+{s}")
    } else {
        s
    }
}

/// A percentage: `15,8 %` (Swedish), `15.8%`.
pub fn pct(lang: Lang, x: f64) -> String {
    match lang {
        Lang::Sv => format!("{}{NBSP}%", dec(lang, x)),
        Lang::En => format!("{}%", dec(lang, x)),
    }
}

/// Hours: `5,5 h`.
pub fn hours(lang: Lang, x: f64) -> String {
    format!("{}{NBSP}{}", dec(lang, x), words(lang).hours_unit)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn swedish_numbers_have_a_decimal_comma_and_spaces() {
        assert_eq!(int(Lang::Sv, 1_234_567), "1\u{a0}234\u{a0}567");
        assert_eq!(int(Lang::Sv, 999), "999");
        assert_eq!(int(Lang::En, 12_345), "12,345");
        assert_eq!(dec(Lang::Sv, 15.84), "15,8");
        assert_eq!(dec(Lang::Sv, 41.0), "41,0");
        assert_eq!(dec(Lang::Sv, 1234.56), "1\u{a0}234,6");
        assert_eq!(dec(Lang::Sv, -11.74), "\u{2212}11,7");
        assert_eq!(dec(Lang::En, -11.74), "-11.7");
        assert_eq!(dec(Lang::Sv, -0.04), "0,0");
        assert_eq!(pct(Lang::Sv, 15.8), "15,8\u{a0}%");
        assert_eq!(pct(Lang::En, 15.8), "15.8%");
        assert_eq!(signed(Lang::Sv, 3.24), "+3,2");
        assert_eq!(signed(Lang::Sv, -3.24), "\u{2212}3,2");
        assert_eq!(hours(Lang::Sv, 5.5), "5,5\u{a0}h");
    }
}
