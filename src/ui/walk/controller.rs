//! The walk recorder's browser adapter: feeds [`Recorder`] its inputs (taps,
//! motion samples, the 1 s clock, page visibility) and performs the
//! [`Effect`]s it returns. Every rule lives in the recorder; this file only
//! connects it. Built once in `App` and provided through context.

use std::mem::discriminant;
use std::time::Duration;

use leptos::prelude::*;

use crate::domain::milestones::Earned;
use crate::domain::record::{LoopId, WalkId, WalkRecord};
use crate::domain::recorder::{
    Announcement, Buzz, Effect, Input, Notice, Recorder, Stage, Stamp, StoreProblem, Stored,
};
use crate::domain::walk::WalkSession;
use crate::platform::storage::StorageError;
use crate::platform::visibility::{self, PageEvent, VisibilityListener};
use crate::platform::wake_lock::WakeLock;
use crate::platform::{checkpoint, haptics, motion};
use crate::ui::state::{AppState, SaveOutcome};

/// Browser handles of the recorder (not `Send`).
#[derive(Default)]
struct Rig {
    motion: Option<motion::MotionListener>,
    page: Option<VisibilityListener>,
    wake: WakeLock,
    tick: Option<IntervalHandle>,
}

/// The walk recorder as the screens see it (signals; cheap to copy).
#[derive(Clone, Copy)]
pub struct WalkCtl {
    pub stage: RwSignal<Stage>,
    pub session: RwSignal<WalkSession>,
    /// A walk exists that is not saved or discarded (no reload for updates).
    pub running: Memo<bool>,
    pub notice: RwSignal<Option<Notice>>,
    /// Seconds counting was paused (screen off), shown once on return.
    pub gap_notice: RwSignal<Option<f64>>,
    pub announce: RwSignal<Option<Announcement>>,
    /// The screen is dimmed and ignores touches.
    pub pocket: RwSignal<bool>,
    pub loop_id: RwSignal<Option<LoopId>>,
    pub pain_before: RwSignal<Option<u8>>,
    pub pain_after: RwSignal<Option<u8>>,
    /// Milestones the last saved walk earned.
    pub celebrate: RwSignal<Vec<Earned>>,
    app: AppState,
    rec: StoredValue<Recorder>,
    rig: StoredValue<Rig, LocalStorage>,
}

/// The recorder from context (panics outside `<App/>`, a programming error).
pub fn walk_ctl() -> WalkCtl {
    expect_context::<WalkCtl>()
}

fn store_problem(e: &StorageError) -> StoreProblem {
    match e {
        StorageError::Quota => StoreProblem::Full,
        StorageError::Unavailable => StoreProblem::Unavailable,
        StorageError::UnreadableDataProtected => StoreProblem::Protected,
        _ => StoreProblem::Other,
    }
}

