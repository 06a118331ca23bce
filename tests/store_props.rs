//! Property tests for the persisted store: loading and importing never
//! panic, backups round-trip, merge is idempotent and commutative.
// Native only: reads files and uses native-only dev-dependencies.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use loopwalk::domain::record::{
    LoopId, LoopLength, LoopRecord, Span, StepSource, Steps, WalkId, WalkRecord,
};
use loopwalk::domain::settings::Settings;
use loopwalk::domain::store::{
    backup_json, load, merge, preview_import, to_json, try_to_json_cached, walks_csv, JsonCache,
    Store, CURRENT_VERSION,
};
use proptest::prelude::*;

/// Seconds with millisecond precision, as the recorder produces them.
fn seconds(max_s: u32) -> impl Strategy<Value = f64> {
    (0..=max_s * 1000).prop_map(|ms| f64::from(ms) / 1000.0)
}

fn instant() -> impl Strategy<Value = DateTime<Utc>> {
    // 2020-01-01 .. 2030-01-01, millisecond precision.
    (1_577_836_800_000i64..1_893_456_000_000).prop_map(|ms| Utc.timestamp_millis_opt(ms).unwrap())
}

fn walk_id() -> impl Strategy<Value = WalkId> {
    // A small alphabet so that stores share ids.
    "[a-f]{1,2}".prop_map(WalkId)
}

fn loop_id() -> impl Strategy<Value = LoopId> {
    "l[a-c]".prop_map(LoopId)
}

fn span(max_s: u32) -> impl Strategy<Value = Span> {
    (seconds(max_s), seconds(60)).prop_map(|(at_s, len_s)| Span { at_s, len_s })
}

fn walk() -> impl Strategy<Value = WalkRecord> {
    (
        (walk_id(), instant(), (-48i32..=56).prop_map(|q| q * 15)),
        (1u32..=7200).prop_flat_map(|d| (Just(d), seconds(d), seconds(d))),
        (
            0u32..=200_000,
            any::<bool>(),
            proptest::option::of(loop_id()),
        ),
        (
            proptest::collection::vec(span(600), 0..3),
            proptest::collection::vec(span(600), 0..3),
        ),
        (
            proptest::option::of(0u8..=10),
            proptest::option::of(0u8..=10),
            any::<bool>(),
            proptest::option::of(".{0,12}"),
        ),
    )
        .prop_map(
            |(
                (id, started_at, utc_offset_min),
                (d, active_s, longest),
                (steps, manual, loop_id),
                (rests, gaps),
                (pain_before, pain_after, edited, note),
            )| WalkRecord {
                id,
                started_at,
                utc_offset_min,
                duration_s: f64::from(d),
                active_s: active_s.min(f64::from(d)),
                steps: Steps(steps),
                source: if manual {
                    StepSource::Manual
                } else {
                    StepSource::Sensor
                },
                loop_id,
                rests: rests
                    .into_iter()
                    .filter(|r| r.at_s + r.len_s <= f64::from(d))
                    .collect(),
                gaps: gaps
                    .into_iter()
                    .filter(|r| r.at_s + r.len_s <= f64::from(d))
                    .collect(),
                longest_nonstop_s: longest,
                pain_before,
                pain_after,
                edited,
                note,
            },
        )
}

fn a_loop() -> impl Strategy<Value = LoopRecord> {
    (
        loop_id(),
        "[A-Za-z][A-Za-z ,\"]{0,11}",
        prop_oneof![
            (1u32..50_000).prop_map(LoopLength::Steps),
            (1u32..1_000_000).prop_map(|mm| LoopLength::Metres(f64::from(mm) / 1000.0)),
        ],
        instant(),
        any::<bool>(),
    )
        .prop_map(|(id, name, length, created_at, archived)| LoopRecord {
            id,
            name,
            length,
            created_at,
            archived,
            kind: Default::default(),
        })
}

