//! Documents that can be trusted outside the room: a referral an actor can
//! act on (contact person, who gave and who recorded consent and when in
//! Swedish time, no points, only what concerns the actor), the company's
//! own summary without anything of the advisor's, and the hand-over file
//! of a self-assessment (only the company's own answers; its consent a
//! request; a second import refused).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

#[path = "support/cli.rs"]
mod cli;
use behovsanalys::answers::{self, Mode};
use behovsanalys::questionnaire::{Audience, Questionnaire, builtin, expr};
use behovsanalys::session::{SessionMode, Store, StoreError};
use cli::run;

const EKN: &str = "tests/fixtures/export/ekn.toml";
const FORMATS: [&str; 4] = ["md", "html", "json", "csv"];

fn ok(args: &[&str]) -> String {
    let (code, out, err) = run(args);
    assert_eq!(code, 0, "{args:?}: {err}");
    out
}

fn q() -> Questionnaire {
    builtin().unwrap().questionnaire
}

/// The EKN fixture with the consent recorded at another time.
fn ekn_at(dir: &Path, at: &str) -> PathBuf {
    let text = std::fs::read_to_string(EKN)
        .unwrap()
        .replace("2026-07-01T10:42:00Z", at);
    let p = dir.join("ekn.toml");
    std::fs::write(&p, text).unwrap();
    p
}

fn referral(file: &str, actor: &str, format: &str) -> String {
    ok(&[
        "export",
        "--answers",
        file,
        "--actor",
        actor,
        "--format",
        format,
        "--date",
        "2026-07-01",
    ])
}

/// No points in any form: "(+5 p)", "(+3.75 p)", "poäng", `"points"`.
fn assert_no_points(s: &str) {
    for bad in [" p)", "poäng", "points", "(+"] {
        assert!(!s.contains(bad), "{bad:?} in:\n{s}");
    }
}

#[test]
fn an_ekn_referral_can_be_acted_on_in_summer_time() {
    let md = referral(EKN, "ekn", "md");
    // Who to call at the company.
    for s in [
        "**Kontaktperson:** Lena Holm, vd",
        "**Telefon:** 0370-123 45",
        "**E-post:** lena.holm@lagerlunda.example",
    ] {
        assert!(md.contains(s), "{s:?} missing in:\n{md}");
    }
    // Who gave consent, who recorded it, when — Swedish summer time (UTC+2).
    assert!(
        md.contains(
            "Samtycket gavs av Lena Holm (vd) och registrerades av Anna Berg den 2026-07-01 kl. 12:42 (svensk tid)."
        ),
        "{md}"
    );
    // From the advisor who recorded it, with her organisation — not the
    // first attendee (Per Ek, Almi), not a list of everyone present.
    assert!(
        md.contains("- **Från:** Anna Berg, Region Jönköpings län\n"),
        "{md}"
    );
    assert!(!md.contains("Per Ek"), "{md}");
    assert!(!md.contains("UTC"), "{md}");
    let json: serde_json::Value = serde_json::from_str(&referral(EKN, "ekn", "json")).unwrap();
    let c = &json["consent"];
    assert_eq!(c["at"], "2026-07-01T10:42:00Z");
    assert_eq!(c["at_local"], "2026-07-01T12:42:00+02:00");
    assert_eq!(c["given_by"], "Lena Holm");
    assert_eq!(c["recorded_by"], "Anna Berg");
    assert_eq!(json["from"]["organisation"], "Region Jönköpings län");
    assert_eq!(json["company"]["contact"]["phone"], "0370-123 45");
    assert_eq!(json["format_version"], 2);
    for f in FORMATS {
        let out = referral(EKN, "ekn", f);
        assert_no_points(&out);
        assert!(!out.contains("UTC"), "{f}: {out}");
        assert!(out.contains("Lena Holm"), "{f}");
        assert!(out.contains("0370-123 45"), "{f}");
        assert!(!out.contains("PRIVAT"), "{f}: a private note leaked");
    }
}

