//! Settings section: Walking.

use leptos::prelude::*;

use crate::domain::settings::{HEIGHT_RANGE_CM, STEP_LENGTH_RANGE_CM};
use crate::ui::fields::NumberField;
use crate::ui::state::app_state;

/// An entered number of centimetres outside the plausible range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OutOfRange;

/// Parse an optional centimetre value within `range`: empty is `Ok(None)`.
pub fn parse_cm(
    text: &str,
    range: &std::ops::RangeInclusive<u16>,
) -> Result<Option<u16>, OutOfRange> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    match t.parse::<u16>() {
        Ok(v) if range.contains(&v) => Ok(Some(v)),
        _ => Err(OutOfRange),
    }
}

/// Height and step length for distance.
#[component]
pub fn WalkingSettings() -> impl IntoView {
    let state = app_state();
    let (h0, s0) = state.store.with_untracked(|s| {
        (
            s.settings
                .height_cm
                .map(|v| v.to_string())
                .unwrap_or_default(),
            s.settings
                .step_length_cm
                .map(|v| v.to_string())
                .unwrap_or_default(),
        )
    });
    let height = RwSignal::new(h0);
    let step = RwSignal::new(s0);
    let height_err = RwSignal::new(false);
    let step_err = RwSignal::new(false);
    let used = Memo::new(move |_| {
        state.store.with(|s| {
            let cm = (s.settings.step_length_m() * 100.0).round() as u32;
            let from = if s
                .settings
                .step_length_cm
                .is_some_and(|v| STEP_LENGTH_RANGE_CM.contains(&v))
            {
                "as you set it"
            } else if s
                .settings
                .height_cm
                .is_some_and(|v| HEIGHT_RANGE_CM.contains(&v))
            {
                "estimated from your height"
            } else {
                "a typical gentle step"
            };
            format!("Loopwalk uses a step of {cm} cm ({from}) to estimate distances.")
        })
    });
    let save_height = move |()| match parse_cm(&height.get_untracked(), &HEIGHT_RANGE_CM) {
        Ok(v) => {
            height_err.set(false);
            state.update_store(|s| s.settings.height_cm = v);
        }
        Err(OutOfRange) => height_err.set(true),
    };
    let save_step = move |()| match parse_cm(&step.get_untracked(), &STEP_LENGTH_RANGE_CM) {
        Ok(v) => {
            step_err.set(false);
            state.update_store(|s| s.settings.step_length_cm = v);
        }
        Err(OutOfRange) => step_err.set(true),
    };
    view! {
        <section class="card" aria-labelledby="settings-walking">
            <h2 id="settings-walking">"Walking"</h2>
            <NumberField label="Your height in cm (optional)" id="height-cm" value=height on_change=save_height/>
            <Show when=move || height_err.get()>
                <p class="error small" role="alert">
                    {format!("Please enter a height between {} and {} cm, or leave it empty.", HEIGHT_RANGE_CM.start(), HEIGHT_RANGE_CM.end())}
                </p>
            </Show>
            <NumberField label="Your step length in cm (optional; used instead of height)" id="step-cm" value=step on_change=save_step/>
            <Show when=move || step_err.get()>
                <p class="error small" role="alert">
                    {format!("Please enter a step length between {} and {} cm, or leave it empty.", STEP_LENGTH_RANGE_CM.start(), STEP_LENGTH_RANGE_CM.end())}
                </p>
            </Show>
            <p class="small muted" aria-live="polite">{move || used.get()}</p>
            <p class="small muted">"To measure your step: walk 10 steps, measure the distance, divide by 10."</p>
        </section>
    }
}
