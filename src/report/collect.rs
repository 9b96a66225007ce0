//! Reading sessions into records: worker threads pull one directory entry
//! (or one batch of streamed texts) at a time, parse and score it, and
//! keep a small numeric record per session ([`Rec`]: hashes, flags, group
//! keys, needs, actors as bits, the "vet ej" questions, the referral
//! records) in flat arrays. Companies, kinds and follow-ups need every
//! session at once, so they are worked out afterwards ([`super::link`]).

use std::collections::HashMap;
use std::fs;
use std::path::Path;
use std::sync::Mutex;

use super::summary::summarise;
use super::{MAX_REFERRALS_PER_SESSION, ReportError, ReportOptions, SIZE_CLASSES, Stats};
use crate::answers::{self, Answer, LeanError};
use crate::export::doc::{employees, size_class};
use crate::export::escape::clean;
use crate::export::sni;
use crate::questionnaire::{Audience, Questionnaire};
use crate::scoring;
use crate::session::referral;
use crate::session::{ORIGIN_FOLLOW_UP, ORIGIN_SELF_ASSESSMENT, ORIGIN_WEB};
use crate::time::{self, Date};

/// Flags of a [`Rec`].
pub(super) const SELF: u8 = 1;
/// `meta.origin = "follow-up"` or `meta.previous`: marked as a follow-up.
pub(super) const FOLLOW_UP: u8 = 2;
/// `meta.origin = "self-assessment"`: an imported self-assessment.
pub(super) const IMPORTED: u8 = 4;
pub(super) const COMPLETE: u8 = 8;

/// Unknown municipality.
pub(super) const NO_MUNICIPALITY: u32 = u32::MAX;

/// One counted session.
#[derive(Debug, Clone)]
pub(super) struct Rec {
    pub(super) id: u64,
    pub(super) previous: u64,
    /// The company's key: its organisation number, else its normalised
    /// name, else the session itself.
    pub(super) company: u64,
    /// The imported file's id (an imported self-assessment), else 0.
    pub(super) imported: u64,
    /// The Swedish date of the session (`created`, else `updated`).
    pub(super) day: Option<Date>,
    pub(super) flags: u8,
    /// SNI section letter, 0 when unknown.
    pub(super) industry: u8,
    /// Position in [`SIZE_CLASSES`].
    pub(super) size: u8,
    /// Index into [`Acc::municipalities`], or [`NO_MUNICIPALITY`].
    pub(super) municipality: u32,
    pub(super) unknown_at: u32,
    pub(super) unknown_len: u16,
    pub(super) refs_at: u32,
    pub(super) refs_len: u16,
}

impl Rec {
    pub(super) fn is(&self, flag: u8) -> bool {
        self.flags & flag != 0
    }
}

/// A referral record, numerically.
#[derive(Debug, Clone, Copy)]
pub(super) struct RefRec {
    pub(super) actor: u16,
    /// 0 when open, else 1 + the outcome's index.
    pub(super) outcome: u8,
    pub(super) sent: i64,
    /// `i64::MIN` when not contacted.
    pub(super) contacted: i64,
    pub(super) outcome_at: i64,
}

/// A municipality as met: its key (lower case) and the spelling shown.
#[derive(Debug, Clone)]
pub(super) struct Municipality {
    pub(super) key: String,
    pub(super) label: String,
}

#[derive(Debug, Default)]
pub(super) struct Acc {
    pub(super) unreadable: u64,
    pub(super) other_questionnaire: u64,
    pub(super) empty: u64,
    pub(super) recs: Vec<Rec>,
    /// Needs per record, one per area (NaN unknown).
    pub(super) needs: Vec<f32>,
    /// Actors recommended / with consent per record, `words` u64 each.
    pub(super) recommended: Vec<u64>,
    pub(super) consent: Vec<u64>,
    /// Questions shown per record (bits, `qwords` u64 each).
    pub(super) shown: Vec<u64>,
    /// "Vet ej" questions of all records (see `Rec::unknown_at`).
    pub(super) unknown: Vec<u16>,
    pub(super) refs: Vec<RefRec>,
    pub(super) municipalities: Vec<Municipality>,
    municipality_index: HashMap<String, u32>,
}

