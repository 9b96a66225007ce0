//! Property tests of the wizard: random key sequences (and pastes) on small
//! random but valid questionnaires — every kind, `show_if` chains,
//! audiences, `allow_unknown`/`allow_na`, section conditions — in both
//! modes. After every key: no panic, progress within 0–100 %, the current
//! question is shown, answers only for questions that exist and of the
//! right kind; the view renders at random sizes without panic; every
//! session saved on the way (through the real runtime and writer thread)
//! loads again.
//!
//! CI runs 64 cases; `PROPTEST_CASES=5000 cargo test --release --test fuzz_wizard`
//! searches longer.

use std::fmt::Write as _;
use std::path::Path;

use behovsanalys::answers::Answer;
use behovsanalys::questionnaire::{self, Kind, Questionnaire};
use std::sync::Arc;

use behovsanalys::session::{SessionMode, Store};
use behovsanalys::tui::app::{App, Clock, Screen};
use behovsanalys::tui::theme::Theme;
use behovsanalys::tui::{Effect, Msg, OpenRequest, Runtime, update, view};
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

#[derive(Debug, Clone)]
struct QSpec {
    kind: u8,
    options: usize,
    /// Condition on an earlier question (index offset back), if any.
    show_if: Option<(usize, u8)>,
    allow_unknown: bool,
    allow_na: bool,
    audience: u8,
    required: bool,
}

#[derive(Debug, Clone)]
struct Spec {
    areas: usize,
    sections: Vec<(bool, Vec<QSpec>)>,
    actors: usize,
    two_languages: bool,
}

fn qspec() -> impl Strategy<Value = QSpec> {
    (
        0u8..5,
        2usize..5,
        prop::option::of((1usize..4, 0u8..4)),
        any::<bool>(),
        any::<bool>(),
        0u8..6,
        any::<bool>(),
    )
        .prop_map(
            |(kind, options, show_if, allow_unknown, allow_na, audience, required)| QSpec {
                kind,
                options,
                show_if,
                allow_unknown,
                allow_na,
                audience,
                required,
            },
        )
}

fn spec() -> impl Strategy<Value = Spec> {
    (
        1usize..4,
        prop::collection::vec((any::<bool>(), prop::collection::vec(qspec(), 1..5)), 1..4),
        1usize..4,
        any::<bool>(),
    )
        .prop_map(|(areas, sections, actors, two_languages)| Spec {
            areas,
            sections,
            actors,
            two_languages,
        })
}

/// The questionnaire text of a spec. Conditions only look back, so the
/// file is valid whatever the spec.
fn render(spec: &Spec) -> String {
    let mut s = String::new();
    let langs = if spec.two_languages {
        "[\"sv\", \"en\"]"
    } else {
        "[\"sv\"]"
    };
    let t = |sv: &str, en: &str| {
        if spec.two_languages {
            format!("{{ sv = \"{sv}\", en = \"{en}\" }}")
        } else {
            format!("\"{sv}\"")
        }
    };
    let _ = writeln!(
        s,
        "[questionnaire]\nid = \"fuzz\"\nversion = \"1\"\nlanguages = {langs}\ntitle = {}",
        t("Slump", "Random")
    );
    for a in 0..spec.areas {
        let _ = writeln!(
            s,
            "[[area]]\nid = \"a{a}\"\ntitle = {}",
            t("Område", "Area")
        );
    }
    for x in 0..spec.actors {
        let _ = writeln!(
            s,
            "[[actor]]\nid = \"act{x}\"\nname = \"Aktör {x}\"\ndescription = {}\nweights = {{ a{} = 1 }}",
            t("Beskrivning", "Description"),
            x % spec.areas
        );
    }
    // (id, kind, options) of the questions so far.
    let mut earlier: Vec<(String, u8, usize)> = Vec::new();
    let mut n = 0;
    for (k, (sec_cond, questions)) in spec.sections.iter().enumerate() {
        let _ = writeln!(
            s,
            "[[section]]\nid = \"s{k}\"\ntitle = {}",
            t("Avsnitt", "Section")
        );
        if *sec_cond && let Some((id, _, _)) = earlier.first() {
            let _ = writeln!(s, "show_if = \"answered({id})\"");
        }
        for qs in questions {
            let id = format!("q{n}");
            n += 1;
            let kind = ["single", "multi", "scale", "number", "text"][usize::from(qs.kind)];
            let _ = writeln!(
                s,
                "[[section.question]]\nid = \"{id}\"\nkind = \"{kind}\"\ntext = {}\nhelp = {}",
                t("Fråga?", "Question?"),
                t("Hjälp", "Help")
            );
            if qs.allow_unknown {
                s.push_str("allow_unknown = true\n");
            }
            if qs.allow_na {
                s.push_str("allow_na = true\n");
            }
            if qs.required {
                s.push_str("required = true\n");
            }
            match qs.audience {
                0 => s.push_str("audience = \"advisor\"\n"),
                1 => s.push_str("audience = \"company\"\n"),
                _ => {}
            }
            if let Some((back, form)) = qs.show_if
                && back <= earlier.len()
            {
                let (pid, pkind, popts) = &earlier[earlier.len() - back];
                let cond = match (pkind, form) {
                    (0, 0) => format!("{pid} == 'o0'"),
                    (0, 1) => format!("{pid} in ['o1', 'o{}']", popts - 1),
                    (1, _) => format!("{pid} contains 'o0'"),
                    (2 | 3, 0) => format!("{pid} >= 3"),
                    (_, 2) => format!("not answered({pid})"),
                    _ => format!("answered({pid})"),
                };
                let _ = writeln!(s, "show_if = \"{cond}\"");
            }
            let area = n % spec.areas;
            match qs.kind {
                0 | 1 => {
                    for o in 0..qs.options {
                        let _ = writeln!(
                            s,
                            "[[section.question.option]]\nid = \"o{o}\"\nlabel = {}\nneeds = {{ a{area} = {o} }}",
                            t("Val", "Choice")
                        );
                    }
                }
                2 => {
                    let _ = writeln!(
                        s,
                        "min = 1\nmax = {}\nneeds_low = {{ a{area} = 3 }}",
                        qs.options + 2
                    );
                }
                3 => {
                    let _ = writeln!(
                        s,
                        "min = 0\nmax = 1000\n[[section.question.band]]\nto = 10\nneeds = {{ a{area} = 2 }}"
                    );
                }
                _ => {}
            }
            earlier.push((id, qs.kind, qs.options));
        }
    }
    s
}

