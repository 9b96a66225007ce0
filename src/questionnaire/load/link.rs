//! Linking phase: ids are resolved across the whole file — duplicates,
//! aliases, references between areas, questions and actors, and every
//! condition checked now that all questions are known — and the model built.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use super::{Parts, PendingExpr, RawQuestion, Reader};
use crate::diag::{Diagnostic, Diagnostics, msg};
use crate::i18n::diag::{self as w, Item, Owner};
use crate::questionnaire::expr::{self, ExprError, Scope};
use crate::questionnaire::{Actor, Advice, Area, Kind, Needs, Question, Questionnaire};
use crate::text::suggest;
use crate::tomlread::Span;

impl Reader<'_, '_> {
    /// Links the parts read from the file(s) into a questionnaire.
    pub(super) fn link(&mut self, parts: Parts) -> Option<Questionnaire> {
        let Parts {
            id,
            version,
            title,
            description,
            langs: _,
            extends,
            areas,
            sections: sections_raw,
            actors,
        } = parts;
        let area_index = index_of(&areas, |a| &a.0.id, Item::Area, self.d);
        let areas: Vec<Area> = areas.into_iter().map(|(a, _)| a).collect();

        let mut sections = Vec::new();
        let mut questions: Vec<RawQuestion> = Vec::new();
        for (sec, qs) in sections_raw {
            let start = questions.len();
            let index = sections.len();
            questions.extend(qs.into_iter().map(|mut rq| {
                rq.q.section = index;
                rq
            }));
            let mut s = sec;
            s.s.questions = start..questions.len();
            sections.push(s);
        }
        let _ = index_of_named(
            sections.iter().map(|s| (s.s.id.as_str(), s.span.clone())),
            Item::Section,
            self.d,
        );

        // Question ids (and their aliases) share one namespace.
        let mut question_index: HashMap<String, usize> = HashMap::new();
        for (i, rq) in questions.iter().enumerate() {
            let q = &rq.q;
            if let Some(prev) = question_index.get(&q.id) {
                let prev_line = self.place(questions[*prev].q.span.start);
                self.d.error(
                    "duplicate-id",
                    q.span.clone(),
                    msg(|l| w::question_twice(l, &q.id, prev_line.show(l))),
                );
            } else {
                question_index.insert(q.id.clone(), i);
            }
        }
        let mut alias_seen: HashSet<&str> = HashSet::new();
        for rq in &questions {
            for alias in &rq.q.aliases {
                if question_index.contains_key(alias) || !alias_seen.insert(alias) {
                    self.d.error(
                        "duplicate-id",
                        rq.q.span.clone(),
                        msg(|l| w::alias_taken(l, alias, &rq.q.id)),
                    );
                }
            }
        }

        // Each role belongs to at most one question.
        let mut role_of: Vec<(crate::questionnaire::Role, usize)> = Vec::new();
        for (i, rq) in questions.iter().enumerate() {
            let Some(role) = rq.q.role else { continue };
            match role_of.iter().find(|(r, _)| *r == role) {
                Some(&(_, first)) => {
                    let first_id = &questions[first].q.id;
                    let line = self.place(questions[first].q.span.start);
                    self.d.error(
                        "duplicate-role",
                        rq.q.span.clone(),
                        msg(|l| w::duplicate_role(l, role.as_str(), first_id, line.show(l))),
                    );
                }
                None => role_of.push((role, i)),
            }
        }

        let _ = index_of_named(
            actors
                .iter()
                .map(|a| (a.actor.id.as_str(), a.actor.span.clone())),
            Item::Actor,
            self.d,
        );

        // `share_with` names actors.
        for rq in &mut questions {
            let Some(list) = rq.share_with.take() else {
                continue;
            };
            let mut ids: Vec<String> = Vec::with_capacity(list.len());
            for (a, span) in list {
                if actors.iter().any(|ra| ra.actor.id == a) {
                    if !ids.contains(&a) {
                        ids.push(a);
                    }
                } else {
                    let hint = suggest(&a, actors.iter().map(|ra| ra.actor.id.as_str()));
                    self.d.error(
                        "unknown-actor",
                        span,
                        msg(|l| w::no_such_actor(l, &a, hint)),
                    );
                }
            }
            rq.q.share_with = Some(ids);
        }

        // Now that every question is known, check the expressions.
        // Split the pending conditions off so the questions can be borrowed
        // by the checker without copying them.
        let (mut final_questions, pending): (Vec<Question>, Vec<Option<PendingExpr>>) =
            questions.into_iter().map(|rq| (rq.q, rq.show_if)).unzip();
        let compiled: Vec<Option<expr::Expr>> = pending
            .into_iter()
            .enumerate()
            .map(|(i, p)| {
                let p = p?;
                let owner = Owner::Question(&final_questions[i].id);
                self.compile(
                    &p,
                    &final_questions,
                    &question_index,
                    &area_index,
                    i,
                    false,
                    owner,
                )
            })
            .collect();
        for (q, e) in final_questions.iter_mut().zip(compiled) {
            q.show_if = e;
        }
        let plain = &final_questions;
        let mut final_sections = Vec::with_capacity(sections.len());
        for rs in sections {
            let mut s = rs.s;
            if let Some(p) = rs.show_if {
                let owner = Owner::Section(&s.id);
                s.show_if = self.compile(
                    &p,
                    plain,
                    &question_index,
                    &area_index,
                    s.questions.start,
                    false,
                    owner,
                );
            }
            final_sections.push(s);
        }
        let mut final_actors = Vec::with_capacity(actors.len());
        for ra in actors {
            let mut a = ra.actor;
            if let Some(p) = ra.eligibility {
                a.eligibility = self.compile(
                    &p,
                    plain,
                    &question_index,
                    &area_index,
                    usize::MAX,
                    false,
                    Owner::Actor,
                );
            }
            for rr in ra.rules {
                let mut rule = rr.rule;
                if let Some(p) = rr.when
                    && let Some(e) = self.compile(
                        &p,
                        plain,
                        &question_index,
                        &area_index,
                        usize::MAX,
                        true,
                        Owner::Rule,
                    )
                {
                    rule.when = e;
                    a.rules.push(rule);
                }
            }
            for rs in ra.services {
                let mut s = rs.service;
                if let Some(p) = rs.eligibility {
                    s.eligibility = self.compile(
                        &p,
                        plain,
                        &question_index,
                        &area_index,
                        usize::MAX,
                        false,
                        Owner::Service,
                    );
                }
                a.services.push(s);
            }
            final_actors.push(a);
        }

        let advice = self.link_advice(&mut final_questions, &mut final_actors);
        let mut q = Questionnaire {
            id: id?,
            version: version?,
            languages: self.langs.clone(),
            title: title?,
            description,
            areas,
            actors: final_actors,
            sections: final_sections,
            questions: final_questions,
            advice,
            extends,
            hash: String::new(),
            source_name: String::new(),
            question_index: Default::default(),
            role_index: Default::default(),
            alias_index: Default::default(),
            area_index: Default::default(),
            actor_index: Default::default(),
        };
        for question in &mut q.questions {
            question.max_points = max_points(&question.kind, question.max_choices);
        }
        q.index();
        Some(q)
    }

