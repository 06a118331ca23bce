//! "My back is bad today": flare-up mode on and off.

use leptos::prelude::*;

use crate::domain::care::{tier_for_flare, Tier};
use crate::domain::dates::weekday_day_month;
use crate::ui::care::tier_card::SeeGpCard;
use crate::ui::care::urgent_href_here;
use crate::ui::care::{end_flare, start_flare, today, FLARE_DAYS};
use crate::ui::state::app_state;

/// One tap starts a flare-up (targets lowered for a few days, weekly goals
/// set aside); while it lasts, shows until when, when to see a GP or
/// physiotherapist, and a button to end it. Meant for Settings > Back care and the Walk screen's weekly
/// target card.
#[component]
pub fn FlareToggle() -> impl IntoView {
    let state = app_state();
    let until = Memo::new(move |_| {
        state.store.with(|s| {
            s.settings
                .flare_up_until
                .filter(|_| s.settings.in_flare_up(today()))
        })
    });
    // One button: it ends a flare-up while one lasts, else starts one.
    let toggle = move |_| {
        let on = until.get_untracked().is_some();
        state.update_store(|s| {
            if on {
                end_flare(&mut s.settings, today())
            } else {
                start_flare(&mut s.settings, today())
            }
        })
    };
    view! {
        <div class="flare" aria-live="polite">
            {move || match until.get() {
                Some(u) => view! {
                    <p class="flare-on">
                        <strong>"Taking it easy until " {weekday_day_month(u)} "."</strong>
                        " Your target is lowered and weekly goals are paused. Rest is part of recovery."
                    </p>
                    {(tier_for_flare(true) == Some(Tier::SeeGp)).then(|| view! { <SeeGpCard urgent_href=urgent_href_here()/> })}
                }
                .into_any(),
                None => view! {
                    <p class="muted small">
                        {format!(
                            "Having a bad day? Tap below and Loopwalk lowers your target for {FLARE_DAYS} days and pauses weekly goals. No pressure."
                        )}
                    </p>
                }
                .into_any(),
            }}
            <button
                type="button"
                class="btn outline"
                data-action=move || if until.with(Option::is_some) { "end-flare" } else { "start-flare" }
                on:click=toggle
            >
                {move || if until.with(Option::is_some) { "My back feels better: end this" } else { "My back is bad today" }}
            </button>
        </div>
    }
}
