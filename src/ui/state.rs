//! The app-wide UI state, provided once through context. Domain values live
//! in plain Rust types; this struct only holds the signals around them.

use leptos::prelude::*;

use crate::ui::route::Tab;

/// App-wide UI state (signals only; cheap to copy).
#[derive(Clone, Copy)]
pub struct AppState {
    /// The screen on show.
    pub tab: RwSignal<Tab>,
    /// True while a walk is being recorded: the app then never reloads itself
    /// for a new version.
    pub walk_active: RwSignal<bool>,
    /// A new version of the app is installed and waiting.
    pub update_ready: RwSignal<bool>,
}

impl AppState {
    pub fn new(tab: Tab) -> Self {
        Self {
            tab: RwSignal::new(tab),
            walk_active: RwSignal::new(false),
            update_ready: RwSignal::new(false),
        }
    }
}

/// The app state from context (panics outside `<App/>`, a programming error).
pub fn app_state() -> AppState {
    expect_context::<AppState>()
}
