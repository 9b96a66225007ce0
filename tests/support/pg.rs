//! A throwaway PostgreSQL cluster for the tests of one test binary: `initdb`
//! into a temp dir (as `nobody` when the tests run as root: initdb refuses
//! root), `postgres` on a free loopback port with its Unix socket in that
//! dir, and a fresh database per test. The server is spawned by a thread
//! that lives as long as the test process, with PR_SET_PDEATHSIG, so it dies
//! with the process; data dirs of dead test processes are removed at the
//! next start.
//!
//! With `CI=true`, a cluster that cannot start fails the test; otherwise the
//! test is skipped with a loud message.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, Instant};

pub struct Cluster {
    pub port: u16,
    pub dir: PathBuf,
    pub bin: PathBuf,
    /// The test CA that signed the server's certificate (for `localhost`).
    pub ca: PathBuf,
}

/// A database of its own for one test.
pub struct TestDb {
    pub name: String,
    pub port: u16,
    pub socket_dir: PathBuf,
    /// The CA of the server's certificate (PEM).
    pub ca: PathBuf,
}

impl TestDb {
    /// The superuser over the Unix socket (trust).
    pub fn admin_url(&self) -> String {
        format!(
            "postgres://postgres@{}:{}/{}",
            encode(&self.socket_dir.to_string_lossy()),
            self.port,
            self.name
        )
    }

    /// A login role over TCP with a password (scram-sha-256).
    pub fn url_for(&self, role: &str, password: &str) -> String {
        format!(
            "postgres://{role}:{password}@127.0.0.1:{}/{}?sslmode=disable",
            self.port, self.name
        )
    }

    /// Over TLS to `host` (`localhost` is the name in the certificate).
    pub fn tls_url(&self, role: &str, password: &str, host: &str, mode: &str) -> String {
        format!(
            "postgres://{role}:{password}@{host}:{}/{}?sslmode={mode}&sslrootcert={}",
            self.port,
            self.name,
            self.ca.display()
        )
    }

    /// The same without the password (it comes from PGPASSWORD or .pgpass).
    pub fn url_without_password(&self, role: &str) -> String {
        format!(
            "postgres://{role}@127.0.0.1:{}/{}?sslmode=disable",
            self.port, self.name
        )
    }

    pub fn admin(&self) -> postgres::Client {
        postgres::Client::connect(
            &format!(
                "host={} port={} user=postgres dbname={}",
                self.socket_dir.display(),
                self.port,
                self.name
            ),
            postgres::NoTls,
        )
        .expect("connect as the superuser")
    }

    /// Creates a login role (unique to this database) with a password; its name.
    pub fn login_role(&self, short: &str, password: &str) -> String {
        let role = format!("{}_{short}", self.name);
        self.admin()
            .batch_execute(&format!(
                "DROP ROLE IF EXISTS {role}; CREATE ROLE {role} LOGIN PASSWORD '{password}'"
            ))
            .expect("create a role");
        role
    }
}

fn encode(path: &str) -> String {
    path.bytes()
        .map(|b| match b {
            b'/' => "%2F".to_string(),
            b if b.is_ascii_alphanumeric() || b"-_.".contains(&b) => (b as char).to_string(),
            b => format!("%{b:02X}"),
        })
        .collect()
}

static CLUSTER: OnceLock<Result<Cluster, String>> = OnceLock::new();
static NEXT_DB: AtomicU32 = AtomicU32::new(0);

/// A fresh database on the shared cluster, or `None` (skip) when
/// PostgreSQL cannot start outside CI.
pub fn db() -> Option<TestDb> {
    let cluster = match CLUSTER.get_or_init(start) {
        Ok(c) => c,
        Err(e) => {
            if std::env::var("CI").is_ok_and(|v| v == "true" || v == "1") {
                panic!("PostgreSQL could not start and CI is set: {e}");
            }
            eprintln!(
                "\n!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n\
                 !!! SKIPPED: PostgreSQL could not start: {e}\n\
                 !!! (install postgresql-15; with CI=true this fails)\n\
                 !!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n"
            );
            return None;
        }
    };
    let name = format!(
        "t{}_{}",
        std::process::id(),
        NEXT_DB.fetch_add(1, Ordering::SeqCst)
    );
    let mut admin = postgres::Client::connect(
        &format!(
            "host={} port={} user=postgres dbname=postgres",
            cluster.dir.display(),
            cluster.port
        ),
        postgres::NoTls,
    )
    .expect("connect to the test cluster");
    admin
        .batch_execute(&format!("CREATE DATABASE {name}"))
        .expect("create a test database");
    Some(TestDb {
        name,
        port: cluster.port,
        socket_dir: cluster.dir.clone(),
        ca: cluster.ca.clone(),
    })
}

