//! The report's figures over a generated data directory (visits, imported
//! self-assessments with and without the company's own file, follow-ups
//! linked by `previous` or only by number or name, empty and partial
//! sessions, referrals in every state) equal what this test computes on
//! its own from the generator's ground truth — a separate, simple
//! implementation: which sessions are one company and what kind each
//! session is are known here, not worked out from the files.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

#[path = "support/cli.rs"]
mod cli;
use behovsanalys::answers::{self, Answer, AnswersFile, Mode};
use behovsanalys::questionnaire::{Audience, Kind, Questionnaire, builtin};
use behovsanalys::scoring;
use cli::bin;
use serde_json::Value;

mod report_support;
use report_support::{Company, HOUR, Sess, population, text, write};

fn q() -> Questionnaire {
    builtin().unwrap().questionnaire
}

fn report(data: &Path, args: &[&str]) -> String {
    let out = bin()
        .arg("report")
        .arg("--data-dir")
        .arg(data)
        .args(["--date", "2026-12-31"])
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn json(data: &Path, args: &[&str]) -> Value {
    let mut a = vec!["--format", "json"];
    a.extend_from_slice(args);
    serde_json::from_str(&report(data, &a)).unwrap()
}

/// 2026-12-31 24:00 in Stockholm.
const AS_OF: i64 = 1_798_758_000;

/// One session as this test reads it.
struct Read<'a> {
    s: &'a Sess,
    file: AnswersFile,
    eval: scoring::Evaluation,
}

impl Read<'_> {
    fn shown(&self, q: &Questionnaire, i: usize) -> bool {
        let applies = match q.questions[i].audience {
            Audience::Both => true,
            Audience::Advisor => !self.s.self_mode,
            Audience::Company => self.s.self_mode,
        };
        self.eval.visible[i] && applies
    }

    fn complete(&self, q: &Questionnaire) -> bool {
        (0..q.questions.len()).all(|i| {
            !self.shown(q, i)
                || matches!(q.questions[i].kind, Kind::Text)
                || self.file.answers.contains_key(&q.questions[i].id)
        })
    }

    fn marked(&self) -> bool {
        self.s.previous.is_some() || self.s.origin == Some("follow-up")
    }
}

fn read<'a>(q: &Questionnaire, c: &Company, s: &'a Sess, i: usize) -> Read<'a> {
    let t = text(q, c, s, i % 2 == 1);
    let file = answers::parse("s.toml", &t, q, Mode::Lenient)
        .unwrap()
        .answers;
    let eval = scoring::evaluate(q, &file.answers);
    Read { s, file, eval }
}

fn size_class(n: Option<u64>) -> &'static str {
    match n {
        Some(0..=9) => "0-9",
        Some(10..=49) => "10-49",
        Some(50..=249) => "50-249",
        Some(_) => "250+",
        None => "unknown",
    }
}

fn industry(sni: Option<&str>) -> String {
    match sni.map(|s| &s[..2]) {
        Some("10" | "25" | "28") => "C",
        Some("46") => "G",
        Some("62") => "J",
        Some("71") => "M",
        Some(other) => panic!("no letter for {other}"),
        None => "?",
    }
    .to_string()
}

#[derive(Default, Debug, PartialEq)]
struct RefTally {
    sent: u64,
    contacted: u64,
    due: u64,
    within: u64,
    outcomes: BTreeMap<&'static str, u64>,
    hours: Vec<i64>,
}

fn median_hours(v: &[i64]) -> Option<f64> {
    let mut v = v.to_vec();
    v.sort();
    let n = v.len();
    if n == 0 {
        return None;
    }
    let m = if n % 2 == 1 {
        v[n / 2] as f64
    } else {
        (v[n / 2 - 1] + v[n / 2]) as f64 / 2.0
    };
    Some((m / 3600.0 * 10.0).round() / 10.0)
}

fn close(a: &Value, b: f64, what: &str) {
    let a = a
        .as_f64()
        .unwrap_or_else(|| panic!("{what}: {a} is not a number"));
    assert!((a - b).abs() <= 0.051, "{what}: report {a}, expected {b}");
}

