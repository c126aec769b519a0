//! Greek → Latin: ELOT 743 (ISO 843 Type 2, "transcription", as on Greek
//! passports) and ISO 843 Type 1 ("transliteration").
//!
//! Sources: ISO 843:1997 *Conversion of Greek characters into Latin
//! characters*, Table 1 (Type 1, transliteration) and Table 2 (Type 2,
//! transcription); ELOT 743:2001, 2nd ed. (identical to ISO 843:1997); the
//! annex to UN resolution V/19 (1987), which adopted ELOT 743 for geographical
//! names. The Hellenic passport service romanizes names with ELOT 743 Type 2.
//!
//! Both schemes read words (runs of Greek letters with their combining
//! marks) and decide digraphs from the letters' accents and diaeresis, so
//! NFC and NFD input give the same output:
//!
//! * `αυ`, `ευ`, `ηυ` are one digraph unless the first vowel carries the
//!   accent (`άυ`) or the `υ` a diaeresis (`αϋ`); same for `ου`.
//! * Type 2 (`el-elot743`): `αυ/ευ/ηυ` → `av/ev/iv` before a vowel or
//!   β γ δ ζ λ μ ν ρ, `af/ef/if` before θ κ ξ π σ τ φ χ ψ and at the end of
//!   the word; `γγ` → `ng`, `γκ` → `gk`, `γξ` → `nx`, `γχ` → `nch`; `μπ` →
//!   `b` at the start and end of a word, `mp` inside; `ντ` → `nt`; `η`, `ι`,
//!   `υ` → `i`, `i`, `y`; `ω` → `o`. Accents and diaeresis are dropped, as on
//!   passports (the standard's table keeps the acute; the output here is
//!   plain ASCII).
//! * Type 1 (`el-iso843`): one letter to one Latin letter or digraph (`θ` th,
//!   `χ` ch, `ψ` ps), `η` → `ī`, `ω` → `ō`, `υ` → `u` in the diphthongs
//!   `αυ ευ ηυ ου` and `y` elsewhere; the acute and the diaeresis are kept
//!   (`ά` → `á`, `ϊ` → `ï`). Its reverse is exact except for `πσ` (written
//!   `ps`, read back as `ψ`) and `σ`/`ς`, which are told apart by position,
//!   so the scheme is not marked reversible.
//!
//! Capitals: a Greek capital that becomes two Latin letters is written
//! all-caps inside an all-caps word (`ΘΕΟΔΩΡΟΣ` → `THEODOROS`) and
//! title-case otherwise (`Θεόδωρος` → `Theodoros`, `Θ.` → `Th.`).
//! Breathings, the iota subscript and other polytonic marks are dropped.
//! Archaic letters (digamma, koppa, sampi, …) go through `any-ascii`.

use std::borrow::Cow;

use unicode_normalization::UnicodeNormalization as _;

use crate::fallback;
use crate::scheme::SchemeDef;
use crate::Options;

pub(crate) static SCHEMES: &[SchemeDef] = &[
    SchemeDef {
        name: "el-elot743",
        language: "el",
        title: "Greek, ELOT 743 (ISO 843 Type 2, passports)",
        standard: "ELOT 743:2001 = ISO 843:1997 Type 2 (transcription); UN resolution V/19 (1987)",
        from: &["Grek"],
        to: "Latn",
        forward: elot743,
        reverse: None,
        reversible: false,
    },
    SchemeDef {
        name: "el-iso843",
        language: "el",
        title: "Greek, ISO 843 Type 1 (transliteration)",
        standard: "ISO 843:1997 Type 1 (transliteration)",
        from: &["Grek"],
        to: "Latn",
        forward: iso843,
        reverse: Some(iso843_reverse),
        reversible: false,
    },
];

/// One Greek letter of a word, with its marks folded in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Letter {
    /// Lower-case basic letter `α`..`ω` (`ς` for final sigma), or the
    /// original character for letters the schemes do not cover.
    base: char,
    upper: bool,
    accent: bool,
    diaeresis: bool,
}

impl Letter {
    fn is(self, c: char) -> bool {
        self.base == c
    }
}

/// Whether `c` is in a Greek block (only letters there are transliterated).
fn in_greek_block(c: char) -> bool {
    matches!(c, '\u{0370}'..='\u{03FF}' | '\u{1F00}'..='\u{1FFF}')
}

