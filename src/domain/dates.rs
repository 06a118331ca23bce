//! Dates and times as the app writes them, in English, without chrono's
//! `strftime` machinery (its format-string parser and `DelayedFormat` are
//! about 12 KB of wasm that these few fixed formats do not need), and the
//! one place the app asks what day it is ([`today`]).

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, NaiveDateTime, TimeZone, Timelike, Utc};

use super::history::week_start;

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
const DAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The walker's local calendar date today, from the phone's clock. Every
/// screen takes "today" from here; the rules themselves take it as an
/// argument, so they are tested with fixed dates.
pub fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

/// "2026-11-25".
pub fn iso_date(d: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

/// "07:05" (24-hour clock).
pub fn hh_mm(t: &impl Timelike) -> String {
    format!("{:02}:{:02}", t.hour(), t.minute())
}

/// "16 Nov".
pub fn day_month(d: NaiveDate) -> String {
    format!("{} {}", d.day(), MONTHS[d.month0() as usize])
}

/// The first and last of `days` as "16 Nov" (the two ends of a chart's
/// axis); `None` when there are none.
pub fn first_and_last(
    mut days: impl DoubleEndedIterator<Item = NaiveDate>,
) -> (Option<String>, Option<String>) {
    let first = days.next();
    let last = days.next_back().or(first);
    (first.map(day_month), last.map(day_month))
}

/// "Mon 16 Nov".
pub fn weekday_day_month(d: NaiveDate) -> String {
    format!(
        "{} {}",
        DAYS[d.weekday().num_days_from_monday() as usize],
        day_month(d)
    )
}

/// "16 Nov 2026".
pub fn day_month_year(d: NaiveDate) -> String {
    format!("{} {}", day_month(d), d.year())
}

/// "November 2026".
pub fn month_year(d: NaiveDate) -> String {
    format!("{} {}", MONTH_NAMES[d.month0() as usize], d.year())
}

/// "Mon 16 Nov", with the year when it is not `today`'s year.
pub fn day_label(d: NaiveDate, today: NaiveDate) -> String {
    let base = weekday_day_month(d);
    if d.year() == today.year() {
        base
    } else {
        format!("{base} {}", d.year())
    }
}

/// "Today", "Yesterday", or [`day_label`].
pub fn day_heading(d: NaiveDate, today: NaiveDate) -> String {
    match (today - d).num_days() {
        0 => "Today".into(),
        1 => "Yesterday".into(),
        _ => day_label(d, today),
    }
}

/// "This week", "Last week", or "Week of 16 Nov" (Monday's date, with the
/// year when it differs from `today`'s).
pub fn week_heading(monday: NaiveDate, today: NaiveDate) -> String {
    match (week_start(today) - monday).num_days() {
        0 => "This week".into(),
        7 => "Last week".into(),
        _ if monday.year() != today.year() => {
            format!("Week of {} {}", day_month(monday), monday.year())
        }
        _ => format!("Week of {}", day_month(monday)),
    }
}

/// "20261125T190500" (iCalendar's DATE-TIME, strftime's
/// `%Y%m%dT%H%M%S`): four-digit years, a sign on years outside 0-9999.
pub fn compact_date_time(t: NaiveDateTime) -> String {
    let y = t.year();
    let year = if (0..=9999).contains(&y) {
        format!("{y:04}")
    } else {
        format!("{y:+05}")
    };
    // strftime writes a leap second as 60.
    let sec = t.second() + t.nanosecond() / 1_000_000_000;
    format!(
        "{year}{:02}{:02}T{:02}{:02}{sec:02}",
        t.month(),
        t.day(),
        t.hour(),
        t.minute()
    )
}

/// Hours and minutes from `"HH:MM"` as strftime's `%H:%M` reads them: one
/// or two digits each, optional leading white space before each number,
/// nothing after; `None` when it is not a time of day.
pub fn parse_hh_mm(text: &str) -> Option<(u32, u32)> {
    fn number(s: &str) -> Option<(u32, &str)> {
        let s = s.trim_start();
        let n = s.bytes().take(2).take_while(u8::is_ascii_digit).count();
        let v = s
            .bytes()
            .take(n)
            .fold(0, |v, b| v * 10 + u32::from(b - b'0'));
        (n > 0).then(|| (v, &s[n..]))
    }
    let (h, rest) = number(text)?;
    let (m, rest) = number(rest.strip_prefix(':')?)?;
    (rest.is_empty() && h < 24 && m < 60).then_some((h, m))
}

/// An offset from UTC as in RFC 3339: "+01:00", "-05:30", "+00:00".
pub fn utc_offset(o: FixedOffset) -> String {
    let s = o.local_minus_utc();
    let sign = if s < 0 { '-' } else { '+' };
    let m = s.unsigned_abs() / 60;
    format!("{sign}{:02}:{:02}", m / 60, m % 60)
}

/// An instant as the store writes it (RFC 3339, "2026-11-25T09:00:00Z",
/// as chrono's serde writes `DateTime<Utc>`), read by hand with the rules of
/// chrono's strict RFC 3339 reader: "T", "t" or a space between date and
/// time, any number of fraction digits (nanoseconds from the first nine), a
/// leap second 60, "Z"/"z" or an offset up to 23:59; and the signed years
/// chrono writes outside 0-9999 ("+10000-01-01T..."). Serde's default reader
/// goes through chrono's general format parser (about 4 KB of gzipped wasm)
/// and chrono's strict reader is about 1 KB more than this.
pub fn parse_utc(text: &str) -> Option<DateTime<Utc>> {
    let b = text.as_bytes();
    let (sign, start) = match b.first()? {
        b'-' => (-1, 1),
        b'+' => (1, 1),
        _ => (1, 0),
    };
    let year_len = b[start..].iter().position(|&c| c == b'-')?;
    let year_ok = if start == 0 {
        year_len == 4
    } else {
        (4..=6).contains(&year_len)
    };
    if !year_ok {
        return None;
    }
    let year = sign * digits(&b[start..start + year_len])? as i32;
    let r = &b[start + year_len + 1..];
    if r.len() < 14
        || r[2] != b'-'
        || !matches!(r[5], b'T' | b't' | b' ')
        || r[8] != b':'
        || r[11] != b':'
    {
        return None;
    }
    let two = |i: usize| digits(&r[i..i + 2]);
    let (month, day, hour, minute) = (two(0)?, two(3)?, two(6)?, two(9)?);
    let mut second = two(12)?;
    let mut rest = &r[14..];
    let mut nano = 0;
    if let Some(frac) = rest.strip_prefix(b".") {
        let n = frac.iter().take_while(|c| c.is_ascii_digit()).count();
        if n == 0 {
            return None;
        }
        let nine = &frac[..n.min(9)];
        nano = digits(nine)? * 10u32.pow(9 - nine.len() as u32);
        rest = &frac[n..];
    }
    let offset = match rest {
        [b'Z' | b'z'] => 0,
        [s @ (b'+' | b'-'), h1, h2, b':', m1, m2] => {
            let (h, m) = (digits(&[*h1, *h2])?, digits(&[*m1, *m2])?);
            if h > 23 || m > 59 {
                return None;
            }
            let secs = (h * 3600 + m * 60) as i32;
            if *s == b'-' {
                -secs
            } else {
                secs
            }
        }
        _ => return None,
    };
    if second == 60 {
        second = 59;
        nano += 1_000_000_000;
    }
    let local =
        NaiveDate::from_ymd_opt(year, month, day)?.and_hms_nano_opt(hour, minute, second, nano)?;
    FixedOffset::east_opt(offset)?
        .from_local_datetime(&local)
        .single()
        .map(|t| t.with_timezone(&Utc))
}

/// ASCII digits as a number (`None` for anything else, or for none or more
/// than nine of them).
fn digits(b: &[u8]) -> Option<u32> {
    if b.is_empty() || b.len() > 9 {
        return None;
    }
    b.iter().try_fold(0u32, |n, &c| {
        c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
    })
}

/// `#[serde(with = "rfc3339")]` for a `DateTime<Utc>` field (see
/// [`parse_utc`]); written exactly as before.
pub mod rfc3339 {
    use chrono::{DateTime, Utc};
    use serde::{de::Error, Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<S: Serializer>(t: &DateTime<Utc>, s: S) -> Result<S::Ok, S::Error> {
        t.serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<DateTime<Utc>, D::Error> {
        let text = String::deserialize(d)?;
        super::parse_utc(&text).ok_or_else(|| D::Error::custom("not an RFC 3339 date and time"))
    }
}

/// The same for a map of instants (the store's tombstones and edit times).
pub mod rfc3339_map {
    use std::collections::BTreeMap;

    use chrono::{DateTime, Utc};
    use serde::de::{Error, MapAccess, Visitor};
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<K: Serialize, S: Serializer>(
        m: &BTreeMap<K, DateTime<Utc>>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        m.serialize(s)
    }

    pub fn deserialize<'de, K, D>(d: D) -> Result<BTreeMap<K, DateTime<Utc>>, D::Error>
    where
        K: Deserialize<'de> + Ord,
        D: Deserializer<'de>,
    {
        struct Entries<K>(std::marker::PhantomData<K>);
        impl<'de, K: Deserialize<'de> + Ord> Visitor<'de> for Entries<K> {
            type Value = BTreeMap<K, DateTime<Utc>>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a map of RFC 3339 dates and times")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut out = BTreeMap::new();
                while let Some((k, v)) = map.next_entry::<K, String>()? {
                    let t = super::parse_utc(&v)
                        .ok_or_else(|| A::Error::custom("not an RFC 3339 date and time"))?;
                    out.insert(k, t);
                }
                Ok(out)
            }
        }
        d.deserialize_map(Entries(std::marker::PhantomData))
    }
}

/// A date as chrono writes it ("2026-11-25"; signed past year 9999),
/// without chrono's general format parser (see [`parse_utc`]).
pub fn parse_iso_date(text: &str) -> Option<NaiveDate> {
    let (sign, body) = match text.as_bytes().first() {
        Some(b'-') => (-1, &text[1..]),
        Some(b'+') => (1, &text[1..]),
        _ => (1, text),
    };
    let mut parts = body.split('-');
    let mut field = |max_len: usize| -> Option<i32> {
        let p = parts.next()?;
        if p.is_empty() || p.len() > max_len || !p.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        p.parse().ok()
    };
    let (year, month, day) = (field(6)?, field(2)?, field(2)?);
    if parts.next().is_some() {
        return None;
    }
    NaiveDate::from_ymd_opt(sign * year, month as u32, day as u32)
}

/// `#[serde(with = "iso_date_opt")]` for an `Option<NaiveDate>` field.
pub mod iso_date_opt {
    use chrono::NaiveDate;
    use serde::{de::Error, Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<S: Serializer>(d: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
        d.serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
        Option::<String>::deserialize(d)?
            .map(|t| super::parse_iso_date(&t).ok_or_else(|| D::Error::custom("not a date")))
            .transpose()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{NaiveTime, TimeZone};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn a_charts_axis_ends_name_its_first_and_last_week() {
        let weeks = [d(2026, 11, 2), d(2026, 11, 9), d(2026, 11, 16)];
        assert_eq!(
            first_and_last(weeks.into_iter()),
            (Some("2 Nov".into()), Some("16 Nov".into()))
        );
        let one = [d(2026, 11, 2)];
        assert_eq!(
            first_and_last(one.into_iter()),
            (Some("2 Nov".into()), Some("2 Nov".into()))
        );
        assert_eq!(first_and_last(std::iter::empty()), (None, None));
    }

    #[test]
    fn formats_match_chrono_strftime() {
        for date in [
            d(2026, 1, 5),
            d(2026, 11, 25),
            d(1999, 12, 31),
            d(2024, 2, 29),
        ] {
            assert_eq!(iso_date(date), date.format("%Y-%m-%d").to_string());
            assert_eq!(day_month(date), date.format("%-d %b").to_string());
            assert_eq!(
                weekday_day_month(date),
                date.format("%a %-d %b").to_string()
            );
            assert_eq!(day_month_year(date), date.format("%-d %b %Y").to_string());
        }
        for (h, m) in [(0, 0), (7, 5), (23, 59)] {
            let t = NaiveTime::from_hms_opt(h, m, 30).unwrap();
            assert_eq!(hh_mm(&t), t.format("%H:%M").to_string());
        }
        for secs in [0, 3600, -5 * 3600 - 1800, 5 * 3600 + 2700, -60] {
            let o = FixedOffset::east_opt(secs).unwrap();
            let t = o.with_ymd_and_hms(2026, 3, 29, 1, 30, 0).unwrap();
            assert_eq!(utc_offset(o), t.format("%:z").to_string(), "{secs}");
        }
    }

    #[test]
    fn calendar_stamps_and_times_match_chrono_strftime() {
        for (y, mo, day, h, mi, sec, nano) in [
            (2026, 11, 25, 19, 5, 0, 0),
            (2026, 1, 2, 3, 4, 5, 6),
            (999, 12, 31, 23, 59, 59, 1_500_000_000),
            (-3, 6, 1, 0, 0, 0, 0),
            (12345, 7, 8, 9, 10, 11, 0),
        ] {
            let t = d(y, mo, day).and_hms_nano_opt(h, mi, sec, nano).unwrap();
            assert_eq!(compact_date_time(t), t.format("%Y%m%dT%H%M%S").to_string());
        }
        for text in [
            "19:00", "07:45", "7:5", "00:00", "23:59", " 7: 05", "25:00", "12:60", "12:3a",
            "12:30:00", "12", ":30", "123:00", "12:345", "", "+1:00", "1 :00", "12:",
        ] {
            let chrono = NaiveTime::parse_from_str(text, "%H:%M")
                .ok()
                .map(|t| (t.hour(), t.minute()));
            assert_eq!(parse_hh_mm(text), chrono, "{text:?}");
        }
    }

    #[test]
    fn dates_are_relative_when_close() {
        let today = d(2026, 11, 25); // a Wednesday
        assert_eq!(day_heading(today, today), "Today");
        assert_eq!(day_heading(d(2026, 11, 24), today), "Yesterday");
        assert_eq!(day_heading(d(2026, 11, 16), today), "Mon 16 Nov");
        assert_eq!(day_heading(d(2025, 12, 31), today), "Wed 31 Dec 2025");
        assert_eq!(week_heading(d(2026, 11, 23), today), "This week");
        assert_eq!(week_heading(d(2026, 11, 16), today), "Last week");
        assert_eq!(week_heading(d(2026, 11, 9), today), "Week of 9 Nov");
        assert_eq!(week_heading(d(2025, 12, 29), today), "Week of 29 Dec 2025");
        assert_eq!(month_year(d(2026, 3, 9)), "March 2026");
    }

    #[test]
    fn reads_as_a_person_would_write_it() {
        assert_eq!(weekday_day_month(d(2026, 11, 25)), "Wed 25 Nov");
        assert_eq!(day_month_year(d(2026, 11, 5)), "5 Nov 2026");
        assert_eq!(
            utc_offset(FixedOffset::west_opt(5 * 3600 + 1800).unwrap()),
            "-05:30"
        );
    }

    #[test]
    fn stored_instants_read_as_chrono_wrote_them() {
        for text in [
            "2026-11-25T09:00:00Z",
            "2026-11-25T09:00:00.123Z",
            "2026-11-25T09:00:00.123456789Z",
            "2026-11-25T10:30:00+01:30",
            "2026-11-25 09:00:00-05:00",
        ] {
            let chrono: DateTime<Utc> = text.parse().unwrap();
            assert_eq!(parse_utc(text), Some(chrono), "{text}");
            let written = serde_json::to_string(&chrono).unwrap();
            assert_eq!(
                parse_utc(written.trim_matches('"')),
                Some(chrono),
                "{written}"
            );
        }
        for text in [
            "+262142-01-01T00:00:00Z",
            "-262143-01-01T00:00:00Z",
            "+10000-02-29T10:00:00Z",
        ] {
            let chrono = text.parse::<DateTime<Utc>>().ok();
            assert_eq!(parse_utc(text), chrono, "{text}");
        }
        // Against chrono's strict reader, on its edge cases and on mutations of
        // written instants.
        let mut cases: Vec<String> = [
            "2016-12-31T23:59:60Z",
            "2016-12-31T23:59:60.5+00:00",
            "2026-01-01t00:00:00z",
            "2026-01-01 00:00:00Z",
            "2026-01-01T00:00:00.1234567891234Z",
            "2026-01-01T00:00:00.Z",
            "2026-01-01T00:00:00+23:59",
            "2026-01-01T00:00:00+24:00",
            "2026-01-01T00:00:00+01:60",
            "2026-01-01T00:00:00+0100",
            "2026-01-01T00:00:00",
            "2026-01-01T24:00:00Z",
            "2026-02-29T00:00:00Z",
            "2024-02-29T00:00:00Z",
            "2026-01-01T00:00:00Zx",
            "2026-01-01T00:00:00 Z",
            "0000-01-01T00:00:00Z",
            "9999-12-31T23:59:59.999999999-23:59",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        for _ in 0..3000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let secs = (seed % 400_000_000_000) as i64 - 100_000_000_000;
            let t = DateTime::from_timestamp(secs, (seed >> 34) as u32 % 1_000_000_000).unwrap();
            let mut text = serde_json::to_string(&t)
                .unwrap()
                .trim_matches('"')
                .to_string();
            if seed.is_multiple_of(3) {
                let pos = (seed >> 20) as usize % text.len();
                let with = ["9", ":", "-", "", "x"][(seed >> 8) as usize % 5];
                text.replace_range(pos..pos + 1, with);
            }
            cases.push(text);
        }
        for text in cases.iter().filter(|t| !t.starts_with(['+', '-'])) {
            let chrono = DateTime::parse_from_rfc3339(text).ok();
            assert_eq!(
                parse_utc(text),
                chrono.map(|t| t.with_timezone(&Utc)),
                "{text}"
            );
        }
        for text in [
            "",
            "2026-11-25",
            "2026-13-01T00:00:00Z",
            "yesterday",
            "+10001-02-29T10:00:00Z",
            "+-1-01-01T00:00:00Z",
        ] {
            assert_eq!(parse_utc(text), None, "{text}");
        }
    }

    #[test]
    fn stored_dates_read_as_chrono_wrote_them() {
        for text in [
            "2026-11-25",
            "0001-01-01",
            "2024-02-29",
            "+10000-01-01",
            "-0001-12-31",
            "2026-1-5",
        ] {
            assert_eq!(
                parse_iso_date(text),
                text.parse::<NaiveDate>().ok(),
                "{text}"
            );
        }
        for d in [
            NaiveDate::MIN,
            NaiveDate::MAX,
            NaiveDate::from_ymd_opt(2026, 3, 9).unwrap(),
        ] {
            let written = serde_json::to_string(&d).unwrap();
            assert_eq!(
                parse_iso_date(written.trim_matches('"')),
                Some(d),
                "{written}"
            );
        }
        for text in [
            "",
            "2026-11",
            "2026-11-25-1",
            "2023-02-29",
            "2026-13-01",
            "2026/11/25",
            "x-1-1",
        ] {
            assert_eq!(parse_iso_date(text), None, "{text}");
        }
    }
}
