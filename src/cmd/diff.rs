//! `behovsanalys diff OLD NEW [--format text|json]`

use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;
use behovsanalys::authoring::diff;
use behovsanalys::i18n::Lang;
use behovsanalys::questionnaire;

use crate::DiffFormat;

pub fn run(old: &Path, new: &Path, format: DiffFormat, ui: Lang) -> Result<ExitCode> {
    let old = questionnaire::load_file(old)?;
    let new = questionnaire::load_file(new)?;
    let (o, n) = (&old.questionnaire, &new.questionnaire);
    let d = diff::diff(o, n);
    match format {
        DiffFormat::Text => super::emit(&diff::text(o, n, &d, ui))?,
        DiffFormat::Json => super::emit(&format!(
            "{}\n",
            behovsanalys::text::json_terminal_safe(&serde_json::to_string_pretty(&diff::json(
                o, n, &d
            ))?)
        ))?,
    }
    Ok(ExitCode::SUCCESS)
}
