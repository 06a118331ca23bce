//! The pacing plan: start from what is comfortable, grow gently, hold when
//! pain rises, ease off in a flare-up, and notice when a walk overdid it.
//!
//! # The rule, week by week
//!
//! Weeks are ISO weeks (Monday to Sunday) in the walker's local calendar
//! ([`WalkRecord::local_date`]). The plan runs from the week of the first
//! walk to the week containing `today`.
//!
//! 1. **Baseline.** The baseline is either entered by the walker (minutes a
//!    week, Settings' `weekly_baseline_min`) or what they managed in their
//!    first seven days (from the first walk's day: the number of walks times
//!    their average active minutes). See [`Baseline`]. The plan starts
//!    *below* it, at about [`START_FRACTION`] (80%) of it ([`start_min`]),
//!    so that it begins under what may flare things up, never at the first
//!    week's best.
//! 2. **Hold, then grow.** A target is held for at least a week. After a
//!    week in which it was *met* (active minutes >= target) and pain did
//!    *not rise* (see below), next week's target grows by one step:
//!    [`step_up`], about 10% of the target or 2 minutes per planned walk,
//!    whichever is *smaller* (gentler), and at least 1 minute. Otherwise it
//!    is held. The plan target never falls and never jumps.
//! 3. **Pain.** Only a meaningful rise holds the plan back (a one-point
//!    change on 0-10 is noise): pain "rose" in a week when the average
//!    `pain_after` of its walks is [`PAIN_RISE_WEEK`] (2) or more points
//!    above that of the most recent earlier week with pain data, or 1 or
//!    more points above it for the second such week running. No pain data
//!    (this week or before) counts as not rising.
//! 4. **Aim.** The target is capped at [`AIM_MIN`] = 150 minutes a week
//!    (30 minutes, 5 days a week): the walking programme of the WalkBack
//!    trial (Pocovi et al., Lancet 2024), where the walking group went a
//!    median 208 days before a recurrence of back pain versus 112 days.
//! 5. **Flare-ups.** In any week touched by a flare-up the target is lowered
//!    to a comfortable level, [`flare_target`]: half the plan target, but
//!    not below 5 minutes per planned walk (and never above the plan
//!    target). The plan target is frozen: it neither grows nor falls. In the
//!    first week after the flare-up the target eases back half-way between
//!    the flare level and the plan target; the week after, it is the plan
//!    target again. Streak-type pressure is suspended during a flare-up and
//!    its easing week ([`streaks_suspended`]).
//!
//! Per-walk minutes: the week's target is spread over the planned number of
//! walks (the baseline's walks per week, raised as needed so no walk needs
//! more than 30 minutes, at most 5), see [`PlanWeek::per_walk_min`].

use chrono::{Days, NaiveDate};

use super::record::WalkRecord;
use crate::domain::sort::sort_by;

/// The long-term aim, minutes of walking a week (30 minutes, 5 days).
pub const AIM_MIN: u32 = 150;
/// Walks a week at the aim.
pub const AIM_WALKS: u32 = 5;
/// Minutes per walk at the aim; per-walk targets never exceed it.
pub const AIM_PER_WALK_MIN: u32 = 30;
/// The lowest weekly target the plan sets.
pub const MIN_WEEKLY_MIN: u32 = 5;
/// In a flare-up the target is not lowered below this many minutes per
/// planned walk.
pub const FLARE_MIN_PER_WALK: u32 = 5;
/// Walks per week assumed for an entered baseline.
pub const ENTERED_WALKS_PER_WEEK: u32 = 3;
/// Days after a flare-up during which things ease back (and streaks stay
/// suspended).
pub const EASE_DAYS: u64 = 7;
/// The plan starts at this fraction of the baseline.
pub const START_FRACTION: f64 = 0.8;
/// A rise in a week's average pain after walks of this much holds the plan.
pub const PAIN_RISE_WEEK: f64 = 2.0;
/// A rise of this much holds the plan when it happens two weeks running.
pub const PAIN_RISE_TWICE: f64 = 1.0;

/// The plan's first weekly target for a baseline: about [`START_FRACTION`]
/// of it (rounded), within `MIN_WEEKLY_MIN..=AIM_MIN`.
pub fn start_min(baseline_weekly_min: u32) -> u32 {
    ((f64::from(baseline_weekly_min) * START_FRACTION).round() as u32)
        .clamp(MIN_WEEKLY_MIN, AIM_MIN)
}

/// Whether a week's pain "rose" (see the module docs): `rise` is its
/// average pain after walks minus the previous week with pain data,
/// `previous_rise` that week's own rise.
pub fn pain_rose(rise: Option<f64>, previous_rise: Option<f64>) -> bool {
    const EPS: f64 = 1e-9;
    rise.is_some_and(|r| {
        r >= PAIN_RISE_WEEK - EPS
            || (r >= PAIN_RISE_TWICE - EPS
                && previous_rise.is_some_and(|p| p >= PAIN_RISE_TWICE - EPS))
    })
}

/// Where the plan starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Baseline {
    /// Comfortable minutes of walking a week.
    pub weekly_min: u32,
    /// Walks a week (1..=5).
    pub walks_per_week: u32,
}

