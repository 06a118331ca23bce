//! Fixed-coefficient second-order IIR sections (RBJ "audio EQ cookbook"
//! bilinear designs), run at the detector's internal fixed rate.

/// One biquad section in transposed direct form II.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Biquad {
    b0: f64,
    b1: f64,
    b2: f64,
    a1: f64,
    a2: f64,
    s1: f64,
    s2: f64,
}

impl Biquad {
    fn from_raw(b0: f64, b1: f64, b2: f64, a0: f64, a1: f64, a2: f64) -> Self {
        Self {
            b0: b0 / a0,
            b1: b1 / a0,
            b2: b2 / a0,
            a1: a1 / a0,
            a2: a2 / a0,
            s1: 0.0,
            s2: 0.0,
        }
    }

    /// Butterworth (Q = 1/sqrt 2) low-pass at `fc` Hz for sample rate `fs`.
    pub(crate) fn lowpass(fc: f64, fs: f64) -> Self {
        let w = 2.0 * std::f64::consts::PI * fc / fs;
        let (sin, cos) = w.sin_cos();
        let alpha = sin / (2.0 * std::f64::consts::FRAC_1_SQRT_2);
        let b1 = 1.0 - cos;
        Self::from_raw(b1 / 2.0, b1, b1 / 2.0, 1.0 + alpha, -2.0 * cos, 1.0 - alpha)
    }

    /// Butterworth (Q = 1/sqrt 2) high-pass at `fc` Hz for sample rate `fs`.
    pub(crate) fn highpass(fc: f64, fs: f64) -> Self {
        let w = 2.0 * std::f64::consts::PI * fc / fs;
        let (sin, cos) = w.sin_cos();
        let alpha = sin / (2.0 * std::f64::consts::FRAC_1_SQRT_2);
        let b0 = (1.0 + cos) / 2.0;
        Self::from_raw(b0, -(1.0 + cos), b0, 1.0 + alpha, -2.0 * cos, 1.0 - alpha)
    }

    #[inline]
    pub(crate) fn process(&mut self, x: f64) -> f64 {
        let y = self.b0 * x + self.s1;
        self.s1 = self.b1 * x - self.a1 * y + self.s2;
        self.s2 = self.b2 * x - self.a2 * y;
        y
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gain(mut f: Biquad, hz: f64, fs: f64) -> f64 {
        let mut peak: f64 = 0.0;
        for n in 0..(fs as usize * 40) {
            let y = f.process((2.0 * std::f64::consts::PI * hz * n as f64 / fs).sin());
            if n > fs as usize * 20 {
                peak = peak.max(y.abs());
            }
        }
        peak
    }

    #[test]
    fn butterworth_corner_is_minus_3db() {
        let fs = 50.0;
        assert!(
            (gain(Biquad::lowpass(3.0, fs), 3.0, fs) - std::f64::consts::FRAC_1_SQRT_2).abs()
                < 0.01
        );
        assert!(
            (gain(Biquad::highpass(0.7, fs), 0.7, fs) - std::f64::consts::FRAC_1_SQRT_2).abs()
                < 0.01
        );
        assert!(gain(Biquad::lowpass(3.0, fs), 0.5, fs) > 0.99);
        assert!(gain(Biquad::highpass(0.7, fs), 0.1, fs) < 0.03);
    }
}
