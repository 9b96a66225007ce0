//! `sessions list`: a summary of every session, fast over thousands of
//! files (the history at the end of a file is not parsed), never failing on
//! a bad file: broken files go to quarantine, unusable ones are reported.

use std::path::Path;

use super::store::{Read, classify, io_err, mtime};
use super::{Meta, SessionMode, Store, StoreError, atomic};
use crate::answers::{self, MAX_ANSWERS_BYTES, Mode};
use crate::diag::{FileKind, Links, read_data_file};
use crate::i18n::Lang;
use crate::questionnaire::{Audience, Questionnaire};
use crate::scoring;

/// One session in a listing.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    pub id: String,
    pub company: Option<String>,
    pub org_number: Option<String>,
    pub municipality: Option<String>,
    pub created: String,
    pub updated: String,
    pub mode: SessionMode,
    pub origin: Option<String>,
    pub previous: Option<String>,
    pub questionnaire_id: String,
    pub questionnaire_version: String,
    /// Visible questions answered (including "vet ej").
    pub answered: usize,
    /// Visible questions.
    pub total: usize,
    /// Of `answered`, those to advisor-only questions (`audience =
    /// "advisor"`): a screen the company may see leaves them out.
    pub advisor_answered: usize,
    /// Of `total`, the advisor-only questions.
    pub advisor_total: usize,
    pub orphans: usize,
    /// Saved with another version or content of the questionnaire.
    pub drift: bool,
    /// Sync found a conflict: the shared store's version waits next to
    /// this one (`<id>.conflict.toml`) for `sessions resolve`.
    pub conflict: bool,
}

/// A file in `quarantine/`.
#[derive(Debug, Clone, PartialEq)]
pub struct QuarantinedFile {
    /// File name in `quarantine/`.
    pub file: String,
    /// Why it was moved (from its `.why` file; may span lines).
    pub reason: String,
    /// Moved by this listing.
    pub new: bool,
}

/// A session file that is kept in place but cannot be used now (another
/// questionnaire, an invalid organisation number, an unreadable file).
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub file: String,
    /// In English (the JSON listing's `message`).
    pub message: String,
    /// The message in each of [`Lang::ALL`], in that order.
    pub messages: Vec<String>,
}

impl Problem {
    /// The message in `lang` (the English one when it has none).
    pub fn text(&self, lang: Lang) -> &str {
        Lang::ALL
            .iter()
            .position(|l| *l == lang)
            .and_then(|i| self.messages.get(i))
            .unwrap_or(&self.message)
    }

    /// The first line of [`Problem::text`] and its help lines (`= help: …`):
    /// what is wrong and what to do, without the quoted source.
    pub fn summary(&self, lang: Lang) -> String {
        let text = self.text(lang);
        let mut lines = text.lines();
        let mut out = lines.next().unwrap_or("").to_string();
        for l in lines.filter(|l| l.trim_start().starts_with("= ")) {
            out.push_str("; ");
            out.push_str(l.trim_start().trim_start_matches("= "));
        }
        out
    }
}

/// Everything in the store.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Listing {
    /// Newest first (by `updated`).
    pub sessions: Vec<Summary>,
    pub quarantined: Vec<QuarantinedFile>,
    pub problems: Vec<Problem>,
    /// Files in `sessions/` whose name is not `<id>.toml` (not sessions).
    pub ignored: Vec<String>,
    /// Temp files of killed processes removed.
    pub temp_removed: usize,
    /// What opening the store found (a folder tightened, a read-only disk).
    pub notices: Vec<super::store::StoreNotice>,
}

/// The part of a session file before its history: what a listing needs.
fn head(text: &str) -> &str {
    match text.find("\n[[meta.history]]") {
        Some(i) => &text[..=i],
        None => text,
    }
}

/// What a listing shows of a session read as `a` (`file_time`: when the
/// file was written, for a session without `created`/`updated`).
pub(crate) fn summary_of(
    id: &str,
    a: &answers::AnswersFile,
    q: &Questionnaire,
    file_time: impl Fn() -> String,
    conflict: bool,
) -> Summary {
    let meta = Meta::from_table(&a.meta, id);
    let (visible, _) = scoring::visibility(q, &a.answers);
    let (mut total, mut answered) = (0, 0);
    let (mut advisor_total, mut advisor_answered) = (0, 0);
    for (qq, _) in q.questions.iter().zip(&visible).filter(|(_, v)| **v) {
        let advisor = qq.audience == Audience::Advisor;
        let done = a.answers.contains_key(&qq.id);
        total += 1;
        answered += usize::from(done);
        advisor_total += usize::from(advisor);
        advisor_answered += usize::from(advisor && done);
    }
    let version = if meta.questionnaire_version.is_empty() {
        a.version.clone().unwrap_or_default()
    } else {
        meta.questionnaire_version.clone()
    };
    let drift = (!version.is_empty() && version != q.version)
        || (!meta.questionnaire_hash.is_empty() && meta.questionnaire_hash != q.hash)
        || !a.orphans.is_empty();
    Summary {
        id: id.to_string(),
        company: a.company.name.clone(),
        org_number: a.company.org_number.clone(),
        municipality: a.company.municipality.clone(),
        created: if meta.created.is_empty() {
            file_time()
        } else {
            meta.created.clone()
        },
        updated: if meta.updated.is_empty() {
            file_time()
        } else {
            meta.updated.clone()
        },
        mode: meta.mode,
        origin: meta.origin.clone(),
        previous: meta.previous.clone(),
        questionnaire_id: a.questionnaire.clone(),
        questionnaire_version: version,
        answered,
        total,
        advisor_answered,
        advisor_total,
        orphans: a.orphans.len(),
        drift,
        conflict,
    }
}

