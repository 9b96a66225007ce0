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
    fn scores_and_needs_stay_within_0_100(a in answers(builtin_ref())) {
        let q = builtin_ref();
        let e = scoring::evaluate(q, &a);
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
        let mut file = answers::AnswersFile::new(q);
        file.answers = a.clone();
        let text = file.to_toml(Some(q));
        let back = answers::parse("rt.toml", &text, q, Mode::Strict).unwrap();
        prop_assert_eq!(back.answers.answers, a);
    }

    /// Texts up to the limit are taken and kept exactly; one character more
    /// is `too-long` with its position.
    #[test]
    fn text_answers_up_to_the_limit_round_trip(unit in "\\PC{1,6}", over in any::<bool>()) {
        let q = builtin_ref();
        let text_q = q.questions.iter().find(|x| matches!(x.kind, Kind::Text)).unwrap();
        let mut long: String = unit.chars().cycle().take(answers::MAX_TEXT_CHARS).collect();
        if over {
            long.push('x');
        }
        let mut file = answers::AnswersFile::new(q);
        file.answers.insert(text_q.id.clone(), Answer::Text(long.clone()));
        let text = file.to_toml(Some(q));
        match answers::parse("long.toml", &text, q, Mode::Strict) {
            Ok(back) => {
                prop_assert!(!over);
                prop_assert_eq!(back.answers.answers.get(&text_q.id), Some(&Answer::Text(long)));
            }
            Err(e) => {
                prop_assert!(over, "{e}");
                prop_assert!(e.diagnostics().iter().any(|d| d.code == "too-long"), "{e}");
            }
        }
    }
}

fn builtin_ref() -> &'static Questionnaire {
    static Q: std::sync::OnceLock<Questionnaire> = std::sync::OnceLock::new();
    Q.get_or_init(builtin)
}

/// One question's answer: an option, options, a number on the scale or in
/// the range, a text (sometimes at the length limit), "vet ej" or "ej
/// relevant" where offered. Shrinks towards fewer options and shorter texts.
fn answer_for(question: &behovsanalys::questionnaire::Question) -> BoxedStrategy<Answer> {
    let real: BoxedStrategy<Answer> = match &question.kind {
        Kind::Single { options } => {
            let ids: Vec<String> = options.iter().map(|o| o.id.clone()).collect();
            prop::sample::select(ids).prop_map(Answer::Choice).boxed()
        }
        Kind::Multi { options } => {
            // Valid answers only: at most `max_choices`, and an exclusive
            // option ("none of these") alone.
            let ids: Vec<String> = options.iter().map(|o| o.id.clone()).collect();
            let exclusive: Vec<String> = options
                .iter()
                .filter(|o| o.exclusive)
                .map(|o| o.id.clone())
                .collect();
            let n = question.max_choices.unwrap_or(ids.len()).min(ids.len());
            prop::sample::subsequence(ids, 0..=n)
                .prop_map(move |mut v| {
                    if v.len() > 1
                        && let Some(x) = v.iter().find(|id| exclusive.contains(id)).cloned()
                    {
                        v = vec![x];
                    }
                    Answer::Choices(v)
                })
                .boxed()
        }
        Kind::Scale { min, max, .. } => (*min..=*max)
            .prop_map(|x| Answer::Number(x as f64))
            .boxed(),
        Kind::Number { min, max, .. } => {
            let lo = min.unwrap_or(-1e9);
            let hi = max.unwrap_or(1e9);
            prop_oneof![Just(lo), Just(hi), (lo..=hi).prop_map(f64::floor), (lo..=hi)]
                .prop_map(Answer::Number)
                .boxed()
        }
        Kind::Text => prop_oneof![
            4 => "\\PC{0,40}",
            1 => "\\PC{1,4}".prop_map(|u| u.chars().cycle().take(answers::MAX_TEXT_CHARS).collect()),
        ]
        .prop_map(Answer::Text)
        .boxed(),
    };
    let mut choices = vec![(8, real)];
    if question.allow_unknown {
        choices.push((1, Just(Answer::Unknown).boxed()));
    }
    if question.allow_na {
        choices.push((1, Just(Answer::NotApplicable).boxed()));
    }
    prop::strategy::Union::new_weighted(choices).boxed()
}

