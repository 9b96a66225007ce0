//! One interface over where sessions live: the data directory
//! ([`Store`], unchanged) and the shared PostgreSQL store ([`PgStore`]).
//! The wizard always works on the data directory (offline first); the
//! shared store is reached by `sync`, `report --store` and, later, a web
//! server, through this trait.

use std::path::Path;

use crate::answers::{self, Mode};
use crate::questionnaire::Questionnaire;
use crate::session::listing::{sort_listing, summary_of};
use crate::session::{Listing, Problem, QuarantinedFile, Session, SessionLock, Store};

use super::SyncError;
use super::local;
use super::pg::{PgStore, Push, PushOutcome};
use super::sync::session_from_text;

/// The right to edit one session until dropped (file store) or until the
/// connection ends or [`SessionStore::unlock`] (PostgreSQL: an advisory
/// lock, released by the server when the connection dies).
#[derive(Debug)]
pub enum Lease {
    File(SessionLock),
    Db { id: String },
}

/// A session store.
pub trait SessionStore {
    /// Ids of the live sessions, sorted.
    fn ids(&mut self) -> Result<Vec<String>, SyncError>;
    /// A summary of every session, newest first, as `sessions list` shows
    /// it. The data directory moves files that are not sessions to
    /// quarantine (see [`SessionStore::quarantined`]); the shared store
    /// never moves a session another laptop may hold: one it cannot read
    /// here is reported under `problems`. A session is marked `conflict`
    /// when a conflict waits for it (its file here; a kept row there).
    fn list(&mut self, q: &Questionnaire) -> Result<Listing, SyncError>;
    /// The sessions set aside because they could not be read, with why.
    /// Only the data directory sets files aside; the shared store has none
    /// (see [`SessionStore::list`]).
    fn quarantined(&mut self) -> Result<Vec<QuarantinedFile>, SyncError>;
    /// One session.
    fn load(&mut self, id: &str, q: &Questionnaire) -> Result<Session, SyncError>;
    /// Saves a session (the caller holds its lease). On the shared store a
    /// save based on an older revision is refused as a conflict.
    fn save(&mut self, s: &mut Session, q: &Questionnaire) -> Result<(), SyncError>;
    /// Takes the editing lease of a session.
    fn lock(&mut self, id: &str) -> Result<Lease, SyncError>;
    /// Gives a lease back.
    fn unlock(&mut self, lease: Lease) -> Result<(), SyncError>;
    /// Erases a session (on the shared store a tombstone stays).
    fn delete(&mut self, id: &str) -> Result<(), SyncError>;
    /// Imports an answers file (checked strictly) as a new session; its id.
    fn import(&mut self, path: &Path, q: &Questionnaire) -> Result<String, SyncError>;
}

impl SessionStore for Store {
    fn ids(&mut self) -> Result<Vec<String>, SyncError> {
        Ok(Store::ids(self)?)
    }

    fn list(&mut self, q: &Questionnaire) -> Result<Listing, SyncError> {
        Ok(Store::list(self, q)?)
    }

    fn quarantined(&mut self) -> Result<Vec<QuarantinedFile>, SyncError> {
        Ok(Store::quarantined(self, &[]))
    }

    fn load(&mut self, id: &str, q: &Questionnaire) -> Result<Session, SyncError> {
        Ok(Store::load(self, id, q)?.0)
    }

    fn save(&mut self, s: &mut Session, q: &Questionnaire) -> Result<(), SyncError> {
        Ok(Store::save(self, s, q)?)
    }

    fn lock(&mut self, id: &str) -> Result<Lease, SyncError> {
        Ok(Lease::File(Store::lock(self, id)?))
    }

    fn unlock(&mut self, lease: Lease) -> Result<(), SyncError> {
        drop(lease);
        Ok(())
    }

    fn delete(&mut self, id: &str) -> Result<(), SyncError> {
        Store::delete(self, id)?;
        Ok(())
    }

    fn import(&mut self, path: &Path, q: &Questionnaire) -> Result<String, SyncError> {
        Ok(Store::import(self, path, q, false)?.session.meta.id)
    }
}

impl SessionStore for PgStore {
    fn ids(&mut self) -> Result<Vec<String>, SyncError> {
        let mut ids: Vec<String> = self
            .index()?
            .into_iter()
            .filter(|e| !e.deleted)
            .map(|e| e.id)
            .collect();
        ids.sort();
        Ok(ids)
    }

