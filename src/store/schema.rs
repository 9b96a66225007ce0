//! The database schema, as numbered migrations. Each is applied once, in
//! order, in one transaction with its row in `schema_migrations`; a server
//! whose schema is newer than this binary knows is refused with a clear
//! message instead of being written with the wrong assumptions.
//!
//! Who may read what is enforced here, by PostgreSQL (roles and row-level
//! security), not by the client:
//!
//! | group role | reads | writes |
//! |---|---|---|
//! | `behovsanalys_advisor` | the sessions of its region | sessions of its region |
//! | `behovsanalys_coordinator` | the sessions of its region | sessions of its region |
//! | `behovsanalys_actor` | no session: the `referrals` rows of its region for its actor (consent given, referral sent) | contact and outcome of those rows |
//! | `behovsanalys_national` | the statistics columns of every region (no names, notes or contacts) | nothing |
//!
//! The advisors and coordinator of a region also read and write its
//! `referrals` rows (a push writes them).
//!
//! A login role is a member of one group role and has one row in
//! `behovsanalys.members` (kind, region, actor). Private notes never reach
//! the server: the client strips them, and a check constraint refuses a
//! body that has any.

/// The schema this binary knows.
pub const SCHEMA: &str = "behovsanalys";

/// The group roles (cluster-wide; created once, shared by databases).
pub const ROLES: [&str; 4] = [
    "behovsanalys_advisor",
    "behovsanalys_coordinator",
    "behovsanalys_actor",
    "behovsanalys_national",
];

/// `(version, name, sql)` in order.
pub const MIGRATIONS: &[(i32, &str, &str)] = &[
    (1, "sessions, members, conflicts, row-level security", V1),
    (2, "referrals: what an actor reads, and marks", V2),
];

/// The newest schema version this binary knows.
pub fn latest() -> i32 {
    MIGRATIONS.last().map_or(0, |m| m.0)
}

/// Creates the migrations table (run before reading it).
pub const BOOTSTRAP: &str = r#"
CREATE SCHEMA IF NOT EXISTS behovsanalys;
CREATE TABLE IF NOT EXISTS behovsanalys.schema_migrations (
    version integer PRIMARY KEY,
    name text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
);
"#;

const V1: &str = r#"
DO $$
DECLARE r text;
BEGIN
    FOREACH r IN ARRAY ARRAY['behovsanalys_advisor', 'behovsanalys_coordinator',
                             'behovsanalys_actor', 'behovsanalys_national'] LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN
            BEGIN
                EXECUTE format('CREATE ROLE %I NOLOGIN', r);
            EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
            END;
        END IF;
    END LOOP;
END $$;

CREATE TABLE behovsanalys.members (
    role name PRIMARY KEY,
    kind text NOT NULL CHECK (kind IN ('advisor', 'coordinator', 'actor', 'national')),
    region text,
    actor text,
    CHECK ((kind = 'national') = (region IS NULL)),
    CHECK ((kind = 'actor') = (actor IS NOT NULL))
);

CREATE FUNCTION behovsanalys.region_of(r name) RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog
    AS $f$ SELECT region FROM behovsanalys.members WHERE role = r $f$;
CREATE FUNCTION behovsanalys.actor_of(r name) RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog
    AS $f$ SELECT actor FROM behovsanalys.members WHERE role = r $f$;
CREATE FUNCTION behovsanalys.kind_of(r name) RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog
    AS $f$ SELECT kind FROM behovsanalys.members WHERE role = r $f$;

