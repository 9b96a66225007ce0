//! End to end: the real binary in a pseudo-terminal under tmux. Answer a
//! few questions, `kill -9` the process, start again, resume, and check
//! that no answer was lost (on screen and in the session file).

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

#[path = "support/tmux.rs"]
mod tmux;
use tmux::{Tmux, have_tmux};

fn session_file(dir: &Path) -> String {
    let sessions = dir.join("sessions");
    let mut files: Vec<_> = std::fs::read_dir(&sessions)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    std::fs::read_to_string(files.remove(0)).unwrap()
}

#[test]
#[cfg(unix)]
fn answers_survive_kill_9_and_resume() {
    // In CI (.ci/run installs tmux) a missing tmux is a failure.
    if !have_tmux() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let bin = env!("CARGO_BIN_EXE_behovsanalys");
    let cmd = format!(
        "cd '{}' && exec '{bin}' --data-dir '{}' --lang sv",
        dir.path().display(),
        dir.path().display()
    );
    let name = format!("behovsanalys-e2e-{}", std::process::id());

    {
        let t = Tmux::start(&name, (80, 24), &cmd);
        t.wait("Ny behovsanalys");
        t.keys(&["Enter"]);
        t.wait("Företagsnamn");
        t.keys(&["Testbolaget q AB", "NPage"]);
        t.wait("Hur många anställda");
        t.keys(&["24", "Enter"]);
        t.wait("omsättningen");
        t.keys(&["3", "Enter"]);
        t.wait("koncern");
        t.keys(&["1", "Enter"]);
        t.wait("Hur länge");
        t.keys(&["2", "Enter"]);
        t.wait("Vad säljer");
        t.keys(&["1"]);
        t.wait("[x] 1");
        // Give the writer thread its few milliseconds, then crash hard.
        std::thread::sleep(Duration::from_millis(300));
        let pid = t.pid();
        let ok = Command::new("kill")
            .args(["-9", &pid.to_string()])
            .status()
            .unwrap()
            .success();
        assert!(ok, "kill -9 {pid}");
        std::thread::sleep(Duration::from_millis(200));
    }

    let file = session_file(dir.path());
    for line in [
        "name = \"Testbolaget q AB\"",
        "anstallda = 24",
        "omsattning = \"10m_50m_eur\"",
        "koncern = \"fristaende\"",
        "foretagets_alder = \"2_5\"",
        "erbjudande = [\"varor\"]",
        "current = \"erbjudande\"",
    ] {
        assert!(file.contains(line), "missing {line:?} in\n{file}");
    }

    let t = Tmux::start(&name, (80, 24), &cmd);
    t.wait("Fortsätt en sparad");
    t.keys(&["2"]);
    t.wait("Testbolaget q AB");
    t.keys(&["Enter"]);
    let screen = t.wait("Vad säljer eller vill ni sälja");
    assert!(screen.contains("[x] 1  Fysiska varor"), "{screen}");
    assert!(screen.contains("5 av"), "progress after resume:\n{screen}");
    // A second wizard on the same session is refused, naming the holder.
    {
        let t2 = Tmux::start(&format!("{name}-2"), (80, 24), &cmd);
        t2.wait("Fortsätt en sparad");
        t2.keys(&["2"]);
        t2.wait("Testbolaget q AB");
        t2.keys(&["Enter"]);
        let s2 = t2.wait("är öppen i ett annat fönster");
        assert!(s2.contains(&format!("process {}", t.pid())), "{s2}");
    }
    // Quit with confirmation; the terminal comes back.
    t.keys(&["q"]);
    t.wait("Avsluta?");
    t.keys(&["y"]);
    let end = Instant::now() + Duration::from_secs(10);
    while Command::new("tmux")
        .args(["has-session", "-t", &name])
        .status()
        .is_ok_and(|s| s.success())
    {
        assert!(
            Instant::now() < end,
            "the wizard did not exit:\n{}",
            t.screen()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}
