//! Single-byte code pages: byte ↔ character tables for the upper half
//! (0x80..=0xFF; the lower half is ASCII in every page here).
//!
//! Tables come from `encoding_rs` (the WHATWG Encoding Standard's indexes),
//! built once on first use, except IBM code page 437, which `encoding_rs`
//! does not carry: its upper half is [`CP437`] below, checked against
//! `data/curated/mojibake/cp437.tsv` by a test. ISO-8859-1 proper (bytes
//! 0x80..0x9F as C1 controls, which WHATWG folds into windows-1252) is the
//! identity on U+0080..U+00FF.
//!
//! Bytes a page leaves undefined decode as the C1 control of the same value,
//! as browsers do for windows-1252 (`0x81` → U+0081), so those controls
//! encode back to their byte. Where `encoding_rs` decodes an undefined byte
//! to U+FFFD (windows-1253 0xAA, 0xD2, 0xFF), the table keeps U+FFFD and the
//! repair treats it as a lost byte.

use std::sync::OnceLock;

/// A single-byte code page that text may have been decoded with by mistake.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
pub enum CodePage {
    /// windows-1252, Western European (what browsers use for ISO-8859-1 too).
    Windows1252,
    /// ISO-8859-1 proper: 0x80..0x9F are C1 controls.
    #[cfg_attr(feature = "serde", serde(rename = "iso-8859-1"))]
    Latin1,
    /// windows-1251, Cyrillic.
    Windows1251,
    /// KOI8-R, Russian.
    #[cfg_attr(feature = "serde", serde(rename = "koi8-r"))]
    Koi8R,
    /// KOI8-U, Ukrainian (as the WHATWG standard defines it).
    #[cfg_attr(feature = "serde", serde(rename = "koi8-u"))]
    Koi8U,
    /// windows-1250, Central European.
    Windows1250,
    /// windows-1253, Greek.
    Windows1253,
    /// windows-1254, Turkish.
    Windows1254,
    /// Mac OS Roman.
    MacRoman,
    /// IBM code page 437 (the original IBM PC, DOS consoles).
    Cp437,
    /// IBM code page 866 (DOS Cyrillic).
    Cp866,
    /// ISO-8859-5, Cyrillic.
    #[cfg_attr(feature = "serde", serde(rename = "iso-8859-5"))]
    Iso8859_5,
}

impl CodePage {
    /// Every code page, in the order the repair prefers them when several
    /// explain the same text equally well.
    pub const ALL: [CodePage; 12] = [
        CodePage::Windows1252,
        CodePage::Latin1,
        CodePage::Windows1251,
        CodePage::Koi8R,
        CodePage::Koi8U,
        CodePage::Windows1250,
        CodePage::Windows1253,
        CodePage::Windows1254,
        CodePage::MacRoman,
        CodePage::Cp437,
        CodePage::Cp866,
        CodePage::Iso8859_5,
    ];

    /// The pages that UTF-8 is undone from (UTF-8 bytes decoded with one of
    /// these), in order of preference. Bit `i` of a page mask is
    /// `UTF8_PAGES[i]`.
    pub(crate) const UTF8_PAGES: [CodePage; 10] = [
        CodePage::Windows1252,
        CodePage::Latin1,
        CodePage::Windows1251,
        CodePage::Koi8R,
        CodePage::Koi8U,
        CodePage::Windows1250,
        CodePage::Windows1253,
        CodePage::Windows1254,
        CodePage::MacRoman,
        CodePage::Cp437,
    ];

