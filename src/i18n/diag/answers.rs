//! Words of answers-file diagnostics and of the data folder.

use super::{did_you_mean, type_name};
use crate::i18n::Lang;

// ---------------------------------------------------------------- answers files

/// What a question takes, for "wrong type" messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnswerKind {
    Single,
    Multi,
    Scale,
    Number,
    Text,
}

pub fn wrong_answer_type(
    l: Lang,
    id: &str,
    kind: AnswerKind,
    found: crate::tomlread::TomlType,
) -> String {
    let t = type_name(l, found);
    let (sv_kind, sv_takes, en_kind, en_takes) = match kind {
        AnswerKind::Single => (
            "ett enkelval",
            "ett alternativ-id inom citattecken",
            "a single choice",
            "one option id in quotes",
        ),
        AnswerKind::Multi => (
            "ett flerval",
            "en lista av alternativ-id, t.ex. [\"eu\", \"usa\"]",
            "a multiple choice",
            "a list of option ids, e.g. [\"eu\", \"usa\"]",
        ),
        AnswerKind::Scale => (
            "en skala",
            "ett heltal på skalan",
            "a scale",
            "a whole number on its scale",
        ),
        AnswerKind::Number => ("en sifferfråga", "ett tal", "a number question", "a number"),
        AnswerKind::Text => (
            "en textfråga",
            "en text inom citattecken",
            "a text question",
            "a text in quotes",
        ),
    };
    sv_en!(
        l,
        format!("frågan `{id}` är {sv_kind} och tar {sv_takes}, men svaret är {t}"),
        format!("question `{id}` is {en_kind} and takes {en_takes}, found {t}")
    )
}

pub fn wrong_questionnaire(l: Lang, id: &str, in_use: &str) -> String {
    sv_en!(
        l,
        format!(
            "svaren hör till frågeformuläret `{id}`, men frågeformuläret som används är `{in_use}`"
        ),
        format!(
            "these answers belong to questionnaire `{id}`, but the questionnaire in use is `{in_use}`"
        )
    )
}

pub fn add_questionnaire_key(l: Lang, id: &str) -> String {
    sv_en!(
        l,
        format!("lägg till `questionnaire = \"{id}\"` överst"),
        format!("add `questionnaire = \"{id}\"` at the top")
    )
}

pub fn version_differs(l: Lang, v: &str, in_use: &str) -> String {
    sv_en!(
        l,
        format!("besvarad med version {v} av frågeformuläret; versionen som används är {in_use}"),
        format!("answered with version {v} of the questionnaire; the version in use is {in_use}")
    )
}

pub fn consent_unknown_actor(l: Lang, actor: &str, hint: Option<&str>) -> String {
    let hint = did_you_mean(l, hint);
    sv_en!(
        l,
        format!("samtycke för `{actor}`, men det finns ingen sådan aktör{hint}"),
        format!("consent for `{actor}`, but there is no such actor{hint}")
    )
}

pub fn consent_not_bool(l: Lang, actor: &str, t: crate::tomlread::TomlType) -> String {
    let t = type_name(l, t);
    sv_en!(
        l,
        format!("samtycket för `{actor}` ska vara true eller false, men är {t}"),
        format!("consent for `{actor}` must be true or false, found {t}")
    )
}

pub fn bad_org_number(l: Lang, org: &str) -> String {
    sv_en!(
        l,
        format!("`{org}` är inget giltigt svenskt organisationsnummer"),
        format!("`{org}` is not a valid Swedish organisation number")
    )
}

pub fn bad_sni(l: Lang, sni: &str) -> String {
    sv_en!(
        l,
        format!("`{sni}` är ingen SNI-kod"),
        format!("`{sni}` is not an SNI industry code")
    )
}

pub fn key_too_long(l: Lang, key: &str, max: usize) -> String {
    sv_en!(
        l,
        format!("`{key}` är längre än {max} tecken"),
        format!("`{key}` is longer than {max} characters")
    )
}

pub fn answer_too_long(l: Lang, max: usize) -> String {
    sv_en!(
        l,
        format!("svaret är längre än {max} tecken"),
        format!("the answer is longer than {max} characters")
    )
}

pub fn note_unknown_question(l: Lang, id: &str, hint: Option<&str>) -> String {
    let hint = did_you_mean(l, hint);
    sv_en!(
        l,
        format!("en anteckning till `{id}`, men det finns ingen sådan fråga{hint}"),
        format!("a note for `{id}`, but there is no such question{hint}")
    )
}

pub fn note_not_string(l: Lang, id: &str, t: crate::tomlread::TomlType) -> String {
    let t = type_name(l, t);
    sv_en!(
        l,
        format!("anteckningen till `{id}` ska vara en sträng, men är {t}"),
        format!("the note for `{id}` must be a string, found {t}")
    )
}

pub fn not_a_question_of(l: Lang, id: &str, questionnaire: &str, hint: Option<&str>) -> String {
    let hint = did_you_mean(l, hint);
    sv_en!(
        l,
        format!("`{id}` är ingen fråga i `{questionnaire}`{hint}"),
        format!("`{id}` is not a question of `{questionnaire}`{hint}")
    )
}

pub fn answered_twice(l: Lang, id: &str, question: &str) -> String {
    sv_en!(
        l,
        format!("`{id}` besvarar frågan `{question}`, som redan är besvarad under sitt andra namn"),
        format!(
            "`{id}` answers question `{question}`, which is already answered under its other name"
        )
    )
}

