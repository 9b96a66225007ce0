//! The hand-over from a company's self-assessment to the advisor, through
//! the wizard's runtime and a real store: the company's file holds only
//! what it may send; the company writes no referrals, its ticks are
//! requests; the advisor's import opens where the advisor continues, shows
//! what came from the company, turns the requests into "the company asked
//! to be referred to …" for the advisor to confirm with the representative;
//! a second import of the same file is refused.

mod tui_support;
use tui_support::draw;
use tui_support::runtime::{press, typ};

use std::path::Path;
use std::sync::Arc;

use behovsanalys::answers::Answer;
use behovsanalys::questionnaire::{self, Audience, Questionnaire};
use behovsanalys::session::SessionMode;
use behovsanalys::tui::app::{App, Notice, Popup, Screen, advisor_only};
use behovsanalys::tui::{Msg, OpenError, Runtime};

fn q() -> Arc<Questionnaire> {
    Arc::new(questionnaire::builtin().unwrap().questionnaire)
}

/// A Swedish wizard on `dir` (see [`tui_support::runtime::wizard`]).
fn wizard(
    dir: &Path,
    q: &Arc<Questionnaire>,
    mode: SessionMode,
    id: fn() -> String,
) -> (App, Runtime) {
    tui_support::runtime::wizard(dir, q, "sv", mode, id)
}

const COMPANY: fn() -> String = || "20261120-090000-c0c0".to_string();
const ADVISOR: fn() -> String = || "20261125-104200-aaaa".to_string();

