//! Words of the authoring tools: the service catalogue, the preview, `diff` and
//! conditions in plain words. See the convention in [`crate::i18n`].

use super::Lang;

/// Words of `behovsanalys catalogue`.
pub struct Catalogue {
    pub title: &'static str,
    pub service: &'static str,
    pub cost: &'static str,
    pub who: &'static str,
    pub areas: &'static str,
    pub everyone: &'static str,
    pub free: &'static str,
    pub subsidised: &'static str,
    pub cost_unknown: &'static str,
    pub paid: &'static str,
    pub actor_for: &'static str,
    pub web: &'static str,
    pub contact: &'static str,
    /// Before the page an actor's or service's facts come from.
    pub source: &'static str,
    /// Before the date that page was read.
    pub checked: &'static str,
    pub no_services: &'static str,
    pub matrix_areas: &'static str,
    pub matrix_areas_note: &'static str,
    pub matrix_profiles: &'static str,
    pub matrix_profiles_note: &'static str,
    pub yes: &'static str,
    pub no: &'static str,
    pub depends: &'static str,
}

pub const CATALOGUE_SV: Catalogue = Catalogue {
    title: "Tjänstekatalog",
    service: "Tjänst",
    cost: "Kostnad",
    who: "Vem kan få den",
    areas: "Behovsområden",
    everyone: "alla företag",
    free: "kostnadsfri",
    subsidised: "subventionerad",
    cost_unknown: "kostnad ej angiven",
    paid: "avgift",
    actor_for: "Bara för",
    web: "Webb:",
    contact: "Kontakt:",
    source: "Källa:",
    checked: "kontrollerad",
    no_services: "Inga tjänster beskrivna.",
    matrix_areas: "Vem har nytta – tjänster per behovsområde",
    matrix_areas_note: "● = tjänsten hjälper med området. Områden:",
    matrix_profiles: "Vem har nytta – tjänster per företagsprofil",
    matrix_profiles_note: "ja = företaget kan få tjänsten, nej = kan inte, beror = beror på andra svar.",
    yes: "ja",
    no: "nej",
    depends: "beror",
};

pub const CATALOGUE_EN: Catalogue = Catalogue {
    title: "Service catalogue",
    service: "Service",
    cost: "Cost",
    who: "Who qualifies",
    areas: "Need areas",
    everyone: "every company",
    free: "free",
    subsidised: "subsidised",
    cost_unknown: "cost not stated",
    paid: "paid",
    actor_for: "Only for",
    web: "Web:",
    contact: "Contact:",
    source: "Source:",
    checked: "checked",
    no_services: "No services described.",
    matrix_areas: "Who benefits – services per need area",
    matrix_areas_note: "● = the service helps with the area. Areas:",
    matrix_profiles: "Who benefits – services per company profile",
    matrix_profiles_note: "yes = the company qualifies, no = it does not, depends = depends on other answers.",
    yes: "yes",
    no: "no",
    depends: "depends",
};

pub fn catalogue(lang: Lang) -> &'static Catalogue {
    lang.pick(&CATALOGUE_SV, &CATALOGUE_EN)
}

