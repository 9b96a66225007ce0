//! `behovsanalys import FILE [--as-new]`: a company's self-assessment
//! becomes the starting point of the advisor's visit.

use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;
use behovsanalys::i18n::{Lang, cli as words};
use behovsanalys::session::Store;
use behovsanalys::text::{display_path, sanitize_line};

use crate::Cli;

pub fn run(cli: &Cli, ui: Lang, file: &Path, as_new: bool) -> Result<ExitCode> {
    let loaded = super::load_questionnaire(cli)?;
    let q = &loaded.questionnaire;
    let store = Store::open(cli.data_dir.as_deref())?;
    // Errors name the file already (FILE:LINE:COL for invalid content).
    let imported = store.import(file, q, as_new)?;
    eprint!("{}", imported.warnings_text);
    let s = &imported.session;
    let company = match &s.answers.company.name {
        Some(n) => format!(" ({})", sanitize_line(n)),
        None => String::new(),
    };
    eprintln!(
        "{}",
        words::imported(ui, &display_path(file), s.meta.self_answers.len(), &company)
    );
    super::emit(&format!("{}\n", s.meta.id))?;
    Ok(ExitCode::SUCCESS)
}
