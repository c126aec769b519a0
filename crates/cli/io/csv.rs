//! CSV and TSV records (RFC 4180 quoting, `,` or tab between fields), read
//! with the raw byte span of every field so that a record is written back
//! byte for byte, and a changed record keeps every untouched field exactly
//! as it was (quoted or not).
//!
//! Reading rules, the same as the `csv` crate's for well-formed input: a
//! field that starts with `"` is quoted and runs to the next lone `"` (`""`
//! inside is a quote); a record ends at `\n` or `\r\n` outside quotes; a `"`
//! inside an unquoted field is an ordinary character; a lone `\r` is an
//! ordinary character. Two things are errors of the record, not of the
//! file: text after a closing quote (`"ab"c`), and a quoted field still open
//! at the end of input. A record is bounded: past the limit its bytes are
//! no longer kept, only its end is looked for.

use std::borrow::Cow;
use std::io::{self, BufRead, BufReader, Read};
use std::ops::Range;

use super::record::{RawRecord, RecordState};

#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    FieldStart,
    Unquoted,
    Quoted,
    /// Just read a `"` inside a quoted field: an escaped quote or the end.
    QuoteSeen,
    /// A `\r` right after a closing quote: only `\n` may follow.
    QuoteCr,
}

/// Reads CSV records one at a time into a caller-owned buffer.
pub(crate) struct CsvReader<R> {
    inner: BufReader<R>,
    delimiter: u8,
    limit: usize,
    line: u64,
}

impl<R: Read> CsvReader<R> {
    pub(crate) fn new(inner: R, delimiter: u8, limit: usize) -> Self {
        CsvReader {
            inner: BufReader::with_capacity(256 * 1024, inner),
            delimiter,
            limit: limit.max(1),
            line: 0,
        }
    }

    /// Appends the next record's bytes to `data` and its field spans
    /// (absolute offsets in `data`, quotes included) to `fields`.
    pub(crate) fn next_record(
        &mut self,
        data: &mut Vec<u8>,
        fields: &mut Vec<Range<usize>>,
    ) -> io::Result<Option<RawRecord>> {
        let start = data.len();
        let first_field = fields.len();
        let line = self.line + 1;
        let mut state = State::FieldStart;
        let mut field_start = start;
        // Bytes of this record consumed so far (kept or not).
        let mut len = 0usize;
        let mut too_long = false;
        let mut broken: Option<&'static str> = None;
        let mut ended = false;
        let delimiter = self.delimiter;
        while !ended {
            let buf = match self.inner.fill_buf() {
                Ok(b) => b,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if buf.is_empty() {
                if len == 0 {
                    return Ok(None);
                }
                match state {
                    State::Quoted => {
                        broken.get_or_insert("a quoted field is still open at the end of input");
                    }
                    State::QuoteCr => {
                        broken.get_or_insert("text after the closing quote of a field");
                    }
                    _ => {}
                }
                break;
            }
            // `base` is where buf[0] lands in `data` if kept.
            let base = start + len;
            let mut i = 0;
            while i < buf.len() {
                match state {
                    State::FieldStart => {
                        if buf[i] == b'"' {
                            state = State::Quoted;
                            i += 1;
                        } else {
                            state = State::Unquoted;
                        }
                    }
                    State::Unquoted => match find_end_of_field(delimiter, &buf[i..]) {
                        None => i = buf.len(),
                        Some(k) => {
                            let at = i + k;
                            i = at + 1;
                            if buf[at] == delimiter {
                                fields.push(field_start..base + at);
                                field_start = base + at + 1;
                                state = State::FieldStart;
                            } else {
                                self.line += 1;
                                ended = true;
                                break;
                            }
                        }
                    },
                    State::Quoted => match memchr::memchr(b'"', &buf[i..]) {
                        None => {
                            self.line += memchr::memchr_iter(b'\n', &buf[i..]).count() as u64;
                            i = buf.len();
                        }
                        Some(k) => {
                            self.line += memchr::memchr_iter(b'\n', &buf[i..i + k]).count() as u64;
                            i += k + 1;
                            state = State::QuoteSeen;
                        }
                    },
                    State::QuoteSeen => {
                        let b = buf[i];
                        if b == b'"' {
                            state = State::Quoted;
                            i += 1;
                        } else if b == delimiter || b == b'\n' {
                            // The unquoted branch ends the field or record.
                            state = State::Unquoted;
                        } else if b == b'\r' {
                            state = State::QuoteCr;
                            i += 1;
                        } else {
                            broken.get_or_insert("text after the closing quote of a field");
                            state = State::Unquoted;
                        }
                    }
                    State::QuoteCr => {
                        if buf[i] != b'\n' {
                            broken.get_or_insert("text after the closing quote of a field");
                        }
                        state = State::Unquoted;
                    }
                }
            }
            // The limit counts the record's bytes but not its final `\n`.
            if !too_long && len + i - usize::from(ended) > self.limit {
                too_long = true;
                data.truncate(start);
                fields.truncate(first_field);
            }
            if !too_long {
                data.extend_from_slice(&buf[..i]);
            }
            len += i;
            self.inner.consume(i);
        }
        if too_long {
            fields.truncate(first_field);
            return Ok(Some(RawRecord::too_long(
                line,
                start,
                first_field,
                len as u64,
            )));
        }
        let end = data.len();
        let mut content_end = end;
        if ended {
            content_end -= 1;
            if content_end > start && data.get(content_end - 1) == Some(&b'\r') {
                content_end -= 1;
            }
        }
        fields.push(field_start.min(content_end)..content_end);
        let state = if let Some(reason) = broken {
            RecordState::Broken(reason)
        } else if content_end == start && fields.len() == first_field + 1 {
            RecordState::Blank
        } else {
            RecordState::Ok
        };
        Ok(Some(RawRecord {
            line,
            range: start..end,
            content_end,
            fields: first_field..fields.len(),
            len: len as u64,
            state,
        }))
    }
}

/// Where an unquoted field ends (the delimiter or `\n`): most fields are
/// short, and a plain loop finds a near end sooner than a vectorized
/// search, which takes over after the first bytes.
fn find_end_of_field(delimiter: u8, rest: &[u8]) -> Option<usize> {
    const SHORT: usize = 16;
    let head = rest.get(..SHORT).unwrap_or(rest);
    match head.iter().position(|&b| b == delimiter || b == b'\n') {
        Some(k) => Some(k),
        None => memchr::memchr2(delimiter, b'\n', rest.get(head.len()..)?).map(|k| head.len() + k),
    }
}

/// A field's value: quotes removed and `""` unescaped; borrowed when it
/// has no escaped quotes.
pub(crate) fn unquote(raw: &str) -> Cow<'_, str> {
    match raw.strip_prefix('"') {
        Some(inner) => {
            let inner = inner.strip_suffix('"').unwrap_or(inner);
            if inner.contains("\"\"") {
                Cow::Owned(inner.replace("\"\"", "\""))
            } else {
                Cow::Borrowed(inner)
            }
        }
        None => Cow::Borrowed(raw),
    }
}

