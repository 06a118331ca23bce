//! The Walk screen: start a walk, record it live, then save or discard it.

use chrono::Local;
use leptos::prelude::*;

use crate::ui::state::app_state;
use crate::ui::walk::controller::{walk_ctl, Stage};
use crate::ui::walk::live_view::LiveView;
use crate::ui::walk::pocket_mode::PocketMode;
use crate::ui::walk::problem::MotionProblem;
use crate::ui::walk::resume_prompt::ResumePrompt;
use crate::ui::walk::summary::Summary;

/// Start a walk; while one runs, its live figures; after Stop, the summary.
#[component]
pub fn WalkScreen() -> impl IntoView {
    let ctl = walk_ctl();
    let app = app_state();
    ctl.attach(app);
    let today = move || {
        let date = Local::now().date_naive();
        app.store.with(|s| {
            s.walks
                .iter()
                .filter(|w| w.local_date() == date)
                .fold((0u32, 0.0f64), |(st, a), w| {
                    (st + w.steps.0, a + w.active_s)
                })
        })
    };
    let body = move || {
        match ctl.stage.get() {
        Stage::Ready | Stage::Asking => view! {
            <p class="lead">"Ready for your loop? Start slow; every step counts."</p>
            <button class="start-button" type="button" data-action="start"
                disabled=move || ctl.stage.get() == Stage::Asking
                on:click=move |_| ctl.start_tapped()>
                "Start"
                <small>"your walk"</small>
            </button>
            <div class="stat-row" aria-label="Today">
                <div class="stat"><span class="value">{move || today().0}</span><span class="label">"steps today"</span></div>
                <div class="stat"><span class="value">{move || (today().1 / 60.0).round() as u32}</span><span class="label">"active min"</span></div>
            </div>
        }
        .into_any(),
        Stage::Problem(e) => view! { <MotionProblem error=e/> }.into_any(),
        Stage::Recording => view! { <LiveView/> }.into_any(),
        Stage::Summary => view! { <Summary/> }.into_any(),
        Stage::Resume(cp) => view! { <ResumePrompt checkpoint=*cp/> }.into_any(),
    }
    };
    view! {
        <section class="walk" aria-labelledby="screen-title" data-stage=move || format!("{:?}", ctl.stage.get()).split('(').next().unwrap_or_default().to_lowercase()>
            {move || ctl.notice.get().map(|m| view! {
                <div class="card soft walk-notice" role="alert">
                    <p>{m}</p>
                    <button class="btn" type="button" on:click=move |_| ctl.notice.set(None)>"OK"</button>
                </div>
            })}
            {body}
            <Show when=move || ctl.pocket.get()>
                <PocketMode/>
            </Show>
        </section>
    }
}
