//! The walk recorder's browser adapter: feeds [`Recorder`] its inputs (taps,
//! motion samples, the 1 s clock, page visibility) and performs the
//! [`Effect`]s it returns. Every rule lives in the recorder, every browser
//! handle in [`WalkRig`]; this file only connects them. Built once in `App`
//! and provided through context.

use std::time::Duration;

use leptos::prelude::*;

use crate::domain::milestones::Earned;
use crate::domain::record::WalkRecord;
use crate::domain::recorder::{
    Announcement, Effect, Extras, Input, Notice, Recorder, Stage, Stored, WalkEvent,
};
use crate::domain::walk::WalkSession;
use crate::platform::walk_rig::WalkRig;
use crate::platform::{checkpoint, clock, haptics, motion};
use crate::ui::state::AppState;

/// The walk recorder as the screens see it (signals; cheap to copy).
#[derive(Clone, Copy)]
pub struct WalkCtl {
    /// The recorder's stage, walk and extras, copied after each input that
    /// changed them; `running`: a walk exists that is not saved or
    /// discarded (no reload for updates).
    pub stage: RwSignal<Stage>,
    pub session: RwSignal<WalkSession>,
    pub extras: RwSignal<Extras>,
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
    rig: StoredValue<WalkRig, LocalStorage>,
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
            rig: StoredValue::new_local(WalkRig::default()),
        };
        ctl.rig
            .update_value(|r| r.watch_page(move |e| ctl.at_now(|now| e.input(now))));
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
            (r.handle(input), r.revision() != before)
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
        let feed = move |input| self.feed(input);
        match effect {
            Effect::WriteCheckpoint(cp) => feed(Input::CheckpointWritten(checkpoint::save(&cp))),
            Effect::ClearCheckpoint(slot) => checkpoint::clear(&slot),
            Effect::Sensors(on) => {
                let sample = move |t, x, y, z| feed(Input::Sample { t, x, y, z });
                if let Some(Err(p)) = self
                    .rig
                    .try_update_value(|r| r.sensors(on.then_some(sample)))
                {
                    feed(Input::SensorFailed(p));
                }
            }
            Effect::Clock(on) => {
                let tick = move |now| feed(Input::Tick { now });
                if self.rig.try_update_value(|r| r.clock(on.then_some(tick))) == Some(false) {
                    self.notice.set(Some(Notice::ClockFailed));
                }
            }
            Effect::KeepScreenOn(on) => self.rig.with_value(|r| {
                r.keep_screen_on(on, move || self.notice.set(Some(Notice::ScreenMayTurnOff)))
            }),
            Effect::Announce(a) => self.announce.set(Some(a)),
            Effect::Notice(Notice::CountingPaused { total_s }) => {
                self.gap_notice.set(Some(total_s))
            }
            Effect::Notice(n) => self.notice.set(Some(n)),
            Effect::ClearNotice(Notice::CountingPaused { .. }) => self.gap_notice.set(None),
            Effect::ClearNotice(kind) => self.notice.maybe_update(|n| {
                let same = n.is_some_and(|n| n.same_kind(&kind));
                if same {
                    *n = None;
                }
                same
            }),
            Effect::Vibrate(buzz) => haptics::vibrate(buzz.pattern()),
            Effect::Save(record) => self.save(*record),
            // Saving is near: get the history's JSON ready while the summary is read.
            Effect::Event(WalkEvent::Stopped) => self.app.prepare_saving_after(Duration::ZERO),
            // Other moments: `ui/walk/cues.rs` reads the recorder itself.
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
        let wall_ms = clock::wall_ms();
        self.at_now(|now| Input::Continue { now, wall_ms });
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
