//! `behovsanalys schema`: the JSON Schema of the questionnaire format.

use std::process::ExitCode;

use anyhow::Result;

pub fn run() -> Result<ExitCode> {
    super::emit(&behovsanalys::authoring::schema::schema_text())?;
    Ok(ExitCode::SUCCESS)
}
