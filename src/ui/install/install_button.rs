//! The "Install Loopwalk" button for browsers that offer an install prompt
//! (Chromium on Android and desktop).

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::platform::install::{self, PromptOutcome};
use crate::ui::install::install_state;

/// Shows the browser's own install prompt on tap, then says what happened
/// (on "accepted", [`InstallState::just_installed`](super::InstallState)
/// turns on and the caller says how to start a walk from the icon).
#[component]
pub fn InstallButton() -> impl IntoView {
    let state = install_state();
    let message = RwSignal::new(None::<String>);
    let on_click = move |_| {
        spawn_local(async move {
            let text = match install::show_prompt().await {
                PromptOutcome::Accepted => {
                    state.just_installed.set(true);
                    None
                }
                PromptOutcome::Dismissed => {
                    Some("Not installed. You can install Loopwalk later from Settings.".to_string())
                }
                PromptOutcome::Unavailable(why) => Some(format!(
                    "{why} Open the browser's menu and choose \"Install app\" or \"Add to Home screen\"."
                )),
            };
            // The button stays (with the message) after a dismissal: the
            // browser may offer again, and otherwise the message says where
            // its menu item is.
            message.set(text);
        });
    };
    view! {
        <div class="install-prompt">
            <button class="btn primary" type="button" data-action="install" on:click=on_click>
                "Install Loopwalk"
            </button>
            {move || message.get().map(|m| view! { <p class="muted" role="status">{m}</p> })}
        </div>
    }
}
