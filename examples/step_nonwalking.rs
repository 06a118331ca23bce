//! False steps per hour on the synthetic non-walking scenarios of
//! `tests/step_nonwalking.rs` (vehicles, handling, posture changes), and the
//! count on whole synthetic recordings that mix them with walking.
//!
//! `cargo run --release --example step_nonwalking -- [--hours H] [--seeds N]`
//! Prints a markdown table: false steps/hour per scenario at 25, 50, 60 and
//! 100 Hz (each cell: mean over N seeds of H hours each).

#[path = "../tests/step_nonwalking.rs"]
mod bench;

use loopwalk::domain::steps::count_steps;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let mut hours = 1.0;
    let mut seeds = 2u64;
    let mut i = 1;
    while i < args.len() {
        match args[i].as_str() {
            "--hours" => {
                hours = args[i + 1].parse().expect("--hours H");
                i += 1;
            }
            "--seeds" => {
                seeds = args[i + 1].parse().expect("--seeds N");
                i += 1;
            }
            other => panic!("unknown argument {other}"),
        }
        i += 1;
    }
    let rates = [25.0, 50.0, 60.0, 100.0];
    println!("| scenario | 25 Hz | 50 Hz | 60 Hz | 100 Hz |");
    println!("|---|---|---|---|---|");
    let secs = hours * 3600.0;
    for (name, gen) in bench::scenarios() {
        let mut row = format!("| {name} |");
        let mut totals = [0.0; 4];
        for seed in 1..=seeds {
            // Generate at 200 Hz, deliver as a browser would at `hz`.
            let s = gen(secs, 200.0, seed);
            for (k, &hz) in rates.iter().enumerate() {
                totals[k] += count_steps(&bench::at_hz(&s, hz)) as f64;
            }
        }
        for t in totals {
            row += &format!(" {:.0} |", t / (seeds as f64 * hours));
        }
        println!("{row}");
    }
    // Whole recordings: handling, walk, ride, walk, posture.
    println!();
    println!("| whole recording (seed) | true steps | counted at 60 Hz |");
    println!("|---|---|---|");
    for seed in 1..=seeds {
        let (s, truth) = bench::commute(60.0, seed);
        println!(
            "| handling + walk + bus + walk + train + walk + sit ({seed}) | {} | {} |",
            truth,
            count_steps(&s)
        );
    }
}
