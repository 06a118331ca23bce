//! The walk recorder's browser adapter: feeds [`Recorder`] its inputs (taps,
//! motion samples, the 1 s clock, page visibility) and performs the
//! [`Effect`]s it returns. Every rule lives in the recorder; this file only
//! connects it. Built once in `App` and provided through context.

use std::mem::discriminant;

use leptos::prelude::*;

use crate::domain::milestones::Earned;
use crate::domain::record::WalkRecord;
use crate::domain::recorder::{
    Announcement, Buzz, Effect, Extras, Input, Notice, Recorder, Stage, Stored,
};
use crate::domain::walk::WalkSession;
use crate::platform::clock::{self, Ticker};
use crate::platform::visibility::{self, VisibilityListener};
use crate::platform::wake_lock::WakeLock;
use crate::platform::{checkpoint, haptics, motion};
use crate::ui::state::AppState;

/// Browser handles of the recorder (not `Send`); each stops when dropped.
#[derive(Default)]
struct Rig {
    motion: Option<motion::MotionListener>,
    page: Option<VisibilityListener>,
    wake: WakeLock,
    tick: Option<Ticker>,
}

/// The walk recorder as the screens see it (signals; cheap to copy).
#[derive(Clone, Copy)]
pub struct WalkCtl {
    /// The recorder's stage, walk and extras, copied after each input that
    /// changed them.
    pub stage: RwSignal<Stage>,
    pub session: RwSignal<WalkSession>,
    pub extras: RwSignal<Extras>,
    /// A walk exists that is not saved or discarded (no reload for updates).
    pub running: Memo<bool>,
    /// What the walker is told: a notice until dismissed, the seconds
    /// counting was paused (once, on return), a sentence for screen
    /// readers, the milestones the last stored walk earned.
    pub notice: RwSignal<Option<Notice>>,
    pub gap_notice: RwSignal<Option<f64>>,
    pub announce: RwSignal<Option<Announcement>>,
    pub celebrate: RwSignal<Vec<Earned>>,
    /// The screen is dimmed and ignores touches.
    pub pocket: RwSignal<bool>,
    app: AppState,
    rec: StoredValue<Recorder>,
    rig: StoredValue<Rig, LocalStorage>,
}

/// The recorder from context (panics outside `<App/>`, a programming error).
pub fn walk_ctl() -> WalkCtl {
    use_context::<WalkCtl>().expect("App provides the walk controller")
}

impl WalkCtl {
    /// The recorder for this page; offers back the walks of closed pages.
    pub fn new(app: AppState) -> Self {
        let stage = RwSignal::new(Stage::Ready);
        let ctl = Self {
            stage,
            session: RwSignal::new(WalkSession::default()),
            extras: RwSignal::new(Extras::default()),
            running: Memo::new(move |_| stage.with(Stage::is_running)),
            notice: RwSignal::new(None),
            gap_notice: RwSignal::new(None),
            announce: RwSignal::new(None),
            celebrate: RwSignal::new(Vec::new()),
            pocket: RwSignal::new(false),
            app,
            rec: StoredValue::new(Recorder::new()),
            rig: StoredValue::new_local(Rig::default()),
        };
        let page = visibility::on_page_event(move |e| ctl.at_now(|now| e.input(now)));
        ctl.rig.update_value(|r| r.page = Some(page));
        let (found, problem) = checkpoint::scan();
        ctl.notice.set(problem);
        if !found.is_empty() {
            ctl.feed(Input::Found(found));
        }
        ctl
    }

    /// Hand the recorder one input and carry out what it asks.
    pub fn feed(self, input: Input) {
        let Some((effects, changed)) = self.rec.try_update_value(|r| {
            let before = r.revision();
            let effects = r.handle(input);
            (effects, r.revision() != before)
        }) else {
            return;
        };
        if changed {
            self.rec.with_value(|r| {
                self.session.set(r.session().clone());
                set_if_changed(self.stage, r.stage());
                set_if_changed(self.extras, r.extras());
            });
        }
        for effect in effects {
            self.perform(effect);
        }
    }

