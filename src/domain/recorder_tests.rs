//! Native tests of the recorder: the end-to-end walk scenarios (a hidden
//! page, no readings, a killed tab, pause, a manual count) and the rules of
//! issues 12 and 15 (one checkpoint per tab, saves that keep the only copy,
//! one clock, a forgotten Stop), each named after its scenario.

use std::io::Read;

use super::*;
use crate::domain::record::LoopId;
use crate::domain::steps::{count_steps, trace::parse_trace};
use crate::domain::store::Store;

/// A recording from the in-repo Oxford validation set: (t, x, y, z).
fn recording(seconds: f64) -> Vec<(f64, f64, f64, f64)> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/stepdata/oxford/validation/user2_hand_1506421987098.csv.gz"
    );
    let bytes = std::fs::read(path).expect("in-repo recording");
    let mut text = String::new();
    flate2::read::GzDecoder::new(&bytes[..])
        .read_to_string(&mut text)
        .unwrap();
    let rows = parse_trace(&text).unwrap();
    let t0 = rows[0].0;
    rows.into_iter()
        .map(|(t, x, y, z)| (t - t0, x, y, z))
        .filter(|r| r.0 <= seconds)
        .collect()
}

const WALL0: f64 = 1_767_258_000_000.0; // 2026-01-01 09:00:00 UTC
/// The page's monotonic clock at Start (any origin works).
const MONO0: f64 = 1234.5;

/// A Start tap at `now` (monotonic) and [`WALL0`], UTC offset in minutes.
fn stamp(now: f64, utc_offset_min: i32, id: &str) -> Stamp {
    Stamp {
        now,
        wall_ms: WALL0,
        utc_offset_min,
        id: WalkId(id.into()),
    }
}

/// A recorder with every effect it asked for, and the monotonic clock.
struct Harness {
    r: Recorder,
    effects: Vec<Effect>,
    mono: f64,
}

impl Harness {
    fn new() -> Self {
        Self {
            r: Recorder::new(),
            effects: Vec::new(),
            mono: MONO0,
        }
    }

    fn feed(&mut self, input: Input) -> Vec<Effect> {
        let out = self.r.handle(input);
        self.effects.extend(out.iter().cloned());
        out
    }

    /// A recorder that started a walk and walked `rows`.
    fn walked(rows: &[(f64, f64, f64, f64)]) -> Self {
        let mut h = Self::new();
        h.start();
        h.walk(rows);
        h
    }

    /// Stop now and tap Save: the record the recorder asks to store.
    fn stop_and_save(&mut self) -> WalkRecord {
        self.feed(Input::Stop { now: self.mono });
        self.feed(Input::Save);
        self.saved_record()
    }

    fn start(&mut self) {
        let out = self.feed(Input::Start {
            at: stamp(self.mono, 60, "w1"),
            sensor: SensorAccess::Ready,
        });
        assert!(out.contains(&Effect::Sensors(true)));
        assert!(out.contains(&Effect::KeepScreenOn(true)));
        assert_eq!(self.r.stage(), &Stage::Recording);
    }

    /// Walk clock seconds since Start.
    fn elapsed(&self) -> f64 {
        self.mono - MONO0
    }

    /// Replays `rows` (times relative to now), ticking every second.
    fn walk(&mut self, rows: &[(f64, f64, f64, f64)]) {
        let base = self.mono;
        let mut next_tick = base + 1.0;
        for &(t, x, y, z) in rows {
            let at = base + t;
            while next_tick <= at {
                self.feed(Input::Tick { now: next_tick });
                next_tick += 1.0;
            }
            self.feed(Input::Sample { t: at, x, y, z });
            self.mono = at;
        }
    }

    /// A phone lying still for `seconds`: readings at 60 Hz, ticks each second.
    fn still(&mut self, seconds: f64) {
        let base = self.mono;
        let n = (seconds * 60.0) as usize;
        for i in 1..=n {
            let t = base + i as f64 / 60.0;
            self.feed(Input::Sample {
                t,
                x: 0.0,
                y: 0.0,
                z: 9.81,
            });
            if i % 60 == 0 {
                self.feed(Input::Tick { now: t });
            }
            self.mono = t;
        }
    }

