//! An honest quit. "Quit? All answers are saved." only when they are; when
//! the last save failed (a full disk, a folder gone) the dialog says so,
//! with the error, and offers to try again or to write the session as a
//! file somewhere else (written whole or not at all, never over an
//! existing file); quitting anyway stays possible, and says what it loses.

use std::path::PathBuf;

use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use ratatui::text::Line;

use crate::i18n::room;
use crate::i18n::tui::Words;

use super::app::{App, Popup};
use super::keymap::{Action, Binding, ENTER, ESC, Keymap, ch, ctrl};
use super::theme::Theme;
use super::update::Effect;
use super::widgets::input::{Input, draw_input};
use super::widgets::{popup, wrapped};

/// True while the last save failed and no copy was written elsewhere.
pub fn unsaved(app: &App) -> bool {
    app.save_error.is_some() && app.saved_elsewhere.is_none()
}

/// "Quit?"
pub const CONFIRM: Keymap = Keymap {
    bindings: &[
        Binding::new(
            &[
                ch('y'),
                ch('j'),
                ENTER,
                ch('Y'),
                ch('J'),
                ch('q'),
                ctrl('c'),
            ],
            Action::Yes,
            |w| w.h_yes,
            |w| w.help_yes,
        )
        .show(3)
        .when(|a| !unsaved(a)),
        Binding::new(
            &[ch('r')],
            Action::Retry,
            |w| room::words(w.lang).h_retry,
            |w| room::words(w.lang).help_retry,
        )
        .when(unsaved),
        Binding::new(
            &[ch('s')],
            Action::SaveElsewhere,
            |w| room::words(w.lang).h_save_elsewhere,
            |w| room::words(w.lang).help_save_elsewhere,
        )
        .when(|a| unsaved(a) && a.open.is_some()),
        // Not Enter: quitting with unsaved answers is never an accident.
        Binding::new(
            &[ch('y'), ch('j'), ch('Y'), ch('J'), ctrl('c')],
            Action::Yes,
            |w| room::words(w.lang).h_quit_anyway,
            |w| room::words(w.lang).help_quit_anyway,
        )
        .when(unsaved),
        Binding::new(
            &[ch('n'), ESC, ch('N')],
            Action::No,
            |w| w.h_no,
            |w| w.help_no,
        )
        .show(2),
    ],
    in_field: |_| false,
};

/// The path to write the session to.
pub const SAVE_AS: Keymap = Keymap {
    bindings: &[
        Binding::new(
            &[ENTER],
            Action::Enter,
            |w| w.h_save,
            |w| room::words(w.lang).help_save_as,
        ),
        Binding::new(&[ESC], Action::Back, |w| w.h_cancel, |w| w.help_note_cancel),
        Binding::quiet(&[ctrl('c')], Action::Quit, |w| w.help_quit),
    ],
    in_field: |_| true,
};

/// A key in the dialog.
pub fn confirm_key(app: &mut App, action: Option<Action>) -> Vec<Effect> {
    match action {
        Some(Action::Yes) => {
            app.popup = Popup::None;
            app.quit = true;
            vec![Effect::Quit]
        }
        Some(Action::No) => {
            app.popup = Popup::None;
            vec![]
        }
        Some(Action::Retry) => match app.session().cloned() {
            Some(s) => {
                app.retrying = true;
                vec![Effect::Save(Box::new(s))]
            }
            None => vec![],
        },
        Some(Action::SaveElsewhere) => {
            let dir = app.summary.path.text().trim();
            let dir = if dir.is_empty() { "." } else { dir };
            let name = app
                .session()
                .map(|s| format!("{}.toml", s.meta.id))
                .unwrap_or_default();
            let path = PathBuf::from(dir).join(name);
            app.popup = Popup::SaveAs {
                path: Input::new(&path.display().to_string()),
                error: None,
                writing: false,
            };
            vec![]
        }
        _ => vec![],
    }
}

