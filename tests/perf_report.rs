//! The report's fast paths give the same results as the full ones:
//! `answers::parse_lean` against `answers::parse(…, Lenient)` and
//! `scoring::evaluate_lean` against `scoring::evaluate`, on generated
//! sessions mutated at random (unknown keys, aliases, wrong types, broken
//! syntax, other questionnaires, …).

use behovsanalys::answers::{self, LeanError, META_KEYS_LEAN, Mode};
use behovsanalys::diag::FileError;
use behovsanalys::questionnaire::{Questionnaire, builtin};
use behovsanalys::scoring;
use proptest::prelude::*;

#[path = "../benches/support/mod.rs"]
mod support;

fn q() -> Questionnaire {
    builtin().unwrap().questionnaire
}

/// Generated session texts (as the report's tests and benchmarks use).
fn sessions(n: usize, seed: u64) -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    support::sessions(&q(), dir.path(), n, seed);
    let mut v: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
        .collect();
    v.sort();
    v
}

fn same_verdict_and_content(q: &Questionnaire, text: &str) -> Result<(), TestCaseError> {
    let full = answers::parse("s.toml", text, q, Mode::Lenient);
    let lean = answers::parse_lean(text, q);
    match (&full, &lean) {
        (Ok(p), Ok(l)) => {
            let f = &p.answers;
            prop_assert_eq!(&f.answers, &l.answers);
            prop_assert_eq!(&f.company, &l.company);
            prop_assert_eq!(&f.consent, &l.consent);
            prop_assert_eq!(&f.questionnaire, &l.questionnaire);
            for k in META_KEYS_LEAN {
                prop_assert_eq!(
                    f.meta.get(*k).and_then(|v| v.as_str()),
                    l.meta.get(*k).and_then(|v| v.as_str()),
                    "meta.{}",
                    k
                );
            }
            let (a, b) = (
                scoring::evaluate(q, &f.answers),
                scoring::evaluate_lean(q, &l.answers),
            );
            prop_assert_eq!(&a.visible, &b.visible);
            prop_assert_eq!(
                a.areas.iter().map(|x| x.need).collect::<Vec<_>>(),
                b.areas.iter().map(|x| x.need).collect::<Vec<_>>()
            );
            let key = |e: &scoring::Evaluation| {
                e.referrals
                    .iter()
                    .map(|r| (r.actor, r.score, r.recommended, r.fired.clone()))
                    .collect::<Vec<_>>()
            };
            prop_assert_eq!(key(&a), key(&b));
        }
        (Err(FileError::Invalid { diagnostics, .. }), Err(e)) => {
            let other = diagnostics.iter().any(|d| d.code == "wrong-questionnaire");
            prop_assert_eq!(other, *e == LeanError::OtherQuestionnaire);
        }
        _ => {
            return Err(TestCaseError::fail(format!(
                "verdicts differ: full {:?} / lean {:?}\n{text}",
                full.as_ref().map(|_| ()).map_err(|e| e.to_string()),
                lean.as_ref().map(|_| ())
            )));
        }
    }
    Ok(())
}

#[test]
fn generated_sessions_read_the_same() {
    let q = q();
    for text in sessions(60, 5) {
        same_verdict_and_content(&q, &text).unwrap();
    }
}

#[test]
fn fixtures_read_the_same() {
    let q = q();
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/profiles");
    let mut n = 0;
    for e in std::fs::read_dir(dir).unwrap() {
        let text = std::fs::read_to_string(e.unwrap().path()).unwrap();
        same_verdict_and_content(&q, &text).unwrap();
        n += 1;
    }
    assert!(n > 3);
}

/// Lines that break a session in the ways real files break.
const MUTATIONS: &[&str] = &[
    "questionnaire = \"annan\"",
    "questionnaire = 3",
    "[answers]",
    "exporterar = \"finns_inte\"",
    "exporterar = [\"ja_regelbundet\"]",
    "exporterar = { unknown = true }",
    "exporterar = { not_applicable = true }",
    "okand_fraga = \"x\"",
    "anstallda = -4",
    "anstallda = nan",
    "anstallda = 1e400",
    "employees = -1",
    "org_number = \"556000-0000\"",
    "sni = \"abc\"",
    "municipality = 4",
    "almi = \"ja\"",
    "nosuchactor = true",
    "[notes]",
    "exporterar = 5",
    "[meta]",
    "updated = 2026-01-01",
    "previous = \"g000001\"",
    "mode = \"self\"",
    "x = {",
    "\"quoted key\" = 1",
    "[private_notes]",
    "[company]",
    "[consent]",
    "[[meta.history]]",
    "[unknown_table]",
];

proptest! {
    #[test]
    fn mutated_sessions_read_the_same(
        pick in 0usize..40,
        edits in prop::collection::vec((any::<prop::sample::Index>(), 0usize..MUTATIONS.len(), 0u8..3), 1..6),
    ) {
        thread_local! {
            static CORPUS: (Questionnaire, Vec<String>) = (q(), sessions(40, 9));
        }
        CORPUS.with(|(q, corpus)| {
            let mut lines: Vec<String> = corpus[pick % corpus.len()].lines().map(String::from).collect();
            for (at, m, op) in &edits {
                let i = at.index(lines.len());
                match op {
                    0 => lines.insert(i, MUTATIONS[*m].to_string()),
                    1 => { lines.remove(i); }
                    _ => lines[i] = MUTATIONS[*m].to_string(),
                }
            }
            same_verdict_and_content(q, &lines.join("\n"))
        })?;
    }
}
