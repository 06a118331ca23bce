//! Walk cues: what to say (and buzz) to a walker whose phone is in a pocket.
//!
//! The schedule is pure: once a second the walk's state is summed up in a
//! [`Snapshot`], and [`CueLog::due`] answers which [`Cue`]s are due now,
//! remembering what it has cued so that no event is cued twice. The browser
//! side (speech, vibration, the "last cue" line) only carries them out.
//!
//! The rules:
//! - **Start**: once, when the walk starts counting.
//! - **Loop halfway** (a loop, not out and back) at half the loop's length
//!   in steps; **loop done** at its whole length. If both come due at once
//!   (a walk picked up again after a reload), only "loop done" is said.
//! - **Turn back** (out and back only) at half of what is left of today's
//!   planned minutes; **plan reached** when today's planned minutes are
//!   walked (active time, with what was walked earlier today). No plan cue
//!   when the plan was already met before this walk: a cue never asks for
//!   more.
//! - **Counting paused** when readings stop arriving while the page is on
//!   show; **counting again** when counting resumes after readings stopped
//!   or after the page was hidden.
//! - Nothing while the page is hidden (speech would be queued and spoken
//!   late); events that come due then are cued on return. Nothing while the
//!   walker has paused the walk. Nothing about rests: resting is fine.
//! - A cue switched off is still marked as cued when its moment comes, so
//!   switching it back on later never brings a stale cue.

use serde::{Deserialize, Serialize};

use super::record::LoopKind;

/// A moment worth telling a walker who is not looking at the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Cue {
    Start,
    LoopHalfway,
    LoopDone,
    TurnBackHalfway,
    PlanMinutesReached,
    CountingPaused,
    CountingAgain,
}

impl Cue {
    /// Every cue, in the order the settings list them.
    pub const ALL: [Cue; 7] = [
        Cue::Start,
        Cue::LoopHalfway,
        Cue::LoopDone,
        Cue::TurnBackHalfway,
        Cue::PlanMinutesReached,
        Cue::CountingPaused,
        Cue::CountingAgain,
    ];

    /// A stable name (used in `data-` attributes and tests).
    pub fn key(self) -> &'static str {
        match self {
            Cue::Start => "start",
            Cue::LoopHalfway => "loop-halfway",
            Cue::LoopDone => "loop-done",
            Cue::TurnBackHalfway => "turn-back",
            Cue::PlanMinutesReached => "plan-reached",
            Cue::CountingPaused => "counting-paused",
            Cue::CountingAgain => "counting-again",
        }
    }
}

/// Whether counting is going on, as the walker would want to know.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Counting {
    /// Readings arrive and steps are counted (or a manual walk's timer runs).
    #[default]
    Counting,
    /// The page is on show but no readings arrived for a while.
    NoReadings,
    /// The page is hidden (screen locked, another app): nothing is counted
    /// and nothing may be spoken.
    Hidden,
}

/// Readings missing this long (s) while the page is on show means
/// counting has paused (the motion adapter's gap rule uses the same 3 s).
pub const NO_READINGS_AFTER_S: f64 = 3.0;

impl Counting {
    /// The counting state from what the page can see: whether it is
    /// hidden, and how long ago the last motion reading arrived (`None`
    /// for a walk that counts no steps, with a hand-entered count).
    pub fn from_readings(hidden: bool, since_last_reading_s: Option<f64>) -> Counting {
        if hidden {
            Counting::Hidden
        } else if since_last_reading_s.is_some_and(|s| s >= NO_READINGS_AFTER_S) {
            Counting::NoReadings
        } else {
            Counting::Counting
        }
    }
}

/// The route being walked, as the cues need it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Route {
    /// Whole length in steps (out and back: there and back again).
    pub length_steps: f64,
    pub kind: LoopKind,
}

/// Today's pacing plan, as the cues need it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PlanToday {
    /// Minutes planned for today's walk.
    pub minutes: u32,
    /// Active seconds already walked today before this walk.
    pub earlier_today_s: f64,
}

