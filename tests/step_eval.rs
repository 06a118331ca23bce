//! Shared evaluation code for the step detector: data-set loaders, a seeded
//! model of browser sensor delivery, and the summaries printed by
//! `examples/step_accuracy.rs` and asserted by `tests/step_detector.rs`.
//! Included with `#[path]` by both; as a test target of its own it only runs
//! the delivery model's self-checks at the bottom.
#![allow(dead_code)]

use std::io::Read;
use std::path::{Path, PathBuf};

use loopwalk::domain::steps::{resample_latest, trace, StepDetector};

pub type S = trace::Sample;

// ------------------------------------------------------------------ data --

/// The folder of the shared step data: `dir` if given, else
/// `../shared/stepdata` next to the repository.
pub fn data_dir(dir: Option<&str>) -> PathBuf {
    match dir {
        Some(d) => PathBuf::from(d),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/stepdata"),
    }
}

pub fn read_text(path: &Path) -> std::io::Result<String> {
    let bytes = std::fs::read(path)?;
    let mut text = String::new();
    if path.extension().is_some_and(|e| e == "gz") {
        flate2::read::GzDecoder::new(&bytes[..]).read_to_string(&mut text)?;
    } else {
        text = String::from_utf8_lossy(&bytes).into_owned();
    }
    Ok(text)
}

