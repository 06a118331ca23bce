//! A line chart as inline SVG (one or more series on a fixed scale, e.g.
//! pain 0-10), with distinct markers per series, an accessible name and
//! summary, and the numbers in a table.

use leptos::prelude::*;

use super::figure::{grid, value_cell, x_tick, ChartFigure};
use super::scale::{px, short_number, Frame};

/// Marker drawn at each point of a series, so series differ by shape as
/// well as by colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Marker {
    Circle,
    Square,
}

/// One line.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    /// Name in the legend and the table heading.
    pub name: String,
    /// CSS class giving its colour (`series-a`, `series-b`).
    pub class: &'static str,
    /// Marker shape.
    pub marker: Marker,
    /// One value per point; `None` where nothing was recorded (the line
    /// breaks there).
    pub values: Vec<Option<f64>>,
}

/// One position along the x axis.
#[derive(Debug, Clone, PartialEq)]
pub struct Point {
    /// Full label, used in the table.
    pub label: String,
    /// Axis label, if this point gets one (keep them sparse).
    pub tick: Option<String>,
}

/// A line chart sized for a phone, coloured through CSS classes, with a
/// text alternative (accessible name, visible summary, table of values).
#[component]
pub fn LineChart(
    /// Prefix for element ids; unique on the page.
    #[prop(into)]
    id: String,
    /// Heading of the chart.
    #[prop(into)]
    title: String,
    /// What the chart shows, in words.
    #[prop(into)]
    summary: String,
    /// Heading of the label column in the table.
    #[prop(into)]
    label_header: String,
    /// Positions along the x axis, left to right.
    points: Vec<Point>,
    /// The lines.
    series: Vec<Series>,
    /// Top of the y axis (the bottom is 0).
    y_max: f64,
    /// Values marked with grid lines and labels.
    y_ticks: Vec<f64>,
) -> impl IntoView {
    let f = Frame::PHONE;
    let n = points.len();

    let grid = grid(y_ticks, y_max);

    let ticks = points
        .iter()
        .enumerate()
        .filter_map(|(i, p)| p.tick.clone().map(|t| x_tick(f.slot_centre(i, n), t)))
        .collect_view();

    let lines = series
        .iter()
        .map(|s| {
            // Break the line where a value is missing.
            let mut d = String::new();
            let mut pen_down = false;
            for (i, v) in s.values.iter().enumerate().take(n) {
                match v.filter(|v| v.is_finite()) {
                    Some(v) => {
                        let cmd = if pen_down { 'L' } else { 'M' };
                        d.push_str(&format!("{cmd}{} {}", px(f.slot_centre(i, n)), px(f.y(v, y_max))));
                        pen_down = true;
                    }
                    None => pen_down = false,
                }
            }
            let marks = s
                .values
                .iter()
                .enumerate()
                .take(n)
                .filter_map(|(i, v)| v.filter(|v| v.is_finite()).map(|v| (i, v)))
                .map(|(i, v)| {
                    let (x, y) = (f.slot_centre(i, n), f.y(v, y_max));
                    match s.marker {
                        Marker::Circle => view! { <circle class="sc-mark" cx=px(x) cy=px(y) r="4"/> }.into_any(),
                        Marker::Square => view! { <rect class="sc-mark" x=px(x - 3.5) y=px(y - 3.5) width="7" height="7"/> }.into_any(),
                    }
                })
                .collect_view();
            view! {
                <g class=format!("sc-series {}", s.class)>
                    <path class="sc-line" d=d/>
                    {marks}
                </g>
            }
        })
        .collect_view();

    let legend = series
        .iter()
        .map(|s| {
            let shape = match s.marker {
                Marker::Circle => "sc-swatch dot",
                Marker::Square => "sc-swatch square",
            };
            view! {
                <li class=s.class><span class=shape aria-hidden="true"></span>{s.name.clone()}</li>
            }
        })
        .collect_view();

    let heads = series
        .iter()
        .map(|s| view! { <th scope="col">{s.name.clone()}</th> })
        .collect_view();
    let rows = points
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let cells = series
                .iter()
                .map(|s| value_cell(s.values.get(i).copied().flatten(), short_number))
                .collect_view();
            view! { <tr><th scope="row">{p.label.clone()}</th>{cells}</tr> }
        })
        .collect_view();

    view! {
        <ChartFigure
            id=id
            title=title
            summary=summary
            plot=view! { {grid} {lines} {ticks} }.into_any()
            legend=view! { <ul class="sc-legend">{legend}</ul> }.into_any()
            head=view! { <th scope="col">{label_header}</th> {heads} }.into_any()
            rows=rows.into_any()
        />
    }
}