impl Baseline {
    /// A baseline entered by the walker, in minutes a week (Settings'
    /// `weekly_baseline_min`). Assumes [`ENTERED_WALKS_PER_WEEK`] walks.
    /// Clamped to `MIN_WEEKLY_MIN..=AIM_MIN`.
    pub fn entered(weekly_min: u32) -> Baseline {
        Baseline {
            weekly_min: weekly_min.clamp(MIN_WEEKLY_MIN, AIM_MIN),
            walks_per_week: ENTERED_WALKS_PER_WEEK,
        }
    }

    /// Comfortable minutes per walk.
    pub fn per_walk_min(&self) -> u32 {
        self.weekly_min.div_ceil(self.walks_per_week.max(1))
    }
}

/// Active minutes of a walk (0 for nonsense values).
fn active_min(w: &WalkRecord) -> f64 {
    if w.active_s.is_finite() && w.active_s > 0.0 {
        w.active_s / 60.0
    } else {
        0.0
    }
}

/// Walks worth counting: some active time.
fn counted(walks: &[WalkRecord]) -> impl Iterator<Item = &WalkRecord> {
    walks.iter().filter(|w| active_min(w) > 0.0)
}

/// The local day of the first walk, if any. Walks are compared by their
/// local start as seconds (UTC plus offset, the order of their local
/// times) and only the earliest one's date is worked out: a calendar date
/// per walk costs most of a plan over a long history.
fn first_day(walks: &[WalkRecord]) -> Option<NaiveDate> {
    counted(walks)
        .min_by_key(|w| w.started_at.timestamp() + i64::from(w.offset().local_minus_utc()))
        .map(WalkRecord::local_date)
}

/// What the walker managed in their first seven days (from the first
/// walk's local day): walks that week and their total active minutes
/// (= walks x average minutes), clamped to `MIN_WEEKLY_MIN..=AIM_MIN`.
/// `None` with no walks.
pub fn baseline_from_first_week(walks: &[WalkRecord]) -> Option<Baseline> {
    let first = first_day(walks)?;
    let end = after_days(first, 7);
    let week: Vec<f64> = counted(walks)
        .filter(|w| (first..end).contains(&w.local_date()))
        .map(active_min)
        .collect();
    let n = week.len() as u32;
    let total = week.iter().sum::<f64>().round() as u32;
    Some(Baseline {
        weekly_min: total.clamp(MIN_WEEKLY_MIN, AIM_MIN),
        walks_per_week: n.clamp(1, AIM_WALKS),
    })
}

/// A flare-up: a spell of worse pain, entered by the walker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FlareUp {
    /// First day (local).
    pub start: NaiveDate,
    /// How many days it lasts (0 is treated as 1).
    pub days: u32,
}

impl FlareUp {
    /// The day after the last day of the flare-up.
    pub fn end(&self) -> NaiveDate {
        self.start + Days::new(u64::from(self.days.max(1)))
    }

    /// True when `date` falls within the flare-up.
    pub fn contains(&self, date: NaiveDate) -> bool {
        (self.start..self.end()).contains(&date)
    }

    fn overlaps(&self, from: NaiveDate, to: NaiveDate) -> bool {
        self.start < to && from < self.end()
    }
}

/// True when streak-type pressure (day streaks, walks-this-week goals)
/// should be set aside on `date`: during a flare-up and for
/// [`EASE_DAYS`] after it ends.
pub fn streaks_suspended(flare_ups: &[FlareUp], date: NaiveDate) -> bool {
    flare_ups
        .iter()
        .any(|f| f.start <= date && date < f.end() + Days::new(EASE_DAYS))
}

/// Walks planned in a week with this target: the baseline's walks, more if
/// a walk would otherwise need over 30 minutes, at most 5.
pub fn walks_planned(target_min: u32, baseline_walks: u32) -> u32 {
    baseline_walks
        .max(target_min.div_ceil(AIM_PER_WALK_MIN))
        .clamp(1, AIM_WALKS)
}

/// One step up from `target_min`: the smaller of about 10% (rounded) and
/// 2 minutes per planned walk, at least 1 minute, never past [`AIM_MIN`].
pub fn step_up(target_min: u32, walks_per_week: u32) -> u32 {
    let tenth = (f64::from(target_min) * 0.1).round() as u32;
    let per_walk = 2 * walks_per_week.max(1);
    (target_min + tenth.min(per_walk).max(1)).min(AIM_MIN)
}

/// The comfortable flare-up target for a plan target: half of it, not below
/// [`FLARE_MIN_PER_WALK`] minutes per planned walk, never above the plan
/// target itself.
pub fn flare_target(plan_min: u32, walks_per_week: u32) -> u32 {
    (plan_min / 2)
        .max(FLARE_MIN_PER_WALK * walks_per_week.max(1))
        .min(plan_min)
}

