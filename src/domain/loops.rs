//! Loops: a walker's regular routes round the neighbourhood.
//!
//! A walk *completes* its loop when its steps reach the loop's length, and
//! completes it *without stopping* when it also had no rest. Loop lengths may
//! be given in steps or in metres; metres are converted to steps with the
//! walker's step length (from Settings), passed in by the caller.
//!
//! Everything here is a pure function: loop lists go in, new loop lists (or
//! numbers) come out. Nothing is stored or mutated in place.

use chrono::{DateTime, NaiveDate, Utc};
use thiserror::Error;

use super::record::{LoopId, LoopLength, LoopRecord, Steps, WalkRecord};
use crate::domain::sort::{sort_by, sort_f64};

/// Step length used when the caller passes a step length that is not a
/// positive, finite number of metres.
pub const DEFAULT_STEP_LEN_M: f64 = 0.7;

/// Longest loop name accepted, in characters.
pub const MAX_NAME_CHARS: usize = 60;

/// Why a change to the loop list was refused.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum LoopError {
    /// The name was empty (or only spaces).
    #[error("a loop needs a name")]
    EmptyName,
    /// The name was longer than [`MAX_NAME_CHARS`].
    #[error("that name is a little long; please keep it under {MAX_NAME_CHARS} characters")]
    NameTooLong,
    /// The length was zero, negative or not a number.
    #[error("a loop needs a length of more than zero")]
    InvalidLength,
    /// No loop has that id.
    #[error("no loop with that id")]
    NotFound,
    /// A loop with that id already exists.
    #[error("a loop with that id already exists")]
    DuplicateId,
}

/// `step_len_m` if it is a positive finite number, else [`DEFAULT_STEP_LEN_M`].
pub fn sane_step_len(step_len_m: f64) -> f64 {
    if step_len_m.is_finite() && step_len_m > 0.0 {
        step_len_m
    } else {
        DEFAULT_STEP_LEN_M
    }
}

/// A loop length expressed in steps (metres are divided by the step length).
/// Never less than one step, so progress never divides by zero.
pub fn length_in_steps(length: LoopLength, step_len_m: f64) -> f64 {
    let steps = match length {
        LoopLength::Steps(n) => f64::from(n),
        LoopLength::Metres(m) if m.is_finite() => m / sane_step_len(step_len_m),
        LoopLength::Metres(_) => 1.0,
    };
    steps.max(1.0)
}

/// Approximate length of a loop in metres (steps are multiplied by the step
/// length). For display only: "about 1.2 km".
pub fn approx_distance_m(length: LoopLength, step_len_m: f64) -> f64 {
    match length {
        LoopLength::Steps(n) => f64::from(n) * sane_step_len(step_len_m),
        LoopLength::Metres(m) if m.is_finite() && m > 0.0 => m,
        LoopLength::Metres(_) => 0.0,
    }
}

/// How far round the loop `steps` take you: 0.0 at the start, 1.0 for one
/// whole loop, more than 1.0 beyond it (not capped, so a UI can show "and a
/// bit"). Use for a live progress ring while walking.
pub fn loop_progress(lp: &LoopRecord, steps: Steps, step_len_m: f64) -> f64 {
    f64::from(steps.0) / length_in_steps(lp.length, step_len_m)
}

/// True when `walk` was a walk of this loop (its `loop_id` is `lp.id`) and
/// its steps reached the loop's length.
pub fn completes(lp: &LoopRecord, walk: &WalkRecord, step_len_m: f64) -> bool {
    walk.loop_id.as_ref() == Some(&lp.id)
        && loop_progress(lp, walk.steps, step_len_m) >= 1.0 - COMPLETE_TOLERANCE
}

/// Rounding slack when comparing progress with a whole loop, so that e.g.
/// 1000 steps of 0.7 m complete a 700 m loop despite floating-point error.
const COMPLETE_TOLERANCE: f64 = 1e-9;

