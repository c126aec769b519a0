//! Hangul → Latin: Revised Romanization of Korean (`ko-rr`).
//!
//! Source: *Romanization of Korean*, Ministry of Culture and Tourism Notice
//! No. 2000-8 (7 July 2000), Chapter 2 (tables of vowels and consonants) and
//! Chapter 3 (special provisions).
//!
//! Syllables are decomposed arithmetically (Unicode §3.12: `S = 0xAC00 +
//! (L × 21 + V) × 28 + T`); conjoining jamo (U+1100 block, e.g. from NFD
//! input) are composed first, so NFD and NFC give the same letters.
//! Compatibility jamo standing alone (ㄱ, ㅏ) are written with their table
//! values.
//!
//! **Text mode** follows the sound changes that Chapter 3 Article 1 tells
//! romanization to reflect, between the syllables of a word (a run of
//! Hangul):
//! - a final consonant before a syllable starting with silent ㅇ moves to
//!   it (한국어 hangugeo, 읽어 ilgeo, 좋아 joa);
//! - nasalization (합니다 hamnida, 백마 baengma, 종로 jongno, 왕십리
//!   wangsimni) and the ㄹ rules (신라 silla, 별내 byeollae);
//! - palatalization before 이 (같이 gachi, 해돋이 haedoji);
//! - aspiration of ㄱ ㄷ ㅈ after ㅎ (좋고 joko, 놓다 nota). Aspiration of
//!   ㄱ ㄷ ㅂ before ㅎ is not written, as the standard prescribes for nouns
//!   (묵호 mukho, 집현전 jiphyeonjeon);
//! - tensification is not reflected (압구정 apgujeong). The ㄴ/ㄹ insertion
//!   of compounds (학여울 hangnyeoul) and the compounds where ㄴ + ㄹ is read
//!   ㄴㄴ (신문로 sinmunno; written `sinmullo` here) need word structure and
//!   are not done.
//!
//! Output is lower case. **Name mode** follows Article 3.4 for personal
//! names: family name, a space, then the given name written as one word
//! without assimilation between its syllables (한복남 → `Han Boknam`; the
//! hyphen the standard allows, `Bok-nam`, is not written). The standard
//! leaves family names to be "determined separately", so they come from a
//! table of customary spellings (`data/curated/translit/ko-surnames.tsv`:
//! 김 Kim, 이 Lee, 박 Park, 최 Choi, …); a surname missing from it is
//! romanized by the RR tables. Two-syllable surnames (남궁, 선우, 제갈, …) are
//! recognized in names of three or more syllables.

use std::borrow::Cow;

use crate::scheme::SchemeDef;
use crate::tables::translit_hangul::SURNAMES;
use crate::{Mode, Options};

pub(crate) static SCHEMES: &[SchemeDef] = &[SchemeDef {
    name: "ko-rr",
    language: "ko",
    title: "Korean, Revised Romanization (2000)",
    standard: "Romanization of Korean, Ministry of Culture and Tourism Notice No. 2000-8 (2000)",
    from: &["Hang"],
    to: "Latn",
    forward: revised,
    reverse: None,
    reversible: false,
}];

const S_BASE: u32 = 0xAC00;
const S_COUNT: u32 = 11_172;

/// Initial consonants (choseong), in Unicode order.
const INITIALS: [&str; 19] = [
    "g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p",
    "h",
];

/// Vowels (jungseong), in Unicode order.
const VOWELS: [&str; 21] = [
    "a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we",
    "wi", "yu", "eu", "ui", "i",
];

/// Finals (jongseong) before a pause or a consonant, in Unicode order
/// (index 0 = none).
const FINALS: [&str; 28] = [
    "", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p", "p",
    "t", "t", "ng", "t", "t", "k", "t", "p", "t",
];

// Final indices used by the rules.
const F_G: u32 = 1;
const F_KK: u32 = 2;
const F_GS: u32 = 3;
const F_N: u32 = 4;
const F_NJ: u32 = 5;
const F_NH: u32 = 6;
const F_D: u32 = 7;
const F_L: u32 = 8;
const F_LG: u32 = 9;
const F_LM: u32 = 10;
const F_LB: u32 = 11;
const F_LS: u32 = 12;
const F_LT: u32 = 13;
const F_LP: u32 = 14;
const F_LH: u32 = 15;
const F_M: u32 = 16;
const F_B: u32 = 17;
const F_BS: u32 = 18;
const F_S: u32 = 19;
const F_SS: u32 = 20;
const F_NG: u32 = 21;
const F_J: u32 = 22;
const F_CH: u32 = 23;
const F_K: u32 = 24;
const F_T: u32 = 25;
const F_P: u32 = 26;
const F_H: u32 = 27;