CREATE TABLE behovsanalys.sessions (
    id text PRIMARY KEY CHECK (id ~ '^[A-Za-z0-9_-]{1,80}$'),
    region text NOT NULL,
    revision bigint NOT NULL CHECK (revision > 0),
    deleted boolean NOT NULL DEFAULT false,
    content_hash text,
    -- The session file (TOML) without private notes.
    body text,
    -- What statistics read: no names, contacts, notes or history.
    stats text,
    -- Digits only: "has anyone met this company?".
    org_number text,
    municipality text,
    -- Actors the company consented to (who of them may read the session).
    consent text[] NOT NULL DEFAULT '{}',
    owner name NOT NULL DEFAULT current_user,
    changed_by name NOT NULL DEFAULT current_user,
    changed_at timestamptz NOT NULL DEFAULT now(),
    CHECK (deleted = (body IS NULL)),
    CONSTRAINT no_private_notes CHECK (
        body IS NULL OR body !~ '(^|\n)[ \t]*(\[[ \t]*"?private_notes|"?private_notes"?[ \t]*[.=])'
    )
);
CREATE INDEX sessions_region ON behovsanalys.sessions (region);
CREATE INDEX sessions_org ON behovsanalys.sessions (org_number) WHERE org_number IS NOT NULL;

-- A push whose base was not the server's revision: kept, never dropped.
CREATE TABLE behovsanalys.conflicts (
    session_id text NOT NULL REFERENCES behovsanalys.sessions (id) ON DELETE CASCADE,
    content_hash text NOT NULL,
    base_revision bigint NOT NULL,
    server_revision bigint NOT NULL,
    body text NOT NULL,
    pushed_by name NOT NULL DEFAULT current_user,
    pushed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (session_id, content_hash),
    CONSTRAINT no_private_notes CHECK (
        body !~ '(^|\n)[ \t]*(\[[ \t]*"?private_notes|"?private_notes"?[ \t]*[.=])'
    )
);

ALTER TABLE behovsanalys.sessions ENABLE ROW LEVEL SECURITY;
ALTER TABLE behovsanalys.conflicts ENABLE ROW LEVEL SECURITY;
ALTER TABLE behovsanalys.members ENABLE ROW LEVEL SECURITY;

CREATE POLICY own_row ON behovsanalys.members FOR SELECT USING (role = current_user);

CREATE POLICY region_read ON behovsanalys.sessions FOR SELECT
    TO behovsanalys_advisor, behovsanalys_coordinator
    USING (region = behovsanalys.region_of(current_user));
CREATE POLICY region_write ON behovsanalys.sessions FOR UPDATE
    TO behovsanalys_advisor, behovsanalys_coordinator
    USING (region = behovsanalys.region_of(current_user))
    WITH CHECK (region = behovsanalys.region_of(current_user));
CREATE POLICY actor_read ON behovsanalys.sessions FOR SELECT
    TO behovsanalys_actor
    USING (region = behovsanalys.region_of(current_user)
           AND (owner = current_user OR behovsanalys.actor_of(current_user) = ANY (consent)));
CREATE POLICY actor_write ON behovsanalys.sessions FOR UPDATE
    TO behovsanalys_actor
    USING (region = behovsanalys.region_of(current_user)
           AND (owner = current_user OR behovsanalys.actor_of(current_user) = ANY (consent)))
    WITH CHECK (region = behovsanalys.region_of(current_user));
CREATE POLICY insert_own ON behovsanalys.sessions FOR INSERT
    TO behovsanalys_advisor, behovsanalys_coordinator, behovsanalys_actor
    WITH CHECK (region = behovsanalys.region_of(current_user) AND owner = current_user
                AND changed_by = current_user);
CREATE POLICY national_read ON behovsanalys.sessions FOR SELECT
    TO behovsanalys_national USING (true);

CREATE POLICY visible_session ON behovsanalys.conflicts FOR ALL
    TO behovsanalys_advisor, behovsanalys_coordinator, behovsanalys_actor
    USING (EXISTS (SELECT 1 FROM behovsanalys.sessions s WHERE s.id = session_id))
    WITH CHECK (EXISTS (SELECT 1 FROM behovsanalys.sessions s WHERE s.id = session_id)
                AND pushed_by = current_user);

-- One round trip, one transaction per session. Runs with the caller's
-- rights: row-level security applies.
CREATE FUNCTION behovsanalys.push(
    p_id text, p_base bigint, p_hash text, p_body text, p_stats text,
    p_org text, p_municipality text, p_consent text[])