    #[allow(clippy::too_many_arguments)]
    pub(super) fn compile(
        &mut self,
        p: &PendingExpr,
        questions: &[Question],
        question_index: &HashMap<String, usize>,
        area_index: &HashMap<String, usize>,
        before: usize,
        allow_need: bool,
        owner: Owner<'_>,
    ) -> Option<expr::Expr> {
        let scope = Scope {
            questions,
            question_index,
            area_index,
            before,
            allow_need,
            owner,
        };
        match expr::compile(&p.src, &scope) {
            Ok(e) => Some(e),
            Err(errors) => {
                for e in errors {
                    self.expr_error(p, e);
                }
                None
            }
        }
    }

    pub(super) fn expr_error(&mut self, p: &PendingExpr, e: ExprError) {
        let span = match p.exact_start {
            Some(start) => start + e.span.start..start + e.span.end.max(e.span.start + 1),
            None => p.span.clone(),
        };
        let shown: String = if p.src.chars().count() > 60 {
            p.src.chars().take(57).chain("…".chars()).collect()
        } else {
            p.src.clone()
        };
        let message = &e.message;
        let mut diag = Diagnostic::error(
            e.code,
            Some(span),
            msg(|l| w::in_condition(l, &shown, message.get(l))),
        );
        diag.help = e.help;
        self.d.push(diag);
    }
}

impl Reader<'_, '_> {
    /// Resolves the raw advice of options and rules: texts with the same id
    /// become one advice, an id without text refers to the one with text.
    fn link_advice(&mut self, questions: &mut [Question], actors: &mut [Actor]) -> Vec<Advice> {
        let mut out: Vec<Advice> = Vec::new();
        let mut map: Vec<Option<usize>> = vec![None; self.advice.len()];
        // Definitions first (in file order), then references.
        for (i, raw) in self.advice.iter().enumerate() {
            let Some(text) = &raw.text else { continue };
            let id = raw
                .id
                .as_ref()
                .map_or_else(|| raw.place.clone(), |(s, _)| s.clone());
            if let Some(first) = out.iter().position(|a| a.id == id) {
                if out[first].text != *text {
                    let line = self.place(out[first].span.start);
                    let span = raw.id.as_ref().map_or(raw.span.clone(), |(_, s)| s.clone());
                    self.d.error(
                        "duplicate-id",
                        span,
                        msg(|l| crate::i18n::format::advice_twice(l, &id, &line.show(l))),
                    );
                }
                map[i] = Some(first);
                continue;
            }
            out.push(Advice {
                id,
                text: text.clone(),
                span: raw.span.clone(),
            });
            map[i] = Some(out.len() - 1);
        }
        for (i, raw) in self.advice.iter().enumerate() {
            if raw.text.is_some() {
                continue;
            }
            let Some((id, span)) = &raw.id else { continue };
            match out.iter().position(|a| &a.id == id) {
                Some(k) => map[i] = Some(k),
                None => {
                    let hint = suggest(id, out.iter().map(|a| a.id.as_str()));
                    self.d.error(
                        "unknown-advice",
                        span.clone(),
                        msg(|l| crate::i18n::format::advice_unknown(l, id, hint)),
                    );
                }
            }
        }
        let resolve = |a: &mut Option<usize>| *a = a.and_then(|i| map.get(i).copied().flatten());
        for q in questions.iter_mut() {
            if let Kind::Single { options } | Kind::Multi { options } = &mut q.kind {
                for o in options.iter_mut() {
                    resolve(&mut o.advice);
                }
            }
        }
        for a in actors.iter_mut() {
            for r in a.rules.iter_mut() {
                resolve(&mut r.advice);
            }
        }
        out
    }
}

