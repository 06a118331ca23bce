//! Inline SVG icons drawn for Loopwalk (decorative: `aria-hidden`, the text
//! label beside them carries the meaning).

use leptos::prelude::*;

use crate::ui::route::Tab;

/// The icon of a tab.
#[component]
pub fn TabIcon(
    /// Which tab.
    tab: Tab,
) -> impl IntoView {
    let body = match tab {
        // Two footprints.
        Tab::Walk => view! {
            <g fill="currentColor" stroke="none">
                <ellipse cx="8.5" cy="14.5" rx="2.6" ry="4" transform="rotate(-12 8.5 14.5)"/>
                <circle cx="9.3" cy="8.6" r="1.3"/>
                <ellipse cx="15.5" cy="10" rx="2.6" ry="4" transform="rotate(12 15.5 10)"/>
                <circle cx="14.7" cy="4.1" r="1.3"/>
            </g>
        }
        .into_any(),
        // A calendar page.
        Tab::History => view! {
            <g fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">
                <rect x="3.5" y="5" width="17" height="15.5" rx="2.5"/>
                <path d="M3.5 10h17M8 3v4M16 3v4M8 14h3M8 17h6"/>
            </g>
        }
        .into_any(),
        // A medal on a ribbon.
        Tab::Milestones => view! {
            <g fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">
                <path d="M8 3l2.5 6M16 3l-2.5 6"/>
                <circle cx="12" cy="15" r="6"/>
                <path d="M12 12.2l.9 1.8 2 .3-1.45 1.4.35 2-1.8-.95-1.8.95.35-2-1.45-1.4 2-.3z" fill="currentColor" stroke-width="1"/>
            </g>
        }
        .into_any(),
        // Three sliders.
        Tab::Settings => view! {
            <g fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round">
                <path d="M4 6h16M4 12h16M4 18h16"/>
                <circle cx="9" cy="6" r="2.2" fill="var(--surface)"/>
                <circle cx="15" cy="12" r="2.2" fill="var(--surface)"/>
                <circle cx="7" cy="18" r="2.2" fill="var(--surface)"/>
            </g>
        }
        .into_any(),
    };
    view! {
        <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            {body}
        </svg>
    }
}

/// The Loopwalk mark (the app icon's loop and footprints), decorative.
#[component]
pub fn BrandMark() -> impl IntoView {
    view! {
        <svg class="brand-mark" viewBox="0 0 512 512" aria-hidden="true" focusable="false">
            <rect x="16" y="16" width="480" height="480" rx="112" fill="#1f6f5c"/>
            <path d="M256 104a152 152 0 1 1-131.6 76" fill="none" stroke="#f4efe3" stroke-width="38" stroke-linecap="round"/>
            <path d="M152 132L90 160L159 200z" fill="#f4efe3"/>
            <g fill="#f6c453">
                <ellipse cx="222" cy="292" rx="30" ry="46" transform="rotate(-14 222 292)"/>
                <ellipse cx="296" cy="238" rx="30" ry="46" transform="rotate(14 296 238)"/>
            </g>
        </svg>
    }
}