/// Maps a decomposed base character to `(lower-case base, upper)` when it is
/// a Greek letter; `None` for punctuation and signs of the Greek blocks.
fn letter_of(c: char) -> Option<(char, bool)> {
    match c {
        'α'..='ω' => Some((c, false)),
        'Α'..='Ρ' | 'Σ'..='Ω' => Some((char::from_u32(c as u32 + 0x20)?, true)),
        'ϐ' => Some(('β', false)),
        'ϑ' => Some(('θ', false)),
        'ϕ' => Some(('φ', false)),
        'ϖ' => Some(('π', false)),
        'ϰ' => Some(('κ', false)),
        'ϱ' => Some(('ρ', false)),
        'ϲ' => Some(('σ', false)),
        'Ϲ' => Some(('σ', true)),
        'ϒ' => Some(('υ', true)),
        'ϴ' => Some(('θ', true)),
        'ϵ' => Some(('ε', false)),
        _ if in_greek_block(c) && c.is_alphabetic() => Some((c, c.is_uppercase())),
        _ => None,
    }
}

/// Reads the Greek word starting at `text` (its first char is a Greek
/// letter) into `word`; returns the byte length consumed.
fn read_word(text: &str, word: &mut Vec<Letter>) -> usize {
    word.clear();
    let mut consumed = 0;
    for (i, c) in text.char_indices() {
        if is_mark(c) {
            if let Some(last) = word.last_mut() {
                apply_mark(last, c);
                consumed = i + c.len_utf8();
                continue;
            }
            break;
        }
        if !in_greek_block(c) {
            break;
        }
        let mut parts = [None::<(char, bool)>; 1];
        let mut marks: [char; 4] = ['\0'; 4];
        let mut n_marks = 0;
        unicode_normalization::char::decompose_canonical(c, |d| {
            if parts[0].is_none() {
                parts[0] = letter_of(d).or(Some(('\0', false)));
            } else if let Some(slot) = marks.get_mut(n_marks) {
                *slot = d;
                n_marks += 1;
            }
        });
        let Some((base, upper)) = parts[0].filter(|(b, _)| *b != '\0') else {
            break;
        };
        let mut letter = Letter {
            base,
            upper,
            accent: false,
            diaeresis: false,
        };
        for &m in marks.iter().take(n_marks) {
            apply_mark(&mut letter, m);
        }
        word.push(letter);
        consumed = i + c.len_utf8();
    }
    consumed
}

fn is_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}')
}

fn apply_mark(letter: &mut Letter, mark: char) {
    match mark {
        '\u{0301}' | '\u{0300}' | '\u{0341}' | '\u{0340}' | '\u{0342}' => letter.accent = true,
        '\u{0308}' => letter.diaeresis = true,
        '\u{0344}' => {
            letter.accent = true;
            letter.diaeresis = true;
        }
        _ => {}
    }
}

/// Appends `latin` (lower case) with the first character upper-cased when
/// `upper_first` and the rest when `upper_rest`.
fn push_cased(out: &mut String, latin: &str, upper_first: bool, upper_rest: bool) {
    let mut chars = latin.chars();
    if let Some(first) = chars.next() {
        if upper_first {
            out.extend(first.to_uppercase());
        } else {
            out.push(first);
        }
    }
    for c in chars {
        if upper_rest {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
    }
}

/// Whether the letters after a single capital at `i` are capitals too
/// (or, at the end of a word, the letter before it).
fn caps_context(word: &[Letter], i: usize) -> bool {
    match word.get(i + 1) {
        Some(next) => next.upper,
        None => i
            .checked_sub(1)
            .and_then(|p| word.get(p))
            .is_some_and(|p| p.upper),
    }
}

/// Voiceless consonants: `αυ` before them is `af`.
fn is_voiceless(c: char) -> bool {
    matches!(c, 'θ' | 'κ' | 'ξ' | 'π' | 'σ' | 'ς' | 'τ' | 'φ' | 'χ' | 'ψ')
}

/// The single-letter table shared by both types (Type 1 overrides η, ω and
/// the accented vowels).
fn base_latin(c: char) -> Option<&'static str> {
    Some(match c {
        'α' => "a",
        'β' => "v",
        'γ' => "g",
        'δ' => "d",
        'ε' => "e",
        'ζ' => "z",
        'η' | 'ι' => "i",
        'θ' => "th",
        'κ' => "k",
        'λ' => "l",
        'μ' => "m",
        'ν' => "n",
        'ξ' => "x",
        'ο' | 'ω' => "o",
        'π' => "p",
        'ρ' => "r",
        'σ' | 'ς' => "s",
        'τ' => "t",
        'υ' => "y",
        'φ' => "f",
        'χ' => "ch",
        'ψ' => "ps",
        _ => return None,
    })
}