/// A key while the path is asked for.
pub fn save_as_key(app: &mut App, key: KeyEvent, action: Option<Action>) -> Vec<Effect> {
    let Popup::SaveAs {
        path,
        error,
        writing,
    } = &mut app.popup
    else {
        return vec![];
    };
    match action {
        Some(Action::Enter) if !*writing => {
            let p = path.text().trim().to_string();
            let Some(s) = app.open.as_ref().map(|o| o.session.clone()) else {
                return vec![];
            };
            if p.is_empty() {
                return vec![];
            }
            *writing = true;
            *error = None;
            return vec![Effect::SaveCopy {
                path: PathBuf::from(p),
                session: Box::new(s),
            }];
        }
        Some(Action::Back) => app.popup = Popup::ConfirmQuit,
        Some(Action::Quit) => app.popup = Popup::ConfirmQuit,
        None if path.handle_key(key) => *error = None,
        _ => {}
    }
    vec![]
}

/// The copy was written (its path), or why not.
pub fn copy_saved(app: &mut App, result: Result<String, String>) {
    match result {
        Ok(path) => {
            app.saved_elsewhere = Some(path);
            app.popup = Popup::ConfirmQuit;
        }
        Err(e) => {
            if let Popup::SaveAs { error, writing, .. } = &mut app.popup {
                *error = Some(e);
                *writing = false;
            }
        }
    }
}

pub fn draw_confirm(app: &App, s: &Words, theme: &Theme, frame: &mut Frame, area: Rect) {
    let r = room::words(app.lang);
    let w = if unsaved(app) { 72 } else { 50 };
    let inner_w = (w as usize).saturating_sub(4);
    let mut lines = Vec::new();
    match (&app.save_error, &app.saved_elsewhere) {
        (Some(e), None) => {
            lines.extend(wrapped(r.quit_unsaved, inner_w, theme.error()));
            lines.extend(wrapped(&e.message(app.lang), inner_w, theme.error()));
            if app.retrying {
                lines.push(Line::raw(""));
                lines.extend(wrapped(r.retrying, inner_w, theme.dim()));
            }
        }
        (Some(_), Some(path)) => {
            lines.extend(wrapped(
                &format!("{} {path}", r.quit_saved_elsewhere),
                inner_w,
                theme.strong(),
            ));
        }
        (None, _) => lines.push(Line::styled(s.quit_confirm, theme.strong())),
    }
    lines.push(Line::raw(""));
    lines.extend(wrapped(
        &CONFIRM.hints(app, s).join(" · "),
        inner_w,
        theme.dim(),
    ));
    popup(frame, theme, area, "", lines, w, None);
}

pub fn draw_save_as(app: &App, s: &Words, theme: &Theme, frame: &mut Frame, area: Rect) {
    let Popup::SaveAs {
        path,
        error,
        writing,
    } = &app.popup
    else {
        return;
    };
    let (error, writing) = (error.as_deref(), *writing);
    let r = room::words(app.lang);
    let w = area.width.saturating_sub(8).min(76);
    let inner_w = w.saturating_sub(4) as usize;
    let mut lines = vec![Line::raw(""), Line::raw("")];
    if let Some(e) = error {
        lines.extend(wrapped(
            &room::save_as_failed(app.lang, path.text(), e),
            inner_w,
            theme.error(),
        ));
    }
    if writing {
        lines.extend(wrapped(r.writing, inner_w, theme.dim()));
    }
    lines.extend(wrapped(r.save_as_help, inner_w, theme.dim()));
    lines.push(Line::raw(""));
    lines.extend(wrapped(
        &SAVE_AS.hints(app, s).join(" · "),
        inner_w,
        theme.dim(),
    ));
    let inner = popup(frame, theme, area, r.save_as_heading, lines, w, None);
    if inner.height > 0 {
        draw_input(
            frame,
            theme,
            path,
            Rect::new(inner.x, inner.y, inner.width, 1),
            !writing,
        );
    }
}
