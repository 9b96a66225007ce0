//! What a new version of a questionnaire changes for saved sessions, as a
//! pure function ([`diff`]) that the session store can also use to tell an
//! advisor how an old session drifts from the current questionnaire.

use std::fmt::Write as _;

use serde_json::{Value, json};

use super::words::fallback;
use crate::questionnaire::{Kind, Needs, Questionnaire};
use crate::text::{fmt_num, sanitize_line};

/// How much a change matters for saved answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Impact {
    /// Saved answers no longer fit: they are kept but not scored.
    Answers,
    /// Saved answers still fit, but their scores or recommendations change.
    Scores,
    /// Nothing changes for saved answers.
    Info,
}

impl Impact {
    pub fn as_str(self) -> &'static str {
        match self {
            Impact::Answers => "answers",
            Impact::Scores => "scores",
            Impact::Info => "info",
        }
    }
}

/// One change between two versions. Ids are the questionnaire's ids.
/// Which points of a question changed ([`Change::PointsChanged`]).
#[derive(Debug, Clone, PartialEq)]
pub enum Part {
    /// The `needs` of an option (its id).
    Option(String),
    /// A scale's `needs_low`.
    NeedsLow,
    /// A scale's `needs_high`.
    NeedsHigh,
    /// The `needs` of one number band (its bounds, `[10, 250)`).
    Band(String),
    /// The bands themselves (added, removed or moved).
    Bands,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    QuestionRemoved {
        question: String,
    },
    QuestionAdded {
        question: String,
    },
    /// The new version lists the old id in `aliases`: answers carry over.
    QuestionRenamed {
        old: String,
        new: String,
    },
    KindChanged {
        question: String,
        old: String,
        new: String,
    },
    OptionRemoved {
        question: String,
        option: String,
    },
    OptionAdded {
        question: String,
        option: String,
    },
    /// Points of an option (or of a scale end / number band: `part`).
    PointsChanged {
        question: String,
        part: Part,
        old: String,
        new: String,
    },
    ShowIfChanged {
        question: String,
        old: Option<String>,
        new: Option<String>,
    },
    SectionShowIfChanged {
        section: String,
        old: Option<String>,
        new: Option<String>,
    },
    AreaAdded {
        area: String,
    },
    AreaRemoved {
        area: String,
    },
    ActorAdded {
        actor: String,
    },
    ActorRemoved {
        actor: String,
    },
    WeightsChanged {
        actor: String,
        old: String,
        new: String,
    },
    ThresholdChanged {
        actor: String,
        old: f64,
        new: f64,
    },
    RulesChanged {
        actor: String,
        old: Vec<String>,
        new: Vec<String>,
    },
    ActorEligibilityChanged {
        actor: String,
        old: Option<String>,
        new: Option<String>,
    },
    ServiceAdded {
        actor: String,
        service: String,
    },
    ServiceRemoved {
        actor: String,
        service: String,
    },
    ServiceEligibilityChanged {
        actor: String,
        service: String,
        old: Option<String>,
        new: Option<String>,
    },
}

impl Change {
    pub fn impact(&self) -> Impact {
        use Change::*;
        match self {
            QuestionRemoved { .. } | KindChanged { .. } | OptionRemoved { .. } => Impact::Answers,
            QuestionAdded { .. }
            | QuestionRenamed { .. }
            | OptionAdded { .. }
            | ServiceAdded { .. }
            | ServiceRemoved { .. } => Impact::Info,
            _ => Impact::Scores,
        }
    }

    /// The question a change is about, if any (for session drift).
    pub fn question(&self) -> Option<&str> {
        use Change::*;
        match self {
            QuestionRemoved { question }
            | QuestionAdded { question }
            | KindChanged { question, .. }
            | OptionRemoved { question, .. }
            | OptionAdded { question, .. }
            | PointsChanged { question, .. }
            | ShowIfChanged { question, .. } => Some(question),
            QuestionRenamed { old, .. } => Some(old),
            _ => None,
        }
    }

    /// The change in one line, in `lang` (the JSON's `text` is English).
    pub fn describe(&self, lang: crate::i18n::Lang) -> String {
        crate::i18n::authoring::diff_change(lang, self)
    }
}

/// Everything that differs, in a stable order (questions, areas, actors).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Diff {
    pub changes: Vec<Change>,
}

impl Diff {
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }

    /// True when some saved answers no longer fit the new version.
    pub fn breaks_answers(&self) -> bool {
        self.changes.iter().any(|c| c.impact() == Impact::Answers)
    }
}

fn needs_text(q: &Questionnaire, needs: &Needs) -> String {
    let mut v: Vec<(String, f64)> = needs
        .iter()
        .filter(|(_, p)| *p != 0.0)
        .map(|(a, p)| (q.areas[*a].id.clone(), *p))
        .collect();
    v.sort_by(|a, b| a.0.cmp(&b.0));
    if v.is_empty() {
        return "{}".into();
    }
    let inner: Vec<String> = v
        .iter()
        .map(|(a, p)| format!("{a} = {}", fmt_num(*p)))
        .collect();
    format!("{{ {} }}", inner.join(", "))
}

