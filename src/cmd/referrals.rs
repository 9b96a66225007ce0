//! `behovsanalys referrals list [--open] [--actor ID] [--format text|json]`
//! and `behovsanalys referrals mark ID ACTOR --contacted | --outcome O
//! [--at TIME] [--note TEXT]`.

use std::fmt::Write as _;
use std::process::ExitCode;

use anyhow::{Result, bail};
use behovsanalys::i18n::{Lang, cli as words, referral as w};
use behovsanalys::questionnaire::Questionnaire;
use behovsanalys::session::referral::{self, Outcome, Row};
use behovsanalys::session::{Store, StoreError};
use behovsanalys::text::{json_terminal_safe, sanitize_line as line};
use behovsanalys::time;
use serde_json::json;

use crate::{Cli, OutcomeArg, ReferralsAction, ScoreFormat};

/// A time given with `--at` may be this far ahead of the clock (seconds):
/// two machines' clocks differ a little.
pub const CLOCK_SLACK: i64 = 5 * 60;

pub fn run(cli: &Cli, ui: Lang, action: &ReferralsAction) -> Result<ExitCode> {
    let loaded = super::load_questionnaire(cli)?;
    let q = &loaded.questionnaire;
    let store = Store::open(cli.data_dir.as_deref())?;
    match action {
        ReferralsAction::List {
            open,
            actor,
            format,
        } => list(&store, q, ui, *open, actor.as_deref(), *format),
        ReferralsAction::Mark {
            id,
            actor,
            contacted: _,
            outcome,
            at,
            note,
        } => mark(
            &store,
            q,
            ui,
            id,
            actor,
            outcome.map(outcome_of),
            *at,
            note.as_deref(),
        ),
    }
}

pub fn outcome_of(o: OutcomeArg) -> Outcome {
    match o {
        OutcomeArg::Helped => Outcome::Helped,
        OutcomeArg::NotRelevant => Outcome::NotRelevant,
        OutcomeArg::Declined => Outcome::Declined,
        OutcomeArg::NoAnswer => Outcome::NoAnswer,
    }
}

/// The actor's name in `lang`, or its id when the questionnaire does not
/// know it.
pub fn actor_name<'a>(q: &'a Questionnaire, id: &'a str, lang: &str) -> &'a str {
    q.actor(id).map_or(id, |i| q.actors[i].name.get(lang))
}

fn check_actor(q: &Questionnaire, ui: Lang, actor: &str) -> Result<()> {
    if q.actor(actor).is_none() {
        bail!(
            "{}{}",
            words::unknown_actor(ui, &line(actor)),
            behovsanalys::i18n::diag::did_you_mean(
                ui,
                behovsanalys::text::suggest(actor, q.actors.iter().map(|a| a.id.as_str()))
            )
        );
    }
    Ok(())
}

fn list(
    store: &Store,
    q: &Questionnaire,
    ui: Lang,
    open: bool,
    actor: Option<&str>,
    format: ScoreFormat,
) -> Result<ExitCode> {
    if let Some(a) = actor {
        check_actor(q, ui, a)?;
    }
    show(q, ui, &store.referral_rows(q)?, open, actor, format)
}

/// Prints referral rows (of this data directory, or of the shared store
/// for an actor's role: `store referrals`).
pub fn show(
    q: &Questionnaire,
    ui: Lang,
    all: &referral::Rows,
    open: bool,
    actor: Option<&str>,
    format: ScoreFormat,
) -> Result<ExitCode> {
    if all.unreadable > 0 {
        eprintln!("{}", w::skipped(ui, all.unreadable));
    }
    let rows: Vec<&Row> = all
        .rows
        .iter()
        .filter(|r| !open || r.referral.is_open())
        .filter(|r| actor.is_none_or(|a| r.referral.actor == a))
        .collect();
    let now = time::now_secs();
    let text = match format {
        ScoreFormat::Json => {
            let v: Vec<_> = rows.iter().map(|r| row_json(q, r, now)).collect();
            let s = serde_json::to_string_pretty(&json!({ "referrals": v }))?;
            format!("{}\n", json_terminal_safe(&s))
        }
        ScoreFormat::Text => list_text(q, ui, &rows, open, now),
    };
    super::emit(&text)?;
    Ok(ExitCode::SUCCESS)
}

