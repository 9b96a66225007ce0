//! Writes a generated questionnaire of N questions (the benchmarks' one):
//! `cargo run --release --example gen_questionnaire -- 2000 q.toml`.

#[path = "../benches/support/mod.rs"]
mod support;

fn main() {
    let mut args = std::env::args().skip(1);
    let n: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(2_000);
    let out = args.next().unwrap_or_else(|| format!("generated-{n}.toml"));
    if let Err(e) = std::fs::write(&out, support::questionnaire(n)) {
        eprintln!("cannot write {out}: {e}");
        std::process::exit(1);
    }
}
