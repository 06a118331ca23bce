//! Asking the browser to keep Loopwalk's storage
//! (`navigator.storage.persist()`) once there is something worth keeping:
//! the first saved walk. The answer is kept in `settings.persist_granted`.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::platform::storage;
use crate::ui::state::app_state;

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
        spawn_local(async move {
            if let Some(granted) = storage::request_persist().await {
                state.update_store(|s| s.settings.persist_granted = Some(granted));
            }
        });
    });
}
