//! Step-detector accuracy on the shared recordings.
//!
//! `cargo run --release --example step_accuracy -- [DATA_DIR] [--json FILE] [--verbose]`
//! (DATA_DIR defaults to `../shared/stepdata`). Prints a markdown table.

use std::io::Read;
use std::path::Path;

use loopwalk::domain::steps::{count_steps, resample_latest, trace};

fn read_text(path: &Path) -> std::io::Result<String> {
    let bytes = std::fs::read(path)?;
    let mut text = String::new();
    if path.extension().is_some_and(|e| e == "gz") {
        flate2::read::GzDecoder::new(&bytes[..]).read_to_string(&mut text)?;
    } else {
        text = String::from_utf8_lossy(&bytes).into_owned();
    }
    Ok(text)
}

fn load(path: &Path) -> Vec<trace::Sample> {
    let text = read_text(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    trace::parse_trace(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn find_trace(dir: &Path, name: &str) -> std::path::PathBuf {
    let gz = dir.join(format!("{name}.csv.gz"));
    if gz.exists() {
        gz
    } else {
        dir.join(format!("{name}.csv"))
    }
}

fn count(samples: &[trace::Sample], hz: Option<f64>) -> u64 {
    match hz {
        Some(hz) => count_steps(&resample_latest(samples, hz)),
        None => count_steps(samples),
    }
}

struct OxfordRow {
    folder: String,
    rate: String,
    median: f64,
    mean: f64,
    worst_name: String,
    worst: f64,
    traces: usize,
}

fn median(v: &mut [f64]) -> f64 {
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

fn main() {
    let mut dir = String::from("../shared/stepdata");
    let mut json: Option<String> = None;
    let mut verbose = false;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--json" => json = args.next(),
            "--verbose" | "-v" => verbose = true,
            _ => dir = a,
        }
    }
    let dir = Path::new(&dir);
    let rates: [(Option<f64>, &str); 2] = [(None, "native"), (Some(60.0), "60 Hz")];

    let mut rows = Vec::new();
    for folder in ["optimisation", "validation"] {
        let fdir = dir.join("oxford").join(folder);
        let Ok(truth) = std::fs::read_to_string(fdir.join("truth.tsv")) else {
            eprintln!("skipping oxford/{folder}: no truth.tsv");
            continue;
        };
        let truth = trace::parse_truth(&truth);
        let traces: Vec<(String, u64, Vec<trace::Sample>)> = truth
            .into_iter()
            .map(|(name, n)| {
                let s = load(&find_trace(&fdir, &name));
                (name, n, s)
            })
            .collect();
        for (hz, rate) in rates {
            let errs: Vec<(String, f64, u64, u64)> = std::thread::scope(|sc| {
                let hs: Vec<_> = traces
                    .chunks(traces.len().div_ceil(4).max(1))
                    .map(|ch| {
                        sc.spawn(move || {
                            ch.iter()
                                .map(|(name, n, s)| {
                                    let c = count(s, hz);
                                    let e = (c as f64 - *n as f64).abs() / *n as f64 * 100.0;
                                    (name.clone(), e, c, *n)
                                })
                                .collect::<Vec<_>>()
                        })
                    })
                    .collect();
                hs.into_iter().flat_map(|h| h.join().unwrap()).collect()
            });
            if verbose {
                for (name, e, c, n) in &errs {
                    eprintln!("{folder}\t{rate}\t{name}\t{c}\t{n}\t{e:.1}%");
                }
            }
            let mut es: Vec<f64> = errs.iter().map(|e| e.1).collect();
            let mean = es.iter().sum::<f64>() / es.len() as f64;
            let worst = errs.iter().max_by(|a, b| a.1.total_cmp(&b.1)).unwrap();
            rows.push(OxfordRow {
                folder: folder.to_string(),
                rate: rate.to_string(),
                median: median(&mut es),
                mean,
                worst_name: worst.0.clone(),
                worst: worst.1,
                traces: errs.len(),
            });
        }
    }

    println!("| Oxford folder | rate | traces | median abs error | mean abs error | worst trace |");
    println!("|---|---|---|---|---|---|");
    for r in &rows {
        println!(
            "| {} | {} | {} | {:.2}% | {:.2}% | {} ({:.1}%) |",
            r.folder, r.rate, r.traces, r.median, r.mean, r.worst_name, r.worst
        );
    }

    // MotionSense
    let mdir = dir.join("motionsense");
    let mut ms_rows = Vec::new();
    if let Ok(labels) = std::fs::read_to_string(mdir.join("labels.tsv")) {
        let labels = trace::parse_labels(&labels);
        let traces: Vec<(trace::Label, Vec<trace::Sample>)> = labels
            .into_iter()
            .map(|l| {
                let s = load(&mdir.join(&l.file));
                (l, s)
            })
            .collect();
        for (hz, rate) in rates {
            let (mut still_steps, mut still_min, mut still_n) = (0u64, 0.0, 0usize);
            let (mut moving_ok, mut moving_n) = (0usize, 0usize);
            let mut worst_still = (String::new(), 0u64);
            let mut cad_min = (String::new(), f64::INFINITY);
            let mut cad_max = (String::new(), 0.0f64);
            for (l, s) in &traces {
                let c = count(s, hz);
                let name = trace::trace_name(&l.file).to_string();
                if l.expected == "0" {
                    still_steps += c;
                    still_min += l.duration_s / 60.0;
                    still_n += 1;
                    if c > worst_still.1 {
                        worst_still = (name.clone(), c);
                    }
                    if verbose && c > 0 {
                        eprintln!("motionsense\t{rate}\t{name}\t{c} false steps");
                    }
                } else {
                    let cad = c as f64 / l.duration_s;
                    moving_n += 1;
                    if (1.2..=3.5).contains(&cad) {
                        moving_ok += 1;
                    } else if verbose {
                        eprintln!("motionsense\t{rate}\t{name}\tcadence {cad:.2}");
                    }
                    if cad < cad_min.1 {
                        cad_min = (name.clone(), cad);
                    }
                    if cad > cad_max.1 {
                        cad_max = (name.clone(), cad);
                    }
                }
            }
            ms_rows.push((
                rate,
                still_steps,
                still_min,
                still_n,
                worst_still,
                moving_ok,
                moving_n,
                cad_min,
                cad_max,
            ));
        }
        println!();
        println!("| MotionSense | rate | sit/stand false steps per minute | sit/stand worst | walk/jog/stairs cadence in 1.2-3.5 steps/s | lowest / highest cadence |");
        println!("|---|---|---|---|---|---|");
        for (rate, st, mins, n, ws, ok, mn, cmin, cmax) in &ms_rows {
            println!(
                "| {n} still + {mn} moving | {rate} | {:.3} ({st} steps / {mins:.1} min) | {} ({}) | {:.1}% ({ok}/{mn}) | {} {:.2} / {} {:.2} |",
                *st as f64 / mins,
                if ws.0.is_empty() { "-" } else { &ws.0 },
                ws.1,
                100.0 * *ok as f64 / *mn as f64,
                cmin.0, cmin.1, cmax.0, cmax.1
            );
        }
    } else {
        eprintln!("skipping motionsense: no labels.tsv");
    }

    if let Some(path) = json {
        let ox: Vec<_> = rows
            .iter()
            .map(|r| {
                serde_json::json!({
                    "folder": r.folder, "rate": r.rate, "traces": r.traces,
                    "median_abs_error_pct": r.median, "mean_abs_error_pct": r.mean,
                    "worst_trace": r.worst_name, "worst_abs_error_pct": r.worst,
                })
            })
            .collect();
        let ms: Vec<_> = ms_rows
            .iter()
            .map(|(rate, st, mins, n, ws, ok, mn, cmin, cmax)| {
                serde_json::json!({
                    "rate": rate, "still_recordings": n, "still_false_steps": st,
                    "still_minutes": mins, "false_steps_per_minute": *st as f64 / mins,
                    "still_worst_trace": ws.0, "still_worst_steps": ws.1,
                    "moving_recordings": mn, "moving_cadence_ok": ok,
                    "moving_cadence_ok_pct": 100.0 * *ok as f64 / *mn as f64,
                    "lowest_cadence_trace": cmin.0, "lowest_cadence": cmin.1,
                    "highest_cadence_trace": cmax.0, "highest_cadence": cmax.1,
                })
            })
            .collect();
        let doc = serde_json::json!({ "oxford": ox, "motionsense": ms });
        std::fs::write(&path, serde_json::to_string_pretty(&doc).unwrap())
            .unwrap_or_else(|e| panic!("{path}: {e}"));
    }
}
