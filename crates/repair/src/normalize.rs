//! Unicode normalization, recorded per minimal segment.
//!
//! The text is cut before every character where normalization cannot reach
//! across: a character whose (full) decomposition starts with a starter that
//! never combines with a preceding character. Then `normalize(a + b)` equals
//! `normalize(a) + normalize(b)`, so each segment is normalized on its own and
//! a change covers only the segment that changed ("e" + U+0301, not the line).
//!
//! Fast paths: pure ASCII is in every form; otherwise the quick check of
//! [UAX #15 §9] runs from the first non-ASCII byte, and only text it does not
//! pass is segmented.
//!
//! [UAX #15 §9]: https://www.unicode.org/reports/tr15/#Detecting_Normalization_Forms

use std::borrow::Cow;
use std::sync::OnceLock;

use unicode_normalization::char::{
    canonical_combining_class, compose, decompose_canonical, decompose_compatible,
};
use unicode_normalization::{
    is_nfc_quick, is_nfd_quick, is_nfkc_quick, is_nfkd_quick, IsNormalized, UnicodeNormalization,
};

use crate::edit::Editor;
use crate::names;
use crate::{ChangeKind, NormalizationForm, Repaired};

/// Normalizes `text` to `form`, one change per segment that changed.
pub(crate) fn apply(form: NormalizationForm, text: &str) -> Repaired<'_> {
    let Some(first) = first_non_ascii(text.as_bytes()) else {
        return Repaired::unchanged(text);
    };
    if quick_check(form, text.get(first..).unwrap_or_default()) == IsNormalized::Yes {
        return Repaired::unchanged(text);
    }
    // The ASCII character before `first` (if any) may combine with what follows.
    let start = first.saturating_sub(1);
    let mut edits = Editor::new(text);
    let mut buf = String::new();
    let mut seg_start = start;
    for (k, c) in text.get(start..).unwrap_or_default().char_indices() {
        let at = start + k;
        if at > seg_start && is_boundary(form, c) {
            segment(form, text, seg_start, at, &mut buf, &mut edits);
            seg_start = at;
        }
    }
    segment(form, text, seg_start, text.len(), &mut buf, &mut edits);
    edits.finish()
}

/// The offset of the first non-ASCII byte, eight bytes at a time.
fn first_non_ascii(bytes: &[u8]) -> Option<usize> {
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let mut chunks = bytes.chunks_exact(8);
    let mut at = 0;
    for chunk in &mut chunks {
        let w = <[u8; 8]>::try_from(chunk).map_or(HIGHS, u64::from_le_bytes);
        let high = w & HIGHS;
        if high != 0 {
            return Some(at + (high.trailing_zeros() / 8) as usize);
        }
        at += 8;
    }
    chunks
        .remainder()
        .iter()
        .position(|b| !b.is_ascii())
        .map(|k| at + k)
}

/// Normalizes `text[start..end]` into `buf` and records a change if it differs.
fn segment(
    form: NormalizationForm,
    text: &str,
    start: usize,
    end: usize,
    buf: &mut String,
    edits: &mut Editor<'_>,
) {
    let Some(seg) = text.get(start..end) else {
        return;
    };
    if seg.len() <= 1 || quick_check(form, seg) == IsNormalized::Yes {
        return;
    }
    buf.clear();
    match form {
        NormalizationForm::Nfc => buf.extend(seg.nfc()),
        NormalizationForm::Nfd => buf.extend(seg.nfd()),
        NormalizationForm::Nfkc => buf.extend(seg.nfkc()),
        NormalizationForm::Nfkd => buf.extend(seg.nfkd()),
    }
    if buf.as_str() == seg {
        return;
    }
    let mut evidence = String::with_capacity(64);
    evidence.push_str(form.label());
    evidence.push_str(": ");
    names::push_code_points(&mut evidence, seg, 8);
    evidence.push_str(" → ");
    names::push_code_points(&mut evidence, buf, 8);
    edits.edit(
        start,
        end,
        buf,
        ChangeKind::Normalization,
        Cow::Owned(evidence),
    );
}

