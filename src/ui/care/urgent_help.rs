//! "When to get help urgently": three tiers of signs with back pain or
//! sciatica, in plain words (after NHS guidance; every line and its source
//! in `docs/care.md`), with the numbers for where the walker lives.

use leptos::prelude::*;

use crate::domain::care::Tier;
use crate::ui::care::tier_list::TierList;
use crate::ui::care::urgent_back;
use crate::ui::settings::country::{use_country, CountrySetting};

/// Scroll to the country list at the end of the page and focus it.
fn focus_country() {
    use wasm_bindgen::JsCast;
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("country"))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        el.scroll_into_view();
        let _ = el.focus();
    }
}

/// The urgent-help page (`#/settings/urgent`; with `?from=walk` its back
/// link returns to the Walk screen).
#[component]
pub fn UrgentHelp() -> impl IntoView {
    let hash = web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default();
    let (back, back_label) = urgent_back(&hash);
    let country = use_country();
    view! {
        <article class="subpage urgent" aria-labelledby="urgent-title">
            <a class="back-link" href=back>{back_label}</a>
            <h2 id="urgent-title">"When to get help urgently"</h2>
            <p>
                "Most back pain and sciatica gets better with time and gentle movement. "
                "A few signs need a doctor quickly. Please don't wait and see if you notice any of these."
            </p>
            <p class="small urgent-where" data-urgent-country=move || country.get().0.code>
                {move || {
                    let (c, guessed) = country.get();
                    if guessed {
                        format!("Numbers for: {} (guessed from your time zone). ", c.name)
                    } else {
                        format!("Numbers for: {}. ", c.name)
                    }
                }}
                <button type="button" class="btn link-btn" data-action="change-country" on:click=move |_| focus_country()>
                    "Change where you live"
                </button>
            </p>
            {move || {
                let c = country.get().0;
                view! {
                    <TierList tier=Tier::Emergency country=c id="urgent-999"/>
                    <p class="small">
                        "These can be signs of a rare but serious problem where the nerves at the bottom of the spine are squeezed (cauda equina syndrome). It needs treatment in hospital quickly."
                    </p>
                    <TierList tier=Tier::Urgent country=c id="urgent-111"/>
                    <TierList tier=Tier::SeeGp country=c id="urgent-gp"/>
                }
            }}
            <CountrySetting in_page=true/>
            <p class="muted small">
                "Loopwalk is a walking companion, not medical advice. If you are worried about your back, a doctor or physiotherapist can help."
            </p>
        </article>
    }
}
