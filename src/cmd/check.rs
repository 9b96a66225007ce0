//! `behovsanalys check F…`

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use behovsanalys::diag::FileError;
use behovsanalys::i18n::{Lang, cli as words};
use behovsanalys::questionnaire::{self, load::Loaded};

use crate::Cli;

pub fn run(cli: &Cli, ui: Lang, files: &[PathBuf], explain: bool) -> Result<ExitCode> {
    let lang = ui;
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
                let counts = [
                    q.sections.len(),
                    q.questions.len(),
                    q.areas.len(),
                    q.actors.len(),
                    services,
                ];
                super::emit(&format!(
                    "{}\n",
                    words::check_ok(
                        ui,
                        &behovsanalys::text::display_name(&source.name),
                        counts,
                        warnings.len()
                    )
                ))?;
                if explain {
                    super::emit(&explain_report(&q, &source, ui))?;
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
    ui: Lang,
) -> String {
    use behovsanalys::authoring::explain::{
        self, CONDITION_SAMPLES, EXHAUSTIVE_LIMIT, Recommendable, SEED,
    };
    use behovsanalys::text::sanitize_line;
    use std::fmt::Write as _;
    use unicode_width::UnicodeWidthStr;

    let ex = explain::explain(q);
    for w in &ex.warnings {
        eprint!("{}", source.render_in(w, ui));
    }
    let w = words::explain(ui);
    let mut out = String::new();
    let names: Vec<String> = q
        .actors
        .iter()
        .map(|a| sanitize_line(a.name.get(ui.code())))
        .collect();
    let width = names
        .iter()
        .map(|n| n.width())
        .chain([w.actor.width()])
        .max()
        .unwrap_or(5);
    let threshold_width = w.threshold.width();
    let _ = writeln!(
        out,
        "\n  {}{}  {:>3}  {:>3}  {}  {}",
        w.actor,
        " ".repeat(width - w.actor.width()),
        w.min,
        w.max,
        w.threshold,
        w.recommended
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
            Recommendable::Yes => w.yes.to_string(),
            Recommendable::Never => w.never.to_string(),
            Recommendable::NotFound => words::explain_not_found(ui, r.upper_bound.round() as i64),
        };
        let _ = writeln!(
            out,
            "  {name}{}  {min}  {max}  {:>threshold_width$}  {verdict}",
            " ".repeat(width.saturating_sub(name.width())),
            behovsanalys::text::fmt_num(actor.threshold)
        );
    }
    let summary = words::ExplainSummary {
        warnings: ex.warnings.len(),
        exhaustive: ex.exhaustive,
        limit: EXHAUSTIVE_LIMIT,
        sampled: ex.sampled,
        samples: CONDITION_SAMPLES as u64,
        seed: SEED,
        scored_sets: ex.scored_sets,
    };
    let _ = writeln!(out, "\n{}", words::explain_summary(ui, &summary));
    out
}