/// Reports duplicate ids; returns id -> index of first occurrence.
fn index_of<T>(
    items: &[(T, Span)],
    id: impl Fn(&(T, Span)) -> &String,
    what: Item,
    d: &mut Diagnostics,
) -> HashMap<String, usize> {
    index_of_named(
        items.iter().map(|it| (id(it).as_str(), it.1.clone())),
        what,
        d,
    )
}

fn index_of_named<'a>(
    items: impl Iterator<Item = (&'a str, Range<usize>)>,
    what: Item,
    d: &mut Diagnostics,
) -> HashMap<String, usize> {
    let mut map: HashMap<String, usize> = HashMap::new();
    for (i, (id, span)) in items.enumerate() {
        if id.is_empty() {
            continue;
        }
        if map.contains_key(id) {
            d.error("duplicate-id", span, msg(|l| w::id_twice(l, what, id)));
        } else {
            map.insert(id.to_string(), i);
        }
    }
    map
}

/// Reports duplicate ids in a list of options or services: a scan for a
/// handful of items (cheaper than a map), a set for long lists (a scan
/// would be quadratic).
pub(super) fn check_unique_small(items: &[(&str, Range<usize>)], what: Item, d: &mut Diagnostics) {
    let mut set: HashSet<&str> = HashSet::new();
    for (i, (id, span)) in items.iter().enumerate() {
        let seen = if items.len() <= 16 {
            items[..i].iter().any(|(other, _)| other == id)
        } else {
            !set.insert(id)
        };
        if !id.is_empty() && seen {
            d.error(
                "duplicate-id",
                span.clone(),
                msg(|l| w::id_twice(l, what, id)),
            );
        }
    }
}

/// The most points a question can give each area (only positive maxima).
/// A multi choice with `max_choices = N` can give an area at most its N
/// best options' points.
pub fn max_points(kind: &Kind, max_choices: Option<usize>) -> Needs {
    if let (Kind::Multi { options }, Some(n)) = (kind, max_choices) {
        let mut areas: Vec<usize> = options
            .iter()
            .flat_map(|o| o.needs.iter().map(|(a, _)| *a))
            .collect();
        areas.sort_unstable();
        areas.dedup();
        let mut out: Needs = Vec::new();
        for a in areas {
            let mut pts: Vec<f64> = options
                .iter()
                .filter_map(|o| o.needs.iter().find(|(x, _)| *x == a).map(|(_, p)| *p))
                .filter(|p| *p > 0.0)
                .collect();
            pts.sort_by(|x, y| y.total_cmp(x));
            let sum: f64 = pts.iter().take(n).sum();
            if sum > 0.0 {
                out.push((a, sum));
            }
        }
        return out;
    }
    let mut out: Vec<(usize, f64)> = Vec::new();
    let mut bump = |area: usize, x: f64, sum: bool| {
        if let Some(e) = out.iter_mut().find(|(a, _)| *a == area) {
            e.1 = if sum { e.1 + x } else { e.1.max(x) };
        } else {
            out.push((area, x));
        }
    };
    match kind {
        Kind::Single { options } => {
            for o in options {
                for &(a, p) in &o.needs {
                    bump(a, p, false);
                }
            }
        }
        Kind::Multi { options } => {
            for o in options {
                for &(a, p) in &o.needs {
                    bump(a, p.max(0.0), true);
                }
            }
        }
        Kind::Scale {
            needs_low,
            needs_high,
            ..
        } => {
            for &(a, p) in needs_low.iter().chain(needs_high) {
                bump(a, p, false);
            }
        }
        Kind::Number { bands, .. } => {
            for b in bands {
                for &(a, p) in &b.needs {
                    bump(a, p, false);
                }
            }
        }
        Kind::Text => {}
    }
    out.retain(|(_, p)| *p > 0.0);
    out.sort_by_key(|(a, _)| *a);
    out
}
