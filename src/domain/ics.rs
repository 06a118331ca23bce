//! "Remind me to walk": a recurring calendar event as an iCalendar file
//! (RFC 5545), which the walker adds to the phone's calendar in one tap.
//! A web app cannot wake itself offline; the calendar can.
//!
//! The file follows RFC 5545: CRLF line endings; content lines folded at
//! 75 octets (counted in UTF-8 bytes, never inside a character) with a
//! space starting each continuation; TEXT values escaped (`\\`, `\;`,
//! `\,`, `\n`); `RRULE:FREQ=WEEKLY;BYDAY=...`; `UID` and `DTSTAMP` (UTC).
//!
//! **Time zone: floating local time.** `DTSTART` carries no `TZID` and no
//! `Z` (RFC 5545 3.3.5, form #1), so the walk is at 19:00 on the phone's
//! clock wherever the walker is, through summer time and travel alike:
//! an evening walk belongs to the local evening, not to an instant in one
//! zone. (A `TZID` would also oblige the file to carry a `VTIMEZONE` with
//! that zone's rules, which the app cannot know offline.)

use chrono::{DateTime, Datelike, Days, NaiveDate, NaiveDateTime, NaiveTime, Utc, Weekday};
use serde::{Deserialize, Serialize};

use super::dates::compact_date_time;

/// The reminder as the walker set it up (kept in the settings; every field
/// has a serde default).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReminderPrefs {
    /// Days of the week, ISO numbers: 1 = Monday ... 7 = Sunday.
    #[serde(default = "default_days")]
    pub days: Vec<u8>,
    /// Local time of day, hours and minutes.
    #[serde(default = "default_hour")]
    pub hour: u8,
    #[serde(default)]
    pub minute: u8,
    /// A short note shown in the calendar.
    #[serde(default = "default_note")]
    pub note: String,
}

fn default_days() -> Vec<u8> {
    vec![1, 3, 5]
}

fn default_hour() -> u8 {
    19
}

fn default_note() -> String {
    "Time for your loop. Start slow; every step counts.".into()
}

impl Default for ReminderPrefs {
    fn default() -> Self {
        ReminderPrefs {
            days: default_days(),
            hour: default_hour(),
            minute: 0,
            note: default_note(),
        }
    }
}

impl ReminderPrefs {
    /// The chosen days, Monday first, each once; out-of-range numbers dropped.
    pub fn weekdays(&self) -> Vec<Weekday> {
        let mut out: Vec<Weekday> = Vec::new();
        for n in 1..=7u8 {
            if self.days.contains(&n) {
                if let Some(d) = iso_weekday(n) {
                    out.push(d);
                }
            }
        }
        out
    }

    /// The time of day, when valid.
    pub fn time(&self) -> Option<NaiveTime> {
        NaiveTime::from_hms_opt(u32::from(self.hour), u32::from(self.minute), 0)
    }

    /// `"19:00"`.
    pub fn time_text(&self) -> String {
        format!("{:02}:{:02}", self.hour.min(23), self.minute.min(59))
    }

    /// Set the time from `"HH:MM"` (an `<input type=time>` value).
    pub fn set_time_text(&mut self, text: &str) -> bool {
        match super::dates::parse_hh_mm(text.trim()) {
            Some((h, m)) => {
                self.hour = h as u8;
                self.minute = m as u8;
                true
            }
            None => false,
        }
    }
}

fn iso_weekday(n: u8) -> Option<Weekday> {
    Some(match n {
        1 => Weekday::Mon,
        2 => Weekday::Tue,
        3 => Weekday::Wed,
        4 => Weekday::Thu,
        5 => Weekday::Fri,
        6 => Weekday::Sat,
        7 => Weekday::Sun,
        _ => return None,
    })
}

/// RFC 5545 `weekday` of a chrono weekday.
fn byday(d: Weekday) -> &'static str {
    match d {
        Weekday::Mon => "MO",
        Weekday::Tue => "TU",
        Weekday::Wed => "WE",
        Weekday::Thu => "TH",
        Weekday::Fri => "FR",
        Weekday::Sat => "SA",
        Weekday::Sun => "SU",
    }
}

