//! Streaming step detector: pure Rust (no `web-sys`, no `leptos`), one
//! sample in at a time, confirmed steps out, fixed memory, deterministic.
//!
//! Input: `(t seconds, x, y, z)`, acceleration *including gravity* in m/s^2,
//! as `devicemotion` delivers it, at any rate from 25 to 400 Hz, irregular,
//! with duplicated or slightly backwards timestamps and gaps.
//!
//! # Pipeline
//!
//! 1. **Fixed internal clock**: the stream is linearly
//!    interpolated onto a 50 Hz grid, so every later stage uses fixed
//!    coefficients and behaves the same at 25 or 400 Hz. Duplicates and
//!    backwards jitter only update the latest value; a hole longer than
//!    0.5 s (more than 10 frames at the slowest rate) is a gap: all signal
//!    and rhythm history is forgotten, so a gap can neither create steps nor
//!    join two walks.
//! 2. **Orientation-free signal**: the magnitude `|a|` (the same for any carry
//!    position, axis order or sign convention), minus its first value, then a
//!    Butterworth band-pass 0.7-3 Hz (two biquads). Walking steps are 1-4 Hz
//!    with most energy at the step rate; below 0.7 Hz is posture and gravity
//!    drift, above 3 Hz jitter. A 4th-order high-pass above 5 Hz measures the
//!    *heel-strike* content, and a 1 s low-pass of the raw vector tracks the
//!    gravity direction (carry orientation).
//! 3. **Step peaks**: local maxima of the band signal that rise at least
//!    0.4 m/s^2 above the preceding trough (lightest careful walking is
//!    ~0.5-1 m/s^2 peak-to-peak, a phone on a table ~0.02) and reach half the
//!    recent (2.5 s) RMS, so the threshold follows the carry (hand ~1 m/s^2,
//!    pocket many m/s^2). Peaks closer than 0.25 s (a sprint is 4 steps/s),
//!    or inside a walk closer than 0.3 stride periods, are one step and the
//!    larger wins: real steps are at least a third of a stride apart even when
//!    left and right peaks are uneven (back pocket: 0.4 s / 0.8 s), while the
//!    double hump of a slow step (heel strike, then push-off ~0.35 s later)
//!    is merged.
//! 4. **Rhythm gate**: candidate peaks are held back in an 8-slot ring. A walk
//!    (a *bout*) starts when 6 consecutive peaks form 4 overlapping strides
//!    (two steps; checked per stride so the alternating back-pocket pattern
//!    passes) each within 20% of their median (healthy and careful walking
//!    varies < 10-15% stride to stride), the median stride is 0.44-2.0 s
//!    (1 to 4.5 steps/s), and the window looks like walking: every peak within
//!    4x of the median prominence, median prominence >= 0.6 m/s^2, median
//!    heel-strike sharpness 0.05-4 (walking measured 0.12-1.8, a smooth
//!    vehicle sway ~0.01, a fast shake > 4), and the gravity direction turns
//!    < 75 degrees across it (handling turns the phone 90-180 degrees). Then
//!    all held-back peaks of the window are credited *with their own times*,
//!    so short walks are not undercounted. Inside a bout each new peak is
//!    credited when the last 4 peaks keep the bout's stride (within 25%) and
//!    still look like steps (same impact and sharpness bounds); peaks under a
//!    third of the bout's typical prominence are dropped as secondary bumps.
//!    A bout ends after two stride periods without a credited step; a broken
//!    rhythm only costs the stray peak: the following peaks are held back and
//!    credited as soon as they form a rhythm again.
//!
//! 5. **Edges of a walk** (see `docs/step-detector.md`): readings beyond
//!    20 g or not finite are skipped like lost events and |a| is capped at
//!    5 g; a burst of late events after a stall is spread back over the
//!    stall; peaks seen while fewer than 20 distinct readings a second
//!    arrive are not steps (a heel strike cannot be seen); a walk from rest
//!    (no step for 5 s) is held back until it goes on for 8 peaks (12 if
//!    the phone was turning, as when it is pocketed; a carry that turns
//!    more than 45 degrees within ~2 s at any peak ends a rhythm and makes
//!    what follows such a walk from rest) and shows the impact
//!    of gait (median prominence >= 1 m/s^2) and is not a shake (the
//!    strongest oscillation of |a| over its peaks above 3.5 Hz, faster than
//!    any cadence, with twice the power of any in the cadence range: a hand
//!    jiggling the phone; it then counts as handling); once confirmed it is extended
//!    back over the held-back peaks that keep its stride, allowing the
//!    slower strides of gait initiation (up to +50%, at most 2 steps). A
//!    bout whose running stride drifts out of 0.44-2.0 s ends (a stride
//!    that long means the weaker foot's peaks are being swallowed).
//!
//! Every threshold is a physical bound (cadence range, impact size, impact
//! sharpness, orientation change) set with a margin of about 2x outside what
//! real walking in the shared data measured, not a fitted optimum; see
//! `docs/step-detector.md` for the measurements.
//!
//! Memory is a fixed-size struct (no heap, no per-sample allocation); the
//! same input always gives the same steps.

mod detector;
mod filter;
mod resample;
pub mod trace;

pub use detector::StepDetector;
pub use resample::resample_latest;

/// Count the steps in a whole trace of `(t, x, y, z)` samples.
pub fn count_steps(samples: &[(f64, f64, f64, f64)]) -> u64 {
    let mut d = StepDetector::new();
    for &(t, x, y, z) in samples {
        d.push(t, x, y, z, |_| {});
    }
    d.steps()
}
