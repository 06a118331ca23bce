//! The loop-name text box, shared by "Add a loop", "Save as a loop" and
//! "Rename".

use leptos::prelude::*;

use crate::domain::loops::MAX_NAME_CHARS;

/// A labelled text box for a loop's name, limited to what a name may hold.
#[component]
pub fn LoopNameField(
    /// Visible label.
    label: &'static str,
    /// The input's id (the label points at it).
    #[prop(into)]
    id: String,
    /// An example name shown while the box is empty.
    #[prop(optional)]
    placeholder: &'static str,
    /// The text in the box.
    value: RwSignal<String>,
) -> impl IntoView {
    let label_for = id.clone();
    view! {
        <label class="field" for=label_for>
            {label}
            <input
                id=id
                type="text"
                maxlength=MAX_NAME_CHARS.to_string()
                autocomplete="off"
                placeholder=placeholder
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            />
        </label>
    }
}
