//! The whole life of a walk as a pure state machine.
//!
//! [`Recorder::handle`] takes one [`Input`] (a tap, a motion sample, a clock
//! tick, the page hiding...) and returns the [`Effect`]s the browser layer
//! must perform (start the sensor, keep the screen on, write the
//! checkpoint, save...). It owns the step detector, and every rule of a
//! recording lives here, each in one place:
//!
//! - gaps in counting (page hidden, readings stopped arriving, a page
//!   reopened after it was closed): [`Recorder::gap`];
//! - the "no readings at all" timeout: [`NO_READINGS_AFTER_S`];
//! - the checkpoint cadence (also the tab's heartbeat): [`CHECKPOINT_EVERY_S`];
//! - a forgotten Stop: after [`AUTO_PAUSE_AFTER_S`] without a step the walk
//!   pauses by itself and offers to end at the last step;
//! - where a walk ends ([`WalkSession::end_time`]): never after the last
//!   step when the walker had stopped walking long before.
//!
//! Clocks: every input carries seconds of ONE monotonic clock (the page's
//! performance clock; motion events carry their own time stamps on it). The
//! wall clock is read once, by the caller, for the walk's start date, and
//! once more when a closed page's walk is continued (the only way to know
//! how long the page was gone). A wall-clock jump mid-walk changes nothing.

use chrono::{DateTime, Utc};

use super::record::{LoopId, StepSource, Steps, WalkId, WalkRecord};
use super::steps::StepDetector;
use super::walk::{Action, Checkpoint, Motion, Phase, WalkSession, LONGEST_RECORD_S};

/// Checkpoint (and heartbeat) at least this often, seconds.
pub const CHECKPOINT_EVERY_S: f64 = 4.0;
/// "No readings" when no motion sample arrived this long after Start, seconds.
pub const NO_READINGS_AFTER_S: f64 = 2.0;
/// A silence longer than this between two motion samples is a gap, seconds.
pub const DELIVERY_GAP_S: f64 = 3.0;
/// After this long without a step the walk pauses by itself, seconds.
pub const AUTO_PAUSE_AFTER_S: f64 = 300.0;
/// Another tab's checkpoint whose heartbeat is older than this belongs to a
/// closed tab and is offered back, seconds. Hidden tabs still beat about
/// once a minute (browsers throttle their timers to that).
pub const HEARTBEAT_STALE_S: f64 = 120.0;

/// Why steps cannot be counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SensorProblem {
    /// Not a secure context (https or localhost): no motion sensor.
    NotSecure,
    /// No `DeviceMotionEvent` at all.
    Unsupported,
    /// The walker (or the system) refused motion access.
    Denied,
    /// Listening started but no reading arrived.
    NoReadings,
}

impl SensorProblem {
    /// A stable name for the page (`data-problem`) and tests.
    pub fn code(self) -> &'static str {
        match self {
            Self::NotSecure => "NotSecure",
            Self::Unsupported => "Unsupported",
            Self::Denied => "Denied",
            Self::NoReadings => "NoEvents",
        }
    }
}

/// What the browser said when asked for the motion sensor at Start.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SensorAccess {
    /// Listen now.
    Ready,
    /// A permission question is on screen; [`Input::Permission`] follows.
    Asking,
    /// Steps cannot be counted.
    Problem(SensorProblem),
}

/// A walk left by a page that closed before it finished.
#[derive(Debug, Clone, PartialEq)]
pub struct Unfinished {
    /// Where it is stored (to clear it once it is dealt with).
    pub key: String,
    /// Whether this tab wrote it (a reload of the same tab).
    pub own: bool,
    /// Wall-clock milliseconds of its last heartbeat.
    pub heartbeat_ms: f64,
    pub checkpoint: Checkpoint,
}

/// Away this long, a closed page's walk was most likely forgotten: the
/// offer asks whether the walker forgot to stop, seconds.
pub const FORGOTTEN_AFTER_S: f64 = 3600.0;

impl Unfinished {
    /// Seconds since its last heartbeat, at `wall_ms`.
    pub fn away_s(&self, wall_ms: f64) -> f64 {
        ((wall_ms - self.heartbeat_ms) / 1000.0).max(0.0)
    }

    /// Long enough away that the walker most likely forgot to stop.
    pub fn forgotten(&self, wall_ms: f64) -> bool {
        self.away_s(wall_ms) >= FORGOTTEN_AFTER_S
    }

    /// Continuing is offered only while the walk, time away included,
    /// still fits in a record; beyond, it is saved as it stood (steps kept).
    pub fn can_continue(&self, wall_ms: f64) -> bool {
        self.checkpoint.session.duration_s() + self.away_s(wall_ms) < LONGEST_RECORD_S
    }
}

