//! Needs per area, actor ranking and reasons (docs/QUESTIONNAIRE.md, "Scoring") as pure functions.

use std::collections::BTreeMap;

use crate::answers::Answer;
use crate::questionnaire::expr::{self, Env};
use crate::questionnaire::{Kind, Question, Questionnaire};
use crate::text::fmt_num;

/// How many answers are named as reasons for one actor.
pub const ANSWER_REASONS: usize = 3;

/// Need of one area.
#[derive(Debug, Clone, PartialEq)]
pub struct AreaNeed {
    pub area: usize,
    /// 0–100, exact; `None` when no answered visible question can give points.
    pub need: Option<f64>,
    pub earned: f64,
    pub max: f64,
    /// Visible questions that can give the area points and have a real answer.
    pub answered: usize,
    /// Visible questions that can give the area points.
    pub total: usize,
    /// How much of what can be known about the area is known, 0–100: the
    /// most points of the answered questions ÷ the most points of all
    /// visible questions that can give the area points ("ej relevant"
    /// answers left out of both). `None` when no visible question can.
    pub coverage: Option<f64>,
}

/// Points one answer gave one area.
#[derive(Debug, Clone, PartialEq)]
pub struct Contribution {
    pub question: usize,
    /// The option (single/multi) that gave the points.
    pub option: Option<usize>,
    pub area: usize,
    pub points: f64,
}

impl Contribution {
    /// The answer as shown in reasons: the option id or the number.
    pub fn answer_text(&self, q: &Questionnaire, answer: Option<&Answer>) -> String {
        match (self.option, answer) {
            (Some(o), _) => q.questions[self.question].kind.options()[o].id.clone(),
            (None, Some(Answer::Number(x))) => fmt_num(*x),
            _ => String::new(),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Reason {
    /// A rule of the actor fired.
    Rule { rule: usize },
    /// An answer gave points to an area the actor weighs.
    Answer(Contribution),
}

/// A service offered to the company.
#[derive(Debug, Clone, PartialEq)]
pub struct ServiceOffer {
    pub service: usize,
    /// Eligibility could not be decided because of "vet ej" or missing answers.
    pub undecided: bool,
    /// The highest need among the service's areas.
    pub need: Option<f64>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Referral {
    pub actor: usize,
    /// 0–100, exact.
    pub score: f64,
    pub recommended: bool,
    /// Rules that fired (indices into the actor's rules).
    pub fired: Vec<usize>,
    pub reasons: Vec<Reason>,
    /// Eligible (or undecided) services, best first; only for recommended actors.
    pub services: Vec<ServiceOffer>,
    /// The actor's own `eligibility` is definitely false for this company
    /// (e.g. too many employees): never recommended, whatever the score.
    pub ineligible: bool,
    /// How much of what the actor weighs is answered, 0–100: the areas'
    /// coverage weighted like its score (`None` for an actor without
    /// weights, or when none of its areas has a visible question).
    pub coverage: Option<f64>,
    /// The score reaches the threshold, but too little of what the actor
    /// weighs is answered to recommend it on the score (see
    /// `min_coverage`); no `refer` rule fired.
    pub provisional: bool,
}

/// Where a piece of advice came from.
#[derive(Debug, Clone, PartialEq)]
pub enum AdviceFrom {
    /// An option that is (part of) a visible question's answer.
    Option { question: usize, option: usize },
    /// A rule of an actor that fired.
    Rule { actor: usize, rule: usize },
}

/// A piece of advice for the company (index into `Questionnaire::advice`).
#[derive(Debug, Clone, PartialEq)]
pub struct AdviceHit {
    pub advice: usize,
    pub from: AdviceFrom,
}

/// Everything scoring says about one set of answers.
#[derive(Debug, Clone, PartialEq)]
pub struct Evaluation {
    pub visible: Vec<bool>,
    pub section_visible: Vec<bool>,
    pub areas: Vec<AreaNeed>,
    /// Sorted by score, descending; ties in questionnaire order.
    pub referrals: Vec<Referral>,
    /// Visible non-text questions unanswered or "vet ej", in order.
    pub open_questions: Vec<usize>,
    pub contributions: Vec<Contribution>,
    /// Advice for the company, each once: from answers in questionnaire
    /// order, then from fired rules in actor order. Advice never changes a
    /// need or a score.
    pub advice: Vec<AdviceHit>,
}

impl Evaluation {
    pub fn need(&self, area: usize) -> Option<f64> {
        self.areas.get(area).and_then(|a| a.need)
    }

    pub fn referral(&self, actor: usize) -> Option<&Referral> {
        self.referrals.iter().find(|r| r.actor == actor)
    }
}

/// Answers indexed by question, with visibility applied.
struct Indexed<'a> {
    answers: Vec<Option<&'a Answer>>,
    visible: Vec<bool>,
}

impl Env for Indexed<'_> {
    fn answer(&self, q: usize) -> Option<&Answer> {
        if self.visible.get(q).copied().unwrap_or(false) {
            self.answers.get(q).copied().flatten()
        } else {
            None
        }
    }
}

struct WithNeeds<'a, 'b> {
    inner: &'a Indexed<'b>,
    areas: &'a [AreaNeed],
}

impl Env for WithNeeds<'_, '_> {
    fn answer(&self, q: usize) -> Option<&Answer> {
        self.inner.answer(q)
    }
    fn need(&self, area: usize) -> Option<f64> {
        self.areas.get(area).and_then(|a| a.need)
    }
}

/// Which questions and sections are visible. `show_if` only refers to
/// earlier questions, so one pass in order decides everything; a hidden
/// question counts as unanswered for later conditions.
pub fn visibility(q: &Questionnaire, answers: &BTreeMap<String, Answer>) -> (Vec<bool>, Vec<bool>) {
    let idx = index(q, answers);
    (idx.visible, section_visibility(q, &idx.answers))
}

fn index<'a>(q: &Questionnaire, answers: &'a BTreeMap<String, Answer>) -> Indexed<'a> {
    let mut by_q: Vec<Option<&Answer>> = vec![None; q.questions.len()];
    for (id, a) in answers {
        if let Some(i) = q.question(id) {
            by_q[i] = Some(a);
        }
    }
    let mut env = Indexed {
        answers: by_q,
        visible: vec![false; q.questions.len()],
    };
    for s in &q.sections {
        let sec_ok = s.show_if.as_ref().is_none_or(|e| expr::eval(e, &env));
        for i in s.questions.clone() {
            let ok = sec_ok
                && q.questions[i]
                    .show_if
                    .as_ref()
                    .is_none_or(|e| expr::eval(e, &env));
            env.visible[i] = ok;
        }
    }
    env
}

