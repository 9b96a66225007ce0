//! Headless Chromium from the command line, for the tests that print our
//! HTML documents: find the browser, run it on a file, count a PDF's pages.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The browser on `PATH`. Without one the test is skipped with a loud
/// message, except in CI (`CI` set, `.ci/run` installs it), where it fails.
pub fn find() -> Option<PathBuf> {
    let found = ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .find_map(|name| {
            std::env::var_os("PATH").and_then(|paths| {
                std::env::split_paths(&paths)
                    .map(|p| p.join(name))
                    .find(|p| p.is_file())
            })
        });
    if found.is_none() {
        assert!(
            std::env::var_os("CI").is_none(),
            "chromium not found, and CI is set: install it (apt-get install -y chromium)"
        );
        eprintln!(
            "SKIPPED: chromium not found; install it (apt-get install -y chromium) to run this test"
        );
    }
    found
}

/// Runs the browser headless on `url` with its profile in `profile`, with
/// `extra` arguments (`--dump-dom`, `--print-to-pdf=FILE` …).
pub fn run(browser: &Path, profile: &Path, extra: &[&str], url: &str) -> Output {
    Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--enable-logging=stderr",
            "--v=0",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(extra)
        .arg(url)
        .output()
        .unwrap()
}

/// Counts `/Type /Page` objects (not `/Pages`) in a PDF.
pub fn pdf_pages(pdf: &[u8]) -> usize {
    let s = String::from_utf8_lossy(pdf);
    let mut n = 0;
    for pat in ["/Type /Page", "/Type/Page"] {
        let mut rest: &str = &s;
        while let Some(i) = rest.find(pat) {
            let after = &rest[i + pat.len()..];
            if !after.starts_with('s') {
                n += 1;
            }
            rest = after;
        }
    }
    n
}
