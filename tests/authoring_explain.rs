//! `check --explain`: every warning has a fixture, run through the binary.
//! Each fixture names the warning it must produce and where, in a
//! `# expect: CODE LINE:COL` comment (or `# expect: none`).

use std::path::Path;

use assert_cmd::Command;

fn bin() -> Command {
    Command::cargo_bin("behovsanalys").unwrap()
}

const DIR: &str = "tests/fixtures/authoring/explain";

fn expectation(path: &Path) -> Option<(String, String)> {
    let text = std::fs::read_to_string(path).unwrap();
    let line = text
        .lines()
        .find_map(|l| l.strip_prefix("# expect: "))
        .unwrap_or_else(|| panic!("{} has no `# expect:` line", path.display()));
    if line.trim() == "none" {
        return None;
    }
    let (code, pos) = line.trim().split_once(' ').unwrap();
    Some((code.to_string(), pos.to_string()))
}

#[test]
fn every_fixture_gives_its_warning_at_its_position() {
    let mut codes = Vec::new();
    for entry in std::fs::read_dir(DIR).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "toml") {
            continue;
        }
        let out = bin()
            .args(["check", "--explain"])
            .arg(&path)
            .output()
            .unwrap();
        let stderr = String::from_utf8(out.stderr).unwrap();
        let stdout = String::from_utf8(out.stdout).unwrap();
        assert!(out.status.success(), "{}: {stderr}", path.display());
        assert!(stdout.contains("recommended?"), "{stdout}");
        match expectation(&path) {
            None => assert!(
                !stderr.contains("warning["),
                "{} should have no warnings:\n{stderr}",
                path.display()
            ),
            Some((code, pos)) => {
                let want = format!("{}:{pos}: warning[{code}]", path.display());
                assert!(stderr.contains(&want), "want `{want}` in:\n{stderr}");
                codes.push(code);
            }
        }
    }
    codes.sort();
    assert_eq!(
        codes,
        [
            "actor-never-eligible",
            "actor-never-recommended",
            "area-unscored",
            "area-unweighed",
            "option-no-points",
            "question-never-shown",
            "rule-never-fires",
            "service-never-eligible",
            "source-missing",
        ]
    );
}

#[test]
fn without_explain_check_stays_quiet() {
    let out = bin()
        .arg("check")
        .arg(format!("{DIR}/service-never-eligible.toml"))
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(!String::from_utf8(out.stderr).unwrap().contains("warning["));
}

#[test]
fn errors_still_fail_with_explain() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.toml");
    std::fs::write(&bad, "[questionnaire]\nid = \"x\"\n").unwrap();
    bin()
        .args(["check", "--explain"])
        .arg(&bad)
        .assert()
        .code(1);
}

#[test]
fn builtin_table_lists_every_actor_and_says_how_it_searched() {
    let out = bin().args(["check", "--explain"]).output().unwrap();
    assert!(out.status.success());
    // The built-in questionnaire explains itself without a single warning.
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(!stderr.contains("warning["), "{stderr}");
    let stdout = String::from_utf8(out.stdout).unwrap();
    for name in [
        "Almi",
        "Business Sweden",
        "EKN",
        "Enterprise Europe Network",
        "SEK",
        "Inspektionen för strategiska produkter",
        "Kommerskollegium",
        "PRV",
        "Företagets bank",
        "Livsmedelsverket",
    ] {
        let line = stdout
            .lines()
            .find(|l| l.trim_start().starts_with(name))
            .unwrap_or_else(|| panic!("{name} missing:\n{stdout}"));
        assert!(line.ends_with("yes"), "{line}");
    }
    assert!(stdout.contains("seed 0x"), "{stdout}");
    // Same input, same report: the sampling is seeded.
    let again = bin().args(["check", "--explain"]).output().unwrap();
    assert_eq!(stdout, String::from_utf8(again.stdout).unwrap());
}

#[test]
fn explain_is_fast_on_the_builtin() {
    let loaded = behovsanalys::questionnaire::builtin().unwrap();
    let start = std::time::Instant::now();
    let ex = behovsanalys::authoring::explain(&loaded.questionnaire);
    assert!(start.elapsed().as_secs() < 20);
    assert_eq!(ex.actors.len(), loaded.questionnaire.actors.len());
    assert!(ex.exhaustive > 0);
}
