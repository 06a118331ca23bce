//! Badge art: one rosette-and-ribbons medal, its emblem showing the series.

use leptos::prelude::*;

use crate::domain::milestones::Series;

/// Points of the scalloped rosette round (32, 30): 32 points, radius 24 and
/// 21.5 in turn, as [`rosette_points`] draws them. Written out so the wasm
/// needs no sine and cosine (about 6 KB of libm); a test checks the two agree.
const ROSETTE: &str = "32.00,6.00 36.19,8.91 41.18,7.83 43.94,12.12 48.97,13.03 49.88,18.06 \
54.17,20.82 53.09,25.81 56.00,30.00 53.09,34.19 54.17,39.18 49.88,41.94 48.97,46.97 43.94,47.88 \
41.18,52.17 36.19,51.09 32.00,54.00 27.81,51.09 22.82,52.17 20.06,47.88 15.03,46.97 14.12,41.94 \
9.83,39.18 10.91,34.19 8.00,30.00 10.91,25.81 9.83,20.82 14.12,18.06 15.03,13.03 20.06,12.12 \
22.82,7.83 27.81,8.91";

/// The rosette's points from its geometry (what [`ROSETTE`] holds).
#[cfg(test)]
fn rosette_points() -> String {
    use std::f64::consts::PI;
    (0..32)
        .map(|i| {
            let a = f64::from(i) * PI / 16.0;
            let r = if i % 2 == 0 { 24.0 } else { 21.5 };
            format!("{:.2},{:.2}", 32.0 + r * a.sin(), 30.0 - r * a.cos())
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The emblem drawn inside the medal, about 20 units wide round (32, 30).
/// Static SVG markup (set as the badge's inner HTML): one string per
/// series is far less wasm than building each shape through `view!`.
fn emblem(series: Series) -> &'static str {
    match series {
        // Two footprints.
        Series::Walks => {
            r#"<g class="emblem-fill"><ellipse cx="27.5" cy="33" rx="3.4" ry="5.4" transform="rotate(-12 27.5 33)"/><circle cx="28.6" cy="25.4" r="1.8"/><ellipse cx="36.5" cy="27" rx="3.4" ry="5.4" transform="rotate(12 36.5 27)"/><circle cx="35.4" cy="19.4" r="1.8"/></g>"#
        }
        // A clock.
        Series::Continuous => {
            r#"<g class="emblem-line"><circle cx="32" cy="30" r="9.5"/><path d="M32 24v6.5l4.5 3"/></g>"#
        }
        // A loop with an arrow.
        Series::Loops => {
            r#"<g class="emblem-line"><path d="M40 27.5a8.5 8.5 0 1 1 -3-6"/><path d="M37.8 17.5l-.8 4.4 4.4.6"/></g>"#
        }
        // A loop with a star inside: all the way round, no rest.
        Series::NonStopLoop => {
            r#"<g><g class="emblem-line"><path d="M40 27.5a8.5 8.5 0 1 1 -3-6"/><path d="M37.8 17.5l-.8 4.4 4.4.6"/></g><path class="emblem-fill" d="M32 25.5l1.4 2.9 3.1.4-2.3 2.2.6 3.1-2.8-1.5-2.8 1.5.6-3.1-2.3-2.2 3.1-.4z"/></g>"#
        }
        // A calendar page.
        Series::WeekWalks => {
            r#"<g class="emblem-line"><rect x="22.5" y="21.5" width="19" height="17" rx="2.5"/><path d="M22.5 26.5h19M27 19v4M37 19v4"/><path d="M27 31h2M31 31h2M35 31h2M27 34.5h2M31 34.5h2"/></g>"#
        }
        // A calendar page with a tick.
        Series::WalkBackWeek => {
            r#"<g class="emblem-line"><rect x="22.5" y="21.5" width="19" height="17" rx="2.5"/><path d="M22.5 26.5h19M27 19v4M37 19v4"/><path d="M27.5 32.5l3 3 6-6"/></g>"#
        }
        // Three stacked week bars, steady.
        Series::SteadyWeeks => {
            r#"<g class="emblem-line"><path d="M23 24.5h18M23 30h18M23 35.5h18"/><path d="M26 22.5v4M32 22.5v4M38 28v4M26 33.5v4M32 33.5v4"/></g>"#
        }
        // A notepad with lines.
        Series::Noted => {
            r#"<g class="emblem-line"><rect x="24" y="19.5" width="16" height="20" rx="2"/><path d="M27.5 25h9M27.5 29.5h9M27.5 34h6"/></g>"#
        }
        // A flame.
        Series::Streak => {
            r#"<g><path class="emblem-fill" d="M32 19c1 4.5 7.5 7 7.5 13a7.5 7.5 0 0 1-15 0c0-3.2 1.8-5 3.2-6.6.3 2.2 1.3 3.4 2.6 3.6-.6-3.6.3-7 1.7-10z"/></g>"#
        }
        // A trail of steps.
        Series::Steps => {
            r#"<g class="emblem-fill"><ellipse cx="24.5" cy="36" rx="2.3" ry="3.4" transform="rotate(-30 24.5 36)"/><ellipse cx="30" cy="30.5" rx="2.3" ry="3.4" transform="rotate(-30 30 30.5)"/><ellipse cx="34.5" cy="26" rx="2.3" ry="3.4" transform="rotate(-30 34.5 26)"/><ellipse cx="40" cy="20.5" rx="2.3" ry="3.4" transform="rotate(-30 40 20.5)"/></g>"#
        }
        // A heart.
        Series::FeltBetter => {
            r#"<path class="emblem-fill" d="M32 38.5c-6-4.2-9.5-7.6-9.5-11.4a4.9 4.9 0 0 1 9.5-1.8 4.9 4.9 0 0 1 9.5 1.8c0 3.8-3.5 7.2-9.5 11.4z"/>"#
        }
        // A rising sun.
        Series::BackAtIt => {
            r#"<g class="emblem-line"><path d="M24 35h16M26.5 35a5.5 5.5 0 0 1 11 0"/><path d="M32 22v3M24.5 25.5l2 2M39.5 25.5l-2 2M21.5 31h2.5M40 31h2.5"/></g>"#
        }
    }
}

/// A milestone badge drawn inline. Earned badges are in colour; locked
/// ones are muted. `label` is its accessible name (e.g. "First walk,
/// earned"); pass `decorative` where the text beside it says the same.
#[component]
pub fn BadgeArt(
    /// Which series: picks the emblem.
    series: Series,
    /// Earned (colour) or still to come (muted).
    earned: bool,
    /// Accessible name.
    #[prop(into)]
    label: String,
    /// Hide from assistive technology (the caller shows the words).
    #[prop(optional)]
    decorative: bool,
) -> impl IntoView {
    let class = if earned {
        format!("badge-art earned series-{}", series.id())
    } else {
        format!("badge-art locked series-{}", series.id())
    };
    let art = format!(
        r#"<path class="ribbon ribbon-left" d="M20 44l-6 16 7-3 4 6 6-17z"/><path class="ribbon ribbon-right" d="M44 44l6 16-7-3-4 6-6-17z"/><polygon class="rosette" points="{ROSETTE}"/><circle class="medal" cx="32" cy="30" r="17"/><circle class="medal-rim" cx="32" cy="30" r="14.5" fill="none"/>{}"#,
        emblem(series)
    );
    view! {
        <svg
            class=class
            viewBox="0 0 64 64"
            role=(!decorative).then_some("img")
            aria-label=(!decorative).then_some(label)
            aria-hidden=decorative.then_some("true")
            focusable="false"
            inner_html=art
        ></svg>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_written_out_rosette_is_the_drawn_one() {
        assert_eq!(ROSETTE, rosette_points());
    }
}
