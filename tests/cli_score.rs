//! `behovsanalys score` through the binary: some company profiles against
//! the built-in questionnaire (all of them: `tests/profiles.rs`), the JSON
//! contract, and bad answers files.

use assert_cmd::Command;
use serde_json::Value;

fn bin() -> Command {
    Command::cargo_bin("behovsanalys").unwrap()
}

fn score_json(path: &str) -> Value {
    let out = bin()
        .args(["score", "--format", "json", "--answers", path])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{path}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn recommended(v: &Value) -> Vec<&str> {
    v["referrals"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["recommended"] == true)
        .map(|r| r["actor"].as_str().unwrap())
        .collect()
}

fn reasons_of<'a>(v: &'a Value, actor: &str) -> &'a Vec<Value> {
    v["referrals"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["actor"] == actor)
        .unwrap()["reasons"]
        .as_array()
        .unwrap()
}

#[test]
fn west_africa_credit_sale_goes_to_ekn_for_the_right_reasons() {
    let v = score_json("tests/fixtures/profiles/underleverantor_vastafrika.toml");
    let reasons = reasons_of(&v, "ekn");
    assert!(reasons.iter().any(|r| r["kind"] == "rule"), "{reasons:?}");
    let answers: Vec<(&str, &str)> = reasons
        .iter()
        .filter(|r| r["kind"] == "answer")
        .map(|r| (r["question"].as_str().unwrap(), r["area"].as_str().unwrap()))
        .collect();
    assert!(
        answers.iter().any(|(_, area)| *area == "betalningsrisk"),
        "{answers:?}"
    );
}

#[test]
fn growth_startup_goes_to_almi_and_us_entry_to_business_sweden() {
    let v = score_json("tests/fixtures/profiles/startup_tillvaxt.toml");
    assert_eq!(v["referrals"][0]["actor"], "almi");
    assert!(
        reasons_of(&v, "almi")
            .iter()
            .any(|r| r["area"] == "finansiering")
    );
    let v = score_json("tests/fixtures/profiles/usa_utan_partner.toml");
    assert_eq!(v["referrals"][0]["actor"], "business_sweden");
    let areas: Vec<&str> = reasons_of(&v, "business_sweden")
        .iter()
        .filter_map(|r| r["area"].as_str())
        .collect();
    assert!(
        areas.iter().any(|a| ["marknad", "kanaler"].contains(a)),
        "{areas:?}"
    );
}

#[test]
fn mostly_unknown_answers_recommend_nothing_and_list_open_questions() {
    let v = score_json("tests/fixtures/profiles/vet_ej.toml");
    assert!(recommended(&v).is_empty());
    assert!(v["open_questions"].as_array().unwrap().len() > 20);
    let v = score_json("tests/fixtures/profiles/inga_exportplaner.toml");
    assert!(recommended(&v).is_empty());
}

#[test]
fn json_has_the_contract_shape() {
    let v = score_json("tests/fixtures/profiles/maskin_tyskland.toml");
    assert_eq!(v["questionnaire"]["id"], "exportbehov");
    assert_eq!(v["questionnaire"]["version"], "2026.2");
    let areas = v["areas"].as_array().unwrap();
    assert_eq!(areas.len(), 19);
    assert_eq!(areas[0]["id"], "strategi"); // questionnaire order
    for a in areas {
        assert!(a["need"].is_null() || a["need"].is_i64());
        assert!(a["answered"].as_u64().unwrap() <= a["total"].as_u64().unwrap());
    }
    for r in v["referrals"].as_array().unwrap() {
        assert!(r["actor"].is_string() && r["score"].is_i64() && r["recommended"].is_boolean());
        for reason in r["reasons"].as_array().unwrap() {
            match reason["kind"].as_str().unwrap() {
                "rule" => assert!(reason["text"].is_string()),
                "answer" => {
                    for k in ["question", "answer", "area", "points"] {
                        assert!(!reason[k].is_null(), "{reason}");
                    }
                }
                other => panic!("unknown reason kind {other}"),
            }
        }
        assert!(r["services"].is_array());
        assert!(r["provisional"].is_boolean());
        assert!(r["coverage"].is_null() || r["coverage"].is_i64());
    }
    assert!(v["open_questions"].is_array());
    // Additive: advice for the company, each with an id, a text and where
    // it came from.
    for a in v["advice"].as_array().unwrap() {
        assert!(a["id"].is_string() && a["text"].is_string() && a["from"].is_object());
    }
}

