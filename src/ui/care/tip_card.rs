//! Gentle walking tips, one a day.

use chrono::{Datelike, NaiveDate};
use leptos::prelude::*;

use crate::ui::care::today;
use crate::ui::state::app_state;

/// The tips, (heading, text). Comfort ideas are offered ("try ... if it
/// feels good"), never given as instructions; each line's source is in
/// `docs/care.md`.
pub const TIPS: [(&str, &str); 8] = [
    (
        "Why walking helps",
        "Keeping active helps your back recover, and some pain while you move does not mean you are causing harm. Stop and rest if it gets much worse.",
    ),
    (
        "Resting is part of the plan",
        "With spinal stenosis, bending forward or sitting down often eases leg pain. Stopping to rest on a walk is part of the plan, not a failure.",
    ),
    (
        "If it feels good: walk tall",
        "Try keeping your head up and your shoulders relaxed, eyes on the path ahead, if that feels comfortable. Leaning forward a little is fine too if it eases your legs.",
    ),
    (
        "If it feels good: shorter steps",
        "Try slightly shorter steps if long strides bother your back or legs.",
    ),
    (
        "Start small",
        "A few minutes round the block is a fine start. You can always add a little more next time.",
    ),
    (
        "Your own pace",
        "If you like, begin slowly and let the pace pick up a little as you loosen up, then ease off towards home.",
    ),
    (
        "Break up sitting",
        "After a long time sitting, a short walk break can help you loosen up.",
    ),
    (
        "Slow and steady",
        "Start slow and don't overdo it. There's no need to catch up on missed walks.",
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tips_offer_comfort_ideas_never_instructions_or_claims() {
        for (title, text) in TIPS {
            let all = format!("{title} {text}").to_lowercase();
            for banned in ["brace", "core", "helps backs most", "tighten"] {
                assert!(!all.contains(banned), "{title}: {banned}");
            }
        }
        let posture: Vec<_> = TIPS
            .iter()
            .filter(|(t, _)| t.starts_with("If it feels good"))
            .collect();
        assert_eq!(posture.len(), 2);
        for (_, text) in posture {
            assert!(text.starts_with("Try "), "{text}");
        }
    }

    #[test]
    fn the_stenosis_and_why_walking_helps_tips_are_there() {
        let text = |title: &str| TIPS.iter().find(|(t, _)| *t == title).unwrap().1;
        let stenosis = text("Resting is part of the plan");
        assert!(stenosis.contains("spinal stenosis"));
        assert!(stenosis.contains("bending forward or sitting"));
        assert!(stenosis.contains("not a failure"));
        let why = text("Why walking helps");
        assert!(why.contains("does not mean you are causing harm"));
        assert!(why.contains("Stop and rest if it gets much worse"));
        // Every tip is shown in turn, one a day.
        let d: NaiveDate = "2026-12-02".parse().unwrap();
        let week: std::collections::BTreeSet<_> = (0..8)
            .map(|i| tip_for(d + chrono::Days::new(i)).0)
            .collect();
        assert_eq!(week.len(), TIPS.len());
    }
}
