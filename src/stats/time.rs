//! Timestamps as telemetry exports write them, and window lengths.
//!
//! No date crate: the formats are few and fixed (RFC 3339, the Azure portal's
//! `6/14/2025, 9:03:11.482 AM`, its newer `2020/10/16 0:00:01.403`, W3C `date` + `time`
//! fields, OTLP Unix nanoseconds), and every one of them is UTC.

use std::time::Duration;

/// Milliseconds since 1970-01-01T00:00:00Z.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(pub i64);

pub(crate) const MILLIS_PER_HOUR: i64 = 3_600_000;
pub(crate) const MILLIS_PER_DAY: i64 = 86_400_000;

impl Timestamp {
    /// Parses any supported format; `None` when the text is not a date.
    pub fn parse(text: &str) -> Option<Timestamp> {
        let text = text.trim();
        let bytes = text.as_bytes();
        if bytes.len() >= 8 && bytes[..4].iter().all(u8::is_ascii_digit) {
            return match bytes[4] {
                b'-' => parse_iso(text),
                b'/' => parse_year_first_slashes(text),
                _ => None,
            };
        }
        parse_us_portal(text)
    }

    /// A W3C log line's `date` (`2025-06-14`) and `time` (`09:03:11`, optional fraction).
    pub fn from_date_and_time(date: &str, time: &str) -> Option<Timestamp> {
        let mut c = Cursor::new(date.trim());
        let (y, m, d) = c.iso_date()?;
        if !c.done() {
            return None;
        }
        let mut t = Cursor::new(time.trim());
        let ms = t.clock(false)?;
        if !t.done() {
            return None;
        }
        Some(Timestamp(days_from_civil(y, m, d) * MILLIS_PER_DAY + ms))
    }

    /// OTLP `timeUnixNano`.
    pub fn from_unix_nanos(nanos: u64) -> Timestamp {
        Timestamp((nanos / 1_000_000) as i64)
    }

    /// `2025-06-01T00:00:00Z`, with milliseconds only when they are not zero.
    pub fn to_rfc3339(self) -> String {
        let days = self.0.div_euclid(MILLIS_PER_DAY);
        let ms_of_day = self.0.rem_euclid(MILLIS_PER_DAY);
        let (y, m, d) = civil_from_days(days);
        let secs = ms_of_day / 1000;
        let millis = ms_of_day % 1000;
        let (hh, mm, ss) = (secs / 3600, secs / 60 % 60, secs % 60);
        if millis == 0 {
            format!("{y:04}-{m:02}-{d:02}T{hh:02}:{mm:02}:{ss:02}Z")
        } else {
            format!("{y:04}-{m:02}-{d:02}T{hh:02}:{mm:02}:{ss:02}.{millis:03}Z")
        }
    }
}

impl std::fmt::Display for Timestamp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.to_rfc3339())
    }
}

/// Parses `--window`: `30d`, `12h`, `2w`, or a bare number of days.
pub fn parse_window_length(text: &str) -> Result<Duration, String> {
    let t = text.trim();
    let (digits, unit) = match t.char_indices().find(|(_, c)| !c.is_ascii_digit()) {
        Some((i, _)) => (&t[..i], t[i..].trim()),
        None => (t, "d"),
    };
    let n: u64 = digits
        .parse()
        .map_err(|_| format!("`{text}` is not a window length; write e.g. 30d, 12h or 2w"))?;
    let hours = match unit {
        "d" | "day" | "days" => n.checked_mul(24),
        "h" | "hour" | "hours" => Some(n),
        "w" | "week" | "weeks" => n.checked_mul(24 * 7),
        _ => None,
    }
    .ok_or_else(|| format!("`{text}` is not a window length; write e.g. 30d, 12h or 2w"))?;
    if hours == 0 {
        return Err("the window must be at least one hour long".into());
    }
    let seconds = hours
        .checked_mul(3600)
        .ok_or_else(|| format!("`{text}` is too long a window"))?;
    Ok(Duration::from_secs(seconds))
}

