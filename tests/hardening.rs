//! Hostile and broken input at the headless commands: each gets a clear
//! message and exit 1, never a panic, a hang or raw escape sequences.

use std::path::Path;

use assert_cmd::Command;

fn bin() -> Command {
    Command::cargo_bin("behovsanalys").unwrap()
}

fn run(args: &[&str], file: &Path) -> (Option<i32>, String, Vec<u8>) {
    let out = bin().args(args).arg(file).output().unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.stdout,
    )
}

fn assert_clean_failure(code: Option<i32>, stderr: &str) {
    assert_eq!(code, Some(1), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(
        !stderr.contains('\u{1b}'),
        "raw ESC reached the terminal: {stderr:?}"
    );
    assert!(!stderr.trim().is_empty());
}

/// Deterministic pseudo-random bytes (what /dev/urandom would give).
fn noise(len: usize, mut seed: u64) -> Vec<u8> {
    (0..len)
        .map(|_| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed >> 24) as u8
        })
        .collect()
}

#[test]
fn random_bytes_as_questionnaire_and_answers() {
    let dir = tempfile::tempdir().unwrap();
    for seed in 1..6 {
        let p = dir.path().join(format!("noise{seed}.toml"));
        std::fs::write(&p, noise(4096, seed)).unwrap();
        let (code, err, _) = run(&["check"], &p);
        assert_clean_failure(code, &err);
        assert!(
            err.contains("error[not-utf8]") || err.contains("error[syntax]"),
            "{err}"
        );
        let (code, err, _) = run(&["score", "--answers"], &p);
        assert_clean_failure(code, &err);
        let (code, err, _) = run(&["check", "--questionnaire"], &p);
        assert_clean_failure(code, &err);
    }
}

#[test]
fn a_huge_questionnaire_is_refused_with_its_size() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("huge.toml");
    let f = std::fs::File::create(&p).unwrap();
    f.set_len(50 * 1024 * 1024).unwrap(); // sparse: 50 MB of NUL bytes
    let (code, err, _) = run(&["check"], &p);
    assert_clean_failure(code, &err);
    assert!(
        err.contains("52428800 bytes") && err.contains("at most"),
        "{err}"
    );
    let (code, err, _) = run(&["score", "--answers"], &p);
    assert_clean_failure(code, &err);
    assert!(err.contains("at most"), "{err}");
}

#[test]
fn nul_bytes_duplicate_keys_and_nan_are_reported_with_positions() {
    let dir = tempfile::tempdir().unwrap();
    let base = std::fs::read_to_string("tests/fixtures/valid/minimal.toml").unwrap();

    let p = dir.path().join("nul.toml");
    std::fs::write(&p, base.replace("Frågor", "Fr\0gor")).unwrap();
    let (code, err, _) = run(&["check"], &p);
    assert_clean_failure(code, &err);
    assert!(err.contains("nul.toml:20:"), "{err}");

    let p = dir.path().join("dup.toml");
    std::fs::write(
        &p,
        base.replace("title = \"Frågor\"", "title = \"Frågor\"\ntitle = \"Igen\""),
    )
    .unwrap();
    let (code, err, _) = run(&["check"], &p);
    assert_clean_failure(code, &err);
    assert!(
        err.contains("dup.toml:21:1: error[syntax]") && err.contains("duplicate key"),
        "{err}"
    );

    let p = dir.path().join("nan.toml");
    std::fs::write(
        &p,
        base.replace(
            "needs = { finansiering = 4 }",
            "needs = { finansiering = nan }",
        ),
    )
    .unwrap();
    let (code, err, _) = run(&["check"], &p);
    assert_clean_failure(code, &err);
    assert!(err.contains("not a finite number"), "{err}");

    let p = dir.path().join("big.toml");
    std::fs::write(
        &p,
        base.replace(
            "needs = { finansiering = 4 }",
            "needs = { finansiering = 99999999999999999999 }",
        ),
    )
    .unwrap();
    let (code, err, _) = run(&["check"], &p);
    assert_clean_failure(code, &err);
}

#[test]
fn bom_and_crlf_are_accepted() {
    let dir = tempfile::tempdir().unwrap();
    let base = std::fs::read_to_string("tests/fixtures/valid/minimal.toml").unwrap();
    let p = dir.path().join("windows.toml");
    std::fs::write(&p, format!("\u{feff}{}", base.replace('\n', "\r\n"))).unwrap();
    bin().arg("check").arg(&p).assert().success();
    // Positions stay right with CRLF.
    std::fs::write(
        &p,
        base.replace('\n', "\r\n")
            .replace("kind = \"single\"", "kind = \"singel\""),
    )
    .unwrap();
    let (code, err, _) = run(&["check"], &p);
    assert_clean_failure(code, &err);
    assert!(
        err.contains("windows.toml:24:8: error[invalid-value]"),
        "{err}"
    );
}

