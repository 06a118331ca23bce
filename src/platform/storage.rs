//! localStorage adapter for the [`Store`]: load, save, back up unreadable
//! data, follow other tabs, ask for persistent storage.
//!
//! The main key is [`STORE_KEY`]. If its text cannot be read, it is copied
//! to a backup key ([`BACKUP_PREFIX`]`<ms timestamp>`) and left untouched:
//! [`save_store`] refuses to overwrite it until the walker decides (export it
//! with [`raw_text`], then [`replace_unreadable`]).
//!
//! Every localStorage key of the app but the walk checkpoint's is read and
//! written here: the store, the backups of unreadable data, the pending
//! list ([`PENDING_KEY`], walks whose save failed) and the date of the last
//! export ([`LAST_EXPORT_KEY`]).
//!
//! All access goes through `window().local_storage()`, which reports
//! unavailable storage (private modes, disabled site data) as a value. The
//! `gloo-storage` `LocalStorage` helpers are not used: every one of them
//! goes through `LocalStorage::raw()`, which panics in exactly that case,
//! and they parse JSON themselves, whereas the raw text is needed here to
//! back up and export data that does not parse.

use std::future::Future;

use thiserror::Error;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::domain::record::WalkRecord;
use crate::domain::recorder::StoreProblem;
use crate::domain::sort::sort_by;
use crate::domain::store::{load, try_to_json, try_to_json_cached, JsonCache, LoadError, Store};

/// localStorage key of the store.
pub const STORE_KEY: &str = "loopwalk.v2";
/// Keys an earlier app version wrote its store under, tried in order when
/// [`STORE_KEY`] is absent. Their content is migrated on load and never
/// removed.
pub const LEGACY_KEYS: [&str; 1] = ["loopwalk.v1"];
/// Prefix of the keys holding copies of unreadable store text.
pub const BACKUP_PREFIX: &str = "loopwalk.backup.";
/// Key of the pending list: a JSON array of walks whose save into the
/// store failed. Kept until a later save stores them.
pub const PENDING_KEY: &str = "loopwalk.pending";
/// Key remembering the date of the last export, so the "export early" hint
/// goes away once the walker has made one.
pub const LAST_EXPORT_KEY: &str = "loopwalk.last_export";
/// What one origin may keep in localStorage, in characters: about 5 Mi in
/// every current browser (Chromium counts 10 MiB of UTF-16).
pub const QUOTA_CHARS: usize = 5 * 1024 * 1024;
/// Share of [`QUOTA_CHARS`] from which the walker is warned.
pub const WARN_AT: f64 = 0.8;

/// What [`load_store`] found.
#[derive(Debug, Clone, PartialEq)]
// Made once per load and moved straight into the app state: boxing the
// store would only add an allocation.
#[allow(clippy::large_enum_variant)]
pub enum LoadOutcome {
    /// Nothing stored yet: first run (or storage was cleared).
    Fresh,
    /// The store, migrated to the current version if it was older.
    Loaded(Store),
    /// Text is stored but cannot be read. It has not been changed; a copy
    /// was saved under `backup_key` when there was room for one. Offer the
    /// walker to export `raw` before anything else.
    Unreadable {
        raw: String,
        error: LoadError,
        backup_key: Option<String>,
    },
    /// localStorage cannot be used (private mode, site data blocked).
    /// Nothing will be kept after the page closes: tell the walker.
    Unavailable,
}

/// Why saving failed. Messages are written for the walker.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum StorageError {
    #[error("The phone's storage for Loopwalk is full. Export a backup, then free some space.")]
    Quota,
    #[error("Loopwalk cannot use this browser's storage (private browsing or blocked site data), so walks will not be kept.")]
    Unavailable,
    #[error("Loopwalk could not prepare its data for saving ({0}).")]
    Serialize(String),
    #[error("Saved data could not be read, so it was not overwritten. Export it or choose to start again.")]
    UnreadableDataProtected,
    #[error("The browser accepted the data but did not give it back unchanged, so it is not counted as saved.")]
    NotReadBack,
}

