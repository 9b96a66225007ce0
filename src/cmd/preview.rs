//! `behovsanalys preview [F] [--format md|html]`

use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;
use behovsanalys::authoring::preview;

use crate::{Cli, PreviewFormat};

pub fn run(cli: &Cli, file: Option<&Path>, format: PreviewFormat) -> Result<ExitCode> {
    let loaded = super::load_questionnaire_or(cli, file)?;
    let q = &loaded.questionnaire;
    let lang = super::lang(cli, q);
    match format {
        PreviewFormat::Md => super::emit(&format!("{}\n", preview::markdown(q, &lang)))?,
        PreviewFormat::Html => super::emit(&preview::html(q, &lang))?,
    }
    Ok(ExitCode::SUCCESS)
}
