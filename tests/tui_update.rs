//! The wizard's `update` is pure: key sequences in, state out.

mod tui_support;

use behovsanalys::answers::{Answer, AnswersFile};
use behovsanalys::i18n::Lang;
use behovsanalys::session::SessionMode;
use behovsanalys::session::StoreError;
use behovsanalys::tui::App;
use behovsanalys::tui::app::{Focus, InputError, Notice, Popup, Screen};
use behovsanalys::tui::keymap::{Action, Key, Keymap};
use behovsanalys::tui::{Effect, Msg, OpenError, OpenKind, OpenRequest, SaveError, update};
use behovsanalys::tui::{popups, screens};
use ratatui::crossterm::event::KeyEvent;
use tui_support::*;

fn answer<'a>(app: &'a behovsanalys::tui::App, id: &str) -> Option<&'a Answer> {
    app.session().unwrap().answers.answers.get(id)
}

fn saves(fx: &[Effect]) -> usize {
    fx.iter().filter(|e| matches!(e, Effect::Save(_))).count()
}

#[test]
fn start_new_then_company_form_then_first_question() {
    let mut a = app("sv", SessionMode::Advisor);
    assert_eq!(a.screen, Screen::Start);
    press(&mut a, "Enter");
    assert_eq!(a.screen, Screen::Company);
    let s = a.session().unwrap();
    assert_eq!(s.meta.id, "20260115-090000-abcd");
    assert_eq!(s.meta.created, "2026-01-15T09:00:00Z");
    press(&mut a, "PgDn");
    assert_eq!(a.screen, Screen::Questions);
    assert_eq!(current_id(&a), "anstallda");
}

#[test]
fn number_keys_enter_and_typed_numbers() {
    let mut a = app("sv", SessionMode::Advisor);
    to_questions(&mut a);
    let fx = typ(&mut a, "24");
    assert_eq!(saves(&fx), 0, "typing alone does not save");
    let fx = press(&mut a, "Enter");
    assert!(saves(&fx) >= 1);
    assert_eq!(answer(&a, "anstallda"), Some(&Answer::Number(24.0)));
    // The question also fills the company's employees, once.
    assert_eq!(a.session().unwrap().answers.company.employees, Some(24));
    assert_eq!(current_id(&a), "omsattning");
    press(&mut a, "3");
    assert_eq!(
        answer(&a, "omsattning"),
        Some(&Answer::Choice("10m_50m_eur".into()))
    );
    assert_eq!(
        current_id(&a),
        "omsattning",
        "a number key chooses, Enter moves on"
    );
    press(&mut a, "Enter");
    assert_eq!(
        answer(&a, "omsattning"),
        Some(&Answer::Choice("10m_50m_eur".into()))
    );
    // (balansomslutning is asked only above EUR 50 million.)
    assert_eq!(current_id(&a), "koncern");
    press(&mut a, "Enter");
    assert_eq!(
        answer(&a, "koncern"),
        Some(&Answer::Choice("fristaende".into()))
    );
    assert_eq!(current_id(&a), "foretagets_alder");
    // Arrows (and j/k) move, Enter chooses and moves on.
    press(&mut a, "Down j k Down Enter");
    assert_eq!(
        answer(&a, "foretagets_alder"),
        Some(&Answer::Choice("over_5".into()))
    );
    assert_eq!(current_id(&a), "erbjudande");
    // The place to resume follows the cursor.
    assert_eq!(
        a.session().unwrap().meta.current.as_deref(),
        Some("erbjudande")
    );
    // History records every change.
    assert_eq!(a.session().unwrap().meta.history.len(), 4);
}

#[test]
fn bad_numbers_are_refused_with_a_message() {
    let mut a = app("en", SessionMode::Advisor);
    to_questions(&mut a);
    typ(&mut a, "abc");
    press(&mut a, "Enter");
    assert_eq!(a.qs.input_error, Some(InputError::NotANumber));
    assert_eq!(current_id(&a), "anstallda");
    assert_eq!(answer(&a, "anstallda"), None);
    press(&mut a, "C-u");
    typ(&mut a, "-5");
    press(&mut a, "Enter");
    assert_eq!(a.qs.input_error, Some(InputError::OutOfRange));
    press(&mut a, "C-u");
    typ(&mut a, "1 200,5");
    press(&mut a, "Enter");
    assert_eq!(answer(&a, "anstallda"), Some(&Answer::Number(1200.5)));
    assert_eq!(current_id(&a), "omsattning");
}

