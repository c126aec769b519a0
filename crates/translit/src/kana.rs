//! Kana → Latin: modified Hepburn (`ja-hepburn`) and the Hepburn of Japanese
//! passports (`ja-hepburn-passport`).
//!
//! Sources: *Kenkyusha's New Japanese-English Dictionary*, 3rd ed. (1954),
//! the reference of modified Hepburn, as tabulated in ANSI Z39.11-1972 and
//! BS 4812:1972 and in the Library of Congress ALA-LC Japanese romanization
//! table (2012); for the passport variant, the Ministry of Foreign Affairs
//! of Japan's Hepburn table for passports (ヘボン式ローマ字綴方表, with its
//! rules for ん before B/M/P, っ before CH and long vowels).
//!
//! Both read hiragana, katakana (with the extended combinations ファ fa,
//! ティ ti, ウィ wi, ヴァ va, シェ she, …), half-width katakana (by their
//! compatibility decomposition) and NFD kana (か + U+3099 = が). Kanji are
//! not kana: they pass through unchanged, like everything outside the kana
//! blocks. Words are not segmented, so particles are read as written
//! (は ha, へ he; を is o), and a long vowel is assumed wherever two vowels
//! meet (おもう → omō, where a dictionary would split om-ou).
//!
//! | rule | `ja-hepburn` | `ja-hepburn-passport` |
//! | --- | --- | --- |
//! | ああ, うう, ええ, おお, おう | ā, ū, ē, ō, ō | aa, u, ee, o, o |
//! | いい, えい | ii, ei | ii, ei |
//! | katakana ー | macron (コーヒー kōhī) | dropped (kohi) |
//! | ん before b, m, p | n (shinbun) | m (namba) |
//! | ん before a vowel or y | n' (shin'yō) | n (kenichi) |
//! | っ | doubles the consonant, t before ch | same |
//!
//! Output is lower case; in [`Mode::Name`] each kana word
//! is capitalized (`やまだ たろう` → `Yamada Tarō`). A っ at the end of a word
//! or before a vowel is not written. Kana without a Hepburn spelling (ゟ, ヿ,
//! the Ainu small katakana, the kana supplement) go through `any-ascii`.

use std::borrow::Cow;

use crate::fallback;
use crate::scheme::SchemeDef;
use crate::{Mode, Options};

pub(crate) static SCHEMES: &[SchemeDef] = &[
    SchemeDef {
        name: "ja-hepburn",
        language: "ja",
        title: "Japanese kana, modified Hepburn (macrons)",
        standard: "Modified Hepburn, Kenkyusha's New Japanese-English Dictionary 3rd ed. (1954); ANSI Z39.11-1972; ALA-LC Japanese (2012)",
        from: &["Hira", "Kana"],
        to: "Latn",
        forward: hepburn,
        reverse: None,
        reversible: false,
    },
    SchemeDef {
        name: "ja-hepburn-passport",
        language: "ja",
        title: "Japanese kana, passport Hepburn (no macrons)",
        standard: "Ministry of Foreign Affairs of Japan, Hepburn table for passports (ヘボン式ローマ字綴方表)",
        from: &["Hira", "Kana"],
        to: "Latn",
        forward: hepburn_passport,
        reverse: None,
        reversible: false,
    },
];

/// Which Hepburn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Variant {
    Modified,
    Passport,
}

