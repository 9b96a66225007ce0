//! The wizard's referrals view: the referrals of the open session (from the
//! summary) marked contacted and given an outcome, the export recording them
//! as sent, the open referrals of every session (from the start screen)
//! marked through the store — and a referral marked in the wizard shows up
//! in `behovsanalys referrals list` and in the report.

mod tui_support;

use std::path::Path;
use std::sync::Arc;

use behovsanalys::answers::AnswersFile;
use behovsanalys::questionnaire::{self, Questionnaire};
use behovsanalys::session::{Outcome, SessionMode, Store};
use behovsanalys::tui::app::{App, Clock, Screen, StartItem};
use behovsanalys::tui::keymap::parse_keys;
use behovsanalys::tui::screens::start;
use behovsanalys::tui::{Effect, Msg, OpenKind, Runtime, update};
use tui_support::{app, draw, opened, press, session_with};

/// 2026-01-15T09:00:00Z, the test app's clock.
const NOW: i64 = 1_768_467_600;

/// A visit with consent for EEN and Almi, a referral to each sent the day
/// before the app's clock.
fn visit(a: &App) -> behovsanalys::session::Session {
    let mut answers = AnswersFile::new(&a.q);
    answers.company.name = Some("Hallbergs Maskinteknik AB".into());
    answers.consent.insert("een".into(), true);
    answers.consent.insert("almi".into(), true);
    let mut s = session_with(a, answers);
    assert!(s.record_sent("een", NOW - 86_400));
    assert!(s.record_sent("almi", NOW - 3_600));
    s
}

fn to_summary(a: &mut App) {
    let s = visit(a);
    update(a, opened(s, OpenKind::Resumed));
    press(a, "F8");
    assert_eq!(a.screen, Screen::Summary);
}

#[test]
fn the_sessions_referrals_are_marked_and_saved() {
    let mut a = app("sv", SessionMode::Advisor);
    to_summary(&mut a);
    let fx = press(&mut a, "r");
    assert!(fx.is_empty());
    assert_eq!(a.screen, Screen::Referrals);
    let screen = draw(&a, 80, 24);
    assert!(
        screen.contains("Remisser från den här behovsanalysen"),
        "{screen}"
    );
    assert!(
        screen.contains("EEN") && screen.contains("inte kontaktad än"),
        "{screen}"
    );
    assert!(screen.contains("1 hjälpt"), "{screen}");
    // Contacted now: saved at once.
    let fx = press(&mut a, "c");
    assert!(matches!(fx.as_slice(), [Effect::Save(_)]), "{fx:?}");
    let r = a.session().unwrap().referral("een").unwrap();
    assert_eq!(r.contacted_at, Some(NOW));
    assert_eq!(r.time_to_contact(), Some(86_400));
    // Then the second one: no answer.
    let fx = press(&mut a, "Down 4");
    let Some(Effect::Save(saved)) = fx.last() else {
        panic!("{fx:?}")
    };
    assert_eq!(
        saved.referral("almi").unwrap().outcome,
        Some(Outcome::NoAnswer)
    );
    let screen = draw(&a, 80, 24);
    assert!(screen.contains("inget svar"), "{screen}");
    // A digit that is no outcome does nothing.
    assert!(press(&mut a, "7").is_empty());
    // Esc goes back to the summary; the help lists the keys.
    press(&mut a, "?");
    let help = draw(&a, 100, 40);
    assert!(help.contains("Markera att aktören tog kontakt"), "{help}");
    press(&mut a, "Esc Esc");
    assert_eq!(a.screen, Screen::Summary);
}

/// The footer and the help name the outcome keys there are (1–4), not
/// every digit.
#[test]
fn the_outcome_keys_named_are_the_ones_that_work() {
    let mut a = app("sv", SessionMode::Advisor);
    to_summary(&mut a);
    press(&mut a, "r");
    let screen = draw(&a, 80, 24);
    assert!(
        screen.contains("1–4 utfall") && !screen.contains("1–9"),
        "{screen}"
    );
    press(&mut a, "?");
    let help = draw(&a, 100, 40);
    assert!(help.contains("1–4") && !help.contains("1–9"), "{help}");
}

