//! JSONL records: the string values of selected fields, found by dotted
//! path with their byte spans in the line, and new values spliced into the
//! line at those spans, so that every other byte of the record (key order,
//! number formatting, whitespace, escapes) stays exactly as it was read.
//!
//! The whole line is validated, as serde_json would: by a scanner that
//! builds nothing (`scan`), and by serde_json itself for whatever the
//! scanner is not sure of, which also words the errors. Values that are
//! not on a selected path are only skipped over, never rebuilt.

use std::borrow::Cow;
use std::fmt;
use std::io::{self, Read};
use std::ops::Range;

use serde::de::{self, Deserialize, Deserializer, MapAccess, Visitor};
use serde_json::value::RawValue;

use super::record::{RawRecord, RecordState};
use super::scan;
pub(crate) use super::scan::Entry;

/// Reads JSONL input in blocks of whole lines: the reading thread only
/// copies bytes and looks for the last newline of each block; the workers
/// split the block into records ([`split_lines`]). A line is bounded by a
/// byte limit: one that outgrows it before its newline is read to its end
/// and dropped.
pub(crate) struct LineBlocks<R> {
    inner: R,
    /// The start of a line that did not fit in the last block.
    carry: Vec<u8>,
    limit: usize,
    eof: bool,
}

/// What [`LineBlocks::next_block`] found.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Block {
    /// Whole lines, each with its `\n` (the last one may lack it at the end
    /// of input), are in the buffer.
    Lines,
    /// A line longer than the limit was read to its end and not kept: its
    /// length, terminator included.
    TooLong(u64),
    /// The end of input.
    End,
}

impl<R: Read> LineBlocks<R> {
    pub(crate) fn new(inner: R, limit: usize) -> Self {
        LineBlocks {
            inner,
            carry: Vec::new(),
            limit: limit.max(1),
            eof: false,
        }
    }

    /// Fills `data`, which must be empty, with whole lines: at least
    /// `target` bytes of them unless the input ends first.
    pub(crate) fn next_block(&mut self, data: &mut Vec<u8>, target: usize) -> io::Result<Block> {
        data.clear();
        data.append(&mut self.carry);
        // Where the last (so far unfinished) line of `data` starts.
        let mut line_start = memchr::memrchr(b'\n', data).map_or(0, |p| p + 1);
        loop {
            if data.len() - line_start > self.limit {
                if line_start > 0 {
                    // The lines before it first; the long one next time.
                    self.carry
                        .extend_from_slice(data.get(line_start..).unwrap_or_default());
                    data.truncate(line_start);
                    return Ok(Block::Lines);
                }
                return self.skip_line(data).map(Block::TooLong);
            }
            if self.eof || data.len() >= target {
                if self.eof {
                    return Ok(if data.is_empty() {
                        Block::End
                    } else {
                        Block::Lines
                    });
                }
                if line_start > 0 {
                    self.carry
                        .extend_from_slice(data.get(line_start..).unwrap_or_default());
                    data.truncate(line_start);
                    return Ok(Block::Lines);
                }
                // One line longer than the target but within the limit:
                // read on to its end.
            }
            let before = data.len();
            let want = target.saturating_sub(before).max(64 * 1024);
            if read_some(&mut self.inner, data, want)? == 0 {
                self.eof = true;
            } else if let Some(p) = memchr::memrchr(b'\n', data.get(before..).unwrap_or_default()) {
                line_start = before + p + 1;
            }
        }
    }

    /// Drops the line that fills `data` and the rest of it up to and
    /// including its newline; keeps what follows. Returns its length.
    fn skip_line(&mut self, data: &mut Vec<u8>) -> io::Result<u64> {
        let mut len = data.len() as u64;
        loop {
            data.clear();
            if read_some(&mut self.inner, data, 64 * 1024)? == 0 {
                self.eof = true;
                return Ok(len);
            }
            if let Some(p) = memchr::memchr(b'\n', data) {
                len += p as u64 + 1;
                self.carry
                    .extend_from_slice(data.get(p + 1..).unwrap_or_default());
                data.clear();
                return Ok(len);
            }
            len += data.len() as u64;
        }
    }
}

