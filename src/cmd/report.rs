//! `behovsanalys report [--data-dir D] [--format md|csv|json|html] [--min-group N]`

use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;
use behovsanalys::i18n::{Lang, cli as words};
use behovsanalys::report::{self, ReportOptions};
use behovsanalys::session::{Store, default_data_dir};
use behovsanalys::text::display_path;
use behovsanalys::time::Date;

use crate::{Cli, ReportFormat};

pub struct Args<'a> {
    pub format: ReportFormat,
    pub min_group: u64,
    pub from: Option<Date>,
    pub to: Option<Date>,
    pub municipality: Option<&'a str>,
    pub out: Option<&'a Path>,
    pub force: bool,
    pub date: Option<Date>,
    pub region: &'a [String],
}

impl Args<'_> {
    /// The report's options from the command line, documents in `lang`.
    fn options(&self, lang: String) -> ReportOptions {
        ReportOptions {
            min_group: self.min_group,
            from: self.from,
            to: self.to,
            municipality: self.municipality.map(String::from),
            date: self.date,
            as_of: None,
            lang,
            threads: None,
        }
    }
}

pub fn run(cli: &Cli, ui: Lang, args: &Args<'_>) -> Result<ExitCode> {
    let loaded = super::load_questionnaire(cli)?;
    let q = &loaded.questionnaire;
    let lang = super::lang(cli, q);
    if cli.store.as_deref().is_some_and(|u| !u.is_empty()) {
        return from_store(cli, ui, args, q, lang);
    }
    // Reading only: do not create the data directory when it is missing.
    let root = match &cli.data_dir {
        Some(d) => d.clone(),
        None => match default_data_dir() {
            Some(d) => d,
            None => Store::open(None).map(|s| s.root().to_path_buf())?,
        },
    };
    if !root.is_dir() {
        anyhow::bail!(words::no_data_dir(ui, &display_path(&root)));
    }
    let dir = root.join("sessions");
    let opts = args.options(lang);
    let stats = report::compute(q, &dir, &opts)?;
    if stats.files.unreadable > 0 {
        eprintln!(
            "{}",
            words::unreadable_skipped(ui, stats.files.unreadable, &display_path(&dir))
        );
    }
    write(ui, args, &stats)
}

/// `report --store URL`: the statistics of every session the role may read
/// in the shared store (its region's; a national role's: every region's, or
/// `--region`), computed by the same code as over files.
fn from_store(
    cli: &Cli,
    ui: Lang,
    args: &Args<'_>,
    q: &behovsanalys::questionnaire::Questionnaire,
    lang: String,
) -> Result<ExitCode> {
    let cfg = super::store::config(cli, ui)?;
    let mut pg = behovsanalys::store::PgStore::open(&cfg)?;
    let opts = args.options(lang);
    let stats = report::compute_stream(q, &opts, |sink| {
        pg.for_each_stats(args.region, |id, text| {
            sink(id.to_string(), text.to_string())
        })
        .map(|_| ())
        .map_err(|e| behovsanalys::i18n::store::error(ui, &e))
    })?;
    write(ui, args, &stats)
}

fn write(ui: Lang, args: &Args<'_>, stats: &report::Stats) -> Result<ExitCode> {
    let format = match args.format {
        ReportFormat::Md => report::ReportFormat::Md,
        ReportFormat::Csv => report::ReportFormat::Csv,
        ReportFormat::Json => report::ReportFormat::Json,
        ReportFormat::Html => report::ReportFormat::Html,
    };
    let content = report::render(stats, format);
    match args.out {
        Some(out) => {
            super::export::write_out(out, &content, args.force)?;
            eprintln!("{}", words::wrote(ui, &display_path(out)));
        }
        None => super::emit(&content)?,
    }
    Ok(ExitCode::SUCCESS)
}