/// With nothing to mark, the footer offers no marking keys and the
/// outcome legend is left out (the start screen's list and a visit
/// without referrals).
#[test]
fn no_marking_keys_without_referrals() {
    let mut a = app("en", SessionMode::Advisor);
    let fx = press(&mut a, "4");
    assert!(matches!(fx.as_slice(), [Effect::ListReferrals]), "{fx:?}");
    update(&mut a, Msg::ReferralsListed(Ok(vec![])));
    let screen = draw(&a, 80, 24);
    assert!(screen.contains("No open referrals"), "{screen}");
    for k in ["c contacted", "1–4", "1 helped"] {
        assert!(!screen.contains(k), "{k}:\n{screen}");
    }
    let mut b = app("en", SessionMode::Advisor);
    let mut answers = AnswersFile::new(&b.q);
    answers.company.name = Some("Exempel AB".into());
    let s = session_with(&b, answers);
    update(&mut b, opened(s, OpenKind::Resumed));
    press(&mut b, "F8 r");
    assert_eq!(b.screen, Screen::Referrals);
    let screen = draw(&b, 80, 24);
    for k in ["c contacted", "1–4", "1 helped"] {
        assert!(!screen.contains(k), "{k}:\n{screen}");
    }
}

#[test]
fn a_refused_mark_says_why_and_changes_nothing() {
    let mut a = app("en", SessionMode::Advisor);
    let mut s = visit(&a);
    // Sent after the app's clock (another machine's clock was ahead).
    s.answers.meta.remove("referral");
    assert!(s.record_sent("een", NOW + 7_200));
    update(&mut a, opened(s, OpenKind::Resumed));
    press(&mut a, "F8 r");
    let fx = press(&mut a, "c");
    assert!(fx.is_empty(), "{fx:?}");
    let screen = draw(&a, 100, 24);
    assert!(
        screen.contains("cannot be before the referral was sent"),
        "{screen}"
    );
    assert!(
        a.session()
            .unwrap()
            .referral("een")
            .unwrap()
            .contacted_at
            .is_none()
    );
}

#[test]
fn an_export_from_the_wizard_records_the_referrals_as_sent() {
    let mut a = app("sv", SessionMode::Advisor);
    let mut answers = AnswersFile::new(&a.q);
    answers.consent.insert("een".into(), true);
    let s = session_with(&a, answers);
    update(&mut a, opened(s, OpenKind::Resumed));
    press(&mut a, "F8");
    let fx = press(&mut a, "x");
    assert!(matches!(fx.as_slice(), [Effect::Export(_)]), "{fx:?}");
    assert!(
        a.session().unwrap().referrals().is_empty(),
        "not before it is written"
    );
    let fx = update(&mut a, Msg::Exported(Ok(vec!["a.html".into()])));
    assert!(matches!(fx.as_slice(), [Effect::Save(_)]), "{fx:?}");
    let r = a.session().unwrap().referral("een").unwrap();
    assert_eq!(r.sent_at, NOW);
    // Again: no second record, nothing to save.
    press(&mut a, "x");
    assert!(update(&mut a, Msg::Exported(Ok(vec!["b.html".into()]))).is_empty());
    assert_eq!(a.session().unwrap().referrals().len(), 1);
    // A failed export records nothing.
    let mut b = app("sv", SessionMode::Advisor);
    let mut answers = AnswersFile::new(&b.q);
    answers.consent.insert("een".into(), true);
    let s = session_with(&b, answers);
    update(&mut b, opened(s, OpenKind::Resumed));
    press(&mut b, "F8 x");
    let e = behovsanalys::tui::ExportFailure::CreateDir {
        dir: "/nope".into(),
        err: Arc::new(std::io::Error::other("no")),
    };
    assert!(update(&mut b, Msg::Exported(Err(e))).is_empty());
    assert!(b.session().unwrap().referrals().is_empty());
}

#[test]
fn a_self_assessment_has_no_referrals_view_or_start_item() {
    let mut a = app("sv", SessionMode::SelfAssessment);
    assert!(!start::items(&a).contains(&StartItem::Referrals));
    let answers = AnswersFile::new(&a.q);
    let s = session_with(&a, answers);
    update(&mut a, opened(s, OpenKind::Resumed));
    press(&mut a, "F8 r");
    assert_eq!(a.screen, Screen::Summary);
}

fn q() -> Arc<Questionnaire> {
    Arc::new(questionnaire::builtin().unwrap().questionnaire)
}

fn data_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("sessions")).unwrap();
    std::fs::copy(
        "tests/fixtures/export/referral.toml",
        dir.path().join("sessions/s1.toml"),
    )
    .unwrap();
    dir
}

