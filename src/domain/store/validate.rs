//! Plausibility checks for records coming from outside (imports) or from the
//! UI (edits). Loading the app's own storage does not drop records that fail
//! these checks: nothing the walker saved is ever silently discarded.

use thiserror::Error;

use crate::domain::record::{LoopLength, LoopRecord, Span, WalkRecord};

/// Most steps a single walk may plausibly have.
pub const MAX_STEPS_PER_WALK: u32 = 200_000;
/// Longest plausible walk, wall-clock seconds (two days).
pub const MAX_WALK_SECONDS: f64 = 2.0 * 24.0 * 3600.0;
/// Largest UTC offset in minutes (+/- 18 h).
pub const MAX_OFFSET_MIN: i32 = 18 * 60;
/// Highest pain score.
pub const MAX_PAIN: u8 = 10;
/// Longest id accepted, in bytes.
pub const MAX_ID_LEN: usize = 200;
/// Longest note or loop name accepted, in bytes.
pub const MAX_TEXT_LEN: usize = 10_000;

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
    #[error("UTC offset {0} min is outside +/-18 h")]
    BadOffset(i32),
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
    if w.utc_offset_min.abs() > MAX_OFFSET_MIN {
        return Err(Invalid::BadOffset(w.utc_offset_min));
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
    if !w
        .rests
        .iter()
        .chain(&w.gaps)
        .all(|s| span_ok(s, w.duration_s))
    {
        return Err(Invalid::BadSpan);
    }
    if w.note.as_ref().is_some_and(|n| n.len() > MAX_TEXT_LEN) {
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
    if l.name.len() > MAX_TEXT_LEN {
        return Err(Invalid::TextTooLong);
    }
    match l.length {
        LoopLength::Steps(n) if n == 0 || n > MAX_STEPS_PER_WALK => Err(Invalid::BadLoopLength),
        LoopLength::Metres(m) if !(m.is_finite() && m > 0.0 && m <= 1_000_000.0) => {
            Err(Invalid::BadLoopLength)
        }
        _ => Ok(()),
    }
}