/// Why no calendar file could be made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum ReminderError {
    #[error("pick at least one day")]
    NoDays,
    #[error("the time is not a valid time of day")]
    BadTime,
}

/// Everything the calendar file needs besides the walker's choices.
#[derive(Debug, Clone, PartialEq)]
pub struct EventContext {
    /// Now, on the phone's local clock (the first occurrence is the next
    /// chosen day and time after it).
    pub now_local: NaiveDateTime,
    /// Now in UTC, for `DTSTAMP`.
    pub now_utc: DateTime<Utc>,
    /// How long the walk is planned to take, minutes.
    pub length_min: u32,
    /// The app's address, linked from the event.
    pub app_url: String,
}

/// The file's name.
pub const FILE_NAME: &str = "loopwalk-reminder.ics";
/// Its MIME type.
pub const MIME: &str = "text/calendar;charset=utf-8";

/// The first chosen day and time strictly after `now`.
pub fn first_occurrence(
    days: &[Weekday],
    time: NaiveTime,
    now: NaiveDateTime,
) -> Option<NaiveDateTime> {
    (0..8u64).find_map(|i| {
        let date: NaiveDate = now.date().checked_add_days(Days::new(i))?;
        let at = date.and_time(time);
        (days.contains(&date.weekday()) && at > now).then_some(at)
    })
}

/// The whole iCalendar file for a recurring walk reminder.
pub fn reminder_ics(prefs: &ReminderPrefs, ctx: &EventContext) -> Result<String, ReminderError> {
    let days = prefs.weekdays();
    if days.is_empty() {
        return Err(ReminderError::NoDays);
    }
    let time = prefs.time().ok_or(ReminderError::BadTime)?;
    let start = first_occurrence(&days, time, ctx.now_local).ok_or(ReminderError::NoDays)?;
    let stamp = compact_date_time(ctx.now_utc.naive_utc()) + "Z";
    let rule = days.iter().map(|d| byday(*d)).collect::<Vec<_>>().join(",");
    let url = uri(&ctx.app_url);
    let note = prefs.note.trim();
    let summary = "Walk with Loopwalk";
    let mut description = String::new();
    if !note.is_empty() {
        description.push_str(note);
        description.push_str("\n\n");
    }
    description.push_str("Open Loopwalk: ");
    description.push_str(&url);
    let lines = [
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".into(),
        "PRODID:-//Loopwalk//Walk reminder//EN".into(),
        "CALSCALE:GREGORIAN".into(),
        "METHOD:PUBLISH".into(),
        "BEGIN:VEVENT".into(),
        format!(
            "UID:{}-walk-reminder@loopwalk",
            ctx.now_utc.timestamp_millis()
        ),
        format!("DTSTAMP:{stamp}"),
        format!("DTSTART:{}", compact_date_time(start)),
        format!("DURATION:PT{}M", ctx.length_min.clamp(5, 120)),
        format!("RRULE:FREQ=WEEKLY;BYDAY={rule}"),
        format!("SUMMARY:{}", escape_text(summary)),
        format!("DESCRIPTION:{}", escape_text(&description)),
        format!("URL:{url}"),
        "TRANSP:TRANSPARENT".into(),
        "BEGIN:VALARM".into(),
        "ACTION:DISPLAY".into(),
        format!("DESCRIPTION:{}", escape_text(summary)),
        "TRIGGER:PT0S".into(),
        "END:VALARM".into(),
        "END:VEVENT".into(),
        "END:VCALENDAR".into(),
    ];
    Ok(lines.iter().map(|l| fold(l)).collect())
}

/// Escape a TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and
/// newlines; other control characters (not allowed in TEXT) are dropped.
pub fn escape_text(s: &str) -> String {
    let s = s.replace("\r\n", "\n").replace('\r', "\n");
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push('\t'),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// A URI value: as given, without control characters or spaces (which
/// could break the line structure).
fn uri(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_control() && !c.is_whitespace())
        .collect()
}