impl From<&StorageError> for StoreProblem {
    /// What the walk recorder needs to know of a failed write.
    fn from(e: &StorageError) -> Self {
        match e {
            StorageError::Quota => Self::Full,
            StorageError::Unavailable => Self::Unavailable,
            StorageError::UnreadableDataProtected => Self::Protected,
            StorageError::Serialize(_) | StorageError::NotReadBack => Self::Other,
        }
    }
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn get(storage: &web_sys::Storage, key: &str) -> Option<String> {
    storage.get_item(key).ok().flatten()
}

#[wasm_bindgen]
extern "C" {
    /// `Storage` whose values stay JS strings (never copied into wasm).
    #[wasm_bindgen(js_name = Storage)]
    type JsStorage;
    #[wasm_bindgen(method, catch, js_name = getItem)]
    fn get_js(this: &JsStorage, key: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, catch, js_name = setItem)]
    fn set_js(this: &JsStorage, key: &str, value: &JsValue) -> Result<(), JsValue>;
}

fn js(storage: &web_sys::Storage) -> &JsStorage {
    storage.unchecked_ref()
}

/// Store text as JavaScript holds it: what this tab last wrote or read
/// under [`STORE_KEY`]. Kept on the JS side, so telling whether storage
/// still holds it is one string comparison in the browser, and the half a
/// megabyte of a long history is not copied into wasm on every save.
#[derive(Debug, Clone, PartialEq)]
pub struct StoreText(JsValue);

/// The text under [`STORE_KEY`] now, left on the JS side. `None` when
/// nothing is stored or storage is unavailable.
pub fn store_text() -> Option<StoreText> {
    let value = js(&local_storage()?).get_js(STORE_KEY).ok()?;
    value.is_string().then_some(StoreText(value))
}

fn now_ms() -> u64 {
    js_sys::Date::now().max(0.0) as u64
}

/// Map a `setItem` exception to a [`StorageError`] by its DOMException name.
fn write_error(err: &JsValue) -> StorageError {
    let name = js_sys::Reflect::get(err, &JsValue::from_str("name"))
        .ok()
        .and_then(|n| n.as_string())
        .unwrap_or_default();
    match name.as_str() {
        // Firefox used its own name before adopting the standard one.
        "QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED" => StorageError::Quota,
        _ => StorageError::Unavailable,
    }
}

/// Copy `raw` to a new backup key unless an identical copy exists. Returns
/// the key holding the copy, or `None` if it could not be written.
fn back_up(storage: &web_sys::Storage, raw: &str) -> Option<String> {
    let len = storage.length().unwrap_or(0);
    for i in 0..len {
        if let Some(key) = storage.key(i).ok().flatten() {
            if key.starts_with(BACKUP_PREFIX) && get(storage, &key).as_deref() == Some(raw) {
                return Some(key);
            }
        }
    }
    let key = format!("{BACKUP_PREFIX}{}", now_ms());
    storage.set_item(&key, raw).ok().map(|()| key)
}

/// Read the store. Never panics and never writes the main key.
///
/// When the main key is absent, [`LEGACY_KEYS`] are tried. Unreadable text
/// is copied to a backup key (once) and reported with its error.
pub fn load_store() -> LoadOutcome {
    let Some(storage) = local_storage() else {
        return LoadOutcome::Unavailable;
    };
    let raw = std::iter::once(STORE_KEY)
        .chain(LEGACY_KEYS)
        .find_map(|key| get(&storage, key));
    let Some(raw) = raw else {
        return LoadOutcome::Fresh;
    };
    match load(&raw) {
        Ok(store) => LoadOutcome::Loaded(store),
        Err(error) => {
            let backup_key = back_up(&storage, &raw);
            LoadOutcome::Unreadable {
                raw,
                error,
                backup_key,
            }
        }
    }
}

/// The stored text exactly as it is (for exporting data that does not
/// load). `None` if nothing is stored or storage is unavailable.
pub fn raw_text() -> Option<String> {
    let storage = local_storage()?;
    get(&storage, STORE_KEY)
}

/// The text under [`STORE_KEY`] if it is not `known` (another tab saved
/// since), copied into wasm to be parsed, with its [`StoreText`]. `None`
/// when storage still holds `known`, holds nothing, or is unavailable.
pub fn changed_text(known: Option<&StoreText>) -> Option<(String, StoreText)> {
    let current = store_text()?;
    if known == Some(&current) {
        return None;
    }
    Some((current.0.as_string()?, current))
}

