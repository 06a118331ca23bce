//! Asking the browser to keep Loopwalk's storage
//! (`navigator.storage.persist()`) once there is something worth keeping:
//! the first saved walk. The answer is kept in `settings.persist_granted`.
//!
//! Asked a moment after the need arises, not at once: keeping the answer
//! writes the whole store, which at start-up (nothing written yet, so every
//! walk is formatted) took ~70 ms at 4x CPU slowdown with 2,000 walks, just
//! when the first screen is being drawn.

use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::platform::storage;
use crate::ui::state::app_state;

/// How long after the first walk is there (or after start-up) the browser
/// is asked.
const ASK_AFTER: Duration = Duration::from_secs(2);

/// Install an effect that asks for persistent storage once the store holds
/// at least one walk and the question has not been answered yet. At most
/// one request per mounted component; where the API is missing nothing is
/// recorded (the status then says "not known").
pub fn ask_for_persistence_after_first_walk() {
    let state = app_state();
    let asked = StoredValue::new(false);
    Effect::new(move |_| {
        let d = state.derived;
        let wanted =
            d.walks.with(|w| !w.is_empty()) && d.settings.with(|s| s.persist_granted.is_none());
        if !wanted || asked.get_value() {
            return;
        }
        asked.set_value(true);
        let ask = move || {
            spawn_local(async move {
                if let Some(granted) = storage::request_persist().await {
                    state.update_store(|s| s.settings.persist_granted = Some(granted));
                }
            })
        };
        set_timeout(ask, ASK_AFTER);
    });
}