#[test]
fn show_if_hides_and_reveals_live() {
    let mut a = app("sv", SessionMode::Advisor);
    to_questions(&mut a);
    goto(&mut a, "exporterar");
    let exportandel = a.q.question("exportandel").unwrap();
    let (_, total_before) = a.progress();
    assert!(!a.shown(exportandel), "unanswered: hidden");
    press(&mut a, "4"); // nej
    let (_, total_nej) = a.progress();
    assert!(
        total_nej < total_before,
        "progress counts only shown questions"
    );
    assert!(!a.shown(exportandel));
    let strategi = a.q.question("exportplan").unwrap();
    assert!(!a.shown(strategi));
    press(&mut a, "1"); // ja_regelbundet
    assert!(a.shown(exportandel));
    assert!(a.shown(strategi));
    press(&mut a, "Enter");
    assert_eq!(current_id(&a), "exportandel");
    // Back and forward.
    press(&mut a, "Esc");
    assert_eq!(current_id(&a), "exporterar");
    press(&mut a, "PgDn");
    assert_eq!(current_id(&a), "exportandel");
    press(&mut a, "PgUp");
    assert_eq!(current_id(&a), "exporterar");
}

#[test]
fn back_from_the_first_question_goes_to_the_company_form() {
    let mut a = app("sv", SessionMode::Advisor);
    to_questions(&mut a);
    press(&mut a, "Esc");
    assert_eq!(a.screen, Screen::Company);
    press(&mut a, "Esc");
    assert_eq!(a.screen, Screen::Start);
}

#[test]
fn unknown_and_not_applicable_only_where_allowed() {
    let mut a = app("sv", SessionMode::Advisor);
    to_questions(&mut a);
    goto(&mut a, "omsattning");
    press(&mut a, "v");
    assert_eq!(answer(&a, "omsattning"), Some(&Answer::Unknown));
    // Enter keeps "vet ej" (the cursor was not moved) and moves on.
    press(&mut a, "Enter");
    assert_eq!(answer(&a, "omsattning"), Some(&Answer::Unknown));
    press(&mut a, "Esc v");
    assert_eq!(answer(&a, "omsattning"), None, "v again clears");
    press(&mut a, "e");
    assert_eq!(
        answer(&a, "omsattning"),
        None,
        "ej relevant not allowed here"
    );
    goto(&mut a, "exporterar");
    press(&mut a, "v");
    assert_eq!(answer(&a, "exporterar"), None, "exporterar has no vet ej");
    press(&mut a, "1");
    goto(&mut a, "varumarke");
    press(&mut a, "e");
    assert_eq!(answer(&a, "varumarke"), Some(&Answer::NotApplicable));
    // Delete clears.
    press(&mut a, "Del");
    assert_eq!(answer(&a, "varumarke"), None);
}

#[test]
fn typed_questions_take_unknown_by_function_key_and_letters_as_text() {
    let mut a = app("sv", SessionMode::Advisor);
    to_questions(&mut a);
    // In the number field `v` and `q` are just typed (and refused as a number).
    typ(&mut a, "vq");
    assert_eq!(a.popup, Popup::None);
    assert_eq!(a.qs.input.text(), "vq");
    press(&mut a, "F5");
    assert_eq!(answer(&a, "anstallda"), Some(&Answer::Unknown));
    assert_eq!(a.qs.input.text(), "");
}

#[test]
fn multi_choice_ticks_with_space_and_digits() {
    let mut a = app("sv", SessionMode::Advisor);
    to_questions(&mut a);
    goto(&mut a, "exporterar");
    press(&mut a, "2");
    goto(&mut a, "exporthinder");
    press(&mut a, "Space 3");
    assert_eq!(
        answer(&a, "exporthinder"),
        Some(&Answer::Choices(vec![
            "hitta_kunder".into(),
            "betalningsrisk".into()
        ]))
    );
    press(&mut a, "1 3");
    assert_eq!(answer(&a, "exporthinder"), None, "unticking all clears");
}

