//! From the records of the sessions to the true figures ([`Tally`]): which
//! sessions are one company, what kind each session is, which session
//! stands for a company in the needs, and how a company's needs moved
//! between its first and latest visit. Nothing here is suppressed yet.
//!
//! - **Company**: sessions with the same organisation number (its 10
//!   digits), else the same normalised name (among sessions without an
//!   organisation number), else the session alone; joined by
//!   `meta.previous` and by an import and the self-assessment it was
//!   imported from.
//! - **Kinds**: a company's first advisor session in the selection (by date,
//!   then id) is a *visit*, unless it is marked as a follow-up; every later
//!   one is a *follow-up visit*. An advisor session imported from a
//!   self-assessment is also a *self-assessment imported at a visit*; a
//!   company's own session (`mode = "self"`) is a *self-assessment not
//!   imported* — unless an import of it is in the selection, where it is
//!   that import's self-assessment and not counted again.
//! - **Complete**: every shown question that is not a text question has an
//!   answer, "vet ej" or "ej relevant"; else *partial*.
//! - **Needs**: one session per company — its first complete session, else
//!   its first session (a partial one counts in the areas it answered);
//!   advisor sessions before self-assessments. Its municipality, industry,
//!   size, recommendations and consents are the company's in every
//!   breakdown.
//! - **Follow-up**: a company's first and latest advisor session when it has
//!   two or more; per area only where both have a need.

use super::sets::{find, union};
use std::collections::BTreeMap;

use super::collect::{
    Acc, COMPLETE, FOLLOW_UP, IMPORTED, NO_MUNICIPALITY, Rec, RefRec, SELF, bit, words,
};
use super::{HIGH_NEED, MAX_MUNICIPALITIES, SIZE_CLASSES};
use crate::questionnaire::Questionnaire;
use crate::session::referral::Outcome;
use crate::time;

/// Seconds in the 24 hours a referral should be contacted within.
pub(super) const WINDOW: i64 = 24 * 3600;

#[derive(Debug, Clone, Default)]
pub(super) struct AreaAcc {
    pub(super) known: u64,
    /// Sum of needs in thousandths (integer: the result does not depend on
    /// the order of the sessions).
    pub(super) sum_milli: u64,
    pub(super) high: u64,
}

#[derive(Debug, Clone, Default)]
pub(super) struct GroupAcc {
    pub(super) n: u64,
    /// Per need area.
    pub(super) areas: Vec<AreaAcc>,
}

impl GroupAcc {
    fn add(&mut self, needs: &[f32], need_areas: &[usize]) {
        self.n += 1;
        if self.areas.len() < need_areas.len() {
            self.areas.resize(need_areas.len(), AreaAcc::default());
        }
        for (acc, a) in self.areas.iter_mut().zip(need_areas) {
            let v = needs.get(*a).copied().unwrap_or(f32::NAN);
            if !v.is_nan() {
                let v = f64::from(v).clamp(0.0, 100.0);
                acc.known += 1;
                acc.sum_milli += (v * 1000.0).round() as u64;
                if v >= HIGH_NEED {
                    acc.high += 1;
                }
            }
        }
    }
}

#[derive(Debug, Clone, Default)]
pub(super) struct ActorAcc {
    pub(super) recommended: u64,
    pub(super) consent: u64,
    pub(super) recommended_with_consent: u64,
    pub(super) by_size: [u64; 5],
    /// By SNI letter; 0 = unknown.
    pub(super) by_industry: BTreeMap<u8, u64>,
}

#[derive(Debug, Clone, Default)]
pub(super) struct RefAcc {
    pub(super) sent: u64,
    pub(super) contacted: u64,
    pub(super) due: u64,
    pub(super) within: u64,
    /// By [`Outcome::index`].
    pub(super) outcomes: [u64; 4],
    /// Seconds from sent to contact of each contacted referral.
    pub(super) to_contact: Vec<i64>,
}

impl RefAcc {
    pub(super) fn open(&self) -> u64 {
        self.sent - self.outcomes.iter().sum::<u64>()
    }
}

#[derive(Debug, Clone, Default)]
pub(super) struct FollowAcc {
    pub(super) n: u64,
    /// Sums of needs in thousandths.
    pub(super) first: i64,
    pub(super) latest: i64,
    pub(super) improved: u64,
    pub(super) worsened: u64,
}

/// A group of a breakdown, with its key and label.
#[derive(Debug, Clone)]
pub(super) struct Keyed<T> {
    pub(super) key: String,
    pub(super) label: String,
    pub(super) value: T,
}

/// A breakdown of companies and of needs by the same groups.
#[derive(Debug, Clone, Default)]
pub(super) struct Dimension {
    pub(super) companies: Vec<Keyed<u64>>,
    pub(super) needs: Vec<Keyed<GroupAcc>>,
}

