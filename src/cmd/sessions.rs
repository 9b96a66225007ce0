//! `behovsanalys sessions list|show|delete|new`.

use std::fmt::Write as _;
use std::io::{BufRead, IsTerminal, Write};
use std::process::ExitCode;

use anyhow::{Result, bail};
use behovsanalys::answers::Answer;
use behovsanalys::questionnaire::{Kind, Questionnaire};
use behovsanalys::session::{Direction, Listing, SessionMode, Store};
use behovsanalys::text::{fmt_num, sanitize, sanitize_line as line};
use behovsanalys::{output, scoring};
use serde_json::json;

use crate::{Cli, ScoreFormat, SessionsAction};

pub fn run(cli: &Cli, action: &SessionsAction) -> Result<ExitCode> {
    let loaded = super::load_questionnaire(cli)?;
    let q = &loaded.questionnaire;
    let store = Store::open(cli.data_dir.as_deref())?;
    match action {
        SessionsAction::List { format } => list(&store, q, *format),
        SessionsAction::Show { id } => show(cli, &store, q, id),
        SessionsAction::Delete { id, yes } => delete(&store, q, id, *yes),
        SessionsAction::New { from } => new(&store, q, from.as_deref()),
        SessionsAction::Resolve(args) => super::sync::resolve(&store, q, super::ui_lang(cli), args),
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

fn list(store: &Store, q: &Questionnaire, format: ScoreFormat) -> Result<ExitCode> {
    let l = store.list(q)?;
    match format {
        ScoreFormat::Json => out(&format!(
            "{}\n",
            behovsanalys::text::json_terminal_safe(&serde_json::to_string_pretty(&list_json(
                store, &l
            ))?)
        )),
        ScoreFormat::Text => out(&list_text(store, &l)),
    }
}

/// Writes to stdout; a closed pipe (`| head`) is not an error.
fn out(s: &str) -> Result<ExitCode> {
    let s = super::terminal_safe(s);
    let mut o = std::io::stdout().lock();
    match o.write_all(s.as_bytes()).and_then(|()| o.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(ExitCode::SUCCESS),
    }
}

fn list_json(store: &Store, l: &Listing) -> serde_json::Value {
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
    })
}

