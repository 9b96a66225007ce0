//! The wizard: a ratatui terminal UI for a joint company visit and for
//! self-assessment. The only module that talks to the terminal.
//!
//! The Elm Architecture: terminal events become [`update::Msg`]s,
//! [`update::update`] changes the [`app::App`] and returns
//! [`update::Effect`]s, which this run loop executes (saving through a
//! dedicated writer thread, listing sessions, importing, exporting);
//! [`view::view`] draws the state.

pub mod app;
pub mod input;
pub mod keymap;
pub mod strings;
pub mod theme;
pub mod update;
pub mod view;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread::JoinHandle;
use std::time::Duration;

use ratatui::crossterm::event::{self, Event};

use crate::answers::{self, Mode};
use crate::export::{self, ExportError, Format};
use crate::questionnaire::Questionnaire;
use crate::scoring;
use crate::session::{Session, SessionMode, Store, StoreError};

pub use app::App;
pub use update::{Effect, Msg, update};

/// What the binary passes to the wizard.
pub struct Options {
    pub questionnaire: Questionnaire,
    pub lang: String,
    pub mode: SessionMode,
    pub data_dir: Option<PathBuf>,
}

#[derive(Debug, thiserror::Error)]
pub enum TuiError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("terminal: {0}")]
    Io(#[from] std::io::Error),
    #[error("the last answers could not be saved: {0}")]
    Unsaved(String),
}

/// Runs the wizard until the user quits. The terminal is restored on
/// return, on error and on panic (ratatui's panic hook).
pub fn run(opts: Options) -> Result<(), TuiError> {
    let store = Store::open(opts.data_dir.as_deref())?;
    let q = Arc::new(opts.questionnaire);
    let cwd = std::env::current_dir()
        .map(|p| p.display().to_string())
        .unwrap_or_else(|_| ".".into());
    let mut app = App::new((*q).clone(), &opts.lang, opts.mode, &cwd);
    let theme = theme::Theme::from_env();
    let writer = Writer::spawn(store.clone(), Arc::clone(&q));

    let mut terminal = ratatui::init();
    let _ = ratatui::crossterm::execute!(
        std::io::stdout(),
        ratatui::crossterm::event::EnableBracketedPaste
    );
    let result = event_loop(&mut terminal, &mut app, &theme, &store, &writer);
    let _ = ratatui::crossterm::execute!(
        std::io::stdout(),
        ratatui::crossterm::event::DisableBracketedPaste
    );
    ratatui::restore();
    let _ = std::io::stdout().flush();
    let flushed = writer.finish();
    result?;
    flushed.map_err(TuiError::Unsaved)
}

fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    app: &mut App,
    theme: &theme::Theme,
    store: &Store,
    writer: &Writer,
) -> Result<(), TuiError> {
    loop {
        terminal.draw(|f| view::view(app, theme, f))?;
        let mut msgs = Vec::new();
        if event::poll(Duration::from_millis(250))? {
            // Take everything that is waiting (fast typing, paste) before
            // the next draw.
            loop {
                match event::read()? {
                    Event::Key(k) => msgs.push(Msg::Key(k)),
                    Event::Paste(p) => msgs.push(Msg::Paste(p)),
                    _ => {}
                }
                if msgs.len() > 256 || !event::poll(Duration::ZERO)? {
                    break;
                }
            }
        }
        while let Ok(st) = writer.status.try_recv() {
            msgs.push(st);
        }
        let mut queue: std::collections::VecDeque<Msg> = msgs.into();
        while let Some(msg) = queue.pop_front() {
            for effect in update(app, msg) {
                match effect {
                    Effect::Quit => return Ok(()),
                    other => {
                        if let Some(m) = execute(other, &app.q, app.mode, store, writer) {
                            queue.push_back(m);
                        }
                    }
                }
            }
            if app.quit {
                return Ok(());
            }
        }
    }
}

