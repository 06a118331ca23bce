//! The versioned document Loopwalk persists: every walk, loop, tombstone and
//! setting, in one JSON text.
//!
//! - [`load`] reads any version ever written (migrating old ones) and never
//!   panics; [`to_json`] writes the current version.
//! - [`merge`] combines this tab's store with another tab's write.
//! - [`preview_import`] validates a backup file and shows what it would add
//!   (import only adds: it never deletes or overwrites).
//! - [`backup_json`] / [`walks_csv`] export.
//!
//! Normal form (what [`merge`] and the editing methods maintain): walks
//! sorted oldest first by `(started_at, id)` with unique ids and none
//! tombstoned; loops sorted by `(created_at, id)` with unique ids; `deleted`
//! sorted and unique; `deleted_at` only for ids in `deleted`; `edited_at`
//! only for walks present.

mod export;
mod import;
mod parse;
mod validate;

pub use export::{backup_file_name, backup_json, csv_file_name, walks_csv};
pub use import::{preview_import, ImportError, ImportPreview};
pub use parse::{load, LoadError, MAX_IMPORT_BYTES, MAX_LOAD_BYTES};
pub use validate::{
    validate_loop, validate_walk, Invalid, MAX_LOOP_NAME_CHARS, MAX_NOTE_CHARS, MAX_OFFSET_MIN,
    MAX_PAIN, MAX_STEPS_PER_WALK, MAX_WALK_SECONDS,
};

use std::cmp::Ordering;
use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::record::{LoopId, LoopRecord, Steps, WalkId, WalkRecord};
use super::settings::Settings;
use crate::domain::sort::sort_by;

/// The schema version [`to_json`] writes.
pub const CURRENT_VERSION: u32 = 2;

/// Everything Loopwalk keeps, as persisted under one storage key.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Store {
    /// Schema version; always [`CURRENT_VERSION`] in memory.
    pub version: u32,
    /// Recorded walks (normal form: oldest first).
    #[serde(default)]
    pub walks: Vec<WalkRecord>,
    /// Named loops (normal form: oldest first).
    #[serde(default)]
    pub loops: Vec<LoopRecord>,
    #[serde(default)]
    pub settings: Settings,
    /// Tombstones: ids of walks deleted on this phone, so merging with
    /// another tab's older copy does not bring them back. (Import ignores a
    /// file's tombstones: only the walker's own Delete removes a walk.)
    #[serde(default)]
    pub deleted: Vec<WalkId>,
    /// When each tombstone was made. A tombstone without a time (written by
    /// an earlier version) counts as older than any timed change.
    #[serde(
        default,
        skip_serializing_if = "BTreeMap::is_empty",
        with = "crate::domain::dates::rfc3339_map"
    )]
    pub deleted_at: BTreeMap<WalkId, DateTime<Utc>>,
    /// When each walk was last edited or restored (Undo, import). Merge
    /// keeps the latest change, and a walk changed after its tombstone was
    /// made beats the tombstone. (Kept beside [`WalkRecord`], which only has
    /// an `edited` flag.)
    #[serde(
        default,
        skip_serializing_if = "BTreeMap::is_empty",
        with = "crate::domain::dates::rfc3339_map"
    )]
    pub edited_at: BTreeMap<WalkId, DateTime<Utc>>,
    /// Records found in storage whose values are out of range (a date
    /// outside 2000-2100, an impossible offset, duration or count). They are
    /// kept exactly as found and exported, but never shown in the history
    /// or used in any calculation. See [`load`].
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub quarantine: Vec<serde_json::Value>,
}

impl Default for Store {
    fn default() -> Self {
        Store {
            version: CURRENT_VERSION,
            walks: Vec::new(),
            loops: Vec::new(),
            settings: Settings::default(),
            deleted: Vec::new(),
            deleted_at: BTreeMap::new(),
            edited_at: BTreeMap::new(),
            quarantine: Vec::new(),
        }
    }
}

/// Serialize a store as compact JSON at [`CURRENT_VERSION`].
///
/// Non-finite numbers (which JSON cannot hold) are written as 0 so the text
/// always loads again.
pub fn to_json(store: &Store) -> String {
    // Not `expect`: that formats serde_json's error with `Debug` on a panic,
    // linking string escaping into the wasm.
    try_to_json(store)
        .unwrap_or_else(|_| panic!("a Store always serializes: plain data with string map keys"))
}

