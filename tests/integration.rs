//! Integration tests of the `polynorm` binary: one test target, as in
//! ripgrep. `cli` runs the trycmd cases in `fixtures/cli/`; `golden` holds
//! snapshot tests of structured output; `regression` is named after issues.

mod batch;
mod cli;
mod golden;
mod regression;
mod util;
