//! Wall-clock timestamps as RFC 3339 UTC strings, without a date crate.

use std::time::{SystemTime, UNIX_EPOCH};

/// Now, as `YYYY-MM-DDTHH:MM:SSZ`.
pub fn now_rfc3339() -> String {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    format_unix(secs)
}

/// Formats seconds since the Unix epoch as `YYYY-MM-DDTHH:MM:SSZ`.
pub fn format_unix(secs: u64) -> String {
    let days = (secs / 86_400) as i64;
    let rem = secs % 86_400;
    let (y, m, d) = civil_from_days(days);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        (rem % 3600) / 60,
        rem % 60
    )
}

/// Howard Hinnant's days-to-civil algorithm (proleptic Gregorian calendar).
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

/// Seconds since the Unix epoch of a stored `YYYY-MM-DDTHH:MM:SSZ` timestamp.
pub fn parse_unix(stamp: &str) -> Option<i64> {
    let b = stamp.as_bytes();
    if b.len() < 19 || b[4] != b'-' || b[7] != b'-' || b[10] != b'T' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| stamp.get(r)?.parse::<i64>().ok();
    let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    let (h, min, s) = (num(11..13)?, num(14..16)?, num(17..19)?);
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) || h > 23 || min > 59 || s > 60 {
        return None;
    }
    Some(days_from_civil(y, m, d) * 86_400 + h * 3600 + min * 60 + s)
}

/// Howard Hinnant's civil-to-days algorithm, the inverse of [`civil_from_days`].
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// A stored UTC timestamp as `YYYY-MM-DD HH:MM` in the zone `offset` seconds east of UTC;
/// unchanged (cut short) when it is not a timestamp.
pub fn short_in(stamp: &str, offset: i32) -> String {
    match parse_unix(stamp) {
        Some(secs) => short(&format_unix(
            u64::try_from(secs + i64::from(offset)).unwrap_or(0),
        )),
        None => short(stamp),
    }
}

/// A zone's name from its offset: `UTC`, `UTC+1`, `UTC-3:30`.
pub fn zone_label(offset: i32) -> String {
    if offset == 0 {
        return "UTC".into();
    }
    let sign = if offset < 0 { '-' } else { '+' };
    let (h, m) = (offset.abs() / 3600, (offset.abs() % 3600) / 60);
    if m == 0 {
        format!("UTC{sign}{h}")
    } else {
        format!("UTC{sign}{h}:{m:02}")
    }
}

/// This machine's offset from UTC now, in seconds east (0 where it cannot be told).
pub fn local_offset() -> i32 {
    #[cfg(unix)]
    {
        let now = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        let t = libc::time_t::try_from(now).unwrap_or(0);
        // SAFETY: localtime_r writes only into `tm`, which lives on this stack frame.
        let mut tm: libc::tm = unsafe { std::mem::zeroed() };
        let ok = unsafe { !libc::localtime_r(&t, &mut tm).is_null() };
        if ok {
            return i32::try_from(tm.tm_gmtoff).unwrap_or(0);
        }
    }
    0
}

/// The `YYYY-MM-DD HH:MM` part of a stored timestamp, for lists.
pub fn short(stamp: &str) -> String {
    let s: String = stamp.chars().take(16).collect();
    s.replace('T', " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_dates() {
        assert_eq!(format_unix(0), "1970-01-01T00:00:00Z");
        assert_eq!(format_unix(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(format_unix(1_795_771_680), "2026-11-27T09:28:00Z");
    }

    #[test]
    fn local_times_and_zone_names() {
        assert_eq!(parse_unix("2026-11-27T09:28:00Z"), Some(1_795_771_680));
        assert_eq!(parse_unix("2000-02-29T00:00:00Z"), Some(951_782_400));
        assert_eq!(parse_unix("nonsense"), None);
        assert_eq!(short_in("2026-11-27T23:30:00Z", 3600), "2026-11-28 00:30");
        assert_eq!(short_in("2026-11-27T09:28:00Z", 0), "2026-11-27 09:28");
        assert_eq!(zone_label(0), "UTC");
        assert_eq!(zone_label(7200), "UTC+2");
        assert_eq!(zone_label(-12_600), "UTC-3:30");
    }

    #[test]
    fn short_form() {
        assert_eq!(short("2026-11-27T09:28:00Z"), "2026-11-27 09:28");
        assert_eq!(short("x"), "x");
    }
}
