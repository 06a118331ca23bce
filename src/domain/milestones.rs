//! Milestones: small, warm markers of progress, derived entirely from the
//! history (walks, loops and the walker's own calendar).
//!
//! Nothing about milestones is stored. [`compute`] replays the walks in time
//! order (start instant, then id) and gives each milestone to the *first*
//! walk that satisfies it. Edits, deletes and imports therefore stay
//! consistent: delete the walk that earned a milestone and it moves to the
//! next walk that does, or goes away.
//!
//! Days and weeks are the walker's local calendar at the time of each walk
//! ([`WalkRecord::local_date`]), so time zones and DST changes never break a
//! streak or move a walk into the wrong week. Weeks are ISO weeks (Monday to
//! Sunday).
//!
//! Milestones only ever celebrate. None is lost by resting, and the
//! "next up" list never includes things that should not be chased (coming
//! back after a break) nor a goal above this week's plan ([`next_shown`]).
//!
//! Two series were retired on [`RETIRED_ON`]: day streaks (walking Monday to
//! Friday must never be told it "broke" anything) and "felt better" (a
//! one-point change on 0-10 is noise, and rewarding it invites
//! under-reporting). A badge a walker already earned is never taken away:
//! walks before that day still earn them, and they are listed apart
//! ([`MilestoneReport::earlier`]), never celebrated anew and never chased.
//! Steady weeks and noting how your back felt replace them.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, Days, NaiveDate};

use super::care::plan_for;
use super::history::week_start;
use super::loops;
use super::pacing::Plan;
use super::record::{LoopRecord, WalkId, WalkRecord};
use super::settings::Settings;
use super::store::Store;
use crate::domain::sort::sort_by;
use crate::domain::text::thousands;

/// A family of milestones with increasing tiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Series {
    /// Number of walks: first walk, then 10, 25, 50, 100.
    Walks,
    /// Longest walk without a rest: 5, 10, 20, 30 minutes.
    Continuous,
    /// Whole loops walked: 1, 5, 25.
    Loops,
    /// A whole loop with no rest.
    NonStopLoop,
    /// Walks in one ISO week: 3, then 5.
    WeekWalks,
    /// A week with 5 walks of 30 minutes or more (the WalkBack programme).
    WalkBackWeek,
    /// Steady weeks in a row: a week with walks on at least 3 days, or the
    /// plan's target met; rest days never break a run. 1, 4, 12.
    SteadyWeeks,
    /// Lifetime steps: 1,000, 10,000, 100,000, 1,000,000.
    Steps,
    /// Walks with a note of how your back or legs felt: 5, 10, 25.
    Noted,
    /// A walk after a break of 7 days or more (earned once).
    BackAtIt,
    /// Retired: consecutive local days with a walk (3, 7, 30).
    Streak,
    /// Retired: walks with less pain after than before (1, 3, 10).
    FeltBetter,
}

impl Series {
    /// Every series, in display order (also the order used to break ties).
    pub const ALL: [Series; 12] = [
        Series::Walks,
        Series::Continuous,
        Series::Loops,
        Series::NonStopLoop,
        Series::WeekWalks,
        Series::WalkBackWeek,
        Series::SteadyWeeks,
        Series::Steps,
        Series::Noted,
        Series::BackAtIt,
        Series::Streak,
        Series::FeltBetter,
    ];

    /// Stable id of the series, e.g. `"streak"`.
    pub fn id(self) -> &'static str {
        match self {
            Series::Walks => "walks",
            Series::Continuous => "continuous",
            Series::Loops => "loops",
            Series::NonStopLoop => "loop-non-stop",
            Series::WeekWalks => "week",
            Series::WalkBackWeek => "walkback-week",
            Series::SteadyWeeks => "steady",
            Series::Steps => "steps",
            Series::Noted => "noted",
            Series::BackAtIt => "back-at-it",
            Series::Streak => "streak",
            Series::FeltBetter => "felt-better",
        }
    }

    /// Short heading for the series, e.g. "Days in a row".
    pub fn name(self) -> &'static str {
        match self {
            Series::Walks => "Walks",
            Series::Continuous => "Walking without stopping",
            Series::Loops => "Whole loops",
            Series::NonStopLoop => "Loop without stopping",
            Series::WeekWalks => "Walks in a week",
            Series::WalkBackWeek => "A WalkBack week",
            Series::SteadyWeeks => "Steady weeks",
            Series::Steps => "Steps",
            Series::Noted => "Noting how you feel",
            Series::BackAtIt => "Coming back",
            Series::Streak => "Days in a row",
            Series::FeltBetter => "Feeling better",
        }
    }

    /// True for series tied to the calendar (weeks). Their "next up" is
    /// hidden during a flare-up (see
    /// [`streaks_suspended`](super::pacing::streaks_suspended)) so nobody
    /// feels pushed to walk through it.
    pub fn time_pressured(self) -> bool {
        matches!(
            self,
            Series::Streak | Series::WeekWalks | Series::WalkBackWeek | Series::SteadyWeeks
        )
    }

    /// True for the series retired on [`RETIRED_ON`]: only walks before that
    /// day earn them, they are listed apart ([`MilestoneReport::earlier`])
    /// and never chased.
    pub fn retired(self) -> bool {
        matches!(self, Series::Streak | Series::FeltBetter)
    }

    /// False for series that must never be offered as a goal ("take a
    /// week off") and for retired ones: they never appear in
    /// [`MilestoneReport::next`].
    pub fn chaseable(self) -> bool {
        !(self.retired() || self == Series::BackAtIt)
    }

    fn tiers(self) -> &'static [Tier] {
        match self {
            Series::Walks => WALKS,
            Series::Continuous => CONTINUOUS,
            Series::Loops => LOOPS,
            Series::NonStopLoop => NON_STOP_LOOP,
            Series::WeekWalks => WEEK_WALKS,
            Series::WalkBackWeek => WALKBACK_WEEK,
            Series::SteadyWeeks => STEADY_WEEKS,
            Series::Steps => STEPS,
            Series::Noted => NOTED,
            Series::BackAtIt => BACK_AT_IT,
            Series::Streak => STREAK,
            Series::FeltBetter => FELT_BETTER,
        }
    }
}

/// One tier of a series.
struct Tier {
    id: &'static str,
    title: &'static str,
    why: &'static str,
    /// The series' measure must reach this.
    at: f64,
}

const fn t(id: &'static str, title: &'static str, why: &'static str, at: f64) -> Tier {
    Tier { id, title, why, at }
}

const WALKS: &[Tier] = &[
    t(
        "first-walk",
        "First walk",
        "The first step is often the hardest, and you've taken it.",
        1.0,
    ),
    t(
        "walks-10",
        "Ten walks",
        "Ten times out of the door: that's how a habit begins.",
        10.0,
    ),
    t(
        "walks-25",
        "25 walks",
        "Walking is becoming part of your life. Backs love regular, gentle movement.",
        25.0,
    ),
    t(
        "walks-50",
        "50 walks",
        "Fifty walks of patient, steady work. It all adds up.",
        50.0,
    ),
    t(
        "walks-100",
        "100 walks",
        "A hundred walks. Look how far you've come.",
        100.0,
    ),
];

const CONTINUOUS: &[Tier] = &[
    t(
        "minutes-5",
        "5 minutes without stopping",
        "Five minutes on your feet without a rest: a solid base to build on.",
        300.0,
    ),
    t(
        "minutes-10",
        "10 minutes without stopping",
        "Ten minutes in one go. Your back and legs are getting used to walking again.",
        600.0,
    ),
    t(
        "minutes-20",
        "20 minutes without stopping",
        "Twenty minutes at a stretch opens up a lot of everyday trips.",
        1200.0,
    ),
    t(
        "minutes-30",
        "30 minutes without stopping",
        "Half an hour in one go: the length of walk used in back-pain recovery programmes.",
        1800.0,
    ),
];

