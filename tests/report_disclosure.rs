//! No suppressed figure of the report can be recovered from what it
//! publishes. A property test generates data directories, runs the report
//! with a random `--min-group`, and attacks the result as a reader would:
//!
//! - every count of the JSON is a variable (`null`: unknown); the relations
//!   docs/EXPORT.md lists (totals of rows, columns and linked tables, and the
//!   same figure in two places) are equations; the equations are solved
//!   exactly (Gaussian elimination over the rationals) — no unknown may be
//!   determined;
//! - for every hidden cell another whole, non-negative solution exists that
//!   gives it a different value (the true values come from a run with
//!   `--min-group 1`), so that not even the integers pin it down;
//! - the CSV publishes the same figures as the JSON (hidden exactly where
//!   the JSON is null), and Markdown and HTML are functions of the JSON:
//!   rendering the JSON read back gives the same text.

use std::collections::BTreeMap;

use behovsanalys::questionnaire::{Questionnaire, builtin};
use behovsanalys::report::{self, ReportFormat, ReportOptions, Stats};
use proptest::prelude::*;
use serde_json::Value;

mod report_support;

fn q() -> &'static Questionnaire {
    static Q: std::sync::OnceLock<Questionnaire> = std::sync::OnceLock::new();
    Q.get_or_init(|| builtin().unwrap().questionnaire)
}

fn run(dir: &std::path::Path, min_group: u64) -> Stats {
    let opts = ReportOptions {
        min_group,
        date: behovsanalys::time::parse_date("2026-12-31"),
        threads: Some(1),
        ..ReportOptions::default()
    };
    report::compute(q(), &dir.join("sessions"), &opts).unwrap()
}

/// The published counts as variables and the relations between them.
#[derive(Default)]
struct System {
    names: Vec<String>,
    value: Vec<Option<i64>>,
    index: BTreeMap<String, usize>,
    /// Each: Σ coefficient × variable = 0.
    equations: Vec<Vec<(usize, i64)>>,
}

impl System {
    fn var(&mut self, name: &str, v: &Value) -> usize {
        if let Some(i) = self.index.get(name) {
            return *i;
        }
        let value = match v {
            Value::Null => None,
            v => Some(v.as_i64().unwrap_or_else(|| panic!("{name}: {v}"))),
        };
        self.names.push(name.to_string());
        self.value.push(value);
        self.index.insert(name.to_string(), self.names.len() - 1);
        self.names.len() - 1
    }

    /// `total = Σ parts`.
    fn sum(&mut self, total: usize, parts: &[usize]) {
        let mut e = vec![(total, 1)];
        e.extend(parts.iter().map(|p| (*p, -1)));
        self.equations.push(e);
    }

    fn same(&mut self, a: usize, b: usize) {
        self.equations.push(vec![(a, 1), (b, -1)]);
    }
}

