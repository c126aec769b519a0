//! gzip and zstd, chosen by file extension (`.gz`, `.zst`), for input and
//! output. Everything else is read and written as it is.

use std::ffi::OsStr;
use std::fs::File;
use std::io::{self, BufReader, Read, Write};
use std::path::Path;

/// How a file is compressed, by its extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Compression {
    None,
    Gzip,
    Zstd,
}

impl Compression {
    /// `.gz` is gzip, `.zst` (or `.zstd`) is zstd, anything else is plain.
    pub(crate) fn of(path: &Path) -> Compression {
        match path.extension().and_then(OsStr::to_str) {
            Some(e) if e.eq_ignore_ascii_case("gz") => Compression::Gzip,
            Some(e) if e.eq_ignore_ascii_case("zst") || e.eq_ignore_ascii_case("zstd") => {
                Compression::Zstd
            }
            _ => Compression::None,
        }
    }
}

/// The extension that tells a file's format, lower-cased, after any
/// compression extension: `data.jsonl.gz` gives `jsonl`.
pub(crate) fn format_extension(path: &Path) -> Option<String> {
    let inner = if Compression::of(path) == Compression::None {
        path
    } else {
        Path::new(path.file_stem()?)
    };
    inner
        .extension()
        .and_then(OsStr::to_str)
        .map(str::to_ascii_lowercase)
}

/// Opens `path` for reading, decompressing by extension. `counter`, when
/// given, sees the bytes read from the file itself (compressed bytes), for
/// a progress bar.
pub(crate) fn open(path: &Path, counter: Option<&Counter>) -> io::Result<Box<dyn Read>> {
    let file = File::open(path)?;
    let raw: Box<dyn Read> = match counter {
        Some(c) => Box::new(Counting {
            inner: file,
            counter: c.clone(),
        }),
        None => Box::new(file),
    };
    decompress(raw, Compression::of(path))
}

/// Wraps a reader in the decoder `compression` asks for.
pub(crate) fn decompress(
    raw: Box<dyn Read>,
    compression: Compression,
) -> io::Result<Box<dyn Read>> {
    Ok(match compression {
        Compression::None => raw,
        // A gzip file may hold several members (`cat a.gz b.gz`); read them all.
        Compression::Gzip => Box::new(flate2::read::MultiGzDecoder::new(BufReader::with_capacity(
            256 * 1024,
            raw,
        ))),
        Compression::Zstd => Box::new(zstd::stream::read::Decoder::new(raw)?),
    })
}

/// A shared count of bytes read, for progress reporting.
pub(crate) type Counter = std::sync::Arc<std::sync::atomic::AtomicU64>;

struct Counting<R> {
    inner: R,
    counter: Counter,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.counter
            .fetch_add(n as u64, std::sync::atomic::Ordering::Relaxed);
        Ok(n)
    }
}

/// A writer that compresses as its path asks; [`Sink::finish`] writes the
/// compressed stream's trailer and flushes.
pub(crate) enum Sink<W: Write> {
    Plain(W),
    Gzip(flate2::write::GzEncoder<W>),
    Zstd(zstd::stream::write::Encoder<'static, W>),
}

impl<W: Write> Sink<W> {
    pub(crate) fn new(inner: W, compression: Compression) -> io::Result<Sink<W>> {
        Ok(match compression {
            Compression::None => Sink::Plain(inner),
            Compression::Gzip => Sink::Gzip(flate2::write::GzEncoder::new(
                inner,
                flate2::Compression::default(),
            )),
            Compression::Zstd => Sink::Zstd(zstd::stream::write::Encoder::new(inner, 3)?),
        })
    }

    /// Ends the compressed stream and flushes the writer underneath.
    pub(crate) fn finish(self) -> io::Result<()> {
        match self {
            Sink::Plain(mut w) => w.flush(),
            Sink::Gzip(e) => e.finish()?.flush(),
            Sink::Zstd(e) => e.finish()?.flush(),
        }
    }
}

impl<W: Write> Write for Sink<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Sink::Plain(w) => w.write(buf),
            Sink::Gzip(w) => w.write(buf),
            Sink::Zstd(w) => w.write(buf),
        }
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        match self {
            Sink::Plain(w) => w.write_all(buf),
            Sink::Gzip(w) => w.write_all(buf),
            Sink::Zstd(w) => w.write_all(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Sink::Plain(w) => w.flush(),
            Sink::Gzip(w) => w.flush(),
            Sink::Zstd(w) => w.flush(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compression_and_format_from_extension() {
        assert_eq!(Compression::of(Path::new("a.jsonl.gz")), Compression::Gzip);
        assert_eq!(Compression::of(Path::new("a.csv.ZST")), Compression::Zstd);
        assert_eq!(Compression::of(Path::new("a.csv")), Compression::None);
        assert_eq!(
            format_extension(Path::new("dir/a.jsonl.gz")).as_deref(),
            Some("jsonl")
        );
        assert_eq!(format_extension(Path::new("a.TSV")).as_deref(), Some("tsv"));
        assert_eq!(format_extension(Path::new("a.gz")), None);
    }

    #[test]
    fn gzip_and_zstd_round_trip() {
        for compression in [Compression::None, Compression::Gzip, Compression::Zstd] {
            let mut sink = Sink::new(Vec::new(), compression).unwrap();
            sink.write_all("Сергей Шойгу\n".repeat(1000).as_bytes())
                .unwrap();
            let bytes = match sink {
                Sink::Plain(ref v) => v.clone(),
                _ => {
                    let mut out = Vec::new();
                    let inner = match sink {
                        Sink::Gzip(e) => e.finish().unwrap(),
                        Sink::Zstd(e) => e.finish().unwrap(),
                        Sink::Plain(_) => unreachable!(),
                    };
                    out.extend_from_slice(&inner);
                    out
                }
            };
            let mut text = String::new();
            decompress(Box::new(io::Cursor::new(bytes)), compression)
                .unwrap()
                .read_to_string(&mut text)
                .unwrap();
            assert_eq!(text, "Сергей Шойгу\n".repeat(1000));
        }
    }
}
