//! The summary after Stop: figures, honesty about gaps, Save or Discard.

use leptos::prelude::*;

use crate::domain::record::{LoopId, StepSource};
use crate::domain::recorder::{Input, Recorder};
use crate::domain::text::{clock, distance_text, duration_text};
use crate::ui::care::overdo_notice::OverdoNotice;
use crate::ui::care::pain_checkin::PainCheckIn;
use crate::ui::loops::save_as_loop::SaveAsLoop;
use crate::ui::state::app_state;
use crate::ui::walk::controller::walk_ctl;
use crate::ui::walk::manual_entry::ManualEntry;

/// What the walk came to; Save puts it in history, Discard asks first.
#[component]
pub fn Summary() -> impl IntoView {
    let ctl = walk_ctl();
    let app = app_state();
    let s = ctl.session;
    let confirm = RwSignal::new(false);
    let manual = move || s.with(|s| s.source == StepSource::Manual);
    let steps = move || s.with(|s| s.steps());
    let gaps = move || s.with(|s| (s.gaps().len(), s.gap_total_s()));
    let rests = move || s.with(|s| s.rests().len());
    let checkins = move || app.store.with(|st| st.settings.pain_checkins);
    let asked_after = RwSignal::new(ctl.extras.with_untracked(|e| e.pain_after.is_some()));
    let pick_after = Callback::new(move |p: Option<u8>| {
        ctl.feed(Input::PainAfter(p));
        asked_after.set(true);
    });
    // A walk of some length without a loop can become one.
    let offer_loop =
        move || ctl.extras.with(|e| e.loop_id.is_none()) && !manual() && steps().0 >= 100;
    let save_as_loop = Callback::new(move |id: LoopId| ctl.feed(Input::Loop(Some(id))));
    view! {
        <div class="walk-summary">
            <h2>"Walk done"</h2>
            <div class="walk-count">
                <Show when=move || !manual() fallback=|| view! { <ManualEntry/> }>
                    <span class="walk-steps" data-summary-steps>{move || steps().0}</span>
                    <span class="walk-steps-label" data-summary-distance>{move || format!("steps, about {}", distance_text(app.store.with(|st| st.settings.distance_m(steps()))))}</span>
                </Show>
            </div>
            <div class="stat-row walk-stats">
                <div class="stat"><span class="value" data-summary-active>{move || s.with(|s| clock(s.active_s()))}</span><span class="label">"walking time"</span></div>
                <div class="stat"><span class="value" data-summary-total>{move || s.with(|s| clock(s.duration_s()))}</span><span class="label">"total time"</span></div>
                <Show
                    when=move || !manual()
                    fallback=move || view! {
                        <div class="stat"><span class="value">{move || format!("about {}", distance_text(app.store.with(|st| st.settings.distance_m(steps()))))}</span><span class="label">"distance"</span></div>
                    }
                >
                    <div class="stat"><span class="value" data-summary-rests>{rests}</span><span class="label">"stops to rest"</span></div>
                </Show>
            </div>
            <Show when=move || { gaps().0 > 0 }>
                <div class="card soft walk-gap" role="status" data-summary-gap>
                    <p>{move || format!(
                        "Counting paused for {} while the screen was off. This walk is marked as interrupted; no steps were estimated for that time.",
                        duration_text(gaps().1)
                    )}</p>
                </div>
            </Show>
            <Show when=manual>
                <p class="muted small">"Steps entered by hand are marked as such in your history."</p>
            </Show>
            <Show when=move || checkins() && !asked_after.get()>
                <PainCheckIn title="And your back and legs now, after the walk? (optional)" on_pick=pick_after/>
            </Show>
            {move || {
                // Re-checked when the pain-after answer changes.
                ctl.extras.track();
                ctl.with_recorder(Recorder::record).map(|walk| view! { <OverdoNotice walk=walk/> })
            }}
            <Show when=offer_loop>
                <SaveAsLoop steps=steps() on_saved=save_as_loop/>
            </Show>
            <div class="walk-actions">
                <button class="btn primary walk-big" type="button" data-action="save"
                    on:click=move |_| ctl.feed(Input::Save)>"Save walk"</button>
                <Show when=move || !confirm.get() fallback=move || view! {
                    <div class="card walk-confirm" role="alertdialog" aria-label="Discard this walk?">
                        <p>"Discard this walk? It will not be kept."</p>
                        <button class="btn danger" type="button" data-action="confirm-discard"
                            on:click=move |_| ctl.feed(Input::Discard)>"Yes, discard"</button>
                        <button class="btn" type="button" data-action="keep"
                            on:click=move |_| confirm.set(false)>"Keep it"</button>
                    </div>
                }>
                    <button class="btn danger" type="button" data-action="discard"
                        on:click=move |_| confirm.set(true)>"Discard"</button>
                </Show>
            </div>
        </div>
    }
}
