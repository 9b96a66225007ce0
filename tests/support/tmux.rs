//! The real binary in a pseudo-terminal under tmux, for the end-to-end
//! tests: start a command in a detached session of a given size, send keys
//! and text, read the screen, wait for a text, find the program's pid.
#![allow(dead_code)]

use std::process::Command;
use std::time::{Duration, Instant};

pub struct Tmux {
    name: String,
}

impl Tmux {
    pub fn available() -> bool {
        Command::new("tmux")
            .arg("-V")
            .output()
            .is_ok_and(|o| o.status.success())
    }

    /// Runs `cmd` (a shell command line) in a new detached session `name`
    /// of `size` columns × rows; a session of that name left by an earlier
    /// run is killed first. The session ends when `cmd` does.
    pub fn start(name: &str, size: (u16, u16), cmd: &str) -> Tmux {
        let _ = Command::new("tmux")
            .args(["kill-session", "-t", name])
            .stderr(std::process::Stdio::null())
            .status();
        let ok = Command::new("tmux")
            .args(["new-session", "-d", "-s", name])
            .args(["-x", &size.0.to_string(), "-y", &size.1.to_string()])
            .arg(cmd)
            .env_remove("NO_COLOR")
            .status()
            .unwrap()
            .success();
        assert!(ok, "tmux new-session failed");
        Tmux {
            name: name.to_string(),
        }
    }

    pub fn keys(&self, keys: &[&str]) {
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

    /// Types text literally.
    pub fn text(&self, text: &str) {
        let ok = Command::new("tmux")
            .args(["send-keys", "-l", "-t", &self.name, text])
            .status()
            .unwrap()
            .success();
        assert!(ok);
        std::thread::sleep(Duration::from_millis(60));
    }

    pub fn resize(&self, size: (u16, u16)) {
        let _ = Command::new("tmux")
            .args(["resize-window", "-t", &self.name])
            .args(["-x", &size.0.to_string(), "-y", &size.1.to_string()])
            .status();
        std::thread::sleep(Duration::from_millis(300));
    }

    pub fn screen(&self) -> String {
        let out = Command::new("tmux")
            .args(["capture-pane", "-p", "-t", &self.name])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    pub fn wait(&self, text: &str) -> String {
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

    /// Presses `key` until `text` is on screen.
    pub fn until(&self, key: &str, text: &str) -> String {
        for _ in 0..80 {
            let s = self.screen();
            if s.contains(text) {
                return s;
            }
            self.keys(&[key]);
            std::thread::sleep(Duration::from_millis(30));
        }
        panic!("{text:?} never came:\n{}", self.screen());
    }

    pub fn pid(&self) -> u32 {
        let out = Command::new("tmux")
            .args(["list-panes", "-t", &self.name, "-F", "#{pane_pid}"])
            .output()
            .unwrap();
        let shell: u32 = String::from_utf8_lossy(&out.stdout).trim().parse().unwrap();
        let child = Command::new("pgrep")
            .args(["-P", &shell.to_string()])
            .output()
            .unwrap();
        String::from_utf8_lossy(&child.stdout)
            .lines()
            .next()
            .and_then(|l| l.trim().parse().ok())
            .unwrap_or(shell)
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .args(["kill-session", "-t", &self.name])
            .status();
    }
}

/// Whether tmux can be used; without it the test is skipped with a loud
/// message, except in CI (`CI` set), where it fails.
pub fn have_tmux() -> bool {
    if Tmux::available() {
        return true;
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "tmux is not installed, and CI is set: install it (apt-get install -y tmux)"
    );
    eprintln!("SKIPPED: tmux is not installed; the end-to-end wizard tests need it");
    false
}
