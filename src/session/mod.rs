//! The session store: one TOML file per assessment in `<data>/sessions/`
//! (docs/ANSWERS.md, with `[meta]`), written atomically; one editor per session
//! (an OS lock on `<id>.lock`); files that cannot be read are moved to
//! `<data>/quarantine/` with the reason next to them; questionnaire drift is
//! reported, never lost; self-assessments are imported and follow-up visits
//! compared with the last one.
//!
//! [`model`] holds the session and its answers, [`meta`] the `[meta]`
//! table, [`store`] the folder (save, load, quarantine, import, delete),
//! [`drift`] what changed in the questionnaire since a save, [`listing`]
//! `sessions list`, [`compare`] follow-up visits, [`referral`] what became
//! of the referrals sent.

pub mod atomic;
pub mod compare;
pub mod drift;
mod error;
mod exchange;
pub(crate) mod listing;
pub mod lock;
pub mod meta;
pub mod model;
pub mod referral;
pub mod store;
pub mod writer;

pub use compare::{Comparison, Direction, compare};
pub use drift::DriftReport;
pub use exchange::{Imported, answered_in_order, referral_requests};
pub use listing::{Listing, Problem, QuarantinedFile, Summary};
pub use lock::{Holder, SessionLock};
pub use meta::{Meta, ORIGIN_FOLLOW_UP, ORIGIN_SELF_ASSESSMENT, ORIGIN_WEB};
pub use model::{
    Attendee, ConsentRecord, HistoryEntry, MAX_CONSENT_LOG, MAX_HISTORY, Session, SessionMode,
    consent_log,
};
pub use referral::{Outcome, Referral, ReferralError};
pub use store::{
    Deleted, LoadedSession, Store, StoreError, StoreNotice, default_data_dir, new_id, valid_id,
};
