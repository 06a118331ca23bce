//! One walk in the History list: a link to its detail.

use leptos::prelude::*;

use super::format::{gaps_marker, rests_text};
use super::route::HistoryRoute;
use crate::domain::record::{StepSource, WalkRecord};
use crate::domain::text::{duration_text, steps_text};

/// A tappable row: start time, steps, active time, loop, rests, and the
/// "counting paused" and "edited" markers.
#[component]
pub fn WalkRow(
    /// The walk shown.
    walk: WalkRecord,
    /// Name of its loop, if it has one.
    loop_name: Option<String>,
) -> impl IntoView {
    let href = HistoryRoute::Walk(walk.id.clone()).hash();
    let start = crate::domain::dates::hh_mm(&walk.local_start());
    let steps = steps_text(u64::from(walk.steps.0));
    let active = format!("{} active", duration_text(walk.active_s));
    let place = loop_name.unwrap_or_else(|| "No loop".into());
    let rests = rests_text(walk.rests.len());
    let paused = gaps_marker(&walk.gaps);
    let edited = walk.edited;
    let manual = walk.source == StepSource::Manual;
    view! {
        <li>
            <a class="walk-row" href=href data-walk=walk.id.0.clone()>
                <span class="walk-when">{start}</span>
                <span class="walk-body">
                    <span class="walk-steps">{steps}</span>
                    <span class="walk-meta">
                        <span class="nw">{active}</span>" · "
                        <span>{place}</span>" · "
                        <span class="nw">{rests}</span>
                    </span>
                    {(paused.is_some() || edited || manual).then(|| view! {
                        <span class="tags">
                            {paused.map(|p| view! { <span class="tag paused">{p}</span> })}
                            {manual.then(|| view! { <span class="tag">"Steps entered by hand"</span> })}
                            {edited.then(|| view! { <span class="tag edited">"Edited"</span> })}
                        </span>
                    })}
                </span>
                <span class="chevron" aria-hidden="true">"›"</span>
            </a>
        </li>
    }
}