/// One content line, folded (RFC 5545 3.1): no physical line longer than 75
/// octets before its CRLF; each continuation starts with one space (which
/// counts towards its 75); never split inside a UTF-8 character. Ends with
/// CRLF.
pub fn fold(line: &str) -> String {
    const MAX: usize = 75;
    let mut out = String::with_capacity(line.len() + line.len() / 70 * 3 + 2);
    let mut used = 0;
    for c in line.chars() {
        let n = c.len_utf8();
        if used + n > MAX {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += n;
    }
    out.push_str("\r\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ctx() -> EventContext {
        EventContext {
            // Wednesday 2 December 2026, 18:30 on the phone's clock.
            now_local: "2026-12-02T18:30:00".parse().unwrap(),
            now_utc: "2026-12-02T17:30:00Z".parse().unwrap(),
            length_min: 12,
            app_url: "https://walk.example.org/loopwalk/#/walk".into(),
        }
    }

    /// Undo folding: the logical content lines.
    fn unfold(text: &str) -> Vec<String> {
        text.replace("\r\n ", "")
            .split("\r\n")
            .filter(|l| !l.is_empty())
            .map(str::to_string)
            .collect()
    }

    fn prop<'a>(lines: &'a [String], name: &str) -> Vec<&'a str> {
        lines
            .iter()
            .filter_map(|l| l.strip_prefix(name).and_then(|r| r.strip_prefix(':')))
            .collect()
    }

    #[test]
    fn every_line_ends_in_crlf_and_none_is_longer_than_75_octets() {
        let prefs = ReminderPrefs {
            note: "Evening loop round the park, past the café and the pond; take it easy, no rush \u{1f6b6}\u{1f333}. ".repeat(3),
            ..ReminderPrefs::default()
        };
        let text = reminder_ics(&prefs, &ctx()).unwrap();
        assert!(text.ends_with("\r\n"));
        assert!(!text.replace("\r\n", "").contains('\n'), "no bare LF");
        assert!(!text.replace("\r\n", "").contains('\r'), "no bare CR");
        let physical: Vec<&str> = text.split("\r\n").collect();
        assert!(
            physical.iter().any(|l| l.starts_with(' ')),
            "long lines were folded"
        );
        for l in physical {
            assert!(l.len() <= 75, "{} octets: {l}", l.len());
        }
        // Unfolding gives back the note exactly (escaped).
        let lines = unfold(&text);
        let desc = prop(&lines, "DESCRIPTION")[0];
        assert!(desc.starts_with(&escape_text(prefs.note.trim())));
    }

    #[test]
    fn folding_counts_bytes_not_characters_and_never_splits_a_character() {
        // 'é' is 2 octets, '🚶' 4: a fold by characters would overflow.
        let line = format!("DESCRIPTION:{}", "é🚶a".repeat(40));
        let folded = fold(&line);
        for physical in folded.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(physical.len() <= 75, "{} octets", physical.len());
        }
        // Every piece is whole UTF-8 (it is a &str) and unfolds to the line.
        assert_eq!(folded.replace("\r\n ", "").trim_end_matches("\r\n"), line);
        // Exactly 75 octets is not folded; 76 is.
        assert_eq!(fold(&"x".repeat(75)), format!("{}\r\n", "x".repeat(75)));
        assert_eq!(
            fold(&"x".repeat(76)),
            format!("{}\r\n x\r\n", "x".repeat(75))
        );
        // A continuation holds 74 octets after its space.
        let f = fold(&"y".repeat(75 + 74 + 1));
        let parts: Vec<&str> = f.split("\r\n").collect();
        assert_eq!(parts[1].len(), 75);
        assert_eq!(parts[2], " y");
    }

    #[test]
    fn text_escapes_backslash_semicolon_comma_and_newlines() {
        assert_eq!(
            escape_text("a\\b;c,d\ne\r\nf\rg"),
            "a\\\\b\\;c\\,d\\ne\\nf\\ng"
        );
        assert_eq!(escape_text("bell\u{7}gone"), "bellgone");
        let prefs = ReminderPrefs {
            note: "Walk; slowly, then\nrest".into(),
            ..ReminderPrefs::default()
        };
        let lines = unfold(&reminder_ics(&prefs, &ctx()).unwrap());
        assert_eq!(
            prop(&lines, "DESCRIPTION")[0],
            "Walk\\; slowly\\, then\\nrest\\n\\nOpen Loopwalk: https://walk.example.org/loopwalk/#/walk"
        );
        // The URL is a URI value, not TEXT: not escaped.
        assert_eq!(
            prop(&lines, "URL"),
            vec!["https://walk.example.org/loopwalk/#/walk"]
        );
    }

    #[test]
    fn weekly_rule_floating_start_uid_and_stamp() {
        let prefs = ReminderPrefs {
            days: vec![7, 5, 1, 5, 9, 0],
            hour: 19,
            minute: 0,
            note: String::new(),
        };
        let lines = unfold(&reminder_ics(&prefs, &ctx()).unwrap());
        assert_eq!(prop(&lines, "RRULE"), vec!["FREQ=WEEKLY;BYDAY=MO,FR,SU"]);
        // Next chosen day after Wednesday 18:30 is Friday 4 December, 19:00,
        // in floating local time (no Z, no TZID).
        assert_eq!(prop(&lines, "DTSTART"), vec!["20261204T190000"]);
        assert!(!lines.iter().any(|l| l.contains("TZID")));
        assert_eq!(prop(&lines, "DTSTAMP"), vec!["20261202T173000Z"]);
        assert_eq!(prop(&lines, "DURATION"), vec!["PT12M"]);
        let uid = prop(&lines, "UID");
        assert_eq!(uid.len(), 1);
        assert!(uid[0].ends_with("@loopwalk") && uid[0].len() > 12);
        // The structure: calendar around one event around one alarm.
        let begins: Vec<&str> = prop(&lines, "BEGIN");
        let ends: Vec<&str> = prop(&lines, "END");
        assert_eq!(begins, vec!["VCALENDAR", "VEVENT", "VALARM"]);
        assert_eq!(ends, vec!["VALARM", "VEVENT", "VCALENDAR"]);
        assert_eq!(lines.first().unwrap(), "BEGIN:VCALENDAR");
        assert_eq!(lines[1], "VERSION:2.0");
        assert_eq!(prop(&lines, "PRODID").len(), 1);
        assert_eq!(prop(&lines, "TRIGGER"), vec!["PT0S"]);
    }

    #[test]
    fn today_counts_when_the_time_is_still_to_come() {
        let wed = vec![3];
        let prefs = ReminderPrefs {
            days: wed,
            ..ReminderPrefs::default()
        };
        let lines = unfold(&reminder_ics(&prefs, &ctx()).unwrap());
        assert_eq!(prop(&lines, "DTSTART"), vec!["20261202T190000"]);
        // At 19:30 it is next Wednesday.
        let mut late = ctx();
        late.now_local = "2026-12-02T19:30:00".parse().unwrap();
        let lines = unfold(&reminder_ics(&prefs, &late).unwrap());
        assert_eq!(prop(&lines, "DTSTART"), vec!["20261209T190000"]);
    }

    #[test]
    fn no_days_or_a_bad_time_is_refused() {
        let mut prefs = ReminderPrefs {
            days: vec![],
            ..ReminderPrefs::default()
        };
        assert_eq!(reminder_ics(&prefs, &ctx()), Err(ReminderError::NoDays));
        prefs.days = vec![8];
        assert_eq!(reminder_ics(&prefs, &ctx()), Err(ReminderError::NoDays));
        prefs.days = vec![2];
        prefs.hour = 24;
        assert_eq!(reminder_ics(&prefs, &ctx()), Err(ReminderError::BadTime));
    }

    #[test]
    fn time_text_round_trips_and_prefs_default_when_missing() {
        let mut p = ReminderPrefs::default();
        assert_eq!(p.time_text(), "19:00");
        assert!(p.set_time_text("07:45"));
        assert_eq!((p.hour, p.minute), (7, 45));
        assert!(!p.set_time_text("25:00"));
        assert_eq!(p.time_text(), "07:45");
        let back: ReminderPrefs = serde_json::from_str("{}").unwrap();
        assert_eq!(back, ReminderPrefs::default());
    }
}
