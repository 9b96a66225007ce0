//! The shared store on a real PostgreSQL (a throwaway cluster, see
//! support/pg.rs): migrations, two laptops syncing one region, conflicts
//! kept and resolved, deletions, private notes, row-level security.

#[path = "support/pg.rs"]
mod pg;

use std::path::Path;

use behovsanalys::answers::Answer;
use behovsanalys::questionnaire::{self, Questionnaire};
use behovsanalys::session::{Session, SessionMode, Store};
use behovsanalys::store::{
    self, Choices, PgStore, Side, StoreConfig, SyncError, local, resolve, schema,
};

fn q() -> Questionnaire {
    questionnaire::builtin().unwrap().questionnaire
}

/// A region set up by its owner, with two advisors; their URLs.
struct Region {
    db: pg::TestDb,
    anna: String,
    bo: String,
}

fn region() -> Option<Region> {
    let db = pg::db()?;
    let mut owner = PgStore::open(&StoreConfig::parse(&db.admin_url()).unwrap()).unwrap();
    let anna = db.login_role("anna", "pw-anna");
    let bo = db.login_role("bo", "pw-bo");
    owner
        .grant(&anna, "advisor", Some("kronoberg"), None)
        .unwrap();
    owner
        .grant(&bo, "advisor", Some("kronoberg"), None)
        .unwrap();
    Some(Region {
        anna: db.url_for(&anna, "pw-anna"),
        bo: db.url_for(&bo, "pw-bo"),
        db,
    })
}

fn connect(url: &str) -> PgStore {
    PgStore::open(&StoreConfig::parse(url).unwrap()).unwrap()
}

fn laptop() -> (tempfile::TempDir, Store) {
    let d = tempfile::tempdir().unwrap();
    let s = Store::open(Some(d.path())).unwrap();
    (d, s)
}

fn visit(store: &Store, q: &Questionnaire, company: &str, org: Option<&str>) -> Session {
    let mut s = store.create(q, SessionMode::Advisor);
    s.answers.company.name = Some(company.into());
    s.answers.company.org_number = org.map(String::from);
    s.answers.company.municipality = Some("Växjö".into());
    s.set_answer_at(
        "exporterar",
        Some(Answer::Choice("ja_regelbundet".into())),
        "2026-12-01T10:00:00Z",
    );
    s.set_answer_at(
        "anstallda",
        Some(Answer::Number(24.0)),
        "2026-12-01T10:00:00Z",
    );
    s.answers
        .private_notes
        .insert("exporterar".into(), format!("HEMLIGT om {company}"));
    s.answers
        .notes
        .insert("exporterar".into(), "delad anteckning".into());
    store.save_new(&mut s, q).unwrap();
    s
}

fn sync(store: &Store, url: &str, q: &Questionnaire) -> store::SyncReport {
    let mut pg = connect(url);
    store::sync(store, &mut pg, q).unwrap()
}

#[test]
fn migrations_are_versioned_and_a_newer_schema_is_refused() {
    let Some(db) = pg::db() else { return };
    let cfg = StoreConfig::parse(&db.admin_url()).unwrap();
    let mut s = PgStore::connect(&cfg).unwrap();
    assert_eq!(s.schema_version().unwrap(), 0);
    let m = s.migrate().unwrap();
    assert_eq!((m.from, m.to), (0, schema::latest()));
    // Again: nothing to do.
    let m = s.migrate().unwrap();
    assert_eq!((m.from, m.to), (schema::latest(), schema::latest()));
    db.admin()
        .execute(
            "INSERT INTO behovsanalys.schema_migrations (version, name) VALUES (999, 'future')",
            &[],
        )
        .unwrap();
    let Err(e) = PgStore::open(&cfg) else {
        panic!("a newer schema must be refused")
    };
    let text = e.to_string();
    assert!(
        matches!(e, SyncError::SchemaTooNew { server: 999, .. }),
        "{text}"
    );
    assert!(text.contains("update behovsanalys"), "{text}");
}

