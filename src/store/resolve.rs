//! `sessions resolve ID`: the advisor decides, per answer or as a whole,
//! between the local version of a session in conflict and the server's
//! (`<id>.conflict.toml`). The result is based on the server's revision, so
//! the next sync stores it without a new conflict; private notes are always
//! the local ones.

use std::collections::BTreeMap;

use crate::questionnaire::Questionnaire;
use crate::session::{Session, Store};

use super::SyncError;

use super::local::{self, KEY_CONFLICT_REVISION};
use super::sync::read_conflict;

/// A side of a conflict.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Local,
    Server,
}

impl Side {
    pub fn parse(s: &str) -> Option<Side> {
        match s {
            "local" | "lokal" | "l" => Some(Side::Local),
            "server" | "s" => Some(Side::Server),
            _ => None,
        }
    }
}

/// One answer that differs between the two versions.
#[derive(Debug, Clone, PartialEq)]
pub struct Difference {
    pub question: String,
    /// The answer as TOML (absent: not answered on that side).
    pub local: Option<toml::Value>,
    pub server: Option<toml::Value>,
}

/// A session in conflict: both versions and what differs.
#[derive(Debug, Clone)]
pub struct Conflict {
    pub local: Session,
    pub server: Session,
    /// The server's revision the resolution is based on.
    pub server_revision: i64,
    /// Answers that differ, in questionnaire order.
    pub answers: Vec<Difference>,
    /// The company, attendees, consents or shared notes differ.
    pub other: bool,
}

/// The advisor's choices.
#[derive(Debug, Clone, Default)]
pub struct Choices {
    /// For everything not named in `answers`.
    pub take: Option<Side>,
    /// Per question.
    pub answers: BTreeMap<String, Side>,
}

/// Reads a session in conflict ([`SyncError::NoConflict`] when there is none).
pub fn conflict(store: &Store, id: &str, q: &Questionnaire) -> Result<Conflict, SyncError> {
    if !local::has_conflict(store, id) {
        return Err(SyncError::NoConflict(id.to_string()));
    }
    let (local, _) = store.load(id, q)?;
    let server = read_conflict(store, id, q)?;
    let server_revision = server
        .answers
        .meta
        .get(KEY_CONFLICT_REVISION)
        .and_then(toml::Value::as_integer)
        .unwrap_or_else(|| local::sync_state(&server).revision);
    let mut ids: Vec<&String> = local
        .answers
        .answers
        .keys()
        .chain(server.answers.answers.keys())
        .collect();
    ids.sort_by_key(|id| (q.question(id).unwrap_or(usize::MAX), (*id).clone()));
    ids.dedup();
    let answers = ids
        .into_iter()
        .filter_map(|qid| {
            let l = local.answers.answers.get(qid);
            let s = server.answers.answers.get(qid);
            (l != s).then(|| Difference {
                question: qid.clone(),
                local: l.map(crate::answers::Answer::to_toml),
                server: s.map(crate::answers::Answer::to_toml),
            })
        })
        .collect();
    let other = local.answers.company != server.answers.company
        || local.answers.consent != server.answers.consent
        || local.answers.notes != server.answers.notes
        || local.meta.attendees != server.meta.attendees;
    Ok(Conflict {
        local,
        server,
        server_revision,
        answers,
        other,
    })
}

/// What is still undecided for these choices: question ids, and `"*"` for
/// the company, attendees, consents and notes.
pub fn undecided(c: &Conflict, choices: &Choices) -> Vec<String> {
    if choices.take.is_some() {
        return Vec::new();
    }
    let mut out: Vec<String> = c
        .answers
        .iter()
        .filter(|d| !choices.answers.contains_key(&d.question))
        .map(|d| d.question.clone())
        .collect();
    if c.other {
        out.push("*".into());
    }
    out
}

/// The merged session for these choices (not saved).
pub fn merge(c: &Conflict, choices: &Choices, q: &Questionnaire) -> Result<Session, SyncError> {
    let open = undecided(c, choices);
    if !open.is_empty() {
        return Err(SyncError::Undecided {
            id: c.local.meta.id.clone(),
            open,
        });
    }
    if let Some(unknown) = choices
        .answers
        .keys()
        .find(|k| !c.answers.iter().any(|d| &d.question == *k))
    {
        return Err(SyncError::NotADifference(crate::text::sanitize_line(
            unknown,
        )));
    }
    let take = choices.take.unwrap_or(Side::Local);
    let mut out = match take {
        Side::Local => c.local.clone(),
        Side::Server => {
            let mut s = c.server.clone();
            s.answers.private_notes = c.local.answers.private_notes.clone();
            s
        }
    };
    for d in &c.answers {
        let side = choices.answers.get(&d.question).copied().unwrap_or(take);
        let from = match side {
            Side::Local => &c.local,
            Side::Server => &c.server,
        };
        match from.answers.answers.get(&d.question) {
            Some(a) => {
                out.answers.answers.insert(d.question.clone(), a.clone());
            }
            None => {
                out.answers.answers.remove(&d.question);
            }
        }
    }
    // Based on the server's revision: the next sync stores it cleanly.
    out.answers.meta.remove(KEY_CONFLICT_REVISION);
    let server_hash = local::hash(&local::shared_text(&c.server, q));
    local::set_sync_state(&mut out, c.server_revision, &server_hash);
    if local::hash(&local::shared_text(&out, q)) != server_hash {
        out.meta.updated = crate::time::now_rfc3339();
    }
    Ok(out)
}

/// Resolves a conflict: writes the merged session (atomically, under its
/// lock) and removes the conflict file. Returns the merged session.
pub fn resolve(
    store: &Store,
    id: &str,
    q: &Questionnaire,
    choices: &Choices,
) -> Result<Session, SyncError> {
    let _lock = store.lock(id)?;
    let c = conflict(store, id, q)?;
    let merged = merge(&c, choices, q)?;
    local::write_as_is(store, &merged, q)?;
    let path = local::conflict_path(store, id)?;
    std::fs::remove_file(&path).map_err(|err| {
        SyncError::Local(crate::session::StoreError::Io {
            action: "cannot remove",
            path: crate::text::display_path(&path),
            err,
        })
    })?;
    crate::session::atomic::sync_dir(&store.sessions_dir());
    Ok(merged)
}
