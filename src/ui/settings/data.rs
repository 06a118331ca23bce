//! Settings section: Your data. Export a backup (JSON) or the walks (CSV),
//! import a backup after a preview, and see how the data is stored.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use crate::domain::dates::today;
use crate::domain::store::{
    backup_file_name, backup_json, csv_file_name, preview_import, try_to_json, walks_csv,
    ImportError, ImportPreview, MAX_IMPORT_BYTES,
};
use crate::platform::{download, storage};
use crate::ui::history::format::{bytes_text, walks_text};
use crate::ui::state::{app_state, StoreStatus};

/// Where an import stands.
#[derive(Debug, Clone, PartialEq)]
enum Import {
    Idle,
    Reading(String),
    Preview {
        file: String,
        preview: Box<ImportPreview>,
    },
    Failed(String),
    Applied {
        message: String,
        saved: bool,
    },
}

/// Read a chosen file's text (refusing files too big to be a backup).
async fn read_file(file: web_sys::File) -> Result<String, String> {
    let size = file.size();
    if size > MAX_IMPORT_BYTES as f64 {
        return Err(ImportError::TooLarge {
            bytes: size as usize,
            limit: MAX_IMPORT_BYTES,
        }
        .to_string());
    }
    let text = wasm_bindgen_futures::JsFuture::from(file.text())
        .await
        .map_err(|_| "The browser could not read the file.".to_string())?;
    text.as_string()
        .ok_or_else(|| "The browser could not read the file as text.".to_string())
}

/// The preview's lines: exactly what Apply would change, then what it
/// leaves alone.
fn preview_lines(p: &ImportPreview) -> Vec<String> {
    let n = |k: usize, one: &str, many: &str| format!("{k} {}", if k == 1 { one } else { many });
    let mut lines = vec![format!("{} to add", walks_text(p.new_walks as u64))];
    if p.restored > 0 {
        lines.push(format!(
            "{} you deleted here, brought back",
            walks_text(p.restored as u64)
        ));
    }
    if p.new_loops > 0 {
        lines.push(format!("{} to add", n(p.new_loops, "loop", "loops")));
    }
    if !p.settings_changed.is_empty() {
        lines.push(format!(
            "Settings from the file replace the defaults here: {}",
            p.settings_changed.join(", ")
        ));
    }
    lines.push(format!(
        "{} already here, identical (no change)",
        p.identical
    ));
    if p.conflicting > 0 {
        lines.push(format!(
            "{} skipped: already here with different details (the copy here is kept)",
            n(p.conflicting, "walk", "walks")
        ));
    }
    lines.push(format!("{} invalid (skipped)", p.invalid));
    if p.deletions_ignored > 0 {
        lines.push(format!(
            "{} listed as deleted in the file: ignored (nothing here is deleted)",
            n(p.deletions_ignored, "walk", "walks")
        ));
    }
    lines
}

