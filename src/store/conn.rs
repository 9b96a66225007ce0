//! Where the shared store is and how to reach it: the URL
//! (`postgres://user@host:port/db?sslmode=…`), TLS with rustls, the
//! password from the URL, `PGPASSWORD` or the password file (`~/.pgpass`,
//! read like libpq does), and a printable form of the URL that never shows
//! a password.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use postgres::config::{Host, SslMode as PgSslMode};

use super::SyncError;

/// `sslmode`, as libpq names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SslMode {
    /// Never TLS.
    Disable,
    /// TLS when the server offers it, else plain; the certificate is not
    /// checked (libpq's default).
    #[default]
    Prefer,
    /// TLS or nothing; the certificate is not checked (as in libpq).
    Require,
    /// TLS; the certificate must chain to a trusted root.
    VerifyCa,
    /// TLS; the certificate must chain to a trusted root and name the host.
    VerifyFull,
}

impl SslMode {
    fn parse(s: &str) -> Option<SslMode> {
        Some(match s {
            "disable" => SslMode::Disable,
            "prefer" | "allow" => SslMode::Prefer,
            "require" => SslMode::Require,
            "verify-ca" => SslMode::VerifyCa,
            "verify-full" => SslMode::VerifyFull,
            _ => return None,
        })
    }
}

/// A parsed store address, ready to connect.
#[derive(Clone)]
pub struct StoreConfig {
    pub(crate) pg: postgres::Config,
    pub ssl: SslMode,
    root_cert: Option<PathBuf>,
    /// The URL as given, with any password replaced by `***`.
    shown: String,
}

impl std::fmt::Debug for StoreConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never the password.
        f.debug_struct("StoreConfig")
            .field("url", &self.shown)
            .field("ssl", &self.ssl)
            .finish()
    }
}

impl std::fmt::Display for StoreConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.shown)
    }
}

/// The URL with the password (in the user part, or a `password=`
/// parameter) replaced by `***`, and made printable.
pub fn redact(url: &str) -> String {
    let mut out = url.to_string();
    if let Some(scheme_end) = out.find("://") {
        let rest_start = scheme_end + 3;
        let authority_end = out[rest_start..]
            .find(['/', '?'])
            .map_or(out.len(), |i| rest_start + i);
        if let Some(at) = out[rest_start..authority_end].rfind('@') {
            let userinfo = &out[rest_start..rest_start + at];
            if let Some(colon) = userinfo.find(':') {
                out.replace_range(rest_start + colon + 1..rest_start + at, "***");
            }
        }
    }
    // `password=…` in a query string or a key=value connection string.
    let mut result = String::with_capacity(out.len());
    let mut rest = out.as_str();
    while let Some(i) = rest.find("password=") {
        let boundary = i == 0 || matches!(rest.as_bytes()[i - 1], b'?' | b'&' | b' ' | b'\t');
        result.push_str(&rest[..i + "password=".len()]);
        rest = &rest[i + "password=".len()..];
        if boundary {
            let end = rest.find(['&', ' ', '\t']).unwrap_or(rest.len());
            result.push_str("***");
            rest = &rest[end..];
        }
    }
    result.push_str(rest);
    crate::text::sanitize_line(&result)
}

