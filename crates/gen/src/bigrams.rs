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

use crate::bigram_model::{lexicon_model, script_model};
use crate::lexicon::Lexicon;
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
        write_cells(&mut out, &logp);
    }
    out.push_str("];\n");
    script_models(&mut out, &lexicons)?;
    Ok(vec![Output {
        path: "crates/repair/src/tables/bigrams.rs".into(),
        contents: out,
    }])
}

/// A table's log-probabilities, `PER_LINE` a row, then the table's end.
fn write_cells(out: &mut String, logp: &[f32]) {
    for line in logp.chunks(PER_LINE) {
        let cells: Vec<String> = line.iter().map(|p| format!("{p:?}")).collect();
        let _ = writeln!(out, "            {},", cells.join(", "));
    }
    out.push_str("        ],\n    },\n");
}

/// A script of the mojibake stage's models: its name, its lexicon
/// languages, its letter test.
type Script = (&'static str, &'static [&'static str], fn(char) -> bool);

/// The mojibake stage's scripts, in the order of its per-script tables
/// (`Sc::lexicon_index`), each with its lexicon languages in the stage's
/// order (`Sc::languages`) and its letters (`letter_script`, alphabetic
/// characters only). The repair crate's test
/// `generated_script_models_are_the_lexicons_own` holds the tables to the
/// stage's own lists and letter test, bit for bit.
const SCRIPTS: [Script; 3] = [
    ("Latin", &["en", "de", "fr", "es"], |c| {
        c.is_alphabetic()
            && matches!(c, 'a'..='z' | 'A'..='Z' | '\u{00C0}'..='\u{024F}' | '\u{1E00}'..='\u{1EFF}')
    }),
    ("Cyrillic", &["ru", "uk", "bg", "sr", "be"], |c| {
        c.is_alphabetic() && matches!(c, '\u{0400}'..='\u{052F}')
    }),
    ("Greek", &["el"], |c| {
        c.is_alphabetic() && matches!(c, '\u{0370}'..='\u{03FF}' | '\u{1F00}'..='\u{1FFF}')
    }),
];

/// Appends the mojibake stage's per-script models (`SCRIPT_BIGRAMS`) to
/// `out`.
fn script_models(out: &mut String, lexicons: &[Lexicon]) -> Result<()> {
    out.push_str(
        "\n/// One script's letter bigram model of the mojibake stage: its lexicon\n\
         /// languages pooled, the alphabet their words' letters of the script\n\
         /// (sorted), log P(next | prev) over it plus a word boundary (the last\n\
         /// position), row-major, from the words written in those letters alone,\n\
         /// each counted with weight 10^((zipf - 3) / 2), every cell starting at\n\
         /// 0.05, none below -9.\n\
         pub(crate) struct ScriptBigramTable {\n\
         \x20   /// The script's letters in its lexicons, sorted.\n\
         \x20   pub(crate) alphabet: &'static str,\n\
         \x20   /// log P(next | prev), (alphabet + 1)² entries, row-major.\n\
         \x20   pub(crate) logp: &'static [f32],\n\
         }\n\n",
    );
    out.push_str("/// The mojibake stage's models: Latin, Cyrillic, Greek.\n");
    out.push_str("pub(crate) static SCRIPT_BIGRAMS: [ScriptBigramTable; 3] = [\n");
    for (script, langs, is_letter) in SCRIPTS {
        let mut pooled = Vec::new();
        for lang in langs {
            let lex = lexicons.iter().find(|l| l.lang == *lang);
            ensure!(lex.is_some(), "{script}: no lexicon {lang}");
            pooled.extend(lex.into_iter().flat_map(|l| &l.entries));
        }
        let words = pooled.iter().map(|(w, z10)| (w.as_str(), *z10));
        let (alphabet, logp) = script_model(words, is_letter);
        let n = alphabet.len() + 1;
        ensure!(logp.len() == n * n, "{script}: {} cells", logp.len());
        ensure!(
            logp.iter().all(|p| p.is_finite()),
            "{script}: a log-probability is not finite"
        );
        let alphabet: String = alphabet.iter().collect();
        let _ = writeln!(
            out,
            "    // {script}: {} words, {} letters.\n    ScriptBigramTable {{\n        alphabet: {:?},\n        logp: &[",
            pooled.len(),
            n - 1,
            alphabet
        );
        write_cells(out, &logp);
    }
    out.push_str("];\n");
    Ok(())
}
