//! The History charts: steps per day (30 days), active minutes per week
//! against the plan's target and the long-term aim, and pain before/after.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::domain::text::fixed;

use crate::domain::dates::{day_label, day_month};
use crate::domain::history::{active_minutes_per_week, pain_series, steps_last_30_days};
use crate::domain::pacing::AIM_MIN;
use crate::domain::record::WalkRecord;
use crate::domain::store::Store;
use crate::domain::text::{minutes_text, steps_text, thousands};
use crate::ui::care::plan_for;
use crate::ui::charts::bar_chart::{Bar, BarChart, RefLine};
use crate::ui::charts::line_chart::{LineChart, Marker, Point, Series};
use crate::ui::state::app_state;

/// Weeks shown in the minutes chart.
pub const WEEKS_SHOWN: u32 = 8;
/// Most recent pain records shown.
pub const PAIN_POINTS_SHOWN: usize = 14;

fn steps_chart(walks: &[WalkRecord], today: NaiveDate) -> impl IntoView {
    let days = steps_last_30_days(walks, today);
    let total: u64 = days.iter().map(|d| d.steps).sum();
    let walked = days.iter().filter(|d| d.steps > 0).count();
    let best = days
        .iter()
        .filter(|d| d.steps > 0)
        .max_by_key(|d| (d.steps, d.date));
    let last = days.len().saturating_sub(1);
    let bars = days
        .iter()
        .enumerate()
        .map(|(i, d)| Bar {
            label: day_label(d.date, today),
            tick: (last - i).is_multiple_of(7).then(|| day_month(d.date)),
            value: d.steps as f64,
            current: d.date == today,
        })
        .collect();
    let mut summary = format!(
        "Last 30 days: {} on {} {}.",
        steps_text(total),
        walked,
        if walked == 1 { "day" } else { "days" }
    );
    if let Some(b) = best {
        summary.push_str(&format!(
            " Most in a day: {} ({}).",
            thousands(b.steps),
            day_label(b.date, today)
        ));
    }
    view! {
        <BarChart
            id="chart-steps"
            title="Steps per day"
            summary=summary
            label_header="Day"
            value_header="Steps"
            bars=bars
        />
    }
}

fn minutes_chart(store: &Store, today: NaiveDate) -> impl IntoView {
    let weeks = active_minutes_per_week(&store.walks, today, WEEKS_SHOWN);
    // The same plan as the Back care screen's weekly target (entered
    // baseline and declared flare-ups included).
    let p = plan_for(store, today);
    let target_of = |ws: NaiveDate| {
        p.weeks
            .iter()
            .find(|w| w.week_start == ws)
            .map(|w| f64::from(w.target_min))
    };
    let last = weeks.len().saturating_sub(1);
    let bars: Vec<Bar> = weeks
        .iter()
        .enumerate()
        .map(|(i, w)| Bar {
            label: format!("Week of {}", day_month(w.week_start)),
            tick: (last - i)
                .is_multiple_of(2)
                .then(|| day_month(w.week_start)),
            value: w.active_min.round(),
            current: i == last,
        })
        .collect();
    let targets: Vec<Option<f64>> = weeks.iter().map(|w| target_of(w.week_start)).collect();
    let this_week = weeks.last().map(|w| w.active_min).unwrap_or(0.0);
    let planned = targets.iter().filter(|t| t.is_some()).count();
    let met = weeks
        .iter()
        .zip(&targets)
        .filter(|(w, t)| t.is_some_and(|t| w.active_min.round() >= t))
        .count();
    let summary = format!(
        "This week: {} of your {} target (the long-term aim is {} a week). Target met in {} of {} {} with a target.",
        minutes_text(this_week),
        minutes_text(f64::from(p.current.target_min)),
        minutes_text(f64::from(AIM_MIN)),
        met,
        planned,
        if planned == 1 { "week" } else { "weeks" },
    );
    let lines = vec![
        RefLine {
            label: "Weekly target".into(),
            class: "target",
            values: targets,
        },
        RefLine {
            label: format!("Aim ({})", minutes_text(f64::from(AIM_MIN))),
            class: "aim",
            values: vec![Some(f64::from(AIM_MIN)); weeks.len()],
        },
    ];
    view! {
        <BarChart
            id="chart-minutes"
            title="Active minutes per week"
            summary=summary
            label_header="Week"
            value_header="Active minutes"
            bars=bars
            lines=lines
        />
    }
}

fn pain_chart(walks: &[WalkRecord], today: NaiveDate) -> AnyView {
    let series = pain_series(walks);
    if series.is_empty() {
        return view! {
            <div class="svg-chart chart-empty" id="chart-pain">
                <h3 class="chart-title">"Pain before and after"</h3>
                <p class="muted">"Pain scores appear here once you record them with a walk."</p>
            </div>
        }
        .into_any();
    }
    let recent = &series[series.len().saturating_sub(PAIN_POINTS_SHOWN)..];
    let last = recent.len().saturating_sub(1);
    let points = recent
        .iter()
        .enumerate()
        .map(|(i, p)| Point {
            label: day_label(p.date, today),
            tick: (i == 0 || i == last || (recent.len() > 6 && i == last / 2))
                .then(|| day_month(p.date)),
        })
        .collect();
    let avg = |f: fn(&crate::domain::history::PainPoint) -> Option<u8>| {
        let v: Vec<f64> = recent.iter().filter_map(|p| f(p).map(f64::from)).collect();
        (!v.is_empty()).then(|| v.iter().sum::<f64>() / v.len() as f64)
    };
    let said = |v: Option<f64>| v.map_or_else(|| "not recorded".to_string(), |v| fixed(v, 1));
    let summary = format!(
        "Your last {} {} with pain recorded, from 0 (none) to 10. Average before: {}; after: {}.",
        recent.len(),
        if recent.len() == 1 { "walk" } else { "walks" },
        said(avg(|p| p.before)),
        said(avg(|p| p.after)),
    );
    let series = vec![
        Series {
            name: "Before".into(),
            class: "series-a",
            marker: Marker::Circle,
            values: recent.iter().map(|p| p.before.map(f64::from)).collect(),
        },
        Series {
            name: "After".into(),
            class: "series-b",
            marker: Marker::Square,
            values: recent.iter().map(|p| p.after.map(f64::from)).collect(),
        },
    ];
    view! {
        <LineChart
            id="chart-pain"
            title="Pain before and after"
            summary=summary
            label_header="Walk"
            points=points
            series=series
            y_max=10.0
            y_ticks=vec![0.0, 5.0, 10.0]
        />
    }
    .into_any()
}

/// The three charts. Each follows only what it draws: the steps and pain
/// charts the walks, the minutes chart also the plan's settings.
#[component]
pub fn Trends() -> impl IntoView {
    let state = app_state();
    let (walks, today) = (state.derived.walks, state.derived.today);
    view! {
        <section class="card trends" aria-labelledby="trends-title">
            <h2 id="trends-title" class="visually-hidden">"Trends"</h2>
            {move || walks.with(|w| steps_chart(w, today.get()))}
            {move || state.store.with(|s| minutes_chart(s, today.get()))}
            {move || walks.with(|w| pain_chart(w, today.get()))}
        </section>
    }
}
