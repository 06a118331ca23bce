//! A one-tap pain check-in, 0 to 10.

use leptos::prelude::*;

use crate::domain::care::{tier_for_pain, Tier};
use crate::domain::pacing::HIGH_PAIN;
use crate::ui::care::tier_card::HighPainAdvice;
use crate::ui::care::URGENT_FROM_WALK;

fn word(n: u8) -> &'static str {
    match n {
        0 => "no pain",
        1..=3 => "mild",
        4..=6 => "moderate",
        7..=9 => "severe",
        _ => "worst imaginable",
    }
}

/// Pain from 0 (none) to 10 (worst imaginable) as eleven large buttons:
/// one tap picks, "Skip" passes. From 7 up it shows when to see a GP or
/// physiotherapist and a link to "When to get help urgently".
///
/// Meant for the walk screen (before Start and on the walk summary). The
/// caller decides whether to show it at all: check
/// `store.settings.pain_checkins` (the walker can turn check-ins off in
/// Settings > Back care).
#[component]
pub fn PainCheckIn(
    /// The question, e.g. "How is your back right now?".
    #[prop(into)]
    title: String,
    /// Called once per tap: `Some(score)` or `None` for "Skip".
    #[prop(into)]
    on_pick: Callback<Option<u8>>,
    /// A score to show as already picked (e.g. when editing).
    #[prop(optional)]
    initial: Option<u8>,
) -> impl IntoView {
    let picked = RwSignal::new(initial);
    let skipped = RwSignal::new(false);
    let heading_id = format!("pain-{}", (js_sys::Math::random() * 1e9) as u64);
    let buttons = (0..=10u8)
        .map(|n| {
            let pressed = move || picked.get() == Some(n);
            let btn_class = if n >= HIGH_PAIN {
                "pain-btn high"
            } else {
                "pain-btn"
            };
            view! {
                <button
                    type="button"
                    class=btn_class
                    data-pain=n
                    aria-pressed=move || if pressed() { "true" } else { "false" }
                    aria-label=format!("{n}, {}", word(n))
                    on:click=move |_| {
                        picked.set(Some(n));
                        skipped.set(false);
                        on_pick.run(Some(n));
                    }
                >
                    {n}
                </button>
            }
        })
        .collect_view();
    let h_a = heading_id.clone();
    let h_b = heading_id.clone();
    view! {
        <section class="card pain-checkin" aria-labelledby=h_a>
            <h2 id=h_b>{title}</h2>
            <p class="muted small">"0 is no pain, 10 is the worst you can imagine. One tap is enough."</p>
            <div class="pain-scale" role="group" aria-labelledby=heading_id>
                {buttons}
            </div>
            <div class="pain-ends muted small" aria-hidden="true">
                <span>"No pain"</span>
                <span>"Worst"</span>
            </div>
            <p class="pain-picked" aria-live="polite">
                {move || match (picked.get(), skipped.get()) {
                    (Some(n), _) => format!("Noted: {n} out of 10 ({}).", word(n)),
                    (None, true) => "Skipped. That's fine.".to_string(),
                    _ => String::new(),
                }}
            </p>
            <Show when=move || tier_for_pain(picked.get()) == Some(Tier::SeeGp)>
                <div class="pain-high">
                    <HighPainAdvice urgent_href=URGENT_FROM_WALK/>
                </div>
            </Show>
            <button
                type="button"
                class="btn outline pain-skip"
                on:click=move |_| {
                    picked.set(None);
                    skipped.set(true);
                    on_pick.run(None);
                }
            >
                "Skip"
            </button>
        </section>
    }
}