    /// Time passes with no readings and no ticks (page hidden, phone locked).
    fn pass(&mut self, seconds: f64) {
        self.mono += seconds;
    }

    fn steps(&self) -> u32 {
        self.r.session().steps().0
    }

    /// The latest effect that `pick` picks.
    fn latest<T>(&self, pick: impl Fn(&Effect) -> Option<T>) -> Option<T> {
        self.effects.iter().rev().find_map(pick)
    }

    fn last_checkpoint(&self) -> Checkpoint {
        self.latest(|e| match e {
            Effect::WriteCheckpoint(cp) => Some((**cp).clone()),
            _ => None,
        })
        .expect("a checkpoint was written")
    }

    fn saved_record(&self) -> WalkRecord {
        self.latest(|e| match e {
            Effect::Save(r) => Some((**r).clone()),
            _ => None,
        })
        .expect("a save was asked for")
    }

    fn count(&self, wanted: impl Fn(&Effect) -> bool) -> usize {
        self.effects.iter().filter(|e| wanted(e)).count()
    }
}

/// A walk of `seconds` of the recording in a tab whose page then went
/// away, offered back in a new tab: (the new tab, the checkpoint left).
fn closed_tab(seconds: f64, key: &str, own: bool, heartbeat_ms: f64) -> (Harness, Checkpoint) {
    let mut a = Harness::walked(&recording(seconds));
    a.feed(Input::PageHide);
    let checkpoint = a.last_checkpoint();
    let mut b = Harness::new();
    b.feed(Input::Found(vec![Unfinished {
        key: key.into(),
        own,
        heartbeat_ms,
        checkpoint: checkpoint.clone(),
    }]));
    (b, checkpoint)
}

fn close(a: f64, b: f64, tol: f64) -> bool {
    (a - b).abs() <= tol
}

/// The saved walk ends at its last step: its length, active time, non-stop
/// stretch and rests all stop there.
fn assert_ends_at_last_step(r: &WalkRecord, last: f64) {
    assert!(
        close(r.duration_s, last, 1e-6),
        "{} vs {last}",
        r.duration_s
    );
    assert!(r.active_s <= last + 1e-6);
    assert!(r.longest_nonstop_s <= last + 1e-6);
    assert!(r.rests.iter().all(|s| s.at_s + s.len_s <= last + 1e-6));
}

#[test]
fn a_recorded_walk_counts_what_the_detector_counts() {
    let rows = recording(30.0);
    let expected = count_steps(&rows) as u32;
    assert!(expected > 30, "the recording is a walk ({expected})");
    let mut h = Harness::walked(&rows);
    assert_eq!(h.steps(), expected);
    h.pass(0.5);
    h.feed(Input::Stop { now: h.mono });
    assert_eq!(h.r.stage(), &Stage::Summary);
    h.feed(Input::Save);
    let r = h.saved_record();
    assert_eq!(r.steps, Steps(expected));
    assert!(close(r.duration_s, h.elapsed(), 0.01), "{}", r.duration_s);
    assert!(r.gaps.is_empty());
    Store::new().add_walk(r).unwrap();
}

#[test]
fn a_hidden_page_is_a_gap_said_on_return_and_the_walk_is_marked_interrupted() {
    let rows = recording(12.0);
    let mut h = Harness::walked(&rows);
    let before = h.steps();
    let hidden_at = h.elapsed();
    let out = h.feed(Input::PageHidden { now: h.mono });
    assert!(
        matches!(out.last(), Some(Effect::WriteCheckpoint(_))),
        "checkpointed on hide"
    );
    // Whatever arrives while hidden is not counted.
    h.walk(&rows);
    assert_eq!(h.steps(), before);
    h.pass(4.0);
    let out = h.feed(Input::PageVisible { now: h.mono });
    let gap = h.elapsed() - hidden_at;
    assert!(
        out.iter().any(|e| matches!(e, Effect::Notice(Notice::CountingPaused { total_s }) if close(*total_s, gap, 0.01))),
        "{out:?}"
    );
    assert!(out.contains(&Effect::KeepScreenOn(true)), "wake lock again");
    h.feed(Input::Stop { now: h.mono + 1.0 });
    h.feed(Input::Save);
    let r = h.saved_record();
    assert!(r.interrupted());
    assert_eq!(r.gaps.len(), 1);
    assert!(close(r.gaps[0].len_s, gap, 0.01));
    assert!(close(r.active_s, r.duration_s - gap, 0.01));
}

