//! The wizard with a shared store: it syncs in the background and keeps
//! working when the store is down; typing a known organisation number shows
//! the earlier visits and offers a follow-up.

#[path = "support/pg.rs"]
mod pg;

use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use behovsanalys::answers::Answer;
use behovsanalys::questionnaire::{self, Questionnaire};
use behovsanalys::session::{Attendee, SessionMode, Store};
use behovsanalys::store::{PgStore, StoreConfig};
use behovsanalys::tui::app::{App, Clock, Screen};
use behovsanalys::tui::keymap::parse_keys;
use behovsanalys::tui::theme::Theme;
use behovsanalys::tui::{Msg, Runtime, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn q() -> Arc<Questionnaire> {
    Arc::new(questionnaire::builtin().unwrap().questionnaire)
}

fn wizard(dir: &Path, q: &Arc<Questionnaire>) -> (App, Runtime) {
    let mut a = App::new(
        Arc::clone(q),
        behovsanalys::i18n::Lang::En,
        SessionMode::Advisor,
        "/tmp",
    );
    a.clock = Clock {
        now: || "2026-11-25T10:42:00Z".to_string(),
        new_id: || "20261125-104200-cccc".to_string(),
    };
    (a, Runtime::new(Some(dir.to_path_buf()), Arc::clone(q)))
}

/// Presses keys, each through the runtime, waiting for the store work
/// each starts (not for the background sync).
fn press(a: &mut App, rt: &mut Runtime, keys: &str) {
    for k in parse_keys(keys).unwrap() {
        rt.dispatch(a, Msg::Key(k));
        rt.settle(a);
    }
}

fn typ(a: &mut App, rt: &mut Runtime, text: &str) {
    for c in text.chars() {
        rt.dispatch(
            a,
            Msg::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)),
        );
        rt.settle(a);
    }
}

fn draw(a: &App, w: u16, h: u16) -> String {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| view::view(a, &Theme { color: false }, f))
        .unwrap();
    t.backend().to_string()
}

