//! The region's anonymised statistics over all saved sessions
//! (`behovsanalys report`).
//!
//! Streaming: worker threads pull one directory entry at a time, parse and
//! score it, and add it to counters; nothing per session is kept except a
//! small numeric record per visit for the first-vs-follow-up comparison.
//! No company name or organisation number reaches the output, and every
//! group smaller than `min_group` is suppressed.

use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::path::Path;
use std::sync::Mutex;

use serde::Serialize;

use super::doc::size_class;
use super::escape::clean;
use super::sni;
use crate::answers::{self, Answer, LeanError};
use crate::questionnaire::Questionnaire;
use crate::scoring;
use crate::time;

/// A need at or above this is "high".
pub const HIGH_NEED: f64 = 67.0;
/// Size classes in order; the last is "unknown".
pub const SIZE_CLASSES: [&str; 5] = ["0-9", "10-49", "50-249", "250+", "unknown"];
/// Most distinct municipalities counted separately; the rest are pooled.
const MAX_MUNICIPALITIES: usize = 2000;
/// Most "vet ej" questions listed.
const TOP_UNKNOWN: usize = 10;

#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    #[error("cannot list {path}: {err}")]
    List { path: String, err: std::io::Error },
    #[error("`{0}` is not a date; write YYYY-MM-DD")]
    BadDate(String),
    #[error("--min-group must be at least 1")]
    MinGroup,
}

/// What to include and how to show it.
#[derive(Debug, Clone)]
pub struct ReportOptions {
    pub min_group: u64,
    /// Only sessions updated (else created) on or after this date.
    pub from: Option<String>,
    /// Only sessions updated (else created) on or before this date.
    pub to: Option<String>,
    pub municipality: Option<String>,
    /// The report's date (default: today).
    pub date: Option<String>,
    pub lang: String,
    /// Worker threads (default: available parallelism, at most 8).
    pub threads: Option<usize>,
}

impl Default for ReportOptions {
    fn default() -> Self {
        ReportOptions {
            min_group: 5,
            from: None,
            to: None,
            municipality: None,
            date: None,
            lang: "sv".into(),
            threads: None,
        }
    }
}

// ------------------------------------------------------------ accumulation

#[derive(Debug, Clone, Default)]
struct AreaAcc {
    known: u64,
    /// Sum of needs in thousandths (integer, so the result does not depend
    /// on the order in which threads add).
    sum_milli: u64,
    high: u64,
}

#[derive(Debug, Clone, Default)]
struct GroupAcc {
    n: u64,
    areas: Vec<AreaAcc>,
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
struct ActorAcc {
    recommended: u64,
    consent: u64,
    recommended_with_consent: u64,
    by_size: [u64; 5],
    by_industry: BTreeMap<char, u64>,
}

/// One visit, for linking first and follow-up visits: the only thing kept
/// per session (40 bytes, plus its needs in [`Acc::visit_needs`]).
#[derive(Debug, Clone)]
struct Visit {
    id: u64,
    previous: u64,
    org: u64,
    day: i64,
    /// Position of its needs in `visit_needs` (set before sorting).
    at: u32,
}

#[derive(Debug, Default)]
struct Acc {
    sessions: u64,
    unreadable: u64,
    other_questionnaire: u64,
    filtered_out: u64,
    advisor: u64,
    self_assessment: u64,
    all: GroupAcc,
    industry: BTreeMap<char, GroupAcc>,
    industry_unknown: GroupAcc,
    size: [GroupAcc; 5],
    municipality: HashMap<String, GroupAcc>,
    municipality_other: GroupAcc,
    municipality_unknown: GroupAcc,
    actors: Vec<ActorAcc>,
    unknown: Vec<u64>,
    shown: Vec<u64>,
    visits: Vec<Visit>,
    /// The needs of every visit, one per area, in the order of `visits`
    /// (one flat array: no allocation per session).
    visit_needs: Vec<f32>,
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
    from: Option<i64>,
    to: Option<i64>,
    municipality: Option<String>,
}

fn meta_str<'a>(t: &'a toml::Table, k: &str) -> Option<&'a str> {
    t.get(k).and_then(|v| v.as_str())
}