#[test]
fn an_ekn_referral_in_winter_time_says_plus_one_hour() {
    let dir = tempfile::tempdir().unwrap();
    let file = ekn_at(dir.path(), "2026-01-15T10:42:00Z");
    let file = file.to_str().unwrap();
    let md = referral(file, "ekn", "md");
    assert!(md.contains("den 2026-01-15 kl. 11:42 (svensk tid)"), "{md}");
    let json: serde_json::Value = serde_json::from_str(&referral(file, "ekn", "json")).unwrap();
    assert_eq!(json["consent"]["at_local"], "2026-01-15T11:42:00+01:00");
    let csv = referral(file, "ekn", "csv");
    assert!(
        csv.contains("consent,at,,2026-01-15T11:42:00+01:00,"),
        "{csv}"
    );
    // Late in the evening in UTC is the next day in Sweden.
    let file = ekn_at(dir.path(), "2026-03-28T23:30:00Z");
    let md = referral(file.to_str().unwrap(), "ekn", "md");
    assert!(md.contains("den 2026-03-29 kl. 00:30 (svensk tid)"), "{md}");
}

/// Every question a referral's answers and notes name.
fn questions_named(json: &serde_json::Value) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for n in json["needs"].as_array().unwrap() {
        for a in n["answers"].as_array().unwrap() {
            out.insert(a["question"].as_str().unwrap().to_string());
        }
    }
    for r in json["reasons"].as_array().unwrap() {
        for a in r["answers"].as_array().unwrap() {
            out.insert(a["question"].as_str().unwrap().to_string());
        }
    }
    for n in json["notes"].as_array().unwrap() {
        out.insert(n["question"].as_str().unwrap().to_string());
    }
    out
}

/// Questions that concern an actor: they feed an area it weighs, or a rule
/// of it that fired; plus the question for anything else the company wants
/// every receiver to know.
fn concerning(q: &Questionnaire, file: &str, actor: &str) -> BTreeSet<String> {
    let parsed = answers::load_file(Path::new(file), q, Mode::Strict).unwrap();
    let eval = behovsanalys::scoring::evaluate(q, &parsed.answers.answers);
    let ai = q.actor(actor).unwrap();
    let a = &q.actors[ai];
    let weighted: BTreeSet<usize> = a.weights.iter().map(|(x, _)| *x).collect();
    let mut out: BTreeSet<usize> = q
        .questions
        .iter()
        .enumerate()
        .filter(|(_, qq)| qq.max_points.iter().any(|(x, _)| weighted.contains(x)))
        .map(|(i, _)| i)
        .collect();
    for &r in &eval.referral(ai).unwrap().fired {
        let mut refs = Vec::new();
        expr::questions_in(&a.rules[r].when, &mut refs);
        out.extend(refs);
    }
    out.extend(q.question_with_role(behovsanalys::questionnaire::Role::AnythingElse));
    out.into_iter().map(|i| q.questions[i].id.clone()).collect()
}

#[test]
fn each_actor_gets_only_what_concerns_it() {
    let q = q();
    for actor in ["ekn", "business_sweden", "handelskammaren"] {
        let json: serde_json::Value = serde_json::from_str(&referral(EKN, actor, "json")).unwrap();
        let named = questions_named(&json);
        let allowed = concerning(&q, EKN, actor);
        let extra: Vec<_> = named.difference(&allowed).collect();
        assert!(extra.is_empty(), "{actor} gets {extra:?}");
    }
    // The note on certificates of origin concerns the chamber of commerce,
    // not EKN.
    let ekn = referral(EKN, "ekn", "md");
    assert!(!ekn.contains("ursprungsintyg till tullen"), "{ekn}");
    let chamber = referral(EKN, "handelskammaren", "md");
    assert!(chamber.contains("ursprungsintyg till tullen"), "{chamber}");
}

