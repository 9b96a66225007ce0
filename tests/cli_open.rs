//! `behovsanalys open ID`: the wizard directly on a saved session. What
//! can be wrong is said before the terminal is taken, with exit 1: an
//! unknown id, a name that is not an id, a session open elsewhere, an
//! advisor's session with `--self`; a missing id is a usage error (2).

use std::path::Path;

use assert_cmd::Command;
use behovsanalys::questionnaire;
use behovsanalys::session::{SessionMode, Store};

fn run(data: &Path, args: &[&str]) -> (i32, String) {
    let out = Command::cargo_bin("behovsanalys")
        .unwrap()
        .env("BEHOVSANALYS_DATA_DIR", data)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C")
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// A saved session of `mode`; its id.
fn saved(data: &Path, mode: SessionMode) -> String {
    let q = questionnaire::builtin().unwrap().questionnaire;
    let store = Store::open(Some(data)).unwrap();
    let mut s = store.create(&q, mode);
    s.answers.company.name = Some("Exempel AB".into());
    store.save_new(&mut s, &q).unwrap();
    s.meta.id
}

#[test]
fn open_says_plainly_what_is_wrong() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    let id = saved(data, SessionMode::Advisor);

    let (code, err) = run(data, &["--lang", "sv", "open", "20200101-000000-0000"]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("det finns ingen behovsanalys 20200101-000000-0000"),
        "{err}"
    );
    let (code, err) = run(data, &["open", "../etc/passwd"]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("is not a session id"), "{err}");

    // Open elsewhere: refused, naming who has it.
    let store = Store::open(Some(data)).unwrap();
    let lock = store.lock(&id).unwrap();
    let (code, err) = run(data, &["open", &id]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("is open in another behovsanalys"), "{err}");
    assert!(
        err.contains(&format!("process {}", std::process::id())),
        "{err}"
    );
    drop(lock);

    // A self-assessment wizard opens only self-assessments.
    let (code, err) = run(data, &["--self", "open", &id]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("is not a self-assessment"), "{err}");

    // All well, but no terminal here: that is what is said; the lock was
    // let go again.
    let (code, err) = run(data, &["open", &id]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("terminal"), "{err}");
    drop(store.lock(&id).unwrap());

    // Usage.
    let (code, err) = run(data, &["open"]);
    assert_eq!(code, 2, "{err}");
    let (code, err) = run(data, &["--lang", "sv", "open", "--help"]);
    assert_eq!(code, 0, "{err}");
}

#[test]
fn open_help_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    for (lang, want) in [
        ("sv", "Öppna guiden direkt på en sparad session"),
        ("en", "Open the wizard directly on a saved session"),
    ] {
        let out = Command::cargo_bin("behovsanalys")
            .unwrap()
            .env("BEHOVSANALYS_DATA_DIR", dir.path())
            .args(["--lang", lang, "open", "--help"])
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(text.contains(want), "{text}");
    }
}
