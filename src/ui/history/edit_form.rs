//! Correcting a saved walk: its loop, step count, pain scores and note.
//! The walk is then marked "edited".

use leptos::prelude::*;

use crate::domain::record::{LoopId, Steps, WalkRecord};
use crate::domain::store::{WalkPatch, MAX_PAIN, MAX_STEPS_PER_WALK};
use crate::ui::fields::NumberField;
use crate::ui::state::app_state;

use crate::domain::text::thousands;

/// Parse a pain `<select>` value: "" is not recorded.
fn parse_pain(v: &str) -> Option<u8> {
    v.parse::<u8>().ok().filter(|p| *p <= MAX_PAIN)
}

/// The patch for the fields that changed, or `None` when nothing did.
/// `Err` with a message for the walker when the step count is not a number.
pub fn build_patch(
    walk: &WalkRecord,
    loop_value: &str,
    steps: &str,
    pain_before: &str,
    pain_after: &str,
    note: &str,
) -> Result<Option<WalkPatch>, String> {
    let steps = steps
        .trim()
        .replace([',', ' '], "")
        .parse::<u32>()
        .ok()
        .filter(|s| *s <= MAX_STEPS_PER_WALK)
        .ok_or_else(|| {
            format!(
                "Enter the steps as a whole number from 0 to {}.",
                thousands(u64::from(MAX_STEPS_PER_WALK))
            )
        })?;
    let loop_id = (!loop_value.is_empty()).then(|| LoopId(loop_value.to_string()));
    let note = Some(note.trim().to_string()).filter(|n| !n.is_empty());
    let (before, after) = (parse_pain(pain_before), parse_pain(pain_after));
    let patch = WalkPatch {
        loop_id: (loop_id != walk.loop_id).then_some(loop_id),
        steps: (Steps(steps) != walk.steps).then_some(Steps(steps)),
        pain_before: (before != walk.pain_before).then_some(before),
        pain_after: (after != walk.pain_after).then_some(after),
        note: (note != walk.note).then_some(note),
    };
    Ok((patch != WalkPatch::default()).then_some(patch))
}

/// A labelled choice of pain score, 0 to 10 or "Not recorded".
fn pain_field(
    label: &'static str,
    name: &'static str,
    selected: Option<u8>,
    value: RwSignal<String>,
) -> impl IntoView {
    view! {
        <label class="field">
            {label}
            <select name=name on:change=move |ev| value.set(event_target_value(&ev))>
                {pain_options(selected)}
            </select>
        </label>
    }
}

fn pain_options(selected: Option<u8>) -> impl IntoView {
    let none = view! { <option value="" selected=selected.is_none()>"Not recorded"</option> };
    let scores = (0..=MAX_PAIN)
        .map(|p| {
            let label = match p {
                0 => "0 (no pain)".to_string(),
                10 => "10 (worst)".to_string(),
                p => p.to_string(),
            };
            view! { <option value=p.to_string() selected=selected == Some(p)>{label}</option> }
        })
        .collect_view();
    view! { {none}{scores} }
}

