//! The search behind `check --explain`: the literals conditions compare
//! with, the answers worth trying per question, a probe that applies the
//! questionnaire's visibility to some answers, and a searcher for answers
//! that make a condition hold.

use std::collections::BTreeMap;

use super::{CONDITION_SAMPLES, EXHAUSTIVE_LIMIT, SEED, SplitMix64};
use crate::answers::Answer;
use crate::questionnaire::countries::{Countries, CountrySet};
use crate::questionnaire::expr::{self, Env, Expr, Val};
use crate::questionnaire::{Kind, Questionnaire};
use crate::scoring;

/// Values the expressions compare each question and area need with.
pub(super) struct Literals {
    pub(super) nums: Vec<Vec<f64>>,
    pub(super) strs: Vec<Vec<String>>,
    pub(super) opts: Vec<Vec<String>>,
    /// The country sets `any(…)`/`all(…)` test each country question against.
    pub(super) country_sets: Vec<Vec<CountrySet>>,
    pub(super) need_nums: Vec<Vec<f64>>,
    pub(super) referenced: Vec<bool>,
}

impl Literals {
    pub(super) fn of(q: &Questionnaire) -> Self {
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

    pub(super) fn add_pair(&mut self, a: &Val, b: &Val) {
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

    pub(super) fn add(&mut self, e: &Expr) {
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

pub(super) fn push(v: &mut [Vec<f64>], i: usize, x: f64) {
    if let Some(list) = v.get_mut(i) {
        list.push(x);
    }
}

/// Every expression of the questionnaire.
pub(super) fn all_exprs(q: &Questionnaire) -> Vec<&Expr> {
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

pub(super) fn needs_in(e: &Expr, out: &mut Vec<usize>) {
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

/// The answers worth trying for one question.
pub(super) fn domain(q: &Questionnaire, qi: usize, lit: &Literals) -> Vec<Option<Answer>> {
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
                question.max_choices.is_none_or(|m| set.len() <= m)
                    && (set.len() <= 1 || !set.iter().any(exclusive))
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
                push(
                    named
                        .iter()
                        .filter(|o| !exclusive(o))
                        .take(cap)
                        .cloned()
                        .collect(),
                );
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

pub(super) fn need_domain(lit: &Literals, area: usize) -> Vec<Option<f64>> {
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
pub(super) struct Probe<'q> {
    pub(super) q: &'q Questionnaire,
    pub(super) answers: Vec<Option<Answer>>,
    pub(super) visible: Vec<bool>,
    pub(super) needs: Vec<Option<f64>>,
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

impl<'q> Probe<'q> {
    /// A probe with nothing set.
    pub(super) fn new(q: &'q Questionnaire) -> Self {
        Probe {
            q,
            answers: vec![None; q.questions.len()],
            visible: vec![false; q.questions.len()],
            needs: vec![None; q.areas.len()],
        }
    }

    /// A placeholder that allocates nothing.
    pub(super) fn empty(q: &'q Questionnaire) -> Self {
        Probe {
            q,
            answers: Vec::new(),
            visible: Vec::new(),
            needs: Vec::new(),
        }
    }

    /// Whether question `qi` is shown, given the answers so far.
    pub(super) fn shown(&self, qi: usize) -> bool {
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
    pub(super) fn refresh(&mut self, vars: &[usize]) {
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
/// whether they are shown; ascending. `seen` is all false on entry and on
/// return (it is reused, so one search costs the size of its closure, not
/// of the questionnaire).
pub(super) fn closure(q: &Questionnaire, seeds: Vec<usize>, seen: &mut [bool]) -> Vec<usize> {
    let mut out = Vec::new();
    let mut stack = seeds;
    while let Some(qi) = stack.pop() {
        if qi >= seen.len() || seen[qi] {
            continue;
        }
        seen[qi] = true;
        out.push(qi);
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
    for &qi in &out {
        seen[qi] = false;
    }
    out.sort_unstable();
    out
}

/// Answers to some questions that make a condition true.
pub(super) type Witness = Vec<(usize, Answer)>;

pub(super) struct Searcher<'q> {
    pub(super) q: &'q Questionnaire,
    pub(super) lit: Literals,
    pub(super) rng: SplitMix64,
    pub(super) exhaustive: usize,
    pub(super) sampled: usize,
    /// One probe for every search: only the questions a search sets are
    /// reset after it.
    pub(super) probe: Probe<'q>,
    pub(super) seen: Vec<bool>,
}

/// The outcome of a search.
pub(super) struct Found {
    pub(super) witness: Option<Witness>,
    pub(super) exhaustive: bool,
}

impl<'q> Searcher<'q> {
    /// Looks for answers to the questions in `exprs` (and those deciding
    /// their visibility) for which `target` holds.
    pub(super) fn search(&mut self, exprs: &[&Expr], target: &dyn Fn(&Probe<'_>) -> bool) -> Found {
        let mut probe = std::mem::replace(&mut self.probe, Probe::empty(self.q));
        let (found, vars, need_vars) = self.search_with(&mut probe, exprs, target);
        for qi in vars {
            probe.answers[qi] = None;
            probe.visible[qi] = false;
        }
        for a in need_vars {
            probe.needs[a] = None;
        }
        self.probe = probe;
        found
    }

    pub(super) fn search_with(
        &mut self,
        probe: &mut Probe<'q>,
        exprs: &[&Expr],
        target: &dyn Fn(&Probe<'_>) -> bool,
    ) -> (Found, Vec<usize>, Vec<usize>) {
        let q = self.q;
        let mut seeds = Vec::new();
        let mut need_vars = Vec::new();
        for e in exprs {
            expr::questions_in(e, &mut seeds);
            needs_in(e, &mut need_vars);
        }
        need_vars.sort_unstable();
        need_vars.dedup();
        let vars = closure(q, seeds, &mut self.seen);
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
        let found = if total <= EXHAUSTIVE_LIMIT {
            self.exhaustive += 1;
            let mut pick = vec![0usize; sizes.len()];
            'all: loop {
                set(probe, &pick);
                if target(probe) {
                    break Found {
                        witness: Some(witness(probe)),
                        exhaustive: true,
                    };
                }
                // Mixed-radix increment.
                let mut k = 0;
                loop {
                    if k == pick.len() {
                        break 'all Found {
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
        } else {
            self.sampled += 1;
            let mut pick = vec![0usize; sizes.len()];
            let mut found = Found {
                witness: None,
                exhaustive: false,
            };
            for _ in 0..CONDITION_SAMPLES {
                for (k, p) in pick.iter_mut().enumerate() {
                    *p = self.rng.below(sizes[k]);
                }
                set(probe, &pick);
                if target(probe) {
                    found.witness = Some(witness(probe));
                    break;
                }
            }
            found
        };
        (found, vars, need_vars)
    }
}

pub(super) fn how(l: crate::i18n::Lang, found: &Found) -> String {
    crate::i18n::diag::explain::how(l, found.exhaustive, CONDITION_SAMPLES, SEED)
}

pub(super) fn overlay(base: &mut Witness, top: &Witness) {
    for (qi, a) in top {
        match base.iter_mut().find(|(x, _)| x == qi) {
            Some(e) => e.1 = a.clone(),
            None => base.push((*qi, a.clone())),
        }
    }
}

pub(super) fn to_map(q: &Questionnaire, w: &Witness) -> BTreeMap<String, Answer> {
    w.iter()
        .map(|(qi, a)| (q.questions[*qi].id.clone(), a.clone()))
        .collect()
}

/// Answers that give an actor's weighed areas their full points: every
/// question that can give all of its weighed areas their maximum is answered
/// that way; other questions are left open (they would lower the need).
pub(super) fn best_answers(q: &Questionnaire, actor: usize) -> Witness {
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