/// Where a saved walk now is (from `AppState::save_walk`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stored {
    /// In the stored history, written and read back.
    Saved,
    /// In the phone's pending list: retried later, safe.
    Pending(StoreProblem),
    /// Only in this page's memory.
    MemoryOnly(StoreProblem),
    /// Refused as invalid (a bug): nothing was stored.
    Refused,
}

impl Stored {
    /// On the phone, written and read back (stored or pending): the walk's
    /// checkpoint may go.
    pub fn is_safe(self) -> bool {
        matches!(self, Self::Saved | Self::Pending(_))
    }
}

/// Why the history could not be written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StoreProblem {
    Full,
    Unavailable,
    /// Earlier data could not be read and is protected from overwriting.
    Protected,
    Other,
}

/// Why the checkpoint could not be written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CheckpointProblem {
    Unavailable,
    Full,
    Other,
}

/// Something the walker should know, shown until dismissed. Typed: the UI
/// words it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Notice {
    /// Counting stopped for a while (screen off, page closed); total seconds.
    CountingPaused { total_s: f64 },
    /// The walk is saved on the phone but not yet in the history file.
    SavePending(StoreProblem),
    /// The walk is not stored yet; its checkpoint keeps it safe.
    NotStoredYet(StoreProblem),
    /// The walk could not be saved at all.
    SaveRefused,
    /// The walk in progress cannot be kept safe (until a write works again).
    Checkpoint(CheckpointProblem),
    /// A checkpoint could not be read; a copy was kept under a backup key.
    UnreadableCheckpointKept,
    /// The screen may turn off (no wake lock).
    ScreenMayTurnOff,
    /// The once-a-second clock could not start.
    ClockFailed,
}

impl Notice {
    /// The same kind of notice, whatever its details (what
    /// [`Effect::ClearNotice`] clears).
    pub fn same_kind(&self, other: &Notice) -> bool {
        std::mem::discriminant(self) == std::mem::discriminant(other)
    }
}

/// A calm sentence for screen readers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Announcement {
    Paused {
        steps: Option<u32>,
    },
    WalkingAgain {
        steps: Option<u32>,
    },
    Stopped {
        steps: Option<u32>,
    },
    /// Paused by itself after [`AUTO_PAUSE_AFTER_S`] without a step.
    AutoPaused {
        steps: u32,
    },
}

/// A moment in the walk, for cues (sound, speech, vibration) and tests.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WalkEvent {
    Started,
    Paused,
    Resumed,
    /// Counting stopped (page hidden, readings stopped).
    CountingStopped,
    /// Counting runs again after a stop.
    CountingAgain,
    AutoPaused,
    Stopped,
    Saved,
    Discarded,
}

/// A vibration pattern, by meaning.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Buzz {
    AutoPaused,
}

impl Buzz {
    /// The vibration, as on/off milliseconds.
    pub fn pattern(self) -> &'static [u32] {
        match self {
            Self::AutoPaused => &[300, 150, 300],
        }
    }
}

/// Which checkpoint to clear.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CheckpointSlot {
    /// This tab's.
    Own,
    /// A closed tab's, under this key.
    Other(String),
}

/// What the browser layer must do.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Write this tab's checkpoint (with a fresh heartbeat), then answer
    /// with [`Input::CheckpointWritten`].
    WriteCheckpoint(Box<Checkpoint>),
    ClearCheckpoint(CheckpointSlot),
    /// Start (`true`) or stop listening to motion.
    Sensors(bool),
    /// Start or stop the once-a-second [`Input::Tick`].
    Clock(bool),
    /// Acquire (again) or release the screen wake lock.
    KeepScreenOn(bool),
    Announce(Announcement),
    Notice(Notice),
    /// Hide a notice shown earlier of this kind.
    ClearNotice(Notice),
    Vibrate(Buzz),
    /// Store this walk, then answer with [`Input::Saved`].
    Save(Box<WalkRecord>),
    /// Something happened (for cues).
    Event(WalkEvent),
}

/// What the walker adds to the walk: the loop and how their back and legs
/// felt. Kept by the recorder across walks: the loop stays chosen for the
/// next walk, the pain answers are cleared once a walk is stored.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Extras {
    pub loop_id: Option<LoopId>,
    pub pain_before: Option<u8>,
    pub pain_after: Option<u8>,
}

/// The moment of a Start tap.
#[derive(Debug, Clone, PartialEq)]
pub struct Stamp {
    /// Monotonic clock, seconds.
    pub now: f64,
    /// The wall clock, read once for the walk's date, ms since the epoch.
    pub wall_ms: f64,
    /// Local offset from UTC, minutes.
    pub utc_offset_min: i32,
    /// The new walk's id.
    pub id: WalkId,
}

