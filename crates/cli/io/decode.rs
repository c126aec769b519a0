//! Input that is not UTF-8: decide an encoding per source from a sample,
//! then decode the whole source as a stream.
//!
//! The first [`SAMPLE_BYTES`] are read ahead. A UTF-16 byte order mark
//! decides at once; a sample that is valid UTF-8 (a sequence cut at the
//! sample's end allowed) is passed through untouched (invalid bytes later
//! on are reported line by line as before); otherwise `chardetng` guesses
//! the legacy encoding from the sample and `encoding_rs` decodes the stream
//! with it. `--encoding` skips the guess.

use std::io::{self, Read};

use encoding_rs::{CoderResult, Decoder, Encoding, UTF_8};

/// How much of a source decides its encoding.
pub(crate) const SAMPLE_BYTES: usize = 64 * 1024;

/// How a source's encoding was decided, when it is not plain UTF-8.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Decided {
    /// Named with `--encoding`.
    Forced(&'static Encoding),
    /// Its byte order mark (UTF-16LE or UTF-16BE).
    Bom(&'static Encoding),
    /// Guessed from the sample; `reliable` is chardetng's own assessment.
    Detected {
        encoding: &'static Encoding,
        reliable: bool,
    },
}

impl Decided {
    /// The encoding the source is decoded with.
    pub(crate) fn encoding(self) -> &'static Encoding {
        match self {
            Decided::Forced(e) | Decided::Bom(e) | Decided::Detected { encoding: e, .. } => e,
        }
    }

    /// The note written on standard error (after `polynorm: NAME: `), or
    /// `None` when the user asked for the encoding.
    pub(crate) fn note(self) -> Option<String> {
        match self {
            Decided::Forced(_) => None,
            Decided::Bom(e) => Some(format!(
                "{} byte order mark; decoded as {}",
                e.name(),
                e.name()
            )),
            Decided::Detected { encoding, reliable } => Some(format!(
                "not UTF-8; decoded as {} (guessed from the first {} KiB{}; --encoding NAME overrides)",
                encoding.name(),
                SAMPLE_BYTES / 1024,
                if reliable { "" } else { ", low confidence" }
            )),
        }
    }
}

/// Looks up an encoding by a WHATWG Encoding Standard label (`windows-1251`,
/// `cp1251`, `koi8-r`, `latin1`, `utf-16le`, …; ASCII case ignored).
pub(crate) fn encoding_for_label(label: &str) -> Option<&'static Encoding> {
    Encoding::for_label_no_replacement(label.trim().as_bytes())
}

/// Reads the sample of `inner`, decides its encoding, and returns a reader
/// of UTF-8 text plus how the encoding was decided (`None`: the input is
/// read as UTF-8, untouched).
pub(crate) fn open(
    mut inner: Box<dyn Read>,
    forced: Option<&'static Encoding>,
) -> io::Result<(Box<dyn Read>, Option<Decided>)> {
    let mut sample = Vec::with_capacity(SAMPLE_BYTES.min(8192));
    let at_end = fill(&mut inner, &mut sample, SAMPLE_BYTES)?;
    let decided = decide(&sample, at_end, forced);
    let rest = io::Cursor::new(sample).chain(inner);
    Ok(match decided {
        None => (Box::new(rest), None),
        Some(d) if d.encoding() == UTF_8 => (Box::new(rest), None),
        Some(d) => (Box::new(DecodingReader::new(rest, d.encoding())), Some(d)),
    })
}