/// The quick check of `text` for `form` ([UAX #15 §9]), with a shortcut for
/// the letters of common scripts.
///
/// [UAX #15 §9]: https://www.unicode.org/reports/tr15/#Detecting_Normalization_Forms
fn quick_check(form: NormalizationForm, text: &str) -> IsNormalized {
    if form == NormalizationForm::Nfc {
        return nfc_quick_check(text);
    }
    let mut last_class = 0;
    let mut result = IsNormalized::Yes;
    for c in text.chars() {
        if c.is_ascii() || is_stable_starter(form, c) {
            last_class = 0;
            continue;
        }
        let class = canonical_combining_class(c);
        if last_class > class && class != 0 {
            return IsNormalized::No;
        }
        match quick_check_char(form, c) {
            IsNormalized::Yes => {}
            IsNormalized::No => return IsNormalized::No,
            IsNormalized::Maybe => result = IsNormalized::Maybe,
        }
        last_class = class;
    }
    result
}

/// [`quick_check`] for NFC in one pass: eight bytes at a time while every
/// lead byte in them starts only stable starters (class 0, quick check Yes),
/// ASCII eight bytes and basic Cyrillic four characters at a time, CJK
/// ideographs by their lead byte, and every other character of U+0080..U+3FFF
/// and U+F000..U+FFFF by one entry of [`nfc_info`] (its combining class, or
/// [`SLOW`]); only the rest, and characters whose quick check is not Yes,
/// are looked up in the library.
fn nfc_quick_check(text: &str) -> IsNormalized {
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    const LANE_HIGH: u64 = 0x8000_8000_8000_8000;
    const LANE_LOW: u64 = 0x0001_0001_0001_0001;
    let bytes = text.as_bytes();
    let word = |i: usize| {
        bytes
            .get(i..i + 8)
            .and_then(|w| <[u8; 8]>::try_from(w).ok())
            .map(u64::from_le_bytes)
    };
    let info = nfc_info();
    let pairs = nfc_stable_pairs();
    let mut last_class = 0u8;
    let mut result = IsNormalized::Yes;
    let mut i = 0;
    // The character before, when it is a stable starter read on its own.
    let mut starter: Option<char> = None;
    // After a block that does not pass, characters one by one up to here.
    let mut by_char_until = 0;
    loop {
        // Eight bytes whose every lead byte starts only stable starters
        // (continuation bytes belong to a character whose lead was seen);
        // the last character in them is such a starter or ASCII.
        if i >= by_char_until {
            let from = i;
            while let Some(w) = word(i) {
                let next = || u64::from(bytes.get(i + 8).copied().unwrap_or(0));
                if !block_is_stable(w, next, pairs) {
                    by_char_until = i + 8;
                    break;
                }
                i += 8;
            }
            if i > from {
                last_class = 0;
                starter = None;
            }
        }
        let Some(&b0) = bytes.get(i) else {
            break;
        };
        if b0 & 0xC0 == 0x80 {
            // The rest of a character whose lead was in a passed block.
            i += 1;
            starter = None;
            continue;
        }
        if b0 < 0x80 {
            // ASCII up to the next non-ASCII byte.
            last_class = 0;
            i += word(i).map_or(1, |w| match w & HIGHS {
                0 => 8,
                high => (high.trailing_zeros() / 8) as usize,
            });
            starter = bytes.get(i - 1).map(|&b| char::from(b));
            continue;
        }
        if b0 & 0xFE == 0xD0 {
            // U+0400..U+047F, up to four characters: 16-bit lanes of a lead
            // D0/D1 (a lane after a two-byte character starts one).
            last_class = 0;
            i += word(i).map_or(2, |w| {
                let off = ((((w & 0x00FE_00FE_00FE_00FE) ^ 0x00D0_00D0_00D0_00D0) | LANE_HIGH)
                    - LANE_LOW)
                    & LANE_HIGH;
                if off == 0 {
                    8
                } else {
                    2 * (off.trailing_zeros() / 16).max(1) as usize
                }
            });
            starter = None;
            continue;
        }
        if (0xE4..=0xE9).contains(&b0) {
            // U+4000..U+9FFF: CJK ideographs and the Yijing hexagrams.
            last_class = 0;
            i += 3;
            while bytes.get(i).is_some_and(|b| (0xE4..=0xE9).contains(b)) {
                i += 3;
            }
            starter = None;
            continue;
        }
        let (cp, n) = crate::scan::utf8_at(bytes, i);
        let entry = match cp {
            0..0x4000 => info.get(cp as usize).copied().unwrap_or(SLOW),
            0xAC00..=0xD7A3 => 0, // Hangul syllables
            0xF000..=0xFFFF => info
                .get((cp - INFO_HIGH_OFFSET) as usize)
                .copied()
                .unwrap_or(SLOW),
            _ => SLOW,
        };
        let (class, check) = if entry == SLOW {
            let Some(c) = char::from_u32(cp) else {
                return IsNormalized::No;
            };
            (
                canonical_combining_class(c),
                quick_check_char(NormalizationForm::Nfc, c),
            )
        } else {
            (entry, IsNormalized::Yes)
        };
        if last_class > class && class != 0 {
            return IsNormalized::No;
        }
        match check {
            IsNormalized::Yes => {}
            IsNormalized::No => return IsNormalized::No,
            IsNormalized::Maybe => {
                if !starter.is_some_and(|p| stays_apart(p, cp)) {
                    result = IsNormalized::Maybe;
                }
            }
        }
        starter = if class == 0 && check == IsNormalized::Yes {
            char::from_u32(cp)
        } else {
            None
        };
        last_class = class;
        i += n;
    }
    result
}