#[test]
fn q_quits_with_confirmation_but_is_typeable_in_fields() {
    let mut a = app("sv", SessionMode::Advisor);
    press(&mut a, "Enter");
    typ(&mut a, "q AB");
    assert_eq!(a.popup, Popup::None);
    assert_eq!(
        a.session().unwrap().answers.company.name.as_deref(),
        Some("q AB")
    );
    press(&mut a, "PgDn Enter"); // skip the number question
    press(&mut a, "q");
    assert_eq!(a.popup, Popup::ConfirmQuit);
    press(&mut a, "n");
    assert_eq!(a.popup, Popup::None);
    assert!(!a.quit);
    press(&mut a, "C-c");
    let fx = press(&mut a, "y");
    assert!(a.quit);
    assert!(fx.iter().any(|e| matches!(e, Effect::Quit)));
}

#[test]
fn key_releases_are_ignored() {
    let mut a = app("sv", SessionMode::Advisor);
    release(&mut a, ratatui::crossterm::event::KeyCode::Enter);
    assert_eq!(a.screen, Screen::Start);
}

#[test]
fn company_form_validates_and_syncs_employees() {
    let mut a = app("sv", SessionMode::Advisor);
    press(&mut a, "Enter");
    typ(&mut a, "Exempel AB");
    press(&mut a, "Tab");
    typ(&mut a, "556036-0794"); // bad check digit
    let c = &a.session().unwrap().answers.company;
    assert_eq!(c.org_number, None, "invalid numbers are not saved");
    press(&mut a, "Backspace");
    typ(&mut a, "3");
    let c = &a.session().unwrap().answers.company;
    assert_eq!(c.org_number.as_deref(), Some("556036-0793"));
    press(&mut a, "Tab");
    typ(&mut a, "Växjö");
    press(&mut a, "Tab");
    typ(&mut a, "25.62");
    press(&mut a, "Tab");
    typ(&mut a, "24");
    // Past the contact person to the attendees: a new empty row appears as
    // soon as one is filled in.
    press(&mut a, "Tab Tab Tab Tab Tab");
    typ(&mut a, "Anna");
    press(&mut a, "Tab");
    typ(&mut a, "Almi");
    assert_eq!(a.company.attendees.len(), 2);
    let s = a.session().unwrap();
    assert_eq!(s.answers.company.sni.as_deref(), Some("25.62"));
    assert_eq!(s.answers.company.employees, Some(24));
    assert_eq!(s.meta.attendees.len(), 1);
    assert_eq!(s.meta.attendees[0].organisation, "Almi");
    // The questionnaire's own employees question was filled in too.
    assert_eq!(answer(&a, "anstallda"), Some(&Answer::Number(24.0)));
    press(&mut a, "PgDn");
    assert_eq!(a.qs.input.text(), "24");
    // The number shown is selected: typing a new one replaces it (it was
    // appended: 24 then 40 gave 2440 employees).
    assert!(a.qs.input.is_selected());
    typ(&mut a, "40");
    press(&mut a, "Enter");
    assert_eq!(answer(&a, "anstallda"), Some(&Answer::Number(40.0)));
    // The company's details follow the corrected answer.
    assert_eq!(a.session().unwrap().answers.company.employees, Some(40));
}

