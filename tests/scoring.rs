//! Scoring as docs/QUESTIONNAIRE.md ("Scoring") defines it, on a small questionnaire whose
//! numbers can be checked by hand.

use std::collections::BTreeMap;

use behovsanalys::answers::Answer;
use behovsanalys::questionnaire::{self, Questionnaire};
use behovsanalys::scoring::{Evaluation, Reason, evaluate};

fn q() -> Questionnaire {
    let text = std::fs::read_to_string("tests/fixtures/valid/scoring.toml").unwrap();
    questionnaire::load_str("scoring.toml", &text)
        .unwrap()
        .questionnaire
}

fn answers(pairs: &[(&str, Answer)]) -> BTreeMap<String, Answer> {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.clone()))
        .collect()
}

fn choice(s: &str) -> Answer {
    Answer::Choice(s.into())
}

fn need(q: &Questionnaire, e: &Evaluation, area: &str) -> Option<f64> {
    e.need(q.area(area).unwrap())
}

fn score(q: &Questionnaire, e: &Evaluation, actor: &str) -> (f64, bool) {
    let r = e.referral(q.actor(actor).unwrap()).unwrap();
    (r.score, r.recommended)
}

#[test]
fn no_answers_means_no_known_need_and_zero_scores() {
    let q = q();
    let e = evaluate(&q, &BTreeMap::new());
    assert!(e.areas.iter().all(|a| a.need.is_none()));
    assert!(e.referrals.iter().all(|r| r.score == 0.0 && !r.recommended));
    // Hidden section (exporterar unanswered) -> its questions are not open.
    let open: Vec<&str> = e
        .open_questions
        .iter()
        .map(|&i| q.questions[i].id.as_str())
        .collect();
    assert_eq!(open, ["anstallda", "exporterar"]);
}

#[test]
fn single_choice_need_is_points_over_best_option() {
    let q = q();
    let a = answers(&[
        ("exporterar", choice("ja")),
        ("villkor", choice("kredit30")),
    ]);
    let e = evaluate(&q, &a);
    // risk: 2 of 5 from villkor; forlust is visible but unanswered -> not counted.
    assert_eq!(need(&q, &e, "risk"), Some(40.0));
    // fin: villkor can give 2, got 0.
    assert_eq!(need(&q, &e, "fin"), Some(0.0));
    let risk = &e.areas[q.area("risk").unwrap()];
    assert_eq!((risk.answered, risk.total), (1, 3));
}

#[test]
fn multi_choice_max_is_sum_of_positive_options() {
    let q = q();
    let a = answers(&[
        ("exporterar", choice("ja")),
        (
            "marknader",
            Answer::Choices(vec!["norden".into(), "afrika".into()]),
        ),
    ]);
    let e = evaluate(&q, &a);
    assert_eq!(need(&q, &e, "risk"), Some(100.0)); // 3 of 3
    assert_eq!(need(&q, &e, "eu"), Some(0.0)); // 0 of 2
}

#[test]
fn scale_falls_linearly_from_its_end() {
    let q = q();
    let at = |v: f64| {
        let a = answers(&[("exporterar", choice("ja")), ("kunskap", Answer::Number(v))]);
        need(&q, &evaluate(&q, &a), "eu")
    };
    assert_eq!(at(1.0), Some(100.0));
    assert_eq!(at(3.0), Some(50.0));
    assert_eq!(at(5.0), Some(0.0));
}

#[test]
fn number_bands_use_from_inclusive_to_exclusive() {
    let q = q();
    let fin = |n: f64| {
        need(
            &q,
            &evaluate(&q, &answers(&[("anstallda", Answer::Number(n))])),
            "fin",
        )
    };
    assert_eq!(fin(9.0), Some(100.0)); // band [,10): 2 of best 2
    assert_eq!(fin(10.0), Some(50.0)); // band [10,250): 1 of 2
    assert_eq!(fin(250.0), Some(0.0)); // band [250,): nothing
}

#[test]
fn unknown_not_applicable_and_hidden_answers_do_not_count() {
    let q = q();
    let a = answers(&[
        ("exporterar", Answer::NotApplicable),
        // Hidden: the section needs exporterar == 'ja'. Kept, not scored.
        ("villkor", choice("kredit90")),
        ("anstallda", Answer::Unknown),
    ]);
    let e = evaluate(&q, &a);
    assert!(e.areas.iter().all(|a| a.need.is_none()), "{:?}", e.areas);
    assert!(!e.visible[q.question("villkor").unwrap()]);
    // Unknown counts as open; not-applicable does not.
    let open: Vec<&str> = e
        .open_questions
        .iter()
        .map(|&i| q.questions[i].id.as_str())
        .collect();
    assert_eq!(open, ["anstallda"]);
}

