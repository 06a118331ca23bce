//! Once, gently, after the first saved walk: offer to install Loopwalk (and
//! on iPhone, say why it keeps the walks safe). Never shown again after it
//! has been shown once, nor when running installed.

use leptos::prelude::*;

use crate::platform::install::InstallWay;
use crate::ui::install::{
    install_button::InstallButton, install_state, safari_storage::SafariStorageNote,
    start_from_icon_text,
};
use crate::ui::state::app_state;

/// localStorage key: set once the offer has been shown.
pub const OFFERED_KEY: &str = "loopwalk.install_offered";

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn already_offered() -> bool {
    local_storage()
        .and_then(|s| s.get_item(OFFERED_KEY).ok().flatten())
        .is_some()
}

fn record_offered() {
    if let Some(s) = local_storage() {
        // If storage is full or blocked the offer may show once more: harmless.
        let _ = s.set_item(OFFERED_KEY, "1");
    }
}

/// The offer, for the Walk screen. Appears when the first walk is saved (or
/// on the next visit after it), stays until the walker closes it or leaves
/// the screen, and is then never shown again.
#[component]
pub fn InstallAfterFirstWalk() -> impl IntoView {
    let install = install_state();
    let state = app_state();
    let was_offered = already_offered();
    let closed = RwSignal::new(false);
    let offerable = move || {
        matches!(
            install.way.get(),
            InstallWay::Prompt | InstallWay::AppleSteps
        ) || install.just_installed.get()
    };
    let has_walk = Memo::new(move |_| state.store.with(|s| !s.walks.is_empty()));
    let visible =
        Memo::new(move |_| !was_offered && has_walk.get() && offerable() && !closed.get());
    Effect::new(move |_| {
        if visible.get() {
            record_offered();
        }
    });
    move || {
        visible.get().then(|| {
            let body = match (install.way.get(), install.just_installed.get()) {
                (_, true) => view! {
                    <p class="install-done" role="status" data-install="done">
                        <strong>"Loopwalk is installed. "</strong>
                        {start_from_icon_text(install.browser)}
                    </p>
                }
                .into_any(),
                (InstallWay::AppleSteps, _) => view! { <SafariStorageNote steps_open=true/> }.into_any(),
                _ => view! {
                    <p>"Put Loopwalk on your home screen, so your next walk starts in one tap, even without a connection."</p>
                    <InstallButton/>
                }
                .into_any(),
            };
            view! {
                <aside class="card install-offer" aria-label="Install Loopwalk" data-install-offer="">
                    {body}
                    <button class="btn outline" type="button" data-action="install-later" on:click=move |_| closed.set(true)>
                        "Not now"
                    </button>
                </aside>
            }
        })
    }
}