#[test]
fn self_assessment_hides_advisor_questions_and_private_notes() {
    let mut a = app("sv", SessionMode::SelfAssessment);
    let advisor_only = a.q.question("ledningens_engagemang").unwrap();
    to_questions(&mut a);
    goto(&mut a, "exporterar");
    press(&mut a, "1");
    assert!(!a.shown(advisor_only));
    press(&mut a, "p");
    assert_eq!(a.popup, Popup::None);
    press(&mut a, "n");
    assert!(matches!(a.popup, Popup::Note(..)));
    typ(&mut a, "Vi säljer redan i Norge");
    press(&mut a, "Enter");
    assert_eq!(
        a.session()
            .unwrap()
            .answers
            .notes
            .get("exporterar")
            .map(String::as_str),
        Some("Vi säljer redan i Norge")
    );
    let mut b = app("sv", SessionMode::Advisor);
    to_questions(&mut b);
    goto(&mut b, "exporterar");
    press(&mut b, "1");
    assert!(!b.shown(advisor_only), "not on the shared screen");
    press(&mut b, "p");
    assert_eq!(
        b.popup,
        Popup::None,
        "private notes only in the advisor view"
    );
    press(&mut b, "a");
    assert!(b.shown(advisor_only), "in the advisor view");
    press(&mut b, "p");
    typ(&mut b, "privat");
    press(&mut b, "Enter");
    assert_eq!(
        b.session()
            .unwrap()
            .answers
            .private_notes
            .get("exporterar")
            .map(String::as_str),
        Some("privat")
    );
}

#[test]
fn section_list_jumps() {
    let mut a = app("sv", SessionMode::Advisor);
    to_questions(&mut a);
    press(&mut a, "Tab");
    assert_eq!(a.qs.focus, Focus::Sections);
    press(&mut a, "Down Enter");
    assert_eq!(current_id(&a), "exporterar");
    assert_eq!(a.qs.focus, Focus::Question);
    // Hidden sections cannot be entered.
    press(&mut a, "4 Tab Down Enter");
    assert_eq!(current_id(&a), "exporterar");
}

#[test]
fn summary_consent_and_export() {
    let mut a = app("sv", SessionMode::Advisor);
    to_questions(&mut a);
    goto(&mut a, "exporterar");
    press(&mut a, "1 s");
    assert_eq!(a.screen, Screen::Summary);
    let first = a.q.actors[a.ranked()[0].actor].id.clone();
    a.consent_who = Some(("Karin Ek".into(), "Anna Berg".into()));
    press(&mut a, "Space");
    assert_eq!(
        a.session().unwrap().answers.consent.get(&first),
        Some(&true)
    );
    let fx = press(&mut a, "x");
    let Some(Effect::Export(job)) = fx.first() else {
        panic!("no export: {fx:?}")
    };
    assert_eq!(job.actors, vec![first.clone()]);
    assert_eq!(job.dir.to_str(), Some("/tmp/export"));
    press(&mut a, "Space");
    assert_eq!(a.session().unwrap().answers.consent.get(&first), None);
    update(&mut a, Msg::Exported(Ok(vec!["/tmp/export/x.html".into()])));
    assert!(a.notice.is_some());
    press(&mut a, "Esc");
    assert_eq!(a.screen, Screen::Questions);
}

#[test]
fn import_of_a_self_assessment_becomes_an_advisor_session() {
    let mut a = app("sv", SessionMode::Advisor);
    let mut file = AnswersFile::new(&a.q);
    file.company.name = Some("Exempel AB".into());
    file.answers
        .insert("exporterar".into(), Answer::Choice("ja_ibland".into()));
    file.notes.insert("exporterar".into(), "Norge".into());
    press(&mut a, "3");
    assert_eq!(a.screen, Screen::OpenFile);
    typ(&mut a, "/x/självskattning.toml");
    let fx = press(&mut a, "Enter");
    assert!(
        matches!(fx.first(), Some(Effect::Open { req: OpenRequest::Import(p), .. }) if p.ends_with("självskattning.toml")),
        "{fx:?}"
    );
    // The runtime imports (strictly), locks and hands the session over.
    let s = session_with(&a, file);
    let fx = update(&mut a, opened(s, imported_kind()));
    assert_eq!(saves(&fx), 1);
    assert_eq!(a.screen, Screen::Questions, "where the advisor continues");
    assert!(matches!(a.notice, Some(Notice::Imported { .. })));
    assert_eq!(
        answer(&a, "exporterar"),
        Some(&Answer::Choice("ja_ibland".into()))
    );
    assert_eq!(
        a.company.field(behovsanalys::tui::app::Field::Name),
        "Exempel AB"
    );
    // A file that cannot be read is reported on the same screen.
    let mut b = app("sv", SessionMode::Advisor);
    press(&mut b, "3");
    typ(&mut b, "x.toml");
    press(&mut b, "Enter");
    update(
        &mut b,
        Msg::Opened(Err(OpenError::from(StoreError::NotFound("x".into())))),
    );
    assert_eq!(b.screen, Screen::OpenFile);
    assert!(matches!(b.notice, Some(Notice::OpenFailed(_))));
    assert!(b.session().is_none());
}