/// Everything that can happen to the recorder. `now` and `t` are seconds of
/// the page's monotonic clock.
#[derive(Debug, Clone, PartialEq)]
pub enum Input {
    /// The walker tapped Start.
    Start {
        at: Stamp,
        sensor: SensorAccess,
    },
    /// A walk timed now, with steps entered at the end.
    StartManual(Stamp),
    /// The answer to the permission question.
    Permission {
        granted: bool,
    },
    /// Listening could not start.
    SensorFailed(SensorProblem),
    /// The answer to [`Effect::WriteCheckpoint`].
    CheckpointWritten(Result<(), CheckpointProblem>),
    /// One motion reading: acceleration including gravity, m/s^2.
    Sample {
        t: f64,
        x: f64,
        y: f64,
        z: f64,
    },
    Tick {
        now: f64,
    },
    PageHidden {
        now: f64,
    },
    PageVisible {
        now: f64,
    },
    /// The page is being unloaded or frozen.
    PageHide,
    Pause {
        now: f64,
    },
    Resume {
        now: f64,
    },
    Stop {
        now: f64,
    },
    /// After an automatic pause: end the walk at its last step.
    EndAtLastStep,
    /// After an automatic pause: carry on walking.
    KeepGoing {
        now: f64,
    },
    ManualSteps(u32),
    /// The walker chose a loop (or none) for this walk and the next.
    Loop(Option<LoopId>),
    /// Back or leg pain 0-10 before the walk (`None`: skipped).
    PainBefore(Option<u8>),
    /// Back or leg pain 0-10 after the walk (`None`: skipped).
    PainAfter(Option<u8>),
    /// Walks of closed pages, found at start-up.
    Found(Vec<Unfinished>),
    /// Continue the walk on offer; `wall_ms` is the wall clock now.
    Continue {
        now: f64,
        wall_ms: f64,
    },
    /// Save the walk on offer as it stood (ending at its last step).
    SaveAsItStood,
    /// Save the stopped walk.
    Save,
    /// The answer to [`Effect::Save`].
    Saved(Stored),
    /// Throw away the stopped walk, or the walk on offer.
    Discard,
    /// Leave a sensor problem for the Start button.
    Back,
}

/// Where the recorder is.
#[derive(Debug, Clone, PartialEq)]
pub enum Stage {
    /// The Start button.
    Ready,
    /// Waiting for the motion permission answer.
    Asking,
    /// Steps cannot be counted: say why; offer a manual walk.
    Problem(SensorProblem),
    /// A walk is being recorded (including paused by the walker).
    Recording,
    /// Paused by itself after no step for [`AUTO_PAUSE_AFTER_S`].
    Idle,
    /// Stopped: the summary, with Save and Discard.
    Summary,
    /// A closed page's walk is on offer.
    Resume(Box<Unfinished>),
}

impl Stage {
    /// A walk exists that is not yet saved or discarded: the app must not
    /// reload itself.
    pub fn is_running(&self) -> bool {
        matches!(
            self,
            Self::Asking | Self::Recording | Self::Idle | Self::Summary
        )
    }

    /// A stable name for the page (`data-stage`).
    pub fn code(&self) -> &'static str {
        match self {
            Self::Ready => "ready",
            Self::Asking => "asking",
            Self::Problem(_) => "problem",
            Self::Recording => "recording",
            Self::Idle => "idle",
            Self::Summary => "summary",
            Self::Resume(_) => "resume",
        }
    }
}

/// Identity of the walk being recorded.
#[derive(Debug, Clone, PartialEq)]
struct Meta {
    id: WalkId,
    started_at: DateTime<Utc>,
    utc_offset_min: i32,
    /// The closed tab's checkpoint this walk continues, if any.
    adopted: Option<String>,
}

/// A public view of the walk, for cues and screens.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Snapshot {
    pub running: bool,
    pub steps: Steps,
    pub active_s: f64,
    /// Steps are being counted right now (not paused, hidden or idle).
    pub counting: bool,
    pub moving: bool,
}

/// The walk recorder. See the module documentation.
#[derive(Debug, Clone)]
pub struct Recorder {
    stage: Stage,
    session: WalkSession,
    meta: Option<Meta>,
    extras: Extras,
    detector: StepDetector,
    /// Walk clock = monotonic clock + `offset`.
    offset: f64,
    /// Walk clock of: Start (or Continue) of listening, the latest sample,
    /// the page hiding, the last checkpoint, the last sign of walking.
    listening_since: f64,
    samples: u64,
    last_sample: Option<f64>,
    hidden_at: Option<f64>,
    last_checkpoint: f64,
    still_since: f64,
    /// The latest walk-clock time any input carried.
    now: f64,
    /// Walks of closed pages still to offer.
    found: Vec<Unfinished>,
    /// What is being saved: the walk on offer (`Some`), or ours.
    saving: Option<Saving>,
    /// The last checkpoint write failed (the walker was told).
    checkpoint_failing: bool,
    revision: u64,
}