/// Reads the JSON as a reader who knows docs/EXPORT.md would.
fn system(v: &Value) -> System {
    let mut s = System::default();
    let c = &v["counts"];
    let k = |s: &mut System, key: &str| s.var(&format!("counts.{key}"), &c[key]);
    let (sessions, visits, follow, not_imp, imp, selfs, complete, partial) = (
        k(&mut s, "sessions"),
        k(&mut s, "visits"),
        k(&mut s, "follow_up_visits"),
        k(&mut s, "self_assessments_not_imported"),
        k(&mut s, "self_assessments_imported"),
        k(&mut s, "self_assessments"),
        k(&mut s, "complete"),
        k(&mut s, "partial"),
    );
    for key in ["companies_with_follow_up", "empty_sessions"] {
        k(&mut s, key);
    }
    s.sum(sessions, &[visits, follow, not_imp]);
    s.sum(sessions, &[complete, partial]);
    s.sum(selfs, &[imp, not_imp]);
    let companies = k(&mut s, "companies");
    for b in v["companies"].as_array().unwrap() {
        let dim = b["dimension"].as_str().unwrap();
        let parts: Vec<usize> = b["groups"]
            .as_array()
            .unwrap()
            .iter()
            .map(|g| s.var(&format!("companies.{dim}.{}", g["key"]), &g["companies"]))
            .collect();
        s.sum(companies, &parts);
    }
    let n_areas = v["areas"].as_array().unwrap().len();
    let all = &v["needs"][0]["groups"][0];
    let all_n = s.var("needs.all.companies", &all["companies"]);
    s.same(all_n, companies);
    let all_areas: Vec<usize> = (0..n_areas)
        .map(|a| s.var(&format!("needs.all.{a}.n"), &all["areas"][a]["n"]))
        .collect();
    for b in v["needs"].as_array().unwrap().iter().skip(1) {
        let dim = b["dimension"].as_str().unwrap();
        let groups = b["groups"].as_array().unwrap();
        let mut parts = Vec::new();
        for g in groups {
            let key = &g["key"];
            let n = s.var(&format!("needs.{dim}.{key}.companies"), &g["companies"]);
            let same = s.var(&format!("companies.{dim}.{key}"), &Value::Null);
            s.same(n, same);
            parts.push(n);
        }
        s.sum(all_n, &parts);
        for (a, total) in all_areas.iter().enumerate() {
            let parts: Vec<usize> = groups
                .iter()
                .map(|g| {
                    s.var(
                        &format!("needs.{dim}.{}.{a}.n", g["key"]),
                        &g["areas"][a]["n"],
                    )
                })
                .collect();
            s.sum(*total, &parts);
        }
    }
    for a in v["actors"].as_array().unwrap() {
        let id = a["id"].as_str().unwrap();
        let rec = s.var(&format!("actors.{id}.recommended"), &a["recommended"]);
        for key in ["consent", "recommended_with_consent"] {
            s.var(&format!("actors.{id}.{key}"), &a[key]);
        }
        let sizes: Vec<usize> = a["recommended_by_size"]
            .as_array()
            .unwrap()
            .iter()
            .enumerate()
            .map(|(i, x)| s.var(&format!("actors.{id}.size.{i}"), x))
            .collect();
        s.sum(rec, &sizes);
        let inds: Vec<usize> = a["recommended_by_industry"]
            .as_object()
            .unwrap()
            .iter()
            .map(|(k, x)| s.var(&format!("actors.{id}.industry.{k}"), x))
            .collect();
        s.sum(rec, &inds);
    }
    const COLUMNS: [&str; 4] = ["sent", "contacted", "due_24h", "contacted_within_24h"];
    const OUTCOMES: [&str; 5] = ["helped", "not_relevant", "declined", "no_answer", "open"];
    let r = &v["referrals"];
    let mut table: Vec<Vec<usize>> = Vec::new();
    for x in r["actors"].as_array().unwrap().iter().chain([&r["total"]]) {
        let id = x["id"].as_str().unwrap();
        let mut row: Vec<usize> = COLUMNS
            .iter()
            .map(|c| s.var(&format!("referrals.{id}.{c}"), &x[*c]))
            .collect();
        row.extend(
            OUTCOMES
                .iter()
                .map(|o| s.var(&format!("referrals.{id}.{o}"), &x["outcomes"][*o])),
        );
        s.sum(row[0], &row[4..]);
        table.push(row);
    }
    if let Some((total, rows)) = table.split_last() {
        for (j, t) in total.iter().enumerate() {
            let parts: Vec<usize> = rows.iter().map(|r| r[j]).collect();
            s.sum(*t, &parts);
        }
    }
    for u in v["unknown_questions"].as_array().unwrap() {
        for key in ["unknown", "shown"] {
            s.var(&format!("unknown.{}.{key}", u["question"]), &u[key]);
        }
    }
    let f = &v["follow_up"];
    s.var("follow_up.companies", &f["companies"]);
    for (a, x) in f["areas"].as_array().unwrap().iter().enumerate() {
        for key in ["n", "improved", "worsened"] {
            s.var(&format!("follow_up.{a}.{key}"), &x[key]);
        }
    }
    s
}

/// Exact rationals for the attack.
#[derive(Clone, Copy, Debug, PartialEq)]
struct R(i128, i128);

impl R {
    fn norm(a: i128, b: i128) -> R {
        fn gcd(a: i128, b: i128) -> i128 {
            if b == 0 {
                a.abs().max(1)
            } else {
                gcd(b, a % b)
            }
        }
        let g = gcd(a, b) * b.signum();
        R(a / g, b / g)
    }
    fn zero(self) -> bool {
        self.0 == 0
    }
    fn sub(self, o: R) -> R {
        R::norm(self.0 * o.1 - o.0 * self.1, self.1 * o.1)
    }
    fn mul(self, o: R) -> R {
        R::norm(self.0 * o.0, self.1 * o.1)
    }
    fn div(self, o: R) -> R {
        R::norm(self.0 * o.1, self.1 * o.0)
    }
}

