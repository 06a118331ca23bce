//! Sections of the Settings screen, one component per file.

pub mod care;
pub mod country;
pub mod data;
pub mod walking;
