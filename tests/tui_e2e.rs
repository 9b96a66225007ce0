//! End to end: the real binary in a pseudo-terminal under tmux. Answer a
//! few questions, `kill -9` the process, start again, resume, and check
//! that no answer was lost (on screen and in the session file).

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

struct Tmux {
    name: String,
}

impl Tmux {
    fn available() -> bool {
        Command::new("tmux")
            .arg("-V")
            .output()
            .is_ok_and(|o| o.status.success())
    }

    fn start(name: &str, cmd: &str) -> Tmux {
        let ok = Command::new("tmux")
            .args(["new-session", "-d", "-s", name, "-x", "80", "-y", "24", cmd])
            .env_remove("NO_COLOR")
            .status()
            .unwrap()
            .success();
        assert!(ok, "tmux new-session failed");
        Tmux {
            name: name.to_string(),
        }
    }

    fn keys(&self, keys: &[&str]) {
        for k in keys {
            let ok = Command::new("tmux")
                .args(["send-keys", "-t", &self.name, k])
                .status()
                .unwrap()
                .success();
            assert!(ok, "send-keys {k}");
            std::thread::sleep(Duration::from_millis(40));
        }
    }

    fn screen(&self) -> String {
        let out = Command::new("tmux")
            .args(["capture-pane", "-p", "-t", &self.name])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn wait(&self, text: &str) -> String {
        let end = Instant::now() + Duration::from_secs(15);
        loop {
            let s = self.screen();
            if s.contains(text) {
                return s;
            }
            assert!(
                Instant::now() < end,
                "timeout waiting for {text:?}; screen:\n{s}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn pid(&self) -> u32 {
        let out = Command::new("tmux")
            .args(["list-panes", "-t", &self.name, "-F", "#{pane_pid}"])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).trim().parse().unwrap()
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .args(["kill-session", "-t", &self.name])
            .status();
    }
}

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
    if !Tmux::available() {
        // In CI (.ci/run installs tmux) a missing tmux is a failure.
        assert!(
            std::env::var_os("CI").is_none(),
            "tmux is not installed, and CI is set: install it (apt-get install -y tmux)"
        );
        eprintln!("SKIPPED: tmux is not installed; the end-to-end wizard test needs it");
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
        let t = Tmux::start(&name, &cmd);
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

    let t = Tmux::start(&name, &cmd);
    t.wait("Fortsätt en sparad");
    t.keys(&["2"]);
    t.wait("Testbolaget q AB");
    t.keys(&["Enter"]);
    let screen = t.wait("Vad säljer eller vill ni sälja");
    assert!(screen.contains("[x] 1  Fysiska varor"), "{screen}");
    assert!(screen.contains("5 av"), "progress after resume:\n{screen}");
    // A second wizard on the same session is refused, naming the holder.
    {
        let t2 = Tmux::start(&format!("{name}-2"), &cmd);
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
