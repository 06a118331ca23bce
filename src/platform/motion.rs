//! Motion sensor adapter: `devicemotion` on `window`, fed straight into a
//! [`StepDetector`].
//!
//! Every sample goes into the detector and a cheap counter; nothing else
//! happens at sensor rate. Only a confirmed step (or a gap in delivery)
//! calls back into the UI. Samples whose axes are null are skipped
//! (Chromium fires one such event as soon as a listener is attached, and
//! desktops without a sensor only ever send those).
//!
//! Times: the detector runs on the event clock (`timeStamp` / 1000, the
//! page's performance clock, seconds). Callbacks receive wall-clock epoch
//! seconds (`performance.timeOrigin` + `timeStamp`), the clock of
//! [`WalkSession`](crate::domain::walk::WalkSession).

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use thiserror::Error;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use crate::domain::steps::StepDetector;

/// A stretch longer than this (s) between two motion events is a gap.
pub const DELIVERY_GAP_S: f64 = 3.0;

/// Why motion cannot be counted. Messages are written for the walker.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum MotionError {
    #[error("This page is not opened securely (https), so the browser gives it no motion sensor.")]
    NotSecure,
    #[error("This browser has no motion sensor support.")]
    Unsupported,
    #[error("Motion access was not allowed.")]
    Denied,
    #[error("No motion readings arrived. This device may have no motion sensor (a desktop browser, for example).")]
    NoEvents,
}

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

/// Whether the page is a secure context (https or localhost).
pub fn is_secure_context() -> bool {
    window().is_some_and(|w| w.is_secure_context())
}

/// Whether motion can be asked for at all: a secure context with the
/// `DeviceMotionEvent` interface. (Desktops pass this and then send no
/// readings; [`MotionListener::samples`] tells.)
pub fn is_supported() -> Result<(), MotionError> {
    let Some(w) = window() else {
        return Err(MotionError::Unsupported);
    };
    if !w.is_secure_context() {
        return Err(MotionError::NotSecure);
    }
    let present =
        js_sys::Reflect::has(&w, &JsValue::from_str("DeviceMotionEvent")).unwrap_or(false);
    if present {
        Ok(())
    } else {
        Err(MotionError::Unsupported)
    }
}

/// On iOS 13+, `DeviceMotionEvent.requestPermission()`: call it
/// synchronously inside the tap that starts the walk. `None` where the
/// browser needs no permission (Chrome, Firefox). The promise resolves to
/// `"granted"` or `"denied"`.
pub fn request_permission() -> Option<js_sys::Promise> {
    let w = window()?;
    let ctor = js_sys::Reflect::get(&w, &JsValue::from_str("DeviceMotionEvent")).ok()?;
    if ctor.is_undefined() || ctor.is_null() {
        return None;
    }
    let f: js_sys::Function = js_sys::Reflect::get(&ctor, &JsValue::from_str("requestPermission"))
        .ok()?
        .dyn_into()
        .ok()?;
    match f.call0(&ctor) {
        Ok(p) => match p.dyn_into::<js_sys::Promise>() {
            Ok(p) => Some(p),
            Err(v) => Some(js_sys::Promise::resolve(&v)),
        },
        Err(e) => Some(js_sys::Promise::reject(&e)),
    }
}

/// Await a permission promise from [`request_permission`].
pub async fn permission_granted(p: js_sys::Promise) -> Result<(), MotionError> {
    match wasm_bindgen_futures::JsFuture::from(p).await {
        Ok(v) if v.as_string().as_deref() == Some("granted") => Ok(()),
        Ok(_) => Err(MotionError::Denied),
        Err(e) => {
            web_sys::console::warn_2(&"Loopwalk: motion permission request failed".into(), &e);
            Err(MotionError::Denied)
        }
    }
}

