//! Exports: a full JSON backup (re-importable) and a CSV of walks for
//! spreadsheets or a clinician.

use std::fmt::Write as _;

use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};

use super::{to_json, Store};
use crate::domain::dates::{hh_mm, iso_date, utc_offset};
use crate::domain::sort::sort_by;
use crate::domain::text::fixed;

/// A backup file: `{"app":"loopwalk","kind":"backup","exported_at":…,
/// "store":{…}}`. Loading it (or its inner store) gives back exactly `store`
/// (non-finite numbers, which JSON cannot hold, become 0).
pub fn backup_json(store: &Store, now: DateTime<Utc>) -> String {
    let inner = to_json(store);
    // RFC 3339 with a `Z`, like chrono's serde format; never needs escaping.
    let at = now.to_rfc3339_opts(SecondsFormat::AutoSi, true);
    format!(r#"{{"app":"loopwalk","kind":"backup","exported_at":"{at}","store":{inner}}}"#)
}

/// `loopwalk-backup-YYYY-MM-DD.json`.
pub fn backup_file_name(date: NaiveDate) -> String {
    format!("loopwalk-backup-{}.json", iso_date(date))
}

/// `loopwalk-walks-YYYY-MM-DD.csv`.
pub fn csv_file_name(date: NaiveDate) -> String {
    format!("loopwalk-walks-{}.csv", iso_date(date))
}

/// Column headings of [`walks_csv`].
pub const CSV_HEADER: [&str; 15] = [
    "date",
    "start",
    "utc_offset",
    "duration_min",
    "active_min",
    "steps",
    "distance_m",
    "loop",
    "rests",
    "longest_nonstop_min",
    "interrupted",
    "pain_before",
    "pain_after",
    "edited",
    "note",
];

/// RFC 4180 field: quoted when it holds a comma, quote, CR or LF.
fn field(out: &mut String, text: &str) {
    if text.contains([',', '"', '\r', '\n']) {
        out.push('"');
        out.push_str(&text.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(text);
    }
}

/// A cell of free text (loop name, note) that a spreadsheet would run as a
/// formula (starting with `=`, `+`, `-`, `@`, tab or CR) gets a leading `'`,
/// which spreadsheets show as text (OWASP's advice on CSV injection). The
/// app's own numeric columns (e.g. an offset of `-05:00`) are not text from
/// outside and are left alone.
fn neutralised(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

fn minutes(seconds: f64) -> String {
    if seconds.is_finite() {
        fixed(seconds / 60.0, 1)
    } else {
        String::new()
    }
}

fn yes_no(b: bool) -> &'static str {
    if b {
        "yes"
    } else {
        "no"
    }
}

/// All walks as CSV (RFC 4180, CRLF line ends, header row), oldest first,
/// one row per walk, times in the walker's local time at the walk: date,
/// start time, UTC offset, duration and active minutes, steps, distance in
/// metres (from the settings' step length), loop name, rests, longest
/// non-stop minutes, interrupted, pain before/after, edited, note.
pub fn walks_csv(store: &Store) -> String {
    let mut out = CSV_HEADER.join(",");
    out.push_str("\r\n");
    let mut walks: Vec<_> = store.walks.iter().collect();
    sort_by(&mut walks, |a, b| {
        (a.started_at, &a.id).cmp(&(b.started_at, &b.id))
    });
    for w in walks {
        let local = w.local_start();
        let pain = |p: Option<u8>| p.map(|p| p.to_string()).unwrap_or_default();
        let cells = [
            iso_date(local.date_naive()),
            hh_mm(&local),
            utc_offset(*local.offset()),
            minutes(w.duration_s),
            minutes(w.active_s),
            w.steps.0.to_string(),
            fixed(store.settings.distance_m(w.steps), 0),
            neutralised(store.loop_name(w).unwrap_or_default()),
            w.rests.len().to_string(),
            minutes(w.longest_nonstop_s),
            yes_no(w.interrupted()).to_string(),
            pain(w.pain_before),
            pain(w.pain_after),
            yes_no(w.edited).to_string(),
            neutralised(w.note.as_deref().unwrap_or_default()),
        ];
        for (i, c) in cells.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            field(&mut out, c);
        }
        let _ = write!(out, "\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::record::{LoopId, Span};
    use crate::domain::store::load;
    use crate::domain::store::test_support::*;

    #[test]
    fn backup_round_trips_and_names_itself() {
        let mut s = Store::new();
        s.add_walk(walk("a", "2026-03-01T09:00:00Z", 60, 900))
            .unwrap();
        let text = backup_json(&s, "2026-05-01T10:00:00Z".parse().unwrap());
        assert!(text.starts_with(r#"{"app":"loopwalk","kind":"backup","exported_at":"2026-05-01T10:00:00Z","store":{"version":2"#));
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(load(&v["store"].to_string()).unwrap(), s);
        let d = NaiveDate::from_ymd_opt(2026, 5, 1).unwrap();
        assert_eq!(backup_file_name(d), "loopwalk-backup-2026-05-01.json");
        assert_eq!(csv_file_name(d), "loopwalk-walks-2026-05-01.csv");
    }

    #[test]
    fn csv_rows_use_local_time_and_quote_text() {
        let mut s = Store::new();
        s.upsert_loop(a_loop("l1", "Park, \"big\" loop")).unwrap();
        let mut w = walk("a", "2026-03-29T23:30:00Z", 60, 1000);
        w.loop_id = Some(LoopId("l1".into()));
        w.rests.push(Span::new(100.0, 20.0));
        w.gaps.push(Span::new(300.0, 30.0));
        w.pain_before = Some(6);
        w.note = Some("line one\nline two".into());
        s.add_walk(w).unwrap();
        s.add_walk(walk("b", "2026-03-20T08:05:00Z", -300, 500))
            .unwrap();
        let csv = walks_csv(&s);
        let lines: Vec<&str> = csv.split("\r\n").collect();
        assert_eq!(lines[0], CSV_HEADER.join(","));
        assert_eq!(
            lines[1],
            "2026-03-20,03:05,-05:00,15.0,14.0,500,325,,0,10.0,no,,,no,"
        );
        assert_eq!(
            lines[2],
            "2026-03-30,00:30,+01:00,15.0,14.0,1000,650,\"Park, \"\"big\"\" loop\",1,10.0,yes,6,,no,\"line one\nline two\""
        );
        assert_eq!(lines.len(), 4, "trailing CRLF");
        assert!(lines[3].is_empty());
    }

    #[test]
    fn csv_formula_cells_from_a_file_are_neutralised() {
        let mut s = Store::new();
        s.upsert_loop(a_loop("l1", "=HYPERLINK(\"http://x\",\"go\")"))
            .unwrap();
        for (i, note) in ["+1+1", "-2", "@SUM(A1)", "\tx", "\rx", "fine"]
            .iter()
            .enumerate()
        {
            let mut w = walk(&format!("w{i}"), "2026-03-01T09:00:00Z", -300, 10);
            w.loop_id = Some(LoopId("l1".into()));
            w.note = Some(note.to_string());
            s.add_walk(w).unwrap();
        }
        let csv = walks_csv(&s);
        assert!(csv.contains(",\"'=HYPERLINK(\"\"http://x\"\",\"\"go\"\")\","));
        for cell in ["'+1+1", "'-2", "'@SUM(A1)", "'\tx", "\"'\rx\"", ",fine\r\n"] {
            assert!(csv.contains(cell), "{cell:?} in {csv}");
        }
        // The offset column is the app's own and stays a plain value.
        assert!(csv.contains(",-05:00,"));
    }
}
