//! The report's tables and introduction, built once from [`Stats`] and
//! rendered by every format.

use super::{Breakdown, Count, SIZE_CLASSES, Stats};
use crate::export::escape::dec1;
use crate::i18n::report::Words;

pub(super) fn count(c: Count, min: u64) -> String {
    match c {
        Some(n) => n.to_string(),
        None => format!("< {min}"),
    }
}

pub(super) fn num(x: Option<f64>, min: u64) -> String {
    x.map_or(format!("< {min}"), dec1)
}

pub(super) fn pct(x: Option<f64>, min: u64) -> String {
    x.map_or(format!("< {min}"), |v| format!("{} %", dec1(v)))
}

pub(super) fn cell(mean: Option<f64>, high: Option<f64>, min: u64) -> String {
    match (mean, high) {
        (Some(m), Some(h)) => format!("{} ({} %)", dec1(m), dec1(h)),
        _ => format!("< {min}"),
    }
}

pub(super) fn intro(s: &Stats, w: &Words) -> Vec<String> {
    let mut lines = vec![format!(
        "{}: {} · {}: {} {} · {}: {}",
        w.date,
        s.date,
        w.questionnaire,
        s.questionnaire.id,
        s.questionnaire.version,
        w.min_group,
        s.min_group
    )];
    let mut sel = Vec::new();
    if let Some(f) = &s.filters.from {
        sel.push(format!("≥ {f}"));
    }
    if let Some(t) = &s.filters.to {
        sel.push(format!("≤ {t}"));
    }
    if let Some(m) = &s.filters.municipality {
        sel.push(m.clone());
    }
    lines.push(format!(
        "{}: {}",
        w.selection,
        if sel.is_empty() {
            w.all_sessions.to_string()
        } else {
            sel.join(", ")
        }
    ));
    let mut total = format!("{} {}", s.assessments, w.assessments);
    if s.assessments > 0 {
        total.push_str(&format!(
            " ({} {}, {} {})",
            count(s.advisor_visits, s.min_group),
            w.advisor,
            count(s.self_assessments, s.min_group),
            w.selfa
        ));
    }
    lines.push(total);
    for (n, text) in [
        (s.files.unreadable, w.unreadable),
        (s.files.other_questionnaire, w.other_q),
        (s.files.filtered_out, w.filtered),
    ] {
        if n > 0 {
            lines.push(format!("{n} {text}"));
        }
    }
    lines
}

pub(super) fn size_label(i: usize, w: &Words) -> String {
    match SIZE_CLASSES.get(i) {
        Some(&"unknown") => w.unknown_industry.to_string(),
        Some(c) => (*c).to_string(),
        None => String::new(),
    }
}

/// Industry letters that occur in any actor's map, in order.
pub(super) fn industry_keys(s: &Stats) -> Vec<String> {
    let mut keys: Vec<String> = s
        .actors
        .iter()
        .flat_map(|a| a.recommended_by_industry.keys().cloned())
        .collect();
    keys.sort_by_key(|k| (k == "?", k.clone()));
    keys.dedup();
    keys
}

/// A report table, built once and rendered by every format: the headings
/// and each row's label are text (escaped by the format), the values are
/// numbers formatted here.
pub(super) struct Table {
    pub(super) head: Vec<String>,
    pub(super) rows: Vec<Row>,
}

pub(super) struct Row {
    pub(super) label: String,
    pub(super) values: Vec<String>,
}

pub(super) fn head<'a>(words: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    words.into_iter().map(String::from).collect()
}

/// Needs per area over all assessments.
pub(super) fn needs_table(s: &Stats, w: &Words) -> Option<Table> {
    let min = s.min_group;
    let all = s.needs.first()?.groups.first()?;
    Some(Table {
        head: head([w.area, "n", w.mean, w.high]),
        rows: s
            .areas
            .iter()
            .zip(&all.areas)
            .map(|(a, st)| Row {
                label: a.title.clone(),
                values: vec![count(st.n, min), num(st.mean, min), pct(st.high_share, min)],
            })
            .collect(),
    })
}

