//! What a batch job did, counted per chunk and summed in input order; and
//! the `--stats FILE` summary.

use std::collections::BTreeMap;
use std::path::Path;
use std::time::Duration;

use anyhow::{Context, Result};
use serde::Serialize;

/// Counts of one chunk, or of a whole job.
#[derive(Debug, Default, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct Counts {
    /// Records read (blank lines are not records).
    pub(crate) records_in: u64,
    /// Records written.
    pub(crate) records_out: u64,
    /// Records rejected.
    pub(crate) rejects: u64,
    /// Records written with at least one change.
    pub(crate) records_changed: u64,
    /// Blank lines, passed through and not counted as records.
    pub(crate) blank_lines: u64,
    /// Input bytes (after decompression), terminators included.
    pub(crate) bytes_in: u64,
    /// Output bytes (before compression).
    pub(crate) bytes_out: u64,
    /// Changes made, by kind (`zero_width`, `keyboard_layout`, …).
    pub(crate) changes: BTreeMap<&'static str, u64>,
    /// Rejected records, by reason (`malformed_json`, `missing_field`, …).
    pub(crate) rejects_by_reason: BTreeMap<&'static str, u64>,
}

impl Counts {
    pub(crate) fn add(&mut self, other: &Counts) {
        self.records_in += other.records_in;
        self.records_out += other.records_out;
        self.rejects += other.rejects;
        self.records_changed += other.records_changed;
        self.blank_lines += other.blank_lines;
        self.bytes_in += other.bytes_in;
        self.bytes_out += other.bytes_out;
        for (k, v) in &other.changes {
            *self.changes.entry(k).or_default() += v;
        }
        for (k, v) in &other.rejects_by_reason {
            *self.rejects_by_reason.entry(k).or_default() += v;
        }
    }

    pub(crate) fn change(&mut self, kind: &'static str) {
        *self.changes.entry(kind).or_default() += 1;
    }

    pub(crate) fn reject(&mut self, reason: &'static str) {
        self.rejects += 1;
        *self.rejects_by_reason.entry(reason).or_default() += 1;
    }
}

/// The `--stats` file.
#[derive(Debug, Serialize)]
pub(crate) struct Summary<'a> {
    pub(crate) command: &'a str,
    pub(crate) input_format: &'a str,
    pub(crate) output_format: &'a str,
    pub(crate) files: Vec<String>,
    pub(crate) jobs: usize,
    /// False when the job stopped early (`--strict`, an I/O error).
    pub(crate) complete: bool,
    #[serde(flatten)]
    pub(crate) counts: &'a Counts,
    pub(crate) elapsed_seconds: f64,
    pub(crate) records_per_second: f64,
    /// Input megabytes (10^6 bytes) per second.
    pub(crate) mb_per_second: f64,
}

impl Summary<'_> {
    pub(crate) fn rates(&mut self, elapsed: Duration) {
        let secs = elapsed.as_secs_f64();
        self.elapsed_seconds = round3(secs);
        if secs > 0.0 {
            self.records_per_second = round3(self.counts.records_in as f64 / secs);
            self.mb_per_second = round3(self.counts.bytes_in as f64 / 1e6 / secs);
        }
    }

    /// Writes the summary as pretty JSON.
    pub(crate) fn write(&self, path: &Path) -> Result<()> {
        let mut text = serde_json::to_string_pretty(self).context("stats")?;
        text.push('\n');
        std::fs::write(path, text).with_context(|| format!("{}", path.display()))
    }
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_add_up() {
        let mut a = Counts {
            records_in: 2,
            ..Counts::default()
        };
        a.change("space");
        a.reject("missing_field");
        let mut b = a.clone();
        b.change("zero_width");
        a.add(&b);
        assert_eq!(a.records_in, 4);
        assert_eq!(a.rejects, 2);
        assert_eq!(a.changes["space"], 2);
        assert_eq!(a.changes["zero_width"], 1);
        assert_eq!(a.rejects_by_reason["missing_field"], 2);
    }
}
