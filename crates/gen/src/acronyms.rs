//! The Latin acronyms in capitals the mixed-script judge knows, from
//! `data/curated/acronyms/latin.txt` (built by `scripts/latin_acronyms.py`
//! from the msgids of the machine's gettext catalogues and the capitals of
//! the Debian English hunspell dictionary; see the `README.md` there).
//!
//! The list becomes a sorted `&[&str]` in
//! `crates/repair/src/tables/acronyms.rs`, searched by binary search. The
//! input must be sorted, unique, and every line 3 to 6 ASCII letters, all
//! capitals (`TCP`) or in the mixed case of a technical acronym, a capital
//! after the first letter and a small one (`KiB`, `macOS`; not `Tcp`).

use std::fmt::Write as _;
use std::path::Path;

use anyhow::{ensure, Result};

use crate::writer::{self, Input, Output};

const PATH: &str = "data/curated/acronyms/latin.txt";
const VERSION: &str = "scripts/latin_acronyms.py: gettext msgids of Debian 12 catalogues, \
                       hunspell-en-us 1:2020.12.07-2; Cyrillic and Greek spellings removed by \
                       the catalogues and the installed hunspell dictionaries (hunspell-mn \
                       1:7.5.0-1, hunspell-kk 1.1-3 among them)";

/// Parses the list: one acronym a line, checked as the module doc says.
fn parse(input: &Input) -> Result<Vec<&str>> {
    let words: Vec<&str> = input.text.lines().collect();
    for (i, w) in words.iter().enumerate() {
        let b = w.as_bytes();
        let shape = b.iter().all(u8::is_ascii_uppercase)
            || (b.iter().any(u8::is_ascii_lowercase) && b[1..].iter().any(u8::is_ascii_uppercase));
        ensure!(
            (3..=6).contains(&w.len()) && b.iter().all(u8::is_ascii_alphabetic) && shape,
            "{}:{}: {w:?} is not 3 to 6 ASCII letters in capitals or mixed case",
            input.path,
            i + 1
        );
    }
    ensure!(
        words.windows(2).all(|p| p[0] < p[1]),
        "{}: not sorted and unique",
        input.path
    );
    Ok(words)
}

pub(crate) fn generate(root: &Path) -> Result<Vec<Output>> {
    let input = Input::read(root, PATH, VERSION, None)?;
    let words = parse(&input)?;
    let mut out = writer::rust_file(
        &[&input],
        &format!(
            "Latin acronyms in capitals or mixed case: {} of 3 to 6 letters, sorted (binary search).\n\
             \n\
             Facts only (which short tokens are acronyms); see data/curated/acronyms/README.md.",
            words.len()
        ),
    );
    out.push_str("/// The acronyms, sorted in byte order.\n");
    out.push_str("pub(crate) const LATIN: &[&str] = &[\n");
    for chunk in words.chunks(12) {
        out.push_str("   ");
        for w in chunk {
            let _ = write!(out, " \"{w}\",");
        }
        out.push('\n');
    }
    out.push_str("];\n");
    Ok(vec![Output {
        path: "crates/repair/src/tables/acronyms.rs".into(),
        contents: out,
    }])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(text: &str) -> Input {
        Input {
            path: "x.txt".to_owned(),
            version: String::new(),
            sha256: String::new(),
            text: text.to_owned(),
        }
    }

    #[test]
    fn rejects_unsorted_or_malformed_lists() {
        assert!(parse(&input("ABI\nTCP\n")).is_ok());
        assert!(parse(&input("TCP\nABI\n")).is_err());
        assert!(parse(&input("ABI\nABI\n")).is_err());
        assert!(parse(&input("Tcp\n")).is_err());
        assert!(parse(&input("KiB\nmacOS\n")).is_ok());
        assert!(parse(&input("tcp\n")).is_err());
        assert!(parse(&input("Ki1\n")).is_err());
        assert!(parse(&input("TOOLONG\n")).is_err());
    }
}
