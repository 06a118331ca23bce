//! "Your plan": the pacing plan week by week (`#/milestones/plan`).

use leptos::prelude::*;

use crate::domain::pacing::AIM_MIN;
use crate::ui::care::plan_chart::PlanChart;
use crate::ui::care::weekly_target::WeeklyTargetCard;
use crate::ui::state::app_state;

/// The plan page: this week, a chart of past weeks and how the plan works.
#[component]
pub fn PlanView() -> impl IntoView {
    let state = app_state();
    let plan = state.derived.plan;
    view! {
        <article class="subpage plan-view" aria-labelledby="plan-title">
            <a class="back-link" href="#/milestones">"Back to milestones"</a>
            <h2 id="plan-title">"Your plan"</h2>
            <WeeklyTargetCard without_plan_link=true/>
            <section class="card" aria-labelledby="plan-weeks">
                <h3 id="plan-weeks">"Week by week"</h3>
                {move || view! { <PlanChart weeks=plan.get().weeks/> }}
            </section>
            <section class="card soft" aria-labelledby="plan-how">
                <h3 id="plan-how">"How the plan works"</h3>
                <ul class="plain-list">
                    <li>
                        {move || {
                            let (b, start) = plan.with(|p| (p.baseline, p.start_min));
                            format!(
                                "It starts a little below what feels comfortable: about {start} minutes a week, rather than the {} minutes of your starting point, so it begins under what might flare things up.",
                                b.weekly_min
                            )
                        }}
                    </li>
                    <li>"After a week where you reach the target and your pain hasn't clearly risen, it grows a little: about a tenth, never a big jump."</li>
                    <li>"If pain after walks rises by 2 points in a week, or by 1 point two weeks running, the target simply holds until things settle. There's no need to catch up on a missed week."</li>
                    <li>"On a bad day, \"My back is bad today\" lowers the target for a few days and pauses weekly goals."</li>
                    <li>{format!("The long-term aim is {AIM_MIN} minutes a week, such as 30 minutes on 5 days. There's no rush to get there.")}</li>
                </ul>
                <p class="small muted plan-evidence">
                    "The aim comes from the WalkBack trial (Lancet, 2024). It enrolled adults who had recently recovered from an episode of low back pain, and its walking programme came with sessions with a physiotherapist. The walking group went longer before their back pain came back. If your pain is new or severe, check with a doctor or physiotherapist first."
                </p>
            </section>
        </article>
    }
}
