//! The History screen.

use leptos::prelude::*;

/// Walks grouped by day and week.
#[component]
pub fn HistoryScreen() -> impl IntoView {
    view! {
        <section class="history">
            <div class="card empty">
                <h2>"No walks yet"</h2>
                <p class="muted">"Your walks appear here, day by day, once you save one."</p>
            </div>
        </section>
    }
}
