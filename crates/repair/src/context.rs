//! Context for the invisible characters whose meaning depends on their
//! neighbours: ZWJ/ZWNJ, Hangul fillers and U+180E.
//!
//! A neighbour is the nearest character on that side that is not
//! *transparent*. Transparent characters are the combining marks (Script
//! Inherited, which includes ZWJ, ZWNJ, variation selectors and CGJ), emoji
//! skin-tone modifiers, and every character a hygiene rule may remove
//! (removable controls, soft hyphen, zero-width and bidi format characters,
//! fillers, tags). Because removals only ever take out transparent
//! characters, they never change a neighbour, so a second pass over the
//! output decides every remaining character the same way (idempotence).

use polynorm_script::{script, Script};

/// Whether `c` is skipped when looking for a neighbour.
pub(crate) fn is_transparent(c: char) -> bool {
    match c {
        // Removable controls; TAB, LF, VT, FF, CR and NEL separate words.
        '\u{0}'..='\u{8}'
        | '\u{E}'..='\u{1F}'
        | '\u{7F}'..='\u{84}'
        | '\u{86}'..='\u{9F}'
        | '\u{AD}'
        | '\u{61C}'
        | '\u{115F}'
        | '\u{1160}'
        | '\u{180E}'
        | '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{2069}'
        | '\u{3164}'
        | '\u{FEFF}'
        | '\u{FFA0}'
        | '\u{1F3FB}'..='\u{1F3FF}'
        | '\u{E0000}'..='\u{E007F}' => true,
        _ => c >= '\u{300}' && script(c) == Script::Inherited,
    }
}

/// Scripts in which ZWJ and ZWNJ select glyph forms: the cursive joining
/// scripts (Arabic, Syriac, N'Ko, Mongolian, …) and the Brahmic scripts of
/// South and Southeast Asia, where they control conjuncts and half forms.
pub(crate) fn uses_joiners(c: char) -> bool {
    matches!(
        script(c),
        // Joining scripts.
        Script::Arabic
            | Script::Syriac
            | Script::Nko
            | Script::Mongolian
            | Script::Mandaic
            | Script::Manichaean
            | Script::PsalterPahlavi
            | Script::HanifiRohingya
            | Script::Sogdian
            | Script::OldUyghur
            | Script::Chorasmian
            | Script::Adlam
            | Script::PhagsPa
            // Brahmic scripts.
            | Script::Devanagari
            | Script::Bengali
            | Script::Gurmukhi
            | Script::Gujarati
            | Script::Oriya
            | Script::Tamil
            | Script::Telugu
            | Script::Kannada
            | Script::Malayalam
            | Script::Sinhala
            | Script::Tibetan
            | Script::Myanmar
            | Script::Khmer
            | Script::TaiTham
            | Script::NewTaiLue
            | Script::Balinese
            | Script::Javanese
            | Script::Sundanese
            | Script::Batak
            | Script::Buginese
            | Script::Makasar
            | Script::Rejang
            | Script::Lepcha
            | Script::Limbu
            | Script::Cham
            | Script::Chakma
            | Script::Saurashtra
            | Script::SylotiNagri
            | Script::MeeteiMayek
            | Script::Brahmi
            | Script::Kaithi
            | Script::Sharada
            | Script::Takri
            | Script::Khojki
            | Script::Khudawadi
            | Script::Grantha
            | Script::Tirhuta
            | Script::Modi
            | Script::Siddham
            | Script::Newa
            | Script::Bhaiksuki
            | Script::Dogra
            | Script::Nandinagari
            | Script::ZanabazarSquare
            | Script::Soyombo
            | Script::MasaramGondi
            | Script::GunjalaGondi
            | Script::Mahajani
            | Script::Multani
            | Script::DivesAkuru
            | Script::Ahom
            | Script::Kawi
            | Script::TuluTigalari
            | Script::Tagalog
            | Script::Hanunoo
            | Script::Buhid
            | Script::Tagbanwa
    )
}

/// Whether `c` is Hangul (syllables, jamo, compatibility jamo).
pub(crate) fn is_hangul(c: char) -> bool {
    script(c) == Script::Hangul
}

