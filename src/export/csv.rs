//! CSV renderings of the summaries: one fact per record, columns
//! `section,key,label,value,detail` (docs/EXPORT.md). Text cells are
//! guarded against spreadsheet formulas by [`super::escape`].

use super::doc::{CompanyDoc, CompanyInfo, Need, ReferralDoc, ServiceItem};
use super::escape::{Cell, csv_record, csv_row};
use super::render::contact_line;

const CSV_HEADER: [&str; 5] = ["section", "key", "label", "value", "detail"];

fn csv_company(out: &mut String, c: &CompanyInfo) {
    let o = |s: &Option<String>| s.clone().unwrap_or_default();
    csv_row(out, &["company", "name", "", &o(&c.name), ""]);
    csv_row(out, &["company", "org_number", "", &o(&c.org_number), ""]);
    csv_row(
        out,
        &["company", "municipality", "", &o(&c.municipality), ""],
    );
    if let Some(i) = &c.industry {
        csv_row(
            out,
            &[
                "company",
                "sni",
                i.section_title.as_deref().unwrap_or(""),
                &i.sni,
                i.section.as_deref().unwrap_or(""),
            ],
        );
    }
    let emp = c.employees.map_or(Cell::Text(""), |e| Cell::Num(e as f64));
    csv_record(
        out,
        &[
            "company".into(),
            "employees".into(),
            "".into(),
            emp,
            c.size_class.as_deref().unwrap_or("").into(),
        ],
    );
    if let Some(p) = &c.contact {
        for (key, value) in [
            ("name", &p.name),
            ("role", &p.role),
            ("phone", &p.phone),
            ("email", &p.email),
        ] {
            csv_row(
                out,
                &["contact", key, "", value.as_deref().unwrap_or(""), ""],
            );
        }
    }
}

fn csv_needs(out: &mut String, needs: &[Need]) {
    for n in needs {
        let v = n.need.map_or(Cell::Text(""), |v| Cell::Num(v as f64));
        let answered = format!("{}/{}", n.answered, n.total);
        csv_record(
            out,
            &[
                "need".into(),
                (&n.area).into(),
                (&n.title).into(),
                v,
                (&answered).into(),
            ],
        );
        for t in &n.answers {
            csv_row(
                out,
                &[
                    "answer",
                    &n.area,
                    &t.question_text,
                    &t.answer_label,
                    &t.question,
                ],
            );
        }
    }
}

fn csv_services(out: &mut String, actor: &str, services: &[ServiceItem]) {
    for s in services {
        let detail = match (&s.price, s.undecided) {
            (Some(p), true) => format!("{}; {p}; undecided", s.cost),
            (Some(p), false) => format!("{}; {p}", s.cost),
            (None, true) => format!("{}; undecided", s.cost),
            (None, false) => s.cost.clone(),
        };
        csv_row(out, &["service", actor, &s.name, &s.id, &detail]);
    }
}

pub fn referral_csv(d: &ReferralDoc) -> String {
    let mut out = String::new();
    csv_row(&mut out, &CSV_HEADER);
    csv_row(&mut out, &["referral", "id", "", &d.id, ""]);
    csv_row(&mut out, &["referral", "date", "", &d.date, ""]);
    csv_row(&mut out, &["referral", "follow_up", "", &d.follow_up, ""]);
    if let Some(p) = &d.from {
        csv_row(&mut out, &["from", "advisor", "", &p.name, &p.organisation]);
    }
    csv_row(
        &mut out,
        &[
            "to",
            "actor",
            &d.to.name,
            &d.to.id,
            d.to.url.as_deref().unwrap_or(""),
        ],
    );
    if let Some(c) = &d.to.contact {
        csv_row(&mut out, &["to", "contact", "", c, ""]);
    }
    csv_company(&mut out, &d.company);
    let c = &d.consent;
    csv_row(&mut out, &["consent", "actor", "", &c.actor, "true"]);
    for (key, value) in [
        ("given_by", &c.given_by),
        ("recorded_by", &c.recorded_by),
        ("at", &c.at_local),
    ] {
        csv_row(
            &mut out,
            &["consent", key, "", value.as_deref().unwrap_or(""), ""],
        );
    }
    csv_row(&mut out, &["consent", "statement", "", &c.statement, ""]);
    for (i, s) in d.situation.iter().enumerate() {
        csv_row(&mut out, &["situation", &(i + 1).to_string(), "", s, ""]);
    }
    csv_record(
        &mut out,
        &[
            "score".into(),
            (&d.to.id).into(),
            "".into(),
            Cell::Num(d.score as f64),
            if d.recommended { "recommended" } else { "" }.into(),
        ],
    );
    csv_needs(&mut out, &d.needs);
    for (i, r) in d.reasons.iter().enumerate() {
        let n = (i + 1).to_string();
        csv_row(&mut out, &["reason", &n, "", &r.text, ""]);
        for t in &r.answers {
            csv_row(
                &mut out,
                &[
                    "reason_answer",
                    &n,
                    &t.question_text,
                    &t.answer_label,
                    &t.question,
                ],
            );
        }
    }
    csv_services(&mut out, &d.to.id, &d.services);
    for s in d.sources() {
        csv_row(&mut out, &["source", &d.to.id, "", &s.url, &s.checked]);
    }
    for n in &d.notes {
        csv_row(
            &mut out,
            &["note", &n.question, &n.question_text, &n.note, ""],
        );
    }
    for t in &d.already_tried {
        csv_row(&mut out, &["already_tried", "", "", t, ""]);
    }
    if let Some(o) = &d.other {
        csv_row(&mut out, &["other", "", "", o, ""]);
    }
    if let Some(next) = &d.next_step {
        csv_row(&mut out, &["next_step", &d.to.id, "", next, ""]);
    }
    out
}

pub fn company_csv(d: &CompanyDoc) -> String {
    let mut out = String::new();
    csv_row(&mut out, &CSV_HEADER);
    csv_row(&mut out, &["summary", "id", "", &d.id, ""]);
    csv_row(&mut out, &["summary", "date", "", &d.date, ""]);
    if let Some(p) = &d.from {
        csv_row(&mut out, &["from", "advisor", "", &p.name, &p.organisation]);
    }
    csv_company(&mut out, &d.company);
    for (i, s) in d.situation.iter().enumerate() {
        csv_row(&mut out, &["situation", &(i + 1).to_string(), "", s, ""]);
    }
    csv_needs(&mut out, &d.needs);
    for a in &d.actors {
        let contact = contact_line(a, str::to_owned).unwrap_or_default();
        csv_record(
            &mut out,
            &[
                "actor".into(),
                (&a.id).into(),
                (&a.name).into(),
                Cell::Num(a.score as f64),
                (&contact).into(),
            ],
        );
        for r in &a.reasons {
            csv_row(&mut out, &["reason", &a.id, "", r, ""]);
        }
        csv_services(&mut out, &a.id, &a.services);
        if let Some(next) = &a.next_step {
            csv_row(&mut out, &["next_step", &a.id, "", next, ""]);
        }
    }
    for a in &d.advice {
        csv_row(&mut out, &["advice", &a.id, "", &a.text, ""]);
    }
    for o in &d.open_questions {
        csv_row(
            &mut out,
            &[
                "open_question",
                &o.id,
                "",
                &o.text,
                if o.unknown { "unknown" } else { "" },
            ],
        );
    }
    out
}
