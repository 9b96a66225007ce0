//! The report for people, as blocks (headings, notes, short tables of one
//! breakdown each) built once from [`Stats`] and rendered by Markdown and
//! HTML. Numbers are formatted here in the report's language (Swedish:
//! decimal comma, no-break spaces); texts are escaped by the format.

use super::{ActorStat, Count, ReferralStat, SIZE_CLASSES, Stats};
use crate::i18n::Lang;
use crate::i18n::report::{self as r, SUPPRESSED, Words};

pub(super) enum Block {
    H2(String),
    H3(String),
    P(String),
    Table(Table),
}

pub(super) struct Table {
    pub(super) head: Vec<String>,
    pub(super) rows: Vec<Row>,
    /// The last column is text (left-aligned), not numbers.
    pub(super) text_last: bool,
}

pub(super) struct Row {
    pub(super) label: String,
    pub(super) values: Vec<String>,
    /// A total row (shown in bold).
    pub(super) total: bool,
}

/// Formats figures in one language.
#[derive(Clone, Copy)]
pub(super) struct Fmt(pub(super) Lang);

impl Fmt {
    pub(super) fn count(self, c: Count) -> String {
        c.map_or(SUPPRESSED.into(), |n| r::int(self.0, n))
    }

    pub(super) fn signed(self, x: Option<f64>) -> String {
        x.map_or(SUPPRESSED.into(), |v| r::signed(self.0, v))
    }

    /// A figure computed from counts (`base`): hidden (`..`) when one of
    /// them is, a dash when there is nothing to compute it from.
    pub(super) fn derived(
        self,
        x: Option<f64>,
        base: &[Count],
        show: impl Fn(Lang, f64) -> String,
    ) -> String {
        match x {
            Some(v) => show(self.0, v),
            None if base.iter().any(Option::is_none) => SUPPRESSED.into(),
            None => NOTHING.into(),
        }
    }
}

/// Nothing to show (a mean of no companies).
pub(super) const NOTHING: &str = "–";

fn row(label: impl Into<String>, values: Vec<String>) -> Row {
    Row {
        label: label.into(),
        values,
        total: false,
    }
}

fn head<'a>(words: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    words.into_iter().map(String::from).collect()
}

/// The lines under the title: date, questionnaire, selection, what `..`
/// means.
pub(super) fn intro(s: &Stats, w: &Words) -> Vec<String> {
    let lang = Lang::of_content(&s.language);
    let mut sel = Vec::new();
    if let Some(f) = &s.filters.from {
        sel.push(format!("≥ {f}"));
    }
    if let Some(t) = &s.filters.to {
        sel.push(format!("≤ {t}"));
    }
    if let Some(m) = &s.filters.municipality {
        sel.push(m.clone());
    }
    vec![
        format!(
            "{}: {} · {}: {} {} · {}: {}",
            w.date,
            s.date,
            w.questionnaire,
            s.questionnaire.id,
            s.questionnaire.version,
            w.min_group,
            s.min_group
        ),
        format!(
            "{}: {}",
            w.selection,
            if sel.is_empty() {
                w.all_sessions.to_string()
            } else {
                sel.join(", ")
            }
        ),
        r::suppressed_note(lang, s.min_group),
    ]
}

/// Files and sessions left out, in one line (empty when none).
pub(super) fn left_out(s: &Stats, w: &Words, f: Fmt) -> String {
    let mut parts = Vec::new();
    let empty = &s.counts.empty_sessions;
    if *empty != Some(0) {
        parts.push(format!("{} {}", f.count(*empty), w.empty));
    }
    for (n, text) in [
        (s.files.unreadable, w.unreadable),
        (s.files.other_questionnaire, w.other_q),
    ] {
        if n > 0 {
            parts.push(format!("{} {text}", r::int(f.0, n)));
        }
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!("{}.", parts.join("; "))
    }
}

