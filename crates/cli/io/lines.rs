//! Reads lines as bytes, keeps each line's terminator, bounds line length,
//! and decodes with a SIMD UTF-8 validator, falling back to a lossy decode
//! that reports every invalid sequence.

use std::borrow::Cow;
use std::io::{self, BufRead, BufReader, Read};

/// A line as read: its content without terminator, and the terminator
/// (`"\n"`, `"\r\n"` or `""` at the end of input).
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Line<'a> {
    /// A whole line no longer than the limit.
    Complete {
        content: &'a [u8],
        terminator: &'a [u8],
    },
    /// The first `limit` bytes of a line longer than the limit. The rest of
    /// the line is still unread: call [`LineReader::pass_rest_of_line`] or
    /// [`LineReader::skip_rest_of_line`] before reading the next line.
    TooLong { head: &'a [u8] },
}

/// A bounded-memory line reader over any byte source.
pub(crate) struct LineReader<R> {
    inner: BufReader<R>,
    buf: Vec<u8>,
    limit: usize,
    pending_rest: bool,
}

impl<R: Read> LineReader<R> {
    pub(crate) fn new(inner: R, limit: usize) -> Self {
        LineReader {
            inner: BufReader::with_capacity(256 * 1024, inner),
            buf: Vec::with_capacity(4096),
            limit: limit.max(1),
            pending_rest: false,
        }
    }

    /// Reads the next line, or `None` at the end of input.
    pub(crate) fn next_line(&mut self) -> io::Result<Option<Line<'_>>> {
        if self.pending_rest {
            self.skip_rest_of_line()?;
        }
        self.buf.clear();
        loop {
            let available = match self.inner.fill_buf() {
                Ok(b) => b,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if available.is_empty() {
                break;
            }
            let room = self.limit - self.buf.len();
            let window = &available[..available.len().min(room + 1)];
            if let Some(i) = memchr::memchr(b'\n', window) {
                self.buf.extend_from_slice(&window[..=i]);
                self.inner.consume(i + 1);
                return Ok(Some(self.complete()));
            }
            let take = window.len().min(room);
            self.buf.extend_from_slice(&window[..take]);
            self.inner.consume(take);
            if self.buf.len() >= self.limit {
                // The limit is reached and no newline is in sight: one more
                // byte decides whether this is exactly a limit-length last line.
                let next = self.inner.fill_buf()?;
                if next.is_empty() {
                    break;
                }
                if next[0] == b'\n' {
                    self.buf.push(b'\n');
                    self.inner.consume(1);
                    return Ok(Some(self.complete()));
                }
                self.pending_rest = true;
                return Ok(Some(Line::TooLong { head: &self.buf }));
            }
        }
        if self.buf.is_empty() {
            return Ok(None);
        }
        Ok(Some(self.complete()))
    }

    fn complete(&self) -> Line<'_> {
        let buf = &self.buf[..];
        let (content, terminator) = if let Some(c) = buf.strip_suffix(b"\r\n") {
            (c, &buf[c.len()..])
        } else if let Some(c) = buf.strip_suffix(b"\n") {
            (c, &buf[c.len()..])
        } else {
            (buf, &buf[buf.len()..])
        };
        Line::Complete {
            content,
            terminator,
        }
    }

    /// After [`Line::TooLong`]: copies the rest of the line, terminator
    /// included, to `out` without holding it in memory.
    pub(crate) fn pass_rest_of_line(&mut self, out: &mut dyn io::Write) -> io::Result<()> {
        self.pending_rest = false;
        self.drain_line(Some(out))
    }

    /// After [`Line::TooLong`]: discards the rest of the line.
    pub(crate) fn skip_rest_of_line(&mut self) -> io::Result<()> {
        self.pending_rest = false;
        self.drain_line(None)
    }

    fn drain_line(&mut self, mut out: Option<&mut dyn io::Write>) -> io::Result<()> {
        loop {
            let available = match self.inner.fill_buf() {
                Ok(b) => b,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if available.is_empty() {
                return Ok(());
            }
            let (chunk, done) = match memchr::memchr(b'\n', available) {
                Some(i) => (&available[..=i], true),
                None => (available, false),
            };
            if let Some(w) = out.as_mut() {
                w.write_all(chunk)?;
            }
            let n = chunk.len();
            self.inner.consume(n);
            if done {
                return Ok(());
            }
        }
    }
}

/// An invalid UTF-8 sequence: its 0-based byte offset in the line and its bytes.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct InvalidSequence {
    pub(crate) offset: usize,
    pub(crate) bytes: Vec<u8>,
}