#[test]
fn a_sensitive_answer_goes_only_to_the_actors_it_is_shared_with() {
    let q = q();
    let anti = q.question("antikorruption").unwrap();
    assert_eq!(
        q.questions[anti].share_with.as_deref(),
        Some(&["ekn".to_string(), "sek".to_string()][..])
    );
    let policy = q.questions[anti].text.get("sv").to_string();
    // The sanctions question (once `sanktioner`, now `sanktionskontroll`
    // with the old id as an alias) is shared with ISP, EKN and SEK.
    let sanctions = &q.questions[q.question("sanktionskontroll").unwrap()];
    assert!(sanctions.aliases.contains(&"sanktioner".to_string()));
    let screening = sanctions.text.get("sv").to_string();
    let ekn = referral(EKN, "ekn", "md");
    assert!(ekn.contains(&policy), "EKN may see it: {ekn}");
    // share_with only narrows: the screening answer feeds export control,
    // which EKN does not weigh, so it stays out of EKN's referral too.
    assert!(!ekn.contains(&screening), "{ekn}");
    let json = referral(EKN, "ekn", "json");
    assert!(json.contains("\"question\": \"antikorruption\""), "{json}");
    assert!(ekn.contains("ingen skriftlig policy"), "{ekn}");
    // Business Sweden weighs sustainability too, but the policy answer and
    // its note are not shared with it.
    for f in FORMATS {
        let bs = referral(EKN, "business_sweden", f);
        // (The area's title, "Hållbarhetskrav och antikorruption", may show.)
        assert!(!bs.contains("\"antikorruption\""), "{f}: {bs}");
        assert!(!bs.contains(",antikorruption,"), "{f}: {bs}");
        assert!(!bs.contains("\"sanktionskontroll\""), "{f}: {bs}");
        assert!(!bs.contains(&screening), "{f}: {bs}");
        assert!(!bs.contains("ingen skriftlig policy"), "{f}: {bs}");
        assert!(!bs.contains("Har ni en policy mot korruption"), "{f}: {bs}");
    }
}

#[test]
fn an_english_referral_is_english() {
    let out = ok(&[
        "export",
        "--answers",
        EKN,
        "--actor",
        "ekn",
        "--format",
        "html",
        "--date",
        "2026-07-01",
        "--lang",
        "en",
    ]);
    for sv in [
        "Webb",
        "Remiss",
        "Samtycke",
        "Kontaktperson",
        "svensk tid",
        "Från",
    ] {
        assert!(!out.contains(sv), "Swedish {sv:?} in:\n{out}");
    }
    assert!(out.contains("<dt>Web</dt>"), "{out}");
    assert!(
        out.contains("Consent was given by Lena Holm (vd) and recorded by Anna Berg on 2026-07-01 at 12:42 (Swedish time)."),
        "{out}"
    );
}

#[test]
fn ekn_referral_golden_files() {
    for f in FORMATS {
        insta::assert_snapshot!(format!("referral_ekn_{f}"), referral(EKN, "ekn", f));
    }
}

/// The advisor's content of the EKN fixture: advisor-only questions (ids
/// and texts), the rule that quotes the advisor's assessment, the note on
/// an advisor-only question and the private note.
fn advisor_only(q: &Questionnaire) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for question in q
        .questions
        .iter()
        .filter(|x| x.audience == Audience::Advisor)
    {
        out.push(format!("\"{}\"", question.id));
        out.push(format!(",{},", question.id));
        out.push(question.text.get("sv").to_string());
    }
    out.push("Rådgivaren bedömer".into());
    out.push("köparens ägare är okända".into());
    out.push("PRIVAT".into());
    out
}

#[test]
fn the_company_summary_never_shows_the_advisors_content() {
    let q = q();
    assert!(
        q.questions
            .iter()
            .filter(|x| x.audience == Audience::Advisor)
            .count()
            >= 3
    );
    for f in FORMATS {
        let out = ok(&[
            "export",
            "--answers",
            EKN,
            "--company",
            "--format",
            f,
            "--date",
            "2026-07-01",
        ]);
        for bad in advisor_only(&q) {
            assert!(!out.contains(&bad), "{f}: {bad:?} in:\n{out}");
        }
        assert_no_points(&out);
        // The company's own answers are there.
        assert!(out.contains("Kredit 60–90 dagar"), "{f}: {out}");
        insta::assert_snapshot!(format!("company_ekn_{f}"), out);
    }
    // The advisor-only question left unanswered is an open question for
    // the advisor, never in the company's list.
    let json: serde_json::Value = serde_json::from_str(&ok(&[
        "export",
        "--answers",
        EKN,
        "--company",
        "--format",
        "json",
        "--date",
        "2026-07-01",
    ]))
    .unwrap();
    let open: Vec<&str> = json["open_questions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["id"].as_str().unwrap())
        .collect();
    assert!(!open.contains(&"ekonomisk_bedomning"), "{open:?}");
    let eval = behovsanalys::scoring::evaluate(
        &q,
        &answers::load_file(Path::new(EKN), &q, Mode::Strict)
            .unwrap()
            .answers
            .answers,
    );
    let advisor_open = eval
        .open_questions
        .iter()
        .any(|&i| q.questions[i].id == "ekonomisk_bedomning");
    assert!(
        advisor_open,
        "the fixture must leave an advisor question open"
    );
}

/// A data folder holding the EKN fixture as a saved session.
fn data_with_session(mode: &str) -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let sessions = dir.path().join("sessions");
    std::fs::create_dir_all(&sessions).unwrap();
    let text = std::fs::read_to_string(EKN)
        .unwrap()
        .replace("mode = \"advisor\"", &format!("mode = \"{mode}\""));
    let id = "20260701-091500-ekn1".to_string();
    std::fs::write(sessions.join(format!("{id}.toml")), text).unwrap();
    (dir, id)
}

