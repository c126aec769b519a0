//! Korean family names with their customary Latin spellings, for the name
//! mode of `polynorm-translit`'s `ko-rr`, from
//! `data/curated/translit/ko-surnames.tsv` (see that directory's README).
//!
//! The file has `#` header comments, then `hangul<TAB>customary` lines
//! sorted by the Hangul in code point order. The generator rejects unsorted
//! or duplicate names, names that are not one or two precomposed Hangul
//! syllables, and spellings that are not an ASCII capital followed by ASCII
//! lower-case letters.

use std::fmt::Write as _;
use std::path::Path;

use anyhow::{ensure, Context as _, Result};

use crate::writer::{self, Input, Output};

const INPUT: &str = "data/curated/translit/ko-surnames.tsv";
const OUTPUT: &str = "crates/translit/src/tables/translit_hangul.rs";
const VERSION: &str = "polynorm curated";

fn is_syllable(c: char) -> bool {
    ('\u{AC00}'..='\u{D7A3}').contains(&c)
}

/// Parses the surname file into sorted `(hangul, customary)` pairs.
fn parse(input: &Input) -> Result<Vec<(String, String)>> {
    let mut rows: Vec<(String, String)> = Vec::new();
    for (i, line) in input.text.lines().enumerate() {
        let at = || format!("{}:{}", input.path, i + 1);
        if line.starts_with('#') || line.is_empty() {
            continue;
        }
        let (hangul, latin) = line
            .split_once('\t')
            .with_context(|| format!("{}: expected `hangul<TAB>customary`", at()))?;
        let n = hangul.chars().count();
        ensure!(
            (1..=2).contains(&n) && hangul.chars().all(is_syllable),
            "{}: {hangul:?} is not one or two Hangul syllables",
            at()
        );
        let mut letters = latin.chars();
        ensure!(
            letters.next().is_some_and(|c| c.is_ascii_uppercase())
                && letters.all(|c| c.is_ascii_lowercase()),
            "{}: {latin:?} is not a capitalized ASCII word",
            at()
        );
        if let Some((last, _)) = rows.last() {
            ensure!(
                last.as_str() < hangul,
                "{}: {hangul} after {last} (sorted, each once)",
                at()
            );
        }
        rows.push((hangul.to_owned(), latin.to_owned()));
    }
    ensure!(!rows.is_empty(), "{}: no rows", input.path);
    Ok(rows)
}

pub(crate) fn generate(root: &Path) -> Result<Vec<Output>> {
    let input = Input::read(root, INPUT, VERSION, None)?;
    let rows = parse(&input)?;
    let mut out = writer::rust_file(
        &[&input],
        "Korean family names (Hangul, sorted by code point) → customary Latin spelling,\n\
         for the name mode of `ko-rr`.",
    );
    out.push_str("/// (family name in Hangul, customary spelling), sorted by the Hangul.\n");
    out.push_str("pub(crate) static SURNAMES: &[(&str, &str)] = &[\n");
    for (hangul, latin) in &rows {
        let _ = writeln!(out, "    (\"{hangul}\", \"{latin}\"),");
    }
    out.push_str("];\n");
    Ok(vec![Output {
        path: OUTPUT.into(),
        contents: out,
    }])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(text: &str) -> Input {
        Input {
            path: "x.tsv".to_owned(),
            version: VERSION.to_owned(),
            sha256: String::new(),
            text: text.to_owned(),
        }
    }

    #[test]
    fn parses_sorted_rows() {
        let rows = parse(&input("# c\n김\tKim\n남궁\tNamgoong\n")).unwrap();
        assert_eq!(rows.len(), 2);
    }

    #[test]
    fn rejects_unsorted_and_bad_rows() {
        assert!(parse(&input("이\tLee\n김\tKim\n")).is_err());
        assert!(parse(&input("김\tkim\n")).is_err());
        assert!(parse(&input("kim\tKim\n")).is_err());
        assert!(parse(&input("김\tKim\n김\tGim\n")).is_err());
    }
}
