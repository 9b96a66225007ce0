//! Reading phase, question kinds: choice options with their points,
//! scales, number bands, the country list and `max_choices`.

use std::collections::HashMap;
use std::ops::Range;

use super::keys::*;
use super::link::check_unique_small;
use super::read::band_text;
use super::{MAX_SCALE_END, Reader};
use crate::diag::{Diagnostic, msg};
use crate::i18n::diag::{self as w, Item};
use crate::questionnaire::{Band, ChoiceOption, Kind};
use crate::text::{LangCode, Text};
use crate::tomlread::{Span, Table};

impl Reader<'_, '_> {
    pub(super) fn options(
        &mut self,
        t: &Table<'_, '_>,
        areas: &HashMap<String, usize>,
        question: &str,
        single: bool,
    ) -> Vec<ChoiceOption> {
        let items = self.list(t, "option", "[[section.question.option]]", |r, ot| {
            ot.check_keys(OPTION_KEYS, r.d);
            let id = r.id(ot, Item::Option, false);
            let label = r.text(ot, "label", true);
            let help = r.text(ot, "help", false);
            let needs = r.needs(ot, "needs", areas);
            let summary = r.text(ot, "summary", false);
            let exclusive = ot.bool("exclusive", r.d).unwrap_or(false);
            if exclusive && single {
                let span = ot.key_span("exclusive").unwrap_or(ot.header_span());
                r.d.error(
                    "invalid-value",
                    span,
                    msg(crate::i18n::format::exclusive_on_single),
                );
            }
            let place = format!(
                "{question}.{}",
                id.as_ref().map(|(i, _)| i.as_str()).unwrap_or("?")
            );
            let advice = r.advice(ot, place);
            let (id, span) = id?;
            Some((
                ChoiceOption {
                    id,
                    label: label.unwrap_or_default(),
                    help,
                    needs,
                    summary,
                    exclusive,
                    advice,
                },
                span,
            ))
        });
        if items.is_empty() {
            let span = t.get("option").map(|v| v.span()).unwrap_or(t.header_span());
            self.d.push(
                Diagnostic::error(
                    "empty-options",
                    Some(span),
                    msg(|l| w::words(l).empty_options.to_string()),
                )
                .with_help(msg(|l| w::words(l).empty_options_help.to_string())),
            );
        }
        let ids: Vec<(&str, Range<usize>)> = items
            .iter()
            .map(|(o, s)| (o.id.as_str(), s.clone()))
            .collect();
        check_unique_small(&ids, Item::Option, self.d);
        items.into_iter().map(|(o, _)| o).collect()
    }

    pub(super) fn scale(&mut self, t: &Table<'_, '_>, areas: &HashMap<String, usize>) -> Kind {
        let bounded = |r: &mut Self, v: Option<(i64, Span)>| match v {
            Some((x, span)) if x.unsigned_abs() > MAX_SCALE_END.unsigned_abs() => {
                r.d.error(
                    "invalid-value",
                    span,
                    msg(|l| w::scale_end_out_of_range(l, x, MAX_SCALE_END)),
                );
                None
            }
            other => other,
        };
        let min = t.integer("min", self.d);
        let min = bounded(self, min);
        let max = t.integer("max", self.d);
        let max = bounded(self, max);
        if t.get("min").is_none() {
            t.missing("min", self.d);
        }
        if t.get("max").is_none() {
            t.missing("max", self.d);
        }
        let (min, max) = match (min, max) {
            (Some((lo, _)), Some((hi, span))) => {
                if lo >= hi {
                    self.d
                        .error("min-max", span, msg(|l| w::scale_min_max(l, lo, hi)));
                    (lo, lo + 1)
                } else if hi - lo > 20 {
                    self.d
                        .error("invalid-value", span, msg(|l| w::scale_steps(l, lo, hi)));
                    (lo, hi)
                } else {
                    (lo, hi)
                }
            }
            _ => (1, 5),
        };
        Kind::Scale {
            min,
            max,
            low: self.text(t, "low", false),
            high: self.text(t, "high", false),
            needs_low: self.needs(t, "needs_low", areas),
            needs_high: self.needs(t, "needs_high", areas),
        }
    }

