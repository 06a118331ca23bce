//! Importing a backup: validate everything first, show the walker exactly
//! what would change, then apply only that.
//!
//! Import only adds. It never deletes a walk (a file's deletion list is not
//! applied: only the walker's own Delete on this phone removes a walk) and
//! never overwrites one: a walk whose id is here with different content is
//! a *conflict*, skipped and counted (the copy here is kept; the file still
//! holds the other). A walk deleted here that the file holds comes back.

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};

use super::parse::{bound_settings, parse, LoadError, Mode, MAX_IMPORT_BYTES};
use super::validate::{cap_chars, validate_loop, validate_walk, MAX_LOOP_NAME_CHARS};
use super::Store;
use crate::domain::record::{LoopRecord, WalkRecord};
use crate::domain::settings::Settings;

/// Why a file cannot be imported (same cases as loading; the messages are
/// written for the walker).
pub type ImportError = LoadError;

/// What importing a file would do. Nothing is changed until the caller
/// applies it with [`ImportPreview::apply`].
#[derive(Debug, Clone, PartialEq)]
pub struct ImportPreview {
    /// Walks in the file that are not here: they will be added.
    pub new_walks: usize,
    /// Walks in the file that were deleted here: they will come back.
    pub restored: usize,
    /// Walks in the file identical to the copy here: nothing changes.
    pub identical: usize,
    /// Walks in the file whose id is here with different content (steps,
    /// pain, note, ...): skipped, the copy here is kept.
    pub conflicting: usize,
    /// Loops in the file that are not here yet: they will be added.
    pub new_loops: usize,
    /// Records skipped: malformed, out of range (a date outside 2000-2100,
    /// negative or huge durations, more than 200 000 steps, pain above 10,
    /// a loop name over 60 characters is cut instead), or a repeated id.
    pub invalid: usize,
    /// Deletions listed in the file. They are not applied.
    pub deletions_ignored: usize,
    /// The settings that would change (labels for the walker), empty when
    /// the settings here are kept. The file's settings are adopted only
    /// when the settings here are still the defaults (a new phone).
    pub settings_changed: Vec<&'static str>,
    /// Schema version the file was written in.
    pub from_version: u32,
    /// When the backup was made, if the file says.
    pub exported_at: Option<DateTime<Utc>>,
    /// Walks to add (new or restored), with the file's edit time.
    add: Vec<(WalkRecord, Option<DateTime<Utc>>)>,
    /// Loops to add.
    loops: Vec<LoopRecord>,
    /// Settings to adopt, when [`ImportPreview::settings_changed`] is not
    /// empty.
    settings: Option<Settings>,
}

impl ImportPreview {
    /// True when applying would change nothing.
    pub fn changes_nothing(&self) -> bool {
        self.add.is_empty() && self.loops.is_empty() && self.settings.is_none()
    }

    /// Apply what the preview listed, and only that, to `store` (which may
    /// have changed since the preview, e.g. another tab saved): walks and
    /// loops are added only where their id is still free or deleted, the
    /// settings only if they are still the defaults. Nothing is removed or
    /// overwritten. Returns the number of walks added or brought back.
    pub fn apply(&self, store: &mut Store, now: DateTime<Utc>) -> usize {
        let mut added = 0;
        for (w, edited_at) in &self.add {
            if store.walk(&w.id).is_some() {
                continue;
            }
            if store.deleted.binary_search(&w.id).is_ok() {
                // Stamped `now` so it also beats the deletion in other
                // tabs: the walker chose to bring it back.
                store.restore_walk(w.clone(), now);
            } else if store.add_walk(w.clone()).is_ok() {
                if let Some(at) = edited_at {
                    store.edited_at.insert(w.id.clone(), *at);
                }
            } else {
                // Validated in the preview, so this cannot be refused.
                continue;
            }
            added += 1;
        }
        for l in &self.loops {
            if store.find_loop(&l.id).is_none() {
                // Validated in the preview, so this cannot be refused.
                let _ = store.upsert_loop(l.clone());
            }
        }
        if let Some(s) = &self.settings {
            if store.settings == Settings::default() {
                store.settings = s.clone();
            }
        }
        added
    }
}

