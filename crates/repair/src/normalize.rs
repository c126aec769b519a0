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
    canonical_combining_class, decompose_canonical, decompose_compatible,
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

/// [`quick_check`] for NFC: stretches of stable starters are passed byte by
/// byte ([`nfc_stable_prefix`]), each other character is looked up.
fn nfc_quick_check(mut text: &str) -> IsNormalized {
    let mut last_class = 0;
    let mut result = IsNormalized::Yes;
    loop {
        let skip = nfc_stable_prefix(text);
        if skip > 0 {
            // The character before the rest is a starter.
            last_class = 0;
            text = text.get(skip..).unwrap_or_default();
        }
        let mut chars = text.chars();
        let Some(c) = chars.next() else {
            return result;
        };
        text = chars.as_str();
        let class = canonical_combining_class(c);
        if last_class > class && class != 0 {
            return IsNormalized::No;
        }
        match quick_check_char(NormalizationForm::Nfc, c) {
            IsNormalized::Yes => {}
            IsNormalized::No => return IsNormalized::No,
            IsNormalized::Maybe => result = IsNormalized::Maybe,
        }
        last_class = class;
    }
}

/// Characters below U+4000 with combining class 0 and NFC quick check Yes,
/// one bit each: the characters of the alphabetic scripts the NFC quick
/// check can pass without a lookup. Built on first use (16,384 lookups)
/// from the same library the quick check uses, so both agree.
fn nfc_stable_below_4000() -> &'static [u64; 256] {
    static BITS: OnceLock<[u64; 256]> = OnceLock::new();
    BITS.get_or_init(|| {
        let mut bits = [0u64; 256];
        for cp in 0..0x4000u32 {
            let Some(c) = char::from_u32(cp) else {
                continue;
            };
            if canonical_combining_class(c) == 0
                && is_nfc_quick(std::iter::once(c)) == IsNormalized::Yes
            {
                if let Some(w) = bits.get_mut((cp / 64) as usize) {
                    *w |= 1 << (cp % 64);
                }
            }
        }
        bits
    })
}

/// Lead bytes all of whose characters are stable starters for NFC (class 0,
/// quick check Yes), one bit each: from the bitmap below U+4000, and
/// 0xE4..=0xE9 (U+4000..U+9FFF, CJK ideographs; a test checks them).
fn nfc_stable_leads() -> &'static [u64; 4] {
    static LEADS: OnceLock<[u64; 4]> = OnceLock::new();
    LEADS.get_or_init(|| {
        let bits = nfc_stable_below_4000();
        let all_stable = |from: u32, len: u32| {
            (from..from + len).all(|cp| {
                bits.get((cp / 64) as usize)
                    .is_some_and(|w| w >> (cp % 64) & 1 != 0)
            })
        };
        let mut leads = [0u64; 4];
        for b in 0xC2u32..=0xE9 {
            let stable = match b {
                0xC2..=0xDF => all_stable((b & 0x1F) << 6, 64),
                0xE0..=0xE3 => all_stable((b & 0x0F) << 12, 0x1000),
                _ => true,
            };
            if let (true, Some(w)) = (stable, leads.get_mut((b / 64) as usize)) {
                *w |= 1 << (b % 64);
            }
        }
        leads
    })
}

/// Whether every lead byte in the eight bytes of `w` is in `leads`.
#[inline]
fn block_is_stable(w: u64, leads: &[u64; 4]) -> bool {
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    const SEVENS: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    let high = w & HIGHS;
    if high == 0 {
        return true;
    }
    let lead = high & (w << 1);
    // Leads D0/D1 (Cyrillic, the common case) need no look-up.
    let y = (w & 0xFEFE_FEFE_FEFE_FEFE) ^ 0xD0D0_D0D0_D0D0_D0D0;
    let mut other = lead & (((y & SEVENS) + SEVENS) | y) & HIGHS;
    while other != 0 {
        let b = (w >> (other.trailing_zeros() - 7)) as u8;
        if leads
            .get(usize::from(b / 64))
            .is_none_or(|l| l >> (b % 64) & 1 == 0)
        {
            return false;
        }
        other &= other - 1;
    }
    true
}

