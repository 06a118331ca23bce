//! The walk cue schedule over whole replayed walks: a real recording
//! (tests/data/stepdata) goes through the step detector and the walk
//! reducer as on the phone, and once a second a snapshot asks the cue
//! schedule what is due. Which cue, when, and never twice.
// Native only: reads files and uses native-only dev-dependencies.
#![cfg(not(target_arch = "wasm32"))]

use std::io::Read;
use std::path::Path;

use loopwalk::domain::cues::{
    Counting, Cue, CueLog, CuePrefs, PlanToday, Route, Snapshot, ENGLISH,
};
use loopwalk::domain::record::{LoopKind, StepSource};
use loopwalk::domain::steps::{trace, StepDetector};
use loopwalk::domain::walk::{Action, Phase, WalkSession};

const RECORDING: &str = "tests/data/stepdata/oxford/validation/user2_hand_1506421987098.csv.gz";
/// Wall-clock start of the replayed walk (any epoch second).
const T0: f64 = 1_800_000_000.0;

fn samples() -> Vec<trace::Sample> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(RECORDING);
    let bytes = std::fs::read(&path).unwrap();
    let mut text = String::new();
    flate2::read::GzDecoder::new(&bytes[..])
        .read_to_string(&mut text)
        .unwrap();
    trace::parse_trace(&text).unwrap()
}

/// What happens to the phone during the replay.
#[derive(Default, Clone)]
struct Script {
    /// The page is hidden from..to (s of the recording): no samples
    /// delivered, a gap recorded on return.
    hidden: Option<(f64, f64)>,
    /// Readings stop arriving from..to while the page is on show.
    stalled: Option<(f64, f64)>,
}

struct Heard {
    /// (second of the walk, cue)
    cues: Vec<(u32, Cue)>,
    /// Step count at each whole second.
    steps_at: Vec<u32>,
    /// Active seconds at each whole second.
    active_at: Vec<f64>,
}

/// Replays the recording as the page would, with a snapshot every second.
fn replay(
    route: Option<Route>,
    plan: Option<PlanToday>,
    prefs: &CuePrefs,
    script: &Script,
) -> Heard {
    let samples = samples();
    let mut detector = StepDetector::new();
    let mut session = WalkSession::new(StepSource::Sensor);
    session.apply(Action::Start { at: T0 });
    let mut log = CueLog::new();
    let mut heard = Heard {
        cues: vec![],
        steps_at: vec![],
        active_at: vec![],
    };
    let inside = |span: Option<(f64, f64)>, t: f64| span.is_some_and(|(a, b)| t >= a && t < b);
    let mut last_reading = 0.0;
    let mut next_tick = 0.0;
    let mut i = 0;
    let end = samples.last().unwrap().0;
    let mut was_hidden = false;
    // When the page last saw readings arrive (or was hidden: on return the
    // wait for readings starts afresh, as in the page's snapshot builder).
    let mut seen_at = 0.0;
    while next_tick <= end {
        // Deliver every sample up to this second.
        while i < samples.len() && samples[i].0 <= next_tick {
            let (t, x, y, z) = samples[i];
            i += 1;
            if inside(script.hidden, t) || inside(script.stalled, t) {
                continue;
            }
            if t - last_reading > 3.0 {
                detector.reset_signal();
                session.apply(Action::Gap {
                    from: T0 + last_reading,
                    to: T0 + t,
                });
            }
            last_reading = t;
            seen_at = t;
            detector.push(t, x, y, z, |st| {
                session.apply(Action::Step { t: T0 + st });
            });
        }
        let hidden = inside(script.hidden, next_tick);
        if was_hidden && !hidden {
            // Back on show: the hidden stretch is a gap.
            let (from, to) = script.hidden.unwrap();
            session.apply(Action::Gap {
                from: T0 + from,
                to: T0 + to,
            });
        }
        was_hidden = hidden;
        if hidden {
            seen_at = next_tick;
        }
        session.apply(Action::Tick {
            now: T0 + next_tick,
        });
        // The snapshot, as the page builds it.
        let snap = Snapshot {
            walking: session.phase == Phase::Walking,
            active_s: session.active_s(),
            steps: Some(session.steps().0),
            route,
            plan,
            counting: Counting::from_readings(hidden, Some(next_tick - seen_at)),
        };
        let second = next_tick as u32;
        heard
            .cues
            .extend(log.due(&snap, prefs).into_iter().map(|c| (second, c)));
        heard.steps_at.push(session.steps().0);
        heard.active_at.push(session.active_s());
        next_tick += 1.0;
    }
    heard
}

