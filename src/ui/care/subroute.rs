//! Sub-pages inside a tab: `#/settings/urgent`, `#/milestones/loops`, ...
//! The app shell maps the first part of the fragment to a tab; screens read
//! the rest with [`use_subroute`].

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The part of a URL fragment after the tab: `"#/milestones/loops?x"` gives
/// `"loops"`, `"#/settings"` gives `""`.
pub fn sub_of(hash: &str) -> String {
    let path = hash.trim_start_matches('#').trim_start_matches('/');
    let path = path.split('?').next().unwrap_or("");
    path.split_once('/')
        .map(|(_, rest)| rest.trim_matches('/').to_string())
        .unwrap_or_default()
}

fn current() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .map(|h| sub_of(&h))
        .unwrap_or_default()
}

/// The current sub-page, following `hashchange` (the listener is removed
/// when the calling component is dropped). When the sub-page changes, the
/// new page is scrolled to the top and keyboard focus moves to `<main>`, so
/// screen readers start reading the new page.
pub fn use_subroute() -> ReadSignal<String> {
    let (sub, set_sub) = signal(current());
    let handle = window_event_listener(ev::hashchange, move |_| {
        let next = current();
        if next != sub.get_untracked() {
            set_sub.set(next);
        }
    });
    on_cleanup(move || handle.remove());
    // Effects run after the DOM has been updated for the new sub-page.
    Effect::new(move |prev: Option<()>| {
        sub.track();
        if prev.is_some() {
            to_top();
        }
    });
    sub
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
    use super::sub_of;

    #[test]
    fn the_rest_of_the_fragment_names_the_sub_page() {
        assert_eq!(sub_of("#/milestones/loops"), "loops");
        assert_eq!(sub_of("#/settings/urgent?from=pain"), "urgent");
        assert_eq!(sub_of("#/settings"), "");
        assert_eq!(sub_of(""), "");
        assert_eq!(sub_of("#/settings/report/"), "report");
    }
}
