//! "Your loops" (`#/milestones/loops`).

use leptos::prelude::*;

use crate::ui::loops::loop_card::LoopCard;
use crate::ui::loops::new_loop_form::NewLoopForm;
use crate::ui::state::app_state;

/// The loops that are (or are not) archived, as cards, in list order.
fn loop_list(archived: bool, label: &'static str) -> impl IntoView {
    let all = app_state().derived.loops;
    let each = move || {
        all.with(|l| {
            l.iter()
                .filter(|l| l.archived == archived)
                .cloned()
                .collect::<Vec<_>>()
        })
    };
    view! {
        <ul class="loop-list" aria-label=label>
            // A plain list, not a keyed <For> (the app's last one: the keyed
            // diff is several KB of wasm). The cards are rebuilt when a loop
            // is added, changed or archived, as the changed card was anyway.
            {move || each().into_iter().map(|l| view! { <LoopCard lp=l/> }).collect_view()}
        </ul>
    }
}

/// Every loop with its stats, the archive, and "Add a loop".
#[component]
pub fn LoopsView() -> impl IntoView {
    let all = app_state().derived.loops;
    let any = move |archived: bool| all.with(|l| l.iter().any(|l| l.archived == archived));
    view! {
        <article class="subpage loops-view" aria-labelledby="loops-title">
            <a class="back-link" href="#/milestones">"Back to milestones"</a>
            <h2 id="loops-title">"Your loops"</h2>
            <p class="muted">
                "A loop is a regular route, like a lap of the block or round the park. Going all the way round, then all the way round without stopping, is a real boost."
            </p>
            {loop_list(false, "Loops")}
            <Show when=move || !any(false)>
                <p class="card soft">"No loops yet. Add one below, or save a walk as a loop from its summary."</p>
            </Show>
            <NewLoopForm/>
            <Show when=move || any(true)>
                <details class="archived-loops">
                    <summary>"Archived loops"</summary>
                    {loop_list(true, "Archived loops")}
                </details>
            </Show>
        </article>
    }
}
