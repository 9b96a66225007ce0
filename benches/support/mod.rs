//! Generators shared by the benchmarks and the tests
//! (`#[path = "../benches/support/mod.rs"] mod support;` in a test):
//! a questionnaire of any size and saved sessions for the report.
#![allow(dead_code)]

use std::fmt::Write as _;
use std::path::Path;

use behovsanalys::questionnaire::{Kind, Questionnaire};

/// A questionnaire of `n` single-choice questions in sections of 20, with
/// conditions, 14 areas and 10 actors with rules (like tests' generator).
pub fn questionnaire(n: usize) -> String {
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

/// A small deterministic generator (xorshift).
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

pub const MUNICIPALITIES: [&str; 6] = [
    "Växjö",
    "Jönköping",
    "Värnamo",
    "Kalmar",
    "Ljungby",
    "Gislaved",
];
pub const SNI: [&str; 6] = ["25.620", "28.990", "62.010", "46.690", "10.710", "71.120"];

/// A valid organisation number (Luhn) from a number.
pub fn org_number(n: u64) -> String {
    let base = format!("55{:07}", n % 10_000_000);
    let sum: u32 = base
        .bytes()
        .rev()
        .enumerate()
        .map(|(i, b)| {
            let d = u32::from(b - b'0');
            if i % 2 == 0 {
                let x = d * 2;
                if x > 9 { x - 9 } else { x }
            } else {
                d
            }
        })
        .sum();
    format!("{}-{}{}", &base[..6], &base[6..], (10 - sum % 10) % 10)
}

/// Writes `n` sessions as TOML text. Every 10th session is a follow-up of
/// the one before (same org number and `meta.previous`).
pub fn sessions(q: &Questionnaire, dir: &Path, n: usize, seed: u64) {
    std::fs::create_dir_all(dir).unwrap();
    let mut rng = Rng(seed | 1);
    let mut text = String::with_capacity(4096);
    for i in 0..n {
        text.clear();
        let follow_up = i % 10 == 9;
        let company = if follow_up { i - 1 } else { i };
        let mut crng = Rng((company as u64 + 1).wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1);
        let employees = [3, 8, 15, 40, 120, 400][crng.below(6)];
        let _ = write!(
            text,
            "questionnaire = \"exportbehov\"\nversion = \"2026.1\"\n\n[company]\nname = \"Generated Company {company} AB\"\norg_number = \"{}\"\nmunicipality = \"{}\"\nsni = \"{}\"\nemployees = {employees}\n\n[answers]\nanstallda = {employees}\n",
            org_number(company as u64),
            MUNICIPALITIES[crng.below(MUNICIPALITIES.len())],
            SNI[crng.below(SNI.len())],
        );
        for question in &q.questions {
            if question.id == "anstallda" || rng.below(10) == 0 {
                continue;
            }
            if question.allow_unknown && rng.below(14) == 0 {
                let _ = writeln!(text, "{} = {{ unknown = true }}", question.id);
                continue;
            }
            match &question.kind {
                Kind::Single { options } => {
                    let _ = writeln!(
                        text,
                        "{} = \"{}\"",
                        question.id,
                        options[rng.below(options.len())].id
                    );
                }
                Kind::Multi { options } => {
                    let a = rng.below(options.len());
                    let b = rng.below(options.len());
                    let ids = if a == b {
                        format!("\"{}\"", options[a].id)
                    } else {
                        format!("\"{}\", \"{}\"", options[a].id, options[b].id)
                    };
                    let _ = writeln!(text, "{} = [{ids}]", question.id);
                }
                Kind::Scale { min, max, .. } => {
                    let v = min + rng.below((max - min + 1) as usize) as i64;
                    let _ = writeln!(text, "{} = {v}", question.id);
                }
                Kind::Number { .. } | Kind::Text => {}
            }
        }
        text.push_str("\n[consent]\n");
        for a in &q.actors {
            if rng.below(3) == 0 {
                let _ = writeln!(text, "{} = true", a.id);
            }
        }
        let month = 1 + (i % 12);
        let day = 1 + (i % 28);
        let _ = write!(
            text,
            "\n[private_notes]\nexporterar = \"SECRET-NOTE {i}\"\n\n[meta]\nid = \"g{i:06}\"\ncreated = \"2026-{month:02}-{day:02}T09:00:00Z\"\nupdated = \"2026-{month:02}-{day:02}T10:00:00Z\"\nmode = \"{}\"\n",
            if i % 7 == 0 { "self" } else { "advisor" }
        );
        if follow_up {
            let _ = writeln!(text, "previous = \"g{:06}\"", i - 1);
        }
        std::fs::write(dir.join(format!("g{i:06}.toml")), &text).unwrap();
    }
}
