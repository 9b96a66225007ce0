//! The laptop's side of sync: what a session sends (never its private
//! notes), how a copy knows whether it changed since the last sync
//! (`[meta] synced_revision` and `synced_hash`), the conflict file next to a
//! session, and tombstones of deleted sessions waiting to be sent.

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::answers::{AnswersFile, Company};
use crate::questionnaire::Questionnaire;
use crate::session::{Session, Store, StoreError, atomic, valid_id};

/// `[meta]` key: the server revision this copy is based on.
pub const KEY_REVISION: &str = "synced_revision";
/// `[meta]` key: the hash of the shared text at that revision.
pub const KEY_HASH: &str = "synced_hash";
/// `[meta]` key of a conflict file: the revision of the server's version.
pub const KEY_CONFLICT_REVISION: &str = "conflict_revision";

/// A session's sync state, from its `[meta]`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SyncState {
    /// 0: never synced.
    pub revision: i64,
    pub hash: Option<String>,
}

pub fn sync_state(s: &Session) -> SyncState {
    let m = &s.answers.meta;
    SyncState {
        revision: m
            .get(KEY_REVISION)
            .and_then(toml::Value::as_integer)
            .filter(|r| *r >= 0)
            .unwrap_or(0),
        hash: m
            .get(KEY_HASH)
            .and_then(toml::Value::as_str)
            .map(String::from),
    }
}

pub fn set_sync_state(s: &mut Session, revision: i64, hash: &str) {
    s.answers
        .meta
        .insert(KEY_REVISION.into(), toml::Value::Integer(revision));
    s.answers
        .meta
        .insert(KEY_HASH.into(), toml::Value::String(hash.to_string()));
}

/// The session as it is shared: the session file without private notes and
/// without the laptop's sync keys. Its hash tells whether a copy changed.
pub fn shared_text(s: &Session, q: &Questionnaire) -> String {
    let mut c = s.clone();
    c.answers.private_notes.clear();
    for k in [KEY_REVISION, KEY_HASH, KEY_CONFLICT_REVISION] {
        c.answers.meta.remove(k);
    }
    c.to_toml(q)
}

/// SHA-256 of a text, hex.
pub fn hash(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    let mut s = String::with_capacity(64);
    for b in digest {
        s.push_str(&format!("{b:02x}"));
    }
    s
}

/// What statistics read of a session, as an answers file: the company's
/// municipality, industry, size and organisation number (to link visits),
/// the answers, the consents, the `[meta]` keys the report reads and the
/// referral records without their notes. No names, contacts, attendees,
/// notes or history.
pub fn stats_text(s: &Session, q: &Questionnaire) -> String {
    let a = &s.answers;
    let mut meta = toml::Table::new();
    for k in crate::answers::META_KEYS_LEAN {
        let v = match *k {
            "updated" => Some(s.meta.updated.clone()),
            "created" => Some(s.meta.created.clone()),
            "mode" => Some(s.meta.mode.as_str().to_string()),
            "previous" => s.meta.previous.clone(),
            "origin" => s.meta.origin.clone(),
            "imported_id" => s.meta.imported_id.clone(),
            _ => a.meta.get(*k).and_then(|v| v.as_str()).map(String::from),
        };
        if let Some(v) = v.filter(|v| !v.is_empty()) {
            meta.insert((*k).to_string(), toml::Value::String(v));
        }
    }
    // The referral records (when sent, contacted, the outcome), without
    // their free-text notes.
    for k in crate::answers::META_ARRAYS_LEAN {
        if let Some(toml::Value::Array(records)) = a.meta.get(*k) {
            let records = records
                .iter()
                .map(|r| {
                    let mut r = r.clone();
                    if let Some(t) = r.as_table_mut() {
                        t.remove("note");
                    }
                    r
                })
                .collect();
            meta.insert((*k).to_string(), toml::Value::Array(records));
        }
    }
    AnswersFile {
        questionnaire: a.questionnaire.clone(),
        version: a.version.clone(),
        company: Company {
            name: None,
            org_number: a.company.org_number.clone(),
            municipality: a.company.municipality.clone(),
            sni: a.company.sni.clone(),
            employees: a.company.employees,
            ..Company::default()
        },
        answers: a.answers.clone(),
        consent: a.consent.clone(),
        notes: Default::default(),
        private_notes: Default::default(),
        meta,
        orphans: a.orphans.clone(),
        ..AnswersFile::default()
    }
    .to_toml(Some(q))
}

/// The last ten digits of an organisation number (a century prefix and
/// the dash dropped), for looking a company up.
pub fn org_key(org: &str) -> Option<String> {
    let digits: String = org.chars().filter(char::is_ascii_digit).collect();
    if digits.len() < 10 {
        return None;
    }
    Some(digits[digits.len() - 10..].to_string())
}

/// Actors the company consented to.
pub fn consents(s: &Session) -> Vec<String> {
    s.answers
        .consent
        .iter()
        .filter(|(_, v)| **v)
        .map(|(k, _)| k.clone())
        .collect()
}

/// `sessions/<id>.conflict.toml`: the server's version of a session in
/// conflict, next to the local one.
pub fn conflict_path(store: &Store, id: &str) -> Result<PathBuf, StoreError> {
    if !valid_id(id) {
        return Err(StoreError::BadId(id.to_string()));
    }
    Ok(store.sessions_dir().join(format!("{id}.conflict.toml")))
}

