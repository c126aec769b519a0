//! Han → Hanyu Pinyin tables for `polynorm-translit`'s `zh-pinyin`, from
//! `data/curated/translit/zh-*.tsv` (see that directory's README):
//!
//! - `zh-pinyin-chars.tsv`: each Han character's most common reading
//!   (pinyin-data via pypinyin 0.55.0, MIT; built by
//!   `scripts/translit_pinyin_data.py`);
//! - `zh-pinyin-overrides.tsv`: our default where it differs from that;
//! - `zh-pinyin-phrases.tsv`: words whose reading differs from their
//!   characters' defaults (phrase-pinyin-data via pypinyin, MIT);
//! - `zh-surnames.tsv`: family names with their surname readings (curated);
//! - `zh-given-names.tsv`: readings of characters in given names (curated).
//!
//! Output: the distinct syllables (with tone marks and without), one `u16`
//! per code point of U+3400..U+9FFF (syllable index + 1, 0 = no reading;
//! bit 15 set when a listed word starts with the character), a sorted
//! `(code point, u16)` list for the other Han code points, and the words,
//! surnames and given-name readings as sorted slices of syllable indices.
//! The generator rejects unsorted or duplicate keys, non-NFC text, readings
//! that are not letters, and words whose syllable count differs from their
//! character count.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::Path;

use anyhow::{bail, ensure, Context as _, Result};
use unicode_normalization::{is_nfc, UnicodeNormalization as _};

use crate::writer::{self, Input, Output};

const CHARS: &str = "data/curated/translit/zh-pinyin-chars.tsv";
const OVERRIDES: &str = "data/curated/translit/zh-pinyin-overrides.tsv";
const PHRASES: &str = "data/curated/translit/zh-pinyin-phrases.tsv";
const SURNAMES: &str = "data/curated/translit/zh-surnames.tsv";
const GIVEN: &str = "data/curated/translit/zh-given-names.tsv";
const OUTPUT: &str = "crates/translit/src/tables/translit_han.rs";
const PINYIN_DATA: &str = "pypinyin 0.55.0 data (pinyin-data, phrase-pinyin-data; MIT)";
const CURATED: &str = "polynorm curated";

/// The dense range of the per-character table.
const DENSE_START: u32 = 0x3400;
const DENSE_END: u32 = 0x9FFF;
/// Bit set on a character that starts a listed word.
const STARTS_WORD: u16 = 0x8000;

/// Data lines (not `#` comments) split at tabs, with their line numbers.
fn rows(input: &Input) -> impl Iterator<Item = (usize, Vec<&str>)> {
    input
        .text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.starts_with('#') && !l.is_empty())
        .map(|(i, l)| (i + 1, l.split('\t').collect()))
}

fn check_reading(r: &str, at: &str) -> Result<()> {
    ensure!(
        !r.is_empty() && r.chars().all(char::is_alphabetic) && is_nfc(r),
        "{at}: {r:?} is not a pinyin syllable (letters, NFC)"
    );
    ensure!(
        r.chars().all(|c| !c.is_uppercase()),
        "{at}: {r:?} is not lower case"
    );
    Ok(())
}

/// A syllable without its tone mark (ü and ê keep their marks).
fn toneless(r: &str) -> String {
    r.nfd()
        .filter(|c| !matches!(c, '\u{304}' | '\u{301}' | '\u{30C}' | '\u{300}'))
        .nfc()
        .collect()
}

fn is_han(cp: u32) -> bool {
    matches!(cp, 0x3007 | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x323AF)
}

/// `key<TAB>readings` files with sorted unique keys; `chars_only` keys are
/// one character.
fn keyed(input: &Input, one_char: bool) -> Result<Vec<(String, Vec<String>)>> {
    let mut out: Vec<(String, Vec<String>)> = Vec::new();
    for (line, fields) in rows(input) {
        let at = format!("{}:{line}", input.path);
        let [key, readings] = fields.as_slice() else {
            bail!("{at}: expected `key<TAB>readings`");
        };
        ensure!(is_nfc(key), "{at}: {key:?} is not NFC");
        let n = key.chars().count();
        ensure!(
            key.chars().all(|c| is_han(c as u32)),
            "{at}: {key:?} is not Han"
        );
        ensure!(!one_char || n == 1, "{at}: {key:?} is not one character");
        let rs: Vec<String> = readings.split(' ').map(str::to_owned).collect();
        ensure!(
            rs.len() == n,
            "{at}: {n} characters but {} readings",
            rs.len()
        );
        for r in &rs {
            check_reading(r, &at)?;
        }
        if let Some((last, _)) = out.last() {
            ensure!(
                last.as_str() < *key,
                "{at}: {key} after {last} (sorted, each once)"
            );
        }
        out.push(((*key).to_owned(), rs));
    }
    Ok(out)
}

struct Tables {
    syllables: Vec<String>,
    dense: Vec<u16>,
    sparse: Vec<(u32, u16)>,
    phrases: Vec<(String, Vec<u16>)>,
    surnames: Vec<(String, Vec<u16>)>,
    given: Vec<(char, u16)>,
}

