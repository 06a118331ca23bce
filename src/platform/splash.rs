//! The loading splash in `index.html`: shown by the browser before the wasm
//! has arrived, so a slow first visit shows Loopwalk at once instead of a
//! blank page. Removed as soon as the app has mounted under it.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Longest wait for a frame before mounting anyway (frames can stop while
/// the page still counts as visible, e.g. in some embedded web views).
const FRAME_WAIT_MS: i32 = 200;

/// The mount call, taken by whichever of frame and timer runs first.
type Pending = Rc<RefCell<Option<Box<dyn FnOnce()>>>>;

/// Run `mount` once the splash has been painted: after the next animation
/// frame, so the app's first render (a long task) never holds back the
/// first paint. At once in a hidden tab, where frames do not run, and after
/// [`FRAME_WAIT_MS`] at the latest.
pub fn after_first_paint(mount: impl FnOnce() + 'static) {
    let Some(win) = web_sys::window() else {
        return mount();
    };
    if crate::platform::visibility::is_hidden() {
        return mount();
    }
    // Whichever of the frame and the fallback timer comes first mounts.
    let pending: Pending = Rc::new(RefCell::new(Some(Box::new(mount))));
    let run = |p: &Pending| {
        let p = p.clone();
        move || {
            let f = p.borrow_mut().take();
            if let Some(f) = f {
                f();
            }
        }
    };
    let after_frame = Closure::once_into_js(run(&pending));
    let frame = Closure::once_into_js(move || {
        if let Some(win) = web_sys::window() {
            let _ = win.set_timeout_with_callback(after_frame.unchecked_ref());
        }
    });
    let fallback = Closure::once_into_js(run(&pending));
    let _ = win.set_timeout_with_callback_and_timeout_and_arguments_0(
        fallback.unchecked_ref(),
        FRAME_WAIT_MS,
    );
    if win.request_animation_frame(frame.unchecked_ref()).is_err() {
        run(&pending)();
    }
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
