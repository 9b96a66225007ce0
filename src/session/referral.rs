//! A referral's life after it was sent: `[[meta.referral]]` in a session.
//!
//! A record is created (`sent_at`) when a referral is exported with the
//! company's consent (`behovsanalys export --actor`, the wizard's export);
//! exporting again does not add another. The actor reaching the company is
//! `contacted_at`; how it ended is `outcome` (`helped`, `not_relevant`,
//! `declined`, `no_answer`) with `outcome_at` and an optional short `note`.
//! Times are RFC 3339 in UTC in the file; people give them as RFC 3339 or as
//! Swedish local time (`2026-11-25 14:30`, Europe/Stockholm).
//!
//! Records live in the session's raw `[meta]` table, so keys this version
//! does not know (in the table or in a record) are kept when it is saved.

use jiff::Timestamp;
use jiff::civil::DateTime;

use super::{Session, Store, StoreError};
use crate::answers::MAX_ANSWERS_BYTES;
use crate::diag::{FileKind, Links, read_data_file};
use crate::questionnaire::Questionnaire;
use crate::time;

/// The `[meta]` key of the records.
pub const KEY: &str = "referral";
/// Longest note, in characters.
pub const MAX_NOTE_CHARS: usize = 280;
/// Most records kept in one session (one per actor is the rule; a file
/// edited by hand could hold more).
pub const MAX_RECORDS: usize = 200;

/// How a referral ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Outcome {
    /// The actor helped the company.
    Helped,
    /// The actor found it was not for them.
    NotRelevant,
    /// The company declined.
    Declined,
    /// The actor could not reach the company.
    NoAnswer,
}

impl Outcome {
    pub const ALL: [Outcome; 4] = [
        Outcome::Helped,
        Outcome::NotRelevant,
        Outcome::Declined,
        Outcome::NoAnswer,
    ];

    /// The word in files and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Helped => "helped",
            Outcome::NotRelevant => "not_relevant",
            Outcome::Declined => "declined",
            Outcome::NoAnswer => "no_answer",
        }
    }

    pub fn parse(s: &str) -> Option<Outcome> {
        Outcome::ALL.into_iter().find(|o| o.as_str() == s)
    }

    /// Position in [`Outcome::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }
}

/// One `[[meta.referral]]` record, as read (times in seconds since the
/// Unix epoch).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Referral {
    pub actor: String,
    pub sent_at: i64,
    pub contacted_at: Option<i64>,
    pub outcome: Option<Outcome>,
    pub outcome_at: Option<i64>,
    pub note: Option<String>,
}

impl Referral {
    /// Still waiting for an outcome.
    pub fn is_open(&self) -> bool {
        self.outcome.is_none()
    }

    /// Seconds from sent to contacted.
    pub fn time_to_contact(&self) -> Option<i64> {
        self.contacted_at.map(|c| c - self.sent_at)
    }
}

/// Why a referral cannot be marked so.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReferralError {
    /// No referral to this actor was sent from the session.
    #[error(
        "no referral to `{0}` was sent from this session (it is recorded when the referral is exported with the company's consent)"
    )]
    NotSent(String),
    #[error("the contact ({at}) cannot be before the referral was sent ({sent})")]
    ContactBeforeSent { sent: String, at: String },
    #[error("the outcome ({at}) cannot be before the referral was sent ({sent})")]
    OutcomeBeforeSent { sent: String, at: String },
    #[error("the outcome ({at}) cannot be before the contact ({contacted})")]
    OutcomeBeforeContact { contacted: String, at: String },
    #[error("the contact ({at}) cannot be after the outcome ({outcome_at})")]
    ContactAfterOutcome { outcome_at: String, at: String },
    #[error("the note is {len} characters; at most {max}")]
    NoteTooLong { len: usize, max: usize },
}

