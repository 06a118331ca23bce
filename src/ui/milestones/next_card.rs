//! The nearest next milestone, for the Walk screen.

use leptos::prelude::*;

use crate::domain::milestones::{MilestoneReport, NextUp};
use crate::ui::care::{streaks_paused, today};
use crate::ui::milestones::badge_art::BadgeArt;
use crate::ui::milestones::report_for;
use crate::ui::state::app_state;

/// The next-up item closest to being reached, leaving out streak-type goals
/// while they are paused (flare-up).
pub fn nearest(report: &MilestoneReport, paused: bool) -> Option<NextUp> {
    report
        .next
        .iter()
        .filter(|n| !(paused && n.series.time_pressured()))
        .fold(None, |best: Option<&NextUp>, n| match best {
            Some(b) if b.progress >= n.progress => Some(b),
            _ => Some(n),
        })
        .cloned()
}

/// "12 more minutes of continuous walking to earn 20 minutes without
/// stopping", with a progress bar. Renders nothing when there is no next
/// milestone. Meant for the Walk screen before Start.
#[component]
pub fn NextMilestoneCard() -> impl IntoView {
    let state = app_state();
    let next = Memo::new(move |_| {
        state.store.with(|s| {
            let day = today();
            nearest(&report_for(s, day), streaks_paused(&s.settings, day))
        })
    });
    view! {
        {move || {
            next.get()
                .map(|n| {
                    let pct = (n.progress * 100.0).round().clamp(0.0, 100.0);
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