/// Whether `word[i]`, `word[i + 1]` form the vowel digraph `first` + `υ`.
fn upsilon_digraph(word: &[Letter], i: usize, firsts: &[char]) -> bool {
    match (word.get(i), word.get(i + 1)) {
        (Some(a), Some(b)) => {
            firsts.contains(&a.base) && b.is('υ') && !a.accent && !a.diaeresis && !b.diaeresis
        }
        _ => false,
    }
}

/// Appends a letter with no table entry through `any-ascii`.
fn push_other(out: &mut String, letter: Letter) {
    fallback::push_ascii(letter.base, out);
}

/// Transcribes one word with ELOT 743 (Type 2).
fn elot_word(word: &[Letter], out: &mut String) {
    let mut i = 0;
    while let Some(&a) = word.get(i) {
        let next = word.get(i + 1).copied();
        let (latin, len): (&str, usize) = if upsilon_digraph(word, i, &['α', 'ε', 'η']) {
            let after = word.get(i + 2);
            let voiceless = after.is_none_or(|l| is_voiceless(l.base));
            let v = match (a.base, voiceless) {
                ('α', false) => "av",
                ('α', true) => "af",
                ('ε', false) => "ev",
                ('ε', true) => "ef",
                (_, false) => "iv",
                (_, true) => "if",
            };
            (v, 2)
        } else if upsilon_digraph(word, i, &['ο']) {
            ("ou", 2)
        } else {
            match (a.base, next.map(|n| n.base)) {
                ('γ', Some('γ')) => ("ng", 2),
                ('γ', Some('κ')) => ("gk", 2),
                ('γ', Some('ξ')) => ("nx", 2),
                ('γ', Some('χ')) => ("nch", 2),
                ('μ', Some('π')) if i == 0 || i + 2 == word.len() => ("b", 2),
                _ => {
                    let Some(l) = base_latin(a.base) else {
                        push_other(out, a);
                        i += 1;
                        continue;
                    };
                    (l, 1)
                }
            }
        };
        let upper_rest = if len == 2 {
            next.is_some_and(|n| n.upper)
        } else {
            a.upper && caps_context(word, i)
        };
        push_cased(out, latin, a.upper, upper_rest);
        i += len;
    }
}

/// Type 1 vowel with its marks.
fn iso_vowel(c: char, accent: bool, diaeresis: bool) -> Option<&'static str> {
    Some(match (c, accent, diaeresis) {
        ('α', false, _) => "a",
        ('α', true, _) => "á",
        ('ε', false, _) => "e",
        ('ε', true, _) => "é",
        ('η', false, _) => "ī",
        ('η', true, _) => "ī\u{301}",
        ('ι', false, false) => "i",
        ('ι', true, false) => "í",
        ('ι', false, true) => "ï",
        ('ι', true, true) => "ḯ",
        ('ο', false, _) => "o",
        ('ο', true, _) => "ó",
        ('υ', false, false) => "y",
        ('υ', true, false) => "ý",
        ('υ', false, true) => "ÿ",
        ('υ', true, true) => "ÿ\u{301}",
        ('ω', false, _) => "ō",
        ('ω', true, _) => "ṓ",
        _ => return None,
    })
}

/// Transliterates one word with ISO 843 Type 1.
fn iso_word(word: &[Letter], out: &mut String) {
    let mut i = 0;
    while let Some(&a) = word.get(i) {
        if upsilon_digraph(word, i, &['α', 'ε', 'η', 'ο']) {
            let first = iso_vowel(a.base, false, false).unwrap_or("");
            let second = if word.get(i + 1).is_some_and(|u| u.accent) {
                "ú"
            } else {
                "u"
            };
            let upper_second = word.get(i + 1).is_some_and(|u| u.upper);
            push_cased(out, first, a.upper, a.upper);
            push_cased(out, second, upper_second, upper_second);
            i += 2;
            continue;
        }
        let latin = iso_vowel(a.base, a.accent, a.diaeresis).or_else(|| base_latin(a.base));
        match latin {
            Some(l) => {
                let rest = a.upper && caps_context(word, i);
                push_cased(out, l, a.upper, rest);
            }
            None => push_other(out, a),
        }
        i += 1;
    }
}

