//! Sending a draft: it becomes a session in the store the server is
//! configured with — the data directory or the region's shared
//! PostgreSQL store — exactly as an imported hand-over file would
//! ([`crate::session::Store::import`]): the company's answers listed in
//! `meta.self_answers`, its ticks turned into referral *requests*
//! (`meta.requested_referrals`, never consent), advisor-only answers never
//! present, and `meta.origin = "web"`.

use std::sync::Mutex;

use crate::questionnaire::Questionnaire;
use crate::session::{Meta, Session, SessionMode, Store};
use crate::store::{PgStore, SessionStore, StoreConfig, SyncError};

use super::draft::Draft;
use super::flow::for_company;

pub use crate::session::ORIGIN_WEB;

/// Where sent self-assessments land.
pub enum Target {
    /// The data directory (`sessions/<id>.toml`).
    Files(Store),
    /// The shared store.
    Pg(Box<Shared>),
}

/// The shared store's configuration and one connection, opened again when
/// it broke.
pub struct Shared {
    pub config: StoreConfig,
    pub conn: Mutex<Option<PgStore>>,
}

/// Why a draft could not be sent.
#[derive(Debug, thiserror::Error)]
pub enum SubmitError {
    #[error(transparent)]
    Store(#[from] crate::session::StoreError),
    #[error(transparent)]
    Shared(#[from] SyncError),
}

/// The session a sent draft becomes, with id `reference`, at `now`.
pub fn session_of(q: &Questionnaire, d: &Draft, reference: &str, now: &str) -> Session {
    let mut answers = d.answers.clone();
    // Never anything the company was not asked on the web.
    answers
        .answers
        .retain(|id, _| q.question(id).is_some_and(|i| for_company(&q.questions[i])));
    answers
        .notes
        .retain(|id, _| q.question(id).is_some_and(|i| for_company(&q.questions[i])));
    answers.private_notes.clear();
    answers.orphans.clear();
    let self_answers = crate::session::answered_in_order(q, &answers);
    let requested = crate::session::referral_requests(q, &answers);
    answers.consent.clear();
    let mut meta_table = toml::Table::new();
    if !d.created.is_empty() {
        meta_table.insert("self_created".into(), d.created.clone().into());
    }
    answers.meta = meta_table;
    let requested_by = answers
        .company
        .contact
        .as_ref()
        .and_then(|c| c.name.clone())
        .filter(|_| !requested.is_empty());
    let requested_at = (!requested.is_empty()).then(|| now.to_string());
    Session {
        answers,
        meta: Meta {
            id: reference.to_string(),
            created: now.to_string(),
            updated: now.to_string(),
            mode: SessionMode::Advisor,
            questionnaire_id: q.id.clone(),
            questionnaire_version: q.version.clone(),
            questionnaire_hash: q.hash.clone(),
            origin: Some(ORIGIN_WEB.into()),
            imported_at: Some(now.to_string()),
            imported_id: Some(reference.to_string()),
            self_answers,
            requested_referrals: requested,
            requested_at,
            requested_by,
            ..Meta::default()
        },
    }
}

impl Target {
    /// Stores a new session (never over an existing one).
    pub fn store(&self, s: &mut Session, q: &Questionnaire) -> Result<(), SubmitError> {
        match self {
            Target::Files(store) => Ok(store.save_new(s, q)?),
            Target::Pg(shared) => {
                let Shared { config, conn } = &**shared;
                let mut guard = conn
                    .lock()
                    .unwrap_or_else(std::sync::PoisonError::into_inner);
                for attempt in 0..2 {
                    if guard.is_none() {
                        *guard = Some(PgStore::open(config)?);
                    }
                    let Some(pg) = guard.as_mut() else { continue };
                    match SessionStore::save(pg, s, q) {
                        Ok(()) => return Ok(()),
                        // A connection that broke: once more on a new one.
                        Err(SyncError::Db { .. } | SyncError::Unreachable { .. })
                            if attempt == 0 =>
                        {
                            *guard = None;
                        }
                        Err(e) => return Err(e.into()),
                    }
                }
                Err(SyncError::Usage("the shared store could not be reached".into()).into())
            }
        }
    }

    /// Whether a session id is taken.
    pub fn exists(&self, id: &str) -> bool {
        match self {
            Target::Files(store) => store.exists(id).unwrap_or(true),
            // A push of a taken id is refused by the store itself.
            Target::Pg(_) => false,
        }
    }

    /// Where submissions go, for the start-up line (no password).
    pub fn describe(&self) -> String {
        match self {
            Target::Files(store) => crate::text::display_path(&store.sessions_dir()),
            Target::Pg(shared) => shared.config.shown().to_string(),
        }
    }
}
