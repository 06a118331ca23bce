//! Milestones: badges earned and the next ones, all derived from the store
//! with the domain's [`compute`](crate::domain::milestones::compute); nothing
//! about them is stored.

pub mod badge_art;
pub mod celebration;
pub mod earned_list;
pub mod next_card;
pub mod next_list;