/// u64 words for `n` bits.
pub(super) fn words(n: usize) -> usize {
    n.div_ceil(64).max(1)
}

pub(super) fn bit(words: &[u64], i: usize) -> bool {
    words.get(i / 64).is_some_and(|w| w >> (i % 64) & 1 == 1)
}

fn set_bit(words: &mut [u64], i: usize) {
    if let Some(w) = words.get_mut(i / 64) {
        *w |= 1 << (i % 64);
    }
}

/// FNV-1a 64 of a string; never 0 (0 means "none").
pub(super) fn hash64(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.as_bytes() {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h.max(1)
}

/// Legal forms left out when company names are compared.
const LEGAL_FORMS: &[&str] = &[
    "ab",
    "aktiebolag",
    "publ",
    "hb",
    "handelsbolag",
    "kb",
    "kommanditbolag",
];

/// A company name as compared: lower case, letters and digits in words,
/// without a trailing legal form (`Exempel AB (publ)` → `exempel`).
pub(super) fn normalised_name(name: &str) -> String {
    let lower = name.to_lowercase();
    let mut words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    while words.len() > 1 && words.last().is_some_and(|w| LEGAL_FORMS.contains(w)) {
        words.pop();
    }
    words.join(" ")
}

/// The company's key (see [`Rec::company`]).
fn company_key(org: Option<&str>, name: Option<&str>, id: &str) -> u64 {
    if let Some(org) = org {
        let digits: String = org.chars().filter(char::is_ascii_digit).collect();
        let ten = digits.get(digits.len().saturating_sub(10)..).unwrap_or("");
        if !ten.is_empty() {
            return hash64(&format!("org:{ten}"));
        }
    }
    if let Some(n) = name.map(normalised_name).filter(|n| !n.is_empty()) {
        return hash64(&format!("name:{n}"));
    }
    hash64(&format!("session:{id}"))
}

pub(super) struct Filter {
    pub(super) from: Option<Date>,
    pub(super) to: Option<Date>,
    pub(super) municipality: Option<String>,
}

/// Whether the session holds an answer the company did not give itself
/// (`meta.self_answers` lists the ones it did).
fn advisor_answered(file: &answers::AnswersFile) -> bool {
    let own: Vec<&str> = file
        .meta
        .get("self_answers")
        .and_then(|v| v.as_array())
        .map(|a| a.iter().filter_map(|v| v.as_str()).collect())
        .unwrap_or_default();
    file.answers.keys().any(|k| !own.contains(&k.as_str()))
}

fn meta_str<'a>(t: &'a toml::Table, k: &str) -> Option<&'a str> {
    t.get(k).and_then(|v| v.as_str())
}

impl Acc {
    fn add_file(&mut self, q: &Questionnaire, path: &Path, filter: &Filter) {
        use std::io::Read as _;
        // Only regular files, never through a link and never blocking (a
        // FIFO hung the report); anything else is counted as unreadable.
        let Ok(mut f) = crate::diag::open_data_file(path, crate::diag::Links::NoFollow) else {
            self.unreadable += 1;
            return;
        };
        let Ok(meta) = f.metadata() else {
            self.unreadable += 1;
            return;
        };
        if !meta.is_file() || meta.len() > answers::MAX_ANSWERS_BYTES {
            self.unreadable += 1;
            return;
        }
        let mut text = String::with_capacity(meta.len() as usize + 1);
        if f.read_to_string(&mut text).is_err() {
            self.unreadable += 1;
            return;
        }
        let id = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
        self.add_text(q, id, &text, filter);
    }

    fn municipality(&mut self, name: &str) -> u32 {
        let key = name.to_lowercase();
        if let Some(i) = self.municipality_index.get(&key) {
            let m = &mut self.municipalities[*i as usize];
            if name < m.label.as_str() {
                m.label = name.to_string();
            }
            return *i;
        }
        let i = u32::try_from(self.municipalities.len()).unwrap_or(NO_MUNICIPALITY - 1);
        self.municipality_index.insert(key.clone(), i);
        self.municipalities.push(Municipality {
            key,
            label: name.to_string(),
        });
        i
    }

