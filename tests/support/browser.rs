//! A real Chromium, driven over WebDriver: chromedriver on a free
//! loopback port, headless, sandbox off (tests run as root in CI), GPU
//! off, and Chromium's background networking off (no traffic but to the
//! server under test). Keys are sent as real key events to whatever has
//! focus, never by clicking. With `CI=true`, a browser that cannot start
//! fails the test; elsewhere the test is skipped with a loud message.
//!
//! The accessibility audit is axe-core (tests/web/node_modules, installed
//! by `.ci/run` with `npm ci`); it is injected into the page and run with
//! the WCAG 2.0/2.1/2.2 A and AA rules and axe's best practices.

#![allow(dead_code)]

use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::{Client, ClientBuilder};
use serde_json::{Value, json};

pub const TAB: char = '\u{E004}';
pub const SHIFT: char = '\u{E008}';
pub const ENTER: char = '\u{E007}';
pub const SPACE: char = '\u{E00D}';
pub const BACKSPACE: char = '\u{E003}';
pub const DOWN: char = '\u{E015}';
pub const END: char = '\u{E010}';

fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true" || v == "1")
}

/// Skips (outside CI) or fails (in CI) with `why`.
fn unavailable(why: &str) -> Option<Browser> {
    assert!(
        !in_ci(),
        "the browser tests cannot run and CI is set: {why}"
    );
    eprintln!(
        "\n!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n\
         !!! SKIPPED: {why}\n\
         !!! (apt-get install chromium chromium-driver; cd tests/web && npm ci)\n\
         !!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n"
    );
    None
}

fn which(names: &[&str]) -> Option<PathBuf> {
    let paths = std::env::var_os("PATH")?;
    names.iter().find_map(|n| {
        std::env::split_paths(&paths)
            .map(|p| p.join(n))
            .find(|p| p.is_file())
    })
}

/// axe-core's source.
pub fn axe_source() -> Option<String> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/web/node_modules/axe-core/axe.min.js");
    std::fs::read_to_string(p).ok()
}

