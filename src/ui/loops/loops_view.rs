//! "Your loops" (`#/milestones/loops`).

use leptos::prelude::*;

use crate::domain::record::{LoopId, LoopLength, LoopRecord};
use crate::ui::loops::loop_card::LoopCard;
use crate::ui::loops::new_loop_form::NewLoopForm;
use crate::ui::state::app_state;

/// A card is rebuilt when its loop's name, length or archive state changes
/// (the card takes the loop by value).
fn card_key(l: &LoopRecord) -> (LoopId, String, u64, bool) {
    let length = match l.length {
        LoopLength::Steps(n) => u64::from(n),
        // Metres are kept apart from steps by the top bit, never set by a
        // finite positive length's bits.
        LoopLength::Metres(m) => m.to_bits() | 1 << 63,
    };
    (l.id.clone(), l.name.clone(), length, l.archived)
}

/// Every loop with its stats and actions, the archive, and "Add a loop".
#[component]
pub fn LoopsView() -> impl IntoView {
    let state = app_state();
    let all = state.derived.loops;
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
                    key=card_key
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
                            key=card_key
                            children=|l| view! { <LoopCard lp=l/> }
                        />
                    </ul>
                </details>
            </Show>
        </article>
    }
}
