//! The Settings screen.

use leptos::prelude::*;

use crate::ui::care::report::CareReport;
use crate::ui::care::urgent_help::UrgentHelp;
use crate::ui::install::{install_section::InstallSection, safari_storage::SafariStorageNote};
use crate::ui::route::use_sub;
use crate::ui::settings::{
    care::CareSettings, country::CountrySetting, data::DataSettings, walking::WalkingSettings,
};

/// Preferences, data and safety information; on `#/settings/urgent` the
/// "When to get help urgently" page and on `#/settings/report` the printable
/// summary instead.
#[component]
pub fn SettingsScreen() -> impl IntoView {
    let sub = use_sub();
    move || match sub.get().as_str() {
        "urgent" => view! { <UrgentHelp/> }.into_any(),
        "report" => view! { <CareReport/> }.into_any(),
        _ => view! { <SettingsSections/> }.into_any(),
    }
}

#[component]
fn SettingsSections() -> impl IntoView {
    view! {
        <div class="settings">
            <WalkingSettings/>
            <CareSettings/>
            <crate::ui::settings::cues::CueSettings/>
            <crate::ui::settings::reminder::ReminderSettings/>
            <CountrySetting/>
            <InstallSection/>
            <SafariStorageNote/>
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
