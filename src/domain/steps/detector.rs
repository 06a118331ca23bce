//! The streaming step detector. See the module docs of [`super`] for the
//! design and the reasoning behind every parameter.

use super::filter::Biquad;
use super::resample::{Feed, Uniform};
use crate::domain::sort::sort_f64;

// ---- signal stage ---------------------------------------------------------

/// Internal fixed rate (Hz). Step impulses are band-limited to a few Hz, the
/// heel-strike feature uses 5-12 Hz; 50 Hz keeps both with margin and is at
/// least the typical browser rate, so the interpolator rarely invents samples.
pub(crate) const FS: f64 = 50.0;
/// A hole in delivery longer than this (s) is a gap: history is forgotten so a
/// gap can neither create steps (no interpolation across it) nor join bouts.
/// The slowest real stream we accept is 25 Hz (0.04 s), so 0.5 s is > 10 frames.
const MAX_GAP: f64 = 0.5;
/// Band-pass edges (Hz) on |a|. Below: gravity drift and posture. The stride
/// frequency of slow walking (~0.6 Hz) is deliberately attenuated so steps,
/// not strides, dominate. Above 3 Hz: jitter and impact ringing.
const BAND_LO: f64 = 0.7;
const BAND_HI: f64 = 3.0;
/// Heel-strike band: energy above ~5 Hz (two cascaded 2nd-order high-passes)
/// relative to the step band.
const HF_LO: f64 = 5.0;
/// Time constant (s) of the gravity (orientation) estimate: longer than a
/// stride so that limb swing averages out, short enough to follow handling.
const GRAVITY_TAU: f64 = 1.0;
/// Time constant (s) of the signal-energy tracker used by the adaptive
/// threshold: about two strides.
const ENERGY_TAU: f64 = 2.5;
/// Time constant (s) of the heel-strike energy trackers (about one step).
const HF_TAU: f64 = 0.5;
/// A reading with any axis beyond this (m/s^2) is not a physical
/// acceleration of a phone someone carries: phone accelerometers saturate at
/// 8-16 g, and a fall onto stone peaks near there. Such readings (and
/// non-finite ones) are a delivery fault and are skipped like a lost event,
/// so they never reach the filters (1e200 squared would overflow to inf and
/// leave the filters NaN for good).
const MAX_READING: f64 = 20.0 * 9.806_65;
/// Cap (m/s^2) on the magnitude fed to the step filters (5 g).
const MAX_GAIT: f64 = 5.0 * 9.806_65;
/// Fewest distinct readings per second that can show a step: a heel strike
/// lasts 50-100 ms and its 5-12 Hz content is what tells a step from a
/// sway, so below ~20 readings/s (Nyquist 10 Hz) neither the impact nor
/// its sharpness exists in the data. Loggers that write on change or
/// sensors throttled to a few Hz (vehicle recordings at 1-18 Hz) give
/// staircase signals whose jumps mimic impacts; peaks seen while fewer
/// readings arrive are not steps. Browsers deliver 50-120 Hz.
const MIN_READING_RATE: f64 = 20.0;
/// Time constant (s) of the reading-rate estimate.
const RATE_TAU: f64 = 2.0;

// ---- peak stage ------------------------------------------------------------

/// Peaks closer than this (s) are one step: 4 steps/s is a sprint.
const MIN_STEP_INTERVAL: f64 = 0.25;
/// Inside a bout, peaks closer than this fraction of the stride period are one
/// step (the larger wins). Real steps are at least ~1/3 stride apart even when
/// the carry makes left and right peaks uneven (back pocket: 0.4 s / 0.8 s).
const REFRACTORY_STRIDES: f64 = 0.3;
/// A step peak must rise at least this far (m/s^2) above the preceding
/// trough of the band-passed magnitude. ~0.5 m/s^2 peak-to-peak is the
/// lightest careful walking; a phone lying still is ~0.02 m/s^2.
const MIN_PROMINENCE: f64 = 0.4;
/// ... and reach this fraction of the recent RMS of the band signal, so the
/// threshold follows carry position (hand ~1 m/s^2, pocket several m/s^2).
const REL_THRESHOLD: f64 = 0.5;

// ---- rhythm stage -----------------------------------------------------------

