//! The one-time notices of the status area (imported, failed, drift …).

use ratatui::text::Line;

use crate::i18n::Lang;
use crate::i18n::room;
use crate::i18n::tui::{self};

use crate::tui::app::{App, Notice};
use crate::tui::errors::{OpenError, warning_message};
use crate::tui::theme::Theme;
use crate::tui::widgets::{clean, truncate, wrap, wrapped};

/// Most warnings of an imported file shown.
const MAX_WARNINGS: usize = 3;

/// The lines of `n` as this screen may show it (on the shared screen
/// without what only the advisor may see, see
/// [`crate::tui::advisor::for_screen`]), `width` columns wide.
pub fn screen_notice<'a>(app: &App, n: &Notice, theme: &Theme, width: usize) -> Vec<Line<'a>> {
    notice_lines(
        &crate::tui::advisor::for_screen(app, n),
        app.lang,
        theme,
        width,
    )
}

fn notice_lines<'a>(n: &Notice, lang: Lang, theme: &Theme, width: usize) -> Vec<Line<'a>> {
    let s = tui::words(lang);
    // "What failed: why", in the error style.
    let failed =
        |what: &str, why: &str| wrapped(&format!("{what}: {}", clean(why)), width, theme.error());
    match n {
        Notice::Imported {
            file,
            existing,
            warnings,
            from,
        } => {
            let mut v = wrapped(
                &room::from_company(
                    lang,
                    clean(file),
                    clean(&from.filled),
                    clean(&from.imported),
                    from.answers,
                ),
                width,
                theme.ok(),
            );
            if from.left > 0 {
                v.extend(wrapped(
                    &room::left_for_advisor(lang, from.left),
                    width,
                    theme.ok(),
                ));
            }
            if let Some(id) = existing {
                v.extend(wrapped(
                    &tui::imported_new_id(lang, clean(id)),
                    width,
                    theme.dim(),
                ));
            }
            for w in warnings.iter().take(MAX_WARNINGS) {
                let line = warning_message(lang, file, w);
                v.extend(wrapped(&line, width, theme.warn()));
            }
            v
        }
        Notice::Opening => wrapped(s.opening, width, theme.dim()),
        Notice::OpenFailed(e @ (OpenError::Locked { .. } | OpenError::AlreadyImported(_))) => {
            wrapped(&e.message(lang), width, theme.error())
        }
        Notice::OpenFailed(e) => failed(s.open_session_failed, &e.message(lang)),
        Notice::Drift(d, version) => drift_lines(d, version, lang, theme, width),
        Notice::FollowUp { previous_date } => wrapped(
            &tui::follow_up_started(lang, clean(previous_date)),
            width,
            theme.ok(),
        ),
        Notice::ExportFailed(e) => failed(s.export_failed, &e.message(lang)),
        Notice::SavedAgain => wrapped(s.saved_ok, width, theme.ok()),
        Notice::PrivateInAdvisorView { field } => {
            let key = crate::tui::screens::questions::KEYS
                .key_of(crate::tui::keymap::Action::AdvisorView, *field, s)
                .unwrap_or_default();
            wrapped(
                &crate::i18n::room::private_in_advisor_view(lang, key),
                width,
                theme.warn(),
            )
        }
        Notice::Exported(files) => {
            let mut v = vec![Line::styled(format!(" {}", s.exported_to), theme.ok())];
            for f in files {
                v.push(Line::styled(
                    format!("   {}", truncate(&clean(f), width.saturating_sub(3))),
                    theme.ok(),
                ));
            }
            v
        }
    }
}

/// What changed in the questionnaire, in the user's language.
fn drift_lines<'a>(
    d: &crate::session::DriftReport,
    version: &str,
    lang: Lang,
    theme: &Theme,
    width: usize,
) -> Vec<Line<'a>> {
    let s = tui::words(lang);
    let mut v = wrapped(s.drift_heading, width, theme.warn());
    let mut items = Vec::new();
    if let Some(old) = &d.version_before {
        items.push(tui::drift_version(lang, clean(old), clean(version)));
    } else if d.hash_changed {
        items.push(tui::drift_hash(lang, clean(version)));
    }
    for (old, new) in &d.renamed {
        items.push(tui::drift_renamed(lang, clean(old), clean(new)));
    }
    for o in &d.orphans {
        items.push(tui::drift_orphan(
            lang,
            clean(&o.question),
            clean(&o.value.to_string()),
            clean(&o.reason),
        ));
    }
    for item in items {
        v.extend(
            wrap(&item, width.saturating_sub(2))
                .into_iter()
                .enumerate()
                .map(|(n, l)| {
                    Line::styled(
                        format!("{}{l}", if n == 0 { "• " } else { "  " }),
                        theme.warn(),
                    )
                }),
        );
    }
    v
}
