//! `behovsanalys report`: statistics over generated sessions, suppression of
//! small groups, unreadable files, follow-up visits, anonymity, scale.

use std::path::Path;

#[path = "support/cli.rs"]
mod cli;
use behovsanalys::questionnaire::{Questionnaire, builtin};
use cli::bin;

#[path = "../benches/support/mod.rs"]
mod support;
use support::org_number;

fn report(data: &Path, args: &[&str]) -> (bool, String, String) {
    let out = bin()
        .arg("report")
        .arg("--data-dir")
        .arg(data)
        .args(["--date", "2026-12-31"])
        .args(args)
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn json(data: &Path, args: &[&str]) -> serde_json::Value {
    let mut a = vec!["--format", "json"];
    a.extend_from_slice(args);
    let (ok, out, err) = report(data, &a);
    assert!(ok, "{err}");
    serde_json::from_str(&out).unwrap()
}

fn q() -> Questionnaire {
    builtin().unwrap().questionnaire
}

#[test]
fn golden_files_over_generated_sessions() {
    let dir = tempfile::tempdir().unwrap();
    support::sessions(&q(), &dir.path().join("sessions"), 60, 7);
    for f in ["md", "csv", "json", "html"] {
        let (ok, out, err) = report(dir.path(), &["--format", f]);
        assert!(ok, "{err}");
        insta::assert_snapshot!(format!("report_{f}"), out);
    }
    let (ok, html, _) = report(dir.path(), &["--format", "html"]);
    assert!(ok);
    assert!(html.contains("<svg"), "bar charts are inline SVG");
    assert!(!html.contains("<script"));
    assert!(!html.contains("http://") || html.contains("xmlns=\"http://www.w3.org/2000/svg\""));
}

#[test]
fn no_company_names_org_numbers_or_private_notes_in_any_format() {
    let dir = tempfile::tempdir().unwrap();
    support::sessions(&q(), &dir.path().join("sessions"), 40, 11);
    for f in ["md", "csv", "json", "html"] {
        let (ok, out, _) = report(dir.path(), &["--format", f, "--min-group", "1"]);
        assert!(ok);
        assert!(!out.contains("Generated Company"), "{f}");
        assert!(!out.contains("SECRET-NOTE"), "{f}");
        for i in 0..40 {
            assert!(!out.contains(&org_number(i)), "{f}: org number {i}");
        }
    }
}

#[test]
fn small_groups_are_suppressed() {
    let dir = tempfile::tempdir().unwrap();
    let sessions = dir.path().join("sessions");
    support::sessions(&q(), &sessions, 30, 3);
    // Three companies in a municipality of their own.
    for i in 0..3 {
        let text = format!(
            "questionnaire = \"exportbehov\"\n[company]\nname = \"Lillby {i} AB\"\nmunicipality = \"Lillby\"\nemployees = 5\n[answers]\nexporterar = \"nej_men_planerar\"\nlanebehov = \"ja_storre\"\n[consent]\nalmi = true\n[meta]\nupdated = \"2026-06-0{}T10:00:00Z\"\n",
            i + 1
        );
        std::fs::write(sessions.join(format!("lillby{i}.toml")), text).unwrap();
    }
    let v = json(dir.path(), &[]);
    assert_eq!(v["counts"]["sessions"], 33);
    let muni = v["needs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["dimension"] == "municipality")
        .unwrap();
    let lillby = muni["groups"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["label"] == "Lillby")
        .unwrap();
    assert_eq!(lillby["suppressed"], true);
    assert!(lillby["companies"].is_null());
    assert!(
        lillby["areas"]
            .as_array()
            .unwrap()
            .iter()
            .all(|a| a["mean"].is_null() && a["n"].is_null())
    );
    let (_, md, _) = report(dir.path(), &[]);
    let row = md.lines().find(|l| l.starts_with("| Lillby")).unwrap();
    assert!(row.contains(".."), "{row}");
    assert!(!row.chars().any(|c| c.is_ascii_digit()), "{row}");
    // With a minimum below it (and no group of one to hide it with) the
    // group is shown.
    let v = json(dir.path(), &["--min-group", "2"]);
    let shown = v["needs"][3]["groups"]
        .as_array()
        .unwrap()
        .iter()
        .any(|g| g["label"] == "Lillby" && g["companies"] == 3);
    assert!(shown);
    // Filtering to that municipality: everything is below the minimum.
    let v = json(dir.path(), &["--municipality", "lillby"]);
    assert!(v["counts"]["sessions"].is_null());
    assert!(v["counts"]["companies"].is_null());
    assert!(v["needs"][0]["groups"][0]["companies"].is_null());
    assert!(
        v["actors"]
            .as_array()
            .unwrap()
            .iter()
            .all(|a| a["recommended"].is_null() || a["recommended"] == 0)
    );
}

#[test]
fn unreadable_files_are_skipped_and_counted() {
    let dir = tempfile::tempdir().unwrap();
    let sessions = dir.path().join("sessions");
    support::sessions(&q(), &sessions, 12, 5);
    std::fs::write(
        sessions.join("trasig.toml"),
        "questionnaire = \"exportbehov\"\n[answers\n",
    )
    .unwrap();
    std::fs::write(sessions.join("binar.toml"), [0xff, 0xfe, 0x00, 0x41]).unwrap();
    std::fs::write(sessions.join("fel.toml"), "questionnaire = 5\n[answers]\n").unwrap();
    std::fs::write(
        sessions.join("annan.toml"),
        "questionnaire = \"annat\"\n[answers]\n",
    )
    .unwrap();
    std::fs::write(sessions.join("notes.txt"), "ignored").unwrap();
    let (ok, md, err) = report(dir.path(), &[]);
    assert!(ok, "{err}");
    assert!(md.contains("3 filer kunde inte läsas"), "{md}");
    assert!(
        md.contains("1 filer hör till ett annat frågeformulär"),
        "{md}"
    );
    assert!(err.contains("3 file(s)"), "{err}");
    let v = json(dir.path(), &[]);
    assert_eq!(v["counts"]["sessions"], 12);
    assert_eq!(v["files"]["unreadable"], 3);
    assert_eq!(v["files"]["other_questionnaire"], 1);
}

#[test]
fn date_filter_and_empty_data_dir() {
    let dir = tempfile::tempdir().unwrap();
    support::sessions(&q(), &dir.path().join("sessions"), 24, 9);
    let v = json(dir.path(), &["--from", "2026-03-01", "--to", "2026-05-31"]);
    // Months 3, 4 and 5 of the 12-month cycle, twice.
    assert_eq!(v["counts"]["sessions"], 6);
    // A data directory whose sessions folder is empty: a report of nothing.
    let empty = tempfile::tempdir().unwrap();
    std::fs::create_dir(empty.path().join("sessions")).unwrap();
    let v = json(empty.path(), &[]);
    assert_eq!(v["counts"]["sessions"], 0);
    assert_eq!(v["counts"]["companies"], 0);
    let (ok, _, err) = report(dir.path(), &["--from", "2026-13-01"]);
    assert!(!ok);
    assert!(err.contains("2026-13-01"), "{err}");
    let out = bin()
        .args(["report", "--min-group", "0"])
        .arg("--data-dir")
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_data_dir_that_is_not_there_is_an_error_not_an_empty_report() {
    let dir = tempfile::tempdir().unwrap();
    let nowhere = dir.path().join("no-such-dir");
    let (ok, out, err) = report(&nowhere, &[]);
    assert!(!ok, "{out}");
    assert!(out.is_empty(), "{out}");
    assert!(err.contains("no-such-dir"), "{err}");
    assert!(err.contains("no data directory"), "{err}");
    // A folder that exists but holds no sessions folder is not a data
    // directory either (a wrong path, e.g. the sessions folder itself).
    let (ok, _, err) = report(dir.path(), &[]);
    assert!(!ok);
    assert!(err.contains("no sessions folder"), "{err}");
}

#[test]
fn dates_are_checked_at_the_argument_boundary() {
    let dir = tempfile::tempdir().unwrap();
    support::sessions(&q(), &dir.path().join("sessions"), 3, 9);
    for (args, shown) in [
        (&["--from", "2026-03-01junk"][..], "2026-03-01junk"),
        (&["--to", "2026-02-30"][..], "2026-02-30"),
        (&["--date", "25/11/2026"][..], "25/11/2026"),
    ] {
        let out = bin()
            .arg("report")
            .arg("--data-dir")
            .arg(dir.path())
            .args(args)
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains(shown) && err.contains(args[0]), "{err}");
        assert!(out.stdout.is_empty());
    }
    // BEHOVSANALYS_DATE is checked the same way.
    let out = bin()
        .env("BEHOVSANALYS_DATE", "2026-11-25junk")
        .arg("report")
        .arg("--data-dir")
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    // A period that ends before it starts.
    let (ok, out, err) = report(dir.path(), &["--from", "2026-09-30", "--to", "2026-07-01"]);
    assert!(!ok && out.is_empty());
    assert!(
        err.contains("2026-07-01") && err.contains("2026-09-30"),
        "{err}"
    );
}

/// Companies whose first and latest advisor visit are both in the data:
/// every 10th generated session follows up the one before; a pair where
/// either is a self-assessment (every 7th session) has only one visit.
fn compared(n: usize) -> usize {
    (0..n)
        .filter(|i| i % 10 == 9 && i % 7 != 0 && (i - 1) % 7 != 0)
        .count()
}

#[test]
fn follow_up_visits_are_compared() {
    let dir = tempfile::tempdir().unwrap();
    support::sessions(&q(), &dir.path().join("sessions"), 100, 13);
    let v = json(dir.path(), &[]);
    assert_eq!(v["follow_up"]["companies"], compared(100));
    assert_eq!(v["counts"]["companies"], 90);
    let v = json(dir.path(), &["--min-group", "11"]);
    assert!(v["follow_up"]["companies"].is_null());
    assert!(v["follow_up"]["areas"][0]["first_mean"].is_null());
}

#[test]
fn report_over_10000_sessions() {
    let dir = tempfile::tempdir().unwrap();
    let started = std::time::Instant::now();
    support::sessions(&q(), &dir.path().join("sessions"), 10_000, 42);
    let generated = started.elapsed();
    let started = std::time::Instant::now();
    let v = json(dir.path(), &[]);
    eprintln!(
        "10,000 sessions: generated in {generated:?}, report in {:?}",
        started.elapsed()
    );
    assert_eq!(v["counts"]["sessions"], 10_000);
    assert_eq!(v["files"]["unreadable"], 0);
    assert_eq!(v["follow_up"]["companies"], compared(10_000));
    let all = &v["needs"][0]["groups"][0];
    assert_eq!(all["companies"], 9_000);
    assert!(
        all["areas"]
            .as_array()
            .unwrap()
            .iter()
            .all(|a| a["mean"].is_number())
    );
}

/// Generates sessions for a benchmark:
/// `BEHOVSANALYS_GEN_DIR=/tmp/d BEHOVSANALYS_GEN_N=100000 cargo test --release --test report_cli generate_for_benchmark -- --ignored`
/// then `behovsanalys report --data-dir /tmp/d`.
#[test]
#[ignore]
fn generate_for_benchmark() {
    let dir = std::env::var("BEHOVSANALYS_GEN_DIR").expect("set BEHOVSANALYS_GEN_DIR");
    let n: usize = std::env::var("BEHOVSANALYS_GEN_N")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(100_000);
    support::sessions(&q(), &Path::new(&dir).join("sessions"), n, 42);
}

#[test]
fn csv_values_are_plain_numbers_or_hidden() {
    let dir = tempfile::tempdir().unwrap();
    support::sessions(&q(), &dir.path().join("sessions"), 100, 13);
    // Everything shown (the changes at follow-ups are about a few companies).
    let (ok, out, err) = report(dir.path(), &["--format", "csv", "--min-group", "1"]);
    assert!(ok, "{err}");
    let mut negatives = 0;
    for (i, line) in out
        .split("\r\n")
        .filter(|l| !l.is_empty())
        .enumerate()
        .skip(1)
    {
        // The last two cells: the value and whether it is hidden; no label
        // before them ends in a quote-free comma pair.
        let mut cells = line.rsplit(',');
        let suppressed = cells.next().unwrap();
        let value = cells.next().unwrap();
        match suppressed {
            "true" => assert!(value.is_empty(), "line {i}: {line}"),
            "false" => assert!(
                value.is_empty() || value.parse::<f64>().is_ok(),
                "line {i}: {line}"
            ),
            _ => panic!("line {i}: {line}"),
        }
        negatives += usize::from(value.starts_with('-'));
    }
    assert!(negatives > 0, "the follow-up has falling needs: {out}");
}