/// Export, import and storage status.
#[component]
pub fn DataSettings() -> impl IntoView {
    let state = app_state();
    let exported = RwSignal::new(storage::last_export().is_some());
    let export_error = RwSignal::new(None::<String>);
    let import = RwSignal::new(Import::Idle);

    let walk_count = Memo::new(move |_| state.store.with(|s| s.walks.len()));
    let bytes = Memo::new(move |_| {
        state
            .store
            .with(|s| try_to_json(s).map(|t| t.len()).unwrap_or(0))
    });
    let persist = Memo::new(move |_| state.store.with(|s| s.settings.persist_granted));

    let export = move |csv: bool| {
        let date = today();
        let (name, mime, text) = state.store.with_untracked(|s| {
            if csv {
                (csv_file_name(date), "text/csv", walks_csv(s))
            } else {
                (
                    backup_file_name(date),
                    "application/json",
                    backup_json(s, chrono::Utc::now()),
                )
            }
        });
        match download::download_text(&name, mime, &text) {
            Ok(()) => {
                export_error.set(None);
                if !csv {
                    exported.set(true);
                    if !storage::record_export(&crate::domain::dates::iso_date(date)) {
                        export_error.set(Some(
                            "Backup made. (The browser's storage is full or blocked, so Loopwalk could not note the date of it; the reminder may show again.)".into(),
                        ));
                    }
                }
            }
            Err(e) => export_error.set(Some(e)),
        }
    };

    let on_file = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        // Let the same file be chosen again later.
        input.set_value("");
        let name = file.name();
        import.set(Import::Reading(name.clone()));
        spawn_local(async move {
            let next = match read_file(file).await {
                Err(e) => Import::Failed(e),
                Ok(text) => match state.store.with_untracked(|s| preview_import(s, &text)) {
                    Ok(p) => Import::Preview {
                        file: name,
                        preview: Box::new(p),
                    },
                    Err(e) => Import::Failed(e.to_string()),
                },
            };
            import.set(next);
        });
    };

    let apply = move |_| {
        let Import::Preview { preview, .. } = import.get_untracked() else {
            return;
        };
        // Applied to the store as it is now (another window may have saved
        // since the preview): only additions, nothing removed or replaced.
        let added = state.update_store(|s| preview.apply(s, chrono::Utc::now()));
        let saved = matches!(state.store_status.get_untracked(), StoreStatus::Ok);
        let message = if saved {
            format!("Imported: {} added.", walks_text(added as u64))
        } else {
            "Imported into this window, but it could not be saved: see the message at the top. Nothing was removed.".into()
        };
        import.set(Import::Applied { message, saved });
    };

    let status = move || {
        let n = walk_count.get();
        let persistence = match (persist.get(), n) {
            (Some(true), _) => "Kept safe: the browser has agreed not to clear Loopwalk's data.",
            (Some(false), _) => "Not guaranteed: the browser may clear Loopwalk's data when the phone is short of space, or after weeks without use. Export a backup now and then.",
            (None, 0) => "Loopwalk asks the browser to keep your data safe once you save your first walk.",
            (None, _) => "Not known: this browser does not say whether it will keep Loopwalk's data. Export a backup now and then.",
        };
        view! {
            <dl class="facts storage-facts">
                <div><dt>"Walks kept"</dt><dd data-walk-count=n.to_string()>{n}</dd></div>
                <div><dt>"Space used"</dt><dd>"about "{bytes_text(bytes.get())}</dd></div>
            </dl>
            <p class="persist-status">{persistence}</p>
        }
    };

    let quarantined = Memo::new(move |_| state.store.with(|s| s.quarantine.len()));
    let export_quarantine = move |_| {
        let text = state
            .store
            .with_untracked(|s| serde_json::to_string_pretty(&s.quarantine).unwrap_or_default());
        let name = format!(
            "loopwalk-set-aside-{}.json",
            crate::domain::dates::iso_date(today())
        );
        export_error.set(download::download_text(&name, "application/json", &text).err());
    };
    let quarantine_view = move || {
        let n = quarantined.get();
        (n > 0).then(|| {
            view! {
                <div class="quarantine" role="status">
                    <h3>"Records set aside"</h3>
                    <p data-quarantined=n.to_string()>
                        {format!(
                            "{n} saved {} could not be shown: {} impossible values (a date outside 2000-2100, a time zone beyond 14 hours, or an impossible duration or count). {} kept exactly as found and included in every backup, but left out of your history and figures.",
                            if n == 1 { "record" } else { "records" },
                            if n == 1 { "it has" } else { "they have" },
                            if n == 1 { "It is" } else { "They are" },
                        )}
                    </p>
                    <button class="btn outline" type="button" data-action="export-set-aside" on:click=export_quarantine>
                        "Export the records set aside"
                    </button>
                </div>
            }
        })
    };

    let hint = move || {
        (walk_count.get() > 0 && !exported.get()).then(|| {
            view! {
                <p class="hint">
                    "Your walks live only on this phone. Export a backup now and keep it somewhere safe (email it to yourself, or save it to your files)."
                </p>
            }
        })
    };

    let import_view = move || {
        match import.get() {
        Import::Idle => None,
        Import::Reading(name) => {
            Some(view! { <p class="muted">"Reading "{name}"…"</p> }.into_any())
        }
        Import::Failed(msg) => Some(
            view! {
                <div class="import-result failed" role="alert">
                    <p class="error">"This file can't be imported. "{msg}</p>
                    <p class="muted small">"Nothing was changed."</p>
                </div>
            }
            .into_any(),
        ),
        Import::Applied { message, saved } => Some(
            view! {
                <p class=if saved { "import-result done" } else { "import-result unsaved" } role="status">
                    {message}
                </p>
            }
            .into_any(),
        ),
        Import::Preview { file, preview } => Some(
            view! {
                <div class="import-preview" role="group" aria-labelledby="import-preview-title">
                    <h3 id="import-preview-title">"Import "{file}"?"</h3>
                    <ul class="import-counts">
                        {preview_lines(&preview).into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}
                    </ul>
                    <p class="muted small">"Nothing you have now is removed or overwritten."</p>
                    <div class="actions">
                        <button class="btn primary" type="button" on:click=apply>"Apply"</button>
                        <button class="btn outline" type="button" on:click=move |_| import.set(Import::Idle)>"Cancel"</button>
                    </div>
                </div>
            }
            .into_any(),
        ),
    }
    };

    view! {
        <section class="card data-settings" aria-labelledby="settings-data">
            <h2 id="settings-data">"Your data"</h2>
            {status}
            {quarantine_view}
            {hint}
            <h3>"Export"</h3>
            <div class="actions">
                <button class="btn primary" type="button" data-action="export-backup" on:click=move |_| export(false)>
                    "Export a backup"
                </button>
                <button class="btn outline" type="button" data-action="export-csv" on:click=move |_| export(true)>
                    "Export walks as CSV"
                </button>
            </div>
            <p class="muted small">"A backup (JSON) can be imported again on any phone. The CSV opens in a spreadsheet."</p>
            {move || export_error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
            <h3>"Import a backup"</h3>
            <label class="btn outline file-btn">
                <input
                    class="visually-hidden"
                    type="file"
                    name="import"
                    accept=".json,application/json"
                    on:change=on_file
                />
                "Choose a backup file"
            </label>
            <p class="muted small">"Walks already here are kept; you'll see what the file adds before anything changes."</p>
            {import_view}
        </section>
    }
}