/// The reduced row echelon form of the equations in the unknowns:
/// `(unknowns, rows, pivot column of each row)`.
fn rref(s: &System) -> (Vec<usize>, Vec<Vec<R>>, Vec<usize>) {
    let unknown: Vec<usize> = (0..s.names.len())
        .filter(|i| s.value[*i].is_none())
        .collect();
    let col = |v: usize| unknown.binary_search(&v).ok();
    let mut rows: Vec<Vec<R>> = s
        .equations
        .iter()
        .map(|e| {
            let mut r = vec![R(0, 1); unknown.len()];
            for (v, c) in e {
                if let Some(j) = col(*v) {
                    r[j] = R::norm(r[j].0 + i128::from(*c) * r[j].1, r[j].1);
                }
            }
            r
        })
        .filter(|r| r.iter().any(|x| !x.zero()))
        .collect();
    let mut pivots = Vec::new();
    let mut top = 0;
    for j in 0..unknown.len() {
        let Some(p) = (top..rows.len()).find(|r| !rows[*r][j].zero()) else {
            continue;
        };
        rows.swap(top, p);
        let lead = rows[top][j];
        for x in rows[top].iter_mut() {
            *x = x.div(lead);
        }
        let pivot_row = rows[top].clone();
        for (r, row) in rows.iter_mut().enumerate() {
            if r != top && !row[j].zero() {
                let f = row[j];
                for (x, p) in row.iter_mut().zip(&pivot_row) {
                    *x = x.sub(p.mul(f));
                }
            }
        }
        pivots.push(j);
        top += 1;
    }
    rows.truncate(top);
    (unknown, rows, pivots)
}

/// Names of the unknowns the published figures determine.
fn recoverable(s: &System) -> Vec<String> {
    let (unknown, rows, pivots) = rref(s);
    rows.iter()
        .zip(&pivots)
        .filter(|(r, p)| r.iter().enumerate().all(|(k, x)| k == **p || x.zero()))
        .map(|(_, p)| s.names[unknown[*p]].clone())
        .collect()
}

/// The hidden cells that no other whole, non-negative solution moves.
///
/// From the row echelon form, every solution is the true one moved along
/// the free unknowns (the pivots follow). Moves of one free unknown by ±1,
/// and of two that share an equation by ±1 each, are tried; a move that
/// keeps every cell whole and non-negative shows that each cell it changes
/// could have another value. (A cell no such move frees is reported; a
/// wider search might still free it, so this errs on the strict side.)
fn pinned_by_integers(s: &System, truth: &System) -> Vec<String> {
    let (unknown, rows, pivots) = rref(s);
    let t: Vec<i128> = unknown
        .iter()
        .map(|v| {
            let name = &s.names[*v];
            let i = truth.index[name];
            i128::from(truth.value[i].unwrap_or_else(|| panic!("{name} hidden at min-group 1")))
        })
        .collect();
    let free: Vec<usize> = (0..unknown.len()).filter(|j| !pivots.contains(j)).collect();
    let mut moves: Vec<Vec<(usize, i128)>> = Vec::new();
    for (a, f) in free.iter().enumerate() {
        for sa in [1i128, -1] {
            moves.push(vec![(*f, sa)]);
            for g in &free[a + 1..] {
                if rows.iter().any(|r| !r[*f].zero() && !r[*g].zero()) {
                    for sb in [1i128, -1] {
                        moves.push(vec![(*f, sa), (*g, sb)]);
                    }
                }
            }
        }
    }
    let mut free_to_move = vec![false; unknown.len()];
    for m in &moves {
        let mut d = vec![R(0, 1); unknown.len()];
        for (f, s) in m {
            d[*f] = R(*s, 1);
        }
        for (r, p) in rows.iter().zip(&pivots) {
            let mut x = R(0, 1);
            for (f, s) in m {
                x = x.sub(r[*f].mul(R(*s, 1)));
            }
            d[*p] = x;
        }
        let whole = d.iter().all(|x| x.1 == 1);
        if whole && t.iter().zip(&d).all(|(a, x)| a + x.0 >= 0) {
            for (j, x) in d.iter().enumerate() {
                if !x.zero() {
                    free_to_move[j] = true;
                }
            }
        }
    }
    (0..unknown.len())
        .filter(|j| !free_to_move[*j])
        .map(|j| s.names[unknown[j]].clone())
        .collect()
}

/// A hidden part of a total that is published as 0 is 0 whatever is
/// hidden (no company answered the area at all, so none of a hidden group
/// did): that says nothing about the group.
fn structural_zero(s: &System, name: &str) -> bool {
    let v = s.index[name];
    s.equations
        .iter()
        .any(|e| e.contains(&(v, -1)) && e.iter().any(|(t, c)| *c == 1 && s.value[*t] == Some(0)))
}

