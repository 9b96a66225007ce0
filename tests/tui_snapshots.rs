//! Every screen of the wizard drawn with `TestBackend`, at 80×24 and
//! 120×40, in Swedish and English, plus the too-small view.

mod tui_support;

use behovsanalys::answers::{self, Mode};
use behovsanalys::session::SessionMode;
use behovsanalys::session::StoreError;
use behovsanalys::session::{DriftReport, Listing, Problem, QuarantinedFile, Summary};
use behovsanalys::tui::app::App;
use behovsanalys::tui::{Msg, OpenError, OpenKind, Opened, Previous, SaveError, update};
use tui_support::*;

/// A session with the answers of a company profile, imported.
fn profile(app: &mut App, name: &str) {
    let path = format!(
        "{}/tests/fixtures/profiles/{name}.toml",
        env!("CARGO_MANIFEST_DIR")
    );
    let parsed = answers::load_file(std::path::Path::new(&path), &app.q, Mode::Lenient).unwrap();
    let s = session_with(app, parsed.answers);
    update(app, opened(s, OpenKind::Resumed));
    app.notice = None;
}

/// A company's self-assessment (a profile without the advisor's answers,
/// asking to be referred to EKN) as imported by the advisor.
fn self_assessment(app: &mut App) {
    let path = format!(
        "{}/tests/fixtures/profiles/maskin_tyskland.toml",
        env!("CARGO_MANIFEST_DIR")
    );
    let mut file = answers::load_file(std::path::Path::new(&path), &app.q, Mode::Lenient)
        .unwrap()
        .answers;
    let q = std::sync::Arc::clone(&app.q);
    file.answers.retain(|id, _| {
        q.question(id).is_some_and(|i| {
            q.questions[i].audience != behovsanalys::questionnaire::Audience::Advisor
        })
    });
    file.consent.clear();
    file.meta
        .insert("self_created".into(), "2026-01-10T14:05:00Z".into());
    let mut s = session_with(app, file);
    s.meta.self_answers = s.answers.answers.keys().cloned().collect();
    s.meta.imported_at = Some("2026-01-15T09:00:00Z".into());
    s.meta.requested_referrals = vec!["ekn".into()];
    s.meta.origin = Some("self-assessment".into());
    update(app, opened(s, imported_kind()));
}

type Build = fn(&mut App);

