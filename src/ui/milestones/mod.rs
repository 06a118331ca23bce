//! Milestones: badges earned and the next ones, all derived from the store
//! with the domain's [`compute`](crate::domain::milestones::compute); nothing
//! about them is stored.

pub mod badge_art;
pub mod celebration;
pub mod earned_list;
pub mod next_card;
pub mod next_list;

use chrono::NaiveDate;

use crate::domain::milestones::{self, Earned};
use crate::domain::store::Store;

pub use crate::domain::milestones::report_for;

/// Milestones earned in `after` but not in `before`: what to celebrate
/// after saving a walk. A thin path to the domain rule,
/// [`milestones::newly_earned_by`].
pub fn newly_earned(before: &Store, after: &Store, today: NaiveDate) -> Vec<Earned> {
    milestones::newly_earned_by(before, after, today)
}
