//! The popups over a screen: help (the question's help text and the
//! screen's keys), the note editor and "quit?". Each has its keymap, key
//! handling and drawing.

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;

use crate::i18n::room;
use crate::i18n::tui::Words;

use super::app::{App, Draft, NoteKind, Popup, Screen};
use super::keymap::{
    Action, Binding, DOWN, ENTER, ESC, Key, Keymap, PGDN, PGUP, UP, alt, ch, ctrl,
};
use super::screens::{self, questions};
use super::theme::Theme;
use super::update::Effect;
use super::widgets::textbox;
use super::widgets::{clean, clean_block, pad, popup, text_width, truncate, wrap, wrapped};

/// The note editor: a text field.
pub const NOTE: Keymap = Keymap {
    bindings: &[
        Binding::new(
            &[alt(KeyCode::Enter), ctrl('j')],
            Action::Newline,
            |w| room::words(w.lang).h_newline,
            |w| room::words(w.lang).help_newline,
        ),
        Binding::new(&[ENTER], Action::Enter, |w| w.h_save, |w| w.help_note_save),
        Binding::new(&[ESC], Action::Back, |w| w.h_cancel, |w| w.help_note_cancel),
        Binding::quiet(&[ctrl('c')], Action::Quit, |w| w.help_quit),
    ],
    in_field: |_| true,
};

/// The help: scrolls; any other key closes it.
pub const HELP: Keymap = Keymap {
    bindings: &[
        Binding::new(
            &[UP, ch('k')],
            Action::Up,
            |w| w.h_browse,
            |w| w.help_scroll_up,
        ),
        Binding::new(
            &[DOWN, ch('j')],
            Action::Down,
            |w| w.h_browse,
            |w| w.help_scroll_down,
        ),
        Binding::quiet(&[PGUP], Action::Prev, |w| w.help_scroll_up),
        Binding::quiet(&[PGDN], Action::Next, |w| w.help_scroll_down),
        Binding::new(&[Key::Any], Action::Close, |w| w.h_close, |w| w.help_close),
    ],
    in_field: |_| false,
};

/// The keymap of the open popup.
pub fn keymap(p: &Popup) -> Option<&'static Keymap> {
    match p {
        Popup::None => None,
        Popup::Help { .. } => Some(&HELP),
        Popup::ConfirmQuit => Some(&super::quit::CONFIRM),
        Popup::SaveAs { .. } => Some(&super::quit::SAVE_AS),
        Popup::Note(..) => Some(&NOTE),
        Popup::ConsentWho(_) => Some(&super::consent::KEYS),
    }
}

/// Most lines the help scrolls past.
const MAX_SCROLL: usize = 10_000;

/// A key while a popup is open.
pub fn key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    let Some(map) = keymap(&app.popup) else {
        return vec![];
    };
    let action = map.action(app, &key);
    match app.popup {
        Popup::ConsentWho(_) => return super::consent::key(app, key, action),
        Popup::ConfirmQuit => return super::quit::confirm_key(app, action),
        Popup::SaveAs { .. } => return super::quit::save_as_key(app, key, action),
        _ => {}
    }
    match (&mut app.popup, action) {
        (
            Popup::Help { scroll },
            Some(a @ (Action::Up | Action::Down | Action::Prev | Action::Next)),
        ) => {
            *scroll = match a {
                Action::Up => scroll.saturating_sub(1),
                Action::Down => (*scroll + 1).min(MAX_SCROLL),
                Action::Prev => scroll.saturating_sub(10),
                _ => (*scroll + 10).min(MAX_SCROLL),
            }
        }
        (Popup::Help { .. }, Some(_)) => app.popup = Popup::None,
        (Popup::Note(kind, input, _), Some(a @ (Action::Enter | Action::Quit))) => {
            // Quitting from the editor keeps the note too.
            let kind = *kind;
            let text = input.text().trim().to_string();
            app.popup = if a == Action::Quit {
                Popup::ConfirmQuit
            } else {
                Popup::None
            };
            app.draft = Draft::default();
            return questions::set_note(app, kind, text);
        }
        (Popup::Note(_, input, _), Some(Action::Newline)) => {
            input.newline();
            app.draft.dirty = true;
        }
        (Popup::Note(kind, _, before), Some(Action::Back)) => {
            // The note as it was (a draft may have been saved meanwhile).
            let (kind, before) = (*kind, std::mem::take(before));
            app.popup = Popup::None;
            app.draft = Draft::default();
            return questions::set_note(app, kind, before);
        }
        (Popup::Note(_, input, _), None) => {
            let before = input.text();
            if input.handle_key(key) && input.text() != before {
                app.draft.dirty = true;
            }
        }
        _ => {}
    }
    vec![]
}

