//! `behovsanalys catalogue [FILE] [--format md|html|json]`

use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;
use behovsanalys::authoring::catalogue;

use crate::{Cli, DocFormat};

pub fn run(cli: &Cli, file: Option<&Path>, format: DocFormat) -> Result<ExitCode> {
    let loaded = super::load_questionnaire_or(cli, file)?;
    let q = &loaded.questionnaire;
    let lang = super::lang(cli, q);
    match format {
        DocFormat::Md => super::emit(&format!("{}\n", catalogue::markdown(q, &lang)))?,
        DocFormat::Html => super::emit(&catalogue::html(q, &lang))?,
        DocFormat::Json => super::emit(&format!(
            "{}\n",
            behovsanalys::text::json_terminal_safe(&serde_json::to_string_pretty(
                &catalogue::json(q, &lang)
            )?)
        ))?,
    }
    Ok(ExitCode::SUCCESS)
}
