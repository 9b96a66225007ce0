//! Presenter-safe mode: on the shared screen nothing only the advisor may
//! see — private notes, advisor-only questions, their answers and notes —
//! on any screen or popup, at 80×24, 120×40 and 200×50; the advisor view
//! shows them, is clearly marked (without colour too) and ends by itself.

mod tui_support;

use behovsanalys::session::SessionMode;
use behovsanalys::tui::app::{App, Focus, Popup, Screen, advisor_only};
use tui_support::secret::*;
use tui_support::*;

const SIZES: [(u16, u16); 3] = [(80, 24), (120, 40), (200, 50)];

/// Draws at every size; fails on the first probe found.
fn assert_clean(app: &App, what: &str) -> usize {
    for (w, h) in SIZES {
        let screen = draw(app, w, h);
        let found = leaks(&screen);
        assert!(
            found.is_empty(),
            "{what} at {w}x{h} shows {found:?}:\n{screen}"
        );
    }
    SIZES.len()
}

#[test]
fn nothing_only_for_the_advisor_on_any_shared_screen() {
    for lang in ["sv", "en"] {
        let mut a = secret_visit(lang);
        let mut draws = 0;
        assert_eq!(a.screen, Screen::Questions);
        assert!(!a.advisor_view, "the shared view is the default");
        // Every question of the shared flow, as it is, with help, the note
        // editor, the compact section view and the needs panel.
        let mut seen = 0;
        while a.screen == Screen::Questions {
            let i = a.qs.cur;
            assert!(
                !advisor_only(&a.q, i),
                "{} in the shared flow",
                a.q.questions[i].id
            );
            let id = a.q.questions[i].id.clone();
            draws += assert_clean(&a, &id);
            for (open, close) in [("F1", "Esc"), ("F3", "Esc"), ("F9", "F9"), ("F7", "F7")] {
                press(&mut a, open);
                draws += assert_clean(&a, &format!("{id} {open}"));
                press(&mut a, close);
            }
            press(&mut a, "F4");
            assert_eq!(
                a.popup,
                Popup::None,
                "no private note editor in the shared view"
            );
            draws += assert_clean(&a, &format!("{id} F4"));
            press(&mut a, "C-n");
            seen += 1;
        }
        assert!(seen > 20, "{seen} questions");
        assert_eq!(a.screen, Screen::Summary);
        // The summary: every actor's details, paged through.
        let n = a.ranked().len();
        for k in 0..n {
            draws += assert_clean(&a, &format!("summary, actor {k}"));
            for _ in 0..6 {
                press(&mut a, "PgDn");
                draws += assert_clean(&a, &format!("summary, actor {k}, paged"));
            }
            press(&mut a, "PgUp PgUp PgUp PgUp PgUp PgUp Down");
        }
        for (open, close) in [("?", "Esc"), ("Tab", "Esc"), ("q", "n")] {
            press(&mut a, open);
            draws += assert_clean(&a, &format!("summary {open}"));
            press(&mut a, close);
        }
        // The section list, every row; the company form.
        press(&mut a, "Esc");
        assert_eq!(a.screen, Screen::Questions);
        press(&mut a, "Tab");
        assert_eq!(a.qs.focus, Focus::Sections);
        for _ in 0..a.q.sections.len() + 2 {
            draws += assert_clean(&a, "section list");
            press(&mut a, "Down");
        }
        press(&mut a, "Esc");
        assert_eq!(a.qs.focus, Focus::Question);
        press(&mut a, "Tab");
        for _ in 0..a.q.sections.len() + 2 {
            press(&mut a, "Up");
        }
        press(&mut a, "Enter");
        assert_eq!(a.screen, Screen::Company);
        draws += assert_clean(&a, "company form");
        assert!(draws > 500, "{draws} screens drawn");

        // The advisor view shows what the shared one hides (so the probes
        // can find it).
        press(&mut a, "PgDn F8 a");
        assert!(a.advisor_view);
        // (All pages of it.)
        let mut screen = draw(&a, 200, 50);
        for _ in 0..8 {
            press(&mut a, "PgDn");
            screen.push_str(&draw(&a, 200, 50));
        }
        for p in [
            "checkkrediten",
            "Likviditetsbudgeten",
            "Revisorn",
            A_MARK,
            Q_MARK,
        ] {
            assert!(
                screen.contains(p),
                "{p} missing in the advisor view:\n{screen}"
            );
        }
        // The question left open is among the advisor view's open
        // questions (and was not among the shared view's).
        let open = a.eval().unwrap().open_questions.clone();
        assert!(open.iter().any(|&i| advisor_only(&a.q, i)), "{open:?}");
        // Back in the shared view: the consent form, the company form and
        // the start screen.
        press(&mut a, "a Up Space");
        assert!(
            matches!(a.popup, Popup::ConsentWho(_)),
            "{:?} {:?} {} {}",
            a.popup,
            a.screen,
            a.advisor_view,
            a.summary.cursor
        );
        draws += assert_clean(&a, "consent form");
        press(&mut a, "Esc");
        draws += assert_clean(&a, "summary again");
        press(&mut a, "Esc Tab");
        for _ in 0..a.q.sections.len() + 2 {
            press(&mut a, "Up");
        }
        press(&mut a, "Enter Esc");
        assert_eq!(a.screen, Screen::Start);
        draws += assert_clean(&a, "start");
        assert!(draws > 500);
    }
}

