//! Issue 6's "within 20% of the path without mojibake detection", as CPU
//! time: `clean` against the same pipeline with `Rule::Mojibake` off, on
//! each benchmark corpus (`fixtures/bench/`), one line per call as the
//! criterion bench `clean` does.
//!
//! ```console
//! cargo run --release -p polynorm-pipeline --example clean_cpu [-- en ru zh mixed dirty]
//! ```
//!
//! The two configurations run in alternating rounds of about a quarter of a
//! second each (six rounds unless `ROUNDS` says otherwise), timed by the
//! thread's CPU clock (`/proc/thread-self/schedstat`, Linux), which other
//! processes on a loaded machine disturb far less than the wall clock; the
//! median round of each is reported, with the lowest in brackets.

#![allow(clippy::print_stdout, clippy::print_stderr, missing_docs)]

use std::time::Instant;

use polynorm_pipeline::{Pipeline, Rule};

#[path = "common/alternate.rs"]
mod alternate;
use alternate::{alternate, corpus, run};

/// CPU nanoseconds this thread has run, if the kernel says.
fn cpu_ns() -> Option<u64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    stat.split(' ').next()?.parse().ok()
}

fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    values.get(values.len() / 2).copied().unwrap_or(f64::NAN)
}

fn main() {
    let full = Pipeline::default();
    let without = Pipeline::builder().disable(Rule::Mojibake).build();
    let rounds: usize = std::env::var("ROUNDS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(6);
    let mut names: Vec<String> = std::env::args().skip(1).collect();
    if names.is_empty() {
        names = ["en", "ru", "zh", "mixed", "dirty"]
            .map(String::from)
            .to_vec();
    }
    for name in names {
        let text = match corpus(&name) {
            Ok(text) => text,
            Err(e) => {
                eprintln!("{e}");
                continue;
            }
        };
        let lines: Vec<&str> = text.lines().collect();
        // Rounds of about a quarter of a second.
        let started = Instant::now();
        run(&without, &lines, 5);
        let per_pass = started.elapsed().as_secs_f64() / 5.0;
        let times = ((0.25 / per_pass) as usize).max(5);
        let (mut with_us, mut without_us) =
            alternate(&full, &without, &lines, (3, rounds, times), cpu_ns);
        let (low_with, low_without) = (
            with_us.iter().copied().fold(f64::INFINITY, f64::min),
            without_us.iter().copied().fold(f64::INFINITY, f64::min),
        );
        let (a, b) = (median(&mut with_us), median(&mut without_us));
        println!(
            "{name}: CPU µs per corpus: clean {a:.0} ({low_with:.0}), without mojibake {b:.0} ({low_without:.0}): {:+.1}% ({:+.1}%)",
            (a / b - 1.0) * 100.0,
            (low_with / low_without - 1.0) * 100.0
        );
    }
}
