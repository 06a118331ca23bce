//! The walk in progress, checkpointed in localStorage so a killed tab or a
//! restarted phone loses at most the last few seconds.
//!
//! One checkpoint per tab: `loopwalk.current.<tab id>`, the tab id kept in
//! sessionStorage (a reload of the same tab keeps it). Each write stamps a
//! heartbeat (wall-clock ms). At start-up [`scan`] offers this tab's own
//! checkpoint and those of closed tabs (stale heartbeat); a live walk in
//! another tab is left alone. The single key of earlier versions
//! (`loopwalk.current`) is read as a closed tab's. An unreadable checkpoint
//! is copied to `loopwalk.unreadable.<key>` before anything overwrites it.

use serde::{Deserialize, Serialize};

use crate::domain::recorder::{
    is_unfinished, CheckpointProblem, CheckpointSlot, Notice, Unfinished,
};
use crate::domain::walk::Checkpoint;

/// Key prefix of the per-tab checkpoints.
pub const PREFIX: &str = "loopwalk.current.";
/// The single checkpoint key of earlier versions.
pub const LEGACY_KEY: &str = "loopwalk.current";
/// Prefix of the copies of unreadable checkpoints.
pub const BACKUP_PREFIX: &str = "loopwalk.unreadable.";
/// sessionStorage key of this tab's id.
const TAB_KEY: &str = "loopwalk.tab";

#[derive(Serialize, Deserialize)]
struct Envelope<T> {
    heartbeat_ms: f64,
    checkpoint: T,
}

/// Just the heartbeat of a checkpoint whose body cannot be read (perhaps a
/// newer version's, in a live tab).
#[derive(Deserialize)]
struct Beat {
    heartbeat_ms: f64,
}

fn local() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// This tab's id: kept in sessionStorage, made once per tab.
pub fn tab_id() -> String {
    static ID: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    ID.get_or_init(|| {
        let session = web_sys::window().and_then(|w| w.session_storage().ok().flatten());
        if let Some(id) = session
            .as_ref()
            .and_then(|s| s.get_item(TAB_KEY).ok().flatten())
        {
            return id;
        }
        let id = format!(
            "{:x}{:06x}",
            js_sys::Date::now() as u64,
            (js_sys::Math::random() * 16_777_216.0) as u32
        );
        if let Some(s) = session {
            let _ = s.set_item(TAB_KEY, &id);
        }
        id
    })
    .clone()
}

/// This tab's checkpoint key.
pub fn own_key() -> String {
    format!("{PREFIX}{}", tab_id())
}

fn problem(e: &wasm_bindgen::JsValue) -> CheckpointProblem {
    let name = js_sys::Reflect::get(e, &"name".into())
        .ok()
        .and_then(|n| n.as_string())
        .unwrap_or_default();
    if name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED" {
        CheckpointProblem::Full
    } else {
        CheckpointProblem::Other
    }
}

/// Write this tab's checkpoint with a fresh heartbeat.
pub fn save(cp: &Checkpoint) -> Result<(), CheckpointProblem> {
    let storage = local().ok_or(CheckpointProblem::Unavailable)?;
    let text = serde_json::to_string(&Envelope {
        heartbeat_ms: js_sys::Date::now(),
        checkpoint: cp,
    })
    .map_err(|_| CheckpointProblem::Other)?;
    storage.set_item(&own_key(), &text).map_err(|e| problem(&e))
}

/// Forget a checkpoint (after its walk is saved or discarded).
pub fn clear(slot: &CheckpointSlot) {
    if let Some(s) = local() {
        let key = match slot {
            CheckpointSlot::Own => own_key(),
            CheckpointSlot::Other(k) => k.clone(),
        };
        let _ = s.remove_item(&key);
    }
}

/// What one stored checkpoint turned out to be.
enum Read {
    Offer(Box<Unfinished>),
    /// Another tab's live walk.
    Live,
    Unreadable,
}

fn read(key: &str, text: &str, own: bool, now_ms: f64) -> Read {
    let unfinished = |heartbeat_ms: f64, checkpoint: Checkpoint| {
        Read::Offer(Box::new(Unfinished {
            key: key.to_string(),
            own,
            heartbeat_ms,
            checkpoint,
        }))
    };
    if key == LEGACY_KEY {
        // Older versions stored the bare checkpoint on epoch seconds.
        return match serde_json::from_str::<Checkpoint>(text) {
            Ok(cp) => {
                let hb = cp.session.now() * 1000.0;
                if is_unfinished(false, hb, now_ms) {
                    unfinished(hb, cp)
                } else {
                    Read::Live
                }
            }
            Err(_) => Read::Unreadable,
        };
    }
    match serde_json::from_str::<Envelope<Checkpoint>>(text) {
        Ok(env) if is_unfinished(own, env.heartbeat_ms, now_ms) => {
            unfinished(env.heartbeat_ms, env.checkpoint)
        }
        Ok(_) => Read::Live,
        // Unreadable, unless a live tab's (perhaps a newer version): never touched.
        Err(_) => match serde_json::from_str::<Beat>(text) {
            Ok(b) if !is_unfinished(own, b.heartbeat_ms, now_ms) => Read::Live,
            _ => Read::Unreadable,
        },
    }
}

/// The walks of closed pages (this tab's after a reload, closed tabs', the
/// old single key), and a notice to show: an unreadable checkpoint was
/// copied to a backup key (its original is then free to be overwritten), or
/// could not be copied.
pub fn scan() -> (Vec<Unfinished>, Option<Notice>) {
    let Some(storage) = local() else {
        return (Vec::new(), None);
    };
    let own = own_key();
    let now_ms = js_sys::Date::now();
    let keys: Vec<String> = (0..storage.length().unwrap_or(0))
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|k| k == LEGACY_KEY || k.starts_with(PREFIX))
        .collect();
    let mut found = Vec::new();
    let mut problem = None;
    for key in keys {
        let Some(text) = storage.get_item(&key).ok().flatten() else {
            continue;
        };
        match read(&key, &text, key == own, now_ms) {
            Read::Offer(u) => found.push(*u),
            Read::Live => {}
            Read::Unreadable => {
                let backup = format!("{BACKUP_PREFIX}{key}");
                if storage.set_item(&backup, &text).is_ok() {
                    if key != own {
                        // A closed tab's, kept in the copy.
                        let _ = storage.remove_item(&key);
                    }
                    problem = Some(Notice::UnreadableCheckpointKept);
                } else {
                    problem = Some(Notice::Checkpoint(CheckpointProblem::Full));
                }
            }
        }
    }
    (found, problem)
}