/// One week of the plan.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanWeek {
    /// Monday of the week (local).
    pub week_start: NaiveDate,
    /// This week's target, minutes of walking (lowered in a flare-up).
    pub target_min: u32,
    /// The plan's own target this week, before any flare-up lowering.
    pub plan_target_min: u32,
    /// Walks planned this week.
    pub walks_planned: u32,
    /// Suggested minutes per walk (target spread over the planned walks,
    /// at most 30).
    pub per_walk_min: u32,
    /// Active minutes walked this week (rounded).
    pub done_min: u32,
    /// Walks this week.
    pub walks_done: u32,
    /// True when `done_min >= target_min`.
    pub met: bool,
    /// True when the average pain after walks rose meaningfully compared
    /// with the most recent earlier week with pain data (see [`pain_rose`]).
    pub pain_rose: bool,
    /// True when a flare-up touched this week.
    pub flare: bool,
    /// True in the week easing back after a flare-up.
    pub easing: bool,
}

/// The pacing plan up to the current week.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    /// Every week from the first walk's week to the current one, oldest
    /// first; the last one is `current`.
    pub weeks: Vec<PlanWeek>,
    /// The week containing `today`.
    pub current: PlanWeek,
    /// The long-term aim, minutes a week: [`AIM_MIN`].
    pub aim_min: u32,
    /// The baseline used.
    pub baseline: Baseline,
    /// The first weekly target: about 80% of the baseline ([`start_min`]).
    pub start_min: u32,
    /// False while the baseline is still being measured (no baseline was
    /// entered and the first seven days are not over yet).
    pub baseline_settled: bool,
}

/// `d` plus `n` days, or the last day chrono knows (no panic on stored data).
fn after_days(d: NaiveDate, n: u64) -> NaiveDate {
    d.checked_add_days(Days::new(n)).unwrap_or(NaiveDate::MAX)
}

/// Monday of the ISO week containing `d` (the one rule, in history).
pub use super::history::week_start;

/// Work out the plan. See the module docs for the rule.
///
/// - `walks`: all walks, any order.
/// - `baseline`: an entered baseline, or `None` to use the first week's.
///   With neither, 3 walks of 10 minutes.
/// - `flare_ups`: the walker's flare-ups.
/// - `today`: the walker's local date.
pub fn plan(
    walks: &[WalkRecord],
    baseline: Option<Baseline>,
    flare_ups: &[FlareUp],
    today: NaiveDate,
) -> Plan {
    let first = first_day(walks);
    let baseline_settled = baseline.is_some() || first.is_some_and(|f| today >= after_days(f, 7));
    let baseline = baseline
        .or_else(|| baseline_from_first_week(walks))
        .unwrap_or(Baseline {
            weekly_min: 30,
            walks_per_week: ENTERED_WALKS_PER_WEEK,
        });
    let baseline = Baseline {
        weekly_min: baseline.weekly_min.clamp(MIN_WEEKLY_MIN, AIM_MIN),
        walks_per_week: baseline.walks_per_week.clamp(1, AIM_WALKS),
    };

    let this_week = week_start(today);
    let mut ws = first.map_or(this_week, week_start).min(this_week);
    let first_target = start_min(baseline.weekly_min);
    let mut base = first_target;
    let mut prev_flare = false;
    let mut last_pain: Option<f64> = None;
    let mut last_rise: Option<f64> = None;
    let mut weeks = Vec::new();
    // Each week's walks, found once (not by a pass over every walk per week).
    let mut by_week: std::collections::BTreeMap<NaiveDate, Vec<&WalkRecord>> =
        std::collections::BTreeMap::new();
    for w in counted(walks) {
        by_week
            .entry(week_start(w.local_date()))
            .or_default()
            .push(w);
    }
    loop {
        let we = after_days(ws, 7);
        let flare = flare_ups.iter().any(|f| f.overlaps(ws, we));
        let easing = !flare && prev_flare;
        let walks_planned = walks_planned(base, baseline.walks_per_week);
        let low = flare_target(base, walks_planned);
        let target_min = if flare {
            low
        } else if easing {
            low + (base - low) / 2
        } else {
            base
        };

        let mine: &[&WalkRecord] = by_week.get(&ws).map_or(&[], Vec::as_slice);
        let done_min = mine.iter().map(|w| active_min(w)).sum::<f64>().round() as u32;
        let pains: Vec<f64> = mine
            .iter()
            .filter_map(|w| w.pain_after.map(f64::from))
            .collect();
        let avg_pain = (!pains.is_empty()).then(|| pains.iter().sum::<f64>() / pains.len() as f64);
        let rise = avg_pain.zip(last_pain).map(|(a, b)| a - b);
        let pain_rose = pain_rose(rise, last_rise);
        if avg_pain.is_some() {
            last_pain = avg_pain;
            last_rise = rise;
        }
        let met = done_min >= target_min;

        weeks.push(PlanWeek {
            week_start: ws,
            target_min,
            plan_target_min: base,
            walks_planned,
            per_walk_min: target_min.div_ceil(walks_planned).min(AIM_PER_WALK_MIN),
            done_min,
            walks_done: mine.len() as u32,
            met,
            pain_rose,
            flare,
            easing,
        });

        if ws >= this_week {
            break;
        }
        if met && !pain_rose && !flare && !easing {
            base = step_up(base, walks_planned);
        }
        prev_flare = flare;
        ws = we;
    }
    let current = weeks.last().cloned().expect("at least the current week");
    Plan {
        weeks,
        current,
        aim_min: AIM_MIN,
        baseline,
        start_min: first_target,
        baseline_settled,
    }
}