const LOOPS: &[Tier] = &[
    t(
        "loop-1",
        "First whole loop",
        "All the way round! Finishing the whole route is a confidence boost worth keeping.",
        1.0,
    ),
    t(
        "loops-5",
        "5 whole loops",
        "Five times round your loop: it's becoming familiar ground.",
        5.0,
    ),
    t(
        "loops-25",
        "25 whole loops",
        "Twenty-five times round. This loop is truly yours now.",
        25.0,
    ),
];

const NON_STOP_LOOP: &[Tier] = &[t(
    "loop-non-stop",
    "Whole loop without stopping",
    "All the way round without a rest: real progress in stamina and in confidence.",
    1.0,
)];

const WEEK_WALKS: &[Tier] = &[
    t(
        "week-3",
        "3 walks in a week",
        "Three walks in one week: a steady rhythm of gentle movement.",
        3.0,
    ),
    t(
        "week-5",
        "5 walks in a week",
        "Five walks in one week: moving gently on most days.",
        5.0,
    ),
];

const WALKBACK_WEEK: &[Tier] = &[t(
    "walkback-week",
    "Five 30-minute walks in a week",
    "Five half-hour walks in one week: the aim of the WalkBack trial's walking programme, which helped people stay free of back pain for longer.",
    5.0,
)];

const STEADY_WEEKS: &[Tier] = &[
    t(
        "steady-1",
        "A steady week",
        "Walks on three days, or your plan's target met. Rest days are part of the plan.",
        1.0,
    ),
    t(
        "steady-4",
        "4 steady weeks in a row",
        "A month of steady weeks. Slow and regular is how walking helps.",
        4.0,
    ),
    t(
        "steady-12",
        "12 steady weeks in a row",
        "Three months of steady weeks: walking is part of your life now.",
        12.0,
    ),
];

const NOTED: &[Tier] = &[
    t(
        "noted-5",
        "Noted how your back felt on 5 walks",
        "Your notes help your physio or doctor see how walking suits you.",
        5.0,
    ),
    t(
        "noted-10",
        "Noted how your back felt on 10 walks",
        "Ten walks with a note of how you felt: a useful record for your summary.",
        10.0,
    ),
    t(
        "noted-25",
        "Noted how your back felt on 25 walks",
        "A real record of how walking suits you, whatever the numbers say.",
        25.0,
    ),
];

const STREAK: &[Tier] = &[
    t(
        "streak-3",
        "3 days in a row",
        "Three days running: you're building a rhythm.",
        3.0,
    ),
    t(
        "streak-7",
        "7 days in a row",
        "A whole week of daily walks. Gentle and regular does it.",
        7.0,
    ),
    t(
        "streak-30",
        "30 days in a row",
        "A month of daily walks. That is a real habit now.",
        30.0,
    ),
];

const STEPS: &[Tier] = &[
    t(
        "steps-1k",
        "1,000 steps",
        "Your first thousand steps. Every one of them counts.",
        1_000.0,
    ),
    t(
        "steps-10k",
        "10,000 steps",
        "Ten thousand steps, one walk at a time.",
        10_000.0,
    ),
    t(
        "steps-100k",
        "100,000 steps",
        "A hundred thousand steps. Small walks make long journeys.",
        100_000.0,
    ),
    t(
        "steps-1m",
        "A million steps",
        "A million steps. Truly remarkable.",
        1_000_000.0,
    ),
];

const FELT_BETTER: &[Tier] = &[
    t(
        "felt-better-1",
        "Felt better after a walk",
        "Your pain was lower after walking. Worth remembering on harder days.",
        1.0,
    ),
    t(
        "felt-better-3",
        "Three walks with less pain after",
        "Three times now, walking has left you feeling better. Movement is helping.",
        3.0,
    ),
    t(
        "felt-better-10",
        "Ten walks with less pain after",
        "Ten walks that eased your pain. Your body is telling you something good.",
        10.0,
    ),
];

const BACK_AT_IT: &[Tier] = &[t(
    "back-at-it",
    "Back at it",
    "You came back after a break. Recovery has ups and downs; coming back is what counts.",
    1.0,
)];

/// The day the day-streak and "felt better" series were retired: only walks
/// before it earn their badges.
pub const RETIRED_ON: NaiveDate = match NaiveDate::from_ymd_opt(2026, 12, 2) {
    Some(d) => d,
    None => panic!("a valid date"),
};

/// Walks with noted pain (before or after) towards "Noted how your back felt".
fn noted(w: &WalkRecord) -> bool {
    w.pain_before.is_some() || w.pain_after.is_some()
}

/// Walking days a week needs to be a steady week (or the plan's target met).
pub const STEADY_DAYS: usize = 3;

/// "Next up" shows at most this many goals.
pub const MAX_NEXT: usize = 3;

/// Days between walks that count as a break for "Back at it".
pub const BREAK_DAYS: i64 = 7;

/// Active minutes a walk needs to count towards the WalkBack week.
pub const WALKBACK_WALK_MIN: f64 = 30.0;

/// A milestone someone has earned.
#[derive(Debug, Clone, PartialEq)]
pub struct Earned {
    /// Stable id, e.g. `"minutes-20"`.
    pub id: &'static str,
    /// The series it belongs to.
    pub series: Series,
    /// Short title, e.g. "20 minutes without stopping".
    pub title: &'static str,
    /// One short encouraging line about why it matters.
    pub why: &'static str,
    /// The walk that earned it (the first one, in time order, that did).
    pub walk_id: WalkId,
    /// That walk's local calendar day.
    pub date: NaiveDate,
}

/// The next milestone in a series.
#[derive(Debug, Clone, PartialEq)]
pub struct NextUp {
    /// Stable id of the milestone, e.g. `"minutes-20"`.
    pub id: &'static str,
    /// The series it belongs to.
    pub series: Series,
    /// Short title.
    pub title: &'static str,
    /// Why it matters.
    pub why: &'static str,
    /// How close, 0.0..=1.0. For week series this is about the current
    /// week / current run of weeks.
    pub progress: f64,
    /// The series' measure the milestone needs (walks, seconds without
    /// stopping, walks in a week...).
    pub goal: f64,
    /// What is left, e.g. "12 more minutes of continuous walking".
    pub remaining_text: String,
}

/// Everything earned so far and what comes next.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct MilestoneReport {
    /// Earned milestones, in the order they were earned (walk order, then
    /// series order, then tier). Retired series are not here.
    pub earned: Vec<Earned>,
    /// Badges of retired series earned before [`RETIRED_ON`]: kept, shown
    /// apart, never celebrated anew.
    pub earlier: Vec<Earned>,
    /// One entry per chaseable series not yet finished, in series order.
    pub next: Vec<NextUp>,
}

impl MilestoneReport {
    /// True when the milestone with this id has been earned.
    /// True when the milestone with this id has been earned (earlier,
    /// retired badges included).
    pub fn has(&self, id: &str) -> bool {
        self.earned.iter().chain(&self.earlier).any(|e| e.id == id)
    }
}

/// What this week's plan allows "next up" to suggest.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NextLimits {
    /// Weekly goals are set aside (a flare-up and the week after it).
    pub paused: bool,
    /// The walker notes pain before and after walks.
    pub checkins: bool,
    /// This week's plan: minutes a walk.
    pub per_walk_min: u32,
    /// This week's plan: walks a week.
    pub walks_planned: u32,
}

/// True when a "next up" goal asks for no more than this week's plan.
fn within_plan(n: &NextUp, l: &NextLimits) -> bool {
    match n.series {
        Series::Continuous => n.goal / 60.0 <= f64::from(l.per_walk_min),
        Series::WeekWalks => n.goal <= f64::from(l.walks_planned),
        Series::WalkBackWeek => {
            f64::from(l.per_walk_min) >= WALKBACK_WALK_MIN && l.walks_planned >= 5
        }
        _ => true,
    }
}

