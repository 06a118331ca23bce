//! The records Loopwalk keeps: walks and loops. Plain serde types shared by
//! the walk recorder, history, milestones and the pacing plan.
//!
//! Times are stored in UTC with the local UTC offset in force when the walk
//! started, so "which day was this walk" is answered in the walker's own
//! calendar at the time, even after travelling or a DST change.

use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone, Utc};

/// The zero offset.
const UTC: FixedOffset = match FixedOffset::east_opt(0) {
    Some(o) => o,
    None => panic!("zero is a valid offset"),
};
use serde::{de::Error as _, Deserialize, Deserializer, Serialize};

/// A count of steps.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct Steps(pub u32);

/// Unique id of a walk: milliseconds since the Unix epoch at start plus a
/// random-ish suffix chosen by the caller, rendered as text. Stable across
/// export and import, so merging is by id.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct WalkId(pub String);

/// Unique id of a loop (same scheme as [`WalkId`]).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct LoopId(pub String);

/// Where a walk's step count came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum StepSource {
    /// Counted by the step detector from the phone's motion sensor.
    #[default]
    Sensor,
    /// Entered by the walker (no motion sensor available).
    Manual,
}

/// A stretch of a walk, in seconds from the walk's start (wall-clock,
/// including pauses), and its length in seconds.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Span {
    /// Seconds from the start of the walk.
    pub at_s: f64,
    /// Length in seconds.
    pub len_s: f64,
}

impl Span {
    pub const fn new(at_s: f64, len_s: f64) -> Self {
        Self { at_s, len_s }
    }
}

/// One recorded walk.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WalkRecord {
    pub id: WalkId,
    /// Start instant (UTC).
    #[serde(with = "crate::domain::dates::rfc3339")]
    pub started_at: DateTime<Utc>,
    /// Local offset from UTC at the start, in minutes (e.g. +60 for CET).
    pub utc_offset_min: i32,
    /// Wall-clock seconds from start to stop, pauses included.
    pub duration_s: f64,
    /// Seconds actually walking: pauses and sensor gaps excluded.
    pub active_s: f64,
    pub steps: Steps,
    #[serde(default)]
    pub source: StepSource,
    /// The loop walked, if any.
    #[serde(default)]
    pub loop_id: Option<LoopId>,
    /// Rests: stretches of >= 15 s without a step while recording.
    #[serde(default)]
    pub rests: Vec<Span>,
    /// Gaps: stretches when the browser delivered no motion (screen off,
    /// page hidden). No steps are ever estimated for a gap.
    #[serde(default)]
    pub gaps: Vec<Span>,
    /// Longest stretch of walking without a rest, seconds.
    #[serde(default)]
    pub longest_nonstop_s: f64,
    /// Pain 0-10 before and after, when the walker recorded it.
    #[serde(default)]
    pub pain_before: Option<u8>,
    #[serde(default)]
    pub pain_after: Option<u8>,
    /// True when the walker edited the record after saving it.
    #[serde(default)]
    pub edited: bool,
    /// Free-text note.
    #[serde(default)]
    pub note: Option<String>,
}

impl WalkRecord {
    /// The walker's local offset at the start of this walk (clamped to
    /// +/-14 h, the widest in use).
    pub fn offset(&self) -> FixedOffset {
        FixedOffset::east_opt(self.utc_offset_min.clamp(-840, 840) * 60).unwrap_or(UTC)
    }

    /// Start time in the walker's local time at the start. Never panics:
    /// at the very ends of chrono's range, where the local time would not
    /// exist, UTC is used (such records are quarantined on load anyway).
    pub fn local_start(&self) -> DateTime<FixedOffset> {
        let utc = self.started_at.naive_utc();
        let offset = match utc.checked_add_offset(self.offset()) {
            Some(_) => self.offset(),
            None => UTC,
        };
        offset.from_utc_datetime(&utc)
    }

    /// The local calendar day this walk belongs to.
    pub fn local_date(&self) -> NaiveDate {
        self.local_start().date_naive()
    }

