//! In-browser tests (wasm-bindgen-test in headless Chromium) for the
//! milestones, loops and back-care components. Run by
//! `scripts/test.sh browser`.
#![cfg(target_arch = "wasm32")]

use chrono::{Duration, Utc};
use leptos::prelude::*;
use loopwalk::domain::record::{
    LoopId, LoopLength, LoopRecord, Span, StepSource, Steps, WalkId, WalkRecord,
};
use loopwalk::domain::store::Store;
use loopwalk::ui::route::Tab;
use loopwalk::ui::state::AppState;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn host() -> web_sys::HtmlElement {
    let doc = web_sys::window().unwrap().document().unwrap();
    let host: web_sys::HtmlElement = doc.create_element("div").unwrap().unchecked_into();
    doc.body().unwrap().append_child(&host).unwrap();
    host
}

fn click(host: &web_sys::HtmlElement, selector: &str) {
    host.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
        .unchecked_into::<web_sys::HtmlElement>()
        .click();
}

fn walk(i: i64, steps: u32, non_stop: bool) -> WalkRecord {
    WalkRecord {
        id: WalkId(format!("w{i:02}")),
        started_at: Utc::now() - Duration::days(12 - i) - Duration::hours(1),
        utc_offset_min: 0,
        duration_s: 900.0,
        active_s: 840.0,
        steps: Steps(steps),
        source: StepSource::Sensor,
        loop_id: Some(LoopId("evening".into())),
        rests: if non_stop {
            vec![]
        } else {
            vec![Span {
                at_s: 300.0,
                len_s: 30.0,
            }]
        },
        gaps: vec![],
        longest_nonstop_s: if non_stop { 840.0 } else { 300.0 },
        pain_before: Some(5),
        pain_after: Some(4),
        edited: false,
        note: None,
    }
}

fn seeded() -> Store {
    let mut s = Store::new();
    s.upsert_loop(LoopRecord {
        id: LoopId("evening".into()),
        name: "Evening loop".into(),
        length: LoopLength::Steps(1500),
        created_at: Utc::now() - Duration::days(20),
        archived: false,
        kind: Default::default(),
    })
    .unwrap();
    for i in 0..4 {
        s.add_walk(walk(i, 1600, i == 3)).unwrap();
    }
    s
}

#[wasm_bindgen_test]
async fn milestones_screen_shows_earned_with_dates_and_next_with_progress() {
    web_sys::window()
        .unwrap()
        .location()
        .set_hash("#/milestones")
        .unwrap();
    let host = host();
    let state = AppState::new(Tab::Milestones);
    state.store.set(seeded());
    let handle = leptos::mount::mount_to(host.clone(), move || {
        provide_context(state);
        view! { <loopwalk::ui::screens::milestones::MilestonesScreen/> }
    });
    leptos::task::tick().await;
    let earned = host.query_selector_all(".earned-list li").unwrap();
    let ids: Vec<String> = (0..earned.length())
        .map(|i| {
            earned
                .item(i)
                .unwrap()
                .unchecked_into::<web_sys::Element>()
                .get_attribute("data-milestone")
                .unwrap()
        })
        .collect();
    for id in [
        "first-walk",
        "loop-1",
        "loop-non-stop",
        "minutes-10",
        "felt-better-1",
    ] {
        assert!(ids.iter().any(|x| x == id), "{id} earned: {ids:?}");
    }
    // Newest first: the non-stop loop (4th walk) comes before the first walk.
    let pos = |id: &str| ids.iter().position(|x| x == id).unwrap();
    assert!(pos("loop-non-stop") < pos("first-walk"));
    let text = host.text_content().unwrap();
    assert!(text.contains("Earned "), "dates shown");
    let next = host.query_selector_all(".next-list li").unwrap();
    assert!((1..=3).contains(&next.length()), "at most three goals");
    assert!(text.contains(" more "), "{text}");
    let next_text = host
        .query_selector(".next-list")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    assert!(!next_text.contains("days in a row"), "{next_text}");
    let bar = host
        .query_selector(".next-list [role=progressbar]")
        .unwrap()
        .unwrap();
    assert!(bar.get_attribute("aria-valuenow").is_some());
    assert!(host
        .query_selector("svg.badge-art.locked")
        .unwrap()
        .is_some());

    // A new walk updates the screen at once (derived, never stored).
    state.store.update(|s| {
        for i in 4..10 {
            s.add_walk(walk(i, 1600, false)).unwrap();
        }
    });
    leptos::task::tick().await;
    assert!(host
        .query_selector(".earned-list [data-milestone=loops-5]")
        .unwrap()
        .is_some());
    drop(handle);
    host.remove();
}

