//! Step-detector accuracy on the shared recordings.
//!
//! `cargo run --release --example step_accuracy -- [DATA_DIR] [--json FILE] [--verbose] [--seeds N]`
//! (DATA_DIR defaults to `../shared/stepdata`). Prints markdown tables:
//! Oxford (counted steps), MotionSense (still / cadence), Brajdic (whole
//! traces with handling, and inside the walk window), vehicles (false steps
//! per minute per class), and delivery robustness (every recording under a
//! seeded model of browser delivery against its clean 60 Hz count).

#[path = "../tests/step_eval.rs"]
mod eval;

use eval::{mean, median, Delivery, Rec};
use serde_json::json;

fn pct_row(errs: &[(String, f64)]) -> (f64, f64, String, f64) {
    let abs: Vec<f64> = errs.iter().map(|e| e.1.abs()).collect();
    let worst = errs
        .iter()
        .max_by(|a, b| a.1.abs().total_cmp(&b.1.abs()))
        .cloned()
        .unwrap_or_default();
    (median(&abs), mean(&abs), worst.0, worst.1)
}

fn short(name: &str) -> &str {
    name.rsplit('/').next().unwrap_or(name)
}

fn main() {
    let mut dir: Option<String> = None;
    let mut json_out: Option<String> = None;
    let mut verbose = false;
    let mut seeds = 10u64;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--json" => json_out = args.next(),
            "--verbose" | "-v" => verbose = true,
            "--seeds" => seeds = args.next().and_then(|s| s.parse().ok()).expect("--seeds N"),
            _ => dir = Some(a),
        }
    }
    let dir = eval::data_dir(dir.as_deref());
    let rates: [(Option<f64>, &str); 2] = [(None, "native"), (Some(60.0), "60 Hz")];
    let mut doc = serde_json::Map::new();

    // ---- Oxford
    let mut all: Vec<Rec> = Vec::new();
    let mut ox_json = Vec::new();
    println!("| Oxford folder | rate | traces | median abs error | mean abs error | worst trace |");
    println!("|---|---|---|---|---|---|");
    for folder in ["optimisation", "validation"] {
        let recs = eval::oxford(&dir, folder);
        if recs.is_empty() {
            eprintln!("skipping oxford/{folder}: not found");
            continue;
        }
        for (hz, rate) in rates {
            let errs: Vec<(String, f64)> = eval::par_map(&recs, |r| {
                let c = eval::step_times(&eval::at_hz(&r.samples, hz)).len() as f64;
                let n = r.truth.unwrap() as f64;
                if verbose {
                    eprintln!("{}\t{rate}\t{c}\t{n}", r.name);
                }
                (short(&r.name).to_string(), 100.0 * (c - n) / n)
            });
            let (med, mn, wn, w) = pct_row(&errs);
            println!(
                "| {folder} | {rate} | {} | {med:.2}% | {mn:.2}% | {wn} ({:.1}%) |",
                errs.len(),
                w.abs()
            );
            ox_json.push(json!({
                "folder": folder, "rate": rate, "traces": errs.len(),
                "median_abs_error_pct": med, "mean_abs_error_pct": mn,
                "worst_trace": wn, "worst_abs_error_pct": w.abs(),
            }));
        }
        all.extend(recs);
    }
    doc.insert("oxford".into(), ox_json.into());

    // ---- MotionSense
    let ms = eval::motionsense(&dir);
    let mut ms_json = Vec::new();
    if ms.is_empty() {
        eprintln!("skipping motionsense: not found");
    } else {
        println!();
        println!("| MotionSense | rate | sit/stand false steps per minute | sit/stand worst | walk/jog/stairs cadence in 1.2-3.5 steps/s | lowest / highest cadence |");
        println!("|---|---|---|---|---|---|");
        for (hz, rate) in rates {
            let counts: Vec<u64> = eval::par_map(&ms, |r| {
                eval::step_times(&eval::at_hz(&r.samples, hz)).len() as u64
            });
            let (mut st, mut mins, mut n, mut ok, mut mn) = (0u64, 0.0, 0usize, 0usize, 0usize);
            let mut worst = (String::from("-"), 0u64);
            let mut cmin = (String::new(), f64::INFINITY);
            let mut cmax = (String::new(), 0.0f64);
            for (r, &c) in ms.iter().zip(&counts) {
                let name = short(&r.name).to_string();
                if r.truth == Some(0) {
                    st += c;
                    mins += r.duration_s / 60.0;
                    n += 1;
                    if c > worst.1 {
                        worst = (name.clone(), c);
                    }
                    if verbose && c > 0 {
                        eprintln!("{}\t{rate}\t{c} false steps", r.name);
                    }
                } else {
                    let cad = c as f64 / r.duration_s;
                    mn += 1;
                    if (1.2..=3.5).contains(&cad) {
                        ok += 1;
                    } else if verbose {
                        eprintln!("{}\t{rate}\tcadence {cad:.2}", r.name);
                    }
                    if cad < cmin.1 {
                        cmin = (name.clone(), cad);
                    }
                    if cad > cmax.1 {
                        cmax = (name, cad);
                    }
                }
            }
            println!(
                "| {n} still + {mn} moving | {rate} | {:.3} ({st} steps / {mins:.1} min) | {} ({}) | {:.1}% ({ok}/{mn}) | {} {:.2} / {} {:.2} |",
                st as f64 / mins,
                worst.0,
                worst.1,
                100.0 * ok as f64 / mn as f64,
                cmin.0, cmin.1, cmax.0, cmax.1
            );
            ms_json.push(json!({
                "rate": rate, "still_recordings": n, "still_false_steps": st,
                "still_minutes": mins, "false_steps_per_minute": st as f64 / mins,
                "still_worst_trace": worst.0, "still_worst_steps": worst.1,
                "moving_recordings": mn, "moving_cadence_ok": ok,
                "moving_cadence_ok_pct": 100.0 * ok as f64 / mn as f64,
                "lowest_cadence_trace": cmin.0, "lowest_cadence": cmin.1,
                "highest_cadence_trace": cmax.0, "highest_cadence": cmax.1,
            }));
        }
        all.extend(ms);
    }
    doc.insert("motionsense".into(), ms_json.into());

    // ---- Brajdic: whole traces with handling, and the walk window
    let br = eval::brajdic(&dir);
    let mut br_json = Vec::new();
    if br.is_empty() {
        eprintln!("skipping brajdic: not found");
    } else {
        println!();
        println!("| Brajdic (handling before and after the walk) | rate | traces | median abs error | mean abs error | worst trace (signed) | over +15% |");
        println!("|---|---|---|---|---|---|---|");
        for (hz, rate) in rates {
            let rows = eval::brajdic_rows(&br, hz);
            if verbose {
                for r in &rows {
                    eprintln!(
                        "{}\t{rate}\ttruth {}\twhole {} ({:+.1}%)\twindow {} ({:+.1}%)",
                        r.name,
                        r.truth,
                        r.whole,
                        r.whole_err(),
                        r.window,
                        r.window_err()
                    );
                }
            }
            for (part, errs) in [
                (
                    "whole trace",
                    rows.iter()
                        .map(|r| (short(&r.name).to_string(), r.whole_err()))
                        .collect::<Vec<_>>(),
                ),
                (
                    "walk window",
                    rows.iter()
                        .map(|r| (short(&r.name).to_string(), r.window_err()))
                        .collect(),
                ),
            ] {
                let (med, mn, wn, w) = pct_row(&errs);
                let over = errs.iter().filter(|e| e.1 > 15.0).count();
                println!(
                    "| {part} | {rate} | {} | {med:.2}% | {mn:.2}% | {wn} ({w:+.1}%) | {over} |",
                    errs.len()
                );
                br_json.push(json!({
                    "part": part, "rate": rate, "traces": errs.len(),
                    "median_abs_error_pct": med, "mean_abs_error_pct": mn,
                    "worst_trace": wn, "worst_error_pct": w, "traces_over_15pct": over,
                }));
            }
        }
        all.extend(br);
    }
    doc.insert("brajdic".into(), br_json.into());

    // ---- Vehicles
    let ve = eval::vehicles(&dir);
    let mut ve_json = Vec::new();
    if ve.is_empty() {
        eprintln!("skipping vehicles: not found");
    } else {
        println!();
        println!("| Vehicles (not walking) | rate | recordings | minutes | false steps | per minute | worst recording (per minute) |");
        println!("|---|---|---|---|---|---|---|");
        for (hz, rate) in rates {
            let rows = eval::vehicle_rows(&ve, hz);
            if verbose {
                for r in rows.iter().filter(|r| r.steps > 0) {
                    eprintln!(
                        "{}\t{rate}\t{} false steps in {:.1} min",
                        r.name, r.steps, r.minutes
                    );
                }
            }
            for (class, n, mins, steps) in eval::vehicle_classes(&rows) {
                let worst = rows
                    .iter()
                    .filter(|r| r.class == class)
                    .max_by(|a, b| {
                        (a.steps as f64 / a.minutes).total_cmp(&(b.steps as f64 / b.minutes))
                    })
                    .unwrap();
                println!(
                    "| {class} | {rate} | {n} | {mins:.0} | {steps} | {:.2} | {} ({:.2}) |",
                    steps as f64 / mins,
                    short(&worst.name),
                    worst.steps as f64 / worst.minutes
                );
                ve_json.push(json!({
                    "class": class, "rate": rate, "recordings": n, "minutes": mins,
                    "false_steps": steps, "false_steps_per_minute": steps as f64 / mins,
                    "worst_trace": short(&worst.name),
                    "worst_per_minute": worst.steps as f64 / worst.minutes,
                }));
            }
        }
        all.extend(ve);
    }
    doc.insert("vehicles".into(), ve_json.into());

    // ---- Delivery robustness: every recording, `seeds` seeds each
    if !all.is_empty() {
        let rows = eval::delivery_rows(&all, &Delivery::default(), seeds);
        if verbose {
            for r in rows.iter().filter(|r| r.worst_diff() > 0.0) {
                eprintln!("delivery\t{}\tclean {}\t{:?}", r.name, r.clean, r.counts);
            }
        }
        println!();
        println!("| Delivery robustness ({seeds} seeds each: jitter, drops, duplicates, 50-120 Hz changing, 100-300 ms stalls with bursts) | traces | median trace: mean abs diff from clean 60 Hz | traces within max(1 step, 0.5%) | worst run: % of clean (steps off / clean count) |");
        println!("|---|---|---|---|---|");
        let mut groups: Vec<(&str, Vec<&eval::DeliveryRow>)> = Vec::new();
        for prefix in ["oxford/", "motionsense/", "brajdic/", "vehicles/", ""] {
            let rs: Vec<&eval::DeliveryRow> =
                rows.iter().filter(|r| r.name.starts_with(prefix)).collect();
            if !rs.is_empty() {
                groups.push((
                    if prefix.is_empty() {
                        "all"
                    } else {
                        prefix.trim_end_matches('/')
                    },
                    rs,
                ));
            }
        }
        let mut dj = Vec::new();
        for (g, rs) in groups {
            let diffs: Vec<f64> = rs.iter().map(|r| r.mean_abs_diff()).collect();
            let rel: Vec<f64> = rs.iter().map(|r| r.mean_in_bounds()).collect();
            let within = rs.iter().filter(|r| r.mean_in_bounds() <= 1.0).count();
            let worst = rs
                .iter()
                .max_by(|a, b| a.worst_pct().total_cmp(&b.worst_pct()))
                .unwrap();
            println!(
                "| {g} | {} | {:.2} steps ({:.2} of its bound) | {within}/{} | {} {:.2}% ({} off / {}) |",
                rs.len(),
                median(&diffs),
                median(&rel),
                rs.len(),
                short(&worst.name),
                worst.worst_pct(),
                worst.worst_diff(),
                worst.clean
            );
            dj.push(json!({
                "group": g, "traces": rs.len(), "seeds": seeds,
                "median_trace_mean_abs_diff_steps": median(&diffs),
                "median_trace_diff_over_bound": median(&rel),
                "traces_within_bound": within,
                "worst_trace": short(&worst.name), "worst_run_pct": worst.worst_pct(),
            }));
        }
        // The same, with only the sampling phase changed: a clean 60 Hz
        // stream whose ticks start at a random offset. What this row shows
        // is not delivery at all but how much the detector's decisions
        // depend on where the samples fall on a walk.
        let phase = Delivery {
            rate: (60.0, 60.0),
            rate_change_every: 0.0,
            latency: 0.0,
            jitter_mean: 0.0,
            jitter_max: 0.0,
            drop: 0.0,
            duplicate: 0.0,
            stall_every: 0.0,
            ..Delivery::default()
        };
        let prow = eval::delivery_rows(&all, &phase, seeds);
        if verbose {
            for r in prow.iter().filter(|r| r.runs_over(2.0) > 0) {
                eprintln!("phase\t{}\tclean {}\t{:?}", r.name, r.clean, r.counts);
            }
        }
        let diffs: Vec<f64> = prow.iter().map(|r| r.mean_abs_diff()).collect();
        let rel: Vec<f64> = prow.iter().map(|r| r.mean_in_bounds()).collect();
        let within = prow.iter().filter(|r| r.mean_in_bounds() <= 1.0).count();
        let over2 = prow.iter().filter(|r| r.worst_pct() > 2.0).count();
        let worst = prow
            .iter()
            .max_by(|a, b| a.worst_pct().total_cmp(&b.worst_pct()))
            .unwrap();
        println!(
            "| all, sampling phase only (clean 60 Hz, random tick offset) | {} | {:.2} steps ({:.2} of its bound) | {within}/{} | {} {:.2}% ({} off / {}) |",
            prow.len(),
            median(&diffs),
            median(&rel),
            prow.len(),
            short(&worst.name),
            worst.worst_pct(),
            worst.worst_diff(),
            worst.clean
        );
        // Accuracy against the truth with the sampling phase averaged out:
        // the 60 Hz tables above are for ticks that start on the
        // recording's first sample, one draw of where samples fall on a
        // walk. Here each trace's error is its mean over the phase seeds.
        println!();
        println!("| Counted steps at 60 Hz, averaged over {seeds} sampling phases | traces | median abs error | mean abs error | worst trace |");
        println!("|---|---|---|---|---|");
        let mut pj = Vec::new();
        for set in ["oxford/optimisation/", "oxford/validation/", "brajdic/"] {
            let errs: Vec<(String, f64)> = all
                .iter()
                .zip(&prow)
                .filter(|(r, _)| r.name.starts_with(set))
                .filter_map(|(r, p)| {
                    assert_eq!(r.name, p.name);
                    let n = r.truth? as f64;
                    let e: Vec<f64> = p
                        .counts
                        .iter()
                        .map(|&c| 100.0 * (c as f64 - n).abs() / n)
                        .collect();
                    Some((short(&r.name).to_string(), mean(&e)))
                })
                .collect();
            if errs.is_empty() {
                continue;
            }
            let (med, mn, wn, w) = pct_row(&errs);
            let set = set.trim_end_matches('/');
            let what = if set == "brajdic" {
                "brajdic (whole trace)"
            } else {
                set
            };
            println!(
                "| {what} | {} | {med:.2}% | {mn:.2}% | {wn} ({w:.1}%) |",
                errs.len()
            );
            pj.push(json!({
                "set": set, "traces": errs.len(), "phases": seeds,
                "median_abs_error_pct": med, "mean_abs_error_pct": mn,
                "worst_trace": wn, "worst_abs_error_pct": w,
            }));
        }
        doc.insert("phase_averaged".into(), pj.into());
        let over2_all = rows.iter().filter(|r| r.worst_pct() > 2.0).count();
        let runs = |rs: &[eval::DeliveryRow]| -> (usize, usize, usize) {
            (
                rs.iter().filter(|r| r.runs_over(2.0) > 0).count(),
                rs.iter().map(|r| r.runs_over(2.0)).sum(),
                rs.iter().map(|r| r.counts.len()).sum(),
            )
        };
        let (rec_d, runs_d, n_d) = runs(&rows);
        let (rec_p, runs_p, n_p) = runs(&prow);
        println!();
        println!(
            "Recordings whose worst run is more than 2% off: {over2_all}/{} under the delivery model, {over2}/{} with the sampling phase alone.",
            rows.len(),
            prow.len()
        );
        println!(
            "Runs more than max(1 step, 2%) off: {runs_d}/{n_d} under the delivery model ({rec_d} recordings), {runs_p}/{n_p} with the sampling phase alone ({rec_p} recordings)."
        );
        dj.push(json!({
            "group": "phase only", "traces": prow.len(), "seeds": seeds,
            "median_trace_mean_abs_diff_steps": median(&diffs),
            "median_trace_diff_over_bound": median(&rel),
            "traces_within_bound": within,
            "traces_worst_run_over_2pct": over2,
            "runs_over_1_step_or_2pct": runs_p, "runs": n_p,
            "traces_with_a_run_over_1_step_or_2pct": rec_p,
            "delivery_runs_over_1_step_or_2pct": runs_d, "delivery_runs": n_d,
            "delivery_traces_with_a_run_over_1_step_or_2pct": rec_d,
            "worst_trace": short(&worst.name), "worst_run_pct": worst.worst_pct(),
        }));
        doc.insert("delivery".into(), dj.into());
    }

    if let Some(path) = json_out {
        std::fs::write(&path, serde_json::to_string_pretty(&doc).unwrap())
            .unwrap_or_else(|e| panic!("{path}: {e}"));
    }
}
