//! Words of the command line: `--help`, messages, prompts, errors and the
//! text output of `score`, `sessions` and `check --explain`. See the
//! convention in [`crate::i18n`]. The help texts are in [`help`].

pub mod help;

use super::Lang;
use crate::diag::NodeKind;

/// Words of `score --format text` (also the end of `sessions show`).
pub struct Score {
    pub needs: &'static str,
    pub actors: &'static str,
    pub recommended: &'static str,
    pub open: &'static str,
    pub none: &'static str,
    pub answered_of: &'static str,
    pub rule: &'static str,
    pub answer: &'static str,
    pub services: &'static str,
    pub undecided: &'static str,
    pub ineligible: &'static str,
    /// Heading of the company's own next steps (advice).
    pub advice: &'static str,
    /// After a score at the threshold with too little answered.
    pub provisional: &'static str,
    /// "answered" in the coverage of an area ("60 % answered").
    pub covered: &'static str,
    /// Before the date of the sanctions data, after a reason that uses it.
    pub sanctions_as_of: &'static str,
}

pub const SCORE_SV: Score = Score {
    needs: "Behov per område",
    actors: "Aktörer",
    recommended: "rekommenderas",
    open: "Öppna frågor",
    none: "inga",
    answered_of: "besvarade",
    rule: "regel",
    answer: "svar",
    services: "tjänster",
    undecided: "beror på obesvarade frågor",
    ineligible: "bara för",
    advice: "Råd till företaget",
    provisional: "för lite besvarat för att rekommendera ännu",
    covered: "besvarat",
    sanctions_as_of: "EU:s sanktioner enligt landdata per",
};

pub const SCORE_EN: Score = Score {
    needs: "Needs per area",
    actors: "Actors",
    recommended: "recommended",
    open: "Open questions",
    none: "none",
    answered_of: "answered",
    rule: "rule",
    answer: "answer",
    services: "services",
    undecided: "depends on unanswered questions",
    ineligible: "only for",
    advice: "Advice for the company",
    provisional: "too little answered to recommend yet",
    covered: "answered",
    sanctions_as_of: "EU sanctions per the country data as of",
};

pub fn score(lang: Lang) -> &'static Score {
    lang.pick(&SCORE_SV, &SCORE_EN)
}

/// Words of `sessions list` and `sessions show`.
pub struct Sessions {
    pub col_id: &'static str,
    pub col_date: &'static str,
    pub col_company: &'static str,
    pub col_municipality: &'static str,
    pub col_progress: &'static str,
    pub col_version: &'static str,
    pub self_assessment: &'static str,
    pub advisor_visit: &'static str,
    pub imported: &'static str,
    /// A self-assessment sent from the web form (`meta.origin = "web"`).
    pub from_web: &'static str,
    pub questionnaire_changed: &'static str,
    pub moved_now: &'static str,
    pub reason_not_recorded: &'static str,
    pub ignored: &'static str,
    pub questionnaire: &'static str,
    pub company: &'static str,
    pub municipality: &'static str,
    pub sni: &'static str,
    pub employees: &'static str,
    pub attendees: &'static str,
    pub origin: &'static str,
    pub imported_from: &'static str,
    pub at: &'static str,
    pub consent: &'static str,
    pub contact_person: &'static str,
    pub requested: &'static str,
    pub not_confirmed: &'static str,
    pub none: &'static str,
    pub drift: &'static str,
    pub answers: &'static str,
    pub companys_own: &'static str,
    pub note: &'static str,
    pub private_note: &'static str,
    pub none_yet: &'static str,
    pub unknown: &'static str,
    pub not_applicable: &'static str,
    pub more_need: &'static str,
    pub less_need: &'static str,
    pub same: &'static str,
    pub new: &'static str,
    pub gone: &'static str,
    pub referred_then: &'static str,
    pub recommended_now: &'static str,
    pub answers_changed: &'static str,
}

