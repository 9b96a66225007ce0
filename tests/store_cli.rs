//! The shared store through the binary, as advisors use it: `store init`,
//! `store grant`, `sync` on two laptops, a conflict shown by `sessions list`
//! and resolved by `sessions resolve`, the store down, a sync killed with
//! SIGKILL half-way and run again.

#[path = "support/pg.rs"]
mod pg;

use std::path::Path;
use std::process::Output;
use std::time::{Duration, Instant};

use assert_cmd::Command;
use behovsanalys::answers::Answer;
use behovsanalys::questionnaire;
use behovsanalys::session::{SessionMode, Store};

fn bin(data: &Path, store: &str) -> Command {
    let mut c = Command::cargo_bin("behovsanalys").unwrap();
    c.env("BEHOVSANALYS_DATA_DIR", data)
        .env("BEHOVSANALYS_STORE", store)
        .env_remove("PGPASSWORD")
        .env("PGPASSFILE", "/nonexistent")
        .env("LC_ALL", "C");
    c
}

fn ok(out: Output) -> String {
    assert!(
        out.status.success(),
        "exit {:?}\nstdout: {}\nstderr: {}",
        out.status.code(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn ids(data: &Path, store: &str) -> Vec<String> {
    let out = ok(bin(data, store)
        .args(["sessions", "list", "--format", "json"])
        .output()
        .unwrap());
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let mut ids: Vec<String> = v["sessions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap().to_string())
        .collect();
    ids.sort();
    ids
}

/// The owner sets the store up; two advisors of one region get logins.
fn setup(db: &pg::TestDb) -> (String, String) {
    let admin = db.admin_url();
    let tmp = tempfile::tempdir().unwrap();
    let out = ok(bin(tmp.path(), &admin)
        .args(["store", "init"])
        .output()
        .unwrap());
    assert!(out.contains("version 0 to 2"), "{out}");
    let again = ok(bin(tmp.path(), &admin)
        .args(["store", "init"])
        .output()
        .unwrap());
    assert!(again.contains("nothing to do"), "{again}");
    let mut urls = Vec::new();
    for name in ["anna", "bo"] {
        let role = db.login_role(name, &format!("pw-{name}"));
        ok(bin(tmp.path(), &admin)
            .args([
                "store",
                "grant",
                &role,
                "--as",
                "advisor",
                "--region",
                "kronoberg",
            ])
            .output()
            .unwrap());
        urls.push(db.url_for(&role, &format!("pw-{name}")));
    }
    (urls[0].clone(), urls[1].clone())
}

#[test]
fn two_laptops_sync_conflict_and_resolve_through_the_binary() {
    let Some(db) = pg::db() else { return };
    let (anna_url, bo_url) = setup(&db);
    let anna = tempfile::tempdir().unwrap();
    let bo = tempfile::tempdir().unwrap();
    // Offline visits: each imports a company's self-assessment.
    for (dir, url, file) in [
        (&anna, &anna_url, "maskin_tyskland.toml"),
        (&anna, &anna_url, "startup_tillvaxt.toml"),
        (&bo, &bo_url, "usa_utan_partner.toml"),
    ] {
        ok(bin(dir.path(), url)
            .args([
                "import",
                &format!("tests/fixtures/profiles/{file}"),
                "--as-new",
            ])
            .output()
            .unwrap());
    }
    let out = ok(bin(anna.path(), &anna_url).arg("sync").output().unwrap());
    assert!(out.contains("pushed: 2"), "{out}");
    let out = ok(bin(bo.path(), &bo_url).arg("sync").output().unwrap());
    assert!(
        out.contains("pushed: 1") && out.contains("new here: 2"),
        "{out}"
    );
    ok(bin(anna.path(), &anna_url).arg("sync").output().unwrap());
    let all = ids(anna.path(), &anna_url);
    assert_eq!(all.len(), 3);
    assert_eq!(ids(bo.path(), &bo_url), all);
    let out = ok(bin(anna.path(), &anna_url).arg("sync").output().unwrap());
    assert!(out.contains("everything is in sync"), "{out}");

    // The same session edited on both laptops.
    let q = questionnaire::builtin().unwrap().questionnaire;
    let id = all[0].clone();
    for (dir, n) in [(&anna, 11.0), (&bo, 22.0)] {
        let store = Store::open(Some(dir.path())).unwrap();
        let (mut s, _) = store.load(&id, &q).unwrap();
        s.set_answer_at("anstallda", Some(Answer::Number(n)), "2026-12-01T10:00:00Z");
        store.save(&mut s, &q).unwrap();
    }
    ok(bin(anna.path(), &anna_url).arg("sync").output().unwrap());
    let out = ok(bin(bo.path(), &bo_url).arg("sync").output().unwrap());
    assert!(out.contains(&format!("CONFLICT {id}")), "{out}");
    let list = ok(bin(bo.path(), &bo_url)
        .args(["sessions", "list"])
        .output()
        .unwrap());
    assert!(
        list.contains(&format!("CONFLICT: sessions resolve {id}")),
        "{list}"
    );

    // Without a choice and without a terminal: told what differs, exit 1.
    let out = bin(bo.path(), &bo_url)
        .args(["sessions", "resolve", &id])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("anstallda"), "{err}");

    ok(bin(bo.path(), &bo_url)
        .args([
            "sessions",
            "resolve",
            &id,
            "--answer",
            "anstallda=server",
            "--answer",
            "*=local",
        ])
        .output()
        .unwrap());
    let out = ok(bin(bo.path(), &bo_url).arg("sync").output().unwrap());
    assert!(
        out.contains("everything is in sync") || out.contains("pushed"),
        "{out}"
    );
    ok(bin(anna.path(), &anna_url).arg("sync").output().unwrap());
    for dir in [&anna, &bo] {
        let store = Store::open(Some(dir.path())).unwrap();
        let (s, _) = store.load(&id, &q).unwrap();
        assert_eq!(
            s.answers.answers.get("anstallda"),
            Some(&Answer::Number(11.0))
        );
        assert!(
            !store
                .sessions_dir()
                .join(format!("{id}.conflict.toml"))
                .exists()
        );
    }
}

#[test]
fn the_store_down_is_said_clearly_and_nothing_local_changes() {
    // A port where nothing listens.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let url = format!("postgres://anna:topsecret@127.0.0.1:{port}/region?sslmode=disable");
    let dir = tempfile::tempdir().unwrap();
    ok(bin(dir.path(), &url)
        .args(["import", "tests/fixtures/profiles/vet_ej.toml"])
        .output()
        .unwrap());
    let before = std::fs::read_dir(dir.path().join("sessions"))
        .unwrap()
        .count();
    let out = bin(dir.path(), &url).arg("sync").output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("cannot reach the store"), "{err}");
    assert!(err.contains("safe on this computer"), "{err}");
    assert!(err.contains("anna:***@127.0.0.1"), "{err}");
    assert!(!err.contains("topsecret"), "{err}");
    assert_eq!(
        std::fs::read_dir(dir.path().join("sessions"))
            .unwrap()
            .count(),
        before
    );
    // In Swedish too, and --help never shows the environment's URL.
    let out = bin(dir.path(), &url)
        .args(["--lang", "sv", "sync"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("kan inte nås") && !err.contains("topsecret"),
        "{err}"
    );
    let help = ok(bin(dir.path(), &url).arg("--help").output().unwrap());
    assert!(!help.contains("topsecret"), "{help}");
}

#[test]
fn a_sync_killed_half_way_completes_when_run_again() {
    let Some(db) = pg::db() else { return };
    let (anna_url, bo_url) = setup(&db);
    let q = questionnaire::builtin().unwrap().questionnaire;
    let anna = tempfile::tempdir().unwrap();
    let store = Store::open(Some(anna.path())).unwrap();
    const N: usize = 600;
    for i in 0..N {
        let mut s = store.create(&q, SessionMode::Advisor);
        s.meta.id = format!("s{i:05}");
        s.answers.company.name = Some(format!("Företag {i}"));
        s.set_answer_at(
            "anstallda",
            Some(Answer::Number(i as f64)),
            "2026-12-01T10:00:00Z",
        );
        s.answers
            .private_notes
            .insert("anstallda".into(), "privat".into());
        store.save_new(&mut s, &q).unwrap();
    }
    let mut admin = db.admin();
    let count = |admin: &mut postgres::Client| -> i64 {
        admin
            .query_one("SELECT count(*) FROM behovsanalys.sessions", &[])
            .map(|r| r.get(0))
            .unwrap_or(0)
    };
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("behovsanalys"))
        .env("BEHOVSANALYS_DATA_DIR", anna.path())
        .env("BEHOVSANALYS_STORE", &anna_url)
        .arg("sync")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(120);
    while count(&mut admin) < 100 && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(5));
    }
    // SIGKILL, half-way.
    child.kill().unwrap();
    let _ = child.wait();
    let half = count(&mut admin);
    assert!(half > 0 && (half as usize) < N, "killed too late: {half}");
    // Run again: everything arrives once, with no conflict.
    let out = ok(bin(anna.path(), &anna_url).arg("sync").output().unwrap());
    assert!(!out.contains("CONFLICT"), "{out}");
    assert_eq!(count(&mut admin), N as i64);
    let revs: i64 = admin
        .query_one("SELECT max(revision) FROM behovsanalys.sessions", &[])
        .unwrap()
        .get(0);
    assert_eq!(revs, 1, "a session was stored twice");
    let out = ok(bin(anna.path(), &anna_url).arg("sync").output().unwrap());
    assert!(out.contains("everything is in sync"), "{out}");
    // Every local file is valid and marked synced.
    let listing = store.list(&q).unwrap();
    assert_eq!(listing.sessions.len(), N);
    assert!(listing.quarantined.is_empty() && listing.problems.is_empty());
    // A second laptop gets them all.
    let bo = tempfile::tempdir().unwrap();
    let out = ok(bin(bo.path(), &bo_url).arg("sync").output().unwrap());
    assert!(out.contains(&format!("new here: {N}")), "{out}");
}

