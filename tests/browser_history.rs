//! In-browser tests (wasm-bindgen-test in headless Chromium) for history
//! that is never lost: the storage adapter, unreadable data at start-up, a
//! full storage, the charts' text alternatives and the History screen.
//! Run by `scripts/test.sh browser`.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

use loopwalk::domain::record::{LoopId, LoopLength, LoopRecord, Span, Steps, WalkId, WalkRecord};
use loopwalk::domain::store::{to_json, JsonCache, Store, WalkPatch};
use loopwalk::platform::storage::{self, LoadOutcome, StorageError, BACKUP_PREFIX, STORE_KEY};
use loopwalk::ui::charts::bar_chart::{Bar, BarChart, RefLine};
use loopwalk::ui::charts::line_chart::{LineChart, Marker, Point, Series};
use loopwalk::ui::route::Tab;
use loopwalk::ui::state::{AppState, StoreStatus};

mod support;
use support::{fill_storage, local, sleep, text_of};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn host() -> web_sys::HtmlElement {
    let host: web_sys::HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&host).unwrap();
    host
}

fn count(host: &web_sys::HtmlElement, selector: &str) -> u32 {
    host.query_selector_all(selector).unwrap().length()
}

fn walk(id: &str, at: &str, steps: u32) -> WalkRecord {
    WalkRecord {
        utc_offset_min: 0,
        duration_s: 1200.0,
        active_s: 900.0,
        loop_id: Some(LoopId("l1".into())),
        rests: vec![Span {
            at_s: 300.0,
            len_s: 40.0,
        }],
        pain_before: Some(5),
        pain_after: Some(3),
        note: Some("windy".into()),
        ..support::walk(id, at, steps)
    }
}

fn sample_store() -> Store {
    let mut s = Store::new();
    s.upsert_loop(LoopRecord {
        id: LoopId("l1".into()),
        name: "Park loop".into(),
        length: LoopLength::Steps(1200),
        created_at: "2026-01-01T08:00:00Z".parse().unwrap(),
        archived: false,
        kind: Default::default(),
    })
    .unwrap();
    s.add_walk(walk("a", "2026-03-02T09:00:00Z", 1500)).unwrap();
    let mut b = walk("b", "2026-03-10T09:00:00Z", 2000);
    b.gaps.push(Span {
        at_s: 700.0,
        len_s: 120.0,
    });
    s.add_walk(b).unwrap();
    s.add_walk(walk("c", "2026-03-11T17:00:00Z", 800)).unwrap();
    s.edit_walk(
        &WalkId("c".into()),
        WalkPatch {
            steps: Some(Steps(900)),
            ..Default::default()
        },
        "2026-03-12T10:00:00Z".parse().unwrap(),
    )
    .unwrap();
    s.delete_walk(&WalkId("a".into()), "2026-03-13T10:00:00Z".parse().unwrap());
    s
}

#[wasm_bindgen_test]
fn storage_adapter_round_trips_the_whole_store() {
    local().clear().unwrap();
    assert_eq!(storage::load_store(), LoadOutcome::Fresh);
    let mut store = sample_store();
    let mut cache = JsonCache::default();
    let written = storage::save_store(&store, None, &mut cache).unwrap();
    assert_eq!(storage::load_store(), LoadOutcome::Loaded(store.clone()));
    assert_eq!(storage::raw_text(), Some(to_json(&store)));
    // Written again after a change, reusing the unchanged walks' JSON.
    store.walks[0].steps.0 += 1;
    storage::save_store(&store, Some(&written), &mut cache).unwrap();
    assert_eq!(storage::raw_text(), Some(to_json(&store)));
    local().clear().unwrap();
}

#[wasm_bindgen_test]
async fn unreadable_data_at_start_up_is_kept_backed_up_and_announced() {
    local().clear().unwrap();
    let raw = r#"{"version":2,"walks":[{"id":"a","started_at":"2026-03-0"#;
    local().set_item(STORE_KEY, raw).unwrap();
    web_sys::window()
        .unwrap()
        .location()
        .set_hash("#/history")
        .unwrap();
    let host = host();
    let handle = leptos::mount::mount_to(host.clone(), loopwalk::ui::app::App);
    leptos::task::tick().await;
    let notice = text_of(&host, ".notice");
    assert!(notice.contains("could not be read"), "{notice}");
    assert!(
        host.query_selector(".notice button").unwrap().is_some(),
        "export offered"
    );
    assert_eq!(
        local().get_item(STORE_KEY).unwrap().as_deref(),
        Some(raw),
        "main key unchanged"
    );
    let backups = storage::backup_keys();
    assert_eq!(backups.len(), 1);
    assert!(backups[0].starts_with(BACKUP_PREFIX));
    assert_eq!(local().get_item(&backups[0]).unwrap().as_deref(), Some(raw));
    drop(handle);
    host.remove();
    local().clear().unwrap();
}

