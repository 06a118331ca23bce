//! Service worker adapter: registration and the "new version ready" handshake.
//!
//! The worker (`public/sw.js`) never activates itself over a running app: a
//! new version installs, then waits. [`register`] reports it; the UI offers a
//! reload (never during a walk), and [`activate_waiting`] tells the waiting
//! worker to take over and reloads once it has, if the page still allows.

use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::{spawn_local, JsFuture};
use web_sys::{ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState};

fn container() -> Option<ServiceWorkerContainer> {
    let navigator = web_sys::window()?.navigator();
    // `serviceWorker` is absent outside secure contexts.
    let present =
        js_sys::Reflect::has(&navigator, &JsValue::from_str("serviceWorker")).unwrap_or(false);
    present.then(|| navigator.service_worker())
}

/// Registers `sw.js` and calls `on_update_ready` when a new version has
/// installed and is waiting behind the running one.
pub fn register(on_update_ready: impl Fn() + 'static) {
    let Some(container) = container() else {
        return;
    };
    let on_ready: Rc<dyn Fn()> = Rc::new(on_update_ready);
    let promise = container.register("sw.js");
    spawn_local(async move {
        let registration: ServiceWorkerRegistration = match JsFuture::from(promise).await {
            Ok(r) => r.unchecked_into(),
            Err(e) => {
                web_sys::console::warn_2(
                    &"Loopwalk: service worker registration failed".into(),
                    &e,
                );
                return;
            }
        };
        let has_controller = {
            let container = container.clone();
            move || container.controller().is_some()
        };
        if registration.waiting().is_some() && has_controller() {
            on_ready();
        }
        let reg = registration.clone();
        let on_update_found = Closure::<dyn Fn()>::new(move || {
            let Some(installing) = reg.installing() else {
                return;
            };
            let worker = installing.clone();
            let on_ready = on_ready.clone();
            let has_controller = has_controller.clone();
            let on_state = Closure::<dyn Fn()>::new(move || {
                // "installed" with a controller present = an update, not the first install.
                if worker.state() == ServiceWorkerState::Installed && has_controller() {
                    on_ready();
                }
            });
            installing.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
            // Lives as long as the worker it listens to.
            on_state.forget();
        });
        registration.set_onupdatefound(Some(on_update_found.as_ref().unchecked_ref()));
        // Registered once for the page's lifetime.
        on_update_found.forget();
    });
}

/// Asks the waiting worker to take over, then reloads the page once it
/// controls it, but only if `may_reload()` still says so at that moment (a
/// walk started meanwhile, or another tab's update, never reloads a walk in
/// progress). With no worker waiting (another tab already activated it),
/// reloads at once if allowed.
pub fn activate_waiting(may_reload: impl Fn() -> bool + 'static) {
    let Some(container) = container() else {
        return;
    };
    let lookup = container.get_registration();
    spawn_local(async move {
        let waiting = match JsFuture::from(lookup).await {
            Ok(reg) => reg
                .dyn_into::<ServiceWorkerRegistration>()
                .ok()
                .and_then(|r| r.waiting()),
            Err(_) => None,
        };
        let reload = move || {
            if may_reload() {
                if let Some(w) = web_sys::window() {
                    let _ = w.location().reload();
                }
            }
        };
        let Some(waiting) = waiting else {
            reload();
            return;
        };
        // One handler at a time, removed once it ran: a stale one can never
        // fire later.
        let c = container.clone();
        let on_change = Closure::once_into_js(move || {
            c.set_oncontrollerchange(None);
            reload();
        });
        container.set_oncontrollerchange(Some(on_change.unchecked_ref()));
        let msg = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&msg, &"type".into(), &"SKIP_WAITING".into());
        let _ = waiting.post_message(&msg);
    });
}
