//! The PostgreSQL side: connecting, migrating, and the few statements sync
//! and statistics need. Every write of a session is one call of a server
//! function (`behovsanalys.push` / `behovsanalys.remove`): one round trip,
//! one transaction.

use postgres::Client;

use super::SyncError;
use super::conn::StoreConfig;
use super::schema::{self, BOOTSTRAP, MIGRATIONS, SCHEMA};

/// A connection to the shared store, its schema checked.
pub struct PgStore {
    pub(crate) client: Client,
    pub(crate) url: String,
}

/// A database error in words (server message and detail; never the URL).
pub(crate) fn describe(e: &postgres::Error) -> String {
    if let Some(db) = e.as_db_error() {
        let mut s = db.message().to_string();
        // Every refusal for lack of rights says so in the same words (the
        // messages tell the user what to do about it).
        if *db.code() == postgres::error::SqlState::INSUFFICIENT_PRIVILEGE
            && !s.contains("permission denied")
        {
            s = format!("permission denied: {s}");
        }
        if let Some(d) = db.detail() {
            s.push_str(" (");
            s.push_str(d);
            s.push(')');
        }
        return s;
    }
    let mut s = e.to_string();
    let mut src = std::error::Error::source(e);
    while let Some(inner) = src {
        let t = inner.to_string();
        if !s.contains(&t) {
            s.push_str(": ");
            s.push_str(&t);
        }
        src = inner.source();
    }
    s
}

/// What a push did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PushOutcome {
    /// Stored as this revision.
    Stored(i64),
    /// The server had this content already (a push repeated after an
    /// interruption): its revision.
    Same(i64),
    /// The server moved on from our base: its revision, hash and body.
    Conflict {
        revision: i64,
        hash: String,
        body: String,
    },
    /// Deleted on the server.
    Deleted(i64),
    /// A session of this id exists but this role may not see it.
    Forbidden,
}

/// One session to push (what leaves the laptop): its id, the revision it
/// is based on, and what [`super::local::outgoing`] made of it.
#[derive(Debug, Clone)]
pub struct Push<'a> {
    pub id: &'a str,
    pub base: i64,
    pub out: &'a super::local::Outgoing,
}

/// A session as the server has it (without its body).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub id: String,
    pub revision: i64,
    pub deleted: bool,
    pub hash: Option<String>,
    /// Whether its referral rows were written (false: pushed before the
    /// store had them; the next sync writes them).
    pub projected: bool,
}

/// A referral as an actor's advisors read it (`behovsanalys.referrals`).
#[derive(Debug, Clone, PartialEq)]
pub struct ActorReferral {
    pub session: String,
    pub actor: String,
    /// The referral summary for the actor (JSON, as `export --actor`).
    pub document: String,
    /// Epoch seconds.
    pub sent_at: i64,
    pub contacted_at: Option<i64>,
    pub outcome: Option<String>,
    pub outcome_at: Option<i64>,
    pub note: Option<String>,
    /// A mark of the actor's that the session does not hold yet.
    pub pending: bool,
    /// When the actor marked it (epoch seconds).
    pub marked_at: Option<i64>,
}

const REFERRAL_COLUMNS: &str = "session_id, actor, document::text,
    extract(epoch FROM sent_at)::bigint, extract(epoch FROM contacted_at)::bigint,
    outcome, extract(epoch FROM outcome_at)::bigint, note, pending,
    extract(epoch FROM marked_at)::bigint";

fn referral_of(r: &postgres::Row) -> ActorReferral {
    ActorReferral {
        session: r.get(0),
        actor: r.get(1),
        document: r.get(2),
        sent_at: r.get(3),
        contacted_at: r.get(4),
        outcome: r.get(5),
        outcome_at: r.get(6),
        note: r.get(7),
        pending: r.get(8),
        marked_at: r.get(9),
    }
}

/// What an actor marks on its referral.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark<'a> {
    /// The actor reached the company at (epoch seconds).
    Contacted(i64),
    /// How it ended, when (epoch seconds), and an optional note.
    Outcome(crate::session::referral::Outcome, i64, Option<&'a str>),
}

/// What `store init` did.
#[derive(Debug, Clone, Default)]
pub struct Migrated {
    pub from: i32,
    pub to: i32,
}

/// A role's membership: kind, region (not for `national`), actor (for `actor`).
pub type Membership = (String, Option<String>, Option<String>);

