//! `behovsanalys import FILE [--as-new]`: a company's self-assessment
//! becomes the starting point of the advisor's visit.

use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;
use behovsanalys::session::Store;

use crate::Cli;

pub fn run(cli: &Cli, file: &Path, as_new: bool) -> Result<ExitCode> {
    let loaded = super::load_questionnaire(cli)?;
    let q = &loaded.questionnaire;
    let store = Store::open(cli.data_dir.as_deref())?;
    // Errors name the file already (FILE:LINE:COL for invalid content).
    let imported = store.import(file, q, as_new)?;
    eprint!("{}", imported.warnings_text);
    let s = &imported.session;
    eprintln!(
        "imported {}: {} answer(s) from the company{}",
        file.display(),
        s.meta.self_answers.len(),
        match &s.answers.company.name {
            Some(n) => format!(" ({})", behovsanalys::text::sanitize_line(n)),
            None => String::new(),
        }
    );
    println!("{}", s.meta.id);
    Ok(ExitCode::SUCCESS)
}