/// Hepburn spelling of a (normalized, hiragana) kana.
fn romaji(c: char) -> Option<&'static str> {
    Some(match c {
        'あ' | 'ぁ' => "a",
        'い' | 'ぃ' | 'ゐ' => "i",
        'う' | 'ぅ' => "u",
        'え' | 'ぇ' | 'ゑ' => "e",
        'お' | 'ぉ' | 'を' => "o",
        'か' | 'ゕ' => "ka",
        'き' => "ki",
        'く' => "ku",
        'け' | 'ゖ' => "ke",
        'こ' => "ko",
        'さ' => "sa",
        'し' => "shi",
        'す' => "su",
        'せ' => "se",
        'そ' => "so",
        'た' => "ta",
        'ち' => "chi",
        'つ' | 'っ' => "tsu",
        'て' => "te",
        'と' => "to",
        'な' => "na",
        'に' => "ni",
        'ぬ' => "nu",
        'ね' => "ne",
        'の' => "no",
        'は' => "ha",
        'ひ' => "hi",
        'ふ' => "fu",
        'へ' => "he",
        'ほ' => "ho",
        'ま' => "ma",
        'み' => "mi",
        'む' => "mu",
        'め' => "me",
        'も' => "mo",
        'や' | 'ゃ' => "ya",
        'ゆ' | 'ゅ' => "yu",
        'よ' | 'ょ' => "yo",
        'ら' => "ra",
        'り' => "ri",
        'る' => "ru",
        'れ' => "re",
        'ろ' => "ro",
        'わ' | 'ゎ' => "wa",
        'ん' => "n",
        'が' => "ga",
        'ぎ' => "gi",
        'ぐ' => "gu",
        'げ' => "ge",
        'ご' => "go",
        'ざ' => "za",
        'じ' | 'ぢ' => "ji",
        'ず' | 'づ' => "zu",
        'ぜ' => "ze",
        'ぞ' => "zo",
        'だ' => "da",
        'で' => "de",
        'ど' => "do",
        'ば' => "ba",
        'び' => "bi",
        'ぶ' => "bu",
        'べ' => "be",
        'ぼ' => "bo",
        'ぱ' => "pa",
        'ぴ' => "pi",
        'ぷ' => "pu",
        'ぺ' => "pe",
        'ぽ' => "po",
        'ゔ' => "vu",
        'ヷ' => "va",
        'ヸ' => "vi",
        'ヹ' => "ve",
        'ヺ' => "vo",
        _ => return None,
    })
}

fn is_small_y(c: char) -> bool {
    matches!(c, 'ゃ' | 'ゅ' | 'ょ')
}

fn is_small_vowel(c: char) -> bool {
    matches!(c, 'ぁ' | 'ぃ' | 'ぅ' | 'ぇ' | 'ぉ' | 'ゎ')
}

fn is_bare_vowel(c: char) -> bool {
    matches!(c, 'あ' | 'い' | 'う' | 'え' | 'お')
}

/// Long-vowel mark.
const LONG: char = 'ー';

/// Whether `c` belongs to a kana run (the long-vowel marks only after kana).
fn is_kana(c: char) -> bool {
    matches!(c,
        '\u{3041}'..='\u{3096}' | '\u{309D}'..='\u{309F}'
        | '\u{30A1}'..='\u{30FA}' | '\u{30FD}'..='\u{30FF}'
        | '\u{31F0}'..='\u{31FF}' | '\u{FF66}'..='\u{FF6F}' | '\u{FF71}'..='\u{FF9D}'
        | '\u{1B000}'..='\u{1B16F}')
}

/// Marks and signs that continue a kana run but cannot start one.
fn continues_kana(c: char) -> bool {
    matches!(
        c,
        '\u{3099}'..='\u{309C}' | LONG | '\u{FF70}' | '\u{FF9E}' | '\u{FF9F}'
    )
}

/// Normalizes one character of a kana run: half-width to full-width,
/// katakana to hiragana (where hiragana has the letter), marks to U+3099 /
/// U+309A, the long marks to `ー`.
fn normalize(c: char) -> char {
    let c = match c {
        '\u{FF70}' => LONG,
        '\u{FF9E}' | '\u{309B}' => '\u{3099}',
        '\u{FF9F}' | '\u{309C}' => '\u{309A}',
        '\u{FF66}'..='\u{FF9D}' => {
            let mut full = c;
            unicode_normalization::char::decompose_compatible(c, |d| full = d);
            full
        }
        _ => c,
    };
    match c {
        '\u{30A1}'..='\u{30F6}' | '\u{30FD}' | '\u{30FE}' => {
            char::from_u32(c as u32 - 0x60).unwrap_or(c)
        }
        _ => c,
    }
}

