//! The `behovsanalys` binary: parses the command line, calls the library and
//! maps errors to exit codes (0 ok, 1 bad input, 2 usage).

mod cmd;

use std::path::PathBuf;
use std::process::ExitCode;

use behovsanalys::i18n::Lang;
use behovsanalys::time::Date;
use clap::{FromArgMatches as _, Parser, Subcommand, ValueEnum};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DocFormat {
    Md,
    Html,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PreviewFormat {
    Md,
    Html,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    Text,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ScoreFormat {
    Text,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Md,
    Html,
    Json,
    Csv,
}

/// How a referral ended (`referrals mark --outcome`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutcomeArg {
    Helped,
    #[value(name = "not_relevant")]
    NotRelevant,
    Declined,
    #[value(name = "no_answer")]
    NoAnswer,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    Md,
    Csv,
    Json,
    Html,
}

// The help texts of every command and option are in
// `behovsanalys::i18n::cli::help` (Swedish and English); `cmd::help` sets
// them on the command built from these definitions.

/// Where a command's answers come from: `--answers FILE` or `--session ID`.
#[derive(Debug, clap::Args)]
pub struct AnswersSource {
    #[arg(
        long,
        value_name = "FILE",
        conflicts_with = "session",
        required_unless_present = "session"
    )]
    pub answers: Option<PathBuf>,
    #[arg(long, value_name = "ID")]
    pub session: Option<String>,
}

/// The parsed command line.
#[derive(Debug, Parser)]
#[command(name = "behovsanalys", version)]
pub struct Cli {
    #[arg(long, global = true, value_name = "FILE")]
    pub questionnaire: Option<PathBuf>,
    #[arg(long, global = true, value_name = "LANG", value_parser = cmd::args::lang())]
    pub lang: Option<Lang>,
    #[arg(long = "self", global = true)]
    pub self_assessment: bool,
    #[arg(long, global = true, value_name = "DIR", env = "BEHOVSANALYS_DATA_DIR")]
    pub data_dir: Option<PathBuf>,
    /// The region's shared store, e.g. postgres://anna@db.example/region
    /// (or BEHOVSANALYS_STORE); the password from PGPASSWORD or ~/.pgpass.
    #[arg(
        long,
        global = true,
        value_name = "URL",
        env = "BEHOVSANALYS_STORE",
        hide_env_values = true
    )]
    pub store: Option<String>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    Check {
        files: Vec<PathBuf>,
        #[arg(long)]
        explain: bool,
    },
    Score {
        #[command(flatten)]
        source: AnswersSource,
        #[arg(long, value_enum, default_value = "text")]
        format: ScoreFormat,
    },
    Export {
        #[command(flatten)]
        source: AnswersSource,
        #[arg(
            long,
            value_name = "ID",
            conflicts_with_all = ["company", "handover"],
            required_unless_present_any = ["company", "handover"]
        )]
        actor: Option<String>,
        #[arg(long, conflicts_with = "handover")]
        company: bool,
        #[arg(long, conflicts_with = "format")]
        handover: bool,
        #[arg(long, value_enum, default_value = "md")]
        format: ExportFormat,
        #[arg(long, value_name = "FILE", conflicts_with = "out_dir")]
        out: Option<PathBuf>,
        #[arg(long, value_name = "DIR")]
        out_dir: Option<PathBuf>,
        #[arg(long)]
        force: bool,
        #[arg(long, value_name = "YYYY-MM-DD", env = "BEHOVSANALYS_DATE", value_parser = cmd::args::date)]
        date: Option<Date>,
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = cmd::args::date)]
        follow_up: Option<Date>,
    },
    Report {
        #[arg(long, value_enum, default_value = "md")]
        format: ReportFormat,
        #[arg(long, value_name = "N", default_value_t = 5, value_parser = clap::value_parser!(u64).range(1..))]
        min_group: u64,
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = cmd::args::date)]
        from: Option<Date>,
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = cmd::args::date)]
        to: Option<Date>,
        #[arg(long, value_name = "NAME")]
        municipality: Option<String>,
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        #[arg(long)]
        force: bool,
        #[arg(long, value_name = "YYYY-MM-DD", env = "BEHOVSANALYS_DATE", value_parser = cmd::args::date)]
        date: Option<Date>,
        /// With a shared store: only these regions (a national coordinator; default: every region you may read).
        #[arg(long, value_name = "REGION")]
        region: Vec<String>,
    },
    Catalogue {
        file: Option<PathBuf>,
        #[arg(long, value_enum, default_value = "md")]
        format: DocFormat,
    },
    Schema,
    Preview {
        file: Option<PathBuf>,
        #[arg(long, value_enum, default_value = "md")]
        format: PreviewFormat,
    },
    Diff {
        old: PathBuf,
        new: PathBuf,
        #[arg(long, value_enum, default_value = "text")]
        format: DiffFormat,
    },
    Sessions {
        #[command(subcommand)]
        action: SessionsAction,
    },
    Import {
        file: PathBuf,
        #[arg(long)]
        as_new: bool,
    },
    Open {
        id: String,
    },
    /// Set up and inspect the shared store (PostgreSQL): init, grant, status.
    Store {
        #[command(subcommand)]
        action: cmd::store::StoreAction,
    },
    /// Send this laptop's changes to the shared store and fetch the region's.
    Sync,
    /// The self-assessment as a web form.
    Serve(cmd::serve::ServeArgs),
    Referrals {
        #[command(subcommand)]
        action: ReferralsAction,
    },
}

#[derive(Debug, Subcommand)]
pub enum ReferralsAction {
    List {
        #[arg(long)]
        open: bool,
        #[arg(long, value_name = "ID")]
        actor: Option<String>,
        #[arg(long, value_enum, default_value = "text")]
        format: ScoreFormat,
    },
    Mark {
        id: String,
        actor: String,
        #[arg(long, conflicts_with = "outcome", required_unless_present = "outcome")]
        contacted: bool,
        #[arg(long, value_enum)]
        outcome: Option<OutcomeArg>,
        #[arg(long, value_name = "TIME", value_parser = cmd::args::time)]
        at: Option<i64>,
        #[arg(long, value_name = "TEXT", requires = "outcome")]
        note: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
pub enum SessionsAction {
    List {
        #[arg(long, value_enum, default_value = "text")]
        format: ScoreFormat,
    },
    Show {
        id: String,
    },
    Delete {
        id: String,
        #[arg(long)]
        yes: bool,
    },
    New {
        #[arg(long, value_name = "ID")]
        from: Option<String>,
    },
    /// Resolve a sync conflict: keep this laptop's version, the store's, or pick per answer.
    Resolve(cmd::sync::ResolveArgs),
}

fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    // The language of the program's own words is needed before parsing
    // (for --help and for the errors of the parse itself).
    let ui = cmd::args::ui_lang_of(&args);
    cmd::args::set_ui_lang(ui);
    let matches = match cmd::help::command(ui).try_get_matches_from(&args) {
        Ok(m) => m,
        Err(e) => cmd::help::exit_with(e, ui),
    };
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(c) => c,
        Err(e) => cmd::help::exit_with(e, ui),
    };
    match cmd::run(cli, ui) {
        Ok(code) => code,
        // The reader went away (`| head`): it had what it wanted.
        Err(e) if e.is::<cmd::StdoutClosed>() => ExitCode::SUCCESS,
        Err(e) => {
            cmd::errors::print(&e, ui);
            ExitCode::from(1)
        }
    }
}
