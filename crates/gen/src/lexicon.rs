//! Per-language word lists with Zipf frequencies for `polynorm-repair`'s
//! mixed-script repair, from `data/curated/lexicon/<lang>.tsv` (CC BY-SA 4.0,
//! see that directory's README and LICENSE).
//!
//! Each language becomes three statics that need no work at start-up and
//! compile fast: the sorted words joined by `\n` (with a trailing `\n`) as
//! one string literal, one word per source line; the start offset of every
//! word as a `u32` array; and Zipf × 10 (rounded) per word as one byte-string
//! literal. Lookups binary-search the offsets, comparing bytes.
//!
//! The generator rejects unsorted or duplicate words, words that are not NFC
//! or not lowercase letters (with `'`/`-` between letters), and Zipf values
//! that are not `d.dd` in 0.00..=9.90.

use std::fmt::Write as _;
use std::path::Path;

use anyhow::{bail, ensure, Context as _, Result};
use unicode_normalization::is_nfc;

use crate::writer::{self, Input, Output};

/// Where the lexicons live, relative to the workspace root.
const DIR: &str = "data/curated/lexicon";
const OUTPUT: &str = "crates/repair/src/tables/lexicon.rs";

/// The languages (ISO 639-1, sorted) and the version of each file's data, as
/// the directory's README describes it. A file in the directory that is not
/// listed here, or a listed file that is missing, is an error.
pub(crate) const LANGS: [(&str, &str); 10] = [
    (
        "be",
        "hunspell-be 0.53-3.1 (unmunch), no frequencies; CC BY-SA 4.0",
    ),
    ("bg", "wordfreq 3.1.1 small_bg; CC BY-SA 4.0"),
    (
        "de",
        "wordfreq 3.1.1 large_de, ß via hunspell-de-de; CC BY-SA 4.0",
    ),
    ("el", "wordfreq 3.1.1 small_el; CC BY-SA 4.0"),
    ("en", "wordfreq 3.1.1 large_en; CC BY-SA 4.0"),
    ("es", "wordfreq 3.1.1 large_es; CC BY-SA 4.0"),
    ("fr", "wordfreq 3.1.1 large_fr; CC BY-SA 4.0"),
    ("ru", "wordfreq 3.1.1 large_ru; CC BY-SA 4.0"),
    (
        "sr",
        "wordfreq 3.1.1 small_sh, Cyrillic via hunspell-sr; CC BY-SA 4.0",
    ),
    ("uk", "wordfreq 3.1.1 large_uk; CC BY-SA 4.0"),
];

/// Fewer entries than this means a truncated file.
const MIN_ENTRIES: usize = 1000;

/// One language's parsed lexicon.
#[derive(Debug)]
pub(crate) struct Lexicon {
    pub(crate) lang: &'static str,
    pub(crate) input: Input,
    /// `(word, round(zipf × 10))`, sorted strictly by bytes.
    pub(crate) entries: Vec<(String, u8)>,
}

/// Reads and validates every lexicon, in [`LANGS`] order.
pub(crate) fn read_all(root: &Path) -> Result<Vec<Lexicon>> {
    let dir = root.join(DIR);
    let mut found = Vec::new();
    for entry in std::fs::read_dir(&dir).with_context(|| format!("listing {}", dir.display()))? {
        let name = entry?.file_name();
        let name = name.to_string_lossy();
        if let Some(lang) = name.strip_suffix(".tsv") {
            found.push(lang.to_owned());
        }
    }
    found.sort();
    let expected: Vec<&str> = LANGS.iter().map(|(lang, _)| *lang).collect();
    ensure!(
        found == expected,
        "{DIR}: expected exactly the lexicons {expected:?}, found {found:?}; update LANGS in crates/gen/src/lexicon.rs"
    );
    let mut lexicons = Vec::new();
    for (lang, version) in LANGS {
        let input = Input::read(root, &format!("{DIR}/{lang}.tsv"), version, None)?;
        let entries = parse(&input.path, &input.text)?;
        lexicons.push(Lexicon {
            lang,
            input,
            entries,
        });
    }
    Ok(lexicons)
}