const STATES: &[(&str, SessionMode, Build)] = &[
    ("start", SessionMode::Advisor, |_| {}),
    ("start_self", SessionMode::SelfAssessment, |_| {}),
    ("resume_list", SessionMode::Advisor, |a| {
        press(a, "2");
        let row = |id: &str, company: Option<&str>, answered, previous: Option<&str>| Summary {
            id: id.into(),
            company: company.map(String::from),
            org_number: None,
            municipality: None,
            created: "2026-01-15T09:00:00Z".into(),
            updated: format!("{}-{}-{}T09:30:00Z", &id[..4], &id[4..6], &id[6..8]),
            mode: SessionMode::Advisor,
            origin: previous.map(|_| "follow-up".into()),
            previous: previous.map(String::from),
            questionnaire_id: "exportbehov".into(),
            questionnaire_version: "2026.1".into(),
            answered,
            total: 52,
            advisor_answered: 0,
            advisor_total: 0,
            orphans: 0,
            drift: false,
            conflict: false,
        };
        let listing = Listing {
            sessions: vec![
                row(
                    "20260115-090000-abcd",
                    Some("Hallbergs Maskinteknik AB"),
                    31,
                    Some("20251015-090000-0001"),
                ),
                row(
                    "20251015-090000-0001",
                    Some("Hallbergs Maskinteknik AB"),
                    48,
                    None,
                ),
                row("20251001-100000-0002", None, 2, None),
            ],
            quarantined: vec![
                QuarantinedFile {
                    file: "x.toml".into(),
                    reason: "not TOML".into(),
                    new: true,
                },
                QuarantinedFile {
                    file: "y.toml".into(),
                    reason: "not UTF-8".into(),
                    new: true,
                },
            ],
            problems: vec![Problem {
                file: "20250101-000000-0003.toml".into(),
                message: "belongs to questionnaire `annat`".into(),
                messages: vec![],
            }],
            ..Listing::default()
        };
        update(a, Msg::SessionsListed(Ok(listing)));
        update(
            a,
            Msg::Opened(Err(OpenError::Locked {
                id: "20260115-090000-abcd".into(),
                holder: Some(holder(4242)),
            })),
        );
    }),
    ("open_file", SessionMode::Advisor, |a| {
        press(a, "3");
        typ(a, "självskattning-exempel-ab.toml");
    }),
    ("company_form", SessionMode::Advisor, |a| {
        press(a, "Enter");
        typ(a, "Exempel AB");
        press(a, "Tab");
        typ(a, "556036-0794");
        press(a, "Tab");
        typ(a, "Växjö");
        press(a, "Tab");
        typ(a, "25.62");
        press(a, "Tab");
        typ(a, "24");
        for text in ["Karin Ek", "vd", "0470-123 45", "karin.ek@exempel"] {
            press(a, "Tab");
            typ(a, text);
        }
        press(a, "Tab");
        typ(a, "Anna Andersson");
        press(a, "Tab");
        typ(a, "Almi Företagspartner");
    }),
    ("question_number", SessionMode::Advisor, |a| {
        to_questions(a);
        typ(a, "2x");
        press(a, "Enter");
    }),
    ("question_single", SessionMode::Advisor, |a| {
        profile(a, "maskin_tyskland");
        press(a, "PgDn");
        goto(a, "exporterar");
        press(a, "Down");
    }),
    ("question_multi_needs", SessionMode::Advisor, |a| {
        profile(a, "maskin_tyskland");
        press(a, "PgDn");
        goto(a, "exporthinder");
        press(a, "b");
    }),
    // A country list searched by typing; the needs panel by its F-key
    // (letters go to the search).
    ("question_country_search", SessionMode::Advisor, |a| {
        profile(a, "maskin_tyskland");
        press(a, "PgDn");
        goto(a, "marknader");
        press(a, "F7");
        typ(a, "nor");
    }),
    ("question_scale_compact", SessionMode::Advisor, |a| {
        profile(a, "maskin_tyskland");
        press(a, "PgDn");
        goto(a, "marknadskunskap");
        press(a, "c");
    }),
    ("question_help", SessionMode::Advisor, |a| {
        to_questions(a);
        press(a, "Enter ?");
    }),
    ("question_note", SessionMode::Advisor, |a| {
        to_questions(a);
        press(a, "Enter n");
        typ(a, "Omsättningen växer snabbt");
    }),
    ("sections_focus", SessionMode::Advisor, |a| {
        to_questions(a);
        press(a, "Tab Down");
    }),
    ("save_error_and_quit", SessionMode::Advisor, |a| {
        to_questions(a);
        press(a, "Enter");
        update(
            a,
            Msg::SaveFailed(SaveError::Store(std::sync::Arc::new(StoreError::Io {
                action: "cannot save",
                path: "/data/sessions/x.toml".into(),
                err: std::io::Error::other("No space left on device"),
            }))),
        );
        press(a, "q");
    }),
    ("summary", SessionMode::Advisor, |a| {
        profile(a, "maskin_tyskland");
        a.consent_who = Some(("Karin Ek".into(), "Anna Berg".into()));
        press(a, "PgDn F8 Space");
        update(
            a,
            Msg::Exported(Ok(vec![
                "/tmp/export/exempel-ab_almi.html".into(),
                "/tmp/export/exempel-ab_sammanfattning.html".into(),
            ])),
        );
    }),
    ("consent_who", SessionMode::Advisor, |a| {
        profile(a, "maskin_tyskland");
        press(a, "Tab Tab Tab Tab Tab");
        typ(a, "Karin Ek");
        press(a, "Tab");
        typ(a, "vd");
        press(a, "Tab Tab Tab");
        typ(a, "Anna Berg");
        press(a, "Tab");
        typ(a, "Region Kronoberg");
        press(a, "PgDn F8 Down Space");
    }),
    ("summary_follow_up", SessionMode::Advisor, |a| {
        let load = |a: &App, name: &str| {
            let path = format!(
                "{}/tests/fixtures/profiles/{name}.toml",
                env!("CARGO_MANIFEST_DIR")
            );
            answers::load_file(std::path::Path::new(&path), &a.q, Mode::Lenient)
                .unwrap()
                .answers
        };
        let then = load(a, "usa_utan_partner");
        let mut s = session_with(a, load(a, "maskin_tyskland"));
        s.meta.previous = Some("20251015-090000-0001".into());
        update(
            a,
            Msg::Opened(Ok(Box::new(Opened {
                session: s,
                kind: OpenKind::Resumed,
                drift: Default::default(),
                previous: Some(Previous {
                    id: "20251015-090000-0001".into(),
                    updated: "2025-10-15T10:00:00Z".into(),
                    answers: then,
                }),
            }))),
        );
        press(a, "F8");
    }),
    ("question_drift", SessionMode::Advisor, |a| {
        let mut file = behovsanalys::answers::AnswersFile::new(&a.q);
        file.orphans.push(behovsanalys::answers::Orphan {
            question: "borttagen_fraga".into(),
            value: toml::Value::String("ja".into()),
            reason: "the questionnaire has no question `borttagen_fraga`".into(),
        });
        let s = session_with(a, file);
        update(
            a,
            Msg::Opened(Ok(Box::new(Opened {
                session: s,
                kind: OpenKind::Resumed,
                drift: DriftReport {
                    version_before: Some("2025.9".into()),
                    hash_changed: true,
                    orphans: vec![behovsanalys::answers::Orphan {
                        question: "borttagen_fraga".into(),
                        value: toml::Value::String("ja".into()),
                        reason: "the questionnaire has no question `borttagen_fraga`".into(),
                    }],
                    renamed: vec![("gammal".into(), "exporterar".into())],
                },
                previous: None,
            }))),
        );
    }),
    ("imported", SessionMode::Advisor, self_assessment),
    ("imported_summary", SessionMode::Advisor, |a| {
        self_assessment(a);
        press(a, "F8");
    }),
    // The company's own to-dos, after the actors.
    ("summary_advice", SessionMode::Advisor, |a| {
        profile(a, "underleverantor_ghana_utan_eori");
        a.consent_who = Some(("Karin Ek".into(), "Anna Berg".into()));
        press(a, "PgDn F8");
        for _ in 0..a.q.actors.len() {
            press(a, "Down");
        }
    }),
    ("summary_self", SessionMode::SelfAssessment, |a| {
        to_questions(a);
        press(a, "F8 Tab");
    }),
];

