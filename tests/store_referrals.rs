//! What an actor's advisors read of the shared store, enforced by
//! PostgreSQL (a throwaway cluster, see support/pg.rs): only the referrals
//! sent to their actor with the company's consent — the referral summary
//! `export --actor` gives — never sessions, answers of other companies or
//! private notes; their marks (contacted, outcome) come back into the
//! session by sync; withdrawing consent removes the referral.

#[path = "support/pg.rs"]
mod pg;

use behovsanalys::answers::Answer;
use behovsanalys::export::{self, Format, Input, Options};
use behovsanalys::questionnaire::{self, Questionnaire};
use behovsanalys::session::referral::{Outcome, parse_time};
use behovsanalys::session::{Session, SessionMode, Store};
use behovsanalys::store::{self, Mark, PgStore, StoreConfig, SyncError};

fn q() -> Questionnaire {
    questionnaire::builtin().unwrap().questionnaire
}

fn connect(url: &str) -> PgStore {
    PgStore::open(&StoreConfig::parse(url).unwrap()).unwrap()
}

fn laptop() -> (tempfile::TempDir, Store) {
    let d = tempfile::tempdir().unwrap();
    let s = Store::open(Some(d.path())).unwrap();
    (d, s)
}

fn sync(store: &Store, url: &str, q: &Questionnaire) -> store::SyncReport {
    store::sync(store, &mut connect(url), q).unwrap()
}

fn sql(url: &str) -> postgres::Client {
    postgres::Client::connect(url, postgres::NoTls).unwrap()
}

const SENT: &str = "2026-12-01 10:00";

/// A visit with a private note, a shared note, an answer only EKN and SEK
/// may see, consent for `consent` and referrals sent to `sent`.
fn visit(
    store: &Store,
    q: &Questionnaire,
    company: &str,
    consent: &[&str],
    sent: &[&str],
) -> Session {
    let mut s = store.create(q, SessionMode::Advisor);
    s.answers.company.name = Some(company.into());
    s.answers.company.municipality = Some("Växjö".into());
    let at = "2026-12-01T09:00:00Z";
    s.set_answer_at(
        "exporterar",
        Some(Answer::Choice("ja_regelbundet".into())),
        at,
    );
    s.set_answer_at("anstallda", Some(Answer::Number(24.0)), at);
    s.set_answer_at("antikorruption", Some(Answer::Choice("nej".into())), at);
    s.answers
        .private_notes
        .insert("exporterar".into(), format!("HEMLIGT om {company}"));
    for a in consent {
        s.answers.consent.insert((*a).into(), true);
    }
    for a in sent {
        s.record_sent(a, parse_time(SENT).unwrap());
    }
    store.save_new(&mut s, q).unwrap();
    s
}

struct Region {
    db: pg::TestDb,
    anna: String,
    bo: String,
    almi: String,
    ekn: String,
    almi_skane: String,
}

fn region() -> Option<Region> {
    let db = pg::db()?;
    let mut owner = connect(&db.admin_url());
    let mut login = |short: &str, kind: &str, region: &str, actor: Option<&str>| {
        let role = db.login_role(short, &format!("pw-{short}"));
        owner.grant(&role, kind, Some(region), actor).unwrap();
        db.url_for(&role, &format!("pw-{short}"))
    };
    let anna = login("anna", "advisor", "kronoberg", None);
    let bo = login("bo", "advisor", "kronoberg", None);
    let almi = login("almi", "actor", "kronoberg", Some("almi"));
    let ekn = login("ekn", "actor", "kronoberg", Some("ekn"));
    let almi_skane = login("almis", "actor", "skane", Some("almi"));
    Some(Region {
        db,
        anna,
        bo,
        almi,
        ekn,
        almi_skane,
    })
}

fn count(c: &mut postgres::Client, query: &str) -> i64 {
    c.query_one(query, &[]).unwrap().get(0)
}

fn refused(c: &mut postgres::Client, query: &str) -> String {
    let e = c.query(query, &[]).expect_err(query);
    e.as_db_error()
        .map(|d| d.message().to_string())
        .unwrap_or_default()
}