impl PlanToday {
    /// Active seconds of this walk that complete today's plan; `None` when
    /// the plan was already met before this walk.
    pub fn left_s(&self) -> Option<f64> {
        let left = f64::from(self.minutes) * 60.0 - self.earlier_today_s.max(0.0);
        (self.minutes > 0 && left > 0.0).then_some(left)
    }
}

/// The walk's state once a second, as the cue schedule sees it.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Snapshot {
    /// A walk is under way and not paused by the walker.
    pub walking: bool,
    /// Active seconds (pauses and gaps excluded).
    pub active_s: f64,
    /// Steps counted; `None` for a walk with a hand-entered count.
    pub steps: Option<u32>,
    /// The route chosen before Start, if any.
    pub route: Option<Route>,
    /// Today's plan, if known.
    pub plan: Option<PlanToday>,
    pub counting: Counting,
}

/// Which cues the walker wants. Stored in the settings (every field has a
/// serde default, so older and newer backups load).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CuePrefs {
    /// All cues on or off (one switch).
    #[serde(default = "yes")]
    pub on: bool,
    /// Speak the cues (where the browser has speech).
    #[serde(default = "yes")]
    pub speech: bool,
    /// Buzz the cues (where the phone can vibrate).
    #[serde(default = "yes")]
    pub vibration: bool,
    #[serde(default = "yes")]
    pub start: bool,
    #[serde(default = "yes")]
    pub loop_halfway: bool,
    #[serde(default = "yes")]
    pub loop_done: bool,
    #[serde(default = "yes")]
    pub turn_back: bool,
    #[serde(default = "yes")]
    pub plan_reached: bool,
    /// "Counting paused" and "Counting again" (one switch for the pair).
    #[serde(default = "yes")]
    pub counting: bool,
}

fn yes() -> bool {
    true
}

impl Default for CuePrefs {
    fn default() -> Self {
        CuePrefs {
            on: true,
            speech: true,
            vibration: true,
            start: true,
            loop_halfway: true,
            loop_done: true,
            turn_back: true,
            plan_reached: true,
            counting: true,
        }
    }
}

impl CuePrefs {
    /// The switch for one cue.
    pub fn switch(&mut self, cue: Cue) -> &mut bool {
        match cue {
            Cue::Start => &mut self.start,
            Cue::LoopHalfway => &mut self.loop_halfway,
            Cue::LoopDone => &mut self.loop_done,
            Cue::TurnBackHalfway => &mut self.turn_back,
            Cue::PlanMinutesReached => &mut self.plan_reached,
            Cue::CountingPaused | Cue::CountingAgain => &mut self.counting,
        }
    }

    /// Whether the switch of `cue` is on (the all-cues switch aside).
    pub fn is_on(&self, cue: Cue) -> bool {
        match cue {
            Cue::Start => self.start,
            Cue::LoopHalfway => self.loop_halfway,
            Cue::LoopDone => self.loop_done,
            Cue::TurnBackHalfway => self.turn_back,
            Cue::PlanMinutesReached => self.plan_reached,
            Cue::CountingPaused | Cue::CountingAgain => self.counting,
        }
    }

    /// Whether `cue` should reach the walker at all.
    pub fn allows(&self, cue: Cue) -> bool {
        self.on && self.is_on(cue)
    }
}

/// One cue in one language: when it comes, what is said, how it feels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line {
    pub cue: Cue,
    /// The switch's label in Settings.
    pub label: &'static str,
    /// What is spoken and shown. `{minutes}` is replaced by the plan's
    /// minutes in words.
    pub says: &'static str,
    /// The vibration: on, off, on... milliseconds.
    pub haptic: &'static [u32],
    /// The vibration in words (Settings, "feel them").
    pub feels: &'static str,
}

/// The words of one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Words {
    /// BCP 47 tag for the speech voice.
    pub lang: &'static str,
    pub lines: [Line; 7],
    /// "1 minute" / "{n} minutes".
    pub minute: &'static str,
    pub minutes: &'static str,
}

