//! Markdown, CSV and HTML (with inline SVG bar charts) renderings of the
//! regional statistics. JSON is [`Stats`] serialised.

use std::fmt::Write as _;

use super::escape::{csv_row, dec1, html, md};
use super::report::{Breakdown, Count, SIZE_CLASSES, Stats};

struct W {
    title: &'static str,
    date: &'static str,
    questionnaire: &'static str,
    min_group: &'static str,
    selection: &'static str,
    all_sessions: &'static str,
    assessments: &'static str,
    advisor: &'static str,
    selfa: &'static str,
    unreadable: &'static str,
    other_q: &'static str,
    filtered: &'static str,
    needs_all: &'static str,
    by: [&'static str; 3],
    area: &'static str,
    group: &'static str,
    mean: &'static str,
    high: &'static str,
    cell_note: &'static str,
    actors: &'static str,
    actor: &'static str,
    recommended: &'static str,
    consent: &'static str,
    rec_consent: &'static str,
    map_size: &'static str,
    map_industry: &'static str,
    unknown: &'static str,
    question: &'static str,
    unknown_n: &'static str,
    shown: &'static str,
    share: &'static str,
    none: &'static str,
    follow: &'static str,
    companies: &'static str,
    days: &'static str,
    first: &'static str,
    latest: &'static str,
    change: &'static str,
    improved: &'static str,
    worsened: &'static str,
    suppressed_note: &'static str,
    unknown_industry: &'static str,
}

const SV: W = W {
    title: "Behovsanalyser – regional uppföljning",
    date: "Datum",
    questionnaire: "Frågeformulär",
    min_group: "Minsta redovisade grupp",
    selection: "Urval",
    all_sessions: "alla sparade behovsanalyser",
    assessments: "behovsanalyser",
    advisor: "vid besök",
    selfa: "självskattningar",
    unreadable: "filer kunde inte läsas",
    other_q: "filer hör till ett annat frågeformulär",
    filtered: "filer låg utanför urvalet",
    needs_all: "Behov per område",
    by: [
        "Behov per bransch (SNI-avdelning)",
        "Behov per storlek",
        "Behov per kommun",
    ],
    area: "Område",
    group: "Grupp",
    mean: "Medelbehov",
    high: "Högt behov (≥ 67)",
    cell_note: "Cellerna visar medelbehov 0–100 och, inom parentes, andelen med högt behov (≥ 67).",
    actors: "Rekommendationer och samtycken per aktör",
    actor: "Aktör",
    recommended: "Rekommenderad",
    consent: "Samtycke",
    rec_consent: "Rekommenderad med samtycke",
    map_size: "Vilka företag aktörerna kan hjälpa – efter storlek (antal rekommendationer)",
    map_industry: "Vilka företag aktörerna kan hjälpa – efter bransch (antal rekommendationer)",
    unknown: "Vanligaste ”vet ej”-frågorna",
    question: "Fråga",
    unknown_n: "Vet ej",
    shown: "Visad",
    share: "Andel",
    none: "Inga.",
    follow: "Förändring mellan första och senaste besök",
    companies: "företag med uppföljningsbesök",
    days: "dagar mellan besöken i genomsnitt",
    first: "Första",
    latest: "Senaste",
    change: "Förändring",
    improved: "Minskat ≥ 10",
    worsened: "Ökat ≥ 10",
    suppressed_note: "Grupper med färre än {} behovsanalyser redovisas inte (”< {}”).",
    unknown_industry: "okänd",
};

const EN: W = W {
    title: "Needs analyses – regional follow-up",
    date: "Date",
    questionnaire: "Questionnaire",
    min_group: "Smallest group shown",
    selection: "Selection",
    all_sessions: "all saved assessments",
    assessments: "assessments",
    advisor: "at visits",
    selfa: "self-assessments",
    unreadable: "files could not be read",
    other_q: "files belong to another questionnaire",
    filtered: "files were outside the selection",
    needs_all: "Needs per area",
    by: [
        "Needs by industry (SNI section)",
        "Needs by size",
        "Needs by municipality",
    ],
    area: "Area",
    group: "Group",
    mean: "Mean need",
    high: "High need (≥ 67)",
    cell_note: "Cells show the mean need 0–100 and, in parentheses, the share with a high need (≥ 67).",
    actors: "Recommendations and consents per actor",
    actor: "Actor",
    recommended: "Recommended",
    consent: "Consent",
    rec_consent: "Recommended with consent",
    map_size: "Which companies the actors can help – by size (recommendations)",
    map_industry: "Which companies the actors can help – by industry (recommendations)",
    unknown: "Most frequent “don't know” questions",
    question: "Question",
    unknown_n: "Don't know",
    shown: "Shown",
    share: "Share",
    none: "None.",
    follow: "Change between the first and the latest visit",
    companies: "companies with a follow-up visit",
    days: "days between visits on average",
    first: "First",
    latest: "Latest",
    change: "Change",
    improved: "Fell ≥ 10",
    worsened: "Rose ≥ 10",
    suppressed_note: "Groups with fewer than {} assessments are not shown (“< {}”).",
    unknown_industry: "unknown",
};

fn w(lang: &str) -> &'static W {
    if lang == "sv" { &SV } else { &EN }
}