/// Executes one effect; some answer with a message.
pub fn execute(
    effect: Effect,
    q: &Questionnaire,
    mode: SessionMode,
    store: &Store,
    writer: &Writer,
) -> Option<Msg> {
    match effect {
        Effect::Save(s) => {
            writer.save(s);
            None
        }
        Effect::LoadSessionList => Some(Msg::SessionsListed(list_sessions(store, q, mode))),
        Effect::Import(path) => Some(Msg::Imported(import_file(&path, q))),
        Effect::Export(job) => Some(Msg::Exported(run_export(&job, q))),
        Effect::Quit => None,
    }
}

/// Reads every session of the store for the resume list, newest first.
pub fn list_sessions(store: &Store, q: &Questionnaire, mode: SessionMode) -> Vec<app::SessionRow> {
    let ids = store.ids().unwrap_or_default();
    let mut rows: Vec<app::SessionRow> = ids
        .into_iter()
        .map(|id| match store.load(&id, q) {
            Ok((s, _)) => {
                let eval = scoring::evaluate(q, &s.answers.answers);
                let (done, total) = app::progress(q, &eval, mode, &s.answers);
                app::SessionRow {
                    id: id.clone(),
                    company: s.answers.company.name.clone(),
                    updated: s.meta.updated.clone(),
                    done,
                    total,
                    session: Ok(Box::new(s)),
                }
            }
            Err(e) => app::SessionRow {
                id: id.clone(),
                company: None,
                updated: String::new(),
                done: 0,
                total: 0,
                session: Err(first_lines(&e.to_string())),
            },
        })
        .collect();
    rows.sort_by(|a, b| b.updated.cmp(&a.updated).then(b.id.cmp(&a.id)));
    rows
}

fn first_lines(e: &str) -> String {
    let lines: Vec<&str> = e
        .lines()
        .filter(|l| l.contains("error") || l.contains("cannot"))
        .take(3)
        .collect();
    if lines.is_empty() {
        e.lines().next().unwrap_or("").to_string()
    } else {
        lines.join(" · ")
    }
}

fn import_file(path: &Path, q: &Questionnaire) -> Result<Box<answers::AnswersFile>, String> {
    answers::load_file(path, q, Mode::Lenient)
        .map(|p| Box::new(p.answers))
        .map_err(|e| first_lines(&e.to_string()))
}

/// Writes a file under a free name: `name`, `name-2`, `name-3`, …
fn write_unique(dir: &Path, name: &str, content: &str) -> Result<PathBuf, ExportError> {
    let (stem, ext) = name.rsplit_once('.').unwrap_or((name, ""));
    for n in 1..100 {
        let candidate = if n == 1 {
            name.to_string()
        } else {
            format!("{stem}-{n}.{ext}")
        };
        match export::write_file(dir, &candidate, content, false) {
            Err(ExportError::Exists(_)) => continue,
            other => return other,
        }
    }
    export::write_file(dir, name, content, true)
}

/// Writes the referrals, the company summary and (self-assessment) the
/// answers file for the advisor.
pub fn run_export(job: &app::ExportJob, q: &Questionnaire) -> Result<Vec<String>, String> {
    std::fs::create_dir_all(&job.dir)
        .map_err(|e| format!("cannot create {}: {e}", job.dir.display()))?;
    let input = export::Input {
        questionnaire: q,
        answers: &job.session.answers,
        meta: Some(&job.session.meta),
        lang: &job.lang,
    };
    let company = job
        .session
        .answers
        .company
        .name
        .clone()
        .unwrap_or_else(|| job.session.meta.id.clone());
    let mut written = Vec::new();
    let mut put = |name: String, content: String| -> Result<(), String> {
        let p = write_unique(&job.dir, &name, &content).map_err(|e| e.to_string())?;
        written.push(p.display().to_string());
        Ok(())
    };
    if job.self_file {
        let name = export::file_name(&["självskattning", &company], Format::Md);
        let name = format!("{}.toml", name.trim_end_matches(".md"));
        put(name, job.session.to_toml(q))?;
    }
    for actor in &job.actors {
        let content = export::referral(&input, actor, Format::Html).map_err(|e| e.to_string())?;
        put(export::file_name(&[&company, actor], Format::Html), content)?;
    }
    let summary_word = if job.lang == "sv" {
        "sammanfattning"
    } else {
        "summary"
    };
    let content = export::company_summary(&input, Format::Html).map_err(|e| e.to_string())?;
    put(
        export::file_name(&[&company, summary_word], Format::Html),
        content,
    )?;
    Ok(written)
}

