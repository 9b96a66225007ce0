//! Dates and times, on [`jiff`]: files keep RFC 3339 timestamps in UTC;
//! dates and times shown to people are Swedish local time
//! (Europe/Stockholm), from the system's time-zone database or, when the
//! machine has none, the copy compiled into the binary.

use std::sync::OnceLock;

pub use jiff::civil::Date;
use jiff::tz::TimeZone;
use jiff::{Timestamp, ToSpan as _};

/// The time zone of the people who use the program.
pub const ZONE: &str = "Europe/Stockholm";

/// Why a text is not a date.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    /// Not of the form `YYYY-MM-DD` (e.g. `2026-11-25junk`, `25/11/2026`).
    #[error("`{0}` is not a date; write YYYY-MM-DD")]
    Format(String),
    /// The form is right but there is no such day (e.g. `2026-02-30`).
    #[error("`{0}` is not a day in the calendar")]
    NoSuchDay(String),
}

/// Europe/Stockholm: from the system's database, else the bundled copy;
/// UTC only if neither has it (which a release build cannot hit).
pub fn stockholm() -> &'static TimeZone {
    static TZ: OnceLock<TimeZone> = OnceLock::new();
    TZ.get_or_init(|| {
        jiff::tz::db()
            .get(ZONE)
            .or_else(|_| jiff::tz::TimeZoneDatabase::bundled().get(ZONE))
            .unwrap_or(TimeZone::UTC)
    })
}

/// Today's date in Sweden.
pub fn today() -> Date {
    Timestamp::now()
        .to_zoned_datetime(stockholm().clone())
        .date()
}

/// Parses exactly `YYYY-MM-DD` (nothing before or after it).
pub fn parse_ymd(s: &str) -> Result<Date, DateError> {
    let b = s.as_bytes();
    let shape = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shape {
        return Err(DateError::Format(crate::text::sanitize_line(s)));
    }
    let num = |r: std::ops::Range<usize>| s.get(r).and_then(|x| x.parse::<i16>().ok());
    let (Some(y), Some(m), Some(d)) = (num(0..4), num(5..7), num(8..10)) else {
        return Err(DateError::Format(crate::text::sanitize_line(s)));
    };
    let (Ok(m), Ok(d)) = (i8::try_from(m), i8::try_from(d)) else {
        return Err(DateError::NoSuchDay(s.to_string()));
    };
    Date::new(y, m, d).map_err(|_| DateError::NoSuchDay(s.to_string()))
}

/// [`parse_ymd`] without the reason.
pub fn parse_date(s: &str) -> Option<Date> {
    parse_ymd(s).ok()
}

/// The Swedish date of an RFC 3339 timestamp as stored in session files
/// (`2026-09-30T23:30:00Z` is 1 October in Sweden); a plain `YYYY-MM-DD`
/// is taken as it is.
pub fn local_date(stamp: &str) -> Option<Date> {
    match stamp.parse::<Timestamp>() {
        Ok(t) => Some(t.to_zoned_datetime(stockholm().clone()).date()),
        Err(_) => parse_date(stamp),
    }
}

/// An RFC 3339 timestamp as people read it: `2026-11-25 11:42` in Swedish
/// local time. Anything that is not a timestamp comes back as it is.
pub fn local_time(stamp: &str) -> String {
    match stamp.parse::<Timestamp>() {
        Ok(t) => t
            .to_zoned_datetime(stockholm().clone())
            .strftime("%Y-%m-%d %H:%M")
            .to_string(),
        Err(_) => stamp.to_string(),
    }
}

/// An RFC 3339 timestamp in Swedish local time, still RFC 3339 but with
/// Stockholm's offset: `2026-07-01T10:42:00Z` is
/// `2026-07-01T12:42:00+02:00` (summer), `2026-11-25T10:42:00Z` is
/// `2026-11-25T11:42:00+01:00` (winter). `None` for anything that is not
/// a timestamp.
pub fn local_rfc3339(stamp: &str) -> Option<String> {
    let t = stamp.parse::<Timestamp>().ok()?;
    Some(
        t.to_zoned_datetime(stockholm().clone())
            .strftime("%Y-%m-%dT%H:%M:%S%:z")
            .to_string(),
    )
}

/// The Swedish date and time of day (`HH:MM`) of an RFC 3339 timestamp,
/// for sentences such as "on 2026-07-01 at 12:42". `None` for anything
/// that is not a timestamp.
pub fn local_date_and_time(stamp: &str) -> Option<(String, String)> {
    let t = stamp.parse::<Timestamp>().ok()?;
    let z = t.to_zoned_datetime(stockholm().clone());
    Some((
        z.strftime("%Y-%m-%d").to_string(),
        z.strftime("%H:%M").to_string(),
    ))
}

