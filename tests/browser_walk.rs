//! In-browser tests of the walk recorder's adapters (motion, checkpoint,
//! visibility, wake lock). Run by `scripts/test.sh browser`.
#![cfg(target_arch = "wasm32")]

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use loopwalk::domain::record::{StepSource, WalkId};
use loopwalk::domain::recorder::{CheckpointSlot, Notice};
use loopwalk::domain::walk::{Action, Checkpoint, WalkSession};
use loopwalk::platform::{checkpoint, clock, motion, visibility, wake_lock};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Dispatch `new DeviceMotionEvent('devicemotion', {...})` on window.
fn dispatch(axes: Option<(f64, f64, f64)>) {
    let window = web_sys::window().unwrap();
    let init = js_sys::Object::new();
    let acc = js_sys::Object::new();
    let (x, y, z) = match axes {
        Some((x, y, z)) => (JsValue::from(x), JsValue::from(y), JsValue::from(z)),
        None => (JsValue::NULL, JsValue::NULL, JsValue::NULL),
    };
    js_sys::Reflect::set(&acc, &"x".into(), &x).unwrap();
    js_sys::Reflect::set(&acc, &"y".into(), &y).unwrap();
    js_sys::Reflect::set(&acc, &"z".into(), &z).unwrap();
    js_sys::Reflect::set(&init, &"accelerationIncludingGravity".into(), &acc).unwrap();
    js_sys::Reflect::set(&init, &"interval".into(), &16.into()).unwrap();
    let ctor: js_sys::Function = js_sys::Reflect::get(&window, &"DeviceMotionEvent".into())
        .unwrap()
        .into();
    let args = js_sys::Array::of2(&"devicemotion".into(), &init);
    let event: web_sys::Event = js_sys::Reflect::construct(&ctor, &args).unwrap().into();
    window.dispatch_event(&event).unwrap();
}

async fn sleep_ms(ms: i32) {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(p).await.unwrap();
}

fn storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

#[wasm_bindgen_test]
async fn motion_is_supported_on_a_secure_page_and_a_permission_answer_is_read() {
    assert_eq!(motion::is_supported(), Ok(()));
    // Chromium grants at once where it has the method; none is needed where not.
    if let Some(p) = motion::request_permission() {
        assert!(motion::permission_granted(p).await);
    }
    // An iOS-style refusal reads as not granted.
    let denied = js_sys::Promise::resolve(&JsValue::from_str("denied"));
    assert!(!motion::permission_granted(denied).await);
    let failed = js_sys::Promise::reject(&JsValue::from_str("NotAllowedError"));
    assert!(!motion::permission_granted(failed).await);
}

#[wasm_bindgen_test]
fn null_samples_are_skipped_and_real_ones_are_delivered_with_their_time() {
    let got = Rc::new(RefCell::new(Vec::new()));
    let g = got.clone();
    let before = clock::now_s();
    let mut listener = motion::listen(move |t, x, y, z| g.borrow_mut().push((t, x, y, z))).unwrap();
    dispatch(None);
    assert!(got.borrow().is_empty(), "null sample skipped");
    for _ in 0..5 {
        dispatch(Some((0.1, 9.7, 0.4)));
    }
    assert_eq!(got.borrow().len(), 5);
    let (t, x, y, z) = got.borrow()[0];
    assert_eq!((x, y, z), (0.1, 9.7, 0.4));
    assert!(
        t >= before - 0.001 && t <= clock::now_s() + 0.001,
        "event time on the monotonic clock: {t} vs {before}"
    );
    listener.remove();
    dispatch(Some((0.1, 9.7, 0.4)));
    assert_eq!(got.borrow().len(), 5, "removed listener hears nothing");
}

#[wasm_bindgen_test]
fn dropping_the_listener_removes_it() {
    let first = Rc::new(Cell::new(0));
    let probe = Rc::new(Cell::new(0));
    let (f, p) = (first.clone(), probe.clone());
    let listener = motion::listen(move |_, _, _, _| f.set(f.get() + 1)).unwrap();
    let _probe = motion::listen(move |_, _, _, _| p.set(p.get() + 1)).unwrap();
    drop(listener);
    dispatch(Some((0.0, 0.0, 9.8)));
    assert_eq!((first.get(), probe.get()), (0, 1));
}

fn checkpoint_of(id: &str) -> Checkpoint {
    let mut s = WalkSession::new(StepSource::Sensor);
    s.apply(Action::Start { at: 0.0 });
    s.apply(Action::Step { t: 1.0 });
    Checkpoint {
        version: Checkpoint::VERSION,
        id: WalkId(id.into()),
        started_at: "2026-01-01T09:00:00Z".parse().unwrap(),
        utc_offset_min: 60,
        session: s,
    }
}

fn clear_all() {
    let s = storage();
    let keys: Vec<String> = (0..s.length().unwrap())
        .filter_map(|i| s.key(i).unwrap())
        .filter(|k| k.starts_with("loopwalk.current") || k.starts_with(checkpoint::BACKUP_PREFIX))
        .collect();
    for k in keys {
        s.remove_item(&k).unwrap();
    }
}