    /// The page's name as the WHATWG Encoding Standard (or IANA) spells it:
    /// `windows-1252`, `iso-8859-1`, `koi8-r`, `macintosh`, `ibm437`, …
    pub const fn name(self) -> &'static str {
        match self {
            CodePage::Windows1252 => "windows-1252",
            CodePage::Latin1 => "iso-8859-1",
            CodePage::Windows1251 => "windows-1251",
            CodePage::Koi8R => "koi8-r",
            CodePage::Koi8U => "koi8-u",
            CodePage::Windows1250 => "windows-1250",
            CodePage::Windows1253 => "windows-1253",
            CodePage::Windows1254 => "windows-1254",
            CodePage::MacRoman => "macintosh",
            CodePage::Cp437 => "ibm437",
            CodePage::Cp866 => "ibm866",
            CodePage::Iso8859_5 => "iso-8859-5",
        }
    }

    /// The page with this name (as [`CodePage::name`] gives it, ASCII case
    /// ignored), or `None`.
    pub fn from_name(name: &str) -> Option<CodePage> {
        CodePage::ALL
            .into_iter()
            .find(|p| p.name().eq_ignore_ascii_case(name))
    }

    /// The character byte `b` decodes to (ASCII for `b < 0x80`).
    pub fn decode_byte(self, b: u8) -> char {
        match b.checked_sub(0x80) {
            None => char::from(b),
            Some(i) => table(self)
                .high
                .get(usize::from(i))
                .copied()
                .unwrap_or(char::REPLACEMENT_CHARACTER),
        }
    }

    /// The byte `c` encodes to, or `None` if the page has no such character.
    /// C1 controls encode to their own value where the page leaves that byte
    /// undefined (or, in ISO-8859-1, defines it so).
    ///
    /// (Inlined: the repair asks it of every non-ASCII character of a line
    /// for each page it tries, and nearly every answer is one load from the
    /// table of the common ranges built on first use.)
    #[inline]
    pub fn encode_char(self, c: char) -> Option<u8> {
        if c.is_ascii() {
            return Some(c as u8);
        }
        match fast_encode(self, c) {
            Some(b) => (b != 0).then_some(b),
            None => self.encode_rare(c),
        }
    }

    /// [`CodePage::encode_char`] of a character outside the fast table's
    /// ranges, from the page's sorted table.
    #[cold]
    #[inline(never)]
    fn encode_rare(self, c: char) -> Option<u8> {
        let t = table(self);
        t.reverse
            .binary_search_by(|&(k, _)| k.cmp(&c))
            .ok()
            .and_then(|i| t.reverse.get(i))
            .map(|&(_, b)| b)
    }

    /// The bytes in 0x80..=0xFF this page leaves undefined (decoded as C1
    /// controls or U+FFFD).
    pub(crate) fn undefined(self) -> &'static [u8] {
        &table(self).undefined
    }

    /// Characters other tables put at a byte where this page's table has
    /// another: KOI8-U as RFC 2319 defines it has `╝` at 0xAE and `╬` at
    /// 0xBE, where the WHATWG table (KOI8-RU) has `ў` and `Ў`. Both encode
    /// back to the byte.
    pub(crate) fn aliases(self) -> &'static [(char, u8)] {
        match self {
            CodePage::Koi8U => &[('\u{255D}', 0xAE), ('\u{256C}', 0xBE)],
            _ => &[],
        }
    }

    fn encoding(self) -> Option<&'static encoding_rs::Encoding> {
        Some(match self {
            CodePage::Windows1252 => encoding_rs::WINDOWS_1252,
            CodePage::Windows1251 => encoding_rs::WINDOWS_1251,
            CodePage::Koi8R => encoding_rs::KOI8_R,
            CodePage::Koi8U => encoding_rs::KOI8_U,
            CodePage::Windows1250 => encoding_rs::WINDOWS_1250,
            CodePage::Windows1253 => encoding_rs::WINDOWS_1253,
            CodePage::Windows1254 => encoding_rs::WINDOWS_1254,
            CodePage::MacRoman => encoding_rs::MACINTOSH,
            CodePage::Cp866 => encoding_rs::IBM866,
            CodePage::Iso8859_5 => encoding_rs::ISO_8859_5,
            CodePage::Latin1 | CodePage::Cp437 => return None,
        })
    }

    fn index(self) -> usize {
        self as usize
    }
}

