//! How far round the loop: a ring for the walk screen.

use std::f64::consts::PI;

use leptos::prelude::*;

use crate::domain::text::fixed;

const R: f64 = 52.0;

/// A ring filling up as the walker goes round their loop, with the percent
/// in the middle; at 100% and beyond it says "Whole loop!". Meant for the
/// Walk screen while recording (progress from `loops::loop_progress`).
#[component]
pub fn LoopProgressRing(
    /// How far round: 0.0 at the start, 1.0 for the whole loop (may exceed 1).
    #[prop(into)]
    progress: Signal<f64>,
    /// The loop's name.
    #[prop(into)]
    name: Signal<String>,
) -> impl IntoView {
    let circumference = 2.0 * PI * R;
    // The ring and its text are built once; each step only updates the
    // stroke offset and the two texts, and those only when they change.
    let p = Memo::new(move |_| {
        let v = progress.get();
        if v.is_finite() {
            v.max(0.0)
        } else {
            0.0
        }
    });
    let whole = Memo::new(move |_| p.get() >= 1.0);
    let pct = Memo::new(move |_| (p.get() * 100.0).floor() as u32);
    let offset = Memo::new(move |_| fixed(circumference * (1.0 - p.get().min(1.0)), 2));
    let big = move || {
        if whole.get() {
            "Whole loop!".to_string()
        } else {
            format!("{}%", pct.get())
        }
    };
    let small = move || {
        if whole.get() {
            name.get()
        } else {
            format!("round {}", name.get())
        }
    };
    view! {
        <div class="loop-ring" class:whole=move || whole.get()>
            <svg viewBox="0 0 120 120" aria-hidden="true" focusable="false">
                <circle class="ring-track" cx="60" cy="60" r="52" fill="none"/>
                <circle
                    class="ring-fill"
                    cx="60"
                    cy="60"
                    r="52"
                    fill="none"
                    stroke-dasharray=fixed(circumference, 2)
                    stroke-dashoffset=move || offset.get()
                    transform="rotate(-90 60 60)"
                />
            </svg>
            <div class="ring-text" role="status" aria-live="polite">
                <span class="ring-big">{big}</span>
                <span class="ring-small">{small}</span>
            </div>
        </div>
    }
}