/// The cluster's socket dir and port (for a second connection).
pub fn cluster() -> Option<&'static Cluster> {
    CLUSTER.get().and_then(|c| c.as_ref().ok())
}

fn bin_dir() -> Option<PathBuf> {
    if let Ok(p) = std::env::var("PG_BIN") {
        return Some(PathBuf::from(p));
    }
    for v in ["17", "16", "15"] {
        let p = PathBuf::from(format!("/usr/lib/postgresql/{v}/bin"));
        if p.join("initdb").is_file() {
            return Some(p);
        }
    }
    let out = Command::new("pg_config").arg("--bindir").output().ok()?;
    let p = PathBuf::from(String::from_utf8_lossy(&out.stdout).trim());
    p.join("initdb").is_file().then_some(p)
}

/// (uid, gid) to run the server as: `nobody` when we are root.
fn run_as() -> Option<(u32, u32)> {
    // SAFETY: plain libc calls without pointers kept.
    unsafe {
        if libc::geteuid() != 0 {
            return None;
        }
        let pw = libc::getpwnam(c"nobody".as_ptr());
        if pw.is_null() {
            return Some((65534, 65534));
        }
        Some(((*pw).pw_uid, (*pw).pw_gid))
    }
}

fn command(bin: &Path, name: &str, who: Option<(u32, u32)>) -> Command {
    use std::os::unix::process::CommandExt;
    let mut c = Command::new(bin.join(name));
    c.env_remove("PGDATA").env("LC_ALL", "C").current_dir("/");
    // SAFETY: only async-signal-safe calls between fork and exec.
    unsafe {
        c.pre_exec(move || {
            if let Some((uid, gid)) = who
                && (libc::setgroups(0, std::ptr::null()) != 0
                    || libc::setgid(gid) != 0
                    || libc::setuid(uid) != 0)
            {
                return Err(std::io::Error::last_os_error());
            }
            // After setuid (which clears it): the server dies with us.
            libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGQUIT);
            Ok(())
        });
    }
    c
}

fn chown(path: &Path, who: Option<(u32, u32)>) -> Result<(), String> {
    if let Some((uid, gid)) = who {
        std::os::unix::fs::chown(path, Some(uid), Some(gid))
            .map_err(|e| format!("chown {}: {e}", path.display()))?;
    }
    Ok(())
}

fn pid_alive(pid: u32) -> bool {
    Path::new(&format!("/proc/{pid}")).exists()
}

/// A test CA and a server certificate for `localhost` signed by it:
/// (ca.crt, server.crt, server.key) in `dir`, readable by the server.
fn certificates(dir: &Path, who: Option<(u32, u32)>) -> Result<(), String> {
    use std::os::unix::fs::PermissionsExt;
    let e = |e: rcgen::Error| e.to_string();
    let ca_key = rcgen::KeyPair::generate().map_err(e)?;
    let mut ca_params = rcgen::CertificateParams::new(Vec::<String>::new()).map_err(e)?;
    ca_params.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
    ca_params
        .distinguished_name
        .push(rcgen::DnType::CommonName, "behovsanalys test CA");
    let ca = ca_params.self_signed(&ca_key).map_err(e)?;
    let issuer = rcgen::Issuer::from_params(&ca_params, &ca_key);
    let key = rcgen::KeyPair::generate().map_err(e)?;
    let params = rcgen::CertificateParams::new(vec!["localhost".to_string()]).map_err(e)?;
    let cert = params.signed_by(&key, &issuer).map_err(e)?;
    for (name, text, mode) in [
        ("ca.crt", ca.pem(), 0o644),
        ("server.crt", cert.pem(), 0o644),
        ("server.key", key.serialize_pem(), 0o600),
    ] {
        let p = dir.join(name);
        std::fs::write(&p, text).map_err(|e| e.to_string())?;
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(mode))
            .map_err(|e| e.to_string())?;
        chown(&p, who)?;
    }
    Ok(())
}