#[derive(Debug, Clone, PartialEq)]
enum Saving {
    Ours,
    Offered(Box<Unfinished>),
}

impl Default for Recorder {
    fn default() -> Self {
        Self::new()
    }
}

fn started_at(wall_ms: f64) -> DateTime<Utc> {
    DateTime::from_timestamp_millis(wall_ms as i64).unwrap_or_default()
}

impl Recorder {
    pub fn new() -> Self {
        Self {
            stage: Stage::Ready,
            session: WalkSession::default(),
            meta: None,
            extras: Extras::default(),
            detector: StepDetector::new(),
            offset: 0.0,
            listening_since: 0.0,
            samples: 0,
            last_sample: None,
            hidden_at: None,
            last_checkpoint: f64::NEG_INFINITY,
            still_since: 0.0,
            now: 0.0,
            found: Vec::new(),
            saving: None,
            checkpoint_failing: false,
            revision: 0,
        }
    }

    pub fn stage(&self) -> &Stage {
        &self.stage
    }

    pub fn session(&self) -> &WalkSession {
        &self.session
    }

    /// Changes whenever the stage or the session changed in a way a screen
    /// shows (not on every motion sample).
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// The id of the walk being recorded or on the summary.
    pub fn walk_id(&self) -> Option<&WalkId> {
        self.meta.as_ref().map(|m| &m.id)
    }

    /// Seconds since the latest motion reading arrived, as of the latest
    /// input (`None` for a walk with a hand-entered count, or before the
    /// first reading after Start, Continue or a return to the page).
    pub fn since_last_reading_s(&self) -> Option<f64> {
        if !self.sensor() {
            return None;
        }
        let since = self.last_sample.unwrap_or(self.listening_since);
        Some((self.now - since).max(0.0))
    }

    /// Wall-clock instant of the walk's last step, if any.
    pub fn last_step_at(&self) -> Option<DateTime<Utc>> {
        let meta = self.meta.as_ref()?;
        let t = self.session.latest_step()?;
        let ms = ((t - self.session.started()) * 1000.0) as i64;
        Some(meta.started_at + chrono::Duration::milliseconds(ms))
    }

    /// The walk's last step on the walker's clock at the start, `HH:MM`.
    pub fn last_step_clock(&self) -> Option<String> {
        let offset = chrono::FixedOffset::east_opt(self.meta.as_ref()?.utc_offset_min * 60)?;
        let local = self.last_step_at()?.with_timezone(&offset);
        Some(super::dates::hh_mm(&local))
    }

    /// The walker's loop and pain answers.
    pub fn extras(&self) -> &Extras {
        &self.extras
    }

    pub fn snapshot(&self) -> Snapshot {
        let counting = self.stage == Stage::Recording
            && self.session.phase == Phase::Walking
            && self.hidden_at.is_none();
        Snapshot {
            running: self.stage.is_running(),
            steps: self.session.steps(),
            active_s: self.session.active_s(),
            counting,
            moving: counting && self.session.motion() == Motion::Moving,
        }
    }

    /// The record Save would store (after Stop), with the walker's extras.
    pub fn record(&self) -> Option<WalkRecord> {
        let m = self.meta.as_ref()?;
        let Extras {
            loop_id,
            pain_before,
            pain_after,
        } = self.extras.clone();
        Some(WalkRecord {
            loop_id,
            pain_before,
            pain_after,
            ..self
                .session
                .to_record(m.id.clone(), m.started_at, m.utc_offset_min)
        })
    }

    fn checkpoint(&self) -> Option<Checkpoint> {
        let m = self.meta.as_ref()?;
        Some(Checkpoint {
            version: Checkpoint::VERSION,
            id: m.id.clone(),
            started_at: m.started_at,
            utc_offset_min: m.utc_offset_min,
            session: self.session.clone(),
        })
    }

    fn write_checkpoint(&mut self, out: &mut Vec<Effect>) {
        if let Some(cp) = self.checkpoint() {
            self.last_checkpoint = self.now;
            out.push(Effect::WriteCheckpoint(Box::new(cp)));
        }
    }

    fn set_stage(&mut self, stage: Stage) {
        self.stage = stage;
        self.revision += 1;
    }

    fn sensor(&self) -> bool {
        self.session.source == StepSource::Sensor
    }

    fn steps_said(&self) -> Option<u32> {
        self.sensor().then_some(self.session.steps().0)
    }

    /// Apply a session action and note the change.
    fn apply(&mut self, action: Action) -> bool {
        let ok = self.session.apply(action);
        if ok {
            self.revision += 1;
        }
        ok
    }

