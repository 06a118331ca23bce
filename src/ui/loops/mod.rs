//! Loops: the walker's regular routes. Listing with stats, creating,
//! renaming, re-measuring and archiving, plus the pieces the walk screen
//! uses (picker, progress ring, "save this route as a loop").

pub mod kind_field;
pub mod length_fields;
pub mod loop_card;
pub mod loop_chart;
pub mod loop_picker;
pub mod loops_summary;
pub mod loops_view;
pub mod name_field;
pub mod new_loop_form;
pub mod progress_ring;
pub mod save_as_loop;

use crate::domain::loops::approx_distance_m;
use crate::domain::record::{LoopId, LoopLength};
use crate::domain::text::distance_text;

/// Route of the loops view.
pub const LOOPS_HASH: &str = "#/milestones/loops";

/// A fresh loop id: milliseconds now plus a random suffix.
pub fn new_loop_id() -> LoopId {
    let ms = js_sys::Date::now() as u64;
    let r = (js_sys::Math::random() * 1_000_000.0) as u32;
    LoopId(format!("loop-{ms}-{r:06}"))
}

// Moved to the shared text module; re-exported until every caller imports
// it from there.
pub use crate::domain::text::thousands;

/// A loop's length in words: "1,200 steps, about 800 m" or "900 m".
pub fn length_text(length: LoopLength, step_len_m: f64) -> String {
    match length {
        LoopLength::Steps(n) => format!(
            "{} steps, about {}",
            thousands(u64::from(n)),
            distance_text(approx_distance_m(length, step_len_m))
        ),
        LoopLength::Metres(m) => distance_text(m),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_loop_length_reads_in_steps_and_metres() {
        assert_eq!(
            length_text(LoopLength::Steps(1200), 0.7),
            "1,200 steps, about 840 m"
        );
    }
}
