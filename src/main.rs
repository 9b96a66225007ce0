//! The `behovsanalys` binary: parses the command line, calls the library and
//! maps errors to exit codes (0 ok, 1 bad input, 2 usage).

mod cmd;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Lang {
    Sv,
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Sv => "sv",
            Lang::En => "en",
        }
    }
}

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

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    Md,
    Csv,
    Json,
    Html,
}

/// Where a command's answers come from: `--answers FILE` or `--session ID`.
#[derive(Debug, clap::Args)]
pub struct AnswersSource {
    /// Answers file (a saved session or a self-assessment also works).
    #[arg(
        long,
        value_name = "FILE",
        conflicts_with = "session",
        required_unless_present = "session"
    )]
    pub answers: Option<PathBuf>,
    /// A saved session, by id.
    #[arg(long, value_name = "ID")]
    pub session: Option<String>,
}

/// Gemensam behovsanalys – export: a terminal wizard for the shared
/// export-needs checklist, with scoring and referral summaries.
#[derive(Debug, Parser)]
#[command(name = "behovsanalys", version, about, long_about = None)]
pub struct Cli {
    /// Questionnaire file (default: the built-in export checklist).
    #[arg(long, global = true, value_name = "FILE")]
    pub questionnaire: Option<PathBuf>,
    /// Language of texts and output (default: the questionnaire's first language).
    #[arg(long, global = true, value_enum)]
    pub lang: Option<Lang>,
    /// Self-assessment mode: for a company filling in the checklist alone.
    #[arg(long = "self", global = true)]
    pub self_assessment: bool,
    /// Data directory for sessions (default: the platform's data directory).
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
    /// Validate questionnaire files; prints FILE:LINE:COL diagnostics.
    Check {
        /// Files to check (default: the --questionnaire or the built-in one).
        files: Vec<PathBuf>,
        /// Also explain what the questionnaire can do: score ranges per actor,
        /// actors never recommended, questions never shown, services nobody is
        /// eligible for … (warnings only; exit 0 when there are no errors).
        #[arg(long)]
        explain: bool,
    },
    /// Needs per area and the ranking of actors, with reasons.
    Score {
        #[command(flatten)]
        source: AnswersSource,
        #[arg(long, value_enum, default_value = "text")]
        format: ScoreFormat,
    },
    /// Referral summary for one actor (only with the company's consent for
    /// it), or the company's own summary with --company.
    Export {
        #[command(flatten)]
        source: AnswersSource,
        /// The actor the referral is for (by id, e.g. `ekn`).
        #[arg(
            long,
            value_name = "ID",
            conflicts_with = "company",
            required_unless_present = "company"
        )]
        actor: Option<String>,
        /// The company's own summary: all needs, actors and open questions.
        #[arg(long)]
        company: bool,
        #[arg(long, value_enum, default_value = "md")]
        format: ExportFormat,
        /// Write to this file instead of standard output.
        #[arg(long, value_name = "FILE", conflicts_with = "out_dir")]
        out: Option<PathBuf>,
        /// Write into this directory, named after the company and the actor.
        #[arg(long, value_name = "DIR")]
        out_dir: Option<PathBuf>,
        /// Overwrite an existing file.
        #[arg(long)]
        force: bool,
        /// The summary's date (default: today).
        #[arg(long, value_name = "YYYY-MM-DD", env = "BEHOVSANALYS_DATE")]
        date: Option<String>,
        /// The follow-up date (default: the date + 14 days).
        #[arg(long, value_name = "YYYY-MM-DD")]
        follow_up: Option<String>,
    },
    /// Anonymised statistics over all saved sessions, for the regional follow-up.
    Report {
        #[arg(long, value_enum, default_value = "md")]
        format: ReportFormat,
        /// Groups smaller than this are suppressed ("< N").
        #[arg(long, value_name = "N", default_value_t = 5, value_parser = clap::value_parser!(u64).range(1..))]
        min_group: u64,
        /// Only sessions updated (or created) on or after this date.
        #[arg(long, value_name = "YYYY-MM-DD")]
        from: Option<String>,
        /// Only sessions updated (or created) on or before this date.
        #[arg(long, value_name = "YYYY-MM-DD")]
        to: Option<String>,
        /// Only sessions of this municipality.
        #[arg(long, value_name = "NAME")]
        municipality: Option<String>,
        /// Write to this file instead of standard output.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// Overwrite an existing file.
        #[arg(long)]
        force: bool,
        /// The report's date (default: today).
        #[arg(long, value_name = "YYYY-MM-DD", env = "BEHOVSANALYS_DATE")]
        date: Option<String>,
    },
    /// The service catalogue: every actor's services, who qualifies, what
    /// they cost, which areas they help with, and who benefits.
    Catalogue {
        #[arg(long, value_enum, default_value = "md")]
        format: DocFormat,
    },
    /// Print the JSON Schema of the questionnaire format (for editors).
    Schema,
    /// Render a questionnaire as a readable document for review.
    Preview {
        /// Questionnaire file (default: the --questionnaire or the built-in one).
        file: Option<PathBuf>,
        #[arg(long, value_enum, default_value = "md")]
        format: PreviewFormat,
    },
    /// What a new questionnaire version changes for saved sessions.
    Diff {
        /// The old version.
        old: PathBuf,
        /// The new version.
        new: PathBuf,
        #[arg(long, value_enum, default_value = "text")]
        format: DiffFormat,
    },
    /// Manage saved sessions (list, show, delete, start a follow-up visit).
    Sessions {
        #[command(subcommand)]
        action: SessionsAction,
    },
    /// Import a self-assessment sent by a company as a new session; prints its id.
    Import {
        /// The answers file the company sent.
        file: PathBuf,
        /// Import under a new id even when the file's session id exists already.
        #[arg(long)]
        as_new: bool,
    },
    /// Set up and inspect the shared store (PostgreSQL): init, grant, status.
    Store {
        #[command(subcommand)]
        action: cmd::store::StoreAction,
    },
    /// Send this laptop's changes to the shared store and fetch the region's.
    Sync,
}

