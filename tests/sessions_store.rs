//! The session store through its public API: round trips, hand-copied
//! files, quarantine, questionnaire drift, import, follow-up visits, locks.

use std::fs;
use std::path::Path;

use behovsanalys::answers::{Answer, Mode};
use behovsanalys::questionnaire::{self, Questionnaire};
use behovsanalys::scoring;
use behovsanalys::session::{SessionMode, Store, StoreError, compare};

/// The time the tests give their answers.
const T: &str = "2026-06-01T10:00:00Z";

fn q_file(name: &str) -> Questionnaire {
    questionnaire::load_file(Path::new(&format!("tests/fixtures/sessions/{name}")))
        .unwrap()
        .questionnaire
}

fn builtin() -> Questionnaire {
    questionnaire::builtin().unwrap().questionnaire
}

fn store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(Some(dir.path())).unwrap();
    (dir, store)
}

#[test]
fn save_and_load_round_trip_with_meta_and_notes() {
    let q = builtin();
    let (_d, store) = store();
    let mut s = store.create(&q, SessionMode::Advisor);
    s.answers.company.name = Some("Exempel AB".into());
    s.set_answer_at(
        "exporterar",
        Some(Answer::Choice("ja_regelbundet".into())),
        T,
    );
    s.set_answer_at("anstallda", Some(Answer::Number(24.0)), T);
    s.answers
        .private_notes
        .insert("exporterar".into(), "bara för mig".into());
    s.meta.current = Some("anstallda".into());
    store.save(&mut s, &q).unwrap();
    let loaded = store.load_full(&s.meta.id, &q).unwrap();
    assert_eq!(loaded.session, s);
    assert!(loaded.drift.is_empty(), "{:?}", loaded.drift);
    assert_eq!(loaded.session.meta.history.len(), 2);
    assert_eq!(store.ids().unwrap(), vec![s.meta.id.clone()]);
}

#[cfg(unix)]
#[test]
fn files_and_folders_are_owner_only() {
    use std::os::unix::fs::PermissionsExt;
    let q = builtin();
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("data");
    let store = Store::open(Some(&root)).unwrap();
    let mut s = store.create(&q, SessionMode::Advisor);
    store.save(&mut s, &q).unwrap();
    let _lock = store.lock(&s.meta.id).unwrap();
    let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&root), 0o700);
    assert_eq!(mode(&store.sessions_dir()), 0o700);
    assert_eq!(mode(&store.quarantine_dir()), 0o700);
    assert_eq!(mode(&store.path_of(&s.meta.id).unwrap()), 0o600);
    assert_eq!(mode(&store.lock_path(&s.meta.id).unwrap()), 0o600);
}

#[test]
fn a_hand_copied_answers_file_is_a_session() {
    let q = builtin();
    let (_d, store) = store();
    fs::copy(
        "tests/fixtures/profiles/maskin_tyskland.toml",
        store.sessions_dir().join("hallbergs.toml"),
    )
    .unwrap();
    let l = store.list(&q).unwrap();
    assert_eq!(l.sessions.len(), 1);
    let s = &l.sessions[0];
    assert_eq!(s.id, "hallbergs");
    assert_eq!(s.company.as_deref(), Some("Hallbergs Maskinteknik AB"));
    assert_eq!(s.questionnaire_version, "2026.2");
    assert!(
        s.updated.starts_with("20"),
        "time from mtime: {}",
        s.updated
    );
    let (session, _) = store.load("hallbergs", &q).unwrap();
    assert_eq!(session.meta.id, "hallbergs");
    assert!(!session.meta.created.is_empty());
    assert!(session.answers.answers.len() > 50);
}

