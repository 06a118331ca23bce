//! The loading splash in `index.html`: shown by the browser before the wasm
//! has arrived, so a slow first visit shows Loopwalk at once instead of a
//! blank page. Removed as soon as the app has mounted under it.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Run `mount` once the splash has been painted: after the next animation
/// frame, so the app's first render (a long task) never holds back the
/// first paint. In a hidden tab, where frames do not run, at once.
pub fn after_first_paint(mount: impl FnOnce() + 'static) {
    let Some(win) = web_sys::window() else {
        return mount();
    };
    if crate::platform::visibility::is_hidden() {
        return mount();
    }
    let next_task = Closure::once_into_js(mount);
    let frame = Closure::once_into_js(move || {
        if let Some(win) = web_sys::window() {
            let _ = win.set_timeout_with_callback(next_task.unchecked_ref());
        }
    });
    let _ = win.request_animation_frame(frame.unchecked_ref());
}

/// Remove the splash, if it is there.
pub fn dismiss() {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("splash"))
    {
        el.remove();
    }
}