    /// True when motion delivery was interrupted during the walk.
    pub fn interrupted(&self) -> bool {
        !self.gaps.is_empty()
    }

    /// True when the walk had no rest (>= 15 s without steps).
    pub fn non_stop(&self) -> bool {
        self.rests.is_empty()
    }
}

/// How a loop's length is given.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "snake_case", tag = "unit", content = "value")]
pub enum LoopLength {
    Steps(u32),
    Metres(f64),
}

/// `{"unit": "steps", "value": 1500}` or `{"unit": "metres", "value": 1200.5}`,
/// read by hand: serde's derived reader for an adjacently tagged enum (keys
/// in any order, buffered) is about 2.5 KB of wasm. Steps must be a whole
/// number in range.
impl<'de> Deserialize<'de> for LoopLength {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Fields;
        impl<'de> serde::de::Visitor<'de> for Fields {
            type Value = LoopLength;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a loop length with a unit and a value")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<LoopLength, A::Error> {
                let (mut unit, mut value) = (None::<String>, None::<f64>);
                while let Some(key) = map.next_key::<String>()? {
                    match key.as_str() {
                        "unit" => unit = Some(map.next_value()?),
                        "value" => value = Some(map.next_value()?),
                        _ => {
                            map.next_value::<serde::de::IgnoredAny>()?;
                        }
                    }
                }
                let unit = unit.ok_or_else(|| A::Error::missing_field("unit"))?;
                let value = value.ok_or_else(|| A::Error::missing_field("value"))?;
                match unit.as_str() {
                    "steps"
                        if value.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(&value) =>
                    {
                        Ok(LoopLength::Steps(value as u32))
                    }
                    "steps" => Err(A::Error::custom("steps must be a whole number")),
                    "metres" => Ok(LoopLength::Metres(value)),
                    other => Err(A::Error::unknown_variant(other, &["steps", "metres"])),
                }
            }
        }
        d.deserialize_map(Fields)
    }
}

/// How a route is walked: round a loop, or out to a point and back the
/// same way (the walk cues then say when to turn back).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum LoopKind {
    #[default]
    Loop,
    OutAndBack,
}

/// Reads a field-less enum as the name serde's derive writes for it
/// (`"sensor"`). A hand-written reader: the derived one also accepts the
/// `{"sensor": null}` map form no store holds, and costs about 1 KB of wasm
/// per enum and input kind.
pub(crate) fn read_name<'de, D: Deserializer<'de>, T: Copy>(
    d: D,
    names: &'static [&'static str],
    values: &[T],
) -> Result<T, D::Error> {
    let name = String::deserialize(d)?;
    names
        .iter()
        .position(|n| *n == name)
        .map(|i| values[i])
        .ok_or_else(|| D::Error::unknown_variant(&name, names))
}

impl<'de> Deserialize<'de> for StepSource {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        read_name(d, &["sensor", "manual"], &[Self::Sensor, Self::Manual])
    }
}

impl<'de> Deserialize<'de> for LoopKind {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        read_name(
            d,
            &["loop", "out_and_back"],
            &[Self::Loop, Self::OutAndBack],
        )
    }
}

/// A named regular route.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LoopRecord {
    pub id: LoopId,
    pub name: String,
    pub length: LoopLength,
    #[serde(with = "crate::domain::dates::rfc3339")]
    pub created_at: DateTime<Utc>,
    #[serde(default)]
    pub archived: bool,
    /// Loop or out and back (older loops: a loop).
    #[serde(default)]
    pub kind: LoopKind,
}

