//! The Milestones screen, with its sub-pages "Your loops"
//! (`#/milestones/loops`) and "Your plan" (`#/milestones/plan`).

use leptos::prelude::*;

use crate::domain::milestones::next_shown;
use crate::ui::care::plan_view::PlanView;
use crate::ui::care::streaks_paused;
use crate::ui::care::tip_card::TipCard;
use crate::ui::care::weekly_target::WeeklyTargetCard;
use crate::ui::loops::loops_summary::LoopsSummary;
use crate::ui::loops::loops_view::LoopsView;
use crate::ui::milestones::earned_list::EarnedList;
use crate::ui::milestones::next_list::NextList;
use crate::ui::route::use_sub;
use crate::ui::state::app_state;

/// Earned badges and the next ones, loops and the plan.
#[component]
pub fn MilestonesScreen() -> impl IntoView {
    let sub = use_sub();
    move || match sub.get().as_str() {
        "loops" => view! { <LoopsView/> }.into_any(),
        "plan" => view! { <PlanView/> }.into_any(),
        _ => view! { <MilestonesHome/> }.into_any(),
    }
}

/// The main Milestones view.
#[component]
fn MilestonesHome() -> impl IntoView {
    let state = app_state();
    let report = state.derived.milestones;
    let (settings, today) = (state.derived.settings, state.derived.today);
    let paused = Memo::new(move |_| settings.with(|s| streaks_paused(s, today.get())));
    let earned = Signal::derive(move || report.with(|r| r.earned.clone()));
    let earlier = Signal::derive(move || report.with(|r| r.earlier.clone()));
    let limits = state.derived.next_limits;
    let next = Signal::derive(move || report.with(|r| next_shown(r, &limits.get())));
    let count = move || report.with(|r| r.earned.len());
    view! {
        <section class="milestones" aria-labelledby="screen-title">
            {move || {
                if count() == 0 {
                    view! {
                        <div class="card empty">
                            <h2>"Your first milestone is one walk away"</h2>
                            <p class="muted">"Milestones mark the confidence you build: your first walk, your whole loop, your loop without stopping, steady weeks. Resting never loses you one."</p>
                        </div>
                    }
                    .into_any()
                } else {
                    let n = count();
                    view! {
                        <p class="lead milestones-count">
                            {if n == 1 { "You've earned your first milestone.".to_string() } else { format!("You've earned {n} milestones. Every one was a step of your own.") }}
                        </p>
                    }
                    .into_any()
                }
            }}
            <Show when=move || paused.get()>
                <p class="card soft paused-note">
                    "Weekly goals are paused while your back settles. Nothing is lost."
                </p>
            </Show>
            <Show when=move || next.with(|n| !n.is_empty())>
                <section class="next-section" aria-labelledby="next-title">
                    <h2 id="next-title">"Next up"</h2>
                    <NextList next=next/>
                </section>
            </Show>
            <Show when=move || { count() > 0 }>
                <section class="earned-section" aria-labelledby="earned-title">
                    <h2 id="earned-title">"Earned"</h2>
                    <EarnedList earned=earned/>
                </section>
            </Show>
            <Show when=move || earlier.with(|e| !e.is_empty())>
                <section class="earned-section earlier-badges" aria-labelledby="earlier-title">
                    <h2 id="earlier-title">"Earlier badges"</h2>
                    <p class="small muted">"From an earlier version of Loopwalk. They are yours to keep."</p>
                    <EarnedList earned=earlier label="Earlier badges, newest first"/>
                </section>
            </Show>
            <LoopsSummary/>
            <WeeklyTargetCard without_flare_toggle=true/>
            <TipCard/>
        </section>
    }
}
