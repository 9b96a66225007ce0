//! `behovsanalys check` through the binary: every invalid fixture reports its
//! mistakes as `FILE:LINE:COL: error[CODE]` on stderr with exit 1; valid
//! fixtures and the built-in questionnaire pass with exit 0.

use std::path::Path;

use assert_cmd::Command;

fn bin() -> Command {
    Command::cargo_bin("behovsanalys").unwrap()
}

/// `# expect: LINE:COL CODE` lines of a fixture (the not-UTF-8 one has its
/// expectation here, since the comment itself would be readable text).
fn expectations(path: &Path) -> Vec<String> {
    let bytes = std::fs::read(path).unwrap();
    let text = String::from_utf8_lossy(&bytes);
    let mut out: Vec<String> = text
        .lines()
        .filter_map(|l| l.strip_prefix("# expect: "))
        .map(|e| {
            let (pos, code) = e.split_once(' ').unwrap();
            format!("{}:{pos}: error[{code}]", path.display())
        })
        .collect();
    if path.ends_with("not-utf8.toml") {
        out.push(format!("{}:25:12: error[not-utf8]", path.display()));
    }
    out
}

#[test]
fn every_invalid_fixture_reports_each_mistake_with_position_and_code() {
    let mut codes = std::collections::BTreeSet::new();
    let mut files: Vec<_> = std::fs::read_dir("tests/fixtures/invalid")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    assert!(files.len() >= 20, "expected a fixture per error code");
    for path in files {
        let expected = expectations(&path);
        assert!(
            !expected.is_empty(),
            "{} has no `# expect:` lines",
            path.display()
        );
        let out = bin().arg("check").arg(&path).output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{}: {stderr}", path.display());
        for e in &expected {
            assert!(
                stderr.contains(e.as_str()),
                "{}: expected `{e}` in\n{stderr}",
                path.display()
            );
            codes.insert(
                e.rsplit_once('[')
                    .unwrap()
                    .1
                    .trim_end_matches(']')
                    .to_string(),
            );
        }
        // No error beyond the expected ones.
        let reported = stderr.matches(": error[").count();
        assert_eq!(
            reported,
            expected.len(),
            "{}: unexpected extra errors in\n{stderr}",
            path.display()
        );
        assert!(
            stderr.contains("the questionnaire was not loaded"),
            "{stderr}"
        );
    }
    for code in [
        "syntax",
        "unknown-key",
        "missing-key",
        "wrong-type",
        "invalid-id",
        "duplicate-id",
        "unknown-language",
        "missing-text",
        "unknown-area",
        "unknown-question",
        "unknown-option",
        "forward-reference",
        "type-error",
        "expr-syntax",
        "expr-too-complex",
        "min-max",
        "band-overlap",
        "empty-options",
        "invalid-value",
        "not-utf8",
    ] {
        assert!(
            codes.contains(code),
            "no fixture covers error code `{code}`"
        );
    }
}

#[test]
fn diagnostics_show_the_line_with_a_caret_and_help() {
    let out = bin()
        .args(["check", "tests/fixtures/invalid/unknown-key.toml"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr
            .contains("unknown key `requierd` in [[section.question]] (did you mean `required`?)"),
        "{stderr}"
    );
    assert!(
        stderr.contains("25 | requierd = true\n   | ^^^^^^^^\n"),
        "{stderr}"
    );
    assert!(stderr.contains("= help: allowed keys here:"), "{stderr}");
}

#[test]
fn valid_fixtures_and_the_builtin_questionnaire_pass() {
    bin().arg("check").assert().success();
    bin()
        .args(["check", "questionnaires/exportbehov.toml"])
        .assert()
        .success();
    let out = bin()
        .args([
            "check",
            "tests/fixtures/valid/minimal.toml",
            "tests/fixtures/valid/scoring.toml",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("minimal.toml: ok — 1 sections, 1 questions"),
        "{stdout}"
    );
}

#[test]
fn one_bad_file_among_good_ones_fails_the_run_but_all_are_checked() {
    let out = bin()
        .args([
            "check",
            "tests/fixtures/invalid/min-max.toml",
            "tests/fixtures/valid/minimal.toml",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).contains("minimal.toml: ok"));
}

#[test]
fn missing_file_and_folder_are_clear_errors() {
    let out = bin().args(["check", "no/such/file.toml"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read no/such/file.toml"));
    let out = bin().args(["check", "tests"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("it is a folder"));
}

#[test]
fn usage_errors_exit_2() {
    bin().args(["check", "--no-such-flag"]).assert().code(2);
    bin().args(["score"]).assert().code(2);
    bin().args(["--lang", "fi", "check"]).assert().code(2);
}

#[test]
fn escape_sequences_in_a_questionnaire_never_reach_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("esc.toml");
    let base = std::fs::read_to_string("tests/fixtures/valid/minimal.toml").unwrap();
    std::fs::write(
        &path,
        base.replace("id = \"lan\"", "id = \"lan\\u001b[2J\""),
    )
    .unwrap();
    let out = bin().arg("check").arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(!out.stderr.contains(&0x1b), "raw ESC in stderr");
    assert!(String::from_utf8_lossy(&out.stderr).contains("error[invalid-id]"));
}
