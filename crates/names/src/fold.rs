//! Latin text to the keys that make transliteration variants meet.
//!
//! Three layers, each a pure function of its input:
//!
//! 1. [`fold_ascii`]: lower-case ASCII letters, diacritics resolved the way
//!    the languages that use them spell the sound in English-like Latin
//!    (`š` → `sh`, `ž` → `zh`, `č`/`ć` → `ch`, `ł` → `l`, `đ` → `dj`,
//!    `ß` → `ss`, `ä` → `ae`); everything that is not a letter is dropped.
//! 2. [`european_key`]: a phonetic skeleton that forgets what
//!    transliteration schemes disagree on: `sh`/`sch`/`ch`/`tch`/`zh`/`sz`/`cz`
//!    are one sound class, `y`/`j`/`i` one, `w`/`v`/`f` one, `k`/`g`/`q`/`c`
//!    (before a back vowel) one, `z`/`s`/`ts` one, `kh` and a non-initial `h`
//!    vanish, `ie`/`io` after a consonant are `e` (Polish *Siergiej*, Russian
//!    `ё`), `ou`/`oo` are `u`, doubled letters are single.
//!    `Sergey`, `Sergei`, `Sergej`, `Serguei`, `Siergiej` → `serkei`;
//!    `Shoigu`, `Shoygu`, `Schoigu`, `Choïgou`, `Szojgu`, `Šojgu` → `Xoiku`.
//! 3. [`korean_key`]: the same idea for romanized Korean syllables (RR,
//!    McCune-Reischauer, customary): `eo`/`ŏ`/`o`/`u`/`eu`/`ŭ` → `u`,
//!    `k`/`g`, `t`/`d`, `p`/`b`, `ch`/`j`, `r`/`l` merged.
//!
//! Chinese names get their keys from pinyin syllables (see [`pinyin_syllables`]
//! and [`wade_giles_to_pinyin`]); they are not folded phonetically because
//! pinyin distinguishes what the folds would merge (`Qiang` and `Jiang` are
//! different names).

use crate::tables::surnames::{PINYIN, WADE_GILES};

/// Appends the lower-case ASCII fold of one Latin character to `out`.
/// Returns `false` for characters that are not letters (they are dropped).
#[allow(clippy::match_same_arms, reason = "a table: one row per letter")]
fn fold_char(c: char, out: &mut String) -> bool {
    if c.is_ascii_alphabetic() {
        out.push(c.to_ascii_lowercase());
        return true;
    }
    if c.is_ascii() {
        return false;
    }
    let lower = c.to_lowercase().next().unwrap_or(c);
    let mapped = match lower {
        'š' | 'ś' | 'ş' | 'ș' | 'ŝ' => "sh",
        'č' | 'ć' | 'ĉ' => "ch",
        'ž' | 'ź' | 'ż' | 'ẑ' => "zh",
        'ř' => "rzh",
        'ł' => "l",
        'đ' => "dj",
        'ð' => "d",
        'þ' => "th",
        'ß' => "ss",
        'æ' => "ae",
        'œ' => "oe",
        'ø' => "o",
        'ä' => "ae",
        'ö' => "oe",
        'ü' => "ue",
        'ı' => "i",
        'ŋ' => "ng",
        'ĳ' => "ij",
        'ǆ' | 'ǅ' => "dzh",
        'ʻ' | 'ʼ' | '’' | '‘' | 'ʹ' | 'ʺ' => return false,
        _ => {
            let mut any = false;
            unicode_normalization::char::decompose_canonical(lower, |d| {
                if d.is_ascii_alphabetic() && !any {
                    out.push(d.to_ascii_lowercase());
                    any = true;
                }
            });
            return any;
        }
    };
    out.push_str(mapped);
    true
}

/// Lower-case ASCII letters of `text` (see the module docs), appended to `out`.
pub(crate) fn fold_ascii(text: &str, out: &mut String) {
    if text.bytes().all(|b| b.is_ascii_lowercase()) {
        out.push_str(text);
        return;
    }
    for c in text.chars() {
        fold_char(c, out);
    }
}

/// Owned [`fold_ascii`].
pub(crate) fn ascii(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_ascii(text, &mut out);
    out
}

fn starts(s: &[u8], i: usize, pat: &[u8]) -> bool {
    s.get(i..i + pat.len()).is_some_and(|w| w == pat)
}