    /// The one place a gap in counting is recorded: nothing was counted from
    /// `from` to `to` (walk clock). The detector forgets its signal so no
    /// step straddles the gap.
    fn gap(&mut self, from: f64, to: f64, out: &mut Vec<Effect>) {
        self.detector.reset_signal();
        if self.apply(Action::Gap { from, to }) {
            out.push(Effect::Notice(Notice::CountingPaused {
                total_s: self.session.gap_total_s(),
            }));
        }
    }

    /// Handle one input; returns what the browser must do, in order.
    pub fn handle(&mut self, input: Input) -> Vec<Effect> {
        let mut out = Vec::new();
        if let Some(now) = input.now() {
            let w = now + self.offset;
            if w.is_finite() && w > self.now {
                self.now = w;
            }
        }
        match input {
            Input::Sample { t, x, y, z } => self.sample(t, x, y, z, &mut out),
            Input::Tick { now } => self.tick(now + self.offset, &mut out),
            Input::Start { at, sensor } => {
                if !matches!(self.stage, Stage::Ready | Stage::Problem(_)) {
                    return out;
                }
                self.begin_meta(at, StepSource::Sensor);
                match sensor {
                    SensorAccess::Ready => self.begin(&mut out),
                    SensorAccess::Asking => self.set_stage(Stage::Asking),
                    SensorAccess::Problem(p) => self.problem(p, &mut out),
                }
            }
            Input::StartManual(at) => {
                if !matches!(self.stage, Stage::Ready | Stage::Problem(_)) {
                    return out;
                }
                self.begin_meta(at, StepSource::Manual);
                self.begin(&mut out);
            }
            Input::Permission { granted } => {
                if self.stage == Stage::Asking {
                    if granted {
                        self.begin(&mut out);
                    } else {
                        self.problem(SensorProblem::Denied, &mut out);
                    }
                }
            }
            Input::SensorFailed(p) => {
                if self.stage == Stage::Recording {
                    self.cannot_count(p, self.now, &mut out);
                }
            }
            Input::CheckpointWritten(result) => match result {
                Ok(()) if self.checkpoint_failing => {
                    self.checkpoint_failing = false;
                    out.push(Effect::ClearNotice(Notice::Checkpoint(
                        CheckpointProblem::Other,
                    )));
                }
                Ok(()) => {}
                Err(p) => {
                    self.checkpoint_failing = true;
                    out.push(Effect::Notice(Notice::Checkpoint(p)));
                }
            },
            Input::PageHidden { now } => {
                let now = now + self.offset;
                if self.stage.is_running() && self.meta.is_some() {
                    if self.stage == Stage::Recording && self.hidden_at.is_none() {
                        self.apply(Action::Tick { now });
                        self.hidden_at = Some(now);
                        out.push(Effect::Event(WalkEvent::CountingStopped));
                    }
                    self.write_checkpoint(&mut out);
                }
            }
            Input::PageHide => {
                if self.stage.is_running() {
                    self.write_checkpoint(&mut out);
                }
            }
            Input::PageVisible { now } => self.visible(now + self.offset, &mut out),
            Input::Pause { now } => {
                let now = now + self.offset;
                if self.stage == Stage::Recording && self.apply(Action::Pause { now }) {
                    out.push(Effect::Announce(Announcement::Paused {
                        steps: self.steps_said(),
                    }));
                    out.push(Effect::Event(WalkEvent::Paused));
                    self.write_checkpoint(&mut out);
                }
            }
            Input::Resume { now } => {
                let now = now + self.offset;
                if self.stage == Stage::Recording && self.apply(Action::Resume { now }) {
                    self.detector.reset_signal();
                    self.still_since = now;
                    out.push(Effect::Announce(Announcement::WalkingAgain {
                        steps: self.steps_said(),
                    }));
                    out.push(Effect::Event(WalkEvent::Resumed));
                    self.write_checkpoint(&mut out);
                }
            }
            Input::KeepGoing { now } => {
                let now = now + self.offset;
                if self.stage == Stage::Idle && self.apply(Action::Resume { now }) {
                    self.detector.reset_signal();
                    self.still_since = now;
                    self.last_sample = None;
                    self.set_stage(Stage::Recording);
                    out.push(Effect::Sensors(true));
                    out.push(Effect::KeepScreenOn(true));
                    out.push(Effect::Announce(Announcement::WalkingAgain {
                        steps: self.steps_said(),
                    }));
                    out.push(Effect::Event(WalkEvent::Resumed));
                    self.write_checkpoint(&mut out);
                }
            }
            Input::Stop { now } => self.stop(Some(now + self.offset), &mut out),
            Input::EndAtLastStep => {
                if self.stage == Stage::Idle {
                    self.stop(None, &mut out);
                }
            }
            Input::ManualSteps(n) => {
                self.apply(Action::ManualSteps { steps: n });
            }
            Input::Loop(id) => self.set_extras(|e| e.loop_id = id),
            Input::PainBefore(p) => self.set_extras(|e| e.pain_before = p),
            Input::PainAfter(p) => self.set_extras(|e| e.pain_after = p),
            Input::Found(list) => {
                self.found.extend(list);
                // Oldest first.
                crate::domain::sort::sort_by(&mut self.found, |a, b| {
                    a.heartbeat_ms.total_cmp(&b.heartbeat_ms)
                });
                self.offer_next();
            }
            Input::Continue { now, wall_ms } => self.continue_offered(now, wall_ms, &mut out),
            Input::SaveAsItStood => {
                if let Stage::Resume(u) = &self.stage {
                    let u = u.clone();
                    out.push(Effect::Save(Box::new(u.checkpoint.as_it_stood())));
                    self.saving = Some(Saving::Offered(u));
                }
            }
            Input::Save => {
                if self.stage == Stage::Summary {
                    if let Some(r) = self.record() {
                        self.saving = Some(Saving::Ours);
                        out.push(Effect::Save(Box::new(r)));
                    }
                }
            }
            Input::Saved(stored) => self.saved(stored, &mut out),
            Input::Discard => match &self.stage {
                Stage::Summary => {
                    out.push(Effect::Event(WalkEvent::Discarded));
                    self.finish(&mut out);
                }
                Stage::Resume(u) => {
                    out.push(Effect::ClearCheckpoint(slot(u)));
                    self.set_stage(Stage::Ready);
                    self.offer_next();
                }
                _ => {}
            },
            Input::Back => {
                if let Stage::Problem(_) = self.stage {
                    self.set_stage(Stage::Ready);
                    self.offer_next();
                }
            }
        }
        out
    }