fn cli(dir: &Path, args: &[&str]) -> String {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_behovsanalys"))
        .env("BEHOVSANALYS_DATA_DIR", dir)
        .env_remove("BEHOVSANALYS_DATE")
        .env("LANG", "C")
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The whole way: exported by the command line, marked contacted in the
/// wizard's list of open referrals, seen by `referrals list` and the report.
#[test]
fn a_referral_marked_contacted_in_the_wizard_shows_up_in_the_list_and_the_report() {
    let dir = data_dir();
    let p = dir.path();
    let out = p.join("een.md");
    cli(
        p,
        &[
            "export",
            "--session",
            "s1",
            "--actor",
            "een",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    let q = q();
    let mut a = App::new(
        Arc::clone(&q),
        behovsanalys::i18n::Lang::Sv,
        SessionMode::Advisor,
        "/tmp",
    );
    // The wizard's clock: the real one (the report judges referrals now).
    a.clock = Clock {
        now: behovsanalys::time::now_rfc3339,
        new_id: || "x".into(),
    };
    let mut rt = Runtime::new(Some(p.to_path_buf()), Arc::clone(&q));
    let item = start::items(&a)
        .iter()
        .position(|i| *i == StartItem::Referrals)
        .unwrap();
    for k in parse_keys(&format!("{}", item + 1)).unwrap() {
        rt.dispatch(&mut a, Msg::Key(k));
        rt.settle(&mut a);
    }
    assert_eq!(a.screen, Screen::Referrals);
    let screen = draw(&a, 100, 24);
    assert!(screen.contains("Öppna remisser"), "{screen}");
    assert!(screen.contains("Hallbergs Maskinteknik AB"), "{screen}");
    for k in parse_keys("c").unwrap() {
        rt.dispatch(&mut a, Msg::Key(k));
        rt.settle(&mut a);
    }
    let screen = draw(&a, 140, 24);
    assert!(screen.contains("kontaktad (sparat)"), "{screen}");
    // Still open (no outcome), now contacted.
    assert!(screen.contains("kontaktad 20"), "{screen}");

    let v: serde_json::Value =
        serde_json::from_str(&cli(p, &["referrals", "list", "--format", "json"])).unwrap();
    let row = &v["referrals"][0];
    assert_eq!(row["actor"], "een");
    assert!(row["contacted_at"].is_string(), "{row}");
    let report: serde_json::Value =
        serde_json::from_str(&cli(p, &["report", "--format", "json", "--min-group", "1"])).unwrap();
    let een = report["referrals"]["actors"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["id"] == "een")
        .unwrap()
        .clone();
    assert_eq!(een["sent"], 1);
    assert_eq!(een["contacted"], 1);
    assert_eq!(een["contacted_within_24h"], 1);

    // An outcome from the list closes it: the list of open ones is empty.
    for k in parse_keys("1").unwrap() {
        rt.dispatch(&mut a, Msg::Key(k));
        rt.settle(&mut a);
    }
    let screen = draw(&a, 100, 24);
    assert!(screen.contains("Inga öppna remisser"), "{screen}");
    let store = Store::open(Some(p)).unwrap();
    let (s, _) = store.load("s1", &q).unwrap();
    assert_eq!(s.referral("een").unwrap().outcome, Some(Outcome::Helped));
    // A session open in another wizard is not marked; the list says why.
    let mut s2 = s.clone();
    s2.answers.meta.remove("referral");
    assert!(s2.record_sent("een", behovsanalys::time::now_secs() - 60));
    s2.meta.id = "s2".into();
    store.save(&mut s2, &q).unwrap();
    let lock = store.lock("s2").unwrap();
    rt.dispatch(&mut a, Msg::Key(parse_keys("Esc").unwrap()[0]));
    for k in parse_keys(&format!("{}", item + 1)).unwrap() {
        rt.dispatch(&mut a, Msg::Key(k));
        rt.settle(&mut a);
    }
    for k in parse_keys("c").unwrap() {
        rt.dispatch(&mut a, Msg::Key(k));
        rt.settle(&mut a);
    }
    let screen = draw(&a, 100, 24);
    assert!(
        screen.contains("s2 är öppen i ett annat fönster"),
        "{screen}"
    );
    drop(lock);
    let (s2, _) = store.load("s2", &q).unwrap();
    assert!(s2.referral("een").unwrap().contacted_at.is_none());
}

#[test]
fn the_view_fits_small_and_wide_terminals() {
    let mut a = app("en", SessionMode::Advisor);
    to_summary(&mut a);
    press(&mut a, "r");
    for (w, h) in [(60, 16), (80, 24), (200, 50)] {
        let screen = draw(&a, w, h);
        assert!(screen.contains("EEN"), "{w}×{h}: {screen}");
        assert!(
            screen.contains("Referrals from this needs analysis"),
            "{w}×{h}: {screen}"
        );
    }
}