#[test]
fn resume_returns_to_the_saved_question() {
    let mut a = app("sv", SessionMode::Advisor);
    to_questions(&mut a);
    goto(&mut a, "exporterar");
    press(&mut a, "1 Enter");
    let saved = a.session().cloned().unwrap();
    assert_eq!(saved.meta.current.as_deref(), Some("exportandel"));

    let mut b = app("sv", SessionMode::Advisor);
    let fx = press(&mut b, "2");
    assert!(matches!(fx.first(), Some(Effect::ListSessions { .. })));
    assert_eq!(b.screen, Screen::Resume);
    let listing = behovsanalys::session::Listing {
        sessions: vec![summary(&saved.meta.id)],
        ..Default::default()
    };
    update(&mut b, Msg::SessionsListed(Ok(listing)));
    // Enter asks the runtime to lock and load the session; nothing opens yet.
    let fx = press(&mut b, "Enter");
    assert!(
        matches!(fx.as_slice(), [Effect::Open { req: OpenRequest::Resume(id), .. }] if *id == saved.meta.id),
        "{fx:?}"
    );
    assert_eq!(b.screen, Screen::Resume);
    let fx = update(&mut b, opened(saved, OpenKind::Resumed));
    assert_eq!(saves(&fx), 1);
    assert_eq!(b.screen, Screen::Questions);
    assert_eq!(current_id(&b), "exportandel");
}

fn summary(id: &str) -> behovsanalys::session::Summary {
    behovsanalys::session::Summary {
        id: id.into(),
        company: Some("Exempel AB".into()),
        org_number: None,
        municipality: None,
        created: "2026-01-15T09:00:00Z".into(),
        updated: "2026-01-15T09:30:00Z".into(),
        mode: SessionMode::Advisor,
        origin: None,
        previous: None,
        questionnaire_id: "exportbehov".into(),
        questionnaire_version: "2026.1".into(),
        answered: 3,
        total: 50,
        advisor_answered: 0,
        advisor_total: 0,
        orphans: 0,
        drift: false,
        conflict: false,
    }
}

#[test]
fn a_locked_session_is_not_opened_and_the_holder_is_named() {
    let mut a = app("en", SessionMode::Advisor);
    press(&mut a, "2");
    let listing = behovsanalys::session::Listing {
        sessions: vec![summary("s1")],
        ..Default::default()
    };
    update(&mut a, Msg::SessionsListed(Ok(listing)));
    press(&mut a, "Enter");
    update(
        &mut a,
        Msg::Opened(Err(OpenError::Locked {
            id: "s1".into(),
            holder: Some(holder(4242)),
        })),
    );
    assert_eq!(a.screen, Screen::Resume);
    assert!(a.session().is_none());
    assert!(
        matches!(&a.notice, Some(Notice::OpenFailed(OpenError::Locked { holder, .. })) if holder.as_ref().is_some_and(|h| h.pid == 4242))
    );
    // A new session whose lock cannot be taken is closed again.
    let mut b = app("en", SessionMode::Advisor);
    let fx = press(&mut b, "Enter");
    assert!(matches!(fx.as_slice(), [Effect::Lock(id)] if id == "20260115-090000-abcd"));
    assert_eq!(b.screen, Screen::Company);
    update(
        &mut b,
        Msg::LockFailed(OpenError::from(StoreError::NoDataDir)),
    );
    assert_eq!(b.screen, Screen::Start);
    assert!(b.session().is_none());
    assert!(b.notice.is_some());
}

