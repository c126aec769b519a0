//! The letter trigrams of every word the mixed-script gate can look up in a
//! Cyrillic or Greek language, so that most re-typings of a Latin word are
//! ruled out without a look-up (`зфкеьфт`, `partman` on ЙЦУКЕН, has a
//! trigram no Russian word has).
//!
//! For each language a Cyrillic or Greek layout types (be, bg, el, ru, sr,
//! uk), the words of its lexicon (`data/curated/lexicon/<lang>.tsv`), of its
//! extended lexicon (`data/curated/lexicon/more/<lang>.tsv.gz`) and, for
//! Belarusian, every hunspell-be form (as the `be_forms` family expands
//! them) are written with a boundary at each end (`^слово$`), and every run
//! of three symbols is a bit of a set over (alphabet + 1)³: symbol 0 is the
//! boundary, symbol `i + 1` the `i`th character of the alphabet (every
//! character of those words, sorted). Russian `ё` counts as `е`, as the
//! extended look-up reads an unlisted `ё` spelling as its `е` one. A
//! spelling with a character outside the alphabet, or a trigram outside the
//! set, is in none of those lists.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::Path;

use anyhow::{ensure, Context as _, Result};

use crate::be_forms::base64;
use crate::lexicon::parse;
use crate::writer::{self, Input, Output};

/// The languages of the Cyrillic and Greek layouts.
const LANGS: [&str; 6] = ["be", "bg", "el", "ru", "sr", "uk"];

/// The most symbols (alphabet + boundary) a language's set may have: its
/// indices must fit a byte, and its bits stay small.
const MAX_SYMBOLS: usize = 96;

pub(crate) fn generate(root: &Path) -> Result<Vec<Output>> {
    let lexicons = crate::lexicon::read_all(root)?;
    let (aff, dic, be_forms) = crate::be_forms::read(root)?;
    // (language, input, entries) of each extended lexicon.
    let mut more: Vec<(&str, Input, Vec<String>)> = Vec::new();
    for (lang, version) in crate::lexicon_more::LANGS {
        if !LANGS.contains(&lang) {
            continue;
        }
        let input = Input::read_gz(
            root,
            &format!("{}/{lang}.tsv.gz", crate::lexicon_more::DIR),
            version,
        )?;
        let entries = parse(&input.path, &input.text)?;
        more.push((lang, input, entries.into_iter().map(|(w, _)| w).collect()));
    }
    let mut inputs: Vec<&Input> = Vec::new();
    let mut table = String::new();
    for lang in LANGS {
        let lex = lexicons
            .iter()
            .find(|l| l.lang == lang)
            .with_context(|| format!("no lexicon for {lang}"))?;
        inputs.push(&lex.input);
        let mut words: Vec<&str> = lex.entries.iter().map(|(w, _)| w.as_str()).collect();
        if let Some((_, input, entries)) = more.iter().find(|(l, _, _)| *l == lang) {
            inputs.push(input);
            words.extend(entries.iter().map(String::as_str));
        }
        if lang == "be" {
            inputs.extend([&aff, &dic]);
            words.extend(be_forms.iter().map(String::as_str));
        }
        let fold = |c: char| if lang == "ru" && c == 'ё' { 'е' } else { c };
        let alphabet: BTreeSet<char> = words.iter().flat_map(|w| w.chars()).map(fold).collect();
        let alphabet: Vec<char> = alphabet.into_iter().collect();
        let n = alphabet.len() + 1;
        ensure!(n <= MAX_SYMBOLS, "{lang}: {n} symbols");
        let symbol = |c: char| {
            alphabet
                .binary_search(&fold(c))
                .map(|i| i + 1)
                .unwrap_or_default()
        };
        let mut bits = vec![0u8; (n * n * n).div_ceil(8)];
        let mut trigrams = 0usize;
        for word in &words {
            let symbols: Vec<usize> = std::iter::once(0)
                .chain(word.chars().map(symbol))
                .chain(std::iter::once(0))
                .collect();
            for w in symbols.windows(3) {
                if let [a, b, c] = *w {
                    let i = (a * n + b) * n + c;
                    if let Some(byte) = bits.get_mut(i / 8) {
                        if *byte & (1 << (i % 8)) == 0 {
                            trigrams += 1;
                        }
                        *byte |= 1 << (i % 8);
                    }
                }
            }
        }
        let alphabet: String = alphabet.iter().collect();
        let _ = writeln!(
            table,
            "    // {lang}: {} words, {} symbols, {trigrams} trigrams.\n    ({lang:?}, {alphabet:?}, \"{}\"),",
            words.len(),
            n,
            base64(&bits)
        );
    }
    let mut out = writer::rust_file(
        &inputs,
        "The letter trigrams of every listed word of the Cyrillic and Greek layouts'\n\
         languages (lexicon, extended lexicon, Belarusian hunspell forms), with a\n\
         boundary at each end; Russian `ё` as `е`. Per language: its alphabet (sorted;\n\
         symbol `i + 1` is its `i`th character, 0 the boundary) and a bit set over\n\
         (alphabet + 1)³, bit `(a × n + b) × n + c` of byte `/ 8`, bit `% 8`, base64.\n\
         \n\
         License: that of its sources (see data/curated/lexicon/LICENSE,\n\
         data/curated/lexicon/more/LICENSE and data/hunspell/be-0.53/README.md).",
    );
    out.push_str("/// `(language, alphabet, bits in base64)`, by language.\n");
    out.push_str("pub(crate) static TRIGRAMS: &[(&str, &str, &str)] = &[\n");
    out.push_str(&table);
    out.push_str("];\n");
    Ok(vec![Output {
        path: "crates/repair/src/tables/trigrams.rs".into(),
        contents: out,
    }])
}
