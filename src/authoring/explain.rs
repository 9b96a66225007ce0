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

use std::collections::BTreeMap;

use crate::answers::Answer;
use crate::diag::Diagnostic;
use crate::questionnaire::countries::{Countries, CountrySet};
use crate::questionnaire::expr::{self, Env, Expr, Val};
use crate::questionnaire::{Kind, Questionnaire};
use crate::scoring;

/// Most combinations tried exhaustively for one condition.
pub const EXHAUSTIVE_LIMIT: u64 = 20_000;
/// Combinations sampled for a condition with a larger answer space.
pub const CONDITION_SAMPLES: usize = 5_000;
/// Random whole-questionnaire answer sets scored for the score ranges.
pub const SCORE_SAMPLES: usize = 1_000;
/// Samples of the deciding questions combined with each actor's best answers.
pub const CONTROLLER_SAMPLES: usize = 100;
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

/// Values the expressions compare each question and area need with.
struct Literals {
    nums: Vec<Vec<f64>>,
    strs: Vec<Vec<String>>,
    opts: Vec<Vec<String>>,
    /// The country sets `any(…)`/`all(…)` test each country question against.
    country_sets: Vec<Vec<CountrySet>>,
    need_nums: Vec<Vec<f64>>,
    referenced: Vec<bool>,
}

impl Literals {
    fn of(q: &Questionnaire) -> Self {
        let n = q.questions.len();
        let mut lit = Literals {
            nums: vec![Vec::new(); n],
            strs: vec![Vec::new(); n],
            opts: vec![Vec::new(); n],
            country_sets: vec![Vec::new(); n],
            need_nums: vec![Vec::new(); q.areas.len()],
            referenced: vec![false; n],
        };
        for e in all_exprs(q) {
            lit.add(e);
        }
        lit
    }

    fn add_pair(&mut self, a: &Val, b: &Val) {
        match (a, b) {
            (Val::Answer(qi), Val::Num(x)) => push(&mut self.nums, *qi, *x),
            (Val::Answer(qi), Val::Str(s)) => {
                if let Some(v) = self.strs.get_mut(*qi) {
                    v.push(s.clone());
                }
            }
            (Val::Need(a), Val::Num(x)) => push(&mut self.need_nums, *a, *x),
            _ => {}
        }
    }

    fn add(&mut self, e: &Expr) {
        let mut qs = Vec::new();
        expr::questions_in(e, &mut qs);
        for qi in qs {
            if let Some(r) = self.referenced.get_mut(qi) {
                *r = true;
            }
        }
        match e {
            Expr::Const(_) | Expr::Answered(_) => {}
            Expr::Not(inner) => self.add(inner),
            Expr::And(items) | Expr::Or(items) => items.iter().for_each(|i| self.add(i)),
            Expr::Contains { question, option } => {
                if let Some(v) = self.opts.get_mut(*question) {
                    v.push(option.clone());
                }
            }
            Expr::Countries { question, set, .. } => {
                if let Some(v) = self.country_sets.get_mut(*question) {
                    v.push(set.clone());
                }
            }
            Expr::Cmp { lhs, rhs, .. } => {
                self.add_pair(lhs, rhs);
                self.add_pair(rhs, lhs);
            }
            Expr::In { val, list } => {
                for item in list {
                    self.add_pair(val, item);
                }
            }
        }
    }
}

fn push(v: &mut [Vec<f64>], i: usize, x: f64) {
    if let Some(list) = v.get_mut(i) {
        list.push(x);
    }
}

/// Every expression of the questionnaire.
fn all_exprs(q: &Questionnaire) -> Vec<&Expr> {
    let mut out: Vec<&Expr> = Vec::new();
    out.extend(q.sections.iter().filter_map(|s| s.show_if.as_ref()));
    out.extend(q.questions.iter().filter_map(|x| x.show_if.as_ref()));
    for a in &q.actors {
        out.extend(a.eligibility.as_ref());
        out.extend(a.rules.iter().map(|r| &r.when));
        out.extend(a.services.iter().filter_map(|s| s.eligibility.as_ref()));
    }
    out
}