#[test]
fn readings_that_stop_arriving_mid_walk_are_a_gap() {
    let rows = recording(10.0);
    let mut h = Harness::walked(&rows);
    h.pass(20.0);
    h.walk(&rows);
    let gaps = h.r.session().gaps();
    assert_eq!(gaps.len(), 1);
    assert!(close(gaps[0].len_s, 20.0, 0.1), "{gaps:?}");
    // Silence until Stop is a gap too.
    h.pass(10.0);
    h.feed(Input::Stop { now: h.mono });
    assert_eq!(h.r.session().gaps().len(), 2);
}

#[test]
fn no_readings_at_all_is_a_problem_and_nothing_is_kept() {
    let mut h = Harness::new();
    h.start();
    h.feed(Input::Tick { now: h.mono + 1.0 });
    assert_eq!(h.r.stage(), &Stage::Recording);
    let out = h.feed(Input::Tick { now: h.mono + 2.0 });
    assert_eq!(h.r.stage(), &Stage::Problem(SensorProblem::NoReadings));
    assert!(!h.r.stage().is_running(), "the update offer may show again");
    assert!(out.contains(&Effect::Sensors(false)));
    assert!(out.contains(&Effect::KeepScreenOn(false)));
    assert!(out.contains(&Effect::ClearCheckpoint(CheckpointSlot::Own)));
    // A manual walk from there.
    h.feed(Input::StartManual(Stamp {
        now: h.mono + 3.0,
        wall_ms: WALL0 + 3000.0,
        utc_offset_min: 60,
        id: WalkId("m".into()),
    }));
    assert_eq!(h.r.stage(), &Stage::Recording);
    assert_eq!(h.r.session().source, StepSource::Manual);
}

#[test]
fn a_hidden_page_is_not_mistaken_for_no_readings() {
    let mut h = Harness::new();
    h.start();
    h.feed(Input::PageHidden { now: h.mono + 0.5 });
    h.feed(Input::Tick { now: h.mono + 5.0 });
    assert_eq!(h.r.stage(), &Stage::Recording);
}

#[test]
fn permission_asked_then_granted_starts_then_denied_says_so() {
    let mut h = Harness::new();
    h.feed(Input::Start {
        at: stamp(h.mono, 0, "w"),
        sensor: SensorAccess::Asking,
    });
    assert_eq!(h.r.stage(), &Stage::Asking);
    assert!(h.r.stage().is_running());
    h.feed(Input::Permission { granted: false });
    assert_eq!(h.r.stage(), &Stage::Problem(SensorProblem::Denied));
    h.feed(Input::Start {
        at: stamp(h.mono, 0, "w"),
        sensor: SensorAccess::Asking,
    });
    let out = h.feed(Input::Permission { granted: true });
    assert_eq!(h.r.stage(), &Stage::Recording);
    assert!(out.contains(&Effect::Sensors(true)));
}

