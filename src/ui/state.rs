//! The app-wide UI state, provided once through context. Domain values live
//! in plain Rust types; this struct only holds the signals around them.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::domain::milestones::{self, Earned, MilestoneReport, NextLimits};
use crate::domain::pacing::Plan;
use crate::domain::record::{LoopRecord, WalkRecord};
use crate::domain::recorder::Stored;
use crate::domain::settings::Settings;
use crate::domain::store::{load, merge, validate_walk, Invalid, JsonCache, Store};
use crate::platform::storage::{self, LoadOutcome, StorageError, StoreText};
use crate::ui::route::{Route, Tab};

/// How the stored history stands, shown to the walker whenever it is not `Ok`.
#[derive(Debug, Clone, PartialEq)]
pub enum StoreStatus {
    /// Loaded (or fresh) and the last save succeeded.
    Ok,
    /// Stored data could not be read. It is kept untouched (and copied to a
    /// backup key); the app runs on an empty history until the walker
    /// decides. `raw` can be exported.
    Unreadable {
        raw: String,
        reason: String,
        backup_key: Option<String>,
    },
    /// The browser offers no storage: nothing will survive closing the page.
    Unavailable,
    /// The last save failed; everything is still in memory (and walks in
    /// the pending list when [`AppState::pending_walks`] says so).
    SaveFailed(StorageError),
}

/// How long after start-up the history's JSON is prepared (the first screen
/// drawn well before; see [`AppState::prepare_saving_after`]).
const PREPARE_SAVING_AFTER: std::time::Duration = std::time::Duration::from_millis(1500);

/// What became of a walk handed to [`AppState::save_walk`].
///
/// The walk recorder clears a walk's checkpoint (its durable copy while it
/// runs) only for `Saved` and `Pending`: in both the walk is on the phone,
/// written and read back.
#[derive(Debug, Clone, PartialEq)]
pub enum SaveOutcome {
    /// In the stored history, written and read back.
    Saved,
    /// The history could not be written (`StorageError` says why); the walk
    /// is kept in the pending list on the phone, retried on every later save
    /// and at start-up, and included in every export.
    Pending(StorageError),
    /// Nothing could be written: the walk is only in memory. Keep the
    /// checkpoint and tell the walker.
    MemoryOnly(StorageError),
}

impl From<SaveOutcome> for Stored {
    /// Where the walk recorder is told the walk now is.
    fn from(outcome: SaveOutcome) -> Self {
        match outcome {
            SaveOutcome::Saved => Self::Saved,
            SaveOutcome::Pending(e) => Self::Pending((&e).into()),
            SaveOutcome::MemoryOnly(e) => Self::MemoryOnly((&e).into()),
        }
    }
}

/// App-wide UI state (signals only; cheap to copy).
#[derive(Clone, Copy)]
pub struct AppState {
    /// Where the URL fragment points (set only by [`crate::ui::route::follow_hash`]).
    pub route: RwSignal<Route>,
    /// The screen on show (the tab of [`AppState::route`]).
    pub tab: Memo<Tab>,
    /// A new version of the app is installed and waiting.
    pub update_ready: RwSignal<bool>,
    /// Everything the walker has recorded, in memory. Change it only through
    /// [`AppState::update_store`], which also saves it.
    pub store: RwSignal<Store>,
    /// Whether the store is safely saved; shown when it is not.
    pub store_status: RwSignal<StoreStatus>,
    /// Walks kept in the pending list because the store could not be
    /// written; shown to the walker ("1 walk waiting to be stored").
    pub pending_walks: RwSignal<usize>,
    /// Share of the ~5 MiB localStorage quota in use after the last save
    /// (`None` when unknown); the walker is warned from
    /// [`storage::WARN_AT`].
    pub space_used: RwSignal<Option<f64>>,
    /// The store text this tab last wrote or read (JS side): when storage
    /// still holds it, a save need not read or parse it again.
    synced: StoredValue<Option<StoreText>, LocalStorage>,
    /// The JSON of each walk as last written (only changed walks are
    /// formatted again on a save).
    json: StoredValue<JsonCache>,
    /// Derived from the store, each computed once per change of what it
    /// depends on, so a view reads only what it shows: changing a setting
    /// does not rebuild the walk list, saving a walk does not recompute the
    /// milestones twice. See [`Derived`].
    pub derived: Derived,
}

// ---- Derived data (memos over the store) ----