#[test]
fn an_actor_reads_its_referrals_with_consent_and_nothing_else() {
    let Some(r) = region() else { return };
    let q = q();
    let (_a, anna) = laptop();
    // Consent for Almi and a referral sent to it; EKN sent without consent.
    let both = visit(&anna, &q, "Båda AB", &["almi"], &["almi", "ekn"]);
    // Consent for EKN only, referral to EKN.
    let ekn_only = visit(&anna, &q, "Bara EKN AB", &["ekn"], &["ekn"]);
    // Consent for Almi, but nothing sent yet.
    let unsent = visit(&anna, &q, "Inte skickad AB", &["almi"], &[]);
    sync(&anna, &r.anna, &q);

    let mut almi = sql(&r.almi);
    // No right on sessions or conflicts at all (not merely no rows).
    for table in ["sessions", "conflicts"] {
        let why = refused(
            &mut almi,
            &format!("SELECT count(*) FROM behovsanalys.{table}"),
        );
        assert!(why.contains("permission denied"), "{table}: {why}");
    }
    let why = refused(
        &mut almi,
        "SELECT stats FROM behovsanalys.sessions WHERE id IS NOT NULL",
    );
    assert!(why.contains("permission denied"), "{why}");
    let rows = almi
        .query(
            "SELECT session_id, actor, document::text FROM behovsanalys.referrals",
            &[],
        )
        .unwrap();
    assert_eq!(rows.len(), 1, "only the referral sent to Almi with consent");
    assert_eq!(rows[0].get::<_, String>(0), both.meta.id);
    assert_eq!(rows[0].get::<_, String>(1), "almi");
    let doc: String = rows[0].get(2);
    assert!(doc.contains("Båda AB"), "{doc}");
    assert!(!doc.contains("HEMLIGT"), "no private note: {doc}");
    assert!(
        !doc.contains("antikorruption"),
        "a question shared only with EKN and SEK: {doc}"
    );
    assert!(!doc.contains(&ekn_only.meta.id) && !doc.contains(&unsent.meta.id));
    // The document is the referral summary the export gives Almi.
    let mut shared = both.answers.clone();
    shared.private_notes.clear();
    let want = export::referral_with(
        &Input {
            questionnaire: &q,
            answers: &shared,
            meta: Some(&both.meta),
            lang: q.default_lang(),
        },
        "almi",
        Format::Json,
        &Options {
            date: Some("2026-12-01".into()),
            follow_up: None,
        },
    )
    .unwrap();
    let got: serde_json::Value = serde_json::from_str(&doc).unwrap();
    let want: serde_json::Value = serde_json::from_str(&want).unwrap();
    assert_eq!(got, want);

    // EKN reads only the session where the company consented to it.
    let mut ekn = sql(&r.ekn);
    let ids: Vec<String> = ekn
        .query("SELECT session_id FROM behovsanalys.referrals", &[])
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect();
    assert_eq!(ids, vec![ekn_only.meta.id.clone()]);
    // Almi of another region reads nothing of this one.
    assert_eq!(
        count(
            &mut sql(&r.almi_skane),
            "SELECT count(*) FROM behovsanalys.referrals"
        ),
        0
    );
    // An actor cannot push or erase sessions.
    let why = refused(&mut almi, "SELECT * FROM behovsanalys.remove('x')");
    assert!(why.contains("permission denied"), "{why}");
    // Nor widen what it reads.
    let why = refused(
        &mut almi,
        "UPDATE behovsanalys.referrals SET actor = 'ekn', document = '{}'",
    );
    assert!(why.contains("permission denied"), "{why}");
    // Its sync is refused with words, not a bare "permission denied".
    let (_c, almi_laptop) = laptop();
    let e = store::sync(&almi_laptop, &mut connect(&r.almi), &q).unwrap_err();
    assert!(
        matches!(e, SyncError::NotForRole { ref kind, .. } if kind == "actor"),
        "{e}"
    );
    assert!(e.to_string().contains("store referrals"), "{e}");
    assert!(almi_laptop.ids().unwrap().is_empty());
}

