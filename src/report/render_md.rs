//! The report as Markdown: a title, the introduction and the blocks of
//! [`super::render_tables`] — short tables of one breakdown each.

use std::fmt::Write as _;

use super::Stats;
use super::render_tables::{Block, Table, blocks, intro};
use crate::export::escape::md;
use crate::i18n::Lang;
use crate::i18n::report::words;

fn md_table(out: &mut String, t: &Table) {
    let head: Vec<String> = t.head.iter().map(|h| md(h)).collect();
    let _ = writeln!(out, "| {} |", head.join(" | "));
    let numbers = head.len().saturating_sub(1 + usize::from(t.text_last));
    let _ = writeln!(
        out,
        "|---|{}{}",
        "---:|".repeat(numbers),
        if t.text_last { "---|" } else { "" }
    );
    for r in &t.rows {
        let strong = |s: String| if r.total { format!("**{s}**") } else { s };
        let _ = write!(out, "| {}", strong(md(&r.label)));
        for v in &r.values {
            let _ = write!(out, " | {}", strong(md(v)));
        }
        out.push_str(" |\n");
    }
    out.push('\n');
}

pub fn md_report(s: &Stats) -> String {
    let w = words(Lang::of_content(&s.language));
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", md(w.title));
    for l in intro(s, w) {
        let _ = writeln!(out, "{}  ", md(&l));
    }
    out.push('\n');
    for b in blocks(s) {
        match b {
            Block::H2(t) => {
                let _ = writeln!(out, "## {}\n", md(&t));
            }
            Block::H3(t) => {
                let _ = writeln!(out, "### {}\n", md(&t));
            }
            Block::P(t) => {
                let _ = writeln!(out, "{}\n", md(&t));
            }
            Block::Table(t) => md_table(&mut out, &t),
        }
    }
    out
}
