//! Count steps in recorded traces.
//!
//! `cargo run --release --example stepcount -- [--hz N] FILE...`
//! Prints `<name>\t<steps>` per file (name without `.csv` / `.csv.gz`).
//! `--hz N` first resamples as a browser would deliver at N Hz.

use std::io::Read;

use loopwalk::domain::steps::{count_steps, resample_latest, trace};

fn read_text(path: &str) -> std::io::Result<String> {
    let bytes = std::fs::read(path)?;
    let mut text = String::new();
    if path.ends_with(".gz") {
        flate2::read::GzDecoder::new(&bytes[..]).read_to_string(&mut text)?;
    } else {
        text = String::from_utf8_lossy(&bytes).into_owned();
    }
    Ok(text)
}

fn main() {
    let mut hz: Option<f64> = None;
    let mut files = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        if a == "--hz" {
            let v = args.next().and_then(|v| v.parse().ok());
            match v {
                Some(v) if v > 0.0 => hz = Some(v),
                _ => {
                    eprintln!("--hz needs a positive number");
                    std::process::exit(2);
                }
            }
        } else if let Some(v) = a.strip_prefix("--hz=") {
            hz = v.parse().ok();
        } else {
            files.push(a);
        }
    }
    if files.is_empty() {
        eprintln!("usage: stepcount [--hz N] FILE...");
        std::process::exit(2);
    }
    let mut failed = false;
    for f in &files {
        let samples = match read_text(f)
            .map_err(|e| e.to_string())
            .and_then(|t| trace::parse_trace(&t))
        {
            Ok(s) => s,
            Err(e) => {
                eprintln!("{f}: {e}");
                failed = true;
                continue;
            }
        };
        let samples = match hz {
            Some(hz) => resample_latest(&samples, hz),
            None => samples,
        };
        println!("{}\t{}", trace::trace_name(f), count_steps(&samples));
    }
    if failed {
        std::process::exit(1);
    }
}