pub(super) fn overview_table(s: &Stats, w: &Words, f: Fmt) -> Table {
    let c = &s.counts;
    Table {
        text_last: false,
        head: head([w.item, w.number]),
        rows: [
            (w.companies_reached, c.companies),
            (w.visits, c.visits),
            (w.follow_up_visits, c.follow_up_visits),
            (w.self_assessments, c.self_assessments),
            (w.self_imported, c.self_assessments_imported),
            (w.self_not_imported, c.self_assessments_not_imported),
            (w.sessions, c.sessions),
            (w.complete, c.complete),
            (w.partial, c.partial),
            (w.with_follow_up, c.companies_with_follow_up),
        ]
        .into_iter()
        .map(|(label, n)| row(label, vec![f.count(n)]))
        .collect(),
    }
}

/// Companies reached in one breakdown (`d`: index into `Stats::companies`).
pub(super) fn companies_table(s: &Stats, w: &Words, f: Fmt, d: usize) -> Option<Table> {
    let b = s.companies.get(d)?;
    if b.groups.is_empty() {
        return None;
    }
    Some(Table {
        text_last: false,
        head: head([w.group_by[dim_index(&b.dimension)], w.companies]),
        rows: b
            .groups
            .iter()
            .map(|g| row(g.label.clone(), vec![f.count(g.companies)]))
            .collect(),
    })
}

/// Position of a dimension in the words' arrays (industry, size,
/// municipality).
pub(super) fn dim_index(d: &str) -> usize {
    match d {
        "industry" => 0,
        "size" => 1,
        _ => 2,
    }
}

pub(super) fn needs_table(s: &Stats, w: &Words, f: Fmt) -> Option<Table> {
    let all = s.needs.first()?.groups.first()?;
    Some(Table {
        text_last: false,
        head: head([w.area, w.companies, w.mean, w.high]),
        rows: s
            .areas
            .iter()
            .zip(&all.areas)
            .map(|(a, st)| {
                row(
                    a.title.clone(),
                    vec![
                        f.count(st.n),
                        f.derived(st.mean, &[st.n], r::dec),
                        f.derived(st.high_share, &[st.n], r::pct),
                    ],
                )
            })
            .collect(),
    })
}

/// The three largest needs of each group of a needs breakdown.
pub(super) fn top_needs_table(s: &Stats, w: &Words, f: Fmt, d: &str) -> Option<Table> {
    let b = s.needs.iter().find(|b| b.dimension == d)?;
    if b.groups.is_empty() {
        return None;
    }
    let rows = b
        .groups
        .iter()
        .map(|g| {
            let mut areas: Vec<(&str, f64)> = s
                .areas
                .iter()
                .zip(&g.areas)
                .filter_map(|(a, st)| st.mean.map(|m| (a.title.as_str(), m)))
                .collect();
            areas.sort_by(|x, y| y.1.total_cmp(&x.1));
            let top = if g.suppressed || areas.is_empty() {
                SUPPRESSED.to_string()
            } else {
                areas
                    .iter()
                    .take(3)
                    .map(|(t, m)| format!("{t} {}", r::dec(f.0, *m)))
                    .collect::<Vec<_>>()
                    .join(" · ")
            };
            row(g.label.clone(), vec![f.count(g.companies), top])
        })
        .collect();
    Some(Table {
        text_last: true,
        head: head([w.group_by[dim_index(d)], w.companies, w.top_needs]),
        rows,
    })
}

fn within(f: Fmt, x: &ReferralStat) -> String {
    match x.share_within_24h {
        Some(share) => r::share_of(
            f.0,
            &f.count(x.contacted_within_24h),
            &f.count(x.due_24h),
            &r::pct(f.0, share),
        ),
        None => f.derived(None, &[x.contacted_within_24h, x.due_24h], r::pct),
    }
}

pub(super) fn referrals_table(s: &Stats, w: &Words, f: Fmt) -> Table {
    let mut rows: Vec<Row> = s
        .referrals
        .actors
        .iter()
        .chain(std::iter::once(&s.referrals.total))
        .map(|x| {
            row(
                x.name.clone(),
                vec![
                    f.count(x.sent),
                    f.count(x.contacted),
                    within(f, x),
                    f.derived(x.median_hours_to_contact, &[x.contacted], r::hours),
                ],
            )
        })
        .collect();
    if let Some(last) = rows.last_mut() {
        last.total = true;
    }
    Table {
        text_last: false,
        head: head([
            w.actor,
            w.sent,
            w.contacted,
            w.within_24h,
            w.median_to_contact,
        ]),
        rows,
    }
}

