//! Pure geometry for the charts: axis maximum and value-to-pixel mapping.

/// A "nice" axis maximum at or above `v` (1, 2, 2.5 or 5 times a power of
use crate::domain::text::fixed;

/// ten), so grid lines land on round numbers. At least 1.
pub fn nice_max(v: f64) -> f64 {
    if !v.is_finite() || v <= 1.0 {
        return 1.0;
    }
    // The largest power of ten at or below v (a loop, not powf and log10:
    // about 3 KB less wasm, and exact for every power of ten).
    let mut mag = 1.0;
    while mag * 10.0 <= v {
        mag *= 10.0;
    }
    for m in [1.0, 2.0, 2.5, 5.0, 10.0] {
        if m * mag >= v - 1e-9 {
            return m * mag;
        }
    }
    10.0 * mag
}

/// The plot area inside the SVG viewBox, in viewBox units.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Frame {
    /// Whole viewBox width.
    pub width: f64,
    /// Whole viewBox height.
    pub height: f64,
    /// Left margin (room for y-axis labels).
    pub left: f64,
    /// Right margin.
    pub right: f64,
    /// Top margin.
    pub top: f64,
    /// Bottom margin (room for x-axis labels).
    pub bottom: f64,
}

impl Frame {
    /// The frame every chart uses: sized for a phone's width, so one
    /// viewBox unit is about one CSS pixel there.
    pub const PHONE: Frame = Frame {
        width: 340.0,
        height: 190.0,
        left: 44.0,
        right: 8.0,
        top: 12.0,
        bottom: 28.0,
    };

    /// Width of the plot area.
    pub fn plot_w(&self) -> f64 {
        self.width - self.left - self.right
    }

    /// Height of the plot area.
    pub fn plot_h(&self) -> f64 {
        self.height - self.top - self.bottom
    }

    /// y coordinate of `value` on an axis from 0 to `max` (clamped).
    pub fn y(&self, value: f64, max: f64) -> f64 {
        let max = if max > 0.0 { max } else { 1.0 };
        let v = if value.is_finite() { value } else { 0.0 };
        let frac = (v / max).clamp(0.0, 1.0);
        self.top + self.plot_h() * (1.0 - frac)
    }

    /// Left edge and width of slot `i` of `n` equal slots across the plot.
    pub fn slot(&self, i: usize, n: usize) -> (f64, f64) {
        let n = n.max(1) as f64;
        let w = self.plot_w() / n;
        (self.left + w * i as f64, w)
    }

    /// Centre x of slot `i` of `n`.
    pub fn slot_centre(&self, i: usize, n: usize) -> f64 {
        let (x, w) = self.slot(i, n);
        x + w / 2.0
    }

    /// The viewBox attribute value.
    pub fn view_box(&self) -> String {
        format!("0 0 {} {}", px(self.width), px(self.height))
    }
}

/// A number as a short axis label: 12000 -> "12k", 2500 -> "2.5k", 150 -> "150".
pub fn short_number(v: f64) -> String {
    if !v.is_finite() {
        return String::new();
    }
    if v.abs() >= 1000.0 {
        let k = v / 1000.0;
        if (k - k.round()).abs() < 0.05 {
            format!("{}k", fixed(k.round(), 0))
        } else {
            format!("{}k", fixed(k, 1))
        }
    } else if (v - v.round()).abs() < 0.05 {
        fixed(v.round(), 0)
    } else {
        fixed(v, 1)
    }
}

/// A coordinate rounded to 0.1 for compact SVG attributes.
pub fn px(v: f64) -> String {
    let r = (v * 10.0).round() / 10.0;
    if r == r.trunc() {
        (r as i64).to_string()
    } else {
        fixed(r, 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nice_max_takes_the_same_power_of_ten_as_log10() {
        let mut v: f64 = 1.0;
        while v < 1e12 {
            for x in [v, v * 0.999_999, v * 1.000_001, v * 3.7] {
                let mag = 10f64.powf(x.log10().floor());
                let m = [1.0, 2.0, 2.5, 5.0, 10.0]
                    .into_iter()
                    .find(|m| m * mag >= x - 1e-9)
                    .map_or(10.0 * mag, |m| m * mag);
                assert_eq!(nice_max(x), m.max(1.0), "{x}");
            }
            v *= 10.0;
        }
    }

    #[test]
    fn nice_max_rounds_up_to_round_numbers() {
        assert_eq!(nice_max(0.0), 1.0);
        assert_eq!(nice_max(f64::NAN), 1.0);
        assert_eq!(nice_max(7.0), 10.0);
        assert_eq!(nice_max(10.0), 10.0);
        assert_eq!(nice_max(151.0), 200.0);
        assert_eq!(nice_max(2100.0), 2500.0);
        assert_eq!(nice_max(4300.0), 5000.0);
        assert_eq!(nice_max(12_000.0), 20_000.0);
    }

    #[test]
    fn y_maps_zero_to_the_bottom_and_max_to_the_top_and_clamps() {
        let f = Frame::PHONE;
        assert_eq!(f.y(0.0, 100.0), f.top + f.plot_h());
        assert_eq!(f.y(100.0, 100.0), f.top);
        assert_eq!(f.y(500.0, 100.0), f.top);
        assert_eq!(f.y(-3.0, 100.0), f.top + f.plot_h());
        assert_eq!(f.y(f64::NAN, 0.0), f.top + f.plot_h());
    }

    #[test]
    fn slots_tile_the_plot_width() {
        let f = Frame::PHONE;
        let (x0, w) = f.slot(0, 30);
        let (x29, _) = f.slot(29, 30);
        assert_eq!(x0, f.left);
        assert!((x29 + w - (f.left + f.plot_w())).abs() < 1e-9);
    }

    #[test]
    fn labels_are_short() {
        assert_eq!(short_number(12_000.0), "12k");
        assert_eq!(short_number(2_500.0), "2.5k");
        assert_eq!(short_number(150.0), "150");
        assert_eq!(short_number(2.5), "2.5");
        assert_eq!(px(10.04), "10");
        assert_eq!(px(10.25), "10.3");
    }
}
