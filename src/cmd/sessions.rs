//! `behovsanalys sessions list|show|delete|new`.

use std::fmt::Write as _;
use std::io::{BufRead, IsTerminal, Write};
use std::process::ExitCode;

use anyhow::{Result, bail};
use behovsanalys::answers::Answer;
use behovsanalys::i18n::{Lang, cli as words};
use behovsanalys::questionnaire::{Kind, Questionnaire};
use behovsanalys::session::{
    Direction, Listing, ORIGIN_SELF_ASSESSMENT, ORIGIN_WEB, SessionMode, Store,
};
use behovsanalys::text::{display_path, fmt_num, sanitize, sanitize_line as line};
use behovsanalys::time;
use behovsanalys::{score_output, scoring};
use serde_json::json;

use crate::{Cli, ScoreFormat, SessionsAction};

pub fn run(cli: &Cli, ui: Lang, action: &SessionsAction) -> Result<ExitCode> {
    let loaded = super::load_questionnaire(cli)?;
    let q = &loaded.questionnaire;
    let store = Store::open(cli.data_dir.as_deref())?;
    match action {
        SessionsAction::List { format } => list(&store, q, *format, ui),
        SessionsAction::Show { id } => show(cli, ui, &store, q, id),
        SessionsAction::Delete { id, yes } => delete(&store, q, id, *yes, ui),
        SessionsAction::New { from } => new(&store, q, from.as_deref(), ui),
        SessionsAction::Resolve(args) => super::sync::resolve(&store, q, ui, args),
    }
}

/// Pads or cuts `s` to `w` characters.
fn cell(s: &str, w: usize) -> String {
    let s = line(s);
    let n = s.chars().count();
    if n > w {
        let mut t: String = s.chars().take(w.saturating_sub(1)).collect();
        t.push('…');
        t
    } else {
        format!("{s}{}", " ".repeat(w - n))
    }
}

fn list(store: &Store, q: &Questionnaire, format: ScoreFormat, ui: Lang) -> Result<ExitCode> {
    let l = store.list(q)?;
    match format {
        ScoreFormat::Json => out(&format!(
            "{}\n",
            behovsanalys::text::json_terminal_safe(&serde_json::to_string_pretty(&list_json(
                store, &l, ui
            ))?)
        )),
        ScoreFormat::Text => out(&list_text(store, &l, ui)),
    }
}

/// Writes to stdout (see [`super::emit`]).
fn out(s: &str) -> Result<ExitCode> {
    super::emit(s)?;
    Ok(ExitCode::SUCCESS)
}

fn list_json(store: &Store, l: &Listing, ui: Lang) -> serde_json::Value {
    let sessions: Vec<_> = l
        .sessions
        .iter()
        .map(|s| {
            json!({
                "id": s.id,
                "company": s.company,
                "org_number": s.org_number,
                "municipality": s.municipality,
                "created": s.created,
                "updated": s.updated,
                "mode": s.mode.as_str(),
                "origin": s.origin,
                "previous": s.previous,
                "questionnaire": {"id": s.questionnaire_id, "version": s.questionnaire_version},
                "progress": {"answered": s.answered, "total": s.total},
                "orphans": s.orphans,
                "conflict": s.conflict,
                "drift": s.drift,
            })
        })
        .collect();
    json!({
        "data_dir": store.root().display().to_string(),
        "sessions": sessions,
        "quarantined": l.quarantined.iter().map(|f| json!({"file": f.file, "reason": f.reason, "new": f.new})).collect::<Vec<_>>(),
        "problems": l.problems.iter().map(|p| json!({"file": p.file, "message": p.message})).collect::<Vec<_>>(),
        "ignored": l.ignored,
        "notices": l.notices.iter().map(|n| n.text(ui)).collect::<Vec<_>>(),
    })
}