#[test]
fn an_advisor_cannot_set_up_the_store_and_is_told_who_can() {
    let Some(db) = pg::db() else { return };
    let role = db.login_role("eve", "pw");
    let Err(e) = PgStore::open(&StoreConfig::parse(&db.url_for(&role, "pw")).unwrap()) else {
        panic!("an unprivileged role must not create the schema")
    };
    let text = e.to_string();
    assert!(text.contains("store init"), "{text}");
    assert!(!text.contains("pw@"), "{text}");
}

#[test]
fn two_laptops_end_with_the_same_sessions_and_private_notes_stay_home() {
    let Some(r) = region() else { return };
    let q = q();
    let (_a, anna) = laptop();
    let (_b, bo) = laptop();
    let s1 = visit(&anna, &q, "Alfa AB", Some("556036-0793"));
    let s2 = visit(&bo, &q, "Beta AB", None);
    let ra = sync(&anna, &r.anna, &q);
    assert_eq!(ra.pushed, vec![s1.meta.id.clone()]);
    let rb = sync(&bo, &r.bo, &q);
    assert_eq!(rb.pushed, vec![s2.meta.id.clone()]);
    assert_eq!(rb.new_here, vec![s1.meta.id.clone()]);
    let ra = sync(&anna, &r.anna, &q);
    assert_eq!(ra.new_here, vec![s2.meta.id.clone()]);
    assert!(ra.pushed.is_empty(), "{ra:?}");
    let mut ids = vec![s1.meta.id.clone(), s2.meta.id.clone()];
    ids.sort();
    assert_eq!(anna.ids().unwrap(), ids);
    assert_eq!(bo.ids().unwrap(), ids);
    // A third sync changes nothing.
    assert!(!sync(&anna, &r.anna, &q).changed_anything());
    assert!(!sync(&bo, &r.bo, &q).changed_anything());

    // Bo has Alfa's answers and shared notes, not Anna's private note.
    let (alfa, _) = bo.load(&s1.meta.id, &q).unwrap();
    assert_eq!(alfa.answers.answers, s1.answers.answers);
    assert_eq!(alfa.answers.notes, s1.answers.notes);
    assert!(alfa.answers.private_notes.is_empty());
    // Anna keeps hers.
    let (mine, _) = anna.load(&s1.meta.id, &q).unwrap();
    assert_eq!(mine.answers.private_notes, s1.answers.private_notes);

    // Nothing in any table of the database holds a private note.
    let mut admin = r.db.admin();
    let rows = admin
        .query(
            "SELECT table_name::text FROM information_schema.tables WHERE table_schema = 'behovsanalys'",
            &[],
        )
        .unwrap();
    assert!(rows.len() >= 4);
    for row in rows {
        let t: String = row.get(0);
        let dump: Vec<String> = admin
            .query(&format!("SELECT t::text FROM behovsanalys.{t} t"), &[])
            .unwrap()
            .iter()
            .map(|r| r.get(0))
            .collect();
        let all = dump.join("\n");
        assert!(!all.contains("HEMLIGT"), "{t}: {all}");
        assert!(!all.contains("private_notes"), "{t}");
        if t == "sessions" {
            assert!(all.contains("delad anteckning"));
        }
    }
    // And the database refuses one, whatever a client sends.
    let e = admin
        .execute(
            "INSERT INTO behovsanalys.sessions (id, region, revision, body) VALUES ('x', 'r', 1, $1)",
            &[&"questionnaire = \"q\"\n[answers]\n\n[private_notes]\na = \"b\"\n"],
        )
        .unwrap_err();
    assert!(
        e.to_string().contains("no_private_notes") || format!("{e:?}").contains("no_private_notes")
    );
}

