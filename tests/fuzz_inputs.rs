//! Hostile files at every command: random bytes, a 50 MB file, 10,000
//! nested parentheses, deeply nested TOML, NUL bytes, huge numbers, NaN,
//! duplicate keys and a session full of escape sequences — as questionnaire,
//! as answers file and as a saved session — through `check`, `score`,
//! `export`, `report`, `sessions list|show`, `import` and the wizard's
//! resume list. Each gets a clear message (or a skip with a count), exit 0
//! or 1, never a panic, and nothing that could change the terminal.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use std::sync::Arc;

use behovsanalys::questionnaire::{Questionnaire, builtin};
use behovsanalys::session::SessionMode;
use behovsanalys::tui::app::{App, Screen};
use behovsanalys::tui::theme::Theme;
use behovsanalys::tui::{Msg, Runtime, update, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn bin(data: &Path) -> Command {
    let mut c = Command::cargo_bin("behovsanalys").unwrap();
    c.env("BEHOVSANALYS_DATA_DIR", data)
        .env("BEHOVSANALYS_DATE", "2026-06-01")
        .env_remove("NO_COLOR");
    c
}

/// Bytes that would change a terminal: ESC (CSI/OSC start), BEL, the C1
/// CSI, and the bidi override U+202E.
fn terminal_safe(bytes: &[u8]) -> Result<(), String> {
    let s = String::from_utf8_lossy(bytes);
    for bad in [
        '\u{1b}', '\u{7}', '\u{9b}', '\u{202e}', '\u{202d}', '\u{2066}',
    ] {
        if s.contains(bad) {
            return Err(format!("{bad:?} reached the terminal: {s:?}"));
        }
    }
    Ok(())
}

struct Outcome {
    code: i32,
    out: String,
    err: String,
}

fn run(data: &Path, args: &[&str]) -> Outcome {
    let out = bin(data).args(args).output().unwrap();
    let what = format!("`behovsanalys {}`", args.join(" "));
    let code = out.status.code().unwrap_or(-1);
    if let Err(e) = terminal_safe(&out.stdout).and_then(|()| terminal_safe(&out.stderr)) {
        panic!("{what}: {e}");
    }
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(!err.contains("panicked"), "{what}: {err}");
    assert!(
        code == 0 || code == 1,
        "{what}: exit {code} (0 or 1 expected)\n{err}"
    );
    if code == 1 {
        assert!(!err.trim().is_empty(), "{what}: failed without a message");
    }
    Outcome {
        code,
        out: String::from_utf8_lossy(&out.stdout).into_owned(),
        err,
    }
}

fn noise(len: usize, mut seed: u64) -> Vec<u8> {
    (0..len)
        .map(|_| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed >> 24) as u8
        })
        .collect()
}

/// A saved session whose every text carries escape sequences: company
/// name, municipality, notes, a text answer, meta, attendee names.
const ESCAPES_SESSION: &str = r#"questionnaire = "exportbehov"
version = "2026.1\u001b[2J"

[company]
name = "\u001b]0;pwned\u0007Evil\u001b[31m AB\u202e"
municipality = "V\u001b[1mäxjö\u009b"
employees = 12

[answers]
exporterar = "ja_regelbundet"
redan_provat = "\u001b[2J\u001b[H\u001b]8;;http://x\u0007link\u202egnp.exe"

[notes]
exporterar = "note \u001b[5m\u0007\u202e"

[consent]
almi = true

[meta]
id = "20260101-100000-0e5c"
created = "2026-01-01T10:00:00Z"
updated = "2026-01-01T11:00:00Z\u001b[2J"
mode = "advisor"
attendees = [{ name = "\u001b[31mEve\u202e", organisation = "\u0007Org" }]
"#;