fn is_vowel(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// The European phonetic skeleton of folded ASCII `s` (lower-case letters),
/// appended to `out`. See the module docs.
#[allow(clippy::match_same_arms, reason = "a table: one row per rule")]
pub(crate) fn european_key(s: &str, out: &mut String) {
    let s = s.as_bytes();
    // Pass 1: consonant clusters and letter classes.
    let mut mid: Vec<u8> = Vec::with_capacity(s.len() + 2);
    let mut i = 0;
    while let Some(&c) = s.get(i) {
        let next = s.get(i + 1).copied().unwrap_or(0);
        let empty = mid.is_empty();
        let (emit, adv): (&[u8], usize) = match c {
            b's' if starts(s, i, b"shch") => (b"X", 4),
            b't' if starts(s, i, b"tsch") => (b"X", 4),
            b's' if starts(s, i, b"sch") => (b"X", 3),
            b't' if starts(s, i, b"tch") => (b"X", 3),
            b'd' if starts(s, i, b"dzh") => (b"X", 3),
            b's' | b'c' if next == b'h' || next == b'z' => (b"X", 2),
            b'z' if next == b'h' => (b"X", 2),
            b'd' if next == b'j' => (b"X", 2),
            b'k' if next == b'h' => (if empty { b"h" } else { b"" }, 2),
            b'g' if next == b'h' => (b"k", 2),
            b'p' if next == b'h' => (b"v", 2),
            b't' if next == b'h' => (b"t", 2),
            b'd' if next == b'h' => (b"d", 2),
            b'c' if next == b'k' => (b"k", 2),
            b'g' if next == b'u' && matches!(s.get(i + 2), Some(b'e' | b'i')) => (b"k", 2),
            b't' if next == b's' || next == b'z' => (b"s", 2),
            b'x' => (b"ks", 1),
            b'c' if matches!(next, b'e' | b'i' | b'y') => (b"s", 1),
            b'c' | b'g' | b'q' => (b"k", 1),
            b'z' => (b"s", 1),
            b'j' | b'y' => (b"i", 1),
            b'w' | b'f' => (b"v", 1),
            b'h' => (if empty { b"h" } else { b"" }, 1),
            _ => {
                mid.push(c);
                i += 1;
                continue;
            }
        };
        mid.extend_from_slice(emit);
        i += adv;
    }
    // Pass 2: vowel clusters, then doubled letters.
    let start = out.len();
    let mut last = 0u8;
    let mut j = 0;
    while let Some(&c) = mid.get(j) {
        let next = mid.get(j + 1).copied().unwrap_or(0);
        let after_consonant = j > 0 && mid.get(j - 1).is_some_and(|&p| !is_vowel(p));
        let (b, adv) = match (c, next) {
            (b'i', b'e') => (b'e', 2),
            (b'i', b'o') if after_consonant => (b'e', 2),
            (b'o', b'u' | b'o') => (b'u', 2),
            (b'e', b'e') => (b'i', 2),
            (b'a', b'e') => (b'e', 2),
            (b'o', b'e') => (b'o', 2),
            (b'u', b'e') if j > 0 => (b'u', 2),
            _ => (c, 1),
        };
        if b != last {
            out.push(char::from(b));
            last = b;
        }
        j += adv;
    }
    // Feminine `-aya`/`-aia` (Russian) and `-a` (Polish, Czech) are one ending.
    if out.len() > start + 4 && out.ends_with("aia") {
        out.truncate(out.len() - 2);
    }
    if out.len() == start {
        // Nothing left (e.g. "h" alone): keep something comparable.
        out.push_str(std::str::from_utf8(s).unwrap_or(""));
    }
}

/// Owned [`european_key`] of raw Latin text (folds first).
pub(crate) fn euro(text: &str) -> String {
    let folded = ascii(text);
    let mut out = String::with_capacity(folded.len());
    european_key(&folded, &mut out);
    out
}

/// The Korean key of folded ASCII `s` (see the module docs), appended to `out`.
#[allow(clippy::match_same_arms, reason = "a table: one row per rule")]
pub(crate) fn korean_key(s: &str, out: &mut String) {
    let s = s.as_bytes();
    let mut last = 0u8;
    let mut push = |b: u8, out: &mut String| {
        if b != last {
            out.push(char::from(b));
            last = b;
        }
    };
    let mut i = 0;
    while let Some(&c) = s.get(i) {
        let next = s.get(i + 1).copied().unwrap_or(0);
        let (b, adv) = match c {
            b'e' if next == b'o' || next == b'u' => (b'u', 2),
            b'o' if next == b'o' || next == b'u' => (b'u', 2),
            b'o' if next == b'e' => (b'e', 2),
            b'a' if next == b'e' => (b'e', 2),
            b'e' if next == b'e' => (b'i', 2),
            b'y' if next == b'i' => (b'i', 2),
            b'o' | b'u' => (b'u', 1),
            b't' if next == b'c' && s.get(i + 2) == Some(&b'h') => (b'j', 3),
            b'c' if next == b'h' => (b'j', 2),
            b's' if next == b'h' => (b's', 2),
            b'j' | b'z' => (b'j', 1),
            b'g' | b'k' | b'q' | b'c' => (b'k', 1),
            b'd' | b't' => (b't', 1),
            b'b' | b'p' => (b'p', 1),
            b'r' | b'l' => (b'l', 1),
            b'w' if next == b'u' || next == b'o' => {
                i += 1;
                continue;
            }
            b'h' if i > 0 && !is_vowel(s.get(i - 1).copied().unwrap_or(b'a')) => {
                // aspiration written as h after a consonant (MR Ch'oe, customary Rhee)
                i += 1;
                continue;
            }
            _ => (c, 1),
        };
        push(b, out);
        i += adv;
    }
}

/// Owned [`korean_key`] of raw Latin text (folds first).
pub(crate) fn korean(text: &str) -> String {
    let folded = ascii(text);
    let mut out = String::with_capacity(folded.len());
    korean_key(&folded, &mut out);
    out
}

/// Whether `syllable` (lower-case ASCII, `ü` as `v`) is a Mandarin syllable.
pub(crate) fn is_pinyin(syllable: &str) -> bool {
    PINYIN.binary_search(&syllable).is_ok()
}

/// Splits lower-case ASCII `s` into pinyin syllables (longest match first,
/// with backtracking); `None` when it is not a run of pinyin syllables.
///
/// A syllable that starts with `a`, `e` or `o` cannot follow another one
/// (pinyin writes an apostrophe there: `Xi'an`), so `chiang` is not `chi`+`ang`.
pub(crate) fn pinyin_syllables(s: &str) -> Option<Vec<&str>> {
    fn go<'a>(s: &'a str, out: &mut Vec<&'a str>) -> bool {
        if s.is_empty() {
            return true;
        }
        for len in (1..=6.min(s.len())).rev() {
            let Some(head) = s.get(..len) else { continue };
            if !out.is_empty() && head.starts_with(['a', 'e', 'o']) {
                continue;
            }
            if is_pinyin(head) {
                out.push(head);
                if go(s.get(len..).unwrap_or(""), out) {
                    return true;
                }
                out.pop();
            }
        }
        false
    }
    let mut out = Vec::new();
    (!s.is_empty() && go(s, &mut out)).then_some(out)
}