    /// One session's text (a file's, or one streamed from elsewhere).
    pub(super) fn add_text(&mut self, q: &Questionnaire, id: &str, text: &str, filter: &Filter) {
        // Same verdict and answers as `answers::parse(…, Lenient)`, without
        // building what statistics do not use.
        let file = match answers::parse_lean(text, q) {
            Ok(f) => f,
            Err(LeanError::OtherQuestionnaire) => {
                self.other_questionnaire += 1;
                return;
            }
            Err(LeanError::Invalid) => {
                self.unreadable += 1;
                return;
            }
        };
        let day = meta_str(&file.meta, "created")
            .and_then(time::local_date)
            .or_else(|| meta_str(&file.meta, "updated").and_then(time::local_date));
        if filter.from.is_some() || filter.to.is_some() {
            let ok = day.is_some_and(|d| {
                filter.from.is_none_or(|f| d >= f) && filter.to.is_none_or(|t| d <= t)
            });
            if !ok {
                return;
            }
        }
        let municipality = file
            .company
            .municipality
            .as_deref()
            .map(|m| clean(m.trim()))
            .filter(|m| !m.is_empty());
        if let Some(want) = &filter.municipality
            && municipality.as_deref().map(str::to_lowercase).as_deref() != Some(want.as_str())
        {
            return;
        }
        if file.answers.is_empty() {
            self.empty += 1;
            return;
        }
        let origin = meta_str(&file.meta, "origin");
        // A self-assessment sent from the web or imported from a hand-over
        // file that no advisor has answered anything in yet is still only
        // the company's self-assessment, not a visit.
        let from_company = origin.is_some_and(|o| o == ORIGIN_SELF_ASSESSMENT || o == ORIGIN_WEB);
        let self_mode = meta_str(&file.meta, "mode") == Some("self")
            || (from_company && !advisor_answered(&file));
        let previous = meta_str(&file.meta, "previous");
        let mut flags = 0;
        if self_mode {
            flags |= SELF;
        }
        if !self_mode && (origin == Some(ORIGIN_FOLLOW_UP) || previous.is_some()) {
            flags |= FOLLOW_UP;
        }
        let imported = if !self_mode && from_company {
            flags |= IMPORTED;
            meta_str(&file.meta, "imported_id").map_or(0, hash64)
        } else {
            0
        };
        let eval = scoring::evaluate_lean(q, &file.answers);
        // Who the session is for: an advisor's visit does not show the
        // questions only for the company, a self-assessment not the
        // advisor's.
        let applies = |a: Audience| match a {
            Audience::Both => true,
            Audience::Advisor => !self_mode,
            Audience::Company => self_mode,
        };
        let qwords = words(q.questions.len());
        let mut shown = vec![0u64; qwords];
        for (i, question) in q.questions.iter().enumerate() {
            if eval.visible.get(i).copied().unwrap_or(false) && applies(question.audience) {
                set_bit(&mut shown, i);
            }
        }
        // Open questions are the shown non-text ones unanswered or "vet
        // ej": complete when every one of them (for this audience) is
        // "vet ej".
        let complete = eval.open_questions.iter().all(|&i| {
            !bit(&shown, i) || matches!(file.answers.get(&q.questions[i].id), Some(Answer::Unknown))
        });
        if complete {
            flags |= COMPLETE;
        }
        let unknown_at = u32::try_from(self.unknown.len()).unwrap_or(u32::MAX);
        for (qid, a) in &file.answers {
            if matches!(a, Answer::Unknown)
                && let Some(i) = q.question(qid)
                && bit(&shown, i)
                && let Ok(i) = u16::try_from(i)
            {
                self.unknown.push(i);
            }
        }
        let unknown_len = u16::try_from(self.unknown.len() - unknown_at as usize).unwrap_or(0);
        self.shown.extend(shown);
        let awords = words(q.actors.len());
        let (mut rec_bits, mut consent_bits) = (vec![0u64; awords], vec![0u64; awords]);
        for r in &eval.referrals {
            if r.recommended {
                set_bit(&mut rec_bits, r.actor);
            }
        }
        for (i, a) in q.actors.iter().enumerate() {
            if file.consent.get(&a.id) == Some(&true) {
                set_bit(&mut consent_bits, i);
            }
        }
        self.recommended.extend(rec_bits);
        self.consent.extend(consent_bits);
        let refs_at = u32::try_from(self.refs.len()).unwrap_or(u32::MAX);
        for r in referral::referrals(&file.meta)
            .into_iter()
            .take(MAX_REFERRALS_PER_SESSION)
        {
            let Some(actor) = q.actor(&r.actor).and_then(|a| u16::try_from(a).ok()) else {
                continue;
            };
            self.refs.push(RefRec {
                actor,
                outcome: r.outcome.map_or(0, |o| 1 + o.index() as u8),
                sent: r.sent_at,
                contacted: r.contacted_at.unwrap_or(i64::MIN),
                outcome_at: r.outcome_at.unwrap_or(i64::MIN),
            });
        }
        let refs_len = u16::try_from(self.refs.len() - refs_at as usize).unwrap_or(0);
        self.needs.extend(
            eval.areas
                .iter()
                .map(|a| a.need.map_or(f32::NAN, |v| v as f32)),
        );
        let industry = file
            .company
            .sni
            .as_deref()
            .and_then(sni::section)
            .map_or(0, |c| u8::try_from(c).unwrap_or(0));
        let size = size_class(employees(q, &file))
            .and_then(|c| SIZE_CLASSES.iter().position(|s| *s == c))
            .unwrap_or(SIZE_CLASSES.len() - 1);
        let municipality = municipality.map_or(NO_MUNICIPALITY, |m| self.municipality(&m));
        self.recs.push(Rec {
            id: hash64(id),
            previous: previous.map_or(0, hash64),
            company: company_key(
                file.company.org_number.as_deref(),
                file.company.name.as_deref(),
                id,
            ),
            imported,
            day,
            flags,
            industry,
            size: u8::try_from(size).unwrap_or(4),
            municipality,
            unknown_at,
            unknown_len,
            refs_at,
            refs_len,
        });
    }

