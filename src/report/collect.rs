//! Reading the sessions folder into counters: worker threads pull one
//! directory entry at a time; each keeps its own [`Acc`] and the parts are
//! merged at the end.

use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::path::Path;
use std::sync::Mutex;

use super::summary::summarise;
use super::{HIGH_NEED, MAX_MUNICIPALITIES, ReportError, ReportOptions, SIZE_CLASSES, Stats};
use crate::answers::{self, Answer, LeanError};
use crate::export::doc::{employees, size_class};
use crate::export::escape::clean;
use crate::export::sni;
use crate::questionnaire::Questionnaire;
use crate::scoring;
use crate::time::{self, Date};

#[derive(Debug, Clone, Default)]
pub(super) struct AreaAcc {
    pub(super) known: u64,
    /// Sum of needs in thousandths (integer, so the result does not depend
    /// on the order in which threads add).
    pub(super) sum_milli: u64,
    pub(super) high: u64,
}

#[derive(Debug, Clone, Default)]
pub(super) struct GroupAcc {
    pub(super) n: u64,
    pub(super) areas: Vec<AreaAcc>,
}

impl GroupAcc {
    fn add(&mut self, needs: &[Option<f64>]) {
        self.n += 1;
        if self.areas.len() < needs.len() {
            self.areas.resize(needs.len(), AreaAcc::default());
        }
        for (acc, need) in self.areas.iter_mut().zip(needs) {
            if let Some(v) = need {
                acc.known += 1;
                acc.sum_milli += (v.clamp(0.0, 100.0) * 1000.0).round() as u64;
                if *v >= HIGH_NEED {
                    acc.high += 1;
                }
            }
        }
    }

    fn merge(&mut self, o: &GroupAcc) {
        self.n += o.n;
        if self.areas.len() < o.areas.len() {
            self.areas.resize(o.areas.len(), AreaAcc::default());
        }
        for (a, b) in self.areas.iter_mut().zip(&o.areas) {
            a.known += b.known;
            a.sum_milli += b.sum_milli;
            a.high += b.high;
        }
    }
}

#[derive(Debug, Clone, Default)]
pub(super) struct ActorAcc {
    pub(super) recommended: u64,
    pub(super) consent: u64,
    pub(super) recommended_with_consent: u64,
    pub(super) by_size: [u64; 5],
    pub(super) by_industry: BTreeMap<char, u64>,
}

/// One visit, for linking first and follow-up visits: the only thing kept
/// per session (40 bytes, plus its needs in [`Acc::visit_needs`]).
#[derive(Debug, Clone)]
pub(super) struct Visit {
    pub(super) id: u64,
    pub(super) previous: u64,
    pub(super) org: u64,
    /// The Swedish date of the visit (`updated`, else `created`).
    pub(super) day: Option<Date>,
    /// Position of its needs in `visit_needs` (set before sorting).
    pub(super) at: u32,
}

#[derive(Debug, Default)]
pub(super) struct Acc {
    pub(super) sessions: u64,
    pub(super) unreadable: u64,
    pub(super) other_questionnaire: u64,
    pub(super) filtered_out: u64,
    pub(super) advisor: u64,
    pub(super) self_assessment: u64,
    pub(super) all: GroupAcc,
    pub(super) industry: BTreeMap<char, GroupAcc>,
    pub(super) industry_unknown: GroupAcc,
    pub(super) size: [GroupAcc; 5],
    pub(super) municipality: HashMap<String, GroupAcc>,
    pub(super) municipality_other: GroupAcc,
    pub(super) municipality_unknown: GroupAcc,
    pub(super) actors: Vec<ActorAcc>,
    pub(super) unknown: Vec<u64>,
    pub(super) shown: Vec<u64>,
    pub(super) visits: Vec<Visit>,
    /// The needs of every visit, one per area, in the order of `visits`
    /// (one flat array: no allocation per session).
    pub(super) visit_needs: Vec<f32>,
}

impl Acc {
    fn merge(&mut self, o: Acc) {
        self.sessions += o.sessions;
        self.unreadable += o.unreadable;
        self.other_questionnaire += o.other_questionnaire;
        self.filtered_out += o.filtered_out;
        self.advisor += o.advisor;
        self.self_assessment += o.self_assessment;
        self.all.merge(&o.all);
        for (k, g) in &o.industry {
            self.industry.entry(*k).or_default().merge(g);
        }
        self.industry_unknown.merge(&o.industry_unknown);
        for (a, b) in self.size.iter_mut().zip(&o.size) {
            a.merge(b);
        }
        for (k, g) in o.municipality {
            if self.municipality.len() < MAX_MUNICIPALITIES || self.municipality.contains_key(&k) {
                self.municipality.entry(k).or_default().merge(&g);
            } else {
                self.municipality_other.merge(&g);
            }
        }
        self.municipality_other.merge(&o.municipality_other);
        self.municipality_unknown.merge(&o.municipality_unknown);
        if self.actors.len() < o.actors.len() {
            self.actors.resize(o.actors.len(), ActorAcc::default());
        }
        for (a, b) in self.actors.iter_mut().zip(&o.actors) {
            a.recommended += b.recommended;
            a.consent += b.consent;
            a.recommended_with_consent += b.recommended_with_consent;
            for (x, y) in a.by_size.iter_mut().zip(b.by_size) {
                *x += y;
            }
            for (k, v) in &b.by_industry {
                *a.by_industry.entry(*k).or_default() += v;
            }
        }
        add_vec(&mut self.unknown, &o.unknown);
        add_vec(&mut self.shown, &o.shown);
        if self.visits.is_empty() {
            self.visits = o.visits;
            self.visit_needs = o.visit_needs;
        } else {
            self.visits.extend(o.visits);
            self.visit_needs.extend(o.visit_needs);
        }
    }
}