/// Words of `behovsanalys preview`.
pub struct Preview {
    pub preview: &'static str,
    pub languages: &'static str,
    pub areas: &'static str,
    pub actors: &'static str,
    pub questions: &'static str,
    pub threshold: &'static str,
    pub weights: &'static str,
    pub rule_only: &'static str,
    pub for_whom: &'static str,
    pub rules: &'static str,
    pub when: &'static str,
    pub refers: &'static str,
    pub services: &'static str,
    pub shown_when: &'static str,
    pub no_points: &'static str,
    pub required: &'static str,
    pub advisor: &'static str,
    pub company: &'static str,
    pub unknown: &'static str,
    pub na: &'static str,
    pub aliases: &'static str,
    pub points_low: &'static str,
    pub points_high: &'static str,
    pub band_from: &'static str,
    pub band_to: &'static str,
    pub kind: [&'static str; 5],
    pub free: &'static str,
    pub subsidised: &'static str,
    pub cost_unknown: &'static str,
    pub paid: &'static str,
    pub everyone: &'static str,
}

pub const PREVIEW_SV: Preview = Preview {
    preview: "Förhandsgranskning",
    languages: "Språk:",
    areas: "Behovsområden",
    actors: "Aktörer",
    questions: "Frågor",
    threshold: "Rekommenderas från poäng",
    weights: "Vikter:",
    rule_only: "inga – bara reglerna avgör",
    for_whom: "Bara för:",
    rules: "Regler:",
    when: "När",
    refers: "rekommenderar alltid",
    services: "Tjänster:",
    shown_when: "Visas när:",
    no_points: "inga poäng",
    required: "obligatorisk",
    advisor: "bara rådgivaren",
    company: "bara företaget (självskattning)",
    unknown: "”vet ej” erbjuds",
    na: "”ej relevant” erbjuds",
    aliases: "tidigare id:",
    points_low: "Poäng vid lägsta värdet:",
    points_high: "Poäng vid högsta värdet:",
    band_from: "från",
    band_to: "till under",
    kind: ["ett val", "flera val", "skala", "tal", "fritext"],
    free: "kostnadsfri",
    subsidised: "subventionerad",
    cost_unknown: "kostnad ej angiven",
    paid: "avgift",
    everyone: "alla företag",
};

pub const PREVIEW_EN: Preview = Preview {
    preview: "Preview",
    languages: "Languages:",
    areas: "Need areas",
    actors: "Actors",
    questions: "Questions",
    threshold: "Recommended from score",
    weights: "Weights:",
    rule_only: "none – only the rules decide",
    for_whom: "Only for:",
    rules: "Rules:",
    when: "When",
    refers: "always recommends",
    services: "Services:",
    shown_when: "Shown when:",
    no_points: "no points",
    required: "required",
    advisor: "advisor only",
    company: "company only (self-assessment)",
    unknown: "“don't know” offered",
    na: "“not applicable” offered",
    aliases: "earlier ids:",
    points_low: "Points at the lowest value:",
    points_high: "Points at the highest value:",
    band_from: "from",
    band_to: "to below",
    kind: [
        "single choice",
        "multiple choice",
        "scale",
        "number",
        "free text",
    ],
    free: "free",
    subsidised: "subsidised",
    cost_unknown: "cost not stated",
    paid: "paid",
    everyone: "every company",
};

pub fn preview(lang: Lang) -> &'static Preview {
    lang.pick(&PREVIEW_SV, &PREVIEW_EN)
}

/// Words of conditions in plain words ("fewer than 250 employees").
pub struct Conditions {
    pub and: &'static str,
    pub or: &'static str,
    pub not: &'static str,
    pub is: &'static str,
    pub is_not: &'static str,
    pub includes: &'static str,
    pub answered: &'static str,
    pub need: &'static str,
    pub lt_count: &'static str,
    pub lt: &'static str,
    pub le: &'static str,
    pub gt_count: &'static str,
    pub gt: &'static str,
    pub ge: &'static str,
    pub eq: &'static str,
    pub ne: &'static str,
    pub yes: &'static str,
    pub no: &'static str,
}

pub const CONDITIONS_SV: Conditions = Conditions {
    and: "och",
    or: "eller",
    not: "inte",
    is: "är",
    is_not: "är inte",
    includes: "omfattar",
    answered: "är besvarad",
    need: "behovet inom",
    lt_count: "färre än",
    lt: "mindre än",
    le: "högst",
    gt_count: "fler än",
    gt: "mer än",
    ge: "minst",
    eq: "exakt",
    ne: "inte",
    yes: "alltid",
    no: "aldrig",
};

