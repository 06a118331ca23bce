//! The walker's time zone as the browser reports it
//! (`Intl.DateTimeFormat().resolvedOptions().timeZone`), read offline.

use wasm_bindgen::JsValue;

/// The IANA time zone name, e.g. `"Europe/London"`; `None` where the
/// browser does not say.
pub fn current() -> Option<String> {
    let format = js_sys::Intl::DateTimeFormat::new(&js_sys::Array::new(), &js_sys::Object::new());
    let options = format.resolved_options();
    js_sys::Reflect::get(&options, &JsValue::from_str("timeZone"))
        .ok()?
        .as_string()
        .filter(|tz| !tz.is_empty())
}
