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
//! back after a break, feeling less pain).

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::{Datelike, Days, NaiveDate};

use super::loops;
use super::record::{LoopId, LoopRecord, WalkId, WalkRecord};
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
    /// Consecutive local days with a walk: 3, 7, 30.
    Streak,
    /// Lifetime steps: 1,000, 10,000, 100,000, 1,000,000.
    Steps,
    /// Walks with less pain after than before: 1, 3, 10.
    FeltBetter,
    /// A walk after a break of 7 days or more (earned once).
    BackAtIt,
}

impl Series {
    /// Every series, in display order (also the order used to break ties).
    pub const ALL: [Series; 10] = [
        Series::Walks,
        Series::Continuous,
        Series::Loops,
        Series::NonStopLoop,
        Series::WeekWalks,
        Series::WalkBackWeek,
        Series::Streak,
        Series::Steps,
        Series::FeltBetter,
        Series::BackAtIt,
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
            Series::Streak => "streak",
            Series::Steps => "steps",
            Series::FeltBetter => "felt-better",
            Series::BackAtIt => "back-at-it",
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
            Series::Streak => "Days in a row",
            Series::Steps => "Steps",
            Series::FeltBetter => "Feeling better",
            Series::BackAtIt => "Coming back",
        }
    }

    /// True for series tied to the calendar (streaks, weeks). A UI should
    /// hide their "next up" during a flare-up (see
    /// [`streaks_suspended`](super::pacing::streaks_suspended)) so nobody feels pushed to walk through it.
    pub fn time_pressured(self) -> bool {
        matches!(
            self,
            Series::Streak | Series::WeekWalks | Series::WalkBackWeek
        )
    }

    /// False for series that must never be offered as a goal ("take a
    /// week off", "have less pain"): they are celebrated, never chased,
    /// and never appear in [`MilestoneReport::next`].
    pub fn chaseable(self) -> bool {
        !matches!(self, Series::FeltBetter | Series::BackAtIt)
    }

    fn tiers(self) -> &'static [Tier] {
        match self {
            Series::Walks => WALKS,
            Series::Continuous => CONTINUOUS,
            Series::Loops => LOOPS,
            Series::NonStopLoop => NON_STOP_LOOP,
            Series::WeekWalks => WEEK_WALKS,
            Series::WalkBackWeek => WALKBACK_WEEK,
            Series::Streak => STREAK,
            Series::Steps => STEPS,
            Series::FeltBetter => FELT_BETTER,
            Series::BackAtIt => BACK_AT_IT,
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
        "Three walks in one week. Regular walking is what helps backs most.",
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
    /// How close, 0.0..=1.0. For week and streak series this is about the
    /// current week / current run of days.
    pub progress: f64,
    /// What is left, e.g. "12 more minutes of continuous walking".
    pub remaining_text: String,
}

/// Everything earned so far and what comes next.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct MilestoneReport {
    /// Earned milestones, in the order they were earned (walk order, then
    /// series order, then tier).
    pub earned: Vec<Earned>,
    /// One entry per chaseable series not yet finished, in series order.
    pub next: Vec<NextUp>,
}

impl MilestoneReport {
    /// True when the milestone with this id has been earned.
    pub fn has(&self, id: &str) -> bool {
        self.earned.iter().any(|e| e.id == id)
    }

    /// The "next up" list to show: all of it, or, when streak-type
    /// pressure is suspended (a flare-up, see
    /// [`streaks_suspended`](super::pacing::streaks_suspended)), without the
    /// calendar-bound series ([`Series::time_pressured`]).
    pub fn next_shown(&self, streaks_suspended: bool) -> Vec<&NextUp> {
        self.next
            .iter()
            .filter(|n| !(streaks_suspended && n.series.time_pressured()))
            .collect()
    }
}

/// Milestones in `after` whose id is not earned in `before`: what to
/// celebrate after a change to the history.
pub fn newly_earned<'a>(before: &MilestoneReport, after: &'a MilestoneReport) -> Vec<&'a Earned> {
    after.earned.iter().filter(|e| !before.has(e.id)).collect()
}

/// The "next up" closest to being reached (highest progress; ties go to the
/// earlier series), among those [`MilestoneReport::next_shown`] shows.
pub fn nearest_next(report: &MilestoneReport, streaks_suspended: bool) -> Option<&NextUp> {
    report
        .next_shown(streaks_suspended)
        .into_iter()
        .fold(None, |best: Option<&NextUp>, n| match best {
            Some(b) if b.progress >= n.progress => Some(b),
            _ => Some(n),
        })
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
    days: BTreeSet<NaiveDate>,
    best_streak: u32,
    /// The run of consecutive days ending on the latest day walked, kept as
    /// walks are replayed so a long history costs one step per walk, not a
    /// walk back through every earlier day.
    latest_run: u32,
    steps: u64,
    felt_better: u32,
    back_at_it: u32,
    latest_day: Option<NaiveDate>,
}

