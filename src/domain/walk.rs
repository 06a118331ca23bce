//! The walk in progress as a reducer: a [`WalkSession`] value changed only by
//! [`WalkSession::apply`] with an [`Action`], and figures derived from it.
//!
//! Every time is seconds of the walk's own clock (the recorder's monotonic
//! clock, zero at Start; checkpoints of older versions used epoch seconds,
//! which works the same: only differences matter).
//!
//! Definitions:
//! - **Active time**: time from Start to Stop, minus pauses and gaps.
//! - **Gap**: a stretch when the browser delivered no motion (page hidden,
//!   screen locked). Never filled with estimated steps; overlapping reports
//!   of the same gap (visibility and motion delivery) are merged.
//! - **Rest**: a stretch of at least [`REST_S`] seconds of active time with
//!   no step, after a step (between two steps, or from the last step to a
//!   pause, a gap or Stop). Time paused never counts towards a rest, and the
//!   wait before the very first step is not a rest.
//! - **Non-stop stretch**: active time from the first to the last step of a
//!   run of steps with no rest between them. A pause or a gap ends it (the
//!   walker stopped, or we could not see).

use std::collections::VecDeque;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::record::{Span, StepSource, Steps, WalkId, WalkRecord};
use crate::domain::sort::sort_by;

/// A stretch with no steps at least this long (active seconds) is a rest.
pub const REST_S: f64 = 15.0;
/// Cadence is measured over this much recent active time.
pub const CADENCE_WINDOW_S: f64 = 30.0;
/// No cadence is shown before this much active time.
pub const CADENCE_MIN_S: f64 = 10.0;
/// The walker counts as moving while the last step is at most this old.
pub const MOVING_WITHIN_S: f64 = 5.0;
/// The longest walk a record holds (start to stop), seconds: one day. The
/// store accepts up to two; a longer recording is cut here, steps kept.
pub const LONGEST_RECORD_S: f64 = 24.0 * 3600.0;

/// Everything that can happen to a walk.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Action {
    /// The walker tapped Start.
    Start {
        at: f64,
    },
    /// The detector confirmed a step that happened at `t`.
    Step {
        t: f64,
    },
    /// The clock moved on (about once a second).
    Tick {
        now: f64,
    },
    Pause {
        now: f64,
    },
    Resume {
        now: f64,
    },
    /// No motion was delivered from `from` to `to`.
    Gap {
        from: f64,
        to: f64,
    },
    Stop {
        now: f64,
    },
    /// Stop with the walk ending at `at`, which may be before the latest
    /// instant known (the last step of a walker who forgot to stop):
    /// everything after `at` is cut off.
    StopAt {
        at: f64,
    },
    /// The walker entered the step count (manual walks only).
    ManualSteps {
        steps: u32,
    },
}

/// Where the walk is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    #[default]
    Ready,
    Walking,
    Paused,
    Stopped,
}

impl<'de> Deserialize<'de> for Phase {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        super::record::read_name(
            d,
            &["ready", "walking", "paused", "stopped"],
            &[Self::Ready, Self::Walking, Self::Paused, Self::Stopped],
        )
    }
}

/// Moving or resting, as shown while walking.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Motion {
    Moving,
    Resting,
}

/// A walk being recorded. Plain data: serialise it to checkpoint.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct WalkSession {
    pub phase: Phase,
    pub source: StepSource,
    start: f64,
    now: f64,
    end: Option<f64>,
    steps: u32,
    /// Closed pauses, absolute (from, to).
    pauses: Vec<(f64, f64)>,
    paused_at: Option<f64>,
    /// Gaps, absolute (from, to), merged when they overlap.
    gap_iv: Vec<(f64, f64)>,
    /// Start of the current active segment (last Start or Resume).
    segment_start: f64,
    last_step: Option<f64>,
    /// The latest step ever counted (kept across pauses and gaps).
    #[serde(default)]
    latest_step: Option<f64>,
    run_start: Option<f64>,
    recent: VecDeque<f64>,
    rests: Vec<Span>,
    longest_nonstop_s: f64,
}

