//! The application shell: header, current screen, tab bar, update banner.

use leptos::prelude::*;

use crate::platform::storage;
use crate::platform::sw;
use crate::ui::history::persist::ask_for_persistence_after_first_walk;
use crate::ui::history::undo_snackbar::UndoOffer;
use crate::ui::icons::BrandMark;
use crate::ui::install::after_first_walk::InstallAfterFirstWalk;
use crate::ui::install::InstallState;
use crate::ui::route::{self, Tab};
use crate::ui::screens::{
    history::HistoryScreen, milestones::MilestonesScreen, settings::SettingsScreen,
    walk::WalkScreen,
};
use crate::ui::state::AppState;
use crate::ui::storage_notice::StorageNotice;
use crate::ui::tab_bar::TabBar;
use crate::ui::update_banner::UpdateBanner;
use crate::ui::walk::controller::WalkCtl;
use crate::ui::walk::cues::WalkCues;

/// The whole application.
#[component]
pub fn App() -> impl IntoView {
    let state = AppState::load(Tab::Walk);
    provide_context(state);
    // The one hash listener: the screen and its sub-page follow the URL.
    route::follow_hash(state);
    // One walk recorder for the page, whichever screen is shown.
    let walk = WalkCtl::new(state);
    provide_context(walk);
    // Page-wide UI state that outlives any one screen.
    provide_context(UndoOffer::new());
    provide_context(InstallState::watch_page());

    // Another tab saved: merge its walks into ours (never overwrite).
    let other_tabs = send_wrapper::SendWrapper::new(storage::on_store_changed(move |other| {
        state.merge_from_other_tab(other)
    }));
    on_cleanup(move || drop(other_tabs));

    // Keep the document title in step with the screen (screen readers announce it).
    Effect::new(move |_| {
        let title = format!("{} - Loopwalk", state.tab.get().label());
        if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
            doc.set_title(&title);
        }
    });

    sw::register(move || state.update_ready.set(true));
    // Once there is a walk worth keeping, ask the browser not to evict it.
    ask_for_persistence_after_first_walk();

    let screen = move || match state.tab.get() {
        Tab::Walk => view! { <WalkScreen/> }.into_any(),
        Tab::History => view! { <HistoryScreen/> }.into_any(),
        Tab::Milestones => view! { <MilestonesScreen/> }.into_any(),
        Tab::Settings => view! { <SettingsScreen/> }.into_any(),
    };

    view! {
        <div class="app">
            <header class="topbar">
                <BrandMark/>
                <h1 id="screen-title">{move || state.tab.get().label()}</h1>
            </header>
            <main id="main" class="screen" tabindex="-1" data-screen=move || state.tab.get().label()>
                <StorageNotice/>
                // Install offer, once, after the first saved walk (issue 16).
                {move || (state.tab.get() == Tab::Walk).then(|| view! { <InstallAfterFirstWalk/> })}
                {screen}
                // Walk cues live as long as the app: a walker who opens
                // History mid-walk still hears them (issue 17).
                <WalkCues/>
            </main>
            <TabBar/>
            <UpdateBanner walk_running=walk.running/>
        </div>
    }
}