pub const SESSIONS_SV: Sessions = Sessions {
    col_id: "ID",
    col_date: "DATUM",
    col_company: "FÖRETAG",
    col_municipality: "KOMMUN",
    col_progress: "BESVARAT",
    col_version: "VERSION",
    self_assessment: "självskattning",
    advisor_visit: "rådgivarbesök",
    imported: "importerad",
    from_web: "från webben",
    questionnaire_changed: "frågeformuläret har ändrats",
    moved_now: " (flyttad nu)",
    reason_not_recorded: "orsaken är inte sparad",
    ignored: "hoppade över (heter inte <id>.toml med bokstäver, siffror, - och _)",
    questionnaire: "Frågeformulär",
    company: "Företag",
    municipality: "Kommun",
    sni: "SNI",
    employees: "Anställda",
    attendees: "Närvarande",
    origin: "Ursprung",
    imported_from: "importerad från",
    at: "kl.",
    consent: "Samtycke till remiss",
    contact_person: "Kontaktperson",
    requested: "Företaget bad om remiss till",
    not_confirmed: "inte bekräftat med företaget ännu",
    none: "inga",
    drift: "Ändringar i frågeformuläret sedan sessionen sparades:",
    answers: "Svar:",
    companys_own: "[företagets eget svar]",
    note: "anteckning",
    private_note: "privat anteckning",
    none_yet: "(inga ännu)",
    unknown: "vet ej",
    not_applicable: "ej relevant",
    more_need: "↑ större behov",
    less_need: "↓ mindre behov",
    same: "= oförändrat",
    new: "nytt",
    gone: "inte längre känt",
    referred_then: "Rekommenderades då",
    recommended_now: "Rekommenderas nu",
    answers_changed: "Ändrade svar",
};

pub const SESSIONS_EN: Sessions = Sessions {
    col_id: "ID",
    col_date: "DATE",
    col_company: "COMPANY",
    col_municipality: "MUNICIPALITY",
    col_progress: "PROGRESS",
    col_version: "VERSION",
    self_assessment: "self-assessment",
    advisor_visit: "advisor visit",
    imported: "imported",
    from_web: "from the web",
    questionnaire_changed: "questionnaire changed",
    moved_now: " (moved now)",
    reason_not_recorded: "reason not recorded",
    ignored: "ignored (not named <id>.toml with letters, digits, - and _)",
    questionnaire: "Questionnaire",
    company: "Company",
    municipality: "Municipality",
    sni: "SNI",
    employees: "Employees",
    attendees: "Attendees",
    origin: "Origin",
    imported_from: "imported from",
    at: "at",
    consent: "Consent to referral",
    contact_person: "Contact person",
    requested: "The company asked to be referred to",
    not_confirmed: "not yet confirmed with the company",
    none: "none",
    drift: "Questionnaire changes since this session was saved:",
    answers: "Answers:",
    companys_own: "[company's own answer]",
    note: "note",
    private_note: "private note",
    none_yet: "(none yet)",
    unknown: "don't know",
    not_applicable: "not applicable",
    more_need: "↑ more need",
    less_need: "↓ less need",
    same: "= same",
    new: "new",
    gone: "no longer known",
    referred_then: "Recommended then",
    recommended_now: "Recommended now",
    answers_changed: "Answers changed",
};

pub fn sessions(lang: Lang) -> &'static Sessions {
    lang.pick(&SESSIONS_SV, &SESSIONS_EN)
}

/// Words of the `check --explain` table.
pub struct Explain {
    pub actor: &'static str,
    pub min: &'static str,
    pub max: &'static str,
    pub threshold: &'static str,
    pub recommended: &'static str,
    pub yes: &'static str,
    pub never: &'static str,
}

pub const EXPLAIN_SV: Explain = Explain {
    actor: "aktör",
    min: "min",
    max: "max",
    threshold: "tröskel",
    recommended: "rekommenderas?",
    yes: "ja",
    never: "aldrig",
};

pub const EXPLAIN_EN: Explain = Explain {
    actor: "actor",
    min: "min",
    max: "max",
    threshold: "threshold",
    recommended: "recommended?",
    yes: "yes",
    never: "never",
};

pub fn explain(lang: Lang) -> &'static Explain {
    lang.pick(&EXPLAIN_SV, &EXPLAIN_EN)
}

