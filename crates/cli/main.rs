//! The `polynorm` command: a Unix filter that cleans scraped multilingual
//! text and reports its scripts and languages. See `polynorm --help`.

mod batch;
mod commands;
mod flags;
mod io;
mod json;
mod names;
mod progress;
mod report;
mod stats;

use std::process::ExitCode;

use clap::Parser;

/// Cases for a property test whose own count is `own`, scaled by
/// `PROPTEST_CASES` / 256 for a longer local run (`PROPTEST_CASES=2560`
/// runs each ten times its own count); never fewer than `own`, so CI's
/// `PROPTEST_CASES=256` keeps every count. (proptest reads the variable
/// itself only where a test keeps its default count, 256.)
#[cfg(test)]
fn proptest_cases(own: u32) -> u32 {
    let asked = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse::<u64>().ok())
        .unwrap_or(256);
    let scaled = u64::from(own) * asked / 256;
    u32::try_from(scaled.max(u64::from(own))).unwrap_or(u32::MAX)
}

fn main() -> ExitCode {
    let cli = flags::Cli::parse();
    let mut status = report::Status::default();
    let result = match &cli.command {
        flags::Command::Clean(args) => commands::clean(args, &mut status),
        flags::Command::Detect(args) => commands::detect(args, &mut status),
        flags::Command::Translit(args) => commands::translit(args, &mut status),
        flags::Command::Names(args) => names::run(args, &mut status),
    };
    match result {
        Ok(()) => ExitCode::from(status.exit_code()),
        Err(err) if report::is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            report::warn(&format!("{err:#}"));
            ExitCode::from(2)
        }
    }
}
