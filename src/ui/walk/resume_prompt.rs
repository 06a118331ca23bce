//! A walk found unfinished at start-up: continue it, or save it as it stood.

use leptos::prelude::*;

use crate::domain::dates::{day_month, hh_mm};
use crate::domain::record::StepSource;
use crate::domain::recorder::{Input, Unfinished};
use crate::domain::text::clock;
use crate::ui::walk::controller::walk_ctl;

/// Offers back the walk of a closed page.
#[component]
pub fn ResumePrompt(
    /// The walk found in storage.
    unfinished: Unfinished,
) -> impl IntoView {
    let ctl = walk_ctl();
    let wall_ms = js_sys::Date::now();
    let forgotten = unfinished.forgotten(wall_ms);
    let can_continue = unfinished.can_continue(wall_ms);
    let cp = unfinished.checkpoint;
    let steps = cp.session.steps().0;
    let manual = cp.session.source == StepSource::Manual;
    let stood = cp.as_it_stood();
    let active = clock(stood.active_s);
    let offset = chrono::FixedOffset::east_opt(cp.utc_offset_min * 60)
        .unwrap_or_else(|| chrono::FixedOffset::east_opt(0).expect("zero offset"));
    let started = hh_mm(&cp.started_at.with_timezone(&offset));
    let date = day_month(cp.started_at.with_timezone(&offset).date_naive());
    let last_step = cp
        .last_step_at()
        .filter(|_| !manual)
        .map(|t| hh_mm(&t.with_timezone(&offset)));
    let confirm = RwSignal::new(false);
    view! {
        <div class="card walk-resume" role="region" aria-label="Unfinished walk">
            <h2>{if forgotten { "Did you forget to stop this walk?" } else { "Your walk didn't finish" }}</h2>
            <p>"The page closed during a walk that started at " {started} " on " {date} "."</p>
            <div class="stat-row">
                {(!manual).then(|| view! {
                    <div class="stat"><span class="value" data-resume-steps>{steps}</span><span class="label">"steps"</span></div>
                })}
                <div class="stat"><span class="value">{active}</span><span class="label">"active time"</span></div>
            </div>
            {last_step.map(|at| view! {
                <p data-resume-ends>"Saved as it stood, it ends at " {at} ", when you last walked."</p>
            })}
            {can_continue.then(|| view! {
                <p class="muted small">"If you continue, the time the page was closed is marked as a gap: no steps are counted for it."</p>
            })}
            <div class="walk-actions">
                {can_continue.then(|| view! {
                    <button class="btn primary" type="button" data-action="continue"
                        on:click=move |_| ctl.continue_walk()>"Continue this walk"</button>
                })}
                <button class="btn outline" type="button" data-action="save-as-stood"
                    on:click=move |_| ctl.feed(Input::SaveAsItStood)>"Save it as it stood"</button>
                <Show when=move || !confirm.get() fallback=move || view! {
                    <p>"Throw this walk away?"</p>
                    <button class="btn danger" type="button" data-action="confirm-discard"
                        on:click=move |_| ctl.feed(Input::Discard)>"Yes, discard"</button>
                    <button class="btn" type="button" on:click=move |_| confirm.set(false)>"Keep it"</button>
                }>
                    <button class="btn danger" type="button" data-action="discard"
                        on:click=move |_| confirm.set(true)>"Discard"</button>
                </Show>
            </div>
        </div>
    }
}
