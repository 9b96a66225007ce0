//! The view's shortcuts for big questionnaires (one counting pass per
//! frame, only visible section rows built) show the same thing: the
//! section list scrolls to the current section, counts and progress match
//! the app's own.

use behovsanalys::questionnaire;
use behovsanalys::session::SessionMode;
use behovsanalys::tui::app::{App, Focus};
use behovsanalys::tui::theme::Theme;
use behovsanalys::tui::{Msg, update, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

#[path = "../benches/support/mod.rs"]
mod support;

fn key(app: &mut App, code: KeyCode) {
    update(app, Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)));
}

fn screen(app: &App, w: u16, h: u16) -> Vec<String> {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| view::view(app, &Theme { color: false }, f))
        .unwrap();
    let b = t.backend().buffer();
    (0..h)
        .map(|y| (0..w).map(|x| b[(x, y)].symbol()).collect::<String>())
        .collect()
}

#[test]
fn section_list_follows_the_cursor_in_a_big_questionnaire() {
    let q = questionnaire::load_str("gen.toml", &support::questionnaire(2_000))
        .unwrap()
        .questionnaire;
    let mut app = App::new(
        q,
        behovsanalys::i18n::Lang::En,
        SessionMode::Advisor,
        "/tmp",
    );
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::PageDown);
    // Answer and move on through three sections' worth of questions.
    for _ in 0..70 {
        key(&mut app, KeyCode::Char('2'));
        key(&mut app, KeyCode::Enter);
    }
    let sec = app.q.questions[app.qs.cur].section;
    assert!(sec >= 3, "{sec}");
    let (done, total) = app.progress();
    assert!(done >= 60, "{done}");
    for (w, h) in [(80, 24), (120, 40)] {
        let lines = screen(&app, w, h);
        let text = lines.join("\n");
        assert!(
            text.contains(&format!("{done}/{total}"))
                || text.contains(&format!("{done} of {total}")),
            "progress {done}/{total} shown:\n{text}"
        );
        // The current section's row is marked and shows its count.
        let title = format!("Section {sec}");
        let row = lines
            .iter()
            .find(|l| l.contains('▸') && l.contains(&title))
            .unwrap_or_else(|| panic!("current section row:\n{text}"));
        assert!(row.contains('/'), "{row}");
        // A finished section shows its tick.
        assert!(text.contains('✓'), "{text}");
    }
    // Far down the list: jump through the section list to the last section.
    key(&mut app, KeyCode::Tab);
    assert_eq!(app.qs.focus, Focus::Sections);
    for _ in 0..200 {
        key(&mut app, KeyCode::Down);
    }
    let text = screen(&app, 120, 40).join("\n");
    assert!(text.contains("Section 99"), "last section visible:\n{text}");
    assert!(!text.contains("Section 0 "), "scrolled:\n{text}");
}
