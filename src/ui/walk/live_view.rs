//! The walk in progress: big figures readable at arm's length, Pause,
//! Resume, Stop and pocket mode.

use leptos::prelude::*;

use crate::domain::loops::loop_progress;
use crate::domain::record::StepSource;
use crate::domain::recorder::{Input, Recorder, Stage};
use crate::domain::text::{clock, distance_text};
use crate::domain::walk::{Motion, Phase};
use crate::ui::loops::progress_ring::LoopProgressRing;
use crate::ui::state::app_state;
use crate::ui::walk::controller::walk_ctl;
use crate::ui::walk::words;

/// Live figures and controls of the walk being recorded.
#[component]
pub fn LiveView() -> impl IntoView {
    let ctl = walk_ctl();
    let app = app_state();
    let s = ctl.session;
    let manual = move || s.with(|s| s.source == StepSource::Manual);
    let paused = move || s.with(|s| s.phase == Phase::Paused);
    let idle = move || ctl.stage.get() == Stage::Idle;
    let steps = move || s.with(|s| s.steps().0);
    let active = move || s.with(|s| clock(s.active_s()));
    let dist = move || {
        let steps = s.with(|s| s.steps());
        distance_text(app.store.with(|st| st.settings.distance_m(steps)))
    };
    let status = move || {
        s.with(|s| match (s.phase, s.motion()) {
            (Phase::Paused, _) => ("paused", "Paused"),
            (_, Motion::Moving) => ("moving", "Moving"),
            (_, Motion::Resting) => ("resting", "Resting"),
        })
    };
    // The loop being walked, and how far round it the walker is.
    let walked_loop = move || {
        let id = ctl.extras.with(|e| e.loop_id.clone())?;
        app.store.with(|st| {
            let lp = st.find_loop(&id)?;
            let step_len = st.settings.step_length_m();
            Some((
                lp.name.clone(),
                loop_progress(lp, s.with(|s| s.steps()), step_len),
            ))
        })
    };
    view! {
        <div class="walk-live">
            <Show when=move || ctl.gap_notice.get().is_some()>
                <div class="card soft walk-gap" role="status" data-gap>
                    <p>{move || ctl.gap_notice.get().map(|total_s| words::notice(
                        crate::domain::recorder::Notice::CountingPaused { total_s }
                    ))}</p>
                    <button class="btn" type="button" on:click=move |_| ctl.gap_notice.set(None)>"OK"</button>
                </div>
            </Show>
            <Show when=idle>
                <div class="card walk-idle" role="alertdialog" aria-label="Paused by itself" data-idle>
                    <h2>"Paused: no steps for 5 minutes"</h2>
                    <p>"Did you forget to stop? The time since your last step is not counted."</p>
                    <div class="walk-actions">
                        <button class="btn primary" type="button" data-action="end-at-last-step"
                            on:click=move |_| ctl.feed(Input::EndAtLastStep)>
                            {move || match ctl.with_recorder(Recorder::last_step_clock) {
                                Some(at) => format!("End the walk at {at}, when you last walked"),
                                None => "End the walk".to_string(),
                            }}
                        </button>
                        <button class="btn outline" type="button" data-action="keep-going"
                            on:click=move |_| ctl.at_now(|now| Input::KeepGoing { now })>"Keep going"</button>
                    </div>
                </div>
            </Show>
            <Show
                when=manual
                fallback=move || view! {
                    <div class="walk-count">
                        <span class="walk-steps" data-walk-steps>{steps}</span>
                        <span class="walk-steps-label">"steps"</span>
                    </div>
                }
            >
                <div class="walk-count">
                    <span class="walk-steps walk-time-big" data-walk-time>{active}</span>
                    <span class="walk-steps-label">"walking time · manual step count"</span>
                </div>
            </Show>
            <p class="walk-status" data-status=move || status().0>
                <span class="dot"></span>{move || status().1}
            </p>
            <Show when=move || status().0 == "resting">
                <p class="walk-rest-note small">
                    "Resting is fine. Sit or lean forward if your legs ache, then carry on when you're ready."
                </p>
            </Show>
            {move || walked_loop().filter(|_| !manual()).map(|(name, _)| {
                let progress = Signal::derive(move || walked_loop().map(|l| l.1).unwrap_or(0.0));
                view! { <LoopProgressRing progress=progress name=Signal::stored(name)/> }
            })}
            <div class="stat-row walk-stats">
                <Show when=move || !manual()>
                    <div class="stat"><span class="value" data-walk-active>{active}</span><span class="label">"walking time"</span></div>
                    <div class="stat"><span class="value" data-walk-distance>{move || format!("about {}", dist())}</span><span class="label">"distance"</span></div>
                </Show>
            </div>
            <div class="walk-controls">
                <Show when=move || !idle()>
                <Show
                    when=paused
                    fallback=move || view! {
                        <button class="btn walk-big" type="button" data-action="pause"
                            on:click=move |_| ctl.at_now(|now| Input::Pause { now })>"Pause"</button>
                    }
                >
                    <button class="btn primary walk-big" type="button" data-action="resume"
                        on:click=move |_| ctl.at_now(|now| Input::Resume { now })>"Resume"</button>
                </Show>
                </Show>
                <button class="btn danger walk-big" type="button" data-action="stop"
                    on:click=move |_| ctl.at_now(|now| Input::Stop { now })>"Stop"</button>
            </div>
            <button class="btn outline block" type="button" data-action="pocket"
                on:click=move |_| ctl.pocket.set(true)>"Pocket mode (dim screen, lock touches)"</button>
            <p class="visually-hidden" aria-live="polite">{move || ctl.announce.get().map(words::announcement)}</p>
        </div>
    }
}
