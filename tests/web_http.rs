//! `behovsanalys serve` over HTTP, as a browser and an attacker see it:
//! the whole form to a session in `sessions list` (file store and the
//! shared PostgreSQL store), validation with the wizard's rules, resume
//! codes, CSRF (403), the body limit (413), the rate limit (429), the
//! security headers on every response, and an access log without codes or
//! ids. The real browser and the accessibility audit: tests/web_browser.rs.

#[path = "support/pg.rs"]
mod pg;
#[path = "support/web.rs"]
mod web;

use std::path::Path;

use assert_cmd::Command;
use web::{Client, Server, request};

fn bin(data: &Path) -> Command {
    let mut c = Command::cargo_bin("behovsanalys").unwrap();
    c.arg("--data-dir")
        .arg(data)
        .env("LANG", "C")
        .env_remove("BEHOVSANALYS_STORE");
    c
}

fn location(r: &web::Resp) -> String {
    assert_eq!(r.status, 303, "not a redirect: {} {}", r.status, r.body);
    r.header("location").unwrap().to_string()
}

/// Starts a draft: the start page's token, then POST /start.
fn begin(s: &Server, c: &mut Client) {
    let r = c.get(s.addr, "/");
    assert_eq!(r.status, 200);
    assert!(c.cookie("ba_csrf").is_some());
    let r = c.post(s.addr, "/start", &[]);
    assert_eq!(location(&r), "/code");
    assert!(c.cookie("ba_draft").is_some());
}

/// Answers given on the way, by question.
const ANSWERS: &[(&str, &[&str])] = &[
    ("anstallda", &["24"]),
    ("exporterar", &["ja_ibland"]),
    ("erbjudande", &["varor"]),
    ("marknader", &["no", "us"]),
];

/// Walks from `from` to the check page, answering what [`ANSWERS`] has
/// on each section page; the pages visited.
fn walk_to_check(s: &Server, c: &mut Client, from: &str) -> Vec<String> {
    let mut at = from.to_string();
    let mut seen = Vec::new();
    for _ in 0..60 {
        if at.starts_with("/check") {
            return seen;
        }
        let page = c.get(s.addr, &at);
        assert_eq!(page.status, 200, "{at}: {}", page.body);
        seen.push(at.clone());
        let path = at.split(['?', '#']).next().unwrap().to_string();
        let mut fields: Vec<(String, String)> = Vec::new();
        for (q, values) in ANSWERS {
            if page.body.contains(&format!("name=\"q.{q}\"")) {
                for v in *values {
                    fields.push((format!("q.{q}"), v.to_string()));
                }
            }
        }
        if path == "/consent" {
            fields.push(("actor".into(), "een".into()));
        }
        let refs: Vec<(&str, &str)> = fields
            .iter()
            .map(|(a, b)| (a.as_str(), b.as_str()))
            .collect();
        let r = c.post(s.addr, &path, &refs);
        at = location(&r);
    }
    panic!("never reached the check page: {seen:?}");
}

