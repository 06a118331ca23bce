//! A kind word after a walk that may have overdone it.

use leptos::prelude::*;

use crate::domain::care::{tier_for_pain, Tier};
use crate::domain::pacing::overdo_check;
use crate::domain::record::WalkRecord;
use crate::ui::care::tier_card::SeeGpCard;
use crate::ui::care::URGENT_FROM_WALK;
use crate::ui::state::app_state;

/// Checks a just-finished walk against the walker's recent walks
/// (`pacing::overdo_check`) and, if it may have been a bit much, says so
/// kindly and suggests holding the current level; with pain of 7 or more
/// after it, it shows when to see a GP or physiotherapist and links to
/// "When to get help urgently". Renders nothing when all is well.
/// Meant for the walk summary.
#[component]
pub fn OverdoNotice(
    /// The walk just finished (saved or not; it is skipped among the recent walks).
    walk: WalkRecord,
) -> impl IntoView {
    let state = app_state();
    let see_gp = tier_for_pain(walk.pain_after) == Some(Tier::SeeGp);
    let cautions = Memo::new(move |_| state.store.with(|s| overdo_check(&walk, &s.walks)));
    view! {
        <Show when=move || cautions.with(|c| !c.is_empty())>
            <section class="card notice overdo" aria-labelledby="overdo-title">
                <h2 id="overdo-title">"A gentle word"</h2>
                {move || {
                    cautions
                        .get()
                        .into_iter()
                        .map(|c| view! { <p>{c.message}</p> })
                        .collect_view()
                }}
                {see_gp.then(|| view! { <SeeGpCard urgent_href=URGENT_FROM_WALK/> })}
                <Show when=move || !see_gp && cautions.with(|c| c.iter().any(|c| c.suggest_urgent_help))>
                    <p>
                        <a href=URGENT_FROM_WALK class="urgent-link">"When to get help urgently"</a>
                    </p>
                </Show>
            </section>
        </Show>
    }
}
