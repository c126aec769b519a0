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

/// Whether none of the eight bytes may matter: no ASCII control (tab and
/// line feed included) or DEL, no lead byte 0xC2, 0xE1..=0xE3 or 0xEF..
/// (other bytes are continuations or leads of blocks no rule touches:
/// Cyrillic, Greek, Indic, CJK, Hangul, …). False alarms only send the word
/// to the byte loop.
fn word_is_quiet(w: u64) -> bool {
    let below_space = w.wrapping_sub(ONES * 0x20) & !w & HIGHS;
    let x = w ^ (ONES * 0x7F);
    let del = x.wrapping_sub(ONES) & !x & HIGHS;
    let y = w ^ (ONES * 0xC2);
    let c2 = y.wrapping_sub(ONES) & !y & HIGHS;
    // Bits 7, 6 and 5 set: 0xE0..=0xFF; of those, the low five bits 0 or
    // 4..=0xE (0xE0, 0xE4..=0xEE) do not matter.
    let high_lead = w & (w << 1) & (w << 2) & HIGHS;
    let low5 = w & (ONES * 0x1F);
    let ge = |t: u64| (low5 + ONES * (0x80 - t)) & HIGHS;
    let quiet_lead = (ge(4) & !ge(0xF)) | !ge(1);
    (below_space | del | c2 | (high_lead & !quiet_lead)) == 0
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

/// The offset of the first byte at or after `from` that may need a look, or
/// `bytes.len()`. The offset is always a character boundary.
pub(crate) fn next_candidate(bytes: &[u8], mut from: usize) -> usize {
    let len = bytes.len();
    while from < len {
        while let Some(word) = bytes
            .get(from..from + 8)
            .and_then(|w| <[u8; 8]>::try_from(w).ok())
        {
            if !word_is_quiet(u64::from_le_bytes(word)) {
                break;
            }
            from += 8;
        }
        let end = len.min(from + 8);
        while from < end {
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

    #[test]
    fn finds_a_special_character_after_from() {
        let text = "ab\u{200B}cd\u{A0}";
        assert_eq!(next_candidate(text.as_bytes(), 0), 2);
        assert_eq!(next_candidate(text.as_bytes(), 5), 7);
        assert_eq!(next_candidate(text.as_bytes(), 9), 9);
    }
}
