//! Why motion cannot be counted, and what the walker can do instead.

use leptos::prelude::*;

use crate::platform::motion::MotionError;
use crate::ui::walk::controller::walk_ctl;

/// Explains a motion problem plainly; offers retry (permission) and a walk
/// with a manual step count.
#[component]
pub fn MotionProblem(
    /// What went wrong.
    error: MotionError,
) -> impl IntoView {
    let ctl = walk_ctl();
    let denied = error == MotionError::Denied;
    let help = match error {
        MotionError::Denied => "To count steps, Loopwalk needs motion access. On iPhone: Settings > Safari > Motion & Orientation Access, turn it on, then try again. If you added Loopwalk to your home screen, remove it and add it again, then allow motion when asked.",
        MotionError::NotSecure => "Open Loopwalk from its https address (or localhost) to count steps.",
        MotionError::Unsupported => "Step counting needs a phone browser with motion sensors.",
        MotionError::NoEvents => "This happens in desktop browsers and on devices without an accelerometer.",
    };
    view! {
        <div class="card walk-problem" role="alert" data-problem=format!("{error:?}")>
            <h2>{if denied { "Motion access is off" } else { "Steps can't be counted here" }}</h2>
            <p>{error.to_string()}</p>
            <p class="muted">{help}</p>
            <div class="walk-actions">
                {denied.then(|| view! {
                    <button class="btn primary" type="button" data-action="retry"
                        on:click=move |_| ctl.start_tapped()>"Try again"</button>
                })}
                <button class="btn outline" type="button" data-action="manual"
                    on:click=move |_| ctl.start_manual()>"Record with a manual step count"</button>
                <button class="btn" type="button" data-action="back"
                    on:click=move |_| ctl.back_to_ready()>"Back"</button>
            </div>
            <p class="muted small">"A manual walk times your walk; you enter the steps yourself at the end. It is marked as entered by hand."</p>
        </div>
    }
}
