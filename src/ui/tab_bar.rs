//! The bottom tab bar.

use leptos::prelude::*;

use crate::ui::icons::TabIcon;
use crate::ui::route::Tab;
use crate::ui::state::app_state;

/// Bottom navigation between the four screens. Links are plain `#/...`
/// fragments, so the back button and the manifest shortcut work.
#[component]
pub fn TabBar() -> impl IntoView {
    let state = app_state();
    view! {
        <nav class="tabbar" aria-label="Screens">
            {Tab::ALL
                .into_iter()
                .map(|tab| {
                    let current = move || (state.tab.get() == tab).then_some("page");
                    view! {
                        <a href=tab.hash() aria-current=current data-tab=tab.label()>
                            <TabIcon tab=tab/>
                            <span>{tab.label()}</span>
                        </a>
                    }
                })
                .collect_view()}
        </nav>
    }
}
