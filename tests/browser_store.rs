//! In-browser tests (wasm-bindgen-test in headless Chromium) for "never
//! lose a walk" on the storage side (issue 12, items 3 and 6): a walk whose
//! save fails is kept in the pending list, survives a reload, is retried at
//! start-up and on the next save, and is in every export; the walker is
//! warned before the storage is full; a stored walk with an impossible date
//! no longer stops the app. Run by `scripts/test.sh browser`.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use wasm_bindgen_test::*;

use loopwalk::domain::record::Steps;
use loopwalk::domain::store::{backup_json, load};
use loopwalk::platform::storage::{
    self, StorageError, PENDING_KEY, QUOTA_CHARS, STORE_KEY, WARN_AT,
};
use loopwalk::ui::route::Tab;
use loopwalk::ui::state::{AppState, SaveOutcome, StoreStatus};

mod support;
use support::{fill_storage, local, walk};

wasm_bindgen_test_configure!(run_in_browser);

/// A "reload": a fresh app state read from storage, in its own owner.
fn reload<T>(f: impl FnOnce(AppState) -> T) -> T {
    Owner::new().with(|| f(AppState::load(Tab::Walk)))
}

fn ids(state: &AppState) -> Vec<String> {
    state
        .store
        .with_untracked(|s| s.walks.iter().map(|w| w.id.0.clone()).collect())
}

#[wasm_bindgen_test]
fn a_walk_saved_while_the_store_is_unreadable_is_pending_survives_a_reload_and_is_exported() {
    local().clear().unwrap();
    // Another tab, on a newer version, wrote a store this one cannot read.
    let newer = r#"{"version":3,"walks":"in a new shape"}"#;
    local().set_item(STORE_KEY, newer).unwrap();
    reload(|state| {
        assert!(matches!(
            state.store_status.get_untracked(),
            StoreStatus::Unreadable { .. }
        ));
        let outcome = state.save_walk(walk("w1", "2026-03-01T09:00:00Z", 1001));
        assert_eq!(
            outcome,
            Ok(SaveOutcome::Pending(StorageError::UnreadableDataProtected))
        );
        assert_eq!(state.pending_walks.get_untracked(), 1);
    });
    assert_eq!(
        local().get_item(STORE_KEY).unwrap().as_deref(),
        Some(newer),
        "the unreadable data is untouched"
    );
    // After a reload the walk is still there, shown and exported.
    reload(|state| {
        assert_eq!(ids(&state), ["w1"]);
        assert_eq!(state.pending_walks.get_untracked(), 1);
        let backup = state
            .store
            .with_untracked(|s| backup_json(s, chrono::Utc::now()));
        assert_eq!(load(&backup).unwrap().walks[0].steps, Steps(1001));
        // The walker exported the unreadable data and starts afresh: the
        // pending walk goes into the new store and the list is cleared.
        assert_eq!(state.replace_unreadable(), Ok(()));
        assert_eq!(state.pending_walks.get_untracked(), 0);
    });
    assert_eq!(local().get_item(PENDING_KEY).unwrap(), None);
    let stored = load(&local().get_item(STORE_KEY).unwrap().unwrap()).unwrap();
    assert_eq!(stored.walks.len(), 1);
    local().clear().unwrap();
}

#[wasm_bindgen_test]
fn a_pending_walk_is_stored_at_the_next_start_up() {
    local().clear().unwrap();
    reload(|state| {
        assert_eq!(
            state.save_walk(walk("a", "2026-03-01T09:00:00Z", 500)),
            Ok(SaveOutcome::Saved)
        );
    });
    // A walk left in the pending list by an earlier failed save.
    let pending = serde_json::to_string(&[walk("p", "2026-03-02T09:00:00Z", 700)]).unwrap();
    local().set_item(PENDING_KEY, &pending).unwrap();
    reload(|state| {
        assert_eq!(ids(&state), ["a", "p"]);
        assert_eq!(state.pending_walks.get_untracked(), 0, "stored at start-up");
        assert_eq!(state.store_status.get_untracked(), StoreStatus::Ok);
    });
    assert_eq!(local().get_item(PENDING_KEY).unwrap(), None);
    let stored = load(&local().get_item(STORE_KEY).unwrap().unwrap()).unwrap();
    assert_eq!(stored.walks.len(), 2);
    local().clear().unwrap();
}

#[wasm_bindgen_test]
fn a_pending_walk_is_stored_by_the_next_save_once_there_is_room() {
    local().clear().unwrap();
    reload(|state| {
        state
            .save_walk(walk("a", "2026-03-01T09:00:00Z", 500))
            .unwrap();
        let pending = serde_json::to_string(&[walk("p", "2026-03-02T09:00:00Z", 700)]).unwrap();
        local().set_item(PENDING_KEY, &pending).unwrap();
        // Any later save (here: a setting) takes it in.
        state.update_store(|s| s.settings.tips = false);
        assert_eq!(ids(&state), ["a", "p"]);
        assert_eq!(state.pending_walks.get_untracked(), 0);
    });
    assert_eq!(local().get_item(PENDING_KEY).unwrap(), None);
    local().clear().unwrap();
}

