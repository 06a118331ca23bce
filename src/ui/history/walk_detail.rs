//! One walk in full: every figure, its rests and counting pauses, pain
//! before and after; edit and delete.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::edit_form::EditForm;
use super::format::{gap_text, gaps_marker, pain_text, rest_text};
use crate::domain::dates::day_label;
use crate::domain::record::{StepSource, WalkId, WalkRecord};
use crate::domain::text::{duration_text, steps_text};
use crate::ui::state::app_state;

/// The detail of the walk with `id`, or a short note if it is gone.
#[component]
pub fn WalkDetail(
    /// The walk shown.
    id: WalkId,
    /// Called with the removed record after a delete (to offer undo).
    on_deleted: Callback<WalkRecord>,
    /// The walker's local date today.
    today: chrono::NaiveDate,
) -> impl IntoView {
    let state = app_state();
    let editing = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let lookup = id.clone();
    let walk = Memo::new(move |_| state.store.with(|s| s.walk(&lookup).cloned()));

    let delete_id = id.clone();
    let delete =
        move |_| match state.update_store(|s| s.delete_walk(&delete_id, chrono::Utc::now())) {
            Some(removed) => on_deleted.run(removed),
            None => error.set(Some("That walk had already been deleted.".into())),
        };

    // Move focus to the walk's heading, so screen readers start there.
    request_animation_frame(|| {
        let heading = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id("walk-detail-title"))
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(h) = heading {
            // Focus can only fail on a detached element; then nothing to do.
            let _ = h.focus();
        }
    });

    let back = view! {
        <a class="btn outline back" href="#/history">
            <span aria-hidden="true">"‹ "</span>"All walks"
        </a>
    };

    let body = move || {
        let Some(w) = walk.get() else {
            return view! {
                <div class="card empty">
                    <h2 id="walk-detail-title" tabindex="-1">"This walk is no longer here"</h2>
                    <p class="muted">"It may have been deleted, here or in another window."</p>
                </div>
            }
            .into_any();
        };
        if editing.get() {
            return view! { <EditForm walk=w on_done=Callback::new(move |()| editing.set(false))/> }
                .into_any();
        }
        let loop_name = state
            .store
            .with(|s| s.loop_name(&w).map(str::to_string))
            .unwrap_or_else(|| "No loop".into());
        let title = format!(
            "{} at {}",
            day_label(w.local_date(), today),
            crate::domain::dates::hh_mm(&w.local_start())
        );
        let source = match w.source {
            StepSource::Sensor => "By the phone",
            StepSource::Manual => "By hand",
        };
        let paused = gaps_marker(&w.gaps);
        let rests = if w.rests.is_empty() {
            view! { <p class="muted">"No rests: you walked it without stopping."</p> }.into_any()
        } else {
            let items = w
                .rests
                .iter()
                .map(|r| view! { <li class="row">{rest_text(r)}</li> })
                .collect_view();
            view! { <ul class="list spans">{items}</ul> }.into_any()
        };
        let gaps = (!w.gaps.is_empty()).then(|| {
            let items = w
                .gaps
                .iter()
                .map(|g| view! { <li class="row">{gap_text(g)}</li> })
                .collect_view();
            view! {
                <h3>"Counting paused"</h3>
                <p class="muted small">
                    "The phone stopped sending movement (the screen was locked or the app was in the background). No steps were guessed for these times."
                </p>
                <ul class="list spans">{items}</ul>
            }
        });
        let note = w.note.clone();
        view! {
            <article class="card walk-detail" aria-labelledby="walk-detail-title">
                <h2 id="walk-detail-title" tabindex="-1">{title}</h2>
                {(w.edited || paused.is_some()).then(|| view! {
                    <p class="tags">
                        {paused.clone().map(|p| view! { <span class="tag paused">{p}</span> })}
                        {w.edited.then(|| view! { <span class="tag edited">"Edited"</span> })}
                    </p>
                })}
                <dl class="facts">
                    <div><dt>"Steps"</dt><dd>{steps_text(u64::from(w.steps.0))}</dd></div>
                    <div><dt>"Active time"</dt><dd>{duration_text(w.active_s)}</dd></div>
                    <div><dt>"Whole walk"</dt><dd>{duration_text(w.duration_s)}</dd></div>
                    <div><dt>"Longest without a rest"</dt><dd>{duration_text(w.longest_nonstop_s)}</dd></div>
                    <div><dt>"Loop"</dt><dd>{loop_name}</dd></div>
                    <div><dt>"Steps counted"</dt><dd>{source}</dd></div>
                    <div><dt>"Pain before"</dt><dd>{pain_text(w.pain_before)}</dd></div>
                    <div><dt>"Pain after"</dt><dd>{pain_text(w.pain_after)}</dd></div>
                </dl>
                {note.map(|n| view! { <h3>"Note"</h3><p class="note">{n}</p> })}
                <h3>"Rests"</h3>
                {rests}
                {gaps}
                {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
                <div class="actions">
                    <button class="btn primary" type="button" on:click=move |_| editing.set(true)>"Edit"</button>
                    <button class="btn danger" type="button" on:click=delete.clone()>"Delete"</button>
                </div>
            </article>
        }
        .into_any()
    };

    view! {
        <div class="walk-detail-view">
            {back}
            {body}
        </div>
    }
}