fn list_text(store: &Store, l: &Listing, ui: Lang) -> String {
    let w = words::sessions(ui);
    let mut o = String::new();
    if l.sessions.is_empty() {
        let dir = display_path(&store.sessions_dir());
        let line = if l.problems.is_empty() {
            words::no_sessions_in(ui, &dir)
        } else {
            // The problems below are sessions too.
            words::no_readable_sessions_in(ui, &dir)
        };
        let _ = writeln!(o, "{line}");
    } else {
        let _ = writeln!(
            o,
            "{} {} {} {} {:>8}  {}",
            cell(w.col_id, 21),
            cell(w.col_date, 10),
            cell(w.col_company, 26),
            cell(w.col_municipality, 14),
            w.col_progress,
            w.col_version
        );
        for s in &l.sessions {
            let mut flags = Vec::new();
            if s.mode == SessionMode::SelfAssessment {
                flags.push(w.self_assessment.to_string());
            }
            if s.origin.as_deref() == Some(ORIGIN_SELF_ASSESSMENT) {
                flags.push(w.imported.into());
            }
            if s.origin.as_deref() == Some(ORIGIN_WEB) {
                flags.push(w.from_web.into());
            }
            if let Some(p) = &s.previous {
                flags.push(words::follow_up_of(ui, p));
            }
            if s.drift {
                flags.push(w.questionnaire_changed.into());
            }
            if s.conflict {
                flags.push(behovsanalys::i18n::store::conflict_flag(ui, &s.id));
            }
            let _ = writeln!(
                o,
                "{} {} {} {} {:>8}  {}{}",
                cell(&s.id, 21),
                cell(&local_day(&s.updated), 10),
                cell(s.company.as_deref().unwrap_or("–"), 26),
                cell(s.municipality.as_deref().unwrap_or("–"), 14),
                format!("{}/{}", s.answered, s.total),
                line(&s.questionnaire_version),
                if flags.is_empty() {
                    String::new()
                } else {
                    format!("  ({})", flags.join(", "))
                }
            );
        }
    }
    if !l.quarantined.is_empty() {
        let _ = writeln!(
            o,
            "\n{}",
            words::quarantined(
                ui,
                l.quarantined.len(),
                &display_path(&store.quarantine_dir())
            )
        );
        for f in &l.quarantined {
            // The most telling line: a syntax error, else the first error.
            let lines: Vec<&str> = f.reason.lines().skip(1).collect();
            let first = lines
                .iter()
                .find(|x| x.contains("error[syntax]"))
                .or_else(|| lines.iter().find(|x| x.contains(": error[")))
                .or_else(|| lines.iter().find(|x| !x.trim().is_empty()))
                .copied()
                .unwrap_or(w.reason_not_recorded);
            let _ = writeln!(
                o,
                "  {}{}: {}",
                line(&f.file),
                if f.new { w.moved_now } else { "" },
                line(first)
            );
        }
    }
    if !l.problems.is_empty() {
        let _ = writeln!(o, "\n{}", words::unreadable_sessions(ui, l.problems.len()));
        for p in &l.problems {
            let _ = writeln!(o, "  {}: {}", line(&p.file), line(&p.summary(ui)));
        }
    }
    if !l.ignored.is_empty() {
        let ignored: Vec<String> = l.ignored.iter().map(|n| line(n)).collect();
        let _ = writeln!(o, "\n{}: {}", w.ignored, ignored.join(", "));
    }
    // What opening the store found: a folder tightened, one open to others,
    // one that could not be created.
    if !l.notices.is_empty() {
        let _ = writeln!(o);
        for n in &l.notices {
            let _ = writeln!(o, "{}", line(&n.text(ui)));
        }
    }
    o
}

/// An answer as shown to people.
fn answer_text(q: &Questionnaire, qi: usize, a: &Answer, lang: &str, ui: Lang) -> String {
    let question = &q.questions[qi];
    let label = |id: &str| {
        question
            .kind
            .option_index(id)
            .map(|o| line(question.kind.options()[o].label.get(lang)))
            .unwrap_or_else(|| line(id))
    };
    match a {
        Answer::Choice(id) => label(id),
        Answer::Choices(ids) => ids.iter().map(|i| label(i)).collect::<Vec<_>>().join(", "),
        Answer::Number(x) => match &question.kind {
            Kind::Number { unit: Some(u), .. } => format!("{} {}", fmt_num(*x), line(u.get(lang))),
            _ => fmt_num(*x),
        },
        Answer::Text(t) => line(t),
        Answer::Unknown => words::sessions(ui).unknown.into(),
        Answer::NotApplicable => words::sessions(ui).not_applicable.into(),
    }
}

/// The Swedish date of a stored timestamp, for a list column.
fn local_day(stamp: &str) -> String {
    time::local_date(stamp).map_or_else(|| line(stamp), |d| d.to_string())
}