/// Runs `per_word` over every Greek word of `text`; everything else is copied.
fn convert(text: &str, per_word: fn(&[Letter], &mut String)) -> Cow<'_, str> {
    let Some(start) = text
        .char_indices()
        .find_map(|(i, c)| (in_greek_block(c) && starts_word(c)).then_some(i))
    else {
        return Cow::Borrowed(text);
    };
    let mut out = String::with_capacity(text.len() + text.len() / 4);
    let mut word = Vec::new();
    let (head, mut rest) = text.split_at(start);
    out.push_str(head);
    while let Some(c) = rest.chars().next() {
        if in_greek_block(c) && starts_word(c) {
            let used = read_word(rest, &mut word);
            if used > 0 {
                per_word(&word, &mut out);
                rest = rest.get(used..).unwrap_or("");
                continue;
            }
        }
        out.push(c);
        rest = rest.get(c.len_utf8()..).unwrap_or("");
    }
    Cow::Owned(out)
}

/// Whether a character of a Greek block starts a word (is a letter).
fn starts_word(c: char) -> bool {
    let mut is_letter = false;
    let mut first = true;
    unicode_normalization::char::decompose_canonical(c, |d| {
        if first {
            is_letter = letter_of(d).is_some();
            first = false;
        }
    });
    is_letter
}

fn elot743<'a>(text: &'a str, _options: &Options) -> Cow<'a, str> {
    convert(text, elot_word)
}

fn iso843<'a>(text: &'a str, _options: &Options) -> Cow<'a, str> {
    convert(text, iso_word)
}