RETURNS TABLE (outcome text, rev bigint, hash text, server_body text)
LANGUAGE plpgsql AS $f$
DECLARE
    cur record;
BEGIN
    FOR attempt IN 1..3 LOOP
        SELECT s.revision, s.deleted, s.content_hash, s.body INTO cur
            FROM behovsanalys.sessions s WHERE s.id = p_id FOR UPDATE;
        IF NOT FOUND THEN
            BEGIN
                INSERT INTO behovsanalys.sessions
                    (id, region, revision, content_hash, body, stats, org_number, municipality, consent)
                VALUES (p_id, behovsanalys.region_of(current_user), 1, p_hash, p_body, p_stats,
                        p_org, p_municipality, p_consent);
                RETURN QUERY SELECT 'stored'::text, 1::bigint, p_hash, NULL::text;
                RETURN;
            EXCEPTION WHEN unique_violation THEN
                -- Pushed by someone else meanwhile, or not ours to see.
                IF NOT EXISTS (SELECT 1 FROM behovsanalys.sessions s WHERE s.id = p_id) THEN
                    RETURN QUERY SELECT 'forbidden'::text, 0::bigint, NULL::text, NULL::text;
                    RETURN;
                END IF;
                CONTINUE;
            END;
        END IF;
        IF cur.deleted THEN
            RETURN QUERY SELECT 'deleted'::text, cur.revision, NULL::text, NULL::text;
            RETURN;
        END IF;
        IF cur.content_hash = p_hash THEN
            RETURN QUERY SELECT 'same'::text, cur.revision, cur.content_hash, NULL::text;
            RETURN;
        END IF;
        IF cur.revision <> p_base THEN
            INSERT INTO behovsanalys.conflicts
                (session_id, content_hash, base_revision, server_revision, body)
            VALUES (p_id, p_hash, p_base, cur.revision, p_body)
            ON CONFLICT (session_id, content_hash) DO NOTHING;
            RETURN QUERY SELECT 'conflict'::text, cur.revision, cur.content_hash, cur.body;
            RETURN;
        END IF;
        UPDATE behovsanalys.sessions s SET
            revision = cur.revision + 1, content_hash = p_hash, body = p_body, stats = p_stats,
            org_number = p_org, municipality = p_municipality, consent = p_consent,
            changed_by = current_user, changed_at = now()
        WHERE s.id = p_id;
        RETURN QUERY SELECT 'stored'::text, cur.revision + 1, p_hash, NULL::text;
        RETURN;
    END LOOP;
    RAISE EXCEPTION 'session % keeps changing; try again', p_id;
END $f$;

-- Erasure: the body goes, a tombstone stays (so that every laptop deletes
-- its copy too). Deleting wins over edits: it is a company's right.
CREATE FUNCTION behovsanalys.remove(p_id text)
RETURNS TABLE (outcome text, rev bigint)
LANGUAGE plpgsql AS $f$
DECLARE
    cur record;
BEGIN
    SELECT s.revision, s.deleted INTO cur
        FROM behovsanalys.sessions s WHERE s.id = p_id FOR UPDATE;
    IF NOT FOUND THEN
        RETURN QUERY SELECT 'absent'::text, 0::bigint;
        RETURN;
    END IF;
    IF cur.deleted THEN
        RETURN QUERY SELECT 'deleted'::text, cur.revision;
        RETURN;
    END IF;
    DELETE FROM behovsanalys.conflicts c WHERE c.session_id = p_id;
    UPDATE behovsanalys.sessions s SET
        revision = cur.revision + 1, deleted = true, content_hash = NULL, body = NULL,
        stats = NULL, org_number = NULL, municipality = NULL, consent = '{}',
        changed_by = current_user, changed_at = now()
    WHERE s.id = p_id;
    RETURN QUERY SELECT 'deleted'::text, cur.revision + 1;
