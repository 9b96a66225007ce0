//! `behovsanalys store init|grant|status`: set up the shared store.

use std::process::ExitCode;

use anyhow::Result;
use behovsanalys::i18n::{Lang, store as words};
use behovsanalys::store::{PgStore, SessionStore, StoreConfig};
use clap::Subcommand;

use crate::Cli;

#[derive(Debug, Subcommand)]
pub enum StoreAction {
    /// Create or update the schema, roles and row-level security (as the
    /// database owner; applied on first use too when the role may).
    Init,
    /// Give a database login role its place: advisor, coordinator, actor
    /// (an actor's advisor: reads only sessions with consent for it) or national.
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
            let n = if member.as_ref().is_some_and(|m| m.0 == "national") {
                0
            } else {
                pg.ids()?.len()
            };
            let m = member
                .as_ref()
                .map(|(k, r, a)| (k.as_str(), r.as_deref(), a.as_deref()));
            super::emit(&words::status(ui, cfg.shown(), version, m, n))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