#[test]
fn pausing_stops_counting_and_resuming_counts_again() {
    let rows = recording(20.0);
    let mut h = Harness::new();
    h.start();
    h.walk(&rows[..rows.len() / 2]);
    let paused_at = h.elapsed();
    let out = h.feed(Input::Pause { now: h.mono });
    assert!(out
        .iter()
        .any(|e| matches!(e, Effect::Announce(Announcement::Paused { steps: Some(_) }))));
    let at_pause = h.steps();
    let active_at_pause = h.r.session().active_s();
    h.walk(&rows);
    // A step already under way may still be credited, at its own time.
    assert!(h.steps() <= at_pause + 2, "no steps while paused");
    assert!(h.r.session().latest_step().unwrap() <= paused_at);
    assert!(close(h.r.session().active_s(), active_at_pause, 1e-6));
    h.feed(Input::Resume { now: h.mono });
    h.walk(&rows);
    assert!(h.steps() > at_pause + 10, "counting again: {}", h.steps());
    assert!(h.r.session().gaps().is_empty(), "a pause is not a gap");
}

#[test]
fn a_manual_walk_takes_the_entered_count() {
    let mut h = Harness::new();
    let out = h.feed(Input::StartManual(stamp(h.mono, 60, "m")));
    assert!(!out.contains(&Effect::Sensors(true)), "no sensor");
    h.feed(Input::Sample {
        t: h.mono + 1.0,
        x: 0.0,
        y: 30.0,
        z: 0.0,
    });
    // No readings is not a problem for a manual walk, and no auto-pause.
    h.pass(600.0);
    h.feed(Input::Tick { now: h.mono });
    assert_eq!(h.r.stage(), &Stage::Recording);
    h.feed(Input::Stop { now: h.mono });
    h.feed(Input::ManualSteps(640));
    h.feed(Input::Save);
    let r = h.saved_record();
    assert_eq!(r.steps, Steps(640));
    assert_eq!(r.source, StepSource::Manual);
    assert!(close(r.duration_s, 600.0, 1e-6));
}

#[test]
fn the_checkpoint_is_written_every_four_seconds_and_on_hide() {
    let mut h = Harness::new();
    h.start();
    let writes = |h: &Harness| h.count(|e| matches!(e, Effect::WriteCheckpoint(_)));
    assert_eq!(writes(&h), 1, "at Start");
    h.still(12.0);
    assert_eq!(writes(&h), 4, "at 4, 8 and 12 s");
    h.feed(Input::PageHide);
    assert_eq!(writes(&h), 5);
}

#[test]
fn the_walk_of_a_killed_tab_is_offered_back_and_continuing_marks_the_time_away_as_a_gap() {
    let rows = recording(20.0);
    let mut a = Harness::walked(&rows);
    a.feed(Input::Tick { now: a.mono + 0.1 });
    // Killed: the last checkpoint is all that is left.
    let cp = a.last_checkpoint();
    let at_cp = cp.session.steps().0;
    assert!(at_cp + 10 >= a.steps(), "at most a few seconds lost");
    let heartbeat = WALL0 + cp.session.now() * 1000.0;
    let mut b = Harness::new();
    b.mono = 7.0; // a new page: a new monotonic clock
    b.feed(Input::Found(vec![Unfinished {
        key: "loopwalk.current.tab-a".into(),
        own: false,
        heartbeat_ms: heartbeat,
        checkpoint: cp,
    }]));
    assert!(matches!(b.r.stage(), Stage::Resume(_)));
    assert!(!b.r.stage().is_running());
    let out = b.feed(Input::Continue {
        now: b.mono,
        wall_ms: heartbeat + 120_000.0,
    });
    assert_eq!(b.r.stage(), &Stage::Recording);
    assert_eq!(b.steps(), at_cp);
    assert!(out.contains(&Effect::ClearCheckpoint(CheckpointSlot::Other(
        "loopwalk.current.tab-a".into()
    ))));
    let gaps = b.r.session().gaps();
    assert_eq!(gaps.len(), 1);
    assert!(close(gaps[0].len_s, 120.0, 0.01), "{gaps:?}");
    b.walk(&rows);
    assert!(b.steps() > at_cp + 10, "counting goes on");
    let r = b.stop_and_save();
    assert_eq!(r.id, WalkId("w1".into()), "the same walk");
    let out = b.feed(Input::Saved(Stored::Saved));
    assert!(out.contains(&Effect::ClearCheckpoint(CheckpointSlot::Own)));
    assert!(out.contains(&Effect::ClearCheckpoint(CheckpointSlot::Other(
        "loopwalk.current.tab-a".into()
    ))));
}

