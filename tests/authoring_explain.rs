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
    // The table is in the language of the output: English names.
    for name in [
        "Almi",
        "Business Sweden",
        "EKN",
        "Enterprise Europe Network",
        "SEK",
        "Inspectorate of Strategic Products",
        "National Board of Trade Sweden",
        "Swedish Intellectual Property Office (PRV)",
        "The company's bank",
        "Swedish Food Agency",
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

/// Generated questionnaires that once made `check` and `check --explain`
/// quadratic in time or memory (20,000 overlapping bands, 20,000 duplicate
/// ids pointing at a late line, thousands of actors, sections and text
/// questions) stay fast: generous limits, through the binary (a debug
/// build in `cargo test`); benches/engine.rs measures them properly.
mod big {
    const HEAD: &str = "[questionnaire]\nid = \"perf\"\nversion = \"1\"\nlanguages = [\"sv\"]\ntitle = \"P\"\n\n[[area]]\nid = \"a\"\ntitle = \"A\"\n";

    pub fn overlapping_bands(n: usize) -> String {
        let mut s = format!(
            "{HEAD}\n[[section]]\nid = \"s\"\ntitle = \"S\"\n\n[[section.question]]\nid = \"n\"\nkind = \"number\"\ntext = \"N?\"\n"
        );
        for i in 0..n {
            s.push_str(&format!(
                "[[section.question.band]]\nfrom = {i}\nto = {}\nneeds = {{ a = 1 }}\n",
                i + 2
            ));
        }
        s
    }

    pub fn late_duplicates(n: usize) -> String {
        let mut s = format!("{HEAD}\n[[section]]\nid = \"s\"\ntitle = \"S\"\n");
        for i in 0..n {
            s.push_str(&format!(
                "[[section.question]]\nid = \"q{i}\"\nkind = \"text\"\ntext = \"Q?\"\n"
            ));
        }
        for _ in 0..n {
            s.push_str(&format!(
                "[[section.question]]\nid = \"q{}\"\nkind = \"text\"\ntext = \"Q?\"\n",
                n - 1
            ));
        }
        s
    }

    pub fn mixed(questions: usize, actors: usize, sections: usize) -> String {
        let mut s = format!(
            "{HEAD}\n[[section]]\nid = \"s0\"\ntitle = \"S\"\n[[section.question]]\nid = \"q\"\nkind = \"single\"\ntext = \"Q?\"\n[[section.question.option]]\nid = \"o\"\nlabel = \"O\"\nneeds = {{ a = 1 }}\n"
        );
        for i in 0..questions {
            s.push_str(&format!(
                "[[section.question]]\nid = \"t{i}\"\nkind = \"text\"\ntext = \"T?\"\n"
            ));
        }
        for i in 1..sections {
            s.push_str(&format!(
                "[[section]]\nid = \"s{i}\"\ntitle = \"S\"\nshow_if = \"q == 'o'\"\n[[section.question]]\nid = \"q{i}\"\nkind = \"single\"\ntext = \"Q?\"\n[[section.question.option]]\nid = \"o\"\nlabel = \"O\"\n"
            ));
        }
        for i in 0..actors {
            s.push_str(&format!(
                "[[actor]]\nid = \"x{i}\"\nname = \"X\"\ndescription = \"D\"\nweights = {{ a = 1 }}\n[[actor.rule]]\nwhen = \"q == 'o'\"\nboost = 5\nreason = \"R\"\n"
            ));
        }
        s
    }
}

#[test]
fn large_files_are_checked_and_explained_in_linear_time() {
    use std::time::{Duration, Instant};
    let dir = tempfile::tempdir().unwrap();
    let cases: [(&str, String, &[&str], usize); 3] = [
        ("bands.toml", big::overlapping_bands(20_000), &["check"], 1),
        ("dups.toml", big::late_duplicates(10_000), &["check"], 1),
        (
            "mixed.toml",
            big::mixed(20_000, 2_000, 5_000),
            &["check", "--explain"],
            0,
        ),
    ];
    for (name, text, args, exit) in cases {
        let f = dir.path().join(name);
        std::fs::write(&f, text).unwrap();
        let start = Instant::now();
        let out = bin()
            .args(args)
            .arg(&f)
            .timeout(Duration::from_secs(120))
            .output()
            .unwrap();
        let took = start.elapsed();
        assert_eq!(
            out.status.code(),
            Some(exit as i32),
            "{name}: {}",
            String::from_utf8_lossy(&out.stderr)
                .chars()
                .take(2000)
                .collect::<String>()
        );
        assert!(
            took < Duration::from_secs(30),
            "{name} took {took:?} (quadratic again?)"
        );
    }
}

/// `check --explain --lang sv`: the same warnings at the same places, in
/// Swedish.
#[test]
fn explain_warnings_speak_swedish() {
    let f = format!("{DIR}/rule-never-fires.toml");
    let run = |lang: &str| {
        let out = bin()
            .env_remove("LANG")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .args(["--lang", lang, "check", "--explain", &f])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stderr).into_owned()
    };
    let (sv, en) = (run("sv"), run("en"));
    assert!(
        en.contains("warning[rule-never-fires]: this rule of actor"),
        "{en}"
    );
    assert!(
        sv.contains("varning[rule-never-fires]: den här regeln för aktören"),
        "{sv}"
    );
    assert!(
        sv.contains("för alla möjliga svar") || sv.contains("slumpade urval"),
        "{sv}"
    );
}
