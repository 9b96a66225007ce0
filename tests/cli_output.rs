//! Where output goes: a closed stdout pipe is a quiet exit 0 for every
//! command; `--out` never writes through or replaces anything but a
//! regular file; `--out-dir` is created; printed paths are sanitised;
//! dates are checked where they enter.

use std::path::Path;
use std::process::{Command as StdCommand, Stdio};
use std::time::{Duration, Instant};

#[path = "support/cli.rs"]
mod cli;
use assert_cmd::cargo::CommandCargoExt as _;
use cli::{bin, run};

const REFERRAL: &str = "tests/fixtures/export/referral.toml";
const MASKIN: &str = "tests/fixtures/profiles/maskin_tyskland.toml";

/// Runs the binary with stdout a pipe whose read end is closed before it
/// starts, so the first write fails with EPIPE.
fn with_closed_stdout(args: &[&str], data: &Path) -> (Option<i32>, String) {
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let mut child = StdCommand::cargo_bin("behovsanalys")
        .unwrap()
        .args(args)
        .env("BEHOVSANALYS_DATA_DIR", data)
        .env_remove("BEHOVSANALYS_DATE")
        .env("LANG", "C")
        .stdin(Stdio::null())
        .stdout(writer)
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let started = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            let mut err = String::new();
            use std::io::Read as _;
            child
                .stderr
                .take()
                .unwrap()
                .read_to_string(&mut err)
                .unwrap();
            return (status.code(), err);
        }
        if started.elapsed() > Duration::from_secs(60) {
            let _ = child.kill();
            panic!("{args:?} did not end with a closed stdout");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn a_closed_stdout_is_a_quiet_success_for_every_command() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    let (code, id, err) = {
        let out = bin()
            .env("BEHOVSANALYS_DATA_DIR", data)
            .args(["import", MASKIN])
            .output()
            .unwrap();
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stdout).trim().to_string(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    assert_eq!(code, Some(0), "{err}");
    let commands: Vec<Vec<&str>> = vec![
        vec![
            "export",
            "--answers",
            REFERRAL,
            "--actor",
            "een",
            "--format",
            "html",
        ],
        vec![
            "export",
            "--answers",
            REFERRAL,
            "--company",
            "--format",
            "csv",
        ],
        vec!["report", "--format", "html"],
        vec!["report", "--format", "json"],
        vec!["score", "--answers", MASKIN],
        vec!["score", "--answers", MASKIN, "--format", "json"],
        vec!["sessions", "list"],
        vec!["sessions", "show", &id],
        vec!["check", "questionnaires/exportbehov.toml"],
        vec!["check", "--explain"],
        vec!["catalogue", "--format", "html"],
        vec!["preview"],
        vec!["schema"],
        vec![
            "diff",
            "tests/fixtures/sessions/q_v1.toml",
            "tests/fixtures/sessions/q_v2.toml",
        ],
        vec!["import", MASKIN, "--as-new"],
        vec!["sessions", "new"],
        vec!["--help"],
    ];
    for args in &commands {
        let (code, err) = with_closed_stdout(args, data);
        assert!(!err.contains("panicked"), "{args:?}: {err}");
        assert_eq!(code, Some(0), "{args:?}: {err}");
    }
}

fn export_out(out: &Path, force: bool) -> (i32, String) {
    let mut args = vec![
        "export",
        "--answers",
        REFERRAL,
        "--company",
        "--out",
        out.to_str().unwrap(),
    ];
    if force {
        args.push("--force");
    }
    let (code, _, err) = run(&args);
    (code, err)
}

#[test]
fn out_replaces_only_regular_files_and_only_with_force() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("summary.md");
    // New: written, and nothing else is left in the folder.
    let (code, err) = export_out(&out, false);
    assert_eq!(code, 0, "{err}");
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["summary.md"], "no temp file left");
    // Existing regular file: refused, then replaced with --force.
    std::fs::write(&out, "old").unwrap();
    let (code, err) = export_out(&out, false);
    assert_eq!(code, 1);
    assert!(err.contains("already exists; use --force"), "{err}");
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "old");
    assert_eq!(export_out(&out, true).0, 0);
    assert!(std::fs::read_to_string(&out).unwrap().starts_with("# "));
}

