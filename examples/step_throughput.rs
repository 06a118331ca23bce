//! Step-detector throughput on one core.
//!
//! `cargo run --release --example step_throughput -- [DATA_DIR]`
//! (DATA_DIR defaults to `../shared/stepdata`; falls back to the in-repo
//! sample in `tests/data/stepdata`). Feeds every Oxford trace at its native
//! rate through a fresh detector, repeatedly for at least ~2 s, and prints
//! samples per second and nanoseconds per sample.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Instant;

use loopwalk::domain::steps::{trace, StepDetector};

fn read_gz(path: &Path) -> String {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut text = String::new();
    if path.extension().is_some_and(|e| e == "gz") {
        flate2::read::GzDecoder::new(&bytes[..])
            .read_to_string(&mut text)
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    } else {
        text = String::from_utf8_lossy(&bytes).into_owned();
    }
    text
}

fn traces(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for folder in ["optimisation", "validation"] {
        if let Ok(rd) = std::fs::read_dir(dir.join("oxford").join(folder)) {
            for e in rd.flatten() {
                let p = e.path();
                let name = p.to_string_lossy();
                if name.ends_with(".csv.gz") || name.ends_with(".csv") {
                    out.push(p);
                }
            }
        }
    }
    out.sort();
    out
}

fn main() {
    let dir = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "../shared/stepdata".into());
    let mut files = traces(Path::new(&dir));
    if files.is_empty() {
        eprintln!("no Oxford traces under {dir}; using tests/data/stepdata");
        files = traces(Path::new("tests/data/stepdata"));
    }
    assert!(!files.is_empty(), "no traces found");
    let data: Vec<Vec<trace::Sample>> = files
        .iter()
        .map(|p| trace::parse_trace(&read_gz(p)).unwrap_or_else(|e| panic!("{}: {e}", p.display())))
        .collect();
    let per_pass: usize = data.iter().map(Vec::len).sum();

    let mut samples = 0usize;
    let mut steps = 0u64;
    let start = Instant::now();
    while samples == 0 || start.elapsed().as_secs_f64() < 2.0 {
        for s in &data {
            let mut d = StepDetector::new();
            for &(t, x, y, z) in s {
                d.push(t, x, y, z, |_| {});
            }
            steps += d.steps();
        }
        samples += per_pass;
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{} traces, {samples} samples in {secs:.2} s ({steps} steps): {:.1} million samples/s, {:.1} ns/sample",
        data.len(),
        samples as f64 / secs / 1e6,
        secs * 1e9 / samples as f64
    );
}
