//! An honest quit: "all answers are saved" only when they are; after a
//! failed save the dialog says so and offers to try again or to write the
//! session elsewhere (whole, never over a file), through the real runtime
//! on a folder that cannot be written.

mod tui_support;

use std::path::Path;
use std::sync::Arc;

use behovsanalys::questionnaire;
use behovsanalys::session::{SessionMode, Store, StoreError};
use behovsanalys::tui::app::{App, Clock, Popup, Screen};
use behovsanalys::tui::keymap::parse_keys;
use behovsanalys::tui::{Effect, Msg, Runtime, SaveError, update};
use tui_support::*;

fn disk_full() -> Msg {
    Msg::SaveFailed(SaveError::Store(Arc::new(StoreError::Io {
        action: "cannot save",
        path: "/data/sessions/x.toml".into(),
        err: std::io::Error::other("No space left on device"),
    })))
}

#[test]
fn the_quit_dialog_tells_the_truth() {
    let mut a = app("sv", SessionMode::Advisor);
    to_questions(&mut a);
    press(&mut a, "Enter 3");
    // Saved: the usual question.
    press(&mut a, "q");
    let screen = draw(&a, 80, 24);
    assert!(screen.contains("Alla svar är sparade"), "{screen}");
    press(&mut a, "n");
    // The last save failed: never "all saved"; Enter does not quit.
    update(&mut a, disk_full());
    press(&mut a, "q");
    let screen = draw(&a, 80, 24);
    assert!(!screen.contains("Alla svar är sparade"), "{screen}");
    assert!(screen.contains("INTE sparade"), "{screen}");
    assert!(screen.contains("No space left on device"), "{screen}");
    assert!(
        screen.contains("r försök igen") && screen.contains("s spara någon annanstans"),
        "{screen}"
    );
    assert!(press(&mut a, "Enter").is_empty());
    assert_eq!(a.popup, Popup::ConfirmQuit);
    // r: the newest answers to the writer again.
    let fx = press(&mut a, "r");
    assert!(matches!(fx.as_slice(), [Effect::Save(_)]), "{fx:?}");
    assert!(draw(&a, 80, 24).contains("Försöker spara igen"));
    // Saved this time: the dialog says so.
    update(&mut a, Msg::Saved);
    assert!(draw(&a, 80, 24).contains("Alla svar är sparade"));
    // Failing again: s writes it elsewhere.
    update(&mut a, disk_full());
    press(&mut a, "s");
    let Popup::SaveAs { path, .. } = &a.popup else {
        panic!("{:?}", a.popup)
    };
    assert_eq!(path.text(), "/tmp/export/20260115-090000-abcd.toml");
    let fx = press(&mut a, "Enter");
    assert!(
        matches!(fx.as_slice(), [Effect::SaveCopy { path, .. }] if path.ends_with("20260115-090000-abcd.toml")),
        "{fx:?}"
    );
    update(
        &mut a,
        Msg::CopySaved(Err("No space left on device".into())),
    );
    assert!(draw(&a, 80, 24).contains("Kunde inte spara i"));
    update(&mut a, Msg::CopySaved(Ok("/mnt/usb/x.toml".into())));
    assert_eq!(a.popup, Popup::ConfirmQuit);
    let screen = draw(&a, 80, 24);
    assert!(
        screen.contains("/mnt/usb/x.toml") && !screen.contains("Alla svar är sparade"),
        "{screen}"
    );
    let fx = press(&mut a, "y");
    assert!(a.quit && matches!(fx.as_slice(), [Effect::Quit]));
}

#[test]
fn a_session_that_cannot_be_saved_is_written_elsewhere_whole() {
    let dir = tempfile::tempdir().unwrap();
    let usb = tempfile::tempdir().unwrap();
    let q = Arc::new(questionnaire::builtin().unwrap().questionnaire);
    let mut a = App::new(
        Arc::clone(&q),
        behovsanalys::i18n::Lang::Sv,
        SessionMode::Advisor,
        "/tmp",
    );
    a.clock = Clock {
        now: || "2026-11-25T10:42:00Z".to_string(),
        new_id: || "20261125-104200-aaaa".to_string(),
    };
    let mut rt = Runtime::new(Some(dir.path().to_path_buf()), Arc::clone(&q));
    let press = |a: &mut App, rt: &mut Runtime, keys: &str| {
        for k in parse_keys(keys).unwrap() {
            rt.dispatch(a, Msg::Key(k));
            rt.settle(a);
        }
    };
    press(&mut a, &mut rt, "Enter");
    rt.dispatch(&mut a, Msg::Paste("Exempel AB".into()));
    press(&mut a, &mut rt, "PgDn Enter 2");
    rt.flush().unwrap();
    // The sessions folder goes away (a file stands in its place): saves
    // fail from now on.
    let sessions = dir.path().join("sessions");
    std::fs::rename(&sessions, dir.path().join("away")).unwrap();
    std::fs::write(&sessions, "in the way").unwrap();
    press(&mut a, &mut rt, "Enter 3");
    let _ = rt.flush();
    rt.pump(&mut a);
    assert!(a.save_error.is_some(), "the failure is told");
    assert_eq!(a.screen, Screen::Questions);
    press(&mut a, &mut rt, "q s C-u");
    rt.dispatch(&mut a, Msg::Paste(usb.path().display().to_string()));
    press(&mut a, &mut rt, "Enter");
    assert_eq!(a.popup, Popup::ConfirmQuit, "{:?}", a.popup);
    let copy = usb.path().join("20261125-104200-aaaa.toml");
    assert_eq!(
        a.saved_elsewhere.as_deref(),
        Some(copy.display().to_string().as_str())
    );
    // The copy is a whole session file with the newest answers.
    let store = Store::open(Some(usb.path())).unwrap();
    std::fs::create_dir_all(usb.path().join("sessions")).unwrap();
    std::fs::copy(&copy, usb.path().join("sessions/20261125-104200-aaaa.toml")).unwrap();
    let (s, _) = store.load("20261125-104200-aaaa", &q).unwrap();
    assert_eq!(s.answers.company.name.as_deref(), Some("Exempel AB"));
    assert_eq!(s.answers.answers.len(), 2, "{:?}", s.answers.answers);
    // Never over an existing file.
    press(&mut a, &mut rt, "n");
    a.saved_elsewhere = None;
    press(&mut a, &mut rt, "q s C-u");
    rt.dispatch(&mut a, Msg::Paste(copy.display().to_string()));
    press(&mut a, &mut rt, "Enter");
    assert!(
        matches!(&a.popup, Popup::SaveAs { error: Some(_), .. }),
        "{:?}",
        a.popup
    );
    assert!(Path::new(&copy).exists());
}