/// Why a text is not a time.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TimeError {
    /// Neither RFC 3339 nor `YYYY-MM-DD HH:MM`.
    #[error("`{0}` is not a time; write YYYY-MM-DD HH:MM (Swedish time) or RFC 3339")]
    Format(String),
    /// A Swedish local time that happens twice (the night summer time ends)
    /// or never (the night it begins).
    #[error(
        "`{0}` is ambiguous or does not exist in Swedish time (a change to or from summer time); write it in RFC 3339 with its offset"
    )]
    Ambiguous(String),
}

/// Reads a time given by a person: RFC 3339 with an offset
/// (`2026-11-25T14:30:00+01:00`, `…Z`), or Swedish local time
/// `YYYY-MM-DD HH:MM` (seconds and a `T` allowed), in Europe/Stockholm.
/// Seconds since the Unix epoch.
pub fn parse_time(s: &str) -> Result<i64, TimeError> {
    let t = s.trim();
    if let Ok(ts) = t.parse::<Timestamp>() {
        return Ok(ts.as_second());
    }
    let shown = || crate::text::sanitize_line(s);
    let local = [
        "%Y-%m-%d %H:%M",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%dT%H:%M:%S",
    ]
    .iter()
    .find_map(|f| DateTime::strptime(f, t).ok())
    .ok_or_else(|| TimeError::Format(shown()))?;
    let zoned = time::stockholm()
        .to_ambiguous_timestamp(local)
        .unambiguous()
        .map_err(|_| TimeError::Ambiguous(shown()))?;
    Ok(zoned.as_second())
}

/// An epoch time as kept in files (RFC 3339, UTC).
pub fn stamp(secs: i64) -> String {
    time::rfc3339(secs)
}

/// An epoch time as people read it: `2026-11-25 14:30`, Swedish time.
pub fn shown(secs: i64) -> String {
    time::local_time(&stamp(secs))
}

fn secs(t: &toml::Table, k: &str) -> Option<i64> {
    let v = t.get(k)?;
    if let Some(s) = v.as_str() {
        return s.parse::<Timestamp>().ok().map(|t| t.as_second());
    }
    // A TOML offset date-time written by hand (`sent_at = 2026-11-25T10:00:00Z`).
    v.as_datetime()
        .and_then(|d| d.to_string().parse::<Timestamp>().ok())
        .map(|t| t.as_second())
}

impl Referral {
    /// Reads a record; one without an actor or a readable `sent_at` is
    /// skipped, as is an `outcome` this version does not know (the record
    /// then counts as open).
    fn from_value(v: &toml::Value) -> Option<Referral> {
        let t = v.as_table()?;
        let actor = t.get("actor")?.as_str()?.trim();
        if actor.is_empty() {
            return None;
        }
        let outcome = t
            .get("outcome")
            .and_then(|v| v.as_str())
            .and_then(Outcome::parse);
        Some(Referral {
            actor: actor.to_string(),
            sent_at: secs(t, "sent_at")?,
            contacted_at: secs(t, "contacted_at"),
            outcome,
            outcome_at: outcome.and(secs(t, "outcome_at")),
            note: t
                .get("note")
                .and_then(|v| v.as_str())
                .map(crate::text::sanitize_line)
                .filter(|n| !n.trim().is_empty()),
        })
    }
}

/// The referral records of a `[meta]` table, in file order (records that
/// cannot be read are skipped; see [`Referral::from_value`]).
pub fn referrals(meta: &toml::Table) -> Vec<Referral> {
    meta.get(KEY)
        .and_then(|v| v.as_array())
        .map(|a| a.iter().filter_map(Referral::from_value).collect())
        .unwrap_or_default()
}

/// Cleans a note: one line, no control characters, trimmed; `None` when
/// empty; too long is an error.
pub fn clean_note(note: &str) -> Result<Option<String>, ReferralError> {
    let n = crate::text::sanitize_line(note).trim().to_string();
    let len = n.chars().count();
    if len > MAX_NOTE_CHARS {
        return Err(ReferralError::NoteTooLong {
            len,
            max: MAX_NOTE_CHARS,
        });
    }
    Ok(Some(n).filter(|n| !n.is_empty()))
}