/// Parses `word<TAB>zipf` lines, checking everything the module docs promise.
pub(crate) fn parse(what: &str, text: &str) -> Result<Vec<(String, u8)>> {
    ensure!(
        text.is_empty() || text.ends_with('\n'),
        "{what}: the last line has no newline"
    );
    let mut entries: Vec<(String, u8)> = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let ctx = || format!("{what}:{}", i + 1);
        let Some((word, zipf)) = line.split_once('\t') else {
            bail!("{}: expected word<TAB>zipf", ctx());
        };
        check_word(word).with_context(ctx)?;
        let zipf10 = parse_zipf(zipf).with_context(ctx)?;
        if let Some((last, _)) = entries.last() {
            ensure!(
                last.as_bytes() < word.as_bytes(),
                "{}: {word:?} is not after {last:?} (sorted by bytes, no duplicates)",
                ctx()
            );
        }
        entries.push((word.to_owned(), zipf10));
    }
    ensure!(
        entries.len() >= MIN_ENTRIES,
        "{what}: only {} entries; truncated file?",
        entries.len()
    );
    ensure!(
        u32::try_from(text.len()).is_ok(),
        "{what}: too large for u32 offsets"
    );
    Ok(entries)
}

/// A word: NFC, lowercase letters (and marks), with `'` or `-` only between
/// two letters.
fn check_word(word: &str) -> Result<()> {
    ensure!(!word.is_empty(), "empty word");
    ensure!(is_nfc(word), "{word:?} is not NFC");
    let chars: Vec<char> = word.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if c == '\'' || c == '-' {
            let before = i.checked_sub(1).and_then(|j| chars.get(j));
            let after = chars.get(i + 1);
            ensure!(
                before.is_some_and(|c| c.is_alphabetic())
                    && after.is_some_and(|c| c.is_alphabetic()),
                "{word:?}: {c:?} must stand between two letters"
            );
        } else {
            ensure!(
                c.is_alphabetic() && !c.is_uppercase(),
                "{word:?}: {c:?} is not a lowercase letter"
            );
        }
    }
    Ok(())
}

/// `d.dd` in 0.00..=9.90 to round(zipf × 10), without floating point.
fn parse_zipf(field: &str) -> Result<u8> {
    let bytes = field.as_bytes();
    let [units @ b'0'..=b'9', b'.', tenths @ b'0'..=b'9', hundredths @ b'0'..=b'9'] = bytes else {
        bail!("zipf {field:?} is not d.dd");
    };
    let hundredths_total = u32::from(units - b'0') * 100
        + u32::from(tenths - b'0') * 10
        + u32::from(hundredths - b'0');
    ensure!(hundredths_total <= 990, "zipf {field} is above 9.9");
    // Round half up: 3.25 -> 33.
    Ok(u8::try_from((hundredths_total + 5) / 10)?)
}

/// One language in the shape of the generated table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Packed {
    /// The words joined by `\n`, with a trailing `\n`.
    pub(crate) words: String,
    /// Byte offset in `words` where each word starts.
    pub(crate) offsets: Vec<u32>,
    /// `round(zipf × 10)` per word.
    pub(crate) zipf10: Vec<u8>,
}

impl Packed {
    pub(crate) fn new(entries: &[(String, u8)]) -> Result<Packed> {
        let mut packed = Packed {
            words: String::new(),
            offsets: Vec::with_capacity(entries.len()),
            zipf10: Vec::with_capacity(entries.len()),
        };
        for (word, zipf10) in entries {
            packed.offsets.push(u32::try_from(packed.words.len())?);
            packed.words.push_str(word);
            packed.words.push('\n');
            packed.zipf10.push(*zipf10);
        }
        Ok(packed)
    }

    /// Word `i`: from its offset to the `\n` before the next one.
    #[cfg(test)]
    fn word(&self, i: usize) -> Option<&str> {
        let start = *self.offsets.get(i)? as usize;
        let end = self
            .offsets
            .get(i + 1)
            .map_or(self.words.len(), |&next| next as usize);
        self.words.get(start..end.checked_sub(1)?)
    }

    /// The lookup the repair crate does: binary search over the offsets.
    #[cfg(test)]
    fn zipf10_of(&self, word: &str) -> Option<u8> {
        let (mut lo, mut hi) = (0, self.offsets.len());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            match self.word(mid)?.as_bytes().cmp(word.as_bytes()) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return self.zipf10.get(mid).copied(),
            }
        }
        None
    }
}

