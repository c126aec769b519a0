//! Where `clean`'s mojibake surcharge goes, line by line: each line of a
//! corpus is cleaned alone and timed (`Instant` around the call), with and
//! without `Rule::Mojibake`, in passes that alternate the two pipelines; the
//! median of every line is kept, summed, and grouped by kind of line.
//!
//! ```console
//! cargo run --release -p polynorm-pipeline --example line_cost [-- CORPUS [PASSES [hygiene]]]
//! ```
//!
//! `CORPUS` is a bench corpus name (`mixed`, the default) or a path; 200
//! passes unless `PASSES` says otherwise; `POLYNORM_BENCH_COLD=1` forgets
//! the memos before each pass (untimed). With `hygiene` the line's `clean`
//! is set against the hygiene-only path instead (issue 3: the default
//! pipeline without `Rule::Homoglyphs` and `Rule::KeyboardLayouts`, as
//! the bench's `hygiene`), and the lines the mixed-script gate passes to
//! its judge ([`Pipeline::needs_review`]) and the Cyrillic and Greek lines
//! with ASCII letters (the words whose verdicts the gate works out) are
//! kinds of their own. On a loaded machine the sums move
//! by about half a point between runs, where `clean_cpu`'s rounds move by
//! tens (BENCHMARKS.md, mojibake, session 14). Prints the sums, the lines'
//! kinds (Cyrillic lines by their letters, the others by the script of
//! their first non-ASCII character) and the 20 lines with the largest
//! surcharge.

#![allow(clippy::print_stdout, clippy::print_stderr, missing_docs)]

use std::collections::BTreeMap;
use std::hint::black_box;
use std::time::Instant;

use polynorm_pipeline::{Pipeline, Rule};

// Only the corpora and the cold switch of what the examples share.
#[allow(dead_code)]
#[path = "common/alternate.rs"]
mod alternate;
use alternate::{corpus, is_cold};

/// The kind of a line, for the grouping; for the comparison with hygiene
/// ([`kind_against_hygiene`]), also by what the mixed-script gate does.
fn kind(line: &str) -> String {
    let has = |set: &str| line.chars().any(|c| set.contains(c));
    if line.chars().any(|c| ('\u{400}'..='\u{4FF}').contains(&c)) {
        return if has("ўЎ") {
            "Cyrillic: Belarusian"
        } else if has("іїєґІЇЄҐ") {
            "Cyrillic: Ukrainian"
        } else if has("јљњђћџЈЉЊЂЋЏ") {
            "Cyrillic: Serbian"
        } else {
            "Cyrillic: other (Russian, Bulgarian…)"
        }
        .to_owned();
    }
    line.chars().find(|c| !c.is_ascii()).map_or_else(
        || "ASCII".to_owned(),
        |c| format!("{:?}", polynorm_script::script(c)),
    )
}

/// [`kind`] for the comparison with the hygiene-only path: `judged` for a
/// line the gate of `full` passes to its judge, and Cyrillic and Greek
/// lines with an ASCII letter apart from those without.
fn kind_against_hygiene(full: &Pipeline, line: &str) -> String {
    if full.needs_review(line) {
        return "judged (the gate passes it)".to_owned();
    }
    let kind = kind(line);
    if (kind.starts_with("Cyrillic") || kind == "Greek")
        && line.bytes().any(|b| b.is_ascii_alphabetic())
    {
        return kind + ", with ASCII letters";
    }
    kind
}

fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    values.get(values.len() / 2).copied().unwrap_or(f64::NAN)
}

fn main() {
    let mut args = std::env::args().skip(1);
    let name = args.next().unwrap_or_else(|| "mixed".to_owned());
    let passes: usize = args.next().and_then(|p| p.parse().ok()).unwrap_or(200);
    let against_hygiene = args.next().is_some_and(|a| a == "hygiene");
    let text = match corpus(&name).or_else(|_| std::fs::read_to_string(&name)) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("{name}: {e}");
            return;
        }
    };
    let lines: Vec<&str> = text.lines().collect();
    let full = Pipeline::default();
    let without = if against_hygiene {
        Pipeline::builder()
            .disable(Rule::Homoglyphs)
            .disable(Rule::KeyboardLayouts)
            .build()
    } else {
        Pipeline::builder().disable(Rule::Mojibake).build()
    };
    let (other, extra, extras) = if against_hygiene {
        ("hygiene", "surplus", "surpluses")
    } else {
        ("without mojibake", "surcharge", "surcharges")
    };
    let cold = is_cold();
    // Nanoseconds per line and pass: [with, without].
    let mut times = vec![[Vec::with_capacity(passes), Vec::with_capacity(passes)]; lines.len()];
    for pass in 0..passes + 3 {
        for (which, pipeline) in [&full, &without].into_iter().enumerate() {
            if cold {
                polynorm_pipeline::repair::forget_memos();
            }
            for (line, slot) in lines.iter().zip(times.iter_mut()) {
                let started = Instant::now();
                black_box(pipeline.clean(black_box(line)).text.len());
                let ns = started.elapsed().as_nanos() as f64;
                // The first three passes warm up.
                if let (true, Some(out)) = (pass >= 3, slot.get_mut(which)) {
                    out.push(ns);
                }
            }
        }
    }
    let mut rows: Vec<(f64, f64, usize)> = Vec::with_capacity(lines.len());
    let mut kinds: BTreeMap<String, (usize, usize, f64, f64)> = BTreeMap::new();
    for (k, ([with, plain], line)) in times.iter_mut().zip(&lines).enumerate() {
        let (a, b) = (median(with), median(plain));
        rows.push((a, b, k));
        let kind = if against_hygiene {
            kind_against_hygiene(&full, line)
        } else {
            kind(line)
        };
        let entry = kinds.entry(kind).or_default();
        *entry = (entry.0 + 1, entry.1 + line.len(), entry.2 + a, entry.3 + b);
    }
    let (with, plain) = rows
        .iter()
        .fold((0.0, 0.0), |(x, y), &(a, b, _)| (x + a, y + b));
    println!(
        "{name}{}: sum of the lines' medians: clean {:.0} µs, {other} {:.0} µs: {:+.1}% ({:.1} µs)",
        if cold { " (cold)" } else { "" },
        with / 1000.0,
        plain / 1000.0,
        (with / plain - 1.0) * 100.0,
        (with - plain) / 1000.0
    );
    let mut kinds: Vec<_> = kinds.into_iter().collect();
    kinds.sort_by(|x, y| (y.1 .2 - y.1 .3).total_cmp(&(x.1 .2 - x.1 .3)));
    println!("| kind of line | lines | bytes | {extra} µs | share | clean / {other} µs |");
    println!("| --- | ---: | ---: | ---: | ---: | ---: |");
    for (name, (n, bytes, a, b)) in kinds {
        println!(
            "| {name} | {n} | {bytes} | {:.1} ({:+.0}%) | {:.0}% | {:.1} / {:.1} |",
            (a - b) / 1000.0,
            (a / b - 1.0) * 100.0,
            (a - b) / (with - plain) * 100.0,
            a / 1000.0,
            b / 1000.0
        );
    }
    rows.sort_by(|x, y| (y.0 - y.1).total_cmp(&(x.0 - x.1)));
    println!("largest {extras} (ns: clean - {other}, line number, start of the line):");
    for &(a, b, k) in rows.iter().take(20) {
        let head: String = lines.get(k).map_or("", |l| l).chars().take(40).collect();
        println!("{:8.0} {:8.0} {:8.0}  {:5}  {head}", a - b, a, b, k + 1);
    }
}