#[derive(Debug, Clone, Default)]
pub(super) struct Tally {
    pub(super) companies: u64,
    pub(super) sessions: u64,
    pub(super) visits: u64,
    pub(super) follow_up_visits: u64,
    pub(super) self_imported: u64,
    pub(super) self_not_imported: u64,
    pub(super) complete: u64,
    pub(super) partial: u64,
    pub(super) companies_with_follow_up: u64,
    pub(super) empty: u64,
    pub(super) unreadable: u64,
    pub(super) other_questionnaire: u64,
    /// Need areas (indices into the questionnaire's areas).
    pub(super) need_areas: Vec<usize>,
    pub(super) needs_all: GroupAcc,
    /// Industry (SNI letter, `?`), size (class), municipality (name,
    /// `other`, `?`); the groups' keys are in `Keyed::key`.
    pub(super) dims: [Dimension; 3],
    pub(super) actors: Vec<ActorAcc>,
    pub(super) referrals: Vec<RefAcc>,
    pub(super) referrals_total: RefAcc,
    pub(super) unknown: Vec<u64>,
    pub(super) shown: Vec<u64>,
    /// Companies whose first and latest visit are compared.
    pub(super) compared: u64,
    pub(super) follow_days: (i64, u64),
    pub(super) follow: Vec<FollowAcc>,
}

/// Dimension names, in the order of [`Tally::dims`].
pub(super) const DIMENSIONS: [&str; 3] = ["industry", "size", "municipality"];

/// Areas some actor weighs: the areas that are needs.
pub(super) fn need_areas(q: &Questionnaire) -> Vec<usize> {
    (0..q.areas.len())
        .filter(|a| {
            q.actors
                .iter()
                .any(|x| x.weights.iter().any(|(w, _)| w == a))
        })
        .collect()
}

/// Where a record's group keys point, per dimension.
struct Groups {
    /// Municipality index → group slot (`other` beyond the largest).
    muni_slot: Vec<usize>,
    muni_other: usize,
    muni_unknown: usize,
}

impl Groups {
    fn slot(&self, dim: usize, r: &Rec) -> usize {
        match dim {
            0 => usize::from(r.industry),
            1 => usize::from(r.size),
            _ if r.municipality == NO_MUNICIPALITY => self.muni_unknown,
            _ => self
                .muni_slot
                .get(r.municipality as usize)
                .copied()
                .unwrap_or(self.muni_other),
        }
    }
}

