//! `behovsanalys export`: golden files per format, consent, private notes,
//! injection, file safety, and a real headless browser on the HTML.

#[path = "support/chromium.rs"]
mod chromium;
#[path = "support/cli.rs"]
mod cli;
use cli::bin;

const REFERRAL: &str = "tests/fixtures/export/referral.toml";
const INJECTION: &str = "tests/fixtures/export/injection.toml";
const FORMATS: [&str; 4] = ["md", "html", "json", "csv"];

fn export(args: &[&str]) -> (bool, String, String) {
    let out = bin().arg("export").args(args).output().unwrap();
    (
        out.status.success(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn ok(args: &[&str]) -> String {
    let (success, stdout, stderr) = export(args);
    assert!(success, "export {args:?} failed: {stderr}");
    stdout
}

#[test]
fn referral_golden_files() {
    for f in FORMATS {
        let out = ok(&[
            "--answers",
            REFERRAL,
            "--actor",
            "een",
            "--format",
            f,
            "--date",
            "2026-11-25",
        ]);
        insta::assert_snapshot!(format!("referral_een_{f}"), out);
    }
}

#[test]
fn referral_in_english() {
    let out = ok(&[
        "--answers",
        REFERRAL,
        "--actor",
        "een",
        "--format",
        "md",
        "--date",
        "2026-11-25",
        "--lang",
        "en",
        "--follow-up",
        "2026-12-01",
    ]);
    insta::assert_snapshot!("referral_een_md_en", out);
}

#[test]
fn company_summary_golden_files() {
    for f in FORMATS {
        let out = ok(&[
            "--answers",
            REFERRAL,
            "--company",
            "--format",
            f,
            "--date",
            "2026-11-25",
        ]);
        insta::assert_snapshot!(format!("company_{f}"), out);
    }
}

#[test]
fn json_has_the_documented_fields() {
    let out = ok(&[
        "--answers",
        REFERRAL,
        "--actor",
        "een",
        "--format",
        "json",
        "--date",
        "2026-11-25",
    ]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["kind"], "referral");
    assert_eq!(v["id"], "20261125-101500-ab12-een");
    assert_eq!(v["date"], "2026-11-25");
    assert_eq!(v["follow_up"], "2026-12-09");
    assert_eq!(v["from"]["name"], "Anna Berg");
    assert_eq!(v["to"]["id"], "een");
    assert_eq!(v["company"]["industry"]["section"], "C");
    assert_eq!(v["company"]["size_class"], "50-249");
    assert_eq!(v["consent"]["at"], "2026-11-25T10:42:00Z");
    assert_eq!(v["consent"]["recorded_by"], "Anna Berg");
    assert!(!v["needs"].as_array().unwrap().is_empty());
    assert!(v["needs"][0]["answers"][0]["question_text"].is_string());
    assert!(!v["services"].as_array().unwrap().is_empty());
    assert!(!v["already_tried"].as_array().unwrap().is_empty());
}

#[test]
fn refuses_without_consent() {
    let (success, stdout, stderr) =
        export(&["--answers", REFERRAL, "--actor", "ekn", "--format", "html"]);
    assert!(!success);
    assert!(stdout.is_empty());
    assert!(stderr.contains("has not consented"), "{stderr}");
    assert!(stderr.contains("EKN"), "{stderr}");
    let out = bin()
        .args(["export", "--answers", REFERRAL, "--actor", "ekn"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn unknown_actor_and_bad_date_are_errors() {
    let (success, _, stderr) = export(&["--answers", REFERRAL, "--actor", "nasa"]);
    assert!(!success);
    assert!(stderr.contains("no actor `nasa`"), "{stderr}");
    let (success, _, stderr) = export(&[
        "--answers",
        REFERRAL,
        "--actor",
        "een",
        "--date",
        "2026-02-31",
    ]);
    assert!(!success);
    assert!(stderr.contains("2026-02-31"), "{stderr}");
}

#[test]
fn private_notes_never_appear() {
    for who in [&["--actor", "een"][..], &["--company"][..]] {
        for f in FORMATS {
            for file in [REFERRAL, INJECTION] {
                let mut args = vec!["--answers", file, "--format", f];
                args.extend_from_slice(who);
                let out = ok(&args);
                assert!(!out.contains("PRIVAT-ANTECKNING"), "{file} {who:?} {f}");
                assert!(!out.contains("VD verkar"), "{file} {who:?} {f}");
            }
        }
    }
}

#[test]
fn injection_is_neutralised_in_every_format() {
    for actor in ["een", "ekn"] {
        for f in FORMATS {
            let out = ok(&[
                "--answers",
                INJECTION,
                "--actor",
                actor,
                "--format",
                f,
                "--date",
                "2026-11-25",
            ]);
            assert!(!out.contains('\u{1b}'), "ESC in {actor} {f}");
            assert!(!out.contains('\u{7}'), "BEL in {actor} {f}");
            assert!(!out.contains('\u{202e}'), "bidi override in {actor} {f}");
            match f {
                "html" => {
                    assert!(!out.contains("<script"), "{actor} html");
                    assert!(!out.contains("<img"), "{actor} html");
                    assert!(!out.contains("<b>"), "{actor} html");
                    assert!(out.contains("&lt;script&gt;"), "{actor} html");
                }
                "md" => {
                    // Every `<` is backslash-escaped, so no raw HTML remains.
                    let raw = out.replace("\\<", "");
                    assert!(!raw.contains('<'), "{actor} md: {out}");
                    assert!(out.contains("\\<script\\>"), "{actor} md");
                }
                "csv" => {
                    for cell in csv_cells(&out) {
                        assert!(
                            !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                            "{actor}: formula cell {cell:?}"
                        );
                    }
                    assert!(out.contains("'=cmd|"), "{out}");
                }
                _ => {
                    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
                    assert!(v["company"]["name"].as_str().unwrap().contains("<script>"));
                }
            }
        }
    }
    // The EEN referral carries the note with =HYPERLINK; its CSV cell is inert.
    let csv = ok(&["--answers", INJECTION, "--actor", "een", "--format", "csv"]);
    assert!(csv.contains("\"'=HYPERLINK("), "{csv}");
}

/// Splits RFC 4180 CSV into unquoted cell values.
fn csv_cells(s: &str) -> Vec<String> {
    let mut cells = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                chars.next();
                cur.push('"');
            }
            ('"', true) => quoted = false,
            ('"', false) if cur.is_empty() => quoted = true,
            (',', false) | ('\n', false) => cells.push(std::mem::take(&mut cur)),
            ('\r', false) if chars.peek() == Some(&'\n') => {}
            (c, _) => cur.push(c),
        }
    }
    cells.push(cur);
    cells
}

#[test]
fn csv_is_rfc4180() {
    let out = ok(&["--answers", REFERRAL, "--actor", "een", "--format", "csv"]);
    assert!(out.starts_with("section,key,label,value,detail\r\n"));
    assert!(out.ends_with("\r\n"));
    // Every record has five cells.
    let cells = csv_cells(&out);
    assert_eq!((cells.len() - 1) % 5, 0, "{out}");
}

#[test]
fn out_dir_names_cannot_escape_and_out_is_not_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let inner = dir.path().join("ut");
    std::fs::create_dir(&inner).unwrap();
    let d = inner.to_str().unwrap();
    ok(&[
        "--answers",
        INJECTION,
        "--actor",
        "ekn",
        "--format",
        "html",
        "--out-dir",
        d,
    ]);
    let names: Vec<String> = std::fs::read_dir(&inner)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert_eq!(names.len(), 1, "{names:?}");
    assert!(names[0].ends_with("_ekn.html"), "{names:?}");
    assert!(!names[0].contains(".."));
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    // Second time: refuses without --force.
    let (success, _, stderr) = export(&[
        "--answers",
        INJECTION,
        "--actor",
        "ekn",
        "--format",
        "html",
        "--out-dir",
        d,
    ]);
    assert!(!success);
    assert!(stderr.contains("--force"), "{stderr}");

    let out = dir.path().join("remiss.md");
    let o = out.to_str().unwrap();
    ok(&["--answers", REFERRAL, "--actor", "een", "--out", o]);
    std::fs::write(&out, "keep").unwrap();
    let (success, _, stderr) = export(&["--answers", REFERRAL, "--actor", "een", "--out", o]);
    assert!(!success);
    assert!(stderr.contains("already exists"), "{stderr}");
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "keep");
    ok(&[
        "--answers",
        REFERRAL,
        "--actor",
        "een",
        "--out",
        o,
        "--force",
    ]);
    assert!(
        std::fs::read_to_string(&out)
            .unwrap()
            .starts_with("# Remiss till Enterprise Europe Network (EEN)")
    );
}

#[test]
fn session_instead_of_answers() {
    let dir = tempfile::tempdir().unwrap();
    let sessions = dir.path().join("sessions");
    std::fs::create_dir_all(&sessions).unwrap();
    std::fs::copy(REFERRAL, sessions.join("20261125-101500-ab12.toml")).unwrap();
    let out = bin()
        .args([
            "export",
            "--session",
            "20261125-101500-ab12",
            "--actor",
            "een",
            "--format",
            "json",
        ])
        .arg("--data-dir")
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["session"], "20261125-101500-ab12");
    assert_eq!(v["id"], "20261125-101500-ab12-een");
}

