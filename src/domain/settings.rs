//! The walker's settings, persisted inside the [`Store`](super::store::Store).
//!
//! Every field is `#[serde(default)]`, so a settings object written by an
//! older or newer version of the app (missing or extra fields) still loads.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::cues::CuePrefs;
use super::ics::ReminderPrefs;
use super::record::{LoopId, Steps};

/// Step length used when the walker gave neither a step length nor a height.
///
/// 0.65 m: the average adult walking step is about 0.67-0.76 m, but people
/// easing back into walking after back pain walk more slowly, and slower
/// walking means shorter steps. Erring short keeps distances modest rather
/// than flattering.
pub const DEFAULT_STEP_LENGTH_M: f64 = 0.65;

/// Step length as a fraction of body height (a common rule of thumb).
pub const STEP_LENGTH_PER_HEIGHT: f64 = 0.415;

/// Plausible range for a step-length override, centimetres. Values outside
/// are ignored (treated as unset) rather than trusted.
pub const STEP_LENGTH_RANGE_CM: std::ops::RangeInclusive<u16> = 20..=150;

/// Plausible range for a height, centimetres. Values outside are ignored.
pub const HEIGHT_RANGE_CM: std::ops::RangeInclusive<u16> = 80..=250;

/// The walker's settings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Settings {
    /// Body height in centimetres, used to estimate step length.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub height_cm: Option<u16>,
    /// Step length set by the walker, centimetres. Wins over the height rule.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub step_length_cm: Option<u16>,
    /// Ask for pain (0-10) before and after each walk. Default: on.
    #[serde(default = "yes")]
    pub pain_checkins: bool,
    /// Show gentle tips. Default: on.
    #[serde(default = "yes")]
    pub tips: bool,
    /// The walker's weekly baseline of active minutes for the pacing plan.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weekly_baseline_min: Option<u32>,
    /// A flare-up is declared until this local date (inclusive).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::domain::dates::iso_date_opt"
    )]
    pub flare_up_until: Option<NaiveDate>,
    /// The loop walked most recently, preselected for the next walk.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_loop: Option<LoopId>,
    /// The walker has read and accepted the safety note.
    #[serde(default)]
    pub safety_acknowledged: bool,
    /// Result of the last `navigator.storage.persist()` request, if asked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub persist_granted: Option<bool>,
    // -- Walk cues and the walk reminder (src/domain/cues.rs, ics.rs) --
    /// Which spoken and haptic cues the walker wants during a walk.
    #[serde(default)]
    pub cues: CuePrefs,
    /// The "Remind me to walk" calendar event's days, time and note.
    #[serde(default)]
    pub reminder: ReminderPrefs,
    /// Where the walker lives, as they confirmed or chose it (an ISO code
    /// such as `"GB"`, or `"OTHER"`; see [`care::COUNTRIES`](super::care::COUNTRIES)).
    /// `None` until then: the app guesses from the time zone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
}

fn yes() -> bool {
    true
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            height_cm: None,
            step_length_cm: None,
            pain_checkins: true,
            tips: true,
            weekly_baseline_min: None,
            flare_up_until: None,
            last_loop: None,
            safety_acknowledged: false,
            persist_granted: None,
            cues: CuePrefs::default(),
            reminder: ReminderPrefs::default(),
            country: None,
        }
    }
}

impl Settings {
    /// Step length in metres: the walker's override when plausible
    /// ([`STEP_LENGTH_RANGE_CM`]), else [`STEP_LENGTH_PER_HEIGHT`] x height
    /// when the height is plausible ([`HEIGHT_RANGE_CM`]), else
    /// [`DEFAULT_STEP_LENGTH_M`].
    pub fn step_length_m(&self) -> f64 {
        if let Some(cm) = self
            .step_length_cm
            .filter(|cm| STEP_LENGTH_RANGE_CM.contains(cm))
        {
            return f64::from(cm) / 100.0;
        }
        if let Some(h) = self.height_cm.filter(|h| HEIGHT_RANGE_CM.contains(h)) {
            return STEP_LENGTH_PER_HEIGHT * f64::from(h) / 100.0;
        }
        DEFAULT_STEP_LENGTH_M
    }

