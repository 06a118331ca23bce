//! Walk cues while the phone is in a pocket: once a second, sum up the walk
//! in a [`Snapshot`], ask the cue schedule ([`crate::domain::cues`]) what is
//! due, and speak it, buzz it and show it in a small "last cue" line (also
//! visible over pocket mode, for a walker without speech or vibration).
//!
//! All the wiring is in this file; [`snapshot`] is the one place that reads
//! the walk recorder.

use std::time::Duration;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::domain::cues::{Counting, Cue, CueLog, CuePrefs, PlanToday, Route, Snapshot, ENGLISH};
use crate::domain::history::Totals;
use crate::domain::loops::length_in_steps;
use crate::domain::record::{StepSource, WalkId};
use crate::domain::recorder::Stage;
use crate::domain::text::clock;
use crate::domain::walk::Phase;
use crate::platform::{haptics, speech, visibility};
use crate::ui::care::{plan_for, today};
use crate::ui::route::Tab;
use crate::ui::state::{app_state, AppState};
use crate::ui::walk::controller::{walk_ctl, WalkCtl};

/// A walk found already under way with more active time than this (s) is
/// caught up silently (the page was reloaded, a closed tab's walk continued).
const FRESH_WALK_S: f64 = 5.0;
/// Pause between two patterns buzzed together, milliseconds.
const BETWEEN_PATTERNS_MS: u32 = 600;

/// What the cue runner remembers about the walk it follows.
struct Follow {
    walk: WalkId,
    log: CueLog,
    plan: Option<PlanToday>,
    hidden: bool,
}

/// The walk's state now, as the cue schedule sees it (all but today's
/// plan, which is fixed when the walk starts). `None` when no walk is being
/// recorded.
fn snapshot(ctl: &WalkCtl, app: &AppState) -> Option<(WalkId, Snapshot)> {
    if ctl.stage.get_untracked() != Stage::Recording {
        return None;
    }
    let (id, since) =
        ctl.with_recorder(|r| Some((r.walk_id()?.clone(), r.since_last_reading_s())))?;
    let (phase, source, active_s, steps) = ctl
        .session
        .with_untracked(|s| (s.phase, s.source, s.active_s(), s.steps().0));
    let hidden = visibility::is_hidden();
    let sensor = source == StepSource::Sensor;
    let route = ctl
        .extras
        .with_untracked(|e| e.loop_id.clone())
        .and_then(|lid| {
            app.store.with_untracked(|st| {
                let lp = st.find_loop(&lid)?;
                Some(Route {
                    length_steps: length_in_steps(lp.length, st.settings.step_length_m()),
                    kind: lp.kind,
                })
            })
        });
    Some((
        id,
        Snapshot {
            walking: phase == Phase::Walking,
            active_s,
            steps: sensor.then_some(steps),
            route,
            plan: None,
            counting: Counting::from_readings(hidden, since),
        },
    ))
}

/// Today's plan when a walk starts: the planned minutes of a walk today and
/// what was already walked today.
fn plan_today(app: &AppState) -> Option<PlanToday> {
    app.store.with_untracked(|st| {
        let day = today();
        let minutes = plan_for(st, day).current.per_walk_min;
        let earlier = Totals::of(st.walks.iter().filter(|w| w.local_date() == day)).active_s;
        (minutes > 0).then_some(PlanToday {
            minutes,
            earlier_today_s: earlier,
        })
    })
}

/// Speak, buzz and show the cues due now.
fn give(cues: &[Cue], plan_min: u32, prefs: &CuePrefs, at_s: f64, last: RwSignal<Option<LastCue>>) {
    let mut pattern: Vec<u32> = Vec::new();
    for &cue in cues {
        let line = ENGLISH.line(cue);
        let text = ENGLISH.says(cue, plan_min);
        if prefs.speech {
            speech::speak(&text, ENGLISH.lang);
        }
        if !pattern.is_empty() {
            pattern.push(BETWEEN_PATTERNS_MS);
        }
        pattern.extend_from_slice(line.haptic);
        last.set(Some(LastCue { cue, text, at_s }));
    }
    if prefs.vibration && !pattern.is_empty() {
        haptics::vibrate(&pattern);
    }
}

/// The most recent cue, for the walker who looks.
#[derive(Debug, Clone, PartialEq)]
struct LastCue {
    cue: Cue,
    text: String,
    /// Active time of the walk when it was given, seconds.
    at_s: f64,
}

/// Gives the walk cues while a walk is recorded, whichever screen is
/// shown (mounted once, in the app shell), and shows the last one on the
/// Walk screen.
#[component]
pub fn WalkCues() -> impl IntoView {
    let ctl = walk_ctl();
    let app = app_state();
    let last = RwSignal::new(None::<LastCue>);
    let follow: StoredValue<Option<Follow>, LocalStorage> = StoredValue::new_local(None);
    let tick = move || {
        if ctl.stage.get_untracked() != Stage::Recording {
            follow.set_value(None);
            if last.with_untracked(Option::is_some) {
                last.set(None);
            }
            return;
        }
        follow.update_value(|f| {
            let Some((id, mut snap)) = snapshot(&ctl, &app) else {
                return;
            };
            let follow = match f {
                Some(follow) if follow.walk == id => follow,
                _ => {
                    // A walk seen for the first time: today's plan as it
                    // stands at its start; a fresh log, or one caught up.
                    snap.plan = plan_today(&app);
                    let log = if snap.active_s < FRESH_WALK_S {
                        CueLog::new()
                    } else {
                        CueLog::caught_up(&snap)
                    };
                    f.insert(Follow {
                        walk: id,
                        log,
                        plan: snap.plan,
                        hidden: false,
                    })
                }
            };
            snap.plan = follow.plan;
            let hidden = snap.counting == Counting::Hidden;
            if hidden && !follow.hidden {
                // Anything still queued would be said late.
                speech::cancel();
            }
            follow.hidden = hidden;
            let prefs = app.store.with_untracked(|s| s.settings.cues.clone());
            let due = follow.log.due(&snap, &prefs);
            if !due.is_empty() {
                let plan_min = follow.plan.map_or(0, |p| p.minutes);
                give(&due, plan_min, &prefs, snap.active_s, last);
            }
        });
    };
    // The Start tap unlocks speech for the cues to come (iOS needs it).
    let start_tap = window_event_listener(leptos::ev::click, move |e| {
        let on_start = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest("[data-action=start]").ok().flatten())
            .is_some();
        let wanted = app
            .store
            .with_untracked(|s| s.settings.cues.on && s.settings.cues.speech);
        if on_start && wanted {
            speech::unlock();
        }
    });
    on_cleanup(move || start_tap.remove());
    match set_interval_with_handle(tick, Duration::from_secs(1)) {
        Ok(h) => on_cleanup(move || h.clear()),
        Err(_) => last.set(None),
    }
    view! {
        <Show when=move || last.with(|l| l.is_some()) && ctl.stage.get() == Stage::Recording && app.tab.get() == Tab::Walk>
            <p class="walk-last-cue small" class:over-pocket=move || ctl.pocket.get()
                data-last-cue=move || last.with(|l| l.as_ref().map(|l| l.cue.key()).unwrap_or_default())>
                {move || last.with(|l| l.as_ref().map(|l| format!("Last cue, at {}: {}", clock(l.at_s), l.text)).unwrap_or_default())}
            </p>
        </Show>
    }
}
