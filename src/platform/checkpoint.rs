//! The walk in progress, checkpointed in localStorage so a killed tab or a
//! restarted phone loses at most the last few seconds.
//!
//! One checkpoint per tab: `loopwalk.current.<tab id>`, the tab id kept in
//! sessionStorage (a reload of the same tab keeps it). Each write stamps a
//! heartbeat (wall-clock ms). At start-up [`scan`] offers this tab's own
//! checkpoint and those of closed tabs (stale heartbeat); a live walk in
//! another tab is left alone. The single key of earlier versions
//! (`loopwalk.current`) is read as a closed tab's. An unreadable checkpoint
//! is copied to `loopwalk.unreadable.<key>` before anything overwrites it.
//! A duplicated tab inherits its original's sessionStorage: [`claim_tab`]
//! gives it an id of its own before the app mounts.

use serde::{Deserialize, Serialize};

use crate::domain::recorder::{
    is_unfinished, CheckpointProblem, CheckpointSlot, Notice, Unfinished,
};
use crate::domain::walk::Checkpoint;

/// Key prefix of the per-tab checkpoints.
pub const PREFIX: &str = "loopwalk.current.";
/// The single checkpoint key of earlier versions.
pub const LEGACY_KEY: &str = "loopwalk.current";
/// Prefix of the copies of unreadable checkpoints.
pub const BACKUP_PREFIX: &str = "loopwalk.unreadable.";
/// sessionStorage key of this tab's id.
const TAB_KEY: &str = "loopwalk.tab";

#[derive(Serialize, Deserialize)]
struct Envelope<T> {
    heartbeat_ms: f64,
    checkpoint: T,
}

/// Just the heartbeat of a checkpoint whose body cannot be read (perhaps a
/// newer version's, in a live tab).
#[derive(Deserialize)]
struct Beat {
    heartbeat_ms: f64,
}

fn local() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// This tab's id, settled once per page: by [`claim_tab`] at start-up, else
/// (a page that never claimed, e.g. a test) the one in sessionStorage or a
/// new one.
static ID: std::sync::OnceLock<String> = std::sync::OnceLock::new();

fn session() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

fn new_tab_id() -> String {
    let id = format!(
        "{:x}{:06x}",
        js_sys::Date::now() as u64,
        (js_sys::Math::random() * 16_777_216.0) as u32
    );
    if let Some(s) = session() {
        let _ = s.set_item(TAB_KEY, &id);
    }
    id
}

/// This tab's id: kept in sessionStorage, made once per tab.
pub fn tab_id() -> String {
    ID.get_or_init(|| {
        session()
            .and_then(|s| s.get_item(TAB_KEY).ok().flatten())
            .unwrap_or_else(new_tab_id)
    })
    .clone()
}

/// How long a page waits for the previous page of its own tab (a reload)
/// to let go of the tab id before taking the id as another tab's, ms.
const RELOAD_GRACE_MS: i32 = 500;
/// Longest wait for the browser's lock manager before going on with the
/// stored id (start-up never hangs on it), ms.
const CLAIM_WAIT_MS: i32 = 2000;

/// The Web Lock a live page holds on its tab id for as long as it lives.
fn lock_name(id: &str) -> String {
    format!("loopwalk.tab.{id}")
}

/// `navigator.locks`, where the browser has it (secure contexts).
fn lock_manager() -> Option<wasm_bindgen::JsValue> {
    let nav = web_sys::window()?.navigator();
    js_sys::Reflect::get(&nav, &"locks".into())
        .ok()
        .filter(|l| l.is_object())
}