// Initial indices used by the rules.
const I_G: u32 = 0;
const I_N: u32 = 2;
const I_D: u32 = 3;
const I_R: u32 = 5;
const I_M: u32 = 6;
const I_S: u32 = 9;
const I_SILENT: u32 = 11;
const I_J: u32 = 12;
const I_H: u32 = 18;

/// Vowel index of ㅣ.
const V_I: u32 = 20;

/// A syllable as (initial, vowel, final) indices.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Syllable {
    l: u32,
    v: u32,
    t: u32,
}

fn decompose(c: char) -> Option<Syllable> {
    let s = (c as u32).checked_sub(S_BASE)?;
    (s < S_COUNT).then_some(Syllable {
        l: s / (21 * 28),
        v: (s % (21 * 28)) / 28,
        t: s % 28,
    })
}

fn get(table: &[&'static str], i: u32) -> &'static str {
    table.get(i as usize).copied().unwrap_or("")
}

/// The sound class of a final before a consonant: `k`, `t`, `p` or other.
fn stop_class(t: u32) -> Option<u8> {
    match t {
        F_G | F_KK | F_GS | F_LG | F_K => Some(b'k'),
        F_D | F_S | F_SS | F_J | F_CH | F_T | F_H => Some(b't'),
        F_B | F_BS | F_LP | F_P => Some(b'p'),
        _ => None,
    }
}

/// How a final `t` and the next initial `l` (with the next vowel `v`) are
/// written across a syllable boundary inside a word (RR Chapter 3 Art. 1).
fn boundary(t: u32, l: u32, v: u32) -> (&'static str, &'static str) {
    if t == 0 {
        return ("", get(&INITIALS, l));
    }
    if l == I_SILENT {
        // Linking: the final moves to the next syllable.
        let palatal = v == V_I;
        return match t {
            F_G => ("", "g"),
            F_KK => ("", "kk"),
            F_GS => ("k", "s"),
            F_N | F_NH => ("", "n"),
            F_NJ => ("n", "j"),
            F_D if palatal => ("", "j"),
            F_D => ("", "d"),
            F_L | F_LH => ("", "r"),
            F_LG => ("l", "g"),
            F_LM => ("l", "m"),
            F_LB => ("l", "b"),
            F_LS => ("l", "s"),
            F_LT if palatal => ("l", "ch"),
            F_LT => ("l", "t"),
            F_LP => ("l", "p"),
            F_M => ("", "m"),
            F_B => ("", "b"),
            F_BS => ("p", "s"),
            F_S => ("", "s"),
            F_SS => ("", "ss"),
            F_NG => ("ng", ""),
            F_J => ("", "j"),
            F_CH => ("", "ch"),
            F_K => ("", "k"),
            F_T if palatal => ("", "ch"),
            F_T => ("", "t"),
            F_P => ("", "p"),
            _ => ("", ""), // ㅎ is silent before a vowel
        };
    }
    // Aspiration after ㅎ: ㅎ + ㄱ ㄷ ㅈ → k t ch.
    if matches!(t, F_H | F_NH | F_LH) {
        let keep = match t {
            F_NH => "n",
            F_LH => "l",
            _ => "",
        };
        match l {
            I_G => return (keep, "k"),
            I_D => return (keep, "t"),
            I_J => return (keep, "ch"),
            I_S => return (keep, "s"),
            I_N if t == F_H => return ("n", "n"),
            I_N if t == F_LH => return ("l", "l"),
            _ => {}
        }
    }
    // ㄷ/ㅌ + 히 → chi (굳히다 guchida).
    if l == I_H && v == V_I && matches!(t, F_D | F_T) {
        return ("", "ch");
    }
    let class = stop_class(t);
    match l {
        I_N | I_M => match class {
            Some(b'k') => return ("ng", get(&INITIALS, l)),
            Some(b't') => return ("n", get(&INITIALS, l)),
            Some(b'p') => return ("m", get(&INITIALS, l)),
            _ => {
                if matches!(t, F_L | F_LB | F_LS | F_LT | F_LH) && l == I_N {
                    return ("l", "l");
                }
            }
        },
        I_R => {
            return match t {
                F_N | F_L | F_LB | F_LS | F_LT | F_LH => ("l", "l"),
                F_M | F_LM => ("m", "n"),
                F_NG => ("ng", "n"),
                _ => match class {
                    Some(b'k') => ("ng", "n"),
                    Some(b'p') => ("m", "n"),
                    Some(_) => ("n", "n"),
                    None => (get(&FINALS, t), "n"),
                },
            };
        }
        _ => {}
    }
    (get(&FINALS, t), get(&INITIALS, l))
}

/// Writes one word (syllables of one Hangul run) with the text-mode rules.
fn word_text(syls: &[Syllable], out: &mut String) {
    for (i, s) in syls.iter().enumerate() {
        if i == 0 {
            // ㄹ at the start of a word is r (라디오 radio).
            out.push_str(get(&INITIALS, s.l));
        }
        out.push_str(get(&VOWELS, s.v));
        match syls.get(i + 1) {
            Some(next) => {
                let (fin, init) = boundary(s.t, next.l, next.v);
                out.push_str(fin);
                out.push_str(init);
            }
            None => out.push_str(get(&FINALS, s.t)),
        }
    }
}

/// Writes syllables one by one, with no sound change between them.
fn word_plain(syls: &[Syllable], out: &mut String) {
    for s in syls {
        out.push_str(get(&INITIALS, s.l));
        out.push_str(get(&VOWELS, s.v));
        out.push_str(get(&FINALS, s.t));
    }
}

/// Upper-cases the first letter written at or after byte `from`.
fn capitalize_from(out: &mut String, from: usize) {
    if let Some(c) = out.get(from..).and_then(|w| w.chars().next()) {
        if c.is_ascii_lowercase() {
            out.replace_range(from..=from, &c.to_ascii_uppercase().to_string());
        }
    }
}

/// Customary spelling of the surname spelled by `hangul`, if listed.
fn customary_surname(hangul: &str) -> Option<&'static str> {
    SURNAMES
        .binary_search_by(|(k, _)| (*k).cmp(hangul))
        .ok()
        .and_then(|i| SURNAMES.get(i))
        .map(|(_, v)| *v)
}

/// Writes one name (a Hangul run) in name mode.
fn word_name(run: &str, syls: &[Syllable], out: &mut String) {
    let two = syls.len() >= 3
        && run
            .char_indices()
            .nth(2)
            .and_then(|(i, _)| run.get(..i))
            .and_then(customary_surname)
            .is_some();
    let split = if two { 2 } else { 1 }.min(syls.len());
    let surname_text = run
        .char_indices()
        .nth(split)
        .and_then(|(i, _)| run.get(..i))
        .unwrap_or(run);
    let (sur, given) = syls.split_at(split);
    let start = out.len();
    if let Some(c) = customary_surname(surname_text) {
        out.push_str(c);
    } else {
        word_plain(sur, out);
        capitalize_from(out, start);
    }
    if !given.is_empty() {
        out.push(' ');
        let g = out.len();
        word_plain(given, out);
        capitalize_from(out, g);
    }
}

/// Composes a conjoining-jamo sequence (L V, optionally T) starting with `l`, if any.
fn compose_jamo(l: char, rest: &mut std::iter::Peekable<std::str::Chars<'_>>) -> Option<char> {
    let li = (l as u32).checked_sub(0x1100).filter(|&i| i < 19)?;
    let v = *rest.peek()?;
    let vi = (v as u32).checked_sub(0x1161).filter(|&i| i < 21)?;
    rest.next();
    let mut ti = 0;
    if let Some(&t) = rest.peek() {
        if let Some(x) = (t as u32)
            .checked_sub(0x11A7)
            .filter(|&i| (1..28).contains(&i))
        {
            ti = x;
            rest.next();
        }
    }
    char::from_u32(S_BASE + (li * 21 + vi) * 28 + ti)
}

/// Romanization of a compatibility jamo standing alone (ㄱ g, ㅏ a).
fn compat_jamo(c: char) -> Option<&'static str> {
    const CONSONANTS: [(char, &str); 30] = [
        ('ㄱ', "g"),
        ('ㄲ', "kk"),
        ('ㄳ', "gs"),
        ('ㄴ', "n"),
        ('ㄵ', "nj"),
        ('ㄶ', "nh"),
        ('ㄷ', "d"),
        ('ㄸ', "tt"),
        ('ㄹ', "r"),
        ('ㄺ', "lg"),
        ('ㄻ', "lm"),
        ('ㄼ', "lb"),
        ('ㄽ', "ls"),
        ('ㄾ', "lt"),
        ('ㄿ', "lp"),
        ('ㅀ', "lh"),
        ('ㅁ', "m"),
        ('ㅂ', "b"),
        ('ㅃ', "pp"),
        ('ㅄ', "bs"),
        ('ㅅ', "s"),
        ('ㅆ', "ss"),
        ('ㅇ', "ng"),
        ('ㅈ', "j"),
        ('ㅉ', "jj"),
        ('ㅊ', "ch"),
        ('ㅋ', "k"),
        ('ㅌ', "t"),
        ('ㅍ', "p"),
        ('ㅎ', "h"),
    ];
    let code = c as u32;
    if (0x314F..=0x3163).contains(&code) {
        return VOWELS.get((code - 0x314F) as usize).copied();
    }
    CONSONANTS.iter().find(|(k, _)| *k == c).map(|(_, v)| *v)
}

