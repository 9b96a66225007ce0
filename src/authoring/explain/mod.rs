//! `check --explain`: what a questionnaire can and cannot do, for authors.
//!
//! Every condition (`show_if`, rule `when`, service and actor
//! `eligibility`) is tried against the answers of the questions it refers to
//! (and the questions that decide whether those are shown). When that answer
//! space is small (at most [`EXHAUSTIVE_LIMIT`] combinations) every
//! combination is tried; otherwise [`CONDITION_SAMPLES`] combinations are
//! drawn with a seeded PRNG, so the result is reproducible. Numbers are tried
//! at the interesting points: the literals they are compared with (±1),
//! band edges, `min` and `max`.
//!
//! Actor scores are estimated by scoring [`SCORE_SAMPLES`] seeded random
//! answer sets plus targeted ones (each actor's best answers, with the
//! answers that fire its rules); "never recommended" is only claimed from a
//! sound upper bound, never from sampling.

mod search;

use std::collections::BTreeMap;

use search::{Literals, Probe, Searcher, Witness, best_answers, domain, how, overlay, to_map};

use crate::answers::Answer;
use crate::diag::{Diagnostic, msg};
use crate::i18n::diag::explain as w;
use crate::questionnaire::Questionnaire;
use crate::questionnaire::expr::{self, Expr};
use crate::scoring;

/// Most combinations tried exhaustively for one condition.
pub const EXHAUSTIVE_LIMIT: u64 = 20_000;
/// Combinations sampled for a condition with a larger answer space.
pub const CONDITION_SAMPLES: usize = 5_000;
/// Random whole-questionnaire answer sets scored for the score ranges.
pub const SCORE_SAMPLES: usize = 1_000;
/// Samples of the deciding questions combined with each actor's best answers.
pub const CONTROLLER_SAMPLES: usize = 100;
/// Most targeted samples over all actors together: with more than
/// `TARGETED_BUDGET / CONTROLLER_SAMPLES` actors each gets fewer.
pub const TARGETED_BUDGET: usize = 20_000;
/// The PRNG seed: the same file always gives the same report.
pub const SEED: u64 = 0x00be_4a75_2026_0001;

/// splitmix64: small, fast and good enough to draw test answers.
#[derive(Debug, Clone)]
pub struct SplitMix64(u64);

impl SplitMix64 {
    pub fn new(seed: u64) -> Self {
        SplitMix64(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % (n.max(1) as u64)) as usize
    }
}

/// Whether an actor can be recommended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Recommendable {
    /// Some answer set found recommends it.
    Yes,
    /// Provably never: its best possible score stays below the threshold
    /// and no `refer` rule can fire (or its eligibility is never true).
    Never,
    /// Not provably impossible, but no answer set tried recommends it.
    NotFound,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ActorRange {
    pub actor: usize,
    /// Lowest and highest score seen over the answer sets tried.
    pub min: f64,
    pub max: f64,
    /// A sound upper bound of the score.
    pub upper_bound: f64,
    pub recommendable: Recommendable,
}

/// What `check --explain` found.
#[derive(Debug, Clone)]
pub struct Explanation {
    pub actors: Vec<ActorRange>,
    /// Warnings with spans into the questionnaire file, in file order.
    pub warnings: Vec<Diagnostic>,
    /// Conditions checked by trying every combination.
    pub exhaustive: usize,
    /// Conditions checked by seeded sampling.
    pub sampled: usize,
    /// Answer sets scored for the actor table.
    pub scored_sets: usize,
}

