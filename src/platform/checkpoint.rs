//! Checkpoint of the walk in progress under its own localStorage key, so a
//! killed tab or a restarted phone loses at most the last few seconds.
//!
//! Uses `gloo-storage`, after checking that `window.localStorage` is usable
//! (gloo's helpers would otherwise panic where storage is unavailable).

use gloo_storage::{LocalStorage, Storage};
use thiserror::Error;

use crate::domain::walk::Checkpoint;

/// localStorage key of the walk in progress.
pub const KEY: &str = "loopwalk.current";

/// Why a checkpoint could not be written or read. Written for the walker.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum CheckpointError {
    #[error("This browser's storage cannot be used, so the walk in progress cannot be kept safe if the page closes.")]
    Unavailable,
    #[error("The phone's storage is full, so the walk in progress cannot be kept safe if the page closes.")]
    Full,
    #[error("The walk in progress could not be kept safe ({0}).")]
    Other(String),
    #[error("A walk in progress was found but cannot be read ({0}).")]
    Unreadable(String),
}

fn available() -> bool {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .is_some()
}

fn map_err(e: gloo_storage::errors::StorageError) -> CheckpointError {
    use gloo_storage::errors::StorageError as E;
    match e {
        E::SerdeError(e) => CheckpointError::Other(e.to_string()),
        E::KeyNotFound(k) => CheckpointError::Other(format!("missing {k}")),
        E::JsError(e) => {
            if e.name.contains("Quota") || e.name.contains("QUOTA") {
                CheckpointError::Full
            } else {
                CheckpointError::Other(e.message)
            }
        }
    }
}

/// Write the checkpoint (call at most every few seconds, and on hide).
pub fn save(cp: &Checkpoint) -> Result<(), CheckpointError> {
    if !available() {
        return Err(CheckpointError::Unavailable);
    }
    LocalStorage::set(KEY, cp).map_err(map_err)
}

/// The checkpoint left by a walk that did not finish, if any.
pub fn load() -> Result<Option<Checkpoint>, CheckpointError> {
    if !available() {
        return Ok(None);
    }
    match LocalStorage::get::<Checkpoint>(KEY) {
        Ok(cp) => Ok(Some(cp)),
        Err(gloo_storage::errors::StorageError::KeyNotFound(_)) => Ok(None),
        Err(e) => Err(CheckpointError::Unreadable(map_err(e).to_string())),
    }
}

/// Forget the checkpoint (after the walk is saved or discarded).
pub fn clear() {
    if available() {
        LocalStorage::delete(KEY);
    }
}
