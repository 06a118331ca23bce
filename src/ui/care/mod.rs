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
pub mod tip_card;
pub mod urgent_help;
pub mod weekly_target;

use chrono::{Days, NaiveDate};

use crate::domain::pacing::{self, Baseline, FlareUp, Plan};
use crate::domain::settings::Settings;
use crate::domain::store::Store;

/// Route of the "When to get help urgently" page.
pub const URGENT_HASH: &str = "#/settings/urgent";
/// Route of the printable summary for a physiotherapist or doctor.
pub const REPORT_HASH: &str = "#/settings/report";
/// Route of the "Your plan" view.
pub const PLAN_HASH: &str = "#/milestones/plan";

/// Days a flare-up started with "My back is bad today" lasts (today and the
/// next two days) unless ended sooner.
pub const FLARE_DAYS: u32 = 3;

/// The walker's local calendar date today.
pub fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

/// The flare-up the settings describe, as the pacing plan sees it.
///
/// Settings keep only the last day of the current (or most recent)
/// flare-up, so it is taken to have lasted [`FLARE_DAYS`] days up to then.
pub fn flare_ups(settings: &Settings) -> Vec<FlareUp> {
    settings
        .flare_up_until
        .map(|until| {
            let start = until
                .checked_sub_days(Days::new(u64::from(FLARE_DAYS - 1)))
                .unwrap_or(until);
            FlareUp {
                start,
                days: FLARE_DAYS,
            }
        })
        .into_iter()
        .collect()
}

/// Start a flare-up today: the target is lowered for [`FLARE_DAYS`] days
/// and streak-type goals are set aside.
pub fn start_flare(settings: &mut Settings, today: NaiveDate) {
    settings.flare_up_until = today.checked_add_days(Days::new(u64::from(FLARE_DAYS - 1)));
}

/// End a flare-up early. One started today (perhaps by mistake) leaves no
/// trace; an older one is kept as ending yesterday, so the plan eases back.
pub fn end_flare(settings: &mut Settings, today: NaiveDate) {
    let started_today = settings
        .flare_up_until
        .is_some_and(|u| Some(u) >= today.checked_add_days(Days::new(u64::from(FLARE_DAYS - 1))));
    settings.flare_up_until = if started_today {
        None
    } else {
        today.pred_opt()
    };
}

/// The pacing plan for this store on `today`.
pub fn plan_for(store: &Store, today: NaiveDate) -> Plan {
    pacing::plan(
        &store.walks,
        store.settings.weekly_baseline_min.map(Baseline::entered),
        &flare_ups(&store.settings),
        today,
    )
}

/// True when streak-type goals are set aside today (flare-up and the week
/// after it).
pub fn streaks_paused(settings: &Settings, today: NaiveDate) -> bool {
    pacing::streaks_suspended(&flare_ups(settings), today)
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

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn a_flare_up_lasts_three_days_and_can_be_ended() {
        let mut s = Settings::default();
        start_flare(&mut s, day("2026-11-25"));
        assert!(s.in_flare_up(day("2026-11-27")));
        assert!(!s.in_flare_up(day("2026-11-28")));
        let f = flare_ups(&s);
        assert_eq!(f[0].start, day("2026-11-25"));
        // Ended the same day: no trace.
        end_flare(&mut s, day("2026-11-25"));
        assert_eq!(s.flare_up_until, None);
        // Ended a day later: kept as ending yesterday.
        start_flare(&mut s, day("2026-11-25"));
        end_flare(&mut s, day("2026-11-26"));
        assert_eq!(s.flare_up_until, Some(day("2026-11-25")));
        assert!(!s.in_flare_up(day("2026-11-26")));
        assert!(streaks_paused(&s, day("2026-11-26")));
    }
}