pub(super) fn outcomes_table(s: &Stats, w: &Words, f: Fmt) -> Table {
    let lang = f.0;
    let mut h = head([w.actor]);
    h.extend(
        crate::session::Outcome::ALL
            .iter()
            .map(|o| capitalised(crate::i18n::referral::outcome(lang, *o))),
    );
    h.push(w.open.into());
    let mut rows: Vec<Row> = s
        .referrals
        .actors
        .iter()
        .chain(std::iter::once(&s.referrals.total))
        .map(|x| {
            let o = &x.outcomes;
            row(
                x.name.clone(),
                [o.helped, o.not_relevant, o.declined, o.no_answer, o.open]
                    .into_iter()
                    .map(|c| f.count(c))
                    .collect(),
            )
        })
        .collect();
    if let Some(last) = rows.last_mut() {
        last.total = true;
    }
    Table {
        text_last: false,
        head: h,
        rows,
    }
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(first) => first.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

pub(super) fn actors_table(s: &Stats, w: &Words, f: Fmt) -> Table {
    Table {
        text_last: false,
        head: head([w.actor, w.recommended, w.consent, w.rec_consent]),
        rows: s
            .actors
            .iter()
            .map(|a| {
                row(
                    a.name.clone(),
                    vec![
                        f.count(a.recommended),
                        f.count(a.consent),
                        f.count(a.recommended_with_consent),
                    ],
                )
            })
            .collect(),
    }
}

pub(super) fn size_label(i: usize, w: &Words) -> String {
    match SIZE_CLASSES.get(i) {
        Some(&"unknown") => w.unknown_industry.to_string(),
        Some(c) => (*c).to_string(),
        None => String::new(),
    }
}

/// Recommendations per actor and size class.
pub(super) fn size_map_table(s: &Stats, w: &Words, f: Fmt) -> Table {
    let mut h = head([w.actor]);
    h.extend((0..SIZE_CLASSES.len()).map(|i| size_label(i, w)));
    Table {
        text_last: false,
        head: h,
        rows: s
            .actors
            .iter()
            .map(|a| {
                row(
                    a.name.clone(),
                    a.recommended_by_size.iter().map(|c| f.count(*c)).collect(),
                )
            })
            .collect(),
    }
}

fn top_industries(a: &ActorStat, w: &Words, f: Fmt) -> String {
    let mut v: Vec<(&str, u64)> = a
        .recommended_by_industry
        .iter()
        .filter_map(|(k, c)| c.filter(|n| *n > 0).map(|n| (k.as_str(), n)))
        .collect();
    v.sort_by(|x, y| y.1.cmp(&x.1).then(x.0.cmp(y.0)));
    let hidden = a.recommended_by_industry.values().any(Option::is_none);
    let mut parts: Vec<String> = v
        .iter()
        .take(3)
        .map(|(k, n)| {
            let k = if *k == "?" { w.unknown_industry } else { k };
            format!("{k} {}", r::int(f.0, *n))
        })
        .collect();
    if hidden || v.len() > 3 {
        parts.push(SUPPRESSED.into());
    }
    if parts.is_empty() {
        "–".into()
    } else {
        parts.join(" · ")
    }
}

/// The industries each actor was recommended to most.
pub(super) fn industry_map_table(s: &Stats, w: &Words, f: Fmt) -> Table {
    Table {
        text_last: true,
        head: head([w.actor, w.industries]),
        rows: s
            .actors
            .iter()
            .map(|a| row(a.name.clone(), vec![top_industries(a, w, f)]))
            .collect(),
    }
}

pub(super) fn unknown_table(s: &Stats, w: &Words, f: Fmt) -> Option<Table> {
    if s.unknown_questions.is_empty() {
        return None;
    }
    Some(Table {
        text_last: false,
        head: head([w.question, w.unknown_n, w.shown, w.share]),
        rows: s
            .unknown_questions
            .iter()
            .map(|u| {
                row(
                    u.text.clone(),
                    vec![
                        f.count(u.unknown),
                        f.count(u.shown),
                        f.derived(u.share, &[u.unknown, u.shown], r::pct),
                    ],
                )
            })
            .collect(),
    })
}

pub(super) fn follow_up_line(s: &Stats, f: Fmt) -> String {
    let fu = &s.follow_up;
    let days = fu.mean_days_between.map(|d| r::dec(f.0, d));
    r::follow_line(f.0, &f.count(fu.companies), days.as_deref())
}

/// Change per area between visits; `None` when there is nothing to show.
pub(super) fn follow_up_table(s: &Stats, w: &Words, f: Fmt) -> Option<Table> {
    let fu = &s.follow_up;
    if fu.companies.is_none_or(|n| n == 0) {
        return None;
    }
    Some(Table {
        text_last: false,
        head: head([
            w.area,
            w.companies,
            w.first,
            w.latest,
            w.change,
            w.improved,
            w.worsened,
        ]),
        rows: s
            .areas
            .iter()
            .zip(&fu.areas)
            .map(|(a, x)| {
                row(
                    a.title.clone(),
                    vec![
                        f.count(x.n),
                        f.derived(x.first_mean, &[x.n], r::dec),
                        f.derived(x.latest_mean, &[x.n], r::dec),
                        f.derived(x.change, &[x.n], r::signed),
                        f.count(x.improved),
                        f.count(x.worsened),
                    ],
                )
            })
            .collect(),
    })
}

/// The whole report for people, in order.
pub(super) fn blocks(s: &Stats) -> Vec<Block> {
    let lang = Lang::of_content(&s.language);
    let w = r::words(lang);
    let f = Fmt(lang);
    let mut b = vec![
        Block::H2(w.overview.into()),
        Block::Table(overview_table(s, w, f)),
    ];
    b.push(Block::P(w.complete_note.into()));
    let left = left_out(s, w, f);
    if !left.is_empty() {
        b.push(Block::P(left));
    }
    for d in 0..s.companies.len() {
        if let Some(t) = companies_table(s, w, f, d) {
            let title = w.companies_by[dim_index(&s.companies[d].dimension)];
            b.push(Block::H2(title.into()));
            b.push(Block::Table(t));
        }
    }
    b.push(Block::H2(w.needs_all.into()));
    b.push(Block::P(w.needs_note.into()));
    if let Some(t) = needs_table(s, w, f) {
        b.push(Block::Table(t));
    }
    if !s.context_areas.is_empty() {
        let names: Vec<&str> = s.context_areas.iter().map(|a| a.title.as_str()).collect();
        b.push(Block::P(format!(
            "{}: {}.",
            w.context_note,
            names.join(", ")
        )));
    }
    for d in ["municipality", "industry", "size"] {
        if let Some(t) = top_needs_table(s, w, f, d) {
            b.push(Block::H3(w.top_needs_by[dim_index(d)].into()));
            b.push(Block::Table(t));
        }
    }
    b.push(Block::H2(w.referrals.into()));
    let when = crate::time::local_time(&s.referrals.as_of);
    b.push(Block::P(format!(
        "{}{}",
        w.referrals_note,
        r::as_of(lang, &when)
    )));
    b.push(Block::Table(referrals_table(s, w, f)));
    b.push(Block::H3(w.outcomes.into()));
    b.push(Block::Table(outcomes_table(s, w, f)));
    b.push(Block::H2(w.actors.into()));
    b.push(Block::Table(actors_table(s, w, f)));
    b.push(Block::H3(w.map_size.into()));
    b.push(Block::Table(size_map_table(s, w, f)));
    b.push(Block::H3(w.map_industry.into()));
    b.push(Block::Table(industry_map_table(s, w, f)));
    b.push(Block::H2(w.unknown.into()));
    match unknown_table(s, w, f) {
        Some(t) => b.push(Block::Table(t)),
        None => b.push(Block::P(w.none.into())),
    }
    b.push(Block::H2(w.follow.into()));
    b.push(Block::P(follow_up_line(s, f)));
    if let Some(t) = follow_up_table(s, w, f) {
        b.push(Block::Table(t));
    }
    b
}
