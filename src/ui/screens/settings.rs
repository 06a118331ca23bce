//! The Settings screen.

use leptos::prelude::*;

/// Preferences, data and safety information.
#[component]
pub fn SettingsScreen() -> impl IntoView {
    view! {
        <section class="settings">
            <div class="card">
                <h2>"Your data"</h2>
                <p class="muted">"Everything stays on this phone. Nothing is sent anywhere."</p>
            </div>
            <div class="card">
                <h2>"About"</h2>
                <p class="muted">"Loopwalk is a walking companion, not medical advice. If your pain is severe or follows an injury, check with a doctor before you start."</p>
            </div>
        </section>
    }
}
