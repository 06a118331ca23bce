//! Installing Loopwalk to the home screen: is it running installed, which
//! way of installing this browser offers, and Chromium's deferred install
//! prompt.
//!
//! Chromium fires `beforeinstallprompt` once the page is installable, which
//! can be before the wasm has started, so a tiny inline script in
//! `index.html` keeps the event in `window.__loopwalkInstallPrompt` and
//! announces it with a `loopwalk-installable` event. iPhone and iPad Safari
//! have no prompt at all: the walker installs through Share, then Add to
//! Home Screen.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Where the inline script in `index.html` keeps the deferred prompt.
const PROMPT_KEY: &str = "__loopwalkInstallPrompt";
/// Fired on `window` by the inline script when it has kept a prompt.
pub const INSTALLABLE_EVENT: &str = "loopwalk-installable";

/// The kind of device and browser, as far as installing goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Browser {
    /// iPhone, iPad or iPod touch (every browser there is WebKit; installing
    /// is Share, then Add to Home Screen).
    AppleMobile,
    /// Anything else: Chromium offers a prompt when it can install.
    Other,
}

/// Which guidance to show, from what the browser tells us.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InstallWay {
    /// Running from the home screen already: show none of the guidance.
    Installed,
    /// Chromium has offered an install prompt: an "Install Loopwalk" button.
    Prompt,
    /// iPhone/iPad Safari: the two steps, Share then Add to Home Screen.
    AppleSteps,
    /// No prompt (yet): a general pointer to the browser's menu.
    BrowserMenu,
}

/// Classify a user agent. iPadOS Safari reports itself as a Mac; it is told
/// apart by its touch screen (`navigator.maxTouchPoints` > 1).
pub fn classify(user_agent: &str, max_touch_points: i32) -> Browser {
    let apple_mobile = ["iPhone", "iPad", "iPod"]
        .iter()
        .any(|d| user_agent.contains(d))
        || (user_agent.contains("Macintosh") && max_touch_points > 1);
    if apple_mobile {
        Browser::AppleMobile
    } else {
        Browser::Other
    }
}

/// The guidance for a browser, given whether it runs installed and whether
/// it holds a deferred install prompt.
pub fn install_way(browser: Browser, standalone: bool, has_prompt: bool) -> InstallWay {
    match (standalone, has_prompt, browser) {
        (true, _, _) => InstallWay::Installed,
        (false, true, _) => InstallWay::Prompt,
        (false, false, Browser::AppleMobile) => InstallWay::AppleSteps,
        (false, false, Browser::Other) => InstallWay::BrowserMenu,
    }
}

/// This browser, from its user agent.
pub fn browser() -> Browser {
    let Some(nav) = web_sys::window().map(|w| w.navigator()) else {
        return Browser::Other;
    };
    let ua = nav.user_agent().unwrap_or_default();
    let touch = js_sys::Reflect::get(&nav, &"maxTouchPoints".into())
        .ok()
        .and_then(|v| v.as_f64())
        .unwrap_or(0.0) as i32;
    classify(&ua, touch)
}

/// Whether Loopwalk runs from the home screen: `display-mode: standalone`
/// (every engine) or `navigator.standalone` (iOS Safari).
pub fn is_standalone() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let media = window
        .match_media("(display-mode: standalone)")
        .ok()
        .flatten()
        .is_some_and(|m| m.matches());
    let apple = js_sys::Reflect::get(&window.navigator(), &"standalone".into())
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(false);
    media || apple
}

fn kept_prompt() -> Option<JsValue> {
    let window = web_sys::window()?;
    let prompt = js_sys::Reflect::get(&window, &PROMPT_KEY.into()).ok()?;
    (!prompt.is_undefined() && !prompt.is_null()).then_some(prompt)
}

/// Whether Chromium has offered an install prompt that is still unused.
pub fn has_prompt() -> bool {
    kept_prompt().is_some()
}

/// What the walker answered to the install prompt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PromptOutcome {
    Accepted,
    Dismissed,
    /// No prompt, or the browser refused to show it (the message says why).
    Unavailable(String),
}

