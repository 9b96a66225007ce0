//! Markdown, HTML and CSV renderings of the summaries (JSON is the model
//! serialised). All file-derived text is escaped for the format here.

use std::fmt::Write as _;

use super::doc::{
    ActorSummary, CompanyDoc, CompanyInfo, Need, Person, Reason, ReferralDoc, ServiceItem, Trigger,
};
use super::escape::{html, html_multiline, md};
use crate::i18n::Lang;
use crate::i18n::export::{Words, words};

fn cost_word(w: &Words, cost: &str) -> &'static str {
    match cost {
        "free" => w.free,
        "subsidised" => w.subsidised,
        "unknown" => w.cost_unknown,
        _ => w.paid,
    }
}

fn service_line(w: &Words, s: &ServiceItem) -> String {
    match &s.price {
        Some(p) if !p.trim().is_empty() => p.clone(),
        _ => cost_word(w, &s.cost).to_string(),
    }
}

fn person(p: Option<&Person>, w: &Words) -> String {
    match p {
        Some(p) if !p.organisation.is_empty() && !p.name.is_empty() => {
            format!("{}, {}", p.name, p.organisation)
        }
        Some(p) if !p.name.is_empty() => p.name.clone(),
        Some(p) if !p.organisation.is_empty() => p.organisation.clone(),
        _ => w.unknown_advisor.to_string(),
    }
}

/// Company facts as (label, value) pairs; with `contact`, the contact
/// person too ("not given" when there is none: a referral must say so).
fn company_facts(c: &CompanyInfo, w: &Words, contact: bool) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    if let Some(n) = &c.name {
        out.push((w.company, n.clone()));
    }
    if let Some(n) = &c.org_number {
        out.push((w.org_number, n.clone()));
    }
    if let Some(n) = &c.municipality {
        out.push((w.municipality, n.clone()));
    }
    if let Some(i) = &c.industry {
        let s = match (&i.section, &i.section_title) {
            (Some(l), Some(t)) => format!("{} – {l}: {t}", i.sni),
            _ => i.sni.clone(),
        };
        out.push((w.industry, s));
    }
    if let Some(e) = c.employees {
        let class = c.size_class.as_deref().unwrap_or("");
        out.push((w.size, format!("{e} {} ({class})", w.employees)));
    }
    if contact {
        out.extend(contact_facts(c, w));
    }
    out
}

/// The contact person: name and role, phone, e-mail.
fn contact_facts(c: &CompanyInfo, w: &Words) -> Vec<(&'static str, String)> {
    let Some(p) = &c.contact else {
        return vec![(w.contact_person, w.not_given.to_string())];
    };
    let who = match (&p.name, &p.role) {
        (Some(n), Some(r)) => format!("{n}, {r}"),
        (Some(n), None) => n.clone(),
        (None, Some(r)) => r.clone(),
        (None, None) => w.not_given.to_string(),
    };
    let mut out = vec![(w.contact_person, who)];
    if let Some(x) = &p.phone {
        out.push((w.phone, x.clone()));
    }
    if let Some(x) = &p.email {
        out.push((w.email, x.clone()));
    }
    out
}

/// The situation sentences as one paragraph, each escaped with `esc`.
fn situation_text(situation: &[String], w: &Words, esc: fn(&str) -> String) -> String {
    if situation.is_empty() {
        return w.no_situation.to_string();
    }
    let s: Vec<String> = situation.iter().map(|s| esc(s)).collect();
    s.join(" ")
}

/// An actor's contact and web address, each escaped with `esc`, joined.
pub(super) fn contact_line(a: &ActorSummary, esc: fn(&str) -> String) -> Option<String> {
    let parts: Vec<String> = [&a.contact, &a.url]
        .into_iter()
        .flatten()
        .map(|s| esc(s))
        .collect();
    (!parts.is_empty()).then(|| parts.join(" · "))
}

/// An answer in words: the question and the answer as shown. Never points.
fn trigger_text(t: &Trigger) -> (String, String) {
    (t.question_text.clone(), t.answer_label.clone())
}

// ---------------------------------------------------------------- Markdown

fn md_needs(out: &mut String, needs: &[Need]) {
    for n in needs {
        let value = n.need.map_or("–".to_string(), |v| v.to_string());
        let _ = writeln!(out, "- **{}: {value}/100**", md(&n.title));
        md_answers(out, &n.answers);
    }
}

fn md_answers(out: &mut String, answers: &[Trigger]) {
    for t in answers {
        let (q, a) = trigger_text(t);
        let _ = writeln!(out, "  - {} → {}", md(&q), md(&a));
    }
}

