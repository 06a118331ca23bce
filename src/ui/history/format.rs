//! Plain-words formatting of walk figures for the History screens. Pure,
//! tested natively.

use chrono::{Datelike, NaiveDate};

use crate::domain::dates::{day_month, weekday_day_month};

use crate::domain::record::Span;

/// A count with thousands separators: 12345 -> "12,345".
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// "1 step", "1,200 steps".
pub fn steps_text(n: u64) -> String {
    if n == 1 {
        "1 step".into()
    } else {
        format!("{} steps", thousands(n))
    }
}

fn whole_seconds(s: f64) -> u64 {
    if s.is_finite() && s > 0.0 {
        s.round() as u64
    } else {
        0
    }
}

/// A length of time in words: "40 s", "2 min", "14 min", "1 h 5 min".
/// Under a minute in seconds; otherwise rounded to the minute.
pub fn duration_text(seconds: f64) -> String {
    let s = whole_seconds(seconds);
    if s < 60 {
        return format!("{s} s");
    }
    let m = (s + 30) / 60;
    if m < 60 {
        format!("{m} min")
    } else if m.is_multiple_of(60) {
        format!("{} h", m / 60)
    } else {
        format!("{} h {} min", m / 60, m % 60)
    }
}

/// Minutes, rounded: "95 min".
pub fn minutes_text(minutes: f64) -> String {
    let m = if minutes.is_finite() && minutes > 0.0 {
        minutes.round() as u64
    } else {
        0
    };
    format!("{m} min")
}

/// Time into the walk as a clock: 75 s -> "1:15", 3725 s -> "1:02:05".
pub fn clock(seconds: f64) -> String {
    let s = whole_seconds(seconds);
    if s >= 3600 {
        format!("{}:{:02}:{:02}", s / 3600, (s / 60) % 60, s % 60)
    } else {
        format!("{}:{:02}", s / 60, s % 60)
    }
}

/// A rest in words: "Rest of 45 s after 5:20".
pub fn rest_text(r: &Span) -> String {
    format!("Rest of {} after {}", duration_text(r.len_s), clock(r.at_s))
}

/// A gap in words: "Counting paused 2 min, after 12:00".
pub fn gap_text(g: &Span) -> String {
    format!(
        "Counting paused {}, after {}",
        duration_text(g.len_s),
        clock(g.at_s)
    )
}

/// The "interrupted" marker of a walk with gaps: "Counting paused 2 min"
/// (total of all gaps).
pub fn gaps_marker(gaps: &[Span]) -> Option<String> {
    if gaps.is_empty() {
        return None;
    }
    let total: f64 = gaps
        .iter()
        .map(|g| g.len_s)
        .filter(|l| l.is_finite() && *l > 0.0)
        .sum();
    Some(format!("Counting paused {}", duration_text(total)))
}

/// "No rests", "1 rest", "3 rests".
pub fn rests_text(n: usize) -> String {
    match n {
        0 => "No rests".into(),
        1 => "1 rest".into(),
        n => format!("{n} rests"),
    }
}

/// "1 walk", "5 walks".
pub fn walks_text(n: u64) -> String {
    if n == 1 {
        "1 walk".into()
    } else {
        format!("{n} walks")
    }
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
pub fn week_heading(week_start: NaiveDate, today: NaiveDate) -> String {
    let this = crate::domain::history::week_start(today);
    match (this - week_start).num_days() {
        0 => "This week".into(),
        7 => "Last week".into(),
        _ if week_start.year() != today.year() => {
            format!("Week of {} {}", day_month(week_start), week_start.year())
        }
        _ => format!("Week of {}", day_month(week_start)),
    }
}

/// Pain score in words for the detail: "4 out of 10" or "Not recorded".
pub fn pain_text(p: Option<u8>) -> String {
    p.map_or_else(|| "Not recorded".into(), |p| format!("{p} out of 10"))
}

/// Approximate size in bytes: "850 bytes", "12 KB", "1.4 MB".
pub fn bytes_text(n: usize) -> String {
    if n < 1000 {
        format!("{n} bytes")
    } else if n < 1_000_000 {
        format!("{} KB", (n as f64 / 1000.0).round())
    } else {
        format!("{:.1} MB", n as f64 / 1_000_000.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn numbers_and_durations_read_plainly() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(1_234_567), "1,234,567");
        assert_eq!(steps_text(1), "1 step");
        assert_eq!(steps_text(12_340), "12,340 steps");
        assert_eq!(duration_text(40.0), "40 s");
        assert_eq!(duration_text(f64::NAN), "0 s");
        assert_eq!(duration_text(119.0), "2 min");
        assert_eq!(duration_text(840.0), "14 min");
        assert_eq!(duration_text(3600.0), "1 h");
        assert_eq!(duration_text(3900.0), "1 h 5 min");
        assert_eq!(clock(75.0), "1:15");
        assert_eq!(clock(3725.0), "1:02:05");
        assert_eq!(minutes_text(94.6), "95 min");
        assert_eq!(bytes_text(850), "850 bytes");
        assert_eq!(bytes_text(12_400), "12 KB");
        assert_eq!(bytes_text(1_400_000), "1.4 MB");
    }

    #[test]
    fn gaps_and_rests_are_said_in_plain_words() {
        let gaps = [
            Span {
                at_s: 720.0,
                len_s: 90.0,
            },
            Span {
                at_s: 900.0,
                len_s: 30.0,
            },
        ];
        assert_eq!(gaps_marker(&gaps).as_deref(), Some("Counting paused 2 min"));
        assert_eq!(gaps_marker(&[]), None);
        assert_eq!(gap_text(&gaps[0]), "Counting paused 2 min, after 12:00");
        assert_eq!(
            rest_text(&Span {
                at_s: 320.0,
                len_s: 45.0
            }),
            "Rest of 45 s after 5:20"
        );
        assert_eq!(rests_text(0), "No rests");
        assert_eq!(rests_text(2), "2 rests");
        assert_eq!(pain_text(Some(4)), "4 out of 10");
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
    }
}