// ---------------------------------------------------------------- writer

enum WriterCmd {
    Save(Box<Session>),
    Shutdown,
}

/// Saves sessions on a thread of its own so that the UI never waits on
/// fsync. Always writes the latest snapshot; a failed write is retried
/// (every second) until it succeeds or a newer snapshot replaces it.
pub struct Writer {
    tx: Sender<WriterCmd>,
    pub status: Receiver<Msg>,
    handle: Option<JoinHandle<Result<(), String>>>,
}

const RETRY: Duration = Duration::from_secs(1);

impl Writer {
    pub fn spawn(store: Store, q: Arc<Questionnaire>) -> Writer {
        let (tx, rx) = mpsc::channel::<WriterCmd>();
        let (status_tx, status) = mpsc::channel::<Msg>();
        let handle = std::thread::Builder::new()
            .name("behovsanalys-writer".into())
            .spawn(move || writer_loop(&store, &q, &rx, &status_tx))
            .ok();
        Writer { tx, status, handle }
    }

    pub fn save(&self, s: Box<Session>) {
        let _ = self.tx.send(WriterCmd::Save(s));
    }

    /// Writes what is pending and stops the thread.
    pub fn finish(mut self) -> Result<(), String> {
        let _ = self.tx.send(WriterCmd::Shutdown);
        match self.handle.take() {
            Some(h) => h
                .join()
                .unwrap_or_else(|_| Err("the writer thread panicked".into())),
            None => Err("the writer thread could not be started".into()),
        }
    }
}

fn writer_loop(
    store: &Store,
    q: &Questionnaire,
    rx: &Receiver<WriterCmd>,
    status: &Sender<Msg>,
) -> Result<(), String> {
    let mut pending: Option<Box<Session>> = None;
    let mut last_error: Option<String> = None;
    let mut shutdown = false;
    loop {
        let first = if pending.is_some() {
            rx.recv_timeout(RETRY)
        } else {
            rx.recv().map_err(|_| RecvTimeoutError::Disconnected)
        };
        match first {
            Ok(WriterCmd::Save(s)) => pending = Some(s),
            Ok(WriterCmd::Shutdown) | Err(RecvTimeoutError::Disconnected) => shutdown = true,
            Err(RecvTimeoutError::Timeout) => {}
        }
        // Coalesce: only the newest snapshot matters.
        while let Ok(cmd) = rx.try_recv() {
            match cmd {
                WriterCmd::Save(s) => pending = Some(s),
                WriterCmd::Shutdown => shutdown = true,
            }
        }
        let attempts = if shutdown { 3 } else { 1 };
        for attempt in 0..attempts {
            let Some(mut s) = pending.take() else { break };
            match store.save(&mut s, q) {
                Ok(()) => {
                    if last_error.take().is_some() {
                        let _ = status.send(Msg::Saved);
                    }
                }
                Err(e) => {
                    let e = e.to_string();
                    let _ = status.send(Msg::SaveFailed(e.clone()));
                    last_error = Some(e);
                    pending = Some(s);
                    if attempt + 1 < attempts {
                        std::thread::sleep(Duration::from_millis(200));
                    }
                }
            }
        }
        if shutdown {
            return match (pending, last_error) {
                (Some(_), Some(e)) => Err(e),
                _ => Ok(()),
            };
        }
    }
}