/// The company fills in its self-assessment: company details, contact
/// person, a few answers, a request to be referred to EKN; then saves the
/// file for the advisor into `out`. Returns the file's path.
fn company_self_assessment(dir: &Path, out: &Path, q: &Arc<Questionnaire>) -> std::path::PathBuf {
    let (mut a, mut rt) = wizard(dir, q, SessionMode::SelfAssessment, COMPANY);
    press(&mut a, &mut rt, "Enter");
    typ(&mut a, &mut rt, "Exempel AB");
    for _ in 0..5 {
        press(&mut a, &mut rt, "Tab");
    }
    typ(&mut a, &mut rt, "Karin Ek");
    press(&mut a, &mut rt, "Tab Tab");
    typ(&mut a, &mut rt, "0470-123 45");
    press(&mut a, &mut rt, "PgDn");
    typ(&mut a, &mut rt, "24");
    press(&mut a, &mut rt, "Enter 3 Enter");
    // As the issue reproduced it: something only the advisor may see got
    // into the company's session (a private note, an advisor-only answer).
    let adv =
        a.q.questions
            .iter()
            .find(|x| x.audience == Audience::Advisor)
            .unwrap()
            .id
            .clone();
    if let Some(o) = a.open.as_mut() {
        o.session.answers.private_notes.insert(
            "anstallda".into(),
            "Vd antydde att checkkrediten är nästan fullt utnyttjad".into(),
        );
        o.session.answers.answers.insert(adv, Answer::Number(1.0));
    }
    press(&mut a, &mut rt, "F8");
    assert_eq!(a.screen, Screen::Summary);
    let ekn = a
        .ranked()
        .iter()
        .position(|r| a.q.actors[r.actor].id == "ekn")
        .unwrap();
    for _ in 0..ekn {
        press(&mut a, &mut rt, "Down");
    }
    press(&mut a, &mut rt, "Space");
    let screen = draw(&a, 120, 40);
    assert!(screen.contains("Önskar remiss"), "{screen}");
    assert!(screen.contains("[x] EKN"), "{screen}");
    // x: only the company's summary and the file for the advisor.
    press(&mut a, &mut rt, "Tab");
    for _ in 0..20 {
        press(&mut a, &mut rt, "Backspace");
    }
    rt.dispatch(&mut a, Msg::Paste(out.display().to_string()));
    press(&mut a, &mut rt, "Enter");
    let Some(Notice::Exported(files)) = &a.notice else {
        panic!("no export: {:?}", a.notice)
    };
    let names: Vec<String> = files
        .iter()
        .map(|f| {
            Path::new(f)
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");
    assert!(
        names.iter().all(|n| !n.contains("ekn")),
        "no referral: {names:?}"
    );
    let file = files.iter().find(|f| f.ends_with(".toml")).unwrap();
    rt.finish().unwrap();
    std::path::PathBuf::from(file)
}

#[test]
fn self_assessment_then_import_then_a_second_import_refused() {
    let q = q();
    let company_dir = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let file = company_self_assessment(company_dir.path(), out.path(), &q);

    // The hand-over file: the company's own answers, details, contact and
    // request; nothing only the advisor may see.
    let text = std::fs::read_to_string(&file).unwrap();
    for want in [
        "name = \"Exempel AB\"",
        "[company.contact]",
        "name = \"Karin Ek\"",
        "phone = \"0470-123 45\"",
        "anstallda = 24",
        "[consent]",
        "ekn = true",
    ] {
        assert!(text.contains(want), "{want} missing:\n{text}");
    }
    for never in [
        "private_notes",
        "checkkrediten",
        "history",
        "consent_log",
        "attendees",
    ] {
        assert!(
            !text.contains(never),
            "{never} in the hand-over file:\n{text}"
        );
    }
    for x in q
        .questions
        .iter()
        .filter(|x| x.audience == Audience::Advisor)
    {
        assert!(
            !text.contains(&format!("{} =", x.id)),
            "{} in:\n{text}",
            x.id
        );
    }

    // The advisor imports it.
    let data = tempfile::tempdir().unwrap();
    let (mut a, mut rt) = wizard(data.path(), &q, SessionMode::Advisor, ADVISOR);
    press(&mut a, &mut rt, "3");
    rt.dispatch(&mut a, Msg::Paste(file.display().to_string()));
    press(&mut a, &mut rt, "Enter");
    assert_eq!(a.screen, Screen::Questions, "{:?}", a.notice);
    // Where the advisor continues: the first unanswered question (this
    // company left some of its own; the advisor view comes on for an
    // advisor-only one, see tui_update).
    let cur = a.qs.cur;
    assert!(a.answer(cur).is_none());
    assert_eq!(a.advisor_view, advisor_only(&a.q, cur));
    assert!(
        (0..cur).all(|i| a.answer(i).is_some()
            || !a.eval().unwrap().visible[i]
            || advisor_only(&a.q, i)),
        "{}",
        a.q.questions[cur].id
    );
    let screen = draw(&a, 120, 40);
    assert!(screen.contains("Från företaget"), "{screen}");
    // Its answers are marked.
    press(&mut a, &mut rt, "C-p");
    assert!(draw(&a, 120, 40).contains("svar från företaget"));
    let s = a.session().unwrap();
    assert!(s.answers.consent.is_empty(), "a request is not consent");
    assert_eq!(
        s.answers.company.contact.as_ref().unwrap().name.as_deref(),
        Some("Karin Ek")
    );
    let (answered, _) = a.progress();
    assert!(answered > 0);
    // The request, confirmed with the representative.
    press(&mut a, &mut rt, "F8");
    let screen = draw(&a, 120, 40);
    assert!(screen.contains("[?] EKN"), "{screen}");
    assert!(
        screen.contains("Företaget bad om remiss till EKN"),
        "{screen}"
    );
    let ekn = a
        .ranked()
        .iter()
        .position(|r| a.q.actors[r.actor].id == "ekn")
        .unwrap();
    for _ in 0..ekn {
        press(&mut a, &mut rt, "Down");
    }
    press(&mut a, &mut rt, "Space");
    let Popup::ConsentWho(form) = &a.popup else {
        panic!("who gives consent? {:?}", a.popup)
    };
    assert_eq!(form.given_by.text(), "Karin Ek", "the contact person first");
    press(&mut a, &mut rt, "Down");
    typ(&mut a, &mut rt, "Anna Berg");
    press(&mut a, &mut rt, "Enter");
    let s = a.session().unwrap();
    assert_eq!(s.answers.consent.get("ekn"), Some(&true));
    let log = s.consent_log();
    assert_eq!(log.last().unwrap().given_by.as_deref(), Some("Karin Ek"));
    assert_eq!(
        log.last().unwrap().recorded_by.as_deref(),
        Some("Anna Berg")
    );
    assert!(draw(&a, 120, 40).contains("[x] EKN"));
    rt.finish().unwrap();

    // The same file again: refused, as `behovsanalys import` refuses it;
    // no second copy of the company.
    let (mut b, mut rt) = wizard(data.path(), &q, SessionMode::Advisor, ADVISOR);
    press(&mut b, &mut rt, "3");
    rt.dispatch(&mut b, Msg::Paste(file.display().to_string()));
    press(&mut b, &mut rt, "Enter");
    assert_eq!(b.screen, Screen::OpenFile);
    assert!(
        matches!(&b.notice, Some(Notice::OpenFailed(OpenError::AlreadyImported(id))) if id == COMPANY().as_str()),
        "{:?}",
        b.notice
    );
    assert!(draw(&b, 80, 24).contains("redan importerad"));
    let sessions = std::fs::read_dir(data.path().join("sessions"))
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .is_ok_and(|e| e.path().extension().is_some_and(|x| x == "toml"))
        })
        .count();
    assert_eq!(sessions, 1);
    let cli = std::process::Command::new(env!("CARGO_BIN_EXE_behovsanalys"))
        .args(["--data-dir", &data.path().display().to_string(), "import"])
        .arg(&file)
        .output()
        .unwrap();
    assert!(!cli.status.success(), "the command line refuses it too");
}
