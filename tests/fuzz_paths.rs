//! Where files land, and what happens when they cannot be written: names
//! from a company or a file never leave the chosen directory, symlinks
//! planted at a target are not written through, and a data directory that
//! cannot be written (a file standing in place of `sessions/`, a full disk)
//! gives a clear message, keeps retrying in the wizard and loses nothing.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use assert_cmd::Command;
use behovsanalys::answers::{self, Answer, Mode};
use behovsanalys::questionnaire::builtin;
use behovsanalys::session::writer::{Writer, WriterEvent};
use behovsanalys::session::{SessionMode, Store};
use behovsanalys::tui;
use behovsanalys::tui::app::ExportJob;

/// The time the tests give their answers.
const T: &str = "2026-06-01T10:00:00Z";

const HOSTILE_NAMES: &[&str] = &[
    "../../../../tmp/evil",
    "/etc/passwd",
    "..\\..\\windows\\x",
    "..",
    ".hidden",
    "CON",
    "a/b/c",
    "\u{1b}]0;x\u{7}\u{202e}gnp.exe",
    "C:\\x",
    "",
];

fn bin(data: &Path) -> Command {
    let mut c = Command::cargo_bin("behovsanalys").unwrap();
    c.env("BEHOVSANALYS_DATA_DIR", data)
        .env("BEHOVSANALYS_DATE", "2026-06-01");
    c
}

fn answers_with_company(name: &str) -> String {
    let mut t = String::from("questionnaire = \"exportbehov\"\n[company]\nname = ");
    t.push_str(&toml::Value::String(name.into()).to_string());
    t.push_str(
        "\n[answers]\nexporterar = \"ja_regelbundet\"\n[consent]\nalmi = true\nekn = true\n",
    );
    t
}

/// Every file below `dir`, recursively.
fn files_below(dir: &Path) -> Vec<PathBuf> {
    let mut out = vec![];
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(files_below(&p));
        } else {
            out.push(p);
        }
    }
    out
}

#[test]
fn company_names_cannot_place_exports_outside_the_directory() {
    let root = tempfile::tempdir().unwrap();
    let out = root.path().join("out");
    let data = root.path().join("data");
    std::fs::create_dir_all(&out).unwrap();
    for (i, name) in HOSTILE_NAMES.iter().enumerate() {
        let f = root.path().join(format!("in{i}.toml"));
        std::fs::write(&f, answers_with_company(name)).unwrap();
        for target in [&["--actor", "almi"][..], &["--company"][..]] {
            let o = bin(&data)
                .arg("export")
                .arg("--answers")
                .arg(&f)
                .args(target)
                .args(["--force", "--format", "html", "--out-dir"])
                .arg(&out)
                .output()
                .unwrap();
            let err = String::from_utf8_lossy(&o.stderr);
            assert!(o.status.success(), "{name:?}: {err}");
            assert!(
                !err.contains('\u{1b}') && !err.contains('\u{202e}'),
                "{err:?}"
            );
        }
    }
    // Everything landed directly in out/, nothing anywhere else.
    let written = files_below(root.path());
    for p in &written {
        let inside = p.parent() == Some(out.as_path())
            || p.parent() == Some(root.path())
            || p.starts_with(&data);
        assert!(inside, "{} is outside the export folder", p.display());
        if p.parent() == Some(out.as_path()) {
            let n = p.file_name().unwrap().to_str().unwrap();
            assert!(!n.starts_with('.') && !n.contains(['\\', ':']), "{n}");
        }
    }
    assert!(!Path::new("/tmp/evil_almi.html").exists());
    assert!(files_below(&out).len() >= 8, "{written:?}");
}

#[test]
fn the_wizard_export_keeps_to_its_folder() {
    let q = builtin().unwrap().questionnaire;
    let root = tempfile::tempdir().unwrap();
    let out = root.path().join("export");
    let store = Store::open(Some(&root.path().join("data"))).unwrap();
    for name in HOSTILE_NAMES {
        let mut s = store.create(&q, SessionMode::SelfAssessment);
        s.answers = answers::parse("a.toml", &answers_with_company(name), &q, Mode::Strict)
            .unwrap()
            .answers;
        let job = ExportJob {
            dir: out.clone(),
            session: Box::new(s),
            lang: behovsanalys::i18n::Lang::Sv,
            actors: vec!["almi".into(), "ekn".into()],
            self_file: true,
            date: Some("2026-06-01".into()),
        };
        let files = tui::run_export(&job, &q).unwrap_or_else(|e| panic!("{name:?}: {e}"));
        assert_eq!(files.len(), 4, "{files:?}");
        for f in files {
            assert_eq!(Path::new(&f).parent(), Some(out.as_path()), "{f}");
        }
    }
    assert!(
        files_below(root.path())
            .iter()
            .all(|p| p.starts_with(&out) || p.starts_with(root.path().join("data")))
    );
}