fn check(dir: &std::path::Path, min_group: u64) -> Result<usize, TestCaseError> {
    let stats = run(dir, min_group);
    let json = report::render(&stats, ReportFormat::Json);
    let v: Value = serde_json::from_str(&json).unwrap();
    let s = system(&v);
    let hidden = s.value.iter().filter(|x| x.is_none()).count();
    let found = recoverable(&s);
    prop_assert!(
        found.is_empty(),
        "recoverable at min-group {}: {:?}",
        min_group,
        found
    );
    let truth =
        system(&serde_json::from_str(&report::render(&run(dir, 1), ReportFormat::Json)).unwrap());
    prop_assert!(truth.value.iter().all(Option::is_some));
    let pinned: Vec<String> = pinned_by_integers(&s, &truth)
        .into_iter()
        .filter(|name| !structural_zero(&s, name))
        .collect();
    prop_assert!(
        pinned.is_empty(),
        "pinned at min-group {}: {:?}",
        min_group,
        pinned
    );
    // Markdown, HTML and CSV show nothing the JSON does not.
    let back: Stats = serde_json::from_str(&json).unwrap();
    for f in [ReportFormat::Md, ReportFormat::Html, ReportFormat::Csv] {
        prop_assert_eq!(report::render(&back, f), report::render(&stats, f));
    }
    check_csv(&report::render(&stats, ReportFormat::Csv), &v)?;
    Ok(hidden)
}

/// Every count of the CSV is the JSON's, hidden exactly where it is null.
fn check_csv(csv: &str, v: &Value) -> Result<(), TestCaseError> {
    let mut lines = csv.split("\r\n").filter(|l| !l.is_empty());
    lines.next();
    for line in lines {
        // No label in these records holds a comma or a quote except
        // question texts (table `unknown`), which are skipped here.
        if line.contains('"') {
            continue;
        }
        let c: Vec<&str> = line.split(',').collect();
        let (table, dim, group, item, metric, value, sup) =
            (c[6], c[7], c[8], c[10], c[11], c[12], c[13]);
        let json = match (table, metric) {
            ("counts", m) => &v["counts"][m],
            ("companies", _) => v["companies"]
                .as_array()
                .unwrap()
                .iter()
                .find(|b| b["dimension"] == dim)
                .and_then(|b| {
                    b["groups"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .find(|g| g["key"] == group)
                })
                .map_or(&Value::Null, |g| &g["companies"]),
            ("referrals", m) if !m.contains("share") && !m.contains("median") => {
                let r = &v["referrals"];
                let x = if item == "all" {
                    &r["total"]
                } else {
                    r["actors"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .find(|x| x["id"] == item)
                        .unwrap()
                };
                if x[m].is_null() && !x["outcomes"][m].is_null() || x.get(m).is_none() {
                    &x["outcomes"][m]
                } else {
                    &x[m]
                }
            }
            _ => continue,
        };
        match json {
            Value::Null => prop_assert_eq!((value, sup), ("", "true"), "{}", line),
            n => {
                prop_assert_eq!(value, n.to_string(), "{}", line);
                prop_assert_eq!(sup, "false", "{}", line);
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn nothing_hidden_can_be_recovered(companies in 1usize..45, seed in 0u64..1_000_000, min_group in 2u64..7) {
        let dir = tempfile::tempdir().unwrap();
        report_support::write(q(), dir.path(), &report_support::population(q(), companies, seed));
        check(dir.path(), min_group)?;
    }
}

/// The leak found by hand: 2 assessments, visits hidden, 0
/// self-assessments published, so the hidden number was 2 − 0.
#[test]
fn the_issues_leak_is_closed() {
    let dir = tempfile::tempdir().unwrap();
    let sessions = dir.path().join("sessions");
    std::fs::create_dir_all(&sessions).unwrap();
    for i in 0..2 {
        std::fs::write(
            sessions.join(format!("v{i}.toml")),
            format!("questionnaire = \"exportbehov\"\n[company]\nname = \"F{i}\"\n[answers]\nexporterar = \"nej\"\n[meta]\ncreated = \"2026-05-0{}T10:00:00Z\"\n", i + 1),
        )
        .unwrap();
    }
    let v: Value =
        serde_json::from_str(&report::render(&run(dir.path(), 5), ReportFormat::Json)).unwrap();
    let c = &v["counts"];
    assert!(c["sessions"].is_null() && c["visits"].is_null(), "{c}");
    assert_eq!(c["self_assessments_not_imported"], 0);
    assert!(recoverable(&system(&v)).is_empty());
    check(dir.path(), 5).unwrap();
}

/// Larger populations hide fewer figures but still protect the small ones.
#[test]
fn a_year_of_a_region() {
    let dir = tempfile::tempdir().unwrap();
    report_support::write(q(), dir.path(), &report_support::population(q(), 150, 99));
    let hidden = check(dir.path(), 5).unwrap();
    assert!(hidden > 0);
}
