//! Free-text answers and notes are text areas that wrap and take new lines;
//! typed text is saved about a second after it changed (a tick of the run
//! loop), so that a crash loses at most that.

mod tui_support;

use std::time::{Duration, Instant};

use behovsanalys::answers::Answer;
use behovsanalys::session::SessionMode;
use behovsanalys::tui::app::{App, Popup};
use behovsanalys::tui::theme::Theme;
use behovsanalys::tui::{Effect, Msg, update, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use tui_support::*;

fn saved(fx: &[Effect]) -> Option<&behovsanalys::session::Session> {
    fx.iter().rev().find_map(|e| match e {
        Effect::Save(s) => Some(&**s),
        _ => None,
    })
}

fn draw(app: &App, w: u16, h: u16) -> String {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| view::view(app, &Theme { color: false }, f))
        .unwrap();
    t.backend().to_string()
}

/// Ticks `after` apart, the way the run loop sends them.
fn ticks(app: &mut App, start: Instant, after: Duration) -> Vec<Effect> {
    let mut fx = update(app, Msg::Tick(start));
    fx.extend(update(app, Msg::Tick(start + after)));
    fx
}

#[test]
fn a_text_answer_wraps_takes_new_lines_and_is_saved_on_enter() {
    let mut a = app("sv", SessionMode::Advisor);
    to_questions(&mut a);
    goto(&mut a, "ovrigt");
    let long = "Vi har en återförsäljare i Norge sedan länge och vill nu pröva Tyskland";
    typ(&mut a, long);
    press(&mut a, "A-Enter");
    typ(&mut a, "andra raden");
    press(&mut a, "C-j");
    typ(&mut a, "tredje");
    // Up moves within the text, it does not leave the question.
    press(&mut a, "Up End");
    typ(&mut a, "!");
    assert_eq!(current_id(&a), "ovrigt");
    // Wrapped on screen, not scrolled sideways: every word is there.
    let screen = draw(&a, 80, 24);
    for word in ["återförsäljare", "Tyskland", "andra", "tredje"] {
        assert!(screen.contains(word), "{word}:\n{screen}");
    }
    let fx = press(&mut a, "Enter");
    let s = saved(&fx).expect("saved");
    assert_eq!(
        s.answers.answers.get("ovrigt"),
        Some(&Answer::Text(format!("{long}\nandra raden!\ntredje")))
    );
}

#[test]
fn typed_text_is_saved_a_second_after_it_changed() {
    let mut a = app("sv", SessionMode::Advisor);
    to_questions(&mut a);
    goto(&mut a, "ovrigt");
    let t0 = Instant::now();
    typ(&mut a, "Påbörjad mening");
    // Not at once, and not before a second has passed.
    assert!(ticks(&mut a, t0, Duration::from_millis(500)).is_empty());
    let fx = update(&mut a, Msg::Tick(t0 + Duration::from_millis(1100)));
    let s = saved(&fx).expect("a draft save");
    assert_eq!(
        s.answers.answers.get("ovrigt"),
        Some(&Answer::Text("Påbörjad mening".into()))
    );
    assert_eq!(current_id(&a), "ovrigt", "the cursor stays");
    // Nothing new: nothing saved.
    assert!(ticks(&mut a, t0 + Duration::from_secs(2), Duration::from_secs(2)).is_empty());
    // More text: saved again, and the history keeps one entry for it.
    typ(&mut a, " som fortsätter");
    let fx = ticks(&mut a, t0 + Duration::from_secs(5), Duration::from_secs(1));
    assert!(saved(&fx).is_some());
    let fx = press(&mut a, "Enter");
    let s = saved(&fx).unwrap();
    assert_eq!(
        s.answers.answers.get("ovrigt"),
        Some(&Answer::Text("Påbörjad mening som fortsätter".into()))
    );
    let entries = s
        .meta
        .history
        .iter()
        .filter(|h| h.question == "ovrigt")
        .count();
    assert_eq!(entries, 1, "{:?}", s.meta.history);
}

#[test]
fn notes_are_text_areas_saved_as_drafts_and_esc_puts_the_note_back() {
    let mut a = app("sv", SessionMode::Advisor);
    to_questions(&mut a);
    goto(&mut a, "exporterar");
    press(&mut a, "n");
    typ(&mut a, "Första raden");
    press(&mut a, "A-Enter");
    typ(&mut a, "andra");
    let t0 = Instant::now();
    let fx = ticks(&mut a, t0, Duration::from_millis(1200));
    let s = saved(&fx).expect("a draft of the note");
    assert_eq!(
        s.answers.notes.get("exporterar").map(String::as_str),
        Some("Första raden\nandra")
    );
    assert!(matches!(a.popup, Popup::Note(..)), "the editor stays open");
    let screen = draw(&a, 80, 24);
    assert!(
        screen.contains("Första raden") && screen.contains("andra"),
        "{screen}"
    );
    // Esc: the note as it was before the editor opened (none).
    let fx = press(&mut a, "Esc");
    assert!(!saved(&fx).unwrap().answers.notes.contains_key("exporterar"));
    // Enter keeps it, new lines and all; shown under the question.
    press(&mut a, "n");
    typ(&mut a, "Kund i Kenya");
    press(&mut a, "C-j");
    typ(&mut a, "vill ha 90 dagar");
    let fx = press(&mut a, "Enter");
    assert_eq!(
        saved(&fx)
            .unwrap()
            .answers
            .notes
            .get("exporterar")
            .map(String::as_str),
        Some("Kund i Kenya\nvill ha 90 dagar")
    );
    let screen = draw(&a, 80, 24);
    assert!(screen.contains("vill ha 90 dagar"), "{screen}");
    // Quitting from the editor keeps what was written.
    press(&mut a, "n");
    typ(&mut a, ", snart");
    let fx = press(&mut a, "C-c");
    assert_eq!(a.popup, Popup::ConfirmQuit);
    assert_eq!(
        saved(&fx)
            .unwrap()
            .answers
            .notes
            .get("exporterar")
            .map(String::as_str),
        Some("Kund i Kenya\nvill ha 90 dagar, snart")
    );
}