/// Every kind of broken file, by name.
fn hostile_files(dir: &Path) -> Vec<(String, PathBuf)> {
    let mut v = Vec::new();
    let mut put = |name: &str, bytes: Vec<u8>| {
        let p = dir.join(name);
        std::fs::write(&p, bytes).unwrap();
        v.push((name.to_string(), p));
    };
    put("urandom.toml", noise(64 * 1024, 7));
    // Random bytes that happen to start like a session.
    let mut b = b"questionnaire = \"exportbehov\"\n[answers]\n".to_vec();
    b.extend(noise(4096, 9));
    put("urandom-tail.toml", b);
    let parens = format!(
        "questionnaire = \"exportbehov\"\n[answers]\nexporterar = \"{}x{}\"\n",
        "(".repeat(10_000),
        ")".repeat(10_000)
    );
    put("parens.toml", parens.into_bytes());
    put(
        "nested-arrays.toml",
        format!(
            "questionnaire = \"exportbehov\"\n[answers]\nexporterar = {}1{}\n",
            "[".repeat(10_000),
            "]".repeat(10_000)
        )
        .into_bytes(),
    );
    put(
        "nested-tables.toml",
        format!(
            "questionnaire = \"exportbehov\"\n[meta]\nx = {}1{}\n",
            "{a = ".repeat(10_000),
            "}".repeat(10_000)
        )
        .into_bytes(),
    );
    put(
        "dotted-keys.toml",
        format!(
            "questionnaire = \"exportbehov\"\n[meta]\n{} = 1\n",
            vec!["k"; 10_000].join(".")
        )
        .into_bytes(),
    );
    put(
        "nul.toml",
        b"questionnaire = \"exportbehov\"\n[company]\nname = \"A\0B\"\n".to_vec(),
    );
    put(
        "bom-crlf.toml",
        "\u{feff}questionnaire = \"exportbehov\"\r\n[answers]\r\nexporterar = \"ja_regelbundet\"\r\n"
            .as_bytes()
            .to_vec(),
    );
    put(
        "numbers.toml",
        b"questionnaire = \"exportbehov\"\n[company]\nemployees = 99999999999999999999999\n[answers]\nanstallda = nan\nomsattning = inf\n".to_vec(),
    );
    put(
        "duplicate.toml",
        b"questionnaire = \"exportbehov\"\n[answers]\nexporterar = \"ja_regelbundet\"\nexporterar = \"nej\"\n".to_vec(),
    );
    put(
        "invalid-utf8.toml",
        b"questionnaire = \"exportbehov\"\n[company]\nname = \"\xff\xfe\xc3\x28\"\n".to_vec(),
    );
    put("escapes.toml", ESCAPES_SESSION.as_bytes().to_vec());
    let big = dir.join("huge.toml");
    std::fs::File::create(&big)
        .unwrap()
        .set_len(50 * 1024 * 1024)
        .unwrap();
    v.push(("huge.toml".into(), big));
    v
}

#[test]
fn hostile_files_as_answers_at_score_export_and_import() {
    let data = tempfile::tempdir().unwrap();
    let files = tempfile::tempdir().unwrap();
    for (name, p) in hostile_files(files.path()) {
        let p = p.to_str().unwrap();
        let score = run(data.path(), &["score", "--answers", p]);
        let json = run(data.path(), &["score", "--format", "json", "--answers", p]);
        assert_eq!(score.code, json.code, "{name}");
        match name.as_str() {
            "bom-crlf.toml" | "escapes.toml" => assert_eq!(score.code, 0, "{name}: {}", score.err),
            "huge.toml" => assert!(score.err.contains("at most"), "{}", score.err),
            _ => {
                assert_eq!(score.code, 1, "{name}: {}", score.out);
                assert!(
                    score.err.contains(&name) || score.err.contains("cannot"),
                    "{name}: the message names the file: {}",
                    score.err
                );
            }
        }
        let out = files.path().join(format!("out-{name}.html"));
        let export = run(
            data.path(),
            &[
                "export",
                "--answers",
                p,
                "--company",
                "--format",
                "html",
                "--out",
                out.to_str().unwrap(),
            ],
        );
        assert_eq!(export.code, score.code, "{name}: {}", export.err);
        if export.code == 0 {
            let html = std::fs::read(&out).unwrap();
            terminal_safe(&html).unwrap_or_else(|e| panic!("{name}: {e}"));
        }
        run(data.path(), &["export", "--answers", p, "--actor", "almi"]);
        let import = run(data.path(), &["import", p]);
        if score.code == 1 {
            assert_eq!(import.code, 1, "{name}: imported a broken file");
        }
        if name == "huge.toml" {
            assert!(import.err.contains("at most"), "{}", import.err);
        }
    }
    // What was imported lists and shows cleanly.
    let list = run(data.path(), &["sessions", "list"]);
    assert_eq!(list.code, 0, "{}", list.err);
    let ids: Vec<String> = std::fs::read_dir(data.path().join("sessions"))
        .unwrap()
        .filter_map(|e| {
            let n = e.unwrap().file_name().into_string().unwrap();
            n.strip_suffix(".toml").map(String::from)
        })
        .collect();
    assert_eq!(ids.len(), 2, "bom-crlf and escapes were imported: {ids:?}");
    for id in &ids {
        let show = run(data.path(), &["sessions", "show", id]);
        assert_eq!(show.code, 0, "{}", show.err);
        run(data.path(), &["score", "--session", id]);
    }
}

