//! Rests, gaps and pain of a walk in plain words, for the History screens
//! (numbers, times and dates come from `domain::text` and `domain::dates`).
//! Pure, tested natively.

use crate::domain::record::Span;
use crate::domain::text::{clock, duration_text};

// Moved to the shared text module; re-exported until every caller imports
// them from there.
pub use crate::domain::text::{bytes_text, walks_text};

/// A rest in words: "Rest of 45 s after 5:20".
pub fn rest_text(r: &Span) -> String {
    format!("Rest of {} after {}", duration_text(r.len_s), clock(r.at_s))
}

/// A gap in words: "Counting paused 2 min, after 12:00".
pub fn gap_text(g: &Span) -> String {
    format!(
        "Counting paused {}, after {}",
        duration_text(g.len_s),
        clock(g.at_s)
    )
}

/// The "interrupted" marker of a walk with gaps: "Counting paused 2 min"
/// (total of all gaps).
pub fn gaps_marker(gaps: &[Span]) -> Option<String> {
    if gaps.is_empty() {
        return None;
    }
    let total: f64 = gaps
        .iter()
        .map(|g| g.len_s)
        .filter(|l| l.is_finite() && *l > 0.0)
        .sum();
    Some(format!("Counting paused {}", duration_text(total)))
}

/// "No rests", "1 rest", "3 rests".
pub fn rests_text(n: usize) -> String {
    match n {
        0 => "No rests".into(),
        1 => "1 rest".into(),
        n => format!("{n} rests"),
    }
}

/// Pain score in words for the detail: "4 out of 10" or "Not recorded".
pub fn pain_text(p: Option<u8>) -> String {
    p.map_or_else(|| "Not recorded".into(), |p| format!("{p} out of 10"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gaps_and_rests_are_said_in_plain_words() {
        let gaps = [
            Span {
                at_s: 720.0,
                len_s: 90.0,
            },
            Span {
                at_s: 900.0,
                len_s: 30.0,
            },
        ];
        assert_eq!(gaps_marker(&gaps).as_deref(), Some("Counting paused 2 min"));
        assert_eq!(gaps_marker(&[]), None);
        assert_eq!(gap_text(&gaps[0]), "Counting paused 2 min, after 12:00");
        assert_eq!(
            rest_text(&Span {
                at_s: 320.0,
                len_s: 45.0
            }),
            "Rest of 45 s after 5:20"
        );
        assert_eq!(rests_text(0), "No rests");
        assert_eq!(rests_text(2), "2 rests");
        assert_eq!(pain_text(Some(4)), "4 out of 10");
    }
}