pub fn load(path: &Path) -> Vec<S> {
    let text = read_text(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    trace::parse_trace(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn find_trace(dir: &Path, name: &str) -> PathBuf {
    let gz = dir.join(format!("{name}.csv.gz"));
    if gz.exists() {
        gz
    } else {
        dir.join(format!("{name}.csv"))
    }
}

/// A recording with what is known about it.
#[derive(Clone, Debug)]
pub struct Rec {
    /// `<set>/<name>`.
    pub name: String,
    pub samples: Vec<S>,
    /// Ground-truth steps (Oxford, Brajdic), `Some(0)` for non-walking.
    pub truth: Option<u64>,
    /// Brajdic: walk window (s, trace clock).
    pub window: Option<(f64, f64)>,
    /// MotionSense / vehicles label (sit, walk, car, ...).
    pub label: String,
    pub duration_s: f64,
}

fn duration(s: &[S]) -> f64 {
    match (s.first(), s.last()) {
        (Some(a), Some(b)) => b.0 - a.0,
        _ => 0.0,
    }
}

/// Oxford `optimisation` or `validation` (empty when absent).
pub fn oxford(dir: &Path, folder: &str) -> Vec<Rec> {
    let fdir = dir.join("oxford").join(folder);
    let Ok(t) = std::fs::read_to_string(fdir.join("truth.tsv")) else {
        return vec![];
    };
    par_map(&trace::parse_truth(&t), |(name, n)| {
        let samples = load(&find_trace(&fdir, name));
        Rec {
            name: format!("oxford/{folder}/{name}"),
            duration_s: duration(&samples),
            samples,
            truth: Some(*n),
            window: None,
            label: "walk".into(),
        }
    })
}

/// MotionSense (empty when absent). `truth` is `Some(0)` for sit/stand.
pub fn motionsense(dir: &Path) -> Vec<Rec> {
    let mdir = dir.join("motionsense");
    let Ok(t) = std::fs::read_to_string(mdir.join("labels.tsv")) else {
        return vec![];
    };
    par_map(&trace::parse_labels(&t), |l| Rec {
        name: format!("motionsense/{}", trace::trace_name(&l.file)),
        samples: load(&mdir.join(&l.file)),
        truth: (l.expected == "0").then_some(0),
        window: None,
        label: l.activity.clone(),
        duration_s: l.duration_s,
    })
}

/// Brajdic & Harle whole traces with their walk windows (empty when absent).
pub fn brajdic(dir: &Path) -> Vec<Rec> {
    let bdir = dir.join("brajdic");
    let (Ok(t), Ok(w)) = (
        std::fs::read_to_string(bdir.join("truth.tsv")),
        std::fs::read_to_string(bdir.join("walks.tsv")),
    ) else {
        return vec![];
    };
    let windows: Vec<(String, f64, f64)> = w
        .lines()
        .filter_map(|l| {
            let f: Vec<&str> = l.split('\t').map(str::trim).collect();
            Some((
                f.first()?.to_string(),
                f.get(1)?.parse().ok()?,
                f.get(2)?.parse().ok()?,
            ))
        })
        .collect();
    par_map(&trace::parse_truth(&t), |(name, n)| {
        let samples = load(&find_trace(&bdir, name));
        let window = windows.iter().find(|w| &w.0 == name).map(|w| (w.1, w.2));
        Rec {
            name: format!("brajdic/{name}"),
            duration_s: duration(&samples),
            samples,
            truth: Some(*n),
            window,
            label: "walk".into(),
        }
    })
}

/// US-TransportationMode vehicles and still (empty when absent); `label` is
/// the class, truth 0.
pub fn vehicles(dir: &Path) -> Vec<Rec> {
    vehicles_in(&dir.join("vehicles"))
}

/// Vehicle recordings listed in `<vdir>/labels.tsv` (`<file>\t<class>\t<s>`).
pub fn vehicles_in(vdir: &Path) -> Vec<Rec> {
    let Ok(t) = std::fs::read_to_string(vdir.join("labels.tsv")) else {
        return vec![];
    };
    let rows: Vec<(String, String, f64)> = t
        .lines()
        .filter_map(|l| {
            let f: Vec<&str> = l.split('\t').map(str::trim).collect();
            Some((
                f.first()?.to_string(),
                f.get(1)?.to_string(),
                f.get(2)?.parse().ok()?,
            ))
        })
        .collect();
    par_map(&rows, |(file, class, dur)| Rec {
        name: format!("vehicles/{}", trace::trace_name(file)),
        samples: load(&vdir.join(file)),
        truth: Some(0),
        window: None,
        label: class.clone(),
        duration_s: *dur,
    })
}

/// Map over items on a few threads, keeping the order.
pub fn par_map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    if items.is_empty() {
        return vec![];
    }
    let threads = std::thread::available_parallelism()
        .map_or(2, |n| n.get())
        .clamp(1, 8);
    let f = &f;
    std::thread::scope(|sc| {
        let hs: Vec<_> = items
            .chunks(items.len().div_ceil(threads))
            .map(|ch| sc.spawn(move || ch.iter().map(f).collect::<Vec<R>>()))
            .collect();
        hs.into_iter().flat_map(|h| h.join().unwrap()).collect()
    })
}

// ------------------------------------------------------------- detector --

/// Step times the detector credits on a stream.
pub fn step_times(samples: &[S]) -> Vec<f64> {
    let mut d = StepDetector::new();
    let mut out = Vec::new();
    for &(t, x, y, z) in samples {
        d.push(t, x, y, z, |s| out.push(s));
    }
    out
}

/// The stream a page sees at a clean `hz` ("latest sample at each tick").
pub fn at_hz(samples: &[S], hz: Option<f64>) -> Vec<S> {
    match hz {
        Some(hz) => resample_latest(samples, hz),
        None => samples.to_vec(),
    }
}

pub fn median(v: &[f64]) -> f64 {
    let mut v = v.to_vec();
    v.sort_by(|a, b| a.total_cmp(b));
    let n = v.len();
    if n == 0 {
        return f64::NAN;
    }
    if n % 2 == 1 {
        v[n / 2]
    } else {
        0.5 * (v[n / 2 - 1] + v[n / 2])
    }
}

pub fn mean(v: &[f64]) -> f64 {
    if v.is_empty() {
        return f64::NAN;
    }
    v.iter().sum::<f64>() / v.len() as f64
}

// ------------------------------------------------------- delivery model --

/// splitmix64: a tiny seeded generator (no dependency).
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0xD1B5_4A32_D192_ED03)
    }
    pub fn u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in [0, 1).
    pub fn f(&mut self) -> f64 {
        (self.u64() >> 11) as f64 / (1u64 << 53) as f64
    }
    pub fn range(&mut self, a: f64, b: f64) -> f64 {
        a + (b - a) * self.f()
    }
    pub fn chance(&mut self, p: f64) -> bool {
        self.f() < p
    }
    /// Exponential with the given mean.
    pub fn exp(&mut self, mean: f64) -> f64 {
        -mean * (1.0 - self.f()).ln()
    }
}