impl Session {
    /// The referral records, in file order.
    pub fn referrals(&self) -> Vec<Referral> {
        referrals(&self.answers.meta)
    }

    /// The referral to `actor`, if one was sent.
    pub fn referral(&self, actor: &str) -> Option<Referral> {
        self.referrals().into_iter().find(|r| r.actor == actor)
    }

    fn records_mut(&mut self) -> Option<&mut Vec<toml::Value>> {
        let v = self
            .answers
            .meta
            .entry(KEY)
            .or_insert_with(|| toml::Value::Array(Vec::new()));
        if !v.is_array() {
            *v = toml::Value::Array(Vec::new());
        }
        v.as_array_mut()
    }

    /// The raw record of `actor` that [`referrals`] reads (the first).
    fn record_mut(&mut self, actor: &str) -> Option<&mut toml::Table> {
        self.records_mut()?.iter_mut().find_map(|v| {
            let ok = Referral::from_value(v).is_some_and(|r| r.actor == actor);
            if ok { v.as_table_mut() } else { None }
        })
    }

    /// Records that the referral to `actor` was sent at `at` (epoch
    /// seconds), unless one was recorded already: exporting again does not
    /// add a second. True when a record was added.
    pub fn record_sent(&mut self, actor: &str, at: i64) -> bool {
        if self.referral(actor).is_some() {
            return false;
        }
        let Some(records) = self.records_mut() else {
            return false;
        };
        if records.len() >= MAX_RECORDS {
            return false;
        }
        let mut t = toml::Table::new();
        t.insert("actor".into(), actor.into());
        t.insert("sent_at".into(), stamp(at).into());
        records.push(toml::Value::Table(t));
        true
    }

    /// Records that the actor reached the company at `at`. Refused before
    /// the referral was sent or after its outcome; a contact recorded
    /// before is corrected.
    pub fn mark_contacted(&mut self, actor: &str, at: i64) -> Result<(), ReferralError> {
        let r = self
            .referral(actor)
            .ok_or_else(|| ReferralError::NotSent(actor.to_string()))?;
        if at < r.sent_at {
            return Err(ReferralError::ContactBeforeSent {
                sent: shown(r.sent_at),
                at: shown(at),
            });
        }
        if let Some(o) = r.outcome_at.filter(|o| at > *o) {
            return Err(ReferralError::ContactAfterOutcome {
                outcome_at: shown(o),
                at: shown(at),
            });
        }
        if let Some(t) = self.record_mut(actor) {
            t.insert("contacted_at".into(), stamp(at).into());
        }
        Ok(())
    }

    /// Records how the referral ended, at `at`, with an optional short note
    /// (cleaned to one line, at most [`MAX_NOTE_CHARS`]). Refused before the
    /// referral was sent or before the recorded contact; an outcome
    /// recorded before is corrected.
    pub fn mark_outcome(
        &mut self,
        actor: &str,
        outcome: Outcome,
        at: i64,
        note: Option<&str>,
    ) -> Result<(), ReferralError> {
        let r = self
            .referral(actor)
            .ok_or_else(|| ReferralError::NotSent(actor.to_string()))?;
        if at < r.sent_at {
            return Err(ReferralError::OutcomeBeforeSent {
                sent: shown(r.sent_at),
                at: shown(at),
            });
        }
        if let Some(c) = r.contacted_at.filter(|c| at < *c) {
            return Err(ReferralError::OutcomeBeforeContact {
                contacted: shown(c),
                at: shown(at),
            });
        }
        let note = match note {
            Some(n) => clean_note(n)?,
            None => None,
        };
        if let Some(t) = self.record_mut(actor) {
            t.insert("outcome".into(), outcome.as_str().into());
            t.insert("outcome_at".into(), stamp(at).into());
            if let Some(n) = note {
                t.insert("note".into(), n.into());
            }
        }
        Ok(())
    }
}