#[test]
fn a_killed_tabs_walk_saved_as_it_stood_ends_at_its_last_step_and_clears_only_its_own_key() {
    let rows = recording(20.0);
    let mut a = Harness::walked(&rows);
    a.still(30.0);
    let cp = a.last_checkpoint();
    let last = cp.session.latest_step().unwrap();
    let mut b = Harness::new();
    b.feed(Input::Found(vec![Unfinished {
        key: "loopwalk.current.tab-a".into(),
        own: false,
        heartbeat_ms: WALL0,
        checkpoint: cp,
    }]));
    b.feed(Input::SaveAsItStood);
    let r = b.saved_record();
    assert_ends_at_last_step(&r, last);
    assert!(
        r.rests.is_empty(),
        "the stillness after the last step is cut"
    );
    // Nothing is cleared before the save is known to be safe.
    let out = b.feed(Input::Saved(Stored::MemoryOnly(StoreProblem::Full)));
    assert!(!out.iter().any(|e| matches!(e, Effect::ClearCheckpoint(_))));
    assert!(out.contains(&Effect::Notice(Notice::NotStoredYet(StoreProblem::Full))));
    assert!(matches!(b.r.stage(), Stage::Resume(_)), "still on offer");
    b.feed(Input::SaveAsItStood);
    let out = b.feed(Input::Saved(Stored::Saved));
    assert_eq!(
        out.iter()
            .filter(|e| matches!(e, Effect::ClearCheckpoint(_)))
            .collect::<Vec<_>>(),
        vec![&Effect::ClearCheckpoint(CheckpointSlot::Other(
            "loopwalk.current.tab-a".into()
        ))],
        "only the closed tab's key"
    );
    assert_eq!(b.r.stage(), &Stage::Ready);
}

#[test]
fn a_failed_save_keeps_the_checkpoint_and_says_the_walk_is_not_stored_yet() {
    let mut h = Harness::walked(&recording(10.0));
    h.feed(Input::Stop { now: h.mono });
    h.feed(Input::Save);
    let out = h.feed(Input::Saved(Stored::MemoryOnly(StoreProblem::Protected)));
    assert!(!out.iter().any(|e| matches!(e, Effect::ClearCheckpoint(_))));
    assert_eq!(
        out,
        vec![Effect::Notice(Notice::NotStoredYet(
            StoreProblem::Protected
        ))]
    );
    assert_eq!(h.r.stage(), &Stage::Summary, "Save can be tried again");
    assert!(
        h.r.stage().is_running(),
        "no reload for an update meanwhile"
    );
    let out = h.feed(Input::Saved(Stored::Refused));
    assert!(out.is_empty(), "an answer without a save is ignored");
    h.feed(Input::Save);
    let out = h.feed(Input::Saved(Stored::Refused));
    assert!(!out.iter().any(|e| matches!(e, Effect::ClearCheckpoint(_))));
    h.feed(Input::Save);
    let out = h.feed(Input::Saved(Stored::Pending(StoreProblem::Full)));
    assert!(out.contains(&Effect::ClearCheckpoint(CheckpointSlot::Own)));
    assert!(out.contains(&Effect::Notice(Notice::SavePending(StoreProblem::Full))));
    assert_eq!(h.r.stage(), &Stage::Ready);
}

#[test]
fn saving_or_discarding_in_one_tab_never_clears_another_tabs_checkpoint() {
    let mut h = Harness::new();
    h.start();
    h.feed(Input::StartManual(stamp(h.mono, 0, "x")));
    h.feed(Input::Stop { now: h.mono + 60.0 });
    h.feed(Input::Discard);
    h.start();
    h.feed(Input::Stop { now: h.mono + 1.0 });
    h.feed(Input::Save);
    h.feed(Input::Saved(Stored::Saved));
    assert!(h
        .effects
        .iter()
        .all(|e| !matches!(e, Effect::ClearCheckpoint(CheckpointSlot::Other(_)))));
}