#[test]
fn show_if_cascades_through_hidden_questions() {
    let q = q();
    // forlust depends on villkor, which is hidden when exporterar != 'ja'.
    let a = answers(&[
        ("exporterar", choice("nej")),
        ("villkor", choice("kredit90")),
    ]);
    let e = evaluate(&q, &a);
    assert!(!e.visible[q.question("forlust").unwrap()]);
    assert!(!e.visible[q.question("ovrigt").unwrap()]);
    let a = answers(&[
        ("exporterar", choice("ja")),
        ("villkor", choice("kredit90")),
    ]);
    let e = evaluate(&q, &a);
    assert!(e.visible[q.question("forlust").unwrap()]);
    assert!(e.visible[q.question("ovrigt").unwrap()]);
}

#[test]
fn actor_score_is_weighted_mean_of_known_needs_plus_boosts() {
    let q = q();
    let a = answers(&[
        ("exporterar", choice("ja")),
        ("villkor", choice("kredit30")),
        ("forlust", choice("nej")),
    ]);
    let e = evaluate(&q, &a);
    // risk: 2 of (5 + 3) = 25; fin: 0 of 2 = 0. EKN: (1*25 + 0.5*0) / 1.5.
    assert_eq!(need(&q, &e, "risk"), Some(25.0));
    let (s, rec) = score(&q, &e, "ekn");
    assert!((s - 25.0 / 1.5).abs() < 1e-9, "{s}");
    assert!(!rec);
    // EEN: eu unknown -> 0.
    assert_eq!(score(&q, &e, "een"), (0.0, false));
}

#[test]
fn refer_rule_recommends_and_boost_is_capped() {
    let q = q();
    let a = answers(&[
        ("exporterar", choice("ja")),
        ("villkor", choice("kredit90")),
        ("marknader", Answer::Choices(vec!["afrika".into()])),
        ("forlust", choice("ja")),
    ]);
    let e = evaluate(&q, &a);
    let (s, rec) = score(&q, &e, "ekn");
    assert_eq!(s, 100.0); // 100 + 30, capped
    assert!(rec);
    let top = &e.referrals[0];
    assert_eq!(q.actors[top.actor].id, "ekn");
    assert!(matches!(top.reasons[0], Reason::Rule { rule: 0 }));
    // Then the answers that contributed most, largest first.
    let answer_reasons: Vec<(&str, f64)> = top
        .reasons
        .iter()
        .filter_map(|r| match r {
            Reason::Answer(c) => Some((q.questions[c.question].id.as_str(), c.points)),
            _ => None,
        })
        .collect();
    // villkor→fin: 0.5/1.5 × 2/2 = 33.3 points of the score;
    // villkor→risk: 1/1.5 × 5/11 = 30.3; marknader→risk and forlust→risk: 18.2 each.
    assert_eq!(
        answer_reasons,
        [("villkor", 2.0), ("villkor", 5.0), ("marknader", 3.0)]
    );
}

#[test]
fn rules_can_use_needs_and_services_follow_eligibility() {
    let q = q();
    let almi = q.actor("almi").unwrap();
    let a = answers(&[("anstallda", Answer::Number(5.0))]);
    let e = evaluate(&q, &a);
    let r = e.referral(almi).unwrap();
    assert_eq!(r.fired, vec![0]); // need.fin == 100 and anstallda < 250
    assert!(r.recommended);
    let ids: Vec<&str> = r
        .services
        .iter()
        .map(|o| q.actors[almi].services[o.service].id.as_str())
        .collect();
    assert_eq!(ids, ["mikrolan", "tillvaxtlan"]);
    assert!(r.services.iter().all(|o| !o.undecided));

    // 100 employees: microloan not offered.
    let e = evaluate(
        &q,
        &answers(&[
            ("anstallda", Answer::Number(100.0)),
            ("exporterar", choice("ja")),
            ("villkor", choice("kredit90")),
        ]),
    );
    let r = e.referral(almi).unwrap();
    let ids: Vec<&str> = r
        .services
        .iter()
        .map(|o| q.actors[almi].services[o.service].id.as_str())
        .collect();
    assert!(r.recommended, "{r:?}");
    assert_eq!(ids, ["tillvaxtlan"]);
}

#[test]
fn unknown_answer_makes_service_eligibility_undecided() {
    let q = q();
    let almi = q.actor("almi").unwrap();
    let a = answers(&[
        ("anstallda", Answer::Unknown),
        ("exporterar", choice("ja")),
        ("villkor", choice("kredit90")),
    ]);
    let e = evaluate(&q, &a);
    let r = e.referral(almi).unwrap();
    assert!(r.recommended);
    assert_eq!(r.services.len(), 2);
    assert!(r.services.iter().all(|o| o.undecided));
}

#[test]
fn ties_keep_questionnaire_order() {
    let q = q();
    let e = evaluate(&q, &BTreeMap::new());
    let order: Vec<&str> = e
        .referrals
        .iter()
        .map(|r| q.actors[r.actor].id.as_str())
        .collect();
    assert_eq!(order, ["ekn", "almi", "een"]);
}