fn section_visibility(q: &Questionnaire, answers: &[Option<&Answer>]) -> Vec<bool> {
    // Recompute with the final visibility: same result as during the pass,
    // since a section's condition only looks at earlier questions.
    let mut env = Indexed {
        answers: answers.to_vec(),
        visible: vec![false; q.questions.len()],
    };
    let mut out = Vec::with_capacity(q.sections.len());
    for s in &q.sections {
        let sec_ok = s.show_if.as_ref().is_none_or(|e| expr::eval(e, &env));
        for i in s.questions.clone() {
            env.visible[i] = sec_ok
                && q.questions[i]
                    .show_if
                    .as_ref()
                    .is_none_or(|e| expr::eval(e, &env));
        }
        out.push(sec_ok);
    }
    out
}

/// The points an answer gives each area, clamped to `0..=max` per area.
pub fn answer_points(
    question: &Question,
    question_index: usize,
    answer: &Answer,
) -> Vec<Contribution> {
    let mut out: Vec<Contribution> = Vec::new();
    let max_of = |area: usize| {
        question
            .max_points
            .iter()
            .find(|(a, _)| *a == area)
            .map(|(_, m)| *m)
            .unwrap_or(0.0)
    };
    let push = |out: &mut Vec<Contribution>, option: Option<usize>, area: usize, points: f64| {
        if points > 0.0 && max_of(area) > 0.0 {
            out.push(Contribution {
                question: question_index,
                option,
                area,
                points,
            });
        }
    };
    match (&question.kind, answer) {
        (Kind::Single { options }, Answer::Choice(id)) => {
            if let Some(o) = options.iter().position(|o| &o.id == id) {
                for &(a, p) in &options[o].needs {
                    push(&mut out, Some(o), a, p.min(max_of(a)));
                }
            }
        }
        (Kind::Multi { options }, Answer::Choices(ids)) => {
            // Sum per area first (negative options may cancel), then clamp
            // and attribute to the options that gave positive points.
            let mut per_area: Vec<(usize, f64)> = Vec::new();
            for id in ids {
                if let Some(o) = options.iter().find(|o| &o.id == id) {
                    for &(a, p) in &o.needs {
                        match per_area.iter_mut().find(|(x, _)| *x == a) {
                            Some(e) => e.1 += p,
                            None => per_area.push((a, p)),
                        }
                    }
                }
            }
            for (area, total) in per_area {
                let total = total.clamp(0.0, max_of(area));
                if total <= 0.0 {
                    continue;
                }
                let positives: Vec<(usize, f64)> = ids
                    .iter()
                    .filter_map(|id| options.iter().position(|o| &o.id == id))
                    .filter_map(|o| {
                        options[o]
                            .needs
                            .iter()
                            .find(|(a, p)| *a == area && *p > 0.0)
                            .map(|(_, p)| (o, *p))
                    })
                    .collect();
                let sum: f64 = positives.iter().map(|(_, p)| p).sum();
                for (o, p) in positives {
                    push(&mut out, Some(o), area, total * p / sum);
                }
            }
        }
        (
            Kind::Scale {
                min,
                max,
                needs_low,
                needs_high,
                ..
            },
            Answer::Number(v),
        ) => {
            let span = (*max - *min) as f64;
            let t = if span > 0.0 {
                ((v - *min as f64) / span).clamp(0.0, 1.0)
            } else {
                0.0
            };
            let mut per_area: Vec<(usize, f64)> = Vec::new();
            for (&(a, p), w) in needs_low
                .iter()
                .map(|x| (x, 1.0 - t))
                .chain(needs_high.iter().map(|x| (x, t)))
            {
                match per_area.iter_mut().find(|(x, _)| *x == a) {
                    Some(e) => e.1 += p * w,
                    None => per_area.push((a, p * w)),
                }
            }
            for (a, p) in per_area {
                push(&mut out, None, a, p.min(max_of(a)));
            }
        }
        (Kind::Number { bands, .. }, Answer::Number(v)) => {
            if let Some(b) = bands.iter().find(|b| b.contains(*v)) {
                for &(a, p) in &b.needs {
                    push(&mut out, None, a, p.min(max_of(a)));
                }
            }
        }
        _ => {}
    }
    out
}

