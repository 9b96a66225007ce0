//! Load on `behovsanalys serve` from this machine, over loopback only:
//! 50 simulated companies at once, each walking the whole form (start,
//! company, every section with a few answers, referral requests, check,
//! send, receipt) over a kept-alive connection, as fast as the server
//! answers. Bounded: `WEB_BENCH_ROUNDS` walks per company (default 3) and
//! at most `WEB_BENCH_SECONDS` (default 120 s). Reports pages per second,
//! client-side latency percentiles, the server's own time per request
//! (from its access log) by route, and the server's memory: idle, with
//! 1,000 open drafts, and after the load.
//!
//! `cargo bench --bench web` (or `bash benches/web_load.sh`, which also
//! records the machine's conditions).

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const COMPANIES: usize = 50;

struct Conn {
    addr: SocketAddr,
    stream: Option<BufReader<TcpStream>>,
    cookies: Vec<(String, String)>,
}

struct Resp {
    status: u16,
    location: Option<String>,
    body: String,
}

impl Conn {
    fn new(addr: SocketAddr) -> Conn {
        Conn {
            addr,
            stream: None,
            cookies: Vec::new(),
        }
    }

    fn request(&mut self, method: &str, path: &str, body: &str) -> Resp {
        for _ in 0..2 {
            if self.stream.is_none() {
                let s = TcpStream::connect(self.addr).expect("connect");
                s.set_nodelay(true).ok();
                s.set_read_timeout(Some(Duration::from_secs(30))).ok();
                self.stream = Some(BufReader::new(s));
            }
            let cookie: String = self
                .cookies
                .iter()
                .map(|(k, v)| format!("{k}={v}"))
                .collect::<Vec<_>>()
                .join("; ");
            let mut head = format!(
                "{method} {path} HTTP/1.1\r\nHost: {}\r\nAccept-Language: sv\r\n",
                self.addr
            );
            if !cookie.is_empty() {
                head.push_str(&format!("Cookie: {cookie}\r\n"));
            }
            if method == "POST" {
                head.push_str(&format!(
                    "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n",
                    body.len()
                ));
            }
            head.push_str("\r\n");
            head.push_str(body);
            let Some(s) = self.stream.as_mut() else {
                continue;
            };
            if s.get_mut().write_all(head.as_bytes()).is_err() {
                self.stream = None;
                continue;
            }
            match read_response(s) {
                Some((r, set)) => {
                    for c in set {
                        if let Some((k, v)) = c.split(';').next().and_then(|kv| kv.split_once('='))
                        {
                            self.cookies.retain(|(n, _)| n != k);
                            self.cookies.push((k.to_string(), v.to_string()));
                        }
                    }
                    return r;
                }
                None => self.stream = None,
            }
        }
        panic!("{method} {path}: no response");
    }

    fn token(&self) -> String {
        self.cookies
            .iter()
            .find(|(k, _)| k == "ba_csrf")
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    }

    fn post(&mut self, path: &str, fields: &[(&str, &str)]) -> Resp {
        let token = self.token();
        let body = form_urlencoded::Serializer::new(String::new())
            .append_pair("csrf", &token)
            .extend_pairs(fields)
            .finish();
        self.request("POST", path, &body)
    }
}

fn read_response(s: &mut BufReader<TcpStream>) -> Option<(Resp, Vec<String>)> {
    let mut line = String::new();
    if s.read_line(&mut line).ok()? == 0 {
        return None;
    }
    let status = line.split(' ').nth(1)?.parse().ok()?;
    let mut len = 0usize;
    let mut location = None;
    let mut cookies = Vec::new();
    loop {
        line.clear();
        s.read_line(&mut line).ok()?;
        let l = line.trim_end();
        if l.is_empty() {
            break;
        }
        let (k, v) = l.split_once(':')?;
        let v = v.trim();
        match k.to_ascii_lowercase().as_str() {
            "content-length" => len = v.parse().ok()?,
            "location" => location = Some(v.to_string()),
            "set-cookie" => cookies.push(v.to_string()),
            _ => {}
        }
    }
    let mut body = vec![0; len];
    s.read_exact(&mut body).ok()?;
    Some((
        Resp {
            status,
            location,
            body: String::from_utf8_lossy(&body).into_owned(),
        },
        cookies,
    ))
}

