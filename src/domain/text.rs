//! Figures in plain English words, the one place the app turns numbers,
//! times and distances into text (dates are in [`super::dates`]). Pure,
//! tested natively.

/// A count with thousands separators: 12345 -> "12,345".
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// "1 step", "1,200 steps".
pub fn steps_text(n: u64) -> String {
    if n == 1 {
        "1 step".into()
    } else {
        format!("{} steps", thousands(n))
    }
}

/// "1 walk", "5 walks", "1,200 walks".
pub fn walks_text(n: u64) -> String {
    if n == 1 {
        "1 walk".into()
    } else {
        format!("{} walks", thousands(n))
    }
}

/// Seconds as a whole non-negative number, `0` for anything not a finite
/// positive number. `floor`: a clock never runs ahead of the walk.
fn whole_seconds(s: f64, floor: bool) -> u64 {
    if s.is_finite() && s > 0.0 {
        if floor {
            s.floor() as u64
        } else {
            s.round() as u64
        }
    } else {
        0
    }
}

/// Time as a stopwatch shows it: `m:ss` under an hour, `h:mm:ss` from an
/// hour. Whole seconds are cut, not rounded, as a stopwatch does, so the
/// live clock, the summary and History agree: 75.9 s -> "1:15".
pub fn clock(seconds: f64) -> String {
    let s = whole_seconds(seconds, true);
    if s >= 3600 {
        format!("{}:{:02}:{:02}", s / 3600, (s / 60) % 60, s % 60)
    } else {
        format!("{}:{:02}", s / 60, s % 60)
    }
}

/// A length of time in words: "40 s", "2 min", "14 min", "1 h", "1 h 5 min".
/// Under a minute in seconds; otherwise rounded to the nearest minute.
pub fn duration_text(seconds: f64) -> String {
    let s = whole_seconds(seconds, false);
    if s < 60 {
        return format!("{s} s");
    }
    let m = (s + 30) / 60;
    if m < 60 {
        format!("{m} min")
    } else if m.is_multiple_of(60) {
        format!("{} h", m / 60)
    } else {
        format!("{} h {} min", m / 60, m % 60)
    }
}

/// Minutes, rounded: "95 min".
pub fn minutes_text(minutes: f64) -> String {
    let m = if minutes.is_finite() && minutes > 0.0 {
        minutes.round() as u64
    } else {
        0
    };
    format!("{} min", thousands(m))
}

/// A distance: metres to the nearest 10 under a kilometre ("650 m"), else
/// kilometres with one decimal ("1.2 km").
pub fn distance_text(metres: f64) -> String {
    let m = if metres.is_finite() && metres > 0.0 {
        metres
    } else {
        0.0
    };
    if m < 1000.0 {
        // 995 m and over would read "1000 m": say it in kilometres.
        let tens = (m / 10.0).round() as u64 * 10;
        if tens < 1000 {
            return format!("{tens} m");
        }
    }
    format!("{} km", fixed(m / 1000.0, 1))
}

/// Approximate size in bytes: "850 bytes", "12 KB", "1.4 MB".
pub fn bytes_text(n: usize) -> String {
    if n < 1000 {
        format!("{n} bytes")
    } else if n < 1_000_000 {
        format!("{} KB", fixed((n as f64 / 1000.0).round(), 0))
    } else {
        format!("{} MB", fixed(n as f64 / 1_000_000.0, 1))
    }
}