/// Scores a set of answers (keyed by current question id).
pub fn evaluate(q: &Questionnaire, answers: &BTreeMap<String, Answer>) -> Evaluation {
    evaluate_with(q, answers, true)
}

/// Like [`evaluate`] — the same visibility, needs, scores and
/// recommendations — but without the reasons from answers and without
/// service offers: for statistics over many sessions (`report`), where
/// ranking every answer for every actor was a quarter of the work.
pub fn evaluate_lean(q: &Questionnaire, answers: &BTreeMap<String, Answer>) -> Evaluation {
    evaluate_with(q, answers, false)
}

/// Needs per area, the answers' contributions and the open questions.
fn needs(q: &Questionnaire, env: &Indexed<'_>) -> (Vec<AreaNeed>, Vec<Contribution>, Vec<usize>) {
    let mut areas: Vec<AreaNeed> = (0..q.areas.len())
        .map(|area| AreaNeed {
            area,
            need: None,
            earned: 0.0,
            max: 0.0,
            answered: 0,
            total: 0,
            coverage: None,
        })
        .collect();
    // Most points of visible (not "ej relevant") questions, per area.
    let mut visible_max = vec![0.0f64; q.areas.len()];
    let mut contributions = Vec::new();
    let mut open_questions = Vec::new();
    for (i, question) in q.questions.iter().enumerate() {
        if !env.visible[i] {
            continue;
        }
        let answer = env.answers[i];
        let real = answer.is_some_and(Answer::is_real);
        if !matches!(question.kind, Kind::Text) && matches!(answer, None | Some(Answer::Unknown)) {
            open_questions.push(i);
        }
        let not_applicable = matches!(answer, Some(Answer::NotApplicable));
        for &(area, max) in &question.max_points {
            areas[area].total += 1;
            if !not_applicable {
                visible_max[area] += max;
            }
            if real {
                areas[area].answered += 1;
                areas[area].max += max;
            }
        }
        if let Some(a) = answer.filter(|a| a.is_real()) {
            for c in answer_points(question, i, a) {
                areas[c.area].earned += c.points;
                contributions.push(c);
            }
        }
    }
    for (a, vmax) in areas.iter_mut().zip(&visible_max) {
        if a.max > 0.0 {
            a.need = Some((a.earned / a.max * 100.0).clamp(0.0, 100.0));
        }
        if *vmax > 0.0 {
            a.coverage = Some((a.max / vmax * 100.0).clamp(0.0, 100.0));
        }
    }
    (areas, contributions, open_questions)
}