fn list_text(store: &Store, l: &Listing) -> String {
    let mut o = String::new();
    if l.sessions.is_empty() {
        let _ = writeln!(
            o,
            "no sessions in {}",
            line(&store.sessions_dir().display().to_string())
        );
    } else {
        let _ = writeln!(
            o,
            "{} {} {} {} {:>8}  VERSION",
            cell("ID", 21),
            cell("DATE", 10),
            cell("COMPANY", 26),
            cell("MUNICIPALITY", 14),
            "PROGRESS"
        );
        for s in &l.sessions {
            let mut flags = Vec::new();
            if s.mode == SessionMode::SelfAssessment {
                flags.push("self-assessment".to_string());
            }
            if s.origin.as_deref() == Some("self-assessment") {
                flags.push("imported".into());
            }
            if let Some(p) = &s.previous {
                flags.push(format!("follow-up of {p}"));
            }
            if s.drift {
                flags.push("questionnaire changed".into());
            }
            if s.conflict {
                flags.push(format!("CONFLICT: sessions resolve {}", s.id));
            }
            let _ = writeln!(
                o,
                "{} {} {} {} {:>8}  {}{}",
                cell(&s.id, 21),
                cell(s.updated.get(..10).unwrap_or(&s.updated), 10),
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
            "\n{} file(s) in quarantine ({}), kept aside because they are not valid sessions:",
            l.quarantined.len(),
            line(&store.quarantine_dir().display().to_string())
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
                .unwrap_or("reason not recorded");
            let _ = writeln!(
                o,
                "  {}{}: {}",
                f.file,
                if f.new { " (moved now)" } else { "" },
                line(first)
            );
        }
    }
    if !l.problems.is_empty() {
        let _ = writeln!(o, "\n{} session(s) cannot be read now:", l.problems.len());
        for p in &l.problems {
            let first = p.message.lines().next().unwrap_or("");
            let _ = writeln!(o, "  {}: {}", line(&p.file), line(first));
        }
    }
    if !l.ignored.is_empty() {
        let _ = writeln!(
            o,
            "\nignored (not named <id>.toml with letters, digits, - and _): {}",
            l.ignored.join(", ")
        );
    }
    o
}

/// An answer as shown to people.
fn answer_text(q: &Questionnaire, qi: usize, a: &Answer, lang: &str) -> String {
    let question = &q.questions[qi];
    let label = |id: &str| {
        question
            .kind
            .option_index(id)
            .map(|o| line(question.kind.options()[o].label.get(lang)))
            .unwrap_or_else(|| line(id))
    };
    let sv = lang == "sv";
    match a {
        Answer::Choice(id) => label(id),
        Answer::Choices(ids) => ids.iter().map(|i| label(i)).collect::<Vec<_>>().join(", "),
        Answer::Number(x) => match &question.kind {
            Kind::Number { unit: Some(u), .. } => format!("{} {}", fmt_num(*x), line(u.get(lang))),
            _ => fmt_num(*x),
        },
        Answer::Text(t) => line(t),
        Answer::Unknown => (if sv { "vet ej" } else { "don't know" }).into(),
        Answer::NotApplicable => (if sv { "ej relevant" } else { "not applicable" }).into(),
    }
}

fn show(cli: &Cli, store: &Store, q: &Questionnaire, id: &str) -> Result<ExitCode> {
    let loaded = store.load_full(id, q)?;
    let lang = super::lang(cli, q);
    let s = &loaded.session;
    let m = &s.meta;
    let a = &s.answers;
    let mut o = String::new();
    let _ = writeln!(
        o,
        "Session {} ({}), created {}, updated {}",
        m.id,
        if m.mode == SessionMode::SelfAssessment {
            "self-assessment"
        } else {
            "advisor visit"
        },
        line(&m.created),
        line(&m.updated)
    );
    let _ = writeln!(
        o,
        "Questionnaire: {} {}",
        line(&a.questionnaire),
        line(&m.questionnaire_version)
    );
    let c = &a.company;
    let _ = writeln!(
        o,
        "Company: {}{}",
        line(c.name.as_deref().unwrap_or("–")),
        c.org_number
            .as_deref()
            .map(|n| format!(" ({})", line(n)))
            .unwrap_or_default()
    );
    for (k, v) in [
        ("Municipality", c.municipality.clone()),
        ("SNI", c.sni.clone()),
        ("Employees", c.employees.map(|n| n.to_string())),
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
        let _ = writeln!(o, "Attendees: {}", list.join(", "));
    }
    if let Some(origin) = &m.origin {
        let _ = write!(o, "Origin: {}", line(origin));
        if let Some(f) = &m.imported_from {
            let _ = write!(o, ", imported from {}", line(f));
        }
        if let Some(t) = &m.imported_at {
            let _ = write!(o, " at {}", line(t));
        }
        let _ = writeln!(o);
    }
    let consented: Vec<&str> = a
        .consent
        .iter()
        .filter(|(_, v)| **v)
        .map(|(k, _)| k.as_str())
        .collect();
    let _ = writeln!(
        o,
        "Consent to refer: {}",
        if consented.is_empty() {
            "none".to_string()
        } else {
            line(&consented.join(", "))
        }
    );
    let drift = loaded.drift.lines(q);
    if !drift.is_empty() {
        let _ = writeln!(o, "\nQuestionnaire changes since this session was saved:");
        for d in drift {
            let _ = writeln!(o, "  - {d}");
        }
    }
    let _ = writeln!(o, "\nAnswers:");
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
                "  [company's own answer]"
            } else {
                ""
            };
            let shown = ans
                .map(|x| answer_text(q, qi, x, &lang))
                .unwrap_or_else(|| "–".into());
            let _ = writeln!(
                o,
                "    {}: {shown}{by_company}",
                line(question.text.get(&lang))
            );
            if let Some(n) = note {
                let _ = writeln!(o, "      note: {}", line(n));
            }
            if let Some(n) = private {
                let _ = writeln!(o, "      private note: {}", line(n));
            }
        }
    }
    if !any {
        let _ = writeln!(o, "  (none yet)");
    }
    let eval = scoring::evaluate(q, &a.answers);
    let _ = writeln!(o);
    o.push_str(&output::score_text(q, &eval, &a.answers, &lang));
    match store.compare_with_previous(s, q) {
        None => {}
        Some(Err(e)) => {
            let _ = writeln!(
                o,
                "\nPrevious visit {}: cannot be read ({})",
                line(m.previous.as_deref().unwrap_or("")),
                line(e.to_string().lines().next().unwrap_or(""))
            );
        }
        Some(Ok((prev, cmp))) => {
            let _ = writeln!(
                o,
                "\nSince the previous visit ({}, {}):",
                prev.session.meta.id,
                line(prev.session.meta.updated.get(..10).unwrap_or(""))
            );
            let w = q
                .areas
                .iter()
                .map(|x| x.title.get(&lang).chars().count())
                .max()
                .unwrap_or(10)
                .min(40);
            let num =
                |x: Option<f64>| x.map_or("–".to_string(), |v| output::round(v).to_string());
            for ch in &cmp.areas {
                let arrow = match ch.direction {
                    Direction::Up => "↑ more need",
                    Direction::Down => "↓ less need",
                    Direction::Same => "= same",
                    Direction::New => "new",
                    Direction::Gone => "no longer known",
                    Direction::Unknown => "",
                };
                let _ = writeln!(
                    o,
                    "  {} {:>3} → {:>3}  {arrow}",
                    cell(q.areas[ch.area].title.get(&lang), w),
                    num(ch.before),
                    num(ch.after)
                );
            }
            let names = |f: &dyn Fn(&behovsanalys::session::compare::ReferralChange) -> bool| {
                let v: Vec<String> = cmp
                    .referrals
                    .iter()
                    .filter(|r| f(r))
                    .map(|r| line(&q.actors[r.actor].name))
                    .collect();
                if v.is_empty() {
                    "none".to_string()
                } else {
                    v.join(", ")
                }
            };
            let _ = writeln!(o, "  Referred then: {}", names(&|r| r.was_recommended));
            let _ = writeln!(o, "  Recommended now: {}", names(&|r| r.now_recommended));
            let _ = writeln!(o, "  Answers changed: {}", cmp.answers.len());
        }
    }
    out(&sanitize(&o))
}

