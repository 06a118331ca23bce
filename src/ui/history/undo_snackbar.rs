//! "Walk deleted. Undo" for a few seconds after a delete.
//!
//! The offer lives outside the History screen's component tree (an
//! [`UndoOffer`] made once by `App` and given through context), so it
//! survives the screen being rebuilt when the URL fragment changes, and
//! keeps its own deadline.

use std::time::Duration;

use leptos::prelude::*;

use crate::domain::record::WalkRecord;
use crate::ui::state::app_state;

/// How long the undo offer stays.
pub const UNDO_FOR: Duration = Duration::from_secs(8);

/// A deleted walk that can still be put back, until `until_ms`
/// (`Date.now()` milliseconds).
#[derive(Debug, Clone, PartialEq)]
pub struct PendingUndo {
    pub walk: WalkRecord,
    pub until_ms: f64,
}

/// The page's undo offer (one for the app, given through context).
#[derive(Debug, Clone, Copy)]
pub struct UndoOffer(RwSignal<Option<PendingUndo>>);

impl UndoOffer {
    pub fn new() -> Self {
        Self(RwSignal::new(None))
    }
}

impl Default for UndoOffer {
    fn default() -> Self {
        Self::new()
    }
}

/// The current undo offer (shared by every mounted snackbar).
pub fn pending_undo() -> RwSignal<Option<PendingUndo>> {
    use_context::<UndoOffer>()
        .expect("App provides the undo offer")
        .0
}

/// Offer to undo the deletion of `walk` for [`UNDO_FOR`].
pub fn offer_undo(walk: WalkRecord) {
    let until_ms = js_sys::Date::now() + UNDO_FOR.as_millis() as f64;
    pending_undo().set(Some(PendingUndo { walk, until_ms }));
}

/// Shows the undo offer while one is pending and clears it at its
/// deadline. Undo puts the walk back (and saves).
#[component]
pub fn UndoSnackbar() -> impl IntoView {
    let state = app_state();
    let pending = pending_undo();
    // Restart the timer for each new offer; cancel it on cleanup.
    let timer = StoredValue::new(None::<TimeoutHandle>);
    let watched = pending;
    Effect::new(move |_| {
        let current = watched.get();
        if let Some(h) = timer.try_update_value(|t| t.take()).flatten() {
            h.clear();
        }
        let Some(offer) = current else { return };
        let left = (offer.until_ms - js_sys::Date::now()).max(0.0);
        let target = watched;
        let handle = set_timeout_with_handle(
            move || {
                let expired = target
                    .get_untracked()
                    .is_some_and(|p| p.until_ms == offer.until_ms);
                if expired {
                    target.set(None);
                }
            },
            Duration::from_millis(left as u64),
        );
        match handle {
            Ok(h) => timer.set_value(Some(h)),
            // No timer available: the offer stays until used or dismissed.
            Err(_) => timer.set_value(None),
        }
    });
    on_cleanup(move || {
        if let Some(h) = timer.try_update_value(|t| t.take()).flatten() {
            h.clear();
        }
    });

    let for_undo = pending;
    let undo = move |_| {
        if let Some(p) = for_undo.get_untracked() {
            state.update_store(|s| s.restore_walk(p.walk, chrono::Utc::now()));
            for_undo.set(None);
        }
    };
    let for_dismiss = pending;
    let dismiss = move |_| for_dismiss.set(None);

    view! {
        <div class="snackbar-host" role="status" aria-live="polite">
            {move || pending.get().is_some().then(|| view! {
                <div class="banner snackbar">
                    <span>"Walk deleted."</span>
                    <span class="actions">
                        <button class="btn" type="button" on:click=undo>"Undo"</button>
                        <button class="btn" type="button" aria-label="Dismiss" on:click=dismiss>"✕"</button>
                    </span>
                </div>
            })}
        </div>
    }
}