/// Length of the part of `[a, b]` covered by the union of `iv`.
fn covered(iv: &mut [(f64, f64)], a: f64, b: f64) -> f64 {
    if b <= a {
        return 0.0;
    }
    sort_by(iv, |x, y| x.0.total_cmp(&y.0));
    let mut total = 0.0;
    let mut cur: Option<(f64, f64)> = None;
    for &(f, t) in iv.iter() {
        let (f, t) = (f.max(a), t.min(b));
        if t <= f {
            continue;
        }
        match cur {
            Some((cf, ct)) if f <= ct => cur = Some((cf, ct.max(t))),
            Some((cf, ct)) => {
                total += ct - cf;
                cur = Some((f, t));
            }
            None => cur = Some((f, t)),
        }
    }
    if let Some((cf, ct)) = cur {
        total += ct - cf;
    }
    total
}

impl WalkSession {
    /// A session that has not started; apply [`Action::Start`] next.
    pub fn new(source: StepSource) -> Self {
        Self {
            source,
            ..Self::default()
        }
    }

    /// Apply one action. Returns false when it did not apply (e.g. a step
    /// while paused, or Resume while walking).
    pub fn apply(&mut self, action: Action) -> bool {
        use Phase::*;
        match (self.phase, action) {
            (Ready, Action::Start { at }) => {
                self.phase = Walking;
                self.start = at;
                self.now = at;
                self.segment_start = at;
                true
            }
            (Walking | Paused, Action::Step { t }) => self.step(t),
            (Walking | Paused, Action::Tick { now }) => {
                self.advance(now);
                self.prune();
                true
            }
            (Walking, Action::Pause { now }) => {
                self.advance(now);
                let now = self.now;
                self.end_run(now);
                self.paused_at = Some(now);
                self.phase = Paused;
                true
            }
            (Paused, Action::Resume { now }) => {
                self.advance(now);
                let from = self.paused_at.take().unwrap_or(self.now);
                self.pauses.push((from, self.now));
                self.segment_start = self.now;
                self.phase = Walking;
                true
            }
            (Walking, Action::Gap { from, to }) => {
                let from = from.max(self.segment_start);
                if to.is_nan() || to <= from {
                    return false;
                }
                self.end_run(from);
                self.add_gap(from, to);
                self.advance(to);
                true
            }
            (Walking | Paused, Action::Stop { now }) => {
                self.advance(now);
                let now = self.now;
                if let Some(from) = self.paused_at.take() {
                    self.pauses.push((from, now));
                } else {
                    self.end_run(now);
                }
                self.end = Some(now);
                self.phase = Stopped;
                true
            }
            (Walking | Paused, Action::StopAt { at }) => {
                self.stop_at(at);
                true
            }
            (_, Action::ManualSteps { steps }) if self.source == StepSource::Manual => {
                self.steps = steps;
                true
            }
            _ => false,
        }
    }

    fn advance(&mut self, now: f64) {
        if now.is_finite() && now > self.now {
            self.now = now;
        }
    }

    fn add_gap(&mut self, from: f64, to: f64) {
        for g in &mut self.gap_iv {
            if from <= g.1 && to >= g.0 {
                g.0 = g.0.min(from);
                g.1 = g.1.max(to);
                return;
            }
        }
        self.gap_iv.push((from, to));
    }

    fn step(&mut self, t: f64) -> bool {
        if self.source != StepSource::Sensor || !t.is_finite() {
            return false;
        }
        // While paused, only late-credited steps from before the pause count.
        if let Some(p) = self.paused_at {
            if t > p {
                return false;
            }
        }
        // Steps are in order; never before the current segment.
        let floor = self.last_step.unwrap_or(self.segment_start);
        let t = t.max(floor).max(self.segment_start);
        if self.phase == Phase::Walking {
            self.advance(t);
        }
        let t = t.min(self.now);
        match (self.last_step, self.run_start) {
            (Some(last), Some(run)) => {
                let still = self.active_between(last, t);
                if still >= REST_S {
                    self.push_rest(last, still);
                    let run_len = self.active_between(run, last);
                    self.longest_nonstop_s = self.longest_nonstop_s.max(run_len);
                    self.run_start = Some(t);
                }
            }
            _ => self.run_start = Some(t),
        }
        self.last_step = Some(t);
        self.latest_step = Some(t);
        self.steps = self.steps.saturating_add(1);
        self.recent.push_back(t);
        self.prune();
        true
    }