END $f$;

REVOKE ALL ON ALL TABLES IN SCHEMA behovsanalys FROM PUBLIC;
REVOKE ALL ON FUNCTION behovsanalys.push(text, bigint, text, text, text, text, text, text[]) FROM PUBLIC;
REVOKE ALL ON FUNCTION behovsanalys.remove(text) FROM PUBLIC;
REVOKE ALL ON FUNCTION behovsanalys.region_of(name), behovsanalys.actor_of(name),
    behovsanalys.kind_of(name) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION behovsanalys.region_of(name), behovsanalys.actor_of(name),
    behovsanalys.kind_of(name) TO behovsanalys_advisor, behovsanalys_coordinator,
    behovsanalys_actor, behovsanalys_national;
GRANT USAGE ON SCHEMA behovsanalys TO behovsanalys_advisor, behovsanalys_coordinator,
    behovsanalys_actor, behovsanalys_national;
GRANT SELECT ON behovsanalys.schema_migrations, behovsanalys.members TO behovsanalys_advisor,
    behovsanalys_coordinator, behovsanalys_actor, behovsanalys_national;
GRANT SELECT, INSERT, UPDATE ON behovsanalys.sessions TO behovsanalys_advisor,
    behovsanalys_coordinator, behovsanalys_actor;
GRANT SELECT, INSERT, DELETE ON behovsanalys.conflicts TO behovsanalys_advisor,
    behovsanalys_coordinator, behovsanalys_actor;
GRANT SELECT (id, region, revision, deleted, stats, municipality) ON behovsanalys.sessions
    TO behovsanalys_national;
GRANT EXECUTE ON FUNCTION behovsanalys.push(text, bigint, text, text, text, text, text, text[]),
    behovsanalys.remove(text) TO behovsanalys_advisor, behovsanalys_coordinator, behovsanalys_actor;
"#;

/// An actor's advisors read their referrals, not sessions: one row per
/// session and actor the company consented to and a referral was sent to,
/// holding the referral summary for that actor (what `export --actor`
/// gives it) and the referral's life (sent, contacted, outcome). Actors
/// lose every right on `sessions` and `conflicts`; they may mark contact
/// and outcome on their own rows, which sync brings back into the session.
const V2: &str = r#"
CREATE TABLE behovsanalys.referrals (
    session_id text NOT NULL REFERENCES behovsanalys.sessions (id) ON DELETE CASCADE,
    actor text NOT NULL,
    region text NOT NULL,
    -- The referral summary for this actor (JSON, as `export --actor --format json`).
    document jsonb NOT NULL,
    sent_at timestamptz NOT NULL,
    contacted_at timestamptz,
    outcome text CHECK (outcome IN ('helped', 'not_relevant', 'declined', 'no_answer')),
    outcome_at timestamptz,
    note text CHECK (char_length(note) <= 280),
    -- A mark made by the actor that the session does not hold yet.
    pending boolean NOT NULL DEFAULT false,
    marked_by name,
    marked_at timestamptz,
    pushed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (session_id, actor)
);
-- Whether the referral rows of a session were written (sessions pushed
-- before this version get theirs at their next sync).
ALTER TABLE behovsanalys.sessions ADD COLUMN projected boolean NOT NULL DEFAULT false;

CREATE INDEX referrals_actor ON behovsanalys.referrals (region, actor);
CREATE INDEX referrals_pending ON behovsanalys.referrals (region) WHERE pending;
ALTER TABLE behovsanalys.referrals ENABLE ROW LEVEL SECURITY;

-- Projections are written by push, for the session's region.
CREATE POLICY region_referrals ON behovsanalys.referrals FOR ALL
    TO behovsanalys_advisor, behovsanalys_coordinator
    USING (region = behovsanalys.region_of(current_user))
    WITH CHECK (region = behovsanalys.region_of(current_user));