/// Whether the character `cp` (quick check Maybe), right after `p` (class
/// 0, quick check Yes), stays as it is in NFC: `p` has no canonical
/// decomposition (so nothing of it can reorder with `cp`) and the two do not
/// compose (the nukta after most Devanagari consonants). `p` never combines
/// with what is before it, so nothing else can take `cp` in.
fn stays_apart(p: char, cp: u32) -> bool {
    let Some(c) = char::from_u32(cp) else {
        return false;
    };
    if compose(p, c).is_some() {
        return false;
    }
    let mut alone = true;
    decompose_canonical(p, |d| alone &= d == p);
    alone
}

/// An entry of [`nfc_info`]: the character's quick check is not Yes (or it
/// is not a character), ask the library.
const SLOW: u8 = 0xFF;

/// Where U+F000..U+FFFF start in [`nfc_info`], subtracted from the code point.
const INFO_HIGH_OFFSET: u32 = 0xF000 - 0x4000;

/// For U+0000..U+3FFF, then U+F000..U+FFFF: the canonical combining class
/// of each character whose NFC quick check is Yes, else [`SLOW`]. Built on
/// first use (20,480 lookups) from the library the quick check uses, so
/// both agree (a test checks every entry).
fn nfc_info() -> &'static [u8] {
    static INFO: OnceLock<Vec<u8>> = OnceLock::new();
    INFO.get_or_init(|| {
        (0..0x4000u32)
            .chain(0xF000..0x1_0000)
            .map(|cp| {
                char::from_u32(cp).map_or(SLOW, |c| {
                    let class = canonical_combining_class(c);
                    if is_nfc_quick(std::iter::once(c)) == IsNormalized::Yes {
                        class
                    } else {
                        SLOW
                    }
                })
            })
            .collect()
    })
}

