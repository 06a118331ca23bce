//! This week's walking target from the pacing plan.

use leptos::prelude::*;

use crate::domain::text::fixed;

use crate::ui::care::flare_toggle::FlareToggle;
use crate::ui::care::{minutes, PLAN_HASH};
use crate::ui::state::app_state;

/// This week's target and progress, with kind wording, the flare-up control
/// and a link to "Your plan". Meant for the Walk screen before Start.
#[component]
pub fn WeeklyTargetCard(
    /// Hide the "My back is bad today" control (e.g. where it shows elsewhere).
    #[prop(optional)]
    without_flare_toggle: bool,
    /// Hide the "See your plan" link (on the plan page itself).
    #[prop(optional)]
    without_plan_link: bool,
) -> impl IntoView {
    let state = app_state();
    let plan = state.derived.plan;
    let week = move || plan.with(|p| p.current.clone());
    let pct = move || {
        let w = week();
        if w.target_min == 0 {
            100.0
        } else {
            (f64::from(w.done_min) / f64::from(w.target_min) * 100.0).min(100.0)
        }
    };
    let wording = move || {
        let (w, settled) = plan.with(|p| (p.current.clone(), p.baseline_settled));
        if w.flare {
            format!(
                "Your back is having a hard time, so this week's target is lowered to {}. Short, easy walks or rest are both fine.",
                minutes(w.target_min)
            )
        } else if w.met {
            "You've reached this week's target. Anything more is a bonus; there's no need to push."
                .to_string()
        } else if !settled {
            "Your first week sets your starting point. Walk at a comfortable pace and don't push: there's no wrong answer.".to_string()
        } else if w.easing {
            format!(
                "Easing back in after your flare-up: {} to go this week, at your own pace.",
                minutes(w.target_min - w.done_min)
            )
        } else {
            format!(
                "{} to go this week, if you feel up to it.",
                minutes(w.target_min.saturating_sub(w.done_min))
            )
        }
    };
    view! {
        <section class="card weekly-target" aria-labelledby="weekly-target-title">
            <h2 id="weekly-target-title">"This week"</h2>
            <p class="target-figures">
                <span class="big">{move || week().done_min}</span>
                {move || format!(" of {} minutes", week().target_min)}
            </p>
            <div
                class="progress"
                role="progressbar"
                aria-label="Minutes walked this week"
                aria-valuemin="0"
                aria-valuemax=move || week().target_min
                aria-valuenow=move || week().done_min.min(week().target_min)
            >
                <span style:width=move || format!("{}%", fixed(pct(), 0))></span>
            </div>
            <p class="small muted per-walk">
                {move || {
                    let w = week();
                    format!(
                        "About {} a walk, {} walks this week ({} so far).",
                        minutes(w.per_walk_min),
                        w.walks_planned,
                        w.walks_done
                    )
                }}
            </p>
            <p>{wording}</p>
            <p class="small muted no-catch-up">"No need to catch up: if you miss it, the plan simply holds."</p>
            {(!without_flare_toggle).then(|| view! { <FlareToggle/> })}
            {(!without_plan_link).then(|| view! { <p class="more-link"><a href=PLAN_HASH>"See your plan"</a></p> })}
        </section>
    }
}
