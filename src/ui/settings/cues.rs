//! Settings section: Walk cues (spoken and haptic), with "feel them" and
//! "hear them", and a plain word where the phone can do neither.

use std::time::Duration;

use leptos::prelude::*;

use crate::domain::cues::{Cue, CuePrefs, ENGLISH};
use crate::platform::{haptics, speech};
use crate::ui::fields::SettingSwitch;
use crate::ui::state::app_state;

/// Pause after each pattern when playing them all, milliseconds.
const FEEL_GAP_MS: u32 = 900;

/// What this browser can do for cues, in words; `None` when both work.
fn support_words(speaks: bool, voices: bool, vibrates: bool) -> Option<&'static str> {
    match (speaks && voices, vibrates) {
        (true, true) => None,
        (false, false) if !speaks => Some(
            "This browser can neither speak nor vibrate, so cues can't reach you in a pocket. The Walk screen shows the last cue when you look.",
        ),
        (false, false) => Some(
            "This browser has no voice to speak with and cannot vibrate. The Walk screen shows the last cue when you look.",
        ),
        (true, false) => Some(
            "This browser cannot vibrate (iPhones never let web apps vibrate), so cues are spoken and shown on the Walk screen.",
        ),
        (false, true) if !speaks => Some(
            "This browser cannot speak, so cues are felt as vibrations and shown on the Walk screen.",
        ),
        (false, true) => Some(
            "This browser has no voice to speak with yet, so cues are felt as vibrations and shown on the Walk screen.",
        ),
    }
}

/// The cue switches, one per setting (the "counting paused / again" pair
/// shares one).
fn switch_cues() -> Vec<Cue> {
    Cue::ALL
        .into_iter()
        .filter(|c| *c != Cue::CountingAgain)
        .collect()
}

/// Turn cues on and off, and try them.
#[component]
pub fn CueSettings() -> impl IntoView {
    let state = app_state();
    let prefs = Memo::new(move |_| state.store.with(|s| s.settings.cues.clone()));
    let set = move |f: Box<dyn Fn(&mut CuePrefs)>| {
        state.update_store(|s| f(&mut s.settings.cues));
    };
    let speaks = speech::is_supported();
    let vibrates = haptics::is_supported();
    // Some browsers fill their voice list a moment after the page opens.
    let voices = RwSignal::new(speech::has_voices());
    if speaks && !voices.get_untracked() {
        if let Ok(h) = set_timeout_with_handle(
            move || voices.set(speech::has_voices()),
            Duration::from_millis(1500),
        ) {
            on_cleanup(move || h.clear());
        }
    }
    let support = move || support_words(speaks, voices.get(), vibrates);
    let feeling = RwSignal::new(None::<String>);
    let feel = move |_| {
        let mut at = 0u32;
        for line in ENGLISH.lines {
            let (pattern, words) = (line.haptic, format!("{}: {}", line.label, line.feels));
            set_timeout(
                move || {
                    // The section may be gone by now (another screen).
                    if feeling.try_set(Some(words)).is_none() {
                        haptics::vibrate(pattern);
                    }
                },
                Duration::from_millis(u64::from(at)),
            );
            at += pattern.iter().sum::<u32>() + FEEL_GAP_MS;
        }
        set_timeout(
            move || feeling.set(None),
            Duration::from_millis(u64::from(at)),
        );
    };
    let hear = move |_| {
        speech::cancel();
        for cue in Cue::ALL {
            speech::speak(&ENGLISH.says(cue, 12), ENGLISH.lang);
        }
    };
    let all_on = Signal::derive(move || prefs.with(|p| p.on));
    view! {
        <section class="card cue-settings" aria-labelledby="settings-cues">
            <h2 id="settings-cues">"Walk cues"</h2>
            <p class="small muted">
                "With the phone in a pocket, Loopwalk can tell you when your loop is done and when today's minutes are walked, by voice and by vibration. Cues never ask you to go faster or further, and say nothing while you rest."
            </p>
            {move || support().map(|w| view! { <p class="small cue-support" data-cue-support>{w}</p> })}
            <SettingSwitch label="Walk cues" key="cues" checked=all_on
                on_toggle=move |on| set(Box::new(move |p| p.on = on))/>
            <Show when=move || all_on.get()>
                <SettingSwitch label="Speak them" key="cues-speech"
                    checked=Signal::derive(move || prefs.with(|p| p.speech))
                    on_toggle=move |on| set(Box::new(move |p| p.speech = on))/>
                <SettingSwitch label="Vibrate" key="cues-vibration"
                    checked=Signal::derive(move || prefs.with(|p| p.vibration))
                    on_toggle=move |on| set(Box::new(move |p| p.vibration = on))/>
                <h3 class="care-sub">"Which cues"</h3>
                {switch_cues().into_iter().map(|cue| {
                    let line = ENGLISH.line(cue);
                    view! {
                        <SettingSwitch label=line.label key=cue.key()
                            checked=Signal::derive(move || prefs.with(|p| p.is_on(cue)))
                            on_toggle=move |on| set(Box::new(move |p| *p.switch(cue) = on))/>
                    }
                }).collect_view()}
            </Show>
            <div class="actions">
                <button class="btn" type="button" data-action="feel-cues" disabled=!vibrates on:click=feel>"Feel them"</button>
                <button class="btn" type="button" data-action="hear-cues" disabled=!speaks on:click=hear>"Hear them"</button>
            </div>
            <p class="small muted" aria-live="polite" data-feeling>{move || feeling.get()}</p>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn support_is_said_plainly_for_every_combination() {
        assert_eq!(support_words(true, true, true), None);
        assert!(support_words(true, true, false)
            .unwrap()
            .contains("iPhones"));
        assert!(support_words(false, false, false)
            .unwrap()
            .contains("neither"));
        assert!(support_words(true, false, false)
            .unwrap()
            .contains("no voice"));
        assert!(support_words(true, false, true)
            .unwrap()
            .contains("vibrations"));
        assert!(support_words(false, false, true)
            .unwrap()
            .contains("cannot speak"));
        assert_eq!(switch_cues().len(), 6);
    }
}
