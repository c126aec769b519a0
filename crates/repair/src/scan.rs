//! Finds the next byte that a per-character rule might care about, without
//! decoding characters: eight ASCII bytes at a time, then a byte-class table
//! for the lead bytes of the few non-ASCII blocks the rules touch.

/// Nothing to do for this byte.
const SKIP: u8 = 0;
/// An ASCII control (other than tab and line feed) or DEL.
const ASCII: u8 = 1;
/// The lead byte of a character that may matter; the second byte decides.
const LEAD: u8 = 2;

/// The class of every byte value.
#[allow(clippy::indexing_slicing)] // constant evaluation: an error here fails the build
static CLASS: [u8; 256] = {
    let mut table = [SKIP; 256];
    let mut b = 0;
    while b < 0x20 {
        table[b] = ASCII;
        b += 1;
    }
    table[b'\t' as usize] = SKIP;
    table[b'\n' as usize] = SKIP;
    table[0x7F] = ASCII;
    // U+0080..U+00BF, U+1000..U+1FFF, U+2000..U+2FFF, U+3000..U+3FFF,
    // U+F000..U+FFFF, U+C0000..U+FFFFF.
    table[0xC2] = LEAD;
    table[0xE1] = LEAD;
    table[0xE2] = LEAD;
    table[0xE3] = LEAD;
    table[0xEF] = LEAD;
    table[0xF3] = LEAD;
    table
};