impl std::fmt::Display for CodePage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// IBM code page 437, bytes 0x80..=0xFF, as published in the Unicode
/// Consortium's mapping `VENDORS/MICSFT/PC/CP437.TXT` (1996); also in
/// `data/curated/mojibake/cp437.tsv`.
pub(crate) const CP437: [char; 128] = [
    '\u{00C7}', '\u{00FC}', '\u{00E9}', '\u{00E2}', '\u{00E4}', '\u{00E0}', '\u{00E5}', '\u{00E7}',
    '\u{00EA}', '\u{00EB}', '\u{00E8}', '\u{00EF}', '\u{00EE}', '\u{00EC}', '\u{00C4}', '\u{00C5}',
    '\u{00C9}', '\u{00E6}', '\u{00C6}', '\u{00F4}', '\u{00F6}', '\u{00F2}', '\u{00FB}', '\u{00F9}',
    '\u{00FF}', '\u{00D6}', '\u{00DC}', '\u{00A2}', '\u{00A3}', '\u{00A5}', '\u{20A7}', '\u{0192}',
    '\u{00E1}', '\u{00ED}', '\u{00F3}', '\u{00FA}', '\u{00F1}', '\u{00D1}', '\u{00AA}', '\u{00BA}',
    '\u{00BF}', '\u{2310}', '\u{00AC}', '\u{00BD}', '\u{00BC}', '\u{00A1}', '\u{00AB}', '\u{00BB}',
    '\u{2591}', '\u{2592}', '\u{2593}', '\u{2502}', '\u{2524}', '\u{2561}', '\u{2562}', '\u{2556}',
    '\u{2555}', '\u{2563}', '\u{2551}', '\u{2557}', '\u{255D}', '\u{255C}', '\u{255B}', '\u{2510}',
    '\u{2514}', '\u{2534}', '\u{252C}', '\u{251C}', '\u{2500}', '\u{253C}', '\u{255E}', '\u{255F}',
    '\u{255A}', '\u{2554}', '\u{2569}', '\u{2566}', '\u{2560}', '\u{2550}', '\u{256C}', '\u{2567}',
    '\u{2568}', '\u{2564}', '\u{2565}', '\u{2559}', '\u{2558}', '\u{2552}', '\u{2553}', '\u{256B}',
    '\u{256A}', '\u{2518}', '\u{250C}', '\u{2588}', '\u{2584}', '\u{258C}', '\u{2590}', '\u{2580}',
    '\u{03B1}', '\u{00DF}', '\u{0393}', '\u{03C0}', '\u{03A3}', '\u{03C3}', '\u{00B5}', '\u{03C4}',
    '\u{03A6}', '\u{0398}', '\u{03A9}', '\u{03B4}', '\u{221E}', '\u{03C6}', '\u{03B5}', '\u{2229}',
    '\u{2261}', '\u{00B1}', '\u{2265}', '\u{2264}', '\u{2320}', '\u{2321}', '\u{00F7}', '\u{2248}',
    '\u{00B0}', '\u{2219}', '\u{00B7}', '\u{221A}', '\u{207F}', '\u{00B2}', '\u{25A0}', '\u{00A0}',
];

/// One page's tables.
pub(crate) struct Table {
    /// Byte 0x80 + i decodes to `high[i]`.
    pub(crate) high: [char; 128],
    /// (character, byte), sorted by character: the inverse of `high`, plus
    /// C1 controls for undefined bytes.
    pub(crate) reverse: Vec<(char, u8)>,
    /// Undefined bytes.
    pub(crate) undefined: Vec<u8>,
}