/// Analyses a questionnaire for `check --explain`.
pub fn explain(q: &Questionnaire) -> Explanation {
    let mut s = Searcher {
        q,
        lit: Literals::of(q),
        rng: SplitMix64::new(SEED),
        exhaustive: 0,
        sampled: 0,
        probe: Probe::new(q),
        seen: vec![false; q.questions.len()],
    };
    let mut warnings = Vec::new();
    let disp = |e: &Expr| super::words::fallback(e, q);

    // Sections and questions that can never be shown.
    let mut showable = vec![true; q.questions.len()];
    for sec in &q.sections {
        let first = sec.questions.start;
        let Some(first_q) = q.questions.get(first) else {
            continue;
        };
        if let Some(cond) = &sec.show_if {
            let found = s.search(&[cond], &|p| expr::eval(cond, p));
            if found.witness.is_none() {
                for qi in sec.questions.clone() {
                    showable[qi] = false;
                }
                warnings.push(
                    Diagnostic::warning(
                        "question-never-shown",
                        Some(first_q.span.clone()),
                        msg(|l| {
                            w::section_never_shown(
                                l,
                                &sec.id,
                                &disp(cond),
                                &how(l, &found),
                                sec.questions.len(),
                            )
                        }),
                    )
                    .with_help(msg(w::hidden_help)),
                );
                continue;
            }
        }
        for qi in sec.questions.clone() {
            let question = &q.questions[qi];
            let Some(cond) = &question.show_if else {
                continue;
            };
            let mut exprs = vec![cond];
            exprs.extend(sec.show_if.as_ref());
            let found = s.search(&exprs, &|p| p.shown(qi));
            if found.witness.is_none() {
                showable[qi] = false;
                warnings.push(
                    Diagnostic::warning(
                        "question-never-shown",
                        Some(question.span.clone()),
                        msg(|l| {
                            w::question_never_shown(l, &question.id, &disp(cond), &how(l, &found))
                        }),
                    )
                    .with_help(msg(w::hidden_help)),
                );
            }
        }
    }

    // Choice questions whose answers change nothing.
    for (qi, question) in q.questions.iter().enumerate() {
        let options = question.kind.options();
        if options.is_empty() || question.is_scored() || s.lit.referenced[qi] {
            continue;
        }
        warnings.push(
            Diagnostic::warning(
                "option-no-points",
                Some(question.span.clone()),
                msg(|l| w::option_no_points(l, options.len(), &question.id)),
            )
            .with_help(msg(w::option_no_points_help)),
        );
    }

    // Areas: weighed by no actor, or given points by no question (each
    // found in one pass over the actors and one over the questions).
    let mut weighed_area = vec![false; q.areas.len()];
    for a in &q.actors {
        for &(x, _) in &a.weights {
            if let Some(w) = weighed_area.get_mut(x) {
                *w = true;
            }
        }
    }
    let mut scored_area = vec![false; q.areas.len()];
    for (qi, x) in q.questions.iter().enumerate() {
        if showable[qi] {
            for &(a, _) in &x.max_points {
                if let Some(sa) = scored_area.get_mut(a) {
                    *sa = true;
                }
            }
        }
    }
    for (ai, area) in q.areas.iter().enumerate() {
        let weighed = weighed_area[ai];
        if !weighed {
            warnings.push(
                Diagnostic::warning(
                    "area-unweighed",
                    Some(area.span.clone()),
                    msg(|l| w::area_unweighed(l, &area.id)),
                )
                .with_help(msg(w::area_unweighed_help)),
            );
        }
        if !scored_area[ai] {
            warnings.push(Diagnostic::warning(
                "area-unscored",
                Some(area.span.clone()),
                msg(|l| w::area_unscored(l, &area.id)),
            ));
        }
    }

    // Facts without a source: an actor or service should say where its
    // description, cost and terms come from, and when that was checked.
    for actor in &q.actors {
        if actor.source.is_none() {
            warnings.push(
                Diagnostic::warning(
                    "source-missing",
                    Some(actor.span.clone()),
                    format!(
                        "actor `{}` has no `source`: where do its description and next step come from?",
                        actor.id
                    ),
                )
                .with_help("add source = { url = \"https://…\", checked = \"YYYY-MM-DD\" }"),
            );
        }
        for service in actor.services.iter().filter(|s| s.source.is_none()) {
            warnings.push(
                Diagnostic::warning(
                    "source-missing",
                    Some(service.span.clone()),
                    format!(
                        "service `{}` of `{}` has no `source`: where do its cost and terms come from?",
                        service.id, actor.id
                    ),
                )
                .with_help("add source = { url = \"https://…\", checked = \"YYYY-MM-DD\" }"),
            );
        }
    }

    // Rules, services and actors.
    let mut actors = Vec::new();
    let mut rule_witness: Vec<Vec<Option<Witness>>> = Vec::new();
    for actor in &q.actors {
        let mut witnesses = Vec::new();
        let eligible = match &actor.eligibility {
            None => true,
            Some(e) => {
                let found = s.search(&[e], &|p| expr::eval_kleene(e, p) == Some(true));
                if found.witness.is_none() {
                    warnings.push(Diagnostic::warning(
                        "actor-never-eligible",
                        Some(actor.span.clone()),
                        msg(|l| w::actor_never_eligible(l, &actor.id, &disp(e), &how(l, &found))),
                    ));
                }
                // Undecided ("vet ej", unanswered) keeps the actor in play.
                found.witness.is_some()
                    || s.search(&[e], &|p| expr::eval_kleene(e, p) != Some(false))
                        .witness
                        .is_some()
            }
        };
        for rule in &actor.rules {
            let cond = &rule.when;
            let found = s.search(&[cond], &|p| expr::eval(cond, p));
            if found.witness.is_none() {
                warnings.push(Diagnostic::warning(
                    "rule-never-fires",
                    Some(rule.span.clone()),
                    msg(|l| w::rule_never_fires(l, &actor.id, &disp(cond), &how(l, &found))),
                ));
            }
            witnesses.push(found.witness);
        }
        for service in &actor.services {
            let Some(e) = &service.eligibility else {
                continue;
            };
            let found = s.search(&[e], &|p| expr::eval_kleene(e, p) == Some(true));
            if found.witness.is_none() {
                warnings.push(
                    Diagnostic::warning(
                        "service-never-eligible",
                        Some(service.span.clone()),
                        msg(|l| {
                            w::service_never_eligible(
                                l,
                                &service.id,
                                &actor.id,
                                &disp(e),
                                &how(l, &found),
                            )
                        }),
                    )
                    .with_help(msg(w::service_never_eligible_help)),
                );
            }
        }
        // A sound upper bound of the score.
        let base = if actor
            .weights
            .iter()
            .any(|(a, _)| scored_area.get(*a).copied().unwrap_or(false))
        {
            100.0
        } else {
            0.0
        };
        let boosts: f64 = actor
            .rules
            .iter()
            .zip(&witnesses)
            .filter(|(r, w)| w.is_some() && r.boost > 0.0)
            .map(|(r, _)| r.boost)
            .sum();
        let upper = (base + boosts).clamp(0.0, 100.0);
        let can_refer = actor
            .rules
            .iter()
            .zip(&witnesses)
            .any(|(r, w)| r.refer && w.is_some());
        let never = !eligible || (upper < actor.threshold && !can_refer);
        actors.push(ActorRange {
            actor: actors.len(),
            min: f64::INFINITY,
            max: f64::NEG_INFINITY,
            upper_bound: upper,
            recommendable: if never {
                Recommendable::Never
            } else {
                Recommendable::NotFound
            },
        });
        rule_witness.push(witnesses);
    }

    // Score ranges: seeded random answer sets plus targeted ones, each
    // scored as soon as it is made (never all kept at once). Only the
    // questions that can move a score are answered: those that give points
    // and those conditions refer to (a free-text question does neither).
    let relevant: Vec<usize> = (0..q.questions.len())
        .filter(|&qi| s.lit.referenced[qi] || q.questions[qi].is_scored())
        .collect();
    let domains: Vec<Vec<Option<Answer>>> =
        relevant.iter().map(|&qi| domain(q, qi, &s.lit)).collect();
    let mut scored_sets = 0usize;
    let note = |actors: &mut [ActorRange], r: &scoring::Referral| {
        if let Some(range) = actors.get_mut(r.actor) {
            range.min = range.min.min(r.score);
            range.max = range.max.max(r.score);
            if r.recommended {
                range.recommendable = Recommendable::Yes;
            }
        }
    };
    let score_all = |actors: &mut [ActorRange], set: &BTreeMap<String, Answer>| {
        for r in &scoring::evaluate_lean(q, set).referrals {
            note(actors, r);
        }
    };
    score_all(&mut actors, &BTreeMap::new());
    scored_sets += 1;
    for _ in 0..SCORE_SAMPLES {
        let mut set = BTreeMap::new();
        for (k, d) in domains.iter().enumerate() {
            if let Some(Some(a)) = d.get(s.rng.below(d.len())) {
                set.insert(q.questions[relevant[k]].id.clone(), a.clone());
            }
        }
        score_all(&mut actors, &set);
        scored_sets += 1;
    }
    // Answers to the questions conditions refer to, from a few samples, to
    // make the best answers visible. With many actors fewer per actor, so
    // that the work stays proportional to the questionnaire.
    // Each set costs a pass over the questionnaire: fewer for long ones too.
    let per_actor = (TARGETED_BUDGET / q.actors.len().max(1)).clamp(1, CONTROLLER_SAMPLES);
    let per_actor = (per_actor * 1_000 / q.questions.len().max(1_000)).max(1);
    let mut controllers: Vec<Witness> = Vec::new();
    for _ in 0..per_actor {
        let mut w = Witness::new();
        for (k, d) in domains.iter().enumerate() {
            let qi = relevant[k];
            if s.lit.referenced[qi]
                && let Some(Some(a)) = d.get(s.rng.below(d.len()))
            {
                w.push((qi, a.clone()));
            }
        }
        controllers.push(w);
    }
    // Targeted sets score only their own actor, and only while it can still
    // score higher than seen (an actor already recommended at its upper
    // bound has nothing more to find).
    for (ai, witnesses) in rule_witness.iter().enumerate() {
        if actors
            .get(ai)
            .is_some_and(|r| r.recommendable == Recommendable::Yes && r.max >= r.upper_bound - 1e-9)
        {
            continue;
        }
        let mut score_one = |w: &Witness| {
            if let Some(r) = scoring::score_actor(q, &to_map(q, w), ai) {
                note(&mut actors, &r);
            }
            scored_sets += 1;
        };
        let best = best_answers(q, ai);
        score_one(&best);
        for c in &controllers {
            let mut with = c.clone();
            overlay(&mut with, &best);
            score_one(&with);
            for w in witnesses.iter().flatten() {
                overlay(&mut with, w);
            }
            score_one(&with);
        }
        let mut merged = best.clone();
        for w in witnesses.iter().flatten() {
            overlay(&mut merged, w);
            let mut one = best.clone();
            overlay(&mut one, w);
            score_one(&one);
        }
        score_one(&merged);
    }
    for (ai, range) in actors.iter().enumerate() {
        if range.recommendable == Recommendable::Never {
            let actor = &q.actors[ai];
            warnings.push(
                Diagnostic::warning(
                    "actor-never-recommended",
                    Some(actor.span.clone()),
                    msg(|l| {
                        w::actor_never_recommended(
                            l,
                            &actor.id,
                            &crate::text::fmt_num(range.upper_bound.round()),
                            &crate::text::fmt_num(actor.threshold),
                        )
                    }),
                )
                .with_help(msg(w::actor_never_recommended_help)),
            );
        }
    }
    warnings.sort_by_key(|d| d.span.as_ref().map(|s| s.start));
    Explanation {
        actors,
        warnings,
        exhaustive: s.exhaustive,
        sampled: s.sampled,
        scored_sets,
    }
}
