//! Services offered with a referral: eligibility with known, unknown ("vet
//! ej"), not-applicable and missing answers; actor-level eligibility; the
//! reasons in `score --format json`; the coordinator's new-actor flow.

use std::collections::BTreeMap;

use assert_cmd::Command;
use behovsanalys::answers::Answer;
use behovsanalys::questionnaire::{Questionnaire, load_file};
use behovsanalys::scoring::{self, Evaluation};

const FIXTURE: &str = "tests/fixtures/authoring/services.toml";

fn q() -> Questionnaire {
    load_file(std::path::Path::new(FIXTURE))
        .unwrap()
        .questionnaire
}

fn answers(employees: Option<Answer>) -> BTreeMap<String, Answer> {
    let mut a = BTreeMap::new();
    a.insert("lanebehov".into(), Answer::Choice("ja".into()));
    a.insert("marknadsbehov".into(), Answer::Choice("ja".into()));
    a.insert("bransch".into(), Answer::Choice("tjanster".into()));
    if let Some(e) = employees {
        a.insert("anstallda".into(), e);
    }
    a
}

/// (service id, undecided) offered by an actor.
fn offered(q: &Questionnaire, eval: &Evaluation, actor: &str) -> Vec<(String, bool)> {
    let ai = q.actor(actor).unwrap();
    let r = eval.referral(ai).unwrap();
    r.services
        .iter()
        .map(|o| (q.actors[ai].services[o.service].id.clone(), o.undecided))
        .collect()
}

fn ids(v: &[(&str, bool)]) -> Vec<(String, bool)> {
    v.iter().map(|(s, u)| (s.to_string(), *u)).collect()
}

#[test]
fn known_answers_decide_eligibility() {
    let q = q();
    let small = scoring::evaluate(&q, &answers(Some(Answer::Number(12.0))));
    assert_eq!(
        offered(&q, &small, "almi"),
        ids(&[("lan", false), ("mikrolan", false), ("radgivning", false)])
    );
    let medium = scoring::evaluate(&q, &answers(Some(Answer::Number(120.0))));
    assert_eq!(
        offered(&q, &medium, "almi"),
        ids(&[("lan", false), ("radgivning", false)]),
        "a company with 120 employees is not offered a microloan"
    );
    // A service whose eligibility is false is not offered even
    // when its actor is recommended.
    let bs = q.actor("business_sweden").unwrap();
    assert!(medium.referral(bs).unwrap().recommended);
    assert!(offered(&q, &medium, "business_sweden").is_empty());
}

#[test]
fn vet_ej_and_unanswered_offer_with_a_caveat() {
    let q = q();
    for employees in [Some(Answer::Unknown), None] {
        let eval = scoring::evaluate(&q, &answers(employees.clone()));
        let almi = q.actor("almi").unwrap();
        assert!(eval.referral(almi).unwrap().recommended, "{employees:?}");
        assert_eq!(
            offered(&q, &eval, "almi"),
            // Same need: the decided service comes first.
            ids(&[("radgivning", false), ("lan", true), ("mikrolan", true)]),
            "{employees:?}"
        );
    }
}

#[test]
fn not_applicable_is_a_definite_no() {
    let q = q();
    let mut a = answers(Some(Answer::Number(12.0)));
    a.insert("bransch".into(), Answer::NotApplicable);
    let eval = scoring::evaluate(&q, &a);
    assert!(offered(&q, &eval, "business_sweden").is_empty());
    // "ej relevant" on the size makes Almi's own eligibility false too.
    let eval = scoring::evaluate(&q, &answers(Some(Answer::NotApplicable)));
    let almi = q.actor("almi").unwrap();
    let r = eval.referral(almi).unwrap();
    assert!(r.ineligible && !r.recommended);
}

