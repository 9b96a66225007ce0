//! `behovsanalys sync` and `behovsanalys sessions resolve ID`.

use std::io::{BufRead, IsTerminal, Write};
use std::process::ExitCode;

use anyhow::Result;
use behovsanalys::i18n::{Lang, store as words};
use behovsanalys::questionnaire::Questionnaire;
use behovsanalys::session::Store;
use behovsanalys::store::{self, Choices, PgStore, Side, resolve as res};
use behovsanalys::text::sanitize_line;

use crate::Cli;

pub fn run(cli: &Cli, ui: Lang) -> Result<ExitCode> {
    let cfg = super::store::config(cli, ui)?;
    let loaded = super::load_questionnaire(cli)?;
    let q = &loaded.questionnaire;
    let local = Store::open(cli.data_dir.as_deref())?;
    let mut pg = PgStore::open(&cfg)?;
    let report = store::sync(&local, &mut pg, q)?;
    super::emit(&words::sync_summary(ui, &report))?;
    Ok(ExitCode::SUCCESS)
}

/// `sessions resolve ID [--take local|server] [--answer QUESTION=local|server …]`
#[derive(Debug, clap::Args)]
pub struct ResolveArgs {
    /// The session in conflict (see `sessions list`).
    pub id: String,
    /// Take this side for everything not chosen with --answer.
    #[arg(long, value_name = "SIDE", value_parser = ["local", "server"])]
    pub take: Option<String>,
    /// Take one answer from a side; "*" is the company, attendees, consents and notes.
    #[arg(long = "answer", value_name = "QUESTION=SIDE")]
    pub answer: Vec<String>,
}

fn show(v: &Option<toml::Value>, ui: Lang) -> String {
    match v {
        Some(v) => sanitize_line(&v.to_string()),
        None => words::not_answered(ui).to_string(),
    }
}

fn ask(ui: Lang, question: &str) -> Result<Side> {
    let stdin = std::io::stdin();
    loop {
        print!("{question} {}", words::prompt_side(ui));
        std::io::stdout().flush()?;
        let mut line = String::new();
        if stdin.lock().read_line(&mut line)? == 0 {
            anyhow::bail!(words::bad_answer_choice(ui, ""));
        }
        if let Some(side) = Side::parse(line.trim()) {
            return Ok(side);
        }
    }
}

pub fn resolve(store: &Store, q: &Questionnaire, ui: Lang, args: &ResolveArgs) -> Result<ExitCode> {
    let mut choices = Choices {
        take: args.take.as_deref().and_then(Side::parse),
        ..Choices::default()
    };
    let mut rest = None;
    for a in &args.answer {
        let Some((qid, side)) = a
            .split_once('=')
            .and_then(|(k, v)| Some((k, Side::parse(v)?)))
        else {
            anyhow::bail!(words::bad_answer_choice(ui, &sanitize_line(a)));
        };
        if qid == "*" {
            rest = Some(side);
        } else {
            choices.answers.insert(qid.to_string(), side);
        }
    }
    let c = res::conflict(store, &args.id, q)?;
    if choices.take.is_none() {
        // "*" alone decides the rest; otherwise ask on a terminal.
        let open = res::undecided(&c, &choices);
        let interactive = std::io::stdin().is_terminal() && std::io::stdout().is_terminal();
        if !open.is_empty() && interactive {
            println!("{}", words::conflict_intro(ui, &args.id, c.server_revision));
            let open: Vec<&res::Difference> = c
                .answers
                .iter()
                .filter(|d| !choices.answers.contains_key(&d.question))
                .collect();
            for d in open {
                let text = q
                    .question(&d.question)
                    .map(|i| q.questions[i].text.get(ui.code()).to_string())
                    .unwrap_or_else(|| d.question.clone());
                let prompt = format!(
                    "{}\n  l: {}\n  s: {}\n",
                    sanitize_line(&text),
                    show(&d.local, ui),
                    show(&d.server, ui)
                );
                let side = ask(ui, &prompt)?;
                choices.answers.insert(d.question.clone(), side);
            }
            if c.other && rest.is_none() {
                rest = Some(ask(ui, words::the_rest(ui))?);
            }
        }
        if let Some(side) = rest {
            // Every answer is chosen: the rest follows "*".
            if c.answers
                .iter()
                .all(|d| choices.answers.contains_key(&d.question))
            {
                choices.take = Some(side);
            }
        } else if !c.other
            && c.answers
                .iter()
                .all(|d| choices.answers.contains_key(&d.question))
        {
            choices.take = Some(Side::Local);
        }
    }
    res::resolve(store, &args.id, q, &choices)?;
    println!("{}", words::resolved(ui, &args.id));
    Ok(ExitCode::SUCCESS)
}
