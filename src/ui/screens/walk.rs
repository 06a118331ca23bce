//! The Walk screen: start a walk.

use leptos::prelude::*;

/// Start a walk; shows today's figures and the next milestone.
#[component]
pub fn WalkScreen() -> impl IntoView {
    view! {
        <section class="walk" aria-labelledby="screen-title">
            <p class="lead">"Ready for your loop? Start slow; every step counts."</p>
            <button class="start-button" type="button" data-action="start">
                "Start"
                <small>"your walk"</small>
            </button>
            <div class="stat-row" aria-label="Today">
                <div class="stat"><span class="value">"0"</span><span class="label">"steps today"</span></div>
                <div class="stat"><span class="value">"0"</span><span class="label">"active min"</span></div>
            </div>
        </section>
    }
}