#[test]
fn a_live_walk_in_another_tab_is_never_offered_but_a_dead_tabs_is() {
    let now = WALL0 + 3_600_000.0;
    assert!(!is_unfinished(false, now - 5_000.0, now), "fresh heartbeat");
    assert!(
        !is_unfinished(false, now - 60_000.0, now),
        "a hidden tab beats once a minute"
    );
    assert!(is_unfinished(false, now - 180_000.0, now), "stale");
    assert!(
        is_unfinished(true, now, now),
        "this tab's own, after a reload"
    );
    assert!(
        !is_unfinished(false, now + 3_600_000.0, now),
        "a clock set back: not offered while it may be live"
    );
    assert!(
        is_unfinished(false, f64::NAN, now),
        "no heartbeat (old key)"
    );
}

#[test]
fn several_closed_tabs_are_offered_one_after_another_oldest_first() {
    let mut a = Harness::new();
    a.start();
    let cp = a.last_checkpoint();
    let u = |key: &str, hb: f64| Unfinished {
        key: key.into(),
        own: false,
        heartbeat_ms: hb,
        checkpoint: cp.clone(),
    };
    let mut h = Harness::new();
    h.feed(Input::Found(vec![u("k2", 2.0), u("k1", 1.0)]));
    let offered = |h: &Harness| match h.r.stage() {
        Stage::Resume(u) => u.key.clone(),
        s => panic!("{s:?}"),
    };
    assert_eq!(offered(&h), "k1");
    h.feed(Input::Discard);
    assert_eq!(offered(&h), "k2");
    h.feed(Input::Discard);
    assert_eq!(h.r.stage(), &Stage::Ready);
}

#[test]
fn a_wall_clock_jump_mid_walk_creates_no_rest_and_no_gap() {
    // The recorder is given only the monotonic clock after Start: a wall
    // clock set forward an hour reaches it through nothing. The walk goes on
    // with steady readings and ticks.
    let rows = recording(30.0);
    let mut h = Harness::walked(&rows);
    let r = h.stop_and_save();
    assert!(r.gaps.is_empty(), "{:?}", r.gaps);
    assert!(r.rests.is_empty(), "{:?}", r.rests);
    assert!(r.duration_s < 40.0);
    assert_eq!(
        r.started_at,
        "2026-01-01T09:00:00Z".parse::<DateTime<Utc>>().unwrap()
    );
}

#[test]
fn five_minutes_without_a_step_pauses_the_walk_by_itself_and_asks() {
    let rows = recording(20.0);
    let mut h = Harness::walked(&rows);
    h.still(AUTO_PAUSE_AFTER_S - 5.0);
    assert_eq!(h.r.stage(), &Stage::Recording, "not yet");
    h.still(10.0);
    assert_eq!(h.r.stage(), &Stage::Idle);
    let last = h.r.session().latest_step().unwrap();
    assert!(last < 21.0, "{last}");
    assert!(h.r.stage().is_running());
    assert_eq!(h.count(|e| e == &Effect::Vibrate(Buzz::AutoPaused)), 1);
    assert_eq!(
        h.count(|e| matches!(e, Effect::Announce(Announcement::AutoPaused { .. }))),
        1
    );
    assert_eq!(h.r.session().phase, Phase::Paused);
    assert_eq!(
        h.r.last_step_at(),
        Some(started(WALL0) + chrono::Duration::milliseconds((last * 1000.0) as i64))
    );
    assert_eq!(
        h.r.last_step_clock().as_deref(),
        Some("10:00"),
        "on the walker's clock (UTC+1), not UTC"
    );
    // Ending there: the walk ends at its last step.
    h.still(600.0);
    h.feed(Input::EndAtLastStep);
    assert_eq!(h.r.stage(), &Stage::Summary);
    h.feed(Input::Save);
    assert_ends_at_last_step(&h.saved_record(), last);
}

fn started(ms: f64) -> DateTime<Utc> {
    DateTime::from_timestamp_millis(ms as i64).unwrap()
}

