//! History views and statistics, in the walker's own calendar.
//!
//! Every walk belongs to the local day (and ISO week, Monday first) given by
//! the UTC offset stored with it ([`WalkRecord::local_date`]), so a walk
//! keeps its day after a DST change or travel.

use std::collections::BTreeMap;

use chrono::{DateTime, Datelike, Duration, IsoWeek, NaiveDate, Utc};

use super::record::{WalkId, WalkRecord};
use crate::domain::sort::sort_by;

/// Totals over a set of walks.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Totals {
    /// Number of walks.
    pub walks: u32,
    /// Steps summed.
    pub steps: u64,
    /// Active (walking) seconds summed; see [`Totals::active_min`].
    pub active_s: f64,
    /// Walks during which motion delivery was interrupted.
    pub interrupted: u32,
}

impl Totals {
    /// Add one walk.
    pub fn add(&mut self, w: &WalkRecord) {
        self.walks += 1;
        self.steps += u64::from(w.steps.0);
        if w.active_s.is_finite() && w.active_s > 0.0 {
            self.active_s += w.active_s;
        }
        self.interrupted += u32::from(w.interrupted());
    }

    /// Totals of some walks.
    pub fn of<'a>(walks: impl IntoIterator<Item = &'a WalkRecord>) -> Self {
        let mut t = Totals::default();
        for w in walks {
            t.add(w);
        }
        t
    }

    /// Active minutes.
    pub fn active_min(&self) -> f64 {
        self.active_s / 60.0
    }
}

/// The walks of one local day.
#[derive(Debug, Clone, PartialEq)]
pub struct DayGroup {
    pub date: NaiveDate,
    /// Newest first.
    pub walks: Vec<WalkRecord>,
    pub totals: Totals,
}

/// The walks of one ISO week (Monday to Sunday, local days).
#[derive(Debug, Clone, PartialEq)]
pub struct WeekGroup {
    /// The Monday starting the week.
    pub week_start: NaiveDate,
    /// ISO year and week number (e.g. 2026-W13).
    pub iso_week: IsoWeek,
    /// Days with walks, newest first.
    pub days: Vec<DayGroup>,
    pub totals: Totals,
}

/// The Monday of the ISO week containing `date`.
pub fn week_start(date: NaiveDate) -> NaiveDate {
    // Checked: at chrono's first day there is no Monday before it.
    date.checked_sub_days(chrono::Days::new(u64::from(
        date.weekday().num_days_from_monday(),
    )))
    .unwrap_or(date)
}

fn newest_first(a: &WalkRecord, b: &WalkRecord) -> std::cmp::Ordering {
    (b.started_at, &b.id).cmp(&(a.started_at, &a.id))
}

/// Walks grouped by local day, newest day first, newest walk first within a
/// day. Days without walks are omitted.
pub fn by_day(walks: &[WalkRecord]) -> Vec<DayGroup> {
    let mut days: BTreeMap<NaiveDate, Vec<WalkRecord>> = BTreeMap::new();
    for w in walks {
        days.entry(w.local_date()).or_default().push(w.clone());
    }
    days.into_iter()
        .rev()
        .map(|(date, mut walks)| {
            sort_by(&mut walks, newest_first);
            let totals = Totals::of(&walks);
            DayGroup {
                date,
                walks,
                totals,
            }
        })
        .collect()
}

/// Walks grouped by ISO week (Monday start), newest week first, each with
/// its days (newest first). Weeks without walks are omitted.
pub fn by_week(walks: &[WalkRecord]) -> Vec<WeekGroup> {
    let mut weeks: Vec<WeekGroup> = Vec::new();
    for day in by_day(walks) {
        let start = week_start(day.date);
        match weeks.last_mut() {
            Some(wk) if wk.week_start == start => {
                wk.totals.walks += day.totals.walks;
                wk.totals.steps += day.totals.steps;
                wk.totals.active_s += day.totals.active_s;
                wk.totals.interrupted += day.totals.interrupted;
                wk.days.push(day);
            }
            _ => weeks.push(WeekGroup {
                week_start: start,
                iso_week: day.date.iso_week(),
                totals: day.totals,
                days: vec![day],
            }),
        }
    }
    weeks
}