/// English, the one language for now. Another language is another table.
pub const ENGLISH: Words = Words {
    lang: "en-GB",
    minute: "1 minute",
    minutes: "{n} minutes",
    lines: [
        Line {
            cue: Cue::Start,
            label: "Walk started",
            says: "Walk started. Have a good loop.",
            haptic: &[150, 150, 400],
            feels: "short, long",
        },
        Line {
            cue: Cue::LoopHalfway,
            label: "Halfway round the loop",
            says: "Halfway round your loop.",
            haptic: &[120, 150, 120],
            feels: "two short",
        },
        Line {
            cue: Cue::LoopDone,
            label: "Whole loop done",
            says: "Whole loop done, well done.",
            haptic: &[500, 200, 150, 200, 500],
            feels: "long, short, long",
        },
        Line {
            cue: Cue::TurnBackHalfway,
            label: "Time to turn back (out and back)",
            says: "Halfway: a good time to turn back.",
            haptic: &[500, 250, 500],
            feels: "two long",
        },
        Line {
            cue: Cue::PlanMinutesReached,
            label: "Today's minutes walked",
            says: "That's today's {minutes}. You can head home whenever you like.",
            haptic: &[120, 150, 120, 150, 120],
            feels: "three short",
        },
        Line {
            cue: Cue::CountingPaused,
            label: "Counting paused / again",
            says: "Counting paused.",
            haptic: &[900],
            feels: "one very long",
        },
        Line {
            cue: Cue::CountingAgain,
            label: "Counting paused / again",
            says: "Counting again.",
            haptic: &[400, 200, 150],
            feels: "long, short",
        },
    ],
};

impl Words {
    /// The table row of `cue`.
    pub fn line(&self, cue: Cue) -> &Line {
        self.lines
            .iter()
            .find(|l| l.cue == cue)
            .unwrap_or(&self.lines[0])
    }

    /// What is said for `cue`, with today's planned minutes filled in.
    pub fn says(&self, cue: Cue, plan_min: u32) -> String {
        let minutes = if plan_min == 1 {
            self.minute.to_string()
        } else {
            self.minutes.replace("{n}", &plan_min.to_string())
        };
        self.line(cue).says.replace("{minutes}", &minutes)
    }
}

/// What has been cued so far in one walk: the memory that keeps every
/// event to one cue.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CueLog {
    /// One-off events already cued (or passed while switched off).
    done: Vec<Cue>,
    /// Counting has been interrupted; `true` once "Counting paused" was cued
    /// for this interruption.
    interrupted: Option<bool>,
}

impl CueLog {
    /// A log for a walk starting now.
    pub fn new() -> Self {
        Self::default()
    }

    /// A log for a walk already under way (the page reloaded, the Walk
    /// screen opened again): everything already due counts as cued, so
    /// nothing is repeated and nothing stale is said.
    pub fn caught_up(snap: &Snapshot) -> Self {
        let mut log = Self::new();
        log.done = once_due(snap);
        log.done.push(Cue::Start);
        log
    }

    /// True when `cue` has been cued (one-off events only).
    pub fn has(&self, cue: Cue) -> bool {
        self.done.contains(&cue)
    }

    /// The cues due now, in the order to give them, and remember them.
    /// Only cues that `prefs` allows are returned; the others are marked
    /// as passed all the same.
    pub fn due(&mut self, snap: &Snapshot, prefs: &CuePrefs) -> Vec<Cue> {
        let mut out = Vec::new();
        if !snap.walking {
            // The walker's own pause (or no walk): they know, nothing to say,
            // and what happens to the page meanwhile is no interruption.
            self.interrupted = None;
            return out;
        }
        match snap.counting {
            Counting::Hidden => {
                self.interrupted.get_or_insert(false);
                return out;
            }
            Counting::NoReadings => {
                if self.interrupted != Some(true) {
                    self.interrupted = Some(true);
                    out.push(Cue::CountingPaused);
                }
            }
            Counting::Counting => {
                if self.interrupted.take().is_some() {
                    out.push(Cue::CountingAgain);
                }
            }
        }
        if !self.has(Cue::Start) {
            self.done.push(Cue::Start);
            out.push(Cue::Start);
        }
        let fresh: Vec<Cue> = once_due(snap)
            .into_iter()
            .filter(|c| !self.has(*c))
            .collect();
        for &cue in &fresh {
            self.done.push(cue);
            // Of two steps of the same journey due together, say the later.
            let superseded = match cue {
                Cue::LoopHalfway => fresh.contains(&Cue::LoopDone),
                Cue::TurnBackHalfway => fresh.contains(&Cue::PlanMinutesReached),
                _ => false,
            };
            if !superseded {
                out.push(cue);
            }
        }
        out.retain(|c| prefs.allows(*c));
        out
    }
}

