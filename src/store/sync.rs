//! `behovsanalys sync`: push what changed here, pull what changed there.
//!
//! Safe to interrupt anywhere and to run again:
//! - the server writes each session in one transaction (`behovsanalys.push`),
//!   and a push it already has (same content hash) is recognised, not
//!   stored twice;
//! - the laptop writes each file atomically, under the session's lock (a
//!   session open in the wizard is left for the next sync);
//! - a push whose base is not the server's revision is a conflict: the
//!   server keeps the pushed version (`behovsanalys.conflicts`), the laptop
//!   keeps its own and writes the server's next to it
//!   (`<id>.conflict.toml`); nothing is overwritten until the advisor
//!   resolves it (`sessions resolve`);
//! - a copy is overwritten by a pull only when it has not changed since its
//!   last sync (its shared text still hashes to `synced_hash`), and keeps its
//!   private notes.

use std::collections::{BTreeMap, HashMap};

use crate::answers::{self, Mode};
use crate::questionnaire::Questionnaire;
use crate::session::referral::{Outcome, ReferralError};
use crate::session::{Meta, Session, Store, StoreError, atomic, valid_id};

use super::SyncError;

use super::local::{self, KEY_CONFLICT_REVISION};
use super::pg::{ActorReferral, Entry, PgStore, Push, PushOutcome};

/// What a sync did, for the advisor.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SyncReport {
    pub pushed: Vec<String>,
    pub pulled: Vec<String>,
    /// Sessions new on this laptop.
    pub new_here: Vec<String>,
    /// Conflicts found now (both versions kept).
    pub conflicts: Vec<String>,
    /// Conflicts still waiting for `sessions resolve`.
    pub unresolved: Vec<String>,
    /// Deleted on the server by this sync.
    pub deleted_there: Vec<String>,
    /// Deleted here because they were deleted on the server.
    pub deleted_here: Vec<String>,
    /// Sessions that took marks an actor made on its referral (contacted,
    /// outcome) in the store.
    pub marked: Vec<String>,
    /// Sessions left alone, with why.
    pub skipped: Vec<(String, Skip)>,
}

/// Why sync left a session alone (or deleted it although it had changed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Skip {
    /// Open in a wizard (its lock is held); synced next time.
    Open,
    /// It cannot be read here (the message, one line).
    Unreadable(String),
    /// Changed here but deleted in the store: deleted here too.
    DeletedThere,
    /// The store has a session with this id that this role may not read.
    Forbidden,
    /// Never synced, and the store deleted a session with this id.
    IdDeleted,
    /// An actor's mark on its referral that cannot be taken here (the
    /// actor, why); left in the store.
    Mark { actor: String, why: String },
}

impl SyncReport {
    pub fn changed_anything(&self) -> bool {
        !(self.pushed.is_empty()
            && self.pulled.is_empty()
            && self.new_here.is_empty()
            && self.conflicts.is_empty()
            && self.deleted_there.is_empty()
            && self.deleted_here.is_empty()
            && self.marked.is_empty())
    }
}

/// Reads a session from text (a pulled body or a conflict file).
pub fn session_from_text(
    id: &str,
    name: &str,
    text: &str,
    q: &Questionnaire,
) -> Result<Session, SyncError> {
    let parsed = answers::parse(name, text, q, Mode::Lenient)?;
    let meta = Meta::from_table(&parsed.answers.meta, id);
    Ok(Session {
        answers: parsed.answers,
        meta,
    })
}

/// The session whose lock a sync in this process holds now (one at a
/// time), so that the wizard can wait a moment instead of reporting its own
/// background sync as "another behovsanalys".
static HOLDING: std::sync::Mutex<Option<String>> = std::sync::Mutex::new(None);

/// Whether a sync in this process holds the lock of session `id` now.
pub fn holds(id: &str) -> bool {
    HOLDING
        .lock()
        .map(|h| h.as_deref() == Some(id))
        .unwrap_or(false)
}

/// The lock of a session for sync, marked as held by sync (see [`holds`]).
struct SyncLock {
    _lock: crate::session::SessionLock,
}