#[test]
fn keep_going_after_an_automatic_pause_counts_again() {
    let rows = recording(20.0);
    let mut h = Harness::walked(&rows);
    h.still(AUTO_PAUSE_AFTER_S + 2.0);
    assert_eq!(h.r.stage(), &Stage::Idle);
    let before = h.steps();
    let out = h.feed(Input::KeepGoing { now: h.mono });
    assert!(out.contains(&Effect::Sensors(true)));
    assert_eq!(h.r.stage(), &Stage::Recording);
    h.walk(&rows);
    assert!(h.steps() > before + 10);
    // Not paused again at once: the five minutes start afresh.
    h.still(60.0);
    assert_eq!(h.r.stage(), &Stage::Recording);
}

#[test]
fn stop_long_after_the_last_step_ends_the_walk_at_the_last_step() {
    let rows = recording(20.0);
    let mut h = Harness::walked(&rows);
    let last = h.r.session().latest_step().unwrap();
    h.feed(Input::Pause { now: h.mono });
    h.pass(3600.0);
    assert_ends_at_last_step(&h.stop_and_save(), last);
    // A short wait before Stop stays part of the walk.
    let mut h = Harness::walked(&rows);
    h.still(20.0);
    h.feed(Input::Stop { now: h.mono });
    h.feed(Input::Save);
    assert!(close(h.saved_record().duration_s, h.elapsed(), 1e-6));
}

#[test]
fn a_phone_locked_for_an_hour_offers_to_end_the_walk_at_its_last_step() {
    let rows = recording(20.0);
    let mut h = Harness::walked(&rows);
    let last = h.r.session().latest_step().unwrap();
    h.feed(Input::PageHidden { now: h.mono });
    // Throttled ticks while hidden change nothing.
    for _ in 0..60 {
        h.pass(60.0);
        h.feed(Input::Tick { now: h.mono });
    }
    assert_eq!(h.r.stage(), &Stage::Recording);
    h.feed(Input::PageVisible { now: h.mono });
    assert_eq!(h.r.stage(), &Stage::Idle);
    h.feed(Input::EndAtLastStep);
    h.feed(Input::Save);
    let r = h.saved_record();
    assert_ends_at_last_step(&r, last);
    assert!(
        r.gaps.is_empty(),
        "the hour after the last step is not part of the walk"
    );
}

#[test]
fn a_checkpoint_three_days_old_asks_if_the_walker_forgot_to_stop_and_is_saved_with_its_steps() {
    let (mut b, cp) = closed_tab(20.0, "loopwalk.current", false, WALL0 + 20_000.0);
    let steps = cp.session.steps();
    let days_later = WALL0 + 3.0 * 86_400_000.0;
    match b.r.stage() {
        Stage::Resume(u) => {
            assert!(
                u.forgotten(days_later),
                "asks whether the walker forgot to stop"
            );
            assert!(!u.can_continue(days_later), "too long to continue");
            assert!(u.can_continue(WALL0 + 3_600_000.0));
            assert!(!u.forgotten(WALL0 + 600_000.0));
        }
        s => panic!("{s:?}"),
    }
    b.feed(Input::Continue {
        now: b.mono,
        wall_ms: days_later,
    });
    assert!(matches!(b.r.stage(), Stage::Resume(_)), "not continued");
    b.feed(Input::SaveAsItStood);
    let r = b.saved_record();
    assert_eq!(r.steps, steps);
    assert!(r.duration_s < 60.0, "{}", r.duration_s);
    Store::new().add_walk(r).expect("saved, steps kept");
}

#[test]
fn snapshot_tells_whether_steps_are_being_counted() {
    let mut h = Harness::new();
    assert!(!h.r.snapshot().running);
    h.start();
    assert!(h.r.snapshot().counting);
    h.feed(Input::PageHidden { now: h.mono });
    assert!(!h.r.snapshot().counting);
    h.feed(Input::PageVisible { now: h.mono });
    assert!(h.r.snapshot().counting);
    h.feed(Input::Pause { now: h.mono });
    let s = h.r.snapshot();
    assert!(s.running && !s.counting);
}

