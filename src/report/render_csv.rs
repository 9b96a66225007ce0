//! The report as CSV: one record per number,
//! `table,dimension,group,item,metric,value`.

use super::{Count, SIZE_CLASSES, Stats};
use crate::export::escape::{Cell, csv_record, csv_row};

/// CSV records `table,dimension,group,item,metric,value`: one per metric,
/// all with the same first four cells.
fn csv_metrics(out: &mut String, keys: [&str; 4], metrics: &[(&str, Cell<'_>)]) {
    let [table, dimension, group, item] = keys;
    for (metric, value) in metrics {
        let k = |s| Cell::Text(s);
        csv_record(
            out,
            &[k(table), k(dimension), k(group), k(item), k(metric), *value],
        );
    }
}

pub fn csv_report(s: &Stats) -> String {
    let min = s.min_group;
    let mut out = String::new();
    // A suppressed value is the text `< N`; every other value a number.
    let suppressed = format!("< {min}");
    let c = |x: Count| x.map_or(Cell::Text(&suppressed), |n| Cell::Num(n as f64));
    let o = |x: Option<f64>| x.map_or(Cell::Text(&suppressed), Cell::Num);
    let n = |x: u64| Cell::Num(x as f64);
    csv_row(
        &mut out,
        &["table", "dimension", "group", "item", "metric", "value"],
    );
    csv_metrics(
        &mut out,
        ["summary", "", "", ""],
        &[
            ("date", Cell::Text(&s.date)),
            ("min_group", n(min)),
            ("assessments", n(s.assessments)),
            ("advisor_visits", c(s.advisor_visits)),
            ("self_assessments", c(s.self_assessments)),
            ("unreadable_files", n(s.files.unreadable)),
            ("other_questionnaire_files", n(s.files.other_questionnaire)),
            ("filtered_out_files", n(s.files.filtered_out)),
        ],
    );
    for b in &s.needs {
        for g in &b.groups {
            csv_metrics(
                &mut out,
                ["needs", &b.dimension, &g.label, ""],
                &[("assessments", c(g.assessments))],
            );
            if g.suppressed {
                continue;
            }
            for a in &g.areas {
                csv_metrics(
                    &mut out,
                    ["needs", &b.dimension, &g.label, &a.area],
                    &[
                        ("n", c(a.n)),
                        ("mean", o(a.mean)),
                        ("high_share_pct", o(a.high_share)),
                    ],
                );
            }
        }
    }
    for a in &s.actors {
        csv_metrics(
            &mut out,
            ["actors", "", "", &a.id],
            &[
                ("recommended", c(a.recommended)),
                ("consent", c(a.consent)),
                ("recommended_with_consent", c(a.recommended_with_consent)),
            ],
        );
        for (i, n) in a.recommended_by_size.iter().enumerate() {
            let size = SIZE_CLASSES.get(i).copied().unwrap_or("");
            csv_metrics(
                &mut out,
                ["actors", "size", size, &a.id],
                &[("recommended", c(*n))],
            );
        }
        for (k, n) in &a.recommended_by_industry {
            csv_metrics(
                &mut out,
                ["actors", "industry", k, &a.id],
                &[("recommended", c(*n))],
            );
        }
    }
    for u in &s.unknown_questions {
        csv_metrics(
            &mut out,
            ["unknown", "", "", &u.question],
            &[
                ("unknown", c(u.unknown)),
                ("shown", n(u.shown)),
                ("share_pct", o(u.share)),
            ],
        );
    }
    let f = &s.follow_up;
    csv_metrics(
        &mut out,
        ["follow_up", "", "", ""],
        &[("companies", c(f.companies))],
    );
    if !f.suppressed {
        if let Some(d) = f.mean_days_between {
            csv_metrics(
                &mut out,
                ["follow_up", "", "", ""],
                &[("mean_days_between", Cell::Num(d))],
            );
        }
        for a in &f.areas {
            csv_metrics(
                &mut out,
                ["follow_up", "", "", &a.area],
                &[
                    ("n", c(a.n)),
                    ("first_mean", o(a.first_mean)),
                    ("latest_mean", o(a.latest_mean)),
                    ("change", o(a.change)),
                ],
            );
        }
    }
    out
}
