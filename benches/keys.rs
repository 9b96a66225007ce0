//! Keypress → new frame latency on the 2,000-question questionnaire: each
//! key goes through `update` (rescoring on answers), its effects are
//! executed the way the run loop does (the autosave snapshot is handed to
//! the real writer thread, which saves with fsync into a temporary data
//! directory), and a 120×40 frame is drawn into ratatui's `TestBackend`.
//! Prints p50/p90/p99/max over a few thousand keys.
//!
//! Then typing into a text area (the built-in free-text question).
//!
//!   cargo bench --bench keys [-- KEYS]     (KEYS_NO_TEXT=1: the questions only)

use std::sync::Arc;
use std::time::{Duration, Instant};

use behovsanalys::questionnaire;
use behovsanalys::session::SessionMode;
use behovsanalys::tui::app::{App, Screen};
use behovsanalys::tui::theme::Theme;
use behovsanalys::tui::{Effect, Msg, Runtime, update, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

mod support;

fn key(code: KeyCode) -> Msg {
    Msg::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

fn main() {
    let n_keys: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(4_000);
    let questions = 2_000;
    let q = questionnaire::load_str("gen.toml", &support::questionnaire(questions))
        .unwrap()
        .questionnaire;
    let dir = tempfile::tempdir().unwrap();
    let q = Arc::new(q);
    // The wizard's own runtime: session lock, writer thread, fsync.
    let mut rt = Runtime::new(Some(dir.path().to_path_buf()), Arc::clone(&q));
    let mut app = App::new(
        Arc::clone(&q),
        behovsanalys::i18n::Lang::Sv,
        SessionMode::Advisor,
        "/tmp",
    );
    let mut t = Terminal::new(TestBackend::new(120, 40)).unwrap();
    let theme = Theme { color: true };
    for k in [KeyCode::Enter, KeyCode::PageDown, KeyCode::F(7)] {
        rt.dispatch(&mut app, key(k));
        rt.settle(&mut app);
    }
    assert_eq!(app.screen, Screen::Questions);
    assert!(app.show_needs);
    t.draw(|f| view::view(&app, &theme, f)).unwrap();

    // A deterministic mix: mostly answers (digits, Enter to go on), some
    // cursor moves and page turns, now and then the needs panel.
    let mut rng = support::Rng(0x5eed);
    let mut times = Vec::with_capacity(n_keys);
    let mut saves = 0usize;
    // For comparison: drop the snapshots instead of saving them.
    let no_writer = std::env::var_os("KEYS_NO_WRITER").is_some();
    let mut by_key: std::collections::BTreeMap<String, Vec<Duration>> = Default::default();
    for _ in 0..n_keys {
        let code = match rng.below(20) {
            0..=7 => KeyCode::Char(char::from(b'1' + rng.below(4) as u8)),
            8..=11 => KeyCode::Enter,
            12..=14 => KeyCode::Down,
            15..=16 => KeyCode::Up,
            17 => KeyCode::PageDown,
            18 => KeyCode::PageUp,
            _ => KeyCode::Tab,
        };
        let started = Instant::now();
        // As `Runtime::dispatch`, counting (or, for comparison, dropping)
        // the autosave snapshots.
        for effect in update(&mut app, key(code)) {
            if matches!(effect, Effect::Save(_)) {
                saves += 1;
                if no_writer {
                    continue;
                }
            }
            rt.execute(&mut app, effect);
        }
        t.draw(|f| view::view(&app, &theme, f)).unwrap();
        let took = started.elapsed();
        times.push(took);
        by_key
            .entry(format!("{code:?}").chars().take(7).collect::<String>())
            .or_default()
            .push(took);
        if app.screen != Screen::Questions {
            // Tab may leave for the section list; bring it back.
            app.screen = Screen::Questions;
        }
    }
    let flushed = Instant::now();
    rt.finish().unwrap();
    let flush = flushed.elapsed();
    times.sort();
    let pct = |p: f64| times[((times.len() as f64 * p) as usize).min(times.len() - 1)];
    let (done, total) = app.progress();
    let us = |d: Duration| d.as_secs_f64() * 1e6;
    println!(
        "keypress -> frame, {questions} questions, 120x40, {n_keys} keys ({saves} autosaves, {done}/{total} answered):"
    );
    println!(
        "  p50 {:.0} µs   p90 {:.0} µs   p99 {:.0} µs   max {:.0} µs   (writer flush at exit {:.1} ms)",
        us(pct(0.50)),
        us(pct(0.90)),
        us(pct(0.99)),
        us(*times.last().unwrap()),
        flush.as_secs_f64() * 1e3
    );
    // KEYS_NO_TEXT=1: only the questions (as measured before text areas).
    if std::env::var_os("KEYS_NO_TEXT").is_none() {
        typing_into_a_text_area(n_keys / 2);
    }
    if std::env::var_os("KEYS_BY_KIND").is_some() {
        for (k, mut v) in by_key {
            v.sort();
            let p = |x: f64| us(v[((v.len() as f64 * x) as usize).min(v.len() - 1)]);
            println!(
                "  {k:8} n={:5} p50 {:6.0} µs  p99 {:6.0} µs",
                v.len(),
                p(0.5),
                p(0.99)
            );
        }
    }
}

/// Typing into a text area (the built-in questionnaire's free-text
/// question): characters, now and then a new line or a Backspace, with the
/// run loop's tick after each key (the draft saved through the real writer
/// about a second after a change) and a 120×40 frame.
fn typing_into_a_text_area(n_keys: usize) {
    let q = Arc::new(questionnaire::builtin().unwrap().questionnaire);
    let dir = tempfile::tempdir().unwrap();
    let mut rt = Runtime::new(Some(dir.path().to_path_buf()), Arc::clone(&q));
    let mut app = App::new(
        Arc::clone(&q),
        behovsanalys::i18n::Lang::Sv,
        SessionMode::Advisor,
        "/tmp",
    );
    let mut t = Terminal::new(TestBackend::new(120, 40)).unwrap();
    let theme = Theme { color: true };
    for k in [KeyCode::Enter, KeyCode::PageDown] {
        rt.dispatch(&mut app, key(k));
        rt.settle(&mut app);
    }
    while app.q.questions[app.qs.cur].id != "ovrigt" {
        rt.dispatch(&mut app, key(KeyCode::PageDown));
    }
    let mut rng = support::Rng(0x7e57);
    let mut times = Vec::with_capacity(n_keys);
    let mut saves = 0usize;
    for _ in 0..n_keys {
        let ev = match rng.below(40) {
            0 => KeyEvent::new(KeyCode::Enter, KeyModifiers::ALT),
            1 => KeyEvent::new(KeyCode::Backspace, KeyModifiers::NONE),
            2..=7 => KeyEvent::new(KeyCode::Char(' '), KeyModifiers::NONE),
            n => KeyEvent::new(
                KeyCode::Char(char::from(b'a' + (n % 26) as u8)),
                KeyModifiers::NONE,
            ),
        };
        let started = Instant::now();
        for msg in [Msg::Key(ev), Msg::Tick(Instant::now())] {
            for effect in update(&mut app, msg) {
                saves += usize::from(matches!(effect, Effect::Save(_)));
                rt.execute(&mut app, effect);
            }
        }
        t.draw(|f| view::view(&app, &theme, f)).unwrap();
        times.push(started.elapsed());
    }
    rt.finish().unwrap();
    times.sort();
    let pct = |p: f64| times[((times.len() as f64 * p) as usize).min(times.len() - 1)];
    let us = |d: Duration| d.as_secs_f64() * 1e6;
    println!(
        "typing into a text area, built-in questionnaire, 120x40, {n_keys} keys ({saves} draft saves):"
    );
    println!(
        "  p50 {:.0} µs   p90 {:.0} µs   p99 {:.0} µs   max {:.0} µs",
        us(pct(0.50)),
        us(pct(0.90)),
        us(pct(0.99)),
        us(*times.last().unwrap())
    );
}