fn group<'a>(v: &'a Value, table: &str, dim: &str, key: &str) -> &'a Value {
    v[table]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["dimension"] == dim)
        .unwrap()["groups"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["key"] == key)
        .unwrap_or_else(|| panic!("{table}/{dim}/{key}"))
}

#[test]
fn the_report_counts_what_the_centre_reports() {
    let q = q();
    let companies = population(&q, 160, 7);
    let dir = tempfile::tempdir().unwrap();
    write(&q, dir.path(), &companies);
    let need_areas: Vec<usize> = (0..q.areas.len())
        .filter(|a| {
            q.actors
                .iter()
                .any(|x| x.weights.iter().any(|(w, _)| w == a))
        })
        .collect();

    // The figures, computed here from the ground truth.
    let mut n = BTreeMap::<&str, u64>::new();
    let mut by = [
        BTreeMap::<String, u64>::new(),
        BTreeMap::new(),
        BTreeMap::new(),
    ];
    let mut need_sum = vec![(0u64, 0f64, 0u64); q.areas.len()];
    let mut recommended = vec![0u64; q.actors.len()];
    let mut consent = vec![0u64; q.actors.len()];
    let mut refs: BTreeMap<String, RefTally> = BTreeMap::new();
    let mut unknown = vec![0u64; q.questions.len()];
    let mut shown = vec![0u64; q.questions.len()];
    let mut follow = vec![(0u64, 0f64, 0f64, 0u64, 0u64); q.areas.len()];
    let mut compared = 0;
    for c in &companies {
        let reads: Vec<Read> = c
            .sessions
            .iter()
            .enumerate()
            .filter(|(_, s)| s.on_disk)
            .map(|(i, s)| read(&q, c, s, i))
            .collect();
        *n.entry("empty").or_default() +=
            reads.iter().filter(|r| r.file.answers.is_empty()).count() as u64;
        let live: Vec<&Read> = reads
            .iter()
            .filter(|r| !r.file.answers.is_empty())
            .collect();
        let imported_here: BTreeSet<&str> = live
            .iter()
            .filter_map(|r| r.s.imported_id.as_deref())
            .collect();
        let counted: Vec<&Read> = live
            .into_iter()
            .filter(|r| !(r.s.self_mode && imported_here.contains(r.s.id.as_str())))
            .collect();
        if counted.is_empty() {
            continue;
        }
        *n.entry("companies").or_default() += 1;
        let mut advisor: Vec<&Read> = counted.iter().copied().filter(|r| !r.s.self_mode).collect();
        advisor.sort_by_key(|r| r.s.created);
        for r in &counted {
            *n.entry("sessions").or_default() += 1;
            *n.entry(if r.complete(&q) {
                "complete"
            } else {
                "partial"
            })
            .or_default() += 1;
            if r.s.self_mode {
                *n.entry("self_not_imported").or_default() += 1;
            } else if r.s.origin == Some("self-assessment") {
                *n.entry("self_imported").or_default() += 1;
            }
            for i in 0..q.questions.len() {
                if r.shown(&q, i) {
                    shown[i] += 1;
                    if r.file.answers.get(&q.questions[i].id) == Some(&Answer::Unknown) {
                        unknown[i] += 1;
                    }
                }
            }
            for x in &r.s.referrals {
                if x.sent > AS_OF {
                    continue;
                }
                for key in [x.actor.clone(), "all".to_string()] {
                    let t = refs.entry(key).or_default();
                    t.sent += 1;
                    let contacted = x.contacted.filter(|c| *c <= AS_OF);
                    if let Some(c) = contacted {
                        t.contacted += 1;
                        t.hours.push(c - x.sent);
                    }
                    let within = contacted.is_some_and(|c| c - x.sent <= 24 * HOUR);
                    t.within += u64::from(within);
                    t.due += u64::from(within || x.sent + 24 * HOUR <= AS_OF);
                    let outcome = x
                        .outcome
                        .filter(|(_, at)| *at <= AS_OF)
                        .map_or("open", |o| o.0);
                    *t.outcomes.entry(outcome).or_default() += 1;
                }
            }
        }
        if let Some(first) = advisor.first() {
            let visit = !first.marked();
            *n.entry("visits").or_default() += u64::from(visit);
            *n.entry("follow_up_visits").or_default() += advisor.len() as u64 - u64::from(visit);
            if advisor.len() > 1 || !visit {
                *n.entry("companies_with_follow_up").or_default() += 1;
            }
        }
        if advisor.len() > 1 {
            compared += 1;
            let (f, l) = (advisor[0], advisor[advisor.len() - 1]);
            for a in &need_areas {
                if let (Some(x), Some(y)) = (f.eval.areas[*a].need, l.eval.areas[*a].need) {
                    let s = &mut follow[*a];
                    s.0 += 1;
                    s.1 += x;
                    s.2 += y;
                    s.3 += u64::from(y - x <= -10.0);
                    s.4 += u64::from(y - x >= 10.0);
                }
            }
        }
        // The session that stands for the company.
        let rep = counted
            .iter()
            .min_by_key(|r| (!r.complete(&q), r.s.self_mode, r.s.created))
            .unwrap();
        let m = c.municipality.clone().unwrap_or_else(|| "?".into());
        *by[0].entry(m).or_default() += 1;
        *by[1].entry(industry(c.sni.as_deref())).or_default() += 1;
        *by[2]
            .entry(size_class(rep.file.employees(&q)).to_string())
            .or_default() += 1;
        for a in &need_areas {
            if let Some(v) = rep.eval.areas[*a].need {
                let s = &mut need_sum[*a];
                s.0 += 1;
                s.1 += v;
                s.2 += u64::from(v >= 67.0);
            }
        }
        for r in &rep.eval.referrals {
            recommended[r.actor] += u64::from(r.recommended);
        }
        for (i, a) in q.actors.iter().enumerate() {
            consent[i] += u64::from(rep.file.consent.get(&a.id) == Some(&true));
        }
    }
    *n.entry("self_assessments").or_default() = n.get("self_imported").copied().unwrap_or(0)
        + n.get("self_not_imported").copied().unwrap_or(0);

    // The report, with nothing suppressed.
    let v = json(dir.path(), &["--min-group", "1"]);
    let counts = &v["counts"];
    for (key, mine) in [
        ("companies", "companies"),
        ("sessions", "sessions"),
        ("visits", "visits"),
        ("follow_up_visits", "follow_up_visits"),
        ("self_assessments", "self_assessments"),
        ("self_assessments_imported", "self_imported"),
        ("self_assessments_not_imported", "self_not_imported"),
        ("complete", "complete"),
        ("partial", "partial"),
        ("companies_with_follow_up", "companies_with_follow_up"),
        ("empty_sessions", "empty"),
    ] {
        assert_eq!(counts[key], n.get(mine).copied().unwrap_or(0), "{key}");
    }
    // The population has every kind of thing the report distinguishes.
    for k in [
        "self_imported",
        "self_not_imported",
        "follow_up_visits",
        "partial",
        "empty",
    ] {
        assert!(
            n.get(k).copied().unwrap_or(0) > 0,
            "the generator made no {k}"
        );
    }
    for (d, dim) in ["municipality", "industry", "size"].iter().enumerate() {
        for (key, count) in &by[d] {
            assert_eq!(
                group(&v, "companies", dim, key)["companies"],
                *count,
                "{dim} {key}"
            );
            assert_eq!(
                group(&v, "needs", dim, key)["companies"],
                *count,
                "{dim} {key}"
            );
        }
        let groups = v["companies"]
            .as_array()
            .unwrap()
            .iter()
            .find(|b| b["dimension"] == *dim)
            .unwrap();
        assert_eq!(
            groups["groups"].as_array().unwrap().len(),
            by[d].len(),
            "{dim}"
        );
    }
    // Needs: need areas only, one session per company.
    let ids: Vec<&str> = v["areas"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        need_areas
            .iter()
            .map(|a| q.areas[*a].id.as_str())
            .collect::<Vec<_>>()
    );
    let context: Vec<&str> = v["context_areas"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap())
        .collect();
    assert_eq!(context.len() + ids.len(), q.areas.len());
    let all = &v["needs"][0]["groups"][0];
    for (k, a) in need_areas.iter().enumerate() {
        let (known, sum, high) = need_sum[*a];
        let st = &all["areas"][k];
        assert_eq!(st["n"], known, "{}", q.areas[*a].id);
        close(&st["mean"], sum / known as f64, &q.areas[*a].id);
        close(
            &st["high_share"],
            high as f64 * 100.0 / known as f64,
            &q.areas[*a].id,
        );
    }
    for (i, a) in q.actors.iter().enumerate() {
        let x = v["actors"]
            .as_array()
            .unwrap()
            .iter()
            .find(|x| x["id"] == a.id)
            .unwrap();
        assert_eq!(x["recommended"], recommended[i], "{}", a.id);
        assert_eq!(x["consent"], consent[i], "{}", a.id);
    }
    // Referrals: the 24-hour share and the outcomes per actor.
    assert_eq!(v["referrals"]["as_of"], "2026-12-31T23:00:00Z");
    assert_eq!(v["referrals"]["window_hours"], 24);
    let mut checked = 0;
    for x in v["referrals"]["actors"]
        .as_array()
        .unwrap()
        .iter()
        .chain([&v["referrals"]["total"]])
    {
        let t = refs.remove(x["id"].as_str().unwrap()).unwrap_or_default();
        assert_eq!(x["sent"], t.sent, "{}", x["id"]);
        assert_eq!(x["contacted"], t.contacted, "{}", x["id"]);
        assert_eq!(x["due_24h"], t.due, "{}", x["id"]);
        assert_eq!(x["contacted_within_24h"], t.within, "{}", x["id"]);
        if t.due > 0 {
            close(
                &x["share_within_24h"],
                t.within as f64 * 100.0 / t.due as f64,
                "share",
            );
        } else {
            assert!(x["share_within_24h"].is_null());
        }
        match median_hours(&t.hours) {
            Some(m) => close(&x["median_hours_to_contact"], m, "median"),
            None => assert!(x["median_hours_to_contact"].is_null()),
        }
        for o in ["helped", "not_relevant", "declined", "no_answer", "open"] {
            assert_eq!(
                x["outcomes"][o],
                t.outcomes.get(o).copied().unwrap_or(0),
                "{} {o}",
                x["id"]
            );
        }
        checked += usize::from(t.sent > 0);
    }
    assert!(checked > 3, "referrals to several actors");
    // "Vet ej" questions: the ten most frequent.
    let mut top: Vec<usize> = (0..q.questions.len()).filter(|i| unknown[*i] > 0).collect();
    top.sort_by(|a, b| unknown[*b].cmp(&unknown[*a]).then(a.cmp(b)));
    top.truncate(10);
    let listed: Vec<&Value> = v["unknown_questions"].as_array().unwrap().iter().collect();
    assert_eq!(listed.len(), top.len());
    for (i, x) in top.iter().zip(listed) {
        assert_eq!(x["question"], q.questions[*i].id);
        assert_eq!(x["unknown"], unknown[*i]);
        assert_eq!(x["shown"], shown[*i]);
    }
    // Follow-up: first against latest visit, where both have the area.
    assert_eq!(v["follow_up"]["companies"], compared);
    for (k, a) in need_areas.iter().enumerate() {
        let (m, f, l, imp, wor) = follow[*a];
        let x = &v["follow_up"]["areas"][k];
        assert_eq!(x["n"], m);
        if m > 0 {
            close(&x["first_mean"], f / m as f64, "first");
            close(&x["latest_mean"], l / m as f64, "latest");
            close(&x["change"], (l - f) / m as f64, "change");
        }
        assert_eq!(x["improved"], imp);
        assert_eq!(x["worsened"], wor);
    }

    // With the default minimum group, every figure shown is the true one.
    let s = json(dir.path(), &[]);
    let mut shown_n = 0;
    let mut hidden_n = 0;
    same_where_shown(&s, &v, "", &mut shown_n, &mut hidden_n);
    assert!(
        hidden_n > 0 && shown_n > hidden_n,
        "{shown_n} shown, {hidden_n} hidden"
    );
}