// ------------------------------------------------------------ messages

/// The prefix of an error message: `behovsanalys: …`.
pub const PROGRAM: &str = "behovsanalys";

/// `check`: a questionnaire that loaded.
pub fn check_ok(lang: Lang, file: &str, counts: [usize; 5], warnings: usize) -> String {
    let [sections, questions, areas, actors, services] = counts;
    let warn = match (lang, warnings) {
        (_, 0) => String::new(),
        (Lang::Sv, 1) => ", 1 varning".into(),
        (Lang::Sv, n) => format!(", {n} varningar"),
        (Lang::En, n) => format!(", {n} warning(s)"),
    };
    match lang {
        Lang::Sv => format!(
            "{file}: ok — {sections} avsnitt, {questions} frågor, {areas} områden, {actors} aktörer, {services} tjänster{warn}"
        ),
        Lang::En => format!(
            "{file}: ok — {sections} sections, {questions} questions, {areas} areas, {actors} actors, {services} services{warn}"
        ),
    }
}

/// `check --explain`: an actor whose threshold no answer set reached.
pub fn explain_not_found(lang: Lang, at_most: i64) -> String {
    match lang {
        Lang::Sv => format!("inte hittat (når som mest {at_most})"),
        Lang::En => format!("not found (can reach at most {at_most})"),
    }
}

/// `check --explain`: how the answers were explored.
pub struct ExplainSummary {
    pub warnings: usize,
    pub exhaustive: usize,
    pub limit: u64,
    pub sampled: usize,
    pub samples: u64,
    pub seed: u64,
    pub scored_sets: usize,
}

pub fn explain_summary(lang: Lang, s: &ExplainSummary) -> String {
    let ExplainSummary {
        warnings,
        exhaustive,
        limit,
        sampled,
        samples,
        seed,
        scored_sets,
    } = s;
    match lang {
        Lang::Sv => format!(
            "{warnings} varning(ar). Villkor: {exhaustive} prövade uttömmande (högst {limit} kombinationer vardera), {sampled} med {samples} seedade stickprov (splitmix64, seed {seed:#x}). Poäng: min/max av {scored_sets} svarsuppsättningar (seedade slumpvisa och varje aktörs bästa svar); \"aldrig\" är bevisat med en övre gräns."
        ),
        Lang::En => format!(
            "{warnings} warning(s). Conditions: {exhaustive} checked exhaustively (at most {limit} combinations each), {sampled} by {samples} seeded samples (splitmix64, seed {seed:#x}). Scores: min/max seen over {scored_sets} answer sets (seeded random and each actor's best answers); \"never\" is proven from an upper bound."
        ),
    }
}

pub fn need_answers(lang: Lang) -> &'static str {
    lang.pick(
        "ange svaren med --answers FIL eller --session ID",
        "give the answers with --answers FILE or --session ID",
    )
}

pub fn orphan_answers(lang: Lang, n: usize, id: &str) -> String {
    match lang {
        Lang::Sv => format!(
            "obs: {n} svar i session {id} passar inte frågeformuläret längre; de sparas men räknas inte"
        ),
        Lang::En => format!(
            "note: {n} answer(s) of session {id} do not fit the questionnaire any more; they are kept but not scored"
        ),
    }
}

pub fn wizard_needs_terminal(lang: Lang) -> &'static str {
    lang.pick(
        "guiden behöver en terminal; kör den i en, eller använd ett kommando som `behovsanalys score` (se --help)",
        "the wizard needs a terminal; run it in one, or use a command such as `behovsanalys score` (see --help)",
    )
}

pub fn wrote(lang: Lang, path: &str) -> String {
    match lang {
        Lang::Sv => format!("skrev {path}"),
        Lang::En => format!("wrote {path}"),
    }
}

/// After an import that was refused.
pub fn keep_both_hint(lang: Lang) -> &'static str {
    lang.pick(
        "(importera med --as-new för att behålla båda)",
        "(import with --as-new to keep both)",
    )
}

pub fn summary_for_whom(lang: Lang) -> &'static str {
    lang.pick(
        "säg vad som ska exporteras: --actor ID, --company eller --handover",
        "say what to export: --actor ID, --company or --handover",
    )
}