/// Every kind of broken file ends up in quarantine, with its reason, and
/// the good session next to it keeps working.
#[test]
fn broken_files_are_quarantined_and_the_rest_keep_working() {
    let q = builtin();
    let (_d, store) = store();
    let mut good = store.create(&q, SessionMode::Advisor);
    good.set_answer_at("exporterar", Some(Answer::Choice("nej".into())), T);
    store.save(&mut good, &q).unwrap();
    let full = fs::read_to_string(store.path_of(&good.meta.id).unwrap()).unwrap();
    let sd = store.sessions_dir();
    fs::write(
        sd.join("corrupt.toml"),
        "questionnaire = \"exportbehov\"\n[answers\n",
    )
    .unwrap();
    fs::write(sd.join("truncated.toml"), &full[..full.len() / 2]).unwrap();
    fs::write(sd.join("empty.toml"), "").unwrap();
    fs::write(sd.join("binary.toml"), [0u8, 159, 146, 150, 255, 0, 1, 2]).unwrap();
    fs::write(
        sd.join("wrongversion.toml"),
        "questionnaire = \"exportbehov\"\nversion = 2026\n[answers]\n",
    )
    .unwrap();
    let l = store.list(&q).unwrap();
    assert_eq!(l.sessions.len(), 1, "{l:#?}");
    assert_eq!(l.sessions[0].id, good.meta.id);
    let names: Vec<&str> = l.quarantined.iter().map(|f| f.file.as_str()).collect();
    assert_eq!(
        names,
        [
            "binary.toml",
            "corrupt.toml",
            "empty.toml",
            "truncated.toml",
            "wrongversion.toml"
        ]
    );
    assert!(l.quarantined.iter().all(|f| f.new));
    let corrupt = &l.quarantined[1];
    assert!(
        corrupt.reason.contains("corrupt.toml:2:"),
        "reason with file:line:col: {}",
        corrupt.reason
    );
    // Kept byte for byte, never deleted.
    assert_eq!(
        fs::read(store.quarantine_dir().join("binary.toml")).unwrap(),
        [0u8, 159, 146, 150, 255, 0, 1, 2]
    );
    // Listing again: same quarantine, nothing new moved.
    let again = store.list(&q).unwrap();
    assert_eq!(again.quarantined.len(), 5);
    assert!(again.quarantined.iter().all(|f| !f.new));
    assert_eq!(store.ids().unwrap(), vec![good.meta.id.clone()]);
    store.load(&good.meta.id, &q).unwrap();
}

#[test]
fn quarantine_never_overwrites_and_load_reports_it() {
    let q = builtin();
    let (_d, store) = store();
    let sd = store.sessions_dir();
    for round in 0..3 {
        fs::write(sd.join("x.toml"), format!("garbage {round} [")).unwrap();
        match store.load("x", &q) {
            Err(StoreError::Quarantined { id, to, .. }) => {
                assert_eq!(id, "x");
                let want = if round == 0 {
                    "x.toml".to_string()
                } else {
                    format!("x.{round}.toml")
                };
                assert!(to.ends_with(&want), "{to}");
            }
            other => panic!("expected quarantine, got {other:?}"),
        }
    }
    let qd = store.quarantine_dir();
    for (name, round) in [("x.toml", 0), ("x.1.toml", 1), ("x.2.toml", 2)] {
        assert_eq!(
            fs::read_to_string(qd.join(name)).unwrap(),
            format!("garbage {round} [")
        );
        assert!(qd.join(format!("{name}.why")).exists());
    }
    assert!(matches!(store.load("x", &q), Err(StoreError::NotFound(_))));
}

#[test]
fn a_session_of_another_questionnaire_is_reported_not_moved() {
    let q = builtin();
    let (_d, store) = store();
    let path = store.sessions_dir().join("other.toml");
    fs::write(&path, "questionnaire = \"annan\"\n[answers]\nx = 1\n").unwrap();
    let l = store.list(&q).unwrap();
    assert!(l.sessions.is_empty());
    assert!(l.quarantined.is_empty());
    assert_eq!(l.problems.len(), 1);
    assert!(l.problems[0].message.contains("annan"), "{:?}", l.problems);
    assert!(path.exists());
    assert!(matches!(store.load("other", &q), Err(StoreError::File(_))));
}

#[test]
fn bad_ids_are_refused_everywhere() {
    let q = builtin();
    let (_d, store) = store();
    for bad in ["../x", "a/b", ".hidden", "", "a b", "x.toml"] {
        assert!(
            matches!(store.load(bad, &q), Err(StoreError::BadId(_))),
            "{bad}"
        );
        assert!(matches!(store.lock(bad), Err(StoreError::BadId(_))));
        assert!(matches!(store.delete(bad), Err(StoreError::BadId(_))));
        assert!(matches!(
            store.follow_up(bad, &q),
            Err(StoreError::BadId(_))
        ));
    }
}