/// The "next up" list to show: never a goal above this week's plan (no
/// "five 30-minute walks" while the plan says 6 minutes a walk), nothing
/// tied to the calendar while weekly goals are paused, nothing about noting
/// pain when check-ins are off; the [`MAX_NEXT`] closest (highest progress,
/// ties in series order).
pub fn next_shown(report: &MilestoneReport, limits: &NextLimits) -> Vec<NextUp> {
    let mut next: Vec<NextUp> = report
        .next
        .iter()
        .filter(|n| !(limits.paused && n.series.time_pressured()))
        .filter(|n| limits.checkins || n.series != Series::Noted)
        .filter(|n| within_plan(n, limits))
        .cloned()
        .collect();
    // Stable: ties keep series order.
    sort_by(&mut next, |a, b| b.progress.total_cmp(&a.progress));
    next.truncate(MAX_NEXT);
    next
}

/// The limits of the walker's plan today (`plan` from [`plan_for`]).
pub fn limits_for(settings: &Settings, plan: &Plan, today: NaiveDate) -> NextLimits {
    NextLimits {
        paused: super::care::streaks_paused(settings, today),
        checkins: settings.pain_checkins,
        per_walk_min: plan.current.per_walk_min,
        walks_planned: plan.current.walks_planned,
    }
}

/// Milestones in `after` whose id is not earned in `before`: what to
/// celebrate after a change to the history.
pub fn newly_earned<'a>(before: &MilestoneReport, after: &'a MilestoneReport) -> Vec<&'a Earned> {
    after.earned.iter().filter(|e| !before.has(e.id)).collect()
}

/// The milestone report for a store on `today` (the walker's local date),
/// with the plan's weekly targets for steady weeks.
pub fn report_for(store: &Store, today: NaiveDate) -> MilestoneReport {
    report_with_plan(store, &plan_for(store, today), today)
}

/// [`report_for`] with the store's plan already worked out (the app keeps
/// it in a memo: one plan per change, however many screens read it).
pub fn report_with_plan(store: &Store, plan: &Plan, today: NaiveDate) -> MilestoneReport {
    // Inserted one by one: collecting into a map would add a copy of std's
    // sort to the wasm for this one map.
    let mut targets: BTreeMap<NaiveDate, u32> = BTreeMap::new();
    for w in &plan.weeks {
        targets.insert(w.week_start, w.target_min);
    }
    compute_with_targets(
        &store.walks,
        &store.loops,
        store.settings.step_length_m(),
        today,
        &targets,
    )
}

/// Milestones a change to the store earned (e.g. saving a walk): what to
/// celebrate. Retired series are never celebrated.
pub fn newly_earned_by(before: &Store, after: &Store, today: NaiveDate) -> Vec<Earned> {
    let b = report_for(before, today);
    let a = report_for(after, today);
    newly_earned(&b, &a).into_iter().cloned().collect()
}

/// True when the walk is a walk at all: some steps or some active time.
/// Empty records (started and stopped at once) earn nothing.
fn counts(w: &WalkRecord) -> bool {
    w.steps.0 > 0 || w.active_s > 0.0
}

fn week_key(d: NaiveDate) -> (i32, u32) {
    let w = d.iso_week();
    (w.year(), w.week())
}

/// Length of the run of consecutive days in `days` that contains `d`
/// (0 if `d` is not in the set).
fn run_through(days: &BTreeSet<NaiveDate>, d: NaiveDate) -> u32 {
    if !days.contains(&d) {
        return 0;
    }
    let mut n = 1;
    let mut x = d;
    while let Some(p) = x.checked_sub_days(Days::new(1)) {
        if !days.contains(&p) {
            break;
        }
        n += 1;
        x = p;
    }
    let mut x = d;
    while let Some(p) = x.checked_add_days(Days::new(1)) {
        if !days.contains(&p) {
            break;
        }
        n += 1;
        x = p;
    }
    n
}

/// Running measures after replaying some walks.
#[derive(Default)]
struct Tally {
    walks: u32,
    best_nonstop_s: f64,
    loops: u32,
    non_stop_loops: u32,
    /// Best partial progress round a loop (for "next up" before the first).
    best_loop_progress: f64,
    /// Best fraction of a loop walked without a rest.
    best_non_stop_fraction: f64,
    week_walks: BTreeMap<(i32, u32), u32>,
    best_week: u32,
    walkback_walks: BTreeMap<(i32, u32), u32>,
    best_walkback_week: u32,
    /// Local days with a walk before [`RETIRED_ON`] (retired day streaks).
    days: BTreeSet<NaiveDate>,
    best_streak: u32,
    /// The run of consecutive days ending on the latest day walked, kept as
    /// walks are replayed so a long history costs one step per walk, not a
    /// walk back through every earlier day.
    latest_run: u32,
    /// Walking days and minutes per week (keyed by Monday).
    week_days: BTreeMap<NaiveDate, BTreeSet<NaiveDate>>,
    week_min: BTreeMap<NaiveDate, f64>,
    /// Mondays of steady weeks.
    steady: BTreeSet<NaiveDate>,
    best_steady_run: u32,
    steps: u64,
    noted: u32,
    felt_better: u32,
    back_at_it: u32,
    latest_day: Option<NaiveDate>,
}

/// Length of the run of consecutive weeks in `weeks` (Mondays) that ends
/// with `monday` (0 if it is not in the set).
fn weeks_run_to(weeks: &BTreeSet<NaiveDate>, monday: NaiveDate) -> u32 {
    let mut n = 0;
    let mut x = Some(monday);
    while let Some(m) = x.filter(|m| weeks.contains(m)) {
        n += 1;
        x = m.checked_sub_days(Days::new(7));
    }
    n
}

impl Tally {
    fn add(
        &mut self,
        w: &WalkRecord,
        lp: Option<&LoopRecord>,
        step_len_m: f64,
        targets: &BTreeMap<NaiveDate, u32>,
    ) {
        let day = w.local_date();
        let before_retirement = day < RETIRED_ON;
        self.walks += 1;
        if w.longest_nonstop_s.is_finite() {
            self.best_nonstop_s = self.best_nonstop_s.max(w.longest_nonstop_s);
        }
        if let Some(lp) = lp {
            let p = loops::loop_progress(lp, w.steps, step_len_m);
            if loops::completes(lp, w, step_len_m) {
                self.loops += 1;
                if w.non_stop() {
                    self.non_stop_loops += 1;
                }
            }
            self.best_loop_progress = self.best_loop_progress.max(p.min(1.0));
            let rested = if w.non_stop() || w.active_s <= 0.0 {
                1.0
            } else {
                (w.longest_nonstop_s / w.active_s).clamp(0.0, 1.0)
            };
            self.best_non_stop_fraction = self.best_non_stop_fraction.max(p.min(1.0) * rested);
        }
        let wk = week_key(day);
        let n = self.week_walks.entry(wk).or_default();
        *n += 1;
        self.best_week = self.best_week.max(*n);
        if w.active_s >= WALKBACK_WALK_MIN * 60.0 {
            let n = self.walkback_walks.entry(wk).or_default();
            *n += 1;
            self.best_walkback_week = self.best_walkback_week.max(*n);
        }
        if before_retirement && self.days.insert(day) {
            let run = match self.latest_day {
                None => 1,
                Some(l) if l.succ_opt() == Some(day) => self.latest_run + 1,
                Some(l) if day > l => 1,
                // An earlier local day (a walk stored with another UTC
                // offset): count its run in full; it may join the latest.
                Some(l) => {
                    let joined = run_through(&self.days, day);
                    self.latest_run = run_through(&self.days, l);
                    joined
                }
            };
            if self.latest_day.is_none_or(|l| day > l) {
                self.latest_run = run;
            }
            self.best_streak = self.best_streak.max(run);
        }
        let monday = week_start(day);
        let days = self.week_days.entry(monday).or_default();
        days.insert(day);
        let n_days = days.len();
        let mins = self.week_min.entry(monday).or_default();
        if w.active_s.is_finite() && w.active_s > 0.0 {
            *mins += w.active_s / 60.0;
        }
        let target_met = targets
            .get(&monday)
            .is_some_and(|&t| t > 0 && mins.round() >= f64::from(t));
        if (n_days >= STEADY_DAYS || target_met) && self.steady.insert(monday) {
            self.best_steady_run = self.best_steady_run.max(weeks_run_to(&self.steady, monday));
        }
        self.steps += u64::from(w.steps.0);
        if noted(w) {
            self.noted += 1;
        }
        if let (Some(b), Some(a), true) = (w.pain_before, w.pain_after, before_retirement) {
            if a < b {
                self.felt_better += 1;
            }
        }
        if let Some(last) = self.latest_day {
            if (day - last).num_days() >= BREAK_DAYS {
                self.back_at_it += 1;
            }
        }
        self.latest_day = Some(self.latest_day.map_or(day, |l| l.max(day)));
    }

