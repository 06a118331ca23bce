//! A printable walking summary for a physiotherapist or doctor
//! (`#/settings/report`).

use leptos::prelude::*;

use crate::domain::text::fixed;

use crate::domain::dates::{day_month_year, weekday_day_month};
use crate::domain::report::{mins, pain_trend, summarise};
use crate::ui::care::pain_chart::PainChart;
use crate::ui::care::plan_chart::PlanChart;
use crate::ui::care::{plan_for, today};
use crate::ui::loops::thousands;
use crate::ui::state::app_state;

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
        let (total_min, steps, longest, non_stop) =
            (s.total_min, s.steps, s.longest_min, s.non_stop);
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
                            {weekday_day_month(w.local_start().date_naive())}
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
        let flares = if s.flare_ups.is_empty() {
            "No flare-ups were noted in this period.".to_string()
        } else {
            s.flare_ups
                .iter()
                .map(|f| {
                    let last = f.end().pred_opt().unwrap_or(f.start);
                    format!(
                        "Flare-up (\u{201c}My back is bad today\u{201d}): {} to {}.",
                        weekday_day_month(f.start),
                        weekday_day_month(last)
                    )
                })
                .collect::<Vec<_>>()
                .join(" ")
        };
        let notes = s
            .notes
            .iter()
            .map(|n| view! { <li><strong>{weekday_day_month(n.date)}": "</strong>{n.text.clone()}</li> })
            .collect_view();
        let has_notes = !s.notes.is_empty();
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
                    <li><strong>{format!("{} km", fixed(km, 1))}</strong>{format!("about {} steps", thousands(steps))}</li>
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
                <h3 id="report-pain">"Back or leg pain (0 to 10)"</h3>
                <p>{trend.clone()}</p>
                <PainChart weeks=s.pain.clone() label=trend/>
                <p class="report-flares">{flares}</p>
            </section>
            {has_notes.then(|| view! {
                <section class="report-section" aria-labelledby="report-notes">
                    <h3 id="report-notes">"The walker's notes"</h3>
                    <ul class="report-notes">{notes}</ul>
                </section>
            })}
            <section class="report-section" aria-labelledby="report-walks">
                <h3 id="report-walks">"Walks"</h3>
                {if empty {
                    view! { <p class="muted">"No walks in this period."</p> }.into_any()
                } else {
                    view! {
                        <div class="table-wrap" tabindex="0" role="region" aria-label="Table of walks (scrolls sideways)">
                            <table class="report-table">
                                <caption class="small muted">
                                    "Min: minutes walking. Non-stop: longest stretch without a rest, in minutes. Pain: back or leg pain before to after the walk, 0 to 10."
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

    // A button choosing the period, pressed while it is shown.
    let period = move |n: u32| {
        view! {
            <button
                type="button"
                class="btn"
                aria-pressed=move || if weeks.get() == n { "true" } else { "false" }
                on:click=move |_| weeks.set(n)
            >
                {format!("{n} weeks")}
            </button>
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
                {period(4)}
                {period(8)}
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
