//! "Your loops" (`#/milestones/loops`).

use leptos::prelude::*;

use crate::ui::loops::loop_card::LoopCard;
use crate::ui::loops::new_loop_form::NewLoopForm;
use crate::ui::state::app_state;

/// Every loop with its stats and actions, the archive, and "Add a loop".
#[component]
pub fn LoopsView() -> impl IntoView {
    let state = app_state();
    let all = Memo::new(move |_| state.store.with(|s| s.loops.clone()));
    let active = move || {
        all.get()
            .into_iter()
            .filter(|l| !l.archived)
            .collect::<Vec<_>>()
    };
    let archived = move || {
        all.get()
            .into_iter()
            .filter(|l| l.archived)
            .collect::<Vec<_>>()
    };
    view! {
        <article class="subpage loops-view" aria-labelledby="loops-title">
            <a class="back-link" href="#/milestones">"Back to milestones"</a>
            <h2 id="loops-title">"Your loops"</h2>
            <p class="muted">
                "A loop is a regular route, like a lap of the block or round the park. Going all the way round, then all the way round without stopping, is a real boost."
            </p>
            <ul class="loop-list" aria-label="Loops">
                <For
                    each=active
                    key=|l| (l.id.clone(), l.name.clone(), format!("{:?}", l.length), l.archived)
                    children=|l| view! { <LoopCard lp=l/> }
                />
            </ul>
            <Show when=move || active().is_empty()>
                <p class="card soft">"No loops yet. Add one below, or save a walk as a loop from its summary."</p>
            </Show>
            <NewLoopForm/>
            <Show when=move || !archived().is_empty()>
                <details class="archived-loops">
                    <summary>"Archived loops"</summary>
                    <ul class="loop-list" aria-label="Archived loops">
                        <For
                            each=archived
                            key=|l| (l.id.clone(), l.name.clone(), format!("{:?}", l.length), l.archived)
                            children=|l| view! { <LoopCard lp=l/> }
                        />
                    </ul>
                </details>
            </Show>
        </article>
    }
}