/// The edit form for one walk.
#[component]
pub fn EditForm(
    /// The walk as it is now.
    walk: WalkRecord,
    /// Called after saving or cancelling.
    on_done: Callback<()>,
) -> impl IntoView {
    let state = app_state();
    let loops: Vec<(LoopId, String)> = state.store.with_untracked(|s| {
        s.loops
            .iter()
            .filter(|l| !l.archived || Some(&l.id) == walk.loop_id.as_ref())
            .map(|l| (l.id.clone(), l.name.clone()))
            .collect()
    });
    let loop_value = RwSignal::new(walk.loop_id.clone().map(|l| l.0).unwrap_or_default());
    let steps = RwSignal::new(walk.steps.0.to_string());
    let before = RwSignal::new(walk.pain_before.map(|p| p.to_string()).unwrap_or_default());
    let after = RwSignal::new(walk.pain_after.map(|p| p.to_string()).unwrap_or_default());
    let note = RwSignal::new(walk.note.clone().unwrap_or_default());
    let error = RwSignal::new(None::<String>);

    let id = walk.id.clone();
    let current = walk.clone();
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let patch = build_patch(
            &current,
            &loop_value.get_untracked(),
            &steps.get_untracked(),
            &before.get_untracked(),
            &after.get_untracked(),
            &note.get_untracked(),
        );
        match patch {
            Err(msg) => error.set(Some(msg)),
            Ok(None) => on_done.run(()),
            Ok(Some(patch)) => {
                match state.update_store(|s| s.edit_walk(&id, patch, chrono::Utc::now())) {
                    Ok(()) => on_done.run(()),
                    Err(e) => error.set(Some(format!("Not saved: {e}."))),
                }
            }
        }
    };

    let selected_loop = walk.loop_id.clone();
    let loop_options = loops
        .into_iter()
        .map(|(id, name)| {
            let selected = Some(&id) == selected_loop.as_ref();
            view! { <option value=id.0 selected=selected>{name}</option> }
        })
        .collect_view();

    view! {
        <form class="card edit-walk" on:submit=save novalidate>
            <h2 id="edit-walk-title">"Correct this walk"</h2>
            <p class="muted small">"Changes are kept with the walk, which is then marked as edited."</p>
            <label class="field">
                "Loop"
                <select name="loop" on:change=move |ev| loop_value.set(event_target_value(&ev))>
                    <option value="" selected=walk.loop_id.is_none()>"No loop"</option>
                    {loop_options}
                </select>
            </label>
            <NumberField label="Steps" id="edit-steps" name="steps" value=steps/>
            {pain_field("Pain before (0 to 10)", "pain_before", walk.pain_before, before)}
            {pain_field("Pain after (0 to 10)", "pain_after", walk.pain_after, after)}
            <label class="field">
                "Note"
                <textarea
                    name="note"
                    rows="3"
                    prop:value=move || note.get()
                    on:input=move |ev| note.set(event_target_value(&ev))
                ></textarea>
            </label>
            {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
            <div class="actions">
                <button class="btn primary" type="submit">"Save changes"</button>
                <button class="btn outline" type="button" on:click=move |_| on_done.run(())>"Cancel"</button>
            </div>
        </form>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::record::{StepSource, WalkId};

    fn walk() -> WalkRecord {
        WalkRecord {
            id: WalkId("w".into()),
            started_at: "2026-03-01T09:00:00Z".parse().unwrap(),
            utc_offset_min: 0,
            duration_s: 900.0,
            active_s: 840.0,
            steps: Steps(1000),
            source: StepSource::Sensor,
            loop_id: None,
            rests: vec![],
            gaps: vec![],
            longest_nonstop_s: 600.0,
            pain_before: Some(5),
            pain_after: None,
            edited: false,
            note: None,
        }
    }

    #[test]
    fn only_changed_fields_are_patched() {
        let w = walk();
        assert_eq!(build_patch(&w, "", "1000", "5", "", " "), Ok(None));
        let p = build_patch(&w, "l1", "1,200", "5", "3", "felt fine")
            .unwrap()
            .unwrap();
        assert_eq!(p.loop_id, Some(Some(LoopId("l1".into()))));
        assert_eq!(p.steps, Some(Steps(1200)));
        assert_eq!(p.pain_before, None);
        assert_eq!(p.pain_after, Some(Some(3)));
        assert_eq!(p.note, Some(Some("felt fine".into())));
        let cleared = build_patch(&w, "", "1000", "", "", "").unwrap().unwrap();
        assert_eq!(cleared.pain_before, Some(None));
    }

    #[test]
    fn bad_step_counts_are_refused_with_a_message() {
        let w = walk();
        for bad in ["", "abc", "-5", "200001", "1.5"] {
            let e = build_patch(&w, "", bad, "", "", "").unwrap_err();
            assert!(e.contains("200,000"), "{bad}: {e}");
        }
    }
}