pub const CONDITIONS_EN: Conditions = Conditions {
    and: "and",
    or: "or",
    not: "not",
    is: "is",
    is_not: "is not",
    includes: "includes",
    answered: "is answered",
    need: "the need for",
    lt_count: "fewer than",
    lt: "less than",
    le: "at most",
    gt_count: "more than",
    gt: "more than",
    ge: "at least",
    eq: "exactly",
    ne: "not",
    yes: "always",
    no: "never",
};

pub fn conditions(lang: Lang) -> &'static Conditions {
    lang.pick(&CONDITIONS_SV, &CONDITIONS_EN)
}

/// Words of `behovsanalys diff`.
pub struct Diff {
    /// A file compared with itself, or nothing that matters changed.
    pub no_changes: &'static str,
    pub answers: &'static str,
    pub scores: &'static str,
    pub other: &'static str,
    /// An absent condition.
    pub none: &'static str,
}

pub const DIFF_SV: Diff = Diff {
    no_changes: "inga ändringar som påverkar sparade sessioner",
    answers: "Sparade svar som inte längre passar (behålls, räknas inte):",
    scores: "Poäng och rekommendationer för sparade sessioner ändras:",
    other: "Övriga ändringar:",
    none: "(inget)",
};

pub const DIFF_EN: Diff = Diff {
    no_changes: "no changes that matter for saved sessions",
    answers: "Saved answers that no longer fit (kept, not scored):",
    scores: "Scores and recommendations of saved sessions change:",
    other: "Other changes:",
    none: "(none)",
};

pub fn diff(lang: Lang) -> &'static Diff {
    lang.pick(&DIFF_SV, &DIFF_EN)
}

macro_rules! sv_en {
    ($l:expr, $sv:expr, $en:expr $(,)?) => {
        match $l {
            Lang::Sv => $sv,
            Lang::En => $en,
        }
    };
}

