//! In-browser tests (wasm-bindgen-test in headless Chromium) for browser
//! adapters and components. Run by `scripts/test.sh browser`.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

mod support;
use support::{sleep, text_of};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Mounts the whole app into a fresh container and returns it.
fn mount_app() -> web_sys::HtmlElement {
    let doc = document();
    let host: web_sys::HtmlElement = doc.create_element("div").unwrap().unchecked_into();
    doc.body().unwrap().append_child(&host).unwrap();
    let handle = leptos::mount::mount_to(host.clone(), loopwalk::ui::app::App);
    handle.forget();
    host
}

#[wasm_bindgen_test]
async fn tab_bar_has_four_labelled_tabs_and_marks_the_current_one() {
    web_sys::window()
        .unwrap()
        .location()
        .set_hash("#/walk")
        .unwrap();
    let host = mount_app();
    leptos::task::tick().await;
    let tabs = host.query_selector_all("nav.tabbar a").unwrap();
    assert_eq!(tabs.length(), 4);
    let labels: Vec<String> = (0..tabs.length())
        .map(|i| tabs.item(i).unwrap().text_content().unwrap())
        .collect();
    assert_eq!(labels, ["Walk", "History", "Milestones", "Settings"]);
    let current = host
        .query_selector("nav.tabbar a[aria-current=page]")
        .unwrap()
        .unwrap();
    assert_eq!(current.text_content().unwrap(), "Walk");
    host.remove();
}

#[wasm_bindgen_test]
async fn changing_the_url_fragment_switches_the_screen_and_title() {
    let window = web_sys::window().unwrap();
    window.location().set_hash("#/walk").unwrap();
    let host = mount_app();
    leptos::task::tick().await;
    assert_eq!(text_of(&host, "h1"), "Walk");
    window.location().set_hash("#/settings").unwrap();
    // hashchange is dispatched asynchronously; wait for it.
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        window
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 50)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
    leptos::task::tick().await;
    assert_eq!(text_of(&host, "h1"), "Settings");
    let current = host
        .query_selector("nav.tabbar a[aria-current=page]")
        .unwrap()
        .unwrap();
    assert_eq!(current.text_content().unwrap(), "Settings");
    assert_eq!(document().title(), "Settings - Loopwalk");
    host.remove();
}

#[wasm_bindgen_test]
async fn update_banner_stays_hidden_during_a_walk_and_shows_again_after_it() {
    use loopwalk::domain::record::WalkId;
    use loopwalk::domain::recorder::{Input, SensorAccess, Stamp};
    use loopwalk::ui::state::AppState;
    use loopwalk::ui::update_banner::UpdateBanner;
    use loopwalk::ui::walk::controller::WalkCtl;
    let doc = document();
    let host: web_sys::HtmlElement = doc.create_element("div").unwrap().unchecked_into();
    doc.body().unwrap().append_child(&host).unwrap();
    let state = AppState::new(loopwalk::ui::route::Tab::Walk);
    let ctl = std::rc::Rc::new(std::cell::Cell::new(None::<WalkCtl>));
    let c = ctl.clone();
    let handle = leptos::mount::mount_to(host.clone(), move || {
        provide_context(state);
        let walk = WalkCtl::new(state);
        c.set(Some(walk));
        view! { <UpdateBanner walk_running=walk.running/> }
    });
    let ctl = ctl.get().unwrap();
    let banner = || host.query_selector(".banner").unwrap();
    leptos::task::tick().await;
    state.update_ready.set(true);
    leptos::task::tick().await;
    assert!(banner().is_some(), "offered when no walk runs");
    // A manual walk: no reload offer from Start to Save or Discard.
    ctl.start_manual();
    leptos::task::tick().await;
    assert!(banner().is_none(), "no reload offer mid-walk");
    ctl.at_now(|now| Input::Stop { now });
    leptos::task::tick().await;
    assert!(banner().is_none(), "nor on the summary of an unsaved walk");
    ctl.feed(Input::Discard);
    leptos::task::tick().await;
    assert!(banner()
        .expect("offer shown after the walk")
        .text_content()
        .unwrap()
        .contains("New version ready"));
    // Waiting for a permission answer, then refused: a problem, not a walk.
    ctl.feed(Input::Start {
        at: Stamp {
            now: 0.0,
            wall_ms: 1.0e12,
            utc_offset_min: 0,
            id: WalkId("w".into()),
        },
        sensor: SensorAccess::Asking,
    });
    leptos::task::tick().await;
    assert!(banner().is_none());
    ctl.feed(Input::Permission { granted: false });
    leptos::task::tick().await;
    assert!(
        banner().is_some(),
        "shown again once counting proved impossible"
    );
    drop(handle);
    host.remove();
}

#[wasm_bindgen_test]
async fn the_app_mounts_once_after_the_splash_frame_and_the_splash_goes() {
    use loopwalk::platform::splash;
    use std::cell::Cell;
    use std::rc::Rc;
    let doc = document();
    let el = doc.create_element("div").unwrap();
    el.set_id("splash");
    doc.body().unwrap().append_child(&el).unwrap();
    let mounts = Rc::new(Cell::new(0));
    let m = mounts.clone();
    splash::after_first_paint(move || {
        m.set(m.get() + 1);
        splash::dismiss();
    });
    assert_eq!(mounts.get(), 0, "not before the frame");
    // Past both the frame and the fallback timer: mounted exactly once.
    sleep(400).await;
    assert_eq!(mounts.get(), 1);
    assert!(doc.get_element_by_id("splash").is_none());
}