/// The question just before the first advisor-only one, in questionnaire
/// order.
fn before_first_advisor_question(a: &App) -> (String, String) {
    let first = advisor_questions(&a.q)[0].clone();
    let i = a.q.question(&first).unwrap();
    (a.q.questions[i - 1].id.clone(), first)
}

#[test]
fn the_advisor_view_is_entered_with_a_key_and_ends_by_itself() {
    let mut a = secret_visit("sv");
    goto(&mut a, "exporterar");
    let shared = draw(&a, 120, 40);
    assert!(!shared.contains("checkkrediten") && !shared.contains("RÅDGIVARVY"));
    // One key in: the private note and the marker (text and a double
    // border, no colour needed).
    press(&mut a, "a");
    assert!(a.advisor_view);
    let screen = draw(&a, 120, 40);
    assert!(screen.contains("checkkrediten"), "{screen}");
    assert!(screen.contains("RÅDGIVARVY"), "{screen}");
    assert!(screen.contains('╔') && screen.contains('║'), "{screen}");
    // The private note editor opens only now, with the note.
    press(&mut a, "p");
    assert!(matches!(a.popup, Popup::Note(..)));
    assert!(draw(&a, 120, 40).contains("checkkrediten"));
    press(&mut a, "Esc");
    // The same key out.
    press(&mut a, "a");
    assert!(!a.advisor_view);
    assert!(leaks(&draw(&a, 120, 40)).is_empty());

    // In the shared flow the advisor-only question is skipped …
    let (before, first) = before_first_advisor_question(&a);
    goto(&mut a, &before);
    press(&mut a, "C-n");
    assert_ne!(current_id(&a), first, "skipped in the shared view");
    // … in the advisor view it is visited, and the view ends by itself
    // when the next question the company may see comes up.
    goto_back(&mut a, &before);
    press(&mut a, "a C-n");
    assert_eq!(current_id(&a), first);
    assert!(a.advisor_view, "still on an advisor-only question");
    assert!(draw(&a, 120, 40).contains(Q_MARK));
    press(&mut a, "C-n");
    assert!(!advisor_only(&a.q, a.qs.cur));
    assert!(
        !a.advisor_view,
        "the next shared question ends the advisor view"
    );
    assert!(leaks(&draw(&a, 80, 24)).is_empty());

    // Leaving the view on an advisor-only question moves on to a shared
    // one; another screen ends it too.
    goto_back(&mut a, &before);
    press(&mut a, "a C-n");
    assert_eq!(current_id(&a), first);
    press(&mut a, "a");
    assert!(!a.advisor_view);
    assert!(!advisor_only(&a.q, a.qs.cur));
    press(&mut a, "a F8");
    assert_eq!(a.screen, Screen::Summary);
    assert!(!a.advisor_view, "a new screen starts shared");
    press(&mut a, "a Esc");
    assert_eq!(a.screen, Screen::Questions);
    assert!(!a.advisor_view);
    assert!(leaks(&draw(&a, 200, 50)).is_empty());
}

/// Pages back to question `id`.
fn goto_back(a: &mut App, id: &str) {
    for _ in 0..200 {
        if current_id(a) == id {
            return;
        }
        press(a, "C-p");
    }
    panic!("question {id} not reached");
}

#[test]
fn needs_and_recommendations_on_the_shared_screen_leave_out_advisor_answers() {
    let a = secret_visit("sv");
    let o = a.open.as_ref().unwrap();
    let shared = o.shared.as_ref().expect("a shared evaluation");
    assert_ne!(
        shared.areas.iter().map(|x| x.need).collect::<Vec<_>>(),
        o.eval.areas.iter().map(|x| x.need).collect::<Vec<_>>(),
        "the advisor's answers change the needs"
    );
    assert!(std::ptr::eq(a.eval().unwrap(), shared));
    // No reason on the shared screen cites an advisor-only answer.
    for r in &shared.referrals {
        for reason in &r.reasons {
            if let behovsanalys::scoring::Reason::Answer(c) = reason {
                assert!(!advisor_only(&a.q, c.question));
            }
        }
    }
}

#[test]
fn no_advisor_view_in_a_self_assessment() {
    let mut a = app("sv", SessionMode::SelfAssessment);
    to_questions(&mut a);
    press(&mut a, "Enter a F12");
    assert!(!a.advisor_view);
}