    fn set_extras(&mut self, change: impl FnOnce(&mut Extras)) {
        change(&mut self.extras);
        self.revision += 1;
    }

    fn begin_meta(&mut self, at: Stamp, source: StepSource) {
        let Stamp {
            now,
            wall_ms,
            utc_offset_min,
            id,
        } = at;
        // The walk clock starts at zero.
        self.offset = -now;
        self.session = WalkSession::new(source);
        self.session.apply(Action::Start { at: 0.0 });
        self.meta = Some(Meta {
            id,
            started_at: started_at(wall_ms),
            utc_offset_min,
            adopted: None,
        });
        self.revision += 1;
        self.now = 0.0;
        self.last_checkpoint = f64::NEG_INFINITY;
    }

    /// Recording starts (after Start, a permission, or a manual Start).
    fn begin(&mut self, out: &mut Vec<Effect>) {
        let now = self.session.now();
        self.detector = StepDetector::new();
        self.samples = 0;
        self.last_sample = None;
        self.hidden_at = None;
        self.listening_since = now;
        self.still_since = now;
        self.set_stage(Stage::Recording);
        if self.sensor() {
            out.push(Effect::Sensors(true));
        }
        out.push(Effect::Clock(true));
        out.push(Effect::KeepScreenOn(true));
        out.push(Effect::Event(WalkEvent::Started));
        self.write_checkpoint(out);
    }

    fn problem(&mut self, p: SensorProblem, out: &mut Vec<Effect>) {
        let had_walk = self.stage == Stage::Recording;
        self.set_stage(Stage::Problem(p));
        if had_walk {
            // Nothing was counted: no walk to keep.
            out.extend([
                Effect::Sensors(false),
                Effect::Clock(false),
                Effect::KeepScreenOn(false),
                Effect::ClearCheckpoint(CheckpointSlot::Own),
            ]);
        }
        self.meta = None;
        self.session = WalkSession::default();
    }

    /// The sensor cannot be used: a walk with nothing in it gives way to
    /// the problem; one with steps (a continued walk) is stopped for saving,
    /// never dropped.
    fn cannot_count(&mut self, p: SensorProblem, now: f64, out: &mut Vec<Effect>) {
        if self.session.steps().0 == 0 && self.session.gaps().is_empty() {
            self.problem(p, out);
        } else {
            self.stop(Some(now), out);
        }
    }