-- An actor reads, and marks, its own referrals in its region.
CREATE POLICY own_referrals ON behovsanalys.referrals FOR SELECT
    TO behovsanalys_actor
    USING (actor = behovsanalys.actor_of(current_user)
           AND region = behovsanalys.region_of(current_user));
CREATE POLICY mark_own_referrals ON behovsanalys.referrals FOR UPDATE
    TO behovsanalys_actor
    USING (actor = behovsanalys.actor_of(current_user)
           AND region = behovsanalys.region_of(current_user))
    WITH CHECK (actor = behovsanalys.actor_of(current_user)
                AND region = behovsanalys.region_of(current_user));

-- An actor's mark: whole seconds (as in session files), checked in time
-- order, and pending until a push of the session carries it.
CREATE FUNCTION behovsanalys.referral_marked() RETURNS trigger
LANGUAGE plpgsql AS $f$
BEGIN
    IF behovsanalys.kind_of(current_user) IS DISTINCT FROM 'actor' THEN
        RETURN NEW;
    END IF;
    NEW.contacted_at := date_trunc('second', NEW.contacted_at);
    NEW.outcome_at := date_trunc('second', NEW.outcome_at);
    IF NEW.outcome IS NOT NULL AND NEW.outcome_at IS NULL THEN
        NEW.outcome_at := date_trunc('second', now());
    END IF;
    IF NEW.outcome IS NULL THEN
        NEW.outcome_at := NULL;
    END IF;
    NEW.note := nullif(btrim(NEW.note), '');
    IF NEW.note ~ '[[:cntrl:]]' THEN
        RAISE EXCEPTION 'a referral note is one line without control characters';
    END IF;
    IF NEW.contacted_at < NEW.sent_at THEN
        RAISE EXCEPTION 'the contact cannot be before the referral was sent (%)', NEW.sent_at;
    END IF;
    IF NEW.outcome_at < NEW.sent_at THEN
        RAISE EXCEPTION 'the outcome cannot be before the referral was sent (%)', NEW.sent_at;
    END IF;
    IF NEW.outcome_at < NEW.contacted_at THEN
        RAISE EXCEPTION 'the outcome cannot be before the contact (%)', NEW.contacted_at;
    END IF;
    NEW.pending := true;
    NEW.marked_by := current_user;
    NEW.marked_at := now();
    RETURN NEW;
END $f$;
CREATE TRIGGER referral_marked BEFORE UPDATE ON behovsanalys.referrals
    FOR EACH ROW EXECUTE FUNCTION behovsanalys.referral_marked();

-- Writes the referral rows of a session from what its push carried:
-- `[{actor, sent_at, contacted_at, outcome, outcome_at, note, document}]`,
-- only for actors in `p_consent`. An actor's pending mark wins over the
-- session's until a push carries it (then it is no longer pending).
CREATE FUNCTION behovsanalys.project(p_id text, p_region text, p_referrals text, p_consent text[])
RETURNS void
LANGUAGE plpgsql AS $f$
BEGIN
    DELETE FROM behovsanalys.referrals r
        WHERE r.session_id = p_id
          AND NOT EXISTS (
              SELECT 1 FROM jsonb_array_elements(coalesce(p_referrals, '[]')::jsonb) x
              WHERE x->>'actor' = r.actor AND x->>'actor' = ANY (p_consent)
                AND x->>'sent_at' IS NOT NULL);
    INSERT INTO behovsanalys.referrals AS r
        (session_id, actor, region, document, sent_at, contacted_at, outcome, outcome_at, note)
        SELECT DISTINCT ON (x->>'actor') p_id, x->>'actor', p_region, x->'document',
               (x->>'sent_at')::timestamptz, (x->>'contacted_at')::timestamptz, x->>'outcome',
               (x->>'outcome_at')::timestamptz, x->>'note'
        FROM jsonb_array_elements(coalesce(p_referrals, '[]')::jsonb) x
        WHERE x->>'actor' = ANY (p_consent) AND x->>'sent_at' IS NOT NULL
    ON CONFLICT (session_id, actor) DO UPDATE SET
        region = EXCLUDED.region,
        document = EXCLUDED.document,
        sent_at = EXCLUDED.sent_at,
        contacted_at = CASE WHEN r.pending THEN coalesce(r.contacted_at, EXCLUDED.contacted_at)
                            ELSE EXCLUDED.contacted_at END,
        outcome = CASE WHEN r.pending THEN coalesce(r.outcome, EXCLUDED.outcome)
                       ELSE EXCLUDED.outcome END,
        outcome_at = CASE WHEN r.pending THEN coalesce(r.outcome_at, EXCLUDED.outcome_at)
                          ELSE EXCLUDED.outcome_at END,
        note = CASE WHEN r.pending THEN coalesce(r.note, EXCLUDED.note) ELSE EXCLUDED.note END,
        pending = r.pending AND (r.contacted_at IS DISTINCT FROM EXCLUDED.contacted_at
                                 OR r.outcome IS DISTINCT FROM EXCLUDED.outcome
                                 OR r.outcome_at IS DISTINCT FROM EXCLUDED.outcome_at),
        pushed_at = now();
    UPDATE behovsanalys.sessions s SET projected = true WHERE s.id = p_id AND NOT s.projected;
