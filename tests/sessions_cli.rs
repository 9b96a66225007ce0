//! `behovsanalys sessions list|show|delete|new` and `behovsanalys import`
//! through the binary, with their error paths.

use std::fs;
use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;

struct Env {
    dir: tempfile::TempDir,
}

impl Env {
    fn new() -> Env {
        Env {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    fn data(&self) -> &Path {
        self.dir.path()
    }

    fn sessions(&self) -> std::path::PathBuf {
        self.data().join("sessions")
    }

    /// The binary with this data directory (through the environment, as a
    /// user would set it; `--data-dir` is tested separately).
    fn cmd(&self) -> Command {
        let mut c = Command::cargo_bin("behovsanalys").unwrap();
        // The program's words in English whatever the machine's locale.
        c.env("BEHOVSANALYS_DATA_DIR", self.data())
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env("LANG", "C");
        c
    }

    fn run(&self, args: &[&str]) -> (i32, String, String) {
        let out = self.cmd().args(args).output().unwrap();
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    }

    fn import(&self, file: &str) -> String {
        let (code, out, err) = self.run(&["import", file]);
        assert_eq!(code, 0, "{err}");
        out.trim().to_string()
    }
}

const MASKIN: &str = "tests/fixtures/profiles/maskin_tyskland.toml";

#[test]
fn import_list_show_delete_as_a_user_would() {
    let env = Env::new();
    let id = env.import(MASKIN);
    assert!(env.sessions().join(format!("{id}.toml")).exists());

    let (code, out, _) = env.run(&["sessions", "list"]);
    assert_eq!(code, 0);
    assert!(out.contains(&id), "{out}");
    assert!(out.contains("Hallbergs Maskinteknik AB"), "{out}");
    assert!(out.contains("Värnamo"), "{out}");
    assert!(out.contains("72/72"), "{out}");
    assert!(out.contains("2026.2"), "{out}");
    assert!(out.contains("(imported)"), "{out}");

    let (code, out, err) = env.run(&["sessions", "show", &id]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("Company: Hallbergs Maskinteknik AB (556093-5180)"),
        "{out}"
    );
    assert!(out.contains("imported from maskin_tyskland.toml"), "{out}");
    assert!(
        out.contains(
            "Säljer företaget till kunder utomlands i dag?: Ja, regelbundet  [company's own answer]"
        ),
        "{out}"
    );
    assert!(out.contains("EEN"), "referrals shown: {out}");

    let (code, out, err) = env.run(&["sessions", "delete", &id, "--yes"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains(&format!("deleted session {id}")), "{out}");
    assert!(!env.sessions().join(format!("{id}.toml")).exists());
    let (_, out, _) = env.run(&["sessions", "list"]);
    assert!(out.starts_with("no sessions in "), "{out}");
}

#[test]
fn data_dir_flag_works_before_and_after_the_command() {
    let env = Env::new();
    let other = tempfile::tempdir().unwrap();
    let out = Command::cargo_bin("behovsanalys")
        .unwrap()
        .arg("--data-dir")
        .arg(other.path())
        .args(["import", MASKIN])
        .output()
        .unwrap();
    assert!(out.status.success());
    let id = String::from_utf8_lossy(&out.stdout).trim().to_string();
    let out = Command::cargo_bin("behovsanalys")
        .unwrap()
        .args(["sessions", "list", "--format", "json", "--data-dir"])
        .arg(other.path())
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["sessions"][0]["id"], id.as_str());
    // The environment's directory was not used.
    assert!(fs::read_dir(env.sessions()).is_err());
}

#[test]
fn list_json_reports_sessions_quarantine_and_problems() {
    let env = Env::new();
    let id = env.import(MASKIN);
    fs::write(env.sessions().join("trasig.toml"), "questionnaire = [").unwrap();
    fs::write(
        env.sessions().join("annan.toml"),
        "questionnaire = \"annan\"\n[answers]\n",
    )
    .unwrap();
    fs::write(env.sessions().join("inte ett id.toml"), "").unwrap();
    let (code, out, err) = env.run(&["sessions", "list", "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    let s = &v["sessions"][0];
    assert_eq!(s["id"], id.as_str());
    assert_eq!(s["company"], "Hallbergs Maskinteknik AB");
    assert_eq!(s["municipality"], "Värnamo");
    assert_eq!(s["questionnaire"]["version"], "2026.2");
    assert_eq!(s["progress"]["answered"], 72);
    assert_eq!(s["origin"], "self-assessment");
    assert_eq!(v["quarantined"][0]["file"], "trasig.toml");
    assert_eq!(v["quarantined"][0]["new"], true);
    assert!(
        v["quarantined"][0]["reason"]
            .as_str()
            .unwrap()
            .contains("trasig.toml:1:"),
        "{v}"
    );
    assert_eq!(v["problems"][0]["file"], "annan.toml");
    assert_eq!(v["ignored"][0], "inte ett id.toml");
    assert!(env.data().join("quarantine/trasig.toml").exists());
    assert!(env.sessions().join("annan.toml").exists());
}

/// A session of another questionnaire (e.g. sent from a regional web
/// form) is named in the user's language, with how to open it.
#[test]
fn a_session_of_another_questionnaire_is_explained_in_the_users_language() {
    let env = Env::new();
    fs::create_dir_all(env.sessions()).unwrap();
    fs::write(
        env.sessions().join("web-20261202-8799HZ0Y.toml"),
        "questionnaire = \"exportbehov_smaland\"\nversion = \"2026.2-smaland.1\"\n[answers]\n",
    )
    .unwrap();
    let out = env
        .cmd()
        .env("LANG", "sv_SE.UTF-8")
        .args(["sessions", "list"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("kan inte läsas just nu"), "{text}");
    // Not "no sessions" above a session it cannot read.
    assert!(
        text.contains("inga sessioner som kan läsas just nu"),
        "{text}"
    );
    assert!(
        text.contains("svaren hör till frågeformuläret `exportbehov_smaland`"),
        "{text}"
    );
    assert!(!text.contains("these answers belong"), "{text}");
    assert!(text.contains("--questionnaire"), "{text}");
    let (_, text, _) = env.run(&["sessions", "list"]);
    assert!(
        text.contains("these answers belong to questionnaire `exportbehov_smaland`")
            && text.contains("--questionnaire FILE"),
        "{text}"
    );
}

#[test]
fn list_survives_any_file() {
    let env = Env::new();
    env.import(MASKIN);
    let s = env.sessions();
    fs::write(s.join("empty.toml"), "").unwrap();
    fs::write(s.join("bin.toml"), [0xffu8, 0xfe, 0, 7, 0x1b]).unwrap();
    fs::write(
        s.join("nul.toml"),
        "questionnaire = \"exportbehov\"\0\n[answers]\n",
    )
    .unwrap();
    fs::write(
        s.join("esc.toml"),
        "questionnaire = \"exportbehov\"\n[company]\nname = \"\\u001b[31mRöd\"\n[answers]\n",
    )
    .unwrap();
    fs::create_dir(s.join("folder.toml")).unwrap();
    fs::write(s.join(".hidden.toml.1.2.tmp"), "half").unwrap();
    let (code, out, err) = env.run(&["sessions", "list"]);
    assert_eq!(code, 0, "{err}");
    assert!(!out.contains('\x1b'), "escape sequences sanitised: {out:?}");
    assert!(out.contains("\u{FFFD}[31mRöd"), "{out}");
    assert!(out.contains("file(s) in quarantine"), "{out}");
    for f in ["empty.toml", "bin.toml", "nul.toml"] {
        assert!(out.contains(f), "{f}: {out}");
    }
    assert!(out.contains("folder.toml"), "a folder is reported: {out}");
    assert!(
        !out.contains(".hidden"),
        "temp files are not sessions: {out}"
    );
}

#[test]
fn unknown_and_bad_ids_are_errors() {
    let env = Env::new();
    for args in [
        &["sessions", "show", "finns-inte"][..],
        &["sessions", "delete", "finns-inte", "--yes"],
        &["sessions", "new", "--from", "finns-inte"],
    ] {
        let (code, _, err) = env.run(args);
        assert_eq!(code, 1, "{args:?}");
        assert!(err.contains("there is no session `finns-inte`"), "{err}");
    }
    for bad in ["../x", "a/b", ".x"] {
        for args in [
            &["sessions", "show", bad][..],
            &["sessions", "delete", bad, "--yes"],
            &["sessions", "new", "--from", bad],
        ] {
            let (code, _, err) = env.run(args);
            assert_eq!(code, 1, "{args:?}");
            assert!(err.contains("is not a session id"), "{err}");
        }
    }
    let (code, _, _) = env.run(&["sessions"]);
    assert_eq!(code, 2, "missing subcommand is a usage error");
}

#[test]
fn delete_without_a_terminal_refuses_unless_yes() {
    let env = Env::new();
    let id = env.import(MASKIN);
    let (code, _, err) = env.run(&["sessions", "delete", &id]);
    assert_eq!(code, 1);
    assert!(err.contains("without confirmation"), "{err}");
    assert!(err.contains("--yes"), "{err}");
    assert!(env.sessions().join(format!("{id}.toml")).exists());
}

#[test]
fn import_errors_name_file_line_and_column_and_never_overwrite() {
    let env = Env::new();
    let bad = env.data().join("bad.toml");
    fs::write(
        &bad,
        "questionnaire = \"exportbehov\"\n[answers]\nexporterar = \"kanske\"\nokand = 1\n",
    )
    .unwrap();
    let (code, out, err) = env.run(&["import", bad.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(out.is_empty());
    assert!(
        err.contains("bad.toml:3:14: error[unknown-option]"),
        "{err}"
    );
    assert!(
        err.contains("bad.toml:4:1: error[unknown-question]"),
        "{err}"
    );
    let (code, _, err) = env.run(&["import", "finns/inte.toml"]);
    assert_eq!(code, 1);
    assert!(err.contains("finns/inte.toml"), "{err}");

    // A self-assessment with a session id: the second import is refused.
    let first = env.import(MASKIN);
    let exported = fs::read_to_string(env.sessions().join(format!("{first}.toml"))).unwrap();
    let sent = env.data().join("sent.toml");
    fs::write(&sent, &exported).unwrap();
    let (code, _, err) = env.run(&["import", sent.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(
        err.contains(&format!(
            "this self-assessment was already imported as session `{first}`"
        )),
        "{err}"
    );
    assert!(err.contains("--as-new"), "{err}");
    let (code, out, err) = env.run(&["import", sent.to_str().unwrap(), "--as-new"]);
    assert_eq!(code, 0, "{err}");
    assert_ne!(out.trim(), first);
}

#[test]
fn follow_up_from_the_command_line_shows_changes_since_last_visit() {
    let env = Env::new();
    let first = env.import(MASKIN);
    let (code, out, err) = env.run(&["sessions", "new", "--from", &first]);
    assert_eq!(code, 0, "{err}");
    let next = out.trim().to_string();
    assert!(err.contains("Hallbergs Maskinteknik AB"), "{err}");
    // Answer a little by hand, as a file-sync tool or an editor might.
    let path = env.sessions().join(format!("{next}.toml"));
    let text = fs::read_to_string(&path)
        .unwrap()
        .replace("[answers]\n", "[answers]\neu_finansiering = \"nej\"\n");
    fs::write(&path, text).unwrap();
    let (code, out, err) = env.run(&["sessions", "show", &next]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Company: Hallbergs Maskinteknik AB"), "{out}");
    assert!(
        out.contains(&format!("Since the previous visit ({first}")),
        "{out}"
    );
    assert!(
        out.contains("Recommended then: Enterprise Europe Network (EEN)"),
        "{out}"
    );
    assert!(out.contains("Answers changed: 72"), "{out}");
}

#[test]
fn show_reports_drift_and_private_notes() {
    let env = Env::new();
    fs::create_dir_all(env.sessions()).unwrap();
    fs::write(
        env.sessions().join("gammal.toml"),
        "questionnaire = \"drift\"\nversion = \"1\"\n[answers]\nbetalning = \"remburs\"\nata_karnet = \"ja\"\n\
         [private_notes]\nbetalning = \"egen anteckning\"\n",
    )
    .unwrap();
    let (code, out, err) = env.run(&[
        "--questionnaire",
        "tests/fixtures/sessions/q_v2.toml",
        "sessions",
        "show",
        "gammal",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("Questionnaire changes since this session was saved:"),
        "{out}"
    );
    assert!(
        out.contains("answered with questionnaire version 1; the version in use is 2"),
        "{out}"
    );
    assert!(
        out.contains("`ata_karnet` was carried over to the renamed question `ata_carnet`"),
        "{out}"
    );
    assert!(
        out.contains("orphaned answer `betalning` = \"remburs\""),
        "{out}"
    );
    assert!(out.contains("private note: egen anteckning"), "{out}");
    // `show` only reads: the file is unchanged.
    assert!(
        fs::read_to_string(env.sessions().join("gammal.toml"))
            .unwrap()
            .contains("ata_karnet")
    );
}