/// What an overdo check noticed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CautionKind {
    /// Much longer than the recent typical walk.
    LongerThanUsual,
    /// Pain after was 2 or more points above pain before.
    PainRose,
    /// Pain after was 7 or more.
    HighPain,
}

/// A kind word after a walk that may have overdone it.
#[derive(Debug, Clone, PartialEq)]
pub struct Caution {
    /// What was noticed.
    pub kind: CautionKind,
    /// The message to show, plain and warm.
    pub message: String,
    /// True when the UI should offer a link to the "When to get help
    /// urgently" page.
    pub suggest_urgent_help: bool,
}

/// How many recent walks make "typical".
pub const TYPICAL_WINDOW: usize = 10;
/// Walks needed before comparing with "typical".
pub const TYPICAL_MIN_WALKS: usize = 3;
/// A walk more than this many times the typical is "much longer".
pub const LONGER_FACTOR: f64 = 1.5;
/// A rise in pain (after minus before) of this much or more is noted.
pub const PAIN_RISE: u8 = 2;
/// Pain after of this much or more suggests the urgent-help page.
pub const HIGH_PAIN: u8 = 7;

/// Median active minutes of the (up to) [`TYPICAL_WINDOW`] walks in
/// `recent` that started before `walk` (the walk itself is skipped), or
/// `None` with fewer than [`TYPICAL_MIN_WALKS`].
pub fn typical_min(walk: &WalkRecord, recent: &[WalkRecord]) -> Option<f64> {
    let mut before: Vec<&WalkRecord> = counted(recent)
        .filter(|w| w.id != walk.id && w.started_at < walk.started_at)
        .collect();
    sort_by(&mut before, |a, b| {
        b.started_at.cmp(&a.started_at).then(b.id.cmp(&a.id))
    });
    before.truncate(TYPICAL_WINDOW);
    if before.len() < TYPICAL_MIN_WALKS {
        return None;
    }
    let mins: Vec<f64> = before.iter().map(|w| active_min(w)).collect();
    super::loops::median(&mins)
}

