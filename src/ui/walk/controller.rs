//! The walk recorder: signals around a [`WalkSession`] plus the browser
//! adapters that feed it (motion, wake lock, visibility, checkpoint).
//!
//! One recorder lives for the whole page (not per screen), so a walk keeps
//! counting while the walker looks at another tab. Its signals belong to a
//! root owner that is never disposed.

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use chrono::{DateTime, Local, Utc};
use leptos::prelude::*;

use crate::domain::milestones::Earned;
use crate::domain::record::{LoopId, StepSource, WalkId, WalkRecord};
use crate::domain::steps::StepDetector;
use crate::domain::walk::{Action, Checkpoint, Phase, WalkSession};
use crate::platform::checkpoint::{self, CheckpointError};
use crate::platform::motion::{self, MotionError, MotionListener, MotionSink};
use crate::platform::visibility::{self, PageEvent, VisibilityListener};
use crate::platform::wake_lock::WakeLock;
use crate::ui::milestones::newly_earned;
use crate::ui::state::AppState;

/// Checkpoint at least this often (s) while a walk runs.
const CHECKPOINT_EVERY_S: f64 = 4.0;
/// Report "no motion" when no reading arrived this long (s) after Start.
const NO_EVENTS_AFTER_S: f64 = 2.0;

/// What the Walk screen shows.
#[derive(Debug, Clone, PartialEq)]
pub enum Stage {
    /// The Start button.
    Ready,
    /// Waiting for the iOS motion permission answer.
    Asking,
    /// Motion cannot be counted: say why, offer retry or a manual count.
    Problem(MotionError),
    /// A walk is being recorded (sensor or manual).
    Recording,
    /// Stopped: the summary, with Save and Discard.
    Summary,
    /// A walk from before the page closed was found.
    Resume(Box<Checkpoint>),
}

/// Identity of the walk being recorded.
#[derive(Debug, Clone, PartialEq)]
pub struct Meta {
    pub id: WalkId,
    pub started_at: DateTime<Utc>,
    pub utc_offset_min: i32,
}

/// Browser handles of a running walk (not `Send`; kept in local storage).
#[derive(Default)]
struct Rig {
    motion: Option<MotionListener>,
    page: Option<VisibilityListener>,
    wake: WakeLock,
    tick: Option<IntervalHandle>,
    hidden_at: Option<f64>,
    last_checkpoint: f64,
}

/// The walk recorder (signals only; cheap to copy).
#[derive(Clone, Copy)]
pub struct WalkCtl {
    pub stage: RwSignal<Stage>,
    pub session: RwSignal<WalkSession>,
    pub meta: RwSignal<Option<Meta>>,
    /// A message for the walker about something that went wrong (wake lock,
    /// checkpoint, saving). `None` when all is well.
    pub notice: RwSignal<Option<String>>,
    /// Seconds of the latest gap in counting, shown once on return.
    pub gap_notice: RwSignal<Option<f64>>,
    /// The screen is dimmed and ignores touches.
    pub pocket: RwSignal<bool>,
    /// Calm announcement for screen readers (pause, resume, stop).
    pub announce: RwSignal<String>,
    /// Sensor readings received (updated on the 1 s clock).
    pub samples: RwSignal<u64>,
    /// The loop being walked (chosen before Start; last one preselected).
    pub loop_id: RwSignal<Option<LoopId>>,
    /// Pain 0-10 before and after, when the walker gave it.
    pub pain_before: RwSignal<Option<u8>>,
    pub pain_after: RwSignal<Option<u8>>,
    /// Milestones the last saved walk earned, celebrated on the Walk screen.
    pub celebrate: RwSignal<Vec<Earned>>,
    app: StoredValue<Option<AppState>>,
    rig: StoredValue<Rc<RefCell<Rig>>, LocalStorage>,
}

thread_local! {
    static CTL: std::cell::OnceCell<WalkCtl> = const { std::cell::OnceCell::new() };
}

/// The page's walk recorder, created on first use.
pub fn walk_ctl() -> WalkCtl {
    CTL.with(|c| {
        *c.get_or_init(|| {
            let previous = Owner::current();
            // `new_root` makes itself the current owner: restore the caller's.
            let owner = Owner::new_root(None);
            let ctl = owner.with(WalkCtl::new);
            if let Some(p) = previous {
                p.set();
            }
            // The recorder lives as long as the page.
            std::mem::forget(owner);
            ctl
        })
    })
}

fn now_s() -> f64 {
    js_sys::Date::now() / 1000.0
}

fn local_offset_min() -> i32 {
    -(js_sys::Date::new_0().get_timezone_offset() as i32)
}

fn new_id(ms: f64) -> WalkId {
    let suffix = (js_sys::Math::random() * 1_679_616.0) as u32; // 36^4
    WalkId(format!("{}-{:04}", ms as u64, radix36(suffix)))
}