fn row_json(q: &Questionnaire, r: &Row, now: i64) -> serde_json::Value {
    let f = &r.referral;
    json!({
        "session": r.session,
        "company": r.company,
        "actor": f.actor,
        "actor_name": actor_name(q, &f.actor, q.default_lang()),
        "sent_at": referral::stamp(f.sent_at),
        "contacted_at": f.contacted_at.map(referral::stamp),
        "outcome": f.outcome.map(Outcome::as_str),
        "outcome_at": f.outcome_at.map(referral::stamp),
        "note": f.note,
        "open": f.is_open(),
        "hours_to_contact": f.time_to_contact().map(|s| (s as f64 / 360.0).round() / 10.0),
        "age_hours": ((now - f.sent_at).max(0) as f64 / 360.0).round() / 10.0,
    })
}

/// Pads or cuts `s` to `width` characters.
fn cell(s: &str, width: usize) -> String {
    let s = line(s);
    let n = s.chars().count();
    if n > width {
        let mut t: String = s.chars().take(width.saturating_sub(1)).collect();
        t.push('…');
        t
    } else {
        format!("{s}{}", " ".repeat(width - n))
    }
}

fn list_text(q: &Questionnaire, ui: Lang, rows: &[&Row], open: bool, now: i64) -> String {
    let wd = w::words(ui);
    let mut o = String::new();
    if rows.is_empty() {
        let _ = writeln!(o, "{}", if open { wd.none_open } else { wd.none });
        return o;
    }
    let _ = writeln!(
        o,
        "{} {} {} {} {} {} {}",
        cell(wd.col_session, 21),
        cell(wd.col_company, 24),
        cell(wd.col_actor, 22),
        cell(wd.col_sent, 16),
        cell(wd.col_contacted, 16),
        cell(wd.col_outcome, 13),
        wd.col_age
    );
    for r in rows {
        let f = &r.referral;
        let _ = writeln!(
            o,
            "{} {} {} {} {} {} {}",
            cell(&r.session, 21),
            cell(r.company.as_deref().unwrap_or("–"), 24),
            cell(actor_name(q, &f.actor, ui.code()), 22),
            cell(&referral::shown(f.sent_at), 16),
            cell(
                &f.contacted_at
                    .map_or(wd.not_yet.to_string(), referral::shown),
                16
            ),
            cell(f.outcome.map_or(wd.open, |x| w::outcome(ui, x)), 13),
            w::age(ui, now - f.sent_at)
        );
    }
    o
}

#[allow(clippy::too_many_arguments)]
fn mark(
    store: &Store,
    q: &Questionnaire,
    ui: Lang,
    id: &str,
    actor: &str,
    outcome: Option<Outcome>,
    at: Option<i64>,
    note: Option<&str>,
) -> Result<ExitCode> {
    check_actor(q, ui, actor)?;
    let now = time::now_secs();
    let at = at.unwrap_or(now);
    if at > now + CLOCK_SLACK {
        bail!(w::in_the_future(ui, &referral::shown(at)));
    }
    if let Some(n) = note {
        referral::clean_note(n).map_err(|e| anyhow::anyhow!(w::error(ui, &e)))?;
    }
    let result = store.mark_referral(id, q, |s| match outcome {
        None => s.mark_contacted(actor, at),
        Some(o) => s.mark_outcome(actor, o, at, note),
    });
    let session = match result {
        Ok(Ok(s)) => s,
        Ok(Err(e)) => bail!(w::error(ui, &e)),
        Err(StoreError::Locked { id, holder }) => {
            let holder = holder.map_or_else(
                || behovsanalys::i18n::diag::store::holder_unknown(ui),
                |h| h.text(ui),
            );
            bail!(w::locked(ui, &line(&id), &line(&holder)))
        }
        Err(StoreError::NotFound(id)) => bail!(words::no_such_session(ui, &line(&id))),
        Err(e) => return Err(e.into()),
    };
    let company = session
        .answers
        .company
        .name
        .as_deref()
        .map(line)
        .unwrap_or_else(|| id.to_string());
    let name = line(actor_name(q, actor, ui.code()));
    let when = referral::shown(at);
    let msg = match outcome {
        None => w::marked_contacted(ui, &name, &company, &when),
        Some(o) => w::marked_outcome(ui, &name, &company, w::outcome(ui, o), &when),
    };
    eprintln!("{msg}");
    Ok(ExitCode::SUCCESS)
}
