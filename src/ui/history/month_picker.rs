//! "Go to month": reach any month of a long history in two taps (open the
//! list, pick the month).

use chrono::NaiveDate;
use leptos::prelude::*;

use super::route::HistoryRoute;
use crate::domain::dates::month_year;
use crate::ui::route;

/// A list of the months with walks, newest first; picking one opens that
/// month's walks. Hidden while every walk is in one month.
#[component]
pub fn MonthPicker(
    /// First days of the months with walks, newest first.
    months: Vec<NaiveDate>,
    /// The month on show, if one was picked.
    current: Option<NaiveDate>,
) -> impl IntoView {
    (months.len() > 1).then(|| {
        let options = months
            .into_iter()
            .map(|m| {
                let hash = HistoryRoute::Month(m).hash();
                view! { <option value=hash selected=current == Some(m)>{month_year(m)}</option> }
            })
            .collect_view();
        view! {
            <label class="field month-picker" for="history-month">
                "Go to month"
                <select
                    id="history-month"
                    on:change=move |ev| {
                        let hash = event_target_value(&ev);
                        if !hash.is_empty() {
                            route::go(&hash);
                        }
                    }
                >
                    <option value=HistoryRoute::List.hash() selected=current.is_none()>"Latest walks"</option>
                    {options}
                </select>
            </label>
        }
    })
}
