//! Reading stored or imported text: size check, JSON, version detection,
//! migration from every earlier schema, then per-record parsing.
//!
//! # Schema history
//!
//! - **v1** (Loopwalk 0.1): `{"version":1,"height_cm":170,"walks":[{"id":"…",
//!   "start_ms":1767258000000,"steps":1200,"seconds":900}]}`. No UTC
//!   offset, no loops, no rests or gaps, no pain, no settings object.
//! - **v2** (current): [`Store`] as serialized by serde.
//!
//! A backup envelope `{"app":"loopwalk","kind":"backup","exported_at":…,
//! "store":{…}}` is accepted wherever a bare store is.

use std::collections::BTreeMap;

use chrono::{DateTime, Datelike, TimeZone, Utc};
use serde::Deserialize;
use serde_json::{Map, Value};
use thiserror::Error;

use super::validate::{cap_chars, validate_loop, validate_walk, MAX_LOOP_NAME_CHARS, YEARS};
use super::{Store, CURRENT_VERSION};
use crate::domain::record::{LoopRecord, StepSource, Steps, WalkId, WalkRecord};
use crate::domain::settings::Settings;

/// Largest text [`load`] accepts (localStorage holds ~5 MiB per origin).
pub const MAX_LOAD_BYTES: usize = 16 * 1024 * 1024;
/// Largest file [`preview_import`](super::preview_import) accepts.
pub const MAX_IMPORT_BYTES: usize = 4 * 1024 * 1024;

/// Why stored or imported text could not be read. Messages are written for
/// the walker.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum LoadError {
    #[error("The data is too large ({bytes} bytes; the limit is {limit} bytes).")]
    TooLarge { bytes: usize, limit: usize },
    #[error("The data is empty.")]
    Empty,
    #[error("The data ends too early: it was probably cut off while being copied or downloaded.")]
    Truncated,
    #[error("The data is damaged: it is not valid JSON ({0}).")]
    Corrupt(String),
    #[error("This is not Loopwalk data.")]
    NotLoopwalk,
    #[error("The data is not in Loopwalk's format ({0}).")]
    WrongShape(String),
    #[error(
        "This data comes from a newer version of Loopwalk (format {0}). Update the app to read it."
    )]
    NewerVersion(u32),
}

/// Read a persisted store (bare, or inside a backup envelope), migrating
/// from any earlier schema. Strict: a single malformed record is an error,
/// so nothing stored is silently dropped. Never panics.
///
/// Well-formed records with out-of-range values (see
/// [`validate_walk`](super::validate_walk): a date outside 2000-2100, an
/// offset beyond +/-14 h, an impossible duration or count) are moved to
/// [`Store::quarantine`] exactly as they were, so no screen ever calculates
/// with them. Loop names longer than the forms allow are cut to
/// [`MAX_LOOP_NAME_CHARS`] characters.
pub fn load(text: &str) -> Result<Store, LoadError> {
    let mut store = match read_current(text) {
        Some(store) => store,
        None => parse(text, MAX_LOAD_BYTES, Mode::Strict)?.store,
    };
    quarantine_out_of_range(&mut store);
    Ok(store)
}