/// Save the store under [`STORE_KEY`]: written, then read back and
/// compared, so `Ok` means it is on the phone. Returns the text written.
///
/// Refuses ([`StorageError::UnreadableDataProtected`]) while the key holds
/// text that does not load, so unreadable data (e.g. written by a newer
/// version in another tab) is never overwritten by accident; use
/// [`replace_unreadable`] once the walker has decided. `known` is the text
/// this tab last wrote or merged: when the key still holds it, it is known
/// to load and is not parsed again (no parse per save). `cache` holds the
/// JSON of the walks written last time, so only changed walks are
/// formatted again. Write on a throttle (end of walk, after edits), not
/// continuously.
pub fn save_store(
    store: &Store,
    known: Option<&StoreText>,
    cache: &mut JsonCache,
) -> Result<StoreText, StorageError> {
    let storage = local_storage().ok_or(StorageError::Unavailable)?;
    if let Some((current, _)) = changed_text(known) {
        if load(&current).is_err() {
            return Err(StorageError::UnreadableDataProtected);
        }
    }
    write(&storage, try_to_json_cached(store, cache))
}

/// Overwrite unreadable stored data with `store`, after the walker chose to
/// (having been offered an export of [`raw_text`]). A backup copy is made
/// first when there is room for one.
pub fn replace_unreadable(store: &Store) -> Result<StoreText, StorageError> {
    let storage = local_storage().ok_or(StorageError::Unavailable)?;
    if let Some(current) = get(&storage, STORE_KEY) {
        if load(&current).is_err() {
            back_up(&storage, &current);
        }
    }
    write(&storage, try_to_json(store))
}

fn write(
    storage: &web_sys::Storage,
    text: Result<String, serde_json::Error>,
) -> Result<StoreText, StorageError> {
    let text = text.map_err(|e| StorageError::Serialize(e.to_string()))?;
    write_verified(storage, STORE_KEY, &text).map(StoreText)
}

/// `setItem`, then `getItem` and compare the whole text read back with the
/// text written (both as JS strings: the comparison runs in the browser,
/// and nothing is copied back into wasm). Returns the JS string written.
fn write_verified(
    storage: &web_sys::Storage,
    key: &str,
    text: &str,
) -> Result<JsValue, StorageError> {
    let text = JsValue::from_str(text);
    js(storage)
        .set_js(key, &text)
        .map_err(|e| write_error(&e))?;
    match js(storage).get_js(key) {
        Ok(back) if back == text => Ok(text),
        _ => Err(StorageError::NotReadBack),
    }
}

/// The pending list: walks whose save failed, oldest first. Empty when
/// there is none or it cannot be read (an unreadable list is left as it is
/// and never overwritten by [`save_pending`]).
pub fn load_pending() -> Vec<WalkRecord> {
    local_storage()
        .and_then(|s| get(&s, PENDING_KEY))
        .and_then(|t| read_walks(&t))
        .unwrap_or_default()
}

/// A list of walks from JSON text, read as the store reads its walks
/// (straight from the text), so the wasm carries one walk reader, not two.
fn read_walks(text: &str) -> Option<Vec<WalkRecord>> {
    serde_json::from_str(text).ok()
}

/// Write the pending list (written and read back), or remove the key when
/// `walks` is empty.
pub fn save_pending(walks: &[WalkRecord]) -> Result<(), StorageError> {
    let storage = local_storage().ok_or(StorageError::Unavailable)?;
    if let Some(current) = get(&storage, PENDING_KEY) {
        if read_walks(&current).is_none() {
            back_up(&storage, &current);
        }
    }
    if walks.is_empty() {
        storage
            .remove_item(PENDING_KEY)
            .map_err(|_| StorageError::Unavailable)?;
        return match get(&storage, PENDING_KEY) {
            None => Ok(()),
            Some(_) => Err(StorageError::NotReadBack),
        };
    }
    let text = serde_json::to_string(walks).map_err(|e| StorageError::Serialize(e.to_string()))?;
    write_verified(&storage, PENDING_KEY, &text).map(drop)
}

/// Characters Loopwalk's origin holds in localStorage (keys and values, in
/// UTF-16 code units, as browsers count the quota). The values are
/// measured on the JS side, never copied into wasm. `None` when storage is
/// unavailable.
pub fn used_chars() -> Option<usize> {
    let storage = local_storage()?;
    let mut total = 0;
    for i in 0..storage.length().unwrap_or(0) {
        if let Some(key) = storage.key(i).ok().flatten() {
            let len = js(&storage)
                .get_js(&key)
                .ok()
                .and_then(|v| v.dyn_into::<js_sys::JsString>().ok())
                .map_or(0, |v| v.length() as usize);
            total += key.encode_utf16().count() + len;
        }
    }
    Some(total)
}

