//! `behovsanalys check F…`

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use behovsanalys::diag::FileError;
use behovsanalys::questionnaire::{self, load::Loaded};

use crate::Cli;

pub fn run(cli: &Cli, files: &[PathBuf]) -> Result<ExitCode> {
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
                    eprint!("{}", source.render(w));
                }
                let services: usize = q.actors.iter().map(|a| a.services.len()).sum();
                println!(
                    "{}: ok — {} sections, {} questions, {} areas, {} actors, {} services{}",
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
                );
            }
            Err(e @ FileError::Invalid { .. }) => {
                ok = false;
                eprintln!("{e}");
            }
            Err(e) => {
                ok = false;
                eprintln!("error: {e}");
            }
        }
    }
    Ok(if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
