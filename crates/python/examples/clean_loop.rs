//! The pure-Rust loop that `python/bench/bench_arrow.py` measures the Arrow
//! path against: the same per-value function over the same strings, with
//! no Python and no Arrow.
//!
//! `cargo run --release -p polynorm-python --example clean_loop -- FILE [clean|translit] [REPEATS]`
//! reads one value per line of FILE and prints, as JSON, the best time of
//! REPEATS runs (default 5) over all of them.

use std::borrow::Cow;
use std::io::Write;
use std::time::{Duration, Instant};

use polynorm_pipeline::translit::{Options, Scheme};
use polynorm_pipeline::Pipeline;
use polynorm_python::core::{clean_value, Translit};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .ok_or("usage: clean_loop FILE [clean|translit] [REPEATS]")?;
    let op = args.next().unwrap_or_else(|| "clean".to_owned());
    let repeats: usize = args.next().map_or(Ok(5), |r| r.parse())?;
    let text = std::fs::read_to_string(&path)?;
    let rows: Vec<&str> = text.lines().collect();
    let pipeline = Pipeline::default();
    let job = Translit {
        scheme: Scheme::from_name("any-ascii")?,
        options: Options::new(),
        reverse: false,
    };
    let run = |row: &str| -> bool {
        let out = if op == "translit" {
            job.apply(row)
        } else {
            clean_value(&pipeline, row)
        };
        matches!(out, Cow::Owned(_))
    };
    // First use builds the lazily loaded tables: not part of the loop.
    rows.iter().take(10_000).for_each(|r| {
        run(r);
    });
    let mut best = Duration::MAX;
    let mut changed = 0usize;
    for _ in 0..repeats.max(1) {
        let started = Instant::now();
        changed = rows.iter().filter(|r| run(r)).count();
        best = best.min(started.elapsed());
    }
    let ns = best.as_secs_f64() * 1e9 / rows.len().max(1) as f64;
    writeln!(
        std::io::stdout().lock(),
        "{{\"op\":\"{op}\",\"rows\":{},\"changed\":{changed},\"seconds\":{:.6},\"ns_per_row\":{ns:.1}}}",
        rows.len(),
        best.as_secs_f64()
    )?;
    Ok(())
}
