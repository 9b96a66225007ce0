//! `behovsanalys export --answers A|--session ID --actor ID|--company --format F [--out FILE]`

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use behovsanalys::export::{self, Format, Input, Options};

use crate::{Cli, ExportFormat};

pub struct Args<'a> {
    pub answers: Option<&'a Path>,
    pub session: Option<&'a str>,
    pub actor: Option<&'a str>,
    pub company: bool,
    pub format: ExportFormat,
    pub out: Option<&'a Path>,
    pub out_dir: Option<&'a Path>,
    pub force: bool,
    pub date: Option<behovsanalys::time::Date>,
    pub follow_up: Option<behovsanalys::time::Date>,
}

fn format(f: ExportFormat) -> Format {
    match f {
        ExportFormat::Md => Format::Md,
        ExportFormat::Html => Format::Html,
        ExportFormat::Json => Format::Json,
        ExportFormat::Csv => Format::Csv,
    }
}

pub fn run(cli: &Cli, args: &Args<'_>) -> Result<ExitCode> {
    let loaded = super::load_questionnaire(cli)?;
    let q = &loaded.questionnaire;
    let (file, meta) = super::resolve_answers(cli, q, args.answers, args.session)?;
    let lang = super::lang(cli, q);
    let input = Input {
        questionnaire: q,
        answers: &file,
        meta: meta.as_ref(),
        lang: &lang,
    };
    let opts = Options {
        date: args.date.map(|d| d.to_string()),
        follow_up: args.follow_up.map(|d| d.to_string()),
    };
    let fmt = format(args.format);
    let (content, target) = match (args.actor, args.company) {
        (Some(actor), _) => (export::referral_with(&input, actor, fmt, &opts)?, actor),
        (None, true) => (
            export::company_summary_with(&input, fmt, &opts)?,
            "foretaget",
        ),
        (None, false) => bail!("say whom the summary is for: --actor ID or --company"),
    };
    if let Some(dir) = args.out_dir {
        let company = file.company.name.as_deref().unwrap_or("foretag");
        let name = export::file_name(&[company, target], fmt);
        let path = export::write_file(dir, &name, &content, args.force)?;
        eprintln!(
            "wrote {}",
            behovsanalys::text::sanitize_line(&path.display().to_string())
        );
    } else if let Some(out) = args.out {
        write_out(out, &content, args.force)?;
        eprintln!(
            "wrote {}",
            behovsanalys::text::sanitize_line(&out.display().to_string())
        );
    } else {
        print_safe(&content);
    }
    Ok(ExitCode::SUCCESS)
}

/// Writes to a path the user chose: atomically, never over an existing
/// file without `--force`.
pub fn write_out(out: &Path, content: &str, force: bool) -> Result<()> {
    let shown = behovsanalys::text::sanitize_line(&out.display().to_string());
    if out.exists() && !force {
        bail!("{shown} already exists; use --force to overwrite it");
    }
    if out.is_dir() {
        bail!("{shown} is a directory; give a file name");
    }
    let path: PathBuf = if out.parent().is_some_and(|p| p.as_os_str().is_empty()) {
        Path::new(".").join(out)
    } else {
        out.to_path_buf()
    };
    behovsanalys::session::atomic::write(&path, content.as_bytes())
        .with_context(|| format!("cannot write {shown}"))
}

/// Prints a document to standard output without control characters
/// (keeping the CRLF record ends of CSV).
pub fn print_safe(content: &str) {
    let parts: Vec<_> = content
        .split("\r\n")
        .map(behovsanalys::text::sanitize)
        .collect();
    print!("{}", parts.join("\r\n"));
}