#[test]
fn an_ineligible_actor_is_never_recommended_and_says_why() {
    let q = q();
    let eval = scoring::evaluate(&q, &answers(Some(Answer::Number(400.0))));
    let almi = q.actor("almi").unwrap();
    let r = eval.referral(almi).unwrap();
    assert!(r.score >= 50.0, "the need alone would recommend Almi");
    assert!(r.ineligible && !r.recommended && r.services.is_empty());

    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a.toml");
    std::fs::write(
        &file,
        "questionnaire = \"tjanster\"\n[answers]\nanstallda = 400\nlanebehov = \"ja\"\n",
    )
    .unwrap();
    let out = Command::cargo_bin("behovsanalys")
        .unwrap()
        .args([
            "--questionnaire",
            FIXTURE,
            "--lang",
            "en",
            "score",
            "--answers",
        ])
        .arg(&file)
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("✘ only for: fewer than 250 employees"),
        "{text}"
    );
    let out = Command::cargo_bin("behovsanalys")
        .unwrap()
        .args([
            "--questionnaire",
            FIXTURE,
            "score",
            "--format",
            "json",
            "--answers",
        ])
        .arg(&file)
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let almi = v["referrals"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["actor"] == "almi")
        .unwrap();
    assert_eq!(almi["ineligible"], true);
    assert_eq!(almi["recommended"], false);
}

#[test]
fn json_gives_each_service_its_reason() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a.toml");
    std::fs::write(
        &file,
        "questionnaire = \"tjanster\"\n[answers]\nanstallda = { unknown = true }\nlanebehov = \"ja\"\n",
    )
    .unwrap();
    let out = Command::cargo_bin("behovsanalys")
        .unwrap()
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
        .arg(&file)
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let almi = &v["referrals"][0];
    assert_eq!(almi["actor"], "almi");
    let lan = &almi["services"][0];
    assert_eq!(lan["id"], "lan");
    assert_eq!(lan["undecided"], true);
    assert_eq!(lan["why"]["eligibility"], "fewer than 250 employees");
    assert_eq!(
        lan["why"]["open_questions"],
        serde_json::json!(["anstallda"])
    );
    assert_eq!(
        lan["why"]["areas"],
        serde_json::json!([{"id": "finansiering", "need": 100}])
    );
}

#[test]
fn long_actor_names_stay_aligned_in_text_output() {
    let q = q();
    let eval = scoring::evaluate(&q, &answers(Some(Answer::Number(12.0))));
    let text = behovsanalys::score_output::score_text(
        &q,
        &eval,
        &answers(Some(Answer::Number(12.0))),
        "sv",
    );
    let score_cols: Vec<usize> = text
        .lines()
        .filter(|l| l.starts_with("   1. ") || l.starts_with("   2. "))
        .map(|l| {
            use unicode_width::UnicodeWidthStr;
            let end = l.find("100").unwrap();
            l[..end].width()
        })
        .collect();
    assert_eq!(score_cols.len(), 2, "{text}");
    assert_eq!(score_cols[0], score_cols[1], "{text}");
}

/// The coordinator's flow: a copy of the built-in with a new actor and two
/// services; `check --explain` finds the service nobody can get; after the
/// fix the services appear in `score`.
#[test]
fn coordinator_adds_an_actor_with_two_services() {
    let step1 = "tests/fixtures/authoring/new_actor/step1_never_eligible.toml";
    let step2 = "tests/fixtures/authoring/new_actor/step2_fixed.toml";
    let out = Command::cargo_bin("behovsanalys")
        .unwrap()
        .args(["check", "--explain", step1])
        .output()
        .unwrap();
    assert!(out.status.success());
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains(&format!("{step1}:638:6: warning[service-never-eligible]")),
        "{stderr}"
    );
    let out = Command::cargo_bin("behovsanalys")
        .unwrap()
        .args(["check", "--explain", step2])
        .output()
        .unwrap();
    assert!(
        !String::from_utf8(out.stderr)
            .unwrap()
            .contains("service-never-eligible")
    );

    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a.toml");
    std::fs::write(
        &file,
        "questionnaire = \"exportbehov\"\n[answers]\nanstallda = 12\nexporterar = \"nej_men_planerar\"\nmarknader = [\"asien_ovrigt\"]\n",
    )
    .unwrap();
    let out = Command::cargo_bin("behovsanalys")
        .unwrap()
        .args([
            "--questionnaire",
            step2,
            "--lang",
            "en",
            "score",
            "--answers",
        ])
        .arg(&file)
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("Indienkontoret Bangalore  50  ✔ recommended"),
        "{text}"
    );
    assert!(text.contains("– Market information on India"), "{text}");
    assert!(
        text.contains("– Delegation trip to Bangalore – Half the cost"),
        "{text}"
    );
}