/// A referral with the session it was sent from.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub session: String,
    pub company: Option<String>,
    pub referral: Referral,
}

/// Every referral of a data directory ([`Store::referral_rows`]).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Rows {
    /// Oldest sent first.
    pub rows: Vec<Row>,
    /// Session files that could not be read (skipped, never moved).
    pub unreadable: usize,
}

impl Rows {
    /// Adds the referrals of one session's text (read like the report
    /// reads it); false when it is not a session of `q`.
    pub fn add_text(&mut self, id: &str, text: &str, q: &Questionnaire) -> bool {
        match crate::answers::parse_lean(text, q) {
            Ok(file) => {
                let company = file
                    .company
                    .name
                    .as_deref()
                    .map(crate::text::sanitize_line)
                    .filter(|n| !n.trim().is_empty());
                for r in referrals(&file.meta) {
                    self.rows.push(Row {
                        session: id.to_string(),
                        company: company.clone(),
                        referral: r,
                    });
                }
                true
            }
            Err(_) => {
                self.unreadable += 1;
                false
            }
        }
    }

    /// Sorts the rows: oldest sent first, then by session and actor.
    pub fn sort(&mut self) {
        self.rows.sort_by(|a, b| {
            (a.referral.sent_at, &a.session, &a.referral.actor).cmp(&(
                b.referral.sent_at,
                &b.session,
                &b.referral.actor,
            ))
        });
    }
}

impl Store {
    /// Every referral recorded in the sessions of this data directory.
    /// Read only: a file that cannot be read is counted and skipped, never
    /// moved to quarantine.
    pub fn referral_rows(&self, q: &Questionnaire) -> Result<Rows, StoreError> {
        let mut out = Rows::default();
        for id in self.ids()? {
            let path = self.path_of(&id)?;
            match read_data_file(&path, MAX_ANSWERS_BYTES, FileKind::Answers, Links::NoFollow) {
                Ok((_, text)) => {
                    out.add_text(&id, &text, q);
                }
                Err(_) => out.unreadable += 1,
            }
        }
        out.sort();
        Ok(out)
    }