fn show(q: &Questionnaire, e: Option<&crate::questionnaire::Expr>) -> Option<String> {
    e.map(|e| fallback(e, q))
}

/// Scored parts of a question as (part, points) for comparison.
fn parts(q: &Questionnaire, kind: &Kind) -> Vec<(Part, String)> {
    match kind {
        Kind::Single { options } | Kind::Multi { options } => options
            .iter()
            .map(|o| (Part::Option(o.id.clone()), needs_text(q, &o.needs)))
            .collect(),
        Kind::Scale {
            needs_low,
            needs_high,
            ..
        } => vec![
            (Part::NeedsLow, needs_text(q, needs_low)),
            (Part::NeedsHigh, needs_text(q, needs_high)),
        ],
        Kind::Number { bands, .. } => bands
            .iter()
            .map(|b| {
                (
                    Part::Band(format!(
                        "[{}, {})",
                        b.from.map(fmt_num).unwrap_or_else(|| "−∞".into()),
                        b.to.map(fmt_num).unwrap_or_else(|| "∞".into())
                    )),
                    needs_text(q, &b.needs),
                )
            })
            .collect(),
        Kind::Text => Vec::new(),
    }
}

/// What changes between `old` and `new` for answers saved with `old`.
pub fn diff(old: &Questionnaire, new: &Questionnaire) -> Diff {
    let mut out = Vec::new();
    // Questions, in the old order; renames are found through `aliases`.
    for oq in &old.questions {
        let Some(ni) = new.question(&oq.id).or_else(|| {
            new.questions
                .iter()
                .position(|n| n.aliases.iter().any(|a| a == &oq.id))
        }) else {
            out.push(Change::QuestionRemoved {
                question: oq.id.clone(),
            });
            continue;
        };
        let nq = &new.questions[ni];
        if nq.id != oq.id {
            out.push(Change::QuestionRenamed {
                old: oq.id.clone(),
                new: nq.id.clone(),
            });
        }
        let id = nq.id.clone();
        if oq.kind.name() != nq.kind.name() {
            out.push(Change::KindChanged {
                question: id,
                old: oq.kind.name().into(),
                new: nq.kind.name().into(),
            });
            continue;
        }
        for o in oq.kind.options() {
            if nq.kind.option_index(&o.id).is_none() {
                out.push(Change::OptionRemoved {
                    question: id.clone(),
                    option: o.id.clone(),
                });
            }
        }
        for o in nq.kind.options() {
            if oq.kind.option_index(&o.id).is_none() {
                out.push(Change::OptionAdded {
                    question: id.clone(),
                    option: o.id.clone(),
                });
            }
        }
        let old_parts = parts(old, &oq.kind);
        let new_parts = parts(new, &nq.kind);
        for (part, np) in &new_parts {
            if let Some((_, op)) = old_parts.iter().find(|(p, _)| p == part)
                && op != np
            {
                out.push(Change::PointsChanged {
                    question: id.clone(),
                    part: part.clone(),
                    old: op.clone(),
                    new: np.clone(),
                });
            }
        }
        if matches!(nq.kind, Kind::Number { .. }) {
            let olds: Vec<&Part> = old_parts.iter().map(|p| &p.0).collect();
            let news: Vec<&Part> = new_parts.iter().map(|p| &p.0).collect();
            if olds != news {
                let j = |v: &[(Part, String)]| {
                    v.iter()
                        .map(|(p, n)| match p {
                            Part::Band(bounds) => format!("{bounds} {n}"),
                            _ => n.clone(),
                        })
                        .collect::<Vec<_>>()
                        .join(", ")
                };
                out.push(Change::PointsChanged {
                    question: id.clone(),
                    part: Part::Bands,
                    old: j(&old_parts),
                    new: j(&new_parts),
                });
            }
        }
        let (os, ns) = (
            show(old, oq.show_if.as_ref()),
            show(new, nq.show_if.as_ref()),
        );
        if os != ns {
            out.push(Change::ShowIfChanged {
                question: id,
                old: os,
                new: ns,
            });
        }
    }
    for nq in &new.questions {
        let existed =
            old.question(&nq.id).is_some() || nq.aliases.iter().any(|a| old.question(a).is_some());
        if !existed {
            out.push(Change::QuestionAdded {
                question: nq.id.clone(),
            });
        }
    }
    for os in &old.sections {
        if let Some(ns) = new.sections.iter().find(|s| s.id == os.id) {
            let (a, b) = (
                show(old, os.show_if.as_ref()),
                show(new, ns.show_if.as_ref()),
            );
            if a != b {
                out.push(Change::SectionShowIfChanged {
                    section: os.id.clone(),
                    old: a,
                    new: b,
                });
            }
        }
    }
    // Areas.
    for a in &old.areas {
        if new.area(&a.id).is_none() {
            out.push(Change::AreaRemoved { area: a.id.clone() });
        }
    }
    for a in &new.areas {
        if old.area(&a.id).is_none() {
            out.push(Change::AreaAdded { area: a.id.clone() });
        }
    }
    // Actors.
    for oa in &old.actors {
        let Some(na) = new.actor(&oa.id).map(|i| &new.actors[i]) else {
            out.push(Change::ActorRemoved {
                actor: oa.id.clone(),
            });
            continue;
        };
        let id = oa.id.clone();
        let (ow, nw) = (needs_text(old, &oa.weights), needs_text(new, &na.weights));
        if ow != nw {
            out.push(Change::WeightsChanged {
                actor: id.clone(),
                old: ow,
                new: nw,
            });
        }
        if oa.threshold != na.threshold {
            out.push(Change::ThresholdChanged {
                actor: id.clone(),
                old: oa.threshold,
                new: na.threshold,
            });
        }
        let rules = |q: &Questionnaire, a: &crate::questionnaire::Actor| -> Vec<String> {
            a.rules
                .iter()
                .map(|r| {
                    format!(
                        "{} → +{}{}",
                        fallback(&r.when, q),
                        fmt_num(r.boost),
                        if r.refer { ", refer" } else { "" }
                    )
                })
                .collect()
        };
        let (or, nr) = (rules(old, oa), rules(new, na));
        if or != nr {
            out.push(Change::RulesChanged {
                actor: id.clone(),
                old: or,
                new: nr,
            });
        }
        let (oe, ne) = (
            show(old, oa.eligibility.as_ref()),
            show(new, na.eligibility.as_ref()),
        );
        if oe != ne {
            out.push(Change::ActorEligibilityChanged {
                actor: id.clone(),
                old: oe,
                new: ne,
            });
        }
        for s in &oa.services {
            match na.services.iter().find(|x| x.id == s.id) {
                None => out.push(Change::ServiceRemoved {
                    actor: id.clone(),
                    service: s.id.clone(),
                }),
                Some(ns) => {
                    let (a, b) = (
                        show(old, s.eligibility.as_ref()),
                        show(new, ns.eligibility.as_ref()),
                    );
                    if a != b {
                        out.push(Change::ServiceEligibilityChanged {
                            actor: id.clone(),
                            service: s.id.clone(),
                            old: a,
                            new: b,
                        });
                    }
                }
            }
        }
        for s in &na.services {
            if !oa.services.iter().any(|x| x.id == s.id) {
                out.push(Change::ServiceAdded {
                    actor: id.clone(),
                    service: s.id.clone(),
                });
            }
        }
    }
    for na in &new.actors {
        if old.actor(&na.id).is_none() {
            out.push(Change::ActorAdded {
                actor: na.id.clone(),
            });
        }
    }
    Diff { changes: out }
}