fn needs_in(e: &Expr, out: &mut Vec<usize>) {
    let val = |v: &Val, out: &mut Vec<usize>| {
        if let Val::Need(a) = v {
            out.push(*a);
        }
    };
    match e {
        Expr::Const(_) | Expr::Answered(_) | Expr::Contains { .. } | Expr::Countries { .. } => {}
        Expr::Not(inner) => needs_in(inner, out),
        Expr::And(items) | Expr::Or(items) => items.iter().for_each(|i| needs_in(i, out)),
        Expr::Cmp { lhs, rhs, .. } => {
            val(lhs, out);
            val(rhs, out);
        }
        Expr::In { val: v, list } => {
            val(v, out);
            list.iter().for_each(|i| val(i, out));
        }
    }
}

/// The answers worth trying for one question.
fn domain(q: &Questionnaire, qi: usize, lit: &Literals) -> Vec<Option<Answer>> {
    let question = &q.questions[qi];
    let mut out: Vec<Option<Answer>> = vec![None];
    if question.allow_unknown {
        out.push(Some(Answer::Unknown));
    }
    if question.allow_na {
        out.push(Some(Answer::NotApplicable));
    }
    match &question.kind {
        Kind::Single { options } => {
            out.extend(options.iter().map(|o| Some(Answer::Choice(o.id.clone()))));
        }
        Kind::Multi { options } => {
            let mut named: Vec<String> = if question.country {
                country_representatives(lit, qi)
            } else {
                lit.opts[qi].clone()
            };
            if !question.country {
                named.sort();
                named.dedup();
            }
            if named.is_empty() {
                named.extend(options.first().map(|o| o.id.clone()));
            }
            let exclusive = |id: &String| options.iter().any(|o| o.exclusive && &o.id == id);
            // Only answers a file could hold: not too many choices, no
            // exclusive option with others.
            let valid = |set: &[String]| {
                !question.max_choices.is_some_and(|m| set.len() > m)
                    && !(set.len() > 1 && set.iter().any(exclusive))
            };
            let mut push = |set: Vec<String>| {
                if valid(&set) {
                    out.push(Some(Answer::Choices(set)));
                }
            };
            if named.len() <= 10 {
                for mask in 0u32..(1u32 << named.len()) {
                    push(
                        named
                            .iter()
                            .enumerate()
                            .filter(|(i, _)| mask & (1 << i) != 0)
                            .map(|(_, o)| o.clone())
                            .collect(),
                    );
                }
            } else {
                // Too many for every subset: none, each option alone, each
                // pair, and as many as may be chosen together.
                push(Vec::new());
                for (i, a) in named.iter().enumerate() {
                    push(vec![a.clone()]);
                    for b in &named[i + 1..] {
                        push(vec![a.clone(), b.clone()]);
                    }
                }
                let cap = question.max_choices.unwrap_or(named.len());
                push(named.iter().filter(|o| !exclusive(o)).take(cap).cloned().collect());
            }
        }
        Kind::Scale { min, max, .. } => {
            out.extend((*min..=*max).map(|x| Some(Answer::Number(x as f64))));
        }
        Kind::Number {
            min, max, bands, ..
        } => {
            let mut xs: Vec<f64> = vec![0.0];
            xs.extend(min.iter().chain(max.iter()).copied());
            for &c in &lit.nums[qi] {
                xs.extend([c - 1.0, c, c + 1.0]);
            }
            for b in bands {
                xs.extend(b.from.iter().copied());
                if let Some(t) = b.to {
                    xs.extend([t - 1.0, t]);
                }
            }
            xs.retain(|x| {
                x.is_finite() && min.is_none_or(|m| *x >= m) && max.is_none_or(|m| *x <= m)
            });
            xs.sort_by(f64::total_cmp);
            xs.dedup();
            out.extend(xs.into_iter().map(|x| Some(Answer::Number(x))));
        }
        Kind::Text => {
            out.push(Some(Answer::Text("text".into())));
            let mut strs = lit.strs[qi].clone();
            strs.sort();
            strs.dedup();
            out.extend(strs.into_iter().map(|s| Some(Answer::Text(s))));
        }
    }
    out
}