/// One walk of a loop, for a small chart.
#[derive(Debug, Clone, PartialEq)]
pub struct LoopPoint {
    /// Local calendar day of the walk.
    pub date: NaiveDate,
    /// Steps walked.
    pub steps: Steps,
    /// Seconds actually walking.
    pub active_s: f64,
    /// True when this walk reached the loop's length.
    pub completed: bool,
    /// True when it reached the length with no rest.
    pub non_stop: bool,
}

/// How a loop has gone so far.
#[derive(Debug, Clone, PartialEq)]
pub struct LoopStats {
    /// The loop these stats are for.
    pub loop_id: LoopId,
    /// Walks recorded on this loop.
    pub times_walked: u32,
    /// Walks that reached the loop's length.
    pub completions: u32,
    /// Walks that reached it with no rest.
    pub non_stop_completions: u32,
    /// Shortest active time of a completing walk, seconds.
    pub best_active_s: Option<f64>,
    /// Median active time of completing walks, seconds (the typical time).
    pub typical_active_s: Option<f64>,
    /// Every walk of the loop, oldest first.
    pub series: Vec<LoopPoint>,
}

/// Median of a list of numbers (mean of the middle two for an even count).
/// `None` when empty. NaNs are ignored.
pub fn median(values: &[f64]) -> Option<f64> {
    let mut v: Vec<f64> = values.iter().copied().filter(|x| !x.is_nan()).collect();
    if v.is_empty() {
        return None;
    }
    sort_f64(&mut v);
    let mid = v.len() / 2;
    Some(if v.len() % 2 == 1 {
        v[mid]
    } else {
        (v[mid - 1] + v[mid]) / 2.0
    })
}

/// Stats for one loop over all walks (walks on other loops are ignored).
/// The series is in time order (start time, then id).
pub fn loop_stats(lp: &LoopRecord, walks: &[WalkRecord], step_len_m: f64) -> LoopStats {
    let mut mine: Vec<&WalkRecord> = walks
        .iter()
        .filter(|w| w.loop_id.as_ref() == Some(&lp.id))
        .collect();
    sort_by(&mut mine, |a, b| {
        a.started_at.cmp(&b.started_at).then(a.id.cmp(&b.id))
    });

    let series: Vec<LoopPoint> = mine
        .iter()
        .map(|w| {
            let completed = completes(lp, w, step_len_m);
            LoopPoint {
                date: w.local_date(),
                steps: w.steps,
                active_s: w.active_s,
                completed,
                non_stop: completed && w.non_stop(),
            }
        })
        .collect();
    let done: Vec<f64> = series
        .iter()
        .filter(|p| p.completed)
        .map(|p| p.active_s)
        .collect();
    LoopStats {
        loop_id: lp.id.clone(),
        times_walked: series.len() as u32,
        completions: done.len() as u32,
        non_stop_completions: series.iter().filter(|p| p.non_stop).count() as u32,
        best_active_s: done
            .iter()
            .copied()
            .filter(|x| !x.is_nan())
            .min_by(f64::total_cmp),
        typical_active_s: median(&done),
        series,
    }
}

/// The loop with this id, if any.
pub fn find<'a>(loops: &'a [LoopRecord], id: &LoopId) -> Option<&'a LoopRecord> {
    loops.iter().find(|l| &l.id == id)
}

/// Loops not archived, in list order: the ones to offer when starting a walk.
pub fn active(loops: &[LoopRecord]) -> Vec<&LoopRecord> {
    loops.iter().filter(|l| !l.archived).collect()
}

fn clean_name(name: &str) -> Result<String, LoopError> {
    let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
    if name.is_empty() {
        Err(LoopError::EmptyName)
    } else if name.chars().count() > MAX_NAME_CHARS {
        Err(LoopError::NameTooLong)
    } else {
        Ok(name)
    }
}

fn check_length(length: LoopLength) -> Result<LoopLength, LoopError> {
    match length {
        LoopLength::Steps(n) if n > 0 => Ok(length),
        LoopLength::Metres(m) if m.is_finite() && m > 0.0 => Ok(length),
        _ => Err(LoopError::InvalidLength),
    }
}