/// Parses `--as-of`: a date (`2025-07-01`, meaning its midnight UTC) or an RFC 3339 time.
pub fn parse_as_of(text: &str) -> Result<Timestamp, String> {
    Timestamp::parse(text)
        .ok_or_else(|| format!("`{text}` is not a date; write 2025-07-01 or 2025-07-01T00:00:00Z"))
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
pub(crate) fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let mp = (i64::from(m) + 9) % 12;
    let doy = (153 * mp + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

fn days_in_month(y: i64, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

fn valid_date(y: i64, m: u32, d: u32) -> bool {
    (1..=12).contains(&m) && d >= 1 && d <= days_in_month(y, m)
}

/// `2025-06-01`, `2025-06-01T00:00:00Z`, `2025-06-01 00:00:00.123+02:00`, `… UTC`.
fn parse_iso(text: &str) -> Option<Timestamp> {
    let mut c = Cursor::new(text);
    let (y, m, d) = c.iso_date()?;
    let mut ms = 0;
    if c.eat(b'T') || c.eat(b't') || c.eat(b' ') {
        ms = c.clock(false)?;
    }
    let offset = c.zone()?;
    if !c.done() {
        return None;
    }
    Some(Timestamp(
        days_from_civil(y, m, d) * MILLIS_PER_DAY + ms - offset,
    ))
}

/// `2020/10/16 0:00:01.403` (the portal's CSV export after its 2020 change).
fn parse_year_first_slashes(text: &str) -> Option<Timestamp> {
    let mut c = Cursor::new(text);
    let y = c.number(4, 4)? as i64;
    c.expect(b'/')?;
    let m = c.number(1, 2)? as u32;
    c.expect(b'/')?;
    let d = c.number(1, 2)? as u32;
    if !valid_date(y, m, d) {
        return None;
    }
    let mut ms = 0;
    if c.eat(b' ') || c.eat(b'T') {
        c.skip_spaces();
        ms = c.clock(true)?;
    }
    let offset = c.zone()?;
    if !c.done() {
        return None;
    }
    Some(Timestamp(
        days_from_civil(y, m, d) * MILLIS_PER_DAY + ms - offset,
    ))
}

/// `6/14/2025, 9:03:11.482 AM` (the Azure portal's "Export to CSV").
fn parse_us_portal(text: &str) -> Option<Timestamp> {
    let mut c = Cursor::new(text);
    let m = c.number(1, 2)? as u32;
    c.expect(b'/')?;
    let d = c.number(1, 2)? as u32;
    c.expect(b'/')?;
    let y = c.number(4, 4)? as i64;
    if !valid_date(y, m, d) {
        return None;
    }
    c.eat(b',');
    c.skip_spaces();
    let ms = if c.done() { 0 } else { c.clock(true)? };
    let offset = c.zone()?;
    if !c.done() {
        return None;
    }
    Some(Timestamp(
        days_from_civil(y, m, d) * MILLIS_PER_DAY + ms - offset,
    ))
}

struct Cursor<'a> {
    b: &'a [u8],
    pos: usize,
}

impl<'a> Cursor<'a> {
    fn new(text: &'a str) -> Self {
        Cursor {
            b: text.as_bytes(),
            pos: 0,
        }
    }
    fn done(&self) -> bool {
        self.pos == self.b.len()
    }
    fn peek(&self) -> Option<u8> {
        self.b.get(self.pos).copied()
    }
    fn eat(&mut self, byte: u8) -> bool {
        if self.peek() == Some(byte) {
            self.pos += 1;
            true
        } else {
            false
        }
    }
    fn expect(&mut self, byte: u8) -> Option<()> {
        self.eat(byte).then_some(())
    }
    fn skip_spaces(&mut self) {
        while self.peek() == Some(b' ') {
            self.pos += 1;
        }
    }
    /// Between `min` and `max` ASCII digits.
    fn number(&mut self, min: usize, max: usize) -> Option<u64> {
        let start = self.pos;
        let mut n: u64 = 0;
        while self.pos - start < max {
            match self.peek() {
                Some(b @ b'0'..=b'9') => {
                    n = n * 10 + u64::from(b - b'0');
                    self.pos += 1;
                }
                _ => break,
            }
        }
        (self.pos - start >= min).then_some(n)
    }
    fn iso_date(&mut self) -> Option<(i64, u32, u32)> {
        let y = self.number(4, 4)? as i64;
        self.expect(b'-')?;
        let m = self.number(2, 2)? as u32;
        self.expect(b'-')?;
        let d = self.number(2, 2)? as u32;
        valid_date(y, m, d).then_some((y, m, d))
    }
    /// `H:MM[:SS[.fff…]]`, with ` AM`/` PM` when `twelve_hour` allows it. Milliseconds
    /// of the day.
    fn clock(&mut self, twelve_hour: bool) -> Option<i64> {
        let mut h = self.number(1, 2)? as i64;
        self.expect(b':')?;
        let mi = self.number(2, 2)? as i64;
        let mut s = 0;
        let mut ms = 0;
        if self.eat(b':') {
            s = self.number(2, 2)? as i64;
            if self.eat(b'.') || self.eat(b',') {
                let start = self.pos;
                let mut frac: i64 = 0;
                let mut digits = 0;
                while let Some(b @ b'0'..=b'9') = self.peek() {
                    if digits < 3 {
                        frac = frac * 10 + i64::from(b - b'0');
                        digits += 1;
                    }
                    self.pos += 1;
                }
                if self.pos == start {
                    return None;
                }
                while digits < 3 {
                    frac *= 10;
                    digits += 1;
                }
                ms = frac;
            }
        }
        if twelve_hour {
            let save = self.pos;
            self.skip_spaces();
            let rest = &self.b[self.pos..];
            if rest.len() >= 2 && rest[1].eq_ignore_ascii_case(&b'm') {
                let pm = match rest[0].to_ascii_lowercase() {
                    b'a' => Some(false),
                    b'p' => Some(true),
                    _ => None,
                };
                if let Some(pm) = pm {
                    if !(1..=12).contains(&h) {
                        return None;
                    }
                    h %= 12;
                    if pm {
                        h += 12;
                    }
                    self.pos += 2;
                } else {
                    self.pos = save;
                }
            } else {
                self.pos = save;
            }
        }
        if h > 23 || mi > 59 || s > 60 {
            return None;
        }
        Some(((h * 60 + mi) * 60 + s) * 1000 + ms)
    }
    /// `Z`, `±HH:MM`, `±HHMM`, ` UTC`, or nothing (UTC). Offset in milliseconds.
    fn zone(&mut self) -> Option<i64> {
        if self.eat(b'Z') || self.eat(b'z') {
            return Some(0);
        }
        let save = self.pos;
        self.skip_spaces();
        if self.b[self.pos..].eq_ignore_ascii_case(b"utc") {
            self.pos = self.b.len();
            return Some(0);
        }
        self.pos = save;
        let sign = match self.peek() {
            Some(b'+') => 1,
            Some(b'-') => -1,
            _ => return Some(0),
        };
        self.pos += 1;
        let h = self.number(2, 2)? as i64;
        self.eat(b':');
        let m = self.number(2, 2)? as i64;
        Some(sign * (h * 60 + m) * 60_000)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iso(text: &str) -> String {
        Timestamp::parse(text)
            .map(Timestamp::to_rfc3339)
            .unwrap_or_default()
    }

    #[test]
    fn formats() {
        assert_eq!(iso("2025-06-01T00:00:00Z"), "2025-06-01T00:00:00Z");
        assert_eq!(iso("2025-06-01"), "2025-06-01T00:00:00Z");
        assert_eq!(
            iso("2025-06-14 09:03:11.4821234"),
            "2025-06-14T09:03:11.482Z"
        );
        assert_eq!(iso("2025-06-14T11:03:11+02:00"), "2025-06-14T09:03:11Z");
        assert_eq!(iso("6/14/2025, 9:03:11.482 AM"), "2025-06-14T09:03:11.482Z");
        assert_eq!(iso("6/1/2025, 12:00:00.000 AM"), "2025-06-01T00:00:00Z");
        assert_eq!(iso("7/1/2025, 12:30:00.000 PM"), "2025-07-01T12:30:00Z");
        assert_eq!(iso("2020/10/16 0:00:01.403"), "2020-10-16T00:00:01.403Z");
        assert_eq!(iso("2024-02-29T23:59:59Z"), "2024-02-29T23:59:59Z");
        for bad in [
            "",
            "abc",
            "2025-13-01",
            "2025-02-30",
            "6/14/2025, 13:00 PM",
            "2025-06-01T25:00",
        ] {
            assert_eq!(Timestamp::parse(bad), None, "{bad}");
        }
        assert_eq!(
            Timestamp::from_date_and_time("2025-06-14", "09:03:11").map(Timestamp::to_rfc3339),
            Some("2025-06-14T09:03:11Z".into())
        );
        assert_eq!(
            Timestamp::from_unix_nanos(1_751_328_000_000_000_000).to_rfc3339(),
            "2025-07-01T00:00:00Z"
        );
        assert_eq!(Timestamp(-1).to_rfc3339(), "1969-12-31T23:59:59.999Z");
    }

    #[test]
    fn windows() {
        assert_eq!(
            parse_window_length("30d"),
            Ok(Duration::from_secs(30 * 86_400))
        );
        assert_eq!(
            parse_window_length("12h"),
            Ok(Duration::from_secs(12 * 3600))
        );
        assert_eq!(
            parse_window_length("2w"),
            Ok(Duration::from_secs(14 * 86_400))
        );
        assert_eq!(
            parse_window_length("7"),
            Ok(Duration::from_secs(7 * 86_400))
        );
        assert!(parse_window_length("0d").is_err());
        assert!(parse_window_length("30x").is_err());
        assert!(parse_window_length("").is_err());
        assert_eq!(
            parse_as_of("2025-07-01").map(|t| t.0),
            Ok(1_751_328_000_000)
        );
    }
}