/// [`to_json`] reporting failure as a value instead of panicking (for the
/// storage adapter, where nothing may panic).
pub fn try_to_json(store: &Store) -> Result<String, serde_json::Error> {
    if store.version == CURRENT_VERSION && !has_non_finite(store) {
        serde_json::to_string(store)
    } else {
        let mut s = store.clone();
        s.version = CURRENT_VERSION;
        sanitize_numbers(&mut s);
        serde_json::to_string(&s)
    }
}

/// The JSON of each walk as last written, in the order written, so that
/// writing a long history again formats only the walks that changed: a
/// save after a walk formats one walk, not two thousand. An entry is used
/// only while the walk is equal to the copy it was made from. Entries are
/// matched by position (no hashing): the next entry, or the one after it
/// when a walk was deleted since; a walk found nowhere is formatted anew.
#[derive(Debug, Clone, Default)]
pub struct JsonCache {
    walks: Vec<Option<(WalkRecord, String)>>,
}

impl JsonCache {
    /// Nothing formatted yet.
    pub fn is_empty(&self) -> bool {
        self.walks.is_empty()
    }
}

/// [`try_to_json`], with the walks' JSON taken from `cache` where the walk
/// has not changed since (and the cache brought up to date). The text is
/// [`try_to_json`]'s: everything but the walks is formatted by serde as
/// usual and the walks are put in their place in the same order.
pub fn try_to_json_cached(
    store: &Store,
    cache: &mut JsonCache,
) -> Result<String, serde_json::Error> {
    if store.version != CURRENT_VERSION || has_non_finite(store) {
        return try_to_json(store);
    }
    // Every field but the walks (a field added to Store must be listed
    // here: the struct literal does not compile otherwise).
    let rest = Store {
        version: store.version,
        walks: Vec::new(),
        loops: store.loops.clone(),
        settings: store.settings.clone(),
        deleted: store.deleted.clone(),
        deleted_at: store.deleted_at.clone(),
        edited_at: store.edited_at.clone(),
        quarantine: store.quarantine.clone(),
    };
    let rest = serde_json::to_string(&rest)?;
    let head = format!("{{\"version\":{CURRENT_VERSION},\"walks\":[");
    let Some(tail) = rest
        .strip_prefix(head.as_str())
        .and_then(|t| t.strip_prefix(']'))
    else {
        return try_to_json(store);
    };
    let mut out = String::with_capacity(rest.len() + store.walks.len() * 300);
    out.push_str(&head);
    let mut last = std::mem::take(&mut cache.walks);
    let mut next = Vec::with_capacity(store.walks.len());
    let mut j = 0;
    for (i, w) in store.walks.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        let at = [j, j + 1].into_iter().find(|&k| {
            last.get(k)
                .and_then(Option::as_ref)
                .is_some_and(|(copy, _)| copy.id == w.id)
        });
        let kept = at.and_then(|k| {
            j = k + 1;
            last[k].take().filter(|(copy, _)| copy == w)
        });
        let entry = match kept {
            Some(entry) => entry,
            None => (w.clone(), serde_json::to_string(w)?),
        };
        out.push_str(&entry.1);
        next.push(Some(entry));
    }
    cache.walks = next;
    out.push(']');
    out.push_str(tail);
    Ok(out)
}

fn has_non_finite(store: &Store) -> bool {
    store.walks.iter().any(|w| {
        !(w.duration_s.is_finite() && w.active_s.is_finite() && w.longest_nonstop_s.is_finite())
            || w.rests
                .iter()
                .chain(&w.gaps)
                .any(|s| !(s.at_s.is_finite() && s.len_s.is_finite()))
    }) || store
        .loops
        .iter()
        .any(|l| matches!(l.length, super::record::LoopLength::Metres(m) if !m.is_finite()))
}

fn sanitize_numbers(store: &mut Store) {
    fn fix(v: &mut f64) {
        if !v.is_finite() {
            *v = 0.0;
        }
    }
    for w in &mut store.walks {
        fix(&mut w.duration_s);
        fix(&mut w.active_s);
        fix(&mut w.longest_nonstop_s);
        for s in w.rests.iter_mut().chain(w.gaps.iter_mut()) {
            fix(&mut s.at_s);
            fix(&mut s.len_s);
        }
    }
    for l in &mut store.loops {
        if let super::record::LoopLength::Metres(m) = &mut l.length {
            fix(m);
        }
    }
}

