//! "Save this route as a loop" for a walk summary.

use leptos::prelude::*;

use crate::ui::loops::name_field::LoopNameField;

use crate::domain::loops::loop_with_length;
use crate::domain::record::{LoopId, LoopLength, Steps};
use crate::ui::loops::{length_text, new_loop_id};
use crate::ui::state::app_state;

/// Offers to save the route just walked as a loop whose length is the
/// walk's steps; asks only for a name. On success the loop becomes
/// `settings.last_loop` (preselected next time) and `on_saved` gets its id,
/// so the caller can set the walk's `loop_id`. Meant for the walk summary.
#[component]
pub fn SaveAsLoop(
    /// The walk's steps: the loop's length.
    steps: Steps,
    /// Called with the new loop's id once saved.
    #[prop(optional, into)]
    on_saved: Option<Callback<LoopId>>,
) -> impl IntoView {
    let state = app_state();
    let open = RwSignal::new(false);
    let name = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let done = RwSignal::new(None::<String>);
    let step_len = Memo::new(move |_| state.store.with(|s| s.settings.step_length_m()));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let id = new_loop_id();
        let lp = match loop_with_length(
            id.clone(),
            &name.get_untracked(),
            LoopLength::Steps(steps.0),
            chrono::Utc::now(),
        ) {
            Ok(lp) => lp,
            Err(e) => return error.set(Some(format!("Almost: {e}."))),
        };
        let title = lp.name.clone();
        let result = state.update_store(|s| {
            s.upsert_loop(lp)?;
            s.settings.last_loop = Some(id.clone());
            Ok::<(), crate::domain::store::Invalid>(())
        });
        match result {
            Ok(()) => {
                error.set(None);
                done.set(Some(title));
                if let Some(cb) = on_saved {
                    cb.run(id);
                }
            }
            Err(e) => error.set(Some(format!("That loop couldn't be saved: {e}."))),
        }
    };
    view! {
        <div class="save-as-loop">
            {move || {
                if let Some(title) = done.get() {
                    view! {
                        <p class="ok-text" role="status">
                            {format!("Saved as \u{201c}{title}\u{201d}. Pick it next time and Loopwalk shows how far round you are.")}
                        </p>
                    }
                    .into_any()
                } else if !open.get() {
                    view! {
                        <button type="button" class="btn outline block" on:click=move |_| open.set(true)>
                            "Save this route as a loop"
                        </button>
                    }
                    .into_any()
                } else {
                    view! {
                        <form class="card soft" on:submit=submit aria-label="Save this route as a loop">
                            <p class="small">
                                {move || format!("Length: {}.", length_text(LoopLength::Steps(steps.0), step_len.get()))}
                            </p>
                            <LoopNameField label="Name this loop" id="save-loop-name" placeholder="Round the park" value=name/>
                            <p class="error" role="alert">{move || error.get()}</p>
                            <div class="actions">
                                <button type="submit" class="btn primary">"Save loop"</button>
                                <button type="button" class="btn" on:click=move |_| open.set(false)>"Not now"</button>
                            </div>
                        </form>
                    }
                    .into_any()
                }
            }}
        </div>
    }
}