/// The one-off events (other than Start) whose moment has come in `snap`.
fn once_due(snap: &Snapshot) -> Vec<Cue> {
    let mut due = Vec::new();
    if let (Some(route), Some(steps)) = (snap.route, snap.steps) {
        let steps = f64::from(steps);
        let length = route.length_steps.max(1.0);
        if route.kind == LoopKind::Loop && steps >= length / 2.0 {
            due.push(Cue::LoopHalfway);
        }
        if steps >= length {
            due.push(Cue::LoopDone);
        }
    }
    if let Some(left) = snap.plan.and_then(|p| p.left_s()) {
        let out_and_back = snap.route.is_some_and(|r| r.kind == LoopKind::OutAndBack);
        if out_and_back && snap.active_s >= left / 2.0 {
            due.push(Cue::TurnBackHalfway);
        }
        if snap.active_s >= left {
            due.push(Cue::PlanMinutesReached);
        }
    }
    due
}

#[cfg(test)]
mod tests {
    use super::*;

    fn walking(active_s: f64, steps: u32) -> Snapshot {
        Snapshot {
            walking: true,
            active_s,
            steps: Some(steps),
            route: Some(Route {
                length_steps: 1000.0,
                kind: LoopKind::Loop,
            }),
            plan: Some(PlanToday {
                minutes: 12,
                earlier_today_s: 0.0,
            }),
            counting: Counting::Counting,
        }
    }

    /// Walking at 100 steps a minute, `s` seconds in.
    fn at_100_a_minute(s: u32) -> Snapshot {
        walking(f64::from(s), s * 100 / 60)
    }

    /// `snap` at every second of active time from 0 to `last`.
    fn each_second(snap: Snapshot, last: u32) -> Vec<Snapshot> {
        (0..=last)
            .map(|s| Snapshot {
                active_s: f64::from(s),
                ..snap
            })
            .collect()
    }

    /// Runs a walk of snapshots through a fresh log: (second, cue) pairs.
    fn run(snaps: &[Snapshot], prefs: &CuePrefs) -> Vec<(usize, Cue)> {
        let mut log = CueLog::new();
        snaps
            .iter()
            .enumerate()
            .flat_map(|(i, s)| log.due(s, prefs).into_iter().map(move |c| (i, c)))
            .collect()
    }

    #[test]
    fn a_loop_walk_gets_start_halfway_done_and_plan_once_each() {
        // 100 steps a minute for 15 minutes, a 1000-step loop, a 12 min plan.
        let snaps: Vec<Snapshot> = (0..=900).map(at_100_a_minute).collect();
        let got = run(&snaps, &CuePrefs::default());
        assert_eq!(
            got,
            vec![
                (0, Cue::Start),
                (300, Cue::LoopHalfway),
                (600, Cue::LoopDone),
                (720, Cue::PlanMinutesReached),
            ]
        );
    }

    #[test]
    fn out_and_back_says_turn_back_at_half_the_plan_and_no_loop_halfway() {
        let snaps: Vec<Snapshot> = (0..=900)
            .map(|s| Snapshot {
                route: Some(Route {
                    length_steps: 2000.0,
                    kind: LoopKind::OutAndBack,
                }),
                ..at_100_a_minute(s)
            })
            .collect();
        let got = run(&snaps, &CuePrefs::default());
        assert_eq!(
            got,
            vec![
                (0, Cue::Start),
                (360, Cue::TurnBackHalfway),
                (720, Cue::PlanMinutesReached)
            ]
        );
    }

