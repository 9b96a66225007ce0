//! A referral's life through the command line: exported with consent →
//! recorded as sent (once), marked contacted and given an outcome with
//! `referrals mark`, listed with `referrals list`, counted by `report`;
//! every refusal with a clear message in Swedish and English.

use std::path::Path;

use assert_cmd::Command;
use behovsanalys::questionnaire::builtin;
use behovsanalys::session::Store;
use serde_json::Value;

const FIXTURE: &str = "tests/fixtures/export/referral.toml";

fn bin(data: &Path) -> Command {
    let mut c = Command::cargo_bin("behovsanalys").unwrap();
    c.env_remove("BEHOVSANALYS_DATE")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C")
        .env("BEHOVSANALYS_DATA_DIR", data);
    c
}

struct Out {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run(data: &Path, args: &[&str]) -> Out {
    let o = bin(data).args(args).output().unwrap();
    Out {
        code: o.status.code().unwrap_or(-1),
        stdout: String::from_utf8(o.stdout).unwrap(),
        stderr: String::from_utf8(o.stderr).unwrap(),
    }
}

/// A data directory with the fixture as session `s1` (consent for EEN).
fn data() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("sessions")).unwrap();
    std::fs::copy(FIXTURE, dir.path().join("sessions/s1.toml")).unwrap();
    dir
}

fn session_text(data: &Path) -> String {
    std::fs::read_to_string(data.join("sessions/s1.toml")).unwrap()
}

fn list(data: &Path, args: &[&str]) -> Vec<Value> {
    let mut a = vec!["referrals", "list", "--format", "json"];
    a.extend_from_slice(args);
    let o = run(data, &a);
    assert_eq!(o.code, 0, "{}", o.stderr);
    let v: Value = serde_json::from_str(&o.stdout).unwrap();
    v["referrals"].as_array().unwrap().clone()
}

fn export(data: &Path, out: &str) -> Out {
    let out = data.join(out);
    run(
        data,
        &[
            "export",
            "--session",
            "s1",
            "--actor",
            "een",
            "--format",
            "md",
            "--out",
            out.to_str().unwrap(),
        ],
    )
}

#[test]
fn an_exported_referral_is_recorded_as_sent_once() {
    let d = data();
    let o = export(d.path(), "a.md");
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert!(
        o.stderr.contains("recorded as sent in session s1"),
        "{}",
        o.stderr
    );
    let text = session_text(d.path());
    assert_eq!(text.matches("[[meta.referral]]").count(), 1, "{text}");
    assert!(text.contains("actor = \"een\""));
    // Again: a second document, no second record, nothing said about it.
    let o = export(d.path(), "b.md");
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert!(!o.stderr.contains("recorded"), "{}", o.stderr);
    assert_eq!(
        session_text(d.path()).matches("[[meta.referral]]").count(),
        1
    );
    let rows = list(d.path(), &[]);
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["actor"], "een");
    assert_eq!(rows[0]["company"], "Hallbergs Maskinteknik AB");
    assert_eq!(rows[0]["open"], true);
    assert!(rows[0]["contacted_at"].is_null());
    // Without consent nothing is written or recorded.
    let o = run(
        d.path(),
        &[
            "export",
            "--session",
            "s1",
            "--actor",
            "ekn",
            "--format",
            "md",
        ],
    );
    assert_eq!(o.code, 1);
    assert!(!session_text(d.path()).contains("actor = \"ekn\""));
}

#[test]
fn a_referral_is_marked_contacted_then_given_an_outcome_and_counted() {
    let d = data();
    assert_eq!(export(d.path(), "a.md").code, 0);
    let o = run(
        d.path(),
        &[
            "--lang",
            "sv",
            "referrals",
            "mark",
            "s1",
            "een",
            "--contacted",
        ],
    );
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert!(o.stderr.contains("kontaktad"), "{}", o.stderr);
    let o = run(
        d.path(),
        &[
            "referrals",
            "mark",
            "s1",
            "een",
            "--outcome",
            "helped",
            "--note",
            "CE-märkningen klar\u{1b}[2J",
        ],
    );
    assert_eq!(o.code, 0, "{}", o.stderr);
    let rows = list(d.path(), &[]);
    assert_eq!(rows[0]["outcome"], "helped");
    assert_eq!(rows[0]["open"], false);
    assert!(rows[0]["hours_to_contact"].as_f64().unwrap() < 1.0);
    let note = rows[0]["note"].as_str().unwrap();
    assert!(
        note.starts_with("CE-märkningen klar") && !note.contains('\u{1b}'),
        "{note}"
    );
    assert!(list(d.path(), &["--open"]).is_empty());
    assert_eq!(list(d.path(), &["--actor", "een"]).len(), 1);
    assert!(list(d.path(), &["--actor", "almi"]).is_empty());
    // Text: the company, the actor, the outcome in Swedish.
    let o = run(d.path(), &["--lang", "sv", "referrals", "list"]);
    assert!(
        o.stdout.contains("Hallbergs")
            && o.stdout.contains("Enterprise Europe")
            && o.stdout.contains("hjälpt"),
        "{}",
        o.stdout
    );
    let o = run(d.path(), &["--lang", "sv", "referrals", "list", "--open"]);
    assert!(o.stdout.contains("Inga öppna remisser"), "{}", o.stdout);
    // The report counts it (sent today: judged now).
    let o = run(
        d.path(),
        &["report", "--format", "json", "--min-group", "1"],
    );
    assert_eq!(o.code, 0, "{}", o.stderr);
    let v: Value = serde_json::from_str(&o.stdout).unwrap();
    let een = v["referrals"]["actors"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == "een")
        .unwrap();
    assert_eq!(een["sent"], 1);
    assert_eq!(een["contacted"], 1);
    assert_eq!(een["contacted_within_24h"], 1);
    assert_eq!(een["share_within_24h"], 100.0);
    assert_eq!(een["outcomes"]["helped"], 1);
}