fn delete(store: &Store, q: &Questionnaire, id: &str, yes: bool) -> Result<ExitCode> {
    let files = store.files_of(id)?;
    if files.is_empty() {
        bail!("there is no session `{id}` (see `behovsanalys sessions list`)");
    }
    if !yes {
        let stdin = std::io::stdin();
        if !stdin.is_terminal() {
            bail!(
                "not deleting session `{id}` without confirmation: there is no terminal to ask on; pass --yes"
            );
        }
        let company = store
            .load(id, q)
            .ok()
            .and_then(|(s, _)| s.answers.company.name)
            .map(|n| format!(" ({})", line(&n)))
            .unwrap_or_default();
        eprint!(
            "Erase session {id}{company} for good ({} file(s))? This cannot be undone. Type yes to confirm: ",
            files.len()
        );
        std::io::stderr().flush()?;
        let mut answer = String::new();
        stdin.lock().read_line(&mut answer)?;
        if !matches!(
            answer.trim().to_lowercase().as_str(),
            "yes" | "y" | "ja" | "j"
        ) {
            eprintln!("nothing deleted");
            return Ok(ExitCode::from(1));
        }
    }
    let deleted = store.delete(id)?;
    out(&format!(
        "deleted session {id} ({} file(s))\n",
        deleted.files.len()
    ))
}

fn new(store: &Store, q: &Questionnaire, from: Option<&str>) -> Result<ExitCode> {
    let s = match from {
        Some(prev) => store.create_follow_up(prev, q)?,
        None => {
            let mut s = store.create(q, SessionMode::Advisor);
            store.save_new(&mut s, q)?;
            s
        }
    };
    if let Some(prev) = from {
        eprintln!(
            "new follow-up visit of session {prev}{}",
            s.answers
                .company
                .name
                .as_deref()
                .map(|n| format!(" ({})", line(n)))
                .unwrap_or_default()
        );
    }
    out(&format!("{}\n", s.meta.id))
}