/// Writes `text` as the body of a `"…"` literal, one line per `\n`-ended
/// piece, each source line ending in a `\` continuation. rustc skips the
/// newline and the next line's leading whitespace after a `\`, so a piece
/// that starts with whitespace gets that character escaped.
fn str_literal_lines(out: &mut String, text: &str) {
    out.push_str("\"\\\n");
    for piece in text.split_inclusive('\n') {
        for (i, c) in piece.chars().enumerate() {
            match c {
                '\n' => out.push_str("\\n"),
                '\r' => out.push_str("\\r"),
                '\t' => out.push_str("\\t"),
                '"' => out.push_str("\\\""),
                '\\' => out.push_str("\\\\"),
                c if c.is_control() || (i == 0 && c.is_whitespace()) => {
                    let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
                }
                c => out.push(c),
            }
        }
        out.push_str("\\\n");
    }
    out.push('"');
}

/// Writes `bytes` as a `b"…"` literal, `per_line` bytes per source line:
/// printable ASCII other than space, `"` and `\` as itself, the rest as `\xNN`.
fn byte_str_literal_lines(out: &mut String, bytes: &[u8], per_line: usize) {
    out.push_str("b\"\\\n");
    for chunk in bytes.chunks(per_line.max(1)) {
        for &b in chunk {
            if b.is_ascii_graphic() && b != b'"' && b != b'\\' {
                out.push(char::from(b));
            } else {
                let _ = write!(out, "\\x{b:02x}");
            }
        }
        out.push_str("\\\n");
    }
    out.push('"');
}

/// A decimal literal that clippy's `unreadable_literal` accepts: digits
/// grouped by three from five digits on (`12_345`).
pub(crate) fn grouped(value: u32) -> String {
    let digits = value.to_string();
    if digits.len() < 5 {
        return digits;
    }
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push('_');
        }
        out.push(c);
    }
    out
}