/// Version 2 of the drift questionnaire renames `ata_karnet` (alias kept)
/// and removes the option `remburs`.
#[test]
fn drift_keeps_every_answer_reports_changes_and_resaves_under_new_ids() {
    let v1 = q_file("q_v1.toml");
    let v2 = q_file("q_v2.toml");
    let (_d, store) = store();
    let mut s = store.create(&v1, SessionMode::Advisor);
    s.set_answer_at("betalning", Some(Answer::Choice("remburs".into())), T);
    s.set_answer_at("ata_karnet", Some(Answer::Choice("ja".into())), T);
    s.set_answer_at("ovrigt", Some(Answer::Text("text".into())), T);
    s.answers
        .notes
        .insert("ata_karnet".into(), "anteckning".into());
    store.save(&mut s, &v1).unwrap();
    let id = s.meta.id.clone();
    let v1_score = scoring::evaluate(&v1, &s.answers.answers);
    assert_eq!(v1_score.need(0), Some(100.0));

    let loaded = store.load_full(&id, &v2).unwrap();
    let d = &loaded.drift;
    assert_eq!(d.version_before.as_deref(), Some("1"));
    assert!(d.hash_changed);
    assert_eq!(
        d.renamed,
        vec![("ata_karnet".to_string(), "ata_carnet".to_string())]
    );
    assert_eq!(d.orphans.len(), 1);
    assert_eq!(d.orphans[0].question, "betalning");
    assert_eq!(d.orphans[0].value.as_str(), Some("remburs"));
    let lines = d.lines(&v2).join("\n");
    assert!(lines.contains("version 1"), "{lines}");
    assert!(lines.contains("`ata_karnet`") && lines.contains("`ata_carnet`"));
    assert!(lines.contains("remburs"));
    // The orphan is not scored.
    let a = &loaded.session.answers;
    assert_eq!(
        a.answers.get("ata_carnet"),
        Some(&Answer::Choice("ja".into()))
    );
    assert!(!a.answers.contains_key("betalning"));
    assert_eq!(scoring::evaluate(&v2, &a.answers).need(0), None);
    assert_eq!(
        a.notes.get("ata_carnet").map(String::as_str),
        Some("anteckning")
    );

    // Opening for editing re-saves under the new id, keeping the orphan.
    let (edit, _lock) = store.load_for_edit(&id, &v2).unwrap();
    assert_eq!(edit.drift.renamed.len(), 1);
    let text = fs::read_to_string(store.path_of(&id).unwrap()).unwrap();
    assert!(text.contains("ata_carnet = \"ja\""), "{text}");
    assert!(!text.contains("ata_karnet"), "{text}");
    assert!(text.contains("betalning = \"remburs\""), "{text}");
    assert!(text.contains("questionnaire_version = \"2\""), "{text}");
    // Next time only the orphan is left to report, and it survives saves.
    let mut again = store.load_full(&id, &v2).unwrap();
    assert!(again.drift.renamed.is_empty());
    assert!(again.drift.version_before.is_none() && !again.drift.hash_changed);
    assert_eq!(again.drift.orphans.len(), 1);
    store.save(&mut again.session, &v2).unwrap();
    let text = fs::read_to_string(store.path_of(&id).unwrap()).unwrap();
    assert!(text.contains("betalning = \"remburs\""), "{text}");
    // Back with version 1 the old answer is whole again.
    let back = store.load_full(&id, &v1).unwrap();
    assert_eq!(
        back.session.answers.answers.get("betalning"),
        Some(&Answer::Choice("remburs".into()))
    );
}

#[test]
fn a_question_that_changed_kind_keeps_its_answer_as_orphan() {
    let v1 = q_file("q_v1.toml");
    let v2_text = fs::read_to_string("tests/fixtures/sessions/q_v2.toml")
        .unwrap()
        .replace(
            "id = \"ovrigt\"\nkind = \"text\"",
            "id = \"ovrigt\"\nkind = \"scale\"\nmin = 1\nmax = 5",
        );
    let v2 = questionnaire::load_str("v2.toml", &v2_text)
        .unwrap()
        .questionnaire;
    let (_d, store) = store();
    let mut s = store.create(&v1, SessionMode::Advisor);
    s.set_answer_at("ovrigt", Some(Answer::Text("fritext".into())), T);
    store.save(&mut s, &v1).unwrap();
    let loaded = store.load_full(&s.meta.id, &v2).unwrap();
    assert_eq!(loaded.drift.orphans.len(), 1);
    assert_eq!(loaded.drift.orphans[0].value.as_str(), Some("fritext"));
    let l = store.list(&v2).unwrap();
    assert_eq!(l.sessions.len(), 1);
    assert!(l.sessions[0].drift);
}

