//! `behovsanalys serve`: the web self-assessment (see `behovsanalys::web`).

use std::net::SocketAddr;
use std::process::ExitCode;
use std::sync::{Arc, Mutex};

use anyhow::{Context, Result};
use behovsanalys::i18n::Lang;
use behovsanalys::session::{Store, default_data_dir};
use behovsanalys::store::PgStore;
use behovsanalys::web::{
    self, AppState, Config,
    draft::Drafts,
    submit::{Shared, Target},
};

use crate::Cli;

/// `serve [--addr 127.0.0.1:8080] [--trust-proxy] [--rate-limit N] [--quiet]`
#[derive(Debug, clap::Args)]
pub struct ServeArgs {
    #[arg(long, value_name = "ADDR:PORT", default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,
    #[arg(long)]
    pub trust_proxy: bool,
    #[arg(long, value_name = "N", default_value_t = 120)]
    pub rate_limit: u32,
    #[arg(long)]
    pub quiet: bool,
}

pub fn run(cli: &Cli, ui: Lang, args: &ServeArgs) -> Result<ExitCode> {
    let loaded = super::load_questionnaire(cli)?;
    let q = loaded.questionnaire;
    let data = match cli.data_dir.clone() {
        Some(d) => d,
        None => default_data_dir().context("no data directory: give --data-dir")?,
    };
    // Sent self-assessments land in the shared store when one is given
    // (checked now, so that a wrong URL stops the start), else in the
    // data directory; drafts always stay in the data directory.
    let target = match cli.store.as_deref() {
        Some(_) => {
            let config = super::store::config(cli, ui)?;
            let pg = PgStore::open(&config)?;
            Target::Pg(Box::new(Shared {
                config,
                conn: Mutex::new(Some(pg)),
            }))
        }
        None => Target::Files(Store::open(Some(&data))?),
    };
    let drafts = Drafts::open(&data)?;
    let swept = drafts.sweep(behovsanalys::time::now_secs());
    let config = Config {
        trust_proxy: args.trust_proxy,
        rate_per_minute: args.rate_limit,
        access_log: !args.quiet,
    };
    let state = Arc::new(AppState::new(q, drafts, target, config));
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("cannot start the server's runtime")?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(args.addr)
            .await
            .with_context(|| format!("cannot listen on {}", args.addr))?;
        let local = listener.local_addr()?;
        eprintln!(
            "{}",
            behovsanalys::i18n::web::listening(
                ui,
                &format!("http://{local}"),
                &state.target.describe(),
                swept,
                !local.ip().is_loopback()
            )
        );
        web::serve(listener, state, shutdown()).await?;
        Ok::<_, anyhow::Error>(())
    })?;
    Ok(ExitCode::SUCCESS)
}

/// Ctrl-C or SIGTERM: finish the requests under way, then stop.
async fn shutdown() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
}
