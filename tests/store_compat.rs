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
    // Saved again, nothing is lost: every value of the old text is in the
    // new one (new settings such as cues may be added, with defaults), and
    // the new text loads back to the same store.
    let again = to_json(&store);
    let old: serde_json::Value = serde_json::from_str(SAVED).unwrap();
    let new: serde_json::Value = serde_json::from_str(&again).unwrap();
    assert_contains(&new, &old, "$");
    assert_eq!(load(&again).expect("loads again"), store);
}

/// Every key and value of `old` is in `new` (arrays element by element).
fn assert_contains(new: &serde_json::Value, old: &serde_json::Value, at: &str) {
    use serde_json::Value;
    match (new, old) {
        (Value::Object(n), Value::Object(o)) => {
            for (k, v) in o {
                let there = n.get(k).unwrap_or_else(|| panic!("{at}.{k} was dropped"));
                assert_contains(there, v, &format!("{at}.{k}"));
            }
        }
        (Value::Array(n), Value::Array(o)) => {
            assert_eq!(n.len(), o.len(), "{at}: length changed");
            for (i, (a, b)) in n.iter().zip(o).enumerate() {
                assert_contains(a, b, &format!("{at}[{i}]"));
            }
        }
        _ => assert_eq!(new, old, "{at} changed"),
    }
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