#[test]
fn an_edit_on_both_laptops_is_a_kept_conflict_resolved_per_answer() {
    let Some(r) = region() else { return };
    let q = q();
    let (_a, anna) = laptop();
    let (_b, bo) = laptop();
    let s = visit(&anna, &q, "Gamma AB", None);
    let id = s.meta.id.clone();
    sync(&anna, &r.anna, &q);
    sync(&bo, &r.bo, &q);

    // Both edit offline.
    let (mut a, _) = anna.load(&id, &q).unwrap();
    a.set_answer_at(
        "anstallda",
        Some(Answer::Number(30.0)),
        "2026-12-01T10:00:00Z",
    );
    a.set_answer_at(
        "exporterar",
        Some(Answer::Choice("nej".into())),
        "2026-12-01T10:00:00Z",
    );
    anna.save(&mut a, &q).unwrap();
    let (mut b, _) = bo.load(&id, &q).unwrap();
    b.set_answer_at(
        "anstallda",
        Some(Answer::Number(40.0)),
        "2026-12-01T10:00:00Z",
    );
    b.answers
        .private_notes
        .insert("anstallda".into(), "Bos egen".into());
    bo.save(&mut b, &q).unwrap();

    assert_eq!(sync(&anna, &r.anna, &q).pushed, vec![id.clone()]);
    let rb = sync(&bo, &r.bo, &q);
    assert_eq!(rb.conflicts, vec![id.clone()], "{rb:?}");
    // Both versions kept: Bo's file is his, the server's is next to it, and
    // the server kept Bo's push.
    let (mine, _) = bo.load(&id, &q).unwrap();
    assert_eq!(
        mine.answers.answers.get("anstallda"),
        Some(&Answer::Number(40.0))
    );
    assert!(local::has_conflict(&bo, &id));
    let kept: i64 =
        r.db.admin()
            .query_one(
                "SELECT count(*) FROM behovsanalys.conflicts WHERE session_id = $1",
                &[&id],
            )
            .unwrap()
            .get(0);
    assert_eq!(kept, 1);
    let listing = bo.list(&q).unwrap();
    assert!(listing.sessions.iter().any(|x| x.id == id && x.conflict));
    assert!(listing.ignored.is_empty(), "{:?}", listing.ignored);
    // A sync before resolving changes neither side.
    let again = sync(&bo, &r.bo, &q);
    assert_eq!(again.unresolved, vec![id.clone()]);
    assert!(again.pushed.is_empty());

    // Undecided: told what differs.
    let c = resolve::conflict(&bo, &id, &q).unwrap();
    let differing: Vec<&str> = c.answers.iter().map(|d| d.question.as_str()).collect();
    assert_eq!(differing, vec!["anstallda", "exporterar"]);
    let e = resolve::merge(&c, &Choices::default(), &q).unwrap_err();
    assert!(e.to_string().contains("anstallda"), "{e}");

    // Bo keeps his employee count, takes Anna's export answer.
    let mut choices = Choices {
        take: Some(Side::Server),
        ..Choices::default()
    };
    choices.answers.insert("anstallda".into(), Side::Local);
    let merged = resolve::resolve(&bo, &id, &q, &choices).unwrap();
    assert_eq!(
        merged.answers.answers.get("anstallda"),
        Some(&Answer::Number(40.0))
    );
    assert_eq!(
        merged.answers.answers.get("exporterar"),
        Some(&Answer::Choice("nej".into()))
    );
    assert_eq!(
        merged
            .answers
            .private_notes
            .get("anstallda")
            .map(String::as_str),
        Some("Bos egen")
    );
    assert!(!local::has_conflict(&bo, &id));

    let rb = sync(&bo, &r.bo, &q);
    assert_eq!(rb.pushed, vec![id.clone()], "{rb:?}");
    let ra = sync(&anna, &r.anna, &q);
    assert_eq!(ra.pulled, vec![id.clone()], "{ra:?}");
    let (a, _) = anna.load(&id, &q).unwrap();
    assert_eq!(a.answers.answers, merged.answers.answers);
    // Anna's private note is still hers.
    assert_eq!(a.answers.private_notes, s.answers.private_notes);
}

