//! Tells the walker plainly when their history is not safely stored, and
//! offers the way out (export) before anything can be lost.

use leptos::prelude::*;

use crate::domain::dates::today;
use crate::domain::store::{backup_file_name, backup_json};
use crate::platform::{download, storage};
use crate::ui::history::format::walks_text;
use crate::ui::state::{app_state, StoreStatus};

/// A notice at the top of every screen while storage is not OK.
#[component]
pub fn StorageNotice() -> impl IntoView {
    let state = app_state();
    let (export_error, set_export_error) = signal(None::<String>);

    let export_raw = move |_| {
        if let StoreStatus::Unreadable { raw, .. } = state.store_status.get_untracked() {
            let name = format!(
                "loopwalk-unreadable-data-{}.txt",
                crate::domain::dates::iso_date(today())
            );
            set_export_error.set(download::download_text(&name, "text/plain", &raw).err());
        }
    };
    let export_backup = move |_| {
        let text = state
            .store
            .with_untracked(|s| backup_json(s, chrono::Utc::now()));
        let name = backup_file_name(today());
        set_export_error.set(download::download_text(&name, "application/json", &text).err());
    };
    let start_again = move |_| {
        // On failure the status says why; the data is still kept as it is.
        let _ = state.replace_unreadable();
    };

    let pending = move || {
        let n = state.pending_walks.get();
        (n > 0).then(|| {
            view! {
                <p class="pending-walks" data-pending=n.to_string()>
                    {format!(
                        "{} waiting to be stored: {} kept on the phone apart from your history, tried again at every save and every start, and included in every backup.",
                        walks_text(n as u64),
                        if n == 1 { "it is" } else { "they are" },
                    )}
                </p>
            }
        })
    };
    // Only while saving works: once it fails, the notice above says why
    // and offers the export.
    let space = move || {
        let used = state.space_used.get()?;
        let saving = state.store_status.with(|s| *s == StoreStatus::Ok);
        (saving && used >= storage::WARN_AT).then(|| {
            view! {
                <div class="card notice space-warning" role="status">
                    <h2>"Storage nearly full"</h2>
                    <p>{format!(
                        "Loopwalk is using about {}% of the space this browser gives it. Export a backup now; when the space runs out, new walks can't be stored.",
                        (used * 100.0).round().min(100.0) as u32
                    )}</p>
                    <button class="btn primary" on:click=export_backup>"Export a backup"</button>
                </div>
            }
        })
    };

    let problem = move || {
        let body = match state.store_status.get() {
            StoreStatus::Ok => {
                return (state.pending_walks.get() > 0).then(|| {
                    view! {
                        <div class="card notice" role="alert">
                            <h2>"A walk is not in your stored history yet"</h2>
                            {pending}
                            <button class="btn primary" on:click=export_backup>"Export a backup"</button>
                        </div>
                    }
                    .into_any()
                })
            }
            StoreStatus::Unreadable {
                reason, backup_key, ..
            } => view! {
                <h2>"Your saved walks could not be read"</h2>
                <p>{reason}</p>
                <p>
                    "Nothing has been deleted: the data is kept as it is"
                    {backup_key.map(|k| format!(" (with a copy under {k})"))}
                    ". Export it to keep a copy, then you can start a fresh history."
                </p>
                <div class="actions">
                    <button class="btn primary" on:click=export_raw>"Export the data"</button>
                    <button class="btn outline" on:click=start_again>"Start a fresh history"</button>
                </div>
            }
            .into_any(),
            StoreStatus::Unavailable => view! {
                <h2>"Walks can't be saved in this browser"</h2>
                <p>"Storage is turned off (private browsing or blocked site data). Walks stay only until you close this page. Export a backup to keep them."</p>
                <button class="btn primary" on:click=export_backup>"Export a backup"</button>
            }
            .into_any(),
            StoreStatus::SaveFailed(e) => view! {
                <h2>"Your last change is not saved yet"</h2>
                <p>{e.to_string()}</p>
                <p>"Everything is still here while the app is open. Export a backup now to be safe."</p>
                <button class="btn primary" on:click=export_backup>"Export a backup"</button>
            }
            .into_any(),
        };
        Some(
            view! {
                <div class="card notice" role="alert">
                    {body}
                    {pending}
                    {move || export_error.get().map(|e| view! { <p class="error">{e}</p> })}
                </div>
            }
            .into_any(),
        )
    };
    view! { {problem} {space} }
}
