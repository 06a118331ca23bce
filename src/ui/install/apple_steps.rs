//! The two steps of installing on iPhone and iPad Safari, with a small
//! picture of each.

use leptos::prelude::*;

/// "1. Tap Share. 2. Tap Add to Home Screen", each with a drawing of the
/// button to look for. Decorative pictures: the text carries the meaning.
#[component]
pub fn AppleSteps() -> impl IntoView {
    view! {
        <ol class="apple-steps" data-install="apple-steps">
            <li>
                <svg class="step-art" viewBox="0 0 120 64" width="120" height="64" aria-hidden="true">
                    // Safari's bottom bar with the Share button ringed.
                    <rect x="2" y="14" width="116" height="36" rx="8" class="art-bar"/>
                    <path d="M22 32h12M22 32l4-4M22 32l4 4" class="art-line"/>
                    <path d="M86 32h12M98 32l-4-4M98 32l-4 4" class="art-line faint"/>
                    <circle cx="60" cy="32" r="15" class="art-ring"/>
                    <path d="M54 30v9h12v-9M60 23v11M56 27l4-4 4 4" class="art-line strong"/>
                </svg>
                <span>
                    <strong>"Tap Share"</strong>
                    " (the square with an arrow pointing up), at the bottom of Safari, or at the top on iPad."
                </span>
            </li>
            <li>
                <svg class="step-art" viewBox="0 0 120 64" width="120" height="64" aria-hidden="true">
                    // The share sheet row, with its plus-in-a-square icon.
                    <rect x="2" y="14" width="116" height="36" rx="8" class="art-bar"/>
                    <rect x="10" y="22" width="60" height="6" rx="3" class="art-text"/>
                    <rect x="10" y="34" width="38" height="6" rx="3" class="art-text faint"/>
                    <rect x="88" y="20" width="22" height="22" rx="5" class="art-ring"/>
                    <path d="M99 25v12M93 31h12" class="art-line strong"/>
                </svg>
                <span>
                    <strong>"Tap Add to Home Screen"</strong>
                    " (scroll down the list if you don't see it), then Add."
                </span>
            </li>
        </ol>
    }
}
