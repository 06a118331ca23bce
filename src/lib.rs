//! Loopwalk: an offline walking companion.
//!
//! - [`domain`]: pure Rust logic (step detection, walks, history, milestones,
//!   pacing). No `web-sys`, no `leptos`; tested natively with `cargo test`.
//! - [`platform`]: thin adapters over browser APIs (motion, storage, wake lock,
//!   visibility, service worker).
//! - [`ui`]: Leptos components, one per file.

pub mod domain;
pub mod platform;
pub mod ui;

/// Mount the app on `<body>`. Called by `main.rs` only.
pub fn start() {
    platform::crash::report_panics();
    // This tab's id first: a duplicated tab must not share the walk
    // checkpoint of the tab it was copied from.
    platform::checkpoint::claim_tab(|| {
        platform::splash::after_first_paint(|| {
            leptos::mount::mount_to_body(ui::app::App);
            platform::splash::dismiss();
        })
    });
}
