//! The extended lexicons: per language, the words beyond the 20,000-word
//! lexicon (`lexicon` family) that the mixed-script judge should still know,
//! from `data/curated/lexicon/more/<lang>.tsv.gz` (built by
//! `scripts/lexicon_more.py` from wordfreq's lists, CC BY-SA 4.0; see
//! `SOURCES.md` and `LICENSE` there).
//!
//! Each language becomes one generated file, `tables/more_<lang>.rs`, holding
//! an `fst::Map` from the word to round(zipf × 10), base64-encoded in a Rust
//! string (the generated files are text). The input is checked like the
//! lexicons (sorted, NFC, lowercase letters, `d.dd` zipf), and must share no
//! word with the lexicon of its language.

use std::fmt::Write as _;
use std::path::Path;

use anyhow::{ensure, Context as _, Result};

use crate::be_forms::base64;
use crate::lexicon::parse;
use crate::writer::{self, Input, Output};

pub(crate) const DIR: &str = "data/curated/lexicon/more";

/// The languages with an extended lexicon and where each list comes from.
pub(crate) const LANGS: [(&str, &str); 9] = [
    ("bg", "wordfreq 3.1.1 small_bg; CC BY-SA 4.0"),
    ("de", "wordfreq 3.1.1 large_de, zipf >= 3.0; CC BY-SA 4.0"),
    ("el", "wordfreq 3.1.1 small_el; CC BY-SA 4.0"),
    ("en", "wordfreq 3.1.1 large_en, zipf >= 3.0; CC BY-SA 4.0"),
    (
        "es",
        "wordfreq 3.1.1 large_es, zipf >= 3.0, and 2.7..3.0 checked by hunspell; CC BY-SA 4.0",
    ),
    ("fr", "wordfreq 3.1.1 large_fr, zipf >= 3.0; CC BY-SA 4.0"),
    (
        "ru",
        "wordfreq 3.1.1 large_ru, zipf >= 3.0, and 2.7..3.0 checked by hunspell; CC BY-SA 4.0",
    ),
    (
        "sr",
        "wordfreq 3.1.1 small_sh, spelled in Serbian Cyrillic; CC BY-SA 4.0",
    ),
    (
        "uk",
        "wordfreq 3.1.1 large_uk, zipf >= 3.0, and 2.7..3.0 checked by hunspell; CC BY-SA 4.0",
    ),
];

pub(crate) fn generate(root: &Path) -> Result<Vec<Output>> {
    let lexicons = crate::lexicon::read_all(root)?;
    let mut outputs = Vec::new();
    for (lang, version) in LANGS {
        let input = Input::read_gz(root, &format!("{DIR}/{lang}.tsv.gz"), version)?;
        let entries = parse(&input.path, &input.text)?;
        if let Some(lex) = lexicons.iter().find(|l| l.lang == lang) {
            let overlap = entries
                .iter()
                .find(|(w, _)| lex.entries.binary_search_by(|e| e.0.cmp(w)).is_ok());
            ensure!(
                overlap.is_none(),
                "{}: {:?} is in the {lang} lexicon already",
                input.path,
                overlap.map(|e| &e.0)
            );
        }
        let map = fst::Map::from_iter(entries.iter().map(|(w, z)| (w.as_bytes(), u64::from(*z))))
            .context("building the FST")?;
        let bytes = map.as_fst().as_bytes();
        let mut out = writer::rust_file(
            &[&input],
            &format!(
                "The extended {lang} lexicon: {} words beyond the 20,000-word lexicon, each\n\
                 with round(zipf × 10); an `fst::Map` of {} bytes, base64.\n\
                 \n\
                 License: that of its source (see data/curated/lexicon/more/LICENSE).",
                entries.len(),
                bytes.len()
            ),
        );
        out.push_str("/// The FST bytes of the map, base64 (standard alphabet, padded).\n");
        let _ = writeln!(
            out,
            "pub(crate) const FST_BASE64: &str = \"{}\";",
            base64(bytes)
        );
        outputs.push(Output {
            path: format!("crates/repair/src/tables/more_{lang}.rs").into(),
            contents: out,
        });
    }
    Ok(outputs)
}