#[test]
fn a_deletion_syncs_both_ways_as_a_tombstone() {
    let Some(r) = region() else { return };
    let q = q();
    let (_a, anna) = laptop();
    let (_b, bo) = laptop();
    let s = visit(&anna, &q, "Delta AB", None);
    let id = s.meta.id.clone();
    sync(&anna, &r.anna, &q);
    sync(&bo, &r.bo, &q);
    assert!(bo.exists(&id).unwrap());
    anna.delete(&id).unwrap();
    let ra = sync(&anna, &r.anna, &q);
    assert_eq!(ra.deleted_there, vec![id.clone()]);
    let (deleted, body): (bool, Option<String>) = {
        let row =
            r.db.admin()
                .query_one(
                    "SELECT deleted, body FROM behovsanalys.sessions WHERE id = $1",
                    &[&id],
                )
                .unwrap();
        (row.get(0), row.get(1))
    };
    assert!(deleted);
    assert_eq!(body, None);
    let rb = sync(&bo, &r.bo, &q);
    assert_eq!(rb.deleted_here, vec![id.clone()]);
    assert!(!bo.exists(&id).unwrap());
    // It does not come back.
    assert!(!sync(&anna, &r.anna, &q).changed_anything());
    assert!(!anna.exists(&id).unwrap());
}

#[test]
fn another_region_reads_nothing_and_cannot_overwrite() {
    let Some(r) = region() else { return };
    let q = q();
    let mut owner = connect(&r.db.admin_url());
    let other = r.db.login_role("other", "pw-other");
    owner.grant(&other, "advisor", Some("skane"), None).unwrap();

    let (_a, anna) = laptop();
    let mut with = visit(&anna, &q, "Med samtycke AB", None);
    with.answers.consent.insert("almi".into(), true);
    anna.save(&mut with, &q).unwrap();
    sync(&anna, &r.anna, &q);

    // Another region sees nothing at all.
    let mut c =
        postgres::Client::connect(&r.db.url_for(&other, "pw-other"), postgres::NoTls).unwrap();
    let n: i64 = c
        .query_one("SELECT count(*) FROM behovsanalys.sessions", &[])
        .unwrap()
        .get(0);
    assert_eq!(n, 0);
    // And cannot overwrite one by pushing the same id.
    let (_d, skane) = laptop();
    let mut copy = with.clone();
    copy.answers.company.name = Some("Kapad AB".into());
    for k in [local::KEY_REVISION, local::KEY_HASH] {
        copy.answers.meta.remove(k);
    }
    skane.save_new(&mut copy, &q).unwrap();
    let rep = sync(&skane, &r.db.url_for(&other, "pw-other"), &q);
    assert_eq!(rep.skipped.len(), 1, "{rep:?}");
    let name: String =
        r.db.admin()
            .query_one(
                "SELECT body FROM behovsanalys.sessions WHERE id = $1",
                &[&with.meta.id],
            )
            .unwrap()
            .get(0);
    assert!(name.contains("Med samtycke AB"));
}

#[test]
fn passwords_come_from_pgpassword_or_the_password_file_and_are_never_printed() {
    let Some(r) = region() else { return };
    let role = r
        .anna
        .split("//")
        .nth(1)
        .unwrap()
        .split(':')
        .next()
        .unwrap()
        .to_string();
    let url = r.db.url_without_password(&role);
    let dir = tempfile::tempdir().unwrap();
    let pass = dir.path().join("pgpass");
    std::fs::write(&pass, format!("127.0.0.1:{}:*:{role}:pw-anna\n", r.db.port)).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&pass, std::fs::Permissions::from_mode(0o600)).unwrap();
    }
    // Through the binary, so that the environment is its own.
    let run = |envs: &[(&str, &Path)], pw: Option<&str>| {
        let mut c = assert_cmd::Command::cargo_bin("behovsanalys").unwrap();
        c.env_remove("PGPASSWORD").env("PGPASSFILE", "/nonexistent");
        for (k, v) in envs {
            c.env(k, v);
        }
        if let Some(pw) = pw {
            c.env("PGPASSWORD", pw);
        }
        c.args(["--store", &url, "store", "status"])
            .output()
            .unwrap()
    };
    let out = run(&[("PGPASSFILE", &pass)], None);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = run(&[], Some("pw-anna"));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = run(&[], Some("wrong-secret"));
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("wrong-secret"), "{err}");
    assert!(err.contains("password"), "{err}");
}