/// Whether a session has a conflict waiting to be resolved.
pub fn has_conflict(store: &Store, id: &str) -> bool {
    conflict_path(store, id).is_ok_and(|p| std::fs::symlink_metadata(p).is_ok())
}

/// `<data>/sync/`: present once this data directory has synced.
pub fn sync_dir(root: &Path) -> PathBuf {
    root.join("sync")
}

/// `<data>/sync/deleted/`: ids deleted here, to delete on the server.
pub fn tombstone_dir(root: &Path) -> PathBuf {
    sync_dir(root).join("deleted")
}

/// Records that a session was deleted here, when this data directory
/// syncs with a store (so the next sync deletes it there too).
pub fn record_tombstone(root: &Path, id: &str) -> std::io::Result<()> {
    if !sync_dir(root).is_dir() || !valid_id(id) {
        return Ok(());
    }
    let dir = tombstone_dir(root);
    atomic::create_private_dir(&dir)?;
    atomic::write(&dir.join(id), crate::time::now_rfc3339().as_bytes())
}

/// Ids waiting to be deleted on the server.
pub fn tombstones(root: &Path) -> Vec<String> {
    let Ok(rd) = std::fs::read_dir(tombstone_dir(root)) else {
        return Vec::new();
    };
    let mut ids: Vec<String> = rd
        .flatten()
        .filter_map(|e| e.file_name().to_str().map(String::from))
        .filter(|n| valid_id(n))
        .collect();
    ids.sort();
    ids
}

/// Writes a session file as it is (no new `updated` time), atomically.
pub fn write_as_is(store: &Store, s: &Session, q: &Questionnaire) -> Result<(), StoreError> {
    let path = store.path_of(&s.meta.id)?;
    write_text(&path, &s.to_toml(q))
}

/// Writes a file whole (temp file, fsync, rename); the folder is synced by
/// the caller at the end of a sync or resolve (see
/// [`atomic::write_no_dir_sync`]).
pub(crate) fn write_text(path: &Path, text: &str) -> Result<(), StoreError> {
    atomic::write_no_dir_sync(path, text.as_bytes()).map_err(|err| StoreError::Io {
        action: "cannot save",
        path: crate::text::display_path(path),
        err,
    })
}

/// Everything a push of a session sends, computed once from the session.
#[derive(Debug, Clone)]
pub struct Outgoing {
    /// The shared text ([`shared_text`]) and its hash.
    pub body: String,
    pub hash: String,
    pub stats: String,
    pub org_number: Option<String>,
    pub municipality: Option<String>,
    pub consent: Vec<String>,
    /// The referral rows, JSON ([`referral_rows`]).
    pub referrals: String,
}

/// What a push of `s` sends.
pub fn outgoing(s: &Session, q: &Questionnaire) -> Outgoing {
    outgoing_with(s, q, shared_text(s, q))
}

/// [`outgoing`] with the shared text already made (`body`).
pub fn outgoing_with(s: &Session, q: &Questionnaire, body: String) -> Outgoing {
    Outgoing {
        hash: hash(&body),
        body,
        stats: stats_text(s, q),
        org_number: s.answers.company.org_number.as_deref().and_then(org_key),
        municipality: s.answers.company.municipality.clone(),
        consent: consents(s),
        referrals: referral_rows(s, q),
    }
}

/// What an actor's advisors may read of a session: for each actor the
/// company consented to and a referral was sent to (`[[meta.referral]]`),
/// the referral summary for that actor — the document `export --actor ID
/// --format json` gives, dated the day it was sent, so only the questions
/// the questionnaire shares with that actor — and the referral's life
/// (sent, contacted, outcome, its note). A JSON array for the server's
/// `behovsanalys.referrals`; never the private notes (they are dropped
/// before the document is built).
pub fn referral_rows(s: &Session, q: &Questionnaire) -> String {
    let mut shared = s.answers.clone();
    shared.private_notes.clear();
    let lang = q.default_lang().to_string();
    let mut rows = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    for r in s.referrals() {
        if shared.consent.get(&r.actor) != Some(&true) || !seen.insert(r.actor.clone()) {
            continue;
        }
        let input = crate::export::Input {
            questionnaire: q,
            answers: &shared,
            meta: Some(&s.meta),
            lang: &lang,
        };
        let day = crate::time::rfc3339(r.sent_at);
        let opts = crate::export::Options {
            date: crate::time::local_time(&day).get(..10).map(String::from),
            follow_up: None,
        };
        let Ok(doc) =
            crate::export::referral_with(&input, &r.actor, crate::export::Format::Json, &opts)
        else {
            // An actor the questionnaire does not know: nothing to show it.
            continue;
        };
        let Ok(document) = serde_json::from_str::<serde_json::Value>(&doc) else {
            continue;
        };
        let t = crate::time::rfc3339;
        rows.push(serde_json::json!({
            "actor": r.actor,
            "sent_at": t(r.sent_at),
            "contacted_at": r.contacted_at.map(t),
            "outcome": r.outcome.map(|o| o.as_str()),
            "outcome_at": r.outcome_at.map(t),
            "note": r.note,
            "document": document,
        }));
    }
    serde_json::Value::Array(rows).to_string()
}
