//! Command implementations of the binary.

pub mod args;
mod catalogue;
mod check;
mod diff;
pub mod errors;
mod export;
pub mod help;
mod import;
mod out;
mod preview;
mod referrals;
mod report;
mod schema;
mod score;
pub mod serve;
mod sessions;
pub mod store;
pub mod sync;

pub use out::{StdoutClosed, emit};

use std::process::ExitCode;

use anyhow::Result;
use behovsanalys::i18n::{Lang, cli as words};
use behovsanalys::questionnaire::{self, load::Loaded};

use crate::{Cli, Command};

pub fn run(cli: Cli, ui: Lang) -> Result<ExitCode> {
    match &cli.command {
        None => wizard(&cli, ui, None),
        Some(Command::Open { id }) => wizard(&cli, ui, Some(id)),
        Some(Command::Check { files, explain }) => check::run(&cli, ui, files, *explain),
        Some(Command::Score { source, format }) => score::run(
            &cli,
            ui,
            source.answers.as_deref(),
            source.session.as_deref(),
            *format,
        ),
        Some(Command::Sessions { action }) => sessions::run(&cli, ui, action),
        Some(Command::Import { file, as_new }) => import::run(&cli, ui, file, *as_new),
        Some(Command::Referrals { action }) => referrals::run(&cli, ui, action),
        Some(Command::Export {
            source,
            actor,
            company,
            handover,
            format,
            out,
            out_dir,
            force,
            date,
            follow_up,
        }) => export::run(
            &cli,
            ui,
            &export::Args {
                answers: source.answers.as_deref(),
                session: source.session.as_deref(),
                actor: actor.as_deref(),
                company: *company,
                handover: *handover,
                format: *format,
                out: out.as_deref(),
                out_dir: out_dir.as_deref(),
                force: *force,
                date: *date,
                follow_up: *follow_up,
            },
        ),
        Some(Command::Report {
            format,
            min_group,
            from,
            to,
            municipality,
            out,
            force,
            date,
            region,
        }) => report::run(
            &cli,
            ui,
            &report::Args {
                format: *format,
                min_group: *min_group,
                from: *from,
                to: *to,
                municipality: municipality.as_deref(),
                out: out.as_deref(),
                force: *force,
                date: *date,
                region,
            },
        ),
        Some(Command::Catalogue { file, format }) => catalogue::run(&cli, file.as_deref(), *format),
        Some(Command::Schema) => schema::run(),
        Some(Command::Preview { file, format }) => preview::run(&cli, file.as_deref(), *format),
        Some(Command::Diff { old, new, format }) => diff::run(old, new, *format, ui),
        Some(Command::Store { action }) => store::run(&cli, ui, action),
        Some(Command::Sync) => sync::run(&cli, ui),
        Some(Command::Serve(args)) => serve::run(&cli, ui, args),
    }
}

/// Loads the questionnaire chosen with `--questionnaire`, or the built-in
/// one. Warnings go to stderr; errors come back rendered.
pub fn load_questionnaire(cli: &Cli) -> Result<Loaded> {
    load_questionnaire_or(cli, None)
}

/// Loads `file` when given (a command's own questionnaire argument), else
/// as [`load_questionnaire`].
pub fn load_questionnaire_or(cli: &Cli, file: Option<&std::path::Path>) -> Result<Loaded> {
    let loaded = match file.or(cli.questionnaire.as_deref()) {
        Some(path) => questionnaire::load_file(path)?,
        None => questionnaire::builtin()?,
    };
    for w in &loaded.warnings {
        eprint!("{}", loaded.source.render_in(w, args::ui_lang()));
    }
    Ok(loaded)
}

/// Answers from `--answers FILE` (checked strictly) or `--session ID` (a
/// saved session, read leniently), with the session's metadata if any.
/// Warnings go to stderr.
pub fn resolve_answers(
    cli: &Cli,
    ui: Lang,
    q: &questionnaire::Questionnaire,
    answers: Option<&std::path::Path>,
    session: Option<&str>,
) -> Result<(
    behovsanalys::answers::AnswersFile,
    Option<behovsanalys::session::Meta>,
)> {
    use behovsanalys::answers::{self, Mode};
    use behovsanalys::session::Store;
    if let Some(path) = answers {
        let parsed = answers::load_file(path, q, Mode::Strict)?;
        for w in &parsed.warnings {
            eprint!("{}", parsed.source.render_in(w, ui));
        }
        return Ok((parsed.answers, None));
    }
    let Some(id) = session else {
        anyhow::bail!(words::need_answers(ui));
    };
    let store = Store::open(cli.data_dir.as_deref())?;
    let (session, warnings) = store.load(id, q)?;
    if !warnings.is_empty() {
        eprintln!("{}", words::orphan_answers(ui, warnings.len(), id));
    }
    Ok((session.answers, Some(session.meta)))
}

/// The language of a document's texts: `--lang`, else the questionnaire's
/// default (the program's own words follow [`args::ui_lang_of`]).
pub fn lang(cli: &Cli, q: &questionnaire::Questionnaire) -> String {
    match cli.lang {
        Some(l) => l.code().to_string(),
        None => q.default_lang().to_string(),
    }
}

/// The wizard (no subcommand), or (`open ID`) the wizard on a saved
/// session: opened and locked before the terminal is taken, so that an
/// unknown id, a session open elsewhere or one that cannot be read is said
/// plainly (exit 1). Needs a terminal on stdin and stdout.
fn wizard(cli: &Cli, ui: Lang, open: Option<&str>) -> Result<ExitCode> {
    use std::io::IsTerminal;
    let mode = if cli.self_assessment {
        behovsanalys::session::SessionMode::SelfAssessment
    } else {
        behovsanalys::session::SessionMode::Advisor
    };
    // A questionnaire file is read (and its errors reported) before the
    // terminal is taken; the built-in one, which the tests check, is read
    // by the wizard after its first screen is drawn (unless a session is
    // opened first).
    let questionnaire = match (&cli.questionnaire, open) {
        (None, None) => None,
        _ => Some(load_questionnaire(cli)?.questionnaire),
    };
    let preopened = match (open, &questionnaire) {
        (Some(id), Some(q)) => Some(
            behovsanalys::tui::open_saved(cli.data_dir.as_deref(), q, id, mode)
                .map_err(|e| anyhow::anyhow!(e.message(ui)))?,
        ),
        _ => None,
    };
    if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
        anyhow::bail!(words::wizard_needs_terminal(ui));
    }
    behovsanalys::tui::run(behovsanalys::tui::Options {
        questionnaire,
        lang: cli
            .lang
            .and_then(|l| behovsanalys::i18n::Lang::from_code(l.code())),
        mode,
        data_dir: cli.data_dir.clone(),
        store: cli.store.clone(),
        preopened,
    })
    .map_err(|e| match e {
        e @ behovsanalys::tui::TuiError::Unsaved(..) => anyhow::anyhow!(e.message(ui)),
        e => anyhow::Error::from(e),
    })?;
    Ok(ExitCode::SUCCESS)
}