/// For each lead byte 0xC0..=0xEF and the low six bits of the byte after
/// it, one bit: set when every character starting with those two bytes is a
/// stable starter for NFC (class 0, quick check Yes). For two-byte leads
/// that is one character, for three-byte leads a block of 64 (all of
/// U+4000..U+9FFF and the Hangul syllables between U+AC00 and U+D7BF are
/// set). Built on first use from [`nfc_info`] (a test checks it).
fn nfc_stable_pairs() -> &'static [u64; 48] {
    static PAIRS: OnceLock<[u64; 48]> = OnceLock::new();
    PAIRS.get_or_init(|| {
        let info = nfc_info();
        let all_stable = |from: u32, len: u32| {
            info.get(from as usize..(from + len) as usize)
                .is_some_and(|s| s.iter().all(|&e| e == 0))
        };
        let mut pairs = [0u64; 48];
        for (k, bits) in pairs.iter_mut().enumerate() {
            let lead = 0xC0 + k as u32;
            for second in 0..64u32 {
                let stable = match lead {
                    0xC2..=0xDF => all_stable(((lead & 0x1F) << 6) | second, 1),
                    0xE0..=0xE3 => all_stable(((lead & 0x0F) << 12) | (second << 6), 64),
                    0xE4..=0xE9 => true,
                    0xEA..=0xED => {
                        let from = ((lead & 0x0F) << 12) | (second << 6);
                        // Blocks wholly inside U+AC00..U+D7A3.
                        from >= 0xAC00 && from + 64 <= 0xD7A4
                    }
                    _ => false,
                };
                if stable {
                    *bits |= 1 << second;
                }
            }
        }
        pairs
    })
}

/// Whether every character starting in the eight bytes of `w` is a stable
/// starter for NFC, told by its lead byte and the byte after it (`next`:
/// the byte after the word).
#[inline]
fn block_is_stable(w: u64, next: impl FnOnce() -> u64, pairs: &[u64; 48]) -> bool {
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    const SEVENS: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    const ONES: u64 = 0x0101_0101_0101_0101;
    let high = w & HIGHS;
    if high == 0 {
        return true;
    }
    let lead = high & (w << 1);
    // Leads D0/D1 (U+0400..U+047F) pass as they are.
    let y = (w & 0xFEFE_FEFE_FEFE_FEFE) ^ 0xD0D0_D0D0_D0D0_D0D0;
    let mut other = lead & (((y & SEVENS) + SEVENS) | y);
    if other == 0 {
        return true;
    }
    // So do E4..E9 (CJK ideographs).
    let lo_nibble = w & 0x0F0F_0F0F_0F0F_0F0F;
    let hi_nibble = (w & 0xF0F0_F0F0_F0F0_F0F0) ^ (ONES * 0xE0);
    let not_e = ((hi_nibble & SEVENS) + SEVENS) | hi_nibble;
    other &= not_e | !(lo_nibble + ONES * 0x7C) | (lo_nibble + ONES * 0x76);
    if other == 0 {
        return true;
    }
    let s1 = (w >> 8) | (next() << 56);
    while other != 0 {
        let at = other.trailing_zeros() - 7;
        let b = (w >> at) as u8;
        let second = u32::from((s1 >> at) as u8 & 0x3F);
        if pairs
            .get(usize::from(b.wrapping_sub(0xC0)))
            .is_none_or(|p| p >> second & 1 == 0)
        {
            return false;
        }
        other &= other - 1;
    }
    true
}