/// Labels of the settings that differ between `a` and `b`.
fn settings_diff(a: &Settings, b: &Settings) -> Vec<&'static str> {
    let mut out = Vec::new();
    let mut check = |same: bool, label| {
        if !same {
            out.push(label);
        }
    };
    check(a.height_cm == b.height_cm, "height");
    check(a.step_length_cm == b.step_length_cm, "step length");
    check(a.pain_checkins == b.pain_checkins, "pain check-ins");
    check(a.tips == b.tips, "tips");
    check(
        a.weekly_baseline_min == b.weekly_baseline_min,
        "weekly baseline",
    );
    check(a.flare_up_until == b.flare_up_until, "flare-up");
    check(a.last_loop == b.last_loop, "last loop");
    check(
        a.safety_acknowledged == b.safety_acknowledged,
        "safety note read",
    );
    check(a.persist_granted == b.persist_granted, "storage protection");
    check(a.country == b.country, "where you live");
    check(a.cues == b.cues, "walk cues");
    check(a.reminder == b.reminder, "walk reminder");
    out
}

/// Check an import file (a backup envelope or a bare store, any schema
/// version) against the current store. Rejects files over 4 MiB, truncated
/// or damaged JSON, other apps' files and newer versions. Never panics.
pub fn preview_import(current: &Store, text: &str) -> Result<ImportPreview, ImportError> {
    let parsed = parse(text, MAX_IMPORT_BYTES, Mode::Lenient)?;
    let mut incoming = parsed.store;
    let mut invalid = parsed.skipped;

    let mut seen = BTreeSet::new();
    incoming.walks.retain(|w| {
        let ok = validate_walk(w).is_ok() && seen.insert(w.id.clone());
        invalid += usize::from(!ok);
        ok
    });
    let mut seen = BTreeSet::new();
    for l in &mut incoming.loops {
        l.name = cap_chars(l.name.trim(), MAX_LOOP_NAME_CHARS);
    }
    incoming.loops.retain(|l| {
        let ok = validate_loop(l).is_ok() && seen.insert(l.id.clone());
        invalid += usize::from(!ok);
        ok
    });

    // Inserted one by one: collecting would add a copy of std's sort.
    let mut deleted_here = BTreeSet::new();
    for id in &current.deleted {
        deleted_here.insert(id);
    }
    let (mut new_walks, mut restored, mut identical, mut conflicting) = (0, 0, 0, 0);
    let mut add = Vec::new();
    for w in std::mem::take(&mut incoming.walks) {
        match current.walk(&w.id) {
            Some(here) if *here == w => identical += 1,
            Some(_) => conflicting += 1,
            None => {
                if deleted_here.contains(&w.id) {
                    restored += 1;
                } else {
                    new_walks += 1;
                }
                let at = incoming.edited_at.get(&w.id).copied();
                add.push((w, at));
            }
        }
    }
    let loops: Vec<LoopRecord> = incoming
        .loops
        .into_iter()
        .filter(|l| current.find_loop(&l.id).is_none())
        .collect();

    let mut file_settings = incoming.settings;
    bound_settings(&mut file_settings);
    let settings_changed = if current.settings == Settings::default() {
        settings_diff(&current.settings, &file_settings)
    } else {
        Vec::new()
    };
    let settings = (!settings_changed.is_empty()).then_some(file_settings);

    Ok(ImportPreview {
        new_walks,
        restored,
        identical,
        conflicting,
        new_loops: loops.len(),
        invalid,
        deletions_ignored: incoming.deleted.len(),
        settings_changed,
        from_version: parsed.from_version,
        exported_at: parsed.exported_at,
        add,
        loops,
        settings,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::record::WalkId;
    use crate::domain::store::test_support::*;
    use crate::domain::store::{backup_json, to_json};

    fn now() -> DateTime<Utc> {
        "2026-05-01T10:00:00Z".parse().unwrap()
    }

    fn backup() -> Store {
        let mut s = Store::new();
        s.add_walk(walk("a", "2026-03-01T09:00:00Z", 60, 900))
            .unwrap();
        s.add_walk(walk("b", "2026-03-02T09:00:00Z", 60, 1200))
            .unwrap();
        s.upsert_loop(a_loop("l1", "Park")).unwrap();
        s.settings.height_cm = Some(160);
        s
    }

    #[test]
    fn into_an_empty_store_adopts_everything() {
        let text = backup_json(&backup(), now());
        let p = preview_import(&Store::new(), &text).unwrap();
        assert_eq!(
            (p.new_walks, p.identical, p.invalid, p.new_loops),
            (2, 0, 0, 1)
        );
        assert_eq!(p.settings_changed, vec!["height"]);
        let merged = applied(&Store::new(), &p);
        assert_eq!(merged, backup(), "a backup restores exactly");
        assert_eq!(p.exported_at, Some(now()));
        assert_eq!(p.from_version, 2);
    }

    fn applied(current: &Store, p: &ImportPreview) -> Store {
        let mut s = current.clone();
        p.apply(&mut s, now());
        s
    }

    #[test]
    fn importing_twice_changes_nothing() {
        let mut current = Store::new();
        current
            .add_walk(walk("c", "2026-03-03T09:00:00Z", 0, 500))
            .unwrap();
        current.settings.tips = false;
        let text = backup_json(&backup(), now());
        let once = preview_import(&current, &text).unwrap();
        assert_eq!((once.new_walks, once.identical), (2, 0));
        assert!(once.settings_changed.is_empty());
        let merged = applied(&current, &once);
        assert!(!merged.settings.tips, "non-default settings are kept");
        let twice = preview_import(&merged, &text).unwrap();
        assert_eq!((twice.new_walks, twice.identical), (0, 2));
        assert!(twice.changes_nothing());
        assert_eq!(applied(&merged, &twice), merged);
    }

    #[test]
    fn a_file_listing_deletions_deletes_nothing() {
        // A 61-byte hostile file once erased every walk behind "0 new".
        let current = backup();
        let text = r#"{"version":2,"deleted":["a","b","c","d","e"]}"#;
        let p = preview_import(&current, text).unwrap();
        assert_eq!(p.deletions_ignored, 5);
        assert!(p.changes_nothing());
        assert_eq!(applied(&current, &p), current);
    }

    #[test]
    fn reimporting_your_backup_after_an_undo_keeps_the_walk() {
        // Delete, export (the file lists the deletion), Undo, import.
        let mut current = backup();
        let id = WalkId("a".into());
        let removed = current.delete_walk(&id, now()).unwrap();
        let file = backup_json(&current, now());
        current.restore_walk(removed, now());
        let p = preview_import(&current, &file).unwrap();
        let after = applied(&current, &p);
        assert!(after.walk(&id).is_some());
        assert_eq!(after.walks.len(), 2);
    }

    #[test]
    fn a_walk_deleted_here_comes_back_from_a_backup_holding_it() {
        let mut current = backup();
        let id = WalkId("a".into());
        current.delete_walk(&id, now());
        let p = preview_import(&current, &to_json(&backup())).unwrap();
        assert_eq!((p.new_walks, p.identical, p.restored), (0, 1, 1));
        let after = applied(&current, &p);
        assert!(after.walk(&id).is_some());
        assert!(after.deleted.is_empty());
        // ...and beats the deletion in another tab that still holds it.
        assert!(crate::domain::store::merge(&current, &after)
            .walk(&id)
            .is_some());
    }

    #[test]
    fn an_edited_copy_in_a_file_never_overwrites_the_walk_here() {
        // The file's copy claims a later edit: 1,001 steps once became 42.
        let mut current = Store::new();
        current
            .add_walk(walk("a", "2026-03-01T09:00:00Z", 60, 1001))
            .unwrap();
        let mut file = current.clone();
        file.edit_walk(
            &WalkId("a".into()),
            crate::domain::store::WalkPatch {
                steps: Some(crate::domain::record::Steps(42)),
                ..Default::default()
            },
            now(),
        )
        .unwrap();
        let p = preview_import(&current, &to_json(&file)).unwrap();
        assert_eq!((p.conflicting, p.identical, p.new_walks), (1, 0, 0));
        let after = applied(&current, &p);
        assert_eq!(after.walks[0].steps.0, 1001);
    }

    #[test]
    fn settings_from_a_file_are_listed_before_they_are_adopted() {
        let mut file = backup();
        file.settings.tips = false;
        let p = preview_import(&Store::new(), &to_json(&file)).unwrap();
        assert_eq!(p.settings_changed, vec!["height", "tips"]);
        // Settings already chosen here are never replaced.
        let mut here = Store::new();
        here.settings.height_cm = Some(180);
        let p = preview_import(&here, &to_json(&file)).unwrap();
        assert!(p.settings_changed.is_empty());
        assert_eq!(applied(&here, &p).settings, here.settings);
    }

    #[test]
    fn a_ten_thousand_character_loop_name_is_cut_to_sixty() {
        let mut file = backup();
        file.loops[0].name = "n".repeat(10_000);
        let p = preview_import(&Store::new(), &to_json(&file)).unwrap();
        assert_eq!(p.new_loops, 1);
        let after = applied(&Store::new(), &p);
        assert_eq!(after.loops[0].name.chars().count(), 60);
    }

    #[test]
    fn invalid_records_are_counted_and_skipped() {
        let mut s = backup();
        let mut neg = walk("neg", "2026-03-05T09:00:00Z", 0, 10);
        neg.duration_s = -5.0;
        let huge = walk("huge", "2026-03-06T09:00:00Z", 0, 200_001);
        let mut pain = walk("pain", "2026-03-07T09:00:00Z", 0, 10);
        pain.pain_after = Some(11);
        s.walks
            .extend([neg, huge, pain, walk("a", "2026-03-08T09:00:00Z", 0, 1)]);
        let mut text = to_json(&s);
        // A record of the wrong shape, too.
        text = text.replacen("\"walks\":[", "\"walks\":[{\"id\":7},", 1);
        let p = preview_import(&Store::new(), &text).unwrap();
        assert_eq!(p.invalid, 5, "neg, huge, pain, duplicate a, wrong shape");
        assert_eq!(p.new_walks, 2);
        assert_eq!(applied(&Store::new(), &p).walks.len(), 2);
    }

    #[test]
    fn bad_files_are_refused_with_a_reason() {
        let s = Store::new();
        let text = backup_json(&backup(), now());
        assert_eq!(
            preview_import(&s, &text[..text.len() / 2]),
            Err(ImportError::Truncated)
        );
        assert!(matches!(
            preview_import(&s, &" ".repeat(MAX_IMPORT_BYTES + 1)),
            Err(ImportError::TooLarge { .. })
        ));
        assert_eq!(
            preview_import(&s, r#"{"version":7}"#),
            Err(ImportError::NewerVersion(7))
        );
        assert_eq!(
            preview_import(&s, r#"{"app":"stepper","kind":"backup","store":{}}"#),
            Err(ImportError::NotLoopwalk)
        );
        assert!(matches!(
            preview_import(&s, "\"hello\""),
            Err(ImportError::WrongShape(_))
        ));
        let msg = ImportError::Truncated.to_string();
        assert!(msg.contains("cut off"), "{msg}");
    }

    #[test]
    fn v1_files_import() {
        let text = r#"{"version":1,"walks":[{"id":"old","start_ms":1767258000000,"steps":1200,"seconds":900}]}"#;
        let p = preview_import(&backup(), text).unwrap();
        assert_eq!((p.new_walks, p.from_version), (1, 1));
        assert_eq!(applied(&backup(), &p).walks.len(), 3);
    }
}
