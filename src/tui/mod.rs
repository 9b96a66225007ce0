//! The wizard: a ratatui terminal UI for a joint company visit and for
//! self-assessment. The only module that talks to the terminal.
//!
//! The Elm Architecture: terminal events become [`update::Msg`]s,
//! [`update::update`] changes the [`app::App`] and returns
//! [`update::Effect`]s, which the [`Runtime`] executes; [`view::view`]
//! draws the state.
//!
//! | module | holds |
//! |---|---|
//! | [`app`] | the state: the screen, each screen's state, the open session |
//! | [`advisor`] | presenter-safe mode: the shared view and the advisor view |
//! | [`screens`] | one module per screen: its state, keymap, actions, drawing |
//! | [`popups`] | help, note editor |
//! | [`quit`] | "quit?", honest about a failed save; writing the session elsewhere |
//! | [`consent`] | who gives and who records consent; referral requests in a self-assessment |
//! | [`handover`] | which answers came from the company's self-assessment |
//! | [`keymap`] | keys as data: dispatch, footer hints and help come from the tables |
//! | [`update`] | messages, effects and what every screen shares |
//! | [`view`] | the frame: header, banner, footer, the screen, the popup |
//! | [`widgets`] | drawing pieces: input field, popup box, wrapped text, needs row … |
//! | [`runtime`] | the event loop; effects; the writer and the session lock |
//! | [`jobs`] | store work on threads of its own (list, open, import, lock, export) |
//! | [`errors`] | what can go wrong, as types shown in the user's language |
//!
//! Words come from [`crate::i18n::tui`].

pub mod advisor;
pub mod app;
pub mod consent;
pub mod errors;
pub mod handover;
pub mod jobs;
pub mod keymap;
pub mod popups;
pub mod quit;
pub mod runtime;
pub mod screens;
pub mod sync;
pub mod theme;
pub mod update;
pub mod view;
pub mod widgets;

use std::io::Write;
use std::path::PathBuf;
use std::sync::Arc;

use crate::i18n::Lang;
use crate::questionnaire::{self, Questionnaire};
use crate::session::{SessionMode, StoreError};

pub use app::App;
pub use errors::{ExportFailure, OpenError, SaveError};
pub use jobs::{OpenKind, OpenRequest, Opened, Previous, run_export};
pub use runtime::Runtime;
use runtime::event_loop;
pub use update::{Effect, Msg, update};

/// What the binary passes to the wizard.
pub struct Options {
    /// The questionnaire; `None` for the built-in one, which is then read
    /// after the first screen is drawn (the start screen needs only its
    /// title and languages).
    pub questionnaire: Option<Questionnaire>,
    /// The language; `None` for the questionnaire's first (English when
    /// that is neither Swedish nor English).
    pub lang: Option<Lang>,
    pub mode: SessionMode,
    pub data_dir: Option<PathBuf>,
    /// The shared store to sync with in the background (a URL), if any.
    pub store: Option<String>,
    /// A saved session to open at once (`behovsanalys open ID`), opened
    /// and locked by [`open_saved`].
    pub preopened: Option<Preopened>,
}

/// A saved session opened and locked before the wizard starts.
pub struct Preopened {
    opened: Box<Opened>,
    lock: crate::session::SessionLock,
    store: crate::session::Store,
}

/// Opens and locks saved session `id` for the wizard (`behovsanalys open
/// ID`): the lock rules of Continue (refused while it is open elsewhere),
/// and with `--self` only a self-assessment. Done before the terminal is
/// taken, so that what is wrong is said plainly.
pub fn open_saved(
    data_dir: Option<&std::path::Path>,
    q: &Questionnaire,
    id: &str,
    mode: SessionMode,
) -> Result<Preopened, OpenError> {
    let store = crate::session::Store::open(data_dir)?;
    let (opened, lock) = jobs::open(&store, q, OpenRequest::Resume(id.to_string()), false)?;
    if mode == SessionMode::SelfAssessment && opened.session.meta.mode != mode {
        return Err(OpenError::NotSelfAssessment(id.to_string()));
    }
    let lock = lock.ok_or_else(|| OpenError::from(StoreError::NotFound(id.to_string())))?;
    Ok(Preopened {
        opened,
        lock,
        store,
    })
}

