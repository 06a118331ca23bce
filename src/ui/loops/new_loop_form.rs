//! Create a loop from a name and a length.

use leptos::prelude::*;

use crate::ui::loops::name_field::LoopNameField;

use crate::domain::loops::loop_with_length;
use crate::domain::record::LoopKind;
use crate::ui::loops::kind_field::LoopKindField;
use crate::ui::loops::length_fields::{parse_length, LengthFields, Unit};
use crate::ui::loops::new_loop_id;
use crate::ui::state::app_state;

/// "Add a loop": name, length in steps or metres (from a map, say), Save.
#[component]
pub fn NewLoopForm() -> impl IntoView {
    let state = app_state();
    let name = RwSignal::new(String::new());
    let text = RwSignal::new(String::new());
    let unit = RwSignal::new(Unit::Steps);
    let kind = RwSignal::new(LoopKind::Loop);
    let error = RwSignal::new(None::<String>);
    let saved = RwSignal::new(None::<String>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        saved.set(None);
        let length = match parse_length(&text.get_untracked(), unit.get_untracked()) {
            Ok(l) => l,
            Err(e) => return error.set(Some(e)),
        };
        let now = chrono::Utc::now();
        match loop_with_length(new_loop_id(), &name.get_untracked(), length, now) {
            Ok(mut lp) => {
                lp.kind = kind.get_untracked();
                let title = lp.name.clone();
                match state.update_store(|s| s.upsert_loop(lp)) {
                    Ok(()) => {
                        error.set(None);
                        name.set(String::new());
                        text.set(String::new());
                        saved.set(Some(format!("\u{201c}{title}\u{201d} is saved.")));
                    }
                    Err(e) => error.set(Some(format!("That loop couldn't be saved: {e}."))),
                }
            }
            Err(e) => error.set(Some(format!("Almost: {e}."))),
        }
    };
    view! {
        <form class="card new-loop" aria-labelledby="new-loop-title" on:submit=submit>
            <h2 id="new-loop-title">"Add a loop"</h2>
            <p class="small muted">
                "Know how long your route is? Enter it in steps, or in metres from a map. Or walk it once and save it from the walk summary."
            </p>
            <LoopNameField label="Name" id="new-loop-name" placeholder="Evening loop" value=name/>
            <LengthFields id="new-loop" text=text unit=unit/>
            <LoopKindField id="new-loop-kind" kind=kind/>
            <p class="error" role="alert">{move || error.get()}</p>
            <p class="ok-text" aria-live="polite">{move || saved.get()}</p>
            <button type="submit" class="btn primary block">"Save loop"</button>
        </form>
    }
}
