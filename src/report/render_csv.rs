//! The report as CSV for a BI tool: one figure per record, in a long
//! ("tidy") layout with a stable schema (docs/EXPORT.md):
//!
//! `schema_version,report_date,period_from,period_to,municipality,min_group,
//! table,dimension,group,label,item,metric,value,suppressed`
//!
//! The first six columns are the same on every record, so that reports of
//! several periods can be appended into one table. `value` is always a
//! number (dot decimals) or empty; `suppressed` is `true` when the figure is
//! hidden (its `value` is then empty) and `false` otherwise.

use super::{Count, ReferralStat, SCHEMA_VERSION, SIZE_CLASSES, Stats};
use crate::export::escape::{Cell, csv_record, csv_row};

/// The columns, in order.
pub const COLUMNS: [&str; 14] = [
    "schema_version",
    "report_date",
    "period_from",
    "period_to",
    "municipality",
    "min_group",
    "table",
    "dimension",
    "group",
    "label",
    "item",
    "metric",
    "value",
    "suppressed",
];

/// A value: a number, hidden, or none (a mean of nothing).
#[derive(Clone, Copy)]
enum V {
    N(f64),
    Hidden,
    None,
}

fn c(x: Count) -> V {
    x.map_or(V::Hidden, |n| V::N(n as f64))
}

/// A figure computed from counts: hidden when one of them is, else none
/// when there is nothing to compute it from.
fn o(x: Option<f64>, base: &[Count]) -> V {
    match x {
        Some(v) => V::N(v),
        None if base.iter().any(Option::is_none) => V::Hidden,
        None => V::None,
    }
}

struct Out<'a> {
    s: &'a Stats,
    out: String,
}

impl Out<'_> {
    /// One record per metric, all with the same keys.
    fn put(&mut self, keys: [&str; 5], metrics: &[(&str, V)]) {
        let [table, dimension, group, label, item] = keys;
        let f = &self.s.filters;
        for (metric, v) in metrics {
            let (value, suppressed) = match v {
                V::N(x) => (Cell::Num(*x), "false"),
                V::Hidden => (Cell::Text(""), "true"),
                V::None => (Cell::Text(""), "false"),
            };
            csv_record(
                &mut self.out,
                &[
                    Cell::Num(f64::from(SCHEMA_VERSION)),
                    Cell::Text(&self.s.date),
                    Cell::Text(f.from.as_deref().unwrap_or("")),
                    Cell::Text(f.to.as_deref().unwrap_or("")),
                    Cell::Text(f.municipality.as_deref().unwrap_or("")),
                    Cell::Num(self.s.min_group as f64),
                    Cell::Text(table),
                    Cell::Text(dimension),
                    Cell::Text(group),
                    Cell::Text(label),
                    Cell::Text(item),
                    Cell::Text(metric),
                    value,
                    Cell::Text(suppressed),
                ],
            );
        }
    }

    fn referral(&mut self, x: &ReferralStat) {
        let o2 = &x.outcomes;
        self.put(
            ["referrals", "", "", &x.name, &x.id],
            &[
                ("sent", c(x.sent)),
                ("contacted", c(x.contacted)),
                ("due_24h", c(x.due_24h)),
                ("contacted_within_24h", c(x.contacted_within_24h)),
                (
                    "share_within_24h_pct",
                    o(x.share_within_24h, &[x.contacted_within_24h, x.due_24h]),
                ),
                (
                    "median_hours_to_contact",
                    o(x.median_hours_to_contact, &[x.contacted]),
                ),
                ("helped", c(o2.helped)),
                ("not_relevant", c(o2.not_relevant)),
                ("declined", c(o2.declined)),
                ("no_answer", c(o2.no_answer)),
                ("open", c(o2.open)),
            ],
        );
    }
}

pub fn csv_report(s: &Stats) -> String {
    let mut w = Out {
        s,
        out: String::new(),
    };
    csv_row(&mut w.out, &COLUMNS);
    let k = &s.counts;
    w.put(
        ["counts", "", "", "", ""],
        &[
            ("companies", c(k.companies)),
            ("sessions", c(k.sessions)),
            ("visits", c(k.visits)),
            ("follow_up_visits", c(k.follow_up_visits)),
            ("self_assessments", c(k.self_assessments)),
            ("self_assessments_imported", c(k.self_assessments_imported)),
            (
                "self_assessments_not_imported",
                c(k.self_assessments_not_imported),
            ),
            ("complete", c(k.complete)),
            ("partial", c(k.partial)),
            ("companies_with_follow_up", c(k.companies_with_follow_up)),
            ("empty_sessions", c(k.empty_sessions)),
        ],
    );
    w.put(
        ["files", "", "", "", ""],
        &[
            ("unreadable", V::N(s.files.unreadable as f64)),
            (
                "other_questionnaire",
                V::N(s.files.other_questionnaire as f64),
            ),
        ],
    );
    for b in &s.companies {
        for g in &b.groups {
            w.put(
                ["companies", &b.dimension, &g.key, &g.label, ""],
                &[("companies", c(g.companies))],
            );
        }
    }
    for b in &s.needs {
        for g in &b.groups {
            w.put(
                ["needs", &b.dimension, &g.key, &g.label, ""],
                &[("companies", c(g.companies))],
            );
            for a in &g.areas {
                w.put(
                    ["needs", &b.dimension, &g.key, &g.label, &a.area],
                    &[
                        ("n", c(a.n)),
                        ("mean", o(a.mean, &[a.n])),
                        ("high_share_pct", o(a.high_share, &[a.n])),
                    ],
                );
            }
        }
    }
    for a in &s.actors {
        w.put(
            ["actors", "", "", &a.name, &a.id],
            &[
                ("recommended", c(a.recommended)),
                ("consent", c(a.consent)),
                ("recommended_with_consent", c(a.recommended_with_consent)),
            ],
        );
        for (i, n) in a.recommended_by_size.iter().enumerate() {
            let size = SIZE_CLASSES.get(i).copied().unwrap_or("");
            w.put(
                ["actors", "size", size, &a.name, &a.id],
                &[("recommended", c(*n))],
            );
        }
        for (key, n) in &a.recommended_by_industry {
            w.put(
                ["actors", "industry", key, &a.name, &a.id],
                &[("recommended", c(*n))],
            );
        }
    }
    for x in &s.referrals.actors {
        w.referral(x);
    }
    w.referral(&s.referrals.total);
    for u in &s.unknown_questions {
        w.put(
            ["unknown", "", "", &u.text, &u.question],
            &[
                ("unknown", c(u.unknown)),
                ("shown", c(u.shown)),
                ("share_pct", o(u.share, &[u.unknown, u.shown])),
            ],
        );
    }
    let f = &s.follow_up;
    w.put(
        ["follow_up", "", "", "", ""],
        &[
            ("companies", c(f.companies)),
            ("mean_days_between", o(f.mean_days_between, &[f.companies])),
        ],
    );
    for a in &f.areas {
        w.put(
            ["follow_up", "", "", "", &a.area],
            &[
                ("n", c(a.n)),
                ("first_mean", o(a.first_mean, &[a.n])),
                ("latest_mean", o(a.latest_mean, &[a.n])),
                ("change", o(a.change, &[a.n])),
                ("improved", c(a.improved)),
                ("worsened", c(a.worsened)),
            ],
        );
    }
    w.out
}