/// Appends up to `want` bytes read from `r` to `data`; fewer only at the
/// end of input. Returns how many.
fn read_some(r: &mut impl Read, data: &mut Vec<u8>, want: usize) -> io::Result<usize> {
    let start = data.len();
    data.resize(start + want, 0);
    let mut filled = start;
    let result = loop {
        let Some(room) = data.get_mut(filled..) else {
            break Ok(());
        };
        if room.is_empty() {
            break Ok(());
        }
        match r.read(room) {
            Ok(0) => break Ok(()),
            Ok(n) => filled += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => break Err(e),
        }
    };
    data.truncate(filled);
    result.map(|()| filled - start)
}

/// The records of a block of whole lines, numbered from `first_line`: one
/// per line, blank ones marked, those longer than `limit` bytes (not
/// counting the `\n`) marked too long.
pub(crate) fn split_lines(
    data: &[u8],
    first_line: u64,
    limit: usize,
) -> impl Iterator<Item = RawRecord> + '_ {
    let mut start = 0;
    let mut line = first_line;
    std::iter::from_fn(move || {
        if start >= data.len() {
            return None;
        }
        let rest = data.get(start..)?;
        let (end, ended) = match memchr::memchr(b'\n', rest) {
            Some(k) => (start + k + 1, true),
            None => (data.len(), false),
        };
        let mut content_end = end - usize::from(ended);
        let len = end - start;
        let record_start = start;
        start = end;
        let this = line;
        line += 1;
        if content_end - record_start > limit {
            return Some(RawRecord::too_long(this, record_start, 0, len as u64));
        }
        if ended && content_end > record_start && data.get(content_end - 1) == Some(&b'\r') {
            content_end -= 1;
        }
        let blank = data
            .get(record_start..content_end)
            .is_some_and(|c| c.iter().all(u8::is_ascii_whitespace));
        Some(RawRecord {
            line: this,
            range: record_start..end,
            content_end,
            fields: 0..0,
            len: len as u64,
            state: if blank {
                RecordState::Blank
            } else {
                RecordState::Ok
            },
        })
    })
}

/// A field to process: a top-level key (`text`) or a dotted path into
/// nested objects (`meta.title`); a numeric segment also indexes an array
/// (`names.0`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct FieldPath {
    name: String,
    segments: Vec<String>,
}

impl FieldPath {
    pub(crate) fn parse(name: &str) -> FieldPath {
        FieldPath {
            name: name.to_owned(),
            segments: name.split('.').map(str::to_owned).collect(),
        }
    }

    /// The path as the user wrote it.
    pub(crate) fn name(&self) -> &str {
        &self.name
    }
}

/// Why a record cannot be processed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Problem {
    /// Not JSON, or not one JSON value.
    Malformed(String),
    /// Valid JSON, but not an object.
    NotAnObject(&'static str),
    /// A selected field is absent.
    MissingField(String),
    /// A selected field holds something other than a string.
    NotAString(String, &'static str),
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::Malformed(e) => write!(f, "malformed JSON: {e}"),
            Problem::NotAnObject(kind) => write!(f, "the record is {kind}, not a JSON object"),
            Problem::MissingField(name) => write!(f, "missing field `{name}`"),
            Problem::NotAString(name, kind) => {
                write!(f, "field `{name}` is {kind}, not a string")
            }
        }
    }
}

/// One parsed record: its top-level entries, each value's span in the
/// line (the value itself is not parsed).
pub(crate) struct Record<'a> {
    line: &'a str,
    entries: Vec<Entry<'a>>,
}

/// A string value found at a path: its decoded text and the byte span of
/// the JSON string (quotes included) in the line.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Located<'a> {
    pub(crate) span: Range<usize>,
    pub(crate) value: Cow<'a, str>,
}

impl<'a> Record<'a> {
    /// [`Record::parse_in`] with a buffer of its own.
    #[cfg(test)]
    pub(crate) fn parse(line: &'a str) -> Result<Record<'a>, Problem> {
        Record::parse_in(line, Vec::new())
    }

    /// Parses a line holding one JSON object (whitespace around it is
    /// fine), keeping its entries in `entries`, whose allocation is reused
    /// (get it back with [`Record::into_entries`]).
    ///
    /// The line is validated and its entries found by the scanner of
    /// [`super::scan`]; whatever it is not sure of (bad JSON, rare
    /// escapes) is decided by serde_json, so the answer and the error
    /// message are serde_json's either way.
    pub(crate) fn parse_in(
        line: &'a str,
        mut entries: Vec<Entry<'a>>,
    ) -> Result<Record<'a>, Problem> {
        if scan::object_into(line, &mut entries) {
            return Ok(Record { line, entries });
        }
        Record::parse_slow(line)
    }

