//! Walks grouped by week (with the week's totals) and by day.

use leptos::prelude::*;

use super::walk_row::WalkRow;
use crate::domain::dates::{day_heading, week_heading};
use crate::domain::history::WeekGroup;
use crate::domain::loops;
use crate::domain::record::LoopRecord;
use crate::domain::text::{minutes_text, steps_text, walks_text};

/// Weeks of walks, newest first; each week headed by its total steps,
/// active minutes and number of walks, then its days newest first.
#[component]
pub fn WalkList(
    /// The weeks to show (from [`crate::domain::history::by_week`]).
    weeks: Vec<WeekGroup>,
    /// The walker's loops (for loop names).
    loops: Vec<LoopRecord>,
    /// The walker's local date today.
    today: chrono::NaiveDate,
) -> impl IntoView {
    weeks
        .into_iter()
        .map(|week| {
            let heading = week_heading(week.week_start, today);
            let heading_id = format!("week-{}", crate::domain::dates::iso_date(week.week_start));
            let labelled_by = heading_id.clone();
            let totals = view! {
                <span class="nw">{steps_text(week.totals.steps)}</span>" · "
                <span class="nw">{minutes_text(week.totals.active_min())}" active"</span>" · "
                <span class="nw">{walks_text(u64::from(week.totals.walks))}</span>
            };
            let days = week
                .days
                .into_iter()
                .map(|day| {
                    let rows = day
                        .walks
                        .into_iter()
                        .map(|w| {
                            let loop_name = w
                                .loop_id
                                .as_ref()
                                .and_then(|id| loops::find(&loops, id))
                                .map(|l| l.name.clone());
                            view! { <WalkRow walk=w loop_name=loop_name/> }
                        })
                        .collect_view();
                    let day_total = (day.totals.walks > 1).then(
                        || view! { <span class="day-total">{steps_text(day.totals.steps)}</span> },
                    );
                    view! {
                        <div class="day">
                            <h3 class="day-heading">
                                <span>{day_heading(day.date, today)}</span>
                                {day_total}
                            </h3>
                            <ul class="list walks">{rows}</ul>
                        </div>
                    }
                })
                .collect_view();
            view! {
                <section class="card week" aria-labelledby=labelled_by>
                    <header class="week-header">
                        <h2 id=heading_id>{heading}</h2>
                        <p class="week-totals">{totals}</p>
                    </header>
                    {days}
                </section>
            }
        })
        .collect_view()
}
