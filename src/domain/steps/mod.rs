//! Streaming step detector (docs to follow).

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