/// The length of the prefix of `text` made of characters that pass the NFC
/// quick check and have combining class 0 (so the quick check of the prefix
/// is Yes and starts afresh after it), read a byte at a time: ASCII eight
/// bytes at a time, Cyrillic (U+0400..U+047F) four characters at a time,
/// others below U+4000 by a bitmap, the rest by [`is_stable_starter`].
/// Stops at the first character it is not sure of.
fn nfc_stable_prefix(text: &str) -> usize {
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    const LANE_HIGH: u64 = 0x8000_8000_8000_8000;
    const LANE_LOW: u64 = 0x0001_0001_0001_0001;
    let bytes = text.as_bytes();
    let stable_bits = nfc_stable_below_4000();
    let stable = |cp: u32| {
        stable_bits.get((cp / 64) as usize).map_or_else(
            || char::from_u32(cp).is_some_and(|c| is_stable_starter(NormalizationForm::Nfc, c)),
            |w| w >> (cp % 64) & 1 != 0,
        )
    };
    let word = |i: usize| {
        bytes
            .get(i..i + 8)
            .and_then(|w| <[u8; 8]>::try_from(w).ok())
            .map(u64::from_le_bytes)
    };
    let leads = nfc_stable_leads();
    let mut i = 0;
    // After a block that does not pass, characters one by one up to here.
    let mut by_char_until = 0;
    while let Some(&b0) = bytes.get(i) {
        // Eight bytes whose every lead byte starts only stable starters
        // (continuation bytes belong to a character whose lead was seen).
        if i >= by_char_until {
            if let Some(w) = word(i) {
                if block_is_stable(w, leads) {
                    i += 8;
                    continue;
                }
                by_char_until = i + 8;
            }
        }
        if b0 & 0xC0 == 0x80 {
            // The rest of a character whose lead was in a passed block.
            i += 1;
        } else if b0 < 0x80 {
            // ASCII up to the next non-ASCII byte.
            i += word(i).map_or(1, |w| match w & HIGHS {
                0 => 8,
                high => (high.trailing_zeros() / 8) as usize,
            });
        } else if b0 & 0xFE == 0xD0 {
            // U+0400..U+047F, up to four characters: 16-bit lanes of a lead
            // D0/D1 (a lane after a two-byte character starts one).
            i += word(i).map_or(2, |w| {
                let off = ((((w & 0x00FE_00FE_00FE_00FE) ^ 0x00D0_00D0_00D0_00D0) | LANE_HIGH)
                    - LANE_LOW)
                    & LANE_HIGH;
                if off == 0 {
                    8
                } else {
                    2 * (off.trailing_zeros() / 16) as usize
                }
            });
        } else if b0 < 0xE0 {
            let b1 = u32::from(bytes.get(i + 1).copied().unwrap_or(0) & 0x3F);
            if !stable((u32::from(b0 & 0x1F) << 6) | b1) {
                return i;
            }
            i += 2;
        } else if (0xE4..=0xE9).contains(&b0) {
            // U+4000..U+9FFF: CJK ideographs and the Yijing hexagrams.
            i += 3;
            while bytes.get(i).is_some_and(|b| (0xE4..=0xE9).contains(b)) {
                i += 3;
            }
        } else if b0 < 0xF0 {
            let b1 = u32::from(bytes.get(i + 1).copied().unwrap_or(0) & 0x3F);
            let b2 = u32::from(bytes.get(i + 2).copied().unwrap_or(0) & 0x3F);
            if !stable((u32::from(b0 & 0x0F) << 12) | (b1 << 6) | b2) {
                return i;
            }
            i += 3;
        } else {
            return i;
        }
    }
    bytes.len().min(i)
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
    fn stable_leads_hold_cyrillic_and_not_combining_marks() {
        let leads = nfc_stable_leads();
        let has = |b: u8| leads[usize::from(b / 64)] >> (b % 64) & 1 != 0;
        // D0/D1 are passed without a look-up.
        assert!(has(0xD0) && has(0xD1) && has(0xC3) && has(0xE4));
        // U+0300.., U+0483.., U+0591.., U+0900.. (nukta), U+3099.
        for b in [0xCC, 0xCD, 0xD2, 0xD6, 0xE0, 0xE3, 0xEA] {
            assert!(!has(b), "{b:X}");
        }
    }

    #[test]
    fn nfc_stable_prefix_stops_only_before_unstable_characters() {
        // Every character below U+0800 and in the common three-byte ranges,
        // alone and after a stretch of Cyrillic, ASCII and CJK.
        let chars = (0x80..0xA000u32)
            .chain(0xAC00..0xAC80)
            .filter_map(char::from_u32);
        for c in chars {
            let stable = canonical_combining_class(c) == 0
                && is_nfc_quick(std::iter::once(c)) == IsNormalized::Yes;
            // Lead bytes E4..E9 are passed whole.
            assert!(stable || !(0x4000..0xA000).contains(&u32::from(c)), "{c:?}");
            for prefix in [
                "",
                "ab",
                "Москва и ",
                "東京 ",
                "Ελλάδα",
                "Zürich, ",
                "ab東京Москва",
            ] {
                let text = format!("{prefix}{c}x");
                let got = nfc_stable_prefix(&text);
                if stable && u32::from(c) < 0xA000 {
                    assert!(got >= prefix.len() + c.len_utf8(), "{c:?} {got}");
                } else if stable {
                    assert!(got >= prefix.len(), "{c:?} {got}");
                } else {
                    assert_eq!(got, prefix.len(), "{c:?} after {prefix:?}");
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
        ] {
            assert_eq!(
                quick_check(NormalizationForm::Nfc, s),
                is_nfc_quick(s.chars()),
                "{s:?}"
            );
        }
    }

    proptest::proptest! {
        #[test]
        fn nfc_quick_check_agrees_with_the_library_on_mixed_marks(
            s in "[aeЖжλάइकाשׁ한ガ\\u{300}\\u{301}\\u{323}\\u{483}\\u{5B8}\\u{93C}\\u{94D}\\u{3099}\\u{1161}\\u{0344}\\u{2126} ]{0,24}"
        ) {
            proptest::prop_assert_eq!(quick_check(NormalizationForm::Nfc, &s), is_nfc_quick(s.chars()));
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
                    NormalizationForm::Nfc => is_nfc_quick(s.chars()),
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
