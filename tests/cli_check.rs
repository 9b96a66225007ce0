//! `behovsanalys check` through the binary: every invalid fixture reports its
//! mistakes as `FILE:LINE:COL: error[CODE]` on stderr with exit 1; valid
//! fixtures and the built-in questionnaire pass with exit 0.

use std::path::Path;

use assert_cmd::Command;

/// The binary, with no locale (so that `check` speaks English unless
/// told otherwise).
fn bin() -> Command {
    let mut c = Command::cargo_bin("behovsanalys").unwrap();
    c.env_remove("LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES");
    c
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
        "unknown-actor",
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
        "unknown-country",
        "unknown-tag",
        "unknown-advice",
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

/// `FILE:LINE:COL: SEVERITY[CODE]` heads of the diagnostics in a run,
/// with the severity word dropped.
fn heads(stderr: &str) -> Vec<String> {
    stderr
        .lines()
        .filter_map(|l| {
            let open = l.find('[')?;
            let close = l[open..].find("]: ")? + open;
            let head = &l[..open];
            let (pos, _severity) = head.rsplit_once(": ")?;
            Some(format!("{pos} {}", &l[open..=close]))
        })
        .collect()
}

/// `check --lang sv` (and a Swedish locale) speaks Swedish: the same
/// diagnostics at the same positions with the same codes, the words in
/// Swedish; English otherwise.
#[test]
fn diagnostics_speak_swedish_with_the_same_codes_and_positions() {
    let mut files: Vec<_> = std::fs::read_dir("tests/fixtures/invalid")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    for path in files {
        let en = bin().arg("check").arg(&path).output().unwrap();
        let sv = bin()
            .args(["--lang", "sv", "check"])
            .arg(&path)
            .output()
            .unwrap();
        let by_locale = bin()
            .env("LANG", "sv_SE.UTF-8")
            .arg("check")
            .arg(&path)
            .output()
            .unwrap();
        let (en, sv, loc) = (
            String::from_utf8_lossy(&en.stderr).into_owned(),
            String::from_utf8_lossy(&sv.stderr).into_owned(),
            String::from_utf8_lossy(&by_locale.stderr).into_owned(),
        );
        assert_eq!(
            heads(&en),
            heads(&sv),
            "{}:\n{en}\n---\n{sv}",
            path.display()
        );
        assert_eq!(sv, loc, "{}", path.display());
        assert!(!heads(&en).is_empty(), "{}", path.display());
        assert!(en.contains(": error["), "{en}");
        assert!(sv.contains(": fel["), "{sv}");
        assert!(!sv.contains(": error["), "{sv}");
        assert!(
            sv.contains("fel hittades; frågeformuläret lästes inte in"),
            "{sv}"
        );
        assert!(
            en.contains("found; the questionnaire was not loaded"),
            "{en}"
        );
        assert_ne!(en, sv);
    }
    // A message with arguments, word for word.
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("q.toml");
    std::fs::write(
        &f,
        "[questionnaire]\nid = \"x\"\nversoin = \"1\"\ntitle = \"T\"\n[[section]]\nid = \"s\"\ntitle = \"S\"\n",
    )
    .unwrap();
    let out = bin()
        .args(["check", "--lang", "sv"])
        .arg(&f)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(":3:1: fel[unknown-key]: okänd nyckel `versoin` i [questionnaire] (menade du `version`?)"),
        "{err}"
    );
    assert!(
        err.contains("= hjälp: tillåtna nycklar här: id, version"),
        "{err}"
    );
}
