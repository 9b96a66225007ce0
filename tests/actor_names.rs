//! Actor names in both languages: `name = { sv = "…", en = "…" }` (or a
//! plain string, the same in every language) shown in the language of the
//! screen, referral, score, report or web page; JSON fields called `name`
//! in the output's language; a wrong `name` reported at file:line:col.

mod tui_support;
#[path = "support/web.rs"]
mod web;

use assert_cmd::Command;
use behovsanalys::answers::{self, Mode};
use behovsanalys::session::SessionMode;
use behovsanalys::tui::{OpenKind, update};
use serde_json::Value;
use tui_support::{app, draw, opened, press, session_with};

const NAMES: &str = "tests/fixtures/names/names.toml";
const ANSWERS: &str = "tests/fixtures/names/answers.toml";
const WRONG: &str = "tests/fixtures/names/wrong-type.toml";

fn bin() -> Command {
    let mut c = Command::cargo_bin("behovsanalys").unwrap();
    c.env("LANG", "C").env_remove("BEHOVSANALYS_STORE");
    c
}

fn run(args: &[&str]) -> String {
    let out = bin().args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn referral(actor: &str, format: &str, lang: &str) -> String {
    run(&[
        "export",
        "--questionnaire",
        NAMES,
        "--answers",
        ANSWERS,
        "--actor",
        actor,
        "--format",
        format,
        "--lang",
        lang,
        "--date",
        "2026-12-01",
    ])
}

#[test]
fn a_referral_names_the_actor_in_its_language() {
    for format in ["md", "html", "csv"] {
        let en = referral("tull", format, "en");
        assert!(en.contains("Swedish Customs"), "{format} en:\n{en}");
        assert!(!en.contains("Tullverket"), "{format} en:\n{en}");
        let sv = referral("tull", format, "sv");
        assert!(sv.contains("Tullverket"), "{format} sv:\n{sv}");
        assert!(!sv.contains("Swedish Customs"), "{format} sv:\n{sv}");
    }
    for (lang, name) in [("en", "Swedish Customs"), ("sv", "Tullverket")] {
        let v: Value = serde_json::from_str(&referral("tull", "json", lang)).unwrap();
        assert_eq!(v["language"], lang);
        assert_eq!(v["to"]["name"], name, "{v:#}");
    }
}

#[test]
fn a_plain_string_name_is_the_same_in_every_language() {
    for lang in ["sv", "en"] {
        let v: Value = serde_json::from_str(&referral("almi", "json", lang)).unwrap();
        assert_eq!(v["to"]["name"], "Almi");
        assert!(referral("almi", "md", lang).contains("Almi"));
    }
}

#[test]
fn the_company_summary_names_actors_in_its_language() {
    let summary = |lang: &str, format: &str| {
        run(&[
            "export",
            "--questionnaire",
            NAMES,
            "--answers",
            ANSWERS,
            "--company",
            "--format",
            format,
            "--lang",
            lang,
            "--date",
            "2026-12-01",
        ])
    };
    let en = summary("en", "md");
    assert!(
        en.contains("Swedish Customs") && !en.contains("Tullverket"),
        "{en}"
    );
    let sv = summary("sv", "md");
    assert!(
        sv.contains("Tullverket") && !sv.contains("Swedish Customs"),
        "{sv}"
    );
    let v: Value = serde_json::from_str(&summary("en", "json")).unwrap();
    let names: Vec<&str> = v["actors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Swedish Customs", "Almi"], "{v:#}");
}

#[test]
fn the_score_names_actors_in_its_language() {
    let score = |lang: &str, format: &str| {
        run(&[
            "score",
            "--questionnaire",
            NAMES,
            "--answers",
            ANSWERS,
            "--lang",
            lang,
            "--format",
            format,
        ])
    };
    let en = score("en", "text");
    assert!(
        en.contains("Swedish Customs") && !en.contains("Tullverket"),
        "{en}"
    );
    let sv = score("sv", "text");
    assert!(
        sv.contains("Tullverket") && !sv.contains("Swedish Customs"),
        "{sv}"
    );
    for (lang, name) in [("en", "Swedish Customs"), ("sv", "Tullverket")] {
        let v: Value = serde_json::from_str(&score(lang, "json")).unwrap();
        let tull = v["referrals"]
            .as_array()
            .or_else(|| v["actors"].as_array())
            .unwrap_or_else(|| panic!("no actors in {v:#}"))
            .iter()
            .find(|a| a["actor"] == "tull")
            .unwrap()
            .clone();
        assert_eq!(tull["name"], name);
    }
}