#[test]
fn tls_is_used_and_checked_as_the_sslmode_says() {
    let Some(r) = region() else { return };
    let role = r
        .anna
        .split("//")
        .nth(1)
        .unwrap()
        .split(':')
        .next()
        .unwrap()
        .to_string();
    let on_tls = |url: &str| -> Result<bool, String> {
        let cfg = StoreConfig::parse(url).map_err(|e| e.to_string())?;
        let mut c = cfg.connect().map_err(|e| e.to_string())?;
        Ok(c.query_one(
            "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()",
            &[],
        )
        .unwrap()
        .get(0))
    };
    // The name in the certificate, a trusted CA: every mode encrypts.
    for mode in ["prefer", "require", "verify-ca", "verify-full"] {
        let url = r.db.tls_url(&role, "pw-anna", "localhost", mode);
        assert_eq!(on_tls(&url), Ok(true), "{mode}");
    }
    assert_eq!(
        on_tls(&r.db.tls_url(&role, "pw-anna", "127.0.0.1", "disable")),
        Ok(false)
    );
    // Another name: verify-full refuses, verify-ca (chain only) and require accept.
    let e = on_tls(&r.db.tls_url(&role, "pw-anna", "127.0.0.1", "verify-full")).unwrap_err();
    assert!(e.contains("cannot reach") && !e.contains("pw-anna"), "{e}");
    assert_eq!(
        on_tls(&r.db.tls_url(&role, "pw-anna", "127.0.0.1", "verify-ca")),
        Ok(true)
    );
    // A CA we do not trust: refused.
    let other = tempfile::tempdir().unwrap();
    let key = rcgen::KeyPair::generate().unwrap();
    let stranger = rcgen::CertificateParams::new(vec!["localhost".to_string()])
        .unwrap()
        .self_signed(&key)
        .unwrap();
    let pem = other.path().join("other.crt");
    std::fs::write(&pem, stranger.pem()).unwrap();
    let url =
        r.db.tls_url(&role, "pw-anna", "localhost", "verify-full")
            .replace(&r.db.ca.display().to_string(), &pem.display().to_string());
    assert!(on_tls(&url).is_err());
    // And a sync over verify-full works end to end.
    let q = q();
    let (_d, laptop) = laptop();
    visit(&laptop, &q, "Tls AB", None);
    let rep = sync(
        &laptop,
        &r.db.tls_url(&role, "pw-anna", "localhost", "verify-full"),
        &q,
    );
    assert_eq!(rep.pushed.len(), 1);
}

