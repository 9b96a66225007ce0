//! Engine benchmarks (run by hand: `cargo bench --bench engine`).
//! Figures and machine conditions go to docs/PERFORMANCE.md.

use std::collections::BTreeMap;

use behovsanalys::answers::{self, Answer, Mode};
use behovsanalys::questionnaire::{self, Questionnaire};
use behovsanalys::scoring;
use behovsanalys::session::{SessionMode, Store};

mod support;

fn main() {
    divan::main();
}

#[divan::bench]
fn load_builtin() -> Questionnaire {
    questionnaire::builtin().unwrap().questionnaire
}

#[divan::bench(args = [200, 2_000, 20_000], sample_count = 10)]
fn load_generated(bencher: divan::Bencher, n: usize) {
    let text = support::questionnaire(n);
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
    let q = questionnaire::load_str("gen.toml", &support::questionnaire(2_000))
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

/// Peer: toml 1.x alone parsing the same generated questionnaire into a
/// plain `toml::Table` (no spans, no validation).
#[divan::bench(args = [2_000, 20_000], sample_count = 10)]
fn peer_toml_parse(bencher: divan::Bencher, n: usize) {
    let text = support::questionnaire(n);
    bencher.bench(|| toml::from_str::<toml::Table>(divan::black_box(&text)).unwrap());
}
