//! The output of `behovsanalys score`: the JSON object of the command-line
//! contract and the text report (also the end of `sessions show`), plus the
//! rounding and the need bar that the wizard shares.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde_json::{Value, json};
use unicode_width::UnicodeWidthStr;

use crate::answers::Answer;
use crate::i18n::Lang;
use crate::questionnaire::Questionnaire;
use crate::scoring::{Evaluation, Reason, Referral};
use crate::text::{fmt_num, sanitize_line};

/// Rounds an exact score to the integer shown.
pub fn round(x: f64) -> i64 {
    x.round() as i64
}

fn points_json(x: f64) -> Value {
    if x.fract() == 0.0 {
        json!(x as i64)
    } else {
        json!((x * 100.0).round() / 100.0)
    }
}

/// One reason as JSON.
pub fn reason_json(
    q: &Questionnaire,
    r: &Referral,
    reason: &Reason,
    answers: &BTreeMap<String, Answer>,
    lang: &str,
) -> Value {
    let actor = &q.actors[r.actor];
    match reason {
        Reason::Rule { rule } => {
            let rule = &actor.rules[*rule];
            let mut v = json!({"kind": "rule", "text": rule.reason.get(lang), "boost": points_json(rule.boost), "refer": rule.refer});
            if let Some(date) = sanctions_date(rule) {
                v["sanctions_as_of"] = json!(date);
            }
            v
        }
        Reason::Answer(c) => {
            let question = &q.questions[c.question];
            json!({
                "kind": "answer",
                "question": question.id,
                "answer": c.answer_text(q, answers.get(&question.id)),
                "area": q.areas[c.area].id,
                "points": points_json(c.points),
            })
        }
    }
}

/// The `score --format json` object.
pub fn score_json(
    q: &Questionnaire,
    eval: &Evaluation,
    answers: &BTreeMap<String, Answer>,
    lang: &str,
) -> Value {
    let areas: Vec<Value> = eval
        .areas
        .iter()
        .map(|a| {
            json!({
                "id": q.areas[a.area].id,
                "title": q.areas[a.area].title.get(lang),
                "need": a.need.map(round),
                "answered": a.answered,
                "total": a.total,
                "coverage": a.coverage.map(round),
            })
        })
        .collect();
    let referrals: Vec<Value> = eval
        .referrals
        .iter()
        .map(|r| {
            let actor = &q.actors[r.actor];
            let services: Vec<Value> = r
                .services
                .iter()
                .map(|o| {
                    let s = &actor.services[o.service];
                    json!({
                        "id": s.id,
                        "name": s.name.get(lang),
                        "cost": s.cost.as_str(),
                        "price": s.price.as_ref().map(|p| p.get(lang)),
                        "undecided": o.undecided,
                        "need": o.need.map(round),
                        "areas": s.areas.iter().map(|&a| q.areas[a].id.as_str()).collect::<Vec<_>>(),
                        "why": service_why(q, eval, s, answers, lang),
                    })
                })
                .collect();
            json!({
                "actor": actor.id,
                "name": actor.name.get(lang),
                "score": round(r.score),
                "recommended": r.recommended,
                "reasons": r.reasons.iter().map(|x| reason_json(q, r, x, answers, lang)).collect::<Vec<_>>(),
                "services": services,
                "ineligible": r.ineligible,
                "eligibility": actor.eligibility.as_ref().map(|e| crate::authoring::words::describe(e, q, lang)),
                "coverage": r.coverage.map(round),
                "provisional": r.provisional,
            })
        })
        .collect();
    json!({
        "questionnaire": {"id": q.id, "version": q.version},
        "areas": areas,
        "referrals": referrals,
        "open_questions": eval.open_questions.iter().map(|&i| q.questions[i].id.as_str()).collect::<Vec<_>>(),
        "advice": advice_json(q, eval, lang),
    })
}

/// The date of the sanctions data, when a rule's condition uses it.
pub fn sanctions_date(rule: &crate::questionnaire::Rule) -> Option<&'static str> {
    if !crate::questionnaire::expr::uses_sanctions(&rule.when) {
        return None;
    }
    crate::questionnaire::Countries::builtin()
        .ok()
        .map(|c| c.sanctions_as_of.as_str())
}

/// The advice for the company: `[{"id", "text", "from": {...}}]`.
pub fn advice_json(q: &Questionnaire, eval: &Evaluation, lang: &str) -> Value {
    use crate::scoring::AdviceFrom;
    let items: Vec<Value> = eval
        .advice
        .iter()
        .map(|h| {
            let a = &q.advice[h.advice];
            let from = match &h.from {
                AdviceFrom::Option { question, option } => {
                    let question = &q.questions[*question];
                    json!({"question": question.id, "answer": question.kind.options()[*option].id})
                }
                AdviceFrom::Rule { actor, .. } => json!({"actor": q.actors[*actor].id}),
            };
            json!({"id": a.id, "text": a.text.get(lang), "from": from})
        })
        .collect();
    Value::Array(items)
}

/// Why a service is offered: the need in its areas, who qualifies (in
/// words) and, when undecided, the questions still open ("vet ej" or
/// unanswered) that decide it.
fn service_why(
    q: &Questionnaire,
    eval: &Evaluation,
    s: &crate::questionnaire::Service,
    answers: &BTreeMap<String, Answer>,
    lang: &str,
) -> Value {
    let areas: Vec<Value> = s
        .areas
        .iter()
        .map(|&a| json!({"id": q.areas[a].id, "need": eval.need(a).map(round)}))
        .collect();
    let mut open: Vec<&str> = Vec::new();
    if let Some(e) = &s.eligibility {
        let mut qs = Vec::new();
        crate::questionnaire::expr::questions_in(e, &mut qs);
        qs.sort_unstable();
        qs.dedup();
        for qi in qs {
            let Some(question) = q.questions.get(qi) else {
                continue;
            };
            let visible = eval.visible.get(qi).copied().unwrap_or(false);
            let open_answer = matches!(answers.get(&question.id), None | Some(Answer::Unknown));
            if !visible || open_answer {
                open.push(question.id.as_str());
            }
        }
    }
    json!({
        "areas": areas,
        "eligibility": s.eligibility.as_ref().map(|e| crate::authoring::words::describe(e, q, lang)),
        "open_questions": open,
    })
}

