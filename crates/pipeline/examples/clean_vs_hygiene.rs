//! `clean` against the hygiene-only path on the bench corpora, in a form that
//! a shared, loaded machine does not distort much: one pass of each path
//! over a corpus's lines is timed at a time, the two paths alternate, and
//! the least and the 10th-percentile time of many passes are reported (a
//! pass of a millisecond or two mostly runs without being preempted, so the
//! least time is close to the time on an idle core).
//!
//! ```console
//! cargo run --release -p polynorm-pipeline --example clean_vs_hygiene [-- PASSES [CORPUS]]
//! ```
//!
//! Criterion (`cargo bench -p polynorm-pipeline --bench clean`) is the
//! reference; this is the same comparison for when the machine is shared.
//! "hygiene" is the default pipeline with `--disable homoglyphs --disable
//! keyboard-layouts`, as in the bench; each line is its own document.

#![allow(clippy::print_stdout, clippy::print_stderr, missing_docs)]

use std::time::Instant;

use polynorm_pipeline::{Pipeline, Rule};

#[path = "common/alternate.rs"]
mod alternate;
use alternate::{alternate, corpus};

fn main() {
    let mut args = std::env::args().skip(1);
    let passes: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(300);
    let only = args.next();
    let full = Pipeline::default();
    let hygiene = Pipeline::builder()
        .disable(Rule::Homoglyphs)
        .disable(Rule::KeyboardLayouts)
        .build();
    let epoch = Instant::now();
    let wall_ns = || u64::try_from(epoch.elapsed().as_nanos()).ok();
    for name in ["en", "ru", "zh", "mixed"] {
        if only.as_deref().is_some_and(|o| o != name) {
            continue;
        }
        let text = corpus(name).unwrap_or_else(|e| {
            eprintln!("cannot read {e}");
            std::process::exit(1);
        });
        let lines: Vec<&str> = text.lines().collect();
        // One pass per sample: a pass of a millisecond or two is rarely
        // preempted.
        let (mut times_h, mut times_c) =
            alternate(&hygiene, &full, &lines, (5, passes.max(10), 1), wall_ns);
        times_h.sort_by(f64::total_cmp);
        times_c.sort_by(f64::total_cmp);
        let at = |v: &[f64], q: usize| v.get(v.len() * q / 100).copied().unwrap_or(f64::NAN);
        let (h0, c0, h10, c10) = (
            at(&times_h, 0),
            at(&times_c, 0),
            at(&times_h, 10),
            at(&times_c, 10),
        );
        println!(
            "{name}: hygiene {h0:.0} us (p10 {h10:.0}), clean {c0:.0} us (p10 {c10:.0}), clean/hygiene {:.2} (p10 {:.2})",
            c0 / h0,
            c10 / h10
        );
    }
}
