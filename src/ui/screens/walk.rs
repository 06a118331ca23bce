//! The Walk screen: start a walk, record it live, then save or discard it.

use leptos::prelude::*;

use crate::domain::care::{tier_for_pain, Tier};
use crate::domain::history::Totals;
use crate::domain::recorder::{Input, Stage};
use crate::ui::care::pain_checkin::PainCheckIn;
use crate::ui::care::safety_note::SafetyNote;
use crate::ui::care::tier_card::HighPainAdvice;
use crate::ui::care::tip_card::TipCard;
use crate::ui::care::weekly_target::WeeklyTargetCard;
use crate::ui::care::URGENT_FROM_WALK;
use crate::ui::loops::loop_picker::LoopPicker;
use crate::ui::milestones::celebration::Celebration;
use crate::ui::milestones::next_card::NextMilestoneCard;
use crate::ui::state::app_state;
use crate::ui::walk::controller::walk_ctl;
use crate::ui::walk::live_view::LiveView;
use crate::ui::walk::pocket_mode::PocketMode;
use crate::ui::walk::problem::MotionProblem;
use crate::ui::walk::resume_prompt::ResumePrompt;
use crate::ui::walk::summary::Summary;
use crate::ui::walk::words;

/// Start a walk; while one runs, its live figures; after Stop, the summary.
#[component]
pub fn WalkScreen() -> impl IntoView {
    let ctl = walk_ctl();
    let app = app_state();
    // Today's totals in the walker's calendar (shared with History).
    let (walks, day) = (app.derived.walks, app.derived.today);
    let today = Memo::new(move |_| {
        let date = day.get();
        walks.with(|w| Totals::of(w.iter().filter(|w| w.local_date() == date)))
    });
    let has_loops = Memo::new(move |_| app.derived.loops.with(|l| l.iter().any(|l| !l.archived)));
    let checkins = Memo::new(move |_| app.derived.settings.with(|s| s.pain_checkins));
    let pain_before = move || ctl.extras.with(|e| e.pain_before);
    let body = move || {
        // The before-walk question is answered (or skipped) once per walk:
        // asked again when a saved walk brings the screen back to Ready.
        let asked_before = RwSignal::new(ctl.extras.with_untracked(|e| e.pain_before.is_some()));
        let pick_before = Callback::new(move |p: Option<u8>| {
            ctl.feed(Input::PainBefore(p));
            asked_before.set(true);
        });
        match ctl.stage.get() {
        Stage::Ready | Stage::Asking => view! {
            {move || {
                let items = ctl.celebrate.get();
                (!items.is_empty()).then(|| view! {
                    <div class="walk-celebrate">
                        <Celebration items=items/>
                        <button class="btn" type="button" on:click=move |_| ctl.celebrate.set(Vec::new())>"Thank you"</button>
                    </div>
                })
            }}
            <SafetyNote/>
            <p class="lead">"Ready for your loop? Start slow; every step counts."</p>
            <Show when=move || has_loops.get()>
                <LoopPicker
                    selected=Signal::derive(move || ctl.extras.with(|e| e.loop_id.clone()))
                    on_pick=Callback::new(move |id| ctl.feed(Input::Loop(id)))/>
            </Show>
            <button class="start-button" type="button" data-action="start"
                disabled=move || ctl.stage.get() == Stage::Asking
                on:click=move |_| ctl.start_tapped()>
                "Start"
                <small>"your walk"</small>
            </button>
            <Show when=move || checkins.get() && !asked_before.get()>
                <PainCheckIn
                    title="How are your back and legs right now? (optional)"
                    on_pick=pick_before
                />
            </Show>
            <Show when=move || asked_before.get() && pain_before().is_some()>
                <p class="muted small pain-noted">
                    {move || format!("Back or leg pain before this walk: {}/10. ", pain_before().unwrap_or(0))}
                    <button class="btn" type="button" on:click=move |_| asked_before.set(false)>"Change"</button>
                </p>
            </Show>
            // Very bad pain picked before the walk: the same calm advice the
            // check-in gives, kept here once the check-in has closed.
            <Show when=move || asked_before.get() && tier_for_pain(pain_before()) == Some(Tier::SeeGp)>
                <div class="card pain-high" data-pain-advice="before">
                    <HighPainAdvice urgent_href=URGENT_FROM_WALK/>
                </div>
            </Show>
            <div class="stat-row" aria-label="Today">
                <div class="stat"><span class="value">{move || today.with(|t| t.steps)}</span><span class="label">"steps today"</span></div>
                <div class="stat"><span class="value">{move || today.with(|t| t.active_min().round() as u32)}</span><span class="label">"minutes walking today"</span></div>
            </div>
            <NextMilestoneCard/>
            <WeeklyTargetCard/>
            <TipCard/>
            <p class="walk-help"><a class="urgent-link" href=URGENT_FROM_WALK>"When to get help urgently"</a></p>
        }
        .into_any(),
        Stage::Problem(e) => view! { <MotionProblem error=e/> }.into_any(),
        Stage::Recording | Stage::Idle => view! { <LiveView/> }.into_any(),
        Stage::Summary => view! { <Summary/> }.into_any(),
        Stage::Resume(u) => view! { <ResumePrompt unfinished=*u/> }.into_any(),
    }
    };
    view! {
        <section class="walk" aria-labelledby="screen-title" data-stage=move || ctl.stage.with(Stage::code)>
            {move || ctl.notice.get().map(|n| view! {
                <div class="card soft walk-notice" role="alert" data-notice>
                    <p>{words::notice(n)}</p>
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