/// Feeds the runtime's background messages to the app until `done`.
fn wait_for(a: &mut App, rt: &mut Runtime, done: impl Fn(&App) -> bool) {
    let deadline = Instant::now() + Duration::from_secs(60);
    while !done(a) {
        assert!(
            Instant::now() < deadline,
            "timed out; sync line {:?}",
            a.sync_line()
        );
        rt.pump(a);
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// An earlier visit to Alfa AB by EKN and Almi, referred to Almi.
fn earlier_visit(store: &Store, q: &Questionnaire) -> String {
    let mut s = store.create(q, SessionMode::Advisor);
    s.meta.id = "20260301-090000-0001".into();
    s.answers.company.name = Some("Alfa AB".into());
    s.answers.company.org_number = Some("556036-0793".into());
    s.answers.company.municipality = Some("Växjö".into());
    s.meta.attendees = vec![Attendee {
        name: "Eva".into(),
        organisation: "EKN".into(),
    }];
    s.set_answer_at(
        "exporterar",
        Some(Answer::Choice("ja_regelbundet".into())),
        "2026-12-01T10:00:00Z",
    );
    for (k, _) in q.actors.iter().map(|a| (a.id.clone(), ())) {
        s.answers.consent.insert(k, true);
    }
    store.save_new(&mut s, q).unwrap();
    s.meta.id
}

#[test]
fn a_known_org_number_shows_the_earlier_visit_and_offers_a_follow_up() {
    let dir = tempfile::tempdir().unwrap();
    let q = q();
    let store = Store::open(Some(dir.path())).unwrap();
    let earlier = earlier_visit(&store, &q);
    let (mut a, mut rt) = wizard(dir.path(), &q);
    press(&mut a, &mut rt, "Enter");
    assert_eq!(a.screen, Screen::Company);
    typ(&mut a, &mut rt, "Alfa AB");
    press(&mut a, &mut rt, "Tab");
    // Not yet a valid number: nothing shown.
    typ(&mut a, &mut rt, "556036-079");
    assert!(a.company.met_before.is_empty());
    typ(&mut a, &mut rt, "3");
    assert_eq!(a.company.met_before.len(), 1);
    let screen = draw(&a, 100, 40);
    assert!(
        screen.contains("This company was visited before (1)"),
        "{screen}"
    );
    assert!(screen.contains(" · EKN · no referrals"), "{screen}");
    assert!(
        screen.contains("F9: start a follow-up visit instead"),
        "{screen}"
    );
    // Swedish too.
    a.lang = behovsanalys::i18n::Lang::Sv;
    assert!(draw(&a, 100, 40).contains("Företaget har besökts förut (1)"));
    a.lang = behovsanalys::i18n::Lang::En;

    press(&mut a, &mut rt, "F9");
    let open = a.open.as_ref().unwrap();
    assert_eq!(
        open.session.meta.previous.as_deref(),
        Some(earlier.as_str())
    );
    assert_eq!(open.session.meta.origin.as_deref(), Some("follow-up"));
    assert_eq!(
        open.previous.as_ref().map(|p| p.id.as_str()),
        Some(earlier.as_str())
    );
    assert!(a.company.met_before.is_empty());
    let screen = draw(&a, 100, 40);
    assert!(!screen.contains("visited before"), "{screen}");
    assert!(screen.contains("Follow-up of the visit on"), "{screen}");
    // What the form lacked comes from the earlier visit.
    let open = a.open.as_ref().unwrap();
    assert_eq!(
        open.session.answers.company.municipality.as_deref(),
        Some("Växjö")
    );
    rt.flush().unwrap();
    let (saved, _) = store.load("20261125-104200-cccc", &q).unwrap();
    assert_eq!(saved.meta.previous.as_deref(), Some(earlier.as_str()));
}

#[test]
fn with_the_store_down_the_wizard_keeps_working_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let q = q();
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let (mut a, mut rt) = wizard(dir.path(), &q);
    rt.start_sync(
        &format!("postgres://anna:secret@127.0.0.1:{port}/r?sslmode=disable"),
        Duration::from_secs(3600),
    );
    press(&mut a, &mut rt, "Enter");
    typ(&mut a, &mut rt, "Offline AB");
    press(&mut a, &mut rt, "PgDn 1");
    rt.flush().unwrap();
    let text = std::fs::read_to_string(
        dir.path()
            .join("sessions")
            .join("20261125-104200-cccc.toml"),
    )
    .unwrap();
    assert!(text.contains("Offline AB"));
    wait_for(&mut a, &mut rt, |a| a.sync_line().is_some());
    let line = a.sync_line().clone().unwrap();
    assert!(line.contains("cannot be reached"), "{line}");
    assert!(!line.contains("secret"));
    press(&mut a, &mut rt, "Esc Esc");
    let screen = draw(&a, 90, 30);
    assert!(screen.contains("working locally"), "{screen}");
}

#[test]
fn the_wizard_syncs_in_the_background_and_skips_the_open_session() {
    let Some(db) = pg::db() else { return };
    let q = q();
    let mut owner = PgStore::open(&StoreConfig::parse(&db.admin_url()).unwrap()).unwrap();
    let anna = db.login_role("anna", "pw-a");
    let bo = db.login_role("bo", "pw-b");
    owner.grant(&anna, "advisor", Some("r"), None).unwrap();
    owner.grant(&bo, "advisor", Some("r"), None).unwrap();
    // Anna's laptop has an earlier visit, synced by the command.
    let anna_dir = tempfile::tempdir().unwrap();
    let anna_store = Store::open(Some(anna_dir.path())).unwrap();
    let earlier = earlier_visit(&anna_store, &q);
    let mut pg = PgStore::open(&StoreConfig::parse(&db.url_for(&anna, "pw-a")).unwrap()).unwrap();
    behovsanalys::store::sync(&anna_store, &mut pg, &q).unwrap();

    // Bo's wizard pulls it in the background; he meets the company again.
    let bo_dir = tempfile::tempdir().unwrap();
    let (mut b, mut rt) = wizard(bo_dir.path(), &q);
    rt.start_sync(&db.url_for(&bo, "pw-b"), Duration::from_secs(3600));
    wait_for(&mut b, &mut rt, |a| a.sync_line().is_some());
    assert!(
        b.sync_line().as_deref().unwrap().starts_with("Synced"),
        "{:?}",
        b.sync_line()
    );
    // F2 says it again in Swedish (it stayed English).
    press(&mut b, &mut rt, "F2");
    assert!(
        b.sync_line().as_deref().unwrap().starts_with("Synkat"),
        "{:?}",
        b.sync_line()
    );
    press(&mut b, &mut rt, "F2");
    assert!(
        bo_dir
            .path()
            .join("sessions")
            .join(format!("{earlier}.toml"))
            .exists()
    );
    press(&mut b, &mut rt, "Enter");
    press(&mut b, &mut rt, "Tab");
    typ(&mut b, &mut rt, "5560360793");
    assert_eq!(b.company.met_before.len(), 1);
    press(&mut b, &mut rt, "PgDn 1");
    rt.flush().unwrap();
    // Leaving the session syncs again: now it is sent.
    b.sync_outcome = None;
    press(&mut b, &mut rt, "Esc Esc");
    assert_eq!(b.screen, Screen::Start);
    wait_for(&mut b, &mut rt, |a| a.sync_line().is_some());
    let n: i64 = db
        .admin()
        .query_one("SELECT count(*) FROM behovsanalys.sessions", &[])
        .unwrap()
        .get(0);
    assert_eq!(n, 2, "{:?}", b.sync_line());
}

#[test]
fn the_resume_list_marks_a_session_in_conflict() {
    let dir = tempfile::tempdir().unwrap();
    let q = q();
    let store = Store::open(Some(dir.path())).unwrap();
    let id = earlier_visit(&store, &q);
    let sessions = dir.path().join("sessions");
    std::fs::copy(
        sessions.join(format!("{id}.toml")),
        sessions.join(format!("{id}.conflict.toml")),
    )
    .unwrap();
    let (mut a, mut rt) = wizard(dir.path(), &q);
    press(&mut a, &mut rt, "2");
    assert_eq!(
        a.resume_rows().len(),
        1,
        "the conflict file is not a session"
    );
    let screen = draw(&a, 120, 30);
    assert!(
        screen.contains("Alfa AB (CONFLICT: behovsanalys sessions resolve)"),
        "{screen}"
    );
}
