//! `behovsanalys export --answers A|--session ID --actor ID|--company|--handover --format F [--out FILE | --out-dir DIR]`

use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use behovsanalys::export::{self, Format, Input, Options, handover};
use behovsanalys::i18n::{Lang, cli as words, referral as referral_words};
use behovsanalys::questionnaire::Questionnaire;
use behovsanalys::session::{Meta, Session, Store, StoreError};
use behovsanalys::text::{display_path, sanitize_line};
use behovsanalys::time::Date;

use crate::{Cli, ExportFormat};

pub struct Args<'a> {
    pub answers: Option<&'a Path>,
    pub session: Option<&'a str>,
    pub actor: Option<&'a str>,
    pub company: bool,
    pub handover: bool,
    pub format: ExportFormat,
    pub out: Option<&'a Path>,
    pub out_dir: Option<&'a Path>,
    pub force: bool,
    pub date: Option<Date>,
    pub follow_up: Option<Date>,
}

fn format(f: ExportFormat) -> Format {
    match f {
        ExportFormat::Md => Format::Md,
        ExportFormat::Html => Format::Html,
        ExportFormat::Json => Format::Json,
        ExportFormat::Csv => Format::Csv,
    }
}

pub fn run(cli: &Cli, ui: Lang, args: &Args<'_>) -> Result<ExitCode> {
    let loaded = super::load_questionnaire(cli)?;
    let q = &loaded.questionnaire;
    // A referral exported from a saved session is recorded there as sent
    // (`[[meta.referral]]`), under the session's lock. A session open in a
    // wizard is exported all the same but not recorded (the wizard's next
    // save would drop the record): the user is told to export it there.
    let mut not_recorded = None;
    let sending = match (args.session, args.actor) {
        (Some(id), Some(actor)) if q.actor(actor).is_some() => {
            let store = Store::open(cli.data_dir.as_deref())?;
            if !store.exists(id)? {
                return Err(StoreError::NotFound(id.to_string()).into());
            }
            match store.lock(id) {
                Ok(lock) => Some((store, lock, id, actor)),
                Err(StoreError::Locked { id, holder }) => {
                    let holder = holder.map_or_else(
                        || behovsanalys::i18n::diag::store::holder_unknown(ui),
                        |h| h.text(ui),
                    );
                    not_recorded = Some(referral_words::locked_export(
                        ui,
                        &sanitize_line(&id),
                        &sanitize_line(&holder),
                    ));
                    None
                }
                Err(e) => return Err(e.into()),
            }
        }
        _ => None,
    };
    let (file, meta) = super::resolve_answers(cli, ui, q, args.answers, args.session)?;
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
    let company = file.company.name.as_deref().unwrap_or("foretag");
    let (content, name) = match (args.actor, args.company, args.handover) {
        (Some(actor), _, _) => (
            export::referral_with(&input, actor, fmt, &opts)?,
            export::file_name(&[company, actor], fmt),
        ),
        (None, true, _) => (
            export::company_summary_with(&input, fmt, &opts)?,
            export::file_name(&[company, "foretaget"], fmt),
        ),
        (None, false, true) => {
            let session = Session {
                meta: meta.clone().unwrap_or_else(|| {
                    let id = file.meta.get("id").and_then(|v| v.as_str()).unwrap_or("");
                    Meta::from_table(&file.meta, id)
                }),
                answers: file.clone(),
            };
            (handover::render(&session, q), handover::file_name(&session))
        }
        (None, false, false) => bail!(words::summary_for_whom(ui)),
    };
    if let Some(dir) = args.out_dir {
        if !dir.is_dir() {
            std::fs::create_dir_all(dir)
                .with_context(|| words::cannot_create_dir(ui, &display_path(dir)))?;
        }
        let path = export::write_file(dir, &name, &content, args.force)?;
        eprintln!("{}", words::wrote(ui, &display_path(&path)));
    } else if let Some(out) = args.out {
        write_out(out, &content, args.force)?;
        eprintln!("{}", words::wrote(ui, &display_path(out)));
    } else {
        super::emit(&content)?;
    }
    if let Some(why) = not_recorded {
        eprintln!("{}", referral_words::sent_not_recorded(ui, &why));
    }
    if let Some((store, lock, id, actor)) = sending {
        record_sent(&store, q, ui, id, actor).map_err(|e| {
            anyhow::anyhow!(referral_words::sent_not_recorded(ui, &format!("{e:#}")))
        })?;
        drop(lock);
    }
    Ok(ExitCode::SUCCESS)
}

/// Records the referral to `actor` as sent in session `id` (the caller
/// holds its lock); says so when it is new.
fn record_sent(store: &Store, q: &Questionnaire, ui: Lang, id: &str, actor: &str) -> Result<()> {
    let (mut session, _) = store.load(id, q)?;
    let now = behovsanalys::time::now_secs();
    if session.record_sent(actor, now) {
        store.save(&mut session, q)?;
        let name = q
            .actor(actor)
            .map_or(actor, |i| q.actors[i].name.get(ui.code()));
        eprintln!(
            "{}",
            referral_words::recorded_sent(ui, &sanitize_line(name), id)
        );
    }
    Ok(())
}

/// Writes to a path the user chose (see [`export::write_to`]): atomically,
/// never over an existing file without `--force`, never over anything but
/// a regular file.
pub fn write_out(out: &Path, content: &str, force: bool) -> Result<()> {
    match export::write_to(out, content, force) {
        // Not "use --force" for what --force would refuse too.
        Err(export::ExportError::Exists(path)) => {
            let kind = std::fs::symlink_metadata(out)
                .ok()
                .and_then(|m| export::not_a_file(m.file_type()));
            match kind {
                Some(kind) => Err(export::ExportError::NotRegular { path, kind }.into()),
                None => Err(export::ExportError::Exists(path).into()),
            }
        }
        other => Ok(other?),
    }
}