/// Asks for the lock `name` (only if free, when `if_available`); `granted`
/// gets whether it came, and returns true to hold it for the page's life.
fn request_lock(
    locks: &wasm_bindgen::JsValue,
    name: &str,
    if_available: bool,
    granted: impl FnOnce(bool) -> bool + 'static,
) -> Result<(), wasm_bindgen::JsValue> {
    use wasm_bindgen::JsCast;
    let request: js_sys::Function = js_sys::Reflect::get(locks, &"request".into())?.dyn_into()?;
    let options = js_sys::Object::new();
    js_sys::Reflect::set(&options, &"ifAvailable".into(), &if_available.into())?;
    let callback =
        wasm_bindgen::closure::Closure::once_into_js(move |lock: wasm_bindgen::JsValue| {
            if granted(!lock.is_null()) {
                // A promise that never settles: the lock is held until the page goes.
                js_sys::Promise::new(&mut |_, _| {}).into()
            } else {
                wasm_bindgen::JsValue::UNDEFINED
            }
        });
    let promise: js_sys::Promise = request
        .call3(locks, &name.into(), &options, &callback)?
        .dyn_into()?;
    // A refused request (e.g. an opaque origin) is answered by the caller's timer.
    let ignore = wasm_bindgen::closure::Closure::once(|_: wasm_bindgen::JsValue| {});
    let _ = promise.catch(&ignore);
    // Called at most once, twice a page load at most: left to the page.
    ignore.forget();
    Ok(())
}

/// Settle this tab's id, then run `then` (mounting the app).
///
/// A browser's "Duplicate tab" (and some `window.open`s) copies
/// sessionStorage, so two live tabs would share one id and one checkpoint
/// key, and one tab's save would clear the other's walk. Each page therefore
/// holds a Web Lock named after its id for as long as it lives. A page that
/// finds its stored id locked by another live page is a copy and takes a
/// new id, unless the lock comes free within [`RELOAD_GRACE_MS`] (this
/// tab's own previous page, still unloading after a reload). Without Web
/// Locks (insecure contexts, old browsers) the stored id is kept, as before.
pub fn claim_tab(then: impl FnOnce() + 'static) {
    use std::cell::RefCell;
    use std::rc::Rc;

    let stored = session().and_then(|s| s.get_item(TAB_KEY).ok().flatten());
    let (Some(locks), Some(stored)) = (lock_manager(), stored) else {
        // A new tab (a new id, held from now on), or no Web Locks (the
        // stored id, as before).
        let id = tab_id();
        if let Some(locks) = lock_manager() {
            let _ = request_lock(&locks, &lock_name(&id), true, |_| true);
        }
        return then();
    };
    // Settles the id (the first call wins) and mounts.
    let then: RefCell<Option<Box<dyn FnOnce()>>> = RefCell::new(Some(Box::new(then)));
    let settle: Rc<dyn Fn(String)> = Rc::new(move |id: String| {
        let _ = ID.set(id);
        let f = then.borrow_mut().take();
        if let Some(f) = f {
            f();
        }
    });
    let unsettled = || ID.get().is_none();
    // Whether the lock on `id`, just granted, is this page's to keep.
    let ours = |id: &str| ID.get().is_none_or(|own| own == id);

    let name = lock_name(&stored);
    let first = {
        let (settle, stored, name, locks) =
            (settle.clone(), stored.clone(), name.clone(), locks.clone());
        move |granted: bool| {
            if granted {
                let keep = ours(&stored);
                if unsettled() {
                    settle(stored);
                }
                return keep;
            }
            // Another live page holds this id: a copy of its tab, unless it
            // is this tab's previous page letting go after a reload.
            let late = {
                let (settle, stored) = (settle.clone(), stored.clone());
                move |granted: bool| {
                    let keep = granted && ours(&stored);
                    if keep && unsettled() {
                        settle(stored);
                    }
                    keep
                }
            };
            let copy = {
                let (settle, locks) = (settle.clone(), locks.clone());
                move || {
                    if unsettled() {
                        let id = new_tab_id();
                        let _ = request_lock(&locks, &lock_name(&id), true, |_| true);
                        settle(id);
                    }
                }
            };
            if request_lock(&locks, &name, false, late).is_err() {
                copy();
            } else {
                after_ms(RELOAD_GRACE_MS, copy);
            }
            false
        }
    };
    if request_lock(&locks, &name, true, first).is_err() {
        return settle(stored);
    }
    // The lock manager never answered: go on with the stored id.
    after_ms(CLAIM_WAIT_MS, move || {
        if unsettled() {
            settle(stored);
        }
    });
}

/// Run `f` once after `ms` milliseconds (at once if there is no window).
fn after_ms(ms: i32, f: impl FnOnce() + 'static) {
    use wasm_bindgen::JsCast;
    let Some(win) = web_sys::window() else {
        return f();
    };
    let cb = wasm_bindgen::closure::Closure::once_into_js(f);
    let _ = win.set_timeout_with_callback_and_timeout_and_arguments_0(cb.unchecked_ref(), ms);
}

