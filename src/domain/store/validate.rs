//! Plausibility checks for records coming from outside (imports), from the
//! UI (edits) and from storage. Loading the app's own storage does not drop
//! records that fail these checks: they are quarantined (kept, exported,
//! never calculated with), so nothing the walker saved is silently lost.

use chrono::{DateTime, Datelike, Utc};
use thiserror::Error;

use crate::domain::record::{LoopLength, LoopRecord, Span, WalkRecord};

/// Most steps a single walk may plausibly have.
pub const MAX_STEPS_PER_WALK: u32 = 200_000;
/// Longest plausible walk, wall-clock seconds (two days).
pub const MAX_WALK_SECONDS: f64 = 2.0 * 24.0 * 3600.0;
/// Largest UTC offset in minutes (+/- 14 h: the widest in use is +14 h).
pub const MAX_OFFSET_MIN: i32 = 14 * 60;
/// Years a date may fall in (inclusive). Anything else is a damaged or
/// hostile record, and would break calendar arithmetic.
pub const YEARS: std::ops::RangeInclusive<i32> = 2000..=2100;
/// Highest pain score.
pub const MAX_PAIN: u8 = 10;
/// Longest id accepted, in bytes.
pub const MAX_ID_LEN: usize = 200;
/// Longest note accepted, in characters (as before: notes have no form limit).
pub const MAX_NOTE_CHARS: usize = 10_000;
/// Longest loop name accepted, in characters (the loop forms' limit).
pub const MAX_LOOP_NAME_CHARS: usize = 60;
/// Most rests or gaps one walk may list.
pub const MAX_SPANS: usize = 10_000;

/// Why a record failed validation.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum Invalid {
    #[error("the id is empty or too long")]
    BadId,
    #[error("{0} is negative, not a number, or implausibly large")]
    BadNumber(&'static str),
    #[error("{0} steps in one walk is more than {MAX_STEPS_PER_WALK}")]
    TooManySteps(u32),
    #[error("pain {0} is above {MAX_PAIN}")]
    PainOutOfRange(u8),
    #[error("UTC offset {0} min is outside +/-14 h")]
    BadOffset(i32),
    #[error("the date is outside the years 2000-2100")]
    DateOutOfRange,
    #[error("active time is longer than the walk")]
    ActiveLongerThanWalk,
    #[error("a rest or gap lies outside the walk")]
    BadSpan,
    #[error("the text is too long")]
    TextTooLong,
    #[error("the loop has no name")]
    EmptyLoopName,
    #[error("the loop length is not a positive number")]
    BadLoopLength,
}

/// True for an instant in [`YEARS`].
pub fn date_ok(t: &DateTime<Utc>) -> bool {
    YEARS.contains(&t.year())
}

fn seconds_ok(v: f64) -> bool {
    v.is_finite() && (0.0..=MAX_WALK_SECONDS).contains(&v)
}

fn span_ok(s: &Span, duration_s: f64) -> bool {
    seconds_ok(s.at_s) && seconds_ok(s.len_s) && s.at_s + s.len_s <= duration_s + 1.0
}

/// Check a walk for impossible or implausible values.
pub fn validate_walk(w: &WalkRecord) -> Result<(), Invalid> {
    if w.id.0.trim().is_empty() || w.id.0.len() > MAX_ID_LEN {
        return Err(Invalid::BadId);
    }
    // `unsigned_abs`: `i32::MIN.abs()` would overflow.
    if w.utc_offset_min.unsigned_abs() > MAX_OFFSET_MIN.unsigned_abs() {
        return Err(Invalid::BadOffset(w.utc_offset_min));
    }
    if !date_ok(&w.started_at) {
        return Err(Invalid::DateOutOfRange);
    }
    if !seconds_ok(w.duration_s) {
        return Err(Invalid::BadNumber("duration"));
    }
    if !seconds_ok(w.active_s) {
        return Err(Invalid::BadNumber("active time"));
    }
    if !seconds_ok(w.longest_nonstop_s) {
        return Err(Invalid::BadNumber("longest non-stop stretch"));
    }
    // One second of slack for rounding between the recorder's clocks.
    if w.active_s > w.duration_s + 1.0 || w.longest_nonstop_s > w.duration_s + 1.0 {
        return Err(Invalid::ActiveLongerThanWalk);
    }
    if w.steps.0 > MAX_STEPS_PER_WALK {
        return Err(Invalid::TooManySteps(w.steps.0));
    }
    for p in [w.pain_before, w.pain_after].into_iter().flatten() {
        if p > MAX_PAIN {
            return Err(Invalid::PainOutOfRange(p));
        }
    }
    if w.rests.len() > MAX_SPANS
        || w.gaps.len() > MAX_SPANS
        || !w
            .rests
            .iter()
            .chain(&w.gaps)
            .all(|s| span_ok(s, w.duration_s))
    {
        return Err(Invalid::BadSpan);
    }
    if w.note
        .as_ref()
        .is_some_and(|n| n.chars().count() > MAX_NOTE_CHARS)
    {
        return Err(Invalid::TextTooLong);
    }
    if let Some(l) = &w.loop_id {
        if l.0.trim().is_empty() || l.0.len() > MAX_ID_LEN {
            return Err(Invalid::BadId);
        }
    }
    Ok(())
}

