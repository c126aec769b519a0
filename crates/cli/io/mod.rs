//! Input: named sources and a line reader that validates UTF-8 quickly and
//! never holds more than one bounded line in memory.

pub(crate) mod compress;
pub(crate) mod csv;
mod decode;
pub(crate) mod jsonl;
mod lines;
pub(crate) mod record;
mod scan;

pub(crate) use decode::{encoding_for_label, Decided};
pub(crate) use lines::{decode_line, Line, LineReader};

use std::io::{self, Read};
use std::path::{Path, PathBuf};

/// One input: a file or standard input, with the name used in messages.
#[derive(Debug, Clone)]
pub(crate) enum Source {
    Stdin,
    File(PathBuf),
}

impl Source {
    /// The sources named on the command line; none (or `-`) is standard input.
    pub(crate) fn from_args(files: &[PathBuf]) -> Vec<Source> {
        if files.is_empty() {
            return vec![Source::Stdin];
        }
        files
            .iter()
            .map(|p| {
                if p.as_os_str() == "-" {
                    Source::Stdin
                } else {
                    Source::File(p.clone())
                }
            })
            .collect()
    }

    /// The name used in messages: the path as given, or `<stdin>`.
    pub(crate) fn name(&self) -> String {
        match self {
            Source::Stdin => "<stdin>".to_owned(),
            Source::File(p) => display_path(p),
        }
    }

    pub(crate) fn open(&self) -> io::Result<Box<dyn Read>> {
        Ok(match self {
            Source::Stdin => Box::new(io::stdin().lock()),
            Source::File(p) => compress::open(p, None)?,
        })
    }

    /// Opens the source as UTF-8 text: decoded from the `forced` encoding,
    /// or from the one its first 64 KiB show when they are not UTF-8 (see
    /// [`Decided`]).
    pub(crate) fn open_text(
        &self,
        forced: Option<&'static encoding_rs::Encoding>,
    ) -> io::Result<(Box<dyn Read>, Option<Decided>)> {
        decode::open(self.open()?, forced)
    }
}

fn display_path(p: &Path) -> String {
    p.to_string_lossy().into_owned()
}