/// The diff as text for authors, grouped by impact, in `lang`.
pub fn text(old: &Questionnaire, new: &Questionnaire, d: &Diff, lang: crate::i18n::Lang) -> String {
    let w = crate::i18n::authoring::diff(lang);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} {} → {} {}",
        old.id,
        sanitize_line(&old.version),
        new.id,
        sanitize_line(&new.version)
    );
    if d.is_empty() {
        let _ = writeln!(out, "{}", w.no_changes);
        return out;
    }
    for (impact, heading) in [
        (Impact::Answers, w.answers),
        (Impact::Scores, w.scores),
        (Impact::Info, w.other),
    ] {
        let items: Vec<&Change> = d.changes.iter().filter(|c| c.impact() == impact).collect();
        if items.is_empty() {
            continue;
        }
        let _ = writeln!(out, "\n{heading}");
        for c in items {
            let _ = writeln!(out, "  - {}", sanitize_line(&c.describe(lang)));
        }
    }
    out
}

/// The diff as JSON: `{old, new, breaks_answers, changes: [{impact, question?, text}]}`.
pub fn json(old: &Questionnaire, new: &Questionnaire, d: &Diff) -> Value {
    json!({
        "old": {"id": old.id, "version": old.version},
        "new": {"id": new.id, "version": new.version},
        "breaks_answers": d.breaks_answers(),
        "changes": d.changes.iter().map(|c| json!({
            "impact": c.impact().as_str(),
            "question": c.question(),
            "text": c.describe(crate::i18n::Lang::En),
        })).collect::<Vec<_>>(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn changed_points_name_their_part_in_either_language() {
        let c = |part| Change::PointsChanged {
            question: "anstallda".into(),
            part,
            old: "{ a = 1 }".into(),
            new: "{ a = 2 }".into(),
        };
        let band = c(Part::Band("[10, 250)".into()));
        assert_eq!(
            band.describe(Lang::En),
            "points of `anstallda` band [10, 250) changed: { a = 1 } → { a = 2 }"
        );
        assert_eq!(
            band.describe(Lang::Sv),
            "poängen för `anstallda` intervallet [10, 250) har ändrats: { a = 1 } → { a = 2 }"
        );
        assert!(
            c(Part::Bands)
                .describe(Lang::Sv)
                .contains("`anstallda` intervallen har")
        );
        assert!(
            c(Part::Option("ja".into()))
                .describe(Lang::En)
                .contains("option `ja` changed")
        );
    }
}