#[wasm_bindgen_test]
fn a_full_storage_reports_quota_and_keeps_the_walk_in_memory() {
    local().clear().unwrap();
    let owner = Owner::new();
    owner.with(|| {
        let state = AppState::new(Tab::History);
        state.update_store(|s| {
            s.add_walk(walk("first", "2026-03-01T09:00:00Z", 100))
                .unwrap()
        });
        assert_eq!(state.store_status.get_untracked(), StoreStatus::Ok);
        let before = local().get_item(STORE_KEY).unwrap();

        let filler = fill_storage();
        assert!(!filler.is_empty());
        let added =
            state.update_store(|s| s.add_walk(walk("second", "2026-03-02T09:00:00Z", 4000)));
        assert_eq!(added, Ok(()));
        assert_eq!(
            state.store_status.get_untracked(),
            StoreStatus::SaveFailed(StorageError::Quota)
        );
        let in_memory: Vec<String> = state
            .store
            .with_untracked(|s| s.walks.iter().map(|w| w.id.0.clone()).collect());
        assert_eq!(
            in_memory,
            ["first", "second"],
            "nothing dropped from memory"
        );
        assert_eq!(
            local().get_item(STORE_KEY).unwrap(),
            before,
            "stored text intact"
        );

        // Once there is room again, the next save succeeds and reports OK.
        for k in &filler {
            local().remove_item(k).unwrap();
        }
        assert_eq!(state.save(), Ok(()));
        assert_eq!(state.store_status.get_untracked(), StoreStatus::Ok);
        assert_eq!(
            storage::load_store(),
            LoadOutcome::Loaded(state.store.get_untracked())
        );
    });
    local().clear().unwrap();
}

#[wasm_bindgen_test]
async fn bar_chart_has_a_name_a_summary_and_a_table_of_the_numbers() {
    let host = host();
    let bars: Vec<Bar> = (0..7)
        .map(|i| Bar {
            label: format!("Day {i}"),
            tick: (i % 3 == 0).then(|| format!("D{i}")),
            value: f64::from(i * 100),
            current: i == 6,
        })
        .collect();
    let lines = vec![RefLine {
        label: "Target".into(),
        class: "target",
        values: vec![Some(250.0); 7],
    }];
    let handle = leptos::mount::mount_to(host.clone(), move || {
        view! {
            <BarChart id="t-bars" title="Steps per day" summary="A week of steps: 2,100 in all." label_header="Day" value_header="Steps" bars=bars.clone() lines=lines.clone()/>
        }
    });
    leptos::task::tick().await;
    let svg = host
        .query_selector("svg[role=img]")
        .unwrap()
        .expect("an svg image");
    let title_id = svg.get_attribute("aria-labelledby").unwrap();
    let summary_id = svg.get_attribute("aria-describedby").unwrap();
    assert_eq!(
        document()
            .get_element_by_id(&title_id)
            .unwrap()
            .text_content()
            .unwrap(),
        "Steps per day"
    );
    assert_eq!(
        document()
            .get_element_by_id(&summary_id)
            .unwrap()
            .text_content()
            .unwrap(),
        "A week of steps: 2,100 in all."
    );
    assert_eq!(text_of(&host, "svg title"), "Steps per day");
    assert_eq!(count(&host, "rect.sc-bar"), 7);
    assert_eq!(count(&host, "rect.sc-bar.current"), 1);
    assert_eq!(count(&host, "path.sc-ref.target"), 1);
    assert_eq!(count(&host, "details table tbody tr"), 7);
    assert_eq!(count(&host, "details table thead th"), 3);
    assert_eq!(text_of(&host, "tbody tr:last-child th"), "Day 6");
    assert_eq!(text_of(&host, "tbody tr:last-child td"), "600");
    // No inline style attributes (strict CSP).
    assert_eq!(count(&host, "[style]"), 0);
    drop(handle);
    host.remove();
}