    fn merge(&mut self, mut o: Acc) {
        self.unreadable += o.unreadable;
        self.other_questionnaire += o.other_questionnaire;
        self.empty += o.empty;
        // The same key; the first spelling in sort order is shown.
        let remap: Vec<u32> = o
            .municipalities
            .iter()
            .map(|m| self.municipality(&m.label))
            .collect();
        let (u0, r0) = (
            u32::try_from(self.unknown.len()).unwrap_or(u32::MAX),
            u32::try_from(self.refs.len()).unwrap_or(u32::MAX),
        );
        for r in &mut o.recs {
            r.unknown_at += u0;
            r.refs_at += r0;
            if r.municipality != NO_MUNICIPALITY {
                r.municipality = remap
                    .get(r.municipality as usize)
                    .copied()
                    .unwrap_or(NO_MUNICIPALITY);
            }
        }
        self.recs.append(&mut o.recs);
        self.needs.append(&mut o.needs);
        self.recommended.append(&mut o.recommended);
        self.consent.append(&mut o.consent);
        self.shown.append(&mut o.shown);
        self.unknown.append(&mut o.unknown);
        self.refs.append(&mut o.refs);
    }
}

/// The filter of the options, after checking them.
fn filter_of(opts: &ReportOptions) -> Result<Filter, ReportError> {
    if opts.min_group == 0 {
        return Err(ReportError::MinGroup);
    }
    if let (Some(from), Some(to)) = (opts.from, opts.to)
        && to < from
    {
        return Err(ReportError::Reversed { from, to });
    }
    Ok(Filter {
        from: opts.from,
        to: opts.to,
        municipality: opts.municipality.as_ref().map(|m| m.trim().to_lowercase()),
    })
}

fn threads_of(opts: &ReportOptions) -> usize {
    opts.threads
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(2, |n| n.get()))
        .clamp(1, 8)
}

