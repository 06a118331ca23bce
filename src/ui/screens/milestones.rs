//! The Milestones screen.

use leptos::prelude::*;

/// Earned badges and the next ones.
#[component]
pub fn MilestonesScreen() -> impl IntoView {
    view! {
        <section class="milestones">
            <div class="card empty">
                <h2>"Your first milestone is one walk away"</h2>
                <p class="muted">"Milestones mark the confidence you build: your first walk, your whole loop, your loop without stopping."</p>
            </div>
        </section>
    }
}