    #[test]
    fn the_plan_counts_what_was_walked_earlier_today_and_never_asks_for_more() {
        let mut snap = walking(0.0, 0);
        snap.route = None;
        snap.plan = Some(PlanToday {
            minutes: 12,
            earlier_today_s: 10.0 * 60.0,
        });
        let snaps = each_second(snap, 300);
        assert_eq!(
            run(&snaps, &CuePrefs::default()),
            vec![(0, Cue::Start), (120, Cue::PlanMinutesReached)]
        );
        // Plan already met before this walk: no plan cue at all.
        snap.plan = Some(PlanToday {
            minutes: 12,
            earlier_today_s: 13.0 * 60.0,
        });
        let snaps = each_second(snap, 3000);
        assert_eq!(run(&snaps, &CuePrefs::default()), vec![(0, Cue::Start)]);
    }

    #[test]
    fn nothing_while_hidden_and_counting_again_on_return() {
        let mut log = CueLog::new();
        let prefs = CuePrefs::default();
        assert_eq!(log.due(&walking(0.0, 0), &prefs), vec![Cue::Start]);
        // Hidden: even a loop completed (say, steps arriving late) waits.
        let mut hidden = walking(700.0, 1000);
        hidden.counting = Counting::Hidden;
        assert!(log.due(&hidden, &prefs).is_empty());
        assert!(log.due(&hidden, &prefs).is_empty());
        // Back: counting again first, then what came due (only the later
        // of halfway and done), and never again after.
        let back = walking(700.0, 1000);
        assert_eq!(
            log.due(&back, &prefs),
            vec![Cue::CountingAgain, Cue::LoopDone]
        );
        assert!(log.due(&back, &prefs).is_empty());
        assert!(log.has(Cue::LoopHalfway));
    }

    #[test]
    fn no_readings_says_paused_once_then_again_when_readings_return() {
        let mut log = CueLog::new();
        let prefs = CuePrefs::default();
        log.due(&walking(0.0, 0), &prefs);
        let mut stalled = walking(30.0, 50);
        stalled.counting = Counting::NoReadings;
        assert_eq!(log.due(&stalled, &prefs), vec![Cue::CountingPaused]);
        for _ in 0..10 {
            assert!(log.due(&stalled, &prefs).is_empty());
        }
        // Hidden in the middle of it: still one interruption.
        let mut hidden = stalled;
        hidden.counting = Counting::Hidden;
        assert!(log.due(&hidden, &prefs).is_empty());
        assert!(log.due(&stalled, &prefs).is_empty());
        assert_eq!(
            log.due(&walking(45.0, 60), &prefs),
            vec![Cue::CountingAgain]
        );
        assert!(log.due(&walking(46.0, 61), &prefs).is_empty());
        // A second stall is a new event.
        assert_eq!(log.due(&stalled, &prefs), vec![Cue::CountingPaused]);
    }

    #[test]
    fn nothing_while_the_walker_has_paused_and_no_counting_again_after_it() {
        let mut log = CueLog::new();
        let prefs = CuePrefs::default();
        log.due(&walking(0.0, 0), &prefs);
        let mut paused = walking(100.0, 1200);
        paused.walking = false;
        paused.counting = Counting::Hidden;
        assert!(log.due(&paused, &prefs).is_empty());
        paused.counting = Counting::Counting;
        assert!(log.due(&paused, &prefs).is_empty());
        // Resumed: what came due is said now, but no "counting again".
        assert_eq!(log.due(&walking(100.0, 1200), &prefs), vec![Cue::LoopDone]);
    }

    #[test]
    fn rests_bring_no_cue() {
        // 2 minutes walking, then a 5-minute rest (active time runs on, no
        // steps), on a long loop with no plan: nothing after Start.
        let mut log = CueLog::new();
        let prefs = CuePrefs::default();
        let mut got = Vec::new();
        for s in 0..=420u32 {
            let mut snap = walking(f64::from(s), s.min(120) * 100 / 60);
            snap.plan = None;
            snap.route = Some(Route {
                length_steps: 5000.0,
                kind: LoopKind::Loop,
            });
            got.extend(log.due(&snap, &prefs));
        }
        assert_eq!(got, vec![Cue::Start]);
    }

