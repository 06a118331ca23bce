//! "Your loops" card on the Milestones screen.

use leptos::prelude::*;

use crate::domain::loops::{active, loop_stats};
use crate::domain::text::walks_text;
use crate::ui::loops::LOOPS_HASH;
use crate::ui::state::app_state;

/// A short list of active loops with how often each went all the way
/// round, linking to the loops view.
#[component]
pub fn LoopsSummary() -> impl IntoView {
    let state = app_state();
    let rows = Memo::new(move |_| {
        state.store.with(|s| {
            let step = s.settings.step_length_m();
            active(&s.loops)
                .into_iter()
                .map(|l| {
                    let st = loop_stats(l, &s.walks, step);
                    (
                        l.id.0.clone(),
                        l.name.clone(),
                        st.times_walked,
                        st.completions,
                        st.non_stop_completions,
                    )
                })
                .collect::<Vec<_>>()
        })
    });
    view! {
        <section class="card loops-summary" aria-labelledby="loops-summary-title">
            <h2 id="loops-summary-title">"Your loops"</h2>
            {move || {
                let rows = rows.get();
                if rows.is_empty() {
                    view! { <p class="muted">"Add your regular route to see how far round you get each time."</p> }.into_any()
                } else {
                    rows.into_iter()
                        .map(|(id, name, walked, whole, non_stop)| {
                            view! {
                                <p class="row loop-line" data-loop=id>
                                    <span class="pick-name">{name}</span>
                                    <span class="small muted">
                                        {format!("{}: {whole} all the way round, {non_stop} of those without stopping", walks_text(u64::from(walked)))}
                                    </span>
                                </p>
                            }
                        })
                        .collect_view()
                        .into_any()
                }
            }}
            <a class="btn outline block" href=LOOPS_HASH>"See and add loops"</a>
        </section>
    }
}