impl WalkCtl {
    /// The recorder for this page; offers back the walks of closed pages.
    pub fn new(app: AppState) -> Self {
        let stage = RwSignal::new(Stage::Ready);
        let ctl = Self {
            stage,
            session: RwSignal::new(WalkSession::default()),
            running: Memo::new(move |_| stage.with(Stage::is_running)),
            notice: RwSignal::new(None),
            gap_notice: RwSignal::new(None),
            announce: RwSignal::new(None),
            pocket: RwSignal::new(false),
            loop_id: RwSignal::new(None),
            pain_before: RwSignal::new(None),
            pain_after: RwSignal::new(None),
            celebrate: RwSignal::new(Vec::new()),
            app,
            rec: StoredValue::new(Recorder::new()),
            rig: StoredValue::new_local(Rig::default()),
        };
        let page = visibility::on_page_event(move |e| {
            let now = motion::now_s();
            ctl.feed(match e {
                PageEvent::Hidden => Input::PageHidden { now },
                PageEvent::Visible => Input::PageVisible { now },
                PageEvent::PageHide => Input::PageHide,
            })
        });
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
                if self.stage.with_untracked(|s| s != r.stage()) {
                    self.stage.set(r.stage().clone());
                }
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
                if let Some(h) = self.rig.try_update_value(|r| r.tick.take()).flatten() {
                    h.clear();
                }
                if on {
                    let tick = move || {
                        self.feed(Input::Tick {
                            now: motion::now_s(),
                        })
                    };
                    match set_interval_with_handle(tick, Duration::from_secs(1)) {
                        Ok(h) => self.rig.update_value(|r| r.tick = Some(h)),
                        Err(_) => self.notice.set(Some(Notice::ClockFailed)),
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
            Effect::ClearNotice(n) => self.clear_notice(n),
            Effect::Vibrate(Buzz::AutoPaused) => haptics::vibrate(&[300, 150, 300]),
            Effect::Save(record) => self.save_record(*record),
            // A hook for cues (sound, speech): nothing to do here yet.
            Effect::Event(_) => {}
        }
    }

    fn clear_notice(self, kind: Notice) {
        if self
            .notice
            .with_untracked(|n| n.is_some_and(|n| discriminant(&n) == discriminant(&kind)))
        {
            self.notice.set(None);
        }
    }

    /// The walker's extras (loop, pain) on the recorder's record.
    fn with_extras(self, mut record: WalkRecord) -> WalkRecord {
        record.loop_id = self.loop_id.get_untracked();
        record.pain_before = self.pain_before.get_untracked();
        record.pain_after = self.pain_after.get_untracked();
        record
    }

    /// The record Save would store.
    pub fn record(self) -> Option<WalkRecord> {
        let record = self.rec.with_value(Recorder::record)?;
        Some(self.with_extras(record))
    }

    fn save_record(self, record: WalkRecord) {
        let ours = self.stage.get_untracked() == Stage::Summary;
        let record = if ours {
            self.with_extras(record)
        } else {
            record
        };
        let loop_id = record.loop_id.clone();
        // The milestones it earned come from the app's memo: one report
        // computed per save.
        let (saved, earned) = self.app.with_newly_earned(|| self.app.save_walk(record));
        let stored = match saved {
            Ok(SaveOutcome::Saved) => Stored::Saved,
            Ok(SaveOutcome::Pending(e)) => Stored::Pending(store_problem(&e)),
            Ok(SaveOutcome::MemoryOnly(e)) => Stored::MemoryOnly(store_problem(&e)),
            Err(_) => Stored::Refused,
        };
        if ours && matches!(stored, Stored::Saved | Stored::Pending(_)) {
            if loop_id.is_some() {
                self.app.update_store(|s| s.settings.last_loop = loop_id);
            }
            self.celebrate.set(earned);
            self.pain_before.set(None);
            self.pain_after.set(None);
        }
        self.feed(Input::Saved(stored));
    }

    /// The Start tap. On iOS the permission request happens synchronously
    /// here, inside the tap, as Safari requires.
    pub fn start_tapped(self) {
        let (sensor, asking) = motion::access();
        self.feed(Input::Start {
            at: stamp(),
            sensor,
        });
        if let Some(promise) = asking {
            wasm_bindgen_futures::spawn_local(async move {
                let granted = motion::permission_granted(promise).await;
                self.feed(Input::Permission { granted });
            });
        }
    }

    /// A walk timed now, with the step count entered at the end.
    pub fn start_manual(self) {
        self.feed(Input::StartManual(stamp()));
    }

    /// Feed an input stamped with the monotonic clock now.
    pub fn at_now(self, input: impl FnOnce(f64) -> Input) {
        self.feed(input(motion::now_s()));
    }

    /// Continue the walk on offer.
    pub fn continue_walk(self) {
        self.feed(Input::Continue {
            now: motion::now_s(),
            wall_ms: js_sys::Date::now(),
        });
    }

    /// Read the recorder (for views such as the walk cues).
    pub fn with_recorder<R>(self, f: impl FnOnce(&Recorder) -> R) -> R {
        self.rec.with_value(f)
    }

    /// Local time of the walk's last step, `HH:MM`.
    pub fn last_step_clock(self) -> Option<String> {
        let at = self.rec.with_value(Recorder::last_step_local)?;
        Some(crate::domain::dates::hh_mm(&at))
    }
}

/// The moment of a Start tap: monotonic now, the wall clock (read once for
/// the walk's date), the local offset and a new walk id.
fn stamp() -> Stamp {
    let wall_ms = js_sys::Date::now();
    let suffix = (js_sys::Math::random() * 65_536.0) as u32;
    Stamp {
        now: motion::now_s(),
        wall_ms,
        utc_offset_min: -(js_sys::Date::new_0().get_timezone_offset() as i32),
        id: WalkId(format!("{}-{suffix:04x}", wall_ms as u64)),
    }
}
