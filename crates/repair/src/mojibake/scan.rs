//! The cheap first look: one pass over the bytes that rejects clean text.
//!
//! Mojibake of UTF-8 in a single-byte page is a character that the page
//! encodes as a UTF-8 lead byte (0xC2..0xF4) followed by one that it encodes
//! as a continuation byte (0x80..0xBF). Every non-ASCII character's role in
//! each of the [`CodePage::UTF8_PAGES`] is one lookup in a table built on
//! first use (a `u64` per character: a lead-2, lead-3, lead-4 and
//! continuation bit per page, plus a few flags); printable ASCII is skipped
//! eight bytes at a time; nothing is allocated. A line is passed on when some
//! page sees a lead followed by a continuation, when a likely lead is
//! followed by a space (a lost no-break space), or when its letter statistics
//! look like a legacy 8-bit mix-up (runs of accented Latin-1 letters, or
//! Cyrillic with mostly capitals or capitals inside words).

use std::sync::OnceLock;

use super::codepage::CodePage;

const LEAD2: u32 = 0;
const LEAD3: u32 = 16;
const LEAD4: u32 = 32;
const CONT: u32 = 48;
const PAGE_BITS: u64 = 0x3FF;
/// A Cyrillic capital letter.
const CYR_UPPER: u64 = 1 << 60;
/// A Cyrillic small letter.
const CYR_LOWER: u64 = 1 << 61;
/// A character of U+00C0..U+00FF (letters and × ÷).
const LATIN_HIGH: u64 = 1 << 62;
/// `Â`, `Ã`, `Ð`: leads whose no-break space is often lost.
const NBSP_LEAD: u64 = 1 << 63;
/// `¤ ¦ § © « ¬ SHY ®`: IBM866 small letters read as windows-1251.
const CP866_SIGN: u64 = 1 << 59;

/// What the scan found.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Hints {
    /// Pages (bits of [`CodePage::UTF8_PAGES`]) that see a lead followed by
    /// a continuation.
    pub(crate) utf8: u16,
    /// A run of three or more accented Latin-1 characters: 8-bit text read
    /// as windows-1252.
    pub(crate) legacy_latin: bool,
    /// Cyrillic with mostly capitals or capitals inside words: one Cyrillic
    /// page read as another.
    pub(crate) legacy_cyrillic: bool,
}

impl Hints {
    #[cfg(test)]
    fn is_empty(self) -> bool {
        self.utf8 == 0 && !self.legacy_latin && !self.legacy_cyrillic
    }
}

struct MaskTable {
    /// U+0080..U+04FF.
    low: Vec<u64>,
    /// U+2000..U+25FF.
    punct: Vec<u64>,
    /// Everything else, sorted.
    sparse: Vec<(char, u64)>,
}

const LOW_START: u32 = 0x80;
const LOW_END: u32 = 0x500;
const PUNCT_START: u32 = 0x2000;
const PUNCT_END: u32 = 0x2600;

impl MaskTable {
    fn build() -> MaskTable {
        let mut low = vec![0u64; (LOW_END - LOW_START) as usize];
        let mut punct = vec![0u64; (PUNCT_END - PUNCT_START) as usize];
        let mut sparse: Vec<(char, u64)> = Vec::new();
        let mut add = |c: char, bits: u64| {
            let cp = u32::from(c);
            let slot = if (LOW_START..LOW_END).contains(&cp) {
                low.get_mut((cp - LOW_START) as usize)
            } else if (PUNCT_START..PUNCT_END).contains(&cp) {
                punct.get_mut((cp - PUNCT_START) as usize)
            } else {
                if !sparse.iter().any(|(k, _)| *k == c) {
                    sparse.push((c, 0));
                }
                sparse.iter_mut().find(|(k, _)| *k == c).map(|(_, m)| m)
            };
            if let Some(slot) = slot {
                *slot |= bits;
            }
        };
        for (bit, page) in CodePage::UTF8_PAGES.into_iter().enumerate() {
            for b in 0x80u8..=0xFF {
                let role = match b {
                    0x80..=0xBF => CONT,
                    0xC2..=0xDF => LEAD2,
                    0xE0..=0xEF => LEAD3,
                    0xF0..=0xF4 => LEAD4,
                    _ => continue,
                };
                let c = page.decode_byte(b);
                if c == '\u{FFFD}' {
                    continue;
                }
                add(c, 1 << (role + bit as u32));
                // A C1 control can stand for an undefined byte (sloppy decoders).
                if page.undefined().contains(&b) && b < 0xA0 {
                    add(char::from(b), 1 << (role + bit as u32));
                }
            }
            for &(c, b) in page.aliases() {
                if (0x80..0xC0).contains(&b) {
                    add(c, 1 << (CONT + bit as u32));
                }
            }
            // U+FFFD can stand for a lost continuation byte.
            if page.undefined().iter().any(|b| (0x80..0xC0).contains(b)) {
                add('\u{FFFD}', 1 << (CONT + bit as u32));
            }
        }
        for c in ('\u{0400}'..='\u{04FF}').filter(|c| c.is_alphabetic()) {
            if c.is_uppercase() {
                add(c, CYR_UPPER);
            } else if c.is_lowercase() {
                add(c, CYR_LOWER);
            }
        }
        for c in '\u{00C0}'..='\u{00FF}' {
            add(c, LATIN_HIGH);
        }
        for c in ['Â', 'Ã', 'Ð'] {
            add(c, NBSP_LEAD);
        }
        for c in ['¤', '¦', '§', '©', '«', '¬', '\u{AD}', '®'] {
            add(c, CP866_SIGN);
        }
        sparse.sort_unstable_by_key(|e| e.0);
        MaskTable { low, punct, sparse }
    }