fn is_hangul(c: char) -> bool {
    matches!(c, '\u{AC00}'..='\u{D7A3}' | '\u{1100}'..='\u{11FF}' | '\u{3131}'..='\u{318E}'
        | '\u{A960}'..='\u{A97F}' | '\u{D7B0}'..='\u{D7FF}' | '\u{FFA0}'..='\u{FFDC}')
}

fn revised<'a>(text: &'a str, options: &Options) -> Cow<'a, str> {
    let Some(start) = text
        .char_indices()
        .find_map(|(i, c)| is_hangul(c).then_some(i))
    else {
        return Cow::Borrowed(text);
    };
    let name = options.mode == Mode::Name;
    let mut out = String::with_capacity(text.len());
    let (head, rest) = text.split_at(start);
    out.push_str(head);
    let mut syls: Vec<Syllable> = Vec::new();
    let mut run = String::new();
    let mut chars = rest.chars().peekable();
    while let Some(c) = chars.next() {
        let composed = if ('\u{1100}'..='\u{1112}').contains(&c) {
            compose_jamo(c, &mut chars)
        } else {
            Some(c)
        };
        let syl = composed.and_then(decompose);
        match (syl, composed) {
            (Some(s), Some(ch)) => {
                syls.push(s);
                run.push(ch);
                continue;
            }
            _ => flush(&mut syls, &mut run, name, &mut out),
        }
        if let Some(r) = compat_jamo(c) {
            out.push_str(r);
        } else if is_hangul(c) {
            // Old jamo and half-width forms without an RR value.
            crate::fallback::push_ascii(c, &mut out);
        } else {
            out.push(c);
        }
    }
    flush(&mut syls, &mut run, name, &mut out);
    Cow::Owned(out)
}

