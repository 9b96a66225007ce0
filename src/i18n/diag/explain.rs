//! Words of the `check --explain` warnings.

use crate::i18n::Lang;

/// How a condition was found to be false: "for every possible answer" or
/// "in N seeded samples".
pub fn how(l: Lang, exhaustive: bool, samples: usize, seed: u64) -> String {
    match (exhaustive, l) {
        (true, Lang::Sv) => "för alla möjliga svar".into(),
        (true, Lang::En) => "for every possible answer".into(),
        (false, Lang::Sv) => format!("i {samples} slumpade urval av svaren (frö {seed:#x})"),
        (false, Lang::En) => {
            format!("in {samples} seeded samples of the answers (seed {seed:#x})")
        }
    }
}

pub fn hidden_help(l: Lang) -> String {
    sv_en!(
        l,
        "en obesvarad, \"vet ej\"- eller dold fråga gör varje jämförelse falsk".into(),
        "an unanswered, \"vet ej\" or hidden question makes every comparison false".into()
    )
}

pub fn section_never_shown(l: Lang, id: &str, cond: &str, how: &str, n: usize) -> String {
    sv_en!(
        l,
        format!(
            "avsnittet `{id}` kan aldrig visas: dess show_if `{cond}` är falskt {how}, så dess {n} fråga/frågor visas aldrig"
        ),
        format!(
            "section `{id}` can never be shown: its show_if `{cond}` is false {how}, so its {n} question(s) never are"
        )
    )
}

pub fn question_never_shown(l: Lang, id: &str, cond: &str, how: &str) -> String {
    sv_en!(
        l,
        format!("frågan `{id}` kan aldrig visas: dess show_if `{cond}` är falskt {how}"),
        format!("question `{id}` can never be shown: its show_if `{cond}` is false {how}")
    )
}

pub fn option_no_points(l: Lang, n: usize, id: &str) -> String {
    sv_en!(
        l,
        format!(
            "inget av de {n} alternativen i `{id}` ger poäng till något område, och inget villkor använder frågan: svaret sparas men ändrar inget behov, ingen poäng och ingen tjänst"
        ),
        format!(
            "none of the {n} option(s) of `{id}` gives points to any area, and no condition refers to the question: its answer is recorded but changes no need, score or service"
        )
    )
}

pub fn option_no_points_help(l: Lang) -> String {
    sv_en!(
        l,
        "ge alternativen `needs = { område = poäng }`, eller använd frågan i en show_if, regel eller eligibility".into(),
        "give options `needs = { area = points }`, or use the question in a show_if, rule or eligibility".into()
    )
}

pub fn area_unweighed(l: Lang, id: &str) -> String {
    sv_en!(
        l,
        format!(
            "ingen aktör väger området `{id}`: dess behov visas men flyttar aldrig en aktörs poäng"
        ),
        format!("no actor weighs area `{id}`: its need is shown but never moves an actor's score")
    )
}

pub fn area_unweighed_help(l: Lang) -> String {
    sv_en!(
        l,
        "lägg till det i någon aktörs `weights`, eller strunta i detta om området bara är bakgrund"
            .into(),
        "add it to some actor's `weights`, or ignore this if the area is only context".into()
    )
}

pub fn area_unscored(l: Lang, id: &str) -> String {
    sv_en!(
        l,
        format!(
            "ingen fråga som kan visas ger poäng till området `{id}`: dess behov är alltid okänt"
        ),
        format!(
            "no question that can be shown gives points to area `{id}`: its need is always unknown"
        )
    )
}

pub fn actor_never_eligible(l: Lang, id: &str, cond: &str, how: &str) -> String {
    sv_en!(
        l,
        format!(
            "inget företag kan vara aktuellt för aktören `{id}`: dess eligibility `{cond}` är falskt {how}"
        ),
        format!(
            "no company can be eligible for actor `{id}`: its eligibility `{cond}` is false {how}"
        )
    )
}

pub fn rule_never_fires(l: Lang, actor: &str, cond: &str, how: &str) -> String {
    sv_en!(
        l,
        format!("den här regeln för aktören `{actor}` slår aldrig till: `{cond}` är falskt {how}"),
        format!("this rule of actor `{actor}` can never fire: `{cond}` is false {how}")
    )
}

pub fn service_never_eligible(
    l: Lang,
    service: &str,
    actor: &str,
    cond: &str,
    how: &str,
) -> String {
    sv_en!(
        l,
        format!(
            "inget företag kan få tjänsten `{service}` hos `{actor}`: dess eligibility `{cond}` är falskt {how}"
        ),
        format!(
            "no company can be eligible for service `{service}` of `{actor}`: its eligibility `{cond}` is false {how}"
        )
    )
}

pub fn service_never_eligible_help(l: Lang) -> String {
    sv_en!(
        l,
        "kontrollera jämförelsens riktning och frågans min/max och alternativ".into(),
        "check the comparison's direction and the question's min/max and options".into()
    )
}

pub fn actor_never_recommended(l: Lang, id: &str, upper: &str, threshold: &str) -> String {
    sv_en!(
        l,
        format!(
            "aktören `{id}` kan aldrig rekommenderas: dess poäng når högst {upper} men tröskeln är {threshold}, och ingen regel med `refer = true` kan slå till"
        ),
        format!(
            "actor `{id}` can never be recommended: its score can reach at most {upper} but its threshold is {threshold}, and no rule with `refer = true` can fire"
        )
    )
}

pub fn actor_never_recommended_help(l: Lang) -> String {
    sv_en!(
        l,
        "väg områden som frågor ger poäng till, lägg till regler med boost eller `refer = true`, eller sänk tröskeln".into(),
        "weigh areas that questions give points to, add rules with a boost or `refer = true`, or lower the threshold".into()
    )
}
