//! Helpers shared by the in-browser test files (each file uses some).
#![allow(dead_code)]

use loopwalk::domain::record::{StepSource, Steps, WalkId, WalkRecord};

/// Wait `ms` milliseconds of browser time (timers and frames keep running).
pub async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// The page's localStorage.
pub fn local() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

/// The text of the first element matching `selector`, or "".
pub fn text_of(host: &web_sys::HtmlElement, selector: &str) -> String {
    host.query_selector(selector)
        .unwrap()
        .map(|e| e.text_content().unwrap_or_default())
        .unwrap_or_default()
}

/// Fill localStorage until it refuses even one more character. Returns the
/// filler keys, for clean-up.
pub fn fill_storage() -> Vec<String> {
    let storage = local();
    let mut keys = Vec::new();
    let mut size = 1usize << 20;
    while size >= 1 {
        let chunk = "x".repeat(size);
        loop {
            let key = format!("fill.{}", keys.len());
            if storage.set_item(&key, &chunk).is_err() {
                break;
            }
            keys.push(key);
        }
        size /= 2;
    }
    keys
}

/// A plain sensor walk of 15 minutes (14 walking), no loop, rests or pain:
/// tests override what they need with `..walk(..)`.
pub fn walk(id: &str, at: &str, steps: u32) -> WalkRecord {
    WalkRecord {
        id: WalkId(id.into()),
        started_at: at.parse().unwrap(),
        utc_offset_min: 60,
        duration_s: 900.0,
        active_s: 840.0,
        steps: Steps(steps),
        source: StepSource::Sensor,
        loop_id: None,
        rests: vec![],
        gaps: vec![],
        longest_nonstop_s: 600.0,
        pain_before: None,
        pain_after: None,
        edited: false,
        note: None,
    }
}