fn key_strategy() -> impl Strategy<Value = Msg> {
    let codes = prop_oneof![
        8 => (0u8..10).prop_map(|d| KeyCode::Char(char::from(b'0' + d))),
        3 => prop::sample::select(vec!['a', 'j', 'k', 'x', 'q', 'n', 'y', ' ', '-', '.', ',']).prop_map(KeyCode::Char),
        6 => prop::sample::select(vec![
            KeyCode::Enter, KeyCode::Up, KeyCode::Down, KeyCode::Left, KeyCode::Right,
            KeyCode::PageDown, KeyCode::PageUp, KeyCode::Tab, KeyCode::BackTab,
            KeyCode::Backspace, KeyCode::Home, KeyCode::End, KeyCode::Delete,
        ]),
        2 => (1u8..=12).prop_map(KeyCode::F),
        1 => Just(KeyCode::Esc),
    ];
    prop_oneof![
        20 => (codes, prop::bool::weighted(0.05)).prop_map(|(c, ctrl)| {
            let m = if ctrl { KeyModifiers::CONTROL } else { KeyModifiers::NONE };
            // Ctrl-C asks before quitting; keep the sequence going.
            let c = if ctrl && c == KeyCode::Char('c') { KeyCode::Char('u') } else { c };
            Msg::Key(KeyEvent::new(c, m))
        }),
        1 => "[0-9a-z \u{1b}\u{202e}]{0,12}".prop_map(Msg::Paste),
    ]
}

fn check_invariants(app: &App) -> Result<(), TestCaseError> {
    let (done, total) = app.progress();
    prop_assert!(done <= total, "progress {done}/{total}");
    prop_assert!(total <= app.q.questions.len());
    if let Some(s) = app.session() {
        for (id, a) in &s.answers.answers {
            let Some(i) = app.q.question(id) else {
                return Err(TestCaseError::fail(format!("answer for unknown {id}")));
            };
            let q = &app.q.questions[i];
            let fits = match (a, &q.kind) {
                (Answer::Unknown, _) => q.allow_unknown,
                (Answer::NotApplicable, _) => q.allow_na,
                (Answer::Choice(o), Kind::Single { options }) => options.iter().any(|x| x.id == *o),
                (Answer::Choices(v), Kind::Multi { options }) => {
                    v.iter().all(|o| options.iter().any(|x| x.id == *o))
                }
                (Answer::Number(x), Kind::Scale { min, max, .. }) => {
                    (*min as f64..=*max as f64).contains(x)
                }
                (Answer::Number(x), Kind::Number { min, max, .. }) => {
                    x.is_finite() && min.is_none_or(|m| *x >= m) && max.is_none_or(|m| *x <= m)
                }
                (Answer::Text(_), Kind::Text) => true,
                _ => false,
            };
            prop_assert!(fits, "{id}: {a:?} does not fit {:?}", q.kind);
        }
        if app.screen == Screen::Questions && total > 0 {
            prop_assert!(app.qs.cur < app.q.questions.len());
            prop_assert!(
                app.shown(app.qs.cur),
                "the current question {} is not shown",
                app.q.questions[app.qs.cur].id
            );
            // Presenter-safe: an advisor-only question only in the advisor
            // view.
            prop_assert!(
                app.advisor_view || !behovsanalys::tui::app::advisor_only(&app.q, app.qs.cur),
                "advisor-only question {} on the shared screen",
                app.q.questions[app.qs.cur].id
            );
        }
    }
    if let Some(e) = app.eval() {
        for a in &e.areas {
            if let Some(n) = a.need {
                prop_assert!((0.0..=100.0).contains(&n), "need {n}");
            }
        }
    }
    Ok(())
}