/// Whether a character starting with `lead`, `second` may be one the rules
/// act on (see `chars::may_act`, which a test checks this against).
fn second_byte_may_matter(lead: u8, second: u8) -> bool {
    match lead {
        // U+0080..U+00A0 (C1 controls, NBSP), U+00AD
        0xC2 => second <= 0xA0 || second == 0xAD,
        // U+1140..U+117F (Hangul fillers), U+1680..U+16BF, U+1800..U+183F
        0xE1 => matches!(second, 0x85 | 0x9A | 0xA0),
        // U+2000..U+207F: spaces, joiners, quotes, separators, bidi, WJ
        0xE2 => matches!(second, 0x80 | 0x81),
        // U+3000..U+303F, U+3140..U+317F (U+3164 HANGUL FILLER)
        0xE3 => matches!(second, 0x80 | 0x85),
        // U+FEC0..U+FFBF: BOM, fullwidth ASCII, U+FFA0
        0xEF => matches!(second, 0xBB..=0xBE),
        // U+E0000..U+E0FFF: tags
        0xF3 => second == 0xA0,
        _ => false,
    }
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGHS: u64 = 0x8080_8080_8080_8080;
const SEVENS: u64 = 0x7F7F_7F7F_7F7F_7F7F;

/// Whether none of the eight bytes may matter: no ASCII control (tab and
/// line feed included) or DEL, no lead byte 0xC2, 0xE1..=0xE3 or 0xEF..
/// (other bytes are continuations or leads of blocks no rule touches:
/// Cyrillic, Greek, Indic, CJK, Hangul, …). False alarms only send the word
/// to the exact reading. Every test is on the low seven bits, where adding
/// a constant never carries into the next byte.
fn word_is_quiet(w: u64) -> bool {
    let low = w & SEVENS;
    // ASCII 0x20..=0x7E.
    let printable = (low + ONES * 0x60) & !(low + ONES);
    // 0xC2; 0xE1..=0xE3; 0xEF..=0xFF.
    let c2 = !((low ^ (ONES * 0x42)) + SEVENS);
    let e1_e3 = (low + ONES * 0x1F) & !(low + ONES * 0x1C);
    let ef_ff = low + ONES * 0x11;
    let ascii_bad = !(printable | w);
    let lead_bad = w & (c2 | e1_e3 | ef_ff);
    (ascii_bad | lead_bad) & HIGHS == 0
}

/// Whether all eight bytes are printable ASCII (0x20..=0x7E).
fn word_is_printable_ascii(w: u64) -> bool {
    let non_ascii = w & HIGHS;
    // A byte below 0x20 borrows into its high bit (exact for ASCII bytes).
    let below_space = w.wrapping_sub(ONES * 0x20) & !w & HIGHS;
    let x = w ^ (ONES * 0x7F);
    let del = x.wrapping_sub(ONES) & !x & HIGHS;
    (non_ascii | below_space | del) == 0
}

/// The bytes of `x` equal to `c`, as their high bits (exact).
#[inline]
fn eq(x: u64, c: u8) -> u64 {
    let t = x ^ (ONES * u64::from(c));
    !(((t & SEVENS) + SEVENS) | t) & HIGHS
}

/// The bytes of `x` whose low seven bits are at least those of `t`, as their
/// high bits (exact on continuation bytes, for `t` in 0x80..=0xC0).
#[inline]
fn ge(x: u64, t: u8) -> u64 {
    ((x & SEVENS) + ONES * u64::from(0x80 - (t & 0x7F))) & HIGHS
}

/// The bytes of the eight at `w` where a character starts that a rule may
/// act on, as their high bits: ASCII controls but tab and line feed, DEL,
/// and the characters of `chars::may_act` told by their lead and next two
/// bytes (`s1`, `s2`: the word shifted by one and two bytes, with the bytes
/// after it). Exact, so a word without any is skipped whole.
#[inline]
fn stops(w: u64, s1: u64, s2: u64, fullwidth: bool) -> u64 {
    let ascii = !w & HIGHS;
    let controls = ascii & !ge(w, 0x20) & !eq(w, b'\t') & !eq(w, b'\n');
    let mut m = controls | eq(w, 0x7F);
    let c2 = eq(w, 0xC2);
    if c2 != 0 {
        // U+0080..U+00A0, U+00AD.
        m |= c2 & (!ge(s1, 0xA1) | eq(s1, 0xAD));
    }
    let e1 = eq(w, 0xE1);
    if e1 != 0 {
        // U+115F, U+1160, U+1680, U+180E.
        m |= e1
            & ((eq(s1, 0x85) & (eq(s2, 0x9F) | eq(s2, 0xA0)))
                | (eq(s1, 0x9A) & eq(s2, 0x80))
                | (eq(s1, 0xA0) & eq(s2, 0x8E)));
    }
    let e2 = eq(w, 0xE2);
    if e2 != 0 {
        // U+2000..U+200D, U+2018..U+201F, U+2028..U+202F; U+205F..U+2064,
        // U+2066..U+2069.
        let s2_in = |lo: u8, hi: u8| ge(s2, lo) & !ge(s2, hi + 1);
        m |= e2
            & ((eq(s1, 0x80) & (s2_in(0x80, 0x8D) | s2_in(0x98, 0x9F) | s2_in(0xA8, 0xAF)))
                | (eq(s1, 0x81) & (s2_in(0x9F, 0xA4) | s2_in(0xA6, 0xA9))));
    }
    let e3 = eq(w, 0xE3);
    if e3 != 0 {
        // U+3000, U+3164.
        m |= e3 & ((eq(s1, 0x80) & eq(s2, 0x80)) | (eq(s1, 0x85) & eq(s2, 0xA4)));
    }
    let ef = eq(w, 0xEF);
    if ef != 0 {
        // U+FEFF, U+FFA0; U+FF01..U+FF5E if the fullwidth rule is on.
        let mut hit = (eq(s1, 0xBB) & eq(s2, 0xBF)) | (eq(s1, 0xBE) & eq(s2, 0xA0));
        if fullwidth {
            hit |= (eq(s1, 0xBC) & ge(s2, 0x81)) | (eq(s1, 0xBD) & !ge(s2, 0x9F));
        }
        m |= ef & hit;
    }
    // U+E0000..U+E0FFF (tags among them).
    m | (eq(w, 0xF3) & eq(s1, 0xA0))
}

/// The code point and length in bytes of the UTF-8 character whose first
/// byte, `bytes[i]`, is not ASCII; for the byte scans of the hygiene,
/// normalization and mojibake stages, which step through `&str` bytes.
#[inline]
pub(crate) fn utf8_at(bytes: &[u8], i: usize) -> (u32, usize) {
    let b0 = bytes.get(i).copied().unwrap_or(0);
    let cont = |k: usize| u32::from(bytes.get(i + k).copied().unwrap_or(0) & 0x3F);
    if b0 < 0xE0 {
        ((u32::from(b0 & 0x1F) << 6) | cont(1), 2)
    } else if b0 < 0xF0 {
        ((u32::from(b0 & 0x0F) << 12) | (cont(1) << 6) | cont(2), 3)
    } else {
        (
            (u32::from(b0 & 0x07) << 18) | (cont(1) << 12) | (cont(2) << 6) | cont(3),
            4,
        )
    }
}

/// The offset of the first byte at or after `from` that may need a look, or
/// `bytes.len()`. The offset is always a character boundary.
#[cfg(test)]
pub(crate) fn next_candidate(bytes: &[u8], from: usize) -> usize {
    next_candidate_for(bytes, from, true)
}

/// The offset of the first byte at or after `from` that may need a look, or
/// `bytes.len()` (always a character boundary), passing over fullwidth ASCII
/// variants (U+FF01..U+FF5E, common in CJK text) when `fullwidth` (the rule
/// that maps them) is off, except in the last seven bytes.
///
/// Eight bytes at a time: a word without an ASCII control, DEL or lead byte
/// 0xC2, 0xE1..=0xE3, 0xEF.. is skipped; any other word is read exactly by
/// [`stops`] (CJK punctuation, Georgian, kana, accented capitals and the
/// like are skipped too). The last few bytes go one by one.
pub(crate) fn next_candidate_for(bytes: &[u8], mut from: usize, fullwidth: bool) -> usize {
    let len = bytes.len();
    while let Some(word) = bytes
        .get(from..from + 8)
        .and_then(|w| <[u8; 8]>::try_from(w).ok())
    {
        let w = u64::from_le_bytes(word);
        if !word_is_quiet(w) {
            let next = |k: usize| u64::from(bytes.get(from + 8 + k).copied().unwrap_or(0));
            let (n0, n1) = (next(0), next(1));
            let s1 = (w >> 8) | (n0 << 56);
            let s2 = (w >> 16) | (n0 << 48) | (n1 << 56);
            let m = stops(w, s1, s2, fullwidth);
            if m != 0 {
                return from + (m.trailing_zeros() / 8) as usize;
            }
        }
        from += 8;
    }
    while from < len {
        let b = bytes.get(from).copied().unwrap_or_default();
        match CLASS.get(usize::from(b)).copied().unwrap_or_default() {
            SKIP => {}
            ASCII => return from,
            _ => {
                let second = bytes.get(from + 1).copied().unwrap_or_default();
                if second_byte_may_matter(b, second) {
                    return from;
                }
            }
        }
        from += 1;
    }
    len
}

/// Whether `text` is printable ASCII, tabs and line feeds only (no CR), and,
/// when `no_ampersand`, has no `&`: text that no hygiene rule changes.
pub(crate) fn is_plain_ascii(text: &str, no_ampersand: bool) -> bool {
    let bytes = text.as_bytes();
    let mut words = bytes.chunks_exact(8);
    for chunk in &mut words {
        let Ok(word) = <[u8; 8]>::try_from(chunk) else {
            return false;
        };
        let w = u64::from_le_bytes(word);
        let amp = if no_ampersand {
            let x = w ^ (ONES * u64::from(b'&'));
            x.wrapping_sub(ONES) & !x & HIGHS
        } else {
            0
        };
        if amp != 0 || (!word_is_printable_ascii(w) && !chunk.iter().all(|&b| plain_byte(b))) {
            return false;
        }
    }
    words
        .remainder()
        .iter()
        .all(|&b| plain_byte(b) && !(no_ampersand && b == b'&'))
}

fn plain_byte(b: u8) -> bool {
    matches!(b, b' '..=b'~' | b'\t' | b'\n')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_at_reads_every_length() {
        for text in [
            "é",
            "ж",
            "€",
            "中",
            "😀",
            "\u{7FF}",
            "\u{800}",
            "\u{FFFF}",
            "\u{10FFFF}",
        ] {
            let c = text.chars().next().unwrap();
            assert_eq!(
                utf8_at(text.as_bytes(), 0),
                (c as u32, c.len_utf8()),
                "{text}"
            );
        }
    }

    #[test]
    fn printable_ascii_has_no_candidate() {
        let text = "The quick brown fox\tjumps over the lazy dog 0123456789 ~!@#$%^&*()\n";
        assert_eq!(next_candidate(text.as_bytes(), 0), text.len());
        assert!(is_plain_ascii(text, false));
        assert!(!is_plain_ascii(text, true));
        assert!(is_plain_ascii(
            "tab\there and a newline\n, no ampersand",
            true
        ));
        for bad in [
            "0123456789\r",
            "0123456789\u{7F}",
            "0\u{1B}",
            "abcdefgh\u{A0}",
            "é",
        ] {
            assert!(!is_plain_ascii(bad, false), "{bad:?}");
        }
    }

    #[test]
    fn finds_controls_in_every_word_position() {
        for pos in 0..24 {
            for bad in [0u8, 0x1B, 0x0D, 0x7F, 0x0B] {
                let mut bytes = vec![b'a'; 24];
                bytes[pos] = bad;
                assert_eq!(next_candidate(&bytes, 0), pos, "byte {bad:#x} at {pos}");
            }
        }
    }

    #[test]
    fn finds_special_characters_after_cyrillic_and_greek() {
        let fillers = ["Ж", "ж", "a", "é", "λ", "Ё", " ", "中", "한", "क", "ก", "𝄞"];
        for special in [
            "\u{A0}",
            "\u{AD}",
            "\u{200B}",
            "\u{FEFF}",
            "\u{3000}",
            "\u{E0041}",
            "\u{1680}",
            "\r",
            "\u{85}",
        ] {
            for n in 0..20 {
                let prefix: String = (0..n)
                    .map(|k| fillers[(k * 3 + n) % fillers.len()])
                    .collect();
                let text = format!("{prefix}{special}жжжж");
                assert_eq!(next_candidate(text.as_bytes(), 0), prefix.len(), "{text:?}");
            }
        }
    }

    #[test]
    fn skips_non_ascii_that_no_rule_touches() {
        let text = "«Москва» 東京 ひらがな العربية हिन्दी ©";
        assert_eq!(next_candidate(text.as_bytes(), 0), text.len());
    }

    /// The first character at or after `from` that `chars::may_act`
    /// accepts (but fullwidth forms when that rule is off), or an ASCII
    /// control: what the scan must not pass over.
    fn first_stop_reference(text: &str, from: usize, fullwidth: bool) -> usize {
        text.char_indices()
            .filter(|&(k, _)| k >= from)
            .find(|&(_, c)| {
                (c.is_ascii_control() && c != '\t' && c != '\n')
                    || (crate::chars::may_act(c)
                        && (fullwidth || !('\u{FF01}'..='\u{FF5E}').contains(&c)))
            })
            .map_or(text.len(), |(k, _)| k)
    }

    proptest::proptest! {
        #[test]
        fn word_reading_stops_at_the_first_character_a_rule_may_change(
            text in "[a Жλ中ひ한ა\u{E01}\u{A0}\u{AD}\u{A9}\u{B0}\u{2014}\u{2019}\u{2026}\u{200B}\u{2060}\u{2065}\u{2066}\u{3000}\u{3001}\u{3164}\u{FEFF}\u{FF0C}\u{FF5E}\u{FF5F}\u{FFA0}\u{1160}\u{1680}\u{180E}\u{E0041}\u{E1000}\t\n\r\u{7F}\u{85}]{0,40}",
            from_frac in 0.0f64..1.0,
        ) {
            // From a character boundary; in the last seven bytes the scan
            // may also stop early (lead bytes it does not read further).
            let mut from = (text.len() as f64 * from_frac) as usize;
            while !text.is_char_boundary(from) {
                from -= 1;
            }
            for fullwidth in [true, false] {
                let got = next_candidate_for(text.as_bytes(), from, fullwidth);
                let want = first_stop_reference(&text, from, fullwidth);
                proptest::prop_assert!(text.is_char_boundary(got));
                proptest::prop_assert!(got <= want, "{} > {}", got, want);
                if got < want {
                    proptest::prop_assert!(got + 8 > text.len(), "early stop at {} of {}", got, text.len());
                }
            }
        }
    }

    #[test]
    fn quiet_words_have_no_byte_that_may_matter() {
        let matters =
            |b: u8| b < 0x20 || b == 0x7F || b == 0xC2 || matches!(b, 0xE1..=0xE3 | 0xEF..);
        for pos in 0..8 {
            for b in 0..=255u8 {
                for fill in [b'a', 0x80, 0xBF, 0xD0, 0xE0, 0xE4, 0xEE, 0x7E, 0x20] {
                    let mut word = [fill; 8];
                    word[pos] = b;
                    let quiet = word_is_quiet(u64::from_le_bytes(word));
                    assert_eq!(
                        quiet,
                        !matters(b) && !matters(fill),
                        "{b:#x} at {pos} in {fill:#x}"
                    );
                }
            }
        }
    }

    #[test]
    fn finds_a_special_character_after_from() {
        let text = "ab\u{200B}cd\u{A0}";
        assert_eq!(next_candidate(text.as_bytes(), 0), 2);
        assert_eq!(next_candidate(text.as_bytes(), 5), 7);
        assert_eq!(next_candidate(text.as_bytes(), 9), 9);
    }
}