#[test]
fn report_over_the_store_equals_report_over_the_union_of_the_files() {
    let Some(db) = pg::db() else { return };
    let (anna_url, bo_url) = setup(&db);
    let anna = tempfile::tempdir().unwrap();
    let bo = tempfile::tempdir().unwrap();
    let union = tempfile::tempdir().unwrap();
    let profiles: Vec<String> = std::fs::read_dir("tests/fixtures/profiles")
        .unwrap()
        .map(|e| e.unwrap().path().display().to_string())
        .filter(|p| p.ends_with(".toml"))
        .collect();
    for (i, p) in profiles.iter().enumerate() {
        let (dir, url) = if i % 2 == 0 {
            (&anna, &anna_url)
        } else {
            (&bo, &bo_url)
        };
        ok(bin(dir.path(), url)
            .args(["import", p, "--as-new"])
            .output()
            .unwrap());
    }
    // The union, before any sync.
    std::fs::create_dir_all(union.path().join("sessions")).unwrap();
    for dir in [&anna, &bo] {
        for e in std::fs::read_dir(dir.path().join("sessions")).unwrap() {
            let p = e.unwrap().path();
            if p.extension().is_some_and(|x| x == "toml") {
                std::fs::copy(
                    &p,
                    union.path().join("sessions").join(p.file_name().unwrap()),
                )
                .unwrap();
            }
        }
    }
    ok(bin(anna.path(), &anna_url).arg("sync").output().unwrap());
    ok(bin(bo.path(), &bo_url).arg("sync").output().unwrap());
    for format in ["json", "md", "csv"] {
        let args = [
            "report",
            "--format",
            format,
            "--min-group",
            "1",
            "--date",
            "2026-12-01",
        ];
        let files = ok(Command::cargo_bin("behovsanalys")
            .unwrap()
            .env("BEHOVSANALYS_DATA_DIR", union.path())
            .env_remove("BEHOVSANALYS_STORE")
            .env("LC_ALL", "C")
            .args(args)
            .output()
            .unwrap());
        let store = ok(bin(tempfile::tempdir().unwrap().path(), &anna_url)
            .args(args)
            .output()
            .unwrap());
        assert_eq!(store, files, "{format}");
        if format == "json" {
            let v: serde_json::Value = serde_json::from_str(&store).unwrap();
            assert_eq!(v["counts"]["sessions"], profiles.len());
        }
    }

    // A national coordinator reads every region's statistics, no bodies.
    let admin = db.admin_url();
    let nat = db.login_role("nat", "pw-nat");
    ok(bin(anna.path(), &admin)
        .args(["store", "grant", &nat, "--as", "national"])
        .output()
        .unwrap());
    let nat_url = db.url_for(&nat, "pw-nat");
    let out = ok(bin(tempfile::tempdir().unwrap().path(), &nat_url)
        .args([
            "report",
            "--format",
            "json",
            "--min-group",
            "1",
            "--date",
            "2026-12-01",
        ])
        .output()
        .unwrap());
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["counts"]["sessions"], profiles.len());
    let mut c = postgres::Client::connect(&nat_url, postgres::NoTls).unwrap();
    let e = c
        .query("SELECT body FROM behovsanalys.sessions", &[])
        .unwrap_err();
    assert!(format!("{e:?}").contains("permission denied"), "{e:?}");
    // And cannot sync (no bodies to pull).
    let out = bin(tempfile::tempdir().unwrap().path(), &nat_url)
        .arg("sync")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
}