/// Whether `c` is a letter of a common script that is known to have
/// combining class 0 and quick check Yes for `form`, so the lookups can be
/// skipped. A test checks every character of these ranges.
fn is_stable_starter(form: NormalizationForm, c: char) -> bool {
    let cp = u32::from(c);
    match form {
        NormalizationForm::Nfc | NormalizationForm::Nfkc => {
            (cp < 0x300 && form == NormalizationForm::Nfc)
                || matches!(
                    cp,
                    0x0388..=0x03CE // Greek
                        | 0x0400..=0x0482 // Cyrillic
                        | 0x048A..=0x052F
                        | 0x05D0..=0x05EA // Hebrew
                        | 0x0620..=0x064A // Arabic
                        | 0x0905..=0x0939 // Devanagari
                        | 0x3041..=0x3096 // Hiragana
                        | 0x30A1..=0x30FA // Katakana
                        | 0x4E00..=0x9FFF // CJK
                        | 0xAC00..=0xD7A3 // Hangul syllables
                )
        }
        NormalizationForm::Nfd | NormalizationForm::Nfkd => matches!(
            cp,
            0x0410..=0x0418 // Cyrillic А..И
                | 0x041A..=0x0438 // К..и
                | 0x043A..=0x044F // к..я
                | 0x05D0..=0x05EA // Hebrew
                | 0x0627..=0x064A // Arabic
                | 0x4E00..=0x9FFF // CJK
        ),
    }
}

/// The quick-check value of one character.
fn quick_check_char(form: NormalizationForm, c: char) -> IsNormalized {
    match form {
        NormalizationForm::Nfc => is_nfc_quick(std::iter::once(c)),
        NormalizationForm::Nfd => is_nfd_quick(std::iter::once(c)),
        NormalizationForm::Nfkc => is_nfkc_quick(std::iter::once(c)),
        NormalizationForm::Nfkd => is_nfkd_quick(std::iter::once(c)),
    }
}