/// One company's walk through the form; the latency of every request.
fn walk(c: &mut Conn, n: usize, lat: &mut Vec<(bool, Duration)>) -> bool {
    let mut timed = |c: &mut Conn, post: bool, f: &mut dyn FnMut(&mut Conn) -> Resp| {
        let t = Instant::now();
        let r = f(c);
        lat.push((post, t.elapsed()));
        r
    };
    c.cookies.retain(|(k, _)| k != "ba_draft");
    timed(c, false, &mut |c| c.request("GET", "/", ""));
    let r = timed(c, true, &mut |c| c.post("/start", &[]));
    assert_eq!(r.status, 303, "start: {}", r.body);
    timed(c, false, &mut |c| c.request("GET", "/code", ""));
    timed(c, false, &mut |c| c.request("GET", "/company", ""));
    let name = format!("Lastbolag {n} AB");
    let r = timed(c, true, &mut |c| {
        c.post(
            "/company",
            &[
                ("name", &name),
                ("municipality", "Växjö"),
                ("contact_name", "Anna Last"),
                ("action", "continue"),
            ],
        )
    });
    let mut at = r.location.unwrap_or_default();
    let answers: &[(&str, &str)] = &[
        ("q.anstallda", "24"),
        ("q.omsattning", "10m_50m"),
        ("q.erbjudande", "varor"),
        ("q.exporterar", "ja_ibland"),
        ("q.marknader", "no"),
        ("q.marknader", "us"),
        ("q.marknadskunskap", "2"),
    ];
    for _ in 0..80 {
        if at.starts_with("/check") {
            break;
        }
        let path = at.split(['?', '#']).next().unwrap_or("/").to_string();
        let page = timed(c, false, &mut |c| c.request("GET", &at, ""));
        assert_eq!(page.status, 200, "{at}");
        let mut fields: Vec<(&str, &str)> = answers
            .iter()
            .filter(|(k, _)| page.body.contains(&format!("name=\"{k}\"")))
            .copied()
            .collect();
        if path == "/consent" {
            fields.push(("actor", "een"));
        }
        fields.push(("action", "continue"));
        let r = timed(c, true, &mut |c| c.post(&path, &fields));
        assert_eq!(r.status, 303, "{path}: {}", r.status);
        at = r.location.unwrap_or_default();
    }
    timed(c, false, &mut |c| c.request("GET", "/check", ""));
    let r = timed(c, true, &mut |c| c.post("/submit", &[]));
    timed(c, false, &mut |c| c.request("GET", "/receipt", ""));
    r.location.as_deref() == Some("/receipt")
}

/// (route, ms) of every access-log line so far.
fn server_times(log: &Mutex<Vec<String>>) -> Vec<(String, f64)> {
    log.lock()
        .unwrap()
        .iter()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| {
            Some((
                format!("{} {}", v["method"].as_str()?, v["path"].as_str()?),
                v["ms"].as_f64()?,
            ))
        })
        .collect()
}

fn rss_kib(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .map(String::from)
        })
        .and_then(|l| l.split_whitespace().nth(1).and_then(|n| n.parse().ok()))
        .unwrap_or(0)
}

