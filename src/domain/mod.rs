//! Pure domain logic: plain Rust types, no browser or UI imports.

pub mod record;
pub mod steps;
pub mod settings;
pub mod store;
pub mod history;
