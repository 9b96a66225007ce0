//! The one-time notices of the status area (imported, failed, drift …).

use ratatui::text::Line;

use crate::i18n::Lang;
use crate::i18n::tui::{self};
use crate::text::sanitize_line;
use crate::tui::app::Notice;
use crate::tui::theme::Theme;
use crate::tui::widgets::{truncate, wrap, wrapped};

pub fn notice_lines<'a>(n: &Notice, lang: Lang, theme: &Theme, width: usize) -> Vec<Line<'a>> {
    let s = tui::words(lang);
    // "What failed: why", in the error style.
    let failed = |what: &str, why: &str| {
        wrapped(
            &format!("{what}: {}", sanitize_line(why)),
            width,
            theme.error(),
        )
    };
    match n {
        Notice::Imported {
            file,
            existing,
            warnings,
        } => {
            let mut v = wrapped(&tui::imported(lang, sanitize_line(file)), width, theme.ok());
            if let Some(id) = existing {
                v.extend(wrapped(
                    &tui::imported_new_id(lang, sanitize_line(id)),
                    width,
                    theme.dim(),
                ));
            }
            for w in warnings {
                v.extend(wrapped(&sanitize_line(w), width, theme.warn()));
            }
            v
        }
        Notice::OpenFailed(crate::tui::runtime::OpenError::Locked { id, holder }) => wrapped(
            &tui::locked(lang, sanitize_line(id), sanitize_line(holder)),
            width,
            theme.error(),
        ),
        Notice::OpenFailed(crate::tui::runtime::OpenError::Failed(e)) => {
            failed(s.open_session_failed, e)
        }
        Notice::ListFailed(e) => failed(s.list_failed, e),
        Notice::Drift(d, version) => drift_lines(d, version, lang, theme, width),
        Notice::FollowUp { previous_date } => wrapped(
            &tui::follow_up_started(lang, sanitize_line(previous_date)),
            width,
            theme.ok(),
        ),
        Notice::ExportFailed(e) => failed(s.export_failed, e),
        Notice::SavedAgain => wrapped(s.saved_ok, width, theme.ok()),
        Notice::Exported(files) => {
            let mut v = vec![Line::styled(format!(" {}", s.exported_to), theme.ok())];
            for f in files {
                v.push(Line::styled(
                    format!(
                        "   {}",
                        truncate(&sanitize_line(f), width.saturating_sub(3))
                    ),
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
        items.push(tui::drift_version(
            lang,
            sanitize_line(old),
            sanitize_line(version),
        ));
    } else if d.hash_changed {
        items.push(tui::drift_hash(lang, sanitize_line(version)));
    }
    for (old, new) in &d.renamed {
        items.push(tui::drift_renamed(
            lang,
            sanitize_line(old),
            sanitize_line(new),
        ));
    }
    for o in &d.orphans {
        items.push(tui::drift_orphan(
            lang,
            sanitize_line(&o.question),
            sanitize_line(&o.value.to_string()),
            sanitize_line(&o.reason),
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
