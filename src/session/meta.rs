//! `[meta]`: what a session records about itself, read tolerantly and
//! written back with the keys this version does not know.

use super::model::{Attendee, HistoryEntry, MAX_HISTORY, SessionMode};
use super::store::valid_id;

/// `meta.origin` of an imported self-assessment (and of a hand-over file).
pub const ORIGIN_SELF_ASSESSMENT: &str = "self-assessment";
/// `meta.origin` of a self-assessment sent from the web form.
pub const ORIGIN_WEB: &str = "web";
/// `meta.origin` of a follow-up visit.
pub const ORIGIN_FOLLOW_UP: &str = "follow-up";

/// Session metadata, kept in `[meta]`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Meta {
    pub id: String,
    pub created: String,
    pub updated: String,
    pub mode: SessionMode,
    pub attendees: Vec<Attendee>,
    pub questionnaire_id: String,
    pub questionnaire_version: String,
    pub questionnaire_hash: String,
    /// The question the wizard was on, to resume there.
    pub current: Option<String>,
    pub history: Vec<HistoryEntry>,
    /// Where the session came from: [`ORIGIN_SELF_ASSESSMENT`] when imported
    /// from a company's own file (`behovsanalys import`), [`ORIGIN_WEB`] when
    /// sent from the web form, [`ORIGIN_FOLLOW_UP`] when started from an
    /// earlier visit; `None` for a session begun here.
    pub origin: Option<String>,
    /// File name (not path) an imported session was read from.
    pub imported_from: Option<String>,
    /// When it was imported.
    pub imported_at: Option<String>,
    /// The imported file's `[meta] id` (`import-<hash>` for a file without
    /// one): a second import of the same file is recognised by it.
    pub imported_id: Option<String>,
    /// Questions the company answered itself (in its self-assessment).
    pub self_answers: Vec<String>,
    /// The earlier visit this one follows up (a session id).
    pub previous: Option<String>,
    /// Actors the company asked to be referred to in its self-assessment
    /// (its `[consent]` when imported): requests the advisor confirms with
    /// the company's representative, never consent by themselves.
    pub requested_referrals: Vec<String>,
    /// When the company asked (RFC 3339).
    pub requested_at: Option<String>,
    /// Who at the company asked, when known.
    pub requested_by: Option<String>,
}

fn str_list(t: &toml::Table, k: &str) -> Vec<String> {
    t.get(k)
        .and_then(|v| v.as_array())
        .map(|a| {
            a.iter()
                .filter_map(|x| x.as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default()
}

fn get_str(t: &toml::Table, k: &str) -> String {
    t.get(k)
        .and_then(|v| v.as_str())
        .unwrap_or_default()
        .to_string()
}

fn opt_str(t: &toml::Table, k: &str) -> Option<String> {
    t.get(k).and_then(|v| v.as_str()).map(String::from)
}

impl Meta {
    /// Reads `[meta]`, tolerating missing or odd keys (a hand-copied answers
    /// file is a session too). `id` comes from the file name.
    pub fn from_table(t: &toml::Table, id: &str) -> Meta {
        let attendees = t
            .get("attendees")
            .and_then(|v| v.as_array())
            .map(|a| {
                a.iter()
                    .filter_map(|x| x.as_table())
                    .map(|x| Attendee {
                        name: get_str(x, "name"),
                        organisation: get_str(x, "organisation"),
                    })
                    .collect()
            })
            .unwrap_or_default();
        let history = t
            .get("history")
            .and_then(|v| v.as_array())
            .map(|a| {
                a.iter()
                    .filter_map(|x| x.as_table())
                    .map(|x| HistoryEntry {
                        at: get_str(x, "at"),
                        question: get_str(x, "question"),
                        value: x.get("value").cloned(),
                    })
                    .collect()
            })
            .unwrap_or_default();
        Meta {
            id: id.to_string(),
            created: get_str(t, "created"),
            updated: get_str(t, "updated"),
            mode: t
                .get("mode")
                .and_then(|v| v.as_str())
                .and_then(SessionMode::parse)
                .unwrap_or_default(),
            attendees,
            questionnaire_id: get_str(t, "questionnaire_id"),
            questionnaire_version: get_str(t, "questionnaire_version"),
            questionnaire_hash: get_str(t, "questionnaire_hash"),
            current: opt_str(t, "current"),
            history,
            origin: opt_str(t, "origin"),
            imported_from: opt_str(t, "imported_from"),
            imported_at: opt_str(t, "imported_at"),
            imported_id: opt_str(t, "imported_id"),
            self_answers: str_list(t, "self_answers"),
            previous: opt_str(t, "previous").filter(|p| valid_id(p)),
            requested_referrals: str_list(t, "requested_referrals"),
            requested_at: opt_str(t, "requested_at"),
            requested_by: opt_str(t, "requested_by"),
        }
    }

    /// Writes the known keys into `t`, keeping keys this version does not know.
    pub fn write_into(&self, t: &mut toml::Table) {
        use toml::Value as V;
        let s = |x: &str| V::String(x.to_string());
        t.insert("id".into(), s(&self.id));
        t.insert("created".into(), s(&self.created));
        t.insert("updated".into(), s(&self.updated));
        t.insert("mode".into(), s(self.mode.as_str()));
        t.insert("questionnaire_id".into(), s(&self.questionnaire_id));
        t.insert(
            "questionnaire_version".into(),
            s(&self.questionnaire_version),
        );
        t.insert("questionnaire_hash".into(), s(&self.questionnaire_hash));
        for (k, v) in [
            ("current", &self.current),
            ("origin", &self.origin),
            ("imported_from", &self.imported_from),
            ("imported_at", &self.imported_at),
            ("imported_id", &self.imported_id),
            ("previous", &self.previous),
            ("requested_at", &self.requested_at),
            ("requested_by", &self.requested_by),
        ] {
            match v {
                Some(c) => t.insert(k.into(), s(c)),
                None => t.remove(k),
            };
        }
        for (k, list) in [
            ("self_answers", &self.self_answers),
            ("requested_referrals", &self.requested_referrals),
        ] {
            if list.is_empty() {
                t.remove(k);
            } else {
                t.insert(k.into(), V::Array(list.iter().map(|x| s(x)).collect()));
            }
        }
        let attendees: Vec<V> = self
            .attendees
            .iter()
            .map(|a| {
                let mut x = toml::Table::new();
                x.insert("name".into(), s(&a.name));
                x.insert("organisation".into(), s(&a.organisation));
                V::Table(x)
            })
            .collect();
        t.insert("attendees".into(), V::Array(attendees));
        let start = self.history.len().saturating_sub(MAX_HISTORY);
        let history: Vec<V> = self.history[start..]
            .iter()
            .map(|h| {
                let mut x = toml::Table::new();
                x.insert("at".into(), s(&h.at));
                x.insert("question".into(), s(&h.question));
                if let Some(v) = &h.value {
                    x.insert("value".into(), v.clone());
                }
                V::Table(x)
            })
            .collect();
        // Last, so that a listing can stop reading before it.
        t.remove("history");
        t.insert("history".into(), V::Array(history));
    }
}
