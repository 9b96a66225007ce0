//! Words of the referral follow-up: `behovsanalys referrals list|mark`, the
//! outcomes as people read them (also in the report and the wizard), and
//! the errors of marking a referral. See the convention in
//! [`crate::i18n`].

use super::Lang;
use crate::session::referral::{Outcome, ReferralError, TimeError};

/// Fixed words of `referrals list`.
pub struct Words {
    pub col_session: &'static str,
    pub col_company: &'static str,
    pub col_actor: &'static str,
    pub col_sent: &'static str,
    pub col_contacted: &'static str,
    pub col_outcome: &'static str,
    pub col_age: &'static str,
    /// No outcome yet.
    pub open: &'static str,
    /// Not contacted yet.
    pub not_yet: &'static str,
    pub none: &'static str,
    pub none_open: &'static str,
    /// Unit after a number of days / hours.
    pub days: &'static str,
    pub hours: &'static str,
}

pub const SV: Words = Words {
    col_session: "Session",
    col_company: "Företag",
    col_actor: "Aktör",
    col_sent: "Skickad",
    col_contacted: "Kontaktad",
    col_outcome: "Utfall",
    col_age: "Ålder",
    open: "pågår",
    not_yet: "–",
    none: "Inga remisser är skickade.",
    none_open: "Inga öppna remisser.",
    days: "d",
    hours: "h",
};

pub const EN: Words = Words {
    col_session: "Session",
    col_company: "Company",
    col_actor: "Actor",
    col_sent: "Sent",
    col_contacted: "Contacted",
    col_outcome: "Outcome",
    col_age: "Age",
    open: "open",
    not_yet: "–",
    none: "No referrals have been sent.",
    none_open: "No open referrals.",
    days: "d",
    hours: "h",
};

pub fn words(lang: Lang) -> &'static Words {
    lang.pick(&SV, &EN)
}

/// An outcome as people read it.
pub fn outcome(lang: Lang, o: Outcome) -> &'static str {
    match (lang, o) {
        (Lang::Sv, Outcome::Helped) => "hjälpt",
        (Lang::Sv, Outcome::NotRelevant) => "inte aktuell",
        (Lang::Sv, Outcome::Declined) => "avböjd",
        (Lang::Sv, Outcome::NoAnswer) => "inget svar",
        (Lang::En, Outcome::Helped) => "helped",
        (Lang::En, Outcome::NotRelevant) => "not relevant",
        (Lang::En, Outcome::Declined) => "declined",
        (Lang::En, Outcome::NoAnswer) => "no answer",
    }
}

/// Why a referral cannot be marked so.
pub fn error(lang: Lang, e: &ReferralError) -> String {
    use ReferralError as E;
    match (lang, e) {
        (Lang::Sv, E::NotSent(a)) => format!(
            "ingen remiss till `{a}` är skickad från den här sessionen (den registreras när remissen exporteras med företagets samtycke)"
        ),
        (Lang::Sv, E::ContactBeforeSent { sent, at }) => {
            format!("kontakten ({at}) kan inte vara före att remissen skickades ({sent})")
        }
        (Lang::Sv, E::OutcomeBeforeSent { sent, at }) => {
            format!("utfallet ({at}) kan inte vara före att remissen skickades ({sent})")
        }
        (Lang::Sv, E::OutcomeBeforeContact { contacted, at }) => {
            format!("utfallet ({at}) kan inte vara före kontakten ({contacted})")
        }
        (Lang::Sv, E::ContactAfterOutcome { outcome_at, at }) => {
            format!("kontakten ({at}) kan inte vara efter utfallet ({outcome_at})")
        }
        (Lang::Sv, E::NoteTooLong { len, max }) => {
            format!("anteckningen har {len} tecken; högst {max} går")
        }
        (Lang::En, e) => e.to_string(),
    }
}

