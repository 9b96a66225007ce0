//! Reading phase, actors: weights, threshold, rules and the service catalogue,
//! and two things actors, services, options and rules carry:
//! `advice = { … }` and `source = { url, checked }`.

use std::collections::HashMap;
use std::ops::Range;

use toml::de::DeValue;

use super::keys::{ACTOR_EXTENSION_KEYS, ACTOR_KEYS, RULE_KEYS, SERVICE_KEYS, SOURCE_KEYS};
use super::link::check_unique_small;
use super::{MAX_BOOST, RawActor, RawAdvice, RawRule, RawService, Reader};
use crate::diag::{Diagnostic, msg};
use crate::i18n::diag::{self as w, Item};
use crate::questionnaire::countries::{valid_date, valid_url};
use crate::questionnaire::{Actor, Cost, DEFAULT_MIN_COVERAGE, Rule, Service, Source, expr};
use crate::text::{LangCode, Text, suggest};
use crate::tomlread::{Table, as_number, type_of};

impl Reader<'_, '_> {
    pub(super) fn actor(
        &mut self,
        t: &Table<'_, '_>,
        areas: &HashMap<String, usize>,
        base_actors: &[&str],
    ) -> Option<RawActor> {
        let extension = self.check_keys_of(
            t,
            base_actors,
            (ACTOR_KEYS, ACTOR_EXTENSION_KEYS),
            Item::Actor,
        );
        let id = self.id(t, Item::Actor, false);
        let name = self.text(t, "name", !extension);
        let description = self.text(t, "description", !extension);
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
        let min_coverage = match t.number("min_coverage", self.d) {
            Some((x, span)) if !(0.0..=100.0).contains(&x) => {
                self.d.error(
                    "invalid-value",
                    span,
                    msg(|l| crate::i18n::format::min_coverage_range(l, x)),
                );
                DEFAULT_MIN_COVERAGE
            }
            Some((x, _)) => x,
            None => DEFAULT_MIN_COVERAGE,
        };
        let source = self.source(t);
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
        let actor_id = t
            .get("id")
            .and_then(|v| match v.get_ref() {
                DeValue::String(s) => Some(s.to_string()),
                _ => None,
            })
            .unwrap_or_default();
        let mut rule_no = 0;
        let rules = self.list(t, "rule", "[[actor.rule]]", |r, rt| {
            rule_no += 1;
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
            let advice = r.advice(rt, format!("{actor_id}.rule-{rule_no}"));
            // A rule that only advises (no boost, no referral) needs no reason.
            let advice_only = advice.is_some() && boost == 0.0 && !refer;
            let reason = r.text(rt, "reason", !advice_only);
            Some(RawRule {
                rule: Rule {
                    when: expr::Expr::Const(false),
                    boost,
                    refer,
                    reason: reason.unwrap_or_default(),
                    advice,
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
                Some(("unknown", _)) => Some(Cost::Unknown),
                Some((other, span)) => {
                    let hint = suggest(other, ["free", "subsidised", "paid", "unknown"]);
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
            let source = r.source(st);
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
                    source,
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
                source,
                min_coverage,
                span,
            },
            eligibility,
            rules,
            services,
            extension,
        })
    }

    /// `source = { url = "https://…", checked = "YYYY-MM-DD" }`.
    pub(super) fn source(&mut self, t: &Table<'_, '_>) -> Option<Source> {
        let st = t.table("source", "`source`", self.d)?;
        st.check_keys(SOURCE_KEYS, self.d);
        let url = st.req_str("url", self.d).map(|(u, span)| {
            if !valid_url(u) {
                self.d.error(
                    "invalid-value",
                    span,
                    msg(|l| crate::i18n::format::bad_url(l, u)),
                );
            }
            u.to_string()
        });
        let checked = st.req_str("checked", self.d).map(|(c, span)| {
            if !valid_date(c) {
                self.d.error(
                    "invalid-value",
                    span,
                    msg(|l| crate::i18n::format::bad_date(l, "checked", c)),
                );
            }
            c.to_string()
        });
        Some(Source {
            url: url?,
            checked: checked?,
        })
    }

    /// `advice = { id = "…", sv = "…", en = "…" }` (id optional), or
    /// `advice = { id = "…" }` to repeat advice written elsewhere. Returns
    /// the index of the raw advice; ids are resolved when linking.
    pub(super) fn advice(&mut self, t: &Table<'_, '_>, place: String) -> Option<usize> {
        let v = t.get("advice")?;
        let DeValue::Table(map) = v.get_ref() else {
            let ty = type_of(v.get_ref());
            self.d.push(
                Diagnostic::error(
                    "wrong-type",
                    Some(v.span()),
                    msg(|l| crate::i18n::format::advice_not_table(l, ty)),
                )
                .with_help(msg(crate::i18n::format::advice_help)),
            );
            return None;
        };
        let default: &str = self.langs.first().map_or("", String::as_str);
        let mut id = None;
        let mut entries: Vec<(LangCode, String)> = Vec::new();
        for (k, val) in map.iter() {
            let key: &str = k.get_ref();
            let DeValue::String(s) = val.get_ref() else {
                let ty = type_of(val.get_ref());
                self.d.error(
                    "wrong-type",
                    val.span(),
                    msg(|l| w::lang_text_not_string(l, key, "advice", ty)),
                );
                continue;
            };
            if key == "id" {
                if super::check_id(s, val.span(), Item::Advice, false, self.d) {
                    id = Some((s.to_string(), val.span()));
                }
            } else if self.langs.iter().any(|x| x == key) {
                super::read::check_len(self.d, "advice", s, val.span());
                entries.push((LangCode::new(key).unwrap_or_default(), s.to_string()));
            } else {
                let list = self.langs.join(", ");
                let hint = suggest(key, self.langs.iter().map(String::as_str).chain(["id"]));
                self.d.push(
                    Diagnostic::error(
                        "unknown-language",
                        Some(k.span()),
                        msg(|l| w::unknown_language(l, key, &list, hint)),
                    )
                    .with_help(msg(crate::i18n::format::advice_help)),
                );
            }
        }
        let text = if entries.is_empty() {
            if id.is_none() {
                self.d.push(
                    Diagnostic::error(
                        "missing-text",
                        Some(v.span()),
                        msg(|l| w::no_default_text(l, "advice", default)),
                    )
                    .with_help(msg(crate::i18n::format::advice_help)),
                );
                return None;
            }
            None
        } else {
            if !entries
                .iter()
                .any(|(l, s)| l.as_str() == default && !s.trim().is_empty())
            {
                self.d.push(
                    Diagnostic::error(
                        "missing-text",
                        Some(v.span()),
                        msg(|l| w::no_default_text(l, "advice", default)),
                    )
                    .with_help(msg(|l| w::no_default_text_help(l, default))),
                );
            }
            let rank = |l: &LangCode| {
                self.langs
                    .iter()
                    .position(|x| x == l.as_str())
                    .unwrap_or(usize::MAX)
            };
            entries.sort_by_key(|(l, _)| rank(l));
            Some(Text::from_codes(entries))
        };
        self.advice.push(RawAdvice {
            id,
            place,
            text,
            span: v.span(),
        });
        Some(self.advice.len() - 1)
    }
}
