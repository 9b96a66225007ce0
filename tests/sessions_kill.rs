//! Processes that die: a saver killed at random points never leaves a torn
//! session, and a lock dies with its holder. The child processes are this
//! test binary itself, re-invoked with `SESSIONS_CHILD` set.

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use behovsanalys::answers::Answer;
use behovsanalys::questionnaire;
use behovsanalys::session::{SessionMode, Store, StoreError};

/// The time the tests give their answers.
const T: &str = "2026-06-01T10:00:00Z";

const VICTIM: &str = "victim";

fn spawn_child(mode: &str, dir: &Path) -> Child {
    Command::new(std::env::current_exe().unwrap())
        .args([
            "child_process",
            "--exact",
            "--nocapture",
            "--test-threads=1",
        ])
        .env("SESSIONS_CHILD", mode)
        .env("SESSIONS_DIR", dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

/// Not a test of its own: the body of the child processes.
#[test]
fn child_process() {
    let Ok(mode) = std::env::var("SESSIONS_CHILD") else {
        return;
    };
    let dir = std::env::var("SESSIONS_DIR").unwrap();
    let q = questionnaire::builtin().unwrap().questionnaire;
    let store = Store::open(Some(Path::new(&dir))).unwrap();
    match mode.as_str() {
        "save_loop" => {
            let mut s = match store.load(VICTIM, &q) {
                Ok((s, _)) => s,
                Err(_) => {
                    let mut s = store.create(&q, SessionMode::Advisor);
                    s.meta.id = VICTIM.into();
                    s
                }
            };
            let _lock = store.lock(VICTIM).unwrap();
            loop {
                let n = match s.answers.answers.get("anstallda") {
                    Some(Answer::Number(x)) => *x as u64 + 1,
                    _ => 1,
                };
                round(&mut s, n, &q);
                store.save(&mut s, &q).unwrap();
            }
        }
        "hold_lock" => {
            let _lock = store.lock("shared").unwrap();
            // Straight to the process's stdout (print! is captured by the harness).
            let mut out = std::io::stdout();
            out.write_all(b"locked\n").unwrap();
            out.flush().unwrap();
            std::thread::sleep(Duration::from_secs(60));
        }
        other => panic!("unknown child mode {other}"),
    }
}

/// Round `n` of the saver: every part of the file says `n`, and the file is
/// large (about 1 MB) so that a kill often lands in the middle of a write.
fn round(s: &mut behovsanalys::session::Session, n: u64, q: &questionnaire::Questionnaire) {
    s.set_answer_at("anstallda", Some(Answer::Number(n as f64)), T);
    s.answers.company.name = Some(format!("Round {n}"));
    let marker = format!("[{n}]");
    for question in q.questions.iter().take(50) {
        s.answers
            .notes
            .insert(question.id.clone(), marker.repeat(18_000 / marker.len()));
    }
}

/// Checks that the victim is whole and says one round throughout.
fn check_victim(store: &Store, q: &questionnaire::Questionnaire) -> u64 {
    let (s, warnings) = store.load(VICTIM, q).expect("the session parses");
    assert!(warnings.is_empty(), "{warnings:?}");
    let Some(Answer::Number(n)) = s.answers.answers.get("anstallda") else {
        panic!("no round number");
    };
    let n = *n as u64;
    assert_eq!(s.answers.company.name, Some(format!("Round {n}")));
    let marker = format!("[{n}]");
    assert_eq!(s.answers.notes.len(), 50);
    for note in s.answers.notes.values() {
        assert_eq!(note, &marker.repeat(18_000 / marker.len()));
    }
    n
}

/// A small xorshift for kill times (no rand crate).
fn next(seed: &mut u64) -> u64 {
    *seed ^= *seed << 13;
    *seed ^= *seed >> 7;
    *seed ^= *seed << 17;
    *seed
}

#[test]
fn a_saver_killed_at_random_points_never_tears_a_session() {
    let dir = tempfile::tempdir().unwrap();
    let q = questionnaire::builtin().unwrap().questionnaire;
    let store = Store::open(Some(dir.path())).unwrap();
    // A bystander session that must stay byte for byte the same.
    let mut other = store.create(&q, SessionMode::Advisor);
    other.meta.id = "bystander".into();
    other.set_answer_at("exporterar", Some(Answer::Choice("nej".into())), T);
    store.save(&mut other, &q).unwrap();
    let bystander = std::fs::read(store.path_of("bystander").unwrap()).unwrap();

    let mut seed = u64::from(std::process::id()) | 1;
    let mut last = 0;
    let started = Instant::now();
    let mut kills = 0;
    while kills < 12 || (last < 3 && started.elapsed() < Duration::from_secs(60)) {
        let mut child = spawn_child("save_loop", dir.path());
        let wait = 40 + next(&mut seed) % 260;
        std::thread::sleep(Duration::from_millis(wait));
        child.kill().unwrap();
        child.wait().unwrap();
        kills += 1;
        if store.exists(VICTIM).unwrap() {
            let n = check_victim(&store, &q);
            assert!(n >= last, "went back from round {last} to {n}");
            last = n;
        }
        // The lock died with the process.
        drop(
            store
                .lock(VICTIM)
                .expect("lock released by the dead process"),
        );
    }
    assert!(last >= 3, "the saver made progress ({last} rounds)");
    // Temp files of killed saves may be left: never sessions, never listed.
    let temps = std::fs::read_dir(store.sessions_dir())
        .unwrap()
        .filter(|e| {
            let n = e.as_ref().unwrap().file_name();
            n.to_string_lossy().ends_with(".tmp")
        })
        .count();
    eprintln!("{kills} kills, {last} rounds saved, {temps} temp files left by killed saves");
    assert_eq!(store.ids().unwrap(), ["bystander", VICTIM]);
    let listing = store.list(&q).unwrap();
    assert_eq!(listing.sessions.len(), 2, "{listing:#?}");
    assert!(listing.quarantined.is_empty(), "{listing:#?}");
    assert!(listing.problems.is_empty(), "{listing:#?}");
    assert_eq!(
        std::fs::read(store.path_of("bystander").unwrap()).unwrap(),
        bystander
    );
}

#[test]
fn a_second_process_gets_the_lock_message_naming_the_holder() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(Some(dir.path())).unwrap();
    let mut child = spawn_child("hold_lock", dir.path());
    let pid = child.id();
    let mut out = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    while !line.trim_end().ends_with("locked") {
        line.clear();
        assert!(out.read_line(&mut line).unwrap() > 0, "child ended early");
    }
    match store.lock("shared") {
        Err(StoreError::Locked { id, holder }) => {
            assert_eq!(id, "shared");
            let h = holder.expect("holder info");
            assert_eq!(h.pid, pid);
        }
        other => panic!("expected Locked, got {other:?}"),
    }
    // The command line says the same, and deletes nothing.
    let mut s = store.create(
        &questionnaire::builtin().unwrap().questionnaire,
        SessionMode::Advisor,
    );
    s.meta.id = "shared".into();
    store
        .save(&mut s, &questionnaire::builtin().unwrap().questionnaire)
        .unwrap();
    let out2 = assert_cmd::Command::cargo_bin("behovsanalys")
        .unwrap()
        .args(["sessions", "delete", "shared", "--yes", "--data-dir"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out2.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out2.stderr);
    assert!(
        err.contains("session `shared` is open in another behovsanalys")
            && err.contains(&format!("process {pid}")),
        "{err}"
    );
    assert!(store.exists("shared").unwrap());
    child.kill().unwrap();
    child.wait().unwrap();
    drop(store.lock("shared").expect("released when the holder died"));
}