/// Parts of the store and figures computed from it, as memos. A memo
/// notifies its readers only when its value really changed.
#[derive(Clone, Copy)]
pub struct Derived {
    /// The walker's local date today (refreshed by [`AppState::refresh_today`]).
    pub today: RwSignal<NaiveDate>,
    /// Every walk (oldest first).
    pub walks: Memo<Vec<WalkRecord>>,
    /// Every loop, archived ones included.
    pub loops: Memo<Vec<LoopRecord>>,
    /// The walker's settings.
    pub settings: Memo<Settings>,
    /// Step length in metres, from the settings.
    pub step_length_m: Memo<f64>,
    /// The pacing plan on [`Derived::today`] (walks, baseline, flare-ups).
    pub plan: Memo<Plan>,
    /// Milestones earned and the next ones, on [`Derived::today`].
    pub milestones: Memo<MilestoneReport>,
    /// What "next up" may suggest today (this week's plan, flare-up).
    pub next_limits: Memo<NextLimits>,
}

impl Derived {
    fn over(store: RwSignal<Store>) -> Self {
        let today = RwSignal::new(crate::domain::dates::today());
        let walks = Memo::new(move |_| store.with(|s| s.walks.clone()));
        let loops = Memo::new(move |_| store.with(|s| s.loops.clone()));
        let settings = Memo::new(move |_| store.with(|s| s.settings.clone()));
        let step_length_m = Memo::new(move |_| settings.with(Settings::step_length_m));
        // The plan depends on the walks and the settings: so on the whole
        // store. Computed once per change for every reader (the milestones'
        // steady weeks, "next up", the week's target).
        let plan = Memo::new(move |_| {
            let day = today.get();
            store.with(|s| crate::domain::care::plan_for(s, day))
        });
        let milestones = Memo::new(move |_| {
            let day = today.get();
            plan.with(|p| store.with(|s| milestones::report_with_plan(s, p, day)))
        });
        let next_limits = Memo::new(move |_| {
            let day = today.get();
            plan.with(|p| settings.with(|s| milestones::limits_for(s, p, day)))
        });
        Self {
            today,
            walks,
            loops,
            settings,
            step_length_m,
            plan,
            milestones,
            next_limits,
        }
    }
}

impl AppState {
    /// Move [`Derived::today`] on if the date changed (a phone left open
    /// overnight); memos that depend on the date recompute.
    pub fn refresh_today(&self) {
        let now = crate::domain::dates::today();
        if self.derived.today.get_untracked() != now {
            self.derived.today.set(now);
        }
    }
}

impl AppState {
    /// Make a change (e.g. `|| state.save_walk(walk)`) and return, with its
    /// result, the milestones it newly earned, to celebrate. The report
    /// before is the memo's current value and the one after is the memo's
    /// next, so a save costs one milestone computation, not two.
    pub fn with_newly_earned<R>(&self, change: impl FnOnce() -> R) -> (R, Vec<Earned>) {
        let before = self.derived.milestones.get_untracked();
        let out = change();
        let fresh = self.derived.milestones.with_untracked(|after| {
            milestones::newly_earned(&before, after)
                .into_iter()
                .cloned()
                .collect()
        });
        (out, fresh)
    }
}

// ---- end of derived data ----

impl AppState {
    /// State with an empty in-memory store (used by tests and before loading).
    pub fn new(tab: Tab) -> Self {
        let route = RwSignal::new(Route::tab(tab));
        let store = RwSignal::new(Store::default());
        Self {
            route,
            tab: Memo::new(move |_| route.with(|r| r.tab)),
            update_ready: RwSignal::new(false),
            store,
            store_status: RwSignal::new(StoreStatus::Ok),
            pending_walks: RwSignal::new(0),
            space_used: RwSignal::new(None),
            synced: StoredValue::new_local(None),
            json: StoredValue::new(JsonCache::default()),
            derived: Derived::over(store),
        }
    }

    /// State loaded from localStorage. Unreadable data is never overwritten:
    /// the app starts empty and says so. Walks in the pending list (saves
    /// that failed earlier) are added to the history and stored now if
    /// possible.
    pub fn load(tab: Tab) -> Self {
        let state = Self::new(tab);
        match storage::load_store() {
            LoadOutcome::Fresh => {}
            LoadOutcome::Loaded(store) => {
                state.synced.set_value(storage::store_text());
                state.store.set(store);
            }
            LoadOutcome::Unreadable {
                raw,
                error,
                backup_key,
            } => state.store_status.set(StoreStatus::Unreadable {
                raw,
                reason: error.to_string(),
                backup_key,
            }),
            LoadOutcome::Unavailable => state.store_status.set(StoreStatus::Unavailable),
        }
        if state.take_in_pending() > 0 {
            // Retry at start-up; on failure the list stays as it is.
            let _ = state.save();
        }
        state.note_space();
        state.prepare_saving_after(PREPARE_SAVING_AFTER);
        state
    }

