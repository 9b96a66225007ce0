//! A generator of data directories for the report's tests: companies with
//! visits, follow-up visits (linked by `meta.previous` or only by the same
//! organisation number or name), self-assessments (imported at a visit,
//! with or without the company's own file beside, or not imported), empty
//! and partial sessions, and referrals in every state. The ground truth
//! (which sessions are one company, what kind each is) is kept, so that a
//! test can compute the figures without the report's code.
#![allow(dead_code)]

use std::fmt::Write as _;
use std::path::Path;

use behovsanalys::questionnaire::{Audience, Kind, Questionnaire};

// The random generator, SNI codes and organisation numbers of the
// benchmarks' generator.
#[path = "../../benches/support/mod.rs"]
mod generators;
pub use generators::{Rng, SNI, org_number};

/// How much of the questionnaire a session answers.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Fill {
    Empty,
    /// The first `n` questions.
    Partial(usize),
    /// Every question that is not a text question.
    Complete,
}

/// A referral record as written.
#[derive(Debug, Clone)]
pub struct Ref {
    pub actor: String,
    pub sent: i64,
    pub contacted: Option<i64>,
    /// (outcome word, time)
    pub outcome: Option<(&'static str, i64)>,
}

#[derive(Debug, Clone)]
pub struct Sess {
    pub id: String,
    pub self_mode: bool,
    /// `meta.previous` (the id of the earlier visit).
    pub previous: Option<String>,
    /// `meta.origin`.
    pub origin: Option<&'static str>,
    pub imported_id: Option<String>,
    /// Seconds since the epoch.
    pub created: i64,
    pub fill: Fill,
    pub seed: u64,
    pub consent: Vec<String>,
    pub referrals: Vec<Ref>,
    /// Written to disk (a company's own self-assessment may exist only as
    /// the file it sent).
    pub on_disk: bool,
}

#[derive(Debug, Clone)]
pub struct Company {
    pub name: Option<String>,
    pub org: Option<String>,
    pub municipality: Option<String>,
    pub sni: Option<String>,
    pub employees: Option<u64>,
    pub sessions: Vec<Sess>,
}

pub const MUNICIPALITIES: [&str; 7] = [
    "Växjö",
    "Jönköping",
    "Värnamo",
    "Kalmar",
    "Ljungby",
    "Gislaved",
    "Älmhult",
];
pub const OUTCOMES: [&str; 4] = ["helped", "not_relevant", "declined", "no_answer"];

pub fn rfc3339(secs: i64) -> String {
    jiff::Timestamp::from_second(secs)
        .unwrap()
        .strftime("%Y-%m-%dT%H:%M:%SZ")
        .to_string()
}

/// 2026-01-01T00:00:00Z.
pub const YEAR_START: i64 = 1_767_225_600;
pub const DAY: i64 = 86_400;
pub const HOUR: i64 = 3_600;

/// A random referral in one of every state, sent at `sent`.
pub fn referral(rng: &mut Rng, actor: &str, sent: i64) -> Ref {
    let contacted = match rng.below(5) {
        0 => None,
        1 => Some(sent + rng.below(24) as i64 * HOUR + rng.below(3600) as i64),
        2 => Some(sent + 24 * HOUR),
        3 => Some(sent + 25 * HOUR + rng.below(100) as i64 * HOUR),
        _ => Some(sent + rng.below(6) as i64 * HOUR),
    };
    let outcome = match rng.below(6) {
        0 | 1 => None,
        k => {
            let after = contacted.unwrap_or(sent) + rng.below(20) as i64 * DAY;
            Some((OUTCOMES[k - 2], after))
        }
    };
    Ref {
        actor: actor.to_string(),
        sent,
        contacted,
        outcome,
    }
}

/// A generated population of `n` companies.
pub fn population(q: &Questionnaire, n: usize, seed: u64) -> Vec<Company> {
    let mut rng = Rng(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1);
    let actors: Vec<String> = q.actors.iter().map(|a| a.id.clone()).collect();
    let mut out = Vec::new();
    let mut sid = 0;
    let mut next_id = |rng: &mut Rng| {
        sid += 1;
        format!("s{sid:05}-{:04x}", rng.below(0xffff))
    };
    for c in 0..n {
        // Identity: mostly an org number; some only a name (written
        // differently in different sessions), some nothing.
        let (org, name) = match rng.below(10) {
            0 => (None, Some(format!("Namnbolaget {c} AB"))),
            1 => (None, None),
            _ => (
                Some(org_number(c as u64 + seed % 1000 * 1000)),
                Some(format!("Bolag {c} AB")),
            ),
        };
        let mut company = Company {
            name,
            org,
            municipality: (!rng.chance(8)).then(|| MUNICIPALITIES[rng.below(7)].to_string()),
            sni: (!rng.chance(8)).then(|| SNI[rng.below(6)].to_string()),
            employees: (!rng.chance(8)).then(|| [3, 8, 15, 40, 120, 400][rng.below(6)]),
            sessions: Vec::new(),
        };
        let start = YEAR_START + rng.below(300) as i64 * DAY + rng.below(8) as i64 * HOUR;
        let fill = |rng: &mut Rng| match rng.below(10) {
            0 => Fill::Empty,
            1..=3 => Fill::Partial(3 + rng.below(20)),
            _ => Fill::Complete,
        };
        let mut t = start;
        // A self-assessment first, sometimes.
        let mut self_id = None;
        if rng.chance(30) {
            let id = next_id(&mut rng);
            let imported = rng.chance(60);
            company.sessions.push(Sess {
                id: id.clone(),
                self_mode: true,
                previous: None,
                origin: None,
                imported_id: None,
                created: t,
                fill: if imported {
                    Fill::Complete
                } else {
                    fill(&mut rng)
                },
                seed: rng.next(),
                consent: Vec::new(),
                referrals: Vec::new(),
                // An imported self-assessment's own file is beside it only
                // sometimes (the same data folder).
                on_disk: !imported || rng.chance(50),
            });
            if imported {
                self_id = Some(id);
            } else if rng.chance(50) || company.org.is_none() && company.name.is_none() {
                // (A company without a name or number and a self-assessment
                // nobody imported cannot be told from another.)
                out.push(company);
                continue;
            }
            t += rng.below(20) as i64 * DAY + HOUR;
        }
        // The first visit (an import of the self-assessment, or not).
        let visits = 1 + usize::from(rng.chance(35)) + usize::from(rng.chance(10));
        let mut previous: Option<String> = None;
        for v in 0..visits {
            let id = next_id(&mut rng);
            // Later visits name the earlier one, or are the same company
            // only by its number or name (always named when it has neither).
            let nameless = company.org.is_none() && company.name.is_none();
            let linked = v > 0 && (nameless || rng.chance(70));
            let consent: Vec<String> = actors.iter().filter(|_| rng.chance(30)).cloned().collect();
            let mut referrals = Vec::new();
            for a in &consent {
                if rng.chance(70) {
                    let sent = t + rng.below(48) as i64 * HOUR;
                    referrals.push(referral(&mut rng, a, sent));
                }
            }
            let (origin, imported_id) = match (&self_id, v) {
                (Some(s), 0) => (Some("self-assessment"), Some(s.clone())),
                _ if linked => (Some("follow-up"), None),
                _ => (None, None),
            };
            company.sessions.push(Sess {
                id: id.clone(),
                self_mode: false,
                previous: if linked { previous.clone() } else { None },
                origin,
                imported_id,
                created: t,
                fill: fill(&mut rng),
                seed: rng.next(),
                consent,
                referrals,
                on_disk: true,
            });
            previous = Some(id);
            t += (30 + rng.below(120)) as i64 * DAY;
        }
        out.push(company);
    }
    out
}

/// The session file's text.
pub fn text(q: &Questionnaire, c: &Company, s: &Sess, name_variant: bool) -> String {
    let mut o = String::new();
    let _ = writeln!(o, "questionnaire = \"{}\"\n\n[company]", q.id);
    if let Some(n) = &c.name {
        // A company known only by name is written differently each time.
        let n = if name_variant && c.org.is_none() {
            format!("  {} (publ)", n.to_uppercase())
        } else {
            n.clone()
        };
        let _ = writeln!(o, "name = \"{n}\"");
    }
    if let Some(x) = &c.org {
        let _ = writeln!(o, "org_number = \"{x}\"");
    }
    if let Some(x) = &c.municipality {
        let _ = writeln!(o, "municipality = \"{x}\"");
    }
    if let Some(x) = &c.sni {
        let _ = writeln!(o, "sni = \"{x}\"");
    }
    if let Some(x) = c.employees {
        let _ = writeln!(o, "employees = {x}");
    }
    o.push_str("\n[answers]\n");
    let mut rng = Rng(s.seed | 1);
    let n = match s.fill {
        Fill::Empty => 0,
        Fill::Partial(k) => k,
        Fill::Complete => usize::MAX,
    };
    for question in q.questions.iter().take(n) {
        let applies = match question.audience {
            Audience::Both => true,
            Audience::Advisor => !s.self_mode,
            Audience::Company => s.self_mode,
        };
        if !applies {
            continue;
        }
        if question.allow_unknown && rng.below(12) == 0 {
            let _ = writeln!(o, "{} = {{ unknown = true }}", question.id);
            continue;
        }
        match &question.kind {
            Kind::Single { options } => {
                let _ = writeln!(
                    o,
                    "{} = \"{}\"",
                    question.id,
                    options[rng.below(options.len())].id
                );
            }
            Kind::Multi { options } => {
                let _ = writeln!(
                    o,
                    "{} = [\"{}\"]",
                    question.id,
                    options[rng.below(options.len())].id
                );
            }
            Kind::Scale { min, max, .. } => {
                let v = min + rng.below((max - min + 1) as usize) as i64;
                let _ = writeln!(o, "{} = {v}", question.id);
            }
            Kind::Number { min, max, .. } => {
                let lo = min.unwrap_or(0.0) as i64;
                let hi = max.unwrap_or(1000.0).min(1000.0) as i64;
                let v = lo + rng.below((hi - lo + 1).max(1) as usize) as i64;
                let _ = writeln!(o, "{} = {v}", question.id);
            }
            Kind::Text => {}
        }
    }
    if !s.consent.is_empty() {
        o.push_str("\n[consent]\n");
        for a in &s.consent {
            let _ = writeln!(o, "{a} = true");
        }
    }
    let _ = write!(
        o,
        "\n[meta]\nid = \"{}\"\ncreated = \"{}\"\nupdated = \"{}\"\nmode = \"{}\"\n",
        s.id,
        rfc3339(s.created),
        rfc3339(s.created + 400 * DAY),
        if s.self_mode { "self" } else { "advisor" }
    );
    if let Some(p) = &s.previous {
        let _ = writeln!(o, "previous = \"{p}\"");
    }
    if let Some(x) = s.origin {
        let _ = writeln!(o, "origin = \"{x}\"");
    }
    if let Some(x) = &s.imported_id {
        let _ = writeln!(o, "imported_id = \"{x}\"");
    }
    for r in &s.referrals {
        let _ = write!(
            o,
            "\n[[meta.referral]]\nactor = \"{}\"\nsent_at = \"{}\"\n",
            r.actor,
            rfc3339(r.sent)
        );
        if let Some(c) = r.contacted {
            let _ = writeln!(o, "contacted_at = \"{}\"", rfc3339(c));
        }
        if let Some((w, at)) = r.outcome {
            let _ = writeln!(o, "outcome = \"{w}\"\noutcome_at = \"{}\"", rfc3339(at));
        }
    }
    o
}

/// Writes the population into `<dir>/sessions`.
pub fn write(q: &Questionnaire, dir: &Path, companies: &[Company]) {
    let sessions = dir.join("sessions");
    std::fs::create_dir_all(&sessions).unwrap();
    for c in companies {
        for (i, s) in c.sessions.iter().enumerate() {
            if s.on_disk {
                std::fs::write(
                    sessions.join(format!("{}.toml", s.id)),
                    text(q, c, s, i % 2 == 1),
                )
                .unwrap();
            }
        }
    }
}
