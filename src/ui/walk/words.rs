//! What the walk screens say about the recorder's typed notices,
//! announcements and sensor problems.

use crate::domain::recorder::{
    Announcement, CheckpointProblem, Notice, SensorProblem, StoreProblem,
};
use crate::domain::text::duration_text;

fn store_reason(p: StoreProblem) -> &'static str {
    match p {
        StoreProblem::Full => "the phone's storage for Loopwalk is full",
        StoreProblem::Unavailable => "this browser does not let Loopwalk store data",
        StoreProblem::Protected => "earlier saved data could not be read and is protected until you decide (see the notice above)",
        StoreProblem::Other => "the history could not be written",
    }
}

/// A notice in words.
pub fn notice(n: Notice) -> String {
    match n {
        Notice::CountingPaused { total_s } => format!(
            "Counting paused for {} while the screen was off. Steps in that time are not counted.",
            duration_text(total_s)
        ),
        Notice::SavePending(p) => format!(
            "The walk is kept on this phone, but not yet in your history file: {}. Loopwalk tries again at every save and at start-up.",
            store_reason(p)
        ),
        Notice::NotStoredYet(p) => format!(
            "This walk is not stored yet: {}. It is kept safe as an unfinished walk on this phone and offered again if the page closes. Export a backup in Settings, then tap Save again.",
            store_reason(p)
        ),
        Notice::SaveRefused => "This walk could not be saved (its figures failed a check). It is kept as an unfinished walk on this phone.".into(),
        Notice::Checkpoint(CheckpointProblem::Unavailable) => "This browser's storage cannot be used, so the walk in progress cannot be kept safe if the page closes.".into(),
        Notice::Checkpoint(CheckpointProblem::Full) => "The phone's storage is full, so the walk in progress cannot be kept safe if the page closes.".into(),
        Notice::Checkpoint(CheckpointProblem::Other) => "The walk in progress could not be kept safe if the page closes.".into(),
        Notice::UnreadableCheckpointKept => "An unfinished walk was found that this version cannot read. A copy is kept in this browser's storage, untouched.".into(),
        Notice::ScreenMayTurnOff => "The screen may turn off during the walk, which pauses counting. Keep it on, or use pocket mode.".into(),
        Notice::ClockFailed => "The walk clock could not start; figures may lag.".into(),
    }
}

/// A screen-reader announcement in words.
pub fn announcement(a: Announcement) -> String {
    let with = |what: &str, steps: Option<u32>| match steps {
        Some(n) => format!("{what}. {n} steps."),
        None => format!("{what}."),
    };
    match a {
        Announcement::Paused { steps } => with("Paused", steps),
        Announcement::WalkingAgain { steps } => with("Walking again", steps),
        Announcement::Stopped { steps } => with("Walk stopped", steps),
        Announcement::AutoPaused { steps } => with(
            "No steps for 5 minutes: the walk is paused. End it, or keep going",
            Some(steps),
        ),
    }
}

/// A sensor problem: (heading, what happened, what to do).
pub fn problem(p: SensorProblem) -> (&'static str, &'static str, &'static str) {
    match p {
        SensorProblem::Denied => ("Motion access is off", "Motion access was not allowed.", "To count steps, Loopwalk needs motion access. On iPhone: Settings > Safari > Motion & Orientation Access, turn it on, then try again. If you added Loopwalk to your home screen, remove it and add it again, then allow motion when asked."),
        SensorProblem::NotSecure => ("Steps can't be counted here", "This page is not opened securely (https), so the browser gives it no motion sensor.", "Open Loopwalk from its https address (or localhost) to count steps."),
        SensorProblem::Unsupported => ("Steps can't be counted here", "This browser has no motion sensor support.", "Step counting needs a phone browser with motion sensors."),
        SensorProblem::NoReadings => ("Steps can't be counted here", "No motion readings arrived. This device may have no motion sensor (a desktop browser, for example).", "This happens in desktop browsers and on devices without an accelerometer."),
    }
}