    pub(super) fn number(&mut self, t: &Table<'_, '_>, areas: &HashMap<String, usize>) -> Kind {
        let min = t.number("min", self.d);
        let max = t.number("max", self.d);
        if let (Some((lo, _)), Some((hi, span))) = (&min, &max)
            && lo > hi
        {
            self.d.error(
                "min-max",
                span.clone(),
                msg(|l| w::min_above_max(l, *lo, *hi)),
            );
        }
        let unit = self.text(t, "unit", false);
        let bands = self.list(t, "band", "[[section.question.band]]", |r, bt| {
            bt.check_keys(BAND_KEYS, r.d);
            let from = bt.number("from", r.d);
            let to = bt.number("to", r.d);
            if let (Some((f, _)), Some((to, span))) = (&from, &to)
                && f >= to
            {
                r.d.error(
                    "min-max",
                    span.clone(),
                    msg(|l| w::band_from_to(l, *f, *to)),
                );
            }
            let needs = r.needs(bt, "needs", areas);
            Some((
                Band {
                    from: from.map(|x| x.0),
                    to: to.map(|x| x.0),
                    needs,
                },
                bt.header_span(),
            ))
        });
        // Overlaps: sort by lower bound and compare neighbours.
        let mut order: Vec<usize> = (0..bands.len()).collect();
        order.sort_by(|&a, &b| {
            let fa = bands[a].0.from.unwrap_or(f64::NEG_INFINITY);
            let fb = bands[b].0.from.unwrap_or(f64::NEG_INFINITY);
            fa.total_cmp(&fb)
        });
        for w in order.windows(2) {
            let (a, b) = (&bands[w[0]], &bands[w[1]]);
            let a_to = a.0.to.unwrap_or(f64::INFINITY);
            let b_from = b.0.from.unwrap_or(f64::NEG_INFINITY);
            if a_to > b_from {
                let later = if a.1.start > b.1.start { a } else { b };
                let other = if a.1.start > b.1.start { b } else { a };
                let line = self.place(other.1.start);
                self.d.push(
                    Diagnostic::error(
                        "band-overlap",
                        Some(later.1.clone()),
                        msg(|l| {
                            w::band_overlap(
                                l,
                                &band_text(l, &later.0),
                                line.show(l),
                                &band_text(l, &other.0),
                            )
                        }),
                    )
                    .with_help(msg(|l| w::words(l).band_overlap_help.to_string())),
                );
            }
        }
        Kind::Number {
            min: min.map(|x| x.0),
            max: max.map(|x| x.0),
            unit,
            bands: bands.into_iter().map(|(b, _)| b).collect(),
        }
    }

    /// The options of a `kind = "country"` question: one per country of
    /// the country data, labelled in the questionnaire's languages.
    pub(super) fn country_options(&mut self, t: &Table<'_, '_>) -> Vec<ChoiceOption> {
        let data = match crate::questionnaire::countries::Countries::builtin() {
            Ok(c) => c,
            Err(e) => {
                let first = e
                    .diagnostics()
                    .first()
                    .map(|d| d.message.get(crate::i18n::Lang::En).to_string())
                    .unwrap_or_default();
                let span = t.get("kind").map(|v| v.span()).unwrap_or(t.header_span());
                self.d.error(
                    "country-data",
                    span,
                    msg(|l| crate::i18n::format::countries_broken(l, &first)),
                );
                return Vec::new();
            }
        };
        data.countries
            .iter()
            .map(|c| {
                let label = self
                    .langs
                    .iter()
                    .map(|l| {
                        let name = match crate::i18n::Lang::from_code(l) {
                            Some(lang) => c.name(lang),
                            None => c.en.as_str(),
                        };
                        (LangCode::new(l).unwrap_or_default(), name.to_string())
                    })
                    .collect();
                ChoiceOption {
                    id: c.code.clone(),
                    label: Text::from_codes(label),
                    help: None,
                    needs: Vec::new(),
                    summary: None,
                    exclusive: false,
                    advice: None,
                }
            })
            .collect()
    }

    /// `max_choices = N` on a multi-choice or country question: at least 1,
    /// at most the number of options.
    pub(super) fn max_choices(&mut self, t: &Table<'_, '_>, kind: &Kind) -> Option<usize> {
        let (n, span) = t.integer("max_choices", self.d)?;
        let options = kind.options().len();
        if n < 1 || (options > 0 && n as usize > options) {
            self.d.error(
                "invalid-value",
                span,
                msg(|l| crate::i18n::format::max_choices_range(l, n, options)),
            );
            return None;
        }
        Some(n as usize)
    }
}