/// Kinds of member (see the schema's table of roles).
pub const MEMBER_KINDS: [&str; 4] = ["advisor", "coordinator", "actor", "national"];

impl PgStore {
    /// Connects and checks the schema: applies missing migrations when this
    /// role may (first use), refuses a schema newer than this binary.
    pub fn open(cfg: &StoreConfig) -> Result<PgStore, SyncError> {
        let client = cfg.connect()?;
        let mut store = PgStore {
            client,
            url: cfg.shown().to_string(),
        };
        let version = store.schema_version()?;
        if version > schema::latest() {
            return Err(SyncError::SchemaTooNew {
                url: store.url.clone(),
                server: version,
                binary: schema::latest(),
            });
        }
        if version < schema::latest() {
            store.migrate().map_err(|e| match e {
                SyncError::Db { why, .. } => SyncError::NotInitialised {
                    url: store.url.clone(),
                    why,
                },
                other => other,
            })?;
        }
        Ok(store)
    }

    /// Connects without touching the schema.
    pub fn connect(cfg: &StoreConfig) -> Result<PgStore, SyncError> {
        Ok(PgStore {
            client: cfg.connect()?,
            url: cfg.shown().to_string(),
        })
    }

    pub(crate) fn db(&self, what: &'static str) -> impl Fn(postgres::Error) -> SyncError + '_ {
        move |e| SyncError::Db {
            what,
            url: self.url.clone(),
            why: describe(&e),
        }
    }

    /// The schema version on the server (0: none).
    pub fn schema_version(&mut self) -> Result<i32, SyncError> {
        let url = self.url.clone();
        let err = |e: postgres::Error| SyncError::Db {
            what: "read the schema version",
            url: url.clone(),
            why: describe(&e),
        };
        let exists: bool = self
            .client
            .query_one(
                "SELECT to_regclass('behovsanalys.schema_migrations') IS NOT NULL",
                &[],
            )
            .map_err(err)?
            .get(0);
        if !exists {
            return Ok(0);
        }
        let v: Option<i32> = self
            .client
            .query_one(
                "SELECT max(version) FROM behovsanalys.schema_migrations",
                &[],
            )
            .map_err(err)?
            .get(0);
        Ok(v.unwrap_or(0))
    }

    /// Applies the migrations the server lacks, each in one transaction
    /// (serialised between concurrent callers by an advisory lock).
    pub fn migrate(&mut self) -> Result<Migrated, SyncError> {
        let url = self.url.clone();
        let err = |what: &'static str| {
            let url = url.clone();
            move |e: postgres::Error| SyncError::Db {
                what,
                url: url.clone(),
                why: describe(&e),
            }
        };
        let mut tx = self.client.transaction().map_err(err("migrate"))?;
        tx.execute(
            "SELECT pg_advisory_xact_lock(hashtext('behovsanalys migrations'))",
            &[],
        )
        .map_err(err("migrate"))?;
        tx.batch_execute(BOOTSTRAP)
            .map_err(err("create the schema"))?;
        let from: i32 = tx
            .query_one(
                "SELECT coalesce(max(version), 0) FROM behovsanalys.schema_migrations",
                &[],
            )
            .map_err(err("read the schema version"))?
            .get(0);
        if from > schema::latest() {
            return Err(SyncError::SchemaTooNew {
                url,
                server: from,
                binary: schema::latest(),
            });
        }
        for (version, name, sql) in MIGRATIONS.iter().filter(|m| m.0 > from) {
            tx.batch_execute(sql).map_err(err("apply a migration"))?;
            tx.execute(
                "INSERT INTO behovsanalys.schema_migrations (version, name) VALUES ($1, $2)",
                &[version, name],
            )
            .map_err(err("apply a migration"))?;
        }
        tx.commit().map_err(err("migrate"))?;
        Ok(Migrated {
            from,
            to: from.max(schema::latest()),
        })
    }