#[test]
fn hostile_files_as_questionnaire_at_every_command() {
    let data = tempfile::tempdir().unwrap();
    let files = tempfile::tempdir().unwrap();
    let mut qs = hostile_files(files.path());
    let deep_expr = files.path().join("deep-expr.toml");
    let base = std::fs::read_to_string("tests/fixtures/valid/minimal.toml").unwrap();
    assert!(base.contains("[[section.question]]"));
    let deep = base.replacen(
        "[[section.question]]",
        &format!(
            "[[section.question]]\nshow_if = \"{}true{}\"",
            "(".repeat(10_000),
            ")".repeat(10_000)
        ),
        1,
    );
    std::fs::write(&deep_expr, deep).unwrap();
    qs.push(("deep-expr.toml".into(), deep_expr));
    let answers = "tests/fixtures/profiles/maskin_tyskland.toml";
    for (name, p) in &qs {
        let q = p.to_str().unwrap();
        let check = run(data.path(), &["check", q]);
        assert_eq!(check.code, 1, "{name} is not a questionnaire");
        assert!(
            check.err.contains(name.as_str()),
            "{name}: names the file: {}",
            check.err
        );
        if name == "huge.toml" {
            assert!(check.err.contains("at most"), "{}", check.err);
        }
        if name == "deep-expr.toml" {
            assert!(
                check.err.contains("bytes long") || check.err.contains("nested more"),
                "{}",
                check.err
            );
        }
        for args in [
            vec!["--questionnaire", q, "score", "--answers", answers],
            vec![
                "--questionnaire",
                q,
                "export",
                "--answers",
                answers,
                "--company",
            ],
            vec!["--questionnaire", q, "report"],
            vec!["--questionnaire", q, "sessions", "list"],
            vec!["--questionnaire", q, "import", answers],
            // The wizard: refused before the terminal is touched.
            vec!["--questionnaire", q],
        ] {
            let o = run(data.path(), &args);
            assert_eq!(o.code, 1, "{name}: {args:?}");
        }
    }
}

/// Writes every hostile file into the data directory as a saved session.
fn hostile_store(data: &Path) -> Vec<String> {
    let sessions = data.join("sessions");
    std::fs::create_dir_all(&sessions).unwrap();
    let tmp = tempfile::tempdir().unwrap();
    let mut ids = Vec::new();
    for (i, (_, p)) in hostile_files(tmp.path()).into_iter().enumerate() {
        let id = format!("20260101-1000{i:02}-{i:04x}");
        std::fs::rename(&p, sessions.join(format!("{id}.toml"))).unwrap_or_else(|_| {
            std::fs::copy(&p, sessions.join(format!("{id}.toml"))).unwrap();
        });
        ids.push(id);
    }
    ids
}