#[derive(Debug, thiserror::Error)]
pub enum TuiError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Questionnaire(#[from] crate::diag::FileError),
    #[error("terminal: {0}")]
    Io(#[from] std::io::Error),
    /// The last save failed; a copy was written to the path, if any.
    #[error("the last answers could not be saved: {0}")]
    Unsaved(SaveError, Option<String>),
}

impl TuiError {
    /// The error in the user's language where the wizard words it.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            TuiError::Unsaved(e, copy) => {
                crate::i18n::room::unsaved_at_exit(lang, e.message(lang), copy.as_deref())
            }
            other => other.to_string(),
        }
    }
}

/// Runs the wizard until the user quits. The terminal is restored on
/// return, on error and on panic (ratatui's panic hook).
pub fn run(opts: Options) -> Result<(), TuiError> {
    let (q, deferred) = match opts.questionnaire {
        Some(q) => (Arc::new(q), false),
        None => match builtin_head() {
            Some(head) => (Arc::new(head), true),
            None => (Arc::new(questionnaire::builtin()?.questionnaire), false),
        },
    };
    let lang = opts
        .lang
        .unwrap_or_else(|| Lang::from_code(q.default_lang()).unwrap_or(Lang::En));
    let cwd = std::env::current_dir()
        .map(|p| p.display().to_string())
        .unwrap_or_else(|_| ".".into());
    let mut app = App::new(q, lang, opts.mode, &cwd);
    app.export_date = std::env::var("BEHOVSANALYS_DATE")
        .ok()
        .filter(|d| crate::time::parse_date(d).is_some());
    let theme = theme::Theme::from_env();

    let mut terminal = ratatui::init();
    let _ = ratatui::crossterm::execute!(
        std::io::stdout(),
        ratatui::crossterm::event::EnableBracketedPaste
    );
    let mut runtime = None;
    let result = (|| -> Result<(), TuiError> {
        if let Some(p) = opts.preopened {
            // The saved session is the first screen.
            let rt = runtime.insert(Runtime::new(opts.data_dir.clone(), Arc::clone(&app.q)));
            rt.adopt(p.lock, p.store);
            rt.dispatch(&mut app, Msg::Opened(Ok(p.opened)));
        }
        terminal.draw(|f| view::view(&app, &theme, f))?;
        if deferred {
            // The first screen is up; now the rest of the questionnaire,
            // before any key is handled.
            app.q = Arc::new(questionnaire::builtin()?.questionnaire);
        }
        let rt = runtime.get_or_insert_with(|| Runtime::new(opts.data_dir, Arc::clone(&app.q)));
        if let Some(url) = opts.store.as_deref().filter(|u| !u.is_empty()) {
            rt.start_sync(url, sync::EVERY);
        }
        event_loop(&mut terminal, &mut app, &theme, rt)
    })();
    let _ = ratatui::crossterm::execute!(
        std::io::stdout(),
        ratatui::crossterm::event::DisableBracketedPaste
    );
    ratatui::restore();
    let _ = std::io::stdout().flush();
    let flushed = runtime.map_or(Ok(()), Runtime::finish);
    result?;
    flushed.map_err(|e| TuiError::Unsaved(e, app.saved_elsewhere.clone()))
}

/// The built-in questionnaire's `[questionnaire]` table as a tiny
/// questionnaire of its own (title, languages, version): enough for the
/// start screen, read in microseconds instead of milliseconds.
fn builtin_head() -> Option<Questionnaire> {
    let text = questionnaire::BUILTIN_TOML;
    let start = text.find("\n[questionnaire]")?;
    let end = start + 1 + text[start + 1..].find("\n[")?;
    let head = format!(
        "{}\n[[area]]\nid = \"a\"\ntitle = \"a\"\n\n[[section]]\nid = \"s\"\ntitle = \"s\"\n\n\
         [[section.question]]\nid = \"q\"\nkind = \"text\"\ntext = \"q\"\n",
        &text[start..end]
    );
    let loaded = questionnaire::load_str(questionnaire::BUILTIN_NAME, &head).ok()?;
    Some(loaded.questionnaire)
}
