//! The report as Markdown.

use std::fmt::Write as _;

use super::Stats;
use super::render_tables::{
    Table, actors_table, breakdown_table, follow_up_line, follow_up_table, industry_map_table,
    intro, needs_table, size_map_table, unknown_table,
};
use crate::export::escape::md;
use crate::i18n::Lang;
use crate::i18n::report::{Words, suppressed_note, words};

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

fn md_table_or_none(out: &mut String, t: Option<Table>, w: &Words) {
    match t {
        Some(t) => md_table(out, &t),
        None => {
            let _ = writeln!(out, "{}\n", w.none);
        }
    }
}

pub fn md_report(s: &Stats) -> String {
    let lang = Lang::of_content(&s.language);
    let w = words(lang);
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", w.title);
    for l in intro(s, w) {
        let _ = writeln!(out, "{}  ", md(&l));
    }
    let _ = writeln!(out, "\n{}\n", suppressed_note(lang, s.min_group));
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
