//! The wizard's runtime against a real store: the editing lock between two
//! wizards, drift and orphaned answers on resume, the consent log, exports
//! identical to `behovsanalys export`, follow-up visits, and a broken file
//! in the sessions folder.

mod tui_support;
use tui_support::draw;
use tui_support::runtime::{press, typ};

use std::path::Path;
use std::sync::Arc;

use behovsanalys::questionnaire::{self, Questionnaire};
use behovsanalys::session::SessionMode;
use behovsanalys::tui::app::{App, Notice, Screen};
use behovsanalys::tui::keymap::parse_keys;
use behovsanalys::tui::{Msg, OpenError, Runtime};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn q() -> Arc<Questionnaire> {
    Arc::new(questionnaire::builtin().unwrap().questionnaire)
}

/// An advisor's wizard on `dir` (see [`tui_support::runtime::wizard`]).
fn wizard(dir: &Path, q: &Arc<Questionnaire>, lang: &str, id: fn() -> String) -> (App, Runtime) {
    tui_support::runtime::wizard(dir, q, lang, SessionMode::Advisor, id)
}

fn current(a: &App) -> &str {
    &a.q.questions[a.qs.cur].id
}

fn goto(a: &mut App, rt: &mut Runtime, id: &str) {
    for _ in 0..200 {
        if current(a) == id {
            return;
        }
        press(a, rt, "PgDn");
    }
    panic!("question {id} not reached");
}

fn session_text(dir: &Path, id: &str) -> String {
    std::fs::read_to_string(dir.join("sessions").join(format!("{id}.toml"))).unwrap()
}

const ID_A: fn() -> String = || "20261125-104200-aaaa".to_string();
const ID_B: fn() -> String = || "20261125-104200-bbbb".to_string();

/// A new visit: company name, an attendee, one answer; saved.
fn new_visit(a: &mut App, rt: &mut Runtime) {
    press(a, rt, "Enter");
    assert_eq!(a.screen, Screen::Company);
    typ(a, rt, "Hallbergs Maskinteknik AB");
    for _ in 0..9 {
        press(a, rt, "Tab");
    }
    typ(a, rt, "Anna Berg");
    press(a, rt, "PgDn");
    goto(a, rt, "exporterar");
    press(a, rt, "1");
    rt.flush().unwrap();
}

#[test]
fn a_second_wizard_gets_the_lock_message_until_the_first_lets_go() {
    let dir = tempfile::tempdir().unwrap();
    let q = q();
    let (mut a, mut rta) = wizard(dir.path(), &q, "en", ID_A);
    new_visit(&mut a, &mut rta);
    assert_eq!(rta.locked_id(), Some("20261125-104200-aaaa"));
    assert!(
        session_text(dir.path(), "20261125-104200-aaaa")
            .contains("exporterar = \"ja_regelbundet\"")
    );

    let (mut b, mut rtb) = wizard(dir.path(), &q, "en", ID_B);
    press(&mut b, &mut rtb, "2");
    assert_eq!(b.resume_rows().len(), 1);
    press(&mut b, &mut rtb, "Enter");
    assert_eq!(b.screen, Screen::Resume, "a locked session is not opened");
    assert!(b.session().is_none());
    match &b.notice {
        Some(Notice::OpenFailed(OpenError::Locked { id, holder })) => {
            assert_eq!(id, "20261125-104200-aaaa");
            assert_eq!(
                holder.as_ref().map(|h| h.pid),
                Some(std::process::id()),
                "{holder:?}"
            );
        }
        other => panic!("expected the lock message, got {other:?}"),
    }
    let screen = draw(&b, 80, 24);
    assert!(
        screen.contains("is open in another behovsanalys"),
        "{screen}"
    );
    assert!(rtb.locked_id().is_none());

    // The first wizard leaves the session (back to the start screen): the
    // second one can open it now.
    press(&mut a, &mut rta, "Tab");
    for _ in 0..20 {
        press(&mut a, &mut rta, "Up");
    }
    press(&mut a, &mut rta, "Enter"); // "Company details" in the section list
    assert_eq!(a.screen, Screen::Company);
    press(&mut a, &mut rta, "Esc");
    assert_eq!(a.screen, Screen::Start);
    assert!(rta.locked_id().is_none());
    press(&mut b, &mut rtb, "Enter");
    assert_eq!(b.screen, Screen::Questions);
    assert_eq!(rtb.locked_id(), Some("20261125-104200-aaaa"));
    assert_eq!(current(&b), "exporterar", "resumed where it was left");

    // Now the first one is refused, and quitting the second releases it.
    press(&mut a, &mut rta, "2 Enter");
    assert!(matches!(
        a.notice,
        Some(Notice::OpenFailed(OpenError::Locked { .. }))
    ));
    rtb.finish().unwrap();
    press(&mut a, &mut rta, "Enter");
    assert_eq!(a.screen, Screen::Questions);
}