/// Check a loop for impossible values.
pub fn validate_loop(l: &LoopRecord) -> Result<(), Invalid> {
    if l.id.0.trim().is_empty() || l.id.0.len() > MAX_ID_LEN {
        return Err(Invalid::BadId);
    }
    if l.name.trim().is_empty() {
        return Err(Invalid::EmptyLoopName);
    }
    if l.name.chars().count() > MAX_LOOP_NAME_CHARS {
        return Err(Invalid::TextTooLong);
    }
    if !date_ok(&l.created_at) {
        return Err(Invalid::DateOutOfRange);
    }
    match l.length {
        LoopLength::Steps(n) if n == 0 || n > MAX_STEPS_PER_WALK => Err(Invalid::BadLoopLength),
        LoopLength::Metres(m) if !(m.is_finite() && m > 0.0 && m <= 1_000_000.0) => {
            Err(Invalid::BadLoopLength)
        }
        _ => Ok(()),
    }
}

/// `text` cut to at most `max` characters (for names from files, which the
/// UI would have capped).
pub fn cap_chars(text: &str, max: usize) -> String {
    text.chars().take(max).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::record::{LoopId, WalkId};

    fn w() -> WalkRecord {
        WalkRecord::test_walk("a", "2026-03-01T09:00:00Z".parse().unwrap(), 60, 10.0)
    }

    #[test]
    fn an_offset_of_i32_min_is_refused_not_wrapped() {
        for off in [i32::MIN, i32::MAX, 14 * 60 + 1, -14 * 60 - 1] {
            let mut x = w();
            x.utc_offset_min = off;
            assert_eq!(validate_walk(&x), Err(Invalid::BadOffset(off)));
        }
        for off in [-14 * 60, 0, 14 * 60] {
            let mut x = w();
            x.utc_offset_min = off;
            assert_eq!(validate_walk(&x), Ok(()));
        }
    }

    #[test]
    fn dates_outside_2000_to_2100_are_refused() {
        for (at, ok) in [
            ("1999-12-31T23:59:59Z", false),
            ("2000-01-01T00:00:00Z", true),
            ("2100-12-31T23:59:59Z", true),
            ("2101-01-01T00:00:00Z", false),
            ("+262142-01-01T00:00:00Z", false),
            ("-262143-01-01T00:00:00Z", false),
        ] {
            let mut x = w();
            x.started_at = at.parse().unwrap();
            assert_eq!(validate_walk(&x).is_ok(), ok, "{at}");
        }
    }

    #[test]
    fn loop_names_longer_than_the_forms_allow_are_refused() {
        let mut l = LoopRecord {
            id: LoopId("l".into()),
            name: "é".repeat(MAX_LOOP_NAME_CHARS),
            length: LoopLength::Steps(100),
            created_at: "2026-01-01T00:00:00Z".parse().unwrap(),
            archived: false,
            kind: Default::default(),
        };
        assert_eq!(validate_loop(&l), Ok(()));
        l.name.push('x');
        assert_eq!(validate_loop(&l), Err(Invalid::TextTooLong));
        assert_eq!(cap_chars(&l.name, MAX_LOOP_NAME_CHARS).chars().count(), 60);
        let mut x = w();
        x.id = WalkId("b".into());
        x.note = Some("n".repeat(MAX_NOTE_CHARS + 1));
        assert_eq!(validate_walk(&x), Err(Invalid::TextTooLong));
    }
}