#[test]
fn html_renders_in_a_real_browser_on_one_or_two_a4_pages() {
    let Some(browser) = chromium::find() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    for (name, args) in [
        ("referral.html", vec!["--actor", "een"]),
        ("company.html", vec!["--company"]),
        ("injection.html", vec!["--actor", "ekn"]),
    ] {
        let file = if name == "injection.html" {
            INJECTION
        } else {
            REFERRAL
        };
        let path = dir.path().join(name);
        let mut a = vec![
            "--answers",
            file,
            "--format",
            "html",
            "--date",
            "2026-11-25",
            "--out",
        ];
        a.push(path.to_str().unwrap());
        a.extend(args);
        ok(&a);
        let url = format!("file://{}", path.display());
        let dom = chromium::run(&browser, &dir.path().join("profile"), &["--dump-dom"], &url);
        let stdout = String::from_utf8_lossy(&dom.stdout);
        let stderr = String::from_utf8_lossy(&dom.stderr);
        assert!(stdout.contains("</main>"), "{name}: no DOM: {stderr}");
        assert!(
            !stderr.contains("CONSOLE"),
            "{name}: console messages: {stderr}"
        );
        assert!(!stdout.contains("<script"), "{name}");
        let pdf = dir.path().join(format!("{name}.pdf"));
        let print = format!("--print-to-pdf={}", pdf.display());
        chromium::run(
            &browser,
            &dir.path().join("profile"),
            &[&print, "--no-pdf-header-footer"],
            &url,
        );
        let bytes = std::fs::read(&pdf).expect("chromium wrote no PDF");
        let pages = chromium::pdf_pages(&bytes);
        assert!((1..=2).contains(&pages), "{name}: {pages} pages");
    }
}