fn build(inputs: &[Input; 5]) -> Result<Tables> {
    let [chars_in, over_in, phrases_in, surnames_in, given_in] = inputs;
    let mut default: BTreeMap<u32, String> = BTreeMap::new();
    let mut last = 0u32;
    for (line, fields) in rows(chars_in) {
        let at = format!("{}:{line}", chars_in.path);
        let [hex, ch, reading] = fields.as_slice() else {
            bail!("{at}: expected `codepoint<TAB>character<TAB>reading`");
        };
        let cp = u32::from_str_radix(hex, 16).with_context(|| format!("{at}: bad code point"))?;
        ensure!(cp > last, "{at}: code points must increase");
        last = cp;
        ensure!(
            ch.chars().eq(char::from_u32(cp).into_iter()),
            "{at}: {ch:?} is not U+{hex}"
        );
        ensure!(is_han(cp), "{at}: U+{hex} is not a Han code point");
        check_reading(reading, &at)?;
        default.insert(cp, (*reading).to_owned());
    }
    for (key, rs) in keyed(over_in, true)? {
        let cp = key.chars().next().map_or(0, |c| c as u32);
        let Some(slot) = default.get_mut(&cp) else {
            bail!("{}: override for {key}, which has no reading", over_in.path);
        };
        ensure!(
            *slot != rs[0],
            "{}: override for {key} equals the default",
            over_in.path
        );
        slot.clone_from(&rs[0]);
    }
    let phrases = keyed(phrases_in, false)?;
    let surnames = keyed(surnames_in, false)?;
    let given = keyed(given_in, true)?;

    let mut all: BTreeSet<String> = default.values().cloned().collect();
    for (_, rs) in phrases.iter().chain(&surnames).chain(&given) {
        all.extend(rs.iter().cloned());
    }
    let syllables: Vec<String> = all.into_iter().collect();
    ensure!(syllables.len() < 0x7FFF, "too many syllables");
    ensure!(phrases.len() < usize::from(u16::MAX), "too many words");
    let index = |r: &str| -> u16 {
        syllables
            .binary_search_by(|s| s.as_str().cmp(r))
            .map_or(0, |i| i as u16)
    };
    let starters: BTreeSet<u32> = phrases
        .iter()
        .filter_map(|(w, _)| w.chars().next().map(|c| c as u32))
        .collect();
    let value = |cp: u32, r: &str| -> u16 {
        let v = index(r) + 1;
        if starters.contains(&cp) {
            v | STARTS_WORD
        } else {
            v
        }
    };
    let mut dense = vec![0u16; (DENSE_END - DENSE_START + 1) as usize];
    let mut sparse = Vec::new();
    for (&cp, r) in &default {
        if (DENSE_START..=DENSE_END).contains(&cp) {
            if let Some(slot) = dense.get_mut((cp - DENSE_START) as usize) {
                *slot = value(cp, r);
            }
        } else {
            sparse.push((cp, value(cp, r)));
        }
    }
    for (w, _) in phrases.iter().chain(&surnames) {
        for c in w.chars() {
            ensure!(
                default.contains_key(&(c as u32)),
                "{w}: {c} has no default reading"
            );
        }
    }
    let to_idx = |rows: &[(String, Vec<String>)]| -> Vec<(String, Vec<u16>)> {
        rows.iter()
            .map(|(k, rs)| (k.clone(), rs.iter().map(|r| index(r)).collect()))
            .collect()
    };
    Ok(Tables {
        phrases: to_idx(&phrases),
        surnames: to_idx(&surnames),
        given: given
            .iter()
            .filter_map(|(k, rs)| Some((k.chars().next()?, index(rs.first()?))))
            .collect(),
        syllables,
        dense,
        sparse,
    })
}

fn write_words(out: &mut String, name: &str, doc: &str, rows: &[(String, Vec<u16>)]) {
    let _ = writeln!(out, "/// {doc}");
    let _ = writeln!(out, "pub(crate) static {name}: &[(&str, &[u16])] = &[");
    for (w, idx) in rows {
        let list: Vec<String> = idx.iter().map(u16::to_string).collect();
        let _ = writeln!(out, "(\"{w}\",&[{}]),", list.join(","));
    }
    out.push_str("];\n\n");
}

