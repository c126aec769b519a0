//! Prints the mixed-script evaluation tables of EVALUATION.md.
//!
//! ```console
//! cargo run --release -p polynorm-pipeline --example eval_mixed_script
//! cargo run --release -p polynorm-pipeline --example eval_mixed_script -- --failures [CHANNEL]
//! cargo run --release -p polynorm-pipeline --example eval_mixed_script -- --set heldout
//! ```
//!
//! `--set dev` (the default) is the set the judge's rules are tuned on;
//! `--set heldout` is only for measuring how well they carry over.

#![allow(clippy::print_stdout, clippy::print_stderr, missing_docs)]

#[path = "../eval/mixed_script.rs"]
mod eval;

use std::time::Instant;

use polynorm_pipeline::Pipeline;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let set = match args.iter().position(|a| a == "--set") {
        Some(at) => args.get(at + 1).map_or("", String::as_str),
        None => "dev",
    };
    let Some(dir) = eval::set_dir(set) else {
        let names: Vec<&str> = eval::SETS.iter().map(|(n, _)| *n).collect();
        eprintln!("--set: expected one of {}", names.join(", "));
        std::process::exit(2);
    };
    let failures = args.iter().position(|a| a == "--failures");
    if failures.is_some() && set != "dev" {
        eprintln!(
            "warning: these are failures of the {set} set. Rules are tuned on the dev set only; \
             reading {set} failures to write or tune rules makes this set one more dev set and \
             its numbers meaningless as a held-out measurement."
        );
    }
    let pipeline = Pipeline::default();
    let started = Instant::now();
    let report = eval::run(&dir, &pipeline);
    let elapsed = started.elapsed();
    let name = dir.file_name().map(|n| n.to_string_lossy().into_owned());
    println!("Set: {set} (fixtures/eval/{})\n", name.unwrap_or_default());
    print!("{report}");
    let records: u64 = report.by_channel.values().map(|c| c.records).sum();
    println!(
        "\n{records} records in {:.2} s ({:.0} records/s, one thread, with JSON parsing).",
        elapsed.as_secs_f64(),
        records as f64 / elapsed.as_secs_f64()
    );
    // `--failures [CHANNEL]`: list what went wrong, optionally one channel.
    if let Some(at) = failures {
        let channel = args.get(at + 1).filter(|c| !c.starts_with("--"));
        for (id, input, expect, output) in report
            .failures
            .iter()
            .filter(|f| channel.is_none_or(|c| f.0.ends_with(&format!("-{c}"))))
        {
            println!("\n{id}\n  in:   {input}\n  want: {expect}\n  got:  {output}");
        }
    }
}