fn percent_decode(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

impl StoreConfig {
    /// Parses a `postgres://` or `postgresql://` URL. `sslmode` takes
    /// `disable`, `prefer` (the default), `require`, `verify-ca` and
    /// `verify-full`; `sslrootcert=FILE` names the trusted roots (PEM).
    /// The user defaults to `PGUSER`, else the login name.
    pub fn parse(url: &str) -> Result<StoreConfig, SyncError> {
        let shown = redact(url);
        let bad = |why: &str| SyncError::BadUrl {
            url: shown.clone(),
            why: why.to_string(),
        };
        if !(url.starts_with("postgres://") || url.starts_with("postgresql://")) {
            return Err(bad("a store is a postgres:// URL"));
        }
        let (base, query) = match url.split_once('?') {
            Some((b, q)) => (b, q),
            None => (url, ""),
        };
        let mut ssl = None;
        let mut root_cert = None;
        let mut kept = Vec::new();
        for pair in query.split('&').filter(|p| !p.is_empty()) {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            let value = percent_decode(v).ok_or_else(|| bad("a parameter is not valid UTF-8"))?;
            match k {
                "sslmode" => {
                    ssl = Some(SslMode::parse(&value).ok_or_else(|| {
                        bad("sslmode must be disable, prefer, require, verify-ca or verify-full")
                    })?);
                }
                "sslrootcert" => root_cert = Some(PathBuf::from(value)),
                _ => kept.push(pair),
            }
        }
        let rebuilt = if kept.is_empty() {
            base.to_string()
        } else {
            format!("{base}?{}", kept.join("&"))
        };
        let mut pg: postgres::Config = rebuilt.parse().map_err(|e: postgres::Error| {
            // The parser's message names a key, never a value.
            bad(&e.to_string())
        })?;
        if pg.get_user().is_none() {
            let user = std::env::var("PGUSER")
                .ok()
                .or_else(|| std::env::var("USER").ok())
                .filter(|u| !u.is_empty())
                .ok_or_else(|| bad("no user: put one in the URL (postgres://USER@host/db)"))?;
            pg.user(&user);
        }
        if pg.get_hosts().is_empty() {
            pg.host("localhost");
        }
        if pg.get_connect_timeout().is_none() {
            pg.connect_timeout(std::time::Duration::from_secs(10));
        }
        pg.application_name("behovsanalys");
        let ssl = ssl.unwrap_or_default();
        if pg.get_password().is_none() {
            if let Some(pw) = std::env::var("PGPASSWORD").ok().filter(|p| !p.is_empty()) {
                pg.password(pw);
            } else if let Some(pw) = pgpass_password(&pg) {
                pg.password(pw);
            }
        }
        Ok(StoreConfig {
            pg,
            ssl,
            root_cert,
            shown,
        })
    }

    /// The URL with any password hidden.
    pub fn shown(&self) -> &str {
        &self.shown
    }

    fn only_unix_sockets(&self) -> bool {
        self.pg
            .get_hosts()
            .iter()
            .all(|h| !matches!(h, Host::Tcp(_)))
    }

    /// Opens a connection.
    pub fn connect(&self) -> Result<postgres::Client, SyncError> {
        let unreachable = |e: postgres::Error| SyncError::Unreachable {
            url: self.shown.clone(),
            why: super::pg::describe(&e),
        };
        let mut pg = self.pg.clone();
        // Like libpq: no TLS over a Unix socket.
        if self.ssl == SslMode::Disable || self.only_unix_sockets() {
            pg.ssl_mode(PgSslMode::Disable);
            return pg.connect(postgres::NoTls).map_err(unreachable);
        }
        pg.ssl_mode(match self.ssl {
            SslMode::Prefer => PgSslMode::Prefer,
            _ => PgSslMode::Require,
        });
        let tls = self.tls()?;
        pg.connect(tls).map_err(unreachable)
    }

    fn tls(&self) -> Result<tokio_postgres_rustls::MakeRustlsConnect, SyncError> {
        use rustls::ClientConfig;
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let tls_err = |why: String| SyncError::Tls {
            url: self.shown.clone(),
            why,
        };
        let builder = ClientConfig::builder_with_provider(provider.clone())
            .with_safe_default_protocol_versions()
            .map_err(|e| tls_err(e.to_string()))?;
        let config = match self.ssl {
            SslMode::Prefer | SslMode::Require | SslMode::Disable => builder
                .dangerous()
                .with_custom_certificate_verifier(Arc::new(verify::Unchecked(provider)))
                .with_no_client_auth(),
            SslMode::VerifyCa | SslMode::VerifyFull => {
                let roots = self.roots().map_err(tls_err)?;
                let webpki = rustls::client::WebPkiServerVerifier::builder_with_provider(
                    Arc::new(roots),
                    provider,
                )
                .build()
                .map_err(|e| tls_err(e.to_string()))?;
                if self.ssl == SslMode::VerifyCa {
                    builder
                        .dangerous()
                        .with_custom_certificate_verifier(Arc::new(verify::ChainOnly(webpki)))
                        .with_no_client_auth()
                } else {
                    builder.with_webpki_verifier(webpki).with_no_client_auth()
                }
            }
        };
        Ok(tokio_postgres_rustls::MakeRustlsConnect::new(config))
    }

    /// Trusted roots: `sslrootcert`, else `~/.postgresql/root.crt`, else
    /// the system's.
    fn roots(&self) -> Result<rustls::RootCertStore, String> {
        use rustls::pki_types::CertificateDer;
        use rustls::pki_types::pem::PemObject;
        let mut roots = rustls::RootCertStore::empty();
        let file = self.root_cert.clone().or_else(|| {
            let p = home()?.join(".postgresql").join("root.crt");
            p.is_file().then_some(p)
        });
        match file {
            Some(f) => {
                let shown = crate::text::display_path(&f);
                let certs = CertificateDer::pem_file_iter(&f)
                    .map_err(|e| format!("cannot read the root certificates {shown}: {e}"))?;
                for c in certs {
                    let c =
                        c.map_err(|e| format!("cannot read the root certificates {shown}: {e}"))?;
                    roots
                        .add(c)
                        .map_err(|e| format!("a root certificate in {shown}: {e}"))?;
                }
            }
            None => {
                let found = rustls_native_certs::load_native_certs();
                roots.add_parsable_certificates(found.certs);
            }
        }
        if roots.is_empty() {
            return Err("no trusted root certificates (give sslrootcert=FILE)".into());
        }
        Ok(roots)
    }
}

fn home() -> Option<PathBuf> {
    std::env::var_os("HOME")
        .filter(|h| !h.is_empty())
        .map(PathBuf::from)
}

/// The password file: `PGPASSFILE`, else `~/.pgpass`.
fn pgpass_file() -> Option<PathBuf> {
    match std::env::var_os("PGPASSFILE").filter(|p| !p.is_empty()) {
        Some(p) => Some(PathBuf::from(p)),
        None => Some(home()?.join(".pgpass")),
    }
}

/// The password for this connection from the password file, as libpq
/// finds it: the first line `host:port:database:user:password` whose
/// fields match (`*` matches anything; `\:` and `\\` are escapes; a Unix
/// socket matches `localhost`). The file is ignored, with a warning on
/// stderr, when it is not a regular file or group or others can read it.
fn pgpass_password(pg: &postgres::Config) -> Option<String> {
    let path = pgpass_file()?;
    let text = read_pgpass(&path)?;
    let host = match pg.get_hosts().first()? {
        Host::Tcp(h) => h.clone(),
        #[cfg(unix)]
        Host::Unix(_) => "localhost".to_string(),
    };
    let port = pg.get_ports().first().copied().unwrap_or(5432).to_string();
    let user = pg.get_user()?.to_string();
    let db = pg.get_dbname().map_or(user.clone(), str::to_string);
    pgpass_lookup(&text, &host, &port, &db, &user)
}

fn read_pgpass(path: &Path) -> Option<String> {
    let meta = std::fs::metadata(path).ok()?;
    let shown = crate::text::display_path(path);
    if !meta.is_file() {
        eprintln!("warning: password file {shown} is not a plain file; ignored");
        return None;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        if meta.permissions().mode() & 0o077 != 0 {
            eprintln!(
                "warning: password file {shown} has group or world access; permissions should be u=rw (0600) or less; ignored"
            );
            return None;
        }
    }
    std::fs::read_to_string(path).ok()
}

/// Splits a password-file line into its five fields (escapes undone).
fn pgpass_fields(line: &str) -> Option<Vec<String>> {
    let mut fields = vec![String::new()];
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => fields.last_mut()?.push(chars.next().unwrap_or('\\')),
            ':' if fields.len() < 5 => fields.push(String::new()),
            c => fields.last_mut()?.push(c),
        }
    }
    (fields.len() == 5).then_some(fields)
}