impl Drop for SyncLock {
    fn drop(&mut self) {
        if let Ok(mut h) = HOLDING.lock() {
            *h = None;
        }
    }
}

fn lock_for_sync(store: &Store, id: &str) -> Result<SyncLock, StoreError> {
    if let Ok(mut h) = HOLDING.lock() {
        *h = Some(id.to_string());
    }
    match store.lock(id) {
        Ok(l) => Ok(SyncLock { _lock: l }),
        Err(e) => {
            if let Ok(mut h) = HOLDING.lock() {
                *h = None;
            }
            Err(e)
        }
    }
}

/// How many bodies are fetched per query.
const FETCH_BATCH: usize = 500;

/// Syncs the data directory of `store` with the shared store.
pub fn sync(store: &Store, pg: &mut PgStore, q: &Questionnaire) -> Result<SyncReport, SyncError> {
    // Only the roles that write sessions sync them; the others are told
    // what they may do instead of meeting a bare "permission denied".
    if let Some((kind, _, _)) = pg.whoami()?
        && (kind == "national" || kind == "actor")
    {
        return Err(SyncError::NotForRole {
            url: pg.url.clone(),
            kind,
        });
    }
    let mut report = SyncReport::default();
    let root = store.root().to_path_buf();
    atomic::create_private_dir(&local::sync_dir(&root)).map_err(|err| {
        SyncError::Local(StoreError::Io {
            action: "cannot create",
            path: crate::text::display_path(&local::sync_dir(&root)),
            err,
        })
    })?;

    // 1. Deletions made here.
    let tombstones = local::tombstones(&root);
    for id in &tombstones {
        if pg.remove(id)? {
            report.deleted_there.push(id.clone());
        }
        let _ = std::fs::remove_file(local::tombstone_dir(&root).join(id));
    }

    // 2. What the server has.
    let server: HashMap<String, Entry> =
        pg.index()?.into_iter().map(|e| (e.id.clone(), e)).collect();

    // 3. Every local session: push it, or note what to pull.
    let mut to_pull: BTreeMap<String, PullKind> = BTreeMap::new();
    let local_ids = store.ids()?;
    for id in &local_ids {
        let lock = match lock_for_sync(store, id) {
            Ok(l) => l,
            Err(StoreError::Locked { .. }) => {
                report.skipped.push((id.clone(), Skip::Open));
                continue;
            }
            Err(e) => return Err(e.into()),
        };
        let entry = server.get(id);
        if let Some(kind) = local_step(store, pg, q, id, entry, &mut report)? {
            to_pull.insert(id.clone(), kind);
        }
        drop(lock);
    }

    // 4. Sessions only the server has.
    for (id, e) in &server {
        if e.deleted || to_pull.contains_key(id) || tombstones.contains(id) {
            continue;
        }
        if !store.exists(id)? {
            to_pull.insert(id.clone(), PullKind::New);
        }
    }

    // 5. Fetch and write, in batches.
    let ids: Vec<String> = to_pull.keys().cloned().collect();
    for chunk in ids.chunks(FETCH_BATCH) {
        for (id, revision, hash, body) in pg.fetch(chunk)? {
            let Some(kind) = to_pull.get(&id) else {
                continue;
            };
            apply_pull(store, q, &id, *kind, revision, &hash, &body, &mut report)?;
        }
    }
    // 6. Marks actors made on their referrals: into the sessions here, and
    // sent back (which settles them in the store).
    take_marks(store, pg, q, &server, &mut report)?;
    for list in [
        &mut report.pushed,
        &mut report.pulled,
        &mut report.new_here,
        &mut report.marked,
    ] {
        list.sort();
    }
    atomic::sync_dir(&store.sessions_dir());
    Ok(report)
}