/// Order in which two copies of the same walk compete in [`merge`]: the
/// later change (`edited_at`) wins, then an edited copy over an unedited
/// one, then (only for genuinely conflicting copies, which should not
/// happen) the larger JSON text, an arbitrary but deterministic choice that
/// keeps merge commutative.
fn compare_copies(
    a: &WalkRecord,
    a_at: Option<&DateTime<Utc>>,
    b: &WalkRecord,
    b_at: Option<&DateTime<Utc>>,
) -> Ordering {
    a_at.cmp(&b_at).then(a.edited.cmp(&b.edited)).then_with(|| {
        if a == b {
            Ordering::Equal
        } else {
            let ja = serde_json::to_string(a).unwrap_or_default();
            let jb = serde_json::to_string(b).unwrap_or_default();
            ja.cmp(&jb)
        }
    })
}

/// A tombstone's rank in [`merge`]: `Some(None)` for an untimed tombstone
/// (older than any timed change), `None` for no tombstone.
type TombRank<'a> = Option<Option<&'a DateTime<Utc>>>;

/// Merge this tab's store with a store another tab saved.
///
/// - Walks: union by id. For an id present in both, the copy changed
///   latest wins (see `edited_at`); ties go to an edited copy, then to a
///   deterministic choice.
/// - Deletions carry their time (`deleted_at`): a tombstone wins over every
///   copy changed at or before it, and loses to a copy changed after it (an
///   Undo in any tab beats an older deletion). A tombstone without a time
///   beats only copies without a change time.
///
///   On walks, tombstones and edit times the merge is commutative,
///   associative and idempotent (each id keeps the latest of its events).
/// - Loops: union by id; for an id in both, `local` is kept (loops carry no
///   edit time).
/// - Settings: `local`'s are kept. Quarantined records: union.
///
/// The result is in normal form. (Imports use [`preview_import`], which
/// never deletes or overwrites.)
pub fn merge(local: &Store, other: &Store) -> Store {
    let mut tombs: BTreeMap<&WalkId, Option<&DateTime<Utc>>> = BTreeMap::new();
    for store in [local, other] {
        for id in &store.deleted {
            let at = store.deleted_at.get(id);
            let slot = tombs.entry(id).or_insert(at);
            if at > *slot {
                *slot = at;
            }
        }
    }

    let mut walks: BTreeMap<&WalkId, (&WalkRecord, Option<&DateTime<Utc>>)> = BTreeMap::new();
    for store in [local, other] {
        for w in &store.walks {
            let at = store.edited_at.get(&w.id);
            match walks.get_mut(&w.id) {
                None => {
                    walks.insert(&w.id, (w, at));
                }
                Some(slot) => {
                    if compare_copies(w, at, slot.0, slot.1) == Ordering::Greater {
                        *slot = (w, at);
                    }
                }
            }
        }
    }
    // Each id keeps its latest event: a tombstone at or after the best
    // copy's change time deletes it; a later change removes the tombstone.
    walks.retain(|id, (_, at)| {
        let tomb: TombRank = tombs.get(id).copied();
        match tomb {
            Some(t) if t >= *at => false,
            Some(_) => {
                tombs.remove(id);
                true
            }
            None => true,
        }
    });

    let mut loops: BTreeMap<&LoopId, &LoopRecord> = BTreeMap::new();
    for l in local.loops.iter().chain(&other.loops) {
        loops.entry(&l.id).or_insert(l);
    }

    // The maps are filled one by one (already in key order): collecting
    // into a map would add a copy of std's sort to the wasm.
    let mut edited_at = BTreeMap::new();
    for (id, (_, at)) in &walks {
        if let Some(at) = at {
            edited_at.insert((*id).clone(), **at);
        }
    }
    let mut deleted_at = BTreeMap::new();
    for (id, at) in &tombs {
        if let Some(at) = at {
            deleted_at.insert((*id).clone(), **at);
        }
    }
    let mut walks: Vec<WalkRecord> = walks.into_values().map(|(w, _)| w.clone()).collect();
    sort_walks(&mut walks);
    let mut loops: Vec<LoopRecord> = loops.into_values().cloned().collect();
    sort_by(&mut loops, |a, b| {
        (a.created_at, &a.id).cmp(&(b.created_at, &b.id))
    });
    let mut quarantine = local.quarantine.clone();
    for q in &other.quarantine {
        if !quarantine.contains(q) {
            quarantine.push(q.clone());
        }
    }

    Store {
        version: CURRENT_VERSION,
        walks,
        loops,
        settings: local.settings.clone(),
        deleted: tombs.keys().map(|id| (*id).clone()).collect(),
        deleted_at,
        edited_at,
        quarantine,
    }
}