    /// The entries' buffer, for the next [`Record::parse_in`].
    pub(crate) fn into_entries(self) -> Vec<Entry<'a>> {
        self.entries
    }

    /// [`Record::parse_in`] by serde_json alone.
    pub(crate) fn parse_slow(line: &'a str) -> Result<Record<'a>, Problem> {
        let first = line.trim_start().as_bytes().first().copied();
        if first != Some(b'{') {
            // Tell "not an object" from "not JSON at all".
            return Err(match serde_json::from_str::<&RawValue>(line) {
                Ok(raw) => Problem::NotAnObject(kind_of(raw.get())),
                Err(e) => Problem::Malformed(e.to_string()),
            });
        }
        let entries = slow_object(line).map_err(Problem::Malformed)?;
        Ok(Record { line, entries })
    }

    /// The string at `path`, with its span in the line.
    pub(crate) fn string_at(&self, path: &FieldPath) -> Result<Located<'a>, Problem> {
        let missing = || Problem::MissingField(path.name.clone());
        let mut segments = path.segments.iter();
        let first = segments.next().ok_or_else(missing)?;
        let mut span = lookup(&self.entries, first).ok_or_else(missing)?;
        for segment in segments {
            let inner = child(self.line.get(span.clone()).unwrap_or_default(), segment)
                .map_err(Problem::Malformed)?
                .ok_or_else(missing)?;
            span = span.start + inner.start..span.start + inner.end;
        }
        let text = self.line.get(span.clone()).unwrap_or_default();
        if !text.starts_with('"') {
            return Err(Problem::NotAString(path.name.clone(), kind_of(text)));
        }
        let value = match scan::decode(text) {
            Some(value) => value,
            None => serde_string(text).map_err(|e| Problem::Malformed(e.to_string()))?,
        };
        Ok(Located { span, value })
    }

    /// The span of a top-level key's value, when the key is there.
    pub(crate) fn value_span(&self, key: &str) -> Option<Range<usize>> {
        lookup(&self.entries, key)
    }

    /// Where a new top-level entry goes (just before the closing brace), and
    /// whether it needs a leading comma.
    pub(crate) fn insertion_point(&self) -> (usize, bool) {
        let end = self.line.trim_end().len().saturating_sub(1);
        (end, !self.entries.is_empty())
    }
}

/// The last entry named `key` (JSON allows duplicates; the last one wins,
/// as in JavaScript and serde_json).
fn lookup(entries: &[Entry<'_>], key: &str) -> Option<Range<usize>> {
    entries
        .iter()
        .rev()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.clone())
}

/// One step of a path: a key of an object, or an index of an array; the
/// span is relative to `raw`.
fn child(raw: &str, segment: &str) -> Result<Option<Range<usize>>, String> {
    match raw.as_bytes().first() {
        Some(b'{') => {
            let entries = match scan::object(raw) {
                Some(entries) => entries,
                None => slow_object(raw)?,
            };
            Ok(lookup(&entries, segment))
        }
        Some(b'[') => {
            let Ok(index) = segment.parse::<usize>() else {
                return Ok(None);
            };
            if let Some(found) = scan::array_item(raw, index) {
                return Ok(found);
            }
            let items: Vec<&RawValue> = serde_json::from_str(raw).map_err(|e| e.to_string())?;
            Ok(items.get(index).map(|item| span_in(raw, item)))
        }
        _ => Ok(None),
    }
}

/// A JSON string literal's value by serde_json, borrowed when it has no
/// escapes.
pub(crate) fn serde_string(text: &str) -> Result<Cow<'_, str>, serde_json::Error> {
    serde_json::from_str(text).map(|Str(value)| value)
}

/// An object's entries by serde_json.
fn slow_object(text: &str) -> Result<Vec<Entry<'_>>, String> {
    let Entries(entries) = serde_json::from_str(text).map_err(|e| e.to_string())?;
    Ok(entries
        .into_iter()
        .map(|(key, raw)| (key, span_in(text, raw)))
        .collect())
}