#[test]
fn a_company_fills_in_sends_and_the_advisor_sees_it_in_sessions_list() {
    let dir = tempfile::tempdir().unwrap();
    let s = Server::start(dir.path(), &[], &[]);
    let mut c = Client::default();
    begin(&s, &mut c);
    let code_page = c.get(s.addr, "/code");
    let code = c.cookie("ba_draft").unwrap().to_string();
    assert!(code_page.body.contains(&format!("/resume?code={code}")));
    // The company page: a wrong organisation number and a bad e-mail,
    // with the wizard's sentences, in an error summary linking to each.
    let r = c.post(
        s.addr,
        "/company",
        &[
            ("name", "Hallbergs Maskinteknik AB"),
            ("org_number", "556036-0794"),
            ("municipality", "Värnamo"),
            ("contact_name", "Eva Hallberg"),
            ("contact_email", "eva@hallberg"),
            ("action", "continue"),
        ],
    );
    assert_eq!(r.status, 422);
    assert!(r.body.contains("<title>Fel: Om företaget"), "{}", r.body);
    assert!(r.body.contains("role=\"alert\""));
    assert!(r.body.contains("href=\"#f-org_number\""));
    assert!(r.body.contains("href=\"#f-contact_email\""));
    assert!(r.body.contains(&behovsanalys::i18n::input::message(
        behovsanalys::i18n::Lang::Sv,
        &behovsanalys::answers::input::InputError::OrgNumber
    )));
    // What was typed is shown again; what was valid is kept.
    assert!(r.body.contains("value=\"556036-0794\""));
    let again = c.get(s.addr, "/company");
    assert!(again.body.contains("value=\"Hallbergs Maskinteknik AB\""));
    let r = c.post(
        s.addr,
        "/company",
        &[
            ("name", "Hallbergs Maskinteknik AB"),
            ("org_number", "556036-0793"),
            ("municipality", "Värnamo"),
            ("contact_name", "Eva Hallberg"),
            ("contact_phone", "070-123 45 67"),
            ("contact_email", "eva@hallberg.se"),
            ("action", "continue"),
        ],
    );
    let first_section = location(&r);
    assert!(first_section.starts_with("/section/"), "{first_section}");
    // A number outside its range: the wizard's sentence.
    let r = c.post(s.addr, &first_section, &[("q.anstallda", "-3")]);
    assert_eq!(r.status, 422);
    assert!(
        r.body.contains("Talet måste vara mellan 0 och 100000."),
        "{}",
        r.body
    );
    // Advisor-only questions are never on a page.
    let pages = walk_to_check(&s, &mut c, &first_section);
    assert!(pages.iter().any(|p| p == "/consent"), "{pages:?}");
    let check = c.get(s.addr, "/check");
    assert_eq!(check.status, 200);
    for advisor_only in [
        "ledningens_engagemang",
        "ekonomisk_bedomning",
        "riskbedomning",
    ] {
        assert!(
            !check.body.contains(&format!("question-{advisor_only}")),
            "{advisor_only}"
        );
    }
    assert!(check.body.contains("Hallbergs Maskinteknik AB"));
    assert!(check.body.contains("Ändra"));
    // Send.
    let r = c.post(s.addr, "/submit", &[]);
    assert_eq!(location(&r), "/receipt");
    let receipt = c.get(s.addr, "/receipt");
    assert_eq!(receipt.status, 200);
    let reference = receipt
        .body
        .split("class=\"reference\"><strong>")
        .nth(1)
        .and_then(|r| r.split('<').next())
        .unwrap()
        .to_string();
    assert!(reference.starts_with("web-"), "{reference}");
    // The company's own summary: its needs, not "the actor's areas" of a
    // referral.
    assert!(receipt.body.contains("<h3>Behov</h3>"), "{}", receipt.body);
    assert!(!receipt.body.contains("aktörens"), "{}", receipt.body);
    // Sending twice does not make two sessions.
    let r = c.post(s.addr, "/submit", &[]);
    assert_eq!(location(&r), "/receipt");
    // The summary to download: the company summary, with its own CSP.
    let dl = c.get(s.addr, "/summary.html");
    assert_eq!(dl.status, 200);
    assert!(
        dl.header("content-disposition")
            .unwrap()
            .starts_with("attachment")
    );
    assert!(
        dl.header("content-security-policy")
            .unwrap()
            .contains("style-src 'sha256-")
    );
    assert!(dl.body.contains("Hallbergs Maskinteknik AB"));
    // The advisor: `sessions list` marks it as from the web.
    let out = bin(dir.path()).args(["sessions", "list"]).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains(&reference) && text.contains("from the web"),
        "{text}"
    );
    let out = bin(dir.path())
        .args(["sessions", "list", "--format", "json"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let sessions = v["sessions"].as_array().unwrap();
    assert_eq!(sessions.len(), 1, "{v}");
    assert_eq!(sessions[0]["id"], reference.as_str());
    assert_eq!(sessions[0]["origin"], "web");
    // The session as an imported hand-over: answers marked, the tick a
    // request, no consent, nothing of the advisor's.
    let file =
        std::fs::read_to_string(dir.path().join(format!("sessions/{reference}.toml"))).unwrap();
    let t: toml::Table = file.parse().unwrap();
    let meta = t["meta"].as_table().unwrap();
    assert_eq!(meta["origin"].as_str(), Some("web"));
    assert_eq!(meta["mode"].as_str(), Some("advisor"));
    assert_eq!(
        meta["requested_referrals"].as_array().unwrap(),
        &[toml::Value::from("een")]
    );
    assert_eq!(meta["requested_by"].as_str(), Some("Eva Hallberg"));
    let self_answers: Vec<&str> = meta["self_answers"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|v| v.as_str())
        .collect();
    assert!(
        self_answers.contains(&"exporterar") && self_answers.contains(&"anstallda"),
        "{self_answers:?}"
    );
    assert!(
        t.get("consent")
            .is_none_or(|c| c.as_table().unwrap().is_empty()),
        "{file}"
    );
    assert!(!file.contains("private_notes"));
    assert_eq!(t["company"]["org_number"].as_str(), Some("556036-0793"));
    assert_eq!(
        t["company"]["contact"]["phone"].as_str(),
        Some("070-123 45 67")
    );
    // `sessions show` reads it; the drafts folder is not a session.
    let out = bin(dir.path())
        .args(["sessions", "show", &reference])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report = bin(dir.path())
        .args(["report", "--format", "json", "--min-group", "1"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&report.stdout).unwrap();
    // Sent from the web and not yet continued by an advisor: the
    // company's self-assessment, not a visit.
    assert_eq!(v["counts"]["self_assessments"], 1, "{v}");
    assert_eq!(v["counts"]["visits"], 0, "{v}");
    assert_eq!(v["counts"]["companies"], 1, "{v}");
    // The access log: route templates, never the code or the reference.
    let log = s.log_lines();
    assert!(
        log.iter().any(|l| l.contains("\"path\":\"/section/{id}\"")),
        "{log:?}"
    );
    for l in &log {
        let v: serde_json::Value =
            serde_json::from_str(l).unwrap_or_else(|_| panic!("not JSON: {l}"));
        assert!(
            v["status"].is_u64() && v["ms"].is_number() && v["method"].is_string(),
            "{l}"
        );
        assert!(
            !l.contains(&code) && !l.contains(&reference) && !l.contains("Hallberg"),
            "{l}"
        );
    }
}

#[test]
fn posts_without_the_form_token_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let s = Server::start(dir.path(), &[], &[]);
    // No cookie, no token: a cross-site form.
    let r = request(
        s.addr,
        "POST",
        "/start",
        &[("Content-Type", "application/x-www-form-urlencoded")],
        b"",
    );
    assert_eq!(r.status, 403, "{}", r.body);
    assert!(r.body.contains("<h1>"), "a plain page: {}", r.body);
    // A cookie but another token in the form.
    let mut c = Client::default();
    c.get(s.addr, "/");
    let r = c.send(
        s.addr,
        "POST",
        "/start",
        b"csrf=00000000000000000000000000000000",
    );
    assert_eq!(r.status, 403);
    assert!(c.cookie("ba_draft").is_none());
    // With a draft: every form refuses a missing token, and changes nothing.
    begin(&s, &mut c);
    for path in [
        "/company",
        "/section/foretaget",
        "/consent",
        "/submit",
        "/resume",
    ] {
        let r = c.send(s.addr, "POST", path, b"name=Evil+AB&action=continue");
        assert_eq!(r.status, 403, "{path}");
    }
    let page = c.get(s.addr, "/company");
    assert!(!page.body.contains("Evil AB"));
    assert!(
        std::fs::read_dir(dir.path().join("sessions"))
            .unwrap()
            .next()
            .is_none()
    );
}

#[test]
fn an_oversized_body_gets_413_and_the_headers_are_on_every_response() {
    let dir = tempfile::tempdir().unwrap();
    let s = Server::start(dir.path(), &[], &[]);
    let mut c = Client::default();
    begin(&s, &mut c);
    let big = format!(
        "csrf={}&name={}",
        c.cookie("ba_csrf").unwrap(),
        "x".repeat(300 * 1024)
    );
    let r = c.send(s.addr, "POST", "/company", big.as_bytes());
    assert_eq!(r.status, 413, "{}", r.body);
    assert!(r.body.contains("<h1>"));
    let mut seen = vec![r];
    seen.push(c.get(s.addr, "/"));
    seen.push(c.get(s.addr, "/no/such/page"));
    seen.push(c.get(s.addr, "/static/app.css"));
    seen.push(request(s.addr, "POST", "/start", &[], b""));
    seen.push(c.get(s.addr, "/submit"));
    for r in &seen {
        let csp = r
            .header("content-security-policy")
            .unwrap_or_else(|| panic!("no CSP on {}", r.status));
        assert!(csp.contains("default-src 'self'") && csp.contains("frame-ancestors 'none'"));
        assert!(!csp.contains("unsafe-inline"));
        assert_eq!(r.header("x-content-type-options"), Some("nosniff"));
        assert_eq!(r.header("referrer-policy"), Some("no-referrer"));
        assert!(r.header("permissions-policy").is_some());
        // Plain HTTP on loopback: no HSTS.
        assert!(r.header("strict-transport-security").is_none());
    }
    assert_eq!(seen[2].status, 404);
    assert_eq!(seen[5].status, 405);
    assert!(seen[5].body.contains("<h1>"), "{}", seen[5].body);
    // Behind a TLS proxy: HSTS, and Secure cookies.
    let r = request(
        s.addr,
        "GET",
        "/",
        &[
            ("X-Forwarded-Proto", "https"),
            ("Host", "behovsanalys.example.se"),
        ],
        b"",
    );
    assert!(
        r.header("strict-transport-security")
            .unwrap()
            .contains("max-age=")
    );
    let cookie = r.header("set-cookie").unwrap();
    assert!(
        cookie.contains("Secure")
            && cookie.contains("HttpOnly")
            && cookie.contains("SameSite=Strict"),
        "{cookie}"
    );
    // No server internals anywhere.
    for r in &seen {
        assert!(
            !r.body.contains("panicked") && !r.body.contains("src/"),
            "{}",
            r.body
        );
    }
}

#[test]
fn a_draft_is_reached_only_with_its_code() {
    let dir = tempfile::tempdir().unwrap();
    let s = Server::start(dir.path(), &[], &[]);
    let mut a = Client::default();
    begin(&s, &mut a);
    let r = a.post(
        s.addr,
        "/company",
        &[("name", "Alfa AB"), ("action", "later")],
    );
    assert_eq!(location(&r), "/code");
    let code = a.cookie("ba_draft").unwrap().to_string();
    // Only the hash is on disk.
    let names: Vec<String> = std::fs::read_dir(dir.path().join("web/drafts"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 1);
    assert!(!names[0].contains(&code));
    assert!(
        !std::fs::read_to_string(dir.path().join("web/drafts").join(&names[0]))
            .unwrap()
            .contains(&code)
    );
    // Another browser: no cookie, a made-up code, a wrong code.
    let mut b = Client::default();
    assert_eq!(location(&b.get(s.addr, "/company")), "/");
    b.cookies.push(("ba_draft".into(), "0".repeat(28)));
    assert_eq!(location(&b.get(s.addr, "/company")), "/");
    b.get(s.addr, "/resume");
    let r = b.post(s.addr, "/resume", &[("code", &"7".repeat(28))]);
    assert_eq!(r.status, 422);
    assert!(r.body.contains("href=\"#code\""));
    assert!(!r.body.contains("Alfa AB"));
    // The link's code only fills the field; the POST resumes.
    let r = b.get(s.addr, &format!("/resume?code={code}"));
    assert!(r.body.contains("value=\""), "{}", r.body);
    assert!(b.cookie("ba_draft") != Some(code.as_str()));
    let typed = code.to_lowercase();
    let r = b.post(s.addr, "/resume", &[("code", &typed)]);
    let next = location(&r);
    assert!(next.starts_with("/section/"), "{next}");
    assert_eq!(b.cookie("ba_draft"), Some(code.as_str()));
    assert!(b.get(s.addr, "/company").body.contains("Alfa AB"));
}

#[test]
fn a_client_that_sends_too_much_is_slowed_down() {
    let dir = tempfile::tempdir().unwrap();
    let s = Server::start(dir.path(), &[], &["--rate-limit", "20"]);
    let statuses: Vec<u16> = (0..14)
        .map(|_| request(s.addr, "GET", "/health", &[], b"").status)
        .collect();
    assert!(statuses[..10].iter().all(|&x| x == 200), "{statuses:?}");
    let refused = request(s.addr, "GET", "/", &[], b"");
    assert_eq!(refused.status, 429);
    assert!(refused.header("retry-after").is_some());
    assert!(refused.header("content-security-policy").is_some());
}

#[test]
fn a_submission_lands_in_the_shared_store() {
    let Some(db) = pg::db() else { return };
    let admin = db.admin_url();
    let tmp = tempfile::tempdir().unwrap();
    let out = bin(tmp.path())
        .args(["--store", &admin, "store", "init"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let role = db.login_role("web", "pw-web");
    let out = bin(tmp.path())
        .args([
            "--store",
            &admin,
            "store",
            "grant",
            &role,
            "--as",
            "advisor",
            "--region",
            "kronoberg",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let url = db.url_for(&role, "pw-web");
    let server_dir = tempfile::tempdir().unwrap();
    let s = Server::start(server_dir.path(), &["--store", &url], &[]);
    let mut c = Client::default();
    begin(&s, &mut c);
    let r = c.post(
        s.addr,
        "/company",
        &[
            ("name", "Delta Export AB"),
            ("contact_name", "Dana Delta"),
            ("action", "continue"),
        ],
    );
    let first = location(&r);
    walk_to_check(&s, &mut c, &first);
    let r = c.post(s.addr, "/submit", &[]);
    assert_eq!(location(&r), "/receipt");
    // Not in the server's data directory: in the store.
    assert!(
        std::fs::read_dir(server_dir.path().join("sessions"))
            .map_or(true, |mut d| d.next().is_none())
    );
    let row = db
        .admin()
        .query_one("SELECT id, body, region FROM behovsanalys.sessions", &[])
        .unwrap();
    let id: String = row.get(0);
    let body: String = row.get(1);
    let region: String = row.get(2);
    assert!(id.starts_with("web-"), "{id}");
    assert_eq!(region, "kronoberg");
    assert!(
        body.contains("origin = \"web\"") && body.contains("requested_referrals"),
        "{body}"
    );
    // An advisor of the region syncs and sees it in `sessions list`.
    let laptop = tempfile::tempdir().unwrap();
    let out = bin(laptop.path())
        .args(["--store", &url, "sync"])
        .env("PGPASSFILE", "/nonexistent")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = bin(laptop.path())
        .args(["sessions", "list"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains(&id) && text.contains("from the web") && text.contains("Delta Export AB"),
        "{text}"
    );
}

#[test]
fn the_language_follows_the_browser_and_the_switch_stays_on_this_site() {
    let dir = tempfile::tempdir().unwrap();
    let s = Server::start(dir.path(), &[], &[]);
    let en = request(
        s.addr,
        "GET",
        "/",
        &[("Accept-Language", "en-GB,en;q=0.9,sv;q=0.5")],
        b"",
    );
    assert!(
        en.body.contains("<html lang=\"en\"") && en.body.contains("Start now"),
        "{}",
        en.body
    );
    let sv = request(
        s.addr,
        "GET",
        "/",
        &[("Accept-Language", "de, sv;q=0.8")],
        b"",
    );
    assert!(sv.body.contains("<html lang=\"sv\"") && sv.body.contains("Börja nu"));
    // The switch: a cookie, and back to a path on this site only.
    let mut c = Client::default();
    let r = c.get(s.addr, "/lang/en?next=%2Fresume");
    assert_eq!(location(&r), "/resume");
    assert_eq!(c.cookie("ba_lang"), Some("en"));
    assert!(
        c.get(s.addr, "/resume")
            .body
            .contains("Continue with a code")
    );
    for evil in [
        "//evil.example/x",
        "https://evil.example/",
        "/\\evil.example",
    ] {
        let q: String = form_urlencoded::byte_serialize(evil.as_bytes()).collect();
        let r = c.get(s.addr, &format!("/lang/sv?next={q}"));
        assert_eq!(location(&r), "/", "{evil}");
    }
    assert_eq!(c.get(s.addr, "/lang/de").status, 404);
    // A line break in the return path cannot split the response; a broken
    // query string is no error page of the framework.
    let r = c.get(s.addr, "/lang/sv?next=%2Fx%0D%0ASet-Cookie:%20evil=1");
    assert_eq!(location(&r), "/");
    assert!(
        r.headers_named("set-cookie")
            .iter()
            .all(|c| !c.contains("evil"))
    );
    let r = c.get(s.addr, "/resume?code=%ZZ%");
    assert_eq!(r.status, 200);
    let r = c.get(s.addr, "/section/no_such_section?more=%FF");
    assert_eq!(r.status, 404);
    assert!(r.body.contains("<h1>"));
}

#[test]
fn choice_limits_exclusive_options_and_the_country_list_as_the_wizard_has_them() {
    let dir = tempfile::tempdir().unwrap();
    let s = Server::start(dir.path(), &[], &[]);
    let mut c = Client::default();
    begin(&s, &mut c);
    c.post(
        s.addr,
        "/company",
        &[("name", "Gränsbolaget AB"), ("action", "continue")],
    );
    // Make every question of the section show, then break its rules.
    c.get(s.addr, "/section/export_idag");
    c.post(
        s.addr,
        "/section/export_idag",
        &[("q.exporterar", "ja_ibland")],
    );
    let page = c.get(s.addr, "/section/export_idag");
    assert!(
        page.body.contains("name=\"q.exporthinder\""),
        "{}",
        page.body
    );
    assert!(page.body.contains("Välj högst 3."));
    let r = c.post(
        s.addr,
        "/section/export_idag",
        &[
            ("q.exporterar", "ja_ibland"),
            ("q.exporthinder", "inga"),
            ("q.exporthinder", "handelshinder"),
        ],
    );
    assert_eq!(r.status, 422);
    assert!(
        r.body.contains("kan inte kombineras med andra val."),
        "{}",
        r.body
    );
    let r = c.post(
        s.addr,
        "/section/export_idag",
        &[
            ("q.exporterar", "ja_ibland"),
            ("q.exporthinder", "hitta_kunder"),
            ("q.exporthinder", "handelshinder"),
            ("q.exporthinder", "hallbarhetskrav"),
            ("q.exporthinder", "finansiering"),
        ],
    );
    assert_eq!(r.status, 422);
    assert!(
        r.body.contains("Högst 3 val – kryssa ur ett först."),
        "{}",
        r.body
    );
    // The countries: grouped by region in fieldsets, at most five.
    let page = c.get(s.addr, "/section/marknad");
    assert!(
        page.body
            .contains("<legend class=\"group-legend\">Norden</legend>"),
        "{}",
        page.body
    );
    assert!(page.body.contains("value=\"no\""));
    assert!(
        page.body.contains("class=\"filter\" hidden"),
        "the filter needs the script"
    );
    let six: Vec<(&str, &str)> = ["no", "us", "de", "cn", "jp", "in"]
        .iter()
        .map(|x| ("q.marknader", *x))
        .collect();
    let r = c.post(s.addr, "/section/marknad", &six);
    assert_eq!(r.status, 422);
    assert!(r.body.contains("Högst 5 val"), "{}", r.body);
    let r = c.post(s.addr, "/section/marknad", &six[..2]);
    assert_eq!(r.status, 303);
    let page = c.get(s.addr, "/section/marknad");
    assert!(
        page.body.contains("Valda: </strong>Norge, USA"),
        "{}",
        page.body
    );
}

/// A regional extension (`serve --questionnaire regions/…`): its own
/// question on the national section's page, its title, and the answer in
/// the sent session, which the advisor scores with the same file.
#[test]
fn a_regional_extension_is_served_and_its_answers_are_sent() {
    let dir = tempfile::tempdir().unwrap();
    let regional =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("questionnaires/regions/smaland.toml");
    let regional = regional.to_str().unwrap();
    let s = Server::start(dir.path(), &[], &["--questionnaire", regional]);
    let mut c = Client::default();
    let start = c.get(s.addr, "/");
    assert!(start.body.contains("(Småland)"), "{}", start.body);
    begin(&s, &mut c);
    let r = c.post(
        s.addr,
        "/company",
        &[
            ("name", "Kalmar Glas AB"),
            ("contact_name", "Karin Glas"),
            ("action", "continue"),
        ],
    );
    let mut at = location(&r);
    let mut asked = false;
    for _ in 0..60 {
        if at.starts_with("/check") {
            break;
        }
        let page = c.get(s.addr, &at);
        assert_eq!(page.status, 200, "{at}: {}", page.body);
        let path = at.split(['?', '#']).next().unwrap().to_string();
        let mut fields = vec![];
        if page.body.contains("name=\"q.lan\"") {
            assert!(page.body.contains("Kalmar län"), "{}", page.body);
            asked = true;
            fields.push(("q.lan", "kalmar"));
        }
        if page.body.contains("name=\"q.anstallda\"") {
            fields.push(("q.anstallda", "12"));
        }
        let r = c.post(s.addr, &path, &fields);
        at = location(&r);
    }
    assert!(asked, "the regional question was never on a page");
    let r = c.post(s.addr, "/submit", &[]);
    assert_eq!(location(&r), "/receipt");
    // The advisor lists it with the server's questionnaire; without it,
    // `sessions list` says which one the session needs.
    let out = bin(dir.path()).args(["sessions", "list"]).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("exportbehov_smaland") && text.contains("--questionnaire"),
        "{text}"
    );
    let out = bin(dir.path())
        .args([
            "--questionnaire",
            regional,
            "sessions",
            "list",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["sessions"][0]["origin"], "web", "{v}");
    let id = v["sessions"][0]["id"].as_str().unwrap().to_string();
    let file = std::fs::read_to_string(dir.path().join(format!("sessions/{id}.toml"))).unwrap();
    assert!(file.contains("lan = \"kalmar\""), "{file}");
    assert!(file.contains("exportbehov_smaland"), "{file}");
    let out = bin(dir.path())
        .args(["score", "--session", &id, "--questionnaire", regional])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Listening beyond this computer over plain HTTP, the first line says
/// that browsers keep the (Secure) cookies only over HTTPS, so the proxy
/// must be in front; on loopback it says nothing of the kind.
#[test]
fn listening_beyond_loopback_says_the_tls_proxy_is_needed() {
    let dir = tempfile::tempdir().unwrap();
    let first_line = |addr: &str| {
        use std::io::BufRead;
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_behovsanalys"))
            .arg("--data-dir")
            .arg(dir.path())
            .args(["serve", "--addr", addr])
            .env("LANG", "C")
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let mut line = String::new();
        std::io::BufReader::new(child.stderr.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let _ = child.kill();
        let _ = child.wait();
        line
    };
    let open = first_line("0.0.0.0:0");
    assert!(
        open.starts_with("behovsanalys serve: listening on http://0.0.0.0:"),
        "{open}"
    );
    assert!(
        open.contains("HTTPS") && open.contains("docs/WEB.md"),
        "{open}"
    );
    let local = first_line("127.0.0.1:0");
    assert!(!local.contains("HTTPS"), "{local}");
}

/// The country list reads in alphabetical order within each region, as a
/// Swedish reader expects it (Å, Ä, Ö last), and in English by the English
/// names – not in the order of the country codes.
#[test]
fn the_countries_are_in_alphabetical_order_within_each_region() {
    let dir = tempfile::tempdir().unwrap();
    let s = Server::start(dir.path(), &[], &[]);
    for (lang, names) in [
        (
            "sv",
            [
                "Albanien",
                "Andorra",
                "Belgien",
                "Tyskland",
                "Ukraina",
                "Österrike",
            ],
        ),
        (
            "en",
            [
                "Albania", "Andorra", "Austria", "Belgium", "Germany", "Ukraine",
            ],
        ),
    ] {
        let mut c = Client::default();
        c.get(s.addr, &format!("/lang/{lang}?next=/"));
        begin(&s, &mut c);
        c.post(
            s.addr,
            "/company",
            &[("name", "Ordning AB"), ("action", "continue")],
        );
        let page = c.get(s.addr, "/section/marknad");
        assert_eq!(page.status, 200);
        let europe = page
            .body
            .split("class=\"group-legend\">")
            .find(|g| g.starts_with("Europ"))
            .unwrap_or_else(|| panic!("no Europe group: {}", page.body));
        let at = |name: &str| {
            europe
                .find(&format!("\">{name}"))
                .unwrap_or_else(|| panic!("{name} not in the Europe group: {europe}"))
        };
        for pair in names.windows(2) {
            assert!(
                at(pair[0]) < at(pair[1]),
                "{lang}: {} after {}",
                pair[0],
                pair[1]
            );
        }
        // The error summary links to `q-marknader-0`: the first box shown.
        let first = page
            .body
            .split("<input id=\"")
            .find(|p| p.contains("name=\"q.marknader\""))
            .unwrap();
        assert!(first.starts_with("q-marknader-0\""), "{first}");
    }
}
