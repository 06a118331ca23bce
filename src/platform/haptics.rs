//! A short vibration where the browser has `navigator.vibrate` (Android
//! Chrome); a no-op elsewhere (iOS has none).

use wasm_bindgen::{JsCast, JsValue};

/// Vibrate in the given pattern of on/off milliseconds, if supported.
pub fn vibrate(pattern: &[u32]) {
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else {
        return;
    };
    let Ok(f) = js_sys::Reflect::get(&navigator, &JsValue::from_str("vibrate")) else {
        return;
    };
    let Ok(f) = f.dyn_into::<js_sys::Function>() else {
        return;
    };
    let arr: js_sys::Array = pattern.iter().map(|&ms| JsValue::from(ms)).collect();
    let _ = f.call1(&navigator, &arr);
}
