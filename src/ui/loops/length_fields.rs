//! The "length + unit" inputs shared by creating and re-measuring a loop.

use leptos::prelude::*;

use crate::domain::record::LoopLength;

/// Which unit a length is typed in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Steps,
    Metres,
}

/// The entered text as a loop length, or a kind message.
pub fn parse_length(text: &str, unit: Unit) -> Result<LoopLength, String> {
    let t = text.trim().replace(',', "");
    let bad = || "Please enter the length as a number, for example 1500.".to_string();
    match unit {
        Unit::Steps => t
            .parse::<u32>()
            .ok()
            .filter(|n| *n > 0)
            .map(LoopLength::Steps)
            .ok_or_else(bad),
        Unit::Metres => crate::domain::text::parse_decimal(&t)
            .filter(|m| m.is_finite() && *m > 0.0)
            .map(LoopLength::Metres)
            .ok_or_else(bad),
    }
}

/// A number field and a steps/metres choice.
#[component]
pub fn LengthFields(
    /// Prefix for element ids (unique per form).
    #[prop(into)]
    id: String,
    /// The typed text.
    text: RwSignal<String>,
    /// The chosen unit.
    unit: RwSignal<Unit>,
) -> impl IntoView {
    let len_id = format!("{id}-length");
    let unit_id = format!("{id}-unit");
    let len_for = len_id.clone();
    let unit_for = unit_id.clone();
    view! {
        <div class="length-fields">
            <label class="field" for=len_for>
                "Length"
                <input
                    id=len_id
                    type="text"
                    inputmode="numeric"
                    autocomplete="off"
                    prop:value=move || text.get()
                    on:input=move |ev| text.set(event_target_value(&ev))
                />
            </label>
            <label class="field" for=unit_for>
                "In"
                <select
                    id=unit_id
                    on:change=move |ev| {
                        unit.set(if event_target_value(&ev) == "metres" { Unit::Metres } else { Unit::Steps })
                    }
                    prop:value=move || if unit.get() == Unit::Metres { "metres" } else { "steps" }
                >
                    <option value="steps">"steps"</option>
                    <option value="metres">"metres"</option>
                </select>
            </label>
        </div>
    }
}
