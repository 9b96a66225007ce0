//! From counters to the output model: means and shares per group, the
//! actors, the "vet ej" questions and the follow-up comparison, with every
//! group smaller than `min_group` suppressed.

use super::collect::{Acc, ActorAcc, GroupAcc, Visit};
use super::{
    ActorStat, AreaRef, AreaStat, Breakdown, Count, Files, Filters, FollowUp, FollowUpArea, Group,
    ReportOptions, SIZE_CLASSES, Stats, TOP_UNKNOWN, UnknownStat,
};
use crate::export::escape::clean;
use crate::export::sni;
use crate::i18n::{Lang, report::words};
use crate::questionnaire::Questionnaire;
use crate::time::{self, Date};

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

pub(super) fn summarise(
    q: &Questionnaire,
    mut acc: Acc,
    opts: &ReportOptions,
    date: Date,
) -> Stats {
    let lang = opts.lang.as_str();
    let w = words(Lang::of_content(lang));
    let sup = Sup(opts.min_group);
    if acc.actors.len() < q.actors.len() {
        acc.actors.resize(q.actors.len(), ActorAcc::default());
    }
    let mut needs = vec![Breakdown {
        dimension: "all".into(),
        groups: vec![group("all".into(), w.group_all.into(), &acc.all, q, &sup)],
    }];
    let mut industry: Vec<Group> = acc
        .industry
        .iter()
        .map(|(l, g)| {
            group(
                l.to_string(),
                format!("{l} {}", sni::title(*l, Lang::of_content(lang))),
                g,
                q,
                &sup,
            )
        })
        .collect();
    if acc.industry_unknown.n > 0 {
        industry.push(group(
            "?".into(),
            w.group_industry_unknown.into(),
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
            let label = match c {
                "unknown" => w.group_size_unknown.to_string(),
                c => format!("{c} {}", w.employees),
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
    for (g, key, label) in [
        (&acc.municipality_other, "other", w.group_municipality_other),
        (&acc.municipality_unknown, "?", w.group_municipality_unknown),
    ] {
        if g.n > 0 {
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
        format_version: crate::export::doc::FORMAT_VERSION,
        date: date.to_string(),
        language: lang.to_string(),
        questionnaire: crate::export::doc::QuestionnaireRef {
            id: q.id.clone(),
            version: clean(&q.version),
        },
        min_group: opts.min_group,
        filters: Filters {
            from: opts.from.map(|d| d.to_string()),
            to: opts.to.map(|d| d.to_string()),
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
        if let (Some(fd), Some(ld)) = (f.day, l.day) {
            days_sum += time::days_between(fd, ld);
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
