//! A walk found unfinished at start-up: continue it, or save it as it stood.

use leptos::prelude::*;

use crate::domain::record::StepSource;
use crate::domain::walk::Checkpoint;
use crate::ui::walk::controller::walk_ctl;
use crate::ui::walk::format::clock;

/// Offers back the walk of a closed page.
#[component]
pub fn ResumePrompt(
    /// The checkpoint found in storage.
    checkpoint: Checkpoint,
) -> impl IntoView {
    let ctl = walk_ctl();
    let error = RwSignal::new(None::<String>);
    let steps = checkpoint.session.steps().0;
    let manual = checkpoint.session.source == StepSource::Manual;
    let active = clock(checkpoint.session.active_s());
    let started = crate::domain::dates::hh_mm(
        &checkpoint.started_at.with_timezone(
            &chrono::FixedOffset::east_opt(checkpoint.utc_offset_min * 60)
                .unwrap_or_else(|| chrono::FixedOffset::east_opt(0).expect("zero offset")),
        ),
    );
    let (c1, c2) = (checkpoint.clone(), checkpoint);
    let confirm = RwSignal::new(false);
    view! {
        <div class="card walk-resume" role="region" aria-label="Unfinished walk">
            <h2>"Your walk didn't finish"</h2>
            <p>"The page closed during a walk that started at " {started} "."</p>
            <div class="stat-row">
                {(!manual).then(|| view! {
                    <div class="stat"><span class="value" data-resume-steps>{steps}</span><span class="label">"steps"</span></div>
                })}
                <div class="stat"><span class="value">{active}</span><span class="label">"active time"</span></div>
            </div>
            <p class="muted small">"If you continue, the time the page was closed is marked as a gap: no steps are counted for it."</p>
            <div class="walk-actions">
                <button class="btn primary" type="button" data-action="continue"
                    on:click=move |_| ctl.continue_walk(c1.clone())>"Continue this walk"</button>
                <button class="btn outline" type="button" data-action="save-as-stood"
                    on:click=move |_| if let Err(e) = ctl.save_as_it_stood(&c2) { error.set(Some(e)) }>
                    "Save it as it stood"</button>
                <Show when=move || !confirm.get() fallback=move || view! {
                    <p>"Throw this walk away?"</p>
                    <button class="btn danger" type="button" data-action="confirm-discard"
                        on:click=move |_| ctl.discard()>"Yes, discard"</button>
                    <button class="btn" type="button" on:click=move |_| confirm.set(false)>"Keep it"</button>
                }>
                    <button class="btn danger" type="button" data-action="discard"
                        on:click=move |_| confirm.set(true)>"Discard"</button>
                </Show>
            </div>
            {move || error.get().map(|m| view! { <p class="walk-error" role="alert">{m}</p> })}
        </div>
    }
}