/// Make a loop from an entered length (steps, or metres measured on a map).
pub fn loop_with_length(
    id: LoopId,
    name: &str,
    length: LoopLength,
    now: DateTime<Utc>,
) -> Result<LoopRecord, LoopError> {
    Ok(LoopRecord {
        id,
        name: clean_name(name)?,
        length: check_length(length)?,
        created_at: now,
        archived: false,
        kind: Default::default(),
    })
}

/// The list with `lp` appended. Refuses a duplicate id.
pub fn add(mut loops: Vec<LoopRecord>, lp: LoopRecord) -> Result<Vec<LoopRecord>, LoopError> {
    if find(&loops, &lp.id).is_some() {
        return Err(LoopError::DuplicateId);
    }
    loops.push(lp);
    Ok(loops)
}

fn update(
    mut loops: Vec<LoopRecord>,
    id: &LoopId,
    change: impl FnOnce(&mut LoopRecord),
) -> Result<Vec<LoopRecord>, LoopError> {
    let lp = loops
        .iter_mut()
        .find(|l| &l.id == id)
        .ok_or(LoopError::NotFound)?;
    change(lp);
    Ok(loops)
}

/// The list with loop `id` renamed.
pub fn rename(
    loops: Vec<LoopRecord>,
    id: &LoopId,
    name: &str,
) -> Result<Vec<LoopRecord>, LoopError> {
    let name = clean_name(name)?;
    update(loops, id, |l| l.name = name)
}

/// The list with loop `id` re-measured to a new length. Past walks are then
/// judged against the new length (stats and milestones are recomputed from
/// the history, so they stay consistent).
pub fn remeasure(
    loops: Vec<LoopRecord>,
    id: &LoopId,
    length: LoopLength,
) -> Result<Vec<LoopRecord>, LoopError> {
    let length = check_length(length)?;
    update(loops, id, |l| l.length = length)
}

/// The list with loop `id` archived: hidden from the start screen, its walks
/// and milestones kept.
pub fn archive(loops: Vec<LoopRecord>, id: &LoopId) -> Result<Vec<LoopRecord>, LoopError> {
    update(loops, id, |l| l.archived = true)
}

/// The list with loop `id` brought back from the archive.
pub fn unarchive(loops: Vec<LoopRecord>, id: &LoopId) -> Result<Vec<LoopRecord>, LoopError> {
    update(loops, id, |l| l.archived = false)
}

#[cfg(test)]
mod tests {
    use super::super::record::{Span, StepSource, WalkId};
    use super::*;

    fn now() -> DateTime<Utc> {
        "2026-04-01T09:00:00Z".parse().unwrap()
    }

    fn lp(id: &str, length: LoopLength) -> LoopRecord {
        loop_with_length(LoopId(id.into()), "Park loop", length, now()).unwrap()
    }

    fn walk(id: &str, at: &str, steps: u32, active_s: f64, loop_id: Option<&str>) -> WalkRecord {
        WalkRecord {
            id: WalkId(id.into()),
            started_at: at.parse().unwrap(),
            utc_offset_min: 60,
            duration_s: active_s,
            active_s,
            steps: Steps(steps),
            source: StepSource::Sensor,
            loop_id: loop_id.map(|l| LoopId(l.into())),
            rests: vec![],
            gaps: vec![],
            longest_nonstop_s: active_s,
            pain_before: None,
            pain_after: None,
            edited: false,
            note: None,
        }
    }

    fn rest() -> Span {
        Span::new(120.0, 30.0)
    }

    #[test]
    fn progress_in_steps_and_metres() {
        let s = lp("a", LoopLength::Steps(1000));
        assert_eq!(loop_progress(&s, Steps(0), 0.7), 0.0);
        assert_eq!(loop_progress(&s, Steps(500), 0.7), 0.5);
        assert_eq!(loop_progress(&s, Steps(1500), 0.7), 1.5);
        let m = lp("b", LoopLength::Metres(700.0));
        assert!((loop_progress(&m, Steps(1000), 0.7) - 1.0).abs() < 1e-9);
        assert!((loop_progress(&m, Steps(500), 0.7) - 0.5).abs() < 1e-9);
        // 700 / 0.7 is not exactly 1000 in floating point; still a whole loop.
        let w = walk("w", "2026-04-01T10:00:00Z", 1000, 600.0, Some("b"));
        assert!(completes(&m, &w, 0.7));
        // A longer stride covers the same metres in fewer steps.
        assert!(loop_progress(&m, Steps(500), 1.4) >= 1.0 - 1e-9);
    }

