//! Typed values at the argument boundary: clap parses them, so a bad value
//! is a usage error (exit 2) that names the option.

use behovsanalys::time::{self, Date};

/// `YYYY-MM-DD`, exactly: `2026-11-25junk` and `2026-02-30` are refused.
pub fn date(s: &str) -> Result<Date, String> {
    time::parse_ymd(s).map_err(|e| e.to_string())
}
