//! Settings section: "Remind me to walk", a repeating calendar event the
//! walker adds to the phone's calendar in one tap (an `.ics` download).

use chrono::{Local, Utc};
use leptos::prelude::*;

use crate::domain::ics::{reminder_ics, EventContext, ReminderPrefs, FILE_NAME, MIME};
use crate::platform::download::download_text;
use crate::ui::care::{plan_for, today};
use crate::ui::state::app_state;

const DAYS: [(u8, &str, &str); 7] = [
    (1, "Mon", "Monday"),
    (2, "Tue", "Tuesday"),
    (3, "Wed", "Wednesday"),
    (4, "Thu", "Thursday"),
    (5, "Fri", "Friday"),
    (6, "Sat", "Saturday"),
    (7, "Sun", "Sunday"),
];

/// The app's own address (without the screen in the hash), for the link
/// in the calendar event.
fn app_url() -> String {
    web_sys::window()
        .and_then(|w| {
            let l = w.location();
            Some(format!("{}{}", l.origin().ok()?, l.pathname().ok()?))
        })
        .unwrap_or_default()
}

/// Days, time and a note; "Remind me to walk" downloads the event.
#[component]
pub fn ReminderSettings() -> impl IntoView {
    let state = app_state();
    let prefs = Memo::new(move |_| state.store.with(|s| s.settings.reminder.clone()));
    let update = move |f: &dyn Fn(&mut ReminderPrefs)| {
        state.update_store(|s| f(&mut s.settings.reminder));
    };
    let message = RwSignal::new(None::<(bool, String)>);
    let remind = move |_| {
        let p = prefs.get_untracked();
        let length_min = state
            .store
            .with_untracked(|s| plan_for(s, today()).current.per_walk_min);
        let ctx = EventContext {
            now_local: Local::now().naive_local(),
            now_utc: Utc::now(),
            length_min,
            app_url: app_url(),
        };
        let result = reminder_ics(&p, &ctx)
            .map_err(|e| format!("Almost: {e}."))
            .and_then(|text| download_text(FILE_NAME, MIME, &text));
        message.set(Some(match result {
            Ok(()) => (
                true,
                format!("Saved {FILE_NAME}. Open it to add the walk to your calendar, with a reminder at {}.", p.time_text()),
            ),
            Err(e) => (false, e),
        }));
    };
    view! {
        <section class="card reminder-settings" aria-labelledby="settings-reminder">
            <h2 id="settings-reminder">"Remind me to walk"</h2>
            <p class="small muted">
                "Loopwalk can't wake itself up, but your calendar can: this makes a repeating event, with a reminder and a link back here, that you add to your phone's calendar in one tap."
            </p>
            <fieldset class="reminder-days">
                <legend>"Days"</legend>
                {DAYS.into_iter().map(|(n, short, long)| view! {
                    <label class="day-pick" title=long>
                        <input type="checkbox" data-day=n aria-label=long
                            prop:checked=move || prefs.with(|p| p.days.contains(&n))
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                update(&move |p: &mut ReminderPrefs| {
                                    p.days.retain(|d| *d != n);
                                    if on {
                                        p.days.push(n);
                                        crate::domain::sort::sort_by(&mut p.days, u8::cmp);
                                    }
                                });
                            }/>
                        <span aria-hidden="true">{short}</span>
                    </label>
                }).collect_view()}
            </fieldset>
            <label class="field" for="reminder-time">
                "Time"
                <input id="reminder-time" type="time" data-reminder-time
                    prop:value=move || prefs.with(|p| p.time_text())
                    on:change=move |ev| {
                        let text = event_target_value(&ev);
                        update(&move |p: &mut ReminderPrefs| {
                            p.set_time_text(&text);
                        });
                    }/>
            </label>
            <label class="field" for="reminder-note">
                "A short note"
                <input id="reminder-note" type="text" maxlength="120" autocomplete="off" data-reminder-note
                    prop:value=move || prefs.with(|p| p.note.clone())
                    on:change=move |ev| {
                        let text = event_target_value(&ev);
                        update(&move |p: &mut ReminderPrefs| p.note = text.clone());
                    }/>
            </label>
            <button class="btn primary block" type="button" data-action="remind" on:click=remind>"Remind me to walk"</button>
            <p class="small" class:error=move || message.with(|m| m.as_ref().is_some_and(|m| !m.0)) aria-live="polite">
                {move || message.get().map(|m| m.1)}
            </p>
        </section>
    }
}