/// Answers to any subset of the questionnaire's questions.
fn answers(q: &'static Questionnaire) -> impl Strategy<Value = BTreeMap<String, Answer>> {
    let per_question: Vec<_> = q
        .questions
        .iter()
        .map(|x| prop::option::of(answer_for(x)).prop_map(move |a| (x.id.clone(), a)))
        .collect();
    per_question.prop_map(|v| {
        v.into_iter()
            .filter_map(|(id, a)| a.map(|a| (id, a)))
            .collect()
    })
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

// ---------------------------------------------------------------- conditions round-trip

mod conditions {
    use std::collections::HashMap;

    use behovsanalys::i18n::diag::Owner;
    use behovsanalys::questionnaire::expr::{self, CmpOp, Expr, Scope, Val};
    use behovsanalys::questionnaire::{Kind, Questionnaire};
    use proptest::prelude::*;

    fn q() -> &'static Questionnaire {
        static Q: std::sync::OnceLock<Questionnaire> = std::sync::OnceLock::new();
        Q.get_or_init(|| {
            behovsanalys::questionnaire::builtin()
                .unwrap()
                .questionnaire
        })
    }

    fn ops() -> impl Strategy<Value = CmpOp> {
        prop_oneof![
            Just(CmpOp::Eq),
            Just(CmpOp::Ne),
            Just(CmpOp::Lt),
            Just(CmpOp::Le),
            Just(CmpOp::Gt),
            Just(CmpOp::Ge),
        ]
    }

    /// A number as an author writes it (the lexer has no exponent).
    fn number() -> impl Strategy<Value = f64> {
        prop_oneof![
            (-1_000_000i64..1_000_000).prop_map(|x| x as f64),
            (-1_000_000i64..1_000_000, 1u32..4).prop_map(|(x, d)| x as f64 / 10f64.powi(d as i32)),
        ]
    }

    /// A comparison that type-checks against the built-in questionnaire.
    fn leaf(q: &Questionnaire) -> BoxedStrategy<Expr> {
        let single: Vec<(usize, Vec<String>)> = q
            .questions
            .iter()
            .enumerate()
            .filter(|(_, x)| matches!(x.kind, Kind::Single { .. }))
            .map(|(i, x)| (i, x.kind.options().iter().map(|o| o.id.clone()).collect()))
            .collect();
        let multi: Vec<(usize, Vec<String>)> = q
            .questions
            .iter()
            .enumerate()
            .filter(|(_, x)| matches!(x.kind, Kind::Multi { .. }))
            .map(|(i, x)| (i, x.kind.options().iter().map(|o| o.id.clone()).collect()))
            .collect();
        let numeric: Vec<usize> = q
            .questions
            .iter()
            .enumerate()
            .filter(|(_, x)| matches!(x.kind, Kind::Number { .. } | Kind::Scale { .. }))
            .map(|(i, _)| i)
            .collect();
        let text: Vec<usize> = q
            .questions
            .iter()
            .enumerate()
            .filter(|(_, x)| matches!(x.kind, Kind::Text))
            .map(|(i, _)| i)
            .collect();
        let areas = q.areas.len();
        let all = q.questions.len();
        let s1 = single.clone();
        prop_oneof![
            any::<bool>().prop_map(Expr::Const),
            (0..all).prop_map(Expr::Answered),
            (
                prop::sample::select(single.clone()),
                any::<prop::sample::Index>(),
                any::<bool>()
            )
                .prop_map(|((qi, opts), i, eq)| Expr::Cmp {
                    lhs: Val::Answer(qi),
                    op: if eq { CmpOp::Eq } else { CmpOp::Ne },
                    rhs: Val::Str(i.get(&opts).clone()),
                }),
            (
                prop::sample::select(s1),
                prop::collection::vec(any::<prop::sample::Index>(), 1..4)
            )
                .prop_map(|((qi, opts), is)| Expr::In {
                    val: Val::Answer(qi),
                    list: is.iter().map(|i| Val::Str(i.get(&opts).clone())).collect(),
                }),
            (prop::sample::select(multi), any::<prop::sample::Index>()).prop_map(
                |((qi, opts), i)| Expr::Contains {
                    question: qi,
                    option: i.get(&opts).clone(),
                }
            ),
            (
                prop::sample::select(numeric),
                ops(),
                number(),
                any::<bool>()
            )
                .prop_map(|(qi, op, x, flip)| if flip {
                    Expr::Cmp {
                        lhs: Val::Num(x),
                        op,
                        rhs: Val::Answer(qi),
                    }
                } else {
                    Expr::Cmp {
                        lhs: Val::Answer(qi),
                        op,
                        rhs: Val::Num(x),
                    }
                }),
            (0..areas, ops(), number()).prop_map(|(a, op, x)| Expr::Cmp {
                lhs: Val::Need(a),
                op,
                rhs: Val::Num(x),
            }),
            // Any text without both kinds of quote (the language has no escapes).
            (
                prop::sample::select(text),
                "[^'\"]{0,20}|[^']{0,20}|[^\"]{0,20}",
                any::<bool>()
            )
                .prop_map(|(qi, s, eq)| Expr::Cmp {
                    lhs: Val::Answer(qi),
                    op: if eq { CmpOp::Eq } else { CmpOp::Ne },
                    rhs: Val::Str(s),
                }),
        ]
        .boxed()
    }

    /// Conditions nested up to the parser's depth limit.
    fn condition(q: &Questionnaire) -> impl Strategy<Value = Expr> {
        leaf(q).prop_recursive(6, 64, 4, |inner| {
            prop_oneof![
                inner.clone().prop_map(|e| Expr::Not(Box::new(e))),
                prop::collection::vec(inner.clone(), 2..4).prop_map(Expr::And),
                prop::collection::vec(inner, 2..4).prop_map(Expr::Or),
            ]
        })
    }

    fn compile(q: &Questionnaire, src: &str) -> Result<Expr, String> {
        let question_index: HashMap<String, usize> = q
            .questions
            .iter()
            .enumerate()
            .map(|(i, x)| (x.id.clone(), i))
            .collect();
        let area_index: HashMap<String, usize> = q
            .areas
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id.clone(), i))
            .collect();
        let scope = Scope {
            questions: &q.questions,
            question_index: &question_index,
            area_index: &area_index,
            before: usize::MAX,
            allow_need: true,
            owner: Owner::Rule,
        };
        expr::compile(src, &scope).map_err(|e| format!("{e:?}"))
    }

    proptest! {
        /// What the preview shows an author reads back as the same
        /// condition: display, then parse, gives the expression again
        /// (`not (a or b)` was shown as `not a or b`).
        #[test]
        fn display_round_trips_through_the_parser(e in condition(q())) {
            let q = q();
            let area_ids: Vec<&str> = q.areas.iter().map(|a| a.id.as_str()).collect();
            let shown = expr::display(&e, &q.questions, &area_ids);
            let back = compile(q, &shown);
            prop_assert_eq!(back.as_ref(), Ok(&e), "shown as `{}`", shown);
        }
    }

    #[test]
    fn not_keeps_its_parentheses() {
        let q = q();
        let e = compile(q, "not (exporterar == 'nej' or answered(anstallda))").unwrap();
        let area_ids: Vec<&str> = q.areas.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(
            expr::display(&e, &q.questions, &area_ids),
            "not (exporterar == 'nej' or answered(anstallda))"
        );
    }
}