fn show(cli: &Cli, ui: Lang, store: &Store, q: &Questionnaire, id: &str) -> Result<ExitCode> {
    let loaded = store.load_full(id, q)?;
    let lang = super::lang(cli, q);
    let w = words::sessions(ui);
    let s = &loaded.session;
    let m = &s.meta;
    let a = &s.answers;
    let mut o = String::new();
    let mode = if m.mode == SessionMode::SelfAssessment {
        w.self_assessment
    } else {
        w.advisor_visit
    };
    let _ = writeln!(
        o,
        "{}",
        words::session_heading(
            ui,
            &m.id,
            mode,
            &line(&time::local_time(&m.created)),
            &line(&time::local_time(&m.updated))
        )
    );
    let _ = writeln!(
        o,
        "{}: {} {}",
        w.questionnaire,
        line(&a.questionnaire),
        line(&m.questionnaire_version)
    );
    let c = &a.company;
    let _ = writeln!(
        o,
        "{}: {}{}",
        w.company,
        line(c.name.as_deref().unwrap_or("–")),
        c.org_number
            .as_deref()
            .map(|n| format!(" ({})", line(n)))
            .unwrap_or_default()
    );
    for (k, v) in [
        (w.municipality, c.municipality.clone()),
        (w.sni, c.sni.clone()),
        (w.employees, c.employees.map(|n| n.to_string())),
        (w.contact_person, contact_text(c.contact.as_ref())),
    ] {
        if let Some(v) = v {
            let _ = writeln!(o, "{k}: {}", line(&v));
        }
    }
    if !m.attendees.is_empty() {
        let list: Vec<String> = m
            .attendees
            .iter()
            .map(|x| {
                if x.organisation.is_empty() {
                    line(&x.name)
                } else {
                    format!("{} ({})", line(&x.name), line(&x.organisation))
                }
            })
            .collect();
        let _ = writeln!(o, "{}: {}", w.attendees, list.join(", "));
    }
    if let Some(origin) = &m.origin {
        let _ = write!(o, "{}: {}", w.origin, line(origin));
        if let Some(f) = &m.imported_from {
            let _ = write!(o, ", {} {}", w.imported_from, line(f));
        }
        if let Some(t) = &m.imported_at {
            let _ = write!(o, " {} {}", w.at, line(&time::local_time(t)));
        }
        let _ = writeln!(o);
    }
    let pending = s.pending_requests();
    if !pending.is_empty() {
        let _ = write!(o, "{}: {}", w.requested, line(&pending.join(", ")));
        let when = m.requested_at.as_deref().map(time::local_time);
        let who: Vec<String> = [m.requested_by.clone(), when]
            .into_iter()
            .flatten()
            .collect();
        if !who.is_empty() {
            let _ = write!(o, " ({})", line(&who.join(", ")));
        }
        let _ = writeln!(o, " – {}", w.not_confirmed);
    }
    let consented: Vec<&str> = a
        .consent
        .iter()
        .filter(|(_, v)| **v)
        .map(|(k, _)| k.as_str())
        .collect();
    let _ = writeln!(
        o,
        "{}: {}",
        w.consent,
        if consented.is_empty() {
            w.none.to_string()
        } else {
            line(&consented.join(", "))
        }
    );
    let drift = loaded.drift.lines(q);
    if !drift.is_empty() {
        let _ = writeln!(o, "\n{}", w.drift);
        for d in drift {
            let _ = writeln!(o, "  - {d}");
        }
    }
    let _ = writeln!(o, "\n{}", w.answers);
    let mut any = false;
    for sec in &q.sections {
        let mut header = false;
        for qi in sec.questions.clone() {
            let question = &q.questions[qi];
            let ans = a.answers.get(&question.id);
            let note = a.notes.get(&question.id);
            let private = a.private_notes.get(&question.id);
            if ans.is_none() && note.is_none() && private.is_none() {
                continue;
            }
            if !header {
                let _ = writeln!(o, "  {}", line(sec.title.get(&lang)));
                header = true;
            }
            any = true;
            let by_company = if m.self_answers.contains(&question.id) {
                format!("  {}", w.companys_own)
            } else {
                String::new()
            };
            let shown = ans
                .map(|x| answer_text(q, qi, x, &lang, ui))
                .unwrap_or_else(|| "–".into());
            let _ = writeln!(
                o,
                "    {}: {shown}{by_company}",
                line(question.text.get(&lang))
            );
            if let Some(n) = note {
                let _ = writeln!(o, "      {}: {}", w.note, line(n));
            }
            if let Some(n) = private {
                let _ = writeln!(o, "      {}: {}", w.private_note, line(n));
            }
        }
    }
    if !any {
        let _ = writeln!(o, "  {}", w.none_yet);
    }
    let eval = scoring::evaluate(q, &a.answers);
    let _ = writeln!(o);
    o.push_str(&score_output::score_text_in(
        q, &eval, &a.answers, &lang, ui,
    ));
    match store.compare_with_previous(s, q) {
        None => {}
        Some(Err(e)) => {
            let _ = writeln!(
                o,
                "\n{}",
                words::previous_unreadable(
                    ui,
                    &line(m.previous.as_deref().unwrap_or("")),
                    &line(e.to_string().lines().next().unwrap_or(""))
                )
            );
        }
        Some(Ok((prev, cmp))) => {
            let _ = writeln!(
                o,
                "\n{}",
                words::since_previous(
                    ui,
                    &prev.session.meta.id,
                    &local_day(&prev.session.meta.updated)
                )
            );
            let width = q
                .areas
                .iter()
                .map(|x| x.title.get(&lang).chars().count())
                .max()
                .unwrap_or(10)
                .min(40);
            let num = |x: Option<f64>| {
                x.map_or("–".to_string(), |v| score_output::round(v).to_string())
            };
            for ch in &cmp.areas {
                let arrow = match ch.direction {
                    Direction::Up => w.more_need,
                    Direction::Down => w.less_need,
                    Direction::Same => w.same,
                    Direction::New => w.new,
                    Direction::Gone => w.gone,
                    Direction::Unknown => "",
                };
                let _ = writeln!(
                    o,
                    "  {} {:>3} → {:>3}  {arrow}",
                    cell(q.areas[ch.area].title.get(&lang), width),
                    num(ch.before),
                    num(ch.after)
                );
            }
            let names = |f: &dyn Fn(&behovsanalys::session::compare::ReferralChange) -> bool| {
                let v: Vec<String> = cmp
                    .referrals
                    .iter()
                    .filter(|r| f(r))
                    .map(|r| line(q.actors[r.actor].name.get(&lang)))
                    .collect();
                if v.is_empty() {
                    w.none.to_string()
                } else {
                    v.join(", ")
                }
            };
            let _ = writeln!(
                o,
                "  {}: {}",
                w.referred_then,
                names(&|r| r.was_recommended)
            );
            let _ = writeln!(
                o,
                "  {}: {}",
                w.recommended_now,
                names(&|r| r.now_recommended)
            );
            let _ = writeln!(o, "  {}: {}", w.answers_changed, cmp.answers.len());
        }
    }
    out(&sanitize(&o))
}