fn radix36(mut n: u32) -> String {
    let digits = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::new();
    loop {
        out.push(digits[(n % 36) as usize]);
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

struct Sink(WalkCtl);

impl MotionSink for Sink {
    fn step(&self, t: f64) {
        let ctl = self.0;
        if ctl.hidden() {
            // The page is hidden: counting is paused, never estimated.
            return;
        }
        ctl.session.update(|s| {
            s.apply(Action::Step { t });
        });
    }

    fn gap(&self, from: f64, to: f64) {
        self.0.record_gap(from, to);
    }
}

impl WalkCtl {
    fn new() -> Self {
        Self {
            stage: RwSignal::new(Stage::Ready),
            session: RwSignal::new(WalkSession::default()),
            meta: RwSignal::new(None),
            notice: RwSignal::new(None),
            gap_notice: RwSignal::new(None),
            pocket: RwSignal::new(false),
            announce: RwSignal::new(String::new()),
            samples: RwSignal::new(0),
            loop_id: RwSignal::new(None),
            pain_before: RwSignal::new(None),
            pain_after: RwSignal::new(None),
            celebrate: RwSignal::new(Vec::new()),
            app: StoredValue::new(None),
            rig: StoredValue::new_local(Rc::new(RefCell::new(Rig::default()))),
        }
    }

    fn rig(&self) -> Rc<RefCell<Rig>> {
        self.rig.get_value()
    }

    fn hidden(&self) -> bool {
        self.rig().borrow().hidden_at.is_some()
    }

    /// Called by the Walk screen on mount: remember the app state and, if
    /// nothing is going on, offer back a walk that did not finish.
    pub fn attach(&self, app: AppState) {
        self.app.set_value(Some(app));
        if self.stage.get_untracked() != Stage::Ready {
            return;
        }
        match checkpoint::load() {
            Ok(Some(cp)) => {
                app.walk_active.set(true);
                self.stage.set(Stage::Resume(Box::new(cp)));
            }
            Ok(None) => {}
            Err(e) => self.notice.set(Some(e.to_string())),
        }
    }

    fn set_active(&self, on: bool) {
        if let Some(app) = self.app.get_value() {
            app.walk_active.set(on);
        }
    }

    /// The Start tap. On iOS the permission request happens synchronously
    /// here, inside the tap, as Safari requires.
    pub fn start_tapped(&self) {
        if let Err(e) = motion::is_supported() {
            self.stage.set(Stage::Problem(e));
            return;
        }
        let at = now_s();
        match motion::request_permission() {
            None => self.begin(StepSource::Sensor, at),
            Some(promise) => {
                self.stage.set(Stage::Asking);
                let ctl = *self;
                wasm_bindgen_futures::spawn_local(async move {
                    match motion::permission_granted(promise).await {
                        Ok(()) => ctl.begin(StepSource::Sensor, at),
                        Err(e) => ctl.stage.set(Stage::Problem(e)),
                    }
                });
            }
        }
    }

    /// Record with a manual step count (no sensor): a timer now, steps at
    /// the end.
    pub fn start_manual(&self) {
        self.teardown();
        self.begin(StepSource::Manual, now_s());
    }

    /// Back to the Start button without recording.
    pub fn back_to_ready(&self) {
        self.teardown();
        checkpoint::clear();
        self.set_active(false);
        self.stage.set(Stage::Ready);
    }

    fn begin(&self, source: StepSource, at: f64) {
        let mut s = WalkSession::new(source);
        s.apply(Action::Start { at });
        self.meta.set(Some(Meta {
            id: new_id(at * 1000.0),
            started_at: DateTime::from_timestamp_millis((at * 1000.0) as i64)
                .unwrap_or_else(Utc::now),
            utc_offset_min: local_offset_min(),
        }));
        self.session.set(s);
        self.run(source);
    }

    /// Attach the adapters and the 1 s clock to the current session.
    fn run(&self, source: StepSource) {
        self.teardown();
        self.gap_notice.set(None);
        self.pocket.set(false);
        self.samples.set(0);
        let rig = self.rig();
        {
            let mut r = rig.borrow_mut();
            r.hidden_at = None;
            r.last_checkpoint = 0.0;
            if source == StepSource::Sensor {
                let detector = Rc::new(RefCell::new(StepDetector::new()));
                match motion::listen(detector, Rc::new(Sink(*self))) {
                    Ok(l) => r.motion = Some(l),
                    Err(e) => {
                        drop(r);
                        self.stage.set(Stage::Problem(e));
                        return;
                    }
                }
            }
            let ctl = *self;
            r.page = Some(visibility::on_page_event(move |e| ctl.page_event(e)));
            let ctl = *self;
            match set_interval_with_handle(move || ctl.tick(), Duration::from_secs(1)) {
                Ok(h) => r.tick = Some(h),
                Err(_) => self.notice.set(Some(
                    "The walk clock could not start; figures may lag.".into(),
                )),
            }
        }
        self.acquire_wake_lock();
        self.set_active(true);
        self.stage.set(Stage::Recording);
        self.checkpoint_now();
    }

    fn acquire_wake_lock(&self) {
        let ctl = *self;
        let wake = self.rig().borrow().wake.clone();
        wake.acquire(move |r| {
            if let Err(msg) = r {
                ctl.notice.set(Some(msg));
            }
        });
    }

    fn teardown(&self) {
        let rig = self.rig();
        let mut r = rig.borrow_mut();
        if let Some(mut m) = r.motion.take() {
            m.remove();
        }
        r.page = None;
        if let Some(h) = r.tick.take() {
            h.clear();
        }
        r.wake.release();
        r.hidden_at = None;
    }

    fn tick(&self) {
        let now = now_s();
        let rig = self.rig();
        let samples = rig.borrow().motion.as_ref().map(|m| m.samples());
        if let Some(n) = samples {
            self.samples.set(n);
        }
        let session = self.session.get_untracked();
        if session.source == StepSource::Sensor
            && samples == Some(0)
            && session.phase == Phase::Walking
            && now - session.started() >= NO_EVENTS_AFTER_S
            && !self.hidden()
        {
            self.teardown();
            self.stage.set(Stage::Problem(MotionError::NoEvents));
            return;
        }
        self.session.update(|s| {
            s.apply(Action::Tick { now });
        });
        let due = now - rig.borrow().last_checkpoint >= CHECKPOINT_EVERY_S;
        if due {
            self.checkpoint_now();
        }
    }

    fn record_gap(&self, from: f64, to: f64) {
        let mut applied = false;
        self.session
            .update(|s| applied = s.apply(Action::Gap { from, to }));
        if applied {
            self.gap_notice
                .set(Some(self.session.with_untracked(|s| s.gap_total_s())));
        }
    }

    fn page_event(&self, e: PageEvent) {
        let now = now_s();
        match e {
            PageEvent::Hidden => {
                self.rig().borrow_mut().hidden_at = Some(now);
                self.checkpoint_now();
            }
            PageEvent::PageHide => self.checkpoint_now(),
            PageEvent::Visible => {
                let from = self.rig().borrow_mut().hidden_at.take();
                if let Some(from) = from {
                    if let Some(m) = self.rig().borrow().motion.as_ref() {
                        m.detector().borrow_mut().reset_signal();
                    }
                    self.record_gap(from, now);
                }
                // The browser released the wake lock when the page hid.
                if self.rig().borrow().wake.wanted() {
                    self.acquire_wake_lock();
                }
                self.checkpoint_now();
            }
        }
    }

    fn checkpoint(&self) -> Option<Checkpoint> {
        let meta = self.meta.get_untracked()?;
        Some(Checkpoint {
            version: Checkpoint::VERSION,
            id: meta.id,
            started_at: meta.started_at,
            utc_offset_min: meta.utc_offset_min,
            session: self.session.get_untracked(),
        })
    }

    /// Write the checkpoint now; a failure is shown to the walker.
    pub fn checkpoint_now(&self) {
        let Some(cp) = self.checkpoint() else {
            return;
        };
        self.rig().borrow_mut().last_checkpoint = now_s();
        match checkpoint::save(&cp) {
            Ok(()) => {
                if self
                    .notice
                    .with_untracked(|n| n.as_deref().is_some_and(is_checkpoint_message))
                {
                    self.notice.set(None);
                }
            }
            Err(e) => self.notice.set(Some(e.to_string())),
        }
    }

    pub fn pause(&self) {
        let mut ok = false;
        self.session
            .update(|s| ok = s.apply(Action::Pause { now: now_s() }));
        if ok {
            self.announce_steps("Paused");
            self.checkpoint_now();
        }
    }

    pub fn resume(&self) {
        let mut ok = false;
        self.session
            .update(|s| ok = s.apply(Action::Resume { now: now_s() }));
        if ok {
            if let Some(m) = self.rig().borrow().motion.as_ref() {
                m.detector().borrow_mut().reset_signal();
            }
            self.announce_steps("Walking again");
            self.checkpoint_now();
        }
    }

    pub fn stop(&self) {
        let now = now_s();
        // Readings that stopped arriving without the page hiding: a gap.
        let last = self
            .rig()
            .borrow()
            .motion
            .as_ref()
            .and_then(|m| m.last_sample_wall());
        if let Some(last) = last {
            if now - last > motion::DELIVERY_GAP_S {
                self.record_gap(last, now);
            }
        }
        self.session.update(|s| {
            s.apply(Action::Stop { now });
        });
        self.teardown();
        self.pocket.set(false);
        self.announce_steps("Walk stopped");
        self.checkpoint_now();
        self.stage.set(Stage::Summary);
    }

    fn announce_steps(&self, what: &str) {
        let s = self.session.get_untracked();
        let text = match s.source {
            StepSource::Sensor => format!("{what}. {} steps.", s.steps().0),
            StepSource::Manual => format!("{what}."),
        };
        self.announce.set(text);
    }

    /// Enter the step count of a manual walk.
    pub fn set_manual_steps(&self, steps: u32) {
        self.session.update(|s| {
            s.apply(Action::ManualSteps { steps });
        });
    }

    /// The record the summary would save.
    pub fn record(&self) -> Option<WalkRecord> {
        let meta = self.meta.get_untracked()?;
        let mut record = self
            .session
            .with_untracked(|s| s.to_record(meta.id, meta.started_at, meta.utc_offset_min));
        record.loop_id = self.loop_id.get_untracked();
        record.pain_before = self.pain_before.get_untracked();
        record.pain_after = self.pain_after.get_untracked();
        Some(record)
    }

    /// Save the stopped walk to history. On success, back to Ready.
    pub fn save(&self) -> Result<(), String> {
        let app = self
            .app
            .get_value()
            .ok_or_else(|| "The app is not ready to save yet.".to_string())?;
        let record = self
            .record()
            .ok_or_else(|| "There is no walk to save.".to_string())?;
        let before = app.store.get_untracked();
        let loop_id = record.loop_id.clone();
        let warning = save_record(app, record)?;
        let earned = app
            .store
            .with_untracked(|after| newly_earned(&before, after, Local::now().date_naive()));
        if loop_id.is_some() {
            app.update_store(|s| s.settings.last_loop = loop_id);
        }
        self.finish();
        self.celebrate.set(earned);
        self.notice.set(warning);
        Ok(())
    }

    /// Throw the stopped walk away (after the walker confirmed).
    pub fn discard(&self) {
        self.finish();
    }

    fn finish(&self) {
        self.teardown();
        checkpoint::clear();
        self.meta.set(None);
        self.session.set(WalkSession::default());
        self.gap_notice.set(None);
        self.pain_before.set(None);
        self.pain_after.set(None);
        self.set_active(false);
        self.stage.set(Stage::Ready);
    }

    /// Continue a walk found at start-up; the time since its checkpoint is
    /// a gap.
    pub fn continue_walk(&self, cp: Checkpoint) {
        let now = now_s();
        let gap_before = cp.session.gap_total_s();
        self.meta.set(Some(Meta {
            id: cp.id.clone(),
            started_at: cp.started_at,
            utc_offset_min: cp.utc_offset_min,
        }));
        let session = cp.continue_at(now);
        let source = session.source;
        let stopped = session.phase == Phase::Stopped;
        let gap_after = session.gap_total_s();
        self.session.set(session);
        if stopped {
            self.set_active(true);
            self.stage.set(Stage::Summary);
            return;
        }
        self.run(source);
        if gap_after > gap_before {
            self.gap_notice.set(Some(gap_after));
        }
    }

    /// Save a walk found at start-up as it stood at its last checkpoint.
    pub fn save_as_it_stood(&self, cp: &Checkpoint) -> Result<(), String> {
        let app = self
            .app
            .get_value()
            .ok_or_else(|| "The app is not ready to save yet.".to_string())?;
        let warning = save_record(app, cp.as_it_stood())?;
        self.finish();
        self.notice.set(warning);
        Ok(())
    }
}

fn is_checkpoint_message(m: &str) -> bool {
    [
        CheckpointError::Unavailable.to_string(),
        CheckpointError::Full.to_string(),
    ]
    .iter()
    .any(|k| k == m)
        || m.starts_with("The walk in progress could not be kept safe")
}

/// Add the walk to the store. `Err`: not added; `Ok(Some(warning))`: in
/// memory but not safely stored (the storage notice says more).
fn save_record(app: AppState, record: WalkRecord) -> Result<Option<String>, String> {
    app.update_store(|s| s.add_walk(record))
        .map_err(|e| format!("This walk could not be saved: {e}"))?;
    use crate::ui::state::StoreStatus;
    match app.store_status.get_untracked() {
        StoreStatus::Ok => Ok(None),
        StoreStatus::SaveFailed(e) => Ok(Some(format!(
            "The walk is in your history for now, but could not be stored on the phone: {e}"
        ))),
        StoreStatus::Unavailable => Ok(Some(
            "The walk is in your history for now, but this browser will not keep it after the page closes."
                .into(),
        )),
        StoreStatus::Unreadable { .. } => Ok(Some(
            "The walk is in your history for now, but earlier saved data needs your decision first (see the notice)."
                .into(),
        )),
    }
}
