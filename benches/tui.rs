//! The wizard per key: `update` and `view` (drawn into ratatui's
//! `TestBackend`) on the question screen with the needs panel open, for the
//! built-in questionnaire and a generated one of 2,000 questions, at 80×24
//! and 120×40. Run by hand: `cargo bench --bench tui`.
//! The latency distribution (p50/p99) is `cargo bench --bench keys`.

use behovsanalys::questionnaire::{self, Questionnaire};
use behovsanalys::session::SessionMode;
use behovsanalys::tui::app::App;
use behovsanalys::tui::theme::Theme;
use behovsanalys::tui::{Msg, update, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

mod support;

fn main() {
    divan::main();
}

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

fn questionnaire_of(which: &str) -> Questionnaire {
    match which {
        "builtin" => questionnaire::builtin().unwrap().questionnaire,
        _ => {
            questionnaire::load_str("gen.toml", &support::questionnaire(2_000))
                .unwrap()
                .questionnaire
        }
    }
}

fn key(code: KeyCode) -> Msg {
    Msg::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

/// A new session on the first question, needs panel open.
fn question_screen(which: &str) -> App {
    let mut app = App::new(
        questionnaire_of(which),
        behovsanalys::i18n::Lang::Sv,
        SessionMode::Advisor,
        "/tmp",
    );
    update(&mut app, key(KeyCode::Enter)); // start: new session
    update(&mut app, key(KeyCode::PageDown)); // skip the company form
    update(&mut app, key(KeyCode::F(7))); // needs panel
    assert!(app.show_needs);
    app
}

/// One frame of the question screen with the needs panel open.
#[divan::bench(args = ["builtin", "2000"], consts = [0, 1])]
fn view_question_needs<const S: usize>(bencher: divan::Bencher, which: &str) {
    let app = question_screen(which);
    let (w, h) = SIZES[S];
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    let theme = Theme { color: true };
    bencher.bench_local(|| {
        t.draw(|f| view::view(&app, &theme, f)).unwrap();
    });
}

/// `update` for a key that answers (rescoring, autosave snapshot) plus the
/// frame after it. Alternates two options of the current question.
#[divan::bench(args = ["builtin", "2000"], consts = [0, 1])]
fn key_answer_and_frame<const S: usize>(bencher: divan::Bencher, which: &str) {
    let mut app = question_screen(which);
    // Move to a single-choice question.
    while !matches!(
        app.q.questions[app.qs.cur].kind,
        questionnaire::Kind::Single { .. }
    ) {
        update(&mut app, key(KeyCode::PageDown));
    }
    let (w, h) = SIZES[S];
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    let theme = Theme { color: true };
    let mut flip = false;
    bencher.bench_local(|| {
        flip = !flip;
        let fx = update(&mut app, key(KeyCode::Char(if flip { '1' } else { '2' })));
        t.draw(|f| view::view(&app, &theme, f)).unwrap();
        fx
    });
}

/// `update` alone for a cursor move (no rescoring).
#[divan::bench(args = ["builtin", "2000"])]
fn update_cursor_move(bencher: divan::Bencher, which: &str) {
    let mut app = question_screen(which);
    let mut flip = false;
    bencher.bench_local(|| {
        flip = !flip;
        update(
            &mut app,
            key(if flip { KeyCode::Down } else { KeyCode::Up }),
        )
    });
}

/// `update` alone for an answer (rescoring + autosave snapshot).
#[divan::bench(args = ["builtin", "2000"])]
fn update_answer(bencher: divan::Bencher, which: &str) {
    let mut app = question_screen(which);
    while !matches!(
        app.q.questions[app.qs.cur].kind,
        questionnaire::Kind::Single { .. }
    ) {
        update(&mut app, key(KeyCode::PageDown));
    }
    let mut flip = false;
    bencher.bench_local(|| {
        flip = !flip;
        update(&mut app, key(KeyCode::Char(if flip { '1' } else { '2' })))
    });
}

/// Peer: a plain ratatui form screen (bordered block, a title, ten labelled
/// fields, a list of twenty items, a footer), drawn the same way.
#[divan::bench(consts = [0, 1])]
fn peer_plain_form<const S: usize>(bencher: divan::Bencher) {
    use ratatui::layout::{Constraint, Layout};
    use ratatui::text::Line;
    use ratatui::widgets::{Block, Borders, List, Paragraph};
    let (w, h) = SIZES[S];
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    let fields: Vec<(String, String)> = (0..10)
        .map(|i| (format!("Field {i}"), format!("value number {i}")))
        .collect();
    let items: Vec<String> = (0..20).map(|i| format!("Item {i} of the list")).collect();
    bencher.bench_local(|| {
        t.draw(|f| {
            let area = f.area();
            let block = Block::new().borders(Borders::ALL).title("A plain form");
            let inner = block.inner(area);
            f.render_widget(block, area);
            let [form, list, footer] = Layout::vertical([
                Constraint::Length(12),
                Constraint::Min(1),
                Constraint::Length(1),
            ])
            .areas(inner);
            let lines: Vec<Line> = fields
                .iter()
                .map(|(k, v)| Line::from(format!("{k:>12}: [{v:<30}]")))
                .collect();
            f.render_widget(Paragraph::new(lines), form);
            f.render_widget(
                List::new(items.iter().map(String::as_str))
                    .block(Block::new().borders(Borders::TOP)),
                list,
            );
            f.render_widget(
                Line::from("Enter save · Esc cancel · Tab next field"),
                footer,
            );
        })
        .unwrap();
    });
}