/// Stride (two steps) period range (s): 1.0 step/s (very slow, careful) to
/// 4.5 steps/s (running).
const STRIDE_MIN: f64 = 0.44;
const STRIDE_MAX: f64 = 2.0;
/// Candidates needed to start a bout: 6 peaks = 4 overlapping strides.
const START_WINDOW: usize = 6;
/// Allowed deviation of each stride from the window median when starting.
const START_TOL: f64 = 0.2;
/// Inside a bout, 4 peaks (2 strides) matching the bout's stride period resume
/// or continue it, with this tolerance.
const BOUT_TOL: f64 = 0.25;
/// A bout ends when no step was credited for this many stride periods.
const BOUT_TIMEOUT_STRIDES: f64 = 2.0;
/// Weight of a new stride in the bout's running stride period.
const STRIDE_EMA: f64 = 0.2;
/// Steps of one walking bout have a consistent impact: when starting, every
/// peak of the window must be within this factor of the window's median
/// prominence (rejects handling, where a few big jolts mix with small ones,
/// and the ramp of noise before a walk).
const START_AMP_RATIO: f64 = 4.0;
/// A bout may start only if the window's median step prominence (m/s^2) is at
/// least this: half the weakest walking bout seen in the data (1.1 m/s^2) and
/// the light end of careful walking (~0.5-1 m/s^2 peak-to-peak). Smooth
/// vehicle bounce and fidgeting stay below.
const START_MIN_AMP: f64 = 0.6;
/// ... and the median heel-strike sharpness (RMS above 5 Hz, 4th-order
/// high-pass, over RMS of the step band) within these bounds. A heel strike is
/// an impact with energy above 5 Hz: walking windows measure 0.12-1.8 (median
/// 0.7; the lowest are phones that smooth their accelerometer), a smooth 1-2 Hz
/// vehicle sway ~0.01 (the 4th-order high-pass suppresses it by (f/5 Hz)^4).
/// Above the upper bound most energy is a vibration or a shake faster than
/// any cadence, leaking into the step band.
const START_MIN_SHARPNESS: f64 = 0.05;
const START_MAX_SHARPNESS: f64 = 4.0;
/// ... and the carry orientation (gravity direction) may turn at most this
/// many degrees across the window: pocketing, picking up or turning the phone
/// rotates it by ~90-180 degrees; steady walking in any carry (swinging arm,
/// bag) keeps the 1 s mean gravity direction within ~60 degrees.
const START_MAX_TILT_DEG: f64 = 75.0;
/// Inside a bout, a peak smaller than this fraction of the bout's typical
/// step prominence is not a step (secondary bumps of the same step).
const BOUT_MIN_AMP: f64 = 0.33;
/// Weight of a new step in the bout's typical prominence.
const AMP_EMA: f64 = 0.1;
/// A walk that starts from rest (no step credited for this many seconds)
/// needs this many peaks in rhythm before any is credited: 8 peaks = 6
/// overlapping strides, ~4 s of walking. Standing people handling or
/// using their phone, shifting weight or fidgeting produce short runs of
/// rhythmic jolts (measured on whole recordings around a walk: 58% of the
/// extra steps came in runs of 6-9), while a walk, once begun, goes on.
/// After a short break in rhythm inside a walk (a turn, a kerb) the usual
/// 6 peaks restart counting.
const FRESH_WINDOW: usize = 8;
const FRESH_AFTER_S: f64 = 5.0;
/// A walk from rest whose carry orientation was still changing (the
/// gravity direction about 2 s before its first peak and at any of its
/// peaks differ by more than this many degrees) needs HANDLED_WINDOW peaks
/// instead: putting a phone into a pocket or bag, taking it out or turning
/// it over rotates it by 90-180 degrees around the rhythmic jolts of
/// handling, while a phone already in its carry position keeps the 1 s
/// gravity direction within ~30 degrees (measured: 0-30 over the first 12
/// steps of every walk in the recordings with handling). 45 is the
/// physical middle. A walker who pockets the phone and sets off at once
/// loses nothing: the steps are credited, with their own times, a few
/// seconds later.
///
/// The same bound also applies peak by peak: a peak at which the gravity
/// direction differs by more than this from ~2 s before (`Candidate::turned`)
/// ends whatever rhythm was building or going on, and what follows is a
/// walk from rest needing HANDLED_WINDOW peaks. Within a walk the carry
/// orientation is steady (the 1 s mean gravity direction turned > 45
/// degrees in 2 s at 0.09% of the peaks of all walking bouts in the
/// shared data, mostly while a bag or pouch settled), while taking the
/// phone out or turning it in the hand does it in a second.
const SETTLED_TILT_DEG: f64 = 45.0;
/// 12 peaks = 10 overlapping strides, ~6 s of walking: longer than the
/// rhythmic part of any handling episode measured (runs of up to ~20
/// peaks occur, but rarely with one orientation throughout).
const HANDLED_WINDOW: usize = 12;
/// A walk from rest needs a median step prominence (m/s^2) of at least
/// this. Gait mechanics: the body's centre of mass rises and falls 2-5 cm
/// every step, so at 1.4-2 steps/s its vertical acceleration swings by
/// (2 pi f)^2 x excursion ~ 1-3 m/s^2 either way, 1.8 m/s^2 peak-to-peak
/// even for a slow shuffling 1.5 steps/s with 2 cm of rise; a phone carried
/// on the body (hand, pocket, bag) moves with it. Standing and fidgeting
/// or using the screen stays below (measured sd 0.3-0.6 m/s^2). Inside a
/// walk and after short breaks the lower START_MIN_AMP still applies.
const FRESH_MIN_AMP: f64 = 1.0;
/// Walking back over the first steps of a walk from rest, a stride may be
/// up to this much longer than the walk's: gait initiation takes 2-3 steps
/// to reach steady speed, and those first strides are slower, never
/// faster (shorter strides keep the usual BOUT_TOL).
const GAIT_INIT_TOL: f64 = 0.5;
/// Gait initiation lasts this many steps: once a slower first stride is
/// walked back over, at most this many peaks (counting it) are added and
/// nothing earlier, since before them the walker stood.
const GAIT_INIT_STEPS: usize = 2;
/// A walk from rest is a shake of the phone, not gait, when the strongest
/// oscillation of |a| over its peaks (0.5-8 Hz, windowed spectrum of the
/// last SHAKE_N ticks at most, from just before its first peak) is faster
/// than any cadence (above SHAKE_MIN_HZ, the top of the 1.2-3.5 steps/s
/// cadence range) and carries at least SHAKE_RATIO times the power of the
/// strongest oscillation in the cadence range. Gait moves the body once per
/// step: its |a| is the step rhythm plus the harmonics of a train of
/// impacts, and a train of short impacts (heel strikes, a bag bouncing) has
/// lines of comparable power at every harmonic up to ~1/(impact length),
/// so one above 3.5 Hz may be the strongest (a bouncing backpack: 1.4x)
/// but not by much (every walk from rest in the shared data: at most
/// 1.8x). A hand shaking or jiggling the phone at 4-6 Hz puts its power
/// into one line; its peaks in the step band are that shake seen through
/// the band's 3 Hz skirt and the 0.25 s spacing (the four handling runs
/// around the Brajdic walks whose strongest line is above 3.5 Hz:
/// 2.4-4.4x). A shake counts as handling (see `handled_at`).
const SHAKE_MIN_HZ: f64 = 3.5;
const SHAKE_RATIO: f64 = 2.0;
/// Spectrum window: 5.1 s at FS, longer than an 8-12 peak confirmation of
/// a brisk walk; a slower walk's last 5 s are analysed.
const SHAKE_N: usize = 256;
/// The window starts this long (s) before the run's first peak (half a
/// step at a brisk cadence), so that its impact is inside.
const SHAKE_LEAD: f64 = 0.3;
/// Gravity snapshots kept for that check: every 0.5 s, 4 s of history.
const GSNAP: usize = 8;
const GSNAP_EVERY_S: f64 = 0.5;
/// How far back (snapshots) the "before the walk" direction is taken.
const GSNAP_BACK: usize = 4;
/// Ring size (candidates kept).
const RING: usize = 16;