    /// After `delay`, format every walk's JSON once unless a save has
    /// already done it, so the first save of a visit formats only its own
    /// walk (2,000 walks: ~20 ms less at 4x CPU slowdown, spent when the
    /// walker is not waiting: after start-up, and while a stopped walk's
    /// summary is read). Nothing is written.
    pub fn prepare_saving_after(&self, delay: std::time::Duration) {
        let state = *self;
        set_timeout(move || state.prepare_saving(), delay);
    }

    fn prepare_saving(&self) {
        let _ = self.json.try_update_value(|cache| {
            if cache.is_empty() {
                self.store.try_with_untracked(|s| {
                    drop(crate::domain::store::try_to_json_cached(s, cache))
                });
            }
        });
    }

    /// Add the walks of the pending list that memory lacks (and that were
    /// not deleted here since). Returns the length of the list.
    fn take_in_pending(&self) -> usize {
        let pending = storage::load_pending();
        if !pending.is_empty() {
            self.store.update(|s| {
                for w in &pending {
                    if s.walk(&w.id).is_none() && s.deleted.binary_search(&w.id).is_err() {
                        // A walk refused here (out of range) stays in the
                        // list, shown as waiting, and is never dropped.
                        let _ = s.add_walk(w.clone());
                    }
                }
            });
        }
        self.pending_walks.set(pending.len());
        pending.len()
    }

    /// Merge what another tab saved since this tab last wrote or read the
    /// store (parsed only when the text changed).
    fn catch_up_with_storage(&self) {
        let Some((raw, text)) = self
            .synced
            .with_value(|t| storage::changed_text(t.as_ref()))
        else {
            return;
        };
        if let Ok(other) = load(&raw) {
            self.store.update(|store| *store = merge(store, &other));
            self.synced.set_value(Some(text));
        }
    }

    /// Change the store and save it at once.
    ///
    /// Before the change, whatever another tab saved meanwhile is merged in
    /// (by walk id; each walk keeps its latest change or deletion), so two
    /// open tabs never overwrite each other's walks. A failed save keeps
    /// everything in memory and sets [`AppState::store_status`] so the
    /// walker is told and offered an export.
    pub fn update_store<R>(&self, change: impl FnOnce(&mut Store) -> R) -> R {
        self.catch_up_with_storage();
        let mut out = None;
        self.store.update(|store| out = Some(change(store)));
        let _ = self.save();
        out.expect("the update closure always runs")
    }

    /// Add a finished walk to the history and make it durable; its loop
    /// becomes the one offered first next time.
    ///
    /// `Err`: the record itself is invalid and was not added. Otherwise the
    /// walk is in memory, and the outcome says where else (see
    /// [`SaveOutcome`]): `Saved` once the store was written and read back;
    /// else `Pending` once the walk is written (and read back) in the
    /// pending list, which survives reloads, is retried on every later
    /// save and at start-up, and is in every export (the walks are in
    /// memory); else `MemoryOnly`.
    pub fn save_walk(&self, record: WalkRecord) -> Result<SaveOutcome, Invalid> {
        validate_walk(&record)?;
        self.catch_up_with_storage();
        let mut added = Ok(());
        self.store.update(|s| {
            added = s.add_walk(record.clone());
            if added.is_ok() && record.loop_id.is_some() {
                // Offered first next time (one write for both).
                s.settings.last_loop = record.loop_id.clone();
            }
        });
        added?;
        let Err(error) = self.save() else {
            return Ok(SaveOutcome::Saved);
        };
        let mut pending = storage::load_pending();
        pending.retain(|w| w.id != record.id);
        pending.push(record);
        Ok(match storage::save_pending(&pending) {
            Ok(()) => {
                self.pending_walks.set(pending.len());
                SaveOutcome::Pending(error)
            }
            Err(_) => SaveOutcome::MemoryOnly(error),
        })
    }

    /// Save the in-memory store (written and read back), recording the
    /// outcome in `store_status`. Walks of the pending list are taken in
    /// first, and the list is cleared once they are stored.
    pub fn save(&self) -> Result<(), StorageError> {
        if matches!(
            self.store_status.get_untracked(),
            StoreStatus::Unreadable { .. }
        ) {
            // Kept until the walker decides (export, then start again).
            return Err(StorageError::UnreadableDataProtected);
        }
        let had_pending = self.take_in_pending() > 0;
        let result = self.synced.with_value(|known| {
            self.json
                .try_update_value(|cache| {
                    self.store
                        .with_untracked(|s| storage::save_store(s, known.as_ref(), cache))
                })
                .unwrap_or(Err(StorageError::Unavailable))
        });
        self.after_write(result, had_pending)
    }

