//! Pick the loop for the walk about to start.

use leptos::prelude::*;

use crate::domain::loops;
use crate::domain::record::LoopId;
use crate::ui::loops::{length_text, LOOPS_HASH};
use crate::ui::state::app_state;

/// A list of the walker's active loops as large radio rows, plus "No loop
/// today". If `selected` is `None` when it is created, the loop walked last
/// time (`settings.last_loop`) is picked. Meant for the Walk screen before
/// Start; the caller keeps the choice for the walk's `loop_id`.
#[component]
pub fn LoopPicker(
    /// The chosen loop; `None` for a walk without a loop.
    #[prop(into)]
    selected: Signal<Option<LoopId>>,
    /// Called with the walker's choice.
    on_pick: Callback<Option<LoopId>>,
) -> impl IntoView {
    let state = app_state();
    let active = Memo::new(move |_| {
        state.store.with(|s| {
            loops::active(&s.loops)
                .into_iter()
                .map(|l| {
                    (
                        l.id.clone(),
                        l.name.clone(),
                        length_text(l.length, s.settings.step_length_m()),
                    )
                })
                .collect::<Vec<_>>()
        })
    });
    if selected.get_untracked().is_none() {
        let last = state.store.with_untracked(|s| {
            s.settings
                .last_loop
                .clone()
                .filter(|id| loops::active(&s.loops).iter().any(|l| &l.id == id))
        });
        if last.is_some() {
            on_pick.run(last);
        }
    }
    let group = format!("loop-pick-{}", (js_sys::Math::random() * 1e9) as u64);
    view! {
        <fieldset class="loop-picker card">
            <legend>"Which loop today?"</legend>
            {move || {
                let group = group.clone();
                let rows = active
                    .get()
                    .into_iter()
                    .map(|(id, name, len)| {
                        let id2 = id.clone();
                        let checked = move || selected.get().as_ref() == Some(&id);
                        view! {
                            <label class="pick-row">
                                <input
                                    type="radio"
                                    name=group.clone()
                                    prop:checked=checked
                                    on:change=move |_| on_pick.run(Some(id2.clone()))
                                />
                                <span class="pick-text">
                                    <span class="pick-name">{name}</span>
                                    <span class="small muted">{len}</span>
                                </span>
                            </label>
                        }
                    })
                    .collect_view();
                view! {
                    {rows}
                    <label class="pick-row">
                        <input
                            type="radio"
                            name=group.clone()
                            prop:checked=move || selected.get().is_none()
                            on:change=move |_| on_pick.run(None)
                        />
                        <span class="pick-text"><span class="pick-name">"No loop today"</span></span>
                    </label>
                }
            }}
            <Show when=move || active.with(|a| a.is_empty())>
                <p class="small muted">
                    "No loops yet. " <a href=LOOPS_HASH>"Add your regular route"</a>
                    " to see how far round you are."
                </p>
            </Show>
        </fieldset>
    }
}