pub fn exists_use_force(lang: Lang, path: &str) -> String {
    match lang {
        Lang::Sv => format!("{path} finns redan; använd --force för att skriva över den"),
        Lang::En => format!("{path} already exists; use --force to overwrite it"),
    }
}

/// What `--out` found where it was to write, when that is not a regular
/// file.
pub fn not_a_regular_file(lang: Lang, path: &str, kind: NodeKind) -> String {
    let what = match (lang, kind) {
        (Lang::Sv, NodeKind::Folder) => "en mapp",
        (Lang::En, NodeKind::Folder) => "a directory",
        (Lang::Sv, NodeKind::Symlink) => "en symbolisk länk",
        (Lang::En, NodeKind::Symlink) => "a symbolic link",
        (Lang::Sv, NodeKind::Fifo) => "en namngiven rörledning (FIFO)",
        (Lang::En, NodeKind::Fifo) => "a named pipe (FIFO)",
        (Lang::Sv, NodeKind::Device) => "en enhetsfil",
        (Lang::En, NodeKind::Device) => "a device file",
        (Lang::Sv, NodeKind::Socket) => "en socket",
        (Lang::En, NodeKind::Socket) => "a socket",
        (Lang::Sv, NodeKind::Other) => "inte en vanlig fil",
        (Lang::En, NodeKind::Other) => "not a regular file",
    };
    match lang {
        Lang::Sv => format!(
            "{path} är {what}; skriver bara till en vanlig fil eller ett nytt namn (inte ens med --force)"
        ),
        Lang::En => format!(
            "{path} is {what}; only a regular file or a new name is written (not even with --force)"
        ),
    }
}

pub fn cannot_write(lang: Lang, path: &str) -> String {
    match lang {
        Lang::Sv => format!("kan inte skriva {path}"),
        Lang::En => format!("cannot write {path}"),
    }
}

pub fn cannot_create_dir(lang: Lang, path: &str) -> String {
    match lang {
        Lang::Sv => format!("kan inte skapa mappen {path}"),
        Lang::En => format!("cannot create the folder {path}"),
    }
}

pub fn no_data_dir(lang: Lang, path: &str) -> String {
    match lang {
        Lang::Sv => format!("det finns ingen datamapp i {path}"),
        Lang::En => format!("there is no data directory at {path}"),
    }
}

pub fn no_sessions_folder(lang: Lang, path: &str) -> String {
    match lang {
        Lang::Sv => format!("{path} har ingen mapp sessions: är det datamappen?"),
        Lang::En => format!("there is no sessions folder in {path}: is it the data directory?"),
    }
}

pub fn unreadable_skipped(lang: Lang, n: u64, dir: &str) -> String {
    match lang {
        Lang::Sv => format!("obs: {n} fil(er) i {dir} kunde inte läsas och hoppades över"),
        Lang::En => format!("note: {n} file(s) in {dir} could not be read and were skipped"),
    }
}

pub fn period_reversed(lang: Lang, from: &str, to: &str) -> String {
    match lang {
        Lang::Sv => format!("perioden slutar ({to}) innan den börjar ({from})"),
        Lang::En => format!("the period ends ({to}) before it starts ({from})"),
    }
}

pub fn min_group(lang: Lang) -> &'static str {
    lang.pick(
        "--min-group måste vara minst 1",
        "--min-group must be at least 1",
    )
}

pub fn cannot_list(lang: Lang, path: &str) -> String {
    match lang {
        Lang::Sv => format!("kan inte läsa innehållet i {path}"),
        Lang::En => format!("cannot list {path}"),
    }
}

pub fn unknown_actor(lang: Lang, id: &str) -> String {
    match lang {
        Lang::Sv => format!("det finns ingen aktör `{id}` i frågeformuläret"),
        Lang::En => format!("there is no actor `{id}` in the questionnaire"),
    }
}

