//! Dates and times as the app writes them, in English, without chrono's
//! `strftime` machinery (its format-string parser and `DelayedFormat` are
//! about 12 KB of wasm that these few fixed formats do not need).

use chrono::{Datelike, FixedOffset, NaiveDate, Timelike};

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
const DAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

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

/// An offset from UTC as in RFC 3339: "+01:00", "-05:30", "+00:00".
pub fn utc_offset(o: FixedOffset) -> String {
    let s = o.local_minus_utc();
    let sign = if s < 0 { '-' } else { '+' };
    let m = s.unsigned_abs() / 60;
    format!("{sign}{:02}:{:02}", m / 60, m % 60)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{NaiveTime, TimeZone};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
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
    fn reads_as_a_person_would_write_it() {
        assert_eq!(weekday_day_month(d(2026, 11, 25)), "Wed 25 Nov");
        assert_eq!(day_month_year(d(2026, 11, 5)), "5 Nov 2026");
        assert_eq!(
            utc_offset(FixedOffset::west_opt(5 * 3600 + 1800).unwrap()),
            "-05:30"
        );
    }
}
