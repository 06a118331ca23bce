//! Thin adapters over browser APIs. Each adapter exposes plain Rust values to
//! the UI and keeps `web-sys` details out of components and domain logic.

pub mod checkpoint;
pub mod clock;
pub mod crash;
pub mod download;
pub mod haptics;
pub mod install;
pub mod motion;
pub mod speech;
pub mod splash;
pub mod storage;
pub mod sw;
pub mod time_zone;
pub mod visibility;
pub mod wake_lock;
pub mod walk_rig;
