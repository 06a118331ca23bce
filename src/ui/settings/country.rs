//! Settings section: where you live (for the right emergency numbers).

use leptos::prelude::*;

use crate::domain::care::{country_for, COUNTRIES};
use crate::platform::time_zone;
use crate::ui::state::app_state;

/// The walker's country as the urgent-help page uses it: confirmed, or
/// guessed offline from the time zone (`true` while only a guess).
pub fn use_country() -> Memo<(&'static crate::domain::care::Country, bool)> {
    let state = app_state();
    let tz = time_zone::current();
    Memo::new(move |_| {
        state
            .store
            .with(|s| country_for(&s.settings, tz.as_deref()))
    })
}

/// "Where you live": a list of countries, guessed from the phone's time
/// zone on first run and shown for the walker to confirm or change. Used in
/// Settings and at the top of "When to get help urgently".
#[component]
pub fn CountrySetting(
    /// Inside another page (smaller heading, no card of its own).
    #[prop(optional)]
    in_page: bool,
) -> impl IntoView {
    let state = app_state();
    let country = use_country();
    let options = COUNTRIES
        .iter()
        .map(|c| view! { <option value=c.code>{c.name}</option> })
        .collect_view();
    let choose = move |code: String| {
        state.update_store(|s| s.settings.country = Some(code));
    };
    let class = if in_page {
        "country-setting in-page"
    } else {
        "card country-setting"
    };
    let heading = if in_page {
        view! { <h3 id="settings-country">"Where you live"</h3> }.into_any()
    } else {
        view! { <h2 id="settings-country">"Where you live"</h2> }.into_any()
    };
    view! {
        <section class=class aria-labelledby="settings-country" data-country=move || country.get().0.code>
            {heading}
            <label class="field">
                "Country, for the right emergency numbers"
                <select
                    id="country"
                    prop:value=move || country.get().0.code
                    on:change=move |ev| choose(event_target_value(&ev))
                >
                    {options}
                </select>
            </label>
            <Show
                when=move || country.get().1
                fallback=|| view! { <p class="small muted">"Only used to show the right numbers. It stays on this phone."</p> }
            >
                <p class="small country-guess" role="status">
                    {move || format!("Guessed from your phone's time zone: {}. Is that right?", country.get().0.name)}
                </p>
                <button
                    type="button"
                    class="btn"
                    data-action="confirm-country"
                    on:click=move |_| choose(country.get_untracked().0.code.to_string())
                >
                    "Yes, that's right"
                </button>
            </Show>
        </section>
    }
}