fn delete(store: &Store, q: &Questionnaire, id: &str, yes: bool, ui: Lang) -> Result<ExitCode> {
    let files = store.files_of(id)?;
    if files.is_empty() {
        bail!(words::no_such_session(ui, &line(id)));
    }
    if !yes {
        let stdin = std::io::stdin();
        if !stdin.is_terminal() {
            bail!(words::delete_needs_yes(ui, &line(id)));
        }
        let company = store
            .load(id, q)
            .ok()
            .and_then(|(s, _)| s.answers.company.name)
            .map(|n| format!(" ({})", line(&n)))
            .unwrap_or_default();
        eprint!(
            "{}",
            words::delete_prompt(ui, &line(id), &company, files.len())
        );
        std::io::stderr().flush()?;
        let mut answer = String::new();
        stdin.lock().read_line(&mut answer)?;
        if !words::is_yes(&answer) {
            eprintln!("{}", words::nothing_deleted(ui));
            return Ok(ExitCode::from(1));
        }
    }
    let deleted = store.delete(id)?;
    out(&format!(
        "{}\n",
        words::deleted(ui, &line(id), deleted.files.len())
    ))
}

fn new(store: &Store, q: &Questionnaire, from: Option<&str>, ui: Lang) -> Result<ExitCode> {
    let s = match from {
        Some(prev) => store.create_follow_up(prev, q)?,
        None => {
            let mut s = store.create(q, SessionMode::Advisor);
            store.save_new(&mut s, q)?;
            s
        }
    };
    if let Some(prev) = from {
        let company = s
            .answers
            .company
            .name
            .as_deref()
            .map(|n| format!(" ({})", line(n)))
            .unwrap_or_default();
        eprintln!("{}", words::follow_up_started(ui, &line(prev), &company));
    }
    out(&format!("{}\n", s.meta.id))
}

/// The contact person in one line: name, role, phone, e-mail.
fn contact_text(c: Option<&behovsanalys::answers::Contact>) -> Option<String> {
    let c = c?;
    let parts: Vec<&str> = [&c.name, &c.role, &c.phone, &c.email]
        .into_iter()
        .flatten()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .collect();
    (!parts.is_empty()).then(|| parts.join(", "))
}
