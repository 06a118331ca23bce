//! The page's clocks: the monotonic one every time inside a walk is on, the
//! wall clock (read only for dates), a once-a-second ticker, and the moment
//! of a Start tap.

use std::time::Duration;

use leptos::prelude::{set_interval_with_handle, IntervalHandle};

use crate::domain::record::WalkId;
use crate::domain::recorder::Stamp;

/// Seconds of the page's monotonic clock (`performance.now()`), the clock
/// of motion event time stamps. Never jumps with the wall clock.
pub fn now_s() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.now() / 1000.0)
        .unwrap_or_else(|| js_sys::Date::now() / 1000.0)
}

/// The wall clock, milliseconds since the epoch.
pub fn wall_ms() -> f64 {
    js_sys::Date::now()
}

/// The moment of a Start tap: monotonic now, the wall clock (read once for
/// the walk's date), the local offset and a new walk id.
pub fn stamp() -> Stamp {
    let wall_ms = wall_ms();
    let suffix = (js_sys::Math::random() * 65_536.0) as u32;
    Stamp {
        now: now_s(),
        wall_ms,
        utc_offset_min: -(js_sys::Date::new_0().get_timezone_offset() as i32),
        id: WalkId(format!("{}-{suffix:04x}", wall_ms as u64)),
    }
}

/// Calls its function once a second with [`now_s`]; stops when dropped.
pub struct Ticker(IntervalHandle);

impl Drop for Ticker {
    fn drop(&mut self) {
        self.0.clear();
    }
}

/// A [`Ticker`], or `None` when the browser refused the timer.
pub fn every_second(f: impl Fn(f64) + 'static) -> Option<Ticker> {
    set_interval_with_handle(move || f(now_s()), Duration::from_secs(1))
        .ok()
        .map(Ticker)
}
