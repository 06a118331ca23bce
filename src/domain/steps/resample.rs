//! Rate handling: the browser-style "latest sample at each tick" resampler used
//! by tools and tests, and the internal linear-interpolation resampler that
//! turns an irregular stream into the detector's fixed internal rate.

/// Resample a trace as a browser page would see it at `hz`: at each tick
/// `t0 + k/hz` (k = 0, 1, ...) up to the last sample time, the latest sample
/// whose time is at or before the tick, stamped with the tick time.
pub fn resample_latest(samples: &[(f64, f64, f64, f64)], hz: f64) -> Vec<(f64, f64, f64, f64)> {
    let mut out = Vec::new();
    let Some(first) = samples.first() else {
        return out;
    };
    if hz.is_nan() || hz <= 0.0 {
        return out;
    }
    let t0 = first.0;
    let t_end = samples.iter().fold(t0, |m, s| m.max(s.0));
    out.reserve(((t_end - t0) * hz) as usize + 1);
    let mut i = 0usize;
    let mut k = 0u64;
    loop {
        let tick = t0 + k as f64 / hz;
        if tick > t_end + 1e-9 {
            break;
        }
        while i + 1 < samples.len() && samples[i + 1].0 <= tick + 1e-9 {
            i += 1;
        }
        let s = samples[i];
        out.push((tick, s.1, s.2, s.3));
        k += 1;
    }
    out
}

/// What happened to the internal clock when a sample was fed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Feed {
    /// Normal: zero or more ticks were emitted.
    Ok,
    /// The stream had a hole longer than the gap limit (or restarted): the
    /// caller must forget the signal history. The new sample begins a new stream.
    Gap,
}

/// Linear interpolation of an irregular (t, x, y, z) stream onto a fixed grid.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Uniform {
    dt: f64,
    max_gap: f64,
    /// Last sample accepted (time, vector).
    prev: Option<(f64, [f64; 3])>,
    /// Grid origin and index of the next tick to emit.
    origin: f64,
    next: u64,
}

impl Uniform {
    pub(crate) fn new(fs: f64, max_gap: f64) -> Self {
        Self {
            dt: 1.0 / fs,
            max_gap,
            prev: None,
            origin: 0.0,
            next: 0,
        }
    }

    /// Feed a sample; `emit(tick_time, v)` is called for every grid tick in
    /// `(prev.t, t]` (and for the very first sample).
    #[inline]
    pub(crate) fn push(
        &mut self,
        t: f64,
        v: [f64; 3],
        mut emit: impl FnMut(f64, [f64; 3]),
    ) -> Feed {
        let Some((pt, pv)) = self.prev else {
            self.prev = Some((t, v));
            self.origin = t;
            self.next = 1;
            emit(t, v);
            return Feed::Ok;
        };
        if t <= pt {
            // Duplicate timestamp or backwards jitter: keep the newest value for
            // the current time; the grid only moves forward.
            if pt - t > self.max_gap {
                // Clock jumped far backwards: treat as a new stream.
                self.prev = None;
                return Feed::Gap;
            }
            self.prev = Some((pt, v));
            return Feed::Ok;
        }
        if t - pt > self.max_gap {
            self.prev = None;
            return Feed::Gap;
        }
        let span = t - pt;
        loop {
            let tick = self.origin + self.next as f64 * self.dt;
            if tick > t {
                break;
            }
            let a = ((tick - pt) / span).clamp(0.0, 1.0);
            emit(
                tick,
                [
                    pv[0] + a * (v[0] - pv[0]),
                    pv[1] + a * (v[1] - pv[1]),
                    pv[2] + a * (v[2] - pv[2]),
                ],
            );
            self.next += 1;
        }
        self.prev = Some((t, v));
        Feed::Ok
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latest_at_or_before_tick() {
        let s = [
            (0.0, 1.0, 0.0, 0.0),
            (0.03, 2.0, 0.0, 0.0),
            (0.051, 3.0, 0.0, 0.0),
            (0.1, 4.0, 0.0, 0.0),
        ];
        let r = resample_latest(&s, 20.0);
        let xs: Vec<f64> = r.iter().map(|s| s.1).collect();
        assert_eq!(xs, vec![1.0, 2.0, 4.0]);
        assert!((r[2].0 - 0.1).abs() < 1e-12);
    }

    #[test]
    fn uniform_interpolates_and_detects_gaps() {
        let mut u = Uniform::new(10.0, 0.5);
        let mut got = Vec::new();
        u.push(0.0, [0.0; 3], |t, v| got.push((t, v[0])));
        u.push(0.25, [2.5, 0.0, 0.0], |t, v| got.push((t, v[0])));
        assert_eq!(got.len(), 3);
        assert!((got[2].1 - 2.0).abs() < 1e-9);
        assert_eq!(u.push(0.25, [9.0; 3], |_, _| {}), Feed::Ok);
        assert_eq!(u.push(5.0, [0.0; 3], |_, _| {}), Feed::Gap);
    }
}
