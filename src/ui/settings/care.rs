//! Settings section: Back care.

use leptos::prelude::*;

use crate::domain::pacing::{AIM_MIN, MIN_WEEKLY_MIN};
use crate::ui::care::flare_toggle::FlareToggle;
use crate::ui::care::safety_note::SafetyNote;
use crate::ui::care::{PLAN_HASH, REPORT_HASH, URGENT_HASH};
use crate::ui::fields::{NumberField, SettingSwitch};
use crate::ui::state::app_state;

/// Pain check-ins, tips, flare-up mode, starting point, safety information
/// and links to the urgent-help page and the printable summary.
#[component]
pub fn CareSettings() -> impl IntoView {
    let state = app_state();
    let checkins = Memo::new(move |_| state.store.with(|s| s.settings.pain_checkins));
    let tips = Memo::new(move |_| state.store.with(|s| s.settings.tips));
    let baseline = RwSignal::new(state.store.with_untracked(|s| {
        s.settings
            .weekly_baseline_min
            .map(|m| m.to_string())
            .unwrap_or_default()
    }));
    let baseline_msg = RwSignal::new(None::<(bool, String)>);
    let save_baseline = move |()| {
        let text = baseline.get_untracked();
        let t = text.trim();
        if t.is_empty() {
            state.update_store(|s| s.settings.weekly_baseline_min = None);
            baseline_msg.set(Some((
                true,
                "Your first week of walks will set the starting point.".into(),
            )));
            return;
        }
        match t.parse::<u32>() {
            Ok(m) if (MIN_WEEKLY_MIN..=AIM_MIN).contains(&m) => {
                state.update_store(|s| s.settings.weekly_baseline_min = Some(m));
                baseline_msg.set(Some((true, format!("Saved: the plan starts a little below it, at about {} minutes a week.", crate::domain::pacing::start_min(m)))));
            }
            _ => baseline_msg.set(Some((
                false,
                format!("Please enter minutes a week between {MIN_WEEKLY_MIN} and {AIM_MIN}, or leave it empty."),
            ))),
        }
    };
    view! {
        <section class="card care-settings" aria-labelledby="settings-care">
            <h2 id="settings-care">"Back care"</h2>
            <SafetyNote/>
            <SettingSwitch
                label="Ask how your back and legs feel before and after walks"
                key="pain-checkins"
                checked=checkins
                on_toggle=move |on| state.update_store(|s| s.settings.pain_checkins = on)
            />
            <SettingSwitch
                label="Show walking tips"
                key="tips"
                checked=tips
                on_toggle=move |on| state.update_store(|s| s.settings.tips = on)
            />
            <h3 class="care-sub">"Bad days"</h3>
            <FlareToggle/>
            <h3 class="care-sub">"Starting point"</h3>
            <NumberField label="Comfortable minutes of walking a week (optional)" id="baseline-min" value=baseline on_change=save_baseline/>
            <p class="small" class:error=move || baseline_msg.with(|m| m.as_ref().is_some_and(|m| !m.0)) aria-live="polite">
                {move || baseline_msg.get().map(|m| m.1).unwrap_or_else(|| "Leave empty and your first week of walks sets it. The plan starts a little below it.".to_string())}
            </p>
            <ul class="link-list">
                <li><a href=URGENT_HASH data-link="urgent">"When to get help urgently"</a></li>
                <li><a href=PLAN_HASH>"Your walking plan"</a></li>
                <li><a href=REPORT_HASH data-link="report">"Summary for your physio or doctor"</a></li>
            </ul>
        </section>
    }
}