/// The date of the last export (`YYYY-MM-DD`), if one was recorded.
pub fn last_export() -> Option<String> {
    get(&local_storage()?, LAST_EXPORT_KEY)
}

/// Record the date of an export. `false` when it could not be recorded
/// (then the export hint keeps showing, which is the safe side).
pub fn record_export(iso_date: &str) -> bool {
    local_storage().is_some_and(|s| s.set_item(LAST_EXPORT_KEY, iso_date).is_ok())
}

/// Keys of the backups of unreadable data, oldest first.
pub fn backup_keys() -> Vec<String> {
    let Some(storage) = local_storage() else {
        return Vec::new();
    };
    let mut keys: Vec<String> = (0..storage.length().unwrap_or(0))
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|k| k.starts_with(BACKUP_PREFIX))
        .collect();
    let stamp = |k: &String| k[BACKUP_PREFIX.len()..].parse::<u64>().unwrap_or(0);
    sort_by(&mut keys, |a, b| stamp(a).cmp(&stamp(b)));
    keys
}

/// A `storage` event listener; removed when this handle is dropped. Holds
/// JS handles, so it is not `Send`: to drop it from Leptos `on_cleanup`,
/// wrap it in `send_wrapper::SendWrapper`.
pub struct StoreListener {
    target: Option<Attached>,
}

impl Drop for StoreListener {
    fn drop(&mut self) {
        if let Some((window, closure)) = self.target.take() {
            let _ = window
                .remove_event_listener_with_callback("storage", closure.as_ref().unchecked_ref());
        }
    }
}

/// Call `cb` with the new store whenever another tab saves one. (Browsers
/// fire `storage` only in the *other* tabs.) Merge it into this tab's
/// store with [`merge`](crate::domain::store::merge). Writes that do not
/// load are ignored.
pub fn on_store_changed(cb: impl Fn(Store) + 'static) -> StoreListener {
    let Some(window) = web_sys::window() else {
        return StoreListener { target: None };
    };
    let closure =
        Closure::<dyn FnMut(web_sys::StorageEvent)>::new(move |e: web_sys::StorageEvent| {
            if e.key().as_deref() != Some(STORE_KEY) {
                return;
            }
            if let Some(store) = e.new_value().and_then(|text| load(&text).ok()) {
                cb(store);
            }
        });
    let added = window
        .add_event_listener_with_callback("storage", closure.as_ref().unchecked_ref())
        .is_ok();
    StoreListener {
        target: added.then_some((window, closure)),
    }
}

/// The `storage` listener and the window it is attached to.
type Attached = (web_sys::Window, Closure<dyn FnMut(web_sys::StorageEvent)>);

/// Call `navigator.storage.<method>()` if the browser has it.
fn storage_manager_call(method: &str) -> Option<js_sys::Promise> {
    let navigator = web_sys::window()?.navigator();
    let manager = js_sys::Reflect::get(&navigator, &JsValue::from_str("storage")).ok()?;
    if manager.is_undefined() || manager.is_null() {
        return None;
    }
    let f: js_sys::Function = js_sys::Reflect::get(&manager, &JsValue::from_str(method))
        .ok()?
        .dyn_into()
        .ok()?;
    f.call0(&manager).ok()?.dyn_into().ok()
}

/// Ask the browser to keep Loopwalk's storage even under storage pressure
/// (`navigator.storage.persist()`). `Some(granted)`, or `None` where the
/// API is missing or fails (e.g. older Safari). Store the answer in
/// [`Settings::persist_granted`](crate::domain::settings::Settings).
pub fn request_persist() -> impl Future<Output = Option<bool>> {
    persist_call("persist")
}

fn persist_call(method: &'static str) -> impl Future<Output = Option<bool>> {
    let pending = storage_manager_call(method).map(JsFuture::from);
    async move { pending?.await.ok()?.as_bool() }
}

#[cfg(all(test, target_arch = "wasm32"))]
mod tests {
    use super::*;
    use crate::domain::store::to_json;
    use std::cell::RefCell;
    use std::rc::Rc;
    use wasm_bindgen_test::*;

    wasm_bindgen_test_configure!(run_in_browser);

    fn clear() {
        let s = local_storage().unwrap();
        s.clear().unwrap();
    }