#[test]
fn text_output_in_both_languages() {
    let sv = bin()
        .args([
            "score",
            "--answers",
            "tests/fixtures/profiles/underleverantor_vastafrika.toml",
        ])
        .output()
        .unwrap();
    let sv = String::from_utf8(sv.stdout).unwrap();
    assert!(
        sv.contains("Behov per område") && sv.contains("rekommenderas"),
        "{sv}"
    );
    let en = bin()
        .args([
            "score",
            "--lang",
            "en",
            "--answers",
            "tests/fixtures/profiles/underleverantor_vastafrika.toml",
        ])
        .output()
        .unwrap();
    let en = String::from_utf8(en.stdout).unwrap();
    assert!(
        en.contains("Needs per area") && en.contains("recommended"),
        "{en}"
    );
}

#[test]
fn bad_answers_report_every_mistake_with_position() {
    let out = bin()
        .args([
            "score",
            "--answers",
            "tests/fixtures/answers/bad-answers.toml",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    let f = "tests/fixtures/answers/bad-answers.toml";
    for e in [
        "6:14: error[invalid-org-number]",
        "7:13: error[invalid-value]",
        "10:14: error[unknown-option]",
        "11:13: error[wrong-type]",
        "12:13: error[wrong-type]",
        "13:25: error[out-of-range]",
        "14:1: error[unknown-question]",
        "17:1: error[unknown-actor]",
    ] {
        assert!(
            stderr.contains(&format!("{f}:{e}")),
            "missing {e} in\n{stderr}"
        );
    }
    assert!(
        stderr.starts_with(f),
        "diagnostics start the output: {stderr}"
    );
}

#[test]
fn wrong_questionnaire_and_missing_answers_table_are_errors() {
    let out = bin()
        .args([
            "score",
            "--answers",
            "tests/fixtures/answers/wrong-questionnaire.toml",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains(":1:17: error[wrong-questionnaire]"));
    let out = bin()
        .args([
            "score",
            "--answers",
            "tests/fixtures/answers/no-answers.toml",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("error[missing-key]"));
}

#[test]
fn a_different_version_is_a_warning_not_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("a.toml");
    std::fs::write(
        &p,
        "questionnaire = \"exportbehov\"\nversion = \"2025.9\"\n[answers]\nexporterar = \"nej\"\n",
    )
    .unwrap();
    let out = bin().args(["score", "--answers"]).arg(&p).output().unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("warning[version-differs]"));
}

#[test]
fn score_with_a_custom_questionnaire() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("a.toml");
    std::fs::write(&p, "questionnaire = \"minimal\"\n[answers]\nlan = \"ja\"\n").unwrap();
    let out = bin()
        .args([
            "score",
            "--format",
            "json",
            "--questionnaire",
            "tests/fixtures/valid/minimal.toml",
            "--answers",
        ])
        .arg(&p)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["areas"][0]["need"], 100);
    assert_eq!(v["referrals"][0]["actor"], "almi");
    assert_eq!(v["referrals"][0]["recommended"], true);
}

/// An answers file's diagnostics render in Swedish or English with the same
/// codes and positions (the CLI picks the language).
#[test]
fn answers_diagnostics_render_in_either_language() {
    use behovsanalys::answers::{self, Mode};
    use behovsanalys::i18n::Lang;
    let q = behovsanalys::questionnaire::builtin()
        .unwrap()
        .questionnaire;
    let text = "questionnaire = \"exportbehov\"\n[answers]\nexporterar = \"kanske\"\nanstallda = \"många\"\n";
    let e = answers::parse("svar.toml", text, &q, Mode::Strict).unwrap_err();
    let sv = e.render(Lang::Sv);
    let en = e.render(Lang::En);
    assert_eq!(en, e.to_string());
    assert!(
        sv.contains(
            "svar.toml:3:14: fel[unknown-option]: frågan `exporterar` har inget alternativ `kanske`"
        ),
        "{sv}"
    );
    assert!(
        en.contains(
            "svar.toml:3:14: error[unknown-option]: question `exporterar` has no option `kanske`"
        ),
        "{en}"
    );
    assert!(sv.contains("svar.toml:4:13: fel[wrong-type]: frågan `anstallda` är en sifferfråga och tar ett tal, men svaret är en sträng"), "{sv}");
    assert!(
        sv.ends_with("svar.toml: 2 fel hittades; svarsfilen lästes inte in"),
        "{sv}"
    );
}