/// Takes the actors' pending marks into the sessions they belong to (a
/// session here, unchanged since its last sync, not in conflict, not open)
/// and pushes them. The session's `updated` becomes the time of the mark,
/// so that two laptops taking the same mark write the same text (the
/// second push is then "the same", not a conflict).
fn take_marks(
    store: &Store,
    pg: &mut PgStore,
    q: &Questionnaire,
    server: &HashMap<String, Entry>,
    report: &mut SyncReport,
) -> Result<(), SyncError> {
    let mut by_session: BTreeMap<String, Vec<ActorReferral>> = BTreeMap::new();
    for m in pg.pending_marks()? {
        by_session.entry(m.session.clone()).or_default().push(m);
    }
    for (id, marks) in by_session {
        if !valid_id(&id) || !store.exists(&id)? || local::has_conflict(store, &id) {
            continue;
        }
        let lock = match lock_for_sync(store, &id) {
            Ok(l) => l,
            Err(StoreError::Locked { .. }) => {
                report.skipped.push((id.clone(), Skip::Open));
                continue;
            }
            Err(e) => return Err(e.into()),
        };
        let Ok((mut s, _)) = store.load(&id, q) else {
            continue;
        };
        let state = local::sync_state(&s);
        if state.hash.as_deref() != Some(local::hash(&local::shared_text(&s, q)).as_str()) {
            // Changed here since the push above: the next sync.
            continue;
        }
        let mut changed = false;
        let mut failed = false;
        let mut latest = None;
        for m in &marks {
            match apply_mark(&mut s, m) {
                Ok(c) => {
                    changed |= c;
                    latest = latest.max(m.marked_at);
                }
                Err(e) => {
                    failed = true;
                    report.skipped.push((
                        id.clone(),
                        Skip::Mark {
                            actor: crate::text::sanitize_line(&m.actor),
                            why: crate::text::sanitize_line(&e.to_string()),
                        },
                    ));
                }
            }
        }
        if changed {
            if let Some(at) = latest.map(crate::time::rfc3339)
                && at > s.meta.updated
            {
                s.meta.updated = at;
            }
            local::write_as_is(store, &s, q)?;
            local_step(store, pg, q, &id, server.get(&id), report)?;
            if !local::has_conflict(store, &id) {
                report.marked.push(id.clone());
            }
        } else if !failed
            && server
                .get(&id)
                .is_some_and(|e| e.revision == state.revision)
        {
            // The session holds the marks already (taken by an earlier sync
            // whose push did not arrive) and is the store's revision: the
            // same text again settles them.
            let out = local::outgoing(&s, q);
            pg.push(&Push {
                id: &id,
                base: state.revision,
                out: &out,
            })?;
        }
        drop(lock);
    }
    Ok(())
}