fn fails(c: &mut Command) -> String {
    let out = c.output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "stdout: {}\nstderr: {}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn store_errors_are_in_swedish_under_lang_sv_and_a_refused_role_is_told_why() {
    let Some(db) = pg::db() else { return };
    let (anna_url, _) = setup(&db);
    let tmp = tempfile::tempdir().unwrap();
    let admin = db.admin_url();
    let nat = db.login_role("nat", "pw-nat");
    ok(bin(tmp.path(), &admin)
        .args(["store", "grant", &nat, "--as", "national"])
        .output()
        .unwrap());
    let nat_url = db.url_for(&nat, "pw-nat");

    // A national role's sync: what it may do instead, not "permission denied".
    let err = fails(bin(tmp.path(), &nat_url).args(["--lang", "sv", "sync"]));
    assert!(
        err.contains("rollen `national`") && err.contains("report --store"),
        "{err}"
    );
    assert!(!err.contains("permission denied"), "{err}");
    let err = fails(bin(tmp.path(), &nat_url).args(["--lang", "en", "sync"]));
    assert!(err.contains("gives you the role `national`"), "{err}");
    assert!(!err.contains("nat:pw-nat"), "no password: {err}");

    // An advisor may not give roles: said so, in Swedish.
    let err = fails(bin(tmp.path(), &anna_url).args([
        "--lang", "sv", "store", "grant", &nat, "--as", "advisor", "--region", "x",
    ]));
    assert!(
        err.contains("kan inte ge rollen i databasen")
            && err.contains("din roll i databasen får inte det"),
        "{err}"
    );
    // No such login role; not a store URL.
    let err = fails(bin(tmp.path(), &admin).args([
        "--lang",
        "sv",
        "store",
        "grant",
        "finns_inte",
        "--as",
        "advisor",
        "--region",
        "x",
    ]));
    assert!(
        err.contains("det finns ingen databasroll `finns_inte`"),
        "{err}"
    );
    let err = fails(bin(tmp.path(), "mysql://x@y/z").args(["--lang", "sv", "sync"]));
    assert!(
        err.contains("en databas anges som en postgres://-URL"),
        "{err}"
    );
}