/// How events reach the page. Defaults are the "realistic" model of
/// issue 15: a phone browser's `devicemotion` on a busy main thread.
#[derive(Clone, Copy, Debug)]
pub struct Delivery {
    /// Event rate range (Hz): a rate is drawn at the start and again at each
    /// rate change.
    pub rate: (f64, f64),
    /// Mean seconds between rate changes (exponential); 0 = never.
    pub rate_change_every: f64,
    /// Dispatch latency after the sensor reading: fixed part + exponential
    /// jitter (s), capped.
    pub latency: f64,
    pub jitter_mean: f64,
    pub jitter_max: f64,
    /// Probability that an event is lost / delivered twice.
    pub drop: f64,
    pub duplicate: f64,
    /// Mean seconds between main-thread stalls (exponential); 0 = none.
    pub stall_every: f64,
    /// Stall length range (s).
    pub stall: (f64, f64),
    /// Share of stalls whose queued events arrive as a burst after the stall
    /// (stamped at delivery, 0.05 ms apart); the others coalesce (only the
    /// latest reading is delivered when the stall ends).
    pub stall_burst: f64,
}

impl Default for Delivery {
    fn default() -> Self {
        Delivery {
            rate: (50.0, 120.0),
            rate_change_every: 20.0,
            latency: 0.001,
            jitter_mean: 0.002,
            jitter_max: 0.015,
            drop: 0.02,
            duplicate: 0.02,
            stall_every: 8.0,
            stall: (0.1, 0.3),
            stall_burst: 0.7,
        }
    }
}

impl Delivery {
    /// Deliver a recording (`samples` on the sensor clock) as a page would
    /// receive it under this model with `seed`: events at a jittered,
    /// changing rate, each carrying the latest sensor reading at its tick and
    /// stamped with its dispatch time, with drops, duplicates and stalls.
    /// Timestamps are non-decreasing (as `Event.timeStamp` is).
    pub fn deliver(&self, samples: &[S], seed: u64) -> Vec<S> {
        let mut out = Vec::new();
        let Some(first) = samples.first() else {
            return out;
        };
        let mut rng = Rng::new(seed);
        let t0 = first.0;
        let t_end = samples.last().unwrap().0;
        out.reserve(((t_end - t0) * self.rate.1) as usize + 16);
        let mut rate = rng.range(self.rate.0, self.rate.1);
        let next_in = |rng: &mut Rng, every: f64| {
            if every > 0.0 {
                rng.exp(every)
            } else {
                f64::INFINITY
            }
        };
        let mut next_rate = t0 + next_in(&mut rng, self.rate_change_every);
        let mut stall_at = t0 + next_in(&mut rng, self.stall_every);
        let mut stall_end = stall_at + rng.range(self.stall.0, self.stall.1);
        let mut burst = rng.chance(self.stall_burst);
        // Events queued during a stall (coalescing keeps only the last).
        let mut queue: Vec<(f64, f64, f64)> = Vec::new();
        let mut last_stamp = f64::NEG_INFINITY;
        let mut i = 0usize;
        // Random grid phase.
        let mut tick = t0 + rng.f() / rate;
        let mut push = |out: &mut Vec<S>, stamp: f64, v: (f64, f64, f64)| {
            let s = stamp.max(last_stamp);
            last_stamp = s;
            out.push((s, v.0, v.1, v.2));
        };
        while tick <= t_end {
            while i + 1 < samples.len() && samples[i + 1].0 <= tick {
                i += 1;
            }
            let v = (samples[i].1, samples[i].2, samples[i].3);
            let dispatch = tick + self.latency + rng.exp(self.jitter_mean).min(self.jitter_max);
            if dispatch >= stall_end {
                // The stall is over: flush what it held back.
                for (k, q) in queue.drain(..).enumerate() {
                    push(&mut out, stall_end + 0.000_05 * k as f64, q);
                }
                stall_at = stall_end + next_in(&mut rng, self.stall_every);
                stall_end = stall_at + rng.range(self.stall.0, self.stall.1);
                burst = rng.chance(self.stall_burst);
            }
            if dispatch >= stall_at && dispatch < stall_end {
                if !burst {
                    queue.clear();
                }
                queue.push(v);
            } else if !rng.chance(self.drop) {
                push(&mut out, dispatch, v);
                if rng.chance(self.duplicate) {
                    push(&mut out, dispatch + rng.range(0.0, 0.001), v);
                }
            }
            if tick >= next_rate {
                rate = rng.range(self.rate.0, self.rate.1);
                next_rate = tick + next_in(&mut rng, self.rate_change_every);
            }
            tick += 1.0 / rate;
        }
        for (k, q) in queue.drain(..).enumerate() {
            push(&mut out, stall_end + 0.000_05 * k as f64, q);
        }
        out
    }
}