fn build(page: CodePage) -> Table {
    let mut high = ['\u{FFFD}'; 128];
    let mut undefined = Vec::new();
    for (i, slot) in (0x80u8..=0xFF).zip(high.iter_mut()) {
        let c = match page {
            CodePage::Latin1 => char::from(i),
            CodePage::Cp437 => CP437
                .get(usize::from(i - 0x80))
                .copied()
                .unwrap_or('\u{FFFD}'),
            _ => page.encoding().map_or('\u{FFFD}', |enc| {
                let bytes = [i];
                let (text, _) = enc.decode_without_bom_handling(&bytes);
                text.chars().next().unwrap_or('\u{FFFD}')
            }),
        };
        let c1 = ('\u{80}'..='\u{9F}').contains(&c);
        if (c1 && page != CodePage::Latin1) || c == '\u{FFFD}' {
            undefined.push(i);
        }
        *slot = c;
    }
    let mut reverse: Vec<(char, u8)> = (0x80u8..=0xFF)
        .zip(high.iter())
        .filter(|&(_, &c)| c != '\u{FFFD}')
        .map(|(b, &c)| (c, b))
        .collect();
    // A C1 control stands for its own byte where that byte is undefined.
    for &b in &undefined {
        if b < 0xA0 && !reverse.iter().any(|&(c, _)| c == char::from(b)) {
            reverse.push((char::from(b), b));
        }
    }
    reverse.extend_from_slice(page.aliases());
    reverse.sort_unstable();
    reverse.dedup_by_key(|e| e.0);
    Table {
        high,
        reverse,
        undefined,
    }
}

/// Code points U+0080..U+04FF and U+2000..U+25FF, where nearly every
/// character of every page lies: the byte per page (0: none), built once.
/// Each page's bytes lie together ([`FAST_ROW`] of them, the low range
/// then the punctuation range), so that a line read with one page touches
/// that page's bytes only.
struct FastTable {
    bytes: Vec<u8>,
}

const FAST_LOW: std::ops::Range<u32> = 0x80..0x500;
const FAST_PUNCT: std::ops::Range<u32> = 0x2000..0x2600;
/// The bytes of one page in [`FastTable::bytes`].
const FAST_ROW: usize =
    (FAST_LOW.end - FAST_LOW.start + FAST_PUNCT.end - FAST_PUNCT.start) as usize;

/// Where code point `cp` is in a page's row of [`FastTable::bytes`], if
/// the table holds it.
#[inline]
fn fast_offset(cp: u32) -> Option<usize> {
    if FAST_LOW.contains(&cp) {
        Some((cp - FAST_LOW.start) as usize)
    } else if FAST_PUNCT.contains(&cp) {
        Some((cp - FAST_PUNCT.start + (FAST_LOW.end - FAST_LOW.start)) as usize)
    } else {
        None
    }
}

fn fast_table() -> &'static FastTable {
    static FAST: OnceLock<FastTable> = OnceLock::new();
    FAST.get_or_init(|| {
        let mut bytes = vec![0u8; CodePage::ALL.len() * FAST_ROW];
        for page in CodePage::ALL {
            for &(c, b) in &table(page).reverse {
                let slot = fast_offset(u32::from(c))
                    .and_then(|at| bytes.get_mut(page.index() * FAST_ROW + at));
                if let Some(entry) = slot {
                    *entry = b;
                }
            }
        }
        FastTable { bytes }
    })
}

/// The byte of `c` in `page` from the fast table (0: none), or `None` when
/// `c` lies outside its ranges.
#[inline]
fn fast_encode(page: CodePage, c: char) -> Option<u8> {
    let at = fast_offset(u32::from(c))?;
    fast_table()
        .bytes
        .get(page.index() * FAST_ROW + at)
        .copied()
}

