//! One component per screen of the tab bar.

pub mod history;
pub mod milestones;
pub mod settings;
pub mod walk;
