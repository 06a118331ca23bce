//! The pacing plan as a small SVG chart: done bars, target line.

use leptos::prelude::*;

use crate::domain::text::fixed;
use crate::ui::charts::scale::px;

use crate::domain::pacing::PlanWeek;

const W: f64 = 320.0;
const H: f64 = 168.0;
const LEFT: f64 = 30.0;
const RIGHT: f64 = 8.0;
const TOP: f64 = 10.0;
const BOTTOM: f64 = 24.0;

/// Weeks of the plan (oldest first, at most the last 12 are drawn): a bar
/// for the minutes walked each week, a line for the target, flare-up weeks
/// marked. Purely visual; the accessible name summarises it.
#[component]
pub fn PlanChart(
    /// The plan's weeks, oldest first.
    weeks: Vec<PlanWeek>,
) -> impl IntoView {
    let shown: Vec<PlanWeek> = weeks.iter().rev().take(12).rev().cloned().collect();
    let n = shown.len().max(1) as f64;
    let top_value = shown
        .iter()
        .map(|w| w.target_min.max(w.done_min))
        .max()
        .unwrap_or(0)
        .max(10) as f64
        * 1.15;
    let plot_w = W - LEFT - RIGHT;
    let plot_h = H - TOP - BOTTOM;
    let slot = plot_w / n;
    let y = move |v: f64| TOP + plot_h - (v / top_value).min(1.0) * plot_h;

    let bars = shown
        .iter()
        .enumerate()
        .map(|(i, w)| {
            let x = LEFT + slot * i as f64 + slot * 0.18;
            let bw = slot * 0.64;
            let top = y(f64::from(w.done_min));
            let class = if w.flare {
                "bar flare"
            } else if w.met {
                "bar met"
            } else {
                "bar"
            };
            view! {
                <rect
                    class=class
                    x=fixed(x, 1)
                    y=fixed(top, 1)
                    width=fixed(bw, 1)
                    height=fixed((TOP + plot_h - top).max(0.0), 1)
                    rx="2"
                />
            }
        })
        .collect_view();

    let mut points = String::new();
    for (i, w) in shown.iter().enumerate() {
        let x0 = LEFT + slot * i as f64;
        let yy = y(f64::from(w.target_min));
        let (x0, x1, yy) = (fixed(x0, 1), fixed(x0 + slot, 1), fixed(yy, 1));
        points.push_str(&format!("{x0},{yy} {x1},{yy} "));
    }

    let (first, last) = crate::domain::dates::first_and_last(shown.iter().map(|w| w.week_start));
    let label = match shown.last() {
        Some(cur) => format!(
            "Your plan over {} weeks. This week's target is {} minutes; you have walked {}.",
            shown.len(),
            cur.target_min,
            cur.done_min
        ),
        None => "Your plan: no weeks yet.".to_string(),
    };
    let max_label = format!("{}", (top_value / 1.15).round() as u32);
    let max_y = fixed(y(top_value / 1.15), 1);

    view! {
        <figure class="chart plan-chart">
            <svg viewBox=format!("0 0 {} {}", px(W), px(H)) role="img" aria-label=label>
                <line class="axis" x1=px(LEFT) y1=px(TOP + plot_h) x2=px(W - RIGHT) y2=px(TOP + plot_h)/>
                <line class="grid" x1=px(LEFT) y1=max_y.clone() x2=px(W - RIGHT) y2=max_y.clone()/>
                <text class="tick" x=px(LEFT - 4.0) y=max_y text-anchor="end" dominant-baseline="middle">{max_label}</text>
                <text class="tick" x=px(LEFT - 4.0) y=px(TOP + plot_h) text-anchor="end" dominant-baseline="middle">"0"</text>
                {bars}
                <polyline class="target-line" points=points fill="none"/>
                <text class="tick" x=px(LEFT) y=px(H - 6.0)>{first}</text>
                <text class="tick" x=px(W - RIGHT) y=px(H - 6.0) text-anchor="end">{last}</text>
            </svg>
            <figcaption class="legend small">
                <span class="legend-item"><span class="key key-done" aria-hidden="true"></span>" minutes walked"</span>
                <span class="legend-item"><span class="key key-met" aria-hidden="true"></span>" target reached"</span>
                <span class="legend-item"><span class="key key-target" aria-hidden="true"></span>" weekly target"</span>
                <span class="legend-item"><span class="key key-flare" aria-hidden="true"></span>" flare-up week"</span>
            </figcaption>
        </figure>
    }
}