END $f$;

DROP FUNCTION behovsanalys.push(text, bigint, text, text, text, text, text, text[]);
CREATE FUNCTION behovsanalys.push(
    p_id text, p_base bigint, p_hash text, p_body text, p_stats text,
    p_org text, p_municipality text, p_consent text[], p_referrals text)
RETURNS TABLE (outcome text, rev bigint, hash text, server_body text)
LANGUAGE plpgsql AS $f$
DECLARE
    cur record;
BEGIN
    FOR attempt IN 1..3 LOOP
        SELECT s.revision, s.deleted, s.content_hash, s.body, s.region INTO cur
            FROM behovsanalys.sessions s WHERE s.id = p_id FOR UPDATE;
        IF NOT FOUND THEN
            BEGIN
                INSERT INTO behovsanalys.sessions
                    (id, region, revision, content_hash, body, stats, org_number, municipality,
                     consent, projected)
                VALUES (p_id, behovsanalys.region_of(current_user), 1, p_hash, p_body, p_stats,
                        p_org, p_municipality, p_consent, true);
                PERFORM behovsanalys.project(p_id, behovsanalys.region_of(current_user),
                                             p_referrals, p_consent);
                RETURN QUERY SELECT 'stored'::text, 1::bigint, p_hash, NULL::text;
                RETURN;
            EXCEPTION WHEN unique_violation THEN
                -- Pushed by someone else meanwhile, or not ours to see.
                IF NOT EXISTS (SELECT 1 FROM behovsanalys.sessions s WHERE s.id = p_id) THEN
                    RETURN QUERY SELECT 'forbidden'::text, 0::bigint, NULL::text, NULL::text;
                    RETURN;
                END IF;
                CONTINUE;
            END;
        END IF;
        IF cur.deleted THEN
            RETURN QUERY SELECT 'deleted'::text, cur.revision, NULL::text, NULL::text;
            RETURN;
        END IF;
        IF cur.content_hash = p_hash THEN
            -- The same text: its referral rows are the same too (written
            -- again, so that a session pushed before they existed gets them).
            PERFORM behovsanalys.project(p_id, cur.region, p_referrals, p_consent);
            RETURN QUERY SELECT 'same'::text, cur.revision, cur.content_hash, NULL::text;
            RETURN;
        END IF;
        IF cur.revision <> p_base THEN
            INSERT INTO behovsanalys.conflicts
                (session_id, content_hash, base_revision, server_revision, body)
            VALUES (p_id, p_hash, p_base, cur.revision, p_body)
            ON CONFLICT (session_id, content_hash) DO NOTHING;
            RETURN QUERY SELECT 'conflict'::text, cur.revision, cur.content_hash, cur.body;
            RETURN;
        END IF;
        UPDATE behovsanalys.sessions s SET
            revision = cur.revision + 1, content_hash = p_hash, body = p_body, stats = p_stats,
            org_number = p_org, municipality = p_municipality, consent = p_consent,
            projected = true, changed_by = current_user, changed_at = now()
        WHERE s.id = p_id;
        PERFORM behovsanalys.project(p_id, cur.region, p_referrals, p_consent);
        -- A version this role stored on top of the server's side of its
        -- conflicts resolves them: they are no longer kept.
        DELETE FROM behovsanalys.conflicts c
            WHERE c.session_id = p_id AND c.pushed_by = current_user
              AND c.server_revision <= p_base;
        RETURN QUERY SELECT 'stored'::text, cur.revision + 1, p_hash, NULL::text;
        RETURN;
    END LOOP;
    RAISE EXCEPTION 'session % keeps changing; try again', p_id;