/// One change of `behovsanalys diff` in a line.
pub fn diff_change(l: Lang, c: &crate::authoring::diff::Change) -> String {
    use crate::authoring::diff::Change::*;
    let opt = |o: &Option<String>| o.clone().unwrap_or_else(|| diff(l).none.into());
    match c {
        QuestionRemoved { question: q } => sv_en!(
            l,
            format!(
                "frågan `{q}` är borttagen: sparade svar på den behålls men räknas inte längre"
            ),
            format!("question `{q}` removed: saved answers to it are kept but no longer scored")
        ),
        QuestionAdded { question: q } => sv_en!(
            l,
            format!("frågan `{q}` är ny: sparade sessioner har den obesvarad"),
            format!("question `{q}` added: saved sessions have it unanswered")
        ),
        QuestionRenamed { old, new } => sv_en!(
            l,
            format!(
                "frågan `{old}` heter nu `{new}` (aliaset finns kvar): sparade svar följer med"
            ),
            format!("question `{old}` renamed to `{new}` (alias kept): saved answers carry over")
        ),
        KindChanged {
            question: q,
            old,
            new,
        } => sv_en!(
            l,
            format!(
                "frågan `{q}` har bytt typ från {old} till {new}: sparade svar passar inte längre"
            ),
            format!("question `{q}` changed kind from {old} to {new}: saved answers no longer fit")
        ),
        OptionRemoved {
            question: q,
            option: o,
        } => sv_en!(
            l,
            format!(
                "alternativet `{o}` i `{q}` är borttaget: sparade svar som valt det passar inte längre"
            ),
            format!("option `{o}` of `{q}` removed: saved answers choosing it no longer fit")
        ),
        OptionAdded {
            question: q,
            option: o,
        } => sv_en!(
            l,
            format!("alternativet `{o}` är nytt i `{q}`"),
            format!("option `{o}` added to `{q}`")
        ),
        PointsChanged {
            question: q,
            part,
            old,
            new,
        } => {
            use crate::authoring::diff::Part;
            let part = match part {
                Part::Option(o) => {
                    sv_en!(l, format!("alternativet `{o}`"), format!("option `{o}`"))
                }
                Part::NeedsLow => "needs_low".to_string(),
                Part::NeedsHigh => "needs_high".to_string(),
                Part::Band(b) => sv_en!(l, format!("intervallet {b}"), format!("band {b}")),
                Part::Bands => sv_en!(l, "intervallen", "bands").to_string(),
            };
            sv_en!(
                l,
                format!("poängen för `{q}` {part} har ändrats: {old} → {new}"),
                format!("points of `{q}` {part} changed: {old} → {new}")
            )
        }
        ShowIfChanged {
            question: q,
            old,
            new,
        } => {
            let (old, new) = (opt(old), opt(new));
            sv_en!(
                l,
                format!("show_if för `{q}` har ändrats: {old} → {new}"),
                format!("show_if of `{q}` changed: {old} → {new}")
            )
        }
        SectionShowIfChanged {
            section: s,
            old,
            new,
        } => {
            let (old, new) = (opt(old), opt(new));
            sv_en!(
                l,
                format!("show_if för avsnittet `{s}` har ändrats: {old} → {new}"),
                format!("show_if of section `{s}` changed: {old} → {new}")
            )
        }
        AreaAdded { area: a } => sv_en!(
            l,
            format!("området `{a}` är nytt"),
            format!("area `{a}` added")
        ),
        AreaRemoved { area: a } => sv_en!(
            l,
            format!("området `{a}` är borttaget"),
            format!("area `{a}` removed")
        ),
        ActorAdded { actor: a } => sv_en!(
            l,
            format!("aktören `{a}` är ny"),
            format!("actor `{a}` added")
        ),
        ActorRemoved { actor: a } => sv_en!(
            l,
            format!("aktören `{a}` är borttagen: sparat samtycke för den gäller inte längre"),
            format!("actor `{a}` removed: saved consent for it no longer applies")
        ),
        WeightsChanged { actor: a, old, new } => sv_en!(
            l,
            format!("vikterna för `{a}` har ändrats: {old} → {new}"),
            format!("weights of `{a}` changed: {old} → {new}")
        ),
        ThresholdChanged { actor: a, old, new } => {
            let (old, new) = (crate::text::fmt_num(*old), crate::text::fmt_num(*new));
            sv_en!(
                l,
                format!("tröskeln för `{a}` har ändrats: {old} → {new}"),
                format!("threshold of `{a}` changed: {old} → {new}")
            )
        }
        RulesChanged { actor: a, old, new } => {
            let (old, new) = (old.join("; "), new.join("; "));
            sv_en!(
                l,
                format!("reglerna för `{a}` har ändrats: [{old}] → [{new}]"),
                format!("rules of `{a}` changed: [{old}] → [{new}]")
            )
        }
        ActorEligibilityChanged { actor: a, old, new } => {
            let (old, new) = (opt(old), opt(new));
            sv_en!(
                l,
                format!("villkoret (eligibility) för `{a}` har ändrats: {old} → {new}"),
                format!("eligibility of `{a}` changed: {old} → {new}")
            )
        }
        ServiceAdded {
            actor: a,
            service: s,
        } => sv_en!(
            l,
            format!("tjänsten `{s}` hos `{a}` är ny"),
            format!("service `{s}` of `{a}` added")
        ),
        ServiceRemoved {
            actor: a,
            service: s,
        } => sv_en!(
            l,
            format!("tjänsten `{s}` hos `{a}` är borttagen"),
            format!("service `{s}` of `{a}` removed")
        ),
        ServiceEligibilityChanged {
            actor: a,
            service: s,
            old,
            new,
        } => {
            let (old, new) = (opt(old), opt(new));
            sv_en!(
                l,
                format!("villkoret för tjänsten `{s}` hos `{a}` har ändrats: {old} → {new}"),
                format!("eligibility of service `{s}` of `{a}` changed: {old} → {new}")
            )
        }
    }
}