    #[test]
    fn bad_step_length_falls_back_to_default() {
        let m = lp("b", LoopLength::Metres(700.0));
        for bad in [0.0, -1.0, f64::NAN, f64::INFINITY] {
            let p = loop_progress(&m, Steps(1000), bad);
            assert!((p - 1.0).abs() < 1e-9, "{bad}: {p}");
        }
    }

    #[test]
    fn completion_needs_the_loop_and_the_length() {
        let l = lp("a", LoopLength::Steps(1000));
        assert!(completes(
            &l,
            &walk("w", "2026-04-01T10:00:00Z", 1000, 600.0, Some("a")),
            0.7
        ));
        assert!(!completes(
            &l,
            &walk("w", "2026-04-01T10:00:00Z", 999, 600.0, Some("a")),
            0.7
        ));
        // Enough steps, but walked somewhere else.
        assert!(!completes(
            &l,
            &walk("w", "2026-04-01T10:00:00Z", 5000, 600.0, None),
            0.7
        ));
        assert!(!completes(
            &l,
            &walk("w", "2026-04-01T10:00:00Z", 5000, 600.0, Some("b")),
            0.7
        ));
    }

    #[test]
    fn non_stop_needs_no_rests() {
        let l = lp("a", LoopLength::Steps(1000));
        let mut w = walk("w", "2026-04-01T10:00:00Z", 1200, 600.0, Some("a"));
        let non_stop =
            |w: &WalkRecord| loop_stats(&l, std::slice::from_ref(w), 0.7).non_stop_completions;
        assert_eq!(non_stop(&w), 1);
        w.rests.push(rest());
        assert!(completes(&l, &w, 0.7));
        assert_eq!(non_stop(&w), 0);
        // Gaps (screen off) are not rests.
        w.rests.clear();
        w.gaps.push(rest());
        assert_eq!(non_stop(&w), 1);
        // Non-stop but short of the length is not a non-stop completion.
        let short = walk("s", "2026-04-01T10:00:00Z", 10, 60.0, Some("a"));
        assert_eq!(non_stop(&short), 0);
    }

    #[test]
    fn stats_count_best_and_typical() {
        let l = lp("a", LoopLength::Steps(1000));
        let mut rested = walk("w3", "2026-04-03T10:00:00Z", 1100, 700.0, Some("a"));
        rested.rests.push(rest());
        let walks = vec![
            rested,
            walk("w1", "2026-04-01T10:00:00Z", 1000, 900.0, Some("a")),
            walk("w2", "2026-04-02T10:00:00Z", 600, 300.0, Some("a")), // not whole
            walk("w4", "2026-04-04T10:00:00Z", 1000, 800.0, Some("a")),
            walk("x", "2026-04-04T12:00:00Z", 5000, 100.0, Some("other")),
            walk("y", "2026-04-04T13:00:00Z", 5000, 100.0, None),
        ];
        let s = loop_stats(&l, &walks, 0.7);
        assert_eq!(s.times_walked, 4);
        assert_eq!(s.completions, 3);
        assert_eq!(s.non_stop_completions, 2);
        assert_eq!(s.best_active_s, Some(700.0));
        assert_eq!(s.typical_active_s, Some(800.0));
        let dates: Vec<String> = s.series.iter().map(|p| p.date.to_string()).collect();
        assert_eq!(
            dates,
            ["2026-04-01", "2026-04-02", "2026-04-03", "2026-04-04"]
        );
        assert!(!s.series[1].completed);
        assert!(s.series[2].completed && !s.series[2].non_stop);
        assert_eq!(s.series[0].steps, Steps(1000));
        assert_eq!(s.series[0].active_s, 900.0);
    }

