//! The service catalogue: every actor, its services, who qualifies (in
//! plain words), what they cost and which areas they help with, plus "who
//! benefits" matrices (services × areas, services × company profiles).

use serde_json::{Value, json};

use super::doc::{self, Doc};
use super::words::{describe, fallback};
use crate::answers::Answer;
use crate::i18n::Lang;
use crate::i18n::authoring::Catalogue as W;
use crate::questionnaire::expr::{self, CmpOp, Env, Expr, Val};
use crate::questionnaire::{Cost, Kind, Questionnaire};
use crate::text::fmt_num;

fn words(lang: &str) -> &'static W {
    crate::i18n::authoring::catalogue(Lang::of_content(lang))
}

/// `https://… (checked 2026-12-01)`.
fn source_words(s: &crate::questionnaire::Source, w: &W) -> String {
    format!("{} ({} {})", s.url, w.checked, s.checked)
}

fn source_json(s: Option<&crate::questionnaire::Source>) -> Value {
    s.map_or(Value::Null, |s| json!({"url": s.url, "checked": s.checked}))
}

fn cost_word(c: Cost, w: &W) -> &'static str {
    match c {
        Cost::Free => w.free,
        Cost::Subsidised => w.subsidised,
        Cost::Paid => w.paid,
        Cost::Unknown => w.cost_unknown,
    }
}

/// One column of a profile matrix: a label and the answer that stands for it.
struct Profile {
    label: String,
    answer: Answer,
}

/// Company profiles for one question used in eligibility conditions: its
/// options, or number classes cut at the numbers it is compared with.
fn profiles(q: &Questionnaire, qi: usize, lang: &str) -> Vec<Profile> {
    let question = &q.questions[qi];
    match &question.kind {
        Kind::Single { options } => options
            .iter()
            .map(|o| Profile {
                label: o.label.get(lang).to_string(),
                answer: Answer::Choice(o.id.clone()),
            })
            .collect(),
        Kind::Number { .. } | Kind::Scale { .. } => {
            let (min, unit) = match &question.kind {
                Kind::Number { min, unit, .. } => (*min, unit.as_ref().map(|u| u.get(lang))),
                Kind::Scale { min, .. } => (Some(*min as f64), None),
                _ => (None, None),
            };
            let mut cuts: Vec<f64> = Vec::new();
            for e in eligibility_exprs(q) {
                cuts_in(e, qi, &mut cuts);
            }
            cuts.retain(|c| c.is_finite() && min.is_none_or(|m| *c > m));
            cuts.sort_by(f64::total_cmp);
            cuts.dedup();
            let unit = unit.map(|u| format!(" {}", u.trim())).unwrap_or_default();
            let mut out = Vec::new();
            let mut lower = min;
            for (i, c) in cuts.iter().copied().enumerate() {
                let label = match lower {
                    Some(l) if i > 0 && c - l == 1.0 => format!("{}{unit}", fmt_num(l)),
                    Some(l) if i > 0 => format!("{}–{}{unit}", fmt_num(l), fmt_num(c - 1.0)),
                    _ => format!("< {}{unit}", fmt_num(c)),
                };
                out.push(Profile {
                    label,
                    answer: Answer::Number(lower.unwrap_or(c - 1.0)),
                });
                lower = Some(c);
            }
            if let Some(l) = lower.filter(|_| !cuts.is_empty()) {
                out.push(Profile {
                    label: format!("≥ {}{unit}", fmt_num(l)),
                    answer: Answer::Number(l),
                });
            }
            out
        }
        _ => Vec::new(),
    }
}

fn cuts_in(e: &Expr, qi: usize, out: &mut Vec<f64>) {
    match e {
        Expr::Not(inner) => cuts_in(inner, qi, out),
        Expr::And(items) | Expr::Or(items) => items.iter().for_each(|i| cuts_in(i, qi, out)),
        Expr::Cmp {
            lhs: Val::Answer(q),
            op,
            rhs: Val::Num(c),
        } if *q == qi => match op {
            CmpOp::Lt | CmpOp::Ge => out.push(*c),
            CmpOp::Le | CmpOp::Gt => out.push(c + 1.0),
            CmpOp::Eq | CmpOp::Ne => out.extend([*c, c + 1.0]),
        },
        Expr::In {
            val: Val::Answer(q),
            list,
        } if *q == qi => {
            for v in list {
                if let Val::Num(c) = v {
                    out.extend([*c, c + 1.0]);
                }
            }
        }
        _ => {}
    }
}