/// Where `raw`, borrowed from `text`, sits in it.
fn span_in(text: &str, raw: &RawValue) -> Range<usize> {
    let start = raw.get().as_ptr().addr() - text.as_ptr().addr();
    start..start + raw.get().len()
}

fn kind_of(raw: &str) -> &'static str {
    match raw.as_bytes().first() {
        Some(b'{') => "an object",
        Some(b'[') => "an array",
        Some(b'"') => "a string",
        Some(b't' | b'f') => "a boolean",
        Some(b'n') => "null",
        _ => "a number",
    }
}

/// What replaces a span of a record.
pub(crate) enum Patch<'x> {
    /// A string value, written as a JSON string literal.
    Str(&'x str),
    /// JSON text, written as it is.
    Json(&'x [u8]),
    /// A new entry `"name":json`, after a comma when `comma`.
    Entry {
        comma: bool,
        name: &'x str,
        json: &'x [u8],
    },
}

/// Writes into `out` the line with each span replaced by its patch. Spans
/// must be sorted and disjoint (an insertion is an empty span).
pub(crate) fn splice(line: &[u8], edits: &[(Range<usize>, Patch<'_>)], out: &mut Vec<u8>) {
    let mut at = 0;
    for (span, patch) in edits {
        out.extend_from_slice(line.get(at..span.start).unwrap_or_default());
        match patch {
            Patch::Str(text) => crate::json::write_str(out, text),
            Patch::Json(json) => out.extend_from_slice(json),
            Patch::Entry { comma, name, json } => {
                if *comma {
                    out.push(b',');
                }
                crate::json::write_str(out, name);
                out.push(b':');
                out.extend_from_slice(json);
            }
        }
        at = span.end;
    }
    out.extend_from_slice(line.get(at..).unwrap_or_default());
}

/// A JSON object's entries in order, values unparsed.
struct Entries<'a>(Vec<(Cow<'a, str>, &'a RawValue)>);

impl<'de> Deserialize<'de> for Entries<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Entries<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut entries = Vec::with_capacity(map.size_hint().unwrap_or(8));
                while let Some(Str(key)) = map.next_key()? {
                    let value: &'de RawValue = map.next_value()?;
                    entries.push((key, value));
                }
                Ok(Entries(entries))
            }
        }
        deserializer.deserialize_map(V)
    }
}

/// A string, borrowed from the input when it has no escapes.
struct Str<'a>(Cow<'a, str>);