pub(super) fn tally(q: &Questionnaire, acc: &Acc, as_of: i64) -> Tally {
    let n_areas = q.areas.len();
    let recs = &acc.recs;
    let mut t = Tally {
        empty: acc.empty,
        unreadable: acc.unreadable,
        other_questionnaire: acc.other_questionnaire,
        need_areas: need_areas(q),
        actors: vec![ActorAcc::default(); q.actors.len()],
        referrals: vec![RefAcc::default(); q.actors.len()],
        unknown: vec![0; q.questions.len()],
        shown: vec![0; q.questions.len()],
        ..Tally::default()
    };
    t.follow = vec![FollowAcc::default(); t.need_areas.len()];
    // Companies: union-find over the records.
    let mut parent: Vec<usize> = (0..recs.len()).collect();
    let mut by_company: Vec<(u64, usize)> = recs
        .iter()
        .enumerate()
        .map(|(i, r)| (r.company, i))
        .collect();
    by_company.sort_unstable();
    for w in by_company.windows(2) {
        if w[0].0 == w[1].0 {
            union(&mut parent, w[0].1, w[1].1);
        }
    }
    drop(by_company);
    let mut by_id: Vec<(u64, usize)> = recs.iter().enumerate().map(|(i, r)| (r.id, i)).collect();
    by_id.sort_unstable();
    let lookup = |id: u64| -> Option<usize> {
        let at = by_id.partition_point(|&(x, _)| x < id);
        by_id.get(at).filter(|(x, _)| *x == id).map(|&(_, i)| i)
    };
    // Self-assessments imported in this selection: counted with the import.
    let mut absorbed = vec![false; recs.len()];
    for (i, r) in recs.iter().enumerate() {
        if r.previous != 0
            && let Some(p) = lookup(r.previous)
        {
            union(&mut parent, i, p);
        }
        if r.imported != 0
            && let Some(s) = lookup(r.imported).filter(|s| recs[*s].is(SELF))
        {
            union(&mut parent, i, s);
            absorbed[s] = true;
        }
    }
    drop(by_id);
    // Records of each company, by date then id.
    let mut order: Vec<(usize, Option<time::Date>, u64, usize)> = (0..recs.len())
        .filter(|i| !absorbed[*i])
        .map(|i| (find(&mut parent, i), recs[i].day, recs[i].id, i))
        .collect();
    order.sort_unstable();
    drop(parent);

    // Per company: the session that stands for it.
    let mut chosen: Vec<usize> = Vec::new();
    let mut start = 0;
    while start < order.len() {
        let root = order[start].0;
        let end = start + order[start..].iter().take_while(|x| x.0 == root).count();
        let company = &order[start..end];
        t.companies += 1;
        let mut advisor: Vec<usize> = Vec::new();
        for (_, _, _, i) in company {
            let r = &recs[*i];
            t.sessions += 1;
            if r.is(COMPLETE) {
                t.complete += 1;
            } else {
                t.partial += 1;
            }
            if r.is(SELF) {
                t.self_not_imported += 1;
            } else {
                if r.is(IMPORTED) {
                    t.self_imported += 1;
                }
                advisor.push(*i);
            }
            for (k, w) in acc.shown[i * words(q.questions.len())..]
                .iter()
                .take(words(q.questions.len()))
                .enumerate()
            {
                let mut w = *w;
                while w != 0 {
                    let b = w.trailing_zeros() as usize;
                    if let Some(s) = t.shown.get_mut(k * 64 + b) {
                        *s += 1;
                    }
                    w &= w - 1;
                }
            }
            let u = r.unknown_at as usize;
            for qi in acc
                .unknown
                .get(u..u + usize::from(r.unknown_len))
                .unwrap_or(&[])
            {
                if let Some(n) = t.unknown.get_mut(usize::from(*qi)) {
                    *n += 1;
                }
            }
            let f = r.refs_at as usize;
            for x in acc.refs.get(f..f + usize::from(r.refs_len)).unwrap_or(&[]) {
                if let Some(a) = t.referrals.get_mut(usize::from(x.actor)) {
                    add_referral(a, x, as_of);
                }
                add_referral(&mut t.referrals_total, x, as_of);
            }
        }
        if let Some(first) = advisor.first() {
            let marked = recs[*first].is(FOLLOW_UP);
            t.visits += u64::from(!marked);
            t.follow_up_visits += advisor.len() as u64 - u64::from(!marked);
            if advisor.len() > 1 || marked {
                t.companies_with_follow_up += 1;
            }
        }
        if let (Some(f), Some(l)) = (advisor.first(), advisor.last())
            && f != l
        {
            compare(&mut t, acc, n_areas, &recs[*f], *f, &recs[*l], *l);
        }
        // The company's session in the needs and the breakdowns: its first
        // complete session, else its first; advisor sessions first.
        let rep = company
            .iter()
            .min_by_key(|x| (!recs[x.3].is(COMPLETE), recs[x.3].is(SELF), x.1, x.2))
            .map_or(company[0].3, |x| x.3);
        chosen.push(rep);
        start = end;
    }

    // Municipalities: the MAX_MUNICIPALITIES with most companies, by name;
    // the rest pooled as `other`.
    let mut muni_companies = vec![0u64; acc.municipalities.len()];
    for at in &chosen {
        let m = recs[*at].municipality;
        if m != NO_MUNICIPALITY
            && let Some(c) = muni_companies.get_mut(m as usize)
        {
            *c += 1;
        }
    }
    let mut munis: Vec<usize> = (0..acc.municipalities.len())
        .filter(|m| muni_companies[*m] > 0)
        .collect();
    if munis.len() > MAX_MUNICIPALITIES {
        munis.sort_by(|a, b| muni_companies[*b].cmp(&muni_companies[*a]).then(a.cmp(b)));
        munis.truncate(MAX_MUNICIPALITIES);
    }
    munis.sort_by(|a, b| {
        let (x, y) = (&acc.municipalities[*a], &acc.municipalities[*b]);
        x.key.cmp(&y.key).then(x.label.cmp(&y.label))
    });
    let mut muni_slot = vec![usize::MAX; acc.municipalities.len()];
    for (slot, m) in munis.iter().enumerate() {
        muni_slot[*m] = slot;
    }
    let groups = Groups {
        muni_slot,
        muni_other: munis.len(),
        muni_unknown: munis.len() + 1,
    };
    // Slots per dimension: industry 0 (unknown) + letters, size 0..5,
    // municipality slots + other + unknown.
    let slots = [256, SIZE_CLASSES.len(), munis.len() + 2];
    let mut companies: Vec<Vec<u64>> = slots.iter().map(|n| vec![0; *n]).collect();
    let mut needs: Vec<Vec<GroupAcc>> = slots
        .iter()
        .map(|n| vec![GroupAcc::default(); *n])
        .collect();
    let awords = words(q.actors.len());
    for rep in &chosen {
        let r = &recs[*rep];
        for (d, list) in companies.iter_mut().enumerate() {
            if let Some(c) = list.get_mut(groups.slot(d, r)) {
                *c += 1;
            }
        }
        let nv = acc
            .needs
            .get(rep * n_areas..(rep + 1) * n_areas)
            .unwrap_or(&[]);
        t.needs_all.add(nv, &t.need_areas);
        for (d, list) in needs.iter_mut().enumerate() {
            if let Some(g) = list.get_mut(groups.slot(d, r)) {
                g.add(nv, &t.need_areas);
            }
        }
        let rb = acc
            .recommended
            .get(rep * awords..(rep + 1) * awords)
            .unwrap_or(&[]);
        let cb = acc
            .consent
            .get(rep * awords..(rep + 1) * awords)
            .unwrap_or(&[]);
        for (a, x) in t.actors.iter_mut().enumerate() {
            let (rec, con) = (bit(rb, a), bit(cb, a));
            x.consent += u64::from(con);
            if rec {
                x.recommended += 1;
                x.recommended_with_consent += u64::from(con);
                x.by_size[usize::from(r.size).min(4)] += 1;
                *x.by_industry.entry(r.industry).or_default() += 1;
            }
        }
    }
    // Groups with their keys and labels, in their order; empty ones left out.
    let mut dims: [Dimension; 3] = Default::default();
    for (d, dim) in dims.iter_mut().enumerate() {
        let keys: Vec<(usize, String, String)> = match d {
            0 => (b'A'..=b'Z')
                .map(|c| (usize::from(c), (c as char).to_string(), String::new()))
                .chain(std::iter::once((0, "?".to_string(), String::new())))
                .collect(),
            1 => SIZE_CLASSES
                .iter()
                .enumerate()
                .map(|(i, c)| (i, (*c).to_string(), String::new()))
                .collect(),
            _ => munis
                .iter()
                .enumerate()
                .map(|(slot, m)| {
                    let x = &acc.municipalities[*m];
                    (slot, x.label.clone(), x.label.clone())
                })
                .chain([
                    (groups.muni_other, "other".to_string(), String::new()),
                    (groups.muni_unknown, "?".to_string(), String::new()),
                ])
                .collect(),
        };
        for (slot, key, label) in keys {
            let c = companies[d].get(slot).copied().unwrap_or(0);
            if c == 0 {
                continue;
            }
            dim.companies.push(Keyed {
                key: key.clone(),
                label: label.clone(),
                value: c,
            });
            // The same groups in the same order (every company is in the
            // needs once): the report uses one cell for both.
            let g = std::mem::take(&mut needs[d][slot]);
            dim.needs.push(Keyed {
                key,
                label,
                value: g,
            });
        }
    }
    t.dims = dims;
    t
}