/// A bar of `width` cells for a 0–100 value.
pub fn bar(value: Option<f64>, width: usize) -> String {
    match value {
        None => "·".repeat(width),
        Some(v) => {
            let filled = ((v / 100.0) * width as f64).round() as usize;
            let filled = filled.min(width);
            format!("{}{}", "█".repeat(filled), "░".repeat(width - filled))
        }
    }
}

/// The `score --format text` report, in the language of its texts.
pub fn score_text(
    q: &Questionnaire,
    eval: &Evaluation,
    answers: &BTreeMap<String, Answer>,
    lang: &str,
) -> String {
    score_text_in(q, eval, answers, lang, Lang::of_content(lang))
}

/// [`score_text`] with the questionnaire's texts in `lang` and the
/// program's own words (headings, "recommended" …) in `words`.
pub fn score_text_in(
    q: &Questionnaire,
    eval: &Evaluation,
    answers: &BTreeMap<String, Answer>,
    lang: &str,
    words: Lang,
) -> String {
    let w = crate::i18n::cli::score(words);
    let s_ = |s: &str| sanitize_line(s);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} ({} {})\n",
        s_(q.title.get(lang)),
        q.id,
        s_(&q.version)
    );
    let _ = writeln!(out, "{}", w.needs);
    let name_width = q
        .areas
        .iter()
        .map(|a| s_(a.title.get(lang)).width())
        .max()
        .unwrap_or(10);
    for a in &eval.areas {
        let title = s_(q.areas[a.area].title.get(lang));
        let pad = name_width.saturating_sub(title.width());
        let value = match a.need {
            Some(n) => format!("{:>3}", round(n)),
            None => format!("{:>3}", "–"),
        };
        let _ = writeln!(
            out,
            "  {title}{}  {} {value}  ({} / {} {})",
            " ".repeat(pad),
            bar(a.need, 20),
            a.answered,
            a.total,
            w.answered_of
        );
    }
    let _ = writeln!(out, "\n{}", w.actors);
    let actor_width = q
        .actors
        .iter()
        .map(|a| s_(a.name.get(lang)).width())
        .max()
        .unwrap_or(10);
    for (rank, r) in eval.referrals.iter().enumerate() {
        let actor = &q.actors[r.actor];
        let flag = if r.recommended {
            format!("✔ {}", w.recommended)
        } else if r.ineligible {
            let why = actor
                .eligibility
                .as_ref()
                .map(|e| s_(&crate::authoring::words::describe(e, q, lang)))
                .unwrap_or_default();
            format!("✘ {}: {why}", w.ineligible)
        } else if r.provisional {
            let c = r.coverage.map(round).unwrap_or(0);
            format!("({}: {c} % {})", w.provisional, w.covered)
        } else {
            String::new()
        };
        let name = s_(actor.name.get(lang));
        let _ = writeln!(
            out,
            "  {:>2}. {name}{} {:>3}  {flag}",
            rank + 1,
            " ".repeat(actor_width.saturating_sub(name.width())),
            round(r.score)
        );
        if !r.recommended {
            continue;
        }
        for reason in &r.reasons {
            match reason {
                Reason::Rule { rule } => {
                    let rule = &actor.rules[*rule];
                    let date = sanctions_date(rule)
                        .map(|d| format!(" ({} {d})", w.sanctions_as_of))
                        .unwrap_or_default();
                    let _ = writeln!(
                        out,
                        "        • {}: {}{date}",
                        w.rule,
                        s_(rule.reason.get(lang))
                    );
                }
                Reason::Answer(c) => {
                    let question = &q.questions[c.question];
                    let shown = match c.option {
                        Some(o) => s_(question.kind.options()[o].label.get(lang)),
                        None => c.answer_text(q, answers.get(&question.id)),
                    };
                    let _ = writeln!(
                        out,
                        "        • {}: {} → {} ({} +{})",
                        w.answer,
                        s_(question.text.get(lang)),
                        shown,
                        s_(q.areas[c.area].title.get(lang)),
                        fmt_num(c.points)
                    );
                }
            }
        }
        if !r.services.is_empty() {
            let _ = writeln!(out, "        {}:", w.services);
            for o in &r.services {
                let s = &actor.services[o.service];
                let note = if o.undecided {
                    format!(" ({})", w.undecided)
                } else {
                    String::new()
                };
                let price = s
                    .price
                    .as_ref()
                    .map(|p| format!(" – {}", s_(p.get(lang))))
                    .unwrap_or_default();
                let _ = writeln!(out, "          – {}{price}{note}", s_(s.name.get(lang)));
            }
        }
    }
    if !eval.advice.is_empty() {
        let _ = writeln!(out, "\n{}", w.advice);
        for h in &eval.advice {
            let _ = writeln!(out, "  • {}", s_(q.advice[h.advice].text.get(lang)));
        }
    }
    let _ = write!(out, "\n{}: ", w.open);
    if eval.open_questions.is_empty() {
        let _ = writeln!(out, "{}", w.none);
    } else {
        let ids: Vec<&str> = eval
            .open_questions
            .iter()
            .map(|&i| q.questions[i].id.as_str())
            .collect();
        let _ = writeln!(out, "{}", ids.join(", "));
    }
    out
}
