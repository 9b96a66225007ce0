//! `[questionnaire] extends`: a region's file builds on a national one,
//! merged and checked as one questionnaire, with every diagnostic in the
//! file (and at the line) where the item is written.

use assert_cmd::Command;
use behovsanalys::questionnaire;

fn bin() -> Command {
    let mut c = Command::cargo_bin("behovsanalys").unwrap();
    c.env_remove("LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES");
    c
}

fn check(path: &str) -> (Option<i32>, String) {
    let out = bin().args(["check", path]).output().unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn a_region_adds_to_the_base_without_copying_it() {
    let loaded =
        questionnaire::load_file(std::path::Path::new("tests/fixtures/extends/region.toml"))
            .unwrap();
    let q = loaded.questionnaire;
    assert_eq!(q.id, "region");
    assert_eq!(q.extends, [("nationell".to_string(), "1".to_string())]);
    assert_eq!(q.version_for("nationell"), "1");
    assert!(q.accepts("nationell") && q.accepts("region") && !q.accepts("annan"));
    // Title and languages come from the base.
    assert_eq!(q.title.get("en"), "National");
    assert_eq!(q.languages, ["sv", "en"]);
    let ids: Vec<&str> = q.questions.iter().map(|x| x.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "marknader",
            "kunskap",
            "kina_kontakter",
            "ovrigt",
            "region_ovrigt"
        ]
    );
    // The added question belongs to the national section.
    assert_eq!(q.sections[q.questions[2].section].id, "marknad");
    let areas: Vec<&str> = q.areas.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(areas, ["marknad", "kina"]);
    let bs = &q.actors[q.actor("bs").unwrap()];
    assert_eq!(bs.name.get("sv"), "Business Sweden");
    assert_eq!(bs.rules.len(), 1);
    assert_eq!(bs.services[0].id, "kina_program");
    assert!(q.actor("kinakontoret").is_some());
}

#[test]
fn answers_to_the_base_are_scored_with_the_region() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.toml");
    std::fs::write(
        &a,
        "questionnaire = \"nationell\"\n[answers]\nmarknader = [\"cn\"]\nkunskap = 1\nkina_kontakter = \"nej\"\n",
    )
    .unwrap();
    let out = bin()
        .args([
            "--questionnaire",
            "tests/fixtures/extends/region.toml",
            "score",
            "--format",
            "json",
            "--answers",
        ])
        .arg(&a)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["questionnaire"]["id"], "region");
    let rec: Vec<&str> = v["referrals"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["recommended"] == true)
        .map(|r| r["actor"].as_str().unwrap())
        .collect();
    assert!(
        rec.contains(&"kinakontoret") && rec.contains(&"bs"),
        "{rec:?}"
    );
}

#[test]
fn mistakes_in_the_region_are_reported_in_the_region_with_lines_of_the_base() {
    let (code, err) = check("tests/fixtures/extends/region_bad.toml");
    assert_eq!(code, Some(1), "{err}");
    for want in [
        "tests/fixtures/extends/region_bad.toml:7:13: error[extends]: `languages` (sv) must be the same as in the questionnaire this file builds on (sv, en)",
        "tests/fixtures/extends/region_bad.toml:11:1: error[extends]: `name` cannot be changed here: actor `bs` already exists",
        "tests/fixtures/extends/region_bad.toml:12:13: error[unknown-area]",
        "tests/fixtures/extends/region_bad.toml:18:6: error[duplicate-id]: question id `kunskap` is used twice (first on line 28 of tests/fixtures/extends/base.toml)",
    ] {
        assert!(err.contains(want), "expected `{want}` in\n{err}");
    }
    // The excerpt under each is the region's own line.
    assert!(err.contains("18 | id = \"kunskap\""), "{err}");
}

#[test]
fn mistakes_in_the_base_are_reported_in_the_base() {
    let (code, err) = check("tests/fixtures/extends/region_on_bad_base.toml");
    assert_eq!(code, Some(1));
    assert!(
        err.contains("tests/fixtures/extends/base_bad.toml:13:8: error[invalid-value]: `singel` is not a question kind"),
        "{err}"
    );
    assert!(err.contains("13 | kind = \"singel\""), "{err}");
    assert!(
        err.contains("tests/fixtures/extends/region_on_bad_base.toml:15:1: error[unknown-key]"),
        "{err}"
    );
    assert!(err.contains("15 | unknown_here = true"), "{err}");
}

#[test]
fn a_missing_base_and_a_cycle_are_clear_errors() {
    let (code, err) = check("tests/fixtures/extends/region_missing.toml");
    assert_eq!(code, Some(1));
    assert!(
        err.contains("region_missing.toml:4:11: error[extends]: the file \"finns_inte.toml\" in `extends` cannot be read"),
        "{err}"
    );
    assert_eq!(err.matches("error[").count(), 1, "{err}");
    let (code, err) = check("tests/fixtures/extends/cycle_a.toml");
    assert_eq!(code, Some(1));
    assert!(
        err.contains("cycle_b.toml:4:11: error[extends]: `extends = \"cycle_a.toml\"` leads back to this file"),
        "{err}"
    );
}

#[test]
fn the_built_in_questionnaire_is_a_base_by_its_id() {
    let text = "[questionnaire]\nid = \"liten-region\"\nversion = \"1\"\nextends = \"exportbehov\"\n\n[[actor]]\nid = \"regionens_radgivare\"\nname = \"Regionens rådgivare\"\ndescription = { sv = \"Rådgivning.\", en = \"Advice.\" }\nweights = { strategi = 1 }\n";
    let loaded = questionnaire::load_str("liten.toml", text).unwrap();
    let builtin = questionnaire::builtin().unwrap().questionnaire;
    assert_eq!(
        loaded.questionnaire.questions.len(),
        builtin.questions.len()
    );
    assert_eq!(loaded.questionnaire.actors.len(), builtin.actors.len() + 1);
    assert!(loaded.questionnaire.accepts("exportbehov"));
}