    #[test]
    fn switched_off_cues_are_never_said_and_do_not_come_back_late() {
        let snaps: Vec<Snapshot> = (0..=900).map(at_100_a_minute).collect();
        let all_off = CuePrefs {
            on: false,
            ..CuePrefs::default()
        };
        assert!(run(&snaps, &all_off).is_empty());
        let no_loop_done = CuePrefs {
            loop_done: false,
            ..CuePrefs::default()
        };
        let got: Vec<Cue> = run(&snaps, &no_loop_done)
            .into_iter()
            .map(|x| x.1)
            .collect();
        assert_eq!(
            got,
            vec![Cue::Start, Cue::LoopHalfway, Cue::PlanMinutesReached]
        );
        // Switched back on after the loop was done: not said late.
        let mut log = CueLog::new();
        for s in &snaps[..700] {
            log.due(s, &no_loop_done);
        }
        let got: Vec<Cue> = snaps[700..]
            .iter()
            .flat_map(|s| log.due(s, &CuePrefs::default()))
            .collect();
        assert_eq!(got, vec![Cue::PlanMinutesReached]);
    }

    #[test]
    fn a_walk_picked_up_again_repeats_nothing() {
        let snap = walking(400.0, 700);
        let mut log = CueLog::caught_up(&snap);
        assert!(log.due(&snap, &CuePrefs::default()).is_empty());
        assert_eq!(
            log.due(&walking(600.0, 1000), &CuePrefs::default()),
            vec![Cue::LoopDone]
        );
    }

    #[test]
    fn a_manual_walk_gets_time_cues_but_no_loop_cues() {
        let snaps: Vec<Snapshot> = (0..=800)
            .map(|s| Snapshot {
                steps: None,
                ..walking(s as f64, 0)
            })
            .collect();
        let got: Vec<Cue> = run(&snaps, &CuePrefs::default())
            .into_iter()
            .map(|x| x.1)
            .collect();
        assert_eq!(got, vec![Cue::Start, Cue::PlanMinutesReached]);
    }

    #[test]
    fn the_words_table_has_every_cue_distinct_patterns_and_never_pushes_pace() {
        for cue in Cue::ALL {
            assert_eq!(ENGLISH.line(cue).cue, cue);
        }
        let mut patterns: Vec<&[u32]> = ENGLISH.lines.iter().map(|l| l.haptic).collect();
        patterns.sort();
        patterns.dedup();
        assert_eq!(patterns.len(), 7, "every cue feels different");
        for l in ENGLISH.lines {
            let says = l.says.to_lowercase();
            for pushy in [
                "faster",
                "speed",
                "push",
                "more",
                "keep going",
                "hurry",
                "pace",
                "don't stop",
            ] {
                assert!(!says.contains(pushy), "{:?} says {pushy:?}", l.cue);
            }
            // Short enough to take in at a glance, and a vibration under 2 s.
            assert!(l.says.len() <= 80);
            assert!(l.haptic.iter().sum::<u32>() <= 2000);
        }
        assert_eq!(
            ENGLISH.says(Cue::PlanMinutesReached, 12),
            "That's today's 12 minutes. You can head home whenever you like."
        );
        assert_eq!(
            ENGLISH.says(Cue::PlanMinutesReached, 1),
            "That's today's 1 minute. You can head home whenever you like."
        );
        assert_eq!(
            ENGLISH.says(Cue::Start, 12),
            "Walk started. Have a good loop."
        );
    }

    #[test]
    fn prefs_load_from_older_and_newer_settings() {
        let p: CuePrefs = serde_json::from_str("{}").unwrap();
        assert_eq!(p, CuePrefs::default());
        let p: CuePrefs =
            serde_json::from_str(r#"{"loop_done":false,"a_future_cue":false}"#).unwrap();
        assert!(!p.allows(Cue::LoopDone) && p.allows(Cue::LoopHalfway));
        let mut p = CuePrefs::default();
        *p.switch(Cue::CountingAgain) = false;
        assert!(!p.allows(Cue::CountingPaused));
    }
}