/// Unknown keys in an answers file given on the command line are warnings
/// with their position ("readers ignore keys they do not know"), not
/// failures; the answers are scored.
#[test]
fn unknown_keys_in_an_answers_file_are_warnings_with_positions() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("svar.toml");
    std::fs::write(
        &f,
        "questionnaire = \"exportbehov\"\nfax = \"031-12 34 56\"\n[company]\nname = \"X AB\"\nlinkedin = \"x\"\n[answers]\nexporterar = \"nej\"\n",
    )
    .unwrap();
    let out = assert_cmd::Command::cargo_bin("behovsanalys")
        .unwrap()
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .args(["score", "--format", "json", "--answers"])
        .arg(&f)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(err.contains("svar.toml:2:1: warning[unknown-key]"), "{err}");
    assert!(err.contains("svar.toml:5:1: warning[unknown-key]"), "{err}");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v["areas"].is_array());
}

/// The company's size and export situation come from the questions that
/// carry the roles, whatever their ids, and the options' summary sentences.
#[test]
fn roles_and_summary_phrases_drive_the_situation_paragraph() {
    let dir = tempfile::tempdir().unwrap();
    let q = dir.path().join("q.toml");
    std::fs::write(
        &q,
        r#"[questionnaire]
id = "roller"
version = "1"
title = "Roller"

[[area]]
id = "erfarenhet"
title = { sv = "Erfarenhet", en = "Experience" }

[[section]]
id = "s"
title = "Företaget"

[[section.question]]
id = "personal"
kind = "number"
role = "employees"
text = "Antal anställda?"
unit = "anställda"
[[section.question.band]]
to = 10
needs = { erfarenhet = 1 }

[[section.question]]
id = "saljer_utomlands"
kind = "single"
role = "exports_today"
text = "Säljer ni utomlands?"
[[section.question.option]]
id = "ja"
label = "Ja"
summary = { sv = "Företaget säljer redan i tolv länder", en = "The company sells in twelve countries" }
[[section.question.option]]
id = "nej"
label = "Nej"

[[section.question]]
id = "villkor"
kind = "single"
role = "payment_terms"
text = "Villkor?"
[[section.question.option]]
id = "forskott"
label = "Förskott"
"#,
    )
    .unwrap();
    let a = dir.path().join("a.toml");
    std::fs::write(
        &a,
        "questionnaire = \"roller\"\n[company]\nname = \"X AB\"\n[answers]\npersonal = 12\nsaljer_utomlands = \"ja\"\nvillkor = \"forskott\"\n",
    )
    .unwrap();
    let loaded = behovsanalys::questionnaire::load_file(&q)
        .unwrap()
        .questionnaire;
    use behovsanalys::questionnaire::Role;
    assert_eq!(
        loaded.question_with_role(Role::Employees),
        loaded.question("personal")
    );
    assert_eq!(loaded.question_with_role(Role::TargetMarkets), None);
    for (lang, expected) in [
        ("sv", "Företaget säljer redan i tolv länder."),
        ("en", "The company sells in twelve countries."),
    ] {
        let out = assert_cmd::Command::cargo_bin("behovsanalys")
            .unwrap()
            .args(["export", "--company", "--format", "md", "--lang", lang])
            .arg("--questionnaire")
            .arg(&q)
            .arg("--answers")
            .arg(&a)
            .output()
            .unwrap();
        let md = String::from_utf8_lossy(&out.stdout);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(md.contains(expected), "{md}");
        assert!(md.contains("12"), "{md}");
        assert!(
            md.contains("(10-49)"),
            "the size class comes from the employees role: {md}"
        );
    }
}