fn a_loop(steps: f64) -> Option<Route> {
    Some(Route {
        length_steps: steps,
        kind: LoopKind::Loop,
    })
}

fn plan(minutes: u32) -> Option<PlanToday> {
    Some(PlanToday {
        minutes,
        earlier_today_s: 0.0,
    })
}

/// The first whole second at which `f` holds.
fn first(values: &[u32], f: impl Fn(u32) -> bool) -> u32 {
    values.iter().position(|v| f(*v)).unwrap() as u32
}

fn once_each(cues: &[(u32, Cue)]) {
    for (_, c) in cues {
        if !matches!(c, Cue::CountingPaused | Cue::CountingAgain) {
            assert_eq!(cues.iter().filter(|(_, x)| x == c).count(), 1, "{c:?} once");
        }
    }
}

#[test]
fn a_replayed_loop_walk_hears_start_halfway_done_and_plan_at_their_moments() {
    let h = replay(
        a_loop(200.0),
        plan(2),
        &CuePrefs::default(),
        &Script::default(),
    );
    let half = first(&h.steps_at, |s| s >= 100);
    let done = first(&h.steps_at, |s| s >= 200);
    assert!(
        half > 20 && done > half,
        "the recording walks: {half} s, {done} s"
    );
    assert_eq!(
        h.cues,
        vec![
            (0, Cue::Start),
            (half, Cue::LoopHalfway),
            (done, Cue::LoopDone),
            (120, Cue::PlanMinutesReached),
        ],
        "steps at the end {}",
        h.steps_at.last().unwrap()
    );
    once_each(&h.cues);
    // The plan cue, in words.
    assert_eq!(
        ENGLISH.says(Cue::PlanMinutesReached, 2),
        "That's today's 2 minutes. You can head home whenever you like."
    );
}

#[test]
fn a_hidden_page_is_silent_then_counting_again_and_the_gap_delays_the_plan() {
    let script = Script {
        hidden: Some((40.0, 70.0)),
        ..Script::default()
    };
    let h = replay(a_loop(300.0), plan(2), &CuePrefs::default(), &script);
    assert!(
        !h.cues.iter().any(|(s, _)| (40..70).contains(s)),
        "nothing while hidden: {:?}",
        h.cues
    );
    assert!(h.cues.contains(&(70, Cue::CountingAgain)), "{:?}", h.cues);
    assert!(!h.cues.iter().any(|(_, c)| *c == Cue::CountingPaused));
    // The 30 s gap is not active time: the 2 minutes come 30 s later.
    let plan_at = h
        .cues
        .iter()
        .find(|(_, c)| *c == Cue::PlanMinutesReached)
        .unwrap()
        .0;
    assert!((149..=151).contains(&plan_at), "plan at {plan_at}");
    assert!(h.active_at[plan_at as usize] >= 120.0);
    once_each(&h.cues);
}

#[test]
fn readings_that_stop_arriving_say_counting_paused_then_again() {
    let script = Script {
        stalled: Some((50.0, 65.0)),
        ..Script::default()
    };
    let h = replay(None, None, &CuePrefs::default(), &script);
    let counting: Vec<(u32, Cue)> = h
        .cues
        .iter()
        .copied()
        .filter(|(_, c)| matches!(c, Cue::CountingPaused | Cue::CountingAgain))
        .collect();
    assert_eq!(
        counting,
        vec![(53, Cue::CountingPaused), (66, Cue::CountingAgain)]
    );
}

#[test]
fn out_and_back_hears_turn_back_at_half_the_plan() {
    let route = Some(Route {
        length_steps: 1000.0,
        kind: LoopKind::OutAndBack,
    });
    let h = replay(route, plan(3), &CuePrefs::default(), &Script::default());
    assert_eq!(
        h.cues,
        vec![
            (0, Cue::Start),
            (90, Cue::TurnBackHalfway),
            (180, Cue::PlanMinutesReached)
        ]
    );
}

#[test]
fn with_cues_switched_off_a_whole_walk_is_silent() {
    let prefs = CuePrefs {
        on: false,
        ..CuePrefs::default()
    };
    let script = Script {
        hidden: Some((40.0, 70.0)),
        stalled: Some((100.0, 110.0)),
    };
    let h = replay(a_loop(150.0), plan(2), &prefs, &script);
    assert!(h.cues.is_empty(), "{:?}", h.cues);
}