#[cfg(test)]
impl WalkRecord {
    /// A test walk: `mins` active minutes without a rest, 100 steps a minute.
    pub(crate) fn test_walk(id: &str, at: DateTime<Utc>, offset_min: i32, mins: f64) -> Self {
        WalkRecord {
            id: WalkId(id.into()),
            started_at: at,
            utc_offset_min: offset_min,
            duration_s: mins * 60.0,
            active_s: mins * 60.0,
            steps: Steps((mins * 100.0) as u32),
            source: StepSource::Sensor,
            loop_id: None,
            rests: vec![],
            gaps: vec![],
            longest_nonstop_s: mins * 60.0,
            pain_before: None,
            pain_after: None,
            edited: false,
            note: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn walk(at: &str, offset_min: i32) -> WalkRecord {
        WalkRecord {
            id: WalkId("w1".into()),
            started_at: at.parse().unwrap(),
            utc_offset_min: offset_min,
            duration_s: 600.0,
            active_s: 600.0,
            steps: Steps(900),
            source: StepSource::Sensor,
            loop_id: None,
            rests: vec![],
            gaps: vec![],
            longest_nonstop_s: 600.0,
            pain_before: None,
            pain_after: None,
            edited: false,
            note: None,
        }
    }

    #[test]
    fn local_date_uses_the_offset_at_the_time() {
        // 23:30 UTC is already the next day in Berlin (UTC+1)...
        let w = walk("2026-01-10T23:30:00Z", 60);
        assert_eq!(
            w.local_date(),
            NaiveDate::from_ymd_opt(2026, 1, 11).unwrap()
        );
        // ...and still the same day in New York (UTC-5).
        let w = walk("2026-01-10T23:30:00Z", -300);
        assert_eq!(
            w.local_date(),
            NaiveDate::from_ymd_opt(2026, 1, 10).unwrap()
        );
    }

    #[test]
    fn local_date_of_a_walk_at_the_end_of_time_does_not_panic() {
        for (at, off) in [
            (DateTime::<Utc>::MAX_UTC, 840),
            (DateTime::<Utc>::MIN_UTC, -840),
            (DateTime::<Utc>::MAX_UTC, i32::MAX),
            (DateTime::<Utc>::MIN_UTC, i32::MIN),
        ] {
            let mut w = walk("2026-01-10T23:30:00Z", off);
            w.started_at = at;
            let _ = w.local_date();
            let _ = w.local_start().time();
        }
    }

    #[test]
    fn serde_round_trip_keeps_every_field() {
        let mut w = walk("2026-03-29T01:30:00Z", 120);
        w.rests.push(Span::new(100.0, 20.0));
        w.gaps.push(Span::new(300.0, 60.0));
        w.pain_before = Some(6);
        w.pain_after = Some(4);
        w.loop_id = Some(LoopId("l1".into()));
        let text = serde_json::to_string(&w).unwrap();
        let back: WalkRecord = serde_json::from_str(&text).unwrap();
        assert_eq!(back, w);
        assert!(back.interrupted());
        assert!(!back.non_stop());
    }

    #[test]
    fn loop_lengths_read_back_as_written_and_steps_stay_whole() {
        for l in [
            LoopLength::Steps(1500),
            LoopLength::Steps(0),
            LoopLength::Metres(1200.5),
        ] {
            let text = serde_json::to_string(&l).unwrap();
            assert_eq!(
                serde_json::from_str::<LoopLength>(&text).unwrap(),
                l,
                "{text}"
            );
            let value: serde_json::Value = serde_json::from_str(&text).unwrap();
            assert_eq!(
                serde_json::from_value::<LoopLength>(value).unwrap(),
                l,
                "{text}"
            );
        }
        let reordered = r#"{"value":900,"unit":"steps"}"#;
        assert_eq!(
            serde_json::from_str::<LoopLength>(reordered).unwrap(),
            LoopLength::Steps(900)
        );
        for bad in [
            r#"{"unit":"steps","value":1.5}"#,
            r#"{"unit":"steps","value":-1}"#,
            r#"{"unit":"steps","value":4294967296}"#,
            r#"{"unit":"miles","value":2}"#,
            r#"{"unit":"steps"}"#,
            r#"{"value":3}"#,
            r#""steps""#,
        ] {
            assert!(serde_json::from_str::<LoopLength>(bad).is_err(), "{bad}");
        }
    }
}