/// Walks grouped as [`by_week`], only those of the weeks from the Monday
/// `first` to the Monday `last` (inclusive). Only these walks are copied, so
/// showing a few weeks of a long history costs a few weeks' work.
pub fn by_week_between(walks: &[WalkRecord], first: NaiveDate, last: NaiveDate) -> Vec<WeekGroup> {
    let in_range: Vec<WalkRecord> = walks
        .iter()
        .filter(|w| {
            let ws = week_start(w.local_date());
            ws >= first && ws <= last
        })
        .cloned()
        .collect();
    by_week(&in_range)
}

/// Which weeks and months of the calendar have walks: the index a long
/// history is paged and jumped through, without grouping every walk.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct WalkCalendar {
    /// Mondays of the weeks with walks, newest first.
    pub weeks: Vec<NaiveDate>,
    /// First days of the months with walks, newest first.
    pub months: Vec<NaiveDate>,
}

impl WalkCalendar {
    /// The calendar of some walks (by each walk's local date).
    pub fn of(walks: &[WalkRecord]) -> Self {
        let mut weeks = Vec::new();
        let mut months = Vec::new();
        for w in walks {
            let d = w.local_date();
            weeks.push(week_start(d));
            months.push(first_of_month(d));
        }
        for v in [&mut weeks, &mut months] {
            sort_by(v, |a, b| b.cmp(a));
            v.dedup();
        }
        WalkCalendar { weeks, months }
    }

    /// The Mondays of the first and last week touching the month starting on
    /// `first_day`: the range [`by_week_between`] takes to show that month.
    pub fn month_weeks(first_day: NaiveDate) -> (NaiveDate, NaiveDate) {
        let next = first_day
            .checked_add_months(chrono::Months::new(1))
            .unwrap_or(first_day);
        let last_day = next.pred_opt().unwrap_or(first_day);
        (week_start(first_day), week_start(last_day))
    }
}

/// The first day of `d`'s month.
pub fn first_of_month(d: NaiveDate) -> NaiveDate {
    d.with_day(1).unwrap_or(d)
}

/// Longest series [`steps_per_day`] and [`active_minutes_per_week`] build
/// (longer requests are cut to this many entries).
pub const MAX_SPAN: u32 = 10_000;

/// Steps of one local day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DaySteps {
    pub date: NaiveDate,
    pub steps: u64,
}

/// Steps per local day for the `days` days ending on `end` (inclusive),
/// oldest first, zeros included.
pub fn steps_per_day(walks: &[WalkRecord], end: NaiveDate, days: u32) -> Vec<DaySteps> {
    let days = days.min(MAX_SPAN);
    let Some(first) = end.checked_sub_signed(Duration::days(i64::from(days) - 1)) else {
        return Vec::new();
    };
    let mut out: Vec<DaySteps> = first
        .iter_days()
        .take(days as usize)
        .map(|date| DaySteps { date, steps: 0 })
        .collect();
    for w in walks {
        let d = w.local_date();
        if d >= first && d <= end {
            if let Some(slot) = usize::try_from((d - first).num_days())
                .ok()
                .and_then(|i| out.get_mut(i))
            {
                slot.steps += u64::from(w.steps.0);
            }
        }
    }
    out
}

/// Steps per day for the 30 days ending on `end`, oldest first.
pub fn steps_last_30_days(walks: &[WalkRecord], end: NaiveDate) -> Vec<DaySteps> {
    steps_per_day(walks, end, 30)
}

/// Active minutes of one ISO week.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WeekMinutes {
    /// The Monday starting the week.
    pub week_start: NaiveDate,
    pub active_min: f64,
}

/// Active minutes per ISO week for the last `weeks` weeks, oldest first; the
/// last entry is the week containing `end`. Zeros included.
pub fn active_minutes_per_week(
    walks: &[WalkRecord],
    end: NaiveDate,
    weeks: u32,
) -> Vec<WeekMinutes> {
    let weeks = weeks.min(MAX_SPAN);
    let last = week_start(end);
    let Some(first) = last.checked_sub_signed(Duration::weeks(i64::from(weeks) - 1)) else {
        return Vec::new();
    };
    let mut out: Vec<WeekMinutes> = (0..weeks)
        .filter_map(|i| first.checked_add_signed(Duration::weeks(i64::from(i))))
        .map(|week_start| WeekMinutes {
            week_start,
            active_min: 0.0,
        })
        .collect();
    for w in walks {
        let ws = week_start(w.local_date());
        if ws >= first && ws <= last && w.active_s.is_finite() && w.active_s > 0.0 {
            let i = (ws - first).num_days() / 7;
            if let Some(slot) = usize::try_from(i).ok().and_then(|i| out.get_mut(i)) {
                slot.active_min += w.active_s / 60.0;
            }
        }
    }
    out
}