/// Sorts a listing as [`Store::list`] gives it: newest first.
pub(crate) fn sort_listing(out: &mut Listing) {
    out.sessions
        .sort_by(|a, b| b.updated.cmp(&a.updated).then(b.id.cmp(&a.id)));
    out.problems.sort_by(|a, b| a.file.cmp(&b.file));
    out.ignored.sort();
}

impl Store {
    /// Summarises every session (see [`Listing`]). Moves files that are not
    /// sessions to quarantine; removes temp files left by killed processes.
    pub fn list(&self, q: &Questionnaire) -> Result<Listing, StoreError> {
        let dir = self.sessions_dir();
        let mut out = Listing {
            temp_removed: atomic::remove_stale_temps(&dir, atomic::STALE_TEMP_AGE),
            notices: self.notices().to_vec(),
            ..Listing::default()
        };
        let mut new_quarantine = Vec::new();
        let entries = match std::fs::read_dir(&dir) {
            Ok(rd) => rd,
            // No sessions folder (a read-only disk it could not be made on): nothing to list.
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                out.quarantined = self.quarantined(&new_quarantine);
                return Ok(out);
            }
            Err(e) => return Err(io_err("cannot list", &dir)(e)),
        };
        for entry in entries {
            let Ok(entry) = entry else { continue };
            let name = entry.file_name().to_string_lossy().into_owned();
            if atomic::is_temp_name(&name)
                || name.ends_with(".lock")
                || name.ends_with(".conflict.toml")
            {
                continue;
            }
            let Some(id) = name.strip_suffix(".toml").filter(|id| super::valid_id(id)) else {
                out.ignored.push(crate::text::sanitize_line(&name));
                continue;
            };
            match self.summarise(id, &entry.path(), q) {
                Ok(s) => out.sessions.push(s),
                Err(StoreError::Quarantined { to, .. }) => {
                    let f = Path::new(&to)
                        .file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_default();
                    new_quarantine.push(f);
                }
                Err(e) => out.problems.push(Problem {
                    file: name.clone(),
                    message: crate::text::sanitize(&e.to_string()).into_owned(),
                    messages: Lang::ALL
                        .iter()
                        .map(|l| crate::text::sanitize(&e.render(*l)).into_owned())
                        .collect(),
                }),
            }
        }
        sort_listing(&mut out);
        out.quarantined = self.quarantined(&new_quarantine);
        Ok(out)
    }

    /// The files in `quarantine/` with their reasons (`new`: the ones just
    /// moved, marked so).
    pub fn quarantined(&self, new: &[String]) -> Vec<QuarantinedFile> {
        let qdir = self.quarantine_dir();
        let Ok(rd) = std::fs::read_dir(&qdir) else {
            return Vec::new();
        };
        let mut out: Vec<QuarantinedFile> = rd
            .flatten()
            .filter_map(|e| {
                let file = e.file_name().to_string_lossy().into_owned();
                if file.ends_with(".why") || atomic::is_temp_name(&file) {
                    return None;
                }
                let reason = read_data_file(
                    &qdir.join(format!("{file}.why")),
                    1 << 20,
                    FileKind::Note,
                    Links::NoFollow,
                )
                .map(|(_, t)| t.trim_end().to_string())
                .unwrap_or_else(|_| "reason not recorded".into());
                Some(QuarantinedFile {
                    new: new.contains(&file),
                    file: crate::text::sanitize_line(&file),
                    reason: crate::text::sanitize(&reason).into_owned(),
                })
            })
            .collect();
        out.sort_by(|a, b| a.file.cmp(&b.file));
        out
    }

    /// Reads what a listing shows of one session.
    fn summarise(&self, id: &str, path: &Path, q: &Questionnaire) -> Result<Summary, StoreError> {
        let parsed =
            match read_data_file(path, MAX_ANSWERS_BYTES, FileKind::Answers, Links::NoFollow) {
                Ok((name, text)) => match answers::parse(&name, head(&text), q, Mode::Lenient) {
                    Ok(p) => p,
                    // The cut may have split something: read the whole file.
                    Err(_) => match answers::parse(&name, &text, q, Mode::Lenient) {
                        Ok(p) => p,
                        Err(e) => return Err(self.settle(id, path, classify(e))),
                    },
                },
                Err(e) => return Err(self.settle(id, path, classify(e))),
            };
        let conflict =
            std::fs::symlink_metadata(self.sessions_dir().join(format!("{id}.conflict.toml")))
                .is_ok();
        Ok(summary_of(
            id,
            &parsed.answers,
            q,
            || mtime(path).unwrap_or_default(),
            conflict,
        ))
    }

    /// Turns a failed read into the error to report, quarantining broken files.
    pub(super) fn settle(&self, id: &str, path: &Path, r: Read) -> StoreError {
        match r {
            Read::Broken(reason) => match self.quarantine(id, path, &reason) {
                Ok(to) => StoreError::Quarantined {
                    id: id.to_string(),
                    to: crate::text::display_path(&to),
                    reason,
                },
                Err(e) => e,
            },
            Read::Unusable(e) => e,
            Read::Ok(_) => StoreError::NotFound(id.to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::head;

    #[test]
    fn head_stops_before_the_history() {
        let t = "a = 1\n[meta]\nid = \"x\"\n\n[[meta.history]]\nat = \"\"\n";
        assert_eq!(head(t), "a = 1\n[meta]\nid = \"x\"\n\n");
        assert_eq!(head("a = 1\n"), "a = 1\n");
    }
}