fn add_vec(a: &mut Vec<u64>, b: &[u64]) {
    if a.len() < b.len() {
        a.resize(b.len(), 0);
    }
    for (x, y) in a.iter_mut().zip(b) {
        *x += y;
    }
}

/// FNV-1a 64 of a string; never 0 (0 means "none").
fn hash64(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.as_bytes() {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h.max(1)
}

/// An org number's 10 digits, hashed; 0 when absent.
fn org_key(org: Option<&str>) -> u64 {
    let Some(org) = org else { return 0 };
    let digits: String = org.chars().filter(char::is_ascii_digit).collect();
    let ten = digits.get(digits.len().saturating_sub(10)..).unwrap_or("");
    if ten.is_empty() { 0 } else { hash64(ten) }
}

struct Filter {
    from: Option<Date>,
    to: Option<Date>,
    municipality: Option<String>,
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
        if !meta.is_file() {
            self.unreadable += 1;
            return;
        }
        if meta.len() > answers::MAX_ANSWERS_BYTES {
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

    /// One session's text (a file's, or the shared store's statistics text).
    fn add_text(&mut self, q: &Questionnaire, id: &str, text: &str, filter: &Filter) {
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
        let day = meta_str(&file.meta, "updated")
            .and_then(time::local_date)
            .or_else(|| meta_str(&file.meta, "created").and_then(time::local_date));
        if filter.from.is_some() || filter.to.is_some() {
            let ok = day.is_some_and(|d| {
                filter.from.is_none_or(|f| d >= f) && filter.to.is_none_or(|t| d <= t)
            });
            if !ok {
                self.filtered_out += 1;
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
            self.filtered_out += 1;
            return;
        }
        self.sessions += 1;
        match meta_str(&file.meta, "mode") {
            Some("self") => self.self_assessment += 1,
            _ => self.advisor += 1,
        }
        let eval = scoring::evaluate_lean(q, &file.answers);
        let needs: Vec<Option<f64>> = eval.areas.iter().map(|a| a.need).collect();
        self.all.add(&needs);
        let letter = file.company.sni.as_deref().and_then(sni::section);
        match letter {
            Some(l) => self.industry.entry(l).or_default().add(&needs),
            None => self.industry_unknown.add(&needs),
        }
        let size = match size_class(employees(q, &file)) {
            Some(c) => SIZE_CLASSES.iter().position(|s| *s == c).unwrap_or(4),
            None => 4,
        };
        self.size[size].add(&needs);
        match municipality {
            Some(m) => {
                if self.municipality.len() < MAX_MUNICIPALITIES
                    || self.municipality.contains_key(&m)
                {
                    self.municipality.entry(m).or_default().add(&needs);
                } else {
                    self.municipality_other.add(&needs);
                }
            }
            None => self.municipality_unknown.add(&needs),
        }
        if self.actors.len() < q.actors.len() {
            self.actors.resize(q.actors.len(), ActorAcc::default());
        }
        for r in &eval.referrals {
            let Some(acc) = self.actors.get_mut(r.actor) else {
                continue;
            };
            let consent = file.consent.get(&q.actors[r.actor].id) == Some(&true);
            if consent {
                acc.consent += 1;
            }
            if r.recommended {
                acc.recommended += 1;
                acc.by_size[size] += 1;
                *acc.by_industry.entry(letter.unwrap_or('?')).or_default() += 1;
                if consent {
                    acc.recommended_with_consent += 1;
                }
            }
        }
        if self.unknown.len() < q.questions.len() {
            self.unknown.resize(q.questions.len(), 0);
            self.shown.resize(q.questions.len(), 0);
        }
        for (shown, visible) in self.shown.iter_mut().zip(&eval.visible) {
            *shown += u64::from(*visible);
        }
        for (id, a) in &file.answers {
            if matches!(a, Answer::Unknown)
                && let Some(i) = q.question(id)
                && eval.visible.get(i).copied().unwrap_or(false)
                && let Some(n) = self.unknown.get_mut(i)
            {
                *n += 1;
            }
        }
        self.visits.push(Visit {
            id: hash64(id),
            previous: meta_str(&file.meta, "previous").map_or(0, hash64),
            org: org_key(file.company.org_number.as_deref()),
            day,
            at: 0,
        });
        self.visit_needs
            .extend(needs.iter().map(|n| n.map_or(f32::NAN, |v| v as f32)));
    }
}

/// Reads every `*.toml` in `dir` and computes the statistics.
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
/// (e.g. streamed from the shared store), which runs on this thread while
/// worker threads parse, score and count: the same figures as [`compute`]
/// over files with those names and texts.
pub fn compute_stream(
    q: &Questionnaire,
    opts: &ReportOptions,
    produce: impl FnOnce(&mut dyn FnMut(String, String)) -> Result<(), String>,
) -> Result<Stats, ReportError> {
    const BATCH: usize = 256;
    let filter = filter_of(opts)?;
    let date = opts.date.unwrap_or_else(time::today);
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
    Ok(summarise(q, acc, opts, date))
}

pub fn compute(q: &Questionnaire, dir: &Path, opts: &ReportOptions) -> Result<Stats, ReportError> {
    let filter = filter_of(opts)?;
    let date = opts.date.unwrap_or_else(time::today);
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
                acc.add_file(q, &path, &filter);
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
    Ok(summarise(q, acc, opts, date))
}
