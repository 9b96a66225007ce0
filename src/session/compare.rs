//! What changed between two visits to the same company: needs per area
//! (up/down), referrals then and now, and the answers that differ. Pure; the
//! TUI summary, `sessions show` and the exporter share it.

use crate::answers::{Answer, AnswersFile};
use crate::questionnaire::Questionnaire;
use crate::scoring;

/// Needs that move by less than this (points of 0–100) count as unchanged.
pub const SAME_WITHIN: f64 = 0.5;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// The need grew.
    Up,
    /// The need shrank.
    Down,
    Same,
    /// Not known last time, known now.
    New,
    /// Known last time, not known now.
    Gone,
    /// Known neither time.
    Unknown,
}

impl Direction {
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Up => "up",
            Direction::Down => "down",
            Direction::Same => "same",
            Direction::New => "new",
            Direction::Gone => "gone",
            Direction::Unknown => "unknown",
        }
    }

    fn of(before: Option<f64>, after: Option<f64>) -> Direction {
        match (before, after) {
            (Some(b), Some(a)) if a - b >= SAME_WITHIN => Direction::Up,
            (Some(b), Some(a)) if b - a >= SAME_WITHIN => Direction::Down,
            (Some(_), Some(_)) => Direction::Same,
            (None, Some(_)) => Direction::New,
            (Some(_), None) => Direction::Gone,
            (None, None) => Direction::Unknown,
        }
    }
}

/// One area's need then and now (exact values, 0–100).
#[derive(Debug, Clone, PartialEq)]
pub struct AreaChange {
    /// Index into `q.areas`.
    pub area: usize,
    pub before: Option<f64>,
    pub after: Option<f64>,
    pub direction: Direction,
}

/// One actor's score and recommendation then and now.
#[derive(Debug, Clone, PartialEq)]
pub struct ReferralChange {
    /// Index into `q.actors`.
    pub actor: usize,
    pub before: f64,
    pub after: f64,
    pub was_recommended: bool,
    pub now_recommended: bool,
}

/// One question whose answer differs.
#[derive(Debug, Clone, PartialEq)]
pub struct AnswerChange {
    /// Index into `q.questions`.
    pub question: usize,
    pub before: Option<Answer>,
    pub after: Option<Answer>,
}

/// Everything that changed between two visits.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    /// Every area, in questionnaire order.
    pub areas: Vec<AreaChange>,
    /// Every actor, in questionnaire order.
    pub referrals: Vec<ReferralChange>,
    /// Questions whose answer differs, in questionnaire order.
    pub answers: Vec<AnswerChange>,
}

impl Comparison {
    /// Actors recommended last time (the referrals made then).
    pub fn referred_before(&self) -> impl Iterator<Item = &ReferralChange> {
        self.referrals.iter().filter(|r| r.was_recommended)
    }

    /// Areas whose need went up or down.
    pub fn moved(&self) -> impl Iterator<Item = &AreaChange> {
        self.areas
            .iter()
            .filter(|a| matches!(a.direction, Direction::Up | Direction::Down))
    }
}

/// Compares two visits' answers under one questionnaire. Orphaned answers
/// (kept in `orphans`) play no part, as in scoring.
pub fn compare(q: &Questionnaire, previous: &AnswersFile, current: &AnswersFile) -> Comparison {
    let before = scoring::evaluate(q, &previous.answers);
    let after = scoring::evaluate(q, &current.answers);
    let areas = (0..q.areas.len())
        .map(|i| {
            let (b, a) = (before.need(i), after.need(i));
            AreaChange {
                area: i,
                before: b,
                after: a,
                direction: Direction::of(b, a),
            }
        })
        .collect();
    let referrals = (0..q.actors.len())
        .map(|i| {
            let b = before.referral(i);
            let a = after.referral(i);
            ReferralChange {
                actor: i,
                before: b.map_or(0.0, |r| r.score),
                after: a.map_or(0.0, |r| r.score),
                was_recommended: b.is_some_and(|r| r.recommended),
                now_recommended: a.is_some_and(|r| r.recommended),
            }
        })
        .collect();
    let answers = q
        .questions
        .iter()
        .enumerate()
        .filter_map(|(i, question)| {
            let b = previous.answers.get(&question.id);
            let a = current.answers.get(&question.id);
            (b != a).then(|| AnswerChange {
                question: i,
                before: b.cloned(),
                after: a.cloned(),
            })
        })
        .collect();
    Comparison {
        areas,
        referrals,
        answers,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::{Mode, parse};
    use crate::questionnaire::load_str;

    const Q: &str = r#"
[questionnaire]
id = "t"
version = "1"
languages = ["sv"]
title = "T"

[[area]]
id = "fin"
title = "Finansiering"

[[area]]
id = "risk"
title = "Risk"

[[actor]]
id = "almi"
name = "Almi"
description = "Lån"
threshold = 50
weights = { fin = 1.0 }

[[section]]
id = "s"
title = "S"

[[section.question]]
id = "lan"
kind = "single"
text = "Lån?"

[[section.question.option]]
id = "ja"
label = "Ja"
needs = { fin = 4 }

[[section.question.option]]
id = "nej"
label = "Nej"
needs = { fin = 0 }

[[section.question]]
id = "risk"
kind = "scale"
text = "Risk?"
min = 1
max = 5
needs_low = { risk = 2 }
"#;

    #[test]
    fn needs_go_up_and_down_and_referrals_are_compared() {
        let q = load_str("t.toml", Q).unwrap().questionnaire;
        let a = |text: &str| parse("a.toml", text, &q, Mode::Strict).unwrap().answers;
        let then = a("questionnaire = \"t\"\n[answers]\nlan = \"ja\"\n");
        let now = a("questionnaire = \"t\"\n[answers]\nlan = \"nej\"\nrisk = 1\n");
        let c = compare(&q, &then, &now);
        assert_eq!(c.areas[0].direction, Direction::Down);
        assert_eq!(c.areas[0].before, Some(100.0));
        assert_eq!(c.areas[0].after, Some(0.0));
        assert_eq!(c.areas[1].direction, Direction::New);
        assert!(c.referrals[0].was_recommended);
        assert!(!c.referrals[0].now_recommended);
        assert_eq!(c.referred_before().count(), 1);
        assert_eq!(c.moved().count(), 1);
        let changed: Vec<usize> = c.answers.iter().map(|x| x.question).collect();
        assert_eq!(changed, vec![0, 1]);
        let same = compare(&q, &now, &now);
        assert!(same.answers.is_empty());
        assert!(same.areas.iter().all(|x| x.direction != Direction::Up));
    }
}