/// Countries worth trying for a country question: the codes conditions
/// name, and one country for each combination of the sets `any`/`all`
/// conditions test (countries in the same sets behave alike).
fn country_representatives(lit: &Literals, qi: usize) -> Vec<String> {
    let Ok(data) = Countries::builtin() else {
        return Vec::new();
    };
    let mut out: Vec<String> = lit.opts[qi].clone();
    out.sort();
    out.dedup();
    let sets = &lit.country_sets[qi];
    let mut seen: Vec<Vec<bool>> = Vec::new();
    for (i, c) in data.countries.iter().enumerate() {
        let sig: Vec<bool> = sets.iter().map(|s| s.contains(i)).collect();
        if !seen.contains(&sig) {
            seen.push(sig);
            if !out.contains(&c.code) {
                out.push(c.code.clone());
            }
        }
    }
    out
}

fn need_domain(lit: &Literals, area: usize) -> Vec<Option<f64>> {
    let mut xs = vec![0.0, 100.0];
    for &c in &lit.need_nums[area] {
        xs.extend([c - 1.0, c, c + 1.0]);
    }
    xs.retain(|x| (0.0..=100.0).contains(x));
    xs.sort_by(f64::total_cmp);
    xs.dedup();
    std::iter::once(None)
        .chain(xs.into_iter().map(Some))
        .collect()
}

/// An assignment of answers (and needs) to some questions, with the
/// questionnaire's visibility rules applied.
struct Probe<'q> {
    q: &'q Questionnaire,
    answers: Vec<Option<Answer>>,
    visible: Vec<bool>,
    needs: Vec<Option<f64>>,
}

impl Env for Probe<'_> {
    fn answer(&self, qi: usize) -> Option<&Answer> {
        if self.visible.get(qi).copied().unwrap_or(false) {
            self.answers.get(qi).and_then(Option::as_ref)
        } else {
            None
        }
    }
    fn need(&self, area: usize) -> Option<f64> {
        self.needs.get(area).copied().flatten()
    }
}

impl Probe<'_> {
    /// Whether question `qi` is shown, given the answers so far.
    fn shown(&self, qi: usize) -> bool {
        let question = &self.q.questions[qi];
        let section = self.q.sections.get(question.section);
        section
            .and_then(|s| s.show_if.as_ref())
            .is_none_or(|e| expr::eval(e, self))
            && question
                .show_if
                .as_ref()
                .is_none_or(|e| expr::eval(e, self))
    }

    /// Recomputes visibility of `vars` (ascending: conditions only look back).
    fn refresh(&mut self, vars: &[usize]) {
        for &qi in vars {
            self.visible[qi] = false;
        }
        for &qi in vars {
            let v = self.shown(qi);
            self.visible[qi] = v;
        }
    }
}

/// The questions an expression depends on, including those that decide
/// whether they are shown; ascending.
fn closure(q: &Questionnaire, seeds: Vec<usize>) -> Vec<usize> {
    let mut seen = vec![false; q.questions.len()];
    let mut stack = seeds;
    while let Some(qi) = stack.pop() {
        if qi >= seen.len() || seen[qi] {
            continue;
        }
        seen[qi] = true;
        let question = &q.questions[qi];
        if let Some(e) = q
            .sections
            .get(question.section)
            .and_then(|s| s.show_if.as_ref())
        {
            expr::questions_in(e, &mut stack);
        }
        if let Some(e) = &question.show_if {
            expr::questions_in(e, &mut stack);
        }
    }
    (0..seen.len()).filter(|&i| seen[i]).collect()
}

/// Answers to some questions that make a condition true.
type Witness = Vec<(usize, Answer)>;

struct Searcher<'q> {
    q: &'q Questionnaire,
    lit: Literals,
    rng: SplitMix64,
    exhaustive: usize,
    sampled: usize,
}

/// The outcome of a search.
struct Found {
    witness: Option<Witness>,
    exhaustive: bool,
}