fn other_tab(key: &str, heartbeat_ms: f64, cp: &Checkpoint) {
    let text = serde_json::json!({ "heartbeat_ms": heartbeat_ms, "checkpoint": cp }).to_string();
    storage().set_item(key, &text).unwrap();
}

#[wasm_bindgen_test]
fn this_tabs_checkpoint_is_written_found_again_and_cleared() {
    clear_all();
    assert!(checkpoint::scan().0.is_empty());
    let cp = checkpoint_of("w-own");
    checkpoint::save(&cp).unwrap();
    let key = checkpoint::own_key();
    assert!(key.starts_with(checkpoint::PREFIX));
    assert_eq!(checkpoint::tab_id(), checkpoint::tab_id(), "one id per tab");
    let (found, problem) = checkpoint::scan();
    assert_eq!(problem, None);
    assert_eq!(found.len(), 1, "its own walk is offered after a reload");
    assert!(found[0].own);
    assert_eq!(found[0].checkpoint, cp);
    checkpoint::clear(&CheckpointSlot::Own);
    assert!(checkpoint::scan().0.is_empty());
}

#[wasm_bindgen_test]
fn two_tabs_a_live_walk_elsewhere_is_not_offered_a_dead_tabs_is_and_clearing_ours_keeps_theirs() {
    clear_all();
    let now = js_sys::Date::now();
    other_tab(
        "loopwalk.current.live",
        now - 3_000.0,
        &checkpoint_of("w-live"),
    );
    other_tab(
        "loopwalk.current.dead",
        now - 600_000.0,
        &checkpoint_of("w-dead"),
    );
    let (found, _) = checkpoint::scan();
    let ids: Vec<_> = found.iter().map(|u| u.checkpoint.id.0.as_str()).collect();
    assert_eq!(ids, vec!["w-dead"]);
    assert!(!found[0].own);
    checkpoint::save(&checkpoint_of("w-own")).unwrap();
    checkpoint::clear(&CheckpointSlot::Own);
    assert!(storage()
        .get_item("loopwalk.current.live")
        .unwrap()
        .is_some());
    assert!(storage()
        .get_item("loopwalk.current.dead")
        .unwrap()
        .is_some());
    checkpoint::clear(&CheckpointSlot::Other("loopwalk.current.dead".into()));
    assert!(storage()
        .get_item("loopwalk.current.dead")
        .unwrap()
        .is_none());
    clear_all();
}

#[wasm_bindgen_test]
fn the_old_single_checkpoint_key_is_offered_as_a_closed_tabs_walk() {
    clear_all();
    let mut cp = checkpoint_of("w-old");
    // Older versions ran the session on epoch seconds.
    cp.session = WalkSession::new(StepSource::Sensor);
    cp.session.apply(Action::Start {
        at: 1_767_258_000.0,
    });
    cp.session.apply(Action::Step { t: 1_767_258_001.0 });
    storage()
        .set_item(checkpoint::LEGACY_KEY, &serde_json::to_string(&cp).unwrap())
        .unwrap();
    let (found, _) = checkpoint::scan();
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].key, checkpoint::LEGACY_KEY);
    assert_eq!(found[0].checkpoint, cp);
    clear_all();
}

#[wasm_bindgen_test]
fn an_unreadable_checkpoint_is_copied_to_a_backup_key_before_it_can_be_overwritten() {
    clear_all();
    let key = checkpoint::own_key();
    storage().set_item(&key, "{not json").unwrap();
    let (found, problem) = checkpoint::scan();
    assert!(found.is_empty());
    assert_eq!(problem, Some(Notice::UnreadableCheckpointKept));
    let backup = format!("{}{key}", checkpoint::BACKUP_PREFIX);
    assert_eq!(
        storage().get_item(&backup).unwrap().as_deref(),
        Some("{not json")
    );
    // The next Start overwrites the original; the copy stays.
    checkpoint::save(&checkpoint_of("w-new")).unwrap();
    assert_eq!(
        storage().get_item(&backup).unwrap().as_deref(),
        Some("{not json")
    );
    clear_all();
}

#[wasm_bindgen_test]
fn visibility_listener_hears_changes_until_dropped() {
    let seen = Rc::new(RefCell::new(Vec::new()));
    let s = seen.clone();
    let listener = visibility::on_page_event(move |e| s.borrow_mut().push(e));
    let doc = web_sys::window().unwrap().document().unwrap();
    doc.dispatch_event(&web_sys::Event::new("visibilitychange").unwrap())
        .unwrap();
    assert_eq!(seen.borrow().len(), 1);
    drop(listener);
    doc.dispatch_event(&web_sys::Event::new("visibilitychange").unwrap())
        .unwrap();
    assert_eq!(seen.borrow().len(), 1);
}

#[wasm_bindgen_test]
async fn wake_lock_is_either_held_or_refused_and_release_lets_go() {
    let lock = wake_lock::WakeLock::new();
    let refused = Rc::new(Cell::new(0));
    let r = refused.clone();
    lock.acquire(move || r.set(r.get() + 1));
    sleep_ms(500).await;
    // Headless Chromium may refuse; either way the walker is told exactly once.
    assert!(
        lock.held() != (refused.get() == 1),
        "held {} refused {}",
        lock.held(),
        refused.get()
    );
    lock.release();
    assert!(!lock.held());
}