/// Pain recorded around one walk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PainPoint {
    pub walk: WalkId,
    pub started_at: DateTime<Utc>,
    /// Local day of the walk.
    pub date: NaiveDate,
    pub before: Option<u8>,
    pub after: Option<u8>,
}

/// Pain before/after for every walk with at least one score, oldest first.
pub fn pain_series(walks: &[WalkRecord]) -> Vec<PainPoint> {
    let mut out: Vec<PainPoint> = walks
        .iter()
        .filter(|w| w.pain_before.is_some() || w.pain_after.is_some())
        .map(|w| PainPoint {
            walk: w.id.clone(),
            started_at: w.started_at,
            date: w.local_date(),
            before: w.pain_before,
            after: w.pain_after,
        })
        .collect();
    sort_by(&mut out, |a, b| {
        (a.started_at, &a.walk).cmp(&(b.started_at, &b.walk))
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::record::Span;
    use crate::domain::store::test_support::walk;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn groups_by_local_day_newest_first_with_totals() {
        let mut gap = walk("c", "2026-03-03T18:00:00Z", 0, 700);
        gap.gaps.push(Span::new(10.0, 5.0));
        let walks = vec![
            walk("a", "2026-03-02T08:00:00Z", 0, 1000),
            walk("b", "2026-03-03T08:00:00Z", 0, 500),
            gap,
        ];
        let days = by_day(&walks);
        assert_eq!(days.len(), 2);
        assert_eq!(days[0].date, d(2026, 3, 3));
        assert_eq!(days[0].walks[0].id.0, "c");
        assert_eq!(days[0].totals.walks, 2);
        assert_eq!(days[0].totals.steps, 1200);
        assert_eq!(days[0].totals.interrupted, 1);
        assert!((days[0].totals.active_min() - 28.0).abs() < 1e-9);
        assert_eq!(days[1].date, d(2026, 3, 2));
    }

    /// Europe/London moves from GMT (+0) to BST (+60) at 01:00 UTC on
    /// Sunday 2026-03-29.
    #[test]
    fn dst_change_follows_the_offset_stored_with_each_walk() {
        let walks = vec![
            // Saturday 23:30 GMT.
            walk("sat", "2026-03-28T23:30:00Z", 0, 100),
            // Sunday 00:30 GMT, just before the change.
            walk("sun-early", "2026-03-29T00:30:00Z", 0, 200),
            // Sunday 23:30 UTC is already Monday 00:30 BST: next ISO week.
            walk("mon", "2026-03-29T23:30:00Z", 60, 400),
        ];
        let days = by_day(&walks);
        let dates: Vec<_> = days.iter().map(|g| g.date).collect();
        assert_eq!(dates, [d(2026, 3, 30), d(2026, 3, 29), d(2026, 3, 28)]);

        let weeks = by_week(&walks);
        assert_eq!(weeks.len(), 2);
        assert_eq!(weeks[0].week_start, d(2026, 3, 30));
        assert_eq!(weeks[0].totals.steps, 400);
        assert_eq!(weeks[1].week_start, d(2026, 3, 23));
        assert_eq!(weeks[1].iso_week.week(), 13);
        assert_eq!(weeks[1].totals.steps, 300);
        assert_eq!(weeks[1].days.len(), 2);

        let per_day = steps_per_day(&walks, d(2026, 3, 30), 3);
        let steps: Vec<_> = per_day.iter().map(|s| s.steps).collect();
        assert_eq!(steps, [100, 200, 400]);
    }

    /// A walker flies from Tokyo (UTC+9) to New York (UTC-5).
    #[test]
    fn time_zone_change_follows_the_offset_stored_with_each_walk() {
        let walks = vec![
            // 05:00 on Tuesday 5 May in Tokyo.
            walk("tokyo", "2026-05-04T20:00:00Z", 540, 3000),
            // Seven hours later in UTC, but 22:00 on Monday 4 May in New York.
            walk("nyc", "2026-05-05T03:00:00Z", -300, 2000),
        ];
        let days = by_day(&walks);
        assert_eq!(days[0].date, d(2026, 5, 5));
        assert_eq!(days[0].walks[0].id.0, "tokyo");
        assert_eq!(days[1].date, d(2026, 5, 4));
        assert_eq!(days[1].walks[0].id.0, "nyc");
        // Monday 4 May starts ISO week 19; both are in it.
        let weeks = by_week(&walks);
        assert_eq!(weeks.len(), 1);
        assert_eq!(weeks[0].week_start, d(2026, 5, 4));
        assert_eq!(weeks[0].totals.steps, 5000);
        let per_day = steps_per_day(&walks, d(2026, 5, 5), 2);
        assert_eq!(per_day[0].steps, 2000);
        assert_eq!(per_day[1].steps, 3000);
    }

    #[test]
    fn a_long_history_is_indexed_by_week_and_month_newest_first() {
        let walks = vec![
            walk("a", "2026-01-30T10:00:00Z", 0, 100), // Fri, week of 26 Jan
            walk("b", "2026-02-01T10:00:00Z", 0, 200), // Sun, same week
            walk("c", "2026-02-02T10:00:00Z", 0, 400), // Mon, week of 2 Feb
            walk("d", "2026-03-15T10:00:00Z", 0, 800), // Sun, week of 9 Mar
        ];
        let cal = WalkCalendar::of(&walks);
        assert_eq!(cal.weeks, [d(2026, 3, 9), d(2026, 2, 2), d(2026, 1, 26)]);
        assert_eq!(cal.months, [d(2026, 3, 1), d(2026, 2, 1), d(2026, 1, 1)]);

        // February: its first week starts on 26 Jan, its last on 23 Feb.
        let (first, last) = WalkCalendar::month_weeks(d(2026, 2, 1));
        assert_eq!((first, last), (d(2026, 1, 26), d(2026, 2, 23)));
        let feb = by_week_between(&walks, first, last);
        assert_eq!(feb.len(), 2);
        assert_eq!(feb[0].week_start, d(2026, 2, 2));
        assert_eq!(feb[1].totals.steps, 300, "the whole week, January included");
        assert_eq!(feb, by_week(&walks[..3]));
        let (first, last) = WalkCalendar::month_weeks(d(2026, 12, 1));
        assert_eq!((first, last), (d(2026, 11, 30), d(2026, 12, 28)));
    }

    #[test]
    fn thirty_days_include_zeros_and_end_on_the_given_date() {
        let walks = vec![
            walk("old", "2026-01-01T10:00:00Z", 0, 9999),
            walk("a", "2026-03-01T10:00:00Z", 0, 100),
            walk("b", "2026-03-01T15:00:00Z", 0, 50),
            walk("c", "2026-03-30T10:00:00Z", 0, 70),
            walk("future", "2026-04-01T10:00:00Z", 0, 9999),
        ];
        let s = steps_last_30_days(&walks, d(2026, 3, 30));
        assert_eq!(s.len(), 30);
        assert_eq!(s[0].date, d(2026, 3, 1));
        assert_eq!(s[0].steps, 150);
        assert_eq!(s[29].date, d(2026, 3, 30));
        assert_eq!(s[29].steps, 70);
        assert_eq!(s.iter().map(|x| x.steps).sum::<u64>(), 220);
        assert!(steps_per_day(&walks, d(2026, 3, 30), 0).is_empty());
    }

    #[test]
    fn active_minutes_per_week_oldest_first() {
        let walks = vec![
            walk("a", "2026-03-16T10:00:00Z", 0, 1), // week of 16 Mar, 14 min
            walk("b", "2026-03-29T10:00:00Z", 0, 1), // Sunday, week of 23 Mar
            walk("c", "2026-03-30T10:00:00Z", 0, 1), // week of 30 Mar
        ];
        let w = active_minutes_per_week(&walks, d(2026, 4, 1), 4);
        let starts: Vec<_> = w.iter().map(|x| x.week_start).collect();
        assert_eq!(
            starts,
            [
                d(2026, 3, 9),
                d(2026, 3, 16),
                d(2026, 3, 23),
                d(2026, 3, 30)
            ]
        );
        let mins: Vec<_> = w.iter().map(|x| x.active_min).collect();
        assert_eq!(mins, [0.0, 14.0, 14.0, 14.0]);
    }

    #[test]
    fn pain_series_skips_walks_without_scores() {
        let mut a = walk("a", "2026-03-02T08:00:00Z", 0, 1);
        a.pain_before = Some(6);
        a.pain_after = Some(4);
        let b = walk("b", "2026-03-01T08:00:00Z", 0, 1);
        let mut c = walk("c", "2026-03-01T07:00:00Z", 0, 1);
        c.pain_after = Some(5);
        let s = pain_series(&[a, b, c]);
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].walk.0, "c");
        assert_eq!((s[1].before, s[1].after), (Some(6), Some(4)));
    }
}