pub fn draw(app: &App, s: &Words, theme: &Theme, frame: &mut Frame, area: Rect) {
    match &app.popup {
        Popup::None => {}
        Popup::Help { scroll } => draw_help(app, *scroll, s, theme, frame, area),
        Popup::ConfirmQuit => super::quit::draw_confirm(app, s, theme, frame, area),
        Popup::SaveAs { .. } => super::quit::draw_save_as(app, s, theme, frame, area),
        Popup::ConsentWho(form) => super::consent::draw(app, form, s, theme, frame, area),
        Popup::Note(kind, input, _) => {
            let title = match kind {
                NoteKind::Shared => s.note_edit,
                NoteKind::Private => s.private_note_edit,
            };
            let w = (area.width.saturating_sub(8)).min(76);
            let inner_w = w.saturating_sub(4) as usize;
            let max_rows = (area.height as usize)
                .saturating_sub(8)
                .clamp(1, textbox::MAX_ROWS);
            let rows = input.rows(inner_w, max_rows).max(3.min(max_rows));
            let mut lines = vec![Line::raw(""); rows];
            lines.push(Line::raw(""));
            lines.extend(wrapped(
                &NOTE.hints(app, s).join(" · "),
                inner_w,
                theme.dim(),
            ));
            let inner = popup(frame, theme, area, title, lines, w, None);
            let field = Rect::new(
                inner.x,
                inner.y,
                inner.width,
                (rows as u16).min(inner.height),
            );
            input.draw(frame, theme, field, true);
        }
    }
}

/// The question's help (on the question screen), then the keys of the
/// screen, scrolled by `scroll` lines.
fn draw_help(app: &App, scroll: usize, s: &Words, theme: &Theme, frame: &mut Frame, area: Rect) {
    let w = area.width.saturating_sub(8).min(76);
    let inner_w = w.saturating_sub(4) as usize;
    let mut lines = Vec::new();
    if app.screen == Screen::Questions
        && let Some(q) = app.q.questions.get(app.qs.cur)
        && (app.advisor_view || !super::app::advisor_only(&app.q, app.qs.cur))
    {
        lines.extend(wrapped(
            &clean(q.text.get(app.lang.code())),
            inner_w,
            theme.strong(),
        ));
        lines.push(Line::raw(""));
        match &q.help {
            Some(h) => lines.extend(wrapped(
                &clean_block(h.get(app.lang.code())),
                inner_w,
                Style::new(),
            )),
            None => lines.push(Line::raw(s.no_help)),
        }
        for o in q.kind.options() {
            if let Some(h) = &o.help {
                lines.push(Line::raw(""));
                lines.extend(wrapped(
                    &format!(
                        "{}: {}",
                        clean(o.label.get(app.lang.code())),
                        clean(h.get(app.lang.code()))
                    ),
                    inner_w,
                    Style::new(),
                ));
            }
        }
        lines.push(Line::raw(""));
    }
    lines.push(Line::styled(s.keys_heading, theme.title()));
    lines.extend(key_lines(app, s, theme, inner_w));
    let max_h = area.height.saturating_sub(4) as usize;
    let scroll = scroll.min(lines.len().saturating_sub(max_h));
    let lines: Vec<Line> = lines.into_iter().skip(scroll).take(max_h).collect();
    popup(frame, theme, area, s.help_heading, lines, w, None);
}

/// The screen's bindings: keys in a column, what they do beside them.
fn key_lines(app: &App, s: &Words, theme: &Theme, width: usize) -> Vec<Line<'static>> {
    let help = screens::keymap(app.screen).help(app, s);
    let keys_w = help
        .iter()
        .map(|h| text_width(&h.keys))
        .max()
        .unwrap_or(0)
        .min(width / 3);
    let text_w = width.saturating_sub(keys_w + 2).max(10);
    let mut out = Vec::new();
    for h in help {
        for (n, part) in wrap(h.text, text_w).into_iter().enumerate() {
            let keys = if n == 0 { h.keys.as_str() } else { "" };
            out.push(Line::from(vec![
                ratatui::text::Span::styled(pad(&truncate(keys, keys_w), keys_w), theme.accent()),
                ratatui::text::Span::raw(format!("  {part}")),
            ]));
        }
    }
    out
}