#[derive(Clone, Copy, Debug, Default)]
struct Candidate {
    t: f64,
    prominence: f64,
    /// Heel-strike sharpness: RMS above HF_LO over RMS of the step band.
    sharpness: f64,
    /// Gravity direction (unit vector) at the peak.
    down: [f64; 3],
    /// Gravity direction (unit vector) about 2 s before the peak.
    down_before: [f64; 3],
    credited: bool,
    /// The carry turned by more than SETTLED_TILT_DEG within ~2 s.
    turned: bool,
    /// Dropped as a secondary bump when a bout was extended back over it.
    stray: bool,
}

/// Streaming step detector. See the module documentation.
#[derive(Clone, Debug)]
pub struct StepDetector {
    uniform: Uniform,
    started: bool,
    baseline: f64,
    hp: Biquad,
    lp: Biquad,
    hf: Biquad,
    hf2: Biquad,
    /// One-pole smoothing weights per tick for GRAVITY_TAU, ENERGY_TAU, HF_TAU.
    a_gravity: f64,
    a_energy: f64,
    a_hf: f64,
    gravity: [f64; 3],
    energy: f64,
    hf_energy: f64,
    band_energy_short: f64,
    // local maximum tracking
    b1: f64,
    b2: f64,
    trough: f64,
    pending: Option<Candidate>,
    // rhythm gate
    ring: [Candidate; RING],
    len: usize,
    head: usize,
    stride: f64,
    amp: f64,
    last_credit: f64,
    /// Time of the latest peak accepted into the current bout.
    bout_last: f64,
    /// Peaks of a bout from rest not yet credited (0: none pending).
    tentative: usize,
    /// Peaks needed to confirm that bout.
    confirm: usize,
    total: u64,
    // distinct-reading rate (bias-corrected exponential average)
    last_v: [f64; 3],
    // gravity direction history (snapshots every GSNAP_EVERY_S)
    gsnap: [[f64; 3]; GSNAP],
    gsnap_len: usize,
    gsnap_head: usize,
    gsnap_t: f64,
    reading_sum: f64,
    reading_t: f64,
    reading_t0: f64,
    /// Time of the last peak at which the carry was turning (see
    /// `Candidate::turned`); a walk after it is a walk from rest.
    handled_at: f64,
    /// The last SHAKE_N values of |a| (minus the baseline), for the shake
    /// check of a walk from rest.
    recent: [f32; SHAKE_N],
    recent_head: usize,
}