    fn sample(&mut self, t: f64, x: f64, y: f64, z: f64, out: &mut Vec<Effect>) {
        if self.stage != Stage::Recording || !self.sensor() || self.hidden_at.is_some() {
            // Hidden: counting is off, never estimated.
            return;
        }
        let w = t + self.offset;
        if !w.is_finite() {
            return;
        }
        self.samples += 1;
        if let Some(last) = self.last_sample {
            if w - last > DELIVERY_GAP_S {
                self.gap(last, w, out);
            }
        }
        self.last_sample = Some(w.max(self.last_sample.unwrap_or(w)));
        // Collected first (no allocation unless a step is confirmed).
        let mut confirmed: Vec<f64> = Vec::new();
        self.detector.push(t, x, y, z, |st| confirmed.push(st));
        for st in confirmed {
            let st = st + self.offset;
            if self.apply(Action::Step { t: st }) {
                self.still_since = self.still_since.max(st);
            }
        }
    }

    fn tick(&mut self, now: f64, out: &mut Vec<Effect>) {
        if !self.stage.is_running() || self.meta.is_none() {
            return;
        }
        if matches!(self.stage, Stage::Recording | Stage::Idle) {
            self.apply(Action::Tick { now });
        }
        if self.stage == Stage::Recording && self.session.phase == Phase::Walking {
            if self.sensor()
                && self.samples == 0
                && self.hidden_at.is_none()
                && now - self.listening_since >= NO_READINGS_AFTER_S
            {
                self.cannot_count(SensorProblem::NoReadings, now, out);
                return;
            }
            if self.sensor() && self.hidden_at.is_none() {
                self.check_still(now, out);
            }
        }
        if self.now - self.last_checkpoint >= CHECKPOINT_EVERY_S {
            self.write_checkpoint(out);
        }
    }

    /// The forgotten-Stop rule: no step for [`AUTO_PAUSE_AFTER_S`] pauses
    /// the walk by itself and asks.
    fn check_still(&mut self, now: f64, out: &mut Vec<Effect>) {
        if now - self.still_since < AUTO_PAUSE_AFTER_S || !self.apply(Action::Pause { now }) {
            return;
        }
        self.set_stage(Stage::Idle);
        out.extend([
            Effect::Sensors(false),
            Effect::KeepScreenOn(false),
            Effect::Announce(Announcement::AutoPaused {
                steps: self.session.steps().0,
            }),
            Effect::Vibrate(Buzz::AutoPaused),
            Effect::Event(WalkEvent::AutoPaused),
        ]);
        self.write_checkpoint(out);
    }

    fn visible(&mut self, now: f64, out: &mut Vec<Effect>) {
        if !self.stage.is_running() || self.meta.is_none() {
            return;
        }
        if let Some(from) = self.hidden_at.take() {
            self.gap(from, now, out);
            self.last_sample = None;
            out.push(Effect::Event(WalkEvent::CountingAgain));
            if self.sensor() && self.session.phase == Phase::Walking {
                self.check_still(now, out);
            }
        }
        if self.stage == Stage::Recording {
            // The browser let go of the wake lock when the page hid.
            out.push(Effect::KeepScreenOn(true));
        }
        self.write_checkpoint(out);
    }

    /// Stop at `now`, or (None) at the last step.
    fn stop(&mut self, now: Option<f64>, out: &mut Vec<Effect>) {
        if !matches!(self.stage, Stage::Recording | Stage::Idle) {
            return;
        }
        if let Some(now) = now {
            self.apply(Action::Tick { now });
            // Readings that stopped arriving without the page hiding: a gap.
            if let Some(last) = self.last_sample {
                if self.stage == Stage::Recording
                    && self.session.phase == Phase::Walking
                    && now - last > DELIVERY_GAP_S
                {
                    self.gap(last, now, out);
                }
            }
        }
        let at = self.end_time(now.filter(|_| self.stage == Stage::Recording));
        self.hidden_at = None;
        self.apply(Action::StopAt { at });
        self.set_stage(Stage::Summary);
        out.extend([
            Effect::Sensors(false),
            Effect::KeepScreenOn(false),
            Effect::Announce(Announcement::Stopped {
                steps: self.steps_said(),
            }),
            Effect::Event(WalkEvent::Stopped),
        ]);
        self.write_checkpoint(out);
    }

    /// Where a walk stopped at `now` ends (`None`: at its last step). A
    /// walker who had not stepped for [`AUTO_PAUSE_AFTER_S`] stopped walking
    /// at the last step: the time after it is not part of the walk.
    fn end_time(&self, now: Option<f64>) -> f64 {
        let last = self.session.latest_step().filter(|_| self.sensor());
        match (now, last) {
            (Some(now), Some(l)) if now - l >= AUTO_PAUSE_AFTER_S => l,
            (Some(now), _) => now,
            (None, Some(l)) => l,
            (None, None) => self.session.started(),
        }
    }

    fn offer_next(&mut self) {
        if self.stage != Stage::Ready || self.found.is_empty() {
            return;
        }
        let u = self.found.remove(0);
        self.set_stage(Stage::Resume(Box::new(u)));
    }

