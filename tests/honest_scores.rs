//! The built-in checklist scores honestly: one ticked box recommends no
//! one (a need computed from one answer is provisional), and the
//! company's support wishes never lower a need or an actor's score.

use std::collections::BTreeMap;
use std::path::Path;

use behovsanalys::answers::{self, Answer, Mode};
use behovsanalys::questionnaire::{self, Questionnaire};
use behovsanalys::scoring::{self, Evaluation};

fn builtin() -> Questionnaire {
    questionnaire::builtin().unwrap().questionnaire
}

fn option_ids(q: &Questionnaire, question: &str) -> Vec<String> {
    let i = q.question(question).unwrap();
    q.questions[i]
        .kind
        .options()
        .iter()
        .map(|o| o.id.clone())
        .collect()
}

fn score_of(q: &Questionnaire, e: &Evaluation, actor: &str) -> f64 {
    e.referrals
        .iter()
        .find(|r| q.actors[r.actor].id == actor)
        .unwrap()
        .score
}

#[test]
fn one_ticked_obstacle_recommends_no_actor() {
    let q = builtin();
    for opt in option_ids(&q, "exporthinder") {
        let answers = BTreeMap::from([(
            "exporthinder".to_string(),
            Answer::Choices(vec![opt.clone()]),
        )]);
        let e = scoring::evaluate(&q, &answers);
        let recommended: Vec<&str> = e
            .referrals
            .iter()
            .filter(|r| r.recommended)
            .map(|r| q.actors[r.actor].id.as_str())
            .collect();
        assert!(recommended.is_empty(), "{opt}: {recommended:?}");
    }
    // Customs and logistics ticked alone: the need is 100 from one box,
    // Tullverket's score is high, but it rests on too little – provisional,
    // not recommended (and not starred in the wizard).
    let answers = BTreeMap::from([(
        "exporthinder".to_string(),
        Answer::Choices(vec!["tull_logistik".into()]),
    )]);
    let e = scoring::evaluate(&q, &answers);
    let tull = e
        .referrals
        .iter()
        .find(|r| q.actors[r.actor].id == "tullverket")
        .unwrap();
    assert!(tull.score >= q.actors[tull.actor].threshold, "{tull:?}");
    assert!(tull.provisional && !tull.recommended, "{tull:?}");
    let area = q.areas.iter().position(|a| a.id == "tull").unwrap();
    assert!(
        e.areas[area].coverage.unwrap() < 50.0,
        "{:?}",
        e.areas[area]
    );
}

#[test]
fn support_wishes_never_lower_a_need_or_a_score() {
    let q = builtin();
    let wishes = option_ids(&q, "onskat_stod");
    let max = q.questions[q.question("onskat_stod").unwrap()]
        .max_choices
        .unwrap();
    let mut profiles: Vec<_> = std::fs::read_dir("tests/fixtures/profiles")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    profiles.sort();
    assert!(profiles.len() >= 15);
    for path in profiles {
        let parsed = answers::load_file(Path::new(&path), &q, Mode::Strict).unwrap();
        let mut base = parsed.answers.answers.clone();
        base.remove("onskat_stod");
        let before = scoring::evaluate(&q, &base);
        // Each wish alone, and the first `max` together.
        let mut sets: Vec<Vec<String>> = wishes.iter().map(|w| vec![w.clone()]).collect();
        sets.push(wishes.iter().take(max).cloned().collect());
        for set in sets {
            let mut with = base.clone();
            with.insert("onskat_stod".into(), Answer::Choices(set.clone()));
            let after = scoring::evaluate(&q, &with);
            for (b, a) in before.areas.iter().zip(&after.areas) {
                assert_eq!(
                    (b.need, b.coverage),
                    (a.need, a.coverage),
                    "{}: wishes {set:?} moved the need of {}",
                    path.display(),
                    q.areas[b.area].id
                );
            }
            for actor in &q.actors {
                let (b, a) = (
                    score_of(&q, &before, &actor.id),
                    score_of(&q, &after, &actor.id),
                );
                assert!(
                    a >= b,
                    "{}: wishes {set:?} lowered {} from {b} to {a}",
                    path.display(),
                    actor.id
                );
            }
        }
    }
}
