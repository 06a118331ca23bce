//! Installing Loopwalk to the home screen from the app itself, and keeping
//! data safe on iPhone (Safari clears a site's storage after 7 days without
//! a visit unless it was added to the Home Screen).
//!
//! One component per file; [`InstallState`] (from context) is the
//! page-wide state they share (whether installed, whether Chromium holds an install prompt).

pub mod after_first_walk;
pub mod apple_steps;
pub mod install_button;
pub mod install_section;
pub mod safari_storage;

use leptos::prelude::*;

use crate::platform::install::{self, Browser, InstallWay};

/// What the install guidance needs to know, for the whole page.
#[derive(Clone, Copy)]
pub struct InstallState {
    /// The guidance to show now.
    pub way: RwSignal<InstallWay>,
    /// Installed from this tab just now (Chromium's `appinstalled`): say how
    /// to start a walk from the home-screen icon.
    pub just_installed: RwSignal<bool>,
    /// The device family (fixed for the page).
    pub browser: Browser,
}

fn current_way(browser: Browser) -> InstallWay {
    install::install_way(browser, install::is_standalone(), install::has_prompt())
}

impl InstallState {
    /// The install state of this page, with its listeners (made once by
    /// `App`, which lives as long as the page, and given through context).
    pub fn watch_page() -> Self {
        let browser = install::browser();
        let state = InstallState {
            way: RwSignal::new(current_way(browser)),
            just_installed: RwSignal::new(false),
            browser,
        };
        install::watch(move |installed| {
            if installed {
                state.just_installed.set(true);
            }
            state.way.set(current_way(browser));
        });
        state
    }
}

/// The install state from context (panics outside `<App/>`).
pub fn install_state() -> InstallState {
    use_context::<InstallState>().expect("App provides the install state")
}

/// How to start a walk once installed (the manifest's "Start a walk"
/// shortcut appears on a long press of the icon on Android).
pub fn start_from_icon_text(browser: Browser) -> &'static str {
    match browser {
        Browser::AppleMobile => "From now on, open Loopwalk from its icon on your Home Screen and tap Start walk. Your walks stay on this iPhone.",
        Browser::Other => "From now on, open Loopwalk from its icon on your home screen and tap Start walk. Or press and hold the icon and choose \"Start a walk\".",
    }
}
