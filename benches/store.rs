//! The shared store on a throwaway PostgreSQL 15 (the tests' cluster:
//! `tests/support/pg.rs`), run by hand:
//!
//!   cargo bench --bench store            # sync 10,000 + report 1,000,000
//!   STORE_BENCH_SYNC=2000 STORE_BENCH_REPORT=100000 cargo bench --bench store
//!
//! Prints wall times; the figures are in docs/PERFORMANCE.md.
//! - `sync` of N generated sessions (`benches/support`): the first push
//!   from laptop A, the first pull into an empty laptop B, a sync with
//!   nothing to do, and a sync after 1 % of the sessions were edited;
//! - `report` over M sessions in PostgreSQL (the statistics texts of the N
//!   generated sessions repeated, inserted with `generate_series`), next to
//!   `report` over the N session files.

#[path = "../tests/support/pg.rs"]
mod pg;
mod support;

use std::time::Instant;

use behovsanalys::answers::Answer;
use behovsanalys::questionnaire;
use behovsanalys::report::{self, ReportOptions};
use behovsanalys::session::Store;
use behovsanalys::store::{PgStore, StoreConfig, local, sync};

fn env_n(k: &str, default: usize) -> usize {
    std::env::var(k)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn main() {
    if std::env::args().any(|a| a == "--list" || a == "--test") {
        // `cargo test --benches` / `--list`: nothing to list.
        return;
    }
    let n = env_n("STORE_BENCH_SYNC", 10_000);
    let m = env_n("STORE_BENCH_REPORT", 1_000_000);
    let q = questionnaire::builtin().unwrap().questionnaire;
    println!(
        "machine: {} cores; load {}",
        std::thread::available_parallelism().map_or(0, |n| n.get()),
        std::fs::read_to_string("/proc/loadavg")
            .unwrap_or_default()
            .trim()
    );
    let db = pg::db().expect("PostgreSQL must start for this benchmark");
    let mut owner = PgStore::open(&StoreConfig::parse(&db.admin_url()).unwrap()).unwrap();
    let anna = db.login_role("anna", "pw-a");
    let bo = db.login_role("bo", "pw-b");
    owner.grant(&anna, "advisor", Some("r0"), None).unwrap();
    owner.grant(&bo, "advisor", Some("r0"), None).unwrap();
    let connect = |role: &str, pw: &str| {
        PgStore::open(&StoreConfig::parse(&db.url_for(role, pw)).unwrap()).unwrap()
    };

    // ---- sync
    let a_dir = tempfile::tempdir().unwrap();
    let t = Instant::now();
    support::sessions(&q, &a_dir.path().join("sessions"), n, 7);
    println!("generated {n} sessions in {:.2?}", t.elapsed());
    let a = Store::open(Some(a_dir.path())).unwrap();
    let b_dir = tempfile::tempdir().unwrap();
    let b = Store::open(Some(b_dir.path())).unwrap();

    let t = Instant::now();
    let r = sync(&a, &mut connect(&anna, "pw-a"), &q).unwrap();
    println!(
        "sync push {n}: {:.2?} ({} pushed)",
        t.elapsed(),
        r.pushed.len()
    );
    assert_eq!(r.pushed.len(), n);
    let t = Instant::now();
    let r = sync(&b, &mut connect(&bo, "pw-b"), &q).unwrap();
    println!(
        "sync pull {n} into an empty laptop: {:.2?} ({} new)",
        t.elapsed(),
        r.new_here.len()
    );
    assert_eq!(r.new_here.len(), n);
    let t = Instant::now();
    let r = sync(&a, &mut connect(&anna, "pw-a"), &q).unwrap();
    println!("sync with nothing to do ({n} local): {:.2?}", t.elapsed());
    assert!(!r.changed_anything());
    let ids = a.ids().unwrap();
    let edits = (n / 100).max(1);
    for id in ids.iter().take(edits) {
        let (mut s, _) = a.load(id, &q).unwrap();
        s.set_answer_at(
            "anstallda",
            Some(Answer::Number(7.0)),
            "2026-12-01T10:00:00Z",
        );
        a.save(&mut s, &q).unwrap();
    }
    let t = Instant::now();
    let r = sync(&a, &mut connect(&anna, "pw-a"), &q).unwrap();
    println!(
        "sync after editing {edits}: {:.2?} ({} pushed)",
        t.elapsed(),
        r.pushed.len()
    );
    let t = Instant::now();
    let r = sync(&b, &mut connect(&bo, "pw-b"), &q).unwrap();
    println!(
        "sync pulling those {edits}: {:.2?} ({} pulled)",
        t.elapsed(),
        r.pulled.len()
    );

    // ---- report
    let opts = ReportOptions {
        date: Some(behovsanalys::time::parse_ymd("2026-12-31").unwrap()),
        ..ReportOptions::default()
    };
    let t = Instant::now();
    let files = report::compute(&q, &a.sessions_dir(), &opts).unwrap();
    println!("report over {n} files: {:.2?}", t.elapsed());
    let t = Instant::now();
    let rows = report::compute_stream(&q, &opts, |sink| {
        connect(&anna, "pw-a")
            .for_each_stats(&[], |id, text| sink(id.to_string(), text.to_string()))
            .map(|_| ())
            .map_err(|e| e.to_string())
    })
    .unwrap();
    println!(
        "report over the same {n} in PostgreSQL: {:.2?}",
        t.elapsed()
    );
    assert_eq!(rows.counts.sessions, files.counts.sessions);

    // M rows: the statistics texts of the n sessions, repeated, 21 regions.
    let stats: Vec<String> = ids
        .iter()
        .map(|id| local::stats_text(&a.load(id, &q).unwrap().0, &q))
        .collect();
    let mut admin = db.admin();
    let t = Instant::now();
    admin
        .execute(
            "INSERT INTO behovsanalys.sessions (id, region, revision, content_hash, body, stats, owner, changed_by)
             SELECT 'x' || g, 'r' || (g % 21), 1, md5(g::text), '', ($1::text[])[1 + g % array_length($1::text[], 1)], 'bench', 'bench'
             FROM generate_series(1, $2::int) g",
            &[&stats, &(m as i32)],
        )
        .unwrap();
    admin
        .batch_execute("VACUUM ANALYZE behovsanalys.sessions")
        .unwrap();
    println!("inserted {m} rows in {:.2?}", t.elapsed());
    let size: String = admin
        .query_one(
            "SELECT pg_size_pretty(pg_total_relation_size('behovsanalys.sessions'))",
            &[],
        )
        .unwrap()
        .get(0);
    println!("table size: {size}");
    let nat = db.login_role("nat", "pw-n");
    owner.grant(&nat, "national", None, None).unwrap();
    for _ in 0..2 {
        let t = Instant::now();
        let s = report::compute_stream(&q, &opts, |sink| {
            connect(&nat, "pw-n")
                .for_each_stats(&[], |id, text| sink(id.to_string(), text.to_string()))
                .map(|_| ())
                .map_err(|e| e.to_string())
        })
        .unwrap();
        println!(
            "report over {} sessions in PostgreSQL (national, every region): {:.2?}",
            s.counts.sessions.unwrap_or(0),
            t.elapsed()
        );
    }
    let t = Instant::now();
    let s = report::compute_stream(&q, &opts, |sink| {
        connect(&nat, "pw-n")
            .for_each_stats(&["r3".to_string()], |id, text| {
                sink(id.to_string(), text.to_string())
            })
            .map(|_| ())
            .map_err(|e| e.to_string())
    })
    .unwrap();
    println!(
        "report over one region ({} sessions): {:.2?}",
        s.counts.sessions.unwrap_or(0),
        t.elapsed()
    );
    println!(
        "peak RSS: {}",
        std::fs::read_to_string("/proc/self/status")
            .unwrap_or_default()
            .lines()
            .find(|l| l.starts_with("VmHWM"))
            .unwrap_or("")
    );
}
