//! The web self-assessment in a real Chromium, as a company would use it
//! with the keyboard only: start, the code, the company details with a
//! mistake corrected through the error summary, sections, leaving halfway
//! and coming back with the code, the referral requests, checking the
//! answers, sending, the receipt; then the advisor finds it in
//! `sessions list`. On every page: axe-core finds no violation, focus is
//! always visible, and at 320 CSS px (400 % zoom) nothing scrolls
//! sideways. One browser session for the whole walk (CI time).

#[path = "support/browser.rs"]
mod browser;
#[path = "support/web.rs"]
mod web;

use browser::{BACKSPACE, Browser, ENTER, SPACE, TAB};
use web::Server;

/// The checks every page gets: no axe violation, reflow at 320 px.
async fn check_page(b: &Browser, label: &str, seen: &mut Vec<String>) {
    // WEB_SCREENSHOTS=DIR keeps a picture of every page, for a person to look at.
    if let Ok(dir) = std::env::var("WEB_SCREENSHOTS") {
        let png = b.client.screenshot().await.expect("screenshot");
        let name: String = label
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
            .collect();
        std::fs::write(format!("{dir}/{:02}_{name}.png", seen.len()), png)
            .expect("write screenshot");
    }
    let violations = b.audit().await;
    assert!(
        violations.is_empty(),
        "axe on {label} ({}):\n{}",
        b.path().await,
        violations.join("\n")
    );
    b.client.set_window_size(320, 900).await.expect("resize");
    let width = b.js("return window.innerWidth;", vec![]).await;
    let sideways = b.scrolls_sideways().await;
    b.client.set_window_size(1024, 900).await.expect("resize");
    assert!(!sideways, "{label} scrolls sideways at {width} px");
    let lang = b.js("return document.documentElement.lang;", vec![]).await;
    assert!(lang == "sv" || lang == "en", "{label}: lang {lang}");
    seen.push(label.to_string());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_company_fills_in_the_checklist_by_keyboard_in_chromium() {
    let started = std::time::Instant::now();
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(dir.path(), &[], &["--rate-limit", "0"]);
    let Some(b) = Browser::start().await else {
        return;
    };
    let mut seen = Vec::new();

    // The start page (Swedish: the browser asks for it).
    b.client.goto(&server.url("/")).await.unwrap();
    assert!(b.client.title().await.unwrap().starts_with("Start"));
    check_page(&b, "start", &mut seen).await;
    // The skip link is the first stop and leads to the content.
    b.keys(&[TAB]).await;
    assert!(b.focused("a.skip-link").await, "{}", b.focus_desc().await);
    b.tab_to("button.start").await;
    assert_eq!(b.press_and_wait(ENTER).await, "/code");
    let code = b.text(".code").await;
    assert_eq!(code.len(), 28 + 6, "{code}");
    check_page(&b, "code", &mut seen).await;
    b.tab_to("main a.button").await;
    assert_eq!(b.press_and_wait(ENTER).await, "/company");
    check_page(&b, "company", &mut seen).await;

    // The company, with a wrong organisation number.
    for (field, text) in [
        ("#f-name", "Hallbergs Maskinteknik AB"),
        ("#f-org_number", "556036-0794"),
        ("#f-municipality", "Värnamo"),
        ("#f-contact_name", "Eva Hallberg"),
        ("#f-contact_phone", "070-123 45 67"),
        ("#f-contact_email", "eva@hallberg.se"),
    ] {
        b.tab_to(field).await;
        b.type_text(text).await;
    }
    b.tab_to("button[value=continue]").await;
    assert_eq!(b.press_and_wait(ENTER).await, "/company");
    let title = b.client.title().await.unwrap();
    assert!(title.starts_with("Fel: Om företaget"), "{title}");
    // Focus is on the error summary; its link leads to the field.
    assert!(
        b.focused(".error-summary").await,
        "{}",
        b.focus_desc().await
    );
    check_page(&b, "company with an error", &mut seen).await;
    assert!(
        b.text(".error-summary")
            .await
            .contains("Inte ett giltigt organisationsnummer")
    );
    b.keys(&[TAB]).await;
    assert!(
        b.focused(".error-summary a").await,
        "{}",
        b.focus_desc().await
    );
    b.keys(&[ENTER]).await;
    tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    assert!(b.focused("#f-org_number").await, "{}", b.focus_desc().await);
    b.keys(&[browser::END]).await;
    b.keys(&[BACKSPACE; 11]).await;
    b.type_text("556036-0793").await;
    b.tab_to("button[value=continue]").await;
    let mut at = b.press_and_wait(ENTER).await;
    assert!(at.starts_with("/section/"), "{at}");

    // Sections: the first answers the number of employees and whether
    // the company exports; after three, save and leave.
    let mut sections = 0;
    while at.starts_with("/section/") {
        sections += 1;
        check_page(&b, &at, &mut seen).await;
        let page = b.client.source().await.unwrap();
        for adv in [
            "ledningens_engagemang",
            "ekonomisk_bedomning",
            "riskbedomning",
        ] {
            assert!(
                !page.contains(&format!("q.{adv}")),
                "advisor-only {adv} on {at}"
            );
        }
        if page.contains("id=\"q-anstallda\"") {
            // A number out of range first: the error on the section page.
            b.tab_to("#q-anstallda").await;
            b.type_text("-3").await;
            b.tab_to("button[value=continue]").await;
            assert_eq!(b.press_and_wait(ENTER).await, at);
            assert!(
                b.focused(".error-summary").await,
                "{}",
                b.focus_desc().await
            );
            check_page(&b, "section with an error", &mut seen).await;
            assert!(
                b.text(".error-summary")
                    .await
                    .contains("Talet måste vara mellan 0 och 100000.")
            );
            b.keys(&[TAB, ENTER]).await;
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
            assert!(b.focused("#q-anstallda").await, "{}", b.focus_desc().await);
            b.keys(&[browser::END, BACKSPACE, BACKSPACE]).await;
            b.type_text("24").await;
        }
        if page.contains("id=\"q-exporterar-1\"") {
            // Into the radio group, down to the second option, chosen.
            b.tab_to("input[name='q.exporterar']").await;
            for _ in 0..6 {
                if b.focused("#q-exporterar-1").await {
                    break;
                }
                b.keys(&[browser::DOWN]).await;
            }
            assert!(
                b.focused("#q-exporterar-1:checked").await,
                "{}",
                b.focus_desc().await
            );
        }
        if page.contains("id=\"q-marknader-filter\"") && !page.contains("class=\"chosen\"") {
            // The country list's filter (the script shows it): type, then
            // Tab to the one country left and tick it.
            b.tab_to("#q-marknader-filter").await;
            b.type_text("norg").await;
            let count = b.text("#q-marknader-count").await;
            assert!(count.starts_with("1 av "), "{count}");
            b.keys(&[TAB, SPACE]).await;
            assert!(
                b.focused("input[value=no]:checked").await,
                "{}",
                b.focus_desc().await
            );
        }
        if sections == 3 {
            b.tab_to("button[value=later]").await;
            assert_eq!(b.press_and_wait(ENTER).await, "/code");
            assert_eq!(b.text(".code").await, code);
            // The company leaves: the browser forgets everything.
            b.client.delete_all_cookies().await.unwrap();
            b.client.goto(&server.url("/")).await.unwrap();
            assert!(b.client.source().await.unwrap().contains("button start"));
            b.client.goto(&server.url("/resume")).await.unwrap();
            check_page(&b, "resume", &mut seen).await;
            b.tab_to("#code").await;
            b.type_text(&code.to_lowercase()).await;
            at = b.press_and_wait(ENTER).await;
            assert!(at.starts_with("/section/"), "resumed at {at}");
            continue;
        }
        b.tab_to("button[value=continue]").await;
        at = b.press_and_wait(ENTER).await;
    }
    assert!(sections >= 6, "{sections} sections");
    assert_eq!(at, "/consent");
    check_page(&b, "consent", &mut seen).await;
    b.tab_to("#actor-0").await;
    b.keys(&[SPACE]).await;
    assert!(b.focused("#actor-0:checked").await);
    b.tab_to("button[value=continue]").await;
    assert_eq!(b.press_and_wait(ENTER).await, "/check");
    check_page(&b, "check", &mut seen).await;
    let check = b.text("main").await;
    assert!(
        check.contains("Hallbergs Maskinteknik AB") && check.contains("556036-0793"),
        "{check}"
    );
    assert!(check.contains("24"), "the number of employees: {check}");
    b.tab_to("form[action='/submit'] button").await;
    assert_eq!(b.press_and_wait(ENTER).await, "/receipt");
    check_page(&b, "receipt", &mut seen).await;
    let reference = b.text(".reference").await;
    assert!(reference.starts_with("web-"), "{reference}");
    // The print button appears with the script; the download is a link.
    assert!(
        b.js(
            "return !document.querySelector('.print-button').hidden;",
            vec![]
        )
        .await
        .as_bool()
        .unwrap()
    );

    // English too, through the switch link.
    b.client.goto(&server.url("/")).await.unwrap();
    b.tab_to("a.lang-switch").await;
    b.press_and_wait(ENTER).await;
    assert_eq!(
        b.js("return document.documentElement.lang;", vec![]).await,
        "en"
    );
    check_page(&b, "start (English)", &mut seen).await;
    b.client.goto(&server.url("/no-such-page")).await.unwrap();
    check_page(&b, "not found", &mut seen).await;

    // The advisor sees it.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_behovsanalys"))
        .args(["--data-dir"])
        .arg(dir.path())
        .args(["sessions", "list"])
        .env("LANG", "C")
        .output()
        .unwrap();
    let list = String::from_utf8_lossy(&out.stdout);
    assert!(
        list.contains(&reference) && list.contains("from the web"),
        "{list}"
    );
    let file =
        std::fs::read_to_string(dir.path().join(format!("sessions/{reference}.toml"))).unwrap();
    assert!(
        file.contains("anstallda = 24") && file.contains("exporterar = \"ja_ibland\""),
        "{file}"
    );
    b.client.clone().close().await.ok();
    advisor_opens_it_in_the_wizard(dir.path(), "Hallbergs Maskinteknik AB");
    eprintln!(
        "browser walk: {} pages audited in {:.1} s: {seen:?}",
        seen.len(),
        started.elapsed().as_secs_f64()
    );
}

/// The advisor opens the sent session in the wizard (tmux, 120×40): it is
/// in the list of saved sessions and opens on a question.
fn advisor_opens_it_in_the_wizard(data: &std::path::Path, company: &str) {
    use std::process::Command;
    use std::time::{Duration, Instant};
    if Command::new("tmux").arg("-V").output().is_err() {
        assert!(
            std::env::var_os("CI").is_none(),
            "tmux is missing and CI is set"
        );
        eprintln!("SKIPPED: the wizard part needs tmux");
        return;
    }
    let name = format!("behovsanalys-web-{}", std::process::id());
    let cmd = format!(
        "exec '{}' --data-dir '{}' --lang sv",
        env!("CARGO_BIN_EXE_behovsanalys"),
        data.display()
    );
    let ok = Command::new("tmux")
        .args([
            "new-session",
            "-d",
            "-s",
            &name,
            "-x",
            "120",
            "-y",
            "40",
            &cmd,
        ])
        .status()
        .unwrap()
        .success();
    assert!(ok, "tmux new-session");
    let screen = || {
        let out = Command::new("tmux")
            .args(["capture-pane", "-p", "-t", &name])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let wait = |text: &str| {
        let end = Instant::now() + Duration::from_secs(15);
        loop {
            let s = screen();
            if s.contains(text) {
                return s;
            }
            assert!(Instant::now() < end, "waited for {text:?}:\n{s}");
            std::thread::sleep(Duration::from_millis(50));
        }
    };
    let keys = |k: &str| {
        Command::new("tmux")
            .args(["send-keys", "-t", &name, k])
            .status()
            .unwrap();
        std::thread::sleep(Duration::from_millis(60));
    };
    wait("Fortsätt en sparad");
    keys("2");
    wait(company);
    keys("Enter");
    // A question screen: the progress counter "N av M".
    let end = Instant::now() + Duration::from_secs(15);
    loop {
        let s = screen();
        if s.contains(" av ") && !s.contains("Fortsätt en sparad") {
            break;
        }
        assert!(Instant::now() < end, "the session did not open:\n{s}");
        std::thread::sleep(Duration::from_millis(50));
    }
    let _ = Command::new("tmux")
        .args(["kill-session", "-t", &name])
        .status();
}