fn add_referral(a: &mut RefAcc, x: &RefRec, as_of: i64) {
    if x.sent > as_of {
        return;
    }
    a.sent += 1;
    let contacted = (x.contacted != i64::MIN && x.contacted <= as_of).then_some(x.contacted);
    if let Some(c) = contacted {
        a.contacted += 1;
        a.to_contact.push((c - x.sent).max(0));
    }
    let within = contacted.is_some_and(|c| c - x.sent <= WINDOW);
    if within || x.sent + WINDOW <= as_of {
        a.due += 1;
    }
    a.within += u64::from(within);
    if x.outcome > 0 && x.outcome_at <= as_of {
        let o = usize::from(x.outcome - 1).min(Outcome::ALL.len() - 1);
        a.outcomes[o] += 1;
    }
}

/// First against latest visit of a company.
fn compare(t: &mut Tally, acc: &Acc, n_areas: usize, f: &Rec, fi: usize, l: &Rec, li: usize) {
    t.compared += 1;
    if let (Some(fd), Some(ld)) = (f.day, l.day) {
        t.follow_days.0 += time::days_between(fd, ld);
        t.follow_days.1 += 1;
    }
    let first = acc
        .needs
        .get(fi * n_areas..(fi + 1) * n_areas)
        .unwrap_or(&[]);
    let latest = acc
        .needs
        .get(li * n_areas..(li + 1) * n_areas)
        .unwrap_or(&[]);
    for (k, a) in t.need_areas.iter().enumerate() {
        let (Some(x), Some(y)) = (first.get(*a), latest.get(*a)) else {
            continue;
        };
        if x.is_nan() || y.is_nan() {
            continue;
        }
        let (x, y) = (f64::from(*x), f64::from(*y));
        let s = &mut t.follow[k];
        s.n += 1;
        s.first += (x * 1000.0).round() as i64;
        s.latest += (y * 1000.0).round() as i64;
        if y - x <= -10.0 {
            s.improved += 1;
        } else if y - x >= 10.0 {
            s.worsened += 1;
        }
    }
}
