//! Settings section: install Loopwalk to the home screen. Hidden when
//! Loopwalk already runs installed.

use leptos::prelude::*;

use crate::platform::install::InstallWay;
use crate::ui::install::{
    apple_steps::AppleSteps, install_button::InstallButton, install_state, start_from_icon_text,
};

/// What installing gives the walker, and the way to do it in this browser.
#[component]
pub fn InstallSection() -> impl IntoView {
    let state = install_state();
    move || {
        let body = match (state.way.get(), state.just_installed.get()) {
            (InstallWay::Installed, _) => return None,
            (_, true) => view! {
                <p class="install-done" role="status" data-install="done">
                    <strong>"Loopwalk is installed. "</strong>
                    {start_from_icon_text(state.browser)}
                </p>
            }
            .into_any(),
            (InstallWay::Prompt, _) => view! { <InstallButton/> }.into_any(),
            (InstallWay::AppleSteps, _) => view! {
                <p>"In Safari:"</p>
                <AppleSteps/>
                <p class="muted">"Then start each walk from the new Loopwalk icon on your Home Screen: tap it, then Start walk."</p>
            }
            .into_any(),
            (InstallWay::BrowserMenu, _) => view! {
                <p class="muted" data-install="menu">
                    "Open your browser's menu and choose \"Install app\" or \"Add to Home screen\", where it offers one. Then start each walk from the Loopwalk icon."
                </p>
            }
            .into_any(),
        };
        Some(view! {
            <section class="card install-section" aria-labelledby="settings-install" data-install-section="">
                <h2 id="settings-install">"Install Loopwalk"</h2>
                <p>"Put Loopwalk on your home screen: it opens in one tap, full screen, and works without a connection."</p>
                {body}
            </section>
        })
    }
}