pub fn no_consent(lang: Lang, actor: &str) -> String {
    match lang {
        Lang::Sv => format!(
            "företaget har inte samtyckt till att dess uppgifter lämnas till {actor}; registrera företagets samtycke först (i guiden, eller under [consent] i svarsfilen)"
        ),
        Lang::En => format!(
            "the company has not consented to sending its data to {actor}; record the company's consent first (in the wizard, or under [consent] in the answers file)"
        ),
    }
}

pub fn not_a_date(lang: Lang, s: &str) -> String {
    match lang {
        Lang::Sv => format!("`{s}` är inget datum; skriv ÅÅÅÅ-MM-DD"),
        Lang::En => format!("`{s}` is not a date; write YYYY-MM-DD"),
    }
}

pub fn no_such_day(lang: Lang, s: &str) -> String {
    match lang {
        Lang::Sv => format!("`{s}` är ingen dag i kalendern"),
        Lang::En => format!("`{s}` is not a day in the calendar"),
    }
}

pub fn no_such_session(lang: Lang, id: &str) -> String {
    match lang {
        Lang::Sv => format!("det finns ingen session `{id}` (se `behovsanalys sessions list`)"),
        Lang::En => format!("there is no session `{id}` (see `behovsanalys sessions list`)"),
    }
}

pub fn delete_needs_yes(lang: Lang, id: &str) -> String {
    match lang {
        Lang::Sv => format!(
            "raderar inte session `{id}` utan bekräftelse: det finns ingen terminal att fråga i; ange --yes"
        ),
        Lang::En => format!(
            "not deleting session `{id}` without confirmation: there is no terminal to ask on; pass --yes"
        ),
    }
}

/// The question before `sessions delete` erases a session.
pub fn delete_prompt(lang: Lang, id: &str, company: &str, files: usize) -> String {
    match lang {
        Lang::Sv => format!(
            "Radera session {id}{company} för gott ({files} fil(er))? Det går inte att ångra. Skriv ja för att bekräfta: "
        ),
        Lang::En => format!(
            "Erase session {id}{company} for good ({files} file(s))? This cannot be undone. Type yes to confirm: "
        ),
    }
}

/// True for an answer that confirms a prompt (`ja`/`yes` in either language).
pub fn is_yes(answer: &str) -> bool {
    matches!(
        answer.trim().to_lowercase().as_str(),
        "yes" | "y" | "ja" | "j"
    )
}

pub fn nothing_deleted(lang: Lang) -> &'static str {
    lang.pick("inget raderades", "nothing deleted")
}

pub fn deleted(lang: Lang, id: &str, files: usize) -> String {
    match lang {
        Lang::Sv => format!("raderade session {id} ({files} fil(er))"),
        Lang::En => format!("deleted session {id} ({files} file(s))"),
    }
}

pub fn follow_up_started(lang: Lang, prev: &str, company: &str) -> String {
    match lang {
        Lang::Sv => format!("nytt uppföljningsbesök av session {prev}{company}"),
        Lang::En => format!("new follow-up visit of session {prev}{company}"),
    }
}

pub fn imported(lang: Lang, file: &str, answers: usize, company: &str) -> String {
    match lang {
        Lang::Sv => format!("importerade {file}: {answers} svar från företaget{company}"),
        Lang::En => format!("imported {file}: {answers} answer(s) from the company{company}"),
    }
}

pub fn no_sessions_in(lang: Lang, dir: &str) -> String {
    match lang {
        Lang::Sv => format!("inga sessioner i {dir}"),
        Lang::En => format!("no sessions in {dir}"),
    }
}

/// `sessions list` when every session there is one it cannot read now.
pub fn no_readable_sessions_in(lang: Lang, dir: &str) -> String {
    match lang {
        Lang::Sv => format!("inga sessioner som kan läsas just nu i {dir}"),
        Lang::En => format!("no sessions that can be read now in {dir}"),
    }
}

pub fn follow_up_of(lang: Lang, id: &str) -> String {
    match lang {
        Lang::Sv => format!("uppföljning av {id}"),
        Lang::En => format!("follow-up of {id}"),
    }
}

