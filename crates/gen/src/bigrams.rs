//! The mixed-script judge's character bigram model of each language with a
//! lexicon: log P(next | prev) over the lexicon's alphabet and a word
//! boundary, each word weighted by its frequency. The judge built them from
//! its lexicons at run time, about ten million instructions a language
//! while the first line waited; here they are worked out once, by the very
//! code the judge's test checks them with (`bigram_model`, a file of the
//! repair crate compiled into this tool too), so the numbers are the same
//! bit for bit.

use std::fmt::Write as _;
use std::path::Path;

use anyhow::{ensure, Result};

use crate::bigram_model::lexicon_model;
use crate::writer::{self, Input, Output};

/// Log-probabilities per line of the table.
const PER_LINE: usize = 8;

pub(crate) fn generate(root: &Path) -> Result<Vec<Output>> {
    let lexicons = crate::lexicon::read_all(root)?;
    let inputs: Vec<&Input> = lexicons.iter().map(|l| &l.input).collect();
    let mut out = writer::rust_file(
        &inputs,
        "Character bigram models of the languages of the mixed-script judge's\n\
         lexicons, made from the lexicons (see lexicon.rs): per language, the\n\
         alphabet (every character of its words, sorted) and log P(next | prev)\n\
         over the alphabet plus a word boundary (the last position), row-major,\n\
         each word counted with weight 10^(zipf - 1), every cell starting at 0.1.\n\
         Written as the shortest decimals that read back as the same `f32`.\n\
         \n\
         License: that of the lexicons (CC BY-SA 4.0; see\n\
         data/curated/lexicon/LICENSE).",
    );
    // (The shortest decimals that read back as the same `f32`: digit
    // separators would only lengthen the table.)
    out.push_str("#![allow(clippy::unreadable_literal)]\n\n");
    out.push_str(
        "/// One language's bigram model.\n\
         pub(crate) struct BigramTable {\n\
         \x20   /// ISO 639-1 code of the language, as in `LEXICONS`.\n\
         \x20   pub(crate) lang: &'static str,\n\
         \x20   /// The characters of the lexicon's words, sorted.\n\
         \x20   pub(crate) alphabet: &'static str,\n\
         \x20   /// log P(next | prev), (alphabet + 1)² entries, row-major; the\n\
         \x20   /// boundary is the last position.\n\
         \x20   pub(crate) logp: &'static [f32],\n\
         }\n\n",
    );
    out.push_str("/// Every lexicon's model, in `LEXICONS` order.\n");
    out.push_str("pub(crate) static BIGRAMS: &[BigramTable] = &[\n");
    for lex in &lexicons {
        let words = lex.entries.iter().map(|(w, z10)| (w.as_str(), *z10));
        let (alphabet, logp) = lexicon_model(words);
        let n = alphabet.len() + 1;
        ensure!(logp.len() == n * n, "{}: {} cells", lex.lang, logp.len());
        ensure!(
            logp.iter().all(|p| p.is_finite()),
            "{}: a log-probability is not finite",
            lex.lang
        );
        let alphabet: String = alphabet.iter().collect();
        let _ = writeln!(
            out,
            "    // {}: {} words, {} characters.\n    BigramTable {{\n        lang: {:?},\n        alphabet: {:?},\n        logp: &[",
            lex.lang,
            lex.entries.len(),
            n - 1,
            lex.lang,
            alphabet
        );
        for line in logp.chunks(PER_LINE) {
            let cells: Vec<String> = line.iter().map(|p| format!("{p:?}")).collect();
            let _ = writeln!(out, "            {},", cells.join(", "));
        }
        out.push_str("        ],\n    },\n");
    }
    out.push_str("];\n");
    Ok(vec![Output {
        path: "crates/repair/src/tables/bigrams.rs".into(),
        contents: out,
    }])
}