/// A bare store at [`CURRENT_VERSION`] (what this app writes), read in one
/// pass straight into the records: about half the time of the general
/// reader below, which builds a JSON value first (2,000 walks: 193 -> ~90 ms
/// at 4x CPU slowdown). Anything else (an envelope, an older version, a
/// `null` list, a duplicated key, a malformed record) is `None` and goes to
/// the general reader, which then decides exactly as before.
fn read_current(text: &str) -> Option<Store> {
    /// The document's fields as [`parse_v2`] reads them, typed.
    #[derive(serde::Deserialize)]
    struct Current {
        version: u64,
        /// Present at all (even `null`): a backup envelope, not a store.
        #[serde(default, deserialize_with = "present")]
        app: bool,
        #[serde(default)]
        walks: Vec<WalkRecord>,
        #[serde(default)]
        loops: Vec<LoopRecord>,
        #[serde(default)]
        settings: Settings,
        #[serde(default)]
        deleted: Vec<WalkId>,
        #[serde(default, with = "crate::domain::dates::rfc3339_map")]
        deleted_at: BTreeMap<WalkId, DateTime<Utc>>,
        #[serde(default, with = "crate::domain::dates::rfc3339_map")]
        edited_at: BTreeMap<WalkId, DateTime<Utc>>,
        #[serde(default)]
        quarantine: Vec<Value>,
    }
    fn present<'de, D: serde::Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
        serde::de::IgnoredAny::deserialize(d).map(|_| true)
    }
    if text.len() > MAX_LOAD_BYTES {
        return None;
    }
    let doc: Current = serde_json::from_str(text.trim_start_matches('\u{feff}')).ok()?;
    (doc.version == u64::from(CURRENT_VERSION) && !doc.app).then_some(Store {
        version: CURRENT_VERSION,
        walks: doc.walks,
        loops: doc.loops,
        settings: doc.settings,
        deleted: doc.deleted,
        deleted_at: doc.deleted_at,
        edited_at: doc.edited_at,
        quarantine: doc.quarantine,
    })
}

/// `serde_json::from_value`, through text: every record type then has one
/// reader in the wasm (the one [`read_current`] uses), not a second one for
/// JSON values.
fn from_value<T: serde::de::DeserializeOwned>(value: Value) -> Result<T, serde_json::Error> {
    serde_json::from_str(&serde_json::to_string(&value)?)
}

/// Move out-of-range records of a loaded store to its quarantine (see
/// [`load`]), and bound the settings' dates.
pub(super) fn quarantine_out_of_range(store: &mut Store) {
    let mut out = Vec::new();
    store.walks.retain(|w| {
        let ok = validate_walk(w).is_ok();
        if !ok {
            out.extend(to_value(w));
        }
        ok
    });
    for l in &mut store.loops {
        if l.name.chars().count() > MAX_LOOP_NAME_CHARS {
            l.name = cap_chars(&l.name, MAX_LOOP_NAME_CHARS);
        }
    }
    store.loops.retain(|l| {
        let ok = validate_loop(l).is_ok();
        if !ok {
            out.extend(to_value(l));
        }
        ok
    });
    if !out.is_empty() {
        let walks = &store.walks;
        store
            .edited_at
            .retain(|id, _| walks.iter().any(|w| &w.id == id));
        store.quarantine.extend(out);
    }
    let deleted = &store.deleted;
    store
        .deleted_at
        .retain(|id, _| deleted.binary_search(id).is_ok());
    bound_settings(&mut store.settings);
}

/// A record as a JSON value, written as text and read back: the store's
/// own writer and reader, so the wasm carries no second (`Value`) serializer
/// of every record type (about 5 KB gzip with the pending list's reader).
fn to_value<T: serde::Serialize>(record: &T) -> Option<Value> {
    serde_json::to_string(record)
        .ok()
        .and_then(|text| serde_json::from_str(&text).ok())
}

/// Drop setting values that could break calendar arithmetic (a date
/// outside 2000-2100), and cap free text to the forms' limits.
pub(super) fn bound_settings(settings: &mut Settings) {
    if settings
        .flare_up_until
        .is_some_and(|d| !YEARS.contains(&d.year()))
    {
        settings.flare_up_until = None;
    }
    // The reminder's note goes into a calendar file: the form's limit.
    settings.reminder.note = cap_chars(&settings.reminder.note, MAX_REMINDER_NOTE_CHARS);
    settings.reminder.days.retain(|d| (1..=7).contains(d));
}

/// The reminder note's limit (the settings form's).
const MAX_REMINDER_NOTE_CHARS: usize = 120;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Mode {
    /// Any malformed record is an error.
    Strict,
    /// Malformed records are skipped and counted.
    Lenient,
}

/// Result of [`parse`].
#[derive(Debug)]
pub(super) struct Parsed {
    pub store: Store,
    /// Records skipped in lenient mode.
    pub skipped: usize,
    /// Version the text was written in.
    pub from_version: u32,
    /// `exported_at` of a backup envelope, when present and readable.
    pub exported_at: Option<DateTime<Utc>>,
}

