//! The command line speaks Swedish under `--lang sv` and, without it, when
//! the locale is Swedish; English otherwise: `--help`, messages, errors,
//! `sessions list/show`, `check`.

use std::path::Path;

use assert_cmd::Command;

const MASKIN: &str = "tests/fixtures/profiles/maskin_tyskland.toml";

/// The binary with a known locale (`None`: no locale at all).
fn bin(locale: Option<&str>, data: &Path) -> Command {
    let mut c = Command::cargo_bin("behovsanalys").unwrap();
    c.env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .env_remove("BEHOVSANALYS_DATE")
        .env("BEHOVSANALYS_DATA_DIR", data);
    if let Some(l) = locale {
        c.env("LANG", l);
    }
    c
}

fn run(locale: Option<&str>, data: &Path, args: &[&str]) -> (i32, String, String) {
    let out = bin(locale, data).args(args).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn import(data: &Path) -> String {
    let (code, out, err) = run(None, data, &["import", MASKIN]);
    assert_eq!(code, 0, "{err}");
    out.trim().to_string()
}

#[test]
fn help_in_swedish_with_lang_sv() {
    let dir = tempfile::tempdir().unwrap();
    let (code, out, _) = run(None, dir.path(), &["--lang", "sv", "--help"]);
    assert_eq!(code, 0);
    for s in [
        "Användning: behovsanalys [FLAGGOR] [KOMMANDO]",
        "Kommandon:",
        "Flaggor:",
        "Kontrollera frågeformulär",
        "Visa hjälpen",
        "[miljövariabel: BEHOVSANALYS_DATA_DIR]",
    ] {
        assert!(out.contains(s), "missing {s:?} in:\n{out}");
    }
    for s in ["Usage:", "Options:", "Print help", "Validate questionnaire"] {
        assert!(!out.contains(s), "English {s:?} in:\n{out}");
    }
    // After the command and as `--lang=sv` too.
    let (code, out, _) = run(None, dir.path(), &["check", "--help", "--lang=sv"]);
    assert_eq!(code, 0);
    assert!(out.contains("Användning: behovsanalys check"), "{out}");
    assert!(out.contains("Argument:") && out.contains("Filer att kontrollera"));
    let (_, out, _) = run(None, dir.path(), &["--lang", "sv", "check", "--help"]);
    assert!(out.contains("Förklara också"), "{out}");
    let (_, out, _) = run(None, dir.path(), &["--lang", "sv", "export", "--help"]);
    assert!(
        out.contains("[möjliga värden: md, html, json, csv] [standard: md]"),
        "{out}"
    );
}

#[test]
fn help_follows_the_locale_without_lang() {
    let dir = tempfile::tempdir().unwrap();
    let (_, sv, _) = run(Some("sv_SE.UTF-8"), dir.path(), &["--help"]);
    assert!(
        sv.contains("Användning:") && sv.contains("Kommandon:"),
        "{sv}"
    );
    let (_, en, _) = run(Some("en_GB.UTF-8"), dir.path(), &["--help"]);
    assert!(
        en.contains("Usage:") && en.contains("Validate questionnaire"),
        "{en}"
    );
    let (_, c, _) = run(Some("C"), dir.path(), &["--help"]);
    assert!(c.contains("Usage:"), "{c}");
    // --lang wins over the locale.
    let (_, en, _) = run(Some("sv_SE.UTF-8"), dir.path(), &["--lang", "en", "--help"]);
    assert!(en.contains("Usage:"), "{en}");
}

#[test]
fn sessions_show_and_list_in_swedish() {
    let dir = tempfile::tempdir().unwrap();
    let id = import(dir.path());
    let (code, out, err) = run(None, dir.path(), &["--lang", "sv", "sessions", "show", &id]);
    assert_eq!(code, 0, "{err}");
    for s in [
        "Session ",
        "(rådgivarbesök), skapad ",
        "Frågeformulär: exportbehov 2026.2",
        "Företag: Hallbergs Maskinteknik AB (556093-5180)",
        "Ursprung: self-assessment, importerad från maskin_tyskland.toml",
        "Samtycke till remiss:",
        "Svar:",
        "[företagets eget svar]",
        "Behov per område",
        "rekommenderas",
    ] {
        assert!(out.contains(s), "missing {s:?} in:\n{out}");
    }
    for s in [
        "Company:",
        "Answers:",
        "company's own answer",
        "Consent to referral",
    ] {
        assert!(!out.contains(s), "English {s:?} in:\n{out}");
    }
    // The same under a Swedish locale without --lang.
    let (_, out2, _) = run(Some("sv_SE.UTF-8"), dir.path(), &["sessions", "show", &id]);
    assert_eq!(out, out2);
    // English locale: the program's words in English, the questionnaire's
    // texts in its own language.
    let (_, en, _) = run(Some("en_US.UTF-8"), dir.path(), &["sessions", "show", &id]);
    assert!(
        en.contains("Company: Hallbergs") && en.contains("Needs per area"),
        "{en}"
    );
    assert!(
        en.contains("Säljer företaget till kunder utomlands i dag?"),
        "{en}"
    );

    let (_, list, _) = run(None, dir.path(), &["--lang", "sv", "sessions", "list"]);
    assert!(
        list.contains("FÖRETAG") && list.contains("(importerad)"),
        "{list}"
    );
}

#[test]
fn messages_and_errors_in_swedish() {
    let dir = tempfile::tempdir().unwrap();
    let id = import(dir.path());
    let (code, _, err) = run(
        None,
        dir.path(),
        &["--lang", "sv", "sessions", "delete", &id],
    );
    assert_eq!(code, 1);
    assert!(
        err.starts_with("behovsanalys: raderar inte session") && err.contains("--yes"),
        "{err}"
    );
    let (code, _, err) = run(
        None,
        dir.path(),
        &["--lang", "sv", "sessions", "show", "finns-inte"],
    );
    assert_eq!(code, 1);
    assert!(
        err.contains("det finns ingen session `finns-inte`"),
        "{err}"
    );
    let (code, _, err) = run(
        None,
        dir.path(),
        &["--lang", "sv", "sessions", "show", "inte/ett/id"],
    );
    assert_eq!(code, 1);
    assert!(err.contains("är inget sessions-id"), "{err}");
    let (code, _, err) = run(
        None,
        dir.path(),
        &[
            "--lang",
            "sv",
            "export",
            "--session",
            &id,
            "--actor",
            "nasa",
        ],
    );
    assert_eq!(code, 1);
    assert!(err.contains("det finns ingen aktör `nasa`"), "{err}");
    let (code, _, err) = run(
        Some("sv_SE.UTF-8"),
        dir.path(),
        &["export", "--session", &id, "--actor", "ekn"],
    );
    assert_eq!(code, 1);
    assert!(err.contains("företaget har inte samtyckt"), "{err}");
    // A usage error from the argument parser.
    let (code, _, err) = run(
        None,
        dir.path(),
        &["--lang", "sv", "report", "--to", "2026-11-31"],
    );
    assert_eq!(code, 2);
    assert!(
        err.starts_with("fel: ogiltigt värde '2026-11-31' för '--to")
            && err.contains("ingen dag i kalendern"),
        "{err}"
    );
    let (code, _, err) = run(None, dir.path(), &["--lang", "sv", "reprot"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("okänt kommando 'reprot'") && err.contains("report"),
        "{err}"
    );
    // Messages on success.
    let out = dir.path().join("remiss.md");
    let (code, _, err) = run(
        None,
        dir.path(),
        &[
            "--lang",
            "sv",
            "export",
            "--session",
            &id,
            "--company",
            "--out",
        ],
    );
    assert_eq!(code, 2, "--out needs a value: {err}");
    let (code, _, err) = run(
        None,
        dir.path(),
        &[
            "--lang",
            "sv",
            "export",
            "--session",
            &id,
            "--company",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert!(err.starts_with("skrev "), "{err}");
    let (code, _, err) = run(
        None,
        dir.path(),
        &[
            "--lang",
            "sv",
            "export",
            "--session",
            &id,
            "--company",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert_eq!(code, 1);
    assert!(err.contains("finns redan; använd --force"), "{err}");
}

#[test]
fn check_in_swedish() {
    let dir = tempfile::tempdir().unwrap();
    let (code, out, err) = run(
        None,
        dir.path(),
        &["--lang", "sv", "check", "questionnaires/exportbehov.toml"],
    );
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains(": ok — ") && out.contains(" avsnitt, ") && out.contains(" frågor, "),
        "{out}"
    );
    let (code, out, _) = run(
        None,
        dir.path(),
        &[
            "--lang",
            "sv",
            "check",
            "--explain",
            "questionnaires/exportbehov.toml",
        ],
    );
    assert_eq!(code, 0);
    assert!(
        out.contains("aktör") && out.contains("tröskel") && out.contains("Villkor:"),
        "{out}"
    );
    let (_, out, _) = run(
        Some("C"),
        dir.path(),
        &["check", "questionnaires/exportbehov.toml"],
    );
    assert!(out.contains(" sections, "), "{out}");
}

#[test]
fn check_errors_in_swedish() {
    let dir = tempfile::tempdir().unwrap();
    let bad = "tests/fixtures/invalid/band-overlap.toml";
    let (code, out, err) = run(None, dir.path(), &["--lang", "sv", "check", bad]);
    assert_eq!(code, 1, "{out}");
    assert!(
        err.contains("band-overlap.toml:42:1: fel[band-overlap]: det här intervallet"),
        "{err}"
    );
    assert!(err.contains("frågeformuläret lästes inte in"), "{err}");
    // The locale alone is enough; codes and positions do not change.
    let (code, _, sv) = run(Some("sv_SE.UTF-8"), dir.path(), &["check", bad]);
    assert_eq!(code, 1);
    assert_eq!(sv, err);
    let (_, _, en) = run(Some("en_GB.UTF-8"), dir.path(), &["check", bad]);
    assert!(
        en.contains("band-overlap.toml:42:1: error[band-overlap]: "),
        "{en}"
    );
    // The same file given to another command: the error chain in Swedish too.
    let (code, _, err) = run(
        None,
        dir.path(),
        &["--lang", "sv", "--questionnaire", bad, "catalogue"],
    );
    assert_eq!(code, 1);
    assert!(err.contains("fel[band-overlap]"), "{err}");
}

/// `sessions delete` asks on a terminal (here a pseudo-terminal from
/// util-linux `script`), in Swedish under `--lang sv`, and takes "ja".
#[test]
fn the_delete_prompt_in_swedish_on_a_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let id = import(dir.path());
    let exe = assert_cmd::cargo::cargo_bin("behovsanalys");
    let ask = |answer: &str| {
        let mut child = std::process::Command::new("script")
            .args(["-qec"])
            .arg(format!("{} --lang sv sessions delete {id}", exe.display()))
            .arg("/dev/null")
            .env("BEHOVSANALYS_DATA_DIR", dir.path())
            .env("LANG", "C")
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .expect("util-linux `script` runs the command on a pseudo-terminal");
        use std::io::Write as _;
        child
            .stdin
            .take()
            .unwrap()
            .write_all(answer.as_bytes())
            .unwrap();
        let out = child.wait_with_output().unwrap();
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
        )
    };
    let (code, screen) = ask("nej\n");
    assert_eq!(code, Some(1), "{screen}");
    assert!(
        screen.contains(&format!(
            "Radera session {id} (Hallbergs Maskinteknik AB) för gott"
        )) && screen.contains("Skriv ja för att bekräfta:")
            && screen.contains("inget raderades"),
        "{screen}"
    );
    assert!(
        dir.path()
            .join("sessions")
            .join(format!("{id}.toml"))
            .exists()
    );
    let (code, screen) = ask("ja\n");
    assert_eq!(code, Some(0), "{screen}");
    assert!(
        screen.contains(&format!("raderade session {id}")),
        "{screen}"
    );
    assert!(
        !dir.path()
            .join("sessions")
            .join(format!("{id}.toml"))
            .exists()
    );
}

/// `diff` tells an author what a new version changes in the program's
/// language; its JSON stays the same in either.
#[test]
fn diff_in_swedish() {
    let dir = tempfile::tempdir().unwrap();
    let old = "tests/fixtures/authoring/diff/old.toml";
    let new = "tests/fixtures/authoring/diff/new.toml";
    let (code, out, err) = run(None, dir.path(), &["--lang", "sv", "diff", old, new]);
    assert_eq!(code, 0, "{err}");
    for s in [
        "Sparade svar som inte längre passar (behålls, räknas inte):",
        "frågan `omsattning` är borttagen",
        "Poäng och rekommendationer för sparade sessioner ändras:",
        "tröskeln för `almi` har ändrats: 50 → 60",
        "Övriga ändringar:",
        "frågan `lan` heter nu `lanebehov`",
        "poängen för `lanebehov` alternativet `ja` har ändrats",
    ] {
        assert!(out.contains(s), "missing {s:?} in:\n{out}");
    }
    for s in ["Saved answers", "removed", "changed"] {
        assert!(!out.contains(s), "English {s:?} in:\n{out}");
    }
    let (_, out, _) = run(None, dir.path(), &["--lang", "sv", "diff", new, new]);
    assert!(
        out.contains("inga ändringar som påverkar sparade sessioner"),
        "{out}"
    );
    let json = |lang: &str| {
        run(
            None,
            dir.path(),
            &["--lang", lang, "diff", old, new, "--format", "json"],
        )
        .1
    };
    assert_eq!(json("sv"), json("en"));
}
