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

/// Generated questionnaires that once made `check` and `check --explain`
/// quadratic (see docs/PERFORMANCE.md).
mod big {
    pub const HEAD: &str = "[questionnaire]\nid = \"perf\"\nversion = \"1\"\nlanguages = [\"sv\"]\ntitle = \"P\"\n\n[[area]]\nid = \"a\"\ntitle = \"A\"\n";

    /// One number question with `n` overlapping bands (`n` diagnostics).
    pub fn overlapping_bands(n: usize) -> String {
        let mut s = format!(
            "{HEAD}\n[[section]]\nid = \"s\"\ntitle = \"S\"\n\n[[section.question]]\nid = \"n\"\nkind = \"number\"\ntext = \"N?\"\n"
        );
        for i in 0..n {
            s.push_str(&format!(
                "[[section.question.band]]\nfrom = {i}\nto = {}\nneeds = {{ a = 1 }}\n",
                i + 2
            ));
        }
        s
    }

    /// `n` free-text questions.
    pub fn text_questions(n: usize) -> String {
        let mut s = format!("{HEAD}\n[[section]]\nid = \"s\"\ntitle = \"S\"\n");
        for i in 0..n {
            s.push_str(&format!(
                "[[section.question]]\nid = \"q{i}\"\nkind = \"text\"\ntext = \"Q?\"\n"
            ));
        }
        s
    }

    /// One scored question and `n` actors with a rule each.
    pub fn actors(n: usize) -> String {
        let mut s = format!(
            "{HEAD}\n[[section]]\nid = \"s\"\ntitle = \"S\"\n[[section.question]]\nid = \"q\"\nkind = \"single\"\ntext = \"Q?\"\n[[section.question.option]]\nid = \"o\"\nlabel = \"O\"\nneeds = {{ a = 1 }}\n"
        );
        for i in 0..n {
            s.push_str(&format!(
                "[[actor]]\nid = \"x{i}\"\nname = \"X\"\ndescription = \"D\"\nweights = {{ a = 1 }}\n[[actor.rule]]\nwhen = \"q == 'o'\"\nboost = 5\nreason = \"R\"\n"
            ));
        }
        s
    }

    /// `n` sections, each shown on the first question's answer.
    pub fn sections(n: usize) -> String {
        let mut s = format!(
            "{HEAD}\n[[section]]\nid = \"s0\"\ntitle = \"S\"\n[[section.question]]\nid = \"q\"\nkind = \"single\"\ntext = \"Q?\"\n[[section.question.option]]\nid = \"o\"\nlabel = \"O\"\nneeds = {{ a = 1 }}\n"
        );
        for i in 1..n {
            s.push_str(&format!(
                "[[section]]\nid = \"s{i}\"\ntitle = \"S\"\nshow_if = \"q == 'o'\"\n[[section.question]]\nid = \"q{i}\"\nkind = \"single\"\ntext = \"Q?\"\n[[section.question.option]]\nid = \"o\"\nlabel = \"O\"\n"
            ));
        }
        s
    }
}

/// `check` on a file with `n` overlapping bands: every overlap is a
/// diagnostic naming the other band's line.
#[divan::bench(args = [10_000, 40_000], sample_count = 5)]
fn check_overlapping_bands(bencher: divan::Bencher, n: usize) {
    let text = big::overlapping_bands(n);
    bencher.bench(|| {
        let e = questionnaire::load_str("bands.toml", divan::black_box(&text)).unwrap_err();
        e.render(behovsanalys::i18n::Lang::En).len()
    });
}

fn explain_of(text: &str) -> usize {
    let q = questionnaire::load_str("gen.toml", text)
        .unwrap()
        .questionnaire;
    behovsanalys::authoring::explain::explain(&q).warnings.len()
}

#[divan::bench(args = [10_000, 100_000], sample_count = 3)]
fn explain_text_questions(bencher: divan::Bencher, n: usize) {
    let text = big::text_questions(n);
    bencher.bench(|| explain_of(divan::black_box(&text)));
}

#[divan::bench(args = [1_000, 10_000], sample_count = 3)]
fn explain_actors(bencher: divan::Bencher, n: usize) {
    let text = big::actors(n);
    bencher.bench(|| explain_of(divan::black_box(&text)));
}

#[divan::bench(args = [2_000, 20_000], sample_count = 3)]
fn explain_sections(bencher: divan::Bencher, n: usize) {
    let text = big::sections(n);
    bencher.bench(|| explain_of(divan::black_box(&text)));
}
