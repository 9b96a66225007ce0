//! From the true figures to what may be published: every count becomes a
//! cell of the disclosure control ([`super::disclosure`]) with the lines it
//! adds up in, the cells are protected, and the output model is built from
//! what stays visible. Means, shares and medians are shown only with the
//! counts they come from.

use super::collect::Acc;
use super::disclosure::{CellId, Sdc};
use super::link::{self, DIMENSIONS, GroupAcc, RefAcc, Tally};
use super::{
    ActorStat, AreaRef, AreaStat, Breakdown, CompanyBreakdown, CompanyGroup, Counts, Files,
    Filters, FollowUp, FollowUpArea, Group, Outcomes, QuestionnaireRef, ReferralStat, Referrals,
    ReportOptions, SCHEMA_VERSION, Stats, TOP_UNKNOWN, UnknownStat,
};
use crate::export::escape::clean;
use crate::export::sni;
use crate::i18n::{Lang, report::words};
use crate::questionnaire::Questionnaire;
use crate::time::{self, Date};

fn one_dec(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// The end of a Swedish day (the start of the next), in epoch seconds.
pub(super) fn end_of_day(d: Date) -> i64 {
    let next = time::add_days(d, 1);
    next.to_zoned_datetime(time::stockholm().clone())
        .map(|z| z.timestamp().as_second())
        .unwrap_or(0)
}

/// The cells of one needs group: its size and one per need area (the
/// area's known count, which carries its mean and share).
struct GroupCells {
    n: CellId,
    areas: Vec<CellId>,
}

/// `n`: the group's cell of companies (the same cell as in the companies
/// reached: every company is in the needs once).
fn group_cells(sdc: &mut Sdc, n: CellId, g: &GroupAcc, n_areas: usize) -> GroupCells {
    let areas: Vec<CellId> = (0..n_areas)
        .map(|k| sdc.cell(g.areas.get(k).map_or(0, |a| a.known)))
        .collect();
    // A group whose size is hidden shows nothing (its largest known count
    // would bound the size).
    sdc.tie(n, areas.clone());
    GroupCells { n, areas }
}

struct RefCells {
    sent: CellId,
    contacted: CellId,
    due: CellId,
    within: CellId,
    outcomes: [CellId; 4],
    open: CellId,
}

impl RefCells {
    fn new(sdc: &mut Sdc, r: &RefAcc) -> RefCells {
        let c = RefCells {
            sent: sdc.cell(r.sent),
            contacted: sdc.cell(r.contacted),
            due: sdc.cell(r.due),
            within: sdc.cell(r.within),
            outcomes: r.outcomes.map(|o| sdc.cell(o)),
            open: sdc.cell(r.open()),
        };
        let mut parts = c.outcomes.to_vec();
        parts.push(c.open);
        sdc.line(c.sent, parts);
        c
    }

    fn columns(&self) -> Vec<CellId> {
        let mut v = vec![self.sent, self.contacted, self.due, self.within, self.open];
        v.extend(self.outcomes);
        v
    }

    fn stat(&self, sdc: &Sdc, r: &RefAcc, id: &str, name: &str) -> ReferralStat {
        let within = sdc.get(self.within);
        let due = sdc.get(self.due);
        let share = match (within, due) {
            (Some(w), Some(d)) if d > 0 => Some(one_dec(w as f64 * 100.0 / d as f64)),
            _ => None,
        };
        let contacted = sdc.get(self.contacted).filter(|n| *n > 0);
        let median = contacted.and_then(|_| median_hours(&r.to_contact));
        ReferralStat {
            id: id.to_string(),
            name: name.to_string(),
            sent: sdc.get(self.sent),
            contacted: sdc.get(self.contacted),
            due_24h: due,
            contacted_within_24h: within,
            share_within_24h: share,
            median_hours_to_contact: median,
            outcomes: Outcomes {
                helped: sdc.get(self.outcomes[0]),
                not_relevant: sdc.get(self.outcomes[1]),
                declined: sdc.get(self.outcomes[2]),
                no_answer: sdc.get(self.outcomes[3]),
                open: sdc.get(self.open),
            },
        }
    }
}

/// The median of durations in seconds, in hours with one decimal.
fn median_hours(secs: &[i64]) -> Option<f64> {
    if secs.is_empty() {
        return None;
    }
    let mut v = secs.to_vec();
    v.sort_unstable();
    let m = v.len() / 2;
    let median = if v.len() % 2 == 1 {
        v[m] as f64
    } else {
        (v[m - 1] as f64 + v[m] as f64) / 2.0
    };
    Some(one_dec(median / 3600.0))
}

fn area_stat(sdc: &Sdc, id: &str, cell: CellId, g: &GroupAcc, k: usize) -> AreaStat {
    let a = g.areas.get(k).cloned().unwrap_or_default();
    let shown = sdc.get(cell).filter(|n| *n > 0);
    AreaStat {
        area: id.to_string(),
        n: sdc.get(cell),
        mean: shown.map(|n| one_dec(a.sum_milli as f64 / 1000.0 / n as f64)),
        high_share: shown.map(|n| one_dec(a.high as f64 * 100.0 / n as f64)),
    }
}

/// A group's label in the report's language.
fn label(dim: usize, key: &str, given: &str, lang: Lang) -> String {
    let w = words(lang);
    match (dim, key) {
        (0, "?") => w.group_industry_unknown.into(),
        (0, k) => {
            let c = k.chars().next().unwrap_or('?');
            format!("{c} {}", sni::title(c, lang))
        }
        (1, "unknown") => w.group_size_unknown.into(),
        (1, k) => format!("{k} {}", w.employees),
        (_, "other") => w.group_municipality_other.into(),
        (_, "?") => w.group_municipality_unknown.into(),
        _ => given.to_string(),
    }
}

pub(super) fn summarise(q: &Questionnaire, acc: Acc, opts: &ReportOptions) -> Stats {
    let lang = opts.lang.as_str();
    let ui = Lang::of_content(lang);
    let w = words(ui);
    let date = opts.date.unwrap_or_else(time::today);
    let as_of = opts.as_of.unwrap_or_else(|| match opts.date {
        Some(d) => end_of_day(d),
        None => time::now_secs(),
    });
    let t: Tally = link::tally(q, &acc, as_of);
    drop(acc);
    let na = t.need_areas.len();
    let mut sdc = Sdc::new(opts.min_group);

    // Counts of the selection.
    let companies = sdc.cell(t.companies);
    let sessions = sdc.cell(t.sessions);
    let visits = sdc.cell(t.visits);
    let follow_ups = sdc.cell(t.follow_up_visits);
    let self_all = sdc.cell(t.self_imported + t.self_not_imported);
    let self_imported = sdc.cell(t.self_imported);
    let self_not = sdc.cell(t.self_not_imported);
    let complete = sdc.cell(t.complete);
    let partial = sdc.cell(t.partial);
    let with_follow_up = sdc.cell(t.companies_with_follow_up);
    let empty = sdc.cell(t.empty);
    sdc.line(sessions, vec![visits, follow_ups, self_not]);
    sdc.line(sessions, vec![complete, partial]);
    sdc.line(self_all, vec![self_imported, self_not]);

    // Companies reached by municipality, industry and size.
    let company_cells: Vec<Vec<CellId>> = t
        .dims
        .iter()
        .map(|d| {
            let cells: Vec<CellId> = d.companies.iter().map(|g| sdc.cell(g.value)).collect();
            sdc.line(companies, cells.clone());
            cells
        })
        .collect();

    // Needs: one session per company, by the same groups.
    let all = group_cells(&mut sdc, companies, &t.needs_all, na);
    let need_cells: Vec<Vec<GroupCells>> = t
        .dims
        .iter()
        .zip(&company_cells)
        .map(|(d, cells)| {
            let groups: Vec<GroupCells> = d
                .needs
                .iter()
                .zip(cells)
                .map(|(g, n)| group_cells(&mut sdc, *n, &g.value, na))
                .collect();
            for k in 0..na {
                sdc.line(all.areas[k], groups.iter().map(|g| g.areas[k]).collect());
            }
            groups
        })
        .collect();

    // Actors: recommendations, by size and industry.
    struct ActorCells {
        recommended: CellId,
        consent: CellId,
        with_consent: CellId,
        by_size: Vec<CellId>,
        by_industry: Vec<(u8, CellId)>,
    }
    let actor_cells: Vec<ActorCells> = t
        .actors
        .iter()
        .map(|a| {
            let c = ActorCells {
                recommended: sdc.cell(a.recommended),
                consent: sdc.cell(a.consent),
                with_consent: sdc.cell(a.recommended_with_consent),
                by_size: a.by_size.iter().map(|n| sdc.cell(*n)).collect(),
                by_industry: a
                    .by_industry
                    .iter()
                    .map(|(k, n)| (*k, sdc.cell(*n)))
                    .collect(),
            };
            sdc.line(c.recommended, c.by_size.clone());
            sdc.line(c.recommended, c.by_industry.iter().map(|x| x.1).collect());
            c
        })
        .collect();

    // Referrals: a table actors × (sent, contacted, …) with a total row.
    let ref_cells: Vec<RefCells> = t
        .referrals
        .iter()
        .map(|r| RefCells::new(&mut sdc, r))
        .collect();
    let ref_total = RefCells::new(&mut sdc, &t.referrals_total);
    for (j, total) in ref_total.columns().into_iter().enumerate() {
        sdc.line(total, ref_cells.iter().map(|c| c.columns()[j]).collect());
    }

    // "Vet ej": the most frequent, each on its own.
    let mut top: Vec<usize> = (0..q.questions.len())
        .filter(|i| t.unknown[*i] > 0)
        .collect();
    top.sort_by(|a, b| t.unknown[*b].cmp(&t.unknown[*a]).then(a.cmp(b)));
    top.truncate(TOP_UNKNOWN);
    let unknown_cells: Vec<(usize, CellId, CellId)> = top
        .iter()
        .map(|i| (*i, sdc.cell(t.unknown[*i]), sdc.cell(t.shown[*i])))
        .collect();

    // Follow-up: each figure on its own.
    let compared = sdc.cell(t.compared);
    let follow_cells: Vec<(CellId, CellId, CellId)> = t
        .follow
        .iter()
        .map(|f| (sdc.cell(f.n), sdc.cell(f.improved), sdc.cell(f.worsened)))
        .collect();
    for (n, imp, wor) in &follow_cells {
        sdc.tie(*n, vec![*imp, *wor]);
    }
    sdc.tie(
        compared,
        follow_cells.iter().flat_map(|c| [c.0, c.1, c.2]).collect(),
    );

    sdc.protect();

    // The model, from what may be published.
    let area_ref = |a: usize| AreaRef {
        id: q.areas[a].id.clone(),
        title: clean(q.areas[a].title.get(lang)),
    };
    let area_ids: Vec<String> = t
        .need_areas
        .iter()
        .map(|a| q.areas[*a].id.clone())
        .collect();
    let group = |key: String, label: String, g: &GroupAcc, cells: &GroupCells| Group {
        key,
        label,
        companies: sdc.get(cells.n),
        suppressed: sdc.is_suppressed(cells.n),
        areas: (0..na)
            .map(|k| area_stat(&sdc, &area_ids[k], cells.areas[k], g, k))
            .collect(),
    };
    let mut needs = vec![Breakdown {
        dimension: "all".into(),
        groups: vec![group("all".into(), w.group_all.into(), &t.needs_all, &all)],
    }];
    let mut company_breakdowns = Vec::new();
    for (d, dim) in t.dims.iter().enumerate() {
        needs.push(Breakdown {
            dimension: DIMENSIONS[d].into(),
            groups: dim
                .needs
                .iter()
                .zip(&need_cells[d])
                .map(|(g, c)| group(g.key.clone(), label(d, &g.key, &g.label, ui), &g.value, c))
                .collect(),
        });
        company_breakdowns.push(CompanyBreakdown {
            dimension: DIMENSIONS[d].into(),
            groups: dim
                .companies
                .iter()
                .zip(&company_cells[d])
                .map(|(g, c)| CompanyGroup {
                    key: g.key.clone(),
                    label: label(d, &g.key, &g.label, ui),
                    companies: sdc.get(*c),
                })
                .collect(),
        });
    }
    // Municipalities first in the overview, as a steering group reads it.
    company_breakdowns.rotate_right(1);

    let actors = q
        .actors
        .iter()
        .zip(&actor_cells)
        .map(|(a, c)| ActorStat {
            id: a.id.clone(),
            name: clean(a.name.get(lang)),
            recommended: sdc.get(c.recommended),
            consent: sdc.get(c.consent),
            recommended_with_consent: sdc.get(c.with_consent),
            recommended_by_size: c.by_size.iter().map(|x| sdc.get(*x)).collect(),
            recommended_by_industry: c
                .by_industry
                .iter()
                .map(|(k, x)| {
                    let key = if *k == 0 {
                        "?".to_string()
                    } else {
                        (*k as char).to_string()
                    };
                    (key, sdc.get(*x))
                })
                .collect(),
        })
        .collect();

    let referrals = Referrals {
        as_of: time::rfc3339(as_of),
        window_hours: (link::WINDOW / 3600) as u32,
        actors: q
            .actors
            .iter()
            .zip(&ref_cells)
            .zip(&t.referrals)
            .map(|((a, c), r)| c.stat(&sdc, r, &a.id, &clean(a.name.get(lang))))
            .collect(),
        total: ref_total.stat(&sdc, &t.referrals_total, "all", w.all_actors),
    };

    // Published counts first (most "vet ej" first), hidden ones after in
    // questionnaire order: the order never hints at a hidden value.
    let mut unknown_questions: Vec<(bool, u64, usize, UnknownStat)> = unknown_cells
        .iter()
        .map(|(i, u, s)| {
            let (unknown, shown) = (sdc.get(*u), sdc.get(*s));
            let share = match (unknown, shown) {
                (Some(u), Some(s)) if s > 0 => Some(one_dec(u as f64 * 100.0 / s as f64)),
                _ => None,
            };
            let stat = UnknownStat {
                question: q.questions[*i].id.clone(),
                text: clean(q.questions[*i].text.get(lang)),
                unknown,
                shown,
                share,
            };
            (unknown.is_none(), u64::MAX - unknown.unwrap_or(0), *i, stat)
        })
        .collect();
    unknown_questions.sort_by_key(|x| (x.0, x.1, x.2));

    let compared_n = sdc.get(compared);
    let follow_up = FollowUp {
        companies: compared_n,
        mean_days_between: compared_n
            .filter(|n| *n > 0 && t.follow_days.1 > 0)
            .map(|_| one_dec(t.follow_days.0 as f64 / t.follow_days.1 as f64)),
        areas: t
            .follow
            .iter()
            .zip(&follow_cells)
            .zip(&area_ids)
            .map(|((f, (n, imp, wor)), id)| {
                let shown = sdc.get(*n).filter(|n| *n > 0);
                let mean = |s: i64| shown.map(|n| one_dec(s as f64 / 1000.0 / n as f64));
                FollowUpArea {
                    area: id.clone(),
                    n: sdc.get(*n),
                    first_mean: mean(f.first),
                    latest_mean: mean(f.latest),
                    change: mean(f.latest - f.first),
                    improved: sdc.get(*imp),
                    worsened: sdc.get(*wor),
                }
            })
            .collect(),
    };

    Stats {
        kind: "report".into(),
        schema_version: SCHEMA_VERSION,
        format_version: SCHEMA_VERSION,
        date: date.to_string(),
        language: lang.to_string(),
        questionnaire: QuestionnaireRef {
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
            unreadable: t.unreadable,
            other_questionnaire: t.other_questionnaire,
        },
        counts: Counts {
            companies: sdc.get(companies),
            sessions: sdc.get(sessions),
            visits: sdc.get(visits),
            follow_up_visits: sdc.get(follow_ups),
            self_assessments: sdc.get(self_all),
            self_assessments_imported: sdc.get(self_imported),
            self_assessments_not_imported: sdc.get(self_not),
            complete: sdc.get(complete),
            partial: sdc.get(partial),
            companies_with_follow_up: sdc.get(with_follow_up),
            empty_sessions: sdc.get(empty),
        },
        companies: company_breakdowns,
        areas: t.need_areas.iter().map(|a| area_ref(*a)).collect(),
        context_areas: (0..q.areas.len())
            .filter(|a| !t.need_areas.contains(a))
            .map(area_ref)
            .collect(),
        needs,
        actors,
        referrals,
        unknown_questions: unknown_questions.into_iter().map(|x| x.3).collect(),
        follow_up,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn medians_and_days() {
        assert_eq!(median_hours(&[]), None);
        assert_eq!(median_hours(&[3600, 7200, 36000]), Some(2.0));
        assert_eq!(median_hours(&[3600, 7200]), Some(1.5));
        let d = crate::time::parse_date("2026-11-25").unwrap();
        // Midnight in Stockholm (winter, UTC+1) is 23:00 UTC the day before.
        assert_eq!(time::rfc3339(end_of_day(d)), "2026-11-25T23:00:00Z");
    }
}
