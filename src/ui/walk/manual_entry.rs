//! Step count entry for a walk recorded without the motion sensor.

use leptos::prelude::*;

use crate::domain::recorder::Input;
use crate::ui::walk::controller::walk_ctl;

/// A number field for the steps of a manual walk. Writes into the session.
#[component]
pub fn ManualEntry() -> impl IntoView {
    let ctl = walk_ctl();
    let error = RwSignal::new(None::<&'static str>);
    view! {
        <label class="field walk-manual">
            "Steps you walked (from another counter, or your estimate)"
            <input type="number" inputmode="numeric" min="0" max="100000" data-manual-steps
                prop:value=move || ctl.session.with(|s| s.steps().0).to_string()
                on:input=move |e| {
                    let v = event_target_value(&e);
                    match v.trim().parse::<u32>() {
                        Ok(n) if n <= 100_000 => { error.set(None); ctl.feed(Input::ManualSteps(n)) }
                        _ => error.set(Some("Enter a whole number of steps, 0 to 100000.")),
                    }
                }/>
        </label>
        {move || error.get().map(|m| view! { <p class="walk-error" role="alert">{m}</p> })}
    }
}