#[test]
fn marks_that_cannot_be_true_are_refused_with_a_reason() {
    let d = data();
    let p = d.path();
    // Not sent yet.
    let o = run(p, &["referrals", "mark", "s1", "een", "--contacted"]);
    assert_eq!(o.code, 1);
    assert!(
        o.stderr.contains("no referral to `een` was sent"),
        "{}",
        o.stderr
    );
    assert_eq!(export(p, "a.md").code, 0);
    let before = session_text(p);
    for (args, code, en, sv) in [
        (
            vec!["--contacted", "--at", "2020-01-01 10:00"],
            1,
            "cannot be before the referral was sent",
            "kan inte vara före att remissen skickades",
        ),
        (
            vec!["--outcome", "declined", "--at", "2020-01-01T10:00:00Z"],
            1,
            "cannot be before the referral was sent",
            "kan inte vara före att remissen skickades",
        ),
        (
            vec!["--contacted", "--at", "2999-01-01 10:00"],
            1,
            "is in the future",
            "har inte hänt än",
        ),
        (
            vec!["--contacted", "--at", "2026-13-01 10:00"],
            2,
            "is not a time",
            "är ingen tidpunkt",
        ),
        (
            vec!["--contacted", "--at", "2026-03-29 02:30"],
            2,
            "summer time",
            "sommartid",
        ),
        (
            vec!["--outcome", "maybe"],
            2,
            "possible values",
            "möjliga värden",
        ),
        (
            vec!["--outcome", "helped", "--note", &"x".repeat(300)],
            1,
            "at most 280",
            "högst 280",
        ),
    ] {
        for (lang, want) in [("en", en), ("sv", sv)] {
            let mut a = vec!["--lang", lang, "referrals", "mark", "s1", "een"];
            a.extend(args.iter().copied());
            let o = run(p, &a);
            assert_eq!(o.code, code, "{a:?}: {}", o.stderr);
            assert!(o.stderr.contains(want), "{a:?}: {}", o.stderr);
        }
    }
    // Neither --contacted nor --outcome, or both.
    assert_eq!(run(p, &["referrals", "mark", "s1", "een"]).code, 2);
    assert_eq!(
        run(
            p,
            &[
                "referrals",
                "mark",
                "s1",
                "een",
                "--contacted",
                "--outcome",
                "helped"
            ]
        )
        .code,
        2
    );
    // An actor the questionnaire does not know; a session that is not there.
    let o = run(
        p,
        &[
            "--lang",
            "sv",
            "referrals",
            "mark",
            "s1",
            "eeen",
            "--contacted",
        ],
    );
    assert_eq!(o.code, 1);
    assert!(
        o.stderr.contains("ingen aktör `eeen`") && o.stderr.contains("menade du `een`"),
        "{}",
        o.stderr
    );
    let o = run(p, &["referrals", "mark", "nosuch", "een", "--contacted"]);
    assert_eq!(o.code, 1);
    assert!(o.stderr.contains("no session `nosuch`"), "{}", o.stderr);
    // An outcome before the contact.
    assert_eq!(
        run(p, &["referrals", "mark", "s1", "een", "--contacted"]).code,
        0
    );
    let o = run(
        p,
        &[
            "referrals",
            "mark",
            "s1",
            "een",
            "--outcome",
            "helped",
            "--at",
            "2026-01-01 10:00",
        ],
    );
    assert_eq!(o.code, 1);
    // Nothing refused changed the file (the contact above did).
    assert!(before.contains("[[meta.referral]]"));
}

