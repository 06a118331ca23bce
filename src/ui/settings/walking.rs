//! Settings section: Walking.

use leptos::prelude::*;

/// Height and step length for distance.
#[component]
pub fn WalkingSettings() -> impl IntoView {
    view! {
        <section class="card" aria-labelledby="settings-walking">
            <h2 id="settings-walking">"Walking"</h2>
        </section>
    }
}
