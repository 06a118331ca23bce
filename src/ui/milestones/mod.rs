//! Milestones: badges earned and the next ones, all derived from the store
//! with the domain's [`compute`](crate::domain::milestones::compute); nothing
//! about them is stored.

pub mod badge_art;
pub mod celebration;
pub mod earned_list;
pub mod next_card;
pub mod next_list;

use chrono::NaiveDate;

use crate::domain::milestones::{self, Earned, MilestoneReport};
use crate::domain::store::Store;

/// The milestone report for a store on `today` (the walker's local date).
pub fn report_for(store: &Store, today: NaiveDate) -> MilestoneReport {
    milestones::compute(
        &store.walks,
        &store.loops,
        store.settings.step_length_m(),
        today,
    )
}

/// Milestones earned in `after` but not in `before`: what to celebrate
/// after saving a walk. Typical use on the walk summary:
///
/// ```ignore
/// let before = state.store.get_untracked();
/// state.update_store(|s| s.add_walk(walk));
/// let fresh = newly_earned(&before, &state.store.get_untracked(), today());
/// view! { <Celebration items=fresh/> }
/// ```
pub fn newly_earned(before: &Store, after: &Store, today: NaiveDate) -> Vec<Earned> {
    let b = report_for(before, today);
    let a = report_for(after, today);
    milestones::newly_earned(&b, &a)
        .into_iter()
        .cloned()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::record::{StepSource, Steps, WalkId, WalkRecord};

    fn walk(id: &str, at: &str, steps: u32) -> WalkRecord {
        WalkRecord {
            id: WalkId(id.into()),
            started_at: at.parse().unwrap(),
            utc_offset_min: 0,
            duration_s: 700.0,
            active_s: 660.0,
            steps: Steps(steps),
            source: StepSource::Sensor,
            loop_id: None,
            rests: vec![],
            gaps: vec![],
            longest_nonstop_s: 660.0,
            pain_before: None,
            pain_after: None,
            edited: false,
            note: None,
        }
    }

    #[test]
    fn the_first_walk_earns_its_first_milestones() {
        let before = Store::new();
        let mut after = Store::new();
        after
            .add_walk(walk("a", "2026-11-20T18:00:00Z", 1200))
            .unwrap();
        let day = "2026-11-20".parse().unwrap();
        let fresh = newly_earned(&before, &after, day);
        let ids: Vec<&str> = fresh.iter().map(|e| e.id).collect();
        assert!(ids.contains(&"first-walk"));
        assert!(ids.contains(&"minutes-10"));
        assert!(ids.contains(&"steps-1k"));
        assert!(newly_earned(&after, &after, day).is_empty());
    }
}