/// Writes `value` as a field: quoted when it must be (it holds the
/// delimiter, a quote, `\r` or `\n`, or is empty as the only field of a
/// record) or when the field it replaces was quoted.
pub(crate) fn write_field(out: &mut Vec<u8>, value: &str, delimiter: u8, was_quoted: bool) {
    let needs = was_quoted
        || value
            .bytes()
            .any(|b| b == delimiter || b == b'"' || b == b'\n' || b == b'\r');
    if needs {
        out.push(b'"');
        for part in value.split('"').enumerate() {
            if part.0 > 0 {
                out.extend_from_slice(b"\"\"");
            }
            out.extend_from_slice(part.1.as_bytes());
        }
        out.push(b'"');
    } else {
        out.extend_from_slice(value.as_bytes());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reads everything: per record, its state and decoded fields.
    fn read(input: &[u8], delimiter: u8, limit: usize) -> Vec<(u64, RecordState, Vec<String>)> {
        let mut reader = CsvReader::new(input, delimiter, limit);
        let mut data = Vec::new();
        let mut spans = Vec::new();
        let mut out = Vec::new();
        while let Some(r) = reader.next_record(&mut data, &mut spans).unwrap() {
            let fields = spans[r.fields.clone()]
                .iter()
                .map(|s| unquote(std::str::from_utf8(&data[s.clone()]).unwrap()).into_owned())
                .collect();
            out.push((r.line, r.state, fields));
        }
        out
    }

    #[test]
    fn quoted_fields_with_delimiters_quotes_and_newlines() {
        let got = read(b"id,text\n1,\"a, \"\"b\"\"\nc\"\r\n2,plain\n", b',', 1000);
        assert_eq!(got.len(), 3);
        assert_eq!(got[1].0, 2);
        assert_eq!(got[1].2, ["1", "a, \"b\"\nc"]);
        assert_eq!(got[2].0, 4, "the quoted newline counts as a line");
        assert_eq!(got[2].2, ["2", "plain"]);
    }

    #[test]
    fn spans_cover_raw_fields_and_terminators() {
        let input = b"a,\"b\"\r\nc\n";
        let mut reader = CsvReader::new(&input[..], b',', 100);
        let (mut data, mut spans) = (Vec::new(), Vec::new());
        let r = reader.next_record(&mut data, &mut spans).unwrap().unwrap();
        assert_eq!(&data[r.range.clone()], b"a,\"b\"\r\n");
        assert_eq!(&data[r.range.start..r.content_end], b"a,\"b\"");
        assert_eq!(&data[spans[1].clone()], b"\"b\"");
        let r = reader.next_record(&mut data, &mut spans).unwrap().unwrap();
        assert_eq!(&data[r.range.clone()], b"c\n");
        assert!(reader.next_record(&mut data, &mut spans).unwrap().is_none());
    }

    #[test]
    fn tabs_blank_lines_and_a_last_record_without_newline() {
        let got = read(b"a\tb\n\nc\t\"d\te\"", b'\t', 100);
        assert_eq!(got[0].2, ["a", "b"]);
        assert_eq!(got[1].1, RecordState::Blank);
        assert_eq!(got[2].2, ["c", "d\te"]);
        assert_eq!(got[2].0, 3);
    }

    #[test]
    fn errors_belong_to_one_record() {
        let got = read(b"\"ab\"c,d\ne,f\n", b',', 100);
        assert_eq!(
            got[0].1,
            RecordState::Broken("text after the closing quote of a field")
        );
        assert_eq!(got[1].2, ["e", "f"]);
        let got = read(b"a\n\"open,\nstill", b',', 100);
        assert_eq!(
            got[1].1,
            RecordState::Broken("a quoted field is still open at the end of input")
        );
    }

    #[test]
    fn an_over_long_record_is_skipped_whole() {
        let got = read(b"short\n\"very long\nrecord\",x\nnext\n", b',', 8);
        assert_eq!(got[1].1, RecordState::TooLong);
        assert_eq!(got[2].2, ["next"]);
        assert_eq!(got[2].0, 4);
    }

    #[test]
    fn agrees_with_the_csv_crate() {
        let input = "h1,h2,h3\n\"x\"\"y\",,\"\"\nplain,\"multi\nline\",q\"uote\n";
        let ours: Vec<Vec<String>> = read(input.as_bytes(), b',', 1000)
            .into_iter()
            .map(|r| r.2)
            .collect();
        let mut theirs = Vec::new();
        let mut rdr = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(input.as_bytes());
        for rec in rdr.records() {
            theirs.push(rec.unwrap().iter().map(str::to_owned).collect::<Vec<_>>());
        }
        assert_eq!(ours, theirs);
    }

    /// Hands out at most `step` bytes per read.
    struct Trickle<'a>(&'a [u8], usize);

    impl Read for Trickle<'_> {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            let n = self.1.min(buf.len()).min(self.0.len());
            buf[..n].copy_from_slice(&self.0[..n]);
            self.0 = &self.0[n..];
            Ok(n)
        }
    }

    proptest::proptest! {
        /// Rows written by the `csv` crate (quoting what needs it) read
        /// back as they were, whatever the field lengths and read sizes.
        #[test]
        fn reads_what_the_csv_crate_writes(
            rows in proptest::collection::vec(
                proptest::collection::vec("[a,\"\n\r\t é]{0,40}", 3),
                1..12,
            ),
            tab in proptest::bool::ANY,
            step in 1usize..50,
        ) {
            let delimiter = if tab { b'\t' } else { b',' };
            let mut writer = csv::WriterBuilder::new().delimiter(delimiter).from_writer(Vec::new());
            for row in &rows {
                writer.write_record(row).unwrap();
            }
            let input = writer.into_inner().unwrap();
            let mut reader = CsvReader::new(Trickle(&input, step), delimiter, 1 << 20);
            let (mut data, mut spans) = (Vec::new(), Vec::new());
            let mut got = Vec::new();
            while let Some(r) = reader.next_record(&mut data, &mut spans).unwrap() {
                proptest::prop_assert_eq!(&r.state, &RecordState::Ok);
                let fields: Vec<String> = spans[r.fields.clone()]
                    .iter()
                    .map(|s| unquote(std::str::from_utf8(&data[s.clone()]).unwrap()).into_owned())
                    .collect();
                got.push(fields);
            }
            proptest::prop_assert_eq!(got, rows);
        }
    }

    #[test]
    fn written_fields_read_back() {
        for (value, quoted) in [
            ("plain", false),
            ("a,b", false),
            ("q\"x", false),
            ("x", true),
        ] {
            let mut out = Vec::new();
            write_field(&mut out, value, b',', quoted);
            let s = std::str::from_utf8(&out).unwrap();
            assert_eq!(unquote(s), value);
            assert_eq!(s.starts_with('"'), quoted || value != "plain");
        }
    }
}
