//! One loop with its stats, chart and actions.

use leptos::prelude::*;

use crate::domain::text::fixed;

use crate::ui::loops::name_field::LoopNameField;

use crate::domain::loops::{self, length_in_steps, loop_stats, LoopError};
use crate::domain::record::{LoopLength, LoopRecord};
use crate::domain::text::duration_text;
use crate::ui::loops::kind_field::{kind_words, LoopKindField};
use crate::ui::loops::length_fields::{parse_length, LengthFields, Unit};
use crate::ui::loops::length_text;
use crate::ui::loops::loop_chart::LoopChart;
use crate::ui::state::app_state;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    View,
    Rename,
    Remeasure,
}

/// A loop: times walked, whole loops, non-stop ones, best and typical
/// time, a small chart, and Rename / Re-measure / Archive (or Bring back).
#[component]
pub fn LoopCard(
    /// The loop as currently stored.
    lp: LoopRecord,
) -> impl IntoView {
    let state = app_state();
    let mode = RwSignal::new(Mode::View);
    let error = RwSignal::new(None::<String>);
    let name = RwSignal::new(lp.name.clone());
    let (len_text0, unit0) = match lp.length {
        LoopLength::Steps(n) => (n.to_string(), Unit::Steps),
        LoopLength::Metres(m) => (fixed(m.round(), 0), Unit::Metres),
    };
    let len_text = RwSignal::new(len_text0);
    let unit = RwSignal::new(unit0);
    let kind = RwSignal::new(lp.kind);

    let lp_for_stats = lp.clone();
    let (walks, step_length) = (state.derived.walks, state.derived.step_length_m);
    let stats = Memo::new(move |_| {
        let step = step_length.get();
        (
            walks.with(|w| loop_stats(&lp_for_stats, w, step)),
            length_in_steps(lp_for_stats.length, step),
            format!(
                "{}, {}",
                length_text(lp_for_stats.length, step),
                kind_words(lp_for_stats.kind)
            ),
        )
    });
    let id = lp.id.clone();
    let archived = lp.archived;
    let dom_id = format!(
        "loop-{}",
        lp.id.0.replace(|c: char| !c.is_ascii_alphanumeric(), "-")
    );

    // Change the loop list, then close the form, or say what went wrong.
    let apply = move |change: &dyn Fn(Vec<LoopRecord>) -> Result<Vec<LoopRecord>, LoopError>| {
        let result = state.update_store(|s| {
            s.loops = change(s.loops.clone())?;
            Ok::<(), LoopError>(())
        });
        match result {
            Ok(()) => {
                error.set(None);
                mode.set(Mode::View);
            }
            Err(e) => error.set(Some(format!("Almost: {e}."))),
        }
    };
    let id_r = id.clone();
    let rename = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let new = name.get_untracked();
        apply(&|list| loops::rename(list, &id_r, &new));
    };
    let id_m = id.clone();
    let remeasure = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let new_kind = kind.get_untracked();
        match parse_length(&len_text.get_untracked(), unit.get_untracked()) {
            Ok(length) => apply(&|list| {
                let mut list = loops::remeasure(list, &id_m, length)?;
                if let Some(l) = list.iter_mut().find(|l| l.id == id_m) {
                    l.kind = new_kind;
                }
                Ok(list)
            }),
            Err(e) => error.set(Some(e)),
        }
    };
    let id_a = id.clone();
    let toggle_archive = move |_| {
        let result = state.update_store(|s| {
            s.loops = if archived {
                loops::unarchive(s.loops.clone(), &id_a)?
            } else {
                loops::archive(s.loops.clone(), &id_a)?
            };
            if !archived && s.settings.last_loop.as_ref() == Some(&id_a) {
                s.settings.last_loop = None;
            }
            Ok::<(), LoopError>(())
        });
        if let Err(e) = result {
            error.set(Some(format!("That didn't work: {e}.")));
        }
    };

    let title_id = format!("{dom_id}-title");
    let rename_id = format!("{dom_id}-name");
    let labelled_by = title_id.clone();
    view! {
        <li class="card loop-card" class:archived=archived data-loop=lp.id.0.clone() aria-labelledby=labelled_by>
            <h3 id=title_id>{lp.name.clone()}</h3>
            <p class="small muted">{move || stats.with(|s| s.2.clone())}</p>
            {move || {
                let (st, len_steps, _) = stats.get();
                if st.times_walked == 0 {
                    view! { <p class="small">"Not walked yet. Pick it when you start a walk."</p> }.into_any()
                } else {
                    let best = st.best_active_s.map_or("-".to_string(), duration_text);
                    let typical = st.typical_active_s.map_or("-".to_string(), duration_text);
                    view! {
                        <dl class="loop-stats">
                            <div><dt>"Walked"</dt><dd>{st.times_walked}</dd></div>
                            <div><dt>"All the way round"</dt><dd>{st.completions}</dd></div>
                            <div><dt>"Without stopping"</dt><dd>{st.non_stop_completions}</dd></div>
                            <div><dt>"Best time"</dt><dd>{best}</dd></div>
                            <div><dt>"Typical time"</dt><dd>{typical}</dd></div>
                        </dl>
                        <LoopChart series=st.series length_steps=len_steps/>
                    }
                    .into_any()
                }
            }}
            {move || match mode.get() {
                Mode::View => view! {
                    <div class="actions">
                        {(!archived).then(|| view! {
                            <button type="button" class="btn" on:click=move |_| { error.set(None); mode.set(Mode::Rename) }>"Rename"</button>
                            <button type="button" class="btn" on:click=move |_| { error.set(None); mode.set(Mode::Remeasure) }>"Re-measure"</button>
                        })}
                        <button type="button" class="btn outline" on:click=toggle_archive.clone()>
                            {if archived { "Bring back" } else { "Archive" }}
                        </button>
                    </div>
                }
                .into_any(),
                Mode::Rename => view! {
                    <form class="loop-edit" on:submit=rename.clone()>
                        <LoopNameField label="New name" id=rename_id.clone() value=name/>
                        <div class="actions">
                            <button type="submit" class="btn primary">"Save name"</button>
                            <button type="button" class="btn" on:click=move |_| mode.set(Mode::View)>"Cancel"</button>
                        </div>
                    </form>
                }
                .into_any(),
                Mode::Remeasure => view! {
                    <form class="loop-edit" on:submit=remeasure.clone()>
                        <p class="small muted">"Past walks are judged against the new length."</p>
                        <LengthFields id=format!("{dom_id}-m") text=len_text unit=unit/>
                        <LoopKindField id=format!("{dom_id}-k") kind=kind/>
                        <div class="actions">
                            <button type="submit" class="btn primary">"Save length"</button>
                            <button type="button" class="btn" on:click=move |_| mode.set(Mode::View)>"Cancel"</button>
                        </div>
                    </form>
                }
                .into_any(),
            }}
            <p class="error" role="alert">{move || error.get()}</p>
        </li>
    }
}
