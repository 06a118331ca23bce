//! The browser handles a walk holds while it runs: the motion listener, the
//! page's visibility listener, the 1 s clock and the screen wake lock, each
//! stopped when switched off or dropped. No rules: the walk recorder says
//! when each is on (`domain::recorder::Effect`), the controller asks here.

use super::clock::{self, Ticker};
use super::motion::{self, MotionListener};
use super::visibility::{self, PageEvent, VisibilityListener};
use super::wake_lock::WakeLock;
use crate::domain::recorder::SensorProblem;

/// The handles (not `Send`: JS objects).
#[derive(Default)]
pub struct WalkRig {
    motion: Option<MotionListener>,
    page: Option<VisibilityListener>,
    tick: Option<Ticker>,
    wake: WakeLock,
}

impl WalkRig {
    /// Report every visibility change and page hide, for the page's life.
    pub fn watch_page(&mut self, on_event: impl Fn(PageEvent) + 'static) {
        self.page = Some(visibility::on_page_event(on_event));
    }

    /// Deliver motion readings `(t, x, y, z)` to `on_sample`, or stop
    /// (`None`). `Err` says why readings cannot come.
    pub fn sensors(
        &mut self,
        on_sample: Option<impl FnMut(f64, f64, f64, f64) + 'static>,
    ) -> Result<(), SensorProblem> {
        self.motion = None;
        if let Some(f) = on_sample {
            self.motion = Some(motion::listen(f)?);
        }
        Ok(())
    }

    /// Call `on_tick` once a second with the monotonic clock, or stop
    /// (`None`). `false`: the browser refused the timer.
    pub fn clock(&mut self, on_tick: Option<impl Fn(f64) + 'static>) -> bool {
        self.tick = None;
        let Some(f) = on_tick else { return true };
        self.tick = clock::every_second(f);
        self.tick.is_some()
    }

    /// Keep the screen on (again, after the page was hidden), or let it
    /// sleep. `refused` runs when the browser will not keep it on.
    pub fn keep_screen_on(&self, on: bool, refused: impl FnOnce() + 'static) {
        if on {
            self.wake.acquire(refused);
        } else {
            self.wake.release();
        }
    }
}