impl<'q> Searcher<'q> {
    /// Looks for answers to the questions in `exprs` (and those deciding
    /// their visibility) for which `target` holds.
    fn search(&mut self, exprs: &[&Expr], target: &dyn Fn(&Probe<'_>) -> bool) -> Found {
        let q = self.q;
        let mut seeds = Vec::new();
        let mut need_vars = Vec::new();
        for e in exprs {
            expr::questions_in(e, &mut seeds);
            needs_in(e, &mut need_vars);
        }
        need_vars.sort_unstable();
        need_vars.dedup();
        let vars = closure(q, seeds);
        let domains: Vec<Vec<Option<Answer>>> =
            vars.iter().map(|&qi| domain(q, qi, &self.lit)).collect();
        let need_domains: Vec<Vec<Option<f64>>> = need_vars
            .iter()
            .map(|&a| need_domain(&self.lit, a))
            .collect();
        let total = domains
            .iter()
            .map(|d| d.len() as u64)
            .chain(need_domains.iter().map(|d| d.len() as u64))
            .fold(1u64, u64::saturating_mul);
        let mut probe = Probe {
            q,
            answers: vec![None; q.questions.len()],
            visible: vec![false; q.questions.len()],
            needs: vec![None; q.areas.len()],
        };
        let witness = |probe: &Probe<'_>| -> Witness {
            vars.iter()
                .filter_map(|&qi| probe.answers[qi].clone().map(|a| (qi, a)))
                .collect()
        };
        let sizes: Vec<usize> = domains
            .iter()
            .map(Vec::len)
            .chain(need_domains.iter().map(Vec::len))
            .collect();
        let set = |probe: &mut Probe<'_>, pick: &[usize]| {
            for (k, &qi) in vars.iter().enumerate() {
                probe.answers[qi] = domains[k][pick[k]].clone();
            }
            for (k, &a) in need_vars.iter().enumerate() {
                probe.needs[a] = need_domains[k][pick[vars.len() + k]];
            }
            probe.refresh(&vars);
        };
        if total <= EXHAUSTIVE_LIMIT {
            self.exhaustive += 1;
            let mut pick = vec![0usize; sizes.len()];
            loop {
                set(&mut probe, &pick);
                if target(&probe) {
                    return Found {
                        witness: Some(witness(&probe)),
                        exhaustive: true,
                    };
                }
                // Mixed-radix increment.
                let mut k = 0;
                loop {
                    if k == pick.len() {
                        return Found {
                            witness: None,
                            exhaustive: true,
                        };
                    }
                    pick[k] += 1;
                    if pick[k] < sizes[k] {
                        break;
                    }
                    pick[k] = 0;
                    k += 1;
                }
            }
        }
        self.sampled += 1;
        let mut pick = vec![0usize; sizes.len()];
        for _ in 0..CONDITION_SAMPLES {
            for (k, p) in pick.iter_mut().enumerate() {
                *p = self.rng.below(sizes[k]);
            }
            set(&mut probe, &pick);
            if target(&probe) {
                return Found {
                    witness: Some(witness(&probe)),
                    exhaustive: false,
                };
            }
        }
        Found {
            witness: None,
            exhaustive: false,
        }
    }
}

fn how(found: &Found) -> String {
    if found.exhaustive {
        "for every possible answer".to_string()
    } else {
        format!("in {CONDITION_SAMPLES} seeded samples of the answers (seed {SEED:#x})")
    }
}

