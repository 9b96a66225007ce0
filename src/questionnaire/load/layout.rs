//! `extends`: a region's questionnaire builds on the national one (the
//! built-in `exportbehov` or a file). The files are read base first and laid
//! out one after the other in one offset space — each file's text is parsed
//! behind as many spaces as the files before it take, so every span the
//! reader records is global and a diagnostic finds its own file (see
//! [`crate::diag::SourceFile::locate`]). Then the region's items are merged
//! into the base's:
//!
//! - areas, actors and sections with new ids are added after the base's;
//! - an `[[actor]]` whose id is a base actor adds rules and services to it
//!   (it may hold only `id`, `rule` and `service`);
//! - a `[[section]]` whose id is a base section adds questions at its end
//!   (only `id` and `question`).
//!
//! Nothing of the base can be changed or removed; everything is validated
//! again as one questionnaire.

use std::path::{Path, PathBuf};

use super::keys::TOP_KEYS;
use super::{BUILTIN_ID, BUILTIN_NAME, BUILTIN_TOML, MAX_EXTENDS_DEPTH, Parts, RawAdvice, Reader};
use crate::diag::{Diagnostic, Diagnostics, FileKind, SourceFile, msg, read_text_file};
use crate::i18n::diag as w;
use crate::i18n::format as f;
use crate::tomlread::{Place, Span, Table, parse_document};

pub(super) struct Input<'a> {
    pub(super) name: &'a str,
    pub(super) text: &'a str,
    /// The folder `extends = "path"` is relative to.
    pub(super) dir: Option<&'a Path>,
}

/// `extends` as written in `[questionnaire]`, with its span in the file.
fn extends_of(text: &str) -> Option<(String, Span)> {
    let mut scratch = Diagnostics::default();
    let doc = parse_document(text, &mut scratch);
    let meta = doc.get_ref().get("questionnaire")?;
    let toml::de::DeValue::Table(t) = meta.get_ref() else {
        return None;
    };
    let v = t.get("extends")?;
    match v.get_ref() {
        toml::de::DeValue::String(s) => Some((s.to_string(), v.span())),
        _ => None,
    }
}

/// Reads one file and, first, the files it extends; pushes each to
/// `files` (the layout) and returns the merged parts.
pub(super) fn read_file(
    input: Input<'_>,
    files: &mut Vec<SourceFile>,
    advice: &mut Vec<RawAdvice>,
    d: &mut Diagnostics,
    chain: &mut Vec<String>,
) -> Option<Parts> {
    chain.push(key_of(input.name));
    let ext = extends_of(input.text);
    let mut base: Option<Parts> = None;
    let mut base_error: Option<(Span, crate::diag::Message)> = None;
    if let Some((target, span)) = &ext {
        match resolve(target, input.dir) {
            Err(m) => base_error = Some((span.clone(), m)),
            Ok(r) => {
                let key = key_of(&r.name);
                if chain.contains(&key) {
                    base_error = Some((span.clone(), msg(|l| f::extends_cycle(l, target))));
                } else if chain.len() > MAX_EXTENDS_DEPTH {
                    base_error = Some((
                        span.clone(),
                        msg(|l| f::extends_too_deep(l, MAX_EXTENDS_DEPTH)),
                    ));
                } else {
                    base = read_file(
                        Input {
                            name: &r.name,
                            text: &r.text,
                            dir: r.dir.as_deref(),
                        },
                        files,
                        advice,
                        d,
                        chain,
                    );
                    if base.is_none() && !d.has_errors() {
                        base_error = Some((span.clone(), msg(|l| f::extends_unusable(l, target))));
                    }
                }
            }
        }
    }
    let start = files.last().map_or(0, |f| f.start + f.text.len() + 1);
    files.push(SourceFile::layered(
        input.name,
        input.text,
        start,
        Vec::new(),
    ));
    if let Some((span, m)) = base_error {
        d.push(Diagnostic::error(
            "extends",
            Some(span.start + start..span.end + start),
            m,
        ));
    }
    let padded: String = " ".repeat(start) + input.text;
    let doc = parse_document(&padded, d);
    let langs = base
        .as_ref()
        .map_or_else(|| vec!["sv".into(), "en".into()], |b| b.langs.clone());
    let mut reader = Reader {
        src: &padded,
        d,
        langs,
        files,
        advice,
    };
    let own = reader.read_parts(doc.get_ref(), doc.span(), base.as_ref(), ext.is_some());
    chain.pop();
    match (base, ext) {
        (None, None) => Some(own),
        // A base that could not be read: its errors are reported; nothing
        // to merge into.
        (None, Some(_)) => None,
        (Some(b), _) => Some(merge(b, own)),
    }
}

/// A name that tells two files apart (for cycles).
fn key_of(name: &str) -> String {
    if name == BUILTIN_NAME {
        return format!("builtin:{BUILTIN_ID}");
    }
    std::fs::canonicalize(name)
        .map(|c| c.display().to_string())
        .unwrap_or_else(|_| name.to_string())
}

struct Resolved {
    name: String,
    text: String,
    dir: Option<PathBuf>,
}