#[cfg(unix)]
#[test]
fn out_never_writes_through_a_symlink_fifo_or_device() {
    use std::os::unix::fs::{FileTypeExt as _, symlink};
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    // A dangling symlink: not silently replaced (nor its target created).
    let dangling = d.join("dangling.md");
    symlink(d.join("target-that-does-not-exist"), &dangling).unwrap();
    for force in [false, true] {
        let (code, err) = export_out(&dangling, force);
        assert_eq!(code, 1, "force={force}: {err}");
        assert!(err.contains("is a symbolic link"), "{err}");
        assert!(std::fs::symlink_metadata(&dangling).unwrap().is_symlink());
        assert!(!d.join("target-that-does-not-exist").exists());
    }
    // A symlink to a file (here: to what would be the terminal).
    let fd1 = d.join("fd1.md");
    symlink("/proc/self/fd/1", &fd1).unwrap();
    let (code, err) = export_out(&fd1, true);
    assert_eq!(code, 1, "{err}");
    assert!(std::fs::symlink_metadata(&fd1).unwrap().is_symlink());
    let file = d.join("file.md");
    std::fs::write(&file, "keep").unwrap();
    let link = d.join("link.md");
    symlink(&file, &link).unwrap();
    assert_eq!(export_out(&link, true).0, 1);
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "keep");
    // A FIFO: refused at once, never opened (opening would block).
    let fifo = d.join("fifo.md");
    let made = StdCommand::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success(), "mkfifo");
    for force in [false, true] {
        let started = Instant::now();
        let (code, err) = export_out(&fifo, force);
        assert_eq!(code, 1, "{err}");
        assert!(err.contains("named pipe"), "{err}");
        assert!(started.elapsed() < Duration::from_secs(30));
        assert!(
            std::fs::symlink_metadata(&fifo)
                .unwrap()
                .file_type()
                .is_fifo()
        );
    }
    // A device node: made in the temp folder where we may (root, as in CI),
    // else /dev/null itself (which a user cannot replace either way).
    let dev = d.join("null.md");
    let made = StdCommand::new("mknod")
        .arg(&dev)
        .args(["c", "1", "3"])
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    let dev = if made {
        dev
    } else {
        Path::new("/dev/null").to_path_buf()
    };
    let (code, err) = export_out(&dev, true);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("is a device"), "{err}");
    assert!(
        std::fs::symlink_metadata(&dev)
            .unwrap()
            .file_type()
            .is_char_device()
    );
    // A directory.
    let (code, err) = export_out(d, true);
    assert_eq!(code, 1);
    assert!(err.contains("is a directory"), "{err}");
}