    /// Estimated distance in metres for a number of steps.
    pub fn distance_m(&self, steps: Steps) -> f64 {
        f64::from(steps.0) * self.step_length_m()
    }

    /// True while a declared flare-up covers `today` (local date).
    pub fn in_flare_up(&self, today: NaiveDate) -> bool {
        self.flare_up_until.is_some_and(|until| today <= until)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_turn_checkins_and_tips_on() {
        let s = Settings::default();
        assert!(s.pain_checkins && s.tips && !s.safety_acknowledged);
        // An empty object loads as the defaults.
        let back: Settings = serde_json::from_str("{}").unwrap();
        assert_eq!(back, s);
    }

    #[test]
    fn unknown_fields_are_ignored_and_missing_fields_default() {
        let back: Settings =
            serde_json::from_str(r#"{"height_cm":170,"future_field":[1,2],"tips":false}"#).unwrap();
        assert_eq!(back.height_cm, Some(170));
        assert!(!back.tips);
        assert!(back.pain_checkins);
    }

    #[test]
    fn step_length_prefers_override_then_height_then_default() {
        let mut s = Settings::default();
        assert_eq!(s.step_length_m(), DEFAULT_STEP_LENGTH_M);
        s.height_cm = Some(180);
        assert!((s.step_length_m() - 0.747).abs() < 1e-9);
        s.step_length_cm = Some(62);
        assert!((s.step_length_m() - 0.62).abs() < 1e-9);
        // Implausible values are ignored.
        s.step_length_cm = Some(0);
        assert!((s.step_length_m() - 0.747).abs() < 1e-9);
        s.height_cm = Some(5);
        assert_eq!(s.step_length_m(), DEFAULT_STEP_LENGTH_M);
        assert!((s.distance_m(Steps(1000)) - 650.0).abs() < 1e-9);
    }

    #[test]
    fn round_trip_with_every_field_set() {
        let s = Settings {
            height_cm: Some(165),
            step_length_cm: Some(60),
            pain_checkins: false,
            tips: false,
            weekly_baseline_min: Some(90),
            flare_up_until: NaiveDate::from_ymd_opt(2026, 4, 2),
            last_loop: Some(LoopId("l1".into())),
            safety_acknowledged: true,
            persist_granted: Some(false),
            cues: CuePrefs {
                loop_done: false,
                ..CuePrefs::default()
            },
            reminder: ReminderPrefs {
                days: vec![2, 4],
                ..ReminderPrefs::default()
            },
            country: Some("NZ".into()),
        };
        let text = serde_json::to_string(&s).unwrap();
        assert_eq!(serde_json::from_str::<Settings>(&text).unwrap(), s);
        assert!(s.in_flare_up(NaiveDate::from_ymd_opt(2026, 4, 2).unwrap()));
        assert!(!s.in_flare_up(NaiveDate::from_ymd_opt(2026, 4, 3).unwrap()));
    }

    #[test]
    fn cue_and_reminder_settings_survive_export_then_import() {
        use crate::domain::store::{backup_json, preview_import, Store};
        let mut s = Store::new();
        s.settings.cues.on = false;
        s.settings.cues.plan_reached = false;
        s.settings.reminder.days = vec![6, 7];
        s.settings.reminder.hour = 8;
        s.settings.reminder.note = "Sunday; with Sam".into();
        let file = backup_json(&s, "2026-12-02T10:00:00Z".parse().unwrap());
        let mut fresh = Store::new();
        preview_import(&fresh, &file)
            .unwrap()
            .apply(&mut fresh, "2026-12-02T10:01:00Z".parse().unwrap());
        assert_eq!(fresh.settings.cues, s.settings.cues);
        assert_eq!(fresh.settings.reminder, s.settings.reminder);
        // Older settings without them load with every cue on.
        let old: Settings = serde_json::from_str(r#"{"tips":false}"#).unwrap();
        assert_eq!(old.cues, CuePrefs::default());
        assert_eq!(old.reminder, ReminderPrefs::default());
    }
}