pub(crate) fn generate(root: &Path) -> Result<Vec<Output>> {
    let inputs = [
        Input::read(root, CHARS, PINYIN_DATA, None)?,
        Input::read(root, OVERRIDES, CURATED, None)?,
        Input::read(root, PHRASES, PINYIN_DATA, None)?,
        Input::read(root, SURNAMES, CURATED, None)?,
        Input::read(root, GIVEN, CURATED, None)?,
    ];
    let t = build(&inputs)?;
    let refs: Vec<&Input> = inputs.iter().collect();
    let mut out = writer::rust_file(
        &refs,
        "Han → Hanyu Pinyin: syllables, per-character default readings, words that\n\
         decide polyphones, surname and given-name readings (see the generator).",
    );
    let n = t.syllables.len();
    let _ = writeln!(out, "/// Syllables with tone marks, sorted.");
    let _ = writeln!(out, "pub(crate) static TONED: [&str; {n}] = [");
    for s in &t.syllables {
        let _ = writeln!(out, "\"{s}\",");
    }
    out.push_str("];\n\n");
    let _ = writeln!(
        out,
        "/// The same syllables without tone marks (ü kept), by the same index."
    );
    let _ = writeln!(out, "pub(crate) static PLAIN: [&str; {n}] = [");
    for s in &t.syllables {
        let _ = writeln!(out, "\"{}\",", toneless(s));
    }
    out.push_str("];\n\n");
    let _ = writeln!(
        out,
        "/// Bit set in a character's entry when a word of `WORDS` starts with it."
    );
    let _ = writeln!(
        out,
        "pub(crate) const STARTS_WORD: u16 = 0x{STARTS_WORD:04X};"
    );
    let _ = writeln!(
        out,
        "/// First code point of `DENSE`.\npub(crate) const DENSE_START: u32 = 0x{DENSE_START:04X};"
    );
    let _ = writeln!(
        out,
        "/// U+{DENSE_START:04X}..=U+{DENSE_END:04X}: syllable index + 1 (0 = none), `STARTS_WORD` bit."
    );
    let _ = writeln!(out, "pub(crate) static DENSE: [u16; {}] = [", t.dense.len());
    for chunk in t.dense.chunks(16) {
        let line: Vec<String> = chunk.iter().map(u16::to_string).collect();
        let _ = writeln!(out, "{},", line.join(","));
    }
    out.push_str("];\n\n");
    let _ = writeln!(
        out,
        "/// Other Han code points, sorted: (code point, entry as in `DENSE`)."
    );
    let _ = writeln!(out, "pub(crate) static SPARSE: &[(u32, u16)] = &[");
    for chunk in t.sparse.chunks(8) {
        let line: Vec<String> = chunk
            .iter()
            .map(|(cp, v)| format!("(0x{cp:X},{v})"))
            .collect();
        let _ = writeln!(out, "{},", line.join(","));
    }
    out.push_str("];\n\n");
    write_words(
        &mut out,
        "WORDS",
        "Words whose reading differs from their characters' defaults, sorted: (word, syllable indices).",
        &t.phrases,
    );
    write_words(
        &mut out,
        "SURNAMES",
        "Family names with their surname readings, sorted: (surname, syllable indices).",
        &t.surnames,
    );
    out.push_str(
        "/// Characters that start a word of `WORDS`, sorted: (code point, first index, end index).\n",
    );
    out.push_str("pub(crate) static STARTERS: &[(u32, u16, u16)] = &[\n");
    let mut i = 0;
    while let Some((w, _)) = t.phrases.get(i) {
        let first = w.chars().next().map_or(0, |c| c as u32);
        let end = i + t.phrases.get(i..).map_or(0, |r| {
            r.iter()
                .take_while(|(x, _)| x.chars().next().map(|c| c as u32) == Some(first))
                .count()
        });
        let _ = writeln!(out, "(0x{first:X},{i},{end}),");
        i = end.max(i + 1);
    }
    out.push_str("];\n\n");
    out.push_str("/// Given-name readings, sorted by character: (character, syllable index).\n");
    out.push_str("pub(crate) static GIVEN: &[(char, u16)] = &[\n");
    for (c, i) in &t.given {
        let _ = writeln!(out, "('{c}',{i}),");
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

    fn input(path: &str, text: &str) -> Input {
        Input {
            path: path.to_owned(),
            version: CURATED.to_owned(),
            sha256: String::new(),
            text: text.to_owned(),
        }
    }

    fn inputs(chars: &str, phrases: &str) -> [Input; 5] {
        [
            input("c", chars),
            input("o", "# none\n"),
            input("p", phrases),
            input("s", "# none\n"),
            input("g", "# none\n"),
        ]
    }

    #[test]
    fn builds_dense_and_word_tables() {
        let t = build(&inputs(
            "4E00\t一\tyī\n66FE\t曾\tcéng\n884C\t行\txíng\n94F6\t银\tyín\n",
            "银行\tyín háng\n",
        ))
        .unwrap();
        assert!(t.syllables.contains(&"háng".to_owned()));
        let yin = t.dense[(0x94F6 - DENSE_START) as usize];
        assert_ne!(yin & STARTS_WORD, 0);
        assert_eq!(t.phrases.len(), 1);
        assert_eq!(toneless("lǘ"), "lü");
    }

    #[test]
    fn rejects_bad_rows() {
        assert!(build(&inputs("4E00\t一\tyī\n", "一一\tyī\n")).is_err());
        assert!(build(&inputs("4E00\t丁\tyī\n", "")).is_err());
        assert!(build(&inputs("4E00\t一\tYi\n", "")).is_err());
        assert!(build(&inputs("4E01\t丁\tdīng\n4E00\t一\tyī\n", "")).is_err());
    }
}