/// The file `extends` names: the built-in id, or a path relative to `dir`.
fn resolve(target: &str, dir: Option<&Path>) -> Result<Resolved, crate::diag::Message> {
    if target == BUILTIN_ID {
        return Ok(Resolved {
            name: BUILTIN_NAME.to_string(),
            text: BUILTIN_TOML.to_string(),
            dir: None,
        });
    }
    if !target.ends_with(".toml") {
        let t = target.to_string();
        return Err(msg(move |l| f::extends_not_a_file(l, &t, BUILTIN_ID)));
    }
    let path = match dir {
        Some(d) if Path::new(target).is_relative() => d.join(target),
        _ => PathBuf::from(target),
    };
    match read_text_file(
        &path,
        super::MAX_QUESTIONNAIRE_BYTES,
        FileKind::Questionnaire,
    ) {
        Ok((name, text)) => Ok(Resolved {
            name,
            text,
            dir: path.parent().map(Path::to_path_buf),
        }),
        Err(e) => {
            let why = e.render(crate::i18n::Lang::En);
            let why_sv = e.render(crate::i18n::Lang::Sv);
            let t = target.to_string();
            Err(msg(move |l| {
                let why = match l {
                    crate::i18n::Lang::Sv => why_sv.trim(),
                    crate::i18n::Lang::En => why.trim(),
                };
                f::extends_unreadable(l, &t, why)
            }))
        }
    }
}

/// The region's items added to the base's (see the module docs).
fn merge(mut base: Parts, own: Parts) -> Parts {
    base.areas.extend(own.areas);
    for (sec, qs) in own.sections {
        if sec.extension
            && let Some((_, base_qs)) = base.sections.iter_mut().find(|(b, _)| b.s.id == sec.s.id)
        {
            base_qs.extend(qs);
            continue;
        }
        base.sections.push((sec, qs));
    }
    for actor in own.actors {
        if actor.extension
            && let Some(b) = base
                .actors
                .iter_mut()
                .find(|b| b.actor.id == actor.actor.id)
        {
            b.rules.extend(actor.rules);
            b.services.extend(actor.services);
            continue;
        }
        base.actors.push(actor);
    }
    let mut extends = vec![(
        base.id.clone().unwrap_or_default(),
        base.version.clone().unwrap_or_default(),
    )];
    extends.extend(base.extends);
    Parts {
        id: own.id,
        version: own.version,
        title: own.title.or(base.title),
        description: own.description.or(base.description),
        langs: base.langs,
        extends,
        areas: base.areas,
        sections: base.sections,
        actors: base.actors,
    }
}

impl Reader<'_, '_> {
    /// The read phase for one file: every table checked and turned into raw
    /// items. An `extending` file may leave out title, languages and
    /// sections; with `base` (when it could be read), ids of the base's
    /// actors and sections mean additions to them.
    pub(super) fn read_parts(
        &mut self,
        map: &toml::de::DeTable<'_>,
        span: Span,
        base: Option<&Parts>,
        extending: bool,
    ) -> Parts {
        let top = Table {
            map,
            span: span.clone(),
            what: Place::QuestionnaireTop,
        };
        top.check_keys(TOP_KEYS, self.d);

        // [questionnaire] first: it fixes the languages every text is read in.
        let (id, version, title, description) = match top.get("questionnaire") {
            Some(v) => match Table::of(v, "[questionnaire]", self.d) {
                Some(meta) => self.meta(&meta, base.map(|b| b.langs.as_slice()), extending),
                None => (None, None, None, None),
            },
            None => {
                self.d.error(
                    "missing-key",
                    span.start..span.start,
                    msg(|l| w::words(l).no_meta_table.to_string()),
                );
                (None, None, None, None)
            }
        };
        let areas = self.list(&top, "area", "[[area]]", |r, t| r.area(t));
        let mut area_index: std::collections::HashMap<String, usize> =
            std::collections::HashMap::new();
        let base_areas = base.map_or(0, |b| b.areas.len());
        if let Some(b) = base {
            for (i, (a, _)) in b.areas.iter().enumerate() {
                area_index.entry(a.id.clone()).or_insert(i);
            }
        }
        for (i, (a, _)) in areas.iter().enumerate() {
            area_index.entry(a.id.clone()).or_insert(base_areas + i);
        }

        let base_sections: Vec<&str> = base
            .map(|b| b.sections.iter().map(|(s, _)| s.s.id.as_str()).collect())
            .unwrap_or_default();
        let sections = self.list(&top, "section", "[[section]]", |r, t| {
            Some(r.section(t, &area_index, &base_sections))
        });
        if !extending && sections.is_empty() && top.get("section").is_none() {
            self.d.error(
                "missing-key",
                span.start..span.start,
                msg(|l| w::words(l).no_sections.to_string()),
            );
        }
        let base_actors: Vec<&str> = base
            .map(|b| b.actors.iter().map(|a| a.actor.id.as_str()).collect())
            .unwrap_or_default();
        let actors = self.list(&top, "actor", "[[actor]]", |r, t| {
            r.actor(t, &area_index, &base_actors)
        });
        Parts {
            id,
            version,
            title,
            description,
            langs: self.langs.clone(),
            extends: Vec::new(),
            areas,
            sections,
            actors,
        }
    }
}
