//! "When to get help urgently": red-flag symptoms with back pain or
//! sciatica, in plain words (after NHS guidance), and what to do.

use leptos::prelude::*;

/// The urgent-help page (`#/settings/urgent`).
#[component]
pub fn UrgentHelp(
    /// Where the Back link goes.
    #[prop(into, default = "#/settings".to_string())]
    back: String,
) -> impl IntoView {
    let back_label = if back == "#/settings" {
        "Back to settings"
    } else {
        "Back"
    };
    view! {
        <article class="subpage urgent" aria-labelledby="urgent-title">
            <a class="back-link" href=back>{back_label}</a>
            <h2 id="urgent-title">"When to get help urgently"</h2>
            <p>
                "Most back pain and sciatica gets better with time and gentle movement. "
                "A few signs need a doctor quickly. Please don't wait and see if you notice any of these."
            </p>
            <p class="small">
                "The numbers below are for the UK. Elsewhere, call your local emergency number (for example 112 in Europe, 911 in the US and Canada, 000 in Australia) for the first list, and see a doctor the same day for the second."
            </p>

            <section class="card urgent-now" aria-labelledby="urgent-999">
                <h3 id="urgent-999">"Call 999 or go to A&E now if you have back pain or sciatica and:"</h3>
                <ul class="flags">
                    <li>"numbness or tingling around your genitals, your bottom or between your legs"</li>
                    <li>"new trouble peeing, or you can't pee, or you can't feel when you need to"</li>
                    <li>"new loss of control of your bladder or bowels (wetting or soiling yourself)"</li>
                    <li>"weakness or numbness in both legs, or sciatica going down both legs"</li>
                    <li>"numbness or weakness in your legs that is getting worse"</li>
                    <li>"you feel unsteady on your feet, or your legs give way"</li>
                </ul>
                <a class="btn danger block call" href="tel:999">"Call 999"</a>
                <p class="small">
                    "These can be signs of a rare but serious problem where the nerves at the bottom of the spine are squeezed (cauda equina syndrome). It needs treatment in hospital quickly."
                </p>
            </section>

            <section class="card urgent-soon" aria-labelledby="urgent-111">
                <h3 id="urgent-111">"Get an urgent GP appointment or call 111 if you have back pain and:"</h3>
                <ul class="flags">
                    <li>"a high temperature, or you feel hot, shivery or generally unwell"</li>
                    <li>"it started after a fall, an accident or an injury"</li>
                    <li>"you are losing weight without trying"</li>
                    <li>"you have had cancer before"</li>
                    <li>"the pain is so bad that you can't sleep, or it is getting worse and worse"</li>
                    <li>"chest pain as well (if chest pain is sudden or severe, call 999)"</li>
                </ul>
                <a class="btn outline block call" href="tel:111">"Call 111"</a>
            </section>

            <p class="muted small">
                "Loopwalk is a walking companion, not medical advice. If you are worried about your back, a doctor or physiotherapist can help."
            </p>
        </article>
    }
}