/// Why a text is not a time.
pub fn time_error(lang: Lang, e: &TimeError) -> String {
    match (lang, e) {
        (Lang::Sv, TimeError::Format(s)) => {
            format!("`{s}` är ingen tidpunkt; skriv ÅÅÅÅ-MM-DD TT:MM (svensk tid) eller RFC 3339")
        }
        (Lang::Sv, TimeError::Ambiguous(s)) => format!(
            "`{s}` finns två gånger eller inte alls i svensk tid (byte till eller från sommartid); skriv tiden i RFC 3339 med tidszon"
        ),
        (Lang::En, e) => e.to_string(),
    }
}

/// A time later than now.
pub fn in_the_future(lang: Lang, at: &str) -> String {
    match lang {
        Lang::Sv => format!("{at} har inte hänt än; ange en tidpunkt som har varit"),
        Lang::En => format!("{at} is in the future; give a time that has passed"),
    }
}

/// The session is open in a wizard.
pub fn locked(lang: Lang, id: &str, holder: &str) -> String {
    match lang {
        Lang::Sv => format!(
            "sessionen `{id}` är öppen i en annan behovsanalys ({holder}); markera remissen där, eller stäng den först"
        ),
        Lang::En => format!(
            "session `{id}` is open in another behovsanalys ({holder}); mark the referral there, or close it first"
        ),
    }
}

/// The session is open in a wizard: an export from here is not recorded.
pub fn locked_export(lang: Lang, id: &str, holder: &str) -> String {
    match lang {
        Lang::Sv => format!(
            "sessionen `{id}` är öppen i en annan behovsanalys ({holder}); exportera remissen där, eller exportera den igen här när sessionen är stängd"
        ),
        Lang::En => format!(
            "session `{id}` is open in another behovsanalys ({holder}); export the referral there, or export it again here once the session is closed"
        ),
    }
}

/// What `referrals mark` did.
pub fn marked_contacted(lang: Lang, actor: &str, company: &str, at: &str) -> String {
    match lang {
        Lang::Sv => format!("Remissen till {actor} om {company}: kontaktad {at}."),
        Lang::En => format!("The referral to {actor} about {company}: contacted {at}."),
    }
}

pub fn marked_outcome(lang: Lang, actor: &str, company: &str, outcome: &str, at: &str) -> String {
    match lang {
        Lang::Sv => format!("Remissen till {actor} om {company}: {outcome} {at}."),
        Lang::En => format!("The referral to {actor} about {company}: {outcome} {at}."),
    }
}

/// After an export from the command line: the referral is recorded as sent.
pub fn recorded_sent(lang: Lang, actor: &str, id: &str) -> String {
    match lang {
        Lang::Sv => format!(
            "Remissen till {actor} är registrerad som skickad i sessionen {id} (följ upp med `behovsanalys referrals mark`)."
        ),
        Lang::En => format!(
            "The referral to {actor} is recorded as sent in session {id} (follow it up with `behovsanalys referrals mark`)."
        ),
    }
}

/// The export was written, but recording it as sent failed.
pub fn sent_not_recorded(lang: Lang, why: &str) -> String {
    match lang {
        Lang::Sv => format!("obs: remissen skrevs men registrerades inte som skickad: {why}"),
        Lang::En => format!("note: the referral was written but not recorded as sent: {why}"),
    }
}

/// Files that could not be read while listing.
pub fn skipped(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Sv => format!("obs: {n} sessionsfil(er) kunde inte läsas och hoppades över"),
        Lang::En => format!("note: {n} session file(s) could not be read and were skipped"),
    }
}

/// Time since a referral was sent, short: `3 d`, `5 h`.
pub fn age(lang: Lang, secs: i64) -> String {
    let w = words(lang);
    let h = secs.max(0) / 3600;
    if h >= 48 {
        format!("{} {}", h / 24, w.days)
    } else {
        format!("{h} {}", w.hours)
    }
}

