//! Sessions that come from somewhere else: a company's self-assessment
//! imported as the start of the advisor's visit ([`Store::import`], the one
//! way in for the command line and the wizard alike), and a follow-up visit
//! to the company of an earlier session ([`Store::follow_up`]).

use std::path::Path;

use crate::answers::{self, AnswersFile, MAX_ANSWERS_BYTES, Mode};
use crate::diag::{Diagnostic, FileKind, Links, read_data_file};
use crate::questionnaire::Questionnaire;

use super::store::{StoreError, new_id, valid_id};
use super::{Meta, ORIGIN_FOLLOW_UP, ORIGIN_SELF_ASSESSMENT, Session, SessionMode, Store};

/// The questions a company answered in its own file, in questionnaire
/// order (`meta.self_answers`).
pub fn answered_in_order(q: &Questionnaire, answers: &AnswersFile) -> Vec<String> {
    let mut ids: Vec<&String> = answers.answers.keys().collect();
    ids.sort_by_key(|k| q.question(k));
    ids.into_iter().cloned().collect()
}

/// The actors a company ticked in its own file (`[consent]`), in
/// questionnaire order: requests for a referral (`meta.requested_referrals`),
/// never the advisor's consent.
pub fn referral_requests(q: &Questionnaire, answers: &AnswersFile) -> Vec<String> {
    q.actors
        .iter()
        .filter(|a| answers.consent.get(&a.id) == Some(&true))
        .map(|a| a.id.clone())
        .collect()
}

/// A session imported by [`Store::import`].
#[derive(Debug, Clone)]
pub struct Imported {
    pub session: Session,
    pub warnings: Vec<Diagnostic>,
    /// The rendered warnings (file:line:col).
    pub warnings_text: String,
}

impl Store {
    /// `[meta]` of a stored session, read without side effects (a file that
    /// cannot be read is not moved to quarantine here).
    fn peek_meta(&self, id: &str, q: &Questionnaire, needle: &str) -> Option<Meta> {
        let path = self.path_of(id).ok()?;
        let (name, text) =
            read_data_file(&path, MAX_ANSWERS_BYTES, FileKind::Answers, Links::NoFollow).ok()?;
        if !text.contains(needle) {
            return None;
        }
        let parsed = answers::parse(&name, &text, q, Mode::Lenient).ok()?;
        Some(Meta::from_table(&parsed.answers.meta, id))
    }

    /// The session that already holds an import of the file whose id is
    /// `file_id`: one that records it as `imported_id`, or has that id and
    /// came from a self-assessment.
    fn imported_as(&self, file_id: &str, q: &Questionnaire) -> Result<Option<String>, StoreError> {
        for id in self.ids()? {
            let Some(meta) = self.peek_meta(&id, q, file_id) else {
                continue;
            };
            let same_file = meta.imported_id.as_deref() == Some(file_id)
                || (id == file_id && meta.origin.as_deref() == Some(ORIGIN_SELF_ASSESSMENT));
            if same_file {
                return Ok(Some(id));
            }
        }
        Ok(None)
    }

