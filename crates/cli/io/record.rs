//! A raw record of a batch job as a reader found it: where its bytes sit in
//! the chunk buffer, and whether it can be processed at all.

use std::ops::Range;

/// Where one record sits in the caller's buffer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct RawRecord {
    /// 1-based line on which the record starts.
    pub(crate) line: u64,
    /// The record's bytes in the buffer, terminator included (empty when
    /// the record was too long to keep).
    pub(crate) range: Range<usize>,
    /// Where its terminator (`\n` or `\r\n`, or nothing at the end of input) starts.
    pub(crate) content_end: usize,
    /// Its fields (CSV): a range of indexes into the caller's field-span list.
    pub(crate) fields: Range<usize>,
    /// How many input bytes it took, terminator included, kept or not.
    pub(crate) len: u64,
    pub(crate) state: RecordState,
}

/// Whether a record can be processed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum RecordState {
    Ok,
    /// Nothing but whitespace before its terminator: not a record, passed through.
    Blank,
    /// Longer than the limit: its bytes were not kept.
    TooLong,
    /// A syntax error found while reading (CSV quoting); the reason.
    Broken(&'static str),
}

impl RawRecord {
    /// A record over the limit, skipped to its end.
    pub(crate) fn too_long(line: u64, at: usize, fields: usize, len: u64) -> RawRecord {
        RawRecord {
            line,
            range: at..at,
            content_end: at,
            fields: fields..fields,
            len,
            state: RecordState::TooLong,
        }
    }
}