#[test]
fn import_marks_the_companys_answers_and_never_overwrites() {
    let q = builtin();
    let (dir, store) = store();
    // A self-assessment as the wizard writes it: with a meta id.
    let mut own = store.create(&q, SessionMode::SelfAssessment);
    own.answers.company.name = Some("Självskattning AB".into());
    own.set_answer_at("exporterar", Some(Answer::Choice("nej".into())), T);
    own.set_answer_at("anstallda", Some(Answer::Number(8.0)), T);
    let file = dir.path().join("fran_foretaget.toml");
    fs::write(&file, own.to_toml(&q)).unwrap();

    let imported = store.import(&file, &q, false).unwrap();
    let s = &imported.session;
    assert_eq!(s.meta.id, own.meta.id);
    assert_eq!(s.meta.mode, SessionMode::Advisor);
    assert_eq!(s.meta.origin.as_deref(), Some("self-assessment"));
    assert_eq!(s.meta.imported_from.as_deref(), Some("fran_foretaget.toml"));
    assert_eq!(s.meta.self_answers, ["anstallda", "exporterar"]);
    let (back, _) = store.load(&s.meta.id, &q).unwrap();
    assert_eq!(back.meta.self_answers, s.meta.self_answers);
    assert_eq!(
        back.answers.company.name.as_deref(),
        Some("Självskattning AB")
    );

    // Same id again: refused, the stored session untouched.
    let before = fs::read(store.path_of(&s.meta.id).unwrap()).unwrap();
    match store.import(&file, &q, false) {
        Err(StoreError::AlreadyImported { session }) => assert_eq!(session, s.meta.id),
        other => panic!("expected AlreadyImported, got {other:?}"),
    }
    assert_eq!(
        fs::read(store.path_of(&s.meta.id).unwrap()).unwrap(),
        before
    );
    let second = store.import(&file, &q, true).unwrap();
    assert_ne!(second.session.meta.id, s.meta.id);
    assert_eq!(store.ids().unwrap().len(), 2);
}

#[test]
fn import_checks_strictly_with_positions() {
    let q = builtin();
    let (dir, store) = store();
    let file = dir.path().join("bad.toml");
    fs::write(
        &file,
        "questionnaire = \"exportbehov\"\n[answers]\nexporterar = \"kanske\"\n",
    )
    .unwrap();
    let err = store.import(&file, &q, false).unwrap_err().to_string();
    assert!(err.contains("bad.toml:3:14"), "{err}");
    assert!(store.ids().unwrap().is_empty());
}

#[test]
fn follow_up_copies_the_company_and_compares_with_the_last_visit() {
    let q = builtin();
    let (_d, store) = store();
    let mut first = store.create(&q, SessionMode::Advisor);
    first.answers.company.name = Some("Exempel AB".into());
    first.answers.company.org_number = Some("556036-0793".into());
    first.meta.attendees.push(behovsanalys::session::Attendee {
        name: "Anna".into(),
        organisation: "Almi".into(),
    });
    first.set_answer_at("lanebehov", Some(Answer::Choice("ja_storre".into())), T);
    store.save(&mut first, &q).unwrap();

    let mut next = store.create_follow_up(&first.meta.id, &q).unwrap();
    assert_eq!(next.meta.previous.as_deref(), Some(first.meta.id.as_str()));
    assert_eq!(next.answers.company, first.answers.company);
    assert!(next.meta.attendees.is_empty());
    assert!(next.answers.answers.is_empty());
    next.set_answer_at("lanebehov", Some(Answer::Choice("nej".into())), T);
    store.save(&mut next, &q).unwrap();

    let (reloaded, _) = store.load(&next.meta.id, &q).unwrap();
    let (prev, cmp) = store
        .compare_with_previous(&reloaded, &q)
        .expect("has a previous visit")
        .unwrap();
    assert_eq!(prev.session.meta.id, first.meta.id);
    assert_eq!(cmp, compare(&q, &first.answers, &next.answers));
    assert_eq!(cmp.answers.len(), 1);
    let fin = q.area("finansiering").unwrap();
    let area = &cmp.areas[fin];
    assert!(area.before.unwrap() > area.after.unwrap(), "{area:?}");
    assert_eq!(area.direction, behovsanalys::session::Direction::Down);
}

