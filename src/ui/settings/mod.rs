//! Sections of the Settings screen, one component per file.

pub mod care;
pub mod country;
pub mod cues;
pub mod data;
pub mod reminder;
pub mod walking;
