//! The first-run safety note.

use leptos::prelude::*;

use crate::ui::care::urgent_href_here;
use crate::ui::state::app_state;

/// A short note that Loopwalk is not medical advice, shown until the walker
/// taps "I understand" (`settings.safety_acknowledged`); renders nothing
/// after that. Meant for the top of the Walk screen (it also shows in
/// Settings > Back care until acknowledged).
#[component]
pub fn SafetyNote() -> impl IntoView {
    let state = app_state();
    let acknowledged = Memo::new(move |_| state.store.with(|s| s.settings.safety_acknowledged));
    view! {
        <Show when=move || !acknowledged.get()>
            <section class="card notice safety-note" aria-labelledby="safety-title">
                <h2 id="safety-title">"Before you start"</h2>
                <p>
                    "Loopwalk helps you walk a little more, gently. It is not medical advice. "
                    "If your pain is severe, or started after a fall or an injury, please check with a doctor or physiotherapist before you begin."
                </p>
                <p>
                    "Start slow, don't overdo it, and stop if walking makes things much worse. "
                    <a href=urgent_href_here()>"When to get help urgently"</a>
                </p>
                <button
                    type="button"
                    class="btn primary"
                    data-action="acknowledge-safety"
                    on:click=move |_| {
                        state.update_store(|s| s.settings.safety_acknowledged = true);
                    }
                >
                    "I understand"
                </button>
            </section>
        </Show>
    }
}
