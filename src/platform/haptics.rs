//! Vibration where the browser has `navigator.vibrate` (Android Chrome); a
//! no-op elsewhere (iOS has none).

use wasm_bindgen::{JsCast, JsValue};

fn vibrate_fn() -> Option<(web_sys::Navigator, js_sys::Function)> {
    let navigator = web_sys::window()?.navigator();
    let f = js_sys::Reflect::get(&navigator, &JsValue::from_str("vibrate")).ok()?;
    let f = f.dyn_into::<js_sys::Function>().ok()?;
    Some((navigator, f))
}

/// Whether this browser can vibrate the phone.
pub fn is_supported() -> bool {
    vibrate_fn().is_some()
}

/// Vibrate in the given pattern of on/off milliseconds, if supported.
pub fn vibrate(pattern: &[u32]) {
    let Some((navigator, f)) = vibrate_fn() else {
        return;
    };
    let arr: js_sys::Array = pattern.iter().map(|&ms| JsValue::from(ms)).collect();
    let _ = f.call1(&navigator, &arr);
}
