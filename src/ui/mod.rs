//! Leptos components, one per file.

pub mod app;
pub mod care;
pub mod charts;
pub mod fields;
pub mod history;
pub mod icons;
pub mod install;
pub mod loops;
pub mod milestones;
pub mod route;
pub mod screens;
pub mod settings;
pub mod state;
pub mod storage_notice;
pub mod tab_bar;
pub mod update_banner;
pub mod walk;