fn start() -> Result<Cluster, String> {
    use std::os::unix::fs::PermissionsExt;
    let bin = bin_dir().ok_or("no PostgreSQL binaries (initdb) found")?;
    let who = run_as();
    let base = std::env::temp_dir().join("behovsanalys-pg-tests");
    std::fs::create_dir_all(&base).map_err(|e| e.to_string())?;
    let _ = std::fs::set_permissions(&base, std::fs::Permissions::from_mode(0o755));
    // Data dirs of test processes that are gone.
    if let Ok(rd) = std::fs::read_dir(&base) {
        for e in rd.flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            if let Some(pid) = name.split('-').nth(1).and_then(|p| p.parse::<u32>().ok())
                && !pid_alive(pid)
            {
                let _ = std::fs::remove_dir_all(e.path());
            }
        }
    }
    let dir = base.join(format!("pid-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o700))
        .map_err(|e| e.to_string())?;
    chown(&dir, who)?;
    let data = dir.join("data");
    let out = command(&bin, "initdb", who)
        .args(["-D"])
        .arg(&data)
        .args([
            "-U",
            "postgres",
            "--auth-local=trust",
            "--auth-host=scram-sha-256",
            "-E",
            "UTF8",
            "--no-sync",
            "--no-instructions",
        ])
        .stdin(Stdio::null())
        .output()
        .map_err(|e| format!("initdb: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "initdb failed: {}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    certificates(&dir, who)?;
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map_err(|e| e.to_string())?
        .port();
    let (tx, rx) = std::sync::mpsc::channel::<Result<u32, String>>();
    let spawn_bin = bin.clone();
    let spawn_dir = dir.clone();
    // The thread that spawns the server lives as long as the process:
    // PR_SET_PDEATHSIG fires when it ends, i.e. at exit.
    std::thread::Builder::new()
        .name("postgres".into())
        .spawn(move || {
            let child: std::io::Result<Child> = command(&spawn_bin, "postgres", who)
                .arg("-D")
                .arg(spawn_dir.join("data"))
                .args(["-p", &port.to_string(), "-k"])
                .arg(&spawn_dir)
                .args([
                    "-c",
                    "listen_addresses=127.0.0.1",
                    "-c",
                    "fsync=off",
                    "-c",
                    "synchronous_commit=off",
                    "-c",
                    "full_page_writes=off",
                    "-c",
                    "max_connections=100",
                    "-c",
                    "log_min_messages=fatal",
                    "-c",
                    "ssl=on",
                ])
                .arg("-c")
                .arg(format!(
                    "ssl_cert_file={}",
                    spawn_dir.join("server.crt").display()
                ))
                .arg("-c")
                .arg(format!(
                    "ssl_key_file={}",
                    spawn_dir.join("server.key").display()
                ))
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn();
            match child {
                Ok(c) => {
                    let _ = tx.send(Ok(c.id()));
                    // Keep the child handle (and this thread) alive.
                    let _keep = c;
                    loop {
                        std::thread::park();
                    }
                }
                Err(e) => {
                    let _ = tx.send(Err(format!("postgres: {e}")));
                }
            }
        })
        .map_err(|e| e.to_string())?;
    rx.recv().map_err(|e| e.to_string())??;
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let ok = postgres::Client::connect(
            &format!(
                "host={} port={port} user=postgres dbname=postgres connect_timeout=2",
                dir.display()
            ),
            postgres::NoTls,
        )
        .is_ok();
        if ok {
            break;
        }
        if Instant::now() > deadline {
            return Err("postgres did not accept connections within 60 s".into());
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let ca = dir.join("ca.crt");
    Ok(Cluster { port, dir, bin, ca })
}
