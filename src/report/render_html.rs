//! The report as one self-contained HTML page: a one-page overview for a
//! regional steering group (key figures and charts: companies reached by
//! municipality and industry, needs, referrals and their 24-hour share,
//! follow-ups), printable on one A4 page, then the tables on the pages
//! after it.

use std::fmt::Write as _;

use super::Stats;
use super::render_svg::{Bar, Dumbbell, HALF, WHOLE, bars, dumbbells};
use super::render_tables::{Block, Fmt, Table, blocks, dim_index, intro};
use crate::export::escape::html;
use crate::i18n::Lang;
use crate::i18n::report::{self as r, SUPPRESSED, Words, words};

/// Marks the end of the overview page (tests print it on its own).
pub const OVERVIEW_END: &str = "<!-- end of overview -->";

/// Most bars in a chart of companies.
const MAX_BARS: usize = 10;

const CSS: &str = r#"
* { box-sizing: border-box; }
html { font-family: "Segoe UI", "Helvetica Neue", Arial, sans-serif; color: #1d2733; font-size: 9pt; line-height: 1.3; }
body { margin: 0; background: #f3f5f7; }
main { max-width: 210mm; margin: 6mm auto; background: #fff; padding: 10mm 12mm; }
h1 { font-size: 15pt; color: #0b5d8c; margin: 0 0 1mm; }
h2 { font-size: 11pt; color: #0b5d8c; border-bottom: 1px solid #d5dbe1; margin: 5mm 0 2mm; break-after: avoid; }
h3 { font-size: 9.5pt; margin: 3mm 0 1.5mm; break-after: avoid; }
figure h3 { margin: 0 0 1mm; }
p { margin: 0 0 1.5mm; }
.meta, .note { color: #5b6876; font-size: 8pt; }
.kpis { display: grid; grid-template-columns: repeat(6, 1fr); gap: 2mm; margin: 3mm 0; }
.kpi { border: 1px solid #d5dbe1; border-radius: 2mm; padding: 1.5mm 2mm; }
.kpi .n { display: block; font-size: 15pt; font-weight: 600; color: #0b5d8c; }
.kpi .l { display: block; font-size: 7.5pt; color: #3d4a57; }
.grid { display: grid; grid-template-columns: 1fr 1fr; gap: 2mm 5mm; }
figure { margin: 0; break-inside: avoid; }
figure.wide { grid-column: 1 / 3; }
figure p { font-size: 7.5pt; color: #5b6876; margin: 0; }
svg { display: block; margin: 0.5mm 0 1mm; }
svg text { font-family: inherit; font-size: 8.5px; fill: #1d2733; }
svg .track { fill: #e6ecf1; stroke: #c9d3dc; stroke-width: 0.6; }
svg .bar { fill: #0b5d8c; }
svg .move { stroke: #0b5d8c; stroke-width: 1.6; }
svg .first { fill: #fff; stroke: #0b5d8c; stroke-width: 1.4; }
svg .latest { fill: #0b5d8c; }
.overview { break-after: page; }
table { border-collapse: collapse; margin: 1mm 0 3mm; font-size: 8pt; break-inside: auto; }
th, td { border: 1px solid #d5dbe1; padding: 0.6mm 1.5mm; text-align: right; vertical-align: top; }
th:first-child, td:first-child { text-align: left; }
th { background: #eef3f8; font-weight: 600; }
tr { break-inside: avoid; }
tr.total td { font-weight: 600; }
.sup { color: #8a5a00; }
td.text { text-align: left; }
@page { size: A4 portrait; margin: 10mm; }
@media print { body { background: #fff; } main { margin: 0; padding: 0; max-width: none; } }
"#;

fn td(v: &str, text: bool) -> String {
    let class = match (v == SUPPRESSED, text) {
        (true, _) => " class=\"sup\"",
        (false, true) => " class=\"text\"",
        _ => "",
    };
    format!("<td{class}>{}</td>", html(v))
}

fn html_table(out: &mut String, t: &Table) {
    out.push_str("<table><thead><tr>");
    for h in &t.head {
        let _ = write!(out, "<th scope=\"col\">{}</th>", html(h));
    }
    out.push_str("</tr></thead><tbody>\n");
    for r in &t.rows {
        out.push_str(if r.total {
            "<tr class=\"total\">"
        } else {
            "<tr>"
        });
        let _ = write!(out, "<th scope=\"row\">{}</th>", html(&r.label));
        for (i, v) in r.values.iter().enumerate() {
            out.push_str(&td(v, t.text_last && i + 1 == r.values.len()));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody></table>\n");
}

fn kpi(out: &mut String, n: &str, label: &str) {
    let _ = write!(
        out,
        "<div class=\"kpi\"><span class=\"n\">{}</span><span class=\"l\">{}</span></div>",
        html(n),
        html(label)
    );
}

/// Bars of companies in one breakdown: the largest published groups, then
/// the hidden ones, at most [`MAX_BARS`].
fn companies_chart(out: &mut String, s: &Stats, w: &Words, f: Fmt, dim: &str) {
    let Some(b) = s.companies.iter().find(|b| b.dimension == dim) else {
        return;
    };
    let mut groups: Vec<_> = b.groups.iter().collect();
    groups.sort_by(|x, y| {
        (x.companies.is_none(), std::cmp::Reverse(x.companies))
            .cmp(&(y.companies.is_none(), std::cmp::Reverse(y.companies)))
            .then(x.label.cmp(&y.label))
    });
    let max = groups.iter().filter_map(|g| g.companies).max().unwrap_or(1) as f64;
    let rows: Vec<Bar> = groups
        .iter()
        .take(MAX_BARS)
        .map(|g| Bar {
            label: g.label.clone(),
            value: g.companies.map(|n| n as f64),
            text: f.count(g.companies),
        })
        .collect();
    let title = w.companies_by[dim_index(dim)];
    let _ = write!(out, "<figure><h3>{}</h3>", html(title));
    bars(out, &format!("c-{dim}"), title, &rows, max, HALF);
    if groups.len() > MAX_BARS {
        let _ = write!(
            out,
            "<p>{}</p>",
            html(&r::more_in_tables(f.0, groups.len() - MAX_BARS))
        );
    }
    out.push_str("</figure>\n");
}

fn needs_chart(out: &mut String, s: &Stats, w: &Words, f: Fmt) {
    let Some(all) = s.needs.first().and_then(|b| b.groups.first()) else {
        return;
    };
    let mut rows: Vec<Bar> = s
        .areas
        .iter()
        .zip(&all.areas)
        .map(|(a, st)| Bar {
            label: a.title.clone(),
            value: st.mean,
            text: f.derived(st.mean, &[st.n], r::dec),
        })
        .collect();
    rows.sort_by(|x, y| {
        (x.value.is_none(), y.value.unwrap_or(0.0))
            .partial_cmp(&(y.value.is_none(), x.value.unwrap_or(0.0)))
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    let _ = write!(out, "<figure><h3>{}</h3>", html(w.needs_all));
    bars(out, "needs", w.chart_needs, &rows, 100.0, HALF);
    let _ = writeln!(
        out,
        "<p>{} {}</p></figure>",
        html(w.companies),
        html(&f.count(all.companies))
    );
}

fn follow_chart(out: &mut String, s: &Stats, w: &Words, f: Fmt) {
    let rows: Vec<Dumbbell> = s
        .areas
        .iter()
        .zip(&s.follow_up.areas)
        .map(|(a, x)| Dumbbell {
            label: a.title.clone(),
            first: x.first_mean,
            latest: x.latest_mean,
            text: match (x.first_mean, x.latest_mean) {
                (Some(a), Some(b)) => format!(
                    "{} → {} ({})",
                    r::dec(f.0, a),
                    r::dec(f.0, b),
                    f.signed(x.change)
                ),
                _ => SUPPRESSED.into(),
            },
        })
        .collect();
    let _ = write!(out, "<figure><h3>{}</h3>", html(w.follow));
    dumbbells(out, "follow", w.chart_follow, &rows);
    let _ = writeln!(
        out,
        "<p>{}</p><p>{}</p></figure>",
        html(w.legend_follow),
        html(&super::render_tables::follow_up_line(s, f))
    );
}

fn referrals_chart(out: &mut String, s: &Stats, w: &Words, f: Fmt) {
    let mut actors: Vec<_> = s
        .referrals
        .actors
        .iter()
        .filter(|a| a.sent != Some(0))
        .collect();
    actors.sort_by(|x, y| {
        (x.sent.is_none(), std::cmp::Reverse(x.sent))
            .cmp(&(y.sent.is_none(), std::cmp::Reverse(y.sent)))
            .then(x.name.cmp(&y.name))
    });
    let max = actors.iter().filter_map(|a| a.sent).max().unwrap_or(1) as f64;
    let rows: Vec<Bar> = actors
        .iter()
        .map(|a| {
            let share = a.share_within_24h.map(|x| r::pct(f.0, x));
            let helped = a.outcomes.helped.map(|n| r::int(f.0, n));
            Bar {
                label: a.name.clone(),
                value: a.sent.map(|n| n as f64),
                text: r::referral_bar(f.0, &f.count(a.sent), share.as_deref(), helped.as_deref()),
            }
        })
        .collect();
    let _ = write!(out, "<figure class=\"wide\"><h3>{}</h3>", html(w.referrals));
    if rows.is_empty() {
        let _ = write!(out, "<p>{}</p>", html(w.none));
    } else {
        bars(out, "referrals", w.chart_referrals, &rows, max, WHOLE);
    }
    let when = crate::time::local_time(&s.referrals.as_of);
    let _ = writeln!(
        out,
        "<p>{}{}</p></figure>",
        html(w.referrals_note),
        html(&r::as_of(f.0, &when))
    );
}

pub fn html_report(s: &Stats) -> String {
    let lang = Lang::of_content(&s.language);
    let w = words(lang);
    let f = Fmt(lang);
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>{CSS}</style>\n</head>\n<body>\n<main>\n<section class=\"overview\">\n<h1>{}</h1>\n",
        html(&s.language),
        html(w.title),
        html(w.title)
    );
    let lines = intro(s, w);
    for l in &lines[..lines.len().saturating_sub(1)] {
        let _ = writeln!(out, "<p class=\"meta\">{}</p>", html(l));
    }
    out.push_str("<div class=\"kpis\">");
    let c = &s.counts;
    let total = &s.referrals.total;
    kpi(&mut out, &f.count(c.companies), w.companies_reached);
    kpi(&mut out, &f.count(c.visits), w.visits);
    kpi(&mut out, &f.count(c.follow_up_visits), w.follow_up_visits);
    kpi(&mut out, &f.count(c.self_assessments), w.self_assessments);
    kpi(&mut out, &f.count(total.sent), w.referrals_sent);
    let share = f.derived(
        total.share_within_24h,
        &[total.contacted_within_24h, total.due_24h],
        r::pct,
    );
    kpi(&mut out, &share, w.within_24h);
    out.push_str("</div>\n<div class=\"grid\">\n");
    companies_chart(&mut out, s, w, f, "municipality");
    companies_chart(&mut out, s, w, f, "industry");
    needs_chart(&mut out, s, w, f);
    follow_chart(&mut out, s, w, f);
    referrals_chart(&mut out, s, w, f);
    out.push_str("</div>\n");
    if let Some(last) = lines.last() {
        let _ = writeln!(out, "<p class=\"note\">{}</p>", html(last));
    }
    let _ = writeln!(
        out,
        "</section>\n{OVERVIEW_END}\n<section class=\"tables\">"
    );
    let _ = writeln!(out, "<h2>{}</h2>", html(w.tables));
    for b in blocks(s) {
        match b {
            Block::H2(t) => {
                let _ = writeln!(out, "<h3>{}</h3>", html(&t));
            }
            Block::H3(t) => {
                let _ = writeln!(out, "<h3>{}</h3>", html(&t));
            }
            Block::P(t) => {
                let _ = writeln!(out, "<p class=\"note\">{}</p>", html(&t));
            }
            Block::Table(t) => html_table(&mut out, &t),
        }
    }
    out.push_str("</section>\n</main>\n</body>\n</html>\n");
    out
}
