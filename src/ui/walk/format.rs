//! Formatting walk figures for display (pure; tested natively).

/// `m:ss` under an hour, `h:mm:ss` from an hour.
pub fn clock(seconds: f64) -> String {
    let s = seconds.max(0.0).floor() as u64;
    let (h, m, s) = (s / 3600, (s / 60) % 60, s % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m}:{s:02}")
    }
}

/// Metres under a kilometre, else kilometres with one decimal.
pub fn distance(metres: f64) -> String {
    if metres < 1000.0 {
        format!("{} m", (metres / 10.0).round() as u64 * 10)
    } else {
        format!("{:.1} km", metres / 1000.0)
    }
}

/// A span in words: "40 s", "1 min", "12 min".
pub fn span_words(seconds: f64) -> String {
    let s = seconds.max(0.0);
    if s < 60.0 {
        format!("{} s", s.round() as u64)
    } else {
        format!("{} min", (s / 60.0).round() as u64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_read_naturally() {
        assert_eq!(clock(0.0), "0:00");
        assert_eq!(clock(75.9), "1:15");
        assert_eq!(clock(3725.0), "1:02:05");
        assert_eq!(distance(123.0), "120 m");
        assert_eq!(distance(1530.0), "1.5 km");
        assert_eq!(span_words(40.2), "40 s");
        assert_eq!(span_words(150.0), "3 min");
    }
}
