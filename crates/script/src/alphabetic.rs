//! [`is_alphabetic`]: `char::is_alphabetic` at the cost of one table look-up.
//!
//! The standard library answers `is_alphabetic` for characters outside ASCII
//! with a search through its Unicode tables (tens of nanoseconds; 7% of a
//! batch `clean` profile). Here the two commonest ranges of letters (basic
//! Cyrillic `А`–`я`, the Latin-1 letters `À`–`ÿ`) are answered by a range
//! test, and each other 256-code-point block of the Basic Multilingual Plane
//! is read once from the standard library into a bitmap on its first use,
//! so the answer is always the library's own (same Unicode version) and
//! a process pays only for the blocks its text uses (about 25 µs each).
//! Supplementary planes, rare in prose, go to the library. A test checks
//! every `char` against `char::is_alphabetic`.

use std::sync::OnceLock;

/// One bitmap per 256-code-point block of the BMP, filled on first use.
static BLOCKS: [OnceLock<[u64; 4]>; 256] = [const { OnceLock::new() }; 256];

/// Whether `c` has the Unicode `Alphabetic` property: the same answer as
/// [`char::is_alphabetic`] for every `char`, usually without its table
/// search.
///
/// ```
/// use polynorm_script::is_alphabetic;
///
/// assert!(is_alphabetic('ж') && is_alphabetic('語') && is_alphabetic('e'));
/// assert!(!is_alphabetic('1') && !is_alphabetic('—'));
/// ```
#[inline]
#[must_use]
pub fn is_alphabetic(c: char) -> bool {
    let cp = c as u32;
    if cp < 0x80 {
        return c.is_ascii_alphabetic();
    }
    // Whole ranges of letters: basic Cyrillic `А`–`я` and the Latin-1
    // letters `À`–`ÿ` but `×` and `÷`.
    if (0x410..=0x44F).contains(&cp) || ((0xC0..=0xFF).contains(&cp) && cp != 0xD7 && cp != 0xF7) {
        return true;
    }
    if cp > 0xFFFF {
        return c.is_alphabetic();
    }
    let Some(block) = BLOCKS.get((cp >> 8) as usize) else {
        return c.is_alphabetic();
    };
    let bits = block.get_or_init(|| fill(cp & !0xFF));
    bits.get(((cp >> 6) & 3) as usize)
        .is_some_and(|word| word >> (cp & 63) & 1 == 1)
}

/// The bitmap of the block starting at `first`.
#[cold]
fn fill(first: u32) -> [u64; 4] {
    let mut bits = [0u64; 4];
    for (i, word) in bits.iter_mut().enumerate() {
        for bit in 0..64u32 {
            let cp = first + (i as u32) * 64 + bit;
            if char::from_u32(cp).is_some_and(char::is_alphabetic) {
                *word |= 1 << bit;
            }
        }
    }
    bits
}

#[cfg(test)]
mod tests {
    use super::is_alphabetic;

    #[test]
    fn agrees_with_the_standard_library_everywhere() {
        for cp in 0..=0x10_FFFFu32 {
            if let Some(c) = char::from_u32(cp) {
                assert_eq!(is_alphabetic(c), c.is_alphabetic(), "U+{cp:04X}");
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn agrees_with_the_standard_library_on_text(text in "\\PC{0,64}") {
            for c in text.chars() {
                proptest::prop_assert_eq!(is_alphabetic(c), c.is_alphabetic(), "{:?}", c);
            }
        }
    }
}
