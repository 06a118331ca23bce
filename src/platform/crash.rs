//! When the app itself fails (a panic; the release build then stops), say
//! so on the page and point to the recovery page (`recover/index.html`),
//! which exports the raw stored data without the app.

use std::sync::Once;

/// Where the recovery page is, relative to the app.
pub const RECOVER_URL: &str = "recover/index.html";

/// Log panics to the console (as before) and show a notice on the page.
pub fn report_panics() {
    static SET: Once = Once::new();
    SET.call_once(|| {
        std::panic::set_hook(Box::new(|info| {
            console_error_panic_hook::hook(info);
            show_notice();
        }));
    });
}

/// Put a plain notice at the top of the page (no framework: the app may be
/// in any state). Does nothing if it cannot.
fn show_notice() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if doc.get_element_by_id("crash-notice").is_some() {
        return;
    }
    let (Some(body), Ok(div), Ok(p), Ok(a)) = (
        doc.body(),
        doc.create_element("div"),
        doc.create_element("p"),
        doc.create_element("a"),
    ) else {
        return;
    };
    div.set_id("crash-notice");
    let _ = div.set_attribute("class", "card notice");
    let _ = div.set_attribute("role", "alert");
    p.set_text_content(Some(
        "Loopwalk stopped because of an error. Your saved walks are still stored in this browser. Reload the page to try again; if it keeps happening, ",
    ));
    let _ = a.set_attribute("href", RECOVER_URL);
    a.set_text_content(Some("save a copy of your data"));
    let _ = p.append_child(&a);
    let _ = div.append_child(&p);
    let _ = body.prepend_with_node_1(&div);
}
