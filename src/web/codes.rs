//! Secrets and references: resume codes and form tokens from the
//! operating system's random source, stored only as SHA-256 hashes;
//! reference codes for the advisor.

use sha2::{Digest, Sha256};

/// Crockford's base32 alphabet: no I, L, O or U, so a code read aloud or
/// copied by hand is hard to get wrong.
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// Characters of a resume code: 28 × 5 = 140 random bits.
pub const CODE_LEN: usize = 28;

/// Why a random value could not be made.
#[derive(Debug, thiserror::Error)]
#[error("the operating system's random source failed: {0}")]
pub struct RandomError(String);

fn random_bytes<const N: usize>() -> Result<[u8; N], RandomError> {
    let mut b = [0u8; N];
    getrandom::fill(&mut b).map_err(|e| RandomError(e.to_string()))?;
    Ok(b)
}

/// `n` random characters of the alphabet (each byte's low 5 bits: 256 is
/// a multiple of 32, so every character is equally likely).
fn random_chars(n: usize) -> Result<String, RandomError> {
    let bytes: [u8; 64] = random_bytes()?;
    Ok(bytes[..n.min(64)]
        .iter()
        .map(|b| char::from(ALPHABET[usize::from(b & 31)]))
        .collect())
}

/// A resume code: the only key to a draft. Held by the company (cookie,
/// written down) and never stored: the server keeps its [`Code::hash`].
#[derive(Clone, PartialEq, Eq)]
pub struct Code(String);

impl std::fmt::Debug for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Code(…)")
    }
}

impl Code {
    /// A new code of [`CODE_LEN`] characters (140 bits).
    pub fn new() -> Result<Code, RandomError> {
        random_chars(CODE_LEN).map(Code)
    }

    /// A code as a person may type it: case, spaces and dashes do not
    /// matter, and the look-alikes I, L (→ 1) and O (→ 0) are read as
    /// Crockford reads them. `None` unless it has exactly [`CODE_LEN`]
    /// characters of the alphabet.
    pub fn parse(s: &str) -> Option<Code> {
        let mut out = String::with_capacity(CODE_LEN);
        for c in s.chars() {
            let c = match c.to_ascii_uppercase() {
                ' ' | '-' | '\u{a0}' | '\t' => continue,
                'I' | 'L' => '1',
                'O' => '0',
                c => c,
            };
            if !c.is_ascii() || !ALPHABET.contains(&(c as u8)) {
                return None;
            }
            out.push(c);
            if out.len() > CODE_LEN {
                return None;
            }
        }
        (out.len() == CODE_LEN).then_some(Code(out))
    }

    /// The code as stored in the cookie.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The code for people: groups of four (`7K3M-Q9TD-…`).
    pub fn grouped(&self) -> String {
        let mut s = String::with_capacity(CODE_LEN + CODE_LEN / 4);
        for (i, c) in self.0.chars().enumerate() {
            if i > 0 && i % 4 == 0 {
                s.push('-');
            }
            s.push(c);
        }
        s
    }

    /// What the server stores: the SHA-256 of the code, hex.
    pub fn hash(&self) -> String {
        hex(&Sha256::digest(self.0.as_bytes()))
    }
}

/// A form token (double-submit: the same value in a cookie and in every
/// form): 128 random bits, hex.
pub fn token() -> Result<String, RandomError> {
    let b: [u8; 16] = random_bytes()?;
    Ok(hex(&b))
}

/// A reference for the advisor: `web-YYYYMMDD-XXXXXXXX` (the Swedish
/// date and 40 random bits) — the session's id in the store.
pub fn reference(date: &str) -> Result<String, RandomError> {
    let day: String = date.chars().filter(char::is_ascii_digit).collect();
    Ok(format!("web-{day}-{}", random_chars(8)?))
}

/// Equality that takes as long whatever the contents (for secrets).
pub fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

pub fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        let _ = write!(s, "{b:02x}");
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_as_people_type_them() {
        let c = Code::new().unwrap();
        assert_eq!(c.as_str().len(), CODE_LEN);
        let typed = c.grouped().to_lowercase().replace('-', " ");
        assert_eq!(Code::parse(&typed), Some(c.clone()));
        assert_ne!(Code::new().unwrap(), c);
        assert_eq!(c.hash().len(), 64);
        assert!(Code::parse("short").is_none());
        assert!(Code::parse(&"U".repeat(CODE_LEN)).is_none());
        assert!(Code::parse(&"A".repeat(CODE_LEN + 1)).is_none());
        assert_eq!(
            Code::parse(&"o".repeat(CODE_LEN)).unwrap().as_str(),
            "0".repeat(CODE_LEN)
        );
    }

    #[test]
    fn tokens_and_references() {
        assert_eq!(token().unwrap().len(), 32);
        let r = reference("2026-11-25").unwrap();
        assert!(r.starts_with("web-20261125-") && r.len() == 21, "{r}");
        assert!(crate::session::valid_id(&r));
        assert!(same("abc", "abc") && !same("abc", "abd") && !same("ab", "abc"));
    }
}
