//! End to end in the visit room: the real binary under tmux, as an advisor
//! at a joint visit with the screen projected (80×24, 120×40, 200×50) and
//! as a company doing its self-assessment whose file the advisor imports.
//! What only the advisor may see never reaches the shared screen; typed
//! text survives `kill -9`; a failed save is told at quit and the session
//! can be written elsewhere; `open ID` opens a saved session.

use std::path::Path;
use std::process::Command;
use std::time::Duration;

#[path = "support/tmux.rs"]
mod tmux;
use tmux::{Tmux, have_tmux};

/// Runs `cmd` under tmux; when it ends, its exit status stays on the
/// screen (`[exited N]`) for the test to read.
fn start(name: &str, size: (u16, u16), cmd: &str) -> Tmux {
    Tmux::start(
        name,
        size,
        &format!("{cmd}; echo \"[exited $?]\"; sleep 30"),
    )
}

fn wizard(data: &Path, cwd: &Path, args: &str) -> String {
    format!(
        "cd '{}' && '{}' --data-dir '{}' --lang sv {args}",
        cwd.display(),
        env!("CARGO_BIN_EXE_behovsanalys"),
        data.display()
    )
}

fn session_files(data: &Path) -> Vec<std::path::PathBuf> {
    std::fs::read_dir(data.join("sessions"))
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "toml"))
                .collect()
        })
        .unwrap_or_default()
}

const SECRET: &str = "checkkrediten";

#[test]
#[cfg(unix)]
fn a_joint_visit_on_a_projected_screen() {
    if !have_tmux() {
        return;
    }
    let data = tempfile::tempdir().unwrap();
    let cwd = tempfile::tempdir().unwrap();
    let name = format!("ba-room-visit-{}", std::process::id());
    let t = start(&name, (120, 40), &wizard(data.path(), cwd.path(), ""));
    t.wait("Ny behovsanalys");
    t.keys(&["Enter"]);
    t.wait("Företagsnamn");
    t.text("Exempel AB");
    for (tabs, text) in [
        (5, "Karin Ek"),
        (1, "vd"),
        (1, "0470-123 45"),
        (2, "Anna Berg"),
        (1, "Region Kronoberg"),
    ] {
        for _ in 0..tabs {
            t.keys(&["Tab"]);
        }
        t.text(text);
    }
    t.wait("Region Kronoberg");
    t.keys(&["NPage"]);
    t.until("NPage", "Säljer företaget till kunder utomlands");
    t.keys(&["1"]);
    // A private note, in the advisor view only.
    t.keys(&["a", "p"]);
    t.wait("Privat anteckning");
    t.text("Vd antydde att checkkrediten är nästan fullt utnyttjad");
    t.keys(&["Enter"]);
    let s = t.wait(SECRET);
    assert!(s.contains("RÅDGIVARVY"), "{s}");
    t.keys(&["a"]);
    let s = t.wait("Säljer företaget");
    assert!(!s.contains(SECRET) && !s.contains("RÅDGIVARVY"), "{s}");
    // Through the questions and the summary at three sizes: never there.
    for size in [(80, 24), (120, 40), (200, 50)] {
        t.resize(size);
        for _ in 0..6 {
            t.keys(&["NPage"]);
            let s = t.screen();
            assert!(!s.contains(SECRET), "{size:?}:\n{s}");
        }
        t.keys(&["F8"]);
        t.wait("Samtycke till remiss");
        for _ in 0..8 {
            let s = t.screen();
            assert!(!s.contains(SECRET), "summary {size:?}:\n{s}");
            t.keys(&["NPage"]);
        }
        t.keys(&["Escape"]);
    }
    // Consent at the visit: who gives it (the contact person) and who
    // records it (the advisor present) are asked once.
    t.keys(&["F8", "Space"]);
    let s = t.wait("Vem ger och vem registrerar samtycket?");
    assert!(s.contains("Karin Ek") && s.contains("Anna Berg"), "{s}");
    t.keys(&["Enter"]);
    t.wait("Samtycke ges av Karin Ek");
    // The disk gives up: the quit dialog says so, and writes elsewhere.
    let sessions = data.path().join("sessions");
    std::fs::rename(&sessions, data.path().join("away")).unwrap();
    std::fs::write(&sessions, "in the way").unwrap();
    t.keys(&["Down", "Space"]);
    t.wait("Kunde inte spara");
    t.keys(&["q"]);
    let s = t.wait("INTE sparade");
    assert!(!s.contains("Alla svar är sparade"), "{s}");
    t.keys(&["s"]);
    t.wait("Spara behovsanalysen någon annanstans");
    t.keys(&["Enter"]);
    t.wait("en kopia finns i");
    t.keys(&["y"]);
    let s = t.wait("[exited 1]");
    assert!(s.contains("kopia finns i"), "{s}");
    let copies: Vec<_> = std::fs::read_dir(cwd.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.path().extension().is_some_and(|x| x == "toml"))
        .collect();
    assert_eq!(copies.len(), 1);
    let copy = std::fs::read_to_string(copies[0].path()).unwrap();
    // The whole session, the last change included (the advisor's own file:
    // the private note is there too).
    assert!(
        copy.contains("[consent]") && copy.contains("given_by = \"Karin Ek\""),
        "{copy}"
    );
    assert_eq!(copy.matches("given = true").count(), 2, "{copy}");
    assert!(copy.contains(SECRET), "{copy}");
}