impl Default for StepDetector {
    fn default() -> Self {
        Self::new()
    }
}

/// Median of a small array (sorts it in place).
fn median(v: &mut [f64]) -> f64 {
    sort_f64(v);
    let n = v.len();
    0.5 * (v[(n - 1) / 2] + v[n / 2])
}

fn unit(g: [f64; 3]) -> [f64; 3] {
    let n = (g[0] * g[0] + g[1] * g[1] + g[2] * g[2]).sqrt().max(1e-9);
    [g[0] / n, g[1] / n, g[2] / n]
}

fn dot(a: [f64; 3], b: [f64; 3]) -> f64 {
    a[0] * b[0] + a[1] * b[1] + a[2] * b[2]
}

/// Median of the first `n` entries of a small array (sorts them).
fn median_n(v: &mut [f64], n: usize) -> f64 {
    median(&mut v[..n])
}

/// cos(x) for |x| <= 0.4 (series to x^8, error < 1e-10).
fn cos_small(x: f64) -> f64 {
    let x2 = x * x;
    1.0 - x2 / 2.0 * (1.0 - x2 / 12.0 * (1.0 - x2 / 30.0 * (1.0 - x2 / 56.0)))
}

fn alpha(tau: f64) -> f64 {
    1.0 - (-1.0 / (FS * tau)).exp()
}

impl StepDetector {
    /// A detector with no history and a total of zero.
    pub fn new() -> Self {
        Self {
            uniform: Uniform::new(FS, MAX_GAP),
            started: false,
            baseline: 0.0,
            hp: Biquad::highpass(BAND_LO, FS),
            lp: Biquad::lowpass(BAND_HI, FS),
            hf: Biquad::highpass(HF_LO, FS),
            hf2: Biquad::highpass(HF_LO, FS),
            a_gravity: alpha(GRAVITY_TAU),
            a_energy: alpha(ENERGY_TAU),
            a_hf: alpha(HF_TAU),
            gravity: [0.0; 3],
            energy: 0.0,
            hf_energy: 0.0,
            band_energy_short: 0.0,
            b1: 0.0,
            b2: 0.0,
            trough: 0.0,
            pending: None,
            ring: [Candidate::default(); RING],
            len: 0,
            head: 0,
            stride: 0.0,
            amp: 0.0,
            last_credit: f64::NEG_INFINITY,
            bout_last: f64::NEG_INFINITY,
            tentative: 0,
            confirm: FRESH_WINDOW,
            total: 0,
            last_v: [f64::NAN; 3],
            gsnap: [[0.0; 3]; GSNAP],
            gsnap_len: 0,
            gsnap_head: 0,
            gsnap_t: f64::NEG_INFINITY,
            reading_sum: 0.0,
            reading_t: f64::NAN,
            reading_t0: f64::NAN,
            handled_at: f64::NEG_INFINITY,
            recent: [0.0; SHAKE_N],
            recent_head: 0,
        }
    }

