//! A printable walking summary for a physiotherapist or doctor
//! (`#/settings/report`).

use chrono::{Days, NaiveDate};
use leptos::prelude::*;

use crate::domain::dates::day_month_year;
use crate::domain::history::week_start;
use crate::domain::record::WalkRecord;
use crate::domain::sort::sort_by;
use crate::domain::store::Store;
use crate::ui::care::pain_chart::{PainChart, PainWeek};
use crate::ui::care::plan_chart::PlanChart;
use crate::ui::care::{plan_for, today};
use crate::ui::loops::thousands;
use crate::ui::state::app_state;

fn avg(v: &[f64]) -> Option<f64> {
    (!v.is_empty()).then(|| v.iter().sum::<f64>() / v.len() as f64)
}

fn mins(s: f64) -> u32 {
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
            "Average pain around walks was {:.1} out of 10 in the week of {} and {:.1} in the week of {}.",
            f.1,
            crate::domain::dates::day_month(f.0),
            l.1,
            crate::domain::dates::day_month(l.0)
        ),
        (Some(f), _) => format!(
            "Average pain around walks: {:.1} out of 10 (one week with scores).",
            f.1
        ),
        _ => "No pain scores were recorded in this period.".to_string(),
    }
}

struct Summary {
    from: NaiveDate,
    to: NaiveDate,
    walks: Vec<WalkRecord>,
    pain: Vec<PainWeek>,
}

fn summarise(store: &Store, weeks: u32, to: NaiveDate) -> Summary {
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
    Summary {
        from,
        to,
        walks,
        pain: pain_weeks(&store.walks, to, weeks),
    }
}

fn print_page() {
    if let Some(w) = web_sys::window() {
        // Printing can fail (e.g. blocked in an embedded view); nothing to undo.
        let _ = w.print();
    }
}