fn settings() -> impl Strategy<Value = Settings> {
    (
        proptest::option::of(any::<u16>()),
        proptest::option::of(any::<u16>()),
        any::<(bool, bool, bool)>(),
        proptest::option::of(any::<u32>()),
        proptest::option::of((0u32..3650).prop_map(|d| {
            NaiveDate::from_ymd_opt(2025, 1, 1).unwrap() + chrono::Duration::days(i64::from(d))
        })),
        proptest::option::of(loop_id()),
        proptest::option::of(any::<bool>()),
        (
            any::<bool>(),
            any::<bool>(),
            proptest::collection::vec(1u8..=7, 0..9),
            "\\PC{0,40}",
        ),
    )
        .prop_map(
            |(
                height_cm,
                step_length_cm,
                (pain_checkins, tips, safety),
                baseline,
                flare,
                last,
                persist,
                (cues_on, loop_done, days, note),
            )| {
                Settings {
                    height_cm,
                    step_length_cm,
                    pain_checkins,
                    tips,
                    weekly_baseline_min: baseline,
                    flare_up_until: flare,
                    last_loop: last,
                    safety_acknowledged: safety,
                    persist_granted: persist,
                    cues: loopwalk::domain::cues::CuePrefs {
                        on: cues_on,
                        loop_done,
                        ..Default::default()
                    },
                    reminder: loopwalk::domain::ics::ReminderPrefs {
                        days,
                        note,
                        ..Default::default()
                    },
                    ..Settings::default()
                }
            },
        )
}

/// A store in normal form, built through the public editing API.
fn store() -> impl Strategy<Value = Store> {
    (
        proptest::collection::vec(walk(), 0..12),
        proptest::collection::vec(a_loop(), 0..4),
        settings(),
        proptest::collection::vec((walk_id(), instant()), 0..4),
        proptest::collection::vec((walk_id(), instant()), 0..4),
    )
        .prop_map(|(walks, loops, settings, deleted, edits)| {
            let mut s = Store::new();
            for w in walks {
                s.add_walk(w).expect("generated walks are valid");
            }
            for l in loops {
                s.upsert_loop(l).expect("generated loops are valid");
            }
            for (id, at) in deleted {
                s.delete_walk(&id, at);
            }
            for (id, at) in edits {
                if s.walk(&id).is_some() {
                    s.edited_at.insert(id, at);
                }
            }
            s.settings = settings;
            s
        })
}

fn now() -> DateTime<Utc> {
    "2026-05-01T10:00:00.250Z".parse().unwrap()
}