/// Every value of `shown` is the same in `truth` (nulls aside).
fn same_where_shown(shown: &Value, truth: &Value, path: &str, n: &mut usize, h: &mut usize) {
    match (shown, truth) {
        (Value::Object(a), Value::Object(b)) => {
            for (k, x) in a {
                if k != "min_group" && k != "suppressed" {
                    same_where_shown(x, &b[k], &format!("{path}.{k}"), n, h);
                }
            }
        }
        (Value::Array(a), Value::Array(b)) if path.ends_with("unknown_questions") => {
            // Listed in another order when some are hidden.
            for x in a {
                let y = b.iter().find(|y| y["question"] == x["question"]).unwrap();
                same_where_shown(x, y, path, n, h);
            }
        }
        (Value::Array(a), Value::Array(b)) => {
            assert_eq!(a.len(), b.len(), "{path}");
            for (i, (x, y)) in a.iter().zip(b).enumerate() {
                same_where_shown(x, y, &format!("{path}[{i}]"), n, h);
            }
        }
        (Value::Null, Value::Null) => {}
        (Value::Null, _) => *h += 1,
        (a, b) => {
            *n += 1;
            assert_eq!(a, b, "{path}");
        }
    }
}

#[test]
fn the_swedish_markdown_is_readable_and_the_csv_loads_in_a_bi_tool() {
    let q = q();
    let dir = tempfile::tempdir().unwrap();
    write(&q, dir.path(), &population(&q, 120, 3));
    let md = report(dir.path(), &["--lang", "sv"]);
    // Decimal commas, a space before %, no decimal points in numbers.
    assert!(md.contains(",") && md.contains("\u{a0}%"), "{md}");
    let number_with_point = regex_like_decimal_point(&md);
    assert!(number_with_point.is_none(), "{number_with_point:?}");
    // Short tables: no more than 7 columns anywhere.
    for line in md.lines().filter(|l| l.starts_with('|')) {
        let cols = line.matches(" | ").count() + 1;
        assert!(cols <= 7, "{cols} columns: {line}");
    }
    assert!(md.contains("## Remisser per aktör"), "{md}");
    assert!(md.contains("kalendertimmar"), "{md}");
    // English: decimal points.
    let en = report(dir.path(), &["--lang", "en"]);
    assert!(en.contains("## Referrals per actor") && en.contains("calendar hours"));

    let csv = report(dir.path(), &["--format", "csv"]);
    let mut lines = csv.split("\r\n").filter(|l| !l.is_empty());
    assert_eq!(
        lines.next().unwrap(),
        "schema_version,report_date,period_from,period_to,municipality,min_group,table,dimension,group,label,item,metric,value,suppressed"
    );
    let mut hidden = 0;
    let mut negative = 0;
    for line in lines {
        let cells = split_csv(line);
        assert_eq!(cells.len(), 14, "{line}");
        assert_eq!(cells[0], "3");
        assert_eq!(cells[1], "2026-12-31");
        let (value, suppressed) = (&cells[12], &cells[13]);
        match suppressed.as_str() {
            "true" => {
                assert!(value.is_empty(), "{line}");
                hidden += 1;
            }
            "false" => assert!(value.is_empty() || value.parse::<f64>().is_ok(), "{line}"),
            other => panic!("suppressed = {other}: {line}"),
        }
        assert!(
            !value.starts_with('\''),
            "a number is never guarded: {line}"
        );
        negative += usize::from(value.starts_with('-'));
    }
    assert!(hidden > 0);
    assert!(
        negative > 0,
        "falling needs at follow-ups are negative numbers"
    );
}