/// Reverse of ISO 843 Type 1: Latin back to Greek (monotonic accents).
fn iso843_reverse<'a>(text: &'a str, _options: &Options) -> Cow<'a, str> {
    if text.is_ascii() && !text.bytes().any(|b| b.is_ascii_alphabetic()) {
        return Cow::Borrowed(text);
    }
    let chars: Vec<char> = text.nfd().collect();
    let mut out = String::with_capacity(text.len() * 2);
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        let lower = c.to_ascii_lowercase();
        let upper = c.is_ascii_uppercase();
        let next = chars.get(i + 1).map(char::to_ascii_lowercase);
        // Combining marks directly after the letter(s).
        let marks_at = |j: usize| -> (bool, bool, usize) {
            let (mut acute, mut dia, mut n) = (false, false, 0);
            while let Some(&m) = chars.get(j + n) {
                match m {
                    '\u{301}' => acute = true,
                    '\u{308}' => dia = true,
                    '\u{304}' => {}
                    _ => break,
                }
                n += 1;
            }
            (acute, dia, n)
        };
        let (greek, used): (Option<char>, usize) = match (lower, next) {
            ('t', Some('h')) => (Some('θ'), 2),
            ('c', Some('h')) => (Some('χ'), 2),
            ('p', Some('s')) => (Some('ψ'), 2),
            ('a', _) => (Some('α'), 1),
            ('v', _) => (Some('β'), 1),
            ('g', _) => (Some('γ'), 1),
            ('d', _) => (Some('δ'), 1),
            ('e', _) => (Some('ε'), 1),
            ('z', _) => (Some('ζ'), 1),
            ('i', _) => {
                // `ī` is i + U+0304 in NFD.
                if chars.get(i + 1) == Some(&'\u{304}') {
                    (Some('η'), 1)
                } else {
                    (Some('ι'), 1)
                }
            }
            ('k', _) => (Some('κ'), 1),
            ('l', _) => (Some('λ'), 1),
            ('m', _) => (Some('μ'), 1),
            ('n', _) => (Some('ν'), 1),
            ('x', _) => (Some('ξ'), 1),
            ('o', _) => {
                if chars.get(i + 1) == Some(&'\u{304}') {
                    (Some('ω'), 1)
                } else {
                    (Some('ο'), 1)
                }
            }
            ('p', _) => (Some('π'), 1),
            ('r', _) => (Some('ρ'), 1),
            ('s', _) => {
                let end = chars
                    .get(i + 1)
                    .is_none_or(|n| !n.is_alphabetic() && !is_mark(*n));
                (Some(if end { 'ς' } else { 'σ' }), 1)
            }
            ('t', _) => (Some('τ'), 1),
            ('y' | 'u', _) => (Some('υ'), 1),
            ('f', _) => (Some('φ'), 1),
            _ => (None, 1),
        };
        let Some(g) = greek else {
            out.push(c);
            i += 1;
            continue;
        };
        let (acute, dia, n_marks) = marks_at(i + used);
        let base = if upper {
            g.to_uppercase().next().unwrap_or(g)
        } else {
            g
        };
        let base = if g == 'ς' && upper { 'Σ' } else { base };
        let mut composed = String::new();
        composed.push(base);
        if dia {
            composed.push('\u{308}');
        }
        if acute {
            composed.push('\u{301}');
        }
        out.extend(composed.nfc());
        i += used + n_marks;
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn elot(s: &str) -> String {
        elot743(s, &Options::default()).into_owned()
    }

    fn iso(s: &str) -> String {
        iso843(s, &Options::default()).into_owned()
    }

    fn back(s: &str) -> String {
        iso843_reverse(s, &Options::default()).into_owned()
    }

    #[test]
    fn elot_basic_words() {
        assert_eq!(elot("Αθήνα"), "Athina");
        assert_eq!(elot("Θεσσαλονίκη"), "Thessaloniki");
        assert_eq!(elot("Παπαδόπουλος"), "Papadopoulos");
        assert_eq!(elot("Χανιά"), "Chania");
        assert_eq!(elot("Ψαρά"), "Psara");
    }

    #[test]
    fn elot_upsilon_digraphs_voicing() {
        assert_eq!(elot("αύριο"), "avrio");
        assert_eq!(elot("αυτός"), "aftos");
        assert_eq!(elot("Ευάγγελος"), "Evangelos");
        assert_eq!(elot("ευχαριστώ"), "efcharisto");
        assert_eq!(elot("ηύρα"), "ivra");
        assert_eq!(elot("Ταΰγετος"), "Taygetos");
        assert_eq!(elot("άυλος"), "aylos");
        assert_eq!(elot("φευ"), "fef");
    }

    #[test]
    fn elot_consonant_digraphs() {
        assert_eq!(elot("Μπάμπης"), "Bampis");
        assert_eq!(elot("λαμπ"), "lab");
        assert_eq!(elot("άγκυρα"), "agkyra");
        assert_eq!(elot("σφίγξ"), "sfinx");
        assert_eq!(elot("μελαγχολία"), "melancholia");
        assert_eq!(elot("Ντόρα"), "Ntora");
    }

    #[test]
    fn elot_all_caps_digraphs() {
        assert_eq!(elot("ΘΕΟΔΩΡΟΣ"), "THEODOROS");
        assert_eq!(elot("ΧΡΗΣΤΟΣ ΨΑΡΡΑΣ"), "CHRISTOS PSARRAS");
        assert_eq!(elot("ΕΥΑΓΓΕΛΟΣ"), "EVANGELOS");
        assert_eq!(elot("ΜΠΑΜΠΗΣ"), "BAMPIS");
        assert_eq!(elot("Θ."), "Th.");
    }

    #[test]
    fn nfd_equals_nfc() {
        let nfd: String = "Ταΰγετος Ευάγγελος άυλος".nfd().collect();
        assert_eq!(elot(&nfd), elot("Ταΰγετος Ευάγγελος άυλος"));
        assert_eq!(iso(&nfd), iso("Ταΰγετος Ευάγγελος άυλος"));
    }

    #[test]
    fn non_greek_is_borrowed() {
        assert!(matches!(
            elot743("Athens; Москва", &Options::default()),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn iso_type1() {
        assert_eq!(iso("Αθήνα"), "Athī\u{301}na");
        assert_eq!(iso("Ωρωπός"), "Ōrōpós");
        assert_eq!(iso("αυτός"), "autós");
        assert_eq!(iso("Ταΰγετος"), "Taÿ\u{301}getos");
        assert_eq!(iso("ΘΕΟΔΩΡΟΣ"), "THEODŌROS");
    }

    #[test]
    fn iso_reverse_round_trips() {
        for w in [
            "Αθήνα",
            "Θεσσαλονίκη",
            "αυτός",
            "Ταΰγετος",
            "ΘΕΟΔΩΡΟΣ",
            "Ευάγγελος",
            "χώρα",
        ] {
            assert_eq!(back(&iso(w)), w, "{w}");
        }
    }

    #[test]
    fn archaic_letters_go_through_fallback() {
        let out = elot("ϝ");
        assert!(!out.chars().any(in_greek_block), "{out}");
    }
}
