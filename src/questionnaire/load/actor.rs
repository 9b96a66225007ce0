//! Reading phase, actors: weights, threshold, rules and the service catalogue.

use std::collections::HashMap;
use std::ops::Range;

use super::keys::{ACTOR_KEYS, RULE_KEYS, SERVICE_KEYS};
use super::link::check_unique_small;
use super::{MAX_BOOST, RawActor, RawRule, RawService, Reader};
use crate::diag::{Diagnostic, msg};
use crate::i18n::diag::{self as w, Item};
use crate::questionnaire::{Actor, Cost, Rule, Service, expr};
use crate::text::suggest;
use crate::tomlread::{Table, as_number};

impl Reader<'_, '_> {
    pub(super) fn actor(
        &mut self,
        t: &Table<'_, '_>,
        areas: &HashMap<String, usize>,
    ) -> Option<RawActor> {
        t.check_keys(ACTOR_KEYS, self.d);
        let id = self.id(t, Item::Actor, false);
        let name = self.short_str(t, "name", true).map(str::to_string);
        let description = self.text(t, "description", true);
        let url = self.short_str(t, "url", false).map(str::to_string);
        let contact = self.text(t, "contact", false);
        let next_step = self.text(t, "next_step", false);
        let threshold = match t.number("threshold", self.d) {
            Some((x, span)) if !(0.0..=100.0).contains(&x) => {
                self.d
                    .error("invalid-value", span, msg(|l| w::threshold_range(l, x)));
                50.0
            }
            Some((x, _)) => x,
            None => 50.0,
        };
        let eligibility = self.pending(t, "eligibility");
        let weights = self.needs(t, "weights", areas);
        for (key, _span, v) in t
            .table("weights", "`weights`", self.d)
            .iter()
            .flat_map(|w| w.entries().collect::<Vec<_>>())
        {
            if let Ok(x) = as_number(v.get_ref())
                && x <= 0.0
            {
                self.d.error(
                    "invalid-value",
                    v.span(),
                    msg(|l| w::weight_not_positive(l, key)),
                );
            }
        }
        let weights: Vec<(usize, f64)> = weights.into_iter().filter(|(_, w)| *w > 0.0).collect();
        let rules = self.list(t, "rule", "[[actor.rule]]", |r, rt| {
            rt.check_keys(RULE_KEYS, r.d);
            let when = r.pending(rt, "when");
            if rt.get("when").is_none() {
                rt.missing("when", r.d);
            }
            let boost = match rt.number("boost", r.d) {
                Some((x, span)) if x.abs() > MAX_BOOST => {
                    r.d.error(
                        "invalid-value",
                        span,
                        msg(|l| w::boost_out_of_range(l, x, MAX_BOOST)),
                    );
                    0.0
                }
                Some((x, _)) => x,
                None => 0.0,
            };
            let refer = rt.bool("refer", r.d).unwrap_or(false);
            let reason = r.text(rt, "reason", true);
            Some(RawRule {
                rule: Rule {
                    when: expr::Expr::Const(false),
                    boost,
                    refer,
                    reason: reason.unwrap_or_default(),
                    span: rt.header_span(),
                },
                when,
            })
        });
        let services = self.list(t, "service", "[[actor.service]]", |r, st| {
            st.check_keys(SERVICE_KEYS, r.d);
            let id = r.id(st, Item::Service, false);
            let name = r.text(st, "name", true);
            let description = r.text(st, "description", true);
            let cost = match st.req_str("cost", r.d) {
                Some(("free", _)) => Some(Cost::Free),
                Some(("subsidised", _)) => Some(Cost::Subsidised),
                Some(("paid", _)) => Some(Cost::Paid),
                Some((other, span)) => {
                    let hint = suggest(other, ["free", "subsidised", "paid"]);
                    r.d.push(
                        Diagnostic::error(
                            "invalid-value",
                            Some(span),
                            msg(|l| w::unknown_cost(l, other, hint)),
                        )
                        .with_help(msg(|l| w::words(l).cost_help.to_string())),
                    );
                    None
                }
                None => None,
            };
            let price = r.text(st, "price", false);
            let eligibility = r.pending(st, "eligibility");
            let mut service_areas = Vec::new();
            for (a, span) in st.str_list("areas", r.d).unwrap_or_default() {
                match areas.get(a) {
                    Some(&i) => service_areas.push(i),
                    None => {
                        let hint = suggest(a, areas.keys().map(String::as_str));
                        r.d.error("unknown-area", span, msg(|l| w::no_such_area(l, a, hint)))
                    }
                }
            }
            let (id, span) = id?;
            Some(RawService {
                service: Service {
                    id,
                    name: name.unwrap_or_default(),
                    description: description.unwrap_or_default(),
                    cost: cost.unwrap_or(Cost::Free),
                    price,
                    eligibility: None,
                    areas: service_areas,
                    span,
                },
                eligibility,
            })
        });
        let ids: Vec<(&str, Range<usize>)> = services
            .iter()
            .map(|s| (s.service.id.as_str(), s.service.span.clone()))
            .collect();
        check_unique_small(&ids, Item::Service, self.d);
        let (id, span) = id?;
        Some(RawActor {
            actor: Actor {
                id,
                name: name.unwrap_or_default(),
                description: description.unwrap_or_default(),
                url,
                contact,
                next_step,
                threshold,
                weights,
                rules: Vec::new(),
                services: Vec::new(),
                eligibility: None,
                span,
            },
            eligibility,
            rules,
            services,
        })
    }
}