proptest! {
    /// Question texts, helps and labels up to their limits load; longer ones
    /// are `too-long` at the text's position, whatever the characters.
    #[test]
    fn questionnaire_texts_are_bounded_at_their_limits(
        unit in "[a-zåäöÅÄÖ0-9.,!?–][a-zåäö ÅÄÖ0-9.,!?–]{0,4}",
        text_extra in 0usize..3,
        help_extra in 0usize..3,
        label_extra in 0usize..3,
    ) {
        use behovsanalys::questionnaire::load::{MAX_LONG_TEXT, MAX_SHORT_TEXT, MAX_TEXT};
        let make = |n: usize| -> String { unit.chars().cycle().take(n).collect() };
        // 0: one below the limit, 1: at it, 2: one above.
        let text = make(MAX_TEXT - 1 + text_extra);
        let help = make(MAX_LONG_TEXT - 1 + help_extra);
        let label = make(MAX_SHORT_TEXT - 1 + label_extra);
        let src = format!(
            "[questionnaire]\nid = \"q\"\nversion = \"1\"\ntitle = \"Q\"\n\n[[section]]\nid = \"s\"\ntitle = \"S\"\n\n[[section.question]]\nid = \"a\"\nkind = \"single\"\ntext = \"{text}\"\nhelp = \"{help}\"\n[[section.question.option]]\nid = \"o\"\nlabel = \"{label}\"\n"
        );
        let too_long = match questionnaire::load_str("q.toml", &src) {
            Ok(_) => 0,
            Err(e) => {
                let d = e.diagnostics();
                prop_assert!(d.iter().all(|d| d.code == "too-long"), "{e}");
                d.len()
            }
        };
        let expected = [text_extra, help_extra, label_extra].iter().filter(|x| **x == 2).count();
        prop_assert_eq!(too_long, expected);
    }
}