/// The same operations through the one interface, on both backends.
#[test]
fn both_backends_behind_one_interface() {
    use behovsanalys::store::SessionStore;
    let Some(r) = region() else { return };
    let q = q();
    let (_d, mut files) = laptop();
    let mut pg = connect(&r.anna);
    let mut other = connect(&r.bo);
    let backends: [&mut dyn SessionStore; 2] = [&mut files, &mut pg];
    for store in backends {
        let id = store
            .import(Path::new("tests/fixtures/profiles/vet_ej.toml"), &q)
            .unwrap();
        assert_eq!(store.ids().unwrap(), vec![id.clone()]);
        let listing = store.list(&q).unwrap();
        assert_eq!(listing.sessions.len(), 1);
        assert_eq!(listing.sessions[0].id, id);
        assert!(listing.sessions[0].answered > 0 && !listing.sessions[0].conflict);
        assert!(store.quarantined().unwrap().is_empty());
        let lease = store.lock(&id).unwrap();
        let mut s = store.load(&id, &q).unwrap();
        s.set_answer_at(
            "anstallda",
            Some(Answer::Number(5.0)),
            "2026-12-01T10:00:00Z",
        );
        store.save(&mut s, &q).unwrap();
        let again = store.load(&id, &q).unwrap();
        assert_eq!(
            again.answers.answers.get("anstallda"),
            Some(&Answer::Number(5.0))
        );
        store.unlock(lease).unwrap();
        store.delete(&id).unwrap();
        assert!(store.ids().unwrap().is_empty());
        assert!(store.load(&id, &q).is_err());
    }
    // On the shared store: a lease excludes another connection until given
    // back, and a save based on an old revision is refused (and kept).
    let id = pg
        .import(Path::new("tests/fixtures/profiles/vet_ej.toml"), &q)
        .unwrap();
    let lease = pg.lock(&id).unwrap();
    assert!(other.lock(&id).is_err());
    pg.unlock(lease).unwrap();
    let l2 = other.lock(&id).unwrap();
    other.unlock(l2).unwrap();
    let mut a = pg.load(&id, &q).unwrap();
    let mut b = other.load(&id, &q).unwrap();
    a.set_answer_at(
        "anstallda",
        Some(Answer::Number(1.0)),
        "2026-12-01T10:00:00Z",
    );
    pg.save(&mut a, &q).unwrap();
    b.set_answer_at(
        "anstallda",
        Some(Answer::Number(2.0)),
        "2026-12-01T10:00:00Z",
    );
    let e = other.save(&mut b, &q).unwrap_err();
    assert!(e.to_string().contains("kept as a conflict"), "{e}");
    let kept: i64 =
        r.db.admin()
            .query_one("SELECT count(*) FROM behovsanalys.conflicts", &[])
            .unwrap()
            .get(0);
    assert_eq!(kept, 1);
    // The listing shows it waiting.
    let listing = pg.list(&q).unwrap();
    assert!(listing.sessions.iter().any(|x| x.id == id && x.conflict));

    // The data directory sets a broken file aside; the listing says so and
    // the quarantine holds it with why.
    let (_e, mut files) = laptop();
    std::fs::write(
        files.sessions_dir().join("20261201-100000-abcd.toml"),
        "[[[ inte toml",
    )
    .unwrap();
    let listing = SessionStore::list(&mut files, &q).unwrap();
    assert!(listing.sessions.is_empty());
    assert_eq!(listing.quarantined.len(), 1);
    let aside = SessionStore::quarantined(&mut files).unwrap();
    assert_eq!(aside.len(), 1);
    assert!(
        aside[0].file.starts_with("20261201-100000-abcd"),
        "{aside:?}"
    );
}

#[test]
fn a_new_copy_of_a_deleted_id_is_neither_sent_nor_deleted() {
    let Some(r) = region() else { return };
    let q = q();
    let (_a, anna) = laptop();
    let s = visit(&anna, &q, "Epsilon AB", None);
    let id = s.meta.id.clone();
    sync(&anna, &r.anna, &q);
    anna.delete(&id).unwrap();
    sync(&anna, &r.anna, &q);
    // Bo, offline all along, has a session with the same id (the same file
    // imported), never synced.
    let (_b, bo) = laptop();
    let mut copy = s.clone();
    for k in [local::KEY_REVISION, local::KEY_HASH] {
        copy.answers.meta.remove(k);
    }
    bo.save_new(&mut copy, &q).unwrap();
    let rep = sync(&bo, &r.bo, &q);
    assert_eq!(rep.skipped.len(), 1, "{rep:?}");
    assert_eq!(rep.skipped[0].1, behovsanalys::store::Skip::IdDeleted);
    assert!(bo.exists(&id).unwrap(), "never synced: not deleted here");
}

