//! The calm "see a GP or physiotherapist" tier, shown beside very bad pain
//! after a walk and while a flare-up is on, with the way to the urgent
//! signs.

use leptos::prelude::*;

use crate::domain::care::{heading, signs, Tier};
use crate::ui::settings::country::use_country;

/// The see-a-GP tier in a small card, and a link to "When to get help
/// urgently" for the signs that need help sooner.
#[component]
pub fn SeeGpCard(
    /// Where the link to the urgent page goes (it returns where it came from).
    urgent_href: &'static str,
) -> impl IntoView {
    let country = use_country();
    let items = signs(Tier::SeeGp)
        .iter()
        .map(|s| view! { <li>{s.text}</li> })
        .collect_view();
    view! {
        <div class="see-gp-card" data-tier="see-gp">
            <p><strong>{move || heading(Tier::SeeGp, country.get().0)}</strong></p>
            <ul class="flags">{items}</ul>
            <p class="small">
                "Some signs need help sooner, such as numbness between your legs or new trouble peeing. "
                <a href=urgent_href class="urgent-link">"When to get help urgently"</a>
            </p>
        </div>
    }
}

/// What a pain score of 7 or more is answered with, wherever it is picked
/// (the check-in, or under Start once it has closed): a calm word, then the
/// see-a-GP tier. No call button: this tier has none (docs/care.md).
#[component]
pub fn HighPainAdvice(
    /// Where the link to the urgent page goes.
    urgent_href: &'static str,
) -> impl IntoView {
    view! {
        <p>"That sounds hard. Go gently, and rest if you need to."</p>
        <SeeGpCard urgent_href=urgent_href/>
    }
}