pub fn no_unknown(l: Lang, id: &str) -> String {
    sv_en!(
        l,
        format!("frågan `{id}` erbjuder inte \"vet ej\""),
        format!("question `{id}` does not offer \"vet ej\" (unknown)")
    )
}

pub fn no_na(l: Lang, id: &str) -> String {
    sv_en!(
        l,
        format!("frågan `{id}` erbjuder inte \"ej relevant\""),
        format!("question `{id}` does not offer \"ej relevant\" (not applicable)")
    )
}

pub fn answer_unknown_option(
    l: Lang,
    id: &str,
    opt: &str,
    hint: Option<&str>,
    list: &str,
) -> String {
    let hint = did_you_mean(l, hint);
    sv_en!(
        l,
        format!("frågan `{id}` har inget alternativ `{opt}`{hint} (alternativ: {list})"),
        format!("question `{id}` has no option `{opt}`{hint} (options: {list})")
    )
}

pub fn multi_item_type(l: Lang, id: &str, t: crate::tomlread::TomlType) -> String {
    let t = type_name(l, t);
    sv_en!(
        l,
        format!("alternativen i `{id}` ska vara alternativ-id inom citattecken, men ett är {t}"),
        format!("the options of `{id}` must be option ids in quotes, found {t}")
    )
}

pub fn outside_scale(l: Lang, x: &str, id: &str, lo: &str, hi: &str) -> String {
    sv_en!(
        l,
        format!("{x} ligger utanför skalan för `{id}` ({lo}–{hi})"),
        format!("{x} is outside the scale of `{id}` ({lo}–{hi})")
    )
}

pub fn outside_range(l: Lang, x: &str, id: &str, lo: &str, hi: &str) -> String {
    sv_en!(
        l,
        format!("{x} ligger utanför det tillåtna intervallet för `{id}` ({lo}–{hi})"),
        format!("{x} is outside the allowed range of `{id}` ({lo}–{hi})")
    )
}

// ---------------------------------------------------------------- the data folder

/// A self-assessment imported a second time (the command line and the
/// wizard say the same).
pub fn already_imported(l: Lang, session: &str) -> String {
    sv_en!(
        l,
        format!(
            "den här självskattningen är redan importerad som behovsanalys `{session}`; den importerades inte igen"
        ),
        format!(
            "this self-assessment was already imported as session `{session}`; it was not imported again"
        )
    )
}

/// An import whose id is taken by a session that did not come from it.
pub fn session_exists(l: Lang, id: &str) -> String {
    sv_en!(
        l,
        format!("det finns redan en behovsanalys `{id}`; den skrevs inte över"),
        format!("there is already a session `{id}`; it was not overwritten")
    )
}

pub fn folder_tightened(l: Lang, path: &str, mode: u32) -> String {
    sv_en!(
        l,
        format!(
            "mappen {path} gick att skriva i för andra (läge {mode:o}); nu får bara du läsa och skriva i den (700)"
        ),
        format!(
            "the folder {path} was writable by others (mode {mode:o}); it is now yours only (700)"
        )
    )
}

pub fn folder_open_to_others(l: Lang, path: &str) -> String {
    sv_en!(
        l,
        format!(
            "varning: andra kan skriva i mappen {path}, och de kan byta ut sessioner där; använd en egen mapp (chmod 700)"
        ),
        format!(
            "warning: others can write to the folder {path} and could swap sessions there; use a folder of your own (chmod 700)"
        )
    )
}

pub fn folder_not_created(l: Lang, path: &str, err: &str) -> String {
    sv_en!(
        l,
        format!("mappen {path} kunde inte skapas ({err}); sessioner kan läsas men inte sparas"),
        format!(
            "the folder {path} could not be created ({err}); sessions can be read but not saved"
        )
    )
}

pub fn unknown_key_kept(l: Lang, key: &str, place: &str, suggestion: Option<&str>) -> String {
    let hint = did_you_mean(l, suggestion);
    sv_en!(
        l,
        format!(
            "okänd nyckel `{key}` i {place}{hint}; den sparas som den är men används inte (kanske från en nyare version)"
        ),
        format!(
            "unknown key `{key}` in {place}{hint}; it is kept as it is but not used (perhaps from a newer version)"
        )
    )
}

// ---------------------------------------------------------------- drift

pub fn drift_version(l: Lang, before: &str, now: &str) -> String {
    sv_en!(
        l,
        format!("besvarad med frågeformulärets version {before}; versionen som används är {now}"),
        format!("answered with questionnaire version {before}; the version in use is {now}")
    )
}

pub fn drift_hash(l: Lang, version: &str) -> String {
    sv_en!(
        l,
        format!("frågeformuläret har ändrats sedan sessionen sparades (samma version {version})"),
        format!("the questionnaire changed since this session was saved (same version {version})")
    )
}

pub fn drift_renamed(l: Lang, old: &str, new: &str) -> String {
    sv_en!(
        l,
        format!("svaret på `{old}` fördes över till den omdöpta frågan `{new}`"),
        format!("the answer to `{old}` was carried over to the renamed question `{new}`")
    )
}

pub fn drift_orphan(l: Lang, question: &str, value: &str, reason: &str) -> String {
    sv_en!(
        l,
        format!("föräldralöst svar `{question}` = {value} sparas men räknas inte: {reason}"),
        format!("orphaned answer `{question}` = {value} kept but not scored: {reason}")
    )
}