/// One millisecond after `t` (or `t` itself at the end of time).
fn just_after(t: DateTime<Utc>) -> DateTime<Utc> {
    t.checked_add_signed(chrono::Duration::milliseconds(1))
        .unwrap_or(t)
}

fn sort_walks(walks: &mut [WalkRecord]) {
    sort_by(walks, |a, b| {
        (a.started_at, &a.id).cmp(&(b.started_at, &b.id))
    });
}

/// Changes the walker may make to a saved walk. `None` leaves a field as
/// it is; `Some(None)` clears an optional field.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct WalkPatch {
    pub loop_id: Option<Option<LoopId>>,
    pub steps: Option<Steps>,
    pub pain_before: Option<Option<u8>>,
    pub pain_after: Option<Option<u8>>,
    pub note: Option<Option<String>>,
}

/// Why an edit was refused.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum EditError {
    #[error("that walk no longer exists")]
    NotFound,
    #[error("the change is not possible: {0}")]
    Invalid(#[from] Invalid),
}

impl Store {
    /// An empty store at the current version.
    pub fn new() -> Self {
        Self::default()
    }

    /// The walk with this id, if present.
    pub fn walk(&self, id: &WalkId) -> Option<&WalkRecord> {
        self.walks.iter().find(|w| &w.id == id)
    }

    /// The loop with this id, if present.
    pub fn find_loop(&self, id: &LoopId) -> Option<&LoopRecord> {
        self.loops.iter().find(|l| &l.id == id)
    }

    /// Name of a walk's loop, if it has one that still exists.
    pub fn loop_name(&self, walk: &WalkRecord) -> Option<&str> {
        walk.loop_id
            .as_ref()
            .and_then(|id| self.find_loop(id))
            .map(|l| l.name.as_str())
    }

    /// Add a newly recorded walk (or replace one with the same id), keeping
    /// normal form. Refuses implausible records (see [`validate_walk`]). An
    /// id that had been deleted is un-deleted (its change time is put just
    /// after the deletion, so the walk beats that tombstone in [`merge`]).
    pub fn add_walk(&mut self, walk: WalkRecord) -> Result<(), Invalid> {
        validate_walk(&walk)?;
        let changed = self.deleted_at.get(&walk.id).copied().map(just_after);
        let was_deleted = self.deleted.binary_search(&walk.id).is_ok();
        self.insert_walk(walk.clone());
        match changed {
            Some(at) => {
                self.edited_at.insert(walk.id, at);
            }
            None if was_deleted => {
                // An untimed tombstone loses to any timed change.
                self.edited_at
                    .entry(walk.id)
                    .or_insert(DateTime::<Utc>::UNIX_EPOCH);
            }
            None => {}
        }
        Ok(())
    }

    /// Edit a saved walk: applies `patch`, marks the walk `edited` and
    /// records `now` as its edit time (used by [`merge`]). The walk is left
    /// unchanged if the result would be invalid.
    pub fn edit_walk(
        &mut self,
        id: &WalkId,
        patch: WalkPatch,
        now: DateTime<Utc>,
    ) -> Result<(), EditError> {
        let idx = self
            .walks
            .iter()
            .position(|w| &w.id == id)
            .ok_or(EditError::NotFound)?;
        let mut w = self.walks[idx].clone();
        if let Some(l) = patch.loop_id {
            w.loop_id = l;
        }
        if let Some(s) = patch.steps {
            w.steps = s;
        }
        if let Some(p) = patch.pain_before {
            w.pain_before = p;
        }
        if let Some(p) = patch.pain_after {
            w.pain_after = p;
        }
        if let Some(n) = patch.note {
            w.note = n.filter(|n| !n.trim().is_empty());
        }
        w.edited = true;
        validate_walk(&w)?;
        self.walks[idx] = w;
        self.edited_at.insert(id.clone(), now);
        Ok(())
    }

