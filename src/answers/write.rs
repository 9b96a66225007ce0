//! Writing an answers file (docs/ANSWERS.md): answers in questionnaire
//! order, orphans kept, `[meta]` last.

use super::{AnswersFile, Company};
use crate::questionnaire::Questionnaire;

pub(super) fn flag_table(key: &str) -> toml::Value {
    let mut t = toml::Table::new();
    t.insert(key.into(), toml::Value::Boolean(true));
    toml::Value::Table(t)
}

pub(super) fn number_value(x: f64) -> toml::Value {
    if x.fract() == 0.0 && x.abs() < 9.0e15 {
        toml::Value::Integer(x as i64)
    } else {
        toml::Value::Float(x)
    }
}

/// Writes a key bare when TOML allows it, quoted otherwise.
fn key(k: &str) -> String {
    if !k.is_empty()
        && k.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
    {
        k.to_string()
    } else {
        toml::Value::String(k.to_string()).to_string()
    }
}

fn inline(v: &toml::Value) -> String {
    match v {
        toml::Value::Table(t) => {
            let parts: Vec<String> = t
                .iter()
                .map(|(k, v)| format!("{} = {}", key(k), inline(v)))
                .collect();
            format!("{{ {} }}", parts.join(", "))
        }
        toml::Value::Array(a) => {
            let parts: Vec<String> = a.iter().map(inline).collect();
            format!("[{}]", parts.join(", "))
        }
        other => other.to_string(),
    }
}

impl AnswersFile {
    /// A new, empty answers file for a questionnaire.
    pub fn new(q: &Questionnaire) -> Self {
        AnswersFile {
            questionnaire: q.id.clone(),
            version: Some(q.version.clone()),
            ..Default::default()
        }
    }

    /// Serialises to the TOML format of docs/ANSWERS.md. Answers come in
    /// questionnaire order when `q` is given; orphans are kept.
    pub fn to_toml(&self, q: Option<&Questionnaire>) -> String {
        let mut s = String::with_capacity(1024);
        let str_val = |x: &str| toml::Value::String(x.to_string()).to_string();
        s.push_str(&format!(
            "questionnaire = {}\n",
            str_val(&self.questionnaire)
        ));
        if let Some(v) = &self.version {
            s.push_str(&format!("version = {}\n", str_val(v)));
        }
        // Keys of a newer version, kept: inline, so that they stay at the
        // top level whatever they hold.
        for (k, v) in &self.extra {
            s.push_str(&format!("{} = {}\n", key(k), inline(v)));
        }
        let c = &self.company;
        if c != &Company::default() {
            s.push_str("\n[company]\n");
            for (k, v) in [
                ("name", &c.name),
                ("org_number", &c.org_number),
                ("municipality", &c.municipality),
                ("sni", &c.sni),
            ] {
                if let Some(v) = v {
                    s.push_str(&format!("{k} = {}\n", str_val(v)));
                }
            }
            if let Some(n) = c.employees {
                s.push_str(&format!("employees = {n}\n"));
            }
            for (k, v) in &c.extra {
                s.push_str(&format!("{} = {}\n", key(k), inline(v)));
            }
            if let Some(contact) = c.contact.as_ref().filter(|c| !c.is_empty()) {
                s.push_str("\n[company.contact]\n");
                for (k, v) in [
                    ("name", &contact.name),
                    ("role", &contact.role),
                    ("phone", &contact.phone),
                    ("email", &contact.email),
                ] {
                    if let Some(v) = v {
                        s.push_str(&format!("{k} = {}\n", str_val(v)));
                    }
                }
                for (k, v) in &contact.extra {
                    s.push_str(&format!("{} = {}\n", key(k), inline(v)));
                }
            }
        }
        s.push_str("\n[answers]\n");
        let mut ids: Vec<&String> = self.answers.keys().collect();
        if let Some(q) = q {
            ids.sort_by_key(|id| q.question(id).unwrap_or(usize::MAX));
        }
        for id in ids {
            s.push_str(&format!(
                "{} = {}\n",
                key(id),
                inline(&self.answers[id].to_toml())
            ));
        }
        for o in &self.orphans {
            if !self.answers.contains_key(&o.question) {
                s.push_str(&format!("{} = {}\n", key(&o.question), inline(&o.value)));
            }
        }
        if !self.consent.is_empty() {
            s.push_str("\n[consent]\n");
            for (k, v) in &self.consent {
                s.push_str(&format!("{} = {v}\n", key(k)));
            }
        }
        for (title, notes) in [
            ("notes", &self.notes),
            ("private_notes", &self.private_notes),
        ] {
            if notes.values().any(|n| !n.is_empty()) {
                s.push_str(&format!("\n[{title}]\n"));
                for (k, v) in notes.iter().filter(|(_, v)| !v.is_empty()) {
                    s.push_str(&format!("{} = {}\n", key(k), str_val(v)));
                }
            }
        }
        if !self.meta.is_empty() {
            // The history is always last (a listing stops reading before
            // it), also after arrays of tables named later in the alphabet
            // (`[[meta.referral]]`).
            let mut meta = self.meta.clone();
            // Only an array of tables is written apart (`[[meta.history]]`
            // without a `[meta]` header of its own); an empty or odd value
            // stays where it is.
            let apart = meta
                .get("history")
                .and_then(|h| h.as_array())
                .is_some_and(|a| !a.is_empty() && a.iter().all(toml::Value::is_table));
            let history = if apart { meta.remove("history") } else { None };
            for part in [
                Some(toml::Value::Table(meta)),
                history.map(|h| {
                    let mut t = toml::Table::new();
                    t.insert("history".into(), h);
                    toml::Value::Table(t)
                }),
            ]
            .into_iter()
            .flatten()
            {
                let mut wrapper = toml::Table::new();
                wrapper.insert("meta".into(), part);
                s.push('\n');
                s.push_str(&toml::to_string(&wrapper).unwrap_or_default());
            }
        }
        s
    }
}
