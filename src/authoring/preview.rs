//! A readable rendering of a whole questionnaire (sections, questions with
//! their kind, options with their points, conditions in words, actors with
//! weights, rules and services) for partners to review a new version.

use super::doc::{self, Doc};
use super::words::{describe, fallback};
use crate::i18n::Lang;
use crate::i18n::authoring::Preview as W;
use crate::questionnaire::expr::Expr;
use crate::questionnaire::{Audience, Kind, Needs, Questionnaire};
use crate::text::fmt_num;

fn words(lang: &str) -> &'static W {
    crate::i18n::authoring::preview(Lang::of_content(lang))
}

fn points(q: &Questionnaire, needs: &Needs, lang: &str) -> String {
    if needs.iter().all(|(_, p)| *p == 0.0) {
        return words(lang).no_points.to_string();
    }
    needs
        .iter()
        .filter(|(_, p)| *p != 0.0)
        .map(|(a, p)| {
            let sign = if *p > 0.0 { "+" } else { "" };
            format!("{} {sign}{}", q.areas[*a].title.get(lang), fmt_num(*p))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn cond(e: &Expr, q: &Questionnaire, lang: &str) -> String {
    format!("{} ({})", describe(e, q, lang), fallback(e, q))
}

pub fn document(q: &Questionnaire, lang: &str) -> Doc {
    let w = words(lang);
    let mut d = Doc::default();
    d.h(1, format!("{} – {}", w.preview, q.title.get(lang)));
    d.p(format!("{} {}", q.id, q.version));
    d.labelled(w.languages, q.languages.join(", "));
    if let Some(desc) = &q.description {
        d.p(desc.get(lang));
    }

    d.h(2, w.areas);
    d.table(
        vec!["id".into(), w.areas.into(), String::new()],
        q.areas
            .iter()
            .map(|a| {
                vec![
                    a.id.clone(),
                    a.title.get(lang).to_string(),
                    a.description
                        .as_ref()
                        .map(|x| x.get(lang))
                        .unwrap_or("")
                        .to_string(),
                ]
            })
            .collect(),
    );

    d.h(2, w.actors);
    for actor in &q.actors {
        d.h(3, format!("{} ({})", actor.name.get(lang), actor.id));
        d.p(actor.description.get(lang));
        d.labelled(w.threshold, fmt_num(actor.threshold));
        let weights = if actor.weights.is_empty() {
            w.rule_only.to_string()
        } else {
            actor
                .weights
                .iter()
                .map(|(a, x)| format!("{} × {}", q.areas[*a].title.get(lang), fmt_num(*x)))
                .collect::<Vec<_>>()
                .join(", ")
        };
        d.labelled(w.weights, weights);
        if let Some(e) = &actor.eligibility {
            d.labelled(w.for_whom, cond(e, q, lang));
        }
        if !actor.rules.is_empty() {
            d.labelled(w.rules, "");
            d.list(
                actor
                    .rules
                    .iter()
                    .map(|r| {
                        let mut effect = Vec::new();
                        if r.boost != 0.0 {
                            effect.push(format!("+{}", fmt_num(r.boost)));
                        }
                        if r.refer {
                            effect.push(w.refers.to_string());
                        }
                        (
                            Some(format!("{} {}:", w.when, cond(&r.when, q, lang))),
                            format!("{} – {}", effect.join(", "), r.reason.get(lang)),
                        )
                    })
                    .collect(),
            );
        }
        if !actor.services.is_empty() {
            d.labelled(w.services, "");
            d.list(
                actor
                    .services
                    .iter()
                    .map(|s| {
                        let cost = match s.cost {
                            crate::questionnaire::Cost::Free => w.free,
                            crate::questionnaire::Cost::Subsidised => w.subsidised,
                            crate::questionnaire::Cost::Paid => w.paid,
                            crate::questionnaire::Cost::Unknown => w.cost_unknown,
                        };
                        let price = s
                            .price
                            .as_ref()
                            .map(|p| format!(" ({})", p.get(lang)))
                            .unwrap_or_default();
                        let who = s
                            .eligibility
                            .as_ref()
                            .map(|e| cond(e, q, lang))
                            .unwrap_or_else(|| w.everyone.to_string());
                        let areas: Vec<&str> = s
                            .areas
                            .iter()
                            .map(|&a| q.areas[a].title.get(lang))
                            .collect();
                        (
                            Some(format!("{} ({}):", s.name.get(lang), s.id)),
                            format!(
                                "{cost}{price}; {who}; {}. {}",
                                areas.join(", "),
                                s.description.get(lang)
                            ),
                        )
                    })
                    .collect(),
            );
        }
    }

    d.h(2, w.questions);
    for (si, sec) in q.sections.iter().enumerate() {
        d.h(
            3,
            format!("{}. {} ({})", si + 1, sec.title.get(lang), sec.id),
        );
        if let Some(e) = &sec.show_if {
            d.labelled(w.shown_when, cond(e, q, lang));
        }
        if let Some(h) = &sec.help {
            d.p(h.get(lang));
        }
        for (n, qi) in sec.questions.clone().enumerate() {
            let question = &q.questions[qi];
            d.h(
                4,
                format!("{}.{} {}", si + 1, n + 1, question.text.get(lang)),
            );
            let kind_index = match question.kind {
                Kind::Single { .. } => 0,
                Kind::Multi { .. } => 1,
                Kind::Scale { .. } => 2,
                Kind::Number { .. } => 3,
                Kind::Text => 4,
            };
            let mut meta = vec![question.id.clone(), w.kind[kind_index].to_string()];
            if question.required {
                meta.push(w.required.into());
            }
            match question.audience {
                Audience::Advisor => meta.push(w.advisor.into()),
                Audience::Company => meta.push(w.company.into()),
                Audience::Both => {}
            }
            if question.allow_unknown && !matches!(question.kind, Kind::Text) {
                meta.push(w.unknown.into());
            }
            if question.allow_na {
                meta.push(w.na.into());
            }
            if !question.aliases.is_empty() {
                meta.push(format!("{} {}", w.aliases, question.aliases.join(", ")));
            }
            d.p(meta.join(" · "));
            if let Some(e) = &question.show_if {
                d.labelled(w.shown_when, cond(e, q, lang));
            }
            if let Some(h) = &question.help {
                d.p(h.get(lang));
            }
            match &question.kind {
                Kind::Single { options } | Kind::Multi { options } => d.list(
                    options
                        .iter()
                        .map(|o| {
                            (
                                Some(format!("{} ({}):", o.label.get(lang), o.id)),
                                points(q, &o.needs, lang),
                            )
                        })
                        .collect(),
                ),
                Kind::Scale {
                    min,
                    max,
                    low,
                    high,
                    needs_low,
                    needs_high,
                } => {
                    let l = low
                        .as_ref()
                        .map(|t| format!(" = {}", t.get(lang)))
                        .unwrap_or_default();
                    let h = high
                        .as_ref()
                        .map(|t| format!(" = {}", t.get(lang)))
                        .unwrap_or_default();
                    d.p(format!("{min}{l} … {max}{h}"));
                    d.list(vec![
                        (Some(w.points_low.into()), points(q, needs_low, lang)),
                        (Some(w.points_high.into()), points(q, needs_high, lang)),
                    ]);
                }
                Kind::Number {
                    min,
                    max,
                    unit,
                    bands,
                } => {
                    let unit = unit.as_ref().map(|u| u.get(lang)).unwrap_or("");
                    let range = format!(
                        "{} … {} {unit}",
                        min.map(fmt_num).unwrap_or_else(|| "−∞".into()),
                        max.map(fmt_num).unwrap_or_else(|| "∞".into())
                    );
                    d.p(range.trim_end().to_string());
                    d.list(
                        bands
                            .iter()
                            .map(|b| {
                                let mut r = Vec::new();
                                if let Some(f) = b.from {
                                    r.push(format!("{} {}", w.band_from, fmt_num(f)));
                                }
                                if let Some(t) = b.to {
                                    r.push(format!("{} {}", w.band_to, fmt_num(t)));
                                }
                                (Some(format!("{}:", r.join(" "))), points(q, &b.needs, lang))
                            })
                            .collect(),
                    );
                }
                Kind::Text => {}
            }
        }
    }
    d
}

pub fn markdown(q: &Questionnaire, lang: &str) -> String {
    doc::markdown(&document(q, lang))
}

pub fn html(q: &Questionnaire, lang: &str) -> String {
    let title = format!("{} – {}", words(lang).preview, q.title.get(lang));
    doc::html(&document(q, lang), &title, lang)
}
