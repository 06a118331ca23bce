//! A small chart of one loop's walks.

use leptos::prelude::*;

use crate::domain::text::fixed;
use crate::ui::charts::scale::px;

use crate::domain::loops::LoopPoint;

const W: f64 = 300.0;
const H: f64 = 90.0;
const PAD: f64 = 6.0;

/// One bar per walk of the loop (the last 20): its height is how far round
/// it went, the dashed line is the whole loop; bars that completed the loop
/// are filled, non-stop ones carry a dot on top.
#[component]
pub fn LoopChart(
    /// The loop's walks, oldest first.
    series: Vec<LoopPoint>,
    /// The loop's length in steps.
    length_steps: f64,
) -> impl IntoView {
    let shown: Vec<LoopPoint> = series.iter().rev().take(20).rev().cloned().collect();
    let n = shown.len().max(5) as f64;
    let slot = (W - 2.0 * PAD) / n;
    let top = shown
        .iter()
        .map(|p| f64::from(p.steps.0) / length_steps.max(1.0))
        .fold(1.0f64, f64::max)
        * 1.1;
    let plot_h = H - 2.0 * PAD - 8.0;
    let base = H - PAD;
    let y = move |v: f64| base - (v / top).min(1.0) * plot_h;
    let bars = shown
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let v = f64::from(p.steps.0) / length_steps.max(1.0);
            let x = PAD + slot * i as f64 + slot * 0.2;
            let w = slot * 0.6;
            let yy = y(v);
            let class = if p.completed { "bar met" } else { "bar" };
            view! {
                <rect class=class x=fixed(x, 1) y=fixed(yy, 1) width=fixed(w, 1) height=fixed(base - yy, 1) rx="2"/>
                {p.non_stop.then(|| view! {
                    <circle class="dot" cx=fixed(x + w / 2.0, 1) cy=fixed(yy - 5.0, 1) r="2.6"/>
                })}
            }
        })
        .collect_view();
    let line_y = fixed(y(1.0), 1);
    let completed = shown.iter().filter(|p| p.completed).count();
    let label = format!(
        "Last {} walks of this loop: {} went all the way round.",
        shown.len(),
        completed
    );
    view! {
        <figure class="chart loop-figure">
            <svg class="loop-chart" viewBox=format!("0 0 {} {}", px(W), px(H)) role="img" aria-label=label>
                <line class="axis" x1=px(PAD) y1=px(base) x2=px(W - PAD) y2=px(base)/>
                <line class="target-line" x1=px(PAD) y1=line_y.clone() x2=px(W - PAD) y2=line_y/>
                {bars}
            </svg>
            <figcaption class="legend small">
                <span class="legend-item"><span class="key key-met" aria-hidden="true"></span>" all the way round"</span>
                <span class="legend-item"><span class="key key-done" aria-hidden="true"></span>" part of the way"</span>
                <span class="legend-item"><span class="key key-nonstop" aria-hidden="true"></span>" without stopping"</span>
                <span class="legend-item"><span class="key key-target" aria-hidden="true"></span>" one whole loop"</span>
            </figcaption>
        </figure>
    }
}