#[cfg(unix)]
#[test]
fn a_symlink_at_the_target_name_is_not_written_through() {
    let root = tempfile::tempdir().unwrap();
    let out = root.path().join("out");
    std::fs::create_dir_all(&out).unwrap();
    let victim = root.path().join("victim.txt");
    std::fs::write(&victim, "keep").unwrap();
    let f = root.path().join("in.toml");
    std::fs::write(&f, answers_with_company("Länk AB")).unwrap();
    // A dangling link and a link to a file, at the names the export picks.
    std::os::unix::fs::symlink(&victim, out.join("lank-ab_almi.html")).unwrap();
    std::os::unix::fs::symlink(root.path().join("nowhere"), out.join("lank-ab_ekn.html")).unwrap();
    for (actor, force) in [("almi", true), ("ekn", false), ("ekn", true)] {
        let mut c = bin(&root.path().join("data"));
        c.arg("export")
            .arg("--answers")
            .arg(&f)
            .args(["--actor", actor, "--format", "html", "--out-dir"])
            .arg(&out);
        if force {
            c.arg("--force");
        }
        let o = c.output().unwrap();
        assert!(
            !String::from_utf8_lossy(&o.stderr).contains("panicked"),
            "{o:?}"
        );
    }
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "keep");
    assert!(
        !root.path().join("nowhere").exists(),
        "dangling link followed"
    );
}

/// `sessions/` is a file: every command that needs the store says so.
#[test]
fn a_file_in_place_of_the_sessions_folder() {
    let data = tempfile::tempdir().unwrap();
    std::fs::write(data.path().join("sessions"), "not a folder").unwrap();
    let profile = "tests/fixtures/profiles/maskin_tyskland.toml";
    for args in [
        vec!["import", profile],
        vec!["sessions", "list"],
        vec!["sessions", "new"],
        vec!["sessions", "show", "20260101-100000-abcd"],
        vec!["score", "--session", "20260101-100000-abcd"],
    ] {
        let o = bin(data.path()).args(&args).output().unwrap();
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(1), "{args:?}: {err}");
        assert!(!err.contains("panicked"), "{err}");
        assert!(
            err.contains("sessions"),
            "{args:?}: names the folder: {err}"
        );
    }
    let r = bin(data.path()).arg("report").output().unwrap();
    let err = String::from_utf8_lossy(&r.stderr);
    assert!(
        !err.contains("panicked") && matches!(r.status.code(), Some(0 | 1)),
        "{err}"
    );
    assert_eq!(
        std::fs::read_to_string(data.path().join("sessions")).unwrap(),
        "not a folder",
        "the file standing there is untouched"
    );
}