fn md_reasons(out: &mut String, reasons: &[Reason]) {
    for r in reasons {
        let _ = writeln!(out, "- {}", md(&r.text));
        md_answers(out, &r.answers);
    }
}

fn md_services(out: &mut String, services: &[ServiceItem], w: &Words) {
    for s in services {
        let _ = write!(
            out,
            "- **{}** ({}) – {}",
            md(&s.name),
            md(&service_line(w, s)),
            md(&s.description)
        );
        if s.undecided {
            let _ = write!(out, " *({})*", w.undecided);
        }
        out.push('\n');
    }
}

pub fn referral_md(d: &ReferralDoc) -> String {
    let w = words(Lang::of_content(&d.language));
    let mut out = String::new();
    let _ = writeln!(out, "# {} {}\n", w.referral_to, md(&d.to.name));
    let _ = writeln!(
        out,
        "{}: {}  \n{}: {}  \n{}: {}\n",
        w.reference,
        md(&d.id),
        w.date,
        d.date,
        w.follow_up,
        d.follow_up
    );
    let _ = writeln!(out, "- **{}:** {}", w.from, md(&person(d.from.as_ref(), w)));
    let mut to = md(&d.to.name);
    for extra in [&d.to.contact, &d.to.url].into_iter().flatten() {
        let _ = write!(to, " · {}", md(extra));
    }
    let _ = writeln!(out, "- **{}:** {to}", w.to);
    for (label, value) in company_facts(&d.company, w, true) {
        let _ = writeln!(out, "- **{label}:** {}", md(&value));
    }
    let _ = writeln!(out, "\n## {}\n\n{}\n", w.consent, md(&d.consent.statement));
    let _ = writeln!(out, "## {}\n", w.situation);
    let _ = writeln!(out, "{}\n", situation_text(&d.situation, w, md));
    let _ = writeln!(out, "## {}\n", w.needs);
    if d.needs.is_empty() {
        let _ = writeln!(out, "{}", w.no_needs);
    }
    md_needs(&mut out, &d.needs);
    if !d.reasons.is_empty() {
        let _ = writeln!(out, "\n## {}\n", w.why);
        md_reasons(&mut out, &d.reasons);
    }
    if !d.services.is_empty() {
        let _ = writeln!(out, "\n## {}\n", w.services);
        md_services(&mut out, &d.services, w);
    }
    let sources = d.sources();
    if !sources.is_empty() {
        let list: Vec<String> = sources
            .iter()
            .map(|s| format!("{} ({} {})", md(&s.url), w.checked, s.checked))
            .collect();
        let _ = writeln!(out, "\n*{}:* {}", w.sources, list.join(" · "));
    }
    if !d.notes.is_empty() {
        let _ = writeln!(out, "\n## {}\n", w.notes);
        for n in &d.notes {
            let _ = writeln!(out, "- *{}* {}", md(&n.question_text), md(&n.note));
        }
    }
    if !d.already_tried.is_empty() || d.other.is_some() {
        let _ = writeln!(out, "\n## {}\n", w.tried);
        for t in &d.already_tried {
            let _ = writeln!(out, "- {}", md(t));
        }
        if let Some(o) = &d.other {
            let _ = writeln!(out, "- **{}:** {}", w.other, md(o));
        }
    }
    if let Some(next) = &d.next_step {
        let _ = writeln!(out, "\n## {}\n\n{}", w.next_step, md(next));
    }
    let _ = writeln!(out, "\n{} **{}**.", w.follow_up_text, d.follow_up);
    out
}