pub(super) fn parse(text: &str, limit: usize, mode: Mode) -> Result<Parsed, LoadError> {
    if text.len() > limit {
        return Err(LoadError::TooLarge {
            bytes: text.len(),
            limit,
        });
    }
    let text = text.trim_start_matches('\u{feff}');
    if text.trim().is_empty() {
        return Err(LoadError::Empty);
    }
    let value: Value = serde_json::from_str(text).map_err(|e| {
        if e.is_eof() {
            LoadError::Truncated
        } else {
            LoadError::Corrupt(e.to_string())
        }
    })?;
    let Value::Object(mut doc) = value else {
        return Err(LoadError::WrongShape("expected an object".into()));
    };

    let mut exported_at = None;
    if let Some(app) = doc.get("app") {
        if app.as_str() != Some("loopwalk") {
            return Err(LoadError::NotLoopwalk);
        }
        if doc.get("kind").and_then(Value::as_str) != Some("backup") {
            return Err(LoadError::WrongShape("not a backup".into()));
        }
        exported_at = doc
            .get("exported_at")
            .and_then(Value::as_str)
            .and_then(crate::domain::dates::parse_utc);
        match doc.remove("store") {
            Some(Value::Object(inner)) => doc = inner,
            _ => return Err(LoadError::WrongShape("the backup holds no store".into())),
        }
    }

    let from_version = match doc.get("version") {
        None => return Err(LoadError::WrongShape("no version".into())),
        Some(v) => match v.as_u64() {
            Some(0) | None => return Err(LoadError::WrongShape("bad version".into())),
            Some(v) if v > u64::from(CURRENT_VERSION) => {
                return Err(LoadError::NewerVersion(
                    u32::try_from(v).unwrap_or(u32::MAX),
                ))
            }
            Some(v) => v as u32,
        },
    };

    // Migrate step by step up to the current version.
    let mut version = from_version;
    while version < CURRENT_VERSION {
        doc = match version {
            1 => v1_to_v2(doc),
            _ => unreachable!("every version below CURRENT_VERSION has a migration"),
        };
        version += 1;
    }

    let (store, skipped) = parse_v2(doc, mode)?;
    Ok(Parsed {
        store,
        skipped,
        from_version,
        exported_at,
    })
}

/// A walk as stored by schema v1.
#[derive(serde::Deserialize)]
struct WalkV1 {
    id: String,
    start_ms: i64,
    steps: u32,
    seconds: u32,
}

impl WalkV1 {
    /// v1 kept no UTC offset: the walk is placed at UTC (offset 0), the only
    /// value not invented. v1 kept no rests, so the longest non-stop stretch
    /// is unknown and recorded as 0.
    fn migrate(self) -> Option<WalkRecord> {
        let started_at = Utc.timestamp_millis_opt(self.start_ms).single()?;
        let seconds = f64::from(self.seconds);
        Some(WalkRecord {
            id: WalkId(self.id),
            started_at,
            utc_offset_min: 0,
            duration_s: seconds,
            active_s: seconds,
            steps: Steps(self.steps),
            source: StepSource::Sensor,
            loop_id: None,
            rests: Vec::new(),
            gaps: Vec::new(),
            longest_nonstop_s: 0.0,
            pain_before: None,
            pain_after: None,
            edited: false,
            note: None,
        })
    }
}

/// v1 -> v2: convert each walk; move `height_cm` into `settings`. Walks that
/// do not parse as v1 are left as they are, to fail (and be reported or
/// skipped) in [`parse_v2`].
fn v1_to_v2(mut doc: Map<String, Value>) -> Map<String, Value> {
    let walks = match doc.remove("walks") {
        Some(Value::Array(walks)) => Value::Array(
            walks
                .into_iter()
                .map(|w| {
                    from_value::<WalkV1>(w.clone())
                        .ok()
                        .and_then(WalkV1::migrate)
                        .and_then(|r| to_value(&r))
                        .unwrap_or(w)
                })
                .collect(),
        ),
        Some(other) => other,
        None => Value::Array(Vec::new()),
    };
    let mut settings = Settings::default();
    if let Some(h) = doc.remove("height_cm") {
        settings.height_cm = h.as_u64().and_then(|h| u16::try_from(h).ok());
    }
    let mut out = Map::new();
    out.insert("version".into(), Value::from(2));
    out.insert("walks".into(), walks);
    if let Some(s) = to_value(&settings) {
        out.insert("settings".into(), s);
    }
    out
}