#[test]
fn a_session_in_conflict_that_is_erased_goes_with_both_versions() {
    let Some(r) = region() else { return };
    let q = q();
    let (_a, anna) = laptop();
    let (_b, bo) = laptop();
    let s = visit(&anna, &q, "Zeta AB", None);
    let id = s.meta.id.clone();
    sync(&anna, &r.anna, &q);
    sync(&bo, &r.bo, &q);
    for (store, n) in [(&anna, 1.0), (&bo, 2.0)] {
        let (mut x, _) = store.load(&id, &q).unwrap();
        x.set_answer_at("anstallda", Some(Answer::Number(n)), "2026-12-01T10:00:00Z");
        store.save(&mut x, &q).unwrap();
    }
    sync(&anna, &r.anna, &q);
    assert_eq!(sync(&bo, &r.bo, &q).conflicts, vec![id.clone()]);
    anna.delete(&id).unwrap();
    sync(&anna, &r.anna, &q);
    let rep = sync(&bo, &r.bo, &q);
    assert_eq!(rep.deleted_here, vec![id.clone()], "{rep:?}");
    assert!(!bo.exists(&id).unwrap());
    assert!(!local::has_conflict(&bo, &id));
    let n: i64 =
        r.db.admin()
            .query_one("SELECT count(*) FROM behovsanalys.conflicts", &[])
            .unwrap()
            .get(0);
    assert_eq!(n, 0, "the erased session's conflicts are erased too");
}

/// Random interleavings of edits, syncs and resolutions on three laptops:
/// no version is ever lost — every edit made is, itself or a later edit
/// made on top of it, somewhere: a laptop's copy, a laptop's conflict file,
/// the store's session or its kept conflicts (only resolving drops a side,
/// on purpose) — and once everyone resolves and syncs, every laptop has the
/// store's sessions.
#[test]
fn no_version_is_lost_whatever_the_order() {
    use std::collections::HashMap;
    let Some(r) = region() else { return };
    let q = q();
    let mut owner = connect(&r.db.admin_url());
    let cy = r.db.login_role("cy", "pw-cy");
    owner
        .grant(&cy, "advisor", Some("kronoberg"), None)
        .unwrap();
    let urls = [r.anna.clone(), r.bo.clone(), r.db.url_for(&cy, "pw-cy")];
    let dirs: Vec<_> = (0..3).map(|_| laptop()).collect();
    let stores: Vec<&Store> = dirs.iter().map(|(_, s)| s).collect();
    // Two sessions everybody has.
    let ids: Vec<String> = (0..2)
        .map(|k| visit(stores[0], &q, &format!("start-{k}"), None).meta.id)
        .collect();
    for (s, u) in stores.iter().zip(&urls) {
        sync(s, u, &q);
    }
    let mut rng: u64 = 0x5eed_1234_abcd_0001;
    let mut next = |n: u64| {
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        rng % n
    };
    // Every version made, and the version it was made on top of.
    let mut parent: HashMap<String, String> = HashMap::new();
    let mut owed: Vec<String> = Vec::new();
    let everything = |stores: &[&Store]| -> String {
        let mut all = String::new();
        for s in stores {
            for e in std::fs::read_dir(s.sessions_dir()).unwrap() {
                all.push_str(&std::fs::read_to_string(e.unwrap().path()).unwrap_or_default());
            }
        }
        let mut admin = r.db.admin();
        for t in ["sessions", "conflicts"] {
            for row in admin
                .query(&format!("SELECT body FROM behovsanalys.{t}"), &[])
                .unwrap()
            {
                all.push_str(&row.get::<_, Option<String>>(0).unwrap_or_default());
            }
        }
        all
    };
    // A version is kept when it, or a version made on top of it, is somewhere.
    let kept = |m: &str, all: &str, parent: &HashMap<String, String>| {
        parent
            .keys()
            .chain(std::iter::once(&m.to_string()))
            .any(|d| {
                let mut a = d.as_str();
                loop {
                    if a == m {
                        return all.contains(&format!("\"{d}\""));
                    }
                    match parent.get(a) {
                        Some(p) => a = p,
                        None => return false,
                    }
                }
            })
    };
    for step in 0..40 {
        let l = next(3) as usize;
        match next(4) {
            0 | 1 => {
                let id = &ids[next(2) as usize];
                let marker = format!("version-{step}");
                if let Ok((mut s, _)) = stores[l].load(id, &q) {
                    let base = s.answers.company.name.clone().unwrap_or_default();
                    parent.insert(marker.clone(), base);
                    s.answers.company.name = Some(marker.clone());
                    stores[l].save(&mut s, &q).unwrap();
                    owed.push(marker);
                }
            }
            2 => {
                sync(stores[l], &urls[l], &q);
            }
            _ => {
                for id in &ids {
                    if local::has_conflict(stores[l], id) {
                        let take = if next(2) == 0 {
                            Side::Local
                        } else {
                            Side::Server
                        };
                        let choices = Choices {
                            take: Some(take),
                            ..Choices::default()
                        };
                        let before = everything(&stores);
                        resolve::resolve(stores[l], id, &q, &choices).unwrap();
                        // Resolving drops one side on purpose: what only
                        // that side held is no longer owed.
                        let after = everything(&stores);
                        owed.retain(|m| kept(m, &after, &parent) || !kept(m, &before, &parent));
                    }
                }
            }
        }
        let all = everything(&stores);
        for m in &owed {
            assert!(kept(m, &all, &parent), "step {step}: {m} was lost");
        }
    }
    // Everybody resolves (taking the store's side) and syncs until calm.
    for _ in 0..3 {
        for (s, u) in stores.iter().zip(&urls) {
            for id in &ids {
                if local::has_conflict(s, id) {
                    let choices = Choices {
                        take: Some(Side::Server),
                        ..Choices::default()
                    };
                    resolve::resolve(s, id, &q, &choices).unwrap();
                }
            }
            sync(s, u, &q);
        }
    }
    for id in &ids {
        let texts: Vec<String> = stores
            .iter()
            .map(|s| local::shared_text(&s.load(id, &q).unwrap().0, &q))
            .collect();
        assert!(
            texts.iter().all(|t| t == &texts[0]),
            "{id} differs between laptops"
        );
        assert!(stores.iter().all(|s| !local::has_conflict(s, id)));
    }
}

