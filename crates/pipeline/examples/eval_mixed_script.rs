//! Prints the mixed-script evaluation tables of EVALUATION.md.
//!
//! ```console
//! cargo run --release -p polynorm-pipeline --example eval_mixed_script
//! cargo run --release -p polynorm-pipeline --example eval_mixed_script -- --failures [CHANNEL]
//! ```

#![allow(clippy::print_stdout, missing_docs)]

#[path = "../eval/mixed_script.rs"]
mod eval;

use std::path::Path;
use std::time::Instant;

use polynorm_pipeline::Pipeline;

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/eval/mixed-script");
    let pipeline = Pipeline::default();
    let started = Instant::now();
    let report = eval::run(&dir, &pipeline);
    let elapsed = started.elapsed();
    print!("{report}");
    let records: u64 = report.by_channel.values().map(|c| c.records).sum();
    println!(
        "\n{records} records in {:.2} s ({:.0} records/s, one thread, with JSON parsing).",
        elapsed.as_secs_f64(),
        records as f64 / elapsed.as_secs_f64()
    );
    // `--failures [CHANNEL]`: list what went wrong, optionally one channel.
    let args: Vec<String> = std::env::args().collect();
    if let Some(at) = args.iter().position(|a| a == "--failures") {
        let channel = args.get(at + 1);
        for (id, input, expect, output) in report
            .failures
            .iter()
            .filter(|f| channel.is_none_or(|c| f.0.ends_with(&format!("-{c}"))))
        {
            println!("\n{id}\n  in:   {input}\n  want: {expect}\n  got:  {output}");
        }
    }
}
