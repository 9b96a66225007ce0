//! `behovsanalys store init|grant|status`: set up the shared store;
//! `store referrals|mark`: what an actor's advisors do with it.

use std::process::ExitCode;

use anyhow::Result;
use behovsanalys::i18n::{Lang, referral as rw, store as words};
use behovsanalys::session::referral;
use behovsanalys::store::{Mark, PgStore, SessionStore, StoreConfig};
use behovsanalys::text::sanitize_line;
use clap::Subcommand;

use crate::{Cli, OutcomeArg, ScoreFormat};

#[derive(Debug, Subcommand)]
pub enum StoreAction {
    /// Create or update the schema, roles and row-level security (as the
    /// database owner; applied on first use too when the role may).
    Init,
    /// Give a database login role its place: advisor, coordinator, actor
    /// (an actor's advisor: reads only the referrals to it the company
    /// consented to) or national.
    Grant {
        /// The login role (created beforehand: createuser -P NAME).
        role: String,
        /// advisor | coordinator | actor | national
        #[arg(long = "as", value_name = "KIND", value_parser = ["advisor", "coordinator", "actor", "national"])]
        kind: String,
        /// The region (every kind but national).
        #[arg(long, value_name = "REGION")]
        region: Option<String>,
        /// The actor (for `actor`), e.g. almi.
        #[arg(long, value_name = "ID")]
        actor: Option<String>,
    },
    /// Whether the store can be reached, its schema version and your role.
    Status,
    /// An actor's role: the referrals sent to your actor with the company's consent.
    Referrals {
        /// Only the referrals without an outcome.
        #[arg(long)]
        open: bool,
        #[arg(long, value_enum, default_value = "text")]
        format: ScoreFormat,
    },
    /// An actor's role: record that you contacted the company or how the referral ended.
    Mark {
        /// The session the referral came from (see `store referrals`).
        id: String,
        #[arg(long, conflicts_with = "outcome", required_unless_present = "outcome")]
        contacted: bool,
        #[arg(long, value_enum)]
        outcome: Option<OutcomeArg>,
        #[arg(long, value_name = "TIME", value_parser = super::args::time)]
        at: Option<i64>,
        #[arg(long, value_name = "TEXT", requires = "outcome")]
        note: Option<String>,
    },
}

/// The store's configuration from `--store` / `BEHOVSANALYS_STORE`.
pub fn config(cli: &Cli, ui: Lang) -> Result<StoreConfig> {
    let Some(url) = cli.store.as_deref().filter(|u| !u.is_empty()) else {
        anyhow::bail!(words::no_store(ui));
    };
    Ok(StoreConfig::parse(url)?)
}

pub fn run(cli: &Cli, ui: Lang, action: &StoreAction) -> Result<ExitCode> {
    let cfg = config(cli, ui)?;
    match action {
        StoreAction::Init => {
            let mut pg = PgStore::connect(&cfg)?;
            let m = pg.migrate()?;
            println!("{}", words::initialised(ui, cfg.shown(), m.from, m.to));
        }
        StoreAction::Grant {
            role,
            kind,
            region,
            actor,
        } => {
            let mut pg = PgStore::open(&cfg)?;
            pg.grant(role, kind, region.as_deref(), actor.as_deref())?;
            println!(
                "{}",
                words::granted(
                    ui,
                    &behovsanalys::text::sanitize_line(role),
                    kind,
                    region.as_deref(),
                    actor.as_deref()
                )
            );
        }
        StoreAction::Status => {
            let mut pg = PgStore::open(&cfg)?;
            let version = pg.schema_version()?;
            let member = pg.whoami()?;
            let n = match member.as_ref().map(|m| m.0.as_str()) {
                Some("national") => 0,
                Some("actor") => pg.referrals()?.len(),
                _ => pg.ids()?.len(),
            };
            let m = member
                .as_ref()
                .map(|(k, r, a)| (k.as_str(), r.as_deref(), a.as_deref()));
            super::emit(&words::status(ui, cfg.shown(), version, m, n))?;
        }
        StoreAction::Referrals { open, format } => {
            let loaded = super::load_questionnaire(cli)?;
            let mut pg = PgStore::open(&cfg)?;
            let rows = rows(&mut pg)?;
            return super::referrals::show(&loaded.questionnaire, ui, &rows, *open, None, *format);
        }
        StoreAction::Mark {
            id,
            contacted: _,
            outcome,
            at,
            note,
        } => {
            let loaded = super::load_questionnaire(cli)?;
            let q = &loaded.questionnaire;
            let now = behovsanalys::time::now_secs();
            let at = at.unwrap_or(now);
            if at > now + super::referrals::CLOCK_SLACK {
                anyhow::bail!(rw::in_the_future(ui, &referral::shown(at)));
            }
            let note = match note {
                Some(n) => {
                    referral::clean_note(n).map_err(|e| anyhow::anyhow!(rw::error(ui, &e)))?
                }
                None => None,
            };
            let outcome = outcome.map(super::referrals::outcome_of);
            let mark = match outcome {
                None => Mark::Contacted(at),
                Some(o) => Mark::Outcome(o, at, note.as_deref()),
            };
            let mut pg = PgStore::open(&cfg)?;
            if !pg.mark_referral(id, mark)? {
                anyhow::bail!(words::no_referral_here(ui, &sanitize_line(id)));
            }
            let row = rows(&mut pg)?.rows.into_iter().find(|r| r.session == *id);
            let company = row
                .as_ref()
                .and_then(|r| r.company.clone())
                .unwrap_or_else(|| sanitize_line(id));
            let actor = row.map(|r| r.referral.actor).unwrap_or_default();
            let name = sanitize_line(super::referrals::actor_name(q, &actor, ui.code()));
            let when = referral::shown(at);
            eprintln!(
                "{}",
                match outcome {
                    None => rw::marked_contacted(ui, &name, &company, &when),
                    Some(o) => rw::marked_outcome(ui, &name, &company, rw::outcome(ui, o), &when),
                }
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The referrals this role reads in the store, as rows of the `referrals`
/// listing (the company's name from the referral summary).
fn rows(pg: &mut PgStore) -> Result<referral::Rows> {
    let mut out = referral::Rows::default();
    for r in pg.referrals()? {
        let company = serde_json::from_str::<serde_json::Value>(&r.document)
            .ok()
            .and_then(|d| d["company"]["name"].as_str().map(sanitize_line))
            .filter(|n| !n.trim().is_empty());
        out.rows.push(referral::Row {
            session: r.session,
            company,
            referral: referral::Referral {
                actor: r.actor,
                sent_at: r.sent_at,
                contacted_at: r.contacted_at,
                outcome: r.outcome.as_deref().and_then(referral::Outcome::parse),
                outcome_at: r.outcome_at,
                note: r.note,
            },
        });
    }
    out.sort();
    Ok(out)
}