/// Whether `c` is Mongolian.
pub(crate) fn is_mongolian(c: char) -> bool {
    script(c) == Script::Mongolian
}

/// `Extended_Pictographic` of Unicode 17.0 (emoji-data.txt) as inclusive
/// ranges. Unicode 17.0 took the property away from 672 symbols that are not
/// emoji (chess, card and mahjong symbols, most dingbats), which is why the
/// list has gaps older versions did not. emoji-data.txt is not vendored yet,
/// so the ranges were read off grapheme rule GB11 of `unicode-segmentation`
/// 1.13 (Unicode 17.0); a test keeps them equal to it.
static EXTENDED_PICTOGRAPHIC: [(u32, u32); 156] = [
    (0x00A9, 0x00A9),
    (0x00AE, 0x00AE),
    (0x203C, 0x203C),
    (0x2049, 0x2049),
    (0x2122, 0x2122),
    (0x2139, 0x2139),
    (0x2194, 0x2199),
    (0x21A9, 0x21AA),
    (0x231A, 0x231B),
    (0x2328, 0x2328),
    (0x23CF, 0x23CF),
    (0x23E9, 0x23F3),
    (0x23F8, 0x23FA),
    (0x24C2, 0x24C2),
    (0x25AA, 0x25AB),
    (0x25B6, 0x25B6),
    (0x25C0, 0x25C0),
    (0x25FB, 0x25FE),
    (0x2600, 0x2604),
    (0x260E, 0x260E),
    (0x2611, 0x2611),
    (0x2614, 0x2615),
    (0x2618, 0x2618),
    (0x261D, 0x261D),
    (0x2620, 0x2620),
    (0x2622, 0x2623),
    (0x2626, 0x2626),
    (0x262A, 0x262A),
    (0x262E, 0x262F),
    (0x2638, 0x263A),
    (0x2640, 0x2640),
    (0x2642, 0x2642),
    (0x2648, 0x2653),
    (0x265F, 0x2660),
    (0x2663, 0x2663),
    (0x2665, 0x2666),
    (0x2668, 0x2668),
    (0x267B, 0x267B),
    (0x267E, 0x267F),
    (0x2692, 0x2697),
    (0x2699, 0x2699),
    (0x269B, 0x269C),
    (0x26A0, 0x26A1),
    (0x26A7, 0x26A7),
    (0x26AA, 0x26AB),
    (0x26B0, 0x26B1),
    (0x26BD, 0x26BE),
    (0x26C4, 0x26C5),
    (0x26C8, 0x26C8),
    (0x26CE, 0x26CF),
    (0x26D1, 0x26D1),
    (0x26D3, 0x26D4),
    (0x26E9, 0x26EA),
    (0x26F0, 0x26F5),
    (0x26F7, 0x26FA),
    (0x26FD, 0x26FD),
    (0x2702, 0x2702),
    (0x2705, 0x2705),
    (0x2708, 0x270D),
    (0x270F, 0x270F),
    (0x2712, 0x2712),
    (0x2714, 0x2714),
    (0x2716, 0x2716),
    (0x271D, 0x271D),
    (0x2721, 0x2721),
    (0x2728, 0x2728),
    (0x2733, 0x2734),
    (0x2744, 0x2744),
    (0x2747, 0x2747),
    (0x274C, 0x274C),
    (0x274E, 0x274E),
    (0x2753, 0x2755),
    (0x2757, 0x2757),
    (0x2763, 0x2764),
    (0x2795, 0x2797),
    (0x27A1, 0x27A1),
    (0x27B0, 0x27B0),
    (0x27BF, 0x27BF),
    (0x2934, 0x2935),
    (0x2B05, 0x2B07),
    (0x2B1B, 0x2B1C),
    (0x2B50, 0x2B50),
    (0x2B55, 0x2B55),
    (0x3030, 0x3030),
    (0x303D, 0x303D),
    (0x3297, 0x3297),
    (0x3299, 0x3299),
    (0x1F004, 0x1F004),
    (0x1F02C, 0x1F02F),
    (0x1F094, 0x1F09F),
    (0x1F0AF, 0x1F0B0),
    (0x1F0C0, 0x1F0C0),
    (0x1F0CF, 0x1F0D0),
    (0x1F0F6, 0x1F0FF),
    (0x1F170, 0x1F171),
    (0x1F17E, 0x1F17F),
    (0x1F18E, 0x1F18E),
    (0x1F191, 0x1F19A),
    (0x1F1AE, 0x1F1E5),
    (0x1F201, 0x1F20F),
    (0x1F21A, 0x1F21A),
    (0x1F22F, 0x1F22F),
    (0x1F232, 0x1F23A),
    (0x1F23C, 0x1F23F),
    (0x1F249, 0x1F25F),
    (0x1F266, 0x1F321),
    (0x1F324, 0x1F393),
    (0x1F396, 0x1F397),
    (0x1F399, 0x1F39B),
    (0x1F39E, 0x1F3F0),
    (0x1F3F3, 0x1F3F5),
    (0x1F3F7, 0x1F3FA),
    (0x1F400, 0x1F4FD),
    (0x1F4FF, 0x1F53D),
    (0x1F549, 0x1F54E),
    (0x1F550, 0x1F567),
    (0x1F56F, 0x1F570),
    (0x1F573, 0x1F57A),
    (0x1F587, 0x1F587),
    (0x1F58A, 0x1F58D),
    (0x1F590, 0x1F590),
    (0x1F595, 0x1F596),
    (0x1F5A4, 0x1F5A5),
    (0x1F5A8, 0x1F5A8),
    (0x1F5B1, 0x1F5B2),
    (0x1F5BC, 0x1F5BC),
    (0x1F5C2, 0x1F5C4),
    (0x1F5D1, 0x1F5D3),
    (0x1F5DC, 0x1F5DE),
    (0x1F5E1, 0x1F5E1),
    (0x1F5E3, 0x1F5E3),
    (0x1F5E8, 0x1F5E8),
    (0x1F5EF, 0x1F5EF),
    (0x1F5F3, 0x1F5F3),
    (0x1F5FA, 0x1F64F),
    (0x1F680, 0x1F6C5),
    (0x1F6CB, 0x1F6D2),
    (0x1F6D5, 0x1F6E5),
    (0x1F6E9, 0x1F6E9),
    (0x1F6EB, 0x1F6F0),
    (0x1F6F3, 0x1F6FF),
    (0x1F7DA, 0x1F7FF),
    (0x1F80C, 0x1F80F),
    (0x1F848, 0x1F84F),
    (0x1F85A, 0x1F85F),
    (0x1F888, 0x1F88F),
    (0x1F8AE, 0x1F8AF),
    (0x1F8BC, 0x1F8BF),
    (0x1F8C2, 0x1F8CF),
    (0x1F8D9, 0x1F8FF),
    (0x1F90C, 0x1F93A),
    (0x1F93C, 0x1F945),
    (0x1F947, 0x1F9FF),
    (0x1FA58, 0x1FA5F),
    (0x1FA6E, 0x1FAFF),
    (0x1FC00, 0x1FFFD),
];