/// One actor's score, recommendation and reasons (with `full`, also the
/// answers that moved it most and the services offered).
fn referral(
    q: &Questionnaire,
    ai: usize,
    env: &Indexed<'_>,
    areas: &[AreaNeed],
    contributions: &[Contribution],
    full: bool,
) -> Referral {
    let actor = &q.actors[ai];
    let needs_env = WithNeeds { inner: env, areas };
    let (mut wsum, mut acc) = (0.0, 0.0);
    for &(area, w) in &actor.weights {
        if let Some(n) = areas[area].need {
            wsum += w;
            acc += w * n;
        }
    }
    let base = if wsum > 0.0 { acc / wsum } else { 0.0 };
    let coverage = actor_coverage(&actor.weights, areas);
    let fired: Vec<usize> = actor
        .rules
        .iter()
        .enumerate()
        .filter(|(_, r)| expr::eval(&r.when, &needs_env))
        .map(|(i, _)| i)
        .collect();
    let boost: f64 = fired.iter().map(|&i| actor.rules[i].boost).sum();
    let score = (base + boost).clamp(0.0, 100.0);
    let refer = fired.iter().any(|&i| actor.rules[i].refer);
    // "vet ej" or unanswered keeps the actor in play; only a
    // definite "no" rules it out.
    let ineligible = actor
        .eligibility
        .as_ref()
        .is_some_and(|e| expr::eval_kleene(e, env) == Some(false));
    // A need from a few answers is not enough: the actor's areas must be
    // answered to `min_coverage` before the score recommends it. A `refer`
    // rule, or rules whose boosts alone reach the threshold, are evidence
    // of their own.
    let covered = actor.weights.is_empty()
        || coverage.unwrap_or(0.0) + 1e-9 >= actor.min_coverage
        || boost >= actor.threshold;
    let by_score = score >= actor.threshold;
    let recommended = (refer || (by_score && covered)) && !ineligible;
    let provisional = by_score && !covered && !refer && !ineligible;

    // Reasons: fired rules (those with a reason), then the answers that
    // moved this actor most.
    let mut reasons: Vec<Reason> = fired
        .iter()
        .filter(|&&rule| actor.rules[rule].has_reason())
        .map(|&rule| Reason::Rule { rule })
        .collect();
    if !full {
        return Referral {
            actor: ai,
            score,
            recommended,
            fired,
            reasons,
            services: Vec::new(),
            ineligible,
            coverage,
            provisional,
        };
    }
    let mut ranked: Vec<(f64, &Contribution)> = contributions
        .iter()
        .filter_map(|c| {
            let w = actor.weights.iter().find(|(a, _)| *a == c.area)?.1;
            let max = areas[c.area].max;
            (max > 0.0 && wsum > 0.0).then(|| (w / wsum * c.points / max * 100.0, c))
        })
        .collect();
    ranked.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.question.cmp(&b.1.question)));
    reasons.extend(
        ranked
            .into_iter()
            .take(ANSWER_REASONS)
            .map(|(_, c)| Reason::Answer(c.clone())),
    );
    let services = if recommended {
        offer_services(q, ai, env, areas)
    } else {
        Vec::new()
    };
    Referral {
        actor: ai,
        score,
        recommended,
        fired,
        reasons,
        services,
        ineligible,
        coverage,
        provisional,
    }
}

/// One actor's score and recommendation for a set of answers, as
/// [`evaluate_lean`] gives it, without scoring the other actors (for tools
/// that try many answer sets per actor).
pub fn score_actor(
    q: &Questionnaire,
    answers: &BTreeMap<String, Answer>,
    actor: usize,
) -> Option<Referral> {
    q.actors.get(actor)?;
    let env = index(q, answers);
    let (areas, contributions, _) = needs(q, &env);
    Some(referral(q, actor, &env, &areas, &contributions, false))
}

