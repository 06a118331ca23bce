//! Screen Wake Lock adapter: keep the screen on during a walk.
//!
//! Through `js_sys::Reflect` (web-sys marks the API unstable). The browser
//! releases the lock whenever the page is hidden; call [`WakeLock::acquire`]
//! again when it becomes visible.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::{spawn_local, JsFuture};

fn wake_lock_api() -> Option<JsValue> {
    let navigator = web_sys::window()?.navigator();
    let api = js_sys::Reflect::get(&navigator, &JsValue::from_str("wakeLock")).ok()?;
    (!api.is_undefined() && !api.is_null()).then_some(api)
}

/// Holds at most one screen wake lock. Not `Send` (JS handles).
#[derive(Clone, Default)]
pub struct WakeLock {
    sentinel: Rc<RefCell<Option<JsValue>>>,
    wanted: Rc<RefCell<bool>>,
}

impl WakeLock {
    pub fn new() -> Self {
        Self::default()
    }

    /// Ask for the lock (again). `on_refused` runs if the browser cannot
    /// or will not keep the screen on (unsupported, page hidden, denied).
    pub fn acquire(&self, on_refused: impl FnOnce() + 'static) {
        *self.wanted.borrow_mut() = true;
        let request = wake_lock_api().and_then(|api| {
            let f = js_sys::Reflect::get(&api, &JsValue::from_str("request"))
                .ok()?
                .dyn_into::<js_sys::Function>()
                .ok()?;
            Some((api, f))
        });
        let Some((api, request)) = request else {
            on_refused();
            return;
        };
        let promise = match request.call1(&api, &JsValue::from_str("screen")) {
            Ok(p) => js_sys::Promise::resolve(&p),
            Err(e) => js_sys::Promise::reject(&e),
        };
        let sentinel = self.sentinel.clone();
        let wanted = self.wanted.clone();
        spawn_local(async move {
            match JsFuture::from(promise).await {
                Ok(s) => {
                    if *wanted.borrow() {
                        if let Some(old) = sentinel.borrow_mut().replace(s) {
                            release_sentinel(&old);
                        }
                    } else {
                        // Released while the request was pending.
                        release_sentinel(&s);
                    }
                }
                Err(e) => {
                    web_sys::console::warn_2(&"Loopwalk: wake lock refused".into(), &e);
                    on_refused();
                }
            }
        });
    }

    /// Whether a lock is held now (granted and not released by us).
    pub fn held(&self) -> bool {
        self.sentinel.borrow().is_some()
    }

    /// Let the screen turn off again.
    pub fn release(&self) {
        *self.wanted.borrow_mut() = false;
        if let Some(s) = self.sentinel.borrow_mut().take() {
            release_sentinel(&s);
        }
    }
}

fn release_sentinel(s: &JsValue) {
    let f = js_sys::Reflect::get(s, &JsValue::from_str("release"))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    if let Some(f) = f {
        if let Err(e) = f.call0(s) {
            web_sys::console::warn_2(&"Loopwalk: wake lock release failed".into(), &e);
        }
    }
}