/// Arbitrary JSON values, to hit every shape check.
fn json() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::Value;
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        prop_oneof![
            Just("version".to_string()),
            Just("walks".to_string()),
            Just("loopwalk".to_string()),
            Just("backup".to_string()),
            ".{0,6}",
        ]
        .prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            proptest::collection::btree_map(
                prop_oneof![
                    Just("version".to_string()),
                    Just("walks".to_string()),
                    Just("loops".to_string()),
                    Just("settings".to_string()),
                    Just("deleted".to_string()),
                    Just("edited_at".to_string()),
                    Just("app".to_string()),
                    Just("kind".to_string()),
                    Just("store".to_string()),
                    Just("id".to_string()),
                    Just("start_ms".to_string()),
                    Just("steps".to_string()),
                    Just("seconds".to_string()),
                ],
                inner,
                0..6,
            )
            .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let text = String::from_utf8_lossy(&bytes);
        let _ = load(&text);
        let _ = preview_import(&Store::new(), &text);
    }

    #[test]
    fn arbitrary_strings_never_panic(text in ".{0,256}") {
        let _ = load(&text);
        let _ = preview_import(&Store::new(), &text);
    }

    #[test]
    fn arbitrary_json_never_panics(v in json(), version in 0u64..4) {
        let _ = load(&v.to_string());
        let _ = preview_import(&Store::new(), &v.to_string());
        // The same shapes under a plausible version and inside an envelope.
        let mut doc = serde_json::Map::new();
        doc.insert("version".into(), version.into());
        doc.insert("walks".into(), v.clone());
        doc.insert("settings".into(), v.clone());
        let doc = serde_json::Value::Object(doc);
        let _ = load(&doc.to_string());
        let env = serde_json::json!({"app": "loopwalk", "kind": "backup", "store": doc});
        let _ = preview_import(&Store::new(), &env.to_string());
    }

    #[test]
    fn damaged_backups_never_panic(s in store(), cut in any::<prop::sample::Index>(), byte in any::<u8>()) {
        let text = backup_json(&s, now());
        let i = cut.index(text.len());
        // Truncated anywhere...
        let truncated = String::from_utf8_lossy(&text.as_bytes()[..i]).into_owned();
        let _ = load(&truncated);
        let _ = preview_import(&s, &truncated);
        // ...or with one byte changed.
        let mut bytes = text.into_bytes();
        bytes[i] = byte;
        let changed = String::from_utf8_lossy(&bytes).into_owned();
        let _ = load(&changed);
        let _ = preview_import(&s, &changed);
    }

    #[test]
    fn the_json_cache_writes_the_same_text_as_a_full_write(a in store(), b in store()) {
        // Write one store, then another sharing some of its walks (a later
        // state of the same history): both as a full write would.
        let mut cache = JsonCache::default();
        prop_assert_eq!(try_to_json_cached(&a, &mut cache).unwrap(), to_json(&a));
        let mut later = b.clone();
        for w in a.walks.iter().take(3) {
            let _ = later.add_walk(w.clone());
        }
        prop_assert_eq!(try_to_json_cached(&later, &mut cache).unwrap(), to_json(&later));
    }

    #[test]
    fn backups_round_trip_exactly(s in store()) {
        let text = backup_json(&s, now());
        prop_assert_eq!(&load(&text).unwrap(), &s);
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        prop_assert_eq!(&load(&v["store"].to_string()).unwrap(), &s);
        prop_assert_eq!(&load(&to_json(&s)).unwrap(), &s);
        prop_assert_eq!(s.version, CURRENT_VERSION);
        // The CSV has a header plus one CRLF-terminated record per walk
        // (notes may hold quoted line breaks, so count record ends loosely).
        prop_assert!(walks_csv(&s).matches("\r\n").count() > s.walks.len());
    }

    #[test]
    fn importing_a_backup_twice_changes_nothing(current in store(), file in store()) {
        let text = backup_json(&file, now());
        let once = preview_import(&current, &text).unwrap();
        prop_assert_eq!(once.invalid, 0);
        let mut merged = current.clone();
        once.apply(&mut merged, now());
        let twice = preview_import(&merged, &text).unwrap();
        prop_assert_eq!(twice.new_walks + twice.restored, 0);
        prop_assert!(twice.changes_nothing());
        let mut again = merged.clone();
        twice.apply(&mut again, now());
        prop_assert_eq!(&again, &merged);
        // Every walk of the file is accounted for.
        prop_assert_eq!(
            once.new_walks + once.restored + once.identical + once.conflicting,
            file.walks.len()
        );
    }

    #[test]
    fn import_never_deletes_or_overwrites_a_walk(current in store(), file in store()) {
        let p = preview_import(&current, &backup_json(&file, now())).unwrap();
        let mut after = current.clone();
        p.apply(&mut after, now());
        for w in &current.walks {
            prop_assert_eq!(after.walk(&w.id), Some(w), "kept exactly");
        }
        prop_assert_eq!(after.walks.len(), current.walks.len() + p.new_walks + p.restored);
    }

    #[test]
    fn merge_is_commutative_idempotent_and_associative_on_walks(
        a in store(), b in store(), c in store()
    ) {
        let ab = merge(&a, &b);
        let ba = merge(&b, &a);
        prop_assert_eq!(&ab.walks, &ba.walks);
        prop_assert_eq!(&ab.deleted, &ba.deleted);
        prop_assert_eq!(&ab.edited_at, &ba.edited_at);
        prop_assert_eq!(&merge(&ab, &b), &ab);
        prop_assert_eq!(&merge(&ab, &a).walks, &ab.walks);
        prop_assert_eq!(&merge(&a, &a), &a);
        let left = merge(&ab, &c);
        let right = merge(&a, &merge(&b, &c));
        prop_assert_eq!(&left.walks, &right.walks);
        prop_assert_eq!(&left.deleted, &right.deleted);
        prop_assert_eq!(&left.deleted_at, &right.deleted_at);
        prop_assert_eq!(&left.edited_at, &right.edited_at);
        // Every id ends up either present or deleted, by its latest event;
        // nothing is lost otherwise.
        for w in a.walks.iter().chain(&b.walks) {
            let gone = ab.deleted.contains(&w.id);
            prop_assert_eq!(ab.walk(&w.id).is_none(), gone);
            if gone {
                let tomb = ab.deleted_at.get(&w.id);
                for s in [&a, &b] {
                    if s.walk(&w.id).is_some() {
                        prop_assert!(s.edited_at.get(&w.id) <= tomb, "a later change beats the deletion");
                    }
                }
            }
        }
        let ids: BTreeMap<_, _> = ab.walks.iter().map(|w| (&w.id, ())).collect();
        prop_assert_eq!(ids.len(), ab.walks.len());
    }
}