/// Reads into `buf` until it holds `limit` bytes or the input ends; whether
/// it ended.
fn fill(inner: &mut dyn Read, buf: &mut Vec<u8>, limit: usize) -> io::Result<bool> {
    let mut chunk = [0u8; 8192];
    while buf.len() < limit {
        let want = chunk.len().min(limit - buf.len());
        let n = match inner.read(chunk.get_mut(..want).unwrap_or_default()) {
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if n == 0 {
            return Ok(true);
        }
        buf.extend_from_slice(chunk.get(..n).unwrap_or_default());
    }
    Ok(false)
}

/// The encoding of a source that starts with `sample`.
fn decide(sample: &[u8], at_end: bool, forced: Option<&'static Encoding>) -> Option<Decided> {
    if let Some(e) = forced {
        return Some(Decided::Forced(e));
    }
    if let Some((e, _)) = Encoding::for_bom(sample) {
        return (e != UTF_8).then_some(Decided::Bom(e));
    }
    match std::str::from_utf8(sample) {
        Ok(_) => return None,
        // A character cut by the end of the sample, not by the end of input.
        Err(e) if e.error_len().is_none() && !at_end => return None,
        Err(_) => {}
    }
    // UTF-8 with a few damaged bytes stays UTF-8 (they are reported line by
    // line): legacy text has no or few valid multi-byte sequences and a
    // good number of bytes above 0x7F.
    let (mut valid, mut invalid, mut high) = (0usize, 0usize, 0usize);
    for chunk in sample.utf8_chunks() {
        valid += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        if !chunk.invalid().is_empty() {
            invalid += 1;
            high += chunk.invalid().len();
        }
    }
    if valid >= invalid || high < 4 {
        return None;
    }
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(sample, at_end);
    let (encoding, reliable) = detector.guess_assess(None, false);
    Some(Decided::Detected { encoding, reliable })
}

/// Decodes a byte stream to UTF-8 as it is read (a byte order mark of the
/// encoding removed); malformed input becomes U+FFFD.
struct DecodingReader<R> {
    inner: R,
    decoder: Decoder,
    input: Vec<u8>,
    /// Undecoded bytes are `input[start..end]`.
    start: usize,
    end: usize,
    at_end: bool,
    output: Vec<u8>,
    out_start: usize,
    done: bool,
}

impl<R: Read> DecodingReader<R> {
    fn new(inner: R, encoding: &'static Encoding) -> Self {
        DecodingReader {
            inner,
            decoder: encoding.new_decoder_with_bom_removal(),
            input: vec![0; 16 * 1024],
            start: 0,
            end: 0,
            at_end: false,
            output: Vec::with_capacity(48 * 1024),
            out_start: 0,
            done: false,
        }
    }

    /// Decodes the next piece into `output`; false when all is decoded.
    fn refill(&mut self) -> io::Result<bool> {
        if self.done {
            return Ok(false);
        }
        if self.start == self.end && !self.at_end {
            let n = loop {
                match self.inner.read(&mut self.input) {
                    Ok(n) => break n,
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                    Err(e) => return Err(e),
                }
            };
            self.start = 0;
            self.end = n;
            self.at_end = n == 0;
        }
        let src = self.input.get(self.start..self.end).unwrap_or_default();
        let room = self
            .decoder
            .max_utf8_buffer_length(src.len())
            .unwrap_or(src.len() * 3 + 16)
            .max(16);
        self.output.clear();
        self.output.resize(room, 0);
        self.out_start = 0;
        let (result, read, written, _) =
            self.decoder
                .decode_to_utf8(src, &mut self.output, self.at_end);
        self.output.truncate(written);
        self.start += read;
        if self.at_end && result == CoderResult::InputEmpty && self.start == self.end {
            self.done = true;
        }
        Ok(written > 0 || !self.done)
    }
}

impl<R: Read> Read for DecodingReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        while self.out_start >= self.output.len() {
            if !self.refill()? && self.out_start >= self.output.len() {
                return Ok(0);
            }
        }
        let available = self.output.get(self.out_start..).unwrap_or_default();
        let n = available.len().min(buf.len());
        if let (Some(dst), Some(src)) = (buf.get_mut(..n), available.get(..n)) {
            dst.copy_from_slice(src);
        }
        self.out_start += n;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_all(bytes: &[u8], forced: Option<&'static Encoding>) -> (String, Option<Decided>) {
        let (mut r, d) = open(Box::new(io::Cursor::new(bytes.to_vec())), forced).unwrap();
        let mut s = String::new();
        r.read_to_string(&mut s).unwrap();
        (s, d)
    }

    #[test]
    fn utf8_passes_through() {
        let (s, d) = read_all("Сергей Шойгу\n".as_bytes(), None);
        assert_eq!(s, "Сергей Шойгу\n");
        assert_eq!(d, None);
    }

    #[test]
    fn windows_1251_is_detected() {
        let text = "Министр обороны Сергей Шойгу встретился с коллегой из Китая.\n".repeat(3);
        let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(&text);
        let (s, d) = read_all(&bytes, None);
        assert_eq!(s, text);
        assert_eq!(d.unwrap().encoding(), encoding_rs::WINDOWS_1251);
    }

    #[test]
    fn koi8_r_is_detected() {
        let text = "Министр обороны Сергей Шойгу встретился с коллегой из Китая.\n".repeat(3);
        let (bytes, _, _) = encoding_rs::KOI8_R.encode(&text);
        let (s, d) = read_all(&bytes, None);
        assert_eq!(s, text);
        // chardetng names KOI8-U, a superset that reads Russian the same.
        let e = d.unwrap().encoding();
        assert!(
            e == encoding_rs::KOI8_R || e == encoding_rs::KOI8_U,
            "{}",
            e.name()
        );
    }

    #[test]
    fn forced_encoding_wins() {
        let (s, d) = read_all(b"caf\xe9", Some(encoding_rs::WINDOWS_1252));
        assert_eq!(s, "café");
        assert_eq!(d, Some(Decided::Forced(encoding_rs::WINDOWS_1252)));
        assert_eq!(d.unwrap().note(), None);
    }

    #[test]
    fn utf16_by_bom() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "ab\n".encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        let (s, d) = read_all(&bytes, None);
        assert_eq!(s, "ab\n");
        assert_eq!(d, Some(Decided::Bom(encoding_rs::UTF_16LE)));
    }

    #[test]
    fn long_input_decodes_across_buffers() {
        let text = "Ошибка чтения файла\n".repeat(20_000); // > 64 KiB in windows-1251
        let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(&text);
        assert!(bytes.len() > SAMPLE_BYTES);
        let (s, _) = read_all(&bytes, None);
        assert_eq!(s, text);
    }

    #[test]
    fn a_character_cut_by_the_sample_is_still_utf8() {
        let mut text = "a".repeat(SAMPLE_BYTES - 1);
        text.push('é');
        text.push('\n');
        let (s, d) = read_all(text.as_bytes(), None);
        assert_eq!(s, text);
        assert_eq!(d, None);
    }

    #[test]
    fn utf8_with_a_few_bad_bytes_stays_utf8() {
        for input in [
            &b"ok\nbroken \xC3 here\n"[..],
            &[
                "Привет, ".as_bytes(),
                b"\xFF\xFE",
                " мир! Ещё строка.".as_bytes(),
            ]
            .concat()[..],
        ] {
            let (mut r, d) = open(Box::new(io::Cursor::new(input.to_vec())), None).unwrap();
            let mut bytes = Vec::new();
            r.read_to_end(&mut bytes).unwrap();
            assert_eq!(bytes, input);
            assert_eq!(d, None);
        }
    }

    #[test]
    fn labels() {
        assert_eq!(
            encoding_for_label("CP1251"),
            Some(encoding_rs::WINDOWS_1251)
        );
        assert_eq!(encoding_for_label("koi8-r"), Some(encoding_rs::KOI8_R));
        assert_eq!(
            encoding_for_label("latin1"),
            Some(encoding_rs::WINDOWS_1252)
        );
        assert_eq!(encoding_for_label("nonsense"), None);
    }
}