fn conflict_rows(r: &Region, id: &str) -> i64 {
    r.db.admin()
        .query_one(
            "SELECT count(*) FROM behovsanalys.conflicts WHERE session_id = $1",
            &[&id],
        )
        .unwrap()
        .get(0)
}

#[test]
fn a_resolved_conflict_is_pruned_on_the_server_and_anothers_is_kept() {
    let Some(r) = region() else { return };
    let q = q();
    let (_a, anna) = laptop();
    let (_b, bo) = laptop();
    let id = visit(&anna, &q, "Epsilon AB", None).meta.id;
    sync(&anna, &r.anna, &q);
    sync(&bo, &r.bo, &q);
    let edit = |store: &Store, n: f64| {
        let (mut s, _) = store.load(&id, &q).unwrap();
        s.set_answer_at("anstallda", Some(Answer::Number(n)), "2026-12-01T10:00:00Z");
        store.save(&mut s, &q).unwrap();
    };
    edit(&anna, 30.0);
    edit(&bo, 40.0);
    sync(&anna, &r.anna, &q);
    assert_eq!(sync(&bo, &r.bo, &q).conflicts, vec![id.clone()]);
    assert_eq!(conflict_rows(&r, &id), 1);
    // Anna edits on: her version is stored, Bo's conflict is still his to
    // resolve and stays kept.
    edit(&anna, 35.0);
    assert_eq!(sync(&anna, &r.anna, &q).pushed, vec![id.clone()]);
    assert_eq!(conflict_rows(&r, &id), 1);
    assert_eq!(sync(&bo, &r.bo, &q).unresolved, vec![id.clone()]);
    // Bo resolves; his result, stored on top of the server's side, settles
    // his conflict: the kept row goes.
    let choices = Choices {
        take: Some(Side::Local),
        ..Choices::default()
    };
    resolve::resolve(&bo, &id, &q, &choices).unwrap();
    assert_eq!(sync(&bo, &r.bo, &q).pushed, vec![id.clone()]);
    assert_eq!(conflict_rows(&r, &id), 0);
}