pub fn company_md(d: &CompanyDoc) -> String {
    let w = words(Lang::of_content(&d.language));
    let mut out = String::new();
    let name = d.company.name.as_deref().unwrap_or("");
    let _ = writeln!(
        out,
        "# {}{}{}\n",
        w.company_title,
        if name.is_empty() { "" } else { " – " },
        md(name)
    );
    let _ = writeln!(
        out,
        "{}: {}  \n{}: {}\n",
        w.reference,
        md(&d.id),
        w.date,
        d.date
    );
    if let Some(from) = &d.from {
        let _ = writeln!(out, "- **{}:** {}", w.from, md(&person(Some(from), w)));
    }
    for (label, value) in company_facts(&d.company, w, false)
        .into_iter()
        .skip(usize::from(!name.is_empty()))
    {
        let _ = writeln!(out, "- **{label}:** {}", md(&value));
    }
    let _ = writeln!(out, "\n## {}\n", w.situation);
    let _ = writeln!(out, "{}\n", situation_text(&d.situation, w, md));
    let _ = writeln!(out, "## {}\n", w.need);
    md_needs(&mut out, &d.needs);
    let _ = writeln!(out, "\n## {}\n", w.actors);
    if d.actors.is_empty() {
        let _ = writeln!(out, "{}", w.no_actors);
    }
    for a in &d.actors {
        let _ = writeln!(out, "### {}\n", md(&a.name));
        for r in &a.reasons {
            let _ = writeln!(out, "- {}", md(r));
        }
        md_services(&mut out, &a.services, w);
        if let Some(next) = &a.next_step {
            let _ = writeln!(out, "\n**{}:** {}", w.next_step, md(next));
        }
        if let Some(c) = contact_line(a, md) {
            let _ = writeln!(out, "**{}:** {c}", w.contact);
        }
        out.push('\n');
    }
    if !d.advice.is_empty() {
        let _ = writeln!(out, "## {}\n", w.advice);
        for a in &d.advice {
            let _ = writeln!(out, "- {}", md(&a.text));
        }
        out.push('\n');
    }
    let _ = writeln!(out, "## {}\n", w.open);
    if d.open_questions.is_empty() {
        let _ = writeln!(out, "{}", w.no_open);
    }
    for o in &d.open_questions {
        let mark = if o.unknown {
            format!(" *({})*", w.unknown_answer)
        } else {
            String::new()
        };
        let _ = writeln!(out, "- {}{mark}", md(&o.text));
    }
    out
}

// ---------------------------------------------------------------- HTML