/// What the listener tells the UI: a confirmed step, or a delivery gap.
pub trait MotionSink {
    /// A step the detector confirmed, at `t` (wall-clock epoch seconds).
    fn step(&self, t: f64);
    /// No motion was delivered from `from` to `to` (wall-clock seconds).
    /// The detector's signal has already been reset.
    fn gap(&self, from: f64, to: f64);
}

struct Shared {
    detector: Rc<RefCell<StepDetector>>,
    samples: Cell<u64>,
    last_t: Cell<Option<f64>>,
    origin_s: f64,
}

type Handler = Closure<dyn FnMut(web_sys::DeviceMotionEvent)>;

/// A `devicemotion` listener; removed when dropped. Not `Send` (JS handles).
pub struct MotionListener {
    target: Option<(web_sys::Window, Handler)>,
    shared: Rc<Shared>,
}

impl MotionListener {
    /// Samples with readings received so far (null samples excluded).
    pub fn samples(&self) -> u64 {
        self.shared.samples.get()
    }

    /// Wall-clock epoch seconds of the latest reading, if any.
    pub fn last_sample_wall(&self) -> Option<f64> {
        self.shared.last_t.get().map(|t| self.shared.origin_s + t)
    }

    /// The detector being fed.
    pub fn detector(&self) -> Rc<RefCell<StepDetector>> {
        self.shared.detector.clone()
    }

    /// Stop listening now (the same as dropping).
    pub fn remove(&mut self) {
        if let Some((window, closure)) = self.target.take() {
            if let Err(e) = window.remove_event_listener_with_callback(
                "devicemotion",
                closure.as_ref().unchecked_ref(),
            ) {
                web_sys::console::warn_2(&"Loopwalk: could not remove motion listener".into(), &e);
            }
        }
    }
}

impl Drop for MotionListener {
    fn drop(&mut self) {
        self.remove();
    }
}

/// Wall-clock epoch seconds of the page's performance clock origin.
pub fn time_origin_s() -> f64 {
    window()
        .and_then(|w| w.performance())
        .map(|p| p.time_origin() / 1000.0)
        .unwrap_or_else(|| js_sys::Date::now() / 1000.0)
}

/// Listen to `devicemotion` and feed `detector`. `sink` hears only about
/// confirmed steps and delivery gaps longer than [`DELIVERY_GAP_S`].
pub fn listen(
    detector: Rc<RefCell<StepDetector>>,
    sink: Rc<dyn MotionSink>,
) -> Result<MotionListener, MotionError> {
    is_supported()?;
    let window = window().ok_or(MotionError::Unsupported)?;
    let shared = Rc::new(Shared {
        detector,
        samples: Cell::new(0),
        last_t: Cell::new(None),
        origin_s: time_origin_s(),
    });
    let s = shared.clone();
    let closure = Closure::<dyn FnMut(web_sys::DeviceMotionEvent)>::new(
        move |e: web_sys::DeviceMotionEvent| {
            let Some(a) = e.acceleration_including_gravity() else {
                return;
            };
            let (Some(x), Some(y), Some(z)) = (a.x(), a.y(), a.z()) else {
                return;
            };
            let t = e.time_stamp() / 1000.0;
            s.samples.set(s.samples.get() + 1);
            if let Some(last) = s.last_t.get() {
                if t - last > DELIVERY_GAP_S {
                    s.detector.borrow_mut().reset_signal();
                    sink.gap(s.origin_s + last, s.origin_s + t);
                }
            }
            s.last_t.set(Some(t));
            // Collected first, reported after the detector borrow ends.
            let mut confirmed: Vec<f64> = Vec::new();
            s.detector
                .borrow_mut()
                .push(t, x, y, z, |st| confirmed.push(st));
            for st in confirmed {
                sink.step(s.origin_s + st);
            }
        },
    );
    window
        .add_event_listener_with_callback("devicemotion", closure.as_ref().unchecked_ref())
        .map_err(|_| MotionError::Unsupported)?;
    Ok(MotionListener {
        target: Some((window, closure)),
        shared,
    })
}