    /// Makes a login role a member: one of [`MEMBER_KINDS`], with its
    /// region (not for `national`) and actor (only for `actor`).
    pub fn grant(
        &mut self,
        role: &str,
        kind: &str,
        region: Option<&str>,
        actor: Option<&str>,
    ) -> Result<(), SyncError> {
        if !MEMBER_KINDS.contains(&kind) {
            return Err(SyncError::UnknownKind);
        }
        if (kind == "national") != region.is_none() {
            return Err(SyncError::RegionNeeded);
        }
        if (kind == "actor") != actor.is_some() {
            return Err(SyncError::ActorNeeded);
        }
        let group = format!("{SCHEMA}_{kind}");
        let url = self.url.clone();
        let err = move |e: postgres::Error| SyncError::Db {
            what: "grant",
            url: url.clone(),
            why: describe(&e),
        };
        let mut tx = self.client.transaction().map_err(err.clone())?;
        let exists: bool = tx
            .query_one(
                "SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1)",
                &[&role],
            )
            .map_err(err.clone())?
            .get(0);
        if !exists {
            return Err(SyncError::NoSuchRole(crate::text::sanitize_line(role)));
        }
        for other in schema::ROLES.iter().filter(|r| **r != group) {
            let quoted: String = tx
                .query_one(
                    "SELECT format('REVOKE %I FROM %I', $1::text, $2::text)",
                    &[other, &role],
                )
                .map_err(err.clone())?
                .get(0);
            tx.batch_execute(&quoted).map_err(err.clone())?;
        }
        let quoted: String = tx
            .query_one(
                "SELECT format('GRANT %I TO %I', $1::text, $2::text)",
                &[&group, &role],
            )
            .map_err(err.clone())?
            .get(0);
        tx.batch_execute(&quoted).map_err(err.clone())?;
        tx.execute(
            "INSERT INTO behovsanalys.members (role, kind, region, actor) VALUES ($1, $2, $3, $4)
             ON CONFLICT (role) DO UPDATE SET kind = $2, region = $3, actor = $4",
            &[&role, &kind, &region, &actor],
        )
        .map_err(err.clone())?;
        tx.commit().map_err(err)?;
        Ok(())
    }

    /// This role's membership: (kind, region, actor).
    pub fn whoami(&mut self) -> Result<Option<Membership>, SyncError> {
        let rows = self
            .client
            .query(
                "SELECT kind, region, actor FROM behovsanalys.members WHERE role = current_user",
                &[],
            )
            .map_err(self.db("read the membership"))?;
        Ok(rows.first().map(|r| (r.get(0), r.get(1), r.get(2))))
    }

    /// Pushes one session (see [`PushOutcome`]).
    pub fn push(&mut self, p: &Push<'_>) -> Result<PushOutcome, SyncError> {
        let url = self.url.clone();
        let row = self
            .client
            .query_one(
                "SELECT outcome, rev, hash, server_body
                 FROM behovsanalys.push($1, $2, $3, $4, $5, $6, $7, $8, $9)",
                &[
                    &p.id,
                    &p.base,
                    &p.out.hash,
                    &p.out.body,
                    &p.out.stats,
                    &p.out.org_number,
                    &p.out.municipality,
                    &p.out.consent,
                    &p.out.referrals,
                ],
            )
            .map_err(|e| SyncError::Db {
                what: "push a session",
                url,
                why: describe(&e),
            })?;
        let outcome: String = row.get(0);
        let rev: i64 = row.get(1);
        Ok(match outcome.as_str() {
            "stored" => PushOutcome::Stored(rev),
            "same" => PushOutcome::Same(rev),
            "deleted" => PushOutcome::Deleted(rev),
            "conflict" => PushOutcome::Conflict {
                revision: rev,
                hash: row.get::<_, Option<String>>(2).unwrap_or_default(),
                body: row.get::<_, Option<String>>(3).unwrap_or_default(),
            },
            _ => PushOutcome::Forbidden,
        })
    }

    /// Deletes a session on the server (a tombstone stays). True when
    /// there was something to delete.
    pub fn remove(&mut self, id: &str) -> Result<bool, SyncError> {
        let row = self
            .client
            .query_one("SELECT outcome FROM behovsanalys.remove($1)", &[&id])
            .map_err(self.db("delete a session"))?;
        let outcome: String = row.get(0);
        Ok(outcome == "deleted")
    }

    /// Every session this role may read: id, revision, tombstone, hash.
    pub fn index(&mut self) -> Result<Vec<Entry>, SyncError> {
        let rows = self
            .client
            .query(
                "SELECT id, revision, deleted, content_hash, projected FROM behovsanalys.sessions",
                &[],
            )
            .map_err(self.db("list the sessions"))?;
        Ok(rows
            .iter()
            .map(|r| Entry {
                id: r.get(0),
                revision: r.get(1),
                deleted: r.get(2),
                hash: r.get(3),
                projected: r.get(4),
            })
            .collect())
    }

