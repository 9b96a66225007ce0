//! Questionnaire drift: what changed since a session was saved.

use crate::answers::{self, Orphan};
use crate::questionnaire::Questionnaire;

use super::Meta;

/// What changed in the questionnaire since the session was last saved.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct DriftReport {
    /// The version the session was saved with, when it differs from the
    /// questionnaire in use.
    pub version_before: Option<String>,
    /// True when the recorded content hash differs (the file changed, even
    /// if its version did not).
    pub hash_changed: bool,
    /// Answers kept but not used: removed questions or options, changed kinds.
    pub orphans: Vec<Orphan>,
    /// Answers carried over to a renamed question: (old id, new id).
    pub renamed: Vec<(String, String)>,
}

impl DriftReport {
    /// Nothing changed.
    pub fn is_empty(&self) -> bool {
        self.version_before.is_none()
            && !self.hash_changed
            && self.orphans.is_empty()
            && self.renamed.is_empty()
    }

    /// One line per change, for people (texts from files are sanitised).
    pub fn lines(&self, q: &Questionnaire) -> Vec<String> {
        self.lines_in(q, crate::i18n::Lang::En)
    }

    /// [`DriftReport::lines`] in `lang` (an orphan's reason stays as it
    /// was recorded, in English).
    pub fn lines_in(&self, q: &Questionnaire, lang: crate::i18n::Lang) -> Vec<String> {
        use crate::i18n::diag as w;
        let s = crate::text::sanitize_line;
        let mut out = Vec::new();
        if let Some(v) = &self.version_before {
            out.push(w::drift_version(lang, &s(v), &s(&q.version)));
        } else if self.hash_changed {
            out.push(w::drift_hash(lang, &s(&q.version)));
        }
        for (old, new) in &self.renamed {
            out.push(w::drift_renamed(lang, &s(old), &s(new)));
        }
        for o in &self.orphans {
            out.push(w::drift_orphan(
                lang,
                &s(&o.question),
                &s(&o.value.to_string()),
                &s(&o.reason),
            ));
        }
        out
    }
}

/// Compares the session's record of its questionnaire with the one in use.
pub(super) fn drift(q: &Questionnaire, meta: &Meta, parsed: &answers::Parsed) -> DriftReport {
    let mut d = DriftReport {
        orphans: parsed.answers.orphans.clone(),
        ..Default::default()
    };
    if !meta.questionnaire_version.is_empty() && meta.questionnaire_version != q.version {
        d.version_before = Some(meta.questionnaire_version.clone());
    }
    d.hash_changed = !meta.questionnaire_hash.is_empty() && meta.questionnaire_hash != q.hash;
    // Keys of [answers] that are an alias of a question (renamed).
    if let Ok(doc) = toml::from_str::<toml::Table>(&parsed.source.text)
        && let Some(a) = doc.get("answers").and_then(|v| v.as_table())
    {
        for k in a.keys() {
            if q.question(k).is_none()
                && let Some(i) = q.question_or_alias(k)
            {
                let new = &q.questions[i].id;
                if parsed.answers.answers.contains_key(new)
                    && !parsed.answers.orphans.iter().any(|o| &o.question == k)
                {
                    d.renamed.push((k.clone(), new.clone()));
                }
            }
        }
    }
    d
}