#[test]
fn hostile_sessions_in_the_data_directory() {
    let data = tempfile::tempdir().unwrap();
    let ids = hostile_store(data.path());
    let report = run(data.path(), &["report", "--min-group", "1"]);
    assert_eq!(report.code, 0, "{}", report.err);
    assert!(
        report.err.contains("could not be read and were skipped"),
        "skip with a count: {}",
        report.err
    );
    for f in ["csv", "json", "html"] {
        let r = run(data.path(), &["report", "--format", f, "--min-group", "1"]);
        assert_eq!(r.code, 0, "{}", r.err);
    }
    let list = run(data.path(), &["sessions", "list"]);
    assert_eq!(list.code, 0, "{}", list.err);
    run(data.path(), &["sessions", "list", "--format", "json"]);
    for id in &ids {
        run(data.path(), &["sessions", "show", id]);
        run(data.path(), &["score", "--session", id]);
        run(data.path(), &["export", "--session", id, "--company"]);
    }
    // The escapes session is valid: it shows, with its texts made harmless.
    let escapes = ids
        .iter()
        .find(|id| {
            std::fs::read_to_string(data.path().join("sessions").join(format!("{id}.toml")))
                .is_ok_and(|t| t.contains("pwned"))
        })
        .unwrap();
    let show = run(data.path(), &["sessions", "show", escapes]);
    assert_eq!(show.code, 0, "{}", show.err);
    assert!(show.out.contains("Evil"), "{}", show.out);
}