    /// Total steps credited so far.
    pub fn steps(&self) -> u64 {
        self.total
    }

    /// Forget the signal history (e.g. after a pause or a gap in sensor
    /// delivery) but keep the total. Held-back, not yet credited peaks are
    /// dropped.
    pub fn reset_signal(&mut self) {
        let total = self.total;
        *self = Self::new();
        self.total = total;
    }

    /// Feed one sample: `t` in seconds (any origin; non-decreasing expected,
    /// duplicates, backwards jitter and gaps tolerated), `x, y, z` acceleration
    /// including gravity in m/s^2. Calls `on_step(time_s)` once for every newly
    /// credited step, in time order; steps held back while a rhythm was being
    /// confirmed are credited with their original times. Non-finite samples
    /// and physically impossible readings (any axis beyond 20 g) are skipped
    /// like a lost event.
    #[inline]
    pub fn push(&mut self, t: f64, x: f64, y: f64, z: f64, mut on_step: impl FnMut(f64)) {
        // `!(a <= b)` is also true for NaN.
        if !(t.is_finite()
            && x.abs() <= MAX_READING
            && y.abs() <= MAX_READING
            && z.abs() <= MAX_READING)
        {
            return;
        }
        let v = [x, y, z];
        if v != self.last_v {
            self.last_v = v;
            if self.reading_t.is_nan() {
                self.reading_t0 = t;
                self.reading_t = t;
            }
            if t >= self.reading_t {
                self.reading_sum *= (-(t - self.reading_t) / RATE_TAU).exp();
                self.reading_t = t;
            }
            self.reading_sum += 1.0;
        }
        let mut uniform = self.uniform;
        let feed = uniform.push(t, v, |tt, vv| self.tick(tt, vv, &mut on_step));
        self.uniform = uniform;
        if feed == Feed::Gap {
            self.reset_signal();
            let mut uniform = self.uniform;
            uniform.push(t, v, |tt, vv| self.tick(tt, vv, &mut on_step));
            self.uniform = uniform;
        }
    }

    #[inline]
    fn tick(&mut self, t: f64, v: [f64; 3], on_step: &mut impl FnMut(f64)) {
        // Magnitude, capped where gait ends: walking impacts at the phone
        // stay under ~3 g and running under ~5 g, so anything above is a
        // knock or a drop and must not inflate the energy trackers for
        // seconds after it.
        let m = (v[0] * v[0] + v[1] * v[1] + v[2] * v[2])
            .sqrt()
            .min(MAX_GAIT);
        if !self.started {
            self.started = true;
            self.baseline = m;
            self.gravity = v;
        }
        let d = m - self.baseline;
        self.recent[self.recent_head] = d as f32;
        self.recent_head = (self.recent_head + 1) % SHAKE_N;
        let b = self.lp.process(self.hp.process(d));
        let h = self.hf2.process(self.hf.process(d));
        let ag = self.a_gravity;
        for (g, vi) in self.gravity.iter_mut().zip(v) {
            *g += ag * (vi - *g);
        }
        if t - self.gsnap_t >= GSNAP_EVERY_S {
            self.gsnap_t = t;
            self.gsnap[self.gsnap_head] = self.gravity;
            self.gsnap_head = (self.gsnap_head + 1) % GSNAP;
            self.gsnap_len = (self.gsnap_len + 1).min(GSNAP);
        }
        self.energy += self.a_energy * (b * b - self.energy);
        let ah = self.a_hf;
        self.hf_energy += ah * (h * h - self.hf_energy);
        self.band_energy_short += ah * (b * b - self.band_energy_short);

        // Finalise a pending peak once no larger one can replace it.
        if let Some(p) = self.pending {
            if t - p.t >= self.refractory() {
                self.pending = None;
                self.gate(p, t, on_step);
            }
        }

        // Local maximum at the previous tick?
        if self.b1 > self.b2 && self.b1 >= b {
            let tp = t - 1.0 / FS;
            let prom = self.b1 - self.trough;
            if prom >= MIN_PROMINENCE
                && self.b1 >= REL_THRESHOLD * self.energy.sqrt()
                && self.reading_rate(t) >= MIN_READING_RATE
            {
                let back = GSNAP_BACK.min(self.gsnap_len.saturating_sub(1));
                let early = self.gsnap[(self.gsnap_head + GSNAP - 1 - back) % GSNAP];
                let (down, down_before) = (unit(self.gravity), unit(early));
                let c = Candidate {
                    t: tp,
                    prominence: prom,
                    sharpness: (self.hf_energy / self.band_energy_short.max(1e-12)).sqrt(),
                    down,
                    down_before,
                    credited: false,
                    turned: dot(down, down_before) < SETTLED_TILT_DEG.to_radians().cos(),
                    stray: false,
                };
                match self.pending {
                    Some(p) if tp - p.t < self.refractory() => {
                        if c.prominence > p.prominence {
                            self.pending = Some(c);
                        }
                    }
                    _ => self.pending = Some(c),
                }
                self.trough = self.b1;
            }
        }
        if b < self.trough {
            self.trough = b;
        }
        self.b2 = self.b1;
        self.b1 = b;
    }