/// Words of the wizard's referrals view (reached from [`super::tui::Words`]
/// through its `referrals` field, so that key tables can name them).
pub struct Tui {
    pub start_item: &'static str,
    pub heading_session: &'static str,
    pub heading_open: &'static str,
    pub empty_session: &'static str,
    pub empty_open: &'static str,
    pub loading: &'static str,
    pub sent: &'static str,
    pub contacted: &'static str,
    pub not_contacted: &'static str,
    pub outcome_keys: &'static str,
    pub h_referrals: &'static str,
    pub help_referrals: &'static str,
    pub h_contacted: &'static str,
    pub help_contacted: &'static str,
    pub h_outcome: &'static str,
    pub help_outcome: &'static str,
    pub help_back_summary: &'static str,
    pub help_back_start: &'static str,
    pub self_note: &'static str,
}

pub const TUI_SV: Tui = Tui {
    start_item: "Följ upp skickade remisser",
    heading_session: "Remisser från den här behovsanalysen",
    heading_open: "Öppna remisser",
    empty_session: "Inga remisser är skickade än. En remiss registreras som skickad när den exporteras (x i sammanfattningen) med företagets samtycke.",
    empty_open: "Inga öppna remisser.",
    loading: "Läser remisserna …",
    sent: "skickad",
    contacted: "kontaktad",
    not_contacted: "inte kontaktad än",
    outcome_keys: "1 hjälpt · 2 inte aktuell · 3 avböjd · 4 inget svar",
    h_referrals: "remisser",
    help_referrals: "Remisserna från den här behovsanalysen: markera när aktören tagit kontakt och hur det gick",
    h_contacted: "kontaktad",
    help_contacted: "Markera att aktören tog kontakt med företaget (nu)",
    h_outcome: "utfall",
    help_outcome: "Utfall (nu): 1 hjälpt, 2 inte aktuell, 3 avböjd av företaget, 4 inget svar från företaget",
    help_back_summary: "Tillbaka till sammanfattningen",
    help_back_start: "Tillbaka till startsidan",
    self_note: "Remisser följs upp av rådgivaren.",
};

pub const TUI_EN: Tui = Tui {
    start_item: "Follow up the referrals sent",
    heading_session: "Referrals from this needs analysis",
    heading_open: "Open referrals",
    empty_session: "No referral has been sent yet. A referral is recorded as sent when it is exported (x in the summary) with the company's consent.",
    empty_open: "No open referrals.",
    loading: "Reading the referrals …",
    sent: "sent",
    contacted: "contacted",
    not_contacted: "not contacted yet",
    outcome_keys: "1 helped · 2 not relevant · 3 declined · 4 no answer",
    h_referrals: "referrals",
    help_referrals: "The referrals from this needs analysis: record when the actor made contact and how it ended",
    h_contacted: "contacted",
    help_contacted: "Record that the actor contacted the company (now)",
    h_outcome: "outcome",
    help_outcome: "Outcome (now): 1 helped, 2 not relevant, 3 declined by the company, 4 no answer from the company",
    help_back_summary: "Back to the summary",
    help_back_start: "Back to the start screen",
    self_note: "Referrals are followed up by the advisor.",
};

/// A referral marked in the wizard.
pub fn marked(lang: Lang, actor: &str, what: &str) -> String {
    match lang {
        Lang::Sv => format!("{actor}: {what} (sparat)"),
        Lang::En => format!("{actor}: {what} (saved)"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_outcome_and_error_in_both_languages() {
        for lang in Lang::ALL {
            for o in Outcome::ALL {
                assert!(!outcome(lang, o).is_empty());
            }
            assert!(error(lang, &ReferralError::NotSent("een".into())).contains("een"));
            assert_eq!(age(lang, 5 * 3600 + 10), format!("5 {}", words(lang).hours));
            assert_eq!(age(lang, 3 * 86_400), format!("3 {}", words(lang).days));
        }
    }
}