fn key(code: KeyCode) -> Msg {
    Msg::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

fn buffer_text(t: &Terminal<TestBackend>) -> String {
    t.backend()
        .buffer()
        .content()
        .iter()
        .map(|c| c.symbol())
        .collect()
}

/// Draws every size and asserts nothing dangerous is on the screen.
fn draw_safe(app: &App, what: &str) -> usize {
    let theme = Theme { color: true };
    for (w, h) in [(80, 24), (120, 40), (150, 50), (40, 10)] {
        let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
        t.draw(|f| view::view(app, &theme, f)).unwrap();
        let shown = buffer_text(&t);
        terminal_safe(shown.as_bytes())
            .unwrap_or_else(|e| panic!("{what}, screen {:?} {w}x{h}: {e}", app.screen));
        assert!(
            !shown.chars().any(behovsanalys::text::is_dangerous_char),
            "{what}: {shown:?}"
        );
    }
    4
}

/// Resume list → the escapes session → every screen, drawing each.
fn walk_the_wizard(q: Arc<Questionnaire>, data: &Path, lang: &str, broken_files: bool) -> usize {
    let mut app = App::new(
        Arc::clone(&q),
        behovsanalys::i18n::Lang::from_code(lang).unwrap(),
        SessionMode::Advisor,
        "/tmp/\u{1b}[2Jx",
    );
    let mut rt = Runtime::new(Some(data.to_path_buf()), Arc::clone(&q));
    let mut frames = draw_safe(&app, "start");
    rt.dispatch(&mut app, key(KeyCode::Char('2')));
    rt.settle(&mut app);
    assert_eq!(app.screen, Screen::Resume);
    let listing = match &app.resume.list {
        Some(Ok(l)) => l.clone(),
        other => panic!("no listing: {other:?}"),
    };
    if broken_files {
        assert!(!listing.quarantined.is_empty() || !listing.problems.is_empty());
    }
    let n = listing.sessions.len();
    for _ in 0..n + 2 {
        frames += draw_safe(&app, "resume list");
        rt.dispatch(&mut app, key(KeyCode::Down));
    }
    for _ in 0..n + 2 {
        rt.dispatch(&mut app, key(KeyCode::Up));
    }
    let i = listing
        .sessions
        .iter()
        .position(|r| r.company.as_deref().is_some_and(|c| c.contains("Evil")))
        .expect("the escapes session is listed");
    for _ in 0..i {
        rt.dispatch(&mut app, key(KeyCode::Down));
    }
    rt.dispatch(&mut app, key(KeyCode::Enter));
    rt.settle(&mut app);
    frames += draw_safe(&app, "opened");
    for k in [KeyCode::F(7), KeyCode::F(1), KeyCode::Esc, KeyCode::F(3)] {
        rt.dispatch(&mut app, key(k));
        frames += draw_safe(&app, "popups");
    }
    rt.dispatch(&mut app, key(KeyCode::Esc));
    for compact in [false, true] {
        if compact {
            rt.dispatch(&mut app, key(KeyCode::F(9)));
        }
        for _ in 0..q.questions.len() {
            frames += draw_safe(&app, "question");
            rt.dispatch(&mut app, key(KeyCode::PageDown));
            if app.screen != Screen::Questions {
                break;
            }
        }
    }
    rt.dispatch(&mut app, key(KeyCode::F(8)));
    for _ in 0..q.actors.len() {
        frames += draw_safe(&app, "summary");
        rt.dispatch(&mut app, key(KeyCode::Enter));
        frames += draw_safe(&app, "actor");
        rt.dispatch(&mut app, key(KeyCode::Esc));
        rt.dispatch(&mut app, key(KeyCode::Down));
    }
    update(
        &mut app,
        Msg::Exported(Err(behovsanalys::tui::ExportFailure::CreateDir {
            dir: "/tmp/\u{1b}[2Jx".into(),
            err: Arc::new(std::io::Error::other("disk \u{1b}[2J full\u{7}")),
        })),
    );
    frames += draw_safe(&app, "export failed");
    update(
        &mut app,
        Msg::SaveFailed(behovsanalys::tui::SaveError::Store(Arc::new(
            behovsanalys::session::StoreError::Io {
                action: "cannot save",
                path: "\u{1b}]0;x\u{7}".into(),
                err: std::io::Error::other("no space \u{1b}[2J"),
            },
        ))),
    );
    frames += draw_safe(&app, "save failed");
    frames
}

/// The wizard's resume list over the hostile store, and the escapes
/// session opened: nothing dangerous reaches the screen buffer.
#[test]
fn wizard_resume_list_over_hostile_sessions() {
    let data = tempfile::tempdir().unwrap();
    hostile_store(data.path());
    let q = Arc::new(builtin().unwrap().questionnaire);
    let frames = walk_the_wizard(q, data.path(), "sv", true);
    assert!(frames > 100, "{frames}");
}

/// The built-in questionnaire with ESC/CSI/OSC, BEL, C1 and bidi overrides
/// in every text (titles, questions, help, options, areas, actors, reasons,
/// services, contacts).
fn hostile_questionnaire() -> String {
    const KEYS: &[&str] = &[
        "title",
        "text",
        "help",
        "label",
        "name",
        "description",
        "reason",
        "next_step",
        "contact",
        "price",
        "low",
        "high",
        "unit",
    ];
    let evil = r"\u001b]0;pwned\u0007\u001b[2J\u009b31m\u202e\u2066";
    behovsanalys::questionnaire::load::BUILTIN_TOML
        .lines()
        .map(|l| {
            if KEYS.iter().any(|k| l.starts_with(&format!("{k} = "))) {
                l.replace("= \"", &format!("= \"{evil}"))
            } else {
                l.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn wizard_draws_no_control_or_bidi_characters_from_questionnaire_or_session() {
    let text = hostile_questionnaire();
    let q = behovsanalys::questionnaire::load_str("evil.toml", &text)
        .unwrap_or_else(|e| panic!("{e}"))
        .questionnaire;
    assert!(q.title.get("sv").contains('\u{1b}'));
    let q = Arc::new(q);
    for lang in ["sv", "en"] {
        let data = tempfile::tempdir().unwrap();
        let sessions = data.path().join("sessions");
        std::fs::create_dir_all(&sessions).unwrap();
        std::fs::write(sessions.join("20260101-100000-0e5c.toml"), ESCAPES_SESSION).unwrap();
        let frames = walk_the_wizard(Arc::clone(&q), data.path(), lang, false);
        assert!(frames > 100, "{frames}");
    }
}
