//! iPhone/iPad Safari (not installed) deletes a website's saved data after 7
//! days without a visit; from the Home Screen it does not. Said plainly, with
//! the two ways out. Source: WebKit, "Full Third-Party Cookie Blocking and
//! More" (2020) and "Tracking Prevention in WebKit"; see docs/browsers.md.

use leptos::prelude::*;

use crate::domain::store::{backup_file_name, backup_json};
use crate::platform::download;
use crate::platform::install::InstallWay;
use crate::ui::install::{apple_steps::AppleSteps, install_state};
use crate::ui::state::app_state;

/// The 7-day warning with "Add to Home Screen" (shows the two steps) and
/// "Export a backup". Renders nothing outside iPhone/iPad Safari or when
/// running from the Home Screen.
#[component]
pub fn SafariStorageNote(
    /// Show the two Add-to-Home-Screen steps straight away (where no other
    /// install guidance is near).
    #[prop(optional)]
    steps_open: bool,
) -> impl IntoView {
    let install = install_state();
    let state = app_state();
    let show_steps = RwSignal::new(steps_open);
    let export_note = RwSignal::new(None::<String>);
    let export = move |_| {
        let text = state
            .store
            .with_untracked(|s| backup_json(s, chrono::Utc::now()));
        let name = backup_file_name(chrono::Local::now().date_naive());
        export_note.set(Some(
            match download::download_text(&name, "application/json", &text) {
                Ok(()) => {
                    format!("Backup saved as {name}. Keep it in Files or email it to yourself.")
                }
                Err(e) => e,
            },
        ));
    };
    move || {
        (install.way.get() == InstallWay::AppleSteps && !install.just_installed.get()).then(|| {
            view! {
                <div class="card safari-storage" role="note" data-safari-storage="">
                    <h2>"Keep your walks on this iPhone"</h2>
                    <p>
                        "Safari deletes what a website has saved, your walks included, after 7 days without a visit. "
                        "It does not do this for apps added to the Home Screen."
                    </p>
                    <p>"Add Loopwalk to your Home Screen, or export a backup now and then."</p>
                    <div class="actions">
                        <button
                            class="btn primary"
                            type="button"
                            data-action="show-apple-steps"
                            aria-expanded=move || show_steps.get().to_string()
                            on:click=move |_| show_steps.update(|s| *s = !*s)
                        >
                            "Add to Home Screen"
                        </button>
                        <button class="btn outline" type="button" data-action="export-backup" on:click=export>
                            "Export a backup"
                        </button>
                    </div>
                    {move || show_steps.get().then(|| view! { <AppleSteps/> })}
                    {move || export_note.get().map(|m| view! { <p class="muted" role="status">{m}</p> })}
                </div>
            }
        })
    }
}
