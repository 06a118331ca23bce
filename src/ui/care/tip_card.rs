//! Gentle walking tips, one a day.

use chrono::{Datelike, NaiveDate};
use leptos::prelude::*;

use crate::ui::care::today;
use crate::ui::state::app_state;

/// The tips, (heading, text).
pub const TIPS: [(&str, &str); 7] = [
    (
        "Walk tall",
        "Shoulders back and relaxed, head up, eyes on the path ahead rather than your feet.",
    ),
    (
        "A gently braced middle",
        "Tighten your tummy muscles just a little, as if getting ready for a light nudge. Keep breathing easily.",
    ),
    (
        "Shorter steps",
        "A slightly shorter stride, landing on the middle of your foot, is kinder to your back than long reaching steps.",
    ),
    (
        "Start small",
        "A few minutes round the block is a fine start. You can always add a little more next time.",
    ),
    (
        "Vary your pace",
        "Begin slowly, then pick up the pace a bit as you loosen up, and ease off again towards home.",
    ),
    (
        "Break up sitting",
        "After a long time sitting, a short walk break helps your back loosen up.",
    ),
    (
        "Slow and steady",
        "Start slow and don't overdo it. Regular gentle walks do more good than one big one.",
    ),
];

/// The tip for a day (a different one each day, in turn).
pub fn tip_for(day: NaiveDate) -> (&'static str, &'static str) {
    TIPS[day.num_days_from_ce().unsigned_abs() as usize % TIPS.len()]
}

/// Today's walking tip, as a small card; nothing when tips are off
/// (`settings.tips`). Meant for the Walk screen (before Start) and shown on
/// the Milestones screen.
#[component]
pub fn TipCard() -> impl IntoView {
    let state = app_state();
    let on = Memo::new(move |_| state.store.with(|s| s.settings.tips));
    let (title, text) = tip_for(today());
    view! {
        <Show when=move || on.get()>
            <section class="card soft tip-card" aria-label="Walking tip">
                <p class="tip-kicker">"Tip"</p>
                <h3>{title}</h3>
                <p>{text}</p>
                <button
                    type="button"
                    class="btn tip-off"
                    on:click=move |_| state.update_store(|s| s.settings.tips = false)
                >
                    "Hide tips"
                </button>
            </section>
        </Show>
    }
}
