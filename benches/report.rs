//! `report` over 1k / 10k / 100k generated sessions (the library call the
//! command makes: list, read, parse, score, count on all cores).
//! The sessions are generated once into
//! `$TMPDIR/behovsanalys-bench-sessions-N/sessions` and kept for the next
//! run and for the Python comparison (`benches/report_tomllib.py`).
//!
//!   cargo bench --bench report

use std::path::PathBuf;

use behovsanalys::questionnaire::{self, Questionnaire};
use behovsanalys::report::{self, ReportOptions};

mod support;

fn main() {
    divan::main();
}

/// The data directory with `n` generated sessions (generated on first use).
pub fn data_dir(q: &Questionnaire, n: usize) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("behovsanalys-bench-sessions-{n}"));
    let done = dir.join(".complete");
    if !done.exists() {
        let _ = std::fs::remove_dir_all(&dir);
        support::sessions(q, &dir.join("sessions"), n, 42);
        std::fs::write(&done, "").unwrap();
    }
    dir
}

#[divan::bench(args = [1_000, 10_000, 100_000], sample_count = 5, sample_size = 1)]
fn report_sessions(bencher: divan::Bencher, n: usize) {
    let q = questionnaire::builtin().unwrap().questionnaire;
    let dir = data_dir(&q, n).join("sessions");
    let opts = ReportOptions {
        date: behovsanalys::time::parse_date("2026-12-31"),
        ..ReportOptions::default()
    };
    bencher.bench(|| {
        let stats = report::compute(&q, &dir, &opts).unwrap();
        assert_eq!(stats.files.unreadable, 0);
        stats
    });
}
