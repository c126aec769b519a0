//! What the path-comparison examples (`clean_cpu`, `clean_vs_hygiene`)
//! share: the bench corpora, and two pipelines timed in alternation over a
//! corpus's lines, one line per call as the criterion bench `clean` does.

use std::hint::black_box;
use std::path::PathBuf;

use polynorm_pipeline::Pipeline;

/// The text of bench corpus `name` (`fixtures/bench/<name>.txt`).
pub(crate) fn corpus(name: &str) -> Result<String, String> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures/bench")
        .join(format!("{name}.txt"));
    std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))
}

/// Whether `POLYNORM_BENCH_COLD=1` asks for every timed pass to start on
/// forgotten memos ([`polynorm_pipeline::repair::forget_memos`]): the cost
/// of a corpus never seen before, rather than of one cleaned over and over.
pub(crate) fn is_cold() -> bool {
    std::env::var_os("POLYNORM_BENCH_COLD").is_some_and(|v| v == "1")
}

/// Cleans every line `passes` times.
pub(crate) fn run(pipeline: &Pipeline, lines: &[&str], passes: usize) {
    for _ in 0..passes {
        for line in lines {
            black_box(pipeline.clean(black_box(line)).text.len());
        }
    }
}

/// Times `a` and `b` in alternation, `samples` times each after `warm_up`
/// alternations: each sample is `passes` passes over `lines`, measured by
/// `clock` (a reading in nanoseconds, or `None` to skip the sample), in
/// microseconds per pass.
pub(crate) fn alternate(
    a: &Pipeline,
    b: &Pipeline,
    lines: &[&str],
    (warm_up, samples, passes): (usize, usize, usize),
    clock: impl Fn() -> Option<u64>,
) -> (Vec<f64>, Vec<f64>) {
    for _ in 0..warm_up {
        run(a, lines, 1);
        run(b, lines, 1);
    }
    let cold = is_cold();
    let (mut times_a, mut times_b) = (Vec::new(), Vec::new());
    for _ in 0..samples {
        for (pipeline, out) in [(a, &mut times_a), (b, &mut times_b)] {
            if cold {
                // Each pass on forgotten memos, the forgetting untimed; a
                // pass the clock could not time counts in no average.
                let (mut total, mut timed) = (0, 0u32);
                for _ in 0..passes {
                    polynorm_pipeline::repair::forget_memos();
                    let Some(before) = clock() else {
                        continue;
                    };
                    run(pipeline, lines, 1);
                    if let Some(after) = clock() {
                        total += after.saturating_sub(before);
                        timed += 1;
                    }
                }
                if timed > 0 {
                    out.push(total as f64 / f64::from(timed) / 1000.0);
                }
                continue;
            }
            let Some(before) = clock() else {
                continue;
            };
            run(pipeline, lines, passes);
            if let Some(after) = clock() {
                out.push(after.saturating_sub(before) as f64 / passes as f64 / 1000.0);
            }
        }
    }
    (times_a, times_b)
}
