//! The frame every chart shares: heading, the SVG with its accessible name
//! and description, legend, the summary as text, and the numbers as a table.

use leptos::prelude::*;

use super::scale::{px, short_number, Frame};

/// Horizontal grid lines at `values`, each labelled on the y axis, for a
/// y axis from 0 to `max`.
pub fn grid(values: impl IntoIterator<Item = f64>, max: f64) -> impl IntoView {
    let f = Frame::PHONE;
    values
        .into_iter()
        .map(|v| {
            let y = px(f.y(v, max));
            view! {
                <line class="sc-grid" x1=px(f.left) x2=px(f.width - f.right) y1=y.clone() y2=y.clone()/>
                <text class="sc-axis" x=px(f.left - 6.0) y=y dy="0.35em" text-anchor="end">{short_number(v)}</text>
            }
        })
        .collect_view()
}

/// A label under the x axis, centred on `x`.
pub fn x_tick(x: f64, label: String) -> impl IntoView {
    let f = Frame::PHONE;
    view! {
        <text class="sc-axis" x=px(x) y=px(f.height - 8.0) text-anchor="middle">{label}</text>
    }
}

/// A table cell with a value, or "none" where there is no value.
pub fn value_cell(value: Option<f64>, text: impl Fn(f64) -> String) -> impl IntoView {
    view! { <td>{value.map(text).unwrap_or_else(|| "none".into())}</td> }
}

/// A chart's figure around its drawing. `plot` is drawn inside the SVG
/// (sized by [`Frame::PHONE`]) above a baseline; `head` and `rows` make the
/// "Show the numbers" table.
#[component]
pub fn ChartFigure(
    /// Prefix for element ids; unique on the page.
    id: String,
    /// Heading of the chart, also the SVG's accessible name.
    title: String,
    /// What the chart shows, in words (the SVG's description, shown below).
    summary: String,
    /// The marks: grid, bars or lines, ticks.
    plot: AnyView,
    /// The legend (may be empty).
    legend: AnyView,
    /// Heading cells of the table.
    head: AnyView,
    /// Body rows of the table.
    rows: AnyView,
) -> impl IntoView {
    let f = Frame::PHONE;
    let title_id = format!("{id}-title");
    let summary_id = format!("{id}-summary");
    let base_y = px(f.top + f.plot_h());
    view! {
        <figure class="svg-chart" id=id>
            <h3 class="chart-title" id=title_id.clone()>{title.clone()}</h3>
            <svg
                class="chart-svg"
                viewBox=f.view_box()
                role="img"
                aria-labelledby=title_id
                aria-describedby=summary_id.clone()
                focusable="false"
            >
                <title>{title}</title>
                {plot}
                <line class="sc-baseline" x1=px(f.left) x2=px(f.width - f.right) y1=base_y.clone() y2=base_y/>
            </svg>
            {legend}
            <figcaption class="chart-summary" id=summary_id>{summary}</figcaption>
            <details class="chart-data">
                <summary>"Show the numbers"</summary>
                <table>
                    <thead><tr>{head}</tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </details>
        </figure>
    }
}
