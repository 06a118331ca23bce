//! Settings section: Back care.

use leptos::prelude::*;

/// Pain check-ins, flare-up mode, safety information.
#[component]
pub fn CareSettings() -> impl IntoView {
    view! {
        <section class="card" aria-labelledby="settings-care">
            <h2 id="settings-care">"Back care"</h2>
        </section>
    }
}