fn evaluate_with(q: &Questionnaire, answers: &BTreeMap<String, Answer>, full: bool) -> Evaluation {
    let env = index(q, answers);
    let section_visible = section_visibility(q, &env.answers);
    let (areas, contributions, open_questions) = needs(q, &env);
    let mut referrals: Vec<Referral> = (0..q.actors.len())
        .map(|ai| referral(q, ai, &env, &areas, &contributions, full))
        .collect();
    let advice = if full {
        collect_advice(q, &env, &referrals)
    } else {
        Vec::new()
    };
    // Stable sort keeps questionnaire order for ties.
    referrals.sort_by(|a, b| b.score.total_cmp(&a.score));

    Evaluation {
        visible: env.visible,
        section_visible,
        areas,
        referrals,
        open_questions,
        contributions,
        advice,
    }
}

/// An actor's coverage: its areas' coverage weighted like its score, over
/// the areas some visible question can give points to.
fn actor_coverage(weights: &[(usize, f64)], areas: &[AreaNeed]) -> Option<f64> {
    let (mut wsum, mut acc) = (0.0, 0.0);
    for &(area, w) in weights {
        if let Some(c) = areas.get(area).and_then(|a| a.coverage) {
            wsum += w;
            acc += w * c;
        }
    }
    (wsum > 0.0).then(|| acc / wsum)
}

/// The advice of the chosen options of visible questions, then of fired
/// rules (referrals still in actor order), each advice once.
fn collect_advice(q: &Questionnaire, env: &Indexed<'_>, referrals: &[Referral]) -> Vec<AdviceHit> {
    let mut out: Vec<AdviceHit> = Vec::new();
    let mut push = |advice: usize, from: AdviceFrom| {
        if !out.iter().any(|h| h.advice == advice) {
            out.push(AdviceHit { advice, from });
        }
    };
    for (i, question) in q.questions.iter().enumerate() {
        let options = question.kind.options();
        let chosen: Vec<usize> = match env.answer(i) {
            Some(Answer::Choice(id)) => question.kind.option_index(id).into_iter().collect(),
            Some(Answer::Choices(ids)) => ids
                .iter()
                .filter_map(|id| question.kind.option_index(id))
                .collect(),
            _ => continue,
        };
        for o in chosen {
            if let Some(a) = options[o].advice {
                push(
                    a,
                    AdviceFrom::Option {
                        question: i,
                        option: o,
                    },
                );
            }
        }
    }
    for r in referrals {
        let actor = &q.actors[r.actor];
        for &rule in &r.fired {
            if let Some(a) = actor.rules[rule].advice {
                push(
                    a,
                    AdviceFrom::Rule {
                        actor: r.actor,
                        rule,
                    },
                );
            }
        }
    }
    out
}

fn offer_services(
    q: &Questionnaire,
    actor: usize,
    env: &Indexed<'_>,
    areas: &[AreaNeed],
) -> Vec<ServiceOffer> {
    let mut offers: Vec<ServiceOffer> = q.actors[actor]
        .services
        .iter()
        .enumerate()
        .filter_map(|(si, s)| {
            let decided = match &s.eligibility {
                None => Some(true),
                Some(e) => expr::eval_kleene(e, env),
            };
            let need = s
                .areas
                .iter()
                .filter_map(|&a| areas[a].need)
                .fold(None, |m: Option<f64>, x| Some(m.map_or(x, |m| m.max(x))));
            match decided {
                Some(true) => Some(ServiceOffer {
                    service: si,
                    undecided: false,
                    need,
                }),
                None => Some(ServiceOffer {
                    service: si,
                    undecided: true,
                    need,
                }),
                Some(false) => None,
            }
        })
        .collect();
    offers.sort_by(|a, b| {
        b.need
            .unwrap_or(-1.0)
            .total_cmp(&a.need.unwrap_or(-1.0))
            .then(a.undecided.cmp(&b.undecided))
    });
    offers
}

/// Share of visible, non-text questions that have an answer (any, including
/// "vet ej"), 0–100. Used for progress displays.
pub fn progress(
    q: &Questionnaire,
    eval: &Evaluation,
    answers: &BTreeMap<String, Answer>,
) -> (usize, usize) {
    let mut done = 0;
    let mut total = 0;
    for (i, question) in q.questions.iter().enumerate() {
        if eval.visible[i] {
            total += 1;
            if answers.contains_key(&question.id) {
                done += 1;
            }
        }
    }
    (done, total)
}