    #[inline]
    fn get(&self, cp: u32) -> u64 {
        if let Some(i) = cp.checked_sub(LOW_START) {
            if let Some(&m) = self.low.get(i as usize) {
                return m;
            }
        }
        if let Some(i) = cp.checked_sub(PUNCT_START) {
            if let Some(&m) = self.punct.get(i as usize) {
                return m;
            }
        }
        if cp < 0xF000 {
            return 0;
        }
        self.sparse
            .binary_search_by(|e| u32::from(e.0).cmp(&cp))
            .ok()
            .and_then(|i| self.sparse.get(i))
            .map_or(0, |e| e.1)
    }
}

fn masks() -> &'static MaskTable {
    static TABLE: OnceLock<MaskTable> = OnceLock::new();
    TABLE.get_or_init(MaskTable::build)
}

#[inline]
fn bits(m: u64, role: u32) -> u16 {
    (m >> role) as u16 & PAGE_BITS as u16
}

/// Pages where `0xA0` (no-break space) completes a two-byte lead.
fn nbsp_pages() -> u16 {
    static PAGES: OnceLock<u16> = OnceLock::new();
    *PAGES.get_or_init(|| {
        CodePage::UTF8_PAGES
            .iter()
            .enumerate()
            .filter(|(_, p)| p.decode_byte(0xA0) == '\u{A0}')
            .fold(0, |acc, (i, _)| acc | 1 << i)
    })
}

const HIGHS: u64 = 0x8080_8080_8080_8080;