#[test]
fn the_built_in_checklist_has_english_names() {
    let score = |lang: &str| {
        run(&[
            "score",
            "--answers",
            "tests/fixtures/profiles/norge_tull.toml",
            "--lang",
            lang,
        ])
    };
    // The ranked list (the actors' own texts may still name the Swedish
    // authority, e.g. "Tullverket is Sweden's customs authority").
    let ranked = |text: String| -> String {
        text.lines()
            .filter(|l| {
                let t = l.trim_start();
                t.split_once(". ")
                    .is_some_and(|(n, _)| n.parse::<u32>().is_ok())
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
    let en = ranked(score("en"));
    for name in [
        "Swedish Customs",
        "National Board of Trade Sweden",
        "The company's bank",
        "The region and its export centre",
        "Chamber of Commerce",
        "Swedish ESF Council",
        "The Interreg programmes",
        "Swedish Intellectual Property Office (PRV)",
        "Inspectorate of Strategic Products (ISP)",
        "Swedish Food Agency",
        "Swedish Board of Agriculture",
        "Almi",
        "EKN",
    ] {
        assert!(en.contains(name), "{name}:\n{en}");
    }
    for name in ["Tullverket", "Företagets bank", "Handelskammaren"] {
        assert!(!en.contains(name), "{name}:\n{en}");
    }
    let sv = ranked(score("sv"));
    for name in ["Tullverket", "Företagets bank", "Svenska ESF-rådet"] {
        assert!(sv.contains(name), "{name}:\n{sv}");
    }
}

#[test]
fn a_wrong_name_is_reported_where_it_is() {
    let out = bin()
        .args(["--lang", "sv", "check", WRONG])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains(&format!(
            "{WRONG}:13:8: fel[wrong-type]: `name` ska vara en text"
        )),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "{WRONG}:19:8: fel[missing-text]: `name` har ingen text på standardspråket `sv`"
        )),
        "{err}"
    );
    let out = bin()
        .args(["--lang", "en", "check", WRONG])
        .output()
        .unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains(&format!(
            "{WRONG}:13:8: error[wrong-type]: `name` must be a text"
        )),
        "{err}"
    );
}

#[test]
fn the_wizard_summary_names_actors_in_the_language_shown() {
    for (lang, shown, hidden) in [
        ("en", "Swedish Customs", "Tullverket"),
        ("sv", "Tullverket", "Swedish Customs"),
    ] {
        let mut a = app(lang, SessionMode::Advisor);
        let path = format!(
            "{}/tests/fixtures/profiles/norge_tull.toml",
            env!("CARGO_MANIFEST_DIR")
        );
        let parsed = answers::load_file(std::path::Path::new(&path), &a.q, Mode::Lenient).unwrap();
        let s = session_with(&a, parsed.answers);
        update(&mut a, opened(s, OpenKind::Resumed));
        a.notice = None;
        press(&mut a, "PgDn F8");
        let screen = draw(&a, 120, 40);
        // The list (`[ ] name`) and the heading of the actor's details.
        assert!(
            screen.contains(&format!("[ ] {shown}"))
                && screen.contains(&format!("{shown} — "))
                && !screen.contains(&format!("[ ] {hidden}"))
                && !screen.contains(&format!("{hidden} — ")),
            "{lang}:\n{screen}"
        );
    }
}

#[test]
fn the_web_consent_page_names_actors_in_the_language_shown() {
    let dir = tempfile::tempdir().unwrap();
    let s = web::Server::start(dir.path(), &[], &[]);
    for (lang, shown, hidden) in [
        ("en", "The company's bank", "Företagets bank"),
        ("sv", "Företagets bank", "The company's bank"),
    ] {
        let mut c = web::Client::default();
        assert_eq!(c.get(s.addr, &format!("/lang/{lang}?next=%2F")).status, 303);
        assert_eq!(c.get(s.addr, "/").status, 200);
        assert_eq!(c.post(s.addr, "/start", &[]).status, 303);
        let page = c.get(s.addr, "/consent");
        assert_eq!(page.status, 200, "{}", page.body);
        let body = page.body.replace("&#39;", "'").replace("&apos;", "'");
        assert!(
            body.contains(shown) && !body.contains(hidden),
            "{lang}:\n{body}"
        );
        assert!(body.contains("Swedish Customs") == (lang == "en"), "{body}");
    }
}