/// Count under realistic delivery against the clean 60 Hz count, per trace.
#[derive(Clone, Debug)]
pub struct DeliveryRow {
    pub name: String,
    pub clean: u64,
    /// Count per seed.
    pub counts: Vec<u64>,
}

impl DeliveryRow {
    /// Mean absolute difference from the clean count over the seeds (steps).
    pub fn mean_abs_diff(&self) -> f64 {
        mean(
            &self
                .counts
                .iter()
                .map(|&c| (c as f64 - self.clean as f64).abs())
                .collect::<Vec<_>>(),
        )
    }
    /// Largest absolute difference over the seeds (steps).
    pub fn worst_diff(&self) -> f64 {
        self.counts
            .iter()
            .map(|&c| (c as f64 - self.clean as f64).abs())
            .fold(0.0, f64::max)
    }
    /// The bound of issue 15 for the median trace: max(1 step, 0.5%).
    pub fn median_bound(&self) -> f64 {
        (0.005 * self.clean as f64).max(1.0)
    }
    /// Mean difference in units of the median bound (<= 1 meets it).
    pub fn mean_in_bounds(&self) -> f64 {
        self.mean_abs_diff() / self.median_bound()
    }
    /// Runs (seeds) more than max(1 step, `pct`% of the clean count) off:
    /// a 26-step stair flight cannot meet 2% with one step off, so a
    /// one-step difference is always within this bound.
    pub fn runs_over(&self, pct: f64) -> usize {
        let bound = (pct / 100.0 * self.clean as f64).max(1.0);
        self.counts
            .iter()
            .filter(|&&c| (c as f64 - self.clean as f64).abs() > bound)
            .count()
    }
    /// Worst difference as a share of the clean count (%); traces with few
    /// steps (still, vehicles) count a 1-step difference as within bounds.
    pub fn worst_pct(&self) -> f64 {
        let w = self.worst_diff();
        if w <= 1.0 {
            return 100.0 * w / (self.clean as f64).max(50.0);
        }
        100.0 * w / (self.clean as f64).max(1.0)
    }
}

pub fn delivery_rows(recs: &[Rec], model: &Delivery, seeds: u64) -> Vec<DeliveryRow> {
    par_map(recs, |r| {
        let clean = step_times(&resample_latest(&r.samples, 60.0)).len() as u64;
        let counts = (1..=seeds)
            .map(|seed| step_times(&model.deliver(&r.samples, seed)).len() as u64)
            .collect();
        DeliveryRow {
            name: r.name.clone(),
            clean,
            counts,
        }
    })
}