/// The password of the first matching line.
pub fn pgpass_lookup(text: &str, host: &str, port: &str, db: &str, user: &str) -> Option<String> {
    for line in text.lines() {
        let line = line.trim_end_matches('\r');
        if line.trim_start().starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let Some(f) = pgpass_fields(line) else {
            continue;
        };
        let ok = |field: &str, value: &str| field == "*" || field == value;
        if ok(&f[0], host) && ok(&f[1], port) && ok(&f[2], db) && ok(&f[3], user) {
            return Some(f[4].clone());
        }
    }
    None
}

mod verify {
    //! Certificate checks for `prefer`/`require` (none, as in libpq: the
    //! connection is encrypted, the server not authenticated) and
    //! `verify-ca` (the chain, not the name).
    use std::sync::Arc;

    use rustls::client::WebPkiServerVerifier;
    use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
    use rustls::crypto::{CryptoProvider, verify_tls12_signature, verify_tls13_signature};
    use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
    use rustls::{CertificateError, DigitallySignedStruct, Error, SignatureScheme};

    #[derive(Debug)]
    pub struct Unchecked(pub Arc<CryptoProvider>);

    impl ServerCertVerifier for Unchecked {
        fn verify_server_cert(
            &self,
            _end_entity: &CertificateDer<'_>,
            _intermediates: &[CertificateDer<'_>],
            _server_name: &ServerName<'_>,
            _ocsp: &[u8],
            _now: UnixTime,
        ) -> Result<ServerCertVerified, Error> {
            Ok(ServerCertVerified::assertion())
        }

        fn verify_tls12_signature(
            &self,
            message: &[u8],
            cert: &CertificateDer<'_>,
            dss: &DigitallySignedStruct,
        ) -> Result<HandshakeSignatureValid, Error> {
            verify_tls12_signature(
                message,
                cert,
                dss,
                &self.0.signature_verification_algorithms,
            )
        }

        fn verify_tls13_signature(
            &self,
            message: &[u8],
            cert: &CertificateDer<'_>,
            dss: &DigitallySignedStruct,
        ) -> Result<HandshakeSignatureValid, Error> {
            verify_tls13_signature(
                message,
                cert,
                dss,
                &self.0.signature_verification_algorithms,
            )
        }

        fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
            self.0.signature_verification_algorithms.supported_schemes()
        }
    }

