//! Engine benchmarks (run by hand: `cargo bench --bench engine`).
//! Figures and machine conditions go to docs/PERFORMANCE.md.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use behovsanalys::answers::{self, Answer, Mode};
use behovsanalys::questionnaire::{self, Questionnaire};
use behovsanalys::scoring;
use behovsanalys::session::{SessionMode, Store};

fn main() {
    divan::main();
}

/// A questionnaire of `n` single-choice questions in sections of 20, with
/// conditions, 14 areas and 10 actors with rules (like tests' generator).
pub fn generated(n: usize) -> String {
    let mut s = String::with_capacity(n * 600);
    s.push_str("[questionnaire]\nid = \"gen\"\nversion = \"1\"\nlanguages = [\"sv\", \"en\"]\ntitle = { sv = \"Genererad\", en = \"Generated\" }\n");
    for a in 0..14 {
        let _ = writeln!(
            s,
            "[[area]]\nid = \"a{a}\"\ntitle = {{ sv = \"Område {a}\", en = \"Area {a}\" }}"
        );
    }
    for x in 0..10 {
        let _ = writeln!(
            s,
            "[[actor]]\nid = \"act{x}\"\nname = \"Aktör {x}\"\ndescription = {{ sv = \"B\", en = \"D\" }}\nweights = {{ a{x} = 1.0, a{} = 0.5 }}\n[[actor.rule]]\nwhen = \"q1 == 'o1' and need.a{x} >= 50\"\nboost = 10\nreason = {{ sv = \"Skäl\", en = \"Reason\" }}",
            (x + 1) % 14
        );
    }
    for sec in 0..n.div_ceil(20) {
        let _ = writeln!(
            s,
            "[[section]]\nid = \"s{sec}\"\ntitle = {{ sv = \"Avsnitt {sec}\", en = \"Section {sec}\" }}"
        );
        for k in 0..20 {
            let i = sec * 20 + k;
            if i >= n {
                break;
            }
            let show = if i > 0 && i % 3 == 0 {
                format!("\nshow_if = \"q{} != 'o0'\"", i - 1)
            } else {
                String::new()
            };
            let _ = writeln!(
                s,
                "[[section.question]]\nid = \"q{i}\"\nkind = \"single\"\ntext = {{ sv = \"Fråga {i}?\", en = \"Question {i}?\" }}\nhelp = {{ sv = \"Hjälp\", en = \"Help\" }}{show}"
            );
            for o in 0..4 {
                let _ = writeln!(
                    s,
                    "[[section.question.option]]\nid = \"o{o}\"\nlabel = {{ sv = \"Alternativ {o}\", en = \"Option {o}\" }}\nneeds = {{ a{} = {o} }}",
                    i % 14
                );
            }
        }
    }
    s
}

#[divan::bench]
fn load_builtin() -> Questionnaire {
    questionnaire::builtin().unwrap().questionnaire
}

#[divan::bench(args = [200, 2_000, 20_000], sample_count = 10)]
fn load_generated(bencher: divan::Bencher, n: usize) {
    let text = generated(n);
    bencher.bench(|| questionnaire::load_str("gen.toml", divan::black_box(&text)).unwrap());
}

fn profile(q: &Questionnaire) -> BTreeMap<String, Answer> {
    let text =
        std::fs::read_to_string("tests/fixtures/profiles/underleverantor_vastafrika.toml").unwrap();
    answers::parse("p.toml", &text, q, Mode::Strict)
        .unwrap()
        .answers
        .answers
}

#[divan::bench]
fn score_one_session(bencher: divan::Bencher) {
    let q = questionnaire::builtin().unwrap().questionnaire;
    let a = profile(&q);
    bencher.bench(|| scoring::evaluate(&q, divan::black_box(&a)));
}

#[divan::bench]
fn score_2000_questions_all_answered(bencher: divan::Bencher) {
    let q = questionnaire::load_str("gen.toml", &generated(2_000))
        .unwrap()
        .questionnaire;
    let a: BTreeMap<String, Answer> = q
        .questions
        .iter()
        .enumerate()
        .map(|(i, x)| (x.id.clone(), Answer::Choice(format!("o{}", i % 4))))
        .collect();
    bencher.bench(|| scoring::evaluate(&q, divan::black_box(&a)));
}

#[divan::bench]
fn parse_answers_file(bencher: divan::Bencher) {
    let q = questionnaire::builtin().unwrap().questionnaire;
    let text =
        std::fs::read_to_string("tests/fixtures/profiles/underleverantor_vastafrika.toml").unwrap();
    bencher.bench(|| answers::parse("p.toml", divan::black_box(&text), &q, Mode::Lenient).unwrap());
}

#[divan::bench(sample_count = 20)]
fn session_save_fsync(bencher: divan::Bencher) {
    let q = questionnaire::builtin().unwrap().questionnaire;
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(Some(dir.path())).unwrap();
    let mut s = store.create(&q, SessionMode::Advisor);
    s.answers.answers = profile(&q);
    bencher.bench_local(|| store.save(&mut s, &q).unwrap());
}