/// The tables of `page`, built on first use.
pub(crate) fn table(page: CodePage) -> &'static Table {
    static TABLES: OnceLock<Vec<Table>> = OnceLock::new();
    static FALLBACK: OnceLock<Table> = OnceLock::new();
    let tables = TABLES.get_or_init(|| CodePage::ALL.into_iter().map(build).collect());
    if let Some(t) = tables.get(page.index()) {
        return t;
    }
    // `index` is always in range; keep a valid fallback regardless.
    debug_assert!(false, "no table for {page:?}");
    FALLBACK.get_or_init(|| build(CodePage::Latin1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cp437_matches_the_curated_table() {
        let tsv = include_str!("../../../../data/curated/mojibake/cp437.tsv");
        let mut n = 0;
        for line in tsv.lines().filter(|l| !l.starts_with('#')) {
            let mut f = line.split('\t');
            let byte = u8::from_str_radix(f.next().unwrap(), 16).unwrap();
            let cp = u32::from_str_radix(f.next().unwrap().trim_start_matches("U+"), 16).unwrap();
            assert_eq!(
                CP437[usize::from(byte - 0x80)] as u32,
                cp,
                "byte {byte:02X}"
            );
            n += 1;
        }
        assert_eq!(n, 128);
    }

    #[test]
    fn round_trips() {
        for page in CodePage::ALL {
            for b in 0x80u8..=0xFF {
                let c = page.decode_byte(b);
                if c == '\u{FFFD}' {
                    assert!(page.undefined().contains(&b));
                    continue;
                }
                assert_eq!(page.encode_char(c), Some(b), "{page} {b:02X} {c:?}");
            }
            assert_eq!(page.encode_char('a'), Some(b'a'));
            assert_eq!(CodePage::from_name(page.name()), Some(page));
        }
    }

    #[test]
    fn the_fast_table_agrees_with_the_sorted_tables() {
        // Every character of the fast table's ranges and around them, in
        // every page: the inlined look-up gives what the sorted table does.
        let mut asked = 0;
        for page in CodePage::ALL {
            for cp in (0x80..0x700).chain(0x1F00..0x2700).chain(0xFF00..0x10000) {
                let Some(c) = char::from_u32(cp) else {
                    continue;
                };
                assert_eq!(
                    page.encode_char(c),
                    page.encode_rare(c),
                    "{page} U+{cp:04X}"
                );
                asked += usize::from(page.encode_rare(c).is_some());
            }
        }
        // Each page's 128 upper bytes (less the undefined ones) and more.
        assert!(asked > 12 * 100, "{asked}");
    }

    #[test]
    fn index_is_the_position_in_all() {
        for (i, page) in CodePage::ALL.into_iter().enumerate() {
            assert_eq!(page.index(), i);
        }
    }

    #[test]
    fn known_bytes() {
        assert_eq!(CodePage::Windows1252.decode_byte(0xC3), 'Ã');
        assert_eq!(CodePage::Windows1252.decode_byte(0x81), '\u{81}');
        assert_eq!(CodePage::Windows1252.encode_char('\u{81}'), Some(0x81));
        assert_eq!(CodePage::Windows1252.encode_char('\u{80}'), None);
        assert_eq!(CodePage::Latin1.encode_char('\u{80}'), Some(0x80));
        assert_eq!(CodePage::Windows1251.decode_byte(0xD0), 'Р');
        assert_eq!(CodePage::Koi8R.decode_byte(0xC1), 'а');
        assert_eq!(CodePage::MacRoman.decode_byte(0xC3), '√');
        assert_eq!(CodePage::Cp437.decode_byte(0xC3), '├');
        assert_eq!(CodePage::Windows1253.undefined(), {
            let t: &[u8] = &[
                0x81, 0x88, 0x8A, 0x8C, 0x8D, 0x8E, 0x8F, 0x90, 0x98, 0x9A, 0x9C, 0x9D, 0x9E, 0x9F,
                0xAA, 0xD2, 0xFF,
            ];
            t
        });
        assert_eq!(CodePage::Koi8R.encode_char('Ж'), Some(0xF6));
        assert_eq!(CodePage::Koi8U.encode_char('ў'), Some(0xAE));
        assert_eq!(CodePage::Koi8U.encode_char('╝'), Some(0xAE));
        assert_eq!(CodePage::Windows1252.encode_char('Ж'), None);
    }
}
