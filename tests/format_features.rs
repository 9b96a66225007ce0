//! Countries and their conditions, `max_choices`, `exclusive`, advice,
//! sources and coverage on `tests/fixtures/valid/features.toml`, in the
//! library and through the binary.

use std::collections::BTreeMap;

use assert_cmd::Command;
use behovsanalys::answers::{self, Answer, Mode};
use behovsanalys::questionnaire::{self, Questionnaire};
use behovsanalys::scoring::{Evaluation, evaluate};
use serde_json::Value;

const FIXTURE: &str = "tests/fixtures/valid/features.toml";

fn q() -> Questionnaire {
    let text = std::fs::read_to_string(FIXTURE).unwrap();
    questionnaire::load_str(FIXTURE, &text)
        .unwrap()
        .questionnaire
}

fn bin() -> Command {
    let mut c = Command::cargo_bin("behovsanalys").unwrap();
    c.env_remove("LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES");
    c
}

fn countries(codes: &[&str]) -> Answer {
    Answer::Choices(codes.iter().map(|s| s.to_string()).collect())
}

fn choice(s: &str) -> Answer {
    Answer::Choice(s.into())
}

fn eval(q: &Questionnaire, pairs: &[(&str, Answer)]) -> Evaluation {
    let a: BTreeMap<String, Answer> = pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.clone()))
        .collect();
    evaluate(q, &a)
}

fn customs_shown(q: &Questionnaire, e: &Evaluation) -> bool {
    e.visible[q.question("eori").unwrap()]
}

fn advice_ids(q: &Questionnaire, e: &Evaluation) -> Vec<String> {
    e.advice
        .iter()
        .map(|h| q.advice[h.advice].id.clone())
        .collect()
}

#[test]
fn outside_the_eu_is_computed_from_the_countries_norway_is_not_the_eu() {
    let q = q();
    for (codes, shown) in [
        (&["de", "fi", "dk"][..], false),
        (&["no"][..], true),
        (&["ch"][..], true),
        (&["gb"][..], true),
        (&["ax"][..], true),
        (&["se", "us"][..], true),
    ] {
        let e = eval(&q, &[("marknader", countries(codes))]);
        assert_eq!(customs_shown(&q, &e), shown, "{codes:?}");
    }
    // Unknown countries: the customs questions are asked.
    let e = eval(&q, &[]);
    assert!(customs_shown(&q, &e));
    // Norway is in the EEA but not the EU: the rule's advice fires for it,
    // not for Switzerland (EFTA, not EEA) or Germany.
    let ids = |codes: &[&str]| advice_ids(&q, &eval(&q, &[("marknader", countries(codes))]));
    assert_eq!(ids(&["no"]), ["norge"]);
    assert!(ids(&["ch"]).is_empty());
    assert!(ids(&["de"]).is_empty());
}

#[test]
fn outside_the_oecd_and_ekns_list_is_computed_turkey_and_japan_are_not_risk_countries_here() {
    let q = q();
    let ekn = q.actor("ekn").unwrap();
    for (codes, refer) in [
        (&["gh"][..], true),
        (&["tr"][..], false),
        (&["jp"][..], false),
        (&["gb"][..], false),
        (&["de", "vn"][..], true),
    ] {
        let e = eval(
            &q,
            &[("marknader", countries(codes)), ("kredit", choice("ja"))],
        );
        let r = e.referral(ekn).unwrap();
        assert_eq!(r.fired.len() == 1, refer, "{codes:?}");
    }
}

#[test]
fn advice_is_listed_once_and_moves_no_score() {
    let q = q();
    let tull = q.actor("tullverket").unwrap();
    let e = eval(
        &q,
        &[("marknader", countries(&["no"])), ("eori", choice("nej"))],
    );
    assert_eq!(advice_ids(&q, &e), ["eori", "norge"]);
    // Both options carry the same advice: one text, one id.
    let e2 = eval(
        &q,
        &[
            ("marknader", countries(&["no"])),
            ("eori", choice("vet_inte")),
        ],
    );
    assert_eq!(advice_ids(&q, &e2), ["eori", "norge"]);
    // The advice-only rule fired but is no reason and adds nothing.
    let r = e.referral(tull).unwrap();
    assert_eq!(r.fired.len(), 1);
    assert!(
        r.reasons
            .iter()
            .all(|x| !matches!(x, behovsanalys::scoring::Reason::Rule { .. }))
    );
    let without = eval(&q, &[("marknader", countries(&["no"]))]);
    assert!(without.referral(tull).unwrap().score == 0.0);
}

#[test]
fn one_ticked_obstacle_is_a_provisional_need_not_a_referral() {
    let q = q();
    let tull = q.actor("tullverket").unwrap();
    let area = q.area("tull").unwrap();
    // One tick: the customs need is 100, but only 2 of the 7 points the
    // visible customs questions can give are answered.
    let e = eval(&q, &[("hinder", countries(&["tull"]))]);
    assert_eq!(e.need(area), Some(100.0));
    let cov = e.areas[area].coverage.unwrap();
    assert!((cov - 200.0 / 7.0).abs() < 1e-9, "{cov}");
    let r = e.referral(tull).unwrap();
    assert_eq!(r.score, 100.0);
    assert!(!r.recommended && r.provisional);
    // Answer the customs questions: now it is known, and recommended.
    let e = eval(
        &q,
        &[
            ("hinder", countries(&["tull"])),
            ("eori", choice("nej")),
            ("varukoder", choice("nej")),
        ],
    );
    let r = e.referral(tull).unwrap();
    assert_eq!(e.areas[area].coverage, Some(100.0));
    assert!(r.recommended && !r.provisional);
}

