//! The History screen: walks grouped by week and day (`#/history`), charts
//! (`#/history/trends`) and one walk's detail (`#/history/walk/<id>`).

use leptos::ev;
use leptos::prelude::*;

use crate::domain::history::by_week;
use crate::domain::record::WalkRecord;
use crate::ui::history::route::HistoryRoute;
use crate::ui::history::trends::Trends;
use crate::ui::history::undo_snackbar::{offer_undo, UndoSnackbar};
use crate::ui::history::walk_detail::WalkDetail;
use crate::ui::history::walk_list::WalkList;
use crate::ui::state::app_state;

fn current_route() -> HistoryRoute {
    let hash = web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default();
    HistoryRoute::from_hash(&hash)
}

fn go(route: &HistoryRoute) {
    if let Some(w) = web_sys::window() {
        // Setting the hash cannot fail in a normal page; if it did, the
        // walker simply stays on the current view.
        let _ = w.location().set_hash(&route.hash());
    }
}

/// Weeks listed at first, and added by each "Show older weeks".
pub const WEEKS_PER_PAGE: usize = 8;

fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

/// Walks grouped by day and week, charts, and each walk's detail.
#[component]
pub fn HistoryScreen() -> impl IntoView {
    let state = app_state();
    let route = RwSignal::new(current_route());
    let listener = window_event_listener(ev::hashchange, move |_| {
        let next = current_route();
        if route.get_untracked() != next {
            route.set(next);
            if let Some(w) = web_sys::window() {
                w.scroll_to_with_x_and_y(0.0, 0.0);
            }
        }
    });
    on_cleanup(move || listener.remove());

    let on_deleted = Callback::new(move |w: WalkRecord| {
        offer_undo(w);
        go(&HistoryRoute::List);
    });

    let weeks_shown = RwSignal::new(WEEKS_PER_PAGE);
    let has_walks = Memo::new(move |_| state.store.with(|s| !s.walks.is_empty()));
    let is_list = Memo::new(move |_| route.get() != HistoryRoute::Trends);

    let switcher = move || {
        let walk_detail = matches!(route.get(), HistoryRoute::Walk(_));
        (!walk_detail && has_walks.get()).then(|| {
            view! {
                <nav class="segmented" aria-label="History view">
                    <a href="#/history" aria-current=move || is_list.get().then_some("page")>"Walks"</a>
                    <a href="#/history/trends" aria-current=move || (!is_list.get()).then_some("page")>"Trends"</a>
                </nav>
            }
        })
    };

    let body = move || {
        let r = route.get();
        if let HistoryRoute::Walk(id) = r {
            return view! { <WalkDetail id=id on_deleted=on_deleted today=today()/> }.into_any();
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
        let store = state.store.get();
        if r == HistoryRoute::Trends {
            return view! { <Trends store=store today=today()/> }.into_any();
        }
        let mut weeks = by_week(&store.walks);
        let older = weeks.len().saturating_sub(weeks_shown.get());
        weeks.truncate(weeks_shown.get());
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
        view! {
            <div class="weeks"><WalkList weeks=weeks store=store today=today()/></div>
            {more}
        }
        .into_any()
    };

    view! {
        <section class="history">
            {switcher}
            {body}
            <UndoSnackbar/>
        </section>
    }
}