/// The first number written with a decimal point (`12.5`) in `s`, outside
/// words such as version numbers after "exportbehov".
fn regex_like_decimal_point(s: &str) -> Option<String> {
    for line in s.lines().filter(|l| l.starts_with('|')) {
        let b = line.as_bytes();
        for i in 1..b.len().saturating_sub(1) {
            if b[i] == b'.' && b[i - 1].is_ascii_digit() && b[i + 1].is_ascii_digit() {
                return Some(line.to_string());
            }
        }
    }
    None
}

/// Cells of one CSV record (RFC 4180 quotes).
fn split_csv(line: &str) -> Vec<String> {
    let mut cells = vec![String::new()];
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', false) => quoted = true,
            ('"', true) if chars.peek() == Some(&'"') => {
                chars.next();
                cells.last_mut().unwrap().push('"');
            }
            ('"', true) => quoted = false,
            (',', false) => cells.push(String::new()),
            (c, _) => cells.last_mut().unwrap().push(c),
        }
    }
    cells
}

#[test]
fn a_period_selects_sessions_by_the_day_they_were_made_not_the_last_save() {
    let dir = tempfile::tempdir().unwrap();
    let sessions = dir.path().join("sessions");
    std::fs::create_dir_all(&sessions).unwrap();
    // Made in March; saved again in September (a referral marked).
    std::fs::write(
        sessions.join("a.toml"),
        "questionnaire = \"exportbehov\"\n[answers]\nexporterar = \"ja_regelbundet\"\n[meta]\ncreated = \"2026-03-01T09:00:00Z\"\nupdated = \"2026-09-01T09:00:00Z\"\n",
    )
    .unwrap();
    let v = json(
        dir.path(),
        &[
            "--min-group",
            "1",
            "--from",
            "2026-08-01",
            "--to",
            "2026-12-31",
        ],
    );
    assert_eq!(v["counts"]["sessions"], 0);
    let v = json(
        dir.path(),
        &[
            "--min-group",
            "1",
            "--from",
            "2026-03-01",
            "--to",
            "2026-03-31",
        ],
    );
    assert_eq!(v["counts"]["sessions"], 1);
}

