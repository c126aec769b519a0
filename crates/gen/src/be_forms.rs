//! Every Belarusian word form of hunspell-be as an FST set.
//!
//! Input: the vendored `be_BY.dic` and `be_BY.aff` (hunspell-be 0.53). Each
//! dictionary entry is expanded with its affix rules the way hunspell's
//! `unmunch` does (suffixes, prefixes, and their cross product), the forms
//! are filtered like `scripts/lexicon.py` filters the Belarusian lexicon
//! (no all-capital abbreviations; lowercase NFC; Belarusian letters with `'`
//! or `-` between them), and the sorted set is written as an `fst::Set`,
//! base64-encoded in a Rust string (the generated files are text).

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::Path;

use anyhow::{bail, Context as _, Result};
use unicode_normalization::UnicodeNormalization as _;

use crate::writer::{self, Input, Output};

const DIR: &str = "data/hunspell/be-0.53";
const VERSION: &str = "hunspell-be 0.53 (Debian 0.53-3.1)";
const ALPHABET: &str = "абвгдеёжзійклмнопрстуўфхцчшыьэюя";

/// One atom of an affix condition.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Atom {
    Any,
    Char(char),
    Set(Vec<char>, bool),
}

impl Atom {
    fn matches(&self, c: char) -> bool {
        match self {
            Atom::Any => true,
            Atom::Char(x) => *x == c,
            Atom::Set(set, negated) => set.contains(&c) != *negated,
        }
    }
}

/// One affix rule: strip these letters, add those, where the condition holds.
#[derive(Debug, Clone)]
struct Rule {
    strip: String,
    add: String,
    condition: Vec<Atom>,
}

/// The rules of one flag.
#[derive(Debug, Clone)]
struct Affix {
    prefix: bool,
    cross: bool,
    rules: Vec<Rule>,
}

fn parse_condition(text: &str) -> Result<Vec<Atom>> {
    let mut atoms = Vec::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        match c {
            '.' => atoms.push(Atom::Any),
            '[' => {
                let mut set = Vec::new();
                let mut negated = false;
                let mut closed = false;
                for (i, d) in chars.by_ref().enumerate() {
                    match d {
                        '^' if i == 0 => negated = true,
                        ']' => {
                            closed = true;
                            break;
                        }
                        _ => set.push(d),
                    }
                }
                if !closed {
                    bail!("unclosed [ in condition {text:?}");
                }
                atoms.push(Atom::Set(set, negated));
            }
            _ => atoms.push(Atom::Char(c)),
        }
    }
    Ok(atoms)
}

fn parse_aff(text: &str) -> Result<std::collections::BTreeMap<char, Affix>> {
    let mut affixes = std::collections::BTreeMap::new();
    for (n, line) in text.lines().enumerate() {
        let fields: Vec<&str> = line.split_whitespace().collect();
        let kind = match fields.first() {
            Some(&"SFX") => false,
            Some(&"PFX") => true,
            Some(&("FLAG" | "COMPLEXPREFIXES" | "CIRCUMFIX" | "NEEDAFFIX" | "AF" | "AM")) => {
                bail!("be_BY.aff:{}: {} is not supported", n + 1, fields[0])
            }
            _ => continue,
        };
        let flag = fields
            .get(1)
            .and_then(|f| f.chars().next())
            .with_context(|| format!("be_BY.aff:{}: no flag", n + 1))?;
        if fields.len() == 4 && fields[3].parse::<usize>().is_ok() {
            affixes.insert(
                flag,
                Affix {
                    prefix: kind,
                    cross: fields[2] == "Y",
                    rules: Vec::new(),
                },
            );
            continue;
        }
        let [_, _, strip, add, condition, ..] = fields.as_slice() else {
            bail!("be_BY.aff:{}: malformed rule {line:?}", n + 1);
        };
        let Some(affix) = affixes.get_mut(&flag) else {
            bail!("be_BY.aff:{}: rule before its header", n + 1);
        };
        let zero = |s: &str| {
            if s == "0" {
                String::new()
            } else {
                s.to_owned()
            }
        };
        let add = add.split('/').next().unwrap_or_default();
        affix.rules.push(Rule {
            strip: zero(strip),
            add: zero(add),
            condition: parse_condition(condition)?,
        });
    }
    Ok(affixes)
}

/// Whether `condition` matches the end (suffix) or start (prefix) of `word`.
fn condition_holds(condition: &[Atom], word: &[char], prefix: bool) -> bool {
    if condition.len() > word.len() {
        return false;
    }
    let part = if prefix {
        &word[..condition.len()]
    } else {
        &word[word.len() - condition.len()..]
    };
    condition.iter().zip(part).all(|(a, &c)| a.matches(c))
}

fn apply(rule: &Rule, word: &str, prefix: bool) -> Option<String> {
    let chars: Vec<char> = word.chars().collect();
    if !condition_holds(&rule.condition, &chars, prefix) {
        return None;
    }
    if prefix {
        let rest = word.strip_prefix(rule.strip.as_str())?;
        Some(format!("{}{rest}", rule.add))
    } else {
        let rest = word.strip_suffix(rule.strip.as_str())?;
        Some(format!("{rest}{}", rule.add))
    }
}