/// Show Chromium's install prompt (call it from a tap) and wait for the
/// answer. A prompt can be used once, so it is forgotten either way.
pub async fn show_prompt() -> PromptOutcome {
    let Some(prompt) = kept_prompt() else {
        return PromptOutcome::Unavailable(
            "This browser has not offered to install Loopwalk.".into(),
        );
    };
    if let Some(window) = web_sys::window() {
        let _ = js_sys::Reflect::set(&window, &PROMPT_KEY.into(), &JsValue::UNDEFINED);
    }
    let call = |name: &str| -> Result<JsValue, JsValue> {
        let f: js_sys::Function = js_sys::Reflect::get(&prompt, &name.into())?.dyn_into()?;
        f.call0(&prompt)
    };
    let refused =
        || PromptOutcome::Unavailable("The browser did not show its install prompt.".into());
    let Ok(shown) = call("prompt") else {
        return refused();
    };
    if let Ok(p) = shown.dyn_into::<js_sys::Promise>() {
        if wasm_bindgen_futures::JsFuture::from(p).await.is_err() {
            return refused();
        }
    }
    let choice = match js_sys::Reflect::get(&prompt, &"userChoice".into())
        .ok()
        .and_then(|c| c.dyn_into::<js_sys::Promise>().ok())
    {
        Some(p) => wasm_bindgen_futures::JsFuture::from(p).await.ok(),
        None => None,
    };
    let outcome = choice
        .and_then(|c| js_sys::Reflect::get(&c, &"outcome".into()).ok())
        .and_then(|o| o.as_string());
    match outcome.as_deref() {
        Some("accepted") => PromptOutcome::Accepted,
        Some(_) => PromptOutcome::Dismissed,
        None => refused(),
    }
}

/// Calls `on_change` whenever the install situation may have changed: a
/// prompt was kept, the app was installed (`appinstalled`), or the display
/// mode changed. Listeners live as long as the page.
pub fn watch(on_change: impl Fn(bool) + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let on_change = std::rc::Rc::new(on_change);
    let installable = {
        let f = on_change.clone();
        Closure::<dyn Fn()>::new(move || f(false))
    };
    let installed = {
        let f = on_change.clone();
        Closure::<dyn Fn()>::new(move || f(true))
    };
    let _ = window
        .add_event_listener_with_callback(INSTALLABLE_EVENT, installable.as_ref().unchecked_ref());
    let _ =
        window.add_event_listener_with_callback("appinstalled", installed.as_ref().unchecked_ref());
    if let Ok(Some(mq)) = window.match_media("(display-mode: standalone)") {
        let f = on_change.clone();
        let changed = Closure::<dyn Fn()>::new(move || f(false));
        let _ = mq.add_event_listener_with_callback("change", changed.as_ref().unchecked_ref());
        changed.forget();
    }
    installable.forget();
    installed.forget();
}

#[cfg(test)]
mod tests {
    use super::*;

    const IPHONE: &str = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.5 Mobile/15E148 Safari/604.1";
    const IPAD_AS_MAC: &str = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.5 Safari/605.1.15";
    const ANDROID: &str = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Mobile Safari/537.36";

    #[test]
    fn an_iphone_and_an_ipad_posing_as_a_mac_get_the_apple_steps() {
        assert_eq!(classify(IPHONE, 5), Browser::AppleMobile);
        assert_eq!(classify(IPAD_AS_MAC, 5), Browser::AppleMobile);
        assert_eq!(
            classify(IPAD_AS_MAC, 0),
            Browser::Other,
            "a real Mac has no touch screen"
        );
        assert_eq!(classify(ANDROID, 5), Browser::Other);
    }

    #[test]
    fn running_installed_hides_every_guidance() {
        for browser in [Browser::AppleMobile, Browser::Other] {
            for prompt in [false, true] {
                assert_eq!(install_way(browser, true, prompt), InstallWay::Installed);
            }
        }
    }

    #[test]
    fn a_kept_prompt_wins_else_apple_steps_or_the_browser_menu() {
        assert_eq!(install_way(Browser::Other, false, true), InstallWay::Prompt);
        assert_eq!(
            install_way(Browser::AppleMobile, false, false),
            InstallWay::AppleSteps
        );
        assert_eq!(
            install_way(Browser::Other, false, false),
            InstallWay::BrowserMenu
        );
    }
}