    fn continue_offered(&mut self, now: f64, wall_ms: f64, out: &mut Vec<Effect>) {
        let Stage::Resume(u) = &self.stage else {
            return;
        };
        if !u.can_continue(wall_ms) {
            return;
        }
        let u = (**u).clone();
        let cp = u.checkpoint.clone();
        let away_s = ((wall_ms - u.heartbeat_ms) / 1000.0).max(0.0);
        let before = cp.session.now();
        self.session = cp.session;
        self.meta = Some(Meta {
            id: cp.id,
            started_at: cp.started_at,
            utc_offset_min: cp.utc_offset_min,
            adopted: (!u.own).then(|| u.key.clone()),
        });
        self.offset = before + away_s - now;
        let resumed_at = before + away_s;
        self.now = resumed_at;
        self.last_checkpoint = f64::NEG_INFINITY;
        match self.session.phase {
            Phase::Stopped => {
                self.set_stage(Stage::Summary);
                out.push(Effect::Clock(true));
            }
            _ => {
                self.begin(out);
                // Nothing was counted while the page was closed.
                if self.session.phase == Phase::Walking && away_s > 0.0 {
                    self.gap(before, resumed_at, out);
                } else {
                    self.apply(Action::Tick { now: resumed_at });
                }
                self.still_since = resumed_at;
                self.listening_since = resumed_at;
            }
        }
        self.write_checkpoint(out);
        if !u.own {
            out.push(Effect::ClearCheckpoint(CheckpointSlot::Other(u.key)));
        }
    }

    fn saved(&mut self, stored: Stored, out: &mut Vec<Effect>) {
        let Some(saving) = self.saving.take() else {
            return;
        };
        match stored {
            Stored::Saved => {}
            Stored::Pending(p) => out.push(Effect::Notice(Notice::SavePending(p))),
            Stored::MemoryOnly(p) => out.push(Effect::Notice(Notice::NotStoredYet(p))),
            Stored::Refused => out.push(Effect::Notice(Notice::SaveRefused)),
        }
        if !stored.is_safe() {
            // The checkpoint stays: it is the walk's only durable copy.
            return;
        }
        out.push(Effect::Event(WalkEvent::Saved));
        match saving {
            Saving::Ours => {
                // Asked again for the next walk; the loop stays chosen.
                self.set_extras(|e| (e.pain_before, e.pain_after) = (None, None));
                self.finish(out)
            }
            Saving::Offered(u) => {
                out.push(Effect::ClearCheckpoint(slot(&u)));
                if matches!(self.stage, Stage::Resume(_)) {
                    self.set_stage(Stage::Ready);
                    self.offer_next();
                }
            }
        }
    }

    /// The walk is saved or discarded: back to the Start button.
    fn finish(&mut self, out: &mut Vec<Effect>) {
        out.extend([
            Effect::Sensors(false),
            Effect::Clock(false),
            Effect::KeepScreenOn(false),
            Effect::ClearCheckpoint(CheckpointSlot::Own),
            Effect::ClearNotice(Notice::CountingPaused { total_s: 0.0 }),
        ]);
        if let Some(key) = self.meta.as_ref().and_then(|m| m.adopted.clone()) {
            out.push(Effect::ClearCheckpoint(CheckpointSlot::Other(key)));
        }
        self.meta = None;
        self.session = WalkSession::default();
        self.hidden_at = None;
        self.set_stage(Stage::Ready);
        self.offer_next();
    }
}

fn slot(u: &Unfinished) -> CheckpointSlot {
    if u.own {
        CheckpointSlot::Own
    } else {
        CheckpointSlot::Other(u.key.clone())
    }
}

impl Input {
    /// The monotonic time this input carries, if any.
    fn now(&self) -> Option<f64> {
        match *self {
            Self::Start {
                at: Stamp { now, .. },
                ..
            }
            | Self::StartManual(Stamp { now, .. })
            | Self::Tick { now }
            | Self::PageHidden { now }
            | Self::PageVisible { now }
            | Self::Pause { now }
            | Self::Resume { now }
            | Self::Stop { now }
            | Self::KeepGoing { now }
            | Self::Continue { now, .. } => Some(now),
            _ => None,
        }
    }
}

/// Whether a checkpoint found in storage is a closed tab's walk, to offer
/// back: this tab's own (a reload), or another tab's whose heartbeat is
/// older than [`HEARTBEAT_STALE_S`]. A live walk in another tab is never
/// offered.
pub fn is_unfinished(own: bool, heartbeat_ms: f64, now_ms: f64) -> bool {
    own || !heartbeat_ms.is_finite() || (now_ms - heartbeat_ms) / 1000.0 > HEARTBEAT_STALE_S
}

#[cfg(test)]
#[path = "recorder_tests.rs"]
mod tests;