#[test]
fn leaving_a_session_releases_it() {
    let mut a = app("sv", SessionMode::Advisor);
    press(&mut a, "Enter");
    assert_eq!(a.screen, Screen::Company);
    let fx = press(&mut a, "Esc");
    assert!(matches!(fx.as_slice(), [Effect::Close]), "{fx:?}");
    assert_eq!(a.screen, Screen::Start);
    assert!(a.session().is_none());
}

#[test]
fn follow_up_from_the_resume_list() {
    let mut a = app("sv", SessionMode::Advisor);
    press(&mut a, "2");
    let listing = behovsanalys::session::Listing {
        sessions: vec![summary("s1"), summary("s2")],
        ..Default::default()
    };
    update(&mut a, Msg::SessionsListed(Ok(listing)));
    press(&mut a, "Down");
    let fx = press(&mut a, "f");
    assert!(
        matches!(fx.as_slice(), [Effect::Open { req: OpenRequest::FollowUp(id), .. }] if id == "s2"),
        "{fx:?}"
    );
    // Not in a self-assessment.
    let mut b = app("sv", SessionMode::SelfAssessment);
    press(&mut b, "2");
    let mut row = summary("s1");
    row.mode = SessionMode::SelfAssessment;
    let listing = behovsanalys::session::Listing {
        sessions: vec![row, summary("advisor-only")],
        ..Default::default()
    };
    update(&mut b, Msg::SessionsListed(Ok(listing)));
    assert_eq!(
        b.resume_rows().len(),
        1,
        "self mode lists only self-assessments"
    );
    assert!(press(&mut b, "f").is_empty());
}

#[test]
fn save_failures_show_a_banner_until_saved_again() {
    let mut a = app("sv", SessionMode::Advisor);
    update(&mut a, Msg::SaveFailed(SaveError::NotLocked("x".into())));
    assert!(matches!(a.save_error, Some(SaveError::NotLocked(_))));
    update(&mut a, Msg::Saved);
    assert!(a.save_error.is_none());
    assert!(matches!(a.notice, Some(Notice::SavedAgain)));
}

#[test]
fn language_switches_anywhere() {
    let mut a = app("sv", SessionMode::Advisor);
    press(&mut a, "F2");
    assert_eq!(a.lang, Lang::En);
    press(&mut a, "Enter");
    typ(&mut a, "AB");
    press(&mut a, "F2");
    assert_eq!(a.lang, Lang::Sv);
    assert_eq!(a.company.field(behovsanalys::tui::app::Field::Name), "AB");
}

#[test]
fn consent_is_logged_with_who_and_when() {
    let consent_log = |a: &behovsanalys::tui::App| -> Vec<String> {
        a.session().unwrap().answers.meta["consent_log"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e.to_string())
            .collect()
    };
    // Self-assessment: the company itself gives it.
    let mut a = app("sv", SessionMode::SelfAssessment);
    press(&mut a, "Enter");
    typ(&mut a, "Exempel AB");
    press(&mut a, "PgDn F8");
    let actor = a.q.actors[a.ranked()[0].actor].id.clone();
    let fx = press(&mut a, "Space");
    assert_eq!(saves(&fx), 1);
    press(&mut a, "Space");
    let log = consent_log(&a);
    assert_eq!(log.len(), 2);
    assert!(log[0].contains(&format!("actor = \"{actor}\"")), "{log:?}");
    assert!(log[0].contains("given = true") && log[1].contains("given = false"));
    assert!(log[0].contains("given_by = \"Exempel AB\""), "{log:?}");
    assert!(!log[0].contains("recorded_by"), "{log:?}");
    assert!(log[0].contains("at = \"2026-01-15T09:00:00Z\""), "{log:?}");
    // A visit: who gives and who records it are asked for first (nothing
    // recorded when the form is cancelled); the clock is the app's.
    let mut b = app("en", SessionMode::Advisor);
    to_questions(&mut b);
    press(&mut b, "F8 Space");
    assert!(matches!(b.popup, Popup::ConsentWho(_)));
    press(&mut b, "Esc");
    assert!(
        !b.session()
            .unwrap()
            .answers
            .meta
            .contains_key("consent_log")
    );
    press(&mut b, "Space");
    typ(&mut b, "Karin Ek");
    press(&mut b, "Down");
    typ(&mut b, "Anna Berg");
    press(&mut b, "Enter");
    let log = consent_log(&b);
    assert!(log[0].contains("given_by = \"Karin Ek\""), "{log:?}");
    assert!(log[0].contains("recorded_by = \"Anna Berg\""), "{log:?}");
    assert!(log[0].contains("at = \"2026-01-15T09:00:00Z\""), "{log:?}");
    // `w` changes the names for what follows.
    press(&mut b, "w C-u");
    typ(&mut b, "Per Ek");
    press(&mut b, "Enter Space");
    let log = consent_log(&b);
    assert!(
        log[1].contains("given_by = \"Per Ek\"") && log[1].contains("given = false"),
        "{log:?}"
    );
}