    /// The lifetime measure each series' tiers are compared with.
    fn measure(&self, s: Series) -> f64 {
        match s {
            Series::Walks => f64::from(self.walks),
            Series::Continuous => self.best_nonstop_s,
            Series::Loops => f64::from(self.loops),
            Series::NonStopLoop => f64::from(self.non_stop_loops),
            Series::WeekWalks => f64::from(self.best_week),
            Series::WalkBackWeek => f64::from(self.best_walkback_week),
            Series::SteadyWeeks => f64::from(self.best_steady_run),
            Series::Steps => self.steps as f64,
            Series::Noted => f64::from(self.noted),
            Series::BackAtIt => f64::from(self.back_at_it),
            Series::Streak => f64::from(self.best_streak),
            Series::FeltBetter => f64::from(self.felt_better),
        }
    }
}

fn plural(n: u64, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 more {one}")
    } else {
        format!("{} more {many}", thousands(n))
    }
}

fn left(at: f64, have: f64) -> u64 {
    (at - have).ceil().max(1.0) as u64
}

/// Progress and "what's left" for the next tier of a chaseable series.
fn next_up(
    s: Series,
    tier: &Tier,
    tally: &Tally,
    any_active_loop: bool,
    today: NaiveDate,
) -> (f64, String) {
    let this_week = week_key(today);
    match s {
        Series::Walks => {
            let have = f64::from(tally.walks);
            (have / tier.at, plural(left(tier.at, have), "walk", "walks"))
        }
        Series::Continuous => {
            let have = tally.best_nonstop_s;
            let mins = left(tier.at / 60.0, have / 60.0);
            let text = if mins == 1 {
                "1 more minute of continuous walking".to_string()
            } else {
                format!("{mins} more minutes of continuous walking")
            };
            (have / tier.at, text)
        }
        Series::Loops if tally.loops == 0 => {
            let text = if any_active_loop {
                "Walk your loop all the way round once"
            } else {
                "Save a walk as your loop, then go all the way round"
            };
            (tally.best_loop_progress, text.to_string())
        }
        Series::Loops => {
            let have = f64::from(tally.loops);
            (
                have / tier.at,
                plural(left(tier.at, have), "whole loop", "whole loops"),
            )
        }
        Series::NonStopLoop => (
            tally.best_non_stop_fraction,
            "Walk your whole loop once without a rest".to_string(),
        ),
        Series::WeekWalks => {
            let have = f64::from(tally.week_walks.get(&this_week).copied().unwrap_or(0));
            let n = left(tier.at, have);
            (
                have / tier.at,
                format!("{} this week", plural(n, "walk", "walks")),
            )
        }
        Series::WalkBackWeek => {
            let have = f64::from(tally.walkback_walks.get(&this_week).copied().unwrap_or(0));
            let n = left(tier.at, have);
            (
                have / tier.at,
                format!(
                    "{} this week",
                    plural(n, "walk of 30 minutes", "walks of 30 minutes")
                ),
            )
        }
        Series::SteadyWeeks => {
            // The run so far: up to this week if it is already steady,
            // else up to last week (this week is still open).
            let this = week_start(today);
            let run = weeks_run_to(&tally.steady, this).max(
                this.checked_sub_days(Days::new(7))
                    .map_or(0, |last| weeks_run_to(&tally.steady, last)),
            );
            let have = f64::from(run);
            let n = left(tier.at, have);
            let text = if tier.at <= 1.0 {
                "Walk on 3 days in a week, or reach your plan's target".to_string()
            } else {
                format!(
                    "{} (walks on 3 days, or your plan's target)",
                    plural(n, "steady week", "steady weeks")
                )
            };
            (have / tier.at, text)
        }
        Series::Steps => {
            let have = tally.steps as f64;
            (have / tier.at, plural(left(tier.at, have), "step", "steps"))
        }
        Series::Noted => {
            let have = f64::from(tally.noted);
            (
                have / tier.at,
                format!(
                    "Note how your back or legs feel on {}",
                    plural(left(tier.at, have), "walk", "walks")
                ),
            )
        }
        Series::BackAtIt | Series::Streak | Series::FeltBetter => (0.0, String::new()),
    }
}

/// Work out every milestone from the history.
///
/// - `walks`: all walks, any order. Empty records (no steps, no active
///   time) are ignored.
/// - `loops`: all loops, archived included (walks of a deleted loop count as
///   walks but not as loops). Loop completion uses the loop's *current*
///   length, so re-measuring a loop re-judges past walks.
/// - `step_len_m`: the walker's step length, for loops measured in metres.
/// - `today`: the walker's local date, for the "this week" and "days in a
///   row" parts of [`MilestoneReport::next`].
pub fn compute(
    walks: &[WalkRecord],
    loops: &[LoopRecord],
    step_len_m: f64,
    today: NaiveDate,
) -> MilestoneReport {
    compute_with_targets(walks, loops, step_len_m, today, &BTreeMap::new())
}

/// [`compute`] with the plan's weekly targets (minutes, keyed by the week's
/// Monday): a week whose target was met is a steady week even with fewer
/// than [`STEADY_DAYS`] walking days.
pub fn compute_with_targets(
    walks: &[WalkRecord],
    loops: &[LoopRecord],
    step_len_m: f64,
    today: NaiveDate,
    targets: &BTreeMap<NaiveDate, u32>,
) -> MilestoneReport {
    let mut sorted: Vec<&WalkRecord> = walks.iter().filter(|w| counts(w)).collect();
    sort_by(&mut sorted, |a, b| {
        a.started_at.cmp(&b.started_at).then(a.id.cmp(&b.id))
    });

    let mut tally = Tally::default();
    // Index of the next unearned tier in each series.
    let mut reached = [0usize; Series::ALL.len()];
    let mut earned = Vec::new();
    let mut earlier = Vec::new();
    for w in sorted {
        // A walker has a handful of loops: a plain search (a HashMap here
        // linked SipHash and its own hash table into the wasm).
        let lp = w
            .loop_id
            .as_ref()
            .and_then(|id| loops.iter().find(|l| &l.id == id));
        tally.add(w, lp, step_len_m, targets);
        for (si, &s) in Series::ALL.iter().enumerate() {
            let have = tally.measure(s);
            while let Some(tier) = s.tiers().get(reached[si]) {
                if have < tier.at {
                    break;
                }
                let e = Earned {
                    id: tier.id,
                    series: s,
                    title: tier.title,
                    why: tier.why,
                    walk_id: w.id.clone(),
                    date: w.local_date(),
                };
                if s.retired() {
                    earlier.push(e);
                } else {
                    earned.push(e);
                }
                reached[si] += 1;
            }
        }
    }

    let any_active_loop = loops.iter().any(|l| !l.archived);
    let next = Series::ALL
        .iter()
        .enumerate()
        .filter(|(_, s)| s.chaseable())
        .filter_map(|(si, &s)| {
            let tier = s.tiers().get(reached[si])?;
            let (progress, remaining_text) = next_up(s, tier, &tally, any_active_loop, today);
            Some(NextUp {
                id: tier.id,
                series: s,
                title: tier.title,
                why: tier.why,
                goal: tier.at,
                progress: if progress.is_finite() {
                    progress.clamp(0.0, 1.0)
                } else {
                    0.0
                },
                remaining_text,
            })
        })
        .collect();
    MilestoneReport {
        earned,
        earlier,
        next,
    }
}