/// A resumed session's drift report keeps answers the questionnaire can
/// no longer use: on the shared screen not those to advisor-only questions
/// (or to questions that are gone); in the advisor view all of them.
#[test]
fn drift_on_resume_keeps_the_advisors_answers_off_the_shared_screen() {
    use behovsanalys::answers::Orphan;
    use behovsanalys::session::DriftReport;
    use behovsanalys::tui::{Msg, OpenKind, Opened, update};
    let mut a = app("sv", SessionMode::Advisor);
    let adv =
        a.q.questions
            .iter()
            .find(|x| x.audience == behovsanalys::questionnaire::Audience::Advisor)
            .unwrap()
            .id
            .clone();
    let orphan = |q: &str, v: &str| Orphan {
        question: q.into(),
        value: toml::Value::String(v.into()),
        reason: "the option was removed".into(),
    };
    let s = session_with(&a, behovsanalys::answers::AnswersFile::new(&a.q));
    update(
        &mut a,
        Msg::Opened(Ok(Box::new(Opened {
            session: s,
            kind: OpenKind::Resumed,
            drift: DriftReport {
                version_before: Some("2025.9".into()),
                hash_changed: true,
                orphans: vec![
                    orphan(&adv, "hemligt_alternativ"),
                    orphan("borttagen", "gammalt_svar"),
                    orphan("exporterar", "synligt_svar"),
                ],
                renamed: vec![],
            },
            previous: None,
        }))),
    );
    let shared = draw(&a, 200, 50);
    assert!(shared.contains("synligt_svar"), "{shared}");
    assert!(
        !shared.contains("hemligt_alternativ") && !shared.contains("gammalt_svar"),
        "{shared}"
    );
    press(&mut a, "F12");
    let advisor = draw(&a, 200, 50);
    assert!(
        advisor.contains("hemligt_alternativ") && advisor.contains("gammalt_svar"),
        "{advisor}"
    );
}

/// The resume list is a shared screen too: a visit's progress there counts
/// what the company may see, as the questions screen does ("16 of 63"),
/// not the advisor-only questions and their answers.
#[test]
fn the_resume_list_counts_what_the_shared_screen_counts() {
    use behovsanalys::session::Store;
    use behovsanalys::tui::{Msg, update};
    let a = secret_visit("en");
    let (done, total) = a.progress();
    assert!(done > 0, "{done}/{total}");
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(Some(dir.path())).unwrap();
    let mut s = a.session().cloned().unwrap();
    store.save_new(&mut s, &a.q).unwrap();
    let listing = store.list(&a.q).unwrap();
    let row = &listing.sessions[0];
    // `sessions list` (the advisor's) counts every question…
    let advisor = advisor_questions(&a.q).len();
    assert!(row.answered >= done + advisor - 1, "{row:?}");
    // …the wizard's resume list what the shared screen shows.
    let mut b = app("en", SessionMode::Advisor);
    b.q = a.q.clone();
    press(&mut b, "2");
    assert_eq!(b.screen, Screen::Resume);
    update(&mut b, Msg::SessionsListed(Ok(listing)));
    for (w, h) in SIZES {
        let screen = draw(&b, w, h);
        let shown = format!("{done:>3}/{total:<3}");
        assert!(screen.contains(&shown), "{w}x{h}: want {shown}\n{screen}");
    }
}

/// `p` on the shared screen says private notes belong to the advisor view;
/// the hint is gone once the advisor view is on (where `p` works) and when
/// the next question is shown — it does not follow the meeting around.
#[test]
fn the_private_note_hint_goes_when_it_no_longer_applies() {
    let hint = "Private notes are written";
    let mut a = app("en", SessionMode::Advisor);
    to_questions(&mut a);
    press(&mut a, "F4");
    let screen = draw(&a, 80, 24);
    assert!(screen.contains(hint), "{screen}");
    // The first question takes a number: letters type, so the key named
    // is the one that works there.
    assert!(
        screen.contains("(F12)") && !screen.contains("(a)"),
        "{screen}"
    );
    press(&mut a, "F12");
    assert!(a.advisor_view);
    let screen = draw(&a, 80, 24);
    assert!(!screen.contains(hint), "{screen}");
    press(&mut a, "F12 F4");
    assert!(!a.advisor_view);
    assert!(draw(&a, 80, 24).contains(hint));
    press(&mut a, "PgDn");
    let screen = draw(&a, 80, 24);
    assert!(!screen.contains(hint), "{screen}");
}

/// The summary always shows the needs: its help offers no key to show or
/// hide them, and `b` there does not flip the questions screen's panel
/// behind the advisor's back.
#[test]
fn the_summary_offers_no_needs_key_it_does_not_have() {
    let mut a = app("en", SessionMode::Advisor);
    to_questions(&mut a);
    press(&mut a, "F8");
    assert_eq!(a.screen, Screen::Summary);
    press(&mut a, "?");
    let help = draw(&a, 100, 50);
    assert!(!help.contains("b, F7"), "{help}");
    press(&mut a, "Esc b");
    assert!(!a.show_needs);
    press(&mut a, "F7");
    assert!(!a.show_needs);
}
