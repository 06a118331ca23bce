//! One tier of "when to get help", with its heading and call button for
//! where the walker lives.

use leptos::prelude::*;

use crate::domain::care::{call_button, heading, signs, Country, Tier};

/// A tier's heading, its signs and, where one may be shown, its call
/// button (never for "Other", never a line no official source confirms).
#[component]
pub fn TierList(
    /// Which tier.
    tier: Tier,
    /// Where the walker lives.
    country: &'static Country,
    /// Id of the heading (for `aria-labelledby`).
    #[prop(into)]
    id: String,
) -> impl IntoView {
    let (class, button_class) = match tier {
        Tier::Emergency => ("card urgent-now", "btn danger block call"),
        Tier::Urgent => ("card urgent-soon", "btn outline block call"),
        Tier::SeeGp => ("card soft see-gp", "btn outline block call"),
    };
    let items = signs(tier)
        .iter()
        .map(|s| view! { <li>{s.text}</li> })
        .collect_view();
    let button = call_button(tier, country)
        .map(|(label, href)| view! { <a class=button_class href=href>{label}</a> });
    let no_button = (tier == Tier::Emergency && country.emergency.is_none()).then(
        || view! { <p class="call-local"><strong>"Call your local emergency number."</strong></p> },
    );
    let (emergency_first, button, no_button) = if tier == Tier::Emergency {
        ((button, no_button), None, None)
    } else {
        ((None, None), button, no_button)
    };
    let note = match tier {
        Tier::Emergency => country.emergency_note,
        Tier::Urgent => country.health_line.and_then(|l| l.note),
        Tier::SeeGp => Some("There's no rush, but don't put it off: they can help."),
    };
    let tier_name = match tier {
        Tier::Emergency => "emergency",
        Tier::Urgent => "urgent",
        Tier::SeeGp => "see-gp",
    };
    let label_id = id.clone();
    view! {
        <section class=class aria-labelledby=label_id data-tier=tier_name>
            <h3 id=id>{heading(tier, country)}</h3>
            // In an emergency the button comes first, in reach without scrolling.
            {emergency_first}
            <ul class="flags">{items}</ul>
            {button}
            {no_button}
            {note.map(|n| view! { <p class="small">{n}</p> })}
        </section>
    }
}
