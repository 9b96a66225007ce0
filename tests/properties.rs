//! Property tests: the loaders and the expression parser never panic on any
//! input, and scores stay within 0–100 for any answers.
//! `PROPTEST_CASES=10000 cargo test --test properties` runs a longer search.

use std::collections::BTreeMap;

use behovsanalys::answers::{self, Answer, Mode};
use behovsanalys::questionnaire::{self, Kind, Questionnaire, expr};
use behovsanalys::scoring;
use proptest::prelude::*;

fn builtin() -> Questionnaire {
    questionnaire::builtin().unwrap().questionnaire
}

/// Lines of the built-in questionnaire, for mutation.
fn builtin_lines() -> Vec<String> {
    questionnaire::BUILTIN_TOML
        .lines()
        .map(String::from)
        .collect()
}

proptest! {
    #[test]
    fn loader_never_panics_on_arbitrary_text(s in "\\PC{0,400}") {
        let _ = questionnaire::load_str("x.toml", &s);
    }

    #[test]
    fn loader_never_panics_on_toml_like_text(s in "(\\[\\[?[a-z.]{1,12}\\]\\]?\n|[a-z_]{1,8} = (\"[^\"\n]{0,8}\"|[0-9]{1,3}|\\{ ?[a-z]{1,5} = [0-9]{1,2} ?\\}|\\[\"[a-z]{1,4}\"\\]|true)\n){0,40}") {
        let _ = questionnaire::load_str("x.toml", &s);
    }

    #[test]
    fn loader_never_panics_on_mutated_builtin(
        edits in prop::collection::vec((any::<prop::sample::Index>(), 0u8..4, "\\PC{0,12}"), 1..6)
    ) {
        let mut lines = builtin_lines();
        for (at, op, text) in edits {
            let i = at.index(lines.len());
            match op {
                0 => { lines.remove(i); }
                1 => lines.insert(i, text),
                2 => lines[i].push_str(&text),
                _ => { let cut = lines[i].len() / 2; if lines[i].is_char_boundary(cut) { lines[i].truncate(cut) } }
            }
        }
        let text = lines.join("\n");
        match questionnaire::load_str("mutated.toml", &text) {
            Ok(_) => {}
            Err(e) => {
                // Every error has a position inside the file and a code.
                for d in e.diagnostics() {
                    let span = d.span.clone().unwrap();
                    prop_assert!(span.start <= text.len(), "{d:?}");
                    prop_assert!(!d.code.is_empty());
                }
                let rendered = e.to_string();
                prop_assert!(rendered.contains("mutated.toml:"));
            }
        }
    }

    #[test]
    fn expression_parser_never_panics(s in "[a-z_()'\\[\\], .=!<>0-9-]{0,80}|\\PC{0,60}") {
        let _ = expr::parse_only(&s);
    }

    #[test]
    fn answers_parser_never_panics(s in "\\PC{0,300}") {
        let q = builtin();
        let _ = answers::parse("a.toml", &s, &q, Mode::Strict);
        let _ = answers::parse("a.toml", &s, &q, Mode::Lenient);
    }

    #[test]
    fn scores_and_needs_stay_within_0_100(seed in any::<u64>(), density in 0u8..=100) {
        let q = builtin();
        let a = random_answers(&q, seed, density);
        let e = scoring::evaluate(&q, &a);
        for area in &e.areas {
            if let Some(n) = area.need {
                prop_assert!((0.0..=100.0).contains(&n), "need {n}");
            }
            prop_assert!(area.answered <= area.total);
        }
        for r in &e.referrals {
            prop_assert!((0.0..=100.0).contains(&r.score), "score {}", r.score);
        }
        prop_assert!(e.referrals.windows(2).all(|w| w[0].score >= w[1].score));
        // What scoring produces round-trips through the file format.
        let mut file = answers::AnswersFile::new(&q);
        file.answers = a.clone();
        let text = file.to_toml(Some(&q));
        let back = answers::parse("rt.toml", &text, &q, Mode::Strict).unwrap();
        prop_assert_eq!(back.answers.answers, a);
    }
}

/// Deterministic random answers (splitmix64) over every question kind.
fn random_answers(q: &Questionnaire, seed: u64, density: u8) -> BTreeMap<String, Answer> {
    let mut state = seed;
    let mut next = move || {
        state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    };
    let mut out = BTreeMap::new();
    for question in &q.questions {
        if (next() % 100) as u8 >= density {
            continue;
        }
        let roll = next() % 10;
        let a = if roll == 0 && question.allow_unknown {
            Answer::Unknown
        } else if roll == 1 && question.allow_na {
            Answer::NotApplicable
        } else {
            match &question.kind {
                Kind::Single { options } => {
                    Answer::Choice(options[(next() as usize) % options.len()].id.clone())
                }
                Kind::Multi { options } => Answer::Choices(
                    options
                        .iter()
                        .filter(|_| next() % 2 == 0)
                        .map(|o| o.id.clone())
                        .collect(),
                ),
                Kind::Scale { min, max, .. } => {
                    Answer::Number((*min + (next() % ((max - min + 1) as u64)) as i64) as f64)
                }
                Kind::Number { min, max, .. } => {
                    let lo = min.unwrap_or(0.0);
                    let hi = max.unwrap_or(1000.0).min(lo + 1000.0);
                    Answer::Number((lo + (next() % 1000) as f64 / 1000.0 * (hi - lo)).floor())
                }
                Kind::Text => Answer::Text(format!("text {}", next() % 100)),
            }
        };
        out.insert(question.id.clone(), a);
    }
    out
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    let deep = format!("{}true{}", "(".repeat(10_000), ")".repeat(10_000));
    assert!(expr::parse_only(&deep).is_err());
    let nots = format!("{}true", "not ".repeat(1000));
    assert!(expr::parse_only(&nots).is_err());
    let doc = format!("a = {}{}", "[".repeat(50_000), "]".repeat(50_000));
    assert!(questionnaire::load_str("deep.toml", &doc).is_err());
}
