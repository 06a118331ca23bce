//! The figures of the printable summary for a physiotherapist or doctor:
//! the walks of a period, their totals, back-or-leg pain week by week, the
//! flare-up and the walkers' own notes.

use chrono::{Days, NaiveDate};

use super::care::flare_ups;
use super::dates::day_month;
use super::history::week_start;
use super::pacing::FlareUp;
use super::record::WalkRecord;
use super::sort::sort_by;
use super::store::Store;
use super::text::fixed;

/// Average back-or-leg pain of one week's walks.
#[derive(Debug, Clone, PartialEq)]
pub struct PainWeek {
    /// Monday of the week.
    pub week_start: NaiveDate,
    /// Average pain before walks (0-10), if recorded.
    pub before: Option<f64>,
    /// Average pain after walks (0-10), if recorded.
    pub after: Option<f64>,
}

fn avg(v: &[f64]) -> Option<f64> {
    (!v.is_empty()).then(|| v.iter().sum::<f64>() / v.len() as f64)
}

/// Whole minutes of a number of seconds (0 for nonsense values).
pub fn mins(s: f64) -> u32 {
    if s.is_finite() && s > 0.0 {
        (s / 60.0).round() as u32
    } else {
        0
    }
}

/// Weekly pain averages for the `weeks` weeks ending with the week of `end`.
pub fn pain_weeks(walks: &[WalkRecord], end: NaiveDate, weeks: u32) -> Vec<PainWeek> {
    let last = week_start(end);
    (0..weeks)
        .rev()
        .filter_map(|i| last.checked_sub_days(Days::new(7 * u64::from(i))))
        .map(|ws| {
            let we = ws + Days::new(7);
            let mine: Vec<&WalkRecord> = walks
                .iter()
                .filter(|w| (ws..we).contains(&w.local_date()))
                .collect();
            let b: Vec<f64> = mine
                .iter()
                .filter_map(|w| w.pain_before.map(f64::from))
                .collect();
            let a: Vec<f64> = mine
                .iter()
                .filter_map(|w| w.pain_after.map(f64::from))
                .collect();
            PainWeek {
                week_start: ws,
                before: avg(&b),
                after: avg(&a),
            }
        })
        .collect()
}

/// A plain sentence about the pain trend.
pub fn pain_trend(weeks: &[PainWeek]) -> String {
    let scored: Vec<(NaiveDate, f64)> = weeks
        .iter()
        .filter_map(|w| w.after.or(w.before).map(|v| (w.week_start, v)))
        .collect();
    match (scored.first(), scored.last()) {
        (Some(f), Some(l)) if scored.len() >= 2 => format!(
            "Average back or leg pain around walks was {} out of 10 in the week of {} and {} in the week of {}.",
            fixed(f.1, 1),
            day_month(f.0),
            fixed(l.1, 1),
            day_month(l.0)
        ),
        (Some(f), _) => format!(
            "Average back or leg pain around walks: {} out of 10 (one week with scores).",
            fixed(f.1, 1)
        ),
        _ => "No pain scores were recorded in this period.".to_string(),
    }
}

/// A walk's own note, with its day.
#[derive(Debug, Clone, PartialEq)]
pub struct WalkNote {
    /// The walk's local day.
    pub date: NaiveDate,
    /// The note as written.
    pub text: String,
}

/// What the summary shows for a period.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    /// First day of the period (a Monday).
    pub from: NaiveDate,
    /// Last day (the day it was prepared).
    pub to: NaiveDate,
    /// The walks in the period, newest first.
    pub walks: Vec<WalkRecord>,
    /// Pain week by week, oldest first.
    pub pain: Vec<PainWeek>,
    /// Minutes of walking in all.
    pub total_min: u32,
    /// Steps in all.
    pub steps: u64,
    /// The longest stretch without a rest, minutes.
    pub longest_min: u32,
    /// Walks with no rest stop.
    pub non_stop: usize,
    /// Flare-ups ("My back is bad today") touching the period.
    pub flare_ups: Vec<FlareUp>,
    /// The walks' notes in the period, oldest first.
    pub notes: Vec<WalkNote>,
}

