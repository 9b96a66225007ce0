//! `behovsanalys check F…`

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use behovsanalys::diag::FileError;
use behovsanalys::questionnaire::{self, load::Loaded};

use crate::Cli;

/// The language of `check`'s diagnostics: `--lang`, else the locale, else English.
fn diag_lang(cli: &Cli) -> behovsanalys::i18n::Lang {
    use behovsanalys::i18n::Lang;
    cli.lang
        .and_then(|l| Lang::from_code(l.code()))
        .or_else(Lang::from_env)
        .unwrap_or(Lang::En)
}

pub fn run(cli: &Cli, files: &[PathBuf], explain: bool) -> Result<ExitCode> {
    let lang = diag_lang(cli);
    let mut targets: Vec<Option<&PathBuf>> = files.iter().map(Some).collect();
    if targets.is_empty() {
        targets.push(cli.questionnaire.as_ref());
    }
    let mut ok = true;
    for target in targets {
        let result = match target {
            Some(path) => questionnaire::load_file(path),
            None => questionnaire::builtin(),
        };
        match result {
            Ok(Loaded {
                questionnaire: q,
                warnings,
                source,
            }) => {
                for w in &warnings {
                    eprint!("{}", source.render_in(w, lang));
                }
                let services: usize = q.actors.iter().map(|a| a.services.len()).sum();
                super::emit(&format!(
                    "{}: ok — {} sections, {} questions, {} areas, {} actors, {} services{}\n",
                    source.name,
                    q.sections.len(),
                    q.questions.len(),
                    q.areas.len(),
                    q.actors.len(),
                    services,
                    if warnings.is_empty() {
                        String::new()
                    } else {
                        format!(", {} warning(s)", warnings.len())
                    }
                ))?;
                if explain {
                    super::emit(&explain_report(&q, &source))?;
                }
            }
            Err(e @ FileError::Invalid { .. }) => {
                ok = false;
                eprintln!("{}", e.render(lang));
            }
            Err(e) => {
                ok = false;
                eprintln!(
                    "{}: {}",
                    behovsanalys::diag::Severity::Error.word(lang),
                    e.render(lang)
                );
            }
        }
    }
    Ok(if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// Prints the `--explain` warnings to stderr and returns the actor table.
fn explain_report(
    q: &behovsanalys::questionnaire::Questionnaire,
    source: &behovsanalys::diag::SourceFile,
) -> String {
    use behovsanalys::authoring::explain::{
        self, CONDITION_SAMPLES, EXHAUSTIVE_LIMIT, Recommendable, SEED,
    };
    use behovsanalys::text::sanitize_line;
    use std::fmt::Write as _;
    use unicode_width::UnicodeWidthStr;

    let ex = explain::explain(q);
    for w in &ex.warnings {
        eprint!("{}", source.render(w));
    }
    let mut out = String::new();
    let names: Vec<String> = q.actors.iter().map(|a| sanitize_line(&a.name)).collect();
    let width = names.iter().map(|n| n.width()).max().unwrap_or(5).max(5);
    let _ = writeln!(
        out,
        "\n  actor{}  min  max  threshold  recommended?",
        " ".repeat(width - 5)
    );
    for r in &ex.actors {
        let Some(actor) = q.actors.get(r.actor) else {
            continue;
        };
        let name = &names[r.actor];
        let (min, max) = if r.min.is_finite() {
            (
                format!("{:>3}", r.min.round() as i64),
                format!("{:>3}", r.max.round() as i64),
            )
        } else {
            ("  –".into(), "  –".into())
        };
        let verdict = match r.recommendable {
            Recommendable::Yes => "yes".to_string(),
            Recommendable::Never => "never".to_string(),
            Recommendable::NotFound => format!(
                "not found (can reach at most {})",
                r.upper_bound.round() as i64
            ),
        };
        let _ = writeln!(
            out,
            "  {name}{}  {min}  {max}  {:>9}  {verdict}",
            " ".repeat(width.saturating_sub(name.width())),
            behovsanalys::text::fmt_num(actor.threshold)
        );
    }
    let _ = writeln!(
        out,
        "\n{} warning(s). Conditions: {} checked exhaustively (at most {} combinations each), {} by {} seeded samples (splitmix64, seed {:#x}). Scores: min/max seen over {} answer sets (seeded random and each actor's best answers); \"never\" is proven from an upper bound.",
        ex.warnings.len(),
        ex.exhaustive,
        EXHAUSTIVE_LIMIT,
        ex.sampled,
        CONDITION_SAMPLES,
        SEED,
        ex.scored_sets
    );
    out
}
