//! The versioned document Loopwalk persists: every walk, loop, tombstone and
//! setting, in one JSON text.
//!
//! - [`load`] reads any version ever written (migrating old ones) and never
//!   panics; [`to_json`] writes the current version.
//! - [`merge`] combines two stores (import, or another tab's write).
//! - [`preview_import`] validates a backup file and shows what it would add.
//! - [`backup_json`] / [`walks_csv`] export.
//!
//! Normal form (what [`merge`] and the editing methods maintain): walks
//! sorted oldest first by `(started_at, id)` with unique ids and none
//! tombstoned; loops sorted by `(created_at, id)` with unique ids; `deleted`
//! sorted and unique; `edited_at` only for walks present.

mod export;
mod import;
mod parse;
mod validate;

pub use export::{backup_file_name, backup_json, csv_file_name, walks_csv};
pub use import::{preview_import, ImportError, ImportPreview};
pub use parse::{load, LoadError, MAX_IMPORT_BYTES, MAX_LOAD_BYTES};
pub use validate::{validate_loop, validate_walk, Invalid, MAX_PAIN, MAX_STEPS_PER_WALK};

use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet};

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
    /// Tombstones: ids of deleted walks, so merging with an older copy (a
    /// backup, another tab) does not bring them back.
    #[serde(default)]
    pub deleted: Vec<WalkId>,
    /// When each edited walk was last edited. Merge keeps the latest edit.
    /// (Added here because [`WalkRecord`] only has an `edited` flag.)
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub edited_at: BTreeMap<WalkId, DateTime<Utc>>,
}

impl Default for Store {
    fn default() -> Self {
        Store {
            version: CURRENT_VERSION,
            walks: Vec::new(),
            loops: Vec::new(),
            settings: Settings::default(),
            deleted: Vec::new(),
            edited_at: BTreeMap::new(),
        }
    }
}

/// Serialize a store as compact JSON at [`CURRENT_VERSION`].
///
/// Non-finite numbers (which JSON cannot hold) are written as 0 so the text
/// always loads again.
pub fn to_json(store: &Store) -> String {
    try_to_json(store).expect("a Store always serializes: plain data with string map keys")
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
/// later `edited_at` wins, then an edited copy over an unedited one, then
/// (only for genuinely conflicting copies, which should not happen) the
/// larger JSON text, an arbitrary but deterministic choice that keeps merge
/// commutative.
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

/// Merge two stores, e.g. the current one and an imported backup, or this
/// tab's store and another tab's write.
///
/// - Walks: union by id. Tombstones (union of both `deleted` lists) win over
///   records. For an id present in both, the copy edited latest wins (see
///   `edited_at`); ties go to an edited copy, then to a deterministic
///   choice. So on walks, tombstones and `edited_at` the merge is
///   commutative, associative and idempotent: importing the same backup twice
///   changes nothing.
/// - Loops: union by id; for an id in both, `local` is kept (loops carry no
///   edit time).
/// - Settings: `local`'s are kept.
///
/// The result is in normal form.
pub fn merge(local: &Store, other: &Store) -> Store {
    let deleted: BTreeSet<&WalkId> = local.deleted.iter().chain(&other.deleted).collect();

    let mut walks: BTreeMap<&WalkId, (&WalkRecord, Option<&DateTime<Utc>>)> = BTreeMap::new();
    for store in [local, other] {
        for w in &store.walks {
            if deleted.contains(&w.id) {
                continue;
            }
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

    let mut loops: BTreeMap<&LoopId, &LoopRecord> = BTreeMap::new();
    for l in local.loops.iter().chain(&other.loops) {
        loops.entry(&l.id).or_insert(l);
    }

    let edited_at = walks
        .iter()
        .filter_map(|(id, (_, at))| at.map(|at| ((*id).clone(), *at)))
        .collect();
    let mut walks: Vec<WalkRecord> = walks.into_values().map(|(w, _)| w.clone()).collect();
    sort_walks(&mut walks);
    let mut loops: Vec<LoopRecord> = loops.into_values().cloned().collect();
    sort_by(&mut loops, |a, b| {
        (a.created_at, &a.id).cmp(&(b.created_at, &b.id))
    });

    Store {
        version: CURRENT_VERSION,
        walks,
        loops,
        settings: local.settings.clone(),
        deleted: deleted.into_iter().cloned().collect(),
        edited_at,
    }
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
    /// id that had been deleted is un-deleted.
    pub fn add_walk(&mut self, walk: WalkRecord) -> Result<(), Invalid> {
        validate_walk(&walk)?;
        self.restore_walk(walk);
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

    /// Delete a walk, leaving a tombstone. Returns the removed record so the
    /// UI can offer undo through [`Store::restore_walk`].
    ///
    /// Tombstones win in [`merge`]: undo is reliable only until the deletion
    /// has reached another tab or a backup, so offer it briefly.
    pub fn delete_walk(&mut self, id: &WalkId) -> Option<WalkRecord> {
        let idx = self.walks.iter().position(|w| &w.id == id)?;
        let removed = self.walks.remove(idx);
        self.edited_at.remove(id);
        if let Err(at) = self.deleted.binary_search(id) {
            self.deleted.insert(at, id.clone());
        }
        Some(removed)
    }

    /// Put back a walk removed by [`Store::delete_walk`] (undo): removes its
    /// tombstone and inserts it in order, replacing any walk with its id.
    pub fn restore_walk(&mut self, walk: WalkRecord) {
        self.deleted.retain(|d| d != &walk.id);
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
        s.delete_walk(&WalkId("b".into()));
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
        let removed = s.delete_walk(&WalkId("a".into())).unwrap();
        assert_eq!(s.walks.len(), 1);
        assert_eq!(s.deleted, vec![WalkId("a".into())]);
        assert!(s.delete_walk(&WalkId("a".into())).is_none());
        s.restore_walk(removed);
        assert_eq!(s, original);
    }

    #[test]
    fn tombstones_win_over_records() {
        let both = store_with(&[
            walk("a", "2026-03-01T09:00:00Z", 0, 900),
            walk("b", "2026-03-02T09:00:00Z", 0, 900),
        ]);
        let mut here = both.clone();
        here.delete_walk(&WalkId("a".into()));
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