    fn list(&mut self, q: &Questionnaire) -> Result<Listing, SyncError> {
        const BATCH: usize = 500;
        let ids = SessionStore::ids(self)?;
        let in_conflict: std::collections::HashSet<String> = self
            .client
            .query(
                "SELECT DISTINCT session_id FROM behovsanalys.conflicts",
                &[],
            )
            .map_err(self.db("list the sessions"))?
            .iter()
            .map(|r| r.get(0))
            .collect();
        let mut out = Listing::default();
        for chunk in ids.chunks(BATCH) {
            for (id, _, _, body) in self.fetch(chunk)? {
                match answers::parse(&id, &body, q, Mode::Lenient) {
                    Ok(p) => out.sessions.push(summary_of(
                        &id,
                        &p.answers,
                        q,
                        String::new,
                        in_conflict.contains(&id),
                    )),
                    Err(e) => out.problems.push(Problem {
                        file: id.clone(),
                        message: crate::text::sanitize(&e.to_string()).into_owned(),
                        messages: crate::i18n::Lang::ALL
                            .iter()
                            .map(|l| crate::text::sanitize(&e.render(*l)).into_owned())
                            .collect(),
                    }),
                }
            }
        }
        sort_listing(&mut out);
        Ok(out)
    }

    fn quarantined(&mut self) -> Result<Vec<QuarantinedFile>, SyncError> {
        Ok(Vec::new())
    }

    fn load(&mut self, id: &str, q: &Questionnaire) -> Result<Session, SyncError> {
        let Some((_, revision, hash, body)) = self.fetch(&[id.to_string()])?.pop() else {
            return Err(crate::session::StoreError::NotFound(id.to_string()).into());
        };
        let mut s = session_from_text(id, id, &body, q)?;
        local::set_sync_state(&mut s, revision, &hash);
        Ok(s)
    }

    fn save(&mut self, s: &mut Session, q: &Questionnaire) -> Result<(), SyncError> {
        s.meta.updated = crate::time::now_rfc3339();
        let state = local::sync_state(s);
        let out = local::outgoing(s, q);
        let outcome = self.push(&Push {
            id: &s.meta.id,
            base: state.revision,
            out: &out,
        })?;
        match outcome {
            PushOutcome::Stored(rev) | PushOutcome::Same(rev) => {
                local::set_sync_state(s, rev, &out.hash);
                Ok(())
            }
            PushOutcome::Conflict { revision, .. } => Err(SyncError::ChangedMeanwhile {
                id: s.meta.id.clone(),
                revision,
            }),
            PushOutcome::Deleted(_) => {
                Err(crate::session::StoreError::NotFound(s.meta.id.clone()).into())
            }
            PushOutcome::Forbidden => Err(SyncError::NotYours(s.meta.id.clone())),
        }
    }

    fn lock(&mut self, id: &str) -> Result<Lease, SyncError> {
        let got: bool = self
            .client
            .query_one(
                "SELECT pg_try_advisory_lock(hashtext('behovsanalys session ' || $1))",
                &[&id],
            )
            .map_err(self.db("lock a session"))?
            .get(0);
        if !got {
            return Err(crate::session::StoreError::Locked {
                id: id.to_string(),
                holder: None,
            }
            .into());
        }
        Ok(Lease::Db { id: id.to_string() })
    }

    fn unlock(&mut self, lease: Lease) -> Result<(), SyncError> {
        if let Lease::Db { id } = lease {
            self.client
                .execute(
                    "SELECT pg_advisory_unlock(hashtext('behovsanalys session ' || $1))",
                    &[&id],
                )
                .map_err(self.db("unlock a session"))?;
        }
        Ok(())
    }

    fn delete(&mut self, id: &str) -> Result<(), SyncError> {
        if self.remove(id)? {
            Ok(())
        } else {
            Err(crate::session::StoreError::NotFound(id.to_string()).into())
        }
    }

    fn import(&mut self, path: &Path, q: &Questionnaire) -> Result<String, SyncError> {
        let parsed = answers::load_file(path, q, Mode::Strict)?;
        let id = crate::session::new_id();
        let mut s = Session {
            meta: crate::session::Meta::from_table(&parsed.answers.meta, &id),
            answers: parsed.answers,
        };
        s.meta.id = id.clone();
        s.meta.origin = Some(crate::session::ORIGIN_SELF_ASSESSMENT.into());
        for k in [local::KEY_REVISION, local::KEY_HASH] {
            s.answers.meta.remove(k);
        }
        SessionStore::save(self, &mut s, q)?;
        Ok(id)
    }
}
