//! A short celebration of milestones just earned.

use leptos::prelude::*;

use crate::domain::milestones::Earned;
use crate::ui::milestones::badge_art::BadgeArt;

/// Celebrates milestones newly earned by the walk just saved (see
/// [`newly_earned_by`](crate::domain::milestones::newly_earned_by)): each badge with
/// its title and why it matters, announced politely to screen readers.
/// A gentle pop-in animation that is switched off by CSS when the walker
/// prefers reduced motion. Renders nothing for an empty list. Meant for the
/// walk summary.
#[component]
pub fn Celebration(
    /// Milestones to celebrate.
    items: Vec<Earned>,
) -> impl IntoView {
    if items.is_empty() {
        return ().into_any();
    }
    let heading = if items.len() == 1 {
        "New milestone!".to_string()
    } else {
        format!("{} new milestones!", items.len())
    };
    let rows = items
        .into_iter()
        .map(|e| {
            view! {
                <li class="celebrate-item" data-milestone=e.id>
                    <BadgeArt series=e.series earned=true label="" decorative=true/>
                    <div>
                        <h3>{e.title}</h3>
                        <p class="small">{e.why}</p>
                    </div>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="card celebration" role="status" aria-labelledby="celebration-title">
            <h2 id="celebration-title">{heading}</h2>
            <ul class="celebrate-list">{rows}</ul>
            <p class="small muted">
                <a href="#/milestones">"See all your milestones"</a>
            </p>
        </section>
    }
    .into_any()
}
