//! Golden tests (insta) for `catalogue`, `preview` and `diff`, run through
//! the binary, plus HTML escaping of untrusted texts.

#[path = "support/cli.rs"]
mod cli;

/// Runs the binary in English whatever the locale (`diff` speaks the
/// program's language).
fn run(args: &[&str]) -> String {
    let out = cli::bin().args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

const SERVICES: &str = "tests/fixtures/authoring/services.toml";
const OLD: &str = "tests/fixtures/authoring/diff/old.toml";
const NEW: &str = "tests/fixtures/authoring/diff/new.toml";

#[test]
fn catalogue_builtin_markdown_en() {
    insta::assert_snapshot!(run(&["catalogue", "--lang", "en"]));
}

#[test]
fn catalogue_builtin_markdown_sv() {
    insta::assert_snapshot!(run(&["catalogue"]));
}

#[test]
fn catalogue_fixture_html() {
    insta::assert_snapshot!(run(&[
        "--questionnaire",
        SERVICES,
        "catalogue",
        "--format",
        "html",
        "--lang",
        "en"
    ]));
}

#[test]
fn catalogue_fixture_json() {
    insta::assert_snapshot!(run(&[
        "--questionnaire",
        SERVICES,
        "catalogue",
        "--format",
        "json",
        "--lang",
        "en"
    ]));
}

#[test]
fn preview_fixture_markdown() {
    insta::assert_snapshot!(run(&["preview", SERVICES, "--lang", "en"]));
}

#[test]
fn preview_diff_new_markdown_sv() {
    insta::assert_snapshot!(run(&["preview", NEW]));
}

#[test]
fn preview_builtin_renders_every_question() {
    let md = run(&["preview", "--lang", "en"]);
    let q = behovsanalys::questionnaire::builtin()
        .unwrap()
        .questionnaire;
    for question in &q.questions {
        assert!(
            md.contains(&question.id.replace('_', "\\_")),
            "{}",
            question.id
        );
    }
    let html = run(&["preview", "--format", "html"]);
    assert!(html.starts_with("<!DOCTYPE html>") && html.ends_with("</html>\n"));
}

#[test]
fn diff_text() {
    insta::assert_snapshot!(run(&["diff", OLD, NEW]));
}

#[test]
fn diff_json() {
    insta::assert_snapshot!(run(&["diff", OLD, NEW, "--format", "json"]));
}

#[test]
fn diff_of_a_file_with_itself_is_empty() {
    let out = run(&["diff", NEW, NEW]);
    assert!(out.contains("no changes"), "{out}");
}

#[test]
fn diff_is_a_pure_function_sessions_can_use() {
    use behovsanalys::authoring::{Change, diff};
    use behovsanalys::questionnaire::load_file;
    let old = load_file(std::path::Path::new(OLD)).unwrap().questionnaire;
    let new = load_file(std::path::Path::new(NEW)).unwrap().questionnaire;
    let d = diff(&old, &new);
    assert!(d.breaks_answers());
    assert!(d.changes.contains(&Change::QuestionRenamed {
        old: "lan".into(),
        new: "lanebehov".into()
    }));
    assert!(d.changes.contains(&Change::OptionRemoved {
        question: "lanebehov".into(),
        option: "nej".into()
    }));
    // A kind change.
    let changed = std::fs::read_to_string(NEW)
        .unwrap()
        .replace("kind = \"scale\"\ntext = \"Hur stor är valutarisken?\"\nmin = 1\nmax = 5\nneeds_high = { valuta = 4 }", "kind = \"text\"\ntext = \"Hur stor är valutarisken?\"");
    let changed = behovsanalys::questionnaire::load_str("x.toml", &changed)
        .unwrap()
        .questionnaire;
    let d = diff(&new, &changed);
    assert_eq!(
        d.changes,
        vec![Change::KindChanged {
            question: "valutarisk".into(),
            old: "scale".into(),
            new: "text".into()
        }]
    );
}

#[test]
fn html_escapes_every_text() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("x.toml");
    let evil = std::fs::read_to_string(SERVICES)
        .unwrap()
        .replace(
            "name = \"Almi\"",
            "name = \"<script>alert('a')</script> & Co\"",
        )
        .replace(
            "description = \"Samtal\"",
            "description = \"<img src=x onerror=alert(1)>\"",
        )
        .replace("text = \"Företaget\"", "text = \"x\"")
        .replace("title = \"Företaget\"", "title = \"<b>Företaget</b>\"");
    std::fs::write(&file, evil).unwrap();
    let path = file.to_str().unwrap();
    for args in [
        vec!["--questionnaire", path, "catalogue", "--format", "html"],
        vec!["preview", path, "--format", "html"],
    ] {
        let html = run(&args);
        assert!(!html.contains("<script>"), "{args:?}");
        assert!(!html.contains("<img"), "{args:?}");
        assert!(!html.contains("<b>"), "{args:?}");
        assert!(
            html.contains("&lt;script&gt;alert(&#39;a&#39;)&lt;/script&gt; &amp; Co"),
            "{args:?}"
        );
    }
    // Markdown output does not pass raw HTML through either.
    let md = run(&["--questionnaire", path, "catalogue"]);
    assert!(!md.contains("<script>") && !md.contains("<img"));
}