    /// Delete a walk at `now`, leaving a timed tombstone. Returns the
    /// removed record so the UI can offer undo through
    /// [`Store::restore_walk`].
    ///
    /// The tombstone's time is `now`, or just after the walk's last change
    /// if the clock says otherwise, so the deletion always beats the copy it
    /// deleted when tabs merge.
    pub fn delete_walk(&mut self, id: &WalkId, now: DateTime<Utc>) -> Option<WalkRecord> {
        let idx = self.walks.iter().position(|w| &w.id == id)?;
        let removed = self.walks.remove(idx);
        let at = match self.edited_at.remove(id) {
            Some(changed) if changed >= now => just_after(changed),
            _ => now,
        };
        if let Err(i) = self.deleted.binary_search(id) {
            self.deleted.insert(i, id.clone());
        }
        self.deleted_at.insert(id.clone(), at);
        Some(removed)
    }

    /// Put back a walk removed by [`Store::delete_walk`] (undo) at `now`:
    /// removes its tombstone and inserts it in order, replacing any walk
    /// with its id. Its change time becomes `now` (or just after the
    /// tombstone), so the Undo wins over the deletion in every tab.
    pub fn restore_walk(&mut self, walk: WalkRecord, now: DateTime<Utc>) {
        let at = match self.deleted_at.get(&walk.id) {
            Some(t) if *t >= now => just_after(*t),
            _ => now,
        };
        let id = walk.id.clone();
        self.insert_walk(walk);
        self.edited_at.insert(id, at);
    }

    /// Insert in order (replacing any walk with its id) and drop its
    /// tombstone. Change times are the caller's business.
    fn insert_walk(&mut self, walk: WalkRecord) {
        self.deleted.retain(|d| d != &walk.id);
        self.deleted_at.remove(&walk.id);
        self.walks.retain(|w| w.id != walk.id);
        let key = (walk.started_at, &walk.id);
        let at = self.walks.partition_point(|w| (w.started_at, &w.id) < key);
        self.walks.insert(at, walk);
    }

    /// Add or replace a loop (by id), keeping normal form.
    pub fn upsert_loop(&mut self, l: LoopRecord) -> Result<(), Invalid> {
        validate_loop(&l)?;
        self.loops.retain(|x| x.id != l.id);
        let key = (l.created_at, &l.id);
        let at = self.loops.partition_point(|x| (x.created_at, &x.id) < key);
        self.loops.insert(at, l);
        Ok(())
    }
}

#[cfg(test)]
pub(crate) mod test_support {
    use chrono::{DateTime, Utc};

    use crate::domain::record::{LoopId, LoopLength, LoopRecord, Steps, WalkRecord};

    /// A plausible walk starting at `at` (RFC 3339) with a local offset:
    /// 15 minutes from start to stop, 14 active, one 10-minute stretch.
    pub fn walk(id: &str, at: &str, offset_min: i32, steps: u32) -> WalkRecord {
        let at = at.parse::<DateTime<Utc>>().unwrap();
        WalkRecord {
            duration_s: 900.0,
            longest_nonstop_s: 600.0,
            steps: Steps(steps),
            ..WalkRecord::test_walk(id, at, offset_min, 14.0)
        }
    }