#[test]
fn every_screen_in_both_languages_and_sizes() {
    for (name, mode, build) in STATES {
        for lang in ["sv", "en"] {
            let mut a = app(lang, *mode);
            build(&mut a);
            for (w, h) in [(80, 24), (120, 40)] {
                insta::assert_snapshot!(format!("{name}_{lang}_{w}x{h}"), draw(&a, w, h));
            }
        }
    }
}

/// The states that change most with the width, at 200×50 too.
#[test]
fn wide_states() {
    for (name, mode, build) in STATES {
        if ![
            "company_form",
            "question_multi_needs",
            "summary",
            "summary_follow_up",
        ]
        .contains(name)
        {
            continue;
        }
        let mut a = app("sv", *mode);
        build(&mut a);
        insta::assert_snapshot!(format!("{name}_sv_200x50"), draw(&a, 200, 50));
    }
}

/// At 60×16 nothing is cut to "Tul…": the summary is one column that
/// pages (PgDn) with markers, every area and actor name whole on some
/// page; the question screen leaves the section list for Tab, which shows
/// it whole.
#[test]
fn names_whole_at_60x16() {
    let mut a = app("sv", SessionMode::Advisor);
    profile(&mut a, "maskin_tyskland");
    press(&mut a, "PgDn F8");
    let mut pages = String::new();
    let first = draw(&a, 60, 16);
    assert!(first.contains("▼"), "more is marked:\n{first}");
    insta::assert_snapshot!("summary_sv_60x16", first.clone());
    pages.push_str(&first);
    for _ in 0..15 {
        press(&mut a, "PgDn");
        let page = draw(&a, 60, 16);
        pages.push_str(&page);
    }
    assert!(draw(&a, 60, 16).contains("▲"), "paged down: marked above");
    for area in &a.q.areas {
        let name = area.title.get("sv");
        assert!(pages.contains(name), "{name} whole:\n{pages}");
    }
    for actor in &a.q.actors {
        let name = actor.name.get("sv");
        assert!(pages.contains(name), "{name}");
    }
    assert!(!pages.contains("Tul…") && !pages.contains("Bus…"));
    // PgUp goes back a page at a time, to the top.
    for _ in 0..20 {
        press(&mut a, "PgUp");
    }
    assert_eq!(draw(&a, 60, 16), first);
    // The questions: the section list on Tab, whole.
    press(&mut a, "Esc");
    assert_eq!(a.screen, behovsanalys::tui::app::Screen::Questions);
    press(&mut a, "Tab");
    let list = draw(&a, 60, 16);
    insta::assert_snapshot!("sections_sv_60x16", list.clone());
    assert!(!list.contains('…'), "{list}");
}