/// The date `days` after `date` (saturating at the end of the calendar).
pub fn add_days(date: Date, days: i32) -> Date {
    date.checked_add(days.days()).unwrap_or(date)
}

/// Whole days from `a` to `b` (negative when `b` is earlier).
pub fn days_between(a: Date, b: Date) -> i64 {
    b.duration_since(a).as_secs().div_euclid(86_400)
}

/// Seconds since the Unix epoch, now.
pub fn now_secs() -> i64 {
    Timestamp::now().as_second()
}

/// `YYYY-MM-DDTHH:MM:SSZ` (RFC 3339, UTC) for a Unix time: the form kept
/// in files.
pub fn rfc3339(secs: i64) -> String {
    match Timestamp::from_second(secs) {
        Ok(t) => t.strftime("%Y-%m-%dT%H:%M:%SZ").to_string(),
        Err(_) => "1970-01-01T00:00:00Z".to_string(),
    }
}

/// The current time as `YYYY-MM-DDTHH:MM:SSZ`.
pub fn now_rfc3339() -> String {
    rfc3339(now_secs())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strict_dates() {
        assert_eq!(
            parse_ymd("2026-11-25"),
            Ok(Date::new(2026, 11, 25).unwrap())
        );
        for bad in [
            "2026-11-25junk",
            "2026-11-2",
            " 2026-11-25",
            "2026/11/25",
            "+2026-11-25",
            "",
            "2026-1-125",
        ] {
            assert!(matches!(parse_ymd(bad), Err(DateError::Format(_))), "{bad}");
        }
        for bad in ["2026-02-30", "2026-13-01", "2026-00-10"] {
            assert!(
                matches!(parse_ymd(bad), Err(DateError::NoSuchDay(_))),
                "{bad}"
            );
        }
        let d = parse_ymd("2026-11-25").unwrap();
        assert_eq!(add_days(d, 14).to_string(), "2026-12-09");
        assert_eq!(days_between(d, add_days(d, 14)), 14);
        assert_eq!(days_between(add_days(d, 14), d), -14);
    }

    #[test]
    fn files_in_utc_people_in_stockholm() {
        assert_eq!(rfc3339(0), "1970-01-01T00:00:00Z");
        assert_eq!(rfc3339(1_795_000_000), "2026-11-18T11:06:40Z");
        // Winter (UTC+1) and summer (UTC+2).
        assert_eq!(local_time("2026-11-25T10:42:00Z"), "2026-11-25 11:42");
        assert_eq!(local_time("2026-07-01T10:42:00Z"), "2026-07-01 12:42");
        assert_eq!(local_time("2026-07-01T10:42:00+02:00"), "2026-07-01 10:42");
        assert_eq!(local_time("igår"), "igår");
        assert_eq!(
            local_rfc3339("2026-07-01T10:42:00Z").as_deref(),
            Some("2026-07-01T12:42:00+02:00")
        );
        assert_eq!(
            local_rfc3339("2026-11-25T10:42:00Z").as_deref(),
            Some("2026-11-25T11:42:00+01:00")
        );
        // The last Sunday of October, 01:30 UTC: already winter time.
        assert_eq!(
            local_rfc3339("2026-10-25T01:30:00Z").as_deref(),
            Some("2026-10-25T02:30:00+01:00")
        );
        assert_eq!(local_rfc3339("igår"), None);
        assert_eq!(
            local_date_and_time("2026-09-30T22:30:00Z"),
            Some(("2026-10-01".to_string(), "00:30".to_string()))
        );
        assert_eq!(
            local_date("2026-09-30T23:30:00Z"),
            Some(Date::new(2026, 10, 1).unwrap())
        );
        assert_eq!(
            local_date("2026-09-30"),
            Some(Date::new(2026, 9, 30).unwrap())
        );
        assert_eq!(local_date("2026-09-30junk"), None);
    }

    #[test]
    fn the_bundled_database_knows_stockholm() {
        let tz = jiff::tz::TimeZoneDatabase::bundled().get(ZONE).unwrap();
        let t: Timestamp = "2026-11-25T23:30:00Z".parse().unwrap();
        assert_eq!(
            t.to_zoned_datetime(tz).date(),
            Date::new(2026, 11, 26).unwrap()
        );
    }
}
