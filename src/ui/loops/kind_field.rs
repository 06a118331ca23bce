//! The "loop or out and back" choice shared by creating and re-measuring a
//! loop. Out and back makes the walk cues say when to turn back.

use leptos::prelude::*;

use crate::domain::record::LoopKind;

/// A loop's kind in words, for its card.
pub fn kind_words(kind: LoopKind) -> &'static str {
    match kind {
        LoopKind::Loop => "a loop",
        LoopKind::OutAndBack => "out and back",
    }
}

/// A select: round a loop, or out and back the same way.
#[component]
pub fn LoopKindField(
    /// Element id (unique per form).
    #[prop(into)]
    id: String,
    /// The chosen kind.
    kind: RwSignal<LoopKind>,
) -> impl IntoView {
    let for_id = id.clone();
    view! {
        <label class="field" for=for_id>
            "How you walk it"
            <select
                id=id
                data-loop-kind
                on:change=move |ev| {
                    kind.set(if event_target_value(&ev) == "out_and_back" { LoopKind::OutAndBack } else { LoopKind::Loop })
                }
                prop:value=move || if kind.get() == LoopKind::OutAndBack { "out_and_back" } else { "loop" }
            >
                <option value="loop">"Round a loop"</option>
                <option value="out_and_back">"Out and back (cues say when to turn)"</option>
            </select>
        </label>
    }
}