    /// Distinct readings per second over the last ~2 s at time `t`.
    fn reading_rate(&self, t: f64) -> f64 {
        let span = t - self.reading_t0;
        if span.is_nan() || span <= 0.25 {
            // Too early to tell: judge from what arrived so far.
            return if span > 0.0 {
                self.reading_sum / span.max(0.1)
            } else {
                f64::INFINITY
            };
        }
        let decay = (-(t - self.reading_t).max(0.0) / RATE_TAU).exp();
        self.reading_sum * decay / (RATE_TAU * (1.0 - (-span / RATE_TAU).exp()))
    }

    /// Minimum spacing of two step peaks: 0.25 s, or inside a bout a fixed
    /// fraction of the stride period.
    #[inline]
    fn refractory(&self) -> f64 {
        MIN_STEP_INTERVAL.max(REFRACTORY_STRIDES * self.stride)
    }

    /// The peak `back` places before the latest (0: the latest).
    fn at(&self, back: usize) -> &Candidate {
        &self.ring[(self.head + RING - 1 - back) % RING]
    }

    fn at_mut(&mut self, back: usize) -> &mut Candidate {
        &mut self.ring[(self.head + RING - 1 - back) % RING]
    }

    /// `now`: the time of the latest tick (the end of `recent`).
    fn gate(&mut self, c: Candidate, now: f64, on_step: &mut impl FnMut(f64)) {
        if self.stride > 0.0 && c.t - self.bout_last > BOUT_TIMEOUT_STRIDES * self.stride {
            self.stride = 0.0;
            self.tentative = 0;
        }
        if c.turned {
            // The carry turned by more than SETTLED_TILT_DEG within ~2 s:
            // the phone is being handled (pocketed, taken out, turned
            // over), and a phone carried by a walker does not turn so.
            // Whatever rhythm was building or going on ends, and what
            // follows is a walk from rest that must show the longer
            // confirmation of a handled start (HANDLED_WINDOW).
            self.stride = 0.0;
            self.tentative = 0;
            self.handled_at = c.t;
        }
        if self.stride > 0.0 && c.prominence < BOUT_MIN_AMP * self.amp {
            return;
        }
        self.ring[self.head] = c;
        self.head = (self.head + 1) % RING;
        self.len = (self.len + 1).min(RING);
        if self.stride > 0.0 && self.len >= 4 {
            let s0 = self.at(0).t - self.at(2).t;
            let s1 = self.at(1).t - self.at(3).t;
            // The last two strides keep the bout's period, and the last four
            // peaks still look like steps (impact and sharpness as at start).
            let mut sharp = [0.0; 4];
            let mut prom = [0.0; 4];
            for i in 0..4 {
                sharp[i] = self.at(i).sharpness;
                prom[i] = self.at(i).prominence;
            }
            if (s0 - self.stride).abs() <= BOUT_TOL * self.stride
                && (s1 - self.stride).abs() <= BOUT_TOL * self.stride
                && (START_MIN_SHARPNESS..=START_MAX_SHARPNESS).contains(&median(&mut sharp))
                && median(&mut prom) >= START_MIN_AMP
            {
                if !(STRIDE_MIN..=STRIDE_MAX)
                    .contains(&(self.stride + STRIDE_EMA * (s0 - self.stride)))
                {
                    // The bout's stride drifted out of walking's range: at
                    // the slow end this is every other step missed (a long
                    // stride's refractory swallows the weaker foot's peak,
                    // which keeps the stride long), not a walk at < 1 step/s.
                    // End the bout so both feet's peaks are seen again.
                    self.stride = 0.0;
                    self.tentative = 0;
                    return;
                }
                self.stride += STRIDE_EMA * (s0 - self.stride);
                self.amp += AMP_EMA * (c.prominence - self.amp);
                self.bout_last = c.t;
                if self.tentative > 0 {
                    // A walk from rest: credited once it has gone on.
                    self.tentative += 1;
                    if self.tentative >= self.confirm {
                        let first = self.at(self.tentative.min(self.len) - 1).t;
                        if self.shaking(now - first + SHAKE_LEAD) {
                            // The phone is being shaken: handling, not a
                            // walk. As after a carry turn, what follows is
                            // a walk from rest needing HANDLED_WINDOW
                            // peaks, and no walk is extended back over the
                            // shake's peaks.
                            for k in 0..self.tentative.min(self.len) {
                                self.at_mut(k).stray = true;
                            }
                            self.stride = 0.0;
                            self.tentative = 0;
                            self.handled_at = c.t;
                            return;
                        }
                        let n = self.backfill(self.tentative);
                        self.credit(n, on_step);
                        self.tentative = 0;
                    }
                } else {
                    self.credit(4, on_step);
                }
                return;
            }
            if self.tentative > 0 {
                // The rhythm did not go on: not a walk.
                self.stride = 0.0;
                self.tentative = 0;
            }
        }
        let handled = self.handled_at > self.last_credit;
        let fresh = c.t - self.last_credit > FRESH_AFTER_S || handled;
        if self.len >= START_WINDOW {
            if let Some((med, amp, settled)) = self.start_window(START_WINDOW) {
                self.stride = med;
                self.amp = amp;
                self.bout_last = c.t;
                if fresh && amp < FRESH_MIN_AMP {
                    self.stride = 0.0;
                } else if fresh {
                    self.confirm = if settled && !handled {
                        FRESH_WINDOW
                    } else {
                        HANDLED_WINDOW
                    };
                    self.tentative = START_WINDOW;
                } else {
                    let n = self.backfill(START_WINDOW);
                    self.credit(n, on_step);
                }
            }
        }
    }

