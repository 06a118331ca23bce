//! The History screen: walks grouped by week and day (`#/history`), one
//! month's walks (`#/history/month/2026-03`), charts (`#/history/trends`)
//! and one walk's detail (`#/history/walk/<id>`).

use leptos::prelude::*;

use crate::domain::history::{by_week_between, WalkCalendar};
use crate::domain::record::WalkRecord;
use crate::ui::history::month_picker::MonthPicker;
use crate::ui::history::route::HistoryRoute;
use crate::ui::history::trends::Trends;
use crate::ui::history::undo_snackbar::{offer_undo, UndoSnackbar};
use crate::ui::history::walk_detail::WalkDetail;
use crate::ui::history::walk_list::WalkList;
use crate::ui::route;
use crate::ui::state::app_state;

/// Weeks listed at first, and added by each "Show older weeks".
pub const WEEKS_PER_PAGE: usize = 8;

/// Walks grouped by day and week, charts, and each walk's detail.
#[component]
pub fn HistoryScreen() -> impl IntoView {
    let state = app_state();
    let walks = state.derived.walks;
    let today = state.derived.today;
    let route = Memo::new(move |_| state.route.with(|r| r.history()));

    let on_deleted = Callback::new(move |w: WalkRecord| {
        offer_undo(w);
        route::go(&HistoryRoute::List.hash());
    });

    let weeks_shown = RwSignal::new(WEEKS_PER_PAGE);
    let calendar = Memo::new(move |_| walks.with(|w| WalkCalendar::of(w)));
    let has_walks = Memo::new(move |_| walks.with(|w| !w.is_empty()));
    let is_trends = Memo::new(move |_| route.get() == HistoryRoute::Trends);
    let is_detail = Memo::new(move |_| matches!(route.get(), HistoryRoute::Walk(_)));

    let switcher = move || {
        (!is_detail.get() && has_walks.get()).then(|| {
            view! {
                <nav class="segmented" aria-label="History view">
                    <a href="#/history" aria-current=move || (!is_trends.get()).then_some("page")>"Walks"</a>
                    <a href="#/history/trends" aria-current=move || is_trends.get().then_some("page")>"Trends"</a>
                </nav>
            }
        })
    };

    // The weeks on show: the newest `weeks_shown`, or one month's. Only
    // their walks are grouped and rendered, however long the history.
    let list = move |month: Option<chrono::NaiveDate>| {
        let (first, last, older) = calendar.with(|c| match month {
            Some(m) => {
                let (first, last) = WalkCalendar::month_weeks(m);
                (Some(first), Some(last), 0)
            }
            None => {
                let n = weeks_shown.get().min(c.weeks.len());
                (
                    c.weeks.get(n.saturating_sub(1)).copied(),
                    c.weeks.first().copied(),
                    c.weeks.len() - n,
                )
            }
        });
        let weeks = match (first, last) {
            (Some(first), Some(last)) => walks.with(|w| by_week_between(w, first, last)),
            _ => Vec::new(),
        };
        let empty_month = month.filter(|_| weeks.is_empty()).map(|m| {
            view! {
                <p class="card muted">{format!("No walks in {}.", crate::domain::dates::month_year(m))}</p>
            }
        });
        let loops = state.derived.loops.get();
        let more = (older > 0).then(|| {
            view! {
                <button
                    class="btn outline block"
                    type="button"
                    on:click=move |_| weeks_shown.update(|n| *n += WEEKS_PER_PAGE)
                >
                    {format!("Show older weeks ({older} more)")}
                </button>
            }
        });
        let latest = month.map(|_| {
            view! { <a class="btn outline block" href="#/history">"Back to your latest walks"</a> }
        });
        view! {
            <MonthPicker months=calendar.with(|c| c.months.clone()) current=month/>
            {empty_month}
            <div class="weeks"><WalkList weeks=weeks loops=loops today=today.get()/></div>
            {more}
            {latest}
        }
    };

    let body = move || {
        let r = route.get();
        if let HistoryRoute::Walk(id) = r {
            return view! { <WalkDetail id=id on_deleted=on_deleted today=today.get_untracked()/> }
                .into_any();
        }
        if !has_walks.get() {
            return view! {
                <div class="card empty">
                    <h2>"No walks yet"</h2>
                    <p class="muted">"Your walks appear here, day by day, once you save one."</p>
                    <a class="btn primary" href="#/walk">"Go for a walk"</a>
                </div>
            }
            .into_any();
        }
        match r {
            HistoryRoute::Trends => view! { <Trends/> }.into_any(),
            HistoryRoute::Month(m) => list(Some(m)).into_any(),
            _ => list(None).into_any(),
        }
    };

    view! {
        <section class="history">
            {switcher}
            {body}
            <UndoSnackbar/>
        </section>
    }
}