    #[test]
    fn stats_for_an_unwalked_loop() {
        let l = lp("a", LoopLength::Steps(1000));
        let s = loop_stats(&l, &[], 0.7);
        assert_eq!(s.times_walked, 0);
        assert_eq!(s.best_active_s, None);
        assert_eq!(s.typical_active_s, None);
        assert!(s.series.is_empty());
    }

    #[test]
    fn median_even_and_odd() {
        assert_eq!(median(&[]), None);
        assert_eq!(median(&[3.0, 1.0, 2.0]), Some(2.0));
        assert_eq!(median(&[4.0, 1.0, 2.0, 3.0]), Some(2.5));
        assert_eq!(median(&[f64::NAN, 1.0]), Some(1.0));
    }

    #[test]
    fn a_loop_name_is_trimmed_and_inner_spaces_collapsed() {
        let l = loop_with_length(
            LoopId("l".into()),
            "  Round   the park ",
            LoopLength::Steps(1500),
            now(),
        )
        .unwrap();
        assert_eq!(l.name, "Round the park");
        assert_eq!(l.length, LoopLength::Steps(1500));
        assert!(!l.archived);
        assert_eq!(l.created_at, now());
        assert_eq!(
            loop_with_length(LoopId("l".into()), "   ", LoopLength::Steps(5), now()),
            Err(LoopError::EmptyName)
        );
    }

    #[test]
    fn entered_lengths_are_checked() {
        let id = || LoopId("l".into());
        assert!(loop_with_length(id(), "a", LoopLength::Metres(800.0), now()).is_ok());
        for bad in [
            LoopLength::Steps(0),
            LoopLength::Metres(0.0),
            LoopLength::Metres(-5.0),
            LoopLength::Metres(f64::NAN),
        ] {
            assert_eq!(
                loop_with_length(id(), "a", bad, now()),
                Err(LoopError::InvalidLength)
            );
        }
        let long = "x".repeat(MAX_NAME_CHARS + 1);
        assert_eq!(
            loop_with_length(id(), &long, LoopLength::Steps(5), now()),
            Err(LoopError::NameTooLong)
        );
        assert_eq!(approx_distance_m(LoopLength::Metres(800.0), 0.7), 800.0);
    }

    #[test]
    fn add_rename_remeasure_archive() {
        let a = LoopId("a".into());
        let loops = add(vec![], lp("a", LoopLength::Steps(1000))).unwrap();
        let loops = add(loops, lp("b", LoopLength::Steps(2000))).unwrap();
        assert_eq!(
            add(loops.clone(), lp("a", LoopLength::Steps(1))),
            Err(LoopError::DuplicateId)
        );

        let loops = rename(loops, &a, "Canal path").unwrap();
        assert_eq!(find(&loops, &a).unwrap().name, "Canal path");
        assert_eq!(rename(loops.clone(), &a, ""), Err(LoopError::EmptyName));
        assert_eq!(
            rename(loops.clone(), &LoopId("zz".into()), "x"),
            Err(LoopError::NotFound)
        );

        let loops = remeasure(loops, &a, LoopLength::Metres(900.0)).unwrap();
        assert_eq!(find(&loops, &a).unwrap().length, LoopLength::Metres(900.0));
        assert_eq!(
            remeasure(loops.clone(), &a, LoopLength::Steps(0)),
            Err(LoopError::InvalidLength)
        );

        let loops = archive(loops, &a).unwrap();
        assert!(find(&loops, &a).unwrap().archived);
        let names: Vec<&str> = active(&loops).iter().map(|l| l.name.as_str()).collect();
        assert_eq!(names, ["Park loop"]);
        let loops = unarchive(loops, &a).unwrap();
        assert_eq!(active(&loops).len(), 2);
        assert_eq!(loops.len(), 2);
    }

    #[test]
    fn remeasuring_changes_which_walks_complete() {
        let l = lp("a", LoopLength::Steps(1000));
        let w = walk("w", "2026-04-01T10:00:00Z", 1000, 600.0, Some("a"));
        assert!(completes(&l, &w, 0.7));
        let loops = remeasure(vec![l], &LoopId("a".into()), LoopLength::Steps(1200)).unwrap();
        assert!(!completes(&loops[0], &w, 0.7));
    }
}