/// Whether `c` has the `Extended_Pictographic` property (emoji and the like).
pub(crate) fn is_pictographic(c: char) -> bool {
    let c = u32::from(c);
    if c < 0xA9 {
        return false;
    }
    let idx = EXTENDED_PICTOGRAPHIC.partition_point(|&(_, last)| last < c);
    EXTENDED_PICTOGRAPHIC
        .get(idx)
        .is_some_and(|&(first, _)| first <= c)
}

/// Finds neighbours in one text, remembering the last answer on each side so
/// that a long run of transparent characters is walked only once.
pub(crate) struct Neighbours<'a> {
    text: &'a str,
    /// `(at, found)`: the nearest non-transparent character before offset `at`.
    left: Option<(usize, Option<char>)>,
    /// `(from, to, found)`: the characters in `from..to` are transparent and
    /// `found` starts at `to`.
    right: Option<(usize, usize, Option<char>)>,
}

impl<'a> Neighbours<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        Neighbours {
            text,
            left: None,
            right: None,
        }
    }

    /// The nearest non-transparent character before byte offset `at`.
    pub(crate) fn before(&mut self, at: usize) -> Option<char> {
        let mut chars = self.text.get(..at).unwrap_or_default().char_indices();
        let mut boundary = at;
        let found = loop {
            if let Some((cached_at, cached)) = self.left {
                if cached_at == boundary {
                    break cached;
                }
            }
            match chars.next_back() {
                None => break None,
                Some((_, c)) if !is_transparent(c) => break Some(c),
                Some((k, _)) => boundary = k,
            }
        };
        self.left = Some((at, found));
        found
    }

    /// The nearest non-transparent character at or after byte offset `at`.
    pub(crate) fn after(&mut self, at: usize) -> Option<char> {
        if let Some((from, to, found)) = self.right {
            if from <= at && at <= to {
                return found;
            }
        }
        let rest = self.text.get(at..).unwrap_or_default();
        let (to, found) = rest
            .char_indices()
            .find(|&(_, c)| !is_transparent(c))
            .map_or((self.text.len(), None), |(k, c)| (at + k, Some(c)));
        self.right = Some((at, to, found));
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pictographic_ranges_are_sorted_and_disjoint() {
        for pair in EXTENDED_PICTOGRAPHIC.windows(2) {
            let [(a0, a1), (b0, _)] = pair else {
                unreachable!()
            };
            assert!(a0 <= a1 && a1 < b0, "{a0:X}..{a1:X} before {b0:X}");
        }
    }

    #[test]
    fn pictographic_matches_grapheme_segmentation() {
        // GB11: ExtPict Extend* ZWJ × ExtPict. A character that is neither
        // Extend, SpacingMark nor ZWJ (so "a" + c is two clusters) joins
        // "😀 ZWJ" into one cluster exactly when it is Extended_Pictographic.
        use unicode_segmentation::UnicodeSegmentation;
        let mut buf = String::new();
        let mut mismatches = Vec::new();
        for c in (0..=0x0010_FFFF).filter_map(char::from_u32) {
            buf.clear();
            buf.push('a');
            buf.push(c);
            if buf.graphemes(true).count() != 2 {
                continue;
            }
            buf.clear();
            buf.push_str("\u{1F600}\u{200D}");
            buf.push(c);
            let joined = buf.graphemes(true).count() == 1;
            if is_pictographic(c) != joined {
                mismatches.push(format!("U+{:04X}", u32::from(c)));
            }
        }
        assert!(mismatches.is_empty(), "{mismatches:?}");
    }

    #[test]
    fn transparent_covers_marks_and_removable_invisibles() {
        for c in [
            '\u{301}',
            '\u{200D}',
            '\u{FE0F}',
            '\u{34F}',
            '\u{200B}',
            '\u{E0041}',
            '\0',
        ] {
            assert!(is_transparent(c), "U+{:04X}", u32::from(c));
        }
        for c in [
            'a', ' ', '\t', '\n', '\r', '\u{B}', '\u{85}', 'ب', '\u{94D}',
        ] {
            assert!(!is_transparent(c), "U+{:04X}", u32::from(c));
        }
    }

    #[test]
    fn neighbours_skip_transparent_runs() {
        let text = "a\u{301}\u{200B}\u{200D}\u{200D}b";
        let mut n = Neighbours::new(text);
        // Offsets: a=0, U+0301=1, U+200B=3, ZWJ=6, ZWJ=9, b=12.
        assert_eq!(n.before(6), Some('a'));
        assert_eq!(n.before(9), Some('a')); // via the cache
        assert_eq!(n.after(9), Some('b'));
        assert_eq!(n.after(12), Some('b'));
        assert_eq!(n.after(13), None);
        assert_eq!(n.before(0), None);
    }

    #[test]
    fn joining_scripts() {
        assert!(uses_joiners('ب'));
        assert!(uses_joiners('क'));
        assert!(uses_joiners('ක'));
        assert!(!uses_joiners('a'));
        assert!(!uses_joiners('ж'));
        assert!(!uses_joiners('1'));
    }
}
