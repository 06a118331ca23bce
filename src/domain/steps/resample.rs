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

/// Events held back after a hole, waiting to see whether a burst follows.
const HELD: usize = 16;

/// Linear interpolation of an irregular (t, x, y, z) stream onto a fixed grid.
///
/// Burst re-timing: a browser whose main thread stalls for 100-300 ms
/// delivers the readings it queued as a burst of events stamped at delivery,
/// a fraction of a millisecond apart, right after a hole in the stream. The
/// sensor sampled them at its regular rate *during* the hole, so they are
/// spread evenly back over the hole instead of being squeezed into one
/// instant (which would leave a straight line across the hole and then a
/// jump). The first event after a hole is held back until the next event
/// shows whether a burst follows; without a burst (a coalesced stall, a slow
/// sensor) nothing changes.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Uniform {
    dt: f64,
    max_gap: f64,
    /// Last sample accepted (time, vector).
    prev: Option<(f64, [f64; 3])>,
    /// Grid origin and index of the next tick to emit.
    origin: f64,
    next: u64,
    /// Typical interval between events (s), 0 until known.
    period: f64,
    /// Held burst after a hole: `(burst index, vector)` of the kept events,
    /// how many are kept, how many arrived, the stamp of the latest, and
    /// the keep stride (the buffer is thinned 2:1 when it fills).
    held: [(u32, [f64; 3]); HELD],
    n_held: usize,
    n_burst: u32,
    held_t: f64,
    keep_every: u32,
}

impl Uniform {
    pub(crate) fn new(fs: f64, max_gap: f64) -> Self {
        Self {
            dt: 1.0 / fs,
            max_gap,
            prev: None,
            origin: 0.0,
            next: 0,
            period: 0.0,
            held: [(0, [0.0; 3]); HELD],
            n_held: 0,
            n_burst: 0,
            held_t: 0.0,
            keep_every: 1,
        }
    }

    /// Feed a sample; `emit(tick_time, v)` is called for every grid tick in
    /// `(prev.t, t]` (and for the very first sample). Ticks inside a hole
    /// may be emitted one event late (see burst re-timing above).
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
        if self.n_burst > 0 {
            // Still inside a burst: events much closer than the sensor period.
            let close = t - self.held_t;
            if close < 0.25 * self.period && close > -self.max_gap {
                if self.n_burst.is_multiple_of(self.keep_every) {
                    if self.n_held == HELD {
                        // Thin the kept events 2:1 and keep every other one from now on.
                        for k in 0..HELD / 2 {
                            self.held[k] = self.held[2 * k];
                        }
                        self.n_held = HELD / 2;
                        self.keep_every *= 2;
                    }
                    if self.n_burst.is_multiple_of(self.keep_every) {
                        self.held[self.n_held] = (self.n_burst, v);
                        self.n_held += 1;
                    }
                }
                self.n_burst += 1;
                self.held_t = self.held_t.max(t);
                return Feed::Ok;
            }
            self.release(&mut emit);
            return self.push(t, v, emit);
        }
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
        let span = t - pt;
        if span > self.max_gap {
            self.prev = None;
            self.n_burst = 0;
            return Feed::Gap;
        }
        if self.period > 0.0 && span > 3.0 * self.period && span > 0.04 {
            // A hole: hold this event back until the next shows whether a
            // burst follows.
            self.held[0] = (0, v);
            self.n_held = 1;
            self.n_burst = 1;
            self.held_t = t;
            self.keep_every = 1;
            return Feed::Ok;
        }
        if self.period == 0.0 {
            self.period = span;
        } else if span >= 0.25 * self.period {
            self.period += 0.05 * (span.min(4.0 * self.period) - self.period);
        }
        self.interpolate(pt, pv, t, v, &mut emit);
        Feed::Ok
    }

    /// Spread a held burst evenly over the hole it followed, then
    /// interpolate through it.
    fn release(&mut self, emit: &mut impl FnMut(f64, [f64; 3])) {
        let Some((pt, mut pv)) = self.prev else {
            self.n_burst = 0;
            return;
        };
        let (n, end) = (self.n_burst as f64, self.held_t);
        let mut last = pt;
        for k in 0..self.n_held {
            let (idx, v) = self.held[k];
            let tk = pt + (idx as f64 + 1.0) * (end - pt) / n;
            if tk > last {
                self.interpolate(last, pv, tk, v, emit);
                last = tk;
            } else {
                self.prev = Some((last, v));
            }
            pv = v;
        }
        self.n_held = 0;
        self.n_burst = 0;
    }

    #[inline]
    fn interpolate(
        &mut self,
        pt: f64,
        pv: [f64; 3],
        t: f64,
        v: [f64; 3],
        emit: &mut impl FnMut(f64, [f64; 3]),
    ) {
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

    #[test]
    fn a_burst_after_a_stall_is_spread_back_over_the_stall() {
        // A ramp x = t sampled at 100 Hz; the main thread stalls 0.2 s and
        // then delivers the 20 queued readings 0.05 ms apart.
        let mut u = Uniform::new(50.0, 0.5);
        let mut got = Vec::new();
        let mut emit = |t: f64, v: [f64; 3]| got.push((t, v[0]));
        for k in 0..=50 {
            let t = k as f64 / 100.0;
            u.push(t, [t, 0.0, 0.0], &mut emit);
        }
        for k in 1..=20 {
            let t = 0.5 + k as f64 / 100.0; // reading time
            let stamp = 0.7 + k as f64 * 0.000_05; // delivery time
            u.push(stamp, [t, 0.0, 0.0], &mut emit);
        }
        for k in 71..=100 {
            let t = k as f64 / 100.0;
            u.push(t, [t, 0.0, 0.0], &mut emit);
        }
        // Every tick carries (close to) the ramp's value at its time.
        let worst = got.iter().map(|(t, x)| (t - x).abs()).fold(0.0, f64::max);
        assert!(worst < 0.011, "worst {worst}");
        assert!(got.windows(2).all(|w| w[1].0 > w[0].0));
    }
}