#[test]
fn too_small() {
    for lang in ["sv", "en"] {
        let mut a = app(lang, SessionMode::Advisor);
        to_questions(&mut a);
        insta::assert_snapshot!(format!("too_small_{lang}"), draw(&a, 59, 15));
    }
}

#[test]
fn wide_screens_use_the_space() {
    let mut a = app("sv", SessionMode::Advisor);
    profile(&mut a, "maskin_tyskland");
    press(&mut a, "PgDn F7");
    let screen = draw(&a, 200, 50);
    // Sections, question and the needs panel side by side.
    let line = screen
        .lines()
        .find(|l| l.contains("Behov per område"))
        .unwrap();
    assert!(line.contains('│'), "{screen}");
    insta::assert_snapshot!("needs_panel_sv_200x50", screen);
}

#[test]
fn minimum_size_draws_without_panicking_everywhere() {
    for (_, mode, build) in STATES {
        let mut a = app("sv", *mode);
        build(&mut a);
        for (w, h) in [(60, 16), (61, 17), (300, 100)] {
            let s = draw(&a, w, h);
            assert!(!s.contains("för litet"), "{s}");
        }
    }
}

/// A question text of about 1 MB (as one word and as words), the same as
/// its help and as an option's label, and a note as long as notes can be:
/// a keypress and the frame after it stay fast on every screen that shows
/// them, whatever the text's length. (With 1 MB a key took 75 s in a debug
/// build, and 10 MB hung the wizard; the bound is generous so that a loaded
/// CI machine cannot fail it.)
#[test]
fn drawing_cost_does_not_grow_with_text_length() {
    use behovsanalys::questionnaire::Kind;
    use behovsanalys::text::Text;
    let mut a = app("sv", SessionMode::Advisor);
    let mut q = (*a.q).clone();
    let i = q.question("exporterar").unwrap();
    let word = "å".repeat(500_000);
    let words = "ord ".repeat(250_000);
    q.questions[i].text = Text::plain(format!("{word} {words}"));
    q.questions[i].help = Some(Text::plain(words.clone()));
    if let Kind::Single { options } = &mut q.questions[i].kind {
        options[0].label = Text::plain(format!("{word} {words}"));
    }
    a.q = std::sync::Arc::new(q);
    to_questions(&mut a);
    goto(&mut a, "exporterar");
    press(&mut a, "n");
    update(&mut a, Msg::Paste("anteckning ".repeat(2_000)));
    press(&mut a, "Enter");
    for (w, h) in [(80, 24), (200, 60)] {
        for keys in [
            "Down", "c", "c", "?", "PgDn", "Esc", "1", "n", "Esc", "s", "Esc",
        ] {
            let started = std::time::Instant::now();
            press(&mut a, keys);
            let screen = draw(&a, w, h);
            let took = started.elapsed();
            assert!(
                took < std::time::Duration::from_millis(2000),
                "{keys} at {w}x{h} took {took:?}\n{screen}"
            );
        }
        assert_eq!(current_id(&a), "exporterar");
    }
}

/// At 120×40 the live needs panel names every area whole (a long name on
/// a line of its own, its bar under it), in both languages; the actors
/// "just now" get the rows that are left.
#[test]
fn needs_panel_names_whole_at_120x40() {
    for lang in ["sv", "en"] {
        let mut a = app(lang, SessionMode::Advisor);
        profile(&mut a, "maskin_tyskland");
        press(&mut a, "PgDn F7");
        let screen = draw(&a, 120, 40);
        assert!(screen.contains(if lang == "sv" {
            "Behov per område"
        } else {
            "Needs per area"
        }));
        for area in &a.q.areas {
            let name = area.title.get(lang);
            assert!(screen.contains(name), "{lang}: {name} whole:\n{screen}");
        }
    }
}