fn flush(syls: &mut Vec<Syllable>, run: &mut String, name: bool, out: &mut String) {
    if syls.is_empty() {
        return;
    }
    if name {
        word_name(run, syls, out);
    } else {
        word_text(syls, out);
    }
    syls.clear();
    run.clear();
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::UnicodeNormalization as _;

    fn rr(s: &str) -> String {
        revised(s, &Options::default()).into_owned()
    }

    fn name(s: &str) -> String {
        revised(s, &Options::new().mode(Mode::Name)).into_owned()
    }

    #[test]
    fn plain_syllables() {
        assert_eq!(rr("서울"), "seoul");
        assert_eq!(rr("부산"), "busan");
        assert_eq!(rr("한글"), "hangeul");
    }

    #[test]
    fn linking_and_nasalization() {
        assert_eq!(rr("한국어"), "hangugeo");
        assert_eq!(rr("합니다"), "hamnida");
        assert_eq!(rr("백마"), "baengma");
        assert_eq!(rr("종로"), "jongno");
        assert_eq!(rr("왕십리"), "wangsimni");
        assert_eq!(rr("신라"), "silla");
        assert_eq!(rr("별내"), "byeollae");
    }

    #[test]
    fn palatalization_and_aspiration() {
        assert_eq!(rr("같이"), "gachi");
        assert_eq!(rr("해돋이"), "haedoji");
        assert_eq!(rr("좋고"), "joko");
        assert_eq!(rr("놓다"), "nota");
        assert_eq!(rr("묵호"), "mukho");
        assert_eq!(rr("집현전"), "jiphyeonjeon");
    }

    #[test]
    fn nfd_equals_nfc() {
        let nfd: String = "한국어 같이".nfd().collect();
        assert_eq!(rr(&nfd), "hangugeo gachi");
    }

    #[test]
    fn names() {
        assert_eq!(name("한복남"), "Han Boknam");
        assert_eq!(name("김정은"), "Kim Jeongeun");
        assert_eq!(name("박지성"), "Park Jiseong");
        assert_eq!(name("남궁민수"), "Namgoong Minsu");
    }

    #[test]
    fn non_hangul_is_borrowed() {
        assert!(matches!(
            revised("Seoul 서울시", &Options::default()),
            Cow::Owned(_)
        ));
        assert!(matches!(
            revised("Seoul", &Options::default()),
            Cow::Borrowed(_)
        ));
    }
}
