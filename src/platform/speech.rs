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

#[cfg(all(test, target_arch = "wasm32"))]
mod tests {
    use super::*;
    use wasm_bindgen_test::*;

    wasm_bindgen_test_configure!(run_in_browser);

    /// Replaces `speechSynthesis.speak` with a recorder; returns the list.
    fn record_speech() -> js_sys::Array {
        let said = js_sys::Array::new();
        let w = web_sys::window().unwrap();
        let synth = js_sys::Reflect::get(&w, &"speechSynthesis".into()).unwrap();
        let recorder = js_sys::Function::new_with_args("u", "this.__said.push([u.text, u.lang])");
        js_sys::Reflect::set(&synth, &"__said".into(), &said).unwrap();
        js_sys::Reflect::set(&synth, &"speak".into(), &recorder).unwrap();
        said
    }

    fn set_hidden(hidden: bool) {
        let doc = web_sys::window().unwrap().document().unwrap();
        let desc = js_sys::Object::new();
        let getter = js_sys::Function::new_no_args(if hidden {
            "return true"
        } else {
            "return false"
        });
        js_sys::Reflect::set(&desc, &"get".into(), &getter).unwrap();
        js_sys::Reflect::set(&desc, &"configurable".into(), &true.into()).unwrap();
        js_sys::Reflect::define_property(&doc, &"hidden".into(), &desc).unwrap();
    }

    #[wasm_bindgen_test]
    fn speaks_in_the_given_language_and_never_while_hidden() {
        assert!(is_supported(), "Chromium has speechSynthesis");
        let said = record_speech();
        set_hidden(false);
        assert!(speak("Whole loop done, well done.", "en-GB"));
        assert_eq!(said.length(), 1);
        let first: js_sys::Array = said.get(0).into();
        assert_eq!(
            first.get(0).as_string().as_deref(),
            Some("Whole loop done, well done.")
        );
        assert_eq!(first.get(1).as_string().as_deref(), Some("en-GB"));
        set_hidden(true);
        assert!(
            !speak("Counting again.", "en-GB"),
            "hidden: not handed over"
        );
        assert_eq!(said.length(), 1);
        set_hidden(false);
        unlock();
        assert_eq!(said.length(), 2, "the unlocking utterance");
    }
}