END $f$;

-- Erasure takes the referral rows with it.
CREATE OR REPLACE FUNCTION behovsanalys.remove(p_id text)
RETURNS TABLE (outcome text, rev bigint)
LANGUAGE plpgsql AS $f$
DECLARE
    cur record;
BEGIN
    SELECT s.revision, s.deleted INTO cur
        FROM behovsanalys.sessions s WHERE s.id = p_id FOR UPDATE;
    IF NOT FOUND THEN
        RETURN QUERY SELECT 'absent'::text, 0::bigint;
        RETURN;
    END IF;
    IF cur.deleted THEN
        RETURN QUERY SELECT 'deleted'::text, cur.revision;
        RETURN;
    END IF;
    DELETE FROM behovsanalys.conflicts c WHERE c.session_id = p_id;
    DELETE FROM behovsanalys.referrals r WHERE r.session_id = p_id;
    UPDATE behovsanalys.sessions s SET
        revision = cur.revision + 1, deleted = true, content_hash = NULL, body = NULL,
        stats = NULL, org_number = NULL, municipality = NULL, consent = '{}',
        projected = true, changed_by = current_user, changed_at = now()
    WHERE s.id = p_id;
    RETURN QUERY SELECT 'deleted'::text, cur.revision + 1;
END $f$;

-- Actors read referrals, never sessions.
DROP POLICY actor_read ON behovsanalys.sessions;
DROP POLICY actor_write ON behovsanalys.sessions;
ALTER POLICY insert_own ON behovsanalys.sessions
    TO behovsanalys_advisor, behovsanalys_coordinator;
ALTER POLICY visible_session ON behovsanalys.conflicts
    TO behovsanalys_advisor, behovsanalys_coordinator;
REVOKE ALL ON behovsanalys.sessions, behovsanalys.conflicts FROM behovsanalys_actor;
REVOKE ALL ON FUNCTION behovsanalys.remove(text) FROM behovsanalys_actor;

REVOKE ALL ON behovsanalys.referrals FROM PUBLIC;
REVOKE ALL ON FUNCTION behovsanalys.push(text, bigint, text, text, text, text, text, text[], text),
    behovsanalys.project(text, text, text, text[]), behovsanalys.referral_marked() FROM PUBLIC;
GRANT SELECT, INSERT, UPDATE, DELETE ON behovsanalys.referrals
    TO behovsanalys_advisor, behovsanalys_coordinator;
GRANT SELECT ON behovsanalys.referrals TO behovsanalys_actor;
GRANT UPDATE (contacted_at, outcome, outcome_at, note) ON behovsanalys.referrals
    TO behovsanalys_actor;
GRANT EXECUTE ON FUNCTION behovsanalys.push(text, bigint, text, text, text, text, text, text[], text),
    behovsanalys.project(text, text, text, text[])
    TO behovsanalys_advisor, behovsanalys_coordinator;
GRANT EXECUTE ON FUNCTION behovsanalys.referral_marked()
    TO behovsanalys_advisor, behovsanalys_coordinator, behovsanalys_actor;
"#;