    fn stop_at(&mut self, at: f64) {
        let at = if at.is_finite() { at } else { self.now };
        // Not `clamp`: its bounds check formats f64 with Debug on a panic,
        // which links the float formatter into the wasm.
        let at = at.max(self.start).min(self.now);
        if let Some(p) = self.paused_at.take() {
            self.pauses.push((p, self.now));
        } else {
            self.end_run(at);
        }
        self.last_step = None;
        self.run_start = None;
        let clip = |iv: &mut Vec<(f64, f64)>| {
            iv.retain_mut(|g| {
                g.1 = g.1.min(at);
                g.0 < g.1
            });
        };
        clip(&mut self.pauses);
        clip(&mut self.gap_iv);
        let start = self.start;
        let mut rests = std::mem::take(&mut self.rests);
        rests.retain_mut(|r| {
            let end = (start + r.at_s + r.len_s).min(at);
            let from = start + r.at_s;
            if end <= from {
                return false;
            }
            r.len_s = self.active_between(from, end);
            r.len_s >= REST_S
        });
        self.rests = rests;
        self.recent.retain(|&t| t <= at);
        self.now = at;
        self.end = Some(at);
        self.phase = Phase::Stopped;
    }

    fn push_rest(&mut self, from: f64, len: f64) {
        self.rests.push(Span::new(from - self.start, len));
    }

    /// The current run of steps ends at `at` (pause, gap or stop): record a
    /// trailing rest if long enough and close the non-stop stretch.
    fn end_run(&mut self, at: f64) {
        if let (Some(last), Some(run)) = (self.last_step, self.run_start) {
            let still = self.active_between(last, at);
            if still >= REST_S {
                self.push_rest(last, still);
            }
            let run_len = self.active_between(run, last);
            self.longest_nonstop_s = self.longest_nonstop_s.max(run_len);
        }
        self.last_step = None;
        self.run_start = None;
    }

    fn prune(&mut self) {
        let reference = self.reference();
        while let Some(&t) = self.recent.front() {
            if self.active_between(t, reference) > CADENCE_WINDOW_S {
                self.recent.pop_front();
            } else {
                break;
            }
        }
    }

    /// The instant figures refer to: Stop, the pause, or now.
    fn reference(&self) -> f64 {
        self.end.or(self.paused_at).unwrap_or(self.now)
    }

    /// Active seconds between two instants: pauses and gaps excluded.
    pub fn active_between(&self, a: f64, b: f64) -> f64 {
        if b <= a {
            return 0.0;
        }
        let mut iv: Vec<(f64, f64)> = self.pauses.iter().chain(&self.gap_iv).copied().collect();
        if let Some(p) = self.paused_at {
            iv.push((p, f64::INFINITY));
        }
        (b - a - covered(&mut iv, a, b)).max(0.0)
    }

    /// Steps counted (or entered, for a manual walk).
    pub fn steps(&self) -> Steps {
        Steps(self.steps)
    }

    /// Start instant, walk clock.
    pub fn started(&self) -> f64 {
        self.start
    }

    /// The walk's latest step, walk clock.
    pub fn latest_step(&self) -> Option<f64> {
        self.latest_step
    }

    /// The latest instant the session knows of, walk clock.
    pub fn now(&self) -> f64 {
        self.now
    }

    /// Wall-clock seconds from Start to Stop (or now), pauses included.
    pub fn duration_s(&self) -> f64 {
        (self.end.unwrap_or(self.now) - self.start).max(0.0)
    }

    /// Active seconds so far.
    pub fn active_s(&self) -> f64 {
        if self.phase == Phase::Ready {
            return 0.0;
        }
        self.active_between(self.start, self.end.unwrap_or(self.now))
    }

    /// Steps per minute over the last [`CADENCE_WINDOW_S`] of active time;
    /// `None` before [`CADENCE_MIN_S`] of active time.
    pub fn cadence(&self) -> Option<f64> {
        if self.source != StepSource::Sensor {
            return None;
        }
        let reference = self.reference();
        let active = self.active_between(self.start, reference);
        if active < CADENCE_MIN_S {
            return None;
        }
        let window = active.min(CADENCE_WINDOW_S);
        let n = self
            .recent
            .iter()
            .filter(|&&t| self.active_between(t, reference) <= window)
            .count();
        Some(n as f64 * 60.0 / window)
    }