#[test]
fn lock_names_the_holder_and_delete_refuses_while_locked() {
    let q = builtin();
    let (_d, store) = store();
    let mut s = store.create(&q, SessionMode::Advisor);
    store.save(&mut s, &q).unwrap();
    let id = s.meta.id.clone();
    let (_loaded, lock) = store.load_for_edit(&id, &q).unwrap();
    let err = store.lock(&id).unwrap_err();
    let msg = err.to_string();
    assert!(
        msg.contains(&format!("process {}", std::process::id())),
        "{msg}"
    );
    assert!(msg.contains("close it there first"), "{msg}");
    assert!(matches!(store.delete(&id), Err(StoreError::Locked { .. })));
    assert!(store.path_of(&id).unwrap().exists());
    drop(lock);
    let deleted = store.delete(&id).unwrap();
    assert_eq!(
        deleted.files.len(),
        2,
        "session and lock: {:?}",
        deleted.files
    );
    assert!(fs::read_dir(store.sessions_dir()).unwrap().next().is_none());
    assert!(matches!(store.delete(&id), Err(StoreError::NotFound(_))));
}

#[test]
fn delete_erases_quarantined_copies_too() {
    let q = builtin();
    let (_d, store) = store();
    fs::write(store.sessions_dir().join("abc.toml"), "broken [").unwrap();
    let _ = store.list(&q).unwrap();
    fs::copy(
        "tests/fixtures/profiles/vet_ej.toml",
        store.sessions_dir().join("abc.toml"),
    )
    .unwrap();
    // Another session's quarantined file is not touched.
    fs::write(store.sessions_dir().join("abcd.toml"), "broken [").unwrap();
    let _ = store.list(&q).unwrap();
    let files = store.files_of("abc").unwrap();
    assert_eq!(files.len(), 3, "{files:?}");
    store.delete("abc").unwrap();
    let left: Vec<String> = fs::read_dir(store.quarantine_dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(left.len(), 2, "{left:?}");
    assert!(left.iter().all(|n| n.starts_with("abcd.")));
}

/// Opening a session that was deleted in the meantime (another window, a
/// colleague) reports it and leaves no `.lock` behind; a lock released
/// cleanly removes its file.
#[test]
fn locks_leave_no_files_behind() {
    let (_dir, store) = store();
    let q = builtin();
    let mut s = store.create(&q, SessionMode::Advisor);
    store.save(&mut s, &q).unwrap();
    let id = s.meta.id.clone();
    let lock_path = store.lock_path(&id).unwrap();
    // A clean quit: the lock is dropped and its file is gone.
    let (_loaded, lock) = store.load_for_edit(&id, &q).unwrap();
    assert!(lock_path.exists());
    drop(lock);
    assert!(
        !lock_path.exists(),
        "the .lock stayed after a clean release"
    );
    // A row deleted meanwhile: no .lock is recreated.
    std::fs::remove_file(store.path_of(&id).unwrap()).unwrap();
    match store.load_for_edit(&id, &q) {
        Err(StoreError::NotFound(x)) => assert_eq!(x, id),
        other => panic!("expected NotFound, got {other:?}"),
    }
    assert!(
        !lock_path.exists(),
        "opening a deleted row recreated its .lock"
    );
    let names: Vec<_> = std::fs::read_dir(store.sessions_dir())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert!(names.is_empty(), "{names:?}");
}

/// Consent is recorded by the session: `[consent]` and a log entry with
/// who gave it and who recorded it, at the time the caller gives; old
/// entries (`by`) keep reading. The history takes the caller's time too.
#[test]
fn consent_and_answers_are_recorded_at_the_callers_time() {
    let (_dir, store) = store();
    let store = store.with_clock(|| "2026-03-01T08:00:00Z".to_string());
    let q = builtin();
    let mut s = store.create(&q, SessionMode::Advisor);
    assert_eq!(s.meta.created, "2026-03-01T08:00:00Z");
    s.set_answer_at(
        "exporterar",
        Some(Answer::Choice("ja_ibland".into())),
        "2026-03-01T09:15:00+01:00",
    );
    assert_eq!(
        s.meta.history.last().unwrap().at,
        "2026-03-01T09:15:00+01:00"
    );
    // An entry as earlier versions wrote it.
    s.answers.meta.insert(
        "consent_log".into(),
        toml::Value::Array(vec![
            toml::toml! {
                actor = "almi"
                given = true
                at = "2026-02-01T10:00:00Z"
                by = "Anna Rådgivare"
            }
            .into(),
        ]),
    );
    s.record_consent(
        "ekn",
        true,
        "2026-03-01T09:20:00+01:00",
        Some("Eva Hallberg"),
        Some("Anna Rådgivare\u{1b}[2J"),
    );
    s.record_consent("almi", false, "2026-03-01T09:21:00+01:00", None, Some("  "));
    assert_eq!(s.answers.consent.get("ekn"), Some(&true));
    assert_eq!(s.answers.consent.get("almi"), None);
    store.save(&mut s, &q).unwrap();
    let (back, _) = store.load(&s.meta.id, &q).unwrap();
    assert_eq!(back.meta.updated, "2026-03-01T08:00:00Z");
    let log = back.consent_log();
    assert_eq!(log.len(), 3);
    assert_eq!(log[0].actor, "almi");
    assert_eq!(log[0].recorded_by.as_deref(), Some("Anna Rådgivare"));
    assert_eq!(log[1].actor, "ekn");
    assert!(log[1].given);
    assert_eq!(log[1].at, "2026-03-01T09:20:00+01:00");
    assert_eq!(log[1].given_by.as_deref(), Some("Eva Hallberg"));
    assert_eq!(
        log[1].recorded_by.as_deref(),
        Some("Anna Rådgivare\u{FFFD}[2J")
    );
    assert!(!log[2].given);
    assert_eq!(log[2].recorded_by, None);
    let text = std::fs::read_to_string(store.path_of(&s.meta.id).unwrap()).unwrap();
    assert!(text.contains("given_by = \"Eva Hallberg\""), "{text}");
    assert!(text.contains("recorded_by = "), "{text}");
}

/// The store's errors in either language (the command line and the wizard
/// pick one); `Display` stays English.
#[test]
fn store_errors_render_in_either_language() {
    use behovsanalys::i18n::Lang;
    use behovsanalys::session::Holder;
    let e = StoreError::NotFound("x1".into());
    assert_eq!(e.to_string(), e.render(Lang::En));
    assert!(
        e.render(Lang::Sv)
            .starts_with("det finns ingen session `x1`")
    );
    let locked = StoreError::Locked {
        id: "x1".into(),
        holder: Some(Holder {
            user: "anna".into(),
            host: "laptop".into(),
            pid: 42,
            since: "2026-01-15T09:00:00Z".into(),
        }),
    };
    assert_eq!(
        locked.render(Lang::Sv),
        "sessionen `x1` är öppen i en annan behovsanalys (anna@laptop, process 42, sedan 2026-01-15 10:00); stäng den där först"
    );
    // In English too, in Swedish time and saying so; never raw UTC.
    assert!(
        locked
            .render(Lang::En)
            .contains("process 42, since 2026-01-15 10:00 Swedish time)"),
        "{}",
        locked.render(Lang::En)
    );
    let io = StoreError::Io {
        action: "cannot save",
        path: "/d/\u{1b}[2Jx.toml".into(),
        err: std::io::Error::other("full"),
    };
    assert_eq!(
        io.render(Lang::Sv),
        "kan inte spara /d/\u{FFFD}[2Jx.toml: full"
    );
}

/// The complete example of docs/ANSWERS.md is a valid answers file: read
/// strictly without a warning, its consent log and contact as documented.
#[test]
fn the_documented_example_reads_as_documented() {
    let doc = std::fs::read_to_string("docs/ANSWERS.md").unwrap();
    let start = doc.find("```toml\n").unwrap() + "```toml\n".len();
    let end = start + doc[start..].find("```").unwrap();
    let q = builtin();
    let parsed =
        behovsanalys::answers::parse("ANSWERS.md", &doc[start..end], &q, Mode::Strict).unwrap();
    assert!(parsed.warnings.is_empty(), "{:?}", parsed.warnings);
    let a = &parsed.answers;
    assert_eq!(
        a.company.contact.as_ref().unwrap().role.as_deref(),
        Some("vd")
    );
    assert_eq!(a.consent.get("een"), Some(&true));
    assert_eq!(a.answers.get("valutasakring"), Some(&Answer::Unknown));
    let log = behovsanalys::session::consent_log(&a.meta);
    assert_eq!(log.len(), 1);
    assert_eq!(log[0].given_by.as_deref(), Some("Eva Hallberg"));
    assert_eq!(log[0].recorded_by.as_deref(), Some("Anna Rådgivare"));
}