/// The summary of the `weeks` weeks up to `to`.
pub fn summarise(store: &Store, weeks: u32, to: NaiveDate) -> Summary {
    let from = week_start(to)
        .checked_sub_days(Days::new(7 * u64::from(weeks.saturating_sub(1))))
        .unwrap_or(to);
    let mut walks: Vec<WalkRecord> = store
        .walks
        .iter()
        .filter(|w| (from..=to).contains(&w.local_date()))
        .cloned()
        .collect();
    sort_by(&mut walks, |a, b| b.started_at.cmp(&a.started_at));
    let end = to + Days::new(1);
    let flares = flare_ups(&store.settings)
        .into_iter()
        .filter(|f| f.start < end && from < f.end())
        .collect();
    let notes = walks
        .iter()
        .rev()
        .filter_map(|w| {
            let text = w.note.as_deref()?.trim();
            (!text.is_empty()).then(|| WalkNote {
                date: w.local_date(),
                text: text.to_string(),
            })
        })
        .collect();
    Summary {
        from,
        to,
        total_min: walks.iter().map(|w| mins(w.active_s)).sum(),
        steps: walks.iter().map(|w| u64::from(w.steps.0)).sum(),
        longest_min: walks
            .iter()
            .map(|w| mins(w.longest_nonstop_s))
            .max()
            .unwrap_or(0),
        non_stop: walks.iter().filter(|w| w.non_stop()).count(),
        pain: pain_weeks(&store.walks, to, weeks),
        walks,
        flare_ups: flares,
        notes,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::record::{StepSource, Steps, WalkId};

    fn walk(day: &str, before: Option<u8>, after: Option<u8>) -> WalkRecord {
        WalkRecord {
            id: WalkId(day.into()),
            started_at: format!("{day}T18:00:00Z").parse().unwrap(),
            utc_offset_min: 0,
            duration_s: 600.0,
            active_s: 600.0,
            steps: Steps(800),
            source: StepSource::Sensor,
            loop_id: None,
            rests: vec![],
            gaps: vec![],
            longest_nonstop_s: 600.0,
            pain_before: before,
            pain_after: after,
            edited: false,
            note: None,
        }
    }

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn pain_is_averaged_per_week_and_told_plainly() {
        // 2026-11-02 and 2026-11-23 are Mondays.
        let walks = vec![
            walk("2026-11-03", Some(6), Some(5)),
            walk("2026-11-05", Some(6), Some(4)),
            walk("2026-11-24", Some(3), Some(2)),
        ];
        let weeks = pain_weeks(&walks, d("2026-11-25"), 4);
        assert_eq!(weeks.len(), 4);
        assert_eq!(weeks[0].week_start.to_string(), "2026-11-02");
        assert_eq!(weeks[0].after, Some(4.5));
        assert_eq!(weeks[1].after, None);
        assert_eq!(weeks[3].before, Some(3.0));
        let text = pain_trend(&weeks);
        assert!(text.contains("back or leg pain"), "{text}");
        assert!(
            text.contains("4.5 out of 10 in the week of 2 Nov"),
            "{text}"
        );
        assert!(text.contains("2.0 in the week of 23 Nov"), "{text}");
        assert_eq!(
            pain_trend(&pain_weeks(&[], d("2026-11-25"), 4)),
            "No pain scores were recorded in this period."
        );
    }

    #[test]
    fn the_summary_has_totals_flare_up_dates_and_walk_notes() {
        let mut store = Store::new();
        let mut a = walk("2026-11-03", Some(4), Some(5));
        a.note = Some("  Left leg ached after the hill ".into());
        let mut b = walk("2026-11-20", None, None);
        b.rests.push(crate::domain::record::Span::new(100.0, 30.0));
        b.longest_nonstop_s = 300.0;
        b.note = Some("   ".into());
        let old = walk("2026-09-01", None, None);
        for w in [a, b, old] {
            store.add_walk(w).unwrap();
        }
        store.settings.flare_up_until = Some(d("2026-11-12"));
        let s = summarise(&store, 4, d("2026-11-25"));
        assert_eq!(s.from, d("2026-11-02"));
        assert_eq!(s.walks.len(), 2, "the September walk is outside");
        assert_eq!(s.walks[0].id.0, "2026-11-20", "newest first");
        assert_eq!(
            (s.total_min, s.steps, s.longest_min, s.non_stop),
            (20, 1600, 10, 1)
        );
        assert_eq!(
            s.notes,
            [WalkNote {
                date: d("2026-11-03"),
                text: "Left leg ached after the hill".into()
            }]
        );
        assert_eq!(s.flare_ups.len(), 1);
        assert_eq!(s.flare_ups[0].start, d("2026-11-10"));
        // A flare-up before the period is left out.
        store.settings.flare_up_until = Some(d("2026-10-01"));
        assert!(summarise(&store, 4, d("2026-11-25")).flare_ups.is_empty());
    }
}
