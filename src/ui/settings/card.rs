//! The frame every Settings section shares: a card with its heading (which
//! names the section for screen readers) and an optional line under it.

use leptos::prelude::*;

/// A Settings section: `key` names it (`settings-<key>` is its heading's id),
/// `class` styles it.
#[component]
pub fn SettingsCard(
    key: &'static str,
    title: &'static str,
    #[prop(optional)] class: &'static str,
    #[prop(optional)] intro: Option<&'static str>,
    children: Children,
) -> impl IntoView {
    let id = format!("settings-{key}");
    view! {
        <section class=format!("card {class}") aria-labelledby=format!("settings-{key}")>
            <h2 id=id>{title}</h2>
            {intro.map(|text| view! { <p class="small muted">{text}</p> })}
            {children()}
        </section>
    }
}