/// This tab's checkpoint key.
pub fn own_key() -> String {
    format!("{PREFIX}{}", tab_id())
}

fn problem(e: &wasm_bindgen::JsValue) -> CheckpointProblem {
    let name = js_sys::Reflect::get(e, &"name".into())
        .ok()
        .and_then(|n| n.as_string())
        .unwrap_or_default();
    if name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED" {
        CheckpointProblem::Full
    } else {
        CheckpointProblem::Other
    }
}

/// Write this tab's checkpoint with a fresh heartbeat.
pub fn save(cp: &Checkpoint) -> Result<(), CheckpointProblem> {
    let storage = local().ok_or(CheckpointProblem::Unavailable)?;
    let text = serde_json::to_string(&Envelope {
        heartbeat_ms: js_sys::Date::now(),
        checkpoint: cp,
    })
    .map_err(|_| CheckpointProblem::Other)?;
    storage.set_item(&own_key(), &text).map_err(|e| problem(&e))
}

/// Forget a checkpoint (after its walk is saved or discarded).
pub fn clear(slot: &CheckpointSlot) {
    if let Some(s) = local() {
        let key = match slot {
            CheckpointSlot::Own => own_key(),
            CheckpointSlot::Other(k) => k.clone(),
        };
        let _ = s.remove_item(&key);
    }
}

/// What one stored checkpoint turned out to be.
enum Read {
    Offer(Box<Unfinished>),
    /// Another tab's live walk.
    Live,
    Unreadable,
}

fn read(key: &str, text: &str, own: bool, now_ms: f64) -> Read {
    let unfinished = |heartbeat_ms: f64, checkpoint: Checkpoint| {
        Read::Offer(Box::new(Unfinished {
            key: key.to_string(),
            own,
            heartbeat_ms,
            checkpoint,
        }))
    };
    if key == LEGACY_KEY {
        // Older versions stored the bare checkpoint on epoch seconds.
        return match serde_json::from_str::<Checkpoint>(text) {
            Ok(cp) => {
                let hb = cp.session.now() * 1000.0;
                if is_unfinished(false, hb, now_ms) {
                    unfinished(hb, cp)
                } else {
                    Read::Live
                }
            }
            Err(_) => Read::Unreadable,
        };
    }
    match serde_json::from_str::<Envelope<Checkpoint>>(text) {
        Ok(env) if is_unfinished(own, env.heartbeat_ms, now_ms) => {
            unfinished(env.heartbeat_ms, env.checkpoint)
        }
        Ok(_) => Read::Live,
        // Unreadable, unless a live tab's (perhaps a newer version): never touched.
        Err(_) => match serde_json::from_str::<Beat>(text) {
            Ok(b) if !is_unfinished(own, b.heartbeat_ms, now_ms) => Read::Live,
            _ => Read::Unreadable,
        },
    }
}

/// The walks of closed pages (this tab's after a reload, closed tabs', the
/// old single key), and a notice to show: an unreadable checkpoint was
/// copied to a backup key (its original is then free to be overwritten), or
/// could not be copied.
pub fn scan() -> (Vec<Unfinished>, Option<Notice>) {
    let Some(storage) = local() else {
        return (Vec::new(), None);
    };
    let own = own_key();
    let now_ms = js_sys::Date::now();
    let keys: Vec<String> = (0..storage.length().unwrap_or(0))
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|k| k == LEGACY_KEY || k.starts_with(PREFIX))
        .collect();
    let mut found = Vec::new();
    let mut problem = None;
    for key in keys {
        let Some(text) = storage.get_item(&key).ok().flatten() else {
            continue;
        };
        match read(&key, &text, key == own, now_ms) {
            Read::Offer(u) => found.push(*u),
            Read::Live => {}
            Read::Unreadable => {
                let backup = format!("{BACKUP_PREFIX}{key}");
                if storage.set_item(&backup, &text).is_ok() {
                    if key != own {
                        // A closed tab's, kept in the copy.
                        let _ = storage.remove_item(&key);
                    }
                    problem = Some(Notice::UnreadableCheckpointKept);
                } else {
                    problem = Some(Notice::Checkpoint(CheckpointProblem::Full));
                }
            }
        }
    }
    (found, problem)
}