/// Like `Runtime::dispatch`, but exports always go to `export_dir`: the
/// random keys edit the export folder's path too, and must not make the
/// test write into the working directory (or anywhere else). Then waits
/// for the store work the key started, and hands its results over.
fn dispatch(rt: &mut Runtime, app: &mut App, msg: Msg, export_dir: &Path) -> bool {
    for effect in update(app, msg) {
        let effect = match effect {
            Effect::Export(mut job) => {
                job.dir = export_dir.to_path_buf();
                Effect::Export(job)
            }
            // A copy written elsewhere (after a failed save) lands there too.
            Effect::SaveCopy { session, .. } => Effect::SaveCopy {
                path: export_dir.to_path_buf(),
                session,
            },
            // Typed file names are random too: read nothing outside.
            Effect::Open {
                ticket,
                req: OpenRequest::Import(_),
            } => Effect::Open {
                ticket,
                req: OpenRequest::Import(export_dir.join("sent.toml")),
            },
            other => other,
        };
        if rt.execute(app, effect) {
            return true;
        }
    }
    rt.settle(app) || app.quit
}

fn fixed_clock() -> Clock {
    Clock {
        now: || "2026-01-15T09:00:00Z".to_string(),
        new_id: || "20260115-090000-f022".to_string(),
    }
}

proptest! {
    #![proptest_config(ProptestConfig {
        // Each case loads a questionnaire and renders many frames.
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|s| s.parse().ok()).unwrap_or(64),
        ..ProptestConfig::default()
    })]

    #[test]
    fn random_keys_on_random_questionnaires(
        spec in spec(),
        self_mode in any::<bool>(),
        keys in prop::collection::vec(key_strategy(), 1..120),
        sizes in prop::collection::vec((1u16..200, 1u16..70), 1..4),
    ) {
        let text = render(&spec);
        let q: Questionnaire = match questionnaire::load_str("fuzz.toml", &text) {
            Ok(l) => l.questionnaire,
            Err(e) => return Err(TestCaseError::fail(format!("generated an invalid questionnaire: {e}\n{text}"))),
        };
        let mode = if self_mode { SessionMode::SelfAssessment } else { SessionMode::Advisor };
        // A real runtime on a temporary data directory: saves, locks,
        // the resume list and exports all happen.
        let dir = tempfile::tempdir().unwrap();
        let q = Arc::new(q);
        let mut app = App::new(Arc::clone(&q), behovsanalys::i18n::Lang::Sv, mode, &dir.path().join("export").display().to_string());
        app.clock = fixed_clock();
        let mut rt = Runtime::new(Some(dir.path().join("data")), Arc::clone(&q));
        let theme = Theme { color: true };
        let mut terminals: Vec<Terminal<TestBackend>> = sizes
            .iter()
            .map(|&(w, h)| Terminal::new(TestBackend::new(w, h)).unwrap())
            .collect();
        let export_dir = dir.path().join("export");
        for (i, msg) in keys.into_iter().enumerate() {
            if dispatch(&mut rt, &mut app, msg, &export_dir) {
                break;
            }
            check_invariants(&app)?;
            let t = &mut terminals[i % sizes.len()];
            t.draw(|f| view::view(&app, &theme, f)).unwrap();
        }
        prop_assert!(rt.finish().is_ok());
        // Whatever was saved reads back.
        let store = Store::open(Some(&dir.path().join("data"))).unwrap();
        for id in store.ids().unwrap_or_default() {
            prop_assert!(store.load(&id, &q).is_ok(), "session {} does not load", id);
        }
    }
}

/// The generator produces every kind and valid files (guards the property
/// above against testing nothing).
#[test]
fn the_generator_covers_every_kind() {
    let spec = Spec {
        areas: 2,
        actors: 2,
        two_languages: true,
        sections: vec![
            (
                false,
                (0..5)
                    .map(|k| QSpec {
                        kind: k,
                        options: 3,
                        show_if: (k > 0).then_some((1, k % 4)),
                        allow_unknown: k % 2 == 0,
                        allow_na: k % 3 == 0,
                        audience: k,
                        required: k == 1,
                    })
                    .collect(),
            ),
            (true, vec![]),
        ],
    };
    let l = questionnaire::load_str("g.toml", &render(&spec)).unwrap_or_else(|e| panic!("{e}"));
    let kinds: Vec<&str> = l
        .questionnaire
        .questions
        .iter()
        .map(|q| match q.kind {
            Kind::Single { .. } => "single",
            Kind::Multi { .. } => "multi",
            Kind::Scale { .. } => "scale",
            Kind::Number { .. } => "number",
            Kind::Text => "text",
        })
        .collect();
    assert_eq!(kinds, ["single", "multi", "scale", "number", "text"]);
    assert_eq!(
        l.questionnaire
            .questions
            .iter()
            .filter(|q| q.show_if.is_some())
            .count(),
        4
    );
}
