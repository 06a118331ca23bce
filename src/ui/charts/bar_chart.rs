//! A bar chart as inline SVG, with optional reference lines (a target, an
//! aim), an accessible name and summary, and the numbers in a table.

use leptos::prelude::*;

use crate::domain::text::fixed;

use super::figure::{grid, value_cell, x_tick, ChartFigure};
use super::scale::{nice_max, px, Frame};

/// One bar.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    /// Full label, used in the table (e.g. "Mon 16 Nov").
    pub label: String,
    /// Axis label under the bar, if this bar gets one (keep them sparse).
    pub tick: Option<String>,
    /// The value (negative or non-finite values draw as 0).
    pub value: f64,
    /// Draw this bar emphasised (e.g. today, this week).
    pub current: bool,
}

/// A reference line across the bars: a target per bar (drawn as steps) or
/// the same value everywhere (a flat line).
#[derive(Debug, Clone, PartialEq)]
pub struct RefLine {
    /// Name in the legend and the table heading.
    pub label: String,
    /// CSS class giving its look: `target` (solid) or `aim` (dashed).
    pub class: &'static str,
    /// One value per bar; `None` where the line has no value.
    pub values: Vec<Option<f64>>,
}

/// A bar chart sized for a phone, coloured through CSS classes
/// (`currentColor` and CSS variables), with a text alternative: an
/// accessible name and summary on the SVG, the summary shown as text, and a
/// table of every value in a `<details>`.
#[component]
pub fn BarChart(
    /// Prefix for element ids; unique on the page.
    #[prop(into)]
    id: String,
    /// Heading of the chart.
    #[prop(into)]
    title: String,
    /// One or two sentences saying what the chart shows (read by screen
    /// readers and shown under the chart).
    #[prop(into)]
    summary: String,
    /// Heading of the label column in the table (e.g. "Day").
    #[prop(into)]
    label_header: String,
    /// Heading of the value column in the table (e.g. "Steps").
    #[prop(into)]
    value_header: String,
    /// The bars, left to right.
    bars: Vec<Bar>,
    /// Reference lines drawn over the bars.
    #[prop(optional)]
    lines: Vec<RefLine>,
) -> impl IntoView {
    let f = Frame::PHONE;
    let n = bars.len();
    let top_value = bars
        .iter()
        .map(|b| b.value)
        .chain(
            lines
                .iter()
                .flat_map(|l| l.values.iter().flatten().copied()),
        )
        .filter(|v| v.is_finite())
        .fold(0.0_f64, f64::max);
    let max = nice_max(top_value);

    let grid = grid([0.0, max / 2.0, max], max);

    let rects = bars
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let (x, w) = f.slot(i, n);
            let gap = (w * 0.2).min(4.0);
            let v = if b.value.is_finite() { b.value.max(0.0) } else { 0.0 };
            let y = f.y(v, max);
            let h = (f.top + f.plot_h() - y).max(0.0);
            let class = if b.current { "sc-bar current" } else { "sc-bar" };
            let tick = b.tick.clone().map(|t| x_tick(x + w / 2.0, t));
            view! {
                <rect class=class x=px(x + gap / 2.0) y=px(y) width=px((w - gap).max(1.0)) height=px(h) rx="2"/>
                {tick}
            }
        })
        .collect_view();

    let ref_lines = lines
        .iter()
        .map(|l| {
            let mut d = String::new();
            for (i, v) in l.values.iter().enumerate().take(n) {
                if let Some(v) = v.filter(|v| v.is_finite()) {
                    let (x, w) = f.slot(i, n);
                    let y = px(f.y(v, max));
                    d.push_str(&format!("M{} {}H{}", px(x), y, px(x + w)));
                }
            }
            view! { <path class=format!("sc-ref {}", l.class) d=d/> }
        })
        .collect_view();

    let legend = (!lines.is_empty()).then(|| {
        let items = lines
            .iter()
            .map(|l| {
                view! {
                    <li><span class=format!("sc-swatch {}", l.class) aria-hidden="true"></span>{l.label.clone()}</li>
                }
            })
            .collect_view();
        view! {
            <ul class="sc-legend">
                <li><span class="sc-swatch bar" aria-hidden="true"></span>{value_header.clone()}</li>
                {items}
            </ul>
        }
    });

    let line_heads = lines
        .iter()
        .map(|l| view! { <th scope="col">{l.label.clone()}</th> })
        .collect_view();
    let rows = bars
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let cells = lines
                .iter()
                .map(|l| value_cell(l.values.get(i).copied().flatten(), |v| fixed(v, 0)))
                .collect_view();
            view! {
                <tr>
                    <th scope="row">{b.label.clone()}</th>
                    <td>{fixed(b.value, 0)}</td>
                    {cells}
                </tr>
            }
        })
        .collect_view();

    view! {
        <ChartFigure
            id=id
            title=title
            summary=summary
            plot=view! { {grid} {rects} {ref_lines} }.into_any()
            legend=legend.into_any()
            head=view! {
                <th scope="col">{label_header}</th>
                <th scope="col">{value_header}</th>
                {line_heads}
            }
            .into_any()
            rows=rows.into_any()
        />
    }
}