#[test]
fn escape_sequences_in_answers_never_reach_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("esc.toml");
    std::fs::write(
        &p,
        "questionnaire = \"exportbehov\"\nversion = \"\\u001b]0;pwned\\u0007\"\n[company]\nname = \"\\u001b[2J\\u202eAB\"\n[answers]\nexporterar = \"ja_regelbundet\\u001b[31m\"\n",
    )
    .unwrap();
    let (code, err, out) = run(&["score", "--answers"], &p);
    assert_clean_failure(code, &err);
    assert!(!out.contains(&0x1b));
    // A valid file with escapes in free text: output is sanitised.
    std::fs::write(
        &p,
        "questionnaire = \"exportbehov\"\nversion = \"x\\u001b[2J\"\n[answers]\nexporterar = \"ja_regelbundet\"\nredan_provat = \"\\u001b[31mröd\\u202e\"\n",
    )
    .unwrap();
    let out = bin().args(["score", "--answers"]).arg(&p).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!out.stdout.contains(&0x1b) && !out.stderr.contains(&0x1b));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("warning[version-differs]") && !stderr.contains('\u{202e}'),
        "{stderr}"
    );
}

#[test]
fn a_folder_or_a_missing_file_as_answers() {
    let dir = tempfile::tempdir().unwrap();
    let (code, err, _) = run(&["score", "--answers"], dir.path());
    assert_clean_failure(code, &err);
    let (code, err, _) = run(&["score", "--answers"], &dir.path().join("nope.toml"));
    assert_clean_failure(code, &err);
    assert!(err.contains("cannot read"), "{err}");
}

/// A file name is data too: `ESC ]52;…` (set the clipboard) or `ESC [2J`
/// (clear the screen) in a name must not reach the terminal through the
/// `FILE:LINE:COL` prefix of a diagnostic or an I/O message.
#[cfg(unix)]
#[test]
fn escape_sequences_in_file_names_never_reach_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let name = "evil\u{1b}]52;c;aGVsbG8=\u{7}\u{1b}[2J.toml";
    let bad = dir.path().join(name);
    std::fs::write(&bad, "[questionnaire]\nid = 'x'\nbogus = 1\n").unwrap();
    let (code, err, out) = run(&["check"], &bad);
    assert_clean_failure(code, &err);
    assert!(err.contains("evil"), "{err}");
    assert!(!String::from_utf8_lossy(&out).contains('\u{1b}'));
    let (code, err, _) = run(&["score", "--answers"], &bad);
    assert_clean_failure(code, &err);
    assert!(err.contains("evil"), "{err}");
    // A missing file: the name is in an I/O message.
    let missing = dir.path().join("gone\u{1b}[2J.toml");
    let (code, err, _) = run(&["check"], &missing);
    assert_clean_failure(code, &err);
    let (code, err, _) = run(&["score", "--answers"], &missing);
    assert_clean_failure(code, &err);
}

/// Points, weights, boosts and scale ends are bounded (1.7e308 points passed
/// `check` and overflowed to infinity: need 0 instead of 100, JSON null),
/// and so are texts (a 1 MB question text made every keystroke of the
/// wizard take seconds): each is an error with its position and the limit.
#[test]
fn huge_numbers_and_texts_are_refused_with_the_limit() {
    let dir = tempfile::tempdir().unwrap();
    let q = dir.path().join("q.toml");
    let long_text = "x".repeat(1_000_000);
    let long_help = "å".repeat(9_000);
    std::fs::write(
        &q,
        format!(
            r#"[questionnaire]
id = "stor"
version = "1"
title = "Stor"

[[area]]
id = "a"
title = "A"

[[actor]]
id = "x"
name = "X"
description = "X"
weights = {{ a = 1e300 }}

[[actor.rule]]
when = "q == 'o'"
boost = 1e9
reason = "R"

[[section]]
id = "s"
title = "S"

[[section.question]]
id = "q"
kind = "single"
text = "Q?"
[[section.question.option]]
id = "o"
label = "O"
needs = {{ a = 1.7e308 }}

[[section.question]]
id = "skala"
kind = "scale"
text = "S?"
min = -9223372036854775808
max = 9223372036854775807

[[section.question]]
id = "lang"
kind = "text"
text = "{long_text}"
help = {{ sv = "{long_help}" }}
"#
        ),
    )
    .unwrap();
    let (code, err, _) = run(&["check"], &q);
    assert_clean_failure(code, &err);
    for expected in [
        ":14:17: error[invalid-value]: the weight of `a` (1e300) is greater than 1000",
        ":18:9: error[invalid-value]: boost 1e9 is outside",
        ":32:15: error[invalid-value]: the points for `a` (1.7e308) are outside",
        ":38:7: error[wrong-type]",
        ":39:7: error[invalid-value]: the scale end",
        ":44:8: error[too-long]: `text` is 1,000,000 characters long; at most 2,000",
        ":45:15: error[too-long]: `help` is 9,000 characters long; at most 8,000",
    ] {
        assert!(
            err.contains(expected),
            "expected `{expected}` in\n{}",
            &err[..err.len().min(4000)]
        );
    }
    assert!(
        err.contains("1,000") || err.contains("1000"),
        "names the limit: {err:.3000}"
    );
    assert!(
        err.len() < 20_000,
        "the excerpt of a huge line is cut: {} bytes",
        err.len()
    );
}