impl<'de> Deserialize<'de> for Str<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Str<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
                Ok(Str(Cow::Borrowed(v)))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok(Str(Cow::Owned(v.to_owned())))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
                Ok(Str(Cow::Owned(v)))
            }
        }
        deserializer.deserialize_str(V)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(line: &str, path: &str) -> Result<(String, String), Problem> {
        let record = Record::parse(line)?;
        let found = record.string_at(&FieldPath::parse(path))?;
        Ok((found.value.into_owned(), line[found.span].to_owned()))
    }

    #[test]
    fn finds_top_level_and_nested_strings_with_spans() {
        let line = r#"{"id": 7, "text":"Serge\u043d", "meta":{"title":"A\"B","n":[1,"x"]}}"#;
        assert_eq!(
            at(line, "text").unwrap(),
            ("Sergeн".into(), r#""Serge\u043d""#.into())
        );
        assert_eq!(
            at(line, "meta.title").unwrap(),
            ("A\"B".into(), r#""A\"B""#.into())
        );
        assert_eq!(at(line, "meta.n.1").unwrap(), ("x".into(), "\"x\"".into()));
    }

    #[test]
    fn unescaped_strings_are_borrowed() {
        let line = r#"{"text":"Сергей"}"#;
        let record = Record::parse(line).unwrap();
        let found = record.string_at(&FieldPath::parse("text")).unwrap();
        assert!(matches!(found.value, Cow::Borrowed("Сергей")));
    }

    #[test]
    fn problems_are_told_apart() {
        assert!(matches!(
            at(r#"{"text": "a""#, "text"),
            Err(Problem::Malformed(_))
        ));
        assert!(matches!(
            at(r#"{"text": "a"} x"#, "text"),
            Err(Problem::Malformed(_))
        ));
        assert!(matches!(at("not json", "text"), Err(Problem::Malformed(_))));
        assert_eq!(at("[1,2]", "text"), Err(Problem::NotAnObject("an array")));
        assert_eq!(at("\"s\"", "text"), Err(Problem::NotAnObject("a string")));
        assert_eq!(
            at(r#"{"id":1}"#, "text"),
            Err(Problem::MissingField("text".into()))
        );
        assert_eq!(
            at(r#"{"text":12.50}"#, "text"),
            Err(Problem::NotAString("text".into(), "a number"))
        );
        assert_eq!(
            at(r#"{"a":{"b":null}}"#, "a.b"),
            Err(Problem::NotAString("a.b".into(), "null"))
        );
        assert_eq!(
            at(r#"{"a":"x"}"#, "a.b"),
            Err(Problem::MissingField("a.b".into()))
        );
        // A malformed nested value is caught when the whole line is parsed.
        assert!(matches!(
            at(r#"{"a":{"b":}}"#, "a.b"),
            Err(Problem::Malformed(_))
        ));
    }

    #[test]
    fn the_last_duplicate_key_wins() {
        assert_eq!(at(r#"{"t":"a","t":"b"}"#, "t").unwrap().0, "b");
    }

    #[test]
    fn splicing_keeps_every_other_byte() {
        let line = r#"{ "id" : 1.50e3 ,"text":"a\u200Bb",  "z":[ 1 ] }"#;
        let record = Record::parse(line).unwrap();
        let found = record.string_at(&FieldPath::parse("text")).unwrap();
        let (at, comma) = record.insertion_point();
        assert!(comma);
        let mut out = Vec::new();
        splice(
            line.as_bytes(),
            &[
                (found.span, Patch::Str("ab")),
                (
                    at..at,
                    Patch::Entry {
                        comma,
                        name: "changes",
                        json: b"[]",
                    },
                ),
            ],
            &mut out,
        );
        assert_eq!(
            String::from_utf8(out).unwrap(),
            r#"{ "id" : 1.50e3 ,"text":"ab",  "z":[ 1 ] ,"changes":[]}"#
        );
    }

    /// Hands out at most `step` bytes per read.
    struct Trickle<'a> {
        data: &'a [u8],
        step: usize,
    }

    impl Read for Trickle<'_> {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            let n = self.step.min(buf.len()).min(self.data.len());
            buf[..n].copy_from_slice(&self.data[..n]);
            self.data = &self.data[n..];
            Ok(n)
        }
    }

    type Seen = (u64, String, RecordState, u64);

    /// Every record, read in blocks of about `target` bytes as the batch
    /// reader does (lines numbered on across blocks).
    fn read_blocks(input: &[u8], step: usize, limit: usize, target: usize) -> Vec<Seen> {
        let mut reader = LineBlocks::new(Trickle { data: input, step }, limit);
        let mut data = Vec::new();
        let mut got = Vec::new();
        let mut next_line = 1;
        loop {
            match reader.next_block(&mut data, target).unwrap() {
                Block::End => break,
                Block::TooLong(len) => {
                    got.push((next_line, String::new(), RecordState::TooLong, len));
                    next_line += 1;
                }
                Block::Lines => {
                    for r in split_lines(&data, next_line, limit) {
                        next_line = r.line + 1;
                        let content =
                            String::from_utf8(data[r.range.start..r.content_end].to_vec());
                        got.push((r.line, content.unwrap(), r.state, r.len));
                    }
                }
            }
        }
        got
    }

    #[test]
    fn lines_blank_lines_and_over_long_lines() {
        let input = b"{\"a\":1}\r\n  \n{\"long\":\"xxxxxxxxxxxx\"}\n{}";
        let expected: Vec<Seen> = vec![
            (1, "{\"a\":1}".into(), RecordState::Ok, 9),
            (2, "  ".into(), RecordState::Blank, 3),
            (3, String::new(), RecordState::TooLong, 24),
            (4, "{}".into(), RecordState::Ok, 2),
        ];
        for step in [1, 3, 1000] {
            for target in [1, 7, 20, 1 << 20] {
                assert_eq!(
                    read_blocks(input, step, 12, target),
                    expected,
                    "{step} {target}"
                );
            }
        }
        // Exactly at the limit is kept; `\r` counts, `\n` does not.
        let got = read_blocks(b"abc\r\nabcd\nabcde", 1000, 4, 2);
        let states: Vec<_> = got.iter().map(|g| (g.2.clone(), g.3)).collect();
        assert_eq!(
            states,
            [
                (RecordState::Ok, 5),
                (RecordState::Ok, 5),
                (RecordState::TooLong, 5)
            ]
        );
        assert!(read_blocks(b"", 10, 10, 10).is_empty());
    }

    proptest::proptest! {
        /// Blocks of any size, reads of any size, any limit: the same
        /// records as splitting the whole input at `\n`.
        #[test]
        fn blocks_split_like_the_whole_input(
            lines in proptest::collection::vec("[a \r]{0,12}", 0..30),
            last_newline in proptest::bool::ANY,
            step in 1usize..40,
            limit in 1usize..15,
            target in 1usize..60,
        ) {
            let mut input = lines.join("\n");
            if last_newline && !lines.is_empty() {
                input.push('\n');
            }
            let mut expected = Vec::new();
            for (i, piece) in input.split_inclusive('\n').enumerate() {
                let ended = piece.ends_with('\n');
                let body = piece.strip_suffix('\n').unwrap_or(piece);
                let state = if body.len() > limit {
                    RecordState::TooLong
                } else if body.trim_end_matches('\r').bytes().all(|b| b.is_ascii_whitespace()) {
                    RecordState::Blank
                } else {
                    RecordState::Ok
                };
                let content = match state {
                    RecordState::TooLong => String::new(),
                    _ if ended => body.strip_suffix('\r').unwrap_or(body).to_owned(),
                    _ => body.to_owned(),
                };
                expected.push((i as u64 + 1, content, state, piece.len() as u64));
            }
            proptest::prop_assert_eq!(read_blocks(input.as_bytes(), step, limit, target), expected);
        }
    }

    /// The serde_json-only implementation this module had before the
    /// scanner: the oracle of the property test below.
    mod oracle {
        use super::super::{kind_of, Entries, FieldPath, Problem, Str};
        use serde_json::value::RawValue;
        use std::ops::Range;

        pub(super) type Found = Result<(String, Range<usize>), Problem>;

        /// Per path what was found; the output field's span; the insertion point.
        pub(super) type Seen = Result<(Vec<Found>, Option<Range<usize>>, (usize, bool)), Problem>;

        fn lookup<'a>(
            entries: &[(std::borrow::Cow<'a, str>, &'a RawValue)],
            key: &str,
        ) -> Option<&'a RawValue> {
            entries
                .iter()
                .rev()
                .find(|(k, _)| k == key)
                .map(|(_, v)| *v)
        }

        fn child<'a>(raw: &'a RawValue, segment: &str) -> Result<Option<&'a RawValue>, String> {
            match raw.get().as_bytes().first() {
                Some(b'{') => {
                    let Entries(entries) =
                        serde_json::from_str(raw.get()).map_err(|e| e.to_string())?;
                    Ok(lookup(&entries, segment))
                }
                Some(b'[') => {
                    let Ok(index) = segment.parse::<usize>() else {
                        return Ok(None);
                    };
                    let items: Vec<&RawValue> =
                        serde_json::from_str(raw.get()).map_err(|e| e.to_string())?;
                    Ok(items.get(index).copied())
                }
                _ => Ok(None),
            }
        }

        fn span(line: &str, raw: &RawValue) -> Range<usize> {
            let start = raw.get().as_ptr().addr() - line.as_ptr().addr();
            start..start + raw.get().len()
        }

        /// Per path what was found; the output field's span; the insertion point.
        pub(super) fn run(line: &str, paths: &[FieldPath], out: &str) -> Seen {
            let first = line.trim_start().as_bytes().first().copied();
            if first != Some(b'{') {
                return Err(match serde_json::from_str::<&RawValue>(line) {
                    Ok(raw) => Problem::NotAnObject(kind_of(raw.get())),
                    Err(e) => Problem::Malformed(e.to_string()),
                });
            }
            let Entries(entries) =
                serde_json::from_str(line).map_err(|e| Problem::Malformed(e.to_string()))?;
            let found = paths
                .iter()
                .map(|path| {
                    let missing = || Problem::MissingField(path.name.clone());
                    let mut segments = path.segments.iter();
                    let first = segments.next().ok_or_else(missing)?;
                    let mut raw = lookup(&entries, first).ok_or_else(missing)?;
                    for segment in segments {
                        raw = child(raw, segment)
                            .map_err(Problem::Malformed)?
                            .ok_or_else(missing)?;
                    }
                    if !raw.get().starts_with('"') {
                        return Err(Problem::NotAString(path.name.clone(), kind_of(raw.get())));
                    }
                    let Str(value) = serde_json::from_str(raw.get())
                        .map_err(|e| Problem::Malformed(e.to_string()))?;
                    Ok((value.into_owned(), span(line, raw)))
                })
                .collect();
            let end = line.trim_end().len().saturating_sub(1);
            Ok((
                found,
                lookup(&entries, out).map(|raw| span(line, raw)),
                (end, !entries.is_empty()),
            ))
        }
    }

    fn new_run(line: &str, paths: &[FieldPath], out: &str) -> oracle::Seen {
        let record = Record::parse(line)?;
        let found = paths
            .iter()
            .map(|p| record.string_at(p).map(|l| (l.value.into_owned(), l.span)))
            .collect();
        Ok((found, record.value_span(out), record.insertion_point()))
    }

    mod props {
        use super::*;
        use proptest::prelude::*;

        /// Pieces of JSON strings: plain text in several scripts, escapes
        /// (pairs, lone surrogates, bad ones), raw control characters.
        fn string_body() -> impl Strategy<Value = String> {
            let piece = prop_oneof![
                40 => "[a-z ]{0,6}",
                20 => "[а-я]{0,3}",
                10 => Just("\\n".to_owned()),
                1 => Just("李".to_owned()),
                1 => Just("\\n".to_owned()),
                1 => Just("\\\"".to_owned()),
                1 => Just("\\\\".to_owned()),
                1 => Just("\\/\\b\\f\\r\\t".to_owned()),
                1 => Just("\\u00e9".to_owned()),
                1 => Just("\\u200B".to_owned()),
                1 => Just("\\ud83d\\ude00".to_owned()),
                1 => Just("\\ud83d".to_owned()),
                1 => Just("\\ude00".to_owned()),
                1 => Just("\\ud83dx".to_owned()),
                1 => Just("\\ud83d\\u0041".to_owned()),
                1 => Just("\\x".to_owned()),
                1 => Just("\\u12".to_owned()),
                1 => Just("\t".to_owned()),
                1 => Just("\u{1}".to_owned()),
                1 => Just("\u{7f}".to_owned()),
            ];
            proptest::collection::vec(piece, 0..4).prop_map(|v| v.concat())
        }

        fn key() -> impl Strategy<Value = String> {
            prop_oneof![
                6 => Just("\"text\"".to_owned()),
                6 => prop_oneof![Just("text"), Just("meta"), Just("a"), Just("b"), Just("0"), Just("out"), Just("")]
                    .prop_map(|k| format!("\"{k}\"")),
                1 => Just("\"te\\u0078t\"".to_owned()),
                1 => Just("\"\\ud800\"".to_owned()),
                1 => string_body().prop_map(|b| format!("\"{b}\"")),
            ]
        }

        fn ws() -> impl Strategy<Value = &'static str> {
            prop_oneof![8 => Just(""), 1 => Just(" "), 1 => Just(" \t\r\n ")]
        }

        fn scalar() -> impl Strategy<Value = String> {
            prop_oneof![
                4 => string_body().prop_map(|b| format!("\"{b}\"")),
                1 => prop_oneof![
                    Just("0"), Just("-0"), Just("12"), Just("1.50e3"), Just("-2E-7"), Just("1e+9"),
                    Just("01"), Just("1."), Just(".5"), Just("-"), Just("1e"), Just("+1"),
                    Just("true"), Just("false"), Just("null"), Just("nul"), Just("True"),
                ]
                .prop_map(str::to_owned),
            ]
        }

        fn value() -> impl Strategy<Value = String> {
            scalar().prop_recursive(4, 32, 5, |inner| {
                prop_oneof![
                    proptest::collection::vec((ws(), inner.clone(), ws()), 0..4).prop_map(
                        |items| {
                            let items: Vec<String> = items
                                .into_iter()
                                .map(|(a, v, b)| format!("{a}{v}{b}"))
                                .collect();
                            format!("[{}]", items.join(","))
                        }
                    ),
                    proptest::collection::vec((key(), ws(), inner), 0..4).prop_map(|entries| {
                        let entries: Vec<String> = entries
                            .into_iter()
                            .map(|(k, w, v)| format!("{k}{w}:{w}{v}"))
                            .collect();
                        format!("{{{}}}", entries.join(","))
                    }),
                ]
            })
        }

        fn line() -> impl Strategy<Value = String> {
            let text = prop_oneof![Just(None), string_body().prop_map(Some)];
            let object = (
                ws(),
                proptest::collection::vec((key(), ws(), value()), 0..6),
                text,
                ws(),
            )
                .prop_map(|(a, entries, text, b)| {
                    let mut entries: Vec<String> = entries
                        .into_iter()
                        .map(|(k, w, v)| format!("{w}{k}{w}:{v}{w}"))
                        .collect();
                    if let Some(text) = text {
                        let at = text.len() % (entries.len() + 1);
                        entries.insert(at, format!("\"text\":\"{text}\""));
                    }
                    format!("{a}{{{}}}{b}", entries.join(","))
                });
            let mutation = prop_oneof![
                3 => Just(None),
                1 => (any::<prop::sample::Index>(), prop_oneof![
                    Just(""), Just(","), Just("}"), Just("]"), Just("{"), Just("["), Just("\""),
                    Just(":"), Just("\\"), Just("x"), Just("0"), Just(" ")
                ]).prop_map(Some),
            ];
            prop_oneof![
                9 => (object, mutation).prop_map(|(mut line, m)| {
                    if let Some((at, insert)) = m {
                        let mut i = at.index(line.len() + 1);
                        while !line.is_char_boundary(i) {
                            i -= 1;
                        }
                        if insert.is_empty() {
                            // Delete the character there.
                            if let Some(c) = line[i..].chars().next() {
                                line.replace_range(i..i + c.len_utf8(), "");
                            }
                        } else {
                            line.insert_str(i, insert);
                        }
                    }
                    line
                }),
                1 => value(),
            ]
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(crate::proptest_cases(4000)))]

            /// The scanner and serde_json agree on every line: valid or
            /// not (with the same message), and each path's value and span.
            #[test]
            fn the_fast_path_agrees_with_serde_json(line in line()) {
                let paths: Vec<FieldPath> = ["text", "meta.text", "a.0", "a.b.1", "0", "te\\u0078t"]
                    .iter()
                    .map(|p| FieldPath::parse(p))
                    .collect();
                prop_assert_eq!(new_run(&line, &paths, "out"), oracle::run(&line, &paths, "out"));
            }
        }

        /// Numbers beyond `f64` are valid JSON: serde_json's raw values take
        /// them (only its `Value` would not), and so does the scanner; the
        /// record passes through (fuzzing asked).
        #[test]
        fn numbers_beyond_f64_pass_through() {
            let paths = [FieldPath::parse("text")];
            let long = format!(r#"{{"n":1{},"text":"x"}}"#, "0".repeat(400));
            for line in [
                r#"{"n":1.6e502,"text":"x"}"#,
                r#"{"n":-1e-400,"text":"x"}"#,
                &long,
            ] {
                let fast = new_run(line, &paths, "out");
                assert!(fast.is_ok(), "{line}");
                assert_eq!(fast, oracle::run(line, &paths, "out"));
            }
        }

        #[test]
        fn the_generator_makes_valid_and_invalid_lines_and_reaches_values() {
            use proptest::strategy::ValueTree;
            let mut runner = proptest::test_runner::TestRunner::deterministic();
            let (mut ok, mut bad, mut strings) = (0, 0, 0);
            for _ in 0..2000 {
                let line = line().new_tree(&mut runner).unwrap().current();
                match oracle::run(&line, &[FieldPath::parse("text")], "out") {
                    Ok((found, _, _)) => {
                        ok += 1;
                        strings += usize::from(found[0].is_ok());
                    }
                    Err(_) => bad += 1,
                }
            }
            assert!(
                ok > 400 && bad > 400 && strings > 100,
                "{ok} {bad} {strings}"
            );
        }
    }

    #[test]
    fn empty_object_insertion_needs_no_comma() {
        let record = Record::parse("{ } ").unwrap();
        assert_eq!(record.insertion_point(), (2, false));
        assert_eq!(record.value_span("x"), None);
    }
}