#[test]
fn json_answers_are_option_ids_or_numbers_and_csv_numbers_are_plain() {
    let out = ok(&[
        "--answers",
        REFERRAL,
        "--company",
        "--format",
        "json",
        "--date",
        "2026-11-25",
    ]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let mut numbers = 0;
    for need in v["needs"].as_array().unwrap() {
        for t in need["answers"].as_array().unwrap() {
            let a = &t["answer"];
            assert!(a.is_string() || a.is_number(), "{t}");
            if a.is_number() {
                numbers += 1;
                // The label is the number as shown (with its unit or scale).
                let shown = a.to_string();
                assert!(
                    t["answer_label"].as_str().unwrap().starts_with(&shown),
                    "{t}"
                );
            }
        }
    }
    assert!(numbers > 0, "the fixture has scale answers: {out}");
    let csv = ok(&[
        "--answers",
        REFERRAL,
        "--company",
        "--format",
        "csv",
        "--date",
        "2026-11-25",
    ]);
    for line in csv
        .split("\r\n")
        .filter(|l| l.starts_with("need,") || l.starts_with("actor,"))
    {
        let cells = csv_cells(line);
        assert!(
            cells[3].is_empty() || cells[3].parse::<f64>().is_ok(),
            "{line}"
        );
    }
}