/// The statistics over sessions handed over as `(id, text)` by `produce`
/// (e.g. streamed from a shared store), which runs on this thread while
/// worker threads parse, score and count: the same figures as [`compute`]
/// over files with those names and texts.
pub fn compute_stream(
    q: &Questionnaire,
    opts: &ReportOptions,
    produce: impl FnOnce(&mut dyn FnMut(String, String)) -> Result<(), String>,
) -> Result<Stats, ReportError> {
    const BATCH: usize = 256;
    let filter = filter_of(opts)?;
    let threads = threads_of(opts);
    let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<(String, String)>>(threads * 2);
    let rx = Mutex::new(rx);
    let mut acc = Acc::default();
    let produced = std::thread::scope(|s| {
        let worker = || {
            let mut acc = Acc::default();
            loop {
                let batch = match rx.lock() {
                    Ok(r) => r.recv(),
                    Err(_) => break,
                };
                let Ok(batch) = batch else { break };
                for (id, text) in batch {
                    acc.add_text(q, &id, &text, &filter);
                }
            }
            acc
        };
        let handles: Vec<_> = (0..threads).map(|_| s.spawn(worker)).collect();
        let mut batch = Vec::with_capacity(BATCH);
        let result = {
            let mut sink = |id: String, text: String| {
                batch.push((id, text));
                if batch.len() >= BATCH {
                    let full = std::mem::replace(&mut batch, Vec::with_capacity(BATCH));
                    let _ = tx.send(full);
                }
            };
            produce(&mut sink)
        };
        if !batch.is_empty() {
            let _ = tx.send(batch);
        }
        drop(tx);
        for h in handles {
            if let Ok(part) = h.join() {
                acc.merge(part);
            }
        }
        result
    });
    produced.map_err(ReportError::Source)?;
    Ok(summarise(q, acc, opts))
}

/// Reads every `*.toml` in `dir` and computes the statistics.
pub fn compute(q: &Questionnaire, dir: &Path, opts: &ReportOptions) -> Result<Stats, ReportError> {
    let filter = filter_of(opts)?;
    let entries = match fs::read_dir(dir) {
        Ok(rd) => Mutex::new(rd),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            let root = dir.parent().unwrap_or(dir);
            return Err(ReportError::NoSessions(crate::text::display_path(root)));
        }
        Err(err) => {
            return Err(ReportError::List {
                path: crate::text::display_path(dir),
                err,
            });
        }
    };
    let threads = threads_of(opts);
    let mut acc = Acc::default();
    {
        let entries = &entries;
        let filter = &filter;
        let worker = || {
            let mut acc = Acc::default();
            loop {
                let next = match entries.lock() {
                    Ok(mut rd) => rd.next(),
                    Err(_) => None,
                };
                let Some(entry) = next else { break };
                let Ok(entry) = entry else {
                    acc.unreadable += 1;
                    continue;
                };
                let path = entry.path();
                if path.extension().and_then(|e| e.to_str()) != Some("toml") {
                    continue;
                }
                // The shared store's side of a sync conflict is not a visit.
                if path
                    .file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.ends_with(".conflict.toml"))
                {
                    continue;
                }
                acc.add_file(q, &path, filter);
            }
            acc
        };
        let parts: Vec<Acc> = std::thread::scope(|s| {
            let handles: Vec<_> = (0..threads).map(|_| s.spawn(worker)).collect();
            handles.into_iter().filter_map(|h| h.join().ok()).collect()
        });
        for p in parts {
            acc.merge(p);
        }
    }
    Ok(summarise(q, acc, opts))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn company_names_compare_without_case_punctuation_or_legal_form() {
        assert_eq!(normalised_name("Exempel AB (publ)"), "exempel");
        assert_eq!(normalised_name("  exempel  aktiebolag"), "exempel");
        assert_eq!(
            normalised_name("Hallbergs Maskinteknik AB"),
            "hallbergs maskinteknik"
        );
        assert_eq!(normalised_name("AB"), "ab");
        assert_eq!(
            company_key(Some("556036-0793"), Some("A"), "x"),
            company_key(Some("5560360793"), Some("B"), "y")
        );
        assert_ne!(company_key(None, None, "x"), company_key(None, None, "y"));
    }
}