/// One syllable of output.
#[derive(Debug, Clone, Copy)]
enum Syl {
    /// Spelled `head` + `tail`; `vowel` is set for a bare full-size vowel kana.
    Text {
        head: &'static str,
        tail: &'static str,
        vowel: bool,
    },
    /// っ: doubles the next consonant.
    Sokuon,
    /// ー: lengthens the previous vowel.
    Long,
    /// A character with no Hepburn spelling, through `any-ascii`.
    Other(char),
}

impl Syl {
    fn first_byte(self) -> Option<u8> {
        match self {
            Syl::Text { head, tail, .. } => head.bytes().next().or_else(|| tail.bytes().next()),
            _ => None,
        }
    }

    fn starts_with_ch(self) -> bool {
        matches!(self, Syl::Text { head, .. } if head.starts_with("ch"))
    }
}

fn text(head: &'static str, tail: &'static str) -> Syl {
    Syl::Text {
        head,
        tail,
        vowel: false,
    }
}

/// Splits a run of normalized kana into syllables.
fn syllables(units: &[char], out: &mut Vec<Syl>) {
    out.clear();
    let mut i = 0;
    while let Some(&c) = units.get(i) {
        let next = units.get(i + 1).copied();
        if c == 'っ' {
            out.push(Syl::Sokuon);
            i += 1;
            continue;
        }
        if c == LONG {
            out.push(Syl::Long);
            i += 1;
            continue;
        }
        let Some(r) = romaji(c) else {
            out.push(Syl::Other(c));
            i += 1;
            continue;
        };
        let full_size = !is_small_y(c) && !is_small_vowel(c);
        // Drop the final vowel of `r`: ki → k, shi → sh, tsu → ts, fu → f.
        let stem = r.get(..r.len().saturating_sub(1)).unwrap_or("");
        match next {
            Some(small) if full_size && is_small_y(small) && !stem.is_empty() => {
                let vowel = romaji(small).unwrap_or("ya");
                let palatal = stem.ends_with("sh") || stem.ends_with("ch") || stem.ends_with('j');
                let tail = if palatal {
                    vowel.get(1..).unwrap_or("")
                } else {
                    vowel
                };
                out.push(text(stem, tail));
                i += 2;
            }
            Some(small) if full_size && is_small_vowel(small) && c != 'ん' => {
                let vowel = romaji(small).unwrap_or("a");
                let syl = match (c, stem) {
                    ('う', _) => text("w", vowel),
                    ('い', _) if small == 'ぇ' => text("y", vowel),
                    (_, "") => {
                        // A vowel and a small vowel: two syllables.
                        out.push(Syl::Text {
                            head: r,
                            tail: "",
                            vowel: is_bare_vowel(c),
                        });
                        out.push(text(vowel, ""));
                        i += 2;
                        continue;
                    }
                    ('く', _) => text("kw", vowel),
                    ('ぐ', _) => text("gw", vowel),
                    _ if r.ends_with('i')
                        && small == 'ぇ'
                        && !(stem.ends_with("sh") || stem.ends_with("ch") || stem == "j") =>
                    {
                        text(stem, "ye")
                    }
                    _ => text(stem, vowel),
                };
                out.push(syl);
                i += 2;
            }
            _ => {
                out.push(Syl::Text {
                    head: r,
                    tail: "",
                    vowel: is_bare_vowel(c),
                });
                i += 1;
            }
        }
    }
}

fn macron(v: char) -> Option<char> {
    Some(match v {
        'a' => 'ā',
        'i' => 'ī',
        'u' => 'ū',
        'e' => 'ē',
        'o' => 'ō',
        _ => return None,
    })
}

