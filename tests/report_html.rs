//! `report --format html`: a one-page overview a steering group reads
//! (key figures; companies by municipality and industry; needs; referrals
//! and their 24-hour share; follow-ups) with accessible inline SVG charts,
//! printed on one A4 page by a real browser; the tables follow on the next
//! pages.

use std::path::Path;

use assert_cmd::Command;
use behovsanalys::questionnaire::builtin;

#[path = "support/chromium.rs"]
mod chromium;
mod report_support;

fn html_of(data: &Path, lang: &str) -> String {
    let out = Command::cargo_bin("behovsanalys")
        .unwrap()
        .env_remove("BEHOVSANALYS_DATE")
        .env_remove("BEHOVSANALYS_DATA_DIR")
        .args([
            "report",
            "--format",
            "html",
            "--date",
            "2026-12-31",
            "--lang",
            lang,
        ])
        .arg("--data-dir")
        .arg(data)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn population() -> tempfile::TempDir {
    let q = builtin().unwrap().questionnaire;
    let dir = tempfile::tempdir().unwrap();
    report_support::write(&q, dir.path(), &report_support::population(&q, 220, 5));
    dir
}

/// The overview alone: the page up to its end marker, closed.
fn overview(html: &str) -> String {
    let end = html
        .find("<!-- end of overview -->")
        .expect("the overview's end");
    format!("{}</main>\n</body>\n</html>\n", &html[..end])
}

#[test]
fn the_overview_has_accessible_charts_and_no_colour_only_meaning() {
    let data = population();
    let html = html_of(data.path(), "sv");
    let page = overview(&html);
    assert!(!html.contains("<script"));
    assert!(
        !html.contains("http://")
            || !html
                .replace("http://www.w3.org/2000/svg", "")
                .contains("http://")
    );
    assert!(!html.contains("https://"));
    let charts = page.matches("<svg").count();
    assert!(
        charts >= 5,
        "companies by municipality and industry, needs, follow-up, referrals: {charts}"
    );
    assert_eq!(page.matches("role=\"img\"").count(), charts);
    assert_eq!(page.matches("<title id=").count(), charts);
    assert_eq!(page.matches("<desc id=").count(), charts);
    // Every bar has its value in text beside it.
    let bars = page.matches("class=\"bar\"").count();
    assert!(bars > 10);
    for title in [
        "Företag per kommun",
        "Företag per bransch (SNI-avdelning)",
        "Behov per område",
        "Remisser per aktör",
        "Uppföljningsbesök: hur behoven förändrades",
        "Kontaktade inom 24 h",
        "Företag som nåtts",
    ] {
        assert!(page.contains(title), "{title}");
    }
    assert!(
        page.contains("inom 24 h"),
        "the 24-hour share beside each actor's bar"
    );
    assert!(page.contains("kalendertimmar"));
    // Swedish numbers in the page.
    assert!(page.contains("\u{a0}%"));
    let en = html_of(data.path(), "en");
    assert!(overview(&en).contains("Companies reached") && en.contains("within 24 h"));
}

fn pdf_pages(browser: &Path, dir: &Path, name: &str, html: &str) -> usize {
    let file = dir.join(format!("{name}.html"));
    std::fs::write(&file, html).unwrap();
    let pdf = dir.join(format!("{name}.pdf"));
    let out = chromium::run(
        browser,
        &dir.join("profile"),
        &[
            &format!("--print-to-pdf={}", pdf.display()),
            "--no-pdf-header-footer",
        ],
        &format!("file://{}", file.display()),
    );
    let bytes = std::fs::read(&pdf).unwrap_or_else(|_| {
        panic!(
            "chromium wrote no PDF: {}",
            String::from_utf8_lossy(&out.stderr)
        )
    });
    chromium::pdf_pages(&bytes)
}

#[test]
fn the_overview_prints_on_one_a4_page() {
    let Some(browser) = chromium::find() else {
        return;
    };
    let data = population();
    let tmp = tempfile::tempdir().unwrap();
    for lang in ["sv", "en"] {
        let html = html_of(data.path(), lang);
        let one = pdf_pages(
            &browser,
            tmp.path(),
            &format!("overview-{lang}"),
            &overview(&html),
        );
        assert_eq!(one, 1, "{lang}: the overview takes {one} pages");
        let all = pdf_pages(&browser, tmp.path(), &format!("report-{lang}"), &html);
        eprintln!("{lang}: the whole report prints on {all} A4 pages");
        assert!((2..=8).contains(&all), "{lang}: {all} pages");
    }
}

/// Writes the population of these tests for a look by hand:
/// `BEHOVSANALYS_GEN_DIR=/tmp/d cargo test --test report_html generate -- --ignored`
/// then `behovsanalys report --data-dir /tmp/d --format html --out r.html`.
#[test]
#[ignore]
fn generate() {
    let q = builtin().unwrap().questionnaire;
    let dir = std::env::var("BEHOVSANALYS_GEN_DIR").expect("set BEHOVSANALYS_GEN_DIR");
    report_support::write(&q, Path::new(&dir), &report_support::population(&q, 220, 5));
}
