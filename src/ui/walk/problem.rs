//! Why motion cannot be counted, and what the walker can do instead.

use leptos::prelude::*;

use crate::domain::recorder::{Input, SensorProblem};
use crate::ui::walk::controller::walk_ctl;
use crate::ui::walk::words;

/// Explains a motion problem plainly; offers retry (permission) and a walk
/// with a manual step count.
#[component]
pub fn MotionProblem(
    /// What went wrong.
    error: SensorProblem,
) -> impl IntoView {
    let ctl = walk_ctl();
    let denied = error == SensorProblem::Denied;
    let (heading, what, help) = words::problem(error);
    view! {
        <div class="card walk-problem" role="alert" data-problem=error.code()>
            <h2>{heading}</h2>
            <p>{what}</p>
            <p class="muted">{help}</p>
            <div class="walk-actions">
                {denied.then(|| view! {
                    <button class="btn primary" type="button" data-action="retry"
                        on:click=move |_| ctl.start_tapped()>"Try again"</button>
                })}
                <button class="btn outline" type="button" data-action="manual"
                    on:click=move |_| ctl.start_manual()>"Record with a manual step count"</button>
                <button class="btn" type="button" data-action="back"
                    on:click=move |_| ctl.feed(Input::Back)>"Back"</button>
            </div>
            <p class="muted small">"A manual walk times your walk; you enter the steps yourself at the end. It is marked as entered by hand."</p>
        </div>
    }
}
