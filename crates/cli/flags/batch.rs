//! Flags of batch jobs: record formats, fields, parallelism, rejects,
//! statistics. Shared by every command that processes records.

use std::path::PathBuf;

use clap::{Args, ValueEnum};

/// A record format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum Format {
    // Lines of text; each line is one record.
    Text,
    // One JSON object per line.
    Jsonl,
    // Comma-separated values with a header row (RFC 4180 quoting).
    Csv,
    // Tab-separated values with a header row (same quoting as CSV).
    Tsv,
}

impl Format {
    /// The format a file extension names (after any `.gz`/`.zst`).
    pub(crate) fn from_extension(ext: &str) -> Option<Format> {
        match ext {
            "jsonl" | "ndjson" => Some(Format::Jsonl),
            "csv" => Some(Format::Csv),
            "tsv" | "tab" => Some(Format::Tsv),
            "txt" | "text" => Some(Format::Text),
            _ => None,
        }
    }

    pub(crate) fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Jsonl => "jsonl",
            Format::Csv => "csv",
            Format::Tsv => "tsv",
        }
    }
}

/// Batch flags, flattened into each command that processes records.
#[derive(Debug, Args, Default)]
#[command(next_help_heading = "Batch jobs (JSONL, CSV, TSV)")]
pub(crate) struct BatchArgs {
    /// Format of the input. Guessed from the first file's extension
    /// (`.jsonl`, `.ndjson`, `.csv`, `.tsv`, also under `.gz` or `.zst`);
    /// text otherwise.
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub(crate) input_format: Option<Format>,

    /// Format of the output. Guessed from --output's extension; otherwise
    /// the input's format. CSV and TSV convert into each other and into
    /// JSONL (one object per row, keyed by the header).
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub(crate) output_format: Option<Format>,

    /// The field to process in each JSONL or CSV record: a key, a dotted
    /// path into nested JSON objects (`meta.title`; a number indexes an
    /// array), or a CSV column name. Repeat for several fields: together
    /// they are one document. Every other field passes through byte for
    /// byte. Default: `text`.
    #[arg(long, value_name = "NAME")]
    pub(crate) field: Vec<String>,

    /// The field (JSONL key or CSV column) that receives the structured
    /// result: `--explain` changes for clean, the analysis for detect; an
    /// object keyed by each --field. Replaced if the record has it already.
    /// Default: `changes` (clean), `detect` (detect).
    #[arg(long, value_name = "NAME")]
    pub(crate) output_field: Option<String>,

    /// Write the output here instead of standard output; `.gz` and `.zst`
    /// compress it.
    #[arg(short, long, value_name = "FILE")]
    pub(crate) output: Option<PathBuf>,

    /// Write bad records here, one JSON object per line (file, line, reason,
    /// record), instead of reporting them on standard error. Any rejected
    /// record makes the exit status 1.
    #[arg(long, value_name = "FILE")]
    pub(crate) rejects: Option<PathBuf>,

    /// Stop at the first bad record (exit status 1), after writing every
    /// record before it.
    #[arg(long)]
    pub(crate) strict: bool,

    /// Worker threads for JSONL, CSV and TSV records; 0 means one per core.
    /// Output order is the input's whatever the number. (Text is read and
    /// cleaned on one thread.)
    #[arg(short, long, value_name = "N", default_value_t = 0)]
    pub(crate) jobs: usize,

    /// Write a JSON summary here at the end: records, bytes, changes by
    /// kind, rejects by reason, elapsed time.
    #[arg(long, value_name = "FILE")]
    pub(crate) stats: Option<PathBuf>,
}