    #[derive(Debug)]
    pub struct ChainOnly(pub Arc<WebPkiServerVerifier>);

    impl ServerCertVerifier for ChainOnly {
        fn verify_server_cert(
            &self,
            end_entity: &CertificateDer<'_>,
            intermediates: &[CertificateDer<'_>],
            server_name: &ServerName<'_>,
            ocsp: &[u8],
            now: UnixTime,
        ) -> Result<ServerCertVerified, Error> {
            match self
                .0
                .verify_server_cert(end_entity, intermediates, server_name, ocsp, now)
            {
                Err(Error::InvalidCertificate(
                    CertificateError::NotValidForName
                    | CertificateError::NotValidForNameContext { .. },
                )) => Ok(ServerCertVerified::assertion()),
                other => other,
            }
        }

        fn verify_tls12_signature(
            &self,
            message: &[u8],
            cert: &CertificateDer<'_>,
            dss: &DigitallySignedStruct,
        ) -> Result<HandshakeSignatureValid, Error> {
            self.0.verify_tls12_signature(message, cert, dss)
        }

        fn verify_tls13_signature(
            &self,
            message: &[u8],
            cert: &CertificateDer<'_>,
            dss: &DigitallySignedStruct,
        ) -> Result<HandshakeSignatureValid, Error> {
            self.0.verify_tls13_signature(message, cert, dss)
        }

        fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
            self.0.supported_verify_schemes()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_are_never_shown() {
        assert_eq!(
            redact("postgres://anna:hemligt@db.example/region"),
            "postgres://anna:***@db.example/region"
        );
        assert_eq!(
            redact("postgres://anna:p%40ss@db/r?password=x&sslmode=require"),
            "postgres://anna:***@db/r?password=***&sslmode=require"
        );
        assert_eq!(redact("postgres://anna@db/r"), "postgres://anna@db/r");
        assert_eq!(
            redact("host=x password=abc user=y"),
            "host=x password=*** user=y"
        );
        assert_eq!(
            redact("postgres://db/r?mypassword=x"),
            "postgres://db/r?mypassword=x"
        );
    }

    #[test]
    fn sslmode_and_errors() {
        let c = StoreConfig::parse("postgres://a@h/db?sslmode=verify-full").unwrap();
        assert_eq!(c.ssl, SslMode::VerifyFull);
        let c = StoreConfig::parse("postgres://a@h/db").unwrap();
        assert_eq!(c.ssl, SslMode::Prefer);
        let e = StoreConfig::parse("postgres://a:secret@h/db?sslmode=sometimes").unwrap_err();
        let text = e.to_string();
        assert!(text.contains("sslmode must be"), "{text}");
        assert!(!text.contains("secret"), "{text}");
        assert!(StoreConfig::parse("mysql://a@h/db").is_err());
        let c = StoreConfig::parse("postgres://a:secret@h/db").unwrap();
        assert!(!format!("{c:?} {c}").contains("secret"));
    }

    #[test]
    fn pgpass_lines_match_like_libpq() {
        let text = "# comment\n\
                    db.example:5432:region:anna:first\n\
                    *:*:*:anna:wild\\:card\n\
                    localhost:*:*:*:sock\n";
        assert_eq!(
            pgpass_lookup(text, "db.example", "5432", "region", "anna").as_deref(),
            Some("first")
        );
        assert_eq!(
            pgpass_lookup(text, "other", "5433", "x", "anna").as_deref(),
            Some("wild:card")
        );
        assert_eq!(
            pgpass_lookup(text, "localhost", "5432", "x", "bo").as_deref(),
            Some("sock")
        );
        assert_eq!(pgpass_lookup(text, "other", "1", "x", "bo"), None);
        assert_eq!(pgpass_lookup("a:b:c\n", "a", "b", "c", "d"), None);
    }

    #[cfg(unix)]
    #[test]
    fn a_readable_password_file_is_ignored() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("pgpass");
        std::fs::write(&p, "*:*:*:*:pw\n").unwrap();
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o644)).unwrap();
        assert_eq!(read_pgpass(&p), None);
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o600)).unwrap();
        assert_eq!(read_pgpass(&p).as_deref(), Some("*:*:*:*:pw\n"));
    }
}