pub fn quarantined(lang: Lang, n: usize, dir: &str) -> String {
    match lang {
        Lang::Sv => format!(
            "{n} fil(er) i karantän ({dir}), undanlagda eftersom de inte är giltiga sessioner:"
        ),
        Lang::En => format!(
            "{n} file(s) in quarantine ({dir}), kept aside because they are not valid sessions:"
        ),
    }
}

pub fn unreadable_sessions(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Sv => format!("{n} session(er) kan inte läsas just nu:"),
        Lang::En => format!("{n} session(s) cannot be read now:"),
    }
}

pub fn session_heading(lang: Lang, id: &str, mode: &str, created: &str, updated: &str) -> String {
    match lang {
        Lang::Sv => format!("Session {id} ({mode}), skapad {created}, ändrad {updated}"),
        Lang::En => format!("Session {id} ({mode}), created {created}, updated {updated}"),
    }
}

pub fn previous_unreadable(lang: Lang, id: &str, why: &str) -> String {
    match lang {
        Lang::Sv => format!("Förra besöket {id}: kan inte läsas ({why})"),
        Lang::En => format!("Previous visit {id}: cannot be read ({why})"),
    }
}

pub fn since_previous(lang: Lang, id: &str, date: &str) -> String {
    match lang {
        Lang::Sv => format!("Sedan förra besöket ({id}, {date}):"),
        Lang::En => format!("Since the previous visit ({id}, {date}):"),
    }
}

/// A mistake on the command line, as the argument parser found it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UsageError {
    InvalidValue {
        arg: String,
        value: String,
        possible: Vec<String>,
    },
    /// A value the option's own parser refused, with its reason.
    BadValue {
        arg: String,
        value: String,
        why: String,
    },
    UnknownArgument {
        arg: String,
        suggestion: Option<String>,
    },
    UnknownCommand {
        name: String,
        suggestion: Option<String>,
    },
    MissingRequired {
        args: Vec<String>,
    },
    Conflict {
        arg: String,
        with: String,
    },
    MissingValue {
        arg: String,
    },
}

/// A usage error in words, or `None` where the argument parser's own
/// (English) message is used.
pub fn usage_error(lang: Lang, e: &UsageError) -> Option<String> {
    if lang == Lang::En {
        return None;
    }
    let tip = |s: &Option<String>| {
        s.as_ref()
            .map(|s| format!("\n\n  tips: menade du '{s}'?"))
            .unwrap_or_default()
    };
    let text = match e {
        UsageError::InvalidValue {
            arg,
            value,
            possible,
        } => format!(
            "ogiltigt värde '{value}' för '{arg}'\n  [möjliga värden: {}]",
            possible.join(", ")
        ),
        UsageError::BadValue { arg, value, why } => {
            format!("ogiltigt värde '{value}' för '{arg}': {why}")
        }
        UsageError::UnknownArgument { arg, suggestion } => {
            format!("okänt argument '{arg}'{}", tip(suggestion))
        }
        UsageError::UnknownCommand { name, suggestion } => {
            format!("okänt kommando '{name}'{}", tip(suggestion))
        }
        UsageError::MissingRequired { args } => {
            format!(
                "de här argumenten krävs men saknas:\n  {}",
                args.join("\n  ")
            )
        }
        UsageError::Conflict { arg, with } => {
            format!("'{arg}' kan inte användas tillsammans med '{with}'")
        }
        UsageError::MissingValue { arg } => format!("'{arg}' behöver ett värde"),
    };
    Some(format!("fel: {text}\n\nSe '--help' för mer information."))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_in_both_languages() {
        assert_eq!(
            check_ok(Lang::Sv, "f.toml", [1, 2, 3, 4, 5], 1),
            "f.toml: ok — 1 avsnitt, 2 frågor, 3 områden, 4 aktörer, 5 tjänster, 1 varning"
        );
        assert!(check_ok(Lang::En, "f", [0; 5], 2).ends_with(", 2 warning(s)"));
        assert!(is_yes(" JA\n") && is_yes("y") && !is_yes("nej"));
        for lang in Lang::ALL {
            assert!(!score(lang).needs.is_empty());
            assert!(!sessions(lang).answers.is_empty());
            assert!(delete_prompt(lang, "x", "", 2).contains('2'));
        }
    }
}