/// A walk record as JSON with any value in any field a hostile or damaged
/// file could hold: instants anywhere in chrono's range, any offset, any
/// finite duration, any count.
fn hostile_walk() -> impl Strategy<Value = serde_json::Value> {
    let min = DateTime::<Utc>::MIN_UTC.timestamp_millis();
    let max = DateTime::<Utc>::MAX_UTC.timestamp_millis();
    (
        "[a-h]{1,2}",
        prop_oneof![min..=max, 946_684_800_000i64..4_133_980_799_999],
        prop_oneof![any::<i32>(), -900i32..900],
        prop_oneof![
            any::<f64>().prop_filter("finite", |v| v.is_finite()),
            0.0..200_000.0f64
        ],
        0.0..7200.0f64,
        any::<u32>(),
        proptest::option::of(any::<u8>()),
    )
        .prop_map(|(id, ms, off, dur, active, steps, pain)| {
            let at = Utc.timestamp_millis_opt(ms).unwrap();
            serde_json::json!({
                "id": id, "started_at": at, "utc_offset_min": off,
                "duration_s": dur, "active_s": active.min(dur.abs()), "steps": steps,
                "longest_nonstop_s": 0.0, "pain_after": pain,
                "rests": [{"at_s": 1.0, "len_s": 20.0}], "loop_id": "la",
            })
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Issue 12 item 6: one out-of-range date once made the app unable to
    /// open for good. Any stored store now loads, and every screen's domain
    /// functions run on it without panicking.
    #[test]
    fn out_of_range_stored_walks_are_quarantined_and_no_screen_panics(
        walks in proptest::collection::vec(hostile_walk(), 0..8),
        flare in proptest::option::of(any::<i32>()),
        today_off in -40_000i64..40_000,
    ) {
        use loopwalk::domain::{history, loops, milestones, pacing};
        let n = walks.len();
        let mut settings = serde_json::json!({});
        if let Some(d) = flare.and_then(NaiveDate::from_num_days_from_ce_opt) {
            settings["flare_up_until"] = serde_json::json!(d);
        }
        let doc = serde_json::json!({
            "version": 2, "walks": walks, "settings": settings,
            "loops": [{"id": "la", "name": "Park", "length": {"unit": "metres", "value": 900.0},
                       "created_at": "2026-01-01T00:00:00Z"}],
        });
        let s = load(&doc.to_string()).unwrap();
        prop_assert_eq!(s.walks.len() + s.quarantine.len(), n, "nothing lost");
        for w in &s.walks {
            prop_assert!((2000..=2100).contains(&chrono::Datelike::year(&w.started_at)));
            prop_assert!(w.utc_offset_min.unsigned_abs() <= 14 * 60);
        }
        let today = NaiveDate::from_ymd_opt(2026, 5, 1).unwrap()
            + chrono::Duration::days(today_off);
        let _ = history::by_week(&s.walks);
        let _ = history::steps_last_30_days(&s.walks, today);
        let _ = history::active_minutes_per_week(&s.walks, today, 12);
        let _ = history::pain_series(&s.walks);
        let flare_ups: Vec<pacing::FlareUp> = s
            .settings
            .flare_up_until
            .map(|d| pacing::FlareUp { start: d, days: 1 })
            .into_iter()
            .collect();
        let _ = pacing::plan(&s.walks, None, &flare_ups, today);
        let _ = pacing::streaks_suspended(&flare_ups, today);
        if let Some(w) = s.walks.first() {
            let _ = pacing::overdo_check(w, &s.walks);
        }
        let step = s.settings.step_length_m();
        let _ = milestones::compute(&s.walks, &s.loops, step, today);
        for l in &s.loops {
            let _ = loops::loop_stats(l, &s.walks, step);
        }
        let _ = walks_csv(&s);
        // Saved and loaded again, the quarantine is kept (numbers of
        // absurd size may move by one unit in the last place).
        let again = load(&to_json(&s)).unwrap();
        prop_assert_eq!(&again.walks, &s.walks);
        prop_assert_eq!(again.quarantine.len(), s.quarantine.len());
    }
}