/// Analyses a questionnaire for `check --explain`.
pub fn explain(q: &Questionnaire) -> Explanation {
    let mut s = Searcher {
        q,
        lit: Literals::of(q),
        rng: SplitMix64::new(SEED),
        exhaustive: 0,
        sampled: 0,
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
                        format!(
                            "section `{}` can never be shown: its show_if `{}` is false {}, so its {} question(s) never are",
                            sec.id,
                            disp(cond),
                            how(&found),
                            sec.questions.len()
                        ),
                    )
                    .with_help("an unanswered, \"vet ej\" or hidden question makes every comparison false"),
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
                        format!(
                            "question `{}` can never be shown: its show_if `{}` is false {}",
                            question.id,
                            disp(cond),
                            how(&found)
                        ),
                    )
                    .with_help(
                        "an unanswered, \"vet ej\" or hidden question makes every comparison false",
                    ),
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
                format!(
                    "none of the {} option(s) of `{}` gives points to any area, and no condition refers to the question: its answer is recorded but changes no need, score or service",
                    options.len(),
                    question.id
                ),
            )
            .with_help("give options `needs = { area = points }`, or use the question in a show_if, rule or eligibility"),
        );
    }

    // Areas: weighed by no actor, or given points by no question.
    for (ai, area) in q.areas.iter().enumerate() {
        let weighed = q
            .actors
            .iter()
            .any(|a| a.weights.iter().any(|(x, _)| *x == ai));
        if !weighed {
            warnings.push(
                Diagnostic::warning(
                    "area-unweighed",
                    Some(area.span.clone()),
                    format!(
                        "no actor weighs area `{}`: its need is shown but never moves an actor's score",
                        area.id
                    ),
                )
                .with_help("add it to some actor's `weights`, or ignore this if the area is only context"),
            );
        }
        let scored = q
            .questions
            .iter()
            .enumerate()
            .any(|(qi, x)| showable[qi] && x.max_points.iter().any(|(a, _)| *a == ai));
        if !scored {
            warnings.push(Diagnostic::warning(
                "area-unscored",
                Some(area.span.clone()),
                format!(
                    "no question that can be shown gives points to area `{}`: its need is always unknown",
                    area.id
                ),
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
                        format!(
                            "no company can be eligible for actor `{}`: its eligibility `{}` is false {}",
                            actor.id,
                            disp(e),
                            how(&found)
                        ),
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
                    format!(
                        "this rule of actor `{}` can never fire: `{}` is false {}",
                        actor.id,
                        disp(cond),
                        how(&found)
                    ),
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
                        format!(
                            "no company can be eligible for service `{}` of `{}`: its eligibility `{}` is false {}",
                            service.id,
                            actor.id,
                            disp(e),
                            how(&found)
                        ),
                    )
                    .with_help("check the comparison's direction and the question's min/max and options"),
                );
            }
        }
        // A sound upper bound of the score.
        let base = if actor.weights.iter().any(|(a, _)| {
            q.questions
                .iter()
                .enumerate()
                .any(|(qi, x)| showable[qi] && x.max_points.iter().any(|(b, _)| b == a))
        }) {
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

    // Score ranges: seeded random answer sets plus targeted ones.
    let mut sets: Vec<BTreeMap<String, Answer>> = vec![BTreeMap::new()];
    let all: Vec<usize> = (0..q.questions.len()).collect();
    let domains: Vec<Vec<Option<Answer>>> = all.iter().map(|&qi| domain(q, qi, &s.lit)).collect();
    for _ in 0..SCORE_SAMPLES {
        let mut set = BTreeMap::new();
        for (qi, d) in domains.iter().enumerate() {
            if let Some(Some(a)) = d.get(s.rng.below(d.len())) {
                set.insert(q.questions[qi].id.clone(), a.clone());
            }
        }
        sets.push(set);
    }
    // Answers to the questions conditions refer to, from a few samples, to
    // make the best answers visible.
    let mut controllers: Vec<Witness> = Vec::new();
    for _ in 0..CONTROLLER_SAMPLES {
        let mut w = Witness::new();
        for (qi, d) in domains.iter().enumerate() {
            if s.lit.referenced[qi]
                && let Some(Some(a)) = d.get(s.rng.below(d.len()))
            {
                w.push((qi, a.clone()));
            }
        }
        controllers.push(w);
    }
    for (ai, witnesses) in rule_witness.iter().enumerate() {
        let best = best_answers(q, ai);
        sets.push(to_map(q, &best));
        for c in &controllers {
            let mut with = c.clone();
            overlay(&mut with, &best);
            sets.push(to_map(q, &with));
            for w in witnesses.iter().flatten() {
                overlay(&mut with, w);
            }
            sets.push(to_map(q, &with));
        }
        let mut merged = best.clone();
        for w in witnesses.iter().flatten() {
            overlay(&mut merged, w);
            let mut one = best.clone();
            overlay(&mut one, w);
            sets.push(to_map(q, &one));
        }
        sets.push(to_map(q, &merged));
    }
    for set in &sets {
        let eval = scoring::evaluate(q, set);
        for r in &eval.referrals {
            let Some(range) = actors.get_mut(r.actor) else {
                continue;
            };
            range.min = range.min.min(r.score);
            range.max = range.max.max(r.score);
            if r.recommended {
                range.recommendable = Recommendable::Yes;
            }
        }
    }
    for (ai, range) in actors.iter().enumerate() {
        if range.recommendable == Recommendable::Never {
            let actor = &q.actors[ai];
            warnings.push(
                Diagnostic::warning(
                    "actor-never-recommended",
                    Some(actor.span.clone()),
                    format!(
                        "actor `{}` can never be recommended: its score can reach at most {} but its threshold is {}, and no rule with `refer = true` can fire",
                        actor.id,
                        crate::text::fmt_num(range.upper_bound.round()),
                        crate::text::fmt_num(actor.threshold)
                    ),
                )
                .with_help("weigh areas that questions give points to, add rules with a boost or `refer = true`, or lower the threshold"),
            );
        }
    }
    warnings.sort_by_key(|d| d.span.as_ref().map(|s| s.start));
    Explanation {
        actors,
        warnings,
        exhaustive: s.exhaustive,
        sampled: s.sampled,
        scored_sets: sets.len(),
    }
}