#[cfg(test)]
mod tests {
    use super::super::record::{LoopLength, Span, Steps};
    use super::*;
    use crate::domain::record::LoopId;
    use chrono::{DateTime, Duration, Utc};

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    /// A walk of `mins` active minutes, all without a rest, 100 steps a minute.
    fn w(id: &str, at: &str, offset_min: i32, mins: f64) -> WalkRecord {
        WalkRecord::test_walk(id, at.parse().unwrap(), offset_min, mins)
    }

    /// Walk `id` on day `n` after 2026-03-02 (a Monday), 10:00 UTC.
    fn day(id: &str, n: i64, mins: f64) -> WalkRecord {
        let start: DateTime<Utc> = "2026-03-02T10:00:00Z".parse().unwrap();
        let mut x = w(id, "2026-03-02T10:00:00Z", 0, mins);
        x.started_at = start + Duration::days(n);
        x
    }

    fn on_loop(mut x: WalkRecord, lp: &str, steps: u32) -> WalkRecord {
        x.loop_id = Some(LoopId(lp.into()));
        x.steps = Steps(steps);
        x
    }

    fn rested(mut x: WalkRecord) -> WalkRecord {
        x.rests.push(Span::new(60.0, 20.0));
        x.longest_nonstop_s = x.active_s / 2.0;
        x
    }

    fn loop_rec(id: &str, length: LoopLength) -> LoopRecord {
        LoopRecord {
            id: LoopId(id.into()),
            name: "Park".into(),
            length,
            created_at: "2026-03-01T00:00:00Z".parse().unwrap(),
            archived: false,
            kind: Default::default(),
        }
    }

    const TODAY: &str = "2026-06-01";

    fn report(walks: &[WalkRecord], loops: &[LoopRecord]) -> MilestoneReport {
        compute(walks, loops, 0.7, d(TODAY))
    }