#[test]
fn min_coverage_is_per_actor_and_refer_rules_need_none() {
    let q = q();
    let strateg = q.actor("strateg").unwrap();
    let e = eval(&q, &[("hinder", countries(&["strategi"]))]);
    // 1 of 5 points answered: 20 % < 60 %.
    assert!(!e.referral(strateg).unwrap().recommended);
    let e = eval(
        &q,
        &[
            ("hinder", countries(&["strategi"])),
            ("plan", choice("nej")),
        ],
    );
    assert!(e.referral(strateg).unwrap().recommended);
    // EKN's refer rule fires from two answers.
    let e = eval(
        &q,
        &[("marknader", countries(&["gh"])), ("kredit", choice("ja"))],
    );
    assert!(e.referral(q.actor("ekn").unwrap()).unwrap().recommended);
}

#[test]
fn max_choices_caps_the_most_points_of_a_multi_choice() {
    let q = q();
    let hinder = &q.questions[q.question("hinder").unwrap()];
    // Three areas, one option each: the cap of 2 choices does not lower a
    // single area's maximum.
    let tull = q.area("tull").unwrap();
    assert_eq!(
        hinder
            .max_points
            .iter()
            .find(|(a, _)| *a == tull)
            .unwrap()
            .1,
        2.0
    );
    assert_eq!(hinder.max_choices, Some(2));
    let m = &q.questions[q.question("marknader").unwrap()];
    assert!(m.country && m.kind.options().len() >= 195);
    assert_eq!(m.kind_name(), "country");
}

fn write(dir: &tempfile::TempDir, name: &str, text: &str) -> std::path::PathBuf {
    let p = dir.path().join(name);
    std::fs::write(&p, text).unwrap();
    p
}

#[test]
fn answers_files_are_checked_for_choices_and_countries_with_positions() {
    let dir = tempfile::tempdir().unwrap();
    let bad = write(
        &dir,
        "bad.toml",
        "questionnaire = \"features\"\n[answers]\nmarknader = [\"no\", \"de\", \"fi\", \"dk\"]\nhinder = [\"inga\", \"tull\"]\n",
    );
    let out = bin()
        .args(["--questionnaire", FIXTURE, "score", "--answers"])
        .arg(&bad)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("bad.toml:3:13: error[too-many-choices]: `marknader` has 4 choices but at most 3 may be chosen"),
        "{stderr}"
    );
    assert!(
        stderr.contains("bad.toml:4:11: error[exclusive-conflict]"),
        "{stderr}"
    );
    let uk = write(
        &dir,
        "uk.toml",
        "questionnaire = \"features\"\n[answers]\nmarknader = [\"NO\", \"uk\"]\n",
    );
    let out = bin()
        .args(["--questionnaire", FIXTURE, "score", "--answers"])
        .arg(&uk)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("uk.toml:3:20: error[unknown-country]: `uk` is not a country code for `marknader` (did you mean `gb`, United Kingdom?)"),
        "{stderr}"
    );
    // Capitals are accepted; the code is stored in lower case.
    let ok = write(
        &dir,
        "ok.toml",
        "questionnaire = \"features\"\n[answers]\nmarknader = [\"NO\"]\n",
    );
    let parsed = answers::load_file(&ok, &q(), Mode::Strict).unwrap();
    assert_eq!(parsed.answers.answers["marknader"], countries(&["no"]));
}

#[test]
fn score_json_lists_advice_coverage_and_the_provisional_flag() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(
        &dir,
        "a.toml",
        "questionnaire = \"features\"\n[answers]\nmarknader = [\"no\"]\nhinder = [\"tull\"]\neori = \"nej\"\n",
    );
    let out = bin()
        .args([
            "--questionnaire",
            FIXTURE,
            "--lang",
            "en",
            "score",
            "--format",
            "json",
            "--answers",
        ])
        .arg(&a)
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let advice = v["advice"].as_array().unwrap();
    assert_eq!(advice.len(), 2, "{advice:?}");
    assert_eq!(advice[0]["id"], "eori");
    assert_eq!(advice[0]["text"], "Apply for an EORI number.");
    assert_eq!(advice[0]["from"]["question"], "eori");
    assert_eq!(advice[1]["from"]["actor"], "tullverket");
    let tull = v["areas"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["id"] == "tull")
        .unwrap();
    assert_eq!(tull["coverage"], 43);
    let r = v["referrals"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["actor"] == "tullverket")
        .unwrap();
    assert_eq!(r["provisional"], true);
    assert_eq!(r["recommended"], false);
    // The text output says so too, and lists the advice.
    let out = bin()
        .args([
            "--questionnaire",
            FIXTURE,
            "--lang",
            "en",
            "score",
            "--answers",
        ])
        .arg(&a)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("(too little answered to recommend yet: 43 % answered)"),
        "{text}"
    );
    assert!(
        text.contains("Advice for the company\n  • Apply for an EORI number.\n  • Norway is not in the customs union.\n"),
        "{text}"
    );
}

#[test]
fn conditions_on_countries_read_back_as_written() {
    let q = q();
    let s = &q.sections[1];
    let shown = behovsanalys::authoring::words::fallback(s.show_if.as_ref().unwrap(), &q);
    assert_eq!(
        shown,
        "not answered(marknader) or any(marknader, not eu or eu_special_territory)"
    );
}
