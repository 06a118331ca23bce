//! Page visibility adapter: `visibilitychange` on the document and
//! `pagehide` on the window (the last moment to save when a tab closes).

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use crate::domain::recorder::Input;

/// What happened to the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageEvent {
    Hidden,
    Visible,
    /// The page is being unloaded or put in the back/forward cache.
    PageHide,
}

impl PageEvent {
    /// The walk recorder's input for this event at `now` (monotonic clock).
    pub fn input(self, now: f64) -> Input {
        match self {
            Self::Hidden => Input::PageHidden { now },
            Self::Visible => Input::PageVisible { now },
            Self::PageHide => Input::PageHide,
        }
    }
}

/// Whether the page is hidden now.
pub fn is_hidden() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .is_some_and(|d| d.hidden())
}

/// Listeners for visibility and page hide; removed when dropped.
pub struct VisibilityListener {
    doc: Option<(web_sys::Document, Closure<dyn FnMut()>)>,
    win: Option<(web_sys::Window, Closure<dyn FnMut()>)>,
}

impl Drop for VisibilityListener {
    fn drop(&mut self) {
        if let Some((d, c)) = self.doc.take() {
            let _ = d.remove_event_listener_with_callback(
                "visibilitychange",
                c.as_ref().unchecked_ref(),
            );
        }
        if let Some((w, c)) = self.win.take() {
            let _ = w.remove_event_listener_with_callback("pagehide", c.as_ref().unchecked_ref());
        }
    }
}

/// Call `cb` on every visibility change and on `pagehide`.
pub fn on_page_event(cb: impl Fn(PageEvent) + 'static) -> VisibilityListener {
    let cb = std::rc::Rc::new(cb);
    let Some(window) = web_sys::window() else {
        return VisibilityListener {
            doc: None,
            win: None,
        };
    };
    let doc = window.document().and_then(|d| {
        let cb = cb.clone();
        let c = Closure::<dyn FnMut()>::new(move || {
            cb(if is_hidden() {
                PageEvent::Hidden
            } else {
                PageEvent::Visible
            })
        });
        d.add_event_listener_with_callback("visibilitychange", c.as_ref().unchecked_ref())
            .ok()
            .map(|()| (d, c))
    });
    let c = Closure::<dyn FnMut()>::new(move || cb(PageEvent::PageHide));
    let win = window
        .add_event_listener_with_callback("pagehide", c.as_ref().unchecked_ref())
        .ok()
        .map(|()| (window, c));
    VisibilityListener { doc, win }
}