fn count(c: Count, min: u64) -> String {
    match c {
        Some(n) => n.to_string(),
        None => format!("< {min}"),
    }
}

fn num(x: Option<f64>, min: u64) -> String {
    x.map_or(format!("< {min}"), dec1)
}

fn pct(x: Option<f64>, min: u64) -> String {
    x.map_or(format!("< {min}"), |v| format!("{} %", dec1(v)))
}

fn cell(mean: Option<f64>, high: Option<f64>, min: u64) -> String {
    match (mean, high) {
        (Some(m), Some(h)) => format!("{} ({} %)", dec1(m), dec1(h)),
        _ => format!("< {min}"),
    }
}

fn intro(s: &Stats, w: &W) -> Vec<String> {
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

fn size_label(i: usize, w: &W) -> String {
    match SIZE_CLASSES.get(i) {
        Some(&"unknown") => w.unknown_industry.to_string(),
        Some(c) => (*c).to_string(),
        None => String::new(),
    }
}

/// Industry letters that occur in any actor's map, in order.
fn industry_keys(s: &Stats) -> Vec<String> {
    let mut keys: Vec<String> = s
        .actors
        .iter()
        .flat_map(|a| a.recommended_by_industry.keys().cloned())
        .collect();
    keys.sort_by_key(|k| (k == "?", k.clone()));
    keys.dedup();
    keys
}

// ---------------------------------------------------------------- Tables

/// A report table, built once and rendered by every format: the headings
/// and each row's label are text (escaped by the format), the values are
/// numbers formatted here.
struct Table {
    head: Vec<String>,
    rows: Vec<Row>,
}

struct Row {
    label: String,
    values: Vec<String>,
}

fn head<'a>(words: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    words.into_iter().map(String::from).collect()
}

