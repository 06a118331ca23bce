//! Earned milestones, newest first, with their dates.

use leptos::prelude::*;

use crate::domain::dates::day_month_year;
use crate::domain::milestones::Earned;
use crate::ui::milestones::badge_art::BadgeArt;

/// The earned badges, newest first, each with its date; the newest one
/// is shown large with why it matters, the rest as a shelf of badges.
#[component]
pub fn EarnedList(
    /// Earned milestones in the order they were earned (oldest first).
    #[prop(into)]
    earned: Signal<Vec<Earned>>,
    /// The list's accessible name.
    #[prop(into, default = "Earned milestones, newest first".to_string())]
    label: String,
) -> impl IntoView {
    view! {
        <ul class="earned-list" aria-label=label>
            // A plain list, not a keyed <For>: it changes only when a walk is
            // saved, and the keyed diff is several KB of wasm per list.
            {move || {
                earned
                    .get()
                    .into_iter()
                    .rev()
                    .map(|e| {
                        let date = day_month_year(e.date);
                        let iso = e.date.to_string();
                        view! {
                            <li class="earned-item card" data-milestone=e.id>
                                <BadgeArt series=e.series earned=true label="" decorative=true/>
                                <div class="earned-text">
                                    <h3>{e.title}</h3>
                                    <p class="earned-date small">"Earned " <time datetime=iso>{date}</time></p>
                                    <p class="small muted why">{e.why}</p>
                                </div>
                            </li>
                        }
                    })
                    .collect_view()
            }}
        </ul>
    }
}