#[test]
fn an_actors_marks_come_back_into_the_session_and_withdrawn_consent_removes_it() {
    let Some(r) = region() else { return };
    let q = q();
    let (_a, anna) = laptop();
    let (_b, bo) = laptop();
    let s = visit(&anna, &q, "Remiss AB", &["almi", "ekn"], &["almi", "ekn"]);
    let id = s.meta.id.clone();
    sync(&anna, &r.anna, &q);
    sync(&bo, &r.bo, &q);

    let sent = parse_time(SENT).unwrap();
    let mut almi = connect(&r.almi);
    // The database checks the times: no contact before the referral was sent.
    let e = almi
        .mark_referral(&id, Mark::Contacted(sent - 3600))
        .unwrap_err();
    assert!(
        e.to_string().contains("before the referral was sent"),
        "{e}"
    );
    assert!(
        almi.mark_referral(&id, Mark::Contacted(sent + 3600))
            .unwrap()
    );
    // Only its own referral: EKN's row of the same session is not Almi's.
    assert!(
        !almi
            .mark_referral("no-such-session", Mark::Contacted(sent))
            .unwrap()
    );
    let mut ekn = connect(&r.ekn);
    assert!(
        ekn.mark_referral(
            &id,
            Mark::Outcome(Outcome::NotRelevant, sent + 7200, Some("Inte för oss"))
        )
        .unwrap()
    );
    let mine = almi.referrals().unwrap();
    assert_eq!(mine.len(), 1);
    assert_eq!(mine[0].contacted_at, Some(sent + 3600));
    assert!(mine[0].pending);

    // Anna edits offline meanwhile on something else; her sync takes the
    // marks and sends them back.
    let (mut s, _) = anna.load(&id, &q).unwrap();
    s.answers.notes.insert("exporterar".into(), "delad".into());
    anna.save(&mut s, &q).unwrap();
    let rep = sync(&anna, &r.anna, &q);
    assert_eq!(rep.marked, vec![id.clone()], "{rep:?}");
    assert!(
        rep.conflicts.is_empty() && rep.skipped.is_empty(),
        "{rep:?}"
    );
    let (here, _) = anna.load(&id, &q).unwrap();
    let almi_ref = here.referral("almi").unwrap();
    assert_eq!(almi_ref.contacted_at, Some(sent + 3600));
    let ekn_ref = here.referral("ekn").unwrap();
    assert_eq!(ekn_ref.outcome, Some(Outcome::NotRelevant));
    assert_eq!(ekn_ref.outcome_at, Some(sent + 7200));
    assert_eq!(ekn_ref.note.as_deref(), Some("Inte för oss"));
    assert_eq!(
        here.answers.notes["exporterar"], "delad",
        "her edit is kept"
    );
    // Settled in the store: nothing pending.
    let mut admin = r.db.admin();
    assert_eq!(
        count(
            &mut admin,
            "SELECT count(*) FROM behovsanalys.referrals WHERE pending"
        ),
        0
    );
    // Bo's laptop gets them with the session, without a conflict.
    let rep = sync(&bo, &r.bo, &q);
    assert!(rep.conflicts.is_empty(), "{rep:?}");
    let (there, _) = bo.load(&id, &q).unwrap();
    assert_eq!(
        there.referral("almi").unwrap().contacted_at,
        Some(sent + 3600)
    );
    assert!(!sync(&anna, &r.anna, &q).changed_anything());

    // The company withdraws its consent to Almi: after the sync Almi reads
    // nothing; EKN still reads its referral.
    let (mut s, _) = anna.load(&id, &q).unwrap();
    s.answers.consent.insert("almi".into(), false);
    anna.save(&mut s, &q).unwrap();
    sync(&anna, &r.anna, &q);
    assert!(almi.referrals().unwrap().is_empty());
    assert_eq!(ekn.referrals().unwrap().len(), 1);
    // Erasing the session erases EKN's referral too.
    anna.delete(&id).unwrap();
    sync(&anna, &r.anna, &q);
    assert!(ekn.referrals().unwrap().is_empty());
    assert_eq!(
        count(&mut admin, "SELECT count(*) FROM behovsanalys.referrals"),
        0
    );
}

fn bin(data: &std::path::Path, store: &str) -> assert_cmd::Command {
    let mut c = assert_cmd::Command::cargo_bin("behovsanalys").unwrap();
    c.env("BEHOVSANALYS_DATA_DIR", data)
        .env("BEHOVSANALYS_STORE", store)
        .env_remove("PGPASSWORD")
        .env("PGPASSFILE", "/nonexistent")
        .env("LC_ALL", "C");
    c
}