    #[wasm_bindgen_test]
    fn fresh_then_saved_then_loaded() {
        clear();
        assert_eq!(load_store(), LoadOutcome::Fresh);
        let mut store = Store::new();
        store.settings.height_cm = Some(170);
        let written = save_store(&store, None, &mut JsonCache::default()).unwrap();
        assert_eq!(Some(written), store_text());
        assert_eq!(load_store(), LoadOutcome::Loaded(store.clone()));
        assert_eq!(raw_text(), Some(to_json(&store)));
    }

    #[wasm_bindgen_test]
    fn unreadable_text_is_backed_up_once_and_never_overwritten() {
        clear();
        let s = local_storage().unwrap();
        s.set_item(STORE_KEY, "{\"version\":2,\"walks\":[").unwrap();
        let LoadOutcome::Unreadable {
            raw,
            error,
            backup_key,
        } = load_store()
        else {
            panic!("expected unreadable");
        };
        assert_eq!(error, LoadError::Truncated);
        let key = backup_key.unwrap();
        assert_eq!(get(&s, &key).as_deref(), Some(raw.as_str()));
        // Loading again does not make a second copy.
        let _ = load_store();
        assert_eq!(backup_keys(), vec![key]);
        // Saving is refused until the walker decides.
        assert_eq!(
            save_store(&Store::new(), None, &mut JsonCache::default()),
            Err(StorageError::UnreadableDataProtected)
        );
        assert_eq!(raw_text(), Some(raw));
        replace_unreadable(&Store::new()).unwrap();
        assert_eq!(load_store(), LoadOutcome::Loaded(Store::new()));
        clear();
    }

    #[wasm_bindgen_test]
    fn legacy_v1_key_is_migrated_on_load() {
        clear();
        let s = local_storage().unwrap();
        s.set_item(
            "loopwalk.v1",
            r#"{"version":1,"walks":[{"id":"a","start_ms":1767258000000,"steps":5,"seconds":60}]}"#,
        )
        .unwrap();
        let LoadOutcome::Loaded(store) = load_store() else {
            panic!("expected loaded");
        };
        assert_eq!(store.walks.len(), 1);
        clear();
    }

    #[wasm_bindgen_test]
    fn quota_is_reported_as_quota() {
        clear();
        let mut store = Store::new();
        store.settings.last_loop = Some(crate::domain::record::LoopId("x".repeat(6_000_000)));
        assert_eq!(
            save_store(&store, None, &mut JsonCache::default()),
            Err(StorageError::Quota)
        );
        clear();
    }

    #[wasm_bindgen_test]
    fn pending_list_round_trips_and_clears() {
        clear();
        assert!(load_pending().is_empty());
        let w = crate::domain::record::WalkRecord {
            id: crate::domain::record::WalkId("p1".into()),
            started_at: "2026-03-01T09:00:00Z".parse().unwrap(),
            utc_offset_min: 0,
            duration_s: 60.0,
            active_s: 60.0,
            steps: crate::domain::record::Steps(100),
            source: Default::default(),
            loop_id: None,
            rests: vec![],
            gaps: vec![],
            longest_nonstop_s: 60.0,
            pain_before: None,
            pain_after: None,
            edited: false,
            note: None,
        };
        save_pending(std::slice::from_ref(&w)).unwrap();
        assert_eq!(load_pending(), vec![w]);
        assert!(used_chars().unwrap() > PENDING_KEY.len());
        save_pending(&[]).unwrap();
        assert!(load_pending().is_empty());
        assert_eq!(get(&local_storage().unwrap(), PENDING_KEY), None);
        clear();
    }

    #[wasm_bindgen_test]
    async fn chromium_answers_a_persistence_request() {
        assert!(request_persist().await.is_some());
    }

    #[wasm_bindgen_test]
    fn listener_is_removed_on_drop() {
        let hits = Rc::new(RefCell::new(0));
        let h = hits.clone();
        let listener = on_store_changed(move |_| *h.borrow_mut() += 1);
        let fire = || {
            let init = web_sys::StorageEventInit::new();
            init.set_key(Some(STORE_KEY));
            init.set_new_value(Some("{\"version\":2}"));
            let e = web_sys::StorageEvent::new_with_event_init_dict("storage", &init).unwrap();
            web_sys::window().unwrap().dispatch_event(&e).unwrap();
        };
        fire();
        assert_eq!(*hits.borrow(), 1);
        drop(listener);
        fire();
        assert_eq!(*hits.borrow(), 1);
    }
}
