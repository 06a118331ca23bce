//! The Settings screen.

use leptos::prelude::*;

use crate::ui::settings::{care::CareSettings, data::DataSettings, walking::WalkingSettings};

/// Preferences, data and safety information.
#[component]
pub fn SettingsScreen() -> impl IntoView {
    view! {
        <div class="settings">
            <WalkingSettings/>
            <CareSettings/>
            <DataSettings/>
            <section class="card" aria-labelledby="settings-about">
                <h2 id="settings-about">"About Loopwalk"</h2>
                <p class="muted">
                    "Loopwalk is a walking companion, not medical advice. If your pain is severe or follows an injury, check with a doctor before you start."
                </p>
                <p class="muted">"Everything stays on this phone. Nothing is sent anywhere."</p>
            </section>
        </div>
    }
}