fn eligibility_exprs(q: &Questionnaire) -> Vec<&Expr> {
    let mut out = Vec::new();
    for a in &q.actors {
        out.extend(a.eligibility.as_ref());
        out.extend(a.services.iter().filter_map(|s| s.eligibility.as_ref()));
    }
    out
}

/// The questions eligibility conditions refer to, in questionnaire order.
fn profile_questions(q: &Questionnaire) -> Vec<usize> {
    let mut qs = Vec::new();
    for e in eligibility_exprs(q) {
        expr::questions_in(e, &mut qs);
    }
    qs.sort_unstable();
    qs.dedup();
    qs.retain(|&qi| {
        matches!(
            q.questions[qi].kind,
            Kind::Single { .. } | Kind::Number { .. } | Kind::Scale { .. }
        )
    });
    qs
}

/// Only one question answered.
struct One<'a> {
    question: usize,
    answer: &'a Answer,
}

impl Env for One<'_> {
    fn answer(&self, q: usize) -> Option<&Answer> {
        (q == self.question).then_some(self.answer)
    }
}

/// `Some(true)` qualifies, `Some(false)` does not, `None` depends on other answers.
fn qualifies(actor_elig: Option<&Expr>, elig: Option<&Expr>, env: &One<'_>) -> Option<bool> {
    let a = actor_elig.map_or(Some(true), |e| expr::eval_kleene(e, env));
    let s = elig.map_or(Some(true), |e| expr::eval_kleene(e, env));
    match (a, s) {
        (Some(false), _) | (_, Some(false)) => Some(false),
        (Some(true), Some(true)) => Some(true),
        _ => None,
    }
}

fn eligibility_words(e: Option<&Expr>, q: &Questionnaire, lang: &str) -> String {
    match e {
        None => words(lang).everyone.to_string(),
        Some(e) => describe(e, q, lang),
    }
}

/// The catalogue as a document (Markdown or HTML).
pub fn document(q: &Questionnaire, lang: &str) -> Doc {
    let w = words(lang);
    let mut d = Doc::default();
    d.h(1, format!("{} – {}", w.title, q.title.get(lang)));
    d.p(format!("{} {}", q.id, q.version));
    for actor in &q.actors {
        d.h(2, actor.name.get(lang));
        d.p(actor.description.get(lang));
        if let Some(e) = &actor.eligibility {
            d.labelled(format!("{}:", w.actor_for), describe(e, q, lang));
        }
        if let Some(url) = &actor.url {
            d.labelled(w.web, url.clone());
        }
        if let Some(c) = &actor.contact {
            d.labelled(w.contact, c.get(lang).to_string());
        }
        if let Some(s) = &actor.source {
            d.labelled(w.source, source_words(s, w));
        }
        if actor.services.is_empty() {
            d.p(w.no_services);
            continue;
        }
        let rows = actor
            .services
            .iter()
            .map(|s| {
                let cost = match &s.price {
                    Some(p) => format!("{} – {}", cost_word(s.cost, w), p.get(lang)),
                    None => cost_word(s.cost, w).to_string(),
                };
                vec![
                    s.name.get(lang).to_string(),
                    cost,
                    eligibility_words(s.eligibility.as_ref(), q, lang),
                    s.areas
                        .iter()
                        .map(|&a| q.areas[a].title.get(lang))
                        .collect::<Vec<_>>()
                        .join(", "),
                ]
            })
            .collect();
        d.table(
            vec![
                w.service.into(),
                w.cost.into(),
                w.who.into(),
                w.areas.into(),
            ],
            rows,
        );
        d.list(
            actor
                .services
                .iter()
                .map(|s| {
                    let source = s
                        .source
                        .as_ref()
                        .map(|x| format!(" ({} {})", w.source, source_words(x, w)))
                        .unwrap_or_default();
                    (
                        Some(format!("{}:", s.name.get(lang))),
                        format!("{}{source}", s.description.get(lang)),
                    )
                })
                .collect(),
        );
    }

    // Services × areas.
    d.h(2, w.matrix_areas);
    d.p(w.matrix_areas_note);
    d.list(
        q.areas
            .iter()
            .enumerate()
            .map(|(i, a)| (Some(format!("A{}", i + 1)), a.title.get(lang).to_string()))
            .collect(),
    );
    let mut head = vec![w.service.to_string()];
    head.extend((1..=q.areas.len()).map(|i| format!("A{i}")));
    let mut rows = Vec::new();
    for actor in &q.actors {
        for s in &actor.services {
            let mut row = vec![format!("{}: {}", actor.name.get(lang), s.name.get(lang))];
            row.extend(
                (0..q.areas.len()).map(|a| if s.areas.contains(&a) { "●" } else { "" }.to_string()),
            );
            rows.push(row);
        }
    }
    d.table(head, rows);

    // Services × company profiles.
    for qi in profile_questions(q) {
        let profiles = profiles(q, qi, lang);
        if profiles.is_empty() {
            continue;
        }
        d.h(
            2,
            format!("{}: {}", w.matrix_profiles, q.questions[qi].text.get(lang)),
        );
        d.p(w.matrix_profiles_note);
        let mut head = vec![w.service.to_string()];
        head.extend(profiles.iter().map(|p| p.label.clone()));
        let mut rows = Vec::new();
        for actor in &q.actors {
            for s in &actor.services {
                let mut row = vec![format!("{}: {}", actor.name.get(lang), s.name.get(lang))];
                row.extend(profiles.iter().map(|p| {
                    let env = One {
                        question: qi,
                        answer: &p.answer,
                    };
                    match qualifies(actor.eligibility.as_ref(), s.eligibility.as_ref(), &env) {
                        Some(true) => w.yes,
                        Some(false) => w.no,
                        None => w.depends,
                    }
                    .to_string()
                }));
                rows.push(row);
            }
        }
        d.table(head, rows);
    }
    d
}