/// The wizard's writer: while the folder cannot be written, every save
/// reports a clear error at once (the UI does not wait) and is retried;
/// when the folder is back, the newest answers are saved and the old file
/// was never damaged in between.
#[test]
fn the_writer_reports_retries_and_loses_nothing() {
    let q = builtin().unwrap().questionnaire;
    let data = tempfile::tempdir().unwrap();
    let store = Store::open(Some(data.path())).unwrap();
    let mut s = store.create(&q, SessionMode::Advisor);
    s.set_answer_at(
        "exporterar",
        Some(Answer::Choice("ja_regelbundet".into())),
        T,
    );
    store.save(&mut s, &q).unwrap();
    let path = store.path_of(&s.meta.id).unwrap();
    let saved = std::fs::read_to_string(&path).unwrap();

    let writer = Writer::spawn(store.clone(), Arc::new(q.clone()));
    let sessions = data.path().join("sessions");
    let moved = data.path().join("sessions-away");
    std::fs::rename(&sessions, &moved).unwrap();
    std::fs::write(&sessions, "in the way").unwrap();

    s.set_answer_at("exporterar", Some(Answer::Choice("nej".into())), T);
    let started = Instant::now();
    writer.save(Box::new(s.clone()));
    assert!(
        started.elapsed() < Duration::from_millis(250),
        "save must not block"
    );
    let msg = writer.events.recv_timeout(Duration::from_secs(5)).unwrap();
    match msg {
        WriterEvent::Failed(e) => {
            let e = e.to_string();
            assert!(e.contains("cannot save") && e.contains("sessions"), "{e}")
        }
        other => panic!("expected Failed, got {other:?}"),
    }
    // The folder comes back; the retry (every second) saves the newest.
    std::fs::remove_file(&sessions).unwrap();
    std::fs::rename(&moved, &sessions).unwrap();
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        saved,
        "old file intact"
    );
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        match writer.events.recv_timeout(Duration::from_millis(200)) {
            Ok(WriterEvent::Saved) => break,
            Ok(WriterEvent::Failed(_)) | Err(_) if Instant::now() < deadline => {}
            other => panic!("not saved again: {other:?}"),
        }
    }
    writer.finish().unwrap();
    let (back, _) = store.load(&s.meta.id, &q).unwrap();
    assert_eq!(
        back.answers.answers.get("exporterar"),
        Some(&Answer::Choice("nej".into()))
    );
}

/// A small file system to fill: `BEHOVSANALYS_FULL_DISK_DIR` when set (a small
/// file system you made), else a 256 KiB tmpfs this test mounts itself, which
/// needs root (as in CI) and is unmounted when dropped.
struct SmallFs {
    dir: PathBuf,
    mounted: Option<tempfile::TempDir>,
}

impl SmallFs {
    fn new() -> Result<SmallFs, String> {
        if let Some(d) = std::env::var_os("BEHOVSANALYS_FULL_DISK_DIR") {
            return Ok(SmallFs {
                dir: PathBuf::from(d),
                mounted: None,
            });
        }
        let t = tempfile::tempdir().map_err(|e| e.to_string())?;
        let o = std::process::Command::new("mount")
            .args(["-t", "tmpfs", "-o", "size=256k", "tmpfs"])
            .arg(t.path())
            .output()
            .map_err(|e| format!("mount: {e}"))?;
        if !o.status.success() {
            return Err(format!(
                "mount -t tmpfs failed (needs root): {}",
                String::from_utf8_lossy(&o.stderr).trim()
            ));
        }
        Ok(SmallFs {
            dir: t.path().to_path_buf(),
            mounted: Some(t),
        })
    }
}

impl Drop for SmallFs {
    fn drop(&mut self) {
        if let Some(t) = &self.mounted {
            let _ = std::process::Command::new("umount").arg(t.path()).status();
        }
    }
}