/// Scans `text` once; see the module documentation.
pub(crate) fn scan(text: &str) -> Hints {
    let bytes = text.as_bytes();
    let len = bytes.len();
    let mut i = 0;
    // Skip a leading ASCII stretch before touching any table.
    while let Some(w) = bytes
        .get(i..i + 8)
        .and_then(|w| <[u8; 8]>::try_from(w).ok())
    {
        if u64::from_le_bytes(w) & HIGHS != 0 {
            break;
        }
        i += 8;
    }
    while bytes.get(i).is_some_and(u8::is_ascii) {
        i += 1;
    }
    if i >= len {
        return Hints::default();
    }
    let table = masks();
    let mut hints = Hints::default();
    let mut prev: u64 = 0;
    // Pages that expect one, two or three more continuation bytes.
    let (mut need1, mut need2, mut need3) = (0u16, 0u16, 0u16);
    // Per run of non-ASCII characters: pages where a sequence completed,
    // and pages where no lead was left without its continuations. A run
    // counts for a page only if both hold at its end: in real mojibake
    // every lead is complete (`РЎРµ`), while a chance pair inside a clean
    // word has broken leads around it (`учёт` in KOI8-R).
    let mut pending = 0u16;
    let mut clean = u16::MAX;
    let mut latin_run = 0u32;
    let (mut cyr_upper, mut cyr_lower, mut cyr_inner_caps) = (0u32, 0u32, 0u32);
    // Signs glued to Cyrillic letters (IBM866 text read as windows-1251).
    let mut cyr_signs = 0u32;
    while let Some(&b0) = bytes.get(i) {
        if b0 < 0x80 {
            if b0 == b' ' && prev & NBSP_LEAD != 0 {
                hints.utf8 |= bits(prev, LEAD2) & nbsp_pages();
            }
            clean &= !(need1 | need2 | need3);
            hints.utf8 |= pending & clean;
            (pending, clean) = (0, u16::MAX);
            prev = 0;
            (need1, need2, need3) = (0, 0, 0);
            latin_run = 0;
            i += 1;
            while let Some(w) = bytes
                .get(i..i + 8)
                .and_then(|w| <[u8; 8]>::try_from(w).ok())
            {
                if u64::from_le_bytes(w) & HIGHS != 0 {
                    break;
                }
                i += 8;
            }
            continue;
        }
        if (0xE3..=0xED).contains(&b0) {
            // U+3000..U+DFFF (CJK, kana, Hangul, Yi, …): in no page, so a
            // lead waiting for continuations is broken, and nothing else
            // changes; skip the whole stretch.
            clean &= !(need1 | need2 | need3);
            (need1, need2, need3) = (0, 0, 0);
            prev = 0;
            latin_run = 0;
            i += 3;
            while bytes.get(i).is_some_and(|b| (0xE3..=0xED).contains(b)) {
                i += 3;
            }
            continue;
        }
        let b1 = u32::from(bytes.get(i + 1).copied().unwrap_or(0) & 0x3F);
        let (cp, n) = if b0 < 0xE0 {
            ((u32::from(b0 & 0x1F) << 6) | b1, 2)
        } else if b0 < 0xF0 {
            let b2 = u32::from(bytes.get(i + 2).copied().unwrap_or(0) & 0x3F);
            ((u32::from(b0 & 0x0F) << 12) | (b1 << 6) | b2, 3)
        } else {
            (0x10000, 4) // no page maps a supplementary character
        };
        let m = if n == 4 { 0 } else { table.get(cp) };
        let cont = bits(m, CONT);
        clean &= !((need1 | need2 | need3) & !cont);
        pending |= need1 & cont;
        need1 = bits(m, LEAD2) | (need2 & cont);
        need2 = bits(m, LEAD3) | (need3 & cont);
        need3 = bits(m, LEAD4);
        if m & LATIN_HIGH != 0 {
            latin_run += 1;
            if latin_run >= 3 {
                hints.legacy_latin = true;
            }
        } else {
            latin_run = 0;
        }
        let cyr = CYR_UPPER | CYR_LOWER;
        if (m & CP866_SIGN != 0 && prev & cyr != 0) || (m & cyr != 0 && prev & CP866_SIGN != 0) {
            cyr_signs += 1;
        }
        if m & CYR_UPPER != 0 {
            cyr_upper += 1;
            if prev & CYR_LOWER != 0 {
                cyr_inner_caps += 1;
            }
        } else if m & CYR_LOWER != 0 {
            cyr_lower += 1;
        }
        prev = m;
        i += n;
    }
    clean &= !(need1 | need2 | need3);
    hints.utf8 |= pending & clean;
    // Re-read text has these everywhere; clean text has a few (`МиБ`).
    let cyr_letters = cyr_upper + cyr_lower;
    hints.legacy_cyrillic = (cyr_inner_caps >= 2 && cyr_inner_caps * 12 >= cyr_letters)
        || (cyr_signs >= 2 && cyr_signs * 12 >= cyr_letters)
        || (cyr_upper >= 4 && cyr_upper > cyr_lower);
    hints
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page_bit(p: CodePage) -> u16 {
        1 << CodePage::UTF8_PAGES.iter().position(|&q| q == p).unwrap()
    }

    #[test]
    fn clean_text_has_no_hints() {
        for text in [
            "",
            "plain ASCII text, nothing to see",
            "Москва — столица России, «как известно».",
            "Ελληνικά κείμενα με τόνους.",
            "Ça déjà été créé à Zürich, Straße.",
            "東京と大阪",
            "Türkçe metin: ışık, üzgün, çağ, İstanbul.",
            "учёт, всё, ещё, неё, щёлкнув",
            "він, вірш, відтак",
        ] {
            assert!(scan(text).is_empty(), "{text:?}: {:?}", scan(text));
        }
    }

    #[test]
    fn utf8_mojibake_is_flagged_for_its_page() {
        assert_ne!(scan("cafÃ©").utf8 & page_bit(CodePage::Windows1252), 0);
        assert_ne!(
            scan("РЎРµСЂРіРµР№").utf8 & page_bit(CodePage::Windows1251),
            0
        );
        assert_ne!(scan("п═п╡я─пЁп╣").utf8 & page_bit(CodePage::Koi8R), 0);
        assert_ne!(
            scan("â€œquotedâ€\u{9D}").utf8 & page_bit(CodePage::Windows1252),
            0
        );
        assert_ne!(scan("caf√©").utf8 & page_bit(CodePage::MacRoman), 0);
        assert_ne!(scan("caf├⌐").utf8 & page_bit(CodePage::Cp437), 0);
        // A lost no-break space after Ã.
        assert_ne!(
            scan("voilÃ  tout").utf8 & page_bit(CodePage::Windows1252),
            0
        );
        // U+FFFD for a lost continuation byte.
        assert_ne!(scan("Ã\u{FFFD}").utf8 & page_bit(CodePage::Windows1252), 0);
    }

    #[test]
    fn legacy_mixups_are_flagged() {
        assert!(scan("Ñåðãåé Ïåòðîâ").legacy_latin);
        assert!(scan("ПТЙЧЕФ НЙТ").legacy_cyrillic);
        assert!(scan("уЕТЗЕК рЕФТПЧ").legacy_cyrillic);
        assert!(!scan("Сергей Петров").legacy_cyrillic);
        assert!(scan("‘ «оЎЁ¬Ёп Ё Ї®¤ еа бв  Ґ ¤®¬.").legacy_cyrillic);
    }
}
