//! The walk recorder's components and its controller.

pub mod controller;
pub mod cues;
pub mod live_view;
pub mod manual_entry;
pub mod pocket_mode;
pub mod problem;
pub mod resume_prompt;
pub mod summary;
pub mod words;