const CSS: &str = r#"
:root { --ink:#1d2733; --muted:#5b6876; --line:#d5dbe1; --accent:#0b5d8c; --bar:#0b5d8c; --bg-bar:#e6ecf1; }
* { box-sizing: border-box; }
html { font-family: "Segoe UI", "Helvetica Neue", Arial, sans-serif; color: var(--ink); font-size: 10.5pt; line-height: 1.38; }
body { margin: 0; background: #f3f5f7; }
main { max-width: 190mm; margin: 8mm auto; background: #fff; padding: 12mm 14mm; }
h1 { font-size: 17pt; margin: 0 0 1mm; color: var(--accent); }
h2 { font-size: 11.5pt; margin: 5mm 0 1.5mm; padding-bottom: 0.8mm; border-bottom: 1px solid var(--line); color: var(--accent); break-after: avoid; }
h3 { font-size: 10.5pt; margin: 3mm 0 1mm; break-after: avoid; }
p { margin: 0 0 2mm; }
ul { margin: 0 0 2mm; padding-left: 5mm; }
li { margin: 0 0 0.8mm; }
.meta { color: var(--muted); margin-bottom: 3mm; }
.facts { display: grid; grid-template-columns: 1fr 1fr; gap: 1mm 8mm; margin: 2mm 0; }
.facts dl { margin: 0; display: grid; grid-template-columns: max-content 1fr; gap: 0.5mm 3mm; }
.facts dt { color: var(--muted); }
.facts dd { margin: 0; }
.consent { background: #eef6ee; border-left: 3px solid #3b8a3e; padding: 1.5mm 3mm; }
.need { break-inside: avoid; margin-bottom: 2mm; }
.need-head { display: flex; align-items: center; gap: 3mm; font-weight: 600; }
.need-head .title { flex: 0 0 72mm; }
.bar { flex: 0 0 40mm; height: 3mm; background: var(--bg-bar); border-radius: 1mm; overflow: hidden; }
.bar span { display: block; height: 100%; background: var(--bar); }
.need ul { color: var(--ink); font-size: 9.5pt; margin-top: 0.5mm; }
.pts { color: var(--muted); white-space: nowrap; }
.caveat { color: #8a5a00; font-style: italic; }
.next { background: #eef3f8; border-left: 3px solid var(--accent); padding: 1.5mm 3mm; }
.actor { break-inside: avoid; border: 1px solid var(--line); border-radius: 1.5mm; padding: 2mm 3mm; margin-bottom: 2mm; }
footer { margin-top: 5mm; color: var(--muted); font-size: 8.5pt; border-top: 1px solid var(--line); padding-top: 1mm; }
@page { size: A4; margin: 14mm 14mm 14mm 14mm; }
@media print {
  html { font-size: 9.5pt; }
  body { background: #fff; }
  main { margin: 0; padding: 0; max-width: none; }
  .bar, .bar span, .consent, .next { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"#;

fn html_head(out: &mut String, lang: &str, title: &str) {
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>{CSS}</style>\n</head>\n<body>\n<main>\n",
        html(lang),
        html(title)
    );
}

fn html_foot(out: &mut String, w: &Words, q: &super::doc::QuestionnaireRef) {
    let _ = write!(
        out,
        "<footer>{} · {} {}</footer>\n</main>\n</body>\n</html>\n",
        w.made_with,
        html(&q.id),
        html(&q.version)
    );
}

fn html_dl(out: &mut String, rows: &[(&str, String)]) {
    out.push_str("<dl>");
    for (k, v) in rows {
        let _ = write!(out, "<dt>{}</dt><dd>{}</dd>", html(k), html(v));
    }
    out.push_str("</dl>\n");
}

fn html_needs(out: &mut String, needs: &[Need]) {
    for n in needs {
        let v = n.need.unwrap_or(0).clamp(0, 100);
        let shown = n.need.map_or("–".to_string(), |v| v.to_string());
        let _ = write!(
            out,
            "<div class=\"need\"><div class=\"need-head\"><span class=\"title\">{}</span><span class=\"bar\" role=\"img\" aria-label=\"{shown}/100\"><span style=\"width:{v}%\"></span></span><span>{shown}/100</span></div>",
            html(&n.title)
        );
        html_answers(out, &n.answers);
        out.push_str("</div>\n");
    }
}

fn html_answers(out: &mut String, answers: &[Trigger]) {
    if answers.is_empty() {
        return;
    }
    out.push_str("<ul>");
    for t in answers {
        let (q, a) = trigger_text(t);
        let _ = write!(
            out,
            "<li>{} → <span class=\"answer\">{}</span></li>",
            html(&q),
            html(&a)
        );
    }
    out.push_str("</ul>");
}

fn html_services(out: &mut String, services: &[ServiceItem], w: &Words) {
    out.push_str("<ul>");
    for s in services {
        let _ = write!(
            out,
            "<li><strong>{}</strong> <span class=\"pts\">({})</span> – {}",
            html(&s.name),
            html(&service_line(w, s)),
            html(&s.description)
        );
        if s.undecided {
            let _ = write!(out, " <span class=\"caveat\">({})</span>", w.undecided);
        }
        out.push_str("</li>");
    }
    out.push_str("</ul>\n");
}

pub fn referral_html(d: &ReferralDoc) -> String {
    let w = words(Lang::of_content(&d.language));
    let mut out = String::new();
    let title = format!(
        "{} {} – {}",
        w.referral_to,
        d.to.name,
        d.company.name.as_deref().unwrap_or("")
    );
    html_head(&mut out, &d.language, &title);
    let _ = writeln!(out, "<h1>{} {}</h1>", w.referral_to, html(&d.to.name));
    let _ = writeln!(
        out,
        "<p class=\"meta\">{}: {} · {}: {} · {}: {}</p>",
        w.reference,
        html(&d.id),
        w.date,
        html(&d.date),
        w.follow_up,
        html(&d.follow_up)
    );
    out.push_str("<div class=\"facts\">\n");
    let mut left = vec![
        (w.from, person(d.from.as_ref(), w)),
        (w.to, d.to.name.clone()),
    ];
    if let Some(c) = &d.to.contact {
        left.push((w.contact, c.clone()));
    }
    if let Some(u) = &d.to.url {
        left.push((w.web, u.clone()));
    }
    html_dl(&mut out, &left);
    html_dl(&mut out, &company_facts(&d.company, w, true));
    out.push_str("</div>\n");
    let _ = writeln!(
        out,
        "<h2>{}</h2>\n<p class=\"consent\">{}</p>",
        w.consent,
        html(&d.consent.statement)
    );
    let _ = writeln!(out, "<h2>{}</h2>", w.situation);
    let _ = writeln!(out, "<p>{}</p>", situation_text(&d.situation, w, html));
    let _ = writeln!(out, "<h2>{}</h2>", w.needs);
    if d.needs.is_empty() {
        let _ = writeln!(out, "<p>{}</p>", w.no_needs);
    }
    html_needs(&mut out, &d.needs);
    if !d.reasons.is_empty() {
        let _ = writeln!(out, "<h2>{}</h2>\n<ul>", w.why);
        for r in &d.reasons {
            let _ = write!(out, "<li>{}", html(&r.text));
            html_answers(&mut out, &r.answers);
            out.push_str("</li>\n");
        }
        out.push_str("</ul>\n");
    }
    if !d.services.is_empty() {
        let _ = writeln!(out, "<h2>{}</h2>", w.services);
        html_services(&mut out, &d.services, w);
    }
    let sources = d.sources();
    if !sources.is_empty() {
        let list: Vec<String> = sources
            .iter()
            .map(|s| format!("{} ({} {})", html(&s.url), w.checked, s.checked))
            .collect();
        let _ = writeln!(
            out,
            "<p class=\"meta\">{}: {}</p>",
            w.sources,
            list.join(" · ")
        );
    }
    if !d.notes.is_empty() {
        let _ = writeln!(out, "<h2>{}</h2>\n<ul>", w.notes);
        for n in &d.notes {
            let _ = writeln!(
                out,
                "<li><em>{}</em> {}</li>",
                html(&n.question_text),
                html_multiline(&n.note)
            );
        }
        out.push_str("</ul>\n");
    }
    if !d.already_tried.is_empty() || d.other.is_some() {
        let _ = writeln!(out, "<h2>{}</h2>\n<ul>", w.tried);
        for t in &d.already_tried {
            let _ = writeln!(out, "<li>{}</li>", html_multiline(t));
        }
        if let Some(o) = &d.other {
            let _ = writeln!(
                out,
                "<li><strong>{}:</strong> {}</li>",
                w.other,
                html_multiline(o)
            );
        }
        out.push_str("</ul>\n");
    }
    match &d.next_step {
        Some(next) => {
            let _ = writeln!(
                out,
                "<h2>{}</h2>\n<div class=\"next\"><p>{}</p><p>{} <strong>{}</strong>.</p></div>",
                w.next_step,
                html(next),
                w.follow_up_text,
                html(&d.follow_up)
            );
        }
        None => {
            let _ = writeln!(
                out,
                "<div class=\"next\"><p>{} <strong>{}</strong>.</p></div>",
                w.follow_up_text,
                html(&d.follow_up)
            );
        }
    }
    html_foot(&mut out, w, &d.questionnaire);
    out
}

pub fn company_html(d: &CompanyDoc) -> String {
    let w = words(Lang::of_content(&d.language));
    let mut out = String::new();
    let name = d.company.name.clone().unwrap_or_default();
    html_head(
        &mut out,
        &d.language,
        &format!("{} – {name}", w.company_title),
    );
    let _ = writeln!(out, "<h1>{}</h1>", w.company_title);
    let _ = writeln!(
        out,
        "<p class=\"meta\">{}: {} · {}: {}</p>",
        w.reference,
        html(&d.id),
        w.date,
        html(&d.date)
    );
    out.push_str("<div class=\"facts\">\n");
    html_dl(&mut out, &company_facts(&d.company, w, false));
    if let Some(from) = &d.from {
        html_dl(&mut out, &[(w.from, person(Some(from), w))]);
    }
    out.push_str("</div>\n");
    let _ = writeln!(out, "<h2>{}</h2>", w.situation);
    let _ = writeln!(out, "<p>{}</p>", situation_text(&d.situation, w, html));
    let _ = writeln!(out, "<h2>{}</h2>", w.need);
    html_needs(&mut out, &d.needs);
    let _ = writeln!(out, "<h2>{}</h2>", w.actors);
    if d.actors.is_empty() {
        let _ = writeln!(out, "<p>{}</p>", w.no_actors);
    }
    for a in &d.actors {
        let _ = writeln!(out, "<div class=\"actor\"><h3>{}</h3>", html(&a.name));
        if !a.reasons.is_empty() {
            out.push_str("<ul>");
            for r in &a.reasons {
                let _ = write!(out, "<li>{}</li>", html(r));
            }
            out.push_str("</ul>\n");
        }
        if !a.services.is_empty() {
            html_services(&mut out, &a.services, w);
        }
        if let Some(next) = &a.next_step {
            let _ = writeln!(
                out,
                "<p><strong>{}:</strong> {}</p>",
                w.next_step,
                html(next)
            );
        }
        if let Some(c) = contact_line(a, html) {
            let _ = writeln!(out, "<p><strong>{}:</strong> {c}</p>", w.contact);
        }
        out.push_str("</div>\n");
    }
    if !d.advice.is_empty() {
        let _ = writeln!(out, "<h2>{}</h2>", w.advice);
        out.push_str("<ul>");
        for a in &d.advice {
            let _ = write!(out, "<li>{}</li>", html(&a.text));
        }
        out.push_str("</ul>\n");
    }
    let _ = writeln!(out, "<h2>{}</h2>", w.open);
    if d.open_questions.is_empty() {
        let _ = writeln!(out, "<p>{}</p>", w.no_open);
    } else {
        out.push_str("<ul>");
        for o in &d.open_questions {
            let mark = if o.unknown {
                format!(" <span class=\"pts\">({})</span>", w.unknown_answer)
            } else {
                String::new()
            };
            let _ = write!(out, "<li>{}{mark}</li>", html(&o.text));
        }
        out.push_str("</ul>\n");
    }
    html_foot(&mut out, w, &d.questionnaire);
    out
}