    /// Do the last `n` peaks look like the start of a walk? Returns the
    /// median stride and prominence, and whether the carry orientation was
    /// settled from ~2 s before the first peak (see SETTLED_TILT_DEG).
    fn start_window(&self, n: usize) -> Option<(f64, f64, bool)> {
        let mut strides = [0.0; RING];
        for (i, s) in strides.iter_mut().enumerate().take(n - 2) {
            *s = self.at(i).t - self.at(i + 2).t;
        }
        let med = median_n(&mut strides.clone(), n - 2);
        let mut amps = [0.0; RING];
        let mut sharp = [0.0; RING];
        let mut min_cos: f64 = 1.0;
        let mut min_cos_before: f64 = 1.0;
        let first = self.at(n - 1);
        for i in 0..n {
            let c = self.at(i);
            amps[i] = c.prominence;
            sharp[i] = c.sharpness;
            min_cos = min_cos.min(dot(c.down, first.down));
            min_cos_before = min_cos_before.min(dot(c.down, first.down_before));
        }
        sort_f64(&mut amps[..n]);
        let amp = median(&mut amps[..n]);
        let sharpness = median_n(&mut sharp, n);
        let ok = (STRIDE_MIN..=STRIDE_MAX).contains(&med)
            && amp >= START_MIN_AMP
            && (START_MIN_SHARPNESS..=START_MAX_SHARPNESS).contains(&sharpness)
            && min_cos >= START_MAX_TILT_DEG.to_radians().cos()
            && strides[..n - 2]
                .iter()
                .all(|s| (s - med).abs() <= START_TOL * med)
            && amps[0] * START_AMP_RATIO >= amp
            && amps[n - 1] <= START_AMP_RATIO * amp;
        let settled = min_cos_before >= SETTLED_TILT_DEG.to_radians().cos();
        ok.then_some((med, amp, settled))
    }

