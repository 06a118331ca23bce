//! Small form controls shared by the settings sections and the walk editor.

use leptos::prelude::*;

/// A labelled text box for a whole number (numeric keypad on phones). The
/// text stays as typed in `value`; the caller parses it (usually on change).
#[component]
pub fn NumberField(
    /// Visible label.
    label: &'static str,
    /// The input's id (the label points at it) and, unless `name` is given, its name.
    id: &'static str,
    /// Form name, when it differs from `id`.
    #[prop(optional)]
    name: Option<&'static str>,
    /// The text in the box.
    value: RwSignal<String>,
    /// Called when the walker commits an edit (the `change` event).
    #[prop(optional, into)]
    on_change: Option<Callback<()>>,
) -> impl IntoView {
    view! {
        <label class="field" for=id>
            {label}
            <input
                id=id
                name=name.unwrap_or(id)
                type="text"
                inputmode="numeric"
                autocomplete="off"
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
                on:change=move |_| {
                    if let Some(cb) = on_change {
                        cb.run(());
                    }
                }
            />
        </label>
    }
}

/// A labelled on/off setting as a checkbox row (the whole row is the target).
#[component]
pub fn SettingSwitch(
    /// Visible label.
    label: &'static str,
    /// `data-setting` name, for tests and styling.
    key: &'static str,
    /// Current value.
    #[prop(into)]
    checked: Signal<bool>,
    /// Called with the new value when toggled.
    #[prop(into)]
    on_toggle: Callback<bool>,
) -> impl IntoView {
    view! {
        <label class="switch">
            <span>{label}</span>
            <input
                type="checkbox"
                data-setting=key
                prop:checked=move || checked.get()
                on:change=move |ev| on_toggle.run(event_target_checked(&ev))
            />
        </label>
    }
}