    /// Imports a self-assessment (or any answers file) as the starting
    /// point of an advisor's visit: the one import for the command line
    /// and the wizard. The file is checked strictly (file:line:col errors).
    ///
    /// - The file is known by its `[meta] id` (or, without one, by its
    ///   content): a file imported before is refused
    ///   ([`StoreError::AlreadyImported`]); a session of the same id that
    ///   is not the company's own self-assessment on this machine is never
    ///   replaced ([`StoreError::Exists`]). `as_new` imports it anyway,
    ///   under a new id.
    /// - The company's answers are listed in `meta.self_answers`, the time
    ///   in `meta.imported_at`, `meta.origin = "self-assessment"`.
    /// - The company's `[consent]` is not the advisor's: it becomes
    ///   `meta.requested_referrals` (with `requested_at`, `requested_by`),
    ///   which the advisor confirms with the company's representative
    ///   ([`Session::record_consent`]). The company's consent log is not
    ///   kept.
    pub fn import(
        &self,
        path: &Path,
        q: &Questionnaire,
        as_new: bool,
    ) -> Result<Imported, StoreError> {
        let parsed = answers::load_file(path, q, Mode::Strict)?;
        let warnings_text = parsed.source.render_all(&parsed.warnings);
        let file_id = parsed
            .answers
            .meta
            .get("id")
            .and_then(|v| v.as_str())
            .filter(|id| valid_id(id))
            .map(String::from)
            .unwrap_or_else(|| {
                let h = crate::questionnaire::content_hash(&parsed.source.text);
                format!("import-{}", &h[..h.len().min(12)])
            });
        let mut id_free = !self.exists(&file_id)?;
        if !as_new {
            if let Some(session) = self.imported_as(&file_id, q)? {
                return Err(StoreError::AlreadyImported { session });
            }
            if !id_free {
                // The company's own self-assessment on this machine (same
                // data folder): imported beside it, under a new id.
                let own = self
                    .peek_meta(&file_id, q, "")
                    .is_some_and(|m| m.mode == SessionMode::SelfAssessment);
                if !own {
                    return Err(StoreError::Exists(file_id));
                }
            }
        } else {
            id_free = false;
        }
        let id = if id_free {
            file_id.clone()
        } else {
            loop {
                let id = new_id();
                if !self.exists(&id)? {
                    break id;
                }
            }
        };
        let old = Meta::from_table(&parsed.answers.meta, &id);
        let mut answers = parsed.answers;
        let now = self.now();
        let self_answers = answered_in_order(q, &answers);
        let requested = referral_requests(q, &answers);
        let log = super::consent_log(&answers.meta);
        let asked = log
            .iter()
            .filter(|r| r.given && requested.contains(&r.actor))
            .max_by(|a, b| a.at.cmp(&b.at));
        let requested_at = asked
            .map(|r| r.at.clone())
            .filter(|at| !at.is_empty())
            .or_else(|| Some(old.updated.clone()).filter(|u| !u.is_empty()))
            .filter(|_| !requested.is_empty());
        let requested_by = asked
            .and_then(|r| r.given_by.clone())
            .or_else(|| answers.company.contact.as_ref()?.name.clone())
            .map(|n| crate::text::sanitize_line(n.trim()))
            .filter(|n| !n.is_empty() && !requested.is_empty());
        answers.consent.clear();
        answers.meta.remove("consent_log");
        // The company's own timestamps are kept for reference.
        if !old.created.is_empty() {
            answers
                .meta
                .insert("self_created".into(), old.created.clone().into());
        }
        let meta = Meta {
            id,
            created: now.clone(),
            updated: now.clone(),
            mode: SessionMode::Advisor,
            attendees: Vec::new(),
            questionnaire_id: q.id.clone(),
            questionnaire_version: q.version.clone(),
            questionnaire_hash: q.hash.clone(),
            current: None,
            history: old.history,
            origin: Some(ORIGIN_SELF_ASSESSMENT.into()),
            imported_from: path.file_name().map(|n| n.to_string_lossy().into_owned()),
            imported_at: Some(now),
            imported_id: Some(file_id),
            self_answers,
            previous: old.previous,
            requested_referrals: requested,
            requested_at,
            requested_by,
        };
        let mut session = Session { answers, meta };
        self.save_new(&mut session, q)?;
        Ok(Imported {
            session,
            warnings: parsed.warnings,
            warnings_text,
        })
    }

    /// A follow-up visit to the company of an earlier session: the company
    /// and its contact person are copied; attendees (who is present is
    /// asked anew) and answers start empty (so that every answer is given
    /// anew and the comparison with the last visit is true), and
    /// `meta.previous` names the earlier session. Not saved yet.
    pub fn follow_up(&self, previous_id: &str, q: &Questionnaire) -> Result<Session, StoreError> {
        let prev = self.load_full(previous_id, q)?;
        let mut s = self.create(q, SessionMode::Advisor);
        s.answers.company = prev.session.answers.company;
        s.meta.previous = Some(previous_id.to_string());
        s.meta.origin = Some(ORIGIN_FOLLOW_UP.into());
        Ok(s)
    }

    /// Creates and saves a follow-up visit (see [`Store::follow_up`]).
    pub fn create_follow_up(
        &self,
        previous_id: &str,
        q: &Questionnaire,
    ) -> Result<Session, StoreError> {
        let mut s = self.follow_up(previous_id, q)?;
        self.save_new(&mut s, q)?;
        Ok(s)
    }
}