/// A full disk: saving fails with a clear message, what was saved stays,
/// no temporary file is left, and `import` says "No space left".
#[test]
#[cfg(target_os = "linux")]
fn full_disk_gives_a_clear_message_and_keeps_what_was_saved() {
    let fs = match SmallFs::new() {
        Ok(fs) => fs,
        Err(why) => {
            // In CI (.ci/run runs as root) this test must run, not skip.
            assert!(std::env::var_os("CI").is_none(), "CI is set: {why}");
            eprintln!("SKIPPED: no small file system to fill: {why}");
            return;
        }
    };
    let dir = fs.dir.clone();
    let data = dir.join(format!("data-{}", std::process::id()));
    let q = builtin().unwrap().questionnaire;
    let store = Store::open(Some(&data)).unwrap();
    let mut s = store.create(&q, SessionMode::Advisor);
    s.set_answer_at(
        "exporterar",
        Some(Answer::Choice("ja_regelbundet".into())),
        T,
    );
    store.save(&mut s, &q).unwrap();
    let path = store.path_of(&s.meta.id).unwrap();
    let saved = std::fs::read_to_string(&path).unwrap();
    // Fill the disk.
    let filler = dir.join(format!("filler-{}", std::process::id()));
    {
        use std::io::Write;
        let mut f = std::fs::File::create(&filler).unwrap();
        let block = vec![b'x'; 4096];
        while f.write_all(&block).is_ok() {}
        let _ = f.sync_all();
    }
    s.set_answer_at("anstallda", Some(Answer::Number(12.0)), T);
    for i in 0..200 {
        s.answers.notes.insert(format!("n{i}"), "x".repeat(200));
    }
    let err = store.save(&mut s, &q).unwrap_err().to_string();
    assert!(err.contains("cannot save"), "{err}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), saved);
    let leftovers: Vec<_> = std::fs::read_dir(data.join("sessions"))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(leftovers.len(), 1, "no temporary files left: {leftovers:?}");
    let o = bin(&data)
        .args(["import", "tests/fixtures/profiles/maskin_tyskland.toml"])
        .output()
        .unwrap();
    let e = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{e}");
    assert!(
        !e.contains("panicked") && e.contains("No space left"),
        "{e}"
    );
    std::fs::remove_file(&filler).unwrap();
    std::fs::remove_dir_all(&data).unwrap();
}

/// `sessions delete` on a full disk: erasing needs no space, so it works —
/// the session, its quarantined copy and its lock file are gone (nothing is
/// written first: the lock's holder note is best effort).
#[test]
#[cfg(target_os = "linux")]
fn sessions_delete_works_on_a_full_disk() {
    let fs = match SmallFs::new() {
        Ok(fs) => fs,
        Err(why) => {
            assert!(std::env::var_os("CI").is_none(), "CI is set: {why}");
            eprintln!("SKIPPED: no small file system to fill: {why}");
            return;
        }
    };
    let dir = fs.dir.clone();
    let data = dir.join(format!("delete-{}", std::process::id()));
    let q = builtin().unwrap().questionnaire;
    let store = Store::open(Some(&data)).unwrap();
    let mut s = store.create(&q, SessionMode::Advisor);
    s.answers.company.name = Some("Raderas AB".into());
    s.set_answer_at(
        "exporterar",
        Some(Answer::Choice("ja_regelbundet".into())),
        T,
    );
    store.save(&mut s, &q).unwrap();
    let id = s.meta.id.clone();
    let path = store.path_of(&id).unwrap();
    let quarantined = data.join("quarantine").join(format!("{id}.toml"));
    std::fs::write(&quarantined, "trasig").unwrap();
    let filler = dir.join(format!("filler-delete-{}", std::process::id()));
    {
        use std::io::Write;
        let mut f = std::fs::File::create(&filler).unwrap();
        let block = vec![b'x'; 4096];
        while f.write_all(&block).is_ok() {}
        let _ = f.sync_all();
    }
    // Really full: not one more block can be written.
    let probe = dir.join("probe");
    let full = std::fs::write(&probe, vec![b'x'; 4096]).is_err();
    let _ = std::fs::remove_file(&probe);
    assert!(full, "the disk should be full");
    let o = bin(&data)
        .args(["sessions", "delete", &id, "--yes"])
        .output()
        .unwrap();
    let e = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(0), "{e}");
    assert!(!path.exists(), "the session is erased");
    assert!(!quarantined.exists(), "its quarantined copy too");
    let left: Vec<_> = std::fs::read_dir(data.join("sessions"))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert!(left.is_empty(), "nothing left: {left:?}");
    std::fs::remove_file(&filler).unwrap();
    std::fs::remove_dir_all(&data).unwrap();
}

proptest::proptest! {
    /// Any text as a session id (from a command line, a file, a list row)
    /// names a file directly in `sessions/` or is refused: never a path
    /// elsewhere, never a hidden or temporary name.
    #[test]
    fn any_session_id_stays_in_the_sessions_folder(
        id in "\\PC{0,90}|[a-zA-Z0-9_.-]{0,90}|\\.\\.(/[a-z.]{0,10}){0,4}",
    ) {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(Some(dir.path())).unwrap();
        let sessions = store.sessions_dir();
        for path in [store.path_of(&id), store.lock_path(&id)] {
            match path {
                Ok(p) => {
                    proptest::prop_assert_eq!(p.parent(), Some(sessions.as_path()));
                    let name = p.file_name().unwrap().to_str().unwrap().to_string();
                    proptest::prop_assert!(name.starts_with(id.as_str()), "{}", name);
                    proptest::prop_assert!(!name.starts_with('.'));
                    proptest::prop_assert!(!behovsanalys::session::atomic::is_temp_name(&name));
                }
                Err(e) => {
                    proptest::prop_assert!(
                        matches!(e, behovsanalys::session::StoreError::BadId(_)),
                        "{e}"
                    );
                }
            }
        }
    }
}