#[test]
fn saves_only_under_the_lock_and_a_new_session_is_locked_before_its_first_save() {
    let dir = tempfile::tempdir().unwrap();
    let q = q();
    // Someone else holds the lock of the id the new session will get.
    let (mut other, mut rto) = wizard(dir.path(), &q, "sv", ID_A);
    press(&mut other, &mut rto, "Enter");
    assert_eq!(rto.locked_id(), Some("20261125-104200-aaaa"));
    let (mut a, mut rt) = wizard(dir.path(), &q, "sv", ID_A);
    press(&mut a, &mut rt, "Enter");
    assert_eq!(a.screen, Screen::Start, "the new session is closed again");
    assert!(matches!(
        a.notice,
        Some(Notice::OpenFailed(OpenError::Locked { .. }))
    ));
    rt.flush().unwrap();
    assert!(
        !dir.path()
            .join("sessions/20261125-104200-aaaa.toml")
            .exists()
    );
}

#[test]
fn drift_is_told_and_orphaned_answers_survive_saving() {
    let dir = tempfile::tempdir().unwrap();
    let q = q();
    std::fs::create_dir_all(dir.path().join("sessions")).unwrap();
    let old = r#"questionnaire = "exportbehov"
version = "2025.9"

[company]
name = "Gamla AB"

[answers]
exporterar = "ja_regelbundet"
borttagen_fraga = "ja"
omsattning = "over_1_miljard"

[meta]
id = "20250101-090000-0001"
created = "2025-01-01T09:00:00Z"
updated = "2025-01-01T09:30:00Z"
mode = "advisor"
questionnaire_id = "exportbehov"
questionnaire_version = "2025.9"
questionnaire_hash = "0000000000000000"
current = "exporterar"
"#;
    std::fs::write(dir.path().join("sessions/20250101-090000-0001.toml"), old).unwrap();
    let (mut a, mut rt) = wizard(dir.path(), &q, "en", ID_A);
    press(&mut a, &mut rt, "2 Enter");
    assert_eq!(a.screen, Screen::Questions);
    let Some(Notice::Drift(d, version)) = &a.notice else {
        panic!("no drift notice: {:?}", a.notice)
    };
    assert_eq!(d.version_before.as_deref(), Some("2025.9"));
    assert_eq!(version, &q.version);
    let orphaned: Vec<&str> = d.orphans.iter().map(|o| o.question.as_str()).collect();
    assert_eq!(orphaned, ["borttagen_fraga", "omsattning"]);
    let screen = draw(&a, 120, 40);
    assert!(screen.contains("The questionnaire changed"), "{screen}");
    assert!(screen.contains("answered with version 2025.9"), "{screen}");
    // A kept answer to a question the questionnaire no longer has: whose it
    // was cannot be told, so only the advisor view lists it.
    assert!(!screen.contains("borttagen_fraga"), "{screen}");
    press(&mut a, &mut rt, "a");
    let screen = draw(&a, 120, 40);
    assert!(screen.contains("borttagen_fraga"), "{screen}");
    press(&mut a, &mut rt, "a");
    // Answer something and save: the orphans are written back.
    press(&mut a, &mut rt, "2");
    rt.flush().unwrap();
    let text = session_text(dir.path(), "20250101-090000-0001");
    assert!(text.contains("exporterar = \"ja_ibland\""), "{text}");
    assert!(text.contains("borttagen_fraga = \"ja\""), "{text}");
    assert!(text.contains("omsattning = \"over_1_miljard\""), "{text}");
    assert!(text.contains(&format!("questionnaire_version = \"{}\"", q.version)));
}