    /// The bodies of these sessions: (id, revision, hash, body); sessions
    /// deleted or not readable meanwhile are left out.
    pub fn fetch(
        &mut self,
        ids: &[String],
    ) -> Result<Vec<(String, i64, String, String)>, SyncError> {
        let rows = self
            .client
            .query(
                "SELECT id, revision, content_hash, body FROM behovsanalys.sessions
                 WHERE id = ANY ($1) AND NOT deleted",
                &[&ids],
            )
            .map_err(self.db("fetch sessions"))?;
        Ok(rows
            .iter()
            .map(|r| (r.get(0), r.get(1), r.get(2), r.get(3)))
            .collect())
    }

    /// The referrals this role may read: an actor's own (its region's,
    /// with the company's consent), a region's advisors' every one.
    /// Oldest sent first.
    pub fn referrals(&mut self) -> Result<Vec<ActorReferral>, SyncError> {
        let sql = format!(
            "SELECT {REFERRAL_COLUMNS} FROM behovsanalys.referrals ORDER BY sent_at, session_id, actor"
        );
        let rows = self
            .client
            .query(&sql, &[])
            .map_err(self.db("read the referrals"))?;
        Ok(rows.iter().map(referral_of).collect())
    }

    /// Marks made by actors that their sessions do not hold yet.
    pub fn pending_marks(&mut self) -> Result<Vec<ActorReferral>, SyncError> {
        let sql = format!(
            "SELECT {REFERRAL_COLUMNS} FROM behovsanalys.referrals WHERE pending
             ORDER BY session_id, actor"
        );
        let rows = self
            .client
            .query(&sql, &[])
            .map_err(self.db("read the referrals' marks"))?;
        Ok(rows.iter().map(referral_of).collect())
    }

    /// An actor marks its referral from session `session` (the database
    /// checks that it is this actor's, and the order of the times). False
    /// when there is no such referral for this role.
    pub fn mark_referral(&mut self, session: &str, mark: Mark<'_>) -> Result<bool, SyncError> {
        let n = match mark {
            Mark::Contacted(at) => self.client.execute(
                "UPDATE behovsanalys.referrals SET contacted_at = to_timestamp($2)
                 WHERE session_id = $1 AND actor = behovsanalys.actor_of(current_user)",
                &[&session, &(at as f64)],
            ),
            Mark::Outcome(o, at, note) => self.client.execute(
                "UPDATE behovsanalys.referrals
                 SET outcome = $2, outcome_at = to_timestamp($3), note = coalesce($4, note)
                 WHERE session_id = $1 AND actor = behovsanalys.actor_of(current_user)",
                &[&session, &o.as_str(), &(at as f64), &note],
            ),
        }
        .map_err(self.db("mark a referral"))?;
        Ok(n > 0)
    }

    /// Calls `f` with the id and statistics text of every live session this
    /// role may read (a national role: every region's, or `regions`),
    /// fetched through a cursor in batches (memory stays flat).
    pub fn for_each_stats(
        &mut self,
        regions: &[String],
        mut f: impl FnMut(&str, &str),
    ) -> Result<u64, SyncError> {
        const BATCH: i32 = 5_000;
        let url = self.url.clone();
        let err = move |e: postgres::Error| SyncError::Db {
            what: "read statistics",
            url: url.clone(),
            why: describe(&e),
        };
        let mut tx = self.client.transaction().map_err(err.clone())?;
        let all = regions.is_empty();
        let portal = tx
            .bind(
                "SELECT id, stats FROM behovsanalys.sessions
                 WHERE NOT deleted AND ($1 OR region = ANY ($2))",
                &[&all, &regions],
            )
            .map_err(err.clone())?;
        let mut n = 0;
        loop {
            let rows = tx.query_portal(&portal, BATCH).map_err(err.clone())?;
            for row in &rows {
                let id: &str = row.get(0);
                let text: Option<&str> = row.get(1);
                if let Some(t) = text {
                    f(id, t);
                    n += 1;
                }
            }
            if rows.len() < BATCH as usize {
                break;
            }
        }
        tx.commit().map_err(err)?;
        Ok(n)
    }
}