/// The printable summary: the last 4 or 8 weeks of walks (chart and
/// table), the plan's progress and the pain trend, with a "Print or save as
/// PDF" button. Print CSS hides the app's chrome.
#[component]
pub fn CareReport() -> impl IntoView {
    let state = app_state();
    let weeks = RwSignal::new(4u32);
    let day = today();
    let plan = Memo::new(move |_| state.store.with(|s| plan_for(s, day)));
    let step_len = Memo::new(move |_| state.store.with(|s| s.settings.step_length_m()));

    let body = move || {
        let n = weeks.get();
        let s = state.store.with(|st| summarise(st, n, day));
        let plan_weeks: Vec<_> = plan.with(|p| {
            p.weeks
                .iter()
                .filter(|w| w.week_start >= s.from)
                .cloned()
                .collect()
        });
        let total_min: u32 = s.walks.iter().map(|w| mins(w.active_s)).sum();
        let steps: u64 = s.walks.iter().map(|w| u64::from(w.steps.0)).sum();
        let longest = s
            .walks
            .iter()
            .map(|w| mins(w.longest_nonstop_s))
            .max()
            .unwrap_or(0);
        let non_stop = s.walks.iter().filter(|w| w.non_stop()).count();
        let met = plan_weeks.iter().filter(|w| w.met).count();
        let cur = plan.with(|p| p.current.clone());
        let trend = pain_trend(&s.pain);
        let km = steps as f64 * step_len.get() / 1000.0;
        let rows = s
            .walks
            .iter()
            .map(|w| {
                let loop_name = state
                    .store
                    .with(|st| st.loop_name(w).map(str::to_string))
                    .unwrap_or_else(|| "-".to_string());
                let pain = match (w.pain_before, w.pain_after) {
                    (None, None) => "-".to_string(),
                    (b, a) => format!(
                        "{} to {}",
                        b.map_or("?".to_string(), |v| v.to_string()),
                        a.map_or("?".to_string(), |v| v.to_string())
                    ),
                };
                view! {
                    <tr>
                        <td class="date">
                            {crate::domain::dates::weekday_day_month(w.local_start().date_naive())}
                            <span class="time">{crate::domain::dates::hh_mm(&w.local_start())}</span>
                        </td>
                        <td class="num">{mins(w.active_s)}</td>
                        <td class="num">{w.steps.0}</td>
                        <td class="num">{mins(w.longest_nonstop_s)}</td>
                        <td class="num">{pain}</td>
                        <td class="loop">{loop_name}</td>
                    </tr>
                }
            })
            .collect_view();
        let empty = s.walks.is_empty();
        view! {
            <p class="report-period">
                {format!("{} to {} ({n} weeks). Prepared {}.", day_month_year(s.from), day_month_year(s.to), day_month_year(day))}
            </p>
            <section class="report-section" aria-labelledby="report-totals">
                <h3 id="report-totals">"In short"</h3>
                <ul class="report-stats">
                    <li><strong>{s.walks.len()}</strong>" walks"</li>
                    <li><strong>{total_min}</strong>" minutes of walking"</li>
                    <li><strong>{longest}</strong>" minutes: longest without stopping"</li>
                    <li><strong>{non_stop}</strong>" walks with no rest stop"</li>
                    <li><strong>{format!("{km:.1} km")}</strong>{format!("about {} steps", thousands(steps))}</li>
                </ul>
            </section>
            <section class="report-section" aria-labelledby="report-plan">
                <h3 id="report-plan">"Gradual walking plan"</h3>
                <p>
                    {format!(
                        "Target reached in {met} of {} weeks. This week's target: {} minutes ({} walks of about {} minutes); {} done so far. Long-term aim: {} minutes a week.",
                        plan_weeks.len(),
                        cur.target_min,
                        cur.walks_planned,
                        cur.per_walk_min,
                        cur.done_min,
                        plan.with(|p| p.aim_min)
                    )}
                </p>
                <PlanChart weeks=plan_weeks/>
            </section>
            <section class="report-section" aria-labelledby="report-pain">
                <h3 id="report-pain">"Pain (0 to 10)"</h3>
                <p>{trend.clone()}</p>
                <PainChart weeks=s.pain.clone() label=trend/>
            </section>
            <section class="report-section" aria-labelledby="report-walks">
                <h3 id="report-walks">"Walks"</h3>
                {if empty {
                    view! { <p class="muted">"No walks in this period."</p> }.into_any()
                } else {
                    view! {
                        <div class="table-wrap" tabindex="0" role="region" aria-label="Table of walks (scrolls sideways)">
                            <table class="report-table">
                                <caption class="small muted">
                                    "Min: minutes walking. Non-stop: longest stretch without a rest, in minutes. Pain: before to after the walk, 0 to 10."
                                </caption>
                                <thead>
                                    <tr>
                                        <th scope="col">"Date"</th>
                                        <th scope="col" class="num">"Min"</th>
                                        <th scope="col" class="num">"Steps"</th>
                                        <th scope="col" class="num">"Non-stop"</th>
                                        <th scope="col" class="num">"Pain"</th>
                                        <th scope="col">"Loop"</th>
                                    </tr>
                                </thead>
                                <tbody>{rows}</tbody>
                            </table>
                        </div>
                    }
                    .into_any()
                }}
            </section>
        }
    };

    view! {
        <article class="subpage report" aria-labelledby="report-title">
            <a class="back-link no-print" href="#/settings">"Back to settings"</a>
            <h2 id="report-title">"Walking summary"</h2>
            <p class="muted small no-print">
                "A summary of your walks to show a physiotherapist or doctor. Print it, or save it as a PDF to send."
            </p>
            <div class="actions no-print" role="group" aria-label="Period">
                <button
                    type="button"
                    class="btn"
                    aria-pressed=move || if weeks.get() == 4 { "true" } else { "false" }
                    on:click=move |_| weeks.set(4)
                >
                    "4 weeks"
                </button>
                <button
                    type="button"
                    class="btn"
                    aria-pressed=move || if weeks.get() == 8 { "true" } else { "false" }
                    on:click=move |_| weeks.set(8)
                >
                    "8 weeks"
                </button>
                <button type="button" class="btn primary" data-action="print" on:click=move |_| print_page()>
                    "Print or save as PDF"
                </button>
            </div>
            {body}
            <p class="muted small report-foot">
                "From Loopwalk, a walking companion app. Steps are counted by the phone and are estimates; distances use the walker's step length."
            </p>
        </article>
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

    #[test]
    fn pain_is_averaged_per_week_and_told_plainly() {
        // 2026-11-02 and 2026-11-23 are Mondays.
        let walks = vec![
            walk("2026-11-03", Some(6), Some(5)),
            walk("2026-11-05", Some(6), Some(4)),
            walk("2026-11-24", Some(3), Some(2)),
        ];
        let weeks = pain_weeks(&walks, "2026-11-25".parse().unwrap(), 4);
        assert_eq!(weeks.len(), 4);
        assert_eq!(weeks[0].week_start.to_string(), "2026-11-02");
        assert_eq!(weeks[0].after, Some(4.5));
        assert_eq!(weeks[1].after, None);
        assert_eq!(weeks[3].before, Some(3.0));
        let text = pain_trend(&weeks);
        assert!(
            text.contains("4.5 out of 10 in the week of 2 Nov"),
            "{text}"
        );
        assert!(text.contains("2.0 in the week of 23 Nov"), "{text}");
        assert_eq!(
            pain_trend(&pain_weeks(&[], "2026-11-25".parse().unwrap(), 4)),
            "No pain scores were recorded in this period."
        );
    }
}