#[test]
fn consent_is_logged_and_exports_equal_the_export_command() {
    let dir = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let q = q();
    let (mut a, mut rt) = wizard(dir.path(), &q, "sv", ID_A);
    new_visit(&mut a, &mut rt);
    press(&mut a, &mut rt, "F8");
    assert_eq!(a.screen, Screen::Summary);
    let actor = a.q.actors[a.ranked()[0].actor].id.clone();
    // The first tick asks who gives consent (the company has no contact
    // person or attendee here) and who records it (Anna Berg, present).
    press(&mut a, &mut rt, "Space");
    assert!(matches!(
        a.popup,
        behovsanalys::tui::app::Popup::ConsentWho(_)
    ));
    assert!(
        a.session().unwrap().answers.consent.is_empty(),
        "not before the names"
    );
    press(&mut a, &mut rt, "Enter");
    assert!(
        matches!(a.popup, behovsanalys::tui::app::Popup::ConsentWho(_)),
        "a name is missing"
    );
    typ(&mut a, &mut rt, "Karin Ek");
    press(&mut a, &mut rt, "Enter");
    // The names hold for the sitting.
    press(&mut a, &mut rt, "Space Space");
    rt.flush().unwrap();
    let text = session_text(dir.path(), "20261125-104200-aaaa");
    let log = format!(
        "[[meta.consent_log]]\nactor = \"{actor}\"\nat = \"2026-11-25T10:42:00Z\"\ngiven = "
    );
    assert_eq!(text.matches(&log).count(), 3, "{text}");
    assert_eq!(
        text.matches("recorded_by = \"Anna Berg\"").count(),
        3,
        "{text}"
    );
    assert_eq!(text.matches("given_by = \"Karin Ek\"").count(), 3, "{text}");
    assert!(text.contains(&format!("{log}false")), "{text}");

    // Export into a folder of our own.
    press(&mut a, &mut rt, "Tab");
    for _ in 0..10 {
        press(&mut a, &mut rt, "Backspace");
    }
    rt.dispatch(&mut a, Msg::Paste(out.path().display().to_string()));
    press(&mut a, &mut rt, "Enter");
    let Some(Notice::Exported(files)) = &a.notice else {
        panic!("no export: {:?}", a.notice)
    };
    let names: Vec<String> = files
        .iter()
        .map(|f| {
            Path::new(f)
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    assert_eq!(
        names,
        [
            format!("hallbergs-maskinteknik-ab_{actor}.html"),
            "hallbergs-maskinteknik-ab_foretaget.html".to_string()
        ]
    );
    let screen = draw(&a, 80, 24);
    assert!(screen.contains("Sparat:"), "{screen}");
    rt.flush().unwrap();

    // The same documents as `behovsanalys export --session … --date …`.
    let bin = env!("CARGO_BIN_EXE_behovsanalys");
    for (args, file) in [
        (vec!["--actor", actor.as_str()], &names[0]),
        (vec!["--company"], &names[1]),
    ] {
        let cli = std::process::Command::new(bin)
            .args([
                "--data-dir",
                &dir.path().display().to_string(),
                "--lang",
                "sv",
            ])
            .args([
                "export",
                "--session",
                "20261125-104200-aaaa",
                "--format",
                "html",
            ])
            .args(["--date", "2026-11-25"])
            .args(&args)
            .output()
            .unwrap();
        assert!(
            cli.status.success(),
            "{}",
            String::from_utf8_lossy(&cli.stderr)
        );
        let wizard = std::fs::read_to_string(out.path().join(file)).unwrap();
        assert_eq!(String::from_utf8(cli.stdout).unwrap(), wizard, "{file}");
        if file.ends_with(&format!("{actor}.html")) {
            assert!(wizard.contains("Anna Berg"), "{wizard}");
        }
    }
}

#[test]
fn a_follow_up_shows_what_changed_since_the_last_visit() {
    let dir = tempfile::tempdir().unwrap();
    let q = q();
    let (mut a, mut rt) = wizard(dir.path(), &q, "sv", ID_A);
    new_visit(&mut a, &mut rt);
    press(&mut a, &mut rt, "q");
    rt.dispatch(
        &mut a,
        Msg::Key(KeyEvent::new(KeyCode::Char('y'), KeyModifiers::NONE)),
    );
    rt.finish().unwrap();

    let (mut b, mut rt) = wizard(dir.path(), &q, "sv", ID_B);
    press(&mut b, &mut rt, "2 f");
    assert_eq!(b.screen, Screen::Company);
    assert!(
        matches!(&b.notice, Some(Notice::FollowUp { .. })),
        "{:?}",
        b.notice
    );
    let s = b.session().unwrap();
    assert_ne!(s.meta.id, "20261125-104200-aaaa");
    assert_eq!(s.meta.previous.as_deref(), Some("20261125-104200-aaaa"));
    assert_eq!(
        s.answers.company.name.as_deref(),
        Some("Hallbergs Maskinteknik AB")
    );
    assert!(s.answers.answers.is_empty());
    let id = s.meta.id.clone();
    assert_eq!(rt.locked_id(), Some(id.as_str()));
    press(&mut b, &mut rt, "PgDn");
    goto(&mut b, &mut rt, "exporterar");
    press(&mut b, &mut rt, "4 F8");
    let c = b
        .open
        .as_ref()
        .unwrap()
        .comparison
        .as_ref()
        .expect("a comparison");
    assert!(
        c.answers
            .iter()
            .any(|x| b.q.questions[x.question].id == "exporterar")
    );
    let screen = draw(&b, 120, 40);
    assert!(screen.contains("Förra besöket 2026-"), "{screen}");
    assert!(screen.contains("Förra besöket:"), "{screen}");
    rt.flush().unwrap();
    assert!(session_text(dir.path(), &id).contains("previous = \"20261125-104200-aaaa\""));
    // The resume list marks it as a follow-up.
    drop(rt);
    let (mut c, mut rt) = wizard(dir.path(), &q, "sv", ID_B);
    press(&mut c, &mut rt, "2");
    let screen = draw(&c, 120, 40);
    assert!(
        screen.contains("Hallbergs Maskinteknik AB (uppföljning)"),
        "{screen}"
    );
}

/// A self-assessment sent from the web form is marked so in the list.
#[test]
fn the_resume_list_marks_a_session_sent_from_the_web() {
    let dir = tempfile::tempdir().unwrap();
    let q = q();
    let sessions = dir.path().join("sessions");
    std::fs::create_dir_all(&sessions).unwrap();
    std::fs::write(
        sessions.join("web-20261125-8799HZ0Y.toml"),
        "questionnaire = \"exportbehov\"\nversion = \"2026.2\"\n\n\
         [company]\nname = \"Webbföretaget AB\"\n\n[answers]\nanstallda = 30\n\n\
         [meta]\nid = \"web-20261125-8799HZ0Y\"\nmode = \"advisor\"\norigin = \"web\"\n\
         created = \"2026-11-25T09:00:00Z\"\nupdated = \"2026-11-25T09:10:00Z\"\n\
         imported_at = \"2026-11-25T09:10:00Z\"\nimported_id = \"web-20261125-8799HZ0Y\"\n\
         self_answers = [\"anstallda\"]\n",
    )
    .unwrap();
    for (lang, mark) in [
        ("sv", "Webbföretaget AB (från webben)"),
        ("en", "Webbföretaget AB (from the web)"),
    ] {
        let (mut a, mut rt) = wizard(dir.path(), &q, lang, ID_A);
        press(&mut a, &mut rt, "2");
        assert_eq!(a.resume_rows().len(), 1, "{:?}", a.resume.list);
        let screen = draw(&a, 120, 40);
        assert!(screen.contains(mark), "{screen}");
    }
}

#[test]
fn a_broken_file_is_set_aside_and_the_list_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let q = q();
    let sessions = dir.path().join("sessions");
    std::fs::create_dir_all(&sessions).unwrap();
    std::fs::write(
        sessions.join("20260101-000000-0bad.toml"),
        b"\xff\xfe not toml [[[",
    )
    .unwrap();
    std::fs::write(sessions.join("20260101-000000-0bd2.toml"), "answers = 3\n").unwrap();
    let (mut a, mut rt) = wizard(dir.path(), &q, "sv", ID_A);
    press(&mut a, &mut rt, "2");
    let Some(Ok(l)) = &a.resume.list else {
        panic!("{:?}", a.resume.list)
    };
    assert_eq!(l.quarantined.iter().filter(|f| f.new).count(), 2);
    assert!(a.resume_rows().is_empty());
    let screen = draw(&a, 80, 24);
    assert!(
        screen.contains("2 fil(er) kunde inte läsas och lades åt sidan i quarantine/"),
        "{screen}"
    );
    assert!(
        dir.path()
            .join("quarantine/20260101-000000-0bad.toml")
            .exists()
    );
    // An empty data directory lists nothing (and is not created by it).
    let empty = tempfile::tempdir().unwrap();
    let (mut b, mut rt) = wizard(&empty.path().join("new"), &q, "sv", ID_A);
    press(&mut b, &mut rt, "2");
    assert!(matches!(&b.resume.list, Some(Ok(l)) if l.sessions.is_empty()));
}

/// Makes a named pipe (a file that blocks whoever opens it for reading
/// until someone writes).
#[cfg(unix)]
fn mkfifo(path: &Path) {
    let ok = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .unwrap()
        .success();
    assert!(ok, "mkfifo {}", path.display());
}

/// Lets a reader blocked on a FIFO go (end of file). The opening thread
/// is left alone: it blocks only if no one reads.
#[cfg(unix)]
fn unblock(path: &Path) {
    let path = path.to_path_buf();
    std::thread::spawn(move || drop(std::fs::OpenOptions::new().write(true).open(path)));
}

/// A named pipe in the sessions folder, or typed as the file to import,
/// must not freeze the wizard: the store is read off the UI thread, and
/// keys (Esc, `q`) work while that is pending.
#[cfg(unix)]
#[test]
fn a_fifo_in_the_store_or_as_the_file_to_import_does_not_freeze_the_wizard() {
    let dir = tempfile::tempdir().unwrap();
    let sessions = dir.path().join("sessions");
    std::fs::create_dir_all(&sessions).unwrap();
    let in_store = sessions.join("20260101-000000-f1f0.toml");
    let to_import = dir.path().join("självskattning.toml");
    mkfifo(&in_store);
    mkfifo(&to_import);
    let q = q();
    let (tx, rx) = std::sync::mpsc::channel();
    let data = dir.path().to_path_buf();
    let import = to_import.display().to_string();
    std::thread::spawn(move || {
        let (mut a, mut rt) = wizard(&data, &q, "sv", ID_A);
        let key = |a: &mut App, rt: &mut Runtime, k: &str| {
            for ev in parse_keys(k).unwrap() {
                if rt.dispatch(a, Msg::Key(ev)) {
                    return true;
                }
            }
            rt.pump(a)
        };
        // The resume list: read in the background; Esc goes back.
        key(&mut a, &mut rt, "2");
        let listing = a.screen == Screen::Resume;
        key(&mut a, &mut rt, "Esc");
        let back = a.screen == Screen::Start;
        // The import: the same. The screen says it is opening, or (the
        // store refuses a FIFO without opening it) why it cannot.
        key(&mut a, &mut rt, "3");
        rt.dispatch(&mut a, Msg::Paste(import));
        key(&mut a, &mut rt, "Enter");
        let screen = draw(&a, 80, 24);
        let opening = (a.opening() && screen.contains("Öppnar …"))
            || matches!(a.notice, Some(Notice::OpenFailed(_)));
        key(&mut a, &mut rt, "Esc");
        // q quits (after asking).
        key(&mut a, &mut rt, "q");
        let quit = key(&mut a, &mut rt, "y");
        let finished = rt.finish().is_ok();
        let _ = tx.send((listing, back, opening, screen, quit, finished));
    });
    let got = rx.recv_timeout(std::time::Duration::from_secs(10));
    unblock(&in_store);
    unblock(&to_import);
    let (listing, back, opening, screen, quit, finished) = got.expect("the wizard froze on a FIFO");
    assert!(listing && back, "Esc on the resume list");
    assert!(opening, "{screen}");
    assert!(quit && finished);
}