fn overlay(base: &mut Witness, top: &Witness) {
    for (qi, a) in top {
        match base.iter_mut().find(|(x, _)| x == qi) {
            Some(e) => e.1 = a.clone(),
            None => base.push((*qi, a.clone())),
        }
    }
}

fn to_map(q: &Questionnaire, w: &Witness) -> BTreeMap<String, Answer> {
    w.iter()
        .map(|(qi, a)| (q.questions[*qi].id.clone(), a.clone()))
        .collect()
}

/// Answers that give an actor's weighed areas their full points: every
/// question that can give all of its weighed areas their maximum is answered
/// that way; other questions are left open (they would lower the need).
fn best_answers(q: &Questionnaire, actor: usize) -> Witness {
    let weights = &q.actors[actor].weights;
    let weighed = |area: usize| weights.iter().any(|(a, _)| *a == area);
    let mut out = Witness::new();
    for (qi, question) in q.questions.iter().enumerate() {
        if !question.max_points.iter().any(|(a, _)| weighed(*a)) {
            continue;
        }
        let full = |answer: &Answer| {
            let got = scoring::answer_points(question, qi, answer);
            question
                .max_points
                .iter()
                .filter(|(a, _)| weighed(*a))
                .all(|(a, max)| {
                    let sum: f64 = got.iter().filter(|c| c.area == *a).map(|c| c.points).sum();
                    sum >= max - 1e-9
                })
        };
        let candidates: Vec<Answer> = match &question.kind {
            Kind::Single { options } => options
                .iter()
                .map(|o| Answer::Choice(o.id.clone()))
                .collect(),
            Kind::Multi { options } => {
                let mut best: Vec<(f64, &str)> = options
                    .iter()
                    .filter(|o| !o.exclusive)
                    .map(|o| {
                        let pts: f64 = o
                            .needs
                            .iter()
                            .filter(|(a, p)| weighed(*a) && *p > 0.0)
                            .map(|(_, p)| p)
                            .sum();
                        (pts, o.id.as_str())
                    })
                    .filter(|(p, _)| *p > 0.0)
                    .collect();
                best.sort_by(|a, b| b.0.total_cmp(&a.0));
                best.truncate(question.max_choices.unwrap_or(usize::MAX));
                vec![Answer::Choices(
                    options
                        .iter()
                        .filter(|o| best.iter().any(|(_, id)| *id == o.id))
                        .map(|o| o.id.clone())
                        .collect(),
                )]
            }
            Kind::Scale { min, max, .. } => {
                vec![Answer::Number(*min as f64), Answer::Number(*max as f64)]
            }
            Kind::Number { bands, .. } => bands
                .iter()
                .map(|b| match (b.from, b.to) {
                    (Some(f), _) => f,
                    (None, Some(t)) => t - 1.0,
                    (None, None) => 0.0,
                })
                .map(Answer::Number)
                .collect(),
            Kind::Text => Vec::new(),
        };
        if let Some(a) = candidates.into_iter().find(|a| full(a)) {
            out.push((qi, a));
        }
    }
    out
}
