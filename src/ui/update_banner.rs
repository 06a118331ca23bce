//! "New version ready" offer.

use leptos::prelude::*;

use crate::platform::sw;
use crate::ui::state::app_state;

/// Offers to reload when a new version is waiting. Never shown while a walk
/// runs (`walk_running`, from the recorder's stage): the new version waits
/// until the walk is saved or discarded, and shows again once it is, or once
/// counting turned out impossible.
#[component]
pub fn UpdateBanner(#[prop(into)] walk_running: Signal<bool>) -> impl IntoView {
    let state = app_state();
    let show = move || state.update_ready.get() && !walk_running.get();
    view! {
        <Show when=show>
            <div class="banner" role="status">
                <span>"New version ready"</span>
                <button class="btn" on:click=move |_| sw::activate_waiting(move || !walk_running.get_untracked())>
                    "Reload"
                </button>
            </div>
        </Show>
    }
}