#[derive(Debug, Subcommand)]
pub enum SessionsAction {
    /// Every session: company, municipality, date, progress, questionnaire version.
    List {
        #[arg(long, value_enum, default_value = "text")]
        format: ScoreFormat,
    },
    /// One session: company, attendees, answers, needs, referrals, changes.
    Show {
        /// Session id (see `sessions list`).
        id: String,
    },
    /// Erase a session for good (asks first on a terminal unless --yes).
    Delete {
        /// Session id.
        id: String,
        /// Do not ask for confirmation.
        #[arg(long)]
        yes: bool,
    },
    /// Start a new session; with --from ID, a follow-up visit of that session's company.
    New {
        /// The earlier session to follow up.
        #[arg(long, value_name = "ID")]
        from: Option<String>,
    },
    /// Resolve a sync conflict: keep this laptop's version, the store's, or pick per answer.
    Resolve(cmd::sync::ResolveArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cmd::run(cli) {
        Ok(code) => code,
        Err(e) => {
            // Diagnostics of a file are already in `FILE:LINE:COL: error[..]`
            // form (and sanitised); other errors get the program's name.
            let file_report = |f: &behovsanalys::diag::FileError| !f.diagnostics().is_empty();
            let is_file_report = e
                .downcast_ref::<behovsanalys::diag::FileError>()
                .is_some_and(file_report)
                || matches!(
                    e.downcast_ref::<behovsanalys::session::StoreError>(),
                    Some(behovsanalys::session::StoreError::File(f)) if file_report(f)
                );
            if is_file_report {
                eprintln!("{e}");
            } else {
                eprintln!(
                    "behovsanalys: {}",
                    behovsanalys::text::sanitize(&format!("{e:#}"))
                );
            }
            ExitCode::from(1)
        }
    }
}