impl Tally {
    fn add(&mut self, w: &WalkRecord, lp: Option<&LoopRecord>, step_len_m: f64) {
        let day = w.local_date();
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
        if self.days.insert(day) {
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
        self.steps += u64::from(w.steps.0);
        if let (Some(b), Some(a)) = (w.pain_before, w.pain_after) {
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
            Series::Streak => f64::from(self.best_streak),
            Series::Steps => self.steps as f64,
            Series::FeltBetter => f64::from(self.felt_better),
            Series::BackAtIt => f64::from(self.back_at_it),
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
        Series::Streak => {
            let run = run_through(&tally.days, today)
                .max(today.pred_opt().map_or(0, |y| run_through(&tally.days, y)));
            let have = f64::from(run);
            (
                have / tier.at,
                plural(left(tier.at, have), "day in a row", "days in a row"),
            )
        }
        Series::Steps => {
            let have = tally.steps as f64;
            (have / tier.at, plural(left(tier.at, have), "step", "steps"))
        }
        Series::FeltBetter | Series::BackAtIt => (0.0, String::new()),
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
    let mut sorted: Vec<&WalkRecord> = walks.iter().filter(|w| counts(w)).collect();
    sort_by(&mut sorted, |a, b| {
        a.started_at.cmp(&b.started_at).then(a.id.cmp(&b.id))
    });
    let by_id: HashMap<&LoopId, &LoopRecord> = loops.iter().map(|l| (&l.id, l)).collect();

    let mut tally = Tally::default();
    // Index of the next unearned tier in each series.
    let mut reached = [0usize; Series::ALL.len()];
    let mut earned = Vec::new();
    for w in sorted {
        let lp = w.loop_id.as_ref().and_then(|id| by_id.get(id).copied());
        tally.add(w, lp, step_len_m);
        for (si, &s) in Series::ALL.iter().enumerate() {
            let have = tally.measure(s);
            while let Some(tier) = s.tiers().get(reached[si]) {
                if have < tier.at {
                    break;
                }
                earned.push(Earned {
                    id: tier.id,
                    series: s,
                    title: tier.title,
                    why: tier.why,
                    walk_id: w.id.clone(),
                    date: w.local_date(),
                });
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
                progress: if progress.is_finite() {
                    progress.clamp(0.0, 1.0)
                } else {
                    0.0
                },
                remaining_text,
            })
        })
        .collect();
    MilestoneReport { earned, next }
}

#[cfg(test)]
mod tests {
    use super::super::record::{LoopLength, Span, Steps};
    use super::*;
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
        x.rests.push(Span {
            at_s: 60.0,
            len_s: 20.0,
        });
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
            .find(|e| e.id == id)
            .map(|e| e.walk_id.0.clone())
    }

    fn next(r: &MilestoneReport, s: Series) -> Option<&NextUp> {
        r.next.iter().find(|n| n.series == s)
    }

    #[test]
    fn nothing_yet() {
        let r = report(&[], &[]);
        assert!(r.earned.is_empty());
        let first = nearest_next(&r, false).unwrap();
        assert_eq!(first.id, "first-walk");
        assert_eq!(first.remaining_text, "1 more walk");
        assert_eq!(first.progress, 0.0);
        // One per chaseable series, never "take a break" or "feel better".
        assert_eq!(r.next.len(), 8);
        assert!(next(&r, Series::BackAtIt).is_none());
        assert!(next(&r, Series::FeltBetter).is_none());
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
    fn day_streaks() {
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
    fn current_run_counts_until_yesterday() {
        let walks = [day("a", 0, 5.0), day("b", 1, 5.0)]; // Mon, Tue
                                                          // Wednesday, not walked yet today: the run is still alive.
        let r = compute(&walks, &[], 0.7, d("2026-03-04"));
        let n = next(&r, Series::Streak).unwrap();
        assert_eq!(n.remaining_text, "1 more day in a row");
        // Friday: the run has ended; start afresh, no fuss.
        let r = compute(&walks, &[], 0.7, d("2026-03-06"));
        let n = next(&r, Series::Streak).unwrap();
        assert_eq!(n.progress, 0.0);
        assert_eq!(n.remaining_text, "3 more days in a row");
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
            .earned
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
        assert_eq!(fresh, ["week-3", "streak-3", "back-at-it"]);
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
                "streak-3",
                "minutes-20"
            ]
        );
        let earners: Vec<&str> = r.earned.iter().map(|e| e.walk_id.0.as_str()).collect();
        assert_eq!(earners, ["a", "a", "b", "b", "c", "c", "d"]);
        let mut shuffled = walks.clone();
        shuffled.reverse();
        shuffled.swap(0, 2);
        assert_eq!(report(&shuffled, &[]), r);
    }

    #[test]
    fn nearest_next_is_the_highest_progress() {
        let r = report(&[day("a", 0, 9.0)], &[]);
        // minutes-10 is 90% there; the rest much less.
        let n = nearest_next(&r, false).unwrap();
        assert_eq!(n.id, "minutes-10");
        // During a flare-up, streak-type goals are not offered.
        assert!(nearest_next(&r, true).is_some_and(|n| !n.series.time_pressured()));
        for x in &r.next {
            assert!((0.0..=1.0).contains(&x.progress), "{x:?}");
            assert!(!x.remaining_text.is_empty());
        }
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
            }
            // Tiers increase.
            assert!(s.tiers().windows(2).all(|p| p[0].at < p[1].at));
        }
        assert!(Series::Streak.time_pressured());
        let r = report(&[day("a", 0, 5.0)], &[]);
        assert_eq!(r.next_shown(false).len(), r.next.len());
        let calm: Vec<Series> = r.next_shown(true).iter().map(|n| n.series).collect();
        assert_eq!(
            calm,
            [
                Series::Walks,
                Series::Continuous,
                Series::Loops,
                Series::NonStopLoop,
                Series::Steps
            ]
        );
        assert!(!Series::Steps.time_pressured());
    }
}