#[test]
fn a_continued_walk_whose_sensor_fails_is_stopped_for_saving_not_dropped() {
    let (mut b, cp) = closed_tab(20.0, "k", true, WALL0);
    let steps = cp.session.steps();
    b.feed(Input::Continue {
        now: b.mono,
        wall_ms: WALL0 + 60_000.0,
    });
    let out = b.feed(Input::Tick { now: b.mono + 3.0 });
    assert_eq!(b.r.stage(), &Stage::Summary, "{out:?}");
    assert!(!out.iter().any(|e| matches!(e, Effect::ClearCheckpoint(_))));
    assert_eq!(b.r.session().steps(), steps);
}

#[test]
fn a_checkpoint_that_cannot_be_written_is_said_once_and_unsaid_when_writes_work_again() {
    let mut h = Harness::new();
    h.start();
    let full = Err(CheckpointProblem::Full);
    let out = h.feed(Input::CheckpointWritten(full));
    assert_eq!(
        out,
        vec![Effect::Notice(Notice::Checkpoint(CheckpointProblem::Full))]
    );
    let out = h.feed(Input::CheckpointWritten(Ok(())));
    assert!(matches!(
        out[..],
        [Effect::ClearNotice(Notice::Checkpoint(_))]
    ));
    assert!(h.feed(Input::CheckpointWritten(Ok(()))).is_empty());
}

#[test]
fn the_walkers_loop_and_pain_answers_go_into_the_saved_walk_and_pain_is_asked_afresh_next_time() {
    let mut h = Harness::new();
    let park = Some(LoopId("park".into()));
    let before = h.r.revision();
    h.feed(Input::Loop(park.clone()));
    h.feed(Input::PainBefore(Some(4)));
    assert!(h.r.revision() > before, "the screens are told");
    h.start();
    h.walk(&recording(10.0));
    h.feed(Input::Stop { now: h.mono });
    h.feed(Input::PainAfter(Some(3)));
    let shown = h.r.record().expect("the summary's record");
    assert_eq!(
        (shown.loop_id.clone(), shown.pain_before, shown.pain_after),
        (park.clone(), Some(4), Some(3))
    );
    h.feed(Input::Save);
    assert_eq!(
        h.saved_record(),
        shown,
        "Save stores what the summary shows"
    );
    h.feed(Input::Saved(Stored::Saved));
    assert_eq!(
        h.r.extras(),
        &Extras {
            loop_id: park,
            pain_before: None,
            pain_after: None,
        },
        "the loop stays chosen; pain is asked again"
    );
}

#[test]
fn a_failed_save_keeps_the_pain_answers_for_the_next_try() {
    let mut h = Harness::new();
    h.feed(Input::PainBefore(Some(6)));
    h.start();
    h.feed(Input::Stop { now: h.mono + 60.0 });
    h.feed(Input::PainAfter(Some(5)));
    h.feed(Input::Save);
    h.feed(Input::Saved(Stored::MemoryOnly(StoreProblem::Full)));
    assert_eq!(
        (h.r.extras().pain_before, h.r.extras().pain_after),
        (Some(6), Some(5))
    );
    h.feed(Input::Save);
    let r = h.saved_record();
    assert_eq!((r.pain_before, r.pain_after), (Some(6), Some(5)));
}

#[test]
fn a_closed_tabs_walk_saved_as_it_stood_does_not_take_this_walkers_answers() {
    let (mut b, _) = closed_tab(20.0, "loopwalk.current.tab-a", false, WALL0);
    b.feed(Input::Loop(Some(LoopId("park".into()))));
    b.feed(Input::PainBefore(Some(7)));
    b.feed(Input::SaveAsItStood);
    let r = b.saved_record();
    assert_eq!((r.loop_id, r.pain_before, r.pain_after), (None, None, None));
    b.feed(Input::Saved(Stored::Saved));
    assert_eq!(
        b.r.extras().pain_before,
        Some(7),
        "kept for the walk about to start"
    );
}