// ---------------------------------------------------------- summaries --

/// Per-trace signed error (%) on Brajdic: whole trace and inside the walk
/// window.
#[derive(Clone, Debug)]
pub struct BrajdicRow {
    pub name: String,
    pub truth: u64,
    pub whole: u64,
    pub window: u64,
}

impl BrajdicRow {
    pub fn whole_err(&self) -> f64 {
        100.0 * (self.whole as f64 - self.truth as f64) / self.truth as f64
    }
    pub fn window_err(&self) -> f64 {
        100.0 * (self.window as f64 - self.truth as f64) / self.truth as f64
    }
}

pub fn brajdic_rows(recs: &[Rec], hz: Option<f64>) -> Vec<BrajdicRow> {
    par_map(recs, |r| {
        let st = step_times(&at_hz(&r.samples, hz));
        let (a, b) = r.window.unwrap_or((f64::NEG_INFINITY, f64::INFINITY));
        BrajdicRow {
            name: r.name.clone(),
            truth: r.truth.unwrap_or(0),
            whole: st.len() as u64,
            window: st.iter().filter(|&&t| t >= a && t <= b).count() as u64,
        }
    })
}

/// False steps per vehicle recording.
#[derive(Clone, Debug)]
pub struct VehicleRow {
    pub name: String,
    pub class: String,
    pub minutes: f64,
    pub steps: u64,
}

pub fn vehicle_rows(recs: &[Rec], hz: Option<f64>) -> Vec<VehicleRow> {
    par_map(recs, |r| VehicleRow {
        name: r.name.clone(),
        class: r.label.clone(),
        minutes: r.duration_s / 60.0,
        steps: step_times(&at_hz(&r.samples, hz)).len() as u64,
    })
}

/// (class, recordings, minutes, false steps) per class, in a fixed order.
pub fn vehicle_classes(rows: &[VehicleRow]) -> Vec<(String, usize, f64, u64)> {
    let mut out: Vec<(String, usize, f64, u64)> = Vec::new();
    for class in ["car", "bus", "train", "still"] {
        let rs: Vec<&VehicleRow> = rows.iter().filter(|r| r.class == class).collect();
        if rs.is_empty() {
            continue;
        }
        out.push((
            class.to_string(),
            rs.len(),
            rs.iter().map(|r| r.minutes).sum(),
            rs.iter().map(|r| r.steps).sum(),
        ));
    }
    out
}

#[cfg(test)]
mod delivery_model {
    use super::*;

    fn clean(seconds: f64) -> Vec<S> {
        (0..(seconds * 100.0) as usize)
            .map(|i| (i as f64 / 100.0, i as f64, 0.0, 9.81))
            .collect()
    }

    #[test]
    fn the_delivery_model_is_seeded_and_realistic() {
        let s = clean(600.0);
        let m = Delivery::default();
        let a = m.deliver(&s, 3);
        assert_eq!(a, m.deliver(&s, 3), "same seed, same stream");
        assert_ne!(a, m.deliver(&s, 4), "another seed, another stream");
        // Non-decreasing stamps, rate within 50-120 Hz on average.
        assert!(a.windows(2).all(|w| w[1].0 >= w[0].0));
        let rate = a.len() as f64 / 600.0;
        assert!((50.0..120.0).contains(&rate), "{rate} Hz");
        // Stalls: holes of 100-300 ms, and bursts of events < 1 ms apart.
        let holes = a.windows(2).filter(|w| w[1].0 - w[0].0 > 0.09).count();
        assert!(holes >= 30, "{holes} stalls");
        assert!(a.windows(2).all(|w| w[1].0 - w[0].0 < 0.32));
        let tight = a.windows(2).filter(|w| w[1].0 - w[0].0 < 0.001).count();
        assert!(tight > 100, "{tight} burst or duplicate events");
        // Each event carries a reading no later than its stamp.
        assert!(a.iter().all(|e| e.1 / 100.0 <= e.0 + 1e-9));
    }
}
