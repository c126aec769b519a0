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

// `polynorm_testkit::proptest_cases`, for the property tests of the modules.
#[cfg(test)]
use polynorm_testkit::proptest_cases;

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
