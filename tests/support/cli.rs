//! The binary as the command-line tests run it: in a clean environment (no
//! document date, data directory or locale from the shell the tests run
//! in, so the program speaks English and picks today's date and the data
//! directory only when a test says so).
#![allow(dead_code)]

use assert_cmd::Command;

/// `behovsanalys` with `BEHOVSANALYS_DATE`, `BEHOVSANALYS_DATA_DIR` and the
/// locale variables removed (`LANG=C`).
pub fn bin() -> Command {
    let mut c = Command::cargo_bin("behovsanalys").unwrap();
    c.env_remove("BEHOVSANALYS_DATE")
        .env_remove("BEHOVSANALYS_DATA_DIR")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C");
    c
}

/// Runs [`bin`] with `args`: the exit code (-1 when killed), stdout and
/// stderr.
pub fn run(args: &[&str]) -> (i32, String, String) {
    outcome(bin().args(args).output().unwrap())
}

/// The exit code (-1 when killed), stdout and stderr of a finished run;
/// both must be UTF-8 (the program never writes anything else).
pub fn outcome(out: std::process::Output) -> (i32, String, String) {
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    )
}