/// A key event for a keymap key (a digit key is `1`; `1–n` is `n`).
fn event_of(k: Key) -> Option<KeyEvent> {
    use ratatui::crossterm::event::{KeyCode, KeyModifiers};
    Some(match k {
        Key::Code(code) => KeyEvent::new(code, KeyModifiers::NONE),
        Key::Ctrl(c) => KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL),
        Key::Alt(code) => KeyEvent::new(code, KeyModifiers::ALT),
        Key::Digit => KeyEvent::new(KeyCode::Char('1'), KeyModifiers::NONE),
        // The highest digit the hint names.
        Key::DigitTo(n) => KeyEvent::new(KeyCode::Char((b'0' + n) as char), KeyModifiers::NONE),
        Key::Any => return None,
    })
}

/// The keymap in force: the popup's, else the screen's.
fn keymap_now(a: &App) -> &'static Keymap {
    popups::keymap(&a.popup).unwrap_or_else(|| screens::keymap(a.screen))
}

/// Every binding that shows a hint is reached by the key its hint names:
/// no earlier row shadows it, and a text field does not swallow it.
fn check_hints_reach_their_actions(a: &App, what: &str) {
    let map = keymap_now(a);
    let in_field = (map.in_field)(a);
    let mut hinted = 0;
    for b in map
        .bindings
        .iter()
        .filter(|b| b.hint.is_some() && (b.when)(a))
    {
        let Some(k) = b.keys.iter().copied().find(|k| !in_field || k.in_fields()) else {
            continue;
        };
        let Some(ev) = event_of(k) else { continue };
        let got = map.action(a, &ev);
        let want = match b.action {
            Action::Digit(_) => Action::Digit(1),
            x => x,
        };
        assert_eq!(got, Some(want), "{what}: {k:?}");
        hinted += 1;
    }
    assert!(hinted > 0, "{what}: no hints");
    // The footer says as much.
    let words = behovsanalys::i18n::tui::words(a.lang);
    assert!(!map.hints(a, words).is_empty(), "{what}");
}

#[test]
fn footer_hints_come_from_the_keymap_and_name_working_keys() {
    let mut a = app("sv", SessionMode::Advisor);
    check_hints_reach_their_actions(&a, "start");
    press(&mut a, "2");
    check_hints_reach_their_actions(&a, "resume");
    press(&mut a, "Esc 3");
    check_hints_reach_their_actions(&a, "open file");
    press(&mut a, "Esc 1");
    check_hints_reach_their_actions(&a, "company field");
    press(&mut a, "BackTab");
    assert!(a.company.on_button());
    check_hints_reach_their_actions(&a, "company button");
    press(&mut a, "Enter");
    check_hints_reach_their_actions(&a, "number question");
    press(&mut a, "Enter");
    check_hints_reach_their_actions(&a, "single choice");
    goto(&mut a, "exporterar");
    press(&mut a, "1");
    goto(&mut a, "exporthinder");
    check_hints_reach_their_actions(&a, "multi choice");
    goto(&mut a, "marknadskunskap");
    check_hints_reach_their_actions(&a, "scale");
    press(&mut a, "Tab");
    check_hints_reach_their_actions(&a, "sections");
    press(&mut a, "Esc n");
    check_hints_reach_their_actions(&a, "note");
    press(&mut a, "Esc ?");
    check_hints_reach_their_actions(&a, "help");
    press(&mut a, "Esc s");
    check_hints_reach_their_actions(&a, "summary");
    press(&mut a, "Tab");
    check_hints_reach_their_actions(&a, "export folder");
    press(&mut a, "C-c");
    check_hints_reach_their_actions(&a, "quit?");
}

