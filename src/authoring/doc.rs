//! A tiny document model rendered as Markdown or HTML, shared by the
//! catalogue and the preview. Every text is untrusted (it comes from the
//! questionnaire): Markdown output is sanitised and table-safe, HTML output
//! is escaped.

use std::fmt::Write as _;

use crate::export::escape::html as html_escape;
use crate::text::sanitize_line;

#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A heading of level 1–4.
    Heading(u8, String),
    Para(String),
    /// A paragraph with a bold lead, e.g. "**Shown when:** …".
    Labelled(String, String),
    Table {
        head: Vec<String>,
        rows: Vec<Vec<String>>,
    },
    /// Items with an optional bold lead.
    List(Vec<(Option<String>, String)>),
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Doc {
    pub blocks: Vec<Block>,
}

impl Doc {
    pub fn h(&mut self, level: u8, s: impl Into<String>) {
        self.blocks.push(Block::Heading(level, s.into()));
    }
    pub fn p(&mut self, s: impl Into<String>) {
        let s = s.into();
        if !s.trim().is_empty() {
            self.blocks.push(Block::Para(s));
        }
    }
    pub fn labelled(&mut self, label: impl Into<String>, s: impl Into<String>) {
        self.blocks.push(Block::Labelled(label.into(), s.into()));
    }
    pub fn table(&mut self, head: Vec<String>, rows: Vec<Vec<String>>) {
        self.blocks.push(Block::Table { head, rows });
    }
    pub fn list(&mut self, items: Vec<(Option<String>, String)>) {
        if !items.is_empty() {
            self.blocks.push(Block::List(items));
        }
    }
}

/// Markdown-safe inline text: one line, no raw HTML, no emphasis surprises.
fn md_inline(s: &str) -> String {
    let mut out = String::new();
    for c in sanitize_line(s).trim().chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '#' => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

pub fn markdown(doc: &Doc) -> String {
    let mut out = String::new();
    for b in &doc.blocks {
        match b {
            Block::Heading(level, s) => {
                let _ = writeln!(
                    out,
                    "{} {}\n",
                    "#".repeat(usize::from(*level).clamp(1, 6)),
                    md_inline(s)
                );
            }
            Block::Para(s) => {
                let _ = writeln!(out, "{}\n", md_inline(s));
            }
            Block::Labelled(label, s) => {
                let _ = writeln!(out, "**{}** {}\n", md_inline(label), md_inline(s));
            }
            Block::Table { head, rows } => {
                let _ = writeln!(
                    out,
                    "| {} |",
                    head.iter()
                        .map(|h| md_inline(h))
                        .collect::<Vec<_>>()
                        .join(" | ")
                );
                let _ = writeln!(out, "|{}", "---|".repeat(head.len()));
                for row in rows {
                    let _ = writeln!(
                        out,
                        "| {} |",
                        row.iter()
                            .map(|c| md_inline(c))
                            .collect::<Vec<_>>()
                            .join(" | ")
                    );
                }
                out.push('\n');
            }
            Block::List(items) => {
                for (lead, s) in items {
                    match lead {
                        Some(l) => {
                            let _ = writeln!(out, "- **{}** {}", md_inline(l), md_inline(s));
                        }
                        None => {
                            let _ = writeln!(out, "- {}", md_inline(s));
                        }
                    }
                }
                out.push('\n');
            }
        }
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

pub fn html(doc: &Doc, title: &str, lang: &str) -> String {
    let e = html_escape;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>body{{font-family:sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.4}}table{{border-collapse:collapse;margin:.5rem 0 1rem}}th,td{{border:1px solid #999;padding:.25rem .5rem;text-align:left;vertical-align:top}}th{{background:#eee}}</style>\n</head>\n<body>",
        e(lang),
        e(title)
    );
    for b in &doc.blocks {
        match b {
            Block::Heading(level, s) => {
                let l = level.clamp(&1, &6);
                let _ = writeln!(out, "<h{l}>{}</h{l}>", e(s));
            }
            Block::Para(s) => {
                let _ = writeln!(out, "<p>{}</p>", e(s));
            }
            Block::Labelled(label, s) => {
                let _ = writeln!(out, "<p><strong>{}</strong> {}</p>", e(label), e(s));
            }
            Block::Table { head, rows } => {
                out.push_str("<table>\n<thead><tr>");
                for h in head {
                    let _ = write!(out, "<th>{}</th>", e(h));
                }
                out.push_str("</tr></thead>\n<tbody>\n");
                for row in rows {
                    out.push_str("<tr>");
                    for c in row {
                        let _ = write!(out, "<td>{}</td>", e(c));
                    }
                    out.push_str("</tr>\n");
                }
                out.push_str("</tbody>\n</table>\n");
            }
            Block::List(items) => {
                out.push_str("<ul>\n");
                for (lead, s) in items {
                    match lead {
                        Some(l) => {
                            let _ = writeln!(out, "<li><strong>{}</strong> {}</li>", e(l), e(s));
                        }
                        None => {
                            let _ = writeln!(out, "<li>{}</li>", e(s));
                        }
                    }
                }
                out.push_str("</ul>\n");
            }
        }
    }
    out.push_str("</body>\n</html>\n");
    out
}
