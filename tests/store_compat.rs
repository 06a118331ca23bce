//! A walker's existing data loads unchanged: a store saved by the version
//! before the care changes (tests/data/stores/store-v2-2026-12-01.json) loads
//! with every walk, loop and setting, and saves back byte for byte.

use loopwalk::domain::care::country_for;
use loopwalk::domain::milestones::report_for;
use loopwalk::domain::store::{load, to_json};

const SAVED: &str = include_str!("data/stores/store-v2-2026-12-01.json");

#[test]
fn a_store_saved_by_the_previous_version_loads_unchanged() {
    let store = load(SAVED).expect("loads");
    assert_eq!(store.walks.len(), 6);
    assert_eq!(store.loops.len(), 2);
    let s = &store.settings;
    assert_eq!(s.height_cm, Some(168));
    assert_eq!(s.step_length_cm, Some(64));
    assert!(!s.pain_checkins && !s.tips && s.safety_acknowledged);
    assert_eq!(s.weekly_baseline_min, Some(45));
    assert_eq!(
        s.flare_up_until.map(|d| d.to_string()).as_deref(),
        Some("2026-11-20")
    );
    assert_eq!(s.persist_granted, Some(true));
    // The new setting defaults to "not chosen yet": the app guesses.
    assert_eq!(s.country, None);
    assert_eq!(country_for(s, Some("Europe/London")).0.code, "GB");
    let noted = store.walks.iter().find(|w| w.note.is_some()).unwrap();
    assert_eq!(noted.note.as_deref(), Some("Legs ached near the hill"));
    // Saved again, it is the same text: nothing added, nothing lost.
    assert_eq!(to_json(&store), SAVED.trim_end());
}

#[test]
fn badges_earned_under_the_previous_rules_are_kept() {
    let store = load(SAVED).unwrap();
    let r = report_for(&store, "2026-12-01".parse().unwrap());
    assert!(r.has("first-walk"));
    // Pain was lower after walks 0, 2 and 4: the retired "felt better"
    // badges earned then are still there, apart from the current ones.
    let earlier: Vec<&str> = r.earlier.iter().map(|e| e.id).collect();
    assert_eq!(earlier, ["felt-better-1", "felt-better-3"]);
    assert!(r.earned.iter().all(|e| !e.id.starts_with("felt-better")));
}
