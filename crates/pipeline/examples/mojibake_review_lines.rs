//! The lines of a corpus that the mojibake scan sends to the repair
//! (`Mojibake::needs_review` with the default options): the damaged-line
//! samples BENCHMARKS.md's batch sections time the repair on.
//!
//! ```console
//! python3 scripts/make_batch_corpus.py --size-mb 10 --damaged-share 0.05 --out typ10.jsonl
//! cargo run --release -p polynorm-pipeline --example mojibake_review_lines -- typ10.jsonl > dmg1.txt
//! ```
//!
//! A `.jsonl` file is read record by record and its `text` field (or the
//! field named by a second argument) split at newlines, as `clean
//! --context-lines 1` would see it; any other file line by line. The lines
//! that pass are printed to stdout, and their count to stderr.

#![allow(clippy::print_stdout, clippy::print_stderr, missing_docs)]

use std::io::{BufRead, BufReader, Write};

use polynorm_repair::Mojibake;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .ok_or("usage: mojibake_review_lines FILE [FIELD]")?;
    let field = args.next().unwrap_or_else(|| "text".to_owned());
    let jsonl = std::path::Path::new(&path)
        .extension()
        .is_some_and(|ext| ext.eq_ignore_ascii_case("jsonl"));
    let stage = Mojibake::default();
    let out = std::io::stdout();
    let mut out = out.lock();
    let (mut lines, mut passed) = (0usize, 0usize);
    for (n, record) in
        BufReader::new(std::fs::File::open(&path).map_err(|e| format!("{path}: {e}"))?)
            .lines()
            .enumerate()
    {
        let record = record.map_err(|e| format!("{path}:{}: {e}", n + 1))?;
        let text = if jsonl {
            let value: serde_json::Value =
                serde_json::from_str(&record).map_err(|e| format!("{path}:{}: {e}", n + 1))?;
            match value.get(&field).and_then(serde_json::Value::as_str) {
                Some(t) => t.to_owned(),
                None => return Err(format!("{path}:{}: no string field {field:?}", n + 1).into()),
            }
        } else {
            record
        };
        for line in text.split('\n') {
            lines += 1;
            if stage.needs_review(line) {
                passed += 1;
                writeln!(out, "{line}")?;
            }
        }
    }
    eprintln!("{passed} of {lines} lines pass Mojibake::needs_review");
    Ok(())
}
