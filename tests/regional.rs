//! The regional example, `questionnaires/regions/smaland.toml`: it extends
//! the built-in checklist, checks clean together with it, and the whole
//! program works with it – score, export, report and the wizard.

#[path = "support/cli.rs"]
mod cli;
mod tui_support;
use cli::run;

use std::path::{Path, PathBuf};

use behovsanalys::i18n::Lang;
use behovsanalys::questionnaire;
use behovsanalys::session::SessionMode;
use behovsanalys::tui::App;
use serde_json::Value;
use tui_support::*;

const SMALAND: &str = "questionnaires/regions/smaland.toml";
/// A glassworks in Emmaboda (Kalmar County) going to its first trade fair.
const GLASS: &str = "tests/fixtures/profiles/massa_delegation_glas.toml";

/// The glassworks' answers with the county answered (and consent to a
/// referral to the region).
fn glass_in(dir: &Path, county: &str) -> PathBuf {
    let text = std::fs::read_to_string(GLASS).unwrap().replacen(
        "anstallda = 11\n",
        &format!("anstallda = 11\nlan = \"{county}\"\n"),
        1,
    ) + "\n[consent]\nregion = true\n";
    let path = dir.join(format!("glas_{county}.toml"));
    std::fs::write(&path, text).unwrap();
    path
}

fn score(questionnaire: Option<&str>, answers: &Path) -> Value {
    let mut args = vec!["--lang", "sv", "score", "--format", "json"];
    if let Some(q) = questionnaire {
        args.extend(["--questionnaire", q]);
    }
    let a = answers.to_str().unwrap();
    args.extend(["--answers", a]);
    let (code, out, err) = run(&args);
    assert_eq!(code, 0, "{err}");
    assert!(!err.contains("warning"), "{err}");
    serde_json::from_str(&out).unwrap()
}

fn referral<'a>(json: &'a Value, actor: &str) -> &'a Value {
    json["referrals"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["actor"] == actor)
        .unwrap_or_else(|| panic!("no {actor}"))
}

fn service_ids(r: &Value) -> Vec<String> {
    r["services"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn the_regional_file_checks_clean_with_the_national_one() {
    let (code, out, err) = run(&["check", "--explain", SMALAND]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("\n0 warning(s)."), "{out}");
    let q = questionnaire::load_file(Path::new(SMALAND))
        .unwrap()
        .questionnaire;
    let base = questionnaire::builtin().unwrap().questionnaire;
    assert_eq!(q.id, "exportbehov_smaland");
    assert!(q.accepts("exportbehov"));
    assert_eq!(q.version_for("exportbehov"), base.version);
    // Everything national is there; the county question sits last in the
    // national section "Företaget".
    assert_eq!(q.actors.len(), base.actors.len());
    assert_eq!(q.questions.len(), base.questions.len() + 1);
    let lan = &q.questions[q.question("lan").unwrap()];
    let employees = &q.questions[q.question("anstallda").unwrap()];
    assert_eq!(lan.section, employees.section);
    assert_eq!(
        q.sections[lan.section].questions.end - 1,
        q.question("lan").unwrap()
    );
    // The China office wound down in 2020: no such actor.
    assert!(q.actors.iter().all(|a| a.id != "kinakontoret"));
}

#[test]
fn a_company_in_kalmar_county_gets_the_kalmar_consultancy_check() {
    let dir = tempfile::tempdir().unwrap();
    let kalmar = score(Some(SMALAND), &glass_in(dir.path(), "kalmar"));
    assert_eq!(kalmar["questionnaire"]["id"], "exportbehov_smaland");
    let region = referral(&kalmar, "region");
    assert_eq!(region["recommended"], true, "{region}");
    let reasons = region["reasons"].to_string();
    assert!(
        reasons.contains("Region Kalmar läns konsultcheck"),
        "{reasons}"
    );
    assert!(reasons.contains("mässa för första gången"), "{reasons}");
    assert!(service_ids(region).contains(&"konsultcheck_kalmar".to_string()));

    // In Jönköping County the Kalmar check neither pushes nor shows.
    let jonkoping = score(Some(SMALAND), &glass_in(dir.path(), "jonkoping"));
    let region_j = referral(&jonkoping, "region");
    assert!(
        !region_j["reasons"].to_string().contains("Kalmar"),
        "{region_j}"
    );
    assert!(!service_ids(region_j).contains(&"konsultcheck_kalmar".to_string()));
    assert!(region_j["score"].as_f64() < region["score"].as_f64());

    // The national checklist reads the same company without the county.
    let national = score(None, Path::new(GLASS));
    let region_n = referral(&national, "region");
    assert!(!service_ids(region_n).contains(&"konsultcheck_kalmar".to_string()));
    assert_eq!(region_n["score"], region_j["score"]);
}

#[test]
fn export_and_report_work_with_the_regional_file() {
    let dir = tempfile::tempdir().unwrap();
    let answers = glass_in(dir.path(), "kalmar");
    let (code, out, err) = run(&[
        "--lang",
        "sv",
        "export",
        "--questionnaire",
        SMALAND,
        "--answers",
        answers.to_str().unwrap(),
        "--actor",
        "region",
        "--format",
        "md",
        "--date",
        "2026-12-01",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("Konsultcheck för marknadsutveckling (Region Kalmar län)"),
        "{out}"
    );
    assert!(
        out.contains("I vilket län har företaget sin verksamhet? → Kalmar län"),
        "{out}"
    );

    let data = dir.path().join("data");
    std::fs::create_dir_all(data.join("sessions")).unwrap();
    std::fs::copy(&answers, data.join("sessions").join("glas.toml")).unwrap();
    let (code, out, err) = run(&[
        "--lang",
        "sv",
        "--data-dir",
        data.to_str().unwrap(),
        "report",
        "--questionnaire",
        SMALAND,
        "--min-group",
        "1",
        "--date",
        "2026-12-31",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("exportbehov\\_smaland 2026.2-smaland.1"),
        "{out}"
    );
    assert!(
        out.contains("| Regionen och exportcentrum | 1 | 1 |"),
        "{out}"
    );
}

#[test]
fn the_wizard_asks_for_the_county_in_the_company_section() {
    let q = questionnaire::load_file(Path::new(SMALAND))
        .unwrap()
        .questionnaire;
    let mut a = App::new(
        q,
        Lang::from_code("sv").unwrap(),
        SessionMode::Advisor,
        "/tmp",
    );
    a.clock = app("sv", SessionMode::Advisor).clock;
    to_questions(&mut a);
    goto(&mut a, "erbjudande");
    press(&mut a, "1 Enter");
    assert_eq!(current_id(&a), "lan");
    press(&mut a, "3");
    let s = a.session().unwrap();
    assert_eq!(s.answers.questionnaire, "exportbehov_smaland");
    assert_eq!(
        s.answers.answers.get("lan"),
        Some(&behovsanalys::answers::Answer::Choice("kalmar".into()))
    );
}