/// Check a finished walk against recent ones (any order; later walks and
/// the walk itself are ignored). Returns nothing when all is well, or kind
/// cautions suggesting holding the current level:
///
/// - longer than 1.5x the typical walk (median active minutes of the last
///   10 walks, needing at least 3);
/// - pain after at least 2 points above pain before;
/// - pain after of 7 or more: also suggests the "When to get help urgently"
///   page.
pub fn overdo_check(walk: &WalkRecord, recent: &[WalkRecord]) -> Vec<Caution> {
    let mut out = Vec::new();
    let mins = active_min(walk);
    if let Some(typ) = typical_min(walk, recent) {
        if typ > 0.0 && mins > LONGER_FACTOR * typ {
            out.push(Caution {
                kind: CautionKind::LongerThanUsual,
                message: format!(
                    "That was about {} minutes, quite a bit more than your usual {}. \
                     Well done! It's wise to hold at this level for a few days and see \
                     how your back feels before adding more.",
                    mins.round() as u32,
                    typ.round() as u32
                ),
                suggest_urgent_help: false,
            });
        }
    }
    if let (Some(before), Some(after)) = (walk.pain_before, walk.pain_after) {
        if after >= before.saturating_add(PAIN_RISE) {
            out.push(Caution {
                kind: CautionKind::PainRose,
                message: format!(
                    "Your pain went from {before} to {after} on this walk. That can happen \
                     and it's not a setback, just a sign to hold at your current level, \
                     or go a little shorter, until it settles."
                ),
                suggest_urgent_help: false,
            });
        }
    }
    if let Some(after) = walk.pain_after {
        if after >= HIGH_PAIN {
            out.push(Caution {
                kind: CautionKind::HighPain,
                message: format!(
                    "Pain of {after} out of 10 is a lot. Be kind to yourself: rest, and \
                     don't add more for now. Please have a look at \"When to get help \
                     urgently\" so you know which signs need a doctor straight away."
                ),
                suggest_urgent_help: true,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{DateTime, Duration, Utc};

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    /// Monday 2026-03-02 is day 0.
    const MON: &str = "2026-03-02";

    fn walk_at(id: &str, at: DateTime<Utc>, offset_min: i32, mins: f64) -> WalkRecord {
        WalkRecord::test_walk(id, at, offset_min, mins)
    }

    /// A walk on day `n` (from Monday 2026-03-02), 10:00 UTC.
    fn day(id: &str, n: i64, mins: f64) -> WalkRecord {
        let start: DateTime<Utc> = "2026-03-02T10:00:00Z".parse().unwrap();
        walk_at(id, start + Duration::days(n), 0, mins)
    }

    fn pained(mut w: WalkRecord, before: Option<u8>, after: Option<u8>) -> WalkRecord {
        w.pain_before = before;
        w.pain_after = after;
        w
    }

    fn date(n: i64) -> NaiveDate {
        d(MON) + Duration::days(n)
    }

    /// Three walks in week `wk` (Mon, Wed, Fri) of `mins` each, pain after.
    fn week(wk: i64, mins: f64, pain: Option<u8>) -> Vec<WalkRecord> {
        [0, 2, 4]
            .iter()
            .map(|&dd| {
                pained(
                    day(&format!("w{wk}-{dd}"), wk * 7 + dd, mins),
                    pain.map(|p| p + 1),
                    pain,
                )
            })
            .collect()
    }

    fn targets(p: &Plan) -> Vec<u32> {
        p.weeks.iter().map(|w| w.target_min).collect()
    }

    #[test]
    fn baseline_from_the_first_seven_days() {
        assert_eq!(baseline_from_first_week(&[]), None);
        let walks = [
            day("a", 2, 10.0),
            day("b", 4, 12.0),
            day("c", 8, 8.0),  // day 6 after the first walk: still week one
            day("d", 9, 40.0), // day 7: too late
        ];
        let b = baseline_from_first_week(&walks).unwrap();
        assert_eq!(
            b,
            Baseline {
                weekly_min: 30,
                walks_per_week: 3
            }
        );
        assert_eq!(b.per_walk_min(), 10);
        // Tiny first week: the plan still starts somewhere.
        let b = baseline_from_first_week(&[day("a", 0, 1.0)]).unwrap();
        assert_eq!(b.weekly_min, MIN_WEEKLY_MIN);
        assert_eq!(b.walks_per_week, 1);
    }

    #[test]
    fn the_plan_starts_at_about_80_percent_never_the_first_weeks_best() {
        assert_eq!(start_min(30), 24);
        assert_eq!(start_min(45), 36);
        assert_eq!(start_min(150), 120);
        assert_eq!(start_min(5), MIN_WEEKLY_MIN);
        // A keen first week of 3 x 20 minutes: the plan starts at 48, not 60.
        let walks = week(0, 20.0, None);
        let p = plan(&walks, None, &[], date(8));
        assert_eq!(p.baseline.weekly_min, 60);
        assert_eq!(p.weeks[0].target_min, 48);
        assert!(p
            .weeks
            .iter()
            .all(|w| w.plan_target_min < 60 || w.week_start > date(0)));
    }

    #[test]
    fn entered_baseline_is_clamped() {
        assert_eq!(Baseline::entered(0).weekly_min, MIN_WEEKLY_MIN);
        assert_eq!(Baseline::entered(400).weekly_min, AIM_MIN);
        assert_eq!(Baseline::entered(45).walks_per_week, 3);
        assert_eq!(Baseline::entered(45).per_walk_min(), 15);
    }

    #[test]
    fn step_is_the_gentler_of_ten_percent_and_two_minutes_a_walk() {
        assert_eq!(step_up(30, 3), 33); // 10% = 3 < 6
        assert_eq!(step_up(100, 5), 110); // 10 = 10
        assert_eq!(step_up(100, 3), 106); // 2 min x 3 walks = 6 < 10
        assert_eq!(step_up(8, 3), 9); // at least a minute
        assert_eq!(step_up(145, 5), 150);
        assert_eq!(step_up(149, 5), 150);
        assert_eq!(step_up(150, 5), 150);
    }

    #[test]
    fn flare_target_is_half_but_not_below_five_minutes_a_walk() {
        assert_eq!(flare_target(30, 3), 15);
        assert_eq!(flare_target(150, 5), 75);
        assert_eq!(flare_target(20, 3), 15);
        assert_eq!(flare_target(12, 3), 12); // never above the plan
    }

    #[test]
    fn walks_and_minutes_per_walk() {
        assert_eq!(walks_planned(30, 3), 3);
        assert_eq!(walks_planned(100, 3), 4);
        assert_eq!(walks_planned(150, 1), 5);
        assert_eq!(walks_planned(20, 9), 5);
        let walks = week(0, 10.0, None);
        // 100 minutes entered: the plan starts at 80, 3 walks of 27.
        let p = plan(&walks, Some(Baseline::entered(100)), &[], date(3));
        assert_eq!(p.start_min, 80);
        assert_eq!(p.current.walks_planned, 3);
        assert_eq!(p.current.per_walk_min, 27);
        // 150 entered: starts at 120, 4 walks of 30.
        let p = plan(&walks, Some(Baseline::entered(150)), &[], date(3));
        assert_eq!(p.current.walks_planned, 4);
        assert_eq!(p.current.per_walk_min, 30);
    }

    #[test]
    fn progression_week_by_week() {
        let mut walks = Vec::new();
        // 30 minutes entered: the plan starts at 24.
        walks.extend(week(0, 10.0, Some(3))); // 30 of 24: met
        walks.extend(week(1, 7.0, Some(3))); // 21 of 26: not met, hold
        walks.extend(week(2, 12.0, Some(5))); // 36 of 26 met, but pain up 2: hold
        walks.extend(week(3, 12.0, Some(4))); // met, pain down: grow
        walks.extend(week(4, 12.0, None)); // 36 of 29 met, no pain data: grow
        walks.extend(week(5, 11.0, Some(4))); // 33 of 32 met, pain same: grow
        let p = plan(&walks, Some(Baseline::entered(30)), &[], date(7 * 6 + 2));
        assert_eq!(p.start_min, 24);
        assert_eq!(targets(&p), [24, 26, 26, 26, 29, 32, 35]);
        let met: Vec<bool> = p.weeks.iter().map(|w| w.met).collect();
        assert_eq!(met, [true, false, true, true, true, true, false]);
        let rose: Vec<bool> = p.weeks.iter().map(|w| w.pain_rose).collect();
        assert_eq!(rose, [false, false, true, false, false, false, false]);
        assert_eq!(p.weeks[0].done_min, 30);
        assert_eq!(p.weeks[0].walks_done, 3);
        assert_eq!(p.baseline.weekly_min, 30);
        assert_eq!(p.current, *p.weeks.last().unwrap());
        assert_eq!(p.current.week_start, date(42));
        assert_eq!(p.current.done_min, 0);
        assert_eq!(p.aim_min, 150);
        assert!(p.baseline_settled);
    }

    #[test]
    fn pain_compares_with_the_last_week_that_had_pain_data() {
        let mut walks = Vec::new();
        walks.extend(week(0, 10.0, Some(3)));
        walks.extend(week(1, 11.0, None));
        walks.extend(week(2, 12.0, Some(5))); // 2 above week 0's 3: rose
        let p = plan(&walks, Some(Baseline::entered(30)), &[], date(7 * 3));
        assert!(p.weeks[2].pain_rose);
        assert_eq!(targets(&p), [24, 26, 29, 29]);
    }

    #[test]
    fn a_one_point_rise_is_noise_unless_it_comes_two_weeks_running() {
        assert!(!pain_rose(Some(1.0), None));
        assert!(!pain_rose(Some(1.9), Some(0.5)));
        assert!(pain_rose(Some(2.0), None));
        assert!(pain_rose(Some(1.0), Some(1.0)));
        assert!(!pain_rose(Some(0.3), Some(3.0)));
        assert!(!pain_rose(None, Some(3.0)));
        let mut walks = Vec::new();
        walks.extend(week(0, 10.0, Some(3)));
        walks.extend(week(1, 10.0, Some(4))); // +1: noise, the plan grows
        walks.extend(week(2, 10.0, Some(5))); // +1 again: hold
        walks.extend(week(3, 10.0, Some(5))); // same: grow
        let p = plan(&walks, Some(Baseline::entered(30)), &[], date(7 * 4));
        let rose: Vec<bool> = p.weeks.iter().map(|w| w.pain_rose).collect();
        assert_eq!(rose, [false, false, true, false, false]);
        assert_eq!(targets(&p), [24, 26, 29, 29, 32]);
    }

    #[test]
    fn a_week_off_holds_the_target() {
        let mut walks = week(0, 10.0, None);
        walks.extend(week(2, 12.0, None));
        let p = plan(&walks, Some(Baseline::entered(30)), &[], date(7 * 3));
        assert_eq!(targets(&p), [24, 26, 26, 29]);
        assert_eq!(p.weeks[1].walks_done, 0);
    }

    #[test]
    fn flare_up_in_the_middle() {
        let mut walks = Vec::new();
        walks.extend(week(0, 14.0, Some(3))); // 42 of 32: met
        walks.extend(week(1, 10.0, Some(7))); // flare week
        walks.extend(week(2, 12.0, Some(4))); // easing week
        walks.extend(week(3, 15.0, Some(3))); // back on plan, met
        walks.extend(week(4, 16.0, Some(3)));
        let flares = [FlareUp {
            start: date(9), // Wednesday of week 1
            days: 3,
        }];
        let p = plan(&walks, Some(Baseline::entered(40)), &flares, date(7 * 5));
        assert_eq!(targets(&p), [32, 17, 26, 35, 39, 43]);
        let w = &p.weeks;
        assert!(w[1].flare && !w[1].easing);
        assert!(!w[2].flare && w[2].easing);
        assert!(!w[3].flare && !w[3].easing);
        // The plan's own target is frozen through the flare and easing.
        let plan_t: Vec<u32> = w.iter().map(|x| x.plan_target_min).collect();
        assert_eq!(plan_t, [32, 35, 35, 35, 39, 43]);
        // Per-walk never below 5 minutes in a flare.
        assert!(w[1].per_walk_min >= FLARE_MIN_PER_WALK);
    }

    #[test]
    fn long_flare_over_two_weeks() {
        let mut walks = Vec::new();
        for wk in 0..5 {
            walks.extend(week(wk, 12.0, None));
        }
        let flares = [FlareUp {
            start: date(12), // Saturday of week 1 to Sunday of week 2
            days: 9,
        }];
        let p = plan(&walks, Some(Baseline::entered(30)), &flares, date(7 * 4));
        let flags: Vec<(bool, bool)> = p.weeks.iter().map(|w| (w.flare, w.easing)).collect();
        assert_eq!(
            flags,
            [
                (false, false),
                (true, false),
                (true, false),
                (false, true),
                (false, false)
            ]
        );
        assert_eq!(targets(&p), [24, 15, 15, 20, 26]);
    }

    #[test]
    fn baseline_from_history_and_a_sunday_start() {
        // First walk on a Sunday: week 0 is that Sunday alone, so it is not
        // met against the start (80% of the first week's 40 minutes), and
        // the plan holds.
        let walks = [
            day("su", 6, 10.0),
            day("tu", 8, 10.0),
            day("th", 10, 10.0),
            day("sa", 12, 10.0),
        ];
        let p = plan(&walks, None, &[], date(13));
        assert_eq!(p.baseline.weekly_min, 40);
        assert_eq!(p.baseline.walks_per_week, 4);
        assert!(p.baseline_settled);
        assert_eq!(p.start_min, 32);
        assert_eq!(targets(&p), [32, 32]);
        assert!(!p.weeks[0].met);
        // Half way through the first seven days the baseline isn't settled.
        let p = plan(&walks[..2], None, &[], date(9));
        assert!(!p.baseline_settled);
    }

    #[test]
    fn no_walks_yet() {
        let p = plan(&[], None, &[], d("2026-03-05"));
        assert_eq!(p.weeks.len(), 1);
        assert_eq!(p.current.week_start, d("2026-03-02"));
        assert_eq!(p.current.target_min, 24);
        assert_eq!(p.current.per_walk_min, 8);
        assert!(!p.baseline_settled);
        let p = plan(&[], Some(Baseline::entered(20)), &[], d("2026-03-05"));
        assert_eq!(p.current.target_min, 16);
        assert!(p.baseline_settled);
        // A walk dated in the future (clock trouble) doesn't break the plan.
        let p = plan(&[day("x", 30, 10.0)], None, &[], d("2026-03-05"));
        assert_eq!(p.weeks.len(), 1);
    }

    #[test]
    fn weeks_follow_the_walkers_local_calendar() {
        // Sunday 21:30 in New York (UTC-4/-5) is Monday in UTC.
        let sun_ny: DateTime<Utc> = "2026-03-09T01:30:00Z".parse().unwrap();
        let walks = [
            day("mon", 0, 10.0),
            walk_at("sun", sun_ny, -300, 25.0), // Sunday 8 March local
        ];
        let p = plan(&walks, Some(Baseline::entered(30)), &[], date(8));
        assert_eq!(p.weeks[0].done_min, 35);
        assert_eq!(p.weeks[1].done_min, 0);
        // Read as UTC it would fall into the next week.
        let mut utc = walks.clone();
        utc[1].utc_offset_min = 0;
        let p = plan(&utc, Some(Baseline::entered(30)), &[], date(8));
        assert_eq!(p.weeks[0].done_min, 10);
    }

    #[test]
    fn streaks_are_suspended_during_and_just_after_a_flare() {
        let f = [FlareUp {
            start: d("2026-03-10"),
            days: 3,
        }];
        assert!(!streaks_suspended(&f, d("2026-03-09")));
        assert!(streaks_suspended(&f, d("2026-03-10")));
        assert!(streaks_suspended(&f, d("2026-03-12")));
        assert!(streaks_suspended(&f, d("2026-03-19")));
        assert!(!streaks_suspended(&f, d("2026-03-20")));
        assert!(!streaks_suspended(&[], d("2026-03-10")));
        let zero = FlareUp {
            start: d("2026-03-10"),
            days: 0,
        };
        assert!(zero.contains(d("2026-03-10")));
        assert!(!zero.contains(d("2026-03-11")));
    }

    /// Tiny deterministic generator for simulated histories.
    struct Lcg(u64);
    impl Lcg {
        fn next(&mut self) -> u64 {
            self.0 = self
                .0
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            self.0 >> 33
        }
        fn below(&mut self, n: u64) -> u64 {
            self.next() % n
        }
    }

    #[test]
    fn a_simulated_year_never_jumps_never_exceeds_the_aim() {
        for seed in 0..40u64 {
            let mut rng = Lcg(seed);
            let mut walks = Vec::new();
            let mut flares = Vec::new();
            let mut keen = 10.0 + rng.below(10) as f64;
            for dd in 0..365i64 {
                if rng.below(100) < 2 {
                    flares.push(FlareUp {
                        start: date(dd),
                        days: 1 + rng.below(14) as u32,
                    });
                }
                if rng.below(7) < 4 {
                    keen = (keen + rng.below(3) as f64 - 0.8).clamp(3.0, 45.0);
                    let pain = rng.below(11) as u8;
                    let w = day(&format!("s{seed}-{dd}"), dd, keen);
                    let w = if rng.below(3) == 0 {
                        w
                    } else {
                        pained(w, Some(pain), Some(pain))
                    };
                    walks.push(w);
                }
            }
            let baseline = (seed % 2 == 0).then(|| Baseline::entered(20 + seed as u32));
            let p = plan(&walks, baseline, &flares, date(364));
            assert!(p.weeks.len() >= 52, "seed {seed}");
            let mut grew = false;
            for pair in p.weeks.windows(2) {
                let (a, b) = (&pair[0], &pair[1]);
                assert!(b.target_min <= AIM_MIN && b.plan_target_min <= AIM_MIN);
                // The plan's own target is monotone and moves one step at most.
                assert!(b.plan_target_min >= a.plan_target_min, "seed {seed}");
                assert!(
                    b.plan_target_min <= step_up(a.plan_target_min, a.walks_planned),
                    "seed {seed}"
                );
                if b.plan_target_min > a.plan_target_min {
                    grew = true;
                    // Growth only after a plain week that was met without more pain.
                    assert!(a.met && !a.pain_rose && !a.flare && !a.easing);
                }
                // Outside flare-ups the target is the plan target...
                if !b.flare && !b.easing {
                    assert_eq!(b.target_min, b.plan_target_min);
                } else {
                    // ...and in them it is lower, never below 5 min a walk
                    // (unless the plan itself is lower).
                    assert!(b.target_min <= b.plan_target_min);
                    assert!(
                        b.target_min
                            >= (FLARE_MIN_PER_WALK * b.walks_planned).min(b.plan_target_min)
                    );
                }
                // Easing sits between the flare level and the plan.
                if b.easing {
                    assert!(a.flare);
                    assert!(b.target_min >= flare_target(b.plan_target_min, b.walks_planned));
                }
                // Coming out of a flare never jumps straight back.
                if a.flare && !b.flare {
                    assert!(b.easing);
                }
                assert!(b.per_walk_min <= AIM_PER_WALK_MIN);
            }
            assert!(grew, "seed {seed}: the plan never grew");
        }
    }

    #[test]
    fn a_steady_walker_reaches_the_aim_and_stays() {
        // Always doing a little more than asked, pain steady.
        let mut walks = Vec::new();
        let mut target = 30u32;
        let mut p = plan(&walks, Some(Baseline::entered(30)), &[], date(0));
        for wk in 0..40i64 {
            let per = f64::from(target) / 5.0 + 0.5;
            for dd in 0..5 {
                walks.push(pained(
                    day(&format!("w{wk}-{dd}"), wk * 7 + dd, per),
                    Some(2),
                    Some(2),
                ));
            }
            p = plan(&walks, Some(Baseline::entered(30)), &[], date(wk * 7 + 7));
            target = p.current.target_min;
        }
        assert_eq!(p.current.target_min, AIM_MIN);
        assert_eq!(p.current.per_walk_min, 30);
        assert_eq!(p.current.walks_planned, 5);
        // 30 -> 150 takes a good few months of gentle steps.
        let reached = p
            .weeks
            .iter()
            .position(|w| w.target_min == AIM_MIN)
            .unwrap();
        assert!(reached > 12, "{reached}");
    }

    fn history(mins: &[f64]) -> Vec<WalkRecord> {
        mins.iter()
            .enumerate()
            .map(|(i, &m)| day(&format!("h{i:02}"), i as i64, m))
            .collect()
    }

    #[test]
    fn overdo_longer_than_usual() {
        let recent = history(&[10.0, 12.0, 11.0]);
        let w = day("new", 10, 17.0);
        let c = overdo_check(&w, &recent);
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].kind, CautionKind::LongerThanUsual);
        assert!(c[0].message.contains("17 minutes"));
        assert!(c[0].message.contains("usual 11"));
        assert!(!c[0].suggest_urgent_help);
        // Exactly 1.5x is fine.
        assert!(overdo_check(&day("new", 10, 16.5), &recent).is_empty());
        // Too little history to judge.
        assert!(overdo_check(&w, &recent[..2]).is_empty());
    }

    #[test]
    fn overdo_uses_only_the_last_ten_earlier_walks() {
        // Long walks long ago, then ten short ones.
        let mut mins = vec![60.0; 5];
        mins.extend([10.0; 10]);
        let recent = history(&mins);
        assert_eq!(typical_min(&day("new", 30, 1.0), &recent), Some(10.0));
        assert_eq!(overdo_check(&day("new", 30, 20.0), &recent).len(), 1);
        // Later walks and the walk itself are ignored.
        let mut with_later = history(&[10.0, 10.0, 10.0]);
        with_later.push(day("later", 50, 100.0));
        let w = day("new", 20, 12.0);
        with_later.push(w.clone());
        assert_eq!(typical_min(&w, &with_later), Some(10.0));
        assert!(overdo_check(&w, &with_later).is_empty());
    }

    #[test]
    fn overdo_pain_rise_and_high_pain() {
        let recent = history(&[10.0, 10.0, 10.0]);
        let w = |b, a| pained(day("new", 10, 10.0), b, a);
        assert!(overdo_check(&w(Some(3), Some(4)), &recent).is_empty());
        let c = overdo_check(&w(Some(3), Some(5)), &recent);
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].kind, CautionKind::PainRose);
        assert!(c[0].message.contains("from 3 to 5"));
        assert!(overdo_check(&w(None, Some(5)), &recent).is_empty());
        assert!(overdo_check(&w(Some(6), Some(2)), &recent).is_empty());

        let c = overdo_check(&w(Some(4), Some(8)), &recent);
        let kinds: Vec<_> = c.iter().map(|x| x.kind).collect();
        assert_eq!(kinds, [CautionKind::PainRose, CautionKind::HighPain]);
        assert!(c[1].suggest_urgent_help);
        assert!(c[1].message.contains("When to get help urgently"));
        // High pain without a before score still points to help.
        let c = overdo_check(&w(None, Some(7)), &[]);
        assert_eq!(c.len(), 1);
        assert!(c[0].suggest_urgent_help);
        assert!(overdo_check(&w(Some(6), Some(6)), &[]).is_empty());
        // Never shaming.
        for x in overdo_check(&pained(day("n", 10, 30.0), Some(2), Some(9)), &recent) {
            let m = x.message.to_lowercase();
            for word in ["should have", "fail", "too much", "mistake", "bad"] {
                assert!(!m.contains(word), "{m}");
            }
        }
    }
}