fn pct(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn line(label: &str, v: &mut [f64]) {
    v.sort_by(|a, b| a.total_cmp(b));
    println!(
        "{label:<28} n={:>6}  p50 {:>7.2} ms  p95 {:>7.2} ms  p99 {:>7.2} ms  max {:>7.2} ms",
        v.len(),
        pct(v, 0.5),
        pct(v, 0.95),
        pct(v, 0.99),
        v.last().copied().unwrap_or(0.0)
    );
}

fn main() {
    let rounds: usize = std::env::var("WEB_BENCH_ROUNDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(3);
    let limit = Duration::from_secs(
        std::env::var("WEB_BENCH_SECONDS")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(120),
    );
    let data = tempfile::tempdir().expect("temp dir");
    let mut child: Child = Command::new(env!("CARGO_BIN_EXE_behovsanalys"))
        .arg("--data-dir")
        .arg(data.path())
        .args(["serve", "--addr", "127.0.0.1:0", "--rate-limit", "0"])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start the server");
    let pid = child.id();
    let mut lines = BufReader::new(child.stderr.take().expect("stderr")).lines();
    let first = lines
        .next()
        .and_then(Result::ok)
        .expect("the server's first line");
    let addr: SocketAddr = first
        .split("http://")
        .nth(1)
        .and_then(|r| r.split(';').next())
        .and_then(|a| a.parse().ok())
        .expect("address");
    let log: Arc<Mutex<Vec<String>>> = Arc::default();
    let sink = log.clone();
    std::thread::spawn(move || {
        for l in lines.map_while(Result::ok) {
            sink.lock().unwrap().push(l);
        }
    });
    std::thread::sleep(Duration::from_millis(200));
    // Warm up (page cache, allocator), then the idle size.
    let mut warm = Conn::new(addr);
    walk(&mut warm, 0, &mut Vec::new());
    let idle = rss_kib(pid);

    // One company alone: what a page costs the server without queueing.
    log.lock().unwrap().clear();
    let mut alone_client = Vec::new();
    for r in 0..5 {
        walk(&mut warm, 10_000 + r, &mut alone_client);
    }
    std::thread::sleep(Duration::from_millis(200));
    let alone: Vec<(String, f64)> = server_times(&log);

    // Memory per open draft: 1,000 drafts started and given a company.
    log.lock().unwrap().clear();
    let drafts_before = rss_kib(pid);
    for i in 0..1000 {
        let mut c = Conn::new(addr);
        c.request("GET", "/", "");
        c.post("/start", &[]);
        c.post(
            "/company",
            &[("name", &format!("Utkast {i} AB")), ("action", "later")],
        );
    }
    let drafts_after = rss_kib(pid);
    let (files, bytes) = std::fs::read_dir(data.path().join("web/drafts"))
        .map(|d| {
            d.flatten()
                .filter_map(|e| e.metadata().ok())
                .fold((0u64, 0u64), |(n, b), m| (n + 1, b + m.len()))
        })
        .unwrap_or((0, 0));
    log.lock().unwrap().clear();

    // The load: 50 companies at once.
    let started = Instant::now();
    let deadline = started + limit;
    let handles: Vec<_> = (0..COMPANIES)
        .map(|i| {
            std::thread::spawn(move || {
                let mut c = Conn::new(addr);
                let mut lat = Vec::new();
                let mut sent = 0;
                for r in 0..rounds {
                    if Instant::now() > deadline {
                        break;
                    }
                    if walk(&mut c, i * 100 + r, &mut lat) {
                        sent += 1;
                    }
                }
                (lat, sent)
            })
        })
        .collect();
    let mut all = Vec::new();
    let mut sent = 0;
    for h in handles {
        let (lat, s) = h.join().expect("a company thread");
        all.extend(lat);
        sent += s;
    }
    let wall = started.elapsed();
    std::thread::sleep(Duration::from_millis(300));
    let after = rss_kib(pid);
    let _ = child.kill();
    let _ = child.wait();

    println!(
        "behovsanalys serve under load: {COMPANIES} companies at once over loopback, {rounds} walks each"
    );
    println!(
        "machine: {} cores, load average before {}",
        std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(0),
        std::fs::read_to_string("/proc/loadavg")
            .unwrap_or_default()
            .trim()
    );
    println!(
        "requests {}  forms sent {sent}  wall {:.2} s  pages per second {:.0}",
        all.len(),
        wall.as_secs_f64(),
        all.len() as f64 / wall.as_secs_f64()
    );
    let mut every: Vec<f64> = all.iter().map(|(_, d)| d.as_secs_f64() * 1000.0).collect();
    let mut gets: Vec<f64> = all
        .iter()
        .filter(|(p, _)| !p)
        .map(|(_, d)| d.as_secs_f64() * 1000.0)
        .collect();
    let mut posts: Vec<f64> = all
        .iter()
        .filter(|(p, _)| *p)
        .map(|(_, d)| d.as_secs_f64() * 1000.0)
        .collect();
    println!("client side (queueing included):");
    line("  every request", &mut every);
    line("  GET (a page)", &mut gets);
    line("  POST (save, fsync)", &mut posts);
    println!("server side (access log, handler + render + disk), 50 at once:");
    let mut by_route: std::collections::BTreeMap<String, Vec<f64>> = Default::default();
    for (route, ms) in server_times(&log) {
        by_route.entry(route).or_default().push(ms);
    }
    for (route, v) in &mut by_route {
        line(&format!("  {route}"), v);
    }
    println!("one company alone (5 walks, server side):");
    let mut get: Vec<f64> = alone
        .iter()
        .filter(|(r, _)| r.starts_with("GET"))
        .map(|(_, m)| *m)
        .collect();
    let mut post: Vec<f64> = alone
        .iter()
        .filter(|(r, _)| r.starts_with("POST"))
        .map(|(_, m)| *m)
        .collect();
    line("  GET (render a page)", &mut get);
    line("  POST (check, save, fsync)", &mut post);
    println!(
        "memory: idle {:.1} MiB; 1,000 open drafts {:+.1} MiB ({:.1} KiB each in memory); on disk {files} drafts, {:.1} KiB each; after the load {:.1} MiB",
        idle as f64 / 1024.0,
        (drafts_after as f64 - drafts_before as f64) / 1024.0,
        (drafts_after as f64 - drafts_before as f64) / 1000.0,
        bytes as f64 / files.max(1) as f64 / 1024.0,
        after as f64 / 1024.0
    );
}