fn take_array(
    doc: &mut Map<String, Value>,
    key: &str,
    mode: Mode,
    skipped: &mut usize,
) -> Result<Vec<Value>, LoadError> {
    match doc.remove(key) {
        None | Some(Value::Null) => Ok(Vec::new()),
        Some(Value::Array(a)) => Ok(a),
        Some(_) if mode == Mode::Lenient => {
            *skipped += 1;
            Ok(Vec::new())
        }
        Some(_) => Err(LoadError::WrongShape(format!("`{key}` is not a list"))),
    }
}

fn records<T: serde::de::DeserializeOwned>(
    items: Vec<Value>,
    what: &str,
    mode: Mode,
    skipped: &mut usize,
) -> Result<Vec<T>, LoadError> {
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.into_iter().enumerate() {
        match from_value::<T>(item) {
            Ok(r) => out.push(r),
            Err(_) if mode == Mode::Lenient => *skipped += 1,
            Err(e) => return Err(LoadError::WrongShape(format!("{what} {}: {e}", i + 1))),
        }
    }
    Ok(out)
}

fn parse_v2(mut doc: Map<String, Value>, mode: Mode) -> Result<(Store, usize), LoadError> {
    let mut skipped = 0;
    let walks = take_array(&mut doc, "walks", mode, &mut skipped)?;
    let walks = records(walks, "walk", mode, &mut skipped)?;
    let loops = take_array(&mut doc, "loops", mode, &mut skipped)?;
    let loops = records(loops, "loop", mode, &mut skipped)?;
    let deleted = take_array(&mut doc, "deleted", mode, &mut skipped)?;
    let deleted = records(deleted, "deleted id", mode, &mut skipped)?;
    let settings = match doc.remove("settings") {
        None | Some(Value::Null) => Settings::default(),
        Some(v) => match from_value(v) {
            Ok(s) => s,
            Err(_) if mode == Mode::Lenient => Settings::default(),
            Err(e) => return Err(LoadError::WrongShape(format!("settings: {e}"))),
        },
    };
    let mut times = |key: &str, what: &str| match doc.remove(key) {
        None | Some(Value::Null) => Ok(Default::default()),
        Some(v) => match crate::domain::dates::rfc3339_map::deserialize(v) {
            Ok(m) => Ok(m),
            Err(_) if mode == Mode::Lenient => Ok(Default::default()),
            Err(e) => Err(LoadError::WrongShape(format!("{what}: {e}"))),
        },
    };
    let edited_at = times("edited_at", "edit times")?;
    let deleted_at = times("deleted_at", "deletion times")?;
    let quarantine = take_array(&mut doc, "quarantine", mode, &mut skipped)?;
    // A file's quarantined records are out of range by definition: an
    // import counts them as skipped.
    let quarantine = if mode == Mode::Lenient {
        skipped += quarantine.len();
        Vec::new()
    } else {
        quarantine
    };
    Ok((
        Store {
            version: CURRENT_VERSION,
            walks,
            loops,
            settings,
            deleted,
            deleted_at,
            edited_at,
            quarantine,
        },
        skipped,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::store::{backup_json, to_json};

    const V1: &str = r#"{"version":1,"height_cm":172,"walks":[
        {"id":"1767258000000-a","start_ms":1767258000000,"steps":1200,"seconds":900},
        {"id":"1767344400000-b","start_ms":1767344400000,"steps":800,"seconds":600}]}"#;

    #[test]
    fn migrates_v1() {
        let s = load(V1).unwrap();
        assert_eq!(s.version, CURRENT_VERSION);
        assert_eq!(s.settings.height_cm, Some(172));
        assert_eq!(s.walks.len(), 2);
        let w = &s.walks[0];
        assert_eq!(w.id.0, "1767258000000-a");
        assert_eq!(
            w.started_at,
            "2026-01-01T09:00:00Z".parse::<DateTime<Utc>>().unwrap()
        );
        assert_eq!(
            (w.utc_offset_min, w.steps, w.duration_s),
            (0, Steps(1200), 900.0)
        );
        assert!(s.loops.is_empty() && s.deleted.is_empty());
        // Migrated data is written back as v2 and reads identically.
        assert_eq!(load(&to_json(&s)).unwrap(), s);
    }

    #[test]
    fn v1_bad_walk_is_an_error_when_strict() {
        let text = r#"{"version":1,"walks":[{"id":"x","start_ms":"soon","steps":1,"seconds":1}]}"#;
        assert!(matches!(load(text), Err(LoadError::WrongShape(_))));
        let p = parse(text, MAX_LOAD_BYTES, Mode::Lenient).unwrap();
        assert_eq!((p.store.walks.len(), p.skipped, p.from_version), (0, 1, 1));
    }

    #[test]
    fn empty_v2_store_loads_with_defaults() {
        let s = load(r#"{"version":2}"#).unwrap();
        assert_eq!(s, Store::default());
    }

    #[test]
    fn reads_backup_envelope() {
        let s = load(V1).unwrap();
        let at = "2026-05-01T10:00:00Z".parse().unwrap();
        assert_eq!(load(&backup_json(&s, at)).unwrap(), s);
        let p = parse(&backup_json(&s, at), MAX_LOAD_BYTES, Mode::Strict).unwrap();
        assert_eq!(p.exported_at, Some(at));
    }

    #[test]
    fn errors_are_classified() {
        use LoadError::*;
        assert_eq!(load(""), Err(Empty));
        assert_eq!(load("  \n"), Err(Empty));
        assert_eq!(load(r#"{"version":2,"walks":["#), Err(Truncated));
        assert!(matches!(load("{nope}"), Err(Corrupt(_))));
        assert!(matches!(load("[1,2]"), Err(WrongShape(_))));
        assert!(matches!(load("42"), Err(WrongShape(_))));
        assert!(matches!(load(r#"{"walks":[]}"#), Err(WrongShape(_))));
        assert!(matches!(load(r#"{"version":"2"}"#), Err(WrongShape(_))));
        assert!(matches!(load(r#"{"version":0}"#), Err(WrongShape(_))));
        assert!(matches!(load(r#"{"version":-1}"#), Err(WrongShape(_))));
        assert_eq!(load(r#"{"version":3}"#), Err(NewerVersion(3)));
        assert_eq!(
            load(r#"{"version":99999999999}"#),
            Err(NewerVersion(u32::MAX))
        );
        assert!(matches!(
            load(r#"{"version":2,"walks":{}}"#),
            Err(WrongShape(_))
        ));
        assert!(matches!(
            load(r#"{"version":2,"walks":[{"id":"x"}]}"#),
            Err(WrongShape(_))
        ));
        assert_eq!(load(r#"{"app":"other","store":{}}"#), Err(NotLoopwalk));
        assert!(matches!(
            load(r#"{"app":"loopwalk","kind":"backup"}"#),
            Err(WrongShape(_))
        ));
        let big = " ".repeat(MAX_LOAD_BYTES + 1);
        assert!(matches!(load(&big), Err(TooLarge { .. })));
        // Deep nesting hits serde_json's recursion limit, not the stack.
        let deep = "[".repeat(100_000);
        assert!(load(&deep).is_err());
    }

    #[test]
    fn a_walk_dated_year_262142_is_quarantined_not_loaded() {
        let good = r#"{"id":"ok","started_at":"2026-03-01T09:00:00Z","utc_offset_min":60,"duration_s":600.0,"active_s":600.0,"steps":900}"#;
        for bad in [
            r#"{"id":"far","started_at":"+262142-01-01T00:00:00Z","utc_offset_min":0,"duration_s":600.0,"active_s":600.0,"steps":9}"#,
            r#"{"id":"old","started_at":"-262143-01-01T00:00:00Z","utc_offset_min":0,"duration_s":600.0,"active_s":600.0,"steps":9}"#,
            r#"{"id":"off","started_at":"2026-03-01T09:00:00Z","utc_offset_min":-2147483648,"duration_s":600.0,"active_s":600.0,"steps":9}"#,
            r#"{"id":"neg","started_at":"2026-03-01T09:00:00Z","utc_offset_min":0,"duration_s":-5.0,"active_s":0.0,"steps":9}"#,
        ] {
            let text = format!(
                r#"{{"version":2,"walks":[{good},{bad}],"edited_at":{{"far":"2026-01-01T00:00:00Z"}}}}"#
            );
            let s = load(&text).unwrap();
            assert_eq!(s.walks.len(), 1, "{bad}");
            assert_eq!(s.walks[0].id.0, "ok");
            assert_eq!(s.quarantine.len(), 1);
            assert!(s.edited_at.is_empty());
            // Kept exactly, and still there after a save and a reload.
            let again = load(&super::super::to_json(&s)).unwrap();
            assert_eq!(again, s);
        }
    }

    #[test]
    fn stored_loop_names_are_cut_to_the_forms_limit() {
        let name = "x".repeat(10_000);
        let text = format!(
            r#"{{"version":2,"loops":[{{"id":"l","name":"{name}","length":{{"unit":"steps","value":100}},"created_at":"2026-01-01T00:00:00Z"}}]}}"#
        );
        let s = load(&text).unwrap();
        assert_eq!(s.loops[0].name.chars().count(), MAX_LOOP_NAME_CHARS);
    }

    #[test]
    fn the_one_pass_reader_agrees_with_the_general_one() {
        let walk = r#"{"id":"a","started_at":"2026-03-01T09:00:00.250Z","utc_offset_min":60,"duration_s":600.5,"active_s":590.0,"steps":900,"rests":[{"at_s":30.0,"len_s":20.0}],"pain_before":4,"note":"\u00e9 \"hi\""}"#;
        let general = |t: &str| parse(t, MAX_LOAD_BYTES, Mode::Strict).map(|p| p.store);
        // Read in one pass, exactly as the general reader reads them.
        for text in [
            r#"{"version":2}"#.to_string(),
            format!(
                r#"{{"version":2,"walks":[{walk}],"deleted":["z"],"deleted_at":{{"z":"2026-03-02T00:00:00Z"}},"edited_at":{{"a":"2026-03-03T00:00:00Z"}},"settings":{{"height_cm":170}},"quarantine":[{{"x":1}}],"unknown":[1]}}"#
            ),
            format!("\u{feff} {{\"version\":2,\"walks\":[{walk}]}} "),
        ] {
            let fast = read_current(&text).expect(&text);
            assert_eq!(Ok(fast), general(&text), "{text}");
        }
        // Left to the general reader, which decides as before.
        for text in [
            r#"{"version":2,"walks":null,"loops":[]}"#.to_string(),
            r#"{"version":2,"settings":null}"#.to_string(),
            format!(r#"{{"version":2,"app":null,"walks":[{walk}]}}"#),
            format!(r#"{{"version":2,"walks":[],"walks":[{walk}]}}"#),
            V1.to_string(),
            r#"{"version":3}"#.to_string(),
            r#"{"version":2.0}"#.to_string(),
            r#"{"version":2,"walks":[{"id":"x"}]}"#.to_string(),
            backup_json(&load(V1).unwrap(), "2026-05-01T10:00:00Z".parse().unwrap()),
        ] {
            assert_eq!(read_current(&text), None, "{text}");
        }
        // ... such as a repeated key, where the last one counts.
        let twice = format!(r#"{{"version":2,"walks":[],"walks":[{walk}]}}"#);
        assert_eq!(load(&twice).unwrap().walks.len(), 1);
        assert_eq!(
            load(r#"{"version":2,"app":null}"#),
            Err(LoadError::NotLoopwalk)
        );
    }

    #[test]
    fn byte_order_mark_is_ignored() {
        assert_eq!(load("\u{feff}{\"version\":2}").unwrap(), Store::default());
    }
}