#[test]
fn out_dir_is_created_and_report_out_is_as_safe() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("utskick/2026");
    let (code, _, err) = run(&[
        "export",
        "--answers",
        REFERRAL,
        "--actor",
        "een",
        "--format",
        "csv",
        "--out-dir",
        target.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    let written: Vec<_> = std::fs::read_dir(&target).unwrap().collect();
    assert_eq!(written.len(), 1);
    assert!(
        err.starts_with("wrote ") && err.contains("utskick/2026/"),
        "{err}"
    );
    // report --out over a symlink is refused too.
    let data = dir.path().join("data");
    std::fs::create_dir_all(data.join("sessions")).unwrap();
    #[cfg(unix)]
    {
        let link = dir.path().join("r.md");
        std::os::unix::fs::symlink(dir.path().join("nowhere"), &link).unwrap();
        let (code, _, err) = run(&[
            "report",
            "--data-dir",
            data.to_str().unwrap(),
            "--out",
            link.to_str().unwrap(),
            "--force",
        ]);
        assert_eq!(code, 1, "{err}");
        assert!(!dir.path().join("nowhere").exists());
    }
}

#[cfg(unix)]
#[test]
fn printed_file_names_are_sanitised() {
    let dir = tempfile::tempdir().unwrap();
    let evil = dir.path().join("a\u{1b}]52;c;aGk=\u{7}\u{1b}[2Jb.md");
    let (code, _, err) = run(&[
        "export",
        "--answers",
        REFERRAL,
        "--company",
        "--out",
        evil.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(evil.exists());
    assert!(err.starts_with("wrote "), "{err}");
    assert!(!err.contains('\u{1b}') && !err.contains('\u{7}'), "{err:?}");
    // imported FILE
    let data = dir.path().join("data");
    let file = dir.path().join("x\u{1b}[31m\u{9b}2J.toml");
    std::fs::copy(MASKIN, &file).unwrap();
    let (code, _, err) = run(&[
        "import",
        "--data-dir",
        data.to_str().unwrap(),
        file.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(err.starts_with("imported "), "{err}");
    assert!(
        !err.contains('\u{1b}') && !err.contains('\u{9b}'),
        "{err:?}"
    );
}

#[test]
fn export_dates_are_checked_where_they_enter() {
    for (args, shown) in [
        (&["--date", "2026-11-25junk"][..], "2026-11-25junk"),
        (&["--follow-up", "2026-02-29"][..], "2026-02-29"),
        (&["--date", "2026-1-5"][..], "2026-1-5"),
    ] {
        let mut all = vec!["export", "--answers", REFERRAL, "--company"];
        all.extend_from_slice(args);
        let (code, out, err) = run(&all);
        assert_eq!(code, 2, "{args:?}: {err}");
        assert!(out.is_empty());
        assert!(err.contains(shown) && err.contains(args[0]), "{err}");
    }
    let out = bin()
        .env("BEHOVSANALYS_DATE", "2026-11-25junk")
        .args(["export", "--answers", REFERRAL, "--company"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    // A good date, and the follow-up 14 days later across a month end.
    let (code, out, err) = run(&[
        "export",
        "--answers",
        REFERRAL,
        "--company",
        "--format",
        "json",
        "--date",
        "2026-12-25",
    ]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["date"], "2026-12-25");
    assert_eq!(v["follow_up"], "2027-01-08");
}

#[test]
fn today_is_the_swedish_date_even_without_a_system_time_zone_database() {
    // TZDIR pointing nowhere: the bundled database answers.
    let out = bin()
        .env("TZDIR", "/nonexistent-zoneinfo")
        .env("TZ", "America/Los_Angeles")
        .args([
            "export",
            "--answers",
            REFERRAL,
            "--company",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let date = v["date"].as_str().unwrap().to_string();
    let expected = jiff_today_in_stockholm();
    assert_eq!(date, expected);
}

/// Today in Stockholm from jiff's bundled database (the binary must agree
/// without a system database and with another local zone).
fn jiff_today_in_stockholm() -> String {
    let tz = jiff::tz::TimeZoneDatabase::bundled()
        .get("Europe/Stockholm")
        .unwrap();
    jiff::Timestamp::now()
        .to_zoned_datetime(tz)
        .date()
        .to_string()
}

#[test]
fn catalogue_takes_a_questionnaire_file() {
    let (code, out, err) = run(&["catalogue", "tests/fixtures/sessions/q_v1.toml"]);
    assert_eq!(code, 0, "{err}");
    let (_, builtin, _) = run(&["catalogue"]);
    assert_ne!(out, builtin, "the file's catalogue, not the built-in one");
    let (_, same, _) = run(&[
        "--questionnaire",
        "tests/fixtures/sessions/q_v1.toml",
        "catalogue",
    ]);
    assert_eq!(out, same);
}