pub fn markdown(q: &Questionnaire, lang: &str) -> String {
    doc::markdown(&document(q, lang))
}

pub fn html(q: &Questionnaire, lang: &str) -> String {
    let title = format!("{} – {}", words(lang).title, q.title.get(lang));
    doc::html(&document(q, lang), &title, lang)
}

fn expr_json(e: Option<&Expr>, q: &Questionnaire, lang: &str) -> Value {
    match e {
        None => Value::Null,
        Some(e) => json!({"expression": fallback(e, q), "text": describe(e, q, lang)}),
    }
}

/// The catalogue as JSON.
pub fn json(q: &Questionnaire, lang: &str) -> Value {
    let actors: Vec<Value> = q
        .actors
        .iter()
        .map(|a| {
            json!({
                "id": a.id,
                "name": a.name.get(lang),
                "description": a.description.get(lang),
                "url": a.url,
                "contact": a.contact.as_ref().map(|c| c.get(lang)),
                "source": source_json(a.source.as_ref()),
                "eligibility": expr_json(a.eligibility.as_ref(), q, lang),
                "areas": a.weights.iter().map(|(i, w)| json!({"id": q.areas[*i].id, "weight": w})).collect::<Vec<_>>(),
                "services": a.services.iter().map(|s| json!({
                    "id": s.id,
                    "name": s.name.get(lang),
                    "description": s.description.get(lang),
                    "cost": s.cost.as_str(),
                    "price": s.price.as_ref().map(|p| p.get(lang)),
                    "eligibility": expr_json(s.eligibility.as_ref(), q, lang),
                    "areas": s.areas.iter().map(|&i| q.areas[i].id.as_str()).collect::<Vec<_>>(),
                    "source": source_json(s.source.as_ref()),
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    let profiles: Vec<Value> = profile_questions(q)
        .into_iter()
        .map(|qi| {
            let cols: Vec<Value> = profiles(q, qi, lang)
                .iter()
                .map(|p| {
                    let env = One {
                        question: qi,
                        answer: &p.answer,
                    };
                    let mut services = serde_json::Map::new();
                    for a in &q.actors {
                        for s in &a.services {
                            let v = match qualifies(
                                a.eligibility.as_ref(),
                                s.eligibility.as_ref(),
                                &env,
                            ) {
                                Some(true) => "yes",
                                Some(false) => "no",
                                None => "depends",
                            };
                            services.insert(format!("{}/{}", a.id, s.id), json!(v));
                        }
                    }
                    json!({"label": p.label, "services": services})
                })
                .collect();
            json!({"question": q.questions[qi].id, "profiles": cols})
        })
        .collect();
    json!({
        "questionnaire": {"id": q.id, "version": q.version, "title": q.title.get(lang)},
        "areas": q.areas.iter().map(|a| json!({"id": a.id, "title": a.title.get(lang)})).collect::<Vec<_>>(),
        "actors": actors,
        "who_benefits": profiles,
    })
}