/// An area no actor weighs describes the company, it is not a need: it is
/// listed apart and has no figures.
#[test]
fn an_area_no_actor_weighs_is_context_not_a_need() {
    let dir = tempfile::tempdir().unwrap();
    let qfile = dir.path().join("q.toml");
    std::fs::write(
        &qfile,
        r#"[questionnaire]
id = "liten"
version = "1"
languages = ["sv", "en"]
title = "Liten"

[[area]]
id = "finansiering"
title = "Finansiering"

[[area]]
id = "erfarenhet"
title = "Erfarenhet"

[[actor]]
id = "almi"
name = "Almi"
description = "Lån"
weights = { finansiering = 1.0 }

[[section]]
id = "s"
title = "S"

[[section.question]]
id = "lan"
kind = "single"
text = "Lån?"
[[section.question.option]]
id = "ja"
label = "Ja"
needs = { finansiering = 4, erfarenhet = 2 }
[[section.question.option]]
id = "nej"
label = "Nej"
"#,
    )
    .unwrap();
    std::fs::create_dir_all(dir.path().join("sessions")).unwrap();
    for i in 0..6 {
        std::fs::write(
            dir.path().join(format!("sessions/s{i}.toml")),
            format!(
                "questionnaire = \"liten\"\n[company]\nname = \"F{i}\"\n[answers]\nlan = \"{}\"\n",
                if i % 2 == 0 { "ja" } else { "nej" }
            ),
        )
        .unwrap();
    }
    let v = json(
        dir.path(),
        &[
            "--questionnaire",
            qfile.to_str().unwrap(),
            "--min-group",
            "1",
        ],
    );
    assert_eq!(v["areas"][0]["id"], "finansiering");
    assert_eq!(v["areas"].as_array().unwrap().len(), 1);
    assert_eq!(v["context_areas"][0]["id"], "erfarenhet");
    let all = &v["needs"][0]["groups"][0]["areas"];
    assert_eq!(all.as_array().unwrap().len(), 1);
    assert_eq!(all[0]["mean"], 50.0);
    let md = report(
        dir.path(),
        &[
            "--questionnaire",
            qfile.to_str().unwrap(),
            "--min-group",
            "1",
        ],
    );
    assert!(!md.contains("| Erfarenhet |"), "{md}");
    assert!(
        md.contains("Inte behov") && md.contains("Erfarenhet."),
        "{md}"
    );
}