    fn perform(self, effect: Effect) {
        match effect {
            Effect::WriteCheckpoint(cp) => {
                self.feed(Input::CheckpointWritten(checkpoint::save(&cp)))
            }
            Effect::ClearCheckpoint(slot) => checkpoint::clear(&slot),
            Effect::Sensors(false) => self.rig.update_value(|r| r.motion = None),
            Effect::Sensors(true) => {
                match motion::listen(move |t, x, y, z| self.feed(Input::Sample { t, x, y, z })) {
                    Ok(l) => self.rig.update_value(|r| r.motion = Some(l)),
                    Err(p) => self.feed(Input::SensorFailed(p)),
                }
            }
            Effect::Clock(on) => {
                self.rig.update_value(|r| r.tick = None);
                if on {
                    match clock::every_second(move |now| self.feed(Input::Tick { now })) {
                        Some(t) => self.rig.update_value(|r| r.tick = Some(t)),
                        None => self.notice.set(Some(Notice::ClockFailed)),
                    }
                }
            }
            Effect::KeepScreenOn(on) => {
                let wake = self.rig.with_value(|r| r.wake.clone());
                if on {
                    wake.acquire(move || self.notice.set(Some(Notice::ScreenMayTurnOff)));
                } else {
                    wake.release();
                }
            }
            Effect::Announce(a) => self.announce.set(Some(a)),
            Effect::Notice(Notice::CountingPaused { total_s }) => {
                self.gap_notice.set(Some(total_s))
            }
            Effect::Notice(n) => self.notice.set(Some(n)),
            Effect::ClearNotice(Notice::CountingPaused { .. }) => self.gap_notice.set(None),
            Effect::ClearNotice(kind) => {
                let same =
                    |n: &Option<Notice>| n.is_some_and(|n| discriminant(&n) == discriminant(&kind));
                if self.notice.with_untracked(same) {
                    self.notice.set(None);
                }
            }
            Effect::Vibrate(Buzz::AutoPaused) => haptics::vibrate(&[300, 150, 300]),
            Effect::Save(record) => self.save(*record),
            // A hook for cues (sound, speech): nothing to do here yet.
            Effect::Event(_) => {}
        }
    }

    /// Store the walk, celebrate what it earned once it is safe, and tell
    /// the recorder where it is.
    fn save(self, record: WalkRecord) {
        let (saved, earned) = self.app.with_newly_earned(|| self.app.save_walk(record));
        let stored = saved.map_or(Stored::Refused, Stored::from);
        if stored.is_safe() {
            self.celebrate.set(earned);
        }
        self.feed(Input::Saved(stored));
    }

    /// The Start tap (which asks for motion access where the browser wants
    /// it asked inside the tap).
    pub fn start_tapped(self) {
        let sensor = motion::access(move |granted| self.feed(Input::Permission { granted }));
        self.feed(Input::Start {
            at: clock::stamp(),
            sensor,
        });
    }

    /// A walk timed now, with the step count entered at the end.
    pub fn start_manual(self) {
        self.feed(Input::StartManual(clock::stamp()));
    }

    /// Feed an input stamped with the monotonic clock now.
    pub fn at_now(self, input: impl FnOnce(f64) -> Input) {
        self.feed(input(clock::now_s()));
    }

    /// Continue the walk on offer.
    pub fn continue_walk(self) {
        self.at_now(|now| Input::Continue {
            now,
            wall_ms: clock::wall_ms(),
        });
    }

    /// Read the recorder (for views such as the walk cues).
    pub fn with_recorder<R>(self, f: impl FnOnce(&Recorder) -> R) -> R {
        self.rec.with_value(f)
    }
}

/// Set `signal` to `value` unless it already holds it (no needless redraw).
fn set_if_changed<T: Clone + PartialEq + Send + Sync + 'static>(signal: RwSignal<T>, value: &T) {
    if signal.with_untracked(|v| v != value) {
        signal.set(value.clone());
    }
}
