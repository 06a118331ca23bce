//! Pure domain logic: plain Rust types, no browser or UI imports.

pub mod care;
pub mod cues;
pub mod dates;
pub mod history;
pub mod ics;
pub mod loops;
pub mod milestones;
pub mod pacing;
pub mod record;
pub mod recorder;
pub mod report;
pub mod settings;
pub mod sort;
pub mod steps;
pub mod store;
pub mod text;
pub mod walk;