    /// Moving (a step in the last [`MOVING_WITHIN_S`]) or resting.
    pub fn motion(&self) -> Motion {
        match (self.phase, self.last_step) {
            (Phase::Walking, Some(last))
                if self.active_between(last, self.now) < MOVING_WITHIN_S =>
            {
                Motion::Moving
            }
            _ => Motion::Resting,
        }
    }

    /// Rests so far (a rest still going on is added when it ends).
    pub fn rests(&self) -> &[Span] {
        &self.rests
    }

    /// Gaps in motion delivery, relative to the start.
    pub fn gaps(&self) -> Vec<Span> {
        let mut g: Vec<Span> = self
            .gap_iv
            .iter()
            .map(|&(f, t)| Span::new(f - self.start, t - f))
            .collect();
        sort_by(&mut g, |a, b| a.at_s.total_cmp(&b.at_s));
        g
    }

    /// Total seconds of gaps.
    pub fn gap_total_s(&self) -> f64 {
        self.gap_iv.iter().map(|g| g.1 - g.0).sum()
    }

    /// Longest non-stop stretch so far, including the current one.
    pub fn longest_nonstop_s(&self) -> f64 {
        let current = match (self.run_start, self.last_step) {
            (Some(r), Some(l)) => self.active_between(r, l),
            _ => 0.0,
        };
        self.longest_nonstop_s.max(current)
    }

    /// The saved record of this walk (normally after [`Action::Stop`]).
    pub fn to_record(
        &self,
        id: WalkId,
        started_at: DateTime<Utc>,
        utc_offset_min: i32,
    ) -> WalkRecord {
        // A walk of any length can be saved: beyond the longest record the
        // store takes, the end is cut there and every step kept.
        let duration_s = self.duration_s().min(LONGEST_RECORD_S);
        let fit = |spans: Vec<Span>| -> Vec<Span> {
            spans
                .into_iter()
                .filter(|s| s.at_s < duration_s)
                .map(|s| Span::new(s.at_s, s.len_s.min(duration_s - s.at_s)))
                .collect()
        };
        let (rests, longest) = match self.source {
            StepSource::Sensor => (fit(self.rests.clone()), self.longest_nonstop_s()),
            StepSource::Manual => (Vec::new(), 0.0),
        };
        WalkRecord {
            id,
            started_at,
            utc_offset_min,
            duration_s,
            active_s: self.active_s().min(duration_s),
            steps: self.steps(),
            source: self.source,
            loop_id: None,
            rests,
            gaps: fit(self.gaps()),
            longest_nonstop_s: longest.min(duration_s),
            pain_before: None,
            pain_after: None,
            edited: false,
            note: None,
        }
    }
}

/// What is checkpointed while a walk runs, so it survives a killed tab.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Checkpoint {
    pub version: u32,
    pub id: WalkId,
    #[serde(with = "crate::domain::dates::rfc3339")]
    pub started_at: DateTime<Utc>,
    pub utc_offset_min: i32,
    pub session: WalkSession,
}

impl Checkpoint {
    pub const VERSION: u32 = 1;

    /// The walk as it stood at the checkpoint, ending at its last step (a
    /// sensor walk) or at the checkpoint (a manual one, or no step yet).
    pub fn as_it_stood(&self) -> WalkRecord {
        let mut s = self.session.clone();
        let at = match s.source {
            StepSource::Sensor => s.latest_step().unwrap_or(s.now()),
            StepSource::Manual => s.now(),
        };
        s.apply(Action::StopAt { at });
        s.to_record(self.id.clone(), self.started_at, self.utc_offset_min)
    }

