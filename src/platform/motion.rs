//! Motion sensor adapter: `devicemotion` on `window`. It only delivers
//! samples; counting, gaps and timeouts are the recorder's
//! ([`crate::domain::recorder`]).
//!
//! Samples whose axes are null are skipped (Chromium fires one such event as
//! soon as a listener is attached, and desktops without a sensor only ever
//! send those). Times are the event's time stamp in seconds, on the page's
//! monotonic performance clock, the same clock as
//! [`clock::now_s`](super::clock::now_s).

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use crate::domain::recorder::{SensorAccess, SensorProblem};

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

/// Whether motion can be asked for at all: a secure context with the
/// `DeviceMotionEvent` interface. (Desktops pass this and then send no
/// readings: the recorder's no-readings timeout tells.)
pub fn is_supported() -> Result<(), SensorProblem> {
    let Some(w) = window() else {
        return Err(SensorProblem::Unsupported);
    };
    if !w.is_secure_context() {
        return Err(SensorProblem::NotSecure);
    }
    let present =
        js_sys::Reflect::has(&w, &JsValue::from_str("DeviceMotionEvent")).unwrap_or(false);
    if present {
        Ok(())
    } else {
        Err(SensorProblem::Unsupported)
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

/// At the Start tap: whether the sensor can be used. Where the browser asks
/// the walker first (iOS), the question is asked here, synchronously inside
/// the tap as Safari requires, and `answered` is called later with the
/// answer.
pub fn access(answered: impl FnOnce(bool) + 'static) -> SensorAccess {
    match is_supported().map(|()| request_permission()) {
        Err(p) => SensorAccess::Problem(p),
        Ok(None) => SensorAccess::Ready,
        Ok(Some(promise)) => {
            wasm_bindgen_futures::spawn_local(async move {
                answered(permission_granted(promise).await);
            });
            SensorAccess::Asking
        }
    }
}

/// Await a permission promise from [`request_permission`]: granted or not.
pub async fn permission_granted(p: js_sys::Promise) -> bool {
    match wasm_bindgen_futures::JsFuture::from(p).await {
        Ok(v) => v.as_string().as_deref() == Some("granted"),
        Err(e) => {
            web_sys::console::warn_2(&"Loopwalk: motion permission request failed".into(), &e);
            false
        }
    }
}

type Handler = Closure<dyn FnMut(web_sys::DeviceMotionEvent)>;

/// A `devicemotion` listener; removed when dropped. Not `Send` (JS handles).
pub struct MotionListener {
    target: Option<(web_sys::Window, Handler)>,
}

impl MotionListener {
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

/// Listen to `devicemotion`: `on_sample(t, x, y, z)` for every reading with
/// all three axes (acceleration including gravity, m/s^2; `t` in seconds
/// of [`clock::now_s`](super::clock::now_s)'s clock).
pub fn listen(
    mut on_sample: impl FnMut(f64, f64, f64, f64) + 'static,
) -> Result<MotionListener, SensorProblem> {
    is_supported()?;
    let window = window().ok_or(SensorProblem::Unsupported)?;
    let closure = Closure::<dyn FnMut(web_sys::DeviceMotionEvent)>::new(
        move |e: web_sys::DeviceMotionEvent| {
            let Some(a) = e.acceleration_including_gravity() else {
                return;
            };
            if let (Some(x), Some(y), Some(z)) = (a.x(), a.y(), a.z()) {
                on_sample(e.time_stamp() / 1000.0, x, y, z);
            }
        },
    );
    window
        .add_event_listener_with_callback("devicemotion", closure.as_ref().unchecked_ref())
        .map_err(|_| SensorProblem::Unsupported)?;
    Ok(MotionListener {
        target: Some((window, closure)),
    })
}