    /// Overwrite unreadable stored data with the history in memory, after
    /// the walker chose to start afresh (having been offered an export).
    pub fn replace_unreadable(&self) -> Result<(), StorageError> {
        let result = self.store.with_untracked(storage::replace_unreadable);
        let had_pending = self.pending_walks.get_untracked() > 0;
        self.after_write(result, had_pending)
    }

    fn after_write(
        &self,
        result: Result<StoreText, StorageError>,
        had_pending: bool,
    ) -> Result<(), StorageError> {
        match result {
            Ok(written) => {
                self.note_space();
                self.synced.set_value(Some(written));
                self.store_status.set(StoreStatus::Ok);
                if had_pending {
                    // Keep in the list only what the stored history lacks
                    // (a walk it refused would otherwise be lost).
                    let rest: Vec<WalkRecord> = self.store.with_untracked(|s| {
                        storage::load_pending()
                            .into_iter()
                            .filter(|w| {
                                s.walk(&w.id).is_none() && s.deleted.binary_search(&w.id).is_err()
                            })
                            .collect()
                    });
                    if storage::save_pending(&rest).is_ok() {
                        self.pending_walks.set(rest.len());
                    }
                }
                Ok(())
            }
            Err(e) => {
                self.note_space();
                self.store_status.set(match &e {
                    StorageError::Unavailable => StoreStatus::Unavailable,
                    StorageError::UnreadableDataProtected => match storage::load_store() {
                        LoadOutcome::Unreadable {
                            raw,
                            error,
                            backup_key,
                        } => StoreStatus::Unreadable {
                            raw,
                            reason: error.to_string(),
                            backup_key,
                        },
                        _ => StoreStatus::SaveFailed(e.clone()),
                    },
                    _ => StoreStatus::SaveFailed(e.clone()),
                });
                Err(e)
            }
        }
    }

    /// Update [`AppState::space_used`] from the characters stored.
    fn note_space(&self) {
        let used = storage::used_chars().map(|n| n as f64 / storage::QUOTA_CHARS as f64);
        self.space_used.set(used);
    }

    /// Merge a store another tab saved (from the `storage` event) into memory.
    pub fn merge_from_other_tab(&self, other: Store) {
        self.store.update(|store| *store = merge(store, &other));
    }
}

/// The app state from context (panics outside `<App/>`, a programming error).
pub fn app_state() -> AppState {
    // Not `expect_context`: its panic message formats the type name and the
    // caller with `Debug`, which links `str` escaping into the wasm.
    use_context::<AppState>().expect("App provides the app state")
}

// ---- tests of the derived data ----

#[cfg(test)]
mod derived_tests {
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Arc;

    use super::*;
    use crate::domain::store::test_support::walk;

    fn state_with_a_walk() -> AppState {
        let state = AppState::new(Tab::History);
        state.store.update(|s| {
            s.add_walk(walk("a", "2026-11-20T18:00:00Z", 0, 1200))
                .unwrap()
        });
        state
    }

    #[test]
    fn changing_a_setting_does_not_rerun_what_reads_the_walks() {
        let owner = Owner::new();
        owner.with(|| {
            let state = state_with_a_walk();
            let runs = Arc::new(AtomicUsize::new(0));
            let counted = runs.clone();
            let walks = state.derived.walks;
            let list = Memo::new(move |_| {
                counted.fetch_add(1, Ordering::SeqCst);
                walks.with(Vec::len)
            });
            assert_eq!(list.get_untracked(), 1);
            state
                .store
                .update(|s| s.settings.pain_checkins = !s.settings.pain_checkins);
            assert_eq!(list.get_untracked(), 1);
            assert_eq!(
                runs.load(Ordering::SeqCst),
                1,
                "a setting changed, not a walk"
            );
            state.store.update(|s| {
                s.add_walk(walk("b", "2026-11-21T18:00:00Z", 0, 900))
                    .unwrap()
            });
            assert_eq!(list.get_untracked(), 2);
            assert_eq!(runs.load(Ordering::SeqCst), 2);
        });
    }

    #[test]
    fn a_change_reports_the_milestones_it_newly_earned() {
        let owner = Owner::new();
        owner.with(|| {
            let state = AppState::new(Tab::Walk);
            state.derived.today.set("2026-11-20".parse().unwrap());
            let ((), fresh) = state.with_newly_earned(|| {
                state.store.update(|s| {
                    s.add_walk(walk("a", "2026-11-20T18:00:00Z", 0, 1200))
                        .unwrap()
                })
            });
            let ids: Vec<&str> = fresh.iter().map(|e| e.id).collect();
            assert!(ids.contains(&"first-walk"), "{ids:?}");
            let ((), again) = state
                .with_newly_earned(|| state.store.update(|s| s.settings.tips = !s.settings.tips));
            assert!(again.is_empty(), "nothing new from a setting");
        });
    }
}