/// Giving an actor an English name changes the questionnaire's hash, not
/// its version: a session saved before opens with a "questionnaire changed"
/// notice only — every answer and consent kept, the same scores, nothing
/// orphaned — and the notice is gone once it is saved again.
#[test]
fn a_session_saved_before_the_english_names_opens_with_a_notice_only() {
    use behovsanalys::answers::Answer;
    use behovsanalys::questionnaire;
    use behovsanalys::scoring;
    use behovsanalys::session::Store;

    let text = std::fs::read_to_string(NAMES).unwrap();
    let before_text = text.replace(
        r#"name = { sv = "Tullverket", en = "Swedish Customs" }"#,
        r#"name = "Tullverket""#,
    );
    assert_ne!(before_text, text);
    let before = questionnaire::load_str("names.toml", &before_text)
        .unwrap()
        .questionnaire;
    let after = questionnaire::load_str("names.toml", &text)
        .unwrap()
        .questionnaire;
    assert_eq!(before.version, after.version);
    assert_ne!(before.hash, after.hash);

    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(Some(dir.path())).unwrap();
    let mut s = store.create(&before, SessionMode::Advisor);
    s.set_answer_at(
        "tullfragor",
        Some(Answer::Choice("ja".into())),
        "2026-12-01T10:00:00Z",
    );
    s.answers.consent.insert("tull".into(), true);
    store.save(&mut s, &before).unwrap();
    let id = s.meta.id.clone();

    let mut loaded = store.load_full(&id, &after).unwrap();
    let d = &loaded.drift;
    assert!(d.hash_changed && d.version_before.is_none());
    assert!(d.orphans.is_empty() && d.renamed.is_empty());
    assert_eq!(d.lines(&after).len(), 1, "{:?}", d.lines(&after));
    assert_eq!(loaded.session.answers.answers, s.answers.answers);
    assert_eq!(loaded.session.answers.consent.get("tull"), Some(&true));
    let then = scoring::evaluate(&before, &s.answers.answers);
    let now = scoring::evaluate(&after, &loaded.session.answers.answers);
    assert_eq!(
        then.referral(0).map(|r| r.score),
        now.referral(0).map(|r| r.score)
    );
    assert_eq!(then.need(0), now.need(0));

    store.save(&mut loaded.session, &after).unwrap();
    assert!(store.load_full(&id, &after).unwrap().drift.is_empty());
}

/// The statistics name actors in the report's language; JSON `name` too.
#[test]
fn the_statistics_name_actors_in_the_report_language() {
    use behovsanalys::session::Store;

    let dir = tempfile::tempdir().unwrap();
    let q = behovsanalys::questionnaire::builtin()
        .unwrap()
        .questionnaire;
    let store = Store::open(Some(dir.path())).unwrap();
    let mut s = store.create(&q, SessionMode::Advisor);
    s.answers.company.name = Some("Exempel AB".into());
    store.save(&mut s, &q).unwrap();
    let report = |lang: &str, format: &str| {
        let out = bin()
            .arg("--data-dir")
            .arg(dir.path())
            .args(["report", "--min-group", "1", "--date", "2026-12-31"])
            .args(["--lang", lang, "--format", format])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    for (lang, shown, hidden) in [
        ("en", "Swedish Customs", "Tullverket"),
        ("sv", "Tullverket", "Swedish Customs"),
    ] {
        let v: Value = serde_json::from_str(&report(lang, "json")).unwrap();
        let names: Vec<&str> = v["actors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a["name"].as_str().unwrap())
            .collect();
        assert!(
            names.contains(&shown) && !names.contains(&hidden),
            "{names:?}"
        );
        let md = report(lang, "md");
        assert!(md.contains(shown), "{md}");
    }
}

/// `referrals list`: the table in the language of the output, the JSON
/// `actor_name` (no `language` field there) in the questionnaire's default
/// language.
#[test]
fn the_referrals_list_names_actors_in_its_language() {
    use behovsanalys::session::Store;

    let dir = tempfile::tempdir().unwrap();
    let q = behovsanalys::questionnaire::builtin()
        .unwrap()
        .questionnaire;
    let store = Store::open(Some(dir.path())).unwrap();
    let mut s = store.create(&q, SessionMode::Advisor);
    let path = format!(
        "{}/tests/fixtures/profiles/norge_tull.toml",
        env!("CARGO_MANIFEST_DIR")
    );
    s.answers = answers::load_file(std::path::Path::new(&path), &q, Mode::Lenient)
        .unwrap()
        .answers;
    s.answers.consent.insert("tullverket".into(), true);
    store.save(&mut s, &q).unwrap();
    let out_dir = tempfile::tempdir().unwrap();
    let with_data = |args: &[&str]| {
        let out = bin()
            .arg("--data-dir")
            .arg(dir.path())
            .args(args)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    with_data(&[
        "export",
        "--session",
        &s.meta.id,
        "--actor",
        "tullverket",
        "--out-dir",
        out_dir.path().to_str().unwrap(),
    ]);
    let en = with_data(&["--lang", "en", "referrals", "list"]);
    assert!(
        en.contains("Swedish Customs") && !en.contains("Tullverket"),
        "{en}"
    );
    let sv = with_data(&["--lang", "sv", "referrals", "list"]);
    assert!(
        sv.contains("Tullverket") && !sv.contains("Swedish Customs"),
        "{sv}"
    );
    let v: Value = serde_json::from_str(&with_data(&[
        "--lang",
        "en",
        "referrals",
        "list",
        "--format",
        "json",
    ]))
    .unwrap();
    assert_eq!(v["referrals"][0]["actor_name"], "Tullverket", "{v:#}");
}
