//! `behovsanalys score --answers A [--format text|json]`

use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;
use behovsanalys::i18n::Lang;
use behovsanalys::{score_output, scoring};

use crate::{Cli, ScoreFormat};

pub fn run(
    cli: &Cli,
    ui: Lang,
    answers_path: Option<&Path>,
    session: Option<&str>,
    format: ScoreFormat,
) -> Result<ExitCode> {
    let loaded = super::load_questionnaire(cli)?;
    let q = &loaded.questionnaire;
    let (file, _meta) = super::resolve_answers(cli, ui, q, answers_path, session)?;
    let lang = super::lang(cli, q);
    let eval = scoring::evaluate(q, &file.answers);
    match format {
        ScoreFormat::Json => {
            let v = score_output::score_json(q, &eval, &file.answers, &lang);
            super::emit(&format!(
                "{}\n",
                behovsanalys::text::json_terminal_safe(&serde_json::to_string_pretty(&v)?)
            ))?;
        }
        ScoreFormat::Text => {
            super::emit(&score_output::score_text(q, &eval, &file.answers, &lang))?
        }
    }
    Ok(ExitCode::SUCCESS)
}