/// Needs per area over all assessments.
fn needs_table(s: &Stats, w: &W) -> Option<Table> {
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
fn breakdown_table(s: &Stats, w: &W, b: &Breakdown) -> Option<Table> {
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

fn actors_table(s: &Stats, w: &W) -> Table {
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
fn size_map_table(s: &Stats, w: &W) -> Table {
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
fn industry_map_table(s: &Stats, w: &W) -> Option<Table> {
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
fn unknown_table(s: &Stats, w: &W) -> Option<Table> {
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
fn follow_up_line(s: &Stats, w: &W) -> String {
    let f = &s.follow_up;
    let mut line = format!("{} {}", count(f.companies, s.min_group), w.companies);
    if let Some(d) = f.mean_days_between {
        line.push_str(&format!(", {} {}", dec1(d), w.days));
    }
    line
}

/// Change per area between visits; `None` when suppressed or empty.
fn follow_up_table(s: &Stats, w: &W) -> Option<Table> {
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

// ---------------------------------------------------------------- Markdown

fn md_table(out: &mut String, t: &Table) {
    let head: Vec<String> = t.head.iter().map(|h| md(h)).collect();
    let _ = writeln!(out, "| {} |", head.join(" | "));
    let _ = writeln!(out, "|---|{}", "---:|".repeat(head.len().saturating_sub(1)));
    for r in &t.rows {
        let _ = write!(out, "| {}", md(&r.label));
        for v in &r.values {
            let _ = write!(out, " | {v}");
        }
        out.push_str(" |\n");
    }
    out.push('\n');
}

fn md_table_or_none(out: &mut String, t: Option<Table>, w: &W) {
    match t {
        Some(t) => md_table(out, &t),
        None => {
            let _ = writeln!(out, "{}\n", w.none);
        }
    }
}

pub fn md_report(s: &Stats) -> String {
    let w = w(&s.language);
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", w.title);
    for l in intro(s, w) {
        let _ = writeln!(out, "{}  ", md(&l));
    }
    let _ = writeln!(
        out,
        "\n{}\n",
        w.suppressed_note.replace("{}", &s.min_group.to_string())
    );
    let _ = writeln!(out, "## {}\n", w.needs_all);
    if let Some(t) = needs_table(s, w) {
        md_table(&mut out, &t);
    }
    for (b, title) in s.needs.iter().skip(1).zip(w.by) {
        let _ = writeln!(out, "## {title}\n\n{}\n", w.cell_note);
        md_table_or_none(&mut out, breakdown_table(s, w, b), w);
    }
    let _ = writeln!(out, "## {}\n", w.actors);
    md_table(&mut out, &actors_table(s, w));
    let _ = writeln!(out, "### {}\n", w.map_size);
    md_table(&mut out, &size_map_table(s, w));
    if let Some(t) = industry_map_table(s, w) {
        let _ = writeln!(out, "### {}\n", w.map_industry);
        md_table(&mut out, &t);
    }
    let _ = writeln!(out, "## {}\n", w.unknown);
    md_table_or_none(&mut out, unknown_table(s, w), w);
    let _ = writeln!(out, "## {}\n", w.follow);
    let _ = writeln!(out, "{}.\n", follow_up_line(s, w));
    if let Some(t) = follow_up_table(s, w) {
        md_table(&mut out, &t);
    }
    out
}

// ---------------------------------------------------------------- CSV

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

// ---------------------------------------------------------------- HTML

const CSS: &str = r#"
* { box-sizing: border-box; }
html { font-family: "Segoe UI", "Helvetica Neue", Arial, sans-serif; color: #1d2733; font-size: 10pt; line-height: 1.35; }
body { margin: 0; background: #f3f5f7; }
main { max-width: 277mm; margin: 8mm auto; background: #fff; padding: 10mm 12mm; }
h1 { font-size: 16pt; color: #0b5d8c; margin: 0 0 2mm; }
h2 { font-size: 12pt; color: #0b5d8c; border-bottom: 1px solid #d5dbe1; margin: 6mm 0 2mm; break-after: avoid; }
h3 { font-size: 10.5pt; margin: 4mm 0 1.5mm; }
p { margin: 0 0 1.5mm; }
.meta { color: #5b6876; }
table { border-collapse: collapse; margin: 1mm 0 3mm; font-size: 8.5pt; break-inside: auto; }
th, td { border: 1px solid #d5dbe1; padding: 0.8mm 1.5mm; text-align: right; vertical-align: top; }
th:first-child, td:first-child { text-align: left; }
th { background: #eef3f8; font-weight: 600; }
tr { break-inside: avoid; }
.sup { color: #8a5a00; }
svg { display: block; margin: 1mm 0 3mm; }
svg text { font-family: inherit; font-size: 9px; fill: #1d2733; }
@page { size: A4 landscape; margin: 12mm; }
@media print { body { background: #fff; } main { margin: 0; padding: 0; max-width: none; } }
"#;

fn td(v: &str) -> String {
    if v.starts_with('<') {
        format!("<td class=\"sup\">{}</td>", html(v))
    } else {
        format!("<td>{}</td>", html(v))
    }
}

fn html_table(out: &mut String, t: &Table) {
    out.push_str("<table><thead><tr>");
    for h in &t.head {
        let _ = write!(out, "<th>{}</th>", html(h));
    }
    out.push_str("</tr></thead><tbody>\n");
    for r in &t.rows {
        out.push_str("<tr>");
        out.push_str(&td(&r.label));
        for v in &r.values {
            out.push_str(&td(v));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody></table>\n");
}

fn html_table_or_none(out: &mut String, t: Option<Table>, w: &W) {
    match t {
        Some(t) => html_table(out, &t),
        None => {
            let _ = writeln!(out, "<p>{}</p>", w.none);
        }
    }
}

/// A horizontal bar chart: (label, value 0..max, shown text).
fn svg_bars(out: &mut String, title: &str, bars: &[(String, Option<f64>, String)], max: f64) {
    let row = 16.0;
    let label_w = 230.0;
    let bar_w = 300.0;
    let height = row * bars.len() as f64 + 6.0;
    let _ = writeln!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{}\" height=\"{height}\" role=\"img\" aria-label=\"{}\">",
        label_w + bar_w + 60.0,
        html(title)
    );
    for (i, (label, value, shown)) in bars.iter().enumerate() {
        let y = i as f64 * row + 3.0;
        let _ = write!(
            out,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text><rect x=\"{}\" y=\"{}\" width=\"{bar_w}\" height=\"{}\" fill=\"#e6ecf1\"/>",
            label_w - 6.0,
            y + 10.0,
            html(label),
            label_w,
            y + 1.0,
            row - 4.0
        );
        if let Some(v) = value {
            let wdt = (v / max).clamp(0.0, 1.0) * bar_w;
            let _ = write!(
                out,
                "<rect x=\"{label_w}\" y=\"{}\" width=\"{wdt:.1}\" height=\"{}\" fill=\"#0b5d8c\"/>",
                y + 1.0,
                row - 4.0
            );
        }
        let _ = writeln!(
            out,
            "<text x=\"{}\" y=\"{}\">{}</text>",
            label_w + bar_w + 6.0,
            y + 10.0,
            html(shown)
        );
    }
    out.push_str("</svg>\n");
}

pub fn html_report(s: &Stats) -> String {
    let w = w(&s.language);
    let min = s.min_group;
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>{CSS}</style>\n</head>\n<body>\n<main>\n<h1>{}</h1>\n",
        html(&s.language),
        html(w.title),
        html(w.title)
    );
    for l in intro(s, w) {
        let _ = writeln!(out, "<p class=\"meta\">{}</p>", html(&l));
    }
    let _ = writeln!(
        out,
        "<p class=\"meta\">{}</p>",
        html(&w.suppressed_note.replace("{}", &min.to_string()))
    );
    let _ = writeln!(out, "<h2>{}</h2>", w.needs_all);
    if let Some(all) = s.needs.first().and_then(|b| b.groups.first()) {
        let bars: Vec<(String, Option<f64>, String)> = s
            .areas
            .iter()
            .zip(&all.areas)
            .map(|(a, st)| (a.title.clone(), st.mean, cell(st.mean, st.high_share, min)))
            .collect();
        svg_bars(&mut out, w.needs_all, &bars, 100.0);
        let _ = writeln!(out, "<p class=\"meta\">{}</p>", html(w.cell_note));
    }
    for (b, title) in s.needs.iter().skip(1).zip(w.by) {
        let _ = writeln!(out, "<h2>{}</h2>", html(title));
        html_table_or_none(&mut out, breakdown_table(s, w, b), w);
    }
    let _ = writeln!(out, "<h2>{}</h2>", w.actors);
    let max = s
        .actors
        .iter()
        .filter_map(|a| a.recommended)
        .max()
        .unwrap_or(1)
        .max(1) as f64;
    let bars: Vec<(String, Option<f64>, String)> = s
        .actors
        .iter()
        .map(|a| {
            (
                a.name.clone(),
                a.recommended.map(|n| n as f64),
                count(a.recommended, min),
            )
        })
        .collect();
    svg_bars(&mut out, w.recommended, &bars, max);
    html_table(&mut out, &actors_table(s, w));
    let _ = writeln!(out, "<h3>{}</h3>", w.map_size);
    html_table(&mut out, &size_map_table(s, w));
    if let Some(t) = industry_map_table(s, w) {
        let _ = writeln!(out, "<h3>{}</h3>", w.map_industry);
        html_table(&mut out, &t);
    }
    let _ = writeln!(out, "<h2>{}</h2>", w.unknown);
    html_table_or_none(&mut out, unknown_table(s, w), w);
    let _ = writeln!(out, "<h2>{}</h2>", w.follow);
    let _ = writeln!(out, "<p>{}.</p>", html(&follow_up_line(s, w)));
    if let Some(t) = follow_up_table(s, w) {
        html_table(&mut out, &t);
    }
    out.push_str("</main>\n</body>\n</html>\n");
    out
}