    /// Marks the referral to `actor` of session `id` through `change`,
    /// under the session's lock (refused while a wizard has it open), and
    /// saves it. Gives the session as saved.
    pub fn mark_referral(
        &self,
        id: &str,
        q: &Questionnaire,
        change: impl FnOnce(&mut Session) -> Result<(), ReferralError>,
    ) -> Result<Result<Session, ReferralError>, StoreError> {
        let path = self.path_of(id)?;
        if std::fs::symlink_metadata(&path).is_err() {
            return Err(StoreError::NotFound(id.to_string()));
        }
        let _lock = self.lock(id)?;
        let (mut s, _) = self.load(id, q)?;
        if let Err(e) = change(&mut s) {
            return Ok(Err(e));
        }
        self.save(&mut s, q)?;
        Ok(Ok(s))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::AnswersFile;
    use crate::session::Meta;

    fn session() -> Session {
        Session {
            answers: AnswersFile::default(),
            meta: Meta::default(),
        }
    }

    fn t(s: &str) -> i64 {
        parse_time(s).unwrap()
    }

    #[test]
    fn times_in_rfc3339_or_swedish_local_time() {
        assert_eq!(stamp(t("2026-11-25T10:42:00Z")), "2026-11-25T10:42:00Z");
        // Winter: UTC+1; summer: UTC+2.
        assert_eq!(stamp(t("2026-11-25 11:42")), "2026-11-25T10:42:00Z");
        assert_eq!(stamp(t("2026-07-01 12:42")), "2026-07-01T10:42:00Z");
        assert_eq!(stamp(t("2026-07-01T12:42:30")), "2026-07-01T10:42:30Z");
        assert_eq!(
            stamp(t("2026-07-01T12:42:00+02:00")),
            "2026-07-01T10:42:00Z"
        );
        for bad in [
            "2026-11-25junk",
            "25/11/2026 10:00",
            "2026-11-25",
            "2026-02-30 10:00",
            "",
        ] {
            assert!(
                matches!(parse_time(bad), Err(TimeError::Format(_))),
                "{bad}"
            );
        }
        // The night summer time begins (02:30 never happens) and ends
        // (02:30 happens twice).
        for odd in ["2026-03-29 02:30", "2026-10-25 02:30"] {
            assert!(
                matches!(parse_time(odd), Err(TimeError::Ambiguous(_))),
                "{odd}"
            );
        }
        assert_eq!(shown(t("2026-11-25T10:42:00Z")), "2026-11-25 11:42");
    }

    #[test]
    fn a_referral_lives_sent_contacted_outcome() {
        let mut s = session();
        let sent = t("2026-11-25 10:00");
        assert!(s.record_sent("een", sent));
        assert!(!s.record_sent("een", sent + 3600), "no duplicate");
        assert_eq!(s.referrals().len(), 1);
        assert_eq!(
            s.mark_contacted("almi", sent),
            Err(ReferralError::NotSent("almi".into()))
        );
        assert!(matches!(
            s.mark_contacted("een", sent - 60),
            Err(ReferralError::ContactBeforeSent { .. })
        ));
        s.mark_contacted("een", sent + 7200).unwrap();
        assert!(matches!(
            s.mark_outcome("een", Outcome::Helped, sent + 3600, None),
            Err(ReferralError::OutcomeBeforeContact { .. })
        ));
        assert!(matches!(
            s.mark_outcome("een", Outcome::Helped, sent + 86400, Some(&"x".repeat(281))),
            Err(ReferralError::NoteTooLong { len: 281, .. })
        ));
        s.mark_outcome(
            "een",
            Outcome::Helped,
            sent + 86400,
            Some("Lån\u{1b}[31m beviljat\n"),
        )
        .unwrap();
        assert!(matches!(
            s.mark_contacted("een", sent + 2 * 86400),
            Err(ReferralError::ContactAfterOutcome { .. })
        ));
        let r = s.referral("een").unwrap();
        assert_eq!(r.time_to_contact(), Some(7200));
        assert_eq!(r.outcome, Some(Outcome::Helped));
        assert!(!r.is_open());
        let note = r.note.unwrap();
        assert!(!note.contains('\u{1b}') && !note.contains('\n'), "{note:?}");
        // Unknown keys of a record are kept.
        if let Some(toml::Value::Array(a)) = s.answers.meta.get_mut(KEY)
            && let Some(t) = a[0].as_table_mut()
        {
            t.insert("crm_id".into(), "X-1".into());
        }
        s.mark_contacted("een", sent + 3600).unwrap();
        let a = s.answers.meta[KEY].as_array().unwrap();
        assert_eq!(a[0]["crm_id"].as_str(), Some("X-1"));
        assert_eq!(a[0]["contacted_at"].as_str(), Some("2026-11-25T10:00:00Z"));
    }

    #[test]
    fn records_that_cannot_be_read_are_skipped() {
        let meta: toml::Table = toml::from_str(
            r#"
[[referral]]
actor = "een"
sent_at = "2026-11-25T10:00:00Z"
outcome = "maybe"
outcome_at = "2026-11-26T10:00:00Z"
[[referral]]
actor = "almi"
sent_at = "igår"
[[referral]]
sent_at = "2026-11-25T10:00:00Z"
[[referral]]
actor = "ekn"
sent_at = 2026-11-25T10:00:00Z
contacted_at = "2026-11-25T12:00:00+01:00"
"#,
        )
        .unwrap();
        let r = referrals(&meta);
        assert_eq!(r.len(), 2);
        assert_eq!(r[0].outcome, None);
        assert_eq!(r[0].outcome_at, None);
        assert_eq!(r[1].actor, "ekn");
        assert_eq!(r[1].time_to_contact(), Some(3600));
    }
}