impl Acc {
    fn add_file(&mut self, q: &Questionnaire, path: &Path, filter: &Filter) {
        use std::io::Read as _;
        // Never a link, never blocking (a FIFO hung the report).
        let mut f = match crate::diag::open_data_file(path, crate::diag::Links::NoFollow) {
            Ok(f) => f,
            Err(crate::diag::OpenError::NotAFile(_)) => return,
            Err(crate::diag::OpenError::Io(_)) => {
                self.unreadable += 1;
                return;
            }
        };
        let Ok(meta) = f.metadata() else {
            self.unreadable += 1;
            return;
        };
        if !meta.is_file() {
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
        // Same verdict and answers as `answers::parse(…, Lenient)`, without
        // building what statistics do not use.
        let file = match answers::parse_lean(&text, q) {
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
        drop(text);
        let day = meta_str(&file.meta, "updated")
            .and_then(time::parse_date)
            .or_else(|| meta_str(&file.meta, "created").and_then(time::parse_date));
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
        let size = match size_class(super::doc::employees(q, &file)) {
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
        let id = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
        self.visits.push(Visit {
            id: hash64(id),
            previous: meta_str(&file.meta, "previous").map_or(0, hash64),
            org: org_key(file.company.org_number.as_deref()),
            day: day.unwrap_or(i64::MIN),
            at: 0,
        });
        self.visit_needs
            .extend(needs.iter().map(|n| n.map_or(f32::NAN, |v| v as f32)));
    }
}

// ------------------------------------------------------------ output model

/// A count, or null when suppressed (fewer than `min_group`, but not zero).
pub type Count = Option<u64>;

#[derive(Debug, Clone, Serialize)]
pub struct AreaRef {
    pub id: String,
    pub title: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct AreaStat {
    pub area: String,
    /// Assessments in the group where the area's need is known.
    pub n: Count,
    /// Mean need 0–100 (one decimal), null when suppressed or unknown.
    pub mean: Option<f64>,
    /// Share (percent, one decimal) with need >= 67.
    pub high_share: Option<f64>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Group {
    pub key: String,
    pub label: String,
    pub assessments: Count,
    pub suppressed: bool,
    pub areas: Vec<AreaStat>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Breakdown {
    /// `all`, `industry`, `size` or `municipality`.
    pub dimension: String,
    pub groups: Vec<Group>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ActorStat {
    pub id: String,
    pub name: String,
    pub recommended: Count,
    pub consent: Count,
    pub recommended_with_consent: Count,
    /// Recommendations by size class (`SIZE_CLASSES` order).
    pub recommended_by_size: Vec<Count>,
    /// Recommendations by SNI section letter (`?` = unknown industry).
    pub recommended_by_industry: BTreeMap<String, Count>,
}

#[derive(Debug, Clone, Serialize)]
pub struct UnknownStat {
    pub question: String,
    pub text: String,
    pub unknown: Count,
    /// Assessments in which the question was shown.
    pub shown: u64,
    pub share: Option<f64>,
}

#[derive(Debug, Clone, Serialize)]
pub struct FollowUpArea {
    pub area: String,
    pub n: Count,
    pub first_mean: Option<f64>,
    pub latest_mean: Option<f64>,
    pub change: Option<f64>,
    /// Companies whose need fell by 10 points or more.
    pub improved: Count,
    /// Companies whose need rose by 10 points or more.
    pub worsened: Count,
}

#[derive(Debug, Clone, Serialize)]
pub struct FollowUp {
    /// Companies with at least two visits.
    pub companies: Count,
    pub suppressed: bool,
    pub mean_days_between: Option<f64>,
    pub areas: Vec<FollowUpArea>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Files {
    pub assessments: u64,
    pub unreadable: u64,
    pub other_questionnaire: u64,
    pub filtered_out: u64,
}

#[derive(Debug, Clone, Serialize)]
pub struct Filters {
    pub from: Option<String>,
    pub to: Option<String>,
    pub municipality: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Stats {
    pub kind: &'static str,
    pub format_version: u32,
    pub date: String,
    pub language: String,
    pub questionnaire: super::doc::QuestionnaireRef,
    pub min_group: u64,
    pub filters: Filters,
    pub files: Files,
    pub assessments: u64,
    pub advisor_visits: Count,
    pub self_assessments: Count,
    pub areas: Vec<AreaRef>,
    pub needs: Vec<Breakdown>,
    pub actors: Vec<ActorStat>,
    pub unknown_questions: Vec<UnknownStat>,
    pub follow_up: FollowUp,
}

fn one_dec(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

struct Sup(u64);

impl Sup {
    fn count(&self, n: u64) -> Count {
        (n == 0 || n >= self.0).then_some(n)
    }
}

fn group(key: String, label: String, g: &GroupAcc, q: &Questionnaire, sup: &Sup) -> Group {
    let suppressed = g.n < sup.0;
    let areas = q
        .areas
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let acc = g.areas.get(i).cloned().unwrap_or_default();
            let ok = !suppressed && acc.known >= sup.0;
            AreaStat {
                area: a.id.clone(),
                n: if suppressed {
                    None
                } else {
                    sup.count(acc.known)
                },
                mean: ok.then(|| one_dec(acc.sum_milli as f64 / 1000.0 / acc.known as f64)),
                high_share: ok.then(|| one_dec(acc.high as f64 * 100.0 / acc.known as f64)),
            }
        })
        .collect();
    Group {
        key,
        label,
        assessments: sup.count(g.n),
        suppressed,
        areas,
    }
}

/// Reads every `*.toml` in `dir` and computes the statistics.
pub fn compute(q: &Questionnaire, dir: &Path, opts: &ReportOptions) -> Result<Stats, ReportError> {
    if opts.min_group == 0 {
        return Err(ReportError::MinGroup);
    }
    let parse = |d: &Option<String>| -> Result<Option<i64>, ReportError> {
        d.as_ref()
            .map(|s| time::parse_date(s).ok_or_else(|| ReportError::BadDate(s.clone())))
            .transpose()
    };
    let filter = Filter {
        from: parse(&opts.from)?,
        to: parse(&opts.to)?,
        municipality: opts.municipality.as_ref().map(|m| m.trim().to_lowercase()),
    };
    let date_day = parse(&opts.date)?.unwrap_or_else(|| time::now_secs().div_euclid(86_400));
    let list_err = |err| ReportError::List {
        path: dir.display().to_string(),
        err,
    };
    let entries = match fs::read_dir(dir) {
        Ok(rd) => Some(Mutex::new(rd)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(list_err(e)),
    };
    let threads = opts
        .threads
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(2, |n| n.get()))
        .clamp(1, 8);
    let mut acc = Acc::default();
    if let Some(entries) = &entries {
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
    Ok(summarise(q, acc, opts, date_day))
}

fn summarise(q: &Questionnaire, mut acc: Acc, opts: &ReportOptions, day: i64) -> Stats {
    let lang = opts.lang.as_str();
    let sv = lang == "sv";
    let sup = Sup(opts.min_group);
    if acc.actors.len() < q.actors.len() {
        acc.actors.resize(q.actors.len(), ActorAcc::default());
    }
    let mut needs = vec![Breakdown {
        dimension: "all".into(),
        groups: vec![group(
            "all".into(),
            if sv { "Alla" } else { "All" }.into(),
            &acc.all,
            q,
            &sup,
        )],
    }];
    let mut industry: Vec<Group> = acc
        .industry
        .iter()
        .map(|(l, g)| {
            group(
                l.to_string(),
                format!("{l} {}", sni::title(*l, lang)),
                g,
                q,
                &sup,
            )
        })
        .collect();
    if acc.industry_unknown.n > 0 {
        industry.push(group(
            "?".into(),
            if sv {
                "Okänd bransch"
            } else {
                "Unknown industry"
            }
            .into(),
            &acc.industry_unknown,
            q,
            &sup,
        ));
    }
    needs.push(Breakdown {
        dimension: "industry".into(),
        groups: industry,
    });
    let size: Vec<Group> = acc
        .size
        .iter()
        .zip(SIZE_CLASSES)
        .filter(|(g, _)| g.n > 0)
        .map(|(g, c)| {
            let label = match (c, sv) {
                ("unknown", true) => "Okänt antal anställda".to_string(),
                ("unknown", false) => "Unknown number of employees".to_string(),
                (c, true) => format!("{c} anställda"),
                (c, false) => format!("{c} employees"),
            };
            group(c.to_string(), label, g, q, &sup)
        })
        .collect();
    needs.push(Breakdown {
        dimension: "size".into(),
        groups: size,
    });
    let mut muni: Vec<(&String, &GroupAcc)> = acc.municipality.iter().collect();
    muni.sort_by(|a, b| {
        a.0.to_lowercase()
            .cmp(&b.0.to_lowercase())
            .then(a.0.cmp(b.0))
    });
    let mut municipality: Vec<Group> = muni
        .into_iter()
        .map(|(m, g)| group(m.clone(), m.clone(), g, q, &sup))
        .collect();
    for (g, key, sv_label, en_label) in [
        (
            &acc.municipality_other,
            "other",
            "Övriga kommuner",
            "Other municipalities",
        ),
        (
            &acc.municipality_unknown,
            "?",
            "Okänd kommun",
            "Unknown municipality",
        ),
    ] {
        if g.n > 0 {
            let label = if sv { sv_label } else { en_label };
            municipality.push(group(key.into(), label.into(), g, q, &sup));
        }
    }
    needs.push(Breakdown {
        dimension: "municipality".into(),
        groups: municipality,
    });

    let actors = q
        .actors
        .iter()
        .zip(&acc.actors)
        .map(|(a, s)| ActorStat {
            id: a.id.clone(),
            name: clean(&a.name),
            recommended: sup.count(s.recommended),
            consent: sup.count(s.consent),
            recommended_with_consent: sup.count(s.recommended_with_consent),
            recommended_by_size: s.by_size.iter().map(|n| sup.count(*n)).collect(),
            recommended_by_industry: s
                .by_industry
                .iter()
                .map(|(k, n)| (k.to_string(), sup.count(*n)))
                .collect(),
        })
        .collect();

    let mut unknown: Vec<(usize, u64)> = acc
        .unknown
        .iter()
        .enumerate()
        .filter(|(_, n)| **n > 0)
        .map(|(i, n)| (i, *n))
        .collect();
    unknown.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let unknown_questions = unknown
        .into_iter()
        .take(TOP_UNKNOWN)
        .filter_map(|(i, n)| q.questions.get(i).map(|question| (i, n, question)))
        .map(|(i, n, question)| {
            let shown = acc.shown.get(i).copied().unwrap_or(0);
            let count = sup.count(n);
            UnknownStat {
                question: question.id.clone(),
                text: clean(question.text.get(lang)),
                unknown: count,
                shown,
                share: count
                    .filter(|_| shown > 0)
                    .map(|n| one_dec(n as f64 * 100.0 / shown as f64)),
            }
        })
        .collect();

    let follow_up = follow_up(
        q,
        std::mem::take(&mut acc.visits),
        &std::mem::take(&mut acc.visit_needs),
        &sup,
    );
    Stats {
        kind: "report",
        format_version: super::doc::FORMAT_VERSION,
        date: time::date(day * 86_400),
        language: lang.to_string(),
        questionnaire: super::doc::QuestionnaireRef {
            id: q.id.clone(),
            version: clean(&q.version),
        },
        min_group: opts.min_group,
        filters: Filters {
            from: opts.from.clone(),
            to: opts.to.clone(),
            municipality: opts.municipality.as_ref().map(|m| clean(m)),
        },
        files: Files {
            assessments: acc.sessions,
            unreadable: acc.unreadable,
            other_questionnaire: acc.other_questionnaire,
            filtered_out: acc.filtered_out,
        },
        assessments: acc.sessions,
        advisor_visits: sup.count(acc.advisor),
        self_assessments: sup.count(acc.self_assessment),
        areas: q
            .areas
            .iter()
            .map(|a| AreaRef {
                id: a.id.clone(),
                title: clean(a.title.get(lang)),
            })
            .collect(),
        needs,
        actors,
        unknown_questions,
        follow_up,
    }
}

fn find(parent: &mut [usize], mut x: usize) -> usize {
    while parent[x] != x {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    x
}

fn union(parent: &mut [usize], a: usize, b: usize) {
    let (ra, rb) = (find(parent, a), find(parent, b));
    if ra != rb {
        parent[ra.max(rb)] = ra.min(rb);
    }
}

/// Links visits of the same company (by `meta.previous` or the same org
/// number) and compares the first visit with the latest.
///
/// Memory: sorted arrays instead of hash maps (16 bytes per visit for the
/// id lookup, 8 for the union-find, 16 for the ends).
fn follow_up(q: &Questionnaire, mut visits: Vec<Visit>, needs: &[f32], sup: &Sup) -> FollowUp {
    let n_areas = q.areas.len();
    for (i, v) in visits.iter_mut().enumerate() {
        v.at = u32::try_from(i).unwrap_or(u32::MAX);
    }
    visits.sort_by(|a, b| a.day.cmp(&b.day).then(a.id.cmp(&b.id)));
    let mut parent: Vec<usize> = (0..visits.len()).collect();
    // (id, index) sorted: the last visit with an id is the one linked to.
    let mut by_id: Vec<(u64, usize)> = visits.iter().enumerate().map(|(i, v)| (v.id, i)).collect();
    by_id.sort_unstable();
    let lookup = |id: u64| -> Option<usize> {
        let end = by_id.partition_point(|&(x, _)| x <= id);
        by_id[..end]
            .last()
            .filter(|(x, _)| *x == id)
            .map(|&(_, i)| i)
    };
    for (i, v) in visits.iter().enumerate() {
        if v.previous != 0
            && let Some(p) = lookup(v.previous)
        {
            union(&mut parent, i, p);
        }
    }
    drop(by_id);
    // Visits with the same organisation number are one company.
    let mut by_org: Vec<(u64, usize)> = visits
        .iter()
        .enumerate()
        .filter(|(_, v)| v.org != 0)
        .map(|(i, v)| (v.org, i))
        .collect();
    by_org.sort_unstable();
    for w in by_org.windows(2) {
        if w[0].0 == w[1].0 {
            union(&mut parent, w[0].1, w[1].1);
        }
    }
    drop(by_org);
    // First and latest visit per company (visits are sorted by date; a
    // root is the smallest index of its set).
    let mut ends: Vec<(usize, usize, u32)> = vec![(0, 0, 0); visits.len()];
    for i in 0..visits.len() {
        let r = find(&mut parent, i);
        if let Some(e) = ends.get_mut(r) {
            if e.2 == 0 {
                e.0 = i;
            }
            e.1 = i;
            e.2 += 1;
        }
    }
    drop(parent);
    let needs_of = |v: &Visit| -> &[f32] {
        let start = v.at as usize * n_areas;
        needs.get(start..start + n_areas).unwrap_or(&[])
    };
    let mut companies = 0u64;
    let mut days_sum = 0i64;
    let mut days_n = 0u64;
    let mut per_area = vec![(0u64, 0f64, 0f64, 0u64, 0u64); n_areas];
    for (first, last, count) in ends.iter().copied() {
        if count < 2 {
            continue;
        }
        companies += 1;
        let (f, l) = (&visits[first], &visits[last]);
        if f.day != i64::MIN && l.day != i64::MIN {
            days_sum += l.day - f.day;
            days_n += 1;
        }
        let (fne, lne) = (needs_of(f), needs_of(l));
        for (a, acc) in per_area.iter_mut().enumerate() {
            let (Some(x), Some(y)) = (fne.get(a), lne.get(a)) else {
                continue;
            };
            if x.is_nan() || y.is_nan() {
                continue;
            }
            acc.0 += 1;
            acc.1 += f64::from(*x);
            acc.2 += f64::from(*y);
            if y - x <= -10.0 {
                acc.3 += 1;
            } else if y - x >= 10.0 {
                acc.4 += 1;
            }
        }
    }
    let suppressed = companies < sup.0;
    let areas = q
        .areas
        .iter()
        .zip(per_area)
        .map(|(a, (n, fs, ls, imp, wor))| {
            let ok = !suppressed && n >= sup.0;
            let fm = ok.then(|| one_dec(fs / n as f64));
            let lm = ok.then(|| one_dec(ls / n as f64));
            FollowUpArea {
                area: a.id.clone(),
                n: if suppressed { None } else { sup.count(n) },
                first_mean: fm,
                latest_mean: lm,
                change: ok.then(|| one_dec((ls - fs) / n as f64)),
                improved: if ok { sup.count(imp) } else { None },
                worsened: if ok { sup.count(wor) } else { None },
            }
        })
        .collect();
    FollowUp {
        companies: sup.count(companies),
        suppressed,
        mean_days_between: (!suppressed && days_n > 0)
            .then(|| one_dec(days_sum as f64 / days_n as f64)),
        areas,
    }
}

/// Output formats of the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportFormat {
    Md,
    Csv,
    Json,
    Html,
}

/// The report as text in a format.
pub fn render(stats: &Stats, format: ReportFormat) -> String {
    match format {
        ReportFormat::Md => super::report_render::md_report(stats),
        ReportFormat::Csv => super::report_render::csv_report(stats),
        ReportFormat::Html => super::report_render::html_report(stats),
        ReportFormat::Json => {
            let mut s = serde_json::to_string_pretty(stats).unwrap_or_default();
            s.push('\n');
            s
        }
    }
}
