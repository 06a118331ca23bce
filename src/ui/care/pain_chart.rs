//! Pain trend: average pain before and after walks, week by week (SVG).

use leptos::prelude::*;

use crate::domain::text::fixed;
use crate::ui::charts::scale::px;

const W: f64 = 320.0;
const H: f64 = 140.0;
const LEFT: f64 = 26.0;
const RIGHT: f64 = 8.0;
const TOP: f64 = 8.0;
const BOTTOM: f64 = 22.0;

pub use crate::domain::report::PainWeek;

fn line(weeks: &[PainWeek], pick: impl Fn(&PainWeek) -> Option<f64>) -> (String, Vec<(f64, f64)>) {
    let n = weeks.len().max(1) as f64;
    let slot = (W - LEFT - RIGHT) / n;
    let plot_h = H - TOP - BOTTOM;
    let pts: Vec<(f64, f64)> = weeks
        .iter()
        .enumerate()
        .filter_map(|(i, w)| {
            pick(w).map(|v| {
                (
                    LEFT + slot * (i as f64 + 0.5),
                    TOP + plot_h - v.clamp(0.0, 10.0) / 10.0 * plot_h,
                )
            })
        })
        .collect();
    let s = pts
        .iter()
        .map(|(x, y)| format!("{},{}", fixed(*x, 1), fixed(*y, 1)))
        .collect::<Vec<_>>()
        .join(" ");
    (s, pts)
}

/// Weekly average pain before (dashed) and after (solid) walks, 0-10.
#[component]
pub fn PainChart(
    /// Weeks, oldest first.
    weeks: Vec<PainWeek>,
    /// Accessible summary of the trend.
    #[prop(into)]
    label: String,
) -> impl IntoView {
    let (before, before_pts) = line(&weeks, |w| w.before);
    let (after, after_pts) = line(&weeks, |w| w.after);
    let base = H - BOTTOM;
    let mid = TOP + (H - TOP - BOTTOM) / 2.0;
    let dots = before_pts
        .iter()
        .map(|(x, y)| view! { <circle class="pain-before" cx=fixed(*x, 1) cy=fixed(*y, 1) r="3"/> })
        .collect_view();
    let dots_after = after_pts
        .iter()
        .map(
            |(x, y)| view! { <circle class="pain-after" cx=fixed(*x, 1) cy=fixed(*y, 1) r="3.5"/> },
        )
        .collect_view();
    let (first, last) = crate::domain::dates::first_and_last(weeks.iter().map(|w| w.week_start));
    view! {
        <figure class="chart pain-chart">
            <svg viewBox=format!("0 0 {} {}", px(W), px(H)) role="img" aria-label=label>
                <line class="axis" x1=px(LEFT) y1=px(base) x2=px(W - RIGHT) y2=px(base)/>
                <line class="grid" x1=px(LEFT) y1=px(TOP) x2=px(W - RIGHT) y2=px(TOP)/>
                <line class="grid" x1=px(LEFT) y1=px(mid) x2=px(W - RIGHT) y2=px(mid)/>
                <text class="tick" x=px(LEFT - 4.0) y=px(TOP) text-anchor="end" dominant-baseline="middle">"10"</text>
                <text class="tick" x=px(LEFT - 4.0) y=px(mid) text-anchor="end" dominant-baseline="middle">"5"</text>
                <text class="tick" x=px(LEFT - 4.0) y=px(base) text-anchor="end" dominant-baseline="middle">"0"</text>
                <polyline class="pain-before" points=before fill="none"/>
                <polyline class="pain-after" points=after fill="none"/>
                {dots}
                {dots_after}
                <text class="tick" x=px(LEFT) y=px(H - 5.0)>{first}</text>
                <text class="tick" x=px(W - RIGHT) y=px(H - 5.0) text-anchor="end">{last}</text>
            </svg>
            <figcaption class="legend small">
                <span class="legend-item"><span class="key key-before" aria-hidden="true"></span>" before walks"</span>
                <span class="legend-item"><span class="key key-after" aria-hidden="true"></span>" after walks (0 none, 10 worst)"</span>
            </figcaption>
        </figure>
    }
}