    /// When the walk's last step was, as a wall-clock instant.
    pub fn last_step_at(&self) -> Option<DateTime<Utc>> {
        let t = self.session.latest_step()?;
        let ms = ((t - self.session.started()) * 1000.0) as i64;
        Some(self.started_at + chrono::Duration::milliseconds(ms))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const T0: f64 = 1_767_258_000.0;

    fn walking() -> WalkSession {
        let mut s = WalkSession::new(StepSource::Sensor);
        assert!(s.apply(Action::Start { at: T0 }));
        s
    }

    /// Steps every `every` seconds from `from` (relative to T0) for `n` steps.
    fn steps(s: &mut WalkSession, from: f64, every: f64, n: usize) {
        for i in 0..n {
            let t = T0 + from + every * i as f64;
            s.apply(Action::Tick { now: t });
            assert!(s.apply(Action::Step { t }), "step at {t}");
        }
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-6
    }

    #[test]
    fn pauses_are_excluded_from_active_time() {
        let mut s = walking();
        s.apply(Action::Tick { now: T0 + 60.0 });
        assert!(close(s.active_s(), 60.0));
        assert!(s.apply(Action::Pause { now: T0 + 60.0 }));
        assert!(!s.apply(Action::Pause { now: T0 + 61.0 }));
        s.apply(Action::Tick { now: T0 + 100.0 });
        assert!(close(s.active_s(), 60.0), "{}", s.active_s());
        assert!(s.apply(Action::Resume { now: T0 + 120.0 }));
        s.apply(Action::Tick { now: T0 + 150.0 });
        assert!(close(s.active_s(), 90.0));
        s.apply(Action::Pause { now: T0 + 150.0 });
        s.apply(Action::Stop { now: T0 + 200.0 });
        assert_eq!(s.phase, Phase::Stopped);
        assert!(close(s.active_s(), 90.0));
        assert!(close(s.duration_s(), 200.0));
        // Nothing applies after Stop.
        assert!(!s.apply(Action::Resume { now: T0 + 210.0 }));
        assert!(!s.apply(Action::Step { t: T0 + 210.0 }));
    }

    #[test]
    fn steps_count_and_cadence_follows_the_last_30_seconds() {
        let mut s = walking();
        steps(&mut s, 1.0, 0.5, 5);
        assert_eq!(s.cadence(), None, "too early for a cadence");
        steps(&mut s, 3.5, 0.5, 115); // up to ~60 s at 120 steps/min
        assert_eq!(s.steps(), Steps(120));
        let c = s.cadence().unwrap();
        assert!((c - 120.0).abs() <= 2.5, "{c}");
        assert_eq!(s.motion(), Motion::Moving);
        s.apply(Action::Tick { now: T0 + 70.0 });
        assert_eq!(s.motion(), Motion::Resting);
        // Cadence decays as the window empties.
        assert!(s.cadence().unwrap() < c);
    }

    #[test]
    fn steps_while_paused_do_not_count_unless_credited_from_before_the_pause() {
        let mut s = walking();
        steps(&mut s, 1.0, 0.5, 10);
        s.apply(Action::Pause { now: T0 + 10.0 });
        assert!(s.apply(Action::Step { t: T0 + 9.0 }), "late credit");
        assert!(!s.apply(Action::Step { t: T0 + 11.0 }));
        assert_eq!(s.steps(), Steps(11));
    }

    #[test]
    fn a_stretch_of_15_s_without_steps_is_a_rest() {
        let mut s = walking();
        steps(&mut s, 0.0, 0.5, 41); // 0..20 s
        steps(&mut s, 34.0, 0.5, 21); // 14 s still: not a rest; 34..44
        assert!(s.rests().is_empty());
        steps(&mut s, 64.0, 0.5, 21); // 20 s still: a rest; 64..74
        assert_eq!(s.rests().len(), 1);
        assert!(close(s.rests()[0].at_s, 44.0));
        assert!(close(s.rests()[0].len_s, 20.0));
        // The first non-stop stretch ran 0..44 s.
        assert!(close(s.longest_nonstop_s(), 44.0));
    }

    #[test]
    fn a_rest_at_the_end_is_recorded_at_stop() {
        let mut s = walking();
        steps(&mut s, 0.0, 0.5, 21); // 0..10
        s.apply(Action::Stop { now: T0 + 40.0 });
        assert_eq!(s.rests().len(), 1);
        assert!(close(s.rests()[0].at_s, 10.0));
        assert!(close(s.rests()[0].len_s, 30.0));
        let mut s = walking();
        steps(&mut s, 0.0, 0.5, 21);
        s.apply(Action::Stop { now: T0 + 20.0 });
        assert!(s.rests().is_empty(), "10 s still at the end is not a rest");
    }

    #[test]
    fn the_wait_before_the_first_step_is_not_a_rest() {
        let mut s = walking();
        steps(&mut s, 30.0, 0.5, 21);
        assert!(s.rests().is_empty());
        assert!(close(s.longest_nonstop_s(), 10.0));
    }

    #[test]
    fn resting_while_paused_does_not_count() {
        let mut s = walking();
        steps(&mut s, 0.0, 0.5, 21); // 0..10
        s.apply(Action::Tick { now: T0 + 15.0 });
        s.apply(Action::Pause { now: T0 + 15.0 });
        s.apply(Action::Resume { now: T0 + 300.0 });
        steps(&mut s, 305.0, 0.5, 21);
        s.apply(Action::Stop { now: T0 + 316.0 });
        assert!(s.rests().is_empty(), "{:?}", s.rests());
        assert!(close(s.active_s(), 31.0), "{}", s.active_s());
        // The pause ended the first stretch; each ran 10 s.
        assert!(close(s.longest_nonstop_s(), 10.0));
        let r = s.to_record(WalkId("w".into()), Utc::now(), 0);
        assert!(r.non_stop());
        assert!(!r.interrupted());
    }

    #[test]
    fn rest_time_excludes_a_pause_inside_it() {
        let mut s = walking();
        steps(&mut s, 0.0, 0.5, 21); // last step at 10
        s.apply(Action::Tick { now: T0 + 16.0 });
        // A rest that began before the pause is cut off there (6 s: none).
        s.apply(Action::Pause { now: T0 + 16.0 });
        s.apply(Action::Resume { now: T0 + 100.0 });
        s.apply(Action::Tick { now: T0 + 120.0 });
        steps(&mut s, 120.0, 0.5, 10);
        assert!(s.rests().is_empty());
    }

    #[test]
    fn longest_nonstop_picks_the_longest_run() {
        let mut s = walking();
        steps(&mut s, 0.0, 0.5, 21); // 10 s
        steps(&mut s, 30.0, 0.5, 121); // 60 s
        steps(&mut s, 110.0, 0.5, 41); // 20 s
        s.apply(Action::Stop { now: T0 + 131.0 });
        assert_eq!(s.rests().len(), 2);
        assert!(close(s.longest_nonstop_s(), 60.0));
    }

    #[test]
    fn gaps_are_recorded_merged_and_excluded_from_active_time() {
        let mut s = walking();
        steps(&mut s, 0.0, 0.5, 41); // 0..20
                                     // Motion stopped at 20.5; the page was hidden from 21 to 140.
        assert!(s.apply(Action::Gap {
            from: T0 + 21.0,
            to: T0 + 140.0
        }));
        // The motion adapter reports the same silence, a little wider.
        assert!(s.apply(Action::Gap {
            from: T0 + 20.5,
            to: T0 + 140.2
        }));
        assert_eq!(s.gaps().len(), 1);
        assert!(close(s.gaps()[0].at_s, 20.5));
        assert!(close(s.gaps()[0].len_s, 119.7));
        steps(&mut s, 141.0, 0.5, 20);
        s.apply(Action::Stop { now: T0 + 151.0 });
        assert!(close(s.active_s(), 151.0 - 119.7), "{}", s.active_s());
        assert!(s.rests().is_empty(), "a gap is not a rest");
        let r = s.to_record(WalkId("w".into()), Utc::now(), 60);
        assert!(r.interrupted());
        assert_eq!(r.steps, Steps(61));
        // A gap while paused is not a gap in counting.
        let mut s = walking();
        s.apply(Action::Pause { now: T0 + 5.0 });
        assert!(!s.apply(Action::Gap {
            from: T0 + 6.0,
            to: T0 + 60.0
        }));
        assert!(s.gaps().is_empty());
    }

    #[test]
    fn checkpoint_round_trips_and_is_saved_ending_at_its_last_step() {
        let mut s = walking();
        steps(&mut s, 0.0, 0.5, 41); // last step at 20 s
        s.apply(Action::Tick { now: T0 + 22.0 });
        let cp = Checkpoint {
            version: Checkpoint::VERSION,
            id: WalkId("1767258000000-ab".into()),
            started_at: "2026-01-01T09:00:00Z".parse().unwrap(),
            utc_offset_min: 60,
            session: s.clone(),
        };
        let text = serde_json::to_string(&cp).unwrap();
        let back: Checkpoint = serde_json::from_str(&text).unwrap();
        assert_eq!(back, cp);
        // Saved as it stood: it ends at the last step, not the checkpoint.
        let r = back.as_it_stood();
        assert_eq!(r.steps, Steps(41));
        assert!(close(r.duration_s, 20.0), "{}", r.duration_s);
        assert!(!r.interrupted());
        assert_eq!(
            back.last_step_at(),
            Some("2026-01-01T09:00:20Z".parse().unwrap())
        );
    }

    #[test]
    fn stopping_at_the_last_step_cuts_off_the_rest_pause_and_gap_after_it() {
        let mut s = walking();
        steps(&mut s, 0.0, 0.5, 41); // last step at 20 s
        s.apply(Action::Tick { now: T0 + 320.0 });
        s.apply(Action::Pause { now: T0 + 320.0 }); // records a 300 s rest
        assert_eq!(s.rests().len(), 1);
        s.apply(Action::Tick { now: T0 + 4000.0 });
        assert!(s.apply(Action::StopAt { at: T0 + 20.0 }));
        assert_eq!(s.phase, Phase::Stopped);
        let r = s.to_record(WalkId("w".into()), Utc::now(), 0);
        assert!(close(r.duration_s, 20.0), "{}", r.duration_s);
        assert!(close(r.active_s, 20.0));
        assert!(close(r.longest_nonstop_s, 20.0));
        assert!(r.rests.is_empty(), "{:?}", r.rests);
        assert!(r.gaps.is_empty());
        assert_eq!(r.steps, Steps(41));
    }

    #[test]
    fn a_walk_longer_than_a_record_holds_is_cut_and_keeps_its_steps() {
        let mut s = walking();
        steps(&mut s, 0.0, 0.5, 41);
        s.apply(Action::Gap {
            from: T0 + 30.0,
            to: T0 + 3.0 * 86_400.0,
        });
        steps(&mut s, 3.0 * 86_400.0 + 1.0, 0.5, 10);
        s.apply(Action::Stop {
            now: T0 + 3.0 * 86_400.0 + 10.0,
        });
        let r = s.to_record(WalkId("w".into()), Utc::now(), 0);
        assert_eq!(r.steps, Steps(51));
        assert!(close(r.duration_s, LONGEST_RECORD_S));
        let mut store = crate::domain::store::Store::new();
        store
            .add_walk(r)
            .expect("a three-day recording can be saved");
    }

    #[test]
    fn manual_walks_take_the_entered_count_and_ignore_detector_steps() {
        let mut s = WalkSession::new(StepSource::Manual);
        s.apply(Action::Start { at: T0 });
        assert!(!s.apply(Action::Step { t: T0 + 1.0 }));
        s.apply(Action::Stop { now: T0 + 600.0 });
        assert!(s.apply(Action::ManualSteps { steps: 800 }));
        let r = s.to_record(WalkId("m".into()), Utc::now(), 0);
        assert_eq!(r.steps, Steps(800));
        assert_eq!(r.source, StepSource::Manual);
        assert_eq!(s.cadence(), None);
        let mut sensor = walking();
        assert!(!sensor.apply(Action::ManualSteps { steps: 5 }));
    }

    #[test]
    fn records_pass_store_validation() {
        let mut s = walking();
        steps(&mut s, 0.0, 0.5, 41);
        s.apply(Action::Gap {
            from: T0 + 21.0,
            to: T0 + 50.0,
        });
        s.apply(Action::Stop { now: T0 + 80.0 });
        let r = s.to_record(WalkId("w".into()), Utc::now(), 0);
        let mut store = crate::domain::store::Store::new();
        store.add_walk(r).unwrap();
    }
}