/// Writes the syllables of one kana word.
fn emit(syls: &[Syl], variant: Variant, capitalize: bool, out: &mut String) {
    let word_start = out.len();
    // The vowel the output ends with, if it may still be lengthened.
    let mut last_vowel: Option<char> = None;
    for (i, &syl) in syls.iter().enumerate() {
        let next = syls.get(i + 1).copied();
        match syl {
            Syl::Sokuon => {
                if let Some(n) = next {
                    if n.starts_with_ch() {
                        out.push('t');
                    } else if let Some(b) = n.first_byte() {
                        if !matches!(b, b'a' | b'i' | b'u' | b'e' | b'o' | b'n') {
                            out.push(char::from(b));
                        }
                    }
                }
                last_vowel = None;
            }
            Syl::Long => {
                if let (Some(v), Variant::Modified) = (last_vowel, variant) {
                    if let Some(m) = macron(v) {
                        out.pop();
                        out.push(m);
                    }
                }
                last_vowel = None;
            }
            Syl::Other(c) => {
                fallback::push_ascii(c, out);
                last_vowel = None;
            }
            Syl::Text { head, tail, vowel } => {
                if vowel {
                    if let Some(prev) = last_vowel {
                        let cur = head.chars().next().unwrap_or('a');
                        let long = match variant {
                            Variant::Modified => {
                                prev == cur && prev != 'i' || prev == 'o' && cur == 'u'
                            }
                            Variant::Passport => {
                                matches!((prev, cur), ('o', 'o' | 'u') | ('u', 'u'))
                            }
                        };
                        if long {
                            if variant == Variant::Modified {
                                if let Some(m) = macron(prev) {
                                    out.pop();
                                    out.push(m);
                                }
                            }
                            last_vowel = None;
                            continue;
                        }
                    }
                }
                if head == "n" && tail.is_empty() {
                    // ん
                    let following = next.and_then(Syl::first_byte);
                    match (variant, following) {
                        (Variant::Modified, Some(b'a' | b'i' | b'u' | b'e' | b'o' | b'y')) => {
                            out.push_str("n'");
                        }
                        (Variant::Passport, Some(b'b' | b'm' | b'p')) => out.push('m'),
                        _ => out.push('n'),
                    }
                    last_vowel = None;
                    continue;
                }
                out.push_str(head);
                out.push_str(tail);
                last_vowel = out
                    .chars()
                    .next_back()
                    .filter(|c| matches!(c, 'a' | 'i' | 'u' | 'e' | 'o'));
            }
        }
    }
    if capitalize {
        if let Some(first) = out.get(word_start..).and_then(|w| w.chars().next()) {
            let upper: String = first.to_uppercase().collect();
            out.replace_range(word_start..word_start + first.len_utf8(), &upper);
        }
    }
}

fn convert<'a>(text: &'a str, options: &Options, variant: Variant) -> Cow<'a, str> {
    let Some(start) = text
        .char_indices()
        .find_map(|(i, c)| is_kana(c).then_some(i))
    else {
        return Cow::Borrowed(text);
    };
    let capitalize = options.mode == Mode::Name;
    let mut out = String::with_capacity(text.len());
    let (head, rest) = text.split_at(start);
    out.push_str(head);
    let mut units: Vec<char> = Vec::new();
    let mut syls: Vec<Syl> = Vec::new();
    let mut chars = rest.chars().peekable();
    while let Some(c) = chars.next() {
        if !is_kana(c) {
            out.push(c);
            continue;
        }
        units.clear();
        let mut cur = Some(c);
        while let Some(c) = cur {
            let n = normalize(c);
            match n {
                '\u{3099}' | '\u{309A}' => {
                    if let Some(last) = units.last_mut() {
                        let voiced = unicode_normalization::char::compose(*last, n)
                            .map(normalize)
                            .or_else(|| {
                                // ウ゛ and the like: compose in katakana.
                                char::from_u32(*last as u32 + 0x60)
                                    .and_then(|k| unicode_normalization::char::compose(k, n))
                            });
                        if let Some(v) = voiced {
                            *last = v;
                        }
                    }
                }
                'ゝ' | 'ゞ' => {
                    if let Some(&prev) = units.last() {
                        let base = unvoiced(prev);
                        let rep = if n == 'ゞ' {
                            unicode_normalization::char::compose(base, '\u{3099}').unwrap_or(base)
                        } else {
                            base
                        };
                        units.push(rep);
                    }
                }
                _ => units.push(n),
            }
            cur = chars.next_if(|&c| is_kana(c) || continues_kana(c));
        }
        syllables(&units, &mut syls);
        emit(&syls, variant, capitalize, &mut out);
    }
    Cow::Owned(out)
}

