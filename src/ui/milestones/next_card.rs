//! The nearest next milestone, for the Walk screen.

use leptos::prelude::*;

use crate::domain::milestones::next_shown;
use crate::ui::milestones::badge_art::BadgeArt;
use crate::ui::state::app_state;

/// "12 more minutes of continuous walking to earn 20 minutes without
/// stopping", with a progress bar. Renders nothing when there is no next
/// milestone. Meant for the Walk screen before Start.
#[component]
pub fn NextMilestoneCard() -> impl IntoView {
    let state = app_state();
    // The first of what the Milestones screen shows under "Next up": the
    // closest goal within this week's plan.
    let (report, limits) = (state.derived.milestones, state.derived.next_limits);
    let next =
        Memo::new(move |_| limits.with(|l| report.with(|r| next_shown(r, l).into_iter().next())));
    view! {
        {move || {
            next.get()
                .map(|n| {
                    let pct = (n.progress * 100.0).round().clamp(0.0, 100.0) as u32;
                    view! {
                        <a class="card next-milestone" href="#/milestones" data-milestone=n.id>
                            <BadgeArt series=n.series earned=false label="" decorative=true/>
                            <span class="next-text">
                                <span class="kicker small">"Next milestone"</span>
                                <span class="next-sentence">
                                    {format!("{} to earn \u{201c}{}\u{201d}", n.remaining_text, n.title)}
                                </span>
                                <span class="progress" aria-hidden="true">
                                    <span style:width=format!("{pct}%")></span>
                                </span>
                            </span>
                        </a>
                    }
                })
        }}
    }
}