/// The pinyin readings of one Wade-Giles syllable (lower case, apostrophe as
/// written). Without an apostrophe the unaspirated reading comes first and
/// the aspirated one is added, since apostrophes are often dropped.
pub(crate) fn wade_giles_to_pinyin(syllable: &str) -> Vec<&'static str> {
    let mut out = Vec::new();
    let add = |wg: &str, out: &mut Vec<&'static str>| {
        let start = WADE_GILES.partition_point(|(w, _)| *w < wg);
        for (w, p) in WADE_GILES.get(start..).unwrap_or(&[]) {
            if *w != wg {
                break;
            }
            if !out.contains(p) {
                out.push(*p);
            }
        }
    };
    let plain: String = syllable
        .chars()
        .filter(|c| *c != '\'' && *c != '’')
        .collect();
    let written: String = syllable.replace('’', "'");
    add(&written, &mut out);
    if plain.len() == syllable.len() {
        // Try the aspirated reading: an apostrophe after the initial consonant(s).
        for cut in [2usize, 1] {
            let (Some(head), Some(tail)) = (plain.get(..cut), plain.get(cut..)) else {
                continue;
            };
            if matches!(head, "ch" | "ts" | "tz" | "k" | "p" | "t") {
                add(&format!("{head}'{tail}"), &mut out);
                break;
            }
        }
    }
    out
}