/// First character of the canonical decomposition (the unvoiced kana).
fn unvoiced(c: char) -> char {
    let mut first = None;
    unicode_normalization::char::decompose_canonical(c, |d| {
        first.get_or_insert(d);
    });
    first.unwrap_or(c)
}

fn hepburn<'a>(text: &'a str, options: &Options) -> Cow<'a, str> {
    convert(text, options, Variant::Modified)
}

fn hepburn_passport<'a>(text: &'a str, options: &Options) -> Cow<'a, str> {
    convert(text, options, Variant::Passport)
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::UnicodeNormalization as _;

    fn h(s: &str) -> String {
        hepburn(s, &Options::default()).into_owned()
    }

    fn p(s: &str) -> String {
        hepburn_passport(s, &Options::default()).into_owned()
    }

    #[test]
    fn basic_and_yoon() {
        assert_eq!(h("ひらがな"), "hiragana");
        assert_eq!(h("しんじゅく"), "shinjuku");
        assert_eq!(h("きょうと"), "kyōto");
        assert_eq!(h("ちゃ"), "cha");
        assert_eq!(h("ぢゃ"), "ja");
    }

    #[test]
    fn long_vowels() {
        assert_eq!(h("とうきょう"), "tōkyō");
        assert_eq!(h("おおさか"), "ōsaka");
        assert_eq!(h("おかあさん"), "okāsan");
        assert_eq!(h("おにいさん"), "oniisan");
        assert_eq!(h("せんせい"), "sensei");
        assert_eq!(h("コーヒー"), "kōhī");
        assert_eq!(p("とうきょう"), "tokyo");
        assert_eq!(p("コーヒー"), "kohi");
    }

    #[test]
    fn n_rules() {
        assert_eq!(h("しんぶん"), "shinbun");
        assert_eq!(p("なんば"), "namba");
        assert_eq!(h("しんよう"), "shin'yō");
        assert_eq!(h("げんいん"), "gen'in");
        assert_eq!(p("けんいち"), "kenichi");
    }

    #[test]
    fn sokuon() {
        assert_eq!(h("がっこう"), "gakkō");
        assert_eq!(h("まっちゃ"), "matcha");
        assert_eq!(h("ざっし"), "zasshi");
        assert_eq!(h("あっ"), "a");
    }

    #[test]
    fn katakana_extensions() {
        assert_eq!(h("ファイル"), "fairu");
        assert_eq!(h("パーティー"), "pātī");
        assert_eq!(h("ウィキペディア"), "wikipedia");
        assert_eq!(h("ヴァイオリン"), "vaiorin");
        assert_eq!(h("シェア"), "shea");
        assert_eq!(h("ヴ"), "vu");
    }

    #[test]
    fn half_width_and_nfd() {
        assert_eq!(h("ｶﾞｯｺｳ"), "gakkō");
        let nfd: String = "がっこう".nfd().collect();
        assert_eq!(h(&nfd), "gakkō");
    }

    #[test]
    fn kanji_and_latin_pass_through() {
        assert_eq!(h("Debian は東京"), "Debian ha東京");
        assert!(matches!(
            hepburn("東京 Tokyo", &Options::default()),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn name_mode_capitalizes_words() {
        let o = Options::new().mode(Mode::Name);
        assert_eq!(hepburn("やまだ たろう", &o), "Yamada Tarō");
        assert_eq!(hepburn_passport("おおの", &o), "Ono");
    }

    #[test]
    fn iteration_marks() {
        assert_eq!(h("いすゞ"), "isuzu");
        assert_eq!(h("こゝろ"), "kokoro");
    }
}