/// Whether normalization to `form` never reaches across the position before
/// `c`: its decomposition starts with a starter (combining class 0) that, for
/// the composing forms, never combines with a preceding character (its quick
/// check is not Maybe).
fn is_boundary(form: NormalizationForm, c: char) -> bool {
    // Below U+0300 every character is, or decomposes to, such a starter.
    if u32::from(c) < 0x300 || is_stable_starter(form, c) {
        return true;
    }
    match quick_check_char(form, c) {
        IsNormalized::Yes => canonical_combining_class(c) == 0,
        IsNormalized::Maybe => false,
        IsNormalized::No => {
            let mut first = None;
            let mut keep_first = |d: char| {
                first.get_or_insert(d);
            };
            match form {
                NormalizationForm::Nfc | NormalizationForm::Nfd => {
                    decompose_canonical(c, &mut keep_first);
                }
                NormalizationForm::Nfkc | NormalizationForm::Nfkd => {
                    decompose_compatible(c, &mut keep_first);
                }
            }
            first.is_some_and(|s| {
                canonical_combining_class(s) == 0
                    && quick_check_char(form, s) != IsNormalized::Maybe
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn oracle(form: NormalizationForm, text: &str) -> String {
        match form {
            NormalizationForm::Nfc => text.nfc().collect(),
            NormalizationForm::Nfd => text.nfd().collect(),
            NormalizationForm::Nfkc => text.nfkc().collect(),
            NormalizationForm::Nfkd => text.nfkd().collect(),
        }
    }

    /// The NFC quick check agrees with the library's, except that it may
    /// answer Yes where the library says Maybe, and then only for NFC text.
    fn nfc_check_is_sound(text: &str) -> bool {
        let ours = quick_check(NormalizationForm::Nfc, text);
        let lib = is_nfc_quick(text.chars());
        ours == lib
            || (lib == IsNormalized::Maybe
                && ours == IsNormalized::Yes
                && text.nfc().eq(text.chars()))
    }

    #[test]
    fn a_nukta_that_composes_with_nothing_is_passed() {
        // क़ in Hindi text is often क + U+093C (U+0958 is excluded from
        // composition); न + U+093C composes to U+0929.
        assert_eq!(
            quick_check(NormalizationForm::Nfc, "क़ानून"),
            IsNormalized::Yes
        );
        assert_eq!(
            quick_check(NormalizationForm::Nfc, "न\u{93C}"),
            IsNormalized::Maybe
        );
        assert_eq!(apply(NormalizationForm::Nfc, "न\u{93C}").text, "\u{929}");
        // After a decomposable starter the library's answer stands.
        assert_eq!(
            quick_check(NormalizationForm::Nfc, "é\u{93C}"),
            is_nfc_quick("é\u{93C}".chars())
        );
    }

    #[test]
    fn below_u0300_is_always_a_boundary() {
        for form in NormalizationForm::ALL {
            for c in (0..0x300).filter_map(char::from_u32) {
                let mut first = None;
                decompose_compatible(c, |d| {
                    first.get_or_insert(d);
                });
                let s = first.unwrap_or(c);
                assert_eq!(canonical_combining_class(s), 0, "U+{:04X}", u32::from(c));
                assert_ne!(quick_check_char(form, s), IsNormalized::Maybe);
            }
        }
    }

    #[test]
    fn stable_starters_are_stable() {
        for form in NormalizationForm::ALL {
            for c in (0..=0x0010_FFFF).filter_map(char::from_u32) {
                if is_stable_starter(form, c) {
                    assert_eq!(canonical_combining_class(c), 0, "U+{:04X}", u32::from(c));
                    assert_eq!(
                        quick_check_char(form, c),
                        IsNormalized::Yes,
                        "{form:?} U+{:04X}",
                        u32::from(c)
                    );
                }
            }
        }
    }

    #[test]
    fn stable_pairs_agree_with_the_library() {
        let pairs = nfc_stable_pairs();
        let stable = |c: char| {
            canonical_combining_class(c) == 0
                && is_nfc_quick(std::iter::once(c)) == IsNormalized::Yes
        };
        for lead in 0xC0u8..=0xEF {
            for second in 0x80u8..=0xBF {
                let bit = pairs[usize::from(lead - 0xC0)] >> (second & 0x3F) & 1 != 0;
                // Every character starting with the two bytes (none for
                // overlong and surrogate pairs such as E0 80).
                let mut all = true;
                for third in 0x80u8..=0xBF {
                    let bytes = [lead, second, third];
                    let text = if lead < 0xE0 {
                        std::str::from_utf8(&bytes[..2])
                    } else {
                        std::str::from_utf8(&bytes)
                    };
                    if let Ok(t) = text {
                        all &= stable(t.chars().next().unwrap());
                    }
                }
                if bit {
                    assert!(all, "{lead:X} {second:X}");
                }
            }
        }
        let has =
            |lead: u8, second: u8| pairs[usize::from(lead - 0xC0)] >> (second & 0x3F) & 1 != 0;
        // Greek, Cyrillic, Hebrew and Arabic letters, Georgian, hiragana,
        // CJK, Hangul; not U+0300.., U+0483.., U+0591.., U+093C, U+3099.
        assert!(has(0xCE, 0xB1) && has(0xD0, 0x96) && has(0xD7, 0x90) && has(0xD8, 0xA7));
        assert!(has(0xE1, 0x83) && has(0xE3, 0x81) && has(0xE4, 0xB8) && has(0xEA, 0xB0));
        for (lead, second) in [
            (0xCC, 0x80),
            (0xD2, 0x83),
            (0xD6, 0x91),
            (0xE0, 0xA4),
            (0xE3, 0x82),
        ] {
            assert!(!has(lead, second), "{lead:X} {second:X}");
        }
    }

    #[test]
    fn nfc_info_agrees_with_the_library() {
        let info = nfc_info();
        assert_eq!(info.len(), 0x5000);
        for cp in (0..0x4000u32).chain(0xF000..0x1_0000) {
            let index = if cp < 0x4000 {
                cp
            } else {
                cp - INFO_HIGH_OFFSET
            };
            let entry = info[index as usize];
            match char::from_u32(cp) {
                Some(c) if is_nfc_quick(std::iter::once(c)) == IsNormalized::Yes => {
                    let class = canonical_combining_class(c);
                    assert!(
                        entry == class || (class == SLOW && entry == SLOW),
                        "U+{cp:04X}"
                    );
                }
                _ => assert_eq!(entry, SLOW, "U+{cp:04X}"),
            }
        }
        // Hangul syllables are passed without a look-up.
        for c in '\u{AC00}'..='\u{D7A3}' {
            assert_eq!(canonical_combining_class(c), 0);
            assert_eq!(is_nfc_quick(std::iter::once(c)), IsNormalized::Yes);
        }
    }

    #[test]
    fn nfc_quick_check_agrees_with_the_library_on_every_character() {
        // Every character below U+0800 and in the common three-byte ranges
        // (and some supplementary ones), after a stretch of Cyrillic, ASCII
        // and CJK, alone, before and after a combining mark.
        let chars = (0x80..0xA000u32)
            .chain(0xAC00..0xAC80)
            .chain(0xD7A0..0xD7B0)
            .chain(0xF000..0x1_0000)
            .chain(0x1_D15E..0x1_D170)
            .chain(0x2_F800..0x2_F810)
            .filter_map(char::from_u32);
        for c in chars {
            // Lead bytes E4..E9 are passed whole.
            if (0x4000..0xA000).contains(&u32::from(c)) {
                assert_eq!(canonical_combining_class(c), 0, "{c:?}");
                assert_eq!(is_nfc_quick(std::iter::once(c)), IsNormalized::Yes);
            }
            for prefix in [
                "",
                "ab",
                "Москва и ",
                "東京 ",
                "Ελλάδα",
                "Zürich, ",
                "ab東京Москва",
                "a\u{301}",
                "a\u{323}",
                "ก\u{E48}",
            ] {
                for suffix in ["x", "\u{301}", "\u{323}x", "\u{E38}", "東京abcdefgh"] {
                    let text = format!("{prefix}{c}{suffix}");
                    assert!(nfc_check_is_sound(&text), "{text:?}");
                }
            }
        }
        for s in [
            "e\u{301}",
            "Москва\u{301}",
            "а\u{483}",
            "ab\u{300}cd",
            "a\u{323}\u{301}x",
            "a\u{301}\u{323}x",
            "नमस्ते दुनिया",
            "क़",
            "שָׁלוֹם",
            "\u{1100}\u{1161}",
            "abc\u{0344}",
            "ที่ ที่ ทิ้ง",
            "ي\u{651}\u{64E} ي\u{64E}\u{651}",
        ] {
            assert!(nfc_check_is_sound(s), "{s:?}");
        }
    }

    #[test]
    fn nfc_quick_check_agrees_with_the_library_on_the_corpora() {
        for corpus in [
            include_str!("../../../fixtures/bench/en.txt"),
            include_str!("../../../fixtures/bench/ru.txt"),
            include_str!("../../../fixtures/bench/zh.txt"),
            include_str!("../../../fixtures/bench/mixed.txt"),
            include_str!("../../../fixtures/bench/dirty.txt"),
        ] {
            for line in corpus.lines() {
                assert!(nfc_check_is_sound(line), "{line:?}");
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn nfc_quick_check_agrees_with_the_library_on_mixed_marks(
            s in "[aeЖжλάइकाשׁ한ガก\\u{E34}\\u{E38}，、\\u{E48}\\u{E38}\\u{651}\\u{64E}\\u{300}\\u{301}\\u{323}\\u{483}\\u{5B8}\\u{93C}\\u{94D}\\u{3099}\\u{1161}\\u{0344}\\u{2126} ]{0,24}"
        ) {
            proptest::prop_assert!(nfc_check_is_sound(&s), "{:?}", s);
        }
    }

    #[test]
    fn quick_check_agrees_with_the_library() {
        let samples = [
            "Москва",
            "e\u{301}",
            "a\u{323}\u{301}",
            "a\u{301}\u{323}",
            "한국",
            "\u{1100}\u{1161}",
            "ﬁ",
            "①",
            "Ω",
            "\u{2126}",
            "é",
            "\u{958}",
            "が",
            "か\u{3099}",
            "\u{A0}",
        ];
        for form in NormalizationForm::ALL {
            for s in samples {
                let lib = match form {
                    NormalizationForm::Nfc => {
                        assert!(nfc_check_is_sound(s), "{s:?}");
                        continue;
                    }
                    NormalizationForm::Nfd => is_nfd_quick(s.chars()),
                    NormalizationForm::Nfkc => is_nfkc_quick(s.chars()),
                    NormalizationForm::Nfkd => is_nfkd_quick(s.chars()),
                };
                assert_eq!(quick_check(form, s), lib, "{form:?} {s:?}");
            }
        }
    }

    #[test]
    fn ascii_and_normalized_text_are_borrowed() {
        for form in NormalizationForm::ALL {
            let r = apply(form, "plain ascii");
            assert!(matches!(r.text, Cow::Borrowed(_)));
        }
        let r = apply(NormalizationForm::Nfc, "Café Москва 東京");
        assert!(matches!(r.text, Cow::Borrowed(_)));
    }

    #[test]
    fn nfc_composes_one_segment() {
        let r = apply(NormalizationForm::Nfc, "Cafe\u{301} au lait");
        assert_eq!(r.text, "Café au lait");
        assert_eq!(r.changes.len(), 1);
        let c = &r.changes[0];
        assert_eq!((c.start, c.end), (3, 6));
        assert_eq!(c.before, "e\u{301}");
        assert_eq!(c.after, "é");
        assert_eq!(c.kind, ChangeKind::Normalization);
        assert_eq!(c.evidence, "NFC: U+0065 U+0301 → U+00E9");
    }

    #[test]
    fn each_segment_is_its_own_change() {
        let r = apply(NormalizationForm::Nfc, "e\u{301} and o\u{308}");
        assert_eq!(r.text, "é and ö");
        let spans: Vec<_> = r.changes.iter().map(|c| (c.start, c.end)).collect();
        assert_eq!(spans, vec![(0, 3), (8, 11)]);
    }

    #[test]
    fn a_singleton_decomposition_is_its_own_segment() {
        // U+2126 OHM SIGN is NFC_QC=No but starts a segment of its own.
        let r = apply(NormalizationForm::Nfc, "x\u{2126}y");
        assert_eq!(r.text, "x\u{3A9}y");
        assert_eq!((r.changes[0].start, r.changes[0].end), (1, 4));
    }

    #[test]
    fn nfd_and_nfkc() {
        let r = apply(NormalizationForm::Nfd, "é");
        assert_eq!(r.text, "e\u{301}");
        let r = apply(NormalizationForm::Nfkc, "ﬁne ①");
        assert_eq!(r.text, "fine 1");
        assert_eq!(r.changes.len(), 2);
        let r = apply(NormalizationForm::Nfkd, "ﬁ");
        assert_eq!(r.text, "fi");
    }

    #[test]
    fn reorders_marks() {
        // dot below (220) must come before acute (230).
        let r = apply(NormalizationForm::Nfd, "a\u{301}\u{323}b");
        assert_eq!(r.text, "a\u{323}\u{301}b");
    }

    #[test]
    fn hangul_jamo_compose_and_decompose() {
        let r = apply(NormalizationForm::Nfc, "\u{1100}\u{1161}\u{11A8}");
        assert_eq!(r.text, "각");
        let r = apply(NormalizationForm::Nfd, "한국");
        assert_eq!(r.text, oracle(NormalizationForm::Nfd, "한국"));
        assert_eq!(r.changes.len(), 2);
    }

    #[test]
    fn leading_combining_mark() {
        for form in NormalizationForm::ALL {
            let text = "\u{301}\u{323}x";
            assert_eq!(apply(form, text).text, oracle(form, text));
        }
    }
}