/// Takes one actor's mark into a session; whether it changed anything.
/// Contact first, then the outcome; if the new times only fit the other
/// way round (the new contact is after the old outcome), the outcome first.
fn apply_mark(s: &mut Session, m: &ActorReferral) -> Result<bool, ReferralError> {
    let r = s
        .referral(&m.actor)
        .ok_or_else(|| ReferralError::NotSent(m.actor.clone()))?;
    let contact = m.contacted_at.filter(|c| r.contacted_at != Some(*c));
    let outcome = match (m.outcome.as_deref().and_then(Outcome::parse), m.outcome_at) {
        (Some(o), Some(at))
            if r.outcome != Some(o)
                || r.outcome_at != Some(at)
                || (m.note.is_some() && r.note != m.note) =>
        {
            Some((o, at))
        }
        _ => None,
    };
    if contact.is_none() && outcome.is_none() {
        return Ok(false);
    }
    let apply = |s: &mut Session, contact_first: bool| -> Result<(), ReferralError> {
        let c = |s: &mut Session| contact.map_or(Ok(()), |at| s.mark_contacted(&m.actor, at));
        let o = |s: &mut Session| {
            outcome.map_or(Ok(()), |(o, at)| {
                s.mark_outcome(&m.actor, o, at, m.note.as_deref())
            })
        };
        if contact_first {
            c(s)?;
            o(s)
        } else {
            o(s)?;
            c(s)
        }
    };
    let mut trial = s.clone();
    if apply(&mut trial, true).is_ok() {
        *s = trial;
    } else {
        apply(s, false)?;
    }
    Ok(true)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PullKind {
    /// Not here yet.
    New,
    /// Here, unchanged since its last sync, older than the server's.
    Update,
    /// In conflict: refresh the server's side of it.
    Conflict,
}

/// One local session, its lock held: push it if it changed; say whether to
/// pull the server's version.
fn local_step(
    store: &Store,
    pg: &mut PgStore,
    q: &Questionnaire,
    id: &str,
    entry: Option<&Entry>,
    report: &mut SyncReport,
) -> Result<Option<PullKind>, SyncError> {
    let mut session = match store.load(id, q) {
        Ok((s, _)) => s,
        Err(e) => {
            report.skipped.push((
                id.to_string(),
                Skip::Unreadable(crate::text::sanitize_line(&e.to_string())),
            ));
            return Ok(None);
        }
    };
    let state = local::sync_state(&session);
    if local::has_conflict(store, id) {
        if entry.is_some_and(|e| e.deleted) && state.revision > 0 {
            // Erased in the store meanwhile: both versions go.
            delete_here(store, id)?;
            report.skipped.push((id.to_string(), Skip::DeletedThere));
            report.deleted_here.push(id.to_string());
            return Ok(None);
        }
        report.unresolved.push(id.to_string());
        let conflict_rev = read_conflict_revision(store, id, q);
        return Ok(match entry {
            Some(e) if !e.deleted && e.revision > conflict_rev => Some(PullKind::Conflict),
            _ => None,
        });
    }
    // The hash first: the rest of what a push sends (statistics, referral
    // summaries) is made only for a session that is pushed.
    let shared = local::shared_text(&session, q);
    let hash = local::hash(&shared);
    let changed = state.hash.as_deref() != Some(hash.as_str());
    if let Some(e) = entry
        && e.deleted
    {
        if state.revision == 0 {
            // Never synced: the deletion was of another session that had
            // this id (a file imported again). Not ours to delete.
            report.skipped.push((id.to_string(), Skip::IdDeleted));
            return Ok(None);
        }
        if changed && state.revision < e.revision {
            report.skipped.push((id.to_string(), Skip::DeletedThere));
        }
        delete_here(store, id)?;
        report.deleted_here.push(id.to_string());
        return Ok(None);
    }
    let unprojected = entry.is_some_and(|e| !e.projected && e.revision == state.revision);
    if !changed && !unprojected {
        return Ok(match entry {
            Some(e) if e.revision > state.revision => Some(PullKind::Update),
            // Synced before, but the server has no such session any more
            // (or this role may not read it): left alone.
            _ => None,
        });
    }
    // Changed here, or unchanged but pushed before the store kept referral
    // rows (the server then finds the same text and only writes those).
    let out = local::outgoing_with(&session, q, shared);
    let outcome = pg.push(&Push {
        id,
        base: state.revision,
        out: &out,
    })?;
    match outcome {
        PushOutcome::Stored(rev) | PushOutcome::Same(rev) => {
            if changed || rev != state.revision {
                local::set_sync_state(&mut session, rev, &out.hash);
                local::write_as_is(store, &session, q)?;
                report.pushed.push(id.to_string());
            }
        }
        PushOutcome::Conflict { revision, body, .. } => {
            write_conflict(store, q, id, revision, &body)?;
            report.conflicts.push(id.to_string());
        }
        PushOutcome::Deleted(_) if state.revision == 0 => {
            report.skipped.push((id.to_string(), Skip::IdDeleted));
        }
        PushOutcome::Deleted(_) => {
            report.skipped.push((id.to_string(), Skip::DeletedThere));
            delete_here(store, id)?;
            report.deleted_here.push(id.to_string());
        }
        PushOutcome::Forbidden => report.skipped.push((id.to_string(), Skip::Forbidden)),
    }
    Ok(None)
}

fn read_conflict_revision(store: &Store, id: &str, q: &Questionnaire) -> i64 {
    read_conflict(store, id, q)
        .ok()
        .and_then(|s| {
            s.answers
                .meta
                .get(KEY_CONFLICT_REVISION)
                .and_then(toml::Value::as_integer)
        })
        .unwrap_or(0)
}

/// The server's version of a session in conflict.
pub fn read_conflict(store: &Store, id: &str, q: &Questionnaire) -> Result<Session, SyncError> {
    let path = local::conflict_path(store, id)?;
    let (name, text) = crate::diag::read_data_file(
        &path,
        answers::MAX_ANSWERS_BYTES,
        crate::diag::FileKind::Answers,
        crate::diag::Links::NoFollow,
    )?;
    session_from_text(id, &name, &text, q)
}

/// Records that a copy is the server's `revision`, with the hash of its
/// shared text as rendered here (so that it counts as unchanged here even
/// when this laptop writes it slightly differently).
pub(crate) fn mark_synced(s: &mut Session, revision: i64, q: &Questionnaire) {
    let h = local::hash(&local::shared_text(s, q));
    local::set_sync_state(s, revision, &h);
}

/// Writes the server's version next to the local one.
fn write_conflict(
    store: &Store,
    q: &Questionnaire,
    id: &str,
    revision: i64,
    body: &str,
) -> Result<(), SyncError> {
    let mut s = session_from_text(id, &format!("{id} (server)"), body, q)?;
    mark_synced(&mut s, revision, q);
    s.answers
        .meta
        .insert(KEY_CONFLICT_REVISION.into(), toml::Value::Integer(revision));
    Ok(local::write_text(
        &local::conflict_path(store, id)?,
        &s.to_toml(q),
    )?)
}

/// Deletes the local copy of a session deleted on the server (no
/// tombstone: the server knows).
fn delete_here(store: &Store, id: &str) -> Result<(), SyncError> {
    let conflict = local::conflict_path(store, id)?;
    let _ = std::fs::remove_file(conflict);
    for f in store.files_of(id)? {
        match std::fs::remove_file(&f) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(err) => {
                return Err(SyncError::Local(StoreError::Io {
                    action: "cannot delete",
                    path: crate::text::display_path(&f),
                    err,
                }));
            }
        }
    }
    atomic::sync_dir(&store.sessions_dir());
    Ok(())
}

