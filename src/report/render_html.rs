//! The report as one self-contained HTML page with inline SVG bar charts.

use std::fmt::Write as _;

use super::Stats;
use super::render_tables::{
    Table, actors_table, breakdown_table, cell, count, follow_up_line, follow_up_table,
    industry_map_table, intro, size_map_table, unknown_table,
};
use crate::export::escape::html;
use crate::i18n::Lang;
use crate::i18n::report::{Words, suppressed_note, words};

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

fn html_table_or_none(out: &mut String, t: Option<Table>, w: &Words) {
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
    let lang = Lang::of_content(&s.language);
    let w = words(lang);
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
        html(&suppressed_note(lang, min))
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
