//! Command implementations of the binary.

mod catalogue;
mod check;
mod diff;
mod export;
mod import;
mod preview;
mod report;
mod schema;
mod score;
mod sessions;
pub mod store;
pub mod sync;

use std::process::ExitCode;

use anyhow::Result;
use behovsanalys::questionnaire::{self, load::Loaded};

use crate::{Cli, Command};

pub fn run(cli: Cli) -> Result<ExitCode> {
    match &cli.command {
        None => wizard(&cli),
        Some(Command::Check { files, explain }) => check::run(&cli, files, *explain),
        Some(Command::Score { source, format }) => score::run(
            &cli,
            source.answers.as_deref(),
            source.session.as_deref(),
            *format,
        ),
        Some(Command::Sessions { action }) => sessions::run(&cli, action),
        Some(Command::Import { file, as_new }) => import::run(&cli, file, *as_new),
        Some(Command::Export {
            source,
            actor,
            company,
            format,
            out,
            out_dir,
            force,
            date,
            follow_up,
        }) => export::run(
            &cli,
            &export::Args {
                answers: source.answers.as_deref(),
                session: source.session.as_deref(),
                actor: actor.as_deref(),
                company: *company,
                format: *format,
                out: out.as_deref(),
                out_dir: out_dir.as_deref(),
                force: *force,
                date: date.as_deref(),
                follow_up: follow_up.as_deref(),
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
        }) => report::run(
            &cli,
            &report::Args {
                format: *format,
                min_group: *min_group,
                from: from.as_deref(),
                to: to.as_deref(),
                municipality: municipality.as_deref(),
                out: out.as_deref(),
                force: *force,
                date: date.as_deref(),
            },
        ),
        Some(Command::Catalogue { format }) => catalogue::run(&cli, *format),
        Some(Command::Schema) => schema::run(),
        Some(Command::Preview { file, format }) => preview::run(&cli, file.as_deref(), *format),
        Some(Command::Diff { old, new, format }) => diff::run(old, new, *format),
        Some(Command::Store { action }) => store::run(&cli, ui_lang(&cli), action),
        Some(Command::Sync) => sync::run(&cli, ui_lang(&cli)),
    }
}

/// Loads the questionnaire chosen with `--questionnaire`, or the built-in
/// one. Warnings go to stderr; errors come back rendered.
pub fn load_questionnaire(cli: &Cli) -> Result<Loaded> {
    let loaded = match &cli.questionnaire {
        Some(path) => questionnaire::load_file(path)?,
        None => questionnaire::builtin()?,
    };
    for w in &loaded.warnings {
        eprint!("{}", loaded.source.render(w));
    }
    Ok(loaded)
}

/// Answers from `--answers FILE` (checked strictly) or `--session ID` (a
/// saved session, read leniently), with the session's metadata if any.
/// Warnings go to stderr.
pub fn resolve_answers(
    cli: &Cli,
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
            eprint!("{}", parsed.source.render(w));
        }
        return Ok((parsed.answers, None));
    }
    let Some(id) = session else {
        anyhow::bail!("give the answers with --answers FILE or --session ID");
    };
    let store = Store::open(cli.data_dir.as_deref())?;
    let (session, warnings) = store.load(id, q)?;
    if !warnings.is_empty() {
        eprintln!(
            "note: {} answer(s) of session {id} do not fit the questionnaire any more; they are kept but not scored",
            warnings.len()
        );
    }
    Ok((session.answers, Some(session.meta)))
}

/// The language of the program's own words: `--lang`, else the locale's.
pub fn ui_lang(cli: &Cli) -> behovsanalys::i18n::Lang {
    use behovsanalys::i18n::Lang;
    cli.lang
        .and_then(|l| Lang::from_code(l.code()))
        .or_else(Lang::from_env)
        .unwrap_or(Lang::En)
}

/// The language to use: `--lang`, else the questionnaire's default.
pub fn lang(cli: &Cli, q: &questionnaire::Questionnaire) -> String {
    match cli.lang {
        Some(l) => l.code().to_string(),
        None => q.default_lang().to_string(),
    }
}

/// The wizard (no subcommand). Needs a terminal on stdin and stdout.
fn wizard(cli: &Cli) -> Result<ExitCode> {
    use std::io::IsTerminal;
    // A questionnaire file is read (and its errors reported) before the
    // terminal is taken; the built-in one, which the tests check, is read
    // by the wizard after its first screen is drawn.
    let questionnaire = match &cli.questionnaire {
        Some(_) => Some(load_questionnaire(cli)?.questionnaire),
        None => None,
    };
    if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
        anyhow::bail!(
            "the wizard needs a terminal; run it in one, or use a command such as `behovsanalys score` (see --help)"
        );
    }
    let mode = if cli.self_assessment {
        behovsanalys::session::SessionMode::SelfAssessment
    } else {
        behovsanalys::session::SessionMode::Advisor
    };
    behovsanalys::tui::run(behovsanalys::tui::Options {
        questionnaire,
        lang: cli
            .lang
            .and_then(|l| behovsanalys::i18n::Lang::from_code(l.code())),
        mode,
        data_dir: cli.data_dir.clone(),
    })?;
    Ok(ExitCode::SUCCESS)
}

/// Writes a command's output to stdout; a closed pipe (`| head`) is not an error.
pub fn emit(text: &str) -> Result<()> {
    use std::io::Write as _;
    let text = terminal_safe(text);
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => Ok(other?),
    }
}

/// The last line of defence before stdout: terminal control and bidi
/// characters become U+FFFD (CRLF line ends of CSV are kept). Outputs
/// sanitise their texts already, and JSON goes through
/// [`behovsanalys::text::json_terminal_safe`] first, so this is normally a
/// no-op that does not allocate.
pub fn terminal_safe(text: &str) -> std::borrow::Cow<'_, str> {
    use behovsanalys::text::{is_dangerous_char, sanitize};
    if !text.chars().any(|c| c != '\r' && is_dangerous_char(c)) {
        return std::borrow::Cow::Borrowed(text);
    }
    std::borrow::Cow::Owned(
        text.split("\r\n")
            .map(sanitize)
            .collect::<Vec<_>>()
            .join("\r\n"),
    )
}