pub(crate) fn generate(root: &Path) -> Result<Vec<Output>> {
    let lexicons = read_all(root)?;
    let inputs: Vec<&Input> = lexicons.iter().map(|l| &l.input).collect();
    let mut out = writer::rust_file(
        &inputs,
        "Lexicons that judge mixed-script repairs: per language, the most frequent\n\
         words (lowercase, NFC) with their Zipf frequency (log10 of occurrences per\n\
         billion words), from wordfreq 3.1.1 and hunspell dictionaries.\n\
         \n\
         License: the word lists are CC BY-SA 4.0 (adapted from wordfreq data and\n\
         the hunspell-be dictionary); see data/curated/lexicon/LICENSE for the\n\
         attribution and data/curated/lexicon/README.md for how they were made.\n\
         \n\
         Layout per language: `words` is the sorted words joined by `\\n` (with a\n\
         trailing `\\n`), one word per source line; `offsets[i]` is where word `i`\n\
         starts; `zipf10[i]` is its Zipf frequency × 10, rounded, as a byte string.",
    );
    out.push_str(
        "/// One language's word list, sorted by bytes for binary search.\n\
         ///\n\
         /// Word `i` is `words[offsets[i]..end - 1]`, where `end` is `offsets[i + 1]`\n\
         /// (or `words.len()` for the last word): every word is followed by `\\n`.\n\
         #[derive(Debug)]\n\
         pub(crate) struct LexiconTable {\n\
         \x20   /// ISO 639-1 code of the language, e.g. `\"en\"`.\n\
         \x20   pub(crate) lang: &'static str,\n\
         \x20   /// The words, lowercase and NFC, sorted by bytes, each followed by `\\n`.\n\
         \x20   pub(crate) words: &'static str,\n\
         \x20   /// Byte offset in `words` where each word starts (ascending; `offsets[0] == 0`).\n\
         \x20   pub(crate) offsets: &'static [u32],\n\
         \x20   /// Zipf frequency × 10, rounded, per word: 30 is about once per million\n\
         \x20   /// words, 77 is `the` in English. Belarusian has no frequencies: all 30.\n\
         \x20   pub(crate) zipf10: &'static [u8],\n\
         }\n\n",
    );
    out.push_str(
        "/// Every lexicon, sorted by `lang`.\npub(crate) static LEXICONS: &[LexiconTable] = &[\n",
    );
    for lexicon in &lexicons {
        let upper = lexicon.lang.to_ascii_uppercase();
        let _ = writeln!(
            out,
            "    LexiconTable {{ lang: \"{}\", words: {upper}_WORDS, offsets: &{upper}_OFFSETS, zipf10: {upper}_ZIPF10 }},",
            lexicon.lang
        );
    }
    out.push_str("];\n");
    for lexicon in &lexicons {
        let packed = Packed::new(&lexicon.entries)?;
        let upper = lexicon.lang.to_ascii_uppercase();
        let n = packed.offsets.len();
        let _ = write!(
            out,
            "\n/// `{}` words ({n}), joined by `\\n`.\nstatic {upper}_WORDS: &str = ",
            lexicon.lang
        );
        str_literal_lines(&mut out, &packed.words);
        out.push_str(";\n");
        let _ = writeln!(
            out,
            "\n/// Start of each `{}` word in `{upper}_WORDS`.\nstatic {upper}_OFFSETS: [u32; {}] = [",
            lexicon.lang,
            grouped(u32::try_from(n)?)
        );
        for chunk in packed.offsets.chunks(16) {
            let numbers: Vec<String> = chunk.iter().map(|&o| grouped(o)).collect();
            let _ = writeln!(out, "    {},", numbers.join(", "));
        }
        out.push_str("];\n");
        let _ = write!(
            out,
            "\n/// Zipf × 10 of each `{}` word.\nstatic {upper}_ZIPF10: &[u8; {}] = ",
            lexicon.lang,
            grouped(u32::try_from(n)?)
        );
        byte_str_literal_lines(&mut out, &packed.zipf10, 64);
        out.push_str(";\n");
    }
    Ok(vec![Output {
        path: OUTPUT.into(),
        contents: out,
    }])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn root() -> std::path::PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
    }

    /// `MIN_ENTRIES` letter-only words, sorted.
    fn filler() -> String {
        let mut text = String::new();
        for i in 0..MIN_ENTRIES {
            let word: String = format!("{i:04}")
                .chars()
                .map(|d| char::from(b'a' + (d as u8 - b'0')))
                .collect();
            let _ = writeln!(text, "q{word}\t3.00");
        }
        text
    }

    #[test]
    fn zipf_is_rounded_half_up_and_bounded() {
        assert_eq!(parse_zipf("7.73").unwrap(), 77);
        assert_eq!(parse_zipf("3.25").unwrap(), 33);
        assert_eq!(parse_zipf("3.24").unwrap(), 32);
        assert_eq!(parse_zipf("0.00").unwrap(), 0);
        assert_eq!(parse_zipf("9.90").unwrap(), 99);
        assert!(parse_zipf("9.95").is_err());
        assert!(parse_zipf("10.00").is_err());
        assert!(parse_zipf("3.5").is_err());
        assert!(parse_zipf("-1.00").is_err());
    }

    #[test]
    fn words_are_checked() {
        assert!(check_word("aujourd'hui").is_ok());
        assert!(check_word("п'ять").is_ok());
        assert!(check_word("straße").is_ok());
        assert!(check_word("Paris").is_err());
        assert!(check_word("'a").is_err());
        assert!(check_word("a-").is_err());
        assert!(check_word("a1").is_err());
        assert!(check_word("a b").is_err());
        assert!(check_word("e\u{301}").is_err(), "not NFC");
    }

    #[test]
    fn unsorted_duplicate_and_short_files_are_rejected() {
        let good = filler();
        assert_eq!(parse("t", &good).unwrap().len(), MIN_ENTRIES);
        let dup = format!("{good}qjjjj\t3.00\nqjjjj\t3.00\n");
        assert!(parse("t", &dup).unwrap_err().to_string().contains("sorted"));
        let unsorted = format!("zz\t3.00\n{good}");
        assert!(parse("t", &unsorted).is_err());
        assert!(parse("t", "a\t3.00\n")
            .unwrap_err()
            .to_string()
            .contains("truncated"));
        assert!(parse("t", &good.replace("\t3.00\n", " 3.00\n")).is_err());
        assert!(parse("t", good.trim_end()).is_err());
    }

    #[test]
    fn literals_round_trip() {
        let mut out = String::new();
        str_literal_lines(&mut out, "a\n\"q\\\n\tx\n é\n");
        assert_eq!(
            out,
            "\"\\\na\\n\\\n\\\"q\\\\\\n\\\n\\tx\\n\\\n\\u{20}é\\n\\\n\""
        );
        let mut out = String::new();
        byte_str_literal_lines(&mut out, &[30, 31, 32, 33, 34, 92, 99], 4);
        assert_eq!(out, "b\"\\\n\\x1e\\x1f\\x20!\\\n\\x22\\x5cc\\\n\"");
    }

    /// What rustc makes of the literal bodies written above (only the escapes
    /// they use).
    fn unescape(literal: &str) -> Vec<u8> {
        let mut out = Vec::new();
        let mut chars = literal.chars().peekable();
        while let Some(c) = chars.next() {
            if c != '\\' {
                let mut buf = [0; 4];
                out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                continue;
            }
            match chars.next().unwrap() {
                '\n' => {
                    while chars.peek().is_some_and(char::is_ascii_whitespace) {
                        chars.next();
                    }
                }
                'n' => out.push(b'\n'),
                't' => out.push(b'\t'),
                'r' => out.push(b'\r'),
                '"' => out.push(b'"'),
                '\\' => out.push(b'\\'),
                'x' => {
                    let hex: String = chars.by_ref().take(2).collect();
                    out.push(u8::from_str_radix(&hex, 16).unwrap());
                }
                'u' => {
                    let hex: String = chars.by_ref().skip(1).take_while(|&c| c != '}').collect();
                    let c = char::from_u32(u32::from_str_radix(&hex, 16).unwrap()).unwrap();
                    let mut buf = [0; 4];
                    out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                }
                other => panic!("unexpected escape {other:?}"),
            }
        }
        out
    }

    #[test]
    fn generated_literals_decode_to_the_data() {
        let text = "a\n\"q\\\n\tx\n \u{1}é\n";
        let mut out = String::new();
        str_literal_lines(&mut out, text);
        let body = out.strip_prefix('"').unwrap().strip_suffix('"').unwrap();
        assert_eq!(unescape(body), text.as_bytes());
        let bytes: Vec<u8> = (0..=255).collect();
        let mut out = String::new();
        byte_str_literal_lines(&mut out, &bytes, 7);
        let body = out.strip_prefix("b\"").unwrap().strip_suffix('"').unwrap();
        assert_eq!(unescape(body), bytes);
    }

    #[test]
    fn generated_file_holds_every_word() {
        let output = generate(&root()).unwrap().remove(0);
        let text = &output.contents;
        let start = text.find("static RU_WORDS: &str = \"").unwrap();
        let body = &text[start + "static RU_WORDS: &str = \"".len()..];
        let body = &body[..body.find("\";\n").unwrap()];
        let lexicons = read_all(&root()).unwrap();
        let ru = lexicons.iter().find(|l| l.lang == "ru").unwrap();
        let words = String::from_utf8(unescape(body)).unwrap();
        assert_eq!(words, Packed::new(&ru.entries).unwrap().words);
        assert!(text.contains("CC BY-SA 4.0"));
    }

    #[test]
    fn grouping() {
        assert_eq!(grouped(0), "0");
        assert_eq!(grouped(9999), "9999");
        assert_eq!(grouped(12_345), "12_345");
        assert_eq!(grouped(649_501), "649_501");
        assert_eq!(grouped(1_234_567), "1_234_567");
    }

    #[test]
    fn real_lexicons_pack_and_look_up() {
        let lexicons = read_all(&root()).unwrap();
        let get = |lang: &str| {
            let lexicon = lexicons.iter().find(|l| l.lang == lang).unwrap();
            Packed::new(&lexicon.entries).unwrap()
        };
        let en = get("en");
        assert_eq!(en.zipf10_of("the"), Some(77));
        assert!(en.zipf10_of("and").is_some());
        assert_eq!(en.zipf10_of("привет"), None);
        assert_eq!(en.zipf10_of(""), None);
        let ru = get("ru");
        for word in ["привет", "сергей", "москва", "в", "и"] {
            assert!(ru.zipf10_of(word).is_some(), "{word}");
        }
        assert!(ru.zipf10_of("ghbdtn").is_none());
        let el = get("el");
        assert!(el.zipf10_of("και").unwrap() >= 70);
        // Every word is found at its own index.
        for lexicon in &lexicons {
            let packed = Packed::new(&lexicon.entries).unwrap();
            assert!(packed.words.ends_with('\n'));
            for (i, (word, zipf10)) in lexicon.entries.iter().enumerate() {
                assert_eq!(packed.word(i), Some(word.as_str()));
                assert_eq!(packed.zipf10_of(word), Some(*zipf10), "{word}");
            }
        }
    }
}
