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
pub mod new_loop_form;
pub mod progress_ring;
pub mod save_as_loop;

use crate::domain::loops::approx_distance_m;
use crate::domain::record::{LoopId, LoopLength};

/// Route of the loops view.
pub const LOOPS_HASH: &str = "#/milestones/loops";

/// A fresh loop id: milliseconds now plus a random suffix.
pub fn new_loop_id() -> LoopId {
    let ms = js_sys::Date::now() as u64;
    let r = (js_sys::Math::random() * 1_000_000.0) as u32;
    LoopId(format!("loop-{ms}-{r:06}"))
}

/// `1234` as `"1,234"`.
pub fn thousands(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Seconds as "12 min" or "1 h 5 min".
pub fn duration_text(s: f64) -> String {
    let m = if s.is_finite() && s > 0.0 {
        (s / 60.0).round() as u64
    } else {
        0
    };
    if m >= 60 {
        format!("{} h {} min", m / 60, m % 60)
    } else {
        format!("{m} min")
    }
}

/// Metres as "650 m" or "1.2 km".
pub fn distance_text(m: f64) -> String {
    if m >= 1000.0 {
        format!("{:.1} km", m / 1000.0)
    } else {
        format!("{} m", (m / 10.0).round() as u64 * 10)
    }
}

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
    fn words_for_lengths_and_times() {
        assert_eq!(thousands(1234567), "1,234,567");
        assert_eq!(duration_text(725.0), "12 min");
        assert_eq!(duration_text(3900.0), "1 h 5 min");
        assert_eq!(distance_text(1234.0), "1.2 km");
        assert_eq!(distance_text(654.0), "650 m");
        assert_eq!(
            length_text(LoopLength::Steps(1200), 0.7),
            "1,200 steps, about 840 m"
        );
    }
}