fn run(c: &mut assert_cmd::Command) -> (bool, String, String) {
    let out = c.output().unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn an_actor_lists_and_marks_its_referrals_through_the_binary() {
    let Some(r) = region() else { return };
    let q = q();
    let (a, anna) = laptop();
    let s = visit(&anna, &q, "Kommando AB", &["almi"], &["almi"]);
    let id = s.meta.id.clone();
    let (ok, out, err) = run(bin(a.path(), &r.anna).arg("sync"));
    assert!(ok, "{out}{err}");

    let almi_dir = tempfile::tempdir().unwrap();
    let (ok, out, err) =
        run(bin(almi_dir.path(), &r.almi).args(["store", "referrals", "--format", "json"]));
    assert!(ok, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let rows = v["referrals"].as_array().unwrap();
    assert_eq!(rows.len(), 1, "{out}");
    assert_eq!(rows[0]["session"], id.as_str());
    assert_eq!(rows[0]["company"], "Kommando AB");
    assert_eq!(rows[0]["contacted_at"], serde_json::Value::Null);
    let (ok, out, err) = run(bin(almi_dir.path(), &r.almi).args(["store", "status"]));
    assert!(ok, "{err}");
    assert!(
        out.contains("role: actor (almi)") && out.contains("referrals you can read: 1"),
        "{out}"
    );

    let (ok, _, err) = run(bin(almi_dir.path(), &r.almi).args([
        "store",
        "mark",
        &id,
        "--contacted",
        "--at",
        "2026-12-01 11:30",
    ]));
    assert!(ok, "{err}");
    assert!(err.contains("Kommando AB"), "{err}");
    // Not a session of Almi's: refused in words.
    let (ok, _, err) = run(bin(almi_dir.path(), &r.almi).args([
        "--lang",
        "sv",
        "store",
        "mark",
        "annan-session",
        "--contacted",
    ]));
    assert!(!ok);
    assert!(err.contains("ingen remiss från sessionen"), "{err}");
    // Almi's sync is refused, in Swedish, saying what it may do instead.
    let (ok, _, err) = run(bin(almi_dir.path(), &r.almi).args(["--lang", "sv", "sync"]));
    assert!(!ok);
    assert!(
        err.contains("rollen `actor`") && err.contains("store referrals"),
        "{err}"
    );
    assert!(!err.contains("permission denied"), "{err}");

    // Anna's next sync takes the contact into the session.
    let (ok, out, err) = run(bin(a.path(), &r.anna).arg("sync"));
    assert!(ok, "{err}");
    assert!(out.contains("marks from actors"), "{out}");
    let (ok, out, err) =
        run(bin(a.path(), &r.anna).args(["referrals", "list", "--format", "json"]));
    assert!(ok, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        v["referrals"][0]["contacted_at"], "2026-12-01T10:30:00Z",
        "{out}"
    );
}

#[test]
fn a_store_of_schema_1_is_migrated_and_its_sessions_get_referral_rows_at_the_next_sync() {
    let Some(db) = pg::db() else { return };
    let q = q();
    // A store set up by the version before: schema 1 only, with a role.
    let mut admin = db.admin();
    admin.batch_execute(store::schema::BOOTSTRAP).unwrap();
    let (v, name, sql1) = store::schema::MIGRATIONS[0];
    assert_eq!(v, 1);
    admin.batch_execute(sql1).unwrap();
    admin
        .execute(
            "INSERT INTO behovsanalys.schema_migrations (version, name) VALUES ($1, $2)",
            &[&v, &name],
        )
        .unwrap();
    // `store init` of this version takes it to 2; the roles stay.
    let mut owner = PgStore::connect(&StoreConfig::parse(&db.admin_url()).unwrap()).unwrap();
    let m = owner.migrate().unwrap();
    assert_eq!((m.from, m.to), (1, 2));
    let anna_role = db.login_role("anna", "pw-anna");
    owner
        .grant(&anna_role, "advisor", Some("kronoberg"), None)
        .unwrap();
    let almi_role = db.login_role("almi", "pw-almi");
    owner
        .grant(&almi_role, "actor", Some("kronoberg"), Some("almi"))
        .unwrap();
    let anna_url = db.url_for(&anna_role, "pw-anna");
    let almi_url = db.url_for(&almi_role, "pw-almi");

    let (_a, anna) = laptop();
    let s = visit(&anna, &q, "Gammal AB", &["almi"], &["almi"]);
    sync(&anna, &anna_url, &q);
    // As if pushed before schema 2: no referral rows yet.
    admin
        .batch_execute(
            "UPDATE behovsanalys.sessions SET projected = false; DELETE FROM behovsanalys.referrals",
        )
        .unwrap();
    let mut almi = connect(&almi_url);
    assert!(almi.referrals().unwrap().is_empty());
    // The next sync writes them, without a new revision.
    let rep = sync(&anna, &anna_url, &q);
    assert!(rep.pushed.is_empty(), "{rep:?}");
    let mine = almi.referrals().unwrap();
    assert_eq!(mine.len(), 1);
    assert_eq!(mine[0].session, s.meta.id);
    let rev: i64 = admin
        .query_one("SELECT revision FROM behovsanalys.sessions", &[])
        .unwrap()
        .get(0);
    assert_eq!(rev, 1);
}
