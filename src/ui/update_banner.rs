//! "New version ready" offer.

use leptos::prelude::*;

use crate::platform::sw;
use crate::ui::state::app_state;

/// Offers to reload when a new version is waiting. Never shown during a walk:
/// the new version waits until the walk is saved or discarded.
#[component]
pub fn UpdateBanner() -> impl IntoView {
    let state = app_state();
    let show = move || state.update_ready.get() && !state.walk_active.get();
    view! {
        <Show when=show>
            <div class="banner" role="status">
                <span>"New version ready"</span>
                <button class="btn" on:click=move |_| sw::activate_waiting()>
                    "Reload"
                </button>
            </div>
        </Show>
    }
}
