//! Pocket mode: a black overlay that ignores touches until pressed and held
//! for a second, so the phone can go in a pocket without stray taps.

use std::time::Duration;

use leptos::ev;
use leptos::prelude::*;

use crate::ui::walk::controller::walk_ctl;

/// How long to hold to unlock.
pub const HOLD: Duration = Duration::from_millis(1000);

/// The dimmed, touch-locked screen.
#[component]
pub fn PocketMode() -> impl IntoView {
    let ctl = walk_ctl();
    let holding = RwSignal::new(false);
    let timer: StoredValue<Option<TimeoutHandle>> = StoredValue::new(None);
    let cancel = move || {
        if let Some(h) = timer.get_value() {
            h.clear();
        }
        timer.set_value(None);
        holding.set(false);
    };
    let begin = move || {
        cancel();
        holding.set(true);
        let h = set_timeout_with_handle(
            move || {
                holding.set(false);
                timer.set_value(None);
                ctl.pocket.set(false);
            },
            HOLD,
        );
        if let Ok(h) = h {
            timer.set_value(Some(h));
        }
    };
    on_cleanup(cancel);
    let swallow = |e: ev::MouseEvent| {
        e.prevent_default();
        e.stop_propagation();
    };
    view! {
        <div class="pocket-overlay" role="dialog" aria-modal="true" aria-label="Pocket mode"
            data-pocket
            on:click=swallow
            on:contextmenu=move |e: ev::MouseEvent| e.prevent_default()>
            <p class="pocket-steps">{move || ctl.session.with(|s| format!("{} steps", s.steps().0))}</p>
            <button class="pocket-hold" class:holding=move || holding.get() type="button"
                data-action="unlock"
                on:pointerdown=move |e: ev::PointerEvent| { e.prevent_default(); begin() }
                on:pointerup=move |_| cancel()
                on:pointercancel=move |_| cancel()
                on:pointerleave=move |_| cancel()
                on:keydown=move |e: ev::KeyboardEvent| {
                    if !e.repeat() && (e.key() == "Enter" || e.key() == " ") { e.prevent_default(); begin() }
                }
                on:keyup=move |_| cancel()>
                <span class="ring"></span>
                <span>"Press and hold to unlock"</span>
            </button>
            <p class="pocket-hint">"Counting continues. Hold the circle for one second to use the screen again."</p>
        </div>
    }
}