/// chromedriver and a WebDriver session; both end when dropped.
pub struct Browser {
    pub client: Client,
    driver: Child,
    pub axe: String,
    _profile: tempfile::TempDir,
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

impl Browser {
    /// Starts chromedriver and a headless Chromium; `None` (skip) outside
    /// CI when either, or axe-core, is missing.
    pub async fn start() -> Option<Browser> {
        let Some(axe) = axe_source() else {
            return unavailable("axe-core is not installed in tests/web/node_modules");
        };
        let Some(driver_bin) = which(&["chromedriver"]) else {
            return unavailable("chromedriver not found");
        };
        let Some(chromium) = which(&["chromium", "chromium-browser", "google-chrome"]) else {
            return unavailable("chromium not found");
        };
        let port = free_port();
        let driver = Command::new(driver_bin)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn();
        let mut driver = match driver {
            Ok(d) => d,
            Err(e) => return unavailable(&format!("chromedriver did not start: {e}")),
        };
        let url = format!("http://127.0.0.1:{port}");
        let t = Instant::now();
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            if t.elapsed() > Duration::from_secs(20) {
                let _ = driver.kill();
                return unavailable("chromedriver did not listen within 20 s");
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        let profile = tempfile::tempdir().expect("a profile dir");
        let mut caps = serde_json::Map::new();
        caps.insert(
            "goog:chromeOptions".into(),
            json!({
                "binary": chromium,
                "args": [
                    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-default-apps", "--disable-extensions", "--no-first-run",
                    "--disable-features=Translate,OptimizationHints,MediaRouter",
                    "--window-size=1024,900", "--lang=sv-SE",
                    format!("--user-data-dir={}", profile.path().display()),
                ],
                "prefs": { "intl.accept_languages": "sv-SE,sv" },
            }),
        );
        let connector = hyper_util::client::legacy::connect::HttpConnector::new();
        let client = match ClientBuilder::new(connector)
            .capabilities(caps)
            .connect(&url)
            .await
        {
            Ok(c) => c,
            Err(e) => {
                let _ = driver.kill();
                return unavailable(&format!("Chromium did not start: {e}"));
            }
        };
        Some(Browser {
            client,
            driver,
            axe,
            _profile: profile,
        })
    }

    /// Presses keys, one after another, on whatever has focus.
    pub async fn keys(&self, keys: &[char]) {
        let mut a = KeyActions::new("keyboard".into());
        for &k in keys {
            a = a
                .then(KeyAction::Down { value: k })
                .then(KeyAction::Up { value: k });
        }
        self.client.perform_actions(a).await.expect("keys");
    }

    /// Types text as key presses.
    pub async fn type_text(&self, text: &str) {
        let chars: Vec<char> = text.chars().collect();
        self.keys(&chars).await;
    }

    /// Shift-Tab.
    pub async fn shift_tab(&self) {
        let a = KeyActions::new("keyboard".into())
            .then(KeyAction::Down { value: SHIFT })
            .then(KeyAction::Down { value: TAB })
            .then(KeyAction::Up { value: TAB })
            .then(KeyAction::Up { value: SHIFT });
        self.client.perform_actions(a).await.expect("shift-tab");
    }

    pub async fn js(&self, script: &str, args: Vec<Value>) -> Value {
        self.client.execute(script, args).await.expect("script")
    }

    /// Whether the focused element matches CSS `sel`.
    pub async fn focused(&self, sel: &str) -> bool {
        self.js(
            "return document.activeElement !== null && document.activeElement.matches(arguments[0]);",
            vec![json!(sel)],
        )
        .await
        .as_bool()
        .unwrap_or(false)
    }

    /// A description of the focused element, for messages.
    pub async fn focus_desc(&self) -> String {
        self.js(
            "const e = document.activeElement; return e ? e.outerHTML.slice(0, 160) : 'none';",
            vec![],
        )
        .await
        .as_str()
        .unwrap_or("")
        .to_string()
    }

    /// Presses Tab until the focused element matches `sel` (at most 250
    /// times); each focused element must show that it has focus.
    pub async fn tab_to(&self, sel: &str) {
        for _ in 0..250 {
            self.keys(&[TAB]).await;
            let visible = self
                .js(
                    "const e = document.activeElement; if (!e || e === document.body) return true;
                     const s = getComputedStyle(e);
                     const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2 && s.outlineColor !== 'rgba(0, 0, 0, 0)';
                     return outline || s.boxShadow !== 'none' || s.backgroundColor === 'rgb(255, 221, 0)';",
                    vec![],
                )
                .await;
            assert_eq!(
                visible,
                json!(true),
                "focus not visible on {}",
                self.focus_desc().await
            );
            if self.focused(sel).await {
                return;
            }
        }
        panic!("Tab never reached {sel}");
    }

    /// Runs axe-core on the page; the violations as readable lines.
    pub async fn audit(&self) -> Vec<String> {
        self.js(&self.axe, vec![]).await;
        let r = self
            .client
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } })
                   .then(r => done(r.violations.map(v => v.id + ' (' + v.impact + '): ' + v.help + ' — ' + v.nodes.slice(0, 3).map(n => n.html).join(' | '))))
                   .catch(e => done(['axe failed: ' + e]));",
                vec![],
            )
            .await
            .expect("axe.run");
        r.as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|v| v.as_str().map(String::from))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Whether the page scrolls sideways at the window's width.
    pub async fn scrolls_sideways(&self) -> bool {
        self.js(
            "return document.documentElement.scrollWidth > document.documentElement.clientWidth + 1;",
            vec![],
        )
        .await
        .as_bool()
        .unwrap_or(true)
    }

    pub async fn path(&self) -> String {
        let u = self.client.current_url().await.expect("url");
        u.path().to_string()
    }

    pub async fn text(&self, sel: &str) -> String {
        self.js(
            "const e = document.querySelector(arguments[0]); return e ? e.textContent : '';",
            vec![json!(sel)],
        )
        .await
        .as_str()
        .unwrap_or("")
        .to_string()
    }

    /// Presses `key` and waits for the next page to load; its path.
    pub async fn press_and_wait(&self, key: char) -> String {
        self.js("window.__old_page = true;", vec![]).await;
        self.keys(&[key]).await;
        let t = Instant::now();
        loop {
            let done = self
                .client
                .execute(
                    "return window.__old_page === undefined && document.readyState === 'complete';",
                    vec![],
                )
                .await
                .ok()
                .and_then(|v| v.as_bool())
                .unwrap_or(false);
            if done {
                return self.path().await;
            }
            assert!(
                t.elapsed() < Duration::from_secs(20),
                "no new page after the key"
            );
            tokio::time::sleep(Duration::from_millis(30)).await;
        }
    }
}