#[wasm_bindgen_test]
async fn pain_check_in_emits_the_pick_and_offers_urgent_help_from_seven() {
    use loopwalk::ui::care::pain_checkin::PainCheckIn;
    let host = host();
    let picks = RwSignal::new(Vec::<Option<u8>>::new());
    let state = AppState::new(Tab::Walk);
    state
        .store
        .update(|s| s.settings.country = Some("GB".into()));
    let handle = leptos::mount::mount_to(host.clone(), move || {
        provide_context(state);
        view! {
            <PainCheckIn
                title="How is your back right now?"
                on_pick=move |p| picks.update(|v| v.push(p))
            />
        }
    });
    leptos::task::tick().await;
    assert_eq!(host.query_selector_all(".pain-btn").unwrap().length(), 11);
    assert!(host.query_selector(".urgent-link").unwrap().is_none());

    click(&host, "[data-pain='3']");
    leptos::task::tick().await;
    assert_eq!(picks.get_untracked(), vec![Some(3)]);
    assert!(host.query_selector(".urgent-link").unwrap().is_none());
    let pressed = host.query_selector("[aria-pressed=true]").unwrap().unwrap();
    assert_eq!(pressed.text_content().unwrap(), "3");

    click(&host, "[data-pain='7']");
    leptos::task::tick().await;
    assert_eq!(picks.get_untracked(), vec![Some(3), Some(7)]);
    let link = host
        .query_selector(".urgent-link")
        .unwrap()
        .expect("urgent help offered at 7");
    // Opened from the walk, the urgent page's back link returns there.
    assert_eq!(
        link.get_attribute("href").unwrap(),
        "#/settings/urgent?from=walk"
    );
    let tier = host.query_selector(".see-gp-card").unwrap().unwrap();
    assert!(tier
        .text_content()
        .unwrap()
        .contains("See a GP or physiotherapist if"));

    click(&host, ".pain-skip");
    leptos::task::tick().await;
    assert_eq!(picks.get_untracked(), vec![Some(3), Some(7), None]);
    assert!(host.query_selector(".urgent-link").unwrap().is_none());
    drop(handle);
    host.remove();
}

#[wasm_bindgen_test]
async fn loop_ring_says_whole_loop_at_one_hundred_percent() {
    use loopwalk::ui::loops::progress_ring::LoopProgressRing;
    let host = host();
    let progress = RwSignal::new(0.5);
    let handle = leptos::mount::mount_to(host.clone(), move || {
        view! { <LoopProgressRing progress=progress name="Evening loop".to_string()/> }
    });
    leptos::task::tick().await;
    let text = || {
        host.query_selector(".ring-text")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap()
    };
    assert!(text().contains("50%"), "{}", text());
    assert!(!text().contains("Whole loop!"));
    progress.set(1.0);
    leptos::task::tick().await;
    assert!(text().contains("Whole loop!"), "{}", text());
    assert!(host.query_selector(".loop-ring.whole").unwrap().is_some());
    progress.set(1.3);
    leptos::task::tick().await;
    assert!(text().contains("Whole loop!"));
    drop(handle);
    host.remove();
}

#[wasm_bindgen_test]
async fn celebration_shows_what_the_walk_just_earned() {
    use loopwalk::domain::milestones::newly_earned_by;
    use loopwalk::ui::milestones::celebration::Celebration;
    let before = seeded();
    let mut after = before.clone();
    after.add_walk(walk(9, 1600, false)).unwrap();
    let day = chrono::Local::now().date_naive();
    let fresh = newly_earned_by(&before, &after, day);
    assert!(!fresh.is_empty(), "a fifth whole loop earns something");
    let ids: Vec<&str> = fresh.iter().map(|e| e.id).collect();
    assert!(ids.contains(&"loops-5"), "{ids:?}");

    let host = host();
    let items = fresh.clone();
    let handle = leptos::mount::mount_to(host.clone(), move || {
        view! {
            <Celebration items=items.clone()/>
            <div class="empty-one"><Celebration items=vec![]/></div>
        }
    });
    leptos::task::tick().await;
    let shown = host
        .query_selector_all(".celebration .celebrate-item")
        .unwrap();
    assert_eq!(shown.length() as usize, fresh.len());
    let section = host.query_selector(".celebration").unwrap().unwrap();
    assert_eq!(section.get_attribute("role").as_deref(), Some("status"));
    assert!(section.text_content().unwrap().contains("5 whole loops"));
    assert_eq!(
        host.query_selector(".empty-one")
            .unwrap()
            .unwrap()
            .child_element_count(),
        0,
        "nothing for an empty list"
    );
    drop(handle);
    host.remove();
}