/// Every form of every dictionary entry, as `unmunch` writes them.
fn expand(dic: &str, affixes: &std::collections::BTreeMap<char, Affix>) -> Vec<String> {
    let mut out = Vec::new();
    for line in dic.lines().skip(1) {
        let Some(entry) = line.split_whitespace().next() else {
            continue;
        };
        let (word, flags) = entry.split_once('/').unwrap_or((entry, ""));
        out.push(word.to_owned());
        let flags: Vec<&Affix> = flags.chars().filter_map(|f| affixes.get(&f)).collect();
        let mut suffixed = Vec::new();
        for affix in flags.iter().filter(|a| !a.prefix) {
            for rule in &affix.rules {
                if let Some(form) = apply(rule, word, false) {
                    if affix.cross {
                        suffixed.push(form.clone());
                    }
                    out.push(form);
                }
            }
        }
        for affix in flags.iter().filter(|a| a.prefix) {
            for rule in &affix.rules {
                if let Some(form) = apply(rule, word, true) {
                    out.push(form);
                }
                if affix.cross {
                    // The prefix's condition reads the stem, not the suffix.
                    let stem: Vec<char> = word.chars().collect();
                    if condition_holds(&rule.condition, &stem, true) {
                        for s in &suffixed {
                            if let Some(rest) = s.strip_prefix(rule.strip.as_str()) {
                                out.push(format!("{}{rest}", rule.add));
                            }
                        }
                    }
                }
            }
        }
    }
    out
}

/// Lowercase NFC with `’`/`ʼ` as `'`; `None` for abbreviations and words
/// with letters outside the Belarusian alphabet.
fn keep(raw: &str) -> Option<String> {
    let letters: Vec<char> = raw.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() > 1 && letters.iter().all(|c| c.is_uppercase()) {
        return None;
    }
    let word: String = raw
        .nfc()
        .map(|c| {
            if matches!(c, '\u{2019}' | '\u{02BC}') {
                '\''
            } else {
                c
            }
        })
        .flat_map(char::to_lowercase)
        .collect::<String>()
        .nfc()
        .collect();
    let mut prev_letter = false;
    for c in word.chars() {
        if ALPHABET.contains(c) {
            prev_letter = true;
        } else if matches!(c, '\'' | '-') && prev_letter {
            prev_letter = false;
        } else {
            return None;
        }
    }
    prev_letter.then_some(word)
}

const BASE64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

pub(crate) fn base64(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = u32::from(b[0]) << 16 | u32::from(b[1]) << 8 | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(BASE64[(n >> (18 - 6 * i) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// The inputs (`.aff`, `.dic`) and every form they expand into.
pub(crate) fn read(root: &Path) -> Result<(Input, Input, BTreeSet<String>)> {
    let aff = Input::read(root, &format!("{DIR}/be_BY.aff"), VERSION, Some("0.53"))?;
    let dic = Input::read(root, &format!("{DIR}/be_BY.dic"), VERSION, None)?;
    let affixes = parse_aff(&aff.text)?;
    let forms: BTreeSet<String> = expand(&dic.text, &affixes)
        .iter()
        .filter_map(|w| keep(w))
        .collect();
    if forms.len() < 500_000 {
        bail!(
            "be_BY: only {} forms; the affix expansion is broken",
            forms.len()
        );
    }
    Ok((aff, dic, forms))
}

pub(crate) fn generate(root: &Path) -> Result<Vec<Output>> {
    let (aff, dic, forms) = read(root)?;
    let set = fst::Set::from_iter(forms.iter()).context("building the FST")?;
    let bytes = set.as_fst().as_bytes();
    let mut out = writer::rust_file(
        &[&aff, &dic],
        &format!(
            "Every Belarusian word form of hunspell-be ({} forms): each dictionary entry\n\
             expanded with its affix rules as `unmunch` does, lowercase NFC, Belarusian\n\
             letters with `'` or `-` between them; an `fst::Set` of {} bytes, base64.\n\
             \n\
             License: CC BY-SA 3.0, adapted from hunspell-be by Mikalai Udodau; see\n\
             data/hunspell/be-0.53/README.md.",
            forms.len(),
            bytes.len()
        ),
    );
    out.push_str("/// The FST bytes of the set, base64 (standard alphabet, padded).\n");
    let _ = writeln!(
        out,
        "pub(crate) const BE_FORMS_FST_BASE64: &str = \"{}\";",
        base64(bytes)
    );
    Ok(vec![Output {
        path: "crates/repair/src/tables/be_forms.rs".into(),
        contents: out,
    }])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conditions_and_rules() {
        let aff = "SFX D Y 2\nSFX D а ы [бв]а\nSFX D а і [^бв]а\nPFX A Y 1\nPFX A 0 не .\n";
        let affixes = parse_aff(aff).unwrap();
        let forms = expand("2\nрыба/DA\nкніга/D\n", &affixes);
        for f in ["рыба", "рыбы", "нерыба", "нерыбы", "кніга", "кнігі"]
        {
            assert!(forms.contains(&f.to_owned()), "{f} in {forms:?}");
        }
        assert!(!forms.contains(&"рыбі".to_owned()));
    }

    #[test]
    fn abbreviations_and_foreign_letters_are_dropped() {
        assert_eq!(keep("ААН"), None);
        assert_eq!(keep("Мінск"), Some("мінск".to_owned()));
        assert_eq!(keep("аб’ект"), Some("аб'ект".to_owned()));
        assert_eq!(keep("и"), None);
    }

    #[test]
    fn base64_round_numbers() {
        assert_eq!(base64(b"Man"), "TWFu");
        assert_eq!(base64(b"Ma"), "TWE=");
        assert_eq!(base64(b"M"), "TQ==");
    }
}