    pub fn a_loop(id: &str, name: &str) -> LoopRecord {
        LoopRecord {
            id: LoopId(id.into()),
            name: name.into(),
            length: LoopLength::Steps(1200),
            created_at: "2026-01-01T08:00:00Z".parse().unwrap(),
            archived: false,
            kind: Default::default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::test_support::*;
    use super::*;

    fn now() -> DateTime<Utc> {
        "2026-05-01T12:00:00Z".parse().unwrap()
    }

    #[test]
    fn a_store_written_with_the_json_cache_is_the_same_text_after_adding_editing_and_deleting() {
        let mut cache = JsonCache::default();
        let mut s = store_with(&[
            walk("a", "2026-04-01T09:00:00Z", 60, 900),
            walk("b", "2026-04-02T09:00:00Z", 60, 1200),
        ]);
        s.settings.last_loop = Some(LoopId("park".into()));
        assert_eq!(try_to_json_cached(&s, &mut cache).unwrap(), to_json(&s));
        s.add_walk(walk("c", "2026-04-03T09:00:00.500Z", 0, 700))
            .unwrap();
        assert_eq!(try_to_json_cached(&s, &mut cache).unwrap(), to_json(&s));
        let mut edited = s.walk(&WalkId("a".into())).unwrap().clone();
        edited.steps = Steps(950);
        edited.note = Some("windy \"today\"".into());
        s.walks[0] = edited;
        let text = try_to_json_cached(&s, &mut cache).unwrap();
        assert_eq!(text, to_json(&s), "an edited walk is formatted again");
        assert!(text.contains("950"));
        s.delete_walk(&WalkId("b".into()), now());
        assert_eq!(try_to_json_cached(&s, &mut cache).unwrap(), to_json(&s));
        assert_eq!(cache.walks.len(), 2, "a deleted walk leaves the cache");
        s.add_walk(walk("d", "2026-03-01T09:00:00Z", 0, 300))
            .unwrap();
        assert_eq!(
            try_to_json_cached(&s, &mut cache).unwrap(),
            to_json(&s),
            "a walk added before the others"
        );
        s.walks[0].duration_s = f64::NAN;
        assert_eq!(
            try_to_json_cached(&s, &mut cache).unwrap(),
            to_json(&s),
            "non-finite numbers are written as 0, as without the cache"
        );
    }

    fn store_with(walks: &[WalkRecord]) -> Store {
        let mut s = Store::new();
        for w in walks {
            s.add_walk(w.clone()).unwrap();
        }
        s
    }

    #[test]
    fn json_round_trip_is_exact() {
        let mut s = store_with(&[
            walk("b", "2026-03-02T09:00:00Z", 0, 1500),
            walk("a", "2026-03-01T09:00:00.123Z", 60, 900),
        ]);
        s.upsert_loop(a_loop("l1", "Park")).unwrap();
        s.settings.height_cm = Some(170);
        s.edit_walk(
            &WalkId("a".into()),
            WalkPatch {
                pain_after: Some(Some(3)),
                ..Default::default()
            },
            now(),
        )
        .unwrap();
        s.delete_walk(&WalkId("b".into()), now());
        let text = to_json(&s);
        assert_eq!(load(&text).unwrap(), s);
        assert!(!text.contains('\n'), "compact");
    }

    #[test]
    fn non_finite_numbers_are_written_as_zero() {
        let mut s = Store::new();
        let mut w = walk("a", "2026-03-01T09:00:00Z", 0, 10);
        w.active_s = f64::NAN;
        s.walks.push(w);
        let back = load(&to_json(&s)).unwrap();
        assert_eq!(back.walks[0].active_s, 0.0);
    }

    #[test]
    fn add_keeps_order_and_refuses_implausible_walks() {
        let s = store_with(&[
            walk("c", "2026-03-03T09:00:00Z", 0, 1),
            walk("a", "2026-03-01T09:00:00Z", 0, 1),
            walk("b", "2026-03-02T09:00:00Z", 0, 1),
        ]);
        let ids: Vec<_> = s.walks.iter().map(|w| w.id.0.as_str()).collect();
        assert_eq!(ids, ["a", "b", "c"]);
        let mut s = s;
        let mut bad = walk("d", "2026-03-04T09:00:00Z", 0, 250_000);
        assert_eq!(s.add_walk(bad.clone()), Err(Invalid::TooManySteps(250_000)));
        bad.steps = Steps(10);
        bad.duration_s = -1.0;
        assert!(s.add_walk(bad).is_err());
        assert_eq!(s.walks.len(), 3);
    }

    #[test]
    fn edit_marks_edited_and_validates() {
        let mut s = store_with(&[walk("a", "2026-03-01T09:00:00Z", 0, 900)]);
        let id = WalkId("a".into());
        let patch = WalkPatch {
            loop_id: Some(Some(LoopId("l1".into()))),
            steps: Some(Steps(1000)),
            pain_before: Some(Some(5)),
            pain_after: Some(Some(4)),
            note: Some(Some("windy".into())),
        };
        s.edit_walk(&id, patch, now()).unwrap();
        let w = s.walk(&id).unwrap();
        assert!(w.edited);
        assert_eq!(
            (w.steps, w.pain_before, w.pain_after),
            (Steps(1000), Some(5), Some(4))
        );
        assert_eq!(w.note.as_deref(), Some("windy"));
        assert_eq!(s.edited_at.get(&id), Some(&now()));

        let bad = WalkPatch {
            pain_after: Some(Some(11)),
            ..Default::default()
        };
        assert_eq!(
            s.edit_walk(&id, bad, now()),
            Err(EditError::Invalid(Invalid::PainOutOfRange(11)))
        );
        assert_eq!(s.walk(&id).unwrap().pain_after, Some(4));
        let clear = WalkPatch {
            note: Some(None),
            pain_before: Some(None),
            ..Default::default()
        };
        s.edit_walk(&id, clear, now()).unwrap();
        assert_eq!(s.walk(&id).unwrap().note, None);
        assert_eq!(s.walk(&id).unwrap().pain_before, None);
        assert_eq!(
            s.edit_walk(&WalkId("zz".into()), WalkPatch::default(), now()),
            Err(EditError::NotFound)
        );
    }

    #[test]
    fn delete_then_restore_is_undo() {
        let original = store_with(&[
            walk("a", "2026-03-01T09:00:00Z", 0, 900),
            walk("b", "2026-03-02T09:00:00Z", 0, 900),
        ]);
        let mut s = original.clone();
        let removed = s.delete_walk(&WalkId("a".into()), now()).unwrap();
        assert_eq!(s.walks.len(), 1);
        assert_eq!(s.deleted, vec![WalkId("a".into())]);
        assert_eq!(s.deleted_at.get(&WalkId("a".into())), Some(&now()));
        assert!(s.delete_walk(&WalkId("a".into()), now()).is_none());
        let later = now() + chrono::Duration::seconds(3);
        s.restore_walk(removed, later);
        assert_eq!(s.walks, original.walks);
        assert!(s.deleted.is_empty() && s.deleted_at.is_empty());
        assert_eq!(s.edited_at.get(&WalkId("a".into())), Some(&later));
    }

    #[test]
    fn undo_in_another_tab_beats_an_older_deletion() {
        // Tabs A and B both hold walk "a". A deletes it; B learns of the
        // deletion (storage event); A undoes. B still holds the deletion in
        // memory and merges on its next save: the walk must stay.
        let id = WalkId("a".into());
        let both = store_with(&[walk("a", "2026-03-01T09:00:00Z", 0, 900)]);
        let mut tab_a = both.clone();
        let removed = tab_a.delete_walk(&id, now()).unwrap();
        let tab_b = merge(&both, &tab_a);
        assert!(tab_b.walk(&id).is_none(), "the deletion reaches B");
        tab_a.restore_walk(removed, now() + chrono::Duration::seconds(5));
        for m in [merge(&tab_b, &tab_a), merge(&tab_a, &tab_b)] {
            assert!(m.walk(&id).is_some(), "the Undo wins");
            assert!(m.deleted.is_empty() && m.deleted_at.is_empty());
        }
        // B's save merges the stored copy (A's undo) into its memory
        // (still holding the tombstone): the walk survives there too.
        let b_saved = merge(&tab_b, &merge(&tab_b, &tab_a));
        assert!(b_saved.walk(&id).is_some());
    }

    #[test]
    fn a_later_deletion_beats_an_older_undo() {
        let id = WalkId("a".into());
        let mut tab_a = store_with(&[walk("a", "2026-03-01T09:00:00Z", 0, 900)]);
        let removed = tab_a.delete_walk(&id, now()).unwrap();
        tab_a.restore_walk(removed, now() + chrono::Duration::seconds(1));
        let mut tab_b = tab_a.clone();
        tab_b.delete_walk(&id, now() + chrono::Duration::seconds(9));
        for m in [merge(&tab_a, &tab_b), merge(&tab_b, &tab_a)] {
            assert!(m.walk(&id).is_none());
            assert_eq!(m.deleted, vec![id.clone()]);
        }
    }

    #[test]
    fn undo_wins_even_when_the_clock_went_back() {
        let id = WalkId("a".into());
        let mut s = store_with(&[walk("a", "2026-03-01T09:00:00Z", 0, 900)]);
        let before = s.clone();
        let removed = s.delete_walk(&id, now()).unwrap();
        // The phone's clock was put back an hour before the Undo.
        s.restore_walk(removed, now() - chrono::Duration::hours(1));
        let deleted_elsewhere = {
            let mut b = before.clone();
            b.delete_walk(&id, now());
            b
        };
        assert!(merge(&deleted_elsewhere, &s).walk(&id).is_some());
    }

    #[test]
    fn untimed_tombstones_from_earlier_versions_still_win_over_unchanged_copies() {
        let id = WalkId("a".into());
        let both = store_with(&[walk("a", "2026-03-01T09:00:00Z", 0, 900)]);
        let mut old = both.clone();
        old.delete_walk(&id, now());
        old.deleted_at.clear();
        assert!(merge(&both, &old).walk(&id).is_none());
        // ...and lose to a walk re-added after them.
        let mut readded = old.clone();
        readded
            .add_walk(walk("a", "2026-03-01T09:00:00Z", 0, 900))
            .unwrap();
        assert!(merge(&old, &readded).walk(&id).is_some());
    }

    #[test]
    fn tombstones_win_over_records() {
        let both = store_with(&[
            walk("a", "2026-03-01T09:00:00Z", 0, 900),
            walk("b", "2026-03-02T09:00:00Z", 0, 900),
        ]);
        let mut here = both.clone();
        here.delete_walk(&WalkId("a".into()), now());
        // The other tab / old backup still has "a": it must not come back.
        for m in [merge(&here, &both), merge(&both, &here)] {
            assert_eq!(m.walks.len(), 1);
            assert_eq!(m.walks[0].id.0, "b");
            assert_eq!(m.deleted, vec![WalkId("a".into())]);
        }
    }

    #[test]
    fn merge_is_union_idempotent_and_commutative() {
        let a = store_with(&[
            walk("a", "2026-03-01T09:00:00Z", 0, 900),
            walk("b", "2026-03-02T09:00:00Z", 0, 900),
        ]);
        let b = store_with(&[
            walk("b", "2026-03-02T09:00:00Z", 0, 900),
            walk("c", "2026-03-03T09:00:00Z", 0, 900),
        ]);
        let ab = merge(&a, &b);
        assert_eq!(ab.walks.len(), 3);
        assert_eq!(merge(&ab, &b), ab);
        assert_eq!(merge(&ab, &ab), ab);
        assert_eq!(merge(&a, &a), a);
        let ba = merge(&b, &a);
        assert_eq!(ab.walks, ba.walks);
        assert_eq!(ab.deleted, ba.deleted);
    }

    #[test]
    fn merge_keeps_the_latest_edit_either_way() {
        let base = store_with(&[walk("a", "2026-03-01T09:00:00Z", 0, 900)]);
        let id = WalkId("a".into());
        let mut early = base.clone();
        early
            .edit_walk(
                &id,
                WalkPatch {
                    steps: Some(Steps(800)),
                    ..Default::default()
                },
                now(),
            )
            .unwrap();
        let mut late = base.clone();
        let later = now() + chrono::Duration::minutes(5);
        late.edit_walk(
            &id,
            WalkPatch {
                steps: Some(Steps(700)),
                ..Default::default()
            },
            later,
        )
        .unwrap();
        for m in [
            merge(&early, &late),
            merge(&late, &early),
            merge(&base, &late),
        ] {
            assert_eq!(m.walk(&id).unwrap().steps, Steps(700));
            assert_eq!(m.edited_at.get(&id), Some(&later));
        }
        // An edit beats the unedited original.
        assert_eq!(merge(&base, &early).walk(&id).unwrap().steps, Steps(800));
    }

    #[test]
    fn merge_keeps_local_loops_and_settings() {
        let mut a = Store::new();
        a.upsert_loop(a_loop("l1", "Park")).unwrap();
        a.settings.tips = false;
        let mut b = Store::new();
        b.upsert_loop(a_loop("l1", "Park (renamed)")).unwrap();
        b.upsert_loop(a_loop("l2", "River")).unwrap();
        let m = merge(&a, &b);
        assert_eq!(m.loops.len(), 2);
        assert_eq!(m.find_loop(&LoopId("l1".into())).unwrap().name, "Park");
        assert!(!m.settings.tips);
    }
}