#[allow(clippy::too_many_arguments)]
fn apply_pull(
    store: &Store,
    q: &Questionnaire,
    id: &str,
    kind: PullKind,
    revision: i64,
    hash: &str,
    body: &str,
    report: &mut SyncReport,
) -> Result<(), SyncError> {
    let _lock = match lock_for_sync(store, id) {
        Ok(l) => l,
        Err(StoreError::Locked { .. }) => {
            report.skipped.push((id.to_string(), Skip::Open));
            return Ok(());
        }
        Err(e) => return Err(e.into()),
    };
    let mut server = match session_from_text(id, &format!("{id} (server)"), body, q) {
        Ok(s) => s,
        Err(e) => {
            report.skipped.push((
                id.to_string(),
                Skip::Unreadable(crate::text::sanitize_line(&e.to_string())),
            ));
            return Ok(());
        }
    };
    match kind {
        PullKind::Conflict => {
            let _ = hash;
            write_conflict(store, q, id, revision, body)?;
        }
        PullKind::New => {
            if store.exists(id)? {
                // Appeared here meanwhile: the next sync sorts it out.
                return Ok(());
            }
            mark_synced(&mut server, revision, q);
            local::write_as_is(store, &server, q)?;
            report.new_here.push(id.to_string());
        }
        PullKind::Update => {
            // Re-check under the lock: changed here since the scan?
            let (mine, _) = store.load(id, q)?;
            let state = local::sync_state(&mine);
            let now = local::hash(&local::shared_text(&mine, q));
            if state.hash.as_deref() != Some(now.as_str()) || state.revision >= revision {
                return Ok(());
            }
            server.answers.private_notes = mine.answers.private_notes;
            mark_synced(&mut server, revision, q);
            local::write_as_is(store, &server, q)?;
            report.pulled.push(id.to_string());
        }
    }
    Ok(())
}