/// Splits lower-case ASCII `s` (apostrophes kept) into Wade-Giles syllables.
pub(crate) fn wade_giles_syllables(s: &str) -> Option<Vec<&str>> {
    fn known(w: &str) -> bool {
        !wade_giles_to_pinyin(w).is_empty()
    }
    fn go<'a>(s: &'a str, out: &mut Vec<&'a str>) -> bool {
        if s.is_empty() {
            return true;
        }
        for len in (1..=7.min(s.len())).rev() {
            let Some(head) = s.get(..len) else { continue };
            if head.ends_with('\'') {
                continue;
            }
            if known(head) {
                out.push(head);
                if go(s.get(len..).unwrap_or(""), out) {
                    return true;
                }
                out.pop();
            }
        }
        false
    }
    let mut out = Vec::new();
    (!s.is_empty() && go(s, &mut out)).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_diacritics_the_slavic_way() {
        assert_eq!(ascii("Šojgu"), "shojgu");
        assert_eq!(ascii("Choïgou"), "choigou");
        assert_eq!(ascii("Zełenski"), "zelenski");
        assert_eq!(ascii("Đoković"), "djokovich");
        assert_eq!(ascii("Müller"), "mueller");
        assert_eq!(ascii("O'Neil-Smith"), "oneilsmith");
        assert_eq!(ascii("Jŏng-ŭn"), "jongun");
    }

    fn same(names: &[&str]) {
        let first = euro(names[0]);
        for n in names {
            assert_eq!(euro(n), first, "{n} vs {}", names[0]);
        }
    }

    #[test]
    fn transliteration_variants_meet() {
        same(&[
            "Sergey", "Sergei", "Sergej", "Serguei", "Sergueï", "Siergiej", "Serghei",
        ]);
        same(&[
            "Shoigu", "Shoygu", "Schoigu", "Choïgou", "Szojgu", "Šojgu", "Shojgu",
        ]);
        same(&[
            "Yevgeny",
            "Evgeny",
            "Jewgeni",
            "Evgenii",
            "Evgenij",
            "Ievgueni",
            "Jewgienij",
        ]);
        same(&[
            "Zelensky",
            "Zelenskyy",
            "Selenskyj",
            "Zelenskiy",
            "Zelenskij",
            "Zełenski",
        ]);
        same(&["Fyodor", "Fedor", "Fjodor", "Fiodor"]);
        same(&["Medvedev", "Medwedew", "Miedwiediew"]);
        same(&["Gaddafi", "Qaddafi", "Kadhafi", "Gadhafi", "Qadhafi"]);
        same(&[
            "Yuri", "Yury", "Juri", "Jurij", "Iouri", "Youri", "Yuriy", "Yurii",
        ]);
        same(&["Navalny", "Navalnyy", "Nawalny", "Navalni"]);
        same(&["Tymoshenko", "Timoschenko", "Timochenko", "Tymoszenko"]);
        same(&["Mikhail", "Mihail"]);
    }

    #[test]
    fn different_names_stay_apart() {
        assert_ne!(euro("Aleksandr"), euro("Aleksandra"));
        assert_ne!(euro("Navalny"), euro("Navalnaya"));
        assert_ne!(euro("Ivanov"), euro("Ivanova"));
        assert_ne!(euro("Putin"), euro("Pushkin"));
    }

    #[test]
    fn korean_romanizations_meet() {
        let k = korean("Jong-un");
        for v in ["Jeong-eun", "Chŏng-ŭn", "jongun", "Jong Un", "Jung-eun"] {
            assert_eq!(korean(v), k, "{v}");
        }
        assert_ne!(korean("Jong-il"), k);
        assert_eq!(korean("Gim"), korean("Kim"));
        assert_eq!(korean("Park"), korean("Bark"));
    }

    #[test]
    fn pinyin_segments() {
        assert_eq!(pinyin_syllables("jinping"), Some(vec!["jin", "ping"]));
        assert_eq!(pinyin_syllables("keqiang"), Some(vec!["ke", "qiang"]));
        assert_eq!(pinyin_syllables("shangfu"), Some(vec!["shang", "fu"]));
        assert!(pinyin_syllables("jongun").is_none());
        assert!(pinyin_syllables("tse").is_none());
        assert!(pinyin_syllables("").is_none());
    }

    #[test]
    fn wade_giles_reads_as_pinyin() {
        assert_eq!(wade_giles_to_pinyin("hsi"), ["xi"]);
        assert!(wade_giles_to_pinyin("tung").contains(&"dong"));
        assert!(wade_giles_to_pinyin("tung").contains(&"tong"));
        assert_eq!(wade_giles_to_pinyin("p'ing"), ["ping"]);
        assert!(wade_giles_to_pinyin("ping").contains(&"bing"));
        assert!(wade_giles_to_pinyin("ping").contains(&"ping"));
        assert!(wade_giles_to_pinyin("chin").contains(&"jin"));
        assert_eq!(wade_giles_syllables("hsiao"), Some(vec!["hsiao"]));
        assert!(wade_giles_to_pinyin("xyz").is_empty());
    }
}
