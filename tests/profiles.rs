//! The golden company profiles (`tests/fixtures/profiles/`): realistic
//! companies scored through the binary against the built-in questionnaire,
//! each with what an experienced export advisor expects. Header lines:
//!
//! - `# expect-top: ACTOR` – the highest-scoring actor;
//! - `# expect-recommended: A, B` / `# expect-not-recommended: C, D`;
//! - `# expect-advice: X, Y` – exactly this advice (ids), nothing more;
//! - `# expect-order: A > B` – A scores higher than B;
//! - `# expect-hidden: Q` / `# expect-shown: Q` – questions the conditions
//!   hide or show for this company (read from the wizard's visibility);
//! - `# reasoning:` – the advisor's reasoning, required.

use std::collections::BTreeSet;
use std::path::PathBuf;

use assert_cmd::Command;
use behovsanalys::answers::{self, Mode};
use behovsanalys::questionnaire;
use behovsanalys::scoring;
use serde_json::Value;

fn profiles() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir("tests/fixtures/profiles")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    files
}

fn header(text: &str, key: &str) -> Vec<String> {
    text.lines()
        .filter_map(|l| l.strip_prefix(&format!("# {key}:")))
        .flat_map(|l| l.split(',').map(|s| s.trim().to_string()))
        .filter(|s| !s.is_empty())
        .collect()
}

fn score_json(path: &PathBuf) -> Value {
    let out = Command::cargo_bin("behovsanalys")
        .unwrap()
        .args(["--lang", "sv", "score", "--format", "json", "--answers"])
        .arg(path)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}: {}",
        path.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn every_profile_gets_what_an_advisor_expects() {
    let files = profiles();
    assert!(files.len() >= 15, "only {} profiles", files.len());
    let q = questionnaire::builtin().unwrap().questionnaire;
    let mut failures: Vec<String> = Vec::new();
    for path in &files {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let text = std::fs::read_to_string(path).unwrap();
        assert!(
            text.lines()
                .any(|l| l.starts_with("# reasoning: ") && l.len() > 40),
            "{name}: no `# reasoning:` line"
        );
        let v = score_json(path);
        let referrals = v["referrals"].as_array().unwrap();
        let rec: BTreeSet<&str> = referrals
            .iter()
            .filter(|r| r["recommended"] == true)
            .map(|r| r["actor"].as_str().unwrap())
            .collect();
        let score_of = |actor: &str| {
            referrals
                .iter()
                .find(|r| r["actor"] == actor)
                .unwrap_or_else(|| panic!("{name}: no actor `{actor}`"))["score"]
                .as_i64()
                .unwrap()
        };
        let mut fail = |m: String| failures.push(format!("{name}: {m}"));
        for want in header(&text, "expect-top") {
            let top = referrals[0]["actor"].as_str().unwrap();
            if top != want {
                fail(format!("top is {top}, not {want}"));
            }
        }
        for want in header(&text, "expect-recommended") {
            if !rec.contains(want.as_str()) {
                fail(format!(
                    "{want} not recommended (score {}); recommended: {rec:?}",
                    score_of(&want)
                ));
            }
        }
        for not in header(&text, "expect-not-recommended") {
            if rec.contains(not.as_str()) {
                fail(format!("{not} recommended (score {})", score_of(&not)));
            }
        }
        if text.lines().any(|l| l.starts_with("# expect-advice:")) {
            let want: BTreeSet<String> = header(&text, "expect-advice").into_iter().collect();
            let got: BTreeSet<String> = v["advice"]
                .as_array()
                .unwrap()
                .iter()
                .map(|a| a["id"].as_str().unwrap().to_string())
                .collect();
            if want != got {
                fail(format!("advice {got:?}, expected {want:?}"));
            }
        }
        for pair in header(&text, "expect-order") {
            let (a, b) = pair.split_once('>').unwrap();
            let (a, b) = (a.trim(), b.trim());
            if score_of(a) <= score_of(b) {
                fail(format!(
                    "{a} ({}) should score above {b} ({})",
                    score_of(a),
                    score_of(b)
                ));
            }
        }
        let hidden = header(&text, "expect-hidden");
        let shown = header(&text, "expect-shown");
        if !hidden.is_empty() || !shown.is_empty() {
            let parsed = answers::load_file(path, &q, Mode::Strict).unwrap();
            let eval = scoring::evaluate(&q, &parsed.answers.answers);
            for id in hidden {
                if eval.visible[q.question(&id).unwrap()] {
                    fail(format!("question {id} is shown"));
                }
            }
            for id in shown {
                if !eval.visible[q.question(&id).unwrap()] {
                    fail(format!("question {id} is hidden"));
                }
            }
        }
        // Scores are integers within 0–100, sorted descending.
        let scores: Vec<i64> = referrals
            .iter()
            .map(|r| r["score"].as_i64().unwrap())
            .collect();
        assert!(scores.iter().all(|s| (0..=100).contains(s)), "{name}");
        assert!(
            scores.windows(2).all(|w| w[0] >= w[1]),
            "{name}: {scores:?}"
        );
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

/// A reason that rests on the EU sanctions in the country data says as of
/// when – in `score` (text and JSON) and in the referral.
#[test]
fn sanctions_reasons_carry_the_date_of_the_country_data() {
    let countries = behovsanalys::questionnaire::Countries::builtin().unwrap();
    let date = countries.sanctions_as_of.as_str();
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string("tests/fixtures/profiles/dualuse_varmekamera_turkiet.toml")
        .unwrap()
        .replace(
            "marknader = [\"tr\", \"ae\"]",
            "marknader = [\"tr\", \"by\"]",
        )
        + "\n[consent]\nisp = true\n";
    let path = dir.path().join("belarus.toml");
    std::fs::write(&path, text).unwrap();
    let run = |args: &[&str]| {
        let out = Command::cargo_bin("behovsanalys")
            .unwrap()
            .args(["--lang", "sv"])
            .args(args)
            .arg("--answers")
            .arg(&path)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let expected = format!("(EU:s sanktioner enligt landdata per {date})");
    let score = run(&["score"]);
    assert!(score.contains("breda EU-sanktioner"), "{score}");
    assert!(score.contains(&expected), "{score}");
    let json: Value = serde_json::from_str(&run(&["score", "--format", "json"])).unwrap();
    assert!(
        json.to_string()
            .contains(&format!("\"sanctions_as_of\":\"{date}\""))
    );
    let referral = run(&[
        "export",
        "--actor",
        "isp",
        "--format",
        "md",
        "--date",
        "2026-12-01",
    ]);
    assert!(referral.contains(&expected), "{referral}");
}
