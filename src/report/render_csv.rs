//! The report as CSV: one record per number,
//! `table,dimension,group,item,metric,value`.

use super::render_tables::{count, num};
use super::{Count, SIZE_CLASSES, Stats};
use crate::export::escape::{csv_row, dec1};

/// CSV records `table,dimension,group,item,metric,value`: one per metric,
/// all with the same first four cells.
fn csv_metrics(out: &mut String, keys: [&str; 4], metrics: &[(&str, String)]) {
    let [table, dimension, group, item] = keys;
    for (metric, value) in metrics {
        csv_row(out, &[table, dimension, group, item, metric, value]);
    }
}

pub fn csv_report(s: &Stats) -> String {
    let min = s.min_group;
    let mut out = String::new();
    let c = |x: Count| count(x, min);
    let o = |x: Option<f64>| num(x, min);
    csv_row(
        &mut out,
        &["table", "dimension", "group", "item", "metric", "value"],
    );
    csv_metrics(
        &mut out,
        ["summary", "", "", ""],
        &[
            ("date", s.date.clone()),
            ("min_group", min.to_string()),
            ("assessments", s.assessments.to_string()),
            ("advisor_visits", c(s.advisor_visits)),
            ("self_assessments", c(s.self_assessments)),
            ("unreadable_files", s.files.unreadable.to_string()),
            (
                "other_questionnaire_files",
                s.files.other_questionnaire.to_string(),
            ),
            ("filtered_out_files", s.files.filtered_out.to_string()),
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
                ("shown", u.shown.to_string()),
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
                &[("mean_days_between", dec1(d))],
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