/// Needs per area and group of one breakdown; `None` without groups.
pub(super) fn breakdown_table(s: &Stats, w: &Words, b: &Breakdown) -> Option<Table> {
    let min = s.min_group;
    if b.groups.is_empty() {
        return None;
    }
    let mut head = head([w.group, "n"]);
    head.extend(s.areas.iter().map(|a| a.title.clone()));
    let rows = b
        .groups
        .iter()
        .map(|g| {
            let mut values = vec![count(g.assessments, min)];
            values.extend(g.areas.iter().map(|a| {
                if g.suppressed {
                    "·".into()
                } else {
                    cell(a.mean, a.high_share, min)
                }
            }));
            Row {
                label: g.label.clone(),
                values,
            }
        })
        .collect();
    Some(Table { head, rows })
}

pub(super) fn actors_table(s: &Stats, w: &Words) -> Table {
    let min = s.min_group;
    Table {
        head: head([w.actor, w.recommended, w.consent, w.rec_consent]),
        rows: s
            .actors
            .iter()
            .map(|a| Row {
                label: a.name.clone(),
                values: vec![
                    count(a.recommended, min),
                    count(a.consent, min),
                    count(a.recommended_with_consent, min),
                ],
            })
            .collect(),
    }
}

/// Recommendations per actor and size class.
pub(super) fn size_map_table(s: &Stats, w: &Words) -> Table {
    let mut head = head([w.actor]);
    head.extend((0..SIZE_CLASSES.len()).map(|i| size_label(i, w)));
    let rows = s
        .actors
        .iter()
        .map(|a| Row {
            label: a.name.clone(),
            values: a
                .recommended_by_size
                .iter()
                .map(|c| count(*c, s.min_group))
                .collect(),
        })
        .collect();
    Table { head, rows }
}

/// Recommendations per actor and industry; `None` without industries.
pub(super) fn industry_map_table(s: &Stats, w: &Words) -> Option<Table> {
    let keys = industry_keys(s);
    if keys.is_empty() {
        return None;
    }
    let mut head = head([w.actor]);
    head.extend(keys.iter().map(|k| {
        if k == "?" {
            w.unknown_industry.to_string()
        } else {
            k.clone()
        }
    }));
    let rows = s
        .actors
        .iter()
        .map(|a| Row {
            label: a.name.clone(),
            values: keys
                .iter()
                .map(|k| {
                    a.recommended_by_industry
                        .get(k)
                        .map_or("0".into(), |c| count(*c, s.min_group))
                })
                .collect(),
        })
        .collect();
    Some(Table { head, rows })
}

/// The most frequent "don't know" questions; `None` when there are none.
pub(super) fn unknown_table(s: &Stats, w: &Words) -> Option<Table> {
    let min = s.min_group;
    if s.unknown_questions.is_empty() {
        return None;
    }
    Some(Table {
        head: head([w.question, w.unknown_n, w.shown, w.share]),
        rows: s
            .unknown_questions
            .iter()
            .map(|u| Row {
                label: u.text.clone(),
                values: vec![
                    count(u.unknown, min),
                    u.shown.to_string(),
                    pct(u.share, min),
                ],
            })
            .collect(),
    })
}

/// The follow-up visits in one line (without the full stop).
pub(super) fn follow_up_line(s: &Stats, w: &Words) -> String {
    let f = &s.follow_up;
    let mut line = format!("{} {}", count(f.companies, s.min_group), w.companies);
    if let Some(d) = f.mean_days_between {
        line.push_str(&format!(", {} {}", dec1(d), w.days));
    }
    line
}

/// Change per area between visits; `None` when suppressed or empty.
pub(super) fn follow_up_table(s: &Stats, w: &Words) -> Option<Table> {
    let min = s.min_group;
    let f = &s.follow_up;
    if f.suppressed || f.companies.is_none_or(|n| n == 0) {
        return None;
    }
    Some(Table {
        head: head([
            w.area, "n", w.first, w.latest, w.change, w.improved, w.worsened,
        ]),
        rows: s
            .areas
            .iter()
            .zip(&f.areas)
            .map(|(a, x)| Row {
                label: a.title.clone(),
                values: vec![
                    count(x.n, min),
                    num(x.first_mean, min),
                    num(x.latest_mean, min),
                    x.change.map_or(format!("< {min}"), |c| format!("{c:+.1}")),
                    count(x.improved, min),
                    count(x.worsened, min),
                ],
            })
            .collect(),
    })
}