#[test]
fn a_session_open_in_a_wizard_is_not_marked_and_its_export_not_recorded() {
    let d = data();
    let p = d.path();
    let q = builtin().unwrap().questionnaire;
    let store = Store::open(Some(p)).unwrap();
    let lock = store.lock("s1").unwrap();
    let before = session_text(p);
    for lang in ["en", "sv"] {
        let o = run(
            p,
            &[
                "--lang",
                lang,
                "referrals",
                "mark",
                "s1",
                "een",
                "--contacted",
            ],
        );
        assert_eq!(o.code, 1);
        let want = if lang == "sv" {
            "är öppen i en annan behovsanalys"
        } else {
            "is open in another behovsanalys"
        };
        assert!(o.stderr.contains(want), "{}", o.stderr);
        // Who holds it, in the same language.
        let (yes, no) = if lang == "sv" {
            (", sedan ", ", since ")
        } else {
            (", since ", ", sedan ")
        };
        assert!(
            o.stderr.contains(yes) && !o.stderr.contains(no),
            "{}",
            o.stderr
        );
        // The document is written; the record is left to the wizard, and
        // the user is told.
        let out = p.join(format!("locked-{lang}.md"));
        let o = run(
            p,
            &[
                "--lang",
                lang,
                "export",
                "--session",
                "s1",
                "--actor",
                "een",
                "--out",
                out.to_str().unwrap(),
            ],
        );
        assert_eq!(o.code, 0, "{}", o.stderr);
        assert!(o.stderr.contains(want), "{}", o.stderr);
        let said = if lang == "sv" {
            "registrerades inte som skickad"
        } else {
            "not recorded as sent"
        };
        assert!(o.stderr.contains(said), "{}", o.stderr);
        assert!(
            o.stderr.contains(yes) && !o.stderr.contains(no),
            "{}",
            o.stderr
        );
        assert!(out.exists());
    }
    assert_eq!(
        session_text(p),
        before,
        "nothing written behind the wizard's back"
    );
    drop(lock);
    // Closed: exporting again records it.
    assert_eq!(export(p, "after.md").code, 0);
    assert_eq!(
        run(p, &["referrals", "mark", "s1", "een", "--contacted"]).code,
        0
    );
    let (s, _) = store.load("s1", &q).unwrap();
    assert!(s.referral("een").unwrap().contacted_at.is_some());
}

#[test]
fn the_history_stays_last_in_a_session_with_referrals() {
    let d = data();
    let p = d.path();
    // A session saved by the wizard has a history.
    let q = builtin().unwrap().questionnaire;
    let store = Store::open(Some(p)).unwrap();
    let (mut s, _) = store.load("s1", &q).unwrap();
    s.set_answer_at(
        "exporterar",
        Some(behovsanalys::answers::Answer::Choice("ja_ibland".into())),
        "2026-11-25T10:00:00Z",
    );
    store.save(&mut s, &q).unwrap();
    assert_eq!(export(p, "a.md").code, 0);
    let text = session_text(p);
    let referral = text.find("[[meta.referral]]").unwrap();
    let history = text.find("[[meta.history]]").unwrap();
    assert!(referral < history, "{text}");
    assert!(
        text[history..].matches("[meta]").count() == 0,
        "one [meta] table: {text}"
    );
}

#[test]
fn referrals_help_is_in_both_languages() {
    let d = data();
    let o = run(d.path(), &["--lang", "sv", "referrals", "mark", "--help"]);
    assert_eq!(o.code, 0);
    assert!(
        o.stdout.contains("Registrera att aktören tog kontakt"),
        "{}",
        o.stdout
    );
    assert!(o.stdout.contains("svensk tid"), "{}", o.stdout);
    let o = run(d.path(), &["--lang", "en", "referrals", "list", "--help"]);
    assert!(
        o.stdout.contains("Only referrals without an outcome"),
        "{}",
        o.stdout
    );
}

/// A referral contacted within its 24 hours is counted in the share before
/// the 24 hours have passed; the report's note says so in both languages
/// (not only "those whose 24 hours had passed").
#[test]
fn the_24_hour_note_says_which_referrals_the_share_covers() {
    let d = data();
    assert_eq!(export(d.path(), "a.md").code, 0);
    let o = run(d.path(), &["referrals", "mark", "s1", "een", "--contacted"]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    for (lang, row, note) in [
        (
            "sv",
            "(1 av 1)",
            "eller som redan kontaktats inom 24 timmar",
        ),
        (
            "en",
            "(1 of 1)",
            "or that were already contacted within 24 hours",
        ),
    ] {
        for format in ["md", "html"] {
            let o = run(
                d.path(),
                &[
                    "--lang",
                    lang,
                    "report",
                    "--format",
                    format,
                    "--min-group",
                    "1",
                ],
            );
            assert_eq!(o.code, 0, "{}", o.stderr);
            assert!(o.stdout.contains(row), "{lang} {format}: {}", o.stdout);
            assert!(o.stdout.contains(note), "{lang} {format}: {}", o.stdout);
        }
    }
}