#[wasm_bindgen_test]
fn storage_full_with_no_room_even_for_the_pending_list_is_memory_only() {
    local().clear().unwrap();
    reload(|state| {
        state
            .save_walk(walk("a", "2026-03-01T09:00:00Z", 500))
            .unwrap();
        let before = local().get_item(STORE_KEY).unwrap();
        let filler = fill_storage();
        let outcome = state.save_walk(walk("b", "2026-03-02T09:00:00Z", 4000));
        assert_eq!(outcome, Ok(SaveOutcome::MemoryOnly(StorageError::Quota)));
        assert_eq!(ids(&state), ["a", "b"], "still in memory");
        assert_eq!(local().get_item(STORE_KEY).unwrap(), before);
        // The walker is warned that the space is (nearly) used up.
        let used = state.space_used.get_untracked().unwrap();
        assert!(used >= WARN_AT, "{used}");
        for k in &filler {
            local().remove_item(k).unwrap();
        }
        assert_eq!(state.save(), Ok(()));
    });
    local().clear().unwrap();
}

#[wasm_bindgen_test]
fn the_walker_is_warned_at_eighty_percent_of_the_quota_before_saving_fails() {
    local().clear().unwrap();
    // ~82% of the quota used by other data: saving still works...
    let filler = "x".repeat(QUOTA_CHARS * 82 / 100);
    local().set_item("other", &filler).unwrap();
    reload(|state| {
        assert_eq!(
            state.save_walk(walk("a", "2026-03-01T09:00:00Z", 500)),
            Ok(SaveOutcome::Saved)
        );
        // ...and the warning is up.
        assert!(state.space_used.get_untracked().unwrap() >= WARN_AT);
    });
    local().remove_item("other").unwrap();
    reload(|state| assert!(state.space_used.get_untracked().unwrap() < 0.1));
    local().clear().unwrap();
}

#[wasm_bindgen_test]
fn a_stored_walk_dated_year_262142_no_longer_stops_the_app() {
    local().clear().unwrap();
    let text = r#"{"version":2,"walks":[
        {"id":"ok","started_at":"2026-03-01T09:00:00Z","utc_offset_min":60,"duration_s":600.0,"active_s":600.0,"steps":900},
        {"id":"far","started_at":"+262142-01-01T00:00:00Z","utc_offset_min":0,"duration_s":600.0,"active_s":600.0,"steps":9}]}"#;
    local().set_item(STORE_KEY, text).unwrap();
    reload(|state| {
        assert_eq!(ids(&state), ["ok"]);
        assert_eq!(state.store.with_untracked(|s| s.quarantine.len()), 1);
        // Saving keeps the quarantined record in storage.
        state.update_store(|s| s.settings.tips = false);
    });
    let stored = load(&local().get_item(STORE_KEY).unwrap().unwrap()).unwrap();
    assert_eq!(stored.quarantine.len(), 1);
    assert!(stored.quarantine[0].to_string().contains("262142"));
    let _ = storage::raw_text();
    local().clear().unwrap();
}

#[wasm_bindgen_test]
async fn a_pending_walk_is_shown_to_the_walker() {
    local().clear().unwrap();
    local().set_item(STORE_KEY, r#"{"version":3}"#).unwrap();
    let pending = serde_json::to_string(&[walk("p", "2026-03-02T09:00:00Z", 700)]).unwrap();
    local().set_item(PENDING_KEY, &pending).unwrap();
    let doc = web_sys::window().unwrap().document().unwrap();
    let host: web_sys::HtmlElement =
        wasm_bindgen::JsCast::unchecked_into(doc.create_element("div").unwrap());
    doc.body().unwrap().append_child(&host).unwrap();
    let handle = leptos::mount::mount_to(host.clone(), loopwalk::ui::app::App);
    leptos::task::tick().await;
    let text = host
        .query_selector(".pending-walks")
        .unwrap()
        .map(|e| e.text_content().unwrap_or_default())
        .unwrap_or_default();
    assert!(text.contains("1 walk waiting to be stored"), "{text}");
    drop(handle);
    host.remove();
    local().clear().unwrap();
}

#[wasm_bindgen_test]
fn a_pending_walk_the_history_refuses_stays_in_the_list() {
    local().clear().unwrap();
    let odd = walk("old", "1990-03-02T09:00:00Z", 700);
    let pending = serde_json::to_string(&[odd]).unwrap();
    local().set_item(PENDING_KEY, &pending).unwrap();
    reload(|state| {
        assert!(ids(&state).is_empty(), "out of range: not in the history");
        state.update_store(|s| s.settings.tips = false);
        assert_eq!(state.pending_walks.get_untracked(), 1, "still waiting");
    });
    assert_eq!(
        local().get_item(PENDING_KEY).unwrap().as_deref(),
        Some(pending.as_str()),
        "never dropped"
    );
    local().clear().unwrap();
}
