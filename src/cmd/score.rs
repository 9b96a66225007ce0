//! `behovsanalys score --answers A [--format text|json]`

use std::path::Path;
use std::process::ExitCode;

use anyhow::{Result, bail};
use behovsanalys::answers::{self, Mode};
use behovsanalys::{output, scoring};

use crate::{Cli, ScoreFormat};

pub fn run(cli: &Cli, answers_path: Option<&Path>, session: Option<&str>, format: ScoreFormat) -> Result<ExitCode> {
    let loaded = super::load_questionnaire(cli)?;
    let q = &loaded.questionnaire;
    let Some(path) = answers_path else {
        bail!("--session {} is not available yet: saved sessions are not implemented", session.unwrap_or(""));
    };
    let parsed = answers::load_file(path, q, Mode::Strict)?;
    for w in &parsed.warnings {
        eprint!("{}", parsed.source.render(w));
    }
    let lang = super::lang(cli, q);
    let eval = scoring::evaluate(q, &parsed.answers.answers);
    match format {
        ScoreFormat::Json => {
            let v = output::score_json(q, &eval, &parsed.answers.answers, &lang);
            println!("{}", serde_json::to_string_pretty(&v)?);
        }
        ScoreFormat::Text => print!("{}", output::score_text(q, &eval, &parsed.answers.answers, &lang)),
    }
    Ok(ExitCode::SUCCESS)
}
