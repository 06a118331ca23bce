//! Speech synthesis (`speechSynthesis`): the phone's own voices, offline.
//! Volume is not set, so it follows the phone's. Nothing is spoken while
//! the page is hidden: the browser would queue it and say it late.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::platform::visibility;

#[wasm_bindgen]
extern "C" {
    /// `window.speechSynthesis`.
    type SpeechSynthesis;
    #[wasm_bindgen(method, js_name = getVoices)]
    fn get_voices(this: &SpeechSynthesis) -> js_sys::Array;
    #[wasm_bindgen(method, catch)]
    fn speak(this: &SpeechSynthesis, utterance: &Utterance) -> Result<(), JsValue>;
    #[wasm_bindgen(method)]
    fn cancel(this: &SpeechSynthesis);

    /// `SpeechSynthesisUtterance`.
    #[wasm_bindgen(js_name = SpeechSynthesisUtterance)]
    type Utterance;
    #[wasm_bindgen(constructor, js_class = "SpeechSynthesisUtterance", catch)]
    fn new(text: &str) -> Result<Utterance, JsValue>;
    #[wasm_bindgen(method, setter)]
    fn set_lang(this: &Utterance, lang: &str);
}

fn synth() -> Option<SpeechSynthesis> {
    let w = web_sys::window()?;
    let s = js_sys::Reflect::get(&w, &JsValue::from_str("speechSynthesis")).ok()?;
    let has_utterance =
        js_sys::Reflect::has(&w, &JsValue::from_str("SpeechSynthesisUtterance")).unwrap_or(false);
    (s.is_object() && has_utterance).then(|| s.unchecked_into())
}

/// Whether this browser can speak at all.
pub fn is_supported() -> bool {
    synth().is_some()
}

/// Whether the browser lists any voice now. (Some load their list a moment
/// after the page opens; an empty list may fill in later.)
pub fn has_voices() -> bool {
    synth().is_some_and(|s| s.get_voices().length() > 0)
}

/// Say `text` in language `lang` (BCP 47). Returns whether it was handed
/// to the browser (not when unsupported or the page is hidden).
pub fn speak(text: &str, lang: &str) -> bool {
    if visibility::is_hidden() {
        return false;
    }
    let Some(s) = synth() else {
        return false;
    };
    let Ok(u) = Utterance::new(text) else {
        return false;
    };
    u.set_lang(lang);
    s.speak(&u).is_ok()
}

/// Call inside a tap: iOS Safari speaks only after a first utterance that
/// was started by the walker's own gesture, so an empty one unlocks the
/// cues that come later from a timer. Harmless elsewhere.
pub fn unlock() {
    if let (Some(s), Ok(u)) = (synth(), Utterance::new("")) {
        let _ = s.speak(&u);
    }
}

/// Drop anything queued or being said.
pub fn cancel() {
    if let Some(s) = synth() {
        s.cancel();
    }
}
