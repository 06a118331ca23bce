//! Settings section: Your data.

use leptos::prelude::*;

/// Export, import and storage status.
#[component]
pub fn DataSettings() -> impl IntoView {
    view! {
        <section class="card" aria-labelledby="settings-data">
            <h2 id="settings-data">"Your data"</h2>
        </section>
    }
}