#[wasm_bindgen_test]
async fn line_chart_breaks_at_gaps_and_lists_missing_values() {
    let host = host();
    let points: Vec<Point> = (0..4)
        .map(|i| Point {
            label: format!("Walk {i}"),
            tick: None,
        })
        .collect();
    let series = vec![
        Series {
            name: "Before".into(),
            class: "series-a",
            marker: Marker::Circle,
            values: vec![Some(5.0), Some(6.0), None, Some(4.0)],
        },
        Series {
            name: "After".into(),
            class: "series-b",
            marker: Marker::Square,
            values: vec![Some(3.0), None, None, Some(2.0)],
        },
    ];
    let handle = leptos::mount::mount_to(host.clone(), move || {
        view! {
            <LineChart id="t-pain" title="Pain" summary="Pain before and after." label_header="Walk" points=points.clone() series=series.clone() y_max=10.0 y_ticks=vec![0.0, 5.0, 10.0]/>
        }
    });
    leptos::task::tick().await;
    assert!(host
        .query_selector("svg[role=img][aria-labelledby]")
        .unwrap()
        .is_some());
    assert_eq!(count(&host, ".series-a circle.sc-mark"), 3);
    assert_eq!(count(&host, ".series-b rect.sc-mark"), 2);
    let d = host
        .query_selector(".series-a path.sc-line")
        .unwrap()
        .unwrap()
        .get_attribute("d")
        .unwrap();
    assert_eq!(
        d.matches('M').count(),
        2,
        "line breaks at the missing value: {d}"
    );
    assert_eq!(count(&host, "details table tbody tr"), 4);
    assert_eq!(
        text_of(&host, "tbody tr:nth-child(2) td:last-child"),
        "none"
    );
    assert_eq!(text_of(&host, ".sc-legend"), "BeforeAfter");
    drop(handle);
    host.remove();
}

#[wasm_bindgen_test]
async fn history_screen_groups_walks_and_opens_a_walk() {
    local().clear().unwrap();
    storage::save_store(&sample_store(), None, &mut JsonCache::default()).unwrap();
    let window = web_sys::window().unwrap();
    window.location().set_hash("#/history").unwrap();
    sleep(30).await;
    let host = host();
    let handle = leptos::mount::mount_to(host.clone(), loopwalk::ui::app::App);
    leptos::task::tick().await;
    assert_eq!(
        count(&host, "section.week"),
        1,
        "both walks are in the week of 9 Mar"
    );
    assert_eq!(
        count(&host, "a.walk-row"),
        2,
        "the deleted walk is not listed"
    );
    assert!(text_of(&host, "section.week .week-totals").contains("2,900 steps"));
    assert_eq!(count(&host, "a.walk-row .tag.edited"), 1);
    assert!(text_of(&host, "a.walk-row[data-walk=b]").contains("Counting paused 2 min"));

    window.location().set_hash("#/history/walk/b").unwrap();
    sleep(50).await;
    leptos::task::tick().await;
    let detail = text_of(&host, ".walk-detail");
    assert!(
        detail.contains("2,000 steps") && detail.contains("Park loop"),
        "{detail}"
    );
    assert!(
        detail.contains("Counting paused 2 min, after 11:40"),
        "{detail}"
    );
    assert!(detail.contains("Rest of 40 s after 5:00"), "{detail}");
    assert!(
        detail.contains("5 out of 10") && detail.contains("3 out of 10"),
        "{detail}"
    );

    window.location().set_hash("#/history/trends").unwrap();
    sleep(50).await;
    leptos::task::tick().await;
    assert_eq!(count(&host, "figure.svg-chart svg[role=img]"), 3);
    drop(handle);
    host.remove();
    window.location().set_hash("").unwrap();
    local().clear().unwrap();
}

/// The loop ring on the Walk screen changes with every step: it keeps its
/// elements and only updates their text and the stroke, so a screen reader
/// hears the live region change rather than a new one.
#[wasm_bindgen_test]
async fn the_loop_ring_updates_in_place_as_steps_come() {
    use loopwalk::ui::loops::progress_ring::LoopProgressRing;
    let host = host();
    let progress = RwSignal::new(0.25);
    let handle = leptos::mount::mount_to(host.clone(), move || {
        view! { <LoopProgressRing progress=progress name="Park loop".to_string()/> }
    });
    leptos::task::tick().await;
    let big = host.query_selector(".ring-big").unwrap().unwrap();
    let fill = host.query_selector(".ring-fill").unwrap().unwrap();
    let offset = || fill.get_attribute("stroke-dashoffset").unwrap();
    let quarter = offset();
    assert_eq!(big.text_content().unwrap(), "25%");
    progress.set(0.6);
    leptos::task::tick().await;
    let now = host.query_selector(".ring-big").unwrap().unwrap();
    assert!(now.is_same_node(Some(&big)), "the same element, updated");
    assert_eq!(big.text_content().unwrap(), "60%");
    assert_ne!(offset(), quarter, "the ring fills");
    progress.set(1.0);
    leptos::task::tick().await;
    assert!(host
        .query_selector(".ring-big")
        .unwrap()
        .unwrap()
        .is_same_node(Some(&big)));
    assert_eq!(big.text_content().unwrap(), "Whole loop!");
    assert_eq!(text_of(&host, ".ring-small"), "Park loop");
    drop(handle);
    host.remove();
}
