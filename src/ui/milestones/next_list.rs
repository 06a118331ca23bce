//! The next milestones, with progress bars.

use leptos::prelude::*;

use crate::domain::milestones::NextUp;
use crate::ui::milestones::badge_art::BadgeArt;

/// One row per series still to go: muted badge, title, "N more ..." and a
/// progress bar.
#[component]
pub fn NextList(
    /// The next milestone of each series (already filtered as wanted).
    #[prop(into)]
    next: Signal<Vec<NextUp>>,
) -> impl IntoView {
    view! {
        <ul class="next-list" aria-label="Next milestones">
            // A plain list, not a keyed <For> (see EarnedList).
            {move || {
                next.get()
                    .into_iter()
                    .map(|n| {
                        let pct = (n.progress * 100.0).round().clamp(0.0, 100.0) as u32;
                        let title = n.title;
                        view! {
                            <li class="next-item" data-milestone=n.id>
                                <BadgeArt series=n.series earned=false label="" decorative=true/>
                                <div class="next-text">
                                    <h3>{title}</h3>
                                    <p class="small next-remaining">{n.remaining_text.clone()}</p>
                                    <div
                                        class="progress"
                                        role="progressbar"
                                        aria-label=format!("Progress towards {title}")
                                        aria-valuemin="0"
                                        aria-valuemax="100"
                                        aria-valuenow=pct
                                    >
                                        <span style:width=format!("{pct}%")></span>
                                    </div>
                                </div>
                            </li>
                        }
                    })
                    .collect_view()
            }}
        </ul>
    }
}
