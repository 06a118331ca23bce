//! Back care: pain check-ins, the pacing plan, flare-ups, safety
//! information, tips and the printable summary. Shared helpers live here;
//! one component per file.

pub mod flare_toggle;
pub mod overdo_notice;
pub mod pain_chart;
pub mod pain_checkin;
pub mod plan_chart;
pub mod plan_view;
pub mod report;
pub mod safety_note;
pub mod tier_card;
pub mod tier_list;
pub mod tip_card;
pub mod urgent_help;
pub mod weekly_target;

// The rules live in the domain; these names stay here for the views.
pub use crate::domain::care::{
    end_flare, flare_ups, plan_for, start_flare, streaks_paused, FLARE_DAYS,
};

/// Route of the "When to get help urgently" page.
pub const URGENT_HASH: &str = "#/settings/urgent";
/// The same page opened from the Walk screen: its back link returns there.
pub const URGENT_FROM_WALK: &str = "#/settings/urgent?from=walk";
/// Route of the printable summary for a physiotherapist or doctor.
pub const REPORT_HASH: &str = "#/settings/report";
/// Route of the "Your plan" view.
pub const PLAN_HASH: &str = "#/milestones/plan";

/// The walker's local calendar date today (the one rule, in the domain).
pub use crate::domain::dates::today;

/// Where the back link of the urgent-help page goes, and its label, for the
/// page's URL fragment: back to the Walk screen when opened from there
/// (`?from=walk`), else back to Settings.
pub fn urgent_back(hash: &str) -> (&'static str, &'static str) {
    let from_walk = hash
        .split_once('?')
        .is_some_and(|(_, q)| q.split('&').any(|kv| kv == "from=walk"));
    if from_walk {
        ("#/walk", "Back to your walk")
    } else {
        ("#/settings", "Back to settings")
    }
}

/// The link to the urgent-help page from where the walker is now: from
/// the Walk screen its back link returns there.
pub fn urgent_href_here() -> &'static str {
    let hash = web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default();
    if crate::ui::route::Tab::from_hash(&hash) == crate::ui::route::Tab::Walk {
        URGENT_FROM_WALK
    } else {
        URGENT_HASH
    }
}

/// `"1 minute"` / `"12 minutes"`.
pub fn minutes(n: u32) -> String {
    if n == 1 {
        "1 minute".to_string()
    } else {
        format!("{n} minutes")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_urgent_page_goes_back_where_the_walker_came_from() {
        assert_eq!(
            urgent_back(URGENT_FROM_WALK),
            ("#/walk", "Back to your walk")
        );
        assert_eq!(urgent_back(URGENT_HASH), ("#/settings", "Back to settings"));
        assert_eq!(urgent_back("#/settings/urgent?x=1&from=walk").0, "#/walk");
        assert_eq!(urgent_back("#/settings/urgent?from=walker").0, "#/settings");
        assert_eq!(minutes(1), "1 minute");
        assert_eq!(minutes(6), "6 minutes");
    }
}