#[test]
#[cfg(unix)]
fn typed_text_survives_kill_9() {
    if !have_tmux() {
        return;
    }
    let data = tempfile::tempdir().unwrap();
    let name = format!("ba-room-kill-{}", std::process::id());
    let t = start(&name, (80, 24), &wizard(data.path(), data.path(), ""));
    t.wait("Ny behovsanalys");
    t.keys(&["Enter"]);
    t.wait("Företagsnamn");
    t.keys(&["NPage"]);
    t.until("NPage", "Något annat vi bör känna till");
    t.text("Vi har en återförsäljare i Norge");
    t.keys(&["M-Enter"]);
    t.text("och vill pröva Tyskland");
    // No Enter: the draft is saved about a second after the last key.
    std::thread::sleep(Duration::from_millis(1800));
    let ok = Command::new("kill")
        .args(["-9", &t.pid().to_string()])
        .status()
        .unwrap()
        .success();
    assert!(ok);
    std::thread::sleep(Duration::from_millis(200));
    let files = session_files(data.path());
    assert_eq!(files.len(), 1);
    let text = std::fs::read_to_string(&files[0]).unwrap();
    assert!(
        text.contains("Vi har en återförsäljare i Norge\noch vill pröva Tyskland"),
        "{text}"
    );
}

#[test]
#[cfg(unix)]
fn a_self_assessment_handed_over_and_imported_once() {
    if !have_tmux() {
        return;
    }
    let company = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let name = format!("ba-room-self-{}", std::process::id());
    {
        let t = start(
            &name,
            (80, 24),
            &wizard(company.path(), out.path(), "--self"),
        );
        t.wait("Starta självskattningen");
        t.keys(&["Enter"]);
        t.wait("Företagsnamn");
        t.text("Exempel AB");
        for _ in 0..5 {
            t.keys(&["Tab"]);
        }
        t.text("Karin Ek");
        t.keys(&["NPage"]);
        t.wait("Hur många anställda");
        t.text("24");
        t.keys(&["Enter", "3", "Enter", "2", "Enter", "1", "Enter", "1"]);
        t.keys(&["F8"]);
        t.wait("Önskar remiss");
        t.keys(&["Down", "Down", "Space", "x"]);
        t.wait("sjalvskattning_exempel-ab.toml");
        let s = t.screen();
        assert!(!s.contains("_ekn.html"), "no referral:\n{s}");
        t.keys(&["q", "y"]);
        t.wait("[exited 0]");
    }
    let file = out.path().join("sjalvskattning_exempel-ab.toml");
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(
        !text.contains("private_notes") && text.contains("ekn = true"),
        "{text}"
    );

    let data = tempfile::tempdir().unwrap();
    for (round, size) in [(80u16, 24u16), (120, 40)].into_iter().enumerate() {
        let t = start(
            &format!("{name}-{round}"),
            size,
            &wizard(data.path(), out.path(), ""),
        );
        t.wait("Öppna en självskattning");
        t.keys(&["3"]);
        t.wait("Fil:");
        t.text("sjalvskattning_exempel-ab.toml");
        t.keys(&["Enter"]);
        if round == 0 {
            let s = t.wait("Från företaget");
            assert!(s.contains("5 svar") || s.contains("svar,"), "{s}");
            t.keys(&["F8"]);
            t.wait("Företaget bad om remiss till EKN");
            t.keys(&["q", "y"]);
            t.wait("[exited 0]");
        } else {
            // The second import of the same file is refused.
            t.wait("redan importerad");
            assert_eq!(session_files(data.path()).len(), 1);
            t.keys(&["Escape", "q"]);
        }
    }
    // `open ID` opens it directly.
    let id = session_files(data.path())[0]
        .file_stem()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    let t = start(
        &format!("{name}-open"),
        (200, 50),
        &wizard(data.path(), out.path(), &format!("open {id}")),
    );
    let s = t.wait("Exempel AB");
    assert!(s.contains("frågor besvarade"), "{s}");
    t.keys(&["q", "y"]);
    t.wait("[exited 0]");
}