fn handover(data: &Path, id: &str, out: &Path) {
    let (code, stdout, err) = run(&[
        "--data-dir",
        data.to_str().unwrap(),
        "export",
        "--session",
        id,
        "--handover",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(stdout.is_empty());
}

fn import(data: &Path, file: &Path) -> (i32, String, String) {
    run(&[
        "--data-dir",
        data.to_str().unwrap(),
        "import",
        file.to_str().unwrap(),
    ])
}

#[test]
fn the_handover_holds_only_the_companys_own() {
    let q = q();
    let (data, id) = data_with_session("self");
    let file = data.path().join("sjalvskattning.toml");
    handover(data.path(), &id, &file);
    let text = std::fs::read_to_string(&file).unwrap();
    for bad in advisor_only(&q) {
        assert!(!text.contains(&bad), "{bad:?} in:\n{text}");
    }
    for bad in [
        "[private_notes]",
        "history",
        "attendees",
        "consent_log",
        "Per Ek",
        "Anna Berg",
    ] {
        assert!(!text.contains(bad), "{bad:?} in:\n{text}");
    }
    for own in [
        "[company.contact]",
        "name = \"Lena Holm\"",
        "phone = \"0370-123 45\"",
        "betalningsvillkor = \"kredit_60_90\"",
        "antikorruption = \"nej\"",
        "[consent]\nbusiness_sweden = true\nekn = true\nhandelskammaren = true\n",
        "Kunden i Ghana vill ha 90 dagars kredit",
        "id = \"20260701-091500-ekn1\"",
        "mode = \"self\"",
        "origin = \"self-assessment\"",
    ] {
        assert!(text.contains(own), "{own:?} missing in:\n{text}");
    }
    // It is a valid answers file, checked strictly.
    answers::parse("sjalvskattning.toml", &text, &q, Mode::Strict).unwrap();
    insta::assert_snapshot!("handover_ekn", text);
    // The same from a file instead of a session.
    let (code, stdout, err) = run(&["export", "--answers", EKN, "--handover"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        stdout.replace("mode = \"self\"", ""),
        text.replace("mode = \"self\"", "")
    );
    // --format does not apply (a usage error), and the file is never
    // written over without --force.
    let (code, _, _) = run(&["export", "--answers", EKN, "--handover", "--format", "md"]);
    assert_eq!(code, 2);
    let (code, _, err) = run(&[
        "export",
        "--answers",
        EKN,
        "--handover",
        "--out",
        file.to_str().unwrap(),
    ]);
    assert_eq!(code, 1);
    assert!(err.contains("--force"), "{err}");
    // --out-dir names it after the company.
    let out_dir = data.path().join("ut");
    let (code, _, err) = run(&[
        "export",
        "--answers",
        EKN,
        "--handover",
        "--out-dir",
        out_dir.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out_dir
            .join("sjalvskattning_lagerlunda-mekaniska-ab.toml")
            .is_file()
    );
}

#[test]
fn importing_the_handover_marks_the_companys_answers_and_asks_for_consent() {
    let q = q();
    let (company, id) = data_with_session("self");
    let file = company.path().join("sjalvskattning.toml");
    handover(company.path(), &id, &file);

    // The advisor's own machine.
    let advisor = tempfile::tempdir().unwrap();
    let (code, out, err) = import(advisor.path(), &file);
    assert_eq!(code, 0, "{err}");
    let new_id = out.trim().to_string();
    assert_eq!(new_id, id, "the company's id is kept");
    let store = Store::open(Some(advisor.path())).unwrap();
    let (s, _) = store.load(&new_id, &q).unwrap();
    assert_eq!(s.meta.mode, SessionMode::Advisor);
    assert_eq!(s.meta.origin.as_deref(), Some("self-assessment"));
    assert!(s.meta.imported_at.is_some());
    assert_eq!(s.meta.imported_id.as_deref(), Some(id.as_str()));
    let mut company_answers: Vec<&String> = s.answers.answers.keys().collect();
    company_answers.sort_by_key(|k| q.question(k));
    assert_eq!(
        s.meta.self_answers.iter().collect::<Vec<_>>(),
        company_answers,
        "every answer is marked as the company's"
    );
    assert!(
        s.meta
            .self_answers
            .contains(&"betalningsvillkor".to_string())
    );
    assert!(!s.meta.self_answers.contains(&"riskbedomning".to_string()));
    // The company's ticks are requests, never the advisor's consent.
    assert!(s.answers.consent.is_empty(), "{:?}", s.answers.consent);
    assert_eq!(
        s.meta.requested_referrals,
        ["business_sweden", "ekn", "handelskammaren"]
    );
    assert_eq!(
        s.pending_requests(),
        ["business_sweden", "ekn", "handelskammaren"]
    );
    assert_eq!(s.meta.requested_by.as_deref(), Some("Lena Holm"));
    assert_eq!(s.meta.requested_at.as_deref(), Some("2026-07-01T11:05:00Z"));
    assert!(s.consent_log().is_empty());
    // No referral before the advisor confirms it with the representative.
    let (code, _, err) = run(&[
        "--data-dir",
        advisor.path().to_str().unwrap(),
        "export",
        "--session",
        &new_id,
        "--actor",
        "ekn",
    ]);
    assert_eq!(code, 1);
    assert!(err.contains("has not consented"), "{err}");
    // `sessions show` says what the company asked for.
    let shown = ok(&[
        "--data-dir",
        advisor.path().to_str().unwrap(),
        "sessions",
        "show",
        &new_id,
    ]);
    assert!(
        shown.contains("The company asked to be referred to: business_sweden, ekn, handelskammaren (Lena Holm, 2026-07-01 13:05) – not yet confirmed with the company"),
        "{shown}"
    );
    assert!(
        shown.contains("Contact person: Lena Holm, vd, 0370-123 45"),
        "{shown}"
    );

    // Confirmed: the referral names both.
    let mut s = s;
    s.record_consent(
        "ekn",
        true,
        "2026-07-02T08:00:00Z",
        Some("Lena Holm"),
        Some("Anna Berg"),
    );
    assert_eq!(s.pending_requests(), ["business_sweden", "handelskammaren"]);

    // A second import of the same file: refused, by the command line and
    // by the store (the wizard's way in) in the same words.
    let before = std::fs::read(store.path_of(&new_id).unwrap()).unwrap();
    let (code, out, err) = import(advisor.path(), &file);
    assert_eq!(code, 1);
    assert!(out.is_empty());
    let words = behovsanalys::i18n::diag::already_imported(behovsanalys::i18n::Lang::En, &new_id);
    assert!(err.contains(&words), "{err}");
    match store.import(&file, &q, false) {
        Err(e @ StoreError::AlreadyImported { .. }) => {
            assert!(e.to_string().contains(&words), "{e}");
        }
        other => panic!("expected AlreadyImported, got {other:?}"),
    }
    assert_eq!(store.ids().unwrap(), vec![new_id.clone()], "no duplicate");
    assert_eq!(
        std::fs::read(store.path_of(&new_id).unwrap()).unwrap(),
        before
    );
    // Swedish words for the same refusal.
    let (_, _, err) = run(&[
        "--lang",
        "sv",
        "--data-dir",
        advisor.path().to_str().unwrap(),
        "import",
        file.to_str().unwrap(),
    ]);
    assert!(
        err.contains(&behovsanalys::i18n::diag::already_imported(
            behovsanalys::i18n::Lang::Sv,
            &new_id
        )),
        "{err}"
    );
    // --as-new keeps both, on purpose; and then again is still refused.
    let (code, out, err) = run(&[
        "--data-dir",
        advisor.path().to_str().unwrap(),
        "import",
        file.to_str().unwrap(),
        "--as-new",
    ]);
    assert_eq!(code, 0, "{err}");
    assert_ne!(out.trim(), new_id);
    let (code, _, _) = import(advisor.path(), &file);
    assert_eq!(code, 1);
}

#[test]
fn a_handover_imported_where_the_company_filled_it_in_is_imported_once() {
    // The company used the advisor's laptop: its own session (mode self)
    // is in the same data folder.
    let (data, id) = data_with_session("self");
    let file = data.path().join("sjalvskattning.toml");
    handover(data.path(), &id, &file);
    let (code, out, err) = import(data.path(), &file);
    assert_eq!(code, 0, "{err}");
    let imported = out.trim().to_string();
    assert_ne!(imported, id, "imported beside the company's own session");
    let (code, _, err) = import(data.path(), &file);
    assert_eq!(code, 1);
    assert!(
        err.contains(&format!("already imported as session `{imported}`")),
        "{err}"
    );
    // An advisor's session of that id is never replaced.
    let (data, id) = data_with_session("advisor");
    let file = data.path().join("sjalvskattning.toml");
    handover(data.path(), &id, &file);
    let (code, _, err) = import(data.path(), &file);
    assert_eq!(code, 1);
    assert!(
        err.contains(&format!("there is already a session `{id}`")),
        "{err}"
    );
}

#[test]
fn an_answers_file_without_an_id_is_recognised_by_its_content() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("svar.toml");
    std::fs::write(
        &file,
        "questionnaire = \"exportbehov\"\n[answers]\nexporterar = \"nej\"\n[consent]\nalmi = true\n",
    )
    .unwrap();
    let (code, out, err) = import(dir.path(), &file);
    assert_eq!(code, 0, "{err}");
    assert!(out.trim().starts_with("import-"), "{out}");
    let (code, _, err) = import(dir.path(), &file);
    assert_eq!(code, 1);
    assert!(err.contains("already imported"), "{err}");
}

#[test]
fn a_follow_up_copies_the_company_and_its_contact_and_asks_who_is_present() {
    let q = q();
    let (data, id) = data_with_session("advisor");
    let store = Store::open(Some(data.path())).unwrap();
    let s = store.create_follow_up(&id, &q).unwrap();
    let c = s.answers.company.contact.as_ref().unwrap();
    assert_eq!(c.name.as_deref(), Some("Lena Holm"));
    assert_eq!(c.role.as_deref(), Some("vd"));
    assert_eq!(c.phone.as_deref(), Some("0370-123 45"));
    assert_eq!(c.email.as_deref(), Some("lena.holm@lagerlunda.example"));
    assert_eq!(
        s.answers.company.name.as_deref(),
        Some("Lagerlunda Mekaniska AB")
    );
    assert!(s.meta.attendees.is_empty(), "who is present is asked anew");
    assert!(s.answers.answers.is_empty());
    assert!(s.answers.consent.is_empty());
    assert_eq!(s.meta.previous.as_deref(), Some(id.as_str()));
    let (back, _) = store.load(&s.meta.id, &q).unwrap();
    assert_eq!(back.answers.company.contact, s.answers.company.contact);
}

/// What the wizard's `x` in `--self` calls: the library function, on a
/// session with a private note, an advisor-only answer and a note on an
/// advisor-only question.
#[test]
fn the_handover_function_leaves_the_advisors_content_out() {
    use behovsanalys::answers::{Answer, Contact};
    use behovsanalys::export::handover;
    let q = q();
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(Some(dir.path())).unwrap();
    let mut s = store.create(&q, SessionMode::SelfAssessment);
    s.answers.company.name = Some("Åkesson & Öberg AB".into());
    s.answers.company.contact = Some(Contact {
        name: Some("Eva Åkesson".into()),
        phone: Some("070-1".into()),
        ..Contact::default()
    });
    s.answers.company.extra.insert("fax".into(), "08-1".into());
    s.set_answer_at(
        "exporterar",
        Some(Answer::Choice("ja_ibland".into())),
        "2026-07-01T09:00:00Z",
    );
    s.set_answer_at(
        "riskbedomning",
        Some(Answer::Choice("hog".into())),
        "2026-07-01T09:01:00Z",
    );
    s.answers
        .notes
        .insert("exporterar".into(), "Mest till Norge.".into());
    s.answers
        .notes
        .insert("riskbedomning".into(), "RÅDGIVARE: svag köpare".into());
    s.answers
        .private_notes
        .insert("exporterar".into(), "PRIVAT: ring efter lunch".into());
    s.record_consent(
        "almi",
        true,
        "2026-07-01T09:02:00Z",
        Some("Eva Åkesson"),
        None,
    );
    s.record_consent(
        "ekn",
        false,
        "2026-07-01T09:03:00Z",
        Some("Eva Åkesson"),
        None,
    );
    let text = handover::render(&s, &q);
    for bad in [
        "riskbedomning",
        "RÅDGIVARE",
        "PRIVAT",
        "private_notes",
        "history",
        "fax",
        "ekn",
    ] {
        assert!(!text.contains(bad), "{bad:?} in:\n{text}");
    }
    for good in [
        "exporterar = \"ja_ibland\"",
        "Mest till Norge.",
        "[consent]\nalmi = true\n",
        "name = \"Eva Åkesson\"",
        "mode = \"self\"",
    ] {
        assert!(text.contains(good), "{good:?} missing in:\n{text}");
    }
    assert_eq!(
        handover::file_name(&s),
        "sjalvskattning_akesson-oberg-ab.toml"
    );
    let parsed = answers::parse("h.toml", &text, &q, Mode::Strict).unwrap();
    assert_eq!(parsed.answers.answers.len(), 1);
}

/// The company's summary is what the shared screen shows: needs, their
/// counts and the actors recommended are computed without the advisor's
/// answers, so the file does not tell the advisor's assessment through a
/// higher need or an extra actor (the screen's summary does the same).
#[test]
fn the_company_summary_does_not_depend_on_the_advisors_answers() {
    let q = q();
    let fixture = std::fs::read_to_string(EKN).unwrap();
    let dir = tempfile::tempdir().unwrap();
    // Without any advisor-only answer (and the note on one of them).
    let advisor = |line: &str| {
        q.questions
            .iter()
            .filter(|x| x.audience == Audience::Advisor)
            .any(|x| line.starts_with(&format!("{} = ", x.id)))
    };
    let without: String = fixture
        .lines()
        .filter(|l| !advisor(l))
        .map(|l| format!("{l}\n"))
        .collect();
    assert!(without.len() < fixture.len());
    // With every advisor-only answer, one of them raising a need.
    let with = fixture.replacen(
        "[answers]\n",
        "[answers]\nekonomisk_bedomning = \"svag\"\n",
        1,
    );
    let a = dir.path().join("without.toml");
    let b = dir.path().join("with.toml");
    std::fs::write(&a, without).unwrap();
    std::fs::write(&b, with).unwrap();
    let json = |p: &Path| -> serde_json::Value {
        serde_json::from_str(&ok(&[
            "export",
            "--answers",
            p.to_str().unwrap(),
            "--company",
            "--format",
            "json",
            "--date",
            "2026-07-01",
        ]))
        .unwrap()
    };
    let (a, b) = (json(&a), json(&b));
    for key in ["needs", "actors", "advice", "open_questions"] {
        assert_eq!(a[key], b[key], "{key} differs");
    }
    // The advisor's own export (a referral) does weigh them.
    let eval = |p: &str| {
        behovsanalys::scoring::evaluate(
            &q,
            &answers::load_file(Path::new(p), &q, Mode::Lenient)
                .unwrap()
                .answers
                .answers,
        )
    };
    let with = eval(dir.path().join("with.toml").to_str().unwrap());
    let without = eval(dir.path().join("without.toml").to_str().unwrap());
    let fin = q.areas.iter().position(|x| x.id == "finansiering").unwrap();
    assert_ne!(with.need(fin), without.need(fin), "the test must bite");
}
