//! Importing a backup: validate everything first, show the walker what would
//! change, then apply the merged store in one step.

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};

use super::parse::{parse, LoadError, Mode, MAX_IMPORT_BYTES};
use super::validate::{validate_loop, validate_walk};
use super::{merge, Store};
use crate::domain::settings::Settings;

/// Why a file cannot be imported (same cases as loading; the messages are
/// written for the walker).
pub type ImportError = LoadError;

/// What importing a file would do. Nothing is changed until the caller saves
/// [`ImportPreview::merged`].
#[derive(Debug, Clone, PartialEq)]
pub struct ImportPreview {
    /// Walks in the file that are not here yet (and not deleted here).
    pub new_walks: usize,
    /// Walks in the file that are already here (possibly in another edit).
    pub already_present: usize,
    /// Walks in the file that were deleted here; they stay deleted.
    pub deleted_here: usize,
    /// Loops in the file that are not here yet.
    pub new_loops: usize,
    /// Records skipped: malformed, implausible (negative or huge durations,
    /// more than 200 000 steps, pain above 10, ...) or a repeated id.
    pub invalid: usize,
    /// Schema version the file was written in.
    pub from_version: u32,
    /// When the backup was made, if the file says.
    pub exported_at: Option<DateTime<Utc>>,
    /// The store to save if the walker confirms: [`merge`] of the current
    /// store and the valid part of the file. If the current settings are
    /// still the defaults, the file's settings are adopted (restoring on a
    /// new phone); otherwise the current settings are kept.
    pub merged: Store,
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
    incoming.loops.retain(|l| {
        let ok = validate_loop(l).is_ok() && seen.insert(l.id.clone());
        invalid += usize::from(!ok);
        ok
    });
    incoming
        .edited_at
        .retain(|id, _| incoming.walks.iter().any(|w| &w.id == id));

    let here: BTreeSet<_> = current.walks.iter().map(|w| &w.id).collect();
    let deleted: BTreeSet<_> = current.deleted.iter().chain(&incoming.deleted).collect();
    let (mut new_walks, mut already_present, mut deleted_here) = (0, 0, 0);
    for w in &incoming.walks {
        if deleted.contains(&w.id) {
            deleted_here += 1;
        } else if here.contains(&w.id) {
            already_present += 1;
        } else {
            new_walks += 1;
        }
    }
    let new_loops = incoming
        .loops
        .iter()
        .filter(|l| current.find_loop(&l.id).is_none())
        .count();

    let mut merged = merge(current, &incoming);
    if current.settings == Settings::default() {
        merged.settings = incoming.settings;
    }
    Ok(ImportPreview {
        new_walks,
        already_present,
        deleted_here,
        new_loops,
        invalid,
        from_version: parsed.from_version,
        exported_at: parsed.exported_at,
        merged,
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
            (p.new_walks, p.already_present, p.invalid, p.new_loops),
            (2, 0, 0, 1)
        );
        assert_eq!(p.merged, backup());
        assert_eq!(p.exported_at, Some(now()));
        assert_eq!(p.from_version, 2);
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
        assert_eq!((once.new_walks, once.already_present), (2, 0));
        assert!(!once.merged.settings.tips, "non-default settings are kept");
        let twice = preview_import(&once.merged, &text).unwrap();
        assert_eq!((twice.new_walks, twice.already_present), (0, 2));
        assert_eq!(twice.merged, once.merged);
    }

    #[test]
    fn deleted_walks_stay_deleted() {
        let mut current = backup();
        current.delete_walk(&WalkId("a".into()));
        let p = preview_import(&current, &to_json(&backup())).unwrap();
        assert_eq!((p.new_walks, p.already_present, p.deleted_here), (0, 1, 1));
        assert!(p.merged.walk(&WalkId("a".into())).is_none());
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
        assert_eq!(p.merged.walks.len(), 2);
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
        assert_eq!(p.merged.walks.len(), 3);
    }
}
