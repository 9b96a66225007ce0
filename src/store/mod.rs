//! Where sessions live: one interface ([`SessionStore`]) over the data
//! directory on this laptop ([`crate::session::Store`], the embedded
//! default and the offline working copy) and a shared PostgreSQL store
//! ([`PgStore`]) for a region's advisors; and [`sync`] between the two.
//!
//! - [`conn`]: the store's URL, TLS (rustls), passwords (`PGPASSWORD`,
//!   `~/.pgpass`), a printable URL without the password;
//! - [`schema`]: versioned migrations, roles and row-level security;
//! - [`pg`]: the statements (push, remove, index, fetch, statistics);
//! - [`local`]: what a session sends, its sync keys, conflict files,
//!   tombstones;
//! - [`sync`]: `behovsanalys sync`; [`resolve`]: `sessions resolve`;
//! - [`backend`]: the [`SessionStore`] trait and its two implementations.
//!
//! The client is synchronous (`postgres`, a blocking facade over
//! tokio-postgres): the command line and the wizard are synchronous; a web
//! server can use tokio-postgres with the same SQL.

pub mod backend;
pub mod conn;
pub mod local;
pub mod lookup;
pub mod pg;
pub mod resolve;
pub mod schema;
pub mod sync;

pub use backend::{Lease, SessionStore};
pub use conn::{SslMode, StoreConfig, redact};
pub use pg::{ActorReferral, Mark, PgStore, PushOutcome};
pub use resolve::{Choices, Conflict, Side};
pub use sync::{Skip, SyncReport, sync};

/// The environment variable that names the shared store.
pub const STORE_ENV: &str = "BEHOVSANALYS_STORE";

/// What can go wrong with the shared store. Messages name the store by its
/// URL with the password hidden, never the password.
#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    #[error("{why} (store {url})")]
    BadUrl { url: String, why: String },
    #[error(
        "cannot reach the store at {url}: {why}\nyour sessions are safe on this computer; run `behovsanalys sync` again when the store can be reached"
    )]
    Unreachable { url: String, why: String },
    #[error("cannot set up TLS for {url}: {why}")]
    Tls { url: String, why: String },
    #[error("cannot {what} in the store at {url}: {why}")]
    Db {
        what: &'static str,
        url: String,
        why: String,
    },
    #[error(
        "the store at {url} has schema version {server}, newer than this behovsanalys knows ({binary}); update behovsanalys"
    )]
    SchemaTooNew {
        url: String,
        server: i32,
        binary: i32,
    },
    #[error(
        "the store at {url} is not set up for behovsanalys ({why}); the database owner runs `behovsanalys --store URL store init` once"
    )]
    NotInitialised { url: String, why: String },
    #[error(
        "the store at {url} gives you the role `{kind}`, which does not sync sessions: {}",
        role_instead(kind)
    )]
    NotForRole { url: String, kind: String },
    #[error("a member is one of advisor, coordinator, actor, national")]
    UnknownKind,
    #[error("give --region for every kind but national")]
    RegionNeeded,
    #[error("give --actor for (and only for) an actor's advisor")]
    ActorNeeded,
    #[error("there is no database role `{0}`; create it first (createuser or CREATE ROLE … LOGIN)")]
    NoSuchRole(String),
    #[error("`{0}` is not an answer that differs between the two versions")]
    NotADifference(String),
    #[error(
        "session `{id}` was changed in the store meanwhile (revision {revision}); the change was kept as a conflict"
    )]
    ChangedMeanwhile { id: String, revision: i64 },
    #[error("session `{0}` exists in the store and you may not change it")]
    NotYours(String),
    #[error("{0}")]
    Usage(String),
    #[error("session `{0}` has no conflict to resolve")]
    NoConflict(String),
    #[error(
        "session `{id}` is in conflict and these differ: {}; choose with --take local|server or --answer QUESTION=local|server (\"*\" is the company, attendees, consents and notes)",
        .open.join(", ")
    )]
    Undecided { id: String, open: Vec<String> },
    #[error(transparent)]
    Local(crate::session::StoreError),
}

/// What a role that does not sync sessions may do instead.
fn role_instead(kind: &str) -> &'static str {
    crate::i18n::store::role_instead(crate::i18n::Lang::En, kind)
}

impl From<crate::session::StoreError> for SyncError {
    fn from(e: crate::session::StoreError) -> Self {
        SyncError::Local(e)
    }
}

impl From<crate::diag::FileError> for SyncError {
    fn from(e: crate::diag::FileError) -> Self {
        SyncError::Local(crate::session::StoreError::File(e))
    }
}