/// `x` with `places` decimals, exactly as `format!("{x:.places$}")` writes
/// it (the exact binary value, ties to even), without linking the standard
/// library's float formatting (Grisu, Dragon and their tables: about 8 KB
/// of gzipped wasm for a few chart coordinates and one-decimal figures).
pub fn fixed(x: f64, places: u32) -> String {
    if x.is_nan() {
        return "NaN".into();
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x.is_infinite() {
        return format!("{sign}inf");
    }
    let scale = 10u128.pow(places);
    let bits = x.abs().to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    let frac = (bits & ((1u64 << 52) - 1)) as u128;
    // |x| = mant * 2^e exactly.
    let (mant, e) = if exp == 0 {
        (frac, -1074)
    } else {
        (frac | (1u128 << 52), exp - 1075)
    };
    let n = mant * scale;
    let scaled = if e >= 0 {
        n.checked_shl(e as u32)
            .filter(|v| v >> e == n)
            .unwrap_or(u128::MAX)
    } else if -e >= 127 {
        0
    } else {
        let s = (-e) as u32;
        let (q, r, half) = (n >> s, n & ((1u128 << s) - 1), 1u128 << (s - 1));
        if r > half || (r == half && q % 2 == 1) {
            q + 1
        } else {
            q
        }
    };
    let (int, dec) = (scaled / scale, scaled % scale);
    if places == 0 {
        format!("{sign}{int}")
    } else {
        format!("{sign}{int}.{dec:0w$}", w = places as usize)
    }
}

/// A plain decimal as typed ("1500", "1,234.5" after removing commas):
/// digits with at most one point, at most 15 digits, else `None`. Exact
/// (the same value `str::parse::<f64>` gives) without the standard
/// library's float parser.
pub fn parse_decimal(text: &str) -> Option<f64> {
    let (int, dec) = text.split_once('.').unwrap_or((text, ""));
    let digits = int.len() + dec.len();
    if digits == 0 || digits > 15 || !(int.bytes().chain(dec.bytes())).all(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut n: u64 = 0;
    for b in int.bytes().chain(dec.bytes()) {
        n = n * 10 + u64::from(b - b'0');
    }
    // Both are exact doubles (under 2^53 and 10^15), so the one division
    // rounds correctly, as the standard parser does.
    Some(n as f64 / 10u64.pow(dec.len() as u32) as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_have_thousands_separators() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(1_234_567), "1,234,567");
        assert_eq!(steps_text(1), "1 step");
        assert_eq!(steps_text(12_340), "12,340 steps");
        assert_eq!(walks_text(1), "1 walk");
        assert_eq!(walks_text(5000), "5,000 walks");
    }

    /// The summary after a walk and the same walk in History once disagreed
    /// (1:15 and 1:16): one rule now, a stopwatch's.
    #[test]
    fn a_clock_cuts_to_the_second_so_summary_and_history_agree() {
        assert_eq!(clock(75.9), "1:15");
        assert_eq!(clock(75.0), "1:15");
        assert_eq!(clock(59.99), "0:59");
        assert_eq!(clock(0.0), "0:00");
        assert_eq!(clock(-3.0), "0:00");
        assert_eq!(clock(f64::NAN), "0:00");
        assert_eq!(clock(3599.9), "59:59");
        assert_eq!(clock(3725.0), "1:02:05");
    }

    #[test]
    fn durations_read_in_words() {
        assert_eq!(duration_text(40.0), "40 s");
        assert_eq!(duration_text(59.4), "59 s");
        assert_eq!(duration_text(f64::NAN), "0 s");
        assert_eq!(duration_text(119.0), "2 min");
        assert_eq!(duration_text(725.0), "12 min");
        assert_eq!(duration_text(840.0), "14 min");
        assert_eq!(duration_text(3600.0), "1 h");
        assert_eq!(duration_text(3900.0), "1 h 5 min");
        assert_eq!(minutes_text(94.6), "95 min");
        assert_eq!(minutes_text(-1.0), "0 min");
        assert_eq!(minutes_text(1234.0), "1,234 min");
    }

    #[test]
    fn distances_and_sizes_read_plainly() {
        assert_eq!(distance_text(123.0), "120 m");
        assert_eq!(distance_text(654.0), "650 m");
        assert_eq!(distance_text(996.0), "1.0 km");
        assert_eq!(distance_text(1234.0), "1.2 km");
        assert_eq!(distance_text(1530.0), "1.5 km");
        assert_eq!(distance_text(f64::NAN), "0 m");
        assert_eq!(bytes_text(850), "850 bytes");
        assert_eq!(bytes_text(12_400), "12 KB");
        assert_eq!(bytes_text(1_400_000), "1.4 MB");
    }

    #[test]
    fn fixed_decimals_match_the_standard_formatter() {
        let cases = [
            0.0,
            -0.0,
            0.25,
            0.35,
            0.5,
            1.5,
            2.5,
            1.125,
            -0.01,
            12.345,
            99.95,
            1e-9,
            5e-324,
            123456.789,
            1e15,
            1e21,
            3.999,
            -2.5,
            f64::NAN,
            f64::INFINITY,
            -f64::INFINITY,
        ];
        for x in cases {
            for p in 0..4 {
                assert_eq!(fixed(x, p), format!("{x:.0$}", p as usize), "{x} {p}");
            }
        }
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        for _ in 0..20_000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let x = (seed % 2_000_000) as f64 / 997.0 - 1000.0;
            let p = (seed >> 40) as u32 % 3;
            assert_eq!(fixed(x, p), format!("{x:.0$}", p as usize), "{x} {p}");
        }
    }

    #[test]
    fn typed_decimals_read_as_the_standard_parser_reads_them() {
        for t in [
            "1500",
            "0.5",
            "1234.5",
            "0.1",
            "007",
            "12.",
            ".5",
            "999999999999999",
        ] {
            assert_eq!(parse_decimal(t), t.parse::<f64>().ok(), "{t}");
        }
        for t in [
            "",
            ".",
            "1.2.3",
            "-5",
            "1e3",
            "inf",
            "NaN",
            " 1",
            "1 000",
            "1234567890123456",
        ] {
            assert_eq!(parse_decimal(t), None, "{t}");
        }
    }
}