/// Decodes a line: borrowed when it is valid UTF-8 (checked with SIMD),
/// otherwise decoded lossily with each invalid sequence replaced by U+FFFD
/// and listed.
pub(crate) fn decode_line(bytes: &[u8]) -> (Cow<'_, str>, Vec<InvalidSequence>) {
    if let Ok(s) = simdutf8::basic::from_utf8(bytes) {
        return (Cow::Borrowed(s), Vec::new());
    }
    let mut text = String::with_capacity(bytes.len() + 8);
    let mut invalid = Vec::new();
    let mut offset = 0;
    for chunk in bytes.utf8_chunks() {
        text.push_str(chunk.valid());
        offset += chunk.valid().len();
        let bad = chunk.invalid();
        if !bad.is_empty() {
            text.push(char::REPLACEMENT_CHARACTER);
            invalid.push(InvalidSequence {
                offset,
                bytes: bad.to_vec(),
            });
            offset += bad.len();
        }
    }
    (Cow::Owned(text), invalid)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_all(input: &[u8], limit: usize) -> Vec<(String, String, bool)> {
        let mut r = LineReader::new(input, limit);
        let mut out = Vec::new();
        while let Some(line) = r.next_line().unwrap() {
            match line {
                Line::Complete {
                    content,
                    terminator,
                } => out.push((
                    String::from_utf8_lossy(content).into_owned(),
                    String::from_utf8_lossy(terminator).into_owned(),
                    false,
                )),
                Line::TooLong { head } => {
                    out.push((
                        String::from_utf8_lossy(head).into_owned(),
                        String::new(),
                        true,
                    ));
                }
            }
        }
        out
    }

    #[test]
    fn keeps_terminators_and_a_last_line_without_one() {
        let lines = read_all(b"a\nb\r\nc", 100);
        assert_eq!(
            lines,
            [
                ("a".into(), "\n".into(), false),
                ("b".into(), "\r\n".into(), false),
                ("c".into(), String::new(), false)
            ]
        );
    }

    #[test]
    fn empty_input_has_no_lines_and_empty_lines_count() {
        assert!(read_all(b"", 10).is_empty());
        assert_eq!(read_all(b"\n\n", 10).len(), 2);
    }

    #[test]
    fn line_of_exactly_the_limit_is_complete() {
        let lines = read_all(b"abcd\nef", 4);
        assert_eq!(lines[0], ("abcd".into(), "\n".into(), false));
        assert_eq!(lines[1], ("ef".into(), String::new(), false));
        let lines = read_all(b"abcd", 4);
        assert_eq!(lines, [("abcd".into(), String::new(), false)]);
    }

    #[test]
    fn over_long_line_is_cut_and_the_next_line_still_read() {
        let lines = read_all(b"abcdefgh\nxy\n", 4);
        assert_eq!(lines[0], ("abcd".into(), String::new(), true));
        assert_eq!(lines[1], ("xy".into(), "\n".into(), false));
        assert_eq!(lines.len(), 2);
    }

    #[test]
    fn pass_rest_copies_the_remainder_with_terminator() {
        let mut r = LineReader::new(&b"abcdefgh\nxy"[..], 3);
        assert_eq!(r.next_line().unwrap(), Some(Line::TooLong { head: b"abc" }));
        let mut out = Vec::new();
        r.pass_rest_of_line(&mut out).unwrap();
        assert_eq!(out, b"defgh\n");
        assert!(matches!(
            r.next_line().unwrap(),
            Some(Line::Complete { content: b"xy", .. })
        ));
        assert_eq!(r.next_line().unwrap(), None);
    }

    #[test]
    fn small_buffer_boundaries_do_not_matter() {
        // Lines longer than BufReader's refills are assembled correctly.
        let long = "é".repeat(200_000);
        let input = format!("{long}\nz\n");
        let lines = read_all(input.as_bytes(), 1 << 20);
        assert_eq!(lines[0].0, long);
        assert_eq!(lines[1].0, "z");
    }

    #[test]
    fn decode_reports_each_invalid_sequence_with_offset() {
        let (text, bad) = decode_line(b"ok\xff\xfeok\xc3");
        assert_eq!(text, "ok\u{FFFD}\u{FFFD}ok\u{FFFD}");
        let offsets: Vec<_> = bad.iter().map(|b| b.offset).collect();
        assert_eq!(offsets, [2, 3, 6]);
        let (text, bad) = decode_line("Сергей".as_bytes());
        assert!(matches!(text, Cow::Borrowed(_)));
        assert!(bad.is_empty());
    }
}
