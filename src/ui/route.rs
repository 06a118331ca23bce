//! The app's screens and their URL fragments (`#/walk`, `#/history`, ...).
//! Parsing and formatting are pure and tested natively; [`follow_hash`] is
//! the app's one `hashchange` listener, feeding [`AppState::route`].

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::ui::history::route::HistoryRoute;
use crate::ui::state::AppState;

/// One screen of the bottom tab bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tab {
    Walk,
    History,
    Milestones,
    Settings,
}

impl Tab {
    /// Every tab, in tab-bar order.
    pub const ALL: [Tab; 4] = [Tab::Walk, Tab::History, Tab::Milestones, Tab::Settings];

    /// The tab a URL fragment names; the Walk screen for anything else.
    pub fn from_hash(hash: &str) -> Tab {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let first = path.split(['/', '?']).next().unwrap_or("");
        match first {
            "history" => Tab::History,
            "milestones" => Tab::Milestones,
            "settings" => Tab::Settings,
            _ => Tab::Walk,
        }
    }

    /// The URL fragment of this tab.
    pub fn hash(self) -> &'static str {
        match self {
            Tab::Walk => "#/walk",
            Tab::History => "#/history",
            Tab::Milestones => "#/milestones",
            Tab::Settings => "#/settings",
        }
    }

    /// The tab's label, also the screen's heading.
    pub fn label(self) -> &'static str {
        match self {
            Tab::Walk => "Walk",
            Tab::History => "History",
            Tab::Milestones => "Milestones",
            Tab::Settings => "Settings",
        }
    }
}

/// Where the URL fragment points: a tab and the sub-page inside it
/// (`"#/milestones/loops?x"` is Milestones, `"loops"`; `"#/settings"` is
/// Settings, `""`).
#[derive(Clone, PartialEq, Eq)]
pub struct Route {
    /// The screen.
    pub tab: Tab,
    /// The rest of the path after the tab, without slashes at either end or
    /// the query.
    pub sub: String,
}

impl Route {
    /// The route a URL fragment names.
    pub fn from_hash(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let path = path.split('?').next().unwrap_or("");
        let sub = path
            .split_once('/')
            .map(|(_, rest)| rest.trim_matches('/').to_string())
            .unwrap_or_default();
        Route {
            tab: Tab::from_hash(hash),
            sub,
        }
    }

    /// The first page of a tab.
    pub fn tab(tab: Tab) -> Route {
        Route {
            tab,
            sub: String::new(),
        }
    }

    /// The History view this route names (the walk list for anything else).
    pub fn history(&self) -> HistoryRoute {
        if self.tab == Tab::History {
            HistoryRoute::from_sub(&self.sub)
        } else {
            HistoryRoute::List
        }
    }
}

/// The current sub-page of the screen on show (see [`Route::sub`]).
pub fn use_sub() -> Memo<String> {
    let state = crate::ui::state::app_state();
    Memo::new(move |_| state.route.with(|r| r.sub.clone()))
}

fn current_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// Go to a URL fragment (as a link would). Setting the hash cannot fail in a
/// normal page; if it did, the walker simply stays where they are.
pub fn go(hash: &str) {
    if let Some(w) = web_sys::window() {
        let _ = w.location().set_hash(hash);
    }
}

/// Keep `state.route` in step with the URL fragment: read it now, then on
/// every `hashchange` (the one listener in the app, removed with the calling
/// component). When the page inside a tab changes, the new page is scrolled
/// to the top and keyboard focus moves to `<main>`, so screen readers start
/// reading it. "Today" is refreshed on every move, so a phone left open
/// overnight shows the new day on the next tap.
pub fn follow_hash(state: AppState) {
    state.route.set(Route::from_hash(&current_hash()));
    let listener = window_event_listener(ev::hashchange, move |_| {
        let next = Route::from_hash(&current_hash());
        let before = state.route.get_untracked();
        if before == next {
            return;
        }
        let same_tab = before.tab == next.tab;
        state.route.set(next);
        state.refresh_today();
        if same_tab {
            to_top();
        }
    });
    on_cleanup(move || listener.remove());
}

fn to_top() {
    let Some(w) = web_sys::window() else { return };
    if let Some(main) = w
        .document()
        .and_then(|d| d.get_element_by_id("main"))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        // Focus without jumping, then scroll to the top.
        let opts = web_sys::FocusOptions::new();
        opts.set_prevent_scroll(true);
        let _ = main.focus_with_options(&opts);
    }
    w.scroll_to_with_x_and_y(0.0, 0.0);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::record::WalkId;

    #[test]
    fn the_rest_of_the_fragment_names_the_sub_page() {
        let sub = |h: &str| Route::from_hash(h).sub;
        assert_eq!(sub("#/milestones/loops"), "loops");
        assert_eq!(sub("#/settings/urgent?from=pain"), "urgent");
        assert_eq!(sub("#/settings"), "");
        assert_eq!(sub(""), "");
        assert_eq!(sub("#/settings/report/"), "report");
        assert_eq!(sub("#/history/walk/a%2Fb"), "walk/a%2Fb");
    }

    #[test]
    fn one_parse_gives_the_tab_and_the_history_view() {
        let r = Route::from_hash("#/history/walk/w-1");
        assert_eq!(r.tab, Tab::History);
        assert_eq!(r.history(), HistoryRoute::Walk(WalkId("w-1".into())));
        assert_eq!(
            Route::from_hash("#/history/trends").history(),
            HistoryRoute::Trends
        );
        assert_eq!(
            Route::from_hash("#/settings/walk/x").history(),
            HistoryRoute::List
        );
        assert_eq!(Route::from_hash("#/milestones/loops").tab, Tab::Milestones);
    }

    #[test]
    fn every_tab_round_trips_through_its_hash() {
        for tab in Tab::ALL {
            assert_eq!(Tab::from_hash(tab.hash()), tab);
        }
    }

    #[test]
    fn unknown_or_empty_fragments_open_the_walk_screen() {
        assert_eq!(Tab::from_hash(""), Tab::Walk);
        assert_eq!(Tab::from_hash("#"), Tab::Walk);
        assert_eq!(Tab::from_hash("#/nowhere"), Tab::Walk);
        assert_eq!(Tab::from_hash("#/history/2026-11-20"), Tab::History);
        assert_eq!(Tab::from_hash("#/settings?x=1"), Tab::Settings);
    }
}
