//! In-browser tests of the walk recorder's adapters (motion, checkpoint,
//! visibility, wake lock). Run by `scripts/test.sh browser`.
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;

use loopwalk::domain::record::{StepSource, WalkId};
use loopwalk::domain::steps::StepDetector;
use loopwalk::domain::walk::{Action, Checkpoint, WalkSession};
use loopwalk::platform::{checkpoint, motion, visibility, wake_lock};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[derive(Default)]
struct Recorder {
    steps: RefCell<Vec<f64>>,
    gaps: RefCell<Vec<(f64, f64)>>,
}

impl motion::MotionSink for Recorder {
    fn step(&self, t: f64) {
        self.steps.borrow_mut().push(t);
    }
    fn gap(&self, from: f64, to: f64) {
        self.gaps.borrow_mut().push((from, to));
    }
}

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

#[wasm_bindgen_test]
fn motion_is_supported_on_a_secure_page() {
    assert!(motion::is_secure_context());
    assert_eq!(motion::is_supported(), Ok(()));
    // Recent Chromium has the permission method too (it grants at once);
    // where it is absent, none is needed.
    let _ = motion::request_permission();
}

#[wasm_bindgen_test]
fn null_samples_are_skipped_and_real_ones_reach_the_detector() {
    let detector = Rc::new(RefCell::new(StepDetector::new()));
    let sink = Rc::new(Recorder::default());
    let mut listener = motion::listen(detector.clone(), sink.clone()).unwrap();
    dispatch(None);
    assert_eq!(listener.samples(), 0, "null sample skipped");
    for _ in 0..5 {
        dispatch(Some((0.1, 9.7, 0.4)));
    }
    assert_eq!(listener.samples(), 5);
    assert!(listener.last_sample_wall().is_some());
    assert!(sink.gaps.borrow().is_empty());
    listener.remove();
    dispatch(Some((0.1, 9.7, 0.4)));
    assert_eq!(listener.samples(), 5, "removed listener hears nothing");
}

#[wasm_bindgen_test]
fn dropping_the_listener_removes_it() {
    let detector = Rc::new(RefCell::new(StepDetector::new()));
    let listener = motion::listen(detector, Rc::new(Recorder::default())).unwrap();
    let probe = motion::listen(
        Rc::new(RefCell::new(StepDetector::new())),
        Rc::new(Recorder::default()),
    )
    .unwrap();
    drop(listener);
    dispatch(Some((0.0, 0.0, 9.8)));
    assert_eq!(probe.samples(), 1);
}

#[wasm_bindgen_test]
fn checkpoint_is_written_read_and_cleared() {
    checkpoint::clear();
    assert_eq!(checkpoint::load(), Ok(None));
    let mut s = WalkSession::new(StepSource::Sensor);
    s.apply(Action::Start {
        at: 1_767_258_000.0,
    });
    s.apply(Action::Step { t: 1_767_258_001.0 });
    let cp = Checkpoint {
        version: Checkpoint::VERSION,
        id: WalkId("w-browser".into()),
        started_at: "2026-01-01T09:00:00Z".parse().unwrap(),
        utc_offset_min: 60,
        session: s,
    };
    checkpoint::save(&cp).unwrap();
    assert_eq!(checkpoint::load(), Ok(Some(cp)));
    checkpoint::clear();
    assert_eq!(checkpoint::load(), Ok(None));
}

#[wasm_bindgen_test]
fn an_unreadable_checkpoint_is_reported_not_panicked_on() {
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage.set_item(checkpoint::KEY, "{not json").unwrap();
    assert!(matches!(
        checkpoint::load(),
        Err(checkpoint::CheckpointError::Unreadable(_))
    ));
    checkpoint::clear();
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
fn wake_lock_answers_without_panicking() {
    let lock = wake_lock::WakeLock::new();
    lock.acquire(|_| {});
    assert!(lock.wanted());
    lock.release();
    assert!(!lock.wanted());
}