#[test]
fn a_hint_names_the_key_that_works_in_the_field() {
    let hints = |a: &App| {
        let words = behovsanalys::i18n::tui::words(a.lang);
        keymap_now(a).hints(a, words).join("  ")
    };
    let mut a = app("sv", SessionMode::Advisor);
    to_questions(&mut a);
    // A number question: letters are typed, so the F-keys are named.
    let typed = hints(&a);
    assert!(
        typed.contains("F5 vet ej") && typed.contains("Ctrl-C avsluta"),
        "{typed}"
    );
    assert!(
        !typed.contains("v vet ej") && !typed.contains("Del rensa"),
        "{typed}"
    );
    press(&mut a, "Enter");
    let choice = hints(&a);
    assert!(
        choice.contains("v vet ej") && choice.contains("q avsluta"),
        "{choice}"
    );
    assert!(
        choice.contains("↑↓ flytta") && choice.contains("1–9 välj"),
        "{choice}"
    );
    // In English the same keys.
    press(&mut a, "F2");
    assert!(hints(&a).contains("v don't know"), "{}", hints(&a));
}

#[test]
fn help_lists_the_keys_of_the_screen_and_scrolls() {
    let mut a = app("en", SessionMode::Advisor);
    press(&mut a, "?");
    assert_eq!(a.popup, Popup::Help { scroll: 0 });
    let words = behovsanalys::i18n::tui::words(a.lang);
    let help = screens::keymap(a.screen).help(&a, words);
    assert!(help.iter().any(|h| h.keys == "q, Esc, Ctrl-C"), "{help:?}");
    press(&mut a, "Down Down Up");
    assert_eq!(a.popup, Popup::Help { scroll: 1 });
    press(&mut a, "x");
    assert_eq!(a.popup, Popup::None);
    assert_eq!(a.screen, Screen::Start, "the closing key does nothing else");
    // In a number question F1 opens it (`?` is typed).
    to_questions(&mut a);
    press(&mut a, "?");
    assert_eq!(a.popup, Popup::None);
    assert_eq!(a.qs.input.text(), "?");
    press(&mut a, "F1");
    assert!(matches!(a.popup, Popup::Help { .. }));
}

#[test]
fn an_import_opens_where_the_advisor_continues() {
    // The company answered everything it was asked: the advisor goes on
    // with the first advisor-only question, in the advisor view.
    let mut a = app("sv", SessionMode::Advisor);
    let path = format!(
        "{}/tests/fixtures/profiles/maskin_tyskland.toml",
        env!("CARGO_MANIFEST_DIR")
    );
    let mut file = behovsanalys::answers::load_file(
        std::path::Path::new(&path),
        &a.q,
        behovsanalys::answers::Mode::Lenient,
    )
    .unwrap()
    .answers;
    let q = std::sync::Arc::clone(&a.q);
    let advisor_only = |id: &str| {
        q.question(id).is_some_and(|i| {
            q.questions[i].audience == behovsanalys::questionnaire::Audience::Advisor
        })
    };
    file.answers.retain(|id, _| !advisor_only(id));
    let mut s = session_with(&a, file);
    s.meta.self_answers = s.answers.answers.keys().cloned().collect();
    s.meta.imported_at = Some("2026-01-15T09:00:00Z".into());
    update(&mut a, opened(s, imported_kind()));
    assert_eq!(a.screen, Screen::Questions);
    let first =
        a.q.questions
            .iter()
            .position(|x| advisor_only(&x.id))
            .unwrap();
    assert_eq!(a.qs.cur, first);
    assert!(a.advisor_view);
    assert!(
        matches!(&a.notice, Some(Notice::Imported { from, .. }) if from.left == 3 && from.answers > 40)
    );
    // Answered, the next question the company may see ends the advisor
    // view.
    press(&mut a, "3 Enter");
    assert!(!a.advisor_view);
}