    /// A bout was just confirmed on its last `n` peaks: extend it back over
    /// earlier held-back peaks that keep its stride (each within BOUT_TOL of
    /// the peak two later, and at least the refractory spacing from the
    /// next). The first steps of a walk are often uneven in impact, so
    /// which peak a start window happens to begin on depends on small
    /// differences in sampling; walking the rhythm back makes the count
    /// not depend on it. Returns the number of peaks to credit.
    fn backfill(&mut self, n: usize) -> usize {
        let (mut next1, mut next2) = (self.at(n - 1).t, self.at(n - 2).t);
        let mut k = n;
        let mut init_left: Option<usize> = None;
        while k < self.len {
            let p = *self.at(k);
            if p.credited || p.t <= self.last_credit || p.stray {
                break;
            }
            if p.prominence < BOUT_MIN_AMP * self.amp {
                // A secondary bump, as a running bout would have dropped it.
                self.at_mut(k).stray = true;
                k += 1;
                continue;
            }
            let s = next2 - p.t;
            let slow = s > (1.0 + BOUT_TOL) * self.stride;
            if s < (1.0 - BOUT_TOL) * self.stride
                || s > (1.0 + GAIT_INIT_TOL) * self.stride
                || next1 - p.t < self.refractory()
            {
                break;
            }
            if let Some(left) = init_left.as_mut() {
                if *left == 0 {
                    break;
                }
                *left -= 1;
            } else if slow {
                // The walk's first steps from rest: at most GAIT_INIT_STEPS
                // of them, and nothing before them (the walker stood).
                init_left = Some(GAIT_INIT_STEPS - 1);
            }
            next2 = next1;
            next1 = p.t;
            k += 1;
        }
        k
    }

    /// Is the strongest oscillation of |a| over the last `secs` a shake
    /// (see SHAKE_MIN_HZ)? Goertzel power every 0.05 Hz from 0.5 to 8 Hz
    /// over a Hann-windowed, mean-removed copy of `recent`.
    fn shaking(&self, secs: f64) -> bool {
        let n = ((secs * FS).round() as usize).clamp(16, SHAKE_N);
        let mut x = [0.0; SHAKE_N];
        let mut mean = 0.0;
        for (i, xi) in x.iter_mut().enumerate().take(n) {
            *xi = self.recent[(self.recent_head + SHAKE_N - n + i) % SHAKE_N] as f64;
            mean += *xi / n as f64;
        }
        // Cosines by the recurrence cos((i+1)a) = 2 cos(a) cos(ia) -
        // cos((i-1)a), from a short series: no trigonometry in the wasm.
        let tau = std::f64::consts::TAU;
        let cw = cos_small(tau / n as f64);
        let (mut c0, mut c1) = (1.0, cw);
        for xi in x.iter_mut().take(n) {
            *xi = (*xi - mean) * (0.5 - 0.5 * c0);
            (c0, c1) = (c1, 2.0 * cw * c1 - c0);
        }
        let (mut gait, mut shake): (f64, f64) = (0.0, 0.0);
        let cf = cos_small(tau / 20.0 / FS);
        let (mut c0, mut c1) = (1.0, cf);
        for k in 0..=160 {
            let f = k as f64 / 20.0;
            let c = 2.0 * c0;
            (c0, c1) = (c1, 2.0 * cf * c1 - c0);
            if k < 10 {
                continue;
            }
            let (mut s1, mut s2) = (0.0, 0.0);
            for &v in x.iter().take(n) {
                (s1, s2) = (v + c * s1 - s2, s1);
            }
            let p = s1 * s1 + s2 * s2 - c * s1 * s2;
            if f <= SHAKE_MIN_HZ {
                gait = gait.max(p);
            } else {
                shake = shake.max(p);
            }
        }
        shake >= SHAKE_RATIO * gait
    }

    fn credit(&mut self, n: usize, on_step: &mut impl FnMut(f64)) {
        for back in (0..n).rev() {
            let last_credit = self.last_credit;
            let c = self.at_mut(back);
            if !c.credited && !c.stray && c.t > last_credit {
                c.credited = true;
                let t = c.t;
                self.last_credit = t;
                self.total += 1;
                on_step(t);
            }
        }
    }
}