    fn ids(r: &MilestoneReport) -> Vec<&'static str> {
        r.earned.iter().map(|e| e.id).collect()
    }

    fn earner(r: &MilestoneReport, id: &str) -> Option<String> {
        r.earned
            .iter()
            .chain(&r.earlier)
            .find(|e| e.id == id)
            .map(|e| e.walk_id.0.clone())
    }

    fn next(r: &MilestoneReport, s: Series) -> Option<&NextUp> {
        r.next.iter().find(|n| n.series == s)
    }

    #[test]
    fn nothing_yet() {
        let r = report(&[], &[]);
        assert!(r.earned.is_empty() && r.earlier.is_empty());
        let first = next(&r, Series::Walks).unwrap();
        assert_eq!(first.id, "first-walk");
        assert_eq!(first.remaining_text, "1 more walk");
        assert_eq!(first.progress, 0.0);
        // One per chaseable series, never "take a break", "feel better" or
        // "days in a row".
        assert_eq!(r.next.len(), 9);
        assert!(next(&r, Series::BackAtIt).is_none());
        assert!(next(&r, Series::FeltBetter).is_none());
        assert!(next(&r, Series::Streak).is_none());
        assert_eq!(
            next(&r, Series::Loops).unwrap().remaining_text,
            "Save a walk as your loop, then go all the way round"
        );
    }

    #[test]
    fn first_walk_goes_to_the_earliest_walk() {
        let r = report(&[day("b", 3, 2.0), day("a", 1, 2.0)], &[]);
        assert_eq!(earner(&r, "first-walk").as_deref(), Some("a"));
        assert_eq!(r.earned[0].date, d("2026-03-03"));
        assert_eq!(r.earned[0].title, "First walk");
        assert!(!r.earned[0].why.is_empty());
        // Same instant: ties broken by id.
        let r = report(&[day("z", 1, 2.0), day("y", 1, 2.0)], &[]);
        assert_eq!(earner(&r, "first-walk").as_deref(), Some("y"));
    }

    #[test]
    fn empty_records_earn_nothing() {
        let r = report(&[day("a", 1, 0.0)], &[]);
        assert!(r.earned.is_empty());
    }

    #[test]
    fn walk_count_tiers() {
        let walks: Vec<_> = (0..26)
            .map(|i| day(&format!("w{i:02}"), i * 2, 2.0))
            .collect();
        let r = report(&walks, &[]);
        assert_eq!(earner(&r, "walks-10").as_deref(), Some("w09"));
        assert_eq!(earner(&r, "walks-25").as_deref(), Some("w24"));
        let n = next(&r, Series::Walks).unwrap();
        assert_eq!(n.id, "walks-50");
        assert_eq!(n.remaining_text, "24 more walks");
        assert!((n.progress - 26.0 / 50.0).abs() < 1e-9);
    }

    #[test]
    fn continuous_minutes_tiers() {
        let mut a = day("a", 0, 8.0);
        a.longest_nonstop_s = 4.0 * 60.0; // rested half way
        let b = day("b", 1, 12.0);
        let r = report(&[a.clone(), b.clone()], &[]);
        assert!(!r.has("minutes-5") || earner(&r, "minutes-5").as_deref() == Some("b"));
        assert_eq!(earner(&r, "minutes-5").as_deref(), Some("b"));
        assert_eq!(earner(&r, "minutes-10").as_deref(), Some("b"));
        // Earned together, lower tier first.
        let pos = |id| r.earned.iter().position(|e| e.id == id).unwrap();
        assert!(pos("minutes-5") < pos("minutes-10"));
        let n = next(&r, Series::Continuous).unwrap();
        assert_eq!(n.id, "minutes-20");
        assert_eq!(n.remaining_text, "8 more minutes of continuous walking");
        assert!((n.progress - 0.6).abs() < 1e-9);

        let mut c = day("c", 2, 25.0);
        c.longest_nonstop_s = 19.5 * 60.0;
        let r = report(&[a, b, c], &[]);
        assert_eq!(
            next(&r, Series::Continuous).unwrap().remaining_text,
            "1 more minute of continuous walking"
        );
        let r = report(&[day("x", 0, 31.0)], &[]);
        assert!(r.has("minutes-30"));
        assert!(next(&r, Series::Continuous).is_none());
    }

    #[test]
    fn loops_whole_and_non_stop() {
        let loops = [loop_rec("L", LoopLength::Steps(1000))];
        let walks = vec![
            on_loop(day("a", 0, 10.0), "L", 600),          // part way
            rested(on_loop(day("b", 1, 10.0), "L", 1000)), // whole, with a rest
            on_loop(day("c", 2, 10.0), "L", 1100),         // whole, non-stop
        ];
        let r = report(&walks[..1], &loops);
        assert!(!r.has("loop-1"));
        let n = next(&r, Series::Loops).unwrap();
        assert!((n.progress - 0.6).abs() < 1e-9);
        assert_eq!(n.remaining_text, "Walk your loop all the way round once");

        let r = report(&walks, &loops);
        assert_eq!(earner(&r, "loop-1").as_deref(), Some("b"));
        assert_eq!(earner(&r, "loop-non-stop").as_deref(), Some("c"));
        assert_eq!(
            next(&r, Series::Loops).unwrap().remaining_text,
            "3 more whole loops"
        );

        let mut more = walks.clone();
        for i in 3..30 {
            more.push(on_loop(day(&format!("x{i:02}"), i, 10.0), "L", 1000));
        }
        let r = report(&more, &loops);
        assert_eq!(earner(&r, "loops-5").as_deref(), Some("x05"));
        assert_eq!(earner(&r, "loops-25").as_deref(), Some("x25"));
        assert!(next(&r, Series::Loops).is_none());
    }

    #[test]
    fn loops_in_metres_use_the_step_length() {
        let loops = [loop_rec("M", LoopLength::Metres(700.0))];
        let walks = [on_loop(day("a", 0, 10.0), "M", 1000)];
        assert!(compute(&walks, &loops, 0.7, d(TODAY)).has("loop-1"));
        assert!(!compute(&walks, &loops, 0.6, d(TODAY)).has("loop-1"));
    }

    #[test]
    fn walks_of_unknown_loops_are_walks_not_loops() {
        let walks = [on_loop(day("a", 0, 10.0), "gone", 5000)];
        let r = report(&walks, &[]);
        assert!(r.has("first-walk"));
        assert!(!r.has("loop-1"));
        assert!(!r.has("loop-non-stop"));
        // Archived loops still count.
        let mut l = loop_rec("gone", LoopLength::Steps(100));
        l.archived = true;
        assert!(report(&walks, &[l]).has("loop-1"));
    }

    #[test]
    fn remeasured_loop_rejudges_the_history() {
        let walks = [
            on_loop(day("a", 0, 10.0), "L", 1000),
            on_loop(day("b", 1, 10.0), "L", 1300),
        ];
        let r = report(&walks, &[loop_rec("L", LoopLength::Steps(1000))]);
        assert_eq!(earner(&r, "loop-1").as_deref(), Some("a"));
        let r = report(&walks, &[loop_rec("L", LoopLength::Steps(1200))]);
        assert_eq!(earner(&r, "loop-1").as_deref(), Some("b"));
    }

    #[test]
    fn walks_in_a_week_use_iso_weeks() {
        // 2026-03-02 is a Monday. Sat, Sun, then Mon: two different weeks.
        let walks = [day("sa", 5, 5.0), day("su", 6, 5.0), day("mo", 7, 5.0)];
        assert!(!report(&walks, &[]).has("week-3"));
        let walks = [
            day("a", 0, 5.0),
            day("b", 2, 5.0),
            day("c", 4, 5.0),
            day("d", 5, 5.0),
            day("e", 6, 5.0),
        ];
        let r = report(&walks, &[]);
        assert_eq!(earner(&r, "week-3").as_deref(), Some("c"));
        assert_eq!(earner(&r, "week-5").as_deref(), Some("e"));
        // Two walks on one day count as two walks.
        let walks = [day("a", 0, 5.0), day("b", 0, 5.0), day("c", 1, 5.0)];
        assert!(report(&walks, &[]).has("week-3"));
    }

    #[test]
    fn this_weeks_walks_drive_next_up() {
        // Today Wednesday 2026-03-04; one walk last week, one this week.
        let walks = [day("old", -3, 5.0), day("now", 1, 5.0)];
        let r = compute(&walks, &[], 0.7, d("2026-03-04"));
        let n = next(&r, Series::WeekWalks).unwrap();
        assert_eq!(n.id, "week-3");
        assert_eq!(n.remaining_text, "2 more walks this week");
        assert!((n.progress - 1.0 / 3.0).abs() < 1e-9);
        let n = next(&r, Series::WalkBackWeek).unwrap();
        assert_eq!(n.remaining_text, "5 more walks of 30 minutes this week");
    }

    #[test]
    fn walkback_week_needs_five_half_hour_walks() {
        let mut walks: Vec<_> = (0..4).map(|i| day(&format!("w{i}"), i, 30.0)).collect();
        walks.push(day("short", 4, 29.0));
        assert!(!report(&walks, &[]).has("walkback-week"));
        walks.push(day("long", 5, 45.0));
        let r = report(&walks, &[]);
        assert_eq!(earner(&r, "walkback-week").as_deref(), Some("long"));
        // Split across two weeks does not count.
        let walks: Vec<_> = (3..8).map(|i| day(&format!("w{i}"), i, 30.0)).collect();
        assert!(!report(&walks, &[]).has("walkback-week"));
    }

    #[test]
    fn day_streaks_before_the_retirement_are_kept() {
        let walks = [
            day("a", 0, 5.0),
            day("b", 1, 5.0),
            day("b2", 1, 5.0),
            day("c", 3, 5.0), // gap on day 2
            day("d", 4, 5.0),
            day("e", 5, 5.0),
        ];
        let r = report(&walks, &[]);
        assert_eq!(earner(&r, "streak-3").as_deref(), Some("e"));
        let walks: Vec<_> = (0..30).map(|i| day(&format!("w{i:02}"), i, 5.0)).collect();
        let r = report(&walks, &[]);
        assert_eq!(earner(&r, "streak-3").as_deref(), Some("w02"));
        assert_eq!(earner(&r, "streak-7").as_deref(), Some("w06"));
        assert_eq!(earner(&r, "streak-30").as_deref(), Some("w29"));
    }

    #[test]
    fn day_streaks_are_never_a_goal_any_more() {
        let walks = [day("a", 0, 5.0), day("b", 1, 5.0)]; // Mon, Tue
        for today in ["2026-03-04", "2026-03-06"] {
            let r = compute(&walks, &[], 0.7, d(today));
            assert!(next(&r, Series::Streak).is_none());
            assert!(r
                .next
                .iter()
                .all(|n| !n.remaining_text.contains("in a row")));
        }
    }

    #[test]
    fn streak_across_a_dst_change_uses_each_walks_own_offset() {
        // Europe/Berlin: CET (+60) until 2026-03-29 02:00, then CEST (+120).
        // Walks at 00:30 local on 27, 28 and 29 March.
        let walks = [
            w("a", "2026-03-26T23:30:00Z", 60, 10.0),
            w("b", "2026-03-27T23:30:00Z", 60, 10.0),
            w("c", "2026-03-28T22:30:00Z", 120, 10.0),
        ];
        let r = report(&walks, &[]);
        assert_eq!(earner(&r, "streak-3").as_deref(), Some("c"));
        let dates: Vec<_> = r
            .earlier
            .iter()
            .filter(|e| e.id == "streak-3")
            .map(|e| e.date)
            .collect();
        assert_eq!(dates, [d("2026-03-29")]);
        // Had the last one been stored with the winter offset it would fall
        // on the 28th, and there'd be no streak.
        let mut wrong = walks.clone();
        wrong[2].utc_offset_min = 60;
        assert!(!report(&wrong, &[]).has("streak-3"));
    }

    /// Walks replay in UTC order; with different offsets a local day can
    /// arrive after a later one and join two runs.
    #[test]
    fn a_day_arriving_late_joins_the_runs_either_side() {
        let walks = [
            w("mar1", "2026-03-01T10:00:00Z", 0, 10.0),
            w("mar2", "2026-03-02T10:00:00Z", 0, 10.0),
            w("mar4", "2026-03-04T01:00:00Z", 600, 10.0), // 11:00 on 4 Mar
            w("mar3", "2026-03-04T02:00:00Z", -600, 10.0), // 16:00 on 3 Mar
            w("mar5", "2026-03-05T10:00:00Z", 0, 10.0),
            w("mar6", "2026-03-06T10:00:00Z", 0, 10.0),
            w("mar7", "2026-03-07T10:00:00Z", 0, 10.0),
        ];
        let r = report(&walks, &[]);
        assert_eq!(earner(&r, "streak-3").as_deref(), Some("mar3"));
        assert_eq!(earner(&r, "streak-7").as_deref(), Some("mar7"));
    }

    #[test]
    fn streak_and_week_after_travel() {
        // Late-evening walks in New York (UTC-4) are the next day in UTC.
        let walks = [
            w("a", "2026-06-06T01:30:00Z", -240, 10.0), // Fri 5th, 21:30
            w("b", "2026-06-07T01:30:00Z", -240, 10.0), // Sat 6th
            w("c", "2026-06-08T01:30:00Z", -240, 10.0), // Sun 7th
            w("d", "2026-06-08T08:00:00Z", 60, 10.0),   // Mon 8th, home in London
        ];
        let r = report(&walks, &[]);
        // Fri, Sat, Sun are one ISO week in New York time...
        assert_eq!(earner(&r, "week-3").as_deref(), Some("c"));
        // ...and four local days in a row.
        assert_eq!(earner(&r, "streak-3").as_deref(), Some("c"));
        // Read in UTC they'd be Sat, Sun, Mon, Mon: no three in one week.
        let utc: Vec<_> = walks
            .iter()
            .cloned()
            .map(|mut x| {
                x.utc_offset_min = 0;
                x
            })
            .collect();
        assert!(!report(&utc, &[]).has("week-3"));
    }

    #[test]
    fn lifetime_steps() {
        let mut a = day("a", 0, 5.0);
        a.steps = Steps(999);
        let mut b = day("b", 1, 5.0);
        b.steps = Steps(9_000);
        let mut c = day("c", 2, 5.0);
        c.steps = Steps(1);
        let r = report(&[a, b, c], &[]);
        assert_eq!(earner(&r, "steps-1k").as_deref(), Some("b"));
        assert_eq!(earner(&r, "steps-10k").as_deref(), Some("c"));
        let n = next(&r, Series::Steps).unwrap();
        assert_eq!(n.remaining_text, "90,000 more steps");
        assert_eq!(thousands(1_234_567), "1,234,567");
        assert_eq!(thousands(999), "999");
    }

    #[test]
    fn back_at_it_after_a_week_off_once() {
        let walks = [
            day("a", 0, 5.0),
            day("b", 6, 5.0),  // six days later: not a break
            day("c", 13, 5.0), // seven days later: welcome back
            day("d", 30, 5.0), // another break: still earned only once
        ];
        let r = report(&walks, &[]);
        assert_eq!(earner(&r, "back-at-it").as_deref(), Some("c"));
        assert_eq!(r.earned.iter().filter(|e| e.id == "back-at-it").count(), 1);
        assert!(!report(&walks[..2], &[]).has("back-at-it"));
        let e = r.earned.iter().find(|e| e.id == "back-at-it").unwrap();
        for word in ["fail", "miss", "lost", "broke"] {
            assert!(!e.why.to_lowercase().contains(word), "{}", e.why);
        }
    }

    #[test]
    fn felt_better_needs_both_pain_scores() {
        let pain = |id, n, b: Option<u8>, a: Option<u8>| {
            let mut x = day(id, n, 10.0);
            x.pain_before = b;
            x.pain_after = a;
            x
        };
        let walks = [
            pain("a", 0, Some(5), None),
            pain("b", 1, None, Some(2)),
            pain("c", 2, Some(4), Some(4)),
            pain("d", 3, Some(4), Some(3)),
            pain("e", 4, Some(6), Some(5)),
            pain("f", 5, Some(3), Some(5)),
            pain("g", 6, Some(2), Some(0)),
        ];
        let r = report(&walks, &[]);
        assert_eq!(earner(&r, "felt-better-1").as_deref(), Some("d"));
        assert_eq!(earner(&r, "felt-better-3").as_deref(), Some("g"));
        assert!(next(&r, Series::FeltBetter).is_none());
    }

    #[test]
    fn deleting_a_walk_moves_or_removes_its_milestones() {
        let mut walks = vec![day("a", 0, 12.0), day("b", 1, 6.0), day("c", 2, 11.0)];
        let r = report(&walks, &[]);
        assert_eq!(earner(&r, "first-walk").as_deref(), Some("a"));
        assert_eq!(earner(&r, "minutes-10").as_deref(), Some("a"));
        assert_eq!(earner(&r, "streak-3").as_deref(), Some("c"));

        walks.remove(0);
        let r = report(&walks, &[]);
        assert_eq!(earner(&r, "first-walk").as_deref(), Some("b"));
        assert_eq!(earner(&r, "minutes-5").as_deref(), Some("b"));
        assert_eq!(earner(&r, "minutes-10").as_deref(), Some("c"));
        assert!(!r.has("streak-3"));

        walks.retain(|x| x.id.0 != "c");
        let r = report(&walks, &[]);
        assert!(!r.has("minutes-10"));
        assert_eq!(ids(&r), ["first-walk", "minutes-5"]);
    }

    #[test]
    fn importing_earlier_walks_moves_milestones_to_them() {
        let mine = vec![day("m1", 10, 12.0), day("m2", 11, 12.0)];
        let before = report(&mine, &[]);
        assert_eq!(earner(&before, "first-walk").as_deref(), Some("m1"));

        let mut all = mine.clone();
        all.extend([
            day("old1", 0, 6.0),
            day("old2", 1, 6.0),
            day("old3", 2, 6.0),
        ]);
        let after = report(&all, &[]);
        assert_eq!(earner(&after, "first-walk").as_deref(), Some("old1"));
        assert_eq!(earner(&after, "streak-3").as_deref(), Some("old3"));
        assert_eq!(earner(&after, "minutes-10").as_deref(), Some("m1"));
        assert_eq!(earner(&after, "back-at-it").as_deref(), Some("m1"));
        let fresh: Vec<&str> = newly_earned(&before, &after).iter().map(|e| e.id).collect();
        // The old day streak is kept among the earlier badges, not celebrated.
        assert_eq!(fresh, ["week-3", "steady-1", "back-at-it"]);
    }

    #[test]
    fn order_is_walk_then_series_then_tier_and_input_order_free() {
        let walks = vec![
            day("a", 0, 6.0),
            day("b", 1, 11.0),
            day("c", 2, 4.0),
            day("d", 3, 22.0),
        ];
        let r = report(&walks, &[]);
        assert_eq!(
            ids(&r),
            [
                "first-walk",
                "minutes-5",
                "minutes-10",
                "steps-1k",
                "week-3",
                "steady-1",
                "minutes-20"
            ]
        );
        assert_eq!(
            r.earlier.iter().map(|e| e.id).collect::<Vec<_>>(),
            ["streak-3"]
        );
        let earners: Vec<&str> = r.earned.iter().map(|e| e.walk_id.0.as_str()).collect();
        assert_eq!(earners, ["a", "a", "b", "b", "c", "c", "d"]);
        let mut shuffled = walks.clone();
        shuffled.reverse();
        shuffled.swap(0, 2);
        assert_eq!(report(&shuffled, &[]), r);
    }

    #[test]
    fn ids_are_unique_and_texts_are_present() {
        let all: Vec<&str> = Series::ALL
            .iter()
            .flat_map(|s| s.tiers().iter().map(|t| t.id))
            .collect();
        let set: BTreeSet<_> = all.iter().collect();
        assert_eq!(set.len(), all.len());
        for s in Series::ALL {
            for t in s.tiers() {
                assert!(!t.title.is_empty() && !t.why.is_empty());
                assert!(t.why.len() < 160, "{}", t.id);
                // Claims stay within the evidence.
                assert!(!t.why.contains("helps backs most"), "{}", t.id);
            }
            // Tiers increase.
            assert!(s.tiers().windows(2).all(|p| p[0].at < p[1].at));
        }
        assert!(Series::SteadyWeeks.time_pressured());
        assert!(!Series::Steps.time_pressured());
        assert!(Series::Streak.retired() && Series::FeltBetter.retired());
        assert!(!Series::Streak.chaseable() && !Series::FeltBetter.chaseable());
    }

    fn limits(per_walk_min: u32, walks_planned: u32) -> NextLimits {
        NextLimits {
            paused: false,
            checkins: true,
            per_walk_min,
            walks_planned,
        }
    }

    #[test]
    fn next_up_never_suggests_a_goal_above_this_weeks_plan() {
        // Three 6-minute walks a week: no 10-minute non-stop goal yet, no
        // five walks a week, no WalkBack week.
        let r = report(&[day("a", 0, 4.5)], &[]);
        let all: Vec<&str> = r.next.iter().map(|n| n.id).collect();
        assert!(all.contains(&"walkback-week") && all.contains(&"minutes-5"));
        let shown = next_shown(&r, &limits(6, 3));
        assert!(shown.len() <= MAX_NEXT);
        for n in &shown {
            assert!(
                !matches!(n.id, "minutes-10" | "walkback-week" | "week-5"),
                "{}",
                n.id
            );
        }
        // 4.5 of 5 minutes without stopping: the nearest, and within the plan.
        assert_eq!(shown[0].id, "minutes-5");
        let with_many = report(
            &(0..6)
                .map(|i| day(&format!("w{i}"), i * 8, 12.0))
                .collect::<Vec<_>>(),
            &[],
        );
        for n in next_shown(&with_many, &limits(6, 3)) {
            assert!(n.series != Series::Continuous, "{}", n.id);
        }
        // At the aim, the WalkBack week can be suggested.
        let at_aim = next_shown(&report(&[day("a", 0, 31.0)], &[]), &limits(30, 5));
        assert!(at_aim.len() <= MAX_NEXT);
        let r = report(&[day("a", 0, 31.0)], &[]);
        let l = limits(30, 5);
        assert!(r
            .next
            .iter()
            .filter(|n| within_plan(n, &l))
            .any(|n| n.id == "walkback-week"));
        assert!(!r
            .next
            .iter()
            .filter(|n| within_plan(n, &limits(29, 5)))
            .any(|n| n.id == "walkback-week"));
    }

    #[test]
    fn next_up_shows_at_most_three_and_respects_pauses_and_check_ins() {
        let r = report(&[], &[]);
        assert_eq!(r.next.len(), 9);
        assert_eq!(next_shown(&r, &limits(30, 5)).len(), MAX_NEXT);
        let mut l = limits(30, 5);
        l.paused = true;
        l.checkins = false;
        let mut noted = report(
            &(0..4)
                .map(|i| {
                    let mut x = day(&format!("n{i}"), i * 9, 3.0);
                    x.pain_after = Some(3);
                    x
                })
                .collect::<Vec<_>>(),
            &[],
        );
        assert!(noted.next.iter().any(|n| n.series == Series::Noted));
        for n in next_shown(&noted, &l) {
            assert!(
                !n.series.time_pressured() && n.series != Series::Noted,
                "{}",
                n.id
            );
        }
        noted.next.retain(|n| n.series == Series::Noted);
        assert_eq!(next_shown(&noted, &limits(30, 5)).len(), 1);
    }

    #[test]
    fn noting_how_your_back_felt_is_rewarded_not_lower_pain() {
        let walks: Vec<_> = (0..25)
            .map(|i| {
                let mut x = day(&format!("p{i:02}"), i, 10.0);
                // Pain steady or rising: nothing to do with the reward.
                x.pain_before = (i % 2 == 0).then_some(4);
                x.pain_after = Some(5);
                x
            })
            .collect();
        let r = report(&walks, &[]);
        assert_eq!(earner(&r, "noted-5").as_deref(), Some("p04"));
        assert_eq!(earner(&r, "noted-10").as_deref(), Some("p09"));
        assert_eq!(earner(&r, "noted-25").as_deref(), Some("p24"));
        // Walks with no scores are not counted.
        let r = report(&[day("a", 0, 5.0)], &[]);
        assert_eq!(
            next(&r, Series::Noted).unwrap().remaining_text,
            "Note how your back or legs feel on 5 more walks"
        );
    }

    /// A walk `n` days after 2026-12-07 (a Monday after the retirement).
    fn later(id: &str, n: i64, mins: f64) -> WalkRecord {
        let start: DateTime<Utc> = "2026-12-07T10:00:00Z".parse().unwrap();
        let mut x = w(id, "2026-12-07T10:00:00Z", 0, mins);
        x.started_at = start + Duration::days(n);
        x
    }

    #[test]
    fn less_pain_after_a_walk_earns_nothing_any_more_but_old_badges_stay() {
        let eased = |mut x: WalkRecord| {
            x.pain_before = Some(5);
            x.pain_after = Some(4);
            x
        };
        let new: Vec<_> = (0..12)
            .map(|i| eased(later(&format!("n{i}"), i, 10.0)))
            .collect();
        let r = report_on(&new, "2027-01-10");
        assert!(!r.has("felt-better-1"));
        assert!(!r.has("streak-3"), "no day streak after the retirement");
        // Badges earned before the retirement are kept, apart.
        let mut all: Vec<_> = (0..3)
            .map(|i| eased(day(&format!("o{i}"), i, 10.0)))
            .collect();
        all.extend(new.clone());
        let r = report_on(&all, "2027-01-10");
        let earlier: Vec<&str> = r.earlier.iter().map(|e| e.id).collect();
        assert_eq!(earlier, ["felt-better-1", "streak-3", "felt-better-3"]);
        assert!(r.earned.iter().all(|e| !e.series.retired()));
        // ...and never celebrated as new.
        let before = report_on(&all[..2], "2027-01-10");
        assert!(newly_earned(&before, &r)
            .iter()
            .all(|e| !e.series.retired()));
    }

    fn report_on(walks: &[WalkRecord], today: &str) -> MilestoneReport {
        compute(walks, &[], 0.7, d(today))
    }

    #[test]
    fn walking_monday_to_friday_is_never_told_days_in_a_row() {
        // WalkBack style: five weekdays, weekends off, for three weeks.
        let walks: Vec<_> = (0..3)
            .flat_map(|wk| (0..5).map(move |dd| later(&format!("w{wk}{dd}"), wk * 7 + dd, 20.0)))
            .collect();
        // Saturday of the third week.
        let r = report_on(&walks, "2026-12-26");
        for n in &r.next {
            assert!(
                !n.remaining_text.contains("in a row"),
                "{}",
                n.remaining_text
            );
        }
        assert!(r.has("steady-1"));
        let n = next(&r, Series::SteadyWeeks).unwrap();
        assert_eq!(n.id, "steady-4");
        assert_eq!(
            n.remaining_text,
            "1 more steady week (walks on 3 days, or your plan's target)"
        );
        // The rest days in between never broke the run: the fourth week
        // earns it.
        let mut more = walks.clone();
        more.extend((0..3).map(|dd| later(&format!("w3{dd}"), 21 + dd * 2, 20.0)));
        let r = report_on(&more, "2027-01-02");
        assert_eq!(earner(&r, "steady-4").as_deref(), Some("w32"));
    }

    #[test]
    fn a_steady_week_is_three_walking_days_or_the_plans_target_met() {
        // Two walks in week one (Mon, Thu), two in week two.
        let walks = [
            later("a", 0, 10.0),
            later("b", 3, 10.0),
            later("c", 7, 10.0),
            later("d", 8, 12.0),
        ];
        assert!(!report_on(&walks, "2026-12-20").has("steady-1"));
        // Two walks on one day are one walking day.
        let same_day = [later("a", 0, 5.0), later("b", 0, 5.0), later("c", 1, 5.0)];
        assert!(!report_on(&same_day, "2026-12-20").has("steady-1"));
        // With the plan asking 20 minutes a week, both weeks met it.
        let targets: BTreeMap<NaiveDate, u32> =
            [(d("2026-12-07"), 20), (d("2026-12-14"), 22)].into();
        let r = compute_with_targets(&walks, &[], 0.7, d("2026-12-20"), &targets);
        assert_eq!(earner(&r, "steady-1").as_deref(), Some("b"));
        let n = next(&r, Series::SteadyWeeks).unwrap();
        assert!((n.progress - 0.5).abs() < 1e-9, "two steady weeks of four");
        // A week off, then a steady week: a new run starts, nothing lost.
        let mut gap = walks.to_vec();
        gap.extend([
            later("e", 21, 10.0),
            later("f", 23, 10.0),
            later("g", 25, 10.0),
        ]);
        let r = compute_with_targets(&gap, &[], 0.7, d("2027-01-03"), &targets);
        assert!(r.has("steady-1"));
        assert!(!r.has("steady-4"));
    }

    #[test]
    fn saving_the_first_walk_earns_its_first_milestones() {
        let before = Store::new();
        let mut after = Store::new();
        after
            .add_walk(WalkRecord {
                steps: Steps(1200),
                ..w("a", "2026-11-20T18:00:00Z", 0, 11.0)
            })
            .unwrap();
        let day = d("2026-11-20");
        let ids: Vec<&str> = newly_earned_by(&before, &after, day)
            .iter()
            .map(|e| e.id)
            .collect();
        assert!(ids.contains(&"first-walk"));
        assert!(ids.contains(&"minutes-10"));
        assert!(ids.contains(&"steps-1k"));
        assert!(newly_earned_by(&after, &after, day).is_empty());
        assert_eq!(report_for(&after, day).earned.len(), ids.len());
    }
}
